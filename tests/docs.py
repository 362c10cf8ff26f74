"""The project's documents, read by the tests that keep their examples and tables honest.

A document marks each part a test reads with ``<!-- section: NAME -->``; the part runs to the
next marker or the end of its file. Tests look a part up by name, wherever it lives (the
README or a page of docs/), so a page can move without its tests losing track of it.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCUMENTS = (ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md")))


def section(name: str) -> tuple[Path, str, int]:
    """(file, text, first line number) of the part marked ``<!-- section: name -->``."""
    marker = f"<!-- section: {name} -->"
    for path in DOCUMENTS:
        text = path.read_text(encoding="utf-8")
        start = text.find(marker)
        if start != -1:
            end = text.find("<!-- section:", start + 1)
            return path, text[start : end if end != -1 else len(text)], text[:start].count("\n") + 1
    raise AssertionError(f"no document holds {marker}")
