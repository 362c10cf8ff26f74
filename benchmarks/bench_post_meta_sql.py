"""Post-meta into SQLite: flattened in Python and ``executemany``'d, or exploded by SQLite from the line.

    .venv/bin/python benchmarks/bench_post_meta_sql.py [--count 20000] [--repeat 2]

Generates ``--count`` records of the default profile, then, alternating ``--repeat`` times,
loads their post-meta rows into an empty ``anp_post_meta`` (a fresh database made by
``db init``'s code, in one transaction, deferred indexes dropped as a first load does) the
two ways, and checks that both leave the same rows. Prints the CPU seconds of each step
(``time.process_time``: both run in this process, and CPU time moves far less than wall
clock on a shared machine), the wall clock of each way, and the load average.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from anp_synth.db import prepare_database  # noqa: E402
from anp_synth.db.connect import parse_url  # noqa: E402
from anp_synth.db.encode import flatten_meta  # noqa: E402
from anp_synth.db.sqlite import _INSERT, POST_META_FROM_JSON, SqliteBackend  # noqa: E402
from anp_synth.generator import build  # noqa: E402


def fresh(work: Path, name: str) -> sqlite3.Connection:
    url = f"sqlite:///{work / name}"
    prepare_database(url)
    backend = SqliteBackend(parse_url(url))
    backend.begin_load()
    return backend.conn


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}", flush=True)
    built = [build(seed, "realistic") for seed in range(args.count)]
    work = Path(tempfile.mkdtemp(prefix="anp-bench-post-meta-"))
    for n in range(args.repeat):
        conn = fresh(work, f"python{n}.db")
        t, c = time.perf_counter(), time.process_time()
        rows = [row for aid, (record, _) in enumerate(built) for row in flatten_meta(aid, record["meta"])]  # type: ignore[arg-type]
        flat = time.process_time() - c
        conn.execute("BEGIN")
        conn.executemany(_INSERT["anp_post_meta"], rows)
        conn.execute("COMMIT")
        many, python_wall = time.process_time() - c - flat, time.perf_counter() - t
        conn2 = fresh(work, f"sql{n}.db")
        t, c = time.perf_counter(), time.process_time()
        conn2.execute("BEGIN")
        conn2.executemany(POST_META_FROM_JSON, [(aid, line) for aid, (_, line) in enumerate(built)])
        conn2.execute("COMMIT")
        sql, sql_wall = time.process_time() - c, time.perf_counter() - t
        query = "SELECT * FROM anp_post_meta ORDER BY 1, 2, 3"
        same = conn.execute(query).fetchall() == conn2.execute(query).fetchall()
        print(f"round {n + 1}: {len(rows)} rows; CPU: python flatten {flat:.2f} s + executemany {many:.2f} s = "
              f"{flat + many:.2f} s, SQL from the lines {sql:.2f} s (wall {python_wall:.2f} s vs {sql_wall:.2f} s); "
              f"same rows: {same}", flush=True)  # fmt: skip
        conn.close()
        conn2.close()
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}", flush=True)


if __name__ == "__main__":
    main()
