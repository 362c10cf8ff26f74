"""Where one reader puts what it measured: histograms keyed by (phase, second, query).

Everything the reports show is a merge of these cells: per phase and query, per second, per
phase overall. Merging histograms loses nothing, so the coarse views are exact.

The hot path is one bounds check and one ``list.append`` per query: raw latencies wait in
per-(phase, second, query) lists and are folded into histograms after the run (or every
million queries), so the fold's cost never lands between two measured queries
(``benchmarks/bench_latency_overhead.py`` measures both, against the fastest query). The second of a sample is the second of its
*intended* start (the schedule's, in open loop), so a stall shows in the seconds when the
queries should have run.

Open loop keeps a second measure, service time (from the actual start). For a query that
started on time the two are the same number, so only the queries that started late (the
schedule was waiting on the database) are recorded twice; service time per phase and query
is then the on-time latencies plus those late queries' own service times.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from .histogram import Histogram

Cell = tuple[int, int, int]
"""(phase index, second since the bench's time zero, query index)."""

NS = 1_000_000_000
MAX_RAW_VALUES = 1_000_000
"""Raw latencies kept before folding them into histograms (~40 MB): in a usual run, the fold
happens once, after the last phase; a long closed-loop run folds every million queries."""
MAX_ERROR_SAMPLES = 3
"""Distinct error messages kept per query: enough to say what failed without flooding a report."""


def _get(cells: dict[Cell, Histogram], key: Cell) -> Histogram:
    h = cells.get(key)
    if h is None:
        h = cells[key] = Histogram()
    return h


@dataclass
class Recorder:
    """One reader's (or one thread's) measurements; ``merge`` combines readers exactly."""

    t0_ns: int = 0
    on_time: dict[Cell, Histogram] = field(default_factory=dict)
    late: dict[Cell, Histogram] = field(default_factory=dict)
    late_service: dict[tuple[int, int], Histogram] = field(default_factory=dict)
    errors: dict[Cell, int] = field(default_factory=dict)
    error_samples: dict[int, list[str]] = field(default_factory=dict)
    _raw: dict[tuple[int, int], defaultdict[int, list[int]]] = field(default_factory=dict, repr=False)
    _current: defaultdict[int, list[int]] = field(default_factory=lambda: defaultdict(list), repr=False)
    _raw_values: int = 0
    _phase: int = -1
    _sec: int = 0
    _sec_start: int = 0
    _sec_end: int = 0

    def _roll(self, phase: int, at_ns: int) -> None:
        """Start the (phase, second) of ``at_ns``; fold raw values only when they pile up."""
        self._raw_values += sum(len(v) for v in self._current.values())
        if self._raw_values > MAX_RAW_VALUES:
            self.flush()
        self._phase = phase
        self._sec = (at_ns - self.t0_ns) // NS
        self._sec_start = self.t0_ns + self._sec * NS
        self._sec_end = self._sec_start + NS
        current = self._raw.get((phase, self._sec))
        if current is None:
            current = self._raw[(phase, self._sec)] = defaultdict(list)
        self._current = current

    def record(self, phase: int, query: int, intended_ns: int, end_ns: int) -> None:
        """A query that started when intended (closed loop, or open loop on schedule)."""
        if phase != self._phase or not self._sec_start <= intended_ns < self._sec_end:
            self._roll(phase, intended_ns)
        self._current[query].append(end_ns - intended_ns)

    def record_late(self, phase: int, query: int, intended_ns: int, started_ns: int, end_ns: int) -> None:
        """Open loop: a query that was due at ``intended_ns`` but could start only at ``started_ns``.

        Rare outside a stall, so it goes straight into its histograms.
        """
        if phase != self._phase or not self._sec_start <= intended_ns < self._sec_end:
            self._roll(phase, intended_ns)
        _get(self.late, (phase, self._sec, query)).record(end_ns - intended_ns)
        svc = self.late_service.get((phase, query))
        if svc is None:
            svc = self.late_service[(phase, query)] = Histogram()
        svc.record(end_ns - started_ns)

    def error(self, phase: int, query: int, intended_ns: int, message: str) -> None:
        """A query that raised: counted in its cell, its message kept if it is a new one."""
        key = (phase, (intended_ns - self.t0_ns) // NS, query)
        self.errors[key] = self.errors.get(key, 0) + 1
        samples = self.error_samples.setdefault(query, [])
        first_line = message.strip().splitlines()[0][:300] if message.strip() else "error"
        if len(samples) < MAX_ERROR_SAMPLES and first_line not in samples:
            samples.append(first_line)

    def flush(self) -> None:
        """Fold every raw latency into its cell's histogram."""
        for (phase, sec), per_query in self._raw.items():
            for query, values in per_query.items():
                if values:
                    _get(self.on_time, (phase, sec, query)).record_many(values)
                    values.clear()
        self._raw.clear()
        self._raw_values = 0
        self._phase = -1  # the next record starts a fresh raw cell

    def cells(self) -> dict[Cell, Histogram]:
        """Latency per (phase, second, query): on-time and late queries together."""
        self.flush()
        out: dict[Cell, Histogram] = {}
        for source in (self.on_time, self.late):
            for key, h in source.items():
                _get(out, key).merge(h)
        return out

    def service(self) -> dict[tuple[int, int], Histogram]:
        """Open loop's service time per (phase, query): what a naive recorder would report."""
        self.flush()
        out: dict[tuple[int, int], Histogram] = {}
        for (phase, _sec, query), h in self.on_time.items():
            key = (phase, query)
            if key not in out:
                out[key] = Histogram()
            out[key].merge(h)
        for key, h in self.late_service.items():
            if key not in out:
                out[key] = Histogram()
            out[key].merge(h)
        return out

    def merge(self, other: Recorder) -> Recorder:
        """Add ``other``'s measurements to this recorder (in place) and return it."""
        other.flush()
        for mine_cells, theirs in ((self.on_time, other.on_time), (self.late, other.late)):
            for key, h in theirs.items():
                _get(mine_cells, key).merge(h)
        for skey, h in other.late_service.items():
            if skey not in self.late_service:
                self.late_service[skey] = Histogram()
            self.late_service[skey].merge(h)
        for key, n in other.errors.items():
            self.errors[key] = self.errors.get(key, 0) + n
        for q, messages in other.error_samples.items():
            samples = self.error_samples.setdefault(q, [])
            for m in messages:
                if len(samples) < MAX_ERROR_SAMPLES and m not in samples:
                    samples.append(m)
        return self
