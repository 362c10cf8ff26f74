"""The baseline generate is measured against: a straightforward Faker generator, same record shape.

One Faker instance, seeded once; Faker's sentence/paragraph/word/name/company/date providers
fill every field anp-synth fills (sections with paragraphs, a code block, the checklist,
similar posts, every post-meta field), then the record is serialised like anp-synth's
(canonical JSON with a blake2b content hash). Sizes are matched to anp-synth's realistic
profile (about 6 paragraphs of about 4-5 sentences of about 13 words).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator

from faker import Faker


def faker_lines(seed: int, count: int) -> Iterator[str]:
    fake = Faker("en_US")
    fake.seed_instance(seed)
    for s in range(seed, seed + count):

        def para() -> str:
            return " ".join(fake.sentence(nb_words=13) for _ in range(fake.random_int(3, 6)))

        checklist = [fake.sentence(nb_words=4) for _ in range(fake.random_int(3, 6))]
        sections = []
        for i in range(5):
            blocks: list[dict[str, object]] = [
                {"type": "paragraph", "text": para()} for _ in range(fake.random_int(1, 3))
            ]
            if i == 1:
                blocks.append({"type": "code", "language": "python", "text": fake.text(max_nb_chars=160)})
            if i == 3:
                blocks = [{"type": "checklist", "items": checklist}]
            sections.append({"heading": fake.sentence(nb_words=3), "blocks": blocks})
        stack = [fake.word(), fake.word(), fake.word()]
        problem = fake.bs()
        record = {
            "schema_version": 1, "generator_version": "faker", "profile": "realistic", "seed": s,
            "title": fake.sentence(nb_words=10), "intro": para(), "sections": sections,
            "similar_posts": [
                {"seed": s - k, "reference": f"anp-ref-{s - k:06d}-{fake.random_int(0, 9999):04d}",
                 "title": fake.sentence(nb_words=10)}
                for k in range(1, fake.random_int(3, 6))
            ],
            "meta": {
                "topic": f"{problem} / {stack[0]}", "summary": fake.sentence(nb_words=25),
                "ai_outline": {"context": fake.sentence(), "problem": problem, "stack": stack[0],
                               "recommended_action": fake.sentence()},
                "ai_brief": fake.paragraph(nb_sentences=2), "stack": stack, "tools": fake.words(6),
                "code_language": "python", "difficulty": fake.random_element(["beginner", "intermediate"]),
                "reading_time": fake.random_int(1, 10), "view_count": int(fake.pyfloat(min_value=0, max_value=1e6)),
                "score": {"quality": fake.random_int(0, 100), "freshness": fake.random_int(0, 100),
                          "depth": fake.random_int(0, 100), "clarity": fake.random_int(0, 100)},
                "revision": {"status": "drafted", "version": fake.numerify("#.#.#"),
                             "last_reviewed": fake.date_between("-5y", "-1y").isoformat()},
                "reference": f"anp-ref-{s:06d}-{fake.random_int(0, 9999):04d}", "hash": "",
                "flags": {"ai_generated_style": fake.pybool(), "has_images": fake.pybool(),
                          "image_heavy": fake.pybool(), "needs_human_review": fake.pybool()},
                "checklist": checklist,
                "entities": [{"name": fake.company(), "type": "stack"}, {"name": fake.job(), "type": "area"},
                             {"name": fake.catch_phrase(), "type": "problem"}],
                "payload": {"source_id": f"alphanode-{s:06d}", "generator": fake.name(), "paragraphs": 7,
                            "scenario": fake.sentence(), "seed": s},
                "notes": [fake.sentence() for _ in range(3)],
            },
        }  # fmt: skip
        blank = json.dumps(record, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        record["meta"]["hash"] = hashlib.blake2b(blank.encode(), digest_size=12).hexdigest()  # type: ignore[index]
        yield json.dumps(record, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
