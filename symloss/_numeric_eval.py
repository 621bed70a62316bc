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

>>> from sympy import IndexedBase, Sum, Symbol, log
>>> i, n, p = Symbol("i", integer=True), Symbol("n"), IndexedBase("p")
>>> h = Evaluator(-Sum(p[i] * log(p[i], 2), (i, 1, n)))
>>> h({"n": 2, "p": (0.5, 0.5)})
mpf('1.0')
>>> float(h({"n": 4, "p": (0.25,) * 4}, backend="numpy"))
2.0
"""
from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any, Callable, Iterable, Mapping

import mpmath
import sympy
from sympy import Add, Derivative, Dummy, Indexed, IndexedBase, Integer, Mul, Product, Sum, Symbol
from sympy.core.function import AppliedUndef

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
        symbols: free plain symbols (by name), including lengths.
        lengths: names that appear in limits of sums and products; they must
            be integers at a point.
        indices: free names used as a family index outside any sum -> the family.
        bases: family -> the lower limit of the sums it appears in.
        spans: family -> its number of entries (an expression in ``lengths``),
            when a sum fixes it.
        literals: family -> the largest literal index used (``p[2]``).
    """

    symbols: set[str] = field(default_factory=set)
    lengths: set[str] = field(default_factory=set)
    indices: dict[str, str] = field(default_factory=dict)
    bases: dict[str, int] = field(default_factory=dict)
    spans: dict[str, sympy.Expr] = field(default_factory=dict)
    literals: dict[str, int] = field(default_factory=dict)
    _ranges: dict[str, set[tuple[sympy.Expr, sympy.Expr]]] = field(default_factory=dict, repr=False)

    @property
    def families(self) -> set[str]:
        """Every indexed family's name."""
        return set(self._ranges) | set(self.literals) | set(self.indices.values()) | set(self.bases)

    @property
    def structural(self) -> set[str]:
        """Names whose values shape the expansion (lengths and free indices)."""
        return self.lengths | set(self.indices)


def analyze(exprs: Iterable[sympy.Basic]) -> Layout:
    """Find the families, lengths and plain symbols of some expressions.

    Raises:
        EvaluationError: a family summed over two different ranges, a sum
            over a non-integer lower limit, or a family with two indices.

    >>> from sympy import IndexedBase, Sum, Symbol
    >>> i, n, p = Symbol("i", integer=True), Symbol("n"), IndexedBase("p")
    >>> lay = analyze([Sum(p[i], (i, 1, n)) / n])
    >>> sorted(lay.families), sorted(lay.lengths), lay.bases, lay.spans
    (['p'], ['n'], {'p': 1}, {'p': n})
    """
    layout = Layout()
    for expr in exprs:
        _walk(sympy.sympify(expr), {}, layout)
    for name, ranges in layout._ranges.items():
        if len(ranges) > 1:
            shown = " and ".join(f"{lo}..{hi}" for lo, hi in sorted(ranges, key=str))
            raise EvaluationError(
                f"family {name!r} is summed over different ranges ({shown}); "
                "a family must run over one range in a derivation")
        (lo, hi), = ranges
        if not lo.is_Integer:
            raise EvaluationError(f"family {name!r} is summed from {lo}; the lower limit must be an integer")
        layout.bases[name] = int(lo)
        layout.spans[name] = sympy.expand(hi - lo + 1)
    for name, top in layout.literals.items():
        layout.bases.setdefault(name, min(1, top))
    for name in layout.indices.values():
        layout.bases.setdefault(name, 1)
    return layout


