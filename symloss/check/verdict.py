"""Verdicts: what the checker says about one claim.

>>> v = Verdict(Status.REFUTED, method="numeric", counterexample={"p": "1/2"})
>>> bool(v), v
(False, refuted: counterexample p = 1/2)
>>> bool(Verdict(Status.PROVED, method="expand_log"))
True
"""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Any, Mapping


class Status(str, Enum):
    """The four outcomes of a check (DESIGN.md contract)."""

    PROVED = "proved"
    REFUTED = "refuted"
    UNPROVED = "unproved"
    ERROR = "error"

    def __str__(self) -> str:
        return self.value


MARKS = {Status.PROVED: "✓", Status.REFUTED: "✗", Status.UNPROVED: "?", Status.ERROR: "!"}


@dataclass(frozen=True)
class Verdict:
    """The answer to one claim.

    Attributes:
        status: proved / refuted / unproved / error.
        method: for ``proved``, the argument found (``expand_log``,
            ``sum-merge``, ``lemma:log_le_sub_one_of_pos``, ...); for
            ``refuted``, how the point was found.
        counterexample: for ``refuted``, symbol -> value (a readable string,
            a rational when possible; a family maps to a list).
        reason: for ``unproved``/``error``, why (``timeout``, ``no strategy``, ...).
        evidence: how many domain points were evaluated.
        seconds: wall time spent.
        values: for ``refuted``, the two sides at the counterexample.
    """

    status: Status
    method: str = ""
    counterexample: Mapping[str, Any] | None = None
    reason: str = ""
    evidence: int = 0
    seconds: float = 0.0
    values: tuple[str, str] | None = None
    details: tuple[str, ...] = field(default=(), compare=False)

    def __bool__(self) -> bool:
        return self.status is Status.PROVED

    @property
    def mark(self) -> str:
        """✓ proved, ✗ refuted, ? unproved, ! error."""
        return MARKS[self.status]

    def describe(self) -> str:
        """One line: the status and what backs it."""
        if self.status is Status.PROVED:
            return f"proved ({self.method})" if self.method else "proved"
        if self.status is Status.REFUTED:
            point = ", ".join(f"{k} = {_show(v)}" for k, v in (self.counterexample or {}).items())
            text = f"refuted: counterexample {point}" if point else "refuted"
            if self.values:
                text += f" (lhs = {self.values[0]}, rhs = {self.values[1]})"
            return text
        if self.status is Status.UNPROVED:
            text = f"unproved ({self.reason or 'no strategy'})"
            if self.evidence:
                text += f"; no counterexample in {self.evidence} points"
            return text
        return f"error: {self.reason}"

    def __repr__(self) -> str:
        return self.describe()

    def _repr_latex_(self) -> str:
        symbol = {Status.PROVED: r"\checkmark", Status.REFUTED: r"\times",
                  Status.UNPROVED: "?", Status.ERROR: "!"}[self.status]
        from symloss.printing._text import mathjax_text  # renders alike in LaTeX, MathJax, KaTeX

        return rf"$\mathbf{{{symbol}}}\ {mathjax_text(self.describe())}$"

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready fields of the contract: status, method, counterexample, reason, seconds."""
        return {
            "status": self.status.value,
            "method": self.method or None,
            "counterexample": dict(self.counterexample) if self.counterexample else None,
            "reason": self.reason or None,
            "seconds": round(self.seconds, 4),
        }


def _show(value: Any) -> str:
    if isinstance(value, (list, tuple)):
        return "(" + ", ".join(_show(v) for v in value) + ")"
    return str(value)
