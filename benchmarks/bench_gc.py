"""What the garbage collector's thresholds cost preparing and generating records (anp_synth.gcpolicy).

    .venv/bin/python benchmarks/bench_gc.py [--count 5000] [--rounds 4]

In one process, alternating each round: Python's default collector (thresholds 700, 10,
10, nothing frozen) and the one anp-synth's worker processes run with
(:func:`anp_synth.gcpolicy.tune_for_batch_work`). Measured: process CPU per article of
``prepare()`` on batches of 1,000 generated jsonl lines (what an import's worker does) and
of ``generate_lines`` (what ``generate`` does). A first, unmeasured pass warms the
generator's tables.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from anp_synth.db import jobs
from anp_synth.gcpolicy import tune_for_batch_work
from anp_synth.generator import generate_lines


def measure(batches: list[jobs.Job], count: int) -> tuple[float, float]:
    t = time.process_time()
    for job in batches:
        jobs.prepare(job)
    prepare_ms = (time.process_time() - t) / count * 1000
    t = time.process_time()
    for _ in generate_lines(seed=count, count=count):
        pass
    return prepare_ms, (time.process_time() - t) / count * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=5000)
    parser.add_argument("--rounds", type=int, default=4)
    args = parser.parse_args()
    lines = enumerate(generate_lines(seed=0, count=args.count), start=1)
    batches: list[jobs.Job] = list(jobs.line_jobs(lines, "bench", 1000))
    measure(batches, args.count)  # warm-up
    ratios: dict[str, list[float]] = {"prepare": [], "generate": []}
    for r in range(args.rounds):
        gc.unfreeze()
        gc.set_threshold(700, 10, 10)
        default = measure(batches, args.count)
        tune_for_batch_work()
        tuned = measure(batches, args.count)
        ratios["prepare"].append(default[0] / tuned[0])
        ratios["generate"].append(default[1] / tuned[1])
        print(f"round {r + 1}: prepare {default[0]:.3f} -> {tuned[0]:.3f} ms/article, "
              f"generate {default[1]:.3f} -> {tuned[1]:.3f} ms/article", flush=True)  # fmt: skip
    for what, values in ratios.items():
        print(f"{what}: default / tuned, median of {args.rounds} rounds {statistics.median(values):.3f}")


if __name__ == "__main__":
    main()
