"""Read records back from every format ``generate`` writes: jsonl, json, csv (each plain or gzip), parquet.

Every format comes out the same way, as ``(line, text)`` per record, where ``text`` is the
record's JSON and ``line`` is where the record starts in the file (for parquet, its row
number). So the importer's batching, ledger and rejects work unchanged whatever the format,
and the same records give the same database from any of them. A record read from csv or
parquet is rebuilt exactly and handed on as its canonical JSON (:func:`rules.canonical_json`),
which is the very line ``generate`` wrote for it.

The format is chosen by ``fmt``, else by the name's extension (``.jsonl``, ``.json``,
``.csv``, ``.parquet``, the first three with an optional ``.gz``), else by sniffing the
stream (stdin, or any other name): gzip by its magic bytes, then the first non-space byte
(``[`` a json array, ``{`` jsonl, a csv header line csv).

Bounded lines: bytes are read in chunks of at most 64 KiB (gzip output too) and no line,
csv record or json record is ever held past ``max_line_bytes``. A longer one is an error of
that record naming file and line, its rest skipped without being held; a longer one that
holds NUL bytes is binary data, not text, and reading stops there (so ``/dev/zero`` or a gzip
bomb of zeros ends as soon as the limit is reached). The importer's block reading
(``record_lines(block=)``) also holds up to :data:`BLOCK_CAP` of whole, plain lines for one
batch. See docs/FORMATS.md.

Every failure is a :class:`~anp_synth.errors.RecordError` naming the file and line, so a
truncated download or a stray binary file reads as one clear message, never a traceback.
Lines are decoded strictly as UTF-8: a record that cannot be decoded cannot be trusted.
"""

from __future__ import annotations

import contextlib
import csv
import io
import itertools
import json
import re
import sys
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import IO, Any, Generic, Literal, TypeVar, overload

from ..argcheck import integer
from ..errors import InvalidArgument, RecordError
from ..model import Article
from ..rules import canonical_json
from .csvrows import COLUMNS, HEADER, record_from_row
from .writers import format_of_name

__all__ = [
    "DEFAULT_MAX_LINE_BYTES",
    "INPUT_FORMATS",
    "check_lines",
    "check_max_line_bytes",
    "input_format",
    "iter_lines",
    "not_utf8",
    "parse_line",
    "read_records",
    "record_lines",
    "record_texts",
]

STDIN = "-"

DEFAULT_MAX_LINE_BYTES = 16 * 1024 * 1024
"""16 MiB: hundreds of times the largest record the generator writes (a hostile one is a few
tens of KB), small enough that holding one line is harmless."""

MIN_MAX_LINE_BYTES = 1024
MAX_MAX_LINE_BYTES = 1 << 31

INPUT_FORMATS: tuple[str, ...] = ("jsonl", "json", "csv", "parquet")

_CHUNK = 1 << 16

Text = tuple[int, "str | RecordError", bool]
"""(line, the record's JSON or the error of that record alone, whether its line ended with a newline)."""

RawText = tuple[int, "bytes | str | RecordError | LineBlock", bool]
"""A :data:`Text`, or for jsonl the record's line as read (bytes, its line end included), or a
batch's worth of such lines in one :class:`LineBlock` (only when asked for by ``block``)."""

T = TypeVar("T")


def _display(path: str) -> str:
    return "<stdin>" if path == STDIN else path


def _human(size: int) -> str:
    for unit, shift in (("GiB", 30), ("MiB", 20), ("KiB", 10)):
        if size >= 1 << shift and size % (1 << shift) == 0:
            return f"{size >> shift} {unit}"
    return f"{size} bytes"


def check_max_line_bytes(max_line_bytes: int) -> None:
    integer("max_line_bytes", max_line_bytes, MIN_MAX_LINE_BYTES, MAX_MAX_LINE_BYTES)


def too_long(what: str, limit: int) -> str:
    """The reason given for a line or record past the limit (the reader skipped it without holding it)."""
    return f"{what} is longer than {_human(limit)} (the --max-line-bytes limit)"


def not_utf8(byte: int) -> str:
    """The reason given for a line that is not UTF-8, ``byte`` the offset of its first bad byte."""
    return f"not valid UTF-8 (byte {byte} of the line)"


