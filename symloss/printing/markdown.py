r"""Markdown for derivations: ``$$ \begin{aligned} … \end{aligned} $$`` blocks.

The math uses only what GitHub, MathJax and KaTeX all render; reasons inside
the math are set with :func:`~symloss.printing._text.mathjax_text` (MathJax
ignores ``\_`` inside ``\text{}``), and repeated as Markdown text in the
verdict table.

>>> from symloss.printing._examples import bce_derivation, bce_results
>>> md = derivation_markdown(bce_derivation(), bce_results())
>>> md.count("$$\n\\begin{aligned}"), md.count("\\end{aligned}\n$$")
(2, 2)
>>> "| 3 | the note's last line drops the minus sign |" in md
True
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Sequence

from symloss.check.verdict import Status
from symloss.printing._text import md_escape, mathjax_text
from symloss.printing._view import Chain, Member, Row, chain_views, domain_groups, gloss
from symloss.printing.latex import (_width, conclusion_latex, counterexample_latex, latex,
                                    relation_latex)

if TYPE_CHECKING:  # pragma: no cover
    from symloss.check.report import StepResult
    from symloss.derivation import Derivation

_MARKS = {Status.PROVED: r"\checkmark", Status.REFUTED: r"\times", Status.UNPROVED: "?",
          Status.ERROR: "!"}
_TEXT_MARKS = {Status.PROVED: "✓", Status.REFUTED: "✗", Status.UNPROVED: "?", Status.ERROR: "!"}
_INLINE_WIDTH = 50


def _tag(row: Row, marks: bool) -> str:
    tag = f"({row.number})"
    if row.erratum:
        tag += r"\ \text{erratum}"
    if marks and row.verdict is not None:
        tag += r"\ " + _MARKS[row.verdict.status]
    return tag


def aligned_latex(chain: Chain, marks: bool = True) -> str:
    r"""A chain as an ``aligned`` environment: start, then ``&= rhs && (n)\ \text{reason}``."""
    rows = list(chain.rows)
    inline = _width(chain.first) + _width(rows[0].step.rhs) <= _INLINE_WIDTH
    lines = [r"\begin{aligned}"]
    head = latex(chain.first) + " " if inline else "& " + latex(chain.first) + r" \\" + "\n"
    for position, row in enumerate(rows):
        step = row.step
        rel = relation_latex(step.rel, step.over, row.negated)
        start = head if position == 0 else ""
        lines.append(f"{start}&{rel} {latex(step.rhs)} && {_tag(row, marks)}\\quad "
                     f"{mathjax_text(step.reason)} \\\\")
    lines[-1] = lines[-1][:-3]
    lines.append(r"\end{aligned}")
    return "\n".join(lines)


def _display(tex: str) -> str:
    return f"$$\n{tex}\n$$"


def _member(m: Member, whole: bool) -> str:
    if not whole:
        return latex(m.member)
    tex = r"\left(%s\right)" % latex(m.member)
    if m.range is not None:
        tex += "_{%s=%s}^{%s}" % (latex(m.member.indices[0]), *map(latex, m.range))
    return tex


def domains_markdown(derivation: "Derivation") -> str:
    r"""``where $x \in \{0,1\}$ and …`` with inline math.

    >>> from symloss.printing._examples import bce_derivation
    >>> domains_markdown(bce_derivation())
    'where $y \\in \\{0,1\\}$ and $\\hat{y} \\in (0,1)$.'
    """
    parts = []
    for domain, members in domain_groups(derivation):
        names = [_member(m, domain.family_only) for m in members]
        text = f"${', '.join(names)} \\in {domain.latex}$"
        if domain.family_only:
            text += f" ({md_escape(gloss(domain.description))})"
        parts.append(text)
    if not parts:
        return ""
    return "where " + (", ".join(parts[:-1]) + " and " + parts[-1] if len(parts) > 1 else parts[0]) + "."


def _counterexamples(rows: Sequence[Row]) -> list[str]:
    out = []
    for row in rows:
        text = counterexample_latex(row)
        if text:
            out.append(f"**Step {row.number} refuted** ({md_escape(row.status_text())}): {text}.")
    return out


def verdict_table(rows: Sequence[Row]) -> str:
    """| Step | Reason | Verdict | Method or reason | Time (s) | for the checked rows."""
    lines = ["| Step | Reason | Verdict | Method or reason | Time (s) |", "|---:|---|---|---|---:|"]
    for row in rows:
        if row.verdict is None:
            continue
        how = f"`{row.how()}`" if row.how() else ""
        lines.append(f"| {row.number} | {md_escape(row.step.reason)} | "
                     f"{_TEXT_MARKS[row.verdict.status]} {md_escape(row.status_text())} | "
                     f"{how} | {row.verdict.seconds:.2f} |")
    return "\n".join(lines)


def derivation_markdown(derivation: "Derivation", results: Sequence["StepResult"] | None = None,
                        level: int = 1) -> str:
    """The derivation as a Markdown document (heading at ``level``)."""
    d = derivation
    hashes = "#" * level
    parts = [f"{hashes} {md_escape(d.title)}", f"`{d.name}`"
             + (f" · Source: {md_escape(d.source)}" if d.source else "")]
    chains = chain_views(d, results)
    rows = [row for chain in chains for row in chain.rows]
    parts += [_display(aligned_latex(chain)) for chain in chains if chain.rows]
    parts += _counterexamples(rows)
    parts.append(domains_markdown(d))
    if any(row.step.rel.is_argmin for row in rows):
        parts.append(r"Notation: $A \overset{\arg\min_{\theta}}{\equiv} B$: $A$ and $B$ have the "
                     r"same minimizers over $\theta$; $A \xrightarrow{\arg\max_{\theta} \,=\, "
                     r"\arg\min_{\theta}} B$: the maximizers of $A$ are the minimizers of $B$.")
    conclusions = [c for c in (chain.conclusion() for chain in chains) if c is not None]
    if conclusions:
        parts.append(f"{hashes}# What it shows")
        for c in conclusions:
            status = {True: " (established)", False: " (not established)", None: ""}[c.established]
            parts.append(_display(conclusion_latex(c)) + ("\n\n" + status.strip(" ()") if status else ""))
    if results:
        parts += [f"{hashes}# Verdicts", verdict_table(rows)]
    return "\n\n".join(part for part in parts if part) + "\n"
