"""Tests for symloss.testing: evaluation, assert_matches, assert_step_holds, numeric_check."""
from __future__ import annotations

import math
from fractions import Fraction

import mpmath
import numpy as np
import pytest
from hypothesis.errors import InvalidArgument
from sympy import (Derivative, Function, IndexedBase, Limit, Product, Rational, Subs, Sum, Symbol, exp,
                   log, sqrt)

from symloss._numeric_eval import EvaluationError, compare
from symloss.derivation import Claim, Step, derive
from symloss.strategies import points_for
from symloss.testing import assert_matches, assert_step_holds, evaluate, numeric_check

i, j, n = Symbol("i", integer=True), Symbol("j", integer=True), Symbol("n")
p, q = IndexedBase("p"), IndexedBase("q")
X, Y = IndexedBase("x"), IndexedBase("y")
x, y, z = Symbol("x"), Symbol("y"), Symbol("z")
BCE = -(x * log(y) + (1 - x) * log(1 - y))
NOTE_FORMULA_2 = -x * log(y) + (1 - x) * log(1 - y)  # the note's missing parentheses
KL = Sum(p[i] * log(p[i] / q[i]), (i, 1, n))
CE = Sum(p[i] * -log(q[i]), (i, 1, n))
H = Sum(p[i] * -log(p[i]), (i, 1, n))
MEAN_BCE = Sum(-(X[i] * log(Y[i]) + (1 - X[i]) * log(1 - Y[i])), (i, 1, n)) / n


# -- evaluate -----------------------------------------------------------------------

def test_evaluate_writes_out_a_sum_of_symbolic_length():
    value = evaluate(H / log(2), {"n": 4, "p": (0.25, 0.25, 0.25, 0.25)})
    assert value == 2


def test_evaluate_matches_symbols_by_name_whatever_their_assumptions():
    n_int = Symbol("n", integer=True, positive=True)
    i_plain = Symbol("i")
    expr = Sum(p[i_plain], (i_plain, 1, n_int)) / n
    assert evaluate(expr, {"n": 2, "p": (0.5, 0.5)}) == Rational(1, 2)


def test_the_numpy_and_mpmath_back_ends_agree():
    pt = {"n": 3, "p": (0.5, 0.25, 0.25), "q": (0.125, 0.375, 0.5)}
    assert math.isclose(float(evaluate(KL, pt)), float(evaluate(KL, pt, backend="numpy")), rel_tol=1e-15)


def test_evaluate_reads_families_from_the_lower_limit_of_their_sum():
    assert evaluate(Sum(i * p[i], (i, 0, n - 1)), {"n": 3, "p": (5, 7, 11)}) == 7 + 22


def test_evaluate_handles_products_nested_sums_and_derivatives():
    assert evaluate(Product(p[i], (i, 1, n)), {"n": 3, "p": (0.5, 0.5, 0.5)}) == 0.125
    assert evaluate(Sum(Sum(i * j, (j, 1, i)), (i, 1, n)), {"n": 3}) == 1 + (2 + 4) + (3 + 6 + 9)
    assert evaluate(Derivative(x**3, x), {"x": 2}) == 12


def test_evaluate_computes_at_the_requested_precision():
    value = evaluate(log(1 - y), {"y": 1 - 2.0**-53}, dps=50)
    with mpmath.workdps(50):
        assert mpmath.almosteq(value, -53 * mpmath.log(2), rel_eps=mpmath.mpf(10) ** -45)


def test_evaluate_works_out_limits_and_substitutions_first():
    t = Symbol("t")
    assert evaluate(Limit(t * log(t), t, 0, "+") + y, {"y": 0.5}) == 0.5
    assert evaluate(Subs(x * y, x, 2), {"y": 0.25}) == 0.5
    ce = Sum(p[i] * -log(q[i]), (i, 1, n))
    assert evaluate(Subs(ce, q, p), {"n": 2, "p": (0.5, 0.5)}) == evaluate(H, {"n": 2, "p": (0.5, 0.5)})


