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
from bisect import bisect_right
from collections.abc import Mapping, Sequence
from functools import lru_cache
from json.encoder import encode_basestring
from typing import NamedTuple, TypeVar

from .. import rules
from ..model import Article, Difficulty, RevisionStatus
from . import profiles, prose, vocabulary
from .draft import CHECKLIST, CODE, Draft, Section, encode, entity_json, escape, escaped, json_strings, needs_escape
from .rng import Words, normal, stream_key, word_stream
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
# Values that depend on one normal draw alone, tabulated by the draw's top 12 bits (see rng.normal).
_NORMALS = tuple(normal(i << 20) for i in range(4096))
_QUALITIES = tuple(max(0, min(100, round(72 + 14 * z))) for z in _NORMALS)
_VIEW_COUNTS = tuple(min(2_000_000_000, int(math.exp(8.0 + 2.0 * z))) for z in _NORMALS)
_VERSIONS = tuple(f"{major}.{minor}.{patch}" for major in range(4) for minor in range(13) for patch in range(21))

# Realistic records are written without escaping (see draft.py); that is only sound while
# every word they are made of needs none. Code snippets are escaped once, in _STACK_TABLES.


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
    if profile != "realistic":
        title = profiles.decorate_title(title, profile, words[4] / 2**32)
    return Identity(problem, category, stack, scenario, title, key[16:])


def _cut_points(weights: tuple[tuple[T, float], ...]) -> tuple[list[float], tuple[T, ...]]:
    """Where each value's share of the 32-bit draws ends, and the values: ``values[bisect_right(cuts, word)]``."""
    cuts, acc = [], 0.0
    for _, w in weights[:-1]:
        acc += w
        cuts.append(acc * 2**32)
    return cuts, tuple(value for value, _ in weights)


_DIFFICULTY_CUTS, _DIFFICULTIES = _cut_points(_DIFFICULTY_WEIGHTS)
_STATUS_CUTS, _STATUSES = _cut_points(_STATUS_WEIGHTS)


def _fill(templates: Sequence[str], r: Words, ctx: Mapping[str, str]) -> str:
    """One of ``templates``, chosen by the record's stream, with the record's context filled in."""
    return templates[(r() * len(templates)) >> 32].format_map(ctx)


_Subsets = tuple[tuple[tuple[T, ...], ...], ...]


def _subsets(items: Sequence[T]) -> _Subsets[T]:
    """Every k-subset of ``items`` in order, for each k from 0 to len(items): one draw then picks a whole sample.

    Built once per fixed list (checklists, notes, a stack's tools), so sampling costs one
    index, not a loop.
    """
    return tuple(tuple(itertools.combinations(items, k)) for k in range(len(items) + 1))


def _sample(subsets: _Subsets[T], k: int, r: Words) -> list[T]:
    """``k`` distinct items (all of them if fewer), uniformly, kept in the order of the list (readable, stable lists)."""
    by_size = subsets[min(k, len(subsets) - 1)]
    return list(by_size[(r() * len(by_size)) >> 32])


_INDEX_SUBSETS = tuple(
    _subsets(range(n)) for n in range(max(rules.SIMILAR_DISTANCE, *(len(stack.tools) for stack in STACKS)) + 1)
)
"""Subsets of positions in short lists that differ per record: similar-post candidates, sampled tools."""
_CHECKLIST_SUBSETS = {category: _subsets(items) for category, items in vocabulary.CHECKLISTS.items()}
_NOTE_SUBSETS = _subsets(vocabulary.NOTES)


class _Step(NamedTuple):
    """One section of a layout, with what the hot loop needs precomputed."""

    kind: int  # _PROSE, _FINAL, _CODE or _CHECKLIST
    headings: tuple[str, ...]
    low: int
    span: int  # how many paragraph counts, from ``low`` on


_PROSE, _FINAL, _CODE, _CHECKLIST = range(4)
_CODE_TAIL, _CHECKLIST_TAIL = (CODE,), (CHECKLIST,)
_KINDS = {"code": _CODE, "checklist": _CHECKLIST, "final": _FINAL}


def _steps(layout: tuple[tuple[str, int, int], ...]) -> tuple[_Step, ...]:
    return tuple(
        _Step(_KINDS.get(kind, _PROSE), vocabulary.HEADINGS.get(kind, ()), low, high - low + 1)
        for kind, low, high in layout
    )


_STEPS = tuple(_steps(layout) for layout in vocabulary.LAYOUTS)

