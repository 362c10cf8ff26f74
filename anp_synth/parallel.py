"""The documented import path of :mod:`anp_synth.dataset`, kept so existing code keeps working.

``write_dataset`` and its helpers live in :mod:`anp_synth.dataset`, a module named for
what it holds; README examples and users' scripts import them from here, so this module
re-exports the public names and nothing else.
"""

from __future__ import annotations

from .dataset import (
    CHUNK_SIZE,
    IN_FLIGHT_PER_WORKER,
    MAX_WORKERS,
    Shard,
    Task,
    Written,
    encoded_chunks,
    parse_shard,
    shard_window,
    write_dataset,
)

__all__ = [
    "CHUNK_SIZE",
    "IN_FLIGHT_PER_WORKER",
    "MAX_WORKERS",
    "Shard",
    "Task",
    "Written",
    "encoded_chunks",
    "parse_shard",
    "shard_window",
    "write_dataset",
]
