"""Generate a window of seeds on a Dask cluster into a directory of parts plus a manifest.

The window ``[seed, seed + count)`` is cut into consecutive parts of ``part_size`` seeds;
each part is one task, which generates its records on a worker and writes them straight to
``DIR`` (any fsspec URL every worker can reach). Nothing flows back through the scheduler
but the part's size and SHA-256, so the client and the scheduler stay idle whatever the
size of the data.

Parts concatenated in order are the single-process file of the same window, byte for
byte: each part holds exactly the bytes its seeds contribute to that file. For ``jsonl``
that is simply its records; for ``csv`` the header is in part 0 only; for ``json`` the
opening bracket is in part 0, each later part starts with the separator, and the closing
bracket ends the last part. With ``.gz`` every part is a sequence of gzip members (one per
500 records, as a single process writes them), so the compressed bytes equal the
single-process file's when ``part_size`` is a multiple of 500 (the default is); otherwise
they decompress to the same bytes.

A part is written under a temporary name (``.part-00000.jsonl.<random>.tmp``) and renamed
when whole. A task the scheduler runs again because its worker died renames the same bytes
over the same name, so exactly one whole copy of every part is left; the temporary file a
killed attempt left behind is deleted before the manifest, which is written last, appears.

A run that fails (a cluster lost, the client killed, a full disk) leaves whole parts and no
manifest; the same command run again resumes it. Each run first writes its settings to
``DIR/.anp-synth-plan.json``, and each part, once renamed into place, its size and SHA-256
to ``.<part>.done.json``. A later run with the same settings (and anp-synth version) keeps
every part whose file still has that size and SHA-256 (reading it is several times cheaper
than generating it) and generates the others; a directory holding parts of other settings,
or parts without a plan, is refused as before. The manifest then lists every part, as if
one run had written them all, and the plan and ``.done.json`` files are removed.
"""

from __future__ import annotations

import contextlib
import fnmatch
import hashlib
import itertools
import json
import os
import posixpath
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from .. import __version__
from ..argcheck import integer
from ..errors import AnpSynthError, InvalidArgument, OutputError, RecordError
from ..fixtures import read_json_object
from ..formats.output import gzip_member
from ..formats.writers import check_format, encode_lines, framing
from ..gcpolicy import batch_thresholds
from ..generator import generate_lines
from ..model import SCHEMA_VERSION
from ..rules import check_profile, check_seed_range
from .client import DEFAULT_TIMEOUT_S, finished, outcome, rescheduled, settled, worker_address
from .manifest import MANIFEST_FILE, Part, PartsManifest, check_part

if TYPE_CHECKING:
    from distributed import Client, Future

__all__ = ["DEFAULT_PART_SIZE", "GenerateResult", "generate_to", "split_target"]

DEFAULT_PART_SIZE = 1_000_000
"""Seeds per part: about 35 s of one core and 3 GB of jsonl, so a task's overhead on the
scheduler (milliseconds) is lost in the noise, and a lost worker costs at most one part."""

CHUNK = 500
"""Records per encoded chunk and per gzip member: the single-process writer's chunk size."""

PIECE = 16
"""Records per write of plain jsonl: small buffers that stay in the CPU cache."""


def split_target(output: str, fmt: str) -> tuple[str, str, bool]:
    """``(directory, file pattern, gzip)`` of ``-o``: ``DIR`` or ``DIR/NAME*.FMT[.gz]``.

    ``DIR`` alone gives ``part-*.FMT``. A last component with a ``*`` names the files
    itself (the ``*`` becomes the five-digit part number); its extension must agree with
    ``--format``, and ``.gz`` compresses.
    """
    check_format(fmt)
    if not output or output == "-":
        raise InvalidArgument("--cluster writes a directory of parts: give -o DIR, not stdout")
    head, _, last = output.rstrip("/").rpartition("/")
    if "*" not in last:
        return output.rstrip("/") or "/", f"part-*.{fmt}", False
    if last.count("*") != 1 or not head:
        raise InvalidArgument(f"-o {output}: write DIR or DIR/NAME*.{fmt}[.gz], with one * for the part number")
    suffix = last.split("*", 1)[1]
    if suffix not in (f".{fmt}", f".{fmt}.gz"):
        raise InvalidArgument(f"-o {output}: the part names must end in .{fmt} or .{fmt}.gz (the --format)")
    return head, last, suffix.endswith(".gz")