def input_format(path: str, fmt: str | None) -> str | None:
    """The format to read ``path`` as: ``fmt`` if given (it must agree with the extension), else the
    extension's, else None (sniff the stream). Parquet from stdin or gzip is refused here."""
    if fmt is not None and fmt not in INPUT_FORMATS:
        raise InvalidArgument(f"format={fmt!r} is not one of {', '.join(INPUT_FORMATS)}")
    named = None if path == STDIN else format_of_name(path)
    if fmt is not None and named is not None and fmt != named:
        raise InvalidArgument(f"format={fmt!r} contradicts the name {path!r}, which says {named}")
    chosen = fmt or named
    if chosen == "parquet":
        if path == STDIN:
            raise InvalidArgument(_PARQUET_STDIN)
        if path.lower().endswith(".gz"):
            raise InvalidArgument(f"{path}: parquet is compressed inside the file; give the .parquet file itself")
    return chosen


_PARQUET_STDIN = (
    "parquet cannot be read from stdin: its index is at the end of the file, so it needs a seekable file; "
    "give the file's path"
)


class _Corrupt(Exception):
    """The compressed stream ended early or is not gzip; the caller knows the line number."""


def _raw_chunks(raw: IO[bytes]) -> Iterator[bytes]:
    while chunk := raw.read(_CHUNK):
        yield chunk


def _gunzip(chunks: Iterator[bytes]) -> Iterator[bytes]:
    """The decompressed bytes of a gzip stream (several members allowed), at most 64 KiB at a time.

    Decompressed by hand rather than through :class:`gzip.GzipFile` so that every line
    before a truncation is still delivered and the error points at the line that broke;
    output is bounded per call, so a bomb never inflates more than a chunk at once.
    """
    decomp = zlib.decompressobj(wbits=31)
    started = False
    for chunk in chunks:
        started = True
        data = chunk
        while True:
            try:
                out = decomp.decompress(data, _CHUNK)
            except zlib.error as exc:
                raise _Corrupt(f"not a valid gzip stream ({exc})") from None
            if out:
                yield out
            if decomp.eof:
                data = decomp.unused_data
                decomp = zlib.decompressobj(wbits=31)
                if not data:
                    started = False
                    break
                continue
            data = decomp.unconsumed_tail
            if not data and len(out) < _CHUNK:
                break
    if started and not decomp.eof:
        raise _Corrupt("file is truncated: the gzip stream ends before its end marker")


@dataclass(frozen=True)
class _Overlong:
    """A line past the limit, already skipped: its size and its count of ``"`` (for csv framing)."""

    size: int
    quotes: int


def _lines(chunks: Iterator[bytes], limit: int, source: str, first: int = 1) -> Iterator[bytes | _Overlong]:
    """Each line (with its newline, but the last) or, for a line longer than ``limit``, an :class:`_Overlong`.

    Holds at most ``limit`` bytes plus a chunk. A line that goes past the limit without
    ending is skipped to its newline, counting only its quotes; if the part held holds a NUL
    byte the input is binary and reading stops with an error. A read error or a broken gzip
    stream is a RecordError naming the line where reading stopped; ``first`` is the number of
    the first line ``chunks`` hold.
    """
    held = bytearray()
    skipping = False
    size = quotes = 0
    number = first - 1
    try:
        for chunk in chunks:
            start = 0
            while (end := chunk.find(b"\n", start)) >= 0:
                piece = chunk[start : end + 1]
                start = end + 1
                number += 1
                if skipping:
                    skipping = False
                    yield _Overlong(size + len(piece), quotes + piece.count(b'"'))
                elif len(held) + len(piece) - 1 > limit:
                    yield _Overlong(len(held) + len(piece), held.count(b'"') + piece.count(b'"'))
                    held = bytearray()
                elif held:
                    held += piece
                    yield bytes(held)
                    held = bytearray()
                else:
                    yield piece
            rest = chunk[start:]
            if skipping:
                size += len(rest)
                quotes += rest.count(b'"')
            elif len(held) + len(rest) > limit:
                held += rest
                if b"\0" in held:
                    raise _Corrupt(too_long("line", limit) + " and holds NUL bytes: binary data, not records")
                size, quotes = len(held), held.count(b'"')
                held = bytearray()
                skipping = True
            else:
                held += rest
        number += 1
        if skipping:
            yield _Overlong(size, quotes)
        elif held:
            yield bytes(held)
    except _Corrupt as exc:
        raise RecordError(str(exc), source=source, line=number + 1) from None
    except OSError as exc:
        raise RecordError(f"read failed: {exc.strerror or exc}", source=source, line=number + 1) from None


