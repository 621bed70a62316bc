"""The checker on a corpus of true and false claims (tests/corpus.py).

A false claim must never be proved; most must be refuted with a
counterexample that lies inside the declared domains and really fails.
"""
from __future__ import annotations

import pytest

from symloss.check.claims import check_claim
from symloss.check.verdict import Status
from symloss.derivation import Claim
from symloss.domains import domain
from symloss.parse import parse_claim, parse_expression
from symloss.relations import Rel
from tests.corpus import FALSE_CLAIMS, TRUE_CLAIMS


def _claim(lhs: str, rel: str, rhs: str, assume: dict) -> Claim:
    if rel.startswith(("same-argmin", "argmax-argmin")):
        left, relation, right, over = parse_claim(f"{lhs} {rel} {rhs}")
        return Claim(left, relation, right, assume, over)
    return Claim(parse_expression(lhs), Rel.parse(rel), parse_expression(rhs), assume)


def _ids(claims):
    return [f"{c[0]} {c[1]} {c[2]}"[:70] for c in claims]


def test_the_corpus_holds_at_least_forty_false_claims():
    assert len(FALSE_CLAIMS) >= 40


@pytest.mark.parametrize("lhs, rel, rhs, assume", TRUE_CLAIMS, ids=_ids(TRUE_CLAIMS))
def test_a_true_claim_is_proved(lhs, rel, rhs, assume):
    verdict = check_claim(_claim(lhs, rel, rhs, assume), timeout=10)
    assert verdict.status is Status.PROVED, verdict.describe()
    assert verdict.method


@pytest.mark.parametrize("lhs, rel, rhs, assume, must_refute", FALSE_CLAIMS, ids=_ids(FALSE_CLAIMS))
def test_a_false_claim_is_never_proved(lhs, rel, rhs, assume, must_refute):
    claim = _claim(lhs, rel, rhs, assume)
    verdict = check_claim(claim, timeout=10)
    assert verdict.status is not Status.PROVED, f"false claim proved by {verdict.method}"
    assert not verdict
    if must_refute:
        assert verdict.status is Status.REFUTED, verdict.describe()
        assert verdict.values  # both sides at the point, for a reader to check
        assert verdict.counterexample or not (claim.lhs.free_symbols | claim.rhs.free_symbols)


@pytest.mark.parametrize("lhs, rel, rhs, assume, must_refute",
                         [c for c in FALSE_CLAIMS if c[4]], ids=_ids([c for c in FALSE_CLAIMS if c[4]]))
def test_a_counterexample_lies_in_the_domains(lhs, rel, rhs, assume, must_refute):
    from fractions import Fraction

    verdict = check_claim(_claim(lhs, rel, rhs, assume), timeout=10)
    for name, value in verdict.counterexample.items():
        if name in assume:
            dom = domain(assume[name])
            values = value if isinstance(value, list) else [value]
            assert all(dom.contains(Fraction(v)) for v in values), (name, value)
            if dom.name == "simplex":
                assert sum(Fraction(v) for v in values) == 1


def test_the_note_formula_two_is_refuted_at_a_point_a_reader_can_check():
    verdict = check_claim(_claim("-y*log(yhat) + (1 - y)*log(1 - yhat)", "=",
                                 "-(y*log(yhat) + (1 - y)*log(1 - yhat))",
                                 {"y": "label", "yhat": "probability"}), timeout=10)
    assert verdict.status is Status.REFUTED
    assert verdict.counterexample == {"y": "0", "yhat": "1/2"}


def test_log_of_a_product_of_negatives_is_refuted_with_negative_values():
    verdict = check_claim(_claim("log(a*b)", "=", "log(a) + log(b)", {"a": "real", "b": "real"}), timeout=10)
    assert verdict.status is Status.REFUTED
    assert all(Fraction_of(v) < 0 for v in verdict.counterexample.values())


def Fraction_of(text: str):
    from fractions import Fraction

    return Fraction(text)


def test_an_unknown_domain_is_an_error_not_a_verdict_on_the_maths():
    with pytest.raises(ValueError, match="unknown domain"):
        Claim(parse_expression("x"), Rel.EQ, parse_expression("x"), {"x": "probabilty"})


def test_simplex_on_a_plain_symbol_is_an_error():
    verdict = check_claim(Claim(parse_expression("p"), Rel.LE, parse_expression("1"), {"p": "simplex"}), timeout=5)
    assert verdict.status is Status.ERROR
    assert "indexed family" in verdict.reason


def test_a_claim_undefined_everywhere_is_an_error():
    verdict = check_claim(Claim(parse_expression("log(-p)"), Rel.LE, parse_expression("0"),
                                {"p": "probability"}), timeout=5)
    assert verdict.status is Status.ERROR


def test_an_argmin_over_an_absent_variable_is_an_error():
    left, rel, right, over = parse_claim("x**2 same-argmin[z] 2*x**2")
    verdict = check_claim(Claim(left, rel, right, {"x": "real"}, over), timeout=5)
    assert verdict.status is Status.ERROR
