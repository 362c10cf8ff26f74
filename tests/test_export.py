"""`anp-synth export`: what a database holds comes back out as the records that went in.

Import a file and export it: the same file, byte for byte, for every profile and both
databases. An edited row changes what comes out (or, where a record cannot hold what is
stored, stops the export naming the field), so a diff of two exports compares two databases.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from hypothesis import given, settings
from hypothesis import strategies as st

from anp_synth.cli import main
from anp_synth.db import export_records, import_file, import_generated
from anp_synth.errors import DatabaseError, InvalidArgument, RecordError

from .db_helpers import DIALECTS, assert_stores_exactly, execute, make_url
from .pg_cluster import PASSWORD

PROFILES = ["realistic", "edge", "hostile"]
FIRST, COUNT = 40, 60  # seeds 52..99 have all their similar posts inside the window


@pytest.fixture(params=DIALECTS)
def dialect(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def db_url(request: pytest.FixtureRequest, dialect: str) -> str:
    return make_url(request, dialect)


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def generated(tmp_path: Path, *args: str, name: str = "in.jsonl") -> Path:
    """A file `anp-synth generate ARGS -o NAME` writes."""
    path = tmp_path / name
    result = run("generate", *args, "-o", str(path))
    assert result.exit_code == 0, result.output
    return path


def exported(db_url: str, tmp_path: Path, *args: str, name: str = "out.jsonl") -> bytes:
    path = tmp_path / name
    result = run("export", "--db", db_url, *args, "-o", str(path))
    assert result.exit_code == 0, result.output
    return path.read_bytes()


def lines_in(data: bytes) -> list[str]:
    """The lines of a jsonl file (not str.splitlines: text may hold U+2028 and other breaks)."""
    return data.decode("utf-8").split("\n")[:-1]


def lines_of(records: object) -> list[str]:
    return [json.dumps(r, sort_keys=True, separators=(",", ":"), ensure_ascii=False) for r in records]  # type: ignore[attr-defined]


# -- the round trip ----------------------------------------------------------------------


@pytest.mark.parametrize("profile", PROFILES)
def test_import_then_export_gives_back_the_same_file_byte_for_byte(db_url: str, tmp_path: Path, profile: str) -> None:
    source = generated(tmp_path, "--seed", str(FIRST), "--count", str(COUNT), "--profile", profile)
    import_file(str(source), db_url, batch_size=25)
    assert exported(db_url, tmp_path) == source.read_bytes()
    # and the stored rows are the records, post-meta checked by the README's rule alone
    assert_stores_exactly(db_url, [json.loads(line) for line in lines_in(source.read_bytes())])


def test_every_profile_in_one_database_comes_out_in_seed_then_profile_order(db_url: str, tmp_path: Path) -> None:
    files = {
        p: generated(tmp_path, "--seed", "0", "--count", "15", "--profile", p, name=f"{p}.jsonl") for p in PROFILES
    }
    for profile in reversed(PROFILES):
        import_file(str(files[profile]), db_url)
    by_profile = {p: lines_in(files[p].read_bytes()) for p in PROFILES}
    interleaved = [by_profile[p][i] for i in range(15) for p in PROFILES]
    assert lines_in(exported(db_url, tmp_path)) == interleaved
    for profile in PROFILES:
        assert exported(db_url, tmp_path, "--profile", profile) == files[profile].read_bytes()


def test_a_record_stored_with_on_conflict_update_is_exported_as_updated(db_url: str) -> None:
    from anp_synth import generate
    from anp_synth.db import import_records
    from anp_synth.rules import content_hash

    records = list(generate(seed=0, count=5))
    import_records(records, db_url)
    changed = json.loads(json.dumps(records[2]))
    changed["title"] = "a new title"
    changed["meta"]["notes"] = ["only one note now"]
    changed["meta"]["hash"] = content_hash(changed)
    import_records([changed], db_url, on_conflict="update")
    assert_stores_exactly(db_url, [*records[:2], changed, *records[3:]])


# -- windows and formats -----------------------------------------------------------------


@pytest.fixture
def fifty(db_url: str) -> str:
    """A database holding realistic seeds 0..49."""
    import_generated(db_url, seed=0, count=50, batch_size=20)
    return db_url


@pytest.mark.parametrize("fmt", ["jsonl", "json", "csv"])
def test_a_window_in_any_format_is_what_generate_writes_for_it(fifty: str, tmp_path: Path, fmt: str) -> None:
    window = ("--seed", "20", "--count", "30")
    expected = generated(tmp_path, *window, "--format", fmt, name=f"gen.{fmt}").read_bytes()
    assert exported(fifty, tmp_path, *window, "--format", fmt, name=f"out.{fmt}") == expected


def test_a_gz_name_is_compressed_and_holds_the_same_records(fifty: str, tmp_path: Path) -> None:
    window = ("--seed", "5", "--count", "10")
    expected = generated(tmp_path, *window)
    packed = exported(fifty, tmp_path, *window, name="out.jsonl.gz")
    assert packed[:2] == b"\x1f\x8b"
    assert gzip.decompress(packed) == expected.read_bytes()


def test_seed_alone_runs_to_the_last_stored_seed_and_count_alone_starts_at_zero(fifty: str) -> None:
    assert [r["seed"] for r in export_records(fifty, seed=40)] == list(range(40, 50))
    assert [r["seed"] for r in export_records(fifty, count=5)] == list(range(5))
    assert [r["seed"] for r in export_records(fifty, seed=45, count=50)] == list(range(45, 50))


@pytest.mark.parametrize(("fmt", "empty"), [("jsonl", b""), ("json", b"[\n]\n")])
def test_an_empty_window_is_an_empty_output_with_a_note_and_exit_0(
    fifty: str, tmp_path: Path, fmt: str, empty: bytes
) -> None:
    result = CliRunner().invoke(main, ["export", "--db", fifty, "--seed", "500", "--count", "3", "--format", fmt])
    assert result.exit_code == 0
    assert result.stdout_bytes == empty
    assert result.stderr == "no records stored for seeds 500..502, every profile: wrote an empty " + fmt + " output\n"
    assert list(export_records(fifty, seed=0, count=50, profile="edge")) == []


@settings(max_examples=10, deadline=None)
@given(chunk_size=st.integers(1, 40), profile=st.sampled_from([None, *PROFILES]))
def test_the_chunk_size_never_changes_what_is_exported(
    chunk_size: int, profile: str | None, mixed_sqlite: tuple[str, list[str]]
) -> None:
    url, everything = mixed_sqlite
    got = lines_of(export_records(url, profile=profile, chunk_size=chunk_size))
    assert got == [line for line in everything if profile is None or f'"profile":"{profile}"' in line]


@pytest.fixture(scope="module")
def mixed_sqlite(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, list[str]]:
    """One SQLite file with seeds 0..29 of every profile, and its export with the default chunk size."""
    url = f"sqlite:///{tmp_path_factory.mktemp('mixed') / 'anp.db'}"
    for profile in PROFILES:
        import_generated(url, seed=0, count=30, profile=profile)
    return url, lines_of(export_records(url))


def test_an_export_reads_one_snapshot_whatever_is_written_meanwhile(fifty: str) -> None:
    records = export_records(fifty, chunk_size=10)
    first = next(records)
    execute(fifty, "delete from anp_post_meta where article_id > 40")
    execute(fifty, "delete from anp_articles where seed > 10")
    assert [first["seed"], *(r["seed"] for r in records)] == list(range(50))
    assert [r["seed"] for r in export_records(fifty)] == list(range(11))


# -- an edited row shows ------------------------------------------------------------------

SEED = 7
ID = SEED * 4  # realistic


def _edit_then_export(db_url: str, sql: str) -> tuple[list[str], list[str]]:
    from anp_synth import generate_lines

    import_generated(db_url, seed=0, count=12)
    for statement in sql.split("; "):
        execute(db_url, statement)
    return list(generate_lines(seed=0, count=12)), lines_of(export_records(db_url))


def _only_change(before: list[str], after: list[str]) -> tuple[dict, dict]:
    changed = [(json.loads(a), json.loads(b)) for a, b in zip(before, after, strict=True) if a != b]
    assert len(changed) == 1, "exactly the edited record differs"
    assert changed[0][1]["seed"] == SEED
    return changed[0]


def test_an_edited_note_comes_out_edited(db_url: str) -> None:
    before, after = _edit_then_export(
        db_url, f"update anp_post_meta set meta_value = 'edited' where article_id = {ID} and meta_key = 'notes' "
        "and position = 0",
    )  # fmt: skip
    old, new = _only_change(before, after)
    assert new["meta"]["notes"] == ["edited", *old["meta"]["notes"][1:]]


def test_a_deleted_note_row_comes_out_missing(db_url: str) -> None:
    before, after = _edit_then_export(
        db_url, f"delete from anp_post_meta where article_id = {ID} and meta_key = 'notes' and position = 0"
    )
    old, new = _only_change(before, after)
    assert new["meta"]["notes"] == old["meta"]["notes"][1:]


def test_an_added_tool_row_comes_out_added(db_url: str) -> None:
    before, after = _edit_then_export(
        db_url, f"insert into anp_post_meta values ({ID}, 'tools', 60, 'a hand-added tool')"
    )
    old, new = _only_change(before, after)
    assert new["meta"]["tools"] == [*old["meta"]["tools"], "a hand-added tool"]


@pytest.mark.parametrize(
    ("sql", "field"),
    [
        ("update anp_articles set title = 'edited' where id = {id}", "title"),
        ("update anp_similar_posts set similar_title = 'edited' where article_id = {id} and position = 0",
         "similar_posts"),
        ("update anp_post_meta set meta_value = '77' where article_id = {id} and meta_key = 'payload.seed'", "meta"),
        ("update anp_articles set body = '[]' where id = {id}", "sections"),
        ("update anp_articles set last_reviewed = '2020-02-29' where id = {id}; "
         "update anp_post_meta set meta_value = '2020-02-29' where article_id = {id} "
         "and meta_key = 'revision.last_reviewed'", "meta"),
    ],
)  # fmt: skip
def test_an_edit_of_a_value_stored_once_comes_out(db_url: str, sql: str, field: str) -> None:
    before, after = _edit_then_export(db_url, sql.format(id=ID))
    old, new = _only_change(before, after)
    assert old[field] != new[field]


@pytest.mark.parametrize(
    ("sql", "field", "reason"),
    [
        ("update anp_post_meta set meta_value = '9999' where article_id = {id} and meta_key = 'view_count'",
         "meta.view_count", "anp_post_meta holds 9999 but anp_articles.view_count holds"),
        ("update anp_articles set score_depth = 3 where id = {id}",
         "meta.score.depth", "but anp_articles.score_depth holds 3"),
        ("delete from anp_post_meta where article_id = {id} and meta_key = 'topic'",
         "meta.topic", "no anp_post_meta row for it"),
        ("update anp_entities set name = 'edited' where article_id = {id} and position = 0",
         "meta.entities", "anp_entities and the entities.* rows of anp_post_meta disagree"),
        ("update anp_post_meta set meta_value = 'edited' where article_id = {id} and meta_key = 'entities.name' "
         "and position = 0", "meta.entities", "disagree"),
        ("update anp_post_meta set meta_value = 'true' where article_id = {id} and meta_key = 'flags.has_images'",
         "meta.flags.has_images", "stored post-meta value 'true' is not a boolean (1 or 0)"),
        ("update anp_post_meta set meta_value = '07' where article_id = {id} and meta_key = 'payload.seed'",
         "meta.payload.seed", "stored post-meta value '07' is not an integer in decimal"),
        ("insert into anp_post_meta values ({id}, 'colour', 0, 'red')",
         "meta.colour", "stored post-meta key is not a field of a record"),
        ("update anp_similar_posts set similar_id = 1 where article_id = {id} and position = 0",
         "similar_posts", "similar_id 1 is not the id of seed"),
        ("update anp_articles set seed = 8 where id = {id}", "seed", "anp_articles.id 28 is not the id of seed 8"),
        ("update anp_articles set last_reviewed = '2020-01-01' where id = {id}",
         "meta.revision.last_reviewed", "but anp_articles.last_reviewed holds '2020-01-01'"),
    ],
)  # fmt: skip
def test_an_edit_no_record_can_hold_stops_the_export_naming_seed_and_field(
    db_url: str, sql: str, field: str, reason: str
) -> None:
    with pytest.raises(RecordError) as caught:
        _edit_then_export(db_url, sql.format(id=ID))
    assert (caught.value.seed, caught.value.field) == (8 if field == "seed" else SEED, field)
    assert reason in caught.value.reason
    assert "realistic article anp-ref-000007-" in caught.value.reason


def test_a_stored_boolean_other_than_1_or_0_is_a_mismatch_not_true(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'anp.db'}"
    import_generated(url, seed=0, count=12)
    execute(url, f"update anp_articles set has_images = 5 where id = {ID}")  # SQLite has no boolean type
    with pytest.raises(RecordError, match=r"but anp_articles\.has_images holds 5"):
        list(export_records(url))


def test_the_cli_reports_such_an_edit_in_one_line_and_leaves_no_file(db_url: str, tmp_path: Path) -> None:
    import_generated(db_url, seed=0, count=3)
    execute(db_url, "update anp_articles set view_count = 1 where seed = 2")
    out = tmp_path / "out.jsonl"
    result = run("export", "--db", db_url, "-o", str(out))
    assert result.exit_code == 1
    assert result.output.startswith("Error: seed 2, field meta.view_count: anp_post_meta holds")
    assert result.output.count("\n") == 1
    assert not out.exists()
    assert list(tmp_path.iterdir()) == ([tmp_path / "anp.db"] if db_url.startswith("sqlite") else [])


# -- databases that cannot be exported -----------------------------------------------------


def test_a_missing_sqlite_file_is_one_line_and_is_not_created(tmp_path: Path) -> None:
    missing = tmp_path / "missing.db"
    result = run("export", "--db", f"sqlite:///{missing}", "--format", "json")
    assert result.stdout == ""  # not even the opening bracket of an array
    assert (result.exit_code, result.output) == (
        1,
        f"Error: cannot export from sqlite:///{missing}: no such database file\n",
    )
    assert not missing.exists()
    assert list(tmp_path.iterdir()) == []


def test_a_database_without_anp_tables_is_one_line(db_url: str) -> None:
    execute(db_url, "create table unrelated (x integer)")
    result = run("export", "--db", db_url)
    assert result.exit_code == 1
    assert result.output.endswith(": it holds no anp_ tables (nothing imported)\n")
    assert result.output.count("\n") == 1


def test_reading_a_sqlite_file_writes_nothing_next_to_it(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'anp.db'}"
    import_generated(url, seed=0, count=3)
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    assert len(list(export_records(url))) == 3
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before


@pytest.mark.postgres
def test_an_unreachable_server_is_one_line_without_the_password() -> None:
    from .pg_cluster import free_port

    url = f"postgresql://someone:{PASSWORD}@127.0.0.1:{free_port()}/nothing"
    result = run("export", "--db", url)
    assert result.exit_code == 1
    assert result.output.startswith("Error: cannot export from postgresql+psycopg://someone:***@127.0.0.1:")
    assert PASSWORD not in result.output
    assert result.output.count("\n") == 1


def test_bad_arguments_are_refused_before_the_database_is_opened(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'never.db'}"
    for kwargs in ({"seed": -1}, {"count": 0}, {"profile": "nope"}, {"chunk_size": 0}):
        with pytest.raises(InvalidArgument):
            export_records(url, **kwargs)  # type: ignore[arg-type]
    with pytest.raises(DatabaseError, match="no such database file"):
        next(export_records(url))
    result = run("export", "--db", url, "--format", "xml")
    assert (result.exit_code, result.output) == (2, "Error: format='xml' is not one of jsonl, json, csv\n")


def test_the_output_name_picks_the_format_as_for_generate(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'x.db'}"
    assert CliRunner().invoke(main, ["import", "--seed", "1", "--count", "3", "--db", db]).exit_code == 0
    result = CliRunner().invoke(main, ["export", "--db", db, "-o", str(tmp_path / "out.csv")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "out.csv").read_text(encoding="utf-8").startswith("seed,profile,")
    refused = CliRunner().invoke(main, ["export", "--db", db, "-o", str(tmp_path / "out.parquet")])
    assert refused.exit_code == 2 and "not one of jsonl, json, csv" in refused.output
