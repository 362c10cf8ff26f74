"""``anp-synth generate|show|schema|validate`` at their boundary: exit codes and what a user reads."""

from __future__ import annotations

import gzip
import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import click
import pytest
from click.testing import CliRunner, Result

import anp_synth.dataset
from anp_synth.cli import generate_cmds, main
from anp_synth.cli._progress import progress_bar
from anp_synth.generator import generate_lines
from anp_synth.render import render
from anp_synth.rules import MAX_COUNT, MAX_SEED, content_hash
from anp_synth.schema import article_schema

from .cli_process import spawn_cli


def run(*args: str, stdin: bytes | None = None) -> Result:
    return CliRunner().invoke(main, list(args), input=stdin, catch_exceptions=False)


def jsonl(seed: int, count: int, profile: str = "realistic") -> bytes:
    return "".join(line + "\n" for line in generate_lines(seed=seed, count=count, profile=profile)).encode()


def test_generate_writes_jsonl_to_stdout_by_default_and_nothing_else() -> None:
    result = run("generate", "--seed", "3", "--count", "4")
    assert result.exit_code == 0
    assert result.stdout_bytes == jsonl(3, 4)
    assert result.stderr == ""


def test_generate_to_a_file_says_what_it_wrote_on_stderr(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    result = run("generate", "--seed", "3", "--count", "4", "--profile", "edge", "-o", str(path))
    assert result.exit_code == 0
    assert path.read_bytes() == jsonl(3, 4, "edge")
    assert result.stdout == ""
    assert result.stderr == f"wrote 4 records (seeds 3..6) to {path}\n"


def test_cli_windows_compose() -> None:
    first = run("generate", "--seed", "1", "--count", "10").stdout_bytes
    second = run("generate", "--seed", "11", "--count", "10").stdout_bytes
    assert first + second == run("generate", "--seed", "1", "--count", "20").stdout_bytes


def test_cli_shards_concatenated_are_the_whole(tmp_path: Path) -> None:
    parts = [run("generate", "--seed", "9", "--count", "11", "--shard", f"{k}/3").stdout_bytes for k in (1, 2, 3)]
    assert [p.count(b"\n") for p in parts] == [4, 4, 3]
    assert b"".join(parts) == jsonl(9, 11)


def test_cli_workers_change_nothing_in_the_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Chunks of 3 records: the workers' results come back interleaved, each as a gzip member.
    monkeypatch.setattr(anp_synth.dataset, "CHUNK_SIZE", 3)
    one, two = tmp_path / "one.csv.gz", tmp_path / "two.csv.gz"
    args = ["generate", "--seed", "0", "--count", "10", "--format", "csv", "-o"]
    assert run(*args, str(two), "--workers", "2").exit_code == 0
    assert run(*args, str(one)).exit_code == 0
    assert two.read_bytes() == one.read_bytes()
    plain = run("generate", "--seed", "0", "--count", "10", "--format", "csv").stdout_bytes
    assert gzip.decompress(two.read_bytes()) == plain


def test_gz_output_decompresses_to_the_plain_output(tmp_path: Path) -> None:
    path = tmp_path / "out.json.gz"
    assert run("generate", "--count", "5", "--format", "json", "-o", str(path)).exit_code == 0
    plain = run("generate", "--count", "5", "--format", "json").stdout_bytes
    assert gzip.decompress(path.read_bytes()) == plain
    assert len(json.loads(plain)) == 5


BAD_GENERATE = [
    (["--count", "0"], "count=0 must be >= 1"),
    (["--count", "-5"], "count=-5 must be >= 1"),
    (["--count", str(MAX_COUNT + 1)], f"count={MAX_COUNT + 1} is past the maximum of {MAX_COUNT} records per run"),
    (["--count", "3", "--seed", "-1"], "seed=-1 must be between 0 and 281474976710655"),
    (["--count", "3", "--shard", "0/2"], "shard 0/2: the shard number must be between 1 and 2"),
    (["--count", "3", "--shard", "3/2"], "shard 3/2: the shard number must be between 1 and 2"),
    (["--count", "3", "--shard", "half"], "shard='half' must look like K/N, for example 1/4"),
    (["--count", "3", "--profile", "nasty"], "profile='nasty' is not one of realistic, edge, hostile"),
    (["--count", "3", "--format", "xml"], "format='xml' is not one of jsonl, json, csv, parquet"),
    (["--count", "3", "--workers", "0"], "workers=0 must be an integer from 1 to 64"),
]


@pytest.mark.parametrize(("args", "message"), BAD_GENERATE)
def test_bad_generate_arguments_are_one_line_exit_2_and_no_file(tmp_path: Path, args: list[str], message: str) -> None:
    result = run("generate", *args, "-o", str(tmp_path / "out.jsonl"))
    assert result.exit_code == 2
    assert result.stderr == f"Error: {message}\n"
    assert result.stdout == ""
    assert os.listdir(tmp_path) == []


def test_an_unwritable_path_is_one_line_and_leaves_nothing(tmp_path: Path) -> None:
    target = tmp_path / "missing" / "out.jsonl"
    result = run("generate", "--count", "3", "-o", str(target))
    assert (result.exit_code, result.stderr) == (1, f"Error: cannot write {target}: No such file or directory\n")
    result = run("generate", "--count", "3", "-o", str(tmp_path))
    assert (result.exit_code, result.stderr) == (1, f"Error: cannot write {tmp_path}: it is a directory\n")
    assert os.listdir(tmp_path) == []


def test_ctrl_c_during_generate_is_one_line_exit_130_and_no_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = anp_synth.dataset.generate_lines

    def interrupted(*, seed: int, count: int, profile: str) -> object:
        if seed > 0:
            raise KeyboardInterrupt
        return real(seed=seed, count=count, profile=profile)

    monkeypatch.setattr(anp_synth.dataset, "generate_lines", interrupted)
    monkeypatch.setattr(anp_synth.dataset, "CHUNK_SIZE", 5)
    result = run("generate", "--count", "20", "-o", str(tmp_path / "out.jsonl.gz"))
    assert (result.exit_code, result.stderr) == (130, "Error: interrupted\n")
    assert os.listdir(tmp_path) == []


def test_show_prints_the_rendered_record() -> None:
    record = json.loads(next(generate_lines(seed=19503, count=1)))
    for fmt in ("txt", "md", "html", "json"):
        result = run("show", "19503", "--format", fmt)
        assert result.exit_code == 0
        assert result.stdout == render(record, fmt) + "\n"


def test_show_uses_the_profile() -> None:
    record = json.loads(next(generate_lines(seed=8, count=1, profile="hostile")))
    assert run("show", "8", "--profile", "hostile", "--format", "json").stdout == render(record, "json") + "\n"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ([str(MAX_SEED + 1)], f"seed={MAX_SEED + 1} must be between 0 and {MAX_SEED}"),
        (["1", "--format", "pdf"], "format='pdf' is not one of txt, md, html, json"),
        (["1", "--profile", "x"], "profile='x' is not one of realistic, edge, hostile"),
    ],
)
def test_bad_show_arguments(args: list[str], message: str) -> None:
    result = run("show", *args)
    assert (result.exit_code, result.stderr, result.stdout) == (2, f"Error: {message}\n", "")