def _open(path: str) -> IO[bytes]:
    if path == STDIN:
        return sys.stdin.buffer
    try:
        return open(path, "rb")  # closed by record_texts
    except OSError as exc:
        raise RecordError(f"cannot open: {exc.strerror or exc}", source=path) from None


_CSV_HEADER_START = (b"seed,", b'"seed",')


def _sniff(head: bytes) -> str:
    """The format of a stream from its first bytes (at least its first non-space byte, if any)."""
    if head.startswith(b"PAR1"):
        return "parquet"
    body = head.removeprefix(b"\xef\xbb\xbf").lstrip(b" \t\r\n")
    if body.startswith(b"["):
        return "json"
    if body.startswith(_CSV_HEADER_START):
        return "csv"
    return "jsonl"


def _peek(chunks: Iterator[bytes], enough: int) -> tuple[bytes, Iterator[bytes]]:
    """The first bytes of ``chunks`` (through the first non-space byte, at most ``enough``), and all of them again."""
    seen: list[bytes] = []
    total = 0
    for chunk in chunks:
        seen.append(chunk)
        total += len(chunk)
        if total >= enough or chunk.strip(b" \t\r\n\xef\xbb\xbf"):
            break
    return b"".join(seen)[:enough], itertools.chain(seen, chunks)


def record_texts(
    path: str,
    *,
    fmt: str | None = None,
    max_line_bytes: int = DEFAULT_MAX_LINE_BYTES,
    keep_undecodable: bool = False,
) -> RecordTexts:
    """``(line, the record's JSON text or its error)`` for every record of ``path``, in order.

    ``-`` is stdin. The input is opened and its format settled when this is called, so a
    missing file or parquet on stdin fails before the caller does anything else. A
    :class:`RecordError` yielded is the error of that record alone (not UTF-8, too long, a
    csv row that cannot be rebuilt); one raised means nothing after it can be read (a
    truncated gzip stream, binary data, a broken json array). With ``keep_undecodable`` a
    jsonl line that is not UTF-8 is yielded as text decoded with ``surrogateescape`` rather
    than as its error (see :func:`iter_lines`). Close it (or use it in a ``with``) to close
    the file if it may not be read to the end.
    """
    return RecordTexts(_texts(path, fmt, max_line_bytes, keep_undecodable))


def record_lines(
    path: str, *, fmt: str | None = None, max_line_bytes: int = DEFAULT_MAX_LINE_BYTES, block: int | None = None
) -> RecordLines:
    """As :func:`record_texts` with ``keep_undecodable``, but a jsonl line comes as the bytes read.

    Each jsonl record is ``bytes``: its line as read, line end included (none on a last line
    without one), not decoded, so a caller that only needs to recognise the line (the
    importer's ledger key, :func:`anp_synth.db.jobs.line_jobs`) never pays for decoding it.
    Blank lines are skipped exactly as :func:`record_texts` skips them, line numbers are the
    same, and an over-long line is the same error. Other formats come as from
    :func:`record_texts` (``str``): their records are rebuilt or cut out of the text.

    ``block``: jsonl lines may come ``block`` at a time as one :class:`LineBlock` (numbered by
    its first line), whenever those lines are plain (see :func:`_jsonl_blocks`); any others
    come one by one as without it.
    """
    return RecordLines(_texts(path, fmt, max_line_bytes, True, raw=True, block=block))


class _Records(Iterator[tuple[int, T]], Generic[T]):
    """The iterator :func:`record_texts` and :func:`record_lines` return: its file is closed at the end,
    or by :meth:`close`."""

    def __init__(self, texts: _Source[tuple[int, T, bool]]) -> None:
        self._texts = texts
        self._read = 0

    @property
    def sized(self) -> bool:
        """Whether :meth:`bytes_read` follows the file (a regular file, not stdin or parquet)."""
        return self._texts.position is not None

    def bytes_read(self) -> int:
        """Bytes of the file read so far, as stored (compressed, for ``.gz``): for a progress bar."""
        if self._texts.position is not None:
            with contextlib.suppress(ValueError, OSError):  # closed at its end: the last position stands
                self._read = self._texts.position()
        return self._read

    def __next__(self) -> tuple[int, T]:
        number, text, _ = next(self._texts)
        return number, text

    def close(self) -> None:
        self._texts.close()

    def __enter__(self) -> _Records[T]:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


RecordTexts = _Records["str | RecordError"]
RecordLines = _Records["bytes | str | RecordError | LineBlock"]


