"""The target schema, once: SQLAlchemy Core tables, every name prefixed ``anp_``.

Rows are a pure function of the records: an article's ``id`` is derived from its seed and
profile (:func:`article_id`), so the importer can build post-meta, entity and similar-post
rows without asking the database for ids, and two imports of the same records give the same
rows, id for id (that is what makes kill-and-resume comparable row for row).

There are no foreign keys: every child row is written in the same transaction as its
article, by the importer alone, and a per-row foreign-key check would cost a bulk load more
than any other constraint. The natural key is ``reference`` (unique).

Long free text (topic, title, meta values: up to 2,000 characters, 8,000 UTF-8 bytes) is
never indexed whole: PostgreSQL refuses btree entries over ~2,700 bytes. Those indexes hold
``substr(column, 1, KEY_CHARS)`` instead; queries use the same expressions, exported here
as :data:`topic_key`, :data:`title_key` and :data:`meta_value_key`, and then compare the
full value as well.

Indexes carry ``info={"since": N}``, the schema version that added them (see
``docs/MIGRATIONS.md``); tables and columns without it date from version 1.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Date,
    Index,
    Integer,
    MetaData,
    SmallInteger,
    String,
    Table,
    Text,
    func,
)
from sqlalchemy.sql.elements import ColumnElement

from ..model import PROFILE_INDEX

KEY_CHARS = 128
"""Characters of long text kept in an index: at most 512 UTF-8 bytes, far below any limit."""

metadata = MetaData()

articles = Table(
    "anp_articles",
    metadata,
    Column("id", BigInteger, primary_key=True, autoincrement=False, comment="seed * 4 + profile index"),
    Column("reference", String(64), nullable=False, unique=True, comment="natural key"),
    Column("seed", BigInteger, nullable=False),
    Column("profile", String(16), nullable=False),
    Column("schema_version", SmallInteger, nullable=False),
    Column("generator_version", String(16), nullable=False),
    Column("source_id", String(64), nullable=False),
    Column("hash", String(24), nullable=False, comment="meta.hash: digest of the record's content"),
    Column("title", Text, nullable=False),
    Column("intro", Text, nullable=False),
    Column("body", Text, nullable=False, comment="sections as canonical JSON"),
    Column("topic", Text, nullable=False),
    Column("summary", Text, nullable=False),
    Column("ai_brief", Text, nullable=False),
    Column("outline_context", Text, nullable=False),
    Column("outline_problem", Text, nullable=False),
    Column("outline_stack", Text, nullable=False),
    Column("outline_action", Text, nullable=False),
    Column("stack", String(200), nullable=False, comment="meta.stack[0]"),
    Column("area", String(200), nullable=False, comment="meta.stack[1]"),
    Column("language", String(200), nullable=False, comment="meta.stack[2]"),
    Column("code_language", String(16), nullable=False),
    Column("difficulty", String(16), nullable=False),
    Column("reading_time", Integer, nullable=False),
    Column("view_count", BigInteger, nullable=False),
    Column("score_quality", SmallInteger, nullable=False),
    Column("score_freshness", SmallInteger, nullable=False),
    Column("score_depth", SmallInteger, nullable=False),
    Column("score_clarity", SmallInteger, nullable=False),
    Column("revision_status", String(16), nullable=False),
    Column("revision_version", String(16), nullable=False),
    Column("last_reviewed", Date, nullable=False),
    Column("ai_generated_style", Boolean, nullable=False),
    Column("has_images", Boolean, nullable=False),
    Column("image_heavy", Boolean, nullable=False),
    Column("needs_human_review", Boolean, nullable=False),
    Column("generator", String(200), nullable=False, comment="meta.payload.generator"),
    Column("paragraphs", Integer, nullable=False),
    Column("scenario", Text, nullable=False),
)

ARTICLE_VALUES: dict[str, tuple[str | int, ...]] = {
    "reference": ("meta", "reference"), "seed": ("seed",), "profile": ("profile",),
    "schema_version": ("schema_version",), "generator_version": ("generator_version",),
    "source_id": ("meta", "payload", "source_id"), "hash": ("meta", "hash"), "title": ("title",),
    "intro": ("intro",), "topic": ("meta", "topic"), "summary": ("meta", "summary"),
    "ai_brief": ("meta", "ai_brief"), "outline_context": ("meta", "ai_outline", "context"),
    "outline_problem": ("meta", "ai_outline", "problem"), "outline_stack": ("meta", "ai_outline", "stack"),
    "outline_action": ("meta", "ai_outline", "recommended_action"), "stack": ("meta", "stack", 0),
    "area": ("meta", "stack", 1), "language": ("meta", "stack", 2), "code_language": ("meta", "code_language"),
    "difficulty": ("meta", "difficulty"), "reading_time": ("meta", "reading_time"),
    "view_count": ("meta", "view_count"), "score_quality": ("meta", "score", "quality"),
    "score_freshness": ("meta", "score", "freshness"), "score_depth": ("meta", "score", "depth"),
    "score_clarity": ("meta", "score", "clarity"), "revision_status": ("meta", "revision", "status"),
    "revision_version": ("meta", "revision", "version"), "last_reviewed": ("meta", "revision", "last_reviewed"),
    "ai_generated_style": ("meta", "flags", "ai_generated_style"), "has_images": ("meta", "flags", "has_images"),
    "image_heavy": ("meta", "flags", "image_heavy"), "needs_human_review": ("meta", "flags", "needs_human_review"),
    "generator": ("meta", "payload", "generator"), "paragraphs": ("meta", "payload", "paragraphs"),
    "scenario": ("meta", "payload", "scenario"),
}  # fmt: skip
"""Where in a record each column of ``anp_articles`` takes its value, once for the importer's
encoder and the exporter's checks; all but ``id`` (:func:`article_id`) and ``body`` (the
``sections`` as canonical JSON), which are computed. The columns' order is the schema's own
(frozen by the migrations), not the box's."""

