"""symloss benchmark: one command, a table on stdout, the same numbers as JSON.

    python benchmarks/run.py                       # 5 repeats, 10 s limit per claim (symloss default)
    python benchmarks/run.py --quick               # 1 repeat, a third of the corpus
    python benchmarks/run.py --repeat 3 --json out.json --timeout 10

Sections (see docs/benchmarks.md):

1. cold ``symloss verify`` of every built-in derivation (a subprocess, wall time)
   against ``python -c "import sympy"`` measured in the same run, interleaved;
2. ``import symloss`` against ``import sympy`` (subprocesses; also ``symloss --help``
   and ``symloss list``);
3. the corpus ``benchmarks/claims.jsonl``: time per claim of the checker in process
   (``check_claim``), through the worker pool (``WorkerPool.check``, i.e.
   ``check_claims`` one claim at a time, and ``check_claims`` with 1 and 2 jobs for
   throughput), against the naive baseline ``simplify(lhs - rhs) == 0`` on the
   equalities, run in this process under the same limit (``signal.setitimer``);
   plus how many claims each decides correctly;
4. peak RSS of a full ``symloss verify`` (``os.wait4`` of the child: the maximum over
   the process and its reaped workers).

Every timing is repeated ``--repeat`` times; the table shows the minimum and the
median. Ratios are computed within one run (the machine may be shared and noisy).
Before each pass over the corpus SymPy's cache and symloss's ``lru_cache``s are
cleared, so every pass starts as a fresh worker would; within a pass claims share
the cache, as they do in a long-lived worker.
"""
from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
CORPUS = HERE / "claims.jsonl"
TOLERANCE = 0.05  # s: a claim "past its limit" took longer than limit + this (signal delivery, IPC, cleanup)


# -- small helpers --------------------------------------------------------------------------------
def pct(values, q):
    """The q-quantile (0..1) by linear interpolation; None for no values."""
    values = sorted(values)
    if not values:
        return None
    pos = (len(values) - 1) * q
    lo = int(pos)
    hi = min(lo + 1, len(values) - 1)
    return values[lo] + (values[hi] - values[lo]) * (pos - lo)


def stats(values):
    values = list(values)
    if not values:
        return {"n": 0}
    return {"n": len(values), "min": min(values), "median": statistics.median(values),
            "p90": pct(values, 0.9), "max": max(values), "mean": statistics.fmean(values),
            "sum": sum(values)}


