"""Mutation testing of the checker on the built-in derivations (:mod:`symloss.mutation`).

The CI run mutates every step of every derivation ``builtin_derivations()`` returns (at most
``PER_STEP`` mutants a step, picked round-robin over the operators, so the same ones every run),
decides each mutant's truth with the independent oracle, has the checker judge it, prints the
table, and fails on any false mutant proved. A false mutant proved because of a known engine bug
is listed in ``KNOWN_ENGINE_BUGS`` and pinned by a strict ``xfail`` regression test below, so that
the fix of the bug turns that test into an XPASS and forces the entry out.

The oracle itself is tested first: it must agree with every built-in step (true where the step is
expected proved, false where it is a recorded mistake), and decide small claims correctly.
"""
from __future__ import annotations

import json
import subprocess
import sys

import pytest
from sympy import Derivative, IndexedBase, Rational, Subs, Sum, Symbol, log, srepr

from derivations import builtin_derivations
from symloss.check.engine import check_claims
from symloss.check.verdict import Status
from symloss.derivation import Claim
from symloss.mutation import (MutationReport, mutants, mutants_of_claim, run_mutation, truth)
from symloss.relations import Rel

PER_STEP = 10
TIMEOUT = 4.0
# (derivation, step, change) of false mutants the checker proves because of a known engine bug;
# each is pinned by a strict xfail regression test in this file.
# (Empty: the coin-mle k = 0 / t = 0 bugs found this way were fixed in aa9d483 and f213738.)
KNOWN_ENGINE_BUGS: set[tuple[str, int, str]] = set()


# -- the oracle ---------------------------------------------------------------------
@pytest.fixture(scope="module")
def derivations() -> list:
    return builtin_derivations()


def test_the_oracle_agrees_with_every_built_in_step(derivations: list) -> None:
    disagreements = []
    for d in derivations:
        for index, claim in enumerate(d.claims()):
            expected = "false" if d.steps[index].expected == "refuted" else "true"
            decided = truth(claim)
            if decided.value != expected:
                disagreements.append(f"{d.name} step {index + 1}: {claim} -> {decided}")
    assert not disagreements, "\n".join(disagreements)


x, y, k, n = Symbol("x"), Symbol("y"), Symbol("k"), Symbol("n")
p, q, i = IndexedBase("p"), IndexedBase("q"), Symbol("i", integer=True)


@pytest.mark.parametrize("claim, expected", [
    (Claim(log(x * y), "=", log(x) + log(y), {"x": "positive", "y": "positive"}), "true"),
    (Claim(log(x * y), "=", log(x) + log(y), {"x": "real", "y": "real"}), "false"),
    (Claim(log(x), "<=", x - 1, {"x": "positive"}), "true"),
    (Claim(log(x), "<", x - 1, {"x": "positive"}), "false"),  # equality at x = 1
    (Claim(Derivative(x**3, x), "=", 3 * x**2, {"x": "real"}), "true"),
    (Claim(Derivative(x**3, (x, 2)), "=", 3 * x, {"x": "real"}), "false"),
    (Claim(Subs(Derivative(log(x), x), x, 2), "=", Rational(1, 2), {}), "true"),
    (Claim(Sum(p[i], (i, 1, n)), "=", 1, {"p": "simplex"}), "true"),
    (Claim(Sum(p[i], (i, 1, n + 1)), "=", 1, {"p": "positive"}), "false"),
    (Claim(Sum(p[i] * log(p[i] / q[i]), (i, 1, n)), ">=", 0, {"p": "simplex", "q": "simplex"}), "true"),
    (Claim(Sum(p[i] * log(p[i] / q[i]), (i, 1, n)), ">", 0, {"p": "simplex", "q": "simplex"}), "false"),
    (Claim(Sum(p[i] * log(p[i] / q[i]), (i, 1, n)), ">=", 0, {"p": "simplex", "q": "positive"}), "false"),
    (Claim((x - y)**2, "same-argmin", 3 * (x - y)**2 + x, {"x": "real", "y": "real"}, ("y",)), "true"),
    (Claim((x - y)**2, "same-argmin", -(x - y)**2, {"x": "real", "y": "real"}, ("y",)), "false"),
    (Claim((x - y)**2, "argmax-argmin", -(x - y)**2, {"x": "real", "y": "real"}, ("y",)), "true"),
    (Claim(log(x), "=", 0, {"x": "label"}), "true"),  # log 0 is undefined; at x = 1 it holds
])
def test_the_oracle_decides_small_claims(claim: Claim, expected: str) -> None:
    assert truth(claim).value == expected


