"""The importer's defaults: how many worker processes, and how many records a batch, for this machine and input.

With no option given, the fast path must be the one taken. What it is, measured on a
2-core machine (benchmarks/README.md, "First load with the defaults"):

- SQLite: preparing a record (parsing and validating a jsonl line, or generating one, then
  encoding it into rows) costs about as much CPU as SQLite spends storing it, so one process
  that prepares and writes is bound by both in turn. Worker processes prepare batches while
  this one writes. They used to lose on two cores, because a batch's ~52 post-meta tuples an
  article crossed a pipe (20,000 articles: no worker 10.3-12.5 s, two workers 11.9-14.9 s);
  since a batch carries each record's canonical line (SQLite builds the post-meta rows from
  it) and a file's plain lines go to the workers as one block, the balance turned: 100,000
  articles, 2 cores, the same hour, no other session: two worker processes 29.9 and 37.3 s,
  this process alone 42.9-43.7 s (benchmarks/README.md, "SQLite: worker processes by
  default"). So: ``workers`` 1 (this process alone) on one usable core
  (``os.sched_getaffinity``, which a container or ``taskset`` limits); else one per core
  but one (the writer's), at least 2 and at most :data:`MAX_AUTO_WORKERS`, because one
  writer cannot take batches faster than four preparers make them (not measured here: this
  machine has two cores).
- PostgreSQL: one worker process per usable core, at most :data:`MAX_AUTO_WORKERS`. With
  one process, parsing and validating (the main thread) and formatting COPY data (the
  writer threads of :mod:`.streams`) share one interpreter lock, and the client, not the
  server, bounds the load. Worker processes used to lose anyway, because a prepared batch
  carried ~52 post-meta tuples an article through a pipe (20,000 articles, 2 cores: no
  worker process 25-29 s, two 41 s); a batch of canonical lines now carries each line
  instead, its post-meta rows built where they are written (:mod:`.encode`), and the
  balance turned. Measured with no other session running (2 cores, the server on them
  too, 30,000 articles from a file, ``--jobs 2``): one process 20.5 and 19.3 s, two worker
  processes 16.9 and 15.2 s; 100,000 articles: 61.9 s against 44.8 s (x1.38), the importer
  of 62d0413 60.3 s in the same run. (One worker process beside the writer, slower than
  none, is not a setting: ``workers`` counts the processes preparing, as for
  ``generate``, so 1 is this process and 2 or more are worker processes.)
- Batches of 1,000 records on both. Larger batches made SQLite faster (it pays per
  transaction: the commit, and the pages every batch rewrites; 5,000 with two workers
  reached the ``sqlite3`` shell's ``.import`` speed on a quiet machine) but peak memory then
  depends on the input: up to two prepared batches per worker wait for the writer, and
  whether they pile up depends on whether the writer or the workers are slower, which
  changes as the tables grow. Measured, SQLite, 2 workers: batches of 5,000 peaked at 335
  MB for 10,000 records and 861 MB for 100,000; of 2,000, at 265 MB for 10,000 and 357 MB
  for 200,000 (1.35x). At 1,000 the most that can wait is 4,000 records.
- A small input (fewer than :data:`SMALL_INPUT` records: a generated window's count, or a
  file's size over :data:`BYTES_PER_RECORD`) is prepared in this process, in batches of 1,000: starting
  worker processes takes longer than preparing it. An input whose size cannot be known
  in advance (stdin, ready records passed in) is treated as small; give ``workers`` to
  change that.

The CLI's ``import`` lets this module choose both; the library's functions choose the batch
size and keep ``workers=1`` unless given ``workers=None`` (a worker process is started with
``spawn``, which re-imports the caller's main module: a script without the
``if __name__ == "__main__":`` guard would start the import again in every worker).

Memory stays flat whatever the input's size: at most two batches per worker are in
flight, and the batch size does not grow with the input beyond the small/large step, so a
load of 10,000 records and one of 1,000,000 choose the same settings and peak alike.
Options given explicitly always win, each on its own.

Writer connections (PostgreSQL ``jobs``, :func:`choose_jobs`; :mod:`.streams` runs them):

- The rule: 1 for an input under :data:`SMALL_INPUT` records or of unknown size (its
  batches then commit in input order, and a short load gains nothing); else the server's
  cores (:func:`server_cpus`: this machine's, exact for a server on it), at
  most :data:`CLIENT_STREAMS` per usable client core and at most :data:`MAX_AUTO_JOBS`.
  SQLite: 1, its only way (more is refused, not chosen).
- Why the server's cores: one stream is one server backend, and a backend's COPY into the
  indexed tables is CPU-bound; a backend per core is what the server can run at once.
- Why at most two per client core: one importer process prepares every batch (parsing or
  generating, encoding, formatting the COPY) under one interpreter lock. Measured with
  ``benchmarks/bench_jobs.py`` (100,000 default-profile articles, first load, 2 cores,
  load average 7-10, 5 runs of each): the client spends 0.25-0.32 ms of CPU per article
  and the server 0.41-0.51 ms (every cluster process, index build and ANALYZE included),
  the same per article with 1 and 2 streams. So one client core keeps about 1.5 server cores busy:
  beyond two streams per client core, streams wait for batches.
- Why at most 4: not measured beyond 2 streams (this machine has 2 cores), and a client
  without worker processes is bound at about 1 / 0.3 ms = 3,300 articles/s whatever the
  number of streams (docs/IMPORT_SPEED.md, "Parallel COPY streams", projects a 16-core server).
- Measured on 2 cores (fastest rounds, two runs alternating the sides, load 7-10):
  ``--jobs 2`` x1.19 and x1.15 the articles/s of ``--jobs 1``; paired rounds 0.85-1.28, as
  rounds moved by 25% with the machine's load. Two it is on this machine: a second stream adds
  no CPU per article, and fills the round trips (probe, ledger insert, commit) the first waits on.
  Re-measured with no other session running (load 1-2.5, 3 rounds): fastest x1.16, but paired
  rounds 0.91, 0.92 and 1.16: with the client and the server on the same two cores, a second
  stream is within the host's noise, neither a clear gain nor a clear loss.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace

SMALL_INPUT = 5_000
"""Records below which an input is prepared in this process."""

BYTES_PER_RECORD = 6_400
"""A default-profile record's jsonl line, about (the other profiles' are shorter)."""

GZIP_RATIO = 4
"""How much larger a ``.gz`` input is uncompressed, roughly (jsonl of articles: 4-5x)."""

MAX_AUTO_WORKERS = 4
LARGE_BATCH = {"sqlite": 1_000, "postgresql": 1_000}
SMALL_BATCH = 1_000


@dataclass(frozen=True)
class Tuning:
    """The batch size and workers an import runs with, and why (shown in the import's report)."""

    batch_size: int
    workers: int
    reason: str
    jobs: int = 1
    """Writer connections (PostgreSQL ``--jobs``): see :func:`choose_jobs`."""


def usable_cpus() -> int:
    """Cores this process may run on: its affinity mask where the platform has one, else the machine's."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # macOS, Windows
        return os.cpu_count() or 1


def input_records(*, count: int | None = None, path: str | None = None) -> int | None:
    """Roughly how many records an input holds: a generated window's count, or from a file's size."""
    if count is not None:
        return count
    if path is None or path == "-":
        return None
    try:
        size = os.path.getsize(path)
    except OSError:
        return None  # the reader reports a missing file, with its own message
    if path.endswith(".gz"):
        size *= GZIP_RATIO
    return size // BYTES_PER_RECORD


def choose(
    dialect: str,
    records: int | None,
    *,
    batch_size: int | None = None,
    workers: int | None = None,
    cpus: int | None = None,
) -> Tuning:
    """Settings for an import of about ``records`` records (None: unknown) into ``dialect``.

    ``batch_size`` and ``workers``, when given, are kept as they are (checked later, with
    the importer's other options).
    """
    cores = usable_cpus() if cpus is None else cpus
    small = records is None or records < SMALL_INPUT
    if small:
        size = "input of unknown size" if records is None else f"small input (~{records} records)"
        auto_batch, auto_workers = SMALL_BATCH, 1
    else:
        size = f"~{records} records"
        auto_batch = LARGE_BATCH.get(dialect, SMALL_BATCH)
        if dialect == "postgresql":
            auto_workers = min(cores, MAX_AUTO_WORKERS)
        else:
            auto_workers = 1 if cores < 2 else min(max(cores - 1, 2), MAX_AUTO_WORKERS)
    chosen = []
    if batch_size is None:
        chosen.append("batch size")
    if workers is None:
        chosen.append("workers")
    if not chosen:
        reason = "batch size and workers as given"
    else:
        reason = f"{' and '.join(chosen)} chosen for {dialect}, {cores} usable core{'s' * (cores != 1)}, {size}"
    return Tuning(
        batch_size=auto_batch if batch_size is None else batch_size,
        workers=auto_workers if workers is None else workers,
        reason=reason,
    )


MAX_AUTO_JOBS = 4
"""The most writer connections chosen without ``--jobs``: see :func:`choose_jobs`."""
CLIENT_STREAMS = 2
"""Writer connections one client core keeps busy: see :func:`choose_jobs`."""


def server_cpus() -> int:
    """The database server's cores, as far as the client can know: this machine's.

    Right for a server on this machine (loopback or a unix socket, as in every measurement
    here); PostgreSQL does not tell a client its server's cores, so for a remote server this
    is an estimate, and ``--jobs`` is how to use a bigger one.
    """
    return os.cpu_count() or 1


def choose_jobs(
    tuning: Tuning,
    dialect: str,
    records: int | None,
    jobs: int | None,
    *,
    cpus: int | None = None,
    server: int | None = None,
) -> Tuning:
    """``tuning`` with its writer connections (``jobs``) chosen, or as given, and the reason said.

    The rule, and the measurements behind it, are in this module's docstring ("Writer
    connections"); ``cpus`` and ``server`` stand for the client's usable and the server's cores.
    """
    if jobs is not None:
        return (
            replace(tuning, jobs=jobs)
            if dialect != "postgresql"
            else replace(tuning, jobs=jobs, reason=f"{tuning.reason}; jobs {jobs} as given")
        )
    client = usable_cpus() if cpus is None else cpus
    cores = server_cpus() if server is None else server
    if dialect != "postgresql":
        return replace(tuning, jobs=1)  # one writer is SQLite's only way: nothing chosen, nothing to say
    if records is None or records < SMALL_INPUT:
        return replace(tuning, jobs=1, reason=f"{tuning.reason}; jobs 1 (small or unsized input)")
    auto = max(1, min(cores, client * CLIENT_STREAMS, MAX_AUTO_JOBS))
    return replace(
        tuning,
        jobs=auto,
        reason=f"{tuning.reason}; jobs {auto} (server {cores} cores, client {client} usable, at most {MAX_AUTO_JOBS})",
    )