def test_a_family_in_two_sums_is_read_over_both_ranges():
    m, k = Symbol("m"), Symbol("k")
    split = Sum(q[i], (i, 1, m)) + 10 * Sum(q[i], (i, m + 1, m + k))
    assert evaluate(split, {"m": 1, "k": 2, "q": (1, 2, 3)}) == 1 + 10 * (2 + 3)


def test_evaluate_takes_fractions_exactly():
    with mpmath.workdps(40):
        assert mpmath.almosteq(evaluate(3 * y, {"y": Fraction(1, 3)}, dps=40), 1, rel_eps=1e-38)


def test_evaluate_falls_back_to_evalf_for_functions_lambdify_does_not_know():
    class twice(Function):  # noqa: N801 - a SymPy function name
        def _eval_evalf(self, prec):
            return (2 * self.args[0])._eval_evalf(prec)

    assert evaluate(twice(y) + 1, {"y": 0.25}) == 1.5


def test_evaluate_gives_nan_where_the_expression_is_undefined():
    assert mpmath.isnan(evaluate(1 / y, {"y": 0}))
    assert np.isnan(evaluate(x * log(y), {"x": 0, "y": 0}, backend="numpy"))


@pytest.mark.parametrize("expr, point, message", [
    (x + y, {"x": 1}, "no value for 'y'"),
    (Sum(p[i], (i, 1, n)), {"p": (1,)}, "no value for 'n'"),
    (Sum(p[i], (i, 1, n)), {"n": 3, "p": (0.5, 0.5)}, r"p\[3\] is outside"),
    (Sum(p[i], (i, 1, n)), {"n": 1.5, "p": (1,)}, "must be an integer"),
])
def test_evaluate_says_what_the_point_is_missing(expr, point, message):
    with pytest.raises(EvaluationError, match=message):
        evaluate(expr, point)


def test_evaluate_refuses_an_undefined_function():
    with pytest.raises(EvaluationError, match="undefined function"):
        evaluate(Function("f")(x), {"x": 1})


# -- relations ------------------------------------------------------------------------

@pytest.mark.parametrize("lhs, rel, rhs, expected", [
    (1, "=", 1 + 1e-16, True),
    (1, "=", 1 + 1e-9, False),
    (0, "=", 1e-16, True),
    (mpmath.inf, "=", mpmath.inf, True),
    (mpmath.inf, "=", 1e300, None),
    (mpmath.inf, "=", -mpmath.inf, None),
    (mpmath.inf, "<=", mpmath.inf, True),
    (mpmath.nan, "=", 1, None),
    (mpmath.mpc(1, 1), "=", mpmath.mpc(1, 1), True),
    (mpmath.mpc(1, 1), "<=", 2, None),
    (1, "<=", 1, True),
    (1 + 1e-20, "<=", 1, True),
    (1.1, "<=", 1, False),
    (1, "<", 1, False),
    (-1e-20, "<", 0, True),
    (1e-20, "<", 0, True),
    (2, ">", 1, True),
    (1, ">=", 2, False),
    (-mpmath.inf, "<", 0, None),
])
def test_compare_follows_the_documented_tolerance_rules(lhs, rel, rhs, expected):
    assert compare(lhs, rel, rhs, rel_tol=1e-15, abs_tol=1e-15) is expected


# -- assert_matches -------------------------------------------------------------------

def test_assert_matches_accepts_a_correct_implementation():
    def my_bce(x, y):
        return -(x * math.log(y) + (1 - x) * math.log1p(-y))

    assert_matches(BCE, my_bce, assume={"x": "label", "y": "probability"})


