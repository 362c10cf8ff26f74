"""The idle phase measures a settled database: after a base load, the planner has statistics."""

from __future__ import annotations

import pytest

from anp_synth.bench import BenchOptions, run_bench

from .db_helpers import execute


@pytest.mark.postgres
def test_a_base_load_is_analyzed_before_the_idle_phase(pg_url: str) -> None:
    phases: list[str] = []

    def on_event(kind: str, data: dict[str, object]) -> None:
        if kind == "phase":
            phases.append(str(data["name"]))
            if data["name"] == "idle":
                analyzed = execute(
                    pg_url, "select relname from pg_stat_user_tables where last_analyze is not null order by 1"
                )
                assert [r[0] for r in analyzed] == [
                    "anp_articles",
                    "anp_entities",
                    "anp_post_meta",
                    "anp_similar_posts",
                ]

    opts = BenchOptions(
        db_url=pg_url, seed=1, count=50, base_count=100, batch_size=50, duration=0.3, warmup=0.0, rate=50.0,
        readers=1, explain=False,
    )  # fmt: skip
    run_bench(opts, on_event=on_event)
    assert phases == ["idle", "import", "after"]
