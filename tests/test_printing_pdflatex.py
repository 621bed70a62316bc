"""The generated LaTeX compiles with the real pdflatex, with no errors."""
from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from sympy import IndexedBase, Rational, Sum, Symbol, log

from symloss.check.report import StepResult
from symloss.check.verdict import Status, Verdict
from symloss.derivation import derive
from symloss.printing._examples import example_pairs, example_report
from symloss.printing.document import LatexError, compile_pdf, write_documents
from symloss.printing.latex import latex_document, latex_fragment

pytestmark = pytest.mark.skipif(
    shutil.which("pdflatex") is None,
    reason="pdflatex is not installed; install it with: apt-get install texlive-latex-base "
           "texlive-latex-recommended texlive-fonts-recommended")

NASTY = "50% of x_i & y_i {#1} costs $5 ^ ~ a\\b <x> |y| — ŷ ≥ ½, θ̂, pᵢ log₂ qᵢ, D(P‖Q), 交叉熵"


def _nasty_derivation():
    """Every special character, Unicode, CJK, a long expression and all four verdicts."""
    x, yhat = Symbol("x"), Symbol("yhat")
    p, i, n = IndexedBase("p"), Symbol("i", integer=True), Symbol("n")
    long = Sum(p[i] * log(p[i], 2) + (1 - p[i]) * log(1 - p[i], 2) + x * log(yhat, 2), (i, 1, n))
    d = (derive("nasty", NASTY, assume={"x": "label", "yhat": "probability", "p": "simplex",
                                         "n": "posint"}, start=long, source=NASTY)
         .eq(long, NASTY, rule="rule_with_under_scores")
         .le(long + 1, "long " * 40, rule="a_b")
         .lt(long + 2, "unproved one")
         .claim(x, "=", Rational(1, 3), "error one"))
    verdicts = [Verdict(Status.PROVED, method="x_y%z"), Verdict(Status.REFUTED, counterexample={
        "x": "1", "yhat": "0.3333333333333333333", "p[1]": "1/2", "p": ["1/4", "3/4"], "q": "sqrt(2)"},
        values=("-0.69314718055994530942", "weird_value")),
        Verdict(Status.UNPROVED, reason="timeout"), Verdict(Status.ERROR, reason="bad {input}")]
    return d, [StepResult(d, k, v) for k, v in enumerate(verdicts)]


def _log_errors(log: Path) -> list[str]:
    return [line for line in log.read_text(errors="replace").splitlines() if line.startswith("!")]


def test_the_whole_document_compiles(tmp_path):
    out = tmp_path / "doc"
    messages: list[str] = []
    written = write_documents(example_report(), out, progress=messages.append)
    pdf = out / "symloss.pdf"
    assert pdf in written and pdf.read_bytes()[:5] == b"%PDF-"
    assert any("compiling symloss.pdf" in m for m in messages)
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
        assert "Contents" in text and "KL divergence is cross-entropy minus entropy" in text
        assert "counterexample" in text


def test_special_characters_unicode_and_every_verdict_compile(tmp_path):
    pairs = example_pairs() + [_nasty_derivation()]
    tex = tmp_path / "nasty.tex"
    tex.write_text(latex_document(pairs), encoding="utf-8")
    pdf = compile_pdf(tex)
    assert pdf.exists() and not tex.with_suffix(".log").exists()


def test_fragments_compile_when_input_into_a_minimal_document(tmp_path):
    names = []
    for d, results in example_pairs() + [_nasty_derivation()]:
        (tmp_path / f"{d.name}.tex").write_text(latex_fragment(d, results), encoding="utf-8")
        names.append(d.name)
    body = "\n".join(rf"\input{{{name}}}" for name in names)
    main = tmp_path / "main.tex"
    main.write_text("\\documentclass{article}\n\\usepackage{amsmath,amssymb,xcolor}\n"
                    f"\\begin{{document}}\n{body}\n\\end{{document}}\n", encoding="utf-8")
    assert compile_pdf(main, runs=1).exists()


def test_a_latex_error_is_reported_with_its_first_error_line(tmp_path):
    bad = tmp_path / "bad.tex"
    bad.write_text("\\documentclass{article}\n\\begin{document}\n\\undefinedmacro\n\\end{document}\n")
    with pytest.raises(LatexError, match=r"Undefined control sequence\. \(l\.3 \\undefinedmacro\)"):
        compile_pdf(bad)
    assert _log_errors(bad.with_suffix(".log"))  # the log is kept for the user


def test_every_page_has_text(tmp_path):
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext is not installed; install it with: apt-get install poppler-utils")
    tex = tmp_path / "doc.tex"
    tex.write_text(latex_document(example_pairs()), encoding="utf-8")
    pdf = compile_pdf(tex)
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    assert 2 <= pages <= 6
