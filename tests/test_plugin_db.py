"""anp_db on its default backend: a temporary SQLite file per call, loaded by the importer."""

from __future__ import annotations

import pytest

pytest_plugins = ["pytester"]

SEEDS_IN = """
import pytest
from sqlalchemy import create_engine, text


def _seeds_in(url):
    engine = create_engine(url)
    with engine.connect() as conn:
        seeds = conn.execute(text("SELECT seed FROM anp_articles ORDER BY seed")).scalars().all()
    engine.dispose()
    return seeds


@pytest.fixture
def seeds_in():
    \"\"\"The seeds of the articles a database URL holds.\"\"\"
    return _seeds_in
"""


@pytest.fixture(autouse=True)
def _no_database_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ANP_DB_URL", raising=False)


def test_anp_db_loads_a_fresh_sqlite_file_per_call(pytester: pytest.Pytester) -> None:
    pytester.makeconftest(SEEDS_IN)
    pytester.makepyfile(
        """
        import pytest

        def test_defaults(anp_db, seeds_in):
            url = anp_db()
            assert url.startswith("sqlite:///")
            assert seeds_in(url) == list(range(19503, 19513))

        def test_two_calls_two_databases(anp_db, seeds_in):
            first, second = anp_db(3, seed=5), anp_db(2, seed=100, profile="hostile")
            assert first != second
            assert seeds_in(first) == [5, 6, 7]
            assert seeds_in(second) == [100, 101]

        def test_zero_records_is_an_empty_database_with_its_tables(anp_db, seeds_in):
            assert seeds_in(anp_db(0)) == []

        @pytest.mark.anp(seed=40, count=2)
        def test_the_marker_drives_anp_db_too(anp_db, seeds_in):
            assert seeds_in(anp_db()) == [40, 41]

        def test_bad_arguments(anp_db):
            from anp_synth.errors import InvalidArgument
            with pytest.raises(InvalidArgument, match=r"anp_db: count=-3 must be an integer >= 0"):
                anp_db(-3)
            with pytest.raises(InvalidArgument, match=r"anp_db: profile='loud' is not one of"):
                anp_db(profile="loud")
        """
    )
    pytester.runpytest().assert_outcomes(passed=5)


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("sqlite:///x.db", "--anp-db-url names a sqlite database; anp_db takes a PostgreSQL URL there"),
        ("not a url", "--anp-db-url is not a database URL (expected postgresql://...)"),
    ],
)
def test_a_bad_anp_db_url_is_a_usage_error(pytester: pytest.Pytester, url: str, message: str) -> None:
    pytester.makepyfile("def test_nothing(): pass")
    result = pytester.runpytest("--anp-db-url", url)
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines([f"*{message}*"])


def test_a_bad_environment_url_fails_the_tests_that_use_anp_db(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ANP_DB_URL", "mysql://someone@127.0.0.1/db")
    pytester.makepyfile(
        """
        def test_uses_db(anp_db):
            anp_db(1)

        def test_does_not(anp_articles):
            assert anp_articles(1)
        """
    )
    result = pytester.runpytest()
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines(["*$ANP_DB_URL names a mysql database; anp_db takes a PostgreSQL URL there*"])


def test_an_unreachable_server_is_one_clear_error_without_the_password(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        """
        def test_uses_db(anp_db):
            anp_db(1)
        """
    )
    result = pytester.runpytest("--showlocals", "--anp-db-url", "postgresql+psycopg://u:Hunter2-secret@127.0.0.1:1/x")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(
        ["*DatabaseError: anp_db could not create a schema in postgresql+psycopg://u:***@127.0.0.1:1/x: *"]
    )
    assert "Hunter2-secret" not in result.stdout.str() + result.stderr.str()
