"""The record while it is being built: plain attributes, then written out as canonical JSON.

Why not build the ``Article`` dict directly: the hot path (a jsonl line per seed) never needs
the dict, and filling one only to walk it again for JSON costs a third of a record's time.
A Draft holds each value once; :func:`encode` writes the canonical JSON from it in sorted
key order, and dict consumers parse that line, so there is one source of truth.
"""

from __future__ import annotations

from collections.abc import Sequence
from json.encoder import encode_basestring

NO_BLOCK, CODE, CHECKLIST = 0, 1, 2

Section = tuple[str, str, int]
"""Heading, the paragraph texts joined by :data:`PARAGRAPHS`, then the block after the
paragraphs: NO_BLOCK, CODE or CHECKLIST.

Every layout puts a section's code block or checklist after its paragraphs, so paragraphs
are kept as the one string they are in the JSON: the generator writes them as pieces
joined once, not one string per paragraph and again per section. Only the edge and hostile
profiles, off the hot path, take them apart again (:func:`paragraphs`).
"""

PARAGRAPHS = '","type":"paragraph"},{"text":"'
"""Between two paragraph texts of a section, in its JSON. No generated text holds it: realistic
text has no quote, and the profiles' samples are checked not to (profiles.py)."""


def paragraphs(joined: str) -> list[str]:
    """The paragraph texts of a section's joined paragraphs."""
    return joined.split(PARAGRAPHS) if joined else []


class Draft:
    """Every value of one record; ``sections`` as :data:`Section`. A code block is
    ``code_block``, a checklist's items are ``checklist``: one list for body and box, so they
    cannot disagree. Lists are sequences: realistic ones are shared tuples, never changed in place."""

    __slots__ = (
        "action", "brief", "checklist", "clarity", "code_block", "code_language", "context", "depth", "difficulty",
        "entities", "flag_ai", "flag_heavy", "flag_images", "flag_review", "freshness", "intro",
        "last_reviewed", "notes", "paragraphs", "problem", "profile", "quality", "reading_time", "reference",
        "scenario", "sections", "seed", "similar", "source_id", "stack", "stack_list", "status", "summary",
        "title", "tools", "topic", "version", "view_count",
    )  # fmt: skip

    action: str
    brief: str
    checklist: Sequence[str]
    clarity: int
    code_block: str
    """The code block as JSON (snippets are fixed, so escaped once per process)."""
    code_language: str
    context: str
    depth: int
    difficulty: str
    entities: Sequence[str]
    """As JSON objects, already escaped: most are the stack's, cached per process."""
    flag_ai: bool
    flag_heavy: bool
    flag_images: bool
    flag_review: bool
    freshness: int
    intro: str
    last_reviewed: str
    notes: Sequence[str]
    paragraphs: int
    problem: str
    profile: str
    quality: int
    reading_time: int
    reference: str
    scenario: str
    sections: list[Section]
    seed: int
    similar: Sequence[str]
    """The similar posts as JSON objects, already escaped (each is cached, see article.py)."""
    source_id: str
    stack: str
    stack_list: str
    """As a JSON list: fixed per stack."""
    status: str
    summary: str
    title: str
    tools: Sequence[str]
    topic: str
    version: str
    view_count: int


def needs_escape(text: str) -> bool:
    """True if JSON would escape a character of ``text`` (quote, backslash, control character)."""
    return encode_basestring(text) != f'"{text}"'


def escaped(text: str) -> str:
    """``text`` as it is written between the quotes of a JSON string."""
    return encode_basestring(text)[1:-1]


