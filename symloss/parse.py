"""Read user-typed expressions and claims into SymPy without running any of their code.

The text goes through Python's own parser into an :mod:`ast` tree, and the tree
is rebuilt from a whitelist of node types: numbers, names, ``+ - * / **``,
``p[i]``, and calls of known functions (``Sum``, ``diff``, ``Limit``, ... are
built by :mod:`symloss._parse_calculus`). ``eval``, ``exec``, ``sympify`` and
``parse_expr`` are never called on the text. Every rejection is a one-line
:class:`~symloss.errors.ParseError` naming the token and its 1-based column.

>>> parse_expression("-y*log(yhat) - (1 - y)*log(1 - yhat)")
-y*log(yhat) - (1 - y)*log(1 - yhat)
>>> parse_claim("Sum(p[i]*log(p[i]/q[i]), (i, 1, n)) >= 0")
(Sum(log(p[i]/q[i])*p[i], (i, 1, n)), <Rel.GE: '>='>, 0, ())
>>> parse_expression("__import__('os').system('echo hi')")
Traceback (most recent call last):
...
symloss.errors.ParseError: names starting with '_' are not allowed: '__import__' at column 1

Every result is checked so that ``sympy.sstr`` of it parses back to an equal
expression (so ``sqrt(-1)``, which is ``I``, is refused). Limits: 10 000
characters, nesting 100 deep, numbers of at most 100 digits, numeric exponents
up to 1000, derivatives of order up to 10, and ``TIME_LIMIT`` seconds of SymPy
evaluation (a ``SIGALRM`` timer, set only in the main thread on POSIX when no
other ``ITIMER_REAL`` timer runs).
"""
from __future__ import annotations

import ast
import io
import math
import re
import signal
import threading
import tokenize
from contextlib import contextmanager
from typing import Callable, Iterable, Iterator, NamedTuple, NoReturn

import sympy
from sympy.core.function import AppliedUndef

from symloss.errors import DomainError, ParseError
from symloss.relations import Rel

MAX_LENGTH = 10_000
MAX_DEPTH = 100
MAX_DIGITS = 100
MAX_EXPONENT = 1000
MAX_RESULT_DIGITS = 10_000  # a numeric power is refused before computing more digits
MAX_ORDER = 10
MAX_ARGS = 8  # of Max/Min: SymPy compares every pair of arguments
TIME_LIMIT = 2.0

_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_]{0,39}")
_FLOAT = re.compile(r"(\d*)\.?(\d*)(?:[eE]([+-]?\d{1,6}))?")
_CONSTANTS = {"pi": sympy.pi, "E": sympy.E, "oo": sympy.oo, "zoo": sympy.zoo, "nan": sympy.nan}
_SIGNATURES = {
    "log": "log(x) or log(x, b)", "ln": "ln(x)", "log2": "log2(x)", "exp": "exp(x)",
    "sqrt": "sqrt(x)", "Abs": "Abs(x)", "tanh": "tanh(x)", "sigmoid": "sigmoid(z)",
    "Max": "Max(a, b)", "Min": "Min(a, b)", "KroneckerDelta": "KroneckerDelta(i, j)",
    "Sum": "Sum(f, (i, a, b))", "Product": "Product(f, (i, a, b))", "diff": "diff(f, x)",
    "Derivative": "Derivative(f, x)", "Subs": "Subs(f, x, a)", "Limit": "Limit(f, x, a, '+')",
}
_CALCULUS = ("Sum", "Product", "diff", "Derivative", "Subs", "Limit")
_RESULT_TYPES = (  # what a result may contain, so that its sstr() parses back
    sympy.Symbol, sympy.Rational, sympy.Add, sympy.Mul, sympy.Pow, sympy.exp, sympy.log,
    sympy.Abs, sympy.tanh, sympy.Max, sympy.Min, sympy.KroneckerDelta, sympy.Sum, sympy.Product,
    sympy.Derivative, sympy.Subs, sympy.Limit, sympy.Indexed, sympy.IndexedBase, sympy.Tuple,
    AppliedUndef, type(-sympy.oo), *(type(c) for c in _CONSTANTS.values()))
