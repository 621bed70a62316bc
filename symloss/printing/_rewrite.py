"""Expression-level rewrites shared by the LaTeX and MathML printers.

The printers never edit SymPy's output strings; they reshape the expression
tree before dispatching on it:

- ``log(p)/log(2)`` (which is what ``log(p, 2)`` evaluates to) becomes
  :class:`LogBase` ``(p, 2)``, printed as ``\\log_2 p``;
- the factors of a product are put in paper order (number, letters, powers,
  functions, sums), so ``p_i log q_i`` does not print as ``log(q_i) p_i``;
- a sum that starts with a negative term starts with a positive one instead
  (``ŷ - y`` rather than ``-y + ŷ``).

>>> from sympy import Symbol, log
>>> p = Symbol("p")
>>> pair_logs(log(p, 2))
LogBase(p, 2)
>>> pair_logs(3 * log(p) / log(10))
3*LogBase(p, 10)
"""
from __future__ import annotations

from typing import Sequence

import sympy
from sympy import Add, Basic, Function, Indexed, Integer, Mul, Pow, Symbol, log

#: Accent suffixes of symbol names (``yhat`` is ŷ), as SymPy's LaTeX printer reads them.
ACCENTS: dict[str, str] = {
    "hat": "\u02c6", "bar": "\u00af", "tilde": "\u02dc", "ddot": "\u00a8", "dot": "\u02d9",
    "vec": "\u2192", "check": "\u02c7", "breve": "\u02d8", "acute": "\u00b4", "grave": "`",
}


class LogBase(Function):
    """``log_b(x)``: a display-only logarithm to an integer base ``b``.

    It never evaluates, so it survives until a printer sees it.
    """

    nargs = 2


def _log_base_power(factor: Basic) -> tuple[Integer, int] | None:
    """``(b, k)`` when ``factor`` is ``log(b)**-k`` for an integer ``b >= 2``."""
    if isinstance(factor, Pow) and isinstance(factor.base, log):
        base, exp = factor.base.args[0], factor.exp
        if base.is_Integer and base >= 2 and exp.is_Integer and exp < 0:
            return base, int(-exp)
    return None


def _log_power(factor: Basic) -> tuple[Basic, int] | None:
    """``(x, m)`` when ``factor`` is ``log(x)**m`` with ``m >= 1``."""
    if isinstance(factor, log):
        return factor.args[0], 1
    if isinstance(factor, Pow) and isinstance(factor.base, log) and factor.exp.is_Integer \
            and factor.exp > 0:
        return factor.base.args[0], int(factor.exp)
    return None


def pair_logs(expr: Basic) -> Basic:
    """Fold each ``log(x) / log(b)`` in the product ``expr`` into ``LogBase(x, b)``.

    A leftover ``1/log(b)`` in front of a sum of logarithms is pushed into the
    sum, so ``(x log y + log z)/log 2`` prints as ``x log_2 y + log_2 z``.
    Anything else is returned unchanged.

    >>> from sympy import symbols, log
    >>> x, y = symbols("x y")
    >>> pair_logs(-(x * log(y, 2)))
    -x*LogBase(y, 2)
    >>> pair_logs(x / log(2))
    x/log(2)
    """
    if not isinstance(expr, Mul):
        return expr
    factors = list(expr.args)
    changed = False
    for position, factor in enumerate(factors):
        found = _log_base_power(factor)
        if found is None:
            continue
        base, k = found
        for other, candidate in enumerate(factors):
            term = _log_power(candidate)
            if term is None or term[0] == base or term[1] > k:
                continue
            factors[other] = LogBase(term[0], base) ** term[1]
            k -= term[1]
            changed = True
            if k == 0:
                break
        adds = [f for f in factors if isinstance(f, Add)]
        if k == 1 and len(adds) == 1 and all(t.has(log) for t in adds[0].args):
            factors[factors.index(adds[0])] = Add(*[pair_logs(t / log(base)) for t in adds[0].args])
            k, changed = 0, True
        factors[position] = log(base) ** -k if k else Integer(1)
    if not changed:
        return expr
    factors = [f for f in factors if f != 1]
    if any(isinstance(f, Add) for f in factors):
        return Mul(*factors, evaluate=False)
    return Mul(*factors)


def _rank(factor: Basic) -> int:
    """Where a factor goes in a printed product: numbers first, sums last."""
    base = factor.base if isinstance(factor, Pow) else factor
    if factor.is_Number:
        return 0
    if isinstance(base, (Symbol, Indexed)):
        return 1
    if isinstance(base, (sympy.Sum, sympy.Product, sympy.Integral, sympy.Derivative)):
        return 4
    if isinstance(base, Function) and not isinstance(base, sympy.Abs):
        return 3
    return 2


def ordered_factors(factors: Sequence[Basic]) -> list[Basic]:
    """The factors in paper order (stable, so SymPy's order breaks ties).

    >>> from sympy import IndexedBase, Symbol, log
    >>> p, q, i = IndexedBase("p"), IndexedBase("q"), Symbol("i")
    >>> ordered_factors([log(q[i]), p[i]])
    [p[i], log(q[i])]
    """
    return sorted(factors, key=_rank)


