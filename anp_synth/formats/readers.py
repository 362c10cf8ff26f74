"""Read records back from jsonl files: plain, gzip (by extension) or stdin (``-``).

Every failure is a :class:`~anp_synth.errors.RecordError` naming the file and line, so a
truncated download or a stray binary file reads as one clear message, never a traceback.
Lines are decoded strictly as UTF-8: a record that cannot be decoded cannot be trusted.
A line that is not UTF-8 is an error of that line alone, like bad JSON: readers that go on
past bad lines (``validate``, ``import --on-error skip``) go on past it too.
"""

from __future__ import annotations

import json
import sys
import zlib
from collections.abc import Iterator
from typing import IO

from ..errors import RecordError
from ..model import Article
from ..validate import check_line_record

__all__ = ["check_lines", "iter_lines", "not_utf8", "parse_line", "read_records"]

STDIN = "-"


def _display(path: str) -> str:
    return "<stdin>" if path == STDIN else path


class _Corrupt(Exception):
    """The compressed stream ended early or is not gzip; the caller knows the line number."""


_CHUNK = 1 << 16


def _gunzip_lines(raw: IO[bytes]) -> Iterator[bytes]:
    """Lines of a gzip stream (several members allowed), each with its newline but the last.

    Decompressed by hand rather than through :class:`gzip.GzipFile` so that every line
    before a truncation is still delivered and the error points at the line that broke.
    """
    decomp = zlib.decompressobj(wbits=31)
    pending = b""
    started = False
    while True:
        chunk = raw.read(_CHUNK)
        if not chunk:
            break
        started = True
        while chunk:
            try:
                pending += decomp.decompress(chunk)
            except zlib.error as exc:
                raise _Corrupt(f"not a valid gzip stream ({exc})") from None
            chunk = decomp.unused_data
            if decomp.eof:
                decomp = zlib.decompressobj(wbits=31)
                if not chunk:
                    started = False
            *lines, pending = pending.split(b"\n")
            for one in lines:
                yield one + b"\n"
    if started and not decomp.eof:
        raise _Corrupt("file is truncated: the gzip stream ends before its end marker")
    if pending:
        yield pending


def _plain_lines(raw: IO[bytes]) -> Iterator[bytes]:
    yield from iter(raw.readline, b"")


def _open(path: str) -> IO[bytes]:
    if path == STDIN:
        return sys.stdin.buffer
    try:
        return open(path, "rb")  # closed by iter_lines
    except OSError as exc:
        raise RecordError(f"cannot open: {exc.strerror or exc}", source=path) from None


def not_utf8(byte: int) -> str:
    """The reason given for a line that is not UTF-8, ``byte`` the offset of its first bad byte."""
    return f"not valid UTF-8 (byte {byte} of the line)"


def _decoded(path: str, keep_undecodable: bool = False) -> Iterator[tuple[int, str | RecordError, bool]]:
    """``(line, text or the line's UTF-8 error, whether it ended with a newline)`` per non-blank line.

    With ``keep_undecodable``, a line that is not UTF-8 comes as text decoded with
    ``surrogateescape`` instead of as its error (see :func:`iter_lines`). A truncated or
    corrupt gzip stream, or a failing read, raises: nothing after it can be read.
    """
    source = _display(path)
    raw = _open(path)
    number = 0
    lines = _gunzip_lines(raw) if path.endswith(".gz") else _plain_lines(raw)
    try:
        try:
            for data in lines:
                number += 1
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
        except _Corrupt as exc:
            raise RecordError(str(exc), source=source, line=number + 1) from None
        except OSError as exc:
            raise RecordError(f"read failed: {exc.strerror or exc}", source=source, line=number + 1) from None
    finally:
        if path != STDIN:
            raw.close()


def iter_lines(path: str, *, keep_undecodable: bool = False) -> Iterator[tuple[int, str]]:
    """Yield ``(line_number, text)`` for each non-blank line, 1-based, without the newline.

    ``-`` reads stdin as bytes; a name ending in ``.gz`` is gunzipped. A line that is not
    UTF-8, or a gzip stream that is truncated or corrupt, raises :class:`RecordError`
    naming the file and the line where reading stopped.

    With ``keep_undecodable`` a line that is not UTF-8 is yielded rather than raised,
    decoded with ``surrogateescape``: each bad byte becomes a lone surrogate, which no
    decoded UTF-8 holds, so ``text.encode("utf-8")`` fails on exactly these lines and
    ``text.encode("utf-8", "surrogateescape")`` gives their bytes back. For a caller that
    rejects such a line in its place in the input, as the importer does.
    """
    for number, text, _ in _decoded(path, keep_undecodable):
        if isinstance(text, RecordError):
            raise text
        yield number, text


def check_lines(path: str) -> Iterator[tuple[int, Article | RecordError]]:
    """Yield ``(line_number, record or its error)`` for every line, going on past bad lines.

    For ``anp-synth validate``, which reports every bad line rather than the first. A file
    that cannot be read on (truncated or corrupt gzip) still raises :class:`RecordError`.
    """
    source = _display(path)
    for number, text, complete in _decoded(path):
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


def parse_line(text: str, *, source: str, line: int) -> Article:
    """Parse one jsonl line and check it against the schema and every rule of the guide.

    Goes through :func:`~anp_synth.validate.check_line_record`, which gives the same verdicts
    as ``check_record`` but hashes a canonical line as it stands instead of re-serialising it.
    """
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


def read_records(path: str) -> Iterator[tuple[int, Article]]:
    """Yield ``(line_number, record)`` for every record of ``path``, validated, in file order."""
    source = _display(path)
    for number, text in iter_lines(path):
        yield number, parse_line(text, source=source, line=number)
