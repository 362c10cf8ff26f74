"""Compose one article record from its seed: identity first, then body, then post-meta.

The identity (problem, stack, scenario, title, reference) comes from the first words of
the record's SHAKE-128 stream, so a record can name the titles of its similar posts
without generating them whole. Every other draw comes from the words after those, in a
fixed order: changing that order changes every record, so it is part of the generator
version.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import math
from array import array
from bisect import bisect_right
from collections.abc import Mapping, Sequence
from functools import lru_cache
from json.encoder import encode_basestring
from typing import NamedTuple, TypeVar

from .. import rules
from ..model import PROFILES, Article, Difficulty, RevisionStatus
from . import profiles, prose, vocabulary
from .draft import (
    CHECKLIST,
    CODE,
    NO_BLOCK,
    PARAGRAPHS,
    Draft,
    Section,
    encode,
    entity_json,
    escape,
    escaped,
    json_strings,
    needs_escape,
)
from .draft import paragraphs as draft_paragraphs
from .rng import NORMAL_QUANTILES, SQUEEZE_WORDS, Words, seed_words, word_stream
from .stacks import STACKS, Stack

T = TypeVar("T")

# Templates around the prose name only the record's context ({stack}, {problem}...), so
# str.format_map fills them; the word grammar is for paragraph prose (prose.py).
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
# Values that depend on one normal draw alone, tabulated by the draw's top 12 bits.
_QUALITIES = tuple(max(0, min(100, round(72 + 14 * z))) for z in NORMAL_QUANTILES)
_VIEW_COUNTS = tuple(min(2_000_000_000, int(math.exp(8.0 + 2.0 * z))) for z in NORMAL_QUANTILES)
_NOISE_5, _NOISE_8, _NOISE_10 = (tuple(round(sd * z) for z in NORMAL_QUANTILES) for sd in (5, 8, 10))
_FRESHNESS = tuple(round(100 - 70 * age / _WINDOW_DAYS) for age in range(_WINDOW_DAYS + 1))
"""The mean freshness score of an article reviewed ``age`` days before the window's end."""
# Flags are true with probabilities 0.45 (has_images), 0.3 (image_heavy, given images) and
# 0.85 (ai_generated_style), to within 1/2048, read off 10 or 11 bits of one draw.
_IMAGES_10_BITS, _HEAVY_11_BITS, _AI_STYLE_11_BITS = round(0.45 * 2**10), round(0.3 * 2**11), round(0.85 * 2**11)
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


_VOCABULARY = _vocabulary_strings()
_UNCLEAN = [s for s in _VOCABULARY if needs_escape(s)]
if _UNCLEAN:  # pragma: no cover - a vocabulary edit that must be fixed, not shipped
    raise RuntimeError(f"vocabulary strings need JSON escaping, which the fast encoder skips: {_UNCLEAN[:3]}")
# A realistic intro's or closing opening's words are counted by rules.word_count_single_spaced
# (its spaces plus one: a sixth of the cost of str.split), sound while every word and
# template is single-spaced, as checked here.
_UNSPACED = [s for s in _VOCABULARY if not s or s != " ".join(s.split())]
if _UNSPACED:  # pragma: no cover - a vocabulary edit that must be fixed, not shipped
    raise RuntimeError(f"vocabulary strings must be single-spaced, for words to be counted by spaces: {_UNSPACED[:3]}")


class Identity(NamedTuple):
    """What a record is about, cheap to compute for any seed; and the first words of its stream."""

    problem: str
    category: str
    stack: Stack
    scenario: str
    title: str
    words: array[int]
    """The start of the record's SHAKE-128 stream (see rules.stream_name): words 0-4 chose the
    above, word 5 is its reference suffix, the body draws from word 6 on."""


IDENTITY_WORDS = rules.REFERENCE_WORD + 1
_FIRST_READ = {"realistic": SQUEEZE_WORDS, "edge": 4 * SQUEEZE_WORDS, "hostile": 4 * SQUEEZE_WORDS}
"""Words read up front. A realistic record draws 25 to 31 words besides its identity's six,
so one squeeze holds it; edge and hostile records draw up to about 125, four squeezes."""


