"""Every stop says what happened: signals, a failed final step, missing indexes, bad inputs
before any side effect, and waits for a lock that are visible and bounded."""

from __future__ import annotations

import json
import os
import queue
import signal
import threading
import time
from pathlib import Path
from typing import Any

import psycopg
import pytest
from click.testing import CliRunner

from anp_synth.cli import main
from anp_synth.db import import_generated
from anp_synth.db.connect import parse_url
from anp_synth.db.postgres import conninfo
from anp_synth.db.sqlite import SqliteBackend
from anp_synth.errors import DatabaseError

from .cli_process import spawn_cli
from .db_helpers import DIALECTS, count, execute, make_url, rows


def _ledger_batches(db_url: str) -> int:
    try:
        return count(db_url, "anp_import_ledger")
    except Exception:  # the tables may not exist yet
        return 0


# --- signals ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("dialect", "signum"),
    [
        pytest.param("sqlite", signal.SIGINT, id="sqlite-SIGINT"),
        pytest.param("sqlite", signal.SIGTERM, id="sqlite-SIGTERM"),
        pytest.param("postgresql", signal.SIGTERM, id="postgresql-SIGTERM", marks=pytest.mark.postgres),
    ],
)
def test_a_signal_stops_at_a_batch_boundary_prints_the_summary_and_writes_the_report(
    dialect: str, signum: signal.Signals, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    db_url = make_url(request, dialect)
    command = ["import", "--seed", "100", "--count", "200", "--batch-size", "4", "--db", db_url]
    report_path = tmp_path / "report.json"
    proc = spawn_cli([*command, "--report", str(report_path)])
    while _ledger_batches(db_url) < 2 and proc.poll() is None:
        time.sleep(0.01)
    assert proc.poll() is None, "the import finished before the signal: raise --count"
    os.kill(proc.pid, signum)
    out, err = proc.communicate(timeout=300)

    assert proc.returncode == 128 + signum, err
    assert out.startswith("import interrupted: generated realistic seeds 100..299")
    assert err.strip().splitlines()[-1] == (
        f"Error: interrupted by {signum.name}: every batch committed before the stop is kept; "
        "run the same import again to resume"
    )
    report = json.loads(report_path.read_text())
    assert report["status"] == "interrupted"
    committed = _ledger_batches(db_url)
    assert report["batches"] == committed
    assert report["inserted"] == count(db_url) == 4 * committed < 200

    resumed = spawn_cli(command)
    out, err = resumed.communicate(timeout=300)
    assert resumed.returncode == 0, err
    reference = make_url(request, dialect, "reference.db")
    import_generated(reference, seed=100, count=200, batch_size=500)
    assert rows(db_url) == rows(reference)


def test_ctrl_c_to_the_whole_process_group_with_workers_stops_cleanly(tmp_path: Path) -> None:
    """A terminal's Ctrl-C reaches the worker processes too: they keep going, the importer stops."""
    db_url = f"sqlite:///{tmp_path / 'a.db'}"
    command = ["import", "--seed", "100", "--count", "400", "--batch-size", "4", "--workers", "2", "--db", db_url]
    proc = spawn_cli(command, new_session=True)
    while _ledger_batches(db_url) < 2 and proc.poll() is None:
        time.sleep(0.01)
    assert proc.poll() is None, "the import finished before the signal: raise --count"
    os.killpg(proc.pid, signal.SIGINT)
    out, err = proc.communicate(timeout=300)
    assert proc.returncode == 130, err
    assert out.startswith("import interrupted:")
    assert count(db_url) == 4 * _ledger_batches(db_url) < 400


# --- the last steps are part of the import ------------------------------------------------


def test_a_failed_final_checkpoint_is_an_error_not_complete(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db_url = f"sqlite:///{tmp_path / 'a.db'}"
    report_path = tmp_path / "report.json"
    # The checkpoint statement fails as a full disk makes it fail: an error from SQLite itself.
    monkeypatch.setattr("anp_synth.db.sqlite._CHECKPOINT", "SELECT * FROM anp_no_such_table")
    result = CliRunner().invoke(
        main, ["import", "--seed", "1", "--count", "20", "--db", db_url, "--report", str(report_path)]
    )
    assert result.exit_code == 1
    assert result.output.startswith("import aborted:")
    assert "Error: checkpointing sqlite:///" in result.output
    assert json.loads(report_path.read_text())["status"] == "aborted"

    monkeypatch.undo()
    again = CliRunner().invoke(main, ["import", "--seed", "1", "--count", "20", "--db", db_url])
    assert again.exit_code == 0, again.output
    assert again.output.startswith("import complete:")
    reference = f"sqlite:///{tmp_path / 'reference.db'}"
    import_generated(reference, seed=1, count=20)
    assert rows(db_url) == rows(reference)
    assert not Path(str(tmp_path / "a.db-wal")).exists() or Path(str(tmp_path / "a.db-wal")).stat().st_size == 0


def test_a_failed_index_build_is_an_error_not_complete(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db_url = f"sqlite:///{tmp_path / 'a.db'}"

    def no_space(self: SqliteBackend, version: int) -> None:
        raise DatabaseError(f"indexing {db_url}: database or disk is full")

    monkeypatch.setattr(SqliteBackend, "finish_load", no_space)
    with pytest.raises(DatabaseError, match="database or disk is full") as failed:
        import_generated(db_url, seed=1, count=5)
    assert failed.value.report.status == "aborted"  # type: ignore[attr-defined]


# --- indexes: reported, repaired ----------------------------------------------------------


@pytest.mark.parametrize("dialect", DIALECTS)
def test_db_status_reports_a_missing_index_and_db_repair_builds_it(
    dialect: str, request: pytest.FixtureRequest
) -> None:
    db_url = make_url(request, dialect)
    import_generated(db_url, seed=1, count=5)
    execute(db_url, "DROP INDEX ix_anp_post_meta_lookup")
    runner = CliRunner()
    status = runner.invoke(main, ["db", "status", "--db", db_url])
    assert status.exit_code == 0
    assert "problem         index ix_anp_post_meta_lookup is missing" in status.output
    assert "repair          run `anp-synth db repair --db URL` (the next import also repairs)" in status.output
    repaired = runner.invoke(main, ["db", "repair", "--db", db_url])
    assert repaired.output.endswith("repaired  index ix_anp_post_meta_lookup is missing\n")
    assert "problem" not in runner.invoke(main, ["db", "status", "--db", db_url]).output
    assert runner.invoke(main, ["db", "repair", "--db", db_url]).output.endswith(": nothing to repair\n")

    execute(db_url, "DROP INDEX ix_anp_articles_title_key")
    import_generated(db_url, seed=1, count=5)  # nothing to write: the ledger has it all, but the index is rebuilt
    assert "problem" not in runner.invoke(main, ["db", "status", "--db", db_url]).output


@pytest.mark.postgres
def test_an_invalid_postgresql_index_is_reported_and_rebuilt(pg_url: str) -> None:
    import_generated(pg_url, seed=1, count=5)
    execute(pg_url, "DROP INDEX ix_anp_articles_stack_views")
    # A concurrent build that fails leaves an index marked invalid (pg_index.indisvalid).
    with (
        psycopg.connect(**conninfo(parse_url(pg_url)), autocommit=True) as conn,
        pytest.raises(psycopg.errors.UniqueViolation),
    ):
        conn.execute("CREATE UNIQUE INDEX CONCURRENTLY ix_anp_articles_stack_views ON anp_articles ((1))")
    runner = CliRunner()
    status = runner.invoke(main, ["db", "status", "--db", pg_url])
    assert "problem         index ix_anp_articles_stack_views is invalid (its build was interrupted)" in status.output
    repaired = runner.invoke(main, ["db", "repair", "--db", pg_url])
    assert repaired.exit_code == 0, repaired.output
    assert "problem" not in runner.invoke(main, ["db", "status", "--db", pg_url]).output
    (definition,) = execute(pg_url, "SELECT indexdef FROM pg_indexes WHERE indexname = 'ix_anp_articles_stack_views'")
    assert "(stack, view_count)" in definition[0]


# --- nothing happens before the inputs are known good --------------------------------------


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["no-such-file.jsonl"], "Error: cannot read the input no-such-file.jsonl: No such file or directory"),
        (
            ["in.jsonl", "--profile", "hostile"],
            "Error: --profile applies to generated seeds; a file's records carry their own profile",
        ),
    ],
)
def test_a_bad_input_fails_before_any_database_file_is_created(
    args: list[str], message: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "in.jsonl").write_text("")
    result = CliRunner().invoke(main, ["import", *args, "--db", "sqlite:///target.db"])
    assert result.exit_code == 2
    assert result.output.strip() == message
    assert not (tmp_path / "target.db").exists()


