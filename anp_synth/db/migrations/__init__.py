"""Versioned schema migrations: one module per version, applied in order, recorded in a table.

A plain, explicit mechanism rather than Alembic (docs/MIGRATIONS.md says why): a handful of
additive steps, each with its DDL written out as it shipped, no autogenerate, no env.py. ``anp_schema_version`` holds one row per applied version; the highest is the
database's version. Each step runs in the same transaction as its row, so a database is
always exactly at some version. ``docs/MIGRATIONS.md`` documents every version.

Before touching anything, :func:`inspect_schema` checks that every ``anp_`` table present
was created by anp-synth (the version table exists and the columns are ours); otherwise it
refuses, naming the table. Migrations only ever create: nothing here drops, truncates or
alters a table anp-synth did not create.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from types import ModuleType

from sqlalchemy import Connection, Engine, inspect, select, text
from sqlalchemy.engine import Inspector
from sqlalchemy.schema import CreateIndex

from ...errors import DatabaseError
from .. import indexes, tables
from . import (
    v0001_initial,
    v0002_meta_lookup,
    v0003_meta_statistics,
    v0004_lz4_compression,
    v0005_lookup_value_first,
)

MIGRATIONS: tuple[ModuleType, ...] = (
    v0001_initial,
    v0002_meta_lookup,
    v0003_meta_statistics,
    v0004_lz4_compression,
    v0005_lookup_value_first,
)
HEAD: int = MIGRATIONS[-1].VERSION

__all__ = [
    "HEAD",
    "MIGRATIONS",
    "SchemaState",
    "columns_at",
    "index_problems",
    "inspect_schema",
    "repair_indexes",
    "upgrade",
]


@dataclass(frozen=True)
class SchemaState:
    """What a database holds: its anp-synth schema version (None when it has no anp_ tables)."""

    version: int | None
    applied: tuple[tuple[int, str, str], ...]

    @property
    def pending(self) -> tuple[ModuleType, ...]:
        return tuple(m for m in MIGRATIONS if (self.version or 0) < m.VERSION)


def columns_at(version: int) -> dict[str, tuple[str, ...]]:
    """Each table's columns at schema ``version``: version 1's, plus what later versions added."""
    columns = dict(v0001_initial.COLUMNS)
    for migration in MIGRATIONS[1:]:
        if version >= migration.VERSION:
            for table, added in getattr(migration, "ADDED_COLUMNS", {}).items():
                columns[table] = (*columns.get(table, ()), *added)
    return columns


def inspect_schema(conn: Connection) -> SchemaState:
    """The database's schema version, or DatabaseError if an anp_ table there is not ours."""
    insp = inspect(conn)
    present = set(insp.get_table_names())
    ours = [t.name for t in tables.OWNED_TABLES]
    found = [name for name in ours if name in present]
    if not found:
        return SchemaState(None, ())
    if tables.schema_version.name not in present:
        raise DatabaseError(
            f"refusing to touch table {found[0]}: it exists but was not created by anp-synth "
            f"(no {tables.schema_version.name} table); use another database or schema"
        )
    _check_columns(insp, tables.schema_version.name, v0001_initial.COLUMNS[tables.schema_version.name])
    applied = tuple(
        (int(r[0]), str(r[1]), str(r[2]))
        for r in conn.execute(
            select(
                tables.schema_version.c.version,
                tables.schema_version.c.description,
                tables.schema_version.c.applied_at,
            ).order_by(tables.schema_version.c.version)
        )
    )
    version = applied[-1][0] if applied else 0
    if version > HEAD:
        raise DatabaseError(
            f"the database is at anp-synth schema version {version}, newer than this anp-synth knows "
            f"({HEAD}); upgrade anp-synth"
        )
    expected = columns_at(max(version, 1))
    for name in found:
        _check_columns(insp, name, expected[name])
    missing = [name for name in ours if name not in present]
    if missing and version > 0:
        raise DatabaseError(f"anp-synth schema version {version} but table {missing[0]} is missing")
    return SchemaState(version, applied)


def _check_columns(insp: Inspector, name: str, expected: tuple[str, ...]) -> None:
    columns = tuple(c["name"] for c in insp.get_columns(name))
    if columns != expected:
        raise DatabaseError(
            f"refusing to touch table {name}: its columns ({', '.join(columns)}) are not the ones "
            "anp-synth created; use another database or schema"
        )


def _ensure_pg_schema(conn: Connection) -> None:
    """Create the search_path's first schema if it does not exist (e.g. ``options=-csearch_path=x``)."""
    if conn.execute(text("select current_schema()")).scalar() is not None:
        return
    first = str(conn.execute(text("show search_path")).scalar_one()).split(",")[0].strip()
    if first.startswith('"') and first.endswith('"'):
        first = first[1:-1].replace('""', '"')
    if not first or first == "$user":
        raise DatabaseError("no schema to create tables in: the search_path names none that exists")
    quoted = '"' + first.replace('"', '""') + '"'
    conn.execute(text(f"create schema if not exists {quoted}"))


