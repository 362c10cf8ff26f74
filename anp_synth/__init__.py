"""anp-synth: seeded synthetic articles, an idempotent bulk importer, and a load tester."""

from __future__ import annotations

from .errors import AnpSynthError, DatabaseError, InvalidArgument, OutputError, RecordError
from .generator import generate, generate_lines
from .model import PROFILES, SCHEMA_VERSION, Article
from .rules import GENERATOR_VERSION

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
