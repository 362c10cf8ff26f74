"""Peak memory of `anp-synth import` is flat in the number of records.

    .venv/bin/python benchmarks/bench_import_memory.py [--counts 10000,1000000] [--db sqlite|postgresql]

Runs `anp-synth import --seed 0 --count N` (generated and streamed, default profile, no
file; batch size and workers the importer's own choice unless ``--batch-size`` is given) in
a fresh subprocess per count, into a fresh database, and reads that subprocess's
peak resident set size from ``os.wait4`` (``ru_maxrss``, the same figure ``getrusage
(RUSAGE_CHILDREN)`` gives). Wanted: peak(largest) <= 1.2 x peak(smallest).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def run(count: int, db_url: str, batch_size: int | None, out_dir: Path) -> dict[str, Any]:
    """One import in a fresh process; its own peak RSS comes back from wait4 with its exit status."""
    code = "import sys; from anp_synth.cli import main; sys.argv[0] = 'anp-synth'; main()"
    args = [sys.executable, "-c", code, "import", "--seed", "0", "--count", str(count), "--db", db_url,
            *(["--batch-size", str(batch_size)] if batch_size else []), "--no-progress"]  # fmt: skip
    t = time.perf_counter()
    with open(out_dir / "stdout", "w+b") as out, open(out_dir / "stderr", "w+b") as err:
        proc = subprocess.Popen(args, stdout=out, stderr=err, cwd=ROOT)
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        wall = time.perf_counter() - t
        out.seek(0)
        err.seek(0)
        if proc.returncode != 0:
            raise SystemExit(f"import of {count} failed: {err.read().decode()}")
        # ru_maxrss is in KiB on Linux
        return {"count": count, "wall_s": round(wall, 1), "peak_rss_mb": round(usage.ru_maxrss / 1024, 1),
                "report": out.read().decode()}  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--counts", default="10000,1000000")
    parser.add_argument("--db", choices=["sqlite", "postgresql"], default="sqlite")
    parser.add_argument("--batch-size", type=int, default=None, help="default: the importer's own choice")
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args()
    counts = [int(c) for c in args.counts.split(",")]

    work = Path(tempfile.mkdtemp(prefix="anp-bench-memory-"))
    cluster = None
    results: list[dict[str, Any]] = []
    try:
        if args.db == "postgresql":
            sys.path.insert(0, str(ROOT / "tests"))
            from pg_cluster import PgCluster, find_bin_dir

            bin_dir = find_bin_dir()
            if bin_dir is None:
                raise SystemExit("PostgreSQL server binaries not found")
            cluster = PgCluster(bin_dir)
            cluster.start()
        for i, count in enumerate(counts):
            db_url = cluster.create_database(f"mem{i}") if cluster else f"sqlite:///{work / f'mem{i}.db'}"
            entry = run(count, db_url, args.batch_size, work)
            results.append(entry)
            settings = next((ln.strip() for ln in entry["report"].splitlines() if "batch size" in ln), "")
            print(
                f"count {count:>9}  peak RSS {entry['peak_rss_mb']:7.1f} MB  wall {entry['wall_s']:7.1f} s  {settings}",
                flush=True,
            )
            for p in work.glob(f"mem{i}.db*"):
                p.unlink()
            if cluster:
                cluster.psql("postgres", f"drop database mem{i}")
    finally:
        if cluster:
            cluster.stop()
        shutil.rmtree(work, ignore_errors=True)
    ratio = results[-1]["peak_rss_mb"] / results[0]["peak_rss_mb"]
    print(f"peak({counts[-1]}) / peak({counts[0]}) = {ratio:.3f} (<= 1.2 wanted)")
    if args.json:
        args.json.write_text(json.dumps({"format_version": 1, "benchmark": "import-memory", "db": args.db,
                                         "command": " ".join(sys.argv), "results": results,
                                         "ratio": round(ratio, 3)}, indent=2) + "\n")  # fmt: skip


if __name__ == "__main__":
    main()
