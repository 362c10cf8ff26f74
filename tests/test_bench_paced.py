"""A paced import phase (``bench --import-rate``): it holds its rate, and the report shows the schedule.

The one rate assertion in the bench tests lives here, because holding a rate is the feature:
a paced import of 1,000 articles at 100 articles/s must achieve within 5% of it over its
~10 s phase. The rate is far below what any machine sustains on SQLite (about 2,000 articles/s
unpaced on two cores; a quarter-second batch of 25 articles takes a few ms), so only a
broken pacer misses it. Everything else is checked as relations that hold on any machine.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from anp_synth.bench import BenchOptions, run_bench
from anp_synth.bench.html import render_html
from anp_synth.bench.pacing import Pacer, paced_batch_size
from anp_synth.bench.report import build_report, load_report, render_text
from anp_synth.cli import main
from anp_synth.errors import InvalidArgument

RATE = 100.0
COUNT = 1000
QUIET = {"duration": 0.5, "warmup": 0.0, "rate": 40.0, "readers": 1, "explain": False}


@pytest.fixture(scope="module")
def paced(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """One paced bench on SQLite: 1,000 articles at 100 articles/s, a ~10 s import phase."""
    path = tmp_path_factory.mktemp("paced") / "paced.db"
    opts = BenchOptions(db_url=f"sqlite:///{path}", seed=1, count=COUNT, base_count=200, import_rate=RATE, **QUIET)
    return build_report(run_bench(opts))


def _import_phase(report: dict[str, Any]) -> dict[str, Any]:
    return next(p for p in report["phases"] if p["name"] == "import")


def test_a_paced_import_holds_its_rate_within_5_percent(paced: dict[str, Any]) -> None:
    phase = _import_phase(paced)
    assert phase["rows_imported"] == COUNT
    # Never faster than asked: the phase waits out the last batch's slot, so it lasts at least count / rate.
    assert phase["duration_s"] >= COUNT / RATE - 0.001
    achieved = paced["import"]["schedule"]["achieved_per_s"]
    assert achieved == phase["rows_per_s"] == paced["headline"]["import_rows_per_s"]
    assert 0.95 * RATE <= achieved <= RATE * 1.001, paced["import"]["schedule"]["lag_s"]


def test_the_report_carries_the_schedule_and_its_lag(paced: dict[str, Any]) -> None:
    schedule = paced["import"]["schedule"]
    phase = _import_phase(paced)
    # A quarter second of the rate per batch, when --batch-size is not given.
    assert schedule["batch_size"] == paced["options"]["import_batch_size"] == 25 == paced_batch_size(RATE)
    assert schedule["rate"] == paced["options"]["import_rate"] == RATE
    assert schedule["interval_s"] == 0.25
    assert schedule["batches"] == 40 == len(schedule["per_batch"])
    assert schedule["articles"] == COUNT == sum(n for _, _, n in schedule["per_batch"])
    # The schedule is fixed from the phase's start: batch k is due at start + 25 k / rate,
    # whenever the batches before it committed.
    start = schedule["start_s"]
    assert start == phase["start_s"]
    for k, (due, committed, n) in enumerate(schedule["per_batch"], start=1):
        assert due == pytest.approx(start + k * 25 / RATE, abs=0.002)
        assert start <= committed <= phase["end_s"] and n == 25
    committed_times = [c for _, c, _ in schedule["per_batch"]]
    assert committed_times == sorted(committed_times)
    # Lag: how long after its due time a batch committed, 0 when it was early.
    lags = sorted(max(0.0, c - d) for d, c, _ in schedule["per_batch"])
    assert schedule["lag_s"]["max"] == pytest.approx(lags[-1], abs=2e-6)
    assert 0 <= schedule["lag_s"]["p50"] <= schedule["lag_s"]["p99"] <= schedule["lag_s"]["max"]
    assert schedule["late_batches"] == sum(1 for lag in lags if lag > 0)
    head = paced["headline"]
    assert head["import_paced"] is True and head["import_rate_asked"] == RATE
    assert head["import_lag_max_s"] == schedule["lag_s"]["max"]


def test_the_text_and_html_reports_say_asked_and_achieved(paced: dict[str, Any]) -> None:
    achieved = paced["import"]["schedule"]["achieved_per_s"]
    text = render_text(paced)
    line = next(row for row in text.splitlines() if "import rate:" in row)
    assert "paced at 100 articles/s (batches of 25, one due every 0.25 s)" in line
    assert f"{achieved:.1f} articles/s achieved" in line and "lag p50" in line and "of 40 batches late" in line
    html = render_html(paced)
    assert "Import rate: paced at 100 articles/s" in html and f"{achieved:.1f} articles/s achieved" in html


def test_an_unpaced_import_says_so_and_has_no_schedule(tmp_path: Path) -> None:
    opts = BenchOptions(db_url=f"sqlite:///{tmp_path / 'u.db'}", seed=1, count=200, base_count=100, **QUIET)
    report = build_report(run_bench(opts))
    assert report["import"]["schedule"] is None
    assert report["options"]["import_rate"] is None
    head = report["headline"]
    assert head["import_paced"] is False and head["import_rate_asked"] is None
    assert f"import rate: unpaced (as fast as the database takes it), {head['import_rows_per_s']:.0f}" in render_text(
        report
    )
    assert "Import rate: unpaced" in render_html(report)


def test_a_slow_batch_is_caught_up_by_the_next_ones_not_pushed_onto_them() -> None:
    """Due times follow the articles committed since the start, not the previous commit: a batch
    committed late leaves the next ones' due times where they were (pgbench -R's schedule)."""
    start = 0  # long past: every batch is late, so nothing waits
    pacer = Pacer(1000.0, start)
    for n in (100, 50, 100):
        pacer.after_batch(n)
    pacer.after_batch(500, from_ledger=True)  # found in the ledger: no work, not on the schedule
    assert [(due, n) for due, _, n in pacer.batches] == [(100_000_000, 100), (150_000_000, 50), (250_000_000, 100)]
    assert pacer.articles == 250


def test_an_interrupt_ends_a_wait_at_once_and_raises_on_the_waiting_thread() -> None:
    """An interrupt must not wait out a slot (one article a minute here), and the thread that
    waited, the importer's writer on PostgreSQL, must stop rather than write on."""
    pacer = Pacer(1 / 60, time.monotonic_ns())
    raised: list[BaseException] = []

    def commit_one() -> None:
        try:
            pacer.after_batch(1)
        except BaseException as exc:
            raised.append(exc)

    waiter = threading.Thread(target=commit_one)
    waiter.start()
    pacer.interrupt()
    waiter.join(timeout=30)
    assert not waiter.is_alive()
    assert len(raised) == 1 and isinstance(raised[0], KeyboardInterrupt)
    assert len(pacer.batches) == 1  # the batch committed before the interrupt is on the record


