"""Check symbolic results numerically, in your own tests and in ours.

* :func:`assert_matches` -- Hypothesis searches for a point where a SymPy
  expression and your Python/numpy/torch function disagree.
* :func:`assert_step_holds` -- one claim at one point.
* :func:`numeric_check` -- attack every step of a derivation with Hypothesis.
* :func:`evaluate` -- the value of an expression at a point.

Tolerance rules:

* Expressions are evaluated with mpmath at ``dps`` digits (30 by default);
  float inputs are exact binary numbers there, so only the operations round.
* ``assert_matches``: the function's value ``f`` matches the expression's
  value ``e`` when ``|f - e| <= abs_tol + rel_tol * |e|`` (defaults
  ``rel_tol=1e-9``, ``abs_tol=1e-12``: float64 code with a few roundings
  passes, a wrong sign or a missing term does not). Two nans match, and two
  infinities of the same sign. A mismatch is re-evaluated at ``2 * dps``
  digits before it is reported.
* Relations between the two sides of a step, at ``dps`` digits: with
  ``tol = abs_tol + rel_tol * max(|lhs|, |rhs|)`` and both tolerances
  ``10**-(dps // 2)`` (1e-15) by default, ``=`` holds when ``|lhs - rhs| <=
  tol``, ``<=`` when ``lhs - rhs <= tol``, ``<`` unless ``lhs - rhs > tol`` or
  the sides are exactly equal (``>=``, ``>`` alike). A point where a side is
  ``nan`` or infinite (or, for an order, complex) is *undefined* and skipped;
  equal infinities satisfy ``=``, ``<=``, ``>=``. A point that fails or is
  undefined at ``dps`` digits is evaluated again at ``2 * dps`` digits, and
  that verdict stands, so rounding near the boundary (``1 - p`` for a
  rational ``p`` next to 1) does not refute a true step; a strict relation
  whose sides still agree to every digit is redone at ``TIE_DPS`` (400)
  digits (``-log(1 - y) > 0`` at ``y = 5e-324`` needs 324).
* ``numeric_check`` draws points per step (:func:`symloss.strategies.points_for`
  of the step's claim), so one derivation may use ``x`` and ``x[i]`` in
  different steps, or sum a family over ``1..2`` in one step and ``1..m`` in
  another.
* ``same-argmin`` and ``argmax-argmin`` steps compare minimizers, not values:
  ``numeric_check`` skips them (outcome ``skipped``) and
  ``assert_step_holds`` refuses them.

>>> from sympy import Symbol, log
>>> x, y = Symbol("x"), Symbol("y")
>>> bce = -(x * log(y) + (1 - x) * log(1 - y))
>>> float(evaluate(bce, {"x": 1, "y": 0.5}))
0.6931471805599453
>>> import math
>>> assert_matches(bce, lambda x, y: -math.log(y if x else 1 - y),
...                assume={"x": "label", "y": "probability"}, max_examples=20)
"""
from __future__ import annotations

import functools
import inspect
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable, Mapping, Sequence

import mpmath
import sympy
from hypothesis import HealthCheck, Phase, find, given
from hypothesis import settings as Settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument, NoSuchExample, Unsatisfiable

from symloss import strategies as _strategies
from symloss._numeric_eval import EvaluationError, Evaluator, analyze, compare, default_tolerance
from symloss.derivation import Claim, Step
from symloss.relations import Rel

if TYPE_CHECKING:  # pragma: no cover
    from symloss.derivation import Derivation

__all__ = ["evaluate", "assert_matches", "assert_step_holds", "numeric_check", "NumericReport", "StepCheck"]

REL_TOL = 1e-9
ABS_TOL = 1e-12
TIE_DPS = 400  # digits for a strict relation whose sides agree at 2 * dps: enough for any float input


