"""A wall-clock budget for the symbolic strategies of one claim.

Each strategy runs under a timer signal set to the time left; when it fires,
the strategy is abandoned and the budget is marked *interrupted* (SymPy may
have been stopped while updating its cache, so the process that ran it should
be replaced). Outside the main thread no signal can be set; the worker process
that runs the claim is then killed by its parent at the limit instead.

>>> b = Budget(5.0)
>>> b.run(lambda: 1 + 1)
2
>>> b.interrupted
False
"""
from __future__ import annotations

import signal
import threading
import time
from typing import Any, Callable, Iterable


class OutOfTime(Exception):
    """The budget is spent."""


class _Alarm(BaseException):
    """Raised by the timer signal; a BaseException so SymPy's `except Exception` cannot swallow it."""


def _on_alarm(signum: int, frame: Any) -> None:
    raise _Alarm()


class Budget:
    """Seconds left for one claim."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.deadline = time.monotonic() + seconds
        self.interrupted = False
        self._depth = 0

    def remaining(self) -> float:
        return self.deadline - time.monotonic()

    def run(self, fn: Callable[..., Any], *args: Any) -> Any:
        """Call ``fn(*args)``; raise :class:`OutOfTime` if the budget runs out first."""
        left = self.remaining()
        if left <= 0:
            raise OutOfTime()
        if self._depth or threading.current_thread() is not threading.main_thread():
            return fn(*args)
        previous = signal.signal(signal.SIGALRM, _on_alarm)
        signal.setitimer(signal.ITIMER_REAL, left)
        self._depth += 1
        try:
            return fn(*args)
        except _Alarm:
            self.interrupted = True
            raise OutOfTime() from None
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
            self._depth -= 1


def first_method(attempts: Iterable[tuple[str, Callable[[], "str | None"]]], budget: Budget,
                 notes: list[str] | None = None) -> str | None:
    """Run named strategies in order under the budget; the first method found, or None.

    A strategy that raises is contained: its failure goes into ``notes`` and the
    next one runs. Running out of time is not contained.

    Raises:
        OutOfTime: when the budget ran out.
    """
    for name, attempt in attempts:
        try:
            method = budget.run(attempt)
        except OutOfTime:
            raise
        except Exception as exc:  # a crash in one strategy is contained, never a pass
            if notes is not None:
                notes.append(f"{name} failed: {type(exc).__name__}: {exc}")
            continue
        if method:
            return method
    return None
