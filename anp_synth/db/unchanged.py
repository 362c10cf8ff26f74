"""A file unchanged since a complete import of it: found whole in the ledger, without reading it.

Why: an unchanged re-run otherwise reads and hashes every byte of the file to find each of
its batches in the ledger: 645 MB (100,000 articles) is half a second of a core, and a staging
file of a billion articles would be an hour and a half of it, to write nothing. So an import
that completes records, besides its batches, one ledger row for the file as a whole, keyed by
the file's state on disk (device, inode, size, modification and change times to the
nanosecond) and by every setting that decides its batches' keys (format, batch size, line
limit, conflict policy, the batch key's own scheme). A later import that finds that key knows
every batch of the file is in the ledger, and reads nothing.

Why the state is enough: the kernel sets a file's change time (``st_ctime``) to *now* on every
write, truncation, rename or ``utime``, and nothing lets a user set it back (``touch -d`` sets
the modification time, and moves the change time to now). A file with the same inode, size and
change time as recorded has not been written since, as ``git`` and ``rsync`` also rely on. The
gaps, and how they are closed:

- *A write in the same clock tick as the state was taken* leaves the change time where it was
  (the clock behind it ticks every few milliseconds; some filesystems keep whole seconds). So a
  state is recorded only when the file's change time was more than :data:`RACY_S` before the
  import took it, and the file's state at the end of the import is still that state (git's
  "racily clean" rule). A file written just before its import is recorded by its next import.
- *A filesystem without inode numbers* (``st_ino`` 0) or *not a regular file* (stdin, a pipe):
  never recorded.
- *A clock set back by hand*, or anyone who wants every byte checked anyway: ``reread``
  (``import --reread``) reads and keys the whole file whatever its state.

A batch keyed by its bytes is still the unit of the ledger: this row only says that all the
batches of one exact file are there. A run that stops, fails or is interrupted records none.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
import time
from dataclasses import astuple, dataclass

from .jobs import LINES_TAG

TAG = "file1"
"""The tag of a whole file's ledger key (``on_conflict:file1:digest``)."""

RACY_S = 2.0
"""A file changed less than this long before its import started is not recorded as imported whole."""


@dataclass(frozen=True)
class FileState:
    """What identifies one version of a file on disk."""

    device: int
    inode: int
    size: int
    mtime_ns: int
    ctime_ns: int

    @classmethod
    def of(cls, st: os.stat_result) -> FileState | None:
        """The state of a regular file with an inode number; None for anything else."""
        if not stat.S_ISREG(st.st_mode) or not st.st_ino:
            return None
        return cls(st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)


def current_state(path: str) -> FileState | None:
    """``path``'s state now (None if it is gone or not a regular file)."""
    try:
        return FileState.of(os.stat(path))
    except OSError:
        return None


def settled(state: FileState, now_ns: int | None = None) -> bool:
    """Whether the file's last change is old enough that a write after ``now_ns`` must move its change time."""
    now = time.time_ns() if now_ns is None else now_ns
    newest = max(state.ctime_ns, state.mtime_ns)
    return newest <= now - int(RACY_S * 1e9)


def whole_file_key(state: FileState, *, on_conflict: str, batch_size: int, fmt: str | None, max_line_bytes: int) -> str:
    """The ledger key saying every batch of this file, cut and keyed with these settings, is in the ledger."""
    settings = [TAG, LINES_TAG, on_conflict, batch_size, fmt or "", max_line_bytes, *astuple(state)]
    digest = hashlib.sha256(json.dumps(settings).encode()).hexdigest()[:32]
    return f"{on_conflict}:{TAG}:{digest}"


@dataclass(frozen=True)
class WholeFile:
    """One file import's whole-file key: looked up before reading, recorded after a complete run."""

    path: str
    state: FileState
    key: str
    recordable: bool
    """The state was :func:`settled` when taken: a complete run may record it."""
    reread: bool
    """Read every batch even if the key is in the ledger (and record it again if it was not)."""

    def still_there(self) -> bool:
        """The file is as it was when its state was taken (checked before the state is recorded)."""
        return current_state(self.path) == self.state
