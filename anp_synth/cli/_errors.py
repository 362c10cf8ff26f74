"""Turn library errors into click errors: one line, the right exit code, never a traceback.

Output errors are handled here too, at the edge, whichever command met them: a reader that
stops early (``| head``, EPIPE) ends the command quietly with exit status 1 (as Python and
click do), and stdout on a full disk, a read-only or failing device ends with one line
(``Error: cannot write standard output: No space left on device``) and exit status 1.
Text written to stdout is buffered, so such an error often shows only when the buffer is
flushed at exit: :func:`flushed_stdout` flushes it while the failure can still be reported,
then points the descriptor at ``/dev/null`` so the interpreter's own final flush cannot
fail again and print "Exception ignored" noise.
"""

from __future__ import annotations

import errno
import os
import signal
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from functools import wraps
from typing import ParamSpec, TypeVar

import click

from ..errors import AnpSynthError, OutputError

P = ParamSpec("P")
R = TypeVar("R")


class CliError(click.ClickException):
    """A ClickException that keeps the library error's exit code."""

    def __init__(self, message: str, exit_code: int = 1) -> None:
        super().__init__(message)
        # click declares exit_code as a class default; one class serves every code here.
        self.exit_code = exit_code  # type: ignore[misc]


class Terminated(KeyboardInterrupt):
    """SIGTERM inside :func:`terminate_as_interrupt`: cleaned up as Ctrl-C is, but reported with its own exit code."""


@contextmanager
def reported() -> Iterator[None]:
    """Re-raise any AnpSynthError (and an output error or Ctrl-C) as a one-line CLI error."""
    try:
        yield
    except AnpSynthError as exc:
        if isinstance(exc, OutputError):
            _flush_error()  # if it was stdout's error, still buffered, silence it: this line reports it
        raise CliError(str(exc), exit_code=exc.exit_code) from None
    except Terminated:
        raise CliError("terminated by SIGTERM", exit_code=128 + signal.SIGTERM) from None
    except KeyboardInterrupt:
        raise CliError("interrupted", exit_code=130) from None
    except OSError as exc:
        raise os_error(exc) from None


def os_error(exc: OSError) -> CliError | SystemExit:
    """What an OSError that reached the CLI means: a quiet exit for a closed pipe, else one line.

    The library turns errors on the files it writes into :class:`OutputError` naming the
    file, so a write error without a file name that gets here is stdout's (``click.echo``
    writes straight to it); stdout is then pointed at /dev/null, as the data is lost anyway.
    """
    if exc.errno == errno.EPIPE:
        _silence_stdout()
        return SystemExit(1)
    if exc.filename is not None:
        return CliError(f"{exc.filename}: {exc.strerror or exc}")
    if exc.errno in _WRITE_ERRORS:
        _flush_error()
        _silence_stdout()
        return CliError(_stdout_message(exc))
    return CliError(exc.strerror or str(exc))


_WRITE_ERRORS = frozenset(
    {errno.ENOSPC, errno.EIO, errno.EROFS, errno.EACCES, errno.EPERM, errno.EFBIG, errno.EDQUOT, errno.EBADF}
)
"""The errnos of a write that failed for good (as opposed to a closed pipe)."""


def _stdout_message(exc: OSError) -> str:
    return f"cannot write standard output: {exc.strerror or exc}"


def _flush_error() -> OSError | None:
    """Flush stdout; the error it raised (stdout then points at /dev/null), or None."""
    try:
        sys.stdout.flush()
    except OSError as exc:
        _silence_stdout()
        return exc
    return None


def _silence_stdout() -> None:
    """Point stdout's descriptor at /dev/null, so whatever is still buffered flushes harmlessly."""
    try:
        fd = sys.stdout.fileno()
    except (OSError, ValueError):  # not a real file (click's test runner): nothing will flush to a device
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, fd)
    os.close(devnull)


def _say(message: str) -> None:
    """One line on stderr, unless stderr itself cannot be written."""
    with suppress(OSError):
        click.echo(f"Error: {message}", err=True)


@contextmanager
def flushed_stdout() -> Iterator[None]:
    """Around the whole command line: report a failure to write stdout as one line, exit 1.

    Catches what :func:`reported` did not see: output buffered until exit, and commands
    (``--help``, click's own messages) that print outside any ``reported`` block.
    """
    try:
        yield
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        failed = _flush_error()
        if failed is None:
            raise
        if failed.errno != errno.EPIPE:
            _say(_stdout_message(failed))
        raise SystemExit(code or 1) from None
    except OSError as exc:
        problem = os_error(exc)
        if isinstance(problem, CliError):
            _say(problem.format_message())
        raise SystemExit(1) from None


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
    reader processes, the report) the same way whichever of the two stops them. It is a
    :class:`Terminated`, so the exit code still names the signal (143, as ``import``'s)."""

    def interrupt(signum: int, frame: object) -> None:
        raise Terminated

    try:
        previous = signal.signal(signal.SIGTERM, interrupt)
    except ValueError:  # not the main thread: leave signals alone
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)
