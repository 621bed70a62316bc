"""``symloss check --batch FILE.jsonl``: one claim per line in, one verdict per line out.

Input lines: ``{"lhs": str, "rel": str, "rhs": str, "assume": {name: domain}}``
plus any other keys (echoed back). A bad line (not JSON, a missing field, a
parse error) gets an ``error`` verdict and the other lines are still answered.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, TextIO

from symloss.errors import InputError, SymlossError

_REQUIRED = ("lhs", "rel", "rhs")


def read_lines(path: Path) -> list[str]:
    """The lines of a UTF-8 file.

    Raises:
        InputError: missing file, or not UTF-8.
    """
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror}") from None
    try:
        return data.decode("utf-8").splitlines()
    except UnicodeDecodeError as exc:
        raise InputError(f"{path} is not UTF-8 text (byte {exc.start})") from None


def parse_line(line: str, number: int) -> tuple[dict[str, Any], Any]:
    """(the echoed record, a Claim) — or raise SymlossError/ValueError naming the problem."""
    from symloss.derivation import Claim
    from symloss.parse import parse_claim, parse_expression
    from symloss.relations import Rel

    if not line.strip():
        raise InputError(f"line {number}: empty line")
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"line {number}: not JSON ({exc.msg} at column {exc.colno})") from None
    if not isinstance(record, dict):
        raise InputError(f"line {number}: expected a JSON object")
    missing = [k for k in _REQUIRED if not isinstance(record.get(k), str)]
    if missing:
        raise InputError(f"line {number}: missing or non-string field(s): {', '.join(missing)}")
    assume = record.get("assume", {}) or {}
    if not isinstance(assume, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in assume.items()):
        raise InputError(f"line {number}: 'assume' must map names to domain names")
    functions = record.get("functions", []) or []
    if not isinstance(functions, list) or not all(isinstance(f, str) for f in functions):
        raise InputError(f"line {number}: 'functions' must be a list of names")
    rel_text = record["rel"].strip()
    if rel_text.startswith(("same-argmin", "argmax-argmin")):
        _, rel, _, over = parse_claim(f"0 {rel_text} 0")
    else:
        rel, over = Rel.parse(rel_text), ()
    lhs = parse_expression(record["lhs"], functions=functions)
    rhs = parse_expression(record["rhs"], functions=functions)
    return record, Claim(lhs, rel, rhs, assume, over)


def run_batch(path: Path, timeout: float, jobs: int = 1, verbose: bool = False,
              out: TextIO | None = None) -> int:
    """Answer every line; returns the exit status (the worst of all lines)."""
    out = out if out is not None else sys.stdout  # looked up now: tests swap sys.stdout
    from symloss.check.engine import check_claims

    lines = read_lines(path)
    records: list[dict[str, Any]] = []
    claims, slots = [], []
    for number, line in enumerate(lines, start=1):
        try:
            record, claim = parse_line(line, number)
        except (SymlossError, ValueError) as exc:
            records.append({"line": number, "status": "error", "method": None, "counterexample": None,
                            "reason": " ".join(str(exc).split()), "seconds": 0.0})
            continue
        records.append(record)
        claims.append(claim)
        slots.append(len(records) - 1)
    for slot, verdict in zip(slots, check_claims(claims, timeout=timeout, jobs=jobs)):
        records[slot] = {**records[slot], **verdict.as_dict()}
        if verbose:
            for note in verdict.details:
                print(f"symloss: line {slot + 1}: {note}", file=sys.stderr)
    worst = 0
    rank = {"proved": 0, "unproved": 3, "refuted": 1, "error": 2}
    order = {0: 0, 3: 1, 1: 2, 2: 3}
    for record in records:
        print(json.dumps(record, ensure_ascii=False), file=out)
        status = rank[record["status"]]
        worst = status if order[status] > order[worst] else worst
    return worst
