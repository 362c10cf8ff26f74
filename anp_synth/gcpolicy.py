"""The garbage collector's thresholds for anp-synth's own processes: the CLI and its worker processes.

Why: generating, parsing and encoding a record allocates thousands of small containers
(dicts, lists, tuples) that reference counting frees at once; they are almost never part
of a cycle. With Python's default thresholds (700, 10, 10) the cyclic collector still
runs every 700 net allocations and, every hundred of those, walks every tracked object in
the process, the generator's large word tables included: 5-15% of the CPU that preparing
a record costs (``benchmarks/README.md``, "The garbage collector's thresholds").
Collecting the youngest generation every 10,000 allocations instead takes most of that
away; a real cycle is still collected, a little later. A worker process also freezes what
is alive when it starts, which is never walked again: its modules, and in a ``generate``
worker forked from the warmed fork server, the generator's tables (an import's spawned
worker builds them in its first batch, after the freeze).

Only for processes anp-synth owns: the ``anp-synth`` command and the worker processes it
starts. The library functions never call it, so a program that imports anp-synth keeps
its own collector settings. A task on a Dask worker (someone else's long-lived process)
gets :func:`batch_thresholds`: the thresholds for the task's length, restored after it,
and nothing frozen.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

THRESHOLDS = (10_000, 50, 100)
"""Generation 0 every 10,000 net allocations (default 700); the older generations as rarely."""


def tune_for_batch_work(*, freeze: bool = True) -> None:
    """Raise the collection thresholds and, with ``freeze``, freeze the objects alive now (modules, tables).

    The command line does not freeze: its ``main`` also runs inside test runners
    (click's ``CliRunner``), where each freeze would keep that moment's garbage for good.
    """
    if freeze:
        gc.freeze()
    gc.set_threshold(*THRESHOLDS)


@contextmanager
def batch_thresholds() -> Iterator[None]:
    """The batch-work thresholds for the length of a block, then the process's own again (no freeze)."""
    saved = gc.get_threshold()
    gc.set_threshold(*THRESHOLDS)
    try:
        yield
    finally:
        gc.set_threshold(*saved)