def run_timed(argv, cwd=ROOT):
    """Wall time, exit status, peak RSS (KiB, child and its reaped descendants), stdout."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        proc = subprocess.Popen(argv, cwd=cwd, stdout=out, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - started
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return {"seconds": wall, "exit": proc.returncode, "maxrss_kib": usage.ru_maxrss,
                "user": usage.ru_utime, "sys": usage.ru_stime,
                "stdout": out.read().decode("utf-8", "replace"),
                "stderr": err.read().decode("utf-8", "replace")}


def symloss_command():
    exe = shutil.which("symloss")
    return [exe] if exe else [sys.executable, "-m", "symloss"]


def machine():
    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        load = os.getloadavg()
    except OSError:
        load = None
    import sympy

    try:
        rev = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                             text=True).stdout.strip()
        dirty = bool(subprocess.run(["git", "status", "--porcelain", "--", "symloss", "derivations"],
                                    cwd=ROOT, capture_output=True, text=True).stdout.strip())
    except OSError:
        rev, dirty = "", False
    return {"nproc": os.cpu_count(), "cpu": model, "python": platform.python_version(),
            "sympy": sympy.__version__, "platform": platform.platform(), "loadavg_start": load,
            "git": rev + ("+dirty" if dirty else "")}


def log(*parts):
    print(*parts, file=sys.stderr, flush=True)


# -- 1, 2, 4: subprocess timings ------------------------------------------------------------------
def bench_processes(repeat, timeout):
    py = sys.executable
    cmds = {
        "python": [py, "-c", "pass"],
        "import sympy": [py, "-c", "import sympy"],
        "import symloss": [py, "-c", "import symloss"],
        "symloss --help": symloss_command() + ["--help"],
        "symloss list": symloss_command() + ["list"],
        "symloss verify": symloss_command() + ["verify", "--timeout", str(timeout)],
        "symloss verify -j 2": symloss_command() + ["verify", "-j", "2", "--timeout", str(timeout)],
    }
    runs = {name: [] for name in cmds}
    for r in range(repeat):
        for name, argv in cmds.items():  # interleaved, so each repeat sees the same load
            res = run_timed(argv)
            runs[name].append(res)
        log(f"  processes, repeat {r + 1}/{repeat}: "
            + ", ".join(f"{n} {runs[n][-1]['seconds']:.2f}s" for n in cmds))
    out = {}
    for name, rs in runs.items():
        out[name] = {"seconds": [x["seconds"] for x in rs], "exit": [x["exit"] for x in rs],
                     "maxrss_kib": [x["maxrss_kib"] for x in rs],
                     "cpu_seconds": [x["user"] + x["sys"] for x in rs]}
    last = runs["symloss verify"][-1]
    out["symloss verify"]["summary_line"] = (last["stdout"].strip().splitlines() or [""])[-1]
    out["symloss verify"]["stderr_tail"] = last["stderr"][-2000:]
    # ratios within each repeat, then their min/median
    sym = out["import sympy"]["seconds"]
    ver = out["symloss verify"]["seconds"]
    imp = out["import symloss"]["seconds"]
    out["ratios"] = {
        "verify / import sympy": [v / s for v, s in zip(ver, sym)],
        "verify -j 2 / import sympy": [v / s for v, s in zip(out["symloss verify -j 2"]["seconds"], sym)],
        "import symloss / import sympy": [v / s for v, s in zip(imp, sym)],
        "import symloss - import sympy": [v - s for v, s in zip(imp, sym)],
        "symloss --help - import sympy": [v - s for v, s in zip(out["symloss --help"]["seconds"], sym)],
        "symloss list - import sympy": [v - s for v, s in zip(out["symloss list"]["seconds"], sym)],
    }
    return out


# -- 3: the corpus ---------------------------------------------------------------------------------
def load_corpus(path, quick):
    entries = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    if quick:
        entries = entries[::3]
    return entries


def reset_caches():
    """A fresh start for one pass: SymPy's cache and every lru_cache in symloss."""
    from sympy.core.cache import clear_cache

    clear_cache()
    for name, module in list(sys.modules.items()):
        if not (name == "symloss" or name.startswith("symloss.")) or module is None:
            continue
        for value in list(vars(module).values()):
            clear = getattr(value, "cache_clear", None)
            if callable(clear) and getattr(value, "__module__", None) == name:
                clear()
    gc.collect()


class _Alarm(BaseException):
    pass


def _raise_alarm(signum, frame):
    raise _Alarm()


def baseline_one(lhs, rhs, timeout):
    """The naive baseline: ``simplify(lhs - rhs) == 0``, cut at ``timeout`` s. (status, seconds)."""
    import sympy

    previous = signal.signal(signal.SIGALRM, _raise_alarm)
    started = time.perf_counter()
    signal.setitimer(signal.ITIMER_REAL, timeout)
    try:
        zero = sympy.simplify(lhs - rhs) == 0
        status = "proved" if zero else "undecided"
    except _Alarm:
        status = "timeout"
    except Exception as exc:  # noqa: BLE001
        status = f"crash: {type(exc).__name__}"
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    seconds = time.perf_counter() - started
    if status == "timeout":
        from sympy.core.cache import clear_cache

        clear_cache()  # an interrupted SymPy may have left its cache half-updated
    return status, seconds


