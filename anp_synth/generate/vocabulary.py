"""The words articles are made of: problems, scenarios, layouts, and the prose grammar.

House style is all lower case, like the sample article. Sentence templates draw from word
pools (``{verb_check}``...) and from the record's context (``{stack}``, ``{problem}``,
``{scenario}``, ``{tool}``, ``{language}``, ``{area}``, ``{brand}``), so the prose always
names the record's own subject.
"""

from __future__ import annotations

PROBLEMS: tuple[tuple[str, str], ...] = (
    ("building safer deployment steps", "delivery"),
    ("reducing slow admin queries", "performance"),
    ("cleaning up stale cache entries", "performance"),
    ("making imports idempotent", "data"),
    ("shrinking page load times", "performance"),
    ("tracking down memory leaks", "reliability"),
    ("hardening login flows", "security"),
    ("rotating leaked credentials", "security"),
    ("taming flaky integration tests", "testing"),
    ("splitting a monolithic migration", "data"),
    ("adding indexes without downtime", "data"),
    ("handling retries in background jobs", "reliability"),
    ("keeping search results fresh", "data"),
    ("measuring real user latency", "observability"),
    ("writing useful alerts", "observability"),
    ("cutting cloud costs", "operations"),
    ("upgrading a major framework version", "delivery"),
    ("recovering from a failed release", "delivery"),
    ("paginating large result sets", "performance"),
    ("validating user input at the edge", "security"),
)

SCENARIOS: tuple[str, ...] = (
    "while keeping the admin area responsive",
    "before a busy product launch",
    "on a team with no dedicated operations staff",
    "after a traffic spike took the site down",
    "with a database of several million rows",
    "during a gradual migration to new hosting",
    "when the original authors have moved on",
    "under a strict change-freeze window",
    "for a site with editors in many time zones",
    "while serving a steady stream of api clients",
)

TITLE_PATTERNS: tuple[str, ...] = (
    "production checklist for {problem} in {stack}",
    "a practical guide to {problem} in {stack}",
    "{problem} in {stack}: what actually worked",
    "notes on {problem} for {stack}",
    "lessons from {problem} in {stack}",
    "how we approach {problem} in {stack}",
    "{problem} in {stack} without surprises",
    "a field guide to {problem} with {stack}",
)

# Each layout is a list of (section kind, paragraph count range). ("code", 0, 0) appends the
# stack's code snippet to the section before it; "checklist" is the checklist section.
LAYOUTS: tuple[tuple[tuple[str, int, int], ...], ...] = (
    (("checks", 3, 4), ("code", 0, 0), ("why", 2, 2), ("checklist", 0, 0), ("final", 1, 1)),
    (("context", 2, 3), ("steps", 2, 4), ("code", 0, 0), ("checklist", 0, 0), ("final", 1, 1)),
    (("why", 1, 2), ("checks", 2, 3), ("code", 0, 0), ("pitfalls", 1, 2), ("checklist", 0, 0)),
    (("context", 1, 2), ("code", 0, 0), ("measure", 2, 3), ("final", 1, 2), ("checklist", 0, 0)),
    (("steps", 3, 4), ("code", 0, 0), ("checklist", 0, 0), ("pitfalls", 1, 2), ("final", 1, 1)),
    (("measure", 2, 2), ("checks", 2, 3), ("why", 1, 2), ("code", 0, 0), ("checklist", 0, 0),
     ("final", 1, 1)),
    (("context", 2, 2), ("pitfalls", 2, 3), ("code", 0, 0), ("checklist", 0, 0), ("final", 1, 1)),
    (("why", 2, 3), ("steps", 2, 3), ("code", 0, 0), ("measure", 1, 2), ("checklist", 0, 0)),
)  # fmt: skip

HEADINGS: dict[str, tuple[str, ...]] = {
    "checks": (
        "production checks",
        "what to check first",
        "checks before you ship",
        "the checks that matter",
    ),
    "why": ("why this matters", "why it is worth the effort", "the reasoning", "what is at stake"),
    "checklist": ("implementation checklist", "checklist", "a short checklist", "before you merge"),
    "final": ("final notes", "closing thoughts", "wrapping up", "where to go next"),
    "context": ("the situation", "background", "where we started", "context"),
    "steps": ("step by step", "the approach", "how to do it", "the working method"),
    "pitfalls": ("common pitfalls", "what went wrong before", "traps to avoid", "mistakes we made"),
    "measure": ("measuring the result", "numbers first", "how to measure it", "proving it worked"),
}

