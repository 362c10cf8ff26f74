"""A bounded process pool that hands results back in input order.

Why one helper: generating a data set (:mod:`anp_synth.dataset`) and importing
(:mod:`anp_synth.db.workers`) both send work to processes and must consume the results in
input order (a file's bytes, a ledger's batches), with memory flat whatever the input: a
task is submitted only once the one ``limit`` places before it has been handed on, so at
most ``limit`` results wait at once. Each caller picks its start method (its reasons differ:
see the callers), so the context is a parameter.
"""

from __future__ import annotations

import contextlib
import os
import signal
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack
from multiprocessing.context import BaseContext
from multiprocessing.pool import AsyncResult, Pool
from typing import Any, TypeVar

from .argcheck import integer

K = TypeVar("K")
R = TypeVar("R")

__all__ = ["MAX_WORKERS", "check_workers", "ignore_sigint", "in_order"]

MAX_WORKERS = 64
"""More processes than this is a typo, not a plan: each one holds its own generator caches."""


def check_workers(workers: object) -> int:
    """``workers`` if it is 1..:data:`MAX_WORKERS`, else InvalidArgument.

    The one meaning of ``workers`` for ``generate`` and ``import`` (CLI and library): how many
    processes prepare records, 1 being the calling process alone, with no worker process.
    """
    return integer("workers", workers, 1, MAX_WORKERS)


def ignore_sigint() -> None:
    """Worker initializer: Ctrl-C reaches the whole process group, but only the parent decides
    when and how to stop (one message, no worker tracebacks, no result lost mid-task)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


WORKER_NICE = 10
"""How much lower a worker process's scheduling priority is than its parent's (``os.nice``).

The parent takes the workers' results in order and writes them (SQLite's one writer, the
output file of ``generate``, PostgreSQL's COPY streams): a run goes at the pace of that one
process, so when the cores are short it should get them first, and the workers the rest.
With as many workers as cores plus the writer on two shared cores, the writer lost its core
to them: SQLite, 100,000 articles, two worker processes, two rounds each side by side: 32.3
and 37.8 s with the workers at +10, 34.8 and 42.7 s without; PostgreSQL, whose server
shares the cores too, 41.1 and 43.7 s against 43.2 and 39.9 s, no difference that shows
(benchmarks/README.md, "SQLite: worker processes by default"). A machine with cores to spare
runs the workers as fast as before: niceness only orders who waits."""


def _start_worker() -> None:
    """Worker initializer: :func:`ignore_sigint`, the collector tuned for batch work
    (:mod:`anp_synth.gcpolicy`: a worker process is anp-synth's own, whoever called the library),
    and a lower priority than the process writing its results (:data:`WORKER_NICE`)."""
    from .gcpolicy import tune_for_batch_work

    ignore_sigint()
    tune_for_batch_work()
    if hasattr(os, "nice"):  # not on Windows
        with contextlib.suppress(OSError):
            os.nice(WORKER_NICE)


def _result(result: AsyncResult[R], stop: threading.Event | None) -> R:
    """A worker's result; a set ``stop`` ends the wait (a worker killed by a signal never answers)."""
    if stop is None:
        return result.get()
    while not result.ready():
        result.wait(0.2)
        if stop.is_set():
            raise KeyboardInterrupt
    return result.get()


def in_order(
    tasks: Iterable[tuple[K, tuple[Any, ...] | None]],
    fn: Callable[..., R],
    *,
    workers: int,
    context: BaseContext,
    limit: int,
    stop: threading.Event | None = None,
) -> Iterator[tuple[K, R | None]]:
    """``(key, fn(*args))`` for each task ``(key, args)``, in task order, computed by ``workers`` processes.

    A task whose ``args`` is None is not run: it comes back as ``(key, None)`` in its place.
    The pool is started at the first task to run (none for a run of only such tasks) and
    stopped when this generator ends or is closed. A set ``stop`` ends a wait for a result with
    KeyboardInterrupt. An exception raised while ``tasks`` is advanced (a read error ahead of
    the consumer) is raised after the results of the tasks before it have been handed on.
    """
    pending: deque[tuple[K, AsyncResult[R] | None]] = deque()
    failure: Exception | None = None
    upcoming = iter(tasks)
    with ExitStack() as stack:
        pool: Pool | None = None
        while True:
            try:
                key, args = next(upcoming)
            except StopIteration:
                break
            except Exception as exc:  # the tasks before it still go to the consumer first
                failure = exc
                break
            if args is None:
                pending.append((key, None))
            else:
                if pool is None:
                    pool = stack.enter_context(context.Pool(workers, initializer=_start_worker))
                pending.append((key, pool.apply_async(fn, args)))
            while len(pending) >= limit or (pending and pending[0][1] is None):
                first, result = pending.popleft()
                yield first, None if result is None else _result(result, stop)
        while pending:
            first, result = pending.popleft()
            yield first, None if result is None else _result(result, stop)
    if failure is not None:
        raise failure
