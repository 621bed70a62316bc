"""Twins: Shannon entropy and KL divergence against scipy.stats.entropy and scipy.special.

Conventions measured here are written down in docs/conventions.md.
"""
from __future__ import annotations

import math

import mpmath
import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.special import kl_div, rel_entr
from scipy.stats import entropy
from sympy import IndexedBase, Sum, Symbol, log

from symloss.strategies import points, probabilities, probability_vectors
from symloss.testing import assert_matches, evaluate

i, n = Symbol("i", integer=True), Symbol("n")
p, q = IndexedBase("p"), IndexedBase("q")
ENTROPY_BITS = Sum(p[i] * -log(p[i], 2), (i, 1, n))  # the note: expected information, f(x) = -log2 x
KL = Sum(p[i] * log(p[i] / q[i]), (i, 1, n))  # D(P || Q), nats
SIMPLEX = {"p": "simplex", "n": "posint"}
TWO_SIMPLICES = {"p": "simplex", "q": "simplex", "n": "posint"}
REL, ABS = 1e-12, 1e-14  # 1e-12 relative; the absolute floor only matters for values near 0
FAST = settings(max_examples=100, deadline=None)


def test_entropy_in_bits_matches_scipy_entropy_with_base_2():
    assert_matches(ENTROPY_BITS, lambda p: entropy(p, base=2), assume=SIMPLEX, rel_tol=REL, abs_tol=ABS)


def test_scipy_entropy_is_in_nats_unless_given_a_base():
    assert_matches(ENTROPY_BITS * math.log(2), lambda p: entropy(p), assume=SIMPLEX, rel_tol=REL, abs_tol=ABS)


@FAST
@given(probability_vectors(min_size=2), st.floats(1e-3, 1e3))
def test_scipy_entropy_normalizes_its_input_first(pk, scale):
    scaled = np.array(pk) * scale
    expected = evaluate(ENTROPY_BITS, {"n": len(pk), "p": pk})
    assert math.isclose(entropy(scaled, base=2), float(expected), rel_tol=REL, abs_tol=ABS)


def test_entropy_with_a_zero_entry_is_nan_symbolically_but_the_limit_in_scipy():
    pk = (0.0, 0.25, 0.75)
    assert mpmath.isnan(evaluate(ENTROPY_BITS, {"n": 3, "p": pk}))
    limit = float(evaluate(ENTROPY_BITS, {"n": 2, "p": pk[1:]}))  # 0 log 0 = 0 in the limit
    assert math.isclose(entropy(pk, base=2), limit, rel_tol=REL)


def test_kl_matches_scipy_entropy_of_two_distributions():
    assert_matches(KL, lambda p, q: entropy(p, q), assume=TWO_SIMPLICES, rel_tol=REL, abs_tol=ABS)


def test_kl_matches_the_sum_of_scipy_rel_entr():
    assert_matches(KL, lambda p, q: np.sum(rel_entr(p, q)), assume=TWO_SIMPLICES, rel_tol=REL, abs_tol=ABS)


def test_scipy_entropy_puts_p_first_as_in_d_of_p_given_q():
    pt = {"n": 2, "p": (0.125, 0.875), "q": (0.5, 0.5)}
    swapped = {"n": 2, "p": pt["q"], "q": pt["p"]}
    assert math.isclose(entropy(pt["p"], pt["q"]), float(evaluate(KL, pt)), rel_tol=REL)
    assert not math.isclose(entropy(pt["p"], pt["q"]), float(evaluate(KL, swapped)), rel_tol=1e-3)


@FAST
@given(probabilities(), probabilities())
def test_rel_entr_is_the_summand_of_kl_elementwise(a, b):
    summand = p[i] * log(p[i] / q[i])
    expected = evaluate(Sum(summand, (i, 1, 1)), {"p": (a,), "q": (b,)})
    assert math.isclose(rel_entr(a, b), float(expected), rel_tol=REL, abs_tol=ABS)


def test_rel_entr_follows_the_limits_at_zero():
    assert rel_entr(0.0, 0.5) == 0.0
    assert rel_entr(0.0, 0.0) == 0.0
    assert rel_entr(0.5, 0.0) == math.inf
    assert rel_entr(-0.5, 0.5) == math.inf  # outside the domain: +inf, not nan


@FAST
@given(points(TWO_SIMPLICES, KL))
def test_scipy_kl_div_differs_from_rel_entr_elementwise_but_sums_to_kl_on_the_simplex(pt):
    a, b = np.array(pt["p"]), np.array(pt["q"])
    assert np.allclose(kl_div(a, b), rel_entr(a, b) - a + b, rtol=REL, atol=ABS)
    assert math.isclose(np.sum(kl_div(a, b)), float(evaluate(KL, pt)), rel_tol=1e-9, abs_tol=1e-13)


def test_kl_is_infinite_in_scipy_when_q_misses_mass_of_p():
    assert entropy([0.5, 0.5], [1.0, 0.0]) == math.inf
    assert np.sum(rel_entr([0.5, 0.5], [1.0, 0.0])) == math.inf


def test_entropy_near_the_corners_of_the_simplex_still_agrees():
    tiny = 2.0**-53
    pk = (tiny, 1 - tiny)
    expected = evaluate(ENTROPY_BITS, {"n": 2, "p": pk})
    assert math.isclose(entropy(pk, base=2), float(expected), rel_tol=1e-12)
