"""Records as Parquet: nested columns (structs and lists, never JSON text), row groups streamed.

The layout (:func:`arrow_schema`, documented in docs/FORMATS.md) mirrors :mod:`anp_synth.model`:
one column per top-level field, ``meta`` a struct, every list a Parquet list, every list of
objects a list of structs. A section block is one struct for all three block types
(``type``, ``text``, ``language``, ``items``), a field a type does not have being null;
records never hold a JSON null, so reading drops those nulls and rebuilds the record exactly.

Deterministic: the same records and pyarrow version give the same bytes. The file holds no
timestamp (its ``created_by`` is only the library's name and version), compression and
row-group size are fixed, and records are cut into row groups by count alone.

Memory: at most :data:`ROW_GROUP_SIZE` records are held, already in Arrow's columnar form
(built :data:`_BATCH` records at a time), whatever the number of records.

pyarrow is an optional dependency (``pip install 'anp-synth[parquet]'``), imported only here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING, Any, BinaryIO

from ..errors import InvalidArgument, RecordError
from ..model import Article

if TYPE_CHECKING:
    from .readers import Source

ROW_GROUP_SIZE = 10_000
"""Records per row group: tens of MB of column data, the size query engines read well."""

_BATCH = 1_000
"""Records converted to Arrow at a time: Python dicts are ten times bigger than their columns.
Divides :data:`ROW_GROUP_SIZE`, so every row group but the last holds exactly that many."""

COMPRESSION = "zstd"
"""Read by DuckDB, pandas, Polars and Spark; about half the size of snappy on this text."""

INSTALL_HINT = "parquet needs pyarrow, which is not installed: pip install 'anp-synth[parquet]'"


def _pyarrow() -> Any:
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError:
        raise InvalidArgument(INSTALL_HINT) from None
    return pyarrow


def require_pyarrow() -> None:
    """Raise the one-line install hint now, before any output is opened, if pyarrow is missing."""
    _pyarrow()


@lru_cache(maxsize=1)
def arrow_schema() -> Any:
    """The Arrow schema of a record file; every field non-null, as records hold no nulls."""
    pa = _pyarrow()

    def text() -> Any:
        return pa.string()

    def struct(*fields: tuple[str, Any]) -> Any:
        return pa.struct([pa.field(name, kind, nullable=False) for name, kind in fields])

    def strings() -> Any:
        return pa.list_(pa.field("element", pa.string(), nullable=False))

    def list_of(kind: Any) -> Any:
        return pa.list_(pa.field("element", kind, nullable=False))

    integer = pa.int64()
    block = pa.struct(
        [
            pa.field("type", text(), nullable=False),
            pa.field("text", text()),  # paragraph, code
            pa.field("language", text()),  # code
            pa.field("items", strings()),  # checklist
        ]
    )
    meta = struct(
        ("topic", text()),
        ("summary", text()),
        ("ai_outline", struct(("context", text()), ("problem", text()), ("stack", text()),
                              ("recommended_action", text()))),
        ("ai_brief", text()),
        ("stack", strings()),
        ("tools", strings()),
        ("code_language", text()),
        ("difficulty", text()),
        ("reading_time", integer),
        ("view_count", integer),
        ("score", struct(("quality", integer), ("freshness", integer), ("depth", integer), ("clarity", integer))),
        ("revision", struct(("status", text()), ("version", text()), ("last_reviewed", text()))),
        ("reference", text()),
        ("hash", text()),
        ("flags", struct(("ai_generated_style", pa.bool_()), ("has_images", pa.bool_()), ("image_heavy", pa.bool_()),
                         ("needs_human_review", pa.bool_()))),
        ("checklist", strings()),
        ("entities", list_of(struct(("name", text()), ("type", text())))),
        ("payload", struct(("source_id", text()), ("generator", text()), ("paragraphs", integer),
                           ("scenario", text()), ("seed", integer))),
        ("notes", strings()),
    )  # fmt: skip
    return pa.schema(
        [
            pa.field("seed", integer, nullable=False),
            pa.field("profile", text(), nullable=False),
            pa.field("schema_version", integer, nullable=False),
            pa.field("generator_version", text(), nullable=False),
            pa.field("title", text(), nullable=False),
            pa.field("intro", text(), nullable=False),
            pa.field("meta", meta, nullable=False),
            pa.field("sections", list_of(struct(("heading", text()), ("blocks", list_of(block)))), nullable=False),
            pa.field("similar_posts", list_of(struct(("seed", integer), ("reference", text()), ("title", text()))),
                     nullable=False),
        ]
    )  # fmt: skip


def write_parquet(out: BinaryIO, records: Iterable[Article], *, progress: Callable[[int], None] | None = None) -> int:
    """Write ``records`` to ``out`` as one Parquet file, :data:`ROW_GROUP_SIZE` records per row group.

    Returns the number of records. ``progress`` is called with the count of each row group
    once it is written.
    """
    pa = _pyarrow()
    import pyarrow.parquet as pq

    schema = arrow_schema()
    total = 0
    writer = pq.ParquetWriter(
        out,
        schema,
        # every option that shapes the bytes is spelled out, so a changed default cannot move them
        version="2.6",
        data_page_version="1.0",
        compression=COMPRESSION,
        use_dictionary=True,
        write_statistics=True,
        store_schema=True,
    )
    try:
        batches: list[Any] = []
        held = 0
        chunk: list[Article] = []

        def flush_group() -> None:
            nonlocal batches, held
            if batches:
                writer.write_table(pa.Table.from_batches(batches, schema=schema), row_group_size=held)
                if progress is not None:
                    progress(held)
            batches, held = [], 0

        for record in records:
            chunk.append(record)
            if len(chunk) == _BATCH:
                batches.append(pa.RecordBatch.from_pylist(chunk, schema=schema))
                held += len(chunk)
                total += len(chunk)
                chunk = []
                if held >= ROW_GROUP_SIZE:
                    flush_group()
        if chunk:
            batches.append(pa.RecordBatch.from_pylist(chunk, schema=schema))
            held += len(chunk)
            total += len(chunk)
        flush_group()
    finally:
        writer.close()
    return total


def _rebuilt(row: dict[str, Any]) -> Article:
    """The record of one row: block fields a block's type lacks come back as nulls, dropped here."""
    for section in row["sections"]:
        section["blocks"] = [{k: v for k, v in block.items() if v is not None} for block in section["blocks"]]
    return row  # type: ignore[return-value]


