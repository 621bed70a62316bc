r"""LaTeX for derivations: ``alignat*`` blocks, domains, conclusions, a whole document.

Each chain of a derivation is one ``alignat*`` block: the start, then one line
per step (``&= …``, ``&\leq …``, ``\overset{\arg\min_{\theta}}{\equiv}`` …)
with its reason (escaped text in a ragged ``\parbox``, so that long reasons
wrap) and, at the right margin, the step number and its verdict mark. A refuted step shows the struck relation (``\neq``) and its
counterexample. The fragments need ``amsmath``, ``amssymb`` and ``xcolor``.

>>> from symloss.printing._examples import bce_derivation, bce_results
>>> tex = derivation_latex(bce_derivation(), bce_results())
>>> print(tex.splitlines()[7].split(" &")[0])
&\neq y \log_2 \hat{y} + \left(1 - y\right) \log_2(1 - \hat{y})
>>> print(tex.splitlines()[7].split("sign")[1].split(r"} \tag")[0])
\newline{\color{red}counterexample: $y = 1,\ \hat{y} = 1 / 2$ (left side $1$, right side $-1$)}
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Sequence

import sympy
from sympy import Add, Basic, Symbol

from symloss.check.verdict import Status
from symloss.printing._latex_printer import SymlossLatexPrinter, latex
from symloss.printing._text import tex_escape, tex_text
from symloss.printing._view import (Chain, Conclusion, Row, chain_views, counterexample,
                                    domain_groups, gloss, short_number)
from symloss.relations import Rel

if TYPE_CHECKING:  # pragma: no cover
    from pathlib import Path

    from symloss.check.report import StepResult
    from symloss.derivation import Derivation

__all__ = ["SymlossLatexPrinter", "latex", "derivation_latex", "conclusions_latex", "latex_fragment",
           "domains_latex", "relation_latex", "latex_document", "PACKAGES"]

#: What a fragment needs in the preamble.
PACKAGES = ("amsmath", "amssymb", "xcolor")

_REL = {Rel.EQ: "=", Rel.LE: r"\leq", Rel.GE: r"\geq", Rel.LT: "<", Rel.GT: ">"}
_NOT = {Rel.EQ: r"\neq", Rel.LE: r"\nleq", Rel.GE: r"\ngeq", Rel.LT: r"\nless", Rel.GT: r"\ngtr"}
_MARKS = {
    Status.PROVED: r"\textcolor{green!50!black}{$\checkmark$}",
    Status.REFUTED: r"\textcolor{red}{$\boldsymbol{\times}$}",
    Status.UNPROVED: r"\textcolor{orange}{\textbf{?}}",
    Status.ERROR: r"\textcolor{red}{\textbf{!}}",
}
#: The width of the reason column.
REASON_WIDTH = r"0.3\linewidth"
_INLINE_WIDTH = 60  # start and first step on one line when their text is shorter


def _over(names: Sequence[str]) -> str:
    return ", ".join(latex(Symbol(name)) for name in names)


def relation_latex(rel: Rel, over: Sequence[str] = (), negated: bool = False) -> str:
    r"""The relation symbol of a step line.

    >>> relation_latex(Rel.LE), relation_latex(Rel.EQ, negated=True)
    ('\\leq', '\\neq')
    >>> relation_latex(Rel.SAME_ARGMIN, ["yhat"])
    '\\;\\overset{\\arg\\min_{\\hat{y}}}{\\equiv}\\;'
    >>> relation_latex(Rel.ARGMAX_ARGMIN, ["w"])
    '\\;\\xrightarrow{\\arg\\max_{w} \\,=\\, \\arg\\min_{w}}\\;'
    """
    if rel is Rel.SAME_ARGMIN or (rel is Rel.ARGMAX_ARGMIN and negated):
        label = r"\arg\min_{%s}" % _over(over)
        if rel is Rel.ARGMAX_ARGMIN:
            label = r"\arg\max_{%s} = %s" % (_over(over), label)
        return r"\;\overset{%s}{%s}\;" % (label, r"\not\equiv" if negated else r"\equiv")
    if rel is Rel.ARGMAX_ARGMIN:
        return r"\;\xrightarrow{\arg\max_{%s} \,=\, \arg\min_{%s}}\;" % (_over(over), _over(over))
    return (_NOT if negated else _REL)[rel]


def _width(expr: Basic) -> int:
    return len(sympy.sstr(expr))


def _reason(row: Row) -> str:
    """The reason in a ragged box, so that a long one wraps instead of overflowing.

    A refuted step's counterexample goes in the same box, in red, under the reason.
    """
    text = tex_escape(row.step.reason)
    if row.step.rule:
        text += r" (\texttt{%s})" % tex_escape(row.step.rule)
    refuted = counterexample_latex(row)
    if refuted:
        text += r"\newline{\color{red}%s}" % refuted
    return r"\parbox[t]{%s}{\raggedright\small %s}" % (REASON_WIDTH, text)


def _tag(row: Row) -> str:
    parts = [f"({row.number})"]
    if row.erratum:
        parts.append("erratum")
    if row.verdict is not None:
        parts.append(_MARKS[row.verdict.status])
    return r"\tag*{\small %s}" % "~".join(parts)


def _value(value: Basic | str) -> str:
    """A counterexample or side value: exact numbers as math, long decimals shortened."""
    if isinstance(value, str):
        text = short_number(value)
        if re.fullmatch(r"-?\d+(/\d+)?", text):
            return latex(sympy.Rational(text), fold_short_frac=True)
        return text if re.fullmatch(r"-?\d+\.\d+(e-?\d+)?", text) else tex_text(text)
    return latex(value, fold_short_frac=True)


def counterexample_latex(row: Row) -> str:
    """Text-mode line ``counterexample: $y = 1,\\ \\hat{y} = 1/2$ (left side $1$, ...)``."""
    verdict = row.verdict
    if verdict is None or verdict.status is not Status.REFUTED:
        return ""
    point = r",\ ".join(f"{latex(k)} = {_value(v)}" for k, v in counterexample(verdict))
    text = "counterexample: " + (f"${point}$" if point else "none recorded")
    if verdict.values:
        left, right = (_value(v) for v in verdict.values)
        text += f" (left side ${left}$, right side ${right}$)"
    return text


def _chain_latex(chain: Chain) -> str:
    rows = list(chain.rows)
    first = rows[0].step
    inline = _width(chain.first) + _width(first.rhs) <= _INLINE_WIDTH
    lines = [r"\begin{alignat*}{2}"]
    # on its own line the start takes no width, so the reasons sit close to the steps
    head = (latex(chain.first) + " " if inline
            else r"&\rlap{$\displaystyle %s$}\\" % latex(chain.first) + "\n")
    for position, row in enumerate(rows):
        step = row.step
        rel = relation_latex(step.rel, step.over, row.negated)
        start = head if position == 0 else ""
        lines.append(f"{start}&{rel} {latex(step.rhs)} &\\qquad& {_reason(row)} {_tag(row)}\\\\")
    lines[-1] = lines[-1][:-2]  # no line break after the last line
    lines.append(r"\end{alignat*}")
    return "\n".join(lines)


def domains_latex(derivation: "Derivation") -> str:
    r"""``where $x_i \in \{0,1\}$ and $n \in …$.`` built from the declared domains.

    >>> from symloss.printing._examples import kl_derivation
    >>> print(domains_latex(kl_derivation()))  # doctest: +ELLIPSIS
    \noindent where $\left({p}_{i}\right)_{i=1}^{n}, \left({q}_{i}\right)_{i=1}^{n} \in \Delta$ (a probability vector: ...) and $n \in \{1,2,\dots\}$.
    """
    parts = []
    for domain, members in domain_groups(derivation):
        names = []
        for m in members:
            tex = latex(m.member)
            if domain.family_only:
                tex = r"\left(%s\right)" % tex
                if m.range is not None:
                    tex += "_{%s=%s}^{%s}" % (latex(m.member.indices[0]), *map(latex, m.range))
            names.append(tex)
        text = "$%s \\in %s$" % (", ".join(names), domain.latex)
        if domain.family_only:
            text += " (%s)" % tex_escape(gloss(domain.description))
        parts.append(text)
    if not parts:
        return ""
    listed = ", ".join(parts[:-1]) + " and " + parts[-1] if len(parts) > 1 else parts[0]
    return r"\noindent where " + listed + "."


def _uses_argmin(chains: list[Chain]) -> bool:
    return any(row.step.rel.is_argmin for chain in chains for row in chain.rows)


_LEGEND = (r"\noindent\emph{Notation:} $A \overset{\arg\min_{\theta}}{\equiv} B$: $A$ and $B$ have "
           r"the same minimizers over $\theta$; $A \xrightarrow{\arg\max_{\theta} \,=\, "
           r"\arg\min_{\theta}} B$: the maximizers of $A$ are the minimizers of $B$.")


def derivation_latex(derivation: "Derivation", results: Sequence["StepResult"] | None = None) -> str:
    """The derivation's ``alignat*`` blocks, then its domains (and argmin notation if used)."""
    chains = chain_views(derivation, results)
    blocks = [_chain_latex(chain) for chain in chains if chain.rows]
    blocks.append(domains_latex(derivation))
    if _uses_argmin(chains):
        blocks.append(r"\par" + _LEGEND)
    return "\n".join(block for block in blocks if block) + "\n"


