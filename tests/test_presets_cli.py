"""`anp-synth fixtures build/verify/list`: pinned data sets and the drift they catch.

Read at the CLI boundary: the exit code and the one line a user sees.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from anp_synth.cli import main
from anp_synth.errors import InvalidArgument, OutputError
from anp_synth.fixtures import build_data_set
from anp_synth.generator import generate_lines
from anp_synth.presets import PRESET_SEED, PRESETS, DataSetSpec, preset


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


@pytest.fixture
def tiny(tmp_path: Path) -> Path:
    directory = tmp_path / "tiny"
    assert run("fixtures", "build", "tiny", str(directory)).exit_code == 0
    return directory


def lines_of(directory: Path) -> list[str]:
    return (directory / "articles.jsonl").read_text(encoding="utf-8").splitlines(keepends=True)


def rewrite_manifest(directory: Path, **changes: object) -> None:
    path = directory / "manifest.json"
    manifest = json.loads(path.read_text())
    manifest.update(changes)
    path.write_text(json.dumps(manifest))


def test_presets_have_stated_sizes_and_all_start_at_the_sample_seed() -> None:
    assert PRESETS == {"tiny": 10, "small": 100, "medium": 10_000, "large": 100_000}
    assert {preset(name).seed for name in PRESETS} == {PRESET_SEED} == {19503}
    listing = run("fixtures", "list")
    assert listing.exit_code == 0
    assert "medium    10000 records  seeds 19503-29502  ~" in listing.output
    # sizes, as the help promises: exact for a preset no larger than the sample
    tiny_bytes = sum(len(line.encode()) + 1 for line in generate_lines(seed=19503, count=10))
    assert f"tiny         10 records  seeds 19503-19512  {tiny_bytes / 1000:.3g} KB jsonl" in listing.output


def test_build_writes_the_data_and_a_manifest_that_describes_it(tiny: Path) -> None:
    manifest = json.loads((tiny / "manifest.json").read_text())
    assert manifest["count"] == 10
    assert (manifest["first_seed"], manifest["last_seed"]) == (19503, 19512)
    assert manifest["profile"] == "realistic"
    assert manifest["preset"] == "tiny"
    assert manifest["digest"].startswith("sha256:")
    assert {"generator", "generator_version", "schema_version", "anp_synth_version"} <= set(manifest)
    assert lines_of(tiny) == [line + "\n" for line in generate_lines(seed=19503, count=10)]


def test_a_smaller_preset_is_the_start_of_a_bigger_one(tiny: Path, tmp_path: Path) -> None:
    assert run("fixtures", "build", "small", str(tmp_path / "small")).exit_code == 0
    assert lines_of(tmp_path / "small")[:10] == lines_of(tiny)


def test_build_without_dir_writes_fixtures_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("fixtures", "build", "tiny")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "fixtures" / "tiny" / "manifest.json").exists()


def test_custom_sets_take_seed_count_and_profile(tmp_path: Path) -> None:
    result = run("fixtures", "build", "--seed", "5", "--count", "3", "--profile", "edge", str(tmp_path))
    assert result.exit_code == 0, result.output
    manifest = json.loads((tmp_path / "manifest.json").read_text())
    assert (manifest["first_seed"], manifest["count"], manifest["profile"], manifest["preset"]) == (5, 3, "edge", None)
    assert manifest["rebuild"] == "anp-synth fixtures build --seed 5 --count 3 --profile edge DIR"
    assert run("fixtures", "verify", str(tmp_path)).exit_code == 0


def test_verify_accepts_an_untouched_set(tiny: Path) -> None:
    result = run("fixtures", "verify", str(tiny))
    assert result.exit_code == 0
    assert result.output.startswith(f"ok: {tiny}/articles.jsonl matches a fresh generation: 10 records")


def test_verify_names_the_first_record_edited_by_hand(tiny: Path) -> None:
    lines = lines_of(tiny)
    for at in (3, 6):
        record = json.loads(lines[at])
        record["meta"]["view_count"] = 42
        lines[at] = json.dumps(record, sort_keys=True, separators=(",", ":"), ensure_ascii=False) + "\n"
    (tiny / "articles.jsonl").write_text("".join(lines), encoding="utf-8")
    result = run("fixtures", "verify", str(tiny))
    assert result.exit_code == 1
    assert f"{tiny}/articles.jsonl:4, seed 19506, field meta.view_count: differs from a fresh generation" in (
        result.output
    )
    assert "file has 42, fresh has" in result.output
    assert "Traceback" not in result.output


def test_verify_notices_a_truncated_set(tiny: Path) -> None:
    (tiny / "articles.jsonl").write_text("".join(lines_of(tiny)[:7]), encoding="utf-8")
    result = run("fixtures", "verify", str(tiny))
    assert result.exit_code == 1
    assert "articles.jsonl:8, seed 19510: the file ends here, but the manifest says 10 records" in result.output


def test_verify_notices_extra_records(tiny: Path) -> None:
    (tiny / "articles.jsonl").write_text("".join(lines_of(tiny)) + "{}\n", encoding="utf-8")
    result = run("fixtures", "verify", str(tiny))
    assert result.exit_code == 1
    assert "articles.jsonl:11: extra data after the last of the manifest's 10 records" in result.output


def test_verify_notices_a_line_that_is_not_json(tiny: Path) -> None:
    lines = lines_of(tiny)
    lines.insert(2, "\n")
    (tiny / "articles.jsonl").write_text("".join(lines), encoding="utf-8")
    result = run("fixtures", "verify", str(tiny))
    assert result.exit_code == 1
    assert "articles.jsonl:3, seed 19505: differs from a fresh generation: the line is not valid JSON" in result.output


def test_verify_notices_same_values_written_differently(tiny: Path) -> None:
    lines = lines_of(tiny)
    lines[0] = json.dumps(json.loads(lines[0]), indent=None) + "\n"
    (tiny / "articles.jsonl").write_text("".join(lines), encoding="utf-8")
    result = run("fixtures", "verify", str(tiny))
    assert result.exit_code == 1
    assert "same values, different bytes" in result.output


def test_verify_notices_a_manifest_changed_by_hand(tiny: Path) -> None:
    rewrite_manifest(tiny, digest="sha256:" + "0" * 64)
    result = run("fixtures", "verify", str(tiny))
    assert result.exit_code == 1
    assert "manifest.json, field digest: is sha256:000" in result.output
    assert "the manifest was changed by hand" in result.output


@pytest.mark.parametrize(
    ("field", "value"), [("schema_version", 99), ("manifest_version", 7), ("generator_version", "9.0")]
)
def test_verify_refuses_a_manifest_from_a_newer_version(tiny: Path, field: str, value: object) -> None:
    rewrite_manifest(tiny, **{field: value})
    result = run("fixtures", "verify", str(tiny))
    assert result.exit_code == 1
    assert f"manifest.json, field {field}: {value!r} is newer than this anp-synth" in result.output
    assert "upgrade anp-synth to verify this data set" in result.output


def test_verify_reports_a_missing_or_broken_manifest(tmp_path: Path, tiny: Path) -> None:
    missing = run("fixtures", "verify", str(tmp_path / "nowhere"))
    assert missing.exit_code == 2
    assert "manifest.json not found" in missing.output
    (tiny / "manifest.json").write_text("{not json")
    broken = run("fixtures", "verify", str(tiny))
    assert broken.exit_code == 1
    assert "manifest.json: not valid JSON" in broken.output
    (tiny / "manifest.json").write_text(json.dumps({"count": 3}))
    incomplete = run("fixtures", "verify", str(tiny))
    assert incomplete.exit_code == 1
    assert "manifest.json: missing" in incomplete.output


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"count": -1, "last_seed": 19501}, "manifest.json: count=-1 must be >= 1"),
        ({"profile": "loud"}, "manifest.json: profile='loud' is not one of realistic, edge, hostile"),
        ({"last_seed": 5}, "manifest.json, field last_seed: last_seed 5 does not match"),
        ({"file": "../elsewhere.jsonl"}, "must be a file name inside the data set's directory"),
        ({"count": "ten"}, "manifest.json, field count: has the wrong type ('ten')"),
    ],
)
def test_verify_refuses_a_manifest_edited_into_nonsense(tiny: Path, changes: dict[str, object], message: str) -> None:
    rewrite_manifest(tiny, **changes)
    result = run("fixtures", "verify", str(tiny))
    assert result.exit_code == 1
    assert message in result.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--seed", "1", "--count", "-1", "DIR"], "count=-1 must be >= 1"),
        (["--seed", "-5", "--count", "3", "DIR"], "seed=-5 must be between 0 and"),
        (["--seed", "1", "DIR"], "a custom data set needs both --seed and --count"),
        (["--seed", "1", "--count", "2", "a", "b"], "give exactly one DIR, got 2 arguments"),
        (["huge"], "preset 'huge' is not one of: tiny (10), small (100), medium (10000), large (100000)"),
        ([], "give a preset NAME"),
    ],
)
def test_build_refuses_bad_input_with_one_line(args: list[str], message: str) -> None:
    result = run("fixtures", "build", *args)
    assert result.exit_code == 2
    assert message in result.output
    assert "Traceback" not in result.output


def test_build_refuses_an_unknown_profile() -> None:
    result = run("fixtures", "build", "tiny", "--profile", "weird", "DIR")
    assert result.exit_code == 2
    assert "'weird' is not one of 'realistic', 'edge', 'hostile'" in result.output


def test_an_unwritable_directory_is_one_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    result = run("fixtures", "build", "tiny", str(blocker / "sub"))
    assert result.exit_code == 1
    assert f"cannot create {blocker}/sub" in result.output


def test_an_interrupted_build_leaves_nothing_that_looks_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(**_: object) -> Iterator[str]:
        yield from generate_lines(seed=1, count=2)
        raise KeyboardInterrupt

    monkeypatch.setattr("anp_synth.fixtures.generate_lines", broken)
    with pytest.raises(KeyboardInterrupt):
        build_data_set(DataSetSpec(seed=1, count=5), tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_library_errors_are_typed() -> None:
    with pytest.raises(InvalidArgument, match="profile='nope'"):
        DataSetSpec(seed=1, count=1, profile="nope")
    with pytest.raises(OutputError):
        build_data_set(DataSetSpec(seed=1, count=1), "/proc/anp-synth-cannot-write-here")