def test_assert_matches_fails_a_planted_sign_error_with_a_readable_shrunk_point():
    def my_bce(x, y):
        return -x * math.log(y) + (1 - x) * math.log(1 - y)

    with pytest.raises(AssertionError) as info:
        assert_matches(BCE, my_bce, assume={"x": "label", "y": "probability"})
    message = str(info.value)
    assert "my_bce disagrees with the expression at" in message
    assert "x = 0\n    y = 0.5\n" in message
    assert "= 0.693147180559945" in message and "= -0.693147180559945" in message
    assert "difference  1.38629436111989 > allowed" in message


def test_assert_matches_passes_families_as_numpy_arrays():
    def mean_bce(x, y):
        assert isinstance(x, np.ndarray) and isinstance(y, np.ndarray)
        return -np.mean(x * np.log(y) + (1 - x) * np.log1p(-y))

    assert_matches(MEAN_BCE, mean_bce, assume={"x": "label", "y": "probability", "n": "posint"})


def test_assert_matches_catches_a_sum_where_a_mean_was_meant():
    with pytest.raises(AssertionError, match="disagrees"):
        assert_matches(MEAN_BCE, lambda x, y: -np.sum(x * np.log(y) + (1 - x) * np.log1p(-y)),
                       assume={"x": "label", "y": "probability", "n": "posint"})


def test_assert_matches_can_call_positionally():
    assert_matches(x - y, lambda a, b: a - b, assume={"x": "real", "y": "real"}, args=("x", "y"))
    with pytest.raises(AssertionError):
        assert_matches(x - y, lambda a, b: a - b, assume={"x": "real", "y": "real"}, args=("y", "x"))


def test_assert_matches_passes_every_name_to_a_function_with_kwargs():
    assert_matches(x * y, lambda **kw: kw["x"] * kw["y"], assume={"x": "real", "y": "real"})


def test_assert_matches_names_a_parameter_the_points_cannot_fill():
    with pytest.raises(InvalidArgument, match="needs \\['yhat'\\]"):
        assert_matches(y, lambda yhat: yhat, assume={"y": "real"})


def test_assert_matches_respects_the_tolerances():
    assume = {"y": "positive"}
    assert_matches(y, lambda y: y * (1 + 1e-10), assume=assume)
    with pytest.raises(AssertionError):
        assert_matches(y, lambda y: y * (1 + 1e-10), assume=assume, rel_tol=1e-12)


def test_assert_matches_reports_a_function_that_returns_no_number():
    with pytest.raises(AssertionError, match="not a number"):
        assert_matches(y, lambda y: "one", assume={"y": "real"})


def test_assert_matches_reads_numpy_and_zero_dimensional_results():
    assert_matches(exp(y), lambda y: np.array(np.exp(y)), assume={"y": "probability"})


# -- assert_step_holds ----------------------------------------------------------------

def test_assert_step_holds_at_a_point_where_the_claim_is_true():
    assert_step_holds(Claim(log(y), "<=", y - 1), {"y": 0.5})
    assert_step_holds(Step("=", 2 * y, "double", lhs=y + y), {"y": 0.5})
    assert_step_holds(Step(">=", 0, "square"), {"y": -3.0}, lhs=y**2)


def test_assert_step_holds_fails_with_both_values():
    with pytest.raises(AssertionError, match=r"y\*\*2 > 0 fails at y = 0: lhs = 0.0, rhs = 0.0"):
        assert_step_holds(Claim(y**2, ">", 0), {"y": 0})


def test_assert_step_holds_fails_where_a_side_is_undefined():
    with pytest.raises(AssertionError, match="undefined"):
        assert_step_holds(Claim(log(y), "<=", y - 1), {"y": -1.0})


def test_assert_step_holds_refuses_argmin_steps_and_steps_without_a_left_side():
    with pytest.raises(InvalidArgument, match="minimizers"):
        assert_step_holds(Claim(y**2, "same-argmin", y**4, over=("y",)), {"y": 1.0})
    with pytest.raises(InvalidArgument, match="no lhs"):
        assert_step_holds(Step("=", y, "r"), {"y": 1.0})


