"""The canonical size of the parts of a value no schema node spells out (see ``compile_sized``)."""

from __future__ import annotations


def generic_size(value: object) -> int:
    """:func:`compile_sized`'s size of ``value``, for the parts no schema node spells out.

    -1 for keys out of order, and for floats: ``1e2`` is shorter than ``100.0``, so length
    alone could not tell their spellings apart.
    """
    if isinstance(value, str):
        return len(value) + 2
    if value is True or value is None:
        return 4
    if value is False:
        return 5
    if isinstance(value, int):
        return len(str(value)) if value.bit_length() < 10_000 else -1  # str() refuses 4300+ digits
    if isinstance(value, dict):
        keys = list(value)
        if not all(isinstance(k, str) for k in keys) or keys != sorted(keys):
            return -1
        total = 1 + len(keys) if keys else 2  # braces and commas
        for key, item in value.items():
            found = generic_size(item)
            if found < 0:
                return -1
            total += len(key) + 3 + found  # quotes and colon
        return total
    if isinstance(value, list):
        total = 1 + len(value) if value else 2  # brackets and commas
        for item in value:
            found = generic_size(item)
            if found < 0:
                return -1
            total += found
        return total
    return -1
