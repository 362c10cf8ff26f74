"""Compose one article record from its seed: identity first, then body, then post-meta.

The identity (problem, stack, scenario, title) comes from its own cheap stream so that a
record can name the titles of its similar posts without generating them whole.
"""

from __future__ import annotations

import datetime as dt
import math
import random
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import TypeVar

from .. import rules
from ..model import Article, Block, ChecklistBlock, Difficulty, Entity, RevisionStatus, Section
from . import profiles, vocabulary
from .grammar import Pool, Template, compile_pools, compile_template, expand, pick
from .rng import clamp, gauss, record_rng, stream_key
from .stacks import STACKS, Stack

T = TypeVar("T")

CONTEXT_KEYS = frozenset({"problem", "stack", "scenario", "language", "area", "tool", "brand"})

_POOLS: dict[str, Pool] = compile_pools(
    {**vocabulary.POOLS, **{f"theme.{k}": v for k, v in vocabulary.THEMES.items()}}, CONTEXT_KEYS
)
_THEME_NAMES: tuple[str, ...] = tuple(vocabulary.THEMES)
_THEMES: tuple[Pool, ...] = tuple(_POOLS[f"theme.{k}"] for k in _THEME_NAMES)


def _compiled(templates: tuple[str, ...]) -> tuple[Template, ...]:
    return tuple(compile_template(t, _POOLS, CONTEXT_KEYS) for t in templates)


_TITLES = _compiled(vocabulary.TITLE_PATTERNS)
_INTROS = _compiled(vocabulary.INTRO_TEMPLATES)
_FINALS = _compiled(vocabulary.FINAL_TEMPLATES)
_SUMMARIES = _compiled(vocabulary.SUMMARY_TEMPLATES)
_BRIEFS = _compiled(vocabulary.BRIEF_TEMPLATES)
_STACK_SENTENCE = _POOLS["stack_sentence"]
_BRAND_SENTENCE = _POOLS["brand_sentence"]

_DIFFICULTY_WEIGHTS: tuple[tuple[Difficulty, float], ...] = (
    ("beginner", 0.35), ("intermediate", 0.40), ("advanced", 0.20), ("expert", 0.05),
)  # fmt: skip
_STATUS_WEIGHTS: tuple[tuple[RevisionStatus, float], ...] = (
    ("drafted", 0.20), ("in_review", 0.15), ("published", 0.50), ("needs_update", 0.10), ("archived", 0.05),
)  # fmt: skip
_WINDOW_START = dt.date.fromisoformat(rules.REVIEW_WINDOW[0])
_WINDOW_DAYS = (dt.date.fromisoformat(rules.REVIEW_WINDOW[1]) - _WINDOW_START).days


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
    """Problem, stack, scenario and title of ``seed``: drawn from the record's identity stream."""
    rnd = random.Random(int.from_bytes(stream_key(seed, profile, "identity"), "big")).random
    problem, category = vocabulary.PROBLEMS[int(rnd() * len(vocabulary.PROBLEMS))]
    stack = STACKS[int(rnd() * len(STACKS))]
    scenario = pick(vocabulary.SCENARIOS, rnd)
    out: list[str] = []
    expand(pick(_TITLES, rnd), rnd, {"problem": problem, "stack": stack.name}, out)
    title = profiles.decorate_title("".join(out), profile, rnd)
    return Identity(problem, category, stack, scenario, title)


def _weighted(weights: tuple[tuple[str, float], ...], u: float) -> str:
    acc = 0.0
    for value, w in weights:
        acc += w
        if u < acc:
            return value
    return weights[-1][0]


def _sentence(template: Template, rnd: random.Random, ctx: Mapping[str, str]) -> str:
    out: list[str] = []
    expand(template, rnd.random, ctx, out)
    return "".join(out)


def _paragraph(rnd: random.Random, ctx: dict[str, str], theme_index: int) -> str:
    theme = _THEMES[theme_index]
    n = 3 + int(rnd.random() * 3)
    order = list(range(len(theme)))
    # partial Fisher-Yates: n distinct sentences of the theme, in random order
    parts: list[str] = []
    for i in range(min(n, len(order))):
        j = i + int(rnd.random() * (len(order) - i))
        order[i], order[j] = order[j], order[i]
        parts.append(_sentence(theme[order[i]], rnd, ctx))
    u = rnd.random()
    if u < 0.3:
        ctx["tool"] = pick(ctx["_tools"].split("\x1f"), rnd.random)
        parts.append(_sentence(pick(_STACK_SENTENCE, rnd.random), rnd, ctx))
    elif u < 0.42:
        parts.append(_sentence(pick(_BRAND_SENTENCE, rnd.random), rnd, ctx))
    return " ".join(parts)


def _sample(items: tuple[T, ...], k: int, rnd: random.Random) -> list[T]:
    """``k`` distinct items, in the order they appear in ``items`` (stable, readable lists)."""
    k = max(0, min(k, len(items)))
    chosen = sorted(range(len(items)), key=lambda _: rnd.random())[:k]
    return [items[i] for i in sorted(chosen)]


