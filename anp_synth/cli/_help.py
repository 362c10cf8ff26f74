"""Help texts that several commands share, written once so that they say the same thing."""

from __future__ import annotations

from ..ordered_pool import MAX_WORKERS

PROFILE_HELP = (
    "Which records: realistic (the site's articles), edge (lengths, counts and numbers at their limits) "
    "or hostile (text that breaks naive code: markup, quotes, right-to-left, formulas)."
)

WORKERS_HELP = (
    "Processes preparing records (generating or parsing them, then encoding) in parallel; "
    f"1: this process alone, no worker process. At most {MAX_WORKERS}."
)
