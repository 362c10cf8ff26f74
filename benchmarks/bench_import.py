"""First load and re-run of `anp-synth import`, side by side with the floor each database sets.

    .venv/bin/python benchmarks/bench_import.py [--count 100000] [--workers 2] [--only sqlite|postgresql]

Records of the default profile are generated once to a jsonl file (the generator is not
what is measured). From the same records, one CSV file per table is written with the
importer's own encoding, so both sides load exactly the same rows into the same tables
and indexes (created by `anp-synth db init`):

- SQLite: the `sqlite3` shell `.import`s the CSVs in one transaction, with the same
  pragmas the importer uses (WAL, synchronous=NORMAL, 64 MiB cache), versus
  `import_file(jsonl)` (parse, validate every record, encode, insert, ledger);
- PostgreSQL (a throwaway cluster, tests/pg_cluster.py): plain psycopg `COPY ... FROM
  STDIN (FORMAT csv)` of the CSVs in one transaction, versus `import_file(jsonl)`.

Then the same import again (unchanged re-run). Ratios: importer rows/s / baseline rows/s
(>= 0.85 wanted) and re-run time / first-load time (<= 0.10 wanted). Timings are wall
clock of each step alone; the machine is shared, so compare the ratios, not the seconds.
"""

from __future__ import annotations

import argparse
import csv
import json
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from anp_synth import __version__
from anp_synth.dataset import write_dataset
from anp_synth.db import import_file
from anp_synth.db.connect import SQLITE_PRAGMAS, open_engine
from anp_synth.db.encode import EncodedBatch, encode_record
from anp_synth.db.migrations import upgrade
from anp_synth.db.tables import CHILD_TABLES, articles
from anp_synth.formats.readers import read_records

DATA_TABLES = [articles.name, *(t.name for t in CHILD_TABLES)]
SQLITE3 = "/usr/bin/sqlite3"


def _csv_value(value: Any) -> Any:
    if value is True:
        return 1
    if value is False:
        return 0
    return value


def write_csvs(jsonl: Path, out: Path) -> dict[str, int]:
    """One CSV per table, rows exactly as the importer encodes them; returns row counts."""
    files = {name: open(out / f"{name}.csv", "w", newline="", encoding="utf-8") for name in DATA_TABLES}  # noqa: SIM115
    writers = {name: csv.writer(f) for name, f in files.items()}
    counts = dict.fromkeys(DATA_TABLES, 0)
    batch = EncodedBatch()
    for _, record in read_records(str(jsonl)):
        encode_record(record, batch)
        if len(batch.articles) >= 1000:
            _flush(batch, writers, counts)
            batch = EncodedBatch()
    _flush(batch, writers, counts)
    for f in files.values():
        f.close()
    return counts


def _flush(batch: EncodedBatch, writers: dict[str, Any], counts: dict[str, int]) -> None:
    for name in DATA_TABLES:
        rows = batch.rows_for(name)
        writers[name].writerows([_csv_value(v) for v in row] for row in rows)
        counts[name] += len(rows)


def fresh_schema(db_url: str) -> None:
    engine = open_engine(db_url)
    upgrade(engine)
    engine.dispose()


def sqlite_baseline(db: Path, csv_dir: Path) -> float:
    fresh_schema(f"sqlite:///{db}")
    pragmas = "".join(f"PRAGMA {k}={v};\n" for k, v in SQLITE_PRAGMAS if k != "busy_timeout")
    imports = "".join(f".import --csv {csv_dir / name}.csv {name}\n" for name in DATA_TABLES)
    script = f".output /dev/null\n{pragmas}.output stdout\nBEGIN;\n{imports}COMMIT;\n"
    t = time.perf_counter()
    subprocess.run([SQLITE3, "-bail", str(db)], input=script, text=True, check=True)
    return time.perf_counter() - t


def pg_baseline(url: str, dsn: str, csv_dir: Path) -> float:
    import psycopg

    fresh_schema(url)
    t = time.perf_counter()
    with psycopg.connect(dsn) as conn, conn.cursor() as cur:
        for name in DATA_TABLES:
            with open(csv_dir / f"{name}.csv", "rb") as f, cur.copy(f"COPY {name} FROM STDIN (FORMAT csv)") as copy:
                while block := f.read(1 << 20):
                    copy.write(block)
    return time.perf_counter() - t


def run_importer(jsonl: Path, url: str, workers: int, batch_size: int) -> dict[str, Any]:
    t = time.perf_counter()
    report = import_file(str(jsonl), url, workers=workers, batch_size=batch_size)
    wall = time.perf_counter() - t
    return {"wall_s": wall, "report": report.to_dict()}


