"""N writer connections (PostgreSQL ``import --jobs N``), each committing whole batches, fed in input order.

The importer hands its batches (already prepared, in input order) to ``jobs`` writer
threads, each with its own connection. psycopg releases the GIL while the server works
through a COPY and a commit, so with one stream the next batch is prepared meanwhile, and
with N the server runs N backends at once: a single backend's COPY into indexed tables is
CPU-bound on the server, so a server with idle cores takes N batches at once.

What stays exactly as with one writer:

- every batch is one transaction with its ledger entry (the backend's ``write``), so a kill
  at any moment leaves whole batches only; batches may *commit* out of input order, which
  the ledger does not mind: it keys a batch by its content, and the next run skips every
  batch it holds, wherever it is in the input;
- the rows: an article's id and its children's keys come from the record (seed, profile),
  never from insertion order, so N streams store exactly the rows of one, row for row;
- everything else the importer does per batch runs under one lock, :attr:`Streams.serial`,
  which a stream holds for the whole of its batch except the database's work
  (:meth:`_Stream.write` and :meth:`_Stream.reconnect` let go of it). A stream takes its
  next batch while holding the lock, so the importer's own bookkeeping before the write
  (the duplicate rule across batches, the abort on a bad record, ``resumed_at``) sees
  the batches in input order, exactly as with one writer; after the write, the report's
  counts, the rejects file, ``progress`` and ``on_batch`` run one stream at a time (in
  commit order), so none of them needs to be thread-safe;
- a failure in any stream (or a stop) ends them all at the next batch boundary: batches
  other streams are writing at that moment finish (commit or fail whole), batches not yet
  taken are never written, and the first failure is raised to the caller;
- a lost connection, a lock or a deadlock is retried on the stream's own connection, by the
  importer's ``_retrying`` (counted in the report like any other retry).

Memory stays flat: at most ``jobs`` batches are being written and ``max(2, jobs)`` wait.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar

from ..errors import InvalidArgument
from .backend import Backend, BatchOutcome, OnConflicts
from .encode import EncodedBatch

T = TypeVar("T")

_DONE = object()


def check_jobs(jobs: int, dialect: str) -> None:
    """``jobs`` (already 1..64: :class:`.options.ImportOptions`) must be 1 on SQLite: one writer at a time.

    N SQLite connections would only queue on the database's write lock (each waiting out
    the others' transactions, busy timeouts included) and gain nothing, so more than one is
    refused rather than silently run one at a time.
    """
    if jobs > 1 and dialect == "sqlite":
        raise InvalidArgument(
            f"jobs={jobs}: --jobs applies to PostgreSQL only; SQLite has one writer at a time (give --jobs 1)"
        )


class _Stream:
    """One writer's backend, as the importer sees it: the database's work runs without :attr:`Streams.serial`."""

    def __init__(self, backend: Backend, serial: threading.Lock) -> None:
        self.backend = backend
        self.dialect = backend.dialect
        self._serial = serial

    def server_version(self) -> str:
        return self.backend.server_version()

    def ledger_keys(self) -> set[str]:
        return self.backend.ledger_keys()

    def ledger_entry(self, key: str) -> dict[str, Any] | None:
        return self.backend.ledger_entry(key)

    def write(
        self, batch: EncodedBatch, entry: dict[str, Any], on_conflict: str, on_conflicts: OnConflicts
    ) -> BatchOutcome:
        def serialized(conflicts: Any) -> None:
            # Inside the batch's transaction: the rejects file and the report are shared.
            with self._serial:
                on_conflicts(conflicts)

        self._serial.release()
        try:
            return self.backend.write(batch, entry, on_conflict, serialized)
        finally:
            self._serial.acquire()

    def begin_load(self) -> bool:
        return self.backend.begin_load()

    def finish_load(self, version: int) -> None:
        self.backend.finish_load(version)

    def checkpoint(self) -> None:
        self.backend.checkpoint()

    def reconnect(self) -> None:
        self._serial.release()
        try:
            self.backend.reconnect()
        finally:
            self._serial.acquire()

    def close(self) -> None:
        self.backend.close()


class Streams:
    """``jobs`` writer threads over ``backends`` (one connection each), fed by :meth:`write`."""

    def __init__(self, backends: Sequence[Backend]) -> None:
        self.serial = threading.Lock()
        self.streams = [_Stream(b, self.serial) for b in backends]

    def write(self, items: Iterator[T], handle: Callable[[Backend, T], None]) -> None:
        """``handle(stream, item)`` every item, each on one of the streams, taken in input order.

        This thread produces the items (reading, preparing) while the streams write. A failure
        in a stream stops every stream and the producer; when the producer fails (a read error),
        the items handed over before it are still written, so everything before the bad item
        commits, as with one writer. A KeyboardInterrupt here lets the batches being written
        finish and hands out no other.
        """
        depth = max(2, len(self.streams))
        handoff: queue.Queue[Any] = queue.Queue(maxsize=depth)
        failed: list[BaseException] = []
        stopped = threading.Event()

        def writer(stream: _Stream) -> None:
            try:
                while True:
                    with self.serial:  # taken under the lock: bookkeeping before the write is in input order
                        if stopped.is_set() or failed:
                            return
                        item = handoff.get()  # may wait here while another stream fails or a stop comes
                        if item is _DONE or stopped.is_set() or failed:
                            return
                        handle(stream, item)
            except BaseException as exc:
                failed.append(exc)
                stopped.set()

        threads = [
            threading.Thread(target=writer, args=(s,), name=f"anp-synth-writer-{i}", daemon=True)
            for i, s in enumerate(self.streams)
        ]

        def put(item: Any) -> None:
            while any(t.is_alive() for t in threads):
                try:
                    handoff.put(item, timeout=0.1)
                    return
                except queue.Full:
                    continue

        for thread in threads:
            thread.start()
        try:
            for item in items:
                if failed:
                    break
                put(item)
        except KeyboardInterrupt:
            stopped.set()  # batches taken finish, no other is taken
            raise
        finally:
            for _ in threads:
                put(_DONE)
            for thread in threads:
                thread.join()
        if failed:
            raise failed[0]
