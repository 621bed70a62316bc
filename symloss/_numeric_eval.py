"""Evaluate SymPy expressions at points: sums of symbolic length, families, two back ends.

A *point* maps names to numbers: a plain symbol's name to an ``int``,
``float`` or ``Fraction``, an indexed family's name to a tuple of numbers.
``Sum(f, (i, a, b))`` and ``Product`` with a symbolic limit are expanded once
the point gives the limit a value (``n = 3``), and ``p[k]`` reads entry
``k - base`` of the tuple, where ``base`` is the lower limit of the sums the
family appears in (1 when it appears in none). Symbols and families are matched
by *name*, so ``Symbol("n")`` and ``Symbol("n", integer=True)`` are one.

Back ends: ``"mpmath"`` (``dps`` significant digits; a float input is exact in
mpmath, so only the operations round) and ``"numpy"`` (float64).

An expression is lambdified once, sums and products printed as Python loops
over the point's lengths (the loop index is an mpmath number, so ``1/i`` stays
exact). What that printer cannot handle (an index a sum leaves symbolic after a
derivative, say) is written out term by term for each length instead, and a
function lambdify does not know is evaluated with ``evalf``.

>>> from sympy import IndexedBase, Sum, Symbol, log
>>> i, n, p = Symbol("i", integer=True), Symbol("n"), IndexedBase("p")
>>> h = Evaluator(-Sum(p[i] * log(p[i], 2), (i, 1, n)))
>>> h({"n": 2, "p": (0.5, 0.5)})
mpf('1.0')
>>> float(h({"n": 4, "p": (0.25,) * 4}, backend="numpy"))
2.0
"""
from __future__ import annotations

import dataclasses
import functools
import operator
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any, Callable, Iterable, Mapping

import mpmath
import sympy
from sympy import (Add, Derivative, Dummy, Indexed, IndexedBase, Integer, Integral, Limit, Mul, Product,
                   Subs, Sum, Symbol)
from sympy.core.function import AppliedUndef
from sympy.printing.numpy import NumPyPrinter
from sympy.printing.pycode import MpmathPrinter

from symloss.errors import SymlossError

Number = int | float | Fraction
Point = Mapping[str, Any]
BACKENDS = ("mpmath", "numpy")


class EvaluationError(SymlossError, ValueError):
    """An expression cannot be evaluated at a point (a missing name, an index out of range)."""


@dataclass
class Layout:
    """What a point must hold for some expressions.

    Attributes:
        symbols: free plain symbols (by name), lengths included.
        lengths: names in the limits of sums and products; integers at a point.
        indices: free names used as a family index outside any sum -> the family.
        families: every indexed family (by name).
        ranges: family -> the (lower, upper) index ranges of the sums it is in.
        literals: family -> the literal indices used (``p[2]``).
    """

    symbols: set[str] = field(default_factory=set)
    lengths: set[str] = field(default_factory=set)
    indices: dict[str, str] = field(default_factory=dict)
    families: set[str] = field(default_factory=set)
    ranges: dict[str, set[tuple[sympy.Expr, sympy.Expr]]] = field(default_factory=dict)
    literals: dict[str, set[int]] = field(default_factory=dict)

    @property
    def structural(self) -> set[str]:
        """Names whose values shape the expansion (lengths and free indices)."""
        return self.lengths | set(self.indices)

    def extent(self, name: str, values: Mapping[str, int]) -> tuple[int, int] | None:
        """The first and last index a family needs when the lengths take ``values``.

        Every (non-empty) sum range and literal index counts: ``Sum(q[i], (i, 1, m)) +
        Sum(q[i], (i, m + 1, m + k))`` needs ``q[1..m+k]``. ``None`` when nothing fixes it.

        Raises:
            EvaluationError: a limit that is not an integer at ``values``.
        """
        ends: list[tuple[int, int]] = []
        for lo, hi in self.ranges.get(name, ()):
            a, b = (_at(end, values) for end in (lo, hi))
            if b >= a:
                ends.append((a, b))
        literals = self.literals.get(name, set())
        if literals:
            ends.append((min(1, *literals), max(literals)))
        if not ends:
            return None
        return min(a for a, _ in ends), max(b for _, b in ends)


def _at(end: sympy.Expr, values: Mapping[str, int]) -> int:
    value = end.xreplace({s: Integer(values[s.name]) for s in end.free_symbols
                          if isinstance(s, Symbol) and s.name in values})
    if not value.is_Integer:
        raise EvaluationError(f"the limit {end} has no integer value at {dict(values)}")
    return int(value)


