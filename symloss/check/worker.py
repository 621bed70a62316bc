"""Worker processes that check claims under a hard wall-clock limit.

A worker is a forked process that stays alive between claims (a fork costs
~20 ms, a warm call a few ms). The parent waits for each answer at most
``timeout + GRACE`` seconds; a worker that does not answer is killed and
replaced, and the claim is ``unproved (timeout)``. A worker whose timer
signal cut SymPy off is replaced too, since SymPy's cache may be damaged.
Where ``fork`` is not available the claim runs in this process.

>>> from symloss.derivation import Claim
>>> with WorkerPool(1) as pool:
...     pool.check(Claim("log(a*b)", "=", "log(a) + log(b)", {"a": "positive", "b": "positive"}), 5).status
<Status.PROVED: 'proved'>
"""
from __future__ import annotations

import multiprocessing
import os
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Iterable, Iterator

from symloss.check.verdict import Status, Verdict
from symloss.derivation import Claim

GRACE = 1.0


def _serve(conn) -> None:  # pragma: no cover - runs in the child
    from symloss.check.claims import check_claim

    while True:
        try:
            job = conn.recv()
        except EOFError:
            return
        if job is None:
            return
        claim, timeout = job
        try:
            verdict = check_claim(claim, timeout)
        except BaseException as exc:  # contained: reported, never a pass
            verdict = Verdict(Status.UNPROVED, reason=f"internal error: {type(exc).__name__}: {exc}")
        conn.send(verdict)
        if "interrupted" in verdict.details:
            return


class Worker:
    """One forked process answering claims over a pipe."""

    def __init__(self) -> None:
        import symloss.check.claims  # noqa: F401  - imported once here, inherited by every fork

        ctx = multiprocessing.get_context("fork")
        self._conn, child = ctx.Pipe()
        self._process = ctx.Process(target=_serve, args=(child,), daemon=True)
        self._process.start()
        child.close()

    def check(self, claim: Claim, timeout: float) -> tuple[Verdict, bool]:
        """The verdict, and whether this worker is still usable."""
        started = time.perf_counter()
        try:
            self._conn.send((claim, timeout))
            if self._conn.poll(timeout + GRACE):
                verdict = self._conn.recv()
                return verdict, "interrupted" not in verdict.details
        except (EOFError, OSError, BrokenPipeError) as exc:
            self.close()
            return Verdict(Status.UNPROVED, reason=f"worker died: {exc or type(exc).__name__}",
                           seconds=time.perf_counter() - started), False
        self.close()
        return Verdict(Status.UNPROVED, reason="timeout", seconds=time.perf_counter() - started), False

    def close(self) -> None:
        if self._process.is_alive():
            self._process.kill()
        self._process.join(timeout=5)
        self._conn.close()


def _can_fork() -> bool:
    return hasattr(os, "fork") and "fork" in multiprocessing.get_all_start_methods()


class WorkerPool:
    """``jobs`` workers, each replaced when it times out."""

    def __init__(self, jobs: int = 1) -> None:
        self.jobs = max(1, jobs)
        self._workers: list[Worker | None] = [None] * self.jobs if _can_fork() else []

    def __enter__(self) -> "WorkerPool":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _check_with(self, slot: int, claim: Claim, timeout: float) -> Verdict:
        if not self._workers:
            from symloss.check.claims import check_claim

            return check_claim(claim, timeout)
        worker = self._workers[slot] or Worker()
        verdict, alive = worker.check(claim, timeout)
        if not alive:
            worker.close()
            worker = None
        self._workers[slot] = worker
        return verdict

    def check(self, claim: Claim, timeout: float) -> Verdict:
        """Check one claim in the first worker."""
        return self._check_with(0, claim, timeout)

    def check_all(self, claims: Iterable[Claim], timeout: float) -> Iterator[Verdict]:
        """Check claims in order of input, ``jobs`` at a time; yields verdicts in order."""
        claims = list(claims)
        if self.jobs == 1 or len(claims) < 2:
            for claim in claims:
                yield self.check(claim, timeout)
            return
        for slot in range(self.jobs):  # fork from the main thread, before threads exist
            if self._workers and self._workers[slot] is None:
                self._workers[slot] = Worker()
        slots = list(range(self.jobs))
        import threading

        lock = threading.Lock()

        def run(claim: Claim) -> Verdict:
            with lock:
                slot = slots.pop()
            try:
                return self._check_with(slot, claim, timeout)
            finally:
                with lock:
                    slots.append(slot)

        with ThreadPoolExecutor(self.jobs) as executor:
            yield from executor.map(run, claims)

    def close(self) -> None:
        for worker in self._workers:
            if worker is not None:
                try:
                    worker._conn.send(None)
                except OSError:
                    pass
                worker.close()
        self._workers = [None] * len(self._workers)
