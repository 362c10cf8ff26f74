"""A tiny sentence grammar: templates with ``{slot}`` holes filled from word pools.

Articles are composed word group by word group, not pasted from whole sentences, so that
1,000 consecutive bodies read like varied prose (they compress like English, not like a
template echo). Templates are compiled once at import into nested tuples; expansion is a
loop of list appends driven by the record's own ``random()``, which keeps generation fast.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from typing import TypeVar

T = TypeVar("T")

_SLOT = re.compile(r"\{([a-z_0-9.]+)\}")


class Ctx(str):
    """A template part naming a per-record context value (``{stack}``, ``{problem}``...)."""


# A compiled template is a plain string (no holes) or a tuple of parts: a literal ``str``,
# a ``Ctx`` key, or a pool (a tuple of compiled templates) to draw one member from.
Template = str | tuple[object, ...]
Pool = tuple[Template, ...]


class GrammarError(Exception):
    """A template names a pool that does not exist, or pools refer to each other in a loop."""


def compile_pools(raw: Mapping[str, Sequence[str]], context_keys: frozenset[str]) -> dict[str, Pool]:
    """Compile every pool once, resolving ``{name}`` to another pool or a context key."""
    done: dict[str, Pool] = {}
    active: set[str] = set()

    def pool(name: str) -> Pool:
        if name in done:
            return done[name]
        if name not in raw:
            raise GrammarError(f"unknown pool {{{name}}}")
        if name in active:
            raise GrammarError(f"pool {name!r} refers to itself")
        if not raw[name]:
            raise GrammarError(f"pool {name!r} is empty")
        active.add(name)
        done[name] = tuple(template(text) for text in raw[name])
        active.discard(name)
        return done[name]

    def template(text: str) -> Template:
        if "{" not in text:
            return text
        parts: list[object] = []
        pos = 0
        for m in _SLOT.finditer(text):
            if m.start() > pos:
                parts.append(text[pos : m.start()])
            name = m.group(1)
            parts.append(Ctx(name) if name in context_keys else pool(name))
            pos = m.end()
        if pos < len(text):
            parts.append(text[pos:])
        return tuple(parts)

    for name in raw:
        pool(name)
    return done


def expand(template: Template, rnd: Callable[[], float], ctx: Mapping[str, str], out: list[str]) -> None:
    """Append the pieces of one expansion of ``template`` to ``out``."""
    if type(template) is str:
        out.append(template)
        return
    for part in template:
        t = type(part)
        if t is str:
            out.append(part)  # type: ignore[arg-type]
        elif t is Ctx:
            out.append(ctx[part])  # type: ignore[index]
        else:
            members: Pool = part  # type: ignore[assignment]
            expand(members[int(rnd() * len(members))], rnd, ctx, out)