def test_the_oracle_says_undecided_where_no_point_is_defined() -> None:
    assert truth(Claim(log(-x), "=", 1, {"x": "positive"})).value == "false"  # complex values compare
    assert truth(Claim(log(-x), "<=", 1, {"x": "positive"})).value == "undecided"  # not real anywhere


# -- the mutants ----------------------------------------------------------------------
def test_the_kl_step_has_the_mutants_the_issue_asks_for(derivations: list) -> None:
    kl = next(d for d in derivations if d.name == "kl")
    changes = {(m.operator, m.change) for m in mutants(kl)}
    operators = {operator for operator, _ in changes}
    assert {"flip-sign", "swap-names", "constant", "log-base", "drop-term", "duplicate-term", "drop-factor",
            "sum-limits", "widen-domain"} <= operators
    assert any("p <-> q" in change for _, change in changes)
    assert any("simplex -> positive" in change for _, change in changes)
    assert any("Sum upper + 1" in change for _, change in changes)


def test_order_and_argmin_steps_get_reversed_and_sharpened_mutants() -> None:
    operators = {m.change for m in mutants_of_claim(Claim(log(x), "<=", x - 1, {"x": "positive"}))}
    assert {"<= -> >=", "<= -> <"} <= operators
    argmin = mutants_of_claim(Claim((x - y)**2, "same-argmin", (x - y)**2 / 2, {"x": "real", "y": "real"}, ("y",)))
    assert any(m.claim.rel is Rel.ARGMAX_ARGMIN for m in argmin)


def test_the_mutants_are_distinct_deterministic_and_capped_round_robin(derivations: list) -> None:
    for d in (d for d in derivations if d.name in ("kl", "gibbs", "two-routes")):
        first, again, every = mutants(d, 5), mutants(d, 5), mutants(d)
        assert [srepr(m.claim.lhs) + srepr(m.claim.rhs) for m in first] == [
            srepr(m.claim.lhs) + srepr(m.claim.rhs) for m in again]
        keys = {(srepr(m.claim.lhs), m.claim.rel, srepr(m.claim.rhs), str(m.claim.assume)) for m in every}
        assert len(keys) == len(every)
        for step in {m.step for m in every}:
            chosen = [m.operator for m in first if m.step == step]
            available = {m.operator for m in every if m.step == step}
            assert len(chosen) == min(5, sum(m.step == step for m in every))
            assert len(set(chosen)) == min(len(chosen), len(available)), "one of each operator before repeats"


# -- the CI run -----------------------------------------------------------------------
@pytest.fixture(scope="module")
def report(derivations: list) -> MutationReport:
    return run_mutation(derivations, timeout=TIMEOUT, jobs=2, limit_per_step=PER_STEP)


def test_no_false_mutant_of_any_step_is_proved(report: MutationReport) -> None:
    print("\n" + report.table())
    true_listing = report.listing("true")
    if true_listing:
        print(f"\ntrue mutants (not failures):\n{true_listing}")
    unexpected = [o for o in report.proved_false
                  if (o.mutant.derivation, o.mutant.step, o.mutant.change) not in KNOWN_ENGINE_BUGS]
    assert not unexpected, "false mutants proved:\n" + "\n".join(
        f"{o.mutant.derivation} step {o.mutant.step} [{o.mutant.operator}] {o.mutant.change}: "
        f"{o.mutant.claim} {dict(o.mutant.claim.assume)} -> {o.verdict.describe()}; "
        f"oracle: {o.truth.witness} {o.truth.note}" for o in unexpected)