def parquet_texts(path: str, limit: int) -> Source:
    """``(row number, the record's canonical JSON or its error, True)`` for every row of ``path``.

    The file is opened and its schema checked when this is called. The schema must be
    :func:`arrow_schema` (field order and nullability included): anything else is not a file
    anp-synth wrote, and is refused as a whole.
    """
    _pyarrow()
    import pyarrow.parquet as pq

    from .readers import Source

    try:
        handle = pq.ParquetFile(path)
    except FileNotFoundError:
        raise RecordError("cannot open: No such file or directory", source=path) from None
    except (OSError, ValueError) as exc:  # pyarrow's ArrowInvalid is a ValueError
        raise RecordError(f"not a readable parquet file ({exc})", source=path) from None
    if not handle.schema_arrow.equals(arrow_schema(), check_metadata=False):
        handle.close()
        raise RecordError(
            "not an anp-synth parquet file: its columns differ from the layout in docs/FORMATS.md", source=path
        )
    return Source(_rows(handle, path, limit), handle.close)


def _rows(handle: Any, path: str, limit: int) -> Iterator[tuple[int, str | RecordError, bool]]:
    from .readers import _canonical_text, too_long

    number = 0
    try:
        for batch in handle.iter_batches(batch_size=_BATCH):
            for row in batch.to_pylist():
                number += 1
                text = _canonical_text(_rebuilt(row))
                if len(text.encode("utf-8", "surrogatepass")) > limit:
                    yield number, RecordError(too_long("record", limit), source=path, line=number), True
                else:
                    yield number, text, True
    except (OSError, ValueError) as exc:
        raise RecordError(f"read failed: {exc}", source=path, line=number + 1) from None
