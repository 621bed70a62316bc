"""HTML building blocks: a derivation's steps as a table of native MathML.

Every piece is a string of HTML whose math is ``<math>`` elements from
:class:`~symloss.printing.mathml.SymlossMathMLPrinter`; the CSS is scoped to
``.symloss`` so the same fragments work in a page and in a Jupyter output.

>>> from symloss.printing._examples import bce_derivation, bce_results
>>> html = derivation_fragment(bce_derivation(), bce_results())
>>> html.count('<math display="block">') >= 6, "counterexample" in html
(True, True)
"""
from __future__ import annotations

import re
from html import escape
from typing import TYPE_CHECKING, Sequence

from sympy import Add, Basic, Rational, Symbol

from symloss.check.verdict import Status
from symloss.domains import Domain
from symloss.printing._rewrite import is_tall
from symloss.printing._view import (Chain, Conclusion, Row, chain_views, counterexample,
                                    domain_groups, gloss, short_number)
from symloss.printing.mathml import math_element, mathml
from symloss.relations import Rel

if TYPE_CHECKING:  # pragma: no cover
    from symloss.check.report import StepResult
    from symloss.derivation import Derivation

CSS = """
.symloss { font-family: "Latin Modern Roman", "STIX Two Text", Georgia, serif; line-height: 1.45;
  color: #1d1d1f; }
.symloss math { font-family: "Latin Modern Math", "STIX Two Math", math; font-size: 1.08em; }
.symloss table.chain { border-collapse: collapse; margin: 0.8em 0 0.4em 0; }
.symloss table.chain td { padding: 0.25em 0.4em; vertical-align: middle; }
.symloss table.chain math[display="block"] { display: inline math; math-style: normal; margin: 0; }
.symloss td.rel { text-align: right; white-space: nowrap; }
.symloss td.why { color: #444; font-size: 0.92em; min-width: 12em; max-width: 22em;
  padding-left: 1.5em; }
.symloss td.why code, .symloss table.verdicts code { font-size: 0.85em; color: #555; }
.symloss td.mark { white-space: nowrap; text-align: right; padding-left: 1em; }
.symloss .n { color: #777; font-size: 0.85em; }
.symloss .proved { color: #1a7f37; } .symloss .refuted { color: #cf222e; }
.symloss .unproved { color: #bc4c00; } .symloss .error { color: #cf222e; }
.symloss tr.refuted-step td.rhs, .symloss tr.refuted-step td.rel { background: #fff1f0; }
.symloss tr.counterexample td { color: #cf222e; font-size: 0.92em; padding-top: 0; }
.symloss p.domains, .symloss p.legend { margin: 0.3em 0; }
.symloss div.conclusion { display: flex; align-items: center; gap: 1em; margin: 0.4em 0; }
.symloss div.conclusion math { flex: 1; overflow-x: auto; overflow-y: hidden; }
.symloss p.legend { color: #555; font-size: 0.92em; }
.symloss table.verdicts, .symloss table.summary { border-collapse: collapse; margin: 0.6em 0; }
.symloss table.verdicts th, .symloss table.verdicts td, .symloss table.summary th,
.symloss table.summary td { border-bottom: 1px solid #d0d7de; padding: 0.3em 0.7em; text-align: left; }
.symloss figure { margin: 1.2em 0; } .symloss figure img { max-width: 100%; }
.symloss figcaption { color: #444; font-size: 0.92em; }
"""

_REL = {Rel.EQ: "=", Rel.LE: "\u2264", Rel.GE: "\u2265", Rel.LT: "&lt;", Rel.GT: "&gt;"}
_NOT = {Rel.EQ: "\u2260", Rel.LE: "\u2270", Rel.GE: "\u2271", Rel.LT: "\u226e", Rel.GT: "\u226f"}
_WORDS = {Status.PROVED: "proved", Status.REFUTED: "refuted", Status.UNPROVED: "unproved",
          Status.ERROR: "error"}


def _over(names: Sequence[str]) -> str:
    inner = '<mo separator="true">,</mo>'.join(mathml(Symbol(name)) for name in names)
    return f"<mrow>{inner}</mrow>"


def _arg(word: str, over: Sequence[str]) -> str:
    return f"<msub><mi>arg\u2009{word}</mi>{_over(over)}</msub>"


def relation_mathml(rel: Rel, over: Sequence[str] = (), negated: bool = False) -> str:
    """The relation of a step line as MathML (no ``<math>`` wrapper).

    >>> relation_mathml(Rel.GE), relation_mathml(Rel.EQ, negated=True)
    ('<mo>≥</mo>', '<mo>≠</mo>')
    """
    if rel is Rel.SAME_ARGMIN or (rel is Rel.ARGMAX_ARGMIN and negated):
        label = _arg("min", over)
        if rel is Rel.ARGMAX_ARGMIN:
            label = f"<mrow>{_arg('max', over)}<mo>=</mo>{label}</mrow>"
        return f"<mover><mo>{chr(0x2262) if negated else chr(0x2261)}</mo>{label}</mover>"
    if rel is Rel.ARGMAX_ARGMIN:
        label = f"<mrow>{_arg('max', over)}<mo>=</mo>{_arg('min', over)}</mrow>"
        return f'<mover><mo stretchy="true">\u2192</mo>{label}</mover>'
    return f"<mo>{(_NOT if negated else _REL)[rel]}</mo>"


