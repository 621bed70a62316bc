"""The presentation MathML printer: same conventions as the LaTeX one, well-formed markup."""
from __future__ import annotations

from xml.dom.minidom import parseString

import pytest
from sympy import (Add, Derivative, IndexedBase, Mul, Product, Rational, Sum, Symbol, exp, log,
                   symbols)
from sympy.printing.mathml import MathMLPresentationPrinter

from symloss.printing.mathml import SymlossMathMLPrinter, math_element, mathml

P, Q = IndexedBase("p"), IndexedBase("q")
i = Symbol("i", integer=True)
n = Symbol("n")
p, x, y, yhat = symbols("p x y yhat")
LOG2 = "<msub><mi>log</mi><mn>2</mn></msub>"
THIN = '<mspace width="0.1667em"/>'


def test_the_printer_is_sympys_presentation_printer():
    assert issubclass(SymlossMathMLPrinter, MathMLPresentationPrinter)


def test_log_base_two_is_a_subscripted_log():
    assert mathml(log(p, 2)) == f"<mrow>{THIN}{LOG2}<mo>&#8289;</mo>{THIN}<mi>p</mi></mrow>"
    assert mathml(log(p) / log(2)) == mathml(log(p, 2))


def test_indexed_arguments_are_parenthesized():
    assert mathml(log(P[i], 2)).endswith(
        '<mrow><mo stretchy="false">(</mo><msub><mi>p</mi><mi>i</mi></msub>'
        '<mo stretchy="false">)</mo></mrow></mrow>')


def test_hats_are_accents():
    assert mathml(yhat) == '<mover accent="true"><mi>y</mi><mo stretchy="false">&#710;</mo></mover>'
    assert mathml(IndexedBase("yhat")[i]).startswith('<msub><mover accent="true"><mi>y</mi>')
    assert mathml(Symbol("thetahat")).startswith('<mover accent="true"><mi>&#952;</mi>')


def test_sums_and_products_keep_their_limits():
    total = mathml(Sum(P[i], (i, 1, n)))
    assert total.startswith("<mrow><munderover><mo>&#8721;</mo><mrow><mi>i</mi><mo>=</mo><mn>1</mn>"
                            "</mrow><mi>n</mi></munderover>")
    product = mathml(Product(yhat ** x, (i, 1, n)))
    assert "<mo>&#8719;</mo>" in product and "product" not in product


def test_factors_are_in_paper_order():
    out = mathml(P[i] * log(Q[i], 2))
    assert out.index("<mi>p</mi>") < out.index("<mi>log</mi>")


def test_a_positive_term_comes_first_and_minus_is_a_true_minus():
    assert mathml(yhat - y).index("<mover") < mathml(yhat - y).index("&#8722;")


def test_a_negated_sum_keeps_its_parentheses():
    inside = Add(x * log(y, 2), (1 - x) * log(1 - y, 2))
    out = mathml(Mul(-1, inside, evaluate=False))
    assert out.startswith('<mrow><mo>&#8722;</mo><mrow><mo stretchy="false">(</mo>')


def test_a_rational_coefficient_stays_in_front():
    out = mathml(Rational(1, 2) * (yhat - y) ** 2)
    assert out.startswith("<mrow><mfrac><mn>1</mn><mn>2</mn></mfrac>")


def test_negative_numbers_use_a_minus_operator():
    assert mathml(Rational(-1)) == "<mrow><mo>&#8722;</mo><mn>1</mn></mrow>"


@pytest.mark.parametrize("expr", [
    log(p, 2), Sum(P[i] * log(P[i] / Q[i], 2), (i, 1, n)), Product(yhat ** x * (1 - yhat) ** (1 - x), (i, 1, n)),
    Rational(1, 2) * (yhat - y) ** 2, 1 / (1 + exp(-x)), Derivative(log(x), x), Sum(P[i], (i, 1, n)) / n,
    -Rational(3, 4) * x, Sum(P[i] * Q[i], (i, 1, n), (Symbol("j"), 1, n)),
])
def test_output_is_well_formed_xml(expr):
    markup = math_element(mathml(expr))
    for entity, char in (("&dd;", "d"), ("&ExponentialE;", "e"), ("&InvisibleTimes;", "")):
        markup = markup.replace(entity, char)
    assert parseString(markup).documentElement.tagName == "math"
