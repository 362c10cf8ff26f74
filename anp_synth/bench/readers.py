"""Reader processes: the admin area's queries, run in closed or open loop, timed at the driver.

Readers are separate processes (``spawn``), so neither the importer's CPU work nor the GIL
sits between a query and its clock. The coordinator steers them through one shared integer:
the phase index to record under, or PAUSE / WARMUP / STOP.

Closed loop (``--clients``): each client sends its next query when the last one returns;
latency is the query's own time. Open loop (``--rate``): queries are due on a fixed schedule
and latency runs from the *due* time, so when the database stalls, every query that should
have started during the stall carries the wait it suffered (coordinated omission corrected,
as wrk2 and HdrHistogram do). A query that falls due while the reader is idle starts its
clock when the reader actually wakes, so the OS's sleep granularity is not charged to the
database. The time from the actual start is kept too, as "service time".
"""

from __future__ import annotations

import bisect
import os
import random
import signal
import threading
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from multiprocessing.sharedctypes import Synchronized, SynchronizedArray
from typing import Any, Literal, Protocol

from .driver import ConnectSpec, DriverConnection, first_line, open_spec
from .recorder import Recorder

STOP = -2
PAUSE = -1
WARMUP = -3
"""Control values of the shared phase integer; phases to record are 0, 1, 2..."""

RECONNECT_PAUSE_S = 0.2
PARENT_CHECK_EVERY = 256
"""Closed-loop queries between two checks that the coordinator is still alive."""


def _orphaned(parent: int) -> bool:
    """The coordinator died without saying STOP (SIGKILL): a reader must not outlive it."""
    return os.getppid() != parent


class ResultQueue(Protocol):
    def put(self, obj: Any) -> None: ...


@dataclass(frozen=True)
class ReaderQuery:
    """A query as a reader runs it: driver-style SQL and the parameter groups to draw for it."""

    id: str
    sql: str
    groups: tuple[str, ...]
    weight: float


@dataclass(frozen=True)
class ReaderPlan:
    """Everything one reader process needs; picklable, sent once at start."""

    index: int
    spec: ConnectSpec
    queries: tuple[ReaderQuery, ...]
    pools: Mapping[str, Sequence[Mapping[str, Any]]]
    seed: int
    mode: Literal["open", "closed"]
    rate: float
    clients: int
    readers: int


class _Picker:
    """Weighted, seeded choice of the next query and its parameters."""

    def __init__(self, plan: ReaderPlan, stream: int) -> None:
        self.rng = random.Random(f"anp-bench:{plan.seed}:{plan.index}:{stream}")
        self.queries = plan.queries
        self.pools = plan.pools
        total = 0.0
        self.cumulative: list[float] = []
        for q in plan.queries:
            total += q.weight
            self.cumulative.append(total)
        self.total = total

    def next(self) -> tuple[int, ReaderQuery, dict[str, Any]]:
        rng = self.rng
        qi = bisect.bisect_right(self.cumulative, rng.random() * self.total)
        qi = min(qi, len(self.queries) - 1)
        q = self.queries[qi]
        params: dict[str, Any] = {}
        for group in q.groups:
            params.update(rng.choice(self.pools[group]))
        return qi, q, params


class _Client:
    """One connection; reconnects (counting the errors) if the database drops it."""

    def __init__(self, plan: ReaderPlan) -> None:
        self.plan = plan
        self.conn: DriverConnection = open_spec(plan.spec)

    def run(self, sql: str, params: dict[str, Any]) -> None:
        self.conn.run(sql, params)

    def recover(self) -> None:
        if not self.conn.broken:
            return
        self.conn.close()
        time.sleep(RECONNECT_PAUSE_S)
        try:
            self.conn = open_spec(self.plan.spec)
        except Exception:  # the next query fails and is counted; retry after it
            return

    def close(self) -> None:
        self.conn.close()


class _Tally:
    """This reader's slot of the shared count of answered queries (no-op without one)."""

    def __init__(self, done: SynchronizedArray[int] | None, index: int) -> None:
        self.done, self.index = done, index

    def add(self) -> None:
        if self.done is not None:
            self.done[self.index] += 1  # closed-loop threads may race here: a progress line, not a measure


