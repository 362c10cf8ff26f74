"""Compile the JSON Schema subset that :mod:`anp_synth.schema` uses into one fast Python check.

``jsonschema`` is complete but costs about 1.4 ms a record, which would cap the importer at
~700 rows/s. The record schema uses a dozen keywords, so this module turns it into Python
source (one function, leaf checks inlined, one loop per array) compiled once; a record then
costs tens of microseconds. Anything outside the subset raises :class:`InvalidArgument` at
compile time, so a keyword added to the schema later can never be silently ignored, and the
tests keep this checker and jsonschema's Draft 2020-12 validator in agreement.

Deliberate differences from jsonschema, both stricter and both what a record needs:

* ``"integer"`` accepts Python ``int`` only (never ``bool``, never a float such as ``3.0``):
  the record model declares ``int`` and the hash covers the text, where ``3.0`` is not ``3``.
  ``const`` and ``enum`` compare the same way (``True`` is not ``1``, ``1.0`` is not ``1``).
* ``pattern`` follows ECMA-262 as the JSON Schema spec says: ``$`` matches only at the very
  end, where Python's ``re`` (and so jsonschema) also accepts a trailing newline. Escapes whose
  meaning differs between the two dialects (``\\d``, ``\\w``, ``\\s``, ``\\b``...) are refused.
* ``format: "date"`` is an RFC 3339 full-date (``YYYY-MM-DD`` that ``date.fromisoformat``
  accepts), the same rule jsonschema applies.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, cast

from .errors import InvalidArgument

__all__ = ["Checker", "SchemaError", "SizedChecker", "compile_schema", "compile_sized", "ecma_pattern", "is_date"]

Path = tuple[str | int, ...]
SchemaError = tuple[Path, str]
"""Where the first broken value sits (keys and indexes from the root) and what is wrong."""
Checker = Callable[[object], SchemaError | None]
SizedChecker = Callable[[object], tuple[SchemaError | None, int]]

_ANNOTATIONS = frozenset({"$schema", "$id", "title", "description", "$comment"})
_KEYWORDS = frozenset(
    {
        "type", "properties", "required", "additionalProperties", "items", "minItems", "maxItems",
        "minLength", "maxLength", "pattern", "minimum", "maximum", "enum", "const", "oneOf", "format",
    }
) | _ANNOTATIONS  # fmt: skip
_TYPES = frozenset({"object", "array", "string", "integer", "boolean"})
_FORMATS = frozenset({"date"})
_DATE_SHAPE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def is_date(value: str) -> bool:
    """An RFC 3339 full-date: the ``YYYY-MM-DD`` shape (3.11's fromisoformat also takes
    ``20210101`` and week dates) and a real calendar day."""
    if _DATE_SHAPE.fullmatch(value) is None:
        return False
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


_ECMA_DOT = "[^\\n\\r\u2028\u2029]"
"""ECMA's ``.`` stops at every line terminator, Python's only at ``\\n``."""
_UNSAFE_ESCAPES = frozenset("dDwWsSbBAZzpPkg")
"""Escapes whose meaning differs between ECMA-262 and Python (or that Python lacks)."""


def ecma_pattern(pattern: str) -> re.Pattern[str]:
    """Compile an ECMA-262 ``pattern`` so Python's ``re.search`` gives the same answer.

    ``$`` becomes ``\\Z`` (ECMA's ``$`` never matches before a final newline) and ``.`` stops
    at every line terminator; escapes and groups that mean something else in one of the
    dialects are refused.
    """
    out: list[str] = []
    in_class = False
    after_quantifier = False
    i = 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            if i + 1 >= len(pattern):
                raise InvalidArgument(f"pattern {pattern!r} ends with a lone backslash")
            nxt = pattern[i + 1]
            if nxt in _UNSAFE_ESCAPES or (nxt.isdigit() and nxt != "0"):
                raise InvalidArgument(f"pattern {pattern!r}: escape \\{nxt} is not supported (ECMA and Python differ)")
            out.append(pattern[i : i + 2])
            after_quantifier = False
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
            if pattern.startswith(("[^]", "[]"), i):
                raise InvalidArgument(f"pattern {pattern!r}: a class starting with ']' is not supported")
        elif c == "$":
            c = r"\Z"
        elif c == ".":
            c = _ECMA_DOT
        elif c == "+" and after_quantifier:
            raise InvalidArgument(f"pattern {pattern!r}: possessive quantifiers are not ECMA-262")
        elif c == "(" and pattern.startswith("(?", i) and not pattern.startswith(("(?:", "(?=", "(?!"), i):
            raise InvalidArgument(f"pattern {pattern!r}: group syntax {pattern[i : i + 3]!r} is not supported")
        after_quantifier = not in_class and c in "*+?}"
        out.append(c)
        i += 1
    try:
        return re.compile("".join(out))
    except re.error as exc:
        raise InvalidArgument(f"pattern {pattern!r} does not compile: {exc}") from None


# --- reading a schema node: every keyword checked once, at compile time -------------------------


@dataclass(frozen=True)
class _Spec:
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
    items: _Spec | None = None
    properties: tuple[tuple[str, _Spec], ...] = ()
    required: tuple[str, ...] = ()
    closed: bool = False
    """additionalProperties: false."""
    one_of: tuple[_Spec, ...] = ()
    tag: str | None = None
    """For oneOf: the property every alternative requires with its own const."""

    @property
    def allowed(self) -> frozenset[str] | None:
        return frozenset(k for k, _ in self.properties) if self.closed else None

    @property
    def exact(self) -> bool:
        """The object must hold exactly its properties: one set comparison checks its keys."""
        return self.closed and set(self.required) == {k for k, _ in self.properties}


def _is_int(value: object) -> bool:
    return isinstance(value, int) and value is not True and value is not False


def _size(node: Mapping[str, Any], key: str, where: str) -> int | None:
    value = node.get(key)
    if value is not None and (not _is_int(value) or value < 0):
        raise InvalidArgument(f"schema at {where}: {key} must be a non-negative integer, got {value!r}")
    return value


def _read(node: object, where: str) -> _Spec:
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
        if bound is not None and not _is_int(bound):
            raise InvalidArgument(f"schema at {where}: {key} must be an integer, got {bound!r}")
    if (minimum is not None or maximum is not None) and kind != "integer":
        # JSON Schema bounds every number; floats are never valid here, so demand the type.
        raise InvalidArgument(f"schema at {where}: minimum/maximum need type 'integer'")
    items = _read(node["items"], f"{where}/items") if "items" in node else None
    properties = node.get("properties", {})
    if not isinstance(properties, Mapping) or not all(isinstance(k, str) for k in properties):
        raise InvalidArgument(f"schema at {where}: properties must map names to schemas")
    required = node.get("required", [])
    if not isinstance(required, list) or not all(isinstance(k, str) for k in required):
        raise InvalidArgument(f"schema at {where}: required must be a list of names")
    additional = node.get("additionalProperties", True)
    if not isinstance(additional, bool):
        raise InvalidArgument(f"schema at {where}: only additionalProperties true or false is supported")
    one_of: tuple[_Spec, ...] = ()
    tag = None
    if "oneOf" in node:
        alternatives = node["oneOf"]
        if not isinstance(alternatives, list) or not alternatives:
            raise InvalidArgument(f"schema at {where}: oneOf must be a non-empty list of schemas")
        if set(node) - _ANNOTATIONS != {"oneOf"}:
            raise InvalidArgument(f"schema at {where}: oneOf must stand alone (put other keywords in each alternative)")
        one_of = tuple(_read(alt, f"{where}/oneOf/{n}") for n, alt in enumerate(alternatives))
        tag = _discriminator(one_of)
    return _Spec(
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
        properties=tuple((k, _read(v, f"{where}/properties/{k}")) for k, v in properties.items()),
        required=tuple(dict.fromkeys(required)),
        closed=not additional,
        one_of=one_of,
        tag=tag,
    )


def _discriminator(alternatives: tuple[_Spec, ...]) -> str | None:
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


# --- the slow path: words for a value the fast path refused ---------------------------------------


def _short(value: object) -> str:
    try:
        text = repr(value)
    except ValueError:  # an int past Python's 4300-digit conversion limit
        return f"an integer of {cast(int, value).bit_length()} bits"
    return text if len(text) <= 80 else text[:77] + "..."


_TYPE_OF = {"object": dict, "array": list, "string": str}


def _has_type(value: object, kind: str) -> bool:
    if kind == "integer":
        return _is_int(value)
    if kind == "boolean":
        return value is True or value is False
    return isinstance(value, _TYPE_OF[kind])


def _range_message(measure: int, low: int | None, high: int | None, words: tuple[str, str]) -> str | None:
    if low is not None and measure < low:
        return words[0].format(low)
    if high is not None and measure > high:
        return words[1].format(high)
    return None


def _explain(spec: _Spec, value: object) -> str:
    """What is wrong with ``value`` at this node itself (not its children), worded like jsonschema."""
    shown = _short(value)
    if spec.kind is not None and not _has_type(value, spec.kind):
        return f"{shown} is not of type {spec.kind!r}"
    if spec.const and not _same(value, spec.const[0]):
        return f"{spec.const[0]!r} was expected"
    if spec.enum is not None and not (isinstance(value, str) and value in spec.enum):
        return f"{shown} is not one of {list(spec.enum)!r}"
    if isinstance(value, str):
        if spec.min_length == 1 and not value:
            return f"{shown} should be non-empty"
        found = _range_message(len(value), spec.min_length, spec.max_length, _LENGTH_WORDS)
        if found is not None:
            return f"{shown} {found}"
        if spec.search is not None and spec.search(value) is None:
            return f"{shown} does not match {spec.pattern!r}"
        if spec.date and not is_date(value):
            return f"{shown} is not a 'date'"
    if _is_int(value):
        found = _range_message(cast(int, value), spec.minimum, spec.maximum, _NUMBER_WORDS)
        if found is not None:
            return f"{shown} {found}"
    if isinstance(value, list):
        if spec.min_items == 1 and not value:
            return f"{shown} should be non-empty"
        found = _range_message(len(value), spec.min_items, spec.max_items, _ITEMS_WORDS)
        if found is not None:
            return f"{shown} {found}"
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


def _same(value: object, const: object) -> bool:
    """JSON equality, without Python's ``True == 1`` and ``1.0 == 1``."""
    if isinstance(const, bool):
        return value is const
    if isinstance(const, int):
        return _is_int(value) and value == const
    return isinstance(value, str) and value == const


def _index(items: list[Any], item: object) -> int:
    """Where ``item`` sits in ``items``: loops skip enumerate on the fast path, errors ask here."""
    return next(i for i, x in enumerate(items) if x is item)


def _generic_size(value: object) -> int:
    """:func:`compile_sized`'s size of ``value``, for the parts no schema node spells out.

    -1 for keys out of order, and for floats: ``1e2`` is shorter than ``100.0``, so length
    alone could not tell their spellings apart.
    """
    if isinstance(value, str):
        return len(value) + 2
    if value is True or value is None:
        return 4
    if value is False:
        return 5
    if isinstance(value, int):
        return len(str(value)) if value.bit_length() < 10_000 else -1  # str() refuses 4300+ digits
    if isinstance(value, dict):
        keys = list(value)
        if not all(isinstance(k, str) for k in keys) or keys != sorted(keys):
            return -1
        total = 1 + len(keys) if keys else 2  # braces and commas
        for key, item in value.items():
            found = _generic_size(item)
            if found < 0:
                return -1
            total += len(key) + 3 + found  # quotes and colon
        return total
    if isinstance(value, list):
        total = 1 + len(value) if value else 2  # brackets and commas
        for item in value:
            found = _generic_size(item)
            if found < 0:
                return -1
            total += found
        return total
    return -1


# --- the fast path: Python source -------------------------------------------------------------


class _Emitter:
    """Builds the source of one check function, naming its constants and variables."""

    def __init__(self, *, sized: bool) -> None:
        self.sized = sized
        """Also add up the canonical size (see :func:`compile_sized`)."""
        self.counting = sized
        """False inside a value a generic walk has already sized."""
        self.lines: list[str] = []
        self.consts: dict[str, object] = {
            "_explain": _explain,
            "_index": _index,
            "_is_int": _is_int,
            "_is_date": is_date,
            "_generic_size": _generic_size,
        }
        self._names = 0

    def name(self, prefix: str) -> str:
        self._names += 1
        return f"{prefix}{self._names}"

    def const(self, value: object, prefix: str = "_c") -> str:
        key = self.name(prefix)
        self.consts[key] = value
        return key

    def emit(self, indent: int, line: str) -> None:
        self.lines.append("    " * indent + line)

    def fail(self, indent: int, path: tuple[str, ...], message: str) -> None:
        """``path`` holds source fragments (quoted keys, index expressions)."""
        where = "(" + "".join(p + ", " for p in path) + ")"
        self.emit(indent, f"return ({where}, {message})" + (", -1" if self.sized else ""))

    def fail_node(self, indent: int, path: tuple[str, ...], spec: _Spec, var: str) -> None:
        self.fail(indent, path, f"_explain({self.const(spec, '_spec')}, {var})")

    def add(self, indent: int, size: str) -> None:
        if self.counting:
            self.emit(indent, f"_n += {size}")

    def generic_size(self, var: str, indent: int) -> bool:
        """Size ``var`` with the generic walk; True if sizing must pause below it."""
        if not self.counting:
            return False
        self.emit(indent, f"_c = _generic_size({var})")
        self.emit(indent, "if _c < 0:")
        self.emit(indent + 1, "_sorted = False")
        self.emit(indent, "_n += _c")
        self.counting = False
        return True


def _range_test(measure: str, low: int | None, high: int | None, *, length: bool) -> str | None:
    if length and low == 0:
        low = None
    if low is None and high is None:
        return None
    return "not " + " <= ".join(str(x) for x in (low, measure, high) if x is not None)


def _measured(em: _Emitter, spec: _Spec, var: str) -> str:
    """``len(var)`` for a string or array node's length test; when sizing, also kept in ``_m``.

    The test sits unguarded in the node's ``or`` chain, so once the chain is false it ran and
    :func:`_gen_size` may reuse ``_m`` instead of measuring again.
    """
    return f"(_m := len({var}))" if em.counting and spec.kind in ("string", "array") else f"len({var})"


def _keeps_length(spec: _Spec) -> bool:
    """Whether :func:`_failure_terms` left this node's length in ``_m`` (see :func:`_measured`)."""
    if spec.kind == "string":
        return _range_test("", spec.min_length, spec.max_length, length=True) is not None
    if spec.kind == "array":
        return _range_test("", spec.min_items, spec.max_items, length=True) is not None
    return False


def _failure_terms(em: _Emitter, spec: _Spec, var: str) -> list[str]:
    """Expressions, joined by ``or``, true when ``var`` breaks this node's own keywords.

    Each term runs only once the earlier ones were false, so after the type term it may
    assume the type; terms of a type the node does not declare carry their own guard.
    """
    terms = []
    guards = {
        "string": f"isinstance({var}, str)",
        "integer": f"_is_int({var})",
        "array": f"isinstance({var}, list)",
        "object": f"isinstance({var}, dict)",
    }

    def guarded(kind: str, test: str) -> str:
        return test if spec.kind == kind else f"({guards[kind]} and {test})"

    if spec.kind == "integer":
        terms.append(f"({var}.__class__ is not int and not _is_int({var}))")
    elif spec.kind == "boolean":
        terms.append(f"({var} is not True and {var} is not False)")
    elif spec.kind is not None:
        terms.append(f"not {guards[spec.kind]}")
    if spec.const:
        value = spec.const[0]
        if isinstance(value, bool):
            terms.append(f"{var} is not {value!r}")
        elif isinstance(value, int):
            terms.append(f"not (_is_int({var}) and {var} == {value!r})")
        else:
            terms.append(f"not (isinstance({var}, str) and {var} == {value!r})")
    if spec.enum is not None:
        terms.append(f"not (isinstance({var}, str) and {var} in {{{', '.join(repr(v) for v in spec.enum)}}})")
    length = _range_test(_measured(em, spec, var), spec.min_length, spec.max_length, length=True)
    if length is not None:
        terms.append(guarded("string", f"({length})"))
    if spec.search is not None:
        terms.append(guarded("string", f"{em.const(spec.search, '_re')}({var}) is None"))
    if spec.date:
        terms.append(guarded("string", f"not _is_date({var})"))
    bounds = _range_test(var, spec.minimum, spec.maximum, length=False)
    if bounds is not None:
        terms.append(f"({bounds})")  # minimum/maximum imply type integer (checked by _read)
    count = _range_test(_measured(em, spec, var), spec.min_items, spec.max_items, length=True)
    if count is not None:
        terms.append(guarded("array", f"({count})"))
    return terms


def _gen(em: _Emitter, spec: _Spec, var: str, path: tuple[str, ...], indent: int) -> None:
    """Emit the checks of ``spec`` on the value held in ``var`` (and, if sized, its size)."""
    terms = _failure_terms(em, spec, var)
    if terms:
        em.emit(indent, f"if {' or '.join(terms)}:")
        em.fail_node(indent + 1, path, spec, var)
    paused = _gen_size(em, spec, var, indent)
    if spec.items is not None:
        inner = indent if spec.kind == "array" else indent + 1
        if spec.kind != "array":
            em.emit(indent, f"if isinstance({var}, list):")
        item = em.name("v")
        em.emit(inner, f"for {item} in {var}:")
        _gen(em, spec.items, item, (*path, f"_index({var}, {item})"), inner + 1)
    if spec.kind == "object" or spec.properties or spec.required or spec.closed:
        _gen_object(em, spec, var, path, indent)
    if spec.one_of:
        _gen_one_of(em, spec, var, path, indent)
    if paused:
        em.counting = True


def _gen_size(em: _Emitter, spec: _Spec, var: str, indent: int) -> bool:
    """Add this node's own share of the canonical size; True if a generic walk took the subtree.

    Runs once the node's checks passed, so the value has the node's type.
    """
    const = spec.const[0] if spec.const else None
    size = "_m" if _keeps_length(spec) else f"len({var})"
    if isinstance(const, bool):
        em.add(indent, "4" if const else "5")
    elif isinstance(const, int):
        em.add(indent, str(len(str(const))))
    elif isinstance(const, str):
        em.add(indent, str(len(const) + 2))
    elif spec.kind == "string" or spec.enum is not None:
        em.add(indent, f"{size} + 2")
    elif spec.kind == "integer":
        em.add(indent, f"len(str({var}))")
    elif spec.kind == "boolean":
        em.add(indent, f"4 if {var} is True else 5")
    elif spec.kind == "array" and spec.items is not None:
        em.add(indent, f"{size} + 1 if {size} else 2")
    elif spec.kind == "object" or spec.tag is not None:
        pass  # _gen_object or the chosen alternative sizes it
    else:
        return em.generic_size(var, indent)
    return False


def _gen_object(em: _Emitter, spec: _Spec, var: str, path: tuple[str, ...], indent: int) -> None:
    inner = indent
    if spec.kind != "object":
        em.emit(indent, f"if isinstance({var}, dict):")
        inner = indent + 1
    paused = False
    if spec.exact:
        allowed = em.const(spec.allowed)
        if em.counting:
            # Sorted keys are canonical JSON's order; one list comparison checks the key set too.
            keys = sorted(k for k, _ in spec.properties)
            em.emit(inner, f"if list({var}) != {em.const(keys, '_order')}:")
            em.emit(inner + 1, f"if {var}.keys() != {allowed}:")
            em.fail_node(inner + 2, path, spec, var)
            em.emit(inner + 1, "_sorted = False")
            # braces, commas, and each key with its quotes and colon
            em.add(inner, str((1 + len(keys) if keys else 2) + sum(len(k) + 3 for k in keys)))
        else:
            em.emit(inner, f"if {var}.keys() != {allowed}:")
            em.fail_node(inner + 1, path, spec, var)
    else:
        paused = em.generic_size(var, inner)
        if spec.required:
            em.emit(inner, f"for _k in {em.const(spec.required)}:")
            em.emit(inner + 1, f"if _k not in {var}:")
            em.fail_node(inner + 2, path, spec, var)
        if spec.closed:
            em.emit(inner, f"for _k in {var}:")
            em.emit(inner + 1, f"if _k not in {em.const(spec.allowed)}:")
            em.fail_node(inner + 2, path, spec, var)
    for key, sub in spec.properties:
        child = em.name("v")
        if key in spec.required:
            em.emit(inner, f"{child} = {var}[{key!r}]")
            _gen(em, sub, child, (*path, repr(key)), inner)
        else:
            em.emit(inner, f"if {key!r} in {var}:")
            em.emit(inner + 1, f"{child} = {var}[{key!r}]")
            _gen(em, sub, child, (*path, repr(key)), inner + 1)
    if paused:
        em.counting = True


def _gen_one_of(em: _Emitter, spec: _Spec, var: str, path: tuple[str, ...], indent: int) -> None:
    if spec.tag is not None:
        # Each alternative requires the tag to equal its own const, so at most one can hold.
        tag = em.name("t")
        em.emit(indent, f"{tag} = {var}.get({spec.tag!r}) if isinstance({var}, dict) else None")
        keyword = "if"
        for alt in spec.one_of:
            value = dict(alt.properties)[spec.tag].const[0]
            em.emit(indent, f"{keyword} {tag} == {value!r} and isinstance({tag}, str):")
            _gen(em, alt, var, path, indent + 1)
            keyword = "elif"
        em.emit(indent, "else:")
        em.fail_node(indent + 1, path, spec, var)
        return
    # General case: count the alternatives that hold, each compiled as its own function.
    checks = [em.const(_compile(alt, sized=False), "_alt") for alt in spec.one_of]
    count = em.name("n")
    em.emit(indent, f"{count} = " + " + ".join(f"({c}({var}) is None)" for c in checks))
    em.emit(indent, f"if {count} != 1:")
    em.fail(
        indent + 1,
        path,
        f"_explain({em.const(spec, '_spec')}, {var}) if {count} == 0 "
        f"else repr({var})[:80] + ' is valid under each of ' + str({count}) + ' schemas'",
    )


def _compile(spec: _Spec, *, sized: bool) -> Any:
    em = _Emitter(sized=sized)
    em.emit(0, "def check(v0):")
    if sized:
        em.emit(1, "_n = 0")
        em.emit(1, "_sorted = True")
    _gen(em, spec, "v0", (), 1)
    em.emit(1, "return None, (_n if _sorted else -1)" if sized else "return None")
    source = "\n".join(em.lines) + "\n"
    namespace: dict[str, Any] = dict(em.consts)
    exec(compile(source, f"<compiled schema {spec.where}>", "exec"), namespace)
    check = namespace["check"]
    check.__doc__ = source  # the generated code, for whoever debugs a verdict
    return check


def compile_schema(schema: Mapping[str, Any]) -> Checker:
    """A function returning the first ``(path, message)`` that breaks ``schema``, or None.

    Raises :class:`InvalidArgument` for any keyword, type, format or pattern outside the
    supported subset, naming where in the schema it sits.
    """
    check: Checker = _compile(_read(schema, "#"), sized=False)
    return check


def compile_sized(schema: Mapping[str, Any]) -> SizedChecker:
    """Like :func:`compile_schema`, and also size the value's canonical JSON in the same pass.

    Returns ``(error, size)``: ``size`` is the length of ``rules.canonical_json(value)``
    counting each escape sequence as the one character it stands for, or -1 if some object
    does not list its keys in sorted order (or a float makes length ambiguous).
    :mod:`anp_synth.canonical` uses it to recognise a canonical line without serialising.
    """
    check: SizedChecker = _compile(_read(schema, "#"), sized=True)
    return check
