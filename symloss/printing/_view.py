"""What every output format shows of a derivation, independent of markup.

A derivation is read as chains of rows (one row per step, with its verdict
when there is one), the conclusion of each chain, and the domains of its
symbols grouped by domain.

>>> from symloss.printing._examples import kl_derivation, kl_results
>>> chains = chain_views(kl_derivation(), kl_results())
>>> [(row.number, row.step.rel.value, row.mark) for row in chains[0].rows]
[(1, '=', '✓'), (2, '=', '✓'), (3, '>=', '✓')]
>>> [(d.name, [str(m.member) for m in members]) for d, members in domain_groups(kl_derivation())]
[('simplex', ['p[i]', 'q[i]']), ('posint', ['n'])]
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Sequence

import sympy
from sympy import Basic, Indexed, IndexedBase, Symbol

from symloss.check.verdict import Status, Verdict
from symloss.domains import DOMAINS, Domain
from symloss.errors import ChainError
from symloss.relations import Rel, compose

if TYPE_CHECKING:  # pragma: no cover
    from symloss.check.report import StepResult
    from symloss.derivation import Derivation, Step


@dataclass(frozen=True)
class Row:
    """One step as shown: its number, the step, and its result (if checked)."""

    index: int
    step: "Step"
    result: "StepResult | None"

    @property
    def number(self) -> int:
        """1-based step number, as the CLI prints it."""
        return self.index + 1

    @property
    def verdict(self) -> Verdict | None:
        return self.result.verdict if self.result is not None else None

    @property
    def erratum(self) -> bool:
        """The step records a source's mistake (``expected="refuted"``)."""
        return self.step.expected == "refuted"

    @property
    def negated(self) -> bool:
        """Show the relation struck through: refuted, or a recorded mistake not yet checked."""
        if self.verdict is None:
            return self.erratum
        return self.verdict.status is Status.REFUTED

    @property
    def mark(self) -> str:
        """✓ ✗ ? ! (empty when unchecked)."""
        return self.verdict.mark if self.verdict is not None else ""

    @property
    def passed(self) -> bool | None:
        return self.result.passed if self.result is not None else None

    def status_text(self) -> str:
        """``proved``, ``refuted (erratum, as expected)``, ... or ``erratum`` unchecked."""
        if self.verdict is None:
            return "erratum (not checked)" if self.erratum else ""
        text = self.verdict.status.value
        if self.erratum:
            text += " (erratum, as expected)" if self.passed else " (erratum: expected refuted)"
        return text

    def how(self) -> str:
        """The method (proved/refuted) or reason (unproved/error) behind the verdict."""
        verdict = self.verdict
        if verdict is None:
            return ""
        return verdict.method if verdict.status in (Status.PROVED, Status.REFUTED) else verdict.reason


@dataclass(frozen=True)
class Conclusion:
    """What a chain shows: ``lhs rel rhs`` (over variables), and whether it is established."""

    lhs: Basic
    rel: Rel
    rhs: Basic
    over: tuple[str, ...]
    established: bool | None


@dataclass(frozen=True)
class Chain:
    """A start expression and the rows that follow it."""

    first: Basic
    rows: tuple[Row, ...]

    def conclusion(self) -> Conclusion | None:
        """The composed relation from the first to the last ordinary row (``None`` if none)."""
        ordinary = [row for row in self.rows if not row.erratum]
        if not ordinary:
            return None
        rel, over = Rel.EQ, ()
        try:
            for row in ordinary:
                rel, over = compose(rel, row.step.rel), row.step.over or over
        except ChainError:  # pragma: no cover - Derivation refuses such chains
            return None
        checked = [row.passed for row in ordinary]
        established = None if None in checked else all(checked)
        return Conclusion(self.first, rel, ordinary[-1].step.rhs, over, established)


def chain_views(derivation: "Derivation", results: Sequence["StepResult"] | None = None) -> list[Chain]:
    """The chains of ``derivation`` with each step's result (looked up by step index)."""
    by_index = {r.index: r for r in results or ()}
    return [Chain(first, tuple(Row(i, step, by_index.get(i)) for i, step in steps))
            for first, steps in derivation.chains()]


def expressions(derivation: "Derivation") -> list[Basic]:
    """Every expression a derivation mentions."""
    out = [derivation.start]
    for step in derivation.steps:
        out += [step.rhs] + ([step.lhs] if step.lhs is not None else [])
    return out


