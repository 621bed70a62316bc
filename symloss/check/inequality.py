"""Proving ``lhs <= rhs`` (and ``<``, ``>=``, ``>``) on the declared domains.

Each claim becomes ``gap >= 0`` (or ``> 0``). Strategies, cheap first:
``sign`` (the gap, expanded, factored or put over one denominator, is
manifestly nonnegative: squares, products and sums of signed parts, with the
side facts ``0 < p < 1``), ``sum-merge`` (the normal form of sums, with
``Σ pᵢ = 1`` on a simplex), ``monotonicity`` (log, exp, sqrt, tanh are
increasing), ``lemma:log_le_sub_one_of_pos`` (each ``c·log u`` in the gap,
also under a Sum, replaced by the bound the lemma gives), ``calculus`` (one
variable: the infimum over critical points and end limits) and ``simplify``.

>>> from sympy import Symbol, log
>>> from symloss.check.context import Context
>>> from symloss.check.budget import Budget
>>> p = Symbol("p")
>>> ctx = Context.of([p], {"p": "probability"})
>>> prove_order(ctx, sympy.Integer(0), ctx.typed(-log(p, 2)), strict=False, budget=Budget(5))
'sign'
>>> prove_order(ctx, ctx.typed(-log(p, 2)), sympy.Integer(0), strict=False, budget=Budget(5)) is None
True
"""
from __future__ import annotations

from typing import Callable, Iterator

import sympy
from sympy import log

from symloss.check.algebra import expand_logs
from symloss.check.budget import Budget, first_method
from symloss.check.calculus import bounds_below, interval_of
from symloss.check.context import Context
from symloss.check.lemmas import LOG_LE_SUB_ONE
from symloss.check.numeric import prepare
from symloss.check.sums import normal_form

_INCREASING = (sympy.log, sympy.exp, sympy.tanh)


def _signed(gap: sympy.Basic, ctx: Context, strict: bool) -> bool:
    if gap.is_number:
        value = gap.is_positive if strict else gap.is_nonnegative
        return bool(value)
    return ctx.sign_is(gap, strict)


def _forms(gap: sympy.Basic, ctx: Context) -> Iterator[sympy.Basic]:
    yield gap
    expanded = sympy.expand(expand_logs(gap, ctx))
    yield expanded
    yield sympy.factor_terms(sympy.together(expanded))
    yield sympy.factor(expanded)


def _sign(gap: sympy.Basic, ctx: Context, strict: bool) -> str | None:
    gap = prepare(gap)
    return "sign" if any(_signed(form, ctx, strict) for form in _forms(gap, ctx)) else None


def _sum_merge(gap: sympy.Basic, ctx: Context, strict: bool) -> str | None:
    if not gap.has(sympy.Sum, sympy.Product):
        return None
    return "sum-merge" if _signed(normal_form(gap, ctx), ctx, strict) else None


# -- the lemma log u <= u - 1 -------------------------------------------------
def _varying_log(factor: sympy.Basic) -> bool:
    return isinstance(factor, log) and len(factor.args) == 1 and not factor.args[0].is_number


def _log_terms(expr: sympy.Basic) -> tuple[dict[sympy.Basic, sympy.Basic], sympy.Basic]:
    """``expr`` as Σ c_u·log(u) + rest; constants such as 1/log(2) stay in c_u."""
    logs: dict[sympy.Basic, sympy.Basic] = {}
    rest = sympy.Integer(0)
    for term in sympy.Add.make_args(sympy.expand(expr)):
        factors = sympy.Mul.make_args(term)
        varying = [f for f in factors if _varying_log(f)]
        if len(varying) == 1:
            coeff = sympy.Mul(*[f for f in factors if f is not varying[0]])
            u = varying[0].args[0]
            logs[u] = logs.get(u, 0) + coeff
        else:
            rest += term
    return logs, rest


def _pair_opposites(logs: dict[sympy.Basic, sympy.Basic]) -> dict[sympy.Basic, sympy.Basic]:
    """Merge c·log a - c·log b into c·log(a/b)."""
    merged, used = {}, set()
    items = list(logs.items())
    for i, (a, ca) in enumerate(items):
        if a in used:
            continue
        for b, cb in items[i + 1:]:
            if b not in used and sympy.expand(ca + cb) == 0:
                merged[a / b] = merged.get(a / b, 0) + ca
                used |= {a, b}
                break
        else:
            merged[a] = merged.get(a, 0) + ca
            used.add(a)
    return merged


def _lower_bound(expr: sympy.Basic, ctx: Context, pair: bool) -> sympy.Basic | None:
    """A lower bound of ``expr`` from log u <= u - 1 (None if a sign is unknown)."""
    logs, rest = _log_terms(expand_logs(expr, ctx))
    if pair:
        logs = _pair_opposites(logs)
    bound = rest
    for u, c in logs.items():
        if not ctx.is_positive(u):
            return None
        if ctx.is_nonnegative(c):  # c log u = -c log(1/u) >= -c (1/u - 1)
            bound += c * (1 - 1 / u)
        elif ctx.is_nonnegative(-c):  # c log u >= c (u - 1)
            bound += c * (u - 1)
        else:
            return None
    return bound