post_meta = Table(
    "anp_post_meta",
    metadata,
    Column("article_id", BigInteger, primary_key=True, autoincrement=False),
    Column("meta_key", String(64), primary_key=True, comment="dotted path: score.quality, entities.name"),
    Column("position", SmallInteger, primary_key=True, comment="index in a list, 0 for a scalar"),
    Column("meta_value", Text, nullable=False, comment="text; booleans as 0/1 as the box shows them"),
    sqlite_with_rowid=False,
)

entities = Table(
    "anp_entities",
    metadata,
    Column("article_id", BigInteger, primary_key=True, autoincrement=False),
    Column("position", SmallInteger, primary_key=True),
    Column("name", Text, nullable=False),
    Column("type", String(32), nullable=False),
    sqlite_with_rowid=False,
)

similar_posts = Table(
    "anp_similar_posts",
    metadata,
    Column("article_id", BigInteger, primary_key=True, autoincrement=False),
    Column("position", SmallInteger, primary_key=True),
    Column("similar_id", BigInteger, nullable=False, comment="anp_articles.id of the target, if loaded"),
    Column("similar_seed", BigInteger, nullable=False),
    Column("similar_reference", String(64), nullable=False),
    Column("similar_title", Text, nullable=False),
    sqlite_with_rowid=False,
)

import_ledger = Table(
    "anp_import_ledger",
    metadata,
    Column("batch_key", String(96), primary_key=True, comment="what the batch held: seed window or digest"),
    Column("run_id", String(32), nullable=False),
    Column("batch_no", Integer, nullable=False),
    Column("source", Text, nullable=False),
    Column("first_seed", BigInteger),
    Column("last_seed", BigInteger),
    Column("first_line", BigInteger),
    Column("last_line", BigInteger),
    Column("rows_read", Integer, nullable=False),
    Column("rows_inserted", Integer, nullable=False),
    Column("rows_updated", Integer, nullable=False),
    Column("rows_skipped", Integer, nullable=False),
    Column("rows_rejected", Integer, nullable=False),
    Column("on_conflict", String(8), nullable=False),
    Column("tool_version", String(16), nullable=False),
    Column("committed_at", String(32), nullable=False, comment="UTC ISO 8601, from the importer's clock"),
)

schema_version = Table(
    "anp_schema_version",
    metadata,
    Column("version", Integer, primary_key=True, autoincrement=False),
    Column("description", Text, nullable=False),
    Column("applied_at", String(32), nullable=False),
)

topic_key: ColumnElement[str] = func.substr(articles.c.topic, 1, KEY_CHARS)
title_key: ColumnElement[str] = func.substr(articles.c.title, 1, KEY_CHARS)
meta_value_key: ColumnElement[str] = func.substr(post_meta.c.meta_value, 1, KEY_CHARS)

# Fetch by reference: the unique constraint on anp_articles.reference already indexes it.
# Article with its similar posts, all post-meta of one article: primary-key prefixes.

# Admin list: equality on status and topic, newest last_reviewed first, 20 a page, read in index order.
Index("ix_anp_articles_admin_list", articles.c.revision_status, topic_key, articles.c.last_reviewed)
# Top viewed of a stack: equality on stack, then the index is already in view_count order.
Index("ix_anp_articles_stack_views", articles.c.stack, articles.c.view_count)
# Count needing human review: a partial index of the flagged rows only. Query it with exactly
# ``needs_human_review = 1`` on SQLite (``= true`` on PostgreSQL) so the planner matches the predicate.
Index(
    "ix_anp_articles_needs_review",
    articles.c.id,
    postgresql_where=articles.c.needs_human_review == True,  # noqa: E712 (SQL, not Python)
    sqlite_where=articles.c.needs_human_review == True,  # noqa: E712
)
# Title search by prefix: a range on the bounded title key (titles are lower case by house style).
Index("ix_anp_articles_title_key", title_key)
# Meta-key lookup across articles (added in version 2): the bounded value, then the key (the
# value first since version 5: the same lookups, a much cheaper sort to build), then the article.
Index(
    "ix_anp_post_meta_lookup",
    meta_value_key,
    post_meta.c.meta_key,
    post_meta.c.article_id,
    info={"since": 2},
)

OWNED_TABLES: tuple[Table, ...] = (schema_version, articles, post_meta, entities, similar_posts, import_ledger)
"""Every table anp-synth creates, in creation order; it never touches any other table."""

CHILD_TABLES: tuple[Table, ...] = (post_meta, entities, similar_posts)


def article_id(seed: int, profile: str) -> int:
    """``seed * 4 + profile index``: unique per (seed, profile), stable across runs, < 2**50.

    The one statement of the rule: the importer's encoder, the exporter's checks and the
    similar-post ids all call this. A profile that is not one of ``PROFILES`` is a KeyError.
    """
    return seed * 4 + PROFILE_INDEX[profile]


__all__ = [
    "ARTICLE_VALUES",
    "CHILD_TABLES",
    "KEY_CHARS",
    "OWNED_TABLES",
    "article_id",
    "articles",
    "entities",
    "import_ledger",
    "meta_value_key",
    "metadata",
    "post_meta",
    "schema_version",
    "similar_posts",
    "title_key",
    "topic_key",
]
