"""The context of one claim: which symbol lives in which domain.

The user's expressions carry plain symbols; the context rebuilds them with the
SymPy assumptions their domains allow (``positive=True`` for a probability),
knows the side facts SymPy cannot hold (``p < 1``), and decides signs with
them.

>>> from sympy import Symbol, log
>>> ctx = Context.of([1 - Symbol("p")], {"p": "probability"})
>>> ctx.is_positive(ctx.typed(1 - Symbol("p")))
True
>>> ctx.is_positive(ctx.typed(-log(Symbol("p"))))
True
"""
from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import Iterable, Mapping

import sympy
from sympy import Dummy, Indexed, IndexedBase, Symbol

from symloss.domains import Domain, domain
from symloss.errors import DomainError

_SUMLIKE = (sympy.Sum, sympy.Product)
_LIMIT_DIRECTIONS = ("+", "-", "+-")  # Limit stores its direction as a Symbol


def bound_symbols(expr: sympy.Basic) -> set[str]:
    """Names of symbols bound as Sum/Product indices."""
    names = set()
    for node in sympy.preorder_traversal(expr):
        if isinstance(node, _SUMLIKE):
            names.update(str(limit[0]) for limit in node.limits)
    return names


def limit_symbols(expr: sympy.Basic) -> set[str]:
    """Names of symbols appearing in Sum/Product limits (a symbolic length)."""
    names = set()
    for node in sympy.preorder_traversal(expr):
        if isinstance(node, _SUMLIKE):
            for limit in node.limits:
                for bound in limit[1:]:
                    names.update(str(s) for s in bound.free_symbols)
    return names


def family_names(expr: sympy.Basic) -> set[str]:
    """Names of the indexed families (``p`` of ``p[i]``)."""
    return {str(b.label) for b in expr.atoms(IndexedBase)}


def plain_symbol_names(expr: sympy.Basic) -> set[str]:
    """Names of ordinary symbols (not family labels, not dummies, not hidden bound variables)."""
    expr = hide_bound_variables(expr)
    labels = {b.label for b in expr.atoms(IndexedBase)}
    return {str(s) for s in expr.atoms(Symbol)
            if s not in labels and not isinstance(s, Dummy) and not str(s).startswith("_")
            and str(s) not in _LIMIT_DIRECTIONS}


def hide_bound_variables(expr: sympy.Basic) -> sympy.Basic:
    """Rename the variable of each Limit and Subs so no domain leaks into it.

    ``Limit(Abs(h)/h, h, 0, '-')`` binds its own ``h``: a declared ``h > 0``
    elsewhere in the claim says nothing about it. The new names start with
    ``_`` (which the parser never produces).

    >>> from sympy import Limit, Abs, Symbol
    >>> h = Symbol("h")
    >>> hide_bound_variables(Limit(Abs(h) / h, h, 0, "-")).args[1]
    _h
    """
    def rename(node: sympy.Basic) -> sympy.Basic:
        if isinstance(node, sympy.Limit):
            body, var, point, direction = node.args
            hidden = Symbol(f"_{var}", real=True)
            return sympy.Limit(body.xreplace({var: hidden}), hidden, point, str(direction))
        body, variables, values = node.args
        hidden_vars = [Symbol(f"_{v}") if type(v) is Symbol else v for v in variables]
        return sympy.Subs(body.xreplace(dict(zip(variables, hidden_vars))), hidden_vars, values)

    def walk(node: sympy.Basic) -> sympy.Basic:
        # by hand: Subs compares equal after renaming its variable, so Basic.replace
        # would see "no change" and keep the old object
        if not node.args or node.is_Atom:
            return node
        args = [walk(a) for a in node.args]
        if any(a is not b for a, b in zip(args, node.args)):
            node = node.func(*args)
        return rename(node) if isinstance(node, (sympy.Limit, sympy.Subs)) else node

    if not expr.has(sympy.Limit, sympy.Subs):
        return expr
    return walk(expr)


