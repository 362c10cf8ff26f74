"""A file's batches are keyed by their bytes; an unchanged re-run recognises them without decoding a line.

The key of a file's batch is SHA-256 (first 128 bits) of its records' bytes, each without its
line end and followed by ``\\n`` (docs/IMPORT.md). The reader hands the importer a jsonl line
as the bytes read, and the batch is decoded only where it is prepared; so the bytes-level
batching must give exactly the batches (line numbers, texts, the reader's rejects) that the
str-level reader gives. A ledger written before this key (blake2b of the decoded text,
tag ``lines``) must still be recognised after the upgrade.
"""

from __future__ import annotations

import gzip
import hashlib
import itertools
import pickle
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import create_engine
from sqlalchemy import text as sql_text
from sqlalchemy.pool import NullPool

from anp_synth.db import import_file
from anp_synth.db.connect import parse_url
from anp_synth.db.jobs import LinesJob, Reject, line_jobs
from anp_synth.errors import RecordError
from anp_synth.formats import readers
from anp_synth.formats.readers import record_lines, record_texts
from anp_synth.generator import generate_lines

from .db_helpers import DIALECTS, execute, make_url, rows

LIMIT = 1024  # the smallest --max-line-bytes: long lines are cheap to make
LONG = 64 * 1024  # longer than any generated record

# --- the older key, kept here as its specification ------------------------------------------------


def legacy_digest(lines: tuple[tuple[int, str | Reject], ...]) -> str:
    """The key's digest before this change, exactly as ``jobs._lines_job`` computed it then."""
    h = hashlib.blake2b(digest_size=16)
    for _, text in lines:
        h.update(text.encode("utf-8", "surrogatepass") if isinstance(text, str) else f"\0{text.reason}".encode())
        h.update(b"\n")
    return h.hexdigest()


def str_level_batches(texts: Iterable[tuple[int, str | RecordError]], size: int) -> list[list[tuple[int, Any]]]:
    """What the importer batched before: the str reader's items, a reader's error as its reject."""
    items = [(n, Reject.of(t, None) if isinstance(t, RecordError) else t) for n, t in texts]
    return [items[i : i + size] for i in range(0, len(items), size)]


def drain(items: Iterator[Any]) -> tuple[list[Any], str | None]:
    """Everything an iterator yields, and the error that ended it (a reader stops on binary data)."""
    out: list[Any] = []
    try:
        for item in items:
            out.append(item)
    except RecordError as exc:
        return out, exc.describe()
    return out, None


def new_rule_digest(lines: Iterable[bytes | str]) -> str:
    h = hashlib.sha256()
    for line in lines:
        h.update(line if isinstance(line, bytes) else line.encode("utf-8", "surrogateescape"))
        h.update(b"\n")
    return h.hexdigest()[:32]


# --- bytes-level batching == str-level batching ----------------------------------------------------

_PIECES = [
    b"{", b"}", b'"a"', b"x", b"0", b" ", b"\t", b"\r", b"\r\n", b"\n", b"\n\n",
    b"\xff", b"\xc3", b"\xc3\xa9", b"\xef\xbb\xbf", b"\xc2\x85", b"\xe3\x80\x80", b"\x1c", b"\x0b", b"\0",
]  # fmt: skip
"""Bytes that matter to a reader: JSON, white space (ASCII, Unicode, the separators str.strip
strips), CR and LF, a BOM, bytes that are not UTF-8 (a lone byte, a cut sequence), a NUL."""

file_bytes = st.lists(
    st.one_of(st.sampled_from(_PIECES), st.sampled_from([b"y" * (LIMIT - 1), b"z" * (LIMIT + 1), b"w" * 3000])),
    max_size=40,
).map(b"".join)


