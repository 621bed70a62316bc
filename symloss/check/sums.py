"""A normal form for sums of symbolic length.

SymPy does not see that ``Sum(a, (i, 1, n)) - Sum(b, (j, 1, n))`` is
``Sum(a - b, (i, 1, n))``, nor that a Sum of a simplex family is 1. The normal
form here pulls constants out of each Sum, renames its index to a canonical
one, shifts its range to start at 1, merges Sums over the same range into one,
rewrites the merged summand with domain-valid rules, and uses the side fact
``Σ pᵢ = 1`` of a simplex family over its range.

>>> from sympy import IndexedBase, Symbol, Sum, log
>>> from symloss.check.context import Context
>>> p, q, i, j, n = IndexedBase("p"), IndexedBase("q"), Symbol("i"), Symbol("j"), Symbol("n")
>>> claim = Sum(p[i] * log(p[i] / q[i]), (i, 1, n)) - Sum(p[j] * log(p[j]), (j, 1, n)) + Sum(p[i] * log(q[i]), (i, 1, n))
>>> ctx = Context.of([claim], {"p": "simplex", "q": "simplex"})
>>> normal_form(ctx.typed(claim), ctx)
0
>>> normal_form(ctx.typed(Sum(2 * p[i] - q[i], (i, 1, n))), ctx)
1
"""
from __future__ import annotations

from collections import defaultdict

import sympy
from sympy import Indexed, Symbol

from symloss.check.algebra import expand_logs
from symloss.check.context import Context

INDEX = Symbol("k_", integer=True, positive=True)


def _canonical(s: sympy.Sum) -> tuple[tuple[sympy.Basic, sympy.Basic], sympy.Basic] | None:
    if len(s.limits) != 1:
        return None
    index, low, high = s.limits[0]
    summand = s.function.xreplace({index: INDEX + low - 1})
    return (sympy.Integer(1), sympy.expand(high - low + 1)), summand


def _split_term(term: sympy.Basic) -> tuple[sympy.Basic, sympy.Sum] | None:
    """``c * Sum(...)`` -> (c, Sum) when exactly one factor is a Sum."""
    factors = sympy.Mul.make_args(term)
    sums = [f for f in factors if isinstance(f, sympy.Sum)]
    if len(sums) != 1:
        return None
    coeff = sympy.Mul(*[f for f in factors if f is not sums[0]])
    return coeff, sums[0]


def _simplify_summand(summand: sympy.Basic, ctx: Context) -> sympy.Basic:
    summand = sympy.expand(expand_logs(summand, ctx))
    cases = ctx.label_cases(summand)
    if cases and all(sympy.expand(expand_logs(summand.xreplace(c), ctx)) == 0 for c in cases):
        return sympy.Integer(0)
    return summand


def _simplex_families(ctx: Context) -> set[str]:
    return {n for n in ctx.names_in("simplex") if n in ctx.families}


def _pull_simplex(summand: sympy.Basic, length: sympy.Basic, ctx: Context) -> tuple[sympy.Basic, sympy.Basic]:
    """Split ``Σ summand`` into (closed part, summand still under the Sum)."""
    closed, rest = sympy.Integer(0), []
    simplex = _simplex_families(ctx)
    for term in sympy.Add.make_args(sympy.expand(summand)):
        coeff, members = term.as_independent(INDEX, as_Add=False)
        if not term.has(INDEX):
            closed += term * length
        elif (isinstance(members, Indexed) and str(members.base.label) in simplex
              and members.indices == (INDEX,) and not coeff.has(Indexed)):
            closed += coeff
        else:
            rest.append(term)
    return closed, sympy.Add(*rest)


def normal_form(expr: sympy.Basic, ctx: Context) -> sympy.Basic:
    """Rewrite ``expr`` so that equal sums over one range become one Sum (or vanish)."""
    expr = expand_logs(expr, ctx)
    merged: dict[tuple, sympy.Basic] = defaultdict(lambda: sympy.Integer(0))
    rest = []
    for term in sympy.Add.make_args(sympy.expand(expr)):
        split = _split_term(term)
        canonical = _canonical(split[1]) if split else None
        if split is None or canonical is None or split[0].has(split[1].limits[0][0]):
            rest.append(term)
            continue
        key, summand = canonical
        merged[key] += split[0] * summand
    out = sympy.Add(*rest)
    sums = []
    for (low, length), summand in merged.items():
        summand = _simplify_summand(summand, ctx)
        closed, remaining = _pull_simplex(summand, length, ctx)
        out += closed
        if remaining != 0:
            sums.append(sympy.Sum(remaining, (INDEX, low, length)))
    return sympy.Add(sympy.expand(out), *sums)  # expanding would split the merged Sums again
