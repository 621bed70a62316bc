"""Mutation testing of the checker: every mutant of every step, and an independent truth oracle.

For each step of each built-in derivation, small mutations of the claim are
generated (flip a sign, swap two names, change a constant or a log base, drop
or duplicate a term, drop a factor such as 1/n, move a Sum's limits by one,
reverse or sharpen the relation, widen a domain). Each mutant's truth is
decided *independently of the checker* by :func:`truth`: a tree-walking
mpmath evaluator written here (derivatives by ``mpmath.diff``, limits by
evaluation next to the point, sums by explicit loops; no SymPy calculus and no
code from :mod:`symloss.check`) at 50 digits, at many domain points, with
every counterexample confirmed at 100 digits. The checker then judges each
mutant, and the report counts, per derivation:

* false mutants **proved** — must be 0: "proved" must mean proved;
* false mutants refuted / unproved / error;
* true mutants (a mutation that happens to keep the claim true), listed apart;
* undecided mutants (nowhere defined, or holding an unsupported node).

Run it with ``python -m symloss.mutation [NAME ...] [--json] [--timeout S]``;
the exit status is 1 when a false mutant was proved, else 0.

>>> from symloss.derivation import Claim
>>> truth(Claim("log(a*b)", "=", "log(a) + log(b)", {"a": "real", "b": "real"})).value
'false'
>>> truth(Claim("log(a*b)", "=", "log(a) + log(b)", {"a": "positive", "b": "positive"})).value
'true'
"""
from __future__ import annotations

import argparse
import itertools
import json
import random
import sys
from dataclasses import dataclass, field, replace
from fractions import Fraction
from typing import Any, Callable, Iterable, Iterator, Mapping, Sequence

import mpmath
import sympy
from sympy import Indexed, IndexedBase, Symbol
from sympy.core.function import AppliedUndef

from symloss.derivation import Claim, Derivation
from symloss.relations import Rel

DIGITS, CONFIRM_DIGITS = 50, 100
TOLERANCE = mpmath.mpf(10) ** -25      # relative: |lhs - rhs| above this is a difference
EQUAL_AT_CONFIRM = mpmath.mpf(10) ** -80  # at 100 digits, a gap below this is an equality
POINTS = 120
MAX_TERMS = 10_000


# ---------------------------------------------------------------------------
# An evaluator of SymPy trees with mpmath, independent of symloss.check
# ---------------------------------------------------------------------------
class Undefined(Exception):
    """The expression has no (finite) value at this point."""


class Unsupported(Exception):
    """The expression holds a node this evaluator does not know."""


class _Family:
    """Values of an indexed family at one point: fixed members, else drawn on demand."""

    def __init__(self, fixed: Mapping[int, Any] | None = None, draw: Callable[[int], Fraction] | None = None):
        self.fixed = dict(fixed or {})
        self.draw = draw

    def get(self, index: int) -> Any:
        if index not in self.fixed:
            if self.draw is None:
                raise Undefined(f"member {index} is outside the family's range")
            self.fixed[index] = self.draw(index)
        return self.fixed[index]


@dataclass
class _Env:
    """Names -> values while evaluating (mutated and restored by binders)."""

    scalars: dict[str, Any]
    families: dict[str, _Family]
    functions: dict[str, Callable[[Any], Any]]


Compiled = Callable[[_Env], Any]


def _number(value: Any) -> Any:
    if isinstance(value, Fraction):
        return mpmath.mpf(value.numerator) / value.denominator
    return value


def _real(value: Any) -> Any:
    if isinstance(value, mpmath.mpc):
        if value.imag != 0:
            raise Undefined("not real")
        return value.real
    return value


def _integer(value: Any) -> int:
    value = _real(value)
    if value != mpmath.floor(value):
        raise Undefined(f"{value} is not an integer")
    return int(value)


def _finite(value: Any) -> Any:
    if not mpmath.isfinite(value):
        raise Undefined("not finite")
    return value


_HUGE = 10**9  # |argument| of exp (or log2 of a power's size) beyond which a value counts as overflowed


