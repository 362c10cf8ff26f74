"""Post-meta rows in PostgreSQL's COPY text format, written in a worker process and read back only if needed.

Why: post-meta is nine rows in ten of a load (~52 an article). With worker processes
preparing batches, the writing process used to parse each article's line again and hand
every row to ``COPY ... write_row``, one call a row, while holding the interpreter lock that
its reading thread and its other writer threads need. A worker already holds the parsed
record, so it formats the rows itself, once, and the writing process passes one ``bytes``
a batch to ``copy.write``. The rare paths that need the rows as tuples (a batch merged
into stored rows, compared or filtered) read them back with :func:`parse_rows`, which
inverts :func:`format_rows` exactly (a property test holds the two together).

The format (PostgreSQL's documentation, "COPY", text format): one line a row, columns
separated by a tab; in text columns a backslash, newline, carriage return and tab are
written ``\\\\``, ``\\n``, ``\\r``, ``\\t``. No other character needs escaping, and no
value here holds a NUL (the encoder rejects a record with one before it gets this far).
The integers are written in decimal, as PostgreSQL reads them.
"""

from __future__ import annotations

import re
from typing import Any

Row = tuple[Any, ...]

_SPECIAL = re.compile(r"[\\\n\r\t]")
_ESCAPE = str.maketrans({"\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t"})
_ESCAPED = re.compile(r"\\(.)")
_UNESCAPE = {"\\": "\\", "n": "\n", "r": "\r", "t": "\t"}


def _text(value: str) -> str:
    return value.translate(_ESCAPE) if _SPECIAL.search(value) else value


def format_rows(rows: list[Row]) -> bytes:
    """``(article_id, meta_key, position, meta_value)`` rows as COPY text, UTF-8 encoded.

    Raises UnicodeEncodeError for a value that is not valid Unicode text (a lone surrogate from
    a ``\\ud800`` escape in JSON): the caller then keeps the rows as tuples, and the database's
    own verdict on them is what the user sees.
    """
    text = "".join([f"{aid}\t{key}\t{pos}\t{value}\n" for aid, key, pos, value in rows])
    # Exact test that no key or value holds a character to escape (generated meta never does):
    # the separators are then the only tabs and newlines, and there is no backslash or CR at all.
    n = len(rows)
    if text.count("\t") != 3 * n or text.count("\n") != n or "\\" in text or "\r" in text:
        text = "".join([f"{aid}\t{_text(key)}\t{pos}\t{_text(value)}\n" for aid, key, pos, value in rows])
    return text.encode()


def _unescape(value: str) -> str:
    return _ESCAPED.sub(lambda m: _UNESCAPE[m.group(1)], value) if "\\" in value else value


def parse_rows(data: bytes) -> list[Row]:
    """The rows :func:`format_rows` wrote, with their types: ``(int, str, int, str)``."""
    rows: list[Row] = []
    for line in data.decode().split("\n")[:-1]:
        aid, key, pos, value = line.split("\t")
        rows.append((int(aid), _unescape(key), int(pos), _unescape(value)))
    return rows
