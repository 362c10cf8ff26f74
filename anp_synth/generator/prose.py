"""Paragraph prose: themed word pools and sentence shapes, pre-expanded into sentence banks.

Why banks: expanding a grammar word by word costs microseconds per sentence, and an
article has dozens of sentences. Each theme's grammar is expanded once per process into a
bank of a few thousand sentences (from a fixed seed, so banks are part of the generator
version), and a record picks sentences from the banks with its own random stream.

Why these pools: text that compresses like English (zlib to about a third) needs a fresh
choice every word or two; long fixed phrases compress to nothing. So pools hold single
words or short phrases, typed (people, things, actions, qualities) so sentences stay
grammatical and on topic.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from functools import cache

from .. import rules
from .grammar import Template, compile_pools, expand

BANK_SIZE = 1024
"""Passages per theme. A passage is one to three sentences (two on average)."""

_BANK_SEED = "anp-synth prose banks v2"
_A_AN = re.compile(r"(?<!\S)a (?=[aeio]|u(?!ni|s)|hour|honest)")
"""An "a" that should read "an": the whole word before a vowel sound, "hour"/"honest", or
"un-" except in "uni-"/"us-" words ("a unit", "a user" stay). Lookarounds rather than
groups: a third of the cost per sentence."""


def _words(text: str) -> tuple[str, ...]:
    return tuple(w.strip() for w in text.split(",") if w.strip())


def third_person(verb: str) -> str:
    """'check' -> 'checks', 'batch' -> 'batches', 'retry' -> 'retries'; phrasal verbs inflect their head."""
    head, sep, rest = verb.partition(" ")
    if head.endswith(("s", "sh", "ch", "x", "z")):
        head += "es"
    elif head.endswith("y") and head[-2:-1] not in "aeiou":
        head = head[:-1] + "ies"
    else:
        head += "s"
    return head + sep + rest


_DOUBLE = frozenset(
    "log pin drop plan tag ship stop map trim skip wrap scan split set cut run tap dig rig shed chop flag grep "
    "swap prop strip step nag jot stub".split()
)


def gerund(verb: str) -> str:
    """'check' -> 'checking', 'rotate' -> 'rotating', 'log' -> 'logging'."""
    head, sep, rest = verb.partition(" ")
    if head in _DOUBLE:
        head += head[-1] + "ing"
    elif head.endswith("e") and not head.endswith(("ee", "ye", "oe")):
        head = head[:-1] + "ing"
    else:
        head += "ing"
    return head + sep + rest


GENERAL: dict[str, tuple[str, ...]] = {
    "people": ("{people_det} {role}", "{people_det} {role}", "{people_det} {quality} {role}"),
    "people_det": _words("the, our, every, each, a, one, the next, the first, the newest, whichever, that, your"),
    "quality": _words(
        "careful, busy, tired, new, senior, junior, remote, patient, cautious, curious, sleepy, seasoned, "
        "overworked, thorough, pragmatic, skeptical, experienced, part-time"
    ),
    "role": _words(
        "engineer, reviewer, editor, operator, maintainer, developer, analyst, admin, tester, architect, lead, "
        "intern, contractor, designer, writer, release manager, sre, dba, product manager, support agent, "
        "on-call engineer, team lead, data engineer, frontend developer, backend developer, auditor, owner, "
        "consultant, volunteer, newcomer"
    ),
    "opener": _words(
        "as a rule, in practice, first, where possible, on most teams, before anything else, in our experience, "
        "whenever you can, as a habit, early on, in short, at minimum, ideally, honestly, above all, "
        "by default, over time, in most cases, on a busy site, for a start, quite often, sooner or later, "
        "frankly, usually, in hindsight, at scale, for small teams, on legacy code, in a pinch, most days"
    ),
    "modal": _words("should, can, must, will, might, could, would, ought to, may"),
    "adv": _words(
        "quietly, carefully, early, twice, first, gradually, deliberately, routinely, manually, automatically, "
        "explicitly, eventually, regularly, calmly, openly, briefly, properly, promptly, safely, cheaply, "
        "visibly, locally, selectively, repeatedly, patiently, rarely, often, lazily, eagerly, loudly, "
        "incrementally, nightly, weekly, cautiously, thoroughly, reluctantly"
    ),
    "det": _words(
        "the, every, each, one, that, this, any, the same, the next, the old, the new, the main, the last, your, our"
    ),
    "pp": ("{tprep} {tnoun}", "{tprep} {tnoun}", "{pprep} {pnoun}", "{pprep} {pnoun}", "{pprep} {pnoun}", "per {per}"),
    "tprep": _words("during, after, before, ahead of, right after, well before, throughout, until, soon after"),
    "tnoun": _words(
        "the deploy, the import, the release, the freeze, the failover, the audit, the migration, launch, the backfill, "
        "the handover, the sprint, the retro, the rollout, the upgrade, the incident, the cutover, the outage, "
        "the holiday season, the load test, the code review, the demo, the next on-call shift, the weekend, "
        "the quarterly report, the reindex, the restore drill, the traffic peak, month end"
    ),
    "pprep": _words("in, on, inside, across, behind, within, beside, outside"),
    "pnoun": _words(
        "production, staging, the admin area, the replica, the edge, the dashboard, the runbook, ci, the queue, "
        "every region, the main branch, the test suite, a feature branch, the api gateway, the worker pool, "
        "the monolith, the reporting database, a sandbox, the shared cluster, the cdn, the build pipeline, "
        "the search service, the editor ui, the mobile app, a staging copy, the read model, the batch window"
    ),
    "per": _words("request, batch, tenant, region, deploy, page, user, import, shard, release, worker, table"),
    "event": ("{tnoun}", "{tnoun}", "a {state} {gnoun}", "the next {gnoun} change"),
    "later": _words(
        "later, months later, next quarter, at the next incident, during the handover, after the launch, "
        "at the retro, by friday, in a year, next spring, at two in the morning, after the reorg, tomorrow"
    ),
    # "#" is replaced by a digit when the bank is built: numbers are where real notes differ most.
    "num": _words("#, ##, ##, ###, ###, ###, #,###, #.#, ##,###"),
    "config": _words(
        "work_mem, statement_timeout, pool_size, batch_size, max_retries, cache_ttl, worker_count, "
        "max_connections, shared_buffers, lock_timeout, read_timeout, queue_depth, page_size, "
        "gc_interval, backoff_base, max_body_size, keepalive, prefetch_count, replica_lag_limit, "
        "idle_timeout, checkpoint_interval, log_level, sample_rate, rate_limit, retention_days"
    ),
    "cunit": _words("ms, s, mb, kb, %, rows, per second, connections, seconds, minutes, items"),
    "unit": _words(
        "minutes, seconds, milliseconds, requests, rows, retries, batches, pages, queries, hours, deploys, alerts, "
        "megabytes, connections, workers, tickets, users, lines, tests, percent"
    ),
    "state": _words(
        "stale, slow, noisy, fragile, hidden, oversized, missing, duplicated, unbounded, flaky, forgotten, "
        "undocumented, risky, expensive, brittle, shared, half-finished, misconfigured, unowned, outdated, "
        "leaky, tangled, inconsistent, orphaned, overloaded, unmonitored, implicit, surprising"
    ),
    "good": _words(
        "small, reversible, measured, boring, predictable, explicit, idempotent, cheap, safe, clear, "
        "well-named, tested, logged, versioned, documented, reviewed, bounded, observable, repeatable, honest, "
        "simple, tidy, focused, scripted, automated, isolated, traceable, stable"
    ),
    "gnoun": _words(
        "log line, dashboard, runbook, changelog, test suite, release tag, feature flag, config file, "
        "deploy script, health check, error budget, rollback note, checklist, baseline, benchmark, ticket, "
        "pull request, code review, staging database, status page, pager, timeline, owner, metric, trace, "
        "readme, wiki page, spreadsheet, alert rule, cron entry, makefile, schema, fixture, api contract"
    ),
    "gverb": _words(
        "check, measure, review, document, test, verify, inspect, compare, label, log, simplify, automate, "
        "rehearse, retire, rename, split, watch, graph, trace, pin, archive, replay, isolate, question, share, "
        "delete, revisit, estimate, benchmark, name"
    ),
    "reason": (
        "{people} {tense_past} {noun_short} {pp}",
        "the {gnoun} says so",
        "{num} {unit} add up {pp}",
        "{people} cannot read minds",
        "{state} things stay {state} until someone looks",
        "nobody remembers the details {later}",
        "the numbers drift {pp}",
        "production data is messier than a {gnoun}",
        "guesses age badly",
        "the tail is where users wait",
    ),
    "ident": (
        "{sys}-{suffix}",
        "{sys}-{suffix}",
        "{sys}_{table}",
        "{sys}/{sys}_{table}.sql",
        "/var/log/{sys}/{suffix}.log",
        "{sys}.{config}",
        "{sys}-{suffix}-#",
        "{sys}_{table}_v#",
        "{sys}.{suffix}.internal",
        "{sys}/{suffix}.yaml",
    ),
    "sys": _words(
        "billing, checkout, search, media, auth, orders, users, feeds, sitemap, comments, inventory, ledger, "
        "invoices, mailer, uploads, thumbnails, reports, analytics, geo, pricing, catalog, sessions, tags, "
        "webhooks, notify, audit, export, import, archive, editorial, newsroom, paywall, metering, ratings"
    ),
    "suffix": _words(
        "api, worker, db, cache, cron, proxy, queue, service, gateway, indexer, scheduler, consumer, writer, "
        "reader, sync, loader, exporter, router, store"
    ),
    "table": _words("events, items, rows, jobs, runs, snapshots, history, stats, queue, keys, locks, logs, meta"),
    "ticket": _words("#-##, ###-##, ##-###, ops-###, inc-##, #-###, ##-#"),
    "weekday": _words("monday, tuesday, wednesday, thursday, friday, saturday, sunday, release day, payday"),
    "tense_past": _words("forgot, missed, broke, skipped, renamed, deleted, doubled, ignored, rewrote, misread"),
    "noun_short": ("the {noun}", "a {noun}", "one {gnoun}"),
}

THEMES: dict[str, dict[str, tuple[str, ...]]] = {
    "cache": {
        "noun": _words(
            "cache key, purge rule, ttl, page cache, object cache, edge cache, vary header, cache hit ratio, "
            "warm-up job, invalidation hook, stale entry, cache layer, surrogate key, fragment cache, "
            "query cache, cache stampede, bypass rule, cookie check, cache tag, origin request, memcached pool, "
            "redis instance, eviction policy, cache miss"
        ),
        "verb": _words(
            "purge, warm, invalidate, bypass, expire, key, shard, evict, prime, tag, version, scope, throttle, "
            "refill, flush, pin"
        ),
        "adj": _words("cold, warm, shared, per-user, anonymous, cached, uncached, short-lived, long-lived"),
    },
    "database": {
        "noun": _words(
            "index, query plan, migration, foreign key, row estimate, table scan, lock wait, sort key, "
            "sequence, vacuum run, connection pool, replica lag, transaction, composite index, partial index, "
            "slow query log, explain output, statistics target, deadlock, schema change, column default, "
            "batch update, unique constraint, join order, buffer hit"
        ),
        "verb": _words(
            "index, analyze, vacuum, partition, backfill, lock, rewrite, denormalize, explain, batch, "
            "constrain, replicate, migrate, drop, rebuild, paginate"
        ),
        "adj": _words("composite, covering, partial, unique, concurrent, blocking, nullable, long-running"),
    },
    "jobs": {
        "noun": _words(
            "queue, worker, cron event, import script, retry limit, dead-letter queue, job id, batch size, "
            "lock file, heartbeat, backoff, scheduler, idempotency key, job ledger, timeout, poison message, "
            "consumer, producer, visibility timeout, checkpoint, resume point, progress log"
        ),
        "verb": _words(
            "retry, requeue, resume, checkpoint, schedule, throttle, drain, pause, dedupe, batch, lease, "
            "acknowledge, replay, cancel, split"
        ),
        "adj": _words("idempotent, resumable, long-running, retried, orphaned, stuck, parallel, serial"),
    },
    "monitoring": {
        "noun": _words(
            "alert, dashboard, p99 latency, error rate, saturation graph, uptime check, synthetic probe, "
            "log query, trace span, slo, burn rate, pager rule, deploy marker, apdex score, queue age, "
            "heatmap, status page, exporter, scrape target, anomaly, sampling rate"
        ),
        "verb": _words(
            "alert on, graph, sample, scrape, annotate, page, silence, threshold, correlate, aggregate, "
            "export, probe, tag, budget"
        ),
        "adj": _words("noisy, actionable, silent, flapping, paging, per-route, aggregated, high-cardinality"),
    },
    "performance": {
        "noun": _words(
            "flame graph, hot path, p50, p99, payload size, render time, cold start, round trip, n+1 query, "
            "allocation, gc pause, bundle size, time to first byte, throughput, warm cache, profile, "
            "slow endpoint, image size, compression level, batch size, worker count"
        ),
        "verb": _words(
            "profile, benchmark, inline, compress, lazy-load, prefetch, batch, stream, memoize, precompute, "
            "trim, parallelize, defer, coalesce"
        ),
        "adj": _words("hot, cold, tail, median, peak, steady, bursty, cpu-bound, io-bound"),
    },
    "baseline": {
        "noun": _words(
            "baseline, reproduction, failing command, expected input, route, screenshot, timing, trace, "
            "request id, error message, sample payload, test account, measurement, starting point, "
            "symptom, assumption, hypothesis, control group, before state"
        ),
        "verb": _words(
            "reproduce, record, capture, write down, snapshot, time, replay, narrow down, bisect, "
            "isolate, confirm, rule out"
        ),
        "adj": _words("current, observed, original, reproducible, intermittent, exact, measured"),
    },
    "rollout": {
        "noun": _words(
            "feature flag, canary, rollback, release train, blue-green switch, kill switch, traffic split, "
            "migration window, release note, deploy freeze, version pin, staged rollout, smoke test, "
            "maintenance page, cutover plan, go/no-go check, rollback script, deploy log"
        ),
        "verb": _words(
            "ship, flag, canary, roll back, promote, gate, stage, freeze, cut over, announce, pause, "
            "revert, tag, release"
        ),
        "adj": _words("gradual, staged, reversible, dark-launched, partial, risky, rehearsed"),
    },
    "testing": {
        "noun": _words(
            "unit test, integration test, fixture, seed, flaky test, snapshot, property test, test double, "
            "coverage report, regression test, test database, golden file, smoke test, contract test, "
            "random order run, test runner, assertion, failure message, mutation score"
        ),
        "verb": _words(
            "assert, seed, mock, parametrize, quarantine, shrink, replay, isolate, stub, fuzz, snapshot, "
            "reproduce, tag, rerun"
        ),
        "adj": _words("deterministic, flaky, hermetic, seeded, parallel, slow, brittle, readable"),
    },
    "security": {
        "noun": _words(
            "secret, api token, session cookie, password hash, access log, permission, admin role, "
            "input filter, output escape, csrf token, content security policy, dependency pin, audit trail, "
            "key rotation, allow list, rate limit, login form, upload check"
        ),
        "verb": _words(
            "rotate, revoke, escape, sanitize, hash, audit, restrict, encrypt, validate, pin, scope, "
            "expire, redact, review"
        ),
        "adj": _words("leaked, privileged, untrusted, signed, hashed, expired, least-privilege"),
    },
    "documentation": {
        "noun": _words(
            "runbook, readme, decision record, architecture note, onboarding page, changelog entry, "
            "code comment, diagram, faq, glossary, how-to, postmortem, handover note, wiki page, "
            "command reference, examples section"
        ),
        "verb": _words(
            "document, rewrite, link, summarize, date, review, prune, illustrate, version, index, clarify, shorten"
        ),
        "adj": _words("short, searchable, outdated, linked, dated, task-oriented, written-down"),
    },
    "ownership": {
        "noun": _words(
            "owner, escalation path, on-call rotation, service catalog, team charter, handover, "
            "review rota, support channel, decision log, maintenance window, service level, backlog"
        ),
        "verb": _words("assign, own, escalate, hand over, rotate, triage, prioritize, delegate, staff, review"),
        "adj": _words("named, shared, unowned, clear, rotating, accountable"),
    },
    "incidents": {
        "noun": _words(
            "incident, postmortem, timeline, pager alert, war room, status update, mitigation, root cause, "
            "follow-up ticket, blast radius, severity level, customer report, recovery step"
        ),
        "verb": _words("mitigate, triage, escalate, communicate, contain, restore, debrief, follow up on"),
        "adj": _words("blameless, customer-facing, partial, prolonged, recurring, contained"),
    },
    "capacity": {
        "noun": _words(
            "disk quota, memory limit, cpu budget, autoscaler, instance size, connection limit, "
            "storage growth, bandwidth bill, peak forecast, headroom, load test, request quota"
        ),
        "verb": _words("forecast, provision, right-size, scale, cap, reserve, load-test, budget, trim"),
        "adj": _words("idle, oversubscribed, elastic, reserved, burstable, saturated"),
    },
    "dependencies": {
        "noun": _words(
            "lock file, major upgrade, deprecation warning, transitive dependency, changelog, "
            "compatibility shim, vendored copy, release candidate, security advisory, version range, plugin"
        ),
        "verb": _words("upgrade, pin, vendor, audit, deprecate, patch, replace, bump, test against"),
        "adj": _words("pinned, deprecated, vendored, transitive, abandoned, unmaintained"),
    },
}

SHAPES: tuple[str, ...] = (
    "{opener}, {people} {modal} {verb} {np} {pp}.",
    "set {config} to {num} {cunit} {pp}, then {gverb} {np} again.",
    "{config} at {num} {cunit} made {np} {state}; {num} {cunit} fixed it.",
    "with {config} = {num}, {np} {verb3} {num} {unit} {pp}.",
    "{people} measured {num} {unit} {pp} and {num} {unit} {pp}.",
    "{np} went from {num} to {num} {unit} after {people} {tense_past} {np2}.",
    "at {num} {unit} per {per}, {np} {verb3} {np2} in about {num} {unit}.",
    "since version {num}.{num}.{num}, {np} {verb3} {np2} {pp}.",
    "between {num} and {num} {unit}, {np} is {good}; past {num}, it gets {state}.",
    "ticket {ticket} tracks {np}; {people} {tense_past} it {pp}.",
    "see {ticket} and {ticket}: {np} {verb3} {np2} {pp}.",
    "{num} of {num} {unit} {pp} hit {np}, so {people} {modal} {verb} it.",
    "{people} cut {np} from {num} {unit} to {num} by {ving} {np2}.",
    "on {weekday}, {np} peaked at {num} {unit} {pp}.",
    "{ident} and {ident} share {np}, which is {state}.",
    "{people} moved {np} from {ident} to {ident} {pp}.",
    "grep {ident} for {config} before you {verb} {np}.",
    "the {gnoun} showed {num} {unit} for {np} {pp}.",
    "{np} {verb3} {np2} {pp}.",
    "{people} {modal} {adv} {verb} {np} before {event}.",
    "when {np} {verb3} {np2}, {people} {modal} {verb} {np} {pp}.",
    "{verb} {np}, {verb} {np2}, and {gverb} {np} {pp}.",
    "{people} rarely {verb3} {np} unless {np2} looks {state}.",
    "if {np} is {state} {pp}, {verb} {np2} first.",
    "{people} learns to {verb} {np} the hard way, usually {pp}.",
    "{opener}, {verb} {np} {pp}; {people} will thank you {later}.",
    "the point of {ving} {np} is that {people} can {gverb} {np2} {pp}.",
    "{ving} {np} {pp} costs {num} {unit} and saves far more.",
    "a {good} {noun} beats a clever one, because {reason}.",
    "keep {np} {good} and {np2} {good}.",
    "{np} that is {state} will hurt {people} {pp}.",
    "{people} {modal} {gverb} {np} and {verb} {np2} {adv}.",
    "{verb} {np} {adv}, then {gverb} the {gnoun} {pp}.",
    "no {noun} stays {good} on its own: {people} {modal} {verb} it {adv}.",
    "{opener}, a {state} {noun} is cheaper to fix {pp} than {later}.",
    "write down why {np} was {verbed_hint} {pp}, because {reason}.",
    "{ving} {np} without a {gnoun} is guesswork.",
    "{num} {unit} of {ving} {np} {pp} can spare {people} a long night.",
    "treat {np} as part of the {gnoun}, not an afterthought.",
    "{people} {modal} know who {verb3} {np} and where the {gnoun} lives.",
    "{np} and {np2} belong in the same {gnoun}.",
    "we saw {np} grow to {num} {unit} {pp}.",
    "{people} {tense_past} {np} {pp}, and {np2} {verb3} it now.",
    "{adv}, {people} {verb3} {np} {pp}.",
    "{np} {verb3} {np2}; {np} {verb3} {np2}.",
    "does {np} still {verb} {np2} {pp}? {gverb} it.",
    "expect {num} {unit} {pp} once {np} is {state}.",
    "{people} {modal} {verb} {np} in {num} {unit} {pp}.",
    "prefer {good} {noun} over {state} {noun}, {pp} and {pp}.",
)

_NOUN_PHRASES: tuple[str, ...] = (
    "{det} {noun}", "{det} {noun}", "{det} {adj} {noun}", "{det} {state} {noun}", "{det} {noun} for {det} {noun}",
    "{det} {good} {noun}", "{det} {gnoun}", "{det} {noun} of {det} {gnoun}", "{det} {adj} {gnoun}",
    "{det} {state} {adj} {noun}", "{det} {noun} behind {det} {noun}", "{det} {noun} in {ident}",
    "the {ident} {noun}", "{ident}",
)  # fmt: skip


LEADS = 512
"""Paragraph openings per theme: single passages, the first half of the theme's bank."""
FOLLOWS = 512
"""Paragraph continuations per theme: one passage (80%) or two, from the second half."""

