"""A file unchanged since a complete import of it is found whole in the ledger, and not read.

The rule (``anp_synth.db.unchanged``; docs/IMPORT.md, "A file unchanged since its complete
import is not read at all"): a complete import of a regular file records one more ledger
row, keyed by the file's state on disk (device, inode, size, modification and change times)
and by every setting that decides its batches (format, batch size, line limit, conflict
policy). A later import that finds that key counts every batch as in the ledger without
reading the file. Nothing a later run could
wrongly trust is recorded: not for a file rewritten (even with its size and modification time
put back), nor one changed less than ``RACY_S`` before its import, nor one replaced while it
was read, nor by a run that did not complete.
"""

from __future__ import annotations

import json
import os
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from anp_synth import generate_lines
from anp_synth.cli import main
from anp_synth.db import import_file, importer, unchanged
from anp_synth.db.unchanged import FileState, settled
from anp_synth.errors import RecordError

from .db_helpers import DIALECTS, assert_stores_exactly, execute, make_url, rows

COUNT = 250
BATCH = 100  # three batches: 100, 100, 50


@pytest.fixture(params=DIALECTS)
def db_url(request: pytest.FixtureRequest) -> str:
    return make_url(request, str(request.param))


@pytest.fixture
def settled_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Files written by the test count as settled (in real use: changed more than RACY_S ago)."""
    monkeypatch.setattr(unchanged, "RACY_S", 0.0)


class ReadSpy:
    """Whether the importer started reading its input's batches."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.started = False
        real = importer.line_jobs

        def spied(*args: Any, **kwargs: Any) -> Iterator[Any]:
            self.started = True
            yield from real(*args, **kwargs)

        monkeypatch.setattr(importer, "line_jobs", spied)


def write_records(path: Path, lines: list[str]) -> Path:
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


def whole_file_rows(db_url: str) -> list[tuple[Any, ...]]:
    return execute(
        db_url,
        "select batch_no, rows_read, rows_inserted, rows_updated, rows_skipped, rows_rejected "
        "from anp_import_ledger where batch_key like '%:file1:%'",
    )