def upgrade(
    engine: Engine, *, target: int = HEAD, on_step: Callable[[int, str], None] | None = None
) -> tuple[int | None, int]:
    """Bring the database to ``target`` (default: the newest); returns (version before, after).

    Runs in one transaction, serialised against concurrent upgrades (an advisory lock on
    PostgreSQL, BEGIN IMMEDIATE on SQLite), so two importers starting together cannot both
    create the tables.
    """
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text("select pg_advisory_xact_lock(7355608301)"))
            _ensure_pg_schema(conn)
        state = inspect_schema(conn)
        before = state.version
        if before is None:
            conn.execute(text(v0001_initial.VERSION_TABLE))
        now = before or 0
        for migration in MIGRATIONS:
            if now < migration.VERSION <= target:
                migration.upgrade(conn)
                conn.execute(
                    tables.schema_version.insert().values(
                        version=migration.VERSION,
                        description=migration.DESCRIPTION,
                        applied_at=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                    )
                )
                now = migration.VERSION
                if on_step is not None:
                    on_step(migration.VERSION, migration.DESCRIPTION)
        _restore_indexes(conn, now)
        return before, now


def _restore_indexes(conn: Connection, version: int) -> None:
    """Create any index of ``version`` that is missing: a SQLite first load killed before it
    rebuilt the indexes it had deferred leaves them out (see ``SqliteBackend.begin_load``), and a
    PostgreSQL one killed before its build leaves the child tables' primary keys out and
    autovacuum paused on its tables as well (:mod:`..indexes`): all are put back here.

    On PostgreSQL ``anp_articles`` is locked first (SHARE, what CREATE INDEX takes anyway), in
    the order every importer's batch locks the tables: see ``indexes.pg_lock_articles_first``."""
    # PostgreSQL: the same transaction, through its DB-API cursor
    cur = conn.connection.cursor() if conn.dialect.name == "postgresql" else None
    if cur is not None:
        indexes.pg_lock_articles_first(cur, "SHARE")
    for table in tables.OWNED_TABLES:
        for index in table.indexes:
            if index.info.get("since", 1) <= version:
                conn.execute(CreateIndex(index, if_not_exists=True))
    if cur is not None:
        indexes.pg_add_keys(cur, indexes.pg_missing_keys(cur))
        indexes.pg_resume_autovacuum(cur)


def _expected_indexes(version: int) -> list[str]:
    return sorted(
        str(index.name)
        for table in tables.OWNED_TABLES
        for index in table.indexes
        if index.info.get("since", 1) <= version
    )


def index_problems(conn: Connection, version: int | None) -> list[str]:
    """What is wrong with the secondary indexes of schema ``version``, one line each (empty: nothing).

    Missing: a load killed before it rebuilt the indexes it had deferred, or a dropped index.
    Invalid (PostgreSQL ``pg_index.indisvalid``): a ``CREATE INDEX CONCURRENTLY`` that failed or was
    cancelled leaves an index that is never used but still maintained.
    """
    if not version:
        return []
    if conn.dialect.name == "sqlite":
        present = {str(r[0]) for r in conn.execute(text("SELECT name FROM sqlite_master WHERE type = 'index'"))}
        invalid: set[str] = set()
    else:
        present = {
            str(r[0])
            for r in conn.execute(text("SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()"))
        }
        invalid = {
            str(r[0])
            for r in conn.execute(
                text(
                    "SELECT c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
                    "JOIN pg_class t ON t.oid = i.indrelid "
                    "WHERE NOT i.indisvalid AND c.relnamespace = current_schema()::regnamespace "
                    "AND t.relname LIKE 'anp\\_%'"
                )
            )
        }
    expected = _expected_indexes(version)
    if conn.dialect.name == "postgresql":  # a first load defers the child keys too, and their indexes with them
        expected = sorted(expected + [key for _, key, _ in indexes.CHILD_KEYS])
    problems = [f"index {name} is missing" for name in expected if name not in present]
    problems += [f"index {name} is invalid (its build was interrupted)" for name in sorted(invalid)]
    return problems


def repair_indexes(engine: Engine) -> list[str]:
    """Drop every invalid index of the anp_ tables and build every missing one; returns what was wrong."""
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text("select pg_advisory_xact_lock(7355608301)"))
        state = inspect_schema(conn)
        problems = index_problems(conn, state.version)
        if not problems or not state.version:
            return problems
        if conn.dialect.name == "postgresql" and any(p.endswith("(its build was interrupted)") for p in problems):
            # A DROP INDEX locks its table ACCESS EXCLUSIVE: anp_articles first, in that mode (see _restore_indexes).
            indexes.pg_lock_articles_first(conn.connection.cursor(), "ACCESS EXCLUSIVE")
        for problem in problems:
            name = problem.split()[1]
            if problem.endswith("(its build was interrupted)"):
                quoted = '"' + name.replace('"', '""') + '"'
                conn.execute(text(f"DROP INDEX {quoted}"))
        _restore_indexes(conn, state.version)
        return problems
