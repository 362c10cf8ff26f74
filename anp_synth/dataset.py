"""Generate a window of seeds with several processes, or one shard of it, to a file.

The window ``[seed, seed + count)`` is cut into chunks of consecutive seeds. Each chunk is
generated and encoded by one worker and comes back as one block of bytes; the parent
writes the blocks in seed order. Since a record depends only on its seed, the output is
byte for byte the same for any number of workers. At most ``2 * workers`` chunks are in
flight at once, so memory stays flat however large the window.

Workers come from a fork server where the platform has one (Linux, macOS), ``spawn``
elsewhere. The fork server is a fresh process that imports :mod:`anp_synth.generator.warm`
(building the prose banks once) and forks each worker from that warm state: workers start
in milliseconds with warm caches, and never copy the parent's threads or locks (``fork``
from a parent with a progress-bar thread can deadlock). As with any ``spawn`` code, a
script calling :func:`write_dataset` with ``workers > 1`` needs the
``if __name__ == "__main__":`` guard.

Shards: ``--shard K/N`` takes the K-th of N contiguous slices of the window. With
``count = q * N + r``, the first ``r`` shards hold ``q + 1`` records and the others ``q``,
so sizes differ by at most one and shard K starts at ``seed + (K - 1) * q + min(K - 1, r)``.
A shard may be empty when N > count. The N jsonl shards, concatenated in order, are the
whole window's file byte for byte.
"""

from __future__ import annotations

import contextlib
import itertools
import multiprocessing
import os
import re
import tempfile
from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass
from typing import Any, TypeVar

from .errors import InvalidArgument
from .formats.output import atomic_output, gzip_member, is_gzip
from .formats.writers import ChunkFile, check_format, encode_lines, output_format, write_chunks
from .generator import generate, generate_lines
from .ordered_pool import MAX_WORKERS, check_workers, in_order
from .rules import check_profile, check_seed_range

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

CHUNK_SIZE = 500
"""Records per chunk: a few MB of text, large enough to amortise a process round trip."""

IN_FLIGHT_PER_WORKER = 2


@dataclass(frozen=True)
class Shard:
    """The ``index``-th (1-based) of ``total`` contiguous slices of a window."""

    index: int
    total: int

    def __post_init__(self) -> None:
        if isinstance(self.total, bool) or not isinstance(self.total, int) or self.total < 1:
            raise InvalidArgument(f"shard {self.index}/{self.total}: the number of shards must be >= 1")
        if isinstance(self.index, bool) or not isinstance(self.index, int):
            raise InvalidArgument(f"shard {self.index!r}/{self.total}: the shard number must be an integer")
        if not 1 <= self.index <= self.total:
            raise InvalidArgument(
                f"shard {self.index}/{self.total}: the shard number must be between 1 and {self.total}"
            )


_SHARD_RE = re.compile(r"\s*(\d+)\s*/\s*(\d+)\s*")


def parse_shard(text: str) -> Shard:
    """``"K/N"`` as a :class:`Shard`, refusing anything else with a message naming ``text``."""
    match = _SHARD_RE.fullmatch(text)
    if match is None:
        raise InvalidArgument(f"shard={text!r} must look like K/N, for example 1/4")
    return Shard(int(match.group(1)), int(match.group(2)))


def shard_window(seed: int, count: int, shard: Shard) -> tuple[int, int]:
    """``(first seed, count)`` of ``shard`` of the window ``[seed, seed + count)``."""
    q, r = divmod(count, shard.total)
    k = shard.index - 1
    return seed + k * q + min(k, r), q + (1 if k < r else 0)


R = TypeVar("R")


def _chunks(seed: int, count: int, size: int) -> Iterator[tuple[int, int]]:
    for start in range(seed, seed + count, size):
        yield start, min(size, seed + count - start)


Task = tuple[int, int, str, str, bool]
"""(first seed, count, profile, format, gzip): one chunk's work, small enough to pickle cheaply."""


