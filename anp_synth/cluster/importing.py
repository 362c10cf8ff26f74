"""Import on a Dask cluster: a window of seeds, or a directory of parts, one task per slice.

Every task is an ordinary single-process import (:func:`anp_synth.db.import_generated` or
:func:`anp_synth.db.import_file`) over its own connection, with the ledger: a task the
scheduler runs again after losing its worker finds its committed batches in the ledger
and writes only the rest. Rows are a pure function of the records (ids come from seeds),
so the tables end up identical, row for row, to a single-process import of the same records.

A window's tasks start on multiples of the batch size from the window's first seed, so
their batches are exactly the single-process run's batches, ledger key for ledger key.

PostgreSQL: the tasks write concurrently, one COPY stream each; the server's write
capacity is the limit. SQLite: every worker must see the same file (in practice
``local:N`` on the machine holding it). Its writes serialise on the database's lock: each
batch takes it with ``BEGIN IMMEDIATE`` and a waiting task blocks (busy timeout 30 s, then
the importer's retries) until it is free, so only generating and encoding run in parallel.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any, BinaryIO

from ..argcheck import integer
from ..db import ImportReport, import_file, import_generated, prepare_database
from ..db.connect import parse_url, redact
from ..db.options import ImportOptions
from ..errors import InvalidArgument
from ..gcpolicy import batch_thresholds
from ..rules import check_profile, check_seed_range
from .client import DEFAULT_TIMEOUT_S, finished, outcome, rescheduled, settled, worker_address
from .manifest import Part, check_part, read_parts_manifest

if TYPE_CHECKING:
    from distributed import Client, Future

__all__ = ["ClusterImportReport", "TaskDone", "WorkerStats", "import_parts", "import_window"]

TASKS_PER_THREAD = 4
"""Tasks per worker thread by default: enough to even out unequal workers, few enough that a
task's connection and schema check (tens of milliseconds) stay negligible."""

MAX_BATCHES_PER_TASK = 1000
"""At most this many batches per task (a million records at the default batch size), so a lost
worker costs at most that much work again, whatever the window."""


@dataclass(frozen=True)
class TaskDone:
    """One finished task: which slice, where it ran, how long it took, and its import report."""

    index: int
    what: str
    worker: str
    seconds: float
    report: ImportReport


@dataclass
class WorkerStats:
    tasks: int = 0
    rows: int = 0
    seconds: float = 0.0

    @property
    def rows_per_s(self) -> float:
        return self.rows / self.seconds if self.seconds > 0 else 0.0


@dataclass
class ClusterImportReport:
    """All tasks of a cluster import, added up; ``tasks`` keeps each one's own report."""

    db_url: str
    source: str
    elapsed_s: float = 0.0
    rows_read: int = 0
    inserted: int = 0
    updated: int = 0
    skipped: int = 0
    batches: int = 0
    batches_in_ledger: int = 0
    retries: int = 0
    rescheduled: int = 0
    """Tasks the scheduler ran again because a worker holding them was lost."""
    server_version: str = ""
    workers: dict[str, WorkerStats] = field(default_factory=dict)
    tasks: list[TaskDone] = field(default_factory=list)

    @property
    def rows_per_s(self) -> float:
        return self.rows_read / self.elapsed_s if self.elapsed_s > 0 else 0.0

    def add(self, done: TaskDone) -> None:
        r = done.report
        self.server_version = self.server_version or r.server_version
        self.rows_read += r.rows_read
        self.inserted += r.inserted
        self.updated += r.updated
        self.skipped += r.skipped
        self.batches += r.batches
        self.batches_in_ledger += r.batches_in_ledger
        self.retries += r.retries
        stats = self.workers.setdefault(done.worker, WorkerStats())
        stats.tasks += 1
        stats.rows += r.rows_read
        stats.seconds += done.seconds
        self.tasks.append(done)

    def to_json(self) -> str:
        data = asdict(self)
        data["kind"] = "anp-synth cluster import report"
        data["format_version"] = 1
        data["rows_per_s"] = round(self.rows_per_s, 1)
        data["tasks"] = [{**asdict(t), "report": t.report.to_dict()} for t in sorted(self.tasks, key=lambda t: t.index)]
        return json.dumps(data, indent=2, sort_keys=True) + "\n"

    def format_text(self) -> str:
        lines = [
            f"import complete: {self.source} -> {self.db_url} ({self.server_version}) on {len(self.workers)} workers",
            f"  rows      read {self.rows_read}  inserted {self.inserted}  updated {self.updated}  skipped {self.skipped}",
            f"  batches   committed {self.batches}  already in ledger {self.batches_in_ledger}",
            f"  tasks     {len(self.tasks)}  re-run after a lost worker {self.rescheduled}  "
            f"connection retries {self.retries}",
            f"  speed     elapsed {self.elapsed_s:.2f} s  {self.rows_per_s:.0f} rows/s overall",
        ]
        for worker, stats in sorted(self.workers.items()):
            lines.append(
                f"  worker    {worker}  tasks {stats.tasks}  rows {stats.rows}  busy {stats.seconds:.2f} s  "
                f"{stats.rows_per_s:.0f} rows/s"
            )
        return "\n".join(lines)