def test_schema_prints_the_json_schema() -> None:
    result = run("schema")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == article_schema()


def write(path: Path, data: bytes) -> str:
    path.write_bytes(data)
    return str(path)


def test_validate_a_good_file_and_stdin(tmp_path: Path) -> None:
    path = write(tmp_path / "ok.jsonl.gz", gzip.compress(jsonl(50, 8, "hostile")))
    result = run("validate", path)
    assert (result.exit_code, result.stdout) == (0, f"{path}: 8 records, all valid\n")
    result = run("validate", "-", stdin=jsonl(50, 3))
    assert (result.exit_code, result.stdout) == (0, "<stdin>: 3 records, all valid\n")


def test_validate_reports_file_line_seed_and_field_then_a_summary(tmp_path: Path) -> None:
    lines = jsonl(60, 4).splitlines()
    record = json.loads(lines[2])
    record["meta"]["reading_time"] += 1
    record["meta"]["hash"] = content_hash(record)  # a consistent record that breaks one rule
    lines[2] = json.dumps(record).encode()
    path = write(tmp_path / "bad.jsonl", b"\n".join(lines) + b"\n")
    result = run("validate", path)
    assert result.exit_code == 1
    first, summary = result.stdout.splitlines()
    assert first.startswith(f"{path}:3, seed 62, field meta.reading_time: is ")
    assert summary == f"{path}: 1 invalid of 4 records checked"


