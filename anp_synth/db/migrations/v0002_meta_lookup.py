"""Version 2: an index for looking up one post-meta key and value across all articles.

Version 1 could only find an article's meta through the primary key (article first), so
"every article whose ``tools`` include ``pytest``" read the whole post-meta table, by far
the largest one. The index holds the key, the first ``KEY_CHARS`` characters of the value
(whole values may exceed PostgreSQL's btree entry limit) and the article id.
"""

from __future__ import annotations

from sqlalchemy import Connection, text

VERSION = 2
DESCRIPTION = "index anp_post_meta (meta_key, substr(meta_value, 1, 128), article_id) for meta lookups"

INDEX = "CREATE INDEX ix_anp_post_meta_lookup ON anp_post_meta (meta_key, substr(meta_value, 1, 128), article_id)"
"""Written out as shipped (see v0001_initial.py for why a migration never reads tables.py)."""


def upgrade(conn: Connection) -> None:
    conn.execute(text(INDEX))
