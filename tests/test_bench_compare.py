"""``bench compare`` on synthetic reports: each rule of its verdict, and each exit code.

A change counts only when it clears two bars (README, "bench compare"): the two runs' 99%
confidence intervals of the percentile are apart, and the change is larger than the noise
(the larger of ``--noise-floor`` and the per-second jitter, widened by ``--repeat`` runs).
A percentile with fewer than ten samples beyond it is shown but not judged. The histograms
here are built by hand, so every verdict is known before the comparison runs.
"""

from __future__ import annotations

import json
import math
import random
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from anp_synth.bench.compare import (
    MIN_TAIL_SAMPLES,
    compare_reports,
    quantile_interval,
    relative_spread,
    render_comparison,
)
from anp_synth.bench.histogram import Histogram, bucket_bounds, bucket_index
from anp_synth.bench.report import REPORT_FORMAT, REPORT_FORMAT_VERSION
from anp_synth.cli import main
from anp_synth.errors import BenchError

MS = 1_000_000  # nanoseconds


def spread(low_ms: float, high_ms: float, n: int) -> list[int]:
    """``n`` latencies evenly spread over [low, high] milliseconds."""
    return [round((low_ms + (high_ms - low_ms) * i / max(n - 1, 1)) * MS) for i in range(n)]


def scaled(values: list[int], factor: float) -> list[int]:
    return [round(v * factor) for v in values]


def histogram(values: list[int]) -> Histogram:
    h = Histogram()
    h.record_many(values)
    return h


def report(
    latencies: list[int],
    *,
    mode: str = "open",
    qps: float = 50.0,
    errors: int = 0,
    seconds: list[dict[str, Any]] | None = None,
    phase: str = "after",
    query: str = "admin_list",
) -> dict[str, Any]:
    """A bench report holding one phase with one query, shaped as ``build_report`` writes it."""
    h = histogram(latencies)
    return {
        "format": REPORT_FORMAT,
        "format_version": REPORT_FORMAT_VERSION,
        "metadata": {"dialect": "sqlite", "server_version": "3.40", "cpu_count": 2},
        "options": {"mode": mode, "rate": 50.0, "clients": 2, "readers": 2, "duration": 10.0, "count": 1000},
        "phases": [
            {
                "name": phase,
                "queries": {query: {"histogram": h.to_dict(), "count": h.count, "errors": errors, "qps": qps}},
            }
        ],
        "timeline": [{"phase": phase, "second": i, "per_query": {query: cell}} for i, cell in enumerate(seconds or [])],
    }


def verdicts(before: dict[str, Any], after: dict[str, Any], **kwargs: Any) -> dict[str, str]:
    """Metric name -> verdict of the one row, and "row" -> the row's verdict."""
    comparison = compare_reports(before, after, **kwargs)
    (row,) = comparison.rows
    return {"row": row.verdict, **{m.name: m.verdict for m in row.metrics}}


# --- the confidence-interval bar -------------------------------------------------------------


def test_overlapping_intervals_are_within_noise_even_past_the_noise_floor() -> None:
    """100 samples: p50 moves 12% (past the 10% floor), but the intervals overlap."""
    before = spread(1.0, 3.0, 100)
    after = scaled(before, 1.12)
    hb, ha = histogram(before), histogram(after)
    lo_b, hi_b = quantile_interval(hb, 50.0)
    lo_a, hi_a = quantile_interval(ha, 50.0)
    assert lo_a <= hi_b and lo_b <= hi_a, "the premise: the intervals overlap"
    assert ha.percentile(50) / hb.percentile(50) > 1.10, "the premise: a change past the floor"
    assert verdicts(report(before), report(after))["p50"] == "within noise"


