"""The calls of the expression syntax that bind a variable: Sum, Product,
diff, Derivative, Subs and Limit (checked argument by argument)."""
from __future__ import annotations

import ast
from typing import Any

import sympy


def _limits(walker: Any, node: ast.AST, name: str, depth: int) -> tuple[sympy.Basic, ...]:
    if not isinstance(node, ast.Tuple) or len(node.elts) != 3:
        raise walker.fail(node, f"{name} needs a range: {name}(f, (i, a, b))")
    index = walker.walk(node.elts[0], depth)
    if not isinstance(index, sympy.Symbol):
        raise walker.fail(node.elts[0], f"the index of {name} must be a name")
    return (sympy.Symbol(index.name, integer=True),) + tuple(walker.walk(e, depth) for e in node.elts[1:])


def _variable(walker: Any, node: ast.AST, name: str, depth: int) -> sympy.Basic:
    value = walker.walk(node, depth)
    if not isinstance(value, (sympy.Symbol, sympy.Indexed)):
        raise walker.fail(node, f"{name} needs a variable name here")
    return value


def _derivative_variables(walker: Any, nodes: list[ast.AST], name: str, depth: int) -> list[Any]:
    out: list[Any] = []
    for arg in nodes:
        if isinstance(arg, ast.Tuple):
            if len(arg.elts) != 2:
                raise walker.fail(arg, f"{name} takes (x, k) for a k-th derivative")
            order = walker.walk(arg.elts[1], depth)
            if not (order.is_Integer and 1 <= order <= 10):
                raise walker.fail(arg, f"{name}: order must be an integer from 1 to 10")
            out.append((_variable(walker, arg.elts[0], name, depth), int(order)))
        else:
            value = walker.walk(arg, depth)
            if value.is_Integer and out:
                if not 1 <= value <= 10:
                    raise walker.fail(arg, f"{name}: order must be an integer from 1 to 10")
                out[-1] = (out[-1] if isinstance(out[-1], tuple) else (out[-1], 1))
                out[-1] = (out[-1][0], int(value))
            elif isinstance(value, (sympy.Symbol, sympy.Indexed)):
                out.append(value)
            else:
                raise walker.fail(arg, f"{name} needs variable names")
    if not out:
        raise walker.fail(nodes[0] if nodes else ast.Constant(0), f"{name} needs a variable: {name}(f, x)")
    return out


def _direction(walker: Any, node: ast.Call) -> str:
    extra = node.args[3:] + [k.value for k in node.keywords if k.arg == "dir"]
    unknown = [k.arg for k in node.keywords if k.arg != "dir"]
    if unknown:
        raise walker.fail(node, f"Limit: keyword {unknown[0]!r} is not allowed")
    if not extra:
        return "+"
    if len(extra) > 1 or not isinstance(extra[0], ast.Constant) or extra[0].value not in ("+", "-"):
        raise walker.fail(extra[0], "Limit's direction must be '+' or '-'")
    return extra[0].value


def special_call(walker: Any, node: ast.Call, name: str, depth: int) -> sympy.Basic:
    """Sum, Product, diff, Derivative, Subs, Limit."""
    args = node.args
    if node.keywords and name != "Limit":
        raise walker.fail(node.keywords[0].value, f"keyword argument {node.keywords[0].arg!r} is not allowed")
    if name in ("Sum", "Product"):
        if len(args) != 2:
            raise walker.fail(node, f"{name} needs a range: {name}(f, (i, a, b))")
        body = walker.walk(args[0], depth)
        build = sympy.Sum if name == "Sum" else sympy.Product
        limits = _limits(walker, args[1], name, depth)
        index = sympy.Symbol(str(limits[0]))
        return build(body.xreplace({index: limits[0]}), limits)
    if name in ("diff", "Derivative"):
        if len(args) < 2:
            raise walker.fail(node, f"{name} needs a variable: {name}(f, x)")
        body = walker.walk(args[0], depth)
        variables = _derivative_variables(walker, args[1:], name, depth)
        return sympy.diff(body, *variables) if name == "diff" else sympy.Derivative(body, *variables)
    if name == "Subs":
        if len(args) != 3:
            raise walker.fail(node, "Subs needs three arguments: Subs(f, x, a)")
        body = walker.walk(args[0], depth)
        if isinstance(args[1], ast.Tuple) != isinstance(args[2], ast.Tuple):
            raise walker.fail(node, "Subs: give one variable and one value, or tuples of each")
        if isinstance(args[1], ast.Tuple):
            variables = [_variable(walker, a, name, depth) for a in args[1].elts]
            values = [walker.walk(a, depth) for a in args[2].elts]
            if len(variables) != len(values) or not variables:
                raise walker.fail(node, "Subs: as many values as variables")
            return sympy.Subs(body, variables, values)
        return sympy.Subs(body, _variable(walker, args[1], name, depth), walker.walk(args[2], depth))
    # Limit
    if len(args) not in (3, 4):
        raise walker.fail(node, "Limit needs Limit(f, x, a) or Limit(f, x, a, '+')")
    body = walker.walk(args[0], depth)
    variable = _variable(walker, args[1], name, depth)
    point = walker.walk(args[2], depth)
    return sympy.Limit(body, variable, point, _direction(walker, node))
