"""Check one record against the schema and every invariant of the field guide.

Used by ``anp-synth validate``, by the importer before it writes anything, and by the
tests. Each failure is a :class:`RecordError` naming the field, so a user can find the
broken value in a file of millions.

The schema is checked by code compiled from it (:mod:`anp_synth.schema_compile`), about fifty
times faster than ``jsonschema``, which the tests keep as the reference it must agree with.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple, cast

from . import rules
from .canonical import blank_hash, is_canonical
from .errors import RecordError
from .model import PROFILE_INDEX, Article
from .schema import article_schema
from .schema_compile import Checker, SchemaError, SizedChecker, compile_schema, compile_sized

if TYPE_CHECKING:
    from .generator.stacks import Stack

_MAX_MESSAGE = 200


@lru_cache(maxsize=1)
def schema_checker() -> Checker:
    """The record schema compiled once per process (compiling costs a few milliseconds)."""
    return compile_schema(article_schema())


@lru_cache(maxsize=1)
def _sized_checker() -> SizedChecker:
    return compile_sized(article_schema())


def check_record(obj: object, *, source: str | None = None, line: int | None = None) -> Article:
    """Return ``obj`` typed as an Article, or raise RecordError at its first broken field."""
    seed = _seed_of(obj, source, line)
    _raise_schema_error(schema_checker()(obj), source, line, seed)
    return _check_invariants(cast(Article, obj), None, source, line, seed)


def check_line_record(obj: object, text: str, *, source: str | None = None, line: int | None = None) -> Article:
    """:func:`check_record` for ``obj``, which must be ``json.loads(text)``; ``text`` is the line without its newline.

    Same verdicts and messages; faster when ``text`` is canonical JSON (every line anp-synth
    writes is): ``meta.hash`` is then checked by hashing the line itself instead of
    serialising the record again, so ``obj`` must be exactly what ``text`` parses to. Any
    other spelling falls back to the full recomputation.
    """
    seed = _seed_of(obj, source, line)
    error, size = _sized_checker()(obj)
    _raise_schema_error(error, source, line, seed)
    record = cast(Article, obj)
    digest = None
    if is_canonical(text, size):
        blank = blank_hash(text, record["meta"]["hash"])
        if blank is not None:
            try:
                digest = rules.content_hash_of_json(blank)
            except UnicodeEncodeError:
                digest = None  # the full recomputation names the field
    return _check_invariants(record, digest, source, line, seed)


_GENERATED_START = '{"generator_version":"' + rules.GENERATOR_VERSION + '",'
"""How every line of this generator starts: canonical JSON sorts the keys, and this one sorts first."""
_PROFILE_KEY = '"profile":"'
_SEED_KEY = '],"seed":'
"""The top-level seed follows the ``sections`` array; ``meta.payload.seed`` and the similar
posts' follow a string. A ``"`` inside a string is always escaped, so neither text can sit in one."""
_SEED_DIGITS = len(str(rules.MAX_SEED))


def generated_record(text: str) -> Article | None:
    """``json.loads(text)``, valid, if ``text`` is byte for byte the line this generator writes; else None.

    Why it is sound. A record is a pure function of (seed, profile, generator version), and
    ``build_line(seed, profile)`` is the generator's own line for it: what ``generate``
    writes and what ``import --seed`` stores without validating it. The generator's output
    for any seed in range and any profile passes :func:`check_line_record` (property tests:
    ``tests/test_generate_properties.py``, ``tests/test_import_fast_valid.py``). So a line
    *equal* to ``build_line(seed, profile)`` of this version needs no check: its verdict is
    known (valid) and its record is ``json.loads(text)``, exactly what the full check returns.
    The proof is the comparison alone. How seed and profile are read off the text below is
    a cheap guess: a wrong guess (an edited line, odd spacing, another version, a seed
    written ``007``) makes the two texts differ, and the caller validates the line in full.

    Why it pays. Regenerating a record and comparing costs less CPU than the schema check
    and the invariants (the importer's prepare() of a generated line: about a fifth less,
    benchmarks/README.md), and nearly every line imported was written by this generator. A
    line of this version that is not the generator's pays one regeneration on top of the
    full check.
    """
    if not text.startswith(_GENERATED_START):
        return None
    at = text.find(_PROFILE_KEY)
    if at < 0:
        return None
    at += len(_PROFILE_KEY)
    profile = text[at : text.find('"', at)]
    if profile not in PROFILE_INDEX:
        return None
    at = text.rfind(_SEED_KEY)
    if at < 0:
        return None
    at += len(_SEED_KEY)
    digits = text[at : text.find(",", at)]
    if not (0 < len(digits) <= _SEED_DIGITS and digits.isascii() and digits.isdigit()):
        return None
    seed = int(digits)
    if seed > rules.MAX_SEED:
        return None
    from .generator import build_line  # here: importing it costs ~0.2 s, which lines of another version never need

    if build_line(seed, profile) != text:
        return None
    return cast(Article, json.loads(text))