def _identity(seed: int, profile: str) -> Identity:
    """Problem, stack, scenario and title of ``seed``, read off the first words of its stream.

    Words 0-3 pick problem, stack, scenario and title pattern, word 4 the profile's title
    decoration. No Random instance here: similar posts need the titles of other seeds, and
    this keeps that to one hash, which the record's own body then draws on. The generator
    calls this uncached: it needs each record's identity once, and keeps its post (_Posts).
    """
    words = seed_words(rules.stream_name(seed, profile), _FIRST_READ[profile])
    problem, category = vocabulary.PROBLEMS[words[0] % len(vocabulary.PROBLEMS)]
    stack = STACKS[words[1] % len(STACKS)]
    scenario = vocabulary.SCENARIOS[words[2] % len(vocabulary.SCENARIOS)]
    title = _STACK_TABLES[stack.name].titles[words[3] % len(vocabulary.TITLE_PATTERNS)] % (problem,)
    if profile != "realistic":
        title = profiles.decorate_title(title, profile, words[4] / 2**32)
    return Identity(problem, category, stack, scenario, title, words)


@lru_cache(maxsize=4096)
def identity(seed: int, profile: str) -> Identity:
    """Problem, stack, scenario and title of ``seed``, and the first words of its stream.

    Cached: ``validate`` and the Faker provider ask for the same seeds again and again (a
    record names up to twelve before it).
    """
    return _identity(seed, profile)


def _cut_points(weights: tuple[tuple[T, float], ...]) -> tuple[list[float], tuple[T, ...]]:
    """Where each value's share of 16-bit numbers ends, and the values: ``values[bisect_right(cuts, number)]``."""
    cuts, acc = [], 0.0
    for _, w in weights[:-1]:
        acc += w
        cuts.append(acc * 2**16)
    return cuts, tuple(value for value, _ in weights)


_DIFFICULTY_CUTS, _DIFFICULTIES = _cut_points(_DIFFICULTY_WEIGHTS)
_STATUS_CUTS, _STATUSES = _cut_points(_STATUS_WEIGHTS)


def _fill(templates: Sequence[str], r: Words, values: Mapping[str, str]) -> str:
    """One of a stack's ``templates`` (see _StackTable), chosen by the record's stream, with
    the record's problem and scenario filled in."""
    return templates[(r() * len(templates)) >> 32] % values


_Subsets = tuple[tuple[tuple[T, ...], ...], ...]


_LOW_32 = 2**32 - 1
_MAX_SAMPLE = 8
"""No record samples more than this many items of a list, unless it takes all of them."""


def _subsets(items: Sequence[T]) -> _Subsets[T]:
    """Every k-subset of ``items`` in order, by k: one draw then picks a whole sample.

    Built once per fixed list (checklists, notes, a stack's tools), so sampling costs one
    index, not a loop. Sizes past ``len(items)``, up to :data:`_MAX_SAMPLE`, hold the whole
    list, so a sample of more items than there are is all of them without a check.
    """
    return tuple(
        tuple(itertools.combinations(items, min(k, len(items)))) for k in range(max(len(items), _MAX_SAMPLE) + 1)
    )


def _sample(subsets: _Subsets[T], low: int, spread: int, r: Words) -> tuple[T, ...]:
    """``k`` distinct items (all of them if fewer), ``k`` uniform in ``[low, low + spread)``; kept
    in the order of the list (readable, stable lists).

    One draw: its top part picks ``k``, what is left of it (a fraction below 1) the sample.
    """
    x = r() * spread
    by_size = subsets[low + (x >> 32)]
    return by_size[((x & _LOW_32) * len(by_size)) >> 32]


_INDEX_SUBSETS = tuple(
    _subsets(range(n)) for n in range(max(rules.SIMILAR_DISTANCE, *(len(stack.tools) for stack in STACKS)) + 1)
)
"""Subsets of positions in short lists that differ per record: similar-post candidates, sampled tools."""
_CHECKLIST_SUBSETS = {category: _subsets(items) for category, items in vocabulary.CHECKLISTS.items()}
_NOTE_SUBSETS = _subsets(vocabulary.NOTES)


