"""The importer's database side: tables, migrations, per-dialect backends, ledger and report."""

from __future__ import annotations