def test_db_status_never_creates_a_database(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["db", "status", "--db", f"sqlite:///{tmp_path / 'none.db'}"])
    assert result.exit_code == 1
    assert result.output.count("\n") == 1 and "does not exist" in result.output
    assert list(tmp_path.iterdir()) == []


# --- waiting is visible and bounded ---------------------------------------------------------


def _hold_ledger_lock(db_url: str) -> psycopg.Connection[Any]:
    conn = psycopg.connect(**conninfo(parse_url(db_url)))
    conn.execute("LOCK TABLE anp_import_ledger IN ACCESS EXCLUSIVE MODE")
    return conn


@pytest.mark.postgres
def test_a_lock_held_by_another_session_is_reported_retried_and_given_up(pg_url: str) -> None:
    import_generated(pg_url, seed=1, count=5)
    holder = _hold_ledger_lock(pg_url)
    events: list[str] = []
    try:
        with pytest.raises(DatabaseError) as failed:
            import_generated(pg_url, seed=10, count=5, lock_timeout_s=0.5, retries=1, backoff_s=0.01,
                             on_event=events.append)  # fmt: skip
    finally:
        holder.close()
    message = str(failed.value)
    assert message.startswith("gave up after 2 attempts over ")
    assert "waited for a lock to read the ledger of postgresql+psycopg://" in message
    assert "(lock timeout 0.5 s): another session holds it" in message
    assert "stop the session holding the lock or give a longer --lock-timeout" in message
    assert len(events) == 1 and events[0].endswith("retry 1 of 1 in 0.0 s")
    report = failed.value.report  # type: ignore[attr-defined]
    assert (report.lock_waits, report.deadlocks, report.connections_lost) == (2, 0, 0)


