"""Views of one record: ``txt`` (the site's page as text), ``md``, ``html`` (standalone page), ``json``.

Every view returns the whole document as a string without a final newline (the txt view
matches the reference sample byte for byte, and the sample has none); printing it with
``click.echo`` adds exactly one. The text views show control characters as pictures rather
than emitting them (see :mod:`anp_synth.render._text`); ``json`` is the lossless one.
"""

from __future__ import annotations

from collections.abc import Callable

from ..errors import InvalidArgument, RecordError
from ..model import Article
from .html import render_html
from .json_view import render_json
from .md import render_md
from .txt import render_txt

__all__ = ["RENDER_FORMATS", "render"]

RENDER_FORMATS: tuple[str, ...] = ("txt", "md", "html", "json")

_RENDERERS: dict[str, Callable[[Article], str]] = {
    "txt": render_txt,
    "md": render_md,
    "html": render_html,
    "json": render_json,
}


def render(record: Article, fmt: str) -> str:
    """``record`` as a ``fmt`` document; a record missing a field raises RecordError naming it."""
    renderer = _RENDERERS.get(fmt)
    if renderer is None:
        raise InvalidArgument(f"format={fmt!r} is not one of {', '.join(RENDER_FORMATS)}")
    try:
        return renderer(record)
    except KeyError as exc:
        seed = record.get("seed")
        raise RecordError(
            f"cannot render as {fmt}: missing field {exc.args[0]!r}",
            seed=seed if isinstance(seed, int) else None,
            field=str(exc.args[0]),
        ) from exc
