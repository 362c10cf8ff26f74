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
always written in input order. Left out (None), ``batch_size`` and ``workers`` are chosen
for the machine and the input by :mod:`.tuning`, and the report says what and why.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import queue
import threading
import time
import uuid
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack
from multiprocessing.pool import AsyncResult, Pool
from pathlib import Path
from typing import Any, TypeVar

from .. import __version__
from ..errors import AnpSynthError, DatabaseError, InvalidArgument
from ..model import Article
from ..rules import check_profile, check_seed_range
from .backend import ON_CONFLICT, Backend, BatchOutcome, TransientError
from .connect import database_errors, open_engine, parse_url, redact
from .jobs import Job, Prepared, line_jobs, prepare, record_jobs, seed_jobs
from .migrations import HEAD, inspect_schema, upgrade
from .rejects import RejectsFile, refuse_input_as_rejects
from .report import BatchStats, ImportReport
from .tuning import Tuning, choose, input_records

ON_ERROR = ("abort", "skip")
MAX_BATCH_SIZE = 100_000
IN_FLIGHT_PER_WORKER = 2

OnBatch = Callable[[BatchStats], None]
T = TypeVar("T")


def _check_options(batch_size: int, on_error: str, on_conflict: str, workers: int, retries: int) -> None:
    if isinstance(batch_size, bool) or not isinstance(batch_size, int) or not 1 <= batch_size <= MAX_BATCH_SIZE:
        raise InvalidArgument(f"batch_size={batch_size!r} must be an integer from 1 to {MAX_BATCH_SIZE}")
    if on_error not in ON_ERROR:
        raise InvalidArgument(f"on_error={on_error!r} must be one of {', '.join(ON_ERROR)}")
    if on_conflict not in ON_CONFLICT:
        raise InvalidArgument(f"on_conflict={on_conflict!r} must be one of {', '.join(ON_CONFLICT)}")
    if isinstance(workers, bool) or not isinstance(workers, int) or not 0 <= workers <= 64:
        raise InvalidArgument(f"workers={workers!r} must be an integer from 0 to 64")
    if isinstance(retries, bool) or not isinstance(retries, int) or not 0 <= retries <= 100:
        raise InvalidArgument(f"retries={retries!r} must be an integer from 0 to 100")


def prepare_database(db_url: str) -> int:
    """Create the schema in an empty database; refuse a foreign or outdated one. Returns the version."""
    url = parse_url(db_url)
    engine = open_engine(db_url)
    try:
        with database_errors(url, "cannot open"):
            with engine.connect() as conn:
                state = inspect_schema(conn)
            if state.version is None:
                upgrade(engine)
                return HEAD
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


def open_backend(db_url: str) -> Backend:
    """The dialect's backend, connected; a clear DatabaseError if the server cannot be reached."""
    url = parse_url(db_url)
    try:
        if url.get_backend_name() == "sqlite":
            from .sqlite import SqliteBackend

            return SqliteBackend(url)
        from .postgres import PostgresBackend

        return PostgresBackend(url)
    except TransientError as exc:
        raise DatabaseError(f"cannot connect to {redact(url)}: {exc}") from None


