"""Running the ``symloss`` command in this process, for tests."""
from __future__ import annotations

import contextlib
import io
import time
from typing import Sequence

from symloss.cli import main


def run(argv: Sequence[str]) -> tuple[int, str, str, float]:
    """``main(argv)`` in this process: (status, stdout, stderr, seconds)."""
    out, err = io.StringIO(), io.StringIO()
    started = time.perf_counter()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(list(argv))
    return status, out.getvalue(), err.getvalue(), time.perf_counter() - started