def _absolute_db_url(db_url: str) -> str:
    """A SQLite file made absolute here, as a worker in another directory would otherwise miss it."""
    url = parse_url(db_url)
    if url.get_backend_name() == "sqlite" and url.database and not os.path.isabs(url.database):
        return url.set(database=os.path.abspath(url.database)).render_as_string(hide_password=False)
    return db_url


def _import_seeds(index: int, db_url: str, seed: int, count: int, profile: str, options: ImportOptions) -> TaskDone:
    started = time.perf_counter()
    with batch_thresholds():
        report = import_generated(
            db_url, seed=seed, count=count, profile=profile, batch_size=options.batch_size, workers=options.workers,
            on_conflict=options.on_conflict, retries=options.retries, backoff_s=options.backoff_s,
            lock_timeout_s=options.lock_timeout_s,
        )  # fmt: skip
    return TaskDone(index, f"seeds {seed}..{seed + count - 1}", worker_address(), time.perf_counter() - started, report)


def _import_part(index: int, directory: str, part: Part, db_url: str, options: ImportOptions) -> TaskDone:
    """Import one part, once it is proven the manifest's (size and SHA-256); a part behind a URL is copied here first.

    Why the proof: a part cut short or edited by hand can still hold only valid records
    (a copy interrupted at a line's end, a line deleted), which the importer would load
    without a word, fewer articles than the manifest promises. Reading it once more costs
    about 1% of importing it.
    """
    started = time.perf_counter()
    where = f"{directory}/{part.file}"

    def import_(path: str) -> ImportReport:
        def opened() -> BinaryIO:
            return open(path, "rb")

        check_part(opened, part, where)
        with batch_thresholds():
            return import_file(
                path, db_url, batch_size=options.batch_size, workers=options.workers, on_error=options.on_error,
                on_conflict=options.on_conflict, rejects_path=options.rejects_path, retries=options.retries,
                backoff_s=options.backoff_s, lock_timeout_s=options.lock_timeout_s,
            )  # fmt: skip

    if "://" not in directory or directory.startswith("file://"):
        report = import_(f"{directory.removeprefix('file://')}/{part.file}")
    else:
        from fsspec.core import url_to_fs

        fs, root = url_to_fs(directory)
        scratch = tempfile.mkdtemp(prefix="anp-synth-part-")
        try:
            local = os.path.join(scratch, part.file)
            fs.get(f"{root}/{part.file}", local)
            report = import_(local)
        finally:
            shutil.rmtree(scratch, ignore_errors=True)
    return TaskDone(index, part.file, worker_address(), time.perf_counter() - started, report)


def _threads(client: Client) -> int:
    info = client.scheduler_info()
    return max(1, sum(int(w.get("nthreads", 1)) for w in info.get("workers", {}).values()))


def _check_batch_size(batch_size: int) -> None:
    integer("batch_size", batch_size, 1)


def _run(
    client: Client,
    db_url: str,
    source: str,
    submit: Callable[[str], list[tuple[Future[Any], str]]],
    on_task: Callable[[TaskDone], None] | None,
    worker_timeout: float,
    stop: threading.Event | None,
) -> ClusterImportReport:
    started = time.perf_counter()
    run = uuid.uuid4().hex[:12]
    # The schema once, before any task: concurrent CREATE TABLEs of an empty database would race.
    version = client.submit(prepare_database, db_url, key=f"anp-synth-schema-{run}", pure=False)
    outcome(
        client, version, f"preparing {redact(parse_url(db_url))}", worker_timeout=worker_timeout,
        then="nothing was imported",
    )  # fmt: skip
    report = ClusterImportReport(db_url=redact(parse_url(db_url)), source=source)
    futures = dict(submit(run))
    try:
        then = "every batch committed stays, and the same import resumes from the ledger"
        for future, value in finished(client, list(futures), worker_timeout=worker_timeout, then=then, stop=stop):
            done: TaskDone = settled(value, futures[future])
            report.add(done)
            if on_task is not None:
                on_task(done)
        report.rescheduled = rescheduled(client, [str(f.key) for f in futures])
    finally:
        client.cancel(list(futures))
    report.elapsed_s = time.perf_counter() - started
    return report


