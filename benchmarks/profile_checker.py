"""Where the time goes: phases, strategies, slowest claims, imports, cProfile.

    python benchmarks/profile_checker.py                    # everything, 5 s limit per claim
    python benchmarks/profile_checker.py --what corpus      # only the corpus (benchmarks/claims.jsonl)
    python benchmarks/profile_checker.py --what verify      # only the built-in derivations
    python benchmarks/profile_checker.py --what imports     # only -X importtime and the cold phases

Every claim runs in this process (``check_claim``, no worker), with light
instrumentation: the time of each strategy the checker runs under its
``Budget`` (named by the ``name`` of the loop that runs it), of the numeric
search, of building the context, and which strategy succeeded. A second run of
the same claims under cProfile gives function-level numbers (cumulative
seconds, call counts); the raw profiles are written next to ``--out``.
The JSON report goes to ``--json`` (default ``benchmarks/profile.json``).
"""
from __future__ import annotations

import argparse
import cProfile
import collections
import json
import pstats
import re
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def log(*parts):
    print(*parts, file=sys.stderr, flush=True)


# -- cold phases and -X importtime (subprocesses) --------------------------------------------------
PHASES = r"""
import time, json, sys
t0 = time.perf_counter()
import sympy
t1 = time.perf_counter()
import symloss
t2 = time.perf_counter()
from derivations import builtin_derivations
ds = builtin_derivations()
t3 = time.perf_counter()
claims = [c for d in ds for c in d.claims()]
t4 = time.perf_counter()
from symloss.check.worker import Worker
from symloss.derivation import Claim
w = Worker()
t5 = time.perf_counter()
v, _ = w.check(Claim("x", "=", "x", {}), 5)
t6 = time.perf_counter()
v, _ = w.check(Claim("x + 1", "=", "1 + x", {}), 5)
t7 = time.perf_counter()
w.close()
from symloss.check.claims import check_claim
t8 = time.perf_counter()
check_claim(claims[0], 5)
t9 = time.perf_counter()
print(json.dumps({"import sympy": t1 - t0, "import symloss (after sympy)": t2 - t1,
                  "import+build derivations": t3 - t2, "derivations.claims()": t4 - t3,
                  "fork a worker": t5 - t4, "first round trip (trivial claim)": t6 - t5,
                  "warm round trip (trivial claim)": t7 - t6,
                  "first check_claim in process (lazy imports, lemma)": t9 - t8,
                  "n_derivations": len(ds), "n_claims": len(claims)}))
"""


