"""What the importer needs from a database, whatever its dialect.

A backend writes one encoded batch and its ledger entry in one transaction and says what
happened to each row. The importer owns batching, retries and the report; the backend
owns SQL. Both dialects follow one conflict policy, decided by :func:`plan_batch` from a
single probe per batch (every stored row holding one of the batch's references *or* ids):

- a record whose reference and id are both free is inserted with its children;
- a record whose reference is held by a row of another (seed, profile), or whose id is held
  by a row with another reference (of the same generator version), is a *conflict*: a
  different article, never merged whatever ``on_conflict`` says; the importer rejects it
  (``--on-error skip``) or stops (``abort``);
- a record whose (seed, profile) is stored by another generator version is the same article
  in another version: kept and counted as ``other_version`` under ``on_conflict="skip"``,
  replaced (row and children) under ``"update"``;
- a record of the same article (same id and reference, same version) with the same ``hash``
  is skipped under ``"skip"``; with another ``hash`` it is skipped and counted as *changed*.
  Under ``"update"`` the stored row and its children are compared with the record itself
  (not only the stored hash), so a row edited by hand is repaired and counted as updated.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple, Protocol

from . import tables
from .encode import EncodedBatch, Row

ON_CONFLICT = ("skip", "update")

PROBE_COLUMNS = ("id", "reference", "seed", "profile", "generator_version", "hash")
"""What the one probe per batch reads of every stored row holding a batch's reference or id."""


class Stored(NamedTuple):
    id: int
    reference: str
    seed: int
    profile: str
    generator_version: str
    hash: str


class Conflict(NamedTuple):
    position: int
    """Position of the record in the batch's ``articles``."""
    reason: str


@dataclass
class BatchOutcome:
    """Counts and timings of one committed batch (or of one another run had committed)."""

    inserted: int = 0
    updated: int = 0
    skipped: int = 0
    changed: int = 0
    """Skipped rows whose content differs from the stored row (only with on_conflict="skip")."""
    other_version: int = 0
    """Rows whose stored article was written by another generator version (kept or replaced)."""
    conflicts: int = 0
    """Records rejected because their reference or id is held by a different article."""
    write_s: float = 0.0
    merge_s: float = 0.0
    staged: bool = False
    committed_by: str | None = None
    """Set when the ledger already held the batch: the run id that committed it (nothing written now)."""
    committed_batch_no: int | None = None


class TransientError(Exception):
    """The batch did not commit (or its commit is unknown) for a reason that may pass: retry it.

    ``kind`` says which, so the report counts each under its own name: ``"connection"``
    (lost, refused, server restarting), ``"lock"`` (a lock or busy timeout: another session
    holds what the batch needs) or ``"deadlock"``.
    """

    def __init__(self, message: str, kind: str = "connection") -> None:
        super().__init__(message)
        self.kind = kind


OnConflicts = Callable[[list[Conflict]], None]
"""Called inside the batch's transaction, before the commit, with the batch's conflicts
(possibly none): the importer writes them as rejects, or raises to roll the batch back."""


@dataclass
class Plan:
    """What to do with each record of a batch, from one probe of the stored rows."""

    insert: list[int] = field(default_factory=list)
    replace: list[int] = field(default_factory=list)
    """Records that replace the stored row of the same id (another version, or changed content)."""
    compare: list[int] = field(default_factory=list)
    """Update mode: same article, same hash; replaced only if the stored rows differ from the record."""
    conflicts: list[Conflict] = field(default_factory=list)
    skipped: int = 0
    changed: int = 0
    other_version: int = 0


def plan_batch(articles: Sequence[Row], stored: Iterable[Sequence[Any]], on_conflict: str) -> Plan:
    """Sort a batch's article rows (see this module's docstring); ``stored`` rows are in PROBE_COLUMNS order."""
    by_ref: dict[str, Stored] = {}
    by_id: dict[int, Stored] = {}
    for raw in stored:
        row = Stored(int(raw[0]), str(raw[1]), int(raw[2]), str(raw[3]), str(raw[4]), str(raw[5]))
        by_ref[row.reference] = row
        by_id[row.id] = row
    plan = Plan()
    for i, r in enumerate(articles):
        aid, ref, seed, profile, version, digest = r[0], r[1], r[2], r[3], r[5], r[7]
        held = by_ref.get(ref)
        same_id = by_id.get(aid)
        if held is not None and (held.seed, held.profile) != (seed, profile):
            plan.conflicts.append(Conflict(i, f"reference {ref} held by seed {held.seed} profile {held.profile}"))
        elif same_id is None:
            plan.insert.append(i)
        elif same_id.generator_version != version:
            plan.other_version += 1
            if on_conflict == "update":
                plan.replace.append(i)
        elif same_id.reference != ref:
            plan.conflicts.append(Conflict(i, f"id {aid} (seed {seed} profile {profile}) held by reference "
                                              f"{same_id.reference}"))  # fmt: skip
        elif same_id.hash != digest:
            if on_conflict == "update":
                plan.replace.append(i)
            else:
                plan.skipped += 1
                plan.changed += 1
        elif on_conflict == "update":
            plan.compare.append(i)
        else:
            plan.skipped += 1
    return plan


