"""The post-meta box as every view shows it: which fields, in which order, under which labels.

Records read back from JSON have their keys sorted, so the order cannot come from the dict;
it is written down here, once, in the order of the site's box (README.md, "The record's rules").
Labels are the keys with ``_`` shown as a space (``last_reviewed`` -> ``last reviewed``);
booleans show as ``1``/``0``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from ..model import Meta

Kind = Literal["scalar", "list", "object", "entities"]
Pair = tuple[str, str]

OBJECT_KEYS: dict[str, tuple[str, ...]] = {
    "ai_outline": ("context", "problem", "stack", "recommended_action"),
    "score": ("quality", "freshness", "depth", "clarity"),
    "revision": ("status", "version", "last_reviewed"),
    "flags": ("ai_generated_style", "has_images", "image_heavy", "needs_human_review"),
    "payload": ("source_id", "generator", "paragraphs", "scenario", "seed"),
}
ENTITY_KEYS: tuple[str, ...] = ("name", "type")
LIST_FIELDS = frozenset({"stack", "tools", "checklist", "notes"})

META_ORDER: tuple[str, ...] = (
    "topic", "summary", "ai_outline", "ai_brief", "stack", "tools", "code_language", "difficulty",
    "reading_time", "view_count", "score", "revision", "reference", "hash", "flags", "checklist",
    "entities", "payload", "notes",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class MetaField:
    """One row of the box; exactly one of ``value``/``items``/``pairs``/``groups`` is used, per ``kind``."""

    key: str
    label: str
    kind: Kind
    value: str = ""
    items: tuple[str, ...] = ()
    pairs: tuple[Pair, ...] = ()
    groups: tuple[tuple[Pair, ...], ...] = ()


def label(key: str) -> str:
    return key.replace("_", " ")


def scalar(value: object) -> str:
    """How one value reads in the box: booleans as 0/1 (as the site shows flags), the rest as text."""
    if isinstance(value, bool):
        return "1" if value else "0"
    return str(value)


def _pairs(obj: Mapping[str, Any], keys: Sequence[str]) -> tuple[Pair, ...]:
    return tuple((label(k), scalar(obj[k])) for k in keys)


def meta_fields(meta: Meta) -> list[MetaField]:
    """The box's rows in display order; raises KeyError naming a missing field."""
    rows: list[MetaField] = []
    m: Mapping[str, Any] = meta
    for key in META_ORDER:
        value = m[key]
        name = label(key)
        if key in OBJECT_KEYS:
            rows.append(MetaField(key, name, "object", pairs=_pairs(value, OBJECT_KEYS[key])))
        elif key == "entities":
            groups = tuple(_pairs(entity, ENTITY_KEYS) for entity in value)
            rows.append(MetaField(key, name, "entities", groups=groups))
        elif key in LIST_FIELDS:
            rows.append(MetaField(key, name, "list", items=tuple(scalar(v) for v in value)))
        else:
            rows.append(MetaField(key, name, "scalar", value=scalar(value)))
    return rows
