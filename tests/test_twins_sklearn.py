"""Twins: binary and categorical cross-entropy against sklearn.metrics.log_loss.

Conventions measured here are written down in docs/conventions.md.
"""
from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.metrics import log_loss
from sympy import IndexedBase, Sum, Symbol, log

from symloss.strategies import labels, probabilities, probability_vectors
from symloss.testing import assert_matches, evaluate

i, n = Symbol("i", integer=True), Symbol("n")
x, y = Symbol("x"), Symbol("y")
X, Y, p, q = IndexedBase("x"), IndexedBase("y"), IndexedBase("p"), IndexedBase("q")
BCE = -(x * log(y) + (1 - x) * log(1 - y))
MEAN_BCE = Sum(BCE.xreplace({x: X[i], y: Y[i]}), (i, 1, n)) / n
CE = Sum(p[i] * -log(q[i]), (i, 1, n))  # H(P, Q), nats
REL, ABS = 1e-12, 1e-14
EPS = np.finfo(np.float64).eps  # sklearn clips predictions to [EPS, 1 - EPS]
AWAY = dict(min_value=1e-6, max_value=1 - 1e-6)


@st.composite
def label_and_prediction_lists(draw, **bounds):
    size = draw(st.integers(1, 6))
    xs = draw(st.lists(labels(), min_size=size, max_size=size))
    ys = draw(st.lists(probabilities(**bounds), min_size=size, max_size=size))
    return {"n": size, "x": tuple(xs), "y": tuple(ys)}


def sklearn_mean_bce(x, y):
    return log_loss(x.astype(int), y, labels=[0, 1])


def test_mean_bce_matches_sklearn_log_loss_away_from_the_boundary():
    assert_matches(MEAN_BCE, sklearn_mean_bce, assume={"x": "label", "y": "probability", "n": "posint"},
                   points=label_and_prediction_lists(**AWAY), rel_tol=REL, abs_tol=ABS)


def test_log_loss_without_normalize_is_the_sum_not_the_mean():
    def summed(x, y):
        return log_loss(x.astype(int), y, labels=[0, 1], normalize=False)

    assert_matches(MEAN_BCE * n, summed, assume={"x": "label", "y": "probability", "n": "posint"},
                   points=label_and_prediction_lists(**AWAY), rel_tol=REL, abs_tol=ABS)


def test_log_loss_is_in_nats():
    assert math.isclose(log_loss([1], [0.5], labels=[0, 1]), math.log(2), rel_tol=REL)


@pytest.mark.parametrize("label, prediction, clipped", [
    (1, 1e-300, EPS),                 # inside the domain, below EPS: clipped up
    (1, 0.0, EPS),                    # outside the domain: finite, not inf
    (0, 1 - 2.0**-53, 1 - EPS),       # the float next to 1: clipped down to 1 - EPS
])
def test_log_loss_clips_predictions_to_machine_epsilon(label, prediction, clipped):
    got = log_loss([label], [prediction], labels=[0, 1])
    assert math.isclose(got, float(evaluate(BCE, {"x": label, "y": clipped})), rel_tol=REL)
    if 0 < prediction < 1:
        true = float(evaluate(BCE, {"x": label, "y": prediction}))
        assert got < true  # the clip lowers the loss of a confident mistake
    assert got == pytest.approx(-math.log(EPS), rel=REL)


def test_log_loss_agrees_just_inside_its_clipping_range():
    for label, prediction in ((1, 4 * EPS), (0, 1 - 4 * EPS)):
        got = log_loss([label], [prediction], labels=[0, 1])
        assert math.isclose(got, float(evaluate(BCE, {"x": label, "y": prediction})), rel_tol=REL)


@st.composite
def one_hot_points(draw):
    qk = draw(probability_vectors(min_size=2).filter(lambda v: min(v) >= 1e-6))
    k = draw(st.integers(0, len(qk) - 1))
    return {"n": len(qk), "p": tuple(float(j == k) for j in range(len(qk))), "q": qk}


def test_cross_entropy_with_a_one_hot_p_matches_multiclass_log_loss():
    def sklearn_ce(p, q):
        return log_loss([int(np.argmax(p))], [q], labels=list(range(len(q))))

    assert_matches(CE, sklearn_ce, assume={"p": "simplex", "q": "simplex", "n": "posint"},
                   points=one_hot_points(), rel_tol=REL, abs_tol=ABS)


@settings(max_examples=30, deadline=None)
@given(probability_vectors(min_size=2))
def test_log_loss_warns_about_rows_that_do_not_sum_to_one(qk):
    with pytest.warns(UserWarning, match="do not sum to one"):
        log_loss([0], [np.array(qk) * 0.5], labels=list(range(len(qk))))
