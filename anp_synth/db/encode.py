"""Turn records into the row tuples of the anp_ tables, in the tables' column order.

One encoding serves both backends: SQLite takes the tuples through ``executemany`` and
PostgreSQL through ``COPY ... write_row``. Post-meta flattening is one documented rule, the
way content platforms store post meta:

- a scalar is one row at position 0 under its key (``topic``, ``view_count``);
- a list is one row per element, at its index (``tools`` 0..n-1);
- an object's fields go under dotted keys (``score.quality``, ``revision.status``), and a
  list of objects under dotted keys at the element's index (``entities.name`` 2);
- booleans are ``1``/``0`` as the frontend box shows them, integers in decimal.

No database stores a NUL byte in text, so a NUL anywhere in a record is a RecordError
naming the field, raised before the batch reaches the database.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple, cast

from ..canonical import blank_hash
from ..errors import RecordError
from ..model import Article
from ..rules import content_hash_of_json
from . import tables

Row = tuple[Any, ...]


class PendingMeta(NamedTuple):
    """One article whose post-meta rows are not flattened yet."""

    article_id: int
    line: str
    """The record's canonical JSON line (proven canonical: generated, or its hash checked)."""
    meta: dict[str, Any] | None
    """The parsed ``meta``, while the batch stays in the process that parsed it (dropped when
    the batch is pickled: a worker sends the line alone, and :meth:`EncodedBatch.flatten` parses it
    again only on the rare path that needs rows)."""


@dataclass
class EncodedBatch:
    """The rows of one batch of records, ready for one transaction.

    The post-meta rows (about 52 an article, nine in ten of a load's rows) may stay
    *pending*: the article's canonical JSON line, kept instead of its rows. The SQLite
    writer then explodes them in SQL (:data:`anp_synth.db.sqlite.POST_META_FROM_JSON`, by
    the same rule as :func:`flatten_meta`), so a worker process passes one string an
    article instead of 52 tuples and no Python builds them at all; anything that reads
    :attr:`post_meta` (PostgreSQL's COPY, a batch being filtered or compared) gets them
    flattened first, in article order, exactly as if they had been flattened at encoding.
    """

    articles: list[Row] = field(default_factory=list)
    entities: list[Row] = field(default_factory=list)
    similar_posts: list[Row] = field(default_factory=list)
    nbytes: int = 0
    pending_meta: list[PendingMeta] = field(default_factory=list)
    flat_meta: list[Row] = field(default_factory=list)
    """Post-meta rows already flattened. Either this or ``pending_meta`` is empty: a record that
    cannot be pending flattens those before it, so the rows stay in article order."""
    meta_copy: bytes = b""
    """Every post-meta row of the batch as PostgreSQL COPY text (:meth:`pack_meta_copy`); when
    set, ``flat_meta`` and ``pending_meta`` are empty."""

    @property
    def post_meta(self) -> list[Row]:
        self.flatten()
        return self.flat_meta

    @post_meta.setter
    def post_meta(self, rows: list[Row]) -> None:
        self.pending_meta = []
        self.meta_copy = b""
        self.flat_meta = rows

    def pack_meta_copy(self) -> None:
        """In the worker that parsed the records: turn the post-meta into COPY text for PostgreSQL.

        The batch then crosses to the writing process as one ``bytes`` instead of a line an
        article, and that process writes it with one call (:mod:`.copytext` says why). Left
        as it is if some value cannot be encoded: the writer's COPY then meets it as before.
        """
        from .copytext import format_rows

        try:
            packed = format_rows(self.post_meta)
        except UnicodeEncodeError:
            return
        self.flat_meta = []
        self.meta_copy = packed

    def flatten(self) -> None:
        """Turn every pending article's post-meta into rows (a no-op when none is pending)."""
        if self.meta_copy:
            from .copytext import parse_rows

            self.flat_meta = parse_rows(self.meta_copy)
            self.meta_copy = b""
            return
        if not self.pending_meta:
            return
        rows = self.flat_meta
        for pending in self.pending_meta:
            meta = pending.meta if pending.meta is not None else json.loads(pending.line)["meta"]
            rows.extend(flatten_meta(pending.article_id, meta))
        self.pending_meta = []

    def rows_for(self, name: str) -> list[Row]:
        return getattr(self, name.removeprefix("anp_"))  # type: ignore[no-any-return]

    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        state["pending_meta"] = [PendingMeta(p.article_id, p.line, None) for p in self.pending_meta]
        return state


