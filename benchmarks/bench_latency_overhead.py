"""The latency recorder's own cost per query, as a share of the fastest query's median.

Side by side in one run: (1) the bench itself, closed loop with one client (queries back to
back, caches hot: the smallest medians the bench can measure), read-only against a SQLite
file (the fastest database it supports, so the strictest ratio); (2) the recorder's hot path
(``Recorder.record`` per query, plus the per-second fold into histograms, amortised) on the
same machine, timed over many calls with the two clock reads a query needs subtracted (best
of seven per round). The two alternate for several rounds; the ratio uses the median of each.

    .venv/bin/python benchmarks/bench_latency_overhead.py [--articles 20000] [--rounds 5]
        [--db postgresql://...]   # optional: also against this database (read-only)
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from pathlib import Path

from anp_synth.bench import BenchOptions, run_bench
from anp_synth.bench.recorder import Recorder
from anp_synth.bench.report import build_report
from anp_synth.db import import_generated


def _loops(n: int, queries: int) -> tuple[int, int, int]:
    clock = time.monotonic_ns
    rec = Recorder(clock())
    start = time.perf_counter_ns()
    for i in range(n):
        a = clock()
        b = clock()
        rec.record(0, i % queries, a, b)
    with_rec = time.perf_counter_ns() - start
    start = time.perf_counter_ns()
    rec.flush()
    fold = time.perf_counter_ns() - start
    start = time.perf_counter_ns()
    for i in range(n):
        a = clock()
        b = clock()
        _ = i % queries
    bare = time.perf_counter_ns() - start
    return with_rec, fold, bare


def recorder_cost_ns(n: int = 100_000, queries: int = 9, repeat: int = 7) -> tuple[float, float]:
    """Nanoseconds per query the recorder costs: (in the query loop, folding afterwards).

    The loop's own cost and the two clock reads every measurement needs are subtracted; each
    figure is the best of ``repeat`` (the machine is shared: the minimum is the recorder's
    own cost, the rest is other processes).
    """
    runs = [_loops(n, queries) for _ in range(repeat)]
    with_rec = min(r[0] for r in runs)
    fold = min(r[1] for r in runs)
    bare = min(r[2] for r in runs)
    return (with_rec - bare) / n, fold / n


def fastest_median_ms(db_url: str, duration: float) -> tuple[str, float]:
    opts = BenchOptions(
        db_url=db_url, read_only=True, explain=False, clients=1, readers=1, duration=duration, warmup=0.5
    )
    report = build_report(run_bench(opts))
    idle = report["phases"][0]["queries"]
    qid = min(idle, key=lambda q: idle[q]["latency_ms"]["p50"])
    return qid, float(idle[qid]["latency_ms"]["p50"])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=20_000)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--duration", type=float, default=3.0)
    ap.add_argument("--db", default=None, help="also measure against this (loaded) database, read-only")
    ap.add_argument("--out", type=Path, default=Path("benchmarks/out/latency_overhead.json"))
    args = ap.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        sqlite_url = f"sqlite:///{Path(tmp) / 'overhead.db'}"
        import_generated(sqlite_url, seed=1, count=args.articles, batch_size=2000)
        targets = {"sqlite": sqlite_url}
        if args.db:
            targets["given"] = args.db
        hot: list[float] = []
        folds: list[float] = []
        medians: dict[str, list[tuple[str, float]]] = {k: [] for k in targets}
        for r in range(args.rounds):
            for name, url in targets.items():
                medians[name].append(fastest_median_ms(url, args.duration))
            h, f = recorder_cost_ns()
            hot.append(h)
            folds.append(f)
            print(f"round {r + 1}: recorder {h:.0f} ns/query in the loop + {f:.0f} ns/query folding after; " + ", ".join(
                f"{n}: fastest {m[-1][0]} p50 {m[-1][1] * 1000:.1f} us" for n, m in medians.items()
            ))  # fmt: skip
    cost, fold = statistics.median(hot), statistics.median(folds)
    result: dict[str, object] = {
        "recorder_ns_per_query_in_loop": round(cost, 1),
        "fold_ns_per_query_after_run": round(fold, 1),
        "rounds": args.rounds,
        "articles": args.articles,
        "targets": {},
    }
    for name, ms in medians.items():
        fastest = statistics.median(m for _, m in ms) * 1e6  # ns
        share, total = 100.0 * cost / fastest, 100.0 * (cost + fold) / fastest
        result["targets"][name] = {  # type: ignore[index]
            "fastest_query": sorted({q for q, _ in ms}),
            "fastest_median_us": round(fastest / 1000, 2),
            "recorder_share_pct": round(share, 2),
            "recorder_and_fold_share_pct": round(total, 2),
        }
        print(
            f"{name}: recorder {cost:.0f} ns per query = {share:.2f}% of the fastest median ({fastest / 1000:.1f} us); "
            f"with the fold after the run {total:.2f}%"
        )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=1) + "\n")


if __name__ == "__main__":
    main()