@overload
def _texts(
    path: str, fmt: str | None, limit: int, keep_undecodable: bool, raw: Literal[False] = ..., block: None = ...
) -> Source: ...


@overload
def _texts(
    path: str, fmt: str | None, limit: int, keep_undecodable: bool, raw: Literal[True], block: int | None = ...
) -> RawSource: ...


def _texts(
    path: str, fmt: str | None, limit: int, keep_undecodable: bool, raw: bool = False, block: int | None = None
) -> Source | RawSource:
    """Open ``path`` and settle its format now; the records come as they are iterated.

    ``raw``: jsonl lines come as bytes (:func:`_jsonl_lines`), always keeping undecodable ones;
    with ``block``, plain runs of them as :class:`LineBlock` (:func:`_jsonl_blocks`)."""
    check_max_line_bytes(limit)
    chosen = input_format(path, fmt)
    source = _display(path)
    if chosen == "parquet":
        from .parquet import parquet_texts

        return parquet_texts(path, limit)
    stream = _open(path)
    try:
        try:
            chunks = _raw_chunks(stream)
            packed = path != STDIN and path.lower().endswith(".gz")
            if path == STDIN or chosen is None:
                magic, chunks = _peek(chunks, 2)
                packed = packed or magic.startswith(b"\x1f\x8b")
            if packed:
                chunks = _gunzip(chunks)
            if chosen is None:
                head, chunks = _peek(chunks, limit)
                chosen = _sniff(head)
                if chosen == "parquet":
                    raise InvalidArgument(
                        _PARQUET_STDIN if path == STDIN else f"{path}: looks like parquet; name it .parquet"
                    )
        except _Corrupt as exc:
            raise RecordError(str(exc), source=source, line=1) from None
        except OSError as exc:
            raise RecordError(f"read failed: {exc.strerror or exc}", source=source, line=1) from None
    except BaseException:
        if path != STDIN:
            stream.close()
        raise
    texts: Iterator[RawText]
    if chosen not in ("json", "csv") and raw and block is not None:
        texts = _jsonl_blocks(chunks, source, limit, block)
    else:
        lines = _lines(chunks, limit, source)
        if chosen == "json":
            texts = _json_texts(lines, source, limit, keep_undecodable)
        elif chosen == "csv":
            texts = _csv_texts(lines, source, limit, keep_undecodable)
        elif raw:
            texts = _jsonl_lines(lines, source, limit)
        else:
            texts = _jsonl_texts(lines, source, limit, keep_undecodable)
    return _Source(texts, stream.close if path != STDIN else None,
                   stream.tell if path != STDIN and stream.seekable() else None)  # fmt: skip


class _Source(Iterator[T], Generic[T]):
    """``texts``, with ``close`` called at their end, on an error, or by :meth:`close` (even unread).

    (A generator's ``finally`` would not run if it was never started.)
    """

    def __init__(
        self, texts: Iterator[T], close: Callable[[], object] | None, position: Callable[[], int] | None = None
    ) -> None:
        self._texts = texts
        self._close = close
        self.position = position
        """Where reading stands in the underlying file, when it can tell."""

    def __next__(self) -> T:
        try:
            return next(self._texts)
        except BaseException:
            self.close()
            raise

    def close(self) -> None:
        close, self._close = self._close, None
        if close is not None:
            close()

    def __enter__(self) -> _Source[T]:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


Source = _Source[Text]
RawSource = _Source[RawText]


def _jsonl_texts(lines: Iterator[bytes | _Overlong], source: str, limit: int, keep_undecodable: bool) -> Iterator[Text]:
    for number, data in enumerate(lines, 1):
        if isinstance(data, _Overlong):
            yield number, RecordError(too_long("line", limit), source=source, line=number), True
            continue
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            if not keep_undecodable:
                yield number, RecordError(not_utf8(exc.start), source=source, line=number), True
                continue
            text = data.decode("utf-8", "surrogateescape")
        stripped = text.rstrip("\r\n")
        if stripped.strip():
            yield number, stripped, text.endswith("\n")


_ASCII_TEXT = range(0x21, 0x7F)
"""Bytes that are one character each and never white space: a line starting with one is not blank."""


