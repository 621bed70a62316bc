r"""The standalone LaTeX document: every derivation, with contents and figures.

It uses only packages of ``texlive-latex-base`` and ``texlive-latex-recommended``
(amsmath, amssymb, xcolor, graphicx, geometry, booktabs, hyperref) and the
default Computer Modern fonts, so it compiles with a minimal TeX Live.

>>> from symloss.printing._examples import example_pairs
>>> tex = latex_document(example_pairs())
>>> tex.count(r"\section{"), tex.count(r"\begin{alignat*}")
(2, 3)
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Sequence

from symloss.printing._text import tex_escape
from symloss.printing._view import Row, chain_views, summary
from symloss.printing.latex import _MARKS, conclusions_latex, derivation_latex
from symloss.printing.plots import caption, plots_for_title, spec_of
from symloss.relations import Rel

if TYPE_CHECKING:  # pragma: no cover
    from symloss.check.report import StepResult
    from symloss.derivation import Derivation

Pairs = Sequence[tuple["Derivation", Sequence["StepResult"] | None]]

TITLE = "Loss functions, derived step by step and checked"

_PREAMBLE = r"""\documentclass[11pt,a4paper]{article}
\usepackage[margin=2.2cm]{geometry}
\usepackage[fleqn]{amsmath}
\usepackage{amssymb}
\setlength{\mathindent}{1.5em}
\usepackage[dvipsnames]{xcolor}
\usepackage{graphicx}
\usepackage{float}
\usepackage{booktabs}
\usepackage[hidelinks]{hyperref}
\setlength{\parindent}{0pt}
\setlength{\parskip}{0.6em}
\allowdisplaybreaks
"""

_RELATION_WORDS = {Rel.EQ: "$=$", Rel.LE: r"$\leq$", Rel.GE: r"$\geq$", Rel.LT: "$<$",
                   Rel.GT: "$>$", Rel.SAME_ARGMIN: "same argmin", Rel.ARGMAX_ARGMIN: "argmax = argmin"}
_CJK = re.compile(r"[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]")


def _version() -> str:
    try:
        from importlib.metadata import version

        return version("symloss")
    except Exception:  # pragma: no cover - not installed
        return ""


def _intro(pairs: Pairs) -> str:
    marks = (rf"{_MARKS_PROVED} proved symbolically; {_MARKS_REFUTED} refuted: the relation is "
             r"struck through and a counterexample is given below the line; "
             rf"{_MARKS_UNPROVED} unproved (no proof within the time limit, no counterexample); "
             rf"{_MARKS_ERROR} the claim is ill-formed.")
    text = (r"Each derivation below is a chain of steps, as on paper. Every step was checked by "
            r"\texttt{symloss}; the right margin gives the step number and its verdict: " + marks
            + r" A step marked \emph{erratum} records a mistake in the source text and is expected"
            r" to be refuted. The domains of the symbols are stated under each derivation.")
    texts = [d.title + d.source + "".join(s.reason for s in d.steps) for d, _ in pairs]
    if any(_CJK.search(t) for t in texts):
        text += (r" Chinese text quoted from the source note is shown as [\dots] here "
                 r"(pdflatex has no CJK fonts); the HTML pages show it in full.")
    return text


_MARKS_PROVED, _MARKS_REFUTED, _MARKS_UNPROVED, _MARKS_ERROR = _MARKS.values()


def _summary_table(pairs: Pairs) -> str:
    lines = [r"\begin{tabular}{r p{0.45\linewidth} r r r r r l}", r"\toprule",
             r"& Derivation & Steps & " + " & ".join(_MARKS.values()) + r" & Result \\", r"\midrule"]
    for d, results in pairs:
        rows = [row for chain in chain_views(d, results) for row in chain.rows]
        counts = summary(rows)
        if results is None:
            status = "not checked"
        elif counts["as_expected"] == len(rows):
            status = r"\textcolor{green!50!black}{as expected}"
        else:
            status = r"\textcolor{red}{%d not as expected}" % (len(rows) - counts["as_expected"])
        cells = [r"\ref{sec:%s}" % d.name, tex_escape(d.title), str(len(rows))]
        cells += [str(counts[s]) for s in ("proved", "refuted", "unproved", "error")] + [status]
        lines.append(" & ".join(cells) + r" \\")
    lines += [r"\bottomrule", r"\end{tabular}"]
    return "\n".join(lines)


def _verdict_table(rows: list[Row]) -> str:
    lines = [r"\begin{tabular}{r l p{0.27\linewidth} p{0.27\linewidth} r}", r"\toprule",
             r"Step & Relation & Verdict & Method or reason & Time (s) \\", r"\midrule"]
    for row in rows:
        verdict = row.verdict
        if verdict is None:
            continue
        how = _code(row.how()) if row.how() else ""
        lines.append(rf"{row.number} & {_RELATION_WORDS[row.step.rel]} & {_MARKS[verdict.status]} "
                     rf"{tex_escape(row.status_text())} & {how} & {verdict.seconds:.2f} \\")
    lines += [r"\bottomrule", r"\end{tabular}"]
    return "\n".join(lines)


def _code(text: str) -> str:
    """Typewriter text that may break after ``_`` and ``:``."""
    escaped = tex_escape(text).replace(r"\_", r"\_\allowbreak{}").replace(":", r":\allowbreak{}")
    return r"\texttt{%s}" % escaped


def _figure(path: Path) -> str:
    width = spec_of(path).width
    return "\n".join([r"\begin{figure}[H]", r"\centering",
                      r"\includegraphics[width=%.2f\linewidth]{%s}" % (width, Path(path).as_posix()),
                      r"\caption{%s}" % caption(path), r"\end{figure}"])


def _section(d: "Derivation", results: Sequence["StepResult"] | None, plots: list[Path]) -> str:
    parts = [r"\section{%s}\label{sec:%s}" % (tex_escape(d.title), d.name),
             r"\texttt{%s}" % tex_escape(d.name)
             + (r". \emph{Source:} %s" % tex_escape(d.source) if d.source else "")]
    parts.append(derivation_latex(d, results))
    conclusions = conclusions_latex(d, results)
    if conclusions:
        parts += [r"\subsection*{What it shows}", conclusions]
    rows = [row for chain in chain_views(d, results) for row in chain.rows]
    if results:
        parts += [r"\subsection*{Verdicts}", r"\begin{center}", _verdict_table(rows), r"\end{center}"]
    parts += [_figure(path) for path in plots]
    return "\n".join(parts)


def latex_document(pairs: Pairs, plots: Sequence[Path] = (), title: str | None = None) -> str:
    """The whole article; ``plots`` are image paths relative to the ``.tex`` file.

    Each plot goes with the first derivation whose title it illustrates (see
    :func:`symloss.printing.plots.plots_for_title`); the others go in a final
    Figures section.
    """
    left = [Path(p) for p in plots]
    sections = []
    for d, results in pairs:
        mine = [p for p in plots_for_title(d.title, left)]
        left = [p for p in left if p not in mine]
        sections.append(_section(d, results, mine))
    if left:
        sections.append("\n".join([r"\section{Figures}"] + [_figure(p) for p in left]))
    version = _version()
    head = [
        _PREAMBLE + r"\hypersetup{pdftitle={%s}}" % tex_escape(title or TITLE),
        r"\title{%s}" % tex_escape(title or TITLE),
        r"\author{\texttt{symloss}%s}" % (" " + tex_escape(version) if version else ""),
        r"\date{\today}",
        r"\begin{document}", r"\maketitle", _intro(pairs), r"\tableofcontents",
        r"\section*{Summary}", r"\begin{center}", _summary_table(pairs), r"\end{center}",
    ]
    return "\n".join(head + sections + [r"\end{document}"]) + "\n"
