"""Text clean-up shared by every human view: what a control character becomes, what a link target may be.

Records may carry any character a database accepts (the ``hostile`` profile makes sure of
it). A human view must not let those characters act: an escape sequence would repaint a
terminal, a carriage return would overwrite a line, and in HTML most C0/C1 controls and
noncharacters are parse errors. So every text view shows them instead of emitting them:

- ``\\t`` and ``\\n`` are kept; ``\\r\\n`` becomes ``\\n``;
- every other C0 control (U+0000-U+001F, including a lone ``\\r``) and DEL (U+007F) become
  their Unicode *Control Picture* (U+2400-U+241F, U+2421): ``\\x1b`` shows as ``␛``, so a
  reader still sees that the record holds one;
- C1 controls (U+0080-U+009F, which have no pictures) and Unicode noncharacters
  (U+FDD0-U+FDEF and the last two code points of every plane) become U+FFFD.

Everything else, including right-to-left text, combining marks and astral characters,
passes through untouched: the ``edge`` profile exists to show it. The lossless view of a
record is ``json``, which applies none of this.
"""

from __future__ import annotations

import re

REPLACEMENT = "\ufffd"


def _table() -> dict[int, str]:
    table: dict[int, str] = {code: chr(0x2400 + code) for code in range(0x20) if chr(code) not in "\t\n"}
    table[0x7F] = "\u2421"
    for code in range(0x80, 0xA0):
        table[code] = REPLACEMENT
    for code in range(0xFDD0, 0xFDF0):
        table[code] = REPLACEMENT
    for plane in range(17):
        table[plane * 0x10000 + 0xFFFE] = REPLACEMENT
        table[plane * 0x10000 + 0xFFFF] = REPLACEMENT
    return table


_VISIBLE = _table()


def visible(text: str) -> str:
    """``text`` with line endings normalised and controls shown as pictures (see the module doc)."""
    return text.replace("\r\n", "\n").translate(_VISIBLE)


_ANCHOR = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,127}")


def anchor_id(reference: str) -> str | None:
    """The fragment a link to ``reference`` may use, or None when the reference is not a plain token.

    Generated references are always ``anp-ref-…`` tokens; a record read from elsewhere may
    carry anything, and a link target is the one place where escaping alone is not enough.
    """
    return reference if _ANCHOR.fullmatch(reference) else None
