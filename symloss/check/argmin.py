"""Proving that two objectives have the same minimizers over named variables.

``lhs same-argmin[V] rhs`` is proved by exhibiting ``rhs = c·g(lhs) + b`` with
``g`` strictly increasing (the identity, or ``log`` where ``lhs > 0``), ``c > 0``
and ``b`` free of the variables V: then ``rhs`` is a strictly increasing
function of ``lhs`` and both have the same minimizers (and maximizers).
``argmax-argmin`` needs ``c < 0`` (max f <-> min -f). The factor ``c`` is read
off the parts of both sides that depend on V, and the identity
``dep(rhs) = c·dep(g(lhs))`` is then proved by the equality prover.

>>> from sympy import Symbol
>>> from symloss.check.context import Context
>>> from symloss.check.budget import Budget
>>> y, n = Symbol("y"), Symbol("n")
>>> ctx = Context.of([y, n], {"y": "real", "n": "posint"})
>>> Y, N = ctx.symbol("y"), ctx.symbol("n")
>>> prove_argmin(ctx, (Y - 1)**2, (Y - 1)**2 / (2 * N) + 5, ("y",), False, Budget(5))
'argmin:positive-factor 1/(2*n)'
>>> prove_argmin(ctx, (Y - 1)**2, -(Y - 1)**2, ("y",), False, Budget(5)) is None
True
"""
from __future__ import annotations

import sympy

from symloss.check.budget import Budget
from symloss.check.context import Context
from symloss.check.equality import prove_equal
from symloss.check.sums import normal_form


def _dependent_part(expr: sympy.Basic, ctx: Context, over: tuple[str, ...]) -> sympy.Basic:
    """The part of the normal form of ``expr`` that involves the variables.

    Terms free of them are dropped, also inside a Sum: Σ(a(q) + b) splits into
    Σ a(q) + Σ b, and Σ b is free of q.
    """
    form = normal_form(expr, ctx) if expr.has(sympy.Sum, sympy.Product, sympy.log) else sympy.expand(expr)
    kept = []
    for term in sympy.Add.make_args(form):
        if not ctx.depends_on(term, over):
            continue
        split = _one_sum(term)
        if split is None:
            kept.append(term)
            continue
        coeff, total = split
        summand = sympy.Add(*[t for t in sympy.Add.make_args(sympy.expand(total.function))
                              if ctx.depends_on(t, over)])
        kept.append(coeff * sympy.Sum(summand, *total.limits))
    return sympy.Add(*kept)


def _one_sum(term: sympy.Basic) -> tuple[sympy.Basic, sympy.Sum] | None:
    factors = sympy.Mul.make_args(term)
    sums = [f for f in factors if isinstance(f, sympy.Sum)]
    if len(sums) != 1:
        return None
    return sympy.Mul(*[f for f in factors if f is not sums[0]]), sums[0]


def _factor(dep_rhs: sympy.Basic, dep_lhs: sympy.Basic) -> sympy.Basic:
    """The candidate c in dep_rhs = c·dep_lhs (also when both are one Sum over one range)."""
    left, right = _one_sum(dep_lhs), _one_sum(dep_rhs)
    if left and right and left[1].limits == right[1].limits:
        index = left[1].limits[0][0]
        ratio = sympy.cancel(sympy.together(right[0] * right[1].function / (left[0] * left[1].function)))
        if not ratio.has(index):
            return ratio
    return sympy.cancel(sympy.together(dep_rhs / dep_lhs))


def _transforms(lhs: sympy.Basic, ctx: Context) -> list[tuple[str, sympy.Basic]]:
    out = [("", lhs)]
    if ctx.is_positive(lhs) or (isinstance(lhs, sympy.Product) and ctx.is_positive(lhs.function)):
        out.append(("log ", sympy.log(lhs)))
    return out


def prove_argmin(ctx: Context, lhs: sympy.Basic, rhs: sympy.Basic, over: tuple[str, ...],
                 reverse: bool, budget: Budget, notes: list[str] | None = None) -> str | None:
    """The argument showing rhs is a strictly increasing (``reverse``: decreasing) function of lhs.

    Raises:
        OutOfTime: when the budget ran out.
    """
    dep_rhs = budget.run(_dependent_part, rhs, ctx, over)
    for label, transformed in _transforms(lhs, ctx):
        dep_lhs = budget.run(_dependent_part, transformed, ctx, over)
        if dep_lhs == 0 or dep_rhs == 0:
            continue
        factor = budget.run(_factor, dep_rhs, dep_lhs)
        if ctx.depends_on(factor, over):
            continue
        sign_ok = ctx.is_positive(-factor) if reverse else ctx.is_positive(factor)
        if not sign_ok:
            continue
        how = prove_equal(ctx, dep_rhs, sympy.expand(factor * dep_lhs), budget, notes)
        if how is None:
            continue
        kind = "negative-factor" if reverse else "positive-factor"
        shown = "" if factor in (1, -1) else f" {sympy.sstr(factor)}"
        if factor in (1, -1):
            kind = "negation" if reverse else "added-term"
        return f"argmin:{label}{kind}{shown}"
    return None
