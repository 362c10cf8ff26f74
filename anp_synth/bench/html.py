"""The HTML report: one self-contained file (inline CSS and SVG, no script, no fetch) from the JSON.

It is drawn from the report data alone, so a JSON report kept from an earlier run can be
rendered again. Charts: throughput over time (rows imported and queries per second), latency
over time (p50, p99 and max per second, log scale), and each query's latency distribution per
phase (latency by percentile, the HdrHistogram way: the tail gets as much room as the body).
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from html import escape
from typing import Any

from ..dburl import redact
from .histogram import PERCENTILES, Histogram
from .report import fell_behind, format_ms, ms_with_unit, query_phase_rows
from .svg import Band, Chart, Series, render

_CSS = """
body{font:14px/1.45 system-ui,-apple-system,Segoe UI,Helvetica,Arial,sans-serif;margin:24px;color:#222;max-width:1100px}
h1{font-size:20px;margin:0 0 4px} h2{font-size:16px;margin:28px 0 8px;border-bottom:1px solid #ddd}
h3{font-size:14px;margin:18px 0 4px}
table{border-collapse:collapse;margin:6px 0 12px;font-variant-numeric:tabular-nums}
th,td{border:1px solid #ddd;padding:3px 8px;text-align:right} th{background:#f6f6f6}
td.l,th.l{text-align:left} .err{color:#b00} .flag{color:#b00;font-weight:600}
pre{background:#f7f7f7;padding:8px;overflow-x:auto;font-size:12px} .meta td{text-align:left}
.chart{display:block;margin:6px 0 14px;max-width:100%;height:auto}
"""

PHASE_COLORS = {"idle": "#1f77b4", "import": "#d62728", "after": "#2ca02c"}
DIST_PERCENTILES = (0.0, 25.0, 50.0, 75.0, 90.0, 95.0, 99.0, 99.5, 99.9, 99.95, 99.99, 99.999)


def _ms(v: float) -> str:
    return format_ms(v, " s")


def _ms_unit(v: float) -> str:
    return ms_with_unit(v, " s")


def _bands(report: Mapping[str, Any]) -> list[Band]:
    return [Band(p["name"], float(p["start_s"]), float(p["end_s"])) for p in report["phases"]]


def throughput_chart(report: Mapping[str, Any]) -> str:
    tl = report["timeline"]
    rate = [(r["t"] + 0.5, float(r.get("import_rate", r["rows_imported"]))) for r in tl]
    series = [Series("rows imported/s", rate, "#d62728")]
    return render(Chart("chart-throughput", "Import throughput over time", "seconds", "rows/s", series, _bands(report)))


def queries_chart(report: Mapping[str, Any]) -> str:
    tl = report["timeline"]
    series = [Series("queries/s", [(r["t"] + 0.5, float(r["queries"])) for r in tl], "#1f77b4")]
    if any(r["errors"] for r in tl):
        series.append(Series("errors/s", [(r["t"] + 0.5, float(r["errors"])) for r in tl], "#000", dashed=True))
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


def distribution_chart(report: Mapping[str, Any], query_id: str, index: int) -> str:
    series = []
    top = 0.0
    for phase in report["phases"]:
        row = phase["queries"].get(query_id)
        if row is None or not row["count"]:
            continue
        h = Histogram.from_dict(row["histogram"])
        pcts = [p for p in DIST_PERCENTILES if p == 0.0 or 1.0 / (1 - p / 100.0) <= h.count]
        values = h.percentiles(pcts)
        pts = [(-math.log10(1 - p / 100.0), v / 1e6) for p, v in zip(pcts, values, strict=True)]
        pts.append((math.log10(max(h.count, 1)), h.max / 1e6))
        top = max(top, pts[-1][0])
        series.append(Series(phase["name"], pts, PHASE_COLORS.get(phase["name"], "")))
    ticks = [
        (float(i), label)
        for i, label in enumerate(("0%", "90%", "99%", "99.9%", "99.99%", "99.999%"))
        if i <= max(top, 2)
    ]
    return render(
        Chart(
            f"chart-dist-{index}",
            f"Latency distribution of {query_id}",
            "percentile",
            "ms (log)",
            series,
            log_y=True,
            x_ticks=ticks,
        )
    )


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
    parts.append("<h2>Latency distribution per query</h2>")
    for i, q in enumerate(report["queries"]):
        parts.append(f"<h3>{escape(q['id'])}</h3><p>{escape(q['description'])}</p>")
        parts.append(distribution_chart(report, q["id"], i))
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
