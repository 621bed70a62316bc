"""Presentation MathML for expressions: SymPy's printer, with paper conventions.

Browsers render presentation MathML natively (MathML Core), so the HTML
documents need no JavaScript. The printer follows the LaTeX one: ``log_2``,
hats, products in paper order, a positive term first.

>>> from sympy import Symbol, log
>>> mathml(log(Symbol("p"), 2))  # doctest: +NORMALIZE_WHITESPACE
'<mrow><mspace width="0.1667em"/><msub><mi>log</mi><mn>2</mn></msub><mo>&#8289;</mo><mspace
  width="0.1667em"/><mi>p</mi></mrow>'
>>> mathml(Symbol("yhat"))
'<mover accent="true"><mi>y</mi><mo stretchy="false">&#710;</mo></mover>'
"""
from __future__ import annotations

from typing import Any, Iterable
from xml.dom.minidom import Element

import sympy
from sympy import Add, Basic, Mul, Symbol
from sympy.printing.mathml import MathMLPresentationPrinter
from sympy.printing.precedence import PRECEDENCE, precedence_traditional

from symloss.printing._rewrite import (ACCENTS, LogBase, bare_argument, is_tall, mul_parts,
                                       ordered_terms, pair_logs, split_accents)

MINUS = "\u2212"
_INVISIBLE_TIMES = "\u2062"
_APPLY = "\u2061"


