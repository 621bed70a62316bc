"""Bad input, fuzzed: ``symloss check`` claims, ``--assume`` values, ``--batch`` lines, derivation files.

Every input here is bad by construction (it holds a character, token, name or
size the syntax never allows, or a malformed record or file). Each must end in
exit status 2 with exactly one line on stderr (``symloss: ...``, never a
traceback), within ``--timeout`` + 1 s, without running any of its code; in a
batch, the good lines around the bad ones are still answered. Most inputs run
in-process through :func:`symloss.cli.main` (a few milliseconds each); the
memory bombs and code-execution payloads also run as real processes, with a
memory limit and a stopwatch.

More than 500 inputs are generated per run (Hypothesis, derandomized, plus
curated lists); ``test_at_least_500_inputs_were_fuzzed`` checks the count.
"""
from __future__ import annotations

import json
import os
import re
import resource
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Sequence

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from symloss.domains import DOMAINS
from tests._cli import run

TIMEOUT = 2.0
SLACK = 1.0  # the contract: no hang past --timeout + 1 s
FUZZED: Counter = Counter()
SETTINGS = settings(derandomize=True, deadline=None, database=None, suppress_health_check=list(HealthCheck))

GOOD_CLAIMS = ("log(a*b) = log(a) + log(b)", "-log(p, 2) >= 0", "x**2 >= 0", "Sum(p[i], (i, 1, n)) = 1",
               "tanh(x) = 2*sigmoid(2*x) - 1", "p*(1 - p) <= 1/4", "Max(x, y) >= x")
FUNCTIONS = {"log", "ln", "log2", "exp", "sqrt", "Abs", "tanh", "sigmoid", "Max", "Min", "KroneckerDelta",
             "Sum", "Product", "diff", "Derivative", "Subs", "Limit"}
# characters that no valid claim contains (quotes, statement separators, operators the syntax lacks)
POISON = tuple("'\"`;$?!@{}\\&|^%~") + ("\x00", ".__class__", "lambda", " if x else ", ":=")


def assert_rejected(argv: Sequence[str], kind: str) -> str:
    """Run ``argv`` and check the bad-input contract; returns the stderr line."""
    status, out, err, seconds = run(argv)
    FUZZED[kind] += 1
    shown = repr(list(argv))[:300]
    assert status == 2, f"{shown}: exit {status}, stdout {out[:200]!r}, stderr {err[:200]!r}"
    assert err.endswith("\n") and err.count("\n") == 1, f"{shown}: stderr is not one line: {err[:400]!r}"
    assert err.startswith("symloss: ") and "Traceback" not in err, f"{shown}: {err[:300]!r}"
    assert "internal error" not in err, f"{shown}: bad input reached an internal error: {err[:300]!r}"
    assert seconds < TIMEOUT + SLACK, f"{shown}: took {seconds:.2f} s"
    return err


# -- real processes: payloads, memory bombs and the clock ---------------------------------------
MEMORY_LIMIT = 2 << 30  # address space of the symloss process (its forked workers inherit it)
RSS_LIMIT_MB = 400


def _limit_memory() -> None:  # pragma: no cover - runs in the child
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def run_process(argv: Sequence[str], timeout: float = 60.0) -> tuple[int, str, str, float, float]:
    """Run ``python -m symloss ARGV`` under a memory limit: (status, out, err, seconds, max RSS in MB)."""
    import tempfile

    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        started = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-m", "symloss", *argv], stdout=out, stderr=err,
                                preexec_fn=_limit_memory)
        deadline = started + timeout
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                proc.kill()
                _, status, usage = os.wait4(proc.pid, 0)
                break
            time.sleep(0.01)
        seconds = time.perf_counter() - started
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return proc.returncode, out.read(), err.read(), seconds, usage.ru_maxrss / 1024


# -- strategies ------------------------------------------------------------------
def poisoned_claims() -> st.SearchStrategy[str]:
    """A good claim with a character or token the syntax never allows inserted anywhere."""
    @st.composite
    def build(draw: st.DrawFn) -> str:
        claim = draw(st.sampled_from(GOOD_CLAIMS))
        at = draw(st.integers(0, len(claim)))
        poison = draw(st.sampled_from(POISON))
        junk = draw(st.text(alphabet=st.characters(codec="utf-8", exclude_characters="#"), max_size=8))
        return claim[:at] + poison + junk + claim[at:]
    return build()


