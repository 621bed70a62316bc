"""What every format shows: rows, conclusions, domains, counterexamples."""
from __future__ import annotations

import pytest
from sympy import IndexedBase, Rational, Symbol, Tuple

from symloss.check.verdict import Status, Verdict
from symloss.printing._examples import bce_derivation, bce_results, kl_derivation, kl_results
from symloss.printing._view import chain_views, counterexample, domain_groups, short_number, summary
from symloss.relations import Rel


def test_rows_know_their_number_verdict_and_erratum():
    chains = chain_views(bce_derivation(), bce_results())
    assert [len(c.rows) for c in chains] == [2, 1]
    erratum = chains[1].rows[0]
    assert (erratum.number, erratum.erratum, erratum.negated, erratum.passed) == (3, True, True, True)
    assert erratum.status_text() == "refuted (erratum, as expected)" and erratum.how() == "numeric"


def test_an_unchecked_erratum_is_still_struck_through():
    row = chain_views(bce_derivation())[1].rows[0]
    assert row.negated and row.mark == "" and row.status_text() == "erratum (not checked)"


def test_conclusions_compose_the_relations_and_skip_errata():
    first, errata = chain_views(bce_derivation(), bce_results())
    c = first.conclusion()
    assert (c.rel, c.over, c.established) == (Rel.ARGMAX_ARGMIN, ("yhat",), True)
    assert errata.conclusion() is None
    kl = chain_views(kl_derivation(), kl_results())[0].conclusion()
    assert (kl.rel, kl.rhs) == (Rel.GE, 0)
    assert chain_views(kl_derivation())[0].conclusion().established is None


def test_domain_groups_keep_declaration_order_and_find_family_ranges():
    groups = domain_groups(kl_derivation())
    assert [(d.name, [m.name for m in ms]) for d, ms in groups] == [("simplex", ["p", "q"]), ("posint", ["n"])]
    p = groups[0][1][0]
    assert p.family and p.range == (1, Symbol("n")) and str(p.member) == "p[i]"


@pytest.mark.parametrize("raw, expected", [
    ({"y": "1", "yhat": "1/2"}, [(Symbol("y"), 1), (Symbol("yhat"), Rational(1, 2))]),
    ({"p[2]": "0.25"}, [(IndexedBase("p")[2], Rational(1, 4))]),
    ({"p": ["1/4", "3/4"]}, [(Symbol("p"), Tuple(Rational(1, 4), Rational(3, 4)))]),
    ({"x": "0.3333333333333333"}, [(Symbol("x"), "0.3333333333333333")]),
    ({"x": "sqrt(2)"}, [(Symbol("x"), "sqrt(2)")]),
])
def test_counterexamples_are_read_exactly_when_they_are_short(raw, expected):
    assert counterexample(Verdict(Status.REFUTED, counterexample=raw)) == expected


def test_short_numbers_and_summary():
    assert short_number("0.33333333333333333") == "0.333333" and short_number("2") == "2"
    rows = [row for chain in chain_views(bce_derivation(), bce_results()) for row in chain.rows]
    assert summary(rows) == {"proved": 2, "refuted": 1, "unproved": 0, "error": 0, "as_expected": 3}
