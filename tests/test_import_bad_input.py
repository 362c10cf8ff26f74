"""Bad input: abort stops before the bad batch commits and names file/line/seed/field; skip sets it aside."""

from __future__ import annotations

import gzip
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from anp_synth import generate, generate_lines
from anp_synth.cli import main
from anp_synth.rules import content_hash

from .db_helpers import DIALECTS, count, make_url


@pytest.fixture(params=DIALECTS)
def db_url(request: pytest.FixtureRequest) -> str:
    return make_url(request, request.param)


def _rehashed(seed: int, change: Callable[[dict[str, Any]], None]) -> str:
    """A record with ``change`` applied and its hash recomputed, so only the planted fault is wrong."""
    record = json.loads(json.dumps(next(generate(seed=seed))))
    change(record)
    record["meta"]["hash"] = content_hash(record)
    return json.dumps(record, ensure_ascii=False)


def _set(path: tuple[str, ...], value: Any) -> Callable[[dict[str, Any]], None]:
    def change(record: dict[str, Any]) -> None:
        target = record
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value

    return change


BAD_LINES: dict[str, tuple[Callable[[], str], str, str | None]] = {
    # name: (the bad line, what the message must say, the field it must name)
    "malformed JSON": (lambda: '{"seed": 25, "title": ', "not valid JSON", None),
    "schema failure": (lambda: _rehashed(25, _set(("meta", "difficulty"), "impossible")), "schema", "meta.difficulty"),
    "wrong type": (
        lambda: _rehashed(25, _set(("meta", "view_count"), "many")),
        "not of type 'integer'",
        "meta.view_count",
    ),
    "oversize field": (lambda: _rehashed(25, _set(("title",), "x" * 5000)), "too long", "title"),
    "NUL byte in text": (
        lambda: _rehashed(25, lambda r: r["meta"].__setitem__("summary", r["meta"]["summary"] + " a\u0000b")),
        "NUL byte",
        "meta.summary",
    ),
}


def _file_with_bad_line_26(tmp_path: Path, bad: str, *, gz: bool = False) -> Path:
    good = list(generate_lines(seed=0, count=30))
    lines = [*good[:25], bad, *good[26:]]  # line 26 holds seed 25
    path = tmp_path / ("input.jsonl.gz" if gz else "input.jsonl")
    data = "".join(line + "\n" for line in lines).encode()
    path.write_bytes(gzip.compress(data) if gz else data)
    return path


@pytest.mark.parametrize("fault", list(BAD_LINES))
def test_abort_stops_before_the_bad_batch_names_where_and_keeps_earlier_batches(
    fault: str, db_url: str, tmp_path: Path
) -> None:
    make, reason, field = BAD_LINES[fault]
    path = _file_with_bad_line_26(tmp_path, make())
    result = CliRunner().invoke(main, ["import", str(path), "--db", db_url, "--batch-size", "10"])
    assert result.exit_code == 1
    message = result.output.strip().splitlines()[-1]
    assert message.startswith(f"Error: {path}:26")
    assert reason in message
    if field is not None:
        assert "seed 25" in message
        assert f"field {field}" in message
    assert "Traceback" not in result.output
    assert count(db_url) == 20  # batches 1-2 committed, batch 3 (lines 21-30) did not
    # fixing the file and re-running completes the import exactly, resuming after batch 2
    path.write_text("".join(line + "\n" for line in generate_lines(seed=0, count=30)))
    fixed = CliRunner().invoke(main, ["import", str(path), "--db", db_url, "--batch-size", "10"])
    assert fixed.exit_code == 0, fixed.output
    assert "inserted 10" in fixed.output
    assert "resumed   at" in fixed.output
    assert count(db_url) == 30


@pytest.mark.parametrize("fault", list(BAD_LINES))
def test_skip_puts_the_bad_record_in_the_rejects_file_with_its_reason(fault: str, db_url: str, tmp_path: Path) -> None:
    make, reason, field = BAD_LINES[fault]
    path = _file_with_bad_line_26(tmp_path, make(), gz=True)
    result = CliRunner().invoke(main, ["import", str(path), "--db", db_url, "--on-error", "skip"])
    assert result.exit_code == 0, result.output
    assert "rejected 1" in result.output
    assert count(db_url) == 29
    rejects = [json.loads(line) for line in (tmp_path / "input.rejects.jsonl").read_text().splitlines()]
    assert len(rejects) == 1
    assert rejects[0]["line"] == 26
    assert rejects[0]["source"] == str(path)
    assert reason in rejects[0]["reason"]
    assert rejects[0]["field"] == field
    assert rejects[0]["record"] == make()


def test_a_line_that_is_not_utf8_aborts_naming_the_line(db_url: str, tmp_path: Path) -> None:
    path = tmp_path / "bytes.jsonl"
    good = [line.encode() + b"\n" for line in generate_lines(seed=0, count=3)]
    path.write_bytes(b"".join([*good, b'{"title": "\xff\xfe"}\n']))
    result = CliRunner().invoke(main, ["import", str(path), "--db", db_url])
    assert result.exit_code == 1
    assert f"{path}:4: not valid UTF-8" in result.output


@pytest.mark.parametrize("workers", [1, 2])
def test_skip_sets_aside_a_line_that_is_not_utf8_and_imports_the_rest(
    db_url: str, tmp_path: Path, workers: int
) -> None:
    path = tmp_path / "bytes.jsonl.gz"
    good = [line.encode() + b"\n" for line in generate_lines(seed=0, count=6)]
    bad = b'{"title": "caf' + b"\xe9 au lait\xff\xfe" + b'"}\n'
    path.write_bytes(gzip.compress(b"".join([*good[:3], bad, *good[3:]])))
    args = ["import", str(path), "--db", db_url, "--on-error", "skip", "--workers", str(workers)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert "rejected 1" in result.output
    assert count(db_url) == 6
    (reject,) = [json.loads(line) for line in (tmp_path / "bytes.rejects.jsonl").read_text().splitlines()]
    assert (reject["line"], reject["source"]) == (4, str(path))
    assert reject["reason"] == "not valid UTF-8 (byte 14 of the line)"
    assert reject["record"] == '{"title": "caf\\xe9 au lait\\xff\\xfe"}'
    rerun = CliRunner().invoke(main, args)
    assert rerun.exit_code == 0 and count(db_url) == 6, rerun.output


def test_stdin_is_read_with_a_dash(db_url: str) -> None:
    data = "".join(line + "\n" for line in generate_lines(seed=3, count=12))
    result = CliRunner().invoke(main, ["import", "-", "--db", db_url], input=data)
    assert result.exit_code == 0, result.output
    assert "inserted 12" in result.output
    assert count(db_url) == 12


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--seed", "1"], "--seed needs --count N"),
        (["x.jsonl", "--seed", "1", "--count", "2"], "either FILE or --seed/--count, not both"),
        (["--seed", "1", "--count", "2", "--batch-size", "0"], "batch_size=0 must be an integer from 1"),
        (["--seed", "-1", "--count", "2"], "seed=-1 must be between 0"),
        (["--seed", "1", "--count", "2", "--workers", "-1"], "workers=-1 must be an integer from 1 to 64"),
        (["--seed", "1", "--count", "2", "--db", "mysql://u@h/d"], "only sqlite:/// and postgresql://"),
    ],
)
def test_bad_options_get_one_clear_line_and_exit_2(args: list[str], message: str, tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["import", *args, *([] if "--db" in args else ["--db", f"sqlite:///{tmp_path}/x.db"])]
    )
    assert result.exit_code == 2
    assert message in result.output
