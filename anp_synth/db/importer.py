"""The importer: batches in, one transaction per batch (rows + ledger entry), a report out.

Why it is safe to re-run and to kill:

- every batch commits atomically with its ledger entry, whose key names the batch's
  content (seed window, or a digest of its lines or records) and the conflict policy;
- before preparing a batch the importer looks its key up in the ledger: a batch already
  there is not generated, parsed or written again (an unchanged re-run is a fast no-op);
- a batch not in the ledger is written with the conflict policy of :mod:`.backend`, so
  rows that got in through another window or file are never duplicated;
- a process killed at any moment leaves whole batches only; the next run skips them and
  carries on where the ledger ends (the report's ``resumed_at``).

With ``workers`` = N >= 2, batches are prepared (generated or parsed, then encoded) in N
worker processes while this process writes (1 prepares them in this process, and 0, the
old spelling of 1, still does); at most two batches per worker are in flight, so memory
stays flat whatever the input size. Batches are always judged in input order; with ``jobs``
> 1 (PostgreSQL, :mod:`.streams`) they may commit out of it. Left out (None), ``batch_size``,
``workers`` and ``jobs`` are chosen for the machine and the input by :mod:`.tuning`, and the
report says what and why.

This module is the orchestration only; each concern has its own module: the options
(:mod:`.options`), the schema (:mod:`.schema_setup`), the backends (:mod:`.dialects`), the
worker processes (:mod:`.workers`), the writer connections (:mod:`.streams`), the duplicate rule
(:mod:`.dedupe`), the report's counts (:mod:`.accounting`) and retries (:mod:`.retrying`).

Stopping: a set ``stop`` event (the CLI sets it on SIGINT and SIGTERM) ends the import at
the next batch boundary; a KeyboardInterrupt ends it at once, rolling back the batch in
flight. Either way :class:`ImportInterrupted` carries the report of what was committed.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import threading
import time
import uuid
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import Any

from .. import __version__
from ..errors import AnpSynthError, InvalidArgument
from ..formats.readers import DEFAULT_MAX_LINE_BYTES
from ..model import Article
from ..rules import check_profile, check_seed_range
from .accounting import batch_stats, count_in_ledger, count_prepared, count_preparing, count_written
from .backend import Backend, BatchOutcome, Conflict, TransientError
from .connect import parse_url, redact
from .dedupe import conflict_reject, dedupe
from .dialects import connect_backend, dialect_of, open_backend
from .encode import EncodedBatch
from .import_errors import ImportFailed, ImportInterrupted, with_report
from .jobs import Job, LinesJob, Prepared, has_legacy_keys, line_jobs, record_jobs, seed_jobs
from .options import MAX_BATCH_SIZE, MAX_LOCK_TIMEOUT_S, ON_ERROR, ImportOptions
from .rejects import RejectsFile, refuse_input_as_rejects
from .report import BatchStats, ImportReport
from .retrying import OnEvent, Retrier, check_stop
from .schema_setup import _prepare_database, prepare_database
from .seen import SeenIndex
from .streams import Streams, check_jobs
from .tuning import Tuning, choose, choose_jobs, input_records
from .unchanged import FileState, WholeFile, settled, whole_file_key
from .workers import IN_FLIGHT_PER_WORKER, prepared_batches

__all__ = [
    "IN_FLIGHT_PER_WORKER",
    "MAX_BATCH_SIZE",
    "MAX_LOCK_TIMEOUT_S",
    "ON_ERROR",
    "ImportFailed",
    "ImportInterrupted",
    "ImportOptions",
    "OnBatch",
    "OnEvent",
    "Progress",
    "default_rejects_path",
    "import_file",
    "import_generated",
    "import_records",
    "open_backend",
    "prepare_database",
]

OnBatch = Callable[[BatchStats], None]
Progress = Callable[[int], None]
"""Called with how much more work is done: records (generated windows, record lists) or, for
:func:`import_file` of a file, bytes of the file as stored; the same callback type as
:func:`anp_synth.dataset.write_dataset`'s. Drawing it (a bar, a log line) is the caller's job."""


class _Importer:
    """One run: its options, its callbacks, and the report it fills in as batches commit."""

    def __init__(
        self,
        db_url: str,
        options: ImportOptions,
        *,
        source: str,
        tuning: str,
        progress: Progress | None = None,
        on_batch: OnBatch | None = None,
        on_event: OnEvent | None = None,
        stop: threading.Event | None = None,
    ) -> None:
        self.db_url = db_url
        self.url = parse_url(db_url)
        check_jobs(options.jobs, self.url.get_backend_name())
        self.options = options
        self.progress = progress
        self.measure: Callable[[], int] | None = None
        """Where the input stands in its file, when progress is counted in its bytes (:func:`import_file`)."""
        self.on_batch = on_batch
        self.stop = stop
        self.run_id = uuid.uuid4().hex
        self.report = ImportReport(
            tool_version=__version__,
            db_url=redact(self.url),
            dialect=self.url.get_backend_name(),
            server_version="",
            schema_version=0,
            source=source,
            batch_size=options.batch_size,
            workers=options.workers,
            jobs=options.jobs,
            on_error=options.on_error,
            on_conflict=options.on_conflict,
            started_at=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            tuning=tuning,
        )
        self._retrier = Retrier(redact(self.url), options, self.report, on_event, stop)
        self._rejects = RejectsFile(options.rejects_path or "anp-synth.rejects.jsonl")
        self._seen: SeenIndex | None = None
        self._wrote = False
        """A batch was handed to a writer: the next one is not where a resumed run resumed."""
        self._batches_seen = 0
        """Batches of the input met so far (committed, or found in the ledger)."""

    def run(self, jobs: Iterator[Job], *, dedupe: bool = True, whole: WholeFile | None = None) -> ImportReport:
        """Write every job; ``dedupe`` applies the duplicate rule across batches (not needed for seeds).

        ``whole``: the jobs are the batches of one file, whose whole-file key (:mod:`.unchanged`)
        is looked up first (found: no job is read) and recorded once every batch is in the ledger.
        """
        report = self.report
        options = self.options
        retrying = self._retrier.run
        start = time.perf_counter()
        backend: Backend | None = None
        measured = 0
        report.schema_version = retrying(
            None, lambda: _prepare_database(self.db_url, options.lock_timeout_s), "prepare"
        )
        try:
            backend = retrying(None, lambda: connect_backend(self.db_url, options.lock_timeout_s), "connect to")
            connected = backend
            with ExitStack() as stack:
                report.server_version = backend.server_version()
                ledger = retrying(backend, connected.ledger_keys, "read the ledger of")
                if not ledger:
                    retrying(backend, connected.begin_load, "prepare")
                found_whole = False
                if whole is not None and not whole.reread and whole.key in ledger:
                    found_whole = self._found_whole(connected, whole)
                if found_whole:
                    jobs = iter(())
                if dedupe:
                    self._seen = SeenIndex()
                if has_legacy_keys(ledger):
                    jobs = _found_by_legacy_key(jobs, ledger, options.on_conflict)
                batches = stack.enter_context(
                    contextlib.closing(
                        prepared_batches(
                            jobs,
                            ledger,
                            options.on_conflict,
                            options.workers,
                            self.stop,
                            copy_text=backend.dialect == "postgresql",
                        )
                    )
                )
                items = enumerate(batches)

                def handle(stream: Backend, item: tuple[int, tuple[Job, Prepared | None]]) -> None:
                    nonlocal measured
                    check_stop(self.stop)
                    batch_no, (job, prepared) = item
                    stats = self._one(stream, batch_no, job, prepared, start)
                    self._batches_seen = max(self._batches_seen, batch_no + 1)
                    if self.progress is not None:
                        if self.measure is None:
                            self.progress(stats.rows)
                        else:  # the input's bytes read so far, as stored (a .gz file's compressed bytes)
                            now = self.measure()
                            self.progress(now - measured)
                            measured = now
                    if self.on_batch is not None:
                        self.on_batch(stats)

                if backend.dialect == "postgresql":
                    # one writer connection per job (the first is this one), each fed whole batches
                    streams = [connected]
                    for _ in range(0 if found_whole else options.jobs - 1):  # found whole: nothing to write
                        extra = retrying(
                            None, lambda: connect_backend(self.db_url, options.lock_timeout_s), "connect to"
                        )
                        stack.callback(extra.close)
                        streams.append(extra)
                    Streams(streams).write(items, handle)
                else:
                    for item in items:
                        handle(connected, item)
                if whole is not None and whole.recordable and not found_whole and whole.still_there():
                    self._record_whole(connected, whole)
            t = time.perf_counter()
            version = report.schema_version
            retrying(backend, lambda: backend.finish_load(version), "build the indexes of")
            backend.checkpoint()
            report.timings.write += time.perf_counter() - t
        except AnpSynthError as exc:
            report.status = "aborted"
            report.error = str(exc)
            with_report(exc, report)  # the same error, its class kept: see import_errors
            raise
        except KeyboardInterrupt as exc:
            report.status = "interrupted"
            report.error = "interrupted: every batch committed before the stop is kept; run the same import to resume"
            raise ImportInterrupted(report) from exc
        finally:
            if backend is not None:
                if report.status != "complete":
                    # Indexes a first load deferred are built even so: a stopped import leaves a usable database.
                    t = time.perf_counter()
                    with contextlib.suppress(AnpSynthError, TransientError):
                        backend.finish_load(report.schema_version)
                    report.timings.write += time.perf_counter() - t
                backend.close()
            report.elapsed_s = time.perf_counter() - start
            self._rejects.close()
            if self._seen is not None:
                self._seen.close()
        return report

    def _one(self, backend: Backend, batch_no: int, job: Job, prepared: Prepared | None, start: float) -> BatchStats:
        """Write one batch (or count it, when the ledger had it) and say what it did."""
        report = self.report
        options = self.options
        fields = job.ledger_fields()
        if prepared is None:
            outcome = count_in_ledger(report, job)
            return batch_stats(report, batch_no, job.rows, outcome, 0, True, fields, start)
        count_preparing(report, prepared)
        if self._seen is not None and prepared.lines is not None and prepared.batch.articles:
            dedupe(self._seen, job, prepared)
        if prepared.rejects and options.on_error == "abort":
            raise prepared.rejects[0].error()
        count_prepared(report, job, prepared, first=not self._wrote)
        self._wrote = True
        key = job.key(options.on_conflict)
        entry = self._entry(key, batch_no, fields, prepared.rows_read, prepared.duplicates, len(prepared.rejects))

        def on_conflicts(conflicts: list[Conflict]) -> None:
            # Inside the batch's transaction: the rejects are synced before it commits, never after.
            found = [conflict_reject(job, prepared, c) for c in conflicts]
            if found and options.on_error == "abort":
                raise found[0].error()
            rejects = sorted([*prepared.rejects, *found], key=lambda r: r.line or 0)
            if rejects:
                self._rejects.write(key, rejects)
                report.rejects_path = self._rejects.path

        written: BatchOutcome = self._retrier.run(
            backend, lambda: backend.write(prepared.batch, entry, options.on_conflict, on_conflicts), "write to"
        )
        outcome, rejected, from_ledger = count_written(report, self.run_id, batch_no, prepared, written)
        return batch_stats(report, batch_no, job.rows, outcome, rejected, from_ledger, fields, start)

    def _entry(
        self, key: str, batch_no: int, fields: dict[str, Any], rows_read: int, skipped: int, rejected: int
    ) -> dict[str, Any]:
        """A ledger row before its write (which adds what the write inserted, updated, skipped and rejected)."""
        return {
            "batch_key": key,
            "run_id": self.run_id,
            "batch_no": batch_no,
            "source": self.report.source,
            **fields,
            "rows_read": rows_read,
            "rows_inserted": 0,
            "rows_updated": 0,
            "rows_skipped": skipped,
            "rows_rejected": rejected,
            "on_conflict": self.options.on_conflict,
            "tool_version": __version__,
            "committed_at": dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds"),
        }

    def _found_whole(self, backend: Backend, whole: WholeFile) -> bool:
        """The file's whole-file row is in the ledger: count every batch as found there, read nothing."""
        row = self._retrier.run(backend, lambda: backend.ledger_entry(whole.key), "read the ledger of")
        if row is None:
            return False
        report = self.report
        report.rows_read = report.skipped = int(row["rows_read"])
        report.batches_in_ledger = int(row["batch_no"])
        report.unchanged_since = str(row["committed_at"])
        if self.progress is not None and self.measure is not None:
            self.progress(whole.state.size)
        return True

    def _record_whole(self, backend: Backend, whole: WholeFile) -> None:
        """Every batch of the file is in the ledger: say so in one row keyed by the file's state.

        Its ``batch_no`` is the number of batches and ``rows_read`` the file's records, which a
        re-run that finds the row reports; it inserted nothing itself. Written like a batch
        with no rows, so a concurrent import that recorded it first is no error.
        """
        no_rows = {"first_seed": None, "last_seed": None, "first_line": None, "last_line": None}
        entry = self._entry(whole.key, self._batches_seen, no_rows, self.report.rows_read, 0, 0)
        on_conflict = self.options.on_conflict
        self._retrier.run(backend, lambda: backend.write(EncodedBatch(), entry, on_conflict, _no_conflicts), "write to")


