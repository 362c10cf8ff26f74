"""Reading a schema node: every keyword checked once, at compile time, into a :class:`Spec`.

Anything outside the supported subset is refused here, naming where in the schema it sits,
so the code generator and the explainer only ever see a node they understand.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from ..errors import InvalidArgument
from ._dialect import ecma_pattern, is_int

_ANNOTATIONS = frozenset({"$schema", "$id", "title", "description", "$comment"})
_KEYWORDS = frozenset(
    {
        "type", "properties", "required", "additionalProperties", "items", "minItems", "maxItems",
        "minLength", "maxLength", "pattern", "minimum", "maximum", "enum", "const", "oneOf", "format",
    }
) | _ANNOTATIONS  # fmt: skip
_TYPES = frozenset({"object", "array", "string", "integer", "boolean"})
_FORMATS = frozenset({"date"})


@dataclass(frozen=True)
class Spec:
    """One schema node, validated and normalised; the code generator and the explainer read it."""

    where: str
    kind: str | None = None
    const: tuple[object, ...] = ()
    """Empty, or the one constant the value must equal."""
    enum: tuple[str, ...] | None = None
    min_length: int | None = None
    max_length: int | None = None
    pattern: str | None = None
    search: Callable[[str], object] | None = None
    date: bool = False
    minimum: int | None = None
    maximum: int | None = None
    min_items: int | None = None
    max_items: int | None = None
    items: Spec | None = None
    properties: tuple[tuple[str, Spec], ...] = ()
    required: tuple[str, ...] = ()
    closed: bool = False
    """additionalProperties: false."""
    one_of: tuple[Spec, ...] = ()
    tag: str | None = None
    """For oneOf: the property every alternative requires with its own const."""

    @property
    def allowed(self) -> frozenset[str] | None:
        return frozenset(k for k, _ in self.properties) if self.closed else None

    @property
    def exact(self) -> bool:
        """The object must hold exactly its properties: one set comparison checks its keys."""
        return self.closed and set(self.required) == {k for k, _ in self.properties}


def _size(node: Mapping[str, Any], key: str, where: str) -> int | None:
    value = node.get(key)
    if value is not None and (not is_int(value) or value < 0):
        raise InvalidArgument(f"schema at {where}: {key} must be a non-negative integer, got {value!r}")
    return value


def read(node: object, where: str) -> Spec:
    if not isinstance(node, Mapping):
        raise InvalidArgument(f"schema at {where}: expected an object, got {node!r}")
    unknown = sorted(set(node) - _KEYWORDS)
    if unknown:
        raise InvalidArgument(f"schema at {where}: keyword {unknown[0]!r} is not supported by the compiled checker")
    kind = node.get("type")
    if kind is not None and (not isinstance(kind, str) or kind not in _TYPES):
        raise InvalidArgument(f"schema at {where}: type {kind!r} is not supported")
    const: tuple[object, ...] = ()
    if "const" in node:
        if not isinstance(node["const"], str | int):  # bool is an int
            raise InvalidArgument(f"schema at {where}: const {node['const']!r} is not a string, integer or boolean")
        const = (node["const"],)
    enum = node.get("enum")
    if enum is not None and (not isinstance(enum, list) or not enum or not all(isinstance(v, str) for v in enum)):
        raise InvalidArgument(f"schema at {where}: enum must be a non-empty list of strings, got {enum!r}")
    pattern, fmt = node.get("pattern"), node.get("format")
    if pattern is not None and not isinstance(pattern, str):
        raise InvalidArgument(f"schema at {where}: pattern must be a string, got {pattern!r}")
    if fmt is not None and fmt not in _FORMATS:
        raise InvalidArgument(f"schema at {where}: format {fmt!r} is not supported")
    minimum, maximum = node.get("minimum"), node.get("maximum")
    for key, bound in (("minimum", minimum), ("maximum", maximum)):
        if bound is not None and not is_int(bound):
            raise InvalidArgument(f"schema at {where}: {key} must be an integer, got {bound!r}")
    if (minimum is not None or maximum is not None) and kind != "integer":
        # JSON Schema bounds every number; floats are never valid here, so demand the type.
        raise InvalidArgument(f"schema at {where}: minimum/maximum need type 'integer'")
    items = read(node["items"], f"{where}/items") if "items" in node else None
    properties = node.get("properties", {})
    if not isinstance(properties, Mapping) or not all(isinstance(k, str) for k in properties):
        raise InvalidArgument(f"schema at {where}: properties must map names to schemas")
    required = node.get("required", [])
    if not isinstance(required, list) or not all(isinstance(k, str) for k in required):
        raise InvalidArgument(f"schema at {where}: required must be a list of names")
    additional = node.get("additionalProperties", True)
    if not isinstance(additional, bool):
        raise InvalidArgument(f"schema at {where}: only additionalProperties true or false is supported")
    one_of: tuple[Spec, ...] = ()
    tag = None
    if "oneOf" in node:
        alternatives = node["oneOf"]
        if not isinstance(alternatives, list) or not alternatives:
            raise InvalidArgument(f"schema at {where}: oneOf must be a non-empty list of schemas")
        if set(node) - _ANNOTATIONS != {"oneOf"}:
            raise InvalidArgument(f"schema at {where}: oneOf must stand alone (put other keywords in each alternative)")
        one_of = tuple(read(alt, f"{where}/oneOf/{n}") for n, alt in enumerate(alternatives))
        tag = _discriminator(one_of)
    return Spec(
        where=where,
        kind=kind,
        const=const,
        enum=tuple(enum) if enum is not None else None,
        min_length=_size(node, "minLength", where),
        max_length=_size(node, "maxLength", where),
        pattern=pattern,
        search=ecma_pattern(pattern).search if pattern is not None else None,
        date=fmt == "date",
        minimum=minimum,
        maximum=maximum,
        min_items=_size(node, "minItems", where),
        max_items=_size(node, "maxItems", where),
        items=items,
        properties=tuple((k, read(v, f"{where}/properties/{k}")) for k, v in properties.items()),
        required=tuple(dict.fromkeys(required)),
        closed=not additional,
        one_of=one_of,
        tag=tag,
    )


def _discriminator(alternatives: tuple[Spec, ...]) -> str | None:
    """A property every alternative requires with a distinct string ``const``: oneOf is then a switch."""
    if not all(alt.kind == "object" for alt in alternatives):
        return None
    for name, _ in alternatives[0].properties:
        consts = []
        for alt in alternatives:
            prop = dict(alt.properties).get(name)
            if prop is None or not prop.const or name not in alt.required:
                break
            consts.append(prop.const[0])
        else:
            if all(isinstance(c, str) for c in consts) and len(set(consts)) == len(consts):
                return name
    return None
