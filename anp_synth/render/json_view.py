"""Pretty JSON of one record, for people: indented, keys sorted, non-ASCII left readable.

Not the canonical form: the bytes a hash is computed over are
:func:`anp_synth.rules.canonical_json` (one line, no spaces). This view is lossless, so it is
also the one to reach for when the other views' control-character pictures hide a detail.
"""

from __future__ import annotations

import json

from ..model import Article


def render_json(record: Article) -> str:
    return json.dumps(record, indent=2, sort_keys=True, ensure_ascii=False)
