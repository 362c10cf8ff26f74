"""With no options the importer chooses its batch size and workers for the machine and the input; flags win."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from anp_synth.cli import main
from anp_synth.db import import_generated
from anp_synth.db.tuning import (
    BYTES_PER_RECORD,
    GZIP_RATIO,
    MAX_AUTO_WORKERS,
    SMALL_INPUT,
    choose,
    input_records,
    usable_cpus,
)

DIALECT = st.sampled_from(["sqlite", "postgresql"])
RECORDS = st.none() | st.integers(min_value=0, max_value=10**9)


@given(DIALECT, RECORDS, st.integers(1, 256), st.integers(1, 100_000), st.integers(0, 64))
def test_options_given_are_always_kept(dialect: str, records: int | None, cpus: int, batch: int, workers: int) -> None:
    tuning = choose(dialect, records, batch_size=batch, workers=workers, cpus=cpus)
    assert (tuning.batch_size, tuning.workers) == (batch, workers)
    assert tuning.reason == "batch size and workers as given"
    assert choose(dialect, records, batch_size=batch, cpus=cpus).batch_size == batch
    assert choose(dialect, records, workers=workers, cpus=cpus).workers == workers


@given(DIALECT, RECORDS, st.integers(1, 256))
def test_chosen_workers_never_exceed_the_usable_cores_nor_the_cap(dialect: str, records: int | None, cpus: int) -> None:
    tuning = choose(dialect, records, cpus=cpus)
    assert 1 <= tuning.workers <= min(cpus, MAX_AUTO_WORKERS)
    assert tuning.workers == 1 or cpus >= 2
    assert f"{cpus} usable core" in tuning.reason


@given(DIALECT, st.none() | st.integers(0, SMALL_INPUT - 1), st.integers(1, 256))
def test_a_small_or_unknown_input_is_prepared_in_this_process(dialect: str, records: int | None, cpus: int) -> None:
    assert (choose(dialect, records, cpus=cpus).workers, choose(dialect, records, cpus=cpus).batch_size) == (1, 1000)


@given(st.integers(SMALL_INPUT, 10**9))
def test_a_large_input_gets_a_worker_per_core_on_postgresql_and_all_but_one_on_sqlite(records: int) -> None:
    """SQLite's writer needs a core of its own; PostgreSQL's client only formats COPY data once batches come prepared.

    Two worker processes at least wherever there are two cores (one worker process beside the
    writer is not a setting: ``workers`` 1 is this process alone)."""
    sqlite, postgresql = choose("sqlite", records, cpus=2), choose("postgresql", records, cpus=2)
    assert (sqlite.batch_size, sqlite.workers) == (1000, 2)
    assert (postgresql.batch_size, postgresql.workers) == (1000, 2)
    assert choose("postgresql", records, cpus=1).workers == 1
    assert choose("postgresql", records, cpus=64).workers == MAX_AUTO_WORKERS
    assert choose("sqlite", records, cpus=1).workers == 1
    assert choose("sqlite", records, cpus=3).workers == 2
    assert choose("sqlite", records, cpus=64).workers == MAX_AUTO_WORKERS


def test_the_settings_of_ten_thousand_and_of_a_million_records_are_the_same() -> None:
    """Memory stays flat: nothing chosen grows with the input beyond the small/large step."""
    for dialect in ("sqlite", "postgresql"):
        small, large = choose(dialect, 10_000, cpus=2), choose(dialect, 1_000_000, cpus=2)
        assert (small.batch_size, small.workers) == (large.batch_size, large.workers)


def test_a_files_size_estimates_its_records(tmp_path: Path) -> None:
    plain, packed = tmp_path / "big.jsonl", tmp_path / "big.jsonl.gz"
    for path in (plain, packed):
        with open(path, "wb") as f:
            f.truncate(SMALL_INPUT * BYTES_PER_RECORD)  # sparse: only the size is read
    assert input_records(path=str(plain)) == SMALL_INPUT
    assert input_records(path=str(packed)) == SMALL_INPUT * GZIP_RATIO
    assert input_records(path="-") is None
    assert input_records(path=str(tmp_path / "missing.jsonl")) is None
    assert input_records(count=7) == 7


def test_the_report_shows_the_chosen_settings_and_why(tmp_path: Path) -> None:
    report = import_generated(f"sqlite:///{tmp_path / 'a.db'}", seed=0, count=3)
    assert (report.batch_size, report.workers) == (1000, 1)
    cores = f"{usable_cpus()} usable core" + ("s" if usable_cpus() != 1 else "")
    # the library keeps workers=1 (this process alone) unless told otherwise (spawn needs the caller's __main__ guard)
    assert report.tuning == f"batch size chosen for sqlite, {cores}, small input (~3 records)"
    assert report.to_dict()["tuning"] == report.tuning
    assert f"  settings  {report.tuning}" in report.format_text()


@pytest.mark.parametrize(
    ("options", "shown"),
    [([], "batch size 1000  workers 1"), (["--batch-size", "7", "--workers", "1"], "batch size 7  workers 1")],
)
def test_the_cli_with_no_options_takes_the_chosen_settings_and_flags_override(
    tmp_path: Path, options: list[str], shown: str
) -> None:
    result = CliRunner().invoke(
        main, ["import", "--seed", "0", "--count", "12", "--db", f"sqlite:///{tmp_path / 'a.db'}", *options]
    )
    assert result.exit_code == 0, result.output
    assert shown in result.output
    assert ("as given" in result.output) == bool(options)
