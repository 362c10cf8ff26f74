"""The phase runner: idle baseline, import under load, after; readers steered from here.

``run_bench`` owns the order of things: check the database (reachable, ours to write to),
load a base window when it is empty, draw query parameters from what is there, start the
reader processes, then walk the phases by setting one shared integer while the importer runs
in this process. Whatever happens (an import error, Ctrl-C), the readers are stopped and
what they measured is collected: an interrupted run still yields a report, marked so.
"""

from __future__ import annotations

import multiprocessing
import os
import queue
import signal
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from multiprocessing.sharedctypes import Synchronized, SynchronizedArray
from pathlib import Path
from typing import Any, Literal

from ..db import DEFAULT_DB_URL, BatchStats, import_generated
from ..errors import BenchError, InvalidArgument
from ..model import PROFILES
from ..rules import check_seed_range
from .connect import (
    ConnectSpec,
    DriverConnection,
    connect_spec,
    dialect_of,
    driver_errors,
    open_driver_connection,
    redact,
    server_version,
    table_rows,
    to_driver_sql,
)
from .explain import Plan, explain_queries, validate_queries
from .pacing import Pacer, paced_batch_size
from .params import ParamPools, draw_params
from .readers import PAUSE, STOP, WARMUP, ReaderPlan, ReaderQuery, reader_main
from .recorder import Recorder
from .workload import Query, build_mix, check_statements, load_query_file, mix_for_dialect

DEFAULT_COUNT = 30_000
DEFAULT_BASE_COUNT = 10_000
DEFAULT_DURATION = 8.0
DEFAULT_READERS = 2
DEFAULT_RATE = 200.0
"""Queries per second (all readers together) when neither --rate nor --clients is given.

Open loop by default: a closed loop runs as fast as the database answers, so on a small
machine it would take the CPU from the very import it is meant to observe.
"""
READY_TIMEOUT_S = 120.0
COLLECT_TIMEOUT_S = 30.0

Event = Callable[[str, dict[str, Any]], None]


@dataclass(frozen=True)
class BenchOptions:
    """Everything a bench run depends on; the same names as the CLI options."""

    db_url: str = DEFAULT_DB_URL
    seed: int | None = None
    count: int = DEFAULT_COUNT
    base_count: int = DEFAULT_BASE_COUNT
    profile: str = "realistic"
    readers: int = DEFAULT_READERS
    rate: float | None = None
    clients: int | None = None
    duration: float = DEFAULT_DURATION
    warmup: float = 1.0
    batch_size: int | None = None
    read_only: bool = False
    yes: bool = False
    queries_file: Path | None = None
    explain: bool = True
    progress_s: float = 0.0
    """Every this many seconds of the recorded phases, a ``progress`` event (0: none), like
    ``pgbench -P``: the CLI prints it on a terminal, so a long phase is not a silent one."""
    import_rate: float | None = None
    """Articles per second the import phase is held to (``pgbench -R``); None: as fast as it goes.
    See :mod:`anp_synth.bench.pacing`."""

    @property
    def import_batch_size(self) -> int | None:
        """The import phase's batch size: ``batch_size`` if given, else a quarter second of a
        paced rate (:func:`~anp_synth.bench.pacing.paced_batch_size`), else the importer's default."""
        if self.batch_size is not None:
            return self.batch_size
        return paced_batch_size(self.import_rate) if self.import_rate is not None else None

    @property
    def mode(self) -> Literal["open", "closed"]:
        return "closed" if self.clients is not None else "open"

    @property
    def effective_rate(self) -> float:
        return self.rate if self.rate is not None else DEFAULT_RATE

    def validate(self) -> None:
        if self.rate is not None and self.clients is not None:
            raise InvalidArgument("--rate and --clients are exclusive: open loop or closed loop, not both")
        if self.rate is not None and not self.rate > 0:
            raise InvalidArgument(f"rate={self.rate!r} must be > 0 queries per second")
        if self.clients is not None and self.clients < 1:
            raise InvalidArgument(f"clients={self.clients!r} must be >= 1")
        if self.readers < 1:
            raise InvalidArgument(f"readers={self.readers!r} must be >= 1")
        if not self.duration > 0:
            raise InvalidArgument(f"duration={self.duration!r} must be > 0 seconds")
        if self.warmup < 0:
            raise InvalidArgument(f"warmup={self.warmup!r} must be >= 0 seconds")
        if self.progress_s < 0:
            raise InvalidArgument(f"progress_s={self.progress_s!r} must be >= 0 seconds")
        if self.base_count < 1:
            raise InvalidArgument(f"base_count={self.base_count!r} must be >= 1")
        if self.batch_size is not None and self.batch_size < 1:
            raise InvalidArgument(f"batch_size={self.batch_size!r} must be >= 1")
        if self.import_rate is not None:
            if not (self.import_rate > 0 and self.import_rate != float("inf")):
                raise InvalidArgument(f"--import-rate {self.import_rate!r} must be > 0 articles per second")
            if self.read_only:
                raise InvalidArgument("--import-rate paces the import phase, which --read-only does not run")
        if self.profile not in PROFILES:
            raise InvalidArgument(f"profile={self.profile!r} is not one of {', '.join(PROFILES)}")
        check_seed_range(self.seed if self.seed is not None else 1, self.count)
        dialect_of(self.db_url)

    def public(self) -> dict[str, Any]:
        """The options as a report shows them: the URL without its password."""
        return {
            "db_url": redact(self.db_url),
            "seed": self.seed,
            "count": self.count,
            "base_count": self.base_count,
            "profile": self.profile,
            "readers": self.readers,
            "mode": self.mode,
            "rate": self.effective_rate if self.mode == "open" else None,
            "clients": self.clients,
            "duration": self.duration,
            "warmup": self.warmup,
            "batch_size": self.batch_size,
            "import_rate": self.import_rate,
            "import_batch_size": None if self.read_only else self.import_batch_size,
            "read_only": self.read_only,
            "queries_file": str(self.queries_file) if self.queries_file else None,
        }


