"""Keying a file's batches, in-process: what an unchanged re-run pays per byte of its input.

    .venv/bin/python benchmarks/bench_rerun_keys.py FILE [--base DIR] [--repeat 3] [--batch-size 1000]

Reads FILE and computes every batch's ledger key exactly as ``import_file`` does (reader,
then ``line_jobs``), and nothing else: no database, no Python start-up. With ``--base``
(a checkout of an older commit, e.g. ``git worktree add /tmp/base 347aa43``), the same is
timed for that code in a fresh process each time, alternating with this checkout's, so
both see the same machine; each side's fastest run is kept. Wall clock and the process's
CPU seconds are both printed: the machine is shared.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent

MEASURE = r"""
import json, sys, time
from anp_synth.db.jobs import line_jobs
from anp_synth.formats import readers

path, batch_size = sys.argv[1], int(sys.argv[2])
wall, cpu = time.perf_counter(), time.process_time()
if hasattr(readers, "record_lines"):
    texts = readers.record_lines(path)
else:  # the importer before batches were keyed by their bytes
    texts = readers.record_texts(path, keep_undecodable=True)
with texts:
    batches = sum(1 for job in line_jobs(texts, path, batch_size) if job.key("skip"))
print(json.dumps({"code": readers.__file__, "wall_s": time.perf_counter() - wall, "cpu_s": time.process_time() - cpu, "batches": batches}))
"""


def measure(code_root: Path, path: str, batch_size: int) -> dict[str, Any]:
    env = dict(os.environ, PYTHONPATH=str(code_root))
    # -P: not the current directory first on the path, which would import this checkout for both sides
    out = subprocess.run([sys.executable, "-P", "-c", MEASURE, path, str(batch_size)], env=env, check=True,
                         capture_output=True, text=True).stdout  # fmt: skip
    result: dict[str, Any] = json.loads(out)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("file")
    parser.add_argument("--base", type=Path, help="a checkout of an older commit to time alongside")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--batch-size", type=int, default=1000)
    args = parser.parse_args()
    sides = {"this checkout": ROOT, **({"base": args.base} if args.base else {})}
    runs: dict[str, list[dict[str, Any]]] = {name: [] for name in sides}
    for _ in range(args.repeat):
        for name, root in sides.items():
            runs[name].append(measure(root, args.file, args.batch_size))
    size = os.path.getsize(args.file)
    print(f"{args.file}: {size / 1e6:.0f} MB, batches of {args.batch_size}, load {os.getloadavg()[0]:.2f}")
    for name, results in runs.items():
        best = min(results, key=lambda r: r["wall_s"])
        assert str(best["code"]).startswith(str(sides[name])), best["code"]
        print(f"  {name:14} {best['wall_s']:.3f} s wall  {best['cpu_s']:.3f} s CPU  "
              f"{size / best['wall_s'] / 1e6:.0f} MB/s  ({int(best['batches'])} batches)")  # fmt: skip


if __name__ == "__main__":
    main()
