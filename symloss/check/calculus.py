"""One-variable calculus: the infimum of a function on an interval.

If ``f`` and ``f'`` are continuous on an open interval and ``f'`` vanishes at
finitely many points, ``f`` is monotone between them, so its infimum is the
least of its values at those points and its one-sided limits at the ends.
That argument proves ``f >= 0`` (or ``> 0``) on the whole interval.

>>> from sympy import Symbol, log, Interval, oo
>>> u = Symbol("u", positive=True)
>>> bounds_below(u - 1 - log(u), u, Interval.open(0, oo), strict=False)
True
>>> bounds_below(u - 1 - log(u), u, Interval.open(0, oo), strict=True)
False
"""
from __future__ import annotations

import sympy
from sympy import Interval, S
from sympy.calculus.util import continuous_domain


def critical_points(f: sympy.Expr, x: sympy.Symbol, interval: Interval) -> list[sympy.Expr] | None:
    """The zeros of f' in the open interval, or None when not finitely many / not found."""
    derivative = sympy.diff(f, x)
    inside = Interval.open(interval.start, interval.end)
    if continuous_domain(f, x, inside) != inside or continuous_domain(derivative, x, inside) != inside:
        return None
    zeros = sympy.solveset(sympy.together(derivative), x, inside)
    if not isinstance(zeros, sympy.FiniteSet):
        if zeros is S.EmptySet:
            return []
        return None
    return list(zeros)


def _end_value(f: sympy.Expr, x: sympy.Symbol, end: sympy.Expr, closed: bool, side: str) -> sympy.Expr:
    if closed and end.is_finite:
        return f.subs(x, end)
    return sympy.limit(f, x, end, side)


def bounds_below(f: sympy.Expr, x: sympy.Symbol, interval: Interval, strict: bool) -> bool:
    """Whether ``f >= 0`` (``f > 0`` when strict) on ``interval``, by the argument above.

    ``False`` means "not shown".
    """
    points = critical_points(f, x, interval)
    if points is None:
        return False
    values = [f.subs(x, c) for c in points]
    ends = [
        (_end_value(f, x, interval.start, not interval.left_open, "+"), not interval.left_open),
        (_end_value(f, x, interval.end, not interval.right_open, "-"), not interval.right_open),
    ]
    for value in values:
        if not _sign(value, strict):
            return False
    for value, attained in ends:
        if value is S.NaN or isinstance(value, sympy.Limit) or value.has(sympy.AccumBounds):
            return False
        if value is S.Infinity:
            continue
        if not _sign(value, strict and attained):
            return False
    return True


def _sign(value: sympy.Expr, strict: bool) -> bool:
    value = sympy.nsimplify(value) if value.is_Float else value
    verdict = value.is_positive if strict else value.is_nonnegative
    return bool(verdict)


def interval_of(domain_name: str) -> Interval | None:
    """The interval a one-dimensional domain spans (None for finite or unbounded-real)."""
    return {
        "probability": Interval.open(0, 1),
        "unit": Interval(0, 1),
        "positive": Interval.open(0, S.Infinity),
        "nonnegative": Interval(0, S.Infinity),
        "real": Interval(S.NegativeInfinity, S.Infinity),
    }.get(domain_name)
