"""Version 2: an index for looking up one post-meta key and value across all articles.

Version 1 could only find an article's meta through the primary key (article first), so
"every article whose ``tools`` include ``pytest``" read the whole post-meta table, by far
the largest one. The index holds the key, the first ``KEY_CHARS`` characters of the value
(whole values may exceed PostgreSQL's btree entry limit) and the article id.
"""

from __future__ import annotations

from sqlalchemy import Connection
from sqlalchemy.schema import CreateIndex

from .. import tables

VERSION = 2
DESCRIPTION = "index anp_post_meta (meta_key, substr(meta_value, 1, 128), article_id) for meta lookups"


def upgrade(conn: Connection) -> None:
    for index in tables.post_meta.indexes:
        if index.name == "ix_anp_post_meta_lookup":
            conn.execute(CreateIndex(index))