def unknown_functions() -> st.SearchStrategy[str]:
    """A call of a function outside the whitelist (or of a dunder/private name)."""
    names = st.from_regex(r"\A_{0,2}[A-Za-z][A-Za-z0-9_]{0,12}\Z").filter(lambda n: n not in FUNCTIONS)
    return st.builds(lambda name, claim: f"{name}(x) + {claim}", names, st.sampled_from(GOOD_CLAIMS))


def relation_errors() -> st.SearchStrategy[str]:
    """No relation, two relations, or a relation the syntax lacks."""
    sides = st.sampled_from(["x", "log(p)", "Sum(p[i], (i, 1, n))", "x**2 + 1", "tanh(x)"])
    bad = st.sampled_from(["", " ", "=<", "=>", "≤", "≥", "<>", "===", "!=", "~", "is", "in", "not in",
                           "same-argmin", "same-argmin[]", "same-argmin[1]", "argmin[y]", "same-argmin[y",
                           "<= 0 <=", "= 1 =", "&&", "≠", "->", ":"])
    return st.builds(lambda a, r, b: f"{a} {r} {b}".strip(), sides, bad, sides)


def size_bombs() -> st.SearchStrategy[str]:
    """Deep nesting, huge literals, huge powers, over-long text."""
    depth = st.integers(101, 6000)
    return st.one_of(
        st.integers(5_001, 8_000).map(lambda d: "(" * d + "x" + ")" * d + " = 1"),  # parentheses add no depth
        depth.map(lambda d: "log(" * min(d, 2400) + "x" + ")" * min(d, 2400) + " = 0"),
        depth.map(lambda d: "-" * d + "x = 1"),
        depth.map(lambda d: "x" + "**x" * d + " = 1"),
        st.integers(101, 5000).map(lambda n: "9" * n + " = 1"),
        st.integers(1001, 10**30).map(lambda e: f"x**{e} = 1"),
        st.integers(4, 9).map(lambda k: "**".join(["10"] * k) + " = 1"),
        st.integers(10_001, 60_000).map(lambda n: "x+" * (n // 2) + "x = 1"),
        st.sampled_from(["10**10**10 = 1", "x**(10**9) = 1", "9**9**9**9 = 0", "(x+1)**(10**6) = 1",
                         "diff(x, x, 10**6) = 0", "Derivative(x, (x, 10**9)) = 0", "1e999999 = 1"]),
    )


def bad_claims() -> st.SearchStrategy[str]:
    return st.one_of(poisoned_claims(), unknown_functions(), relation_errors(), size_bombs())


# -- check "CLAIM" -----------------------------------------------------------------
@settings(SETTINGS, max_examples=120)
@given(claim=poisoned_claims())
def test_a_claim_with_a_character_the_syntax_never_allows_is_rejected_on_one_line(claim: str) -> None:
    assert_rejected(["check", claim, "--timeout", str(TIMEOUT)], "check")


@settings(SETTINGS, max_examples=60)
@given(claim=unknown_functions())
def test_a_claim_calling_an_unknown_or_private_function_is_rejected_on_one_line(claim: str) -> None:
    err = assert_rejected(["check", claim, "--timeout", str(TIMEOUT)], "check")
    assert "function" in err or "not allowed" in err


@settings(SETTINGS, max_examples=40)
@given(claim=relation_errors())
def test_a_claim_without_exactly_one_known_relation_is_rejected_on_one_line(claim: str) -> None:
    assert_rejected(["check", claim, "--timeout", str(TIMEOUT)], "check")


@settings(SETTINGS, max_examples=60)
@given(claim=size_bombs())
def test_a_size_bomb_is_rejected_quickly_on_one_line(claim: str) -> None:
    assert_rejected(["check", claim, "--timeout", str(TIMEOUT)], "check")


PAYLOADS = (
    "__import__('os').system('touch {m}') = 0",
    "__import__('pathlib').Path('{m}').touch() = 0",
    "open('{m}', 'w') = 1",
    "exec(\"open('{m}', 'w')\") = 0",
    "eval(\"open('{m}', 'w')\") = 0",
    "compile('x', '{m}', 'eval') = 0",
    "().__class__.__base__.__subclasses__() = 1",
    "x.__class__.__init__.__globals__['os'].system('touch {m}') = 0",
    "log(x).func.__module__ = 1",
    "getattr(x, '__class__') = 1",
    "(lambda: open('{m}', 'w'))() = 1",
    "[open('{m}', 'w') for _ in [1]][0] = 1",
    "{{open('{m}', 'w')}} = 1",
    "f'{{open(\"{m}\", \"w\")}}' = 1",
    "x if open('{m}', 'w') else y = 1",
    "globals()['__builtins__'] = 1",
    "sympify(\"open('{m}', 'w')\") = 1",
    "S(\"open('{m}', 'w')\") = 1",
    "Symbol('x') = 1",
    "__builtins__ = 1",
    "_x = 1",
    "x = 1 and open('{m}', 'w')",
    "x; open('{m}', 'w')",
    "Sum(open('{m}', 'w'), (i, 1, 2)) = 0",
    "Subs(x, x, __import__('os').system('touch {m}')) = 1",
    "p[open('{m}', 'w')] = 1",
    "p['{m}'] = 1",
    "Max(*[x]) = 1",
    "Max(**{{'a': 1}}) = 1",
    "Limit(x, x, 0, open('{m}', 'w')) = 1",
    "Limit(x, x, 0, '{m}') = 1",
    "diff(x, __import__('os')) = 1",
    "x = __import__('os').system('touch {m}')",
    "x same-argmin[__class__] y",
    "x same-argmin[y] __import__('os').system('touch {m}')",
    "breakpoint() = 1",
    "print(open('{m}', 'w')) = 1",
    "log.__call__(x) = 1",
    "x.evalf() = 1",
    "Sum.__new__(Sum, x) = 1",
)


@pytest.mark.parametrize("template", PAYLOADS)
def test_a_code_execution_payload_is_rejected_and_runs_nothing(template: str, tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    claim = template.format(m=marker)
    assert_rejected(["check", claim, "--timeout", str(TIMEOUT)], "check")
    assert not marker.exists(), f"{claim!r} ran code"


@pytest.mark.parametrize("name", ["__import__", "open", "_f", "eval", "exec", "getattr", "f.g", "1f", "", "f(x)",
                                  "__class__"])
def test_a_function_flag_cannot_let_a_builtin_or_a_bad_name_in(name: str, tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    assert_rejected(["check", f"{name}('{marker}') = 0" if name else "'' = 0", "--function", name], "function")
    assert not marker.exists()


# -- --assume NAME=DOMAIN ----------------------------------------------------------------
def bad_assumptions() -> st.SearchStrategy[str]:
    """``-a`` values that are not NAME=DOMAIN with a valid name and a known domain."""
    names = st.one_of(st.sampled_from(["x", "p", "n"]), st.text(max_size=10))
    domains = st.one_of(st.sampled_from(list(DOMAINS)), st.text(max_size=14))

    @st.composite
    def build(draw: st.DrawFn) -> str:
        shape = draw(st.sampled_from(["name=domain", "no-equals", "empty-name", "empty-domain"]))
        name, dom = draw(names), draw(domains)
        value = {"no-equals": (name + dom).replace("=", ""), "empty-name": f" ={dom}",
                 "empty-domain": f"{name}= "}.get(shape, f"{name}={dom}")
        head, sep, tail = value.partition("=")
        valid = sep and re.fullmatch(r"[A-Za-z][A-Za-z0-9_]{0,39}", head.strip()) and tail.strip() in DOMAINS
        assume(not valid)
        return value
    return build()


@settings(SETTINGS, max_examples=80)
@given(value=bad_assumptions())
def test_a_bad_assume_value_is_rejected_on_one_line(value: str) -> None:
    assume("\x00" not in value)  # argv cannot hold NUL; the shell never passes one
    assert_rejected(["check", "x = x", "-a", value, "--timeout", str(TIMEOUT)], "assume")


# -- --batch lines ------------------------------------------------------------------
def bad_lines() -> st.SearchStrategy[str]:
    """Lines of a batch file that are not a well-formed claim record."""
    text = st.text(max_size=40).filter(lambda t: _not_json_object(t) and len(t.splitlines()) <= 1
                                        and t.strip("\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029") == t
                                        and not any(c in t for c in "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"))
    good = {"lhs": "x", "rel": "=", "rhs": "x"}
    records = st.one_of(
        st.builds(lambda k: {k2: v for k2, v in good.items() if k2 != k}, st.sampled_from(list(good))),
        st.builds(lambda k, v: {**good, k: v}, st.sampled_from(list(good)),
                  st.one_of(st.integers(), st.none(), st.lists(st.integers(), max_size=2), st.booleans())),
        st.builds(lambda c: {"lhs": c, "rel": "=", "rhs": "0"}, bad_claims().filter(lambda c: len(c) < 3000)),
        st.builds(lambda c: {"lhs": "x", "rel": "=", "rhs": c}, poisoned_claims()),
        st.builds(lambda r: {**good, "rel": r}, st.sampled_from(["==>", "", "≤", "approx", "same-argmin",
                                                                  "same-argmin[__class__]", "< =", "lambda"])),
        st.builds(lambda a: {**good, "assume": a}, st.one_of(
            st.just(["x", "real"]), st.just("x=real"), st.just({"x": 1}), st.just({"x": None}),
            st.builds(lambda d: {"x": d}, st.text(max_size=10).filter(lambda d: d not in DOMAINS)))),
        st.builds(lambda f: {**good, "functions": f}, st.one_of(st.just("f"), st.just([1]), st.just({"f": 1}))),
    )
    return st.one_of(text, records.map(json.dumps), st.sampled_from(["[]", "null", "1", "\"x = x\"", "{", "{}"]))


def _not_json_object(text: str) -> bool:
    try:
        return not isinstance(json.loads(text), dict)
    except ValueError:
        return True


GOOD_LINES = (
    ({"lhs": "log(a*b)", "rel": "=", "rhs": "log(a) + log(b)", "assume": {"a": "positive", "b": "positive"}},
     "proved"),
    ({"lhs": "x**2", "rel": ">=", "rhs": "x", "assume": {"x": "real"}}, "refuted"),
)


@settings(SETTINGS, max_examples=12)
@given(bad=st.lists(bad_lines(), min_size=10, max_size=16), good=st.sampled_from(GOOD_LINES),
       at=st.integers(0, 16))
def test_bad_batch_lines_get_error_records_and_the_good_line_is_still_answered(
        bad: list[str], good: tuple[dict, str], at: int, tmp_path_factory: pytest.TempPathFactory) -> None:
    record, expected = good
    lines = list(bad)
    at = min(at, len(lines))
    lines.insert(at, json.dumps({**record, "id": "the-good-one"}))
    path = tmp_path_factory.mktemp("batch") / "claims.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    status, out, err, seconds, _ = run_process(["check", "--batch", str(path), "--timeout", str(TIMEOUT)])
    FUZZED["batch"] += len(bad)
    answers = [json.loads(line) for line in out.splitlines()]
    assert status == 2 and "Traceback" not in err, err
    assert len(answers) == len(lines), "every line gets exactly one answer"
    assert answers[at].get("id") == "the-good-one" and answers[at]["status"] == expected
    assert all(a["status"] == "error" and a["reason"] for i, a in enumerate(answers) if i != at)


def test_a_batch_file_that_is_not_utf8_or_missing_is_rejected_on_one_line(tmp_path: Path) -> None:
    binary = tmp_path / "claims.jsonl"
    binary.write_bytes(b'{"lhs": "x", "rel": "=", "rhs": "\xff\xfe"}\n')
    assert_rejected(["check", "--batch", str(binary)], "batch")
    assert_rejected(["check", "--batch", str(tmp_path / "missing.jsonl")], "batch")
    assert_rejected(["check", "--batch", str(tmp_path)], "batch")
    assert_rejected(["check", "x = x", "--batch", str(binary)], "batch")


# -- derivation files ------------------------------------------------------------------
FILE_TEMPLATES = (
    'from symloss import derive\nD = derive("d", "t", assume={{"x": "real"}}, start={expr!r}).eq("x", "r")\n',
    'from symloss import derive\nD = derive("d", "t", assume={{"x": "real"}}, start="x").eq({expr!r}, "r")\n',
    'from symloss import derive\nD = derive("d", "t", assume={{"x": "real"}}, start="x").claim({expr!r}, "=", "0", "r")\n',
)


@settings(SETTINGS, max_examples=40)
@given(template=st.sampled_from(FILE_TEMPLATES), expr=st.one_of(poisoned_claims(), unknown_functions()))
def test_a_derivation_file_with_a_bad_expression_string_is_rejected_and_runs_nothing(
        template: str, expr: str, tmp_path_factory: pytest.TempPathFactory) -> None:
    folder = tmp_path_factory.mktemp("derivation")
    marker = folder / "pwned"
    expr = expr.replace("x", f"__import__('os').system('touch {marker}') + x", 1)
    path = folder / "bad.py"
    path.write_text(template.format(expr=expr), encoding="utf-8")
    assert_rejected(["verify", str(path), "--timeout", str(TIMEOUT)], "file")
    assert not marker.exists()


@settings(SETTINGS, max_examples=40)
@given(source=st.one_of(
    st.text(max_size=60),
    st.binary(min_size=1, max_size=40).filter(lambda b: not _is_utf8(b)),
))
def test_a_derivation_file_of_random_text_or_bytes_is_rejected_on_one_line(
        source: str | bytes, tmp_path_factory: pytest.TempPathFactory) -> None:
    assume(not isinstance(source, str) or not any(t in source for t in ("\x00", "import", "(")))
    path = tmp_path_factory.mktemp("random") / "random.py"
    if isinstance(source, bytes):
        path.write_bytes(source)
    else:
        path.write_text(source, encoding="utf-8")
    assert_rejected(["verify", str(path), "--timeout", str(TIMEOUT)], "file")


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
        return True
    except UnicodeDecodeError:
        return False


CURATED_FILES = {
    "empty": "",
    "comments only": "# nothing here\n",
    "syntax error": "def (:\n",
    "name error": "undefined_name + 1\n",
    "zero division": "1 / 0\n",
    "raises": "raise ValueError('no')\n",
    "no derivation": "x = 1\n",
    "chain error": ('from symloss import derive\nD = derive("d", "t", assume={"x": "real"}, start="x")'
                    '.le("x + 1", "r").ge("x", "r")\n'),
    "unknown domain": 'from symloss import derive\nD = derive("d", "t", assume={"x": "realish"}, start="x")\n',
    "bad expected": ('from symloss import derive\nD = derive("d", "t", assume={"x": "real"}, start="x")'
                     '.eq("x", "r", expected="maybe")\n'),
    "argmin without over": ('from symloss import Derivation, Step, Rel\nD = Derivation("d", "t", {"x": "real"}, "x",'
                            ' (Step(Rel.SAME_ARGMIN, "x", "r"),))\n'),
    "unknown relation": 'from symloss import derive\nD = derive("d", "t", assume={}, start="x").claim("x", "~", "x", "r")\n',
    "recursion": "def f():\n    return f()\nf()\n",
    "memory error": "raise MemoryError()\n",
    "null byte": "x = 1\x00\n",
}


@pytest.mark.parametrize("name", sorted(CURATED_FILES))
def test_a_curated_bad_derivation_file_is_rejected_on_one_line(name: str, tmp_path: Path) -> None:
    path = tmp_path / "bad.py"
    path.write_text(CURATED_FILES[name], encoding="utf-8")
    assert_rejected(["verify", str(path), "--timeout", str(TIMEOUT)], "file")


def test_a_missing_or_non_python_derivation_target_is_rejected_on_one_line(tmp_path: Path) -> None:
    assert_rejected(["verify", str(tmp_path / "missing.py")], "file")
    assert_rejected(["verify", str(tmp_path) + "/"], "file")
    (tmp_path / "folder.py").mkdir()
    assert_rejected(["verify", str(tmp_path / "folder.py")], "file")


@pytest.mark.parametrize("source", ["raise SystemExit(0)\n", "import sys\nsys.exit(3)\n"])
def test_a_derivation_file_that_exits_is_bad_input_not_success(source: str, tmp_path: Path) -> None:
    """Found by this fuzzing: `verify` used to end with the file's own exit status (0: success)."""
    path = tmp_path / "exits.py"
    path.write_text(source, encoding="utf-8")
    assert_rejected(["verify", str(path)], "file")


@pytest.mark.parametrize("argv", [["x = 1", "-a", "x=simplex"], ["Sum(p[i], (i, 1, n)) = 1", "-a", "p=simplex",
                                                                   "-a", "n=simplex"]])
def test_a_claim_whose_verdict_is_error_explains_itself_on_stderr(argv: list[str]) -> None:
    """Found by this fuzzing: an `error` verdict used to print on stdout only."""
    assert_rejected(["check", *argv], "check")


@pytest.fixture(scope="module")
def process_start() -> float:
    """Seconds a symloss process needs to start and import what bad input touches (the slower of two)."""
    times = []
    for _ in range(2):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", "import sympy, symloss.cli, symloss.parse"], check=True)
        times.append(time.perf_counter() - started)
    return max(times)


BOMBS = ("10**10**10 = 1", "x**(10**9) = 1", "(" * 10_000 + "x" + ")" * 10_000 + " = 1",
         "log(" * 1_500 + "x" + ")" * 1_500 + " = 1", "-" * 9_000 + "x = 1", "9" * 9_000 + " = 1",
         "x" + "**x" * 3_000 + " = 1", "9**9**9**9 = 1")


@pytest.mark.parametrize("claim", BOMBS, ids=lambda c: c[:16])
def test_a_memory_bomb_ends_in_status_two_quickly_with_bounded_memory(claim: str, process_start: float) -> None:
    status, out, err, seconds, rss = run_process(["check", claim, "--timeout", str(TIMEOUT)])
    FUZZED["process"] += 1
    assert status == 2 and err.count("\n") == 1 and "Traceback" not in err and "internal error" not in err, err
    assert seconds < TIMEOUT + SLACK + process_start, f"{seconds:.2f} s"
    assert rss < RSS_LIMIT_MB, f"{rss:.0f} MB"


def test_a_payload_run_as_a_real_process_creates_no_file(tmp_path: Path, process_start: float) -> None:
    marker = tmp_path / "pwned"
    claim = f"__import__('os').system('touch {marker}') = 0"
    status, out, err, seconds, _ = run_process(["check", claim, "--timeout", str(TIMEOUT)])
    batch = tmp_path / "claims.jsonl"
    batch.write_text(json.dumps({"lhs": f"open('{marker}', 'w')", "rel": "=", "rhs": "0"}) + "\n"
                     + json.dumps({"lhs": "x", "rel": "=", "rhs": "x"}) + "\n")
    status2, out2, _, _, _ = run_process(["check", "--batch", str(batch), "--timeout", str(TIMEOUT)])
    FUZZED["process"] += 2
    assert status == 2 and "not allowed" in err and seconds < TIMEOUT + SLACK + process_start
    assert status2 == 2 and [json.loads(line)["status"] for line in out2.splitlines()] == ["error", "proved"]
    assert not marker.exists()


# -- the count ------------------------------------------------------------------------
def test_at_least_500_inputs_were_fuzzed() -> None:
    """Runs last in this file: the tests above must have fed at least 500 bad inputs."""
    if set(FUZZED) < {"check", "assume", "batch", "file"}:
        pytest.skip(f"only part of the file ran: {dict(FUZZED)}")
    print(f"\nfuzzed inputs: {dict(FUZZED)}, total {sum(FUZZED.values())}")
    assert sum(FUZZED.values()) >= 500, dict(FUZZED)
