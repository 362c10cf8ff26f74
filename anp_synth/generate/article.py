"""Compose one article record from its seed: identity first, then body, then post-meta.

The identity (problem, stack, scenario, title) comes from its own cheap stream so that a
record can name the titles of its similar posts without generating them whole. Every
other draw comes from the record's body stream, in a fixed order: changing that order
changes every record, so it is part of the generator version.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
import random
import struct
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from json.encoder import encode_basestring
from typing import TypeVar

from .. import rules
from ..model import Article, Block, Difficulty, Entity, RevisionStatus, Section
from . import profiles, prose, vocabulary
from .encode import encode_article, encode_clean, needs_escape
from .grammar import pick
from .rng import clamp, normal, record_rng, stream_key
from .stacks import STACKS, Stack

T = TypeVar("T")

# Templates around the prose name only the record's context ({stack}, {problem}...), so
# str.format_map fills them; the word grammar is for paragraph prose (prose.py).
_INTROS = vocabulary.INTRO_TEMPLATES
_FINALS = vocabulary.FINAL_TEMPLATES
_SUMMARIES = vocabulary.SUMMARY_TEMPLATES
_BRIEFS = vocabulary.BRIEF_TEMPLATES
_STACK_SENTENCES = vocabulary.POOLS["stack_sentence"]
_BRAND_SENTENCES = vocabulary.POOLS["brand_sentence"]
_THEMES = prose.THEME_NAMES

_DIFFICULTY_WEIGHTS: tuple[tuple[Difficulty, float], ...] = (
    ("beginner", 0.35), ("intermediate", 0.40), ("advanced", 0.20), ("expert", 0.05),
)  # fmt: skip
_STATUS_WEIGHTS: tuple[tuple[RevisionStatus, float], ...] = (
    ("drafted", 0.20), ("in_review", 0.15), ("published", 0.50), ("needs_update", 0.10), ("archived", 0.05),
)  # fmt: skip
_WINDOW_START = dt.date.fromisoformat(rules.REVIEW_WINDOW[0])
_WINDOW_DAYS = (dt.date.fromisoformat(rules.REVIEW_WINDOW[1]) - _WINDOW_START).days
_DATES = tuple((_WINDOW_START + dt.timedelta(days=d)).isoformat() for d in range(_WINDOW_DAYS + 1))

# Realistic records are written without escaping (see encode.py); that is only sound while
# every word they are made of needs none. Code snippets are escaped once, here.
_ESCAPED_SNIPPETS = {s: encode_basestring(s) for st in STACKS for s in st.snippets}


def _vocabulary_strings() -> list[str]:
    out: list[str] = [p for p, _ in vocabulary.PROBLEMS]
    out += [*vocabulary.SCENARIOS, *vocabulary.TITLE_PATTERNS, *vocabulary.INTRO_TEMPLATES]
    out += [*vocabulary.FINAL_TEMPLATES, *vocabulary.SUMMARY_TEMPLATES, *vocabulary.BRIEF_TEMPLATES]
    out += [*vocabulary.ACTIONS, *vocabulary.NOTES, rules.BRAND, rules.GENERATOR_NAME]
    for group in (vocabulary.HEADINGS, vocabulary.CHECKLISTS, vocabulary.POOLS, prose.GENERAL):
        for words in group.values():
            out += words
    for theme in prose.THEMES.values():
        for words in theme.values():
            out += words
    out += prose.SHAPES
    for stack in STACKS:
        out += [stack.name, stack.area, stack.language, stack.code_language, *stack.tools]
    return out


_UNCLEAN = [s for s in _vocabulary_strings() if needs_escape(s)]
if _UNCLEAN:  # pragma: no cover - a vocabulary edit that must be fixed, not shipped
    raise RuntimeError(f"vocabulary strings need JSON escaping, which the fast encoder skips: {_UNCLEAN[:3]}")


_reference = lru_cache(maxsize=4096)(rules.reference)
"""References of recent seeds: similar posts name up to five of the previous twelve."""


@dataclass(frozen=True)
class Identity:
    """What a record is about; cheap to compute for any seed."""

    problem: str
    category: str
    stack: Stack
    scenario: str
    title: str


@lru_cache(maxsize=4096)
def identity(seed: int, profile: str) -> Identity:
    """Problem, stack, scenario and title of ``seed``, read off its identity digest.

    Four 32-bit words of blake2b pick problem, stack, scenario and title pattern; the rest
    feeds the profile's title decoration. No Random instance: similar posts need titles of
    other seeds, and this keeps that to one hash.
    """
    words = struct.unpack(">8I", stream_key(seed, profile, "identity"))
    problem, category = vocabulary.PROBLEMS[words[0] % len(vocabulary.PROBLEMS)]
    stack = STACKS[words[1] % len(STACKS)]
    scenario = vocabulary.SCENARIOS[words[2] % len(vocabulary.SCENARIOS)]
    title = vocabulary.TITLE_PATTERNS[words[3] % len(vocabulary.TITLE_PATTERNS)].format(
        problem=problem, stack=stack.name
    )
    title = profiles.decorate_title(title, profile, words[4] / 2**32)
    return Identity(problem, category, stack, scenario, title)


def _weighted(weights: tuple[tuple[T, float], ...], u: float) -> T:
    acc = 0.0
    for value, w in weights:
        acc += w
        if u < acc:
            return value
    return weights[-1][0]


def _fill(templates: Sequence[str], r: Callable[[], float], ctx: Mapping[str, str]) -> str:
    """One of ``templates``, chosen by the record's stream, with the record's context filled in."""
    return templates[int(r() * len(templates))].format_map(ctx)


@cache
def _subsets(n: int, k: int) -> tuple[tuple[int, ...], ...]:
    """Every k-subset of range(n), in lexicographic order: one draw then picks a whole sample."""
    return tuple(itertools.combinations(range(n), k))


def _sample(items: Sequence[T], k: int, rnd: random.Random) -> list[T]:
    """``k`` distinct items, uniformly, kept in the order of ``items`` (readable, stable lists)."""
    n = len(items)
    k = max(0, min(k, n))
    if n <= 16:
        subsets = _subsets(n, k)
        return [items[i] for i in subsets[int(rnd.random() * len(subsets))]]
    r = rnd.random  # selection sampling (Knuth's algorithm S) for longer lists
    out: list[T] = []
    for i, item in enumerate(items):
        if k and r() * (n - i) < k:
            out.append(item)
            k -= 1
    return out


def _paragraph(rnd: random.Random, ctx: dict[str, str], tools: Sequence[str], theme: str) -> tuple[str, int]:
    """Two to six themed sentences, sometimes closed by a stack or brand sentence; and its word count."""
    r = rnd.random
    passages, counts = prose.bank(theme)
    size = len(passages)
    a = int(r() * size)
    b = int(r() * size)
    text = f"{passages[a]} {passages[b]}"
    words = counts[a] + counts[b]
    u = r()
    if u < 0.2:
        c = int(r() * size)
        text = f"{text} {passages[c]}"
        words += counts[c]
    u = r()
    if u < 0.42:
        if u < 0.3:
            ctx["tool"] = tools[int(r() * len(tools))]
            extra = _fill(_STACK_SENTENCES, r, ctx)
        else:
            extra = _fill(_BRAND_SENTENCES, r, ctx)
        text = f"{text} {extra}"
        words += len(extra.split())
    return text, words


def build(seed: int, profile: str) -> tuple[Article, str]:
    """The record for ``seed`` and its canonical JSON line (which carries the hash)."""
    ident = identity(seed, profile)
    stack = ident.stack
    rnd = record_rng(seed, profile)
    r = rnd.random
    ctx: dict[str, str] = {
        "problem": ident.problem, "stack": stack.name, "scenario": ident.scenario,
        "language": stack.language, "area": stack.area, "brand": rules.BRAND, "tool": stack.tools[0],
    }  # fmt: skip

    intro = _fill(_INTROS, r, ctx)
    full_checklist = vocabulary.CHECKLISTS[ident.category]
    checklist = profiles.choose_list(profile, _sample(full_checklist, 3 + int(r() * 4), rnd), full_checklist, rnd)
    layout = pick(vocabulary.LAYOUTS, r)
    snippet = pick(stack.snippets, r)

    sections: list[Section] = []
    paragraphs = 0
    prose_words = len(intro.split())
    last_theme = ""
    for kind, low, high in layout:
        if kind == "code":
            sections[-1]["blocks"].append({"type": "code", "language": stack.code_language, "text": snippet})
            continue
        heading = pick(vocabulary.HEADINGS[kind], r)
        blocks: list[Block] = []
        if kind == "checklist":
            blocks.append({"type": "checklist", "items": checklist})
        else:
            for i in range(low + int(r() * (high - low + 1))):
                theme = pick(_THEMES, r)
                if theme == last_theme:
                    theme = _THEMES[(_THEMES.index(theme) + 1) % len(_THEMES)]
                last_theme = theme
                text, words = _paragraph(rnd, ctx, stack.tools, theme)
                if kind == "final" and i == 0:
                    opening = _fill(_FINALS, r, ctx)
                    text = f"{opening} {text}"
                    words += len(opening.split())
                blocks.append({"type": "paragraph", "text": text})
                paragraphs += 1
                prose_words += words
        sections.append({"heading": heading, "blocks": blocks})

    difficulty = _weighted(_DIFFICULTY_WEIGHTS, r())
    status = _weighted(_STATUS_WEIGHTS, r())
    age_days = int(r() * (_WINDOW_DAYS + 1))
    quality = clamp(72 + 14 * normal(r()), 0, 100)
    clarity = clamp(quality + 8 * normal(r()), 0, 100)
    depth = clamp(45 + prose_words / 20 + 10 * normal(r()), 0, 100)
    freshness = clamp(100 - 70 * age_days / _WINDOW_DAYS + 5 * normal(r()), 0, 100)
    view_count = min(2_000_000_000, int(math.exp(8.0 + 2.0 * normal(r()))))
    has_images = r() < 0.45
    image_heavy = has_images and r() < 0.3
    ai_style = r() < 0.85
    version = f"{int(r() * 4)}.{int(r() * 13)}.{int(r() * 21)}"
    tools = profiles.choose_list(
        profile, _sample(stack.tools, 3 + int(r() * (len(stack.tools) - 2)), rnd), stack.tools, rnd
    )
    entities: list[Entity] = [
        {"name": stack.name, "type": "stack"},
        {"name": stack.area, "type": "area"},
        {"name": ident.problem, "type": "problem"},
    ]
    entities += [{"name": tool, "type": "tool"} for tool in _sample(tools, int(r() * 3), rnd)]
    if profile == "edge" and r() < 0.5:
        entities += [{"name": tool, "type": "tool"} for tool in stack.tools]
    notes = profiles.choose_list(profile, _sample(vocabulary.NOTES, 2 + int(r() * 3), rnd), vocabulary.NOTES, rnd)
    candidates = range(max(0, seed - rules.SIMILAR_DISTANCE), seed)
    similar_seeds = profiles.choose_list(profile, _sample(candidates, 3 + int(r() * 3), rnd), candidates, rnd)

    record: Article = {
        "schema_version": 1,
        "generator_version": rules.GENERATOR_VERSION,
        "profile": profile,  # type: ignore[typeddict-item]
        "seed": seed,
        "title": ident.title,
        "intro": intro,
        "sections": sections,
        "similar_posts": [],
        "meta": {
            "topic": f"{ident.problem} / {stack.name}",
            "summary": _fill(_SUMMARIES, r, ctx),
            "ai_outline": {
                "context": ident.scenario,
                "problem": ident.problem,
                "stack": stack.name,
                "recommended_action": pick(vocabulary.ACTIONS, r),
            },
            "ai_brief": _fill(_BRIEFS, r, ctx),
            "stack": [stack.name, stack.area, stack.language],
            "tools": tools,
            "code_language": stack.code_language,
            "difficulty": difficulty,
            "reading_time": rules.reading_time(prose_words),
            "view_count": view_count,
            "score": {"quality": quality, "freshness": freshness, "depth": depth, "clarity": clarity},
            "revision": {"status": status, "version": version, "last_reviewed": _DATES[_WINDOW_DAYS - age_days]},
            "reference": _reference(seed, profile),
            "hash": "",
            "flags": {
                "ai_generated_style": ai_style,
                "has_images": has_images,
                "image_heavy": image_heavy,
                "needs_human_review": rules.needs_human_review(quality, clarity, status),
            },
            "checklist": checklist,
            "entities": entities,
            "payload": {
                "source_id": rules.source_id(seed),
                "generator": rules.GENERATOR_NAME,
                "paragraphs": paragraphs,
                "scenario": ident.scenario,
                "seed": seed,
            },
            "notes": notes,
        },
    }
    record["similar_posts"] = [
        {"seed": s, "reference": _reference(s, profile), "title": identity(s, profile).title}
        for s in reversed(similar_seeds)
    ]
    meta = record["meta"]
    if profile == "realistic":
        blank = encode_clean(record, _ESCAPED_SNIPPETS.__getitem__)
    else:
        profiles.apply(record, profile, rnd)
        meta["reading_time"] = rules.reading_time(prose_word_count(record))
        blank = encode_article(record)
    digest = rules.content_hash_of_json(blank)
    meta["hash"] = digest
    return record, blank.replace(rules.HASH_PLACEHOLDER, f'"hash":"{digest}"', 1)


def prose_word_count(record: Article) -> int:
    """Words of the intro and every paragraph block: the base of the reading-time rule."""
    words = rules.word_count(record["intro"])
    for section in record["sections"]:
        for block in section["blocks"]:
            if block["type"] == "paragraph":
                words += rules.word_count(block["text"])
    return words
