"""Twins: BCE, KL and squared error against torch.nn.functional (float64).

Conventions measured here are written down in docs/conventions.md.
"""
from __future__ import annotations

import math
import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sympy import IndexedBase, Rational, Sum, Symbol, exp, log

from symloss.strategies import labels, points, probabilities
from symloss.testing import assert_matches, evaluate

torch = pytest.importorskip(
    "torch", reason="PyTorch is not installed; `pip install -e '.[torch]'` (torch==2.13.0, CPU) runs these twins")
F = torch.nn.functional

i, n = Symbol("i", integer=True), Symbol("n")
x, y, z, yhat = Symbol("x"), Symbol("y"), Symbol("z"), Symbol("yhat")
X, Y, Z, P, Q = (IndexedBase(name) for name in ("x", "y", "z", "p", "q"))
BCE = -(x * log(y) + (1 - x) * log(1 - y))
MEAN_BCE = Sum(BCE.xreplace({x: X[i], y: Y[i]}), (i, 1, n)) / n


def sigmoid(t):
    return 1 / (1 + exp(-t))


# BCE at y = sigmoid(z), with 1 - sigmoid(z) written as sigmoid(-z): the same function,
# in a form that 30 digits can evaluate for every float z (1 - sigmoid(1e6) would round to 0).
BCE_LOGITS = -(x * log(sigmoid(z)) + (1 - x) * log(sigmoid(-z)))
KL = Sum(P[i] * log(P[i] / Q[i]), (i, 1, n))
HALF_SQUARED_ERROR = Rational(1, 2) * (yhat - y) ** 2
REL, ABS = 1e-12, 1e-14
MEAN_BCE_DOMAINS = {"x": "label", "y": "probability", "n": "posint"}


def t64(values):
    return torch.tensor(values, dtype=torch.float64)


@st.composite
def bce_batches(draw, **bounds):
    size = draw(st.integers(1, 6))
    xs = draw(st.lists(labels(), min_size=size, max_size=size))
    ys = draw(st.lists(probabilities(**bounds), min_size=size, max_size=size))
    return {"n": size, "x": tuple(xs), "y": tuple(ys)}


AWAY = bce_batches(min_value=1e-6, max_value=1 - 1e-6)


def test_mean_bce_matches_binary_cross_entropy_with_prediction_first():
    def torch_bce(x, y):
        return F.binary_cross_entropy(t64(y), t64(x))  # input = prediction, target = label

    assert_matches(MEAN_BCE, torch_bce, assume=MEAN_BCE_DOMAINS, points=AWAY, rel_tol=REL, abs_tol=ABS)


def test_binary_cross_entropy_with_reduction_sum_is_n_times_the_mean():
    def torch_bce_sum(x, y):
        return F.binary_cross_entropy(t64(y), t64(x), reduction="sum")

    assert_matches(MEAN_BCE * n, torch_bce_sum, assume=MEAN_BCE_DOMAINS, points=AWAY, rel_tol=REL, abs_tol=ABS)


def test_binary_cross_entropy_agrees_down_to_its_clamp():
    batches = bce_batches(min_value=math.exp(-99), max_value=1 - 2.0**-53)
    assert_matches(MEAN_BCE, lambda x, y: F.binary_cross_entropy(t64(y), t64(x)),
                   assume=MEAN_BCE_DOMAINS, points=batches, rel_tol=REL, abs_tol=ABS)


@pytest.mark.parametrize("label, prediction", [(1, 1e-300), (1, 0.0), (0, 1.0), (1, math.exp(-100) / 2)])
def test_binary_cross_entropy_clamps_each_log_at_minus_100(label, prediction):
    got = F.binary_cross_entropy(t64(prediction), t64(float(label))).item()
    assert got == 100.0
    if 0 < prediction < 1:
        assert float(evaluate(BCE, {"x": label, "y": prediction})) > 100


def test_binary_cross_entropy_with_logits_matches_bce_of_the_sigmoid_for_every_logit():
    def torch_bce_logits(x, z):
        return F.binary_cross_entropy_with_logits(t64(z), t64(float(x)))

    assert_matches(BCE_LOGITS, torch_bce_logits, assume={"x": "label", "z": "real"}, rel_tol=REL, abs_tol=ABS)


@pytest.mark.parametrize("logit, of_sigmoid", [
    (-800.0, 100.0),  # sigmoid(-800) underflows to 0: log clamped at -100
    (-50.0, None),     # sigmoid(-50) = 1.9e-22 is a float: still accurate
    (50.0, 100.0),     # sigmoid(50) rounds to 1.0, so 1 - y = 0: clamped
    (800.0, 100.0),
])
def test_logits_stay_exact_where_bce_of_the_sigmoid_hits_the_clamp(logit, of_sigmoid):
    label = 1.0 if logit < 0 else 0.0
    exact = float(evaluate(BCE_LOGITS, {"x": label, "z": logit}))
    with_logits = F.binary_cross_entropy_with_logits(t64(logit), t64(label)).item()
    via_sigmoid = F.binary_cross_entropy(torch.sigmoid(t64(logit)), t64(label)).item()
    assert math.isclose(with_logits, exact, rel_tol=REL)
    assert via_sigmoid == (of_sigmoid if of_sigmoid is not None else pytest.approx(exact, rel=1e-6))