# Paragraph themes. A paragraph picks one theme and strings 3-5 of its sentences together.
THEMES: dict[str, tuple[str, ...]] = {
    "cache": (
        "{cache_subject} should be written for people who will debug them {later}.",
        "{imperative_name} the rule, document the bypass conditions, and {include} examples of pages that "
        "should and should not be cached.",
        "a {adj_good} cache key names {cache_key_part} and nothing else.",
        "when a cache entry outlives the data behind it, {consequence}.",
        "{opener} purge only the keys you can name, not the whole store.",
        "{cache_subject} that nobody can explain tend to {bad_outcome}.",
    ),
    "database": (
        "database changes need {care}.",
        "check the existing indexes, inspect the query plan, and test the migration on {data_copy}.",
        "the fastest query in development can still become the slowest request in production.",
        "{opener} {db_action} before {db_moment}.",
        "a missing index on {db_column} turns a quick lookup into {slow_thing}.",
        "{people} should be able to read the migration and know {migration_question}.",
    ),
    "jobs": (
        "large content sites need predictable background work.",
        "queues, cron events, and import scripts should be idempotent, logged, and safe to run again.",
        "that makes recovery much easier when {failure_event}.",
        "{opener} give every job {job_property}.",
        "a job that cannot be retried safely will {bad_outcome} the first time {failure_event}.",
        "{people} need to see which batch ran, how long it took, and {job_question}.",
    ),
    "monitoring": (
        "monitoring should answer simple questions quickly: is the service up, is it slow, are jobs failing, "
        "and did the last deployment change anything.",
        "dashboards are useful only when the signals are easy to understand during pressure.",
        "{opener} alert on {alert_target}, not on {alert_noise}.",
        "an alert that fires {alert_frequency} teaches people to ignore it.",
        "{people} should be able to tell from one graph whether {monitor_question}.",
    ),
    "performance": (
        "for performance work, change one variable at a time.",
        "measure the before state, apply the smallest safe change, clear only the cache that matters, and "
        "compare the result.",
        "this avoids confusing a lucky cache hit with a real fix.",
        "{opener} record {metric} before and after every change.",
        "a {adj_good} benchmark runs {bench_property}.",
        "percentiles tell a truer story than averages, because {percentile_reason}.",
    ),
    "baseline": (
        "start by writing down what the system currently does.",
        "include the route, the expected input, the slow query or failing command, and the exact place where "
        "the user notices the problem.",
        "this small baseline prevents random changes and makes the final result easier to verify.",
        "{opener} capture {baseline_item} while the problem is still visible.",
        "without a baseline, {people} argue about {baseline_argument} instead of reading numbers.",
    ),
    "rollout": (
        "{opener} ship the change behind a flag and turn it on for {rollout_audience} first.",
        "a rollback that has never been rehearsed is {rollback_state}.",
        "keep the old path working until {rollout_condition}.",
        "{people} should know who can stop the rollout and {rollout_question}.",
        "small releases make it obvious which change caused {regression}.",
    ),
    "testing": (
        "tests earn their keep when they fail for one reason only.",
        "{opener} write the test that reproduces {test_target} before touching the fix.",
        "a test suite that {test_smell} stops being trusted within weeks.",
        "use {test_data} so that a failure can be replayed exactly.",
        "{people} should be able to run the whole suite {test_where}.",
    ),
    "security": (
        "treat every value that crosses a boundary as {untrusted}.",
        "{opener} escape output where it is rendered, not where it is stored.",
        "a secret that appears in {leak_place} has to be rotated, not just deleted.",
        "least privilege is {least_privilege}.",
        "{people} should review {security_review} with the same care as code.",
    ),
    "documentation": (
        "documentation is part of the change, not a task for later.",
        "{opener} keep {doc_item} next to the code that needs it.",
        "a runbook is only useful if {runbook_condition}.",
        "write for the person who will {doc_reader} at three in the morning.",
        "{people} stop reading long pages, so {doc_advice}.",
    ),
}

