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

With ``workers`` = N > 0, batches are prepared (generated or parsed, then encoded) in N
worker processes while this process writes (0 prepares them in this process); at most two
batches per worker are in flight, so memory stays flat whatever the input size. Batches are
always judged in input order; with ``jobs`` > 1 (PostgreSQL, :mod:`.streams`) they may
commit out of it. Left out (None), ``batch_size`` and ``workers`` are chosen for the
machine and the input by :mod:`.tuning`, and the report says what and why.

Stopping: a set ``stop`` event (the CLI sets it on SIGINT and SIGTERM) ends the import at
the next batch boundary; a KeyboardInterrupt ends it at once, rolling back the batch in
flight. Either way :class:`ImportInterrupted` carries the report of what was committed.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import multiprocessing
import signal
import threading
import time
import uuid
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack
from multiprocessing.pool import AsyncResult, Pool
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import event

from .. import __version__
from ..argcheck import integer, seconds
from ..errors import AnpSynthError, DatabaseError, InvalidArgument
from ..formats.readers import DEFAULT_MAX_LINE_BYTES
from ..model import Article
from ..rules import check_profile, check_seed_range
from .backend import ON_CONFLICT, Backend, BatchOutcome, Conflict, TransientError, keep_rows
from .connect import database_errors, open_engine, parse_url, redact
from .jobs import (
    Job,
    LinesJob,
    Prepared,
    RecordsJob,
    Reject,
    duplicate_id_reason,
    duplicate_reason,
    line_jobs,
    prepare,
    record_jobs,
    seed_jobs,
)
from .migrations import HEAD, index_problems, inspect_schema, repair_indexes, upgrade
from .rejects import RejectsFile, refuse_input_as_rejects
from .report import BatchStats, ImportReport
from .seen import Entry, Seen, SeenIndex
from .streams import Streams, check_jobs
from .tuning import Tuning, choose, choose_jobs, input_records

ON_ERROR = ("abort", "skip")
MAX_BATCH_SIZE = 100_000
IN_FLIGHT_PER_WORKER = 2

OnBatch = Callable[[BatchStats], None]
Progress = Callable[[int], None]
"""Called with how much more work is done: records (generated windows, record lists) or, for
:func:`import_file` of a file, bytes of the file as stored; the same callback type as
:func:`anp_synth.dataset.write_dataset`'s. Drawing it (a bar, a log line) is the caller's job."""
OnEvent = Callable[[str], None]
"""Receives one line for each thing worth telling while an import runs (a lock wait, a retry)."""
T = TypeVar("T")
MAX_LOCK_TIMEOUT_S = 86_400.0


class ImportInterrupted(KeyboardInterrupt):
    """An import stopped by its ``stop`` event or a KeyboardInterrupt, with the report of what it committed.

    A KeyboardInterrupt, so code that stops on Ctrl-C still does. Batches committed before it
    are kept; the batch in flight was finished (``stop``) or rolled back (KeyboardInterrupt).
    """

    def __init__(self, report: ImportReport) -> None:
        super().__init__("interrupted")
        self.report = report


def _check_lock_timeout(lock_timeout_s: float) -> None:
    seconds("lock_timeout_s", lock_timeout_s, MAX_LOCK_TIMEOUT_S)


def _check_options(batch_size: int, on_error: str, on_conflict: str, workers: int, retries: int) -> None:
    integer("batch_size", batch_size, 1, MAX_BATCH_SIZE)
    if on_error not in ON_ERROR:
        raise InvalidArgument(f"on_error={on_error!r} must be one of {', '.join(ON_ERROR)}")
    if on_conflict not in ON_CONFLICT:
        raise InvalidArgument(f"on_conflict={on_conflict!r} must be one of {', '.join(ON_CONFLICT)}")
    integer("workers", workers, 0, 64)
    integer("retries", retries, 0, 100)


def prepare_database(db_url: str) -> int:
    """Create the schema in an empty database; refuse a foreign or outdated one. Returns the version.

    An index that a killed load left missing (or, on PostgreSQL, invalid) is built again here,
    as ``anp-synth db repair`` does.
    """
    try:
        return _prepare_database(db_url, 30.0)
    except TransientError as exc:
        raise DatabaseError(f"cannot open {redact(parse_url(db_url))}: {exc}") from None


