"""Points inside the declared domains, for the numeric refuter.

Readable values come first (1/2, 1/4, 0, 1 for a label, near-edge values such
as 10⁻⁶ and 1 − 10⁻⁶), then seeded random rationals. A sum with a symbolic
upper limit gets a small length (1..6); a family gets one value per index in
the range of its sums; a simplex family gets a probability vector over it.

>>> from sympy import Symbol
>>> from symloss.check.context import Context
>>> ctx = Context.of([Symbol("p")], {"p": "probability"})
>>> pts = list(points(ctx, [Symbol("p")], count=3))
>>> [str(pt.scalars["p"]) for pt in pts]
['1/2', '1/4', '3/4']
"""
from __future__ import annotations

import random
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Iterator, Sequence

import sympy
from sympy import Indexed

from symloss.check.context import Context, limit_symbols
from symloss.domains import Domain
from symloss.errors import DomainError

_LENGTHS = (2, 3, 1, 4, 5, 6)


@dataclass
class Point:
    """Values for the names of a claim.

    Attributes:
        lengths: symbolic sum limits -> a small positive integer.
        scalars: plain symbols -> value.
        members: family member name (``p[2]``) -> value.
    """

    lengths: dict[str, int] = field(default_factory=dict)
    scalars: dict[str, Fraction] = field(default_factory=dict)
    members: dict[str, Fraction] = field(default_factory=dict)

    def readable(self) -> dict[str, object]:
        """name -> readable value (a family as a list in index order)."""
        shown: dict[str, object] = {k: str(v) for k, v in self.lengths.items()}
        shown.update({k: str(v) for k, v in self.scalars.items()})
        families: dict[str, list[tuple[int, str]]] = {}
        for key, value in self.members.items():
            name, _, index = key.rstrip("]").partition("[")
            if index.lstrip("-").isdigit():
                families.setdefault(name, []).append((int(index), str(value)))
            else:  # a member with a free index, such as y[i]
                shown[key] = str(value)
        for name, entries in families.items():
            shown[name] = [v for _, v in sorted(entries)]
        return shown


def random_value(dom: Domain, rng: random.Random) -> Fraction:
    """A random readable rational in the domain."""
    if dom.values is not None:
        return Fraction(rng.choice(dom.values))
    if dom.integer:
        low = int(dom.lower) if dom.lower is not None else -20
        return Fraction(rng.randint(low, low + 20))
    if dom.lower is not None and dom.upper is not None:
        value = Fraction(rng.randint(1, 999), 1000)
        if rng.random() < 0.2:
            value = Fraction(1, 10 ** rng.randint(3, 9)) if rng.random() < 0.5 else 1 - Fraction(1, 10 ** rng.randint(3, 9))
        return value
    magnitude = Fraction(rng.randint(1, 9999), rng.choice((1, 10, 100, 1000)))
    if dom.lower is not None:
        return magnitude if dom.lower_open or rng.random() > 0.05 else Fraction(0)
    return magnitude if rng.random() < 0.5 else -magnitude


def simplex_vector(size: int, k: int, rng: random.Random) -> list[Fraction]:
    """The k-th probability vector of a size: uniform, skewed, near an edge, random."""
    if size == 1:
        return [Fraction(1)]
    if k == 0:
        return [Fraction(1, size)] * size
    if k == 1:
        rest = Fraction(1, 3 * (size - 1))
        return [Fraction(2, 3)] + [rest] * (size - 1)
    if k == 2:
        eps = Fraction(1, 10**6)
        return [1 - eps * (size - 1)] + [eps] * (size - 1)
    weights = [Fraction(rng.randint(1, 20)) for _ in range(size)]
    total = sum(weights)
    return [w / total for w in weights]


def _family_ranges(expr: sympy.Basic, name: str) -> list[tuple[sympy.Basic, sympy.Basic]]:
    ranges = []
    for node in sympy.preorder_traversal(expr):
        if isinstance(node, (sympy.Sum, sympy.Product)):
            if any(str(b.label) == name for b in node.function.atoms(sympy.IndexedBase)):
                ranges.extend((lim[1], lim[2]) for lim in node.limits)
    return ranges


def _concrete_indices(expr: sympy.Basic, name: str) -> set[int]:
    found = set()
    for node in expr.atoms(Indexed):
        if str(node.base.label) == name and len(node.indices) == 1 and node.indices[0].is_Integer:
            found.add(int(node.indices[0]))
    return found


def points(ctx: Context, exprs: Sequence[sympy.Basic], count: int = 48, seed: int = 20231) -> Iterator[Point]:
    """Yield up to ``count`` points respecting the context's domains.

    Raises:
        DomainError: a simplex family summed over two different ranges.
    """
    rng = random.Random(seed)
    lengths = sorted({n for e in exprs for n in limit_symbols(e) if n in ctx.domains})
    scalars = [n for n in ctx.domains if n not in ctx.families and n not in lengths]
    families = sorted(ctx.families & set(ctx.domains))
    ranges = {name: {r for e in exprs for r in _family_ranges(e, name)} for name in families}
    for name in families:
        if ctx.domains[name].name == "simplex" and len(ranges[name]) > 1:
            shown = ", ".join(f"{lo}..{hi}" for lo, hi in sorted(ranges[name], key=str))
            raise DomainError(f"simplex {name!r} is summed over different ranges ({shown}); "
                              "a simplex needs one range")
    concrete = {name: set().union(*(_concrete_indices(e, name) for e in exprs)) for name in families}
    for k in range(count):
        pt = Point()
        for name in lengths:
            pt.lengths[name] = _LENGTHS[k % len(_LENGTHS)]
        for j, name in enumerate(scalars):
            dom = ctx.domains[name]
            simple = dom.simple_points
            if k < 2 * len(simple):
                pt.scalars[name] = simple[(k * (2 * j + 1)) % len(simple)]
            else:
                pt.scalars[name] = random_value(dom, rng)
        for j, name in enumerate(families):
            _fill_family(pt, ctx, name, ranges[name], concrete[name], k + j, rng)
        yield pt


def _fill_family(pt: Point, ctx: Context, name: str, ranges: set, concrete: set[int],
                 k: int, rng: random.Random) -> None:
    dom = ctx.domains[name]
    indices: set[int] = set(concrete)
    spans = []
    for low, high in ranges:
        lo, hi = _as_int(low, pt), _as_int(high, pt)
        if lo is None or hi is None:
            continue
        spans.append((lo, hi))
        indices.update(range(lo, hi + 1))
    if dom.name == "simplex":
        span = spans[0] if spans else ((min(indices), max(indices)) if indices else (1, 1))
        members = list(range(span[0], span[1] + 1))
        for index, value in zip(members, simplex_vector(len(members), k, rng)):
            pt.members[f"{name}[{index}]"] = value
        return
    simple = dom.simple_points
    for offset, index in enumerate(sorted(indices)):
        if k < len(simple):
            value = simple[(k + offset) % len(simple)]
        else:
            value = random_value(dom, rng)
        pt.members[f"{name}[{index}]"] = value


def _as_int(bound: sympy.Basic, pt: Point) -> int | None:
    value = sympy.sympify(bound.xreplace({s: sympy.Integer(pt.lengths[str(s)])
                                          for s in bound.free_symbols if str(s) in pt.lengths}))
    return int(value) if value.is_Integer else None
