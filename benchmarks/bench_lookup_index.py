"""The meta lookup index's build, key first (schema versions 2-4) against value first (version 5).

    .venv/bin/python benchmarks/bench_lookup_index.py [--count 100000] [--repeat 2]

Loads ``--count`` generated articles of the default profile into a throwaway PostgreSQL
cluster once, then builds ``ix_anp_post_meta_lookup`` both ways, alternating, each time
after dropping it: with the import's build settings (``maintenance_work_mem`` 256MB, 2
parallel workers), and once each with no parallel worker, where the session's backend CPU
(``/proc/<pid>/stat``, read before the session closes) is the whole sort's CPU.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "tests"))

import psycopg  # noqa: E402
from bench_toast import cpu_s  # noqa: E402
from pg_cluster import PgCluster, find_bin_dir  # noqa: E402

from anp_synth.db import import_generated  # noqa: E402
from anp_synth.db.migrations import v0002_meta_lookup, v0005_lookup_value_first  # noqa: E402

VARIANTS = {"key first (v2)": v0002_meta_lookup.INDEX, "value first (v5)": v0005_lookup_value_first.INDEX}


def build(dsn: str, ddl: str, workers: int) -> tuple[float, float]:
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute("DROP INDEX IF EXISTS ix_anp_post_meta_lookup")
        conn.execute("SET maintenance_work_mem = '256MB'")
        conn.execute(f"SET max_parallel_maintenance_workers = {workers}")
        pid = conn.info.backend_pid
        cpu0, t0 = cpu_s(pid), time.perf_counter()
        conn.execute(ddl)
        return time.perf_counter() - t0, cpu_s(pid) - cpu0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    bin_dir = find_bin_dir()
    if bin_dir is None:
        raise SystemExit("PostgreSQL server binaries not found")
    cluster = PgCluster(bin_dir)
    try:
        cluster.start()
        cluster.create_database("lookup")
        import_generated(cluster.url("lookup"), seed=0, count=args.count, jobs=None)
        dsn = cluster.dsn("lookup")
        print(f"{args.count} articles loaded; load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
        for name, ddl in VARIANTS.items():
            wall, cpu = build(dsn, ddl, 0)
            print(f"{name:17} no parallel worker: wall {wall:6.2f} s  sort CPU {cpu:6.2f} s", flush=True)
        for _ in range(args.repeat):
            for name, ddl in VARIANTS.items():
                wall, _ = build(dsn, ddl, 2)
                print(f"{name:17} 2 parallel workers: wall {wall:6.2f} s", flush=True)
    finally:
        cluster.stop()


if __name__ == "__main__":
    main()
