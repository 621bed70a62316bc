"""Property tests of the checker itself: random expressions over the note's functions and domains.

Two promises are attacked with Hypothesis:

* **never proves a falsehood** — for an expression ``e`` and a ``δ`` that is
  nonzero somewhere in the domain (shown by the independent oracle of
  :mod:`symloss.mutation`), ``e = e + δ`` is never proved; nor ``e + c <= e``
  for ``c > 0``, nor ``e < e``;
* **never refutes a truth** — ``e = r(e)`` for an algebraic rewrite ``r``
  that SymPy performs under assumptions holding on the domain (expand,
  together, cancel, factor, expand_log, powsimp, logcombine, rewrite(exp)) is
  never refuted, unless the oracle confirms the refutation's counterexample (that
  would be a SymPy bug in the rewrite, not a checker bug); nor ``e <= e + c`` for
  ``c >= 0``.

Examples are derandomized (the same ones on every run) and moderate in number.
"""
from __future__ import annotations

from typing import Callable, Iterator

import pytest
import sympy
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from sympy import IndexedBase, Rational, Sum, Symbol

from symloss.check.verdict import Status, Verdict
from symloss.check.worker import WorkerPool
from symloss.derivation import Claim
from symloss.domains import DOMAINS
from symloss.mutation import _witness_from_checker, truth
from symloss.relations import Rel

TIMEOUT = 3.0
SETTINGS = settings(max_examples=30, derandomize=True, deadline=None, database=None,
                    suppress_health_check=list(HealthCheck))

SCALAR_DOMAINS = ("probability", "unit", "label", "positive", "nonnegative", "real")
NAMES = ("u", "v", "w")
_i, _n = Symbol("i", integer=True), Symbol("n")
_p, _q = IndexedBase("p", positive=True), IndexedBase("q", positive=True)
SUM_DOMAINS = {"p": "simplex", "q": "simplex", "n": "posint"}


@pytest.fixture(scope="module")
def pool() -> Iterator[WorkerPool]:
    with WorkerPool(1) as workers:
        yield workers


def _sigmoid(x: sympy.Expr) -> sympy.Expr:
    return 1 / (1 + sympy.exp(-x))


UNARY: tuple[tuple[str, Callable[[sympy.Expr], sympy.Expr]], ...] = (
    ("log", sympy.log), ("log2", lambda x: sympy.log(x, 2)), ("exp", sympy.exp), ("sqrt", sympy.sqrt),
    ("tanh", sympy.tanh), ("sigmoid", _sigmoid), ("Abs", sympy.Abs), ("square", lambda x: x**2),
    ("cube", lambda x: x**3), ("inverse", lambda x: 1 / x), ("negate", lambda x: -x),
)
BINARY: tuple[Callable[[sympy.Expr, sympy.Expr], sympy.Expr], ...] = (
    lambda a, b: a + b, lambda a, b: a - b, lambda a, b: a * b, lambda a, b: a / b,
)
CONSTANTS = tuple(Rational(c) for c in ("1", "2", "3", "1/2", "1/3", "-1", "-2", "1/10"))


@st.composite
def domains(draw: st.DrawFn) -> dict[str, str]:
    """A domain for each of the names u, v, w."""
    return {name: draw(st.sampled_from(SCALAR_DOMAINS)) for name in NAMES}


@st.composite
def trees(draw: st.DrawFn, atoms: list[sympy.Expr], unary: tuple = UNARY, steps: tuple[int, int] = (2, 6)) -> sympy.Expr:
    """A random tree grown from an atom by 2-6 unary or binary operations."""
    expr = draw(st.sampled_from(atoms))
    for _ in range(draw(st.integers(*steps))):
        if draw(st.booleans()):
            expr = draw(st.sampled_from(unary))[1](expr)
            continue
        other = draw(st.sampled_from(atoms) | st.sampled_from(CONSTANTS))
        if draw(st.booleans()):
            other = draw(st.sampled_from(unary))[1](other)
        op = draw(st.sampled_from(BINARY))
        expr = op(expr, other) if draw(st.booleans()) else op(other, expr)
    return expr


def expressions(assume_: dict[str, str]) -> st.SearchStrategy[sympy.Expr]:
    """Random trees over the note's functions, with symbols typed by their domains."""
    symbols = [Symbol(n, **DOMAINS[d].assumptions) for n, d in assume_.items()]
    return trees(symbols).filter(lambda e: bool(e.free_symbols))


def summands() -> st.SearchStrategy[sympy.Expr]:
    """Random summands over two simplex families p[i], q[i]."""
    unary = UNARY[:2] + UNARY[7:]
    return trees([_p[_i], _q[_i]], unary, (1, 4))


@st.composite
def claims_with_domains(draw: st.DrawFn, sums: bool = False) -> tuple[sympy.Expr, dict[str, str]]:
    """An expression and its domains: scalar trees, or a Sum over simplex families."""
    if sums:
        return Sum(draw(summands()), (_i, 1, _n)), dict(SUM_DOMAINS)
    assume_ = draw(domains())
    return draw(expressions(assume_)), assume_


SLY: tuple[Callable[[sympy.Expr], sympy.Expr], ...] = (
    lambda s: sympy.Abs(s) - s, lambda s: sympy.Max(s, 0) - s, lambda s: sympy.sqrt(s**2) - s,
    lambda s: sympy.Min(s, 1) - s, lambda s: s * (s - 1), lambda s: s * (1 - s) * (2 * s - 1),
    lambda s: sympy.KroneckerDelta(s, 0), lambda s: s**2 - sympy.Abs(s)**2, lambda s: Rational(1, 10**12) * s,
    lambda s: sympy.exp(-1 / s**2), lambda s: sympy.log(sympy.exp(s)) - s, lambda s: (s**3)**Rational(1, 3) - s,
)


