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

from .db_helpers import DIALECTS, count, execute, make_url, rows

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
    assert "lines" not in state and state["raw"] == job.raw
    copy = pickle.loads(pickle.dumps(job))
    assert copy == job and "lines" not in copy.__dict__
    assert copy.lines == job.lines


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
    return execute(url, "select batch_key, run_id, committed_at from anp_import_ledger order by batch_key")


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
    """Rewrite each file batch's ledger key into the form it had before keys were of bytes; how many."""
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
    assert count(url, "anp_import_ledger") == 7


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