def _absolute(url: str) -> str:
    """A local path made absolute here: a remote worker would resolve a relative one in its own directory."""
    if "://" in url:
        return url
    return os.path.abspath(url)


@dataclass(frozen=True)
class _PartTask:
    directory: str
    file: str
    first_seed: int
    count: int
    profile: str
    fmt: str
    gzip: bool
    first: bool
    last: bool


@dataclass(frozen=True)
class _Done:
    part: Part
    worker: str
    seconds: float
    cpu_s: float
    kept: bool = False
    """Found whole, as an earlier run of the same plan wrote it: not generated again."""


@dataclass
class GenerateResult:
    """What :func:`generate_to` did: the manifest it wrote, and how the cluster spent its time."""

    directory: str
    manifest: PartsManifest
    elapsed_s: float
    tasks: int
    rescheduled: int
    """Tasks the scheduler ran again because a worker holding them was lost."""
    kept: int = 0
    """Parts an earlier, failed run of the same plan had written whole: kept, not generated again."""
    workers: dict[str, tuple[int, float]] = field(default_factory=dict)
    """Per worker address: records written and seconds spent writing them."""
    cpu_s: float = 0.0
    """CPU seconds of the part tasks' threads, all workers together: what one process would spend."""

    @property
    def records_per_s(self) -> float:
        return self.manifest.count / self.elapsed_s if self.elapsed_s > 0 else 0.0


def _fs(url: str) -> tuple[Any, str]:
    from fsspec.core import url_to_fs

    fs, root = url_to_fs(url)
    return fs, str(root).rstrip("/") or "/"


def _names(fs: Any, root: str) -> list[str]:
    return sorted(posixpath.basename(str(p).rstrip("/")) for p in fs.ls(root, detail=False))


def _temp_pattern(pattern: str) -> str:
    return f".{pattern}.*.tmp"


PLAN_FILE = ".anp-synth-plan.json"
"""A run's settings, written before any part: what lets a later run of the same settings resume it."""


def _done_file(file: str) -> str:
    """The name of a part's record of its size and SHA-256 (written once the part is in place)."""
    return f".{file}.done.json"


def _write_atomically(fs: Any, path: str, data: bytes) -> None:
    temp = f"{posixpath.dirname(path)}/.{posixpath.basename(path)}.{uuid.uuid4().hex}.tmp"
    with fs.open(temp, "wb") as out:
        out.write(data)
    fs.mv(temp, path)


def _read_json(fs: Any, path: str) -> dict[str, Any] | None:
    """A JSON object an earlier run wrote; None if it is missing or not one (never trusted then)."""

    def read() -> bytes:
        with fs.open(path, "rb") as f:
            return bytes(f.read())

    try:
        return read_json_object(read, path, missing=f"{path} is missing")
    except AnpSynthError:
        return None


def _prepare_directory(directory: str, pattern: str, plan: dict[str, Any]) -> None:
    """On a worker: create ``directory``, refuse one holding a data set, and prove it is writable.

    Parts already there are an earlier run's: resumed if its plan is ``plan``, else refused.
    """
    worker = worker_address()
    try:
        fs, root = _fs(directory)
        fs.makedirs(root, exist_ok=True)
        names = _names(fs, root)
        complete = MANIFEST_FILE in names
        parts = [n for n in names if fnmatch.fnmatchcase(n, pattern)]
        earlier = _read_json(fs, f"{root}/{PLAN_FILE}") if PLAN_FILE in names else None
        if not complete and (not parts or earlier == plan):
            _write_atomically(fs, f"{root}/{PLAN_FILE}", json.dumps(plan, sort_keys=True).encode())
    except OSError as exc:
        raise OutputError(f"cannot write in {directory} (worker {worker}): {exc.strerror or exc}") from None
    if complete or (parts and earlier != plan):
        taken = MANIFEST_FILE if complete else parts[0]
        why = "" if complete or earlier is None else " of a run with other settings"
        raise OutputError(
            f"{directory} already holds {taken}{why}: write a new data set into an empty directory "
            "(or remove the old one first)"
        )


