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


def _inside(x: sympy.Symbol, interval: Interval) -> sympy.Expr | None:
    """x written through t > 0 so that it sweeps the open interval exactly once."""
    t = sympy.Symbol("t_", positive=True)
    low, high = interval.start, interval.end
    if low.is_finite and high.is_finite:
        return low + (high - low) / (1 + t)
    if low.is_finite:
        return low + t
    if high.is_finite:
        return high - t
    return None


def _positive_on(expr: sympy.Expr, x: sympy.Symbol, interval: Interval) -> bool:
    inside = _inside(x, interval)
    if inside is None:
        return bool(expr.is_positive)
    return bool(expr.is_positive or sympy.factor_terms(sympy.together(expr.xreplace({x: inside}))).is_positive)


def smooth_on(f: sympy.Expr, x: sympy.Symbol, interval: Interval) -> bool:
    """A cheap sufficient test that f is infinitely differentiable on the open interval.

    Sums, products, powers with a positive base (or a nonnegative integer
    exponent), logs of positive arguments, exp and tanh of smooth arguments.

    >>> t = sympy.Symbol("t")
    >>> smooth_on(sympy.log(t) + sympy.log(1 - t), t, Interval.open(0, 1))
    True
    >>> smooth_on(sympy.log(t - 1), t, Interval.open(0, 2))
    False
    """
    if not f.has(x) or f.is_Atom:
        return True
    if isinstance(f, (sympy.Add, sympy.Mul)):
        return all(smooth_on(a, x, interval) for a in f.args)
    if isinstance(f, sympy.Pow):
        base, exp = f.args
        if exp.is_Integer and exp >= 0:
            return smooth_on(base, x, interval)
        return (smooth_on(base, x, interval) and smooth_on(exp, x, interval)
                and _positive_on(base, x, interval))
    if isinstance(f, sympy.log) and len(f.args) == 1:
        return smooth_on(f.args[0], x, interval) and _positive_on(f.args[0], x, interval)
    if isinstance(f, (sympy.exp, sympy.tanh)):
        return smooth_on(f.args[0], x, interval)
    return False


def critical_points(f: sympy.Expr, x: sympy.Symbol, interval: Interval) -> list[sympy.Expr] | None:
    """The zeros of f' in the open interval, or None when not finitely many / not found."""
    derivative = sympy.diff(f, x)
    inside = Interval.open(interval.start, interval.end)
    if not smooth_on(f, x, inside) and (continuous_domain(f, x, inside) != inside
                                        or continuous_domain(derivative, x, inside) != inside):
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
