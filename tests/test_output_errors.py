"""An output that cannot be written is one line and exit 1, a closed pipe is quiet, never a traceback.

Every command is run as a real process with its stdout on ``/dev/full`` (every write fails
with ENOSPC), once with Python's default buffered stdout, where the failure often shows only
at the final flush, and once unbuffered (``PYTHONUNBUFFERED=1``), where it shows at the
first write. Output files meet a full disk on a small tmpfs when this machine lets the
tests mount one, and always under an ``RLIMIT_FSIZE`` (writes past it fail with EFBIG).
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import signal
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from anp_synth import generate_lines
from anp_synth.bench.report import write_json
from anp_synth.errors import OutputError
from anp_synth.fixtures import build_data_set
from anp_synth.presets import DataSetSpec

FULL = "Error: cannot write standard output: No space left on device"


def _env(buffered: bool) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    if not buffered:
        env["PYTHONUNBUFFERED"] = "1"
    return env


def _run(
    args: list[str],
    *,
    stdout: int,
    cwd: Path,
    buffered: bool = True,
    preexec_fn: Callable[[], None] | None = None,
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "anp_synth.cli", *args],
        stdout=stdout,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        text=True,
        cwd=cwd,
        env=_env(buffered),
        preexec_fn=preexec_fn,
        check=False,
    )


def _on_dev_full(args: list[str], cwd: Path, buffered: bool = True) -> subprocess.CompletedProcess[str]:
    with open("/dev/full", "w") as full:
        return _run(args, stdout=full.fileno(), cwd=cwd, buffered=buffered)


def _on_closed_pipe(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    """stdout is a pipe whose reader has gone, as after ``| head`` stopped reading."""
    read, write = os.pipe()
    os.close(read)
    try:
        return _run(args, stdout=write, cwd=cwd)
    finally:
        os.close(write)


def _error_lines(stderr: str) -> list[str]:
    assert "Traceback" not in stderr and "Exception ignored" not in stderr, stderr
    return [line for line in stderr.splitlines() if line.startswith("Error:")]


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A directory holding what the commands read: a data set, a bad file, a loaded database."""
    root = tmp_path_factory.mktemp("outputs")
    build_data_set(DataSetSpec(seed=1, count=30, profile="realistic"), root / "set")
    (root / "bad.jsonl").write_text("".join(line + "\n" for line in generate_lines(seed=1, count=3)) + "{}\nnope\n")
    loaded = subprocess.run(
        [sys.executable, "-m", "anp_synth.cli", "import", "--seed", "1", "--count", "60", "--db", "sqlite:///anp.db"],
        cwd=root,
        capture_output=True,
        check=False,
    )
    assert loaded.returncode == 0, loaded.stderr
    return root


COMMANDS = {
    "generate": ["generate", "--count", "50"],
    "generate -o -": ["generate", "--count", "50", "-o", "-", "--format", "csv"],
    "generate workers": ["generate", "--count", "1200", "--workers", "2"],
    "show": ["show", "7", "--format", "html"],
    "schema": ["schema"],
    "validate good": ["validate", "set/articles.jsonl"],
    "validate bad": ["validate", "bad.jsonl"],
    "fixtures list": ["fixtures", "list"],
    "fixtures verify": ["fixtures", "verify", "set"],
    "fixtures build": ["fixtures", "build", "--seed", "5", "--count", "3", "built"],
    "db status": ["db", "status", "--db", "sqlite:///anp.db"],
    "import": ["import", "--seed", "1", "--count", "80", "--db", "sqlite:///anp.db"],
    "explain": ["explain", "--db", "sqlite:///anp.db"],
    "help": ["--help"],
}


UNBUFFERED = ["generate", "schema", "validate bad", "import"]
"""Unbuffered, a write fails at once rather than at exit: one command of each way of writing."""

PIPED = ["generate", "show", "db status", "help"]


