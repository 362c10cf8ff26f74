"""The ``edge`` and ``hostile`` profiles: realistic records pushed to their limits.

Both keep every invariant (the title still names problem and stack, the checklist in the
box is still the body's, counts still agree) and still validate against the schema; only
free text, list lengths and numbers move to their boundaries. Nothing here ever produces a
NUL byte or a lone surrogate: no database stores the former in text, and UTF-8 cannot
carry the latter.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from .. import rules
from .draft import PARAGRAPHS, Draft, entity_json, paragraphs
from .rng import Words

T = TypeVar("T")

MAX_VIEW_COUNT = 2**53 - 1
"""The largest view count: the largest integer every JSON reader holds exactly."""

LONG_WORD = "incomprehensibility" * 52  # 988 letters, one word

UNICODE_SAMPLES: tuple[str, ...] = (
    "🚀 déploiement rapide",
    "e\u0301le\u0301ment combine\u0301",  # combining acute accents
    "مرحبا بالعالم",  # Arabic, right to left
    "שלום עולם",  # Hebrew, right to left
    "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 𝕥𝕖𝕩𝕥 𓀀𓁐",  # astral planes
    "👩\u200d💻 👨\u200d👩\u200d👧\u200d👦 🏳\ufe0f\u200d🌈",  # ZWJ sequences
    "日本語のテキスト 中文 한국어",
    "Ελληνικά Кириллица",
    "z\u0334\u0322\u034ea\u0338\u0321l\u0336g\u0337o\u0335",  # stacked combining marks
    "zero\u200bwidth\u200djoiner\ufeffbom",
    "a\u202eright-to-left override\u202c b",
    LONG_WORD,
)

HOSTILE_SAMPLES: tuple[str, ...] = (
    "<script>alert('anp')</script>",
    '"><img src=x onerror=alert(1)>',
    "</textarea><svg onload=alert(document.cookie)>",
    "javascript:alert(1)",
    "<!-- comment --> &amp; &lt;b&gt; &#x3C;",
    "'; DROP TABLE anp_articles; --",
    "1' OR '1'='1",
    "\"double\" and 'single' quotes and `backticks`",
    "C:\\path\\to\\file and \\\\server\\share\\",
    "\\N looks like a copy null",
    "\\.\nlooks like the end of a copy",
    "tab\there, cr\rhere, crlf\r\nhere",
    "bell\x07 escape \x1b[31mred\x1b[0m backspace\x08 form\x0cfeed vt\x0b unit\x1f",
    "%s %d %n {0} {{}} ${jndi:ldap://127.0.0.1/a}",
    "=cmd|' /C calc'!A0",
    "line\u2028separator\u2029paragraph",
    "robert'); -- \\'; select pg_sleep(0);",
    "\x7f delete and \u0085 next line",
)

if any(PARAGRAPHS in sample for sample in UNICODE_SAMPLES + HOSTILE_SAMPLES):  # pragma: no cover - must be fixed
    raise RuntimeError("a profile sample holds the paragraph separator, so spiced sections could not be split")


def decorate_title(title: str, profile: str, u: float) -> str:
    """The title keeps its problem and stack; the profile adds its awkward text after them (``u`` in [0, 1))."""
    if profile == "edge":
        return f"{title} {UNICODE_SAMPLES[int(u * len(UNICODE_SAMPLES))]}"
    if profile == "hostile":
        return f"{title} {HOSTILE_SAMPLES[int(u * len(HOSTILE_SAMPLES))]}"
    return title


def choose_list(profile: str, sample: Sequence[T], full: Sequence[T], r: Words) -> Sequence[T]:
    """Edge records get an empty or a maximal list half the time; others keep the sample."""
    if profile != "edge":
        return sample
    u = r()
    if u < 0.25 * 2**32:
        return []
    if u < 0.5 * 2**32:
        return list(full)
    return sample


def apply(d: Draft, profile: str, r: Words) -> None:
    """Push free text and numbers of a drafted record to the profile's boundaries, in place."""
    if profile == "realistic":
        return
    samples = UNICODE_SAMPLES if profile == "edge" else HOSTILE_SAMPLES

    def spice(text: str) -> str:
        # before or after the text, never inside it, so named problems and stacks stay whole
        sample = samples[(r() * len(samples)) >> 32]
        return f"{sample} {text}" if r() < 0.5 * 2**32 else f"{text} {sample}"

    d.intro = spice(d.intro)
    d.sections = [
        (
            spice(heading) if r() < 0.5 * 2**32 else heading,
            PARAGRAPHS.join([spice(text) if r() < 0.6 * 2**32 else text for text in paragraphs(joined)]),
            block,
        )
        for heading, joined, block in d.sections
    ]
    d.checklist = [spice(item) if r() < 0.5 * 2**32 else item for item in d.checklist]
    d.summary = spice(d.summary)
    d.brief = spice(d.brief)
    d.action = spice(d.action)
    d.notes = [spice(n) for n in d.notes]
    d.entities = [*d.entities, entity_json(samples[(r() * len(samples)) >> 32], "term")]

    if profile == "edge":
        d.view_count = (0, 1, MAX_VIEW_COUNT, d.view_count)[(r() * 4) >> 32]
        if r() < 0.5 * 2**32:
            d.quality = 0 if r() < 0.5 * 2**32 else 100
        if r() < 0.5 * 2**32:
            d.freshness = 0 if r() < 0.5 * 2**32 else 100
        if r() < 0.5 * 2**32:
            d.depth = 0 if r() < 0.5 * 2**32 else 100
        if r() < 0.5 * 2**32:
            d.clarity = 0 if r() < 0.5 * 2**32 else 100
        d.version = ("0.0.0", "999.999.999", d.version)[(r() * 3) >> 32]
        d.last_reviewed = (*rules.REVIEW_WINDOW, d.last_reviewed)[(r() * 3) >> 32]