def test_bad_import_rates_are_one_line_and_exit_2(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'bad.db'}"
    for args, expected in (
        (["--import-rate", "0"], "Error: --import-rate 0.0 must be > 0 articles per second"),
        (["--import-rate", "-1"], "Error: --import-rate -1.0 must be > 0 articles per second"),
        (["--import-rate", "50", "--read-only"], "Error: --import-rate paces the import phase, which --read-only"),
    ):
        result = CliRunner().invoke(main, ["bench", "--db", db, *args])
        assert result.exit_code == 2, result.output
        assert result.output.startswith(expected) and result.output.count("\n") == 1, result.output
    assert not (tmp_path / "bad.db").exists()
    with pytest.raises(InvalidArgument, match="--import-rate"):
        BenchOptions(import_rate=float("inf")).validate()


@pytest.mark.postgres
def test_ctrl_c_during_a_paced_postgresql_import_does_not_wait_out_the_slot(pg_url: str, tmp_path: Path) -> None:
    """On PostgreSQL the pacer waits on the importer's writer thread, where Ctrl-C does not
    reach. At one article a second in batches of 500, the writer waits 500 s after the first
    batch while the main thread, interrupted, waits for it: the run must end now, and write
    none of the batches already generated."""
    url = pg_url.replace("postgresql+psycopg://", "postgresql://")
    cmd = [str(Path(sys.executable).parent / "anp-synth"), "bench", "--db", url, "--seed", "1", "--count", "2500",
           "--base-count", "100", "--duration", "0.5", "--warmup", "0", "--readers", "1", "--rate", "20",
           "--import-rate", "1", "--batch-size", "500", "--no-explain", "--progress", "0.2",
           "--report", str(tmp_path / "r.json"), "--html", str(tmp_path / "r.html")]  # fmt: skip
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(
        cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True, env=env
    )
    assert proc.stderr is not None
    seen = []
    for line in proc.stderr:
        seen.append(line)
        # the first batch is committed (rows/s > 0) and the writer is waiting for its slot
        if line.startswith("progress:") and " import " in line and not line.rstrip().endswith(" 0 rows/s"):
            break
    os.killpg(proc.pid, signal.SIGINT)
    try:
        _, err = proc.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        pytest.fail("the paced import waited out its slot after Ctrl-C: " + "".join(seen))
    assert proc.returncode == 130, "".join(seen) + err
    assert "Traceback" not in err
    report = load_report(tmp_path / "r.json")
    assert report["interrupted"] is True
    schedule = report["import"]["schedule"]
    assert schedule["batch_size"] == 500 and schedule["batches"] == 1 and schedule["per_batch"][0][2] == 500
    assert report["phases"][1]["rows_imported"] == 500
    assert report["table_rows"]["anp_articles"] == 100 + 500  # nothing written after the interrupt
