"""Line charts as inline SVG text: no script, no external file, readable offline and in print.

Just enough charting for the report: a few named series over a shared x axis, a linear or
logarithmic y axis with round tick values, and optional shaded bands (the phases). A point
whose y is NaN breaks its series (a line never runs across a gap it did not measure), and
charts meant to be compared can be given the same axis ranges. Every label is escaped;
numbers are formatted, never trusted as markup.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from html import escape

WIDTH = 1200
HEIGHT = 280
LEFT, RIGHT, TOP, BOTTOM = 64, 16, 24, 40
PALETTE = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf", "#7f7f7f")
BAND_COLORS = ("#f3f6fa", "#fdf3e7", "#eef7ee", "#f5eff8")


@dataclass
class Series:
    name: str
    points: list[tuple[float, float]]
    color: str = ""
    dashed: bool = False


@dataclass
class Band:
    label: str
    x0: float
    x1: float


@dataclass
class Chart:
    """A chart description; :func:`render` turns it into an ``<svg>`` element."""

    id: str
    title: str
    x_label: str
    y_label: str
    series: list[Series]
    bands: list[Band] = field(default_factory=list)
    log_y: bool = False
    x_ticks: list[tuple[float, str]] | None = None
    """Explicit x ticks (value, label); default: about eight round values."""
    x_range: tuple[float, float] | None = None
    """Fixed x axis (low, high), so that several charts share it; default: the data's extent."""
    y_range: tuple[float, float] | None = None
    """Fixed y axis (low, high); with ``log_y`` both are rounded out to powers of ten."""
    width: int = WIDTH
    height: int = HEIGHT


BREAK = (math.nan, math.nan)
"""A point that ends one stretch of a series' line and starts another."""


def _stretches(points: list[tuple[float, float]], log_y: bool) -> list[list[tuple[float, float]]]:
    out: list[list[tuple[float, float]]] = [[]]
    for x, y in points:
        if math.isnan(y) or math.isnan(x):
            if out[-1]:
                out.append([])
        elif not (log_y and y <= 0):
            out[-1].append((x, y))
    return [s for s in out if s]


def _nice_step(span: float, target: int = 6) -> float:
    raw = span / max(target, 1)
    if raw <= 0:
        return 1.0
    mag = 10.0 ** math.floor(math.log10(raw))
    for m in (1, 2, 2.5, 5, 10):
        if m * mag >= raw:
            return m * mag
    return 10 * mag


def _fmt(v: float) -> str:
    if v == 0:
        return "0"
    if abs(v) >= 1000:
        return f"{v:,.0f}"
    if abs(v) >= 1:
        return f"{v:g}"
    return f"{v:.3g}"


