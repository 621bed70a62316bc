"""Time limits that hold, and crashes that are contained — never a pass."""
from __future__ import annotations

import signal
import time

import pytest

from symloss.check import claims as claims_module
from symloss.check.budget import Budget, OutOfTime
from symloss.check.verdict import Status
from symloss.check.worker import WorkerPool
from symloss.derivation import Claim

TRUE_CLAIM = Claim("log(a*b)", "=", "log(a) + log(b)", {"a": "positive", "b": "positive"})


def test_a_budget_cuts_a_python_loop_at_its_limit():
    budget = Budget(0.2)
    started = time.monotonic()
    with pytest.raises(OutOfTime):
        budget.run(lambda: [None for _ in iter(int, 1)])
    assert time.monotonic() - started < 1.0
    assert budget.interrupted


def test_a_spent_budget_refuses_new_work():
    budget = Budget(0.0)
    with pytest.raises(OutOfTime):
        budget.run(lambda: 1)


def test_a_slow_strategy_ends_unproved_with_reason_timeout(monkeypatch):
    monkeypatch.setattr(claims_module, "_prove", lambda *args: time.sleep(60))
    started = time.monotonic()
    with WorkerPool(1) as pool:
        verdict = pool.check(TRUE_CLAIM, timeout=0.5)
    assert verdict.status is Status.UNPROVED
    assert verdict.reason == "timeout"
    assert time.monotonic() - started < 3.0


def test_a_worker_that_ignores_the_timer_is_killed_at_the_limit(monkeypatch):
    def stubborn(*args):
        signal.signal(signal.SIGALRM, signal.SIG_IGN)
        time.sleep(60)

    monkeypatch.setattr(claims_module, "_prove", stubborn)
    started = time.monotonic()
    with WorkerPool(1) as pool:
        verdict = pool.check(TRUE_CLAIM, timeout=0.5)
    assert verdict.status is Status.UNPROVED and verdict.reason == "timeout"
    assert time.monotonic() - started < 0.5 + 2.5


def test_a_crash_inside_a_strategy_is_unproved_and_reported(monkeypatch):
    from symloss.check import equality

    def explode(diff, ctx):
        raise ZeroDivisionError("planted crash")

    monkeypatch.setattr(equality, "STRATEGIES", (("planted", explode),))
    verdict = claims_module.check_claim(Claim("(a + b)**2", "=", "a**2 + 2*a*b + b**2",
                                              {"a": "real", "b": "real"}), timeout=5)
    assert verdict.status is Status.UNPROVED
    assert "planted crash" in verdict.reason
    assert any("planted crash" in note for note in verdict.details)


def test_a_crash_outside_the_strategies_is_contained_by_the_worker(monkeypatch):
    def explode(*args):
        raise MemoryError("planted")

    monkeypatch.setattr(claims_module, "check_claim", explode)
    with WorkerPool(1) as pool:
        verdict = pool.check(TRUE_CLAIM, timeout=5)
    assert verdict.status is Status.UNPROVED
    assert "internal error" in verdict.reason


def test_the_pool_keeps_answering_after_a_timeout(monkeypatch, tmp_path):
    real = claims_module._prove
    marker = tmp_path / "slept"

    def slow_once(*args):  # runs in the worker: remember across processes with a file
        if not marker.exists():
            marker.write_text("1")
            time.sleep(60)
        return real(*args)

    monkeypatch.setattr(claims_module, "_prove", slow_once)
    with WorkerPool(1) as pool:
        first = pool.check(TRUE_CLAIM, timeout=0.5)
        second = pool.check(TRUE_CLAIM, timeout=5)
    assert first.status is Status.UNPROVED
    assert second.status is Status.PROVED


def test_two_workers_answer_in_input_order():
    claims = [Claim("x**2", ">=", "0", {"x": "real"}), Claim("x**2", ">=", "x", {"x": "real"})] * 3
    with WorkerPool(2) as pool:
        verdicts = list(pool.check_all(claims, timeout=5))
    assert [v.status for v in verdicts] == [Status.PROVED, Status.REFUTED] * 3
