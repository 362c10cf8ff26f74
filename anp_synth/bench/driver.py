"""Driver connections for measuring: sqlite3 or psycopg, nothing in between.

Readers time ``cursor.execute`` + ``fetchall`` on the driver's own connection, in autocommit:
an ORM's per-call overhead would be measured as database latency, and an open read
transaction would hold locks (and, on PostgreSQL, a snapshot) across queries, which no admin
page does. This module imports no SQLAlchemy: reader processes start in a fraction of the
time, and the coordinator turns the URL into a :class:`ConnectSpec` once (see ``connect``).

``read_only`` is enforced by the database, in a way no statement sent afterwards can undo:

- SQLite opens the file itself read-only (a ``file:...?mode=ro`` URI): the operating-system
  handle cannot write, so ``PRAGMA query_only = OFF`` lifts nothing. ``query_only`` is set too.
- PostgreSQL runs every statement in its own ``BEGIN READ ONLY`` ... ``COMMIT``, the three
  pipelined in one round trip. A statement may turn ``default_transaction_read_only`` off
  (the session also starts with it on), but the next transaction is again opened READ ONLY
  explicitly, and inside one the server refuses to become read-write once a query has run.

On PostgreSQL every statement goes over the extended protocol (a pipeline, or a prepared
statement), which refuses a text holding two statements: ``SELECT 1; DELETE ...`` is an error
from the server itself, whatever the bench's own check (:mod:`anp_synth.bench.statements`) said.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import urllib.parse
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

SQLITE_BUSY_TIMEOUT_MS = 30_000
PG_CONNECT_TIMEOUT_S = 10


@dataclass(frozen=True)
class ConnectSpec:
    """How to open one driver connection; picklable, so it travels to reader processes.

    ``shown`` is the redacted URL, for messages; the password lives only in ``kwargs``.
    """

    dialect: str
    shown: str
    args: tuple[Any, ...] = ()
    kwargs: Mapping[str, Any] = field(default_factory=dict)
    read_only: bool = False
    password: str | None = field(default=None, repr=False)

    def scrub(self, text: str) -> str:
        return text.replace(self.password, "***") if self.password else text


@dataclass
class DriverConnection:
    """A driver connection in autocommit, running driver-style SQL and fetching every row.

    ``run`` sends exactly one statement. On a read-only PostgreSQL connection it runs inside its
    own ``BEGIN READ ONLY`` transaction; ``explain`` runs a pre-check or plan inside a read-only
    transaction that is always rolled back, whatever the connection's mode.
    """

    raw: Any
    dialect: str
    read_only: bool = False

    def run(self, sql: str, params: Mapping[str, Any] | Sequence[Any] = ()) -> list[Any]:
        if self.dialect == "postgresql":
            if self.read_only:
                return self._pg_wrapped("BEGIN READ ONLY", sql, params, "COMMIT")
            return self._pg_prepared(sql, params)
        cur = self.raw.cursor()
        try:
            cur.execute(sql, params)
            return list(cur.fetchall()) if cur.description is not None else []
        finally:
            cur.close()

    def explain(self, sql: str, params: Mapping[str, Any] | Sequence[Any] = ()) -> list[Any]:
        """Run an EXPLAIN (``sql``): on PostgreSQL in a READ ONLY transaction that is rolled back,
        so nothing it might do (a function evaluated while planning, an ANALYZE) is kept."""
        if self.dialect == "postgresql":
            return self._pg_wrapped("BEGIN READ ONLY", sql, params, "ROLLBACK")
        return self.run(sql, params)

    def _pg_prepared(self, sql: str, params: Mapping[str, Any] | Sequence[Any]) -> list[Any]:
        # prepare=True: the extended protocol even without parameters (psycopg would otherwise
        # send a parameterless text as a simple query, which runs every statement it holds).
        cur = self.raw.cursor()
        try:
            cur.execute(sql, params, prepare=True)
            return list(cur.fetchall()) if cur.description is not None else []
        finally:
            cur.close()

    def _pg_wrapped(self, begin: str, sql: str, params: Mapping[str, Any] | Sequence[Any], end: str) -> list[Any]:
        raw = self.raw
        cur = raw.cursor()
        control = raw.cursor()
        try:
            if _pipeline_supported():
                # One round trip; a pipeline always uses the extended protocol.
                with raw.pipeline():
                    control.execute(begin)
                    cur.execute(sql, params)
                    control.execute(end)
            else:  # a libpq older than 14: three round trips, the statement still prepared
                control.execute(begin)
                cur.execute(sql, params, prepare=True)
                rows = list(cur.fetchall()) if cur.description is not None else []
                control.execute(end)
                return rows
            return list(cur.fetchall()) if cur.description is not None else []
        except BaseException:
            # The failed statement left the transaction open (aborted): end it, or every later
            # statement on this connection would fail too.
            with contextlib.suppress(Exception):
                if not self.broken and raw.info.transaction_status != _PG_IDLE:
                    raw.execute("ROLLBACK")
            raise
        finally:
            cur.close()
            control.close()

    def close(self) -> None:
        # Closing a broken connection must not mask the error that broke it.
        with contextlib.suppress(Exception):
            self.raw.close()

    @property
    def broken(self) -> bool:
        return bool(getattr(self.raw, "closed", False) or getattr(self.raw, "broken", False))


_PG_IDLE = 0
"""libpq's PQTRANS_IDLE: no transaction open on the connection."""


