"""PostgreSQL backend (psycopg 3): COPY into the tables, staging and merge where rows may overlap.

Per batch, in one transaction:

1. probe which of the batch's references exist (one ``= ANY`` index lookup);
2. none: COPY (text format) straight into the four tables: the fast path of a first load;
3. some: COPY into temporary staging tables (``ON COMMIT DELETE ROWS``, never WAL-logged)
   and merge with ``INSERT ... SELECT ... ON CONFLICT (reference)``: ``DO NOTHING`` under
   ``on_conflict="skip"``, ``DO UPDATE ... WHERE hash differs`` under ``"update"`` (after
   deleting the children of the rows about to change); children are inserted only for the
   articles the merge wrote;
4. insert the ledger row, commit.

If another importer inserts the same references between the probe and the COPY, the COPY
fails on the unique key, the transaction rolls back, and the batch is redone through
staging: the probe is an optimisation, never what correctness rests on.
"""

from __future__ import annotations

import contextlib
import time
from typing import Any

import psycopg
from psycopg import errors as pg_errors
from sqlalchemy.engine import URL

from .. import dburl
from ..errors import DatabaseError
from . import indexes, tables
from .backend import BatchOutcome, TransientError
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


_UPDATABLE = [c for c in _COLUMNS["anp_articles"] if c != "reference"]
_MERGE_SKIP = (
    f"INSERT INTO anp_articles ({', '.join(_COLUMNS['anp_articles'])}) "
    f"SELECT {', '.join(_COLUMNS['anp_articles'])} FROM {_STAGE['anp_articles']} "
    "ON CONFLICT (reference) DO NOTHING RETURNING id, true"
)
_MERGE_UPDATE = (
    f"INSERT INTO anp_articles ({', '.join(_COLUMNS['anp_articles'])}) "
    f"SELECT {', '.join(_COLUMNS['anp_articles'])} FROM {_STAGE['anp_articles']} "
    "ON CONFLICT (reference) DO UPDATE SET "
    + ", ".join(f"{c} = EXCLUDED.{c}" for c in _UPDATABLE)
    + " WHERE anp_articles.hash <> EXCLUDED.hash RETURNING id, (xmax = 0)"
)


