"""Reading record files back: every line numbered, every failure naming file and line."""

from __future__ import annotations

import gzip
import io
import json
import sys
from pathlib import Path

import pytest

from anp_synth.errors import RecordError
from anp_synth.formats import check_lines, iter_lines, parse_line, read_records
from anp_synth.generator import generate_lines


def lines_of(seed: int, count: int, profile: str = "realistic") -> list[str]:
    return list(generate_lines(seed=seed, count=count, profile=profile))


def test_lines_are_numbered_from_one_and_blank_lines_are_skipped(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_bytes(b"first\n\n   \nsecond\r\nthird")
    assert list(iter_lines(str(path))) == [(1, "first"), (4, "second"), (5, "third")]


def test_gzip_is_chosen_by_extension_and_may_hold_several_members(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl.gz"
    path.write_bytes(gzip.compress(b"one\ntw") + gzip.compress(b"o\nthree\n"))
    assert list(iter_lines(str(path))) == [(1, "one"), (2, "two"), (3, "three")]


def test_stdin_is_read_as_bytes_and_decoded_as_utf8(monkeypatch: pytest.MonkeyPatch) -> None:
    stdin = io.TextIOWrapper(io.BytesIO("é\n\U0001f600\n".encode()), encoding="latin-1")
    monkeypatch.setattr(sys, "stdin", stdin)
    assert list(iter_lines("-")) == [(1, "é"), (2, "\U0001f600")]


def test_a_line_that_is_not_utf8_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_bytes(b"ok\nnot \xff utf-8\n")
    with pytest.raises(RecordError) as caught:
        list(iter_lines(str(path)))
    assert str(caught.value) == f"{path}:2: not valid UTF-8 (byte 4 of the line)"


def test_a_truncated_gzip_file_names_the_line_where_reading_stopped(tmp_path: Path) -> None:
    lines = lines_of(0, 40)
    packed = gzip.compress(("\n".join(lines) + "\n").encode())
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(packed[: len(packed) // 2])
    seen: list[int] = []
    with pytest.raises(RecordError) as caught:
        seen.extend(n for n, _ in iter_lines(str(path)))
    assert caught.value.line == len(seen) + 1
    assert 0 < len(seen) < 40
    assert str(caught.value) == (
        f"{path}:{len(seen) + 1}: file is truncated: the gzip stream ends before its end marker"
    )


def test_a_file_that_is_not_gzip_despite_its_name_is_one_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "plain.jsonl.gz"
    path.write_text("{}\n")
    with pytest.raises(RecordError, match=r"plain\.jsonl\.gz:1: not a valid gzip stream"):
        list(iter_lines(str(path)))


def test_a_missing_file_is_one_clear_error(tmp_path: Path) -> None:
    with pytest.raises(RecordError) as caught:
        list(iter_lines(str(tmp_path / "nope.jsonl")))
    assert str(caught.value) == f"{tmp_path / 'nope.jsonl'}: cannot open: No such file or directory"


def test_parse_line_refuses_text_that_is_not_json() -> None:
    with pytest.raises(RecordError) as caught:
        parse_line("{not json", source="f.jsonl", line=7)
    assert (
        str(caught.value) == "f.jsonl:7: not valid JSON: Expecting property name enclosed in double quotes (column 2)"
    )


def test_parse_line_checks_the_record_and_names_seed_and_field() -> None:
    record = json.loads(lines_of(30, 1)[0])
    record["meta"]["payload"]["seed"] = 31
    with pytest.raises(RecordError) as caught:
        parse_line(json.dumps(record), source="f.jsonl", line=3)
    assert (caught.value.source, caught.value.line, caught.value.seed) == ("f.jsonl", 3, 30)
    assert caught.value.field == "meta.payload.seed"


@pytest.mark.parametrize("profile", ["realistic", "edge", "hostile"])
def test_read_records_gives_back_what_was_generated(tmp_path: Path, profile: str) -> None:
    lines = lines_of(100, 25, profile)
    path = tmp_path / "a.jsonl"
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    assert [(n, r) for n, r in read_records(str(path))] == [(i + 1, json.loads(line)) for i, line in enumerate(lines)]


def test_check_lines_goes_on_past_bad_lines(tmp_path: Path) -> None:
    good = [line.encode() for line in lines_of(5, 3)]
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(b"\n".join([good[0], b"nope", b"\xff", good[1], good[2][:100]]))
    results = list(check_lines(str(path)))
    assert [n for n, _ in results] == [1, 2, 3, 4, 5]
    errors = {n: str(r) for n, r in results if isinstance(r, RecordError)}
    assert sorted(errors) == [2, 3, 5]
    assert errors[2] == f"{path}:2: not valid JSON: Expecting value (column 1)"
    assert errors[3] == f"{path}:3: not valid UTF-8 (byte 0 of the line)"
    assert errors[5].startswith(f"{path}:5: not valid JSON: ")
    assert errors[5].endswith("(the file ends in the middle of this line: truncated?)")


def test_a_line_with_an_absurdly_long_number_is_a_record_error_not_a_traceback() -> None:
    from anp_synth.errors import RecordError
    from anp_synth.formats.readers import parse_line

    with pytest.raises(RecordError, match=r"data\.jsonl:7: not valid JSON"):
        parse_line('{"seed": ' + "9" * 5000 + "}", source="data.jsonl", line=7)
