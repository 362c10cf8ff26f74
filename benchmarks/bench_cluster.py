"""`generate` and `import` on a local Dask cluster of two workers versus one process.

    .venv/bin/python benchmarks/bench_cluster.py [--count 2000000] [--import-count 100000]
        [--rounds 1] [--only generate|import] [--dir DIR] [--json FILE]

Generate: the window written by one process (`write_dataset`, what `anp-synth generate -o
FILE` runs) and by `generate --cluster local:2` (`connect("local:2")` + `generate_to`, what
the CLI runs), alternating, each round on fresh files; the cluster's time includes starting
and stopping its two worker processes. The SHA-256 of the single file and of the parts
concatenated in order must be equal. Files go to /dev/shm when it has room for one copy (a
disk would measure its write-back, not the generator), and each copy is deleted after
hashing. CPU seconds are compared too (one process's, and the part tasks' threads'
summed over workers): on a busy machine the wall-clock ratio measures the other sessions as
much as the code, the CPU ratio does not. Scheduler overhead is the run's time (from the first task submitted to the manifest
written) minus the busiest worker's time in its tasks, as a share of the run's time, at the
default part size. With ``--cli``, both sides are the commands a user types, each a fresh
process (start-up included): ``anp-synth generate --workers 1 -o FILE`` and ``anp-synth
generate --cluster local:2 -o DIR``; the in-process one-process side runs in this benchmark's
own process, whose heap (Dask loaded) makes its garbage collector's full passes dearer.

Import: 100,000 generated articles into a throwaway PostgreSQL (tests/pg_cluster.py, on
this machine: the server shares the same cores) by one process (`import_generated`, what
`anp-synth import --seed 0 --count N` runs) and by `import --cluster local:2`
(`import_window`), each into a fresh database; the two databases must hold the same rows.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import multiprocessing
import os
import platform
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_first_load import ROOT, run_cli

from anp_synth import __version__
from anp_synth.cluster import DEFAULT_PART_SIZE, connect, generate_to, import_window
from anp_synth.dataset import write_dataset
from anp_synth.db import import_generated

BYTES_PER_RECORD = 6_500


def sha256_of(paths: list[Path]) -> str:
    digest = hashlib.sha256()
    for path in paths:
        with open(path, "rb") as handle:
            while block := handle.read(1 << 22):
                digest.update(block)
    return digest.hexdigest()


def work_directory(requested: str | None, count: int) -> Path:
    if requested:
        return Path(tempfile.mkdtemp(prefix="anp-bench-cluster-", dir=requested))
    need = count * BYTES_PER_RECORD * 1.1
    shm = "/dev/shm"
    if os.path.isdir(shm) and shutil.disk_usage(shm).free > need:
        return Path(tempfile.mkdtemp(prefix="anp-bench-cluster-", dir=shm))
    return Path(tempfile.mkdtemp(prefix="anp-bench-cluster-"))


def generate_single(work: Path, count: int) -> tuple[float, float, str]:
    path = work / "single.jsonl"
    start, cpu = time.perf_counter(), time.process_time()
    write_dataset(str(path), seed=0, count=count)
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    digest = sha256_of([path])
    path.unlink()
    return elapsed, cpu, digest


def _write_half(path: str, seed: int, count: int) -> float:
    cpu = time.process_time()
    write_dataset(path, seed=seed, count=count)
    return time.process_time() - cpu


def _write_half_as_task(path: str, seed: int, count: int) -> float:
    """The cluster's part task, run in a plain process: the same encoding, SHA-256 and fsspec write."""
    from anp_synth.cluster.generate import _PartTask, _write_part

    cpu = time.process_time()
    directory, _, name = path.rpartition("/")
    task = _PartTask(directory, name, seed, count, "realistic", "jsonl", False, seed == 0, False)
    _write_part(task)
    return time.process_time() - cpu


def _cli(args: list[str], work: Path) -> tuple[float, float]:
    """``anp-synth ARGS`` in a fresh process of this checkout (``bench_first_load.run_cli``): wall and CPU seconds."""
    elapsed, usage = run_cli(args, ROOT, work, f"anp-synth {args[0]}")
    return elapsed, usage.ru_utime + usage.ru_stime


def generate_single_cli(work: Path, count: int) -> tuple[float, float, str]:
    """``anp-synth generate --workers 1 -o FILE`` as a user runs it: a fresh process, start-up included."""
    path = work / "single.jsonl"
    elapsed, cpu = _cli(["generate", "--seed", "0", "--count", str(count), "--workers", "1", "-o", str(path)], work)
    digest = sha256_of([path])
    path.unlink()
    return elapsed, cpu, digest


