"""``import --jobs N`` side by side: N writer connections against one, PostgreSQL, with each side's CPU cost.

    .venv/bin/python benchmarks/bench_jobs.py [--count 100000] [--jobs 1 2] [--rounds 2] [--workers W]
        [--json FILE]

Each round imports seeds ``[0, COUNT)`` of the default profile with ``anp-synth import
--seed 0 --count COUNT --jobs N --no-progress`` (every other option the default, ``--workers W`` if given) in a
fresh process into a fresh database of one throwaway cluster (tests/pg_cluster.py, the
suite's: fsync off, loopback), once per ``--jobs`` value, the values alternating within
the round so that the machine's noise falls on every side alike. A first load: the data
phase without the secondary indexes, then the build and ANALYZE, all in the wall clock.

Measured per run, from outside the importer:

- wall clock, process start to exit;
- client CPU: the import process's user + system time (``os.wait4``'s rusage);
- server CPU: user + system time of every process of the cluster, from ``/proc/<pid>/stat``
  (``utime + stime`` of the live ones, plus the postmaster's ``cutime + cstime``, which
  holds the time of the backends that exited: each import's sessions end with it), taken
  before and after the run. It includes the index build, ANALYZE and the background
  writers: what the server spends on the load, whatever process spends it.

Per-article figures are CPU seconds over articles. The machine is shared: the load
average is printed at the start and end, and each side's fastest round is compared.
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import platform
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_first_load import run_cli  # noqa: E402
from pg_cluster import PgCluster, find_bin_dir  # noqa: E402

TICKS = os.sysconf("SC_CLK_TCK")


def load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def _stat(pid: int) -> list[str]:
    text = Path(f"/proc/{pid}/stat").read_text()
    return text[text.rindex(")") + 2 :].split()  # fields from the 3rd on (the name may hold spaces)


def server_cpu_s(postmaster: int) -> float:
    """User + system seconds of the cluster: its live processes, and the exited ones the postmaster reaped."""
    fields = _stat(postmaster)
    total = sum(int(x) for x in fields[11:15])  # utime stime cutime cstime of the postmaster
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) == postmaster:
            continue
        try:
            f = _stat(int(entry.name))
        except (OSError, ValueError):
            continue  # gone meanwhile: the postmaster's cutime has it now (or will: read after the run ends)
        if int(f[1]) == postmaster:  # ppid: a backend or a background process of this cluster
            total += int(f[11]) + int(f[12])
    return total / TICKS


def run(url: str, count: int, jobs: int, postmaster: int, work: Path, workers: int | None) -> dict[str, Any]:
    report = work / "report.json"
    report.unlink(missing_ok=True)
    args = ["import", "--seed", "0", "--count", str(count), "--jobs", str(jobs), "--db", url, "--no-progress",
            "--report", str(report)]  # fmt: skip
    if workers is not None:
        args += ["--workers", str(workers)]
    server0 = server_cpu_s(postmaster)
    wall, usage = run_cli(args, ROOT, work, f"import --jobs {jobs}")
    time.sleep(0.5)  # the backends of the import's sessions exit after it: let the postmaster reap them
    server = server_cpu_s(postmaster) - server0
    data = json.loads(report.read_text())
    assert data["inserted"] == count and data["jobs"] == jobs, data
    client = usage.ru_utime + usage.ru_stime
    return {
        "jobs": jobs,
        "wall_s": round(wall, 3),
        "articles_per_s": round(count / wall, 1),
        "client_cpu_s": round(client, 3),
        "server_cpu_s": round(server, 3),
        "client_ms_per_article": round(client / count * 1000, 4),
        "server_ms_per_article": round(server / count * 1000, 4),
        "tuning": data["tuning"],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--workers", type=int, default=None, help="passed to every import (default: the importer's)")
    parser.add_argument("--json", default=None)
    args = parser.parse_args()
    bin_dir = find_bin_dir()
    if bin_dir is None:
        raise SystemExit("PostgreSQL server binaries not found")
    cluster = PgCluster(bin_dir)
    work = cluster.root / "work"
    print(f"{args.count} articles, jobs {args.jobs}, {args.rounds} rounds; {os.cpu_count()} cores; load {load()}",
          flush=True)  # fmt: skip
    runs: list[dict[str, Any]] = []
    try:
        cluster.start()
        work.mkdir()
        postmaster = int((cluster.data / "postmaster.pid").read_text().split()[0])
        n = 0
        for round_no in range(args.rounds):
            order = args.jobs if round_no % 2 == 0 else list(reversed(args.jobs))
            for jobs in order:
                n += 1
                url = cluster.create_database(f"jobs{n}")
                entry = run(url, args.count, jobs, postmaster, work, args.workers)
                entry["round"] = round_no
                runs.append(entry)
                cluster.psql("postgres", f"drop database jobs{n}")
                print(f"  round {round_no} jobs {jobs}: {entry['wall_s']:7.2f} s  {entry['articles_per_s']:7.0f} "
                      f"articles/s  client {entry['client_ms_per_article']:.3f} ms/article  "
                      f"server {entry['server_ms_per_article']:.3f} ms/article  (load {load()})", flush=True)  # fmt: skip
        version = ast.literal_eval(cluster.psql("postgres", "show server_version"))[0][0]
    finally:
        cluster.stop()
    best = {j: min((r for r in runs if r["jobs"] == j), key=lambda r: r["wall_s"]) for j in args.jobs}
    base = best[args.jobs[0]]
    print(f"PostgreSQL {version}; fastest round of each, load {load()}:")
    out: dict[str, Any] = {"count": args.count, "server_version": version, "cores": os.cpu_count(),
                           "python": platform.python_version(), "runs": runs, "speedup": {}}  # fmt: skip
    for j, entry in best.items():
        speedup = base["wall_s"] / entry["wall_s"]
        out["speedup"][str(j)] = round(speedup, 3)
        print(f"  jobs {j:<3} {entry['wall_s']:7.2f} s  {entry['articles_per_s']:7.0f} articles/s  x{speedup:.2f}  "
              f"client {entry['client_ms_per_article']:.3f} ms/article  server {entry['server_ms_per_article']:.3f} "
              "ms/article", flush=True)  # fmt: skip
    if args.json:
        Path(args.json).write_text(json.dumps(out, indent=2) + "\n")


if __name__ == "__main__":
    main()