def test_disjoint_intervals_past_the_floor_are_a_regression_and_the_reverse_an_improvement() -> None:
    before = spread(1.0, 2.0, 2000)
    after = scaled(before, 1.5)
    _, hi_b = quantile_interval(histogram(before), 50.0)
    lo_a, _ = quantile_interval(histogram(after), 50.0)
    assert hi_b < lo_a, "the premise: the intervals are apart"
    assert verdicts(report(before), report(after)) == {
        "row": "regressed",
        "q/s": "n/a",
        "p50": "regressed",
        "p99": "regressed",
    }
    assert verdicts(report(after), report(before))["p50"] == "improved"
    assert verdicts(report(after), report(before))["row"] == "improved"


def test_the_same_report_twice_is_within_noise() -> None:
    same = report(spread(1.0, 2.0, 2000))
    assert verdicts(same, same) == {"row": "within noise", "q/s": "n/a", "p50": "within noise", "p99": "within noise"}


def test_the_interval_narrows_with_more_samples_and_holds_the_percentile() -> None:
    small, large = histogram(spread(1.0, 2.0, 100)), histogram(spread(1.0, 2.0, 10_000))
    for h in (small, large):
        low, high = quantile_interval(h, 50.0)
        assert low <= h.percentile(50.0) <= high
    assert quantile_interval(Histogram(), 50.0) == (0, 0)
    width = [quantile_interval(h, 50.0)[1] - quantile_interval(h, 50.0)[0] for h in (small, large)]
    assert width[1] < width[0] / 5


# --- the ten-sample rule ---------------------------------------------------------------------


def test_a_percentile_with_fewer_than_ten_samples_beyond_it_is_shown_not_judged() -> None:
    """p99 of 999 samples has 9.99 beyond it: not judged; of 1000, exactly ten: judged."""
    assert MIN_TAIL_SAMPLES == 10
    few = spread(1.0, 2.0, 999)
    judged = verdicts(report(few), report(scaled(few, 2.0)))
    assert judged["p99"] == "n/a" and judged["p50"] == "regressed"
    (row,) = compare_reports(report(few), report(scaled(few, 2.0))).rows
    p99 = next(m for m in row.metrics if m.name == "p99")
    assert p99.note == "too few samples"
    assert p99.after > p99.before  # shown, with its numbers
    enough = spread(1.0, 2.0, 1000)
    assert verdicts(report(enough), report(scaled(enough, 2.0)))["p99"] == "regressed"


def test_the_table_marks_a_percentile_it_did_not_judge() -> None:
    few = spread(1.0, 2.0, 500)
    text = render_comparison(compare_reports(report(few), report(scaled(few, 2.0))), "a.json", "b.json")
    row = next(line for line in text.splitlines() if line.startswith("after   admin_list"))
    assert row.count("*") == 1 and row.endswith("regressed")
    assert "* too few samples to judge" in text


def test_with_too_few_samples_everywhere_the_row_is_not_judged() -> None:
    tiny = spread(1.0, 2.0, 15)
    assert verdicts(report(tiny), report(scaled(tiny, 3.0))) == {"row": "n/a", "q/s": "n/a", "p50": "n/a", "p99": "n/a"}


# --- the noise bar: --noise-floor, per-second jitter, --repeat ----------------------------------


def test_the_noise_floor_decides_a_small_change_with_tight_intervals() -> None:
    before = spread(1.0, 2.0, 20_000)
    after = scaled(before, 1.05)
    _, hi_b = quantile_interval(histogram(before), 50.0)
    lo_a, _ = quantile_interval(histogram(after), 50.0)
    assert hi_b < lo_a, "the premise: sampling alone tells the runs apart"
    assert verdicts(report(before), report(after))["p50"] == "within noise"  # default floor 10%
    assert verdicts(report(before), report(after), noise_floor=2.0)["p50"] == "regressed"
    assert verdicts(report(before), report(after), noise_floor=6.0)["p50"] == "within noise"
    assert verdicts(report(before), report(after), noise_floor=0.0)["p50"] == "regressed"


def test_a_negative_noise_floor_is_refused() -> None:
    same = report(spread(1.0, 2.0, 100))
    with pytest.raises(BenchError, match=r"^noise_floor=-1\.0 must be >= 0$"):
        compare_reports(same, same, noise_floor=-1.0)


