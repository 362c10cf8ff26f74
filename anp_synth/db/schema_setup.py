"""Bringing a database to the schema the importer writes, before any batch: create, repair or refuse.

Why apart from the importer: ``anp-synth db init`` and a cluster's client need the same step
without an import, and it is the one place that decides what a database at another schema
version means (an empty one is created at head, an older one refused with the command that
upgrades it, a killed load's missing index built again).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

from sqlalchemy import event

from ..errors import DatabaseError
from .backend import TransientError
from .connect import database_errors, open_engine, parse_url, redact
from .migrations import HEAD, index_problems, inspect_schema, repair_indexes, upgrade


def prepare_database(db_url: str) -> int:
    """Create the schema in an empty database; refuse a foreign or outdated one. Returns the version.

    An index that a killed load left missing (or, on PostgreSQL, invalid) is built again here,
    as ``anp-synth db repair`` does.
    """
    try:
        return _prepare_database(db_url, 30.0)
    except TransientError as exc:
        raise DatabaseError(f"cannot open {redact(parse_url(db_url))}: {exc}") from None


def _prepare_database(db_url: str, lock_timeout_s: float) -> int:
    """:func:`prepare_database`, but a busy SQLite database or a PostgreSQL lock timeout (a
    concurrent migration holds the schema lock) is a TransientError: the caller retries."""
    url = parse_url(db_url)
    engine = open_engine(db_url)
    if url.get_backend_name() == "postgresql":
        timeout = f"{int(lock_timeout_s * 1000)}ms"

        def bounded(dbapi_connection: Any, _record: object) -> None:
            with dbapi_connection.cursor() as cur:
                cur.execute("SELECT set_config('lock_timeout', %s, false)", (timeout,))
            dbapi_connection.commit()

        event.listen(engine, "connect", bounded)
    try:
        with database_errors(url, "cannot open"), _busy_is_transient():
            with engine.connect() as conn:
                state = inspect_schema(conn)
                problems = index_problems(conn, state.version) if state.version else []
            if state.version is None:
                upgrade(engine)
                return HEAD
            if problems and state.version >= HEAD:
                repair_indexes(engine)
        if state.version < HEAD:
            raise DatabaseError(
                f"{redact(url)} is at anp-synth schema version {state.version}, this importer writes "
                f"version {HEAD}: run `anp-synth db upgrade --db URL` first"
            )
        return state.version
    finally:
        engine.dispose()


@contextlib.contextmanager
def _busy_is_transient() -> Iterator[None]:
    from sqlalchemy.exc import OperationalError

    try:
        yield
    except OperationalError as exc:
        text = str(exc.orig)
        if "database is locked" in text or "database is busy" in text or "lock timeout" in text:
            raise TransientError(text.strip().splitlines()[0], kind="lock") from None
        raise
