"""Rejects are written once however many imports share the file, never into the input, and a
rejects file that cannot be written stops the import with one line and a true report."""

from __future__ import annotations

import json
import os
import resource
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from anp_synth import generate_lines
from anp_synth.db import import_file
from anp_synth.db.jobs import Reject
from anp_synth.db.rejects import RejectsFile
from anp_synth.errors import InvalidArgument

from .db_helpers import count

BATCH = 20


def _bad_input(path: Path, lines: int = 600, every: int = 7, clean_batches: int = 0) -> list[int]:
    """A jsonl file with a bad line every ``every`` lines (after ``clean_batches`` clean batches);
    returns the bad lines' numbers."""
    records = list(generate_lines(seed=2000, count=lines))
    bad = []
    for i in range(clean_batches * BATCH, lines, every):
        records[i] = f'{{"seed": {2000 + i}, "title": '
        bad.append(i + 1)
    path.write_text("".join(line + "\n" for line in records))
    return bad


def _cli(*args: str, cwd: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "anp_synth.cli", *args],
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        text=True,
    )


def _lines_of(rejects: Path) -> list[int]:
    return [json.loads(line)["line"] for line in rejects.read_text().splitlines()]


def test_two_concurrent_skip_imports_write_each_reject_once(tmp_path: Path) -> None:
    bad = _bad_input(tmp_path / "bad.jsonl")
    args = ("import", "bad.jsonl", "--db", "sqlite:///anp.db", "--on-error", "skip", "--batch-size", str(BATCH))
    first, second = _cli(*args, cwd=tmp_path), _cli(*args, cwd=tmp_path)
    outputs = [first.communicate(), second.communicate()]
    assert (first.returncode, second.returncode) == (0, 0), outputs
    assert _lines_of(tmp_path / "bad.rejects.jsonl") == bad  # each once, and in input order
    assert count(f"sqlite:///{tmp_path / 'anp.db'}") == 600 - len(bad)


def test_a_run_that_prepared_a_batch_another_run_wrote_meanwhile_skips_it(tmp_path: Path) -> None:
    """The race of the test above, made certain: both runs open the file before either writes."""
    path = tmp_path / "shared.rejects.jsonl"
    first, second = RejectsFile(str(path)), RejectsFile(str(path))
    one = [Reject("in.jsonl", 3, None, None, "not JSON", "{")]
    two = [Reject("in.jsonl", 25, None, None, "not JSON", "[")]
    first.write("batch-1", one)
    second.write("batch-1", one)  # opens now: reads batch-1 whole
    second.write("batch-2", two)
    first.write("batch-2", two)  # opened before batch-2 existed: must read it again, under the lock
    first.close()
    second.close()
    assert _lines_of(path) == [3, 25]


def test_a_torn_batch_left_by_a_dead_run_is_cut_before_another_run_appends(tmp_path: Path) -> None:
    path = tmp_path / "shared.rejects.jsonl"
    alive = RejectsFile(str(path))
    alive.write("batch-1", [Reject("in.jsonl", 3, None, None, "not JSON", "{")])
    with path.open("ab") as dead:  # another run died mid-write of its batch of two
        dead.write(b'{"line": 40, "batch": "batch-9", "batch_rejects": 2}\n{"line": 4')
    alive.write("batch-2", [Reject("in.jsonl", 25, None, None, "not JSON", "[")])
    alive.close()
    assert _lines_of(path) == [3, 25]


def test_a_rerun_and_a_resume_after_concurrent_runs_add_nothing(tmp_path: Path) -> None:
    bad = _bad_input(tmp_path / "bad.jsonl", lines=200)
    db, rejects = f"sqlite:///{tmp_path / 'anp.db'}", tmp_path / "r.jsonl"
    for _ in range(2):
        report = import_file(str(tmp_path / "bad.jsonl"), db, batch_size=BATCH, on_error="skip",
                             rejects_path=str(rejects))  # fmt: skip
    assert (report.rejected, report.batches_in_ledger) == (0, 10)
    assert _lines_of(rejects) == bad


def test_a_rerun_with_another_batch_size_adds_no_reject_already_held(tmp_path: Path) -> None:
    bad = _bad_input(tmp_path / "bad.jsonl", lines=200)
    rejects = tmp_path / "r.jsonl"
    for size, db in ((BATCH, "a.db"), (7, "a.db"), (1000, "b.db")):
        report = import_file(str(tmp_path / "bad.jsonl"), f"sqlite:///{tmp_path / db}", batch_size=size,
                             on_error="skip", rejects_path=str(rejects))  # fmt: skip
        assert report.rejected == len(bad)
    assert _lines_of(rejects) == bad


