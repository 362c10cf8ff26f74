"""SQLite backend: one ``BEGIN IMMEDIATE`` transaction per batch, ``executemany`` inserts.

The pragmas (WAL, synchronous=NORMAL, 64 MiB cache, in-memory temp store) are set on every
connection; :data:`anp_synth.db.connect.SQLITE_PRAGMAS` says why each one. A batch first
looks up which of its references exist (one indexed probe per 500 references), then inserts
only the new rows: SQLite has no COPY, and filtering in Python costs less than letting
``INSERT OR IGNORE`` fail row by row on the children's keys.
"""

from __future__ import annotations

import contextlib
import sqlite3
import time
from typing import Any

from sqlalchemy.dialects import sqlite as sqlite_dialect
from sqlalchemy.engine import URL
from sqlalchemy.schema import CreateIndex

from ..errors import DatabaseError
from . import tables
from .backend import BatchOutcome, TransientError
from .connect import SQLITE_PRAGMAS, redact
from .encode import EncodedBatch, Row

_PROBE_CHUNK = 500
_BUILD_CACHE_KIB = -16384
_DIALECT = sqlite_dialect.dialect()
_SECONDARY_INDEXES = sorted((ix for t in tables.OWNED_TABLES for ix in t.indexes), key=lambda ix: str(ix.name))


def _insert_sql(table_name: str) -> str:
    columns = tables.metadata.tables[table_name].columns
    names = ", ".join(c.name for c in columns)
    marks = ", ".join("?" for _ in columns)
    return f"INSERT INTO {table_name} ({names}) VALUES ({marks})"


_INSERT = {t.name: _insert_sql(t.name) for t in (tables.articles, *tables.CHILD_TABLES, tables.import_ledger)}
_UPDATE_ARTICLE = (
    "UPDATE anp_articles SET "
    + ", ".join(f"{c.name} = ?" for c in tables.articles.columns if c.name != "reference")
    + " WHERE reference = ?"
)


