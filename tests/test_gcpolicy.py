"""anp-synth tunes the garbage collector in its own processes only, never in a library caller's."""

from __future__ import annotations

import gc
import subprocess
import sys

from anp_synth.gcpolicy import THRESHOLDS
from anp_synth.ordered_pool import in_order


def _collector() -> tuple[tuple[int, int, int], bool]:
    return gc.get_threshold(), gc.get_freeze_count() > 0


def _python(code: str) -> subprocess.CompletedProcess[str]:
    """``code`` in a fresh interpreter, whose collector nothing else has touched."""
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)


def test_worker_processes_collect_with_the_batch_thresholds() -> None:
    import multiprocessing

    context = multiprocessing.get_context("spawn")
    results = list(in_order([(0, ())], _collector, workers=2, context=context, limit=2))
    assert results == [(0, (THRESHOLDS, True))]  # the modules a worker loaded are frozen as well


def test_importing_and_calling_the_library_leaves_the_callers_collector_alone() -> None:
    code = (
        "import gc; gc.set_threshold(123, 4, 5)\n"
        "from anp_synth import generate; from anp_synth.dataset import write_dataset\n"
        "list(generate(seed=0, count=3)); write_dataset('-', seed=0, count=2, workers=2)\n"
        "import sys; print(gc.get_threshold(), gc.get_freeze_count(), file=sys.stderr)\n"
    )
    out = _python(code)
    assert out.returncode == 0, out.stderr
    assert out.stderr.strip() == "(123, 4, 5) 0"


def test_the_command_line_raises_the_thresholds_without_freezing() -> None:
    code = (
        "import gc, sys; from anp_synth.cli import main\n"
        "try:\n    main(['generate', '--count', '1', '-o', '-'])\n"
        "except SystemExit:\n    pass\n"
        "print(gc.get_threshold(), gc.get_freeze_count(), file=sys.stderr)\n"
    )
    out = _python(code)
    assert out.stderr.strip().splitlines()[-1] == f"{THRESHOLDS} 0"


def test_a_block_of_batch_work_restores_the_processs_own_thresholds_even_when_it_fails() -> None:
    from anp_synth.gcpolicy import batch_thresholds

    saved = gc.get_threshold()
    try:
        gc.set_threshold(321, 7, 8)
        with batch_thresholds():
            assert gc.get_threshold() == THRESHOLDS
        assert gc.get_threshold() == (321, 7, 8)
        frozen = gc.get_freeze_count()
        try:
            with batch_thresholds():
                raise RuntimeError("a failed task")
        except RuntimeError:
            pass
        assert gc.get_threshold() == (321, 7, 8) and gc.get_freeze_count() == frozen
    finally:
        gc.set_threshold(*saved)
