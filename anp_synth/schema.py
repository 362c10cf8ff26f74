"""The JSON Schema (2020-12) of one record, built here and committed as schemas/article.schema.json.

Built in Python so limits come from the same constants the generator uses; a test keeps the
committed file equal to :func:`article_schema`. Limits are generous on purpose: the edge
profile reaches them, real data sets stay far below.
"""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any

from .model import CODE_LANGUAGES, DIFFICULTIES, ENTITY_TYPES, PROFILES, REVISION_STATUSES, SCHEMA_VERSION
from .rules import MAX_SEED

SCHEMA_ID = f"https://anp-synth.example/schemas/article-v{SCHEMA_VERSION}.json"

MAX_SHORT_TEXT = 2_000
"""Titles, headings, summaries, list items: one long word (988 letters) plus prose fits."""
MAX_LONG_TEXT = 20_000
"""Paragraphs and code blocks."""
MAX_LIST = 64
MAX_VIEW_COUNT = 2**53 - 1
MAX_SECTIONS = 32
MAX_BLOCKS = 32


def _text(max_length: int = MAX_SHORT_TEXT, *, min_length: int = 0) -> dict[str, Any]:
    return {"type": "string", "minLength": min_length, "maxLength": max_length}


def _obj(properties: dict[str, Any]) -> dict[str, Any]:
    return {
        "type": "object",
        "additionalProperties": False,
        "required": list(properties),
        "properties": properties,
    }


def _list(items: dict[str, Any], max_items: int = MAX_LIST) -> dict[str, Any]:
    return {"type": "array", "maxItems": max_items, "items": items}


def _int(minimum: int, maximum: int) -> dict[str, Any]:
    return {"type": "integer", "minimum": minimum, "maximum": maximum}


def article_schema() -> dict[str, Any]:
    """The schema as a fresh dict (callers may mutate their copy)."""
    score = _int(0, 100)
    seed = _int(0, MAX_SEED)
    reference = {"type": "string", "pattern": r"^anp-ref-[0-9]{6,}-[0-9]{4}$"}
    block = {
        "oneOf": [
            _obj({"type": {"const": "paragraph"}, "text": _text(MAX_LONG_TEXT, min_length=1)}),
            _obj({"type": {"const": "code"}, "language": {"enum": list(CODE_LANGUAGES)},
                  "text": _text(MAX_LONG_TEXT, min_length=1)}),
            _obj({"type": {"const": "checklist"}, "items": _list(_text(min_length=1))}),
        ]
    }  # fmt: skip
    meta = _obj(
        {
            "topic": _text(min_length=3),
            "summary": _text(min_length=1),
            "ai_outline": _obj(
                {"context": _text(min_length=1), "problem": _text(min_length=1), "stack": _text(min_length=1),
                 "recommended_action": _text(min_length=1)}
            ),
            "ai_brief": _text(min_length=1),
            "stack": {"type": "array", "minItems": 3, "maxItems": 3, "items": _text(200, min_length=1)},
            "tools": _list(_text(200, min_length=1)),
            "code_language": {"enum": list(CODE_LANGUAGES)},
            "difficulty": {"enum": list(DIFFICULTIES)},
            "reading_time": _int(1, 10_000),
            "view_count": _int(0, MAX_VIEW_COUNT),
            "score": _obj({"quality": score, "freshness": score, "depth": score, "clarity": score}),
            "revision": _obj(
                {"status": {"enum": list(REVISION_STATUSES)},
                 "version": {"type": "string", "pattern": r"^(0|[1-9][0-9]{0,2})\.(0|[1-9][0-9]{0,2})\.(0|[1-9][0-9]{0,2})$"},
                 "last_reviewed": {"type": "string", "format": "date", "pattern": r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}}
            ),
            "reference": reference,
            "hash": {"type": "string", "pattern": "^[0-9a-f]{24}$"},
            "flags": _obj(
                {"ai_generated_style": {"type": "boolean"}, "has_images": {"type": "boolean"},
                 "image_heavy": {"type": "boolean"}, "needs_human_review": {"type": "boolean"}}
            ),
            "checklist": _list(_text(min_length=1)),
            "entities": {
                "type": "array", "minItems": 3, "maxItems": MAX_LIST,
                "items": _obj({"name": _text(min_length=1), "type": {"enum": list(ENTITY_TYPES)}}),
            },
            "payload": _obj(
                {"source_id": {"type": "string", "pattern": r"^alphanode-[0-9]{6,}$"},
                 "generator": _text(100, min_length=1), "paragraphs": _int(0, MAX_SECTIONS * MAX_BLOCKS),
                 "scenario": _text(min_length=1), "seed": seed}
            ),
            "notes": _list(_text(min_length=1)),
        }
    )  # fmt: skip
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "anp-synth article record",
        "description": "One synthetic article: body sections plus its post-meta box. See docs/RECORD.md, 'The rules every record keeps'.",
        **_obj(
            {
                "schema_version": {"const": SCHEMA_VERSION},
                "generator_version": {"type": "string", "pattern": r"^[0-9]+\.[0-9]+$"},
                "profile": {"enum": list(PROFILES)},
                "seed": seed,
                "title": _text(min_length=1),
                "intro": _text(MAX_LONG_TEXT, min_length=1),
                "sections": {
                    "type": "array", "minItems": 1, "maxItems": MAX_SECTIONS,
                    "items": _obj({"heading": _text(min_length=1),
                                   "blocks": {"type": "array", "maxItems": MAX_BLOCKS, "items": block}}),
                },
                "similar_posts": _list(_obj({"seed": seed, "reference": reference, "title": _text(min_length=1)}), 12),
                "meta": meta,
            }
        ),
    }  # fmt: skip


def schema_json() -> str:
    """The committed file's exact text."""
    return json.dumps(article_schema(), indent=2, ensure_ascii=False) + "\n"


@lru_cache(maxsize=1)
def validator() -> Any:
    """A compiled Draft 2020-12 validator, built once per process (compiling costs milliseconds)."""
    import jsonschema

    cls = jsonschema.Draft202012Validator
    cls.check_schema(article_schema())
    return cls(article_schema(), format_checker=cls.FORMAT_CHECKER)