def _bound_sums(gap: sympy.Basic, ctx: Context, pair: bool) -> sympy.Basic | None:
    out = sympy.Integer(0)
    if gap.has(sympy.Sum, sympy.Product):
        gap = normal_form(gap, ctx)  # one Sum per range, so opposite logs can pair up
    for term in sympy.Add.make_args(gap):
        factors = sympy.Mul.make_args(term)
        sums = [f for f in factors if isinstance(f, sympy.Sum)]
        if len(sums) == 1 and len(sums[0].limits) == 1:
            coeff = sympy.Mul(*[f for f in factors if f is not sums[0]])
            _, low, high = sums[0].limits[0]
            # a termwise bound sums up only over a range that is not reversed (Karr)
            if not ctx.is_nonnegative(high - low + 1) or not ctx.is_nonnegative(coeff):
                return None
            inner = _lower_bound(sums[0].function, ctx, pair)
            if inner is None:
                return None
            out += coeff * sympy.Sum(inner, sums[0].limits[0])
        elif term.has(log):
            bounded = _lower_bound(term, ctx, pair)
            if bounded is None:
                return None
            out += bounded
        else:
            out += term
    return out


def _lemma(gap: sympy.Basic, ctx: Context, strict: bool) -> str | None:
    if strict or not gap.has(log) or not LOG_LE_SUB_ONE.proved():
        return None
    for pair in (True, False):
        bound = _bound_sums(gap, ctx, pair)
        if bound is None:
            continue
        bound = normal_form(bound, ctx) if bound.has(sympy.Sum) else bound
        if any(_signed(form, ctx, False) for form in _forms(bound, ctx)):
            return f"lemma:{LOG_LE_SUB_ONE.name}"
    return None


# -- monotonicity and one-variable calculus ----------------------------------
def _monotone(lhs: sympy.Basic, rhs: sympy.Basic, ctx: Context, strict: bool) -> str | None:
    """f(a) <= f(b) from a <= b for increasing f (log needs a, b > 0)."""
    if type(lhs) is not type(rhs) or not isinstance(lhs, _INCREASING) or len(lhs.args) != 1:
        return None
    a, b = lhs.args[0], rhs.args[0]
    if isinstance(lhs, sympy.log) and not (ctx.is_positive(a) and ctx.is_positive(b)):
        return None
    gap = b - a
    return "monotonicity" if _sign(gap, ctx, strict) or _sum_merge(gap, ctx, strict) else None


def _calculus(gap: sympy.Basic, ctx: Context, strict: bool) -> str | None:
    cases = ctx.label_cases(gap) or [{}]
    for case in cases:
        instance = prepare(gap.xreplace(case))
        free = [s for s in instance.free_symbols if isinstance(s, sympy.Symbol)]
        if instance.has(sympy.Indexed, sympy.Sum, sympy.Product) or len(free) > 1:
            return None
        if not free:
            if not _signed(instance, ctx, strict):
                return None
            continue
        x = free[0]
        interval = interval_of(ctx.domains[str(x)].name) if str(x) in ctx.domains else None
        if interval is None or not bounds_below(instance, x, interval, strict):
            return None
    return "calculus"


def _simplify(gap: sympy.Basic, ctx: Context, strict: bool) -> str | None:
    return "simplify" if _signed(sympy.simplify(prepare(gap)), ctx, strict) else None


def attempts(ctx: Context, lhs: sympy.Basic, rhs: sympy.Basic, strict: bool) -> Iterator[tuple[str, Callable[[], "str | None"]]]:
    """Strategies for ``lhs <= rhs`` (``<`` when strict), as zero-argument calls."""
    gap = rhs - lhs
    yield "sign", lambda: _sign(gap, ctx, strict)
    yield "sum-merge", lambda: _sum_merge(gap, ctx, strict)
    yield "monotonicity", lambda: _monotone(lhs, rhs, ctx, strict)
    yield "lemma", lambda: _lemma(gap, ctx, strict)
    yield "calculus", lambda: _calculus(gap, ctx, strict)
    yield "simplify", lambda: _simplify(gap, ctx, strict)


def prove_order(ctx: Context, lhs: sympy.Basic, rhs: sympy.Basic, strict: bool, budget: Budget,
                notes: list[str] | None = None) -> str | None:
    """The method proving ``lhs <= rhs`` (``<`` when strict), or None.

    Raises:
        OutOfTime: when the budget ran out.
    """
    return first_method(attempts(ctx, lhs, rhs, strict), budget, notes)