def analyze(exprs: Iterable[sympy.Basic]) -> Layout:
    """Find the families, lengths and plain symbols of some expressions.

    Raises:
        EvaluationError: a family with two indices, or an index that is not a
            summation variable plus a constant.

    >>> from sympy import IndexedBase, Sum, Symbol
    >>> i, n, p = Symbol("i", integer=True), Symbol("n"), IndexedBase("p")
    >>> lay = analyze([Sum(p[i], (i, 1, n)) / n])
    >>> sorted(lay.families), sorted(lay.lengths), lay.extent("p", {"n": 3})
    (['p'], ['n'], (1, 3))
    """
    layout = Layout()
    for expr in exprs:
        _walk(sympy.sympify(expr), {}, frozenset(), layout)
    return layout


_Bound = dict[sympy.Basic, tuple[sympy.Expr, sympy.Expr] | None]


def _walk(e: sympy.Basic, bound: _Bound, hidden: frozenset[str], lay: Layout) -> None:
    """Record what ``e`` needs; ``bound`` maps bound variables to their sum range (or None)."""
    if isinstance(e, (Sum, Product)):
        inner = dict(bound)
        for limit in reversed(e.limits):  # the last limit is the outermost
            if len(limit) != 3:
                raise EvaluationError(f"{e}: every limit needs (index, lower, upper)")
            var, lo, hi = limit
            for end in (lo, hi):
                _walk(end, inner, hidden, lay)
                lay.lengths |= {str(s) for s in end.free_symbols if s not in inner}
            inner[var] = (lo, hi)
        _walk(e.function, inner, hidden, lay)
    elif isinstance(e, (Limit, Subs, Integral)):
        inner, names = dict(bound), set(hidden)
        if isinstance(e, Limit):
            body, variables, rest = e.args[0], [e.args[1]], [e.args[2]]
        elif isinstance(e, Subs):
            body, variables, rest = e.expr, list(e.variables), list(e.point)
        else:
            body, variables, rest = e.function, [lim[0] for lim in e.limits], [a for lim in e.limits for a in lim[1:]]
        for var in variables:
            if isinstance(var, IndexedBase):
                names.add(str(var.label))
            else:
                inner[var] = None
        _walk(body, inner, frozenset(names), lay)
        for arg in rest:
            _walk(arg, bound, hidden, lay)
    elif isinstance(e, Indexed):
        _walk_indexed(e, bound, hidden, lay)
    elif isinstance(e, Symbol):
        if e not in bound:
            lay.symbols.add(e.name)
    elif isinstance(e, IndexedBase):
        if str(e.label) not in hidden:
            lay.families.add(str(e.label))
    else:
        for arg in e.args:
            _walk(arg, bound, hidden, lay)


def _walk_indexed(e: Indexed, bound: _Bound, hidden: frozenset[str], lay: Layout) -> None:
    name = str(e.base.label)
    if len(e.indices) != 1:
        raise EvaluationError(f"{e}: symloss families take one index")
    idx = e.indices[0]
    _walk(idx, bound, hidden, lay)
    if name in hidden:
        return
    lay.families.add(name)
    mine = [v for v in idx.free_symbols if v in bound and bound[v] is not None]
    if len(mine) > 1:
        raise EvaluationError(f"{e}: an index may use one summation variable")
    if mine:
        (var,) = mine
        shift = sympy.expand(idx - var)
        if shift.has(var):
            raise EvaluationError(f"{e}: an index must be the summation variable plus a constant")
        lo, hi = (sympy.expand(end + shift) for end in bound[var])  # type: ignore[union-attr]
        if not ({*lo.free_symbols, *hi.free_symbols} & set(bound)):
            lay.ranges.setdefault(name, set()).add((lo, hi))
    elif idx.is_Integer:
        lay.literals.setdefault(name, set()).add(int(idx))
    else:
        for s in idx.free_symbols:
            if s not in bound:
                lay.indices[str(s)] = name


