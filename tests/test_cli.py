"""The command line: contract exit statuses, one-line errors, JSON shapes."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from symloss.cli import main


def run(capsys, *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_check_refutes_log_of_a_product_of_reals_with_negative_values(capsys):
    status, out, _ = run(capsys, "check", "log(a*b) = log(a) + log(b)", "-a", "a=real", "-a", "b=real")
    assert status == 1
    assert "refuted" in out and "a = -" in out and "b = -" in out


def test_check_proves_log_of_a_product_of_positives(capsys):
    status, out, _ = run(capsys, "check", "log(a*b) = log(a) + log(b)", "-a", "a=positive", "-a", "b=positive")
    assert status == 0 and "proved" in out


def test_check_proves_information_content_is_nonnegative(capsys):
    assert run(capsys, "check", "-log(p, 2) >= 0", "-a", "p=probability")[0] == 0


def test_check_refutes_x_squared_at_least_x(capsys):
    status, out, _ = run(capsys, "check", "x**2 >= x", "-a", "x=real")
    assert status == 1 and "x = " in out


def test_check_proves_gibbs_and_refutes_it_without_sum_to_one(capsys):
    claim = "Sum(p[i]*log(p[i]/q[i]), (i, 1, n)) >= 0"
    assert run(capsys, "check", claim, "-a", "p=simplex", "-a", "q=simplex")[0] == 0
    assert run(capsys, "check", claim, "-a", "p=simplex", "-a", "q=positive")[0] == 1


def test_check_json_has_the_contract_fields(capsys):
    status, out, _ = run(capsys, "check", "x**2 >= x", "-a", "x=real", "--json")
    record = json.loads(out)
    assert status == 1
    assert {"status", "method", "counterexample", "reason", "seconds"} <= set(record)


@pytest.mark.parametrize("argv, fragment", [
    (["check", "__import__('os').system('echo hi') = 0"], "not allowed"),
    (["check", "x = = y"], ""),
    (["check", "x + 1"], "relation"),
    (["check", "x <= y <= z"], "relation"),
    (["check", "foo(x) = 1"], "foo"),
    (["check", "x = 1", "-a", "x=probabilty"], "unknown domain"),
    (["check", "x = 1", "-a", "x"], ""),
    (["check", "x = 1", "--timeout", "soon"], "--timeout"),
    (["check"], "claim"),
    (["verify", "no-such-derivation"], "symloss list"),
    (["frobnicate"], "invalid choice"),
    (["export", "kl", "--format", "pdf"], "invalid choice"),
])
def test_bad_input_gets_one_line_and_status_two(capsys, argv, fragment):
    status, out, err = run(capsys, *argv)
    assert status == 2
    assert err.count("\n") == 1 and "Traceback" not in err
    assert fragment in err


def test_batch_answers_every_line_and_reports_the_bad_ones(tmp_path, capsys):
    batch = tmp_path / "claims.jsonl"
    batch.write_text("\n".join([
        json.dumps({"lhs": "log(a*b)", "rel": "=", "rhs": "log(a) + log(b)",
                    "assume": {"a": "positive", "b": "positive"}, "id": 1}),
        json.dumps({"lhs": "x**2", "rel": ">=", "rhs": "x", "assume": {"x": "real"}, "id": 2}),
        "this is not json",
        "",
        json.dumps({"lhs": "__import__('os')", "rel": "=", "rhs": "0"}),
        json.dumps({"lhs": "p", "rel": "<=", "rhs": "1", "assume": {"p": "probability"}, "id": 6}),
    ]), encoding="utf-8")
    status, out, err = run(capsys, "check", "--batch", str(batch))
    records = [json.loads(line) for line in out.splitlines()]
    assert [r["status"] for r in records] == ["proved", "refuted", "error", "error", "error", "proved"]
    assert records[0]["id"] == 1 and records[5]["id"] == 6
    assert all({"status", "method", "counterexample", "reason", "seconds"} <= set(r) for r in records)
    assert status == 2 and "Traceback" not in err


def test_batch_rejects_a_file_that_is_not_utf8(tmp_path, capsys):
    batch = tmp_path / "latin1.jsonl"
    batch.write_bytes(b'{"lhs": "caf\xe9", "rel": "=", "rhs": "0"}\n')
    status, _, err = run(capsys, "check", "--batch", str(batch))
    assert status == 2 and "UTF-8" in err and err.count("\n") == 1


def test_verify_a_users_file(tmp_path, capsys):
    user = tmp_path / "mine.py"
    user.write_text(
        "from sympy import Symbol, log\nfrom symloss import derive\nx = Symbol('x')\n"
        "MINE = derive('mine', 'Mine', assume={'x': 'positive'}, start=log(x**2)).eq(2*log(x), 'log_pow')\n"
        "WRONG = derive('wrong', 'Wrong', assume={'x': 'real'}, start=log(x**2)).eq(2*log(x), 'log_pow')\n",
        encoding="utf-8")
    status, out, _ = run(capsys, "verify", str(user))
    assert status == 1
    assert "mine" in out and "wrong" in out and "refuted" in out


def test_verify_json_steps_can_be_fed_back_to_check(capsys):
    status, out, _ = run(capsys, "verify", "kl", "--json")
    doc = json.loads(out)
    assert status == 0 and doc["summary"]["proved"] >= 1
    step = doc["derivations"][0]["steps"][0]
    assert {"index", "lhs", "rel", "rhs", "reason", "expected", "status", "method", "counterexample",
            "seconds"} <= set(step)
    assumptions = [arg for name, dom in doc["derivations"][0]["assume"].items() for arg in ("-a", f"{name}={dom}")]
    again, _, _ = run(capsys, "check", f"{step['lhs']} {step['rel']} {step['rhs']}", *assumptions)
    assert again == 0


def test_list_names_the_builtin_derivations(capsys):
    status, out, _ = run(capsys, "list")
    assert status == 0 and out.startswith("kl") or "kl " in out


def test_the_real_command_runs_as_a_subprocess():
    done = subprocess.run([sys.executable, "-m", "symloss", "check", "x**2 >= 0", "-a", "x=real"],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "proved" in done.stdout
    bad = subprocess.run([sys.executable, "-m", "symloss", "check", "().__class__ = 1"],
                         capture_output=True, text=True, timeout=60)
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1 and "Traceback" not in bad.stderr
