"""The md view: a readable Markdown document in which record text can only ever be text."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from anp_synth.generator import build
from anp_synth.model import PROFILES
from anp_synth.render import render
from anp_synth.render.md import fence, heading, inline

from .test_render_txt import sample_record

SPECIAL = "`*_[]<>&~|#"


def unescaped(line: str) -> list[str]:
    """Markdown-significant characters of ``line`` not backslash-escaped (a final ``\\`` is a hard break)."""
    found: list[str] = []
    i = 0
    while i < len(line):
        if line[i] == "\\":
            i += 2
            continue
        if line[i] in SPECIAL:
            found.append(line[i])
        i += 1
    return found


def prose_lines(md: str) -> list[str]:
    """The document minus fenced code and the renderer's own markup: what record text became."""
    out: list[str] = []
    closing: str | None = None
    for line in md.split("\n"):
        if closing is not None:
            closing = None if line == closing else closing
            continue
        opening = re.fullmatch(r"(`{3,})[A-Za-z0-9_+.-]*", line)
        if opening:
            closing = opening.group(1)
            continue
        line = re.sub(r"^#{1,2} |^- \[ \] |\*\*[a-z ]+:\*\*|\]\(#anp-ref-[0-9-]+\)", "", line)
        line = re.sub(r"^- \[", "- ", line)
        out.append(re.sub(r"^ *(- )?", "", line).lstrip(" "))
    assert closing is None, "every code fence is closed"
    return out


def test_md_layout_of_the_sample() -> None:
    md = render(sample_record(), "md")
    assert md.startswith(
        "# production checklist for building safer deployment steps in python services\n\n"
        "this is a field note for developers"
    )
    assert "\n\n## production checks\n\n" in md
    assert "\n\n```python\nfrom fastapi import FastAPI\n" in md and "    return {'ok': True}\n```\n\n" in md
    assert "\n\n- [ ] review query plans\n- [ ] add indexes carefully\n" in md
    assert "\n\n## alphanode post meta\n\n- **topic:** building safer deployment steps / python services\n" in md
    assert "\n- **tools:**\n  - fastapi\n  - pytest\n" in md
    assert (
        "\n- **revision:**\n  - **status:** drafted\n  - **version:** 1.7.4\n  - **last reviewed:** 2024-02-06\n" in md
    )
    assert "\n- **flags:**\n  - **ai generated style:** 1\n  - **has images:** 0\n" in md
    assert "\n- **entities:**\n  - **name:** python services, **type:** stack\n" in md
    assert md.endswith("\n\n## Similar Posts")


def test_md_links_similar_posts_by_reference() -> None:
    record = sample_record()
    record["similar_posts"] = [{"seed": 19502, "reference": "anp-ref-019502-6537", "title": "a [b](c) link"}]
    assert render(record, "md").endswith(
        "## Similar Posts\n\n- [a \\[b\\](c) link](#anp-ref-019502-6537) (anp-ref-019502-6537)"
    )


def test_md_escapes_inline_markup_and_raw_html() -> None:
    assert inline("<script>alert('x')</script>") == "\\<script\\>alert('x')\\</script\\>"
    assert inline("**bold** _em_ `code` ~~del~~ a|b [x](y) &amp;") == (
        "\\*\\*bold\\*\\* \\_em\\_ \\`code\\` \\~\\~del\\~\\~ a\\|b \\[x\\](y) \\&amp;"
    )
    assert inline("C:\\path\\") == "C:\\\\path\\\\"


def test_md_escapes_what_would_start_a_block_at_the_start_of_a_line() -> None:
    assert inline("# not a heading") == "\\# not a heading"
    assert inline("- not a list") == "\\- not a list"
    assert inline("+ nor this") == "\\+ nor this"
    assert inline("1. nor this") == "1\\. nor this"
    assert inline("2) nor this") == "2\\) nor this"
    assert inline("> not a quote") == "\\> not a quote"
    assert inline("---") == "\\---"
    assert inline("===") == "\\==="
    assert inline("    not code") == "not code"
    assert inline("1.7.4 and -x and =y stay as they are") == "1.7.4 and -x and =y stay as they are"


def test_md_turns_line_breaks_into_hard_breaks_inside_their_block() -> None:
    assert inline("one\n# two\r\nthree\n\n", "  ") == "one\\\n  \\# two\\\n  three"
    assert heading("a\nb") == "a b"


def test_md_fence_outlasts_any_backtick_run_in_the_code() -> None:
    assert fence("x = 1", "python") == "```python\nx = 1\n```"
    assert fence("echo ``` and ````", "bash") == "`````bash\necho ``` and ````\n`````"
    assert fence("x", 'py" onclick`') == "```pyonclick\nx\n```"


@given(seed=st.integers(0, 10**9), profile=st.sampled_from(PROFILES))
def test_md_record_text_never_becomes_markup(seed: int, profile: str) -> None:
    record = build(seed, profile)[0]
    md = render(record, "md")
    assert md.startswith("# ")
    lines = prose_lines(md)
    for line in lines:
        assert unescaped(line) == [], line
        assert not re.match(r"\d{1,9}[.)]( |$)|[-+=]( |$|[-+=])", line), line
    for item in record["meta"]["checklist"]:
        assert inline(item, "  ") in md
    assert record["meta"]["reference"] in md