def mark_html(row: Row) -> str:
    """``(3) ✗`` with a tooltip saying what backs the verdict."""
    number = f'<span class="n">({row.number})</span>'
    verdict = row.verdict
    if verdict is None:
        return number + (" <em>erratum</em>" if row.erratum else "")
    status = verdict.status.value
    label = " <em>erratum</em>" if row.erratum else ""
    return (f'{number}{label} <span class="{status}" title="{escape(verdict.describe())}">'
            f"{verdict.mark}</span>")


def _value(value: Basic | str) -> str:
    """A counterexample or side value: numbers as MathML numbers, other text as text."""
    if isinstance(value, str):
        text = short_number(value)
        if re.fullmatch(r"-?\d+(/\d+)?", text):
            return mathml(Rational(text), fold_short_frac=True)
        if re.fullmatch(r"-?\d+\.\d+", text):
            return f"<mn>{text}</mn>" if text[0] != "-" else f"<mrow><mo>\u2212</mo><mn>{text[1:]}</mn></mrow>"
        return f"<mtext>{escape(text)}</mtext>"
    return mathml(value, fold_short_frac=True)


def counterexample_html(row: Row) -> str:
    """``counterexample: y = 1, ŷ = 1/2 (left side 1, right side −1)`` with inline MathML."""
    verdict = row.verdict
    if verdict is None or verdict.status is not Status.REFUTED:
        return ""
    pairs = '<mo separator="true">,</mo><mspace width="0.5em"/>'.join(
        f"<mrow>{mathml(k)}<mo>=</mo>{_value(v)}</mrow>" for k, v in counterexample(verdict))
    text = "counterexample: " + (math_element(pairs, display=False) if pairs else "none recorded")
    if verdict.values:
        left, right = (math_element(_value(v), display=False) for v in verdict.values)
        text += f" (left side {left}, right side {right})"
    return text


def _reason(row: Row) -> str:
    rule = f" <code>{escape(row.step.rule)}</code>" if row.step.rule else ""
    return escape(row.step.reason) + rule


def chain_html(chain: Chain) -> str:
    """One chain as a table: the start, then relation | expression | reason | mark rows."""
    block = lambda markup: math_element(markup)  # noqa: E731
    # the start spans the row, so that a long one does not squeeze the reasons
    rows = [f'<tr class="start"><td class="rel"></td><td class="rhs" colspan="3">'
            f"{block(mathml(chain.first))}</td></tr>"]
    for row in chain.rows:
        step = row.step
        css = "step refuted-step" if row.negated else "step"
        rows.append(f'<tr class="{css}"><td class="rel">'
                    f"{block(relation_mathml(step.rel, step.over, row.negated))}</td>"
                    f'<td class="rhs">{block(mathml(step.rhs))}</td><td class="why">{_reason(row)}</td>'
                    f'<td class="mark">{mark_html(row)}</td></tr>')
        extra = counterexample_html(row)
        if extra:
            rows.append(f'<tr class="counterexample"><td></td><td colspan="3">{extra}</td></tr>')
    return '<table class="chain">\n' + "\n".join(rows) + "\n</table>"


def _set(domain: Domain) -> str:
    """The domain as a set in MathML, from its data (``{0, 1}``, ``(0, 1)``, ``Δ``)."""
    if domain.family_only:
        return '<mi mathvariant="normal">\u0394</mi>'
    sep = '<mo separator="true">,</mo>'
    fence = '<mo stretchy="false">%s</mo>'
    if domain.values is not None:
        items = sep.join(f"<mn>{v}</mn>" for v in domain.values)
        return f"<mrow>{fence % '{'}{items}{fence % '}'}</mrow>"
    if domain.integer:
        if domain.lower == 1:
            items = f"<mn>1</mn>{sep}<mn>2</mn>{sep}<mi>\u2026</mi>"
            return f"<mrow>{fence % '{'}{items}{fence % '}'}</mrow>"
        return "<mi>\u2124</mi>"
    if domain.lower is None and domain.upper is None:
        return "<mi>\u211d</mi>"
    low = f"<mn>{domain.lower}</mn>" if domain.lower is not None else f"<mo>{chr(0x2212)}</mo><mi>\u221e</mi>"
    high = f"<mn>{domain.upper}</mn>" if domain.upper is not None else "<mi>\u221e</mi>"
    left = "(" if domain.lower_open or domain.lower is None else "["
    right = ")" if domain.upper_open or domain.upper is None else "]"
    return f"<mrow>{fence % left}{low}{sep}{high}{fence % right}</mrow>"


