"""Derivations: a start expression and a sequence of steps, each with a reason.

A derivation is an immutable value that reads like a calculation on paper::

    KL = (derive("kl", "KL divergence", assume={"p": "simplex", "q": "simplex"},
                 start=kl)
          .eq(Sum(p[i] * log(p[i] / q[i]), (i, 1, n)), "definition")
          .ge(0, "Gibbs' inequality", rule="log_le_sub_one_of_pos"))

Each step relates the previous expression to the next one. A step given an
explicit ``lhs`` starts a new chain inside the same derivation (a side fact,
a second claim). Steps marked ``expected="refuted"`` record a source's mistake
and pass only when the checker refutes them.

>>> from sympy import symbols
>>> x = symbols("x")
>>> d = derive("square", "A square", assume={"x": "real"}, start=(x + 1)**2).eq(x**2 + 2*x + 1, "expand")
>>> [str(c) for c in d.claims()]
['(x + 1)**2 = x**2 + 2*x + 1']
>>> d.conclusions()
[('(x + 1)**2', '=', 'x**2 + 2*x + 1')]
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Iterator, Mapping

import sympy

from symloss.domains import domain
from symloss.errors import ChainError
from symloss.relations import Rel, compose

if TYPE_CHECKING:  # pragma: no cover
    from symloss.check.report import Report

EXPECTED = ("proved", "refuted")


def _as_expr(value: object) -> sympy.Basic:
    if isinstance(value, str):
        from symloss.parse import parse_expression

        return parse_expression(value)
    return sympy.sympify(value, strict=True) if not isinstance(value, sympy.Basic) else value


@dataclass(frozen=True)
class Step:
    """One line of a derivation: ``<previous> rel rhs``, because ``reason``.

    Attributes:
        rel: the relation to the previous expression.
        rhs: the new expression.
        reason: why the step holds, in words.
        rule: a named rule or lemma (Mathlib-style name), optional.
        expected: ``"proved"``, or ``"refuted"`` for a recorded mistake.
        over: for argmin relations, the names of the variables optimized over.
        lhs: set only on a step that starts a new chain.
    """

    rel: Rel
    rhs: sympy.Basic
    reason: str
    rule: str = ""
    expected: str = "proved"
    over: tuple[str, ...] = ()
    lhs: sympy.Basic | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "rel", Rel.parse(self.rel))
        object.__setattr__(self, "rhs", _as_expr(self.rhs))
        if self.lhs is not None:
            object.__setattr__(self, "lhs", _as_expr(self.lhs))
        object.__setattr__(self, "over", tuple(str(v) for v in self.over))
        if self.expected not in EXPECTED:
            raise ValueError(f"expected must be one of {EXPECTED}, not {self.expected!r}")
        if self.rel.is_argmin and not self.over:
            raise ChainError(f"a {self.rel.value} step needs over=(names of the variables)")


@dataclass(frozen=True)
class Claim:
    """A single checkable statement ``lhs rel rhs`` under domains.

    >>> from sympy import Symbol
    >>> str(Claim(Symbol("p"), Rel.LE, 1, {"p": "probability"}))
    'p <= 1'
    """

    lhs: sympy.Basic
    rel: Rel
    rhs: sympy.Basic
    assume: Mapping[str, str] = field(default_factory=dict)
    over: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "lhs", _as_expr(self.lhs))
        object.__setattr__(self, "rhs", _as_expr(self.rhs))
        object.__setattr__(self, "rel", Rel.parse(self.rel))
        object.__setattr__(self, "assume", {str(k): domain(v).name for k, v in dict(self.assume).items()})
        object.__setattr__(self, "over", tuple(str(v) for v in self.over))

    def __str__(self) -> str:
        rel = self.rel.value + (f"[{', '.join(self.over)}]" if self.over else "")
        return f"{sympy.sstr(self.lhs)} {rel} {sympy.sstr(self.rhs)}"


@dataclass(frozen=True)
class Derivation:
    """A named derivation: domains, a start expression and steps.

    Attributes:
        name: short identifier (``symloss verify NAME``).
        title: a human title.
        assume: symbol or family name -> domain name.
        start: the first expression.
        steps: the steps, in order.
        source: which part of a source text it follows (free text).
    """

    name: str
    title: str
    assume: Mapping[str, str]
    start: sympy.Basic
    steps: tuple[Step, ...] = ()
    source: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "start", _as_expr(self.start))
        object.__setattr__(self, "assume", {str(k): domain(v).name for k, v in dict(self.assume).items()})
        object.__setattr__(self, "steps", tuple(self.steps))
        self._conclusion_relations()  # refuses a chain that does not compose

    # -- building -------------------------------------------------------
    def then(self, step: Step) -> "Derivation":
        """A new derivation with ``step`` appended (checked to compose)."""
        return dataclasses.replace(self, steps=self.steps + (step,))

    def _add(self, rel: Rel, rhs: object, reason: str, **kw: object) -> "Derivation":
        return self.then(Step(rel, rhs, reason, **kw))  # type: ignore[arg-type]

    def eq(self, rhs: object, reason: str, **kw: object) -> "Derivation":
        """Append ``= rhs``."""
        return self._add(Rel.EQ, rhs, reason, **kw)

    def le(self, rhs: object, reason: str, **kw: object) -> "Derivation":
        """Append ``<= rhs``."""
        return self._add(Rel.LE, rhs, reason, **kw)

    def ge(self, rhs: object, reason: str, **kw: object) -> "Derivation":
        """Append ``>= rhs``."""
        return self._add(Rel.GE, rhs, reason, **kw)

    def lt(self, rhs: object, reason: str, **kw: object) -> "Derivation":
        """Append ``< rhs``."""
        return self._add(Rel.LT, rhs, reason, **kw)

    def gt(self, rhs: object, reason: str, **kw: object) -> "Derivation":
        """Append ``> rhs``."""
        return self._add(Rel.GT, rhs, reason, **kw)

    def same_argmin(self, rhs: object, over: tuple[str, ...] | str, reason: str, **kw: object) -> "Derivation":
        """Append ``same-argmin[over] rhs``: rhs is a strictly increasing function of the previous."""
        over = (over,) if isinstance(over, str) else over
        return self._add(Rel.SAME_ARGMIN, rhs, reason, over=over, **kw)

    def argmax_argmin(self, rhs: object, over: tuple[str, ...] | str, reason: str, **kw: object) -> "Derivation":
        """Append ``argmax-argmin[over] rhs``: maximizing the previous = minimizing rhs."""
        over = (over,) if isinstance(over, str) else over
        return self._add(Rel.ARGMAX_ARGMIN, rhs, reason, over=over, **kw)

    def claim(self, lhs: object, rel: Rel | str, rhs: object, reason: str, **kw: object) -> "Derivation":
        """Start a new chain with the claim ``lhs rel rhs``."""
        return self.then(Step(Rel.parse(rel), rhs, reason, lhs=lhs, **kw))  # type: ignore[arg-type]

    # -- reading --------------------------------------------------------
    def lhs_of(self, index: int) -> sympy.Basic:
        """The left side of step ``index`` (0-based)."""
        step = self.steps[index]
        if step.lhs is not None:
            return step.lhs
        return self.steps[index - 1].rhs if index > 0 else self.start

    def claims(self) -> Iterator[Claim]:
        """Every step as a stand-alone claim, in order."""
        for index, step in enumerate(self.steps):
            yield Claim(self.lhs_of(index), step.rel, step.rhs, self.assume, step.over)

    def chains(self) -> list[tuple[sympy.Basic, list[tuple[int, Step]]]]:
        """The chains: (first expression, [(index, step), ...])."""
        chains: list[tuple[sympy.Basic, list[tuple[int, Step]]]] = []
        for index, step in enumerate(self.steps):
            if index == 0 or step.lhs is not None:
                chains.append((self.lhs_of(index), []))
            chains[-1][1].append((index, step))
        return chains

    def _conclusion_relations(self) -> list[Rel]:
        relations = []
        for _, steps in self.chains():
            ordinary = [(i, s) for i, s in steps if s.expected == "proved"]
            rel = Rel.EQ
            over: tuple[str, ...] = ()
            for index, step in ordinary:
                try:
                    rel = compose(rel, step.rel)
                except ChainError as exc:
                    raise ChainError(f"{self.name}: step {index + 1}: {exc}") from None
                if step.over:
                    if over and set(over) != set(step.over):
                        raise ChainError(
                            f"{self.name}: step {index + 1}: optimizes over {step.over}, "
                            f"but the chain optimizes over {over}")
                    over = step.over
            relations.append(rel)
        return relations

    def conclusions(self) -> list[tuple[str, str, str]]:
        """What each chain shows: (first, relation, last), computed from its links."""
        out = []
        for (first, steps), rel in zip(self.chains(), self._conclusion_relations()):
            ordinary = [s for _, s in steps if s.expected == "proved"]
            if ordinary:
                out.append((sympy.sstr(first), rel.value, sympy.sstr(ordinary[-1].rhs)))
        return out

    def _repr_latex_(self) -> str:
        from symloss.printing.jupyter import derivation_repr_latex

        return derivation_repr_latex(self)

    def _repr_html_(self) -> str:
        from symloss.printing.jupyter import derivation_repr_html

        return derivation_repr_html(self)

    def verify(self, timeout: float = 10.0, jobs: int = 1) -> "Report":
        """Check every step; returns a :class:`~symloss.check.report.Report`."""
        from symloss.check.engine import verify_derivation

        return verify_derivation(self, timeout=timeout, jobs=jobs)


def derive(name: str, title: str, *, assume: Mapping[str, str], start: object, source: str = "") -> Derivation:
    """Begin a derivation; add steps with ``.eq``, ``.ge``, ``.same_argmin``, ...

    >>> from sympy import Symbol
    >>> derive("d", "t", assume={"x": "real"}, start=Symbol("x")).steps
    ()
    """
    return Derivation(name=name, title=title, assume=assume, start=start, source=source)
