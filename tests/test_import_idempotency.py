"""Importing is idempotent: re-runs are no-ops, overlapping windows end with the union, paths agree."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from anp_synth import generate, generate_lines
from anp_synth.db import BatchStats, import_file, import_generated, import_records
from anp_synth.db.tables import article_id

from .db_helpers import DIALECTS, assert_stores_exactly, count, execute, make_url, rows


@pytest.fixture(params=DIALECTS)
def dialect(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def db_url(request: pytest.FixtureRequest, dialect: str) -> str:
    return make_url(request, dialect)


@pytest.fixture
def other_url(request: pytest.FixtureRequest, dialect: str) -> str:
    """A second empty database of the same dialect, to compare against."""
    return make_url(request, dialect, "other.db")


def test_a_first_import_inserts_every_record_with_its_post_meta(db_url: str) -> None:
    report = import_generated(db_url, seed=1, count=120, batch_size=50)
    assert (report.inserted, report.skipped, report.batches) == (120, 0, 3)
    assert count(db_url) == 120
    # every stored row is the records': exported back they are the same lines, and the
    # post-meta rows are those the README's rule gives, one per scalar, one per list element
    assert_stores_exactly(db_url, generate(seed=1, count=120))
    ref = execute(db_url, f"select reference from anp_articles where id = {article_id(1, 'realistic')}")
    assert ref == [(next(generate(seed=1))["meta"]["reference"],)]


def test_re_running_the_same_import_is_a_no_op_reporting_zero_inserted(db_url: str) -> None:
    import_generated(db_url, seed=0, count=100, batch_size=30)
    assert_stores_exactly(db_url, generate(seed=0, count=100))
    before = rows(db_url)
    again = import_generated(db_url, seed=0, count=100, batch_size=30)
    assert (again.inserted, again.skipped, again.batches, again.batches_in_ledger) == (0, 100, 0, 4)
    assert rows(db_url) == before


def test_overlapping_windows_end_with_exactly_their_union(db_url: str, other_url: str) -> None:
    import_generated(db_url, seed=1, count=100)
    second = import_generated(db_url, seed=51, count=100)
    assert (second.inserted, second.skipped) == (50, 50)
    assert count(db_url) == 150
    union = other_url
    import_generated(union, seed=1, count=150)
    assert rows(db_url) == rows(union)
    assert_stores_exactly(db_url, generate(seed=1, count=150))


def test_the_same_records_give_the_same_rows_from_a_file_from_records_and_generated(
    db_url: str, other_url: str, tmp_path: Path
) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text("".join(line + "\n" for line in generate_lines(seed=5, count=40)))
    import_file(str(path), db_url, batch_size=16)
    from_file = rows(db_url)
    assert_stores_exactly(db_url, generate(seed=5, count=40))
    other = other_url
    import_records(generate(seed=5, count=40), other, batch_size=7)
    assert rows(other) == from_file
    generated = import_generated(other, seed=5, count=40)
    assert generated.inserted == 0
    assert rows(other) == from_file


def test_workers_give_the_same_rows_as_one_process(db_url: str, other_url: str) -> None:
    import_generated(db_url, seed=0, count=60, batch_size=10, workers=2)
    other = other_url
    import_generated(other, seed=0, count=60, batch_size=25, workers=0)
    assert rows(db_url) == rows(other)
    assert_stores_exactly(db_url, generate(seed=0, count=60))


def test_on_batch_hears_about_every_batch_in_order(db_url: str) -> None:
    seen: list[BatchStats] = []
    import_generated(db_url, seed=0, count=25, batch_size=10, on_batch=seen.append)
    assert [(b.batch_no, b.first_seed, b.last_seed, b.inserted) for b in seen] == [
        (0, 0, 9, 10), (1, 10, 19, 10), (2, 20, 24, 5),
    ]  # fmt: skip
    assert seen[-1].total_inserted == 25
    again: list[BatchStats] = []
    import_generated(db_url, seed=0, count=25, batch_size=10, on_batch=again.append)
    assert all(b.from_ledger and b.inserted == 0 for b in again)


def _changed(record: dict, title: str) -> dict:
    changed = json.loads(json.dumps(record))
    changed["title"] = title
    changed["meta"]["hash"] = "0" * 24  # not validated on the records path; only "differs" matters
    changed["meta"]["tools"] = ["only-one-tool"]
    return changed


def test_on_conflict_skip_keeps_the_stored_row_and_says_how_many_differed(db_url: str) -> None:
    records = list(generate(seed=0, count=10))
    import_records(records, db_url)
    report = import_records([_changed(r, "new title") for r in records[:3]], db_url, on_conflict="skip")
    assert (report.inserted, report.updated, report.skipped, report.changed) == (0, 0, 3, 3)
    assert execute(db_url, "select count(*) from anp_articles where title = 'new title'") == [(0,)]
    assert "--on-conflict update would replace them" in report.format_text()


def test_on_conflict_update_replaces_the_row_and_its_post_meta(db_url: str) -> None:
    records = list(generate(seed=0, count=10))
    import_records(records, db_url)
    before = rows(db_url)
    changed = [_changed(r, "new title") for r in records[:3]]
    report = import_records([*changed, *records[3:]], db_url, on_conflict="update")
    assert (report.inserted, report.updated, report.skipped) == (0, 3, 7)
    assert execute(db_url, "select count(*) from anp_articles where title = 'new title'") == [(3,)]
    tools = execute(
        db_url, f"select meta_value from anp_post_meta where article_id = {article_id(0, 'realistic')} "
        "and meta_key = 'tools' order by position"
    )  # fmt: skip
    assert tools == [("only-one-tool",)]
    assert_stores_exactly(db_url, [*changed, *records[3:]])
    # the seven untouched articles keep every row
    after = rows(db_url)
    untouched = {article_id(r["seed"], "realistic") for r in records[3:]}
    for table in before:
        keep = [r for r in before[table] if r[0] in untouched]
        assert keep == [r for r in after[table] if r[0] in untouched]
    # an unchanged re-run of the same update is a no-op
    again = import_records([*changed, *records[3:]], db_url, on_conflict="update")
    assert (again.inserted, again.updated) == (0, 0)


def test_a_record_repeated_within_a_batch_is_stored_once(db_url: str) -> None:
    records = list(generate(seed=0, count=3))
    report = import_records([*records, records[1]], db_url)
    assert (report.inserted, report.skipped) == (3, 1)


@settings(max_examples=8, deadline=None)
@given(windows=st.lists(st.tuples(st.integers(0, 40), st.integers(1, 25)), min_size=1, max_size=4),
       batch_size=st.integers(1, 30))  # fmt: skip
def test_any_sequence_of_windows_ends_with_exactly_their_union(
    windows: list[tuple[int, int]], batch_size: int, tmp_path_factory: pytest.TempPathFactory
) -> None:
    url = f"sqlite:///{tmp_path_factory.mktemp('windows') / 'anp.db'}"
    for seed, n in windows:
        import_generated(url, seed=seed, count=n, batch_size=batch_size)
    expected = sorted({article_id(s, "realistic") for seed, n in windows for s in range(seed, seed + n)})
    assert [r[0] for r in execute(url, "select id from anp_articles order by id")] == expected


@pytest.mark.postgres
def test_two_importers_racing_on_the_same_window_store_each_row_once(pg_url: str) -> None:
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(2) as pool:
        reports = list(pool.map(lambda _: import_generated(pg_url, seed=0, count=200, batch_size=25), range(2)))
    assert count(pg_url) == 200
    assert sum(r.inserted for r in reports) == 200
    assert all(r.inserted + r.skipped == 200 for r in reports)
    assert count(pg_url, "anp_import_ledger") == 8
