"""The ``db`` commands' library: each call opens the database, does one job and says what it found."""

from __future__ import annotations

import os

import pytest

from anp_synth.db import SCHEMA_HEAD, import_generated
from anp_synth.db.admin import (
    COUNTED_TABLES,
    database_status,
    init_database,
    repair_database,
    upgrade_database,
)
from anp_synth.errors import DatabaseError

from .db_helpers import DIALECTS, execute, make_url


@pytest.fixture(params=DIALECTS)
def db_url(request: pytest.FixtureRequest) -> str:
    return make_url(request, request.param)


def test_init_creates_the_tables_once_and_then_only_reports_their_version(db_url: str) -> None:
    first = init_database(db_url)
    assert (first.version, first.created, first.outdated) == (SCHEMA_HEAD, True, False)
    again = init_database(db_url)
    assert (again.version, again.created, again.outdated) == (SCHEMA_HEAD, False, False)


def test_init_reports_an_outdated_database_and_leaves_it_at_its_version(db_url: str) -> None:
    upgrade_database(db_url, target=1)
    result = init_database(db_url)
    assert (result.version, result.created, result.outdated) == (1, False, True)
    assert database_status(db_url).version == 1


def test_upgrade_says_each_step_and_the_versions_before_and_after(db_url: str) -> None:
    steps: list[int] = []
    result = upgrade_database(db_url, target=2, on_step=lambda version, _description: steps.append(version))
    assert (result.before, result.after, steps) == (None, 2, [1, 2])
    result = upgrade_database(db_url, on_step=lambda version, _description: steps.append(version))
    assert (result.before, result.after) == (2, SCHEMA_HEAD)
    assert steps == list(range(1, SCHEMA_HEAD + 1))


def test_status_counts_the_rows_and_lists_applied_and_pending_migrations(db_url: str) -> None:
    upgrade_database(db_url, target=1)
    status = database_status(db_url)
    assert [v for v, _d, _at in status.applied] == [1]
    assert [v for v, _d in status.pending] == list(range(2, SCHEMA_HEAD + 1))
    assert status.row_counts == tuple((name, 0) for name in COUNTED_TABLES)
    upgrade_database(db_url)
    import_generated(db_url, seed=0, count=3)
    counts = dict(database_status(db_url).row_counts)
    assert counts["anp_articles"] == 3
    assert counts["anp_post_meta"] > counts["anp_articles"]
    assert counts["anp_import_ledger"] >= 1


def test_status_of_a_database_without_anp_tables_has_no_counts_and_everything_pending(db_url: str) -> None:
    execute(db_url, "create table not_ours (x integer)")
    status = database_status(db_url)
    assert (status.version, status.applied, status.row_counts, status.problems) == (None, (), (), ())
    assert [v for v, _d in status.pending] == list(range(1, SCHEMA_HEAD + 1))


def test_status_and_repair_never_create_a_sqlite_file(tmp_path: os.PathLike[str]) -> None:
    url = f"sqlite:///{os.path.join(tmp_path, 'none.db')}"
    for call in (database_status, repair_database):
        with pytest.raises(DatabaseError, match="does not exist"):
            call(url)
    assert os.listdir(tmp_path) == []


def test_repair_builds_a_dropped_index_and_status_stops_naming_it(db_url: str) -> None:
    init_database(db_url)
    execute(db_url, "drop index ix_anp_post_meta_lookup")
    assert database_status(db_url).problems == ("index ix_anp_post_meta_lookup is missing",)
    assert repair_database(db_url).repaired == ("index ix_anp_post_meta_lookup is missing",)
    assert database_status(db_url).problems == ()
    assert repair_database(db_url).repaired == ()
