"""The report: text at the end, the same as versioned JSON with --report, quiet and parseable when piped."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from anp_synth import __version__
from anp_synth.cli import main
from anp_synth.db import REPORT_FORMAT_VERSION, SCHEMA_HEAD, import_generated
from anp_synth.db.encode import (
    EncodedBatch,
    canonical_sections,
    column_names,
    encode_record,
    flatten_meta,
    sections_json,
)
from anp_synth.db.tables import OWNED_TABLES
from anp_synth.generator import build, generate

from .docs import section


def test_the_json_report_carries_its_format_version_metadata_counts_and_time_split(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'r.db'}"
    out = tmp_path / "report.json"
    args = ["import", "--seed", "7", "--count", "30", "--batch-size", "8", "--db", url, "--report", str(out)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text())
    assert data["format_version"] == REPORT_FORMAT_VERSION
    assert data["kind"] == "anp-synth import report"
    assert data["tool_version"] == __version__
    assert data["dialect"] == "sqlite"
    assert data["server_version"].startswith("SQLite 3.")
    assert data["schema_version"] == SCHEMA_HEAD
    assert (data["batch_size"], data["seed_first"], data["seed_last"], data["profile"]) == (8, 7, 36, "realistic")
    assert (data["rows_read"], data["inserted"], data["skipped"], data["rejected"], data["batches"]) == (
        30,
        30,
        0,
        0,
        4,
    )
    assert set(data["timings"]) == {"read_generate", "encode", "write", "merge"}
    assert data["elapsed_s"] > 0 and data["rows_per_s"] > 0 and data["mb_per_s"] > 0
    assert data["status"] == "complete"


def test_the_text_report_is_plain_lines_when_piped(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'r.db'}"
    result = CliRunner().invoke(main, ["import", "--seed", "0", "--count", "12", "--db", url])
    assert result.exit_code == 0
    assert "\r" not in result.output and "\x1b" not in result.output  # no progress bar when not a terminal
    lines = result.output.splitlines()
    assert lines[0].startswith("import complete: generated realistic seeds 0..11 -> sqlite:///")
    fields = dict(zip(lines[1].split()[1::2], lines[1].split()[2::2], strict=True))
    assert fields == {"read": "12", "inserted": "12", "updated": "0", "skipped": "0", "rejected": "0"}
    assert any(line.strip().startswith("time      read/generate") for line in lines)


def test_a_forced_progress_bar_does_not_change_the_result(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'r.db'}"
    done: list[int] = []
    report = import_generated(url, seed=0, count=10, batch_size=4, progress=done.append)
    assert report.inserted == 10
    assert done == [4, 4, 2]  # records, batch by batch: the library reports, the caller draws


def test_a_file_import_reports_progress_in_the_files_own_bytes(tmp_path: Path) -> None:
    from anp_synth.dataset import write_dataset
    from anp_synth.db import import_file

    for name in ("p.jsonl", "p.jsonl.gz"):
        path = tmp_path / name
        write_dataset(str(path), seed=0, count=30)
        done: list[int] = []
        import_file(str(path), f"sqlite:///{tmp_path / (name + '.db')}", batch_size=7, progress=done.append)
        assert sum(done) == path.stat().st_size, name  # compressed bytes for .gz: the bar's total is the file size
        assert all(n >= 0 for n in done)


def test_the_default_database_is_a_sqlite_file_in_the_working_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["import", "--seed", "0", "--count", "3"])
    assert result.exit_code == 0, result.output
    assert "-> sqlite:///anp-synth.db" in result.output
    assert (tmp_path / "anp-synth.db").exists()


def test_rows_are_built_in_the_tables_column_order() -> None:
    batch = EncodedBatch()
    encode_record(next(generate(seed=3)), batch)
    for table in OWNED_TABLES[1:5]:
        for row in batch.rows_for(table.name):
            assert len(row) == len(column_names(table.name))


def test_post_meta_flattening_follows_the_documented_rule() -> None:
    meta = {
        "topic": "t",
        "view_count": 5,
        "tools": ["a", "b"],
        "score": {"quality": 9},
        "flags": {"has_images": True, "image_heavy": False},
        "entities": [{"name": "n", "type": "stack"}],
    }
    assert flatten_meta(1, meta) == [
        (1, "topic", 0, "t"),
        (1, "view_count", 0, "5"),
        (1, "tools", 0, "a"),
        (1, "tools", 1, "b"),
        (1, "score.quality", 0, "9"),
        (1, "flags.has_images", 0, "1"),
        (1, "flags.image_heavy", 0, "0"),
        (1, "entities.name", 0, "n"),
        (1, "entities.type", 0, "stack"),
    ]


def test_the_readme_library_example_runs_as_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    code = section("import")[1].split("```python\n", 1)[1].split("```", 1)[0]
    monkeypatch.chdir(tmp_path)
    exec(compile(code, "docs/IMPORT.md (import section)", "exec"), {})
    assert (tmp_path / "articles.db").exists()


@settings(max_examples=30, deadline=None)
@given(seed=st.integers(0, 10**6), profile=st.sampled_from(["realistic", "edge", "hostile"]))
def test_the_body_cut_from_a_canonical_line_is_the_canonical_json_of_the_sections(seed: int, profile: str) -> None:
    record, line = build(seed, profile)
    expected = json.dumps(record["sections"], sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    assert sections_json(line) == expected
    assert canonical_sections(line, json.loads(line)) == expected
    spaced = json.dumps(json.loads(line), sort_keys=True, ensure_ascii=False)  # not canonical: refused
    assert canonical_sections(spaced, json.loads(line)) is None
