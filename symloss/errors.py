"""The errors symloss raises on misuse (wrong maths returns a verdict instead)."""
from __future__ import annotations


class SymlossError(Exception):
    """Base of every error symloss raises on purpose."""


class ParseError(SymlossError, ValueError):
    """A user-typed expression or claim is outside the accepted syntax."""


class DomainError(SymlossError, ValueError):
    """An unknown domain, or a domain that does not fit the symbol it is given to."""


class ChainError(SymlossError, ValueError):
    """A derivation step does not compose with the chain before it."""


class InputError(SymlossError, ValueError):
    """Other bad input: a file that cannot be read, a malformed batch line."""
