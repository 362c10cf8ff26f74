"""Writing data sets: exact jsonl bytes, valid json and csv, reproducible gzip, never a partial file."""

from __future__ import annotations

import csv
import errno
import gzip
import io
import json
import os
import re
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

import pytest
from hypothesis import given
from hypothesis import strategies as st

import anp_synth.dataset
from anp_synth.dataset import write_dataset
from anp_synth.errors import InvalidArgument, OutputError
from anp_synth.formats import HEADER, atomic_output, encode_lines, record_from_row, row_of
from anp_synth.generator import generate_lines

from .docs import section


def jsonl(seed: int, count: int, profile: str = "realistic") -> bytes:
    return "".join(line + "\n" for line in generate_lines(seed=seed, count=count, profile=profile)).encode()


def test_jsonl_lines_are_exactly_the_generators_canonical_lines(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    write_dataset(str(path), seed=40, count=30, chunk_size=7)
    assert path.read_bytes() == jsonl(40, 30)


def test_json_is_one_array_of_the_records(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    write_dataset(str(path), seed=40, count=12, fmt="json", chunk_size=5)
    assert json.loads(path.read_text(encoding="utf-8")) == [json.loads(x) for x in jsonl(40, 12).splitlines()]


def test_csv_has_the_documented_header_and_one_row_per_record(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    write_dataset(str(path), seed=40, count=12, fmt="csv", profile="hostile", chunk_size=5)
    with path.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    assert tuple(rows[0]) == HEADER
    assert len(rows) == 1 + 12
    assert [int(row[0]) for row in rows[1:]] == list(range(40, 52))


def leaf_paths(value: object, prefix: str = "") -> Iterator[str]:
    if isinstance(value, dict):
        for key, inner in value.items():
            yield from leaf_paths(inner, f"{prefix}.{key}" if prefix else key)
    else:
        yield prefix


def test_csv_columns_cover_every_value_of_a_record() -> None:
    record = json.loads(next(generate_lines(seed=19503, count=1)))
    assert sorted(leaf_paths(record)) == sorted(HEADER)


@given(seed=st.integers(0, 10**6), profile=st.sampled_from(["realistic", "edge", "hostile"]))
def test_a_csv_row_is_lossless(seed: int, profile: str) -> None:
    line = next(generate_lines(seed=seed, count=1, profile=profile))
    text = encode_lines([line], "csv").decode()
    (row,) = list(csv.reader(io.StringIO(text, newline="")))
    assert record_from_row(row) == json.loads(line)


@pytest.mark.parametrize("text", ["=1+1", "+SUM(A1)", "-2", "@cmd", "\tx", "\rx", "'quoted", "plain"])
def test_csv_text_cells_never_start_like_a_formula_and_still_round_trip(text: str) -> None:
    record = json.loads(next(generate_lines(seed=3, count=1)))
    record["title"] = text
    cell = row_of(record)[HEADER.index("title")]
    assert cell[0] not in "=+-@\t\r" and (text == "plain") == (cell == text)
    assert record_from_row(row_of(record))["title"] == text


@pytest.mark.parametrize("fmt", ["jsonl", "json", "csv"])
def test_gzip_output_is_the_plain_bytes_compressed_and_reproducible(tmp_path: Path, fmt: str) -> None:
    plain, first, second = tmp_path / f"a.{fmt}", tmp_path / f"b.{fmt}.gz", tmp_path / f"c.{fmt}.gz"
    for path in (plain, first, second):
        write_dataset(str(path), seed=7, count=15, fmt=fmt)
    assert gzip.decompress(first.read_bytes()) == plain.read_bytes()
    assert first.read_bytes() == second.read_bytes()


@pytest.mark.parametrize(("fmt", "expected"), [("jsonl", b""), ("json", b"[\n]\n"), ("csv", None)])
def test_an_empty_shard_is_a_valid_empty_file(tmp_path: Path, fmt: str, expected: bytes | None) -> None:
    path = tmp_path / f"empty.{fmt}"
    written = write_dataset(str(path), seed=0, count=3, fmt=fmt, shard=anp_synth.dataset.Shard(5, 8))
    assert written.count == 0
    data = path.read_bytes()
    assert data == (expected if expected is not None else (",".join(HEADER) + "\r\n").encode())
    if fmt == "json":
        assert json.loads(data) == []


class Boom(Exception):
    pass


def failing_after(good: int) -> object:
    """A generator that yields ``good`` records of the run, over however many calls, then fails."""
    real = anp_synth.dataset.generate_lines
    made = 0

    def lines(*, seed: int, count: int, profile: str) -> Iterator[str]:
        nonlocal made
        for line in real(seed=seed, count=count, profile=profile):
            if made == good:
                raise Boom("generator failed mid-stream")
            made += 1
            yield line

    return lines


@pytest.mark.parametrize("name", ["out.jsonl", "out.jsonl.gz", "out.csv"])
def test_a_failure_mid_stream_leaves_no_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    monkeypatch.setattr(anp_synth.dataset, "generate_lines", failing_after(25))
    with pytest.raises(Boom):
        write_dataset(str(tmp_path / name), seed=0, count=40, fmt=name.split(".")[1], chunk_size=10)
    assert os.listdir(tmp_path) == []


def test_a_failure_leaves_an_existing_file_untouched(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "out.jsonl"
    target.write_bytes(b"previous run\n")
    monkeypatch.setattr(anp_synth.dataset, "generate_lines", failing_after(5))
    with pytest.raises(Boom):
        write_dataset(str(target), seed=0, count=40, chunk_size=10)
    assert os.listdir(tmp_path) == ["out.jsonl"]
    assert target.read_bytes() == b"previous run\n"


def test_ctrl_c_mid_write_leaves_no_file(tmp_path: Path) -> None:
    with pytest.raises(KeyboardInterrupt), atomic_output(str(tmp_path / "x.jsonl")) as out:
        out.write(b"half a record")
        raise KeyboardInterrupt
    assert os.listdir(tmp_path) == []


def test_a_finished_file_has_the_usual_permissions(tmp_path: Path) -> None:
    with atomic_output(str(tmp_path / "x.jsonl")) as out:
        out.write(b"{}\n")
    mask = os.umask(0)
    os.umask(mask)
    assert (tmp_path / "x.jsonl").stat().st_mode & 0o777 == 0o666 & ~mask


def test_an_unwritable_path_is_one_clear_error_and_leaves_nothing(tmp_path: Path) -> None:
    missing = tmp_path / "no-such-dir" / "out.jsonl"
    with pytest.raises(OutputError) as caught:
        write_dataset(str(missing), seed=0, count=3)
    assert str(caught.value) == f"cannot write {missing}: No such file or directory"
    with pytest.raises(OutputError) as caught:
        write_dataset(str(tmp_path), seed=0, count=3)
    assert str(caught.value) == f"cannot write {tmp_path}: it is a directory"
    assert os.listdir(tmp_path) == []


def test_bad_arguments_are_refused_before_any_file_is_opened(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    with pytest.raises(InvalidArgument, match=r"^format='xml' is not one of jsonl, json, csv, parquet$"):
        write_dataset(str(path), seed=0, count=3, fmt="xml")
    with pytest.raises(InvalidArgument, match=r"^profile='odd' is not one of realistic, edge, hostile$"):
        write_dataset(str(path), seed=0, count=3, profile="odd")
    with pytest.raises(InvalidArgument, match=r"^count=0 must be >= 1$"):
        write_dataset(str(path), seed=0, count=0)
    assert os.listdir(tmp_path) == []


def test_the_readme_documents_every_csv_column() -> None:
    table = [line for line in section("generate")[1].splitlines() if line.strip().startswith("| `")]
    documented = [name for line in table for name in re.findall(r"`([a-z_.]+)`", line.split("|")[1])]
    assert sorted(documented) == sorted(HEADER)


def test_a_named_pipe_is_written_in_place_not_replaced(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    # A reader end opened first (without blocking) lets the writer open at once; two
    # records fit in the pipe's buffer, so no thread is needed to drain it.
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    try:
        write_dataset(str(fifo), seed=2, count=2)
        os.set_blocking(reader, True)
        with os.fdopen(reader, "rb", closefd=False) as stream:
            received = stream.read()
    finally:
        os.close(reader)
    assert received == jsonl(2, 2)
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert os.listdir(tmp_path) == ["pipe"]


def test_writing_through_a_symlink_keeps_the_link(tmp_path: Path) -> None:
    (tmp_path / "real.jsonl").write_bytes(b"old\n")
    (tmp_path / "link.jsonl").symlink_to("real.jsonl")
    write_dataset(str(tmp_path / "link.jsonl"), seed=2, count=3)
    assert (tmp_path / "link.jsonl").is_symlink()
    assert (tmp_path / "real.jsonl").read_bytes() == jsonl(2, 3)


def test_a_full_disk_is_one_clear_error_and_leaves_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = anp_synth.dataset.write_chunks

    def fills_the_disk(out: BinaryIO, chunks: Iterable[bytes], fmt: str, **kwargs: object) -> None:
        def failing() -> Iterator[bytes]:
            for i, chunk in enumerate(chunks):
                if i == 2:
                    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
                yield chunk

        real(out, failing(), fmt)

    monkeypatch.setattr(anp_synth.dataset, "write_chunks", fills_the_disk)
    target = tmp_path / "out.jsonl"
    with pytest.raises(OutputError) as caught:
        write_dataset(str(target), seed=0, count=40, chunk_size=10)
    assert str(caught.value) == f"cannot write {target}: No space left on device"
    assert os.listdir(tmp_path) == []
