"""Preparing batches (generating or parsing, then encoding) in this process or in worker processes.

Why worker processes: preparing a record costs more CPU than storing it (see :mod:`.tuning`),
so with ``workers`` = N >= 2 the batches are prepared by N processes while this one writes;
``workers`` = 1 is this process alone, no worker process. Either way batches come back in
input order, at most :data:`IN_FLIGHT_PER_WORKER` per worker at once, so memory stays flat.
"""

from __future__ import annotations

import multiprocessing
import threading
from collections.abc import Generator, Iterator

from ..ordered_pool import in_order
from .jobs import Job, Prepared, prepare

IN_FLIGHT_PER_WORKER = 2


def prepare_for_copy(job: Job) -> Prepared:
    """:func:`~.jobs.prepare`, then the post-meta packed as COPY text: what a worker does for PostgreSQL."""
    prepared = prepare(job)
    prepared.batch.pack_meta_copy()
    return prepared


def prepared_batches(
    jobs: Iterator[Job],
    ledger: set[str],
    on_conflict: str,
    workers: int,
    stop: threading.Event | None = None,
    *,
    copy_text: bool = False,
) -> Generator[tuple[Job, Prepared | None]]:
    """Each job with its prepared rows (None when the ledger already has it), in input order.

    A job the ledger has is never prepared, and an unchanged re-run starts no worker process.
    A read error ahead of the writer is raised after the batches before it. ``copy_text``
    (PostgreSQL): worker processes send each batch's post-meta as COPY text
    (:mod:`.copytext`); this process alone keeps the rows as they are.
    """
    if workers == 1:
        for job in jobs:
            yield job, None if job.key(on_conflict) in ledger else prepare(job)
        return
    tasks = ((job, None if job.key(on_conflict) in ledger else (job,)) for job in jobs)
    # spawn: the same on every platform, and never copies a parent's threads or locks.
    context = multiprocessing.get_context("spawn")
    yield from in_order(
        tasks,
        prepare_for_copy if copy_text else prepare,
        workers=workers,
        context=context,
        limit=IN_FLIGHT_PER_WORKER * workers,
        stop=stop,
    )
