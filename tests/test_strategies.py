"""Tests for symloss.strategies: domains, probability vectors, points."""
from __future__ import annotations

import math
from fractions import Fraction

import pytest
from hypothesis import find, given, settings
from hypothesis.errors import InvalidArgument
from sympy import IndexedBase, Product, Sum, Symbol, log

from symloss.derivation import derive
from symloss.domains import DOMAINS
from symloss.strategies import (from_domain, labels, points, points_for, probabilities,
                                probability_vectors, unit_intervals)

i, n, m, k = Symbol("i", integer=True), Symbol("n"), Symbol("m"), Symbol("k")
p, q, x, y = IndexedBase("p"), IndexedBase("q"), IndexedBase("x"), IndexedBase("y")
FAST = settings(max_examples=100, deadline=None)


# -- single numbers -------------------------------------------------------------

@FAST
@given(probabilities())
def test_probabilities_lie_strictly_between_zero_and_one(v):
    assert isinstance(v, float) and 0 < v < 1


def test_probabilities_reach_the_floats_next_to_zero_and_one():
    assert find(probabilities(), lambda v: v < 1e-300) > 0
    assert find(probabilities(), lambda v: v > 1 - 1e-15) < 1


@FAST
@given(probabilities(min_value=1e-6, max_value=1 - 1e-6))
def test_probabilities_respect_their_bounds(v):
    assert 1e-6 <= v <= 1 - 1e-6


@FAST
@given(probabilities(exact=True))
def test_exact_probabilities_are_fractions(v):
    assert isinstance(v, Fraction) and 0 < v < 1


@pytest.mark.parametrize("kwargs", [dict(min_value=-0.1), dict(max_value=1.5),
                                    dict(min_value=0.6, max_value=0.4), dict(min_value=1.0),
                                    dict(max_value="1")])
def test_probabilities_refuse_bounds_outside_the_unit_interval(kwargs):
    with pytest.raises(InvalidArgument):
        probabilities(**kwargs).example()


@FAST
@given(labels())
def test_labels_are_the_integers_zero_and_one(v):
    assert v in (0, 1) and isinstance(v, int)


def test_unit_intervals_include_both_ends():
    assert find(unit_intervals(), lambda v: v == 0) == 0.0
    assert find(unit_intervals(), lambda v: v == 1) == 1.0


@pytest.mark.parametrize("name", [d for d in DOMAINS if not DOMAINS[d].family_only])
def test_every_plain_domain_draws_only_its_members(name):
    @settings(max_examples=60, deadline=None)
    @given(from_domain(name))
    def check(v):
        assert DOMAINS[name].contains(v), v

    check()


def test_integer_domains_draw_integers():
    assert isinstance(find(from_domain("posint"), lambda v: v > 7), int)


def test_from_domain_refuses_the_simplex_and_unknown_names():
    with pytest.raises(InvalidArgument, match="probability_vectors"):
        from_domain("simplex")
    with pytest.raises(InvalidArgument, match="known domains"):
        from_domain("probabilty")


# -- probability vectors ----------------------------------------------------------

@FAST
@given(probability_vectors())
def test_probability_vectors_sum_to_exactly_one(v):
    assert 1 <= len(v) <= 6
    assert math.fsum(v) == 1.0 and sum(map(Fraction, v)) == 1
    assert all(0 < e <= 1 for e in v)


@FAST
@given(probability_vectors(size=4, exact=True))
def test_exact_probability_vectors_are_fractions_summing_to_one(v):
    assert len(v) == 4 and sum(v) == 1 and all(isinstance(e, Fraction) and e > 0 for e in v)


def test_exact_probability_vectors_include_non_dyadic_entries():
    v = find(probability_vectors(size=3, exact=True), lambda v: any(e.denominator % 3 == 0 for e in v))
    assert sum(v) == 1


def test_probability_vectors_reach_tiny_entries():
    v = find(probability_vectors(size=3), lambda v: min(v) < 1e-15)
    assert min(v) > 0 and math.fsum(v) == 1.0


def test_probability_vectors_allow_zero_entries_when_asked():
    v = find(probability_vectors(size=3, allow_zero=True), lambda v: 0 in v)
    assert math.fsum(v) == 1.0


@FAST
@given(probability_vectors(min_size=2, max_size=3))
def test_probability_vectors_respect_size_bounds(v):
    assert 2 <= len(v) <= 3


@pytest.mark.parametrize("kwargs", [dict(size=0), dict(min_size=0), dict(min_size=4, max_size=2),
                                    dict(size=3, max_size=4), dict(size=2.0)])
def test_probability_vectors_refuse_bad_sizes(kwargs):
    with pytest.raises(InvalidArgument):
        probability_vectors(**kwargs)


# -- points ------------------------------------------------------------------------

@FAST
@given(points({"x": "label", "y": "probability", "z": "real"}))
def test_points_hold_one_member_of_each_declared_domain(pt):
    assert list(pt) == ["x", "y", "z"]
    assert pt["x"] in (0, 1) and 0 < pt["y"] < 1 and isinstance(pt["z"], float)


@FAST
@given(points({"p": "simplex", "q": "simplex", "n": "posint"},
              Sum(p[i] * log(p[i] / q[i]), (i, 1, n))))
def test_points_give_families_the_length_of_their_sums(pt):
    assert 1 <= pt["n"] <= 6
    assert len(pt["p"]) == len(pt["q"]) == pt["n"]
    assert math.fsum(pt["p"]) == math.fsum(pt["q"]) == 1.0


