"""PostgreSQL: how much a 200,000-article import slows the admin list (p99 import / idle), and one fix.

Two bench runs side by side in one throwaway cluster (tests/pg_cluster.py), identical but for
one change applied after the base window is loaded:

- ``baseline``: the importer's schema without its extended-statistics object on
  anp_post_meta (dropped: schema version 2, before the fix), then ANALYZE;
- ``stats``: the importer's schema as it is (version 3, which creates it), then ANALYZE.
  The meta-key lookup compares ``substr(meta_value, 1, 128)`` (what the index holds) and then
  ``meta_value`` itself; the planner multiplies the two selectivities, expects one row, and
  picks a bitmap scan plus sort over thousands of rows (the plan the bench flags). Telling it
  the two are dependent lets it walk the index in ``article_id`` order and stop at 50 rows.
  With two reader connections, every slow query holds up the queries queued behind it, so
  the admin list's p99 under import carries that lookup's cost.

Then ``anp-synth bench compare baseline.json stats.json``. Every command run is printed, so
benchmarks/README.md can quote them.

    .venv/bin/python benchmarks/bench_latency_pg.py [--count 200000] [--base-count 20000]
        [--duration 15] [--rate 40] [--readers 4] [--out benchmarks/out/latency_pg]
"""

from __future__ import annotations

import argparse
import json
import shlex
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

DROP_STATS = "DROP STATISTICS IF EXISTS anp_post_meta_value_dep"
BASE_SEED = 1_000_001


def run(cmd: list[str]) -> str:
    print("$ " + shlex.join(cmd), flush=True)
    done = subprocess.run(cmd, capture_output=True, text=True)
    if done.returncode not in (0,):
        print(done.stdout[-3000:], done.stderr[-3000:])
        raise SystemExit(f"command failed with exit code {done.returncode}")
    return done.stdout


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--count", type=int, default=200_000)
    ap.add_argument("--base-count", type=int, default=20_000)
    ap.add_argument("--duration", type=float, default=15.0)
    ap.add_argument("--rate", type=float, default=40.0)
    ap.add_argument("--readers", type=int, default=4)
    ap.add_argument("--out", type=Path, default=Path("benchmarks/out/latency_pg"))
    ap.add_argument("--variants", default="baseline,stats")
    args = ap.parse_args()

    from pg_cluster import PgCluster, find_bin_dir

    bin_dir = find_bin_dir()
    if bin_dir is None:
        raise SystemExit("PostgreSQL server binaries (initdb, pg_ctl) not found")
    exe = str(Path(sys.executable).parent / "anp-synth")
    args.out.mkdir(parents=True, exist_ok=True)
    cluster = PgCluster(bin_dir)
    cluster.start()
    try:
        results = {}
        for variant in args.variants.split(","):
            url = cluster.create_database(f"bench_{variant}").replace("postgresql+psycopg://", "postgresql://")
            run(
                [exe, "import", "--db", url, "--seed", str(BASE_SEED), "--count", str(args.base_count), "--no-progress"]
            )
            if variant == "baseline":
                print(f"-- {DROP_STATS}")
                cluster.psql(f"bench_{variant}", DROP_STATS)
            cluster.psql(f"bench_{variant}", "ANALYZE")
            report = args.out / f"{variant}.json"
            out = run([exe, "bench", "--db", url, "--seed", "1", "--count", str(args.count),
                       "--duration", str(args.duration), "--rate", str(args.rate), "--readers", str(args.readers),
                       "--report", str(report), "--html", str(args.out / f"{variant}.html")])  # fmt: skip
            print(out)
            results[variant] = json.loads(report.read_text())["headline"]
        variants = list(results)
        if len(variants) == 2:
            before, after = (args.out / f"{v}.json" for v in variants)
            proc = subprocess.run([exe, "bench", "compare", str(before), str(after)], capture_output=True, text=True)
            print("$ " + shlex.join([exe, "bench", "compare", str(before), str(after)]))
            print(proc.stdout)
        for variant, head in results.items():
            print(
                f"{variant}: admin list p99 idle {head['admin_list_p99_idle_ms']:.2f} ms, import "
                f"{head['admin_list_p99_import_ms']:.2f} ms, ratio {head['admin_list_p99_import_over_idle']:.2f}; "
                f"import {head['import_rows_per_s']:.0f} rows/s"
            )
        (args.out / "summary.json").write_text(json.dumps(results, indent=1) + "\n")
    finally:
        cluster.stop()


if __name__ == "__main__":
    main()