def _jsonl_lines(lines: Iterator[bytes | _Overlong], source: str, limit: int, first: int = 1) -> Iterator[RawText]:
    """As :func:`_jsonl_texts` with ``keep_undecodable``, each line as read (bytes, line end and all).

    Which lines are blank is decided as there (``str.strip`` on the decoded line, which also
    strips Unicode spaces): a line starting with printable ASCII (``{``) is not, without
    decoding it; any other is decoded to tell. ``first``: the number of the first line.
    """
    for number, data in enumerate(lines, first):
        if isinstance(data, _Overlong):
            yield number, RecordError(too_long("line", limit), source=source, line=number), True
        elif data[0] in _ASCII_TEXT or data.decode("utf-8", "surrogateescape").rstrip("\r\n").strip():
            yield number, data, data.endswith(b"\n")


class LineBlock:
    r"""``count`` consecutive jsonl lines as read, the first numbered ``first``, cut from the reader's
    chunks without copying them: each ends in exactly one ``\n``, none is blank or over the
    limit, and ``\r`` occurs nowhere. So the block *is* those lines, each as
    :func:`_jsonl_lines` would give it, with no Python object made per line: a batch that is
    only hashed (an unchanged re-run) is never even joined into one bytes object, and one sent
    to a worker process is pickled as one."""

    __slots__ = ("_data", "count", "first", "parts")

    def __init__(self, first: int, parts: tuple[bytes | memoryview, ...], count: int) -> None:
        self.first = first
        self.parts = parts
        """The block's bytes, in pieces as read (whole chunks, or the part of one in this block)."""
        self.count = count
        self._data: bytes | None = None

    @property
    def data(self) -> bytes:
        """The block's bytes in one piece (joined once, when first asked for)."""
        if self._data is None:
            self._data = b"".join(self.parts)
            self.parts = (self._data,)
        return self._data

    def lines(self) -> list[bytes]:
        r"""The lines, each with its ``\n`` (``bytes.splitlines`` splits only at ``\n`` and ``\r``)."""
        return self.data.splitlines(keepends=True)

    def __reduce__(self) -> tuple[Any, ...]:
        return LineBlock, (self.first, (self.data,), self.count)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, LineBlock):
            return NotImplemented
        return (self.first, self.count, self.data) == (other.first, other.count, other.data)

    def __hash__(self) -> int:
        return hash((self.first, self.count, self.data))

    def __repr__(self) -> str:
        return f"LineBlock(first={self.first}, count={self.count}, bytes={sum(len(p) for p in self.parts)})"


BLOCK_CAP = 64 << 20
"""The most bytes of whole lines the block reader holds for one batch; a batch that does not fit
is read line by line (which holds one line and a chunk)."""


def _jsonl_blocks(chunks: Iterator[bytes], source: str, limit: int, size: int) -> Iterator[RawText]:
    r""":func:`_jsonl_lines`, but each run of ``size`` ordinary lines comes as one :class:`LineBlock`.

    Ordinary: starts with printable ASCII (so not blank), ends in one ``\n``, no ``\r``, within
    the limit. At the first batch that is not all ordinary (or does not fit in
    :data:`BLOCK_CAP`, or ends the input), everything from that batch's first line on is read
    by :func:`_jsonl_lines`, with its numbering and the same reads: the same lines, errors and
    numbers as reading line by line, so a block is only ever a faster way to the same records.
    """
    pieces: list[bytes | memoryview] = []  # the batch being cut, from its first line: chunks, or a chunk's tail
    held = 0  # their bytes
    number = 1  # of the batch's first line
    found = 0  # whole lines of the batch found so far
    length = 0  # bytes of the line being scanned, so far
    at_start = True  # the next byte scanned starts a line
    rest: Iterator[bytes] = chunks
    try:
        while True:
            chunk = next(chunks, None)
            if chunk is None:
                raise _NotABlock
            pieces.append(chunk)
            held += len(chunk)
            if b"\r" in chunk or held > BLOCK_CAP:
                raise _NotABlock
            start = began = 0  # began: where, in this chunk, the batch's part of it starts
            while True:
                if at_start:
                    if start == len(chunk):
                        break
                    if not 0x21 <= chunk[start] <= 0x7E:
                        raise _NotABlock
                    at_start = False
                end = chunk.find(b"\n", start)
                if end < 0:
                    length += len(chunk) - start
                    if length > limit:
                        raise _NotABlock
                    break
                if length + end - start > limit:
                    raise _NotABlock
                length, at_start, start = 0, True, end + 1
                found += 1
                if found == size:
                    view = memoryview(chunk)
                    pieces[-1] = view[began:start]
                    yield number, LineBlock(number, tuple(pieces), size), True
                    pieces = [view[start:]]
                    held = len(chunk) - start
                    began = start
                    number += size
                    found = 0
    except _NotABlock:
        pass
    except (_Corrupt, OSError) as exc:  # raised where the line reader would meet it: after the lines held
        rest = _raising(exc)
    # the batch's chunks as they were read (its first one from where the batch starts in it):
    # the line reader then meets exactly the reads it would have met on its own
    held_chunks = [bytes(piece) for piece in pieces]
    del pieces
    lines = _lines(itertools.chain(held_chunks, rest), limit, source, number)
    del held_chunks
    yield from _jsonl_lines(lines, source, limit, number)