def _bounded(fn: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """``fn`` refusing arguments so large that mpmath would spin on them (exp(exp(10**6)))."""
    def run(value: Any) -> Any:
        if abs(mpmath.re(value)) > _HUGE or abs(mpmath.im(value)) > _HUGE:
            raise Undefined("argument too large")
        return fn(value)
    return run


def _power(base: Any, exp: Any) -> Any:
    if base == 0:
        if exp == 0:
            return mpmath.mpf(1)
        if mpmath.re(exp) <= 0:
            raise Undefined("0 to a nonpositive power")
        return mpmath.mpf(0)
    if abs(exp) * max(1, abs(mpmath.mag(base))) > _HUGE:
        raise Undefined("power too large")
    return _finite(mpmath.power(base, exp))


def _log(value: Any) -> Any:
    if value == 0:
        raise Undefined("log 0")
    return mpmath.log(value)


def _divide(a: Any, b: Any) -> Any:
    if b == 0:
        raise Undefined("division by 0")
    return a / b


_UNARY: dict[str, Callable[[Any], Any]] = {
    "exp": _bounded(mpmath.exp), "tanh": _bounded(mpmath.tanh), "sinh": _bounded(mpmath.sinh),
    "cosh": _bounded(mpmath.cosh), "sin": _bounded(mpmath.sin), "cos": _bounded(mpmath.cos), "Abs": abs,
    "sign": lambda v: mpmath.sign(_real(v)), "sigmoid": _bounded(lambda v: 1 / (1 + mpmath.exp(-v))),
    "floor": lambda v: mpmath.floor(_real(v)), "ceiling": lambda v: mpmath.ceil(_real(v)),
}


def compile_tree(expr: sympy.Basic) -> Compiled:
    """A closure evaluating ``expr`` in an environment (at the current mpmath precision).

    Raises:
        Unsupported: for a node with no evaluation rule here.

    >>> from sympy import Symbol, log
    >>> f = compile_tree(log(Symbol("x")) / 2)
    >>> with mpmath.workdps(30):
    ...     print(mpmath.nstr(f(_Env({"x": mpmath.e}, {}, {})), 10))
    0.5
    """
    if isinstance(expr, sympy.Number) or expr in (sympy.pi, sympy.E, sympy.I):
        return _constant(expr)
    if isinstance(expr, Symbol):
        name = expr.name

        def scalar(env: _Env) -> Any:
            try:
                return env.scalars[name]
            except KeyError:
                raise Undefined(f"no value for {name}") from None
        return scalar
    if isinstance(expr, Indexed):
        return _indexed(expr)
    if isinstance(expr, (sympy.Sum, sympy.Product)):
        return _sum(expr)
    if isinstance(expr, sympy.Derivative):
        return _derivative(expr)
    if isinstance(expr, sympy.Subs):
        return _subs(expr)
    if isinstance(expr, sympy.Limit):
        return _limit(expr)
    parts = [compile_tree(a) for a in expr.args]
    if isinstance(expr, sympy.Add):
        return lambda env: mpmath.fsum(part(env) for part in parts)
    if isinstance(expr, sympy.Mul):
        def product(env: Any) -> Any:
            value = mpmath.mpf(1)
            for part in parts:
                value = value * part(env)
            return value
        return product
    if isinstance(expr, sympy.Pow):
        base, exp = parts
        return lambda env: _power(base(env), exp(env))
    if isinstance(expr, sympy.log):
        if len(parts) == 1:
            return lambda env: _log(parts[0](env))
        return lambda env: _divide(_log(parts[0](env)), _log(parts[1](env)))
    if isinstance(expr, (sympy.Max, sympy.Min)):
        pick = max if isinstance(expr, sympy.Max) else min
        return lambda env: pick(_real(part(env)) for part in parts)
    if isinstance(expr, sympy.KroneckerDelta):
        first, second = parts[0], parts[1]
        return lambda env: mpmath.mpf(1 if first(env) == second(env) else 0)
    name = type(expr).__name__
    if isinstance(expr, AppliedUndef):
        return _applied(name, parts)
    if name in _UNARY and len(parts) == 1:
        fn = _UNARY[name]
        return lambda env: fn(parts[0](env))
    raise Unsupported(f"cannot evaluate {name}")


def _constant(expr: sympy.Basic) -> Compiled:
    if expr in (sympy.nan, sympy.zoo, sympy.oo, -sympy.oo):
        def undefined(env: _Env) -> Any:
            raise Undefined(f"{expr} is not a finite number")
        return undefined
    if expr is sympy.pi:
        return lambda env: +mpmath.pi
    if expr is sympy.E:
        return lambda env: mpmath.e
    if expr is sympy.I:
        return lambda env: mpmath.mpc(0, 1)
    if expr.is_Rational:
        value = Fraction(int(expr.p), int(expr.q))
        return lambda env: _number(value)
    text = str(expr)
    return lambda env: mpmath.mpf(text)


def _indexed(expr: Indexed) -> Compiled:
    if len(expr.indices) != 1:
        raise Unsupported("a family with several indices")
    name, index = str(expr.base.label), compile_tree(expr.indices[0])

    def member(env: _Env) -> Any:
        try:
            family = env.families[name]
        except KeyError:
            raise Undefined(f"no values for the family {name}") from None
        return _number(family.get(_integer(index(env))))
    return member


def _applied(name: str, parts: list[Compiled]) -> Compiled:
    def call(env: _Env) -> Any:
        if name in env.functions:
            return env.functions[name](*(part(env) for part in parts))
        if name in _UNARY and len(parts) == 1:
            return _UNARY[name](parts[0](env))
        raise Undefined(f"no test function for {name}")
    return call


def _sum(expr: sympy.Basic) -> Compiled:
    body = compile_tree(expr.function)
    limits = [(str(i), compile_tree(lo), compile_tree(hi)) for i, lo, hi in expr.limits]
    is_sum = isinstance(expr, sympy.Sum)

    def loop(env: _Env, level: int) -> Any:
        if level == len(limits):
            return body(env)
        name, lo_fn, hi_fn = limits[level]
        lo, hi = _integer(lo_fn(env)), _integer(hi_fn(env))
        invert = hi < lo - 1  # Karr's convention: a reversed range counts negatively
        first, last = (hi + 1, lo - 1) if invert else (lo, hi)
        if last - first + 1 > MAX_TERMS:
            raise Undefined("too many terms")
        saved = env.scalars.get(name)
        terms = []
        try:
            for k in range(first, last + 1):
                env.scalars[name] = mpmath.mpf(k)
                terms.append(loop(env, level + 1))
        finally:
            if saved is None:
                env.scalars.pop(name, None)
            else:
                env.scalars[name] = saved
        if is_sum:
            total = mpmath.fsum(terms)
            return -total if invert else total
        value = mpmath.mpf(1)
        for term in terms:
            value *= term
        return _divide(1, value) if invert else value
    return lambda env: loop(env, 0)


def _bind(env: _Env, name: str, value: Any, fn: Compiled) -> Any:
    saved = env.scalars.get(name)
    env.scalars[name] = value
    try:
        return fn(env)
    finally:
        if saved is None:
            env.scalars.pop(name, None)
        else:
            env.scalars[name] = saved


def _derivative(expr: sympy.Derivative) -> Compiled:
    inner = compile_tree(expr.expr)
    for variable, count in reversed(expr.variable_count):
        if not isinstance(variable, Symbol):
            raise Unsupported("a derivative in something other than a symbol")
        inner = _differentiated(inner, variable.name, int(count))
    return inner


def _differentiated(fn: Compiled, name: str, order: int) -> Compiled:
    """The ``order``-th derivative in ``name``, by ``mpmath.diff`` (central differences).

    A first derivative counts only where the one-sided difference quotients next to the point
    (not at it: ``0·log x`` at x = 0 is 0 on both sides) agree with it; a kink (``|x|`` at 0)
    or a singularity (``log(1 − x)`` at 1) is undefined.
    """
    def derivative(env: _Env) -> Any:
        if name not in env.scalars:
            raise Undefined(f"no value for {name}")
        at = env.scalars[name]

        def f(t: Any) -> Any:
            return _bind(env, name, t, fn)
        central = mpmath.diff(f, at, order)
        if order == 1:
            digits = mpmath.mp.dps
            with mpmath.workdps(2 * digits):
                h = mpmath.mpf(10) ** -(digits // 2)
                right = (f(at + 2 * h) - f(at + h)) / h
                left = (f(at - h) - f(at - 2 * h)) / h
            tolerance = mpmath.mpf(10) ** -(digits // 5) * max(1, abs(central))
            if abs(right - central) > tolerance or abs(left - central) > tolerance:
                raise Undefined(f"not differentiable in {name} here")
        return central
    return derivative


def _subs(expr: sympy.Subs) -> Compiled:
    inner = compile_tree(expr.expr)
    values = [compile_tree(v) if not isinstance(v, IndexedBase) else v for v in expr.point]
    variables = list(expr.variables)

    def substituted(env: _Env) -> Any:
        scalars, families = dict(env.scalars), dict(env.families)
        overrides: dict[str, dict[int, Any]] = {}
        for variable, value in zip(variables, values):
            if isinstance(variable, IndexedBase):
                if not isinstance(value, IndexedBase) or str(value.label) not in env.families:
                    raise Undefined("a family replaced by something other than a family")
                families[str(variable.label)] = env.families[str(value.label)]
            elif isinstance(variable, Indexed):
                key = str(variable.base.label)
                index = _integer(compile_tree(variable.indices[0])(env))
                overrides.setdefault(key, {})[index] = value(env)
            elif isinstance(variable, Symbol):
                scalars[variable.name] = value(env)
            else:
                raise Unsupported("a substitution for something other than a name")
        for key, members in overrides.items():
            base = families.get(key)
            families[key] = _Family({**(base.fixed if base else {}), **members}, base.draw if base else None)
        return inner(_Env(scalars, families, env.functions))
    return substituted


def _limit(expr: sympy.Limit) -> Compiled:
    inner = compile_tree(expr.args[0])
    name, target = expr.args[1].name, expr.args[2]
    direction = str(expr.args[3])
    at = None if target in (sympy.oo, -sympy.oo) else compile_tree(target)
    sign = 1 if target == sympy.oo else -1

    def limit(env: _Env) -> Any:
        digits = mpmath.mp.dps
        with mpmath.workdps(digits * 3):
            values = []
            for exponent in (digits, int(digits * 1.25)):
                step = mpmath.mpf(10) ** -exponent
                if at is None:
                    candidates = [sign / step]
                else:
                    center = at(env)
                    candidates = {"+": [center + step], "-": [center - step]}.get(
                        direction, [center + step, center - step])
                values.extend(_bind(env, name, c, inner) for c in candidates)
            first = values[0]
            scale = max(mpmath.mpf(1), abs(first))
            if any(abs(v - first) > scale * mpmath.mpf(10) ** -int(digits * 0.6) for v in values):
                raise Undefined("the limit does not settle")
            return +values[-1]
    return limit


# ---------------------------------------------------------------------------
# Domain points (own sampler: readable values, edges, diagonal points, random)
# ---------------------------------------------------------------------------
def _fractions(*texts: str) -> tuple[Fraction, ...]:
    return tuple(Fraction(t) for t in texts)


_EDGE = Fraction(1, 10**8)
_SIMPLE: dict[str, tuple[Fraction, ...]] = {
    "probability": _fractions("1/2", "1/3", "2/3", "1/10", "9/10", "1/4", "3/4", "7/10", "3/10",
                              "1/7", "1/100", "99/100") + (_EDGE, 1 - _EDGE),
    "unit": _fractions("0", "1", "1/2", "1/3", "9/10", "1/100") + (_EDGE, 1 - _EDGE),
    "label": _fractions("0", "1"),
    "positive": _fractions("1", "2", "1/2", "3", "1/3", "10", "1/10", "7/3", "100", "1/1000",
                           "1000000", "5/4") + (_EDGE,),
    "nonnegative": _fractions("0", "1", "2", "1/2", "10", "1/10", "1000"),
    "real": _fractions("0", "1", "-1", "2", "-2", "1/2", "-1/2", "3", "-7/3", "10", "-10",
                       "1/10", "-1/10", "100", "-100"),
    "integer": _fractions("0", "1", "-1", "2", "-2", "3", "-5", "7"),
    "posint": _fractions("1", "2", "3", "4", "5", "7"),
}
_SIMPLE["simplex"] = _SIMPLE["probability"]


def _random_value(dom: str, rng: random.Random) -> Fraction:
    if dom in ("probability", "simplex", "unit"):
        if rng.random() < 0.15:
            tiny = Fraction(1, 10 ** rng.randint(3, 12))
            return tiny if rng.random() < 0.5 else 1 - tiny
        return Fraction(rng.randint(1, 10**6 - 1), 10**6)
    if dom == "label":
        return Fraction(rng.randint(0, 1))
    if dom in ("integer", "posint"):
        low = 1 if dom == "posint" else -12
        return Fraction(rng.randint(low, 12))
    magnitude = Fraction(rng.randint(1, 10**5), 10 ** rng.randint(0, 6))
    if dom in ("positive", "nonnegative"):
        return magnitude
    return magnitude if rng.random() < 0.5 else -magnitude


def _simplex_vector(size: int, k: int, rng: random.Random) -> list[Fraction]:
    if size <= 1:
        return [Fraction(1)] * size
    kind = k % 5
    if kind == 0:
        return [Fraction(1, size)] * size
    if kind == 1:
        return [1 - _EDGE * (size - 1)] + [_EDGE] * (size - 1)
    if kind == 2:
        return [Fraction(1, 2)] + [Fraction(1, 2 * (size - 1))] * (size - 1)
    weights = [Fraction(rng.randint(1, 1000)) for _ in range(size)]
    rng.shuffle(weights)
    total = sum(weights)
    return [w / total for w in weights]


@dataclass
class Shape:
    """The names of a claim, by role (found here, not by the checker)."""

    scalars: dict[str, str] = field(default_factory=dict)    # name -> domain
    lengths: dict[str, str] = field(default_factory=dict)    # Sum limits -> domain
    families: dict[str, str] = field(default_factory=dict)   # name -> domain
    functions: set[str] = field(default_factory=set)
    sums: list[sympy.Basic] = field(default_factory=list)
    literals: dict[str, set[int]] = field(default_factory=dict)


def shape_of(sides: Sequence[sympy.Basic], assume: Mapping[str, str]) -> Shape:
    """Classify the names of some expressions: scalars, sum lengths, families, functions."""
    shape = Shape()
    labels, bound, limit_names, free = set(), set(), set(), set()
    for side in sides:
        for node in sympy.preorder_traversal(side):
            if isinstance(node, IndexedBase):
                labels.add(str(node.label))
            elif isinstance(node, Indexed):
                labels.add(str(node.base.label))
                if len(node.indices) == 1 and node.indices[0].is_Integer:
                    shape.literals.setdefault(str(node.base.label), set()).add(int(node.indices[0]))
            elif isinstance(node, (sympy.Sum, sympy.Product)):
                shape.sums.append(node)
                for index, lo, hi in node.limits:
                    bound.add(str(index))
                    limit_names |= {str(s) for s in (lo.free_symbols | hi.free_symbols)}
            elif isinstance(node, AppliedUndef):
                shape.functions.add(type(node).__name__)
        free |= {s.name for s in side.free_symbols if isinstance(s, Symbol)}
    limit_names -= bound
    for name in sorted(labels):
        shape.families[name] = assume.get(name, "real")
    for name in sorted(limit_names):
        shape.lengths[name] = assume.get(name, "posint")
    for name in sorted(free - labels - limit_names - bound):
        dom = assume.get(name, "real")
        shape.scalars[name] = "probability" if dom == "simplex" else dom
    for name in sorted(free & bound - labels - limit_names):  # a free use of an index name
        shape.scalars.setdefault(name, assume.get(name, "real"))
    return shape


def _length_values(dom: str) -> list[int]:
    return list(range(-1, 7)) if dom in ("integer", "real") else list(range(1, 7))


def _length_assignments(shape: Shape) -> list[dict[str, int]]:
    names = list(shape.lengths)
    if not names:
        return [{}]
    combos = list(itertools.product(*(_length_values(shape.lengths[n]) for n in names)))
    random.Random(len(combos)).shuffle(combos)
    combos.sort(key=lambda c: max(abs(v) for v in c) > 3)  # short sums first
    return [dict(zip(names, c)) for c in combos]


def _support(shape: Shape, family: str, lengths: Mapping[str, int]) -> list[int]:
    """Indices of a simplex family: the ranges of its sums at these lengths, and literal indices."""
    indices = set(shape.literals.get(family, set()))
    env = _Env({k: mpmath.mpf(v) for k, v in lengths.items()}, {}, {})
    for node in shape.sums:
        if not any(str(b.label) == family for b in node.function.atoms(IndexedBase)):
            continue
        for _, lo, hi in node.limits:
            try:
                with mpmath.workdps(DIGITS):
                    a, b = _integer(compile_tree(lo)(env)), _integer(compile_tree(hi)(env))
            except (Undefined, Unsupported):
                continue
            indices |= set(range(a, b + 1)) if b >= a else set(range(b + 1, a))
    return sorted(indices)


_TEST_FUNCTIONS: tuple[Callable[[Any], Any], ...] = (
    lambda t: t ** 3 - 2 * t + 1,
    lambda t: mpmath.exp(t / 3),
    lambda t: mpmath.log(1 + t ** 2),
    lambda t: mpmath.sin(2 * t) + t,
    lambda t: 1 / (2 + t ** 2),
)


@dataclass
class Point:
    """Values for the names of a claim (exact rationals; families as member maps)."""

    lengths: dict[str, int]
    scalars: dict[str, Fraction]
    families: dict[str, _Family]
    function: int

    def env(self) -> _Env:
        """An environment at the current precision."""
        scalars = {k: mpmath.mpf(v) for k, v in self.lengths.items()}
        scalars.update({k: _number(v) for k, v in self.scalars.items()})
        test = _TEST_FUNCTIONS[self.function % len(_TEST_FUNCTIONS)]
        return _Env(scalars, dict(self.families), _FunctionTable(test))

    def readable(self) -> dict[str, Any]:
        """name -> value as text (a family as {index: value} of the members used)."""
        shown: dict[str, Any] = {k: str(v) for k, v in self.lengths.items()}
        shown.update({k: str(v) for k, v in self.scalars.items()})
        for name, family in self.families.items():
            shown[name] = {i: str(v) for i, v in sorted(family.fixed.items())}
        return shown


class _FunctionTable(dict):
    """Every undefined function is the point's test function."""

    def __init__(self, test: Callable[[Any], Any]) -> None:
        super().__init__()
        self.test = test

    def __contains__(self, name: object) -> bool:
        return True

    def __getitem__(self, name: str) -> Callable[[Any], Any]:
        return self.test


def sample_points(shape: Shape, count: int = POINTS, seed: int = 8) -> Iterator[Point]:
    """Domain points: readable values first, diagonal points (equal names), then random ones."""
    rng = random.Random(seed)
    assignments = _length_assignments(shape)
    for k in range(count):
        lengths = assignments[k % len(assignments)]
        diagonal = k % 4 == 3
        shared: dict[str, Fraction] = {}
        scalars = {}
        for j, (name, dom) in enumerate(shape.scalars.items()):
            simple = _SIMPLE.get(dom, _SIMPLE["real"])
            if diagonal and dom in shared:
                scalars[name] = shared[dom]
                continue
            if k < 2 * len(simple):
                value = simple[(k * (2 * j + 1) + j) % len(simple)]
            else:
                value = _random_value(dom, rng)
            scalars[name] = shared.setdefault(dom, value)
        families = {}
        vectors: dict[tuple[str, int], list[Fraction]] = {}
        for name, dom in shape.families.items():
            if dom == "simplex":
                support = _support(shape, name, lengths)
                key = ("simplex", len(support))
                if not diagonal or key not in vectors:
                    vectors[key] = _simplex_vector(len(support), k, rng)
                families[name] = _Family(dict(zip(support, vectors[key])))
            else:
                owner = dom if diagonal else name
                salt = f"{seed}|{k}|{owner}"
                families[name] = _Family(draw=_drawer(dom, salt, k))
        yield Point(dict(lengths), scalars, families, k)


def _drawer(dom: str, salt: str, k: int) -> Callable[[int], Fraction]:
    simple = _SIMPLE.get(dom, _SIMPLE["real"])

    def draw(index: int) -> Fraction:
        if k < len(simple):
            return simple[(k + 3 * index) % len(simple)]
        return _random_value(dom, random.Random(f"{salt}|{index}"))
    return draw


# ---------------------------------------------------------------------------
# Truth of a claim
# ---------------------------------------------------------------------------
@dataclass(frozen=True)
class Truth:
    """What the oracle decided.

    Attributes:
        value: ``"false"`` (a confirmed counterexample), ``"true"`` (none at any
            defined point tried), or ``"undecided"`` (no defined point, or an
            unsupported node).
        witness: the counterexample, readable.
        defined: how many points had both sides defined.
        note: why undecided, or what the witness shows.
    """

    value: str
    witness: Mapping[str, Any] | None = None
    defined: int = 0
    note: str = ""


def _evaluate(fn: Compiled, point: Point, digits: int) -> Any:
    with mpmath.workdps(digits):
        try:
            value = fn(point.env())
            value = _finite(+value)
        except (Undefined, ZeroDivisionError, OverflowError, ValueError, TypeError):
            return None
        if isinstance(value, mpmath.mpc) and value.imag == 0:
            value = value.real
        return value


def _violates(rel: Rel, left: Any, right: Any, digits: int) -> bool | None:
    """Whether ``left rel right`` fails (None: not comparable, e.g. not real)."""
    with mpmath.workdps(digits):
        scale = max(mpmath.mpf(1), abs(left), abs(right))
        if rel is Rel.EQ:
            return abs(left - right) > TOLERANCE * scale
        if isinstance(left, mpmath.mpc) or isinstance(right, mpmath.mpc):
            if abs(mpmath.im(left)) > TOLERANCE * scale or abs(mpmath.im(right)) > TOLERANCE * scale:
                return None
            left, right = mpmath.re(left), mpmath.re(right)
        gap = left - right
        if rel.is_strict and digits >= CONFIRM_DIGITS and abs(gap) <= EQUAL_AT_CONFIRM * scale:
            return True  # an equality breaks a strict relation
        if rel is Rel.LE:
            return gap > TOLERANCE * scale
        if rel is Rel.GE:
            return -gap > TOLERANCE * scale
        if rel is Rel.LT:
            return gap > -TOLERANCE * scale
        return -gap > -TOLERANCE * scale


def _compile_sides(claim: Claim) -> tuple[Compiled, Compiled] | str:
    try:
        return compile_tree(claim.lhs), compile_tree(claim.rhs)
    except Unsupported as exc:
        return str(exc)


def truth(claim: Claim, count: int = POINTS) -> Truth:
    """Decide ``claim`` numerically, at ``count`` points of its domains, without the checker.

    An order claim skips points where a side is not real; every violation
    found at 50 digits must hold again at 100 digits (a strict relation
    broken by an equality: equal to 80 digits at 100).
    """
    if claim.rel.is_argmin:
        return _argmin_truth(claim, count)
    sides = _compile_sides(claim)
    if isinstance(sides, str):
        return Truth("undecided", note=sides)
    shape = shape_of((claim.lhs, claim.rhs), claim.assume)
    defined = 0
    for point in sample_points(shape, count):
        left, right = (_evaluate(f, point, DIGITS) for f in sides)
        if left is None or right is None:
            continue
        verdict = _violates(claim.rel, left, right, DIGITS)
        if verdict is None:
            continue
        defined += 1
        near = claim.rel.is_strict and verdict is False and _near(left, right)
        if not verdict and not near:
            continue
        left2, right2 = (_evaluate(f, point, CONFIRM_DIGITS) for f in sides)
        if left2 is None or right2 is None or not _violates(claim.rel, left2, right2, CONFIRM_DIGITS):
            continue
        return Truth("false", point.readable(), defined,
                     f"lhs = {mpmath.nstr(left2, 12)}, rhs = {mpmath.nstr(right2, 12)}")
    if not defined:
        return Truth("undecided", defined=0, note="no point where both sides are defined")
    return Truth("true", defined=defined)


def _near(left: Any, right: Any) -> bool:
    with mpmath.workdps(DIGITS):
        scale = max(mpmath.mpf(1), abs(left), abs(right))
        return abs(left - right) <= TOLERANCE * scale


def _argmin_truth(claim: Claim, count: int) -> Truth:
    """``same-argmin[V]``: rhs a strictly increasing function of lhs in V, others fixed.

    At each of ``count // 8`` points, 8 values of the variables V are drawn
    and the (lhs, rhs) pairs compared: a pair ordered one way by lhs and
    another way by rhs (equal counting as an order) is a counterexample
    (``argmax-argmin``: strictly decreasing). Comparisons are relative
    (1e-20), and a pair counts only if it is discordant at 50 and at 100
    digits with all four values agreeing between the two precisions.
    """
    sides = _compile_sides(claim)
    if isinstance(sides, str):
        return Truth("undecided", note=sides)
    shape = shape_of((claim.lhs, claim.rhs), claim.assume)
    over = set(claim.over)
    sign = -1 if claim.rel is Rel.ARGMAX_ARGMIN else 1
    defined = 0
    for base in sample_points(shape, max(4, count // 8)):
        variants = []
        for draw in sample_points(shape, 8, seed=1000 + base.function):
            point = replace(base, scalars={**base.scalars, **{n: v for n, v in draw.scalars.items() if n in over}},
                            families={**base.families, **{n: f for n, f in draw.families.items() if n in over}})
            values = [_evaluate(f, point, DIGITS) for f in sides]
            if None in values or any(isinstance(v, mpmath.mpc) for v in values):
                continue
            variants.append((point, values))
        defined += len(variants)
        for (p1, v1), (p2, v2) in itertools.combinations(variants, 2):
            if not _discordant(v1, v2, sign):
                continue
            c1 = [_evaluate(f, p1, CONFIRM_DIGITS) for f in sides]
            c2 = [_evaluate(f, p2, CONFIRM_DIGITS) for f in sides]
            if None in c1 + c2 or any(isinstance(v, mpmath.mpc) for v in c1 + c2):
                continue
            stable = all(_compare(a, b) == 0 for a, b in zip(v1 + v2, c1 + c2))
            if stable and _discordant(c1, c2, sign):
                return Truth("false", {"first": p1.readable(), "second": p2.readable()}, defined,
                             f"lhs {mpmath.nstr(c1[0], 8)} vs {mpmath.nstr(c2[0], 8)}, "
                             f"rhs {mpmath.nstr(c1[1], 8)} vs {mpmath.nstr(c2[1], 8)}")
    if not defined:
        return Truth("undecided", note="no point where both sides are defined and real")
    return Truth("true", defined=defined)


_RELATIVE = mpmath.mpf(10) ** -20


def _compare(a: Any, b: Any) -> int:
    """-1, 0 or 1: the order of two reals, equal when within 1e-20 of the larger."""
    with mpmath.workdps(CONFIRM_DIGITS):
        if abs(a - b) <= _RELATIVE * max(abs(a), abs(b)):
            return 0
        return -1 if a < b else 1


def _discordant(first: Sequence[Any], second: Sequence[Any], sign: int) -> bool:
    """Whether two (lhs, rhs) pairs are ordered differently by lhs and by ``sign``·rhs."""
    return _compare(first[0], second[0]) != sign * _compare(first[1], second[1])


# ---------------------------------------------------------------------------
# Mutants
# ---------------------------------------------------------------------------
OPERATORS = ("flip-sign", "swap-names", "swap-args", "constant", "log-base", "drop-term",
             "duplicate-term", "drop-factor", "sum-limits", "reverse", "strict", "widen-domain")

WIDER: dict[str, tuple[str, ...]] = {
    "probability": ("real", "positive", "unit"),
    "unit": ("real",),
    "label": ("unit", "real"),
    "simplex": ("positive", "probability"),
    "positive": ("real",),
    "nonnegative": ("real",),
    "posint": ("integer",),
}

_REVERSED = {Rel.LE: Rel.GE, Rel.GE: Rel.LE, Rel.LT: Rel.GT, Rel.GT: Rel.LT,
             Rel.SAME_ARGMIN: Rel.ARGMAX_ARGMIN, Rel.ARGMAX_ARGMIN: Rel.SAME_ARGMIN}
_SHARPER = {Rel.LE: (Rel.LT,), Rel.GE: (Rel.GT,), Rel.EQ: (Rel.LT, Rel.GT)}


@dataclass(frozen=True)
class Mutant:
    """A mutated step: which derivation and step (1-based), how, and the claim."""

    derivation: str
    step: int
    operator: str
    change: str
    claim: Claim


Path = tuple[int, ...]


def _value_args(expr: sympy.Basic) -> Sequence[int]:
    """Which arguments hold values a mutation may touch (not indices, variables or limits)."""
    if isinstance(expr, (Symbol, Indexed, IndexedBase, sympy.Number, sympy.KroneckerDelta)) or not expr.args:
        return ()
    if isinstance(expr, (sympy.Sum, sympy.Product, sympy.Derivative, sympy.Limit)):
        return (0,)
    if isinstance(expr, sympy.Subs):
        return (0, 2)
    return range(len(expr.args))


def positions(expr: sympy.Basic, path: Path = ()) -> Iterator[tuple[Path, sympy.Basic]]:
    """Every mutable node of ``expr`` with its path, root first (depth first).

    >>> from sympy import Symbol
    >>> [str(node) for _, node in positions(Symbol("x") + 1)]
    ['x + 1', '1', 'x']
    """
    yield path, expr
    for i in _value_args(expr):
        yield from positions(expr.args[i], path + (i,))


def replace_at(expr: sympy.Basic, path: Path, new: sympy.Basic) -> sympy.Basic:
    """``expr`` with the node at ``path`` replaced by ``new`` (rebuilt, so evaluated)."""
    if not path:
        return new
    args = list(expr.args)
    args[path[0]] = replace_at(args[path[0]], path[1:], new)
    return expr.func(*args)


def _parent(expr: sympy.Basic, path: Path) -> sympy.Basic | None:
    node = expr
    for i in path[:-1]:
        node = node.args[i]
    return node if path else None


Edit = tuple[str, str, sympy.Basic]  # (operator, change, new side)


def _side_edits(side: sympy.Basic) -> Iterator[Edit]:
    two = sympy.Integer(2)
    for path, node in positions(side):
        parent = _parent(side, path)
        shown = sympy.sstr(node)
        if not path or isinstance(parent, sympy.Add):
            yield "flip-sign", f"{shown} -> -({shown})", replace_at(side, path, -node)
        if isinstance(node, sympy.Number) and not isinstance(parent, sympy.log):
            if isinstance(parent, sympy.Mul) and node == -1:
                continue
            for new in dict.fromkeys((node + 1, node * 2)):
                if new != node:
                    yield "constant", f"{shown} -> {new}", replace_at(side, path, new)
        if isinstance(node, sympy.log):
            arg = node.args[0]
            if arg.is_Integer and arg >= 2:
                yield "log-base", f"log base {arg} -> {arg + 1}", replace_at(side, path, sympy.log(arg + 1))
                yield "log-base", f"log base {arg} -> e", replace_at(side, path, sympy.Integer(1))
            elif not arg.is_number and len(node.args) == 1:
                yield "log-base", f"ln -> log2 in {shown}", replace_at(side, path, node / sympy.log(two))
        if isinstance(node, sympy.Add):
            for j, term in enumerate(node.args):
                rest = node.args[:j] + node.args[j + 1:]
                yield "drop-term", f"drop {sympy.sstr(term)}", replace_at(side, path, sympy.Add(*rest))
                yield "duplicate-term", f"twice {sympy.sstr(term)}", replace_at(side, path, sympy.Add(*node.args, term))
        elif not path and node != 0:
            yield "duplicate-term", "the side twice", 2 * node
        if isinstance(node, sympy.Mul):
            for j, factor in enumerate(node.args):
                if factor != -1:
                    rest = node.args[:j] + node.args[j + 1:]
                    yield "drop-factor", f"drop the factor {sympy.sstr(factor)}", replace_at(side, path, sympy.Mul(*rest))
        if isinstance(node, sympy.Pow) and not node.exp.is_number:
            yield "swap-args", f"{shown} -> base and exponent swapped", replace_at(side, path, sympy.Pow(node.exp, node.base))
        if isinstance(node, sympy.Limit):
            flipped = {"+": "-", "-": "+"}.get(str(node.args[3]))
            if flipped:
                yield "swap-args", f"limit from {node.args[3]} -> {flipped}", replace_at(
                    side, path, sympy.Limit(*node.args[:3], dir=flipped))
        if isinstance(node, (sympy.Sum, sympy.Product)) and len(node.limits) == 1:
            index, lo, hi = node.limits[0]
            for text, limits in (("upper + 1", (index, lo, hi + 1)), ("upper - 1", (index, lo, hi - 1)),
                                 ("lower + 1", (index, lo + 1, hi))):
                yield "sum-limits", f"{type(node).__name__} {text}", replace_at(side, path, node.func(node.function, limits))
    yield from _swaps(side)


def _swaps(side: sympy.Basic) -> Iterator[Edit]:
    families = sorted(side.atoms(IndexedBase), key=str)
    labels = {b.label for b in families}
    bound = {lim[0] for node in sympy.preorder_traversal(side) if isinstance(node, (sympy.Sum, sympy.Product))
             for lim in node.limits}
    plain = sorted((s for s in side.free_symbols if isinstance(s, Symbol) and s not in labels and s not in bound),
                   key=str)
    for group in (families, plain):
        for a, b in itertools.combinations(group, 2):
            yield "swap-names", f"{a} <-> {b}", side.xreplace({a: b, b: a})


def _claim_edits(claim: Claim) -> Iterator[tuple[str, str, Claim]]:
    for label, side in (("rhs", claim.rhs), ("lhs", claim.lhs)):
        for operator, change, new in _side_edits(side):
            if new == side:
                continue
            parts = {"lhs": claim.lhs, "rhs": claim.rhs, label: new}
            yield operator, f"{label}: {change}", _claim(claim, lhs=parts["lhs"], rhs=parts["rhs"])
    if claim.rel in _REVERSED:
        new_rel = _REVERSED[claim.rel]
        yield "reverse", f"{claim.rel.value} -> {new_rel.value}", _claim(claim, rel=new_rel)
    for sharper in _SHARPER.get(claim.rel, ()):
        yield "strict", f"{claim.rel.value} -> {sharper.value}", _claim(claim, rel=sharper)
    used = {str(b.label) for side in (claim.lhs, claim.rhs) for b in side.atoms(IndexedBase)}
    used |= {str(s) for side in (claim.lhs, claim.rhs) for s in side.free_symbols}
    for name, dom in claim.assume.items():
        if name in used:
            for wider in WIDER.get(dom, ()):
                yield "widen-domain", f"{name}: {dom} -> {wider}", _claim(claim, assume={**claim.assume, name: wider})


def _claim(claim: Claim, **changes: Any) -> Claim:
    fields = {"lhs": claim.lhs, "rel": claim.rel, "rhs": claim.rhs, "assume": claim.assume, "over": claim.over}
    fields.update(changes)
    return Claim(fields["lhs"], fields["rel"], fields["rhs"], fields["assume"], fields["over"])


def _key(claim: Claim) -> tuple:
    return (sympy.srepr(claim.lhs), claim.rel, sympy.srepr(claim.rhs), tuple(sorted(claim.assume.items())),
            claim.over)


def mutants_of_claim(claim: Claim, derivation: str = "", step: int = 0,
                     limit: int | None = None) -> list[Mutant]:
    """The distinct mutants of one claim; at most ``limit``, picked round-robin over operators.

    >>> from symloss.derivation import Claim
    >>> ms = mutants_of_claim(Claim("-log(p, 2)", ">=", "0", {"p": "probability"}))
    >>> sorted({m.operator for m in ms})  # doctest: +NORMALIZE_WHITESPACE
    ['constant', 'drop-factor', 'duplicate-term', 'flip-sign', 'log-base', 'reverse', 'strict',
     'widen-domain']
    >>> len(mutants_of_claim(Claim("-log(p, 2)", ">=", "0", {"p": "probability"}), limit=3))
    3
    """
    seen = {_key(claim)}
    by_operator: dict[str, list[Mutant]] = {op: [] for op in OPERATORS}
    edits = _claim_edits(claim)
    while True:
        try:
            operator, change, mutated = next(edits)
        except StopIteration:
            break
        except Exception:  # noqa: BLE001 - a mutation SymPy cannot build is skipped
            continue
        key = _key(mutated)
        if key in seen:
            continue
        seen.add(key)
        by_operator[operator].append(Mutant(derivation, step, operator, change, mutated))
    picked: list[Mutant] = []
    queues = [q for q in by_operator.values() if q]
    for round_ in itertools.count():
        if not queues or (limit is not None and len(picked) >= limit):
            break
        queues = [q for q in queues if len(q) > round_]
        for queue in queues:
            if limit is not None and len(picked) >= limit:
                break
            picked.append(queue[round_])
    return picked


def mutants(derivation: Derivation, limit_per_step: int | None = None) -> list[Mutant]:
    """The mutants of every step of a derivation."""
    out = []
    for index, claim in enumerate(derivation.claims()):
        out.extend(mutants_of_claim(claim, derivation.name, index + 1, limit_per_step))
    return out


# ---------------------------------------------------------------------------
# Running the checker on the mutants, and the report
# ---------------------------------------------------------------------------
CATEGORIES = ("proved-false", "refuted", "unproved", "error", "true", "undecided")


@dataclass(frozen=True)
class Outcome:
    """A mutant, what the oracle says about it, and the checker's verdict."""

    mutant: Mutant
    truth: Truth
    verdict: Any  # symloss.check.verdict.Verdict

    @property
    def category(self) -> str:
        """``proved-false`` (a soundness bug), ``refuted``/``unproved``/``error`` (a false
        mutant), ``true`` or ``undecided``."""
        if self.truth.value == "true":
            return "true"
        if self.truth.value == "undecided":
            return "undecided"
        status = self.verdict.status.value
        return "proved-false" if status == "proved" else status

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready: where, how, the mutated claim, the oracle and the verdict."""
        m = self.mutant
        return {"derivation": m.derivation, "step": m.step, "operator": m.operator, "change": m.change,
                "claim": str(m.claim), "assume": dict(m.claim.assume), "category": self.category,
                "truth": self.truth.value, "witness": _jsonable(self.truth.witness), "note": self.truth.note,
                **{k: v for k, v in self.verdict.as_dict().items()}}


def _jsonable(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {str(k): _jsonable(v) for k, v in value.items()}
    return value


def _witness_from_checker(claim: Claim, counterexample: Mapping[str, Any] | None) -> Truth | None:
    """The checker's counterexample, re-evaluated here (for a mutant the oracle thought true)."""
    if not counterexample:
        return None
    shape = shape_of((claim.lhs, claim.rhs), claim.assume)
    try:
        lengths = {n: int(Fraction(str(counterexample[n]))) for n in shape.lengths}
        scalars = {n: Fraction(str(counterexample[n])) for n in shape.scalars if n in counterexample}
        families = {}
        for name in shape.families:
            values = counterexample.get(name)
            if values is None:
                continue
            support = _support(shape, name, lengths)
            if len(support) != len(values):
                return None
            families[name] = _Family(dict(zip(support, (Fraction(str(v)) for v in values))))
    except (KeyError, ValueError, ZeroDivisionError):
        return None
    point = Point(lengths, scalars, families, 0)
    sides = _compile_sides(claim)
    if isinstance(sides, str) or claim.rel.is_argmin:
        return None
    values = [_evaluate(f, point, CONFIRM_DIGITS) for f in sides]
    if None in values or not _violates(claim.rel, values[0], values[1], CONFIRM_DIGITS):
        return None
    return Truth("false", point.readable(), 1, "the checker's counterexample, confirmed at 100 digits")


@dataclass(frozen=True)
class MutationReport:
    """Every outcome, with per-derivation counts and a table."""

    outcomes: tuple[Outcome, ...]
    steps: Mapping[str, int] = field(default_factory=dict)

    def counts(self, derivation: str | None = None) -> dict[str, int]:
        """mutants, false, and one count per category (for one derivation, or all)."""
        chosen = [o for o in self.outcomes if derivation is None or o.mutant.derivation == derivation]
        counts = {"mutants": len(chosen)}
        counts.update({c: sum(o.category == c for o in chosen) for c in CATEGORIES})
        counts["false"] = counts["proved-false"] + counts["refuted"] + counts["unproved"] + counts["error"]
        return counts

    @property
    def proved_false(self) -> list[Outcome]:
        """False mutants the checker proved: soundness bugs."""
        return [o for o in self.outcomes if o.category == "proved-false"]

    def table(self) -> str:
        """One row per derivation, then the totals and the shares of the false mutants."""
        columns = ("steps", "mutants", "false", "refuted", "unproved", "error", "proved-false", "true", "undecided")
        names = list(dict.fromkeys(o.mutant.derivation for o in self.outcomes))
        width = max([len("derivation"), len("total")] + [len(n) for n in names])
        lines = [f"{'derivation':<{width}}  " + "  ".join(f"{c:>{max(len(c), 5)}}" for c in columns)]

        def row(label: str, counts: Mapping[str, int]) -> str:
            return f"{label:<{width}}  " + "  ".join(f"{counts.get(c, 0):>{max(len(c), 5)}}" for c in columns)

        for name in names:
            lines.append(row(name, {"steps": self.steps.get(name, 0), **self.counts(name)}))
        totals = {"steps": sum(self.steps.get(n, 0) for n in names), **self.counts()}
        lines.append("-" * len(lines[0]))
        lines.append(row("total", totals))
        false = max(totals["false"], 1)
        lines.append(f"false mutants: {totals['refuted'] / false:.1%} refuted, "
                     f"{totals['unproved'] / false:.1%} unproved, {totals['error'] / false:.1%} error, "
                     f"{totals['proved-false']} proved (must be 0)")
        return "\n".join(lines)

    def listing(self, category: str) -> str:
        """One line per outcome of a category (``true``, ``proved-false``, ...)."""
        lines = []
        for o in self.outcomes:
            if o.category == category:
                m = o.mutant
                lines.append(f"  {m.derivation} step {m.step} [{m.operator}] {m.change}: {m.claim}"
                             f"  {dict(m.claim.assume)} -> {o.verdict.describe()}")
        return "\n".join(lines)

    def as_json(self) -> dict[str, Any]:
        """The counts and every outcome."""
        names = list(dict.fromkeys(o.mutant.derivation for o in self.outcomes))
        return {"derivations": [{"name": n, "steps": self.steps.get(n, 0), **self.counts(n)} for n in names],
                "totals": self.counts(), "outcomes": [o.as_dict() for o in self.outcomes]}


def run_mutation(derivations: Iterable[Derivation], timeout: float = 5.0, jobs: int = 2,
                 limit_per_step: int | None = None, points: int = POINTS,
                 progress: Callable[[str], None] | None = None) -> MutationReport:
    """Generate the mutants, decide their truth here, and have the checker judge them.

    The checker runs in its worker processes (``check_claims(..., jobs=jobs)``)
    while this process computes the oracle's answers.
    """
    import threading

    import symloss.check.claims  # noqa: F401 - imported before workers fork
    from symloss.check.engine import check_claims

    derivations = list(derivations)
    steps = {d.name: len(d.steps) for d in derivations}
    all_mutants = [m for d in derivations for m in mutants(d, limit_per_step)]
    if progress:
        progress(f"{len(all_mutants)} mutants of {sum(steps.values())} steps")
    verdicts: list[Any] = []
    failure: list[BaseException] = []

    def judge() -> None:
        try:
            verdicts.extend(check_claims([m.claim for m in all_mutants], timeout=timeout, jobs=jobs))
        except BaseException as exc:  # noqa: BLE001 - re-raised in the caller's thread
            failure.append(exc)

    worker = threading.Thread(target=judge, daemon=True)
    worker.start()
    truths = [truth(m.claim, points) for m in all_mutants]
    worker.join()
    if failure:
        raise failure[0]
    outcomes = []
    for mutant, decided, verdict in zip(all_mutants, truths, verdicts):
        if decided.value != "false" and verdict.status.value == "refuted":
            decided = _witness_from_checker(mutant.claim, verdict.counterexample) or decided
        outcomes.append(Outcome(mutant, decided, verdict))
    return MutationReport(tuple(outcomes), steps)


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m symloss.mutation``: print the table (or JSON); 1 if a false mutant was proved."""
    parser = argparse.ArgumentParser(prog="python -m symloss.mutation",
                                     description="Mutation testing of symloss's checker on the built-in derivations.")
    parser.add_argument("names", nargs="*", metavar="NAME", help="derivations to mutate (default: all built-ins)")
    parser.add_argument("--json", action="store_true", help="print every outcome as one JSON document")
    parser.add_argument("--timeout", type=float, default=5.0, metavar="S", help="seconds per mutant (default 5)")
    parser.add_argument("-j", "--jobs", type=int, default=2, metavar="N", help="checker processes (default 2)")
    parser.add_argument("--per-step", type=int, default=None, metavar="K",
                        help="at most K mutants per step, chosen round-robin over the operators (default: all)")
    parser.add_argument("--points", type=int, default=POINTS, metavar="N",
                        help=f"domain points the oracle tries per mutant (default {POINTS})")
    parser.add_argument("--list", choices=CATEGORIES, action="append", default=[],
                        help="also list the mutants of a category (repeatable)")
    args = parser.parse_args(argv)
    from derivations import builtin_derivations

    derivations = builtin_derivations()
    if args.names:
        known = {d.name: d for d in derivations}
        unknown = [n for n in args.names if n not in known]
        if unknown:
            parser.error(f"unknown derivation(s) {', '.join(unknown)}; known: {', '.join(known)}")
        derivations = [known[n] for n in args.names]
    report = run_mutation(derivations, timeout=args.timeout, jobs=args.jobs, limit_per_step=args.per_step,
                          points=args.points,
                          progress=None if args.json else (lambda text: print(text, flush=True)))
    if args.json:
        print(json.dumps(report.as_json(), indent=1, ensure_ascii=False, default=str))
    else:
        print(report.table())
        for category in dict.fromkeys(["proved-false", *args.list]):
            listing = report.listing(category)
            if listing:
                print(f"\n{category} mutants:\n{listing}")
    return 1 if report.proved_false else 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
