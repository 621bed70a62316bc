"""Self-contained HTML pages: one per derivation, an index, and a report for Jupyter.

Math is native presentation MathML (``<math display="block">``), which current
browsers render without JavaScript; styles are inline; plots are embedded as
``data:`` URIs, so a page can be moved or mailed on its own.

>>> from symloss.printing._examples import example_pairs, example_report
>>> page = derivation_html(*example_pairs()[1])
>>> page.startswith("<!DOCTYPE html>"), "<script" in page, page.count("<math") > 10
(True, False, True)
>>> 'href="kl.html"' in index_html(example_pairs())
True
>>> "bce" in report_html(example_report())
True
"""
from __future__ import annotations

import base64
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Sequence

from symloss.printing._html_parts import CSS, conclusion_mathml, derivation_fragment
from symloss.printing._view import chain_views, summary
from symloss.printing.mathml import math_element
from symloss.printing.plots import caption, plots_for_title, spec_of

if TYPE_CHECKING:  # pragma: no cover
    from symloss.check.report import Report, StepResult
    from symloss.derivation import Derivation

Pairs = Sequence[tuple["Derivation", Sequence["StepResult"] | None]]

TITLE = "Loss functions, derived step by step and checked"

_PAGE_CSS = """
body { margin: 0; background: #fafafa; }
main.symloss { max-width: 70em; margin: 0 auto; padding: 1.5em 2em 3em; background: #fff; }
.symloss .shows { display: inline-block; max-width: 34em; overflow-x: auto; overflow-y: hidden;
  padding: 0.3em 0; vertical-align: middle; }
.symloss table.summary td:last-child { white-space: nowrap; }
.symloss nav { font-size: 0.92em; } .symloss .source { color: #444; font-style: italic; }
"""

_MARKS_NOTE = ("Each line is one step. At its end: the step number and the verdict, "
               '<span class="proved">✓</span> proved symbolically, '
               '<span class="refuted">✗</span> refuted by a counterexample (the relation is struck '
               'through, the counterexample is shown under the line), '
               '<span class="unproved">?</span> unproved, <span class="error">!</span> ill-formed. '
               "A step marked <em>erratum</em> records a mistake in the source and is expected to "
               "be refuted. Hover a mark for details.")


_RESERVED = {"index", "symloss"}


def page_stem(name: str) -> str:
    """The file name (without suffix) of a derivation's pages: its name, unless reserved.

    >>> page_stem("kl"), page_stem("index")
    ('kl', 'derivation-index')
    """
    return f"derivation-{name}" if name in _RESERVED else name


def _page(title: str, body: str) -> str:
    return (f'<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{escape(title)}</title>\n<style>{CSS}{_PAGE_CSS}</style>\n</head>\n"
            f'<body>\n<main class="symloss">\n{body}\n</main>\n</body>\n</html>\n')


def _image_src(path: Path, embed: bool) -> str:
    if embed and Path(path).is_file():
        data = base64.b64encode(Path(path).read_bytes()).decode("ascii")
        return f"data:image/png;base64,{data}"
    return escape(Path(path).as_posix())


def figures_html(plots: Sequence[Path], embed: bool = True) -> str:
    """``<figure>`` elements for the plots (embedded as data URIs when the files exist)."""
    return "\n".join(f'<figure><img src="{_image_src(p, embed)}" style="width: {spec_of(p).width:.0%}" '
                     f'alt="{escape(caption(p, plain=True))}">'
                     f"<figcaption>{escape(caption(p, plain=True))}</figcaption></figure>"
                     for p in plots)


def derivation_html(derivation: "Derivation", results: Sequence["StepResult"] | None = None,
                    plots: Sequence[Path] = (), index: str | None = "index.html") -> str:
    """A whole page for one derivation; ``plots`` that illustrate its title are shown.

    Args:
        derivation: the derivation.
        results: its step results, or ``None`` to print without verdicts.
        plots: plot files; those matching the title are embedded.
        index: link back to the index page (``None``: no link).
    """
    d = derivation
    nav = f'<nav><a href="{escape(index)}">← all derivations</a></nav>\n' if index else ""
    source = f'<p class="source">Source: {escape(d.source)}</p>\n' if d.source else ""
    body = (f"{nav}<h1>{escape(d.title)}</h1>\n<p><code>{escape(d.name)}</code></p>\n{source}"
            f"{derivation_fragment(d, results)}\n"
            f"{figures_html(plots_for_title(d.title, plots))}")
    if results:
        body += f'\n<p class="legend">{_MARKS_NOTE}</p>'
    return _page(f"{d.title} — symloss", body)


def _summary_rows(pairs: Pairs, link: bool) -> list[str]:
    rows = []
    for number, (d, results) in enumerate(pairs, 1):
        chains = chain_views(d, results)
        steps = [row for chain in chains for row in chain.rows]
        counts = summary(steps)
        if results is None:
            result = "not checked"
        elif counts["as_expected"] == len(steps):
            result = '<span class="proved">as expected</span>'
        else:
            result = f'<span class="refuted">{len(steps) - counts["as_expected"]} not as expected</span>'
        title = escape(d.title)
        name = f'<a href="{escape(page_stem(d.name))}.html">{title}</a>' if link else title
        shows = next((c for c in (chain.conclusion() for chain in chains) if c is not None), None)
        formula = math_element(conclusion_mathml(shows), display=False) if shows else ""
        cells = [str(number), name, f'<span class="shows">{formula}</span>', str(len(steps))]
        cells += [str(counts[s]) for s in ("proved", "refuted", "unproved", "error")] + [result]
        rows.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    return rows


def summary_table(pairs: Pairs, link: bool = True) -> str:
    """One row per derivation: counts of each verdict and whether all are as expected."""
    head = ("<tr><th>#</th><th>Derivation</th><th>What it shows</th><th>Steps</th>"
            '<th class="proved">✓</th><th class="refuted">✗</th><th class="unproved">?</th>'
            '<th class="error">!</th><th>Result</th></tr>')
    return '<table class="summary">\n' + "\n".join([head] + _summary_rows(pairs, link)) + "\n</table>"


def index_html(pairs: Pairs, plots: Sequence[Path] = (), pdf: str | None = None,
               title: str = TITLE) -> str:
    """The index page: a summary table linking ``NAME.html`` per derivation, then the plots."""
    links = f'<p>Also as <a href="{escape(pdf)}">PDF</a>.</p>\n' if pdf else ""
    body = (f"<h1>{escape(title)}</h1>\n<p>Every step of every derivation below was checked "
            f"by <code>symloss</code>.</p>\n{links}{summary_table(pairs)}\n"
            f'<p class="legend">{_MARKS_NOTE}</p>')
    if plots:
        body += f"\n<h2>Plots</h2>\n{figures_html(plots)}"
    return _page(title, body)


def report_html(report: "Report") -> str:
    """An HTML fragment for a report (Jupyter's ``_repr_html_``): every derivation and a summary."""
    pairs = [(d, report.for_derivation(d)) for d in report.derivations()]
    parts = [summary_table(pairs, link=False)]
    for d, results in pairs:
        parts += [f"<h3>{escape(d.title)} (<code>{escape(d.name)}</code>)</h3>",
                  derivation_fragment(d, results, heading="h4")]
    return f'<div class="symloss"><style>{CSS}</style>\n' + "\n".join(parts) + "\n</div>"
