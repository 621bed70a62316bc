"""Hypothesis strategies for symloss's domains, and for points of derivations.

Every strategy draws plain Python numbers: ``float`` by default, ``Fraction``
with ``exact=True``, ``int`` for integer domains. Readable values (the domain's
``simple_points``: 1/2, 1/4, 9/10, ...) come first, so a shrunk counterexample
is easy to read; the rest of the range follows, down to the smallest float
above 0 and the largest below 1.

A *point* is a dict name -> value, a family's name -> a tuple of values, as
:mod:`symloss.testing` evaluates them. A sum with a symbolic upper limit ``n``
gets ``n`` in ``1..6`` (``min_length``/``max_length``) and family tuples of
the matching length.

>>> from hypothesis import find
>>> find(points({"x": "label", "y": "probability"}), lambda pt: True)
{'x': 0, 'y': 0.5}
>>> import math
>>> math.fsum(find(probability_vectors(size=3), lambda p: min(p) < 0.01)) == 1.0
True
"""
from __future__ import annotations

import functools
import math
from fractions import Fraction
from typing import TYPE_CHECKING, Any, Iterable, Mapping

import sympy
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from symloss._numeric_eval import EvaluationError, Layout, analyze
from symloss.domains import DOMAINS, Domain, domain

if TYPE_CHECKING:  # pragma: no cover
    from symloss.derivation import Claim, Derivation

__all__ = ["from_domain", "probabilities", "labels", "unit_intervals", "probability_vectors",
           "points", "points_for"]

FAR = 10**6  # unbounded real domains are drawn in [-FAR, FAR]
FAR_INT = 1000  # unbounded integer domains are drawn in [-FAR_INT, FAR_INT]
_FINE = 2**53  # probability vectors: entries are multiples of 2**-53, exact as floats


def from_domain(name: str | Domain, *, exact: bool = False) -> st.SearchStrategy[Any]:
    """Members of a domain (not ``simplex``: see :func:`probability_vectors`).

    Args:
        name: a contract domain name (``"probability"``, ``"posint"``, ...) or a Domain.
        exact: draw ``Fraction`` instead of ``float`` for continuous domains.

    Raises:
        InvalidArgument: an unknown domain, or a family-only domain.

    >>> from hypothesis import find
    >>> find(from_domain("positive"), lambda x: x > 1000) > 1000  # the value depends on Hypothesis
    True
    """
    dom = _domain(name)
    if dom.family_only:
        raise InvalidArgument(
            f"domain {dom.name!r} constrains a whole family; use "
            "probability_vectors(size=...) or points({..., name: 'simplex'}) instead")
    if dom.values is not None:
        return st.sampled_from(dom.values)
    simple = [v for v in dom.simple_points if dom.contains(v)]
    if dom.integer:
        lo = int(dom.lower) if dom.lower is not None else -FAR_INT
        hi = int(dom.upper) if dom.upper is not None else FAR_INT
        lo, hi = lo + (dom.lower is not None and dom.lower_open), hi - (dom.upper is not None and dom.upper_open)
        return _first(st.sampled_from([int(v) for v in simple]) if simple else None, st.integers(lo, hi))
    lo = float(dom.lower) if dom.lower is not None else -float(FAR)
    hi = float(dom.upper) if dom.upper is not None else float(FAR)
    floats = st.floats(lo, hi, exclude_min=dom.lower is not None and dom.lower_open,
                       exclude_max=dom.upper is not None and dom.upper_open)
    return _numbers(simple, floats, exact)