@pytest.mark.parametrize(
    ("command", "buffered"),
    [pytest.param(name, True, id=name) for name in COMMANDS]
    + [pytest.param(name, False, id=f"{name}, unbuffered") for name in UNBUFFERED],
)
def test_stdout_on_a_full_disk_is_one_line_and_exit_1(workdir: Path, command: str, buffered: bool) -> None:
    done = _on_dev_full(COMMANDS[command], workdir, buffered)
    assert _error_lines(done.stderr) == [FULL]
    assert done.stderr.splitlines()[-1] == FULL
    assert done.returncode == 1


@pytest.mark.parametrize("command", PIPED)
def test_a_reader_that_stopped_early_ends_the_command_quietly(workdir: Path, command: str) -> None:
    done = _on_closed_pipe(COMMANDS[command], workdir)
    assert done.stderr == ""
    assert done.returncode == 1  # as Python and click do on EPIPE (README, "Errors")


def test_a_bad_argument_keeps_its_own_line_and_code_when_stdout_is_full(workdir: Path) -> None:
    done = _on_dev_full(["generate", "--count", "0"], workdir)
    assert _error_lines(done.stderr) == ["Error: count=0 must be >= 1"]
    assert done.returncode == 2


def test_an_import_whose_summary_cannot_be_printed_keeps_what_it_committed(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'kept.db'}"
    done = _on_dev_full(["import", "--seed", "1", "--count", "40", "--batch-size", "10", "--db", db,
                         "--report", "r.json"], tmp_path)  # fmt: skip
    assert _error_lines(done.stderr) == [FULL] and done.returncode == 1
    report = json.loads((tmp_path / "r.json").read_text())
    assert (report["status"], report["inserted"], report["batches"]) == ("complete", 40, 4)
    again = _run(["import", "--seed", "1", "--count", "40", "--batch-size", "10", "--db", db],
                 stdout=subprocess.PIPE, cwd=tmp_path)  # fmt: skip
    assert again.returncode == 0 and "inserted 0" in again.stdout and "already in ledger 4" in again.stdout


def test_an_import_report_on_a_full_disk_is_one_line_after_the_summary(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'r.db'}"
    done = _run(["import", "--seed", "1", "--count", "20", "--db", db, "--report", "/dev/full"],
                stdout=subprocess.PIPE, cwd=tmp_path)  # fmt: skip
    assert _error_lines(done.stderr) == ["Error: cannot write /dev/full: No space left on device"]
    assert done.returncode == 1
    assert "import complete" in done.stdout and "inserted 20" in done.stdout


def test_bench_and_bench_compare_on_a_full_stdout_or_report(workdir: Path, tmp_path: Path) -> None:
    db = f"sqlite:///{workdir / 'anp.db'}"
    fast = ["--read-only", "--duration", "0.3", "--warmup", "0", "--readers", "1", "--no-explain"]
    run = _on_dev_full(["bench", "--db", db, *fast, "--report", str(tmp_path / "b.json"),
                        "--html", str(tmp_path / "b.html")], workdir)  # fmt: skip
    assert _error_lines(run.stderr) == [FULL] and run.returncode == 1
    report = str(tmp_path / "b.json")
    compared = _on_dev_full(["bench", "compare", report, report], workdir)
    assert _error_lines(compared.stderr) == [FULL] and compared.returncode == 1
    to_full = _run(["bench", "compare", report, report, "--json", "/dev/full"], stdout=subprocess.PIPE, cwd=workdir)
    assert _error_lines(to_full.stderr) == ["Error: cannot write /dev/full: No space left on device"]
    assert to_full.returncode == 1


# --- output files on a full disk ---------------------------------------------------------


@dataclass
class FullDisk:
    """A directory where writing more than ``limit`` bytes fails, and how a process meets that."""

    directory: Path
    reason: str
    preexec_fn: Callable[[], None] | None = None


LIMIT = 64 * 1024


def _limit_file_size() -> None:
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails (EFBIG) instead of killing
    resource.setrlimit(resource.RLIMIT_FSIZE, (LIMIT, LIMIT))


