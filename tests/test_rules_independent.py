"""Every documented rule, recomputed from the documents' words (docs/RECORD.md, docs/GENERATE.md) with the standard library alone.

These tests never call ``anp_synth.rules`` (nor the writers' column lists): a rule changed in
the generator and in the validator together still disagrees with what the README promises,
and fails here. They read what ``anp-synth generate`` writes, as a user's script would.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import math
import re
import struct
import zlib
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from anp_synth.cli import main

from .docs import section

PROFILES = ("realistic", "edge", "hostile")  # the README's order: realistic 0, edge 1, hostile 2


def generated(*args: str) -> bytes:
    """What ``anp-synth generate ARGS`` writes to stdout."""
    result = CliRunner().invoke(main, ["generate", *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout_bytes


def records(seed: int, count: int, profile: str) -> list[tuple[str, dict[str, Any]]]:
    lines = generated("--seed", str(seed), "--count", str(count), "--profile", profile).decode("utf-8")
    assert lines.endswith("\n")
    return [(line, json.loads(line)) for line in lines[:-1].split("\n")]


# Seeds 0..29 include window starts (fewer than 12 seeds before them); 19503.. the sample article.
WINDOWS = [(profile, seed, 30) for profile in PROFILES for seed in (0, 19503)]


@pytest.fixture(scope="module", params=WINDOWS, ids=[f"{p}-{s}" for p, s, _ in WINDOWS])
def window(request: pytest.FixtureRequest) -> list[tuple[str, dict[str, Any]]]:
    profile, seed, count = request.param
    return records(seed, count, profile)


def canonical(value: Any) -> str:
    """README: json.dumps(record, sort_keys=True, separators=(",", ":"), ensure_ascii=False)."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def test_a_line_is_the_canonical_json_of_its_record(window: list[tuple[str, dict[str, Any]]]) -> None:
    for line, record in window:
        assert line == canonical(record)


def test_the_hash_is_sha256_of_the_canonical_json_with_the_hash_blanked(
    window: list[tuple[str, dict[str, Any]]],
) -> None:
    for _, record in window:
        blanked = json.loads(json.dumps(record))
        blanked["meta"]["hash"] = ""
        expected = hashlib.sha256(canonical(blanked).encode("utf-8")).hexdigest()[:24]
        assert record["meta"]["hash"] == expected, f"seed {record['seed']}"


def documented_reference(seed: int, profile: str, generator_version: str) -> str:
    """README: bytes 20-23 of SHAKE-128 of "{generator_version}|{profile}|{seed}", little-endian,
    mod 3333, times 3, plus the profile's index."""
    stream = hashlib.shake_128(f"{generator_version}|{profile}|{seed}".encode()).digest(24)
    suffix = int.from_bytes(stream[20:24], "little") % 3333 * 3 + PROFILES.index(profile)
    return f"anp-ref-{seed:06d}-{suffix:04d}"


def test_the_reference_and_source_id_follow_the_documented_rule(window: list[tuple[str, dict[str, Any]]]) -> None:
    for _, record in window:
        seed, profile, version = record["seed"], record["profile"], record["generator_version"]
        assert record["meta"]["reference"] == documented_reference(seed, profile, version)
        assert record["meta"]["payload"]["source_id"] == f"alphanode-{seed:06d}"
        assert record["meta"]["payload"]["seed"] == seed


def paragraphs(record: dict[str, Any]) -> list[str]:
    return [
        block["text"] for section in record["sections"] for block in section["blocks"] if block["type"] == "paragraph"
    ]


def test_paragraphs_counts_the_paragraph_blocks_of_the_body(window: list[tuple[str, dict[str, Any]]]) -> None:
    for _, record in window:
        assert record["meta"]["payload"]["paragraphs"] == len(paragraphs(record))


def test_reading_time_is_words_of_intro_and_paragraphs_over_200_rounded_up_at_least_1(
    window: list[tuple[str, dict[str, Any]]],
) -> None:
    for _, record in window:
        words = len(record["intro"].split()) + sum(len(text.split()) for text in paragraphs(record))
        assert record["meta"]["reading_time"] == max(1, math.ceil(words / 200)), f"seed {record['seed']}"


