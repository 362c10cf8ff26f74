"""TOAST compression of the long text columns: lz4 (schema version 4) against pglz, on PostgreSQL.

    .venv/bin/python benchmarks/bench_toast.py [--count 20000] [--repeat 2] [--json FILE]

Records of the default profile are generated once, and one CSV per table written with the
importer's encoding (benchmarks/bench_import.py). Two databases are made with ``db init``;
in one, the version-4 columns are set back to ``COMPRESSION pglz`` (PostgreSQL's default).
Into each, alternately: plain psycopg COPY of the CSVs in one transaction (the server's
work alone), then, into fresh databases again, ``anp-synth import FILE`` with its defaults.
Reported: each load's wall clock, the server process's CPU seconds for the COPY (from
``/proc``: what compression costs the server, much steadier than wall clock on a busy
machine), and the size of ``anp_articles`` and ``anp_post_meta``
with their TOAST tables (``pg_total_relation_size`` minus indexes) after the COPY.
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "tests"))

from bench_first_load import run_import  # noqa: E402
from bench_import import DATA_TABLES, fresh_schema, write_csvs  # noqa: E402
from pg_cluster import PgCluster, find_bin_dir  # noqa: E402

from anp_synth.db.migrations import v0004_lz4_compression  # noqa: E402
from anp_synth.parallel import write_dataset  # noqa: E402


def to_pglz(cluster: PgCluster, db: str) -> None:
    for table, columns in v0004_lz4_compression.COLUMNS.items():
        changes = ", ".join(f"ALTER COLUMN {c} SET COMPRESSION pglz" for c in columns)
        cluster.psql(db, f"ALTER TABLE {table} {changes}")


def sizes(cluster: PgCluster, db: str) -> dict[str, int]:
    out = {}
    for table in ("anp_articles", "anp_post_meta"):
        sql = f"select pg_table_size('{table}'), (select pg_relation_size(reltoastrelid) from pg_class where relname = '{table}')"
        table_size, toast = ast.literal_eval(cluster.psql(db, sql))[0]
        out[f"{table}_bytes"] = int(table_size)
        out[f"{table}_toast_bytes"] = int(toast)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args()
    bin_dir = find_bin_dir()
    if bin_dir is None:
        raise SystemExit("PostgreSQL server binaries not found")
    work = Path(tempfile.mkdtemp(prefix="anp-bench-toast-"))
    os.chmod(work, 0o755)
    cluster = PgCluster(bin_dir)
    results: dict[str, Any] = {"benchmark": "toast-compression", "count": args.count, "command": " ".join(sys.argv),
                               "load_before": " ".join(f"{x:.2f}" for x in os.getloadavg())}  # fmt: skip
    runs: dict[str, list[dict[str, Any]]] = {"lz4": [], "pglz": []}
    try:
        jsonl = work / "records.jsonl"
        write_dataset(str(jsonl), seed=0, count=args.count, workers=2)
        write_csvs(jsonl, work)
        cluster.start()
        results["server_version"] = ast.literal_eval(cluster.psql("postgres", "show server_version"))[0][0]
        n = 0
        for _ in range(args.repeat):
            for method in ("lz4", "pglz"):
                n += 1
                copy_db, imp_db = f"copy{n}", f"imp{n}"
                url = cluster.create_database(copy_db)
                fresh_schema(url)
                if method == "pglz":
                    to_pglz(cluster, copy_db)
                t = time.perf_counter()
                server_cpu = pg_baseline_no_init(cluster.dsn(copy_db), work)
                entry: dict[str, Any] = {"copy_s": round(time.perf_counter() - t, 3),
                                         "copy_server_cpu_s": round(server_cpu, 2), **sizes(cluster, copy_db)}  # fmt: skip
                url = cluster.create_database(imp_db)
                fresh_schema(url)
                if method == "pglz":
                    to_pglz(cluster, imp_db)
                entry["import_s"] = run_import(ROOT, jsonl, url, work)["wall_s"]
                runs[method].append(entry)
                print(f"{method:<5} COPY {entry['copy_s']:7.2f} s (server CPU {server_cpu:6.2f} s)  import {entry['import_s']:7.2f} s  "
                      f"articles {entry['anp_articles_bytes'] / 1e6:7.1f} MB (toast {entry['anp_articles_toast_bytes'] / 1e6:7.1f})  "
                      f"post_meta {entry['anp_post_meta_bytes'] / 1e6:7.1f} MB", flush=True)  # fmt: skip
                cluster.psql("postgres", f"drop database {copy_db}")
                cluster.psql("postgres", f"drop database {imp_db}")
    finally:
        cluster.stop()
        shutil.rmtree(work, ignore_errors=True)
    results["runs"] = runs
    results["load_after"] = " ".join(f"{x:.2f}" for x in os.getloadavg())
    for key in ("copy_s", "copy_server_cpu_s", "import_s"):
        lz4, pglz = min(r[key] for r in runs["lz4"]), min(r[key] for r in runs["pglz"])
        results[f"{key}_pglz_over_lz4"] = round(pglz / lz4, 3)
        print(f"best {key}: lz4 {lz4:.2f}  pglz {pglz:.2f}  pglz/lz4 {pglz / lz4:.3f}")
    print(f"load average before {results['load_before']}, after {results['load_after']}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n")


def cpu_s(pid: int) -> float:
    """User + system CPU seconds of a process on this machine (``/proc/PID/stat``)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def pg_baseline_no_init(dsn: str, csv_dir: Path) -> float:
    """bench_import.pg_baseline's COPY, into tables already made (and altered) here; the
    server process's CPU seconds for it (what compression costs, whatever else the machine runs)."""
    import psycopg

    with psycopg.connect(dsn) as conn, conn.cursor() as cur:
        pid = int(cur.execute("select pg_backend_pid()").fetchone()[0])  # type: ignore[index]
        before = cpu_s(pid)
        for name in DATA_TABLES:
            with open(csv_dir / f"{name}.csv", "rb") as f, cur.copy(f"COPY {name} FROM STDIN (FORMAT csv)") as copy:
                while block := f.read(1 << 20):
                    copy.write(block)
        conn.commit()
        return cpu_s(pid) - before


if __name__ == "__main__":
    main()