def cold_phases(repeat):
    runs = []
    for _ in range(repeat):
        out = subprocess.run([sys.executable, "-c", PHASES], cwd=ROOT, capture_output=True, text=True)
        if out.returncode:
            log(out.stderr[-2000:])
            break
        runs.append(json.loads(out.stdout.strip().splitlines()[-1]))
    if not runs:
        return {}
    keys = runs[0].keys()
    return {k: sorted(r[k] for r in runs)[len(runs) // 2] for k in keys}


def importtime(argv):
    """Aggregate ``-X importtime`` of a command: cumulative seconds per top-level package."""
    out = subprocess.run([sys.executable, "-X", "importtime"] + argv, cwd=ROOT, capture_output=True, text=True)
    rows = []
    for line in out.stderr.splitlines():
        m = re.match(r"import time:\s+(\d+) \|\s+(\d+) \|( *)(\S+)", line)
        if m:
            rows.append((int(m.group(1)), int(m.group(2)), len(m.group(3)), m.group(4)))
    by_pkg = collections.Counter()
    for self_us, cum_us, depth, name in rows:
        by_pkg[name.split(".")[0]] += self_us
    top_level = [(cum / 1e6, name) for self_us, cum, depth, name in rows if depth == 1]
    top_level.sort(reverse=True)
    own = sorted(((s / 1e6, name) for s, c, d, name in rows
                  if name.split(".")[0] in ("symloss", "derivations")), reverse=True)
    return {"self_seconds_by_package": {k: v / 1e6 for k, v in by_pkg.most_common(12)},
            "top_level_cumulative": top_level[:12],
            "symloss_modules_self": own[:15],
            "total_seconds": sum(r[0] for r in rows) / 1e6}


# -- instrumentation ------------------------------------------------------------------------------
class Recorder:
    def __init__(self):
        self.current = None  # per-claim record
        self.strategy = collections.defaultdict(lambda: {"calls": 0, "seconds": 0.0, "won": 0})

    def install(self):
        import importlib

        # (``import symloss.check.claims as m`` fails: ``symloss.check`` is also the function check)
        claims_mod = importlib.import_module("symloss.check.claims")
        budget_mod = importlib.import_module("symloss.check.budget")
        from symloss.check.context import Context

        rec = self
        original_run = budget_mod.Budget.run

        def run(budget, fn, *args):
            if budget._depth:
                return original_run(budget, fn, *args)
            frame = sys._getframe(1)
            label = frame.f_code.co_name
            if "name" in frame.f_locals and isinstance(frame.f_locals["name"], str):
                label = f"{frame.f_code.co_name}:{frame.f_locals['name']}"
            elif label == "check":
                label = "numeric:exact-zero check"
            elif label == "prove_argmin":
                label = f"prove_argmin:{getattr(fn, '__name__', '?')}"
            started = time.perf_counter()
            result = None
            try:
                result = original_run(budget, fn, *args)
                return result
            finally:
                spent = time.perf_counter() - started
                entry = rec.strategy[label]
                entry["calls"] += 1
                entry["seconds"] += spent
                if result is True or (isinstance(result, str) and result):
                    entry["won"] += 1
                if rec.current is not None:
                    rec.current["parts"][label] = rec.current["parts"].get(label, 0.0) + spent
        budget_mod.Budget.run = run

        original_search = claims_mod.search

        def search(*args, **kw):
            started = time.perf_counter()
            try:
                return original_search(*args, **kw)
            finally:
                spent = time.perf_counter() - started
                if rec.current is not None:
                    rec.current["parts"]["numeric search"] = rec.current["parts"].get("numeric search", 0.0) + spent
        claims_mod.search = search

        original_of = Context.of.__func__

        def of(cls, *args, **kw):
            started = time.perf_counter()
            try:
                return original_of(cls, *args, **kw)
            finally:
                spent = time.perf_counter() - started
                if rec.current is not None:
                    rec.current["parts"]["context"] = rec.current["parts"].get("context", 0.0) + spent
        Context.of = classmethod(of)


def run_claims(label, items, timeout, rec):
    """items: (id, text, Claim, truth or None). Returns per-claim records."""
    from symloss.check.claims import check_claim

    records = []
    for ident, text, claim, truth in items:
        rec.current = {"id": ident, "claim": text, "truth": truth, "parts": {}}
        started, cpu = time.perf_counter(), time.process_time()
        verdict = check_claim(claim, timeout)
        rec.current["seconds"] = time.perf_counter() - started
        rec.current["cpu_seconds"] = time.process_time() - cpu
        rec.current["status"] = verdict.status.value
        rec.current["method"] = verdict.method
        rec.current["reason"] = verdict.reason
        if "interrupted" in verdict.details:
            from sympy.core.cache import clear_cache

            clear_cache()
        records.append(rec.current)
        rec.current = None
    log(f"  {label}: {len(records)} claims, {sum(r['seconds'] for r in records):.1f} s")
    return records


def summarize(records):
    total = sum(r["seconds"] for r in records)
    parts = collections.Counter()
    for r in records:
        for k, v in r["parts"].items():
            parts[k] += v
    by_status = collections.Counter()
    for r in records:
        by_status[r["status"]] += r["seconds"]
    # the exact-zero check runs inside the numeric search: counted there, shown separately
    prove_total = sum(v for k, v in parts.items()
                      if k not in ("numeric search", "context") and not k.startswith("numeric:"))
    slow = sorted(records, key=lambda r: -r["seconds"])[:15]
    return {"claims": len(records), "total_seconds": total,
            "total_cpu_seconds": sum(r["cpu_seconds"] for r in records),
            "numeric_search_seconds": parts.get("numeric search", 0.0),
            "context_seconds": parts.get("context", 0.0),
            "exact_zero_check_seconds": parts.get("numeric:exact-zero check", 0.0),
            "strategies_seconds": prove_total,
            "other_seconds": total - parts.get("numeric search", 0.0) - parts.get("context", 0.0) - prove_total,
            "seconds_by_status": dict(by_status),
            "slowest": [{"id": r["id"], "claim": r["claim"], "seconds": r["seconds"], "status": r["status"],
                         "method": r["method"], "reason": r["reason"],
                         "parts": {k: round(v, 3) for k, v in sorted(r["parts"].items(), key=lambda kv: -kv[1])[:5]}}
                        for r in slow]}


def profile_stats(fn, path, top):
    prof = cProfile.Profile()
    prof.enable()
    fn()
    prof.disable()
    prof.dump_stats(str(path))
    st = pstats.Stats(prof)
    rows = []
    for (file, line, func), (cc, nc, tt, ct, callers) in st.stats.items():
        rows.append({"function": f"{Path(file).name}:{line}({func})", "file": file, "calls": nc,
                     "tottime": tt, "cumtime": ct})
    own = [r for r in rows if "/symloss/" in r["file"]]
    own.sort(key=lambda r: -r["cumtime"])
    sym = [r for r in rows if "/sympy/" in r["file"] or "/mpmath/" in r["file"]]
    sym.sort(key=lambda r: -r["cumtime"])
    by_tot = sorted(rows, key=lambda r: -r["tottime"])
    for r in rows:
        r.pop("file")
    return {"symloss_by_cumtime": own[:top], "sympy_mpmath_by_cumtime": sym[:top], "all_by_tottime": by_tot[:top]}


def main(argv=None):
    ap = argparse.ArgumentParser(description="profile symloss (see docs/benchmarks.md)")
    ap.add_argument("--what", choices=("all", "imports", "verify", "corpus"), default="all")
    ap.add_argument("--timeout", type=float, default=5.0)
    ap.add_argument("--top", type=int, default=25)
    ap.add_argument("--corpus", default=str(HERE / "claims.jsonl"))
    ap.add_argument("--repeat", type=int, default=3, help="repeats of the cold-phase subprocess")
    ap.add_argument("--json", default=str(HERE / "profile.json"))
    ap.add_argument("--out", default=str(HERE / "profiles"), help="directory for the raw .prof files")
    args = ap.parse_args(argv)
    report = {"timeout": args.timeout}
    if args.what in ("all", "imports"):
        log("cold phases ...")
        report["cold_phases"] = cold_phases(args.repeat)
        log("importtime ...")
        report["importtime_import_symloss"] = importtime(["-c", "import symloss"])
        report["importtime_verify"] = importtime(["-m", "symloss", "verify", "--timeout", str(args.timeout)])
    if args.what in ("all", "verify", "corpus"):
        from sympy.core.cache import clear_cache

        from symloss.derivation import Claim

        rec = Recorder()
        rec.install()
        groups = {}
        if args.what in ("all", "verify"):
            from derivations import builtin_derivations

            items = []
            for d in builtin_derivations():
                for k, c in enumerate(d.claims()):
                    step = d.steps[k]
                    items.append((f"{d.name}#{k + 1}", str(c), c,
                                  None if step.expected == "proved" else False))
            groups["verify"] = items
        if args.what in ("all", "corpus"):
            entries = [json.loads(line) for line in Path(args.corpus).read_text().splitlines() if line.strip()]
            groups["corpus"] = [(e["id"], f"{e['lhs']} {e['rel']} {e['rhs']}  {e['assume']}",
                                 Claim(e["lhs"], e["rel"], e["rhs"], e["assume"]), e["truth"]) for e in entries]
        Path(args.out).mkdir(parents=True, exist_ok=True)
        for name, items in groups.items():
            clear_cache()
            records = run_claims(name, items, args.timeout, rec)
            report[f"{name}_phases"] = summarize(records)
            report[f"{name}_records"] = records
        report["strategies"] = {k: dict(v) for k, v in sorted(rec.strategy.items(), key=lambda kv: -kv[1]["seconds"])}
        # cProfile, a second pass without the recorder's bookkeeping mattering much
        for name, items in groups.items():
            clear_cache()
            from symloss.check.claims import check_claim

            def go(items=items):
                for _, _, claim, _ in items:
                    v = check_claim(claim, args.timeout)
                    if "interrupted" in v.details:
                        clear_cache()
            log(f"cProfile {name} ...")
            report[f"{name}_cprofile"] = profile_stats(go, Path(args.out) / f"{name}.prof", args.top)
    Path(args.json).write_text(json.dumps(report, indent=1, default=str))
    print_report(report, args.top)
    log(f"wrote {args.json}")
    return 0


def print_report(report, top):
    w = print
    if "cold_phases" in report:
        w("## cold phases (median of subprocess runs)")
        for k, v in report["cold_phases"].items():
            w(f"  {k:<50} {v:.3f}" if isinstance(v, float) else f"  {k:<50} {v}")
        for key in ("importtime_import_symloss", "importtime_verify"):
            it = report[key]
            w(f"## -X importtime: {key} (total self {it['total_seconds']:.3f} s)")
            w("  self seconds by package: " + ", ".join(f"{k} {v:.3f}" for k, v in it["self_seconds_by_package"].items()))
            w("  top-level imports (cumulative): " + ", ".join(f"{n} {s:.3f}" for s, n in it["top_level_cumulative"][:8]))
            w("  symloss modules (self): " + ", ".join(f"{n} {s:.3f}" for s, n in it["symloss_modules_self"][:8]))
    for name in ("verify", "corpus"):
        if f"{name}_phases" not in report:
            continue
        ph = report[f"{name}_phases"]
        w(f"## {name}: {ph['claims']} claims, {ph['total_seconds']:.2f} s in check_claim "
          f"({ph['total_cpu_seconds']:.2f} s CPU)")
        w(f"  numeric search {ph['numeric_search_seconds']:.2f} s (of which exact-zero checks "
          f"{ph['exact_zero_check_seconds']:.2f} s), context {ph['context_seconds']:.2f} s, "
          f"strategies {ph['strategies_seconds']:.2f} s, other {ph['other_seconds']:.2f} s")
        w("  seconds by verdict: " + ", ".join(f"{k} {v:.2f}" for k, v in ph["seconds_by_status"].items()))
        w("  slowest:")
        for r in ph["slowest"][:10]:
            w(f"    {r['seconds']:6.2f} s  {r['status']:<8} {r['method'] or r['reason']:<30} #{r['id']} {r['claim'][:90]}")
            w(f"             {r['parts']}")
    if "strategies" in report:
        w("## strategies (calls, seconds, successes), all claims")
        for k, v in list(report["strategies"].items())[:top]:
            w(f"  {k:<40} {v['calls']:5d} {v['seconds']:8.2f} s  won {v['won']}")
    for name in ("verify", "corpus"):
        if f"{name}_cprofile" not in report:
            continue
        cp = report[f"{name}_cprofile"]
        w(f"## cProfile {name}: symloss functions by cumulative time")
        for r in cp["symloss_by_cumtime"][:top]:
            w(f"  {r['cumtime']:8.2f} s cum {r['tottime']:7.2f} s own {r['calls']:8d} calls  {r['function']}")
        w(f"## cProfile {name}: sympy/mpmath functions by cumulative time")
        for r in cp["sympy_mpmath_by_cumtime"][:top]:
            w(f"  {r['cumtime']:8.2f} s cum {r['tottime']:7.2f} s own {r['calls']:8d} calls  {r['function']}")


if __name__ == "__main__":
    sys.exit(main())
