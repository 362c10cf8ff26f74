"""The up-front check of query texts: one statement, no session control, and under --read-only a read.

The check gives the clear message; the database is what enforces read-only (see
test_bench_read_only.py). So these tests pin what the lexer must get right: a ``;`` or a
``DELETE`` inside a literal, a quoted name or a comment is not one, and anything else is.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from anp_synth.bench.statements import is_read, read_only_refusal, statement_refusal
from anp_synth.bench.workload import BUILTIN

DIALECTS = ("sqlite", "postgresql")


@pytest.mark.parametrize("query", BUILTIN, ids=lambda q: q.id)
@pytest.mark.parametrize("dialect", DIALECTS)
def test_every_built_in_query_is_a_read_of_one_statement(query: object, dialect: str) -> None:
    sql = query.sql[dialect]  # type: ignore[attr-defined]
    assert read_only_refusal(sql, dialect) is None


@pytest.mark.parametrize(
    "sql",
    [
        "SELECT 1;",
        "SELECT 1; -- trailing comment",
        "SELECT 1 /* ; DELETE FROM t */",
        "SELECT ';' ;",
        "SELECT 'DELETE FROM anp_articles; COMMIT'",
        'SELECT "delete" FROM t',
        "(SELECT 1)",
        "WITH x AS (SELECT 1) SELECT * FROM x",
        "VALUES (1), (2)",
        "SELECT replace(title, 'a', 'b') FROM anp_articles",
        "SELECT substr(title, 1, 3) FROM anp_articles ORDER BY id LIMIT 20 OFFSET 40",
    ],
)
@pytest.mark.parametrize("dialect", DIALECTS)
def test_reads_pass_in_both_dialects(sql: str, dialect: str) -> None:
    assert read_only_refusal(sql, dialect) is None
    assert is_read(sql, dialect)


@pytest.mark.parametrize(
    "sql",
    ["SELECT $$;DELETE FROM t;$$", "SELECT $body$ ; $body$", "SELECT E'it\\'s; DELETE'", "/* a /* b */ ; */ SELECT 1"],
)
def test_postgresql_dollar_quotes_escape_strings_and_nested_comments_are_one_statement(sql: str) -> None:
    assert read_only_refusal(sql, "postgresql") is None


@pytest.mark.parametrize("sql", ["SELECT [a;b] FROM t", "SELECT `a;b` FROM t"])
def test_sqlite_bracket_and_backtick_names_are_one_statement(sql: str) -> None:
    assert read_only_refusal(sql, "sqlite") is None


@pytest.mark.parametrize(
    ("sql", "reason"),
    [
        ("", "no statement"),
        ("-- only a comment", "no statement"),
        ("SELECT 1; SELECT 2", "2 statements"),
        ("SELECT 1; COMMIT; SET default_transaction_read_only = off; COMMIT; DELETE FROM t", "5 statements"),
        ("SELECT 'open", "unterminated string"),
        ('SELECT "open', "unterminated quoted name"),
        ("COMMIT", "controls the transaction"),
        ("begin", "controls the transaction"),
        ("SAVEPOINT s", "controls the transaction"),
        ("SET search_path = evil", "changes the connection's settings"),
        ("RESET ALL", "changes the connection's settings"),
        ("PRAGMA query_only = OFF", "changes the connection's settings"),
        ("SELECT pg_catalog.set_config('x', 'y', false)", "set_config() changes"),
        ("ATTACH DATABASE 'x' AS x", "changes the connection's settings"),
    ],
)
@pytest.mark.parametrize("dialect", DIALECTS)
def test_refused_in_every_mode(sql: str, reason: str, dialect: str) -> None:
    refused = statement_refusal(sql, dialect)
    assert refused is not None and reason in refused
    assert read_only_refusal(sql, dialect) == refused


@pytest.mark.parametrize(
    ("sql", "reason"),
    [
        ("DELETE FROM anp_articles WHERE id = :article_id", "DELETE writes rows"),
        ("INSERT INTO t VALUES (1)", "INSERT writes rows"),
        ("REPLACE INTO t VALUES (1)", "REPLACE writes rows"),
        ("WITH d AS (DELETE FROM t RETURNING *) SELECT * FROM d", "DELETE writes rows"),
        ("SELECT * INTO copy FROM t", "INTO writes"),
        ("SELECT * FROM t FOR NO KEY UPDATE", "FOR UPDATE / FOR SHARE clause locks rows"),
        ("SELECT * FROM t FOR SHARE", "FOR UPDATE / FOR SHARE clause locks rows"),
        ("COPY t TO STDOUT", "COPY copies"),
        ("CREATE TABLE t (x int)", "CREATE changes the schema"),
        ("CALL p()", "CALL runs code"),
        ("DO $$ BEGIN END $$", "DO runs code"),
        ("LOCK TABLE t", "LOCK takes locks"),
        ("VACUUM", "VACUUM is maintenance"),
        ("ANALYZE t", "ANALYZE is maintenance"),
        ("LISTEN ch", "LISTEN changes server state"),
        ("EXPLAIN ANALYZE DELETE FROM t", "EXPLAIN runs its statement"),
        ("SHOW ALL", "SHOW is not a query"),
        ("SELECT pg_terminate_backend(42)", "pg_terminate_backend() changes server state"),
        ("SELECT pg_cancel_backend(42)", "pg_cancel_backend()"),
        ("SELECT pg_reload_conf()", "pg_reload_conf()"),
        ('SELECT "lo_unlink"(1)', "lo_unlink()"),
        ("SELECT lo_import('/etc/passwd')", "lo_import()"),
        ("SELECT nextval('s')", "nextval()"),
        ("SELECT pg_advisory_lock(1)", "pg_advisory_lock()"),
        ("SELECT dblink_exec('x', 'DELETE FROM t')", "dblink_exec()"),
        ("SELECT query_to_xml('DELETE FROM t RETURNING 1', true, true, '')", "query_to_xml()"),
    ],
)
@pytest.mark.parametrize("dialect", DIALECTS)
def test_refused_under_read_only_only(sql: str, reason: str, dialect: str) -> None:
    assert statement_refusal(sql, dialect) is None
    refused = read_only_refusal(sql, dialect)
    assert refused is not None and reason in refused


def test_a_backslash_in_a_plain_postgresql_string_is_refused_under_read_only() -> None:
    # With standard_conforming_strings off, 'a\' ; DELETE ...' would be read differently by the server.
    refused = read_only_refusal("SELECT 'a\\' ; DELETE FROM t --'", "postgresql")
    assert refused is not None
    assert read_only_refusal("SELECT 'a\\b'", "sqlite") is None


_ANY_TEXT = st.text(st.characters(codec="utf-8", exclude_characters="\x00"), max_size=60)


@given(_ANY_TEXT)
def test_any_text_inside_a_string_literal_is_one_read(text: str) -> None:
    literal = "'" + text.replace("'", "''") + "'"
    assert read_only_refusal(f"SELECT {literal} AS x", "sqlite") is None
    if "\\" not in text:
        assert read_only_refusal(f"SELECT {literal} AS x", "postgresql") is None


@given(_ANY_TEXT)
def test_any_text_inside_a_comment_is_ignored(text: str) -> None:
    line = text.replace("\n", " ").replace("\r", " ")
    for dialect in DIALECTS:
        assert read_only_refusal(f"SELECT 1 -- {line}", dialect) is None
    if "*/" not in text and "/*" not in text:
        for dialect in DIALECTS:
            assert read_only_refusal(f"SELECT 1 /* {text} */", dialect) is None


_STATEMENTS = st.sampled_from(
    ["SELECT 1", "DELETE FROM anp_articles", "COMMIT", "SET x = 1", "SELECT ';'", "PRAGMA query_only = OFF"]
)


@given(st.lists(_STATEMENTS, min_size=2, max_size=5), st.sampled_from(DIALECTS))
def test_two_or_more_statements_are_always_refused(statements: list[str], dialect: str) -> None:
    refused = statement_refusal("; ".join(statements), dialect)
    assert refused is not None and f"{len(statements)} statements" in refused


@given(_ANY_TEXT, st.sampled_from(DIALECTS))
def test_the_check_never_crashes_on_any_text(text: str, dialect: str) -> None:
    for check in (statement_refusal, read_only_refusal):
        result = check(text, dialect)
        assert result is None or (isinstance(result, str) and "\n" not in result)
