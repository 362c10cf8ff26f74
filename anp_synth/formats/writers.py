"""Encode canonical JSON lines into the output formats, chunk by chunk.

A data set is written as ``head``, then encoded chunks separated by ``joiner``, then
``tail``. Chunks are independent, so worker processes can encode them in parallel and
the parent only concatenates bytes: the output is the same whatever the chunking.

* ``jsonl`` (default): each line is exactly the canonical JSON the generator made.
* ``json``: one array, an element per line, streamed without holding the data set.
* ``csv``: one row per record, columns in :mod:`anp_synth.formats.csvrows`.
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


def check_format(fmt: str) -> None:
    if fmt not in FORMATS:
        raise InvalidArgument(f"format={fmt!r} is not one of {', '.join(FORMATS)}")


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
