"""The reader processes, seen from the runner: start them, steer them by one shared integer, collect them.

:mod:`anp_synth.bench.readers` is what runs inside each process; this module is the parent's
side: the plans the processes start from, the shared phase and time-zero values, and a stop
that always collects what each reader measured, or says which one is missing.
"""

from __future__ import annotations

import multiprocessing
import queue
import signal
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from multiprocessing.sharedctypes import Synchronized, SynchronizedArray

from ..errors import BenchError
from .connect import ConnectSpec, to_driver_sql
from .options import BenchOptions
from .params import ParamPools
from .readers import PAUSE, STOP, ReaderPlan, ReaderQuery, reader_main
from .recorder import Recorder
from .workload import Query

__all__ = ["COLLECT_TIMEOUT_S", "READY_TIMEOUT_S", "ReaderPool", "reader_plans"]

READY_TIMEOUT_S = 120.0
COLLECT_TIMEOUT_S = 30.0


@contextmanager
def _sigint_ignored() -> Iterator[None]:
    """Start children with SIGINT ignored (inherited across exec), so Ctrl-C is ours to handle."""
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


class ReaderPool:
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

    def merged(self, t0_ns: int) -> Recorder:
        """Everything the readers measured, in one recorder whose time zero is the bench's."""
        recorder = Recorder(t0_ns)
        for r in self.recorders:
            recorder.merge(r)
        return recorder


def reader_plans(
    options: BenchOptions, spec: ConnectSpec, queries: Sequence[Query], pools: ParamPools, dialect: str
) -> list[ReaderPlan]:
    """One plan per reader process: the mix in the driver's SQL, the parameter pools, and each
    reader's share of the rate (open loop) or of the clients (closed loop, at most one reader
    per client), so that the readers together run what the options asked for."""
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