_BANKS: list[prose.Parts | None] = [None] * len(_THEMES)
"""Paragraph banks by theme index, filled on first use: one record needs only a few themes."""
_LEAD_BITS = prose.LEADS.bit_length() - 1
_FOLLOW_BITS = prose.FOLLOWS.bit_length() - 1
_CLOSING_BITS = 10
_CLOSING_SLOTS = 1 << _CLOSING_BITS
_LEAD_SHIFT = _FOLLOW_BITS + _CLOSING_BITS
_THEME_SHIFT = _LEAD_BITS + _LEAD_SHIFT
_LEAD_MASK, _FOLLOW_MASK, _SLOT_MASK = prose.LEADS - 1, prose.FOLLOWS - 1, _CLOSING_SLOTS - 1
_PARAGRAPH_CHOICES = len(_THEMES) << _THEME_SHIFT
"""A paragraph is one draw ``x`` below this, read in mixed radix: theme, lead, follow, closing slot.

One draw instead of three to five keeps the paragraph loop, a fifth of a record's work,
short; each part is uniform to within a few parts in a million.
"""
if (
    1 << _LEAD_BITS != prose.LEADS or 1 << _FOLLOW_BITS != prose.FOLLOWS or _PARAGRAPH_CHOICES > 2**32
):  # pragma: no cover - a bank size edit that must be fixed
    raise RuntimeError("prose.LEADS and FOLLOWS must be powers of two, and a paragraph must fit one 32-bit draw")


def _bank(theme: int) -> prose.Parts:
    bank = _BANKS[theme] = prose.paragraph_parts(_THEMES[theme])
    return bank


class _StackTable(NamedTuple):
    """What the hot path needs of one stack, precomputed once per process."""

    closings: tuple[tuple[str, int] | None, ...]
    """A paragraph's closing sentence with its word count, by slot: 30% about the stack and
    one of its tools, 12% about the brand, none in the rest."""
    tool_subsets: _Subsets[str]
    code_blocks: tuple[str, ...]
    """The JSON block of each snippet."""
    entities: tuple[str, str]
    """The JSON entities of the stack and its area."""
    tool_entities: dict[str, str]
    stack_list: str
    """``meta.stack`` as JSON: name, area, language."""


def _stack_table(stack: Stack) -> _StackTable:
    def counted(template: str, tool: str) -> tuple[str, int]:
        text = template.format(stack=stack.name, language=stack.language, area=stack.area, tool=tool, brand=rules.BRAND)
        return text, len(text.split())

    about_stack = [counted(t, tool) for t in _STACK_SENTENCES for tool in stack.tools]
    about_brand = [counted(t, "") for t in _BRAND_SENTENCES]
    stack_slots, brand_slots = round(0.30 * _CLOSING_SLOTS), round(0.12 * _CLOSING_SLOTS)
    closings: list[tuple[str, int] | None] = [about_stack[i % len(about_stack)] for i in range(stack_slots)]
    closings += [about_brand[i % len(about_brand)] for i in range(brand_slots)]
    closings += [None] * (_CLOSING_SLOTS - len(closings))
    return _StackTable(
        tuple(closings),
        _subsets(stack.tools),
        tuple(
            f'{{"language":"{escaped(stack.code_language)}","text":{encode_basestring(s)},"type":"code"}}'
            for s in stack.snippets
        ),
        (entity_json(stack.name, "stack"), entity_json(stack.area, "area")),
        {tool: entity_json(tool, "tool") for tool in stack.tools},
        json_strings([stack.name, stack.area, stack.language]),
    )


_STACK_TABLES = {stack.name: _stack_table(stack) for stack in STACKS}
_PROBLEM_ENTITIES = {problem: entity_json(problem, "problem") for problem, _ in vocabulary.PROBLEMS}


@lru_cache(maxsize=4096)
def _similar_post(seed: int, profile: str) -> tuple[str, str]:
    """The reference of a seed, and the JSON object by which later records name it as a similar post.

    Cached: each seed is named by several of the twelve after it.
    """
    reference = rules.reference(seed, profile)
    title = escaped(identity(seed, profile).title)
    return reference, f'{{"reference":"{reference}","seed":{seed},"title":"{title}"}}'


def build_line(seed: int, profile: str) -> str:
    """The canonical JSON line of ``seed`` (with its hash): the hot path, no dict built."""
    d = _draft(seed, profile)
    if profile != "realistic":
        escape(d)
    head, tail = encode(d, rules.GENERATOR_NAME, rules.GENERATOR_VERSION)
    return f"{head}{rules.content_hash_of_json(head, tail)}{tail}"


def build(seed: int, profile: str) -> tuple[Article, str]:
    """The record for ``seed`` as a dict, and its canonical JSON line."""
    line = build_line(seed, profile)
    return json.loads(line), line