_ALLOWED = (ast.Expression, ast.BinOp, ast.UnaryOp, ast.Call, ast.Name, ast.Constant,
            ast.Subscript, ast.Tuple, ast.keyword, ast.Load, ast.Add, ast.Sub, ast.Mult,
            ast.Div, ast.Pow, ast.UAdd, ast.USub)
_FORBIDDEN = {
    ast.Lambda: "lambda", ast.IfExp: "'if ... else'", ast.ListComp: "a comprehension",
    ast.SetComp: "a comprehension", ast.DictComp: "a comprehension",
    ast.GeneratorExp: "a generator", ast.List: "a list", ast.Dict: "a dict", ast.Set: "a set",
    ast.JoinedStr: "an f-string", ast.FormattedValue: "an f-string", ast.Slice: "a slice", ast.Starred: "'*' unpacking",
    ast.NamedExpr: "':='", ast.Await: "await", ast.Yield: "yield", ast.YieldFrom: "yield",
    ast.BoolOp: "'and'/'or'", ast.Compare: "a comparison", ast.Not: "'not'",
    ast.Invert: "'~'", ast.MatMult: "'@'", ast.FloorDiv: "'//'", ast.Mod: "'%'",
    ast.LShift: "'<<'", ast.RShift: "'>>'", ast.BitOr: "'|'", ast.BitAnd: "'&'",
    ast.BitXor: "'^' (write powers as **)",
}
_RELATIONS = {"=": Rel.EQ, "==": Rel.EQ, "<=": Rel.LE, ">=": Rel.GE, "<": Rel.LT, ">": Rel.GT,
              "!=": None}
_ARGMIN = {"same": Rel.SAME_ARGMIN, "argmax": Rel.ARGMAX_ARGMIN}
_KNOWN_RELATIONS = "=, <=, >=, <, >, same-argmin[v, ...] or argmax-argmin[v, ...]"


def parse_expression(text: str, functions: Iterable[str] = ()) -> sympy.Expr:
    """Parse one expression; names in ``functions`` may be called as undefined functions.

    Args:
        text: e.g. ``"Sum(p[i]*log(p[i]/q[i]), (i, 1, n))"``.
        functions: names callable as ``sympy.Function(name)``, e.g. ``("f",)``.

    Raises:
        TypeError: ``text`` is not a str.
        ParseError: anything outside the syntax, or over a limit.

    >>> parse_expression("0.1*f(x*y) + log2(x)", functions=["f"])
    f(x*y)/10 + log(x)/log(2)
    >>> parse_expression("x**(10**9)")
    Traceback (most recent call last):
    ...
    symloss.errors.ParseError: power too large: exponent 1000000000 (limit 1000) at column 2
    """
    text, declared = _prepare(text), _declared(functions)
    for relation in _relations(text):
        _fail(f"relation {relation.token!r} is not allowed in an expression", relation.start)
    with _time_limit():
        return _parse_side(text, 0, len(text), declared)


def parse_claim(text: str, functions: Iterable[str] = ()
                ) -> tuple[sympy.Expr, Rel, sympy.Expr, tuple[str, ...]]:
    """Parse ``LHS REL RHS`` into ``(lhs, rel, rhs, over)``.

    REL is ``=`` (or ``==``), ``<=``, ``>=``, ``<``, ``>``, ``same-argmin[v, ...]``
    or ``argmax-argmin[v, ...]``; ``over`` lists the ``v`` (``()`` for the others).

    >>> parse_claim("x**2 + 1 same-argmin[x] x**2")
    (x**2 + 1, <Rel.SAME_ARGMIN: 'same-argmin'>, x**2, ('x',))
    >>> parse_claim("a <= b <= c")
    Traceback (most recent call last):
    ...
    symloss.errors.ParseError: more than one relation: '<=' at column 3 and '<=' at column 8; a claim has exactly one
    """
    text, declared = _prepare(text), _declared(functions)
    found = _relations(text)
    if not found:
        _fail(f"missing relation: a claim needs one of {_KNOWN_RELATIONS}")
    if len(found) > 1:
        first, second = found[:2]
        if first.end == second.start:  # => or <> or ===
            _fail(f"relation {text[first.start:second.end]!r} is not supported; use {_KNOWN_RELATIONS}",
                  first.start)
        _fail(f"more than one relation: {first.token!r} at column {first.start + 1} and "
              f"{second.token!r} at column {second.start + 1}; a claim has exactly one")
    rel = found[0]
    if rel.rel is None:
        _fail(f"relation {rel.token!r} is not supported; use {_KNOWN_RELATIONS}", rel.start)
    with _time_limit():
        lhs = _parse_side(text, 0, rel.start, declared, f"left of {rel.token!r}")
        rhs = _parse_side(text, rel.end, len(text), declared, f"right of {rel.token!r}")
    return lhs, rel.rel, rhs, rel.over


