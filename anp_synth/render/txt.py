"""Plain text, laid out like the site's page scraped to text (``tests/data/alphanode-019503.txt``).

Blocks are separated by one blank line; the post-meta box keeps the scrape's quirk of a
label running straight into its value (``topicbuilding safer…``), lists and objects go on
the following lines as ``  • `` bullets, entities one level deeper. The document has no
final newline, like the sample: the caller prints it with one.
"""

from __future__ import annotations

from ..model import Article, Block
from ..rules import BRAND
from ._meta import MetaField, meta_fields
from ._text import visible

BULLET = "  \u2022 "
ENTITY_BULLET = "    \u2022 "


def _block(block: Block) -> str:
    if block["type"] == "checklist":
        return "\n".join(BULLET + visible(item) for item in block["items"])
    return visible(block["text"])


def _field(row: MetaField) -> list[str]:
    if row.kind == "scalar":
        return [row.label + visible(row.value)]
    lines = [row.label]
    if row.kind == "list":
        lines.extend(BULLET + visible(item) for item in row.items)
    elif row.kind == "object":
        lines.extend(f"{BULLET}{name}: {visible(value)}" for name, value in row.pairs)
    else:
        for group in row.groups:
            lines.extend(f"{ENTITY_BULLET}{name}: {visible(value)}" for name, value in group)
    return lines


def render_txt(record: Article) -> str:
    parts = ["|", visible(record["title"]), visible(record["intro"])]
    for section in record["sections"]:
        parts.append(visible(section["heading"]))
        parts.extend(text for text in map(_block, section["blocks"]) if text)
    parts.append(f"{BRAND} post meta")
    parts.append("\n".join(line for row in meta_fields(record["meta"]) for line in _field(row)))
    similar = [f"{BULLET}{visible(p['title'])} ({visible(p['reference'])})" for p in record["similar_posts"]]
    parts.append("\n\n".join(["Similar Posts", "\n".join(similar)]) if similar else "Similar Posts")
    return "\n\n".join(parts)
