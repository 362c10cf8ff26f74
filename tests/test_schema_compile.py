"""The compiled schema checker says what jsonschema says, and the fast validation paths agree.

``anp_synth.schema_compile`` replaces jsonschema on the hot path; these properties keep it
honest: on every generated record (all profiles) and on records broken one field at a time,
its verdict is jsonschema's Draft 2020-12 verdict, except for the two documented cases where
it is deliberately stricter (integral floats for integers, a trailing newline against ``$``).
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from anp_synth import rules
from anp_synth.canonical import is_canonical
from anp_synth.errors import InvalidArgument, RecordError
from anp_synth.generator import build
from anp_synth.model import PROFILES
from anp_synth.schema import article_schema, schema_json, validator
from anp_synth.schema_compile import compile_schema, compile_sized, ecma_pattern
from anp_synth.validate import check_line_record, check_record

ROOT = Path(__file__).resolve().parent.parent
SEEDS = st.integers(min_value=0, max_value=10**9)
PROFILE = st.sampled_from(PROFILES)
SETTINGS = settings(suppress_health_check=[HealthCheck.too_slow])


@lru_cache(maxsize=1)
def compiled() -> Any:
    return compile_schema(article_schema())


@lru_cache(maxsize=1)
def sized() -> Any:
    return compile_sized(article_schema())


def jsonschema_valid(obj: object) -> bool:
    return bool(validator().is_valid(obj))


@lru_cache(maxsize=256)
def _line(seed: int, profile: str) -> str:
    return build(seed, profile)[1]


def fresh(seed: int, profile: str) -> dict[str, Any]:
    """A record as the importer holds it: parsed from its line (a private copy)."""
    record: dict[str, Any] = json.loads(_line(seed, profile))
    return record


# --- the committed schema ------------------------------------------------------------------------


def test_the_committed_schema_file_is_the_one_schema_py_builds() -> None:
    committed = (ROOT / "schemas" / "article.schema.json").read_text(encoding="utf-8")
    assert committed == schema_json(), "rebuild schemas/article.schema.json from anp_synth.schema.schema_json()"


def test_the_record_schema_compiles_and_is_a_valid_draft_2020_12_schema() -> None:
    validator().check_schema(article_schema())
    assert compiled()(fresh(0, "realistic")) is None


# --- every generated record is valid, by every path ---------------------------------------------


@SETTINGS
@given(seed=SEEDS, profile=PROFILE)
def test_every_generated_record_validates_on_every_path(seed: int, profile: str) -> None:
    line = _line(seed, profile)
    record, text = build(seed, profile)
    assert text == line
    parsed = json.loads(line)
    assert compiled()(record) is None
    assert compiled()(parsed) is None
    assert jsonschema_valid(parsed)
    check_record(record)
    check_record(parsed)
    check_line_record(parsed, line)
    error, size = sized()(parsed)
    assert error is None
    assert size == canonical_size(parsed)
    assert is_canonical(line, size)


# --- mutations: compiled and jsonschema agree ---------------------------------------------------


def _nodes(
    value: Any, node: dict[str, Any], path: tuple[Any, ...] = ()
) -> Iterator[tuple[tuple[Any, ...], Any, dict[str, Any]]]:
    """Every (path, value, schema node) of a valid record, oneOf resolved by the block's type."""
    if "oneOf" in node:
        node = next(alt for alt in node["oneOf"] if alt["properties"]["type"]["const"] == value["type"])
    yield path, value, node
    if isinstance(value, dict):
        for key, sub in node.get("properties", {}).items():
            yield from _nodes(value[key], sub, (*path, key))
    elif isinstance(value, list) and "items" in node:
        for i, item in enumerate(value):
            yield from _nodes(item, node["items"], (*path, i))


def _set(record: Any, path: tuple[Any, ...], value: Any) -> Any:
    """``record`` with the value at ``path`` replaced (the root too)."""
    if not path:
        return value
    target = record
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return record