def _prepared(
    jobs: Iterator[Job], ledger: set[str], on_conflict: str, workers: int, stack: ExitStack
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
                    pool = stack.enter_context(multiprocessing.get_context("spawn").Pool(workers))
                pending.append((job, pool.apply_async(prepare, (job,))))
            while len(pending) >= limit or (pending and pending[0][1] is None):
                first, result = pending.popleft()
                yield first, None if result is None else result.get()
    except AnpSynthError as exc:
        failure = exc  # a read error ahead of the writer: the batches before it still go in first
    while pending:
        first, result = pending.popleft()
        yield first, None if result is None else result.get()
    if failure is not None:
        raise failure


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
        progress: bool,
        on_batch: OnBatch | None,
        rejects_path: str | None,
        retries: int,
        backoff_s: float,
        total: int | None,
        tuning: Tuning,
    ) -> None:
        _check_options(batch_size, on_error, on_conflict, workers, retries)
        self.db_url = db_url
        self.url = parse_url(db_url)
        self.on_error = on_error
        self.on_conflict = on_conflict
        self.workers = workers
        self.progress = progress
        self.on_batch = on_batch
        self.retries = retries
        self.backoff_s = backoff_s
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
            on_error=on_error,
            on_conflict=on_conflict,
            started_at=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            tuning=tuning.reason,
        )
        self._rejects = RejectsFile(rejects_path or "anp-synth.rejects.jsonl")
        self._seen_seeds: list[int] = []

    def run(self, jobs: Iterator[Job]) -> ImportReport:
        report = self.report
        start = time.perf_counter()
        report.schema_version = prepare_database(self.db_url)
        backend = open_backend(self.db_url)
        bar: Any = None
        try:
            with ExitStack() as stack:
                report.server_version = backend.server_version()
                ledger = backend.ledger_keys()
                if not ledger:
                    backend.begin_load()
                if self.progress:
                    from tqdm import tqdm

                    bar = stack.enter_context(tqdm(total=self.total, unit="rows", dynamic_ncols=True, leave=False))
                items = enumerate(_prepared(jobs, ledger, self.on_conflict, self.workers, stack))

                def handle(item: tuple[int, tuple[Job, Prepared | None]]) -> None:
                    batch_no, (job, prepared) = item
                    stats = self._one(backend, batch_no, job, prepared, start)
                    if bar is not None:
                        bar.update(stats.rows)
                    if self.on_batch is not None:
                        self.on_batch(stats)

                if backend.dialect == "postgresql":
                    _pipelined(items, handle)
                else:
                    for item in items:
                        handle(item)
        except AnpSynthError as exc:
            report.status = "aborted"
            report.error = str(exc)
            exc.report = report  # type: ignore[attr-defined]
            raise
        except KeyboardInterrupt:
            report.status = "interrupted"
            raise
        finally:
            t = time.perf_counter()
            try:
                backend.finish_load(report.schema_version)
            except AnpSynthError:
                if report.status == "complete":
                    raise
            report.timings.write += time.perf_counter() - t
            report.elapsed_s = time.perf_counter() - start
            backend.close()
            self._rejects.close()
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
        if prepared.rejects and self.on_error == "abort":
            raise prepared.rejects[0].error()
        if report.batches_in_ledger and report.resumed_at is None and report.batches == 0:
            report.resumed_at = f"{job.describe()} (after {report.batches_in_ledger} batches found in the ledger)"
        if prepared.rejects:
            self._rejects.write(job.key(self.on_conflict), prepared.rejects)
            report.rejects_path = self._rejects.path
        seeds = [r[2] for r in prepared.batch.articles]
        if seeds:
            lo, hi = min(seeds), max(seeds)
            report.seed_first = lo if report.seed_first is None else min(lo, report.seed_first)
            report.seed_last = hi if report.seed_last is None else max(hi, report.seed_last)
        entry = {
            "batch_key": job.key(self.on_conflict),
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
        outcome = self._write(backend, prepared, entry)
        report.rows_read += prepared.rows_read
        report.bytes_read += prepared.batch.nbytes
        report.rejected += len(prepared.rejects)
        if outcome is None:  # committed by a concurrent importer, or by us before the connection dropped
            report.batches_in_ledger += 1
            skipped = prepared.rows_read - len(prepared.rejects)
            report.skipped += skipped
            return self._stats(batch_no, job.rows, BatchOutcome(skipped=skipped), len(prepared.rejects), True,
                               fields, start)  # fmt: skip
        outcome.skipped += prepared.duplicates
        report.batches += 1
        report.inserted += outcome.inserted
        report.updated += outcome.updated
        report.skipped += outcome.skipped
        report.changed += outcome.changed
        report.timings.write += outcome.write_s
        report.timings.merge += outcome.merge_s
        return self._stats(batch_no, job.rows, outcome, len(prepared.rejects), False, fields, start)

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

    def _write(self, backend: Backend, prepared: Prepared, entry: dict[str, Any]) -> BatchOutcome | None:
        """Write with bounded retries: backoff doubling from ``backoff_s``, then a clear DatabaseError."""
        first_failure: float | None = None
        attempt = 0
        while True:
            try:
                if attempt:
                    backend.reconnect()
                return backend.write(prepared.batch, entry, self.on_conflict)
            except TransientError as exc:
                now = time.monotonic()
                first_failure = first_failure or now
                if attempt >= self.retries:
                    raise DatabaseError(
                        f"lost the connection to {redact(self.url)} and could not get it back after "
                        f"{attempt + 1} attempts over {now - first_failure:.1f} s (last error: {exc or 'connection lost'}); "
                        "every batch committed so far is kept: run the same import again to resume"
                    ) from None
                self.report.retries += 1
                time.sleep(min(self.backoff_s * 2**attempt, 30.0))
                attempt += 1


def default_rejects_path(path: str) -> str:
    """``<name>.rejects.jsonl`` next to the input (``data.jsonl.gz`` -> ``data.rejects.jsonl``)."""
    if path == "-":
        return "stdin.rejects.jsonl"
    p = Path(path)
    name = p.name
    for suffix in (".gz", ".jsonl", ".json"):
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
    progress: bool = False,
    on_batch: OnBatch | None = None,
    rejects_path: str | None = None,
    retries: int = 5,
    backoff_s: float = 0.5,
) -> ImportReport:
    """Import ready records (from :func:`anp_synth.generate` or a reader) into ``db_url``.

    Records are trusted to be shaped like :class:`Article` (they are not schema-checked
    here: use :func:`import_file` for untrusted input); one that cannot be stored (NUL
    byte, missing key) is handled per ``on_error``. ``on_batch`` is called after every
    batch, in this process, with a :class:`BatchStats` (on PostgreSQL from the importer's
    writer thread, so keep it quick and thread-safe).
    """
    tuning = choose(_dialect(db_url), None, batch_size=batch_size, workers=0)
    importer = _Importer(
        db_url, source=source, batch_size=tuning.batch_size, on_error=on_error, on_conflict=on_conflict, workers=0,
        progress=progress, on_batch=on_batch, rejects_path=rejects_path, retries=retries, backoff_s=backoff_s,
        total=None, tuning=tuning,
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
    progress: bool = False,
    on_batch: OnBatch | None = None,
    retries: int = 5,
    backoff_s: float = 0.5,
) -> ImportReport:
    """Generate seeds ``[seed, seed + count)`` and stream them in; no file, no temporary copy.

    Batches are seed windows, so a batch found in the ledger is not even generated: an
    unchanged re-run costs one ledger read. ``batch_size`` None is chosen for the database
    and the window; ``workers`` None likewise (what the CLI does): worker processes are
    started with ``spawn``, so a script calling this needs the usual
    ``if __name__ == "__main__":`` guard, which is why 0 (this process) stays the default here.
    """
    check_seed_range(seed, count)
    check_profile(profile)
    tuning = choose(_dialect(db_url), input_records(count=count), batch_size=batch_size, workers=workers)
    importer = _Importer(
        db_url, source=f"generated {profile} seeds {seed}..{seed + count - 1}", batch_size=tuning.batch_size,
        on_error="abort", on_conflict=on_conflict, workers=tuning.workers, progress=progress, on_batch=on_batch,
        rejects_path=None, retries=retries, backoff_s=backoff_s, total=count, tuning=tuning,
    )  # fmt: skip
    importer.report.profile = profile
    importer.report.seed_first, importer.report.seed_last = seed, seed + count - 1
    return importer.run(seed_jobs(seed, count, profile, tuning.batch_size))


