"""Which indexes a first load defers, and how PostgreSQL builds them back.

A bulk load into empty tables is faster without the secondary indexes: maintaining a
b-tree row by row costs random page writes for every row (and, on PostgreSQL, WAL for
every one of them), while building it once from the loaded table is one sort and one
sequential write. ``pg_restore`` and the SQLite backend already load this way; this module
holds what both backends need to do it and the PostgreSQL side of it.

Deferred: anp-synth's own ``ix_anp_*`` indexes and, on PostgreSQL, the primary keys of the
three child tables (``anp_post_meta`` holds ~52 rows an article: keeping its key during the
load cost more server time than the whole COPY of the rows did, and building it at the end
is one sort). The article table's primary key and its unique key on ``reference`` stay: the
importer's conflict rule rests on them (a concurrent importer's rows make the COPY fail on
those keys, and the batch is redone through the merge).

Why a child key can wait without any duplicate getting in: every child row is written in the
transaction that writes its article's row, and only then. On the direct path the article's
COPY fails on ``anp_articles``' kept keys if the article is already stored (by anyone), and
the whole batch rolls back with it; on the merge path children are inserted only for the ids
whose article insert returned a row, or whose old children were deleted first. So the
children of an article come from exactly one encoding of one record, where every key is
distinct by construction (positions are list indexes; a post-meta key is a dotted path
written once). The build at the end checks it once more: a duplicate would fail it, loudly,
and roll the whole build back. On SQLite the child tables are ``WITHOUT ROWID``: the key is
the table's own order, so nothing but the ``ix_anp_*`` indexes is deferred there.

PostgreSQL: :func:`pg_drop_deferred` drops them (the keys as constraints) in one transaction that also checks the
table is empty, under the same advisory lock as ``anp-synth db upgrade``;
:func:`pg_build_missing` builds every missing or invalid one and then ``ANALYZE``s the
four data tables, all in ONE transaction. A process killed during the build therefore
leaves either every index and fresh statistics or none of them (CREATE INDEX is
transactional), never a half-built index; the next import, or ``anp-synth db upgrade``,
builds what is missing. An index left INVALID (by a ``CREATE INDEX CONCURRENTLY`` that
failed, run by hand) is dropped and built again.

Lock order. A batch locks ``anp_articles`` before any child table; the build, the drop and
``db repair``/``db upgrade`` lock it first too (:func:`pg_lock_articles_first`), so an importer
still loading and another one's build wait for each other in one direction only. The build
is retried like a batch if it meets a lock timeout or a deadlock all the same (a reader's
multi-statement transaction can still close a cycle): it is one transaction, redone whole.

Autovacuum is paused on the four data tables for the same window, in the same two
transactions: ``autovacuum_enabled = false`` with the drops, reset with the build. Since
PostgreSQL 13 inserts alone trigger autovacuum, so a bulk load into fresh tables had an
autovacuum worker vacuuming and analysing tables that the load was still filling (seen at
about half a core through a 100,000-article load on two cores), work the ``ANALYZE`` at the
end redoes anyway. Because the pause goes with the missing indexes, whatever finishes the
load (the next import, ``db upgrade``, ``db repair``) resets it, and a loaded database has
the storage parameters of ``db init``: none.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Index, create_mock_engine
from sqlalchemy.engine import Dialect
from sqlalchemy.schema import CreateIndex

from . import tables

SECONDARY_INDEXES: tuple[Index, ...] = tuple(
    sorted((ix for t in tables.OWNED_TABLES for ix in t.indexes), key=lambda ix: str(ix.name))
)
"""Every ``ix_anp_*`` index of the newest schema, by name: what a first load defers."""

DATA_TABLES: tuple[str, ...] = (tables.articles.name, *(t.name for t in tables.CHILD_TABLES))

CHILD_KEYS: tuple[tuple[str, str, tuple[str, ...]], ...] = tuple(
    (t.name, f"{t.name}_pkey", tuple(c.name for c in t.primary_key.columns)) for t in tables.CHILD_TABLES
)
"""(table, constraint, columns) of each child table's primary key: what a PostgreSQL first load
defers besides :data:`SECONDARY_INDEXES`. ``<table>_pkey`` is the name PostgreSQL gives the
key of ``db init``, so the constraint and its index come back under the same names."""

LOAD_LOCK = 7355608301
"""The advisory lock ``anp-synth db upgrade`` takes (:mod:`.migrations`): dropping and building
the deferred indexes under it means two importers, or an importer and an upgrade, never
drop or build the same index at the same time."""

PG_BUILD_SETTINGS: tuple[tuple[str, str], ...] = (
    ("maintenance_work_mem", "256MB"),
    ("max_parallel_maintenance_workers", "2"),
)
"""``SET LOCAL`` in the build transaction only (docs/IMPORT_SPEED.md gives the measurements).