ANY_JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False).filter(lambda f: not f.is_integer())
    | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=8,
)
"""Any JSON value but integral floats (the documented difference)."""

OTHER_TYPES: dict[str, list[Any]] = {
    "object": [[], "x", 1, None, True],
    "array": [{}, "x", 1, None, False],
    "string": [1, [], {}, None, True, 1.5],
    "integer": ["1", 1.5, None, [], True, False],
    "boolean": [0, 1, "true", None, []],
}


@st.composite
def mutated(draw: st.DrawFn) -> tuple[str, Any]:
    """A generated record broken (or, at a boundary, not) in one of the ways the brief lists."""
    record = fresh(draw(SEEDS), draw(PROFILE))
    nodes = list(_nodes(record, article_schema()))
    kind = draw(
        st.sampled_from(
            ["drop-key", "add-key", "type", "int-range", "string-length", "array-length", "enum", "pattern",
             "bool-for-int", "float-for-int", "block-type", "const", "arbitrary"]
        )
    )  # fmt: skip

    def pick(test: Any) -> tuple[tuple[Any, ...], Any, dict[str, Any]]:
        choices = [n for n in nodes if test(n[2], n[1])]
        assume(choices)
        return draw(st.sampled_from(choices))

    if kind == "drop-key":
        path, value, _ = pick(lambda node, v: isinstance(v, dict))
        del value[draw(st.sampled_from(sorted(value)))]
    elif kind == "add-key":
        path, value, _ = pick(lambda node, v: isinstance(v, dict))
        value[draw(st.sampled_from(["extra", "hash", "", "Type", "seed "]))] = draw(st.sampled_from([1, "x", None]))
    elif kind == "type":
        path, value, node = pick(lambda node, v: node.get("type") in OTHER_TYPES)
        record = _set(record, path, draw(st.sampled_from(OTHER_TYPES[node["type"]])))
    elif kind == "int-range":
        path, value, node = pick(lambda node, v: node.get("type") == "integer")
        low, high = node["minimum"], node["maximum"]
        record = _set(record, path, draw(st.sampled_from([low - 1, low, high, high + 1, -(2**64), 2**64])))
    elif kind == "string-length":
        path, value, node = pick(lambda node, v: "maxLength" in node)
        low, high = node.get("minLength", 0), node["maxLength"]
        size = draw(st.sampled_from([max(0, low - 1), low, high, high + 1]))
        record = _set(record, path, draw(st.sampled_from(["x", "é", "🚀", "a\u0301"])) * size)
    elif kind == "array-length":
        path, value, node = pick(lambda node, v: node.get("type") == "array" and len(v) > 0)
        size = draw(
            st.sampled_from([0, node.get("minItems", 0), node.get("maxItems", 64), node.get("maxItems", 64) + 1])
        )
        record = _set(record, path, [copy.deepcopy(value[i % len(value)]) for i in range(size)])
    elif kind == "enum":
        path, value, node = pick(lambda node, v: "enum" in node)
        record = _set(record, path, draw(st.sampled_from(["nope", value.upper(), value + " ", "", 1])))
    elif kind == "pattern":
        path, value, node = pick(lambda node, v: "pattern" in node)
        record = _set(
            record, path, draw(st.sampled_from([value + "x", "x" + value, value[:-1], "", " " + value, "٣" + value]))
        )
    elif kind == "bool-for-int":
        path, value, node = pick(lambda node, v: node.get("type") == "integer")
        record = _set(record, path, draw(st.booleans()))
    elif kind == "float-for-int":
        path, value, node = pick(lambda node, v: node.get("type") == "integer")
        # non-integral: integral floats are the documented difference, tested on their own
        record = _set(record, path, value % 1000 + draw(st.sampled_from([0.5, -0.25, 1e-9])))
    elif kind == "block-type":
        path, value, node = pick(
            lambda node, v: "oneOf" in node or node.get("properties", {}).get("type", {}).get("const")
        )
        value["type"] = draw(st.sampled_from(["paragraph", "code", "checklist", "quote", "", 1]))
    elif kind == "arbitrary":
        path, value, node = pick(lambda node, v: True)
        record = _set(record, path, draw(ANY_JSON))
    else:
        path, value, node = pick(lambda node, v: "const" in node)
        _set(
            record, path, draw(st.sampled_from([True, 1.5, "1", None, value + 1 if isinstance(value, int) else value]))
        )
    return kind, record


