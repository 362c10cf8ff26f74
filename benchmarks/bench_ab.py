"""This checkout against another commit's, side by side: the generator and the importer.

    git worktree add /tmp/base <commit>
    .venv/bin/python benchmarks/bench_ab.py --base /tmp/base [--rounds 5] [--count 20000]

Why: a restructuring (issue 15) must not cost speed, and only a comparison run in the same
minutes on the same machine can say so (the machine is shared and noisy). Each round runs,
in fresh processes alternating which tree goes first, with PYTHONPATH pointing at each tree:

- generator: the CPU seconds of ``generate_lines`` over ``--count`` realistic records;
- importer: the wall seconds of ``import_generated`` of ``--count`` records into a fresh
  SQLite file with the defaults (what ``anp-synth import --seed 0 --count N`` runs).

Printed per round and as medians, with each ratio base/this (above 1: this checkout is faster).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent

GENERATE = """
import sys, time
from anp_synth.generator import generate_lines
count = int(sys.argv[1])
start = time.process_time()
size = sum(len(line) for line in generate_lines(seed=0, count=count))
print(time.process_time() - start)
"""

IMPORT = """
import sys, time
from anp_synth.db import import_generated
count, path = int(sys.argv[1]), sys.argv[2]
start = time.perf_counter()
import_generated("sqlite:///" + path, seed=0, count=count)
print(time.perf_counter() - start)
"""


def run(tree: Path, code: str, *args: str) -> float:
    env = {**os.environ, "PYTHONPATH": str(tree)}
    out = subprocess.run(
        [sys.executable, "-c", code, *args], env=env, check=True, capture_output=True, text=True, cwd=tree
    )
    return float(out.stdout.strip().splitlines()[-1])


def one(tree: Path, kind: str, count: int, work: Path) -> float:
    if kind == "generate":
        return run(tree, GENERATE, str(count))
    path = work / f"{tree.name}-{os.getpid()}.db"
    try:
        return run(tree, IMPORT, str(count), str(path))
    finally:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", required=True, help="A worktree of the commit to compare with.")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--count", type=int, default=20_000)
    parser.add_argument("--json", help="Also write the figures here.")
    args = parser.parse_args()
    base, this = Path(args.base).resolve(), HERE
    results: dict[str, dict[str, list[float]]] = {k: {"base": [], "this": []} for k in ("generate", "import")}
    with tempfile.TemporaryDirectory(prefix="anp-bench-ab-") as tmp:
        work = Path(tmp)
        for r in range(args.rounds):
            order = [("base", base), ("this", this)] if r % 2 == 0 else [("this", this), ("base", base)]
            for kind in results:
                for name, tree in order:
                    results[kind][name].append(one(tree, kind, args.count, work))
            print(
                f"round {r + 1}: "
                + ", ".join(
                    f"{kind} base {v['base'][-1]:.2f} s this {v['this'][-1]:.2f} s "
                    f"({v['base'][-1] / v['this'][-1]:.2f}x)"
                    for kind, v in results.items()
                ),
                flush=True,
            )
    summary = {
        kind: {
            "base_median_s": statistics.median(v["base"]),
            "this_median_s": statistics.median(v["this"]),
            "ratio_median": statistics.median(b / t for b, t in zip(v["base"], v["this"], strict=True)),
            "rounds": v,
        }
        for kind, v in results.items()
    }
    load = os.getloadavg()
    print(f"count {args.count}, {args.rounds} rounds, load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
    for kind, s in summary.items():
        print(
            f"{kind}: base {s['base_median_s']:.2f} s, this {s['this_median_s']:.2f} s, "
            f"median ratio base/this {s['ratio_median']:.2f}x"
        )
    if args.json:
        Path(args.json).write_text(json.dumps({"base": str(base), "count": args.count, **summary}, indent=2))


if __name__ == "__main__":
    main()
