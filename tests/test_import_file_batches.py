"""A file's batches: keyed by their lines' text however the file is read, and a read error keeps what came before.

A batch's ledger key is a digest of its lines, so a ledger written by another version or
run matches whenever the lines do; a file that breaks part-way still commits every whole
batch read before the break.
"""

from __future__ import annotations

import gzip
import hashlib
from pathlib import Path

import pytest

from anp_synth.db import import_file
from anp_synth.db.jobs import Reject, line_jobs
from anp_synth.errors import AnpSynthError, RecordError
from anp_synth.formats.readers import record_texts
from anp_synth.generator import generate_lines

from .db_helpers import count


def key_by_the_rule(lines: tuple[tuple[int, str | Reject], ...]) -> str:
    """SHA-256, first 128 bits, of each line's bytes as read followed by a newline (a reader's reject:
    NUL and its reason); a byte that was not UTF-8 is itself (``surrogateescape``)."""
    h = hashlib.sha256()
    for _, text in lines:
        h.update(text.encode("utf-8", "surrogateescape") if isinstance(text, str) else f"\0{text.reason}".encode())
        h.update(b"\n")
    return h.hexdigest()[:32]


def write_jsonl(path: Path, n: int) -> None:
    path.write_text("".join(line + "\n" for line in generate_lines(seed=5, count=n)), encoding="utf-8")


def test_a_regular_file_and_a_stream_of_the_same_lines_cut_into_the_same_keyed_batches(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    write_jsonl(path, 23)
    with record_texts(str(path)) as texts:
        assert texts.sized
        from_file = list(line_jobs(texts, "in.jsonl", 5))
    with record_texts(str(path)) as texts:
        streamed = list(line_jobs(iter(list(texts)), "in.jsonl", 5))
    assert [job.lines for job in from_file] == [job.lines for job in streamed]
    assert [job.digest for job in from_file] == [job.digest for job in streamed]
    assert [job.digest for job in from_file] == [key_by_the_rule(job.lines) for job in from_file]
    assert [job.rows for job in from_file] == [5, 5, 5, 5, 3]


def test_a_reader_reject_and_an_undecodable_line_are_keyed_by_the_rule() -> None:
    lines = [(1, "abc"), (2, RecordError("line too long")), (3, "\udcff not utf-8")]
    jobs = list(line_jobs(iter(lines), "x", 2))
    assert [job.digest for job in jobs] == [key_by_the_rule(job.lines) for job in jobs]


def test_a_file_that_breaks_mid_way_commits_every_whole_batch_read_before_the_break(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl.gz"
    data = gzip.compress("".join(line + "\n" for line in generate_lines(seed=5, count=40)).encode())
    path.write_bytes(data[: len(data) * 3 // 4])  # truncated: the reader fails part-way
    readable = 0
    with pytest.raises(RecordError), record_texts(str(path)) as texts:
        for _ in texts:
            readable += 1
    assert 5 <= readable < 40
    url = f"sqlite:///{tmp_path / 'db.sqlite'}"
    with pytest.raises(AnpSynthError, match="gzip"):
        import_file(str(path), url, batch_size=4)
    assert count(url, "anp_articles") == readable // 4 * 4