def test_every_derivation_and_most_false_mutants_are_covered(report: MutationReport, derivations: list) -> None:
    counts = report.counts()
    assert {o.mutant.derivation for o in report.outcomes} == {d.name for d in derivations}
    assert counts["mutants"] >= 3 * sum(len(d.steps) for d in derivations)
    assert counts["refuted"] >= 0.6 * counts["false"], report.table()


def test_the_module_runs_as_a_command_with_json() -> None:
    done = subprocess.run([sys.executable, "-m", "symloss.mutation", "kl", "--json", "--per-step", "3",
                           "--timeout", "5"], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    document = json.loads(done.stdout)
    assert document["totals"]["mutants"] == 6 and document["totals"]["proved-false"] == 0
    assert {"category", "truth", "status", "claim", "change"} <= set(document["outcomes"][0])


# -- engine bugs the mutants found (strict xfail while open; a fix makes them XPASS) ----------
def test_a_derivative_whose_closed_form_divides_by_a_parameter_is_not_proved_at_zero_regression() -> None:
    """Found by mutation (coin-mle step 14, k: posint -> integer); fixed in aa9d483.

    SymPy's ``k*(1/k) -> 1`` in the symbolic derivative hid k = 0, where d/dx (0·log x) = 0.
    """
    claim = Claim(Subs(Derivative(k * log(x), x), x, k), "=", 1, {"k": "integer", "x": "positive"})
    assert truth(claim).value == "false"  # k = 0: d/dx 0 = 0
    verdict = check_claims([claim], timeout=10)[0]
    assert verdict.status is not Status.PROVED, verdict


def test_the_coin_mle_derivative_with_zero_heads_is_not_proved_to_vanish_regression() -> None:
    """With k = 0 heads the log-likelihood is t·log(1 − θ); its derivative at θ̂ = 0 is −t, not 0."""
    theta, t = Symbol("theta"), Symbol("t")
    score = Derivative(k * log(theta) + t * log(1 - theta), theta)
    claim = Claim(Subs(score, theta, k / (k + t)), "=", 0, {"k": "nonnegative", "t": "positive",
                                                             "theta": "probability"})
    assert truth(claim).value == "false"  # k = 0, t = 2: the score at 0 is -2
    verdict = check_claims([claim], timeout=10)[0]
    assert verdict.status is not Status.PROVED, verdict


def test_the_coin_mle_derivative_with_zero_tails_is_not_proved_to_vanish_regression() -> None:
    """7 heads and t = 0 tails: θ̂ = 1 and the derivative of 7·log θ there is 7, not 0.

    Fixed: the refuter now retries value-first also where the closed form is undefined (0/0).
    """
    theta, t = Symbol("theta"), Symbol("t")
    score = Derivative(7 * log(theta) + t * log(1 - theta), theta)
    for domain in ("nonnegative", "integer"):
        claim = Claim(Subs(score, theta, 7 / (7 + t)), "=", 0, {"t": domain, "theta": "probability"})
        assert truth(claim).value == "false"  # t = 0: the score at 1 is 7
        verdict = check_claims([claim], timeout=10)[0]
        assert verdict.status is not Status.PROVED, (domain, verdict)


@pytest.mark.parametrize("lhs, rhs", [("log(0)", "log(0) + 1"), ("Derivative(log(x) + log(1 - 1), x)", "0")])
def test_a_claim_undefined_everywhere_is_never_proved_regression(lhs: str, rhs: str) -> None:
    verdict = check_claims([Claim(lhs, "=", rhs, {"x": "positive"})], timeout=10)[0]
    assert verdict.status is not Status.PROVED, verdict


def test_the_known_bug_list_names_real_mutants(derivations: list) -> None:
    by_name = {d.name: d for d in derivations}
    for name, step, change in KNOWN_ENGINE_BUGS:
        if name in by_name:
            assert any(m.step == step and m.change == change for m in mutants(by_name[name])), (name, step, change)
