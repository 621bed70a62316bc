"""Numeric refutation: look for a domain point where the claim is false.

Both sides are evaluated with mpmath at 30 significant digits, at points from
:mod:`symloss.check.points`. A failure counts only when it is confirmed at 60
digits by a margin far above rounding (relative 1e-20); a strict inequality
that fails by equality is confirmed exactly, with rational arithmetic. Points
where a side is undefined (log 0, division by 0) are skipped; for an order
relation, so are points where a side is not real. Numeric agreement is never
a proof: this module can only refute.
"""
from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Any, Callable

import mpmath
import sympy

from symloss.check.context import Context
from symloss.check.evaluate import Unsupported, compile_expr, member_name, unroll
from symloss.check.points import Point, points
from symloss.relations import Rel

_DIGITS, _CONFIRM_DIGITS = 30, 60
_MARGIN = mpmath.mpf(10) ** -20


@dataclass
class Search:
    """The outcome of a search: a confirmed failing point, or how many points held."""

    point: Point | None = None
    values: tuple[str, str] | None = None
    tried: int = 0
    defined: int = 0
    note: str = ""


def prepare(expr: sympy.Basic) -> sympy.Basic:
    """Carry out derivatives, substitutions and limits so the expression can be evaluated."""
    kinds = (sympy.Derivative, sympy.Subs, sympy.Limit)
    if expr.has(*kinds):
        expr = expr.replace(lambda e: isinstance(e, kinds), lambda e: e.doit())
    return expr


class _Evaluator:
    """Both sides compiled once per choice of sum lengths."""

    def __init__(self, lhs: sympy.Basic, rhs: sympy.Basic) -> None:
        self.sides = (prepare(lhs), prepare(rhs))
        self._cache: dict[tuple, tuple[Callable, Callable]] = {}

    def functions(self, pt: Point) -> tuple[Callable, Callable]:
        key = tuple(sorted(pt.lengths.items()))
        if key not in self._cache:
            compiled = []
            for side in self.sides:
                replaced = side.xreplace({s: pt.lengths[str(s)] for s in side.free_symbols
                                          if isinstance(s, sympy.Symbol) and str(s) in pt.lengths})
                compiled.append(compile_expr(_members_as_names(unroll(replaced))))
            self._cache[key] = (compiled[0], compiled[1])
        return self._cache[key]


def _members_as_names(expr: sympy.Basic) -> sympy.Basic:
    mapping = {node: sympy.Symbol(member_name(node)) for node in expr.atoms(sympy.Indexed)
               if all(i.is_Integer for i in node.indices)}
    return expr.xreplace(mapping) if mapping else expr


def _env(pt: Point, ctx: Context, expr_symbols: set[str]) -> dict[str, Any]:
    env: dict[str, Any] = {}
    for table in (pt.lengths, pt.scalars, pt.members):
        for name, value in table.items():
            value = Fraction(value)
            env[name] = mpmath.mpf(value.numerator) / value.denominator
    return env


def _value(f: Callable, env: dict[str, Any]) -> Any:
    try:
        value = f(env)
    except (ZeroDivisionError, ValueError, OverflowError, TypeError, KeyError):
        return None
    if isinstance(value, mpmath.mpc):
        if not (mpmath.isfinite(value.real) and mpmath.isfinite(value.imag)):
            return None
        return value
    if not mpmath.isfinite(value):
        return None
    return value


def violation(rel: Rel, left: Any, right: Any) -> Any:
    """How much the relation fails by at these values (<= 0 means it holds); None if undecidable."""
    scale = max(mpmath.mpf(1), abs(left), abs(right))
    if rel is Rel.EQ:
        return abs(left - right) / scale - _MARGIN
    if isinstance(left, mpmath.mpc) or isinstance(right, mpmath.mpc):
        if abs(mpmath.im(left)) > _MARGIN * scale or abs(mpmath.im(right)) > _MARGIN * scale:
            return None
        left, right = mpmath.re(left), mpmath.re(right)
    gap = (left - right) / scale  # positive when left is larger
    if rel is Rel.LE:
        return gap - _MARGIN
    if rel is Rel.GE:
        return -gap - _MARGIN
    if rel is Rel.LT:
        return gap + _MARGIN  # fails at equality too: confirmed exactly below
    if rel is Rel.GT:
        return -gap + _MARGIN
    return None


def search(ctx: Context, lhs: sympy.Basic, rhs: sympy.Basic, rel: Rel, count: int = 48,
           exact_check: Callable[[Point], bool] | None = None) -> Search:
    """Evaluate the claim at up to ``count`` domain points; stop at a confirmed failure."""
    result = Search()
    if rel.is_argmin:
        result.note = "argmin claims are not refuted numerically"
        return result
    try:
        evaluator = _Evaluator(lhs, rhs)
    except Unsupported as exc:
        result.note = str(exc)
        return result
    names = {str(s) for s in (lhs.free_symbols | rhs.free_symbols)}
    for pt in points(ctx, (lhs, rhs), count=count):
        result.tried += 1
        try:
            f_lhs, f_rhs = evaluator.functions(pt)
        except Unsupported as exc:
            result.note = str(exc)
            continue
        with mpmath.workdps(_DIGITS):
            env = _env(pt, ctx, names)
            left, right = _value(f_lhs, env), _value(f_rhs, env)
            if left is None or right is None:
                continue
            gap = violation(rel, left, right)
        if gap is None:
            continue
        result.defined += 1
        if gap <= 0:
            continue
        with mpmath.workdps(_CONFIRM_DIGITS):
            env = _env(pt, ctx, names)
            left2, right2 = _value(f_lhs, env), _value(f_rhs, env)
            confirmed = left2 is not None and right2 is not None
            confirmed = confirmed and (violation(rel, left2, right2) or 0) > 0
        if confirmed and rel.is_strict and abs(left2 - right2) <= _MARGIN * max(1, abs(left2)):
            confirmed = exact_check is not None and exact_check(pt)
        if confirmed:
            result.point = pt
            result.values = (mpmath.nstr(left2, 12), mpmath.nstr(right2, 12))
            return result
    return result
