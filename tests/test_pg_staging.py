"""The importer's staging tables are its own: no search_path can route its rows into a user's table.

An overlapping import goes through temporary staging tables (COPY into them, then merge). Named
without a schema, a user table of the same name earlier in the search path would take the COPY:
``search_path=public,pg_temp`` puts ``public`` first. The staging tables are therefore always
written as ``pg_temp.anp_stage_*``.
"""

from __future__ import annotations

import pytest

from anp_synth.db import import_generated

from .db_helpers import DATA_TABLES, count, execute, rows
from .pg_cluster import PgCluster

pytestmark = pytest.mark.postgres

PUBLIC_FIRST = "?options=-csearch_path%3Dpublic,pg_temp"
USER_TABLES = ("anp_stage_articles", "anp_stage_post_meta", "anp_stage_entities", "anp_stage_similar_posts")


def test_an_overlapping_import_never_writes_into_user_tables_named_like_the_staging_tables(
    pg_url: str, pg_cluster: PgCluster
) -> None:
    import_generated(pg_url, seed=1, count=30, batch_size=10)
    # A user's own tables with the staging tables' names and columns, in the schema searched first.
    for name, like in zip(USER_TABLES, DATA_TABLES, strict=True):
        execute(pg_url, f"CREATE TABLE public.{name} (LIKE public.{like.name})")
    # A change the update must repair, so the merge (and its DELETE of changed children) runs.
    execute(pg_url, "UPDATE anp_articles SET title = 'edited by hand', hash = 'edited' WHERE seed = 7")

    report = import_generated(pg_url + PUBLIC_FIRST, seed=1, count=30, batch_size=10, on_conflict="update")

    assert report.updated == 1
    for name in USER_TABLES:
        assert count(pg_url, f"public.{name}") == 0, f"rows were copied into the user's table {name}"
    clean = pg_cluster.create_database(f"{pg_url.rsplit('/', 1)[1]}_clean")
    import_generated(clean, seed=1, count=30, batch_size=10)
    assert rows(pg_url) == rows(clean)


def test_a_skip_mode_overlap_through_staging_also_leaves_user_tables_empty(pg_url: str, pg_cluster: PgCluster) -> None:
    import_generated(pg_url, seed=1, count=20, batch_size=10)
    for name, like in zip(USER_TABLES, DATA_TABLES, strict=True):
        execute(pg_url, f"CREATE TABLE public.{name} (LIKE public.{like.name})")

    # Windows 6..15 and 16..25: each overlaps what is there, so each goes through staging.
    report = import_generated(pg_url + PUBLIC_FIRST, seed=6, count=20, batch_size=10)

    assert (report.inserted, report.skipped) == (5, 15)
    for name in USER_TABLES:
        assert count(pg_url, f"public.{name}") == 0, f"rows were copied into the user's table {name}"
    clean = pg_cluster.create_database(f"{pg_url.rsplit('/', 1)[1]}_clean")
    import_generated(clean, seed=1, count=25, batch_size=10)
    assert rows(pg_url) == rows(clean)
