"""The LaTeX printer for expressions: SymPy's, with paper conventions.

>>> from sympy import IndexedBase, Rational, Sum, Symbol, log
>>> p, q, i, n = IndexedBase("p"), IndexedBase("q"), Symbol("i", integer=True), Symbol("n")
>>> latex(log(Symbol("p"), 2))
'\\\\log_2 p'
>>> latex(-Sum(p[i] * log(q[i], 2), (i, 1, n)))
'- \\\\sum_{i=1}^{n} {p}_{i} \\\\log_2({q}_{i})'
>>> latex(Rational(1, 2) * (Symbol("yhat") - Symbol("y"))**2)
'\\\\frac{1}{2} \\\\left(\\\\hat{y} - y\\\\right)^{2}'
"""
from __future__ import annotations

from typing import Any

from sympy import Add, Basic, Mul
from sympy.printing.latex import LatexPrinter

from symloss.printing._rewrite import LogBase, bare_argument, is_tall, mul_parts, ordered_terms, pair_logs


class SymlossLatexPrinter(LatexPrinter):
    """A :class:`~sympy.printing.latex.LatexPrinter` that prints the way a derivation is written.

    - ``log(p, 2)`` (stored by SymPy as ``log(p)/log(2)``) prints ``\\log_{2} p``;
    - a function argument other than a symbol or a simple fraction is
      parenthesized (``\\log_{2}\\left(p_i\\right)``);
    - products are ordered number, letters, powers, functions, sums
      (``p_i \\log q_i``), with a leading rational coefficient kept in front
      (``\\frac{1}{2} (\\hat{y} - y)^2``);
    - a sum starts with a positive term when it has one (``\\hat{y} - y``).

    Hats, indexed subscripts, sum and product limits are SymPy's own.
    """

    # -- products and sums ---------------------------------------------
    def _print_Mul(self, expr: Mul) -> str:
        paired = pair_logs(expr)
        if paired is not expr:
            return self._print(paired)
        if not _is_evaluated(expr):
            return super()._print_Mul(expr)
        negative, numer, denom, trailing = mul_parts(expr)
        sign = "- " if negative else ""
        if len(numer) == 1 and not denom and isinstance(numer[0], Add):
            inner = self._print(numer[0])
            return sign + self._add_parens(inner) if negative else inner
        if not denom:
            return sign + self._factors(numer)
        tex = r"\frac{%s}{%s}" % (self._factors(numer), self._factors(denom))
        return sign + tex + (" " + self._factors(trailing, after_coeff=True) if trailing else "")

    def _factors(self, factors: list[Basic], after_coeff: bool = False) -> str:
        """Print factors side by side, bracketing those that need it."""
        if len(factors) == 1 and not after_coeff:
            return self._print(factors[0])
        parts = []
        for position, factor in enumerate(factors):
            tex = self._print(factor)
            first = position == 0 and not after_coeff
            if self._needs_mul_brackets(factor, first=first, last=position == len(factors) - 1):
                tex = self._add_parens(tex)
            if parts and factor.is_Number and factors[position - 1].is_Number:
                parts.append(r"\cdot")
            parts.append(tex)
        return " ".join(parts) if parts else "1"

    def _add_parens(self, s: str) -> str:
        return r"\left(%s\right)" % s

    def _print_Add(self, expr: Add, order: str | None = None) -> str:
        terms = ordered_terms(self._as_ordered_terms(expr, order=order))
        return super()._print_Add(Add(*terms, evaluate=False), order="none")

    # -- sums and products --------------------------------------------
    def _print_Sum(self, expr: Any) -> str:
        return self._big_operator(r"\sum", expr)

    def _print_Product(self, expr: Any) -> str:
        return self._big_operator(r"\prod", expr)

    def _big_operator(self, symbol: str, expr: Any) -> str:
        r"""``\sum_{i=1}^{n} f``, parenthesizing a summand that is a sum or negative."""
        limits = expr.limits
        if len(limits) == 1:
            index, *bounds = (self._print(part) for part in limits[0])
            tex = symbol + ("_{%s=%s}^{%s}" % (index, *bounds) if bounds else "_{%s}" % index)
        else:
            rows = [self._limit(limit) for limit in limits]
            tex = symbol + r"_{\substack{%s}}" % r"\\".join(rows)
        body = expr.function
        inner = self._print(body)
        if isinstance(body, Add) or body.could_extract_minus_sign():
            inner = self._add_parens(inner)
        return tex + " " + inner

    def _limit(self, limit: Any) -> str:
        if len(limit) == 3:
            return r"%s \leq %s \leq %s" % tuple(self._print(part) for part in (limit[1], limit[0], limit[2]))
        return self._print(limit[0])

    # -- logarithms ----------------------------------------------------
    def _argument(self, arg: Basic) -> str:
        tex = self._print(arg)
        if bare_argument(arg):
            return " " + tex
        return self._add_parens(tex) if is_tall(arg) else "(%s)" % tex

    def _print_log(self, expr: Any, exp: str | None = None) -> str:
        name = r"\ln" if self._settings["ln_notation"] else r"\log"
        if exp is not None:
            name += "^{%s}" % exp
        return name + self._argument(expr.args[0])

    def _print_LogBase(self, expr: LogBase, exp: str | None = None) -> str:
        arg, base = expr.args
        base_tex = self._print(base)
        name = r"\log_%s" % base_tex if len(base_tex) == 1 else r"\log_{%s}" % base_tex
        if exp is not None:
            name += "^{%s}" % exp
        return name + self._argument(arg)


def _is_evaluated(expr: Mul) -> bool:
    """False for a product built with ``evaluate=False`` that shows 1 or several numbers."""
    args = expr.args
    return not (args[0] == 1 or any(arg.is_Number for arg in args[1:]))


def latex(expr: Basic, **settings: Any) -> str:
    """LaTeX for ``expr`` with :class:`SymlossLatexPrinter` (SymPy's settings accepted).

    >>> from sympy import IndexedBase, Product, Symbol
    >>> x, yhat, i = IndexedBase("x"), IndexedBase("yhat"), Symbol("i")
    >>> latex(Product(yhat[i]**x[i], (i, 1, Symbol("n"))))
    '\\\\prod_{i=1}^{n} {\\\\hat{y}}_{i}^{{x}_{i}}'
    """
    return SymlossLatexPrinter(settings).doprint(expr)