@pytest.mark.postgres
def test_a_second_importer_behind_a_held_lock_says_so_within_the_lock_timeout(pg_url: str) -> None:
    import_generated(pg_url, seed=1, count=5)
    holder = _hold_ledger_lock(pg_url)
    proc = spawn_cli(["import", "--seed", "10", "--count", "5", "--db", pg_url, "--lock-timeout", "1"])
    lines: queue.Queue[str] = queue.Queue()
    assert proc.stderr is not None
    threading.Thread(target=lambda: [lines.put(line) for line in proc.stderr], daemon=True).start()  # type: ignore[union-attr]
    try:
        first = lines.get(timeout=120)
    finally:
        holder.close()  # release: the retry goes through
    assert first.startswith("waited for a lock to read the ledger of postgresql+psycopg://")
    assert "(lock timeout 1 s): another session holds it" in first
    out, _ = proc.communicate(timeout=300)
    assert proc.returncode == 0
    assert "lock waits 1  deadlocks 0  connections lost 0" in out
    assert count(pg_url) == 10


def test_a_batch_committed_by_a_concurrent_importer_is_counted_as_such(tmp_path: Path) -> None:
    db_url = f"sqlite:///{tmp_path / 'a.db'}"
    others: list[Any] = []

    def run_the_other_importer(stats: Any) -> None:
        if stats.batch_no == 0:  # between our first and second batch, another run commits our second
            others.append(import_generated(db_url, seed=5, count=5, batch_size=5))

    report = import_generated(db_url, seed=0, count=15, batch_size=5, on_batch=run_the_other_importer)
    assert others[0].inserted == 5
    assert (report.inserted, report.skipped, report.batches, report.batches_by_other_run) == (10, 5, 2, 1)
    assert report.resumed_at is None
    assert "concurrent     1 batches already committed by another run" in report.format_text()


def test_sqlite_busy_at_the_start_is_reported_and_retried(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import sqlite3

    db_url = f"sqlite:///{tmp_path / 'a.db'}"
    assert CliRunner().invoke(main, ["db", "init", "--db", db_url]).exit_code == 0
    from anp_synth.db.connect import SQLITE_PRAGMAS

    short_wait = tuple((name, "50" if name == "busy_timeout" else value) for name, value in SQLITE_PRAGMAS)
    monkeypatch.setattr("anp_synth.db.sqlite.SQLITE_PRAGMAS", short_wait)
    monkeypatch.setattr("anp_synth.db.connect.SQLITE_PRAGMAS", short_wait)
    holder = sqlite3.connect(tmp_path / "a.db", isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another writer: the import's first write transaction must wait
    events: list[str] = []

    def release(message: str) -> None:
        events.append(message)
        holder.execute("COMMIT")

    report = import_generated(db_url, seed=1, count=3, backoff_s=0.01, on_event=release)
    holder.close()
    assert len(events) == 1
    assert events[0].startswith(f"waited for a lock to prepare {db_url} (busy timeout): another session holds it")
    assert (report.inserted, report.lock_waits, report.retries, report.connections_lost) == (3, 1, 1, 0)


@pytest.mark.postgres
def test_a_schema_migration_held_by_another_session_is_a_bounded_wait(pg_url: str) -> None:
    holder = psycopg.connect(**conninfo(parse_url(pg_url)), autocommit=True)
    holder.execute("SELECT pg_advisory_lock(7355608301)")  # what `db upgrade` holds while it migrates
    events: list[str] = []
    try:
        with pytest.raises(DatabaseError) as failed:
            import_generated(pg_url, seed=1, count=3, lock_timeout_s=0.5, retries=1, backoff_s=0.01,
                             on_event=events.append)  # fmt: skip
    finally:
        holder.close()
    assert str(failed.value).startswith("gave up after 2 attempts over ")
    assert "waited for a lock to prepare postgresql+psycopg://" in str(failed.value)
    assert len(events) == 1
    assert import_generated(pg_url, seed=1, count=3).inserted == 3