- ``maintenance_work_mem`` 256MB: the largest index, post-meta's lookup index, sorts about
  80 bytes per post-meta row (55 rows an article): 100,000 articles need ~440 MB, so the
  server's default 64MB spills to disk at ~15,000 articles. 256MB keeps a load of up to
  ~60,000 articles in memory and, beyond that, cuts the number of merge passes; the
  memory is used once, for the length of the build, by one session. A server already set
  higher keeps its own value (only ever raised, never lowered).
- ``max_parallel_maintenance_workers`` 2: PostgreSQL's default, stated so that a server
  configured with 0 still sorts the big index in parallel; the planner only starts
  workers for a table large enough, and never more than ``max_parallel_workers`` allows.
"""

_PG: Dialect = create_mock_engine("postgresql+psycopg://", executor=lambda *_a, **_k: None).dialect
"""A dialect to compile DDL with, no connection needed (SQLAlchemy's documented way to render DDL)."""


def deferred(version: int) -> list[Index]:
    """The secondary indexes of schema ``version`` (an index carries the version that added it)."""
    return [ix for ix in SECONDARY_INDEXES if ix.info.get("since", 1) <= version]


def create_sql(index: Index) -> str:
    """PostgreSQL DDL of ``index``, from ``tables.py`` (which a test keeps equal to the migrations' head)."""
    return str(CreateIndex(index).compile(dialect=_PG))


_STATE_SQL = (
    "SELECT c.relname, i.indisvalid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
    "WHERE c.relnamespace = current_schema()::regnamespace AND c.relname = ANY(%s)"
)


def pg_index_state(cur: Any, names: list[str]) -> dict[str, bool]:
    """Which of ``names`` exist in the current schema, each with whether it is valid."""
    cur.execute(_STATE_SQL, (names,))
    return {str(name): bool(valid) for name, valid in cur.fetchall()}


def pg_lock_articles_first(cur: Any, mode: str) -> None:
    """In the caller's transaction: lock ``anp_articles`` in ``mode`` before any child table.

    The lock order every writer keeps, and why a build or drop must keep it too: a batch's
    transaction locks ``anp_articles`` (its probe, then its COPY or merge) before it touches a
    child table. A build that locked a child table first (``ADD CONSTRAINT`` takes it ACCESS
    EXCLUSIVE) and then waited for ``anp_articles`` (``CREATE INDEX`` wants SHARE) deadlocked
    with a second importer's batch that held ``anp_articles`` and wanted that child table.
    Taking ``anp_articles`` first, in a mode that conflicts with a writer's ROW EXCLUSIVE, waits
    for the batches in flight to commit and holds new ones at their first write, before they
    hold any child table: no cycle can form. Readers (ACCESS SHARE) are only held up by what
    the build's own DDL needs. A merging batch takes ROW EXCLUSIVE here before it reads or
    deletes children (its replace step touches them before the article).
    """
    if mode not in ("ROW EXCLUSIVE", "SHARE", "ACCESS EXCLUSIVE"):
        raise ValueError(f"not a lock mode of the load: {mode!r}")
    cur.execute(f"LOCK TABLE {tables.articles.name} IN {mode} MODE")


def pg_drop_deferred(cur: Any) -> bool:
    """In the caller's transaction: if ``anp_articles`` is empty, drop the secondary indexes.

    Returns True if the table was empty (the indexes are then gone). The advisory lock
    serialises this with other importers' builds and with ``db upgrade``; the emptiness
    check runs after the lock is held, so two importers starting together both find the
    table empty and the second one's ``DROP INDEX IF EXISTS`` finds nothing to drop. A table
    that holds rows is answered without any table lock (``bench``'s import phase runs beside
    readers); one that looks empty is locked ACCESS EXCLUSIVE, as the drops would lock it
    anyway, and looked at again: a batch that committed in between keeps the indexes.
    """
    cur.execute("SELECT pg_advisory_xact_lock(%s)", (LOAD_LOCK,))
    cur.execute("SELECT 1 FROM anp_articles LIMIT 1")
    if cur.fetchone() is not None:
        return False
    pg_lock_articles_first(cur, "ACCESS EXCLUSIVE")
    cur.execute("SELECT 1 FROM anp_articles LIMIT 1")
    if cur.fetchone() is not None:
        return False
    for index in SECONDARY_INDEXES:
        cur.execute(f"DROP INDEX IF EXISTS {index.name}")
    for table, key, _ in CHILD_KEYS:
        cur.execute(f"ALTER TABLE {table} DROP CONSTRAINT IF EXISTS {key}")
    for table in DATA_TABLES:
        cur.execute(f"ALTER TABLE {table} SET (autovacuum_enabled = false)")
    return True


def pg_paused(cur: Any) -> list[str]:
    """The data tables :func:`pg_drop_deferred` paused autovacuum on (a catalog read, no table lock)."""
    cur.execute(
        "SELECT relname FROM pg_class WHERE relnamespace = current_schema()::regnamespace "
        "AND relname = ANY(%s) AND 'autovacuum_enabled=false' = ANY(reloptions) ORDER BY relname",
        (list(DATA_TABLES),),
    )
    return [str(name) for (name,) in cur.fetchall()]


def pg_resume_autovacuum(cur: Any) -> list[str]:
    """In the caller's transaction: reset the pause of :func:`pg_drop_deferred`; returns the tables it was on."""
    paused = pg_paused(cur)
    for table in paused:
        cur.execute(f"ALTER TABLE {table} RESET (autovacuum_enabled)")
    return paused


def pg_missing_keys(cur: Any) -> list[tuple[str, str, tuple[str, ...]]]:
    """The entries of :data:`CHILD_KEYS` whose primary key is not there (a first load in progress or killed)."""
    cur.execute(
        "SELECT c.relname FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid "
        "WHERE k.contype = 'p' AND c.relnamespace = current_schema()::regnamespace AND c.relname = ANY(%s)",
        ([table for table, _, _ in CHILD_KEYS],),
    )
    keyed = {str(name) for (name,) in cur.fetchall()}
    return [entry for entry in CHILD_KEYS if entry[0] not in keyed]


def pg_add_keys(cur: Any, missing: list[tuple[str, str, tuple[str, ...]]]) -> None:
    """In the caller's transaction: put back the child keys :func:`pg_drop_deferred` dropped."""
    for table, key, columns in missing:
        cur.execute(f"ALTER TABLE {table} ADD CONSTRAINT {key} PRIMARY KEY ({', '.join(columns)})")


def pg_build_missing(cur: Any, version: int) -> list[str]:
    """In the caller's transaction: build every missing key and missing or invalid index of ``version``, then ANALYZE.

    Returns the names built (empty, and nothing else done, when every key and index is there and valid).
    """
    cur.execute("SELECT pg_advisory_xact_lock(%s)", (LOAD_LOCK,))
    wanted = deferred(version)
    state = pg_index_state(cur, [str(ix.name) for ix in wanted])
    todo = [ix for ix in wanted if not state.get(str(ix.name), False)]
    keys = pg_missing_keys(cur)
    if not todo and not keys and not pg_paused(cur):
        return []
    # DROP INDEX of an invalid index on anp_articles takes it ACCESS EXCLUSIVE: take that mode
    # up front rather than upgrade SHARE to it while a batch waits behind us.
    redo_on_articles = any(str(ix.name) in state and ix.table is tables.articles for ix in todo)
    pg_lock_articles_first(cur, "ACCESS EXCLUSIVE" if redo_on_articles else "SHARE")
    pg_resume_autovacuum(cur)
    for name, value in PG_BUILD_SETTINGS:
        cur.execute("SELECT current_setting(%s)", (name,))
        current = str(cur.fetchone()[0])
        if _raise_only(name, current, value):
            cur.execute("SELECT set_config(%s, %s, true)", (name, value))
    pg_add_keys(cur, keys)
    for index in todo:
        if str(index.name) in state:  # present but invalid: a failed concurrent build
            cur.execute(f"DROP INDEX {index.name}")
        cur.execute(create_sql(index))
    for table in DATA_TABLES:
        cur.execute(f"ANALYZE {table}")
    return [key for _, key, _ in keys] + [str(ix.name) for ix in todo]


_UNITS = {"kB": 1, "MB": 1024, "GB": 1024 * 1024, "TB": 1024 * 1024 * 1024}


def _raise_only(name: str, current: str, wanted: str) -> bool:
    """Whether setting ``name`` to ``wanted`` raises it above the session's ``current`` value."""
    return _amount(wanted) > _amount(current)


def _amount(setting: str) -> int:
    """A memory setting in kB (``"256MB"`` -> 262144), or a plain integer as it is."""
    for unit, factor in _UNITS.items():
        if setting.endswith(unit):
            return int(setting[: -len(unit)]) * factor
    return int(setting)