class SymlossMathMLPrinter(MathMLPresentationPrinter):
    """A :class:`~sympy.printing.mathml.MathMLPresentationPrinter` for derivations.

    Adds ``log_b`` (from ``log(x)/log(b)``), accents from symbol names
    (``yhat`` is ŷ), products (∏) with limits, paper order of factors and
    terms, and a true minus sign.
    """

    # -- small builders -------------------------------------------------
    def _el(self, tag: str, *children: Element | str, **attrs: str) -> Element:
        element = self.dom.createElement(tag)
        for key, value in attrs.items():
            element.setAttribute(key, value)
        for child in children:
            element.appendChild(self.dom.createTextNode(child) if isinstance(child, str) else child)
        return element

    def _mo(self, text: str) -> Element:
        return self._el("mo", text)

    def _row(self, children: Iterable[Element]) -> Element:
        return self._el("mrow", *children)

    def _parens(self, inner: Element, tall: bool = True) -> Element:
        """``( inner )``; the parentheses stretch only around tall content."""
        attrs = {} if tall else {"stretchy": "false"}
        return self._row([self._el("mo", "(", **attrs), inner, self._el("mo", ")", **attrs)])

    def _l_paren(self) -> Element:  # SymPy's, for function arguments and tuples
        return self._el("mo", "(", stretchy="false")

    def _r_paren(self) -> Element:
        return self._el("mo", ")", stretchy="false")

    def parenthesize(self, item: Basic, level: int, strict: bool = False) -> Element:
        prec = precedence_traditional(item)
        if prec < level or (not strict and prec <= level):
            return self._parens(self._print(item), is_tall(item))
        return self._print(item)

    def _thin(self) -> Element:
        return self._el("mspace", width="0.1667em")

    # -- products and sums ---------------------------------------------
    def _print_Mul(self, expr: Mul) -> Element:
        paired = pair_logs(expr)
        if paired is not expr:
            return self._print(paired)
        negative, numer, denom, trailing = mul_parts(expr)
        parts = [self._mo(MINUS)] if negative else []
        if len(numer) == 1 and not denom and isinstance(numer[0], Add):
            inner = self._print(numer[0])
            return self._row(parts + [self._parens(inner, is_tall(numer[0])) if negative else inner])
        if denom:
            parts.append(self._el("mfrac", self._factors(numer), self._factors(denom)))
            if trailing:
                parts += [self._mo(_INVISIBLE_TIMES), self._factors(trailing, alone=False)]
        else:
            parts.append(self._factors(numer))
        return parts[0] if len(parts) == 1 else self._row(parts)

    def _factors(self, factors: list[Basic], alone: bool = True) -> Element:
        if len(factors) == 1 and alone:
            return self._print(factors[0])
        children: list[Element] = []
        for position, factor in enumerate(factors):
            last = position == len(factors) - 1
            big = isinstance(factor, (sympy.Sum, sympy.Product, sympy.Integral))
            if children:
                children.append(self._mo(_INVISIBLE_TIMES))
            printed = self._print(factor) if (big and last) else self.parenthesize(factor, PRECEDENCE["Mul"])
            children.append(printed)
        return self._row(children)

    def _print_Add(self, expr: Add, order: str | None = None) -> Element:
        children: list[Element] = []
        for position, term in enumerate(ordered_terms(self._as_ordered_terms(expr, order=order))):
            negative = term.could_extract_minus_sign()
            if negative:
                children.append(self._mo(MINUS))
                term = -term
            elif position:
                children.append(self._mo("+"))
            printed = self._print(term)
            children.append(self._parens(printed, is_tall(term)) if isinstance(term, Add) else printed)
        return self._row(children)

    def _print_Sum(self, expr: Any) -> Element:
        return self._big_operator("\u2211", expr)

    def _print_Product(self, expr: Any) -> Element:
        return self._big_operator("\u220f", expr)

    def _big_operator(self, symbol: str, expr: Any) -> Element:
        limit = expr.limits[0]
        below = self._row([self._print(limit[0]), self._mo("="), self._print(limit[1])]) \
            if len(limit) == 3 else self._print(limit[0])
        operator = self._el("munderover", self._mo(symbol), below, self._print(limit[2])) \
            if len(limit) == 3 else self._el("munder", self._mo(symbol), below)
        body = expr.function if len(expr.limits) == 1 else expr.func(expr.function, *expr.limits[1:])
        inner = self._print(body)
        if isinstance(body, Add) or body.could_extract_minus_sign():
            inner = self._parens(inner, is_tall(body))
        return self._row([operator, inner])

    # -- numbers ---------------------------------------------------------
    def _print_Integer(self, expr: Any) -> Element:
        if expr < 0:
            return self._row([self._mo(MINUS), self._el("mn", str(-expr))])
        return self._el("mn", str(expr))

    def _print_Rational(self, expr: Any) -> Element:
        if expr < 0:
            return self._row([self._mo(MINUS), self._print(-expr)])
        return super()._print_Rational(expr)

    # -- functions -------------------------------------------------------
    def _apply(self, name: Element, arg: Basic) -> Element:
        """``log x`` with thin spaces (MathML Core adds none around function names)."""
        printed = self._print(arg)
        if bare_argument(arg):
            return self._row([self._thin(), name, self._mo(_APPLY), self._thin(), printed])
        return self._row([self._thin(), name, self._mo(_APPLY), self._parens(printed, is_tall(arg))])

    def _print_log(self, expr: Any) -> Element:
        return self._apply(self._el("mi", "ln" if self._settings["ln_notation"] else "log"), expr.args[0])

    def _print_LogBase(self, expr: LogBase) -> Element:
        arg, base = expr.args
        return self._apply(self._el("msub", self._el("mi", "log"), self._print(base)), arg)

    def _print_KroneckerDelta(self, expr: Any) -> Element:
        indices = self._row([self._print(arg) for arg in expr.args])
        return self._el("msub", self._el("mi", "\u03b4"), indices)

    def _print_Limit(self, expr: Any) -> Element:
        body, var, point, direction = expr.args
        target = self._print(point)
        if str(direction) in ("+", "-") and not point.is_infinite:
            target = self._el("msup", target, self._mo("+" if str(direction) == "+" else MINUS))
        below = self._row([self._print(var), self._mo("\u2192"), target])
        inner = self._print(body)
        if isinstance(body, (Add, Mul)):
            inner = self._parens(inner, is_tall(body))
        return self._row([self._el("munder", self._el("mi", "lim"), below), self._thin(), inner])

    def _print_Subs(self, expr: Any) -> Element:
        body, variables, points = expr.args
        where = [self._row([self._print(v), self._mo("="), self._print(p)])
                 for v, p in zip(variables, points)]
        bar = self._el("msub", self._el("mo", "|", stretchy="true"), self._row(where))
        return self._row([self._print(body), bar])

    def _print_Derivative(self, expr: Any) -> Element:
        from sympy.printing.conventions import requires_partial

        d = "\u2202" if requires_partial(expr) else "d"
        letter = lambda: self._el("mi", d, mathvariant="normal")  # noqa: E731
        order = expr.derivative_count
        top = letter() if order == 1 else self._el("msup", letter(), self._el("mn", str(order)))
        bottom = []
        for var, count in expr.variable_count:
            printed = self._print(var) if count == 1 else self._el("msup", self._print(var),
                                                                    self._print(count))
            bottom += [letter(), printed]
        body = expr.expr
        inner = self._print(body)
        if isinstance(body, Add):
            inner = self._parens(inner, is_tall(body))
        return self._row([self._el("mfrac", top, self._row(bottom)), inner])

    def _print_Exp1(self, expr: Any) -> Element:
        return self._el("mi", "e")

    def _print_exp(self, expr: Any) -> Element:
        return self._el("msup", self._el("mi", "e"), self._print(expr.args[0]))

    # -- symbols ---------------------------------------------------------
    def _print_Symbol(self, sym: Symbol, style: str = "plain") -> Element:
        name, supers, subs = self._split_super_sub(sym.name)
        base, accents = split_accents(name)
        if not accents:
            return super()._print_Symbol(sym, style)
        element = super()._print_Symbol(Symbol(base), style)
        for accent in accents:
            mark = self._el("mo", ACCENTS[accent], stretchy="false")
            element = self._el("mover", element, mark, accent="true")
        scripts = [self._row([self._el("mi", s) for s in group]) if len(group) > 1
                   else self._el("mi", group[0]) for group in (subs, supers) if group]
        if subs and supers:
            return self._el("msubsup", element, *scripts)
        if scripts:
            return self._el("msub" if subs else "msup", element, scripts[0])
        return element


def mathml(expr: Basic, **settings: Any) -> str:
    """Presentation MathML markup for ``expr`` (no ``<math>`` wrapper).

    >>> from sympy import IndexedBase, Sum, Symbol
    >>> p, i = IndexedBase("p"), Symbol("i")
    >>> "&#8721;" in mathml(Sum(p[i], (i, 1, Symbol("n"))))
    True
    """
    return SymlossMathMLPrinter(settings).doprint(expr)


def math_element(markup: str, display: bool = True) -> str:
    """Wrap MathML markup in ``<math>`` (``display="block"`` by default).

    >>> math_element("<mi>x</mi>")
    '<math display="block"><mi>x</mi></math>'
    """
    attribute = ' display="block"' if display else ""
    return f"<math{attribute}>{markup}</math>"
