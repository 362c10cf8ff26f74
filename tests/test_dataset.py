"""Workers and shards change how the work is split, never the bytes written."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from anp_synth.dataset import Shard, _encode_window, _pieces, encoded_chunks, parse_shard, shard_window, write_dataset
from anp_synth.errors import InvalidArgument
from anp_synth.generator import generate_lines


def output(seed: int, count: int, *, fmt: str = "jsonl", workers: int = 1, chunk_size: int = 500) -> bytes:
    chunks = encoded_chunks(
        seed=seed, count=count, profile="realistic", fmt=fmt, workers=workers, chunk_size=chunk_size
    )
    return b"".join(data for _, data in chunks)


def test_windows_compose_byte_for_byte() -> None:
    assert output(1, 10) + output(11, 10) == output(1, 20)


@given(
    seed=st.integers(0, 10**9),
    first=st.integers(1, 12),
    second=st.integers(1, 12),
    profile=st.sampled_from(["realistic", "edge", "hostile"]),
)
def test_any_two_adjacent_windows_compose(seed: int, first: int, second: int, profile: str) -> None:
    def window(start: int, count: int) -> bytes:
        return b"".join(d for _, d in encoded_chunks(seed=start, count=count, profile=profile, fmt="jsonl"))

    assert window(seed, first) + window(seed + first, second) == window(seed, first + second)


def test_csv_shards_without_their_headers_concatenate_to_the_whole() -> None:
    whole = output(0, 7, fmt="csv")
    parts = [output(*shard_window(0, 7, Shard(k, 3)), fmt="csv") for k in (1, 2, 3)]
    assert b"".join(parts) == whole  # encoded chunks carry no header: write_chunks adds it


def test_two_workers_write_exactly_the_bytes_of_one() -> None:
    # Small chunks so that both workers get several and results come back out of order.
    assert output(1000, 60, workers=2, chunk_size=4) == output(1000, 60)


@given(count=st.integers(1, 40), total=st.integers(1, 12), chunk_size=st.integers(1, 9))
def test_the_shards_concatenated_are_the_whole(count: int, total: int, chunk_size: int) -> None:
    whole = output(500, count, chunk_size=chunk_size)
    parts = [output(*shard_window(500, count, Shard(k, total)), chunk_size=chunk_size) for k in range(1, total + 1)]
    assert b"".join(parts) == whole


@given(seed=st.integers(0, 2**40), count=st.integers(1, 10**8), total=st.integers(1, 1000), data=st.data())
def test_shards_are_contiguous_and_differ_in_size_by_at_most_one(
    seed: int, count: int, total: int, data: st.DataObject
) -> None:
    windows = [shard_window(seed, count, Shard(k, total)) for k in range(1, total + 1)]
    assert windows[0][0] == seed
    for (start, n), (next_start, _) in itertools.pairwise(windows):
        assert start + n == next_start
    assert sum(n for _, n in windows) == count
    sizes = [n for _, n in windows]
    assert max(sizes) - min(sizes) <= 1
    assert sizes == sorted(sizes, reverse=True)  # the remainder goes to the first shards


def test_shard_remainder_goes_to_the_first_shards() -> None:
    assert [shard_window(0, 10, Shard(k, 4)) for k in (1, 2, 3, 4)] == [(0, 3), (3, 3), (6, 2), (8, 2)]


@pytest.mark.parametrize(("text", "expected"), [("1/1", Shard(1, 1)), ("2/3", Shard(2, 3)), (" 4 / 4 ", Shard(4, 4))])
def test_parse_shard_reads_k_of_n(text: str, expected: Shard) -> None:
    assert parse_shard(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("0/2", "shard 0/2: the shard number must be between 1 and 2"),
        ("3/2", "shard 3/2: the shard number must be between 1 and 2"),
        ("1/0", "shard 1/0: the number of shards must be >= 1"),
        ("-1/2", "shard='-1/2' must look like K/N, for example 1/4"),
        ("1", "shard='1' must look like K/N, for example 1/4"),
        ("a/b", "shard='a/b' must look like K/N, for example 1/4"),
        ("1/2/3", "shard='1/2/3' must look like K/N, for example 1/4"),
    ],
)
def test_parse_shard_refuses_anything_else(text: str, message: str) -> None:
    with pytest.raises(InvalidArgument) as caught:
        parse_shard(text)
    assert str(caught.value) == message


@pytest.mark.parametrize("workers", [0, -1, 65])
def test_workers_must_be_between_1_and_64(workers: int) -> None:
    with pytest.raises(InvalidArgument) as caught:
        output(0, 5, workers=workers)
    assert str(caught.value) == f"workers={workers} must be an integer from 1 to 64"


@pytest.mark.parametrize("name", ["out.jsonl", "out.json", "out.csv", "out.jsonl.gz"])
def test_two_workers_writing_through_reused_slot_files_give_the_bytes_of_one(tmp_path: Path, name: str) -> None:
    # 13 chunks through 4 slot files: every slot is overwritten while later chunks are pending.
    fmt = name.split(".")[1]
    one, two = tmp_path / "one", tmp_path / "two"
    one.mkdir(), two.mkdir()
    write_dataset(str(one / name), seed=500, count=90, fmt=fmt, profile="hostile", workers=1, chunk_size=7)
    write_dataset(str(two / name), seed=500, count=90, fmt=fmt, profile="hostile", workers=2, chunk_size=7)
    assert (two / name).read_bytes() == (one / name).read_bytes()


def test_one_process_writes_jsonl_in_pieces_that_add_up_to_every_line(tmp_path: Path) -> None:
    # 100 records in chunks of 37, written 16 at a time: pieces cross no chunk boundary
    path = tmp_path / "out.jsonl"
    write_dataset(str(path), seed=3000, count=100, profile="edge", chunk_size=37)
    assert path.read_text(encoding="utf-8") == "".join(
        line + "\n" for line in generate_lines(seed=3000, count=100, profile="edge")
    )


@pytest.mark.parametrize("count", [1, 15, 16, 17, 40])
def test_a_worker_writes_a_jsonl_chunk_in_pieces_that_add_up_to_the_whole_chunk(count: int) -> None:
    task = (100, count, "edge", "jsonl", False)
    pieces = list(_pieces(task))
    assert b"".join(pieces) == _encode_window(task)
    assert max(len(piece) for piece in pieces) < 512 * 1024
