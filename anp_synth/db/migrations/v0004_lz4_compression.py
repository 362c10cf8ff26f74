"""Version 4: PostgreSQL compresses the long text columns with lz4 instead of pglz.

An article row carries ~6 KB of text (the body's sections, the outline, the summary), so
PostgreSQL compresses every one of them on the way in (TOAST). pglz, its default, costs a
first load a large share of the server's time; lz4 compresses several times faster and
decompresses faster for every reader, at a slightly larger size (benchmarks/README.md,
"TOAST compression"). ``SET COMPRESSION`` only changes how values written from now on are
compressed: no row is rewritten, so the upgrade is instant and the import ledger stays
valid; values already stored stay pglz until they are rewritten, and both read the same.

Only where the server can: PostgreSQL 14 or newer built with lz4 (Debian's and most
distributions' are), which ``pg_settings`` shows as an allowed value of
``default_toast_compression``. Elsewhere (older or lz4-less servers, SQLite) the version is
recorded and nothing else changes.

The columns are written out as they shipped (see v0001_initial.py for why a migration never
reads tables.py): every TEXT column of ``anp_articles``, and ``anp_post_meta.meta_value``.
"""

from __future__ import annotations

from sqlalchemy import Connection, text

VERSION = 4
DESCRIPTION = "PostgreSQL 14+ with lz4: the long text columns use COMPRESSION lz4"

COLUMNS: dict[str, tuple[str, ...]] = {
    "anp_articles": ("title", "intro", "body", "topic", "summary", "ai_brief", "outline_context", "outline_problem",
                     "outline_stack", "outline_action", "scenario"),
    "anp_post_meta": ("meta_value",),
}  # fmt: skip

_HAS_LZ4 = "SELECT count(*) FROM pg_settings WHERE name = 'default_toast_compression' AND 'lz4' = ANY(enumvals)"


def supported(conn: Connection) -> bool:
    """Whether this PostgreSQL server can compress with lz4 (14+, built ``--with-lz4``)."""
    if conn.dialect.name != "postgresql":
        return False
    return bool(conn.execute(text(_HAS_LZ4)).scalar())


def upgrade(conn: Connection) -> None:
    if not supported(conn):
        return
    for table, columns in COLUMNS.items():
        changes = ", ".join(f"ALTER COLUMN {c} SET COMPRESSION lz4" for c in columns)
        conn.execute(text(f"ALTER TABLE {table} {changes}"))
