"""Derivations: immutable values built like paper, chains that compose."""
from __future__ import annotations

import dataclasses

import pytest
from sympy import Symbol, log

from symloss.derivation import Derivation, Step, derive
from symloss.errors import ChainError
from symloss.relations import Rel

x = Symbol("x")


def test_a_derivation_is_immutable_and_building_returns_a_new_one():
    d = derive("d", "t", assume={"x": "positive"}, start=log(x**2))
    d2 = d.eq(2 * log(x), "log_pow")
    assert d.steps == () and len(d2.steps) == 1
    with pytest.raises(dataclasses.FrozenInstanceError):
        d2.name = "other"  # type: ignore[misc]


def test_the_conclusion_is_computed_from_the_links():
    d = (derive("d", "t", assume={"x": "positive"}, start=log(x))
         .le(x - 1, "log_le_sub_one_of_pos").eq(x - 1 + 0, "add_zero").lt(x, "sub_one_lt"))
    assert d.conclusions() == [("log(x)", "<", "x")]


def test_mixing_le_and_ge_is_refused_when_the_step_is_added():
    d = derive("d", "t", assume={"x": "real"}, start=x**2).ge(0, "sq_nonneg")
    with pytest.raises(ChainError, match="step 2"):
        d.le(1, "wrong way")


def test_a_new_chain_may_go_the_other_way():
    d = derive("d", "t", assume={"x": "real"}, start=x**2).ge(0, "sq_nonneg").claim(-x**2, "<=", 0, "neg")
    assert [c[1] for c in d.conclusions()] == [">=", "<="]


def test_an_argmin_step_needs_its_variables():
    with pytest.raises(ChainError, match="over="):
        Step(Rel.SAME_ARGMIN, x, "no variables")


def test_an_expected_refutation_is_left_out_of_the_conclusion():
    d = (derive("d", "t", assume={"x": "real"}, start=(x + 1)**2)
         .eq(x**2 + 2*x + 1, "expand").claim(x, "=", x + 1, "a recorded mistake", expected="refuted"))
    assert d.conclusions() == [("(x + 1)**2", "=", "x**2 + 2*x + 1")]
    assert [c.rel for c in d.claims()] == [Rel.EQ, Rel.EQ]


def test_expected_must_be_proved_or_refuted():
    with pytest.raises(ValueError, match="expected"):
        Step(Rel.EQ, x, "r", expected="maybe")


def test_derivations_are_plain_values():
    d = Derivation("n", "t", {"x": "real"}, x, (Step("=", x, "same"),))
    assert d.steps[0].rel is Rel.EQ