def compare(
    name: str, count: int, baseline_s: float, first: dict[str, Any], rerun: dict[str, Any], workers: int
) -> dict[str, Any]:
    result = {
        "database": name,
        "workers": workers,
        "baseline_s": round(baseline_s, 3),
        "baseline_rows_per_s": round(count / baseline_s, 1),
        "first_load_s": round(first["wall_s"], 3),
        "first_load_rows_per_s": round(count / first["wall_s"], 1),
        "rerun_s": round(rerun["wall_s"], 3),
        "speed_ratio": round(baseline_s / first["wall_s"], 3),
        "rerun_ratio": round(rerun["wall_s"] / first["wall_s"], 4),
        "first_load_report": first["report"],
        "rerun_inserted": rerun["report"]["inserted"],
    }
    print(
        f"{name:<10} workers {workers}  baseline {baseline_s:8.2f} s ({count / baseline_s:8.0f} rows/s)   "
        f"importer {first['wall_s']:8.2f} s ({count / first['wall_s']:8.0f} rows/s)   "
        f"ratio {result['speed_ratio']:.2f} (>= 0.85)   re-run {rerun['wall_s']:.2f} s = "
        f"{result['rerun_ratio']:.3f} of first load (<= 0.10), inserted {rerun['report']['inserted']}",
        flush=True,
    )
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--workers", default="0", help="comma-separated: one importer run per value")
    parser.add_argument("--batch-size", type=int, default=1000)
    parser.add_argument("--only", choices=["sqlite", "postgresql"])
    parser.add_argument("--json", type=Path, default=None, help="write the results here")
    parser.add_argument("--keep", action="store_true", help="keep the work directory")
    args = parser.parse_args()
    worker_counts = [int(w) for w in args.workers.split(",")]

    work = Path(tempfile.mkdtemp(prefix="anp-bench-import-"))
    results: dict[str, Any] = {
        "format_version": 1,
        "benchmark": "import",
        "tool_version": __version__,
        "python": platform.python_version(),
        "count": args.count,
        "workers": args.workers,
        "batch_size": args.batch_size,
        "command": " ".join(sys.argv),
        "results": [],
    }
    try:
        jsonl = work / "records.jsonl"
        t = time.perf_counter()
        write_dataset(str(jsonl), seed=0, count=args.count, workers=2)
        print(
            f"generated {args.count} records ({jsonl.stat().st_size / 1e6:.0f} MB) in {time.perf_counter() - t:.1f} s"
        )
        t = time.perf_counter()
        counts = write_csvs(jsonl, work)
        print(f"wrote the baseline CSVs {counts} in {time.perf_counter() - t:.1f} s", flush=True)
        results["rows_per_table"] = counts

        if args.only in (None, "sqlite"):
            for workers in worker_counts:
                base = sqlite_baseline(work / "baseline.db", work)
                for p in work.glob("*.db*"):
                    p.unlink()
                url = f"sqlite:///{work / 'importer.db'}"
                first = run_importer(jsonl, url, workers, args.batch_size)
                rerun = run_importer(jsonl, url, workers, args.batch_size)
                results["results"].append(compare("sqlite", args.count, base, first, rerun, workers))
                for p in work.glob("*.db*"):
                    p.unlink()

        if args.only in (None, "postgresql"):
            sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
            from pg_cluster import PgCluster, find_bin_dir

            bin_dir = find_bin_dir()
            if bin_dir is None:
                print("PostgreSQL server binaries not found: PostgreSQL part NOT RUN")
            else:
                cluster = PgCluster(bin_dir)
                try:
                    cluster.start()
                    for i, workers in enumerate(worker_counts):
                        base_url = cluster.create_database(f"baseline{i}")
                        base = pg_baseline(base_url, cluster.dsn(f"baseline{i}"), work)
                        url = cluster.create_database(f"importer{i}")
                        first = run_importer(jsonl, url, workers, args.batch_size)
                        rerun = run_importer(jsonl, url, workers, args.batch_size)
                        entry = compare("postgresql", args.count, base, first, rerun, workers)
                        entry["server_version"] = cluster.psql("postgres", "show server_version")
                        results["results"].append(entry)
                        cluster.psql("postgres", f"drop database baseline{i}")
                        cluster.psql("postgres", f"drop database importer{i}")
                finally:
                    cluster.stop()
    finally:
        if args.keep:
            print(f"work directory kept: {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    main()