def expand_sums(expr: sympy.Basic, values: Mapping[str, int],
                dummies: dict[tuple[str, int | None], Dummy] | None = None) -> sympy.Basic:
    """Replace ``values`` (by name) and write every Sum and Product out term by term.

    With ``dummies``, each family entry ``p[k]`` a sum writes out becomes the
    symbol ``dummies[("p", k)]`` (created when missing).

    >>> from sympy import Symbol, Sum
    >>> i, n = Symbol("i", integer=True), Symbol("n")
    >>> expand_sums(Sum(i**2, (i, 1, n)) / n, {"n": 3})
    14/3
    """
    subs = {s: Integer(values[s.name]) for s in expr.free_symbols
            if isinstance(s, Symbol) and s.name in values}
    return _expand(expr.xreplace(subs), dummies)


def _expand(e: sympy.Basic, dummies: dict[tuple[str, int | None], Dummy] | None) -> sympy.Basic:
    if not e.has(Sum, Product):
        return e
    if isinstance(e, (Sum, Product)):
        *rest, (var, lo, hi) = e.limits  # the last limit is the outermost
        inner = type(e)(e.function, *rest) if rest else e.function
        lo, hi = _expand(lo, dummies), _expand(hi, dummies)
        if not (lo.is_Integer and hi.is_Integer):
            raise EvaluationError(f"cannot write out {e}: its limits {lo}..{hi} are not integers here")
        if hi < lo - 1:
            raise EvaluationError(f"{e}: upper limit {hi} is below lower limit {lo}")
        entries = [a for a in inner.atoms(Indexed) if var in a.indices[0].free_symbols] if dummies is not None else []
        terms = []
        for k in range(int(lo), int(hi) + 1):
            subs: dict[sympy.Basic, sympy.Basic] = {var: Integer(k)}
            for atom in entries:
                at = atom.indices[0].xreplace({var: Integer(k)})
                if at.is_Integer:
                    subs[atom] = dummies.setdefault((str(atom.base.label), int(at)), Dummy())  # type: ignore[union-attr]
            terms.append(_expand(inner.xreplace(subs), dummies))
        return Add(*terms) if isinstance(e, Sum) else Mul(*terms)
    return e.func(*(_expand(a, dummies) for a in e.args))


@dataclass
class _Compiled:
    args: list[tuple[str, int | None]]  # (name, index) per argument; index None for a plain symbol
    dummies: list[Dummy]
    expr: sympy.Basic
    fn: Callable[..., Any] | None
    bases: dict[str, int]  # family -> the index of its first entry


@functools.lru_cache(maxsize=1024)
def _compile(expr: sympy.Basic, shape: tuple[tuple[str, int], ...], backend: str) -> _Compiled:
    """Write ``expr`` out for the lengths in ``shape`` and lambdify it (cached across evaluators)."""
    values = dict(shape)
    dummies: dict[tuple[str, int | None], Dummy] = {}
    needs_doit = expr.has(Derivative, Limit, Subs, Integral)
    if not needs_doit:  # rename plain symbols on the small tree, families while writing out
        expr = expr.xreplace(_plain_dummies(expr, values, dummies))
    expanded = expand_sums(expr, values, None if needs_doit else dummies)
    if needs_doit:
        expanded = expanded.doit()
    replace: dict[sympy.Basic, sympy.Basic] = {}
    for atom in expanded.atoms(Indexed):
        (k,) = atom.indices
        if not k.is_Integer:
            raise EvaluationError(f"{atom}: the index has no integer value at this point")
        replace[atom] = dummies.setdefault((str(atom.base.label), int(k)), Dummy())
    if replace:
        expanded = expanded.xreplace(replace)
    bare = expanded.atoms(IndexedBase)
    if bare:
        raise EvaluationError(f"{', '.join(sorted(map(str, bare)))}: a family needs an index here")
    if needs_doit:
        expanded = expanded.xreplace(_plain_dummies(expanded, values, dummies))
    args = list(dummies)
    symbols = [dummies[a] for a in args]
    fn = sympy.lambdify(symbols, expanded, modules=backend, docstring_limit=0)
    return _Compiled(args, symbols, expanded, fn, {})


def _plain_dummies(expr: sympy.Basic, values: Mapping[str, int],
                   dummies: dict[tuple[str, int | None], Dummy]) -> dict[sympy.Basic, sympy.Basic]:
    labels = {base.label for base in expr.atoms(IndexedBase)}
    return {s: dummies.setdefault((s.name, None), Dummy(s.name)) for s in expr.free_symbols
            if isinstance(s, Symbol) and not isinstance(s, Dummy) and s.name not in values and s not in labels}


# -- compiled loops: one lambdify per expression, whatever the lengths ---------------------

