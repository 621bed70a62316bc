"""Notation shared by the note's derivations (no derivation lives here).

The note writes the information content of an event of probability x as
f(x) = −log₂ x, and log₂ as ``log(x)/log(2)`` (which is what SymPy's
``log(x, 2)`` stores). Written that way, a number such as f(1/8) stays
``log(8)/log(2)`` on the page instead of collapsing to 3, so a worked example
shows its arithmetic.
"""
from __future__ import annotations

from sympy import Expr, KroneckerDelta, Mul, Symbol, log


def information(x: Expr) -> Expr:
    """f(x) = −log₂ x: the information content, in bits, of an event of probability x.

    >>> from sympy import Rational
    >>> information(Rational(1, 8))
    log(8)/log(2)
    """
    return -log(x) / log(2)


def negated(expr: Expr) -> Expr:
    """−[expr], with the bracket kept on the page (SymPy would distribute the minus).

    The value is the same; checking rebuilds (and so evaluates) the expression.

    >>> from sympy import symbols
    >>> a, b = symbols("a b")
    >>> negated(a + b), -(a + b)
    (-(a + b), -a - b)
    """
    return Mul(-1, expr, evaluate=False)


def two_events(first: Expr, index: Symbol) -> Expr:
    """The i-th entry of the two-event distribution (first, 1 − first), i ∈ {1, 2}."""
    return first * KroneckerDelta(index, 1) + (1 - first) * KroneckerDelta(index, 2)
