"""The report's arithmetic: what each batch adds to an import's counts, and the stats handed to ``on_batch``.

Why apart: the counts must add up the same way whatever happened to a batch (found in the
ledger before it was prepared, written by this run, found committed by another run or by
this run just before a lost connection), and that is easiest to check when it is all here.
"""

from __future__ import annotations

import time
from typing import Any

from .backend import BatchOutcome
from .jobs import Job, Prepared
from .report import BatchStats, ImportReport


def count_in_ledger(report: ImportReport, job: Job) -> BatchOutcome:
    """A batch the ledger already had: read (as far as the counts go) and skipped whole."""
    report.batches_in_ledger += 1
    report.rows_read += job.rows
    report.skipped += job.rows
    return BatchOutcome(skipped=job.rows)


def count_preparing(report: ImportReport, prepared: Prepared) -> None:
    """The time a batch took to prepare (a worker's, with workers: summed, not elapsed)."""
    report.timings.read_generate += prepared.read_s
    report.timings.encode += prepared.encode_s


def count_prepared(report: ImportReport, job: Job, prepared: Prepared, *, first: bool) -> None:
    """Before the write of a batch that goes in: where a resumed run resumed, the seeds seen.

    ``first``: no batch was handed to a writer before this one, in input order. Not "none
    committed yet": with several writer connections (:mod:`.streams`) the first may still be
    in flight when a later one, after ledger batches, is judged.
    """
    if first and report.batches_in_ledger:
        report.resumed_at = f"{job.describe()} (after {report.batches_in_ledger} batches found in the ledger)"
    seeds = [r[2] for r in prepared.batch.articles]
    if seeds:
        lo, hi = min(seeds), max(seeds)
        report.seed_first = lo if report.seed_first is None else min(lo, report.seed_first)
        report.seed_last = hi if report.seed_last is None else max(hi, report.seed_last)


def count_written(
    report: ImportReport, run_id: str, batch_no: int, prepared: Prepared, outcome: BatchOutcome
) -> tuple[BatchOutcome, int, bool]:
    """After the write: adds the batch's outcome; returns what the batch's stats show
    (its outcome, rows rejected, whether the ledger had it by the time it was written)."""
    report.rows_read += prepared.rows_read
    report.bytes_read += prepared.batch.nbytes
    if outcome.committed_by is not None:
        # The ledger had it by the time we wrote: committed by this run just before its
        # connection dropped (then the commit's counts are ours), by a concurrent importer,
        # or earlier in this run (a batch with exactly the same lines: its rows are duplicates).
        if outcome.committed_by == run_id and outcome.committed_batch_no == batch_no:
            report.batches += 1
            report.inserted += outcome.inserted
            report.updated += outcome.updated
            report.skipped += outcome.skipped
            report.rejected += outcome.conflicts
            return outcome, outcome.conflicts, False
        if outcome.committed_by != run_id:
            report.batches_by_other_run += 1
        skipped = prepared.rows_read - len(prepared.rejects)
        report.skipped += skipped
        report.rejected += len(prepared.rejects)
        return BatchOutcome(skipped=skipped), len(prepared.rejects), True
    outcome.skipped += prepared.duplicates
    rejected = len(prepared.rejects) + outcome.conflicts
    report.rejected += rejected
    report.batches += 1
    report.inserted += outcome.inserted
    report.updated += outcome.updated
    report.skipped += outcome.skipped
    report.changed += outcome.changed
    report.other_version += outcome.other_version
    report.timings.write += outcome.write_s
    report.timings.merge += outcome.merge_s
    return outcome, rejected, False


def batch_stats(
    report: ImportReport,
    batch_no: int,
    rows: int,
    outcome: BatchOutcome,
    rejected: int,
    from_ledger: bool,
    fields: dict[str, Any],
    start: float,
) -> BatchStats:
    """The batch as ``on_batch`` sees it, with the run's totals so far; ``start`` is the run's start."""
    return BatchStats(
        batch_no=batch_no,
        rows=rows,
        inserted=outcome.inserted,
        updated=outcome.updated,
        skipped=outcome.skipped,
        rejected=rejected,
        from_ledger=from_ledger,
        first_seed=fields["first_seed"],
        last_seed=fields["last_seed"],
        first_line=fields["first_line"],
        last_line=fields["last_line"],
        total_read=report.rows_read,
        total_inserted=report.inserted,
        elapsed_s=time.perf_counter() - start,
    )
