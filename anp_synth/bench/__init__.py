"""The load tester: admin-query latency measured together with import throughput.

Data flows one way: a workload (named queries, parameters drawn from the loaded data) runs in
reader processes while the importer loads records; readers record latencies into mergeable
histograms; the runner turns phases into a report (JSON, text, HTML) that ``compare`` reads.
"""

from __future__ import annotations

from .histogram import Histogram
from .runner import BenchOptions, BenchRun, run_bench

__all__ = ["BenchOptions", "BenchRun", "Histogram", "run_bench"]
