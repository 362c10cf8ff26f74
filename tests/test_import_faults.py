"""The database going away mid-run, and credentials that must never show."""

from __future__ import annotations

import json
from pathlib import Path

import psycopg
import pytest
from click.testing import CliRunner

from anp_synth import generate
from anp_synth.cli import main
from anp_synth.db import BatchStats, import_generated
from anp_synth.db.connect import parse_url, redact, scrub
from anp_synth.errors import DatabaseError

from .db_helpers import assert_stores_exactly, rows
from .pg_cluster import PASSWORD, PgCluster


def _terminate_importer(cluster: PgCluster, dbname: str) -> None:
    """Kill the importer's server process from another connection, and wait until it is gone."""
    cluster.psql(
        "postgres",
        "select pg_terminate_backend(pid, 10000) from pg_stat_activity "
        f"where datname = '{dbname}' and application_name = 'anp-synth'",
    )


@pytest.mark.postgres
def test_a_killed_connection_is_retried_and_the_import_completes_exactly(pg_cluster: PgCluster, pg_url: str) -> None:
    dbname = parse_url(pg_url).database or ""

    def kill_some(stats: BatchStats) -> None:
        if stats.batch_no in (1, 3):
            _terminate_importer(pg_cluster, dbname)

    report = import_generated(pg_url, seed=0, count=100, batch_size=20, on_batch=kill_some, backoff_s=0.01)
    assert report.retries == 2
    assert (report.inserted, report.batches) == (100, 5)
    assert "retries   2" in report.format_text()
    reference = pg_cluster.create_database(f"{dbname}_ref")
    import_generated(reference, seed=0, count=100, batch_size=20)
    assert rows(pg_url) == rows(reference)
    assert_stores_exactly(pg_url, generate(seed=0, count=100))


@pytest.mark.postgres
def test_a_database_that_stays_away_gives_up_after_bounded_retries_then_resumes(
    pg_cluster: PgCluster, pg_url: str
) -> None:
    dbname = parse_url(pg_url).database or ""

    def take_it_away(stats: BatchStats) -> None:
        if stats.batch_no == 1:
            pg_cluster.psql("postgres", f'alter database "{dbname}" allow_connections false')
            _terminate_importer(pg_cluster, dbname)

    with pytest.raises(DatabaseError) as caught:
        import_generated(pg_url, seed=0, count=100, batch_size=20, on_batch=take_it_away, retries=3, backoff_s=0.01)
    message = str(caught.value)
    assert message.startswith(f"lost the connection to {redact(pg_url)} and could not get it back after 4 attempts")
    assert "run the same import again to resume" in message
    assert caught.value.report.status == "aborted"  # type: ignore[attr-defined]
    assert caught.value.report.inserted == 40  # type: ignore[attr-defined]

    pg_cluster.psql("postgres", f'alter database "{dbname}" allow_connections true')
    again = import_generated(pg_url, seed=0, count=100, batch_size=20)
    assert (again.inserted, again.batches_in_ledger) == (60, 2)
    assert again.resumed_at == "seed 40 (after 2 batches found in the ledger)"


@pytest.mark.postgres
def test_an_unreachable_server_is_one_clear_line_and_exit_1(pg_cluster: PgCluster) -> None:
    from .pg_cluster import free_port

    url = f"postgresql://someone:{PASSWORD}@127.0.0.1:{free_port()}/nothing"
    result = CliRunner().invoke(main, ["import", "--seed", "0", "--count", "3", "--db", url])
    assert result.exit_code == 1
    assert result.output.startswith("Error: cannot open postgresql+psycopg://someone:***@127.0.0.1:")
    assert PASSWORD not in result.output


@pytest.mark.postgres
def test_the_password_never_appears_in_output_errors_or_reports(pg_cluster: PgCluster, tmp_path: Path) -> None:
    url = pg_cluster.password_url()
    report_path = tmp_path / "report.json"
    ok = CliRunner().invoke(main, ["import", "--seed", "0", "--count", "5", "--db", url, "--report", str(report_path)])
    assert ok.exit_code == 0, ok.output
    assert "anp_pw_user:***@" in ok.output
    report = report_path.read_text()
    assert json.loads(report)["db_url"].startswith("postgresql+psycopg://anp_pw_user:***@127.0.0.1")
    status = CliRunner().invoke(main, ["db", "status", "--db", url])
    assert "anp_pw_user:***@" in status.output

    wrong = url.replace(PASSWORD, "Wr0ng-" + PASSWORD)
    refused = CliRunner().invoke(main, ["import", "--seed", "0", "--count", "5", "--db", wrong])
    assert refused.exit_code == 1
    assert "password authentication failed" in refused.output
    for text in (ok.output, report, status.output, refused.output):
        assert PASSWORD not in text
        assert "Wr0ng" not in text


def test_driver_messages_that_echo_the_dsn_are_scrubbed() -> None:
    url = parse_url(f"postgresql://me:{PASSWORD}@127.0.0.1:5/db")
    echoed = f"could not connect with postgresql+psycopg://me:{PASSWORD}@127.0.0.1:5/db (password={PASSWORD})"
    cleaned = scrub(echoed, url)
    assert PASSWORD not in cleaned
    assert "postgresql+psycopg://me:***@127.0.0.1:5/db" in cleaned


def test_an_unparseable_url_is_redacted_too() -> None:
    with pytest.raises(Exception) as caught:
        parse_url(f"not a url://me:{PASSWORD}@host")
    assert PASSWORD not in str(caught.value)


def test_psycopg_is_the_driver_for_plain_postgresql_urls() -> None:
    assert parse_url("postgresql://u@h/d").drivername == "postgresql+psycopg"
    assert psycopg.__version__.startswith("3")