def wandering(sigma_pct: float, seconds: int = 12) -> list[float]:
    """Per-second p50s (ms) that wander log-normally around 1.5 ms, the same every run."""
    rng = random.Random(7)
    return [1.5 * math.exp(math.log1p(sigma_pct / 100) * rng.gauss(0.0, 1.0)) for _ in range(seconds)]


def seconds_of(p50s_ms: list[float], count: int = 20) -> list[dict[str, Any]]:
    return [{"count": count, "p50": v, "p99": v * 2} for v in p50s_ms]


def test_per_second_jitter_larger_than_the_change_makes_it_noise() -> None:
    """A 20% change with tight intervals, in runs whose p50 wanders by about 40% from second to second."""
    before = spread(1.0, 2.0, 20_000)
    after = scaled(before, 1.2)
    steady = seconds_of([1.5] * 10)
    jittery = seconds_of(wandering(60.0, seconds=40))
    assert verdicts(report(before, seconds=steady), report(after, seconds=steady))["p50"] == "regressed"
    assert verdicts(report(before, seconds=jittery), report(after, seconds=steady))["p50"] == "within noise"
    assert verdicts(report(before, seconds=steady), report(after, seconds=jittery))["p50"] == "within noise"


def test_seconds_with_fewer_than_five_queries_do_not_count_as_jitter() -> None:
    before = spread(1.0, 2.0, 20_000)
    after = scaled(before, 1.2)
    sparse = seconds_of(wandering(60.0, seconds=40), count=4)
    assert verdicts(report(before, seconds=sparse), report(after, seconds=sparse))["p50"] == "regressed"


def test_jitter_is_robust_to_a_trend_and_to_one_odd_second() -> None:
    climbing = [1.0 * 1.05**i for i in range(20)]
    assert relative_spread(climbing) == pytest.approx(0.0, abs=1e-6)
    flat_with_spike = [1.0] * 10 + [9.0] + [1.0] * 10
    assert relative_spread(flat_with_spike) == pytest.approx(0.0, abs=1e-6)
    jitter = relative_spread(wandering(30.0, seconds=200))
    assert jitter is not None and 25.0 < jitter < 45.0  # log-normal sigma 0.3: exp(0.3) - 1 = 35%
    assert relative_spread([1.0, 2.0]) is None  # too few seconds to say
    assert relative_spread([0.0, 0.0, 0.0, 1.0]) is None  # zeros carry no log


def test_a_repeat_of_the_before_run_widens_the_noise_by_its_own_difference() -> None:
    before = spread(1.0, 2.0, 20_000)
    after = scaled(before, 1.2)
    assert verdicts(report(before), report(after))["p50"] == "regressed"
    repeat_far = report(scaled(before, 1.25))  # the machine itself moved 25% between runs
    repeat_near = report(scaled(before, 1.01))
    assert verdicts(report(before), report(after), repeats=[repeat_near])["p50"] == "regressed"
    assert verdicts(report(before), report(after), repeats=[repeat_far])["p50"] == "within noise"
    assert verdicts(report(before), report(after), repeats=[repeat_near, repeat_far])["p50"] == "within noise"
    notes = compare_reports(report(before), report(after), repeats=[repeat_far]).notes
    assert notes == ["noise also measured from 1 repeat run(s) of the before configuration"]


def test_a_repeat_too_small_to_measure_a_tail_does_not_widen_it() -> None:
    before = spread(1.0, 2.0, 20_000)
    after = scaled(before, 1.2)
    small_far = report(scaled(spread(1.0, 2.0, 500), 1.25))  # 5 samples beyond its p99
    assert verdicts(report(before), report(after), repeats=[small_far])["p99"] == "regressed"
    assert verdicts(report(before), report(after), repeats=[small_far])["p50"] == "within noise"


# --- throughput, errors, and what is compared at all -----------------------------------------


