"""The technology stacks an article can be about: area, language, tools and code snippets.

Each stack's tools and snippets belong together, so a record's ``tools``, ``code_language``
and code block always fit its stack (an invariant ``validate`` checks).

The stacks are data, kept in ``stacks.toml`` beside this module (package data): a snippet
is a TOML multi-line literal string, so it reads exactly as the code it is, with no escapes.
A record draws its stack, tools and snippet by index, so that file's order is part of the
generator: changing it changes records and needs a new generator version (the golden
fixtures notice).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from importlib import resources
from typing import Any


@dataclass(frozen=True)
class Stack:
    name: str
    area: str
    language: str
    code_language: str
    tools: tuple[str, ...]
    snippets: tuple[str, ...]


def _stack(entry: dict[str, Any]) -> Stack:
    return Stack(
        entry["name"],
        entry["area"],
        entry["language"],
        entry["code_language"],
        tuple(entry["tools"]),
        tuple(entry["snippets"]),
    )


def load_stacks() -> tuple[Stack, ...]:
    """Every stack of ``stacks.toml``, in file order."""
    data = tomllib.loads(resources.files(__package__).joinpath("stacks.toml").read_text(encoding="utf-8"))
    return tuple(_stack(entry) for entry in data["stack"])


STACKS: tuple[Stack, ...] = load_stacks()
