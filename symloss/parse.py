"""Safe parsing of user-typed expressions and claims — no eval, ever.

The text is parsed by Python's own parser into an ``ast`` tree, and the tree
is walked with a whitelist: numbers, names, ``+ - * / **``, calls to known
functions, ``p[i]`` for an indexed family. Anything else is rejected with a
one-line :class:`~symloss.errors.ParseError` naming the token and its column.
Nothing in the text is ever executed: ``eval``, ``sympify`` and
``parse_expr`` are never called on it.

>>> parse_expression("log(p, 2) + p[i]")
log(p)/log(2) + p[i]
>>> parse_claim("x**2 >= 0")
(x**2, <Rel.GE: '>='>, 0, ())
>>> parse_claim("f same-argmin[y, q] g")[3]
('y', 'q')
>>> parse_expression("__import__('os')")
Traceback (most recent call last):
...
symloss.errors.ParseError: unknown function '__import__': names starting with '_' are not allowed at column 1
>>> parse_expression("__import__('os').system('echo hi')")
Traceback (most recent call last):
...
symloss.errors.ParseError: attribute access '.system' is not allowed at column 1
"""
from __future__ import annotations

import ast
import math
import re
from fractions import Fraction
from typing import Callable, Iterable

import sympy

from symloss.errors import DomainError, ParseError
from symloss.relations import Rel

MAX_LENGTH = 10_000
MAX_DEPTH = 100
MAX_DIGITS = 100
MAX_EXPONENT = 1000
MAX_RESULT_DIGITS = 10_000

_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_]{0,39}")
_ARGMIN = re.compile(r"\s(same-argmin|argmax-argmin)\s*\[([^\]]*)\]\s")
_CONSTANTS = {"pi": sympy.pi, "E": sympy.E}


def _sigmoid(z: sympy.Expr) -> sympy.Expr:
    return 1 / (1 + sympy.exp(-z))


# name -> (builder, allowed argument counts)
_FUNCTIONS: dict[str, tuple[Callable[..., sympy.Basic], tuple[int, ...]]] = {
    "log": (sympy.log, (1, 2)), "ln": (sympy.log, (1,)), "log2": (lambda x: sympy.log(x, 2), (1,)),
    "exp": (sympy.exp, (1,)), "sqrt": (sympy.sqrt, (1,)), "Abs": (sympy.Abs, (1,)),
    "tanh": (sympy.tanh, (1,)), "sigmoid": (_sigmoid, (1,)),
    "Max": (sympy.Max, tuple(range(1, 9))), "Min": (sympy.Min, tuple(range(1, 9))),
    "KroneckerDelta": (sympy.KroneckerDelta, (2,)),
}
_SPECIAL = ("Sum", "Product", "diff", "Derivative", "Subs", "Limit")


