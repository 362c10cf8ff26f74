"""PostgreSQL backend (psycopg 3): COPY into the tables, staging and merge where rows may overlap.

Per batch, in one transaction:

1. probe the stored rows holding one of the batch's references or ids (one query, two
   index lookups);
2. none: COPY (text format) straight into the four tables: the fast path of a first load;
3. some: sort the records by :func:`.backend.plan_batch` (conflicts go back to the importer
   before anything is written), COPY the records to write into temporary staging tables
   (``ON COMMIT DELETE ROWS``, never WAL-logged), replace the rows to replace (children
   deleted, article updated by id) and insert the new ones with ``INSERT ... SELECT ... ON
   CONFLICT DO NOTHING``; children are inserted only for the articles written;
4. insert the ledger row, commit.

If another importer inserts the same references between the probe and the COPY, the COPY
fails on the unique key, the transaction rolls back, and the batch is redone through
staging: the probe is an optimisation, never what correctness rests on.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Iterator
from typing import Any

import psycopg
from psycopg import errors as pg_errors
from sqlalchemy.engine import URL

from .. import dburl
from ..errors import DatabaseError
from . import indexes, tables
from .backend import (
    PROBE_COLUMNS,
    BatchOutcome,
    OnConflicts,
    TransientError,
    differing,
    keep_rows,
    ledger_outcome,
    ledger_row,
    plan_batch,
)
from .connect import redact, scrub
from .encode import EncodedBatch

_COLUMNS = {t.name: [c.name for c in t.columns] for t in tables.OWNED_TABLES}
_DATA_TABLES = (tables.articles, *tables.CHILD_TABLES)
_STAGE = {t.name: f"pg_temp.anp_stage_{t.name.removeprefix('anp_')}" for t in _DATA_TABLES}
"""Staging tables, always named with their schema: the session's own temporary schema. Unqualified,
a user's table of the same name earlier in the search path (``search_path=public,pg_temp``) would
receive the COPY and be read by the merge."""


def _copy_sql(target: str, table_name: str) -> str:
    return f"COPY {target} ({', '.join(_COLUMNS[table_name])}) FROM STDIN"


def conninfo(url: URL) -> dict[str, Any]:
    """psycopg connection arguments from a SQLAlchemy URL (query options such as search_path kept).

    :mod:`anp_synth.dburl` owns the translation: what the URL leaves out stays libpq's (PGPASSWORD...).
    """
    return dburl.of(url).psycopg_kwargs()


_ARTICLE_COLUMNS = ", ".join(_COLUMNS["anp_articles"])
_PROBE = f"SELECT {', '.join(PROBE_COLUMNS)} FROM anp_articles WHERE reference = ANY(%s) OR id = ANY(%s)"
_LEDGER_PROBE = (
    "SELECT run_id, batch_no, rows_inserted, rows_updated, rows_skipped, rows_rejected FROM anp_import_ledger "
    "WHERE batch_key = %s"
)
_INSERT_NEW = (
    f"INSERT INTO anp_articles ({_ARTICLE_COLUMNS}) SELECT {_ARTICLE_COLUMNS} FROM {_STAGE['anp_articles']} "
    "WHERE id = ANY(%s) ON CONFLICT DO NOTHING RETURNING id"
)
_REPLACE = (
    "UPDATE anp_articles a SET "
    + ", ".join(f"{c} = s.{c}" for c in _COLUMNS["anp_articles"] if c != "id")
    + f" FROM {_STAGE['anp_articles']} s WHERE a.id = s.id AND a.id = ANY(%s)"
)


def _transient(exc: psycopg.Error, url: URL) -> TransientError | None:
    """A TransientError of the right kind if ``exc`` may pass on a retry, else None."""
    text = str(exc).strip()
    first = scrub(text.splitlines()[0] if text else "", url)
    if isinstance(exc, pg_errors.LockNotAvailable):
        return TransientError(first or "lock timeout", kind="lock")
    if isinstance(exc, pg_errors.DeadlockDetected):
        return TransientError(first or "deadlock detected", kind="deadlock")
    if isinstance(exc, (psycopg.OperationalError, pg_errors.AdminShutdown, pg_errors.QueryCanceled)):
        return TransientError(first, kind="connection")
    return None


class PostgresBackend:
    dialect = "postgresql"

    def __init__(self, url: URL, *, lock_timeout_s: float = 30.0) -> None:
        self.url = url
        self.lock_timeout_s = lock_timeout_s
        self.conn = self._connect()

    def _connect(self) -> psycopg.Connection[Any]:
        try:
            # autocommit: every batch opens its own transaction() block, so nothing stays open between them.
            conn = psycopg.connect(**conninfo(self.url), autocommit=True)
            # A lock held by another session (a stopped importer, a long migration) turns into an
            # error after this long, which the importer reports and retries, instead of a silent wait.
            conn.execute("SELECT set_config('lock_timeout', %s, false)", (f"{int(self.lock_timeout_s * 1000)}ms",))
            return conn
        except psycopg.OperationalError as exc:
            raise TransientError(scrub(str(exc).strip(), self.url)) from None
        except psycopg.Error as exc:
            raise DatabaseError(f"cannot connect to {redact(self.url)}: {scrub(str(exc).strip(), self.url)}") from None

    def server_version(self) -> str:
        from .. import dbserver

        return dbserver.postgresql_version(lambda sql: (self.conn.execute(sql).fetchone() or (None,))[0])

    def ledger_keys(self) -> set[str]:
        with self._reading():
            return {str(r[0]) for r in self.conn.execute("SELECT batch_key FROM anp_import_ledger")}

    def ledger_entry(self, key: str) -> dict[str, Any] | None:
        with self._reading():
            cur = self.conn.execute("SELECT * FROM anp_import_ledger WHERE batch_key = %s", (key,))
            row = cur.fetchone()
            return None if row is None else dict(zip([d.name for d in cur.description or ()], row, strict=True))

    @contextlib.contextmanager
    def _reading(self) -> Iterator[None]:
        """One transaction to read in; a lost connection or a lock timeout is transient, any other error says what."""
        try:
            with self.conn.transaction():
                yield
        except psycopg.Error as exc:
            transient = _transient(exc, self.url)
            if transient is not None:
                raise transient from None
            raise DatabaseError(f"reading {redact(self.url)}: {scrub(str(exc).strip(), self.url)}") from None

    def begin_load(self) -> bool:
        """Into an empty ``anp_articles``, drop the secondary indexes: :meth:`finish_load` builds them once.

        Maintaining five b-trees row by row costs a first load a third of its time (and as
        much WAL again); :mod:`.indexes` says which are deferred and why the keys are not.
        Checked and dropped in one transaction under the migrations' advisory lock, so a
        load into a table that holds rows (``bench``'s import phase, where readers need
        the indexes) keeps them. A load killed before the end leaves them missing; the next
        import, or ``anp-synth db upgrade``, builds them.
        """
        try:
            with self.conn.transaction(), self.conn.cursor() as cur:
                return indexes.pg_drop_deferred(cur)
        except psycopg.Error as exc:
            raise self._failure(exc, "writing to") from None

    def finish_load(self, version: int) -> None:
        """Build, in one transaction, every index of schema ``version`` that is missing or invalid, then ANALYZE.

        A no-op (one catalog query) when every index is there: any load that deferred
        nothing. Killed part-way, the transaction rolls back whole and the next run does it all;
        a lock timeout, deadlock or lost connection is a TransientError, and the retry starts over.
        """
        try:
            with self.conn.transaction(), self.conn.cursor() as cur:
                indexes.pg_build_missing(cur, version)
        except psycopg.Error as exc:
            raise self._failure(exc, "indexing") from None

    def _failure(self, exc: psycopg.Error, doing: str) -> Exception:
        """What a failed transaction raises: a TransientError if a retry may pass, else a DatabaseError."""
        transient = _transient(exc, self.url)
        if transient is not None:
            return transient
        if self.conn.closed or self.conn.broken:
            return TransientError(scrub(str(exc).strip(), self.url))
        return DatabaseError(f"{doing} {redact(self.url)}: {scrub(str(exc).strip(), self.url)}")

    def checkpoint(self) -> None:
        """Nothing to do: PostgreSQL's own checkpoints make every committed batch durable."""

    def reconnect(self) -> None:
        self.close()
        self.conn = self._connect()

    def close(self) -> None:
        with contextlib.suppress(psycopg.Error):
            self.conn.close()

    def write(
        self, batch: EncodedBatch, entry: dict[str, Any], on_conflict: str, on_conflicts: OnConflicts
    ) -> BatchOutcome:
        try:
            try:
                return self._transaction(batch, entry, on_conflict, on_conflicts, staged=False)
            except pg_errors.UniqueViolation:
                # Someone inserted our rows since the probe: redo through staging and merge.
                return self._transaction(batch, entry, on_conflict, on_conflicts, staged=True)
        except psycopg.Error as exc:
            raise self._failure(exc, "writing to") from None

    def _transaction(
        self, batch: EncodedBatch, entry: dict[str, Any], on_conflict: str, on_conflicts: OnConflicts, *, staged: bool
    ) -> BatchOutcome:
        conn = self.conn
        outcome = BatchOutcome()
        t0 = time.perf_counter()
        with conn.transaction(), conn.cursor() as cur:
            cur.execute(_LEDGER_PROBE, (entry["batch_key"],))
            found = cur.fetchone()
            if found:
                return ledger_outcome(found)
            cur.execute(_PROBE, ([r[1] for r in batch.articles], [r[0] for r in batch.articles]))
            stored = cur.fetchall()
            if not stored and not staged:
                on_conflicts([])
                for table in _DATA_TABLES:
                    self._copy(cur, table.name, table.name, batch)
                outcome.inserted = len(batch.articles)
                outcome.write_s = time.perf_counter() - t0
            else:
                outcome.staged = True
                self._merge(cur, batch, on_conflict, on_conflicts, stored, outcome)
                outcome.write_s = time.perf_counter() - t0 - outcome.merge_s
            ledger = ledger_row(entry, outcome, on_conflict)
            names = _COLUMNS["anp_import_ledger"]
            cur.execute(
                f"INSERT INTO anp_import_ledger ({', '.join(names)}) VALUES ({', '.join(['%s'] * len(names))})",
                tuple(ledger[n] for n in names),
            )
            t1 = time.perf_counter()
        outcome.write_s += time.perf_counter() - t1
        return outcome

    @staticmethod
    def _copy(cur: psycopg.Cursor[Any], target: str, table_name: str, batch: EncodedBatch) -> None:
        if table_name == tables.post_meta.name and batch.meta_copy:  # formatted by a worker process
            with cur.copy(_copy_sql(target, table_name)) as copy:
                copy.write(batch.meta_copy)
            return
        rows = batch.rows_for(table_name)
        if not rows:
            return
        with cur.copy(_copy_sql(target, table_name)) as copy:
            write_row = copy.write_row
            for row in rows:
                write_row(row)

    @staticmethod
    def _ensure_staging(cur: psycopg.Cursor[Any]) -> None:
        # Every time, inside the batch's transaction: a rolled-back batch rolls its CREATE back too.
        for table in _DATA_TABLES:
            cur.execute(
                f"CREATE TEMPORARY TABLE IF NOT EXISTS {_STAGE[table.name]} "
                f"(LIKE {table.name} INCLUDING DEFAULTS) ON COMMIT DELETE ROWS"
            )

    def _merge(
        self,
        cur: psycopg.Cursor[Any],
        batch: EncodedBatch,
        on_conflict: str,
        on_conflicts: OnConflicts,
        stored: list[tuple[Any, ...]],
        outcome: BatchOutcome,
    ) -> None:
        t1 = time.perf_counter()
        # Before any child table is read or written: the replace path deletes children before it
        # updates the article, and a build waiting in between would otherwise close a cycle.
        indexes.pg_lock_articles_first(cur, "ROW EXCLUSIVE")
        plan = plan_batch(batch.articles, stored, on_conflict)
        replace = plan.replace
        if plan.compare:
            replace = sorted(replace + self._differing(cur, batch, plan.compare))
        on_conflicts(plan.conflicts)
        writes = keep_rows(batch, plan.insert + replace)
        self._ensure_staging(cur)
        for table in _DATA_TABLES:
            self._copy(cur, _STAGE[table.name], table.name, writes)
        replace_ids = [batch.articles[i][0] for i in replace]
        if replace_ids:
            for child in tables.CHILD_TABLES:
                cur.execute(f"DELETE FROM {child.name} WHERE article_id = ANY(%s)", (replace_ids,))
            cur.execute(_REPLACE, (replace_ids,))
        inserted: list[int] = []
        if plan.insert:
            # DO NOTHING on any key: a row another importer committed since the probe is left as it is.
            cur.execute(_INSERT_NEW, ([batch.articles[i][0] for i in plan.insert],))
            inserted = [r[0] for r in cur.fetchall()]
        ids = inserted + replace_ids
        if ids:
            for child in tables.CHILD_TABLES:
                cols = ", ".join(_COLUMNS[child.name])
                cur.execute(
                    f"INSERT INTO {child.name} ({cols}) SELECT {cols} FROM {_STAGE[child.name]} "
                    "WHERE article_id = ANY(%s)",
                    (ids,),
                )
        outcome.inserted = len(inserted)
        outcome.updated = len(replace_ids)
        outcome.changed = plan.changed
        outcome.other_version = plan.other_version
        outcome.conflicts = len(plan.conflicts)
        outcome.skipped = len(batch.articles) - outcome.inserted - outcome.updated - outcome.conflicts
        if on_conflict == "skip":
            outcome.skipped -= plan.other_version
        outcome.merge_s = time.perf_counter() - t1

    @staticmethod
    def _differing(cur: psycopg.Cursor[Any], batch: EncodedBatch, indexes: list[int]) -> list[int]:
        ids = [batch.articles[i][0] for i in indexes]
        cur.execute(f"SELECT {_ARTICLE_COLUMNS} FROM anp_articles WHERE id = ANY(%s)", (ids,))
        stored = cur.fetchall()
        children: dict[str, list[tuple[Any, ...]]] = {}
        for child in tables.CHILD_TABLES:
            cur.execute(
                f"SELECT {', '.join(_COLUMNS[child.name])} FROM {child.name} WHERE article_id = ANY(%s)", (ids,)
            )
            children[child.name] = cur.fetchall()
        return differing(batch, indexes, stored, children)