class _Step(NamedTuple):
    """One section of a layout, with what the hot loop needs precomputed."""

    kind: int  # _PROSE, _FINAL or _CHECKLIST
    headings: tuple[str, ...]
    low: int
    span: int  # how many paragraph counts, from ``low`` on
    block: int  # the block after the paragraphs, see draft.Section: a layout's code follows the section before it
    choices: int  # headings x paragraph counts: one draw picks both


_PROSE, _FINAL, _CHECKLIST = range(3)
_KINDS = {"checklist": _CHECKLIST, "final": _FINAL}


def _steps(layout: tuple[tuple[str, int, int], ...]) -> tuple[_Step, ...]:
    steps: list[_Step] = []
    for kind, low, high in layout:
        if kind == "code":
            if not steps or steps[-1].kind == _CHECKLIST:  # pragma: no cover - a layout edit that must be fixed
                raise RuntimeError(f"a layout's code must follow a section with paragraphs: {layout}")
            steps[-1] = steps[-1]._replace(block=CODE)
        else:
            if kind != "checklist" and low < 1:  # pragma: no cover - a layout edit that must be fixed
                raise RuntimeError(f"a layout's section of prose needs at least one paragraph: {layout}")
            block = CHECKLIST if kind == "checklist" else NO_BLOCK
            headings, span = vocabulary.HEADINGS[kind], high - low + 1
            steps.append(_Step(_KINDS.get(kind, _PROSE), headings, low, span, block, len(headings) * span))
    return tuple(steps)


_STEPS = tuple(_steps(layout) for layout in vocabulary.LAYOUTS)

_BANKS: list[prose.Parts | None] = [None] * len(_THEMES)
"""Paragraph banks by theme index, filled on first use (one record needs only a few themes):
leads with the space that follows them, their word counts, follows, their word counts."""
_LEAD_BITS = prose.LEADS.bit_length() - 1
_FOLLOW_BITS = prose.FOLLOWS.bit_length() - 1
_CLOSING_BITS = 10
_CLOSING_SLOTS = 1 << _CLOSING_BITS
_LEAD_SHIFT = _FOLLOW_BITS + _CLOSING_BITS
_THEME_SHIFT = _LEAD_BITS + _LEAD_SHIFT
_PARAGRAPH_RADIX = (_THEME_SHIFT, _LEAD_SHIFT, prose.LEADS - 1, _CLOSING_BITS, prose.FOLLOWS - 1, _CLOSING_SLOTS - 1)
"""Shifts and masks of theme, lead, follow and closing slot in a paragraph's draw."""
_PARAGRAPH_CHOICES = (len(_THEMES) - 1) << _THEME_SHIFT
"""A paragraph is one draw ``x`` below this, read in mixed radix: theme (as a step of 1 to
len(themes) - 1 from the theme before, so never the same twice in a row, the others
equally likely), lead, follow, closing slot.

One draw instead of three to five keeps the paragraph loop, a fifth of a record's work,
short; each part is uniform to within a few parts in a million.
"""
if (
    1 << _LEAD_BITS != prose.LEADS or 1 << _FOLLOW_BITS != prose.FOLLOWS or _PARAGRAPH_CHOICES > 2**32
):  # pragma: no cover - a bank size edit that must be fixed
    raise RuntimeError("prose.LEADS and FOLLOWS must be powers of two, and a paragraph must fit one 32-bit draw")


def build_banks() -> None:
    """Build every theme's paragraph bank now rather than on first use (for a fork server)."""
    for theme, bank in enumerate(_BANKS):
        if bank is None:
            _bank(theme)


def _bank(theme: int) -> prose.Parts:
    leads, lead_words, follows, follow_words = prose.paragraph_parts(_THEMES[theme])
    bank = _BANKS[theme] = (tuple(f"{lead} " for lead in leads), lead_words, follows, follow_words)
    return bank


