"""A high-dynamic-range latency histogram: log-linear buckets, bounded relative error, mergeable.

Values are integers (the bench records nanoseconds). Below ``2**SUB_BITS`` every value has its
own bucket; above, each power-of-two range is split into ``2**(SUB_BITS - 1)`` equal buckets,
so a bucket is never wider than ``2**-(SUB_BITS - 1)`` of the values it holds (0.78% with
``SUB_BITS = 8``) whether the value is 20 microseconds or 20 minutes. That is the HdrHistogram
layout, written out because the whole of it is the two index functions below and a sparse
dict; a dependency would bring more API than the bench uses.

Counts are kept sparsely (bucket index -> count): a per-second, per-query histogram touches a
few dozen buckets, and thousands of them are shipped between processes and into reports.
Merging is adding counts, so per-reader, per-second histograms combine exactly into per-phase
ones: percentiles of a merge are the percentiles of all the values together.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping

from ..errors import BenchError

SUB_BITS = 8
HALF = 1 << (SUB_BITS - 1)
RELATIVE_ERROR = 1.0 / HALF
"""Upper bound of (reported - true) / true for any percentile, from the bucket width."""

PERCENTILES: tuple[tuple[str, float], ...] = (
    ("p50", 50.0),
    ("p90", 90.0),
    ("p99", 99.0),
    ("p99.9", 99.9),
)


def bucket_index(value: int) -> int:
    """The bucket of a non-negative integer ``value``."""
    shift = value.bit_length() - SUB_BITS
    if shift <= 0:
        return value
    return (shift << (SUB_BITS - 1)) + (value >> shift)


def bucket_bounds(index: int) -> tuple[int, int]:
    """The smallest and largest value that fall in bucket ``index`` (inclusive)."""
    if index < (1 << SUB_BITS):
        return index, index
    shift = (index >> (SUB_BITS - 1)) - 1
    mantissa = index - (shift << (SUB_BITS - 1))
    low = mantissa << shift
    return low, low + (1 << shift) - 1


class Histogram:
    """Counts of integer values in log-linear buckets, with exact count, sum, min and max."""

    __slots__ = ("count", "counts", "max", "min", "total")

    def __init__(self) -> None:
        self.counts: dict[int, int] = {}
        self.count = 0
        self.total = 0
        self.min = 0
        self.max = 0

    def record(self, value: int) -> None:
        """Add one value; negative values (a clock step) count as zero."""
        if value < 0:
            value = 0
        shift = value.bit_length() - SUB_BITS
        index = value if shift <= 0 else (shift << (SUB_BITS - 1)) + (value >> shift)
        counts = self.counts
        counts[index] = counts.get(index, 0) + 1
        if self.count == 0 or value < self.min:
            self.min = value
        if value > self.max:
            self.max = value
        self.count += 1
        self.total += value

    def record_many(self, values: list[int]) -> None:
        """Add many values at once: the same result as ``record`` on each, for a fraction of the calls."""
        if not values:
            return
        low, high = min(values), max(values)
        if low < 0:
            values = [v if v > 0 else 0 for v in values]
            low = 0
        counts = self.counts
        get = counts.get
        for v in values:
            shift = v.bit_length() - SUB_BITS
            index = v if shift <= 0 else (shift << (SUB_BITS - 1)) + (v >> shift)
            counts[index] = get(index, 0) + 1
        if self.count == 0 or low < self.min:
            self.min = low
        if high > self.max:
            self.max = high
        self.count += len(values)
        self.total += sum(values)

    def merge(self, other: Histogram) -> Histogram:
        """Add ``other``'s values to this histogram (in place) and return it."""
        if other.count == 0:
            return self
        counts = self.counts
        for index, n in other.counts.items():
            counts[index] = counts.get(index, 0) + n
        self.min = other.min if self.count == 0 else min(self.min, other.min)
        self.max = max(self.max, other.max)
        self.count += other.count
        self.total += other.total
        return self

    @classmethod
    def merged(cls, histograms: Iterable[Histogram]) -> Histogram:
        result = cls()
        for h in histograms:
            result.merge(h)
        return result

    def value_at_rank(self, rank: int) -> int:
        """The value of the ``rank``-th smallest recorded value (1-based), to the bucket's precision.

        Reports the bucket's highest value (never below the truth, as HdrHistogram does), but
        never above the exact recorded maximum.
        """
        if self.count == 0:
            return 0
        rank = min(max(rank, 1), self.count)
        seen = 0
        for index in sorted(self.counts):
            seen += self.counts[index]
            if seen >= rank:
                return min(bucket_bounds(index)[1], self.max)
        return self.max

    def percentile(self, pct: float) -> int:
        """The smallest recorded value with at least ``pct`` percent of values at or below it."""
        if not 0.0 <= pct <= 100.0:
            raise BenchError(f"percentile={pct!r} must be between 0 and 100")
        if self.count == 0:
            return 0
        return self.value_at_rank(_rank(self.count, pct))

    def percentiles(self, pcts: Iterable[float]) -> list[int]:
        """Several percentiles in one pass over the sorted buckets."""
        wanted = sorted((_rank(self.count, p), i) for i, p in enumerate(pcts))
        out = [0] * len(wanted)
        if self.count == 0:
            return out
        indices = sorted(self.counts)
        seen = 0
        pos = 0
        for rank, slot in wanted:
            rank = min(rank, self.count)
            while seen < rank:
                seen += self.counts[indices[pos]]
                pos += 1
            out[slot] = min(bucket_bounds(indices[pos - 1])[1], self.max)
        return out

    def mean(self) -> float:
        return self.total / self.count if self.count else 0.0

    def summary(self, scale: float = 1e-6) -> dict[str, float | int]:
        """count, min, mean, the standard percentiles and max, values multiplied by ``scale``.

        With nanosecond values the default scale gives milliseconds.
        """
        values = self.percentiles(p for _, p in PERCENTILES)
        out: dict[str, float | int] = {"count": self.count}
        out["min"] = round(self.min * scale, 6)
        out["mean"] = round(self.mean() * scale, 6)
        for (name, _), v in zip(PERCENTILES, values, strict=True):
            out[name] = round(v * scale, 6)
        out["max"] = round(self.max * scale, 6)
        return out

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready form that :meth:`from_dict` reads back exactly."""
        return {
            "sub_bits": SUB_BITS,
            "count": self.count,
            "total": self.total,
            "min": self.min,
            "max": self.max,
            "buckets": [[i, self.counts[i]] for i in sorted(self.counts)],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> Histogram:
        """Read :meth:`to_dict`'s output; a different bucket layout is refused, not guessed."""
        try:
            if data.get("sub_bits") != SUB_BITS:
                raise BenchError(f"histogram sub_bits={data.get('sub_bits')!r}, this version reads {SUB_BITS}")
            h = cls()
            buckets = data["buckets"]
            if not isinstance(buckets, list):
                raise BenchError("histogram buckets must be a list")
            for pair in buckets:
                index, n = int(pair[0]), int(pair[1])
                h.counts[index] = h.counts.get(index, 0) + n
            h.count = int(data["count"])  # type: ignore[call-overload]
            h.total = int(data["total"])  # type: ignore[call-overload]
            h.min = int(data["min"])  # type: ignore[call-overload]
            h.max = int(data["max"])  # type: ignore[call-overload]
        except (KeyError, TypeError, ValueError, IndexError) as exc:
            raise BenchError(f"malformed histogram: {exc}") from None
        if sum(h.counts.values()) != h.count:
            raise BenchError("malformed histogram: bucket counts do not add up to count")
        return h

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Histogram):
            return NotImplemented
        return (self.counts, self.count, self.total, self.min, self.max) == (
            other.counts,
            other.count,
            other.total,
            other.min,
            other.max,
        )

    def __repr__(self) -> str:
        return f"Histogram(count={self.count}, min={self.min}, max={self.max})"

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild, (self.counts, self.count, self.total, self.min, self.max))


def _rank(count: int, pct: float) -> int:
    """The 1-based rank of the ``pct`` percentile among ``count`` values (rounded so 99.9% of 1000 is 999)."""
    return max(1, math.ceil(round(count * pct / 100.0, 9)))


def _rebuild(counts: dict[int, int], count: int, total: int, low: int, high: int) -> Histogram:
    h = Histogram()
    h.counts, h.count, h.total, h.min, h.max = counts, count, total, low, high
    return h