def _meta_value(value: Any) -> str:
    if value is True:
        return "1"
    if value is False:
        return "0"
    if isinstance(value, str):
        return value
    if isinstance(value, int):
        return str(value)
    raise TypeError(f"unexpected {type(value).__name__}")


def flatten_meta(article_id: int, meta: dict[str, Any]) -> list[Row]:
    """The post-meta rows of one record, by the rule in this module's docstring."""
    rows: list[Row] = []
    append = rows.append
    for key, value in meta.items():
        if isinstance(value, list):
            for i, item in enumerate(value):
                if isinstance(item, dict):
                    for sub, v in item.items():
                        append((article_id, f"{key}.{sub}", i, _meta_value(v)))
                else:
                    append((article_id, key, i, _meta_value(item)))
        elif isinstance(value, dict):
            for sub, v in value.items():
                append((article_id, f"{key}.{sub}", 0, _meta_value(v)))
        else:
            append((article_id, key, 0, _meta_value(value)))
    return rows


_SECTIONS_KEY = ',"sections":'
_SEED_KEY = ',"seed":'


def sections_json(line: str) -> str | None:
    """The canonical JSON of ``sections``, cut out of the record's canonical line; None if absent.

    ``line`` must be the record's canonical JSON (sorted keys, see :func:`anp_synth.rules.canonical_json`).
    There the top-level ``sections`` is followed by ``seed``, and ``,"`` never occurs inside a
    string (every ``"`` in a string is escaped), so the two keys delimit the value exactly.
    Slicing saves re-serialising the body: about a third of the encoding time.
    """
    start = line.find(_SECTIONS_KEY)
    if start < 0:
        return None
    start += len(_SECTIONS_KEY)
    end = line.find(_SEED_KEY, start)
    return line[start:end] if end > start else None


def canonical_sections(line: str, record: Article) -> str | None:
    """:func:`sections_json` of ``line`` if ``line`` is provably canonical JSON of ``record``.

    A line whose text, ``meta.hash`` blanked, hashes to the record's ``meta.hash`` is the
    canonical JSON the hash was computed over (96 bits of SHA-256, see
    :func:`anp_synth.rules.content_hash_of_json`: an accidental collision is not a concern).
    """
    digest = record["meta"]["hash"]
    blank = blank_hash(line, digest)
    if blank is None or content_hash_of_json(blank) != digest:
        return None
    return sections_json(line)


def encode_record(
    record: Article, batch: EncodedBatch, *, nul_free: bool = False, body: str | None = None, line: str | None = None
) -> None:
    """Append one record's rows to ``batch``; RecordError (with the field) if it cannot be stored.

    ``nul_free=True`` skips the per-field NUL scan when the caller already knows (a JSON line
    without ``\\u0000``, a generated record); the scan and the text size cost a third of encoding.
    ``body``, if given, must be the canonical JSON of ``record["sections"]`` (see
    :func:`canonical_sections`). ``line``, if given, must be the record's canonical JSON line
    (generated, or proven by :func:`canonical_sections`): with ``nul_free``, its post-meta rows
    are then left pending (see :class:`EncodedBatch`).
    """
    try:
        _encode(record, batch, nul_free, body, line)
    except RecordError:
        raise
    except (KeyError, TypeError, ValueError, IndexError, AttributeError) as exc:
        seed = record.get("seed") if isinstance(record, dict) else None
        raise RecordError(
            f"cannot be stored: {type(exc).__name__}: {exc}", seed=seed if isinstance(seed, int) else None
        ) from None