def probabilities(*, min_value: float = 0.0, max_value: float = 1.0,
                  exact: bool = False) -> st.SearchStrategy[Any]:
    """Numbers in the open interval (0, 1), reaching the floats nearest 0 and 1.

    Args:
        min_value, max_value: narrow the range (inclusive bounds; 0 and 1
            themselves are never drawn). Use them to stay away from the boundary.
        exact: draw ``Fraction`` (exact binary values) instead of ``float``.

    Raises:
        InvalidArgument: bounds outside [0, 1], or ``min_value > max_value``.

    >>> from hypothesis import find
    >>> 0.999 < find(probabilities(), lambda p: p > 0.999) < 1  # the value depends on Hypothesis
    True
    >>> find(probabilities(max_value=0.1), lambda p: True)
    0.1
    """
    for label, value in (("min_value", min_value), ("max_value", max_value)):
        if not (isinstance(value, (int, float, Fraction)) and 0 <= value <= 1):
            raise InvalidArgument(f"{label}={value!r} must be a number in [0, 1]")
    if min_value > max_value:
        raise InvalidArgument(f"min_value={min_value!r} is above max_value={max_value!r}")
    lo, hi = float(min_value), float(max_value)
    if lo == hi and lo in (0.0, 1.0):
        raise InvalidArgument(f"no probability lies in [{lo}, {hi}]: 0 and 1 are excluded")
    simple = [v for v in DOMAINS["probability"].simple_points if min_value <= v <= max_value]
    floats = st.floats(lo, hi, exclude_min=lo == 0.0, exclude_max=hi == 1.0)
    return _numbers(simple, floats, exact)


def labels() -> st.SearchStrategy[int]:
    """The labels 0 and 1, as ``int``.

    >>> from hypothesis import find
    >>> find(labels(), lambda x: x > 0)
    1
    """
    return from_domain("label")


def unit_intervals(*, exact: bool = False) -> st.SearchStrategy[Any]:
    """Numbers in the closed interval [0, 1], with 0 and 1 themselves.

    >>> from hypothesis import find
    >>> find(unit_intervals(), lambda u: u > 0)
    1.0
    """
    return from_domain("unit", exact=exact)


def probability_vectors(size: int | None = None, *, min_size: int = 1, max_size: int = 6,
                        exact: bool = False, allow_zero: bool = False) -> st.SearchStrategy[tuple[Any, ...]]:
    """Points of the simplex: tuples of entries in [0, 1] that sum to exactly 1.

    Entries are multiples of a power of two (as small as 2**-53), so the
    floats themselves sum to exactly 1 (``math.fsum(p) == 1.0``, and the sum
    of their exact values is 1); with ``exact=True`` they are ``Fraction``
    and may have other denominators too (thirds, sevenths).

    Args:
        size: the length; or leave it out and give ``min_size``/``max_size``.
        min_size, max_size: the range of lengths (default 1..6).
        exact: draw ``Fraction`` entries.
        allow_zero: allow entries equal to 0 (by default every entry is > 0).

    Raises:
        InvalidArgument: a size below 1, ``min_size > max_size``, or ``size``
            together with ``min_size``/``max_size``.

    >>> from hypothesis import find
    >>> find(probability_vectors(size=2), lambda p: True)
    (0.125, 0.875)
    >>> find(probability_vectors(size=3, exact=True), lambda p: True)
    (Fraction(1, 8), Fraction(1, 8), Fraction(3, 4))
    """
    if size is not None:
        if (min_size, max_size) != (1, 6):
            raise InvalidArgument("give either size or min_size/max_size, not both")
        min_size = max_size = size
    for label, value in (("size" if size is not None else "min_size", min_size), ("max_size", max_size)):
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            raise InvalidArgument(f"{label}={value!r} must be an integer >= 1 (a simplex has an entry)")
    if min_size > max_size:
        raise InvalidArgument(f"min_size={min_size} is above max_size={max_size}")
    return st.integers(min_size, max_size).flatmap(lambda k: _vectors(k, exact, allow_zero))


