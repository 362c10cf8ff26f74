"""A paced import phase: the importer held to a fixed article rate, like ``pgbench -R``.

An unpaced import runs as fast as the database takes it, so the latency measured during it is
latency at saturation: the worst case, and not the one a site sees while a feed or an editor
writes at a steady pace. Paced, the import phase writes ``rate`` articles a second and the
readers measure the database under that load.

The schedule is fixed from the phase's start, never from the last batch: the articles
committed so far are due at ``start + articles / rate``. After each committed batch the
importer waits until they are due (on PostgreSQL on its writer thread, while the next batch
is generated), so one slow batch is caught up by the following ones instead of shifting every
later batch, and the phase lasts ``count / rate`` seconds whenever the machine keeps up. Each
batch's *lag* is how long after its due time it committed (0 when it was early and waited):
a growing lag says the database, or this machine, cannot take the asked rate, and the
achieved rate (articles over the phase's length) then falls below it.
"""

from __future__ import annotations

import math
import signal
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

SLOT_S = 0.25
"""A paced batch holds about this many seconds of the asked rate, unless ``--batch-size`` is
given: small enough that the write load is smooth to the readers (four commits a second, not
one burst of 1,000 articles then a pause), large enough that a batch's fixed costs (a
transaction, its ledger row) stay small beside its rows."""
MAX_PACED_BATCH = 100_000
"""The importer's own limit on a batch."""
WAIT_STEP_S = 0.1
"""The longest single wait: between two, the progress ticker runs and an interrupt is noticed."""
BEHIND = 0.95
"""A paced phase that achieved less than this share of its rate fell behind its schedule."""
NS = 1_000_000_000


def paced_batch_size(rate: float) -> int:
    """The batch size of a paced import at ``rate`` articles/s: :data:`SLOT_S` seconds of it, at least 1."""
    return max(1, min(MAX_PACED_BATCH, round(rate * SLOT_S)))


class Pacer:
    """Holds an import to ``rate`` articles/s from ``start_ns`` (a ``time.monotonic_ns()`` value).

    Call :meth:`after_batch` from the importer's ``on_batch``; it records the batch's due and
    commit times and waits until its articles are due. :meth:`interrupt` ends the wait at once.
    """

    def __init__(self, rate: float, start_ns: int, tick: Callable[[], None] = lambda: None) -> None:
        self.rate = rate
        self.start_ns = start_ns
        self.tick = tick
        self.articles = 0
        self.batches: list[tuple[int, int, int]] = []
        """(due, committed, articles) per paced batch, ``time.monotonic_ns()`` values."""
        self._interrupted = threading.Event()

    def due_ns(self, articles: int) -> int:
        """When the first ``articles`` of the phase are due to be committed."""
        return self.start_ns + round(articles * NS / self.rate)

    def after_batch(self, articles: int, from_ledger: bool = False) -> None:
        """Record one committed batch of ``articles`` and wait until they are due.

        A batch found in the ledger wrote nothing and took no time: it is not on the schedule.
        """
        committed = time.monotonic_ns()
        if from_ledger or articles <= 0:
            return
        self.articles += articles
        due = self.due_ns(self.articles)
        self.batches.append((due, committed, articles))
        while not self._interrupted.is_set() and (left := due - time.monotonic_ns()) > 0:
            self._interrupted.wait(min(left / NS, WAIT_STEP_S))
            self.tick()
        if self._interrupted.is_set():
            raise KeyboardInterrupt

    def interrupt(self) -> None:
        """Ctrl-C: the wait in :meth:`after_batch` (and any later call) raises ``KeyboardInterrupt``.

        On PostgreSQL the importer calls ``on_batch`` on its writer thread, which a signal does
        not reach: without this it would sleep out its slot while the interrupted main thread
        waits for it, then write the batches already handed to it. Raised there, the interrupt
        makes the writer drop them, as it does the rest of an interrupted import.
        """
        self._interrupted.set()


@contextmanager
def wakes_on_interrupt(pacer: Pacer | None) -> Iterator[None]:
    """Ctrl-C (or SIGTERM, where the CLI makes it one) interrupts the pacer's wait at once,
    on whichever thread it waits (:meth:`Pacer.interrupt`). The handlers in place still run
    (they raise the interrupt in the main thread); this only tells the pacer first."""
    if pacer is None or threading.current_thread() is not threading.main_thread():
        yield
        return
    previous: dict[signal.Signals, Any] = {}
    for sig in (signal.SIGINT, signal.SIGTERM):
        handler = signal.getsignal(sig)
        if callable(handler):

            def wake(signum: int, frame: Any, handler: Callable[[int, Any], Any] = handler) -> Any:
                pacer.interrupt()
                return handler(signum, frame)

            previous[sig] = handler
            signal.signal(sig, wake)
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def _percentile(sorted_values: Sequence[float], pct: float) -> float:
    """Nearest rank: the smallest value with at least ``pct`` percent of them at or below it."""
    if not sorted_values:
        return 0.0
    rank = max(1, math.ceil(pct / 100.0 * len(sorted_values)))
    return sorted_values[rank - 1]


def schedule_report(
    rate: float, batch_size: int, batches: Sequence[tuple[int, int, int]], phase: dict[str, Any] | None
) -> dict[str, Any]:
    """The schedule of a paced import as report data (seconds since the bench's time zero).

    ``batches`` are (due, committed, articles) in ns since time zero; ``phase`` is the import
    phase as :func:`anp_synth.bench.report.build_report` writes it, for the achieved rate
    (articles imported over the phase's whole length, the same figure as an unpaced run's).
    """
    lags = sorted(max(0, committed - due) / NS for due, committed, _ in batches)
    achieved = float(phase["rows_per_s"]) if phase is not None else 0.0
    return {
        "rate": rate,
        "batch_size": batch_size,
        "interval_s": round(batch_size / rate, 6),
        "start_s": phase["start_s"] if phase is not None else None,
        "batches": len(batches),
        "articles": sum(n for _, _, n in batches),
        "achieved_per_s": achieved,
        "achieved_share": round(achieved / rate, 4),
        "late_batches": sum(1 for lag in lags if lag > 0),
        "lag_s": {
            "p50": round(_percentile(lags, 50.0), 6),
            "p99": round(_percentile(lags, 99.0), 6),
            "max": round(lags[-1] if lags else 0.0, 6),
        },
        "per_batch": [[round(due / NS, 6), round(committed / NS, 6), n] for due, committed, n in batches],
    }


def behind_schedule(schedule: dict[str, Any] | None) -> str | None:
    """Say so when a paced import fell behind its schedule (None when it kept it, or was unpaced)."""
    if not schedule or not schedule["batches"] or schedule["achieved_share"] >= BEHIND:
        return None
    return (
        f"the import fell behind its schedule ({schedule['achieved_per_s']:.0f} of {schedule['rate']:g} "
        f"articles/s, lag up to {schedule['lag_s']['max']:.2f} s): the database or this machine cannot "
        "take that rate; try a lower --import-rate"
    )