def bench_corpus(entries, repeat, timeout, skip_pool=False):
    from symloss.check.claims import check_claim
    from symloss.check.context import Context
    from symloss.check.engine import check_claims
    from symloss.check.worker import WorkerPool
    from symloss.derivation import Claim

    t0 = time.perf_counter()
    claims = [Claim(e["lhs"], e["rel"], e["rhs"], e.get("assume", {})) for e in entries]
    parse_seconds = time.perf_counter() - t0
    n = len(claims)
    eq = [k for k, e in enumerate(entries) if e["rel"] in ("=", "==")]

    # typed sides for the baseline: the same SymPy assumptions symloss gives each domain
    typed = {}
    for k in eq:
        c = claims[k]
        ctx = Context.of([c.lhs, c.rhs], c.assume)
        typed[k] = (ctx.typed(c.lhs), ctx.typed(c.rhs))

    inproc = [[None] * n for _ in range(repeat)]  # seconds
    inproc_cpu = [[None] * n for _ in range(repeat)]  # CPU seconds of this process
    base_cpu = [dict() for _ in range(repeat)]
    inproc_v = [[None] * n for _ in range(repeat)]  # status
    pooled = [[None] * n for _ in range(repeat)]  # wall seconds through the pool
    pooled_inner = [[None] * n for _ in range(repeat)]
    pooled_v = [[None] * n for _ in range(repeat)]
    base = [dict() for _ in range(repeat)]
    base_v = [dict() for _ in range(repeat)]
    batch_wall = {"jobs=1": [], "jobs=2": []}
    verdict_info = [None] * n

    for r in range(repeat):
        # (a) the checker in this process
        reset_caches()
        for k, claim in enumerate(claims):
            started, cpu = time.perf_counter(), time.process_time()
            v = check_claim(claim, timeout)
            inproc[r][k] = time.perf_counter() - started
            inproc_cpu[r][k] = time.process_time() - cpu
            inproc_v[r][k] = v.status.value
            if r == 0:
                verdict_info[k] = {"method": v.method, "reason": v.reason,
                                   "counterexample": v.counterexample and {
                                       a: str(b) for a, b in dict(v.counterexample).items()},
                                   "details": list(v.details)}
            if "interrupted" in v.details:
                from sympy.core.cache import clear_cache

                clear_cache()
        log(f"  corpus, repeat {r + 1}/{repeat}: check_claim in process "
            f"median {statistics.median(inproc[r]) * 1000:.1f} ms, total {sum(inproc[r]):.1f} s")

        # (b) the naive baseline, same process, same limit, equalities only
        reset_caches()
        for k in eq:
            cpu = time.process_time()
            status, seconds = baseline_one(*typed[k], timeout)
            base_cpu[r][k] = time.process_time() - cpu
            base[r][k] = seconds
            base_v[r][k] = status
        bt = list(base[r].values())
        log(f"  corpus, repeat {r + 1}/{repeat}: baseline simplify median "
            f"{statistics.median(bt) * 1000:.1f} ms, total {sum(bt):.1f} s")

        if skip_pool:
            continue
        # (c) through the worker pool, one claim at a time (latency as `check` sees it)
        reset_caches()
        with WorkerPool(1) as pool:
            for k, claim in enumerate(claims):
                started = time.perf_counter()
                v = pool.check(claim, timeout)
                pooled[r][k] = time.perf_counter() - started
                pooled_inner[r][k] = v.seconds
                pooled_v[r][k] = v.status.value
        log(f"  corpus, repeat {r + 1}/{repeat}: worker pool median "
            f"{statistics.median(pooled[r]) * 1000:.1f} ms, total {sum(pooled[r]):.1f} s")
        # (d) check_claims throughput, 1 and 2 jobs (includes forking the workers)
        for jobs in (1, 2):
            reset_caches()
            started = time.perf_counter()
            check_claims(claims, timeout=timeout, jobs=jobs)
            batch_wall[f"jobs={jobs}"].append(time.perf_counter() - started)
        log(f"  corpus, repeat {r + 1}/{repeat}: check_claims total jobs=1 "
            f"{batch_wall['jobs=1'][-1]:.1f} s, jobs=2 {batch_wall['jobs=2'][-1]:.1f} s")

    def per_claim(table, keys):
        """Per-claim min and median over repeats."""
        mins = [min(table[r][k] for r in range(repeat)) for k in keys]
        meds = [statistics.median(table[r][k] for r in range(repeat)) for k in keys]
        return mins, meds

    all_k = list(range(n))
    out = {"claims": n, "equalities": len(eq), "timeout": timeout, "parse_seconds": parse_seconds,
           "repeat": repeat}
    ip_min, ip_med = per_claim(inproc, all_k)
    ipe_min, ipe_med = per_claim(inproc, eq)
    b_min, b_med = per_claim(base, eq)
    out["checker_inproc"] = {"all": {"per_claim_min": stats(ip_min), "per_claim_median": stats(ip_med)},
                             "equalities": {"per_claim_min": stats(ipe_min), "per_claim_median": stats(ipe_med)},
                             "pass_totals": [sum(x) for x in inproc]}
    out["baseline"] = {"equalities": {"per_claim_min": stats(b_min), "per_claim_median": stats(b_med)},
                       "pass_totals": [sum(x.values()) for x in base]}
    ipc_min, ipc_med = per_claim(inproc_cpu, all_k)
    ipce_min, ipce_med = per_claim(inproc_cpu, eq)
    bc_min, bc_med = per_claim(base_cpu, eq)
    out["cpu"] = {"checker_inproc_all": {"per_claim_min": stats(ipc_min), "per_claim_median": stats(ipc_med)},
                  "checker_inproc_equalities": {"per_claim_min": stats(ipce_min),
                                                "per_claim_median": stats(ipce_med)},
                  "baseline_equalities": {"per_claim_min": stats(bc_min), "per_claim_median": stats(bc_med)}}
    if not skip_pool:
        pl_min, pl_med = per_claim(pooled, all_k)
        ple_min, ple_med = per_claim(pooled, eq)
        out["checker_pool"] = {"all": {"per_claim_min": stats(pl_min), "per_claim_median": stats(pl_med)},
                               "equalities": {"per_claim_min": stats(ple_min),
                                              "per_claim_median": stats(ple_med)},
                               "pass_totals": [sum(x) for x in pooled]}
        out["check_claims_wall"] = {k: v for k, v in batch_wall.items()}

    # correctness (first pass; flakiness across passes reported separately)
    truth = [bool(e["truth"]) for e in entries]
    st = inproc_v[0]
    outcome = {"proved_true": 0, "refuted_false": 0, "SOUNDNESS_false_proved": 0,
               "WRONG_true_refuted": 0, "unproved_true": 0, "unproved_false": 0, "error": 0}
    for k in all_k:
        s = st[k]
        if s == "error":
            outcome["error"] += 1
        elif s == "proved":
            outcome["proved_true" if truth[k] else "SOUNDNESS_false_proved"] += 1
        elif s == "refuted":
            outcome["refuted_false" if not truth[k] else "WRONG_true_refuted"] += 1
        else:
            outcome["unproved_true" if truth[k] else "unproved_false"] += 1
    outcome["decided_correctly"] = outcome["proved_true"] + outcome["refuted_false"]
    b_out = {"proved_true": 0, "UNSOUND_false_proved": 0, "timeout": 0, "crash": 0}
    for k in eq:
        s = base_v[0][k]
        if s == "proved":
            b_out["proved_true" if truth[k] else "UNSOUND_false_proved"] += 1
        elif s == "timeout":
            b_out["timeout"] += 1
        elif s.startswith("crash"):
            b_out["crash"] += 1
    b_out["decided_correctly"] = b_out["proved_true"]
    out["checker_outcome"] = outcome
    out["baseline_outcome"] = b_out
    flaky = [k for k in all_k if len({inproc_v[r][k] for r in range(repeat)}
                                     | ({pooled_v[r][k] for r in range(repeat)} if not skip_pool else set())) > 1]
    out["flaky"] = [{"id": entries[k].get("id"), "statuses_inproc": [inproc_v[r][k] for r in range(repeat)],
                     "statuses_pool": None if skip_pool else [pooled_v[r][k] for r in range(repeat)]}
                    for k in flaky]
    limit = timeout
    tol = TOLERANCE

    def worst(table, keys):
        return {k: max(table[r][k] for r in range(repeat)) for k in keys}
    w_in = worst(inproc, all_k)
    w_pool = {} if skip_pool else worst(pooled, all_k)
    w_base = {k: max(base[r][k] for r in range(repeat)) for k in eq}
    out["past_limit"] = {
        "tolerance": tol,
        "inproc": [entries[k].get("id") for k, v in w_in.items() if v > limit + tol],
        "pool": [entries[k].get("id") for k, v in w_pool.items() if v > limit + tol],
        "baseline": [entries[k].get("id") for k, v in w_base.items() if v > limit + tol],
        "max_overshoot": {"inproc": max(w_in.values()) - limit,
                          "pool": (max(w_pool.values()) - limit) if w_pool else None,
                          "baseline": (max(w_base.values()) - limit) if w_base else None},
        "at_or_past_limit": {"inproc": sum(v >= limit for v in w_in.values()),
                             "pool": sum(v >= limit for v in w_pool.values())},
    }
    rows = []
    for k in all_k:
        e = entries[k]
        rows.append({"id": e.get("id"), "topic": e.get("topic"), "claim": f"{e['lhs']} {e['rel']} {e['rhs']}",
                     "assume": e.get("assume", {}), "truth": truth[k],
                     "status": st[k], **(verdict_info[k] or {}),
                     "inproc_min": min(inproc[r][k] for r in range(repeat)),
                     "inproc_median": statistics.median(inproc[r][k] for r in range(repeat)),
                     "inproc_cpu_median": statistics.median(inproc_cpu[r][k] for r in range(repeat)),
                     "pool_median": None if skip_pool else statistics.median(pooled[r][k] for r in range(repeat)),
                     "pool_inner_median": None if skip_pool else statistics.median(
                         pooled_inner[r][k] for r in range(repeat)),
                     "baseline": base_v[0].get(k),
                     "baseline_median": statistics.median(base[r][k] for r in range(repeat)) if k in base[0] else None})
    out["per_claim"] = rows
    wrong = [row for row in rows if (row["status"] == "proved" and not row["truth"])
             or (row["status"] == "refuted" and row["truth"])]
    out["wrong"] = wrong
    return out


