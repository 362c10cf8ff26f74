"""The html view is a standalone page in which no record value can become markup."""

from __future__ import annotations

import html
from html.parser import HTMLParser

from hypothesis import given
from hypothesis import strategies as st

from anp_synth.generator import build
from anp_synth.generator.profiles import HOSTILE_SAMPLES
from anp_synth.model import PROFILES, Article
from anp_synth.render import render
from anp_synth.render._text import visible

from .test_render_txt import sample_record

# The renderer's whole vocabulary, written out here so a new tag is a deliberate test change.
OWN_TAGS = frozenset(
    {"html", "head", "meta", "title", "style", "body", "article", "h1", "h2", "p", "section", "pre", "code",
     "ul", "li", "aside", "dl", "dt", "dd", "nav", "a", "span"}
)  # fmt: skip
OWN_ATTRIBUTES = frozenset({"lang", "charset", "http-equiv", "name", "content", "id", "class", "href"})


class Page(HTMLParser):
    """Everything a browser would see as structure: tags, attributes, comments, declarations."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []
        self.oddities: list[str] = []
        self.text: list[str] = []
        self.feed(source)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs.extend(attrs)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.oddities.append(f"self-closing <{tag}>")
        self.handle_starttag(tag, attrs)

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def handle_comment(self, data: str) -> None:
        self.oddities.append(f"comment {data!r}")

    def handle_decl(self, decl: str) -> None:
        if decl != "DOCTYPE html":
            self.oddities.append(f"declaration {decl!r}")

    def handle_pi(self, data: str) -> None:
        self.oddities.append(f"processing instruction {data!r}")

    def unknown_decl(self, data: str) -> None:
        self.oddities.append(f"unknown declaration {data!r}")


def escaped(value: str) -> str:
    return html.escape(visible(value), quote=True)


def assert_only_own_markup(page: str) -> Page:
    lowered = page.lower()
    for needle in ("<script", "<img", "<svg", "<iframe", "<textarea", "<!--"):
        assert needle not in lowered
    parsed = Page(page)
    assert parsed.oddities == []
    assert set(parsed.tags) <= OWN_TAGS
    for name, value in parsed.attrs:
        assert name in OWN_ATTRIBUTES and not name.startswith("on")
        assert not (value or "").strip().lower().startswith("javascript:")
        if name == "href":
            assert (value or "").startswith("#anp-ref-")
    return parsed


def test_html_is_a_standalone_page_without_script_or_remote_resources() -> None:
    page = render(sample_record(), "html")
    assert page.startswith('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n')
    assert page.endswith("</html>")
    parsed = assert_only_own_markup(page)
    assert parsed.tags.count("style") == 1
    assert "script" not in parsed.tags
    assert not any(name in ("src", "srcset", "action") for name, _ in parsed.attrs)
    assert "http://" not in page and "https://" not in page and "url(" not in page


def test_html_renders_list_meta_as_lists_and_objects_as_definition_lists() -> None:
    page = render(sample_record(), "html")
    assert (
        '<dt>tools</dt><dd class="meta-tools"><ul><li>fastapi</li><li>pytest</li><li>uvicorn</li>'
        "<li>ruff</li><li>git</li><li>logs</li></ul></dd>"
    ) in page
    assert '<dt>score</dt><dd class="meta-score"><dl><dt>quality</dt><dd>87</dd>' in page
    assert "<dt>last reviewed</dt><dd>2024-02-06</dd>" in page
    assert "<dt>ai generated style</dt><dd>1</dd><dt>has images</dt><dd>0</dd>" in page
    assert "<li><dl><dt>name</dt><dd>python services</dd><dt>type</dt><dd>stack</dd></dl></li>" in page
    assert '<pre><code class="language-python">from fastapi import FastAPI\n' in page
    assert "return {&#x27;ok&#x27;: True}</code></pre>" in page
    assert '<article id="anp-ref-019503-6154">' in page


def test_html_links_similar_posts_by_reference() -> None:
    record = sample_record()
    record["similar_posts"] = [{"seed": 19502, "reference": "anp-ref-019502-6537", "title": "a <b>bold</b> move"}]
    page = render(record, "html")
    assert (
        '<li><a href="#anp-ref-019502-6537">a &lt;b&gt;bold&lt;/b&gt; move</a> '
        '<span class="reference">anp-ref-019502-6537</span></li>'
    ) in page


def test_html_never_puts_an_odd_reference_or_language_into_an_attribute() -> None:
    record = sample_record()
    hostile = '" onmouseover="alert(1)'
    record["meta"]["reference"] = hostile
    record["similar_posts"] = [{"seed": 1, "reference": "javascript:alert(1)", "title": "t"}]
    code = record["sections"][0]["blocks"][4]
    assert code["type"] == "code"
    code["language"] = 'x" onclick="alert(1)'
    page = render(record, "html")
    assert_only_own_markup(page)
    assert "<article>" in page and '<span>t</span> <span class="reference">javascript:alert(1)</span>' in page
    assert '<code class="language-xonclickalert1">' in page
    assert escaped(hostile) in page


def text_values(record: Article) -> list[str]:
    """The record's free text that every page must show (escaped)."""
    meta = record["meta"]
    values = [record["title"], record["intro"], meta["reference"], meta["summary"], meta["ai_brief"]]
    values += meta["tools"] + meta["checklist"] + meta["notes"] + meta["stack"]
    values += [entity["name"] for entity in meta["entities"]]
    values += [post["title"] for post in record["similar_posts"]]
    for section in record["sections"]:
        values.append(section["heading"])
        for block in section["blocks"]:
            values += block["items"] if block["type"] == "checklist" else [block["text"]]
    return values


@given(seed=st.integers(0, 10**9), profile=st.sampled_from(PROFILES))
def test_html_escapes_every_value_any_profile_produces(seed: int, profile: str) -> None:
    record = build(seed, profile)[0]
    page = render(record, "html")
    parsed = assert_only_own_markup(page)
    for value in text_values(record):
        assert escaped(value) in page
    shown = "".join(parsed.text)
    assert visible(record["title"]) in shown
    assert not any((ord(c) < 0x20 and c not in "\t\n") or 0x7F <= ord(c) < 0xA0 for c in page), (
        "control characters are shown as pictures, never emitted"
    )


def test_html_hostile_samples_stay_text_in_every_kind_of_field() -> None:
    record = sample_record()
    record["meta"]["tools"] = list(HOSTILE_SAMPLES)
    record["meta"]["entities"] = [{"name": s, "type": "term"} for s in HOSTILE_SAMPLES]
    record["title"] = " ".join(HOSTILE_SAMPLES)
    page = render(record, "html")
    assert_only_own_markup(page)
    for sample in HOSTILE_SAMPLES:
        assert escaped(sample) in page