def _no_conflicts(conflicts: list[Conflict]) -> None:
    """A batch of no rows has no conflicts to report."""


def _found_by_legacy_key(jobs: Iterator[Job], ledger: set[str], on_conflict: str) -> Iterator[Job]:
    """The jobs, each file batch that the ledger holds under its older key counted as held.

    A database loaded before file batches were keyed by their bytes (:data:`.jobs.LINES_TAG`)
    has each batch under a digest of its decoded text; without this an unchanged re-run
    after the upgrade would send every batch through the write's conflict path once. Only
    used when the ledger holds such keys, so other runs never compute the older digest.
    """
    for job in jobs:
        if isinstance(job, LinesJob):
            key = job.key(on_conflict)
            if key not in ledger and job.legacy_key(on_conflict) in ledger:
                ledger.add(key)
        yield job


def _tuned_options(tuning: Tuning, **options: Any) -> ImportOptions:
    """The run's options, with the batch size, workers and jobs :mod:`.tuning` settled."""
    return ImportOptions(batch_size=tuning.batch_size, workers=tuning.workers, jobs=tuning.jobs, **options)


def _check_readable(path: str) -> FileState | None:
    """Refuse an input that cannot be read; the state of a regular file before it is read (see :mod:`.unchanged`)."""
    if path == "-":
        return None
    try:
        with open(path, "rb") as f:
            f.read(1)
            return FileState.of(os.fstat(f.fileno()))
    except OSError as exc:
        raise InvalidArgument(f"cannot read the input {path}: {exc.strerror or exc}") from None