def family_ranges(derivation: "Derivation") -> dict[str, tuple[Basic, tuple[Basic, Basic] | None]]:
    """Indexed families: name -> (their index symbol, its summation range if known)."""
    index_of: dict[str, Basic] = {}
    limits: dict[Basic, tuple[Basic, Basic]] = {}
    for expr in expressions(derivation):
        for item in sorted(expr.atoms(Indexed), key=str):
            index = next((j for j in item.indices if not j.is_number), item.indices[0])
            index_of.setdefault(str(item.base.label), index)
        for big in expr.atoms(sympy.Sum, sympy.Product):
            for limit in big.limits:
                if len(limit) == 3:
                    limits.setdefault(limit[0], (limit[1], limit[2]))
    return {name: (index, limits.get(index)) for name, index in index_of.items()}


@dataclass(frozen=True)
class Member:
    """A symbol as the domain line shows it: ``n``, ``x_i``, or a whole family ``(p_i)``."""

    name: str
    member: Basic
    family: bool
    range: tuple[Basic, Basic] | None


def domain_groups(derivation: "Derivation") -> list[tuple[Domain, list[Member]]]:
    """The declared domains, each with the symbols in it, in declaration order."""
    families = family_ranges(derivation)
    groups: dict[str, list[Member]] = {}
    for name, domain_name in derivation.assume.items():
        if name in families:
            index, bounds = families[name]
            member = Member(name, IndexedBase(name)[index], True, bounds)
        else:
            member = Member(name, Symbol(name), False, None)
        groups.setdefault(domain_name, []).append(member)
    return [(DOMAINS[name], members) for name, members in groups.items()]


def gloss(description: str) -> str:
    """``a probability vector: entries …`` from ``a probability vector (entries …)``.

    >>> gloss("a probability vector (entries in (0,1) summing to 1)")
    'a probability vector: entries in (0,1) summing to 1'
    """
    if description.endswith(")") and " (" in description:
        head, _, tail = description.partition(" (")
        return f"{head}: {tail[:-1]}"
    return description


_EXACT = re.compile(r"-?\d+(/\d+|\.\d{1,6})?")
_ENTRY = re.compile(r"([A-Za-z_][A-Za-z_0-9]*)\[(-?\d+)\]")


def _value(value: Any) -> Basic | str:
    if isinstance(value, (list, tuple)):
        items = [_value(v) for v in value]
        return sympy.Tuple(*items) if all(isinstance(v, Basic) for v in items) else str(value)
    if isinstance(value, Basic):
        return value
    text = str(value).strip()
    if _EXACT.fullmatch(text):
        return sympy.Rational(text)
    return text


def counterexample(verdict: Verdict | None) -> list[tuple[Basic, Basic | str]]:
    """The counterexample as (symbol, value) pairs; ``p[1]`` becomes an indexed symbol.

    >>> counterexample(Verdict(Status.REFUTED, counterexample={"yhat": "1/2", "p[1]": "0.25"}))
    [(yhat, 1/2), (p[1], 1/4)]
    """
    if verdict is None or not verdict.counterexample:
        return []
    pairs: list[tuple[Basic, Basic | str]] = []
    for key, value in verdict.counterexample.items():
        entry = _ENTRY.fullmatch(str(key))
        name = IndexedBase(entry.group(1))[int(entry.group(2))] if entry else Symbol(str(key))
        pairs.append((name, _value(value)))
    return pairs


def short_number(text: str, digits: int = 6) -> str:
    """A long decimal shortened to ``digits`` significant digits (other text unchanged).

    >>> short_number("-0.69314718055994530942"), short_number("1/2"), short_number("zoo")
    ('-0.693147', '1/2', 'zoo')
    """
    if re.fullmatch(r"-?\d+\.\d{%d,}(e-?\d+)?" % (digits + 1), text.strip()):
        return f"{float(text):.{digits}g}"
    return text


def summary(rows: Sequence[Row]) -> dict[str, int]:
    """Counts by status, plus ``as_expected``."""
    counts = {s.value: 0 for s in Status}
    for row in rows:
        if row.verdict is not None:
            counts[row.verdict.status.value] += 1
    counts["as_expected"] = sum(1 for row in rows if row.passed)
    return counts
