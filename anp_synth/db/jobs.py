"""Batches of input, described before they are read, prepared (parsed or generated, encoded) anywhere.

A job is small and picklable: a seed window, a list of raw lines, or a list of records. Its
``key`` names its content, so the importer can find it in the ledger *before* doing any
work (an unchanged re-run generates and parses nothing). ``prepare`` turns a job into rows;
it runs in the importer's process or in a worker process, and never raises for a bad
record: bad records come back as data, so the importer decides (abort or skip) in order.
"""

from __future__ import annotations

import collections
import functools
import hashlib
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, NamedTuple

from ..errors import RecordError
from ..model import Article
from ..rules import GENERATOR_VERSION
from .encode import EncodedBatch, canonical_sections, encode_record, sections_json

if TYPE_CHECKING:
    from ..formats.readers import LineBlock


@dataclass(frozen=True)
class Reject:
    source: str | None
    line: int | None
    seed: int | None
    field: str | None
    reason: str
    record: str | None
    """The raw line, when the input was a file."""

    @classmethod
    def of(cls, exc: RecordError, record: str | None) -> Reject:
        return cls(exc.source, exc.line, exc.seed, exc.field, exc.reason, record)

    def error(self) -> RecordError:
        return RecordError(self.reason, source=self.source, line=self.line, seed=self.seed, field=self.field)

    def to_dict(self) -> dict[str, Any]:
        message = self.error().describe()
        return {
            "source": self.source,
            "line": self.line,
            "seed": self.seed,
            "field": self.field,
            "reason": self.reason,
            "message": message,
            "record": self.record,
        }


class Follower(NamedTuple):
    """A later occurrence, within one batch, of a reference (or a (seed, profile)) of that batch."""

    reference: str
    hash: str
    seed: Any
    profile: Any
    line: int
    reject: Reject | None
    """The verdict against the batch's own first occurrence: None when skipped as identical."""


@dataclass
class Prepared:
    """A job's rows, plus what went wrong with which record."""

    batch: EncodedBatch
    rows_read: int
    rejects: list[Reject] = field(default_factory=list)
    duplicates: int = 0
    """Later occurrences of a reference with the same content as its first: skipped."""
    lines: list[int] | None = None
    """The input line (or 1-based record position) of each of ``batch.articles``; None for generated seeds."""
    followers: list[Follower] = field(default_factory=list)
    read_s: float = 0.0
    encode_s: float = 0.0


@dataclass(frozen=True)
class SeedJob:
    first_seed: int
    count: int
    profile: str

    @property
    def rows(self) -> int:
        return self.count

    def key(self, on_conflict: str) -> str:
        return f"{on_conflict}:gen:{GENERATOR_VERSION}:{self.profile}:{self.first_seed}:{self.count}"

    def describe(self) -> str:
        return f"seed {self.first_seed}"

    def ledger_fields(self) -> dict[str, Any]:
        return {"first_seed": self.first_seed, "last_seed": self.first_seed + self.count - 1,
                "first_line": None, "last_line": None}  # fmt: skip


