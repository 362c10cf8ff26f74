"""The txt view is the site's page scraped to text: the reference sample, byte for byte."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from anp_synth.generator import build
from anp_synth.model import PROFILES, Article
from anp_synth.render import render
from anp_synth.render._text import visible

SAMPLE = Path(__file__).parent / "data" / "alphanode-019503.txt"

_CHECKLIST = [
    "review query plans",
    "add indexes carefully",
    "test with realistic data",
    "compare before and after metrics",
    "document the migration",
]
_SCENARIO = "while keeping the admin area responsive"
_STACK_NOTE = " for this python services case, keep the owner, expected result, and rollback note in the same place."


def sample_record() -> Article:
    """Every value of tests/data/alphanode-019503.txt, shaped the way the generator shapes a record."""
    return {
        "schema_version": 1,
        "generator_version": "1.0",
        "profile": "realistic",
        "seed": 19503,
        "title": "production checklist for building safer deployment steps in python services",
        "intro": (
            "this is a field note for developers who want a calm, readable solution. the focus is building "
            "safer deployment steps in python services while keeping the admin area responsive, with checks "
            "that can be reused later."
        ),
        "sections": [
            {
                "heading": "production checks",
                "blocks": [
                    {
                        "type": "paragraph",
                        "text": "cache rules should be written for people who will debug them later. name the "
                        "rule, document the bypass conditions, and include examples of pages that should and "
                        "should not be cached.",
                    },
                    {
                        "type": "paragraph",
                        "text": "database changes need extra care. check the existing indexes, inspect the query "
                        "plan, and test the migration on a copy of real data. the fastest query in development "
                        "can still become the slowest request in production.",
                    },
                    {
                        "type": "paragraph",
                        "text": "large content sites need predictable background work. queues, cron events, and "
                        "import scripts should be idempotent, logged, and safe to run again. that makes recovery "
                        "much easier when a request stops halfway through." + _STACK_NOTE,
                    },
                    {
                        "type": "paragraph",
                        "text": "monitoring should answer simple questions quickly: is the service up, is it slow, "
                        "are jobs failing, and did the last deployment change anything. dashboards are useful "
                        "only when the signals are easy to understand during pressure. the alphanode approach is "
                        "to prefer a small verified change over a broad rewrite.",
                    },
                    {
                        "type": "code",
                        "language": "python",
                        "text": "from fastapi import FastAPI\napp = FastAPI()\n\n@app.get('/health')\n"
                        "def health():\n    return {'ok': True}",
                    },
                ],
            },
            {
                "heading": "why this matters",
                "blocks": [
                    {
                        "type": "paragraph",
                        "text": "for performance work, change one variable at a time. measure the before state, "
                        "apply the smallest safe change, clear only the cache that matters, and compare the "
                        "result. this avoids confusing a lucky cache hit with a real fix.",
                    },
                    {
                        "type": "paragraph",
                        "text": "start by writing down what the system currently does. include the route, the "
                        "expected input, the slow query or failing command, and the exact place where the user "
                        "notices the problem. this small baseline prevents random changes and makes the final "
                        "result easier to verify." + _STACK_NOTE,
                    },
                ],
            },
            {
                "heading": "implementation checklist",
                "blocks": [{"type": "checklist", "items": list(_CHECKLIST)}],
            },
            {
                "heading": "final notes",
                "blocks": [
                    {
                        "type": "paragraph",
                        "text": "the best result is not only a faster or cleaner python services implementation. "
                        "it is a change that another developer can inspect, understand, and safely repeat. keep "
                        "the final commands, metrics, and assumptions close to the article so future maintenance "
                        "is easier.",
                    }
                ],
            },
        ],
        "similar_posts": [],
        "meta": {
            "topic": "building safer deployment steps / python services",
            "summary": "this ai-style technical summary explains building safer deployment steps in python "
            "services, with emphasis on measurement, safe defaults, rollback planning, and maintainable "
            "documentation.",
            "ai_outline": {
                "context": _SCENARIO,
                "problem": "building safer deployment steps",
                "stack": "python services",
                "recommended_action": "measure first, change carefully, document the result",
            },
            "ai_brief": "the article is written like a careful ai generated engineering draft: it explains the "
            "reason for the change, lists operational checks, and avoids pretending that one command fixes "
            "every production case.",
            "stack": ["python services", "backend", "python"],
            "tools": ["fastapi", "pytest", "uvicorn", "ruff", "git", "logs"],
            "code_language": "python",
            "difficulty": "beginner",
            "reading_time": 9,
            "view_count": 760802,
            "score": {"quality": 87, "freshness": 85, "depth": 97, "clarity": 97},
            "revision": {"status": "drafted", "version": "1.7.4", "last_reviewed": "2024-02-06"},
            "reference": "anp-ref-019503-6154",
            "hash": "b8f480553439a82e632d1fcf",
            "flags": {
                "ai_generated_style": True,
                "has_images": False,
                "image_heavy": False,
                "needs_human_review": False,
            },
            "checklist": list(_CHECKLIST),
            "entities": [
                {"name": "python services", "type": "stack"},
                {"name": "backend", "type": "area"},
                {"name": "building safer deployment steps", "type": "problem"},
            ],
            "payload": {
                "source_id": "alphanode-019503",
                "generator": "anp content synthesizer",
                "paragraphs": 7,
                "scenario": _SCENARIO,
                "seed": 19503,
            },
            "notes": [
                "sanitized array meta is expected to render as a list in the frontend box",
                "view count is synthetic and only used for testing meta volume",
                "content is generated for import/load testing and should be reviewed before indexing",
            ],
        },
    }


def test_txt_reproduces_the_reference_sample_byte_for_byte() -> None:
    expected = SAMPLE.read_bytes()
    assert not expected.endswith(b"\n"), "the sample ends right after 'Similar Posts'"
    assert render(sample_record(), "txt").encode("utf-8") == expected


def test_txt_lists_similar_posts_one_per_line_with_title_and_reference() -> None:
    record = sample_record()
    record["similar_posts"] = [
        {"seed": 19502, "reference": "anp-ref-019502-6537", "title": "lessons from a migration"},
        {"seed": 19498, "reference": "anp-ref-019498-4795", "title": "adding indexes without downtime"},
    ]
    page = render(record, "txt")
    assert page.endswith(
        "\n\nSimilar Posts\n\n"
        "  • lessons from a migration (anp-ref-019502-6537)\n"
        "  • adding indexes without downtime (anp-ref-019498-4795)"
    )


def test_txt_shows_control_characters_as_pictures_instead_of_emitting_them() -> None:
    record = sample_record()
    record["title"] = "red \x1b[31m bell\x07 cr\r lf\ncrlf\r\n tab\t del\x7f nel\x85"
    first_lines = render(record, "txt").split("\n\n")[1]
    assert first_lines == "red ␛[31m bell␇ cr␍ lf\ncrlf\n tab\t del␡ nel\ufffd"


@given(seed=st.integers(0, 10**9), profile=st.sampled_from(PROFILES))
def test_txt_carries_every_checklist_item_and_the_reference(seed: int, profile: str) -> None:
    record = build(seed, profile)[0]
    page = render(record, "txt")
    assert page.startswith("|\n\n" + visible(record["title"]) + "\n\n")
    assert "\nreference" + record["meta"]["reference"] + "\n" in page
    for item in record["meta"]["checklist"]:
        assert "  • " + visible(item) in page
    for post in record["similar_posts"]:
        assert f"({post['reference']})" in page
    assert not any(0x00 <= ord(c) < 0x20 and c not in "\t\n" for c in page)
