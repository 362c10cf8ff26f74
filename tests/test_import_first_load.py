"""A first load defers the secondary indexes and builds them once; it ends exactly like `db init` plus rows.

Every kill below happens at an event the test controls (the importer blocked reading its
stdin, or blocked on a lock the test holds), never after a guessed amount of time.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

import pytest
from click.testing import CliRunner

from anp_synth.cli import main
from anp_synth.db import import_file, import_generated
from anp_synth.db.connect import parse_url
from anp_synth.db.migrations import HEAD
from anp_synth.db.postgres import PostgresBackend
from anp_synth.parallel import write_dataset

from .db_helpers import DIALECTS, catalog, count, execute, make_url, rows

BATCH = 5
COUNT = 40
SECONDARY = {
    "ix_anp_articles_admin_list",
    "ix_anp_articles_needs_review",
    "ix_anp_articles_stack_views",
    "ix_anp_articles_title_key",
    "ix_anp_post_meta_lookup",
}


@pytest.fixture(scope="module")
def lines(tmp_path_factory: pytest.TempPathFactory) -> list[bytes]:
    path = tmp_path_factory.mktemp("records") / "records.jsonl"
    write_dataset(str(path), seed=500, count=COUNT, workers=1)
    return path.read_bytes().splitlines(keepends=True)


def _secondary(db_url: str) -> set[str]:
    if db_url.startswith("sqlite"):
        sql = "select name from sqlite_master where type = 'index' and name like 'ix_anp_%'"
    else:
        sql = "select indexname from pg_indexes where schemaname = current_schema() and indexname like 'ix_anp_%'"
    return {name for (name,) in execute(db_url, sql)}


CHILD_KEYS = {"anp_entities_pkey", "anp_post_meta_pkey", "anp_similar_posts_pkey"}
"""The child tables' primary keys, which a PostgreSQL first load defers too (SQLite's are the tables' own order)."""


def _child_keys(db_url: str) -> set[str]:
    """The child tables' primary-key constraints present (SQLite's cannot be dropped: always all three)."""
    if db_url.startswith("sqlite"):
        return set(CHILD_KEYS)
    sql = ("select conname from pg_constraint where contype = 'p' and connamespace = current_schema()::regnamespace "
           "and conrelid::regclass::text in ('anp_post_meta', 'anp_entities', 'anp_similar_posts')")  # fmt: skip
    return {name for (name,) in execute(db_url, sql)}


def _initialised(request: pytest.FixtureRequest, dialect: str) -> str:
    url = make_url(request, dialect, "init.db")
    assert CliRunner().invoke(main, ["db", "init", "--db", url]).exit_code == 0
    return url


def _reference(request: pytest.FixtureRequest, dialect: str, path: Path) -> str:
    """The same records loaded the slow way: into tables that already hold an article."""
    url = make_url(request, dialect, "reference.db")
    import_generated(url, seed=10_000, count=1)
    import_file(str(path), url, batch_size=BATCH)
    execute(url, "delete from anp_articles where seed = 10000")
    for table in ("anp_post_meta", "anp_entities", "anp_similar_posts"):
        execute(url, f"delete from {table} where article_id = {10_000 * 4}")
    return url


