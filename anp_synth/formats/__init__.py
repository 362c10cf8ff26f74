"""Streaming writers and readers of record files: jsonl (default), json, csv; gzip by extension."""

from __future__ import annotations

from .readers import iter_lines, parse_line, read_records

__all__ = ["iter_lines", "parse_line", "read_records"]