@settings(SETTINGS, max_examples=150)
@given(case=mutated())
def test_compiled_checker_and_jsonschema_agree_on_broken_records(case: tuple[str, Any]) -> None:
    kind, record = case
    error = compiled()(record)
    assert (error is None) == jsonschema_valid(record), (kind, error)
    sized_error, _ = sized()(record)
    assert sized_error == error


def test_integral_floats_are_refused_for_integers_where_jsonschema_accepts_them() -> None:
    """Documented difference: 3.0 is not the integer 3 in a record (the hash covers its text)."""
    record = fresh(7, "realistic")
    record["meta"]["reading_time"] = float(record["meta"]["reading_time"])
    assert jsonschema_valid(record)
    assert compiled()(record) == (
        ("meta", "reading_time"),
        f"{record['meta']['reading_time']!r} is not of type 'integer'",
    )
    with pytest.raises(RecordError, match=r"field meta\.reading_time: schema: .* is not of type 'integer'"):
        check_record(record)


def test_dollar_means_end_of_text_as_in_ecma_262_where_jsonschema_allows_a_final_newline() -> None:
    record = fresh(7, "realistic")
    record["meta"]["revision"]["version"] += "\n"
    assert jsonschema_valid(record)
    path, message = compiled()(record)
    assert path == ("meta", "revision", "version") and "does not match" in message


def test_a_schema_error_names_the_dotted_field_and_keeps_the_schema_prefix() -> None:
    record = fresh(11, "realistic")
    record["sections"][0]["blocks"][0]["text"] = ""
    with pytest.raises(
        RecordError, match=r"seed 11, field sections\.0\.blocks\.0\.text: schema: '' should be non-empty"
    ):
        check_record(record)
    record = fresh(11, "realistic")
    del record["meta"]["hash"]
    with pytest.raises(RecordError, match=r"field meta: schema: 'hash' is a required property"):
        check_record(record)
    with pytest.raises(RecordError, match="expected a JSON object, got list"):
        check_record([record])
    record = fresh(11, "realistic")
    del record["title"]
    with pytest.raises(RecordError, match=r"field \(record\): schema: 'title' is a required property"):
        check_record(record)


# --- the compiler refuses what it does not understand -------------------------------------------


@pytest.mark.parametrize(
    ("schema", "needle"),
    [
        ({"type": "string", "format": "email"}, "format 'email'"),
        ({"type": "array", "uniqueItems": True}, "keyword 'uniqueItems'"),
        ({"properties": {"a": {"type": "string", "minLength": 1, "contentEncoding": "base64"}}}, "#/properties/a"),
        ({"type": "number"}, "type 'number'"),
        ({"type": ["string", "null"]}, "type ['string', 'null']"),
        ({"$ref": "#/$defs/x"}, "keyword '$ref'"),
        ({"type": "object", "additionalProperties": {"type": "string"}}, "additionalProperties"),
        ({"minimum": 0}, "need type 'integer'"),
        ({"type": "integer", "maximum": 1.5}, "maximum must be an integer"),
        ({"enum": [1, 2]}, "enum must be a non-empty list of strings"),
        ({"const": None}, "const None"),
        ({"type": "string", "pattern": r"^\d+$"}, r"escape \d"),
        ({"type": "string", "pattern": r"^(?P<x>a)$"}, "group syntax"),
        ({"type": "string", "pattern": r"a*+"}, "possessive"),
        ({"oneOf": [{"type": "string"}], "type": "string"}, "oneOf must stand alone"),
    ],
)
def test_unknown_or_unsupported_keywords_raise_at_compile_time(schema: dict[str, Any], needle: str) -> None:
    with pytest.raises(InvalidArgument) as info:
        compile_schema(schema)
    assert needle in str(info.value)


