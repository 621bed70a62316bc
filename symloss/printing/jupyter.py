r"""Rich display of derivations in Jupyter (``_repr_latex_`` and ``_repr_html_``).

``Derivation`` can delegate to these two functions::

    def _repr_latex_(self) -> str:
        from symloss.printing.jupyter import derivation_repr_latex
        return derivation_repr_latex(self)

A derivation carries no verdicts, so neither shows marks; errata (steps
expected to be refuted) show the struck relation. For verdicts, display the
report of ``d.verify()`` (``Report._repr_html_``).

>>> from symloss.printing._examples import bce_derivation
>>> tex = derivation_repr_latex(bce_derivation())
>>> tex.startswith("$$\\begin{aligned}"), tex.endswith("\\end{aligned}$$"), r"\neq" in tex
(True, True, True)
>>> derivation_repr_html(bce_derivation()).startswith('<div class="symloss">')
True
"""
from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from symloss.printing._html_parts import CSS, derivation_fragment
from symloss.printing._view import chain_views
from symloss.printing.markdown import aligned_latex

if TYPE_CHECKING:  # pragma: no cover
    from symloss.derivation import Derivation


def derivation_repr_latex(derivation: "Derivation") -> str:
    r"""All chains in one ``$$\begin{aligned} … \end{aligned}$$`` (MathJax-safe text)."""
    blocks = [aligned_latex(chain, marks=False) for chain in chain_views(derivation) if chain.rows]
    if not blocks:
        from symloss.printing.latex import latex

        return f"$${latex(derivation.start)}$$"
    inner = r" \\[1ex] ".join(blocks)
    if len(blocks) > 1:
        inner = r"\begin{aligned}" + inner + r"\end{aligned}"
    return f"$${inner}$$"


def derivation_repr_html(derivation: "Derivation") -> str:
    """An HTML fragment with MathML: title, chains, domains, conclusions."""
    d = derivation
    return (f'<div class="symloss"><style>{CSS}</style>\n<h3>{escape(d.title)} '
            f"(<code>{escape(d.name)}</code>)</h3>\n{derivation_fragment(d, None, heading='h4')}\n</div>")
