r"""Printing derivations: LaTeX, Markdown, HTML with MathML, plots, whole documents.

>>> from symloss.printing._examples import kl_derivation, kl_results
>>> export(kl_derivation(), kl_results(), "markdown").splitlines()[0]
'# KL divergence is cross-entropy minus entropy'
>>> export(kl_derivation(), None, "latex").splitlines()[1]
'\\begin{alignat*}{2}'
>>> export(kl_derivation(), None, "pdf")
Traceback (most recent call last):
...
ValueError: unknown format 'pdf'; use one of latex, markdown, html
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Sequence

from symloss.printing.html import derivation_html, index_html, report_html
from symloss.printing.jupyter import derivation_repr_html, derivation_repr_latex
from symloss.printing.latex import (SymlossLatexPrinter, derivation_latex, latex, latex_document,
                                   latex_fragment)
from symloss.printing.markdown import derivation_markdown
from symloss.printing.mathml import SymlossMathMLPrinter, mathml

if TYPE_CHECKING:  # pragma: no cover
    from symloss.check.report import StepResult
    from symloss.derivation import Derivation

FORMATS = ("latex", "markdown", "html")

__all__ = ["FORMATS", "export", "latex", "mathml", "SymlossLatexPrinter", "SymlossMathMLPrinter",
           "derivation_latex", "latex_fragment", "latex_document", "derivation_markdown", "derivation_html",
           "index_html", "report_html", "derivation_repr_latex", "derivation_repr_html"]


def export(derivation: "Derivation", results: Sequence["StepResult"] | None, fmt: str) -> str:
    """One derivation as ``latex`` (a fragment), ``markdown`` or ``html`` (a whole page).

    Args:
        derivation: the derivation to print.
        results: its step results, or ``None`` to print without verdict marks.
        fmt: ``"latex"``, ``"markdown"`` or ``"html"``.

    Raises:
        ValueError: for another format, naming the accepted ones.
    """
    if fmt == "latex":
        return latex_fragment(derivation, results)
    if fmt == "markdown":
        return derivation_markdown(derivation, results)
    if fmt == "html":
        return derivation_html(derivation, results, index=None)
    raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