def default_rejects_path(path: str) -> str:
    """``<name>.rejects.jsonl`` next to the input (``data.jsonl.gz`` -> ``data.rejects.jsonl``)."""
    if path == "-":
        return "stdin.rejects.jsonl"
    p = Path(path)
    name = p.name
    for suffix in (".gz", ".jsonl", ".json", ".csv", ".parquet"):
        name = name.removesuffix(suffix)
    return str(p.with_name(f"{name}.rejects.jsonl"))


def import_records(
    records: Iterable[Article],
    db_url: str,
    *,
    batch_size: int | None = None,
    on_error: str = "abort",
    on_conflict: str = "skip",
    source: str = "<generated>",
    progress: Progress | None = None,
    on_batch: OnBatch | None = None,
    rejects_path: str | None = None,
    retries: int = 5,
    backoff_s: float = 0.5,
    lock_timeout_s: float = 30.0,
    on_event: OnEvent | None = None,
    stop: threading.Event | None = None,
    jobs: int | None = 1,
) -> ImportReport:
    """Import ready records (from :func:`anp_synth.generate` or a reader) into ``db_url``.

    Records are trusted to be shaped like :class:`Article` (they are not schema-checked
    here: use :func:`import_file` for untrusted input); one that cannot be stored (NUL
    byte, missing key) is handled per ``on_error``. ``on_batch`` is called after every
    batch, in this process, with a :class:`BatchStats` (on PostgreSQL from the importer's
    writer threads, one call at a time, in the order batches commit: keep it quick).
    ``jobs``: PostgreSQL writer connections (:mod:`.streams`), 1 unless given; None chooses
    (1 for records, whose number is unknown).
    """
    dialect = dialect_of(db_url)
    tuning = choose_jobs(choose(dialect, None, batch_size=batch_size, workers=1), dialect, None, jobs)
    options = _tuned_options(
        tuning, on_error=on_error, on_conflict=on_conflict, retries=retries, backoff_s=backoff_s,
        lock_timeout_s=lock_timeout_s, rejects_path=rejects_path,
    )  # fmt: skip
    importer = _Importer(db_url, options, source=source, tuning=tuning.reason, progress=progress, on_batch=on_batch,
                         on_event=on_event, stop=stop)  # fmt: skip
    return importer.run(record_jobs(records, tuning.batch_size))


