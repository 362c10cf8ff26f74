"""What "valid by construction" saves: CPU per article of preparing a file's lines, with and without it.

    .venv/bin/python benchmarks/bench_prepare_cpu.py [--count 5000] [--rounds 5] [--profile realistic]
        [--import-count 20000 --base /tmp/base-regen] [--json FILE]

Part 1, in this process: ``prepare()`` of the same generated lines (one ``LinesJob`` per
1,000 lines, as the importer cuts them) with the fast path (``validate.generated_record``:
regenerate the line and compare) and without it (``generated_record`` replaced by a
function that never recognises a line, which is exactly the full validation of before),
alternating, ``--rounds`` times each, and of the same window generated (``import --seed``,
which never validated: the floor). Process CPU seconds (``time.process_time``), which
other processes on a shared machine disturb less than wall time; the best round of each
side, as ms per article. Beside it, the pieces: the full ``parse_line`` (json + schema +
invariants), ``generated_record`` alone, ``build_line`` alone, ``json.loads`` alone.

Part 2, with ``--base`` (a checkout of the commit before, e.g. ``mkdir /tmp/base-regen &&
git archive 347aa43 | tar -x -C /tmp/base-regen``) and ``--import-count N``: ``anp-synth
import FILE --db sqlite:///…`` of N generated articles with no other option, in a fresh
process into a fresh database, then ``anp-synth validate FILE``, from the base and from
this checkout, alternating (``--rounds`` pairs): wall seconds and the process tree's CPU
seconds (``os.wait4``), best of each side.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_first_load import load, run_cli, run_import  # noqa: E402

from anp_synth.db import jobs  # noqa: E402
from anp_synth.formats.readers import parse_line  # noqa: E402
from anp_synth.generator import build_line, generate_lines  # noqa: E402
from anp_synth.parallel import write_dataset  # noqa: E402
from anp_synth.validate import generated_record  # noqa: E402


def cpu_of(fn: Callable[[], object]) -> float:
    t = time.process_time()
    fn()
    return time.process_time() - t


def prepare_all(batches: Sequence[jobs.Job]) -> None:
    for job in batches:
        prepared = jobs.prepare(job)
        assert not prepared.rejects, prepared.rejects[:1]


def each(fn: Callable[[Any], object], items: Iterable[Any]) -> None:
    """Call ``fn`` on every item, keeping no result: thousands of records held at once would
    make the garbage collector's passes, not the function, the cost measured."""
    for item in items:
        fn(item)


def never(text: str) -> None:
    return None


def part_prepare(count: int, rounds: int, profile: str) -> dict[str, Any]:
    lines = list(generate_lines(seed=0, count=count, profile=profile))
    batches = list(jobs.line_jobs(enumerate(lines, 1), "bench.jsonl", 1000))
    fast_rule = jobs.generated_record
    seed_batches = list(jobs.seed_jobs(0, count, profile, 1000))
    sides: dict[str, list[float]] = {"before (full validation)": [], "after (regenerate and compare)": [],
                                     "a seed window (import --seed)": []}  # fmt: skip
    prepare_all(batches)  # warm the caches of both paths (compiled schema, generator tables)
    for _ in range(rounds):
        jobs.generated_record = never  # type: ignore[assignment]
        try:
            sides["before (full validation)"].append(cpu_of(lambda: prepare_all(batches)))
        finally:
            jobs.generated_record = fast_rule
        sides["after (regenerate and compare)"].append(cpu_of(lambda: prepare_all(batches)))
        sides["a seed window (import --seed)"].append(cpu_of(lambda: prepare_all(seed_batches)))
    pieces = {
        "parse_line, full": lambda: each(lambda x: parse_line(x, source="b", line=1, regenerate=False), lines),
        "generated_record": lambda: each(generated_record, lines),
        "build_line": lambda: each(lambda i: build_line(i, profile), range(count)),
        "json.loads": lambda: each(json.loads, lines),
    }
    out: dict[str, Any] = {"count": count, "rounds": rounds, "profile": profile, "prepare_ms_per_article": {}}
    print(f"prepare() of {count} generated lines ({profile}), process CPU, best of {rounds}:", flush=True)
    for name, runs in sides.items():
        best = min(runs) / count * 1000
        out["prepare_ms_per_article"][name] = {"best": round(best, 4), "runs_s": [round(r, 3) for r in runs]}
        print(f"  {name:<32} {best:.4f} ms/article  (rounds: {', '.join(f'{r:.2f}' for r in runs)} s)")
    before = out["prepare_ms_per_article"]["before (full validation)"]["best"]
    after = out["prepare_ms_per_article"]["after (regenerate and compare)"]["best"]
    out["prepare_speedup"] = round(before / after, 3)
    print(f"  speed-up {out['prepare_speedup']}x")
    out["pieces_ms_per_article"] = {}
    for name, fn in pieces.items():
        best = min(cpu_of(fn) for _ in range(rounds)) / count * 1000
        out["pieces_ms_per_article"][name] = round(best, 4)
        print(f"  piece: {name:<24} {best:.4f} ms/article")
    return out


