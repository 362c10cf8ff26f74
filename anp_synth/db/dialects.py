"""From a database URL to its dialect's :class:`~.backend.Backend`, connected.

Why apart: the importer connects (and reconnects after a lost connection) without knowing
which backends exist, and only this module imports them, each on first use, so a SQLite
import never loads psycopg.
"""

from __future__ import annotations

from ..errors import AnpSynthError, DatabaseError
from .backend import Backend, TransientError
from .connect import parse_url, redact


def dialect_of(db_url: str) -> str:
    """``sqlite`` or ``postgresql``; a URL that is neither is refused later, with the importer's message."""
    try:
        return parse_url(db_url).get_backend_name()
    except AnpSynthError:
        return "unknown"


def connect_backend(db_url: str, lock_timeout_s: float) -> Backend:
    """The dialect's backend, connected; a server that cannot be reached is a TransientError (retried)."""
    url = parse_url(db_url)
    if url.get_backend_name() == "sqlite":
        from .sqlite import SqliteBackend

        return SqliteBackend(url)
    from .postgres import PostgresBackend

    return PostgresBackend(url, lock_timeout_s=lock_timeout_s)


def open_backend(db_url: str, *, lock_timeout_s: float = 30.0) -> Backend:
    """The dialect's backend, connected; a clear DatabaseError if the server cannot be reached."""
    try:
        return connect_backend(db_url, lock_timeout_s)
    except TransientError as exc:
        raise DatabaseError(f"cannot connect to {redact(parse_url(db_url))}: {exc}") from None