@dataclass
class PhaseSpan:
    """One phase: when it ran (ns since the bench's time zero) and what was imported in it."""

    name: str
    index: int
    start_ns: int
    end_ns: int = 0
    rows_imported: int = 0


@dataclass
class BenchRun:
    """What a run produced, before it becomes a report (see :mod:`anp_synth.bench.report`)."""

    options: BenchOptions
    dialect: str
    server_version: str
    queries: list[Query]
    skipped_queries: dict[str, str]
    phases: list[PhaseSpan]
    recorder: Recorder
    import_batches: list[tuple[int, int]]
    """(ns since time zero, rows inserted) per committed batch of the measured import."""
    import_schedule: list[tuple[int, int, int]] | None
    """A paced import's (due, committed, articles) per batch, ns since time zero; None unpaced."""
    import_seed: int | None
    base_load: dict[str, Any] | None
    import_report: dict[str, Any] | None
    plans: list[Plan]
    table_rows: dict[str, int]
    interrupted: bool = False
    reader_failures: list[str] = field(default_factory=list)
    started_at: str = ""
    elapsed_s: float = 0.0


def _ledger_inserted(conn: DriverConnection) -> int:
    return int(conn.run("SELECT coalesce(sum(rows_inserted), 0) FROM anp_import_ledger")[0][0])


def check_ownership(conn: DriverConnection, rows: dict[str, int], db_shown: str) -> None:
    """Refuse a database whose anp_articles hold rows the importer's ledger does not account for.

    Every article anp-synth writes is counted in ``anp_import_ledger.rows_inserted``; more
    articles than that means someone else's rows (a staging copy, a hand-made table), which a
    load test must not add to without being told (``--yes``).
    """
    articles = rows.get("anp_articles", 0)
    if articles == 0:
        return
    accounted = _ledger_inserted(conn) if "anp_import_ledger" in rows else 0
    if articles > accounted:
        raise BenchError(
            f"{db_shown}: anp_articles holds {articles} rows but the import ledger accounts for only "
            f"{accounted}: refusing to write into data anp-synth did not import "
            "(use --read-only to only query it, or --yes to import anyway)"
        )