def domains_html(derivation: "Derivation") -> str:
    """``<p class="domains">where x_i ∈ {0, 1} and …</p>``."""
    parts = []
    for domain, members in domain_groups(derivation):
        names = []
        for m in members:
            markup = mathml(m.member)
            if domain.family_only:
                markup = f'<mrow><mo stretchy="false">(</mo>{markup}<mo stretchy="false">)</mo></mrow>'
                if m.range is not None:
                    low, high = (mathml(bound) for bound in m.range)
                    index = mathml(m.member.indices[0])
                    markup = f"<msubsup>{markup}<mrow>{index}<mo>=</mo>{low}</mrow>{high}</msubsup>"
            names.append(markup)
        items = '<mo separator="true">,</mo>'.join(names)
        text = math_element(f"<mrow>{items}<mo>\u2208</mo>{_set(domain)}</mrow>", display=False)
        if domain.family_only:
            text += f" ({escape(gloss(domain.description))})"
        parts.append(text)
    if not parts:
        return ""
    listed = ", ".join(parts[:-1]) + " and " + parts[-1] if len(parts) > 1 else parts[0]
    return f'<p class="domains">where {listed}.</p>'


LEGEND = ('<p class="legend">Notation: ' + math_element(
    f"<mi>A</mi>{relation_mathml(Rel.SAME_ARGMIN, ['theta'])}<mi>B</mi>", display=False)
    + ": A and B have the same minimizers over θ; " + math_element(
    f"<mi>A</mi>{relation_mathml(Rel.ARGMAX_ARGMIN, ['theta'])}<mi>B</mi>", display=False)
    + ": the maximizers of A are the minimizers of B.</p>")


def _side(expr: Basic, word: str, over: Sequence[str]) -> str:
    inner = mathml(expr)
    if isinstance(expr, Add):
        stretch = "" if is_tall(expr) else ' stretchy="false"'
        inner = f"<mrow><mo{stretch}>(</mo>{inner}<mo{stretch}>)</mo></mrow>"
    return (f'<munder><mi>arg\u2009{word}</mi>{_over(over)}</munder><mo>&#8289;</mo>'
            f'<mspace width="0.1667em"/>{inner}')


def conclusion_mathml(c: Conclusion) -> str:
    """``lhs rel rhs`` (argmin relations spelled out) as an ``<mrow>``."""
    if c.rel.is_argmin:
        first = "max" if c.rel is Rel.ARGMAX_ARGMIN else "min"
        markup = f"{_side(c.lhs, first, c.over)}<mo>=</mo>{_side(c.rhs, 'min', c.over)}"
    else:
        markup = f"{mathml(c.lhs)}{relation_mathml(c.rel)}{mathml(c.rhs)}"
    return f"<mrow>{markup}</mrow>"


def conclusion_html(c: Conclusion) -> str:
    """A chain's conclusion as display MathML, marked established or not."""
    status = {True: '<span class="proved">established</span>',
              False: '<span class="refuted">not established</span>', None: ""}[c.established]
    return f'<div class="conclusion">{math_element(conclusion_mathml(c))}{status}</div>'


def verdict_table(rows: Sequence[Row]) -> str:
    """Step | relation | verdict | method or reason | seconds, for the checked rows."""
    lines = ['<table class="verdicts"><tr><th>Step</th><th>Relation</th><th>Verdict</th>'
             "<th>Method or reason</th><th>Time (s)</th></tr>"]
    for row in rows:
        if row.verdict is None:
            continue
        rel = math_element(relation_mathml(row.step.rel, row.step.over), display=False)
        status = row.verdict.status.value
        lines.append(f'<tr><td>{row.number}</td><td>{rel}</td><td><span class="{status}">'
                     f"{row.verdict.mark}</span> {escape(row.status_text())}</td>"
                     f"<td><code>{escape(row.how())}</code></td><td>{row.verdict.seconds:.2f}</td></tr>")
    return "\n".join(lines) + "</table>"


def derivation_fragment(derivation: "Derivation", results: Sequence["StepResult"] | None = None,
                        heading: str = "h2") -> str:
    """The chains, domains, notation, conclusions and verdicts (no page frame)."""
    chains = chain_views(derivation, results)
    parts = [chain_html(chain) for chain in chains if chain.rows]
    parts.append(domains_html(derivation))
    if any(row.step.rel.is_argmin for chain in chains for row in chain.rows):
        parts.append(LEGEND)
    conclusions = [c for c in (chain.conclusion() for chain in chains) if c is not None]
    if conclusions:
        parts.append(f"<{heading}>What it shows</{heading}>")
        parts += [conclusion_html(c) for c in conclusions]
    rows = [row for chain in chains for row in chain.rows]
    if results:
        parts += [f"<{heading}>Verdicts</{heading}>", verdict_table(rows)]
    return "\n".join(part for part in parts if part)
