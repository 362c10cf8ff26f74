"""Checks of a library argument's type and range, with one wording everywhere.

Why one module: a public function called from a script gets any Python value, and every
such check must refuse ``True`` (a bool is an int to Python, never a count to a user),
name the argument and its value, and state the accepted range in the same words, so that
the CLI's messages, which reuse these, read alike whatever the command.
"""

from __future__ import annotations

from .errors import InvalidArgument


def _is_integer(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def integer(name: str, value: object, lo: int | None = None, hi: int | None = None, *, where: str = "") -> int:
    """``value`` if it is an integer within ``[lo, hi]`` (either bound may be left out), else InvalidArgument.

    The message reads ``{where}: {name}={value!r} must be an integer from LO to HI`` (or
    ``>= LO``, ``<= HI``, or just ``must be an integer``), ``where`` and its colon left out when empty.
    """
    if _is_integer(value):
        assert isinstance(value, int)
        if (lo is None or value >= lo) and (hi is None or value <= hi):
            return value
    if lo is not None and hi is not None:
        wanted = f"an integer from {lo} to {hi}"
    elif lo is not None:
        wanted = f"an integer >= {lo}"
    elif hi is not None:
        wanted = f"an integer <= {hi}"
    else:
        wanted = "an integer"
    prefix = f"{where}: " if where else ""
    raise InvalidArgument(f"{prefix}{name}={value!r} must be {wanted}")


def seconds(name: str, value: object, hi: float) -> float:
    """``value`` as a float if it is a number of seconds above 0 and at most ``hi``, else InvalidArgument."""
    if isinstance(value, (int, float)) and not isinstance(value, bool) and 0 < value <= hi:
        return float(value)
    raise InvalidArgument(f"{name}={value!r} must be a number of seconds above 0, at most {hi:g}")