def import_window(
    db_url: str,
    *,
    seed: int,
    count: int,
    client: Client,
    profile: str = "realistic",
    batch_size: int = 1000,
    on_conflict: str = "skip",
    task_size: int | None = None,
    retries: int = 5,
    on_task: Callable[[TaskDone], None] | None = None,
    worker_timeout: float = DEFAULT_TIMEOUT_S,
    stop: threading.Event | None = None,
) -> ClusterImportReport:
    """Generate and import seeds ``[seed, seed + count)`` as tasks of ``task_size`` seeds each.

    ``task_size`` must be a multiple of ``batch_size`` (so the batches, and their ledger keys,
    are the single-process run's); by default about four tasks per worker thread, at most
    :data:`MAX_BATCHES_PER_TASK` batches each. ``on_task`` is called in this process as each
    task finishes. The first failing task's error is raised (its committed batches stay, and
    a re-run resumes from the ledger); a cluster left with no worker for ``worker_timeout``
    seconds is such a failure. ``stop`` set (the command's signal handler) ends the wait with
    :class:`~.client.ClusterInterrupted`; tasks already running on a worker go on to the end
    of their slice (Dask cannot stop a running task; a local cluster's are stopped as it closes).
    """
    check_seed_range(seed, count)
    check_profile(profile)
    _check_batch_size(batch_size)
    url = _absolute_db_url(db_url)
    batches = -(-count // batch_size)
    if task_size is None:
        per_task = min(MAX_BATCHES_PER_TASK, max(1, -(-batches // (TASKS_PER_THREAD * _threads(client)))))
        task_size = per_task * batch_size
    elif isinstance(task_size, bool) or not isinstance(task_size, int) or task_size < 1 or task_size % batch_size:
        raise InvalidArgument(
            f"task_size={task_size!r} must be a positive multiple of batch_size={batch_size}, "
            "so the tasks' batches are a single-process run's batches"
        )
    # checked here, once, before the cluster does any work; each task imports with these
    options = ImportOptions(batch_size=batch_size, on_conflict=on_conflict, retries=retries)

    def submit(run: str) -> list[tuple[Future[Any], str]]:
        out = []
        for index, start in enumerate(range(seed, seed + count, task_size)):
            n = min(task_size, seed + count - start)
            key = f"anp-synth-import-{run}-{index:05d}"
            future = client.submit(_import_seeds, index, url, start, n, profile, options, key=key, pure=False)
            out.append((future, f"importing seeds {start}..{start + n - 1}"))
        return out

    return _run(
        client, url, f"generated {profile} seeds {seed}..{seed + count - 1}", submit, on_task, worker_timeout, stop
    )


def import_parts(
    directory: str,
    db_url: str,
    *,
    client: Client,
    batch_size: int = 1000,
    on_conflict: str = "skip",
    retries: int = 5,
    on_task: Callable[[TaskDone], None] | None = None,
    worker_timeout: float = DEFAULT_TIMEOUT_S,
    stop: threading.Event | None = None,
) -> ClusterImportReport:
    """Import every part of a directory ``generate --cluster`` wrote, one task per part.

    The parts must be jsonl (``.gz`` or not): they are read, validated and keyed in the
    ledger exactly as ``import FILE`` does, once its task has checked it against the manifest
    (size and SHA-256; a part that differs is a :class:`~anp_synth.errors.RecordError` naming
    it). The manifest is read by a worker, so only the workers need to reach ``directory``.
    Failures are as :func:`import_window`'s.
    """
    _check_batch_size(batch_size)
    url = _absolute_db_url(db_url)
    where = directory if "://" in directory else os.path.abspath(directory)
    manifest = outcome(
        client, client.submit(read_parts_manifest, where, pure=False), f"reading {where}",
        worker_timeout=worker_timeout, then="nothing was imported",
    )  # fmt: skip
    if manifest.format != "jsonl":
        raise InvalidArgument(f"{where}: its parts are {manifest.format}; the importer reads jsonl parts only")
    options = ImportOptions(batch_size=batch_size, on_conflict=on_conflict, retries=retries)

    def submit(run: str) -> list[tuple[Future[Any], str]]:
        out = []
        for index, part in enumerate(manifest.parts):
            key = f"anp-synth-import-{run}-{index:05d}"
            future = client.submit(_import_part, index, where, part, url, options, key=key, pure=False)
            out.append((future, f"importing {where}/{part.file}"))
        return out

    return _run(client, url, f"{where} ({len(manifest.parts)} parts)", submit, on_task, worker_timeout, stop)
