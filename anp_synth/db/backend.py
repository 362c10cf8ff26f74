"""What the importer needs from a database, whatever its dialect.

A backend writes one encoded batch and its ledger entry in one transaction and says what
happened to each row. The importer owns batching, retries and the report; the backend
owns SQL. Both dialects follow the same conflict policy:

- a row whose reference is new is inserted with its children;
- a row whose reference exists with the same ``hash`` is skipped (unchanged);
- a row whose reference exists with a different ``hash`` is skipped under
  ``on_conflict="skip"`` (and counted as *changed*), or, under ``on_conflict="update"``,
  its article row is rewritten and its post-meta, entities and similar posts replaced.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

from .encode import EncodedBatch

ON_CONFLICT = ("skip", "update")


@dataclass
class BatchOutcome:
    """Counts and timings of one committed batch."""

    inserted: int = 0
    updated: int = 0
    skipped: int = 0
    changed: int = 0
    """Skipped rows whose content differs from the stored row (only with on_conflict="skip")."""
    write_s: float = 0.0
    merge_s: float = 0.0
    staged: bool = False


class TransientError(Exception):
    """The connection went away; the batch did not commit (or its commit is unknown): retry it."""


class Backend(Protocol):
    dialect: str

    def server_version(self) -> str: ...

    def ledger_keys(self) -> set[str]: ...

    def write(self, batch: EncodedBatch, entry: dict[str, Any], on_conflict: str) -> BatchOutcome | None:
        """Write the batch and ``entry`` into the ledger atomically; None if the ledger already has it."""
        ...

    def begin_load(self) -> bool:
        """Prepare a load (e.g. defer index maintenance on empty tables); True if something was deferred."""
        ...

    def finish_load(self, version: int) -> None:
        """Undo what :meth:`begin_load` deferred (for schema ``version``); safe to call when nothing was."""
        ...

    def reconnect(self) -> None: ...

    def close(self) -> None: ...
