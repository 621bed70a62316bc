"""Checking one claim: numeric refutation first, then symbolic proof.

This runs inside a worker process (see :mod:`symloss.check.worker`); the time
limit is enforced twice: by a timer signal around each strategy, and by the
parent killing the worker if the whole claim overruns.

>>> from symloss.derivation import Claim
>>> check_claim(Claim("x**2", ">=", "x", {"x": "real"}), timeout=5).status
<Status.REFUTED: 'refuted'>
"""
from __future__ import annotations

import time
from fractions import Fraction

import sympy

from symloss.check.argmin import prove_argmin
from symloss.check.budget import Budget, OutOfTime, _Alarm
from symloss.check.context import Context
from symloss.check.equality import prove_equal
from symloss.check.inequality import prove_order
from symloss.check.numeric import Search, search
from symloss.check.points import Point
from symloss.check.verdict import Status, Verdict
from symloss.derivation import Claim
from symloss.errors import SymlossError
from symloss.relations import Rel

POINTS = 48


def _exact_zero(ctx: Context, lhs: sympy.Basic, rhs: sympy.Basic, budget: Budget):
    """A check, at an exact rational point, that ``lhs - rhs`` is exactly 0."""
    from symloss.check.evaluate import unroll
    from symloss.check.numeric import prepare

    def check(pt: Point) -> bool:
        def run() -> bool:
            diff = prepare(lhs - rhs)
            diff = diff.xreplace({ctx.symbol(n): sympy.Integer(v) for n, v in pt.lengths.items() if n in ctx.domains})
            diff = unroll(diff)
            values: dict = {}
            for name, value in pt.scalars.items():
                values[ctx.symbol(name)] = sympy.Rational(value.numerator, value.denominator)
            for node in diff.atoms(sympy.Indexed):
                key = f"{node.base.label}[{','.join(str(i) for i in node.indices)}]"
                if key in pt.members:
                    v = Fraction(pt.members[key])
                    values[node] = sympy.Rational(v.numerator, v.denominator)
            exact = diff.xreplace(values)  # a closed-form number: no rounding may enter here
            if exact == 0:
                return True
            # tanh(30) vs 1 differ by e^-60: 300 digits tell them apart without simplify;
            # this can only spare a refutation, never make one
            approx = exact.evalf(300)
            if approx.is_Number and abs(approx) > sympy.Float(10) ** -250:
                return False
            return sympy.simplify(exact) == 0
        try:
            return bool(budget.run(run))
        except (OutOfTime, Exception):
            return False
    return check


def _refuted(found: Search, started: float) -> Verdict:
    assert found.point is not None
    return Verdict(Status.REFUTED, method="numeric (mpmath, 30 and 60 digits)",
                   counterexample=found.point.readable(), evidence=found.tried,
                   values=found.values, seconds=time.perf_counter() - started)


def _prove(ctx: Context, claim: Claim, lhs: sympy.Basic, rhs: sympy.Basic, budget: Budget,
           notes: list[str]) -> str | None:
    rel = claim.rel
    if rel is Rel.EQ:
        return prove_equal(ctx, lhs, rhs, budget, notes)
    if rel in (Rel.LE, Rel.LT):
        return prove_order(ctx, lhs, rhs, rel.is_strict, budget, notes)
    if rel in (Rel.GE, Rel.GT):
        return prove_order(ctx, rhs, lhs, rel.is_strict, budget, notes)
    return prove_argmin(ctx, lhs, rhs, claim.over, rel is Rel.ARGMAX_ARGMIN, budget, notes)


def check_claim(claim: Claim, timeout: float = 10.0, points: int = POINTS) -> Verdict:
    """The verdict on one claim, within ``timeout`` seconds of wall time.

    The returned verdict's ``details`` holds notes (crashed strategies); a
    detail ``"interrupted"`` means a timer cut SymPy off and the process
    should be replaced before it checks anything else.
    """
    started = time.perf_counter()
    budget = Budget(timeout)
    notes: list[str] = []

    def finish(status: Status, **fields: object) -> Verdict:
        details = tuple(notes) + (("interrupted",) if budget.interrupted else ())
        return Verdict(status, seconds=time.perf_counter() - started, details=details, **fields)  # type: ignore[arg-type]

    try:
        ctx = Context.of([claim.lhs, claim.rhs], claim.assume)
        lhs, rhs = ctx.typed(claim.lhs), ctx.typed(claim.rhs)
        for side in (lhs, rhs):
            if side.has(sympy.zoo, sympy.nan):  # log(0), 0/0: SymPy's zoo arithmetic proves anything
                return finish(Status.ERROR, reason=f"undefined: {sympy.sstr(side)} contains zoo or nan")
        missing = [v for v in claim.over if not (ctx.depends_on(lhs, [v]) or ctx.depends_on(rhs, [v]))]
        if missing:
            return finish(Status.ERROR, reason=f"optimizes over {', '.join(missing)}, which does not appear in the claim")
        found = budget.run(search, ctx, lhs, rhs, claim.rel, points, _exact_zero(ctx, lhs, rhs, budget))
    except SymlossError as exc:
        return finish(Status.ERROR, reason=str(exc))
    except (OutOfTime, _Alarm):
        budget.interrupted = True
        return finish(Status.UNPROVED, reason="timeout")
    if found.point is not None:
        return _refuted(found, started)
    if found.tried and not found.defined and not found.note:
        return finish(Status.ERROR, reason=f"undefined (or not real) at all {found.tried} sampled points",
                      evidence=found.tried)
    try:
        method = _prove(ctx, claim, lhs, rhs, budget, notes)
    except (OutOfTime, _Alarm):
        budget.interrupted = True
        return finish(Status.UNPROVED, reason="timeout", evidence=found.defined)
    except RecursionError:
        return finish(Status.UNPROVED, reason="recursion limit inside SymPy", evidence=found.defined)
    if method:
        return finish(Status.PROVED, method=method, evidence=found.defined)
    reason = "no strategy" + (f" ({notes[0]})" if notes else "")
    return finish(Status.UNPROVED, reason=reason, evidence=found.defined)
