"""Before/after: two bench reports side by side, with a verdict that knows about noise.

A difference counts only when it clears two bars. First, sampling: each percentile gets a
distribution-free 99% confidence interval from its own histogram (the order statistics
around its rank, as for any quantile); overlapping intervals mean the samples cannot tell the
runs apart. Second, drift: on a shared machine a run's latency wanders from second to second,
so the per-second values of the same metric give a robust spread (of successive log
differences, so a steady climb is not counted as noise); a change smaller than that spread,
or than ``noise_floor`` (10% by default), is within noise.
Throughput rows (rows imported per second; queries per second in closed loop, where the
database sets the pace) use the per-second samples the same way, higher being better. A
percentile with fewer than ten samples beyond it in either run is shown but not judged.
"""

from __future__ import annotations

import itertools
import math
import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from ..errors import BenchError
from .histogram import Histogram

Verdict = Literal["improved", "regressed", "within noise", "n/a"]

Z99 = 2.576
DEFAULT_NOISE_FLOOR = 10.0
MIN_SECOND_SAMPLES = 5
"""A second contributes to the drift estimate only with at least this many queries in it."""
MIN_TAIL_SAMPLES = 10
"""A percentile is judged only when both runs have this many samples at or above it: a p99 of
200 queries is two samples, and two samples say more about the OS scheduler than the database."""


@dataclass(frozen=True)
class Metric:
    """One number before and after, its change in percent and what that change means."""

    name: str
    before: float
    after: float
    delta_pct: float | None
    noise_pct: float
    verdict: Verdict
    higher_is_better: bool = False
    note: str = ""


@dataclass(frozen=True)
class Row:
    phase: str
    query: str
    count_before: int
    count_after: int
    errors_before: int
    errors_after: int
    metrics: list[Metric]

    @property
    def verdict(self) -> Verdict:
        verdicts = {m.verdict for m in self.metrics}
        if self.errors_after > self.errors_before and self.errors_after > 0.01 * max(self.count_after, 1):
            return "regressed"
        if "regressed" in verdicts:
            return "regressed"
        if "improved" in verdicts:
            return "improved"
        if verdicts <= {"n/a"}:
            return "n/a"
        return "within noise"

    def worst_regression_pct(self) -> float:
        worst = 0.0
        for m in self.metrics:
            if m.verdict == "regressed" and m.delta_pct is not None:
                worst = max(worst, -m.delta_pct if m.higher_is_better else m.delta_pct)
        if self.errors_after > self.errors_before and self.errors_after > 0.01 * max(self.count_after, 1):
            worst = max(
                worst, math.inf if self.errors_before == 0 else 100.0 * (self.errors_after / self.errors_before - 1)
            )
        return worst


@dataclass
class Comparison:
    rows: list[Row]
    notes: list[str] = field(default_factory=list)
    noise_floor: float = DEFAULT_NOISE_FLOOR

    def regressions(self, threshold_pct: float = 0.0) -> list[Row]:
        """Rows that regressed by more than ``threshold_pct`` percent."""
        return [r for r in self.rows if r.verdict == "regressed" and r.worst_regression_pct() > threshold_pct]

    def to_dict(self) -> dict[str, Any]:
        return {
            "noise_floor_pct": self.noise_floor,
            "notes": self.notes,
            "rows": [
                {
                    "phase": r.phase,
                    "query": r.query,
                    "verdict": r.verdict,
                    "count": [r.count_before, r.count_after],
                    "errors": [r.errors_before, r.errors_after],
                    "metrics": [m.__dict__ for m in r.metrics],
                }
                for r in self.rows
            ],
        }


def quantile_interval(h: Histogram, pct: float, z: float = Z99) -> tuple[int, int]:
    """A distribution-free confidence interval of the ``pct`` percentile, from order statistics."""
    n = h.count
    if n == 0:
        return 0, 0
    p = pct / 100.0
    half = z * math.sqrt(n * p * (1 - p))
    lo = max(1, math.floor(n * p - half))
    hi = min(n, math.ceil(n * p + half) + 1)
    return h.value_at_rank(lo), h.value_at_rank(hi)


def relative_spread(values: Sequence[float]) -> float | None:
    """Second-to-second jitter of a series, in percent, robust to outliers and to trends.

    Computed on successive differences of the logarithms (1.4826 x MAD / sqrt 2, a standard
    deviation of log values that one odd second cannot inflate), so a metric that climbs
    steadily during an import (a trend, which is the finding) is not mistaken for noise.
    """
    logs = [math.log(v) for v in values if v > 0]
    if len(logs) < 3:
        return None
    diffs = [b - a for a, b in itertools.pairwise(logs)]
    med = statistics.median(diffs)
    mad = statistics.median(abs(d - med) for d in diffs)
    return 100.0 * (math.exp(1.4826 * mad / math.sqrt(2)) - 1)