def _walk(e: sympy.Basic, bound: dict[sympy.Symbol, tuple[sympy.Expr, sympy.Expr]], lay: Layout) -> None:
    if isinstance(e, (Sum, Product)):
        inner = dict(bound)
        for limit in e.limits:
            if len(limit) != 3:
                raise EvaluationError(f"{e}: every limit needs (index, lower, upper)")
            var, lo, hi = limit
            for end in (lo, hi):
                _walk(end, inner, lay)
                lay.lengths |= {str(s) for s in end.free_symbols if s not in inner}
            inner[var] = (lo, hi)
        _walk(e.function, inner, lay)
    elif isinstance(e, Indexed):
        name = str(e.base.label)
        if len(e.indices) != 1:
            raise EvaluationError(f"{e}: symloss families take one index")
        idx = e.indices[0]
        _walk(idx, bound, lay)
        mine = [v for v in idx.free_symbols if v in bound]
        if len(mine) > 1:
            raise EvaluationError(f"{e}: an index may use one summation variable")
        if mine:
            (var,) = mine
            shift = sympy.expand(idx - var)
            lo, hi = (sympy.expand(end + shift) for end in bound[var])
            if shift.has(var):
                raise EvaluationError(f"{e}: an index must be the summation variable plus a constant")
            if not ({*lo.free_symbols, *hi.free_symbols} & set(bound)):
                lay._ranges.setdefault(name, set()).add((lo, hi))
        elif idx.is_Integer:
            lay.literals[name] = max(lay.literals.get(name, int(idx)), int(idx))
        else:
            for s in idx.free_symbols:
                lay.indices[str(s)] = name
    elif isinstance(e, Symbol):
        if e not in bound:
            lay.symbols.add(e.name)
    elif isinstance(e, IndexedBase):
        lay.bases.setdefault(str(e.label), 1)
    else:
        for arg in e.args:
            _walk(arg, bound, lay)


def expand_sums(expr: sympy.Basic, values: Mapping[str, int]) -> sympy.Basic:
    """Replace ``values`` (by name) and write every Sum and Product out term by term.

    >>> from sympy import Symbol, Sum
    >>> i, n = Symbol("i", integer=True), Symbol("n")
    >>> expand_sums(Sum(i**2, (i, 1, n)) / n, {"n": 3})
    14/3
    """
    subs = {s: Integer(values[s.name]) for s in expr.free_symbols
            if isinstance(s, Symbol) and s.name in values}
    return _expand(expr.xreplace(subs))


def _expand(e: sympy.Basic) -> sympy.Basic:
    if not e.has(Sum, Product):
        return e
    if isinstance(e, (Sum, Product)):
        *rest, (var, lo, hi) = e.limits  # the last limit is the outermost
        inner = type(e)(e.function, *rest) if rest else e.function
        lo, hi = _expand(lo), _expand(hi)
        if not (lo.is_Integer and hi.is_Integer):
            raise EvaluationError(f"cannot write out {e}: its limits {lo}..{hi} are not integers here")
        if hi < lo - 1:
            raise EvaluationError(f"{e}: upper limit {hi} is below lower limit {lo}")
        terms = [_expand(inner.xreplace({var: Integer(k)})) for k in range(int(lo), int(hi) + 1)]
        return Add(*terms) if isinstance(e, Sum) else Mul(*terms)
    return e.func(*(_expand(a) for a in e.args))


@dataclass
class _Compiled:
    args: list[tuple[str, int | None]]  # (name, index) per argument; index None for a plain symbol
    dummies: list[Dummy]
    expr: sympy.Basic
    fn: Callable[..., Any] | None


