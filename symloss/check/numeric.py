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

import functools
from dataclasses import dataclass
from fractions import Fraction
from typing import Any, Callable, Iterator

import mpmath
import sympy

from symloss.check.context import Context
from symloss.check.evaluate import Unsupported, compile_expr, member_name, unroll
from symloss.check.points import Point, points
from symloss.relations import Rel

_DIGITS, _CONFIRM_DIGITS = 30, 60
_CALCULUS = (sympy.Derivative, sympy.Subs, sympy.Limit)
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
    """Carry out derivatives, substitutions and limits so the expression can be evaluated.

    Bottom-up and shallow: a Sum met on the way is left as it is (SymPy's deep
    ``doit`` would try to find its closed form, which is slow and not needed).
    """
    if not expr.has(*_CALCULUS):
        return expr
    if not expr.args or expr.is_Atom:
        return expr
    args = [prepare(a) for a in expr.args]
    if any(a is not b for a, b in zip(args, expr.args)):
        expr = expr.func(*args)
    if isinstance(expr, sympy.Subs):
        body = expr.expr
        if any(isinstance(v, sympy.Indexed) for v in expr.variables):
            try:  # p[1] inside Sum(p[i], (i, 1, 2)) appears only once the Sum is unrolled
                body = unroll(body)
            except Unsupported:
                return expr.doit()
        return body.subs(dict(zip(expr.variables, expr.point)))
    if isinstance(expr, (sympy.Derivative, sympy.Limit)):
        return expr.doit(deep=False)
    return expr


@functools.lru_cache(maxsize=1024)
def _compiled(side: sympy.Basic, lengths: tuple[tuple[str, int], ...]) -> tuple[Callable, frozenset[str]]:
    """One side compiled for some sum lengths, and the names it reads.

    Cached across claims: in a derivation the right side of one step is the left
    side of the next, and a worker checks them one after the other.
    """
    table = dict(lengths)
    replaced = side.xreplace({s: sympy.Integer(table[str(s)]) for s in side.free_symbols
                              if isinstance(s, sympy.Symbol) and str(s) in table})
    flat = _members_as_names(unroll(replaced))
    return compile_expr(flat), frozenset(str(s) for s in flat.free_symbols)


class _Evaluator:
    """Both sides, compiled once per choice of sum lengths."""

    def __init__(self, lhs: sympy.Basic, rhs: sympy.Basic) -> None:
        self.sides = (prepare(lhs), prepare(rhs))

    def functions(self, pt: Point) -> tuple[Callable, Callable, set[str]]:
        """Both sides compiled for the point's sum lengths, and the names they read."""
        key = tuple(sorted(pt.lengths.items()))
        (f_lhs, names_lhs), (f_rhs, names_rhs) = (_compiled(side, key) for side in self.sides)
        return f_lhs, f_rhs, set(names_lhs | names_rhs)


def _members_as_names(expr: sympy.Basic) -> sympy.Basic:
    """Family members become plain names: ``p[3]``, and ``p[i]`` for a free index i."""
    mapping = {node: sympy.Symbol(member_name(node)) for node in expr.atoms(sympy.Indexed)}
    return expr.xreplace(mapping) if mapping else expr


def _fill_members(pt: Point, names: set[str], ctx: Context, k: int) -> None:
    """Give a value to family members the point did not fill (``x[i]`` with free i, ``x[n+1]``).

    A simplex member outside the simplex's range has no value: the point is skipped.
    """
    for name in names - pt.members.keys() - pt.scalars.keys() - pt.lengths.keys():
        family, bracket, index = name.partition("[")
        dom = ctx.domains.get(family)
        if not bracket or dom is None:
            continue
        if dom.name == "simplex" and index.rstrip("]").lstrip("-").isdigit():
            continue
        simple = dom.simple_points
        pt.members[name] = Fraction(simple[(k + len(name)) % len(simple)]) if simple else Fraction(1, 2)


def _env(pt: Point) -> dict[str, Any]:
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


_LATE_POINTS = 12


def _at_point(ctx: Context, lhs: sympy.Basic, rhs: sympy.Basic, pt: Point) -> tuple[Callable, Callable] | None:
    """Both sides with the point's values put in *before* differentiating or taking limits.

    ``Subs(Derivative(k*log(x), x), x, k)`` is ``k/k = 1`` once differentiated, but
    0 at k = 0: substituting first sees what cancelling hides.
    """
    values: dict[sympy.Basic, sympy.Basic] = {}
    for table in (pt.lengths, pt.scalars):
        for name, value in table.items():
            if name in ctx.domains:
                value = Fraction(value)
                values[ctx.symbol(name)] = sympy.Rational(value.numerator, value.denominator)
    def family_subs_first(side: sympy.Basic) -> sympy.Basic:
        # Subs(..., q, p) or Subs(..., p[1], 1/2) binds family members: carry those out first
        return side.replace(lambda e: isinstance(e, sympy.Subs) and not all(
            type(v) is sympy.Symbol for v in e.variables), lambda e: prepare(e))

    try:
        sides = []
        for side in (lhs, rhs):
            concrete = unroll(family_subs_first(side).xreplace(values))
            members = {node: sympy.Rational(Fraction(pt.members[member_name(node)]))
                       for node in concrete.atoms(sympy.Indexed) if member_name(node) in pt.members}
            sides.append(compile_expr(_members_as_names(prepare(concrete.xreplace(members)))))
        return sides[0], sides[1]
    except Exception:  # undefined or not evaluable at this point: no evidence either way
        return None