class SqliteBackend:
    dialect = "sqlite"

    def __init__(self, url: URL) -> None:
        self.url = url
        if not url.database:
            raise DatabaseError(f"{redact(url)}: give SQLite a file (sqlite:///path.db), not memory")
        self.path = url.database
        self.conn = self._connect()

    def _connect(self) -> sqlite3.Connection:
        try:
            conn = sqlite3.connect(self.path, isolation_level=None, timeout=30)
            for name, value in SQLITE_PRAGMAS:
                conn.execute(f"PRAGMA {name}={value}")
        except sqlite3.Error as exc:
            raise DatabaseError(f"cannot open {redact(self.url)}: {exc}") from None
        return conn

    def server_version(self) -> str:
        return f"SQLite {sqlite3.sqlite_version}"

    def ledger_keys(self) -> set[str]:
        return {str(r[0]) for r in self.conn.execute("SELECT batch_key FROM anp_import_ledger")}

    def begin_load(self) -> bool:
        """Into empty tables, drop the secondary indexes: :meth:`finish_load` builds each once, sorted.

        Maintaining them row by row costs a first load about half its write time, and every
        batch's commit rewrites the index pages it touched. Only anp-synth's own ``ix_anp_*``
        indexes, and only while ``anp_articles`` is empty (checked in the same transaction).
        A load killed before the end leaves them missing; the next import or
        ``anp-synth db upgrade`` creates them again.
        """
        cur = self.conn.cursor()
        try:
            cur.execute("BEGIN IMMEDIATE")
            if cur.execute("SELECT 1 FROM anp_articles LIMIT 1").fetchone() is not None:
                cur.execute("ROLLBACK")
                return False
            for index in _SECONDARY_INDEXES:
                cur.execute(f"DROP INDEX IF EXISTS {index.name}")
            cur.execute("COMMIT")
            return True
        except sqlite3.Error as exc:
            if self.conn.in_transaction:
                cur.execute("ROLLBACK")
            raise DatabaseError(f"writing to {redact(self.url)}: {exc}") from None
        finally:
            cur.close()

    def finish_load(self, version: int) -> None:
        """Create any secondary index of schema ``version`` that is missing (a no-op when all are there)."""
        try:
            # The sorter that builds an index keeps up to cache_size in memory before spilling
            # to a temporary file; a smaller cache during the build keeps the peak where the
            # load itself left it, however many rows there are to sort.
            self.conn.execute(f"PRAGMA cache_size={_BUILD_CACHE_KIB}")
            for index in _SECONDARY_INDEXES:
                if index.info.get("since", 1) > version:
                    continue
                self.conn.execute(str(CreateIndex(index, if_not_exists=True).compile(dialect=_DIALECT)))
            self.conn.execute(f"PRAGMA cache_size={dict(SQLITE_PRAGMAS)['cache_size']}")
        except sqlite3.Error as exc:
            raise DatabaseError(f"indexing {redact(self.url)}: {exc}") from None

    def reconnect(self) -> None:
        self.close()
        self.conn = self._connect()

    def close(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            # Leave a compact file: copy the WAL back and truncate it (skipped if readers hold it).
            self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        with contextlib.suppress(sqlite3.Error):
            self.conn.close()

    def write(self, batch: EncodedBatch, entry: dict[str, Any], on_conflict: str) -> BatchOutcome | None:
        cur = self.conn.cursor()
        try:
            cur.execute("BEGIN IMMEDIATE")
            try:
                outcome = self._write(cur, batch, entry, on_conflict)
                if outcome is None:
                    cur.execute("ROLLBACK")
                    return None
                t0 = time.perf_counter()
                cur.execute("COMMIT")
                outcome.write_s += time.perf_counter() - t0
                return outcome
            except BaseException:
                if self.conn.in_transaction:
                    cur.execute("ROLLBACK")
                raise
        except sqlite3.OperationalError as exc:
            if "locked" in str(exc) or "busy" in str(exc):
                raise TransientError(str(exc)) from None
            raise DatabaseError(f"writing to {redact(self.url)}: {exc}") from None
        except sqlite3.Error as exc:
            raise DatabaseError(f"writing to {redact(self.url)}: {exc}") from None
        finally:
            cur.close()

    def _write(
        self, cur: sqlite3.Cursor, batch: EncodedBatch, entry: dict[str, Any], on_conflict: str
    ) -> BatchOutcome | None:
        t0 = time.perf_counter()
        if cur.execute("SELECT 1 FROM anp_import_ledger WHERE batch_key = ?", (entry["batch_key"],)).fetchone():
            return None
        existing = self._existing(cur, [r[1] for r in batch.articles])
        outcome = BatchOutcome()
        children: dict[str, list[Row]] = {t.name: batch.rows_for(t.name) for t in tables.CHILD_TABLES}
        new_articles = batch.articles
        if existing:
            t1 = time.perf_counter()
            new_articles = [r for r in batch.articles if r[1] not in existing]
            changed = [r for r in batch.articles if r[1] in existing and existing[r[1]][1] != r[7]]
            keep = {r[0] for r in new_articles}
            if on_conflict == "update" and changed:
                old_ids = [(existing[r[1]][0],) for r in changed]
                for table in tables.CHILD_TABLES:
                    cur.executemany(f"DELETE FROM {table.name} WHERE article_id = ?", old_ids)
                cur.executemany(_UPDATE_ARTICLE, [(*r[:1], *r[2:], r[1]) for r in changed])
                keep.update(r[0] for r in changed)
                outcome.updated = len(changed)
            else:
                outcome.changed = len(changed)
            children = {name: [r for r in rows if r[0] in keep] for name, rows in children.items()}
            outcome.skipped = len(batch.articles) - len(new_articles) - outcome.updated
            outcome.merge_s += time.perf_counter() - t1
        if new_articles:
            cur.executemany(_INSERT["anp_articles"], new_articles)
        for name, rows in children.items():
            if rows:
                cur.executemany(_INSERT[name], rows)
        outcome.inserted = len(new_articles)
        ledger = dict(entry)
        ledger.update(
            rows_inserted=outcome.inserted,
            rows_updated=outcome.updated,
            rows_skipped=ledger["rows_skipped"] + outcome.skipped,
        )
        cur.execute(_INSERT["anp_import_ledger"], tuple(ledger[c.name] for c in tables.import_ledger.columns))
        outcome.write_s += time.perf_counter() - t0 - outcome.merge_s
        return outcome

    @staticmethod
    def _existing(cur: sqlite3.Cursor, references: list[str]) -> dict[str, tuple[int, str]]:
        found: dict[str, tuple[int, str]] = {}
        for i in range(0, len(references), _PROBE_CHUNK):
            chunk = references[i : i + _PROBE_CHUNK]
            marks = ",".join("?" * len(chunk))
            sql = f"SELECT reference, id, hash FROM anp_articles WHERE reference IN ({marks})"
            for ref, aid, digest in cur.execute(sql, chunk):
                found[ref] = (aid, digest)
        return found