def generate_cluster_cli(work: Path, count: int, part_size: int) -> dict[str, Any]:
    """``anp-synth generate --cluster local:2 -o DIR`` as a user runs it: the cluster's start and stop included."""
    out = work / "parts"
    args = ["generate", "--cluster", "local:2", "--seed", "0", "--count", str(count), "--part-size", str(part_size)]
    elapsed, _ = _cli([*args, "-o", str(out)], work)
    manifest = json.loads((out / "manifest.json").read_text())
    digest = sha256_of([out / p["file"] for p in manifest["parts"]])
    shutil.rmtree(out)
    return {"elapsed_s": elapsed, "parts": len(manifest["parts"]), "sha256": digest}


def generate_two_processes(work: Path, count: int, *, as_task: bool = False) -> tuple[float, float]:
    """The machine's own ceiling: two plain processes, no Dask, each writing half the window at once.

    What two cores give two independent generators here (a VM's cores share caches,
    memory bandwidth and the host's other tenants), so the cluster's ratio can be read
    against what any two-process design could reach on this machine. ``as_task``: each
    process runs the cluster's part task instead of ``write_dataset`` (its SHA-256 of the
    part included), which is the ceiling of any design that writes a manifest of digests.
    """
    write = _write_half_as_task if as_task else _write_half
    half = count // 2
    context = multiprocessing.get_context("spawn")
    with context.Pool(2) as pool:
        pool.apply(time.sleep, (0,))  # both started before the clock runs, as the cluster's start is timed apart
        pool.apply(time.sleep, (0,))
        start = time.perf_counter()
        jobs = [
            pool.apply_async(write, (str(work / "half-a.jsonl"), 0, half)),
            pool.apply_async(write, (str(work / "half-b.jsonl"), half, count - half)),
        ]
        cpu = sum(job.get() for job in jobs)
        elapsed = time.perf_counter() - start
    for name in ("half-a.jsonl", "half-b.jsonl"):
        (work / name).unlink()
    return elapsed, cpu


def generate_cluster(work: Path, count: int, part_size: int) -> dict[str, Any]:
    out = work / "parts"
    start = time.perf_counter()
    with connect("local:2") as client:
        started = time.perf_counter() - start
        result = generate_to(str(out), seed=0, count=count, part_size=part_size, client=client)
    elapsed = time.perf_counter() - start
    digest = sha256_of([out / p.file for p in result.manifest.parts])
    shutil.rmtree(out)
    busiest = max(seconds for _, seconds in result.workers.values())
    return {
        "elapsed_s": elapsed,
        "cluster_start_s": started,
        "run_s": result.elapsed_s,
        "busiest_worker_s": busiest,
        "scheduler_overhead": (result.elapsed_s - busiest) / result.elapsed_s,
        "parts": len(result.manifest.parts),
        "rescheduled": result.rescheduled,
        "cpu_s": result.cpu_s,
        "sha256": digest,
    }