def import_generated(
    db_url: str,
    *,
    seed: int,
    count: int,
    profile: str = "realistic",
    batch_size: int | None = None,
    workers: int | None = 1,
    on_conflict: str = "skip",
    progress: Progress | None = None,
    on_batch: OnBatch | None = None,
    retries: int = 5,
    backoff_s: float = 0.5,
    lock_timeout_s: float = 30.0,
    on_event: OnEvent | None = None,
    stop: threading.Event | None = None,
    jobs: int | None = 1,
) -> ImportReport:
    """Generate seeds ``[seed, seed + count)`` and stream them in; no file, no temporary copy.

    Batches are seed windows, so a batch found in the ledger is not even generated: an
    unchanged re-run costs one ledger read. ``batch_size`` None is chosen for the database
    and the window; ``workers`` None likewise (what the CLI does): worker processes are
    started with ``spawn``, so a script calling this needs the usual
    ``if __name__ == "__main__":`` guard, which is why 1 (this process alone, no worker
    process) stays the default here. ``workers`` counts the processes preparing records, as
    ``generate``'s does; 0, its old spelling of 1, is still accepted. ``jobs``: PostgreSQL
    writer connections (:mod:`.streams`); 1 unless given, so that callers sharing the server
    (``bench``'s import phase, a cluster's tasks) keep one stream each; None chooses for the
    server's cores and the window (:func:`.tuning.choose_jobs`), as the CLI does.
    """
    check_seed_range(seed, count)
    check_profile(profile)
    dialect, records = dialect_of(db_url), input_records(count=count)
    tuning = choose(dialect, records, batch_size=batch_size, workers=workers)
    tuning = choose_jobs(tuning, dialect, records, jobs)
    options = _tuned_options(
        tuning, on_conflict=on_conflict, retries=retries, backoff_s=backoff_s, lock_timeout_s=lock_timeout_s
    )
    importer = _Importer(
        db_url, options, source=f"generated {profile} seeds {seed}..{seed + count - 1}", tuning=tuning.reason,
        progress=progress, on_batch=on_batch, on_event=on_event, stop=stop,
    )  # fmt: skip
    importer.report.profile = profile
    importer.report.seed_first, importer.report.seed_last = seed, seed + count - 1
    return importer.run(seed_jobs(seed, count, profile, tuning.batch_size), dedupe=False)


