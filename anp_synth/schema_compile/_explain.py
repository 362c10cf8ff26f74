"""The slow path: words for a value the fast path refused, worded like jsonschema's.

Only a refused value is explained, so none of this runs for a valid record.
"""

from __future__ import annotations

from typing import Any, cast

from ._dialect import is_date, is_int, same
from ._read import Spec


def _short(value: object) -> str:
    try:
        text = repr(value)
    except ValueError:  # an int past Python's 4300-digit conversion limit
        return f"an integer of {cast(int, value).bit_length()} bits"
    return text if len(text) <= 80 else text[:77] + "..."


_TYPE_OF = {"object": dict, "array": list, "string": str}


def _has_type(value: object, kind: str) -> bool:
    if kind == "integer":
        return is_int(value)
    if kind == "boolean":
        return value is True or value is False
    return isinstance(value, _TYPE_OF[kind])


def _range_message(measure: int, low: int | None, high: int | None, words: tuple[str, str]) -> str | None:
    if low is not None and measure < low:
        return words[0].format(low)
    if high is not None and measure > high:
        return words[1].format(high)
    return None


def _size_message(shown: str, size: int, low: int | None, high: int | None, words: tuple[str, str]) -> str | None:
    """What is wrong with a string's or an array's length, or None; jsonschema says "non-empty" for a minimum of 1."""
    if low == 1 and size == 0:
        return f"{shown} should be non-empty"
    found = _range_message(size, low, high, words)
    return None if found is None else f"{shown} {found}"


def explain(spec: Spec, value: object) -> str:
    """What is wrong with ``value`` at this node itself (not its children), worded like jsonschema."""
    shown = _short(value)
    if spec.kind is not None and not _has_type(value, spec.kind):
        return f"{shown} is not of type {spec.kind!r}"
    if spec.const and not same(value, spec.const[0]):
        return f"{spec.const[0]!r} was expected"
    if spec.enum is not None and not (isinstance(value, str) and value in spec.enum):
        return f"{shown} is not one of {list(spec.enum)!r}"
    if isinstance(value, str):
        found = _size_message(shown, len(value), spec.min_length, spec.max_length, _LENGTH_WORDS)
        if found is not None:
            return found
        if spec.search is not None and spec.search(value) is None:
            return f"{shown} does not match {spec.pattern!r}"
        if spec.date and not is_date(value):
            return f"{shown} is not a 'date'"
    if is_int(value):
        found = _range_message(cast(int, value), spec.minimum, spec.maximum, _NUMBER_WORDS)
        if found is not None:
            return f"{shown} {found}"
    if isinstance(value, list):
        found = _size_message(shown, len(value), spec.min_items, spec.max_items, _ITEMS_WORDS)
        if found is not None:
            return found
    if isinstance(value, dict):
        for key in spec.required:
            if key not in value:
                return f"{key!r} is a required property"
        allowed = spec.allowed
        extra = sorted(repr(k) for k in value if allowed is not None and k not in allowed)
        if extra:
            verb = "was" if len(extra) == 1 else "were"
            return f"Additional properties are not allowed ({', '.join(extra)} {verb} unexpected)"
    if spec.one_of:
        return f"{shown} is not valid under any of the given schemas"
    return f"{shown} is not valid under the schema at {spec.where}"


_LENGTH_WORDS = ("is too short (minLength {})", "is too long (maxLength {})")
_ITEMS_WORDS = ("is too short (minItems {})", "is too long (maxItems {})")
_NUMBER_WORDS = ("is less than the minimum of {}", "is greater than the maximum of {}")


def index(items: list[Any], item: object) -> int:
    """Where ``item`` sits in ``items``: loops skip enumerate on the fast path, errors ask here."""
    return next(i for i, x in enumerate(items) if x is item)