@settings(max_examples=200, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=file_bytes, size=st.integers(1, 6), packed=st.booleans())
def test_bytes_level_batches_are_the_str_level_batches(tmp_path: Path, data: bytes, size: int, packed: bool) -> None:
    path = tmp_path / ("in.jsonl.gz" if packed else "in.jsonl")
    path.write_bytes(gzip.compress(data) if packed else data)
    with record_texts(str(path), max_line_bytes=LIMIT, keep_undecodable=True) as texts:
        expected, expected_error = drain(texts)
    with record_lines(str(path), max_line_bytes=LIMIT) as raw:
        jobs, error = drain(line_jobs(raw, str(path), size))
    assert error == expected_error
    # a read that broke still hands on the batches before the break; the last, partial one is
    # not a batch (as before): compare the whole batches
    whole = str_level_batches(expected, size)
    if expected_error is not None:
        whole = [batch for batch in whole if len(batch) == size]
    assert [list(job.lines) for job in jobs] == whole
    assert [job.rows for job in jobs] == [len(batch) for batch in whole]
    assert [job.ledger_fields()["first_line"] for job in jobs] == [batch[0][0] for batch in whole]
    # the key, by its rule, of each record's text as the str reader saw it
    for job, batch in zip(jobs, whole, strict=True):
        assert job.digest == new_rule_digest(t if isinstance(t, str) else f"\0{t.reason}" for _, t in batch)
        assert job.legacy_key("skip") == f"skip:lines:{legacy_digest(tuple(batch))}:{len(batch)}"


one_line = st.binary(min_size=1, max_size=300).map(lambda b: b.replace(b"\n", b"").replace(b"\r", b"") or b"{")


@settings(max_examples=100)
@given(
    lines=st.lists(one_line, min_size=1, max_size=30),
    cuts=st.lists(st.integers(0, 9000), max_size=20),
    crlf=st.booleans(),
    size=st.integers(1, 7),
)
def test_keys_depend_on_the_bytes_not_on_where_reads_fell(lines: list[bytes], cuts: list[int], crlf: bool,
                                                          size: int) -> None:  # fmt: skip
    data = b"".join(line + (b"\r\n" if crlf else b"\n") for line in lines)
    bounds = sorted({0, len(data), *(c for c in cuts if c < len(data))})
    chunks = [data[a:b] for a, b in itertools.pairwise(bounds)]

    def keys(pieces: list[bytes]) -> list[str]:
        texts = readers._jsonl_lines(readers._lines(iter(pieces), 1 << 20, "x"), "x", 1 << 20)
        return [job.key("skip") for job in line_jobs(((n, t) for n, t, _ in texts), "x", size)]

    assert keys(chunks) == keys([data])
    kept = [line for line in lines if line.decode("utf-8", "surrogateescape").strip()]  # blank lines are not records
    assert keys([data]) == [
        f"skip:lines2:{new_rule_digest(kept[i : i + size])}:{len(kept[i : i + size])}"
        for i in range(0, len(kept), size)
    ]


def test_a_record_from_text_and_the_same_record_as_bytes_have_one_key() -> None:
    text = next(generate_lines(seed=3, count=1))
    as_text = list(line_jobs([(1, text)], "x", 10))
    as_bytes = list(line_jobs([(1, text.encode() + b"\r\n")], "x", 10))
    assert as_text[0].key("skip") == as_bytes[0].key("skip")
    assert as_text[0].lines == as_bytes[0].lines == ((1, text),)


def test_a_batch_is_pickled_as_its_bytes_without_its_decoded_lines() -> None:
    job = next(line_jobs([(1, b'{"a": 1}\n'), (3, b"\xff{}\n"), (4, RecordError("too long"))], "x", 10))
    assert job.lines == ((1, '{"a": 1}'), (3, "\udcff{}"), (4, Reject.of(RecordError("too long"), None)))
    state = job.__getstate__()
    assert "lines" not in state and "raw" not in state and state["held"] == job.raw
    copy = pickle.loads(pickle.dumps(job))
    assert copy == job and "lines" not in copy.__dict__
    assert copy.lines == job.lines


# --- a batch of plain lines read as one block is the same batch ------------------------------------

