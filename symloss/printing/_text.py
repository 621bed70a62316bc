"""Escaping free text (reasons, titles, sources) for LaTeX, MathJax and Markdown.

pdflatex (with the default OT1 fonts) has no glyph for most non-ASCII
characters, so :func:`tex_escape` turns them into LaTeX commands: accented
letters into accents, Greek and mathematical signs into math symbols.
Characters it cannot express (CJK text, emoji) become ``[...]``: the HTML and
Markdown documents keep the original.

>>> tex_escape("50% of x_i & y_i {#1}")
'50\\\\% of x\\\\_i \\\\& y\\\\_i \\\\{\\\\#1\\\\}'
>>> tex_escape("ŷ ≥ 0, naïve")
'\\\\^{y} $\\\\geq$ 0, na\\\\"{\\\\i}ve'
"""
from __future__ import annotations

import re
import unicodedata

_TEX_SPECIAL = {
    "\\": r"$\backslash$", "_": r"\_", "%": r"\%", "&": r"\&", "#": r"\#",
    "{": r"\{", "}": r"\}", "$": r"\$", "^": r"\^{}", "~": r"\~{}",
    "<": r"$<$", ">": r"$>$", "|": r"$|$",
}

_TEX_UNICODE = {
    "\u2212": "-", "\u2013": "--", "\u2014": "---", "\u2018": "`", "\u2019": "'",
    "\u201c": "``", "\u201d": "''", "\u2026": r"\dots{}", "\u00a0": "~", "\u00b7": r"$\cdot$",
    "\u2264": r"$\leq$", "\u2265": r"$\geq$", "\u2260": r"$\neq$", "\u2248": r"$\approx$",
    "\u2208": r"$\in$", "\u2192": r"$\to$", "\u21d2": r"$\Rightarrow$", "\u21d4": r"$\Leftrightarrow$",
    "\u00d7": r"$\times$", "\u2016": r"$\|$", "\u221a": r"$\surd$", "\u2211": r"$\sum$",
    "\u220f": r"$\prod$", "\u221e": r"$\infty$", "\u00b1": r"$\pm$", "\u2202": r"$\partial$",
    "\u2207": r"$\nabla$", "\u2713": r"$\checkmark$", "\u2717": r"$\times$", "\u00b0": r"$^\circ$",
    "\u2200": r"$\forall$", "\u2203": r"$\exists$", "\u2286": r"$\subseteq$", "\u2261": r"$\equiv$",
    "\u00df": r"\ss{}", "\u00e6": r"\ae{}", "\u00f8": r"\o{}", "\u00c6": r"\AE{}", "\u00d8": r"\O{}",
}

_COMBINING = {
    "\u0300": "`", "\u0301": "'", "\u0302": "^", "\u0303": "~", "\u0304": "=", "\u0306": "u",
    "\u0307": ".", "\u0308": '"', "\u030a": "r", "\u030c": "v", "\u0327": "c",
}

_SUBSCRIPTS = {chr(0x2080 + k): str(k) for k in range(10)}
_SUPERSCRIPTS = {"\u00b2": "2", "\u00b3": "3", "\u00b9": "1", "\u2070": "0",
                 **{chr(0x2074 + k): str(k + 4) for k in range(6)}}
_LATIN_CAPITALS = {"alpha": "A", "beta": "B", "epsilon": "E", "zeta": "Z", "eta": "H", "iota": "I",
                   "kappa": "K", "mu": "M", "nu": "N", "omicron": "O", "rho": "P", "tau": "T",
                   "chi": "X"}
_UNKNOWN_RUN = re.compile(r"(?:\[\.\.\.\])+")


def _greek(char: str) -> str | None:
    name = unicodedata.name(char, "")
    match = re.fullmatch(r"GREEK (SMALL|CAPITAL) LETTER ([A-Z]+)", name)
    if not match:
        return None
    letter = match.group(2).lower().replace("lamda", "lambda")
    if match.group(1) == "CAPITAL":
        if letter in _LATIN_CAPITALS:
            return _LATIN_CAPITALS[letter]
        letter = letter.capitalize()
    elif letter == "omicron":
        return "o"
    return rf"$\{letter}$"


def _tex_char(char: str) -> str:
    if char in _TEX_SPECIAL:
        return _TEX_SPECIAL[char]
    if char.isascii():
        return char
    if char in _TEX_UNICODE:
        return _TEX_UNICODE[char]
    if char in _SUBSCRIPTS:
        return f"$_{_SUBSCRIPTS[char]}$"
    if char in _SUPERSCRIPTS:
        return f"$^{_SUPERSCRIPTS[char]}$"
    greek = _greek(char)
    if greek:
        return greek
    base, *marks = unicodedata.normalize("NFD", char)
    if base.isascii() and marks and all(m in _COMBINING for m in marks):
        base = {"i": r"\i", "j": r"\j"}.get(base, base)
        for mark in marks:
            base = "\\%s{%s}" % (_COMBINING[mark], base)
        return base
    return "[...]"


def tex_escape(text: str) -> str:
    """``text`` as LaTeX text-mode source that pdflatex accepts.

    >>> tex_escape("a\\\\b ^ ~ <x>")
    'a$\\\\backslash$b \\\\^{} \\\\~{} $<$x$>$'
    >>> tex_escape("交叉熵 (cross-entropy)")
    '[...] (cross-entropy)'
    """
    out = "".join(_tex_char(char) for char in unicodedata.normalize("NFC", text))
    return _UNKNOWN_RUN.sub("[...]", out)


def tex_text(text: str) -> str:
    r"""``\text{...}`` for math mode, escaped for pdflatex.

    >>> tex_text("log_le_sub_one")
    '\\text{log\\_le\\_sub\\_one}'
    """
    return r"\text{%s}" % tex_escape(text)


_MATHJAX_SPECIAL = {
    "\\": r"\backslash ", "_": r"\_", "%": r"\%", "&": r"\&", "#": r"\#", "{": r"\{",
    "}": r"\}", "$": r"\$", "^": r"\hat{}", "~": r"\sim ", "<": "<", ">": ">",
}


def mathjax_text(text: str) -> str:
    r"""Text for math mode that renders the same in LaTeX, MathJax and KaTeX.

    MathJax does not read escapes such as ``\_`` inside ``\text{}``, so the
    special characters are set in math mode between ``\text{}`` pieces.

    >>> mathjax_text("sum_eq_one (50%)")
    '\\text{sum}\\_\\text{eq}\\_\\text{one (50}\\%\\text{)}'
    """
    parts = re.split(r"([\\_%&#{}$^~])", text)
    out = []
    for part in parts:
        if part in _MATHJAX_SPECIAL:
            out.append(_MATHJAX_SPECIAL[part])
        elif part:
            out.append(r"\text{%s}" % part)
    return "".join(out)


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#!|~$])")


def md_escape(text: str) -> str:
    r"""Markdown text that shows ``text`` literally (also inside a table cell).

    >>> md_escape("log_le_sub_one | *x*")
    'log\\_le\\_sub\\_one \\| \\*x\\*'
    """
    return _MD_SPECIAL.sub(r"\\\1", text).replace("\n", " ")
