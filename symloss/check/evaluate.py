"""Fast high-precision evaluation of SymPy expressions with mpmath.

An expression is compiled once into nested closures over mpmath functions;
evaluating it at a point then costs microseconds, with no code generation.
Sums and products of symbolic length are first unrolled for a concrete length
(:func:`unroll`), and family members ``p[3]`` become plain names.

>>> from sympy import Symbol, log, Rational
>>> x = Symbol("x")
>>> f = compile_expr(log(x) + Rational(1, 2))
>>> import mpmath
>>> with mpmath.workdps(30):
...     print(mpmath.nstr(f({"x": mpmath.mpf(1)}), 5))
0.5
"""
from __future__ import annotations

from typing import Any, Callable, Mapping

import mpmath
import sympy
from sympy import Indexed

Env = Mapping[str, Any]
Compiled = Callable[[Env], Any]

_MAX_TERMS = 2000


class Unsupported(Exception):
    """The expression holds something the evaluator does not know."""


def member_name(node: Indexed) -> str:
    """The plain name a family member with integer indices is evaluated under."""
    return f"{node.base.label}[{','.join(str(i) for i in node.indices)}]"


def unroll(expr: sympy.Basic) -> sympy.Basic:
    """Expand every Sum/Product whose limits are integers into an explicit Add/Mul.

    >>> from sympy import IndexedBase, Symbol, Sum
    >>> p, i = IndexedBase("p"), Symbol("i", integer=True)
    >>> unroll(Sum(p[i], (i, 1, 3)))
    p[1] + p[2] + p[3]
    """
    if isinstance(expr, (sympy.Sum, sympy.Product)):
        body = unroll(expr.function)
        for limit in reversed(expr.limits):
            index, low, high = limit
            if not (low.is_Integer and high.is_Integer):
                raise Unsupported(f"limits {low}..{high} are not integers")
            if high - low + 1 > _MAX_TERMS:
                raise Unsupported("too many terms to unroll")
            terms = [body.xreplace({index: k}) for k in range(int(low), int(high) + 1)]
            body = sympy.Add(*terms) if isinstance(expr, sympy.Sum) else sympy.Mul(*terms)
        return body
    if not expr.args or expr.is_Atom:
        return expr
    args = [unroll(a) for a in expr.args]
    return expr.func(*args) if any(a is not b for a, b in zip(args, expr.args)) else expr


def _fold(op: Callable[[Any, Any], Any], parts: list[Compiled]) -> Compiled:
    def run(env: Env) -> Any:
        value = parts[0](env)
        for part in parts[1:]:
            value = op(value, part(env))
        return value
    return run


_HUGE = 10**7  # |log| of a value beyond which a point counts as overflowing (e^(10^7))


def _exp(value: Any) -> Any:
    if abs(mpmath.re(value)) > _HUGE:  # exp(exp(10^6)) would take mpmath forever
        raise OverflowError("exp of a huge argument")
    return mpmath.exp(value)


def _pow(base: Any, exp: Any) -> Any:
    if base == 0 and mpmath.re(exp) < 0:
        raise ZeroDivisionError("0 to a negative power")
    if base != 0 and abs(exp * mpmath.log(abs(base))) > _HUGE:
        raise OverflowError("a power too large to evaluate")
    return mpmath.power(base, exp)


def _log(value: Any, base: Any = None) -> Any:
    if value == 0:
        raise ZeroDivisionError("log(0)")
    return mpmath.log(value) if base is None else mpmath.log(value) / mpmath.log(base)


_FUNCTIONS: dict[type, Callable[..., Any]] = {
    sympy.exp: _exp, sympy.Abs: abs, sympy.tanh: mpmath.tanh,
    sympy.sin: mpmath.sin, sympy.cos: mpmath.cos, sympy.sign: mpmath.sign,
}


def compile_expr(expr: sympy.Basic) -> Compiled:
    """Compile an expression (no Sums left, families as :func:`member_name`).

    Raises:
        Unsupported: for a node with no mpmath counterpart.
    """
    if expr.is_Number or expr in (sympy.pi, sympy.E):
        if expr is sympy.zoo or expr is sympy.nan or expr in (sympy.oo, -sympy.oo):
            raise Unsupported(f"{expr} is not a finite number")
        if expr.is_Rational:
            p, q = int(expr.p), int(expr.q)
            return lambda env: mpmath.mpf(p) / q
        if expr is sympy.pi:
            return lambda env: +mpmath.pi
        if expr is sympy.E:
            return lambda env: mpmath.e
        text = str(expr)
        return lambda env: mpmath.mpf(text)
    if expr is sympy.I:
        return lambda env: mpmath.mpc(0, 1)
    if isinstance(expr, sympy.Symbol):
        name = str(expr)
        return lambda env: env[name]
    if isinstance(expr, Indexed):
        name = member_name(expr)
        return lambda env: env[name]
    parts = [compile_expr(a) for a in expr.args]
    if isinstance(expr, sympy.Add):
        return _fold(lambda a, b: a + b, parts)
    if isinstance(expr, sympy.Mul):
        return _fold(lambda a, b: a * b, parts)
    if isinstance(expr, sympy.Pow):
        base, exp = parts
        return lambda env: _pow(base(env), exp(env))
    if isinstance(expr, sympy.log):
        if len(parts) == 1:
            return lambda env: _log(parts[0](env))
        return lambda env: _log(parts[0](env), parts[1](env))
    if isinstance(expr, (sympy.Max, sympy.Min)):
        pick = max if isinstance(expr, sympy.Max) else min
        return lambda env: pick(part(env) for part in parts)
    if isinstance(expr, sympy.Piecewise):
        return _piecewise(expr)
    for func, fn in _FUNCTIONS.items():
        if isinstance(expr, func):
            return lambda env: fn(*(part(env) for part in parts))
    raise Unsupported(f"cannot evaluate {type(expr).__name__}")


def _piecewise(expr: sympy.Piecewise) -> Compiled:
    branches = []
    for value, cond in expr.args:
        if cond is sympy.true:
            branches.append((None, compile_expr(value)))
            continue
        if not isinstance(cond, sympy.core.relational.Relational):
            raise Unsupported("Piecewise condition")
        lhs, rhs = compile_expr(cond.lhs), compile_expr(cond.rhs)
        op = {"<": lambda a, b: a < b, "<=": lambda a, b: a <= b, ">": lambda a, b: a > b,
              ">=": lambda a, b: a >= b, "==": lambda a, b: a == b, "!=": lambda a, b: a != b}[cond.rel_op]
        branches.append(((lhs, rhs, op), compile_expr(value)))

    def run(env: Env) -> Any:
        for test, value in branches:
            if test is None or test[2](test[0](env), test[1](env)):
                return value(env)
        raise ValueError("no Piecewise branch applies")
    return run
