"""Compile the JSON Schema subset that :mod:`anp_synth.schema` uses into one fast Python check.

``jsonschema`` is complete but costs about 1.4 ms a record, which would cap the importer at
~700 rows/s. The record schema uses a dozen keywords, so this module turns it into Python
source (one function, leaf checks inlined, one loop per array) compiled once; a record then
costs tens of microseconds. Anything outside the subset raises :class:`InvalidArgument` at
compile time, so a keyword added to the schema later can never be silently ignored, and the
tests keep this checker and jsonschema's Draft 2020-12 validator in agreement.

Deliberate differences from jsonschema, both stricter and both what a record needs:

* ``"integer"`` accepts Python ``int`` only (never ``bool``, never a float such as ``3.0``):
  the record model declares ``int`` and the hash covers the text, where ``3.0`` is not ``3``.
  ``const`` and ``enum`` compare the same way (``True`` is not ``1``, ``1.0`` is not ``1``).
* ``pattern`` follows ECMA-262 as the JSON Schema spec says: ``$`` matches only at the very
  end, where Python's ``re`` (and so jsonschema) also accepts a trailing newline. Escapes whose
  meaning differs between the two dialects (``\\d``, ``\\w``, ``\\s``, ``\\b``...) are refused.
* ``format: "date"`` is an RFC 3339 full-date (``YYYY-MM-DD`` that ``date.fromisoformat``
  accepts), the same rule jsonschema applies.

The package follows those seams: ``_dialect`` holds the rules above, ``_read`` checks and
normalises each schema node, ``_explain`` words a refusal, ``_sizes`` sizes what no node
spells out, and ``_codegen`` writes and compiles the check function. The public names are
the ones below, importable from ``anp_synth.schema_compile`` as before.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from ._codegen import compile_spec
from ._dialect import ecma_pattern, is_date
from ._read import read

__all__ = ["Checker", "SchemaError", "SizedChecker", "compile_schema", "compile_sized", "ecma_pattern", "is_date"]

Path = tuple[str | int, ...]
SchemaError = tuple[Path, str]
"""Where the first broken value sits (keys and indexes from the root) and what is wrong."""
Checker = Callable[[object], SchemaError | None]
SizedChecker = Callable[[object], tuple[SchemaError | None, int]]


def compile_schema(schema: Mapping[str, Any]) -> Checker:
    """A function returning the first ``(path, message)`` that breaks ``schema``, or None.

    Raises :class:`InvalidArgument` for any keyword, type, format or pattern outside the
    supported subset, naming where in the schema it sits.
    """
    check: Checker = compile_spec(read(schema, "#"), sized=False)
    return check


def compile_sized(schema: Mapping[str, Any]) -> SizedChecker:
    """Like :func:`compile_schema`, and also size the value's canonical JSON in the same pass.

    Returns ``(error, size)``: ``size`` is the length of ``rules.canonical_json(value)``
    counting each escape sequence as the one character it stands for, or -1 if some object
    does not list its keys in sorted order (or a float makes length ambiguous).
    :mod:`anp_synth.canonical` uses it to recognise a canonical line without serialising.
    """
    check: SizedChecker = compile_spec(read(schema, "#"), sized=True)
    return check