def _prepare_database(db_url: str, lock_timeout_s: float) -> int:
    """:func:`prepare_database`, but a busy SQLite database or a PostgreSQL lock timeout (a
    concurrent migration holds the schema lock) is a TransientError: the caller retries."""
    url = parse_url(db_url)
    engine = open_engine(db_url)
    if url.get_backend_name() == "postgresql":
        timeout = f"{int(lock_timeout_s * 1000)}ms"

        def bounded(dbapi_connection: Any, _record: object) -> None:
            with dbapi_connection.cursor() as cur:
                cur.execute("SELECT set_config('lock_timeout', %s, false)", (timeout,))
            dbapi_connection.commit()

        event.listen(engine, "connect", bounded)
    try:
        with database_errors(url, "cannot open"), _busy_is_transient():
            with engine.connect() as conn:
                state = inspect_schema(conn)
                problems = index_problems(conn, state.version) if state.version else []
            if state.version is None:
                upgrade(engine)
                return HEAD
            if problems and state.version >= HEAD:
                repair_indexes(engine)
        if state.version < HEAD:
            raise DatabaseError(
                f"{redact(url)} is at anp-synth schema version {state.version}, this importer writes "
                f"version {HEAD}: run `anp-synth db upgrade --db URL` first"
            )
        return state.version
    finally:
        engine.dispose()


def _dialect(db_url: str) -> str:
    """``sqlite`` or ``postgresql``; a URL that is neither is refused later, with the importer's message."""
    try:
        return parse_url(db_url).get_backend_name()
    except AnpSynthError:
        return "unknown"


@contextlib.contextmanager
def _busy_is_transient() -> Iterator[None]:
    from sqlalchemy.exc import OperationalError

    try:
        yield
    except OperationalError as exc:
        text = str(exc.orig)
        if "database is locked" in text or "database is busy" in text or "lock timeout" in text:
            raise TransientError(text.strip().splitlines()[0], kind="lock") from None
        raise


def _connect(db_url: str, lock_timeout_s: float) -> Backend:
    url = parse_url(db_url)
    if url.get_backend_name() == "sqlite":
        from .sqlite import SqliteBackend

        return SqliteBackend(url)
    from .postgres import PostgresBackend

    return PostgresBackend(url, lock_timeout_s=lock_timeout_s)


def open_backend(db_url: str, *, lock_timeout_s: float = 30.0) -> Backend:
    """The dialect's backend, connected; a clear DatabaseError if the server cannot be reached."""
    try:
        return _connect(db_url, lock_timeout_s)
    except TransientError as exc:
        raise DatabaseError(f"cannot connect to {redact(parse_url(db_url))}: {exc}") from None


def _ignore_sigint() -> None:
    """Pool initializer: Ctrl-C reaches the whole process group, but only the importer decides
    when to stop (at a batch boundary); a worker killed by it would lose its batch's result."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _result(result: AsyncResult[Prepared], stop: threading.Event | None) -> Prepared:
    """A worker's result; a set ``stop`` ends the wait (a worker killed by a signal never answers)."""
    while not result.ready():
        result.wait(0.2)
        if stop is not None and stop.is_set():
            raise KeyboardInterrupt
    return result.get()


def _prepared(
    jobs: Iterator[Job],
    ledger: set[str],
    on_conflict: str,
    workers: int,
    stack: ExitStack,
    stop: threading.Event | None = None,
) -> Iterator[tuple[Job, Prepared | None]]:
    """Each job with its prepared rows (None when the ledger already has it), in input order."""
    if workers == 0:
        for job in jobs:
            yield job, None if job.key(on_conflict) in ledger else prepare(job)
        return
    pool: Pool | None = None
    pending: deque[tuple[Job, AsyncResult[Prepared] | None]] = deque()
    limit = IN_FLIGHT_PER_WORKER * workers
    failure: AnpSynthError | None = None
    try:
        for job in jobs:
            if job.key(on_conflict) in ledger:
                pending.append((job, None))
            else:
                if pool is None:  # started at the first batch to prepare: an unchanged re-run starts none
                    # spawn: the same on every platform, and never copies a parent's threads or locks.
                    pool = stack.enter_context(
                        multiprocessing.get_context("spawn").Pool(workers, initializer=_ignore_sigint)
                    )
                pending.append((job, pool.apply_async(prepare, (job,))))
            while len(pending) >= limit or (pending and pending[0][1] is None):
                first, result = pending.popleft()
                yield first, None if result is None else _result(result, stop)
    except AnpSynthError as exc:
        failure = exc  # a read error ahead of the writer: the batches before it still go in first
    while pending:
        first, result = pending.popleft()
        yield first, None if result is None else _result(result, stop)
    if failure is not None:
        raise failure