@dataclass(frozen=True)
class LinesJob:
    """A batch of a file's records, held as the bytes read: decoded only if the batch is prepared.

    An unchanged re-run finds every batch in the ledger by its key, a digest of these bytes,
    so it never decodes a line; a batch that is prepared is decoded where it is prepared (a
    worker process receives bytes, which pickle without an encode).
    """

    source: str
    held: tuple[tuple[int, bytes | Reject], ...] | LineBlock
    """Each record's line (its bytes, ending in exactly one newline) with its number, or the reader's
    verdict on a record it could not read; or all of them in one :class:`LineBlock` of plain lines."""
    digest: str
    """SHA-256 (its first 128 bits, hex) of the batch's bytes: see :func:`line_jobs`."""

    @functools.cached_property
    def raw(self) -> tuple[tuple[int, bytes | Reject], ...]:
        """:attr:`held` one line at a time (a block is split where it is prepared, not where it is read)."""
        held = self.held
        if isinstance(held, tuple):
            return held
        return tuple(zip(range(held.first, held.first + held.count), held.lines(), strict=True))

    @property
    def rows(self) -> int:
        return len(self.held) if isinstance(self.held, tuple) else self.held.count

    def key(self, on_conflict: str) -> str:
        return f"{on_conflict}:{LINES_TAG}:{self.digest}:{self.rows}"

    def legacy_key(self, on_conflict: str) -> str:
        """The key the importer gave this batch before :data:`LINES_TAG` (blake2b of the decoded lines).

        Computed only when a ledger holds keys of that form (:func:`has_legacy_keys`), so that a
        database loaded by an older version still re-runs without writing anything.
        """
        h = hashlib.blake2b(digest_size=16)
        for _, data in self.raw:
            h.update(_legacy_bytes(data))
        return f"{on_conflict}:lines:{h.hexdigest()}:{self.rows}"

    @functools.cached_property
    def lines(self) -> tuple[tuple[int, str | Reject], ...]:
        """Each record's JSON text with its line (decoded as the reader always did), or the reader's verdict.

        A line that is not UTF-8 comes out decoded with ``surrogateescape``, so that it is
        rejected in its place when prepared (see :func:`anp_synth.formats.readers.iter_lines`).
        """
        return tuple((number, data if isinstance(data, Reject) else _decoded(data)) for number, data in self.raw)

    def __getstate__(self) -> dict[str, Any]:
        """Pickled as held, without :attr:`raw` or :attr:`lines`: a worker gets the bytes and splits
        and decodes them itself."""
        state = dict(self.__dict__)
        state.pop("raw", None)
        state.pop("lines", None)
        return state

    def _first_line(self) -> int:
        return self.held[0][0] if isinstance(self.held, tuple) else self.held.first

    def describe(self) -> str:
        return f"{self.source}:{self._first_line()}"

    def ledger_fields(self) -> dict[str, Any]:
        held = self.held
        last = held[-1][0] if isinstance(held, tuple) else held.first + held.count - 1
        return {"first_seed": None, "last_seed": None, "first_line": self._first_line(), "last_line": last}


LINES_TAG = "lines2"
"""The tag of a file batch's key; ``lines`` was the tag of the older, decoded-text keys."""


def has_legacy_keys(ledger: set[str]) -> bool:
    """Whether a ledger holds file batches keyed the older way (then :meth:`LinesJob.legacy_key` is looked up too)."""
    return any(":lines:" in key for key in ledger)


def _decoded(data: bytes) -> str:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("utf-8", "surrogateescape")
    return text[:-1]


def _legacy_bytes(data: bytes | Reject) -> bytes:
    """What the older key hashed for one record: its decoded text re-encoded with ``surrogatepass``."""
    if isinstance(data, Reject):
        return f"\0{data.reason}\n".encode()
    if data.isascii():
        return data
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("utf-8", "surrogateescape").encode("utf-8", "surrogatepass")
    return data


@dataclass(frozen=True)
class RecordsJob:
    records: tuple[Article, ...]
    digest: str
    index: int
    """Position of the first record in the caller's iterable (0-based)."""

    @property
    def rows(self) -> int:
        return len(self.records)

    def key(self, on_conflict: str) -> str:
        return f"{on_conflict}:records:{self.digest}:{len(self.records)}"

    def describe(self) -> str:
        return f"record {self.index}"

    def ledger_fields(self) -> dict[str, Any]:
        seeds = [r.get("seed") for r in self.records]
        ints = [s for s in seeds if isinstance(s, int)]
        return {"first_seed": min(ints) if ints else None, "last_seed": max(ints) if ints else None,
                "first_line": None, "last_line": None}  # fmt: skip


Job = SeedJob | LinesJob | RecordsJob


def seed_jobs(seed: int, count: int, profile: str, batch_size: int) -> Iterator[SeedJob]:
    """Batches of consecutive seeds; the same window always cuts into the same batches."""
    for first in range(seed, seed + count, batch_size):
        yield SeedJob(first, min(batch_size, seed + count - first), profile)