class _Family:
    """A family's values, read with the expression's own indices (``p[base]`` is the first)."""

    __slots__ = ("name", "values", "base")

    def __init__(self, name: str, values: Any, base: int) -> None:
        if not isinstance(values, (tuple, list)):
            raise EvaluationError(f"{name!r} is a family here but the point gives it {values!r}, not a tuple")
        self.name, self.values, self.base = name, values, base

    def __getitem__(self, k: Any) -> Any:
        k = _as_int(k, f"the index of {self.name}")
        if not 0 <= k - self.base < len(self.values):
            raise EvaluationError(
                f"{self.name}[{k}] is outside the {len(self.values)} values given for {self.name!r} "
                f"(indices {self.base}..{self.base + len(self.values) - 1})")
        return self.values[k - self.base]


def _as_int(value: Any, what: str) -> int:
    if value != int(value):
        raise EvaluationError(f"{what} must be an integer, not {value}")
    return int(value)


def _loop_printer(base: type) -> type:
    class LoopPrinter(base):  # type: ignore[valid-type, misc]
        """Sums and products as Python loops over ``_symloss_range`` (exact in mpmath)."""

        def _print_Sum(self, expr: Sum) -> str:
            return self._loops(expr, "_symloss_sum")

        def _print_Product(self, expr: Product) -> str:
            return self._loops(expr, "_symloss_prod")

        def _loops(self, expr: Any, reducer: str) -> str:
            loops = " ".join(f"for {self._print(v)} in _symloss_range({self._print(a)}, {self._print(b)})"
                             for v, a, b in expr.limits[::-1])
            return f"{reducer}(({self._print(expr.function)}) {loops})"

    return LoopPrinter


def _namespace(backend: str) -> dict[str, Any]:
    if backend == "numpy":
        import numpy

        number: Callable[[int], Any] = numpy.float64
    else:
        number = mpmath.mpf

    def rng(a: Any, b: Any) -> Iterable[Any]:
        return (number(k) for k in range(_as_int(a, "a limit"), _as_int(b, "a limit") + 1))

    def prod(terms: Iterable[Any]) -> Any:
        return functools.reduce(operator.mul, terms, 1)

    return {"_symloss_sum": sum, "_symloss_prod": prod, "_symloss_range": rng}


@dataclass
class _Loops:
    plain: list[str]  # argument names, in order, then
    families: list[str]
    fn: Callable[..., Any]


_UNEVALUATED = (Derivative, Limit, Subs, Integral)


@functools.lru_cache(maxsize=1024)
def _compile_loops(expr: sympy.Basic, backend: str) -> _Loops | None:
    """Lambdify ``expr`` once, with sums as loops; ``None`` when it cannot (then write sums out)."""
    try:
        if expr.has(*_UNEVALUATED):
            expr = expr.replace(lambda t: isinstance(t, _UNEVALUATED), lambda t: t.doit(deep=False))
            if expr.has(*_UNEVALUATED):
                return None
        bases = expr.atoms(IndexedBase)
        labels = {b.label for b in bases}
        if any(not isinstance(b.label, Symbol) for b in bases):
            return None
        free = {s for s in expr.free_symbols if isinstance(s, Symbol) and s not in labels}
        if any(s.name in {str(lab) for lab in labels} for s in free):
            return None  # one name as a symbol and a family: let the slow path explain
        symbols = {s for s in expr.atoms(Symbol) if s not in labels}
        rename: dict[sympy.Basic, sympy.Basic] = {s: Dummy(s.name) for s in symbols}
        family_dummies = {str(b.label): Dummy(str(b.label)) for b in bases}
        rename.update({b: IndexedBase(family_dummies[str(b.label)]) for b in bases})
        renamed = expr.xreplace(rename)
        if renamed.atoms(IndexedBase) - {a.base for a in renamed.atoms(Indexed)}:
            return None  # a bare family (not indexed)
        plain = sorted({s.name for s in free})
        by_name = {s.name: rename[s] for s in free}
        families = sorted(family_dummies)
        args = [by_name[n] for n in plain] + [family_dummies[n] for n in families]
        base = MpmathPrinter if backend == "mpmath" else NumPyPrinter
        printer = _loop_printer(base)({"fully_qualified_modules": False, "inline": True,
                                       "allow_unknown_functions": True, "user_functions": {}})
        fn = sympy.lambdify(args, renamed, modules=[_namespace(backend), backend],
                            printer=printer, docstring_limit=0)
        return _Loops(plain, families, fn)
    except Exception:  # noqa: BLE001 - any printing failure: the written-out path takes over
        return None


