"""anp_db on PostgreSQL: one fresh schema per call, dropped after the test, credentials never shown."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine, text

from .pg_cluster import PASSWORD, PgCluster
from .test_plugin_db import SEEDS_IN

pytest_plugins = ["pytester"]
pytestmark = pytest.mark.postgres

TWO_TESTS_EACH_SEE_ONLY_THEIR_ROWS = """
import pytest


def test_first_sees_only_its_rows(anp_db, seeds_in):
    url = anp_db(3, seed=100)
    assert "search_path" in url
    assert seeds_in(url) == [100, 101, 102]


def test_second_sees_only_its_rows(anp_db, seeds_in):
    assert seeds_in(anp_db(2, seed=200)) == [200, 201]


def test_two_calls_are_two_schemas_side_by_side(anp_db, seeds_in):
    first, second = anp_db(1, seed=1), anp_db(1, seed=2, profile="edge")
    assert (seeds_in(first), seeds_in(second)) == ([1], [2])
    assert seeds_in(first) == [1]


@pytest.mark.anp(count=0)
def test_an_empty_schema_still_has_the_tables(anp_db, seeds_in):
    assert seeds_in(anp_db()) == []
"""


def leftovers(db_url: str) -> tuple[list[str], list[str]]:
    """Schemas anp_db made, and tables in public, after the sub-run."""
    engine = create_engine(db_url)
    with engine.connect() as conn:
        schemas = conn.execute(
            text("SELECT schema_name FROM information_schema.schemata WHERE schema_name LIKE 'anp\\_%'")
        )
        tables = conn.execute(text("SELECT tablename FROM pg_tables WHERE schemaname = 'public'"))
        found = (list(schemas.scalars()), list(tables.scalars()))
    engine.dispose()
    return found


@pytest.fixture(autouse=True)
def _no_database_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ANP_DB_URL", raising=False)


def test_each_test_gets_a_fresh_schema_that_is_dropped_afterwards(pytester: pytest.Pytester, pg_url: str) -> None:
    pytester.makeconftest(SEEDS_IN)
    pytester.makepyfile(TWO_TESTS_EACH_SEE_ONLY_THEIR_ROWS)
    result = pytester.runpytest("--anp-db-url", pg_url)
    result.assert_outcomes(passed=4)
    result.stdout.fnmatch_lines(["anp-synth: anp_db uses PostgreSQL * (from --anp-db-url), a fresh schema per call"])
    assert leftovers(pg_url) == ([], [])


def test_the_environment_variable_names_the_server_and_the_password_is_never_shown(
    pytester: pytest.Pytester, pg_cluster: PgCluster, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ANP_DB_URL", pg_cluster.password_url())
    before = leftovers(pg_cluster.password_url())  # the password database is shared by the session
    pytester.makeconftest(SEEDS_IN)
    pytester.makepyfile(
        """
        def test_loads(anp_db, seeds_in):
            assert seeds_in(anp_db(2, seed=9)) == [9, 10]

        def test_fails_showing_the_url(anp_db):
            url = anp_db(1)
            assert url == "something else"
        """
    )
    result = pytester.runpytest("--showlocals")
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines(
        ["anp-synth: anp_db uses PostgreSQL *:***@* (from $ANP_DB_URL), a fresh schema per call"]
    )
    output = result.stdout.str() + result.stderr.str()
    assert "anp_pw_user:***@" in output
    assert PASSWORD not in output
    assert leftovers(pg_cluster.password_url()) == before