def parse_assumption(text: str) -> tuple[str, str]:
    """Parse ``NAME=DOMAIN`` (the CLI's ``-a``) into ``(name, domain name)``.

    >>> parse_assumption("yhat = probability")
    ('yhat', 'probability')
    """
    from symloss.domains import domain

    if not isinstance(text, str):
        raise TypeError(f"expected a str, not {type(text).__name__}")
    name, sep, dom = (part.strip() for part in text.partition("="))
    if not sep or not name or not dom:
        _fail(f"-a expects NAME=DOMAIN, as in p=probability, not {text!r}")
    _check_name(name)
    try:
        return name, domain(dom).name
    except DomainError as exc:
        raise ParseError(_one_line(f"-a {text}: {exc}")) from None


class _Relation(NamedTuple):
    token: str
    start: int  # 0-based offsets in the whole text
    end: int
    rel: Rel | None
    over: tuple[str, ...] = ()


class _Timeout(BaseException):
    """Raised by the alarm; not an Exception, so SymPy's ``except Exception`` cannot swallow it."""


class _Refused(Exception):
    """A builder refusing its arguments; the walker adds the column of the node."""


def _one_line(message: str) -> str:
    return " ".join(message.split())


def _fail(message: str, index: int | None = None) -> NoReturn:
    """Raise a one-line ParseError; ``index`` is the 0-based offset of the bad token."""
    raise ParseError(_one_line(message if index is None else f"{message} at column {index + 1}"))


def _check_name(name: str, index: int | None = None, what: str = "name") -> None:
    if name.startswith("_"):
        _fail(f"names starting with '_' are not allowed: {name!r}", index)
    if not _NAME.fullmatch(name):
        _fail(f"{what} {name!r} is not allowed (ASCII letters, digits and _, at most 40)", index)


def _prepare(text: object) -> str:
    """Check type, size and bracket depth; make tabs and newlines spaces (one line)."""
    if not isinstance(text, str):
        raise TypeError(f"expected a str, not {type(text).__name__}")
    if len(text) > MAX_LENGTH:
        _fail(f"expression too large: {len(text)} characters (limit {MAX_LENGTH})")
    text = re.sub(r"[\t\n\r\x0b\x0c]", " ", text)
    if not text.strip():
        _fail("empty expression")
    if "#" in text:  # Python would silently drop the rest of the line
        _fail("a comment '#' is not allowed", text.index("#"))
    depth = 0
    for index, char in enumerate(text):
        depth += (char in "([{") - (char in ")]}")
        if depth > MAX_DEPTH:
            _fail(f"expression too deep: brackets nested over {MAX_DEPTH} levels", index)
    return text


def _declared(functions: Iterable[str] | None) -> frozenset[str]:
    if isinstance(functions, str):
        raise TypeError("functions must be an iterable of names, not one str")
    names = tuple(functions or ())
    for name in names:
        if not isinstance(name, str):
            raise TypeError(f"function names must be str, not {type(name).__name__}")
        _check_name(name, what="function name")
        if name in _SIGNATURES or name in _CONSTANTS:
            _fail(f"function name {name!r} is built in")
    return frozenset(names)


