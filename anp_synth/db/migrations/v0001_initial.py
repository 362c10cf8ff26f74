"""Version 1: every anp_ table, with the indexes of the admin queries.

Built from :mod:`anp_synth.db.tables` minus what later versions add (indexes whose
``info["since"]`` is above 1), so the definition lives in one place; later versions only
ever add, which keeps "head minus the later additions" equal to version 1 forever.
"""

from __future__ import annotations

from sqlalchemy import Connection
from sqlalchemy.schema import CreateIndex, CreateTable

from .. import tables

VERSION = 1
DESCRIPTION = "articles, post-meta, entities, similar posts, import ledger; admin-query indexes"


def upgrade(conn: Connection) -> None:
    for table in tables.OWNED_TABLES:
        if table is tables.schema_version:
            continue  # created by the runner before any migration
        conn.execute(CreateTable(table))
        for index in sorted(table.indexes, key=lambda ix: str(ix.name)):
            if index.info.get("since", 1) <= VERSION:
                conn.execute(CreateIndex(index))