class _Walker:
    """Turns a whitelisted ``ast`` tree into a SymPy expression."""

    def __init__(self, functions: Iterable[str]) -> None:
        self.functions = set(functions)

    def fail(self, node: ast.AST, message: str) -> ParseError:
        column = getattr(node, "col_offset", 0) + 1
        return ParseError(f"{message} at column {column}")

    def walk(self, node: ast.AST, depth: int = 0) -> sympy.Basic:
        if depth > MAX_DEPTH:
            raise self.fail(node, f"expression nested too deep (limit {MAX_DEPTH})")
        method = getattr(self, f"_{type(node).__name__}", None)
        if method is None:
            raise self.fail(node, f"{_describe(node)} is not allowed")
        return method(node, depth + 1)

    def _Constant(self, node: ast.Constant, depth: int) -> sympy.Basic:
        value = node.value
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise self.fail(node, f"constant {value!r} is not allowed")
        if isinstance(value, int):
            if len(str(abs(value))) > MAX_DIGITS:
                raise self.fail(node, f"integer literal too large (over {MAX_DIGITS} digits)")
            return sympy.Integer(value)
        if not math.isfinite(value):
            raise self.fail(node, "number is not finite")
        return sympy.Rational(Fraction(repr(value)).limit_denominator(10**30))

    def _Name(self, node: ast.Name, depth: int) -> sympy.Basic:
        name = node.id
        _check_name(self, node, name)
        if name in _CONSTANTS:
            return _CONSTANTS[name]
        if name in _FUNCTIONS or name in _SPECIAL or name in self.functions:
            raise self.fail(node, f"{name!r} is a function; call it as {name}(...)")
        return sympy.Symbol(name)

    def _UnaryOp(self, node: ast.UnaryOp, depth: int) -> sympy.Basic:
        operand = self.walk(node.operand, depth)
        if isinstance(node.op, ast.USub):
            return -operand
        if isinstance(node.op, ast.UAdd):
            return operand
        raise self.fail(node, f"operator {_describe(node.op)} is not allowed")

    def _BinOp(self, node: ast.BinOp, depth: int) -> sympy.Basic:
        ops = {ast.Add: lambda a, b: a + b, ast.Sub: lambda a, b: a - b,
               ast.Mult: lambda a, b: a * b, ast.Div: lambda a, b: a / b}
        left, right = self.walk(node.left, depth), self.walk(node.right, depth)
        if isinstance(node.op, ast.Pow):
            return _power(self, node, left, right)
        op = ops.get(type(node.op))
        if op is None:
            raise self.fail(node, f"operator {_describe(node.op)} is not allowed")
        return op(left, right)

    def _Subscript(self, node: ast.Subscript, depth: int) -> sympy.Basic:
        if not isinstance(node.value, ast.Name):
            raise self.fail(node, "only a name can be indexed, as in p[i]")
        _check_name(self, node.value, node.value.id)
        if isinstance(node.slice, (ast.Slice, ast.Tuple)):
            raise self.fail(node.slice, "an index must be one expression, as in p[i]")
        index = self.walk(node.slice, depth)
        return sympy.IndexedBase(node.value.id)[index]

    def _Call(self, node: ast.Call, depth: int) -> sympy.Basic:
        if not isinstance(node.func, ast.Name):
            raise self.fail(node.func, f"{_describe(node.func)} is not allowed")
        name = node.func.id
        if name.startswith("_"):
            raise self.fail(node, f"unknown function {name!r}: names starting with '_' are not allowed")
        if name in _SPECIAL:
            from symloss._parse_calculus import special_call

            return special_call(self, node, name, depth)
        if node.keywords:
            raise self.fail(node.keywords[0].value, f"keyword argument {node.keywords[0].arg!r} is not allowed")
        args = [self.walk(a, depth) for a in node.args]
        if name in _FUNCTIONS:
            build, counts = _FUNCTIONS[name]
            if len(args) not in counts:
                raise self.fail(node, f"{name} takes {' or '.join(map(str, counts[:2]))} argument(s), not {len(args)}")
            return build(*args)
        if name in self.functions:
            return sympy.Function(name)(*args)
        raise self.fail(node, f"unknown function {name!r}")


def _check_name(walker: _Walker, node: ast.AST, name: str) -> None:
    if name.startswith("_"):
        raise walker.fail(node, f"names starting with '_' are not allowed: {name!r}")
    if not _NAME.fullmatch(name):
        raise walker.fail(node, f"name {name!r} is not allowed (letters, digits and _, at most 40)")


def _power(walker: _Walker, node: ast.BinOp, base: sympy.Basic, exponent: sympy.Basic) -> sympy.Basic:
    if exponent.is_Number and abs(exponent) > MAX_EXPONENT:
        raise walker.fail(node, f"power too large: exponent {exponent} (limit {MAX_EXPONENT})")
    if base.is_Number and exponent.is_Number and base != 0:
        digits = abs(float(exponent)) * math.log10(max(abs(float(base)), 1 / abs(float(base)), 2.0))
        if digits > MAX_RESULT_DIGITS:
            raise walker.fail(node, f"power too large: about {int(digits)} digits")
    return base ** exponent


def _describe(node: ast.AST) -> str:
    names = {ast.Attribute: "attribute access", ast.Lambda: "lambda", ast.Compare: "a comparison",
             ast.BoolOp: "and/or", ast.IfExp: "if/else", ast.List: "a list", ast.Dict: "a dict",
             ast.ListComp: "a comprehension", ast.GeneratorExp: "a generator", ast.JoinedStr: "an f-string",
             ast.Tuple: "a tuple", ast.Starred: "*", ast.FloorDiv: "'//'", ast.Mod: "'%'",
             ast.MatMult: "'@'", ast.BitXor: "'^' (use ** for powers)", ast.Not: "not",
             ast.Invert: "'~'", ast.NamedExpr: "':='", ast.Set: "a set", ast.Await: "await",
             ast.Yield: "yield", ast.BitAnd: "'&'", ast.BitOr: "'|'", ast.LShift: "'<<'",
             ast.RShift: "'>>'", ast.SetComp: "a comprehension", ast.DictComp: "a comprehension"}
    if isinstance(node, ast.Attribute):
        return f"attribute access '.{node.attr}'"
    return names.get(type(node), type(node).__name__)


def _syntax_tree(text: str) -> ast.expr:
    if not isinstance(text, str):
        raise TypeError(f"expected a string, not {type(text).__name__}")
    if not text.strip():
        raise ParseError("empty expression")
    if len(text) > MAX_LENGTH:
        raise ParseError(f"expression too long ({len(text)} characters, limit {MAX_LENGTH})")
    if "\x00" in text:
        raise ParseError("NUL character in expression")
    try:
        tree = ast.parse(text.strip(), mode="eval")
    except SyntaxError as exc:
        message = (exc.msg or "invalid syntax").split("\n")[0]
        raise ParseError(f"syntax error: {message} at column {exc.offset or 0}") from None
    except (RecursionError, MemoryError, ValueError, OverflowError) as exc:
        raise ParseError(f"expression cannot be parsed: {type(exc).__name__} (too deep or too large?)") from None
    return tree.body