class Evaluator:
    """A compiled expression: call it with a point to get a number.

    Args:
        expr: a SymPy expression (Sums and Products may have symbolic limits).
        layout: the layout of every expression evaluated at the same points
            (both sides of a claim), so that a family is indexed alike on
            both; by default ``analyze([expr])``.

    Raises:
        EvaluationError: the expression contains an undefined function ``f(x)``.
    """

    def __init__(self, expr: sympy.Basic, *, layout: Layout | None = None) -> None:
        self.expr = sympy.sympify(expr)
        undefined = self.expr.atoms(AppliedUndef)
        if undefined:
            shown = ", ".join(sorted(str(f) for f in undefined))
            raise EvaluationError(f"cannot evaluate {shown}: an undefined function has no value")
        self.layout = layout if layout is not None else analyze([self.expr])
        self._compiled: dict[tuple[Any, ...], _Compiled] = {}
        self._base_cache: dict[tuple[tuple[str, int], ...], dict[str, int]] = {}
        self._loops_ok = True

    def _bases(self, shape: tuple[tuple[str, int], ...]) -> dict[str, int]:
        if shape not in self._base_cache:
            values = dict(shape)
            self._base_cache[shape] = {name: (found[0] if (found := self.layout.extent(name, values)) else 1)
                                       for name in self.layout.families}
        return self._base_cache[shape]

    def __call__(self, point: Point, *, backend: str = "mpmath", dps: int = 30) -> Any:
        """The value at ``point``: an mpmath number, or a numpy float/complex.

        Undefined operations (``1/0``) give ``nan``.
        """
        if backend not in BACKENDS:
            raise ValueError(f"backend must be one of {BACKENDS}, not {backend!r}")
        shape = tuple(sorted((name, _integer(point, name)) for name in self.layout.structural))
        loops = _compile_loops(self.expr, backend) if self._loops_ok else None
        if loops is not None:
            with mpmath.workdps(dps):
                values = [_convert(self._lookup(point, name, None, {}), backend) for name in loops.plain]
                bases = self._bases(shape)
                values += [_Family(name, [_convert(v, backend) for v in point[name]]
                                   if isinstance(point.get(name), (tuple, list)) else point.get(name),
                                   bases.get(name, 1))
                           for name in loops.families]
                try:
                    return _result(_call(loops.fn, values, backend), backend)
                except (NameError, TypeError):  # an unknown function, an odd type: write sums out
                    self._loops_ok = False
        compiled = self._compile(shape, backend)
        with mpmath.workdps(dps):
            values = [_convert(self._lookup(point, name, k, compiled.bases), backend) for name, k in compiled.args]
            if compiled.fn is not None:
                try:
                    return _result(_call(compiled.fn, values, backend), backend)
                except NameError:  # a function lambdify does not know: use evalf from now on
                    compiled.fn = None
            return _evalf(compiled.expr, compiled.dummies, values, backend, dps)

    def _compile(self, shape: tuple[tuple[str, int], ...], backend: str) -> "_Compiled":
        key = (backend, shape)
        if key not in self._compiled:
            self._compiled[key] = dataclasses.replace(_compile(self.expr, shape, backend), bases=self._bases(shape))
        return self._compiled[key]

    @staticmethod
    def _lookup(point: Point, name: str, k: int | None, bases: Mapping[str, int]) -> Any:
        if name not in point:
            raise EvaluationError(f"the point has no value for {name!r}")
        value = point[name]
        if k is None:
            if isinstance(value, (tuple, list)):
                raise EvaluationError(
                    f"{name!r} is a plain symbol here but the point gives it a family's values {value!r}; "
                    "a claim cannot use one name for both")
            return value
        base = bases.get(name, 1)
        if not isinstance(value, (tuple, list)) or not 0 <= k - base < len(value):
            size = len(value) if isinstance(value, (tuple, list)) else "no"
            raise EvaluationError(
                f"{name}[{k}] is outside the {size} values given for {name!r}"
                + (f" (indices {base}..{base + len(value) - 1})" if size != "no" else ""))
        return value[k - base]


def _integer(point: Point, name: str) -> int:
    if name not in point:
        raise EvaluationError(f"the point has no value for {name!r} (a length or an index)")
    value = point[name]
    if int(value) != value:
        raise EvaluationError(f"{name!r} is a length or an index, so it must be an integer, not {value!r}")
    return int(value)