def points(assume: Mapping[str, str], *exprs: sympy.Basic, families: Iterable[str] | None = None,
           length: str | None = None, min_length: int = 1, max_length: int = 6,
           exact: bool = False, default: str | None = "real") -> st.SearchStrategy[dict[str, Any]]:
    """Points of a domain declaration: a dict name -> value.

    Without expressions a point holds every name of ``assume``; with
    expressions it holds exactly the names they use.

    Args:
        assume: name -> domain name, as in a derivation.
        *exprs: expressions the points are for. Their indexed families and the
            lengths of their sums are read from them: ``Sum(p[i], (i, 1, n))``
            makes ``n`` a length (drawn in ``min_length..max_length``) and
            ``p`` a family with entries ``p[1..n]``. A family in several sums
            covers all their ranges.
        families: names to draw as families even if no expression shows it
            (names with a family domain, ``simplex``, always are).
        length: the name of the families' common length, for families whose
            length no sum fixes.
        min_length, max_length: the range of every length (default 1..6).
        exact: draw ``Fraction`` instead of ``float``.
        default: the domain of a name the expressions use but ``assume`` does
            not declare (``"real"``, as the checker does); ``None`` refuses them.

    Raises:
        InvalidArgument: an unknown domain, an undeclared name with
            ``default=None``, a family domain on a plain symbol, one name used
            both as a plain symbol and as a family, a bad length range.

    >>> from hypothesis import find
    >>> from sympy import IndexedBase, Sum, Symbol
    >>> i, n, p = Symbol("i", integer=True), Symbol("n"), IndexedBase("p")
    >>> find(points({"p": "simplex", "n": "posint"}, Sum(p[i], (i, 1, n))),
    ...      lambda pt: pt["n"] == 2)
    {'p': (0.125, 0.875), 'n': 2}
    """
    if not isinstance(assume, Mapping):
        raise InvalidArgument(f"assume must be a mapping name -> domain name, not {type(assume).__name__}")
    doms = {str(k): _domain(v) for k, v in assume.items()}
    for label, value in (("min_length", min_length), ("max_length", max_length)):
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            raise InvalidArgument(f"{label}={value!r} must be an integer >= 1")
    if min_length > max_length:
        raise InvalidArgument(f"min_length={min_length} is above max_length={max_length}")
    if default is not None:
        _domain(default)
    try:
        layout = analyze(exprs)
    except EvaluationError as exc:
        raise InvalidArgument(str(exc)) from None
    extra = set(families or ()) | ({length} if length else set())
    names = (layout.symbols | layout.families | extra) if exprs else (set(doms) | extra)
    return _plan(doms, layout, names, set(families or ()), length, range(min_length, max_length + 1),
                 exact, default)


def points_for(target: "Derivation | Claim", *, min_length: int = 1, max_length: int = 6,
               exact: bool = False) -> st.SearchStrategy[dict[str, Any]]:
    """Points for a claim, or for every expression of a derivation, under its ``assume``.

    A derivation may use one name as a plain symbol in one claim and as a
    family in another (``x`` and ``x[i]``); draw per claim then
    (``points_for(claim)`` for ``claim in derivation.claims()``).

    >>> from hypothesis import find
    >>> from sympy import Symbol, log
    >>> from symloss.derivation import derive
    >>> y = Symbol("y")
    >>> d = derive("d", "t", assume={"y": "probability"}, start=log(y)).le(y - 1, "log_le_sub_one")
    >>> find(points_for(d), lambda pt: True)
    {'y': 0.5}
    """
    if hasattr(target, "claims"):
        exprs = [target.start]
        for claim in target.claims():
            exprs += [claim.lhs, claim.rhs]
    elif hasattr(target, "lhs") and hasattr(target, "rhs"):
        exprs = [target.lhs, target.rhs]
    else:
        raise InvalidArgument(f"points_for takes a Derivation or a Claim, not {type(target).__name__}")
    return points(target.assume, *exprs, min_length=min_length, max_length=max_length, exact=exact)


# -- internals ---------------------------------------------------------------

def _domain(name: Any) -> Domain:
    try:
        return domain(name)
    except ValueError as exc:
        raise InvalidArgument(str(exc)) from None