# -- the table --------------------------------------------------------------------------------------
def ms(x):
    return "—" if x is None else f"{x * 1000:.0f} ms" if x < 1 else f"{x:.2f} s"


def sec(x):
    return "—" if x is None else f"{x:.3f} s"


def table(result):
    lines = []
    m = result["machine"]
    lines.append(f"machine: {m['nproc']} cores, {m['cpu']}, Python {m['python']}, SymPy {m['sympy']}, "
                 f"load average at start {m['loadavg_start']}, symloss {m['git']}")
    lines.append(f"repeats: {result['repeat']}; time limit per claim: {result['timeout']} s")
    targets = []
    p = result.get("processes")
    if p:
        def mm(name):
            s = p[name]["seconds"]
            return f"{sec(min(s))} / {sec(statistics.median(s))}"
        lines.append("")
        lines.append("| process (wall, cold)           | min / median          |")
        lines.append("|--------------------------------|-----------------------|")
        for name in ("python", "import sympy", "import symloss", "symloss --help", "symloss list", "symloss verify",
                     "symloss verify -j 2"):
            lines.append(f"| `{name}`{' ' * (29 - len(name))}| {mm(name):<21} |")
        rat = p["ratios"]
        rv = rat["verify / import sympy"]
        rv2 = rat["verify -j 2 / import sympy"]
        ri = rat["import symloss - import sympy"]
        rr = rat["import symloss / import sympy"]
        lines.append("| *ratios within one repeat*     | *min / median*        |")
        lines.append(f"| verify / import sympy          | {min(rv):.2f}× / {statistics.median(rv):.2f}×        |")
        lines.append(f"| verify -j 2 / import sympy     | {min(rv2):.2f}× / {statistics.median(rv2):.2f}×        |")
        lines.append(f"| import symloss / import sympy  | {min(rr):.2f}× / {statistics.median(rr):.2f}×        |")
        lines.append(f"| import symloss − import sympy  | {min(ri):+.3f} s / {statistics.median(ri):+.3f} s |")
        for extra in ("symloss --help - import sympy", "symloss list - import sympy"):
            d = rat[extra]
            lines.append(f"| {extra.replace(' - ', ' − '):<30} | {min(d):+.3f} s / {statistics.median(d):+.3f} s |")
        rss = p["symloss verify"]["maxrss_kib"]
        lines.append(f"| peak RSS, symloss verify       | {max(rss) / 1024:.0f} MiB (max) / {statistics.median(rss) / 1024:.0f} MiB |")
        lines.append(f"| peak RSS, import sympy         | {statistics.median(p['import sympy']['maxrss_kib']) / 1024:.0f} MiB |")
        lines.append(f"verify exit status: {p['symloss verify']['exit']}; last line: "
                     f"{p['symloss verify']['summary_line']}")
        targets.append(("verify cold ≤ 3× import sympy", statistics.median(rv) <= 3,
                        f"median ratio {statistics.median(rv):.2f}×, min {min(rv):.2f}×"))
        targets.append(("import symloss ≤ import sympy + 0.15 s", statistics.median(ri) <= 0.15,
                        f"median difference {statistics.median(ri):+.3f} s, min {min(ri):+.3f} s"))
    c = result.get("corpus")
    if c:
        lines.append("")
        lines.append(f"corpus: {c['claims']} claims ({c['equalities']} equalities); parsing all: "
                     f"{c['parse_seconds']:.2f} s. Per-claim time: min over repeats (median over repeats).")
        lines.append("")
        lines.append("| per claim                           | median          | p90             | max             |")
        lines.append("|-------------------------------------|-----------------|-----------------|-----------------|")

        def row(label, block):
            a, b = block["per_claim_min"], block["per_claim_median"]
            cells = [f"{ms(a[q])} ({ms(b[q])})" for q in ("median", "p90", "max")]
            lines.append(f"| {label:<35} | {cells[0]:<15} | {cells[1]:<15} | {cells[2]:<15} |")
        row("checker, in process, all claims", c["checker_inproc"]["all"])
        row("checker, in process, equalities", c["checker_inproc"]["equalities"])
        if "checker_pool" in c:
            row("checker, worker pool, all claims", c["checker_pool"]["all"])
            row("checker, worker pool, equalities", c["checker_pool"]["equalities"])
        row("baseline simplify, equalities", c["baseline"]["equalities"])
        row("CPU: checker in process, all", c["cpu"]["checker_inproc_all"])
        row("CPU: checker in process, equalities", c["cpu"]["checker_inproc_equalities"])
        row("CPU: baseline, equalities", c["cpu"]["baseline_equalities"])
        if "check_claims_wall" in c:
            w = c["check_claims_wall"]
            lines.append("")
            lines.append(f"check_claims, whole corpus, wall: jobs=1 {min(w['jobs=1']):.1f} s "
                         f"(median {statistics.median(w['jobs=1']):.1f} s), jobs=2 {min(w['jobs=2']):.1f} s "
                         f"(median {statistics.median(w['jobs=2']):.1f} s)")
        o, bo = c["checker_outcome"], c["baseline_outcome"]
        lines.append("")
        lines.append(f"decided correctly: checker {o['decided_correctly']} / {c['claims']} "
                     f"({o['proved_true']} true proved, {o['refuted_false']} false refuted; "
                     f"unproved: {o['unproved_true']} true, {o['unproved_false']} false; errors {o['error']}); "
                     f"baseline {bo['decided_correctly']} / {c['claims']} "
                     f"({bo['timeout']} timeouts, {bo['crash']} crashes)")
        lines.append(f"checker SOUNDNESS failures (false claim proved): {o['SOUNDNESS_false_proved']}; "
                     f"true claims refuted: {o['WRONG_true_refuted']}; baseline false equality shown zero: "
                     f"{bo['UNSOUND_false_proved']}")
        for w in c["wrong"]:
            lines.append(f"  !!! #{w['id']} [{w['topic']}] {w['claim']} {w['assume']} truth={w['truth']} "
                         f"-> {w['status']} ({w.get('method') or ''} {w.get('counterexample') or ''})")
        pl = c["past_limit"]
        mo = pl["max_overshoot"]
        lines.append(f"claims past the limit (+{pl['tolerance']:.2f} s tolerance): in process {pl['inproc']}, "
                     f"pool {pl['pool']}, baseline {pl['baseline']}; claims that used the whole limit: "
                     f"{pl['at_or_past_limit']}; slowest claim minus the limit: in process {mo['inproc']:+.3f} s, "
                     f"pool {mo['pool'] if mo['pool'] is None else format(mo['pool'], '+.3f')} s, "
                     f"baseline {mo['baseline'] if mo['baseline'] is None else format(mo['baseline'], '+.3f')} s")
        if c["flaky"]:
            lines.append(f"verdicts that changed between repeats: {c['flaky']}")
        ce = c["checker_inproc"]["equalities"]["per_claim_min"]["median"]
        be = c["baseline"]["equalities"]["per_claim_min"]["median"]
        ratio = ce / be if be else float("inf")
        targets.append(("checker median ≤ 1/5 baseline median (equalities)", ratio <= 0.2,
                        f"{ms(ce)} vs {ms(be)} = {ratio:.2f}"))
        cc = c["cpu"]["checker_inproc_equalities"]["per_claim_min"]["median"]
        bc = c["cpu"]["baseline_equalities"]["per_claim_min"]["median"]
        targets.append(("  … same, CPU time", cc / bc <= 0.2 if bc else False,
                        f"{ms(cc)} vs {ms(bc)} = {cc / bc if bc else float('inf'):.2f}"))
        if "checker_pool" in c:
            cp = c["checker_pool"]["equalities"]["per_claim_min"]["median"]
            targets.append(("  … same, through the worker pool", cp / be <= 0.2 if be else False,
                            f"{ms(cp)} vs {ms(be)} = {cp / be if be else float('inf'):.2f}"))
        targets.append((f"no claim past its limit (+{pl['tolerance']:.2f} s)", not (pl["inproc"] or pl["pool"]),
                        f"in process {len(pl['inproc'])}, pool {len(pl['pool'])}; slowest claim − limit "
                        f"{max(v for v in (mo['inproc'], mo['pool']) if v is not None):+.3f} s"))
        targets.append(("more decided correctly than the baseline",
                        o["decided_correctly"] > bo["decided_correctly"],
                        f"{o['decided_correctly']} vs {bo['decided_correctly']}"))
        targets.append(("no false claim proved", o["SOUNDNESS_false_proved"] == 0,
                        f"{o['SOUNDNESS_false_proved']} soundness failures"))
    if targets:
        lines.append("")
        lines.append("| target | met | measured |")
        lines.append("|---|---|---|")
        for name, ok, how in targets:
            lines.append(f"| {name} | {'yes' if ok else '**NO**'} | {how} |")
    result["targets"] = [{"target": n, "met": ok, "measured": how} for n, ok, how in targets]
    return "\n".join(lines)


