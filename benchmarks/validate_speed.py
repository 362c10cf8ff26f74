"""Records per second of record validation: jsonschema (the old path) against the compiled checker.

Run from the repository root:

    .venv/bin/python benchmarks/validate_speed.py --count 5000 --rounds 3

Every contender validates the same records in each round, contenders interleaved and rotated,
so machine noise hits them alike; the figure that matters is the ratio to the baseline.

* ``check_record (before)``: ``check_record`` exactly as it was before the compiled checker
  (``anp_synth/validate.py`` at commit 36b2099, loaded from git): jsonschema's Draft 2020-12
  validator, then every invariant with the hash recomputed.
* ``check_record (records)``: the current ``check_record`` on records from ``generate()``.
* ``check_record (parsed)``: the same on ``json.loads`` of each line (what the importer holds).
* ``check_line_record``: parsed records with their line, hashing the canonical line itself.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import time
import types
from collections.abc import Callable
from pathlib import Path

from anp_synth.generator import generate, generate_lines
from anp_synth.validate import check_line_record, check_record

BEFORE = "36b2099"
"""The last commit whose check_record ran jsonschema."""


def _load_before() -> Callable[..., object]:
    root = Path(__file__).resolve().parent.parent
    source = subprocess.run(
        ["git", "show", f"{BEFORE}:anp_synth/validate.py"], cwd=root, capture_output=True, text=True, check=True
    ).stdout
    module = types.ModuleType("anp_synth._validate_before")
    module.__package__ = "anp_synth"
    exec(compile(source, f"anp_synth/validate.py@{BEFORE}", "exec"), module.__dict__)
    check: Callable[..., object] = module.check_record
    return check


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--count", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--profile", default="realistic")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--no-baseline", action="store_true", help="skip the slow jsonschema contender")
    args = parser.parse_args()

    records = list(generate(seed=args.seed, count=args.count, profile=args.profile))
    lines = list(generate_lines(seed=args.seed, count=args.count, profile=args.profile))
    parsed = [json.loads(line) for line in lines]
    pairs = list(zip(parsed, lines, strict=True))

    before = None if args.no_baseline else _load_before()

    def run_before() -> None:
        assert before is not None
        for obj in parsed:
            before(obj)

    def run_records() -> None:
        for record in records:
            check_record(record)

    def run_parsed() -> None:
        for obj in parsed:
            check_record(obj)

    def run_lines() -> None:
        for obj, line in pairs:
            check_line_record(obj, line)

    contenders: dict[str, Callable[[], None]] = {}
    if not args.no_baseline:
        contenders["check_record (before)"] = run_before
    contenders["check_record (records)"] = run_records
    contenders["check_record (parsed)"] = run_parsed
    contenders["check_line_record"] = run_lines

    for run in contenders.values():  # warm caches (compiled checker, identity/reference caches)
        run()
    wall: dict[str, list[float]] = {name: [] for name in contenders}
    cpu: dict[str, list[float]] = {name: [] for name in contenders}
    names = list(contenders)
    for r in range(args.rounds):
        for name in names[r % len(names) :] + names[: r % len(names)]:
            start, start_cpu = time.perf_counter(), time.process_time()
            contenders[name]()
            cpu[name].append(time.process_time() - start_cpu)
            wall[name].append(time.perf_counter() - start)

    base = statistics.median(cpu[names[0]])
    print(f"count={args.count} seed={args.seed} profile={args.profile} rounds={args.rounds}")
    print("rec/s of CPU time (this process only, so less hurt by a busy machine) and of wall time")
    header = ("contender", "cpu best", "cpu median", "wall best", "wall median", "speed-up (cpu median)")
    print(f"{header[0]:32} {header[1]:>9} {header[2]:>11} {header[3]:>10} {header[4]:>12} {header[5]:>22}")
    for name in names:
        rates = [args.count / f(t[name]) for t in (cpu, wall) for f in (min, statistics.median)]
        ratio = base / statistics.median(cpu[name])
        print(f"{name:32} {rates[0]:9.0f} {rates[1]:11.0f} {rates[2]:10.0f} {rates[3]:12.0f} {ratio:21.1f}x")


if __name__ == "__main__":
    main()