def sly_deltas(terms: list[sympy.Expr]) -> st.SearchStrategy[sympy.Expr]:
    """Differences that vanish on much of a domain: |s| − s, max(s, 0) − s, s(s − 1), δ(s, 0), …"""
    return st.builds(lambda f, s: f(s), st.sampled_from(SLY), st.sampled_from(terms))


REWRITES: tuple[tuple[str, Callable[[sympy.Expr], sympy.Expr]], ...] = (
    ("expand", sympy.expand), ("together", sympy.together), ("cancel", sympy.cancel),
    ("factor", sympy.factor), ("expand_log", sympy.expand_log), ("powsimp", sympy.powsimp),
    ("logcombine", sympy.logcombine), ("rewrite(exp)", lambda e: e.rewrite(sympy.exp)),
    ("expand(log)", lambda e: sympy.expand(sympy.expand_log(e))),
)


def _check(pool: WorkerPool, claim: Claim) -> Verdict:
    return pool.check(claim, TIMEOUT)


def _defined_and_different(claim: Claim) -> bool:
    """The oracle found a domain point where both sides are defined and the claim fails."""
    return truth(claim, count=60).value == "false"


def _assert_not_a_false_refutation(claim: Claim, verdict: Verdict, how: str) -> None:
    if verdict.status is not Status.REFUTED:
        return
    # A counterexample the oracle confirms means SymPy's own rewrite was wrong there: not our subject.
    assume(_witness_from_checker(claim, verdict.counterexample) is None)
    raise AssertionError(f"the checker refuted a true claim ({how}): {claim} "
                         f"{dict(claim.assume)} -> {verdict.describe()}")


@SETTINGS
@given(st.data())
def test_an_expression_is_never_proved_equal_to_itself_plus_a_nonzero_term(pool: WorkerPool, data: st.DataObject) -> None:
    e, assume_ = data.draw(claims_with_domains())
    symbols = sorted(e.free_symbols, key=str) or [Rational(1)]
    delta = data.draw(st.sampled_from(CONSTANTS) | st.builds(lambda c, s: c * s, st.sampled_from(CONSTANTS),
                                                              st.sampled_from(symbols))
                      | expressions(assume_) | sly_deltas(symbols + [e]))
    claim = Claim(e, Rel.EQ, e + delta, assume_)
    assume(_defined_and_different(claim))
    verdict = _check(pool, claim)
    assert verdict.status is not Status.PROVED, f"proved a false claim: {claim} {assume_} ({verdict.method})"


@SETTINGS
@given(st.data())
def test_a_sum_is_never_proved_equal_to_itself_plus_a_nonzero_term(pool: WorkerPool, data: st.DataObject) -> None:
    e, assume_ = data.draw(claims_with_domains(sums=True))
    delta = data.draw(st.sampled_from(CONSTANTS) | summands().map(lambda s: Sum(s, (_i, 1, _n)))
                      | st.just(_p[1] - _q[1]))
    claim = Claim(e, Rel.EQ, e + delta, assume_)
    assume(_defined_and_different(claim))
    verdict = _check(pool, claim)
    assert verdict.status is not Status.PROVED, f"proved a false claim: {claim} {assume_} ({verdict.method})"


@SETTINGS
@given(st.data())
def test_an_expression_is_never_refuted_equal_to_an_algebraic_rewrite_of_itself(pool: WorkerPool, data: st.DataObject) -> None:
    e, assume_ = data.draw(claims_with_domains(sums=data.draw(st.booleans())))
    changed = [(name, rewritten) for name, rewritten in ((n, r(e)) for n, r in REWRITES) if rewritten != e]
    assume(changed)
    name, rewritten = data.draw(st.sampled_from(changed))
    claim = Claim(e, Rel.EQ, rewritten, assume_)
    assume(truth(claim, count=60).value != "false")  # a wrong SymPy rewrite is not our subject
    _assert_not_a_false_refutation(claim, _check(pool, claim), name)


@SETTINGS
@given(st.data())
def test_an_order_claim_against_a_shifted_self_is_never_proved_wrong_way_round(pool: WorkerPool, data: st.DataObject) -> None:
    e, assume_ = data.draw(claims_with_domains())
    c = data.draw(st.sampled_from([x for x in CONSTANTS if x > 0]))
    for claim in (Claim(e + c, Rel.LE, e, assume_), Claim(e, Rel.LT, e, assume_), Claim(e, Rel.GT, e + c, assume_)):
        if truth(claim, count=60).value != "false":
            continue  # e is not real anywhere: an order claim is vacuous there
        verdict = _check(pool, claim)
        assert verdict.status is not Status.PROVED, f"proved a false claim: {claim} {assume_} ({verdict.method})"


@SETTINGS
@given(st.data())
def test_an_order_claim_that_holds_by_construction_is_never_refuted(pool: WorkerPool, data: st.DataObject) -> None:
    e, assume_ = data.draw(claims_with_domains())
    c = data.draw(st.sampled_from([Rational(0)] + [x for x in CONSTANTS if x > 0]))
    name, rewrite = data.draw(st.sampled_from(REWRITES[:4]))
    claim = Claim(rewrite(e), Rel.LE, e + c, assume_)
    assume(truth(claim, count=60).value != "false")
    _assert_not_a_false_refutation(claim, _check(pool, claim), f"{name}, <= shifted by {c}")