def part_import(count: int, rounds: int, base: Path) -> dict[str, Any]:
    work = Path(tempfile.mkdtemp(prefix="anp-bench-prepare-"))
    jsonl = work / "records.jsonl"
    write_dataset(str(jsonl), seed=0, count=count, workers=2)
    sides = (("base", base), ("this checkout", ROOT))
    runs: dict[str, dict[str, list[dict[str, Any]]]] = {"import": {n: [] for n, _ in sides},
                                                        "validate": {n: [] for n, _ in sides}}  # fmt: skip
    try:
        for _ in range(rounds):
            for name, root in sides:
                db = work / "x.db"
                runs["import"][name].append(run_import(root, jsonl, f"sqlite:///{db}", work))
                for p in work.glob("x.db*"):
                    p.unlink()
                wall, usage = run_cli(["validate", str(jsonl)], root, work, f"validate by {root}")
                runs["validate"][name].append(
                    {"wall_s": round(wall, 3), "cpu_s": round(usage.ru_utime + usage.ru_stime, 3)}
                )
    finally:
        for p in work.iterdir():
            p.unlink()
        work.rmdir()
    out: dict[str, Any] = {"count": count, "runs": runs}
    for command, by_side in runs.items():
        what = "import FILE --db sqlite:///x.db (no options)" if command == "import" else "validate FILE"
        print(f"anp-synth {what}, {count} articles, {rounds} pairs:")
        out[command] = {}
        for name, rs in by_side.items():
            wall, cpu = min(r["wall_s"] for r in rs), min(r["cpu_s"] for r in rs)
            out[command][name] = {"best_wall_s": wall, "best_cpu_s": cpu}
            print(f"  {name:<14} wall {', '.join(str(r['wall_s']) for r in rs)} s (best {wall})  "
                  f"cpu {', '.join(str(r['cpu_s']) for r in rs)} s (best {cpu})")  # fmt: skip
        best = out[command]
        best["wall_ratio"] = round(best["base"]["best_wall_s"] / best["this checkout"]["best_wall_s"], 3)
        best["cpu_ratio"] = round(best["base"]["best_cpu_s"] / best["this checkout"]["best_cpu_s"], 3)
        print(f"  base / this: wall {best['wall_ratio']}x, cpu {best['cpu_ratio']}x", flush=True)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=5000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--profile", default="realistic")
    parser.add_argument("--import-count", type=int, default=0)
    parser.add_argument("--base", type=Path, default=None)
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args()
    results: dict[str, Any] = {"command": " ".join(sys.argv), "load_before": load(), "cpus": os.cpu_count()}
    print(f"load average before: {results['load_before']}", flush=True)
    results["prepare"] = part_prepare(args.count, args.rounds, args.profile)
    if args.base is not None and args.import_count:
        results["import"] = part_import(args.import_count, args.rounds, args.base.resolve())
    results["load_after"] = load()
    print(f"load average after: {results['load_after']}", flush=True)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    main()