def evaluate(expr: sympy.Basic, point: Mapping[str, Any], *, backend: str = "mpmath", dps: int = 30) -> Any:
    """The value of ``expr`` at ``point`` (an mpmath number, or a numpy float with ``backend="numpy"``).

    >>> from sympy import IndexedBase, Sum, Symbol, log
    >>> i, n, p, q = Symbol("i", integer=True), Symbol("n"), IndexedBase("p"), IndexedBase("q")
    >>> kl = Sum(p[i] * log(p[i] / q[i]), (i, 1, n))
    >>> evaluate(kl, {"n": 2, "p": (0.5, 0.5), "q": (0.5, 0.5)})
    mpf('0.0')
    """
    return _evaluator(sympy.sympify(expr))(point, backend=backend, dps=dps)


@functools.lru_cache(maxsize=256)
def _evaluator(expr: sympy.Basic) -> Evaluator:
    return Evaluator(expr)


def assert_matches(expr: sympy.Basic, function: Callable[..., Any], *, assume: Mapping[str, str],
                   points: st.SearchStrategy[Mapping[str, Any]] | None = None,
                   args: Sequence[str] | None = None, rel_tol: float = REL_TOL, abs_tol: float = ABS_TOL,
                   dps: int = 30, max_examples: int = 100, settings: Settings | None = None) -> None:
    """Search for a point where ``expr`` and ``function`` disagree; fail with the shrunk point.

    Call it from a plain test function (not from inside another ``@given``).

    Args:
        expr: the symbolic result.
        function: your implementation. It is called with keyword arguments
            named like the point's names (only those it accepts, unless it
            takes ``**kwargs``); families arrive as float64 numpy arrays.
        assume: name -> domain name, for drawing points.
        points: a strategy of points to use instead of ``points(assume, expr)``
            (to stay away from a boundary, say).
        args: call ``function`` positionally with these names, in this order.
        rel_tol, abs_tol: agreement means ``|f - e| <= abs_tol + rel_tol * |e|``.
        dps: digits for evaluating ``expr`` (mpmath).
        max_examples: how many points Hypothesis tries.
        settings: Hypothesis settings to use instead (``max_examples`` is then ignored).

    Raises:
        AssertionError: at the shrunk point where they disagree, showing both
            values and the difference.
        InvalidArgument: bad ``assume``, or a parameter the points cannot fill.
    """
    evaluator = Evaluator(sympy.sympify(expr))
    strategy = points if points is not None else _strategies.points(assume, expr)
    call = _caller(function, args)
    label = getattr(function, "__name__", None) or repr(function)
    if label == "<lambda>":
        label = "function"

    def function_matches_expression(point: dict[str, Any]) -> None:
        __tracebackhide__ = True  # pytest: show the message, not this frame
        expected = evaluator(point, dps=dps)
        got = _as_number(call(point), label)
        if not _close(expected, got, rel_tol, abs_tol):  # rule out rounding in the reference
            expected = evaluator(point, dps=2 * dps)
        if not _close(expected, got, rel_tol, abs_tol):
            diff = abs(got - expected) if not (mpmath.isnan(got) or mpmath.isnan(expected)) else mpmath.nan
            allowed = abs_tol + rel_tol * abs(expected) if mpmath.isfinite(expected) else 0
            raise AssertionError(
                f"{label} disagrees with the expression at\n{_show_point(point)}\n"
                f"  expression  {sympy.sstr(expr)} = {_show(expected)}\n"
                f"  {label:<11} = {_show(got)}\n"
                f"  difference  {_show(diff)} > allowed {abs_tol:g} + {rel_tol:g}*|expression| "
                f"= {_show(mpmath.mpf(allowed))}")

    chosen = settings or Settings(max_examples=max_examples, deadline=None, database=None,
                                  phases=[p for p in Phase if p is not Phase.explain],
                                  suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
    __tracebackhide__ = True
    Settings(chosen)(given(strategy)(function_matches_expression))()


def _caller(function: Callable[..., Any], args: Sequence[str] | None) -> Callable[[Mapping[str, Any]], Any]:
    if not callable(function):
        raise InvalidArgument(f"function must be callable, not {type(function).__name__}")
    if args is not None:
        names = [str(a) for a in args]
        return lambda point: function(*(_argument(point, name) for name in names))
    try:
        params = inspect.signature(function).parameters
    except (TypeError, ValueError):
        raise InvalidArgument(
            f"cannot read the parameters of {function!r}; pass args=(names...) to call it positionally") from None
    if any(p.kind is p.VAR_KEYWORD for p in params.values()):
        return lambda point: function(**{k: _argument(point, k) for k in point})
    accepted = [name for name, p in params.items() if p.kind in (p.POSITIONAL_OR_KEYWORD, p.KEYWORD_ONLY)]
    required = [name for name in accepted if params[name].default is params[name].empty]

    def call(point: Mapping[str, Any]) -> Any:
        missing = [name for name in required if name not in point]
        if missing:
            raise InvalidArgument(
                f"{getattr(function, '__name__', function)} needs {missing} but the points hold only "
                f"{sorted(point)}; rename its parameters or pass args=(names...)")
        return function(**{k: _argument(point, k) for k in accepted if k in point})

    return call


def _argument(point: Mapping[str, Any], name: str) -> Any:
    value = point[name]
    if isinstance(value, tuple):
        import numpy

        return numpy.array([float(v) for v in value], dtype=numpy.float64)
    return value


def _as_number(value: Any, label: str) -> Any:
    if hasattr(value, "item") and not isinstance(value, (int, float, complex)):
        try:
            value = value.item()
        except (ValueError, RuntimeError):
            raise AssertionError(f"{label} returned {value!r}, not a single number") from None
    try:
        return mpmath.mpmathify(value)
    except (TypeError, ValueError):
        raise AssertionError(f"{label} returned {value!r}, not a number") from None


def _close(expected: Any, got: Any, rel_tol: float, abs_tol: float) -> bool:
    if mpmath.isnan(expected) or mpmath.isnan(got):
        return bool(mpmath.isnan(expected) and mpmath.isnan(got))
    if mpmath.isinf(expected) or mpmath.isinf(got):
        return bool(expected == got)
    return bool(abs(got - expected) <= abs_tol + rel_tol * abs(expected))


def _show(value: Any) -> str:
    return mpmath.nstr(value, 15) if isinstance(value, (mpmath.mpf, mpmath.mpc)) else str(value)


def _show_point(point: Mapping[str, Any]) -> str:
    def one(v: Any) -> str:
        if isinstance(v, tuple):
            return "(" + ", ".join(one(x) for x in v) + ")"
        return repr(v) if isinstance(v, float) else str(v)

    return "\n".join(f"    {name} = {one(value)}" for name, value in point.items())


def assert_step_holds(step: Claim | Step, point: Mapping[str, Any], *, lhs: sympy.Basic | None = None,
                      dps: int = 30, rel_tol: float | None = None, abs_tol: float | None = None) -> None:
    """Assert that a claim (or a step, given its left side) holds at one point.

    Args:
        step: a :class:`~symloss.derivation.Claim` (``derivation.claims()``
            yields them), or a :class:`~symloss.derivation.Step` with its ``lhs``.
        point: name -> value.
        lhs: the left side, for a step that has none of its own.
        dps, rel_tol, abs_tol: see the module's tolerance rules.

    Raises:
        AssertionError: the relation fails or a side is undefined at the
            point (at ``dps`` digits and again at ``2 * dps``).
        InvalidArgument: an argmin step, or a step without a left side.

    >>> from sympy import Symbol, log
    >>> y = Symbol("y")
    >>> assert_step_holds(Claim(log(y), "<=", y - 1), {"y": 0.25})
    >>> assert_step_holds(Claim(log(y), ">=", y - 1), {"y": 0.25})
    Traceback (most recent call last):
    ...
    AssertionError: log(y) >= y - 1 fails at y = 0.25: lhs = -1.38629436111989, rhs = -0.75
    """
    left = step.lhs if step.lhs is not None else lhs
    if left is None:
        raise InvalidArgument("this step has no lhs of its own; pass lhs=(the previous expression)")
    rel = Rel.parse(step.rel)
    if rel.is_argmin:
        raise InvalidArgument(f"a {rel.value} step compares minimizers, not values; it cannot be checked at a point")
    layout = analyze([left, step.rhs])
    sides = (Evaluator(sympy.sympify(left), layout=layout), Evaluator(step.rhs, layout=layout))
    verdict, values = _attack(sides, rel, point, dps, rel_tol, abs_tol)
    if verdict is not False:
        if verdict is None:
            raise AssertionError(f"{sympy.sstr(left)} {rel.value} {sympy.sstr(step.rhs)} is undefined at "
                                 f"{_inline(point)}: lhs = {_show(values[0])}, rhs = {_show(values[1])}")
        return
    raise AssertionError(f"{sympy.sstr(left)} {rel.value} {sympy.sstr(step.rhs)} fails at {_inline(point)}: "
                         f"lhs = {_show(values[0])}, rhs = {_show(values[1])}")


def _inline(point: Mapping[str, Any]) -> str:
    return ", ".join(f"{k} = {v}" for k, v in point.items())


def _attack(sides: tuple[Evaluator, Evaluator], rel: Rel, point: Mapping[str, Any], dps: int,
            rel_tol: float | None, abs_tol: float | None) -> tuple[bool | None, tuple[Any, Any]]:
    """(holds?, (lhs, rhs)): a point that does not hold at dps digits is redone at 2*dps, which decides.

    A strict relation between sides that agree to every digit is redone at TIE_DPS digits:
    ``-log(1 - y) > 0`` at ``y = 5e-324`` needs 324 of them.
    """
    verdict, values = None, (mpmath.nan, mpmath.nan)
    ladder = [dps, 2 * dps] + ([TIE_DPS] if rel.is_strict and TIE_DPS > 2 * dps else [])
    for step, digits in enumerate(ladder):
        if step == 2 and values[0] != values[1]:
            break
        tol = default_tolerance(digits)
        with mpmath.workdps(digits):
            values = (sides[0](point, dps=digits), sides[1](point, dps=digits))
            verdict = compare(values[0], rel.value, values[1],
                              rel_tol=tol if rel_tol is None else rel_tol,
                              abs_tol=tol if abs_tol is None else abs_tol)
        if verdict:
            break
    return verdict, values


@dataclass(frozen=True)
class StepCheck:
    """What :func:`numeric_check` found for one step.

    Attributes:
        index: the step's index (0-based) in ``derivation.steps``.
        claim: the step as a claim.
        expected: ``proved``, or ``refuted`` for a recorded mistake.
        outcome: ``held`` (no counterexample), ``refuted`` (one was found),
            ``skipped`` (an argmin step, or nothing to evaluate), ``undefined``
            (no point where both sides have a value), ``error`` (evaluation failed).
        counterexample: the shrunk point, for ``refuted``.
        values: the two sides there, at ``2 * dps`` digits.
        evaluated: how many points were evaluated.
        reason: why it was skipped, or what went wrong.
    """

    index: int
    claim: Claim
    expected: str
    outcome: str
    counterexample: dict[str, Any] | None = None
    values: tuple[str, str] | None = None
    evaluated: int = 0
    reason: str = ""

    @property
    def passed(self) -> bool:
        """Held for an ordinary step, refuted for a recorded mistake; skipped passes."""
        if self.outcome == "skipped":
            return True
        return self.outcome == ("refuted" if self.expected == "refuted" else "held")

    def line(self) -> str:
        """One line of the report."""
        mark = "ok  " if self.passed else "FAIL"
        text = f"{mark} step {self.index + 1}: {self.claim}  [{self.outcome}, expected {self.expected}]"
        if self.counterexample is not None:
            text += f" at {_inline(self.counterexample)}"
            if self.values:
                text += f" (lhs = {self.values[0]}, rhs = {self.values[1]})"
        elif self.outcome == "held":
            text += f" ({self.evaluated} points)"
        return text + (f": {self.reason}" if self.reason else "")


@dataclass(frozen=True)
class NumericReport:
    """The result of :func:`numeric_check`: one :class:`StepCheck` per step."""

    name: str
    steps: tuple[StepCheck, ...] = field(default=())

    @property
    def passed(self) -> bool:
        """Every step as expected."""
        return all(s.passed for s in self.steps)

    @property
    def failures(self) -> tuple[StepCheck, ...]:
        return tuple(s for s in self.steps if not s.passed)

    def __str__(self) -> str:
        return "\n".join([f"numeric check of {self.name}:"] + ["  " + s.line() for s in self.steps])


def numeric_check(derivation: "Derivation", *, max_examples: int = 100, dps: int = 30,
                  settings: Settings | None = None, raise_on_failure: bool = True) -> NumericReport:
    """Attack every step of ``derivation`` with Hypothesis.

    An ordinary step must survive (no point where it fails); a step marked
    ``expected="refuted"`` must be caught, and its counterexample is shrunk.
    ``same-argmin``/``argmax-argmin`` steps are skipped (see the module's
    tolerance rules), and so are steps with an undefined function ``f(x)``.

    Args:
        derivation: the derivation; its ``assume`` drives the points
            (:func:`symloss.strategies.points_for`).
        max_examples: points per step.
        dps: digits for mpmath evaluation (failures are rechecked at ``2 * dps``).
        settings: Hypothesis settings for ``find`` instead of the defaults.
        raise_on_failure: raise when a step is not as expected.

    Returns:
        A :class:`NumericReport`.

    Raises:
        AssertionError: with the report, when a step is not as expected and
            ``raise_on_failure`` is true.

    >>> from sympy import Symbol, log
    >>> from symloss.derivation import derive
    >>> y = Symbol("y")
    >>> d = (derive("d", "t", assume={"y": "probability"}, start=log(y))
    ...      .le(y - 1, "log_le_sub_one").claim(log(y), ">=", y - 1, "wrong", expected="refuted"))
    >>> print(numeric_check(d, max_examples=20))  # doctest: +ELLIPSIS
    numeric check of d:
      ok   step 1: log(y) <= y - 1  [held, expected proved] (20 points)
      ok   step 2: log(y) >= y - 1  [refuted, expected refuted] at y = 0.5 (lhs = -0.69314718055994..., rhs = -0.5)
    """
    chosen = settings or Settings(max_examples=max_examples, deadline=None, database=None,
                                  phases=(Phase.generate, Phase.shrink),
                                  suppress_health_check=list(HealthCheck))
    results = []
    for index, (claim, step) in enumerate(zip(derivation.claims(), derivation.steps)):
        results.append(_check_step(index, claim, step.expected, chosen, dps))
    report = NumericReport(derivation.name, tuple(results))
    if raise_on_failure and not report.passed:
        raise AssertionError(str(report))
    return report


def _check_step(index: int, claim: Claim, expected: str, chosen: Settings, dps: int) -> StepCheck:
    base = dict(index=index, claim=claim, expected=expected)
    if claim.rel.is_argmin:
        return StepCheck(**base, outcome="skipped",  # type: ignore[arg-type]
                         reason=f"{claim.rel.value} compares minimizers; not checked numerically")
    try:
        layout = analyze([claim.lhs, claim.rhs])
        sides = (Evaluator(claim.lhs, layout=layout), Evaluator(claim.rhs, layout=layout))
    except EvaluationError as exc:
        return StepCheck(**base, outcome="skipped", reason=str(exc))  # type: ignore[arg-type]
    try:
        strategy = _strategies.points_for(claim)
        strategy.validate()
    except InvalidArgument as exc:
        return StepCheck(**base, outcome="error", reason=str(exc))  # type: ignore[arg-type]
    counts = {"evaluated": 0}

    def fails(point: dict[str, Any]) -> bool:
        verdict, _ = _attack(sides, claim.rel, point, dps, None, None)
        counts["evaluated"] += verdict is not None
        return verdict is False

    try:
        point = find(strategy, fails, settings=chosen)
    except NoSuchExample:
        outcome = "held" if counts["evaluated"] else "undefined"
        return StepCheck(**base, outcome=outcome, evaluated=counts["evaluated"])  # type: ignore[arg-type]
    except (EvaluationError, InvalidArgument, Unsatisfiable) as exc:
        return StepCheck(**base, outcome="error", reason=str(exc))  # type: ignore[arg-type]
    _, values = _attack(sides, claim.rel, point, dps, None, None)
    return StepCheck(**base, outcome="refuted", counterexample=point,  # type: ignore[arg-type]
                     values=(_show(values[0]), _show(values[1])), evaluated=counts["evaluated"])
