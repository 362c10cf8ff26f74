"""Connections for measuring: a DBAPI cursor as close to the driver as possible, credentials hidden.

Readers time ``cursor.execute`` + ``fetchall`` on the driver's own connection (sqlite3 or
psycopg), in autocommit: SQLAlchemy's per-call overhead would be measured as database latency,
and an open read transaction would hold locks (and, on PostgreSQL, a snapshot) across queries,
which no admin page does. Queries are written with ``:name`` parameters; for psycopg they are
rewritten to ``%(name)s`` once, before the run.

``read_only`` is enforced by the database, not only by our good intentions: PostgreSQL
sessions start with ``default_transaction_read_only=on`` and SQLite connections with
``PRAGMA query_only``, and a missing SQLite file is refused instead of being created.
"""

from __future__ import annotations

import contextlib
import re
import sqlite3
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psycopg
from sqlalchemy import create_engine, event
from sqlalchemy.engine import URL, Engine, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError
from sqlalchemy.exc import DBAPIError as SADBAPIError
from sqlalchemy.pool import NullPool

from ..errors import DatabaseError

_PARAM = re.compile(r"(?<![:\w]):([A-Za-z_]\w*)")


def parse_url(db_url: str) -> URL:
    """The URL, or a DatabaseError that does not echo it (it may hold a password).

    Plain ``postgresql://`` means psycopg 3, the driver anp-synth ships with (as for the importer).
    """
    try:
        url = make_url(db_url)
    except ArgumentError:
        raise DatabaseError("could not parse the database URL (expected e.g. sqlite:///file.db)") from None
    if url.drivername in ("postgresql", "postgres"):
        url = url.set(drivername="postgresql+psycopg")
    return url


def redact(db_url: str | URL) -> str:
    """The URL as it may be shown to a user: password replaced by ``***``."""
    url = parse_url(db_url) if isinstance(db_url, str) else db_url
    return url.render_as_string(hide_password=True)


def dialect_of(db_url: str | URL) -> str:
    url = parse_url(db_url) if isinstance(db_url, str) else db_url
    name = url.get_backend_name()
    if name not in ("sqlite", "postgresql"):
        raise DatabaseError(f"{redact(url)}: unsupported database {name!r} (use sqlite or postgresql)")
    return name


def param_names(sql: str) -> list[str]:
    """The ``:name`` parameters of ``sql``, in order of first use."""
    seen: list[str] = []
    for name in _PARAM.findall(sql):
        if name not in seen:
            seen.append(name)
    return seen


def to_driver_sql(sql: str, dialect: str) -> str:
    """``sql`` with ``:name`` parameters in the driver's own style."""
    if dialect == "postgresql":
        return _PARAM.sub(r"%(\1)s", sql.replace("%", "%%"))
    return sql


def _sqlite_path(url: URL) -> Path | None:
    db = url.database
    if not db or db == ":memory:" or db.startswith("file:"):
        return None
    return Path(db)


def make_engine(db_url: str, *, read_only: bool = False) -> Engine:
    """An engine without pooling (each reader holds one connection for its whole run)."""
    url = parse_url(db_url)
    dialect = dialect_of(url)
    if dialect == "sqlite":
        path = _sqlite_path(url)
        if read_only and path is not None and not path.exists():
            raise DatabaseError(f"{redact(url)}: no such database file (--read-only never creates one)")
        engine = create_engine(url, poolclass=NullPool, connect_args={"timeout": 30})
        if read_only:

            @event.listens_for(engine, "connect")
            def _query_only(dbapi_conn: Any, _record: Any) -> None:
                dbapi_conn.execute("PRAGMA query_only = ON")

        return engine
    connect_args: dict[str, Any] = {"connect_timeout": 10}
    if read_only:
        connect_args["options"] = "-c default_transaction_read_only=on"
    try:
        return create_engine(url, poolclass=NullPool, connect_args=connect_args)
    except NoSuchModuleError:
        raise DatabaseError(f"{redact(url)}: no driver for this URL (use postgresql+psycopg://)") from None


def describe_connect_error(db_url: str, exc: BaseException) -> DatabaseError:
    """One clear line for a connection failure, with the password scrubbed from the driver's text."""
    url = parse_url(db_url)
    orig = exc.orig if isinstance(exc, SADBAPIError) and exc.orig is not None else exc
    text = str(orig).strip()
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    detail = lines[0] if lines else type(orig).__name__
    if "password authentication failed" in text:
        detail = next(ln for ln in lines if "password authentication failed" in ln)
    if url.password:
        detail = detail.replace(str(url.password), "***")
    return DatabaseError(f"cannot connect to {redact(url)}: {detail}")


@dataclass
class DriverConnection:
    """A driver connection in autocommit, running pre-translated SQL and fetching every row."""

    raw: Any
    dialect: str

    def run(self, sql: str, params: Mapping[str, Any] | Sequence[Any] = ()) -> list[Any]:
        cur = self.raw.cursor()
        try:
            cur.execute(sql, params)
            return list(cur.fetchall()) if cur.description is not None else []
        finally:
            cur.close()

    def close(self) -> None:
        # Closing a broken connection must not mask the error that broke it.
        with contextlib.suppress(Exception):
            self.raw.close()

    @property
    def broken(self) -> bool:
        return bool(getattr(self.raw, "closed", False) or getattr(self.raw, "broken", False))


def open_driver_connection(db_url: str, *, read_only: bool = False) -> DriverConnection:
    """A driver connection in autocommit; connection failures become one DatabaseError line."""
    engine = make_engine(db_url, read_only=read_only)
    dialect = engine.dialect.name
    try:
        pooled = engine.raw_connection()
    except Exception as exc:
        raise describe_connect_error(db_url, exc) from None
    raw: Any = pooled.driver_connection
    pooled.detach()
    if dialect == "sqlite":
        assert isinstance(raw, sqlite3.Connection)
        raw.isolation_level = None
        raw.execute("PRAGMA busy_timeout = 30000")
    else:
        raw.autocommit = True
    return DriverConnection(raw, dialect)


def server_version(conn: DriverConnection) -> str:
    if conn.dialect == "sqlite":
        return f"SQLite {sqlite3.sqlite_version}"
    rows = conn.run("SELECT version()")
    return str(rows[0][0]).split(" on ")[0].split(",")[0] if rows else "PostgreSQL"


def table_rows(conn: DriverConnection) -> dict[str, int]:
    """Rows per anp_ table that exists (the database's own catalogue says which exist)."""
    if conn.dialect == "sqlite":
        names = [
            r[0]
            for r in conn.run("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'anp!_%' ESCAPE '!'")
        ]
    else:
        names = [
            r[0]
            for r in conn.run(
                "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename LIKE 'anp!_%' ESCAPE '!'"
            )
        ]
    return {str(n): int(conn.run(f'SELECT count(*) FROM "{n}"')[0][0]) for n in sorted(names)}


@contextmanager
def driver_errors(db_url: str, doing: str) -> Iterator[None]:
    """A driver error escaping the bench's own queries becomes one DatabaseError line, password-free."""
    try:
        yield
    except (sqlite3.Error, psycopg.Error) as exc:
        url = parse_url(db_url)
        first = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
        if url.password:
            first = first.replace(str(url.password), "***")
        raise DatabaseError(f"{doing} {redact(url)}: {first}") from None