def escape(d: Draft) -> None:
    """Replace every free-text value of ``d`` by its JSON-escaped form (without quotes), in place.

    Realistic drafts skip this: their words come from a vocabulary checked to need no
    escaping, and scanning 6 KB of text per record is a fifth of its cost. Edge and hostile
    drafts carry quotes, backslashes and control characters, so they are escaped before
    :func:`encode`. Values drawn from fixed sets (references, dates, enums) never need it.
    """
    e = escaped
    d.title, d.intro, d.brief, d.summary, d.topic = e(d.title), e(d.intro), e(d.brief), e(d.summary), e(d.topic)
    d.context, d.problem, d.action, d.stack, d.scenario = (
        e(d.context), e(d.problem), e(d.action), e(d.stack), e(d.scenario)
    )  # fmt: skip
    d.checklist = [e(item) for item in d.checklist]
    d.notes = [e(n) for n in d.notes]
    d.tools = [e(t) for t in d.tools]
    d.sections = [
        (e(heading), PARAGRAPHS.join(map(e, paragraphs(joined))), block) for heading, joined, block in d.sections
    ]


def json_strings(items: Sequence[str]) -> str:
    """A JSON list of strings that are JSON-safe already."""
    return '["' + '","'.join(items) + '"]' if items else "[]"


def entity_json(name: str, kind: str) -> str:
    """One of ``meta.entities`` as JSON, ``name`` escaped here."""
    return f'{{"name":"{escaped(name)}","type":"{kind}"}}'


_BOOL = ("false", "true")


def encode(d: Draft, generator: str, generator_version: str) -> tuple[str, str]:
    """Canonical JSON of the record (sorted keys, no spaces), cut where ``meta.hash``'s value goes.

    ``head + tail`` is the JSON with ``"hash":""``, the text the hash is taken of, and
    ``head + digest + tail`` the finished line: no search for the placeholder afterwards.
    Every text value of ``d`` must already be JSON-safe (see :func:`escape`), so values are
    written between quotes as they are.
    """
    checklist = json_strings(d.checklist)
    after = ("", f",{d.code_block}", f',{{"items":{checklist},"type":"checklist"}}')  # by block kind
    # The sections are most of the record's bytes: they are gathered as pieces and copied
    # once, into the tail, rather than once per block, per section and again for the list.
    sections: list[str] = []
    for heading, joined, block in d.sections:
        if joined:
            sections += ('{"blocks":[{"text":"', joined, '","type":"paragraph"}', after[block], '],"heading":"')
        else:
            sections += ('{"blocks":[', after[block][1:], '],"heading":"')
        sections += (heading, '"},')
    if sections:
        sections[-1] = '"}'
    head = (
        f'{{"generator_version":"{generator_version}","intro":"{d.intro}",'
        f'"meta":{{"ai_brief":"{d.brief}",'
        f'"ai_outline":{{"context":"{d.context}","problem":"{d.problem}",'
        f'"recommended_action":"{d.action}","stack":"{d.stack}"}},'
        f'"checklist":{checklist},"code_language":"{d.code_language}",'
        f'"difficulty":"{d.difficulty}","entities":[{",".join(d.entities)}],'
        f'"flags":{{"ai_generated_style":{_BOOL[d.flag_ai]},"has_images":{_BOOL[d.flag_images]},'
        f'"image_heavy":{_BOOL[d.flag_heavy]},"needs_human_review":{_BOOL[d.flag_review]}}},'
        '"hash":"'
    )
    tail = "".join((
        f'","notes":{json_strings(d.notes)},'
        f'"payload":{{"generator":"{generator}","paragraphs":{d.paragraphs},'
        f'"scenario":"{d.scenario}","seed":{d.seed},"source_id":"{d.source_id}"}},'
        f'"reading_time":{d.reading_time},"reference":"{d.reference}",'
        f'"revision":{{"last_reviewed":"{d.last_reviewed}","status":"{d.status}","version":"{d.version}"}},'
        f'"score":{{"clarity":{d.clarity},"depth":{d.depth},"freshness":{d.freshness},"quality":{d.quality}}},'
        f'"stack":{d.stack_list},"summary":"{d.summary}","tools":{json_strings(d.tools)},'
        f'"topic":"{d.topic}","view_count":{d.view_count}}},'
        f'"profile":"{d.profile}","schema_version":1,"sections":[',
        *sections,
        f'],"seed":{d.seed},"similar_posts":[{",".join(d.similar)}],"title":"{d.title}"}}',
    ))  # fmt: skip
    return head, tail