def import_file(
    path: str,
    db_url: str,
    *,
    batch_size: int | None = None,
    workers: int | None = 0,
    on_error: str = "abort",
    on_conflict: str = "skip",
    progress: bool = False,
    on_batch: OnBatch | None = None,
    rejects_path: str | None = None,
    retries: int = 5,
    backoff_s: float = 0.5,
) -> ImportReport:
    """Import a jsonl file (``.gz`` by extension, ``-`` for stdin), every record validated.

    Batches are keyed by a digest of their lines, so an unchanged re-run reads the file
    but parses and writes nothing. ``batch_size`` and ``workers`` None: chosen for the
    database and the file's size, as for :func:`import_generated`.
    """
    from ..formats.readers import iter_lines

    source = "<stdin>" if path == "-" else path
    rejects_path = rejects_path or default_rejects_path(path)
    refuse_input_as_rejects(rejects_path, path)
    tuning = choose(_dialect(db_url), input_records(path=path), batch_size=batch_size, workers=workers)
    importer = _Importer(
        db_url, source=source, batch_size=tuning.batch_size, on_error=on_error, on_conflict=on_conflict,
        workers=tuning.workers, progress=progress, on_batch=on_batch, rejects_path=rejects_path,
        retries=retries, backoff_s=backoff_s, total=None, tuning=tuning,
    )  # fmt: skip
    return importer.run(line_jobs(iter_lines(path, keep_undecodable=True), source, tuning.batch_size))
