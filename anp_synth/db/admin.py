"""Administer a database's anp_ tables: create, upgrade, inspect and repair them, as typed results.

The ``anp-synth db`` commands are thin wrappers over these functions: the command parses
options and prints, the library opens the database, runs the SQL and says what it found.
Every result names the database by its redacted URL, so a caller can print it as is.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import Engine, func, select

from ..errors import DatabaseError
from . import tables
from .connect import database_errors, open_engine, parse_url, redact
from .migrations import HEAD, index_problems, inspect_schema, repair_indexes, upgrade

__all__ = [
    "COUNTED_TABLES",
    "DatabaseStatus",
    "InitResult",
    "RepairResult",
    "UpgradeResult",
    "database_status",
    "init_database",
    "repair_database",
    "upgrade_database",
]

COUNTED_TABLES: tuple[str, ...] = ("anp_articles", "anp_post_meta", "anp_import_ledger")
"""The tables whose row counts ``db status`` shows: the articles, their largest child, the ledger."""


@dataclass(frozen=True)
class InitResult:
    """What ``init_database`` found and did: ``created`` when the tables were made at HEAD just now."""

    database: str
    version: int
    created: bool

    @property
    def outdated(self) -> bool:
        """True when the tables exist at an older version (``upgrade_database`` brings them up)."""
        return self.version < HEAD


@dataclass(frozen=True)
class UpgradeResult:
    """The schema version before (None: no anp_ tables) and after ``upgrade_database``."""

    database: str
    before: int | None
    after: int


@dataclass(frozen=True)
class DatabaseStatus:
    """A read-only account of a database: version, migrations, row counts, index problems."""

    database: str
    version: int | None
    applied: tuple[tuple[int, str, str], ...]
    """(version, description, applied_at) for every applied migration, oldest first."""
    pending: tuple[tuple[int, str], ...]
    """(version, description) for every migration not applied yet, oldest first."""
    row_counts: tuple[tuple[str, int], ...]
    """(table, rows) for :data:`COUNTED_TABLES`; empty when the database has no anp_ tables."""
    problems: tuple[str, ...]
    """One line per missing or invalid index; empty when the indexes are as they should be."""
    head: int = HEAD


@dataclass(frozen=True)
class RepairResult:
    """What ``repair_database`` found wrong (and fixed), one line each; empty: nothing to repair."""

    database: str
    repaired: tuple[str, ...]


@contextmanager
def _engine(db_url: str, doing: str, *, existing: bool = False) -> Iterator[tuple[Engine, str]]:
    """An engine on ``db_url`` and its redacted URL; driver errors become DatabaseError("{doing} URL: ...").

    ``existing``: refuse a SQLite file that does not exist, since inspecting must never create
    a database.
    """
    url = parse_url(db_url)
    if existing and url.get_backend_name() == "sqlite" and url.database and not os.path.exists(url.database):
        raise DatabaseError(f"no database at {redact(url)}: the file {url.database} does not exist")
    engine = open_engine(db_url)
    try:
        with database_errors(url, doing):
            yield engine, redact(url)
    finally:
        engine.dispose()


def init_database(db_url: str) -> InitResult:
    """Create the anp_ tables at the newest version in a database that has none; otherwise only look.

    Unlike :func:`anp_synth.db.prepare_database` (the importer's step), an outdated database is
    reported, not refused, and nothing is repaired: ``db init`` is safe to run on any database.
    """
    with _engine(db_url, "cannot initialise") as (engine, database):
        with engine.connect() as conn:
            state = inspect_schema(conn)
        if state.version is None:
            upgrade(engine)
            return InitResult(database, HEAD, created=True)
        return InitResult(database, state.version, created=False)


def upgrade_database(
    db_url: str, *, target: int = HEAD, on_step: Callable[[int, str], None] | None = None
) -> UpgradeResult:
    """Apply the pending migrations up to ``target`` (see :func:`anp_synth.db.migrations.upgrade`)."""
    with _engine(db_url, "cannot upgrade") as (engine, database):
        before, after = upgrade(engine, target=target, on_step=on_step)
    return UpgradeResult(database, before, after)


def database_status(db_url: str) -> DatabaseStatus:
    """Read the database's schema version, migrations, row counts and index problems; never writes.

    A SQLite file that does not exist is a DatabaseError, not an empty database: looking must
    not create one.
    """
    with _engine(db_url, "cannot read", existing=True) as (engine, database), engine.connect() as conn:
        state = inspect_schema(conn)
        counts: tuple[tuple[str, int], ...] = ()
        problems: tuple[str, ...] = ()
        if state.version:
            owned = {table.name: table for table in tables.OWNED_TABLES}
            counts = tuple(
                (name, int(conn.execute(select(func.count()).select_from(owned[name])).scalar_one()))
                for name in COUNTED_TABLES
            )
            problems = tuple(index_problems(conn, state.version))
    pending = tuple((m.VERSION, m.DESCRIPTION) for m in state.pending)
    return DatabaseStatus(database, state.version, state.applied, pending, counts, problems)


def repair_database(db_url: str) -> RepairResult:
    """Build the indexes a killed load left missing, and rebuild invalid ones (PostgreSQL)."""
    with _engine(db_url, "cannot repair", existing=True) as (engine, database):
        repaired = tuple(repair_indexes(engine))
    return RepairResult(database, repaired)
