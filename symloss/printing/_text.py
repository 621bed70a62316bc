"""Escaping free text (reasons, titles, sources) for LaTeX, MathJax and Markdown.

pdflatex (with the default OT1 fonts) has no glyph for most non-ASCII
characters, so :func:`tex_escape` turns them into LaTeX commands: accented
letters into accents, Greek and mathematical signs into math symbols.
Characters it cannot express (CJK text, emoji) become ``[…]``: the HTML and
Markdown documents keep the original.

>>> tex_escape("50% of x_i & y_i {#1}")
'50\\\\% of x\\\\_i \\\\& y\\\\_i \\\\{\\\\#1\\\\}'
>>> tex_escape("ŷ ≥ 0, naïve")
'\\\\^{y} \\\\ensuremath{\\\\geq} 0, na\\\\"{\\\\i}ve'
"""
from __future__ import annotations

import re
import unicodedata

_TEXT_SPECIAL = {"_": r"\_", "%": r"\%", "&": r"\&", "#": r"\#", "{": r"\{", "}": r"\}",
                 "$": r"\$", "^": r"\^{}", "~": r"\~{}"}
_MATH_SPECIAL = {"\\": r"\backslash", "<": "<", ">": ">", "|": "|"}

_TEXT_UNICODE = {
    "\u2013": "--", "\u2014": "---", "\u2018": "`", "\u2019": "'",
    "\u201c": "``", "\u201d": "''", "\u2026": r"\dots{}", "\u00a0": "~", "\u00df": r"\ss{}",
    "\u00e6": r"\ae{}", "\u00f8": r"\o{}", "\u00c6": r"\AE{}", "\u00d8": r"\O{}",
}
_MATH_UNICODE = {
    "\u2212": "-", "\u00b7": r"\cdot", "\u2264": r"\leq", "\u2265": r"\geq", "\u2260": r"\neq",
    "\u2248": r"\approx", "\u2208": r"\in", "\u2192": r"\to", "\u21d2": r"\Rightarrow",
    "\u21d4": r"\Leftrightarrow", "\u00d7": r"\times", "\u2016": r"\|", "\u221a": r"\surd",
    "\u2211": r"\sum", "\u220f": r"\prod", "\u221e": r"\infty", "\u00b1": r"\pm",
    "\u2202": r"\partial", "\u2207": r"\nabla", "\u2713": r"\checkmark", "\u2717": r"\times",
    "\u00b0": r"^\circ", "\u2200": r"\forall", "\u2203": r"\exists", "\u2286": r"\subseteq",
    "\u2261": r"\equiv", "\u2190": r"\leftarrow", "\u2194": r"\leftrightarrow",
    "\u2022": r"\bullet", "\u2218": r"\circ", "\u2223": "|", "\u2225": r"\|", "\u2032": "'",
    "\u22c5": r"\cdot", "\u2044": "/", "\u27e8": r"\langle", "\u27e9": r"\rangle",
}
_TEXT_ACCENTS = {
    "\u0300": "`", "\u0301": "'", "\u0302": "^", "\u0303": "~", "\u0304": "=", "\u0306": "u",
    "\u0307": ".", "\u0308": '"', "\u030a": "r", "\u030c": "v", "\u0327": "c",
}
_MATH_ACCENTS = {
    "\u0300": "grave", "\u0301": "acute", "\u0302": "hat", "\u0303": "tilde", "\u0304": "bar",
    "\u0306": "breve", "\u0307": "dot", "\u0308": "ddot", "\u030c": "check", "\u20d7": "vec",
}
_LATIN_CAPITALS = {"alpha": "A", "beta": "B", "epsilon": "E", "zeta": "Z", "eta": "H", "iota": "I",
                   "kappa": "K", "mu": "M", "nu": "N", "omicron": "O", "rho": "P", "tau": "T",
                   "chi": "X"}
_UNKNOWN = "[\\dots]"
_UNKNOWN_RUN = re.compile(r"(?:\[\\dots\]\s*)+(?=\[\\dots\])")

