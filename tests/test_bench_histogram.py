"""The latency histogram: bounded relative error, exact merges, lossless round trips."""

from __future__ import annotations

import math
import pickle

import pytest
from hypothesis import given
from hypothesis import strategies as st

from anp_synth.bench.histogram import RELATIVE_ERROR, SUB_BITS, Histogram, bucket_bounds, bucket_index
from anp_synth.errors import BenchError

values = st.integers(min_value=0, max_value=10**13)  # up to ~3 hours in nanoseconds


@given(values)
def test_every_value_falls_inside_its_bucket_and_the_bucket_is_narrow(v: int) -> None:
    low, high = bucket_bounds(bucket_index(v))
    assert low <= v <= high
    assert high - low <= max(low, 1) * RELATIVE_ERROR


@given(st.integers(min_value=0, max_value=10**12))
def test_buckets_are_contiguous_and_ordered(v: int) -> None:
    i = bucket_index(v)
    low, high = bucket_bounds(i)
    assert bucket_index(high + 1) == i + 1
    assert low == 0 or bucket_index(low - 1) == i - 1


def test_small_values_are_exact() -> None:
    for v in range(1 << SUB_BITS):
        assert bucket_bounds(bucket_index(v)) == (v, v)


def _nearest_rank(sorted_values: list[int], pct: float) -> int:
    rank = max(1, math.ceil(round(len(sorted_values) * pct / 100, 9)))
    return sorted_values[rank - 1]


@given(st.lists(values, min_size=1, max_size=300), st.sampled_from([0.0, 50.0, 90.0, 99.0, 99.9, 100.0]))
def test_percentiles_are_never_below_the_truth_and_within_the_relative_error(data: list[int], pct: float) -> None:
    h = Histogram()
    for v in data:
        h.record(v)
    truth = _nearest_rank(sorted(data), pct)
    got = h.percentile(pct)
    assert truth <= got <= truth + max(truth * RELATIVE_ERROR, 0)
    assert got <= max(data)
    assert h.percentiles([pct]) == [got]


def test_percentile_ranks_round_sensibly() -> None:
    h = Histogram()
    for v in range(1, 1001):
        h.record(v)
    # 99.9% of 1,000 values is the 999th, not the 1,000th (floating point must not push it over).
    assert h.percentile(99.9) == bucket_bounds(bucket_index(999))[1] < 1000
    assert h.percentile(50) == bucket_bounds(bucket_index(500))[1]
    assert h.percentile(100) == 1000
    assert h.count == 1000 and h.min == 1 and h.max == 1000


@given(st.lists(values, max_size=100), st.lists(values, max_size=100))
def test_merging_equals_recording_everything_in_one(a: list[int], b: list[int]) -> None:
    ha, hb, hall = Histogram(), Histogram(), Histogram()
    for v in a:
        ha.record(v)
        hall.record(v)
    for v in b:
        hb.record(v)
        hall.record(v)
    assert Histogram.merged([ha, hb]) == hall


@given(st.lists(values, max_size=100))
def test_json_and_pickle_round_trips_are_exact(data: list[int]) -> None:
    h = Histogram()
    for v in data:
        h.record(v)
    assert Histogram.from_dict(h.to_dict()) == h
    assert pickle.loads(pickle.dumps(h)) == h


def test_a_different_bucket_layout_is_refused() -> None:
    data = Histogram().to_dict()
    data["sub_bits"] = SUB_BITS + 1
    with pytest.raises(BenchError, match="sub_bits"):
        Histogram.from_dict(data)


def test_inconsistent_counts_are_refused() -> None:
    h = Histogram()
    h.record(5)
    data = h.to_dict()
    data["count"] = 7
    with pytest.raises(BenchError, match="do not add up"):
        Histogram.from_dict(data)


def test_negative_values_count_as_zero_and_summary_is_in_milliseconds() -> None:
    h = Histogram()
    h.record(-5)
    h.record(2_000_000)
    s = h.summary()
    assert s["count"] == 2 and s["min"] == 0.0 and s["max"] == 2.0
    assert 1.98 <= float(s["p99"]) <= 2.0


@given(st.lists(st.integers(min_value=-10, max_value=10**12), max_size=200), st.lists(values, max_size=20))
def test_record_many_equals_recording_one_by_one(data: list[int], earlier: list[int]) -> None:
    one, many = Histogram(), Histogram()
    for v in earlier:
        one.record(v)
        many.record(v)
    for v in data:
        one.record(v)
    many.record_many(list(data))
    assert one == many


def test_the_recorder_files_each_sample_under_its_phase_second_and_query() -> None:
    from anp_synth.bench.recorder import Recorder

    s = 1_000_000_000
    rec = Recorder(t0_ns=10 * s)
    rec.record(0, 1, 10 * s + 5, 10 * s + 1_000)
    rec.record(0, 1, 10 * s + 7, 10 * s + 3_000)
    rec.record(0, 2, 11 * s, 11 * s + 50)
    rec.record_late(1, 2, 11 * s + 9, 12 * s, 12 * s + 100)  # due in second 1, ran in second 2
    rec.error(1, 0, 12 * s, "boom\nsecond line")
    cells = rec.cells()
    assert {k: h.count for k, h in cells.items()} == {(0, 0, 1): 2, (0, 1, 2): 1, (1, 1, 2): 1}
    assert cells[(1, 1, 2)].max == s + 91  # latency from the due time
    service = rec.service()
    assert service[(1, 2)].max == 100 and service[(0, 1)].count == 2
    assert rec.errors == {(1, 2, 0): 1} and rec.error_samples == {0: ["boom"]}
    merged = Recorder(t0_ns=10 * s).merge(rec).merge(rec)
    assert {k: h.count for k, h in merged.cells().items()} == {(0, 0, 1): 4, (0, 1, 2): 2, (1, 1, 2): 2}
