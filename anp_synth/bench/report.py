"""A bench run as data: the JSON report (versioned, self-describing) and its text summary.

The JSON is what ``bench compare`` reads and what the HTML is drawn from, so everything a
later reader needs is in it: metadata (tool, Python, database and server version, CPU count,
seed, options), per-phase and per-query counts, errors and percentiles, the raw per-second
samples, the query plans, and every histogram in full so percentiles can be recomputed or
merged. Latencies are in milliseconds. A reader refuses a format version it does not know.
"""

from __future__ import annotations

import json
import os
import platform
import socket
from collections import defaultdict
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from .. import __version__
from ..dburl import redact
from ..errors import BenchError
from ..formats.output import atomic_output
from .histogram import PERCENTILES, RELATIVE_ERROR, Histogram
from .pacing import behind_schedule, schedule_report
from .runner import BenchRun
from .workload import ADMIN_LIST

REPORT_FORMAT = "anp-synth-bench"
REPORT_FORMAT_VERSION = 1
NS = 1_000_000_000


def _s(ns: int) -> float:
    return round(ns / NS, 3)


def _latency(h: Histogram) -> dict[str, float | int]:
    return h.summary(scale=1e-6)


def _redacted_import(report: Any) -> Any:
    """The import's own report, its URL redacted again (reports are shared; redaction is idempotent)."""
    if isinstance(report, Mapping) and "db_url" in report:
        return {**report, "db_url": redact(str(report["db_url"]))}
    return report


