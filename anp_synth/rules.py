"""The documented rules a record obeys, in one place so the generator and the validator agree.

Every rule here is also written down in docs/RECORD.md ("The rules every record keeps"). A consumer can
recompute each of them from a record alone.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from typing import Any

from .argcheck import integer
from .errors import InvalidArgument
from .model import PROFILE_INDEX, PROFILES

GENERATOR_NAME = "anp content synthesizer"
GENERATOR_VERSION = "1.3"
BRAND = "alphanode"

MAX_SEED = 2**48 - 1
"""Seeds run from 0 to 2**48 - 1: ample, and exact in every JSON reader and 64-bit column."""

MAX_COUNT = 100_000_000
"""One run makes at most this many records; bigger data sets are several windows or shards."""

SIMILAR_DISTANCE = 12
"""Similar posts of seed s are seeds in [s - 12, s - 1] (never below 0).

A record is a pure function of its seed, so it cannot know where a window starts; pointing
only backwards, a short way, means every record of a window [a, b) with s >= a + 12 links
only inside it, and windows still compose byte for byte.
"""

WORDS_PER_MINUTE = 200
REVIEW_WINDOW = ("2021-01-01", "2025-12-31")
"""last_reviewed dates fall in this fixed window: never "today", so output never drifts."""


def check_seed_range(seed: int, count: int) -> None:
    """Refuse a window outside the documented limits, naming the offending value."""
    integer("seed", seed)
    integer("count", count)
    if seed < 0 or seed > MAX_SEED:
        raise InvalidArgument(f"seed={seed} must be between 0 and {MAX_SEED}")
    if count < 1:
        raise InvalidArgument(f"count={count} must be >= 1")
    if count > MAX_COUNT:
        raise InvalidArgument(f"count={count} is past the maximum of {MAX_COUNT} records per run")
    if seed + count - 1 > MAX_SEED:
        raise InvalidArgument(f"seed={seed} with count={count} runs past the last seed {MAX_SEED}")


def check_profile(profile: str) -> None:
    if profile not in PROFILES:
        raise InvalidArgument(f"profile={profile!r} is not one of {', '.join(PROFILES)}")


def source_id(seed: int) -> str:
    """``alphanode-`` and the seed, zero-padded to at least 6 digits."""
    return f"{BRAND}-{seed:06d}"


def stream_name(seed: int, profile: str, generator_version: str = GENERATOR_VERSION) -> bytes:
    """What a record's random stream is the SHAKE-128 output of: ``"{generator_version}|{profile}|{seed}"``.

    The stream is read as 32-bit little-endian words: 0-4 choose the record's problem, stack,
    scenario, title pattern and title decoration, 5 its reference suffix, the rest its body.
    """
    return f"{generator_version}|{profile}|{seed}".encode()


REFERENCE_WORD = 5
"""The word of a record's stream its reference suffix is read from."""

REFERENCE_SUFFIXES = 10_000 // len(PROFILES)
"""The suffix is ``(word mod 3333) x 3 + profile index``: four digits that also name the profile."""

_REFERENCE = re.compile(r"anp-ref-([0-9]{6,})-([0-9]{4})")


def reference_from_word(seed: int, profile: str, word: int) -> str:
    """``anp-ref-{seed, 6 digits}-{suffix, 4 digits}``, suffix ``(word mod 3333) x 3 + profile index``.

    The seed is written in full and the suffix's remainder mod 3 is the profile's index in
    ``PROFILES``, so two records of one generator version never share a reference, by
    construction: :func:`seed_and_profile_of` reads both back. ``word`` only makes the
    suffix hard to guess.
    """
    return f"anp-ref-{seed:06d}-{word % REFERENCE_SUFFIXES * 3 + PROFILE_INDEX[profile]:04d}"


def seed_and_profile_of(reference: str) -> tuple[int, str]:
    """The (seed, profile) a reference of this generator version names: the reference rule's inverse.

    Raises :class:`InvalidArgument` for a string that is not such a reference (a suffix of
    9999 names no profile).
    """
    match = _REFERENCE.fullmatch(reference)
    if match is None or int(match[2]) >= REFERENCE_SUFFIXES * 3:
        raise InvalidArgument(f"reference={reference!r} is not an anp-synth {GENERATOR_VERSION} reference")
    seed = int(match[1])
    if seed > MAX_SEED or (len(match[1]) > 6 and match[1].startswith("0")):
        raise InvalidArgument(f"reference={reference!r} is not an anp-synth {GENERATOR_VERSION} reference")
    return seed, PROFILES[int(match[2]) % 3]