def _importer(db_url: str) -> subprocess.Popen[bytes]:
    code = "import sys; from anp_synth.cli import main; sys.argv[0] = 'anp-synth'; main()"
    args = [sys.executable, "-c", code, "import", "-", "--db", db_url, "--batch-size", str(BATCH), "--no-progress"]
    return subprocess.Popen(args, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def _wait_for(condition: Callable[[], bool], proc: subprocess.Popen[bytes], what: str) -> None:
    deadline = time.monotonic() + 120
    while not condition():
        if proc.poll() is not None:
            _, err = proc.communicate()
            pytest.fail(f"the importer ended before {what}: {err!r}")
        assert time.monotonic() < deadline, f"never saw {what}"
        time.sleep(0.02)


def _ledger(db_url: str) -> int:
    try:
        return count(db_url, "anp_import_ledger")
    except Exception:  # no tables yet
        return 0


def _kill(proc: subprocess.Popen[bytes]) -> None:
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    for pipe in (proc.stdin, proc.stderr):
        if pipe is not None and not pipe.closed:
            with contextlib.suppress(BrokenPipeError):
                pipe.close()
    assert proc.returncode == -signal.SIGKILL


def _write(pipe: IO[bytes] | None, data: list[bytes]) -> None:
    """Hand the importer these lines, all of them: its reader takes stdin in 64 KiB blocks, so
    blank lines (skipped, never records) push the last of them through."""
    assert pipe is not None
    pipe.write(b"".join(data) + b"\n" * (1 << 16))
    pipe.flush()


def _resume(db_url: str, path: Path) -> None:
    out = subprocess.run(
        [sys.executable, "-m", "anp_synth", "import", str(path), "--db", db_url, "--batch-size", str(BATCH),
         "--no-progress"], capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert out.returncode == 0, out.stderr
    assert "already in ledger" in out.stdout


@pytest.fixture
def records_file(tmp_path: Path, lines: list[bytes]) -> Path:
    path = tmp_path / "records.jsonl"
    path.write_bytes(b"".join(lines))
    return path


def _autovacuum_paused(db_url: str) -> set[str]:
    """The data tables a first load has paused autovacuum on (PostgreSQL; SQLite has no autovacuum to pause)."""
    if not db_url.startswith("postgresql"):
        return set()
    found = execute(db_url, "select relname from pg_class where relname like 'anp!_%' escape '!' "
                            "and 'autovacuum_enabled=false' = any(reloptions)")  # fmt: skip
    return {name for (name,) in found}


PAUSED = {"anp_articles", "anp_post_meta", "anp_entities", "anp_similar_posts"}


def _analyzed(db_url: str) -> set[str]:
    """Data tables PostgreSQL holds column statistics for."""
    sql = "select distinct tablename from pg_stats where schemaname = current_schema() and tablename like 'anp!_%' escape '!'"
    return {name for (name,) in execute(db_url, sql)} - {"anp_import_ledger", "anp_schema_version"}


@pytest.mark.parametrize("dialect", DIALECTS)
def test_a_first_load_ends_with_the_catalog_of_db_init_and_the_rows_of_a_slow_load(
    request: pytest.FixtureRequest, dialect: str, records_file: Path
) -> None:
    url = make_url(request, dialect)
    report = import_file(str(records_file), url, batch_size=BATCH)
    assert report.inserted == COUNT
    assert catalog(url) == catalog(_initialised(request, dialect))
    assert rows(url) == rows(_reference(request, dialect, records_file))
    if dialect == "postgresql":
        # ANALYZE ran after the build: column statistics and the version-3 dependencies are there
        assert _analyzed(url) == {"anp_articles", "anp_post_meta", "anp_entities", "anp_similar_posts"}
        assert execute(url, "select count(*) from pg_statistic_ext_data d join pg_statistic_ext s "
                            "on s.oid = d.stxoid where s.stxname = 'anp_post_meta_value_dep'") == [(1,)]  # fmt: skip


@pytest.mark.parametrize("dialect", DIALECTS)
def test_the_data_phase_of_a_first_load_runs_without_the_secondary_indexes(
    request: pytest.FixtureRequest, dialect: str, lines: list[bytes]
) -> None:
    url = make_url(request, dialect)
    proc = _importer(url)
    _write(proc.stdin, lines[: 2 * BATCH])
    _wait_for(lambda: _ledger(url) == 2, proc, "two committed batches")
    assert _secondary(url) == set()  # blocked on its input, mid-load
    assert _child_keys(url) == (set() if dialect == "postgresql" else CHILD_KEYS)
    assert _autovacuum_paused(url) == (PAUSED if dialect == "postgresql" else set())
    assert proc.stdin is not None
    _write(proc.stdin, lines[2 * BATCH :])
    _, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err
    assert _secondary(url) == SECONDARY
    assert _child_keys(url) == CHILD_KEYS
    assert _autovacuum_paused(url) == set()


@pytest.mark.parametrize("dialect", DIALECTS)
def test_a_load_into_tables_holding_rows_keeps_every_index_throughout(
    request: pytest.FixtureRequest, dialect: str, lines: list[bytes]
) -> None:
    url = make_url(request, dialect)
    import_generated(url, seed=0, count=3)
    proc = _importer(url)
    _write(proc.stdin, lines[: 2 * BATCH])
    _wait_for(lambda: _ledger(url) == 3, proc, "two more committed batches")
    assert _secondary(url) == SECONDARY
    assert _child_keys(url) == CHILD_KEYS
    assert _autovacuum_paused(url) == set()  # readers and autovacuum keep working on a loaded table
    assert proc.stdin is not None
    _, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err
    assert _secondary(url) == SECONDARY


@pytest.mark.parametrize("dialect", DIALECTS)
def test_sigkill_in_the_data_phase_then_resume_gives_the_rows_and_indexes_of_a_slow_load(
    request: pytest.FixtureRequest, dialect: str, lines: list[bytes], records_file: Path
) -> None:
    url = make_url(request, dialect)
    proc = _importer(url)
    _write(proc.stdin, lines[: 3 * BATCH + 2])
    _wait_for(lambda: _ledger(url) == 3, proc, "three committed batches")
    _kill(proc)
    assert count(url) == 3 * BATCH
    assert _secondary(url) == set()
    assert _child_keys(url) == (set() if dialect == "postgresql" else CHILD_KEYS)
    _resume(url, records_file)
    assert rows(url) == rows(_reference(request, dialect, records_file))
    assert catalog(url) == catalog(_initialised(request, dialect))


@pytest.mark.postgres
def test_a_load_killed_in_its_data_phase_is_finished_by_db_repair_autovacuum_included(
    request: pytest.FixtureRequest, lines: list[bytes]
) -> None:
    url = make_url(request, "postgresql")
    proc = _importer(url)
    _write(proc.stdin, lines[: 2 * BATCH + 1])
    _wait_for(lambda: _ledger(url) == 2, proc, "two committed batches")
    _kill(proc)
    assert _autovacuum_paused(url) == PAUSED and _secondary(url) == set() and _child_keys(url) == set()
    status = CliRunner().invoke(main, ["db", "status", "--db", url])
    for key in sorted(CHILD_KEYS):
        assert f"index {key} is missing" in status.output
    out = CliRunner().invoke(main, ["db", "repair", "--db", url])
    assert out.exit_code == 0, out.output
    assert _autovacuum_paused(url) == set() and _secondary(url) == SECONDARY and _child_keys(url) == CHILD_KEYS
    assert catalog(url) == catalog(_initialised(request, "postgresql"))


@pytest.mark.parametrize("dialect", DIALECTS)
def test_another_import_merging_into_a_first_load_in_progress_stores_each_article_once(
    request: pytest.FixtureRequest, dialect: str, lines: list[bytes], records_file: Path
) -> None:
    """While keys are deferred, a second importer's batches overlap the rows already loaded: its
    merge path (staging, ON CONFLICT on the article keys, children only for articles it wrote) must
    neither duplicate a child row nor lose one, or the keys could not be built at the end."""
    url = make_url(request, dialect)
    proc = _importer(url)
    _write(proc.stdin, lines[: 2 * BATCH])
    _wait_for(lambda: _ledger(url) == 2, proc, "two committed batches")
    overlapping = records_file.with_name("overlapping.jsonl")
    overlapping.write_bytes(b"".join(lines[BATCH : 4 * BATCH]))  # 5 stored, 10 not yet
    report = import_file(str(overlapping), url, batch_size=3)  # other batches, other ledger keys
    assert (report.inserted, report.skipped) == (2 * BATCH, BATCH)
    assert proc.stdin is not None
    _write(proc.stdin, lines[2 * BATCH :])
    _, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err
    assert rows(url) == rows(_reference(request, dialect, records_file))
    assert catalog(url) == catalog(_initialised(request, dialect))


def _lock_rows_only(url: str) -> Any:
    """Another session holding ``anp_post_meta`` ROW EXCLUSIVE until rolled back.

    Rows can still be written (COPY takes the same, compatible mode) but no index can be
    built on the table: CREATE INDEX waits for a SHARE lock, visibly, in pg_stat_activity.
    """
    import psycopg

    from anp_synth.db.postgres import conninfo

    conn = psycopg.connect(**conninfo(parse_url(url)))
    conn.execute("LOCK TABLE anp_post_meta IN ROW EXCLUSIVE MODE")
    return conn


def _building(url: str) -> bool:
    """A session is waiting for a lock inside the build (a child key, then CREATE INDEX): it has started and is held."""
    sql = ("select count(*) from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock' "
           "and (query like 'CREATE INDEX%' or query like 'ALTER TABLE % ADD CONSTRAINT %')")  # fmt: skip
    return execute(url, sql) == [(1,)]


@pytest.mark.postgres
@pytest.mark.parametrize("finisher", ["import", "db upgrade"])
def test_sigkill_during_the_index_build_then_the_next_run_builds_them_all(
    request: pytest.FixtureRequest, lines: list[bytes], records_file: Path, finisher: str
) -> None:
    url = make_url(request, "postgresql")
    proc = _importer(url)
    _write(proc.stdin, lines[:BATCH])
    _wait_for(lambda: _ledger(url) == 1, proc, "the first committed batch")
    holder = _lock_rows_only(url)  # taken after the drop, so it holds up the build only
    try:
        assert proc.stdin is not None
        _write(proc.stdin, lines[BATCH:])
        proc.stdin.close()
        _wait_for(lambda: _building(url), proc, "CREATE INDEX waiting for its lock")
        assert _ledger(url) == COUNT // BATCH  # every row is in: the kill lands in the build
        _kill(proc)
    finally:
        holder.rollback()
        holder.close()
    # The server finds its client gone once the lock is released, and the build's one
    # transaction rolls back whole: no index half built, no INVALID one left behind.
    if finisher == "import":
        _resume(url, records_file)
    else:
        result = CliRunner().invoke(main, ["db", "upgrade", "--db", url])
        assert result.exit_code == 0, result.output
    assert _secondary(url) == SECONDARY and _child_keys(url) == CHILD_KEYS
    assert execute(url, "select count(*) from pg_index i join pg_class c on c.oid = i.indexrelid "
                        "where not i.indisvalid and c.relname like 'ix_anp_%'") == [(0,)]  # fmt: skip
    assert rows(url) == rows(_reference(request, "postgresql", records_file))
    assert catalog(url) == catalog(_initialised(request, "postgresql"))


@pytest.mark.postgres
def test_an_invalid_index_is_dropped_and_built_again_by_the_next_import(
    request: pytest.FixtureRequest, records_file: Path
) -> None:
    url = make_url(request, "postgresql")
    import_file(str(records_file), url, batch_size=BATCH)
    # what a failed CREATE INDEX CONCURRENTLY leaves: an index the planner never uses
    execute(url, "update pg_index set indisvalid = false where indexrelid = 'ix_anp_articles_title_key'::regclass")
    import_generated(url, seed=0, count=BATCH)
    assert execute(url, "select indisvalid from pg_index where indexrelid = 'ix_anp_articles_title_key'::regclass") == [
        (True,)
    ]
    assert catalog(url) == catalog(_initialised(request, "postgresql"))


@pytest.mark.parametrize("dialect", DIALECTS)
def test_two_importers_starting_together_on_an_empty_database_both_finish_with_every_index_once(
    request: pytest.FixtureRequest, dialect: str, records_file: Path
) -> None:
    url = make_url(request, dialect)
    errors: list[BaseException] = []

    def load(seed: int) -> None:
        try:
            import_generated(url, seed=seed, count=4 * BATCH, batch_size=BATCH)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=load, args=(seed,)) for seed in (0, 3 * BATCH)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert count(url) == 7 * BATCH
    assert catalog(url) == catalog(_initialised(request, dialect))


def _session(url: str) -> Any:
    """A psycopg session standing for another importer's batch, its transaction left open."""
    import psycopg

    from anp_synth.db.postgres import conninfo

    conn = psycopg.connect(**conninfo(parse_url(url)))
    conn.execute("SET lock_timeout = '30s'")  # a hang becomes a failure, never a stuck suite
    return conn


def _waiting_on_articles(url: str, mode: str) -> list[int]:
    """Backends waiting for ``anp_articles`` in ``mode`` (pg_locks' spelling, e.g. ``ShareLock``)."""
    sql = ("select pid from pg_locks where not granted and relation = 'anp_articles'::regclass "
           f"and mode = '{mode}'")  # fmt: skip
    return [pid for (pid,) in execute(url, sql)]


def _child_locks(url: str, pid: int) -> list[tuple[str, str]]:
    """The locks ``pid`` holds on the child tables, other than the ACCESS SHARE any reader takes."""
    sql = ("select relation::regclass::text, mode from pg_locks where granted and pid = "
           f"{pid} and relation::regclass::text in ('anp_post_meta', 'anp_entities', 'anp_similar_posts') "
           "and mode <> 'AccessShareLock' order by 1, 2")  # fmt: skip
    return [(str(table), str(mode)) for table, mode in execute(url, sql)]


def _started(work: Callable[[], object]) -> tuple[threading.Thread, list[BaseException]]:
    """``work`` running in a thread, and the list its exception lands in (empty if it succeeded)."""
    errors: list[BaseException] = []

    def run() -> None:
        try:
            work()
        except BaseException as exc:
            errors.append(exc)

    thread = threading.Thread(target=run)
    thread.start()
    return thread, errors


def _until(condition: Callable[[], list[int]], what: str) -> list[int]:
    deadline = time.monotonic() + 60
    while not (found := condition()):
        assert time.monotonic() < deadline, f"never saw {what}"
        time.sleep(0.02)
    return found


@pytest.mark.postgres
@pytest.mark.parametrize("finisher", ["build", "db repair"])
def test_a_build_waits_for_a_batch_in_flight_without_holding_a_child_table_so_the_batch_can_finish(
    request: pytest.FixtureRequest, lines: list[bytes], records_file: Path, finisher: str
) -> None:
    """The lock order that keeps a second importer's batch and the build from deadlocking.

    A batch locks anp_articles (its COPY), then the child tables. The build must not hold a
    child table (ADD CONSTRAINT locks it ACCESS EXCLUSIVE) while it waits for anp_articles:
    that cycle is the deadlock two importers starting together on an empty database met.
    """
    url = make_url(request, "postgresql")
    proc = _importer(url)
    _write(proc.stdin, lines[: 2 * BATCH + 1])
    _wait_for(lambda: _ledger(url) == 2, proc, "two committed batches")
    _kill(proc)  # keys and indexes left to build
    batch = _session(url)
    batch.execute("LOCK TABLE anp_articles IN ROW EXCLUSIVE MODE")  # what its COPY into anp_articles takes

    def finish() -> None:
        if finisher == "build":  # what an import ends with
            backend = PostgresBackend(parse_url(url))
            try:
                backend.finish_load(HEAD)
            finally:
                backend.close()
        else:
            result = CliRunner().invoke(main, ["db", "repair", "--db", url])
            assert result.exit_code == 0, result.output

    thread, errors = _started(finish)
    try:
        (builder,) = _until(lambda: _waiting_on_articles(url, "ShareLock"), "the build waiting for anp_articles")
        assert _child_locks(url, builder) == []
        batch.execute("LOCK TABLE anp_post_meta IN ROW EXCLUSIVE MODE")  # its COPY of the post-meta rows
        batch.commit()
    finally:
        batch.close()
        thread.join()
    assert errors == []
    assert catalog(url) == catalog(_initialised(request, "postgresql"))
    _resume(url, records_file)
    assert rows(url) == rows(_reference(request, "postgresql", records_file))


@pytest.mark.postgres
def test_a_merging_batch_locks_anp_articles_before_any_child_table(
    request: pytest.FixtureRequest, records_file: Path
) -> None:
    """The replace path deletes an article's children before it updates the article: it must hold
    anp_articles first, or a build holding anp_articles and waiting for a child table closes a cycle."""
    url = make_url(request, "postgresql")
    import_file(str(records_file), url, batch_size=BATCH)
    execute(url, "update anp_articles set hash = 'edited' where seed = 500")  # stored differs: replaced
    build = _session(url)
    build.execute("LOCK TABLE anp_articles IN SHARE MODE")  # what a build holds while it indexes
    merger, errors = _started(lambda: import_file(str(records_file), url, batch_size=BATCH + 1, on_conflict="update"))
    try:
        (loader,) = _until(lambda: _waiting_on_articles(url, "RowExclusiveLock"), "the batch waiting for anp_articles")
        assert _child_locks(url, loader) == []
        build.execute("LOCK TABLE anp_post_meta IN ACCESS EXCLUSIVE MODE")  # the build's ADD CONSTRAINT
        build.rollback()
    finally:
        build.close()
        merger.join()
    assert errors == []
    assert rows(url) == rows(_reference(request, "postgresql", records_file))


@pytest.mark.postgres
def test_a_build_that_times_out_on_a_lock_is_retried_and_the_load_completes(
    request: pytest.FixtureRequest, lines: list[bytes], records_file: Path
) -> None:
    """The build is one transaction: when it cannot get its lock in time it rolls back whole,
    and the importer tries it again as it does a batch, told on stderr, rather than failing
    a load whose every row is in."""
    url = make_url(request, "postgresql")
    code = "import sys; from anp_synth.cli import main; sys.argv[0] = 'anp-synth'; main()"
    args = [sys.executable, "-c", code, "import", "-", "--db", url, "--batch-size", str(BATCH), "--no-progress",
            "--lock-timeout", "0.2"]  # fmt: skip
    proc = subprocess.Popen(args, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _write(proc.stdin, lines[:BATCH])
    _wait_for(lambda: _ledger(url) == 1, proc, "the first committed batch")
    batch = _session(url)
    batch.execute("LOCK TABLE anp_articles IN ROW EXCLUSIVE MODE")  # a batch in flight, past the build's timeout
    try:
        assert proc.stdin is not None and proc.stderr is not None
        _write(proc.stdin, lines[BATCH:])
        proc.stdin.close()
        proc.stdin = None
        told = proc.stderr.readline().decode()
        assert "waited for a lock to build the indexes of" in told and "retry 1 of" in told
        assert _secondary(url) == set()  # the timed-out build rolled back whole
    finally:
        batch.rollback()
        batch.close()
    _, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err
    assert rows(url) == rows(_reference(request, "postgresql", records_file))
    assert catalog(url) == catalog(_initialised(request, "postgresql"))


@pytest.mark.postgres
def test_a_load_that_finds_the_table_empty_keeps_the_indexes_if_a_batch_commits_before_its_lock(
    request: pytest.FixtureRequest,
) -> None:
    """The emptiness seen before the lock is checked again under it: the indexes of a table that
    got rows meanwhile (another importer's first batch) are kept, as for any table with rows."""
    url = make_url(request, "postgresql")
    import_generated(url, seed=0, count=1)
    batch = _session(url)
    batch.execute("CREATE TEMPORARY TABLE held AS SELECT * FROM anp_articles")
    for table in ("anp_post_meta", "anp_entities", "anp_similar_posts", "anp_articles"):
        batch.execute(f"DELETE FROM {table}")
    batch.commit()  # empty, every index still there
    batch.execute("INSERT INTO anp_articles SELECT * FROM held")  # a batch in flight: invisible to others
    backend = PostgresBackend(parse_url(url))
    found: list[bool] = []
    thread, errors = _started(lambda: found.append(backend.begin_load()))
    try:
        _until(lambda: _waiting_on_articles(url, "AccessExclusiveLock"), "the drop waiting for its lock")
        batch.commit()
    finally:
        batch.close()
        thread.join()
        backend.close()
    assert errors == [] and found == [False]
    assert _secondary(url) == SECONDARY and _child_keys(url) == CHILD_KEYS
    assert _autovacuum_paused(url) == set()
