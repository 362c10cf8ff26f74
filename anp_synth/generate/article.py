"""Compose one article record from its seed: identity first, then body, then post-meta.

The identity (problem, stack, scenario, title) comes from its own cheap stream so that a
record can name the titles of its similar posts without generating them whole. Every
other draw comes from the record's body stream, in a fixed order: changing that order
changes every record, so it is part of the generator version.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import math
import struct
from collections.abc import Mapping, Sequence
from functools import cache, lru_cache
from json.encoder import encode_basestring
from typing import NamedTuple, TypeVar

from .. import rules
from ..model import Article, Difficulty, RevisionStatus
from . import profiles, prose, vocabulary
from .draft import CHECKLIST, CODE, PARAGRAPH, Draft, encode, escape, needs_escape
from .rng import Uniform, clamp, normal, stream_key, uniform_stream
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


class Identity(NamedTuple):
    """What a record is about, cheap to compute for any seed; and the seed of its body stream."""

    problem: str
    category: str
    stack: Stack
    scenario: str
    title: str
    body_key: bytes


@lru_cache(maxsize=4096)
def identity(seed: int, profile: str) -> Identity:
    """Problem, stack, scenario and title of ``seed``, read off one digest of the seed.

    Words 0-3 of the digest pick problem, stack, scenario and title pattern, word 4 the
    profile's title decoration, bytes 16-31 key the body stream. No Random instance here:
    similar posts need the titles of other seeds, and this keeps that to one hash.
    """
    key = stream_key(seed, profile, "record")
    words = struct.unpack(">8I", key)
    problem, category = vocabulary.PROBLEMS[words[0] % len(vocabulary.PROBLEMS)]
    stack = STACKS[words[1] % len(STACKS)]
    scenario = vocabulary.SCENARIOS[words[2] % len(vocabulary.SCENARIOS)]
    title = vocabulary.TITLE_PATTERNS[words[3] % len(vocabulary.TITLE_PATTERNS)].format(
        problem=problem, stack=stack.name
    )
    title = profiles.decorate_title(title, profile, words[4] / 2**32)
    return Identity(problem, category, stack, scenario, title, key[16:])


def _weighted(weights: tuple[tuple[T, float], ...], u: float) -> T:
    acc = 0.0
    for value, w in weights:
        acc += w
        if u < acc:
            return value
    return weights[-1][0]


def _fill(templates: Sequence[str], r: Uniform, ctx: Mapping[str, str]) -> str:
    """One of ``templates``, chosen by the record's stream, with the record's context filled in."""
    return templates[int(r() * len(templates))].format_map(ctx)


@cache
def _subsets(n: int, k: int) -> tuple[tuple[int, ...], ...]:
    """Every k-subset of range(n), in order: one draw then picks a whole sample."""
    return tuple(itertools.combinations(range(n), min(k, n)))


def _sample(items: Sequence[T], k: int, r: Uniform) -> list[T]:
    """``k`` distinct items, uniformly, kept in the order of ``items`` (readable, stable lists)."""
    subsets = _subsets(len(items), k)
    return [items[i] for i in subsets[int(r() * len(subsets))]]


@lru_cache(maxsize=8192)
def _closing(index: int, stack_name: str, tool: str) -> tuple[str, int]:
    """Closing sentence ``index`` (stack sentences, then brand sentences) for a stack and tool, with its word count.

    Cached: there are only a few thousand of them, and each paragraph may end with one.
    """
    stack = _STACKS_BY_NAME[stack_name]
    text = _CLOSINGS[index].format(
        stack=stack.name, language=stack.language, area=stack.area, tool=tool, brand=rules.BRAND
    )
    return text, len(text.split())


_CLOSINGS = (*_STACK_SENTENCES, *_BRAND_SENTENCES)
_STACKS_BY_NAME = {stack.name: stack for stack in STACKS}


def _paragraph(r: Uniform, stack: Stack, theme: str) -> tuple[str, int]:
    """A themed paragraph, sometimes closed by a stack or brand sentence; and its word count."""
    texts, counts = prose.paragraphs(theme)
    i = int(r() * len(texts))
    u = r()
    if u >= 0.42:
        return texts[i], counts[i]
    if u < 0.3:
        tool = stack.tools[int(r() * len(stack.tools))]
        extra, words = _closing(int(r() * len(_STACK_SENTENCES)), stack.name, tool)
    else:
        extra, words = _closing(len(_STACK_SENTENCES) + int(r() * len(_BRAND_SENTENCES)), stack.name, "")
    return f"{texts[i]} {extra}", counts[i] + words


def build_line(seed: int, profile: str) -> str:
    """The canonical JSON line of ``seed`` (with its hash): the hot path, no dict built."""
    d = _draft(seed, profile)
    if profile != "realistic":
        escape(d)
    blank = encode(d, rules.GENERATOR_NAME, rules.GENERATOR_VERSION, _ESCAPED_SNIPPETS.__getitem__)
    digest = rules.content_hash_of_json(blank)
    return blank.replace(rules.HASH_PLACEHOLDER, f'"hash":"{digest}"', 1)


def build(seed: int, profile: str) -> tuple[Article, str]:
    """The record for ``seed`` as a dict, and its canonical JSON line."""
    line = build_line(seed, profile)
    return json.loads(line), line


def _draft(seed: int, profile: str) -> Draft:
    """Every value of the record, drawn in the generator's fixed order."""
    ident = identity(seed, profile)
    stack = ident.stack
    r = uniform_stream(ident.body_key)
    ctx: dict[str, str] = {
        "problem": ident.problem, "stack": stack.name, "scenario": ident.scenario,
        "language": stack.language, "area": stack.area, "brand": rules.BRAND, "tool": stack.tools[0],
    }  # fmt: skip
    d = Draft()
    d.seed, d.profile, d.title = seed, profile, ident.title
    d.problem, d.stack, d.scenario, d.context = ident.problem, stack.name, ident.scenario, ident.scenario
    d.intro = _fill(_INTROS, r, ctx)
    full_checklist = vocabulary.CHECKLISTS[ident.category]
    d.checklist = profiles.choose_list(profile, _sample(full_checklist, 3 + int(r() * 4), r), full_checklist, r)
    layout = vocabulary.LAYOUTS[int(r() * len(vocabulary.LAYOUTS))]
    snippet = stack.snippets[int(r() * len(stack.snippets))]

    sections: list[tuple[str, list[tuple[int, str] | tuple[int]]]] = []
    paragraphs = 0
    words = len(d.intro.split())
    last_theme = ""
    for kind, low, high in layout:
        if kind == "code":
            sections[-1][1].append((CODE, snippet))
            continue
        headings = vocabulary.HEADINGS[kind]
        heading = headings[int(r() * len(headings))]
        blocks: list[tuple[int, str] | tuple[int]] = []
        if kind == "checklist":
            blocks.append((CHECKLIST,))
        else:
            for i in range(low + int(r() * (high - low + 1))):
                theme = _THEMES[int(r() * len(_THEMES))]
                if theme == last_theme:
                    theme = _THEMES[(_THEMES.index(theme) + 1) % len(_THEMES)]
                last_theme = theme
                text, n = _paragraph(r, stack, theme)
                if kind == "final" and i == 0:
                    opening = _fill(_FINALS, r, ctx)
                    text = f"{opening} {text}"
                    n += len(opening.split())
                blocks.append((PARAGRAPH, text))
                paragraphs += 1
                words += n
        sections.append((heading, blocks))
    d.sections, d.paragraphs = sections, paragraphs

    d.difficulty = _weighted(_DIFFICULTY_WEIGHTS, r())
    d.status = _weighted(_STATUS_WEIGHTS, r())
    age_days = int(r() * (_WINDOW_DAYS + 1))
    d.last_reviewed = _DATES[_WINDOW_DAYS - age_days]
    d.quality = quality = clamp(72 + 14 * normal(r()), 0, 100)
    d.clarity = clamp(quality + 8 * normal(r()), 0, 100)
    d.depth = clamp(45 + words / 20 + 10 * normal(r()), 0, 100)
    d.freshness = clamp(100 - 70 * age_days / _WINDOW_DAYS + 5 * normal(r()), 0, 100)
    d.view_count = min(2_000_000_000, int(math.exp(8.0 + 2.0 * normal(r()))))
    d.flag_images = r() < 0.45
    d.flag_heavy = d.flag_images and r() < 0.3
    d.flag_ai = r() < 0.85
    d.version = f"{int(r() * 4)}.{int(r() * 13)}.{int(r() * 21)}"
    d.tools = tools = profiles.choose_list(
        profile, _sample(stack.tools, 3 + int(r() * (len(stack.tools) - 2)), r), stack.tools, r
    )
    d.entities = [(stack.name, "stack"), (stack.area, "area"), (ident.problem, "problem")]
    d.entities += [(tool, "tool") for tool in _sample(tools, int(r() * 3), r)]
    if profile == "edge" and r() < 0.5:
        d.entities += [(tool, "tool") for tool in stack.tools]
    d.notes = profiles.choose_list(profile, _sample(vocabulary.NOTES, 2 + int(r() * 3), r), vocabulary.NOTES, r)
    candidates = range(max(0, seed - rules.SIMILAR_DISTANCE), seed)
    similar = profiles.choose_list(profile, _sample(candidates, 3 + int(r() * 3), r), candidates, r)
    d.similar = [(s, _reference(s, profile), identity(s, profile).title) for s in reversed(similar)]

    d.topic = f"{ident.problem} / {stack.name}"
    d.summary = _fill(_SUMMARIES, r, ctx)
    d.action = vocabulary.ACTIONS[int(r() * len(vocabulary.ACTIONS))]
    d.brief = _fill(_BRIEFS, r, ctx)
    d.stack_list = [stack.name, stack.area, stack.language]
    d.code_language = stack.code_language
    d.reference = _reference(seed, profile)
    d.source_id = rules.source_id(seed)
    if profile != "realistic":
        profiles.apply(d, profile, r)
        words = sum(len(b[1].split()) for _, blocks in d.sections for b in blocks if b[0] == PARAGRAPH)  # type: ignore[misc]
        words += len(d.intro.split())
    d.reading_time = rules.reading_time(words)
    d.flag_review = rules.needs_human_review(d.quality, d.clarity, d.status)
    return d


def prose_word_count(record: Article) -> int:
    """Words of the intro and every paragraph block: the base of the reading-time rule."""
    words = rules.word_count(record["intro"])
    for section in record["sections"]:
        for block in section["blocks"]:
            if block["type"] == "paragraph":
                words += rules.word_count(block["text"])
    return words
