"""Schema version 4: PostgreSQL with lz4 compresses the long text columns with lz4; elsewhere nothing changes."""

from __future__ import annotations

import pytest

import anp_synth.db.importer as importer_module
from anp_synth.db import import_generated
from anp_synth.db.connect import open_engine
from anp_synth.db.migrations import HEAD, upgrade, v0004_lz4_compression

from .db_helpers import catalog, execute, make_url, rows

LONG_TEXT = {
    ("anp_articles", c) for c in ("title", "intro", "body", "topic", "summary", "ai_brief", "outline_context",
                                  "outline_problem", "outline_stack", "outline_action", "scenario")
} | {("anp_post_meta", "meta_value")}  # fmt: skip


def _compressed(db_url: str, method: str) -> set[tuple[str, str]]:
    return {(t, c) for t, c, m in catalog(db_url)["compression"] if m == method}


def _lz4_server(db_url: str) -> bool:
    return execute(db_url, v0004_lz4_compression._HAS_LZ4) == [(1,)]


@pytest.mark.postgres
def test_a_fresh_database_stores_long_text_with_lz4_and_nothing_else_changes(pg_url: str) -> None:
    if not _lz4_server(pg_url):
        pytest.skip("this PostgreSQL has no lz4: version 4 changes nothing there (tested below)")
    upgrade(open_engine(pg_url))
    assert HEAD >= 4
    assert _compressed(pg_url, "l") == LONG_TEXT
    assert _compressed(pg_url, "p") == set()
    import_generated(pg_url, seed=0, count=20, batch_size=10)
    # the values long enough to be compressed were compressed with lz4
    methods = execute(pg_url, "select distinct pg_column_compression(body) from anp_articles "
                              "where pg_column_compression(body) is not null")  # fmt: skip
    assert methods == [("lz4",)]


@pytest.mark.postgres
def test_upgrading_from_version_3_keeps_every_row_and_reads_old_pglz_values_alike(
    request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> None:
    old, fresh = make_url(request, "postgresql", "old.db"), make_url(request, "postgresql", "fresh.db")
    upgrade(open_engine(old), target=3)
    with monkeypatch.context() as patch:  # version 3's importer wrote the same columns
        patch.setattr(importer_module, "_prepare_database", lambda _url, _timeout: 3)
        import_generated(old, seed=0, count=20, batch_size=10)
    before = rows(old)
    stored = execute(old, "select distinct pg_column_compression(body) from anp_articles "
                          "where pg_column_compression(body) is not null")  # fmt: skip
    assert stored == [("pglz",)]
    upgrade(open_engine(old))
    assert rows(old) == before  # no row rewritten or lost; pglz values read as before
    import_generated(fresh, seed=0, count=20, batch_size=10)
    assert rows(fresh) == before
    assert catalog(old, statistics=False) == catalog(fresh, statistics=False)


def test_on_sqlite_version_4_is_recorded_and_changes_nothing(request: pytest.FixtureRequest) -> None:
    at3, at4 = make_url(request, "sqlite", "v3.db"), make_url(request, "sqlite", "v4.db")
    upgrade(open_engine(at3), target=3)
    upgrade(open_engine(at4), target=4)
    assert catalog(at3) == catalog(at4)
    assert execute(at4, "select max(version) from anp_schema_version") == [(4,)]
