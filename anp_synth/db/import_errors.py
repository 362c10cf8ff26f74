"""How an import run that started ends early: its error still carries the report of what it committed.

Why a report on the error: batches committed before a failure or a stop stay committed, and
the caller (the CLI prints it and writes ``--report``) must be able to say what they were.
Why the error keeps its class: callers catch :class:`~anp_synth.errors.DatabaseError`,
:class:`~anp_synth.errors.RecordError` and the rest, and the CLI's exit code is the class's;
so a failed run raises the original error, made an instance of a subclass of its own class
and of :class:`ImportFailed`, which declares the typed ``report``.
"""

from __future__ import annotations

from ..errors import AnpSynthError
from .report import ImportReport


class ImportInterrupted(KeyboardInterrupt):
    """An import stopped by its ``stop`` event or a KeyboardInterrupt, with the report of what it committed.

    A KeyboardInterrupt, so code that stops on Ctrl-C still does. Batches committed before it
    are kept; the batch in flight was finished (``stop``) or rolled back (KeyboardInterrupt).
    """

    def __init__(self, report: ImportReport) -> None:
        super().__init__("interrupted")
        self.report = report


class ImportFailed:
    """Mixed into the class of an :class:`~anp_synth.errors.AnpSynthError` that ended an import run.

    ``except ImportFailed`` never matches on its own terms (it is no exception class): test
    ``isinstance(exc, ImportFailed)`` on the error caught, then read its ``report``.
    """

    report: ImportReport
    """What the run did before it failed (``status`` is ``"aborted"``, ``error`` the message)."""


_FAILED: dict[type[AnpSynthError], type[AnpSynthError]] = {}


def _failed_class(cls: type[AnpSynthError]) -> type[AnpSynthError]:
    """``cls`` with :class:`ImportFailed` mixed in, named like it, so that messages and reprs read alike.

    Pickled (a cluster task's error goes back to the client) as ``cls`` and its state, and made
    an ImportFailed again when unpickled: the class made here has no importable name.
    """

    def __reduce__(self: AnpSynthError) -> tuple[object, ...]:
        return _restore, (cls, self.args, self.__dict__)

    if cls not in _FAILED:
        namespace = {"__module__": cls.__module__, "__qualname__": cls.__qualname__, "__reduce__": __reduce__}
        _FAILED[cls] = type(cls.__name__, (cls, ImportFailed), namespace)
    return _FAILED[cls]


def _restore(cls: type[AnpSynthError], args: tuple[object, ...], state: dict[str, object]) -> AnpSynthError:
    exc = cls.__new__(cls, *args)
    exc.args = args
    exc.__dict__.update(state)
    exc.__class__ = _failed_class(cls)
    return exc


def with_report(exc: AnpSynthError, report: ImportReport) -> AnpSynthError:
    """``exc`` itself, now also an :class:`ImportFailed` carrying ``report`` (its message, cause and
    traceback unchanged); re-raise it with a bare ``raise``."""
    if not isinstance(exc, ImportFailed):
        exc.__class__ = _failed_class(type(exc))
    assert isinstance(exc, ImportFailed)
    exc.report = report
    return exc
