"""From a database URL to a driver connection, with credentials kept out of every message.

:mod:`anp_synth.dburl` parses the URL and gives psycopg's arguments (SQLAlchemy's pysqlite
dialect reads SQLite's query options); the bench then connects with the driver itself
(:mod:`anp_synth.bench.driver`). Queries are written with ``:name`` parameters; for psycopg
they are rewritten to ``%(name)s`` once, before the run. A missing SQLite file is refused in read-only mode instead of being created.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .. import dbserver, dburl
from ..errors import DatabaseError
from .driver import ConnectSpec, DriverConnection, first_line, open_spec

if TYPE_CHECKING:
    from sqlalchemy.engine import URL

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
    """The URL as SQLAlchemy's object, or an InvalidArgument that does not echo it (see :mod:`anp_synth.dburl`)."""
    return dburl.parse(db_url).sqlalchemy_url()


def redact(db_url: str | URL) -> str:
    """The URL as it may be shown to a user: every password replaced by ``***``."""
    return dburl.redact(db_url)


def dialect_of(db_url: str | URL) -> str:
    """``sqlite`` or ``postgresql``; anything else was refused by the parser."""
    return dburl.parse(db_url).dialect if isinstance(db_url, str) else str(db_url.get_backend_name())


@dataclass(frozen=True)
class _RedactingSpec(ConnectSpec):
    """A ConnectSpec that masks every secret of its URL, and any 4-character piece of one.

    Reader processes unpickle it: this module imports SQLAlchemy only inside functions, so
    that costs them nothing.
    """

    secrets: tuple[str, ...] = field(default=(), repr=False)

    def scrub(self, text: str) -> str:
        return dburl.mask_secrets(text, self.secrets)

    def __repr__(self) -> str:
        # The driver's kwargs hold the password; a repr reaches tracebacks and --showlocals.
        return self.scrub(super().__repr__())


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
    """How the driver connects to ``db_url`` (psycopg: :mod:`anp_synth.dburl`'s arguments)."""
    url = dburl.parse(db_url)
    shown = url.redacted()
    if url.dialect == "postgresql":
        kwargs = url.psycopg_kwargs(application_name="anp-synth bench")
        return _RedactingSpec(
            dialect="postgresql", shown=shown, kwargs=kwargs, read_only=read_only,
            password=url.password, secrets=url.secrets(),
        )  # fmt: skip
    from sqlalchemy import create_engine
    from sqlalchemy.pool import NullPool

    # SQLite query options (uri, timeout...) as SQLAlchemy's pysqlite dialect reads them.
    sa_url = url.sqlalchemy_url()
    engine = create_engine(sa_url, poolclass=NullPool)
    cargs, cparams = engine.dialect.create_connect_args(sa_url)
    engine.dispose()
    kwargs = {k: v for k, v in cparams.items() if k not in ("context", "check_same_thread")}
    target = str(cargs[0]) if cargs else ":memory:"
    if read_only and not kwargs.get("uri") and not Path(target).exists():
        raise DatabaseError(f"{shown}: no such database file (--read-only never creates one)")
    return _RedactingSpec(
        dialect="sqlite", shown=shown, args=tuple(cargs), kwargs=kwargs, read_only=read_only, secrets=url.secrets()
    )


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
    """The server's version string, worded by :mod:`anp_synth.dbserver`."""
    if conn.dialect == "sqlite":
        return dbserver.sqlite_version()
    return dbserver.postgresql_version(lambda sql: (conn.run(sql) or [(None,)])[0][0])


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
        url = dburl.parse(db_url)
        raise DatabaseError(f"{doing} {url.redacted()}: {url.scrub(first_line(exc))}") from None
