"""Twins: hand-written numpy losses (with scipy.special.xlogy) against the symbolic ones.

Conventions measured here are written down in docs/conventions.md.
"""
from __future__ import annotations

import math

import mpmath
import numpy as np
import pytest
from scipy.special import xlogy
from sympy import IndexedBase, Rational, Sum, Symbol, log

from symloss.strategies import points
from symloss.testing import assert_matches, evaluate

i, n = Symbol("i", integer=True), Symbol("n")
x, y, yhat = Symbol("x"), Symbol("y"), Symbol("yhat")
X, Y, P, Q = (IndexedBase(name) for name in ("x", "y", "p", "q"))
BCE = -(x * log(y) + (1 - x) * log(1 - y))
TWO_EVENT_BITS = -(x * log(y, 2) + (1 - x) * log(1 - y, 2))  # the note's H(P, Q) for two events
MEAN_BCE = Sum(BCE.xreplace({x: X[i], y: Y[i]}), (i, 1, n)) / n
CE = Sum(P[i] * -log(Q[i]), (i, 1, n))
HALF_SQUARED_ERROR = Rational(1, 2) * (yhat - y) ** 2
REL, ABS = 1e-12, 1e-14
BCE_DOMAINS = {"x": "label", "y": "probability"}


def numpy_bce(x, y):
    return -(xlogy(x, y) + xlogy(1 - x, 1 - y))


def test_bce_matches_numpy_with_xlogy_over_the_whole_open_interval():
    assert_matches(BCE, numpy_bce, assume=BCE_DOMAINS, rel_tol=REL, abs_tol=ABS)


def test_bce_also_holds_for_soft_labels_in_the_unit_interval():
    assert_matches(BCE, numpy_bce, assume={"x": "unit", "y": "probability"}, rel_tol=REL, abs_tol=ABS)


def test_mean_bce_matches_numpy_mean():
    assert_matches(MEAN_BCE, lambda x, y: np.mean(numpy_bce(x, y)),
                   assume={"x": "label", "y": "probability", "n": "posint"}, rel_tol=REL, abs_tol=ABS)


def test_the_two_event_cross_entropy_in_bits_is_bce_over_log_2():
    assert_matches(TWO_EVENT_BITS, lambda x, y: numpy_bce(x, y) / np.log(2),
                   assume=BCE_DOMAINS, rel_tol=REL, abs_tol=ABS)


def test_cross_entropy_matches_numpy_with_xlogy():
    assert_matches(CE, lambda p, q: -np.sum(xlogy(p, q)),
                   assume={"p": "simplex", "q": "simplex", "n": "posint"}, rel_tol=REL, abs_tol=ABS)


def test_half_squared_error_matches_numpy():
    assert_matches(HALF_SQUARED_ERROR, lambda yhat, y: 0.5 * np.square(yhat - y),
                   assume={"yhat": "real", "y": "real"}, rel_tol=REL, abs_tol=ABS)


@pytest.mark.parametrize("label, prediction, value", [(0, 0.0, 0.0), (1, 1.0, 0.0), (1, 0.0, math.inf)])
def test_xlogy_takes_zero_log_zero_as_zero_where_the_expression_is_undefined(label, prediction, value):
    assert numpy_bce(label, prediction) == value
    symbolic = evaluate(BCE, {"x": label, "y": prediction})
    assert mpmath.isnan(symbolic) or mpmath.isinf(symbolic)


def test_naive_numpy_logs_are_nan_where_xlogy_is_zero():
    with np.errstate(all="ignore"):
        naive = -(0 * np.log(0.0) + 1 * np.log(1.0))
    assert np.isnan(naive) and numpy_bce(0, 0.0) == 0.0


def test_log1p_is_no_more_accurate_than_log_of_one_minus_y_for_float_inputs():
    def with_log1p(x, y):
        return -(x * np.log(y) + (1 - x) * np.log1p(-y))

    assert_matches(BCE, with_log1p, assume=BCE_DOMAINS, rel_tol=REL, abs_tol=ABS)


def test_numpy_back_end_evaluates_the_expression_itself_in_float64():
    pt = {"n": 3, "x": (0, 1, 1), "y": (0.25, 0.5, 0.875)}
    in_float64 = evaluate(MEAN_BCE, pt, backend="numpy")
    assert isinstance(in_float64, np.float64)
    assert math.isclose(in_float64, np.mean(numpy_bce(np.array(pt["x"]), np.array(pt["y"]))), rel_tol=REL)


def test_points_feed_numpy_directly():
    strategy = points({"x": "label", "y": "probability", "n": "posint"}, MEAN_BCE)
    from hypothesis import find

    pt = find(strategy, lambda pt: pt["n"] == 3)
    assert math.isclose(float(evaluate(MEAN_BCE, pt)), np.mean(numpy_bce(np.array(pt["x"]), np.array(pt["y"]))),
                        rel_tol=REL)
