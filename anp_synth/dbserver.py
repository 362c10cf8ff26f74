"""What the database server is, in the one wording reports and messages show.

One function per dialect, whatever connection the caller holds (a SQLAlchemy engine, the
bench's driver connection, an importer backend's own sqlite3 or psycopg connection): the
caller passes a way to run one statement, so the statement and the wording live here only.
Like :mod:`anp_synth.dburl`, this module imports no SQLAlchemy and no driver, so the bench's
light modules can use it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

__all__ = ["POSTGRESQL_VERSION_SQL", "postgresql_version", "sqlite_version"]

POSTGRESQL_VERSION_SQL = "SHOW server_version"


def sqlite_version() -> str:
    """``SQLite 3.x.y``: the library linked into this process, which is the "server" for SQLite.

    No statement is needed: every SQLite connection anp-synth opens (sqlite3, or SQLAlchemy's
    pysqlite over sqlite3) runs in this process on this library, so ``select sqlite_version()``
    would return exactly :data:`sqlite3.sqlite_version`.
    """
    return f"SQLite {sqlite3.sqlite_version}"


def postgresql_version(scalar: Callable[[str], object]) -> str:
    """``PostgreSQL 15.4 (...)``, from the server's ``server_version`` setting.

    ``scalar`` runs one statement on the caller's connection and returns the first column of
    its first row, or None when there is no row (then only ``PostgreSQL`` is shown).
    """
    value = scalar(POSTGRESQL_VERSION_SQL)
    return "PostgreSQL" if value is None else f"PostgreSQL {value}"
