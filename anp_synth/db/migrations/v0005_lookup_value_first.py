"""Version 5: the meta lookup index keyed by the value first; no column statistics for long free text.

Both changes make a bulk load's build phase cheaper; neither changes what a query finds.

- ``ix_anp_post_meta_lookup`` becomes ``(substr(meta_value, 1, 128), meta_key, article_id)``.
  The lookup it serves has an equality on both the key and the value, then reads article
  ids in order: either column order answers it with one index range, already in
  ``article_id`` order. But the key has a few dozen distinct values over ~52 rows an
  article, so sorting with the key first spends most comparisons on ties, and the index's
  build at the end of a first load was the longest single step of it (100,000 articles,
  no parallel worker: 18.8 s of sort CPU with the key first, 15.4 s with the value first;
  with the import's two parallel workers 13.0 s against 11.6 s of wall clock;
  ``benchmarks/README.md``, "The lookup index, value first").
- On PostgreSQL, ``SET STATISTICS 0`` on the nine long free-text columns of
  ``anp_articles`` that no query filters, joins or sorts on (``intro``, ``body``,
  ``summary``, ``ai_brief``, the four outline columns, ``scenario``): ANALYZE no longer
  reads and decompresses ~6 KB of TOASTed text per sampled row for statistics no plan
  uses. (``title`` and ``topic`` keep theirs: the admin list and the title search filter
  on them.)

Upgrading rebuilds the lookup index (one sort of the post-meta table, under the
migrations' lock) and rewrites no row, so the import ledger stays valid. The DDL is written
out as it shipped (see v0001_initial.py for why a migration never reads tables.py).
"""

from __future__ import annotations

from sqlalchemy import Connection, text

VERSION = 5
DESCRIPTION = "ix_anp_post_meta_lookup keyed by the value first; no statistics for long free text (PostgreSQL)"

INDEX = "CREATE INDEX ix_anp_post_meta_lookup ON anp_post_meta (substr(meta_value, 1, 128), meta_key, article_id)"

NO_STATISTICS = ("intro", "body", "summary", "ai_brief", "outline_context", "outline_problem", "outline_stack",
                 "outline_action", "scenario")  # fmt: skip
"""Columns of ``anp_articles`` that ANALYZE skips from this version on."""


def upgrade(conn: Connection) -> None:
    # IF EXISTS: a first load killed before its build leaves the index out, and the build creates it anew
    conn.execute(text("DROP INDEX IF EXISTS ix_anp_post_meta_lookup"))
    conn.execute(text(INDEX))
    if conn.dialect.name == "postgresql":
        changes = ", ".join(f"ALTER COLUMN {c} SET STATISTICS 0" for c in NO_STATISTICS)
        conn.execute(text(f"ALTER TABLE anp_articles {changes}"))