class Evaluator:
    """A compiled expression: call it with a point to get a number.

    Args:
        expr: a SymPy expression (Sums and Products may have symbolic limits).
        bases: family -> first index, for families that no sum in ``expr``
            places (a derivation-wide :func:`analyze` knows them).

    Raises:
        EvaluationError: the expression contains an undefined function ``f(x)``.
    """

    def __init__(self, expr: sympy.Basic, *, bases: Mapping[str, int] | None = None) -> None:
        self.expr = sympy.sympify(expr)
        undefined = self.expr.atoms(AppliedUndef)
        if undefined:
            shown = ", ".join(sorted(str(f) for f in undefined))
            raise EvaluationError(f"cannot evaluate {shown}: an undefined function has no value")
        self.layout = analyze([self.expr])
        self.bases = {**(bases or {}), **self.layout.bases}
        self._compiled: dict[tuple[Any, ...], _Compiled] = {}

    def __call__(self, point: Point, *, backend: str = "mpmath", dps: int = 30) -> Any:
        """The value at ``point``: an mpmath number, or a numpy float/complex.

        Undefined operations (``1/0``) give ``nan``.
        """
        if backend not in BACKENDS:
            raise ValueError(f"backend must be one of {BACKENDS}, not {backend!r}")
        shape = tuple(sorted((name, _integer(point, name)) for name in self.layout.structural))
        compiled = self._compile(shape, backend)
        with mpmath.workdps(dps):
            values = [_convert(self._lookup(point, name, k), backend) for name, k in compiled.args]
            if compiled.fn is not None:
                try:
                    return _result(_call(compiled.fn, values, backend), backend)
                except NameError:  # a function lambdify does not know: use evalf from now on
                    compiled.fn = None
            return _evalf(compiled.expr, compiled.dummies, values, backend, dps)

    def _compile(self, shape: tuple[tuple[str, int], ...], backend: str) -> "_Compiled":
        key = (backend, shape)
        if key not in self._compiled:
            expanded = expand_sums(self.expr, dict(shape))
            if expanded.has(Derivative):
                expanded = expanded.doit()
            dummies: dict[tuple[str, int | None], Dummy] = {}
            replace: dict[sympy.Basic, Dummy] = {}
            for atom in expanded.atoms(Indexed):
                (k,) = atom.indices
                if not k.is_Integer:
                    raise EvaluationError(f"{atom}: the index has no integer value at this point")
                replace[atom] = dummies.setdefault((str(atom.base.label), int(k)), Dummy())
            for atom in expanded.xreplace(replace).free_symbols:
                if isinstance(atom, Symbol) and not isinstance(atom, Dummy):
                    replace[atom] = dummies.setdefault((atom.name, None), Dummy(atom.name))
            expanded = expanded.xreplace(replace)
            args = list(dummies)
            symbols = [dummies[a] for a in args]
            fn = sympy.lambdify(symbols, expanded, modules=backend)
            self._compiled[key] = _Compiled(args, symbols, expanded, fn)
        return self._compiled[key]

    def _lookup(self, point: Point, name: str, k: int | None) -> Any:
        if name not in point:
            raise EvaluationError(f"the point has no value for {name!r}")
        value = point[name]
        if k is None:
            return value
        base = self.bases.get(name, 1)
        if not 0 <= k - base < len(value):
            raise EvaluationError(
                f"{name}[{k}] is outside the {len(value)} values given for {name!r} "
                f"(indices {base}..{base + len(value) - 1})")
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
    The answer is ``None`` (undefined) when a side is ``nan``, or, for an
    order, has an imaginary part above ``tol``.

    >>> compare(mpmath.mpf(1), "=", mpmath.mpf(1) + 1e-20, rel_tol=1e-15, abs_tol=1e-15)
    True
    >>> compare(0, "<", 0, rel_tol=1e-15, abs_tol=1e-15), compare(1e-20, "<=", 0, rel_tol=1e-15, abs_tol=1e-15)
    (False, True)
    """
    a, b = mpmath.mpmathify(lhs), mpmath.mpmathify(rhs)
    if mpmath.isnan(a) or mpmath.isnan(b):
        return None
    if rel == "=":
        if mpmath.isinf(a) or mpmath.isinf(b):
            return bool(a == b)
        return bool(abs(a - b) <= abs_tol + rel_tol * max(abs(a), abs(b)))
    if rel not in ("<=", "<", ">=", ">"):
        raise ValueError(f"compare does not handle the relation {rel!r}")
    if any(abs(mpmath.im(v)) > abs_tol + rel_tol * abs(v) for v in (a, b)):
        return None
    a, b = mpmath.re(a), mpmath.re(b)
    if a == b:
        return rel in ("<=", ">=")
    slack = 0 if mpmath.isinf(a) or mpmath.isinf(b) else abs_tol + rel_tol * max(abs(a), abs(b))
    if rel in ("<=", "<"):
        return bool(a - b <= slack)
    return bool(a - b >= -slack)