class _StackTable(NamedTuple):
    """What the hot path needs of one stack, precomputed once per process.

    Text templates come with the stack's own fields (stack, language, area, first tool,
    brand) already filled in, as printf-style templates for the rest: filling two values
    with ``%`` costs half of filling seven with ``str.format_map``.
    """

    titles: tuple[str, ...]
    """Title patterns, ``%s`` for the problem."""
    intros: tuple[str, ...]
    finals: tuple[str, ...]
    summaries: tuple[str, ...]
    briefs: tuple[str, ...]
    """Templates of ``vocabulary``, ``%(problem)s`` and ``%(scenario)s`` left to fill."""

    closings: tuple[str, ...]
    """What ends a paragraph, by slot: in 30% a sentence about the stack and one of its
    tools, in 12% one about the brand (each with its leading space), nothing in the rest."""
    closing_words: tuple[int, ...]
    """The words of each slot's closing."""
    tool_subsets: _Subsets[str]
    code_blocks: tuple[str, ...]
    """The JSON block of each snippet."""
    entities: tuple[str, str]
    """The JSON entities of the stack and its area."""
    tool_entities: dict[str, str]
    stack_list: str
    """``meta.stack`` as JSON: name, area, language."""


def _stack_table(stack: Stack) -> _StackTable:
    own = {
        "stack": stack.name, "language": stack.language, "area": stack.area, "tool": stack.tools[0], "brand": rules.BRAND,
    }  # fmt: skip
    own = {key: value.replace("%", "%%") for key, value in own.items()}

    def printf(template: str, **left: str) -> str:
        return template.replace("%", "%%").format_map({**own, **left})

    def printfs(templates: Sequence[str]) -> tuple[str, ...]:
        return tuple(printf(t, problem="%(problem)s", scenario="%(scenario)s") for t in templates)

    def closing(template: str, tool: str) -> str:
        return " " + template.format(
            stack=stack.name, language=stack.language, area=stack.area, tool=tool, brand=rules.BRAND
        )

    about_stack = [closing(t, tool) for t in _STACK_SENTENCES for tool in stack.tools]
    about_brand = [closing(t, "") for t in _BRAND_SENTENCES]
    stack_slots, brand_slots = round(0.30 * _CLOSING_SLOTS), round(0.12 * _CLOSING_SLOTS)
    closings = [about_stack[i % len(about_stack)] for i in range(stack_slots)]
    closings += [about_brand[i % len(about_brand)] for i in range(brand_slots)]
    closings += [""] * (_CLOSING_SLOTS - len(closings))
    return _StackTable(
        tuple(printf(pattern, problem="%s") for pattern in vocabulary.TITLE_PATTERNS),
        printfs(vocabulary.INTRO_TEMPLATES),
        printfs(vocabulary.FINAL_TEMPLATES),
        printfs(vocabulary.SUMMARY_TEMPLATES),
        printfs(vocabulary.BRIEF_TEMPLATES),
        tuple(closings),
        tuple(rules.word_count(text) for text in closings),
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


def _post_json(seed: int, reference: str, title: str) -> str:
    """The JSON object by which later records name a record as a similar post."""
    return f'{{"reference":"{reference}","seed":{seed},"title":"{escaped(title)}"}}'


class _Posts(dict[int, str]):
    """Recent records of one profile as similar posts (JSON), by seed.

    Each record is named by several of the twelve after it, so the generator keeps its own
    here as it makes it (see _keep_post); a seed it has not made, as at a window's start, is
    built from its identity on first use. A plain dict rather than an LRU cache: a lookup
    is one dict subscript, and emptying it now and then (see _POSTS_KEPT) bounds it as well.
    """

    __slots__ = ("profile",)

    def __init__(self, profile: str) -> None:
        super().__init__()
        self.profile = profile

    def __missing__(self, seed: int) -> str:
        ident = identity(seed, self.profile)
        post = self[seed] = _post_json(
            seed, rules.reference_from_word(seed, self.profile, ident.words[rules.REFERENCE_WORD]), ident.title
        )
        return post


_POSTS: dict[str, _Posts] = {profile: _Posts(profile) for profile in PROFILES}
_POSTS_KEPT = 4096
"""At this many posts a profile's dict is emptied: the next twelve records then build the few
posts they name again, which costs less than evicting one post per record would."""


def _keep_post(seed: int, profile: str, reference: str, title: str) -> None:
    """Keep the record just made as a similar post for the records after it."""
    posts = _POSTS[profile]
    if len(posts) >= _POSTS_KEPT:
        posts.clear()
    posts[seed] = _post_json(seed, reference, title)


def build_line(seed: int, profile: str) -> str:
    """The canonical JSON line of ``seed`` (with its hash): the hot path, no dict built."""
    ident = _identity(seed, profile)
    try:
        d = _draft(seed, profile, ident, ident.words)
    except StopIteration:  # the record drew past the words read up front: read on, start again
        d = _draft_long(seed, profile, ident)
    if profile != "realistic":
        escape(d)
    head, tail = encode(d, rules.GENERATOR_NAME, rules.GENERATOR_VERSION)
    return f"{head}{rules.content_hash_of_json(head, tail)}{tail}"


def build(seed: int, profile: str) -> tuple[Article, str]:
    """The record for ``seed`` as a dict, and its canonical JSON line."""
    line = build_line(seed, profile)
    return json.loads(line), line


def _draft_long(seed: int, profile: str, ident: Identity) -> Draft:
    """The draft of a record that needs more words than were read up front: twice as many, until it fits."""
    name, count = rules.stream_name(seed, profile), len(ident.words)
    while True:
        count *= 2
        try:
            return _draft(seed, profile, ident, seed_words(name, count))
        except StopIteration:
            continue


def _draft(seed: int, profile: str, ident: Identity, stream: array[int]) -> Draft:
    """Every value of the record, drawn in the generator's fixed order from ``stream``, its stream's first words.

    Raises ``StopIteration`` if the record needs more words than ``stream`` holds.
    """
    stack = ident.stack
    r = word_stream(stream, IDENTITY_WORDS)
    table = _STACK_TABLES[stack.name]
    values = {"problem": ident.problem, "scenario": ident.scenario}
    edge = profile == "edge"
    d = Draft()
    d.seed, d.profile, d.title = seed, profile, ident.title
    d.problem, d.stack, d.scenario, d.context = ident.problem, stack.name, ident.scenario, ident.scenario
    d.intro = _fill(table.intros, r, values)
    d.checklist = checklist = _sample(_CHECKLIST_SUBSETS[ident.category], 3, 4, r)
    if edge:
        d.checklist = profiles.choose_list(profile, checklist, vocabulary.CHECKLISTS[ident.category], r)
    steps = _STEPS[(r() * len(_STEPS)) >> 32]
    d.code_block = table.code_blocks[(r() * len(stack.snippets)) >> 32]
    tools = stack.tools
    closings, closing_words = table.closings, table.closing_words
    banks, themes = _BANKS, len(_BANKS)

    sections: list[Section] = []
    paragraphs = 0
    words = rules.word_count_single_spaced(d.intro)
    theme = (r() * themes) >> 32
    theme_shift, lead_shift, lead_mask, follow_shift, follow_mask, slot_mask = _PARAGRAPH_RADIX
    for kind, headings, low, span, block, choices in steps:
        x = (r() * choices) >> 32
        heading = headings[x // span]
        if kind == _CHECKLIST:
            sections.append((heading, "", block))
            continue
        count = low + x % span
        # Themed paragraphs from the banks, each of another theme than the one before, some
        # closed by a sentence about the stack or the brand. Written as pieces with their
        # separators and joined once; the first paragraph's separator is dropped.
        pieces: list[str] = []
        for _ in range(count):
            x = (r() * _PARAGRAPH_CHOICES) >> 32
            theme = (theme + 1 + (x >> theme_shift)) % themes
            leads, lead_words, follows, follow_words = banks[theme] or _bank(theme)
            lead, follow, slot = (x >> lead_shift) & lead_mask, (x >> follow_shift) & follow_mask, x & slot_mask
            pieces += (PARAGRAPHS, leads[lead], follows[follow], closings[slot])
            words += lead_words[lead] + follow_words[follow] + closing_words[slot]
        pieces[0] = ""
        if kind == _FINAL:  # the closing section opens with a sentence that wraps the article up
            opening = _fill(table.finals, r, values)
            pieces[1] = f"{opening} {pieces[1]}"
            words += rules.word_count_single_spaced(opening)
        paragraphs += count
        sections.append((heading, "".join(pieces), block))
    d.sections, d.paragraphs = sections, paragraphs

    # The numbers below need far fewer than 32 random bits each, so each draw serves two or
    # three of them: its 16-, 12-, 11- or 10-bit parts are independent uniform numbers.
    w = r()
    d.difficulty = _DIFFICULTIES[bisect_right(_DIFFICULTY_CUTS, w >> 16)]
    d.status = _STATUSES[bisect_right(_STATUS_CUTS, w & 0xFFFF)]
    x = r() * (_WINDOW_DAYS + 1)
    age_days = x >> 32
    d.last_reviewed = _DATES[_WINDOW_DAYS - age_days]
    # scores are whole numbers kept within 0-100: a rounded mean plus rounded normal noise
    w = r()
    d.quality = quality = _QUALITIES[w >> 20]
    d.view_count = _VIEW_COUNTS[(w >> 8) & 0xFFF]
    w = r()
    d.clarity = max(0, min(100, quality + _NOISE_8[w >> 20]))
    d.depth = max(0, min(100, 45 + round(words / 20) + _NOISE_10[(w >> 8) & 0xFFF]))
    d.freshness = max(0, min(100, _FRESHNESS[age_days] + _NOISE_5[(x & _LOW_32) >> 20]))
    w = r()
    d.flag_images = images = w >> 22 < _IMAGES_10_BITS
    d.flag_heavy = images and (w >> 11) & 0x7FF < _HEAVY_11_BITS
    d.flag_ai = w & 0x7FF < _AI_STYLE_11_BITS
    d.version = _VERSIONS[(r() * len(_VERSIONS)) >> 32]
    picked: Sequence[str] = _sample(table.tool_subsets, 3, len(tools) - 2, r)
    if edge:
        picked = profiles.choose_list(profile, picked, tools, r)
    d.tools = picked
    tool_entities = table.tool_entities
    entities = [*table.entities, _PROBLEM_ENTITIES[ident.problem]]
    entities += [tool_entities[picked[i]] for i in _sample(_INDEX_SUBSETS[len(picked)], 0, 3, r)]
    if edge and r() < 0.5 * 2**32:
        entities += [tool_entities[tool] for tool in tools]
    d.entities = entities
    d.notes = notes = _sample(_NOTE_SUBSETS, 2, 3, r)
    if edge:
        d.notes = profiles.choose_list(profile, notes, vocabulary.NOTES, r)
    first = max(0, seed - rules.SIMILAR_DISTANCE)
    positions: Sequence[int] = _sample(_INDEX_SUBSETS[seed - first], 3, 3, r)
    if edge:
        positions = profiles.choose_list(profile, positions, range(seed - first), r)
    posts = _POSTS[profile]
    d.similar = [posts[first + i] for i in reversed(positions)]

    d.topic = f"{ident.problem} / {stack.name}"
    d.summary = _fill(table.summaries, r, values)
    d.action = vocabulary.ACTIONS[(r() * len(vocabulary.ACTIONS)) >> 32]
    d.brief = _fill(table.briefs, r, values)
    d.stack_list = table.stack_list
    d.code_language = stack.code_language
    d.reference = reference = rules.reference_from_word(seed, profile, ident.words[rules.REFERENCE_WORD])
    _keep_post(seed, profile, reference, ident.title)  # the next twelve seeds may name it
    d.source_id = rules.source_id(seed)
    if profile != "realistic":
        profiles.apply(d, profile, r)
        words = sum(rules.word_count(text) for _, joined, _ in d.sections for text in draft_paragraphs(joined))
        words += rules.word_count(d.intro)
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