def _encode_window(task: Task) -> bytes:
    seed, count, profile, fmt, packed = task
    data = encode_lines(list(generate_lines(seed=seed, count=count, profile=profile)), fmt)
    return gzip_member(data) if packed and data else data


_PIECE = 16
"""Records per write of jsonl, by a worker into its slot or by a single process to the
output: about 100 KB, so no buffer is ever big enough for glibc to map and unmap it per
chunk (page faults that took a sixth of the workers' time when a 3 MB chunk was built in
one piece), and the copies stay in the CPU cache. A single process writes 200,000 records
in 0.89x the time and 0.71x the peak memory of whole chunks."""


def _pieces(task: Task) -> Iterator[bytes]:
    seed, count, profile, fmt, packed = task
    if fmt != "jsonl" or packed:
        yield _encode_window(task)
        return
    lines = generate_lines(seed=seed, count=count, profile=profile)
    while piece := list(itertools.islice(lines, _PIECE)):
        yield encode_lines(piece, fmt)


def _encode_to_file(task: Task, slot: str) -> ChunkFile:
    """Encode one chunk into the file ``slot`` (on tmpfs where there is one), from its start.

    Handing the parent a file instead of the bytes spares it pickling, piping and copying
    every byte of output (a third of a core at two workers): the kernel copies the file.
    Slots are reused rather than made and deleted per chunk: allocating and freeing a
    few MB of tmpfs pages per chunk cost the workers a tenth of their time in the kernel.
    """
    fd = os.open(slot, os.O_WRONLY | os.O_CREAT, 0o600)
    size = 0
    try:
        for piece in _pieces(task):
            data = memoryview(piece)
            written = 0
            while written < len(data):
                written += os.pwrite(fd, data[written:], size + written)
            size += written
    finally:
        os.close(fd)
    return ChunkFile(slot, size, reused=True)


def _chunk_directory() -> tempfile.TemporaryDirectory[str]:
    shm = "/dev/shm"
    memory_backed = os.path.isdir(shm) and os.access(shm, os.W_OK)
    return tempfile.TemporaryDirectory(prefix="anp-synth-chunks-", dir=shm if memory_backed else None)


def encoded_chunks(
    *,
    seed: int,
    count: int,
    profile: str,
    fmt: str,
    workers: int = 1,
    chunk_size: int = CHUNK_SIZE,
    gzip: bool = False,
) -> Iterator[tuple[int, bytes]]:
    """Yield ``(records, bytes)`` per chunk of the window, in seed order.

    With ``gzip`` each chunk comes back as one gzip member, compressed by the worker that
    made it, so compression runs in parallel too. ``count`` may be 0 (an empty shard):
    nothing is yielded. Arguments are checked first.
    """
    if count:
        check_seed_range(seed, count)
    check_profile(profile)
    check_format(fmt)
    _check_workers(workers)
    if chunk_size < 1:
        raise InvalidArgument(f"chunk_size={chunk_size} must be >= 1")
    tasks = ((start, n, profile, fmt, gzip) for start, n in _chunks(seed, count, chunk_size))
    if workers == 1 or count <= chunk_size:
        for task in tasks:
            yield task[1], _encode_window(task)
        return
    submitted = ((task[1], (task,)) for task in tasks)
    yield from _pooled(submitted, _encode_window, workers)


def _pooled(
    tasks: Iterator[tuple[int, tuple[Any, ...]]], fn: Callable[..., R], workers: int
) -> Iterator[tuple[int, R]]:
    """``(records, fn(*args))`` per chunk, in seed order, from the fork server's workers."""
    for records, result in in_order(
        tasks, fn, workers=workers, context=_context(), limit=workers * IN_FLIGHT_PER_WORKER
    ):
        assert result is not None  # every chunk is submitted: none is passed through
        yield records, result


