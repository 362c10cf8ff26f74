"""The project's exceptions: one root, a few children, each carrying the context a user needs.

The CLI turns any :class:`AnpSynthError` into one clear line and a non-zero exit; anything
else escaping is a bug. Messages name the value and, for bad records, where it came from.
"""

from __future__ import annotations


class AnpSynthError(Exception):
    """Root of every error anp-synth raises on purpose."""

    exit_code = 1


class InvalidArgument(AnpSynthError, ValueError):
    """A caller passed a value outside the documented range (count, seed, shard, profile...)."""

    exit_code = 2


class RecordError(AnpSynthError):
    """A record (read from a file or stream) breaks the schema or an invariant.

    Carries where it was found so the message can say file, line, seed and field.
    """

    def __init__(
        self,
        reason: str,
        *,
        source: str | None = None,
        line: int | None = None,
        seed: int | None = None,
        field: str | None = None,
    ) -> None:
        self.reason = reason
        self.source = source
        self.line = line
        self.seed = seed
        self.field = field
        super().__init__(self.describe())

    def describe(self) -> str:
        where = []
        if self.source is not None:
            where.append(f"{self.source}" + (f":{self.line}" if self.line is not None else ""))
        elif self.line is not None:
            where.append(f"line {self.line}")
        if self.seed is not None:
            where.append(f"seed {self.seed}")
        if self.field is not None:
            where.append(f"field {self.field}")
        prefix = ", ".join(where)
        return f"{prefix}: {self.reason}" if prefix else self.reason


class OutputError(AnpSynthError):
    """An output could not be written (unwritable path, disk full...); nothing partial is left behind."""


class DatabaseError(AnpSynthError):
    """The target database refused, went away, or holds tables anp-synth must not touch.

    Messages never contain credentials: build them from a redacted URL.
    """


class BenchError(AnpSynthError):
    """A benchmark or report could not be run, read or compared."""
