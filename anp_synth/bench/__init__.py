"""The load tester: admin-query latency measured together with import throughput.

Data flows one way: a workload (named queries, parameters drawn from the loaded data) runs in
reader processes while the importer loads records; readers record latencies into mergeable
histograms; the runner turns phases into a report (JSON, text, HTML) that ``compare`` reads.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .histogram import Histogram
    from .runner import BenchOptions, BenchRun, run_bench

__all__ = ["BenchOptions", "BenchRun", "Histogram", "run_bench"]


def __getattr__(name: str) -> Any:
    # Lazy: reader processes import anp_synth.bench.readers, and must not pay for the runner,
    # the importer and SQLAlchemy on every start.
    if name == "Histogram":
        from .histogram import Histogram

        return Histogram
    if name in ("BenchOptions", "BenchRun", "run_bench"):
        from . import runner

        return getattr(runner, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
