"""The LaTeX printer and derivation blocks: golden strings and golden files.

Regenerate the golden files with ``SYMLOSS_UPDATE_GOLDEN=1 pytest tests/test_printing_latex.py``.
"""
from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from sympy import (Add, IndexedBase, Mul, Product, Rational, Sum, Symbol, exp, log, sqrt,
                   symbols)
from sympy.printing.latex import LatexPrinter

from symloss.check.verdict import Status, Verdict
from symloss.derivation import derive
from symloss.printing._examples import bce_derivation, bce_results, kl_derivation, kl_results
from symloss.printing.latex import (SymlossLatexPrinter, conclusions_latex, derivation_latex,
                                    domains_latex, latex, latex_fragment, relation_latex)
from symloss.relations import Rel

GOLDEN = Path(__file__).parent / "golden"
P, Q = IndexedBase("p"), IndexedBase("q")
i = Symbol("i", integer=True)
n = Symbol("n")
p, x, y, yhat = symbols("p x y yhat")


@pytest.mark.parametrize("expr, expected", [
    (log(p, 2), r"\log_2 p"),
    (log(p) / log(2), r"\log_2 p"),
    (-log(p, 2), r"- \log_2 p"),
    (log(Rational(1, 8), 2), "-3"),
    (log(3, 2), r"\log_2 3"),
    (log(p, 10), r"\log_{10} p"),
    (log(P[i], 2), r"\log_2({p}_{i})"),
    (log(P[i] * Q[i], 2), r"\log_2({p}_{i} {q}_{i})"),
    (log(P[i] / Q[i], 2), r"\log_2 \frac{{p}_{i}}{{q}_{i}}"),
    (log(1 - y, 2), r"\log_2(1 - y)"),
    (log(y) ** 2 / log(2) ** 2, r"\log_2^{2} y"),
    (x / log(2), r"\frac{x}{\log 2}"),
    (log(p), r"\log p"),
    (log(1 + exp(-x)), r"\log(1 + e^{- x})"),
    (log(1 + 1 / x), r"\log\left(1 + \frac{1}{x}\right)"),
])
def test_logarithms_print_as_on_paper(expr, expected):
    assert latex(expr) == expected


@pytest.mark.parametrize("expr, expected", [
    (yhat, r"\hat{y}"),
    (Symbol("thetahat"), r"\hat{\theta}"),
    (IndexedBase("yhat")[i], r"{\hat{y}}_{i}"),
    (P[i], r"{p}_{i}"),
    (yhat - y, r"\hat{y} - y"),
    (Rational(1, 2) * (yhat - y) ** 2, r"\frac{1}{2} \left(\hat{y} - y\right)^{2}"),
])
def test_hats_and_indexed_terms(expr, expected):
    assert latex(expr) == expected


@pytest.mark.parametrize("expr, expected", [
    (Sum(P[i] * log(P[i] / Q[i], 2), (i, 1, n)),
     r"\sum_{i=1}^{n} {p}_{i} \log_2 \frac{{p}_{i}}{{q}_{i}}"),
    (-Sum(P[i] * log(Q[i], 2), (i, 1, n)), r"- \sum_{i=1}^{n} {p}_{i} \log_2({q}_{i})"),
    (Sum(-P[i] * log(P[i], 2), (i, 1, n)), r"\sum_{i=1}^{n} \left(- {p}_{i} \log_2({p}_{i})\right)"),
    (Sum(P[i] + Q[i], (i, 1, n)), r"\sum_{i=1}^{n} \left({p}_{i} + {q}_{i}\right)"),
    (Sum(P[i], (i, 1, n)) / n, r"\frac{1}{n} \sum_{i=1}^{n} {p}_{i}"),
    (Product(yhat ** x * (1 - yhat) ** (1 - x), (i, 1, n)),
     r"\prod_{i=1}^{n} \hat{y}^{x} \left(1 - \hat{y}\right)^{1 - x}"),
    (Product(IndexedBase("y")[i] ** IndexedBase("x")[i], (i, 1, n)),
     r"\prod_{i=1}^{n} {y}_{i}^{{x}_{i}}"),
])
def test_sums_keep_limits_and_products_stay_products(expr, expected):
    assert latex(expr) == expected


def test_a_negated_sum_keeps_its_parentheses():
    inside = Add(x * log(y, 2), (1 - x) * log(1 - y, 2))
    assert latex(Mul(-1, inside, evaluate=False)) == \
        r"- \left(x \log_2 y + \left(1 - x\right) \log_2(1 - y)\right)"
    assert latex(-inside) == r"- x \log_2 y - \left(1 - x\right) \log_2(1 - y)"


@pytest.mark.parametrize("expr, expected", [
    (1 / (1 + exp(-x)), r"\frac{1}{1 + e^{- x}}"),
    (sqrt(x), r"\sqrt{x}"),
    (2 * x * y, "2 x y"),
])
def test_other_expressions_are_sympys(expr, expected):
    assert latex(expr) == expected


def test_the_printer_is_a_sympy_latex_printer_dispatching_on_class_names():
    assert issubclass(SymlossLatexPrinter, LatexPrinter)
    assert hasattr(SymlossLatexPrinter, "_print_LogBase")
    assert SymlossLatexPrinter().doprint(log(p, 2)) == r"\log_2 p"


