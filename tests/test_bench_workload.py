"""The query mix and the query-file format: what users can add, replace, remove, and what is refused."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from anp_synth.bench.connect import param_names, to_driver_sql
from anp_synth.bench.workload import BUILTIN, DIALECTS, PARAMETERS, build_mix, load_query_file
from anp_synth.cli import main
from anp_synth.errors import BenchError

from .docs import section

REQUIRED = {
    "article_by_reference",
    "admin_list",
    "admin_list_deep",
    "top_viewed_of_stack",
    "needs_review_count",
    "title_search",
    "article_with_similar",
    "post_meta_of_article",
    "meta_key_lookup",
}


def test_the_builtin_mix_covers_the_admin_area_in_both_dialects() -> None:
    assert {q.id for q in BUILTIN} == REQUIRED
    for q in BUILTIN:
        assert q.weight > 0 and q.description
        for dialect in DIALECTS:
            sql = q.sql_for(dialect)
            assert sql and sql.lstrip().upper().startswith("SELECT")
            assert set(param_names(sql)) <= set(PARAMETERS)


def test_parameters_become_the_drivers_style_and_percent_signs_survive() -> None:
    sql = "SELECT 1 WHERE a = :topic AND b LIKE 'x%' AND c::text = :stack"
    assert to_driver_sql(sql, "sqlite") == sql
    assert to_driver_sql(sql, "postgresql") == "SELECT 1 WHERE a = %(topic)s AND b LIKE 'x%%' AND c::text = %(stack)s"
    assert param_names(sql) == ["topic", "stack"]


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "queries.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_query_file_adds_replaces_and_removes(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        """
[[query]]
id = "drafts_of_stack"
weight = 3
description = "drafts of one stack"
sql = "SELECT id FROM anp_articles WHERE stack = :stack AND revision_status = 'drafted' LIMIT 20"

[[query]]
id = "title_search"
weight = 2
[query.sql]
sqlite = "SELECT id FROM anp_articles WHERE title LIKE :title_prefix || '%' LIMIT 20"
postgresql = "SELECT id FROM anp_articles WHERE title LIKE :title_prefix || '%' LIMIT 20"

[[query]]
id = "needs_review_count"
weight = 0
""",
    )
    queries, replace_all = load_query_file(path)
    assert not replace_all
    mix = {q.id: q for q in build_mix(queries)}
    assert "needs_review_count" not in mix
    assert mix["drafts_of_stack"].params == ("stack",) and mix["drafts_of_stack"].source == str(path)
    assert mix["title_search"].weight == 2 and "LIKE" in mix["title_search"].sql["sqlite"]
    assert len(mix) == len(BUILTIN)


def test_replace_true_drops_the_builtin_mix(tmp_path: Path) -> None:
    path = _write(tmp_path, 'replace = true\n[[query]]\nid = "one"\nsql = "SELECT count(*) FROM anp_articles"\n')
    queries, replace_all = load_query_file(path)
    assert replace_all
    assert [q.id for q in build_mix(queries, replace_builtin=True)] == ["one"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[[query]\nid = "x"', "not a valid query file (TOML)"),
        ('[[query]]\nid = "x"\nsql = "SELECT * FROM anp_articles WHERE id = :nope"', "unknown parameter :nope"),
        ('[[query]]\nid = "x"\nweight = -1\nsql = "SELECT 1"', "weight=-1.0 must be >= 0"),
        ('[[query]]\nid = "x"\nsql = "SELECT 1"\ncolour = "red"', "unknown key 'colour'"),
        ('[[query]]\nid = "x"\n[query.sql]\noracle = "SELECT 1"', "unknown dialect 'oracle'"),
        ('[[query]]\nid = "x"', "'sql' is required"),
        ('[[query]]\nid = "bad id"\nsql = "SELECT 1"', "must be letters"),
        ('[[query]]\nid = "x"\nsql = "SELECT 1"\n[[query]]\nid = "x"\nsql = "SELECT 2"', "appears twice"),
        ("queries = 1", "unknown top-level key"),
    ],
)
def test_a_bad_query_file_is_one_clear_error_naming_the_file(tmp_path: Path, text: str, message: str) -> None:
    path = _write(tmp_path, text)
    with pytest.raises(BenchError) as info:
        load_query_file(path)
    assert str(path) in str(info.value)
    assert message in str(info.value)


def test_the_toml_error_says_where(tmp_path: Path) -> None:
    path = _write(tmp_path, '[[query]]\nid = "x"\nsql = "SELECT 1\n')
    with pytest.raises(BenchError, match=r"line 3"):
        load_query_file(path)


def test_the_cli_reports_an_unknown_parameter_in_one_line(tmp_path: Path) -> None:
    path = _write(tmp_path, '[[query]]\nid = "x"\nsql = "SELECT * FROM anp_articles WHERE topic = :subject"\n')
    result = CliRunner().invoke(main, ["bench", "--db", f"sqlite:///{tmp_path / 'x.db'}", "--queries", str(path)])
    assert result.exit_code == 1
    assert "unknown parameter :subject" in result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "x.db").exists()


def test_the_cli_refuses_rate_and_clients_together(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["bench", "--db", f"sqlite:///{tmp_path / 'x.db'}", "--rate", "10", "--clients", "2"]
    )
    assert result.exit_code == 2
    assert "--rate and --clients are exclusive" in result.output


def test_the_readme_query_file_example_is_valid(tmp_path: Path) -> None:
    import re

    block = re.search(r"^```toml\n(.*?)^```", section("bench")[1], re.MULTILINE | re.DOTALL)
    assert block is not None
    path = _write(tmp_path, block.group(1))
    queries, replace_all = load_query_file(path)
    mix = {q.id: q for q in build_mix(queries, replace_builtin=replace_all)}
    assert mix["drafts_of_stack"].params == ("stack",)
    assert "ILIKE" in mix["title_search"].sql["postgresql"]
