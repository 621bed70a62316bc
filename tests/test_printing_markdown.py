"""Markdown documents: display blocks GitHub, MathJax and KaTeX render; text and tables."""
from __future__ import annotations

import re

import pytest
from sympy import Symbol

from symloss.derivation import derive
from symloss.printing._examples import bce_derivation, bce_results, example_pairs, kl_derivation
from symloss.printing.markdown import derivation_markdown, domains_markdown

#: Macros that KaTeX, MathJax 3 (GitHub) and LaTeX all support.
PORTABLE = {
    "begin", "end", "aligned", "sum", "prod", "log", "frac", "left", "right", "hat", "text", "quad",
    "checkmark", "times", "neq", "leq", "geq", "nleq", "ngeq", "nless", "ngtr", "overset", "arg",
    "min", "max", "equiv", "not", "xrightarrow", "in", "Delta", "dots", "partial", "cdot", "sqrt",
    "theta", "infty", "_", "%", "&", "#", "{", "}", "$", "backslash", "sim", ",", ";", " ", "ln",
    "\\",
}


def _blocks(md: str) -> list[str]:
    return re.findall(r"^\$\$\n(.*?)\n\$\$$", md, flags=re.S | re.M)


@pytest.mark.parametrize("derivation, results", example_pairs())
def test_display_blocks_are_balanced_and_separated_by_blank_lines(derivation, results):
    md = derivation_markdown(derivation, results)
    lines = md.splitlines()
    fences = [k for k, line in enumerate(lines) if line == "$$"]
    assert len(fences) % 2 == 0 and fences
    for opening in fences[::2]:
        assert opening == 0 or lines[opening - 1] == ""
    for closing in fences[1::2]:
        assert closing + 1 == len(lines) or lines[closing + 1] == ""


@pytest.mark.parametrize("derivation, results", example_pairs())
def test_math_uses_only_portable_macros(derivation, results):
    md = derivation_markdown(derivation, results)
    used = set()
    for block in _blocks(md) + re.findall(r"(?<!\$)\$([^$\n]+)\$(?!\$)", md):
        used |= set(re.findall(r"\\([A-Za-z]+|.)", block))
    assert used - PORTABLE == set()


def test_each_chain_is_an_aligned_block_with_numbered_steps_and_reasons():
    md = derivation_markdown(bce_derivation(), bce_results())
    blocks = [b for b in _blocks(md) if b.startswith(r"\begin{aligned}")]
    assert len(blocks) == 2
    assert all(b.endswith(r"\end{aligned}") for b in blocks)
    assert r"&& (1)\ \checkmark\quad \text{negative log-likelihood: log is increasing}" in blocks[0]
    assert r"&\neq y \log_2 \hat{y}" in blocks[1] and r"(3)\ \text{erratum}\ \times" in blocks[1]


def test_reasons_with_markdown_specials_stay_literal():
    x = Symbol("x")
    d = derive("md", "Pipes | and *stars*", assume={"x": "real"}, start=2 * x).eq(
        x + x, "a | b, *c*, 1_000 & {d}")
    md = derivation_markdown(d, [])
    assert md.startswith(r"# Pipes \| and \*stars\*")
    assert r"\text{a | b, *c*, 1}\_\text{000 }\&\text{ }\{\text{d}\}" in md


def test_verdict_table_has_one_row_per_checked_step():
    md = derivation_markdown(bce_derivation(), bce_results())
    table = [line for line in md.splitlines() if line.startswith("|")]
    assert table[0] == "| Step | Reason | Verdict | Method or reason | Time (s) |"
    assert table[1] == "|---:|---|---|---|---:|"
    assert len(table) == 2 + 3
    assert table[4] == ("| 3 | the note's last line drops the minus sign | "
                        "✗ refuted (erratum, as expected) | `numeric` | 0.03 |")
    assert all(line.count("|") == 6 for line in table)


def test_no_verdicts_without_results():
    md = derivation_markdown(kl_derivation())
    assert "| Step |" not in md and r"\checkmark" not in md


def test_counterexample_and_domains_are_text_with_inline_math():
    md = derivation_markdown(bce_derivation(), bce_results())
    assert ("**Step 3 refuted** (refuted (erratum, as expected)): counterexample: "
            r"$y = 1,\ \hat{y} = 1 / 2$ (left side $1$, right side $-1$).") in md
    assert domains_markdown(bce_derivation()) in md


def test_heading_level_can_be_chosen():
    md = derivation_markdown(kl_derivation(), level=2)
    assert md.startswith("## KL divergence") and "\n### What it shows\n" in md
