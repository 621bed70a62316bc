"""Domains: membership, side facts, and the points the refuter draws."""
from __future__ import annotations

from fractions import Fraction

import pytest
import sympy

from symloss.check.context import Context
from symloss.check.points import points
from symloss.domains import DOMAINS, domain
from symloss.errors import DomainError


@pytest.mark.parametrize("name, inside, outside", [
    ("probability", [Fraction(1, 2), Fraction(1, 10**6)], [0, 1, 2, -1]),
    ("unit", [0, 1, Fraction(1, 3)], [-1, Fraction(3, 2)]),
    ("label", [0, 1], [Fraction(1, 2), 2]),
    ("positive", [Fraction(1, 10**6), 10**6], [0, -1]),
    ("nonnegative", [0, 5], [-1]),
    ("posint", [1, 7], [0, Fraction(3, 2)]),
    ("integer", [-3, 0], [Fraction(1, 2)]),
])
def test_a_domain_contains_what_it_says_and_nothing_else(name, inside, outside):
    dom = domain(name)
    assert all(dom.contains(v) for v in inside)
    assert not any(dom.contains(v) for v in outside)


def test_every_simple_point_of_a_domain_lies_in_it():
    for dom in DOMAINS.values():
        assert all(dom.contains(v) for v in dom.simple_points), dom.name


def test_an_unknown_domain_names_the_known_ones():
    with pytest.raises(DomainError, match="known domains: probability"):
        domain("probabilty")


def test_a_probability_reaches_both_edges():
    values = DOMAINS["probability"].simple_points
    assert min(values) <= Fraction(1, 10**6) and max(values) >= 1 - Fraction(1, 10**6)


def test_sampled_simplex_vectors_sum_to_one_for_every_length():
    p, i, n = sympy.IndexedBase("p"), sympy.Symbol("i", integer=True), sympy.Symbol("n")
    expr = sympy.Sum(p[i], (i, 1, n))
    ctx = Context.of([expr], {"p": "simplex"})
    lengths = set()
    for pt in points(ctx, [ctx.typed(expr)], count=30):
        vector = [v for k, v in pt.members.items() if k.startswith("p[")]
        assert sum(vector) == 1 and all(v > 0 for v in vector)
        assert len(vector) == pt.lengths["n"]
        lengths.add(pt.lengths["n"])
    assert lengths == {1, 2, 3, 4, 5, 6}


def test_sampled_points_respect_every_declared_domain():
    x, y = sympy.Symbol("x"), sympy.Symbol("y")
    ctx = Context.of([x + y], {"x": "label", "y": "probability"})
    for pt in points(ctx, [x + y], count=60):
        assert pt.scalars["x"] in (0, 1)
        assert 0 < pt.scalars["y"] < 1


def test_the_side_fact_one_minus_p_positive_is_known_to_the_prover():
    p = sympy.Symbol("p")
    ctx = Context.of([p], {"p": "probability"})
    assert ctx.is_positive(1 - ctx.symbol("p"))
    ctx_real = Context.of([p], {"p": "positive"})
    assert not ctx_real.is_positive(1 - ctx_real.symbol("p"))
