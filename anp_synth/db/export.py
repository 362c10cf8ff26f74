"""Read records back out of a database: the inverse of the importer, byte for byte.

A record exported is the record imported: its canonical JSON line (what ``generate`` writes)
is the line that went in. That makes export a user feature (pull a fixture back out of a
staging database, diff two databases with ``diff``) and the strongest check of the importer.

Every stored value counts. The record is rebuilt from all four data tables:

- ``anp_articles`` gives the top level (seed, profile, versions, title, intro, and
  ``sections`` parsed from ``body``);
- ``anp_post_meta`` gives ``meta``, decoded by the inverse of the flattening rule in
  :mod:`anp_synth.db.encode`, each value typed by the record model
  (:data:`anp_synth.model.META_FIELDS`): so a missing, extra or edited post-meta row changes the
  exported record (or, when it cannot be typed, is a RecordError naming the field);
- ``anp_similar_posts`` gives ``similar_posts``.

Values the database holds twice (a typed column of ``anp_articles`` or a row of
``anp_entities`` next to its post-meta row, ``similar_id`` next to the similar seed) must
agree: a record cannot hold two values, so a disagreement is a RecordError naming the
article and field rather than a silent choice of one of them.

Memory stays flat: articles are read in id order (that is seed order, then profile order)
a chunk at a time by keyset pagination on the primary key, and each chunk's child rows by a
range of the child tables' primary-key prefix. The whole export reads one snapshot: one
read-only transaction (REPEATABLE READ on PostgreSQL, a deferred read transaction on
SQLite, which in WAL mode never blocks an import).
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections import defaultdict
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, cast

from sqlalchemy import (
    Boolean,
    Connection,
    Date,
    Engine,
    Integer,
    Row,
    String,
    create_engine,
    event,
    select,
    type_coerce,
)
from sqlalchemy.engine import URL
from sqlalchemy.pool import NullPool

from ..argcheck import integer
from ..errors import DatabaseError, InvalidArgument, RecordError
from ..model import META_FIELDS, PROFILES, Article
from ..rules import MAX_SEED, check_profile, check_seed_range
from . import tables
from .connect import database_errors, open_engine, parse_url, redact
from .migrations import inspect_schema

__all__ = ["CHUNK_SIZE", "export_records"]

CHUNK_SIZE = 500
"""Articles read per query: about 3 MB of stored text in memory, whatever the table's size."""


# -- the record model as a decoding plan -------------------------------------------------

_VALUE, _LIST_ITEM, _FIELD, _LIST_FIELD = range(4)
"""Shapes of a post-meta key: ``topic``, ``tools`` (one row per element), ``score.quality``,
``entities.name`` (a field of the element at the row's position)."""

_SHAPES = {"value": _VALUE, "list": _LIST_ITEM, "object": _FIELD, "objects": _LIST_FIELD}


def _keys() -> dict[str, tuple[str, str, int, type]]:
    """Read off the model's :data:`~anp_synth.model.META_FIELDS`, so the two cannot drift apart."""
    keys: dict[str, tuple[str, str, int, type]] = {}
    for field in META_FIELDS:
        top, shape = field.key, _SHAPES[field.shape]
        if field.kind is not None:
            keys[top] = (top, "", shape, field.kind)
        keys.update({f"{top}.{sub}": (top, sub, shape, kind) for sub, kind in field.fields})
    return keys


_KEYS = _keys()
"""Each stored ``meta_key``: its top-level key, sub-field, shape and value type."""

_LISTS = tuple(f.key for f in META_FIELDS if f.shape in ("list", "objects"))

_COLUMN_PATHS: dict[str, tuple[str | int, ...]] = {
    column: path[1:] for column, path in tables.ARTICLE_VALUES.items() if path[0] == "meta"
}
"""The typed columns of anp_articles that repeat a meta value, and where in meta it is."""


# -- decoding one article ----------------------------------------------------------------


class _Stored(Exception):
    """A stored value that no record can hold; becomes a RecordError naming the article."""

    def __init__(self, field: str, reason: str) -> None:
        super().__init__(reason)
        self.field = field
        self.reason = reason


