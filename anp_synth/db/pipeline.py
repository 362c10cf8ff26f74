"""A writer thread that writes each batch while this thread prepares the next ones (PostgreSQL).

Why a thread: the server's work on a batch (COPY, commit) and the client's preparing of the
next one can overlap only if they run on different threads; see :func:`_pipelined`.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

T = TypeVar("T")

_DONE = object()


def _pipelined(items: Iterator[T], handle: Callable[[T], None], depth: int = 2) -> None:
    """``handle`` each item in order on a writer thread while this thread produces the next ones.

    For PostgreSQL: psycopg releases the GIL while the server works through a COPY and a
    commit, so the next batch is parsed and encoded meanwhile instead of after. (Not for
    SQLite: its driver takes the GIL back after every row, and would wait on this thread.)
    A failure on either side stops both; batches already handed over are written first
    when the producer fails, so everything before a bad read still commits.
    """
    handoff: queue.Queue[Any] = queue.Queue(maxsize=depth)
    failed: list[BaseException] = []
    stop = threading.Event()

    def writer() -> None:
        while True:
            item = handoff.get()
            if item is _DONE:
                return
            if stop.is_set() or failed:
                continue
            try:
                handle(item)
            except BaseException as exc:
                failed.append(exc)

    def put(item: Any) -> None:
        while thread.is_alive():
            try:
                handoff.put(item, timeout=0.1)
                return
            except queue.Full:
                continue

    thread = threading.Thread(target=writer, name="anp-synth-writer", daemon=True)
    thread.start()
    try:
        for item in items:
            if failed:
                break
            put(item)
    except KeyboardInterrupt:
        stop.set()
        raise
    finally:
        put(_DONE)
        thread.join()
    if failed:
        raise failed[0]