def line_jobs(
    lines: Iterable[tuple[int, bytes | str | RecordError | LineBlock]],
    source: str,
    batch_size: int,
    *,
    read_ahead: bool = False,
) -> Iterator[LinesJob]:
    r"""Batches of records, keyed by a digest of their bytes (so the same lines are the same batch).

    ``bytes`` is a jsonl line as read (:func:`anp_synth.formats.readers.record_lines`), its line
    end included: one ``\n``, ``\r\n`` or any run of the two, or none on a last line; a
    ``str`` is a record's text as is (csv, json, parquet), UTF-8 encoded here. A
    :class:`RecordError` in place of a text is a record the reader could not read (too long,
    a csv row that does not rebuild): it is rejected in its place like any bad record.

    The key's digest is SHA-256, cut to 128 bits, of each record's bytes without its line end,
    each followed by ``\n`` (a reader's reject: a NUL, its reason, ``\n``): so a line's key does
    not depend on how its file ends its lines, or on where the reader's chunks fell.

    A line that comes on its own is hashed as it is read, while its bytes are still in the
    CPU's cache (measured faster than gathering its batch to hash on a second thread). A
    :class:`LineBlock` of ``batch_size`` lines met at a batch's start is that batch whole: its
    bytes are already the hashed form, so it is hashed in one pass. With ``read_ahead`` (for a
    file read to its end, never a stream someone is still writing: a batch would wait for the
    next), on a thread of :class:`_BlockHashes` (SHA-256 lets go of the interpreter's lock)
    while the next blocks are read.
    """
    from ..formats.readers import LineBlock

    hashes = _BlockHashes(threads=2 if read_ahead else 0)
    try:
        try:
            for job in _line_jobs(lines, source, batch_size, LineBlock, hashes):
                yield from hashes.ready(job)
        except RecordError:  # the input broke: the batches read before it are handed on first, as always
            yield from hashes.ready(None)
            raise
        yield from hashes.ready(None)
    finally:
        hashes.close()


def _line_jobs(
    lines: Iterable[tuple[int, bytes | str | RecordError | LineBlock]],
    source: str,
    batch_size: int,
    block_type: type[LineBlock],
    hashes: _BlockHashes,
) -> Iterator[LinesJob | Future[LinesJob]]:
    chunk: list[tuple[int, bytes | Reject]] = []
    h = hashlib.sha256()
    for first, read in lines:
        items: Iterable[tuple[int, bytes | str | RecordError | LineBlock]] = ((first, read),)
        if isinstance(read, block_type):
            if not chunk and read.count == batch_size:
                yield hashes.submit(source, read)
                continue
            items = zip(range(read.first, read.first + read.count), read.lines(), strict=True)  # a batch's part
        for number, item in items:
            if isinstance(item, bytes):
                # most lines end in one \n already: hashed and kept as read, not copied
                data = item if item[-1:] == b"\n" and item[-2:-1] not in _LINE_END else item.rstrip(b"\r\n") + b"\n"
                h.update(data)
                chunk.append((number, data))
            elif isinstance(item, str):
                data = _encoded(item) + b"\n"
                h.update(data)
                chunk.append((number, data))
            elif isinstance(item, RecordError):
                reject = Reject.of(item, None)
                h.update(f"\0{reject.reason}\n".encode())
                chunk.append((number, reject))
            else:
                raise TypeError(f"not a line, a record's text or a reader's error: {type(item).__name__}")
            if len(chunk) >= batch_size:
                yield LinesJob(source, tuple(chunk), h.hexdigest()[:32])
                chunk = []
                h = hashlib.sha256()
    if chunk:
        yield LinesJob(source, tuple(chunk), h.hexdigest()[:32])


class _BlockHashes:
    """Blocks hashed on ``threads`` threads (0: at once, in the caller's), their jobs given back in input order.

    At most :attr:`DEPTH` blocks are in flight (each at most ``readers.BLOCK_CAP`` bytes), so
    memory stays flat; the threads start with the first block, so a file read line by line
    never starts one.
    """

    DEPTH = 4

    def __init__(self, threads: int) -> None:
        self._threads = threads
        self._pool: ThreadPoolExecutor | None = None
        self._pending: collections.deque[Future[LinesJob]] = collections.deque()

    def submit(self, source: str, block: LineBlock) -> Future[LinesJob]:
        if not self._threads:
            done: Future[LinesJob] = Future()
            done.set_result(_block_job(source, block))
            return done
        if self._pool is None:
            self._pool = ThreadPoolExecutor(self._threads, thread_name_prefix="anp-hash")
        return self._pool.submit(_block_job, source, block)

    def ready(self, item: LinesJob | Future[LinesJob] | None) -> Iterator[LinesJob]:
        """The jobs that can be handed on, in order, once ``item`` is queued (None: the end, all of them)."""
        if isinstance(item, LinesJob):
            yield from self._drain(0)
            yield item
            return
        if item is not None:
            self._pending.append(item)
        yield from self._drain(0 if item is None or not self._threads else self.DEPTH - 1)

    def _drain(self, keep: int) -> Iterator[LinesJob]:
        while len(self._pending) > keep:
            yield self._pending.popleft().result()

    def close(self) -> None:
        for future in self._pending:
            future.cancel()
        self._pending.clear()
        if self._pool is not None:
            self._pool.shutdown(wait=True)


