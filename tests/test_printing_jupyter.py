"""Rich display in Jupyter: LaTeX for MathJax, HTML with MathML."""
from __future__ import annotations

import re

from symloss.printing._examples import bce_derivation, example_report, kl_derivation
from symloss.printing.jupyter import derivation_repr_html, derivation_repr_latex


def test_latex_repr_is_one_display_of_aligned_chains():
    tex = derivation_repr_latex(bce_derivation())
    assert tex.startswith("$$\\begin{aligned}") and tex.endswith("\\end{aligned}$$")
    assert tex.count("$$") == 2
    assert r"\neq" in tex and r"\text{erratum}" in tex
    assert r"\checkmark" not in tex  # a derivation has no verdicts


def test_latex_repr_text_is_mathjax_safe():
    tex = derivation_repr_latex(kl_derivation())
    for text in re.findall(r"\\text\{([^}]*)\}", tex):
        assert "\\" not in text  # MathJax would show a backslash escape literally


def test_html_repr_is_a_styled_fragment_with_mathml():
    fragment = derivation_repr_html(kl_derivation())
    assert fragment.startswith('<div class="symloss"><style>') and fragment.endswith("</div>")
    assert '<math display="block">' in fragment and "<script" not in fragment


def test_a_report_displays_as_html():
    assert "<table" in example_report()._repr_html_()
