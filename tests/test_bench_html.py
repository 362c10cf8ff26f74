"""The HTML report: self-contained, and a real browser draws its charts.

The browser test needs Debian's ``chromium``; without it the test skips loudly, and fails
when ``ANP_REQUIRE_CHROMIUM=1`` (as CI sets it).
"""

from __future__ import annotations

import itertools
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from anp_synth.bench import BenchOptions, run_bench
from anp_synth.bench.html import MIN_MEASURED_S, queries_chart, render_html, step_points
from anp_synth.bench.report import build_report


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    path = tmp_path_factory.mktemp("html") / "h.db"
    opts = BenchOptions(
        db_url=f"sqlite:///{path}", seed=1, count=400, base_count=200, batch_size=100,
        duration=1.0, warmup=0.1, rate=100.0, readers=1,
    )  # fmt: skip
    return build_report(run_bench(opts))


def test_the_page_needs_nothing_from_outside(report: dict[str, Any]) -> None:
    page = render_html(report)
    assert page.startswith("<!DOCTYPE html>")
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page)
    assert "<script" not in page
    for chart in ("chart-throughput", "chart-queries", "chart-latency", "chart-dist-0"):
        assert f'id="{chart}"' in page
    assert page.count('id="chart-dist-') == len(report["queries"])


def test_text_from_the_database_is_escaped(report: dict[str, Any]) -> None:
    hostile = {**report, "queries": [{**report["queries"][0], "description": "<img src=x onerror=alert(1)>"}]}
    page = render_html(hostile)
    assert "<img src=x" not in page and "&lt;img src=x" in page


def _polylines(svg: str, series: str) -> list[list[tuple[float, float]]]:
    found = re.findall(rf'<polyline class="series" data-series="{re.escape(series)}" points="([^"]*)"', svg)
    return [[tuple(map(float, pt.split(","))) for pt in pts.split()] for pts in found]  # type: ignore[misc]


STEADY = {
    # 100 queries/s throughout; idle ends half-way through second 2, import a quarter into second 5
    "phases": [{"name": "idle", "start_s": 0.0, "end_s": 2.5}, {"name": "import", "start_s": 2.5, "end_s": 5.25}],
    "timeline": [{"t": t, "queries": 25 if t == 5 else 100, "errors": 0} for t in range(6)],
}


def test_a_partial_second_is_drawn_as_a_rate_over_the_time_it_was_measured() -> None:
    lines = _polylines(queries_chart(STEADY), "queries/s")
    heights = {y for line in lines for _, y in line}
    assert len(heights) == 1, "a steady 100 queries/s must draw one flat line, not a plunge at the end"
    # left out: a second measured too briefly to be a rate
    brief = {**STEADY, "phases": [{"name": "idle", "start_s": 0.0, "end_s": 5.0 + MIN_MEASURED_S / 2}]}
    points = step_points(brief["timeline"], lambda r: float(r["queries"]), [(0.0, 5.0 + MIN_MEASURED_S / 2)])
    assert max(x for x, _ in points if x == x) == 5.0


def test_rates_are_steps_that_break_at_phase_boundaries() -> None:
    lines = _polylines(queries_chart(STEADY), "queries/s")
    assert len(lines) == len(STEADY["phases"])
    for line in lines:
        for (x0, y0), (x1, y1) in itertools.pairwise(line):
            assert x0 == x1 or y0 == y1, "a segment is flat or vertical, never a slope"
    assert lines[0][-1][0] == lines[1][0][0], "idle's line ends where import's starts: on the boundary"


def _browser_dom(page: Path, tmp_path: Path, what: str) -> str:
    """The DOM headless Chromium built from ``page``; a loud skip (a failure in CI) without Chromium."""
    browser = _chromium()
    if browser is None:
        reason = f"chromium not found (apt-get install -y chromium): the HTML report's {what} test did NOT run"
        if os.environ.get("ANP_REQUIRE_CHROMIUM") == "1":
            pytest.fail(reason + " (ANP_REQUIRE_CHROMIUM=1)")
        pytest.skip(reason)
    cmd = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
           "--no-first-run", "--disable-component-update", "--disable-sync", "--window-size=1400,1000",
           f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom", page.as_uri()]  # fmt: skip
    result = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


def _chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


def test_headless_chromium_renders_the_charts(report: dict[str, Any], tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    page.write_text(render_html(report), encoding="utf-8")
    dom = _browser_dom(page, tmp_path, "browser")
    # The DOM the browser built (not our string) holds the charts, with drawn lines in them.
    for chart in ("chart-throughput", "chart-queries", "chart-latency", "chart-dist-0"):
        assert re.search(rf'<svg[^>]*id="{chart}"', dom), chart
    assert dom.count("<polyline") >= 3 + len(report["queries"])
    assert "Latency distribution per query" in dom


_MEASURE = """<script>
const box = e => { const r = e.getBoundingClientRect(); return {x: r.left, y: r.top, w: r.width, h: r.height}; };
const out = {body: document.body.clientWidth, page: document.documentElement.scrollHeight, charts: {}};
for (const svg of document.querySelectorAll("svg.chart")) {
  const ticks = {};
  for (const t of svg.querySelectorAll("text")) {
    if (t.textContent.endsWith("%")) { const b = box(t), s = box(svg); ticks[t.textContent] = (b.x + b.w / 2 - s.x) / s.w; }
  }
  out.charts[svg.id] = {...box(svg), ticks};
}
const pre = document.createElement("pre"); pre.id = "geometry"; pre.textContent = JSON.stringify(out);
document.body.appendChild(pre);
</script>"""


def test_the_charts_use_the_page_width_and_the_distributions_share_one_axis_in_a_grid(
    report: dict[str, Any], tmp_path: Path
) -> None:
    """Measured in a real browser: a script appended to a copy of the page (the report itself has
    none) writes every chart's box and its percentile ticks' positions into the DOM."""
    import json

    page = tmp_path / "report.html"
    page.write_text(render_html(report).replace("</body>", _MEASURE + "</body>"), encoding="utf-8")
    found = re.search(r'<pre id="geometry">(.*?)</pre>', _browser_dom(page, tmp_path, "geometry"), re.S)
    assert found, "the measuring script did not run"
    geometry = json.loads(found.group(1).replace("&quot;", '"').replace("&amp;", "&"))
    charts, body = geometry["charts"], geometry["body"]
    for name in ("chart-throughput", "chart-queries", "chart-latency"):
        assert charts[name]["w"] >= 0.95 * body, (name, charts[name]["w"], body)
    dists = [charts[f"chart-dist-{i}"] for i in range(len(report["queries"]))]
    assert len({round(d["y"]) for d in dists}) < len(dists), "the per-query charts sit side by side in a grid"
    assert sum(d["w"] for d in dists[:2]) >= 0.8 * body
    for label in ("50%", "90%", "99%", "99.9%"):
        positions = {round(d["ticks"][label], 3) for d in dists}
        assert len(positions) == 1, f"the {label} tick stands at one place on every query's chart: {positions}"