def test_closed_loop_throughput_is_judged_higher_is_better() -> None:
    lat = spread(1.0, 2.0, 2000)
    steady = seconds_of([1.5] * 10, count=100)
    before = report(lat, mode="closed", qps=100.0, seconds=steady)
    slower = report(lat, mode="closed", qps=60.0, seconds=steady)
    faster = report(lat, mode="closed", qps=150.0, seconds=steady)
    assert verdicts(before, slower)["q/s"] == "regressed"
    assert verdicts(before, faster)["q/s"] == "improved"
    assert verdicts(before, report(lat, mode="closed", qps=105.0, seconds=steady))["q/s"] == "within noise"
    open_before, open_after = report(lat, qps=100.0), report(lat, qps=60.0)
    (row,) = compare_reports(open_before, open_after).rows
    assert row.metrics[0].note == "open loop: set by --rate" and row.metrics[0].verdict == "n/a"


def test_more_errors_than_one_percent_regress_a_row_whose_latency_did_not_move() -> None:
    lat = spread(1.0, 2.0, 2000)
    assert verdicts(report(lat), report(lat, errors=30))["row"] == "regressed"
    assert verdicts(report(lat), report(lat, errors=10))["row"] == "within noise"  # 0.5%: noise
    (row,) = compare_reports(report(lat), report(lat, errors=30)).rows
    assert row.worst_regression_pct() == math.inf


def test_differences_in_setup_and_phases_in_one_report_only_are_noted() -> None:
    lat = spread(1.0, 2.0, 200)
    before = report(lat)
    other = report(lat)
    other["metadata"]["dialect"] = "postgresql"
    other["options"]["rate"] = 80.0
    other["phases"].append({"name": "import", "queries": {}})
    comparison = compare_reports(before, other)
    assert comparison.notes == [
        "dialect differs: sqlite -> postgresql",
        "option rate differs: 50.0 -> 80.0",
        "phases in only one report (not compared): import",
    ]
    assert [(r.phase, r.query) for r in comparison.rows] == [("after", "admin_list")]


# --- the command: table, --json, --fail-on-regression and exit codes ---------------------------


def write(tmp_path: Path, name: str, data: dict[str, Any]) -> str:
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return str(path)


@pytest.fixture
def files(tmp_path: Path) -> dict[str, str]:
    base = spread(1.0, 2.0, 2000)
    return {
        "before": write(tmp_path, "before.json", report(base)),
        "slower": write(tmp_path, "slower.json", report(scaled(base, 1.5))),  # +50%
        "faster": write(tmp_path, "faster.json", report(scaled(base, 0.5))),
        "repeat": write(tmp_path, "repeat.json", report(scaled(base, 1.6))),
    }


def compare(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["bench", "compare", *args])
    return result.exit_code, result.output


def test_a_regression_is_reported_but_exits_0_without_fail_on_regression(files: dict[str, str]) -> None:
    code, out = compare(files["before"], files["slower"])
    assert code == 0
    assert out.splitlines()[-1] == "1 regressed, 0 improved, 0 within noise"
    assert "after   admin_list" in out and out.splitlines()[-3].endswith("regressed")


def test_fail_on_regression_exits_1_only_past_its_threshold(files: dict[str, str]) -> None:
    code, out = compare(files["before"], files["slower"], "--fail-on-regression", "20")
    assert code == 1
    assert "Error: regressed by more than 20%: after/admin_list" in out
    code, out = compare(files["before"], files["slower"], "--fail-on-regression", "60")
    assert code == 0, out
    code, out = compare(files["before"], files["faster"], "--fail-on-regression", "0")
    assert code == 0 and out.splitlines()[-1] == "0 regressed, 1 improved, 0 within noise"


def test_a_repeat_as_far_as_the_change_turns_the_failure_into_noise(files: dict[str, str]) -> None:
    code, out = compare(files["before"], files["slower"], "--repeat", files["repeat"], "--fail-on-regression", "20")
    assert code == 0, out
    assert "note: noise also measured from 1 repeat run(s)" in out
    assert out.splitlines()[-1] == "0 regressed, 0 improved, 1 within noise"