def build_report(run: BenchRun) -> dict[str, Any]:
    """The report of ``run`` as JSON-ready data."""
    rec = run.recorder
    qids = [q.id for q in run.queries]
    by_phase_query: dict[tuple[int, int], Histogram] = defaultdict(Histogram)
    by_second: dict[int, Histogram] = defaultdict(Histogram)
    by_second_query: dict[tuple[int, int], Histogram] = defaultdict(Histogram)
    phase_of_second: dict[int, dict[int, int]] = defaultdict(lambda: defaultdict(int))
    service_of = rec.service()
    for (phase, sec, qi), h in rec.cells().items():
        by_phase_query[(phase, qi)].merge(h)
        by_second[sec].merge(h)
        by_second_query[(sec, qi)].merge(h)
        phase_of_second[sec][phase] += h.count
    errors_pq: dict[tuple[int, int], int] = defaultdict(int)
    errors_s: dict[int, int] = defaultdict(int)
    for (phase, sec, qi), n in rec.errors.items():
        errors_pq[(phase, qi)] += n
        errors_s[sec] += n
        phase_of_second[sec][phase] += 0

    phases_out: list[dict[str, Any]] = []
    for span in run.phases:
        duration = max(span.end_ns - span.start_ns, 1)
        queries_out: dict[str, Any] = {}
        total = Histogram()
        total_errors = 0
        for qi, qid in enumerate(qids):
            h = by_phase_query.get((span.index, qi), Histogram())
            errs = errors_pq.get((span.index, qi), 0)
            total.merge(h)
            total_errors += errs
            service = service_of.get((span.index, qi)) if run.options.mode == "open" else None
            queries_out[qid] = {
                "count": h.count,
                "errors": errs,
                "qps": round(h.count / (duration / NS), 3),
                "latency_ms": _latency(h),
                "service_ms": _latency(service) if service is not None else None,
                "histogram": h.to_dict(),
            }
        phases_out.append(
            {
                "name": span.name,
                "start_s": _s(span.start_ns),
                "end_s": _s(span.end_ns),
                "duration_s": _s(duration),
                "rows_imported": span.rows_imported,
                "rows_per_s": round(span.rows_imported / (duration / NS), 1),
                "queries": queries_out,
                "total": {
                    "count": total.count,
                    "errors": total_errors,
                    "qps": round(total.count / (duration / NS), 3),
                    "latency_ms": _latency(total),
                },
            }
        )

    rows_per_second: dict[int, int] = defaultdict(int)
    for at_ns, n in run.import_batches:
        rows_per_second[at_ns // NS] += n
    import_span = next((p for p in run.phases if p.name == "import"), None)
    rate = _spread_batches(run.import_batches, import_span.start_ns if import_span else 0)
    seconds = sorted(set(by_second) | set(errors_s) | set(rows_per_second))
    names = {span.index: span.name for span in run.phases}
    timeline: list[dict[str, Any]] = []
    if seconds:
        for sec in range(max(0, seconds[0]), seconds[-1] + 1):
            h = by_second.get(sec, Histogram())
            counts = phase_of_second.get(sec, {})
            phase_index = max(counts, key=lambda p: counts[p]) if counts else _phase_at(run, sec)
            p50, p90, p99 = h.percentiles((50.0, 90.0, 99.0))
            per_query: dict[str, Any] = {}
            for qi, qid in enumerate(qids):
                hq = by_second_query.get((sec, qi))
                if hq is not None and hq.count:
                    q50, q99 = hq.percentiles((50.0, 99.0))
                    per_query[qid] = {"count": hq.count, "p50": round(q50 / 1e6, 6), "p99": round(q99 / 1e6, 6)}
            timeline.append(
                {
                    "t": sec,
                    "phase": names.get(phase_index, ""),
                    "rows_imported": rows_per_second.get(sec, 0),
                    "import_rate": round(rate.get(sec, 0.0), 1),
                    "queries": h.count,
                    "errors": errors_s.get(sec, 0),
                    "latency_ms": {
                        "p50": round(p50 / 1e6, 6),
                        "p90": round(p90 / 1e6, 6),
                        "p99": round(p99 / 1e6, 6),
                        "max": round(h.max / 1e6, 6),
                    },
                    "per_query": per_query,
                }
            )

    schedule: dict[str, Any] | None = None
    if run.import_schedule is not None and run.options.import_rate is not None:
        batch_size = run.options.import_batch_size
        assert batch_size is not None
        import_phase = next((p for p in phases_out if p["name"] == "import"), None)
        schedule = schedule_report(run.options.import_rate, batch_size, run.import_schedule, import_phase)

    report: dict[str, Any] = {
        "format": REPORT_FORMAT,
        "format_version": REPORT_FORMAT_VERSION,
        "metadata": {
            "tool": "anp-synth",
            "tool_version": __version__,
            "python": platform.python_version(),
            "python_implementation": platform.python_implementation(),
            "platform": platform.platform(),
            "hostname": socket.gethostname(),
            "cpu_count": os.cpu_count() or 1,
            "dialect": run.dialect,
            "server_version": run.server_version,
            "started_at": run.started_at,
            "elapsed_s": round(run.elapsed_s, 3),
            "histogram_relative_error": RELATIVE_ERROR,
        },
        "options": run.options.public(),
        "interrupted": run.interrupted,
        "import": {
            "seed": run.import_seed,
            "count": run.options.count if run.import_seed is not None else 0,
            "report": _redacted_import(run.import_report),
            "base_load": run.base_load,
            "schedule": schedule,
        },
        "queries": [
            {
                "id": q.id,
                "weight": q.weight,
                "description": q.description,
                "source": q.source,
                "sql": q.sql[run.dialect],
                "error_samples": rec.error_samples.get(i, []),
            }
            for i, q in enumerate(run.queries)
        ],
        "skipped_queries": run.skipped_queries,
        "phases": phases_out,
        "timeline": timeline,
        "plans": [p.to_dict() for p in run.plans],
        "table_rows": run.table_rows,
        "reader_failures": run.reader_failures,
        "headline": headline(phases_out, schedule),
    }
    return report


def _spread_batches(batches: list[tuple[int, int]], start_ns: int) -> dict[int, float]:
    """Rows per second with each batch spread over the time it took (from the previous commit).

    ``rows_imported`` counts rows in the second their batch committed, which with batches of
    1,000 draws a comb of 0s and 1,000s; this is the rate the importer actually sustained.
    """
    out: dict[int, float] = defaultdict(float)
    previous = start_ns
    for at_ns, n in sorted(batches):
        begin, end = previous, max(at_ns, previous + 1)
        previous = at_ns
        if n <= 0:
            continue
        per_ns = n / (end - begin)
        sec = begin // NS
        while sec * NS < end:
            lo, hi = max(begin, sec * NS), min(end, (sec + 1) * NS)
            if hi > lo:
                out[sec] += per_ns * (hi - lo)
            sec += 1
    return out


def _phase_at(run: BenchRun, sec: int) -> int:
    for span in run.phases:
        if span.start_ns // NS <= sec <= span.end_ns // NS:
            return span.index
    return -1


def headline(phases: list[dict[str, Any]], schedule: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """The numbers a reader looks for first: the import's rate (achieved; and asked, when paced,
    with the schedule's worst lag), and the admin list's p99 under import."""
    by_name = {p["name"]: p for p in phases}
    out: dict[str, Any] = {}
    imp = by_name.get("import")
    if imp is not None:
        out["import_rows_per_s"] = imp["rows_per_s"]
        out["import_paced"] = schedule is not None
        out["import_rate_asked"] = schedule["rate"] if schedule is not None else None
        out["import_lag_max_s"] = schedule["lag_s"]["max"] if schedule is not None else None
    idle = by_name.get("idle")
    if idle is not None and imp is not None and ADMIN_LIST in idle["queries"]:
        before = idle["queries"][ADMIN_LIST]["latency_ms"]["p99"]
        during = imp["queries"][ADMIN_LIST]["latency_ms"]["p99"]
        out["admin_list_p99_idle_ms"] = before
        out["admin_list_p99_import_ms"] = during
        out["admin_list_p99_import_over_idle"] = round(during / before, 3) if before else None
    return out


BEHIND = 0.95
"""Open loop: a phase that sent less than this share of its scheduled queries fell behind."""


def fell_behind(options: Mapping[str, Any], phase: Mapping[str, Any]) -> str | None:
    """Open loop: say so when the readers could not keep the schedule in a phase.

    Their latencies then include a growing queue (correctly, from the schedule), which says
    the database, or this machine, could not serve that rate, more than how fast a query is.
    """
    if options.get("mode") != "open" or not options.get("rate"):
        return None
    total = phase["total"]
    sent = total["count"] + total["errors"]
    due = float(options["rate"]) * float(phase["duration_s"])
    if due >= 10 and sent < BEHIND * due:
        return (
            f"the readers fell behind the schedule ({sent / phase['duration_s']:.0f} of "
            f"{options['rate']:g} q/s): latencies include queueing; try a lower --rate or more --readers"
        )
    return None


def write_json(report: Mapping[str, Any], path: Path) -> None:
    """Write ``report`` atomically: a crash leaves the old file or the new one, never half of one."""
    write_text(path, json.dumps(report, indent=1, sort_keys=False) + "\n")


def write_text(path: Path, text: str) -> None:
    """Write ``text`` atomically (see :func:`anp_synth.formats.atomic_output`); a failure is one OutputError."""
    with atomic_output(str(path), compress=False) as out:
        out.write(text.encode("utf-8"))


def load_report(path: Path) -> dict[str, Any]:
    """Read a report written by :func:`write_json`; another format or version is refused clearly."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise BenchError(f"{path}: cannot read the report: {exc.strerror or exc}") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise BenchError(f"{path}: not a bench report (invalid JSON: {exc})") from None
    if not isinstance(data, dict) or data.get("format") != REPORT_FORMAT:
        raise BenchError(f'{path}: not an anp-synth bench report (no "format": "{REPORT_FORMAT}")')
    version = data.get("format_version")
    if version != REPORT_FORMAT_VERSION:
        raise BenchError(
            f"{path}: report format_version {version!r} is not supported by this anp-synth "
            f"({__version__} reads version {REPORT_FORMAT_VERSION})"
        )
    return data


def query_phase_rows(
    report: Mapping[str, Any],
) -> Iterator[tuple[Mapping[str, Any], Mapping[str, Any], Mapping[str, Any]]]:
    """``(query, phase, row)`` for every query that ran in a phase, queries first: the order both report tables use."""
    for q in report["queries"]:
        for phase in report["phases"]:
            row = phase["queries"].get(q["id"])
            if row is not None:
                yield q, phase, row


def format_ms(v: float, seconds: str = "s") -> str:
    """Milliseconds with as many digits as matter; a second or more as seconds ("1.23s").

    ``seconds`` is the unit written after seconds: the text tables use "s", the HTML " s".
    """
    if v >= 1000:
        return f"{v / 1000:.2f}{seconds}"
    if v >= 100:
        return f"{v:.0f}"
    if v >= 1:
        return f"{v:.1f}"
    return f"{v:.3f}"


def ms_with_unit(v: float, seconds: str = "s") -> str:
    """:func:`format_ms` with its unit always written ("0.334 ms", "1.23s")."""
    text = format_ms(v, seconds)
    return text if text.endswith(seconds) else text + " ms"


def import_rate_line(report: Mapping[str, Any]) -> str | None:
    """The import's rate in one line, paced or not (None when no import phase ran)."""
    phase = next((p for p in report["phases"] if p["name"] == "import"), None)
    if phase is None:
        return None
    schedule = report["import"].get("schedule")
    achieved = float(phase["rows_per_s"])
    if not schedule:
        return f"import rate: unpaced (as fast as the database takes it), {achieved:.0f} articles/s achieved"
    lag = schedule["lag_s"]
    return (
        f"import rate: paced at {schedule['rate']:g} articles/s (batches of {schedule['batch_size']}, one due "
        f"every {schedule['interval_s']:.3g} s), {achieved:.1f} articles/s achieved "
        f"({100 * schedule['achieved_share']:.1f}% of asked); lag p50 {lag['p50']:.3f} s, p99 {lag['p99']:.3f} s, "
        f"max {lag['max']:.3f} s; {schedule['late_batches']} of {schedule['batches']} batches late"
    )


def render_text(report: Mapping[str, Any]) -> str:
    """A concise summary for the terminal: the phases, then one line per query and phase."""
    meta = report["metadata"]
    opts = report["options"]
    lines: list[str] = []
    loop = f"open loop, {opts['rate']:g} q/s" if opts["mode"] == "open" else f"closed loop, {opts['clients']} clients"
    lines.append(
        f"anp-synth bench on {redact(str(opts['db_url']))} ({meta['server_version']}), {opts['readers']} readers, {loop}"
        + (" [read-only]" if opts["read_only"] else "")
    )
    imp = report["import"]
    if imp.get("base_load"):
        b = imp["base_load"]
        lines.append(f"base window loaded first: {b.get('inserted', 0)} articles")
    for phase in report["phases"]:
        t = phase["total"]
        extra = ""
        if phase["name"] == "import":
            extra = f", {phase['rows_imported']} rows imported ({phase['rows_per_s']:.0f} rows/s)"
        lines.append(
            f"phase {phase['name']}: {phase['duration_s']:.1f} s, {t['count']} queries ({t['qps']:.0f} q/s), "
            f"{t['errors']} errors{extra}"
        )
        if phase["name"] == "import" and phase["rows_imported"] == 0 and not report.get("interrupted"):
            first = imp.get("seed")
            lines.append(
                f"  warning: nothing was imported: seeds {first}..{first + imp['count'] - 1} are already loaded "
                "(leave --seed out to import the next window)"
            )
        if phase["name"] == "import":
            rate_line = import_rate_line(report)
            if rate_line:
                lines.append(f"  {rate_line}")
            late = behind_schedule(imp.get("schedule"))
            if late:
                lines.append(f"  warning: {late}")
        behind = fell_behind(opts, phase)
        if behind:
            lines.append(f"  warning: {behind}")
    pnames = [name for name, _ in PERCENTILES]
    open_loop = opts["mode"] == "open"
    header = f"{'query':24} {'phase':7} {'count':>7} {'err':>5} " + " ".join(f"{n:>7}" for n in [*pnames, "max"])
    lines.append("")
    if open_loop:
        lines.append("latency in ms (s when marked), from each query's scheduled start; svc p99: from its actual start")
        header += f" {'svc p99':>8}"
    else:
        lines.append("latency in ms (s when marked)")
    lines.append(header)
    for q, phase, row in query_phase_rows(report):
        lat = row["latency_ms"]
        values = " ".join(f"{format_ms(lat[n]):>7}" for n in [*pnames, "max"])
        if open_loop and row.get("service_ms"):
            values += f" {format_ms(row['service_ms']['p99']):>8}"
        lines.append(f"{q['id']:24} {phase['name']:7} {row['count']:>7} {row['errors']:>5} {values}")
    for q in report["queries"]:
        for sample in q.get("error_samples", []):
            lines.append(f"error in {q['id']}: {sample}")
    for qid, why in report.get("skipped_queries", {}).items():
        lines.append(f"skipped {qid}: {why}")
    head = report.get("headline", {})
    if head.get("admin_list_p99_import_over_idle") is not None:
        lines.append("")
        lines.append(
            f"admin list p99: idle {ms_with_unit(head['admin_list_p99_idle_ms'])}, during import "
            f"{ms_with_unit(head['admin_list_p99_import_ms'])}: x{head['admin_list_p99_import_over_idle']:.2f}"
        )
    flagged = [(p["query_id"], f) for p in report.get("plans", []) for f in p.get("flags", [])]
    if flagged:
        lines.append("")
        for qid, flag in flagged:
            lines.append(f"plan of {qid}: {flag}")
    for failure in report.get("reader_failures", []):
        lines.append(f"reader problem: {failure}")
    if report.get("interrupted"):
        lines.append("")
        lines.append("interrupted: the report covers what was measured until Ctrl-C")
    return "\n".join(lines)
