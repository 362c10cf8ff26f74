"""Run every benchmark of benchmarks/ in turn (``make bench``); each prints and saves its own figures.

    .venv/bin/python benchmarks/run_all.py [--quick]

``--quick`` is passed to the scripts that have it, for a smoke run; the figures recorded
in benchmarks/README.md come from full runs of each script, with the commands given there.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SCRIPTS = (
    "bench_generate.py",
    "validate_speed.py",
    "bench_import.py",
    "bench_import_memory.py",
    "bench_latency_overhead.py",
    "bench_latency_pg.py",
)


def main() -> int:
    quick = "--quick" in sys.argv[1:]
    failed = []
    for name in SCRIPTS:
        script = HERE / name
        args = [sys.executable, str(script)]
        if quick and "--quick" in script.read_text():
            args.append("--quick")
        print(f"== {name}", flush=True)
        if subprocess.run(args).returncode != 0:
            failed.append(name)
    if failed:
        print("failed: " + ", ".join(failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
