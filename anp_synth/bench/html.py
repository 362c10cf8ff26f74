"""The HTML report: one self-contained file (inline CSS and SVG, no script, no fetch) from the JSON.

It is drawn from the report data alone, so a JSON report kept from an earlier run can be
rendered again. Charts: throughput over time (rows imported and queries per second), latency
over time (p50, p99 and max per second, log scale), and each query's latency distribution per
phase (latency by percentile, the HdrHistogram way: the tail gets as much room as the body).

Rates are drawn as steps, one flat stretch per measured second, broken at phase boundaries:
a line sloping from one phase into the next would show a change that happened at an instant
as if it took a second. A second that a phase covers only in part (the last one, typically)
is drawn as its count over the time actually measured, not over a whole second, which would
read as a sudden drop; a second measured for less than :data:`MIN_MEASURED_S` is left out.
The per-query distributions share one x and one y axis, so queries compare by eye.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Mapping
from html import escape
from typing import Any

from ..dburl import redact
from .histogram import PERCENTILES, Histogram
from .pacing import behind_schedule
from .report import fell_behind, format_ms, import_rate_line, ms_with_unit, query_phase_rows
from .svg import BREAK, Band, Chart, Series, render

_CSS = """
body{font:14px/1.45 system-ui,-apple-system,Segoe UI,Helvetica,Arial,sans-serif;margin:24px;color:#222}
h1{font-size:20px;margin:0 0 4px} h2{font-size:16px;margin:28px 0 8px;border-bottom:1px solid #ddd}
h3{font-size:14px;margin:18px 0 4px}
table{border-collapse:collapse;margin:6px 0 12px;font-variant-numeric:tabular-nums}
th,td{border:1px solid #ddd;padding:3px 8px;text-align:right} th{background:#f6f6f6}
td.l,th.l{text-align:left} .err{color:#b00} .flag{color:#b00;font-weight:600}
pre{background:#f7f7f7;padding:8px;overflow-x:auto;font-size:12px} .meta td{text-align:left}
.chart{display:block;margin:6px 0 14px;width:100%;height:auto}
.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(460px,1fr));gap:4px 24px}
.grid figure{margin:0} .grid p{margin:0;color:#555;font-size:13px}
"""

PHASE_COLORS = {"idle": "#1f77b4", "import": "#d62728", "after": "#2ca02c"}
DIST_PERCENTILES = (0.0, 25.0, 50.0, 75.0, 90.0, 95.0, 99.0, 99.5, 99.9, 99.95, 99.99, 99.999)
DIST_TICKS = ((0.0, "0%"), (50.0, "50%"), (90.0, "90%"), (99.0, "99%"), (99.9, "99.9%"), (99.99, "99.99%"),
              (99.999, "99.999%"))  # fmt: skip
"""Ticks of the distribution charts' shared axis; at least up to 99.9%, further as the data reaches."""
MIN_MEASURED_S = 0.25
"""A second measured for less than this is not drawn as a rate: too few events to mean one."""
DIST_SIZE = (600, 260)


def _ms(v: float) -> str:
    return format_ms(v, " s")


def _ms_unit(v: float) -> str:
    return ms_with_unit(v, " s")


def _bands(report: Mapping[str, Any]) -> list[Band]:
    return [Band(p["name"], float(p["start_s"]), float(p["end_s"])) for p in report["phases"]]


def _spans(report: Mapping[str, Any], name: str | None = None) -> list[tuple[float, float]]:
    return sorted(
        (float(p["start_s"]), float(p["end_s"])) for p in report["phases"] if name is None or p["name"] == name
    )


def _measured(t: float, spans: list[tuple[float, float]]) -> float:
    """How much of the second [t, t + 1) the spans cover."""
    return sum(max(0.0, min(t + 1, end) - max(t, start)) for start, end in spans)


def step_points(
    timeline: list[Mapping[str, Any]], value: Callable[[Mapping[str, Any]], float], spans: list[tuple[float, float]]
) -> list[tuple[float, float]]:
    """Each second's ``value`` per second actually measured, as a flat stretch over the part of
    the second each span covers, with a break between spans (see the module docstring)."""
    points: list[tuple[float, float]] = []
    for start, end in spans:
        for row in timeline:
            t = float(row["t"])
            x0, x1 = max(t, start), min(t + 1, end)
            measured = _measured(t, spans)
            if x1 <= x0 or measured < MIN_MEASURED_S:
                continue
            rate = value(row) / measured
            points += [(x0, rate), (x1, rate)]
        points.append(BREAK)
    return points


def throughput_chart(report: Mapping[str, Any]) -> str:
    tl = report["timeline"]
    spans = _spans(report, "import")
    rate = step_points(tl, lambda r: float(r.get("import_rate", r["rows_imported"])), spans)
    series = [Series("rows imported/s", rate, "#d62728")]
    return render(Chart("chart-throughput", "Import throughput over time", "seconds", "rows/s", series, _bands(report)))


def queries_chart(report: Mapping[str, Any]) -> str:
    tl = report["timeline"]
    spans = _spans(report)
    series = [Series("queries/s", step_points(tl, lambda r: float(r["queries"]), spans), "#1f77b4")]
    if any(r["errors"] for r in tl):
        errors = step_points(tl, lambda r: float(r["errors"]), spans)
        series.append(Series("errors/s", errors, "#000", dashed=True))
    return render(Chart("chart-queries", "Queries per second", "seconds", "queries/s", series, _bands(report)))


def latency_chart(report: Mapping[str, Any]) -> str:
    tl = [r for r in report["timeline"] if r["queries"]]
    series = [
        Series(name, [(r["t"] + 0.5, float(r["latency_ms"][name])) for r in tl], color, dashed=name == "max")
        for name, color in (("max", "#9a9a9a"), ("p99", "#d62728"), ("p50", "#1f77b4"))
    ]
    return render(
        Chart(
            "chart-latency",
            "Latency over time (all queries)",
            "seconds",
            "ms (log)",
            series,
            _bands(report),
            log_y=True,
        )
    )


def _distribution_points(report: Mapping[str, Any], query_id: str) -> list[tuple[str, list[tuple[float, float]]]]:
    """Per phase, (x, ms) with x = -log10(1 - percentile/100): 90% at 1, 99% at 2, 99.9% at 3."""
    out = []
    for phase in report["phases"]:
        row = phase["queries"].get(query_id)
        if row is None or not row["count"]:
            continue
        h = Histogram.from_dict(row["histogram"])
        pcts = [p for p in DIST_PERCENTILES if p == 0.0 or 1.0 / (1 - p / 100.0) <= h.count]
        values = h.percentiles(pcts)
        pts = [(-math.log10(1 - p / 100.0), v / 1e6) for p, v in zip(pcts, values, strict=True)]
        pts.append((math.log10(max(h.count, 1)), h.max / 1e6))
        out.append((str(phase["name"]), pts))
    return out


def distribution_charts(report: Mapping[str, Any]) -> list[str]:
    """One chart per query, all on the same axes: x from 0% to the deepest percentile any query
    reached (at least 99.9%), y over every query's latencies."""
    points = {q["id"]: _distribution_points(report, q["id"]) for q in report["queries"]}
    xs = [x for per_phase in points.values() for _, pts in per_phase for x, _ in pts]
    ys = [y for per_phase in points.values() for _, pts in per_phase for _, y in pts if y > 0]
    x_hi = max([3.0, *xs])
    at = {label: round(-math.log10(1 - p / 100.0), 9) for p, label in DIST_TICKS}  # 99.9% at 3, not 3.0000000000000004
    ticks = [(x, label) for label, x in at.items() if x <= x_hi]
    y_range = (min(ys), max(ys)) if ys else None
    charts = []
    for index, q in enumerate(report["queries"]):
        series = [Series(name, pts, PHASE_COLORS.get(name, "")) for name, pts in points[q["id"]]]
        chart = Chart(
            f"chart-dist-{index}", f"Latency distribution of {q['id']}", "percentile", "ms (log)", series,
            log_y=True, x_ticks=ticks, x_range=(0.0, x_hi), y_range=y_range, width=DIST_SIZE[0], height=DIST_SIZE[1],
        )  # fmt: skip
        charts.append(render(chart))
    return charts


def _summary_table(report: Mapping[str, Any]) -> str:
    rows = []
    for p in report["phases"]:
        t = p["total"]
        rows.append(
            f"<tr><td class=l>{escape(p['name'])}</td><td>{p['duration_s']:.1f}</td><td>{p['rows_imported']}</td>"
            f"<td>{p['rows_per_s']:.0f}</td><td>{t['count']}</td><td>{t['qps']:.1f}</td>"
            f"<td class='{'err' if t['errors'] else ''}'>{t['errors']}</td>"
            f"<td>{_ms(t['latency_ms']['p50'])}</td><td>{_ms(t['latency_ms']['p99'])}</td></tr>"
        )
    return (
        "<table><tr><th class=l>phase</th><th>seconds</th><th>rows imported</th><th>rows/s</th>"
        "<th>queries</th><th>q/s</th><th>errors</th><th>p50 ms</th><th>p99 ms</th></tr>" + "".join(rows) + "</table>"
    )


def _query_table(report: Mapping[str, Any]) -> str:
    names = [n for n, _ in PERCENTILES] + ["max"]
    head = "".join(f"<th>{n}</th>" for n in names)
    rows = []
    for q, p, row in query_phase_rows(report):
        lat = row["latency_ms"]
        cells = "".join(f"<td>{_ms(lat[n])}</td>" for n in names)
        rows.append(
            f"<tr><td class=l>{escape(q['id'])}</td><td class=l>{escape(p['name'])}</td><td>{row['count']}</td>"
            f"<td class='{'err' if row['errors'] else ''}'>{row['errors']}</td>{cells}</tr>"
        )
    return (
        "<table><tr><th class=l>query</th><th class=l>phase</th><th>count</th><th>errors</th>"
        + head
        + "</tr>"
        + "".join(rows)
        + "</table><p>latency in ms</p>"
    )


def render_html(report: Mapping[str, Any]) -> str:
    """The whole report page as one string."""
    meta, opts = report["metadata"], report["options"]
    head = report.get("headline", {})
    # Redacted again: a page may be drawn from a report written by an older release.
    shown = escape(redact(str(opts["db_url"])))
    parts = [
        "<!DOCTYPE html><html lang=en><head><meta charset=utf-8>",
        "<meta name=viewport content='width=device-width,initial-scale=1'>",
        f"<title>anp-synth bench: {shown}</title><style>{_CSS}</style></head><body>",
        "<h1>anp-synth bench</h1>",
        f"<p>{shown} ({escape(str(meta['server_version']))}), {opts['readers']} readers, "
        + (
            f"open loop at {opts['rate']:g} queries/s"
            if opts["mode"] == "open"
            else f"closed loop with {opts['clients']} clients"
        )
        + (", read-only" if opts["read_only"] else "")
        + f"; started {escape(str(meta['started_at']))}</p>",
    ]
    if report.get("interrupted"):
        parts.append("<p class=err>Interrupted: this report covers what was measured until Ctrl-C.</p>")
    if head.get("admin_list_p99_import_over_idle") is not None:
        parts.append(
            f"<p><b>Admin list p99</b>: idle {_ms_unit(head['admin_list_p99_idle_ms'])}, during import "
            f"{_ms_unit(head['admin_list_p99_import_ms'])} (x{head['admin_list_p99_import_over_idle']:.2f}); "
            f"import {head.get('import_rows_per_s', 0):.0f} rows/s.</p>"
        )
    parts += ["<h2>Phases</h2>", _summary_table(report)]
    rate_line = import_rate_line(report)
    if rate_line:
        parts.append(f"<p class=rate>{escape(rate_line[0].upper() + rate_line[1:])}.</p>")
    late = behind_schedule(report["import"].get("schedule"))
    if late:
        parts.append(f"<p class=err>import: {escape(late)}</p>")
    for phase in report["phases"]:
        behind = fell_behind(opts, phase)
        if behind:
            parts.append(f"<p class=err>{escape(phase['name'])}: {escape(behind)}</p>")
    parts += ["<h2>Throughput over time</h2>", throughput_chart(report), queries_chart(report)]
    parts += ["<h2>Latency over time</h2>", latency_chart(report)]
    parts += ["<h2>Latency per query</h2>", _query_table(report)]
    for q in report["queries"]:
        for sample in q.get("error_samples", []):
            parts.append(f"<p class=err>error in {escape(q['id'])}: {escape(sample)}</p>")
    for qid, why in report.get("skipped_queries", {}).items():
        parts.append(f"<p>skipped {escape(qid)}: {escape(why)}</p>")
    parts.append("<h2>Latency distribution per query</h2><p>Every chart on the same axes.</p><div class=grid>")
    for q, chart in zip(report["queries"], distribution_charts(report), strict=True):
        parts.append(f"<figure><h3>{escape(q['id'])}</h3><p>{escape(q['description'])}</p>{chart}</figure>")
    parts.append("</div>")
    if report.get("plans"):
        parts.append("<h2>Query plans</h2>")
        for plan in report["plans"]:
            parts.append(f"<h3>{escape(plan['query_id'])}</h3><pre>{escape(plan['sql'])}</pre>")
            parts.append(f"<p>parameters: <code>{escape(json.dumps(plan['params'], ensure_ascii=False))}</code></p>")
            if plan.get("error"):
                parts.append(f"<p class=err>{escape(plan['error'])}</p>")
            else:
                parts.append(f"<pre>{escape(plan['text'])}</pre>")
            for flag in plan.get("flags", []):
                parts.append(f"<p class=flag>{escape(flag)}</p>")
    parts.append("<h2>Metadata</h2><table class=meta>")
    for key, value in [*meta.items(), *(("option " + k, v) for k, v in opts.items())]:
        parts.append(f"<tr><th class=l>{escape(str(key))}</th><td>{escape(str(value))}</td></tr>")
    parts.append("</table>")
    if report.get("table_rows"):
        parts.append("<h3>Rows per table at the end</h3><table>")
        for name, n in report["table_rows"].items():
            parts.append(f"<tr><td class=l>{escape(name)}</td><td>{n}</td></tr>")
        parts.append("</table>")
    parts.append("</body></html>\n")
    return "".join(parts)
