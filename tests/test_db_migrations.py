"""The schema carries a version, upgrades in place, and never touches tables it did not create."""

from __future__ import annotations

import os

import pytest
from click.testing import CliRunner
from sqlalchemy import Index, Table
from sqlalchemy.schema import CreateIndex, CreateTable

import anp_synth.db.importer as importer_module
from anp_synth import generate
from anp_synth.cli import main
from anp_synth.db import import_generated, tables
from anp_synth.db.connect import open_engine
from anp_synth.db.migrations import HEAD, MIGRATIONS, upgrade
from anp_synth.errors import DatabaseError

from .db_helpers import DIALECTS, assert_stores_exactly, catalog, count, execute, make_url, rows


@pytest.fixture(params=DIALECTS)
def db_url(request: pytest.FixtureRequest) -> str:
    return make_url(request, request.param)


def _indexes(db_url: str) -> dict[str, set[str]]:
    """Index names per table, from the catalog (SQLAlchemy cannot reflect expression indexes)."""
    if db_url.startswith("sqlite"):
        sql = "select tbl_name, name from sqlite_master where type = 'index' and name like 'ix_anp_%'"
    else:
        sql = "select tablename, indexname from pg_indexes where schemaname = current_schema() and indexname like 'ix_anp_%'"
    found: dict[str, set[str]] = {t.name: set() for t in tables.OWNED_TABLES}
    for table, name in execute(db_url, sql):
        found[table].add(name)
    return found


def _schema_objects(db_url: str) -> dict[str, set[str]]:
    """Indexes per table, and PostgreSQL's extended statistics (under ``"statistics"``)."""
    found = _indexes(db_url)
    if not db_url.startswith("sqlite"):
        sql = "select stxname from pg_statistic_ext where stxnamespace = current_schema()::regnamespace"
        found["statistics"] = {name for (name,) in execute(db_url, sql)}
    return found


def test_every_table_and_index_is_prefixed_anp() -> None:
    for table in tables.metadata.tables.values():
        assert table.name.startswith("anp_")
        for index in table.indexes:
            assert str(index.name).startswith("ix_anp_")


def test_versions_are_consecutive_and_documented() -> None:
    from pathlib import Path

    assert [m.VERSION for m in MIGRATIONS] == list(range(1, HEAD + 1))
    doc = (Path(__file__).parent.parent / "docs" / "MIGRATIONS.md").read_text()
    for migration in MIGRATIONS:
        assert f"## Version {migration.VERSION}" in doc


