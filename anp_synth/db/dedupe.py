"""The duplicate rule across a run's batches, and the rejects it and the backend's conflicts make.

Why apart: a batch is prepared (and deduplicated within itself) in a worker that cannot see
the batches before it; this is the part that can, applied in this process to each batch in
input order against the run's :class:`~.seen.SeenIndex`, so the verdicts are the ones a
single pass over the whole input would give.
"""

from __future__ import annotations

from .backend import Conflict, keep_rows
from .jobs import Job, LinesJob, Prepared, RecordsJob, Reject, duplicate_id_reason, duplicate_reason
from .seen import Entry, Seen, SeenIndex


def dedupe(seen: SeenIndex, job: Job, prepared: Prepared) -> None:
    """Apply the duplicate rule of :mod:`.seen` to this batch against the batches before it."""
    assert prepared.lines is not None
    articles = prepared.batch.articles
    lines = prepared.lines
    found = seen.check_and_add([Entry(r[1], r[0], r[7], line) for r, line in zip(articles, lines, strict=True)])
    if not found:
        return
    where = "line" if isinstance(job, LinesJob) else "record"
    drop: set[int] = set()
    for later in found:
        drop.add(later.position)
        if later.same_content:
            prepared.duplicates += 1
            continue
        row = articles[later.position]
        if later.other_reference is None:
            reason = duplicate_reason(where, later.first_line)
        else:
            reason = duplicate_id_reason(row[2], row[3], later.other_reference, where, later.first_line)
        line = lines[later.position]
        prepared.rejects.append(Reject(source_of(job), line, row[2], None, reason, raw_line(job, line)))
    _rejudge_followers(job, prepared, {articles[s.position][1]: s for s in found}, where)
    keep = [i for i in range(len(articles)) if i not in drop]
    prepared.batch = keep_rows(prepared.batch, keep)
    prepared.lines = [lines[i] for i in keep]
    prepared.rejects.sort(key=lambda r: r.line or 0)


def _rejudge_followers(job: Job, prepared: Prepared, later: dict[str, Seen], where: str) -> None:
    """A batch's later copies of a reference were judged against the batch's first copy; when
    that copy was itself a later occurrence in the run, judge them against the run's first."""
    for follower in prepared.followers:
        seen = later.get(follower.reference)
        if seen is None:
            continue  # the batch's first copy is the run's first: its verdict stands
        if follower.reject is None:
            prepared.duplicates -= 1
        else:
            prepared.rejects.remove(follower.reject)
        if seen.other_reference is None and follower.hash == seen.first_hash:
            prepared.duplicates += 1
            continue
        if seen.other_reference is None:
            reason = duplicate_reason(where, seen.first_line)
        else:
            reason = duplicate_id_reason(follower.seed, follower.profile, seen.other_reference, where, seen.first_line)
        seed = follower.seed if isinstance(follower.seed, int) else None
        raw = raw_line(job, follower.line)
        prepared.rejects.append(Reject(source_of(job), follower.line, seed, None, reason, raw))


def conflict_reject(job: Job, prepared: Prepared, conflict: Conflict) -> Reject:
    """The reject for a row the backend refused (another article already holds its identity)."""
    row = prepared.batch.articles[conflict.position]
    line = prepared.lines[conflict.position] if prepared.lines is not None else None
    return Reject(source_of(job), line, row[2], None, conflict.reason, raw_line(job, line))


def source_of(job: Job) -> str | None:
    """What a reject names as its source: the file, ``<records>``, or nothing for generated seeds."""
    if isinstance(job, LinesJob):
        return job.source
    if isinstance(job, RecordsJob):
        return "<records>"
    return None


def raw_line(job: Job, line: int | None) -> str | None:
    """The input text of ``line``, for a rejects file (only files have one)."""
    if not isinstance(job, LinesJob) or line is None:
        return None
    for number, text in job.lines:
        if number == line:
            return text if isinstance(text, str) else text.record  # a reader's reject carries its own
    return None
