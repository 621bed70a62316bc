"""``symloss doc``: every derivation of a report as HTML, Markdown, LaTeX and PDF.

``write_documents(report, outdir)`` writes::

    outdir/index.html            summary table, links, plots
    outdir/NAME.html             one self-contained page per derivation
    outdir/NAME.md               the same in Markdown
    outdir/NAME.tex              a LaTeX fragment (amsmath, amssymb, xcolor)
    outdir/plots/*.png           when matplotlib is installed
    outdir/symloss.tex           the whole document
    outdir/symloss.pdf           when pdflatex is on PATH
"""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Sequence

from symloss.errors import SymlossError
from symloss.printing.html import derivation_html, index_html, page_stem
from symloss.printing.latex import latex_document, latex_fragment
from symloss.printing.markdown import derivation_markdown
from symloss.printing.plots import caption, plots_for_title, write_plots

if TYPE_CHECKING:  # pragma: no cover
    from symloss.check.report import Report

TEX_INSTALL = ("apt-get install texlive-latex-base texlive-latex-recommended "
               "texlive-fonts-recommended")
PDFLATEX_TIMEOUT = 180.0
_AUX = (".aux", ".out", ".toc", ".log")


class LatexError(SymlossError, RuntimeError):
    """pdflatex could not compile the generated document."""


def first_error(log: str) -> str:
    """The first ``! ...`` error of a LaTeX log, with its ``l.NN`` line.

    >>> first_error("x\\n! Undefined control sequence.\\nl.12 \\\\foo\\n")
    'Undefined control sequence. (l.12 \\\\foo)'
    >>> first_error("no error here")
    'no error line in the log'
    """
    lines = log.splitlines()
    for position, line in enumerate(lines):
        if line.startswith("!"):
            where = next((rest for rest in lines[position + 1:position + 12] if rest.startswith("l.")), "")
            return line[1:].strip() + (f" ({where.strip()})" if where else "")
    return "no error line in the log"


def compile_pdf(tex: Path, runs: int = 2, timeout: float = PDFLATEX_TIMEOUT) -> Path:
    """Run pdflatex on ``tex`` in its directory (twice, for the contents); the PDF's path.

    Raises:
        FileNotFoundError: pdflatex is not on PATH.
        LatexError: on a LaTeX error (naming the first one) or a timeout.
    """
    pdflatex = shutil.which("pdflatex")
    if pdflatex is None:
        raise FileNotFoundError(f"pdflatex is not installed; install it with: {TEX_INSTALL}")
    tex = Path(tex)
    command = [pdflatex, "-interaction=nonstopmode", "-halt-on-error", "-no-shell-escape", tex.name]
    for _ in range(runs):
        try:
            done = subprocess.run(command, cwd=tex.parent, capture_output=True, timeout=timeout,
                                  stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired:
            raise LatexError(f"pdflatex took longer than {timeout:.0f} s on {tex}") from None
        if done.returncode != 0:
            log = tex.with_suffix(".log")
            text = log.read_text(errors="replace") if log.exists() else done.stdout.decode(errors="replace")
            raise LatexError(f"pdflatex failed on {tex}: {first_error(text)}; see {log}")
    for suffix in _AUX:
        tex.with_suffix(suffix).unlink(missing_ok=True)
    return tex.with_suffix(".pdf")


def _markdown_figures(plots: Sequence[Path], outdir: Path) -> str:
    return "\n\n".join(f"![{caption(p, plain=True)}]({p.relative_to(outdir).as_posix()})" for p in plots)


def write_documents(report: "Report", outdir: Path, progress: Callable[[str], None] = print) -> list[Path]:
    """Write every document for the derivations of ``report`` into ``outdir``.

    Args:
        report: the checked derivations (``report.derivations()``).
        outdir: the directory (created if needed).
        progress: called with one line per stage.

    Returns:
        The files written, in order.

    Raises:
        LatexError: when pdflatex is present but fails on the document.
    """
    outdir = Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    pairs = [(d, report.for_derivation(d)) for d in report.derivations()]
    plots = write_plots(outdir / "plots", progress=progress)
    written: list[Path] = list(plots)
    if plots:
        progress(f"wrote {len(plots)} plots to {outdir / 'plots'}/")
    for d, results in pairs:
        stem = page_stem(d.name)
        mine = plots_for_title(d.title, plots)
        markdown = derivation_markdown(d, results)
        if mine:
            markdown += "\n" + _markdown_figures(mine, outdir) + "\n"
        files = {f"{stem}.html": derivation_html(d, results, plots),
                 f"{stem}.md": markdown, f"{stem}.tex": latex_fragment(d, results)}
        for name, text in files.items():
            (outdir / name).write_text(text, encoding="utf-8")
            written.append(outdir / name)
        progress(f"wrote {stem}.html, {stem}.md, {stem}.tex")
    tex = outdir / "symloss.tex"
    tex.write_text(latex_document(pairs, [p.relative_to(outdir) for p in plots]), encoding="utf-8")
    written.append(tex)
    pdf = None
    if shutil.which("pdflatex") is None:
        progress(f"pdflatex not found: skipped symloss.pdf; install it with: {TEX_INSTALL}")
    else:
        progress("compiling symloss.pdf with pdflatex (twice, for the contents)")
        pdf = compile_pdf(tex)
        written.append(pdf)
    index = outdir / "index.html"
    index.write_text(index_html(pairs, plots, pdf=pdf.name if pdf else None), encoding="utf-8")
    written.append(index)
    progress(f"wrote {index}")
    return written
