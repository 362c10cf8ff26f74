"""Bounded retries of what may pass (a lost connection, a lock or busy timeout, a deadlock), told and counted.

Why one place: every step of an import that talks to the database (prepare the schema,
connect, read the ledger, write a batch) meets the same transient failures, and each must
be retried with the same backoff, told to the user in the same words, counted in the
report under its kind, and given up on with a message that says how to resume.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import TypeVar

from ..errors import DatabaseError
from .backend import Backend, TransientError
from .options import ImportOptions
from .report import ImportReport

T = TypeVar("T")

OnEvent = Callable[[str], None]
"""Receives one line for each thing worth telling while an import runs (a lock wait, a retry)."""

MAX_BACKOFF_S = 30.0


def check_stop(stop: threading.Event | None) -> None:
    """Between batches: a set ``stop`` event ends the import here, as a KeyboardInterrupt would."""
    if stop is not None and stop.is_set():
        raise KeyboardInterrupt


class Retrier:
    """Runs an import's database steps with the retries of its options, counting them in its report."""

    def __init__(
        self,
        target: str,
        options: ImportOptions,
        report: ImportReport,
        on_event: OnEvent | None = None,
        stop: threading.Event | None = None,
    ) -> None:
        self.target = target
        """The database, redacted, as messages name it."""
        self.options = options
        self.report = report
        self.on_event = on_event
        self.stop = stop

    def run(self, backend: Backend | None, op: Callable[[], T], doing: str) -> T:
        """``op`` with bounded retries of what may pass (lost connection, lock or busy timeout, deadlock).

        Backoff doubles from ``backoff_s``; each retry is told through ``on_event`` and counted
        in the report under its kind; after ``retries`` a clear DatabaseError. ``backend``, when
        given, reconnects before each retry.
        """
        first_failure: float | None = None
        attempt = 0
        while True:
            try:
                if attempt and backend is not None:
                    backend.reconnect()
                return op()
            except TransientError as exc:
                now = time.monotonic()
                first_failure = first_failure or now
                self._count(exc.kind)
                if attempt >= self.options.retries:
                    raise DatabaseError(self._give_up(exc, doing, attempt + 1, now - first_failure)) from None
                wait = min(self.options.backoff_s * 2**attempt, MAX_BACKOFF_S)
                self.report.retries += 1
                self._tell(f"{self._what(exc, doing)}; retry {attempt + 1} of {self.options.retries} in {wait:.1f} s")
                if self.stop is not None:
                    self.stop.wait(wait)
                    check_stop(self.stop)
                else:
                    time.sleep(wait)
                attempt += 1

    def _count(self, kind: str) -> None:
        if kind == "lock":
            self.report.lock_waits += 1
        elif kind == "deadlock":
            self.report.deadlocks += 1
        else:
            self.report.connections_lost += 1

    def _what(self, exc: TransientError, doing: str) -> str:
        target = self.target
        if exc.kind == "lock":
            limit = (f"lock timeout {self.options.lock_timeout_s:g} s" if self.report.dialect == "postgresql"
                     else "busy timeout")  # fmt: skip
            return (f"waited for a lock to {doing} {target} ({limit}): another session holds it "
                    f"(a running or stopped import, a migration, an open transaction): {exc}")  # fmt: skip
        if exc.kind == "deadlock":
            return f"deadlock with another session while trying to {doing} {target}: {exc}"
        return f"lost the connection to {target} while trying to {doing} it: {exc or 'connection lost'}"

    def _give_up(self, exc: TransientError, doing: str, attempts: int, seconds: float) -> str:
        hint = "every batch committed so far is kept: run the same import again to resume"
        if exc.kind == "lock":
            hint = "stop the session holding the lock or give a longer --lock-timeout; " + hint
        if exc.kind == "connection":
            return (f"lost the connection to {self.target} and could not get it back after {attempts} attempts "
                    f"over {seconds:.1f} s (last error: {exc or 'connection lost'}); {hint}")  # fmt: skip
        return f"gave up after {attempts} attempts over {seconds:.1f} s: {self._what(exc, doing)}; {hint}"

    def _tell(self, message: str) -> None:
        if self.on_event is not None:
            self.on_event(message)