def _convert(value: Any, backend: str) -> Any:
    if hasattr(value, "item") and not isinstance(value, (float, int)):
        value = value.item()  # numpy and torch scalars
    if backend == "numpy":
        import numpy

        return numpy.float64(float(value))
    if isinstance(value, Fraction):
        return mpmath.mpf(value.numerator) / value.denominator
    if isinstance(value, sympy.Basic):
        return mpmath.mpmathify(sympy.Float(value, mpmath.mp.dps + 5)._to_mpmath(mpmath.mp.prec))
    return mpmath.mpmathify(value)


def _call(fn: Callable[..., Any], values: list[Any], backend: str) -> Any:
    if backend == "numpy":
        import numpy

        with numpy.errstate(all="ignore"):
            return fn(*values)
    try:
        return fn(*values)
    except EvaluationError:
        raise
    except (ZeroDivisionError, OverflowError, ValueError):
        return mpmath.nan


def _result(value: Any, backend: str) -> Any:
    if backend == "numpy":
        import numpy

        value = complex(value) if numpy.iscomplexobj(value) else numpy.float64(value)
        return value
    return mpmath.mpmathify(value)


def _evalf(expr: sympy.Basic, dummies: list[Dummy], values: list[Any], backend: str, dps: int) -> Any:
    numbers = [sympy.Float(v, dps + 5) for v in values]
    value = expr.xreplace(dict(zip(dummies, numbers))).evalf(dps)
    re, im = value.as_real_imag()
    if not (re.is_Number and im.is_Number) or value.has(sympy.nan, sympy.zoo, sympy.oo):
        return mpmath.nan if backend == "mpmath" else float("nan")
    out = mpmath.mpc(re._to_mpmath(mpmath.mp.prec), im._to_mpmath(mpmath.mp.prec)) if im else mpmath.mpf(re._to_mpmath(mpmath.mp.prec))
    return out if backend == "mpmath" else _result(complex(out) if im else float(out), "numpy")


def default_tolerance(dps: int) -> float:
    """The relative and absolute tolerance used at ``dps`` digits: ``10**-(dps // 2)``.

    >>> default_tolerance(30)
    1e-15
    """
    return 10.0 ** -(dps // 2)


def compare(lhs: Any, rel: str, rhs: Any, *, rel_tol: float, abs_tol: float) -> bool | None:
    """Whether ``lhs rel rhs`` holds between two numbers, within a tolerance.

    With ``tol = abs_tol + rel_tol * max(|lhs|, |rhs|)``:
    ``=`` holds when ``|lhs - rhs| <= tol`` (complex values allowed; equal
    infinities are equal); ``<=`` when ``lhs - rhs <= tol``; ``<`` unless
    ``lhs - rhs > tol`` or the two are exactly equal (``>=``, ``>`` alike).
    The answer is ``None`` (undefined) when a side is ``nan`` or infinite
    (equal infinities satisfy ``=``, ``<=``, ``>=``), or, for an order, has an
    imaginary part above ``tol``.

    >>> compare(mpmath.mpf(1), "=", mpmath.mpf(1) + 1e-20, rel_tol=1e-15, abs_tol=1e-15)
    True
    >>> compare(0, "<", 0, rel_tol=1e-15, abs_tol=1e-15), compare(1e-20, "<=", 0, rel_tol=1e-15, abs_tol=1e-15)
    (False, True)
    """
    a, b = mpmath.mpmathify(lhs), mpmath.mpmathify(rhs)
    if mpmath.isnan(a) or mpmath.isnan(b):
        return None
    if mpmath.isinf(a) or mpmath.isinf(b):
        return True if rel in ("=", "<=", ">=") and a == b else None
    if rel == "=":
        return bool(abs(a - b) <= abs_tol + rel_tol * max(abs(a), abs(b)))
    if rel not in ("<=", "<", ">=", ">"):
        raise ValueError(f"compare does not handle the relation {rel!r}")
    if any(abs(mpmath.im(v)) > abs_tol + rel_tol * abs(v) for v in (a, b)):
        return None
    a, b = mpmath.re(a), mpmath.re(b)
    if a == b:
        return rel in ("<=", ">=")
    slack = abs_tol + rel_tol * max(abs(a), abs(b))
    if rel in ("<=", "<"):
        return bool(a - b <= slack)
    return bool(a - b >= -slack)