def _first(simple: st.SearchStrategy[Any] | None, rest: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return rest if simple is None else st.one_of(simple, rest)


def _numbers(simple: list[Fraction], floats: st.SearchStrategy[float], exact: bool) -> st.SearchStrategy[Any]:
    convert = Fraction if exact else float
    readable = st.sampled_from([convert(v) for v in simple]) if simple else None
    return _first(readable, floats.map(Fraction) if exact else floats)


@functools.lru_cache(maxsize=None)
def _vectors(k: int, exact: bool, allow_zero: bool) -> st.SearchStrategy[tuple[Any, ...]]:
    coarse_total = 2 ** max(3, (k - 1).bit_length() + 1)
    lo, hi = (0, coarse_total) if allow_zero else (1, coarse_total - 1)
    cuts = st.lists(st.integers(lo, hi), min_size=k - 1, max_size=k - 1, unique=not allow_zero)
    coarse = cuts.map(lambda c: _gaps(sorted(c), coarse_total))
    fine = st.lists(st.floats(0, 1), min_size=k, max_size=k).map(lambda w: _counts(w, allow_zero))
    options = [coarse.map(lambda c: (c, coarse_total)), fine.map(lambda c: (c, _FINE))]
    if exact:
        weights = st.lists(st.integers(0 if allow_zero else 1, 100), min_size=k, max_size=k)
        options.append(weights.filter(any).map(lambda w: (w, sum(w))))
    if exact:
        return st.one_of(options).map(lambda ct: tuple(Fraction(c, ct[1]) for c in ct[0]))
    return st.one_of(options).map(lambda ct: tuple(c / ct[1] for c in ct[0]))


@functools.lru_cache(maxsize=None)
def _tuples(element: st.SearchStrategy[Any], k: int) -> st.SearchStrategy[tuple[Any, ...]]:
    return st.tuples(*[element] * k)


def _gaps(cuts: list[int], total: int) -> list[int]:
    ends = [0, *cuts, total]
    return [b - a for a, b in zip(ends, ends[1:])]


def _counts(weights: list[float], allow_zero: bool) -> list[int]:
    total = math.fsum(weights)
    if total == 0:
        weights, total = [1.0] * len(weights), float(len(weights))
    counts = [max(0 if allow_zero else 1, round(w / total * _FINE)) for w in weights]
    top = counts.index(max(counts))
    counts[top] += _FINE - sum(counts)
    return counts


def _plan(doms: dict[str, Domain], layout: Layout, names: set[str], families: set[str], length: str | None,
          lengths: range, exact: bool, default: str | None) -> st.SearchStrategy[dict[str, Any]]:
    declared = {n for n in names if n in doms and doms[n].family_only and n not in layout.symbols}
    families = (families | layout.families | declared) & names
    length_names = (set(layout.lengths) | ({length} if length else set())) & names
    indices = {i: fam for i, fam in layout.indices.items() if i not in length_names}
    plain = names - families - length_names - set(indices)
    for name in sorted(layout.symbols & layout.families):
        if name not in length_names and name not in indices:
            raise InvalidArgument(
                f"{name!r} is used both as a plain symbol and as an indexed family ({name}[i]); "
                "a point cannot give it both values: rename one, or draw points per claim")
    undeclared = sorted((plain | families) - set(doms))
    if undeclared and default is None:
        kind = "family" if undeclared[0] in families else "symbol"
        raise InvalidArgument(
            f"{kind} {undeclared[0]!r} has no domain; add it to assume, e.g. {{{undeclared[0]!r}: 'real'}}")
    dom = {name: doms.get(name) or _domain(default) for name in plain | families}
    for name in sorted(plain):
        if dom[name].family_only:
            raise InvalidArgument(
                f"{name!r} is declared {dom[name].name!r}, a family domain, but is used as a "
                f"plain symbol; index it ({name}[i]) or declare it 'probability'")
    sizes = {}
    for name in sorted(length_names):
        allowed = [k for k in lengths if name not in doms or doms[name].contains(k)]
        if not allowed:
            raise InvalidArgument(
                f"{name!r} is a length (a sum runs to it) but its domain {doms[name].name!r} "
                f"has no value in {lengths.start}..{lengths.stop - 1}")
        sizes[name] = st.sampled_from(allowed)
    member = {name: from_domain(dom[name], exact=exact) for name in sorted(plain)}
    entry = {name: None if dom[name].family_only else from_domain(dom[name], exact=exact)
             for name in families}
    order = [*(n for n in doms if n in names), *sorted(names - set(doms))]

    @st.composite
    def draw_point(draw: Any) -> dict[str, Any]:
        point: dict[str, Any] = {name: draw(s) for name, s in sizes.items()}
        shared = point.get(length) if length else None
        extents = {}
        for name in sorted(families):
            try:
                found = layout.extent(name, point)
            except EvaluationError as exc:
                raise InvalidArgument(str(exc)) from None
            if found is None:
                if shared is None:
                    shared = draw(st.sampled_from(list(lengths)))
                found = (1, shared)
            extents[name] = found
            k = found[1] - found[0] + 1
            point[name] = draw(_vectors(k, exact, False) if entry[name] is None else _tuples(entry[name], k))
        for index, name in indices.items():
            point[index] = draw(st.integers(*extents[name]))
        for name, s in member.items():
            point[name] = draw(s)
        return {name: point[name] for name in order if name in point}

    return draw_point()
