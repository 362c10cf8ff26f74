"""Driver connections for measuring: sqlite3 or psycopg, nothing in between.

Readers time ``cursor.execute`` + ``fetchall`` on the driver's own connection, in autocommit:
an ORM's per-call overhead would be measured as database latency, and an open read
transaction would hold locks (and, on PostgreSQL, a snapshot) across queries, which no admin
page does. This module imports no SQLAlchemy: reader processes start in a fraction of the
time, and the coordinator turns the URL into a :class:`ConnectSpec` once (see ``connect``).

``read_only`` is enforced by the database: PostgreSQL sessions start with
``default_transaction_read_only=on``, SQLite connections with ``PRAGMA query_only``.
"""

from __future__ import annotations

import contextlib
import sqlite3
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
    """A driver connection in autocommit, running driver-style SQL and fetching every row."""

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


def open_spec(spec: ConnectSpec) -> DriverConnection:
    """Connect as ``spec`` says; the driver's exception propagates (the caller words it)."""
    if spec.dialect == "sqlite":
        # Closed-loop clients connect in the reader's main thread and run in their own.
        options = {**spec.kwargs, "timeout": SQLITE_BUSY_TIMEOUT_MS / 1000, "check_same_thread": False}
        raw: Any = sqlite3.connect(*spec.args, **options)
        raw.isolation_level = None
        raw.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
        if spec.read_only:
            raw.execute("PRAGMA query_only = ON")
        return DriverConnection(raw, "sqlite")
    import psycopg

    kwargs = dict(spec.kwargs)
    kwargs.setdefault("connect_timeout", PG_CONNECT_TIMEOUT_S)
    if spec.read_only:
        kwargs["options"] = (str(kwargs.get("options", "")) + " -c default_transaction_read_only=on").strip()
    raw = psycopg.connect(*spec.args, autocommit=True, **kwargs)
    return DriverConnection(raw, "postgresql")


def first_line(exc: BaseException, spec: ConnectSpec | None = None) -> str:
    """The first line of a driver error, password-free."""
    text = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
    return spec.scrub(text) if spec is not None else text