def _draft(seed: int, profile: str) -> Draft:
    """Every value of the record, drawn in the generator's fixed order."""
    ident = identity(seed, profile)
    stack = ident.stack
    r = word_stream(ident.body_key)
    ctx: dict[str, str] = {
        "problem": ident.problem, "stack": stack.name, "scenario": ident.scenario,
        "language": stack.language, "area": stack.area, "brand": rules.BRAND, "tool": stack.tools[0],
    }  # fmt: skip
    edge = profile == "edge"
    d = Draft()
    d.seed, d.profile, d.title = seed, profile, ident.title
    d.problem, d.stack, d.scenario, d.context = ident.problem, stack.name, ident.scenario, ident.scenario
    d.intro = _fill(_INTROS, r, ctx)
    d.checklist = checklist = _sample(_CHECKLIST_SUBSETS[ident.category], 3 + ((r() * 4) >> 32), r)
    if edge:
        d.checklist = profiles.choose_list(profile, checklist, vocabulary.CHECKLISTS[ident.category], r)
    steps = _STEPS[(r() * len(_STEPS)) >> 32]
    table = _STACK_TABLES[stack.name]
    d.code_block = table.code_blocks[(r() * len(stack.snippets)) >> 32]
    tools = stack.tools
    closings = table.closings
    banks, themes = _BANKS, len(_BANKS)

    sections: list[Section] = []
    paragraphs = 0
    words = len(d.intro.split())
    last_theme = -1
    for kind, headings, low, span in steps:
        if kind == _CODE:
            heading, texts, _ = sections[-1]
            sections[-1] = (heading, texts, _CODE_TAIL)
            continue
        heading = headings[(r() * len(headings)) >> 32]
        if kind == _CHECKLIST:
            sections.append((heading, [], _CHECKLIST_TAIL))
            continue
        texts = []
        for _ in range(low + ((r() * span) >> 32)):
            # a themed paragraph from the bank, never two of one theme in a row,
            # sometimes closed by a sentence about the stack or the brand
            x = (r() * _PARAGRAPH_CHOICES) >> 32
            theme = x >> _THEME_SHIFT
            if theme == last_theme:
                theme = (theme + 1) % themes
            last_theme = theme
            leads, lead_words, follows, follow_words = banks[theme] or _bank(theme)
            lead, follow = (x >> _LEAD_SHIFT) & _LEAD_MASK, (x >> _CLOSING_BITS) & _FOLLOW_MASK
            n = lead_words[lead] + follow_words[follow]
            closing = closings[x & _SLOT_MASK]
            if closing is None:
                text = f"{leads[lead]} {follows[follow]}"
            else:
                text = f"{leads[lead]} {follows[follow]} {closing[0]}"
                n += closing[1]
            texts.append(text)
            words += n
        if kind == _FINAL:  # the closing section opens with a sentence that wraps the article up
            opening = _fill(_FINALS, r, ctx)
            texts[0] = f"{opening} {texts[0]}"
            words += len(opening.split())
        paragraphs += len(texts)
        sections.append((heading, texts, ()))
    d.sections, d.paragraphs = sections, paragraphs

    d.difficulty = _DIFFICULTIES[bisect_right(_DIFFICULTY_CUTS, r())]
    d.status = _STATUSES[bisect_right(_STATUS_CUTS, r())]
    age_days = (r() * (_WINDOW_DAYS + 1)) >> 32
    d.last_reviewed = _DATES[_WINDOW_DAYS - age_days]
    # scores are rounded and kept within 0-100
    d.quality = quality = _QUALITIES[r() >> 20]
    d.clarity = max(0, min(100, round(quality + 8 * normal(r()))))
    d.depth = max(0, min(100, round(45 + words / 20 + 10 * normal(r()))))
    d.freshness = max(0, min(100, round(100 - 70 * age_days / _WINDOW_DAYS + 5 * normal(r()))))
    d.view_count = _VIEW_COUNTS[r() >> 20]
    d.flag_images = r() < 0.45 * 2**32
    d.flag_heavy = d.flag_images and r() < 0.3 * 2**32
    d.flag_ai = r() < 0.85 * 2**32
    d.version = _VERSIONS[(r() * len(_VERSIONS)) >> 32]
    d.tools = picked = _sample(table.tool_subsets, 3 + ((r() * (len(tools) - 2)) >> 32), r)
    if edge:
        d.tools = picked = profiles.choose_list(profile, picked, tools, r)
    tool_entities = table.tool_entities
    d.entities = [*table.entities, _PROBLEM_ENTITIES[ident.problem]]
    d.entities += [tool_entities[picked[i]] for i in _sample(_INDEX_SUBSETS[len(picked)], (r() * 3) >> 32, r)]
    if edge and r() < 0.5 * 2**32:
        d.entities += [tool_entities[tool] for tool in tools]
    d.notes = notes = _sample(_NOTE_SUBSETS, 2 + ((r() * 3) >> 32), r)
    if edge:
        d.notes = profiles.choose_list(profile, notes, vocabulary.NOTES, r)
    first = max(0, seed - rules.SIMILAR_DISTANCE)
    positions = _sample(_INDEX_SUBSETS[seed - first], 3 + ((r() * 3) >> 32), r)
    if edge:
        positions = profiles.choose_list(profile, positions, range(seed - first), r)
    d.similar = [_similar_post(first + i, profile)[1] for i in reversed(positions)]

    d.topic = f"{ident.problem} / {stack.name}"
    d.summary = _fill(_SUMMARIES, r, ctx)
    d.action = vocabulary.ACTIONS[(r() * len(vocabulary.ACTIONS)) >> 32]
    d.brief = _fill(_BRIEFS, r, ctx)
    d.stack_list = table.stack_list
    d.code_language = stack.code_language
    d.reference = _similar_post(seed, profile)[0]  # cached: the next twelve seeds may name it
    d.source_id = rules.source_id(seed)
    if profile != "realistic":
        profiles.apply(d, profile, r)
        words = sum(len(text.split()) for _, texts, _ in d.sections for text in texts)
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
