"""Killed with SIGKILL part-way and started again, an import ends with exactly the rows of an uninterrupted one.

No race with the clock: the import kills itself from its ``on_batch`` callback, which runs
right after batch N commits, so the kill lands at batch N on any machine, however fast.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import time

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.pool import NullPool

from anp_synth import generate
from anp_synth.db import import_generated
from anp_synth.db.connect import parse_url

from .db_helpers import DIALECTS, assert_stores_exactly, count, execute, make_url, rows, wait_for_sessions_to_end

COUNT = 600
BATCH = 20
COMMAND = ["import", "--seed", "100", "--count", str(COUNT), "--batch-size", str(BATCH)]

KILLED_AT_BATCH = """
import os, signal, sys
from anp_synth.db import import_generated

db_url, kill_after, count, batch = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
done = 0

def on_batch(stats):
    global done
    done += 1
    if done == kill_after:
        os.kill(os.getpid(), signal.SIGKILL)

import_generated(db_url, seed=100, count=count, batch_size=batch, on_batch=on_batch)
"""


def _cli(args: list[str]) -> subprocess.CompletedProcess[str]:
    code = "import sys; from anp_synth.cli import main; sys.argv[0] = 'anp-synth'; main()"
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=300)


@pytest.mark.parametrize("dialect", DIALECTS)
@pytest.mark.parametrize("kill_after", [2, 17])
def test_sigkill_part_way_then_resume_gives_exactly_the_rows_of_an_uninterrupted_run(
    dialect: str, kill_after: int, request: pytest.FixtureRequest
) -> None:
    db_url = make_url(request, dialect)
    reference = make_url(request, dialect, "uninterrupted.db")
    import_generated(reference, seed=100, count=COUNT, batch_size=BATCH)

    killed = subprocess.run(
        [sys.executable, "-c", KILLED_AT_BATCH, db_url, str(kill_after), str(COUNT), str(BATCH)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert killed.returncode == -signal.SIGKILL, killed.stderr

    assert count(db_url, "anp_import_ledger") == kill_after
    assert count(db_url) == kill_after * BATCH
    assert count(db_url) == sum(r[0] for r in execute(db_url, "select rows_inserted from anp_import_ledger"))

    resumed = _cli([*COMMAND, "--db", db_url])
    assert resumed.returncode == 0, resumed.stderr
    assert f"already in ledger {kill_after}" in resumed.stdout
    assert f"resumed   at seed {100 + kill_after * BATCH}" in resumed.stdout
    assert rows(db_url) == rows(reference)
    assert_stores_exactly(db_url, generate(seed=100, count=COUNT))
    assert count(db_url, "anp_import_ledger") == COUNT // BATCH


PAUSED_AT_BATCH = """
import sys
from anp_synth.db import import_generated

db_url, pause_after, count, batch = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
done = 0

def on_batch(stats):
    global done
    done += 1
    if done == pause_after:
        print("committed", done, flush=True)
        sys.stdin.readline()  # the parent says when to go on

import_generated(db_url, seed=100, count=count, batch_size=batch, on_batch=on_batch)
"""


@pytest.mark.postgres
def test_sigkill_inside_a_batch_transaction_loses_only_that_batch(request: pytest.FixtureRequest) -> None:
    """The batch after N is held inside its transaction by a lock on the ledger (its last write),
    and killed there: seen waiting in pg_stat_activity, so the kill lands mid-transaction."""
    db_url = make_url(request, "postgresql")
    reference = make_url(request, "postgresql", "uninterrupted.db")
    import_generated(reference, seed=100, count=COUNT, batch_size=BATCH)
    pause_after = 5

    engine = create_engine(parse_url(db_url), poolclass=NullPool)
    with subprocess.Popen(
        [sys.executable, "-c", PAUSED_AT_BATCH, db_url, str(pause_after), str(COUNT), str(BATCH)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    ) as child:
        try:
            assert child.stdout is not None and child.stdin is not None
            assert child.stdout.readline() == f"committed {pause_after}\n"
            with engine.connect() as conn:
                conn.execute(text("lock table anp_import_ledger in access exclusive mode"))
                child.stdin.write("go\n")
                child.stdin.flush()
                waiting = (
                    "select count(*) from pg_stat_activity "
                    "where application_name = 'anp-synth' and wait_event_type = 'Lock'"
                )
                deadline = time.monotonic() + 120  # a safety net only: the loop ends on the event
                while conn.execute(text(waiting)).scalar_one() == 0:
                    assert child.poll() is None, "the import ended before it reached the lock"
                    assert time.monotonic() < deadline, "the import never waited on the ledger lock"
                    time.sleep(0.01)
                child.send_signal(signal.SIGKILL)
                child.wait(timeout=60)
                conn.rollback()
        finally:
            if child.poll() is None:
                child.kill()
                child.wait()
            engine.dispose()
    assert child.returncode == -signal.SIGKILL

    # The killed batch's backend may outlive its client for a moment: wait for its rollback.
    wait_for_sessions_to_end(db_url)
    assert count(db_url, "anp_import_ledger") == pause_after
    assert count(db_url) == pause_after * BATCH

    resumed = _cli([*COMMAND, "--db", db_url])
    assert resumed.returncode == 0, resumed.stderr
    assert f"already in ledger {pause_after}" in resumed.stdout
    assert rows(db_url) == rows(reference)
    assert_stores_exactly(db_url, generate(seed=100, count=COUNT))
    assert count(db_url, "anp_import_ledger") == COUNT // BATCH