POOLS: dict[str, tuple[str, ...]] = {
    "opener": (
        "as a rule,",
        "in practice,",
        "first,",
        "where possible,",
        "on most teams,",
        "before anything else,",
        "in our experience,",
        "whenever you can,",
        "as a habit,",
        "early on,",
    ),
    "later": ("later", "months later", "under pressure", "in the middle of an incident", "next quarter"),
    "imperative_name": ("name", "label", "describe", "write down"),
    "include": ("include", "add", "keep", "collect"),
    "adj_good": ("good", "useful", "reliable", "boring", "predictable", "honest", "well-kept"),
    "cache_subject": (
        "cache rules",
        "caching decisions",
        "cache layers",
        "invalidation rules",
        "cache settings",
    ),
    "cache_key_part": (
        "the route and the user role",
        "the content version",
        "the locale and the route",
        "the query parameters that change the page",
    ),
    "consequence": (
        "editors see old content and stop trusting the site",
        "support tickets pile up quietly",
        "the bug looks random and takes days to find",
        "readers get pages that contradict each other",
    ),
    "bad_outcome": ("fail silently", "break at the worst moment", "grow without limit", "hide real errors"),
    "care": ("extra care", "a rehearsal", "a second reviewer", "a written plan", "a rollback path"),
    "data_copy": (
        "a copy of real data",
        "a restored snapshot",
        "data shaped like production",
        "a staging database",
    ),
    "db_action": (
        "read the query plan",
        "check the row estimates",
        "look at lock waits",
        "count the rows touched",
        "measure the table size",
    ),
    "db_moment": (
        "the migration runs",
        "you add the index",
        "the deploy",
        "the nightly import",
        "launch day",
    ),
    "db_column": (
        "the status column",
        "a foreign key",
        "the sort column",
        "the lookup key",
        "the date column",
    ),
    "slow_thing": (
        "a full table scan",
        "a sort on disk",
        "a lock that blocks editors",
        "seconds of waiting",
    ),
    "people": (
        "reviewers",
        "the on-call engineer",
        "new team members",
        "editors",
        "operators",
        "the next maintainer",
    ),
    "migration_question": (
        "how long it will lock the table",
        "how to undo it",
        "what happens to rows written meanwhile",
        "which queries it speeds up",
    ),
    "failure_event": (
        "a request stops halfway through",
        "a worker is killed",
        "the database restarts",
        "a deploy interrupts it",
        "the network drops for a minute",
    ),
    "job_property": (
        "a unique key",
        "a timeout",
        "a clear owner",
        "a retry limit",
        "a log line at start and end",
    ),
    "job_question": ("whether it can be run again", "what it changed", "why it stopped", "who started it"),
    "alert_target": (
        "symptoms users feel",
        "error rates",
        "queue age",
        "the latency percentiles that matter",
    ),
    "alert_noise": ("every warning in the log", "cpu spikes alone", "single failed requests", "disk noise"),
    "alert_frequency": ("every night", "several times a day", "for things nobody can fix", "without context"),
    "monitor_question": (
        "the last deploy made things worse",
        "the queue is draining",
        "users are waiting",
        "the import is stuck",
    ),
    "metric": ("the p99 latency", "the error rate", "rows per second", "the peak memory", "the query count"),
    "bench_property": (
        "on data shaped like production",
        "side by side with its baseline",
        "long enough to warm the caches",
        "the same way every time",
    ),
    "percentile_reason": (
        "a few slow requests are what users remember",
        "averages hide the stalls",
        "the tail is where queues form",
    ),
    "baseline_item": (
        "the slow request",
        "the query plan",
        "the error message",
        "the timings",
        "a screenshot",
    ),
    "baseline_argument": ("feelings", "whose change it was", "what fast means", "old anecdotes"),
    "rollout_audience": ("internal users", "one region", "a small share of traffic", "editors only"),
    "rollback_state": ("only a hope", "a guess", "a plan on paper", "not a plan"),
    "rollout_condition": (
        "the new one has run for a full week",
        "the numbers agree",
        "every client has moved",
        "the data has been checked",
    ),
    "rollout_question": ("how to do it", "what signal means stop", "where the switch is"),
    "regression": ("a regression", "the slowdown", "the new errors", "the spike in support tickets"),
    "test_target": ("the bug", "the slow path", "the failing import", "the broken page"),
    "test_smell": (
        "fails at random",
        "takes an hour",
        "needs a shared server",
        "depends on the clock",
    ),
    "test_data": (
        "seeded data",
        "fixed fixtures",
        "a recorded data set",
        "generated articles with a known seed",
    ),
    "test_where": ("on a laptop", "in one command", "without network access", "in under ten minutes"),
    "untrusted": ("untrusted", "hostile until proven otherwise", "data, never code"),
    "leak_place": ("a log", "a screenshot", "a bug report", "a commit", "an error page"),
    "least_privilege": (
        "cheap to set up and expensive to add later",
        "a habit more than a tool",
        "the default that saves you during an incident",
    ),
    "security_review": ("permission changes", "new dependencies", "configuration", "access logs"),
    "doc_item": ("the runbook", "the reasoning", "the rollback steps", "the expected numbers"),
    "runbook_condition": (
        "someone has followed it recently",
        "it names the commands exactly",
        "it says when to stop",
    ),
    "doc_reader": ("read it", "need it", "be paged", "inherit this code"),
    "doc_advice": (
        "put the answer first",
        "keep each page short",
        "link instead of repeating",
        "show the command",
    ),
    "stack_sentence": (
        "for this {stack} case, keep the owner, expected result, and rollback note in the same place.",
        "in {stack}, {tool} makes this easier to check.",
        "with {stack}, the same habit applies to every {language} change.",
        "on {stack} projects, run {tool} before and after the change.",
        "in a {area} codebase like this {stack} one, small reviews beat big ones.",
    ),
    "brand_sentence": (
        "the {brand} approach is to prefer a small verified change over a broad rewrite.",
        "at {brand} we keep the numbers next to the change that produced them.",
        "the {brand} rule of thumb: if it cannot be measured, it is not done.",
        "{brand} editors review the notes before the code.",
    ),
}