def _max_seed(conn: DriverConnection) -> int | None:
    value = conn.run("SELECT max(seed) FROM anp_articles")[0][0]
    return None if value is None else int(value)


@contextmanager
def _sigint_ignored() -> Iterator[None]:
    """Start children with SIGINT ignored (inherited across exec), so Ctrl-C is ours to handle."""
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


class _Readers:
    """The reader processes and the shared phase integer that steers them."""

    def __init__(self, plans: Sequence[ReaderPlan]) -> None:
        ctx = multiprocessing.get_context("spawn")
        self.phase: Synchronized[int] = ctx.Value("i", PAUSE, lock=False)
        self.t0: Synchronized[int] = ctx.Value("q", 0, lock=False)
        self.results = ctx.Queue()
        self.done: SynchronizedArray[int] = ctx.Array("q", len(plans), lock=False)
        self.procs = [
            ctx.Process(
                target=reader_main,
                args=(p, self.phase, self.t0, self.results, self.done),
                name=f"anp-bench-reader-{p.index}",
            )
            for p in plans
        ]
        self.failures: list[str] = []
        self.recorders: list[Recorder] = []

    def start(self) -> None:
        with _sigint_ignored():
            for p in self.procs:
                p.start()
        ready = 0
        deadline = time.monotonic() + READY_TIMEOUT_S
        while ready < len(self.procs):
            try:
                kind, _index, payload = self.results.get(timeout=max(0.1, deadline - time.monotonic()))
            except queue.Empty:
                raise BenchError(f"the readers did not start within {READY_TIMEOUT_S:.0f} s") from None
            if kind == "failed":
                raise BenchError(f"a reader could not start: {payload}")
            ready += 1

    def set(self, value: int) -> None:
        self.phase.value = value

    def stop(self) -> None:
        """Tell every reader to stop, collect what each measured, and make sure all are gone."""
        self.phase.value = STOP
        deadline = time.monotonic() + COLLECT_TIMEOUT_S
        done = 0
        while done < len(self.procs) and time.monotonic() < deadline:
            try:
                kind, _index, payload = self.results.get(timeout=0.2)
            except queue.Empty:
                if not any(p.is_alive() for p in self.procs) and self.results.empty():
                    break
                continue
            if kind == "done":
                self.recorders.append(payload)
                done += 1
            elif kind == "failed":
                self.failures.append(str(payload))
                done += 1
        for p in self.procs:
            p.join(timeout=2.0)
            if p.is_alive():
                p.terminate()
                p.join(timeout=2.0)
                self.failures.append(f"{p.name} did not stop in time; its measurements are missing")
        self.results.close()
        self.results.join_thread()


