"""Where JSON Schema means something else than Python: integers, equality, ECMA patterns, dates.

The compiled checker and the messages that explain its verdicts must agree on these to the
letter, so each rule is written once, here (the package docstring says why each one
differs from jsonschema).
"""

from __future__ import annotations

import datetime as dt
import re

from ..errors import InvalidArgument

_DATE_SHAPE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def is_date(value: str) -> bool:
    """An RFC 3339 full-date: the ``YYYY-MM-DD`` shape (3.11's fromisoformat also takes
    ``20210101`` and week dates) and a real calendar day."""
    if _DATE_SHAPE.fullmatch(value) is None:
        return False
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


_ECMA_DOT = "[^\\n\\r\u2028\u2029]"
"""ECMA's ``.`` stops at every line terminator, Python's only at ``\\n``."""
_UNSAFE_ESCAPES = frozenset("dDwWsSbBAZzpPkg")
"""Escapes whose meaning differs between ECMA-262 and Python (or that Python lacks)."""


def ecma_pattern(pattern: str) -> re.Pattern[str]:
    """Compile an ECMA-262 ``pattern`` so Python's ``re.search`` gives the same answer.

    ``$`` becomes ``\\Z`` (ECMA's ``$`` never matches before a final newline) and ``.`` stops
    at every line terminator; escapes and groups that mean something else in one of the
    dialects are refused.
    """
    out: list[str] = []
    in_class = False
    after_quantifier = False
    i = 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            if i + 1 >= len(pattern):
                raise InvalidArgument(f"pattern {pattern!r} ends with a lone backslash")
            nxt = pattern[i + 1]
            if nxt in _UNSAFE_ESCAPES or (nxt.isdigit() and nxt != "0"):
                raise InvalidArgument(f"pattern {pattern!r}: escape \\{nxt} is not supported (ECMA and Python differ)")
            out.append(pattern[i : i + 2])
            after_quantifier = False
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
            if pattern.startswith(("[^]", "[]"), i):
                raise InvalidArgument(f"pattern {pattern!r}: a class starting with ']' is not supported")
        elif c == "$":
            c = r"\Z"
        elif c == ".":
            c = _ECMA_DOT
        elif c == "+" and after_quantifier:
            raise InvalidArgument(f"pattern {pattern!r}: possessive quantifiers are not ECMA-262")
        elif c == "(" and pattern.startswith("(?", i) and not pattern.startswith(("(?:", "(?=", "(?!"), i):
            raise InvalidArgument(f"pattern {pattern!r}: group syntax {pattern[i : i + 3]!r} is not supported")
        after_quantifier = not in_class and c in "*+?}"
        out.append(c)
        i += 1
    try:
        return re.compile("".join(out))
    except re.error as exc:
        raise InvalidArgument(f"pattern {pattern!r} does not compile: {exc}") from None


def is_int(value: object) -> bool:
    return isinstance(value, int) and value is not True and value is not False


def same(value: object, const: object) -> bool:
    """JSON equality, without Python's ``True == 1`` and ``1.0 == 1``."""
    if isinstance(const, bool):
        return value is const
    if isinstance(const, int):
        return is_int(value) and value == const
    return isinstance(value, str) and value == const
