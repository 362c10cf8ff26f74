"""``import --jobs N``: N writer connections store exactly the rows of one, and resume exactly after a kill.

Every wait below ends on an event the test controls: a batch is held inside its
transaction by the test's own uncommitted ledger row with the batch's key (the batch's
last write waits on the ledger's primary key), and the other stream is seen committing
later batches meanwhile. Time only bounds a wait that would otherwise hang (a failure).
"""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from sqlalchemy import Connection, create_engine, text
from sqlalchemy.pool import NullPool

from anp_synth import generate
from anp_synth.cli import main
from anp_synth.db import import_file, import_generated
from anp_synth.db.connect import parse_url
from anp_synth.db.jobs import seed_jobs
from anp_synth.db.report import BatchStats
from anp_synth.db.tuning import Tuning, choose_jobs
from anp_synth.errors import InvalidArgument
from anp_synth.parallel import write_dataset

from .db_helpers import assert_stores_exactly, catalog, count, execute, make_url, rows, wait_for_sessions_to_end
from .test_import_first_load import SECONDARY, _initialised, _secondary

COUNT = 300
BATCH = 10
HELD = 4
"""The batch the tests hold inside its transaction (numbered from 0)."""


def _ledger(db_url: str) -> list[tuple[Any, ...]]:
    """The ledger without what names the run (its id, its clock): what any run of the same input writes."""
    return execute(
        db_url,
        "select batch_key, batch_no, source, first_seed, last_seed, first_line, last_line, rows_read, "
        "rows_inserted, rows_updated, rows_skipped, rows_rejected, on_conflict from anp_import_ledger order by 1",
    )


def _hold(conn: Connection, key: str) -> None:
    """Take the ledger's key ``key`` in an open transaction: the batch of that key waits at its last write."""
    conn.execute(
        text(
            "insert into anp_import_ledger (batch_key, run_id, batch_no, source, rows_read, rows_inserted, "
            "rows_updated, rows_skipped, rows_rejected, on_conflict, tool_version, committed_at) "
            "values (:key, 'test', -1, 'test', 0, 0, 0, 0, 0, 'skip', 'test', 'now')"
        ),
        {"key": key},
    )


def _held_key(first_seed: int = 100) -> str:
    return list(seed_jobs(first_seed, COUNT, "realistic", BATCH))[HELD].key("skip")


@pytest.mark.postgres
def test_two_jobs_store_the_rows_and_the_ledger_of_one_for_a_generated_window(request: pytest.FixtureRequest) -> None:
    one = make_url(request, "postgresql", "one.db")
    two = make_url(request, "postgresql", "two.db")
    first = import_generated(one, seed=100, count=COUNT, batch_size=BATCH, jobs=1)
    second = import_generated(two, seed=100, count=COUNT, batch_size=BATCH, jobs=2)
    assert (first.jobs, second.jobs) == (1, 2)
    assert rows(two) == rows(one)
    assert _ledger(two) == _ledger(one)
    assert (second.inserted, second.batches, second.skipped) == (first.inserted, first.batches, first.skipped)
    assert_stores_exactly(two, generate(seed=100, count=COUNT))


@pytest.mark.postgres
def test_a_batch_held_in_its_transaction_does_not_hold_the_other_stream(request: pytest.FixtureRequest) -> None:
    """What makes the streams parallel: while one waits on the server, the other commits later batches."""
    url = make_url(request, "postgresql")
    engine = create_engine(parse_url(url), poolclass=NullPool)
    overtaken = threading.Event()
    committed: list[int] = []
    outcome: list[Any] = []

    def on_batch(stats: BatchStats) -> None:
        committed.append(stats.batch_no)
        if stats.batch_no > HELD and HELD not in committed:
            overtaken.set()

    def load() -> None:
        try:
            outcome.append(import_generated(url, seed=100, count=COUNT, batch_size=BATCH, jobs=2, on_batch=on_batch,
                                            lock_timeout_s=600))  # fmt: skip
        except BaseException as exc:
            outcome.append(exc)

    import_generated(url, seed=0, count=1)  # tables exist and hold a row: no index to drop while the test holds a key
    thread = threading.Thread(target=load)
    try:
        with engine.connect() as conn:
            _hold(conn, _held_key())
            thread.start()
            assert overtaken.wait(120), f"no batch after {HELD} committed while it was held: {committed}"
            conn.rollback()
        thread.join(120)
    finally:
        engine.dispose()
    report = outcome[0]
    assert not isinstance(report, BaseException), report
    assert report.batches == COUNT // BATCH and sorted(committed) == list(range(COUNT // BATCH))
    assert committed.index(HELD) > committed.index(HELD + 1)


