"""Proving ``lhs = rhs`` on the declared domains, cheap strategies first.

Each strategy turns ``lhs - rhs`` into 0 by rewrites valid on the domain, and
its name becomes the verdict's method: ``structural``, ``evaluation``,
``expand``, ``expand_log``, ``together``, ``differentiate``, ``sum-merge``,
``unroll``, ``cases(label)``, ``reparametrize``, ``exp-rewrite``, ``simplify``.

>>> from sympy import Symbol, log
>>> from symloss.check.context import Context
>>> from symloss.check.budget import Budget
>>> a, b = Symbol("a"), Symbol("b")
>>> ctx = Context.of([a, b], {"a": "positive", "b": "positive"})
>>> prove_equal(ctx, ctx.typed(log(a * b)), ctx.typed(log(a) + log(b)), Budget(5))
'expand_log'
>>> ctx = Context.of([a, b], {"a": "real", "b": "real"})
>>> prove_equal(ctx, ctx.typed(log(a * b)), ctx.typed(log(a) + log(b)), Budget(5)) is None
True
"""
from __future__ import annotations

from typing import Callable, Iterator

import sympy

from symloss.check.algebra import expand_logs, is_zero, prove_zero_cheaply
from symloss.check.budget import Budget, first_method
from symloss.check.context import Context
from symloss.check.evaluate import unroll
from symloss.check.numeric import prepare
from symloss.check.sums import normal_form

Strategy = Callable[[sympy.Basic, Context], "str | None"]


def _has_sums(expr: sympy.Basic) -> bool:
    return expr.has(sympy.Sum, sympy.Product)


def _calculus(diff: sympy.Basic, ctx: Context) -> str | None:
    if not diff.has(sympy.Derivative, sympy.Subs, sympy.Limit):
        return None
    done = prepare(diff)
    method = prove_zero_cheaply(done, ctx)
    if method is None and _has_sums(done):
        method = "sum-merge" if is_zero(normal_form(done, ctx)) else None
    return f"differentiate+{method}" if method else None


def _unrolled(diff: sympy.Basic, ctx: Context) -> str | None:
    if not _has_sums(diff):
        return None
    try:
        flat = unroll(diff)
    except Exception:  # symbolic limits: not for this strategy
        return None
    if flat == diff:
        return None
    method = prove_zero_cheaply(flat, ctx)
    return f"unroll+{method}" if method else None


def _sum_merge(diff: sympy.Basic, ctx: Context) -> str | None:
    if not _has_sums(diff):
        return None
    return "sum-merge" if is_zero(normal_form(diff, ctx)) else None


def _label_cases(diff: sympy.Basic, ctx: Context) -> str | None:
    cases = ctx.label_cases(diff)
    if not cases:
        return None
    for case in cases:
        instance = diff.xreplace(case)
        if prove_zero_cheaply(instance, ctx) is None and not is_zero(sympy.simplify(instance)):
            return None
    return "cases(label)"


def _reparametrize(diff: sympy.Basic, ctx: Context) -> str | None:
    rewritten = ctx.below_one_substitution(diff)
    if rewritten == diff:
        return None
    expanded = sympy.expand_log(rewritten, force=False)
    if is_zero(sympy.simplify(sympy.expand(expanded))):
        return "reparametrize"
    return None


def _exp_rewrite(diff: sympy.Basic, ctx: Context) -> str | None:
    """Hyperbolic functions as exponentials, every exp(k·g) as W**(k·L), then cancel.

    If the result is the zero rational function of W > 0, the difference is 0
    at W = exp(g/L) too.
    """
    hyperbolic = (sympy.tanh, sympy.sinh, sympy.cosh)
    if not diff.has(sympy.exp, *hyperbolic):
        return None
    rewritten = diff.rewrite(sympy.exp) if diff.has(*hyperbolic) else diff
    if is_zero(rewritten):
        return "exp-rewrite"
    arguments = [e.args[0] for e in rewritten.atoms(sympy.exp)]
    if not arguments or any(not a.is_real for a in arguments):
        return None
    base = arguments[0]
    ratios = [sympy.cancel(a / base) for a in arguments]
    if not all(r.is_Rational for r in ratios):
        return None
    scale = sympy.ilcm(*[r.q for r in ratios]) if len(ratios) > 1 else ratios[0].q
    w = sympy.Symbol("W_", positive=True)
    replaced = rewritten.xreplace({sympy.exp(a): w ** (r * scale) for a, r in zip(arguments, ratios)})
    if replaced.has(sympy.exp):
        return None
    return "exp-rewrite" if is_zero(sympy.cancel(sympy.together(replaced))) else None


def _simplify(diff: sympy.Basic, ctx: Context) -> str | None:
    for form in (diff, expand_logs(diff, ctx)):
        if is_zero(sympy.simplify(form)):
            return "simplify"
    return None


def _cheap(diff: sympy.Basic, ctx: Context) -> str | None:
    return prove_zero_cheaply(diff, ctx)


STRATEGIES: tuple[tuple[str, Strategy], ...] = (
    ("cheap", _cheap),
    ("calculus", _calculus),
    ("sum-merge", _sum_merge),
    ("unroll", _unrolled),
    ("cases", _label_cases),
    ("reparametrize", _reparametrize),
    ("exp-rewrite", _exp_rewrite),
    ("simplify", _simplify),
)


def _termwise(ctx: Context, lhs: sympy.Basic, rhs: sympy.Basic) -> str | None:
    """Σ f = Σ g (or Π f = Π g) over one range because f = g for every index."""
    if type(lhs) is not type(rhs) or not isinstance(lhs, (sympy.Sum, sympy.Product)):
        return None
    if len(lhs.limits) != 1 or len(rhs.limits) != 1 or lhs.limits[0][1:] != rhs.limits[0][1:]:
        return None
    index = lhs.limits[0][0]
    body_rhs = rhs.function.xreplace({rhs.limits[0][0]: index})
    diff = lhs.function - body_rhs
    for name, strategy in STRATEGIES:
        if name != "simplify" and strategy(diff, ctx):
            return f"termwise+{name}"
    return None


def attempts(ctx: Context, lhs: sympy.Basic, rhs: sympy.Basic) -> Iterator[tuple[str, Callable[[], "str | None"]]]:
    """The strategies for ``lhs = rhs`` in order, as zero-argument calls."""
    if lhs == rhs:
        yield "structural", lambda: "structural"
        return
    diff = lhs - rhs
    for name, strategy in STRATEGIES:
        if name == "reparametrize":
            yield "termwise", lambda: _termwise(ctx, lhs, rhs)
        yield name, (lambda s=strategy: s(diff, ctx))


def prove_equal(ctx: Context, lhs: sympy.Basic, rhs: sympy.Basic, budget: Budget,
                notes: list[str] | None = None) -> str | None:
    """The method that proves ``lhs = rhs``, or None (never a guess).

    Raises:
        OutOfTime: when the budget ran out.
    """
    return first_method(attempts(ctx, lhs, rhs), budget, notes)