def test_assert_step_holds_does_not_refute_a_true_identity_for_rounding_next_to_one():
    p_near_one = Fraction(10**40 - 1, 10**40)
    assert_step_holds(Claim(log(1 - y), "=", -log(1 / (1 - y))), {"y": p_near_one})


# -- numeric_check --------------------------------------------------------------------

def _bce_derivation():
    return (derive("bce", "BCE from the two-event cross-entropy",
                   assume={"x": "label", "y": "probability"}, start=BCE)
            .eq(-x * log(y) - (1 - x) * log(1 - y), "distribute the minus")
            .eq(-log(y**x * (1 - y)**(1 - x)), "log_mul")
            .claim(NOTE_FORMULA_2, "=", BCE, "the note's formula (2)", expected="refuted"))


def test_numeric_check_passes_true_steps_and_catches_the_planted_mistake():
    report = numeric_check(_bce_derivation(), max_examples=50)
    assert report.passed
    outcomes = [s.outcome for s in report.steps]
    assert outcomes == ["held", "held", "refuted"]
    wrong = report.steps[2]
    assert wrong.counterexample == {"x": 0, "y": 0.5}
    assert wrong.values == ("-0.693147180559945", "0.693147180559945")


def test_numeric_check_fails_a_wrong_step_that_is_not_marked():
    d = derive("oops", "t", assume={"x": "label", "y": "probability"}, start=BCE).eq(NOTE_FORMULA_2, "oops")
    with pytest.raises(AssertionError, match=r"FAIL step 1: .*\[refuted, expected proved\] at x = 0"):
        numeric_check(d, max_examples=50)


def test_numeric_check_fails_a_true_step_marked_as_a_mistake():
    d = derive("t", "t", assume={"y": "probability"}, start=log(y)).le(y - 1, "ok", expected="refuted")
    report = numeric_check(d, max_examples=30, raise_on_failure=False)
    assert not report.passed and report.failures[0].outcome == "held"


def test_numeric_check_catches_the_note_dropping_its_final_minus_sign():
    two_event = -(x * log(y, 2) + (1 - x) * log(1 - y, 2))
    d = (derive("two_event", "t", assume={"x": "label", "y": "probability"}, start=two_event)
         .eq(x * log(y, 2) + (1 - x) * log(1 - y, 2), "the note's last line", expected="refuted"))
    report = numeric_check(d, max_examples=50)
    assert report.steps[0].outcome == "refuted"


def test_numeric_check_attacks_sums_over_the_simplex():
    d = (derive("kl", "KL = CE - H", assume={"p": "simplex", "q": "simplex", "n": "posint"}, start=KL)
         .eq(CE - H, "log_div")
         .ge(0, "gibbs")
         .claim(Sum(p[i], (i, 1, n)), "=", 1, "sum_eq_one")
         .claim(KL, ">", 0, "strictly positive?", expected="refuted"))
    report = numeric_check(d, max_examples=50)
    assert [s.outcome for s in report.steps] == ["held", "held", "held", "refuted"]
    point = report.steps[3].counterexample
    assert point["p"] == point["q"]


def test_numeric_check_catches_a_strict_inequality_at_equality():
    d = derive("sq", "t", assume={"y": "real"}, start=y**2).gt(0, "square", expected="refuted")
    assert numeric_check(d, max_examples=50).steps[0].counterexample == {"y": 0.0}


def test_numeric_check_skips_argmin_steps_and_undefined_functions():
    f = Function("f")
    d = (derive("argmin", "t", assume={"y": "probability", "x": "real"}, start=y**2)
         .same_argmin(y**4, "y", "increasing")
         .claim(f(x * y), "=", f(x) + f(y), "cauchy"))
    report = numeric_check(d, max_examples=10)
    assert [s.outcome for s in report.steps] == ["skipped", "skipped"]
    assert "minimizers" in report.steps[0].reason and "undefined function" in report.steps[1].reason
    assert report.passed