class _NotABlock(Exception):
    """The batch being cut is not all ordinary lines: the line reader takes over from its start."""


def _raising(exc: BaseException) -> Iterator[bytes]:
    raise exc
    yield b""  # pragma: no cover - makes this a generator


# --- json: one array of records ---------------------------------------------------------------

_DECODER = json.JSONDecoder()
_SPACE = re.compile(r"[ \t\r\n]*")
_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"')


def _depth(text: str) -> int:
    """How many brackets ``text`` leaves open, strings not counted (a json string never spans lines)."""
    bare = _STRING.sub("", text)
    return bare.count("{") + bare.count("[") - bare.count("}") - bare.count("]")


def _json_texts(lines: Iterator[bytes | _Overlong], source: str, limit: int, keep_undecodable: bool) -> Iterator[Text]:
    """Each element of a json array, as its own text, with the line it starts on.

    An element on one line (as ``generate`` writes them) is found by one ``raw_decode``; one
    spread over lines (pretty-printed) is gathered until its brackets close, then decoded
    once. A syntax error loses the array's framing, so it stops the read (raised); a bad
    record that is valid JSON is yielded as text and fails validation in its place.
    """

    def fail(reason: str, line: int) -> RecordError:
        return RecordError(reason, source=source, line=line)

    state = "start"  # start, first (after '['), value (after ','), after (after a value), done
    gathered: list[str] = []
    gathered_size = depth = start_line = 0
    number = 0
    for number, data in enumerate(lines, 1):
        if isinstance(data, _Overlong):
            raise fail(too_long("line", limit) + ": a json array cannot be read past it", number)
        text = data.decode("utf-8", "surrogateescape")
        pos = 0
        if gathered:
            gathered.append(text)
            gathered_size += len(data)
            depth += _depth(text)
            if gathered_size > limit:
                raise fail(too_long("record", limit) + ": a json array cannot be read past it", start_line)
            if depth > 0:
                continue
            text = "".join(gathered)
            gathered = []
            try:
                _, end = _DECODER.raw_decode(text)
            except json.JSONDecodeError as exc:
                raise fail(f"not valid JSON: {exc.msg}", start_line + exc.lineno - 1) from None
            yield _element(text[:end], start_line, source, keep_undecodable)
            pos, state = end, "after"
        while True:
            pos = _SPACE.match(text, pos).end()  # type: ignore[union-attr]
            if pos >= len(text):
                break
            char = text[pos]
            if state == "start":
                if char != "[":
                    raise fail("not a json array: the file should start with '['", number)
                state, pos = "first", pos + 1
            elif state == "done":
                raise fail("unexpected text after the end of the json array", number)
            elif state == "after":
                if char not in ",]":
                    raise fail(f"expected ',' or ']' after a record, found {char!r}", number)
                state, pos = ("value" if char == "," else "done"), pos + 1
            elif char == "]" and state == "first":
                state, pos = "done", pos + 1
            else:
                try:
                    _, end = _DECODER.raw_decode(text, pos)
                except json.JSONDecodeError as exc:
                    rest = text[pos:]
                    depth = _depth(rest)
                    if depth <= 0:
                        raise fail(f"not valid JSON: {exc.msg} (column {exc.colno})", number) from None
                    gathered, gathered_size, start_line = [rest], len(rest.encode("utf-8", "surrogateescape")), number
                    break
                yield _element(text[pos:end], number, source, keep_undecodable)
                pos, state = end, "after"
    if gathered:
        raise fail("the file ends inside a record (truncated?)", start_line)
    if state != "done":
        raise fail("the json array is not closed: the file ends before its ']' (truncated?)", max(number, 1))