@pytest.fixture(scope="module")
def tricky_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Records with what the importer must judge in input order: exact copies and other
    content under a reference seen in an earlier batch, and a line that is not a record."""
    path = tmp_path_factory.mktemp("records") / "records.jsonl"
    write_dataset(str(path), seed=700, count=80, workers=1)
    lines = path.read_bytes().splitlines(keepends=True)
    other = json.loads(lines[12])
    other["title"] = other["title"] + " (edited)"
    extra = [lines[3], json.dumps(other).encode() + b"\n", b"not a record\n", lines[40]]
    mixed = lines[:30] + extra[:2] + lines[30:55] + extra[2:] + lines[55:]
    path.write_bytes(b"".join(mixed))
    return path


def _sorted_lines(path: str) -> list[str]:
    return sorted(Path(path).read_text().splitlines())


@pytest.mark.postgres
def test_connections_lost_mid_load_are_retried_each_on_its_own_and_the_rows_are_exact(
    request: pytest.FixtureRequest,
) -> None:
    """Every session of the import is terminated by the server after batch 3 (a restart, as a
    stream sees it): each stream reconnects and retries its batch, and the first load still
    ends with its indexes, built over the first stream's new connection."""
    url = make_url(request, "postgresql")
    reference = make_url(request, "postgresql", "reference.db")
    import_generated(reference, seed=100, count=COUNT, batch_size=BATCH, jobs=1)
    terminated: list[int] = []

    def on_batch(stats: BatchStats) -> None:
        if len(terminated) == 0 and stats.batch_no >= 3:
            found = execute(url, "select pg_terminate_backend(pid) from pg_stat_activity where application_name = "
                                 "'anp-synth' and datname = current_database() and pid <> pg_backend_pid()")  # fmt: skip
            terminated.append(len(found))

    report = import_generated(url, seed=100, count=COUNT, batch_size=BATCH, jobs=2, on_batch=on_batch, backoff_s=0.01)
    assert terminated == [2]  # both streams' sessions
    assert report.connections_lost >= 1 and report.retries == report.connections_lost
    assert report.batches == COUNT // BATCH and report.inserted == COUNT
    assert rows(url) == rows(reference)
    assert _secondary(url) == SECONDARY


@pytest.mark.postgres
def test_two_jobs_store_the_rows_rejects_and_counts_of_one_for_a_file(
    request: pytest.FixtureRequest, tricky_file: Path, tmp_path: Path
) -> None:
    one = make_url(request, "postgresql", "one.db")
    two = make_url(request, "postgresql", "two.db")
    common = {"batch_size": 7, "on_error": "skip"}
    first = import_file(str(tricky_file), one, jobs=1, rejects_path=str(tmp_path / "one.rejects"), **common)
    second = import_file(str(tricky_file), two, jobs=2, rejects_path=str(tmp_path / "two.rejects"), **common)
    assert first.rejected >= 2 and first.skipped >= 2  # the file exercises the rules it is meant to
    assert rows(two) == rows(one)
    assert _ledger(two) == _ledger(one)
    counts = ("rows_read", "inserted", "updated", "skipped", "rejected", "batches", "bytes_read")
    assert [getattr(second, c) for c in counts] == [getattr(first, c) for c in counts]
    assert _sorted_lines(str(tmp_path / "two.rejects")) == _sorted_lines(str(tmp_path / "one.rejects"))


@pytest.mark.postgres
def test_a_first_load_with_two_jobs_ends_with_the_catalog_of_db_init(request: pytest.FixtureRequest) -> None:
    url = make_url(request, "postgresql")
    out = CliRunner().invoke(main, ["import", "--seed", "100", "--count", str(COUNT), "--batch-size", str(BATCH),
                                    "--jobs", "2", "--db", url, "--no-progress"])  # fmt: skip
    assert out.exit_code == 0, out.output
    assert "jobs 2" in out.output
    assert _secondary(url) == SECONDARY
    assert catalog(url) == catalog(_initialised(request, "postgresql"))
    assert_stores_exactly(url, generate(seed=100, count=COUNT))


KILLED_WITH_A_GAP = """
import os, signal, sys
from anp_synth.db import import_generated

db_url, held, count, batch = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
done = set()

def on_batch(stats):
    done.add(stats.batch_no)
    if stats.batch_no == 0:
        print("first", flush=True)
        sys.stdin.readline()  # the parent holds batch `held` meanwhile
    if stats.batch_no > held and held not in done:
        os.kill(os.getpid(), signal.SIGKILL)  # a later batch committed while `held` waits: a gap

import_generated(db_url, seed=100, count=count, batch_size=batch, jobs=2, on_batch=on_batch, lock_timeout_s=600)
"""


def _cli(args: list[str]) -> subprocess.CompletedProcess[str]:
    code = "import sys; from anp_synth.cli import main; sys.argv[0] = 'anp-synth'; main()"
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=300)