def test_the_noise_floor_option_reaches_the_verdict(files: dict[str, str]) -> None:
    code, out = compare(files["before"], files["slower"], "--noise-floor", "80", "--fail-on-regression", "20")
    assert code == 0 and out.splitlines()[-1] == "0 regressed, 0 improved, 1 within noise"
    assert "the larger of 80% and the per-second spread" in out
    code, out = compare(files["before"], files["slower"], "--noise-floor", "-5")
    assert code == 1 and out.strip() == "Error: noise_floor=-5.0 must be >= 0"


def test_the_json_output_carries_each_verdict(files: dict[str, str], tmp_path: Path) -> None:
    out_path = tmp_path / "cmp.json"
    code, _ = compare(files["before"], files["slower"], "--json", str(out_path))
    assert code == 0
    data = json.loads(out_path.read_text(encoding="utf-8"))
    (row,) = data["rows"]
    assert (row["phase"], row["query"], row["verdict"]) == ("after", "admin_list", "regressed")
    assert {m["name"]: m["verdict"] for m in row["metrics"]} == {"q/s": "n/a", "p50": "regressed", "p99": "regressed"}
    assert data["noise_floor_pct"] == 10.0


# --- edges of each rule (found by benchmarks/mutation_check.py) ------------------------------


def constant(ms: float, n: int) -> list[int]:
    return [round(ms * MS)] * n


def test_a_change_exactly_at_the_noise_floor_is_within_noise() -> None:
    before, after = report(constant(4.0, 2000)), report(constant(5.0, 2000))  # +25.0% exactly
    assert verdicts(before, after, noise_floor=25.0)["p50"] == "within noise"
    assert verdicts(before, after, noise_floor=24.9)["p50"] == "regressed"


def test_intervals_that_touch_overlap() -> None:
    """After's interval starts exactly where before's ends: the samples cannot tell them apart."""
    edge = bucket_bounds(bucket_index(4 * MS))[1]  # a bucket's top: reported exactly as recorded
    before = [edge] * 1000
    after = [edge] * 480 + constant(5.0, 520)
    assert quantile_interval(histogram(after), 50.0)[0] == quantile_interval(histogram(before), 50.0)[1]
    assert verdicts(report(before), report(after))["p50"] == "within noise"


def test_any_change_beyond_a_zero_floor_has_its_direction() -> None:
    lat = constant(4.0, 2000)
    assert verdicts(report(lat), report(constant(4.02, 2000)), noise_floor=0.0)["p50"] == "regressed"
    assert verdicts(report(lat), report(constant(3.98, 2000)), noise_floor=0.0)["p50"] == "improved"
    steady = seconds_of([1.5] * 10, count=100)
    before = report(lat, mode="closed", qps=100.0, seconds=steady)
    assert verdicts(before, report(lat, mode="closed", qps=100.5, seconds=steady), noise_floor=0.0)["q/s"] == "improved"
    assert verdicts(before, report(lat, mode="closed", qps=99.5, seconds=steady), noise_floor=0.0)["q/s"] == "regressed"


def test_seconds_with_exactly_five_queries_count_as_jitter() -> None:
    before = spread(1.0, 2.0, 20_000)
    after = scaled(before, 1.2)
    five = seconds_of(wandering(60.0, seconds=40), count=5)
    assert verdicts(report(before, seconds=five), report(after, seconds=five))["p50"] == "within noise"


def test_a_repeat_widens_the_noise_of_sub_millisecond_queries_too() -> None:
    before = spread(0.1, 0.2, 20_000)
    after = scaled(before, 1.2)
    far = report(scaled(before, 1.25))
    assert verdicts(report(before), report(after))["p50"] == "regressed"
    assert verdicts(report(before), report(after), repeats=[far])["p50"] == "within noise"


def test_the_worst_regression_counts_only_metrics_judged_regressed() -> None:
    """An open-loop q/s drop is set by --rate (not judged): it must not size the regression."""
    lat = spread(1.0, 2.0, 2000)
    (row,) = compare_reports(report(lat, qps=100.0), report(scaled(lat, 1.5), qps=10.0)).rows
    judged = [m.delta_pct for m in row.metrics if m.verdict == "regressed"]
    assert row.verdict == "regressed" and [m.name for m in row.metrics if m.verdict == "regressed"] == ["p50", "p99"]
    assert row.worst_regression_pct() == max(judged)  # type: ignore[type-var]
    assert 40.0 < row.worst_regression_pct() < 60.0  # not the 90% drop of the open-loop q/s


