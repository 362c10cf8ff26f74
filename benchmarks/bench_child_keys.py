"""What the child tables' primary keys cost a PostgreSQL first load: COPY with them, without, and the build after.

    .venv/bin/python benchmarks/bench_child_keys.py [--count 20000] [--repeat 2]

Records of the default profile are generated once and written as one CSV per table with the
importer's encoding (benchmarks/bench_import.py). Into a fresh ``db init`` database each time,
alternating, plain psycopg COPY of the CSVs in one transaction:

- ``keys``: the secondary indexes dropped, the child keys kept (what a first load did
  before the keys were deferred), then the secondary indexes built and ANALYZE;
- ``no keys``: the secondary indexes and the child keys dropped (what a first load does
  now), then the keys added and the rest built as the importer does
  (``anp_synth.db.indexes.pg_build_missing``).

Reported: wall clock and the server backend's CPU seconds (``/proc/<pid>/stat`` of the
session's backend, read before it closes: steady whatever else runs, unlike wall clock),
for the COPY and for the build (the build's parallel workers are not in that figure; they
work on the secondary index, which both variants build alike).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "tests"))

import psycopg  # noqa: E402
from bench_import import DATA_TABLES, fresh_schema, write_csvs  # noqa: E402
from bench_toast import cpu_s  # noqa: E402
from pg_cluster import PgCluster, find_bin_dir  # noqa: E402

from anp_synth.db import indexes  # noqa: E402
from anp_synth.db.migrations import HEAD  # noqa: E402
from anp_synth.parallel import write_dataset  # noqa: E402


def one(cluster: PgCluster, csv_dir: Path, variant: str, n: int) -> dict[str, float]:
    db = f"keys{n}"
    cluster.create_database(db)
    fresh_schema(cluster.url(db))
    with psycopg.connect(cluster.dsn(db)) as conn, conn.cursor() as cur:
        pid = conn.info.backend_pid
        for index in indexes.SECONDARY_INDEXES:
            cur.execute(f"DROP INDEX {index.name}")
        if variant == "no keys":
            for table, key, _ in indexes.CHILD_KEYS:
                cur.execute(f"ALTER TABLE {table} DROP CONSTRAINT {key}")
        conn.commit()
        cpu0, t0 = cpu_s(pid), time.perf_counter()
        for table in DATA_TABLES:
            with cur.copy(f"COPY {table} FROM STDIN (FORMAT csv)") as copy, open(csv_dir / f"{table}.csv", "rb") as f:
                while chunk := f.read(1 << 20):
                    copy.write(chunk)
        conn.commit()
        cpu1, t1 = cpu_s(pid), time.perf_counter()
        indexes.pg_build_missing(cur, HEAD)
        conn.commit()
        cpu2, t2 = cpu_s(pid), time.perf_counter()
    return {"copy_s": t1 - t0, "copy_cpu": cpu1 - cpu0, "build_s": t2 - t1, "build_cpu": cpu2 - cpu1}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    bin_dir = find_bin_dir()
    if bin_dir is None:
        raise SystemExit("PostgreSQL server binaries not found")
    work = Path(tempfile.mkdtemp(prefix="anp-bench-keys-"))
    cluster = PgCluster(bin_dir)
    try:
        jsonl = work / "records.jsonl"
        write_dataset(str(jsonl), seed=0, count=args.count, workers=2)
        print(write_csvs(jsonl, work))
        cluster.start()
        print(f"{args.count} articles, load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
        print(f"{'variant':8} {'COPY wall':>9} {'COPY cpu':>9} {'build wall':>10} {'build cpu':>9} {'total cpu':>9}")
        n = 0
        for _ in range(args.repeat):
            for variant in ("keys", "no keys"):
                n += 1
                r = one(cluster, work, variant, n)
                total = r["copy_cpu"] + r["build_cpu"]
                print(f"{variant:8} {r['copy_s']:9.2f} {r['copy_cpu']:9.2f} {r['build_s']:10.2f} "
                      f"{r['build_cpu']:9.2f} {total:9.2f}", flush=True)  # fmt: skip
    finally:
        cluster.stop()


if __name__ == "__main__":
    main()