def _seed_of(obj: object, source: str | None, line: int | None) -> int | None:
    if not isinstance(obj, dict):
        raise RecordError(f"expected a JSON object, got {type(obj).__name__}", source=source, line=line)
    seed = obj.get("seed")
    if isinstance(seed, int) and not isinstance(seed, bool) and seed.bit_length() <= 64:
        return seed  # worth naming even when out of range; a 5000-digit one would not print
    return None


def _raise_schema_error(error: SchemaError | None, source: str | None, line: int | None, seed: int | None) -> None:
    if error is None:
        return
    path, message = error
    if len(message) > _MAX_MESSAGE:
        message = message[:_MAX_MESSAGE] + "..."
    field = ".".join(str(p) for p in path) or "(record)"
    raise RecordError(f"schema: {message}", source=source, line=line, seed=seed, field=field)


def _check_invariants(
    record: Article, digest: str | None, source: str | None, line: int | None, seed: int | None
) -> Article:
    problem = first_broken_invariant(record, content_hash=digest)
    if problem is not None:
        field, reason = problem
        raise RecordError(reason, source=source, line=line, seed=seed, field=field)
    return record


def first_broken_invariant(record: Article, *, content_hash: str | None = None) -> tuple[str, str] | None:
    """(field, reason) of the first invariant ``record`` breaks, or None. Assumes a schema-valid record.

    ``content_hash`` is the record's recomputed ``meta.hash`` when the caller already has it
    (from the record's canonical line); otherwise it is recomputed here.
    """
    found = _identity(record, content_hash)
    if found is not None:
        return found
    body = _scan_body(record)
    for check in _CHECKS:
        found = check(record, body)
        if found is not None:
            return found
    return None


class _Body(NamedTuple):
    """What the checks need from the sections, gathered in one pass over the blocks."""

    paragraphs: int
    words: int
    """Words of the intro and every paragraph: the base of the reading-time rule."""
    checklists: list[list[str]]
    stray_code: str | None
    """Field of the first code block whose language is not meta.code_language."""


def _scan_body(record: Article) -> _Body:
    language = record["meta"]["code_language"]
    paragraphs = 0
    word_count = rules.word_count
    words = word_count(record["intro"])
    checklists = []
    stray = None
    for i, section in enumerate(record["sections"]):
        for j, block in enumerate(section["blocks"]):
            if block["type"] == "paragraph":
                paragraphs += 1
                words += word_count(block["text"])
            elif block["type"] == "checklist":
                checklists.append(block["items"])
            elif stray is None and block["language"] != language:
                stray = f"sections.{i}.blocks.{j}.language"
    return _Body(paragraphs, words, checklists, stray)


_reference: Callable[[int, str, str], str] = lru_cache(maxsize=1 << 14)(rules.reference)
"""Similar posts point at the previous 12 seeds, so consecutive records share most references."""


def _identity(record: Article, digest: str | None) -> tuple[str, str] | None:
    seed, profile, meta = record["seed"], record["profile"], record["meta"]
    if meta["payload"]["seed"] != seed:
        return "meta.payload.seed", f"is {meta['payload']['seed']}, the record's seed is {seed}"
    if meta["payload"]["source_id"] != rules.source_id(seed):
        return "meta.payload.source_id", f"should be {rules.source_id(seed)!r}"
    expected = _reference(seed, profile, record["generator_version"])
    if meta["reference"] != expected:
        return "meta.reference", f"should be {expected!r} by the reference rule"
    if digest is None:
        try:
            digest = rules.content_hash(record)
        except UnicodeEncodeError:
            return _unencodable(record)
    if meta["hash"] != digest:
        return "meta.hash", f"does not match the content (recomputed {digest})"
    return None


def _unencodable(value: object, path: str = "") -> tuple[str, str]:
    """The first string UTF-8 cannot carry (a lone surrogate, which ``\\ud800`` in JSON can make)."""
    found = _find_unencodable(value, path)
    return found if found is not None else ("(record)", "holds text UTF-8 cannot encode")


def _find_unencodable(value: object, path: str) -> tuple[str, str] | None:
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as exc:
            return path or "(record)", f"holds a lone surrogate at character {exc.start}, which UTF-8 cannot encode"
        return None
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for key, item in items:
        if isinstance(key, str):
            found = _find_unencodable(key, path)
            if found is not None:
                return found
        found = _find_unencodable(item, f"{path}.{key}" if path else str(key))
        if found is not None:
            return found
    return None


