"""Streaming writers and readers of record files: jsonl (default), json, csv (gzip by extension), parquet.

Writing is chunked (:func:`encode_lines` then :func:`write_chunks`) into an
:func:`atomic_output`, so a file appears whole or not at all. Reading (:func:`read_records`)
validates every line and names file and line on failure.
"""

from __future__ import annotations

from .csvrows import COLUMNS, HEADER, record_from_row, row_of
from .output import atomic_output
from .readers import (
    DEFAULT_MAX_LINE_BYTES,
    INPUT_FORMATS,
    check_lines,
    iter_lines,
    parse_line,
    read_records,
    record_texts,
)
from .writers import FORMATS, OUTPUT_FORMATS, check_format, encode_lines, output_format, write_chunks

__all__ = [
    "COLUMNS",
    "DEFAULT_MAX_LINE_BYTES",
    "FORMATS",
    "HEADER",
    "INPUT_FORMATS",
    "OUTPUT_FORMATS",
    "atomic_output",
    "check_format",
    "check_lines",
    "encode_lines",
    "iter_lines",
    "output_format",
    "parse_line",
    "read_records",
    "record_from_row",
    "record_texts",
    "row_of",
    "write_chunks",
]