def _legacy_reference_from_word(seed: int, word: int) -> str:
    """The rule of generators 1.2 and older: ``word`` mod 10000, blind to the profile.

    Kept so that ``validate`` still checks a record of an older version by that version's rule.
    """
    return f"anp-ref-{seed:06d}-{word % 10000:04d}"


def reference(seed: int, profile: str, generator_version: str = GENERATOR_VERSION) -> str:
    """The reference of a record: unique per (seed, profile), its suffix word 5 of the record's stream.

    The generator reads the word off the stream it draws from anyway; this recomputes it,
    by the rule of ``generator_version`` (before 1.3 the suffix did not name the profile).
    """
    digest = hashlib.shake_128(stream_name(seed, profile, generator_version)).digest(4 * REFERENCE_WORD + 4)
    word = int.from_bytes(digest[4 * REFERENCE_WORD :], "little")
    if _version(generator_version) < (1, 3):
        return _legacy_reference_from_word(seed, word)
    return reference_from_word(seed, profile, word)


def _version(generator_version: str) -> tuple[int, ...]:
    """``"1.10"`` as ``(1, 10)``, so versions compare as numbers; an unreadable one as the current."""
    try:
        return tuple(int(part) for part in generator_version.split("."))
    except ValueError:
        return _version(GENERATOR_VERSION)


def canonical_json(record: Any) -> str:
    """The one serialisation whose bytes are guaranteed: sorted keys, no spaces, UTF-8 text.

    A jsonl line written by anp-synth is exactly this string, so any JSON library can
    recompute the hash after parsing a line.
    """
    return json.dumps(record, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def content_hash_of_json(*canonical_without_hash: str) -> str:
    """The first 24 hex digits of SHA-256 over the canonical JSON, UTF-8 encoded.

    The JSON may come whole or in consecutive parts (the generator has it in two, around
    the hash's place, and would otherwise copy 6 KB to join them).

    SHA-256 because every language and shell has it (``sha256sum``) and CPUs accelerate it;
    96 bits is plenty to catch a changed record, which is all this digest is for.
    """
    digest = hashlib.sha256()
    for part in canonical_without_hash:
        digest.update(part.encode("utf-8"))
    return digest.hexdigest()[:24]


def content_hash(record: Any) -> str:
    """Recompute ``meta.hash``: the digest of the canonical JSON with ``meta.hash`` set to ``""``."""
    meta = dict(record["meta"])
    meta["hash"] = ""
    blank = dict(record)
    blank["meta"] = meta
    return content_hash_of_json(canonical_json(blank))


_ASCII_SPACE = frozenset(c for c in range(128) if chr(c).isspace())
_WORD_MARKS = bytes(32 if c in _ASCII_SPACE else 120 for c in range(256))
"""Each ASCII byte as a space (whitespace to ``str.split``) or an ``x`` (part of a word)."""


def word_count(text: str) -> int:
    """Runs of non-whitespace characters, whitespace being what Python's ``str.split()`` splits on.

    That is ``len(text.split())``, and the one definition every count uses (generator,
    validator, tests). ASCII text (every generated record) is counted without building the
    list of words, about twice as fast: each byte is marked a space or an ``x``, and a word
    starts at every ``x`` after a space and at a leading ``x``.
    """
    if not text.isascii():
        return len(text.split())
    marks = text.encode("ascii").translate(_WORD_MARKS)
    return marks.count(b" x") + marks.startswith(b"x")


def word_count_single_spaced(text: str) -> int:
    """:func:`word_count` of a *single-spaced* text: its spaces plus one.

    Single-spaced means non-empty, no whitespace but the space, no space at either end and
    never two in a row, i.e. ``text == " ".join(text.split()) != ""``. Such a text is words
    joined by one space each, so n words have exactly n - 1 spaces: the same count as
    :func:`word_count`, provably, at a fraction of its cost (``str.count`` builds nothing). The
    generator uses it on its hot path for text it fills from templates and words that it
    checks, when it is imported, to be single-spaced (a filled template stays single-spaced).
    On any other text the count is wrong: use :func:`word_count`.
    """
    return text.count(" ") + 1


def reading_time(words: int) -> int:
    """Minutes at 200 words a minute, rounded up, at least 1."""
    return max(1, math.ceil(words / WORDS_PER_MINUTE))


def needs_human_review(quality: int, clarity: int, status: str) -> bool:
    """A draft that reads poorly, or anything of low quality, is flagged for a human."""
    return quality < 60 or (status == "drafted" and clarity < 70)