def _block_job(source: str, block: LineBlock) -> LinesJob:
    h = hashlib.sha256()
    for part in block.parts:  # as read: joining them would copy the batch
        h.update(part)
    return LinesJob(source, block, h.hexdigest()[:32])


_LINE_END = (b"\r", b"\n")


def _encoded(text: str) -> bytes:
    """A record's text as the bytes it was read from (a byte that was not UTF-8 comes back as itself)."""
    try:
        return text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a lone surrogate no reader yields: kept, and rejected as not UTF-8
        return text.encode("utf-8", "surrogatepass")


def record_jobs(records: Iterable[Article], batch_size: int) -> Iterator[RecordsJob]:
    """Batches of ready records, keyed by their references and content hashes."""
    chunk: list[Article] = []
    index = 0
    for record in records:
        chunk.append(record)
        if len(chunk) >= batch_size:
            yield _records_job(chunk, index)
            index += len(chunk)
            chunk = []
    if chunk:
        yield _records_job(chunk, index)


def _records_job(chunk: list[Article], index: int) -> RecordsJob:
    h = hashlib.blake2b(digest_size=16)
    for record in chunk:
        meta: Any = record.get("meta") if isinstance(record, dict) else None
        ident = f"{meta.get('reference')}:{meta.get('hash')};" if isinstance(meta, dict) else repr(record)
        h.update(ident.encode("utf-8", "surrogatepass"))
    return RecordsJob(tuple(chunk), h.hexdigest(), index)


def prepare(job: Job) -> Prepared:
    """Generate or parse, then encode, one job. Bad records are returned as rejects, in order."""
    if isinstance(job, SeedJob):
        return _prepare_seeds(job)
    if isinstance(job, LinesJob):
        return _prepare_lines(job)
    return _prepare_records(job)


class _FirstSeen:
    """The one rule for a reference met twice in an input, applied within a batch.

    The first occurrence in input order wins; a later one with the same content (same
    ``meta.hash``) is skipped, with other content it is a reject naming the first's line;
    a later record of the same (seed, profile) under another reference likewise. The
    importer applies the same rule across batches (:class:`anp_synth.db.seen.SeenIndex`),
    so the result is the same at every batch size and worker count.
    """

    def __init__(self) -> None:
        self.refs: dict[str, tuple[int, str]] = {}
        self.ids: dict[tuple[Any, Any], tuple[int, str]] = {}

    def admit(self, record: Article, number: int, out: Prepared, where: str, source: str, text: str | None) -> bool:
        """True for the batch's first occurrence; otherwise count or reject it in ``out``, note it
        as a follower (the importer re-judges it if the batch's first was not the run's first) and
        return False."""
        meta = record["meta"]
        ref, digest = meta["reference"], meta["hash"]
        first = self.refs.get(ref)
        if first is not None:
            reason = None if first[1] == digest else duplicate_reason(where, first[0])
        else:
            other = self.ids.get((record["seed"], record["profile"]))
            if other is None:
                return True
            reason = duplicate_id_reason(record["seed"], record["profile"], other[1], where, other[0])
        seed = record.get("seed")
        reject = None
        if reason is None:
            out.duplicates += 1
        else:
            reject = Reject(source, number, seed if isinstance(seed, int) else None, None, reason, text)
            out.rejects.append(reject)
        out.followers.append(Follower(ref, digest, record["seed"], record["profile"], number, reject))
        return False

    def add(self, record: Article, number: int, out: Prepared) -> None:
        meta = record["meta"]
        self.refs[meta["reference"]] = (number, meta["hash"])
        self.ids[(record["seed"], record["profile"])] = (number, meta["reference"])
        assert out.lines is not None
        out.lines.append(number)


def duplicate_reason(where: str, first: int) -> str:
    return f"duplicate reference with different content (first at {where} {first})"


def duplicate_id_reason(seed: Any, profile: Any, reference: str, where: str, first: int) -> str:
    return f"duplicate seed {seed} profile {profile} under another reference {reference} (first at {where} {first})"


