"""Relations as data, and how the links of a chain compose."""
from __future__ import annotations

import pytest

from symloss.errors import ChainError
from symloss.relations import Rel, compose


@pytest.mark.parametrize("first, second, result", [
    (Rel.EQ, Rel.EQ, Rel.EQ), (Rel.EQ, Rel.LE, Rel.LE), (Rel.LE, Rel.LE, Rel.LE),
    (Rel.LE, Rel.LT, Rel.LT), (Rel.GT, Rel.GE, Rel.GT), (Rel.GE, Rel.EQ, Rel.GE),
    (Rel.SAME_ARGMIN, Rel.EQ, Rel.SAME_ARGMIN), (Rel.SAME_ARGMIN, Rel.ARGMAX_ARGMIN, Rel.ARGMAX_ARGMIN),
    (Rel.ARGMAX_ARGMIN, Rel.ARGMAX_ARGMIN, Rel.SAME_ARGMIN),
])
def test_links_compose_into_the_chain_relation(first, second, result):
    assert compose(first, second) is result


@pytest.mark.parametrize("first, second", [
    (Rel.LE, Rel.GE), (Rel.LT, Rel.GT), (Rel.GE, Rel.LT), (Rel.LE, Rel.SAME_ARGMIN), (Rel.ARGMAX_ARGMIN, Rel.GE),
])
def test_links_that_do_not_compose_are_refused(first, second):
    with pytest.raises(ChainError):
        compose(first, second)


def test_relations_parse_from_their_symbols():
    assert Rel.parse("==") is Rel.EQ and Rel.parse("same-argmin") is Rel.SAME_ARGMIN
    with pytest.raises(ChainError, match="unknown relation"):
        Rel.parse("=<")
