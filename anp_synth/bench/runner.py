"""The phase runner: idle baseline, import under load, after; readers steered from here.

``run_bench`` owns the order of things: check the database (reachable, ours to write to),
load a base window when it is empty, draw query parameters from what is there, start the
reader processes, then walk the phases by setting one shared integer while the importer runs
in this process. Whatever happens (an import error, Ctrl-C), the readers are stopped and
what they measured is collected: an interrupted run still yields a report, marked so.

Its parts live where they can be read alone: the options in :mod:`.options`, the reader
processes' parent side in :mod:`.reader_pool`, the paced import's clock in :mod:`.pacing`.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..db import BatchStats, import_generated
from ..errors import BenchError
from ..rules import check_seed_range
from .connect import (
    DriverConnection,
    connect_spec,
    dialect_of,
    driver_errors,
    open_driver_connection,
    redact,
    server_version,
    table_rows,
)
from .explain import Plan, explain_queries, validate_queries
from .options import DEFAULT_BASE_COUNT, DEFAULT_COUNT, DEFAULT_DURATION, DEFAULT_RATE, DEFAULT_READERS, BenchOptions
from .pacing import Pacer, wakes_on_interrupt
from .params import ParamPools, draw_params
from .reader_pool import COLLECT_TIMEOUT_S, READY_TIMEOUT_S, ReaderPool, reader_plans
from .readers import WARMUP
from .recorder import Recorder
from .workload import Query, build_mix, check_statements, load_query_file, mix_for_dialect

__all__ = [
    "COLLECT_TIMEOUT_S",
    "DEFAULT_BASE_COUNT",
    "DEFAULT_COUNT",
    "DEFAULT_DURATION",
    "DEFAULT_RATE",
    "DEFAULT_READERS",
    "READY_TIMEOUT_S",
    "BenchOptions",
    "BenchRun",
    "PhaseSpan",
    "check_ownership",
    "cpu_count",
    "run_bench",
]

Event = Callable[[str, dict[str, Any]], None]


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

    def __init__(self, period: float, emit: Event, readers: ReaderPool, t0_ns: int) -> None:
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
    dialect = dialect_of(options.db_url)
    mix = _query_mix(options, dialect)
    spec = connect_spec(options.db_url, read_only=options.read_only)
    conn = open_driver_connection(spec)
    try:
        version = server_version(conn)
        import_seed, base_load = _set_up(conn, options, emit)
        emit("params", {})
        pools = draw_params(conn, seed=import_seed if import_seed is not None else (options.seed or 0))
        runnable, skipped = _runnable(mix, pools)
        validate_queries(conn, runnable, pools)
        readers = ReaderPool(reader_plans(options, spec, runnable, pools, dialect))
        walk = _PhaseWalk(options, emit, readers, import_seed)
        walk.run()
        recorder = readers.merged(walk.t0)
        plans: list[Plan] = []
        if options.explain and not walk.interrupted:
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
        phases=walk.phases,
        recorder=recorder,
        import_batches=walk.batches,
        import_schedule=walk.schedule(),
        import_seed=import_seed,
        base_load=base_load,
        import_report=walk.import_report,
        plans=plans,
        table_rows=final_rows,
        interrupted=walk.interrupted,
        reader_failures=readers.failures,
        started_at=started_wall,
        elapsed_s=time.monotonic() - started,
    )


def _query_mix(options: BenchOptions, dialect: str) -> list[Query]:
    """The built-in mix with the user's query file (added to it, or replacing it), for ``dialect``;
    refused before anything connects if a statement may not run (see :mod:`.statements`)."""
    extra: list[Query] = []
    replace_builtin = False
    if options.queries_file is not None:
        extra, replace_builtin = load_query_file(options.queries_file)
    mix = mix_for_dialect(build_mix(extra, replace_builtin=replace_builtin), dialect)
    check_statements(mix, dialect, read_only=options.read_only)
    return mix


def _set_up(conn: DriverConnection, options: BenchOptions, emit: Event) -> tuple[int | None, dict[str, Any] | None]:
    """Check the database is ours to use, pick the import's first seed, and load a base window
    into an empty database (so the idle phase has rows to query). Returns (import seed, base
    load's report); both None under ``--read-only``, which neither imports nor loads."""
    shown = redact(options.db_url)
    rows = table_rows(conn)
    if options.read_only:
        if "anp_articles" not in rows:
            raise BenchError(f"{shown}: no anp_articles table: nothing to query (--read-only never creates one)")
        return None, None
    if not options.yes:
        check_ownership(conn, rows, shown)
    top = _max_seed(conn) if rows.get("anp_articles") else None
    import_seed = options.seed if options.seed is not None else (top + 1 if top is not None else 1)
    check_seed_range(import_seed, options.count)
    base_load: dict[str, Any] | None = None
    if not rows.get("anp_articles"):
        base_seed = import_seed + options.count
        emit("base", {"seed": base_seed, "count": options.base_count})
        base_load = _import(options, base_seed, options.base_count, None, options.batch_size)
        _settle(conn)
    return import_seed, base_load


def _runnable(mix: Sequence[Query], pools: ParamPools) -> tuple[list[Query], dict[str, str]]:
    """The queries the loaded data has parameters for, and why each other one is skipped;
    BenchError when none can run (a bench of nothing would report nothing)."""
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
    return runnable, skipped


class _PhaseWalk:
    """The measured part of a run: warm-up, then idle, import (unless read-only) and after.

    The readers follow the phase through one shared integer; the import runs in this process.
    Ctrl-C ends the walk early (``interrupted``), with the phase in flight closed where it
    stopped; the readers are stopped and collected whatever happened.
    """

    def __init__(self, options: BenchOptions, emit: Event, readers: ReaderPool, import_seed: int | None) -> None:
        self.options, self.emit, self.readers, self.import_seed = options, emit, readers, import_seed
        self.phases: list[PhaseSpan] = []
        self.batches: list[tuple[int, int]] = []
        self.pacer: Pacer | None = None
        self.import_report: dict[str, Any] | None = None
        self.interrupted = False
        self.t0 = 0

    def run(self) -> None:
        try:
            self.emit("readers", {"readers": len(self.readers.procs)})
            self.readers.start()
            self._warm_up()
            self.t0 = time.monotonic_ns()
            self.readers.t0.value = self.t0
            tick = _Ticker(self.options.progress_s, self.emit, self.readers, self.t0)
            names = ["idle", "after"] if self.options.read_only else ["idle", "import", "after"]
            for index, name in enumerate(names):
                span = PhaseSpan(name, index, time.monotonic_ns() - self.t0)
                self.phases.append(span)
                self.readers.set(index)
                tick.enter(span)
                self.emit("phase", {"name": name, "index": index})
                if name == "import":
                    self._import_phase(span, tick)
                else:
                    _sleep_phase(self.options.duration, tick)
                span.end_ns = time.monotonic_ns() - self.t0
        except KeyboardInterrupt:
            self.interrupted = True
            if self.phases and self.phases[-1].end_ns == 0:
                self.phases[-1].end_ns = time.monotonic_ns() - self.t0
            self.emit("interrupted", {})
        finally:
            self.readers.stop()

    def _warm_up(self) -> None:
        if self.options.warmup > 0:
            self.emit("warmup", {"seconds": self.options.warmup})
            self.readers.set(WARMUP)
            _sleep_phase(self.options.warmup)

    def _import_phase(self, span: PhaseSpan, tick: _Ticker) -> None:
        """Import the measured window, each batch counted in ``span`` and, when paced, held to
        its due time by the pacer."""
        assert self.import_seed is not None
        t0 = self.t0
        pacer = None if self.options.import_rate is None else Pacer(self.options.import_rate, t0 + span.start_ns, tick)
        self.pacer = pacer

        def on_batch(stats: BatchStats) -> None:
            inserted = stats.inserted
            span.rows_imported += inserted
            self.batches.append((time.monotonic_ns() - t0, inserted))
            tick()
            if pacer is not None:
                pacer.after_batch(stats.rows, stats.from_ledger)

        with wakes_on_interrupt(pacer):
            self.import_report = _import(
                self.options, self.import_seed, self.options.count, on_batch, self.options.import_batch_size
            )

    def schedule(self) -> list[tuple[int, int, int]] | None:
        """A paced import's (due, committed, articles) per batch, ns since time zero; None unpaced."""
        if self.pacer is None:
            return None
        return [(due - self.t0, committed - self.t0, n) for due, committed, n in self.pacer.batches]


def cpu_count() -> int:
    return os.cpu_count() or 1
