"""Version 3: tell PostgreSQL's planner that a post-meta value and its indexed prefix go together.

The meta-key lookup filters on ``substr(meta_value, 1, 128)`` (what ``ix_anp_post_meta_lookup``
holds) and on ``meta_value`` itself. Without extended statistics the planner multiplies the
two selectivities, expects one row, and for a common value (a tool, a checklist item)
picks a bitmap scan of thousands of heap pages plus a sort, whose time grows with the
table: under an import of 200,000 articles the admin list's p99 went from 6.5 ms to 2.9 s
behind such lookups. With functional-dependency statistics it walks the index and stops
at the page size: 16 ms (``benchmarks/bench_latency_pg.py``, benchmarks/README.md).

PostgreSQL collects the statistics at its next ANALYZE of the table: autovacuum runs one
as the table grows; run ``ANALYZE anp_post_meta`` after a bulk load to have them at once.
SQLite has no extended statistics: there the version is recorded and nothing else changes.
Statistics on expressions need PostgreSQL 14; older servers get them on the two columns alone.
"""

from __future__ import annotations

from sqlalchemy import Connection, text

VERSION = 3
DESCRIPTION = "PostgreSQL: dependency statistics on anp_post_meta (meta_key, meta_value, its indexed prefix)"

STATISTICS = "anp_post_meta_value_dep"


def upgrade(conn: Connection) -> None:
    if conn.dialect.name != "postgresql":
        return
    server = conn.dialect.server_version_info or (0,)
    prefix = ", (substr(meta_value, 1, 128))" if server >= (14,) else ""
    conn.execute(
        text(
            f"CREATE STATISTICS IF NOT EXISTS {STATISTICS} (dependencies) "
            f"ON meta_key, meta_value{prefix} FROM anp_post_meta"
        )
    )