INTRO_TEMPLATES: tuple[str, ...] = (
    "this is a field note for developers who want a calm, readable solution. the focus is {problem} in "
    "{stack} {scenario}, with checks that can be reused later.",
    "this article walks through {problem} in {stack} {scenario}. it favours small, measured steps over "
    "clever tricks.",
    "{problem} is a common request in {stack} work, especially {scenario}. here is a method that holds up.",
    "teams working on {stack} often meet {problem} {scenario}. this note collects what helped.",
)

FINAL_TEMPLATES: tuple[str, ...] = (
    "the best result is not only a faster or cleaner {stack} implementation. it is a change that another "
    "developer can inspect, understand, and safely repeat. keep the final commands, metrics, and assumptions "
    "close to the article so future maintenance is easier.",
    "{problem} is rarely finished in one pass. keep the measurements, revisit them after the next release, "
    "and write down what changed in {stack} since.",
    "none of this needs a rewrite. a few careful changes to {stack}, measured and documented, go a long way "
    "{scenario}.",
)

SUMMARY_TEMPLATES: tuple[str, ...] = (
    "this ai-style technical summary explains {problem} in {stack}, with emphasis on measurement, safe "
    "defaults, rollback planning, and maintainable documentation.",
    "a short guide to {problem} in {stack} {scenario}, covering checks, measurement and a safe rollout.",
    "how to approach {problem} in {stack}: baseline first, one change at a time, and notes for the next "
    "maintainer.",
)

BRIEF_TEMPLATES: tuple[str, ...] = (
    "the article is written like a careful ai generated engineering draft: it explains the reason for the "
    "change, lists operational checks, and avoids pretending that one command fixes every production case.",
    "a practical draft aimed at {area} engineers; it favours measured, reversible changes and names the "
    "tools used along the way.",
    "an engineering note in plain language: what to check, what to change, and how to know it worked, for "
    "{stack} teams.",
)

ACTIONS: tuple[str, ...] = (
    "measure first, change carefully, document the result",
    "write a baseline, ship behind a flag, compare the numbers",
    "reproduce, fix the smallest thing, add a regression test",
    "review the plan, rehearse the rollback, then release",
)

NOTES: tuple[str, ...] = (
    "sanitized array meta is expected to render as a list in the frontend box",
    "view count is synthetic and only used for testing meta volume",
    "content is generated for import/load testing and should be reviewed before indexing",
    "scores are synthetic and correlated on purpose",
    "similar posts point at earlier articles of the same data set",
    "code snippets are illustrative and not production ready",
)

CHECKLISTS: dict[str, tuple[str, ...]] = {
    "performance": (
        "review query plans", "add indexes carefully", "test with realistic data",
        "compare before and after metrics", "record the p99 latency", "clear only the affected cache",
    ),
    "data": (
        "back up before migrating", "test the migration on a copy", "make every step idempotent",
        "document the migration", "count rows before and after", "plan the rollback",
    ),
    "delivery": (
        "ship behind a flag", "rehearse the rollback", "watch error rates after release",
        "tag the release", "write the release note", "keep the old path working",
    ),
    "reliability": (
        "add a retry limit", "log start and end of each job", "alert on queue age",
        "make jobs safe to rerun", "set timeouts everywhere", "test a killed worker",
    ),
    "security": (
        "escape output at render time", "rotate exposed secrets", "review permissions",
        "validate input at the boundary", "log access to admin pages", "pin dependencies",
    ),
    "testing": (
        "reproduce the failure first", "use seeded test data", "remove shared state",
        "run tests in random order", "quarantine flaky tests", "keep the suite fast",
    ),
    "observability": (
        "alert on symptoms", "track percentiles, not averages", "link alerts to runbooks",
        "label every metric", "review alerts monthly", "graph the deploy markers",
    ),
    "operations": (
        "tag every resource", "set budgets and alerts", "remove idle capacity",
        "review the largest bills", "document ownership", "schedule non-urgent work",
    ),
}  # fmt: skip