@pytest.fixture(params=["tmpfs", "rlimit"])
def full_disk(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[FullDisk]:
    directory = tmp_path / "small"
    directory.mkdir()
    if request.param == "rlimit":
        yield FullDisk(directory, "File too large", _limit_file_size)
        return
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("a full-disk tmpfs needs root to mount: covered here by the RLIMIT_FSIZE variant only")
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={LIMIT}", "tmpfs", str(directory)],
                             capture_output=True, text=True, check=False)  # fmt: skip
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here ({mounted.stderr.strip()}): covered by the RLIMIT_FSIZE variant only")
    try:
        yield FullDisk(directory, "No space left on device")
    finally:
        subprocess.run(["umount", str(directory)], check=True)


def _names(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir() if p.name != "lost+found")


@pytest.mark.parametrize("name", ["out.jsonl", "out.jsonl.gz"])
def test_generate_to_a_full_disk_leaves_nothing_and_keeps_the_old_file(full_disk: FullDisk, name: str) -> None:
    target = full_disk.directory / name
    target.write_bytes(b"old\n")
    done = _run(["generate", "--count", "3000", "--workers", "2", "-o", str(target)],
                stdout=subprocess.PIPE, cwd=full_disk.directory.parent, preexec_fn=full_disk.preexec_fn)  # fmt: skip
    assert _error_lines(done.stderr) == [f"Error: cannot write {target}: {full_disk.reason}"]
    assert done.returncode == 1
    assert _names(full_disk.directory) == [name]
    assert target.read_bytes() == b"old\n"


def test_fixtures_build_to_a_full_disk_leaves_no_data_set(full_disk: FullDisk) -> None:
    target = full_disk.directory / "set"
    done = _run(["fixtures", "build", "--seed", "1", "--count", "500", str(target)],
                stdout=subprocess.PIPE, cwd=full_disk.directory.parent, preexec_fn=full_disk.preexec_fn)  # fmt: skip
    assert _error_lines(done.stderr) == [f"Error: cannot write {target / 'articles.jsonl'}: {full_disk.reason}"]
    assert done.returncode == 1
    assert _names(target) == []


def test_a_bench_report_on_a_full_disk_leaves_the_old_one(full_disk: FullDisk) -> None:
    target = full_disk.directory / "bench.json"
    target.write_text('{"old": true}\n')
    code = (
        "import sys; from pathlib import Path; from anp_synth.bench.report import write_json\n"
        "from anp_synth.errors import OutputError\n"
        "try:\n"
        f"    write_json({{'rows': ['x' * 1000] * 200}}, Path({str(target)!r}))\n"
        "except OutputError as exc:\n"
        "    print(exc); sys.exit(1)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          preexec_fn=full_disk.preexec_fn, check=False)  # fmt: skip
    assert (done.returncode, done.stdout.strip()) == (1, f"cannot write {target}: {full_disk.reason}")
    assert _names(full_disk.directory) == ["bench.json"]
    assert target.read_text() == '{"old": true}\n'


def test_a_device_as_a_report_path_is_written_in_place_and_fails_as_one_error() -> None:
    with pytest.raises(OutputError, match=r"^cannot write /dev/full: No space left on device$"):
        write_json({"a": 1}, Path("/dev/full"))
    assert Path("/dev/full").is_char_device()


# --- manifests naming a file that cannot be opened ----------------------------------------


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("art\x00icles.jsonl", "holds a NUL byte"),
        ("", "must be a file name inside"),
        ("..", "must be a file name inside"),
        ("../articles.jsonl", "must be a file name inside"),
    ],
)
def test_a_manifest_file_that_cannot_be_opened_is_one_line_naming_the_field(
    tmp_path: Path, name: str, reason: str
) -> None:
    build_data_set(DataSetSpec(seed=1, count=3, profile="realistic"), tmp_path / "set")
    manifest = tmp_path / "set" / "manifest.json"
    raw = json.loads(manifest.read_text())
    raw["file"] = name
    manifest.write_text(json.dumps(raw))
    done = _run(["fixtures", "verify", "set"], stdout=subprocess.PIPE, cwd=tmp_path)
    [line] = _error_lines(done.stderr)
    assert line.startswith("Error: set/manifest.json, field file: ") and reason in line
    assert done.returncode == 1