def test_validate_a_file_that_is_not_json(tmp_path: Path) -> None:
    path = write(tmp_path / "notes.txt", b"hello\n")
    result = run("validate", path)
    assert result.exit_code == 1
    assert result.stdout == (
        f"{path}:1: not valid JSON: Expecting value (column 1)\n{path}: 1 invalid of 1 records checked\n"
    )


def test_validate_a_truncated_file(tmp_path: Path) -> None:
    data = jsonl(70, 3)
    path = write(tmp_path / "cut.jsonl", data[: len(data) - 50])
    result = run("validate", path)
    assert result.exit_code == 1
    first, summary = result.stdout.splitlines()
    assert first.startswith(f"{path}:3: not valid JSON: ")
    assert first.endswith("(the file ends in the middle of this line: truncated?)")
    assert summary == f"{path}: 1 invalid of 3 records checked"


def test_validate_a_truncated_gzip_file(tmp_path: Path) -> None:
    packed = gzip.compress(jsonl(70, 30))
    path = write(tmp_path / "cut.jsonl.gz", packed[: len(packed) // 2])
    result = run("validate", path)
    assert result.exit_code == 1
    *_, error, summary = result.stdout.splitlines()
    assert error.endswith(": file is truncated: the gzip stream ends before its end marker")
    assert summary.endswith("records checked; could not read further")


def test_validate_stops_after_max_errors(tmp_path: Path) -> None:
    path = write(tmp_path / "junk.jsonl", b"x\n" * 10)
    result = run("validate", path, "--max-errors", "3")
    assert result.exit_code == 1
    assert result.stdout.splitlines()[-1] == f"{path}: 3 invalid of 3 records checked; stopped after 3 errors"
    result = run("validate", path, "--max-errors", "0")
    assert result.stdout.splitlines()[-1] == f"{path}: 10 invalid of 10 records checked"


def test_validate_bad_arguments(tmp_path: Path) -> None:
    result = run("validate", str(tmp_path / "nope.jsonl"))
    assert (result.exit_code, result.stderr) == (
        1,
        f"Error: {tmp_path / 'nope.jsonl'}: cannot open: No such file or directory\n",
    )
    result = run("validate", "x", "--max-errors", "-1")
    assert (result.exit_code, result.stderr) == (2, "Error: --max-errors=-1 must be >= 0 (0 means no limit)\n")


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_is_drawn_on_a_terminal_only(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    with progress_bar(10, "rec", enabled=True) as advance:
        assert advance is not None
        advance(10)
    assert "rec/s" in terminal.getvalue()
    with progress_bar(10, "rec", enabled=False) as advance:
        assert advance is None
    # generate enables it only when stderr is a terminal: piped, stderr holds the summary alone
    result = CliRunner().invoke(main, ["generate", "--count", "3", "-o", str(tmp_path / "p.jsonl")])
    assert result.exit_code == 0
    assert "rec/s" not in result.output and "\r" not in result.output


def test_every_command_is_listed_and_each_name_loads_its_own_module() -> None:
    from anp_synth.cli import _MODULES, bench_cmds, db_cmds, export_cmds, fixtures_cmds

    registered = click.Group()
    for module in (generate_cmds, db_cmds, bench_cmds, fixtures_cmds, export_cmds):
        module.register(registered)
    assert set(registered.commands) == set(_MODULES)
    result = run("--help")
    for name in _MODULES:
        assert f"\n  {name} " in result.stdout


def test_generate_starts_without_loading_the_database_layer() -> None:
    # SQLAlchemy and the load tester cost a third of a second to import: generate never needs them.
    code = (
        "import os, sys; from anp_synth.cli import main\n"
        "main(['generate', '--count', '1', '-o', os.devnull], standalone_mode=False)\n"
        "print(sorted(m for m in ('sqlalchemy', 'anp_synth.db', 'anp_synth.bench') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


@pytest.mark.slow
def test_sigterm_during_generate_is_one_line_exit_143_and_no_file(tmp_path: Path) -> None:
    """Cleaned up as Ctrl-C is, but the exit code names SIGTERM, as import's does."""
    command = spawn_cli(["generate", "--count", "5000000", "-o", str(tmp_path / "out.jsonl")])
    deadline = time.monotonic() + 60
    while not os.listdir(tmp_path) and time.monotonic() < deadline:  # its temporary file: it is writing
        time.sleep(0.01)
    command.send_signal(signal.SIGTERM)
    _, stderr = command.communicate(timeout=60)
    assert (command.returncode, stderr) == (143, "Error: terminated by SIGTERM\n")
    assert os.listdir(tmp_path) == []