def _relations(text: str) -> list[_Relation]:
    """The relation tokens outside all brackets, left to right."""
    tokens: list[tokenize.TokenInfo] = []
    try:
        tokens.extend(tokenize.generate_tokens(io.StringIO(text).readline))
    except (tokenize.TokenError, SyntaxError, ValueError):
        pass  # an unclosed bracket or string: parsing the sides reports it
    found: list[_Relation] = []
    depth, i = 0, 0
    while i < len(tokens):
        tok = tokens[i]
        depth += (tok.string in ("(", "[", "{")) - (tok.string in (")", "]", "}"))
        if depth == 0 and tok.type == tokenize.OP and tok.string in _RELATIONS:
            found.append(_Relation(tok.string, tok.start[1], tok.end[1], _RELATIONS[tok.string]))
        elif depth == 0 and _is_argmin(tokens, i):
            i = _argmin(tokens, i, found)
        i += 1
    return found


def _is_argmin(tokens: list[tokenize.TokenInfo], i: int) -> bool:
    """Whether ``same-argmin`` or ``argmax-argmin`` (no spaces) starts at token ``i``."""
    three = tokens[i:i + 3]
    return (len(three) == 3 and three[0].string in _ARGMIN and three[1].string == "-"
            and three[2].string == "argmin" and three[0].end == three[1].start
            and three[1].end == three[2].start)


def _argmin(tokens: list[tokenize.TokenInfo], i: int, found: list[_Relation]) -> int:
    """Read ``same-argmin[a, b]`` from token ``i`` into ``found``; return its last token."""
    token, start = tokens[i].string + "-argmin", tokens[i].start[1]
    words = [t.string for t in tokens[i + 3:]]
    close = words.index("]") if "]" in words else -1
    names = words[1:close:2]
    if (close < 2 or words[0] != "[" or words[2:close:2] != [","] * (len(names) - 1)
            or not all(n.isidentifier() for n in names)):
        _fail(f"{token} needs the variables it is over, as in {token}[y, q]", start)
    for name in names:
        _check_name(name, start)
    end = tokens[i + 3 + close].end[1]
    found.append(_Relation(token, start, end, _ARGMIN[tokens[i].string], tuple(names)))
    return i + 3 + close


def _parse_side(text: str, start: int, end: int, declared: frozenset[str], side: str = ""
                ) -> sympy.Expr:
    """Parse ``text[start:end]`` as one expression; columns count in the whole ``text``."""
    snippet = text[start:end].lstrip(" ")
    base = end - len(snippet)
    if not snippet.strip():
        _fail(f"missing expression {side}".strip(), start)
    try:
        tree = ast.parse(snippet, mode="eval")
    except SyntaxError as exc:
        if "integer string conversion" in str(exc.msg):
            _fail(f"integer literal too large (over {MAX_DIGITS} digits)")
        _fail(f"syntax error: {exc.msg}", base + max((exc.offset or 1) - 1, 0))
    except (RecursionError, MemoryError):
        _fail("expression too deep or too long for Python's parser")
    except ValueError as exc:
        _fail(f"cannot parse the expression: {exc}")
    walker = _Walker(snippet, base, declared)
    walker.vet(tree)
    try:
        return walker.walk(tree.body)
    except RecursionError:
        _fail("expression too deep for SymPy to build")
    except MemoryError:
        _fail("expression too large: out of memory")