def ledger_outcome(found: Sequence[Any]) -> BatchOutcome:
    """The outcome of a batch the ledger already holds: (run_id, batch_no, inserted, updated, skipped, rejected).

    ``conflicts`` then holds the batch's rejects of every kind, as the ledger counted them.
    """
    return BatchOutcome(
        inserted=int(found[2]), updated=int(found[3]), skipped=int(found[4]), conflicts=int(found[5]),
        committed_by=str(found[0]), committed_batch_no=int(found[1]),
    )  # fmt: skip


def ledger_row(entry: Mapping[str, Any], outcome: BatchOutcome, on_conflict: str) -> dict[str, Any]:
    """The ledger row of a batch just written: ``entry`` (counted before writing: the rows
    skipped and rejected while reading) plus what the write did.

    An article of another generator version kept under ``on_conflict="skip"`` is not in
    ``outcome.skipped`` (the report counts it apart), but the ledger has no column of its own
    for it: there it is skipped. One function for both backends, so that they keep the same count.
    """
    ledger = dict(entry)
    ledger.update(
        rows_inserted=outcome.inserted,
        rows_updated=outcome.updated,
        rows_skipped=ledger["rows_skipped"] + outcome.skipped + (outcome.other_version if on_conflict == "skip" else 0),
        rows_rejected=ledger["rows_rejected"] + outcome.conflicts,
    )
    return ledger


def _normal(value: Any) -> Any:
    # PostgreSQL returns DATE as a date, SQLite as the text it was given; booleans compare equal to 0/1.
    return value.isoformat() if isinstance(value, dt.date) else value


def differing(
    batch: EncodedBatch,
    indexes: Sequence[int],
    stored_articles: Iterable[Sequence[Any]],
    stored_children: Mapping[str, Iterable[Sequence[Any]]],
) -> list[int]:
    """Of the batch's records at ``indexes``, those whose stored article or child rows differ from them.

    ``stored_articles`` are full rows in column order; ``stored_children`` every child row of
    those articles, by table name. Child rows are compared as sets (their order in the table
    is the primary key's, not the record's).
    """
    wanted = {batch.articles[i][0]: i for i in indexes}
    stored = {int(r[0]): tuple(_normal(v) for v in r) for r in stored_articles}
    differ = {aid for aid, i in wanted.items() if stored.get(aid) != tuple(batch.articles[i])}
    for table in tables.CHILD_TABLES:
        mine: dict[int, set[tuple[Any, ...]]] = {}
        for row in batch.rows_for(table.name):
            if row[0] in wanted:
                mine.setdefault(row[0], set()).add(tuple(row))
        theirs: dict[int, set[tuple[Any, ...]]] = {}
        for child in stored_children.get(table.name, ()):
            theirs.setdefault(int(child[0]), set()).add(tuple(_normal(v) for v in child))
        differ.update(aid for aid in wanted if mine.get(aid, set()) != theirs.get(aid, set()))
    return sorted(wanted[aid] for aid in differ)


def keep_rows(batch: EncodedBatch, indexes: Iterable[int]) -> EncodedBatch:
    """A batch holding only the records at ``indexes`` (and their children)."""
    keep = sorted(set(indexes))
    out = EncodedBatch(articles=[batch.articles[i] for i in keep], nbytes=batch.nbytes)
    ids = {batch.articles[i][0] for i in keep}
    out.post_meta = [r for r in batch.post_meta if r[0] in ids]
    out.entities = [r for r in batch.entities if r[0] in ids]
    out.similar_posts = [r for r in batch.similar_posts if r[0] in ids]
    return out


class Backend(Protocol):
    dialect: str

    def server_version(self) -> str: ...

    def ledger_keys(self) -> set[str]: ...

    def ledger_entry(self, key: str) -> dict[str, Any] | None:
        """The ledger row of ``key``, by column name (None when there is none)."""
        ...

    def write(
        self, batch: EncodedBatch, entry: dict[str, Any], on_conflict: str, on_conflicts: OnConflicts
    ) -> BatchOutcome:
        """Write the batch and ``entry`` into the ledger atomically.

        If the ledger already has the batch, nothing is written and the outcome's
        ``committed_by`` names the run that committed it (with that run's counts).
        """
        ...

    def begin_load(self) -> bool:
        """Prepare a load (e.g. defer index maintenance on empty tables); True if something was deferred."""
        ...

    def finish_load(self, version: int) -> None:
        """Undo what :meth:`begin_load` deferred (for schema ``version``); safe to call when nothing was."""
        ...

    def checkpoint(self) -> None:
        """Leave the database compact and durable at the end of an import (DatabaseError if it cannot)."""
        ...

    def reconnect(self) -> None: ...

    def close(self) -> None: ...