def render(chart: Chart) -> str:
    width, height = chart.width, chart.height
    drawn = [pt for s in chart.series for stretch in _stretches(s.points, chart.log_y) for pt in stretch]
    xs = [x for x, _ in drawn] + [b.x0 for b in chart.bands] + [b.x1 for b in chart.bands]
    ys = [y for _, y in drawn]
    if chart.x_range is not None:
        xs = list(chart.x_range)
    if chart.y_range is not None:
        ys = [y for y in chart.y_range if y > 0 or not chart.log_y]
    x_min, x_max = (min(xs), max(xs)) if xs else (0.0, 1.0)
    if x_max <= x_min:
        x_max = x_min + 1
    if chart.log_y:
        y_lo = 10 ** math.floor(math.log10(min(ys))) if ys else 0.01
        y_hi = 10 ** math.ceil(math.log10(max(ys))) if ys else 1.0
        if y_hi <= y_lo:
            y_hi = y_lo * 10
    else:
        y_lo = 0.0
        top = max(ys) if ys else 1.0
        step = _nice_step(top or 1.0)
        y_hi = math.ceil((top or 1.0) / step) * step
    pw, ph = width - LEFT - RIGHT, height - TOP - BOTTOM

    def sx(x: float) -> float:
        return LEFT + (x - x_min) / (x_max - x_min) * pw

    def sy(y: float) -> float:
        if chart.log_y:
            y = max(y, y_lo)
            frac = (math.log10(y) - math.log10(y_lo)) / (math.log10(y_hi) - math.log10(y_lo))
        else:
            frac = (y - y_lo) / (y_hi - y_lo) if y_hi > y_lo else 0
        return TOP + ph - frac * ph

    out = [
        f'<svg id="{escape(chart.id)}" class="chart" xmlns="http://www.w3.org/2000/svg" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" '
        f'aria-label="{escape(chart.title)}">',
        f"<title>{escape(chart.title)}</title>",
    ]
    for i, band in enumerate(chart.bands):
        x0, x1 = sx(max(band.x0, x_min)), sx(min(band.x1, x_max))
        out.append(
            f'<rect x="{x0:.1f}" y="{TOP}" width="{max(x1 - x0, 0):.1f}" height="{ph}" '
            f'fill="{BAND_COLORS[i % len(BAND_COLORS)]}"/>'
            f'<text x="{x0 + 4:.1f}" y="{TOP + 12}" font-size="11" fill="#555">{escape(band.label)}</text>'
        )
    # y grid and ticks
    if chart.log_y:
        ticks = []
        v = y_lo
        while v <= y_hi * 1.0001:
            ticks.append(v)
            v *= 10
    else:
        step = _nice_step(y_hi)
        ticks = [i * step for i in range(round(y_hi / step) + 1)]
    for t in ticks:
        y = sy(t)
        out.append(
            f'<line x1="{LEFT}" x2="{width - RIGHT}" y1="{y:.1f}" y2="{y:.1f}" stroke="#ddd"/>'
            f'<text x="{LEFT - 6}" y="{y + 4:.1f}" font-size="11" text-anchor="end" fill="#333">{_fmt(t)}</text>'
        )
    if chart.x_ticks is not None:
        xt = chart.x_ticks
    else:
        step = _nice_step(x_max - x_min, 8)
        start = math.ceil(x_min / step) * step
        xt = []
        v = start
        while v <= x_max + 1e-9:
            xt.append((v, _fmt(v)))
            v += step
    for v, label in xt:
        x = sx(v)
        out.append(
            f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{TOP + ph}" y2="{TOP + ph + 4}" stroke="#333"/>'
            f'<text x="{x:.1f}" y="{TOP + ph + 16}" font-size="11" text-anchor="middle" fill="#333">{escape(label)}</text>'
        )
    out.append(f'<rect x="{LEFT}" y="{TOP}" width="{pw}" height="{ph}" fill="none" stroke="#999"/>')
    for i, s in enumerate(chart.series):
        color = s.color or PALETTE[i % len(PALETTE)]
        dash = ' stroke-dasharray="5,3"' if s.dashed else ""
        for pts in _stretches(s.points, chart.log_y):
            path = " ".join(f"{sx(x):.1f},{sy(y):.1f}" for x, y in pts)
            out.append(
                f'<polyline class="series" data-series="{escape(s.name)}" points="{path}" fill="none" '
                f'stroke="{color}" stroke-width="1.6"{dash}/>'
            )
            if len(pts) == 1:
                x, y = pts[0]
                out.append(f'<circle cx="{sx(x):.1f}" cy="{sy(y):.1f}" r="3" fill="{color}"/>')
    # legend
    lx = LEFT + 8
    for i, s in enumerate(chart.series):
        color = s.color or PALETTE[i % len(PALETTE)]
        out.append(
            f'<rect x="{lx}" y="{height - 14}" width="10" height="10" fill="{color}"/>'
            f'<text x="{lx + 14}" y="{height - 5}" font-size="11" fill="#333">{escape(s.name)}</text>'
        )
        lx += 24 + 7 * len(s.name)
    out.append(
        f'<text x="{width - RIGHT}" y="{height - 5}" font-size="11" text-anchor="end" fill="#555">'
        f"{escape(chart.x_label)}</text>"
        f'<text x="12" y="{TOP - 8}" font-size="11" fill="#555">{escape(chart.y_label)}</text>'
    )
    out.append("</svg>")
    return "".join(out)