def _compile_article_row() -> Callable[[Any, int, str], Row]:
    """The function that builds a record's ``anp_articles`` row, compiled once from :data:`tables.ARTICLE_VALUES`.

    The row used to be written out by hand, a second copy of the column list and of where
    each value sits in a record. Built from per-column getters it would cost the encoder a
    call per column; compiled, it is that hand-written tuple again (each nested dict bound
    to a local once, each value one subscript), so the declaration costs nothing per record.
    The source is made only of column paths declared in :mod:`.tables`, never of data.
    """
    names: dict[tuple[str | int, ...], str] = {(): "record"}
    lines = ["def article_row(record, aid, body):"]

    def local(path: tuple[str | int, ...]) -> str:
        if path not in names:
            parent = local(path[:-1])
            names[path] = f"v{len(names)}"
            lines.append(f"    {names[path]} = {parent}[{path[-1]!r}]")
        return names[path]

    cells = []
    for column in column_names(tables.articles.name):
        if column in ("id", "body"):
            cells.append("aid" if column == "id" else "body")
        else:
            path = tables.ARTICLE_VALUES[column]
            cells.append(f"{local(path[:-1])}[{path[-1]!r}]")
    lines.append(f"    return ({', '.join(cells)},)")
    namespace: dict[str, Any] = {}
    exec("\n".join(lines), namespace)
    return cast(Callable[[Any, int, str], Row], namespace["article_row"])


def _encode(record: Article, batch: EncodedBatch, nul_free: bool, body: str | None, line: str | None) -> None:
    meta = record["meta"]
    profile = record["profile"]
    article_id = tables.article_id
    aid = article_id(record["seed"], profile)
    if body is None:
        body = json.dumps(record["sections"], sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    row = _article_row(record, aid, body)
    pending = line is not None and nul_free and not batch.flat_meta
    meta_rows = [] if pending else flatten_meta(aid, meta)  # type: ignore[arg-type]
    entity_rows = [(aid, i, e["name"], e["type"]) for i, e in enumerate(meta["entities"])]
    similar_rows = [
        (aid, i, article_id(p["seed"], profile), p["seed"], p["reference"], p["title"])
        for i, p in enumerate(record["similar_posts"])
    ]
    if not nul_free:
        _check_nul(record, row, body, meta_rows, similar_rows)
        batch.nbytes += sum(len(v) for v in row if type(v) is str) + sum(len(r[3]) for r in meta_rows)
    batch.articles.append(row)
    if pending:
        assert line is not None
        batch.pending_meta.append(PendingMeta(aid, line, meta))  # type: ignore[arg-type]
    else:
        batch.post_meta.extend(meta_rows)
    batch.entities.extend(entity_rows)
    batch.similar_posts.extend(similar_rows)


def _check_nul(record: Article, row: Row, body: str, meta_rows: list[Row], similar_rows: list[Row]) -> None:
    seed = record["seed"]
    reason = "contains a NUL byte, which no database stores in text"
    if "\x00" in body or any("\x00" in v for v in row if type(v) is str):
        raise RecordError(reason, seed=seed, field=_nul_field(record) or None)
    for r in meta_rows:
        if "\x00" in r[3]:
            raise RecordError(reason, seed=seed, field=f"meta.{r[1]}")
    for r in similar_rows:
        if "\x00" in r[5]:
            raise RecordError(reason, seed=seed, field="similar_posts")


def _nul_field(record: Any, path: str = "") -> str:
    """The dotted path of the first string holding a NUL (only computed on the error path)."""
    if isinstance(record, str):
        return path if "\x00" in record else ""
    items: Sequence[tuple[str, Any]]
    if isinstance(record, dict):
        items = [(f"{path}.{k}" if path else str(k), v) for k, v in record.items()]
    elif isinstance(record, list):
        items = [(f"{path}.{i}", v) for i, v in enumerate(record)]
    else:
        return ""
    for sub, value in items:
        found = _nul_field(value, sub)
        if found:
            return found
    return ""


def column_names(table_name: str) -> list[str]:
    """Column order of a table: the order the tuples above are built in."""
    return [c.name for c in tables.metadata.tables[table_name].columns]


_article_row = _compile_article_row()