@dataclass
class Context:
    """Domains of the names in a claim, and typed symbols for the prover.

    Attributes:
        domains: name -> Domain for every symbol and family in the claim.
        indices: names of summation indices (typed as integers).
        families: names of indexed families.
    """

    domains: dict[str, Domain]
    indices: set[str] = field(default_factory=set)
    families: set[str] = field(default_factory=set)
    _symbols: dict[str, sympy.Basic] = field(default_factory=dict)
    _signs: dict[tuple[sympy.Basic, bool], bool] = field(default_factory=dict)

    @classmethod
    def of(cls, exprs: Iterable[sympy.Basic], assume: Mapping[str, str]) -> "Context":
        """Build the context of some expressions under declared domains.

        Undeclared names default to ``real``; a name used as a Sum limit
        defaults to ``posint``; summation indices are integers.

        Raises:
            DomainError: an unknown domain, or ``simplex`` on a plain symbol.
        """
        exprs = list(exprs)
        bound, limits, families, plain = set(), set(), set(), set()
        for e in exprs:
            bound |= bound_symbols(e)
            limits |= limit_symbols(e)
            families |= family_names(e)
            plain |= plain_symbol_names(e)
        domains: dict[str, Domain] = {}
        for name in sorted(plain | families):
            if name in bound and name not in assume:
                continue
            if name in assume:
                dom = domain(assume[name])
            elif name in limits:
                dom = domain("posint")
            else:
                dom = domain("real")
            if dom.family_only and name not in families:
                raise DomainError(
                    f"{name!r} is declared {dom.name} but is a plain symbol; "
                    f"a simplex is an indexed family: write {name}[i] inside a Sum")
            domains[name] = dom
        ctx = cls(domains, bound - set(assume), families)
        ctx._build_symbols()
        return ctx

    def _build_symbols(self) -> None:
        for name, dom in self.domains.items():
            if name in self.families:
                self._symbols[name] = IndexedBase(name, **dom.assumptions)
            else:
                self._symbols[name] = Symbol(name, **dom.assumptions)
        for name in self.indices:
            self._symbols.setdefault(name, Symbol(name, integer=True))

    def symbol(self, name: str) -> sympy.Basic:
        """The typed symbol (or IndexedBase) for a name."""
        return self._symbols[name]

    def typed(self, expr: sympy.Basic) -> sympy.Basic:
        """Rebuild ``expr`` with every name replaced by its typed symbol.

        Rebuilding evaluates, which is sound: the assumptions hold on the domain.
        """
        expr = hide_bound_variables(expr)
        mapping: dict[sympy.Basic, sympy.Basic] = {}
        for base in expr.atoms(IndexedBase):
            if str(base.label) in self._symbols:
                mapping[base] = self._symbols[str(base.label)]
        labels = {b.label for b in expr.atoms(IndexedBase)}
        for s in expr.atoms(Symbol):
            if s not in labels and str(s) in self._symbols and not isinstance(s, Dummy):
                mapping[s] = self._symbols[str(s)]
        return _rebuild(expr, mapping)

    # -- names by role ----------------------------------------------------
    def names_in(self, role: str) -> list[str]:
        """Names whose domain is ``role`` (e.g. ``"label"``)."""
        return [n for n, d in self.domains.items() if d.name == role]

    def depends_on(self, expr: sympy.Basic, names: Iterable[str]) -> bool:
        """Whether ``expr`` involves any of the names (a family counts as one name)."""
        names = set(names)
        if {str(b.label) for b in expr.atoms(IndexedBase)} & names:
            return True
        return bool({str(s) for s in expr.free_symbols if isinstance(s, Symbol)} & names)

    # -- signs ------------------------------------------------------------
    def below_one_substitution(self, expr: sympy.Basic) -> sympy.Basic:
        """Write every member of (0, 1) or (0, 1] as ``1/(1+t)``, ``t > 0`` (or ``t >= 0``).

        ``t -> 1/(1+t)`` maps (0, oo) onto (0, 1) and [0, oo) onto (0, 1], so a
        sign (or an identity) that holds for all such ``t`` holds on the domain.
        """
        mapping: dict[sympy.Basic, sympy.Basic] = {}
        for name, dom in self.domains.items():
            if not (dom.is_strictly_positive and dom.upper == 1):
                continue
            t_domain = {"positive": True} if dom.upper_open else {"nonnegative": True}
            if name in self.families:
                t = IndexedBase(f"_t_{name}", **t_domain)
                for node in expr.atoms(Indexed):
                    if str(node.base.label) == name:
                        mapping[node] = 1 / (1 + t[node.indices])
            else:
                mapping[self._symbols[name]] = 1 / (1 + Symbol(f"_t_{name}", **t_domain))
        return expr.xreplace(mapping) if mapping else expr

    def label_cases(self, expr: sympy.Basic) -> list[dict[sympy.Basic, int]]:
        """Every assignment of 0/1 to the label symbols (and label family members) in expr."""
        atoms: list[sympy.Basic] = []
        bound = {s for node in sympy.preorder_traversal(expr) if isinstance(node, _SUMLIKE)
                 for s in (limit[0] for limit in node.limits)}
        for name in self.names_in("label"):
            if name in self.families:
                # only members whose index is free: x[i] under a Sum stands for many members
                atoms += sorted((n for n in expr.atoms(Indexed) if str(n.base.label) == name
                                 and not (n.free_symbols & bound)), key=str)
            elif self._symbols[name] in expr.free_symbols:
                atoms.append(self._symbols[name])
        if not atoms or len(atoms) > 6:
            return []
        return [dict(zip(atoms, values)) for values in itertools.product((0, 1), repeat=len(atoms))]

    def sign_is(self, expr: sympy.Basic, strict: bool, depth: int = 0) -> bool:
        """Whether ``expr > 0`` (strict) or ``expr >= 0`` holds on the whole domain (memoized)."""
        key = (expr, strict)
        if key in self._signs:
            return self._signs[key]
        answer = self._sign_is(expr, strict, depth)
        if answer or depth == 0:  # a "no" found deep down may only be the depth cut-off
            self._signs[key] = answer
        return answer

    def _sign_is(self, expr: sympy.Basic, strict: bool, depth: int = 0) -> bool:
        """Whether ``expr > 0`` (strict) or ``expr >= 0`` holds on the whole domain.

        Tries SymPy's assumptions, then the ``1/(1+t)`` rewriting, then a case
        split on labels. ``False`` means "not shown", never "shown false".
        """
        for candidate in self._sign_forms(expr):
            value = candidate.is_positive if strict else candidate.is_nonnegative
            if value:
                return True
        if expr.is_number or depth > 6:
            return False
        deeper = depth + 1
        cases = self.label_cases(expr)
        if cases:
            return all(self.sign_is(expr.xreplace(case), strict, deeper) for case in cases)
        if isinstance(expr, sympy.Mul):
            return _sign_of_product(self, expr, strict, deeper)
        if isinstance(expr, sympy.Add):
            nonneg = all(self.sign_is(term, False, deeper) for term in expr.args)
            return nonneg and (not strict or any(self.sign_is(term, True, deeper) for term in expr.args))
        if isinstance(expr, sympy.Pow) and expr.exp.is_real and self.sign_is(expr.base, True, deeper):
            return True
        if isinstance(expr, sympy.Sum) and len(expr.limits) == 1:
            _, low, high = expr.limits[0]
            length = high - low + 1  # a reversed range would flip the sign (Karr)
            return (self.sign_is(length, strict, deeper) and self.sign_is(expr.function, strict, deeper))
        return False

    def _sign_forms(self, expr: sympy.Basic) -> Iterable[sympy.Basic]:
        yield expr
        rewritten = self.below_one_substitution(expr)
        if rewritten != expr:
            yield rewritten
            rewritten = sympy.expand_log(rewritten)  # not forced: SymPy checks the signs itself
            yield rewritten
            yield sympy.factor_terms(sympy.together(rewritten))

    def is_positive(self, expr: sympy.Basic) -> bool:
        """``expr > 0`` everywhere on the domain (shown, not guessed)."""
        return self.sign_is(expr, strict=True)

    def is_nonnegative(self, expr: sympy.Basic) -> bool:
        """``expr >= 0`` everywhere on the domain (shown, not guessed)."""
        return self.sign_is(expr, strict=False)


def _sign_of_product(ctx: Context, expr: sympy.Mul, strict: bool, depth: int) -> bool:
    negatives = 0
    for factor in expr.args:
        if factor.is_number:
            if factor.is_negative:
                negatives += 1
                continue
            if factor.is_positive or (factor.is_zero and not strict):
                continue
            return False
        if ctx.sign_is(factor, strict, depth):
            continue
        if ctx.sign_is(-factor, strict, depth):
            negatives += 1
            continue
        return False
    return negatives % 2 == 0


def _rebuild(expr: sympy.Basic, mapping: Mapping[sympy.Basic, sympy.Basic]) -> sympy.Basic:
    if expr in mapping:
        return mapping[expr]
    if not expr.args or isinstance(expr, (Symbol, sympy.Number)):
        return expr
    args = [_rebuild(a, mapping) for a in expr.args]
    if all(a is b for a, b in zip(args, expr.args)):
        return expr
    return expr.func(*args)
