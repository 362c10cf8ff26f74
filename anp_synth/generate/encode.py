"""Write a generated record's canonical JSON directly, without ``json.dumps``.

Why: serialising is half the cost of a record, and ``json.dumps(sort_keys=True)`` walks and
sorts every dict. Generated records have one fixed shape, so their canonical JSON can be
written field by field in sorted key order. The output is byte-identical to
:func:`anp_synth.rules.canonical_json` (a property test holds it to that).

``quote`` is the string encoder: ``json.encoder.encode_basestring`` (C) for arbitrary text,
or :func:`quote_clean` for text known to need no escaping (every string of a realistic
record comes from the vocabulary, which is checked to be escape-free at import).
"""

from __future__ import annotations

from collections.abc import Callable
from json.encoder import encode_basestring

from ..model import Article, Block

Quote = Callable[[str], str]


def quote_clean(text: str) -> str:
    return f'"{text}"'


def needs_escape(text: str) -> bool:
    """True if JSON would escape a character of ``text`` (quote, backslash, control character)."""
    return encode_basestring(text) != f'"{text}"'


def _list(items: list[str], q: Quote) -> str:
    return "[" + ",".join(map(q, items)) + "]"


def _bool(value: bool) -> str:
    return "true" if value else "false"


def _block(block: Block, q: Quote, code: Quote) -> str:
    if block["type"] == "paragraph":
        return f'{{"text":{q(block["text"])},"type":"paragraph"}}'
    if block["type"] == "code":
        return f'{{"language":{q(block["language"])},"text":{code(block["text"])},"type":"code"}}'
    return f'{{"items":{_list(block["items"], q)},"type":"checklist"}}'


def encode_article(record: Article, q: Quote = encode_basestring, code: Quote = encode_basestring) -> str:
    """Canonical JSON of a generated record (sorted keys, no spaces, UTF-8 text)."""
    m = record["meta"]
    o, f, p, rv, sc = m["ai_outline"], m["flags"], m["payload"], m["revision"], m["score"]
    sections = ",".join(
        '{"blocks":[' + ",".join(_block(b, q, code) for b in s["blocks"]) + f'],"heading":{q(s["heading"])}}}'
        for s in record["sections"]
    )
    similar = ",".join(
        f'{{"reference":{q(x["reference"])},"seed":{x["seed"]},"title":{q(x["title"])}}}'
        for x in record["similar_posts"]
    )
    entities = ",".join(f'{{"name":{q(e["name"])},"type":{q(e["type"])}}}' for e in m["entities"])
    meta = (
        f'{{"ai_brief":{q(m["ai_brief"])},'
        f'"ai_outline":{{"context":{q(o["context"])},"problem":{q(o["problem"])},'
        f'"recommended_action":{q(o["recommended_action"])},"stack":{q(o["stack"])}}},'
        f'"checklist":{_list(m["checklist"], q)},"code_language":{q(m["code_language"])},'
        f'"difficulty":{q(m["difficulty"])},"entities":[{entities}],'
        f'"flags":{{"ai_generated_style":{_bool(f["ai_generated_style"])},"has_images":{_bool(f["has_images"])},'
        f'"image_heavy":{_bool(f["image_heavy"])},"needs_human_review":{_bool(f["needs_human_review"])}}},'
        f'"hash":{q(m["hash"])},"notes":{_list(m["notes"], q)},'
        f'"payload":{{"generator":{q(p["generator"])},"paragraphs":{p["paragraphs"]},'
        f'"scenario":{q(p["scenario"])},"seed":{p["seed"]},"source_id":{q(p["source_id"])}}},'
        f'"reading_time":{m["reading_time"]},"reference":{q(m["reference"])},'
        f'"revision":{{"last_reviewed":{q(rv["last_reviewed"])},"status":{q(rv["status"])},'
        f'"version":{q(rv["version"])}}},'
        f'"score":{{"clarity":{sc["clarity"]},"depth":{sc["depth"]},"freshness":{sc["freshness"]},'
        f'"quality":{sc["quality"]}}},'
        f'"stack":{_list(m["stack"], q)},"summary":{q(m["summary"])},"tools":{_list(m["tools"], q)},'
        f'"topic":{q(m["topic"])},"view_count":{m["view_count"]}}}'
    )
    return (
        f'{{"generator_version":{q(record["generator_version"])},"intro":{q(record["intro"])},"meta":{meta},'
        f'"profile":{q(record["profile"])},"schema_version":{record["schema_version"]},'
        f'"sections":[{sections}],"seed":{record["seed"]},"similar_posts":[{similar}],'
        f'"title":{q(record["title"])}}}'
    )