Parts = tuple[tuple[str, ...], tuple[int, ...], tuple[str, ...], tuple[int, ...]]
"""Leads, their word counts, follows, their word counts."""


@cache
def paragraph_parts(theme: str) -> Parts:
    """The theme's paragraph openings and continuations, with their word counts.

    A paragraph is a lead and a follow (two or three passages, as in English prose), so a
    theme gives 262,144 distinct paragraphs from under half a megabyte of text. Small
    banks matter for speed: a record reads six paragraphs at random, and from a bank that
    stays in the CPU's cache that costs a tenth less than from one four times the size.
    """
    passages, counts = bank(theme)
    rnd = random.Random(f"{_BANK_SEED}|{theme}|follows").random
    rest = len(passages) - LEADS
    follows, follow_counts = [], []
    for _ in range(FOLLOWS):
        picks = [LEADS + int(rnd() * rest) for _ in range(1 if rnd() < 0.8 else 2)]
        follows.append(" ".join(passages[i] for i in picks))
        follow_counts.append(sum(counts[i] for i in picks))
    return passages[:LEADS], counts[:LEADS], tuple(follows), tuple(follow_counts)


@cache
def bank(theme: str) -> tuple[tuple[str, ...], tuple[int, ...]]:
    """The theme's passage bank and each passage's word count, built on first use from a fixed seed."""
    words = THEMES[theme]
    verbs = words["verb"]
    raw: dict[str, tuple[str, ...]] = {
        **GENERAL,
        "noun": words["noun"],
        "adj": words["adj"],
        "verb": verbs,
        "gverb": GENERAL["gverb"],
        "verb3": tuple(third_person(v) for v in verbs),
        "ving": tuple(gerund(v) for v in verbs),
        "verbed_hint": _words("changed, chosen, added, kept, removed, configured, left alone, split, tuned"),
        "np": _NOUN_PHRASES,
        "np2": _NOUN_PHRASES,
        "shape": SHAPES,
    }
    pools = compile_pools(raw, frozenset())
    shape: Template = ("", pools["shape"])
    rnd = random.Random(f"{_BANK_SEED}|{theme}").random
    out: list[str] = []

    def sentence() -> str:
        out.clear()
        expand(shape, rnd, {}, out)
        text = _A_AN.sub("an ", "".join(out))
        return _digits(text, rnd) if "#" in text else text

    passages = []
    for _ in range(BANK_SIZE):
        u = rnd()
        n = 1 if u < 0.25 else 2 if u < 0.75 else 3
        passages.append(" ".join(sentence() for _ in range(n)))
    return tuple(passages), tuple(rules.word_count(p) for p in passages)


THEME_NAMES: tuple[str, ...] = tuple(THEMES)


_NUMBER = re.compile(r"#[#,.]*#|#")
"""A number to fill: a run of "#" that may hold "," and "." (a trailing "," or "." is not part of it)."""


def _digits(sentence: str, rnd: Callable[[], float]) -> str:
    """Fill each run of "#" with a random number of that many digits (no leading zero)."""

    def number(match: re.Match[str]) -> str:
        digits = [str(1 + int(rnd() * 9))]
        for ch in match.group()[1:]:
            digits.append(str(int(rnd() * 10)) if ch == "#" else ch)
        return "".join(digits)

    return _NUMBER.sub(number, sentence)
