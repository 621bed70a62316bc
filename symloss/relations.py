"""Relations between the two sides of a step, held as data, and how they compose.

SymPy's ``Eq``/``Le`` collapse to ``True``/``False`` when built, so symloss
never uses them to hold a claim: a relation is a member of :class:`Rel`.

Order-type objectives: ``same-argmin`` says the right side is a strictly
increasing function of the left side (as functions of the named variables), so
both have the same minimizers (and the same maximizers); ``argmax-argmin`` says
it is a strictly decreasing one, so the left side's maximizers are the right
side's minimizers (max f <-> min -f).

>>> compose(Rel.LE, Rel.EQ), compose(Rel.LE, Rel.LT)
(<Rel.LE: '<='>, <Rel.LT: '<'>)
>>> compose(Rel.ARGMAX_ARGMIN, Rel.ARGMAX_ARGMIN)
<Rel.SAME_ARGMIN: 'same-argmin'>
"""
from __future__ import annotations

from enum import Enum

from symloss.errors import ChainError


class Rel(str, Enum):
    """A relation between the left and the right side of a claim."""

    EQ = "="
    LE = "<="
    GE = ">="
    LT = "<"
    GT = ">"
    SAME_ARGMIN = "same-argmin"
    ARGMAX_ARGMIN = "argmax-argmin"

    @classmethod
    def parse(cls, text: "str | Rel") -> "Rel":
        """Read a relation from its symbol (``==`` is accepted for ``=``).

        >>> Rel.parse("=="), Rel.parse(">=")
        (<Rel.EQ: '='>, <Rel.GE: '>='>)
        """
        if isinstance(text, Rel):
            return text
        text = str(text).strip()
        if text == "==":
            return cls.EQ
        for rel in cls:
            if rel.value == text:
                return rel
        known = ", ".join(r.value for r in cls)
        raise ChainError(f"unknown relation {text!r}; use one of {known}")

    @property
    def is_order(self) -> bool:
        """``<=``, ``>=``, ``<``, ``>``."""
        return self in (Rel.LE, Rel.GE, Rel.LT, Rel.GT)

    @property
    def is_argmin(self) -> bool:
        """``same-argmin`` or ``argmax-argmin``."""
        return self in (Rel.SAME_ARGMIN, Rel.ARGMAX_ARGMIN)

    @property
    def is_strict(self) -> bool:
        return self in (Rel.LT, Rel.GT)

    @property
    def direction(self) -> int:
        """+1 for ``<``/``<=`` (increasing chain), -1 for ``>``/``>=``, 0 otherwise."""
        return {Rel.LE: 1, Rel.LT: 1, Rel.GE: -1, Rel.GT: -1}.get(self, 0)

    def __str__(self) -> str:
        return self.value


def compose(first: Rel, second: Rel) -> Rel:
    """The relation of ``a first b second c`` between ``a`` and ``c``.

    Raises:
        ChainError: when the two cannot be chained (``<=`` then ``>=``, an order
            relation then an argmin relation).

    >>> compose(Rel.GE, Rel.GT)
    <Rel.GT: '>'>
    >>> compose(Rel.LE, Rel.GE)
    Traceback (most recent call last):
    ...
    symloss.errors.ChainError: cannot chain '<=' with '>=': a chain must keep one direction
    """
    if first is Rel.EQ:
        return second
    if second is Rel.EQ:
        return first
    if first.is_order and second.is_order:
        if first.direction != second.direction:
            raise ChainError(
                f"cannot chain {first.value!r} with {second.value!r}: "
                "a chain must keep one direction")
        strict = first.is_strict or second.is_strict
        if first.direction > 0:
            return Rel.LT if strict else Rel.LE
        return Rel.GT if strict else Rel.GE
    if first.is_argmin and second.is_argmin:
        flips = (first is Rel.ARGMAX_ARGMIN) + (second is Rel.ARGMAX_ARGMIN)
        return Rel.ARGMAX_ARGMIN if flips == 1 else Rel.SAME_ARGMIN
    raise ChainError(
        f"cannot chain {first.value!r} with {second.value!r}: "
        "an inequality and an argmin step do not compose")