def bench_generate(args: argparse.Namespace) -> dict[str, Any]:
    work = work_directory(args.dir, args.count)
    rounds = []
    try:
        for r in range(args.rounds):
            if args.cli:
                single_s, single_cpu, single_sha = generate_single_cli(work, args.count)
                cluster = generate_cluster_cli(work, args.count, args.part_size)
                two_s, two_cpu = generate_two_processes(work, args.count)
                entry = {
                    "single_s": single_s, "single_cpu_s": single_cpu, **cluster,
                    "speedup": single_s / cluster["elapsed_s"], "two_processes_s": two_s,
                    "two_processes_cpu_s": two_cpu, "ceiling": single_s / two_s,
                    "identical": single_sha == cluster["sha256"],
                }  # fmt: skip
                rounds.append(entry)
                print(f"generate round {r + 1} (CLI): anp-synth generate {single_s:.1f} s (CPU {single_cpu:.1f} s), "
                      f"--cluster local:2 {cluster['elapsed_s']:.1f} s -> {entry['speedup']:.2f}x, identical bytes "
                      f"{entry['identical']}; ceiling (two plain processes) {two_s:.1f} s -> {entry['ceiling']:.2f}x",
                      flush=True)  # fmt: skip
                continue
            if r % 2 == 0:
                single_s, single_cpu, single_sha = generate_single(work, args.count)
                cluster = generate_cluster(work, args.count, args.part_size)
            else:
                cluster = generate_cluster(work, args.count, args.part_size)
                single_s, single_cpu, single_sha = generate_single(work, args.count)
            two_s, two_cpu = generate_two_processes(work, args.count)
            task_s, task_cpu = generate_two_processes(work, args.count, as_task=True)
            entry = {
                "single_s": single_s,
                **cluster,
                "speedup": single_s / cluster["elapsed_s"],
                "two_processes_s": two_s,
                "two_processes_cpu_s": two_cpu,
                "ceiling": single_s / two_s,
                "two_task_processes_s": task_s,
                "two_task_processes_cpu_s": task_cpu,
                "task_ceiling": single_s / task_s,
                "single_cpu_s": single_cpu,
                "cpu_ratio": cluster["cpu_s"] / single_cpu,
                "identical": single_sha == cluster["sha256"],
            }
            rounds.append(entry)
            print(
                f"generate round {r + 1}: one process {single_s:.1f} s, local:2 {cluster['elapsed_s']:.1f} s "
                f"(cluster start {cluster['cluster_start_s']:.1f} s) -> {entry['speedup']:.2f}x, "
                f"scheduler overhead {100 * cluster['scheduler_overhead']:.2f}%, identical bytes {entry['identical']}; "
                f"CPU one process {single_cpu:.1f} s, workers' tasks {cluster['cpu_s']:.1f} s; "
                f"ceiling (two plain processes, no Dask) {two_s:.1f} s -> {entry['ceiling']:.2f}x, "
                f"CPU {two_cpu:.1f} s; the part task's code in two plain processes {task_s:.1f} s -> "
                f"{entry['task_ceiling']:.2f}x, CPU {task_cpu:.1f} s",
                flush=True,
            )
    finally:
        shutil.rmtree(work, ignore_errors=True)
    speedups = [r["speedup"] for r in rounds]
    return {
        "count": args.count,
        "part_size": args.part_size,
        "work_dir": str(work.parent),
        "rounds": rounds,
        "speedup_median": statistics.median(speedups),
        "ceiling_median": statistics.median(r["ceiling"] for r in rounds),
        "task_ceiling_median": statistics.median(r.get("task_ceiling", 0.0) for r in rounds),
        "speedup_min": min(speedups),
        "speedup_max": max(speedups),
        "all_identical": all(r["identical"] for r in rounds),
    }


def bench_import(args: argparse.Namespace) -> dict[str, Any]:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
    from db_helpers import rows
    from pg_cluster import PgCluster, find_bin_dir

    bin_dir = find_bin_dir()
    if bin_dir is None:
        print("PostgreSQL server binaries not found: import part NOT RUN")
        return {}
    server = PgCluster(bin_dir)
    try:
        server.start()
        single_url = server.create_database("single")
        cluster_url = server.create_database("cluster")
        start = time.perf_counter()
        single = import_generated(single_url, seed=0, count=args.import_count)
        single_s = time.perf_counter() - start
        start = time.perf_counter()
        with connect("local:2") as client:
            started = time.perf_counter() - start
            report = import_window(cluster_url, seed=0, count=args.import_count, client=client)
        cluster_s = time.perf_counter() - start
        same = rows(single_url) == rows(cluster_url)
        result = {
            "count": args.import_count,
            "server_version": server.psql("postgres", "show server_version").strip("[](),'"),
            "single_s": single_s,
            "single_rows_per_s": single.rows_per_s,
            "single_timings": vars(single.timings),
            "cluster_s": cluster_s,
            "cluster_start_s": started,
            "cluster_run_s": report.elapsed_s,
            "cluster_tasks": len(report.tasks),
            "cluster_rows_per_s": args.import_count / cluster_s,
            "per_worker_rows_per_s": {w: s.rows_per_s for w, s in report.workers.items()},
            "speedup": single_s / cluster_s,
            "identical_rows": same,
            "database_bytes": int(server.psql("postgres", "select pg_database_size('single')").strip("[](),")),
        }
        print(
            f"import {args.import_count}: one process {single_s:.1f} s ({single.rows_per_s:.0f} rows/s), "
            f"local:2 {cluster_s:.1f} s (start {started:.1f} s, {len(report.tasks)} tasks) -> "
            f"{result['speedup']:.2f}x, identical rows {same}",
            flush=True,
        )
        return result
    finally:
        server.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=2_000_000)
    parser.add_argument("--part-size", type=int, default=DEFAULT_PART_SIZE)
    parser.add_argument("--import-count", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--only", choices=["generate", "import"])
    parser.add_argument("--dir", help="Where the generated files go (default /dev/shm when it has room).")
    parser.add_argument("--json", type=Path)
    parser.add_argument("--cli", action="store_true", help="generate: time both sides as fresh `anp-synth` processes")
    args = parser.parse_args()
    results: dict[str, Any] = {
        "anp_synth": __version__,
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "load_average_at_start": os.getloadavg(),
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
    }
    if args.only in (None, "generate"):
        results["generate"] = bench_generate(args)
    if args.only in (None, "import"):
        results["import"] = bench_import(args)
    results["load_average_at_end"] = os.getloadavg()
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n")
    else:
        print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
