"""The rejects file of --on-error skip holds each rejected line once, whatever interrupted the import."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from anp_synth import generate_lines
from anp_synth.db import ImportReport, import_file

from .db_helpers import count

BATCH = 10


def _input(tmp_path: Path) -> Path:
    """30 lines in batches of 10: one bad line in the second batch, two in the third."""
    lines = list(generate_lines(seed=500, count=30))
    lines[12] = '{"seed": 512, "title": '
    lines[21] = "not json at all"
    lines[27] = '{"seed": "527"}'
    path = tmp_path / "input.jsonl"
    path.write_text("".join(line + "\n" for line in lines))
    return path


def _import(path: Path, db: Path, rejects: Path) -> ImportReport:
    return import_file(str(path), f"sqlite:///{db}", batch_size=BATCH, on_error="skip", rejects_path=str(rejects))


@pytest.fixture
def golden(tmp_path: Path) -> bytes:
    """The rejects file of an import nothing interrupted."""
    rejects = tmp_path / "golden.rejects.jsonl"
    assert _import(_input(tmp_path), tmp_path / "golden.db", rejects).rejected == 3
    return rejects.read_bytes()


def test_every_reject_names_its_batch_and_how_many_rejects_the_batch_has(golden: bytes) -> None:
    lines = [json.loads(line) for line in golden.splitlines()]
    assert [line["line"] for line in lines] == [13, 22, 28]
    assert [line["batch_rejects"] for line in lines] == [1, 2, 2]
    assert lines[1]["batch"] == lines[2]["batch"] != lines[0]["batch"]


@pytest.mark.parametrize(
    "left_behind",
    [
        "every batch's rejects, none of the batches committed",
        "the last batch's rejects torn mid-line",
        "the last batch one reject short",
        "lines of another tool before ours",
    ],
)
def test_a_resumed_import_leaves_each_reject_exactly_once(golden: bytes, tmp_path: Path, left_behind: str) -> None:
    last_batch_starts = golden.index(b"\n") + 1
    foreign = b'{"note": "kept: not a line of this format"}\n'
    state, expected = {
        "every batch's rejects, none of the batches committed": (golden, golden),
        "the last batch's rejects torn mid-line": (golden[:-7], golden),
        "the last batch one reject short": (golden[: golden.index(b"\n", last_batch_starts) + 1], golden),
        "lines of another tool before ours": (foreign, foreign + golden),
    }[left_behind]
    rejects = tmp_path / "resumed.rejects.jsonl"
    rejects.write_bytes(state)
    db = tmp_path / "resumed.db"
    assert _import(_input(tmp_path), db, rejects).rejected == 3
    assert rejects.read_bytes() == expected
    assert count(f"sqlite:///{db}") == 27


def test_a_rerun_writes_no_reject_again(golden: bytes, tmp_path: Path) -> None:
    rejects, db = tmp_path / "rerun.rejects.jsonl", tmp_path / "rerun.db"
    _import(_input(tmp_path), db, rejects)
    rerun = _import(_input(tmp_path), db, rejects)
    assert (rerun.rejected, rerun.skipped) == (0, 30)
    assert rejects.read_bytes() == golden
