"""Encode canonical JSON lines into the output formats, chunk by chunk.

A data set is written as ``head``, then encoded chunks separated by ``joiner``, then
``tail``. Chunks are independent, so worker processes can encode them in parallel and
the parent only concatenates bytes: the output is the same whatever the chunking.

* ``jsonl`` (default): each line is exactly the canonical JSON the generator made.
* ``json``: one array, an element per line, streamed without holding the data set.
* ``csv``: one row per record, columns in :mod:`anp_synth.formats.csvrows`.

Parquet (:mod:`anp_synth.formats.parquet`) is written whole by pyarrow, not in chunks;
:func:`output_format` picks any of the four from a ``--format`` and the output's name.
"""

from __future__ import annotations

import errno
import io
import json
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import BinaryIO

from ..errors import InvalidArgument
from .csvrows import encode_rows, header_text

FORMATS: tuple[str, ...] = ("jsonl", "json", "csv")
"""The formats written chunk by chunk (see :func:`encode_lines`)."""

OUTPUT_FORMATS: tuple[str, ...] = (*FORMATS, "parquet")

_SUFFIXES = ((".jsonl", "jsonl"), (".ndjson", "jsonl"), (".json", "json"), (".csv", "csv"), (".parquet", "parquet"))


def format_of_name(path: str) -> str | None:
    """The format a file name's extension names (looking through ``.gz``), or None."""
    base = path.lower().removesuffix(".gz")
    return next((fmt for suffix, fmt in _SUFFIXES if base.endswith(suffix)), None)


def check_format(fmt: str) -> None:
    if fmt not in FORMATS:
        raise InvalidArgument(f"format={fmt!r} is not one of {', '.join(FORMATS)}")


def output_format(path: str, fmt: str | None) -> str:
    """The format to write ``path`` in: ``fmt``, else the one its extension names, else jsonl.

    ``.jsonl``, ``.json``, ``.csv`` (each with an optional ``.gz``) and ``.parquet`` name a
    format; a ``fmt`` that contradicts the name is refused rather than writing csv into
    ``x.json``. Any other name (``-``, ``/dev/null``, ``out.txt``) takes ``fmt`` or jsonl.
    """
    if fmt is not None and fmt not in OUTPUT_FORMATS:
        raise InvalidArgument(f"format={fmt!r} is not one of {', '.join(OUTPUT_FORMATS)}")
    gz = path != "-" and path.lower().endswith(".gz")
    named = None if path == "-" else format_of_name(path)
    if fmt is not None and named is not None and fmt != named:
        raise InvalidArgument(f"format={fmt!r} contradicts the output name {path!r}, which says {named}")
    chosen = fmt or named or "jsonl"
    if chosen == "parquet" and gz:
        raise InvalidArgument(f"{path}: parquet is compressed inside the file; drop the .gz")
    return chosen


@dataclass(frozen=True)
class Framing:
    """The bytes around and between chunks of one format."""

    head: bytes
    joiner: bytes
    tail: bytes
    empty_tail: bytes


_FRAMING: dict[str, Framing] = {
    "jsonl": Framing(b"", b"", b"", b""),
    "json": Framing(b"[\n", b",\n", b"\n]\n", b"]\n"),
    "csv": Framing(header_text().encode(), b"", b"", b""),
}


def framing(fmt: str) -> Framing:
    check_format(fmt)
    return _FRAMING[fmt]


def encode_lines(lines: Sequence[str], fmt: str) -> bytes:
    """One chunk of output: ``lines`` are canonical JSON records, in order."""
    check_format(fmt)
    if fmt == "jsonl":
        return ("\n".join(lines) + "\n").encode() if lines else b""
    if fmt == "json":
        return ",\n".join(lines).encode()
    return encode_rows(json.loads(line) for line in lines).encode()


@dataclass(frozen=True)
class ChunkFile:
    """An encoded chunk a worker left in a file: copied by the kernel, never through Python.

    The chunk is the first ``size`` bytes of the file. A ``reused`` file is a slot the
    next chunks overwrite, so it is kept; any other is deleted once copied.
    """

    path: str
    size: int
    reused: bool = False


def _copy_file(out: BinaryIO, chunk: ChunkFile) -> None:
    """Append ``chunk`` to ``out`` with ``os.sendfile`` where ``out`` has a descriptor, then delete it (unless reused)."""
    try:
        with open(chunk.path, "rb") as source:
            try:
                target = out.fileno()
            except (AttributeError, OSError, io.UnsupportedOperation):
                out.write(source.read(chunk.size))
                return
            out.flush()
            offset = 0
            while offset < chunk.size:
                try:
                    sent = os.sendfile(target, source.fileno(), offset, chunk.size - offset)
                except OSError as exc:
                    if exc.errno not in (errno.EINVAL, errno.ENOSYS):
                        raise
                    # A target sendfile cannot write (/dev/full, some devices): copy by hand, so
                    # the error that follows, if any, is the target's own (ENOSPC), not EINVAL.
                    source.seek(offset)
                    for block in iter(lambda: source.read(min(1 << 20, chunk.size - source.tell())), b""):
                        out.write(block)
                    return
                if sent == 0:
                    raise OSError(f"could not copy {chunk.path}: sendfile wrote nothing")
                offset += sent
    finally:
        if not chunk.reused:
            os.unlink(chunk.path)


def write_chunks(
    out: BinaryIO, chunks: Iterable[bytes | ChunkFile], fmt: str, *, pack: Callable[[bytes], bytes] | None = None
) -> None:
    """Write a whole data set of ``fmt`` from its encoded chunks (empty chunks are skipped).

    ``pack``, if given, is applied to the format's own bytes (array brackets, separators, the
    csv header) because the chunks were packed the same way (gzip members made by workers).
    A chunk may be a :class:`ChunkFile`, which is appended by the kernel (and deleted, unless reused).
    """

    def put(data: bytes) -> None:
        if data:
            out.write(pack(data) if pack is not None else data)

    frame = framing(fmt)
    put(frame.head)
    first = True
    for chunk in chunks:
        if isinstance(chunk, ChunkFile):
            if not chunk.size:
                if not chunk.reused:
                    os.unlink(chunk.path)
                continue
        elif not chunk:
            continue
        if not first:
            put(frame.joiner)
        if isinstance(chunk, ChunkFile):
            _copy_file(out, chunk)
        else:
            out.write(chunk)
        first = False
    put(frame.empty_tail if first else frame.tail)