def import_file(
    path: str,
    db_url: str,
    *,
    batch_size: int | None = None,
    workers: int | None = 1,
    on_error: str = "abort",
    on_conflict: str = "skip",
    progress: Progress | None = None,
    on_batch: OnBatch | None = None,
    rejects_path: str | None = None,
    retries: int = 5,
    backoff_s: float = 0.5,
    fmt: str | None = None,
    max_line_bytes: int = DEFAULT_MAX_LINE_BYTES,
    lock_timeout_s: float = 30.0,
    on_event: OnEvent | None = None,
    stop: threading.Event | None = None,
    jobs: int | None = 1,
    reread: bool = False,
) -> ImportReport:
    """Import a record file (``-`` for stdin), every record validated.

    Any format ``generate`` writes: jsonl, json, csv (each plain or ``.gz``) or parquet, by
    ``fmt``, else the extension, else sniffed (see :func:`~anp_synth.formats.record_texts`).
    A line or record longer than ``max_line_bytes`` is rejected without being held.
    Batches are keyed by a digest of their records' text, so an unchanged re-run reads the
    file but parses and writes nothing. A missing or unreadable file is refused before the
    database is touched (no file or table is created for an input that cannot be read).
    ``batch_size``, ``workers`` and ``jobs`` None: chosen for the database and the file's size,
    as for :func:`import_generated` (``jobs`` is 1 unless given, as there).

    A complete import records the file's state on disk; a later import of the same file,
    unchanged since, with the same settings, finds it whole and reads nothing
    (:mod:`.unchanged` says when that is safe). ``reread`` reads and keys it all again anyway.
    """
    from ..formats.readers import input_format, record_lines

    source = "<stdin>" if path == "-" else path
    rejects_path = rejects_path or default_rejects_path(path)
    refuse_input_as_rejects(rejects_path, path)
    dialect, records = dialect_of(db_url), input_records(path=path)
    tuning = choose(dialect, records, batch_size=batch_size, workers=workers)
    tuning = choose_jobs(tuning, dialect, records, jobs)
    options = _tuned_options(
        tuning, on_error=on_error, on_conflict=on_conflict, retries=retries, backoff_s=backoff_s,
        lock_timeout_s=lock_timeout_s, rejects_path=rejects_path,
    )  # fmt: skip
    importer = _Importer(db_url, options, source=source, tuning=tuning.reason, progress=progress, on_batch=on_batch,
                         on_event=on_event, stop=stop)  # fmt: skip
    state = _check_readable(path)
    # opened (and its format settled) before the run: a missing file or a bad format touches no database
    with record_lines(path, fmt=fmt, max_line_bytes=max_line_bytes, block=tuning.batch_size) as texts:
        importer.measure = texts.bytes_read if texts.sized else None
        whole = None
        if state is not None:
            key = whole_file_key(state, on_conflict=on_conflict, batch_size=tuning.batch_size,
                                 fmt=input_format(path, fmt), max_line_bytes=max_line_bytes)  # fmt: skip
            whole = WholeFile(path, state, key, recordable=settled(state), reread=reread)
        return importer.run(line_jobs(texts, source, tuning.batch_size, read_ahead=texts.sized), whole=whole)