def test_numeric_check_reports_a_step_undefined_everywhere():
    d = derive("u", "t", assume={"y": "probability"}, start=log(-y)).le(0, "nonsense")
    report = numeric_check(d, max_examples=10, raise_on_failure=False)
    assert report.steps[0].outcome == "undefined" and not report.passed


def test_numeric_check_survives_catastrophic_rounding_next_to_one():
    d = (derive("near_one", "t", assume={"y": "probability"}, start=log(1 - y) - log(y))
         .eq(log((1 - y) / y), "log_div")
         .eq(-log(1 / (1 - y)) + log(1 / y), "log_inv")
         .eq(log(sqrt((1 - y) ** 2) / y), "sqrt_sq_of_pos"))
    assert numeric_check(d, max_examples=100).passed


def test_numeric_check_resolves_a_strict_inequality_at_the_smallest_float():
    d = derive("bce_pos", "t", assume={"x": "label", "y": "probability"}, start=BCE).gt(0, "positive")
    report = numeric_check(d, max_examples=30)
    assert report.steps[0].outcome == "held"
    assert_step_holds(Claim(BCE, ">", 0), {"x": 0, "y": 5e-324})


def test_numeric_check_prefers_a_finite_counterexample_to_infinities():
    two_event = -(x * log(y, 2) + (1 - x) * log(1 - y, 2))
    d = (derive("unit", "t", assume={"x": "label", "y": "unit"}, start=two_event)
         .eq(-two_event, "dropped minus", expected="refuted"))
    point = numeric_check(d, max_examples=50).steps[0].counterexample
    assert 0 < point["y"] < 1


def test_numeric_check_draws_points_per_claim():
    x_family, m = IndexedBase("x"), Symbol("m")
    d = (derive("mixed", "x as a symbol, then as a family", assume={"x": "label", "p": "simplex", "m": "posint"},
                start=x * (1 - x))
         .eq(0, "x is 0 or 1")
         .claim(Sum(x_family[i] * (1 - x_family[i]), (i, 1, n)), "=", 0, "termwise")
         .claim(Sum(p[i], (i, 1, 2)), "=", 1, "two events")
         .claim(Sum(p[i], (i, 1, m)), "=", 1, "m events"))
    report = numeric_check(d, max_examples=30)
    assert [s.outcome for s in report.steps] == ["held"] * 4
    with pytest.raises(InvalidArgument, match="both as a plain symbol"):
        points_for(d)


def test_the_numeric_report_reads_as_one_line_per_step():
    text = str(numeric_check(_bce_derivation(), max_examples=20))
    lines = text.splitlines()
    assert lines[0] == "numeric check of bce:"
    assert lines[1].startswith("  ok   step 1:") and "(20 points)" in lines[1]
    assert "[refuted, expected refuted] at x = 0, y = 0.5" in lines[3]


def _builtin_derivations():
    try:
        from derivations import builtin_derivations

        return builtin_derivations()
    except Exception:  # the note's derivations are written in parallel; absent or broken: skip
        return []


BUILTIN = _builtin_derivations()


@pytest.mark.skipif(not BUILTIN, reason="the built-in derivations (derivations/) cannot be imported yet")
@pytest.mark.parametrize("derivation", BUILTIN, ids=[d.name for d in BUILTIN])
def test_numeric_check_passes_every_built_in_derivation(derivation):
    numeric_check(derivation, max_examples=20)


@pytest.mark.skipif(not BUILTIN, reason="the built-in derivations (derivations/) cannot be imported yet")
def test_the_built_in_derivations_record_the_notes_two_mistakes_for_numeric_check_to_catch():
    marked = [s for d in BUILTIN for s in d.steps if s.expected == "refuted"]
    assert len(marked) >= 2  # each is caught: numeric_check above fails on a marked step it cannot refute
