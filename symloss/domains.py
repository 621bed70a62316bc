"""Domains: where a symbol lives, for the prover, the sampler and the printer.

A domain is a value: its contract name (``probability``, ``label``, ...), the
SymPy assumptions the prover may attach to a symbol of that domain, the side
facts SymPy cannot hold (``p < 1``), and the points the numeric refuter tries.

>>> DOMAINS["probability"].contains(0.5), DOMAINS["probability"].contains(1)
(True, False)
>>> domain("label").values
(0, 1)
"""
from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction
from typing import Mapping

from symloss.errors import DomainError

_SIMPLE_PROBABILITIES = (
    Fraction(1, 2), Fraction(1, 4), Fraction(3, 4), Fraction(1, 3), Fraction(2, 3),
    Fraction(1, 10), Fraction(9, 10), Fraction(1, 100), Fraction(99, 100),
    Fraction(1, 10**6), Fraction(10**6 - 1, 10**6), Fraction(2, 7), Fraction(5, 8),
)
_SIMPLE_POSITIVES = (
    Fraction(1), Fraction(2), Fraction(1, 2), Fraction(3), Fraction(1, 3), Fraction(10),
    Fraction(1, 10), Fraction(7, 3), Fraction(100), Fraction(1, 100), Fraction(10**6),
    Fraction(1, 10**6), Fraction(5, 4),
)
_SIMPLE_REALS = (
    Fraction(0), Fraction(1), Fraction(-1), Fraction(2), Fraction(-2), Fraction(1, 2),
    Fraction(-1, 2), Fraction(3), Fraction(-3), Fraction(10), Fraction(-10),
    Fraction(1, 10), Fraction(-7, 3), Fraction(100), Fraction(-100),
)


@dataclass(frozen=True)
class Domain:
    """A set a symbol ranges over.

    Attributes:
        name: the contract name used in ``assume={...}`` and ``-a NAME=DOMAIN``.
        description: how a document reads it ("a probability").
        latex: the set in LaTeX, printed after ``\\in``.
        assumptions: SymPy assumptions that hold on the whole domain.
        lower, upper: interval bounds (``None`` for unbounded).
        lower_open, upper_open: whether a bound is excluded.
        values: the finite set of values, for finite domains.
        integer: whether only integers belong.
        family_only: whether the domain constrains an indexed family as a
            whole (the simplex), so a plain symbol cannot have it.
        simple_points: readable values tried first by the refuter.
    """

    name: str
    description: str
    latex: str
    assumptions: Mapping[str, bool] = field(default_factory=dict)
    lower: Fraction | None = None
    upper: Fraction | None = None
    lower_open: bool = True
    upper_open: bool = True
    values: tuple[int, ...] | None = None
    integer: bool = False
    family_only: bool = False
    simple_points: tuple[Fraction, ...] = ()

    def contains(self, value: float | Fraction | int) -> bool:
        """Whether a number lies in this domain (for the simplex: each member)."""
        if self.values is not None:
            return value in self.values
        if self.integer and value != int(value):
            return False
        if self.lower is not None:
            if value < self.lower or (self.lower_open and value == self.lower):
                return False
        if self.upper is not None:
            if value > self.upper or (self.upper_open and value == self.upper):
                return False
        return True

    @property
    def is_bounded_below_by_zero(self) -> bool:
        """True when every member is >= 0."""
        return self.lower is not None and self.lower >= 0

    @property
    def is_strictly_positive(self) -> bool:
        """True when every member is > 0."""
        return self.lower is not None and (self.lower > 0 or (self.lower == 0 and self.lower_open))

    @property
    def below_one(self) -> bool:
        """True when every member is < 1 (the side fact ``1 - p > 0``)."""
        return self.upper is not None and (self.upper < 1 or (self.upper == 1 and self.upper_open))

    def __str__(self) -> str:
        return self.name


_ZERO, _ONE = Fraction(0), Fraction(1)

DOMAINS: dict[str, Domain] = {
    d.name: d
    for d in (
        Domain("probability", "a probability", r"(0,1)", {"positive": True},
               _ZERO, _ONE, True, True, simple_points=_SIMPLE_PROBABILITIES),
        Domain("unit", "a number in the unit interval", r"[0,1]", {"nonnegative": True},
               _ZERO, _ONE, False, False,
               simple_points=(_ZERO, _ONE) + _SIMPLE_PROBABILITIES),
        Domain("label", "a 0/1 label", r"\{0,1\}",
               {"integer": True, "nonnegative": True}, _ZERO, _ONE, False, False,
               values=(0, 1), integer=True, simple_points=(_ZERO, _ONE)),
        Domain("positive", "a positive number", r"(0,\infty)", {"positive": True},
               _ZERO, None, True, simple_points=_SIMPLE_POSITIVES),
        Domain("nonnegative", "a nonnegative number", r"[0,\infty)",
               {"nonnegative": True}, _ZERO, None, False,
               simple_points=(_ZERO,) + _SIMPLE_POSITIVES),
        Domain("real", "a real number", r"\mathbb{R}", {"real": True},
               simple_points=_SIMPLE_REALS),
        Domain("integer", "an integer", r"\mathbb{Z}", {"integer": True}, integer=True,
               simple_points=tuple(Fraction(k) for k in (0, 1, -1, 2, -2, 3, -3, 10, -10))),
        Domain("posint", "a positive integer", r"\{1,2,\dots\}",
               {"integer": True, "positive": True}, _ONE, None, False, integer=True,
               simple_points=tuple(Fraction(k) for k in (1, 2, 3, 4, 5, 6, 10))),
        Domain("simplex", "a probability vector (entries in (0,1] summing to 1)",
               r"\Delta", {"positive": True}, _ZERO, _ONE, True, False, family_only=True,
               simple_points=_SIMPLE_PROBABILITIES),
    )
}


def domain(name: str | Domain) -> Domain:
    """Look a domain up by its contract name.

    Raises:
        DomainError: for an unknown name, listing the known ones.

    >>> domain("positive").assumptions
    {'positive': True}
    """
    if isinstance(name, Domain):
        return name
    try:
        return DOMAINS[name]
    except (KeyError, TypeError):
        known = ", ".join(DOMAINS)
        raise DomainError(f"unknown domain {name!r}; known domains: {known}") from None
