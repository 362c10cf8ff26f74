"""The importer's database side: tables, migrations, per-dialect backends, ledger and report.

Library use::

    from anp_synth import generate
    from anp_synth.db import import_records

    report = import_records(generate(seed=1, count=100), "sqlite:///articles.db")
    assert report.inserted == 100
    assert [r["seed"] for r in export_records("sqlite:///articles.db", seed=1, count=3)] == [1, 2, 3]
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .connect import DEFAULT_DB_URL, redact
from .importer import import_file, import_generated, import_records, prepare_database
from .migrations import HEAD as SCHEMA_HEAD
from .report import REPORT_FORMAT_VERSION, BatchStats, ImportReport

if TYPE_CHECKING:
    from .export import export_records


def __getattr__(name: str) -> Any:
    """``export_records`` is loaded when first asked for: ``anp-synth import`` (whose start-up
    is most of an unchanged re-run's time) never needs the exporter's modules."""
    if name == "export_records":
        from .export import export_records

        return export_records
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "DEFAULT_DB_URL",
    "REPORT_FORMAT_VERSION",
    "SCHEMA_HEAD",
    "BatchStats",
    "ImportReport",
    "export_records",
    "import_file",
    "import_generated",
    "import_records",
    "prepare_database",
    "redact",
]
