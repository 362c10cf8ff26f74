"""``--workers`` means one thing for ``generate`` and ``import``: processes preparing records, 1 to 64."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest
from click.testing import CliRunner

from anp_synth.cli import main
from anp_synth.db import import_file, import_generated
from anp_synth.db.importer import ImportFailed, ImportOptions
from anp_synth.errors import InvalidArgument, RecordError


@pytest.mark.parametrize("value", ["0", "65", "-1"])
def test_generate_and_import_refuse_the_same_workers_with_the_same_line(tmp_path: Path, value: str) -> None:
    out, db = tmp_path / "out.jsonl", tmp_path / "a.db"
    generated = CliRunner().invoke(main, ["generate", "--count", "3", "--workers", value, "-o", str(out)])
    imported = CliRunner().invoke(
        main, ["import", "--seed", "0", "--count", "3", "--workers", value, "--db", f"sqlite:///{db}"]
    )
    assert generated.exit_code == imported.exit_code == 2
    assert generated.stderr == imported.stderr == f"Error: workers={value} must be an integer from 1 to 64\n"
    assert not out.exists() and not db.exists()


def test_both_commands_explain_workers_in_the_same_words() -> None:
    def help_of(command: str) -> str:
        return " ".join(CliRunner().invoke(main, [command, "--help"]).output.split())

    shared = (
        "Processes preparing records (generating or parsing them, then encoding) in parallel; 1: this process alone"
    )
    assert shared in help_of("generate") and shared in help_of("import")


def test_the_library_takes_0_as_the_old_spelling_of_1(tmp_path: Path) -> None:
    assert ImportOptions(workers=0).workers == 1
    report = import_generated(f"sqlite:///{tmp_path / 'a.db'}", seed=0, count=3, workers=0)
    assert (report.workers, report.inserted) == (1, 3)


@pytest.mark.parametrize("workers", [65, -1, True, 1.0, "2"])
def test_the_library_refuses_other_workers_as_generate_does(workers: object) -> None:
    with pytest.raises(InvalidArgument) as caught:
        ImportOptions(workers=workers)  # type: ignore[arg-type]
    assert str(caught.value) == f"workers={workers!r} must be an integer from 1 to 64"


def test_a_failed_import_raises_its_own_error_class_carrying_a_typed_report(tmp_path: Path) -> None:
    (tmp_path / "in.jsonl").write_text("not json\n")
    with pytest.raises(RecordError, match=r"in\.jsonl:1: not valid JSON") as caught:
        import_file(str(tmp_path / "in.jsonl"), f"sqlite:///{tmp_path / 'a.db'}")
    assert isinstance(caught.value, ImportFailed) and caught.value.report.status == "aborted"
    assert caught.value.exit_code == RecordError.exit_code and caught.value.line == 1
    again = pickle.loads(pickle.dumps(caught.value))  # a cluster task's error crosses processes
    assert isinstance(again, RecordError) and isinstance(again, ImportFailed)
    assert (str(again), again.report.error) == (str(caught.value), caught.value.report.error)
