"""What an import did, as data (``--report FILE.json``) and as the text printed at the end.

The JSON carries its own ``format_version``; a reader must refuse a version it does not know.
Time is split by stage: ``read_generate`` (reading and parsing input, or generating it),
``encode`` (records to rows), ``write`` (inserts or COPY, and the commit) and ``merge``
(resolving rows that already exist). With ``workers`` > 1, reading and encoding run in the
worker processes at the same time as writing, so those two figures are the workers' summed
busy time and the stages add up to more than ``elapsed``.
"""

from __future__ import annotations

import json
import platform
from dataclasses import asdict, dataclass, field
from typing import Any

from ..dburl import redact

REPORT_FORMAT_VERSION = 1


@dataclass(frozen=True)
class BatchStats:
    """One batch, as handed to ``on_batch`` right after it committed (or was found in the ledger)."""

    batch_no: int
    rows: int
    inserted: int
    updated: int
    skipped: int
    rejected: int
    from_ledger: bool
    first_seed: int | None
    last_seed: int | None
    first_line: int | None
    last_line: int | None
    total_read: int
    total_inserted: int
    elapsed_s: float
    """Seconds since the import started."""


@dataclass
class Timings:
    read_generate: float = 0.0
    encode: float = 0.0
    write: float = 0.0
    merge: float = 0.0


@dataclass
class ImportReport:
    """Counts, timings and metadata of one import run."""

    tool_version: str
    db_url: str
    dialect: str
    server_version: str
    schema_version: int
    source: str
    batch_size: int
    workers: int
    on_error: str
    on_conflict: str
    profile: str | None = None
    seed_first: int | None = None
    seed_last: int | None = None
    rows_read: int = 0
    inserted: int = 0
    updated: int = 0
    skipped: int = 0
    changed: int = 0
    """Of the skipped rows, those whose stored content differs (on_conflict="skip" kept the old)."""
    other_version: int = 0
    """Stored articles of the same (seed, profile) written by another generator version:
    kept under on_conflict="skip" (not counted as skipped), replaced under "update" (also counted as updated)."""
    rejected: int = 0
    batches: int = 0
    """Batches committed by this run."""
    batches_in_ledger: int = 0
    """Batches found already committed (by an earlier or interrupted run) and not redone."""
    batches_by_other_run: int = 0
    """Batches another importer running at the same time committed first (found in the ledger on writing)."""
    resumed_at: str | None = None
    """Where the first batch this run had to write starts, when earlier batches were in the ledger."""
    unchanged_since: str | None = None
    """When the file was found unchanged since a complete import of it (that import's UTC time):
    every batch was counted as in the ledger without reading the file (see ``anp_synth.db.unchanged``)."""
    bytes_read: int = 0
    elapsed_s: float = 0.0
    retries: int = 0
    """Retries of all kinds; the next three say why."""
    lock_waits: int = 0
    """Lock (PostgreSQL lock_timeout) or busy (SQLite) timeouts: another session held what a batch needed."""
    deadlocks: int = 0
    connections_lost: int = 0
    rejects_path: str | None = None
    status: str = "complete"
    error: str | None = None
    timings: Timings = field(default_factory=Timings)
    started_at: str = ""
    python: str = field(default_factory=platform.python_version)
    tuning: str = ""
    """Why the batch size and workers are what they are (chosen for the machine and input, or given)."""
    jobs: int = 1
    """Writer connections (PostgreSQL ``--jobs``); batches may commit out of input order when > 1."""

    def __post_init__(self) -> None:
        # Reports are shared: whatever URL the caller gave, only its redacted form is kept.
        self.db_url = redact(self.db_url)

    @property
    def rows_per_s(self) -> float:
        return self.rows_read / self.elapsed_s if self.elapsed_s > 0 else 0.0

    @property
    def mb_per_s(self) -> float:
        return self.bytes_read / 1e6 / self.elapsed_s if self.elapsed_s > 0 else 0.0

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["db_url"] = redact(self.db_url)
        data["timings"] = {k: round(v, 4) for k, v in data["timings"].items()}
        data["elapsed_s"] = round(self.elapsed_s, 4)
        data["rows_per_s"] = round(self.rows_per_s, 1)
        data["mb_per_s"] = round(self.mb_per_s, 3)
        return {"format_version": REPORT_FORMAT_VERSION, "kind": "anp-synth import report", **data}

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), indent=2, sort_keys=True) + "\n"

    def format_text(self) -> str:
        """The summary printed when an import ends: a few lines of ``key value`` pairs, easy to grep."""
        t = self.timings
        lines = [
            f"import {self.status}: {self.source} -> {redact(self.db_url)} ({self.server_version}, schema v{self.schema_version})",
            f"  rows      read {self.rows_read}  inserted {self.inserted}  updated {self.updated}  "
            f"skipped {self.skipped}  rejected {self.rejected}",
            f"  batches   committed {self.batches}  already in ledger {self.batches_in_ledger}  "
            f"batch size {self.batch_size}  workers {self.workers}  jobs {self.jobs}",
            f"  speed     elapsed {self.elapsed_s:.2f} s  {self.rows_per_s:.0f} rows/s  {self.mb_per_s:.2f} MB/s",
            f"  time      read/generate {t.read_generate:.2f} s  encode {t.encode:.2f} s  "
            f"write {t.write:.2f} s  merge {t.merge:.2f} s",
        ]
        if self.tuning:
            lines.insert(3, f"  settings  {self.tuning}")
        if self.changed:
            lines.append(
                f"  note      {self.changed} skipped rows differ from the stored ones; "
                "--on-conflict update would replace them"
            )
        if self.other_version:
            kept = "replaced" if self.on_conflict == "update" else "kept; --on-conflict update would replace them"
            lines.append(f"  other version  {self.other_version} stored articles of another generator version ({kept})")
        if self.batches_by_other_run:
            lines.append(f"  concurrent     {self.batches_by_other_run} batches already committed by another run")
        if self.resumed_at:
            lines.append(f"  resumed   at {self.resumed_at}")
        if self.unchanged_since:
            lines.append(
                f"  unchanged since its complete import at {self.unchanged_since}: not read (--reread reads it)"
            )
        if self.retries or self.lock_waits or self.deadlocks or self.connections_lost:
            lines.append(
                f"  retries   {self.retries}  lock waits {self.lock_waits}  deadlocks {self.deadlocks}  "
                f"connections lost {self.connections_lost}"
            )
        if self.rejects_path:
            lines.append(f"  rejects   {self.rejects_path}")
        if self.error:
            lines.append(f"  error     {self.error}")
        return "\n".join(lines)
