"""One record as one CSV row: scalars in their own columns, lists and objects as JSON text.

The columns are fixed (:data:`COLUMNS`, documented in docs/GENERATE.md) so a spreadsheet or a
``COPY`` can rely on them. The row is lossless: :func:`record_from_row` rebuilds the exact
record. Two rules make that possible while staying safe to open in a spreadsheet:

* a ``json`` column holds the value's compact JSON (numbers, booleans, lists, objects);
* a ``text`` column holds the string itself, except that a string starting with one of
  ``= + - @``, tab, carriage return or ``'`` gets one extra leading ``'``. Spreadsheets
  then show it as text instead of running it as a formula; a reader drops that one ``'``.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Mapping
from typing import Any, Literal, cast

from ..model import META_FIELDS, Article

Kind = Literal["text", "json"]


def _kind(value_type: type | None) -> Kind:
    """A string is written as text; numbers, flags, lists and objects as JSON."""
    return "text" if value_type is str else "json"


def _meta_columns() -> tuple[tuple[str, Kind], ...]:
    """The post-meta columns in the box's order (:data:`anp_synth.model.META_FIELDS`).

    A value is one column, an object one column per sub-field (``meta.score.quality``), a
    list (of values or of objects) one JSON column.
    """
    columns: list[tuple[str, Kind]] = []
    for field in META_FIELDS:
        name = f"meta.{field.key}"
        if field.shape == "object":
            columns += [(f"{name}.{sub}", _kind(sub_type)) for sub, sub_type in field.fields]
        else:
            columns.append((name, _kind(field.kind) if field.shape == "value" else "json"))
    return tuple(columns)


COLUMNS: tuple[tuple[str, Kind], ...] = (
    ("seed", "json"),
    ("profile", "text"),
    ("schema_version", "json"),
    ("generator_version", "text"),
    ("title", "text"),
    ("intro", "text"),
    *_meta_columns(),
    ("sections", "json"),
    ("similar_posts", "json"),
)
"""(column name, kind) in file order; the name is the dotted path of the value in a record."""

HEADER: tuple[str, ...] = tuple(name for name, _ in COLUMNS)

_PATHS: tuple[tuple[tuple[str, ...], Kind], ...] = tuple((tuple(n.split(".")), k) for n, k in COLUMNS)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "'")


def _escape(text: str) -> str:
    return "'" + text if text.startswith(_FORMULA_START) else text


def _unescape(text: str) -> str:
    return text[1:] if text.startswith("'") else text


def _dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def row_of(record: Mapping[str, Any]) -> list[str]:
    """The CSV cells of ``record``, in :data:`COLUMNS` order."""
    cells: list[str] = []
    for path, kind in _PATHS:
        value: Any = record
        for key in path:
            value = value[key]
        cells.append(_escape(value) if kind == "text" else _dump(value))
    return cells


def record_from_row(row: Iterable[str], decoded: Iterable[Any] | None = None) -> Article:
    """Rebuild the record a row was written from (the inverse of :func:`row_of`).

    ``decoded``, if given, is the value of each ``json`` cell in order, already parsed (a
    reader parses them in one call); otherwise each is parsed here.
    """
    values = iter(decoded) if decoded is not None else None
    record: dict[str, Any] = {}
    for (path, kind), cell in zip(_PATHS, row, strict=True):
        target = record
        for key in path[:-1]:
            target = target.setdefault(key, {})
        if kind == "text":
            target[path[-1]] = _unescape(cell)
        else:
            target[path[-1]] = json.loads(cell) if values is None else next(values)
    return cast(Article, record)


def encode_rows(records: Iterable[Mapping[str, Any]]) -> str:
    """The CSV text (RFC 4180: CRLF line ends, quoted when needed) of ``records``' rows."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerows(row_of(r) for r in records)
    return buffer.getvalue()


def header_text() -> str:
    buffer = io.StringIO()
    csv.writer(buffer).writerow(HEADER)
    return buffer.getvalue()
