"""Attempts to write through the bench: every one is refused, and no anp_ table changes.

Each attack of issue 10 is tried as an attacker would, through the CLI, on a real SQLite file
and on the suite's real PostgreSQL: a query file that lifts read-only (``PRAGMA query_only =
OFF``, ``set_config``) and then deletes, one text holding ``COMMIT; SET ...; DELETE`` aimed at
the EXPLAIN pre-check, and ``SELECT 1; DELETE`` without --read-only. Then the same attacks
against the driver connection itself, with the bench's up-front check bypassed: read-only must
hold in the database, not only in our own parser.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Any

import psycopg
import pytest
from click.testing import CliRunner

from anp_synth.bench import BenchOptions, run_bench
from anp_synth.bench.connect import connect_spec, open_driver_connection, param_names
from anp_synth.bench.explain import explain_database, validate_queries
from anp_synth.bench.params import draw_params
from anp_synth.bench.report import build_report
from anp_synth.bench.workload import Query
from anp_synth.cli import main
from anp_synth.db import import_generated
from anp_synth.errors import BenchError

FAST = ["--duration", "0.5", "--warmup", "0", "--rate", "40", "--readers", "1", "--count", "5"]

DIALECTS = [
    pytest.param("sqlite", id="sqlite"),
    pytest.param("postgresql", id="postgresql", marks=pytest.mark.postgres),
]

LIFT = {
    "sqlite": "PRAGMA query_only = OFF",
    "postgresql": "SELECT set_config('default_transaction_read_only','off',false)",
}
PRECHECK_ATTACK = (
    "SELECT 1; COMMIT; SET default_transaction_read_only = off; COMMIT; "
    "DELETE FROM anp_similar_posts WHERE position = 0"
)


def anp_counts(db_url: str) -> dict[str, int]:
    """Rows of every anp_ table there is, as the database's own catalogue lists them."""
    if db_url.startswith("sqlite"):
        with sqlite3.connect(db_url.removeprefix("sqlite:///")) as conn:
            names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
            return {n: conn.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names if n.startswith("anp_")}
    with psycopg.connect(db_url.replace("postgresql+psycopg://", "postgresql://")) as pg:
        names = [r[0] for r in pg.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")]
        return {n: pg.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names if n.startswith("anp_")}  # type: ignore[index]


@pytest.fixture(scope="module", params=DIALECTS)
def loaded(request: pytest.FixtureRequest) -> str:
    """A small database of either dialect, every anp_ table holding rows.

    Shared by the module's tests (none may change it, and each compares its own before and after).
    """
    if request.param == "sqlite":
        url = f"sqlite:///{request.getfixturevalue('tmp_path_factory').mktemp('ro') / 'anp.db'}"
    else:
        url = str(request.getfixturevalue("pg_cluster").create_database(f"anp_read_only_{os.getpid()}"))
    import_generated(url, seed=1, count=20, batch_size=10)
    counts = anp_counts(url)
    assert len(counts) >= 5 and all(counts.values()), counts
    return url


def _query_file(tmp_path: Path, *queries: tuple[str, str]) -> Path:
    def basic(s: str) -> str:  # a TOML basic string
        return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'

    path = tmp_path / "attack.toml"
    path.write_text("replace = true\n" + "".join(f"[[query]]\nid = {basic(q)}\nsql = {basic(s)}\n" for q, s in queries))
    return path


def _bench(db_url: str, tmp_path: Path, queries: Path, *extra: str) -> Any:
    args = ["bench", "--db", db_url, "--queries", str(queries), *FAST, *extra]
    args += ["--report", str(tmp_path / "r.json"), "--html", str(tmp_path / "r.html")]
    return CliRunner().invoke(main, args)


def _one_line_error(result: Any, *fragments: str) -> None:
    assert result.exit_code != 0
    lines = [ln for ln in result.output.splitlines() if ln.strip()]
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.output
    assert "Traceback" not in result.output
    for fragment in fragments:
        assert fragment in lines[0], (fragment, lines[0])


# --- through the CLI: refused before anything runs ------------------------------------------------


def test_lifting_read_only_then_deleting_is_refused_and_changes_nothing(loaded: str, tmp_path: Path) -> None:
    dialect = "sqlite" if loaded.startswith("sqlite") else "postgresql"
    before = anp_counts(loaded)
    queries = _query_file(tmp_path, ("lift", LIFT[dialect]), ("del", "DELETE FROM anp_articles WHERE id = :article_id"))
    result = _bench(loaded, tmp_path, queries, "--read-only")
    _one_line_error(result, str(queries), "query 'lift'", "refused", "settings")
    assert anp_counts(loaded) == before


def test_the_other_dialects_lift_is_refused_too(loaded: str, tmp_path: Path) -> None:
    dialect = "sqlite" if loaded.startswith("sqlite") else "postgresql"
    other = "postgresql" if dialect == "sqlite" else "sqlite"
    before = anp_counts(loaded)
    queries = _query_file(tmp_path, ("lift", LIFT[other]), ("del", "DELETE FROM anp_articles WHERE id = :article_id"))
    _one_line_error(_bench(loaded, tmp_path, queries, "--read-only"), "query 'lift'", "refused")
    assert anp_counts(loaded) == before


def test_a_delete_under_read_only_is_refused_up_front(loaded: str, tmp_path: Path) -> None:
    before = anp_counts(loaded)
    queries = _query_file(tmp_path, ("del", "DELETE FROM anp_articles WHERE id = :article_id"))
    _one_line_error(
        _bench(loaded, tmp_path, queries, "--read-only"), str(queries), "query 'del'", "--read-only", "DELETE"
    )
    assert anp_counts(loaded) == before


def test_commit_set_delete_in_one_text_never_reaches_the_pre_check(loaded: str, tmp_path: Path) -> None:
    before = anp_counts(loaded)
    queries = _query_file(tmp_path, ("multi", PRECHECK_ATTACK))
    _one_line_error(_bench(loaded, tmp_path, queries, "--read-only"), str(queries), "query 'multi'", "5 statements")
    assert anp_counts(loaded) == before


def test_two_statements_are_refused_without_read_only_too(loaded: str, tmp_path: Path) -> None:
    before = anp_counts(loaded)
    queries = _query_file(tmp_path, ("multi", "SELECT 1; DELETE FROM anp_entities WHERE position = 0"))
    _one_line_error(_bench(loaded, tmp_path, queries), str(queries), "query 'multi'", "2 statements")
    assert anp_counts(loaded) == before


@pytest.mark.parametrize(
    "sql",
    [
        "COMMIT",
        "BEGIN",
        "SET search_path = public",
        "RESET ALL",
        "SELECT set_config('search_path', 'public', false)",
        "ATTACH DATABASE 'x.db' AS x",
    ],
)
def test_transaction_and_session_control_is_refused_in_every_mode(loaded: str, tmp_path: Path, sql: str) -> None:
    before = anp_counts(loaded)
    queries = _query_file(tmp_path, ("ctl", sql))
    _one_line_error(_bench(loaded, tmp_path, queries), str(queries), "query 'ctl'", "refused")
    assert anp_counts(loaded) == before


@pytest.mark.parametrize(
    "sql",
    [
        "WITH gone AS (DELETE FROM anp_entities RETURNING 1) SELECT count(*) FROM gone",
        "SELECT id FROM anp_articles FOR UPDATE",
        "SELECT pg_terminate_backend(pg_backend_pid())",
        "SELECT pg_catalog.pg_reload_conf()",
        "SELECT lo_unlink(1)",
        "SELECT nextval('s')",
        "COPY anp_articles TO STDOUT",
        "VACUUM",
        "LOCK TABLE anp_articles",
        "NOTIFY anp",
        "CALL p()",
        "DO 'BEGIN END'",
        "SELECT * INTO anp_copy FROM anp_articles",
    ],
)
def test_writes_and_state_changes_are_refused_under_read_only(loaded: str, tmp_path: Path, sql: str) -> None:
    before = anp_counts(loaded)
    queries = _query_file(tmp_path, ("w", sql))
    _one_line_error(_bench(loaded, tmp_path, queries, "--read-only"), str(queries), "query 'w'", "refused")
    assert anp_counts(loaded) == before


# --- the database enforces read-only by itself (the up-front check bypassed) ----------------------


def test_a_read_only_connection_cannot_be_made_to_write(loaded: str) -> None:
    """Readers and the coordinator connect as this does: what a query can undo, it is tried here."""
    before = anp_counts(loaded)
    conn = open_driver_connection(connect_spec(loaded, read_only=True))
    try:
        if conn.dialect == "sqlite":
            conn.run("PRAGMA query_only = OFF")  # allowed, and lifts nothing: the file handle is read-only
        else:
            conn.run("SELECT set_config('default_transaction_read_only', 'off', false)")
            conn.run("SET default_transaction_read_only = off")
        for write in (
            "DELETE FROM anp_articles WHERE id IN (SELECT id FROM anp_articles LIMIT 1)",
            "UPDATE anp_post_meta SET meta_value = 'x'",
            "CREATE TABLE anp_intruder (x INTEGER)",
        ):
            with pytest.raises((sqlite3.Error, psycopg.Error)) as caught:
                conn.run(write)
            assert "read" in str(caught.value).lower()  # readonly database / read-only transaction
        # The connection is still usable: a failed write leaves no aborted transaction behind.
        assert conn.run("SELECT count(*) FROM anp_articles")[0][0] == before["anp_articles"]
    finally:
        conn.close()
    assert anp_counts(loaded) == before


@pytest.mark.postgres
def test_a_read_only_postgresql_statement_cannot_turn_its_own_transaction_read_write(pg_url: str) -> None:
    import_generated(pg_url, seed=1, count=5)
    conn = open_driver_connection(connect_spec(pg_url, read_only=True))
    try:
        with pytest.raises(psycopg.Error, match="read-write mode must be set before any query"):
            conn.run("SELECT set_config('transaction_read_only', 'off', true), count(*) FROM anp_articles")
        assert conn.run("SHOW transaction_read_only") == [("on",)]
    finally:
        conn.close()


@pytest.mark.parametrize("read_only", [False, True])
def test_the_server_refuses_two_statements_in_one_text(loaded: str, read_only: bool) -> None:
    before = anp_counts(loaded)
    conn = open_driver_connection(connect_spec(loaded, read_only=read_only))
    try:
        for text in ("SELECT 1; DELETE FROM anp_entities WHERE position = 0", "EXPLAIN " + PRECHECK_ATTACK):
            with pytest.raises((sqlite3.Error, psycopg.Error), match=r"one statement at a time|multiple commands"):
                conn.run(text)
            with pytest.raises((sqlite3.Error, psycopg.Error), match=r"one statement at a time|multiple commands"):
                conn.explain(text)
    finally:
        conn.close()
    assert anp_counts(loaded) == before


def test_the_pre_check_only_explains_a_write_never_runs_it(loaded: str) -> None:
    """Without --read-only a query file may hold a write; the pre-check compiles it and runs nothing."""
    before = anp_counts(loaded)
    sql = "DELETE FROM anp_entities WHERE article_id = :article_id"
    delete = Query("del", 1.0, {"sqlite": sql, "postgresql": sql}, source="q.toml", params=tuple(param_names(sql)))
    conn = open_driver_connection(connect_spec(loaded))
    try:
        validate_queries(conn, [delete], draw_params(conn, seed=1))
        bad = Query("multi", 1.0, {"sqlite": PRECHECK_ATTACK, "postgresql": PRECHECK_ATTACK}, source="q.toml")
        with pytest.raises(BenchError, match=r"query 'multi'.*5 statements"):
            validate_queries(conn, [bad], draw_params(conn, seed=1))
    finally:
        conn.close()
    assert anp_counts(loaded) == before


def test_explain_plans_a_write_without_running_it(loaded: str, tmp_path: Path) -> None:
    before = anp_counts(loaded)
    queries = _query_file(tmp_path, ("del", "DELETE FROM anp_entities WHERE article_id = :article_id"))
    plans = explain_database(loaded, queries_file=queries)
    assert [p.query_id for p in plans] == ["del"] and plans[0].error is None
    if not loaded.startswith("sqlite"):
        assert "not run" in plans[0].text and "actual time" not in plans[0].text
    assert anp_counts(loaded) == before


def test_a_read_only_run_of_the_built_in_mix_still_works_and_writes_nothing(loaded: str) -> None:
    before = anp_counts(loaded)
    opts = BenchOptions(db_url=loaded, read_only=True, duration=0.5, warmup=0, rate=60.0, readers=1)
    report = build_report(run_bench(opts))
    assert [p["name"] for p in report["phases"]] == ["idle", "after"]
    for phase in report["phases"]:
        assert phase["total"]["count"] > 0 and phase["total"]["errors"] == 0
    assert report["plans"] and all(not p["error"] for p in report["plans"])
    assert anp_counts(loaded) == before


def test_a_read_only_sqlite_file_with_uri_characters_in_its_name_opens_read_only(tmp_path: Path) -> None:
    """The path becomes a file: URI: "#", "%" and spaces in it must not end or change it."""
    odd = tmp_path / "we ird #100% name.db"
    url = f"sqlite:///{odd}"
    import_generated(url, seed=1, count=3)
    before = anp_counts(url)
    conn = open_driver_connection(connect_spec(url, read_only=True))
    try:
        assert conn.run("SELECT count(*) FROM anp_articles") == [(3,)]
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            conn.run("DELETE FROM anp_articles")
    finally:
        conn.close()
    assert anp_counts(url) == before
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith(odd.name)) == []