@pytest.mark.postgres
def test_sigkill_with_batches_committed_out_of_order_then_resume_gives_exactly_the_rows(
    request: pytest.FixtureRequest,
) -> None:
    url = make_url(request, "postgresql")
    reference = make_url(request, "postgresql", "uninterrupted.db")
    import_generated(reference, seed=100, count=COUNT, batch_size=BATCH, jobs=1)
    engine = create_engine(parse_url(url), poolclass=NullPool)
    with subprocess.Popen(
        [sys.executable, "-c", KILLED_WITH_A_GAP, url, str(HELD), str(COUNT), str(BATCH)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    ) as child:  # fmt: skip
        try:
            assert child.stdout is not None and child.stdin is not None
            assert child.stdout.readline() == "first\n", child.stderr.read() if child.stderr else ""
            with engine.connect() as conn:
                _hold(conn, _held_key())
                child.stdin.write("go\n")
                child.stdin.flush()
                child.wait(timeout=120)
                conn.rollback()
        finally:
            if child.poll() is None:
                child.kill()
                child.wait()
            engine.dispose()
    assert child.returncode == -signal.SIGKILL

    # The held batch's backend outlives its client until the test's rollback lets it see the client gone.
    wait_for_sessions_to_end(url)
    numbers = {n for (n,) in execute(url, "select batch_no from anp_import_ledger")}
    # Two streams: while one waited on batch HELD, the other committed every batch before it and the next one.
    assert numbers == {*range(HELD), HELD + 1}
    assert count(url) == (HELD + 1) * BATCH
    assert _secondary(url) == set()  # killed in the data phase of a first load

    resumed = _cli(["import", "--seed", "100", "--count", str(COUNT), "--batch-size", str(BATCH), "--jobs", "2",
                    "--db", url])  # fmt: skip
    assert resumed.returncode == 0, resumed.stderr
    assert f"already in ledger {HELD + 1}" in resumed.stdout
    assert f"committed {COUNT // BATCH - HELD - 1} " in resumed.stdout
    assert f"resumed   at seed {100 + HELD * BATCH} (after {HELD} batches found in the ledger)" in resumed.stdout
    assert rows(url) == rows(reference)
    assert catalog(url) == catalog(_initialised(request, "postgresql"))
    assert count(url, "anp_import_ledger") == COUNT // BATCH


@pytest.mark.parametrize("how", ["cli", "library"])
def test_more_than_one_job_on_sqlite_is_refused_before_the_database_is_touched(tmp_path: Path, how: str) -> None:
    db = tmp_path / "anp.db"
    if how == "cli":
        out = CliRunner().invoke(
            main, ["import", "--seed", "1", "--count", "3", "--jobs", "2", "--db", f"sqlite:///{db}"]
        )
        assert out.exit_code == 2
        assert out.output.count("\n") == 1 and "--jobs" in out.output and "SQLite" in out.output, out.output
    else:
        with pytest.raises(InvalidArgument, match="--jobs applies to PostgreSQL only"):
            import_generated(f"sqlite:///{db}", seed=1, count=3, jobs=2)
    assert not db.exists()


@pytest.mark.parametrize("jobs", [0, 65, True, 1.5])
def test_jobs_outside_1_to_64_is_refused(tmp_path: Path, jobs: Any) -> None:
    with pytest.raises(InvalidArgument, match="jobs="):
        import_generated(f"sqlite:///{tmp_path / 'anp.db'}", seed=1, count=3, jobs=jobs)


_BASE = Tuning(batch_size=1000, workers=0, reason="chosen")


@pytest.mark.parametrize(
    ("dialect", "records", "given", "client", "server", "expected"),
    [
        ("postgresql", 100_000, None, 2, 2, 2),
        ("postgresql", 100_000, None, 1, 16, 2),  # one client core keeps two streams busy
        ("postgresql", 100_000, None, 16, 16, 4),  # never more than MAX_AUTO_JOBS unasked
        ("postgresql", 100_000, None, 1, 1, 1),
        ("postgresql", 1_000, None, 16, 16, 1),  # small: one stream, batches in input order
        ("postgresql", None, None, 16, 16, 1),  # unsized (stdin, records): likewise
        ("sqlite", 100_000, None, 16, 16, 1),
        ("postgresql", 100_000, 7, 2, 2, 7),
    ],
)
def test_the_default_number_of_jobs_follows_the_cores_and_the_input(
    dialect: str, records: int | None, given: int | None, client: int, server: int, expected: int
) -> None:
    chosen = choose_jobs(_BASE, dialect, records, given, cpus=client, server=server)
    assert chosen.jobs == expected
    if dialect == "postgresql":
        assert chosen.reason.startswith("chosen; ") and f"jobs {expected}" in chosen.reason
    else:  # SQLite's one writer is not a choice: the reason stays the batch size's and the workers'
        assert chosen.reason == "chosen"
