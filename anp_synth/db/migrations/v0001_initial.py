"""Version 1: every anp_ table, with the indexes of the admin queries.

The DDL is written out here as it was when version 1 shipped, and never changes again:
``tables.py`` describes the *newest* schema, so building version 1 from it would make
"version 1" mean something else after every later migration (a column added in version 5
would then be created twice on an old database, or missing on a new one). A test builds
each version from its own migrations and compares the catalog with a fresh ``db init``,
and another checks that the head of this history is exactly what ``tables.py`` declares.
"""

from __future__ import annotations

from sqlalchemy import Connection, text

VERSION = 1
DESCRIPTION = "articles, post-meta, entities, similar posts, import ledger; admin-query indexes"

VERSION_TABLE = """CREATE TABLE anp_schema_version (
    version INTEGER NOT NULL,
    description TEXT NOT NULL,
    applied_at VARCHAR(32) NOT NULL,
    PRIMARY KEY (version)
)"""
"""Created by the runner before any migration, so that the first one can be recorded."""

_ARTICLE_COLUMNS = """
    id BIGINT NOT NULL, reference VARCHAR(64) NOT NULL, seed BIGINT NOT NULL, profile VARCHAR(16) NOT NULL,
    schema_version SMALLINT NOT NULL, generator_version VARCHAR(16) NOT NULL, source_id VARCHAR(64) NOT NULL,
    hash VARCHAR(24) NOT NULL, title TEXT NOT NULL, intro TEXT NOT NULL, body TEXT NOT NULL,
    topic TEXT NOT NULL, summary TEXT NOT NULL, ai_brief TEXT NOT NULL, outline_context TEXT NOT NULL,
    outline_problem TEXT NOT NULL, outline_stack TEXT NOT NULL, outline_action TEXT NOT NULL,
    stack VARCHAR(200) NOT NULL, area VARCHAR(200) NOT NULL, language VARCHAR(200) NOT NULL,
    code_language VARCHAR(16) NOT NULL, difficulty VARCHAR(16) NOT NULL, reading_time INTEGER NOT NULL,
    view_count BIGINT NOT NULL, score_quality SMALLINT NOT NULL, score_freshness SMALLINT NOT NULL,
    score_depth SMALLINT NOT NULL, score_clarity SMALLINT NOT NULL, revision_status VARCHAR(16) NOT NULL,
    revision_version VARCHAR(16) NOT NULL, last_reviewed DATE NOT NULL, ai_generated_style BOOLEAN NOT NULL,
    has_images BOOLEAN NOT NULL, image_heavy BOOLEAN NOT NULL, needs_human_review BOOLEAN NOT NULL,
    generator VARCHAR(200) NOT NULL, paragraphs INTEGER NOT NULL, scenario TEXT NOT NULL,
    PRIMARY KEY (id), UNIQUE (reference)"""

_TABLES: tuple[tuple[str, str, bool], ...] = (
    # (name, columns and constraints, without rowid on SQLite: keyed child rows live in the key's b-tree)
    ("anp_articles", _ARTICLE_COLUMNS, False),
    ("anp_post_meta", """
    article_id BIGINT NOT NULL, meta_key VARCHAR(64) NOT NULL, position SMALLINT NOT NULL,
    meta_value TEXT NOT NULL, PRIMARY KEY (article_id, meta_key, position)""", True),
    ("anp_entities", """
    article_id BIGINT NOT NULL, position SMALLINT NOT NULL, name TEXT NOT NULL, type VARCHAR(32) NOT NULL,
    PRIMARY KEY (article_id, position)""", True),
    ("anp_similar_posts", """
    article_id BIGINT NOT NULL, position SMALLINT NOT NULL, similar_id BIGINT NOT NULL,
    similar_seed BIGINT NOT NULL, similar_reference VARCHAR(64) NOT NULL, similar_title TEXT NOT NULL,
    PRIMARY KEY (article_id, position)""", True),
    ("anp_import_ledger", """
    batch_key VARCHAR(96) NOT NULL, run_id VARCHAR(32) NOT NULL, batch_no INTEGER NOT NULL, source TEXT NOT NULL,
    first_seed BIGINT, last_seed BIGINT, first_line BIGINT, last_line BIGINT, rows_read INTEGER NOT NULL,
    rows_inserted INTEGER NOT NULL, rows_updated INTEGER NOT NULL, rows_skipped INTEGER NOT NULL,
    rows_rejected INTEGER NOT NULL, on_conflict VARCHAR(8) NOT NULL, tool_version VARCHAR(16) NOT NULL,
    committed_at VARCHAR(32) NOT NULL, PRIMARY KEY (batch_key)""", False),
)  # fmt: skip

_INDEXES = (
    "CREATE INDEX ix_anp_articles_admin_list ON anp_articles (revision_status, substr(topic, 1, 128), last_reviewed)",
    "CREATE INDEX ix_anp_articles_needs_review ON anp_articles (id) WHERE needs_human_review = {true}",
    "CREATE INDEX ix_anp_articles_stack_views ON anp_articles (stack, view_count)",
    "CREATE INDEX ix_anp_articles_title_key ON anp_articles (substr(title, 1, 128))",
)


def _column_names(body: str) -> tuple[str, ...]:
    columns = body.split("PRIMARY KEY")[0]
    return tuple(part.split()[0] for part in columns.split(",") if part.strip())


COLUMNS: dict[str, tuple[str, ...]] = {
    "anp_schema_version": ("version", "description", "applied_at"),
    **{name: _column_names(body) for name, body, _ in _TABLES},
}
"""Each table's columns at version 1, in order: what an anp-synth table of this version holds."""


def statements(dialect: str) -> list[str]:
    """The DDL of version 1 for ``dialect`` ("sqlite" or "postgresql"), in order."""
    out = []
    for name, body, without_rowid in _TABLES:
        suffix = " WITHOUT ROWID" if without_rowid and dialect == "sqlite" else ""
        out.append(f"CREATE TABLE {name} ({body}\n){suffix}")
    true = "1" if dialect == "sqlite" else "true"
    out.extend(sql.format(true=true) for sql in _INDEXES)
    return out


def upgrade(conn: Connection) -> None:
    for sql in statements(conn.dialect.name):
        conn.execute(text(sql))