plain_line = st.integers(0, 10**6).map(lambda n: b'{"n": %d}\n' % n)
odd_line = st.sampled_from([
    b"\n", b" \n", b"\t{}\n", b"\x0b{}\n", b"\xc2\x85\n", b"\xe3\x80\x80{}\n", b"\xef\xbb\xbf{}\n", b"{}\r\n",
    b"{\r}\n", b"\xff{}\n", b"{\xff}\n", b"\0{}\n", b"y" * LIMIT + b"\n", b"z" * (LIMIT + 1) + b"\n",
    b"\0" + b"w" * (LIMIT + 5) + b"\n", b'{"last": "no newline"}',
])  # fmt: skip
"""Lines a block must not take for plain ones (each also in a batch of plain lines): blank or
white-space-led (ASCII, Unicode, a BOM), CR anywhere, not UTF-8, NUL, at and past the limit,
a last line without its newline."""
mixed_bytes = st.lists(st.one_of(plain_line, plain_line, plain_line, odd_line, file_bytes), max_size=30).map(b"".join)


def job_facts(jobs: list[LinesJob]) -> list[tuple[Any, ...]]:
    """All a batch is to the importer: its key, its lines as read, its numbers, its ledger fields."""
    return [(job.key("skip"), job.raw, job.rows, job.describe(), job.ledger_fields()) for job in jobs]


@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=mixed_bytes, size=st.integers(1, 6), packed=st.booleans(), read_ahead=st.booleans())
def test_reading_in_blocks_gives_the_batches_of_reading_line_by_line(
    tmp_path: Path, data: bytes, size: int, packed: bool, read_ahead: bool
) -> None:
    path = tmp_path / ("in.jsonl.gz" if packed else "in.jsonl")
    path.write_bytes(gzip.compress(data) if packed else data)
    with record_lines(str(path), max_line_bytes=LIMIT) as raw:
        expected, expected_error = drain(line_jobs(raw, str(path), size))
    with record_lines(str(path), max_line_bytes=LIMIT, block=size) as raw:
        jobs, error = drain(line_jobs(raw, str(path), size, read_ahead=read_ahead))
    assert error == expected_error
    assert job_facts(jobs) == job_facts(expected)


@settings(max_examples=200)
@given(data=mixed_bytes, cuts=st.lists(st.integers(0, 4000), max_size=12), size=st.integers(1, 6))
def test_blocks_give_what_the_line_reader_gives_from_the_same_reads(data: bytes, cuts: list[int], size: int) -> None:
    bounds = sorted({0, len(data), *(c for c in cuts if c < len(data))})
    chunks = [data[a:b] for a, b in itertools.pairwise(bounds)]
    by_line, line_error = drain(line_jobs(((n, t) for n, t, _ in readers._jsonl_lines(
        readers._lines(iter(chunks), LIMIT, "x"), "x", LIMIT)), "x", size))  # fmt: skip
    by_block, block_error = drain(line_jobs(((n, t) for n, t, _ in readers._jsonl_blocks(
        iter(chunks), "x", LIMIT, size)), "x", size))  # fmt: skip
    assert block_error == line_error
    assert job_facts(by_block) == job_facts(by_line)


def test_plain_lines_come_a_batch_at_a_time_and_the_rest_line_by_line(tmp_path: Path, generated: list[bytes]) -> None:
    path = tmp_path / "in.jsonl"
    write_lines(path, [*generated[:12], b"\n", *generated[12:]])  # a blank line in the third batch of 5
    with record_lines(str(path), block=5) as raw:
        items = list(raw)
    assert [(n, type(t).__name__) for n, t in items[:2]] == [(1, "LineBlock"), (6, "LineBlock")]
    assert [(n, type(t).__name__) for n, t in items[2:]] == [(n, "bytes") for n in [*range(11, 13), *range(14, 25)]]
    block = items[0][1]
    assert isinstance(block, readers.LineBlock) and block.lines() == generated[:5]


