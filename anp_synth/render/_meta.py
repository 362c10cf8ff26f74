"""The post-meta box as every view shows it: which fields, in which order, under which labels.

Records read back from JSON have their keys sorted, so the order cannot come from the dict;
it is the order of the site's box (README.md, "The record's rules"), which is the order the
record model declares (:data:`anp_synth.model.META_FIELDS`): the names below derive from it.
Labels are the keys with ``_`` shown as a space (``last_reviewed`` -> ``last reviewed``);
booleans show as ``1``/``0``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from ..model import META_FIELDS, Meta

Kind = Literal["scalar", "list", "object", "entities"]
Pair = tuple[str, str]

_KINDS: dict[str, Kind] = {"value": "scalar", "list": "list", "object": "object", "objects": "entities"}

OBJECT_KEYS: dict[str, tuple[str, ...]] = {
    f.key: tuple(name for name, _ in f.fields) for f in META_FIELDS if f.shape == "object"
}
ENTITY_KEYS: tuple[str, ...] = next(tuple(name for name, _ in f.fields) for f in META_FIELDS if f.shape == "objects")
LIST_FIELDS = frozenset(f.key for f in META_FIELDS if f.shape == "list")

META_ORDER: tuple[str, ...] = tuple(f.key for f in META_FIELDS)


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
    for field in META_FIELDS:
        key = field.key
        value = m[key]
        name, kind = label(key), _KINDS[field.shape]
        keys = [k for k, _ in field.fields]
        if kind == "object":
            rows.append(MetaField(key, name, kind, pairs=_pairs(value, keys)))
        elif kind == "entities":
            rows.append(MetaField(key, name, kind, groups=tuple(_pairs(entity, keys) for entity in value)))
        elif kind == "list":
            rows.append(MetaField(key, name, kind, items=tuple(scalar(v) for v in value)))
        else:
            rows.append(MetaField(key, name, kind, value=scalar(value)))
    return rows