def test_the_checklist_the_topic_and_the_review_flag_follow_their_rules(
    window: list[tuple[str, dict[str, Any]]],
) -> None:
    for _, record in window:
        meta = record["meta"]
        checklists = [b for s in record["sections"] for b in s["blocks"] if b["type"] == "checklist"]
        assert len(checklists) == 1
        assert meta["checklist"] == checklists[0]["items"]
        assert meta["topic"] == f"{meta['ai_outline']['problem']} / {meta['stack'][0]}"
        score, status = meta["score"], meta["revision"]["status"]
        review = score["quality"] < 60 or (status == "drafted" and score["clarity"] < 70)
        assert meta["flags"]["needs_human_review"] is review


@pytest.mark.parametrize("profile", PROFILES)
def test_similar_posts_are_distinct_earlier_seeds_within_12_with_their_reference_and_title(profile: str) -> None:
    first = 19503
    by_seed = {record["seed"]: record for _, record in records(first - 12, 42, profile)}
    for seed in range(first, first + 30):
        posts = by_seed[seed]["similar_posts"]
        targets = [post["seed"] for post in posts]
        assert len(set(targets)) == len(targets)
        for post in posts:
            assert seed - 12 <= post["seed"] <= seed - 1
            assert post["reference"] == by_seed[post["seed"]]["meta"]["reference"]
            assert post["reference"] == documented_reference(post["seed"], profile, by_seed[seed]["generator_version"])
            assert post["title"] == by_seed[post["seed"]]["title"]
    # at a window's start a record links only to the seeds that exist
    for _, record in records(0, 3, profile):
        assert all(0 <= post["seed"] < record["seed"] for post in record["similar_posts"])


# --- CSV: the column order and the cells, as the README's table states them -------------------


def readme_csv_columns() -> list[tuple[str, str]]:
    """(column, cell kind) read off the documented csv table (docs/GENERATE.md), top to bottom, left to right."""
    text = section("generate")[1]
    start = text.index("| columns, in file order | cell |")
    table = []
    for line in text[start:].splitlines()[2:]:
        if not line.strip().startswith("|"):
            break
        names, cell = (part.strip() for part in line.strip().strip("|").split("|"))
        kind = {"integer": "integer", "`true` / `false`": "boolean", "the text itself": "text"}.get(cell, "json")
        assert kind != "json" or cell.startswith("compact JSON text"), cell
        table.extend((name, kind) for name in re.findall(r"`([a-z_.]+)`", names))
    return table


def documented_cell(value: Any, kind: str) -> str:
    """README: integers and booleans as such, lists as compact JSON, text itself with one
    leading ' when it starts with =, +, -, @, tab, carriage return or '."""
    if kind == "integer":
        assert isinstance(value, int) and not isinstance(value, bool)
        return str(value)
    if kind == "boolean":
        assert isinstance(value, bool)
        return "true" if value else "false"
    if kind == "json":
        return json.dumps(value, separators=(",", ":"), ensure_ascii=False)
    assert isinstance(value, str)
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r", "'") else value


def at(record: dict[str, Any], dotted: str) -> Any:
    value: Any = record
    for key in dotted.split("."):
        value = value[key]
    return value


def test_the_readme_table_names_each_column_once() -> None:
    names = [name for name, _ in readme_csv_columns()]
    assert len(names) == len(set(names)) == 42
    assert names[:6] == ["seed", "profile", "schema_version", "generator_version", "title", "intro"]
    assert names[-2:] == ["sections", "similar_posts"]


@pytest.mark.parametrize("profile", PROFILES)
def test_csv_columns_and_cells_are_exactly_the_readmes(profile: str) -> None:
    columns = readme_csv_columns()
    data = generated("--seed", "19503", "--count", "40", "--profile", profile, "--format", "csv")
    assert not data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8")
    assert text.endswith("\r\n")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert rows[0] == [name for name, _ in columns]
    originals = [record for _, record in records(19503, 40, profile)]
    assert len(rows) == 1 + len(originals)
    for row, record in zip(rows[1:], originals, strict=True):
        for (name, kind), cell in zip(columns, row, strict=True):
            assert cell == documented_cell(at(record, name), kind), f"seed {record['seed']}, column {name}"