def _element(text: str, line: int, source: str, keep_undecodable: bool) -> Text:
    if not keep_undecodable:
        try:
            text.encode("utf-8")
        except UnicodeEncodeError as exc:
            bad = len(text[: exc.start].encode("utf-8", "surrogateescape"))
            return line, RecordError(not_utf8(bad), source=source, line=line), True
    return line, text, True


# --- csv: a header line, then one record per row ------------------------------------------------


def _csv_texts(lines: Iterator[bytes | _Overlong], source: str, limit: int, keep_undecodable: bool) -> Iterator[Text]:
    """Each row rebuilt into its record (:func:`record_from_row`), as canonical JSON, with its first line.

    Rows are framed by quotes (a newline inside a quoted cell does not end the row: the
    count of ``"`` so far is odd there), so a row past the limit is skipped whole.
    """
    if csv.field_size_limit() < limit:
        csv.field_size_limit(limit)  # the framing already bounds every cell; the default is 128 KiB
    held: list[bytes] = []
    size = quotes = first = 0
    too_big = False
    header = False
    number = 0
    for number, data in enumerate(lines, 1):
        if not held and not too_big:
            first = number
        if isinstance(data, _Overlong):
            too_big, held = True, []
            size += data.size
            quotes += data.quotes
        else:
            size += len(data)
            quotes += data.count(b'"')
            if too_big or size > limit:
                too_big, held = True, []
            else:
                held.append(data)
        if quotes % 2:
            continue
        row_bytes, was_too_big = b"".join(held), too_big
        held, size, quotes, too_big = [], 0, 0, False
        if was_too_big:
            if not header:
                raise RecordError(too_long("csv header", limit), source=source, line=first)
            yield first, RecordError(too_long("row", limit), source=source, line=first), True
            continue
        if not row_bytes.strip():
            continue
        if not header:
            _check_header(row_bytes, source, first)
            header = True
            continue
        yield _row_text(row_bytes, source, first, keep_undecodable)
    if held or too_big:
        yield first, RecordError("the file ends inside a quoted cell (truncated?)", source=source, line=first), False
    elif not header and number:
        raise RecordError("not an anp-synth csv file: no header line", source=source, line=1)


def _cells(row_bytes: bytes) -> list[str]:
    text = row_bytes.decode("utf-8", "surrogateescape").removeprefix("\ufeff")
    rows = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    if len(rows) != 1:
        raise csv.Error(f"expected one row, found {len(rows)}")
    return rows[0]


def _check_header(row_bytes: bytes, source: str, line: int) -> None:
    try:
        cells = _cells(row_bytes)
    except csv.Error as exc:
        raise RecordError(f"not an anp-synth csv file: bad header line ({exc})", source=source, line=line) from None
    if tuple(cells) != HEADER:
        wrong = next(
            (i for i, (a, b) in enumerate(zip(cells, HEADER, strict=False)) if a != b), min(len(cells), len(HEADER))
        )
        found = repr(cells[wrong]) if wrong < len(cells) else "nothing"
        expected = repr(HEADER[wrong]) if wrong < len(HEADER) else "nothing"
        raise RecordError(
            f"not an anp-synth csv file: header column {wrong + 1} is {found}, expected {expected}",
            source=source,
            line=line,
        )


def _row_text(row_bytes: bytes, source: str, line: int, keep_undecodable: bool) -> Text:
    def error(reason: str, field: str | None = None) -> Text:
        return line, RecordError(reason, source=source, line=line, field=field), True

    try:
        row_bytes.decode("utf-8")
    except UnicodeDecodeError as exc:
        return error(not_utf8(exc.start))
    try:
        cells = _cells(row_bytes)
    except csv.Error as exc:
        return error(f"not valid csv: {exc}")
    if len(cells) != len(COLUMNS):
        return error(f"has {len(cells)} cells, expected {len(COLUMNS)} (one per header column)")
    json_cells = [cell for (_, kind), cell in zip(COLUMNS, cells, strict=True) if kind == "json"]
    try:
        # one parse for all the json cells; a cell that is not one JSON value breaks the count
        values = json.loads("[" + ",".join(json_cells) + "]")
    except (ValueError, RecursionError):
        values = None
    if values is None or len(values) != len(json_cells):
        for (name, kind), cell in zip(COLUMNS, cells, strict=True):
            if kind == "json":
                try:
                    json.loads(cell)
                except (ValueError, RecursionError) as exc:
                    return error(f"not valid JSON in this cell: {exc}", name)
        return error("not valid csv: a json cell holds more than one value")
    return line, _canonical_text(record_from_row(cells, values)), True