def _pipeline_supported() -> bool:
    import psycopg

    return bool(psycopg.Pipeline.is_supported())


def sqlite_read_only_target(target: str, uri: bool) -> str:
    """``target`` (a path, or a ``file:`` URI when ``uri``) as a URI that opens it read-only.

    ``mode=ro`` makes SQLite open the file with a read-only handle; any ``mode`` the URL gave
    (``rw``, ``rwc``) is replaced. An in-memory database has nothing to protect and no data to
    query, so it is refused.
    """
    if not uri:
        if target in ("", ":memory:"):
            raise ValueError("an in-memory SQLite database cannot be opened read-only (nothing to query)")
        return "file:" + urllib.parse.quote(os.path.abspath(target)) + "?mode=ro"
    parts = urllib.parse.urlsplit(target)
    query = [(k, v) for k, v in urllib.parse.parse_qsl(parts.query, keep_blank_values=True) if k != "mode"]
    if any(k == "mode" and v == "memory" for k, v in urllib.parse.parse_qsl(parts.query)):
        raise ValueError("an in-memory SQLite database cannot be opened read-only (nothing to query)")
    query.append(("mode", "ro"))
    return urllib.parse.urlunsplit(parts._replace(query=urllib.parse.urlencode(query)))


def open_spec(spec: ConnectSpec) -> DriverConnection:
    """Connect as ``spec`` says; the driver's exception propagates (the caller words it)."""
    if spec.dialect == "sqlite":
        # Closed-loop clients connect in the reader's main thread and run in their own.
        options = {**spec.kwargs, "timeout": SQLITE_BUSY_TIMEOUT_MS / 1000, "check_same_thread": False}
        args = spec.args
        if spec.read_only:
            target = str(args[0]) if args else ":memory:"
            args = (sqlite_read_only_target(target, bool(options.get("uri"))), *args[1:])
            options["uri"] = True
        raw: Any = sqlite3.connect(*args, **options)
        raw.isolation_level = None
        raw.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
        if spec.read_only:
            raw.execute("PRAGMA query_only = ON")
        return DriverConnection(raw, "sqlite", spec.read_only)
    import psycopg

    kwargs = dict(spec.kwargs)
    kwargs.setdefault("connect_timeout", PG_CONNECT_TIMEOUT_S)
    if spec.read_only:
        kwargs["options"] = (str(kwargs.get("options", "")) + " -c default_transaction_read_only=on").strip()
    raw = psycopg.connect(*spec.args, autocommit=True, **kwargs)
    return DriverConnection(raw, "postgresql", spec.read_only)


def first_line(exc: BaseException, spec: ConnectSpec | None = None) -> str:
    """The first line of a driver error, password-free."""
    text = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
    return spec.scrub(text) if spec is not None else text
