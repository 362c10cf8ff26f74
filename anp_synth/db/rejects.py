"""The rejects file of ``import --on-error skip``: each rejected line once, whatever the crashes.

A batch's rejects are written and synced just before the batch commits, so a rejected line
is never lost to a crash. A run killed between the two redoes that batch when resumed and
would write its rejects again; so each reject names its batch (``batch``, the batch's key
in the ledger) and how many rejects the batch has (``batch_rejects``), and a batch the file
holds whole is not written again. A re-run that cuts the input into other batches
(another ``--batch-size``) has other batch keys, so a reject of a file (it has a line
number) is also known by its content: line, seed, field, reason and raw line; one the file
holds already is not written again. That costs this process a 16-byte digest per reject held.

Several imports may share one rejects file (two runs of the same input into one database,
say). Every write therefore happens under an exclusive ``flock`` of the file, after reading
what other runs appended since this one last looked: two runs that both prepared a batch
write its rejects once. Under the lock the file also gets repaired: a torn last line, or a
last batch with fewer lines than it announces, can only be what a killed run left, and is
cut off. A write that fails (disk full) is cut back too, so the file never holds half a
batch, and is an :class:`OutputError` naming the file. A path that is not a regular file
(``/dev/null``, a FIFO, ``/dev/stderr``) is only appended to: there is nothing to read back.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import stat
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from typing import IO, Any

from ..errors import InvalidArgument, OutputError
from .jobs import Reject


class RejectsFile:
    """Appends batches of rejects to ``path``, opened (and repaired) on the first batch."""

    def __init__(self, path: str) -> None:
        self.path = path
        self._file: IO[bytes] | None = None
        self._whole: set[str] = set()
        self._held: set[bytes] = set()
        """The identities (see :func:`_identity`) of the rejects in the file's whole batches."""
        self._read_to = 0
        """How far this run has read the file: always the end of a whole batch."""
        self._regular = True

    def write(self, batch: str, rejects: Sequence[Reject]) -> None:
        """Append the rejects of the batch keyed ``batch``, unless the file holds them whole already."""
        f = self._file if self._file is not None else self._open()
        if batch in self._whole:
            return
        try:
            if not self._regular:
                _append(f.fileno(), _encode(batch, [reject.to_dict() for reject in rejects]))
                return
            with _locked(f):
                self._catch_up(f)
                if batch in self._whole:  # another run wrote it while this one prepared the batch
                    return
                fresh = [d for d in (reject.to_dict() for reject in rejects) if _identity(d) not in self._held]
                if not fresh:  # all written already, by a run that cut the input into other batches
                    self._whole.add(batch)
                    return
                data = _encode(batch, fresh)
                end = self._read_to
                try:
                    _append(f.fileno(), data)
                    os.fsync(f.fileno())
                except OSError:
                    with suppress(OSError):
                        os.ftruncate(f.fileno(), end)
                    raise
                self._read_to = end + len(data)
                self._whole.add(batch)
                self._held.update(i for i in map(_identity, fresh) if i is not None)
        except OSError as exc:
            raise OutputError(f"cannot write the rejects file {self.path}: {exc.strerror or exc}") from None

    def close(self) -> None:
        if self._file is not None:
            with suppress(OSError):  # nothing is buffered: every write went straight to the file
                self._file.close()
            self._file = None

    def _open(self) -> IO[bytes]:
        try:
            f = open(self.path, "a+b")  # noqa: SIM115 (closed by close())
        except OSError as exc:
            raise InvalidArgument(f"cannot open the rejects file {self.path}: {exc.strerror or exc}") from None
        try:
            self._regular = stat.S_ISREG(os.fstat(f.fileno()).st_mode)
            if self._regular:
                with _locked(f):
                    self._catch_up(f)
        except OSError as exc:
            f.close()
            raise InvalidArgument(f"cannot read the rejects file {self.path}: {exc.strerror or exc}") from None
        self._file = f
        return f

    def _catch_up(self, f: IO[bytes]) -> None:
        """Read what was appended since this run last looked (under the lock), repairing a torn end."""
        self._read_to = _scan(f, self._read_to, self._whole, self._held)