def ordered_terms(terms: Sequence[Basic]) -> list[Basic]:
    """The terms of a sum, with a positive term moved to the front if the first is negative.

    >>> from sympy import symbols
    >>> y, yhat = symbols("y yhat")
    >>> ordered_terms([-y, yhat])
    [yhat, -y]
    """
    terms = list(terms)
    if terms and terms[0].could_extract_minus_sign():
        for position, term in enumerate(terms):
            if not term.could_extract_minus_sign():
                return [term] + terms[:position] + terms[position + 1:]
    return terms


def mul_parts(expr: Mul) -> tuple[bool, list[Basic], list[Basic], list[Basic]]:
    """Split a product for printing: ``(negative, numerator, denominator, trailing)``.

    The product prints as ``-`` (if negative), then the fraction
    numerator/denominator (or just the numerator when the denominator is
    empty), then the trailing factors. A rational coefficient stays in front
    (``1/2 (ŷ - y)^2``) and a sum stays out of the fraction (``1/n Σ ...``).

    >>> from sympy import symbols, Rational, Sum
    >>> x, y, n = symbols("x y n")
    >>> mul_parts(-Rational(1, 2) * x**2)
    (True, [1], [2], [x**2])
    >>> mul_parts(x / y)
    (False, [x], [y], [])
    >>> mul_parts(Sum(x, (x, 1, n)) / n)
    (False, [1], [n], [Sum(x, (x, 1, n))])
    """
    negative = expr.could_extract_minus_sign()
    positive = -expr if negative else expr
    coeff, rest = positive.as_coeff_Mul() if isinstance(positive, Mul) else (Integer(1), positive)
    numer, denom = sympy.fraction(rest, exact=True)
    if coeff.is_Rational and coeff.q != 1 and denom == 1 and rest != 1:
        return negative, [Integer(coeff.p)], [Integer(coeff.q)], ordered_factors(Mul.make_args(rest))
    numer, denom = sympy.fraction(positive, exact=True)
    top = ordered_factors([f for f in Mul.make_args(numer) if f != 1]) or [Integer(1)]
    bottom = ordered_factors([f for f in Mul.make_args(denom) if f != 1])
    if bottom and isinstance(top[-1], (sympy.Sum, sympy.Product, sympy.Integral)):
        return negative, top[:-1] or [Integer(1)], bottom, top[-1:]
    return negative, top, bottom, []


def bare_argument(arg: Basic) -> bool:
    """Whether a function argument can be printed without parentheses.

    Only a plain symbol, a positive integer or a simple fraction: ``\\log_2 p``
    and ``\\log \\frac{p_i}{q_i}``, but ``\\log_2(p_i)`` so that a following
    factor cannot be read as part of the argument.

    >>> from sympy import IndexedBase, Symbol
    >>> bare_argument(Symbol("p")), bare_argument(IndexedBase("p")[Symbol("i")])
    (True, False)
    """
    if isinstance(arg, Symbol) or (arg.is_Integer and arg > 0):
        return True
    if isinstance(arg, Mul) and not arg.could_extract_minus_sign():
        numer, denom = sympy.fraction(arg, exact=True)
        simple = (Symbol, Indexed, Integer)
        return denom != 1 and isinstance(numer, simple) and isinstance(denom, simple)
    return False


def is_tall(expr: Basic) -> bool:
    """Whether ``expr`` prints taller than a line (fractions, roots, big operators).

    Plain parentheses suit the others: ``\\log_2(p_i)`` rather than ``\\log_2\\left(p_i\\right)``.

    >>> from sympy import Symbol, Sum
    >>> x = Symbol("x")
    >>> is_tall(1 - x), is_tall(x / 2), is_tall(Sum(x, (x, 1, 3)))
    (False, True, True)
    """
    for node in sympy.preorder_traversal(expr):
        if isinstance(node, (sympy.Sum, sympy.Product, sympy.Integral, sympy.Derivative)):
            return True
        if isinstance(node, Pow) and node.exp.is_negative and _log_base_power(node) is None:
            return True
        if isinstance(node, Pow) and node.exp.is_Rational and not node.exp.is_Integer:
            return True
        if node.is_Rational and not node.is_Integer:
            return True
    return False


def split_accents(name: str) -> tuple[str, list[str]]:
    """``("y", ["hat"])`` for ``"yhat"``; the outermost accent comes last.

    >>> split_accents("yhat"), split_accents("thetabarhat"), split_accents("hat")
    (('y', ['hat']), ('theta', ['bar', 'hat']), ('hat', []))
    """
    accents: list[str] = []
    while True:
        for key in sorted(ACCENTS, key=len, reverse=True):
            if name.lower().endswith(key) and len(name) > len(key):
                accents.insert(0, key)
                name = name[: -len(key)]
                break
        else:
            return name, accents