class _Walker:
    """Turns a whitelisted ``ast`` tree into SymPy, checking every node's result."""

    def __init__(self, snippet: str, base: int, functions: frozenset[str]) -> None:
        self.encoded, self.base, self.functions = snippet.encode(), base, functions
        self.checked: set[sympy.Basic] = set()

    def index(self, at: int) -> int:
        """0-based offset in the whole text of byte ``at`` of the snippet (ast counts bytes)."""
        return self.base + len(self.encoded[:at].decode("utf-8", errors="ignore"))

    def fail(self, node: ast.AST, message: str) -> ParseError:
        """The error to raise at ``node`` (also used by :mod:`symloss._parse_calculus`)."""
        return ParseError(_one_line(f"{message} at column {self.index(getattr(node, 'col_offset', 0)) + 1}"))

    def source(self, node: ast.AST) -> str:
        return self.encoded[node.col_offset:node.end_col_offset].decode("utf-8", errors="replace")

    def vet(self, tree: ast.AST) -> None:
        """Reject the leftmost node outside the whitelist before anything is built."""
        problems = [problem for node in ast.walk(tree) if (problem := self._problem(node))]
        if problems:
            at, message = min(problems)
            _fail(message, self.index(at))

    def _problem(self, node: ast.AST) -> tuple[int, str] | None:
        """(byte offset, message) if ``node`` is not allowed."""
        if not hasattr(node, "col_offset"):
            return None  # Expression, operators, contexts, or parts of a node refused anyway
        if isinstance(node, ast.Attribute):
            dot = self.encoded.rfind(b".", node.col_offset, node.end_col_offset - len(node.attr))
            return max(dot, node.col_offset), f"attribute access '.{node.attr}' is not allowed"
        if isinstance(node, ast.keyword) and node.arg is None:
            return node.col_offset, "'**' unpacking is not allowed"
        name = node.id if isinstance(node, ast.Name) else getattr(node, "arg", None)
        if isinstance(node, (ast.Name, ast.keyword)) and not _NAME.fullmatch(name):
            return node.col_offset, (f"names starting with '_' are not allowed: {name!r}" if name[0] == "_"
                                     else f"name {name!r} is not allowed (ASCII letters, digits and _)")
        if isinstance(node, ast.Constant) and not isinstance(node.value, (int, float, str)):
            return node.col_offset, f"constant {self.source(node)} is not allowed"
        if isinstance(node, ast.Constant) and isinstance(node.value, bool):
            return node.col_offset, f"constant {node.value} is not allowed"
        kind = type(node.op) if isinstance(node, (ast.BinOp, ast.UnaryOp)) else type(node)
        if kind in _FORBIDDEN:
            return self._operator(node), f"{_FORBIDDEN[kind]} is not allowed"
        if not isinstance(node, _ALLOWED):
            return node.col_offset, f"{type(node).__name__} is not allowed"
        return None

    def _operator(self, node: ast.AST) -> int:
        """Byte offset of the operator of a BinOp/Compare/BoolOp: the token after the left side."""
        left = getattr(node, "left", None) or (getattr(node, "values", None) or [None])[0]
        if left is None or isinstance(node, ast.UnaryOp):
            return node.col_offset
        gap = self.encoded[left.end_col_offset:]
        return left.end_col_offset + len(gap) - len(gap.lstrip(b" )"))

    def walk(self, node: ast.AST, depth: int = 0) -> sympy.Expr:
        """Build ``node`` and check its result (also used by :mod:`symloss._parse_calculus`)."""
        if depth > MAX_DEPTH:
            raise self.fail(node, f"expression too deep: nested over {MAX_DEPTH} levels")
        build = {ast.Constant: self._constant, ast.Name: self._name, ast.UnaryOp: self._unary,
                 ast.BinOp: self._binary, ast.Subscript: self._subscript, ast.Tuple: self._tuple,
                 ast.Call: self._call}.get(type(node))
        if build is None:
            raise self.fail(node, f"{type(node).__name__} is not allowed here")
        try:
            result = build(node, depth + 1)
        except (ParseError, RecursionError, MemoryError):
            raise
        except _Refused as exc:
            raise self.fail(node, str(exc)) from None
        except Exception as exc:  # SymPy refusing its arguments: TypeError, ValueError, ...
            raise self.fail(node, f"invalid expression: {type(exc).__name__}: {exc}") from None
        self.check(result, node)
        return result

    def check(self, expr: sympy.Basic, node: ast.AST) -> None:
        stack = [expr]
        while stack:
            part = stack.pop()
            if part not in self.checked:
                problem = _result_problem(part)
                if problem:
                    raise self.fail(node, problem)
                self.checked.add(part)
                stack.extend(part.args)

    def _constant(self, node: ast.Constant, depth: int) -> sympy.Expr:
        value = node.value
        if isinstance(value, str):
            raise _Refused(f"string {value[:40]!r} is not allowed (quotes are only for Limit's '+' or '-')")
        if isinstance(value, int):
            if abs(value) >= 10**MAX_DIGITS:
                raise _Refused(f"integer literal too large (over {MAX_DIGITS} digits)")
            return sympy.Integer(value)
        match = _FLOAT.fullmatch(self.source(node).replace("_", ""))
        if not match or len(match[1] + match[2]) > MAX_DIGITS or abs(int(match[3] or 0)) > MAX_DIGITS:
            raise _Refused(f"number too large (over {MAX_DIGITS} digits)")
        exponent = int(match[3] or 0) - len(match[2])  # 1.25e3 = 125 * 10**(3 - 2)
        mantissa = int(match[1] + match[2] or "0")
        return sympy.Rational(mantissa * 10**max(exponent, 0), 10**max(-exponent, 0))

    def _name(self, node: ast.Name, depth: int) -> sympy.Expr:
        if node.id in _CONSTANTS:
            return _CONSTANTS[node.id]
        if node.id in _SIGNATURES or node.id in self.functions:
            usage = _SIGNATURES.get(node.id, f"{node.id}(x)")
            raise _Refused(f"unknown name {node.id!r} used as a value; call it as {usage}")
        return sympy.Symbol(node.id)

    def _unary(self, node: ast.UnaryOp, depth: int) -> sympy.Expr:
        operand = self.walk(node.operand, depth)
        return -operand if isinstance(node.op, ast.USub) else operand

    def _binary(self, node: ast.BinOp, depth: int) -> sympy.Expr:
        if isinstance(node.op, ast.Pow):
            base, exponent = self.walk(node.left, depth), self.walk(node.right, depth)
            try:
                return _power(base, exponent)
            except _Refused as exc:
                _fail(str(exc), self.index(self._operator(node)))
        group = (ast.Add, ast.Sub) if isinstance(node.op, (ast.Add, ast.Sub)) else (ast.Mult, ast.Div)
        chain = []  # a + b - c + ... counts as one level, however long: walk its left spine
        while isinstance(node, ast.BinOp) and isinstance(node.op, group):
            chain.append((node.op, node.right))
            node = node.left
        terms = [self.walk(node, depth)]
        for op, right in reversed(chain):
            term = self.walk(right, depth)
            terms.append(-term if isinstance(op, ast.Sub) else 1 / term if isinstance(op, ast.Div) else term)
        return sympy.Add(*terms) if group[0] is ast.Add else sympy.Mul(*terms)

    def _subscript(self, node: ast.Subscript, depth: int) -> sympy.Expr:
        name = node.value.id if isinstance(node.value, ast.Name) else None
        items = node.slice.elts if isinstance(node.slice, ast.Tuple) else [node.slice]
        if name is None or name in _SIGNATURES or name in _CONSTANTS or name in self.functions:
            raise _Refused("only a plain name can be indexed, as in p[i]")
        if not items:
            raise _Refused("an index is missing, as in p[i]")
        return sympy.IndexedBase(name)[tuple(self.walk(item, depth) for item in items)]

    def _tuple(self, node: ast.Tuple, depth: int) -> sympy.Expr:
        raise _Refused("a tuple is only allowed as a range, as in Sum(f, (i, 1, n))")

    def _call(self, node: ast.Call, depth: int) -> sympy.Expr:
        name = node.func.id if isinstance(node.func, ast.Name) else None
        if name in _CALCULUS:
            from symloss._parse_calculus import special_call

            return special_call(self, node, name, depth)
        if name not in _FUNCTIONS and name not in self.functions:
            raise _Refused(f"unknown function {name or self.source(node.func)!r}")
        if node.keywords:
            raise self.fail(node.keywords[0], f"keyword argument '{node.keywords[0].arg}=' is not allowed")
        args = [self.walk(arg, depth) for arg in node.args]
        if name in self.functions:
            if not args:
                raise _Refused(f"{name} needs an argument, as in {name}(x)")
            return sympy.Function(name)(*args)
        build, counts = _FUNCTIONS[name]
        if len(args) not in counts:
            allowed = " or ".join(map(str, counts)) if len(counts) < 3 else f"{counts[0]} to {counts[-1]}"
            raise _Refused(f"{name} takes {allowed} argument(s), as in {_SIGNATURES[name]}, not {len(args)}")
        return build(*args)