def test_as_many_errors_as_before_is_no_regression() -> None:
    lat = spread(1.0, 2.0, 2000)
    before, after = report(lat, errors=30), report(scaled(lat, 1.5), errors=30)
    (row,) = compare_reports(before, after).rows
    assert math.isfinite(row.worst_regression_pct())
    assert verdicts(report(lat, errors=30), report(lat, errors=30))["row"] == "within noise"


def closed_two_phases(qps: float, jitter: dict[str, list[float]]) -> dict[str, Any]:
    """A closed-loop report with phases idle and after, each with its own per-second counts."""
    lat = spread(1.0, 2.0, 2000)
    idle, after = report(lat, mode="closed", qps=qps, phase="idle"), report(lat, mode="closed", qps=qps)
    idle["phases"] += after["phases"]
    idle["timeline"] = [
        {"phase": phase, "second": i, "per_query": {"admin_list": {"count": n, "p50": 1.5, "p99": 3.0}}}
        for phase, counts in jitter.items()
        for i, n in enumerate(counts)
    ]
    return idle


def test_throughput_jitter_is_taken_from_the_rows_own_phase() -> None:
    steady = [100.0] * 12
    jittery = [100.0 * x for x in wandering(60.0, seconds=40)]
    before = closed_two_phases(100.0, {"idle": steady, "after": jittery})
    after = closed_two_phases(80.0, {"idle": steady, "after": jittery})
    by_phase = {r.phase: r.verdict for r in compare_reports(before, after).rows}
    assert by_phase == {"idle": "regressed", "after": "within noise"}


def test_the_first_and_last_partial_seconds_are_left_out_of_the_jitter() -> None:
    """Five seconds: the three full ones in the middle carry the jitter, in either run."""
    lat = spread(1.0, 2.0, 2000)

    def seconds(counts: list[int]) -> list[dict[str, Any]]:
        cells = seconds_of([1.5] * len(counts))
        for cell, n in zip(cells, counts, strict=True):
            cell["count"] = n
        return cells

    jittery, steady = seconds([5, 100, 160, 100, 5]), seconds([5, 100, 100, 100, 5])
    for before_s, after_s in ((jittery, steady), (steady, jittery)):
        before = report(lat, mode="closed", qps=100.0, seconds=before_s)
        after = report(lat, mode="closed", qps=80.0, seconds=after_s)
        assert verdicts(before, after)["q/s"] == "within noise"
    steady_before = report(lat, mode="closed", qps=100.0, seconds=steady)
    assert verdicts(steady_before, report(lat, mode="closed", qps=80.0, seconds=steady))["q/s"] == "regressed"


def import_report(rows_per_s: float, per_second: list[float]) -> dict[str, Any]:
    base = report(spread(1.0, 2.0, 200))
    base["phases"].append({"name": "import", "queries": {}, "rows_imported": 10_000, "rows_per_s": rows_per_s})
    base["timeline"] += [{"phase": "import", "second": i, "rows_imported": n} for i, n in enumerate(per_second)]
    base["timeline"].append({"phase": "after", "second": 99, "per_query": {}})
    return base


def test_import_throughput_is_judged_against_the_import_seconds_jitter() -> None:
    steady = [1000.0] * 12
    jittery = [1000.0 * x for x in wandering(60.0, seconds=40)]
    rows_of = {
        name: next(
            r for r in compare_reports(import_report(1000.0, s), import_report(800.0, s)).rows if r.query == "(import)"
        )
        for name, s in (("steady", steady), ("jittery", jittery))
    }
    assert rows_of["steady"].verdict == "regressed"
    assert rows_of["jittery"].verdict == "within noise"
    assert rows_of["steady"].metrics[0].name == "rows/s"
