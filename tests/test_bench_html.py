"""The HTML report: self-contained, and a real browser draws its charts.

The browser test needs Debian's ``chromium``; without it the test skips loudly, and fails
when ``ANP_REQUIRE_CHROMIUM=1`` (as CI sets it).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from anp_synth.bench import BenchOptions, run_bench
from anp_synth.bench.html import render_html
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


def _chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


def test_headless_chromium_renders_the_charts(report: dict[str, Any], tmp_path: Path) -> None:
    browser = _chromium()
    if browser is None:
        reason = "chromium not found (apt-get install -y chromium): the HTML report's browser test did NOT run"
        if os.environ.get("ANP_REQUIRE_CHROMIUM") == "1":
            pytest.fail(reason + " (ANP_REQUIRE_CHROMIUM=1)")
        pytest.skip(reason)
    page = tmp_path / "report.html"
    page.write_text(render_html(report), encoding="utf-8")
    cmd = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
           "--no-first-run", "--disable-component-update", "--disable-sync",
           f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom", page.as_uri()]  # fmt: skip
    result = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    dom = result.stdout
    assert result.returncode == 0, result.stderr[-2000:]
    # The DOM the browser built (not our string) holds the charts, with drawn lines in them.
    for chart in ("chart-throughput", "chart-queries", "chart-latency", "chart-dist-0"):
        assert re.search(rf'<svg[^>]*id="{chart}"', dom), chart
    assert dom.count("<polyline") >= 3 + len(report["queries"])
    assert "Latency distribution per query" in dom