# --- the input itself as the rejects file ---------------------------------------------------


@pytest.mark.parametrize("name", ["same path", "another spelling", "symlink", "hard link", "stdin"])
def test_the_input_as_rejects_file_is_refused_before_anything_runs(tmp_path: Path, name: str) -> None:
    source = tmp_path / "in.jsonl"
    _bad_input(source, lines=30)
    before = source.read_bytes()
    rejects = {
        "same path": "in.jsonl",
        "another spelling": f"./../{tmp_path.name}/in.jsonl",
        "symlink": "link.jsonl",
        "hard link": "hard.jsonl",
        "stdin": "in.jsonl",
    }[name]
    (tmp_path / "link.jsonl").symlink_to("in.jsonl")
    os.link(source, tmp_path / "hard.jsonl")
    with source.open("rb") as stdin:
        done = subprocess.run(
            [sys.executable, "-m", "anp_synth.cli", "import", "-" if name == "stdin" else "in.jsonl",
             "--db", "sqlite:///anp.db", "--on-error", "skip", "--rejects", rejects],
            cwd=tmp_path, stdin=stdin, capture_output=True, text=True, check=False,
        )  # fmt: skip
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    shown = "stdin" if name == "stdin" else "in.jsonl"
    assert done.stderr == (
        f"Error: the rejects file {rejects} is the input {shown} itself: rejects would be appended to "
        "the input; give --rejects another path\n"
    )
    assert source.read_bytes() == before
    assert not (tmp_path / "anp.db").exists()


def test_the_library_refuses_it_too(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    _bad_input(source, lines=30)
    with pytest.raises(InvalidArgument, match="is the input"):
        import_file(str(source), f"sqlite:///{tmp_path / 'anp.db'}", on_error="skip", rejects_path=str(source))
    assert not (tmp_path / "anp.db").exists()


# --- a rejects file that cannot be written --------------------------------------------------


def test_a_rejects_file_on_a_full_disk_stops_with_one_line_and_a_true_report(tmp_path: Path) -> None:
    bad = _bad_input(tmp_path / "bad.jsonl", lines=200, clean_batches=3)
    db = f"sqlite:///{tmp_path / 'anp.db'}"
    done = subprocess.run(
        [sys.executable, "-m", "anp_synth.cli", "import", "bad.jsonl", "--db", db, "--on-error", "skip",
         "--batch-size", str(BATCH), "--rejects", "/dev/full", "--report", "r.json"],
        cwd=tmp_path, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 1
    assert done.stderr == "Error: cannot write the rejects file /dev/full: No space left on device\n"
    assert "import aborted" in done.stdout and "inserted 60" in done.stdout
    report = json.loads((tmp_path / "r.json").read_text())
    assert (report["status"], report["batches"], report["inserted"]) == ("aborted", 3, 60)
    assert count(db) == 60  # the three clean batches, committed, and nothing of the fourth
    resumed = import_file(str(tmp_path / "bad.jsonl"), db, batch_size=BATCH, on_error="skip",
                          rejects_path=str(tmp_path / "r.jsonl"))  # fmt: skip
    assert (resumed.batches_in_ledger, resumed.inserted) == (3, 140 - len(bad))
    assert _lines_of(tmp_path / "r.jsonl") == bad


def _write_two_batches_with_a_file_size_limit(path: Path, limit: int) -> subprocess.CompletedProcess[str]:
    """In a process whose files cannot grow past ``limit`` bytes: a small batch, then a big one."""
    code = (
        "import sys\n"
        "from anp_synth.db.jobs import Reject\n"
        "from anp_synth.db.rejects import RejectsFile\n"
        "from anp_synth.errors import OutputError\n"
        f"out = RejectsFile({str(path)!r})\n"
        "out.write('small', [Reject('in.jsonl', 1, None, None, 'bad', 'x')])\n"
        "try:\n"
        "    out.write('big', [Reject('in.jsonl', n, None, None, 'bad', 'y' * 1000) for n in range(2, 50)])\n"
        "except OutputError as exc:\n"
        "    print(exc); sys.exit(1)\n"
    )

    def limited() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, preexec_fn=limited,
                          check=False)  # fmt: skip


def test_a_batch_that_does_not_fit_is_cut_back_so_no_half_batch_remains(tmp_path: Path) -> None:
    path = tmp_path / "r.jsonl"
    done = _write_two_batches_with_a_file_size_limit(path, 8 * 1024)
    assert (done.returncode, done.stdout.strip()) == (1, f"cannot write the rejects file {path}: File too large")
    assert "Traceback" not in done.stderr
    assert _lines_of(path) == [1]
