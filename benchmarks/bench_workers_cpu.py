"""Where an import's CPU goes with and without worker processes: the writing process and its workers.

    .venv/bin/python benchmarks/bench_workers_cpu.py FILE.jsonl [--workers 1,0] [--repeat 2]

Runs ``import_file(FILE, fresh SQLite, workers=W)`` in this process for each W in turn,
``--repeat`` times, and prints the wall clock, this process's CPU seconds (the writer:
reading, keying, writing) and its children's (the worker processes: parsing, validating,
encoding), from ``getrusage``. On a shared machine the CPU split says what two idle cores
would do better than the wall clock does.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from anp_synth.db import import_file  # noqa: E402


def cpu(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("file")
    parser.add_argument("--workers", default="1,0")
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="anp-bench-workers-"))
    for n in range(args.repeat):
        for workers in (int(w) for w in args.workers.split(",")):
            url = f"sqlite:///{work / f'w{workers}-{n}.db'}"
            me, children, t = cpu(resource.RUSAGE_SELF), cpu(resource.RUSAGE_CHILDREN), time.perf_counter()
            report = import_file(args.file, url, workers=workers)
            wall = time.perf_counter() - t
            print(f"workers {workers}: wall {wall:.1f} s, this process CPU {cpu(resource.RUSAGE_SELF) - me:.2f} s, "
                  f"workers CPU {cpu(resource.RUSAGE_CHILDREN) - children:.2f} s, load {os.getloadavg()[0]:.1f}, "
                  f"inserted {report.inserted}", flush=True)  # fmt: skip


if __name__ == "__main__":
    main()