@pytest.mark.parametrize("rel, over, negated, expected", [
    (Rel.EQ, (), False, "="),
    (Rel.LE, (), False, r"\leq"),
    (Rel.GT, (), True, r"\ngtr"),
    (Rel.EQ, (), True, r"\neq"),
    (Rel.SAME_ARGMIN, ("yhat",), False, r"\;\overset{\arg\min_{\hat{y}}}{\equiv}\;"),
    (Rel.ARGMAX_ARGMIN, ("w", "b"), False, r"\;\xrightarrow{\arg\max_{w, b} \,=\, \arg\min_{w, b}}\;"),
])
def test_relations(rel, over, negated, expected):
    assert relation_latex(rel, over, negated) == expected


def _reasoned(reason: str):
    return derive("esc", "Escapes", assume={"x": "real"}, start=x + x).eq(2 * x, reason)


@pytest.mark.parametrize("reason, escaped", [
    ("log_le_sub_one", r"log\_le\_sub\_one"),
    ("100% sure", r"100\% sure"),
    ("this & that", r"this \& that"),
    ("#1 rule", r"\#1 rule"),
    ("{braces}", r"\{braces\}"),
    ("costs $5", r"costs \$5"),
    (r"a\b", r"a\ensuremath{\backslash}b"),
    ("x^2 ~ y", r"x\^{}2 \~{} y"),
    ("ŷ ≥ 0", r"\^{y} \ensuremath{\geq} 0"),
])
def test_reasons_are_escaped(reason, escaped):
    tex = derivation_latex(_reasoned(reason))
    assert re.search(r"\\parbox\[t\]\{[^}]*\}\{\\raggedright\\small " + re.escape(escaped) + "}", tex)


def test_each_chain_is_one_alignment_with_numbered_tags_and_marks():
    tex = derivation_latex(kl_derivation(), kl_results())
    assert tex.count(r"\begin{alignat*}{2}") == 1 == tex.count(r"\end{alignat*}")
    assert [int(k) for k in re.findall(r"\\tag\*\{\\small \((\d+)\)", tex)] == [1, 2, 3]
    assert tex.count(r"$\checkmark$") == 3
    assert r"&\geq 0" in tex


def test_without_results_there_are_no_marks():
    tex = derivation_latex(kl_derivation())
    assert r"\checkmark" not in tex and r"\times" not in tex
    assert r"\tag*{\small (1)}" in tex


def test_a_refuted_step_is_struck_through_with_its_counterexample():
    tex = derivation_latex(bce_derivation(), bce_results())
    assert r"&\neq y \log_2 \hat{y}" in tex
    assert r"(3)~erratum~\textcolor{red}{$\boldsymbol{\times}$}" in tex
    assert r"counterexample: $y = 1,\ \hat{y} = 1 / 2$ (left side $1$, right side $-1$)" in tex


def test_an_unexpected_refutation_has_no_erratum_label():
    d = kl_derivation()
    results = kl_results(d)
    results[2] = type(results[2])(d, 2, Verdict(Status.REFUTED, counterexample={"p": ["1/2", "1/2"]}))
    tex = derivation_latex(d, results)
    assert r"&\ngeq 0" in tex and "erratum" not in tex
    assert r"counterexample: $p = \left( 1 / 2, \  1 / 2\right)$" in tex


def test_argmin_steps_use_overset_and_arrow_and_get_a_legend():
    tex = derivation_latex(bce_derivation(), bce_results())
    assert r"\xrightarrow{\arg\max_{\hat{y}} \,=\, \arg\min_{\hat{y}}}" in tex
    assert r"\overset{\arg\min_{\hat{y}}}{\equiv}" in tex
    assert r"\emph{Notation:}" in tex


def test_domains_are_stated_under_the_blocks_with_subscripts_for_families():
    assert domains_latex(bce_derivation()) == r"\noindent where $y \in \{0,1\}$ and $\hat{y} \in (0,1)$."
    kl = domains_latex(kl_derivation())
    assert kl.startswith(r"\noindent where $\left({p}_{i}\right)_{i=1}^{n}, \left({q}_{i}\right)_{i=1}^{n}"
                         r" \in \Delta$ (a probability vector: ")
    assert kl.endswith(r"and $n \in \{1,2,\dots\}$.")
    labels = derive("f", "t", assume={"x": "label", "y": "probability"},
                    start=Sum(IndexedBase("x")[i] * IndexedBase("y")[i], (i, 1, n)))
    assert domains_latex(labels) == r"\noindent where ${x}_{i} \in \{0,1\}$ and ${y}_{i} \in (0,1)$."


def test_conclusions_spell_out_argmax_and_argmin():
    tex = conclusions_latex(bce_derivation(), bce_results())
    assert r"\arg\max_{\hat{y}}\; \hat{y}^{y}" in tex and r"= \arg\min_{\hat{y}}\; - \left(" in tex
    assert "established" in tex


def test_a_fragment_names_its_packages():
    assert latex_fragment(kl_derivation()).startswith(
        "% KL divergence is cross-entropy minus entropy (kl), printed by symloss; needs amsmath")


@pytest.mark.parametrize("name, make", [
    ("kl_block.tex", lambda: derivation_latex(kl_derivation(), kl_results())),
    ("bce_block.tex", lambda: derivation_latex(bce_derivation(), bce_results())),
])
def test_golden_blocks(name, make):
    path = GOLDEN / name
    text = make()
    if os.environ.get("SYMLOSS_UPDATE_GOLDEN"):
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8"), f"regenerate with SYMLOSS_UPDATE_GOLDEN=1 if intended: {path}"
