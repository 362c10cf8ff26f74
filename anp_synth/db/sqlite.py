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
from .backend import (
    PROBE_COLUMNS,
    BatchOutcome,
    Conflict,
    OnConflicts,
    TransientError,
    differing,
    keep_rows,
    ledger_outcome,
    ledger_row,
    plan_batch,
)
from .connect import SQLITE_PRAGMAS, redact
from .encode import EncodedBatch

_PROBE_CHUNK = 500
_BUILD_CACHE_KIB = -16384
_DIALECT = sqlite_dialect.dialect()
_SECONDARY_INDEXES = sorted((ix for t in tables.OWNED_TABLES for ix in t.indexes), key=lambda ix: str(ix.name))


def _error(exc: sqlite3.Error, doing: str, url: URL) -> Exception:
    """What a driver error becomes: a locked or busy database is a TransientError (another
    writer or a checkpoint held it past the busy timeout: the importer waits and retries);
    anything else a DatabaseError naming what was being done, and where."""
    if isinstance(exc, sqlite3.OperationalError) and ("locked" in str(exc) or "busy" in str(exc)):
        return TransientError(str(exc), kind="lock")
    return DatabaseError(f"{doing} {redact(url)}: {exc}")


def _insert_sql(table_name: str) -> str:
    columns = tables.metadata.tables[table_name].columns
    names = ", ".join(c.name for c in columns)
    marks = ", ".join("?" for _ in columns)
    return f"INSERT INTO {table_name} ({names}) VALUES ({marks})"


_INSERT = {t.name: _insert_sql(t.name) for t in (tables.articles, *tables.CHILD_TABLES, tables.import_ledger)}
_UPDATE_ARTICLE = (
    "UPDATE anp_articles SET "
    + ", ".join(f"{c.name} = ?" for c in tables.articles.columns if c.name != "id")
    + " WHERE id = ?"
)
POST_META_FROM_JSON = """
INSERT INTO anp_post_meta (article_id, meta_key, position, meta_value)
SELECT ?1, t.key || coalesce('.' || s.key, ''), coalesce(CASE WHEN t.type = 'array' THEN e.key END, 0),
       CASE coalesce(s.type, e.type, t.type) WHEN 'true' THEN '1' WHEN 'false' THEN '0'
            ELSE CAST(coalesce(s.atom, e.atom, t.atom) AS TEXT) END
FROM json_each(json_extract(?2, '$.meta')) AS t
LEFT JOIN json_each(CASE WHEN t.type = 'array' THEN t.value END) AS e
LEFT JOIN json_each(CASE WHEN t.type = 'object' THEN t.value WHEN e.type = 'object' THEN e.value END) AS s
WHERE coalesce(s.type, e.type, t.type) NOT IN ('object', 'array')
"""
"""One article's post-meta rows, exploded from its canonical JSON line by SQLite itself.

The rule of :func:`anp_synth.db.encode.flatten_meta`, in SQL: a scalar is one row at
position 0; a list one row per element at its index; an object's fields (or a list of
objects' fields, at the element's index) dotted keys; booleans ``1``/``0``, integers in
decimal; an empty list or object no row. The three nested ``json_each`` depend on each
other, so SQLite walks them in document order: the rows come out in the order Python
flattens them. Used only for lines proven canonical and free of NUL (see
:class:`~anp_synth.db.encode.EncodedBatch`), where SQLite's and Python's JSON agree.
Measured: a third less time than flattening in Python and ``executemany`` of the rows,
and a worker process sends one string an article instead of ~52 tuples."""
_CHECKPOINT = "PRAGMA wal_checkpoint(TRUNCATE)"
_LEDGER_PROBE = "SELECT run_id, batch_no, rows_inserted, rows_updated, rows_skipped, rows_rejected FROM anp_import_ledger WHERE batch_key = ?"