def test_a_batch_longer_than_the_block_cap_is_read_line_by_line(
    tmp_path: Path, generated: list[bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "in.jsonl"
    write_lines(path, generated)
    with record_lines(str(path)) as raw:
        expected = job_facts(list(line_jobs(raw, "in", 5)))
    monkeypatch.setattr(readers, "BLOCK_CAP", 3 * len(generated[0]))  # less than a batch of 5
    with record_lines(str(path), block=5) as raw:
        items = list(raw)
        assert not any(isinstance(t, readers.LineBlock) for _, t in items)
    assert job_facts(list(line_jobs(iter(items), "in", 5))) == expected


def test_a_truncated_gzip_read_in_blocks_fails_on_the_line_it_fails_on_read_line_by_line(
    tmp_path: Path, generated: list[bytes]
) -> None:
    path = tmp_path / "in.jsonl.gz"
    packed = gzip.compress(b"".join(generated))
    path.write_bytes(packed[: len(packed) * 2 // 3])
    with record_lines(str(path)) as raw:
        expected, expected_error = drain(line_jobs(raw, "in", 5))
    with record_lines(str(path), block=5) as raw:
        jobs, error = drain(line_jobs(raw, "in", 5, read_ahead=True))  # the batches hashed before it, handed on
    assert error is not None and "truncated" in error and error == expected_error
    assert job_facts(jobs) == job_facts(expected)


def test_a_block_that_is_not_one_whole_batch_is_batched_line_by_line(generated: list[bytes]) -> None:
    block = readers.LineBlock(4, (b"".join(generated[:5]),), 5)
    as_block = list(line_jobs([(1, b'{"a": 1}\n'), (4, block)], "x", 2))
    as_lines = list(line_jobs([(1, b'{"a": 1}\n'), *zip(range(4, 9), generated[:5], strict=True)], "x", 2))
    assert job_facts(as_block) == job_facts(as_lines)


def test_a_block_batch_is_pickled_as_one_bytes_object_and_split_where_it_is_prepared(generated: list[bytes]) -> None:
    block = readers.LineBlock(7, (generated[0], memoryview(b"".join(generated[1:3]))), 3)
    job = next(line_jobs([(7, block)], "x", 3))
    assert job.digest == new_rule_digest(line.rstrip(b"\n") for line in generated[:3])
    assert "raw" not in job.__dict__  # hashed without splitting
    copy = pickle.loads(pickle.dumps(job))
    assert len(pickle.dumps(job)) < len(b"".join(generated[:3])) + 300
    assert copy.raw == job.raw == tuple(zip(range(7, 10), generated[:3], strict=True))
    assert copy.key("skip") == job.key("skip") and copy.ledger_fields()["last_line"] == 9


# --- on a database: one changed byte, an unchanged re-run, a ledger of the older keys ----------------


def write_lines(path: Path, lines: list[bytes]) -> None:
    path.write_bytes(gzip.compress(b"".join(lines)) if path.name.endswith(".gz") else b"".join(lines))


@pytest.fixture(scope="module")
def generated() -> list[bytes]:
    return [line.encode() + b"\n" for line in generate_lines(seed=40, count=23)]


def test_one_changed_byte_changes_the_key_of_its_batch_alone(tmp_path: Path, generated: list[bytes]) -> None:
    path = tmp_path / "in.jsonl"
    write_lines(path, generated)
    with record_lines(str(path)) as raw:
        before = [job.key("skip") for job in line_jobs(raw, "in", 5)]
    changed = list(generated)
    changed[12] = changed[12].replace(b'"seed":', b'"seed" :', 1)  # line 13, batch 3 of 5
    write_lines(path, changed)
    with record_lines(str(path)) as raw:
        after = [job.key("skip") for job in line_jobs(raw, "in", 5)]
    assert [a != b for a, b in zip(before, after, strict=True)] == [False, False, True, False, False]


def ledger(url: str) -> list[tuple[Any, ...]]:
    """The ledger's batch rows (not the rows that say a whole file is in: see test_import_unchanged)."""
    return execute(
        url,
        "select batch_key, run_id, committed_at from anp_import_ledger "
        "where batch_key not like '%:file1:%' order by batch_key",
    )


@pytest.mark.parametrize("dialect", DIALECTS)
def test_an_unchanged_rerun_commits_nothing(request: pytest.FixtureRequest, dialect: str, tmp_path: Path,
                                            generated: list[bytes]) -> None:  # fmt: skip
    # CRLF, blank lines, a last line without newline, gzip: none of it is read differently the second time
    lines = [line.replace(b"\n", b"\r\n") for line in generated[:10]] + [b"\n", b"  \r\n"] + generated[10:]
    lines[-1] = lines[-1].rstrip(b"\n")
    path = tmp_path / "in.jsonl.gz"
    write_lines(path, lines)
    url = make_url(request, dialect)
    first = import_file(str(path), url, batch_size=4)
    assert (first.batches, first.inserted) == (6, 23)
    stored, entries = rows(url), ledger(url)
    again = import_file(str(path), url, batch_size=4, workers=2)
    assert (again.batches, again.batches_in_ledger, again.inserted, again.skipped) == (0, 6, 0, 23)
    assert rows(url) == stored
    assert ledger(url) == entries


def as_legacy_ledger(url: str, path: Path, size: int, limit: int) -> int:
    """Rewrite each file batch's ledger key into the form it had before keys were of bytes; how many.

    A ledger of that time had no whole-file rows either (``anp_synth.db.unchanged``): any is dropped.
    """
    with record_texts(str(path), keep_undecodable=True, max_line_bytes=limit) as texts:
        batches = str_level_batches(texts, size)
    engine = create_engine(parse_url(url), poolclass=NullPool)
    try:
        with engine.begin() as conn:
            changed = 0
            for batch in batches:
                texts_of = (t if isinstance(t, str) else "\0" + t.reason for _, t in batch)
                new = f"skip:lines2:{new_rule_digest(texts_of)}:{len(batch)}"
                old = f"skip:lines:{legacy_digest(tuple(batch))}:{len(batch)}"
                sql = sql_text("update anp_import_ledger set batch_key = :old where batch_key = :new")
                changed += conn.execute(sql, {"old": old, "new": new}).rowcount
            conn.execute(sql_text("delete from anp_import_ledger where batch_key like '%:file1:%'"))
            return changed
    finally:
        engine.dispose()


@pytest.mark.parametrize("dialect", DIALECTS)
def test_a_ledger_written_by_the_older_key_is_recognised_after_the_upgrade(
    request: pytest.FixtureRequest, dialect: str, tmp_path: Path, generated: list[bytes]
) -> None:
    lines = list(generated)
    lines[3] = b"\xff" + lines[3]  # not UTF-8: its older key hashed surrogates, not this byte
    lines[8] = b"x" * (LONG + 1) + b"\n"  # too long: the reader's reject
    path = tmp_path / "in.jsonl"
    write_lines(path, lines)
    url = make_url(request, dialect)
    first = import_file(str(path), url, batch_size=4, on_error="skip", max_line_bytes=LONG)
    assert (first.batches, first.rejected) == (6, 2)
    assert as_legacy_ledger(url, path, 4, LONG) == 6
    assert all(":lines:" in key for key, *_ in ledger(url))
    stored, entries = rows(url), ledger(url)
    again = import_file(str(path), url, batch_size=4, on_error="skip", max_line_bytes=LONG)
    assert (again.batches, again.batches_in_ledger, again.inserted, again.updated) == (0, 6, 0, 0)
    assert rows(url) == stored and ledger(url) == entries
    # a batch whose lines changed is not taken for its older self
    lines[20] = lines[20].replace(b'"seed":', b'"seed" :', 1)
    write_lines(path, lines)
    changed = import_file(str(path), url, batch_size=4, on_error="skip", max_line_bytes=LONG)
    assert (changed.batches, changed.batches_in_ledger) == (1, 5)
    assert len(ledger(url)) == 7


def test_the_older_digest_is_not_computed_when_the_ledger_holds_none(
    tmp_path: Path, generated: list[bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "in.jsonl"
    write_lines(path, generated)
    url = f"sqlite:///{tmp_path / 'db.sqlite'}"
    import_file(str(path), url, batch_size=4)
    called: list[str] = []
    original = LinesJob.legacy_key

    def spy(self: LinesJob, on_conflict: str) -> str:
        called.append(on_conflict)
        return original(self, on_conflict)

    monkeypatch.setattr(LinesJob, "legacy_key", spy)
    assert import_file(str(path), url, batch_size=4).batches_in_ledger == 6
    assert called == []
