"""Which references and (seed, profile) pairs one import run has met so far, across batches.

The rule for a reference met twice in one input (the first occurrence in input order wins;
a later one with the same content is skipped, with other content it is a reject naming the
first's line) must not depend on where the batch boundaries fall. Within a batch
:mod:`.jobs` applies it; across batches the importer asks this index, in input order.

Memory: the index lives in a temporary SQLite file (deleted when the run ends) with a
bounded page cache (:data:`CACHE_KIB`), so the importer's memory stays flat whatever the
input size; the file takes about 100 bytes of disk per record. One probe per batch reads
the entries of the batch's references and ids, one ``executemany`` adds the batch's own.

It remembers what this run read. A resumed run does not read again the batches the ledger
already holds, so a later duplicate of one of their records is not caught here: it meets the
stored row in the database instead, where ``--on-conflict`` applies (``skip`` keeps the first,
counted as changed; ``update`` replaces it with the later one). Generated seeds never need
the index: references are unique by construction.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import tempfile
from collections.abc import Sequence
from typing import NamedTuple

CACHE_KIB = 8192
_CHUNK = 400


class Entry(NamedTuple):
    reference: str
    id: int
    hash: str
    line: int


class Seen(NamedTuple):
    position: int
    """Position of the later occurrence in the entries given to :meth:`SeenIndex.check`."""
    first_line: int
    same_content: bool
    other_reference: str | None
    """Set when the (seed, profile) was met under another reference."""
    first_hash: str | None
    """The content hash of the first occurrence of the reference (None for a (seed, profile) match)."""


class SeenIndex:
    def __init__(self) -> None:
        fd, self.path = tempfile.mkstemp(prefix="anp-synth-seen-", suffix=".db")
        os.close(fd)
        # Used by one thread at a time: the importer's writer thread on PostgreSQL, else the main one.
        self.conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        for pragma in ("journal_mode=OFF", "synchronous=OFF", f"cache_size=-{CACHE_KIB}", "temp_store=FILE"):
            self.conn.execute(f"PRAGMA {pragma}")
        self.conn.execute("CREATE TABLE refs (reference TEXT PRIMARY KEY, line INTEGER, hash TEXT) WITHOUT ROWID")
        self.conn.execute("CREATE TABLE ids (id INTEGER PRIMARY KEY, line INTEGER, reference TEXT)")

    def check_and_add(self, entries: Sequence[Entry]) -> list[Seen]:
        """The entries met before (in earlier calls), then remember the others; entries must be unique."""
        refs: dict[str, tuple[int, str]] = {}
        ids: dict[int, tuple[int, str]] = {}
        for i in range(0, len(entries), _CHUNK):
            chunk = entries[i : i + _CHUNK]
            marks = ",".join("?" * len(chunk))
            for ref, line, digest in self.conn.execute(
                f"SELECT reference, line, hash FROM refs WHERE reference IN ({marks})", [e.reference for e in chunk]
            ):
                refs[ref] = (line, digest)
            for aid, line, ref in self.conn.execute(
                f"SELECT id, line, reference FROM ids WHERE id IN ({marks})", [e.id for e in chunk]
            ):
                ids[aid] = (line, ref)
        seen: list[Seen] = []
        new: list[Entry] = []
        for i, e in enumerate(entries):
            if e.reference in refs:
                line, digest = refs[e.reference]
                seen.append(Seen(i, line, digest == e.hash, None, digest))
            elif e.id in ids:
                line, ref = ids[e.id]
                seen.append(Seen(i, line, False, ref, None))
            else:
                new.append(e)
        if new:
            self.conn.execute("BEGIN")
            self.conn.executemany("INSERT INTO refs VALUES (?, ?, ?)", [(e.reference, e.line, e.hash) for e in new])
            self.conn.executemany("INSERT INTO ids VALUES (?, ?, ?)", [(e.id, e.line, e.reference) for e in new])
            self.conn.execute("COMMIT")
        return seen

    def close(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            self.conn.close()
        with contextlib.suppress(OSError):
            os.unlink(self.path)