def main(argv=None):
    ap = argparse.ArgumentParser(description="symloss benchmark (see docs/benchmarks.md)")
    ap.add_argument("--quick", action="store_true", help="1 repeat, every third claim")
    ap.add_argument("--repeat", type=int, default=None, help="repeats of every timing (default 5; 1 with --quick)")
    ap.add_argument("--timeout", type=float, default=10.0,
                    help="time limit per claim, checker and baseline (default 10 s, as symloss)")
    ap.add_argument("--json", metavar="FILE", default=str(HERE / "results.json"),
                    help="write the results here (default benchmarks/results.json)")
    ap.add_argument("--corpus", metavar="FILE", default=str(CORPUS))
    ap.add_argument("--only", choices=("processes", "corpus"), help="run one part only")
    ap.add_argument("--no-pool", action="store_true", help="skip the worker-pool passes over the corpus")
    args = ap.parse_args(argv)
    repeat = args.repeat or (1 if args.quick else 5)
    result = {"machine": machine(), "repeat": repeat, "timeout": args.timeout, "argv": sys.argv[1:]}
    started = time.perf_counter()
    if args.only in (None, "processes"):
        log("processes (cold subprocesses, interleaved) ...")
        result["processes"] = bench_processes(repeat, args.timeout)
    if args.only in (None, "corpus"):
        log("corpus ...")
        entries = load_corpus(Path(args.corpus), args.quick)
        result["corpus"] = bench_corpus(entries, repeat, args.timeout, skip_pool=args.no_pool)
    result["machine"]["loadavg_end"] = os.getloadavg()
    result["wall_seconds"] = time.perf_counter() - started
    text = table(result)
    print(text)
    result["table"] = text
    Path(args.json).write_text(json.dumps(result, indent=1, default=str))
    log(f"wrote {args.json}")
    c = result.get("corpus")
    return 1 if c and c["checker_outcome"]["SOUNDNESS_false_proved"] else 0


if __name__ == "__main__":
    sys.exit(main())
