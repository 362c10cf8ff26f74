"""The options of one import run, as one value: checked once when made, then only read.

Why an object: the three entry points (:func:`~anp_synth.db.import_file`,
:func:`~anp_synth.db.import_generated`, :func:`~anp_synth.db.import_records`) and the cluster's
tasks take the same options; checking them in one place gives one wording for each bad value,
and the report's option fields are copied from it, so the report says what the run used.

``workers`` means what it means for ``generate``: processes preparing records (generating or
parsing, then encoding), ``1`` being this process alone with no worker process, at most
:data:`~anp_synth.ordered_pool.MAX_WORKERS`. ``0``, the importer's spelling of "this
process" before the meaning was shared, is still accepted and stored as ``1``, so old
scripts keep working.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..argcheck import integer, seconds
from ..errors import InvalidArgument
from ..ordered_pool import check_workers
from .backend import ON_CONFLICT

ON_ERROR = ("abort", "skip")
MAX_BATCH_SIZE = 100_000
MAX_RETRIES = 100
MAX_LOCK_TIMEOUT_S = 86_400.0
MAX_JOBS = 64


@dataclass(frozen=True)
class ImportOptions:
    """How an import batches, prepares, reacts to bad records and conflicts, and retries."""

    batch_size: int = 1000
    workers: int = 1
    on_error: str = "abort"
    on_conflict: str = "skip"
    retries: int = 5
    backoff_s: float = 0.5
    lock_timeout_s: float = 30.0
    jobs: int = 1
    """PostgreSQL writer connections (:mod:`.streams`); SQLite takes 1 only."""
    rejects_path: str | None = None
    """Where ``on_error="skip"`` writes rejected records; None: ``anp-synth.rejects.jsonl``."""

    def __post_init__(self) -> None:
        integer("batch_size", self.batch_size, 1, MAX_BATCH_SIZE)
        if self.on_error not in ON_ERROR:
            raise InvalidArgument(f"on_error={self.on_error!r} must be one of {', '.join(ON_ERROR)}")
        if self.on_conflict not in ON_CONFLICT:
            raise InvalidArgument(f"on_conflict={self.on_conflict!r} must be one of {', '.join(ON_CONFLICT)}")
        if type(self.workers) is int and self.workers == 0:  # the old spelling of "this process alone"
            object.__setattr__(self, "workers", 1)
        check_workers(self.workers)
        integer("retries", self.retries, 0, MAX_RETRIES)
        integer("jobs", self.jobs, 1, MAX_JOBS)
        object.__setattr__(self, "lock_timeout_s", seconds("lock_timeout_s", self.lock_timeout_s, MAX_LOCK_TIMEOUT_S))
