"""The ``symloss`` command: list, verify, check, export, doc.

Exit status: 0 every step as expected · 1 something refuted · 3 something
unproved (nothing refuted) · 2 bad input, usage, or a claim whose status is
``error``. Bad input gets one line on stderr, never a traceback.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, Sequence

EXAMPLES = """examples:
  symloss list
  symloss verify                       check every built-in derivation
  symloss verify kl --json             one derivation, as JSON
  symloss verify my_derivations.py     every Derivation defined in your file
  symloss check "log(a*b) = log(a) + log(b)" -a a=positive -a b=positive
  symloss check "Sum(p[i]*log(p[i]/q[i]), (i, 1, n)) >= 0" -a p=simplex -a q=simplex
  symloss check --batch claims.jsonl -j 2
  symloss export kl --format latex -o kl.tex
  symloss doc -o build/

domains: probability (0,1), unit [0,1], label {0,1}, positive, nonnegative,
real, integer, posint, simplex (p[i] > 0 summing to 1 over its sums' range).
exit status: 0 as expected, 1 refuted, 3 unproved, 2 bad input or error."""


class UsageError(Exception):
    """A usage mistake: reported on one line, exit status 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, no usage dump
        raise UsageError(f"{message} (try '{self.prog} --help')")


def _timeout(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"--timeout must be a number of seconds, not {text!r}") from None
    if not 0 < value <= 3600:
        raise argparse.ArgumentTypeError(f"--timeout must be in (0, 3600] seconds, not {text}")
    return value


def _default_jobs() -> int:
    import os

    return max(1, min(4, os.cpu_count() or 1))


def _jobs(text: str) -> int:
    if text == "auto":
        return _default_jobs()
    if not text.isdigit() or not 1 <= int(text) <= 64:
        raise argparse.ArgumentTypeError(f"-j must be an integer from 1 to 64, not {text!r}")
    return int(text)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (exposed for documentation and tests)."""
    parser = _Parser(prog="symloss", description="Derive loss functions step by step with SymPy, "
                     "and check every step.", epilog=EXAMPLES,
                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version="symloss 0.1.0")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.add_parser("list", help="list the built-in derivations, one a line")

    def common(p: argparse.ArgumentParser, jobs: bool = True) -> None:
        p.add_argument("--timeout", type=_timeout, default=10.0, metavar="S",
                       help="seconds allowed per claim (default 10)")
        if jobs:
            p.add_argument("-j", "--jobs", type=_jobs, default="auto", metavar="N",
                           help="check N claims at a time in worker processes "
                                "(default: auto = the number of cores, at most 4)")
        p.add_argument("-v", "--verbose", action="store_true",
                       help="log strategies that crashed or timed out to stderr")

    verify = sub.add_parser("verify", help="check every step of derivations")
    verify.add_argument("targets", nargs="*", metavar="NAME|FILE.py",
                        help="built-in derivation names or Python files (default: all built-ins)")
    verify.add_argument("--json", action="store_true", help="print one JSON document")
    common(verify)

    check = sub.add_parser("check", help="check one claim, or a batch of claims")
    check.add_argument("claim", nargs="?", metavar='"LHS REL RHS"',
                       help="e.g. \"-log(p, 2) >= 0\"; REL is =, <=, >=, <, >, same-argmin[v], argmax-argmin[v]")
    check.add_argument("-a", "--assume", action="append", default=[], metavar="NAME=DOMAIN",
                       help="declare a domain (repeatable); undeclared names are real")
    check.add_argument("--function", action="append", default=[], metavar="NAME",
                       help="allow NAME(...) as an undefined function (repeatable)")
    check.add_argument("--batch", metavar="FILE.jsonl",
                       help="one claim per line: {\"lhs\", \"rel\", \"rhs\", \"assume\"}")
    check.add_argument("--json", action="store_true", help="print the verdict as JSON")
    common(check)

    export = sub.add_parser("export", help="print one derivation as LaTeX, Markdown or HTML")
    export.add_argument("name", metavar="NAME")
    export.add_argument("--format", required=True, choices=("latex", "markdown", "html"))
    export.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
    common(export)

    doc = sub.add_parser("doc", help="verify everything and write all documents")
    doc.add_argument("-o", "--output", default="build", metavar="DIR", help="output directory (default build/)")
    common(doc)
    return parser


# -- loading derivations -------------------------------------------------------
def _load(targets: Sequence[str]) -> list:
    from derivations import builtin_derivations
    from symloss.loader import load_file

    builtins = builtin_derivations()
    if not targets:
        return builtins
    by_name = {d.name: d for d in builtins}
    chosen = []
    for target in targets:
        if target.endswith(".py"):
            chosen.extend(load_file(Path(target)))
        elif target in by_name:
            chosen.append(by_name[target])
        else:
            raise UsageError(f"unknown derivation {target!r}; run 'symloss list' to see the names")
    return chosen


# -- commands ------------------------------------------------------------------
def cmd_list(args: argparse.Namespace) -> int:
    from derivations import builtin_derivations

    for d in builtin_derivations():
        print(f"{d.name:<22} {d.title}")
    return 0


def _step_json(result: Any) -> dict[str, Any]:
    import sympy
    from sympy.core.function import AppliedUndef

    step = result.step
    rel = step.rel.value + (f"[{', '.join(step.over)}]" if step.over else "")
    fields = result.verdict.as_dict()
    lhs = result.derivation.lhs_of(result.index)
    functions = sorted({str(f.func) for side in (lhs, step.rhs) for f in side.atoms(AppliedUndef)})
    extra = {"functions": functions} if functions else {}  # for `symloss check --function NAME`
    return {**extra, "index": result.index + 1, "lhs": sympy.sstr(lhs),
            "rel": rel, "rhs": sympy.sstr(step.rhs), "reason": step.reason, "expected": step.expected,
            "status": fields["status"], "method": fields["method"],
            "counterexample": fields["counterexample"], "seconds": fields["seconds"],
            "why": fields["reason"]}


def cmd_verify(args: argparse.Namespace) -> int:
    from symloss.check.engine import verify_all

    derivations = _load(args.targets)

    def progress(result: Any) -> None:
        if not args.json:
            if result.index == 0:
                print(f"{result.derivation.name}: {result.derivation.title}", flush=True)
            print(result.line(), flush=True)
        if args.verbose:
            for note in result.verdict.details:
                print(f"symloss: {result.derivation.name} step {result.index + 1}: {note}", file=sys.stderr)

    report = verify_all(derivations, timeout=args.timeout, jobs=args.jobs, progress=progress)
    if args.json:
        print(json.dumps({
            "derivations": [{"name": d.name, "title": d.title, "assume": dict(d.assume),
                             "steps": [_step_json(r) for r in report.for_derivation(d)]}
                            for d in report.derivations()],
            "summary": report.summary()}, indent=2, ensure_ascii=False))
    else:
        print(report.text().splitlines()[-1])
    return report.exit_status


def _assumptions(items: Sequence[str]) -> dict[str, str]:
    from symloss.parse import parse_assumption

    out = {}
    for item in items:
        name, dom = parse_assumption(item)
        out[name] = dom
    return out


_STATUS_EXIT = {"proved": 0, "refuted": 1, "unproved": 3, "error": 2}


def cmd_check(args: argparse.Namespace) -> int:
    if args.batch:
        if args.claim:
            raise UsageError("give either a claim or --batch FILE, not both")
        from symloss.batch import run_batch

        return run_batch(Path(args.batch), timeout=args.timeout, jobs=args.jobs, verbose=args.verbose)
    if not args.claim:
        raise UsageError('check needs a claim such as "x**2 >= 0", or --batch FILE.jsonl')
    from symloss.check.engine import check_claims
    from symloss.derivation import Claim
    from symloss.parse import parse_claim

    assume = _assumptions(args.assume)
    lhs, rel, rhs, over = parse_claim(args.claim, functions=args.function)
    verdict = check_claims([Claim(lhs, rel, rhs, assume, over)], timeout=args.timeout)[0]
    if args.verbose:
        for note in verdict.details:
            print(f"symloss: {note}", file=sys.stderr)
    if args.json:
        print(json.dumps({"claim": args.claim, "assume": assume, **verdict.as_dict()}, ensure_ascii=False))
    elif verdict.status.value != "error":
        print(f"{verdict.mark} {verdict.describe()}  [{verdict.seconds:.2f} s]")
    if verdict.status.value == "error":  # an ill-formed claim is bad input: one line on stderr
        print(f"symloss: error: {' '.join(verdict.reason.split())}", file=sys.stderr)
    return _STATUS_EXIT[verdict.status.value]


def _write(text: str, output: str | None) -> None:
    if output is None:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
        return
    try:
        Path(output).write_text(text, encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"cannot write {output}: {exc.strerror}") from None


def cmd_export(args: argparse.Namespace) -> int:
    from symloss.check.engine import verify_all
    from symloss.printing import export

    derivation = _load([args.name])[0]
    report = verify_all([derivation], timeout=args.timeout, jobs=args.jobs)
    _write(export(derivation, report.for_derivation(derivation), args.format), args.output)
    return report.exit_status


def cmd_doc(args: argparse.Namespace) -> int:
    from symloss.check.engine import verify_all
    from symloss.printing.document import write_documents

    derivations = _load([])
    total = sum(len(d.steps) for d in derivations)
    done = [0]

    def progress(result: Any) -> None:
        done[0] += 1
        print(f"[{done[0]:>3}/{total}] {result.mark} {result.derivation.name} step {result.index + 1}"
              f"  {result.verdict.seconds:.2f} s", flush=True)

    report = verify_all(derivations, timeout=args.timeout, jobs=args.jobs, progress=progress)
    print(report.text().splitlines()[-1])
    out = Path(args.output)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(f"cannot create {out}: {exc.strerror}") from None
    written = write_documents(report, out, progress=print)
    print(f"wrote {len(written)} files to {out}/")
    return report.exit_status


COMMANDS = {"list": cmd_list, "verify": cmd_verify, "check": cmd_check, "export": cmd_export, "doc": cmd_doc}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
        if args.command is None:
            parser.print_help()
            return 2
        return COMMANDS[args.command](args)
    except SystemExit as exc:  # --help / --version
        return int(exc.code or 0)
    except UsageError as exc:
        print(f"symloss: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("symloss: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # e.g. piped into head
        return 0
    except Exception as exc:  # noqa: BLE001 - bad input must never show a traceback
        from symloss.errors import SymlossError

        message = " ".join(str(exc).split()) or type(exc).__name__
        if isinstance(exc, SymlossError):
            print(f"symloss: error: {message}", file=sys.stderr)
        else:
            print(f"symloss: internal error: {type(exc).__name__}: {message}", file=sys.stderr)
        return 2