def test_csv_title_and_intro_cells_hold_the_title_and_the_intro() -> None:
    """The two text columns a swap would confuse, by name and by position."""
    rows = list(csv.DictReader(io.StringIO(generated("--seed", "5", "--count", "3", "--format", "csv").decode())))
    for row, (_, record) in zip(rows, records(5, 3, "realistic"), strict=True):
        assert (row["title"], row["intro"]) == (record["title"], record["intro"])
        assert row["title"] != row["intro"]


# --- gzip: one member per 500 records, no timestamp, no name, level 6 ------------------------


def gzip_members(data: bytes) -> list[tuple[dict[str, int], bytes, bytes]]:
    """(header fields, raw deflate bytes, decompressed bytes) of every member, read by hand (RFC 1952)."""
    members = []
    offset = 0
    while offset < len(data):
        magic, method, flags, mtime, extra_flags, os_byte = struct.unpack_from("<2sBBIBB", data, offset)
        assert magic == b"\x1f\x8b" and method == 8, f"no gzip member at byte {offset}"
        header_end = offset + 10  # FLG 0: no FEXTRA, FNAME, FCOMMENT or FHCRC fields follow
        inflate = zlib.decompressobj(wbits=-15)
        body = inflate.decompress(data[header_end:])
        assert inflate.eof
        deflate_end = len(data) - len(inflate.unused_data)
        crc, size = struct.unpack_from("<II", data, deflate_end)
        assert (crc, size) == (zlib.crc32(body), len(body) % 2**32)
        fields = {"flags": flags, "mtime": mtime, "xfl": extra_flags, "os": os_byte}
        members.append((fields, data[header_end:deflate_end], body))
        offset = deflate_end + 8
    return members


def test_gzip_output_has_no_timestamp_and_no_name_and_one_member_per_500_records(tmp_path: Path) -> None:
    path = tmp_path / "data.jsonl.gz"
    result = CliRunner().invoke(
        main, ["generate", "--seed", "7", "--count", "1201", "-o", str(path)], catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    members = gzip_members(path.read_bytes())
    plain = generated("--seed", "7", "--count", "1201")
    lines = plain.splitlines(keepends=True)
    assert len(members) == 3
    for number, (fields, deflated, body) in enumerate(members):
        assert fields["mtime"] == 0, "a timestamp makes two runs differ"
        assert fields["flags"] & 0x08 == 0, "FNAME set: the file name is in the header"
        assert fields["flags"] == 0
        assert body == b"".join(lines[500 * number : 500 * (number + 1)])
        level6 = zlib.compressobj(6, zlib.DEFLATED, -15)
        assert deflated == level6.compress(body) + level6.flush(), "not zlib level 6"
    assert b"".join(body for _, _, body in members) == plain


# --- the documented limits: seeds 0 to 2^48-1, at most 100,000,000 records a run ----------------


def test_the_last_seed_is_2_to_the_48_minus_1_and_a_window_may_end_on_it() -> None:
    last = 2**48 - 1
    for seed, count in ((last, 1), (last - 4, 5)):
        lines = generated("--seed", str(seed), "--count", str(count)).decode().splitlines()
        assert [json.loads(line)["seed"] for line in lines] == list(range(seed, seed + count))
    for seed, count in ((last, 2), (last - 4, 6), (last + 1, 1)):
        result = CliRunner().invoke(main, ["generate", "--seed", str(seed), "--count", str(count)])
        assert result.exit_code == 2, (seed, count, result.output)


def test_a_run_may_hold_100_000_000_records_and_no_more() -> None:
    # the 100,000,000-record window, of which only its last shard (one record) is written
    shard = ["--count", "100000000", "--shard", "100000000/100000000"]
    assert json.loads(generated("--seed", "0", *shard))["seed"] == 99_999_999
    result = CliRunner().invoke(main, ["generate", "--count", "100000001"])
    assert result.exit_code == 2 and "100000001 is past the maximum of 100000000" in result.output
