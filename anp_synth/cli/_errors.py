"""Turn library errors into click errors: one line, the right exit code, never a traceback."""

from __future__ import annotations

import signal
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import wraps
from typing import ParamSpec, TypeVar

import click

from ..errors import AnpSynthError

P = ParamSpec("P")
R = TypeVar("R")


class CliError(click.ClickException):
    """A ClickException that keeps the library error's exit code."""

    def __init__(self, message: str, exit_code: int = 1) -> None:
        super().__init__(message)
        # click declares exit_code as a class default; one class serves every code here.
        self.exit_code = exit_code  # type: ignore[misc]


@contextmanager
def reported() -> Iterator[None]:
    """Re-raise any AnpSynthError (and a broken pipe or Ctrl-C) as a one-line CLI error."""
    try:
        yield
    except AnpSynthError as exc:
        raise CliError(str(exc), exit_code=exc.exit_code) from None
    except KeyboardInterrupt:
        raise CliError("interrupted", exit_code=130) from None


def reports_errors(func: Callable[P, R]) -> Callable[P, R]:
    """Decorator form of :func:`reported` for command functions."""

    @wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        with reported():
            return func(*args, **kwargs)

    return wrapper


@contextmanager
def terminate_as_interrupt() -> Iterator[None]:
    """Treat SIGTERM like Ctrl-C inside the block, so commands clean up (temporary files,
    reader processes, the report) the same way whichever of the two stops them."""

    def interrupt(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    try:
        previous = signal.signal(signal.SIGTERM, interrupt)
    except ValueError:  # not the main thread: leave signals alone
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)