@FAST
@given(points({"x": "label", "y": "probability", "n": "posint"},
              Sum(x[i] * log(y[i]), (i, 1, n)) / n, max_length=3))
def test_families_of_plain_domains_draw_each_entry_from_the_domain(pt):
    assert len(pt["x"]) == len(pt["y"]) == pt["n"] <= 3
    assert set(pt["x"]) <= {0, 1} and all(0 < v < 1 for v in pt["y"])


@FAST
@given(points({"p": "simplex", "q": "simplex"}))
def test_simplex_families_without_sums_share_one_length(pt):
    assert len(pt["p"]) == len(pt["q"])


@FAST
@given(points({"y": "probability", "m": "posint"}, families=["y"], length="m"))
def test_a_named_length_sets_the_length_of_the_families(pt):
    assert len(pt["y"]) == pt["m"]


@FAST
@given(points({"p": "simplex", "n": "posint"}, Sum(p[i], (i, 0, n - 1))))
def test_sums_from_zero_give_n_entries(pt):
    assert len(pt["p"]) == pt["n"]


@FAST
@given(points({"p": "simplex", "n": "posint"}, Sum(p[i], (i, 1, n - 1))))
def test_a_sum_to_n_minus_one_gives_n_minus_one_entries_unless_it_is_empty(pt):
    assert len(pt["p"]) == pt["n"] - 1 or pt["n"] == 1


@FAST
@given(points({"q": "simplex", "m": "posint", "k": "posint"},
              Sum(q[i], (i, 1, m)) + Sum(q[i], (i, m + 1, m + k))))
def test_a_family_in_several_sums_covers_all_their_ranges(pt):
    assert len(pt["q"]) == pt["m"] + pt["k"] and math.fsum(pt["q"]) == 1.0


@FAST
@given(points({"p": "simplex", "n": "posint", "m": "posint"},
              Sum(p[i], (i, 1, n)) * Product(Symbol("j") + 1, (Symbol("j"), 1, m))))
def test_every_limit_of_a_sum_or_product_is_a_length(pt):
    assert 1 <= pt["m"] <= 6 and len(pt["p"]) == pt["n"]


@FAST
@given(points({"p": "simplex", "k": "posint", "n": "posint"}, p[k], Sum(p[i], (i, 1, n))))
def test_a_free_index_is_drawn_inside_its_family(pt):
    assert 1 <= pt["k"] <= len(pt["p"]) == pt["n"]


@FAST
@given(points({"y": "probability"}, y[3] - y[1]))
def test_a_literal_index_makes_the_family_long_enough(pt):
    assert len(pt["y"]) >= 3


@FAST
@given(points({"x": "label", "y": "probability"}, exact=True))
def test_exact_points_hold_fractions(pt):
    assert isinstance(pt["y"], Fraction)


def test_undeclared_names_are_real_as_in_the_checker():
    pt = find(points({"y": "probability"}, Symbol("z") * Symbol("y")), lambda pt: pt["z"] < 0)
    assert set(pt) == {"y", "z"} and pt["z"] < 0


def test_points_refuse_a_symbol_without_a_domain_when_asked_to():
    with pytest.raises(InvalidArgument, match="'z' has no domain"):
        points({"y": "probability"}, Symbol("z") * Symbol("y"), default=None)


def test_points_refuse_a_family_without_a_domain_when_asked_to():
    with pytest.raises(InvalidArgument, match="family 'q' has no domain"):
        points({"p": "simplex", "n": "posint"}, Sum(p[i] * q[i], (i, 1, n)), default=None)


def test_points_refuse_the_simplex_on_a_plain_symbol():
    with pytest.raises(InvalidArgument, match="family domain"):
        points({"p": "simplex"}, log(Symbol("p")))


def test_points_refuse_one_name_as_a_symbol_and_a_family():
    with pytest.raises(InvalidArgument, match="both as a plain symbol and as an indexed family"):
        points({"x": "label", "n": "posint"}, Symbol("x") + Sum(x[i], (i, 1, n)))


def test_points_with_expressions_hold_only_the_names_they_use():
    pt = find(points({"x": "label", "y": "probability", "z": "real"}, log(Symbol("y"))), lambda pt: True)
    assert pt == {"y": 0.5}


def test_points_refuse_an_unknown_domain_and_a_bad_length_range():
    with pytest.raises(InvalidArgument, match="known domains"):
        points({"y": "probabilities"})
    with pytest.raises(InvalidArgument, match="min_length"):
        points({"y": "probability"}, min_length=0)
    with pytest.raises(InvalidArgument, match="mapping"):
        points(["y"])  # type: ignore[arg-type]


def test_points_refuse_a_length_whose_domain_has_no_length():
    with pytest.raises(InvalidArgument, match="is a length"):
        points({"p": "simplex", "n": "probability"}, Sum(p[i], (i, 1, n)))


def test_points_for_a_derivation_cover_every_name_it_uses():
    kl = Sum(p[i] * log(p[i] / q[i]), (i, 1, n))
    d = (derive("kl", "KL", assume={"p": "simplex", "q": "simplex", "n": "posint"}, start=kl)
         .ge(0, "gibbs"))

    @FAST
    @given(points_for(d))
    def check(pt):
        assert set(pt) == {"p", "q", "n"} and len(pt["p"]) == pt["n"]

    check()