def _prepare_readers(
    options: BenchOptions, spec: ConnectSpec, queries: Sequence[Query], pools: ParamPools, dialect: str
) -> list[ReaderPlan]:
    rq = tuple(
        ReaderQuery(
            q.id,
            to_driver_sql(q.sql[dialect], dialect),
            pools.groups_for(q.params),
            q.weight,
        )
        for q in queries
    )
    n = options.readers
    if options.mode == "closed":
        assert options.clients is not None
        n = min(n, options.clients)
        per = [options.clients // n + (1 if i < options.clients % n else 0) for i in range(n)]
    else:
        per = [1] * n
    seed = options.seed if options.seed is not None else 0
    return [
        ReaderPlan(
            index=i,
            spec=spec,
            queries=rq,
            pools={g: list(rows) for g, rows in pools.groups.items()},
            seed=seed,
            mode=options.mode,
            rate=options.effective_rate / n,
            clients=per[i],
            readers=n,
        )
        for i in range(n)
    ]


def _import(
    options: BenchOptions,
    seed: int,
    count: int,
    on_batch: Callable[[BatchStats], None] | None,
    batch_size: int | None = None,
) -> dict[str, Any]:
    """Run the importer over a generated window, in this process; its report as data."""
    kwargs: dict[str, Any] = {}
    if batch_size is not None:
        kwargs["batch_size"] = batch_size
    report = import_generated(
        options.db_url, seed=seed, count=count, profile=options.profile, on_batch=on_batch, **kwargs
    )
    return report.to_dict()


def _settle(conn: DriverConnection) -> None:
    """After a base load, before the idle phase: fresh planner statistics, as a database that has
    been in use has. Without them PostgreSQL plans the idle phase's queries for empty tables
    (the import phase, later, ran after autovacuum's ANALYZE), and the idle/import ratio
    compared a cold, misplanned database with a settled one. The warm-up then warms the cache.
    SQLite plans without statistics unless asked to keep them: nothing to settle there."""
    if conn.dialect == "postgresql":
        for name in ("anp_articles", "anp_post_meta", "anp_entities", "anp_similar_posts"):
            conn.run(f"ANALYZE {name}")


class _Ticker:
    """Emits a ``progress`` event every ``period`` seconds: queries/s of all readers and rows/s
    imported over the last period. Called often (between sleeps, after every batch); cheap
    when nothing is due."""

    def __init__(self, period: float, emit: Event, readers: _Readers, t0_ns: int) -> None:
        self.period, self.emit, self.readers, self.t0_ns = period, emit, readers, t0_ns
        self.span: PhaseSpan | None = None
        self.last = time.monotonic()
        self.queries = 0
        self.rows = 0
        self.lock = threading.Lock()  # on PostgreSQL the import's batches arrive on its writer thread

    def enter(self, span: PhaseSpan) -> None:
        with self.lock:
            self.span, self.rows = span, 0

    def __call__(self) -> None:
        if not self.period or self.span is None:
            return
        with self.lock:
            now = time.monotonic()
            if now - self.last < self.period:
                return
            queries = sum(self.readers.done[:])
            rows = self.span.rows_imported
            elapsed = now - self.last
            self.emit(
                "progress",
                {
                    "t": (time.monotonic_ns() - self.t0_ns) / 1e9,
                    "phase": self.span.name,
                    "queries_per_s": (queries - self.queries) / elapsed,
                    "rows_per_s": max(0, rows - self.rows) / elapsed,
                },
            )
            self.last, self.queries, self.rows = now, queries, rows


@contextmanager
def _wakes_on_interrupt(pacer: Pacer | None) -> Iterator[None]:
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


def _sleep_phase(seconds: float, tick: Callable[[], None] = lambda: None) -> None:
    end = time.monotonic() + seconds
    while (left := end - time.monotonic()) > 0:
        time.sleep(min(left, 0.1))
        tick()


def run_bench(options: BenchOptions, *, on_event: Event | None = None) -> BenchRun:
    """Run every phase and return what was measured; Ctrl-C ends early with ``interrupted=True``."""
    options.validate()
    with driver_errors(options.db_url, "bench on"):
        return _run(options, on_event)


def _run(options: BenchOptions, on_event: Event | None) -> BenchRun:
    emit: Event = on_event or (lambda _kind, _data: None)
    started_wall = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    started = time.monotonic()
    shown = redact(options.db_url)
    dialect = dialect_of(options.db_url)

    extra: list[Query] = []
    replace_builtin = False
    if options.queries_file is not None:
        extra, replace_builtin = load_query_file(options.queries_file)
    mix = mix_for_dialect(build_mix(extra, replace_builtin=replace_builtin), dialect)
    check_statements(mix, dialect, read_only=options.read_only)

    spec = connect_spec(options.db_url, read_only=options.read_only)
    conn = open_driver_connection(spec)
    try:
        version = server_version(conn)
        rows = table_rows(conn)
        if options.read_only:
            if "anp_articles" not in rows:
                raise BenchError(f"{shown}: no anp_articles table: nothing to query (--read-only never creates one)")
        elif not options.yes:
            check_ownership(conn, rows, shown)

        import_seed: int | None = None
        base_load: dict[str, Any] | None = None
        if not options.read_only:
            top = _max_seed(conn) if rows.get("anp_articles") else None
            import_seed = options.seed if options.seed is not None else (top + 1 if top is not None else 1)
            check_seed_range(import_seed, options.count)
            if not rows.get("anp_articles"):
                base_seed = import_seed + options.count
                emit("base", {"seed": base_seed, "count": options.base_count})
                base_load = _import(options, base_seed, options.base_count, None, options.batch_size)
                rows = table_rows(conn)
                _settle(conn)

        emit("params", {})
        pools = draw_params(conn, seed=import_seed if import_seed is not None else (options.seed or 0))
        skipped: dict[str, str] = {}
        runnable: list[Query] = []
        for q in mix:
            missing = pools.missing(q.params)
            if missing:
                skipped[q.id] = f"no data for its parameters ({', '.join(missing)})"
            else:
                runnable.append(q)
        if not runnable:
            raise BenchError(
                "no query of the mix can run on this data: " + "; ".join(f"{k}: {v}" for k, v in skipped.items())
            )
        validate_queries(conn, runnable, pools)

        readers = _Readers(_prepare_readers(options, spec, runnable, pools, dialect))
        phases: list[PhaseSpan] = []
        batches: list[tuple[int, int]] = []
        pacer: Pacer | None = None
        import_report: dict[str, Any] | None = None
        interrupted = False
        t0 = 0
        try:
            emit("readers", {"readers": len(readers.procs)})
            readers.start()
            if options.warmup > 0:
                emit("warmup", {"seconds": options.warmup})
                readers.set(WARMUP)
                _sleep_phase(options.warmup)
            t0 = time.monotonic_ns()
            readers.t0.value = t0
            tick = _Ticker(options.progress_s, emit, readers, t0)
            names = ["idle", "after"] if options.read_only else ["idle", "import", "after"]
            for index, name in enumerate(names):
                span = PhaseSpan(name, index, time.monotonic_ns() - t0)
                phases.append(span)
                readers.set(index)
                tick.enter(span)
                emit("phase", {"name": name, "index": index})
                if name == "import":
                    assert import_seed is not None

                    if options.import_rate is not None:
                        pacer = Pacer(options.import_rate, t0 + span.start_ns, tick)

                    def on_batch(stats: BatchStats, span: PhaseSpan = span, pacer: Pacer | None = pacer) -> None:
                        inserted = stats.inserted
                        span.rows_imported += inserted
                        batches.append((time.monotonic_ns() - t0, inserted))
                        tick()
                        if pacer is not None:
                            pacer.after_batch(stats.rows, stats.from_ledger)

                    with _wakes_on_interrupt(pacer):
                        import_report = _import(
                            options, import_seed, options.count, on_batch, options.import_batch_size
                        )
                else:
                    _sleep_phase(options.duration, tick)
                span.end_ns = time.monotonic_ns() - t0
        except KeyboardInterrupt:
            interrupted = True
            if phases and phases[-1].end_ns == 0:
                phases[-1].end_ns = time.monotonic_ns() - t0
            emit("interrupted", {})
        finally:
            readers.stop()
        recorder = Recorder(t0)
        for r in readers.recorders:
            recorder.merge(r)

        plans: list[Plan] = []
        if options.explain and not interrupted:
            emit("explain", {})
            plans = explain_queries(conn, runnable, pools, rows=table_rows(conn))
        final_rows = table_rows(conn)
    finally:
        conn.close()

    return BenchRun(
        options=options,
        dialect=dialect,
        server_version=version,
        queries=runnable,
        skipped_queries=skipped,
        phases=phases,
        recorder=recorder,
        import_batches=batches,
        import_schedule=None
        if pacer is None
        else [(due - t0, committed - t0, n) for due, committed, n in pacer.batches],
        import_seed=import_seed,
        base_load=base_load,
        import_report=import_report,
        plans=plans,
        table_rows=final_rows,
        interrupted=interrupted,
        reader_failures=readers.failures,
        started_at=started_wall,
        elapsed_s=time.monotonic() - started,
    )


def cpu_count() -> int:
    return os.cpu_count() or 1
