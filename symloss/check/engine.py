"""The checker's front door: one claim, one derivation, or many.

>>> check("log(a*b)", "=", "log(a) + log(b)", assume={"a": "positive", "b": "positive"})
proved (expand_log)
>>> v = check("log(a*b)", "=", "log(a) + log(b)", assume={"a": "real", "b": "real"})
>>> v.status, sorted(v.counterexample)
(<Status.REFUTED: 'refuted'>, ['a', 'b'])
"""
from __future__ import annotations

import atexit
from typing import Callable, Iterable, Mapping, Sequence

from symloss.check.report import Report, StepResult
from symloss.check.verdict import Verdict
from symloss.check.worker import WorkerPool
from symloss.derivation import Claim, Derivation
from symloss.relations import Rel

_POOL: WorkerPool | None = None


def _shared_pool() -> WorkerPool:
    global _POOL
    if _POOL is None:
        _POOL = WorkerPool(1)
        atexit.register(_POOL.close)
    return _POOL


def check(lhs: object, rel: "Rel | str" = "=", rhs: object = 0, *, assume: Mapping[str, str] | None = None,
          over: Sequence[str] = (), timeout: float = 10.0) -> Verdict:
    """Check one claim ``lhs rel rhs`` under the domains in ``assume``.

    Args:
        lhs, rhs: SymPy expressions or strings in symloss's expression syntax.
        rel: ``=``, ``<=``, ``>=``, ``<``, ``>``, ``same-argmin``, ``argmax-argmin``.
        assume: name -> domain name (``probability``, ``label``, ``simplex``, ...);
            undeclared names are real, a symbolic Sum limit is a positive integer.
        over: for argmin relations, the variables optimized over.
        timeout: seconds of wall time for the whole check.

    Returns:
        A :class:`~symloss.check.verdict.Verdict`; ``bool(verdict)`` only when proved.

    Raises:
        ParseError, DomainError: malformed input (nothing is evaluated).
    """
    claim = Claim(lhs, Rel.parse(rel), rhs, assume or {}, tuple(over))
    return _shared_pool().check(claim, timeout)


def check_claims(claims: Iterable[Claim], timeout: float = 10.0, jobs: int = 1) -> list[Verdict]:
    """Check many claims, ``jobs`` at a time, in input order."""
    with WorkerPool(jobs) as pool:
        return list(pool.check_all(claims, timeout))


Progress = Callable[[StepResult], None]


def verify_all(derivations: Sequence[Derivation], timeout: float = 10.0, jobs: int = 1,
               progress: Progress | None = None) -> Report:
    """Check every step of every derivation; ``progress`` sees each result as it comes."""
    jobs_list = [(d, i, claim) for d in derivations for i, claim in enumerate(d.claims())]
    results = []
    with WorkerPool(jobs) as pool:
        verdicts = pool.check_all([claim for _, _, claim in jobs_list], timeout)
        for (derivation, index, _), verdict in zip(jobs_list, verdicts):
            result = StepResult(derivation, index, verdict)
            results.append(result)
            if progress is not None:
                progress(result)
    return Report(tuple(results))


def verify_derivation(derivation: Derivation, timeout: float = 10.0, jobs: int = 1) -> Report:
    """Check every step of one derivation."""
    return verify_all([derivation], timeout=timeout, jobs=jobs)