def _canonical_text(record: Any) -> str:
    """The record's canonical JSON; escaped to ASCII if it holds a lone surrogate, so the
    validator (not the UTF-8 check) names the field that holds it."""
    text = canonical_json(record)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return json.dumps(record, sort_keys=True, separators=(",", ":"), ensure_ascii=True)
    return text


# --- the public readers ---------------------------------------------------------------------------


def iter_lines(
    path: str, *, keep_undecodable: bool = False, max_line_bytes: int = DEFAULT_MAX_LINE_BYTES
) -> Iterator[tuple[int, str]]:
    """Yield ``(line_number, text)`` for each non-blank line of a jsonl file, 1-based, without the newline.

    ``-`` reads stdin as bytes; a name ending in ``.gz`` is gunzipped. A line that is not
    UTF-8 or longer than ``max_line_bytes``, or a gzip stream that is truncated or corrupt,
    raises :class:`RecordError` naming the file and the line where reading stopped.

    With ``keep_undecodable`` a line that is not UTF-8 is yielded rather than raised,
    decoded with ``surrogateescape``: each bad byte becomes a lone surrogate, which no
    decoded UTF-8 holds, so ``text.encode("utf-8")`` fails on exactly these lines and
    ``text.encode("utf-8", "surrogateescape")`` gives their bytes back. For a caller that
    rejects such a line in its place in the input, as the importer does.
    """
    with _texts(path, "jsonl", max_line_bytes, keep_undecodable) as texts:
        for number, text, _ in texts:
            if isinstance(text, RecordError):
                raise text
            yield number, text


def check_lines(
    path: str, *, fmt: str | None = None, max_line_bytes: int = DEFAULT_MAX_LINE_BYTES
) -> Iterator[tuple[int, Article | RecordError]]:
    """Yield ``(line_number, record or its error)`` for every record, going on past bad ones.

    For ``anp-synth validate``, which reports every bad record rather than the first. Input
    that cannot be read on (truncated or corrupt gzip, binary data, a broken json array)
    still raises :class:`RecordError`.
    """
    source = _display(path)
    with _texts(path, fmt, max_line_bytes, False) as texts:
        for number, text, complete in texts:
            if isinstance(text, RecordError):
                yield number, text
                continue
            try:
                yield number, parse_line(text, source=source, line=number)
            except RecordError as exc:
                if not complete and exc.reason.startswith("not valid JSON"):
                    exc = RecordError(
                        exc.reason + " (the file ends in the middle of this line: truncated?)",
                        source=source,
                        line=number,
                    )
                yield number, exc


def parse_line(text: str, *, source: str, line: int, regenerate: bool = True) -> Article:
    """Parse one record's JSON and check it against the schema and every rule of the guide.

    A line byte for byte the generator's own is valid by construction and is not checked
    again (:func:`~anp_synth.validate.generated_record`, cheaper than the checks); any other
    goes through :func:`~anp_synth.validate.check_line_record`, which gives the same verdicts
    as ``check_record`` but hashes a canonical line as it stands instead of re-serialising it.
    ``regenerate=False`` skips the first step, for a caller that has just tried it itself.
    (Imported here, not at the top: an unchanged re-run reads the file but validates nothing.)
    """
    from ..validate import check_line_record, generated_record

    if regenerate:
        record = generated_record(text)
        if record is not None:
            return record
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        reason = f"not valid JSON: {exc.msg} (column {exc.colno})"
        raise RecordError(reason, source=source, line=line) from None
    except RecursionError:
        raise RecordError("not valid JSON: nested too deeply", source=source, line=line) from None
    except ValueError as exc:  # e.g. an integer past Python's 4300-digit conversion limit
        raise RecordError(f"not valid JSON: {exc}", source=source, line=line) from None
    return check_line_record(obj, text, source=source, line=line)


def read_records(
    path: str, *, fmt: str | None = None, max_line_bytes: int = DEFAULT_MAX_LINE_BYTES
) -> Iterator[tuple[int, Article]]:
    """Yield ``(line_number, record)`` for every record of ``path``, validated, in file order.

    The first bad record raises its :class:`RecordError`.
    """
    source = _display(path)
    with _texts(path, fmt, max_line_bytes, False) as texts:
        for number, text, _ in texts:
            if isinstance(text, RecordError):
                raise text
            yield number, parse_line(text, source=source, line=number)
