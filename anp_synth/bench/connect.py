"""From a database URL to a driver connection, with credentials kept out of every message.

SQLAlchemy parses the URL and says how its driver would connect (``create_connect_args``);
the bench then connects with the driver itself (:mod:`anp_synth.bench.driver`). Queries are
written with ``:name`` parameters; for psycopg they are rewritten to ``%(name)s`` once,
before the run. A missing SQLite file is refused in read-only mode instead of being created.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError
from sqlalchemy.pool import NullPool

from ..errors import DatabaseError
from .driver import ConnectSpec, DriverConnection, first_line, open_spec

_PARAM = re.compile(r"(?<![:\w]):([A-Za-z_]\w*)")

__all__ = [
    "ConnectSpec",
    "DriverConnection",
    "connect_spec",
    "dialect_of",
    "driver_errors",
    "open_driver_connection",
    "param_names",
    "parse_url",
    "redact",
    "server_version",
    "table_rows",
    "to_driver_sql",
]


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
    if name == "postgresql" and url.get_driver_name() != "psycopg":
        raise DatabaseError(f"{redact(url)}: use the psycopg driver (postgresql+psycopg://)")
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


def connect_spec(db_url: str, *, read_only: bool = False) -> ConnectSpec:
    """How the driver connects to ``db_url`` (SQLAlchemy's own translation of the URL)."""
    url = parse_url(db_url)
    dialect = dialect_of(url)
    try:
        engine = create_engine(url, poolclass=NullPool)
    except NoSuchModuleError:
        raise DatabaseError(f"{redact(url)}: no driver for this URL") from None
    cargs, cparams = engine.dialect.create_connect_args(url)
    engine.dispose()
    kwargs = {k: v for k, v in cparams.items() if k not in ("context", "check_same_thread")}
    if dialect == "sqlite":
        target = str(cargs[0]) if cargs else ":memory:"
        if read_only and target != ":memory:" and not kwargs.get("uri") and not Path(target).exists():
            raise DatabaseError(f"{redact(url)}: no such database file (--read-only never creates one)")
    password = str(url.password) if url.password else None
    return ConnectSpec(dialect, redact(url), tuple(cargs), kwargs, read_only, password)


def open_driver_connection(db_url: str | ConnectSpec, *, read_only: bool = False) -> DriverConnection:
    """A driver connection in autocommit; a connection failure is one DatabaseError line."""
    spec = db_url if isinstance(db_url, ConnectSpec) else connect_spec(db_url, read_only=read_only)
    try:
        return open_spec(spec)
    except Exception as exc:
        text = spec.scrub(str(exc))
        lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
        detail = next((ln for ln in lines if "authentication failed" in ln), lines[0] if lines else type(exc).__name__)
        raise DatabaseError(f"cannot connect to {spec.shown}: {detail}") from None


def server_version(conn: DriverConnection) -> str:
    if conn.dialect == "sqlite":
        return f"SQLite {sqlite3.sqlite_version}"
    rows = conn.run("SHOW server_version")
    return f"PostgreSQL {rows[0][0]}" if rows else "PostgreSQL"


def table_rows(conn: DriverConnection) -> dict[str, int]:
    """Rows per anp_ table that exists (the database's own catalogue says which exist)."""
    if conn.dialect == "sqlite":
        sql = "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'anp!_%' ESCAPE '!'"
    else:
        sql = (
            "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() "
            "AND tablename LIKE 'anp!_%%' ESCAPE '!'"
        )
    names = sorted(str(r[0]) for r in conn.run(sql))
    return {n: int(conn.run(f'SELECT count(*) FROM "{n}"')[0][0]) for n in names}


def _is_driver_error(exc: BaseException) -> bool:
    return isinstance(exc, sqlite3.Error) or type(exc).__module__.startswith("psycopg")


@contextmanager
def driver_errors(db_url: str, doing: str) -> Iterator[None]:
    """A driver error escaping the bench's own queries becomes one DatabaseError line, password-free."""
    try:
        yield
    except Exception as exc:
        if not _is_driver_error(exc):
            raise
        spec_url = parse_url(db_url)
        detail = first_line(exc)
        if spec_url.password:
            detail = detail.replace(str(spec_url.password), "***")
        raise DatabaseError(f"{doing} {redact(spec_url)}: {detail}") from None
