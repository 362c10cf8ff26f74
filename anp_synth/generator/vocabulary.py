"""The words around the prose: problems, scenarios, titles, layouts, headings, meta texts.

House style is all lower case, like the sample article. Templates here draw from the
record's context (``{stack}``, ``{problem}``, ``{scenario}``, ``{tool}``, ``{language}``,
``{area}``, ``{brand}``), so every article names its own subject; paragraph prose lives in
:mod:`anp_synth.generator.prose`.
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
    ("speeding up cold starts", "performance"),
    ("reducing n+1 queries", "performance"),
    ("trimming oversized javascript bundles", "performance"),
    ("tuning connection pool sizes", "performance"),
    ("caching expensive api responses", "performance"),
    ("backfilling a new column safely", "data"),
    ("deduplicating imported records", "data"),
    ("archiving old content", "data"),
    ("moving uploads to object storage", "data"),
    ("reducing replication lag", "data"),
    ("introducing feature flags", "delivery"),
    ("running zero-downtime deploys", "delivery"),
    ("speeding up slow ci pipelines", "delivery"),
    ("surviving third-party api outages", "reliability"),
    ("setting sensible timeouts", "reliability"),
    ("draining queues after an outage", "reliability"),
    ("fixing race conditions in scheduled jobs", "reliability"),
    ("auditing third-party dependencies", "security"),
    ("locking down admin permissions", "security"),
    ("moving secrets out of the repository", "security"),
    ("testing database migrations", "testing"),
    ("adding contract tests between services", "testing"),
    ("replacing slow end-to-end tests", "testing"),
    ("adding structured logging", "observability"),
    ("tracing requests across services", "observability"),
    ("building a useful on-call dashboard", "observability"),
    ("right-sizing oversized servers", "operations"),
    ("automating routine maintenance", "operations"),
    ("planning database capacity", "operations"),
    ("making forms usable with screen readers", "accessibility"),
    ("fixing keyboard navigation", "accessibility"),
    ("raising low color contrast", "accessibility"),
    ("removing dead code paths", "maintenance"),
    ("paying down old technical debt", "maintenance"),
    ("documenting an inherited codebase", "maintenance"),
    ("untangling circular dependencies", "maintenance"),
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
    "with only one engineer on call",
    "while the marketing team runs a campaign",
    "on shared hosting with few privileges",
    "without a staging environment",
    "with a deadline at the end of the quarter",
    "while traffic doubles every month",
    "in a codebase older than most of the team",
    "after a security audit flagged it",
    "on a tight cloud budget",
    "while editors keep publishing all day",
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
    "{problem} in {stack}, step by step",
    "what we learned from {problem} in {stack}",
    "a calm approach to {problem} in {stack}",
    "the short version: {problem} in {stack}",
    "{problem} in {stack}: a checklist",
    "field notes: {problem} in {stack}",
    "a beginner's map to {problem} in {stack}",
    "{stack} teams: {problem} without the drama",
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
        "what to verify",
        "sanity checks",
        "checks worth automating",
    ),
    "why": (
        "why this matters",
        "why it is worth the effort",
        "the reasoning",
        "what is at stake",
        "why bother",
        "the cost of ignoring it",
    ),
    "checklist": (
        "implementation checklist",
        "checklist",
        "a short checklist",
        "before you merge",
        "the short list",
        "review checklist",
    ),
    "final": (
        "final notes",
        "closing thoughts",
        "wrapping up",
        "where to go next",
        "what to keep",
        "next steps",
    ),
    "context": (
        "the situation",
        "background",
        "where we started",
        "context",
        "how we got here",
        "the starting point",
    ),
    "steps": (
        "step by step",
        "the approach",
        "how to do it",
        "the working method",
        "the plan",
        "one change at a time",
    ),
    "pitfalls": (
        "common pitfalls",
        "what went wrong before",
        "traps to avoid",
        "mistakes we made",
        "what to watch for",
        "where it breaks",
    ),
    "measure": (
        "measuring the result",
        "numbers first",
        "how to measure it",
        "proving it worked",
        "checking the numbers",
        "before and after",
    ),
}

POOLS: dict[str, tuple[str, ...]] = {
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
    "this article walks through {problem} in {stack} {scenario}. it favours small, measured steps over clever tricks.",
    "{problem} is a common request in {stack} work, especially {scenario}. here is a method that holds up.",
    "teams working on {stack} often meet {problem} {scenario}. this note collects what helped.",
    "this guide covers {problem} in {stack} {scenario}. every step comes with a check you can run again.",
    "we wrote this after {problem} in {stack} turned out harder than expected {scenario}. the notes below are "
    "what we would do again.",
    "if you maintain {stack}, sooner or later you face {problem} {scenario}. this article keeps the method "
    "small and measurable.",
    "{problem} sounds simple until you try it in {stack} {scenario}. here are the checks, the commands, and "
    "the mistakes to skip.",
    "the subject is {problem} in {stack} {scenario}; the goal is a change you can measure, explain, and undo.",
)

# The first sentence of a closing paragraph; themed sentences follow it.
FINAL_TEMPLATES: tuple[str, ...] = (
    "the best result is not only a faster or cleaner {stack} implementation.",
    "{problem} is rarely finished in one pass.",
    "none of this needs a rewrite of the {stack} code.",
    "in the end, {problem} is a habit more than a project.",
    "the {brand} view: small, measured changes to {stack} add up.",
    "whatever the {area} stack, the same discipline applies {scenario}.",
)

SUMMARY_TEMPLATES: tuple[str, ...] = (
    "this ai-style technical summary explains {problem} in {stack}, with emphasis on measurement, safe "
    "defaults, rollback planning, and maintainable documentation.",
    "a short guide to {problem} in {stack} {scenario}, covering checks, measurement and a safe rollout.",
    "how to approach {problem} in {stack}: baseline first, one change at a time, and notes for the next maintainer.",
    "practical notes on {problem} in {stack}: what to measure, what to change, and how to roll it back.",
    "{problem} in {stack}, explained with a baseline, a small code example, and a checklist for review.",
    "a field-tested method for {problem} in {stack} {scenario}, with the checks that proved it worked.",
    "this note covers {problem} in {stack} for {area} teams, using {tool} and plain measurements.",
)

BRIEF_TEMPLATES: tuple[str, ...] = (
    "the article is written like a careful ai generated engineering draft: it explains the reason for the "
    "change, lists operational checks, and avoids pretending that one command fixes every production case.",
    "a practical draft aimed at {area} engineers; it favours measured, reversible changes and names the "
    "tools used along the way.",
    "an engineering note in plain language: what to check, what to change, and how to know it worked, for "
    "{stack} teams.",
    "a measured walkthrough for {language} developers: baseline, smallest safe change, comparison, and a "
    "written rollback.",
    "the draft stays close to production reality in {stack}: it names the checks, the numbers to watch, and "
    "when to stop.",
    "written in the {brand} house style: short sections, one code example, a checklist, and no promise that "
    "one tool fixes everything.",
    "a review-ready note on {problem}: it separates what is known from what is assumed and shows how to "
    "verify each step.",
)

ACTIONS: tuple[str, ...] = (
    "measure first, change carefully, document the result",
    "write a baseline, ship behind a flag, compare the numbers",
    "reproduce, fix the smallest thing, add a regression test",
    "review the plan, rehearse the rollback, then release",
    "split the change, migrate in batches, verify the counts",
    "add the missing check, alert on symptoms, write the runbook",
    "pin the versions, upgrade one at a time, run the full suite",
    "find the slow path, cache what is safe, measure again",
    "name an owner, set a deadline, review the outcome",
)

NOTES: tuple[str, ...] = (
    "sanitized array meta is expected to render as a list in the frontend box",
    "view count is synthetic and only used for testing meta volume",
    "content is generated for import/load testing and should be reviewed before indexing",
    "scores are synthetic and correlated on purpose",
    "similar posts point at earlier articles of the same data set",
    "code snippets are illustrative and not production ready",
    "titles and summaries always name the problem and the stack of the record",
    "reading time follows from the prose word count, not from the code",
    "checklist items in the box repeat the checklist in the body",
    "tools listed in the box belong to the record's stack",
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
    "accessibility": (
        "label every form field", "test with a screen reader", "check the keyboard focus order",
        "meet contrast ratios", "add skip links", "run an automated audit in ci",
    ),
    "maintenance": (
        "delete code nobody calls", "write down what each module owns", "add tests before refactoring",
        "upgrade one dependency at a time", "keep the changelog current", "leave a note for the next maintainer",
    ),
}  # fmt: skip