def _shown(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _typed(kind: type, value: str, field: str) -> str | int | bool:
    """The text of a post-meta row as the model's type: booleans are ``1``/``0``, integers decimal."""
    if kind is str:
        return value
    if kind is bool:
        if value in ("1", "0"):
            return value == "1"
        raise _Stored(field, f"stored post-meta value {_shown(value)} is not a boolean (1 or 0)")
    if value.isascii() and value.lstrip("-").isdigit() and str(int(value)) == value:
        return int(value)
    raise _Stored(field, f"stored post-meta value {_shown(value)} is not an integer in decimal")


def _decode_meta(meta_rows: Sequence[Any]) -> dict[str, Any]:
    """``meta`` from an article's post-meta rows, in primary-key order (a key's rows by position)."""
    meta: dict[str, Any] = {}
    elements: dict[str, dict[int, dict[str, Any]]] = {}
    for _article, key, position, value in meta_rows:
        entry = _KEYS.get(key)
        if entry is None:
            raise _Stored(f"meta.{key}", "stored post-meta key is not a field of a record")
        top, sub, shape, kind = entry
        if kind is not str:
            value = _typed(kind, value, f"meta.{key}")
        if shape == _LIST_ITEM:
            meta.setdefault(top, []).append(value)
        elif shape == _LIST_FIELD:
            elements.setdefault(top, {}).setdefault(position, {})[sub] = value
        elif position != 0:
            raise _Stored(f"meta.{key}", f"stored at position {position}: a single value is stored at position 0")
        elif shape == _VALUE:
            meta[top] = value
        else:
            meta.setdefault(top, {})[sub] = value
    for top, by_position in elements.items():
        meta[top] = [by_position[p] for p in sorted(by_position)]
    for top in _LISTS:
        meta.setdefault(top, [])  # an empty list has no rows
    return meta


_MISSING = object()


def _at(meta: dict[str, Any], path: tuple[str | int, ...]) -> Any:
    value: Any = meta
    for step in path:
        try:
            value = value[step]
        except (KeyError, IndexError, TypeError):
            return _MISSING
    return value


def _check_columns(article: Row[Any], meta: dict[str, Any], entity_rows: Sequence[Row[Any]]) -> None:
    """The typed columns and anp_entities say what the post-meta rows say, or _Stored naming the field."""
    for column, path in _COLUMN_PATHS.items():
        stored = getattr(article, column)
        if isinstance(stored, dt.date):
            stored = stored.isoformat()
        elif column in _BOOLEAN_COLUMNS and type(stored) is int and stored in (0, 1):
            stored = stored == 1  # SQLite's 1/0; any other stored number stays a mismatch
        found = _at(meta, path)
        field = "meta." + ".".join(str(p) for p in path)
        if found is _MISSING:
            raise _Stored(field, f"no anp_post_meta row for it (anp_articles.{column} holds {_shown(stored)})")
        if found != stored or type(found) is not type(stored):
            raise _Stored(
                field, f"anp_post_meta holds {_shown(found)} but anp_articles.{column} holds {_shown(stored)}"
            )
    entities = [{"name": r.name, "type": r.type} for r in entity_rows]
    if entities != meta["entities"]:
        raise _Stored("meta.entities", "anp_entities and the entities.* rows of anp_post_meta disagree")


def _record(
    article: Row[Any],
    meta_rows: Sequence[Row[Any]],
    entity_rows: Sequence[Row[Any]],
    similar_rows: Sequence[Row[Any]],
) -> Article:
    profile = article.profile
    if profile not in PROFILES:
        raise _Stored("profile", f"stored profile {_shown(profile)} is not one of {', '.join(PROFILES)}")
    if article.id != tables.article_id(article.seed, profile):
        raise _Stored("seed", f"anp_articles.id {article.id} is not the id of seed {article.seed} ({profile})")
    try:
        sections = json.loads(article.body)
    except ValueError:
        raise _Stored("sections", "anp_articles.body is not JSON") from None
    meta = _decode_meta(meta_rows)
    _check_columns(article, meta, entity_rows)
    similar = []
    for r in similar_rows:
        if r.similar_id != tables.article_id(r.similar_seed, profile):
            raise _Stored(
                "similar_posts", f"similar_id {r.similar_id} is not the id of seed {r.similar_seed} ({profile})"
            )
        similar.append({"seed": r.similar_seed, "reference": r.similar_reference, "title": r.similar_title})
    record = {
        "schema_version": article.schema_version,
        "generator_version": article.generator_version,
        "profile": profile,
        "seed": article.seed,
        "title": article.title,
        "intro": article.intro,
        "sections": sections,
        "similar_posts": similar,
        "meta": meta,
    }
    return cast(Article, record)


# -- reading the database ----------------------------------------------------------------


def _read_only_sqlite(url: URL) -> Engine:
    """A read-only engine on an existing SQLite file: export never creates nor locks out a writer.

    ``mode=rw`` makes a missing file an error instead of a new empty database (and opens a
    write-protected file for reading); ``query_only`` refuses any write. Not ``mode=ro``: a
    read-only connection cannot remove the ``-wal`` and ``-shm`` files it opens, and would
    leave them next to the database. The transaction is a plain (deferred) BEGIN, a
    snapshot that in WAL mode lets an import go on meanwhile.
    """
    database = url.database or ""
    if database in ("", ":memory:") or database.startswith("file:"):
        raise InvalidArgument(f"db_url={redact(url)!r}: export reads a SQLite file: sqlite:///PATH")
    path = Path(database)
    if not path.is_file():
        raise DatabaseError(f"cannot export from {redact(url)}: no such database file")
    uri = path.resolve().as_uri() + "?mode=rw"

    def connect() -> sqlite3.Connection:
        conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
        conn.execute("PRAGMA busy_timeout=30000")
        conn.execute("PRAGMA query_only=ON")
        return conn

    engine = create_engine("sqlite://", creator=connect, poolclass=NullPool)
    event.listen(engine, "begin", lambda conn: conn.exec_driver_sql("BEGIN"))
    return engine


def _window_ids(seed: int | None, count: int | None) -> tuple[int, int]:
    """The id range [lo, hi) of the seed window: ids are seed * 4 + profile index."""
    first = 0 if seed is None else seed
    end = MAX_SEED + 1 if count is None else first + count
    return first * 4, end * 4


_BOOLEAN_COLUMNS = frozenset(c.name for c in tables.articles.columns if isinstance(c.type, Boolean))

_ARTICLE_COLUMNS = [
    type_coerce(c, String).label(c.name)
    if isinstance(c.type, Date)
    else type_coerce(c, Integer).label(c.name)
    if isinstance(c.type, Boolean)
    else c
    for c in tables.articles.columns
]
"""anp_articles as stored: a date or boolean SQLite holds as text or a number is read as is, so
that a hand-edited value is reported (not a ValueError in SQLAlchemy's converter, not True for 5)."""


def _children(conn: Connection, table: Any, lo: int, hi: int, profile: str | None) -> dict[int, list[Row[Any]]]:
    """The rows of ``table`` for articles ``lo..hi`` (of ``profile``), grouped by article, in
    primary-key order: an article's rows by position (for post-meta: by key, then position)."""
    by_article: dict[int, list[Row[Any]]] = defaultdict(list)
    stmt = select(table).where(table.c.article_id >= lo, table.c.article_id <= hi)
    if profile is not None:
        stmt = stmt.where(table.c.article_id % 4 == tables.article_id(0, profile))
    for row in conn.execute(stmt.order_by(*table.primary_key.columns)):
        by_article[row.article_id].append(row)
    return by_article


def _stream(engine: Engine, url: URL, lo: int, hi: int, profile: str | None, chunk_size: int) -> Iterator[Article]:
    a = tables.articles
    try:
        with database_errors(url, "cannot export from"):
            conn = engine.connect()
        with conn:
            if conn.dialect.name == "postgresql":
                conn = conn.execution_options(isolation_level="REPEATABLE READ", postgresql_readonly=True)
            with database_errors(url, "cannot export from"):
                conn.begin()
                state = inspect_schema(conn)
            if not state.version:
                raise DatabaseError(f"cannot export from {redact(url)}: it holds no anp_ tables (nothing imported)")
            after = lo - 1
            while True:
                stmt = select(*_ARTICLE_COLUMNS).where(a.c.id > after, a.c.id < hi)
                if profile is not None:
                    stmt = stmt.where(a.c.profile == profile)
                with database_errors(url, "cannot export from"):
                    chunk = list(conn.execute(stmt.order_by(a.c.id).limit(chunk_size)))
                    if not chunk:
                        return
                    first, last = chunk[0].id, chunk[-1].id
                    meta = _children(conn, tables.post_meta, first, last, profile)
                    entities = _children(conn, tables.entities, first, last, profile)
                    similar = _children(conn, tables.similar_posts, first, last, profile)
                for article in chunk:
                    try:
                        yield _record(article, meta[article.id], entities[article.id], similar[article.id])
                    except _Stored as exc:
                        raise RecordError(
                            f"{exc.reason} ({article.profile} article {article.reference} in {redact(url)})",
                            seed=article.seed,
                            field=exc.field,
                        ) from None
                after = last
    finally:
        engine.dispose()


def export_records(
    db_url: str,
    *,
    seed: int | None = None,
    count: int | None = None,
    profile: str | None = None,
    chunk_size: int = CHUNK_SIZE,
) -> Iterator[Article]:
    """The records stored in ``db_url``, in seed order (then profile order), one snapshot.

    ``seed``/``count`` select the seed window [seed, seed + count) (either alone: from
    ``seed`` on, or the first ``count`` seeds from 0); ``profile`` one profile. Seeds the
    database does not hold are simply absent, so a window may give nothing at all.

    Arguments are checked at once (InvalidArgument); the database is opened on the first
    ``next()``: a missing SQLite file, a database without anp_ tables or a driver error is a
    DatabaseError, a stored value no record can hold a RecordError naming seed and field.
    """
    if count is not None:
        check_seed_range(0 if seed is None else seed, count)
    elif seed is not None:
        check_seed_range(seed, 1)
    if profile is not None:
        check_profile(profile)
    integer("chunk_size", chunk_size, 1)
    url = parse_url(db_url)
    engine = _read_only_sqlite(url) if url.get_backend_name() == "sqlite" else open_engine(db_url)
    lo, hi = _window_ids(seed, count)
    return _stream(engine, url, lo, hi, profile, chunk_size)