def _delta(before: float, after: float) -> float | None:
    if before == 0:
        return None if after == 0 else math.inf
    return 100.0 * (after - before) / before


def _judge(delta: float | None, noise: float, overlap: bool, higher_is_better: bool) -> Verdict:
    """Compare in log space: halving and doubling are changes of the same size."""
    if delta is None:
        return "n/a"
    if overlap or delta <= -100.0:
        return "within noise" if overlap else ("regressed" if higher_is_better else "improved")
    if not math.isfinite(delta):
        return "improved" if higher_is_better else "regressed"
    if abs(math.log1p(delta / 100.0)) <= math.log1p(noise / 100.0):
        return "within noise"
    worse = delta < 0 if higher_is_better else delta > 0
    return "regressed" if worse else "improved"


def _per_second(report: Mapping[str, Any], phase: str, query: str, key: str) -> list[float]:
    out = []
    for row in report.get("timeline", []):
        if row.get("phase") != phase:
            continue
        cell = row.get("per_query", {}).get(query)
        if cell and cell.get("count", 0) >= MIN_SECOND_SAMPLES:
            out.append(float(cell[key]))
    return out


def _latency_metric(
    name: str,
    pct: float,
    hb: Histogram,
    ha: Histogram,
    spread_b: float | None,
    spread_a: float | None,
    floor: float,
    repeats: Sequence[Histogram] = (),
) -> Metric:
    before, after = hb.percentile(pct) / 1e6, ha.percentile(pct) / 1e6
    spreads = [s for s in (spread_a, spread_b) if s is not None]
    for hr in repeats:
        # A repeat of the "before" run: however much it differs is noise by definition.
        again = hr.percentile(pct) / 1e6
        if again > 0 and before > 0 and min(hr.count, hb.count) * (1 - pct / 100.0) >= MIN_TAIL_SAMPLES:
            spreads.append(100.0 * (math.exp(abs(math.log(again / before))) - 1))
    lo_b, hi_b = quantile_interval(hb, pct)
    lo_a, hi_a = quantile_interval(ha, pct)
    overlap = lo_a <= hi_b and lo_b <= hi_a
    noise = max([floor, *spreads])
    delta = _delta(before, after)
    tail = min(hb.count, ha.count) * (1 - pct / 100.0)
    if tail < MIN_TAIL_SAMPLES:
        return Metric(name, round(before, 6), round(after, 6), delta, round(noise, 1), "n/a", note="too few samples")
    return Metric(name, round(before, 6), round(after, 6), delta, round(noise, 1), _judge(delta, noise, overlap, False))


def _rate_metric(
    name: str, before: float, after: float, samples_b: list[float], samples_a: list[float], floor: float
) -> Metric:
    spreads = [s for s in (relative_spread(samples_b), relative_spread(samples_a)) if s is not None]
    noise = max([floor, *spreads])
    delta = _delta(before, after)
    return Metric(
        name, round(before, 3), round(after, 3), delta, round(noise, 1), _judge(delta, noise, False, True), True
    )


def _phases(report: Mapping[str, Any]) -> dict[str, Mapping[str, Any]]:
    try:
        return {p["name"]: p for p in report["phases"]}
    except (KeyError, TypeError):
        raise BenchError("malformed report: no phases") from None