def test_bce_of_the_sigmoid_breaks_down_once_the_sigmoid_rounds_to_one():
    assert torch.sigmoid(t64(36.0)).item() < 1.0 and torch.sigmoid(t64(37.5)).item() == 1.0


def test_the_sigmoid_form_of_bce_is_the_bce_of_the_sigmoid_symbolically():
    for label, logit in ((0, 0.5), (1, -2.0), (1, 3.25)):
        direct = evaluate(BCE.xreplace({y: sigmoid(z)}), {"x": label, "z": logit})
        assert math.isclose(float(direct), float(evaluate(BCE_LOGITS, {"x": label, "z": logit})), rel_tol=1e-25)


KL_DOMAINS = {"p": "simplex", "q": "simplex", "n": "posint"}


def test_kl_matches_kl_div_with_log_q_as_input_and_p_as_target():
    def torch_kl(p, q):
        return F.kl_div(torch.log(t64(q)), t64(p), reduction="sum")

    assert_matches(KL, torch_kl, assume=KL_DOMAINS, rel_tol=REL, abs_tol=ABS)


def test_kl_div_with_log_target_takes_both_in_log_space():
    def torch_kl(p, q):
        return F.kl_div(torch.log(t64(q)), torch.log(t64(p)), reduction="sum", log_target=True)

    assert_matches(KL, torch_kl, assume=KL_DOMAINS, rel_tol=REL, abs_tol=ABS)


def test_kl_div_batchmean_divides_by_the_batch_and_mean_by_every_element():
    def batchmean(p, q):
        return F.kl_div(torch.log(t64(q)).reshape(1, -1), t64(p).reshape(1, -1), reduction="batchmean")

    def mean(p, q):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)  # the warning is tested below
            return F.kl_div(torch.log(t64(q)), t64(p), reduction="mean")

    assert_matches(KL, batchmean, assume=KL_DOMAINS, rel_tol=REL, abs_tol=ABS)
    assert_matches(KL / n, mean, assume=KL_DOMAINS, rel_tol=REL, abs_tol=ABS)


def test_kl_div_warns_that_mean_is_not_the_divergence():
    with pytest.warns(UserWarning, match="batchmean"):
        F.kl_div(torch.log(t64((0.5, 0.5))), t64((0.25, 0.75)), reduction="mean")


def test_kl_div_with_the_arguments_in_paper_order_computes_the_reverse_divergence():
    pt = {"n": 2, "p": (0.125, 0.875), "q": (0.5, 0.5)}
    reversed_pt = {"n": 2, "p": pt["q"], "q": pt["p"]}
    paper_order = F.kl_div(torch.log(t64(pt["p"])), t64(pt["q"]), reduction="sum").item()
    assert math.isclose(paper_order, float(evaluate(KL, reversed_pt)), rel_tol=REL)
    assert not math.isclose(paper_order, float(evaluate(KL, pt)), rel_tol=1e-3)


def test_kl_div_counts_a_zero_target_entry_as_zero():
    got = F.kl_div(torch.log(t64((0.5, 0.5))), t64((0.0, 1.0)), reduction="sum").item()
    assert math.isclose(got, math.log(2), rel_tol=REL)


def test_mse_loss_is_twice_the_half_squared_error():
    def mse(yhat, y):
        return F.mse_loss(t64(yhat), t64(y))

    assert_matches(2 * HALF_SQUARED_ERROR, mse, assume={"yhat": "real", "y": "real"}, rel_tol=REL, abs_tol=ABS)


@settings(max_examples=100, deadline=None)
@given(points({"yhat": "real", "y": "real", "n": "posint"}, families=["yhat", "y"], length="n"))
def test_mse_loss_over_a_batch_is_the_mean_and_sum_reduction_the_sum(pt):
    half = Sum(Rational(1, 2) * (IndexedBase("yhat")[i] - Y[i]) ** 2, (i, 1, n))
    total = float(evaluate(2 * half, pt))
    a, b = t64(pt["yhat"]), t64(pt["y"])
    assert math.isclose(F.mse_loss(a, b).item(), total / pt["n"], rel_tol=REL, abs_tol=ABS)
    assert math.isclose(F.mse_loss(a, b, reduction="sum").item(), total, rel_tol=REL, abs_tol=ABS)


def test_float32_tensors_agree_only_to_single_precision():
    pt = {"x": 1, "y": 0.3}
    exact = float(evaluate(BCE, pt))
    single = F.binary_cross_entropy(torch.tensor(0.3), torch.tensor(1.0)).item()
    assert torch.tensor(0.3).dtype == torch.float32
    assert math.isclose(single, exact, rel_tol=1e-6) and not math.isclose(single, exact, rel_tol=1e-12)
    assert np.float64(exact) == pytest.approx(F.binary_cross_entropy(t64(0.3), t64(1.0)).item(), rel=REL)
