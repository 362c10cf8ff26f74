"""Killed with SIGKILL part-way and started again, an import ends with exactly the rows of an uninterrupted one."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from anp_synth import generate
from anp_synth.db import import_generated

from .db_helpers import DIALECTS, assert_stores_exactly, count, execute, make_url, rows

COUNT = 600
BATCH = 20
COMMAND = ["import", "--seed", "100", "--count", str(COUNT), "--batch-size", str(BATCH)]


def _run_cli(args: list[str], *, output: bool = True) -> subprocess.Popen[str]:
    code = "import sys; from anp_synth.cli import main; sys.argv[0] = 'anp-synth'; main()"
    pipe = subprocess.PIPE if output else subprocess.DEVNULL
    return subprocess.Popen([sys.executable, "-c", code, *args], stdout=pipe, stderr=pipe, text=True)


def _ledger_batches(db_url: str) -> int:
    try:
        return count(db_url, "anp_import_ledger")
    except Exception:  # the tables may not exist yet
        return 0


@pytest.mark.parametrize("dialect", DIALECTS)
@pytest.mark.parametrize("kill_after", [2, 17])
def test_sigkill_part_way_then_resume_gives_exactly_the_rows_of_an_uninterrupted_run(
    dialect: str, kill_after: int, request: pytest.FixtureRequest
) -> None:
    db_url = make_url(request, dialect)
    reference = make_url(request, dialect, "uninterrupted.db")
    import_generated(reference, seed=100, count=COUNT, batch_size=BATCH)

    proc = _run_cli([*COMMAND, "--db", db_url], output=False)
    deadline = time.monotonic() + 120
    while _ledger_batches(db_url) < kill_after and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    assert proc.poll() is None, "the import finished before it could be killed: raise COUNT"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL

    committed = _ledger_batches(db_url)
    assert committed >= kill_after
    assert count(db_url) == sum(r[0] for r in execute(db_url, "select rows_inserted from anp_import_ledger"))
    assert count(db_url) < COUNT

    resumed = _run_cli([*COMMAND, "--db", db_url])
    out, err = resumed.communicate(timeout=300)
    assert resumed.returncode == 0, err
    assert f"already in ledger {committed}" in out
    assert "resumed   at seed" in out
    assert rows(db_url) == rows(reference)
    assert_stores_exactly(db_url, generate(seed=100, count=COUNT))
    assert _ledger_batches(db_url) == COUNT // BATCH