def _closed_loop(
    plan: ReaderPlan,
    client: _Client,
    phase: Synchronized[int],
    t0: Synchronized[int],
    rec: Recorder,
    stream: int,
    tally: _Tally,
) -> None:
    picker = _Picker(plan, stream)
    clock = time.monotonic_ns
    parent = os.getppid()
    n = 0
    while True:
        ph = phase.value
        n += 1
        if ph == STOP or (n % PARENT_CHECK_EVERY == 0 and _orphaned(parent)):
            return
        if ph == PAUSE:
            if _orphaned(parent):
                return
            time.sleep(0.005)
            continue
        if ph >= 0 and not rec.t0_ns:
            rec.t0_ns = t0.value  # time zero is set by the coordinator before the first phase
        qi, q, params = picker.next()
        start = clock()
        try:
            client.run(q.sql, params)
        except Exception as exc:
            if ph >= 0:
                rec.error(ph, qi, start, f"{type(exc).__name__}: {plan.spec.scrub(str(exc))}")
            client.recover()
            continue
        end = clock()
        if ph >= 0:
            rec.record(ph, qi, start, end)
            tally.add()


def _open_loop(
    plan: ReaderPlan, client: _Client, phase: Synchronized[int], t0: Synchronized[int], rec: Recorder, tally: _Tally
) -> None:
    picker = _Picker(plan, 0)
    clock = time.monotonic_ns
    interval = 1e9 / plan.rate
    due: float | None = None
    last_end = 0
    parent = os.getppid()
    scheduled_phase = PAUSE
    while True:
        ph = phase.value
        if ph == STOP or _orphaned(parent):
            return
        if ph == PAUSE:
            due = None  # nothing is due while paused: the schedule restarts on resume
            time.sleep(0.005)
            continue
        if ph != scheduled_phase and ph >= 0:
            # Each phase starts its own schedule: a backlog left by an overloaded import phase
            # is not charged to the after phase (the database's state carries over; the queue
            # of this load generator does not).
            scheduled_phase = ph
            due = None
        now = clock()
        if due is None:
            # Readers start at different offsets within one interval, so R readers at rate/R
            # each make one evenly spread stream rather than R simultaneous bursts.
            due = now + interval * (plan.index / plan.readers)
        if now < due:
            time.sleep(min((due - now) / 1e9, 0.05))
            continue
        if ph >= 0 and not rec.t0_ns:
            rec.t0_ns = t0.value  # time zero is set by the coordinator before the first phase
        # Behind schedule because the last query ran past this one's due time: the database
        # made it wait, so its latency starts at the due time. Otherwise the reader was idle
        # and any lateness is the OS waking it from sleep, which is not the database's.
        backlogged = last_end > due
        qi, q, params = picker.next()
        start = clock()
        intended = int(due) if backlogged else start
        due += interval
        try:
            client.run(q.sql, params)
        except Exception as exc:
            last_end = clock()
            if ph >= 0:
                rec.error(ph, qi, intended, f"{type(exc).__name__}: {plan.spec.scrub(str(exc))}")
            client.recover()
            continue
        end = last_end = clock()
        if ph >= 0:
            if backlogged:
                rec.record_late(ph, qi, intended, start, end)
            else:
                rec.record(ph, qi, intended, end)
            tally.add()


def reader_main(
    plan: ReaderPlan,
    phase: Synchronized[int],
    t0: Synchronized[int],
    results: ResultQueue,
    done: SynchronizedArray[int] | None = None,
) -> None:
    """Entry point of one reader process: connect, report ready, run until STOP, send results.

    ``done[plan.index]`` counts the queries answered in recorded phases, for the coordinator's
    progress lines (one shared-memory add per query; the recorder stays the measure).
    """
    # Ctrl-C (or a SIGTERM to the group) reaches every process; only the coordinator acts on
    # it, by setting STOP, so the readers finish their query and still send what they measured.
    # Should the coordinator die outright, the readers notice their new parent and exit.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    try:
        clients = [_Client(plan) for _ in range(plan.clients if plan.mode == "closed" else 1)]
    except Exception as exc:
        results.put(("failed", plan.index, f"cannot connect to {plan.spec.shown}: {first_line(exc, plan.spec)}"))
        return
    results.put(("ready", plan.index, None))
    recorders = [Recorder() for _ in clients]
    tally = _Tally(done, plan.index)
    try:
        if plan.mode == "open":
            _open_loop(plan, clients[0], phase, t0, recorders[0], tally)
        else:
            threads = [
                threading.Thread(target=_closed_loop, args=(plan, c, phase, t0, r, i, tally), daemon=True)
                for i, (c, r) in enumerate(zip(clients, recorders, strict=True))
            ]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
    except Exception as exc:
        results.put(
            ("failed", plan.index, f"reader {plan.index} crashed: {type(exc).__name__}: {first_line(exc, plan.spec)}")
        )
        return
    finally:
        for c in clients:
            c.close()
    merged = Recorder(t0.value)
    for r in recorders:
        merged.merge(r)
    results.put(("done", plan.index, merged))