def _has_json(conn: sqlite3.Connection) -> bool:
    try:
        conn.execute("SELECT json_extract('{\"a\":1}', '$.a'), (SELECT count(*) FROM json_each('[1]'))").fetchall()
    except sqlite3.OperationalError:
        return False
    return True


class SqliteBackend:
    dialect = "sqlite"

    def __init__(self, url: URL) -> None:
        self.url = url
        if not url.database:
            raise DatabaseError(f"{redact(url)}: give SQLite a file (sqlite:///path.db), not memory")
        self.path = url.database
        self.conn = self._connect()
        self.json = _has_json(self.conn)
        """Whether this SQLite has the JSON functions (built in since 3.38, an option before):
        without them, pending post-meta is flattened in Python, as it was before."""

    def _connect(self) -> sqlite3.Connection:
        try:
            conn = sqlite3.connect(self.path, isolation_level=None, timeout=30)
            for name, value in SQLITE_PRAGMAS:
                conn.execute(f"PRAGMA {name}={value}")
        except sqlite3.Error as exc:
            raise _error(exc, "cannot open", self.url) from None
        return conn

    def server_version(self) -> str:
        from .. import dbserver

        return dbserver.sqlite_version()

    def ledger_keys(self) -> set[str]:
        try:
            return {str(r[0]) for r in self.conn.execute("SELECT batch_key FROM anp_import_ledger")}
        except sqlite3.OperationalError as exc:
            raise _error(exc, "reading", self.url) from None

    def ledger_entry(self, key: str) -> dict[str, Any] | None:
        try:
            cur = self.conn.execute("SELECT * FROM anp_import_ledger WHERE batch_key = ?", (key,))
            row = cur.fetchone()
        except sqlite3.OperationalError as exc:
            raise _error(exc, "reading", self.url) from None
        return None if row is None else dict(zip([d[0] for d in cur.description], row, strict=True))

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
            raise _error(exc, "writing to", self.url) from None
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

    def checkpoint(self) -> None:
        """Copy the WAL back into the database file and truncate it: leave a compact file.

        Readers holding the WAL make SQLite skip the truncation (it reports "busy"): that is
        not an error, the next checkpoint finishes it. A checkpoint that fails (disk full,
        I/O error) is: the import must not call itself complete while a WAL of the whole
        load is left beside the file.
        """
        try:
            self.conn.execute(_CHECKPOINT).fetchall()
        except sqlite3.Error as exc:
            raise DatabaseError(
                f"checkpointing {redact(self.url)}: {exc} (every committed batch is kept in the WAL file; "
                "free space and run the same import again)"
            ) from None

    def close(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            self.conn.close()

    def write(
        self, batch: EncodedBatch, entry: dict[str, Any], on_conflict: str, on_conflicts: OnConflicts
    ) -> BatchOutcome:
        cur = self.conn.cursor()
        try:
            cur.execute("BEGIN IMMEDIATE")
            try:
                outcome = self._write(cur, batch, entry, on_conflict, on_conflicts)
                if outcome.committed_by is not None:
                    cur.execute("ROLLBACK")
                    return outcome
                t0 = time.perf_counter()
                cur.execute("COMMIT")
                outcome.write_s += time.perf_counter() - t0
                return outcome
            except BaseException:
                if self.conn.in_transaction:
                    cur.execute("ROLLBACK")
                raise
        except sqlite3.Error as exc:
            raise _error(exc, "writing to", self.url) from None
        finally:
            cur.close()

    def _write(
        self,
        cur: sqlite3.Cursor,
        batch: EncodedBatch,
        entry: dict[str, Any],
        on_conflict: str,
        on_conflicts: OnConflicts,
    ) -> BatchOutcome:
        t0 = time.perf_counter()
        found = cur.execute(_LEDGER_PROBE, (entry["batch_key"],)).fetchone()
        if found:
            return ledger_outcome(found)
        stored = self._probe(cur, batch)
        outcome = BatchOutcome()
        if not stored:
            writes = batch
            conflicts: list[Conflict] = []
        else:
            t1 = time.perf_counter()
            plan = plan_batch(batch.articles, stored, on_conflict)
            conflicts = plan.conflicts
            replace = plan.replace
            if plan.compare:
                replace = sorted(replace + self._differing(cur, batch, plan.compare))
            if replace:
                old_ids = [(batch.articles[i][0],) for i in replace]
                for table in tables.CHILD_TABLES:
                    cur.executemany(f"DELETE FROM {table.name} WHERE article_id = ?", old_ids)
                cur.executemany(_UPDATE_ARTICLE, [(*batch.articles[i][1:], batch.articles[i][0]) for i in replace])
            outcome.updated = len(replace)
            outcome.changed = plan.changed
            outcome.other_version = plan.other_version
            outcome.conflicts = len(conflicts)
            writes = keep_rows(batch, plan.insert + replace)
            outcome.skipped = len(batch.articles) - len(plan.insert) - len(replace) - len(conflicts)
            outcome.merge_s += time.perf_counter() - t1
            if on_conflict == "skip":
                outcome.skipped -= plan.other_version
            writes.articles = [batch.articles[i] for i in plan.insert]
        on_conflicts(conflicts)
        if writes.articles:
            cur.executemany(_INSERT["anp_articles"], writes.articles)
        for table in tables.CHILD_TABLES:
            if table is tables.post_meta and writes.pending_meta and self.json:
                cur.executemany(POST_META_FROM_JSON, [(p.article_id, p.line) for p in writes.pending_meta])
                continue
            rows = writes.rows_for(table.name)
            if rows:
                cur.executemany(_INSERT[table.name], rows)
        outcome.inserted = len(writes.articles)
        ledger = ledger_row(entry, outcome, on_conflict)
        cur.execute(_INSERT["anp_import_ledger"], tuple(ledger[c.name] for c in tables.import_ledger.columns))
        outcome.write_s += time.perf_counter() - t0 - outcome.merge_s
        return outcome

    @staticmethod
    def _probe(cur: sqlite3.Cursor, batch: EncodedBatch) -> list[tuple[Any, ...]]:
        """Every stored row holding one of the batch's references or ids (PROBE_COLUMNS), one query per chunk."""
        found: dict[int, tuple[Any, ...]] = {}
        refs = [r[1] for r in batch.articles]
        ids = [r[0] for r in batch.articles]
        for i in range(0, len(refs), _PROBE_CHUNK):
            rc, ic = refs[i : i + _PROBE_CHUNK], ids[i : i + _PROBE_CHUNK]
            sql = (
                f"SELECT {', '.join(PROBE_COLUMNS)} FROM anp_articles WHERE reference IN ({','.join('?' * len(rc))}) "
                f"UNION SELECT {', '.join(PROBE_COLUMNS)} FROM anp_articles WHERE id IN ({','.join('?' * len(ic))})"
            )
            for row in cur.execute(sql, [*rc, *ic]):
                found[row[0]] = row
        return list(found.values())

    @staticmethod
    def _differing(cur: sqlite3.Cursor, batch: EncodedBatch, indexes: list[int]) -> list[int]:
        ids = [batch.articles[i][0] for i in indexes]
        stored: list[tuple[Any, ...]] = []
        children: dict[str, list[tuple[Any, ...]]] = {t.name: [] for t in tables.CHILD_TABLES}
        for k in range(0, len(ids), _PROBE_CHUNK):
            chunk = ids[k : k + _PROBE_CHUNK]
            marks = ",".join("?" * len(chunk))
            stored.extend(cur.execute(f"SELECT * FROM anp_articles WHERE id IN ({marks})", chunk))
            for table in tables.CHILD_TABLES:
                children[table.name].extend(
                    cur.execute(f"SELECT * FROM {table.name} WHERE article_id IN ({marks})", chunk)
                )
        return differing(batch, indexes, stored, children)