def _counts(record: Article, body: _Body) -> tuple[str, str] | None:
    meta = record["meta"]
    paragraphs, checklists = body.paragraphs, body.checklists
    if meta["payload"]["paragraphs"] != paragraphs:
        return "meta.payload.paragraphs", f"is {meta['payload']['paragraphs']}, the body has {paragraphs}"
    minutes = rules.reading_time(body.words)
    if meta["reading_time"] != minutes:
        return "meta.reading_time", f"is {meta['reading_time']}, the word count gives {minutes}"
    if len(checklists) != 1:
        return "sections", f"has {len(checklists)} checklist blocks, expected exactly 1"
    if checklists[0] != meta["checklist"]:
        return "meta.checklist", "differs from the checklist in the body"
    return None


def _agreement(record: Article, body: _Body) -> tuple[str, str] | None:
    meta = record["meta"]
    outline = meta["ai_outline"]
    stack_name, area, language = meta["stack"]
    problem = outline["problem"]
    if outline["stack"] != stack_name:
        return "meta.ai_outline.stack", f"is {outline['stack']!r}, the stack is {stack_name!r}"
    if meta["topic"] != f"{problem} / {stack_name}":
        return "meta.topic", f"should be {problem + ' / ' + stack_name!r}"
    if outline["context"] != meta["payload"]["scenario"]:
        return "meta.ai_outline.context", "differs from meta.payload.scenario"
    for text_field, text in (("title", record["title"]), ("meta.summary", meta["summary"])):
        if problem not in text or stack_name not in text:
            return text_field, f"does not name the problem {problem!r} and the stack {stack_name!r}"
    entities = {(e["name"], e["type"]) for e in meta["entities"]}
    for needed in ((stack_name, "stack"), (area, "area"), (problem, "problem")):
        if needed not in entities:
            return "meta.entities", f"lacks {needed[1]} entity {needed[0]!r}"
    stack = _stacks_by_name().get(stack_name)
    if stack is None:
        return "meta.stack", f"{stack_name!r} is not a stack of generator {rules.GENERATOR_VERSION}"
    if (area, language) != (stack.area, stack.language):
        return "meta.stack", f"area and language should be {stack.area!r}, {stack.language!r}"
    if meta["code_language"] != stack.code_language:
        return "meta.code_language", f"should be {stack.code_language!r} for {stack_name!r}"
    stray = [t for t in meta["tools"] if t not in stack.tools]
    if stray:
        return "meta.tools", f"{stray[0]!r} is not a tool of {stack_name!r}"
    if body.stray_code is not None:
        return body.stray_code, "differs from meta.code_language"
    return None


@lru_cache(maxsize=1)
def _stacks_by_name() -> dict[str, Stack]:
    from .generator.stacks import STACKS

    return {s.name: s for s in STACKS}


_REVIEW_LOW, _REVIEW_HIGH = (dt.date.fromisoformat(d) for d in rules.REVIEW_WINDOW)


def _numbers(record: Article, body: _Body) -> tuple[str, str] | None:
    meta = record["meta"]
    revision, flags, score = meta["revision"], meta["flags"], meta["score"]
    try:
        day = dt.date.fromisoformat(revision["last_reviewed"])
    except ValueError:
        return "meta.revision.last_reviewed", f"{revision['last_reviewed']!r} is not a calendar date"
    if not _REVIEW_LOW <= day <= _REVIEW_HIGH:
        return (
            "meta.revision.last_reviewed",
            f"falls outside {rules.REVIEW_WINDOW[0]}..{rules.REVIEW_WINDOW[1]}",
        )
    if flags["image_heavy"] and not flags["has_images"]:
        return "meta.flags.image_heavy", "is set on an article without images"
    expected = rules.needs_human_review(score["quality"], score["clarity"], revision["status"])
    if flags["needs_human_review"] != expected:
        return "meta.flags.needs_human_review", f"should be {int(expected)} by the review rule"
    return None


def _similar(record: Article, body: _Body) -> tuple[str, str] | None:
    from .generator import identity

    seed, profile = record["seed"], record["profile"]
    seen: set[int] = set()
    current = record["generator_version"] == rules.GENERATOR_VERSION
    for i, post in enumerate(record["similar_posts"]):
        target = post["seed"]
        if not seed - rules.SIMILAR_DISTANCE <= target < seed or target in seen:
            return f"similar_posts.{i}.seed", f"{target} is not a distinct seed in [{seed - 12}, {seed - 1}]"
        seen.add(target)
        expected = _reference(target, profile, record["generator_version"])
        if post["reference"] != expected:
            return f"similar_posts.{i}.reference", f"should be {expected!r}"
        if current and post["title"] != identity(target, profile).title:
            return f"similar_posts.{i}.title", f"is not the title of seed {target}"
    return None


_CHECKS = (_counts, _agreement, _numbers, _similar)
