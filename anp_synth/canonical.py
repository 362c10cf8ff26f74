"""Tell that a jsonl line already is its record's canonical JSON, without serialising it again.

Re-serialising a record with sorted keys costs about as much as validating it, and the
importer needs the canonical text only to check ``meta.hash``. A line written by anp-synth
already is that text, so this module proves it cheaply and then hashes the line itself.

Why the test is exact. Let ``record = json.loads(text)`` be schema-valid, so its numbers are
ints (never floats), and let ``size`` be the length of ``canonical_json(record)`` with every
escape counted as the one character it stands for, computed while validating
(:func:`anp_synth.schema_compile.compile_sized`, -1 if some object's keys are out of sorted
order). Then ``text == canonical_json(record)`` exactly when

1. every escape in ``text`` is the one ``json.dumps(ensure_ascii=False)`` writes (``\\"``,
   ``\\\\``, ``\\b \\f \\n \\r \\t``, or lowercase ``\\u00XX`` for other control
   characters), and
2. ``text``, counting each escape as one character, is ``size`` long.

With (1) every string is spelled as canonical JSON spells it: an unescaped character is
always written as is (the strict parser refuses raw control characters; ``"`` and ``\\``
cannot appear unescaped). Every other difference makes the text longer: whitespace between
tokens, ``-0`` for ``0`` (the only other spelling of an int), or a repeated key (the parser
keeps one entry, the text holds both). Without repeats, the text lists each object's keys
in the dict's order, which ``size >= 0`` says is sorted. Canonical JSON is the shortest
spelling with sorted keys, so equal length leaves no room for any difference. The tests
check this against ``canonical_json`` on hostile spellings.
"""

from __future__ import annotations

import re

__all__ = ["blank_hash", "is_canonical"]

_GOOD_ESCAPE = re.compile(r'\\(?:["\\bfnrt]|u00(?:0[0-7bef]|1[0-9a-f]))')
"""Escapes json.dumps writes. JSON escapes are read left to right from a backslash, and none of
these can start inside another, so removing every match leaves a backslash iff some escape
was not canonical."""

_HASH_KEY = '"hash":"'
_HASH_DIGITS = 24


def is_canonical(text: str, size: int) -> bool:
    """``text == canonical_json(json.loads(text))``, given the parsed record's canonical ``size``.

    ``size`` comes from :func:`~anp_synth.schema_compile.compile_sized` on the parsed, valid
    record (-1 answers False). See the module docstring for why this is exact.
    """
    if size < 0:
        return False
    if "\\" not in text:
        return len(text) == size
    rest, escapes = _GOOD_ESCAPE.subn("", text)
    return "\\" not in rest and len(rest) + escapes == size


def blank_hash(text: str, digest: str) -> str | None:
    """The canonical ``text`` with ``meta.hash`` (``digest``) set to ``""``; None if not found.

    In canonical text of a schema-valid record the first ``"hash":"`` is ``meta.hash``: a
    ``"`` inside a string is always escaped, so the pattern cannot sit inside a string value
    (its quote after ``hash`` would end the string); it is therefore the key ``hash``, and
    only ``meta`` has that key. Checked against the record's own digest all the same.
    """
    at = text.find(_HASH_KEY)
    start = at + len(_HASH_KEY)
    end = start + _HASH_DIGITS
    if at < 0 or text[start:end] != digest or text[end : end + 1] != '"':
        return None
    return text[:start] + text[end:]