def test_ecma_patterns_translate_dollar_and_dot() -> None:
    assert ecma_pattern(r"^a.b$").search("a\nb") is None
    assert ecma_pattern(r"^a.b$").search("a\u2028b") is None
    assert ecma_pattern(r"^a.b$").search("axb")
    assert ecma_pattern(r"^ab$").search("ab\n") is None
    assert ecma_pattern(r"^[$.]\$$").search(".$")


SMALL_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["id"],
    "properties": {
        "id": {"type": "integer", "minimum": 1, "maximum": 9},
        "tags": {"type": "array", "items": {"type": "string", "maxLength": 3}},
        "loose": {"minLength": 2, "pattern": "^a"},
        "anything": {},
        "either": {"oneOf": [{"type": "string", "maxLength": 2}, {"type": "string", "minLength": 1}]},
        "obj": {"type": "object"},
        "arr": {"type": "array", "maxItems": 2},
        "flag": {"const": True},
        "one": {"const": 1},
        "word": {"const": "a\n"},
    },
}
SMALL_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-2, 11) | st.sampled_from(["", "a", "ab", "abc", "abcd", "b", '"\\é\x01']),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(["b", "a", "c"]), inner, max_size=3),
    max_leaves=6,
)


@SETTINGS
@given(
    value=st.fixed_dictionaries(
        {},
        optional={
            "id": SMALL_VALUES,
            "tags": SMALL_VALUES,
            "loose": SMALL_VALUES,
            "anything": SMALL_VALUES,
            "either": SMALL_VALUES,
            "obj": SMALL_VALUES,
            "arr": SMALL_VALUES,
            "flag": st.sampled_from([True, False, 1]),
            "one": st.sampled_from([1, True, "1"]),
            "word": st.sampled_from(["a\n", "a", 1]),
            "zzz": SMALL_VALUES,
        },
    )
)
def test_optional_properties_open_objects_and_general_one_of_agree_with_jsonschema(value: dict[str, Any]) -> None:
    import jsonschema

    reference = jsonschema.Draft202012Validator(SMALL_SCHEMA)
    assert (compile_schema(SMALL_SCHEMA)(value) is None) == reference.is_valid(value)
    error, size = compile_sized(SMALL_SCHEMA)(value)
    assert (error is None) == reference.is_valid(value)
    if error is None:
        assert size == canonical_size(value)


def _parts(value: Any) -> Iterator[Any]:
    """``value`` and everything inside it, keys included."""
    yield value
    if isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from _parts(item)
    elif isinstance(value, list):
        for item in value:
            yield from _parts(item)


def canonical_size(value: Any) -> int:
    """len(canonical_json(value)) with each escape counted as one character; -1 for unsorted keys."""
    if any(isinstance(p, dict) and list(p) != sorted(p) for p in _parts(value)):
        return -1
    extra = sum(len(json.dumps(p, ensure_ascii=False)) - 2 - len(p) for p in _parts(value) if isinstance(p, str))
    return len(rules.canonical_json(value)) - extra


def test_an_integer_too_long_to_print_is_still_reported() -> None:
    record = fresh(3, "realistic")
    record["seed"] = 10**5000
    path, message = compiled()(record)
    assert path == ("seed",) and message.startswith("an integer of 16610 bits is greater than the maximum")
    assert compile_sized({"type": "array"})([10**5000]) == (None, -1)
    with pytest.raises(RecordError, match=r"^field seed: schema: an integer of 16610 bits is greater"):
        check_record(record)