@contextmanager
def _locked(f: IO[bytes]) -> Iterator[None]:
    """Hold the file's exclusive lock: one run at a time reads, repairs or appends."""
    fcntl.flock(f.fileno(), fcntl.LOCK_EX)
    try:
        yield
    finally:
        fcntl.flock(f.fileno(), fcntl.LOCK_UN)


def _append(fd: int, data: bytes) -> None:
    """Write all of ``data`` at the end of the file (opened for appending), unbuffered."""
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def _encode(batch: str, rejects: list[dict[str, Any]]) -> bytes:
    lines = [{**reject, "batch": batch, "batch_rejects": len(rejects)} for reject in rejects]
    return "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines).encode()


def _identity(reject: dict[str, Any]) -> bytes | None:
    """What makes a reject of a file the same reject in any run: None for one without a line number
    (records handed to the importer), which only its batch tells apart."""
    if not isinstance(reject.get("line"), int):
        return None
    fields = [reject.get(name) for name in ("line", "seed", "field", "reason", "record")]
    return hashlib.blake2b(json.dumps(fields, ensure_ascii=False).encode(), digest_size=16).digest()


def _parse(line: bytes) -> tuple[str | None, int, bytes | None]:
    """The batch key, announced reject count and identity of one line; ``(None, 0, None)`` for a
    line not of this format."""
    try:
        obj: Any = json.loads(line)
    except ValueError:
        return None, 0, None
    if not isinstance(obj, dict):
        return None, 0, None
    key, total = obj.get("batch"), obj.get("batch_rejects")
    if not isinstance(key, str) or not isinstance(total, int):
        return None, 0, None
    return key, total, _identity(obj)


def _scan(f: IO[bytes], offset: int, whole: set[str], held: set[bytes]) -> int:
    """Add the batches held whole from ``offset`` on to ``whole``, their rejects to ``held``; the
    end, after any cut.

    Batches are appended whole under the lock, one after another, so only the last one can
    be incomplete, and only because the run writing it died.
    """
    key: str | None = None
    start = count = total = 0
    pending: list[bytes] = []
    cut: int | None = None

    def close_batch() -> None:
        if key is not None and count >= total:
            whole.add(key)
            held.update(pending)

    f.seek(offset)
    for line in iter(f.readline, b""):
        if not line.endswith(b"\n"):  # torn: the process died in the middle of this write
            cut = offset
            break
        line_key, line_total, identity = _parse(line)
        if line_key != key:
            close_batch()
            key, start, count, total, pending = line_key, offset, 0, line_total, []
        count += 1
        if identity is not None:
            pending.append(identity)
        offset += len(line)
    close_batch()
    if key is not None and count < total:
        cut = start
    if cut is not None:
        f.truncate(cut)
        offset = cut
    return offset


def refuse_input_as_rejects(rejects_path: str, input_path: str) -> None:
    """Raise :class:`InvalidArgument` when ``rejects_path`` is the input itself (under any name).

    Rejects appended to the input would be read back as input by the next run. The same
    file is the same device and inode (a symlink or a hard link), or the same resolved
    path when the rejects file does not exist yet; ``-`` is compared with what stdin is.
    """
    try:
        held = os.stat(rejects_path)
    except (OSError, ValueError):
        held = None
    if input_path == "-":
        try:
            source = os.fstat(0)
        except OSError:
            return
        same = held is not None and os.path.samestat(held, source)
    else:
        try:
            same = held is not None and os.path.samestat(held, os.stat(input_path))
            same = same or os.path.realpath(rejects_path) == os.path.realpath(input_path)
        except (OSError, ValueError):  # a path the OS refuses: opening it will say so, in its place
            same = False
    if same:
        shown = "stdin" if input_path == "-" else input_path
        raise InvalidArgument(
            f"the rejects file {rejects_path} is the input {shown} itself: rejects would be appended to "
            "the input; give --rejects another path"
        )
