"""The record types: what one generated article is, as plain typed dicts.

TypedDicts rather than dataclasses because records are produced and serialised by the
hundred thousand: a dict is what ``json`` writes fastest, and the types still let mypy
check every producer and consumer. ``schemas/article.schema.json`` is the machine-checked
twin of these types (see :mod:`anp_synth.schema`).
"""

from __future__ import annotations

import typing
from typing import Literal, NamedTuple, TypedDict, get_args, get_origin, is_typeddict

SCHEMA_VERSION = 1

Profile = Literal["realistic", "edge", "hostile"]
PROFILES: tuple[Profile, ...] = ("realistic", "edge", "hostile")
PROFILE_INDEX: dict[str, int] = {profile: index for index, profile in enumerate(PROFILES)}
"""A profile's position in :data:`PROFILES`: part of an article's id and of its reference."""

Difficulty = Literal["beginner", "intermediate", "advanced", "expert"]
DIFFICULTIES: tuple[Difficulty, ...] = ("beginner", "intermediate", "advanced", "expert")

RevisionStatus = Literal["drafted", "in_review", "published", "needs_update", "archived"]
REVISION_STATUSES: tuple[RevisionStatus, ...] = (
    "drafted",
    "in_review",
    "published",
    "needs_update",
    "archived",
)

CODE_LANGUAGES: tuple[str, ...] = (
    "python", "javascript", "typescript", "go", "rust", "java", "csharp", "php", "ruby", "kotlin",
    "elixir", "scala", "swift", "c", "cpp", "sql", "bash", "yaml", "hcl", "dockerfile",
)  # fmt: skip

ENTITY_TYPES: tuple[str, ...] = ("stack", "area", "problem", "tool", "language", "scenario", "term")


class ParagraphBlock(TypedDict):
    type: Literal["paragraph"]
    text: str


class CodeBlock(TypedDict):
    type: Literal["code"]
    language: str
    text: str


class ChecklistBlock(TypedDict):
    type: Literal["checklist"]
    items: list[str]


Block = ParagraphBlock | CodeBlock | ChecklistBlock


class Section(TypedDict):
    heading: str
    blocks: list[Block]


class SimilarPost(TypedDict):
    seed: int
    reference: str
    title: str


class Outline(TypedDict):
    context: str
    problem: str
    stack: str
    recommended_action: str


class Scores(TypedDict):
    quality: int
    freshness: int
    depth: int
    clarity: int


class Revision(TypedDict):
    status: RevisionStatus
    version: str
    last_reviewed: str


class Flags(TypedDict):
    ai_generated_style: bool
    has_images: bool
    image_heavy: bool
    needs_human_review: bool


class Entity(TypedDict):
    name: str
    type: str


class Payload(TypedDict):
    source_id: str
    generator: str
    paragraphs: int
    scenario: str
    seed: int


class Meta(TypedDict):
    topic: str
    summary: str
    ai_outline: Outline
    ai_brief: str
    stack: list[str]
    tools: list[str]
    code_language: str
    difficulty: Difficulty
    reading_time: int
    view_count: int
    score: Scores
    revision: Revision
    reference: str
    hash: str
    flags: Flags
    checklist: list[str]
    entities: list[Entity]
    payload: Payload
    notes: list[str]


class Article(TypedDict):
    schema_version: int
    generator_version: str
    profile: Profile
    seed: int
    title: str
    intro: str
    sections: list[Section]
    similar_posts: list[SimilarPost]
    meta: Meta


# -- the post-meta fields, read off Meta ---------------------------------------------------

MetaShape = Literal["value", "list", "object", "objects"]


class PostMetaField(NamedTuple):
    """One field of ``meta``: its key, its shape and its value types, in :class:`Meta`'s order.

    Everything that lays the post-meta fields out (the rendered box, the CSV columns, the
    importer's post-meta rows, the exporter's decoding) derives from :data:`META_FIELDS`,
    so the order and the sub-fields are written once: in the TypedDicts above.
    """

    key: str
    shape: MetaShape
    """``value`` (text, number or flag), ``list`` (of values), ``object`` (named sub-fields),
    ``objects`` (a list of objects with the same sub-fields)."""
    kind: type | None
    """A value's or list item's type (``str``, ``int``, ``bool``; a Literal is ``str``), None for objects."""
    fields: tuple[tuple[str, type], ...] = ()
    """An object's (or each element's) sub-fields and their types, in declaration order."""


def _value_type(tp: object) -> type | None:
    if tp in (str, int, bool):
        return typing.cast(type, tp)
    if get_origin(tp) is Literal:
        return str
    return None


def _sub_fields(tp: object) -> tuple[tuple[str, type], ...] | None:
    if not is_typeddict(tp):
        return None
    fields = []
    for name, sub in typing.get_type_hints(tp).items():
        kind = _value_type(sub)
        if kind is None:
            raise TypeError(f"no post-meta layout for {tp}: a sub-field {name} that is not a value")
        fields.append((name, kind))
    return tuple(fields)


def _meta_field(key: str, tp: object) -> PostMetaField:
    single: MetaShape = "value"
    many: MetaShape = "object"
    if get_origin(tp) is list:
        (tp,) = get_args(tp)
        single, many = "list", "objects"
    kind = _value_type(tp)
    if kind is not None:
        return PostMetaField(key, single, kind)
    fields = _sub_fields(tp)
    if fields is not None:
        return PostMetaField(key, many, None, fields)
    raise TypeError(f"no post-meta layout for meta.{key}: {tp}")


META_FIELDS: tuple[PostMetaField, ...] = tuple(_meta_field(k, tp) for k, tp in typing.get_type_hints(Meta).items())
"""The post-meta fields in the box's order (:class:`Meta`'s declaration order)."""