def _prepare_seeds(job: SeedJob) -> Prepared:
    from ..generator import build  # here: a file's import never loads the generator

    batch = EncodedBatch()
    read_s = encode_s = 0.0
    nbytes = 0
    t = time.perf_counter()
    for s in range(job.first_seed, job.first_seed + job.count):
        record, line = build(s, job.profile)
        nbytes += len(line.encode("utf-8"))
        t1 = time.perf_counter()
        read_s += t1 - t
        # the generator never writes a NUL (profiles.py), and its line is canonical JSON
        encode_record(record, batch, nul_free=True, body=sections_json(line), line=line)
        t = time.perf_counter()
        encode_s += t - t1
    batch.nbytes = nbytes
    return Prepared(batch, job.count, read_s=read_s, encode_s=encode_s)


def _prepare_lines(job: LinesJob) -> Prepared:
    from ..formats.readers import parse_line
    from ..validate import generated_record  # here: an unchanged re-run never loads the validator

    batch = EncodedBatch()
    out = Prepared(batch, len(job.lines), lines=[])
    seen = _FirstSeen()
    nbytes = 0
    t = time.perf_counter()
    for number, text in job.lines:
        if isinstance(text, Reject):
            out.rejects.append(text)
            continue
        try:
            nbytes += len(text.encode("utf-8")) + 1
        except UnicodeEncodeError as exc:
            nbytes += _reject_undecodable(out, job.source, number, text, exc.start)
            t = time.perf_counter()
            continue
        try:
            record = generated_record(text)
            generated = record is not None
            if record is None:
                record = parse_line(text, source=job.source, line=number, regenerate=False)
            t1 = time.perf_counter()
            out.read_s += t1 - t
            if seen.admit(record, number, out, "line", job.source, text):
                if generated:  # the generator's own line: canonical, and NUL-free (as in _prepare_seeds)
                    body: str | None = sections_json(text)
                    canonical: str | None = text
                    nul_free = True
                else:
                    body = canonical_sections(text, record)
                    canonical = text if body is not None else None  # proven canonical: SQLite may explode its meta
                    # JSON must escape a NUL as \u0000: a line without that text holds none.
                    nul_free = "\\u0000" not in text
                encode_record(record, batch, nul_free=nul_free, body=body, line=canonical)
                seen.add(record, number, out)
        except RecordError as exc:
            t1 = time.perf_counter()
            exc.source = exc.source or job.source
            exc.line = exc.line or number
            out.rejects.append(Reject.of(exc, text))
        t = time.perf_counter()
        out.encode_s += t - t1
    batch.nbytes = nbytes
    return out


def _reject_undecodable(out: Prepared, source: str, number: int, text: str, start: int) -> int:
    """Reject a line the reader kept though it is not UTF-8 (see ``iter_lines``); its size in bytes.

    The rejects file shows the line with each bad byte as ``\\xNN``: JSON cannot hold raw bytes.
    """
    from ..formats.readers import not_utf8

    raw = text.encode("utf-8", "surrogateescape")
    first_bad = len(text[:start].encode("utf-8", "surrogateescape"))
    error = RecordError(not_utf8(first_bad), source=source, line=number)
    out.rejects.append(Reject.of(error, raw.decode("utf-8", "backslashreplace")))
    return len(raw) + 1


def _prepare_records(job: RecordsJob) -> Prepared:
    batch = EncodedBatch()
    out = Prepared(batch, len(job.records), lines=[])
    seen = _FirstSeen()
    t = time.perf_counter()
    for i, record in enumerate(job.records):
        try:
            if not seen.admit(record, job.index + i + 1, out, "record", "<records>", None):
                continue
            encode_record(record, batch)
            seen.add(record, job.index + i + 1, out)
        except RecordError as exc:
            exc.source = exc.source or "<records>"
            exc.line = exc.line or job.index + i + 1
            out.rejects.append(Reject.of(exc, None))
        except (KeyError, TypeError) as exc:
            seed = record.get("seed") if isinstance(record, dict) else None
            err = RecordError(f"not a record: {type(exc).__name__}: {exc}", source="<records>",
                              line=job.index + i + 1, seed=seed if isinstance(seed, int) else None)  # fmt: skip
            out.rejects.append(Reject.of(err, None))
    out.encode_s = time.perf_counter() - t
    return out
