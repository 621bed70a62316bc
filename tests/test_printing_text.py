"""Escaping free text for LaTeX, MathJax/KaTeX and Markdown."""
from __future__ import annotations

import pytest

from symloss.printing._text import mathjax_text, md_escape, tex_escape, tex_text


@pytest.mark.parametrize("text, expected", [
    ("plain words", "plain words"),
    ("a_b % c & d # e { f } $g", r"a\_b \% c \& d \# e \{ f \} \$g"),
    ("^ ~", r"\^{} \~{}"),
    ("a\\b", r"a\ensuremath{\backslash}b"),
    ("x < y > z | w", r"x \ensuremath{<} y \ensuremath{>} z \ensuremath{|} w"),
    ("ŷ", r"\^{y}"),
    ("naïve café", r"na\"{\i}ve caf\'{e}"),
    ("θ̂ ≥ 0", r"\ensuremath{\hat{\theta}} \ensuremath{\geq} 0"),
    ("½(ŷ−y)²", r"\ensuremath{\tfrac{1}{2}}(\^{y}\ensuremath{-}y)\ensuremath{^{2}}"),
    ("pᵢ log₂ qᵢ", r"p\ensuremath{_{i}} log\ensuremath{_{2}} q\ensuremath{_{i}}"),
    ("D(P‖Q) ∈ Σ", r"D(P\ensuremath{\|}Q) \ensuremath{\in} \ensuremath{\Sigma}"),
    ("“quoted” — dash…", r"``quoted'' --- dash\dots{}"),
    ("相对熵 (KL 散度)", r"[\dots] (KL [\dots])"),
    ("交叉熵 交叉熵", r"[\dots]"),
])
def test_tex_escape(text, expected):
    assert tex_escape(text) == expected


def test_tex_text_wraps_in_text():
    assert tex_text("a_b") == r"\text{a\_b}"


def test_no_display_math_can_appear_from_adjacent_symbols():
    assert "$$" not in tex_escape("$≥≤$")


@pytest.mark.parametrize("text, expected", [
    ("plain", r"\text{plain}"),
    ("a_b", r"\text{a}\_\text{b}"),
    ("50% & #{}$", r"\text{50}\%\text{ }\&\text{ }\#\{\}\$"),
    ("a\\b^c~d", r"\text{a}\backslash \text{b}\hat{}\text{c}\sim \text{d}"),
])
def test_mathjax_text_sets_specials_in_math_mode(text, expected):
    assert mathjax_text(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("log_le_sub_one", r"log\_le\_sub\_one"),
    ("a | b", r"a \| b"),
    ("*bold* `code` [link](x) <tag> #1 $x$", r"\*bold\* \`code\` \[link\](x) \<tag\> \#1 \$x\$"),
    ("two\nlines", "two lines"),
])
def test_md_escape(text, expected):
    assert md_escape(text) == expected
