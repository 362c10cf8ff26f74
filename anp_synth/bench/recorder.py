"""Where one reader puts what it measured: histograms keyed by (phase, second, query).

Everything the reports show is a merge of these cells: per phase and query, per second, per
phase overall. Keeping only the finest grain means one histogram update per query on the hot
path (the recorder's own cost is measured in ``benchmarks/bench_latency_overhead.py``), and the
coarse views are exact, because merging histograms loses nothing.

The second of a sample is the second of its *intended* start (the schedule's, in open loop),
so a stall shows up in the seconds when the queries should have run, not when they finished.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .histogram import Histogram

Cell = tuple[int, int, int]
"""(phase index, second since the bench's time zero, query index)."""

MAX_ERROR_SAMPLES = 3
"""Distinct error messages kept per query: enough to say what failed without flooding a report."""


@dataclass
class Recorder:
    """One reader's (or one thread's) measurements; ``merge`` combines readers exactly."""

    t0_ns: int
    latency: dict[Cell, Histogram] = field(default_factory=dict)
    service: dict[tuple[int, int], Histogram] = field(default_factory=dict)
    errors: dict[Cell, int] = field(default_factory=dict)
    error_samples: dict[int, list[str]] = field(default_factory=dict)

    def record(self, phase: int, query: int, intended_ns: int, end_ns: int) -> None:
        """One successful query that was meant to start at ``intended_ns`` and ended at ``end_ns``."""
        key = (phase, (intended_ns - self.t0_ns) // 1_000_000_000, query)
        h = self.latency.get(key)
        if h is None:
            h = self.latency[key] = Histogram()
        h.record(end_ns - intended_ns)

    def record_service(self, phase: int, query: int, started_ns: int, end_ns: int) -> None:
        """Open loop only: the time the database took once asked, without the schedule's wait.

        Kept beside the corrected latency so a report can show how much a stall would have
        hidden from a naive recorder.
        """
        key = (phase, query)
        h = self.service.get(key)
        if h is None:
            h = self.service[key] = Histogram()
        h.record(end_ns - started_ns)

    def error(self, phase: int, query: int, intended_ns: int, message: str) -> None:
        """A query that raised: counted in its cell, its message kept if it is a new one."""
        key = (phase, (intended_ns - self.t0_ns) // 1_000_000_000, query)
        self.errors[key] = self.errors.get(key, 0) + 1
        samples = self.error_samples.setdefault(query, [])
        first_line = message.strip().splitlines()[0][:300] if message.strip() else "error"
        if len(samples) < MAX_ERROR_SAMPLES and first_line not in samples:
            samples.append(first_line)

    def merge(self, other: Recorder) -> Recorder:
        """Add ``other``'s measurements to this recorder (in place) and return it."""
        for key, h in other.latency.items():
            mine = self.latency.get(key)
            if mine is None:
                self.latency[key] = Histogram().merge(h)
            else:
                mine.merge(h)
        for skey, h in other.service.items():
            smine = self.service.get(skey)
            if smine is None:
                self.service[skey] = Histogram().merge(h)
            else:
                smine.merge(h)
        for key, n in other.errors.items():
            self.errors[key] = self.errors.get(key, 0) + n
        for q, messages in other.error_samples.items():
            samples = self.error_samples.setdefault(q, [])
            for m in messages:
                if len(samples) < MAX_ERROR_SAMPLES and m not in samples:
                    samples.append(m)
        return self
