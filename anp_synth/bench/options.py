"""What a bench run depends on: its options, their defaults and their checks, in one frozen object.

The CLI builds a :class:`BenchOptions` from its flags, and the report shows
:meth:`BenchOptions.public`; :mod:`anp_synth.bench.runner` re-exports both names, which stay
importable from there.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from ..db import DEFAULT_DB_URL
from ..errors import InvalidArgument
from ..model import PROFILES
from ..rules import check_seed_range
from .connect import dialect_of, redact
from .pacing import paced_batch_size

__all__ = [
    "DEFAULT_BASE_COUNT",
    "DEFAULT_COUNT",
    "DEFAULT_DURATION",
    "DEFAULT_RATE",
    "DEFAULT_READERS",
    "BenchOptions",
]

DEFAULT_COUNT = 30_000
DEFAULT_BASE_COUNT = 10_000
DEFAULT_DURATION = 8.0
DEFAULT_READERS = 2
DEFAULT_RATE = 200.0
"""Queries per second (all readers together) when neither --rate nor --clients is given.

Open loop by default: a closed loop runs as fast as the database answers, so on a small
machine it would take the CPU from the very import it is meant to observe.
"""


@dataclass(frozen=True)
class BenchOptions:
    """Everything a bench run depends on; the same names as the CLI options."""

    db_url: str = DEFAULT_DB_URL
    seed: int | None = None
    count: int = DEFAULT_COUNT
    base_count: int = DEFAULT_BASE_COUNT
    profile: str = "realistic"
    readers: int = DEFAULT_READERS
    rate: float | None = None
    clients: int | None = None
    duration: float = DEFAULT_DURATION
    warmup: float = 1.0
    batch_size: int | None = None
    read_only: bool = False
    yes: bool = False
    queries_file: Path | None = None
    explain: bool = True
    progress_s: float = 0.0
    """Every this many seconds of the recorded phases, a ``progress`` event (0: none), like
    ``pgbench -P``: the CLI prints it on a terminal, so a long phase is not a silent one."""
    import_rate: float | None = None
    """Articles per second the import phase is held to (``pgbench -R``); None: as fast as it goes.
    See :mod:`anp_synth.bench.pacing`."""

    @property
    def import_batch_size(self) -> int | None:
        """The import phase's batch size: ``batch_size`` if given, else a quarter second of a
        paced rate (:func:`~anp_synth.bench.pacing.paced_batch_size`), else the importer's default."""
        if self.batch_size is not None:
            return self.batch_size
        return paced_batch_size(self.import_rate) if self.import_rate is not None else None

    @property
    def mode(self) -> Literal["open", "closed"]:
        return "closed" if self.clients is not None else "open"

    @property
    def effective_rate(self) -> float:
        return self.rate if self.rate is not None else DEFAULT_RATE

    def validate(self) -> None:
        if self.rate is not None and self.clients is not None:
            raise InvalidArgument("--rate and --clients are exclusive: open loop or closed loop, not both")
        if self.rate is not None and not self.rate > 0:
            raise InvalidArgument(f"rate={self.rate!r} must be > 0 queries per second")
        if self.clients is not None and self.clients < 1:
            raise InvalidArgument(f"clients={self.clients!r} must be >= 1")
        if self.readers < 1:
            raise InvalidArgument(f"readers={self.readers!r} must be >= 1")
        if not self.duration > 0:
            raise InvalidArgument(f"duration={self.duration!r} must be > 0 seconds")
        if self.warmup < 0:
            raise InvalidArgument(f"warmup={self.warmup!r} must be >= 0 seconds")
        if self.progress_s < 0:
            raise InvalidArgument(f"progress_s={self.progress_s!r} must be >= 0 seconds")
        if self.base_count < 1:
            raise InvalidArgument(f"base_count={self.base_count!r} must be >= 1")
        if self.batch_size is not None and self.batch_size < 1:
            raise InvalidArgument(f"batch_size={self.batch_size!r} must be >= 1")
        if self.import_rate is not None:
            if not (self.import_rate > 0 and self.import_rate != float("inf")):
                raise InvalidArgument(f"--import-rate {self.import_rate!r} must be > 0 articles per second")
            if self.read_only:
                raise InvalidArgument("--import-rate paces the import phase, which --read-only does not run")
        if self.profile not in PROFILES:
            raise InvalidArgument(f"profile={self.profile!r} is not one of {', '.join(PROFILES)}")
        check_seed_range(self.seed if self.seed is not None else 1, self.count)
        dialect_of(self.db_url)

    def public(self) -> dict[str, Any]:
        """The options as a report shows them: the URL without its password."""
        return {
            "db_url": redact(self.db_url),
            "seed": self.seed,
            "count": self.count,
            "base_count": self.base_count,
            "profile": self.profile,
            "readers": self.readers,
            "mode": self.mode,
            "rate": self.effective_rate if self.mode == "open" else None,
            "clients": self.clients,
            "duration": self.duration,
            "warmup": self.warmup,
            "batch_size": self.batch_size,
            "import_rate": self.import_rate,
            "import_batch_size": None if self.read_only else self.import_batch_size,
            "read_only": self.read_only,
            "queries_file": str(self.queries_file) if self.queries_file else None,
        }
