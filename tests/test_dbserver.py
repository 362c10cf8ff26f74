"""The server's version, asked one way per dialect, reads the same whatever connection asks."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from anp_synth import dbserver
from anp_synth.bench.connect import open_driver_connection
from anp_synth.bench.connect import server_version as bench_server_version
from anp_synth.db.connect import open_engine
from anp_synth.db.connect import server_version as engine_server_version


def test_sqlite_version_is_the_library_every_sqlite_connection_reports(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "v.db")
    try:
        (library,) = conn.execute("select sqlite_version()").fetchone()
    finally:
        conn.close()
    assert dbserver.sqlite_version() == f"SQLite {library}"


def test_a_postgresql_server_without_an_answer_is_named_without_a_version() -> None:
    assert dbserver.postgresql_version(lambda sql: None) == "PostgreSQL"
    assert dbserver.postgresql_version(lambda sql: f"15.4 for {sql}") == "PostgreSQL 15.4 for SHOW server_version"


def test_the_engine_and_the_bench_driver_word_the_sqlite_version_alike(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'v.db'}"
    engine = open_engine(url)
    try:
        assert engine_server_version(engine) == dbserver.sqlite_version()
    finally:
        engine.dispose()
    conn = open_driver_connection(url)
    try:
        assert bench_server_version(conn) == dbserver.sqlite_version()
    finally:
        conn.close()


@pytest.mark.postgres
def test_the_engine_and_the_bench_driver_word_the_postgresql_version_alike(pg_url: str) -> None:
    engine = open_engine(pg_url)
    try:
        via_engine = engine_server_version(engine)
    finally:
        engine.dispose()
    conn = open_driver_connection(pg_url)
    try:
        via_driver = bench_server_version(conn)
    finally:
        conn.close()
    assert via_engine == via_driver
    assert via_engine.startswith("PostgreSQL ") and via_engine[len("PostgreSQL ") :][0].isdigit()
