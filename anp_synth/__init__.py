"""anp-synth: seeded synthetic articles, an idempotent bulk importer, and a load tester."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .errors import AnpSynthError, DatabaseError, InvalidArgument, OutputError, RecordError
from .model import PROFILES, SCHEMA_VERSION, Article
from .rules import GENERATOR_VERSION

if TYPE_CHECKING:
    from .generator import generate, generate_lines

__version__ = "0.1.0"

__all__ = [
    "GENERATOR_VERSION",
    "PROFILES",
    "SCHEMA_VERSION",
    "AnpSynthError",
    "Article",
    "DatabaseError",
    "InvalidArgument",
    "OutputError",
    "RecordError",
    "__version__",
    "generate",
    "generate_lines",
]


def __getattr__(name: str) -> Any:
    """``generate`` and ``generate_lines``, imported on first use.

    The generator's modules take a tenth of a second to import; every ``anp-synth`` command
    imports this package, and most (``import`` of a file, ``db``, ``bench``) never generate.
    """
    if name in ("generate", "generate_lines"):
        from . import generator

        return getattr(generator, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
