"""Open a database from a URL, and keep its password out of every message.

Every text that may reach a user (errors, reports, logs) goes through :func:`redact` or
:func:`scrub`, thin names over :mod:`anp_synth.dburl`, the one module that parses and
redacts URLs: drivers sometimes echo the DSN they were given, so their messages are
scrubbed too.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import URL
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.pool import NullPool

from .. import dbserver, dburl
from ..errors import DatabaseError

DEFAULT_DB_URL = "sqlite:///anp-synth.db"
"""A SQLite file in the working directory: the importer works with no database set up."""

SQLITE_PRAGMAS: tuple[tuple[str, str], ...] = (
    # WAL: readers (the load tester) keep reading while a batch is written, and a commit is
    # one sequential append instead of a rollback-journal copy of every touched page.
    ("journal_mode", "WAL"),
    # NORMAL in WAL mode: a commit survives a killed process (SIGKILL) intact; only an OS
    # crash or power loss may lose the last commits, never corrupt the file. FULL would
    # fsync on every batch for a guarantee a synthetic-data load does not need.
    ("synchronous", "NORMAL"),
    # 64 MiB of page cache: index pages of a large load stay hot; bounded, so memory stays flat.
    ("cache_size", "-65536"),
    # Checkpoint every 256 MiB of WAL instead of every 4 MiB: a bulk load touches the same
    # index pages batch after batch, and a checkpoint copies each page once however many
    # batches rewrote it (15-20% less write time measured); the importer truncates the WAL
    # when it is done.
    ("wal_autocheckpoint", "65536"),
    # Sorts that outgrow the cache spill to temporary files, not to memory: building a
    # deferred index after a first load sorts every row of the table (see sqlite.py).
    ("temp_store", "FILE"),
    # Wait for a concurrent writer (or a reader's checkpoint) rather than failing at once.
    ("busy_timeout", "30000"),
)


def parse_url(db_url: str) -> URL:
    """A SQLAlchemy URL; plain ``postgresql://`` means psycopg 3, the driver anp-synth ships with.

    Parsing, normalising and the refusal of anything else live in :mod:`anp_synth.dburl`.
    """
    return dburl.parse(db_url).sqlalchemy_url()


def redact(url: URL | str) -> str:
    """The URL as text, every password replaced by ``***`` (see :func:`anp_synth.dburl.redact`)."""
    return dburl.redact(url)


def scrub(message: str, url: URL) -> str:
    """``message`` with the URL's secrets, and any 4-character piece of them, masked."""
    return dburl.scrub(message, url)


def _sqlite_connect(dbapi_connection: Any, _record: object) -> None:
    # pysqlite's own implicit transactions fight BEGIN IMMEDIATE: we open every transaction ourselves.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    for name, value in SQLITE_PRAGMAS:
        cursor.execute(f"PRAGMA {name}={value}")
    cursor.close()


def _sqlite_begin(conn: Connection) -> None:
    # IMMEDIATE takes the write lock at BEGIN, so two writers queue instead of deadlocking later.
    conn.exec_driver_sql("BEGIN IMMEDIATE")


def open_engine(db_url: str) -> Engine:
    """An engine without a pool (every batch holds one connection; nothing lingers after)."""
    parsed = dburl.parse(db_url)
    url = parsed.sqlalchemy_url()
    if parsed.dialect == "sqlite":
        engine = create_engine(url, poolclass=NullPool)
        event.listen(engine, "connect", _sqlite_connect)
        event.listen(engine, "begin", _sqlite_begin)
    else:
        # psycopg gets exactly the arguments the importer's own connections get (dburl's).
        engine = create_engine(url, poolclass=NullPool, connect_args=parsed.psycopg_kwargs())
    return engine


def describe_error(exc: BaseException, url: URL) -> str:
    """A one-line, password-free account of a driver error."""
    orig = getattr(exc, "orig", None) or exc
    first = (str(orig).strip().splitlines() or [type(orig).__name__])[0]
    return scrub(first, url)


@contextmanager
def database_errors(url: URL, doing: str) -> Iterator[None]:
    """Turn driver errors into DatabaseError naming the redacted URL and what we were doing."""
    try:
        yield
    except SQLAlchemyError as exc:
        raise DatabaseError(f"{doing} {redact(url)}: {describe_error(exc, url)}") from None
    except OSError as exc:
        raise DatabaseError(f"{doing} {redact(url)}: {scrub(str(exc), url)}") from None


def server_version(engine: Engine) -> str:
    """The server's version string (SQLite library version for SQLite), worded by :mod:`anp_synth.dbserver`."""
    if engine.dialect.name == "sqlite":
        return dbserver.sqlite_version()
    with engine.connect() as conn:
        return dbserver.postgresql_version(lambda sql: conn.execute(text(sql)).scalar_one())
