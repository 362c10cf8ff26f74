"""A standalone HTML page of one record: every value escaped, list meta as lists, no script.

Every piece of record text goes through :func:`text` (controls shown as pictures, see
``_text``; then ``html.escape(..., quote=True)``), so a value can never open a tag or leave
an attribute. The only attributes carrying record data are ``id``/``href`` (a reference,
and only when it is a plain ``[A-Za-z0-9._-]`` token) and ``class`` (the code language,
reduced to the same alphabet). The page loads nothing: styles are inline, and a
Content-Security-Policy forbids scripts and remote resources even if a browser were fooled.
"""

from __future__ import annotations

import html
import re

from ..model import Article, Block
from ..rules import BRAND
from ._meta import MetaField, Pair, meta_fields
from ._text import anchor_id, visible

_STYLE = (
    "body{font:16px/1.5 system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#222}"
    "h1,h2,p,li,dd,dt{white-space:pre-line;overflow-wrap:anywhere}"
    "pre{background:#f4f4f4;padding:.75rem;overflow:auto}"
    ".checklist{list-style:'\\2610  '}"
    ".post-meta{border:1px solid #ccc;padding:.5rem 1rem;margin:2rem 0}"
    ".post-meta dt{font-weight:600}.post-meta dd{margin:0 0 .5rem 1rem}"
    ".post-meta dd dl{margin:0}.reference{color:#666;font-size:.9em}"
)
_HEAD = (
    '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
    "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
    '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
    '<meta name="robots" content="noindex">\n'
)
_NOT_CLASS = re.compile(r"[^A-Za-z0-9_+.-]")


def text(value: str) -> str:
    """Record text made safe for element content and quoted attribute values alike."""
    return html.escape(visible(value), quote=True)


def _block(block: Block) -> str:
    if block["type"] == "paragraph":
        return f"<p>{text(block['text'])}</p>"
    if block["type"] == "code":
        language = _NOT_CLASS.sub("", block["language"])
        cls = f' class="language-{language}"' if language else ""
        return f"<pre><code{cls}>{text(block['text'])}</code></pre>"
    return '<ul class="checklist">' + "".join(f"<li>{text(item)}</li>" for item in block["items"]) + "</ul>"


def _dl(pairs: tuple[Pair, ...]) -> str:
    return "<dl>" + "".join(f"<dt>{text(name)}</dt><dd>{text(value)}</dd>" for name, value in pairs) + "</dl>"


def _field(row: MetaField) -> str:
    if row.kind == "scalar":
        body = text(row.value)
    elif row.kind == "list":
        body = "<ul>" + "".join(f"<li>{text(item)}</li>" for item in row.items) + "</ul>"
    elif row.kind == "object":
        body = _dl(row.pairs)
    else:
        body = "<ul>" + "".join(f"<li>{_dl(group)}</li>" for group in row.groups) + "</ul>"
    return f'<dt>{text(row.label)}</dt><dd class="meta-{row.key}">{body}</dd>'


def _similar(title: str, reference: str) -> str:
    target = anchor_id(reference)
    label = f'<a href="#{text(target)}">{text(title)}</a>' if target else f"<span>{text(title)}</span>"
    return f'<li>{label} <span class="reference">{text(reference)}</span></li>'


def render_html(record: Article) -> str:
    reference = record["meta"]["reference"]
    target = anchor_id(reference)
    out = [_HEAD, f"<title>{text(record['title'])}</title>\n<style>{_STYLE}</style>\n</head>\n<body>\n"]
    out.append(f'<article id="{text(target)}">\n' if target else "<article>\n")
    out.append(f"<h1>{text(record['title'])}</h1>\n<p>{text(record['intro'])}</p>\n")
    for section in record["sections"]:
        out.append(f"<section>\n<h2>{text(section['heading'])}</h2>\n")
        out.extend(_block(block) + "\n" for block in section["blocks"])
        out.append("</section>\n")
    out.append(f'<aside class="post-meta">\n<h2>{BRAND} post meta</h2>\n<dl>\n')
    out.extend(_field(row) + "\n" for row in meta_fields(record["meta"]))
    out.append('</dl>\n</aside>\n<nav class="similar-posts">\n<h2>Similar Posts</h2>\n<ul>\n')
    out.extend(_similar(p["title"], p["reference"]) + "\n" for p in record["similar_posts"])
    out.append("</ul>\n</nav>\n</article>\n</body>\n</html>")
    return "".join(out)
