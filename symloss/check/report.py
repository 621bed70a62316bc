"""Reports: the verdicts of every step of one or more derivations.

A step *passes* when its verdict is what the derivation expects: ``proved``
for an ordinary step, ``refuted`` for a recorded mistake.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable

from symloss.check.verdict import Status, Verdict

if TYPE_CHECKING:  # pragma: no cover
    from symloss.derivation import Derivation, Step


@dataclass(frozen=True)
class StepResult:
    """A step of a derivation with its verdict."""

    derivation: "Derivation"
    index: int
    verdict: Verdict

    @property
    def step(self) -> "Step":
        return self.derivation.steps[self.index]

    @property
    def passed(self) -> bool:
        """True when the verdict is the expected one."""
        return self.verdict.status.value == self.step.expected

    @property
    def mark(self) -> str:
        """✓ when as expected (an expected refutation shows ✗ but passes)."""
        return self.verdict.mark

    def line(self) -> str:
        """``  3 ✓ = ...  (reason)  proved (method)  0.01 s``."""
        step = self.step
        expect = "  [expected: refuted]" if step.expected == "refuted" else ""
        import sympy

        return (f"  {self.index + 1:>2} {self.mark} {step.rel.value} {sympy.sstr(step.rhs)}"
                f"  — {step.reason}{expect}\n       {self.verdict.describe()}"
                f"  [{self.verdict.seconds:.2f} s]")


def exit_status(results: Iterable[StepResult]) -> int:
    """DESIGN.md's exit status: 0 as expected, 1 refuted, 3 unproved, 2 error."""
    results = list(results)
    failed = [r for r in results if not r.passed]
    if any(r.verdict.status is Status.ERROR for r in failed):
        return 2
    if any(r.verdict.status in (Status.REFUTED, Status.PROVED) for r in failed):
        return 1
    if failed:
        return 3
    return 0


@dataclass(frozen=True)
class Report:
    """The verdicts of every step of some derivations, in order."""

    results: tuple[StepResult, ...]

    @property
    def ok(self) -> bool:
        """Every step as expected."""
        return all(r.passed for r in self.results)

    def __bool__(self) -> bool:
        return self.ok

    @property
    def exit_status(self) -> int:
        return exit_status(self.results)

    def summary(self) -> dict[str, int]:
        """Counts by status (contract keys: proved, refuted, unproved, error)."""
        counts = {s.value: 0 for s in Status}
        for r in self.results:
            counts[r.verdict.status.value] += 1
        return counts

    def derivations(self) -> list["Derivation"]:
        seen: list = []
        for r in self.results:
            if not any(r.derivation is d for d in seen):
                seen.append(r.derivation)
        return seen

    def for_derivation(self, derivation: "Derivation") -> list[StepResult]:
        return [r for r in self.results if r.derivation is derivation]

    def text(self) -> str:
        """The plain-text rendering used by the REPL and the CLI."""
        lines = []
        for d in self.derivations():
            lines.append(f"{d.name}: {d.title}")
            for r in self.for_derivation(d):
                lines.append(r.line())
        counts = self.summary()
        expected_refuted = sum(1 for r in self.results if r.step.expected == "refuted" and r.passed)
        lines.append(
            f"{counts['proved']} proved, {counts['refuted']} refuted"
            f" ({expected_refuted} as expected), {counts['unproved']} unproved, "
            f"{counts['error']} error — {'OK' if self.ok else 'FAILED'}")
        return "\n".join(lines)

    def __repr__(self) -> str:
        return self.text()

    def _repr_html_(self) -> str:
        from symloss.printing.html import report_html

        return report_html(self)
