"""Check one record against the schema and every invariant of the field guide.

Used by ``anp-synth validate``, by the importer before it writes anything, and by the
tests. Each failure is a :class:`RecordError` naming the field, so a user can find the
broken value in a file of millions.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, cast

from . import rules
from .errors import RecordError
from .model import Article
from .schema import validator


def check_record(obj: object, *, source: str | None = None, line: int | None = None) -> Article:
    """Return ``obj`` typed as an Article, or raise RecordError at its first broken field."""
    if not isinstance(obj, dict):
        raise RecordError(f"expected a JSON object, got {type(obj).__name__}", source=source, line=line)
    seed = obj.get("seed") if isinstance(obj.get("seed"), int) else None
    error = next(iter(validator().iter_errors(obj)), None)
    if error is not None:
        field = ".".join(str(p) for p in error.absolute_path) or "(record)"
        raise RecordError(_schema_message(error), source=source, line=line, seed=seed, field=field)
    record = cast(Article, obj)
    problem = first_broken_invariant(record)
    if problem is not None:
        field, reason = problem
        raise RecordError(reason, source=source, line=line, seed=seed, field=field)
    return record


def _schema_message(error: Any) -> str:
    message = str(error.message)
    if len(message) > 200:
        message = message[:200] + "..."
    return f"schema: {message}"


def first_broken_invariant(record: Article) -> tuple[str, str] | None:
    """(field, reason) of the first invariant ``record`` breaks, or None. Assumes a schema-valid record."""
    for check in _CHECKS:
        found = check(record)
        if found is not None:
            return found
    return None


def _identity(record: Article) -> tuple[str, str] | None:
    seed, profile, meta = record["seed"], record["profile"], record["meta"]
    if meta["payload"]["seed"] != seed:
        return "meta.payload.seed", f"is {meta['payload']['seed']}, the record's seed is {seed}"
    if meta["payload"]["source_id"] != rules.source_id(seed):
        return "meta.payload.source_id", f"should be {rules.source_id(seed)!r}"
    if meta["reference"] != rules.reference(seed, profile):
        return "meta.reference", f"should be {rules.reference(seed, profile)!r} by the reference rule"
    if meta["hash"] != rules.content_hash(record):
        return "meta.hash", f"does not match the content (recomputed {rules.content_hash(record)})"
    return None


def _counts(record: Article) -> tuple[str, str] | None:
    from .generate.article import prose_word_count

    meta = record["meta"]
    paragraphs = sum(1 for s in record["sections"] for b in s["blocks"] if b["type"] == "paragraph")
    if meta["payload"]["paragraphs"] != paragraphs:
        return "meta.payload.paragraphs", f"is {meta['payload']['paragraphs']}, the body has {paragraphs}"
    minutes = rules.reading_time(prose_word_count(record))
    if meta["reading_time"] != minutes:
        return "meta.reading_time", f"is {meta['reading_time']}, the word count gives {minutes}"
    checklists = [b["items"] for s in record["sections"] for b in s["blocks"] if b["type"] == "checklist"]
    if len(checklists) != 1:
        return "sections", f"has {len(checklists)} checklist blocks, expected exactly 1"
    if checklists[0] != meta["checklist"]:
        return "meta.checklist", "differs from the checklist in the body"
    return None


def _agreement(record: Article) -> tuple[str, str] | None:
    from .generate.stacks import STACKS

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
    known = {s.name: s for s in STACKS}
    stack = known.get(stack_name)
    if stack is None:
        return "meta.stack", f"{stack_name!r} is not a stack of generator {rules.GENERATOR_VERSION}"
    if (area, language) != (stack.area, stack.language):
        return "meta.stack", f"area and language should be {stack.area!r}, {stack.language!r}"
    if meta["code_language"] != stack.code_language:
        return "meta.code_language", f"should be {stack.code_language!r} for {stack_name!r}"
    stray = [t for t in meta["tools"] if t not in stack.tools]
    if stray:
        return "meta.tools", f"{stray[0]!r} is not a tool of {stack_name!r}"
    for i, section in enumerate(record["sections"]):
        for j, block in enumerate(section["blocks"]):
            if block["type"] == "code" and block["language"] != meta["code_language"]:
                return f"sections.{i}.blocks.{j}.language", "differs from meta.code_language"
    return None


def _numbers(record: Article) -> tuple[str, str] | None:
    meta = record["meta"]
    revision, flags, score = meta["revision"], meta["flags"], meta["score"]
    try:
        day = dt.date.fromisoformat(revision["last_reviewed"])
    except ValueError:
        return "meta.revision.last_reviewed", f"{revision['last_reviewed']!r} is not a calendar date"
    low, high = (dt.date.fromisoformat(d) for d in rules.REVIEW_WINDOW)
    if not low <= day <= high:
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


def _similar(record: Article) -> tuple[str, str] | None:
    from .generate import identity

    seed, profile = record["seed"], record["profile"]
    seen: set[int] = set()
    current = record["generator_version"] == rules.GENERATOR_VERSION
    for i, post in enumerate(record["similar_posts"]):
        target = post["seed"]
        if not seed - rules.SIMILAR_DISTANCE <= target < seed or target in seen:
            return f"similar_posts.{i}.seed", f"{target} is not a distinct seed in [{seed - 12}, {seed - 1}]"
        seen.add(target)
        if post["reference"] != rules.reference(target, profile):
            return f"similar_posts.{i}.reference", f"should be {rules.reference(target, profile)!r}"
        if current and post["title"] != identity(target, profile).title:
            return f"similar_posts.{i}.title", f"is not the title of seed {target}"
    return None


_CHECKS = (_identity, _counts, _agreement, _numbers, _similar)