def build(seed: int, profile: str) -> tuple[Article, str]:
    """The record for ``seed`` and its canonical JSON line (which carries the hash)."""
    ident = identity(seed, profile)
    stack = ident.stack
    rnd = record_rng(seed, profile)
    r = rnd.random
    ctx: dict[str, str] = {
        "problem": ident.problem, "stack": stack.name, "scenario": ident.scenario,
        "language": stack.language, "area": stack.area, "brand": rules.BRAND,
        "tool": stack.tools[0], "_tools": "\x1f".join(stack.tools),
    }  # fmt: skip

    intro = _sentence(pick(_INTROS, r), rnd, ctx)
    full_checklist = vocabulary.CHECKLISTS[ident.category]
    checklist = profiles.choose_list(
        profile, _sample(full_checklist, 3 + int(r() * 4), rnd), full_checklist, rnd
    )
    layout = vocabulary.LAYOUTS[int(r() * len(vocabulary.LAYOUTS))]
    snippet = stack.snippets[int(r() * len(stack.snippets))]

    sections: list[Section] = []
    paragraphs = 0
    prose_words = rules.word_count(intro)
    last_theme = -1
    for kind, low, high in layout:
        if kind == "code":
            sections[-1]["blocks"].append({"type": "code", "language": stack.code_language, "text": snippet})
            continue
        heading = pick(vocabulary.HEADINGS[kind], r)
        blocks: list[Block] = []
        if kind == "checklist":
            blocks.append(ChecklistBlock(type="checklist", items=checklist))
        else:
            n = low + int(r() * (high - low + 1))
            for i in range(n):
                if kind == "final" and i == 0:
                    text = _sentence(pick(_FINALS, r), rnd, ctx)
                else:
                    theme = int(r() * len(_THEMES))
                    if theme == last_theme:
                        theme = (theme + 1) % len(_THEMES)
                    last_theme = theme
                    text = _paragraph(rnd, ctx, theme)
                blocks.append({"type": "paragraph", "text": text})
                paragraphs += 1
                prose_words += rules.word_count(text)
        sections.append({"heading": heading, "blocks": blocks})

    difficulty = _weighted(_DIFFICULTY_WEIGHTS, r())
    status: RevisionStatus = _weighted(_STATUS_WEIGHTS, r())  # type: ignore[assignment]
    age_days = int(r() * (_WINDOW_DAYS + 1))
    last_reviewed = (_WINDOW_START + dt.timedelta(days=_WINDOW_DAYS - age_days)).isoformat()
    quality = clamp(72 + 14 * gauss(rnd), 0, 100)
    clarity = clamp(quality + 8 * gauss(rnd), 0, 100)
    depth = clamp(45 + prose_words / 20 + 10 * gauss(rnd), 0, 100)
    freshness = clamp(100 - 70 * age_days / _WINDOW_DAYS + 5 * gauss(rnd), 0, 100)
    view_count = min(2_000_000_000, int(math.exp(8.0 + 2.0 * gauss(rnd))))
    has_images = r() < 0.45
    flags = {
        "ai_generated_style": r() < 0.85,
        "has_images": has_images,
        "image_heavy": has_images and r() < 0.3,
        "needs_human_review": rules.needs_human_review(quality, clarity, status),
    }
    version = f"{int(r() * 4)}.{int(r() * 13)}.{int(r() * 21)}"
    tools = profiles.choose_list(
        profile, _sample(stack.tools, 3 + int(r() * (len(stack.tools) - 2)), rnd), stack.tools, rnd
    )
    entities: list[Entity] = [
        {"name": stack.name, "type": "stack"},
        {"name": stack.area, "type": "area"},
        {"name": ident.problem, "type": "problem"},
    ]
    for tool in _sample(tuple(tools), int(r() * 3), rnd):
        entities.append({"name": tool, "type": "tool"})
    if profile == "edge" and r() < 0.5:
        entities.extend({"name": tool, "type": "tool"} for tool in stack.tools)
    notes = profiles.choose_list(
        profile, _sample(vocabulary.NOTES, 2 + int(r() * 3), rnd), vocabulary.NOTES, rnd
    )
    candidates = tuple(range(max(0, seed - rules.SIMILAR_DISTANCE), seed))
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
            "summary": _sentence(pick(_SUMMARIES, r), rnd, ctx),
            "ai_outline": {
                "context": ident.scenario,
                "problem": ident.problem,
                "stack": stack.name,
                "recommended_action": pick(vocabulary.ACTIONS, r),
            },
            "ai_brief": _sentence(pick(_BRIEFS, r), rnd, ctx),
            "stack": [stack.name, stack.area, stack.language],
            "tools": tools,
            "code_language": stack.code_language,
            "difficulty": difficulty,  # type: ignore[typeddict-item]
            "reading_time": 0,
            "view_count": view_count,
            "score": {"quality": quality, "freshness": freshness, "depth": depth, "clarity": clarity},
            "revision": {"status": status, "version": version, "last_reviewed": last_reviewed},
            "reference": rules.reference(seed, profile),
            "hash": "",
            "flags": flags,  # type: ignore[typeddict-item]
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
    profiles.apply(record, profile, rnd)
    record["similar_posts"] = [
        {"seed": s, "reference": rules.reference(s, profile), "title": identity(s, profile).title}
        for s in sorted(similar_seeds, reverse=True)
    ]
    meta = record["meta"]
    meta["reading_time"] = rules.reading_time(
        prose_words if profile == "realistic" else prose_word_count(record)
    )
    blank = rules.canonical_json(record)
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
