"""Open an output so that it either appears whole or not at all.

A file is written under a temporary name in its own directory and renamed over the
target only after the last byte is flushed and synced; any error, or Ctrl-C, removes
the temporary file. A name ending in ``.gz`` is gzip-compressed with the timestamp and
file name left out of the header, so the same records always give the same bytes.
``-`` is stdout, written as is, and so is an existing file that is not a regular file
(``/dev/null``, a named pipe), which a rename would replace. A write that fails (disk
full, read-only file system, I/O error) is an :class:`OutputError` naming the output;
a closed pipe on stdout stays a ``BrokenPipeError``, which the CLI ends quietly.
"""

from __future__ import annotations

import gzip
import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from typing import BinaryIO, cast

from ..errors import OutputError

STDOUT = "-"
GZIP_LEVEL = 6
"""gzip's own default: within a few percent of level 9's size at a fraction of its time."""


def _file_mode() -> int:
    """The mode a plain ``open(path, "w")`` would give: mkstemp's 0600 would surprise users."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def _fail(path: str, exc: OSError) -> OutputError:
    return OutputError(f"cannot write {path}: {exc.strerror or exc}")


@contextmanager
def _stdout() -> Iterator[BinaryIO]:
    out = sys.stdout.buffer
    try:
        yield out
        out.flush()
    except BrokenPipeError:
        raise
    except OSError as exc:
        if exc.filename is not None:  # not stdout's: a file the caller read
            raise
        raise OutputError(f"cannot write standard output: {exc.strerror or exc}") from None


def is_gzip(path: str) -> bool:
    return path != STDOUT and path.endswith(".gz")


def gzip_member(data: bytes) -> bytes:
    """``data`` as one complete gzip member, the same bytes every time (no timestamp, no name).

    A gzip file may be several members back to back and reads as their concatenation, so
    chunks compressed separately (in worker processes, say) make one valid file.
    """
    return gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0)


@contextmanager
def _packed(path: str, raw: BinaryIO, compress: bool) -> Iterator[BinaryIO]:
    """``raw`` itself, or a gzip stream into it when ``path`` ends in ``.gz``."""
    if not (compress and is_gzip(path)):
        yield raw
        return
    with gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=GZIP_LEVEL) as packed:
        yield cast(BinaryIO, packed)


@contextmanager
def _in_place(path: str, compress: bool) -> Iterator[BinaryIO]:
    try:
        with open(path, "wb") as raw, _packed(path, raw, compress) as out:
            yield out
    except OSError as exc:
        raise _fail(path, exc) from None


@contextmanager
def atomic_output(path: str, *, compress: bool = True) -> Iterator[BinaryIO]:
    """Yield a binary stream for ``path``; the file appears (atomically) only if the block succeeds.

    ``compress=False`` leaves a ``.gz`` path's bytes alone, for a caller that writes gzip
    members itself (see :func:`gzip_member`).
    """
    if path == STDOUT:
        with _stdout() as out:
            yield out
        return
    if "\0" in path:
        raise OutputError(f"cannot write {path!r}: a file name cannot hold a NUL byte")
    if os.path.isdir(path):
        raise OutputError(f"cannot write {path}: it is a directory")
    if os.path.exists(path) and not os.path.isfile(path):
        # /dev/null, a named pipe, a terminal: write in place. Renaming over one would
        # replace the device itself with a regular file.
        with _in_place(path, compress) as out:
            yield out
        return
    target = os.path.realpath(path)  # through a symlink, as open() would write, keeping the link
    try:
        fd, temp = tempfile.mkstemp(dir=os.path.dirname(target), prefix=f".{os.path.basename(target)}.", suffix=".part")
    except OSError as exc:
        raise _fail(path, exc) from None
    try:
        try:
            os.fchmod(fd, _file_mode())
            with os.fdopen(fd, "wb") as raw:
                with _packed(path, raw, compress) as out:
                    yield out
                raw.flush()
                os.fsync(raw.fileno())
            os.replace(temp, target)
        except OSError as exc:
            raise _fail(path, exc) from None
    except BaseException:
        with suppress(OSError):
            os.unlink(temp)
        raise