def _part_pieces(task: _PartTask) -> Iterator[bytes]:
    """The bytes this part contributes to the single-process file, in order (see the module doc)."""
    frame = framing(task.fmt)

    def pack(data: bytes) -> bytes:
        return gzip_member(data) if task.gzip else data

    if task.first and frame.head:
        yield pack(frame.head)
    for n, start in enumerate(range(task.first_seed, task.first_seed + task.count, CHUNK)):
        size = min(CHUNK, task.first_seed + task.count - start)
        if (n or not task.first) and frame.joiner:
            yield pack(frame.joiner)
        lines = generate_lines(seed=start, count=size, profile=task.profile)
        if task.fmt == "jsonl" and not task.gzip:
            while piece := list(itertools.islice(lines, PIECE)):
                yield encode_lines(piece, task.fmt)
        else:
            yield pack(encode_lines(list(lines), task.fmt))
    if task.last and frame.tail:
        yield pack(frame.tail)


def _kept_part(fs: Any, root: str, task: _PartTask) -> Part | None:
    """The part as an earlier run of the same plan wrote it, if its file still has the size and
    SHA-256 that run recorded; None if anything differs or is missing (it is then written again)."""
    done = _read_json(fs, f"{root}/{_done_file(task.file)}")
    if done is None:
        return None
    part = Part(task.file, task.first_seed, task.count, bytes=done.get("bytes", -1), sha256=done.get("sha256", ""))
    if asdict(part) != done:  # a record of another part, or not one that _write_part wrote
        return None
    try:
        check_part(lambda: fs.open(f"{root}/{task.file}", "rb"), part, task.file)
    except RecordError:
        return None
    return part


def _write_part(task: _PartTask) -> _Done:
    """On a worker: keep the part an earlier run of the plan left whole, or write it under a
    temporary name and rename it into place, then record its size and SHA-256 beside it."""
    started, cpu = time.perf_counter(), time.thread_time()
    worker = worker_address()
    digest = hashlib.sha256()
    size = 0
    final = f"{task.directory}/{task.file}"
    try:
        fs, root = _fs(task.directory)
        kept = _kept_part(fs, root, task)
        if kept is not None:
            return _Done(kept, worker, time.perf_counter() - started, time.thread_time() - cpu, kept=True)
        temp = f"{root}/.{task.file}.{uuid.uuid4().hex}.tmp"
        try:
            with fs.open(temp, "wb") as out, batch_thresholds():
                for piece in _part_pieces(task):
                    out.write(piece)
                    digest.update(piece)
                    size += len(piece)
            fs.mv(temp, f"{root}/{task.file}")
        except BaseException:
            with contextlib.suppress(OSError):
                fs.rm(temp)
            raise
        part = Part(file=task.file, first_seed=task.first_seed, count=task.count, bytes=size, sha256=digest.hexdigest())
        _write_atomically(fs, f"{root}/{_done_file(task.file)}", json.dumps(asdict(part)).encode())
    except OSError as exc:
        raise OutputError(f"cannot write {final} (worker {worker}): {exc.strerror or exc}") from None
    return _Done(part, worker, time.perf_counter() - started, time.thread_time() - cpu)


def _finish(directory: str, pattern: str, manifest: PartsManifest) -> None:
    """On a worker: delete killed attempts' temporary files, write the manifest (atomically), then
    the plan and the parts' ``.done.json`` files (a run stopped before that left a complete data set)."""
    worker = worker_address()
    try:
        fs, root = _fs(directory)
        for name in _names(fs, root):
            if fnmatch.fnmatchcase(name, _temp_pattern(pattern)):
                fs.rm(f"{root}/{name}")
        _write_atomically(fs, f"{root}/{MANIFEST_FILE}", manifest.to_json().encode("utf-8"))
        bookkeeping = (PLAN_FILE, _done_file(pattern))  # and a killed attempt's temporary copy of either
        for name in _names(fs, root):
            if any(fnmatch.fnmatchcase(name, p) or fnmatch.fnmatchcase(name, f".{p}.*.tmp") for p in bookkeeping):
                fs.rm(f"{root}/{name}")
    except OSError as exc:
        raise OutputError(
            f"cannot write {directory}/{MANIFEST_FILE} (worker {worker}): {exc.strerror or exc}"
        ) from None


def _plan(seed: int, count: int, part_size: int) -> Iterator[tuple[int, int, int]]:
    for index, start in enumerate(range(seed, seed + count, part_size)):
        yield index, start, min(part_size, seed + count - start)