def _side(expr: Basic, operator: str) -> str:
    tex = latex(expr)
    return operator + (r"\left(%s\right)" % tex if isinstance(expr, Add) else tex)


def conclusion_latex(conclusion: Conclusion) -> str:
    r"""A chain's conclusion as display math (argmin relations spelled out).

    >>> from symloss.printing._examples import bce_derivation
    >>> from symloss.printing._view import chain_views
    >>> print(conclusion_latex(chain_views(bce_derivation())[0].conclusion()))
    \arg\max_{\hat{y}}\; \hat{y}^{y} \left(1 - \hat{y}\right)^{1 - y} = \arg\min_{\hat{y}}\; - \left(y \log_2 \hat{y} + \left(1 - y\right) \log_2(1 - \hat{y})\right)
    """
    c = conclusion
    if c.rel.is_argmin:
        first = r"\arg\max" if c.rel is Rel.ARGMAX_ARGMIN else r"\arg\min"
        over = _over(c.over)
        return (_side(c.lhs, r"%s_{%s}\; " % (first, over)) + " = "
                + _side(c.rhs, r"\arg\min_{%s}\; " % over))
    return f"{latex(c.lhs)} {_REL[c.rel]} {latex(c.rhs)}"


def conclusions_latex(derivation: "Derivation", results: Sequence["StepResult"] | None = None) -> str:
    """What the derivation shows, one display per chain, tagged established or not."""
    out = []
    for chain in chain_views(derivation, results):
        c = chain.conclusion()
        if c is None:
            continue
        status = {True: r"\textcolor{green!50!black}{established}",
                  False: r"\textcolor{red}{not established}", None: ""}[c.established]
        tag = r" \tag*{\small %s}" % status if status else ""
        out.append(r"\begin{equation*}%s%s\end{equation*}" % (conclusion_latex(c), tag))
    return "\n".join(out)


def latex_fragment(derivation: "Derivation", results: Sequence["StepResult"] | None = None) -> str:
    r"""The blocks and conclusions of one derivation, to ``\input`` into a document.

    >>> from symloss.printing._examples import kl_derivation
    >>> print(latex_fragment(kl_derivation()).splitlines()[0])
    % KL divergence is cross-entropy minus entropy (kl), printed by symloss; needs amsmath, amssymb, xcolor
    """
    d = derivation
    head = f"% {tex_escape(d.title)} ({d.name}), printed by symloss; needs {', '.join(PACKAGES)}\n"
    conclusions = conclusions_latex(d, results)
    return head + derivation_latex(d, results) + (conclusions + "\n" if conclusions else "")


def latex_document(pairs: Sequence[tuple["Derivation", Sequence["StepResult"] | None]],
                   plots: Sequence["Path"] = (), title: str | None = None) -> str:
    """A standalone article: title, contents, one section per derivation, figures.

    See :func:`symloss.printing._latex_document.latex_document`.
    """
    from symloss.printing._latex_document import latex_document as build

    return build(pairs, plots=plots, title=title)
