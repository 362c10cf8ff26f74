"""One conflict rule: the importer never replaces a different article, repairs hand edits on
update, treats another generator version's row as the same article, and decides duplicates
inside one input by input order, whatever the batch size or worker count."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import psycopg
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from anp_synth import generate
from anp_synth.cli import main
from anp_synth.db import import_file, import_generated, import_records
from anp_synth.db.postgres import conninfo
from anp_synth.errors import RecordError
from anp_synth.rules import GENERATOR_VERSION, content_hash

from .db_helpers import DIALECTS, count, execute, make_url, rows

DATA = Path(__file__).parent / "data"
OLD_SQLITE = DATA / "release_82a7ee9.db"
OLD_PG_DUMP = DATA / "release_82a7ee9_pg.sql"
OLD_VERSION = "1.0"
"""Generator version of the records in the release-82a7ee9 databases: realistic seeds 1..30, hostile 1..5."""


@pytest.fixture(params=DIALECTS)
def db_url(request: pytest.FixtureRequest) -> str:
    return make_url(request, request.param)


def _record(seed: int, profile: str = "realistic") -> dict[str, Any]:
    return json.loads(json.dumps(next(generate(seed=seed, count=1, profile=profile))))


def _rehash(record: dict[str, Any]) -> dict[str, Any]:
    record["meta"]["hash"] = content_hash(record)
    return record


def _rows_of(db_url: str, ids: set[int]) -> dict[str, list[tuple[Any, ...]]]:
    """The rows of the articles ``ids`` (every table's first column is the article id)."""
    return {name: [r for r in table if r[0] in ids] for name, table in rows(db_url).items()}


# --- a different article is never merged -------------------------------------------------


@pytest.mark.parametrize("on_conflict", ["skip", "update"])
def test_a_record_whose_reference_is_held_by_another_article_is_rejected_never_merged(
    db_url: str, on_conflict: str, tmp_path: Path
) -> None:
    import_generated(db_url, seed=5, count=3)
    before = rows(db_url)
    intruder = _rehash(_record(6, "hostile"))
    intruder["meta"]["reference"] = _record(6)["meta"]["reference"]  # the realistic article's reference
    _rehash(intruder)
    rejects = tmp_path / "rejects.jsonl"
    report = import_records(
        [intruder, _record(9)], db_url, on_conflict=on_conflict, on_error="skip", rejects_path=str(rejects)
    )
    assert (report.inserted, report.updated, report.rejected) == (1, 0, 1)
    (line,) = [json.loads(x) for x in rejects.read_text().splitlines()]
    assert line["reason"] == f"reference {intruder['meta']['reference']} held by seed 6 profile realistic"
    after = rows(db_url)
    assert [r for r in after["anp_articles"] if r[0] != 9 * 4] == before["anp_articles"]
    assert count(db_url) == 4


def test_a_conflict_aborts_in_abort_mode_and_commits_nothing_of_its_batch(db_url: str) -> None:
    import_generated(db_url, seed=5, count=3)
    intruder = _record(7, "edge")
    intruder["meta"]["reference"] = _record(5)["meta"]["reference"]
    with pytest.raises(RecordError, match="held by seed 5 profile realistic"):
        import_records([_record(20), _rehash(intruder)], db_url, on_conflict="update")
    assert count(db_url) == 3


@pytest.mark.parametrize("on_conflict", ["skip", "update"])
def test_a_record_whose_id_is_held_under_another_reference_is_rejected(
    db_url: str, on_conflict: str, tmp_path: Path
) -> None:
    import_generated(db_url, seed=5, count=1)
    before = rows(db_url)
    twin = _record(5)
    stored_reference = twin["meta"]["reference"]
    twin["meta"]["reference"] = "anp-ref-000005-xxxx"
    rejects = tmp_path / "rejects.jsonl"
    report = import_records(
        [_rehash(twin)], db_url, on_conflict=on_conflict, on_error="skip", rejects_path=str(rejects)
    )
    assert (report.inserted, report.updated, report.rejected) == (0, 0, 1)
    (line,) = [json.loads(x) for x in rejects.read_text().splitlines()]
    assert line["reason"] == f"id 20 (seed 5 profile realistic) held by reference {stored_reference}"
    assert rows(db_url) == before


# --- update repairs the same article, compared row by row --------------------------------


def test_update_repairs_rows_edited_by_hand_and_counts_them_as_updated(db_url: str) -> None:
    import_generated(db_url, seed=1, count=10)
    expected = rows(db_url)
    execute(db_url, "update anp_articles set title = 'edited by hand' where id = 8")  # hash left as it was
    execute(db_url, "delete from anp_post_meta where article_id = 12 and meta_key = 'topic'")
    execute(db_url, "update anp_entities set name = 'someone' where article_id = 16 and position = 0")
    report = import_generated(db_url, seed=1, count=10, on_conflict="update")
    assert (report.inserted, report.updated, report.skipped) == (0, 3, 7)
    assert rows(db_url) == expected


def test_skip_leaves_a_hand_edited_row_alone(db_url: str) -> None:
    import_generated(db_url, seed=1, count=3)
    execute(db_url, "update anp_articles set title = 'edited by hand' where id = 8")
    report = import_generated(db_url, seed=1, count=3, batch_size=2)
    assert (report.inserted, report.updated, report.skipped) == (0, 0, 3)
    assert execute(db_url, "select title from anp_articles where id = 8") == [("edited by hand",)]


# --- a database loaded by an older release ----------------------------------------------


def _load_old_release(dialect: str, request: pytest.FixtureRequest) -> str:
    if dialect == "sqlite":
        path = request.getfixturevalue("tmp_path") / "old.db"
        shutil.copy(OLD_SQLITE, path)
        return f"sqlite:///{path}"
    url = make_url(request, dialect, "old.db")
    _psql_restore(url, OLD_PG_DUMP.read_text())
    return url


def _psql_restore(db_url: str, dump: str) -> None:
    """Replay a plain pg_dump: SQL statements and ``COPY ... FROM stdin`` blocks (psql meta-commands skipped)."""
    from anp_synth.db.connect import parse_url

    with psycopg.connect(**conninfo(parse_url(db_url)), autocommit=True) as conn:
        statement: list[str] = []
        lines = iter(dump.split("\n"))  # not splitlines(): hostile text holds \u2028 and friends
        for line in lines:
            if line.startswith("\\") or line.startswith("--") or (not line.strip() and not statement):
                continue
            if line.startswith("COPY ") and line.endswith("FROM stdin;"):
                with conn.cursor() as cur, cur.copy(line[:-1]) as copy:
                    for data in lines:
                        if data == "\\.":
                            break
                        copy.write(data + "\n")
                continue
            statement.append(line)
            if line.rstrip().endswith(";"):
                conn.execute("\n".join(statement))  # type: ignore[call-overload]
                statement = []
        conn.execute("SELECT pg_catalog.set_config('search_path', 'public', false)")


@pytest.mark.parametrize("dialect", DIALECTS)
def test_a_database_of_the_schema_v2_release_upgrades_and_takes_the_new_version(
    dialect: str, request: pytest.FixtureRequest
) -> None:
    old = _load_old_release(dialect, request)
    assert execute(old, "select distinct generator_version from anp_articles") == [(OLD_VERSION,)]
    runner = CliRunner()
    upgraded = runner.invoke(main, ["db", "upgrade", "--db", old])
    assert upgraded.exit_code == 0, upgraded.output

    skipped = runner.invoke(main, ["import", "--seed", "1", "--count", "40", "--db", old, "--batch-size", "16"])
    assert skipped.exit_code == 0, skipped.output
    assert "inserted 10  updated 0  skipped 0" in skipped.output
    assert "other version  30 stored articles of another generator version (kept" in skipped.output
    assert count(old) == 45

    updated = runner.invoke(main, ["import", "--seed", "1", "--count", "40", "--db", old, "--on-conflict", "update"])
    assert updated.exit_code == 0, updated.output
    assert "inserted 0  updated 30  skipped 10" in updated.output
    assert "other version  30 stored articles of another generator version (replaced)" in updated.output

    fresh = make_url(request, dialect, "fresh.db")
    import_generated(fresh, seed=1, count=40)
    realistic = {seed * 4 for seed in range(1, 41)}
    assert _rows_of(old, realistic) == rows(fresh)
    hostile = execute(old, "select seed, generator_version from anp_articles where profile = 'hostile' order by seed")
    assert hostile == [(seed, OLD_VERSION) for seed in range(1, 6)]
    assert GENERATOR_VERSION != OLD_VERSION


# --- duplicates inside one input: one rule at every batch size and worker count -----------


def _file_with_duplicates(path: Path) -> tuple[Path, int]:
    """Seeds 1..20 with, after them, an identical copy of seed 3 and a changed copy of seed 4
    (valid hash), and a changed copy of seed 15 right after it. Returns the path and the line of seed 4."""
    lines = [json.dumps(r, ensure_ascii=False) for r in generate(seed=1, count=20)]
    changed = _record(4)
    changed["meta"]["view_count"] += 1
    late = _record(15)
    late["meta"]["view_count"] += 7  # other content that keeps every rule (an edited intro could move reading_time)
    lines.insert(15, json.dumps(_rehash(late), ensure_ascii=False))  # line 16, right after seed 15 (line 15)
    lines += [lines[2], json.dumps(_rehash(changed), ensure_ascii=False)]
    path.write_text("\n".join(lines) + "\n")
    return path, 4


@pytest.mark.parametrize("dialect", DIALECTS)
def test_a_duplicated_reference_gives_the_same_database_at_every_batch_size_and_worker_count(
    dialect: str, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    source, _ = _file_with_duplicates(tmp_path / "dups.jsonl")
    expected_db = make_url(request, dialect, "expected.db")
    import_generated(expected_db, seed=1, count=20)
    expected = rows(expected_db)
    for batch_size, workers in ((1, 0), (7, 0), (1000, 0), (7, 2)):
        db = make_url(request, dialect, f"b{batch_size}w{workers}.db")
        for on_conflict in ("skip", "update"):
            rejects = tmp_path / f"rejects-{batch_size}-{workers}-{on_conflict}.jsonl"
            report = import_file(str(source), db, batch_size=batch_size, workers=workers, on_error="skip",
                                 on_conflict=on_conflict, rejects_path=str(rejects))  # fmt: skip
            if on_conflict == "skip":
                assert (report.inserted, report.skipped, report.rejected) == (20, 1, 2), (batch_size, workers)
            assert rows(db) == expected, (batch_size, workers, on_conflict)
            reasons = sorted((r["line"], r["reason"]) for r in map(json.loads, rejects.read_text().splitlines()))
            assert reasons == [
                (16, "duplicate reference with different content (first at line 15)"),
                (23, "duplicate reference with different content (first at line 4)"),
            ], (batch_size, workers, on_conflict)


def test_in_abort_mode_a_duplicate_with_other_content_stops_the_import(tmp_path: Path) -> None:
    source, _ = _file_with_duplicates(tmp_path / "dups.jsonl")
    db = f"sqlite:///{tmp_path / 'a.db'}"
    with pytest.raises(
        RecordError, match=r"dups.jsonl:16.*duplicate reference with different content \(first at line 15\)"
    ):
        import_file(str(source), db, batch_size=7)
    assert count(db) == 14


# --- the same seeds in two profiles --------------------------------------------------------


@pytest.mark.parametrize("dialect", DIALECTS)
@pytest.mark.parametrize(("seed", "first", "second"), [(9840, "realistic", "hostile"), (780, "edge", "hostile")])
def test_the_same_seeds_in_two_profiles_never_replace_each_other(
    dialect: str, seed: int, first: str, second: str, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    """Seeds whose references once collided across profiles (9848, 790): whatever the reference
    rule, no stored article is ever another (seed, profile)'s record, under skip or update."""
    expected: dict[int, tuple[Any, ...]] = {}
    for profile in (first, second):
        alone = make_url(request, dialect, f"{profile}.db")
        import_generated(alone, seed=seed, count=20, profile=profile)
        expected.update({r[0]: r for r in rows(alone)["anp_articles"]})
    for on_conflict in ("skip", "update"):
        db = make_url(request, dialect, f"both-{on_conflict}.db")
        import_generated(db, seed=seed, count=20, profile=first)
        rejects = tmp_path / f"{on_conflict}.rejects.jsonl"
        report = import_records(generate(seed=seed, count=20, profile=second), db, on_conflict=on_conflict,
                                on_error="skip", rejects_path=str(rejects))  # fmt: skip
        assert report.updated == 0
        assert report.inserted + report.rejected == 20
        stored = rows(db)["anp_articles"]
        assert all(r == expected[r[0]] for r in stored)  # every row is its own (seed, profile)'s record
        assert len(stored) == 40 - report.rejected
        if report.rejected:
            for line in map(json.loads, rejects.read_text().splitlines()):
                assert f"held by seed {line['seed']} profile {first}" in line["reason"]


_POOL = [json.loads(json.dumps(r)) for r in generate(seed=1, count=5)]


@example(picks=[(0, 0), (0, 0), (0, 0), (0, 0), (0, 1), (0, 0)], batch_size=2)  # a batch led by a reject
@example(picks=[(0, 0), (0, 2), (0, 2), (0, 0)], batch_size=3)
@settings(max_examples=10, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    picks=st.lists(st.tuples(st.integers(0, len(_POOL) - 1), st.integers(0, 2)), min_size=1, max_size=14),
    batch_size=st.integers(1, 6),
)
def test_property_the_first_occurrence_of_each_reference_wins_at_any_batch_size(
    picks: list[tuple[int, int]], batch_size: int, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """Any sequence of copies (0: identical, 1-2: other content) of a few records, cut at any batch size."""
    lines: list[str] = []
    first: dict[str, int] = {}
    expected_skipped = expected_rejected = 0
    for index, variant in picks:
        record = json.loads(json.dumps(_POOL[index]))
        if variant:
            record["meta"]["view_count"] += variant
            _rehash(record)
        text = json.dumps(record, ensure_ascii=False)
        ref = record["meta"]["reference"]
        if ref not in first:
            first[ref] = len(lines)
        elif lines[first[ref]] == text:
            expected_skipped += 1
        else:
            expected_rejected += 1
        lines.append(text)
    tmp = tmp_path_factory.mktemp("prop")
    source = tmp / "in.jsonl"
    source.write_text("\n".join(lines) + "\n")
    db = f"sqlite:///{tmp / 'a.db'}"
    report = import_file(str(source), db, batch_size=batch_size, on_error="skip", rejects_path=str(tmp / "r.jsonl"))
    assert (report.inserted, report.skipped, report.rejected) == (len(first), expected_skipped, expected_rejected)
    wanted = f"sqlite:///{tmp / 'wanted.db'}"
    import_records([json.loads(lines[i]) for i in first.values()], wanted)
    assert rows(db) == rows(wanted)