def _power(base: sympy.Expr, exponent: sympy.Expr) -> sympy.Expr:
    """``base**exponent``, refusing numbers too large to compute quickly."""
    if exponent.is_Rational:
        if abs(exponent) > MAX_EXPONENT:
            raise _Refused(f"power too large: exponent {exponent} (limit {MAX_EXPONENT})")
        coefficient = base.as_coeff_Mul()[0]
        if coefficient.is_Rational and coefficient != 0:
            bits = max(coefficient.p.bit_length(), coefficient.q.bit_length())
            if bits * float(abs(exponent)) > MAX_RESULT_DIGITS * math.log2(10):
                raise _Refused(f"power too large: over {MAX_RESULT_DIGITS} digits")
    return sympy.Pow(base, exponent)


def _exp(z: sympy.Expr) -> sympy.Expr:
    """``exp(z)``; SymPy turns ``exp(c*log(b))`` into ``b**c``, so ``c`` is limited as a power."""
    for term in sympy.Add.make_args(z):
        if term.has(sympy.log) and abs(term.as_coeff_Mul()[0]) > MAX_EXPONENT:
            raise _Refused(f"power too large: exp of {term} (exponent limit {MAX_EXPONENT})")
    return sympy.exp(z)


_FUNCTIONS: dict[str, tuple[Callable[..., sympy.Expr], range]] = {
    "log": (sympy.log, range(1, 3)), "ln": (sympy.log, range(1, 2)),
    "log2": (lambda x: sympy.log(x, 2), range(1, 2)), "exp": (_exp, range(1, 2)),
    "sqrt": (sympy.sqrt, range(1, 2)), "Abs": (sympy.Abs, range(1, 2)),
    "tanh": (sympy.tanh, range(1, 2)), "sigmoid": (lambda z: 1 / (1 + _exp(-z)), range(1, 2)),
    "Max": (sympy.Max, range(1, MAX_ARGS + 1)), "Min": (sympy.Min, range(1, MAX_ARGS + 1)),
    "KroneckerDelta": (sympy.KroneckerDelta, range(2, 3)),
}


