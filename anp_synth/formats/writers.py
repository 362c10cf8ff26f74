"""Encode canonical JSON lines into the output formats, chunk by chunk.

A data set is written as ``head``, then encoded chunks separated by ``joiner``, then
``tail``. Chunks are independent, so worker processes can encode them in parallel and
the parent only concatenates bytes: the output is the same whatever the chunking.

* ``jsonl`` (default): each line is exactly the canonical JSON the generator made.
* ``json``: one array, an element per line, streamed without holding the data set.
* ``csv``: one row per record, columns in :mod:`anp_synth.formats.csvrows`.
"""

from __future__ import annotations

import json
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


def write_chunks(
    out: BinaryIO, chunks: Iterable[bytes], fmt: str, *, pack: Callable[[bytes], bytes] | None = None
) -> None:
    """Write a whole data set of ``fmt`` from its encoded chunks (empty chunks are skipped).

    ``pack``, if given, is applied to the format's own bytes (array brackets, separators, the
    csv header) because the chunks were packed the same way (gzip members made by workers).
    """

    def put(data: bytes) -> None:
        if data:
            out.write(pack(data) if pack is not None else data)

    frame = framing(fmt)
    put(frame.head)
    first = True
    for chunk in chunks:
        if not chunk:
            continue
        if not first:
            put(frame.joiner)
        out.write(chunk)
        first = False
    put(frame.empty_tail if first else frame.tail)