def encode_clean(record: Article, escaped_code: Callable[[str], str]) -> str:
    """:func:`encode_article` for records whose every string needs no escaping (realistic ones).

    The same layout with quotes written inline: no per-string function call, which is most
    of what encoding costs. Code blocks, which do need escaping, go through ``escaped_code``.
    """
    m = record["meta"]
    o, f, p, rv, sc = m["ai_outline"], m["flags"], m["payload"], m["revision"], m["score"]
    parts = []
    for s in record["sections"]:
        blocks = []
        for b in s["blocks"]:
            if b["type"] == "paragraph":
                blocks.append(f'{{"text":"{b["text"]}","type":"paragraph"}}')
            elif b["type"] == "code":
                blocks.append(f'{{"language":"{b["language"]}","text":{escaped_code(b["text"])},"type":"code"}}')
            else:
                blocks.append(
                    '{"items":["' + '","'.join(b["items"]) + '"],"type":"checklist"}'
                    if b["items"]
                    else '{"items":[],"type":"checklist"}'
                )
        parts.append('{"blocks":[' + ",".join(blocks) + f'],"heading":"{s["heading"]}"}}')
    sections = ",".join(parts)
    similar = ",".join(
        f'{{"reference":"{x["reference"]}","seed":{x["seed"]},"title":"{x["title"]}"}}' for x in record["similar_posts"]
    )
    entities = ",".join(f'{{"name":"{e["name"]}","type":"{e["type"]}"}}' for e in m["entities"])
    return (
        f'{{"generator_version":"{record["generator_version"]}","intro":"{record["intro"]}",'
        f'"meta":{{"ai_brief":"{m["ai_brief"]}",'
        f'"ai_outline":{{"context":"{o["context"]}","problem":"{o["problem"]}",'
        f'"recommended_action":"{o["recommended_action"]}","stack":"{o["stack"]}"}},'
        f'"checklist":{_strings(m["checklist"])},"code_language":"{m["code_language"]}",'
        f'"difficulty":"{m["difficulty"]}","entities":[{entities}],'
        f'"flags":{{"ai_generated_style":{_bool(f["ai_generated_style"])},"has_images":{_bool(f["has_images"])},'
        f'"image_heavy":{_bool(f["image_heavy"])},"needs_human_review":{_bool(f["needs_human_review"])}}},'
        f'"hash":"{m["hash"]}","notes":{_strings(m["notes"])},'
        f'"payload":{{"generator":"{p["generator"]}","paragraphs":{p["paragraphs"]},'
        f'"scenario":"{p["scenario"]}","seed":{p["seed"]},"source_id":"{p["source_id"]}"}},'
        f'"reading_time":{m["reading_time"]},"reference":"{m["reference"]}",'
        f'"revision":{{"last_reviewed":"{rv["last_reviewed"]}","status":"{rv["status"]}","version":"{rv["version"]}"}},'
        f'"score":{{"clarity":{sc["clarity"]},"depth":{sc["depth"]},"freshness":{sc["freshness"]},'
        f'"quality":{sc["quality"]}}},'
        f'"stack":{_strings(m["stack"])},"summary":"{m["summary"]}","tools":{_strings(m["tools"])},'
        f'"topic":"{m["topic"]}","view_count":{m["view_count"]}}},'
        f'"profile":"{record["profile"]}","schema_version":{record["schema_version"]},'
        f'"sections":[{sections}],"seed":{record["seed"]},"similar_posts":[{similar}],'
        f'"title":"{record["title"]}"}}'
    )


def _strings(items: list[str]) -> str:
    return '["' + '","'.join(items) + '"]' if items else "[]"
