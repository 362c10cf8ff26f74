"""A long bench phase is not a silent one: progress lines on a terminal, quiet when piped."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from anp_synth.bench import BenchOptions, run_bench
from anp_synth.cli import main
from anp_synth.errors import InvalidArgument


def test_progress_events_come_from_every_phase_with_the_readers_answers(tmp_path: Path) -> None:
    events: list[tuple[str, dict[str, Any]]] = []
    opts = BenchOptions(
        db_url=f"sqlite:///{tmp_path / 'p.db'}", seed=1, count=300, base_count=200, batch_size=20,
        duration=1.0, warmup=0.1, rate=100.0, readers=1, progress_s=0.3, explain=False,
    )  # fmt: skip
    run = run_bench(opts, on_event=lambda kind, data: events.append((kind, data)))
    ticks = [data for kind, data in events if kind == "progress"]
    # a 1 s phase checked every 0.1 s passes a 0.3 s period at least twice, however slow the machine
    assert {"idle", "after"} <= {t["phase"] for t in ticks}
    assert sum(t["queries_per_s"] > 0 for t in ticks if t["phase"] != "import") >= 1
    assert all(t["rows_per_s"] == 0 for t in ticks if t["phase"] != "import")
    if any(t["phase"] == "import" for t in ticks):
        assert any(t["rows_per_s"] > 0 for t in ticks if t["phase"] == "import")
    assert [t["t"] for t in ticks] == sorted(t["t"] for t in ticks)
    assert not run.interrupted


def test_no_progress_events_unless_asked(tmp_path: Path) -> None:
    events: list[str] = []
    opts = BenchOptions(
        db_url=f"sqlite:///{tmp_path / 'q.db'}", seed=1, count=100, base_count=100, batch_size=50,
        duration=0.5, warmup=0.0, rate=50.0, readers=1, explain=False,
    )  # fmt: skip
    run_bench(opts, on_event=lambda kind, _data: events.append(kind))
    assert "progress" not in events


def test_piped_output_has_no_progress_lines_and_an_explicit_period_prints_them(tmp_path: Path) -> None:
    common = ["bench", "--db", f"sqlite:///{tmp_path / 'c.db'}", "--seed", "1", "--count", "100",
              "--base-count", "100", "--duration", "1", "--warmup", "0", "--readers", "1", "--rate", "50",
              "--no-explain", "--report", str(tmp_path / "r.json"), "--html", str(tmp_path / "r.html")]  # fmt: skip
    piped = CliRunner().invoke(main, common)
    assert piped.exit_code == 0, piped.output
    assert "progress:" not in piped.output
    asked = CliRunner().invoke(main, [*common, "--seed", "101", "--progress", "0.3"])
    assert asked.exit_code == 0, asked.output
    assert "progress:" in asked.output and "q/s" in asked.output


def test_a_negative_period_is_refused() -> None:
    with pytest.raises(InvalidArgument, match="progress_s=-1"):
        BenchOptions(progress_s=-1).validate()