def _context() -> multiprocessing.context.BaseContext:
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["anp_synth.generator.warm", "anp_synth.dataset"])
    return context


def _chunk_sources(tasks: Iterator[Task], workers: int, directory: str) -> Iterator[tuple[int, ChunkFile]]:
    """Like the pool path of :func:`encoded_chunks`, but each chunk comes back as a file.

    Chunk ``i`` goes to slot ``i % limit``: when it is submitted, at most ``limit - 1``
    chunks are pending and every older one has been copied out (the caller copies each
    chunk before asking for the next), so no pending chunk shares its slot.
    """
    limit = workers * IN_FLIGHT_PER_WORKER
    submitted = ((task[1], (task, os.path.join(directory, f"slot-{i % limit}.chunk"))) for i, task in enumerate(tasks))
    yield from _pooled(submitted, _encode_to_file, workers)


def _check_workers(workers: int) -> None:
    check_workers(workers)


def _write_parquet(path: str, first: int, count: int, profile: str, progress: Callable[[int], None] | None) -> Written:
    from .formats.parquet import require_pyarrow, write_parquet

    require_pyarrow()
    with atomic_output(path, compress=False) as out:
        write_parquet(out, generate(seed=first, count=count, profile=profile) if count else (), progress=progress)
    return Written(path, first, count)


@dataclass(frozen=True)
class Written:
    """What :func:`write_dataset` wrote: the records' seed window and the destination."""

    path: str
    seed: int
    count: int


def write_dataset(
    path: str,
    *,
    seed: int,
    count: int,
    profile: str = "realistic",
    fmt: str | None = None,
    workers: int = 1,
    shard: Shard | None = None,
    progress: Callable[[int], None] | None = None,
    chunk_size: int | None = None,
) -> Written:
    """Write the window (or one shard of it) to ``path`` (``-`` for stdout), whole or not at all.

    ``fmt`` defaults to the one ``path``'s extension names, else jsonl (see
    :func:`~anp_synth.formats.writers.output_format`); parquet is written by one process
    whatever ``workers`` (pyarrow's encoding is the cost, not the generator's).
    Every argument is checked before the output is opened, so a bad argument leaves no file.
    ``progress`` is called with the number of records of each chunk once it is written.
    ``chunk_size`` defaults to :data:`CHUNK_SIZE`; it never changes the data written. A ``.gz``
    file is one gzip member per chunk (plus one per piece of framing), so its compressed bytes
    depend on the chunk size, but never on ``workers``.
    """
    check_seed_range(seed, count)
    check_profile(profile)
    fmt = output_format(path, fmt)
    _check_workers(workers)
    first, n = shard_window(seed, count, shard) if shard is not None else (seed, count)
    if fmt == "parquet":
        return _write_parquet(path, first, n, profile, progress)
    packed = is_gzip(path)

    size = CHUNK_SIZE if chunk_size is None else chunk_size
    if size < 1:
        raise InvalidArgument(f"chunk_size={size} must be >= 1")

    def chunks(directory: str | None) -> Generator[bytes | ChunkFile]:
        tasks = ((start, k, profile, fmt, packed) for start, k in _chunks(first, n, size))
        if directory is None:
            for task in tasks:
                yield from _pieces(task)
                if progress is not None:
                    progress(task[1])
            return
        for records, chunk in _chunk_sources(tasks, workers, directory):
            yield chunk
            if progress is not None:
                progress(records)

    parallel = workers > 1 and n > size
    with contextlib.ExitStack() as stack:
        directory = stack.enter_context(_chunk_directory()) if parallel else None
        out = stack.enter_context(atomic_output(path, compress=False))
        # Closed first when writing fails (a full disk): the pool stops, its workers are joined,
        # and only then is the chunk directory removed, with no worker still writing into it.
        source = stack.enter_context(contextlib.closing(chunks(directory)))
        write_chunks(out, source, fmt, pack=gzip_member if packed else None)
    return Written(path, first, n)