def test_a_database_at_the_previous_version_upgrades_in_place_without_losing_rows(
    request: pytest.FixtureRequest, db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine = open_engine(db_url)
    upgrade(engine, target=HEAD - 1)
    engine.dispose()
    with pytest.raises(DatabaseError, match="run `anp-synth db upgrade --db URL` first"):
        import_generated(db_url, seed=0, count=5)
    with monkeypatch.context() as patch:
        # the previous version's importer wrote the same columns (versions after 1 add no column)
        patch.setattr(importer_module, "_prepare_database", lambda _url, _timeout: HEAD - 1)
        import_generated(db_url, seed=0, count=30, batch_size=10)
    before = rows(db_url)
    assert len(before["anp_articles"]) == 30

    result = CliRunner().invoke(main, ["db", "upgrade", "--db", db_url])
    assert result.exit_code == 0, result.output
    assert f"applied version {HEAD}" in result.output
    assert rows(db_url) == before
    assert_stores_exactly(db_url, generate(seed=0, count=30))
    fresh = make_url(request, "sqlite" if db_url.startswith("sqlite") else "postgresql", "fresh.db")
    upgrade(open_engine(fresh))
    assert _schema_objects(db_url) == _schema_objects(fresh)
    # and the importer carries on: the ledger of the old rows still counts
    again = import_generated(db_url, seed=0, count=40, batch_size=10)
    assert (again.inserted, again.batches_in_ledger) == (10, 3)
    assert count(db_url) == 40


@pytest.mark.parametrize("dialect", DIALECTS)
def test_a_fresh_database_at_head_equals_one_upgraded_step_by_step(
    request: pytest.FixtureRequest, dialect: str
) -> None:
    fresh, stepped = make_url(request, dialect, "fresh.db"), make_url(request, dialect, "stepped.db")
    upgrade(open_engine(fresh))
    for version in range(1, HEAD + 1):
        upgrade(open_engine(stepped), target=version)
    assert _schema_objects(fresh) == _schema_objects(stepped)


@pytest.mark.parametrize("dialect", DIALECTS)
@pytest.mark.parametrize("version", range(1, HEAD + 1))
def test_a_database_built_with_a_past_versions_own_ddl_upgrades_to_the_catalog_of_a_fresh_init(
    request: pytest.FixtureRequest, dialect: str, version: int
) -> None:
    old, fresh = make_url(request, dialect, "old.db"), make_url(request, dialect, "fresh.db")
    upgrade(open_engine(old), target=version)  # each migration carries its DDL as it shipped
    assert CliRunner().invoke(main, ["db", "upgrade", "--db", old]).exit_code == 0
    assert CliRunner().invoke(main, ["db", "init", "--db", fresh]).exit_code == 0
    assert catalog(old) == catalog(fresh)


@pytest.mark.parametrize("dialect", DIALECTS)
def test_the_head_of_the_migration_history_is_what_tables_py_declares(
    request: pytest.FixtureRequest, dialect: str
) -> None:
    """The importer writes by tables.py; the migrations build the database. A change to one
    without the other (a column added without a migration, say) fails here, not at a user's."""
    migrated, declared = make_url(request, dialect, "migrated.db"), make_url(request, dialect, "declared.db")
    upgrade(open_engine(migrated))
    engine = open_engine(declared)
    with engine.begin() as conn:
        for table in tables.OWNED_TABLES:
            conn.execute(CreateTable(table))
            for index in table.indexes:
                conn.execute(CreateIndex(index))
    engine.dispose()
    # extended statistics (version 3) and TOAST compression (version 4) are planner hints and
    # storage settings, not declared in tables.py
    plain = {"statistics": False, "compression": False}
    assert catalog(migrated, **plain) == catalog(declared, **plain)


def test_past_migrations_never_build_from_todays_tables() -> None:
    """Version N must mean forever what it meant when it shipped (docs/MIGRATIONS.md)."""
    for migration in MIGRATIONS:
        names = vars(migration).values()
        assert tables not in names, f"{migration.__name__} imports tables.py"
        assert not any(isinstance(v, Table | Index) for v in names), migration.__name__


@pytest.mark.postgres
def test_postgresql_gets_the_meta_value_statistics_the_load_tester_asked_for(pg_url: str) -> None:
    engine = open_engine(pg_url)
    upgrade(engine, target=2)
    assert _schema_objects(pg_url)["statistics"] == set()
    upgrade(engine)
    engine.dispose()
    assert _schema_objects(pg_url)["statistics"] == {"anp_post_meta_value_dep"}
    ((kinds,),) = execute(
        pg_url, "select stxkind::text from pg_statistic_ext where stxname = 'anp_post_meta_value_dep'"
    )
    assert "f" in kinds.strip("{}").split(",")  # functional dependencies


def test_init_then_status_show_the_version_and_the_applied_migrations(db_url: str) -> None:
    runner = CliRunner()
    status = runner.invoke(main, ["db", "status", "--db", db_url])
    if db_url.startswith("sqlite"):  # no file yet: status says so and never creates one
        assert status.exit_code == 1
        assert status.output == f"Error: no database at {db_url}: the file {db_url[10:]} does not exist\n"
        assert not os.path.exists(db_url[10:])
    else:
        assert status.exit_code == 0
        assert "schema version  none (no anp_ tables)" in status.output
        assert "pending  v1" in status.output
    init = runner.invoke(main, ["db", "init", "--db", db_url])
    assert init.exit_code == 0
    assert f"at schema version {HEAD}" in init.output
    again = runner.invoke(main, ["db", "init", "--db", db_url])
    assert "already at schema version" in again.output
    status = runner.invoke(main, ["db", "status", "--db", db_url])
    assert f"schema version  {HEAD}" in status.output
    assert "pending" not in status.output
    assert "rows anp_articles" in status.output


def test_a_foreign_table_of_the_same_name_is_refused_and_left_untouched(db_url: str) -> None:
    execute(db_url, "create table anp_articles (id integer primary key, body text)")
    execute(db_url, "insert into anp_articles values (1, 'theirs')")
    result = CliRunner().invoke(main, ["import", "--seed", "0", "--count", "5", "--db", db_url])
    assert result.exit_code == 1
    assert "refusing to touch table anp_articles: it exists but was not created by anp-synth" in result.output
    for command in (["db", "init"], ["db", "upgrade"], ["db", "status"]):
        refused = CliRunner().invoke(main, [*command, "--db", db_url])
        assert refused.exit_code == 1, command
        assert "refusing to touch table anp_articles" in refused.output
    assert execute(db_url, "select id, body from anp_articles") == [(1, "theirs")]


def test_an_anp_table_with_other_columns_is_refused_even_with_a_version_table(db_url: str) -> None:
    upgrade(open_engine(db_url))
    execute(db_url, "alter table anp_entities add column extra text")
    result = CliRunner().invoke(main, ["import", "--seed", "0", "--count", "5", "--db", db_url])
    assert result.exit_code == 1
    assert "refusing to touch table anp_entities: its columns" in result.output


def test_a_database_from_a_newer_anp_synth_is_refused(db_url: str) -> None:
    upgrade(open_engine(db_url))
    execute(db_url, f"insert into anp_schema_version values ({HEAD + 1}, 'future', '2030-01-01')")
    result = CliRunner().invoke(main, ["db", "upgrade", "--db", db_url])
    assert result.exit_code == 1
    assert f"newer than this anp-synth knows ({HEAD})" in result.output


def test_a_first_sqlite_load_ends_with_every_index_and_a_lost_one_comes_back(
    request: pytest.FixtureRequest,
) -> None:
    fresh, expected = make_url(request, "sqlite", "fresh.db"), make_url(request, "sqlite", "expected.db")
    upgrade(open_engine(expected))
    import_generated(fresh, seed=0, count=20, batch_size=5)  # indexes deferred, then built once
    assert _indexes(fresh) == _indexes(expected)
    # a first load killed before it rebuilt them: the next import, or db upgrade, restores them
    execute(fresh, "drop index ix_anp_post_meta_lookup")
    execute(fresh, "drop index ix_anp_articles_title_key")
    assert CliRunner().invoke(main, ["db", "upgrade", "--db", fresh]).exit_code == 0
    assert _indexes(fresh) == _indexes(expected)
    execute(fresh, "drop index ix_anp_post_meta_lookup")
    import_generated(fresh, seed=0, count=25, batch_size=5)
    assert _indexes(fresh) == _indexes(expected)