class _Importer:
    def __init__(
        self,
        db_url: str,
        *,
        source: str,
        batch_size: int,
        on_error: str,
        on_conflict: str,
        workers: int,
        progress: Progress | None,
        on_batch: OnBatch | None,
        rejects_path: str | None,
        retries: int,
        backoff_s: float,
        total: int | None,
        tuning: Tuning,
        lock_timeout_s: float = 30.0,
        on_event: OnEvent | None = None,
        stop: threading.Event | None = None,
        jobs: int = 1,
    ) -> None:
        _check_options(batch_size, on_error, on_conflict, workers, retries)
        check_jobs(jobs, _dialect(db_url))
        self.jobs = jobs
        self._wrote = False
        _check_lock_timeout(lock_timeout_s)
        self.db_url = db_url
        self.url = parse_url(db_url)
        self.on_error = on_error
        self.on_conflict = on_conflict
        self.workers = workers
        self.progress = progress
        self.measure: Callable[[], int] | None = None
        """Where the input stands in its file, when progress is counted in its bytes (:func:`import_file`)."""
        self.on_batch = on_batch
        self.on_event = on_event
        self.stop = stop
        self.retries = retries
        self.backoff_s = backoff_s
        self.lock_timeout_s = float(lock_timeout_s)
        self.total = total
        self.run_id = uuid.uuid4().hex
        self.report = ImportReport(
            tool_version=__version__,
            db_url=redact(self.url),
            dialect=self.url.get_backend_name(),
            server_version="",
            schema_version=0,
            source=source,
            batch_size=batch_size,
            workers=workers,
            jobs=jobs,
            on_error=on_error,
            on_conflict=on_conflict,
            started_at=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            tuning=tuning.reason,
        )
        self._rejects = RejectsFile(rejects_path or "anp-synth.rejects.jsonl")
        self._seen: SeenIndex | None = None

    def run(self, jobs: Iterator[Job], *, dedupe: bool = True) -> ImportReport:
        """Write every job; ``dedupe`` applies the duplicate rule across batches (not needed for seeds)."""
        report = self.report
        start = time.perf_counter()
        backend: Backend | None = None
        measured = 0
        report.schema_version = self._retrying(
            None, lambda: _prepare_database(self.db_url, self.lock_timeout_s), "prepare"
        )
        try:
            backend = self._retrying(None, lambda: _connect(self.db_url, self.lock_timeout_s), "connect to")
            connected = backend
            with ExitStack() as stack:
                report.server_version = backend.server_version()
                ledger = self._retrying(backend, connected.ledger_keys, "read the ledger of")
                if not ledger:
                    self._retrying(backend, connected.begin_load, "prepare")
                if dedupe:
                    self._seen = SeenIndex()
                items = enumerate(_prepared(jobs, ledger, self.on_conflict, self.workers, stack, self.stop))

                def handle(stream: Backend, item: tuple[int, tuple[Job, Prepared | None]]) -> None:
                    nonlocal measured
                    self._check_stop()
                    batch_no, (job, prepared) = item
                    stats = self._one(stream, batch_no, job, prepared, start)
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
                    for _ in range(self.jobs - 1):
                        extra = self._retrying(None, lambda: _connect(self.db_url, self.lock_timeout_s), "connect to")
                        stack.callback(extra.close)
                        streams.append(extra)
                    Streams(streams).write(items, handle)
                else:
                    for item in items:
                        handle(connected, item)
            t = time.perf_counter()
            backend.finish_load(report.schema_version)
            backend.checkpoint()
            report.timings.write += time.perf_counter() - t
        except AnpSynthError as exc:
            report.status = "aborted"
            report.error = str(exc)
            exc.report = report  # type: ignore[attr-defined]
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
                    with contextlib.suppress(AnpSynthError):
                        backend.finish_load(report.schema_version)
                    report.timings.write += time.perf_counter() - t
                backend.close()
            report.elapsed_s = time.perf_counter() - start
            self._rejects.close()
            if self._seen is not None:
                self._seen.close()
        return report

    def _one(self, backend: Backend, batch_no: int, job: Job, prepared: Prepared | None, start: float) -> BatchStats:
        report = self.report
        fields = job.ledger_fields()
        if prepared is None:
            report.batches_in_ledger += 1
            report.rows_read += job.rows
            report.skipped += job.rows
            return self._stats(batch_no, job.rows, BatchOutcome(skipped=job.rows), 0, True, fields, start)
        report.timings.read_generate += prepared.read_s
        report.timings.encode += prepared.encode_s
        if self._seen is not None and prepared.lines is not None and prepared.batch.articles:
            self._dedupe(job, prepared)
        if prepared.rejects and self.on_error == "abort":
            raise prepared.rejects[0].error()
        if report.batches_in_ledger and not self._wrote:  # the first batch to write, in input order
            report.resumed_at = f"{job.describe()} (after {report.batches_in_ledger} batches found in the ledger)"
        self._wrote = True
        seeds = [r[2] for r in prepared.batch.articles]
        if seeds:
            lo, hi = min(seeds), max(seeds)
            report.seed_first = lo if report.seed_first is None else min(lo, report.seed_first)
            report.seed_last = hi if report.seed_last is None else max(hi, report.seed_last)
        key = job.key(self.on_conflict)
        entry = {
            "batch_key": key,
            "run_id": self.run_id,
            "batch_no": batch_no,
            "source": report.source,
            **fields,
            "rows_read": prepared.rows_read,
            "rows_inserted": 0,
            "rows_updated": 0,
            "rows_skipped": prepared.duplicates,
            "rows_rejected": len(prepared.rejects),
            "on_conflict": self.on_conflict,
            "tool_version": __version__,
            "committed_at": dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds"),
        }

        def on_conflicts(conflicts: list[Conflict]) -> None:
            # Inside the batch's transaction: the rejects are synced before it commits, never after.
            found = [self._conflict_reject(job, prepared, c) for c in conflicts]
            if found and self.on_error == "abort":
                raise found[0].error()
            rejects = sorted([*prepared.rejects, *found], key=lambda r: r.line or 0)
            if rejects:
                self._rejects.write(key, rejects)
                report.rejects_path = self._rejects.path

        outcome = self._write(backend, prepared, entry, on_conflicts)
        report.rows_read += prepared.rows_read
        report.bytes_read += prepared.batch.nbytes
        if outcome.committed_by is not None:
            # The ledger had it by the time we wrote: committed by this run just before its
            # connection dropped (then the commit's counts are ours), by a concurrent importer,
            # or earlier in this run (a batch with exactly the same lines: its rows are duplicates).
            if outcome.committed_by == self.run_id and outcome.committed_batch_no == batch_no:
                report.batches += 1
                report.inserted += outcome.inserted
                report.updated += outcome.updated
                report.skipped += outcome.skipped
                report.rejected += outcome.conflicts
                return self._stats(batch_no, job.rows, outcome, outcome.conflicts, False, fields, start)
            if outcome.committed_by != self.run_id:
                report.batches_by_other_run += 1
            skipped = prepared.rows_read - len(prepared.rejects)
            report.skipped += skipped
            report.rejected += len(prepared.rejects)
            return self._stats(batch_no, job.rows, BatchOutcome(skipped=skipped), len(prepared.rejects), True,
                               fields, start)  # fmt: skip
        outcome.skipped += prepared.duplicates
        rejected = len(prepared.rejects) + outcome.conflicts
        report.rejected += rejected
        report.batches += 1
        report.inserted += outcome.inserted
        report.updated += outcome.updated
        report.skipped += outcome.skipped
        report.changed += outcome.changed
        report.other_version += outcome.other_version
        report.timings.write += outcome.write_s
        report.timings.merge += outcome.merge_s
        return self._stats(batch_no, job.rows, outcome, rejected, False, fields, start)

    def _dedupe(self, job: Job, prepared: Prepared) -> None:
        """Apply the duplicate rule of :mod:`.seen` to this batch against the batches before it."""
        assert self._seen is not None and prepared.lines is not None
        articles = prepared.batch.articles
        lines = prepared.lines
        found = self._seen.check_and_add(
            [Entry(r[1], r[0], r[7], line) for r, line in zip(articles, lines, strict=True)]
        )
        if not found:
            return
        where = "line" if isinstance(job, LinesJob) else "record"
        drop: set[int] = set()
        for later in found:
            drop.add(later.position)
            if later.same_content:
                prepared.duplicates += 1
                continue
            row = articles[later.position]
            if later.other_reference is None:
                reason = duplicate_reason(where, later.first_line)
            else:
                reason = duplicate_id_reason(row[2], row[3], later.other_reference, where, later.first_line)
            line = lines[later.position]
            prepared.rejects.append(Reject(_source_of(job), line, row[2], None, reason, _raw_line(job, line)))
        self._rejudge_followers(job, prepared, {articles[s.position][1]: s for s in found}, where)
        keep = [i for i in range(len(articles)) if i not in drop]
        prepared.batch = keep_rows(prepared.batch, keep)
        prepared.lines = [lines[i] for i in keep]
        prepared.rejects.sort(key=lambda r: r.line or 0)

    def _rejudge_followers(self, job: Job, prepared: Prepared, later: dict[str, Seen], where: str) -> None:
        """A batch's later copies of a reference were judged against the batch's first copy; when
        that copy was itself a later occurrence in the run, judge them against the run's first."""
        for follower in prepared.followers:
            seen = later.get(follower.reference)
            if seen is None:
                continue  # the batch's first copy is the run's first: its verdict stands
            if follower.reject is None:
                prepared.duplicates -= 1
            else:
                prepared.rejects.remove(follower.reject)
            if seen.other_reference is None and follower.hash == seen.first_hash:
                prepared.duplicates += 1
                continue
            if seen.other_reference is None:
                reason = duplicate_reason(where, seen.first_line)
            else:
                reason = duplicate_id_reason(
                    follower.seed, follower.profile, seen.other_reference, where, seen.first_line
                )
            seed = follower.seed if isinstance(follower.seed, int) else None
            raw = _raw_line(job, follower.line)
            prepared.rejects.append(Reject(_source_of(job), follower.line, seed, None, reason, raw))

    def _conflict_reject(self, job: Job, prepared: Prepared, conflict: Conflict) -> Reject:
        row = prepared.batch.articles[conflict.position]
        line = prepared.lines[conflict.position] if prepared.lines is not None else None
        return Reject(_source_of(job), line, row[2], None, conflict.reason, _raw_line(job, line))

    def _stats(
        self,
        batch_no: int,
        rows: int,
        outcome: BatchOutcome,
        rejected: int,
        from_ledger: bool,
        fields: dict[str, Any],
        start: float,
    ) -> BatchStats:
        return BatchStats(
            batch_no=batch_no,
            rows=rows,
            inserted=outcome.inserted,
            updated=outcome.updated,
            skipped=outcome.skipped,
            rejected=rejected,
            from_ledger=from_ledger,
            first_seed=fields["first_seed"],
            last_seed=fields["last_seed"],
            first_line=fields["first_line"],
            last_line=fields["last_line"],
            total_read=self.report.rows_read,
            total_inserted=self.report.inserted,
            elapsed_s=time.perf_counter() - start,
        )

    def _write(
        self,
        backend: Backend,
        prepared: Prepared,
        entry: dict[str, Any],
        on_conflicts: Callable[[list[Conflict]], None],
    ) -> BatchOutcome:
        return self._retrying(backend, lambda: backend.write(prepared.batch, entry, self.on_conflict, on_conflicts),
                              "write to")  # fmt: skip

    def _retrying(self, backend: Backend | None, op: Callable[[], T], doing: str) -> T:
        """``op`` with bounded retries of what may pass (lost connection, lock or busy timeout, deadlock).

        Backoff doubles from ``backoff_s``; each retry is told through ``on_event`` and counted
        in the report under its kind; after ``retries`` a clear DatabaseError.
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
                if attempt >= self.retries:
                    raise DatabaseError(self._give_up(exc, doing, attempt + 1, now - first_failure)) from None
                wait = min(self.backoff_s * 2**attempt, 30.0)
                self.report.retries += 1
                self._tell(f"{self._what(exc, doing)}; retry {attempt + 1} of {self.retries} in {wait:.1f} s")
                if self.stop is not None:
                    self.stop.wait(wait)
                    self._check_stop()
                else:
                    time.sleep(wait)
                attempt += 1

    def _check_stop(self) -> None:
        """Between batches: a set ``stop`` event ends the import here, as a KeyboardInterrupt would."""
        if self.stop is not None and self.stop.is_set():
            raise KeyboardInterrupt

    def _count(self, kind: str) -> None:
        if kind == "lock":
            self.report.lock_waits += 1
        elif kind == "deadlock":
            self.report.deadlocks += 1
        else:
            self.report.connections_lost += 1

    def _what(self, exc: TransientError, doing: str) -> str:
        target = redact(self.url)
        if exc.kind == "lock":
            limit = f"lock timeout {self.lock_timeout_s:g} s" if self.report.dialect == "postgresql" else "busy timeout"
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
            return (f"lost the connection to {redact(self.url)} and could not get it back after {attempts} attempts "
                    f"over {seconds:.1f} s (last error: {exc or 'connection lost'}); {hint}")  # fmt: skip
        return f"gave up after {attempts} attempts over {seconds:.1f} s: {self._what(exc, doing)}; {hint}"

    def _tell(self, message: str) -> None:
        if self.on_event is not None:
            self.on_event(message)


def _source_of(job: Job) -> str | None:
    if isinstance(job, LinesJob):
        return job.source
    if isinstance(job, RecordsJob):
        return "<records>"
    return None


def _raw_line(job: Job, line: int | None) -> str | None:
    """The input text of ``line``, for a rejects file (only files have one)."""
    if not isinstance(job, LinesJob) or line is None:
        return None
    for number, text in job.lines:
        if number == line:
            return text if isinstance(text, str) else text.record  # a reader's reject carries its own
    return None


def _check_readable(path: str) -> None:
    if path == "-":
        return
    try:
        with open(path, "rb") as f:
            f.read(1)
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
    tuning = choose_jobs(choose(_dialect(db_url), None, batch_size=batch_size, workers=0), _dialect(db_url), None, jobs)
    importer = _Importer(
        db_url, source=source, batch_size=tuning.batch_size, on_error=on_error, on_conflict=on_conflict, workers=0,
        progress=progress, on_batch=on_batch, rejects_path=rejects_path, retries=retries, backoff_s=backoff_s,
        total=None, tuning=tuning, lock_timeout_s=lock_timeout_s, on_event=on_event, stop=stop, jobs=tuning.jobs,
    )  # fmt: skip
    return importer.run(record_jobs(records, tuning.batch_size))


def import_generated(
    db_url: str,
    *,
    seed: int,
    count: int,
    profile: str = "realistic",
    batch_size: int | None = None,
    workers: int | None = 0,
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
    ``if __name__ == "__main__":`` guard, which is why 0 (this process) stays the default here.
    ``jobs``: PostgreSQL writer connections (:mod:`.streams`); 1 unless given, so that callers
    sharing the server (``bench``'s import phase, a cluster's tasks) keep one stream each;
    None chooses for the server's cores and the window (:func:`.tuning.choose_jobs`), as the CLI does.
    """
    check_seed_range(seed, count)
    check_profile(profile)
    tuning = choose(_dialect(db_url), input_records(count=count), batch_size=batch_size, workers=workers)
    tuning = choose_jobs(tuning, _dialect(db_url), input_records(count=count), jobs)
    importer = _Importer(
        db_url, source=f"generated {profile} seeds {seed}..{seed + count - 1}", batch_size=tuning.batch_size,
        on_error="abort", on_conflict=on_conflict, workers=tuning.workers, progress=progress, on_batch=on_batch,
        rejects_path=None, retries=retries, backoff_s=backoff_s, total=count, lock_timeout_s=lock_timeout_s,
        on_event=on_event, stop=stop, tuning=tuning, jobs=tuning.jobs,
    )  # fmt: skip
    importer.report.profile = profile
    importer.report.seed_first, importer.report.seed_last = seed, seed + count - 1
    return importer.run(seed_jobs(seed, count, profile, tuning.batch_size), dedupe=False)