Piece = tuple[str, str]  # ("text" | "math", LaTeX)


def _greek(char: str) -> Piece | None:
    match = re.fullmatch(r"GREEK (SMALL|CAPITAL) LETTER ([A-Z]+)", unicodedata.name(char, ""))
    if not match:
        return None
    letter = match.group(2).lower().replace("lamda", "lambda")
    if match.group(1) == "CAPITAL":
        if letter in _LATIN_CAPITALS:
            return "math", r"\mathrm{%s}" % _LATIN_CAPITALS[letter]
        letter = letter.capitalize()
    elif letter == "omicron":
        return "math", "o"
    return "math", "\\" + letter


def _piece(char: str) -> Piece:
    """One character as text-mode or math-mode LaTeX."""
    if char in _TEXT_SPECIAL:
        return "text", _TEXT_SPECIAL[char]
    if char in _MATH_SPECIAL:
        return "math", _MATH_SPECIAL[char]
    if char.isascii():
        return "text", char
    if char in _TEXT_UNICODE:
        return "text", _TEXT_UNICODE[char]
    if char in _MATH_UNICODE:
        return "math", _MATH_UNICODE[char]
    greek = _greek(char)
    if greek:
        return greek
    tag, _, rest = unicodedata.decomposition(char).partition(" ")
    plain = unicodedata.normalize("NFKD", char)
    if tag in ("<super>", "<sub>") and plain.isascii():
        inner = "".join(_piece(c)[1] for c in plain)
        return "math", ("^{%s}" if tag == "<super>" else "_{%s}") % inner
    if tag == "<fraction>" and "\u2044" in plain:
        numerator, denominator = plain.split("\u2044")
        return "math", r"\tfrac{%s}{%s}" % (numerator, denominator)
    base, *marks = unicodedata.normalize("NFD", char)
    if base.isascii() and marks:
        return _accented(("text", base), marks)
    return "text", _UNKNOWN


def _accented(piece: Piece, marks: list[str]) -> Piece:
    """Put combining ``marks`` on a piece: ``\\^{y}`` in text, ``\\hat{\\theta}`` in math."""
    kind, tex = piece
    if kind == "text" and len(tex) == 1 and all(m in _TEXT_ACCENTS for m in marks):
        tex = {"i": r"\i", "j": r"\j"}.get(tex, tex)
        for mark in marks:
            tex = "\\%s{%s}" % (_TEXT_ACCENTS[mark], tex)
        return "text", tex
    for mark in marks:
        if mark in _MATH_ACCENTS:
            tex = "\\%s{%s}" % (_MATH_ACCENTS[mark], tex)
    return "math", tex


def tex_escape(text: str) -> str:
    """``text`` as LaTeX text-mode source that pdflatex accepts.

    Math symbols become ``\\ensuremath{…}`` (safe in text and in ``\\text{}``);
    combining accents go on the character before them.

    >>> tex_escape("a\\\\b ^ ~ <x>")
    'a\\\\ensuremath{\\\\backslash}b \\\\^{} \\\\~{} \\\\ensuremath{<}x\\\\ensuremath{>}'
    >>> tex_escape("θ̂ = ½, pᵢ, 交叉熵 (cross-entropy)")
    '\\\\ensuremath{\\\\hat{\\\\theta}} = \\\\ensuremath{\\\\tfrac{1}{2}}, p\\\\ensuremath{_{i}}, [\\\\dots] (cross-entropy)'
    """
    out: list[str] = []
    for char in unicodedata.normalize("NFC", text):
        if unicodedata.combining(char) and out:
            kind, tex = out.pop()  # type: ignore[misc]
            out.append(_accented((kind, tex), [char]))  # type: ignore[arg-type]
            continue
        if unicodedata.combining(char):
            continue
        out.append(_piece(char))  # type: ignore[arg-type]
    tex = "".join(t if k == "text" else r"\ensuremath{%s}" % t for k, t in out)  # type: ignore[misc]
    return _UNKNOWN_RUN.sub("", tex)


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
