"""Named lemmas, each proved once by the engine before it is used.

``log_le_sub_one_of_pos``: log u <= u - 1 for u > 0, with equality iff u = 1.
Its proof is calculus (:mod:`symloss.check.calculus`): f(u) = u - 1 - log u
has f'(u) = 1 - 1/u, whose only zero on (0, oo) is u = 1, where f = 0; the
limits at 0+ and at oo are +oo. So f >= 0, and f(u) = 0 only at u = 1.

>>> LOG_LE_SUB_ONE.proved()
True
>>> LOG_LE_SUB_ONE.name
'log_le_sub_one_of_pos'
"""
from __future__ import annotations

import functools
from dataclasses import dataclass

import sympy
from sympy import Interval, S, log

from symloss.check.calculus import bounds_below, critical_points

_u = sympy.Symbol("u", positive=True)


@dataclass(frozen=True)
class Lemma:
    """A statement with a proof the engine runs itself."""

    name: str
    statement: str

    def proved(self) -> bool:
        """Run (once, then cached) the lemma's proof."""
        return _prove(self.name)


LOG_LE_SUB_ONE = Lemma("log_le_sub_one_of_pos", "log(u) <= u - 1 for u > 0, with equality iff u = 1")


@functools.lru_cache(maxsize=None)
def _prove(name: str) -> bool:
    if name == LOG_LE_SUB_ONE.name:
        gap = _u - 1 - log(_u)
        domain = Interval.open(0, S.Infinity)
        nonnegative = bounds_below(gap, _u, domain, strict=False)
        minimizers = critical_points(gap, _u, domain)
        equality_only_at_one = minimizers == [1] and gap.subs(_u, 1) == 0
        return nonnegative and equality_only_at_one
    raise KeyError(name)
