"""Tell that a jsonl line already is its record's canonical JSON, without serialising it again.

Re-serialising a record with sorted keys costs about as much as validating it, and the
importer needs the canonical text only to check ``meta.hash``. A line written by anp-synth
already is that text, so this module proves it cheaply and then hashes the line itself.

Why the test is exact. Let ``record = json.loads(text)`` be schema-valid (so its numbers are
ints, never floats) and let ``keys`` be its number of object keys, counted with each object's
keys in sorted order (:func:`anp_synth.schema_compile.compile_census`). Then
``text == rules.canonical_json(record)`` exactly when:

1. every escape in ``text`` is the one ``json.dumps(ensure_ascii=False)`` writes: ``\\"``,
   ``\\\\``, ``\\b \\f \\n \\r \\t``, or lowercase ``\\u00XX`` for the other control characters.
   (An unescaped character inside a string is always written as is: the strict parser refuses
   raw control characters, and ``"`` and ``\\`` cannot appear unescaped.)
2. outside strings there is no whitespace and no ``-0`` (the only integer spelling that is
   not Python's ``str(int)``; leading zeros, fractions and exponents never reach here);
3. the ``:`` outside strings, one per key in the text, number exactly ``keys``. A repeated
   key collapses into one dict entry, so the text would hold more; with none repeated, each
   object's keys appear in the text in dict order, which the census found sorted.

Canonical JSON is the shortest spelling with sorted keys; every other spelling breaks one of
these. The tests check the equivalence against ``canonical_json`` on hostile variants.
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


def is_canonical(text: str, keys: int) -> bool:
    """``text == canonical_json(json.loads(text))`` for a schema-valid record with ``keys`` keys.

    ``keys`` comes from :func:`~anp_synth.schema_compile.compile_census` on the parsed
    record (-1, keys out of order, answers False). See the module docstring for the proof.
    """
    if keys < 0:
        return False
    if "\\" in text:
        text = _GOOD_ESCAPE.sub("", text)
        if "\\" in text:
            return False
    # No escapes left, so every '"' delimits a string: the even pieces are outside strings.
    outside = "".join(text.split('"')[::2])
    if " " in outside or "\n" in outside or "\r" in outside or "\t" in outside or "-0" in outside:
        return False
    return outside.count(":") == keys


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