def parse_expression(text: str, functions: Iterable[str] = ()) -> sympy.Basic:
    """Parse one expression of the DESIGN.md syntax into SymPy.

    Args:
        text: the expression, e.g. ``"Sum(p[i]*log(p[i]/q[i]), (i, 1, n))"``.
        functions: names allowed as undefined functions, e.g. ``("f",)``.

    Raises:
        ParseError: anything outside the syntax (one line, with the column).
        TypeError: ``text`` is not a string.
    """
    tree = _syntax_tree(text)
    try:
        return _Walker(functions).walk(tree)
    except RecursionError:
        raise ParseError(f"expression nested too deep (limit {MAX_DEPTH})") from None
    except (TypeError, ValueError, ArithmeticError) as exc:
        if isinstance(exc, ParseError):
            raise
        message = " ".join(str(exc).split()) or type(exc).__name__
        raise ParseError(f"invalid expression: {message}") from None


_SIMPLE_RELATIONS = {ast.Eq: Rel.EQ, ast.LtE: Rel.LE, ast.GtE: Rel.GE, ast.Lt: Rel.LT, ast.Gt: Rel.GT}


def parse_claim(text: str, functions: Iterable[str] = ()) -> tuple[sympy.Basic, Rel, sympy.Basic, tuple[str, ...]]:
    """Parse ``"LHS REL RHS"``: returns (lhs, rel, rhs, over).

    REL is ``=`` (or ``==``), ``<=``, ``>=``, ``<``, ``>``, or
    ``same-argmin[v, ...]`` / ``argmax-argmin[v, ...]``.

    >>> parse_claim("log(a*b) = log(a) + log(b)")[1]
    <Rel.EQ: '='>
    >>> parse_claim("a <= b <= c")
    Traceback (most recent call last):
    ...
    symloss.errors.ParseError: a claim needs exactly one relation, found 2
    """
    if not isinstance(text, str):
        raise TypeError(f"expected a string, not {type(text).__name__}")
    found = list(_ARGMIN.finditer(f" {text} "))
    if found:
        if len(found) > 1:
            raise ParseError(f"a claim needs exactly one relation, found {len(found)}")
        match = found[0]
        padded = f" {text} "
        over = tuple(v.strip() for v in match.group(2).split(",") if v.strip())
        if not over or not all(_NAME.fullmatch(v) for v in over):
            raise ParseError(f"{match.group(1)}[...] needs variable names, as in {match.group(1)}[y]")
        lhs_text, rhs_text = padded[:match.start()], padded[match.end():]
        if not lhs_text.strip() or not rhs_text.strip():
            raise ParseError(f"{match.group(1)} needs an expression on each side")
        return (parse_expression(lhs_text, functions), Rel.parse(match.group(1)),
                parse_expression(rhs_text, functions), over)
    tree = _syntax_tree(re.sub(r"(?<![<>=!])=(?!=)", "==", text))
    if not isinstance(tree, ast.Compare):
        raise ParseError("a claim needs a relation: =, <=, >=, <, >, same-argmin[v] or argmax-argmin[v]")
    if len(tree.ops) != 1:
        raise ParseError(f"a claim needs exactly one relation, found {len(tree.ops)}")
    rel = _SIMPLE_RELATIONS.get(type(tree.ops[0]))
    if rel is None:
        raise ParseError(f"relation {_describe(tree.ops[0])} is not allowed; use =, <=, >=, <, >")
    walker = _Walker(functions)
    try:
        return walker.walk(tree.left), rel, walker.walk(tree.comparators[0]), ()
    except RecursionError:
        raise ParseError(f"expression nested too deep (limit {MAX_DEPTH})") from None


def parse_assumption(text: str) -> tuple[str, str]:
    """Parse ``NAME=DOMAIN`` (the CLI's ``-a``).

    >>> parse_assumption("p=probability")
    ('p', 'probability')
    """
    from symloss.domains import domain

    name, sep, dom = text.partition("=")
    name, dom = name.strip(), dom.strip()
    if not sep or not name or not dom:
        raise ParseError(f"-a expects NAME=DOMAIN, as in p=probability, not {text!r}")
    if not _NAME.fullmatch(name):
        raise ParseError(f"-a: {name!r} is not a valid name")
    try:
        return name, domain(dom).name
    except DomainError as exc:
        raise ParseError(f"-a {text}: {exc}") from None