def test_an_unchanged_file_is_found_whole_and_not_read(
    db_url: str, tmp_path: Path, settled_at_once: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_records(tmp_path / "a.jsonl", list(generate_lines(seed=1, count=COUNT)))
    first = import_file(str(path), db_url, batch_size=BATCH)
    assert (first.inserted, first.batches, first.unchanged_since) == (COUNT, 3, None)
    # the file's row: its batches and records, nothing inserted by the row itself
    assert whole_file_rows(db_url) == [(3, COUNT, 0, 0, 0, 0)]
    stored = rows(db_url)

    spy = ReadSpy(monkeypatch)
    progress: list[int] = []
    again = import_file(str(path), db_url, batch_size=BATCH, progress=progress.append)
    assert not spy.started
    assert again.unchanged_since is not None
    assert (again.rows_read, again.skipped, again.inserted, again.batches, again.batches_in_ledger) == (
        COUNT, COUNT, 0, 0, 3,
    )  # fmt: skip
    assert sum(progress) == path.stat().st_size  # a bar with a total ends full
    assert "unchanged since its complete import at" in again.format_text()
    assert rows(db_url) == stored

    # the same counts as a re-run that reads every batch
    reread = import_file(str(path), db_url, batch_size=BATCH, reread=True)
    assert spy.started and reread.unchanged_since is None
    assert (reread.rows_read, reread.skipped, reread.inserted, reread.batches_in_ledger) == (
        again.rows_read, again.skipped, again.inserted, again.batches_in_ledger,
    )  # fmt: skip
    assert whole_file_rows(db_url) == [(3, COUNT, 0, 0, 0, 0)]  # recorded once, whoever records it again


def _same_length_stranger(lines: list[str]) -> tuple[int, str]:
    """A record from outside ``lines`` exactly as long as one of them: (its position, the record)."""
    by_length = {len(line.encode()): i for i, line in enumerate(lines)}
    for line in generate_lines(seed=10_000, count=5_000):
        if len(line.encode()) in by_length:
            return by_length[len(line.encode())], line
    raise AssertionError("no record of the same length: widen the search")


def test_a_file_rewritten_with_its_size_and_modification_time_put_back_is_read_again(
    db_url: str, tmp_path: Path, settled_at_once: None
) -> None:
    lines = list(generate_lines(seed=1, count=COUNT))
    path = write_records(tmp_path / "a.jsonl", lines)
    import_file(str(path), db_url, batch_size=BATCH)
    before = path.stat()

    # another article in place of one, same bytes long; then `touch -d` the old time back
    position, stranger = _same_length_stranger(lines)
    changed = [*lines[:position], stranger, *lines[position + 1 :]]
    write_records(path, changed)
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = path.stat()
    assert (after.st_size, after.st_mtime_ns, after.st_ino) == (before.st_size, before.st_mtime_ns, before.st_ino)

    again = import_file(str(path), db_url, batch_size=BATCH)
    assert again.unchanged_since is None
    assert (again.inserted, again.batches) == (1, 1)  # the batch that changed, and in it the new article
    assert_stores_exactly(db_url, [*map(_record, lines), _record(stranger)])


def _record(line: str) -> Any:
    return json.loads(line)


def test_an_appended_file_imports_what_was_appended(db_url: str, tmp_path: Path, settled_at_once: None) -> None:
    path = write_records(tmp_path / "a.jsonl", list(generate_lines(seed=1, count=COUNT)))
    import_file(str(path), db_url, batch_size=BATCH)
    with path.open("a", encoding="utf-8") as f:
        f.write("".join(line + "\n" for line in generate_lines(seed=1 + COUNT, count=10)))
    again = import_file(str(path), db_url, batch_size=BATCH)
    assert again.unchanged_since is None
    assert (again.inserted, again.batches_in_ledger) == (10, 2)


@pytest.mark.parametrize(
    "changed",
    [{"batch_size": 50}, {"on_conflict": "update"}, {"max_line_bytes": 1 << 20}, {"fmt": "jsonl"}],
    ids=["batch size", "conflict policy", "line limit", "format"],
)
def test_other_settings_read_the_file_again(
    db_url: str, tmp_path: Path, settled_at_once: None, monkeypatch: pytest.MonkeyPatch, changed: dict[str, Any]
) -> None:
    """What decides a batch's key is in the file's key: other settings may cut other batches."""
    path = write_records(tmp_path / "a.dat", list(generate_lines(seed=1, count=COUNT)))  # no extension: sniffed
    import_file(str(path), db_url, batch_size=BATCH)
    spy = ReadSpy(monkeypatch)
    again = import_file(str(path), db_url, **{"batch_size": BATCH, **changed})
    assert spy.started and again.unchanged_since is None


def test_a_file_changed_just_before_its_import_is_not_recorded(
    db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Within RACY_S of its last change, a write may not move the file's change time: trust nothing."""
    path = write_records(tmp_path / "a.jsonl", list(generate_lines(seed=1, count=COUNT)))
    import_file(str(path), db_url, batch_size=BATCH)
    assert whole_file_rows(db_url) == []
    spy = ReadSpy(monkeypatch)
    again = import_file(str(path), db_url, batch_size=BATCH)
    assert spy.started and again.unchanged_since is None and again.batches_in_ledger == 3


def test_settled_means_changed_more_than_racy_s_ago() -> None:
    now = time.time_ns()

    def state(changed_s_ago: float, modified_s_ago: float | None = None) -> FileState:
        modified = changed_s_ago if modified_s_ago is None else modified_s_ago
        return FileState(1, 2, 3, now - int(modified * 1e9), now - int(changed_s_ago * 1e9))

    assert settled(state(unchanged.RACY_S + 0.5), now)
    assert not settled(state(unchanged.RACY_S - 0.5), now)
    assert not settled(state(60, modified_s_ago=-60), now)  # a modification time in the future: a clock moved


def test_only_a_regular_file_with_an_inode_has_a_state(tmp_path: Path) -> None:
    regular = tmp_path / "a.jsonl"
    regular.write_text("{}\n")
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    assert FileState.of(os.stat(regular)) is not None
    assert FileState.of(os.stat(fifo)) is None
    assert FileState.of(os.stat(tmp_path)) is None


def test_a_file_replaced_while_it_is_read_is_not_recorded(db_url: str, tmp_path: Path, settled_at_once: None) -> None:
    path = write_records(tmp_path / "a.jsonl", list(generate_lines(seed=1, count=COUNT)))
    replacement = write_records(tmp_path / "b.jsonl", list(generate_lines(seed=1, count=COUNT)))

    def replace_once(_done: int) -> None:
        if replacement.exists():
            os.replace(replacement, path)  # same bytes, another file: its state is not the one read

    import_file(str(path), db_url, batch_size=BATCH, progress=replace_once)
    assert whole_file_rows(db_url) == []


def test_two_imports_of_the_same_file_at_once_record_it_once(
    db_url: str, tmp_path: Path, settled_at_once: None
) -> None:
    lines = list(generate_lines(seed=1, count=COUNT))
    path = write_records(tmp_path / "a.jsonl", lines)
    reports: list[Any] = []
    errors: list[BaseException] = []

    def one() -> None:
        try:
            reports.append(import_file(str(path), db_url, batch_size=BATCH))
        except BaseException as exc:  # surfaced below
            errors.append(exc)

    threads = [threading.Thread(target=one) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == [] and [r.status for r in reports] == ["complete", "complete"]
    assert sum(r.inserted for r in reports) == COUNT
    assert whole_file_rows(db_url) == [(3, COUNT, 0, 0, 0, 0)]
    assert_stores_exactly(db_url, map(_record, lines))
    assert import_file(str(path), db_url, batch_size=BATCH).unchanged_since is not None


def test_an_import_that_fails_records_nothing_and_fails_again(
    db_url: str, tmp_path: Path, settled_at_once: None
) -> None:
    lines = list(generate_lines(seed=1, count=COUNT))
    path = write_records(tmp_path / "a.jsonl", [*lines, '{"seed": "not a record"}'])
    with pytest.raises(RecordError, match=r"a\.jsonl:251"):
        import_file(str(path), db_url, batch_size=BATCH)
    assert whole_file_rows(db_url) == []
    with pytest.raises(RecordError, match=r"a\.jsonl:251"):
        import_file(str(path), db_url, batch_size=BATCH)


def test_an_import_that_skipped_bad_records_is_found_whole_too(
    db_url: str, tmp_path: Path, settled_at_once: None
) -> None:
    lines = list(generate_lines(seed=1, count=COUNT))
    path = write_records(tmp_path / "a.jsonl", [*lines, '{"seed": "not a record"}'])
    first = import_file(str(path), db_url, batch_size=BATCH, on_error="skip", rejects_path=str(tmp_path / "r.jsonl"))
    assert (first.inserted, first.rejected) == (COUNT, 1)
    again = import_file(str(path), db_url, batch_size=BATCH, on_error="skip", rejects_path=str(tmp_path / "r.jsonl"))
    assert again.unchanged_since is not None
    assert (again.rows_read, again.inserted, again.rejected) == (COUNT + 1, 0, 0)  # as a re-run that reads


def test_the_cli_reports_a_file_found_whole_and_rereads_it_when_asked(tmp_path: Path, settled_at_once: None) -> None:
    path = write_records(tmp_path / "a.jsonl", list(generate_lines(seed=1, count=20)))
    url = f"sqlite:///{tmp_path / 'a.db'}"
    runner = CliRunner()
    assert runner.invoke(main, ["import", str(path), "--db", url, "--no-progress"]).exit_code == 0
    found = runner.invoke(main, ["import", str(path), "--db", url, "--no-progress"])
    assert found.exit_code == 0 and "unchanged since its complete import at" in found.output
    reread = runner.invoke(main, ["import", str(path), "--db", url, "--no-progress", "--reread"])
    assert reread.exit_code == 0 and "unchanged since" not in reread.output
    assert "already in ledger 1" in reread.output
    refused = runner.invoke(main, ["import", "--seed", "1", "--count", "5", "--db", url, "--reread"])
    assert refused.exit_code == 2 and "--reread applies to a FILE" in refused.output
