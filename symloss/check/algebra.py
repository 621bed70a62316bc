"""Rewrites that are valid on the declared domains.

``expand_log(..., force=True)`` is unsound in general (log(ab) = log a + log b
fails for a, b < 0). :func:`expand_logs` expands a logarithm only when the
context shows every factor of its argument positive, so every rewrite here
holds on the whole domain.

>>> from sympy import Symbol, log
>>> from symloss.check.context import Context
>>> p = Symbol("p")
>>> ctx = Context.of([p], {"p": "probability"})
>>> q = ctx.symbol("p")
>>> expand_logs(log(q * (1 - q)), ctx)
log(p) + log(1 - p)
>>> x = Symbol("x")
>>> ctx = Context.of([x], {"x": "real"})
>>> expand_logs(log(ctx.symbol("x")**2), ctx)
log(x**2)
"""
from __future__ import annotations

import sympy
from sympy import log

from symloss.check.context import Context


def _positive_structure(arg: sympy.Basic, ctx: Context) -> bool:
    """Every factor (and every power's base) of ``arg`` is positive on the domain."""
    if isinstance(arg, sympy.Mul):
        return all(_positive_structure(a, ctx) for a in arg.args)
    if isinstance(arg, sympy.Pow):
        return bool(arg.exp.is_real) and _positive_structure(arg.base, ctx)
    return ctx.is_positive(arg)


def expand_logs(expr: sympy.Basic, ctx: Context) -> sympy.Basic:
    """Expand ``log`` of products and powers whose factors are positive on the domain.

    Also rewrites ``log(Product(f))`` as ``Sum(log f)`` when every factor is positive.
    """
    if not expr.has(log):
        return expr
    if isinstance(expr, log):
        arg = expand_logs(expr.args[0], ctx)
        if isinstance(arg, sympy.Product) and len(arg.limits) == 1 and _positive_structure(arg.function, ctx):
            return sympy.Sum(expand_logs(log(arg.function), ctx), arg.limits[0])
        if isinstance(arg, (sympy.Mul, sympy.Pow)) and _positive_structure(arg, ctx):
            return sympy.expand_log(log(arg), deep=False, force=True)
        return log(arg)
    if not expr.args or expr.is_Atom:
        return expr
    args = [expand_logs(a, ctx) for a in expr.args]
    return expr.func(*args) if any(a is not b for a, b in zip(args, expr.args)) else expr


def is_zero(expr: sympy.Basic) -> bool:
    """Structurally zero (no guessing, no numeric test)."""
    return expr == 0 or expr is sympy.S.Zero


def cheap_forms(expr: sympy.Basic, ctx: Context):
    """Successively stronger cheap rewrites of ``expr``, each valid on the domain."""
    expanded = sympy.expand(expr, log=False)  # logs are expanded by the next, domain-checked form
    yield "expand", expanded
    logs = sympy.expand(expand_logs(expr, ctx))
    yield "expand_log", logs
    yield "together", sympy.cancel(sympy.together(logs))


def prove_zero_cheaply(expr: sympy.Basic, ctx: Context) -> str | None:
    """The name of a cheap rewrite that turns ``expr`` into 0, if any."""
    if is_zero(expr):
        return "evaluation"
    for name, form in cheap_forms(expr, ctx):
        if is_zero(form):
            return name
    return None