def generate_to(
    url: str,
    *,
    seed: int,
    count: int,
    client: Client,
    profile: str = "realistic",
    fmt: str = "jsonl",
    part_size: int = DEFAULT_PART_SIZE,
    pattern: str | None = None,
    gzip: bool = False,
    on_part: Callable[[Part], None] | None = None,
    worker_timeout: float = DEFAULT_TIMEOUT_S,
) -> GenerateResult:
    """Write seeds ``[seed, seed + count)`` to ``url`` as parts of ``part_size`` records, and a manifest.

    ``pattern`` names the files (``*`` is the part number; default ``part-*.FMT``, with
    ``.gz`` added when ``gzip``). ``on_part`` is called in this process as each part is
    finished, in completion order. A directory that already holds a manifest, or parts of the
    pattern written by a run of other settings, is refused before anything is written. On
    failure the parts already written stay (each one whole) and no manifest is written; a
    cluster left with no worker for ``worker_timeout`` seconds is such a failure. The same
    call then resumes: the parts found whole are kept (``GenerateResult.kept``), see the module doc.
    """
    check_seed_range(seed, count)
    check_profile(profile)
    check_format(fmt)
    integer("part_size", part_size, 1)
    if pattern is None:
        pattern = f"part-*.{fmt}" + (".gz" if gzip else "")
    if pattern.count("*") != 1 or "/" in pattern:
        raise InvalidArgument(f"pattern={pattern!r} must be a file name with one * for the part number")
    directory = _absolute(url).rstrip("/") or "/"
    started = time.perf_counter()
    run = uuid.uuid4().hex[:12]
    plan_of_run = {
        "kind": "anp-synth parts plan", "first_seed": seed, "count": count, "profile": profile, "format": fmt,
        "gzip": gzip, "part_size": part_size, "pattern": pattern, "anp_synth_version": __version__,
    }  # fmt: skip
    outcome(
        client,
        client.submit(_prepare_directory, directory, pattern, plan_of_run, key=f"anp-synth-prepare-{run}", pure=False),
        f"preparing {directory}", worker_timeout=worker_timeout, then="nothing was written",
    )  # fmt: skip

    plan = list(_plan(seed, count, part_size))
    futures: dict[Future[Any], int] = {}
    for index, start, n in plan:
        task = _PartTask(
            directory=directory, file=pattern.replace("*", f"{index:05d}"), first_seed=start, count=n,
            profile=profile, fmt=fmt, gzip=gzip, first=index == 0, last=index == len(plan) - 1,
        )  # fmt: skip
        futures[client.submit(_write_part, task, key=f"anp-synth-part-{run}-{index:05d}", pure=False)] = index
    parts: list[Part | None] = [None] * len(plan)
    workers: dict[str, tuple[int, float]] = {}
    cpu_s = 0.0
    kept = 0
    try:
        then = "the parts written so far are whole (the same command resumes), and no manifest was written"
        for future, value in finished(client, list(futures), worker_timeout=worker_timeout, then=then):
            index = futures[future]
            done: _Done = settled(value, f"part {index}")
            parts[index] = done.part
            kept += done.kept
            records, busy = workers.get(done.worker, (0, 0.0))
            workers[done.worker] = (records + done.part.count, busy + done.seconds)
            cpu_s += done.cpu_s
            if on_part is not None:
                on_part(done.part)
        reruns = rescheduled(client, [str(f.key) for f in futures])
    finally:
        client.cancel(list(futures))
    manifest = PartsManifest(
        first_seed=seed, count=count, profile=profile, format=fmt, gzip=gzip, part_size=part_size,
        pattern=pattern, schema_version=SCHEMA_VERSION, anp_synth_version=__version__,
        parts=[p for p in parts if p is not None],
    )  # fmt: skip
    outcome(
        client, client.submit(_finish, directory, pattern, manifest, key=f"anp-synth-finish-{run}", pure=False),
        f"writing {directory}/{MANIFEST_FILE}", worker_timeout=worker_timeout,
        then="every part is written and whole, but the manifest is not",
    )  # fmt: skip
    return GenerateResult(
        directory=directory, manifest=manifest, elapsed_s=time.perf_counter() - started, tasks=len(plan),
        rescheduled=reruns, kept=kept, workers=workers, cpu_s=cpu_s,
    )  # fmt: skip