def compare_reports(
    before: Mapping[str, Any],
    after: Mapping[str, Any],
    *,
    noise_floor: float = DEFAULT_NOISE_FLOOR,
    repeats: Sequence[Mapping[str, Any]] = (),
) -> Comparison:
    """Row by row (phase x query) comparison of two reports read by :func:`load_report`.

    ``repeats`` are more runs of the *before* configuration: how far each lands from
    ``before`` widens that row's noise band (the machine's run-to-run noise, measured).
    """
    if noise_floor < 0:
        raise BenchError(f"noise_floor={noise_floor!r} must be >= 0")
    notes: list[str] = []
    for key in ("dialect", "server_version", "cpu_count"):
        b, a = before["metadata"].get(key), after["metadata"].get(key)
        if b != a:
            notes.append(f"{key} differs: {b} -> {a}")
    for key in ("mode", "rate", "clients", "readers", "duration", "count"):
        b, a = before["options"].get(key), after["options"].get(key)
        if b != a:
            notes.append(f"option {key} differs: {b} -> {a}")
    closed = before["options"].get("mode") == "closed" and after["options"].get("mode") == "closed"
    pb, pa = _phases(before), _phases(after)
    repeat_phases = [_phases(r) for r in repeats]
    if repeats:
        notes.append(f"noise also measured from {len(repeats)} repeat run(s) of the before configuration")
    rows: list[Row] = []
    for phase_name in [n for n in pb if n in pa]:
        phb, pha = pb[phase_name], pa[phase_name]
        if phase_name == "import" and phb.get("rows_imported") and pha.get("rows_imported"):
            samples_b = [float(r["rows_imported"]) for r in before.get("timeline", []) if r.get("phase") == "import"]
            samples_a = [float(r["rows_imported"]) for r in after.get("timeline", []) if r.get("phase") == "import"]
            m = _rate_metric(
                "rows/s", phb["rows_per_s"], pha["rows_per_s"], samples_b[1:-1], samples_a[1:-1], noise_floor
            )
            rows.append(Row(phase_name, "(import)", phb["rows_imported"], pha["rows_imported"], 0, 0, [m]))
        for qid in [q for q in phb["queries"] if q in pha["queries"]]:
            qb, qa = phb["queries"][qid], pha["queries"][qid]
            hb, ha = Histogram.from_dict(qb["histogram"]), Histogram.from_dict(qa["histogram"])
            metrics: list[Metric] = []
            if closed:
                samples_b = [
                    float(r["per_query"].get(qid, {}).get("count", 0))
                    for r in before["timeline"]
                    if r.get("phase") == phase_name
                ]
                samples_a = [
                    float(r["per_query"].get(qid, {}).get("count", 0))
                    for r in after["timeline"]
                    if r.get("phase") == phase_name
                ]
                metrics.append(_rate_metric("q/s", qb["qps"], qa["qps"], samples_b[1:-1], samples_a[1:-1], noise_floor))
            else:
                delta = _delta(qb["qps"], qa["qps"])
                metrics.append(Metric("q/s", qb["qps"], qa["qps"], delta, 0.0, "n/a", True, "open loop: set by --rate"))
            if hb.count and ha.count:
                for name, pct, key in (("p50", 50.0, "p50"), ("p99", 99.0, "p99")):
                    sb = relative_spread(_per_second(before, phase_name, qid, key))
                    sa = relative_spread(_per_second(after, phase_name, qid, key))
                    again = [
                        Histogram.from_dict(rp[phase_name]["queries"][qid]["histogram"])
                        for rp in repeat_phases
                        if phase_name in rp and qid in rp[phase_name]["queries"]
                    ]
                    metrics.append(_latency_metric(name, pct, hb, ha, sb, sa, noise_floor, again))
            rows.append(Row(phase_name, qid, qb["count"], qa["count"], qb["errors"], qa["errors"], metrics))
    only = sorted(set(pb) ^ set(pa))
    if only:
        notes.append(f"phases in only one report (not compared): {', '.join(only)}")
    return Comparison(rows, notes, noise_floor)


def _fmt(v: float) -> str:
    if v >= 1000:
        return f"{v:.0f}"
    if v >= 10:
        return f"{v:.1f}"
    return f"{v:.3f}"


def _cell(m: Metric | None) -> str:
    if m is None:
        return ""
    delta = "" if m.delta_pct is None else f" {m.delta_pct:+.0f}%" if math.isfinite(m.delta_pct) else " +inf%"
    mark = "*" if m.note == "too few samples" else ""
    return f"{_fmt(m.before)}->{_fmt(m.after)}{delta}{mark}"


def render_comparison(comparison: Comparison, before_name: str, after_name: str) -> str:
    """The side-by-side table: one line per phase and query, before -> after and the change."""
    lines = [f"before: {before_name}", f"after:  {after_name}"]
    lines += [f"note: {n}" for n in comparison.notes]
    cols = ("q/s", "p50", "p99")
    widths = (22, 24, 24)
    lines.append(
        f"{'phase':7} {'query':24} "
        + " ".join(f"{c + (' ms' if c != 'q/s' else ''):{w}}" for c, w in zip(cols, widths, strict=True))
        + f" {'noise':>6}  verdict"
    )
    for r in comparison.rows:
        by_name = {m.name: m for m in r.metrics}
        if "rows/s" in by_name:
            by_name["q/s"] = by_name["rows/s"]
        cells = " ".join(f"{_cell(by_name.get(c)):{w}}" for c, w in zip(cols, widths, strict=True))
        judged = [m.noise_pct for m in r.metrics if m.verdict != "n/a"]
        noise = f"±{max(judged):.0f}%" if judged else ""
        errors = f" (errors {r.errors_before} -> {r.errors_after})" if r.errors_before or r.errors_after else ""
        lines.append(f"{r.phase:7} {r.query:24} {cells} {noise:>6}  {r.verdict}{errors}")
    counts = {v: sum(1 for r in comparison.rows if r.verdict == v) for v in ("regressed", "improved", "within noise")}
    lines.append(
        f"latency in ms; (import) row: rows/s. * too few samples to judge. A change counts only beyond the noise "
        f"(the larger of {comparison.noise_floor:g}% and the per-second spread) and with the two runs' "
        "99% confidence intervals apart."
    )
    lines.append(
        f"{counts['regressed']} regressed, {counts['improved']} improved, {counts['within noise']} within noise"
    )
    return "\n".join(lines)
