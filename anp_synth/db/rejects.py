"""The rejects file of ``import --on-error skip``: each rejected line once, whatever the crashes.

A batch's rejects are written and synced just before the batch commits, so a rejected line
is never lost to a crash. A run killed between the two redoes that batch when resumed and
would write its rejects again; so each reject names its batch (``batch``, the batch's key
in the ledger) and how many rejects the batch has (``batch_rejects``). Opening the file
first repairs what an interrupted run left: a torn last line, or a last batch with fewer
lines than it announces, is cut off, and a batch found whole is not written again.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from typing import IO, Any

from ..errors import InvalidArgument
from .jobs import Reject


class RejectsFile:
    """Appends batches of rejects to ``path``, opened (and repaired) on the first batch."""

    def __init__(self, path: str) -> None:
        self.path = path
        self._out: IO[bytes] | None = None
        self._whole: set[str] = set()

    def write(self, batch: str, rejects: Sequence[Reject]) -> None:
        """Append the rejects of the batch keyed ``batch``, unless the file holds them whole already."""
        out = self._out if self._out is not None else self._open()
        if batch in self._whole:
            return
        lines = [{**reject.to_dict(), "batch": batch, "batch_rejects": len(rejects)} for reject in rejects]
        out.write("".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines).encode())
        out.flush()
        os.fsync(out.fileno())
        self._whole.add(batch)

    def close(self) -> None:
        if self._out is not None:
            self._out.close()
            self._out = None

    def _open(self) -> IO[bytes]:
        try:
            out = open(self.path, "a+b")  # noqa: SIM115 (closed by close())
        except OSError as exc:
            raise InvalidArgument(f"cannot open the rejects file {self.path}: {exc.strerror or exc}") from None
        try:
            self._whole = _repair(out)
        except OSError as exc:
            out.close()
            raise InvalidArgument(f"cannot read the rejects file {self.path}: {exc.strerror or exc}") from None
        self._out = out
        return out


def _batch_of(line: bytes) -> tuple[str | None, int]:
    """The batch key and announced reject count of one line; ``(None, 0)`` for a line not of this format."""
    try:
        obj: Any = json.loads(line)
    except ValueError:
        return None, 0
    if not isinstance(obj, dict):
        return None, 0
    key, total = obj.get("batch"), obj.get("batch_rejects")
    if not isinstance(key, str) or not isinstance(total, int):
        return None, 0
    return key, total


def _repair(f: IO[bytes]) -> set[str]:
    """Cut off what an interrupted write left at the end of ``f``; the keys of the batches it holds whole.

    Batches are written one after another, so only the last one can be incomplete.
    """
    whole: set[str] = set()
    key: str | None = None
    start = count = total = 0
    offset = 0
    cut: int | None = None
    f.seek(0)
    for line in iter(f.readline, b""):
        if not line.endswith(b"\n"):  # torn: the process died in the middle of this write
            cut = offset
            break
        line_key, line_total = _batch_of(line)
        if line_key != key:
            if key is not None and count >= total:
                whole.add(key)
            key, start, count, total = line_key, offset, 0, line_total
        count += 1
        offset += len(line)
    if key is not None:
        if count >= total:
            whole.add(key)
        else:
            cut = start
    if cut is not None:
        f.truncate(cut)
    return whole