def _gap(rel: Rel, f_lhs: Callable, f_rhs: Callable, pt: Point, digits: int) -> tuple[Any, Any, Any]:
    """(violation, lhs, rhs) at a point; violation None where undefined or undecidable."""
    with mpmath.workdps(digits):
        env = _env(pt)
        left, right = _value(f_lhs, env), _value(f_rhs, env)
        if left is None or right is None:
            return None, left, right
        return violation(rel, left, right), left, right


def _nearby(pt: Point, ctx: Context, name: str, step: Fraction) -> Iterator[Point]:
    dom = ctx.domains[name]
    for candidate in (pt.scalars[name] + step, pt.scalars[name] - step):
        if dom.contains(candidate):
            moved = Point(dict(pt.lengths), dict(pt.scalars), dict(pt.members))
            moved.scalars[name] = candidate
            yield moved


def _refine(rel: Rel, functions: tuple[Callable, Callable], start: Point, gap: Any, ctx: Context,
            budget: int = 60) -> tuple[Point, Any]:
    """Hill-climb the violation from a near-miss, moving one continuous scalar at a time."""
    movable = [n for n in start.scalars if ctx.domains[n].values is None and not ctx.domains[n].integer]
    best, best_gap = start, gap
    for step in (Fraction(1, 10), Fraction(1, 100), Fraction(1, 1000), Fraction(1, 10**4)):
        improved = True
        while improved and budget > 0:
            improved = False
            for name in movable:
                for moved in _nearby(best, ctx, name, step):
                    budget -= 1
                    value = _gap(rel, *functions, moved, _DIGITS)[0]
                    if value is not None and value > best_gap:
                        best, best_gap, improved = moved, value, True
            if best_gap > 0:
                return best, best_gap
    return best, best_gap


def search(ctx: Context, lhs: sympy.Basic, rhs: sympy.Basic, rel: Rel, count: int = 48,
           exact_check: Callable[[Point], bool] | None = None) -> Search:
    """Evaluate the claim at up to ``count`` domain points; stop at a confirmed failure.

    Order claims that hold at every point get a short local search from the
    three nearest misses, for violations in a narrow region.
    """
    result = Search()
    if rel.is_argmin:
        result.note = "argmin claims are not refuted numerically"
        return result
    try:
        evaluator = _Evaluator(lhs, rhs)
    except Unsupported as exc:
        result.note = str(exc)
        return result
    near_misses: list[tuple[Any, int, Point]] = []
    undefined: list[Point] = []  # where the closed form failed: the first to retry value-first
    for k, pt in enumerate(points(ctx, (lhs, rhs), count=count)):
        result.tried += 1
        try:
            f_lhs, f_rhs, names = evaluator.functions(pt)
        except Unsupported as exc:
            result.note = str(exc)
            continue
        _fill_members(pt, names, ctx, k)
        gap, _, _ = _gap(rel, f_lhs, f_rhs, pt, _DIGITS)
        if gap is None:
            undefined.append(pt)
            continue
        result.defined += 1
        if gap <= 0:
            near_misses.append((gap, k, pt))
            continue
        if _confirm(rel, (f_lhs, f_rhs), pt, exact_check, result):
            return result
    if lhs.has(*_CALCULUS) or rhs.has(*_CALCULUS):
        retry = undefined + [pt for _, _, pt in sorted(near_misses, key=lambda item: item[1])]
        for pt in retry[:_LATE_POINTS]:
            functions = _at_point(ctx, lhs, rhs, pt)
            if functions is not None and (_gap(rel, *functions, pt, _DIGITS)[0] or 0) > 0:
                if _confirm(rel, functions, pt, exact_check, result):
                    return result
    if rel.is_order:
        for gap, _, pt in sorted(near_misses, key=lambda item: (item[0], -item[1]), reverse=True)[:3]:
            functions = evaluator.functions(pt)[:2]
            moved, moved_gap = _refine(rel, functions, pt, gap, ctx)
            if moved_gap > 0 and _confirm(rel, functions, moved, exact_check, result):
                return result
    return result


def _confirm(rel: Rel, functions: tuple[Callable, Callable], pt: Point,
             exact_check: Callable[[Point], bool] | None, result: Search) -> bool:
    """Re-evaluate a failing point at 60 digits (and exactly, for a strict relation at equality)."""
    gap, left, right = _gap(rel, *functions, pt, _CONFIRM_DIGITS)
    if gap is None or gap <= 0:
        return False
    with mpmath.workdps(_CONFIRM_DIGITS):
        at_equality = abs(left - right) <= _MARGIN * max(1, abs(left))
    if rel.is_strict and at_equality and not (exact_check is not None and exact_check(pt)):
        return False
    result.point = pt
    result.values = (mpmath.nstr(left, 12), mpmath.nstr(right, 12))
    return True