class PostgresBackend:
    dialect = "postgresql"

    def __init__(self, url: URL) -> None:
        self.url = url
        self.conn = self._connect()

    def _connect(self) -> psycopg.Connection[Any]:
        try:
            # autocommit: every batch opens its own transaction() block, so nothing stays open between them.
            return psycopg.connect(**conninfo(self.url), autocommit=True)
        except psycopg.OperationalError as exc:
            raise TransientError(scrub(str(exc).strip(), self.url)) from None
        except psycopg.Error as exc:
            raise DatabaseError(f"cannot connect to {redact(self.url)}: {scrub(str(exc).strip(), self.url)}") from None

    def server_version(self) -> str:
        return "PostgreSQL " + str(self.conn.execute("SHOW server_version").fetchone()[0])  # type: ignore[index]

    def ledger_keys(self) -> set[str]:
        with self.conn.transaction():
            return {str(r[0]) for r in self.conn.execute("SELECT batch_key FROM anp_import_ledger")}

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
            raise DatabaseError(f"writing to {redact(self.url)}: {scrub(str(exc).strip(), self.url)}") from None

    def finish_load(self, version: int) -> None:
        """Build, in one transaction, every index of schema ``version`` that is missing or invalid, then ANALYZE.

        A no-op (one catalog query) when every index is there: any load that deferred
        nothing. Killed part-way, the transaction rolls back whole and the next run does it all.
        """
        try:
            with self.conn.transaction(), self.conn.cursor() as cur:
                indexes.pg_build_missing(cur, version)
        except psycopg.Error as exc:
            raise DatabaseError(f"indexing {redact(self.url)}: {scrub(str(exc).strip(), self.url)}") from None

    def reconnect(self) -> None:
        self.close()
        self.conn = self._connect()

    def close(self) -> None:
        with contextlib.suppress(psycopg.Error):
            self.conn.close()

    def write(self, batch: EncodedBatch, entry: dict[str, Any], on_conflict: str) -> BatchOutcome | None:
        try:
            try:
                return self._transaction(batch, entry, on_conflict, staged=False)
            except pg_errors.UniqueViolation:
                # Someone inserted our rows since the probe: redo through staging and merge.
                return self._transaction(batch, entry, on_conflict, staged=True)
        except (psycopg.OperationalError, pg_errors.AdminShutdown, pg_errors.QueryCanceled) as exc:
            raise TransientError(
                scrub(str(exc).strip().splitlines()[0] if str(exc).strip() else "", self.url)
            ) from None
        except psycopg.Error as exc:
            if self.conn.closed or self.conn.broken:
                raise TransientError(scrub(str(exc).strip(), self.url)) from None
            raise DatabaseError(f"writing to {redact(self.url)}: {scrub(str(exc).strip(), self.url)}") from None

    def _transaction(
        self, batch: EncodedBatch, entry: dict[str, Any], on_conflict: str, *, staged: bool
    ) -> BatchOutcome | None:
        conn = self.conn
        outcome = BatchOutcome()
        t0 = time.perf_counter()
        with conn.transaction(), conn.cursor() as cur:
            cur.execute("SELECT 1 FROM anp_import_ledger WHERE batch_key = %s", (entry["batch_key"],))
            if cur.fetchone():
                return None
            refs = [r[1] for r in batch.articles]
            cur.execute("SELECT reference, hash FROM anp_articles WHERE reference = ANY(%s)", (refs,))
            existing = dict(cur.fetchall())
            if not existing and not staged:
                for table in _DATA_TABLES:
                    self._copy(cur, table.name, table.name, batch)
                outcome.inserted = len(batch.articles)
                outcome.write_s = time.perf_counter() - t0
            else:
                outcome.staged = True
                self._merge(cur, batch, on_conflict, existing, outcome)
                outcome.write_s = time.perf_counter() - t0 - outcome.merge_s
            ledger = dict(entry)
            ledger.update(
                rows_inserted=outcome.inserted,
                rows_updated=outcome.updated,
                rows_skipped=ledger["rows_skipped"] + outcome.skipped,
            )
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
        existing: dict[str, str],
        outcome: BatchOutcome,
    ) -> None:
        self._ensure_staging(cur)
        for table in _DATA_TABLES:
            self._copy(cur, _STAGE[table.name], table.name, batch)
        t1 = time.perf_counter()
        stage = _STAGE["anp_articles"]
        changed = sum(1 for r in batch.articles if r[1] in existing and existing[r[1]] != r[7])
        if on_conflict == "update" and changed:
            for child in tables.CHILD_TABLES:
                cur.execute(
                    f"DELETE FROM {child.name} c USING anp_articles a JOIN {stage} s "
                    "ON s.reference = a.reference AND s.hash <> a.hash WHERE c.article_id = a.id"
                )
            cur.execute(_MERGE_UPDATE)
        else:
            cur.execute(_MERGE_SKIP)
            outcome.changed = changed
        written = cur.fetchall()
        ids = [r[0] for r in written]
        outcome.inserted = sum(1 for r in written if r[1])
        outcome.updated = len(written) - outcome.inserted
        outcome.skipped = len(batch.articles) - len(written)
        if ids:
            for child in tables.CHILD_TABLES:
                cols = ", ".join(_COLUMNS[child.name])
                cur.execute(
                    f"INSERT INTO {child.name} ({cols}) SELECT {cols} FROM {_STAGE[child.name]} "
                    "WHERE article_id = ANY(%s)",
                    (ids,),
                )
        outcome.merge_s = time.perf_counter() - t1