def import_file(
    path: str,
    db_url: str,
    *,
    batch_size: int | None = None,
    workers: int | None = 0,
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
    """
    from ..formats.readers import record_texts

    source = "<stdin>" if path == "-" else path
    rejects_path = rejects_path or default_rejects_path(path)
    refuse_input_as_rejects(rejects_path, path)
    tuning = choose(_dialect(db_url), input_records(path=path), batch_size=batch_size, workers=workers)
    tuning = choose_jobs(tuning, _dialect(db_url), input_records(path=path), jobs)
    importer = _Importer(
        db_url, source=source, batch_size=tuning.batch_size, on_error=on_error, on_conflict=on_conflict,
        workers=tuning.workers, progress=progress, on_batch=on_batch, rejects_path=rejects_path,
        retries=retries, backoff_s=backoff_s, total=None, lock_timeout_s=lock_timeout_s, on_event=on_event, stop=stop,
        tuning=tuning, jobs=tuning.jobs,
    )  # fmt: skip
    _check_readable(path)
    # opened (and its format settled) before the run: a missing file or a bad format touches no database
    with record_texts(path, fmt=fmt, max_line_bytes=max_line_bytes, keep_undecodable=True) as texts:
        importer.measure = texts.bytes_read if texts.sized else None
        return importer.run(line_jobs(texts, source, tuning.batch_size))