def _result_problem(part: sympy.Basic) -> str | None:
    """Why ``part`` may not be in a result (its sstr would not parse back), or None."""
    if isinstance(part, sympy.Dummy):
        return f"SymPy introduced the dummy variable {part}; write Subs/Derivative yourself"
    if part is sympy.I:
        return "the result is not real (it contains the imaginary unit I)"
    if not isinstance(part, _RESULT_TYPES):
        return f"the result contains {type(part).__name__}, which is outside the syntax"
    if part.is_Rational and max(abs(part.p), part.q) >= 10**MAX_DIGITS:
        return f"number too large (over {MAX_DIGITS} digits)"
    if part.is_Pow and part.exp.is_Rational and abs(part.exp) > MAX_EXPONENT:
        return f"power too large: exponent {part.exp} (limit {MAX_EXPONENT})"
    if isinstance(part, sympy.Derivative) and part.derivative_count > MAX_ORDER:
        return f"derivative of order {part.derivative_count} is too large (limit {MAX_ORDER})"
    return None


@contextmanager
def _time_limit() -> Iterator[None]:
    """Stop SymPy after TIME_LIMIT seconds with a ParseError (main thread, POSIX, and no
    other ``ITIMER_REAL`` timer running; the previous SIGALRM handler is put back)."""
    usable = (hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
              and signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0))
    if not usable:
        yield
        return

    def on_alarm(signum: int, frame: object) -> None:
        raise _Timeout

    previous = signal.signal(signal.SIGALRM, on_alarm)
    try:
        signal.setitimer(signal.ITIMER_REAL, TIME_LIMIT)
        try:
            yield
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
    except _Timeout:
        _fail(f"expression too large: SymPy took over {TIME_LIMIT:g} s to build it")
    finally:
        signal.signal(signal.SIGALRM, previous)
