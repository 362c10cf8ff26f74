"""Markdown (CommonMark plus GFM tables/strikethrough in mind) in which record text stays text.

Free text is escaped so that no value can open raw HTML, a link, emphasis, a code span or a
new block: the characters ``\\ ` * _ [ ] < > & ~ | #`` are always backslash-escaped; at
the start of a line, so is a ``+ - =`` that could begin a list marker, a thematic break or
a setext underline, and the ``.``/``)`` of a leading ordered-list number. Leading
whitespace of a line is dropped (it could only start indented code). A line break inside a
value becomes a hard break (``\\`` at line end, continuation indented into its list item);
headings, which cannot span lines, get a space instead.
Code fences are one backtick longer than the longest backtick run of the code.
"""

from __future__ import annotations

import re

from ..model import Article, Block
from ..rules import BRAND
from ._meta import MetaField, meta_fields
from ._text import anchor_id, visible

_ALWAYS = re.compile(r"([\\`*_\[\]<>&~|#])")
_LINE_START = re.compile(r"^(?:([+\-=])(?=[+\-= \t]|$)|(\d{1,9})([.)])(?=[ \t]|$))")
_BACKTICKS = re.compile(r"`+")
_NOT_INFO = re.compile(r"[^A-Za-z0-9_+.-]")


def _line(text: str) -> str:
    text = _ALWAYS.sub(r"\\\1", text.lstrip(" \t"))
    return _LINE_START.sub(lambda m: "\\" + m.group(1) if m.group(1) else m.group(2) + "\\" + m.group(3), text)


def inline(text: str, indent: str = "") -> str:
    """``text`` escaped as Markdown; continuation lines carry ``indent`` to stay in their list item."""
    lines = visible(text).split("\n")
    while len(lines) > 1 and not lines[-1].strip(" \t"):
        lines.pop()
    return ("\\\n" + indent).join(_line(line) for line in lines)


def heading(text: str) -> str:
    return _line(" ".join(visible(text).split("\n")))


def fence(code: str, language: str) -> str:
    longest = max((len(run) for run in _BACKTICKS.findall(code)), default=0)
    marks = "`" * max(3, longest + 1)
    return f"{marks}{_NOT_INFO.sub('', language)}\n{visible(code)}\n{marks}"


def _block(block: Block) -> str:
    if block["type"] == "paragraph":
        return inline(block["text"])
    if block["type"] == "code":
        return fence(block["text"], block["language"])
    return "\n".join("- [ ] " + inline(item, "  ") for item in block["items"])


def _field(row: MetaField) -> list[str]:
    head = f"- **{row.label}:**"
    if row.kind == "scalar":
        return [f"{head} {inline(row.value, '  ')}"]
    lines = [head]
    if row.kind == "list":
        lines.extend("  - " + inline(item, "    ") for item in row.items)
    elif row.kind == "object":
        lines.extend(f"  - **{name}:** {inline(value, '    ')}" for name, value in row.pairs)
    else:
        for group in row.groups:
            lines.append("  - " + ", ".join(f"**{name}:** {inline(value, '    ')}" for name, value in group))
    return lines


def _similar(title: str, reference: str) -> str:
    target = anchor_id(reference)
    text = inline(title, "  ")
    link = f"[{text}](#{target})" if target else text
    return f"- {link} ({inline(reference, '  ')})"


def render_md(record: Article) -> str:
    parts = ["# " + heading(record["title"]), inline(record["intro"])]
    for section in record["sections"]:
        parts.append("## " + heading(section["heading"]))
        parts.extend(text for text in map(_block, section["blocks"]) if text)
    parts.append(f"## {BRAND} post meta")
    parts.append("\n".join(line for row in meta_fields(record["meta"]) for line in _field(row)))
    parts.append("## Similar Posts")
    if record["similar_posts"]:
        parts.append("\n".join(_similar(p["title"], p["reference"]) for p in record["similar_posts"]))
    return "\n\n".join(parts)
