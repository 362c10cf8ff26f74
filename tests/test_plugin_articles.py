"""The pytest plugin, used from a throwaway test project through pytester: anp_articles, the marker,
--anp-seed and the session header. Nothing in the project imports the plugin: the installed
``pytest11`` entry point loads it, as it would in a user's repository.
"""

from __future__ import annotations

import json
from importlib.metadata import entry_points

import pytest

from anp_synth.generator import generate

pytest_plugins = ["pytester"]


@pytest.fixture(autouse=True)
def _no_database_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ANP_DB_URL", raising=False)


def test_the_plugin_is_installed_as_a_pytest11_entry_point() -> None:
    found = {ep.name: ep.value for ep in entry_points(group="pytest11")}
    assert found.get("anp_synth") == "anp_synth.pytest_plugin"


def test_the_header_shows_the_default_seed_and_the_database(pytester: pytest.Pytester) -> None:
    pytester.makepyfile("def test_nothing(): pass")
    result = pytester.runpytest()
    result.stdout.fnmatch_lines(
        [
            "anp-synth *: seed 19503 (the default; --anp-seed N to change)",
            "anp-synth: anp_db uses a temporary SQLite file per call",
        ]
    )
    changed = pytester.runpytest("--anp-seed", "7")
    changed.stdout.fnmatch_lines(["anp-synth *: seed 7 (from --anp-seed; the default is 19503)"])


def test_anp_articles_gives_records_of_the_default_window(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        """
        def test_defaults(anp_articles, anp_seed):
            records = anp_articles()
            assert anp_seed == 19503
            assert [r["seed"] for r in records] == list(range(19503, 19513))
            assert {r["profile"] for r in records} == {"realistic"}

        def test_arguments(anp_articles):
            records = anp_articles(3, seed=40, profile="edge")
            assert [(r["seed"], r["profile"]) for r in records] == [(40, "edge"), (41, "edge"), (42, "edge")]
            assert anp_articles(count=0) == []
        """
    )
    pytester.runpytest().assert_outcomes(passed=2)


def test_anp_seed_reproduces_the_same_records(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        """
        import json, os

        def test_dump(anp_articles):
            with open(os.environ["ANP_DUMP"], "w") as out:
                json.dump(anp_articles(count=4), out)
        """
    )
    runs = {}
    for name, seed in (("first", "123"), ("again", "123"), ("other", "124")):
        dump = pytester.path / f"{name}.json"
        pytester._monkeypatch.setenv("ANP_DUMP", str(dump))
        pytester.runpytest("--anp-seed", seed).assert_outcomes(passed=1)
        runs[name] = json.loads(dump.read_text())
    assert runs["first"] == runs["again"] == list(generate(seed=123, count=4))
    assert runs["other"][0]["seed"] == 124


def test_the_marker_sets_seed_count_and_profile_for_one_test(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        """
        import pytest

        @pytest.mark.anp(seed=7, count=3, profile="hostile")
        def test_marked(anp_articles, anp_seed):
            assert anp_seed == 7
            assert [(r["seed"], r["profile"]) for r in anp_articles()] == [(7, "hostile"), (8, "hostile"), (9, "hostile")]
            assert [r["seed"] for r in anp_articles(1, seed=100)] == [100]

        def test_unmarked(anp_articles):
            assert len(anp_articles()) == 10

        @pytest.mark.anp(profile="edge")
        class TestClassMarker:
            @pytest.mark.anp(count=2)
            def test_closest_marker_wins_per_key(self, anp_articles):
                assert [(r["seed"], r["profile"]) for r in anp_articles()] == [(5000, "edge"), (5001, "edge")]
        """
    )
    pytester.runpytest("--anp-seed", "5000").assert_outcomes(passed=3)


def test_a_marker_seed_beats_anp_seed(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        """
        import pytest

        @pytest.mark.anp(seed=1)
        def test_pinned(anp_articles):
            assert anp_articles(1)[0]["seed"] == 1
        """
    )
    pytester.runpytest("--anp-seed", "99").assert_outcomes(passed=1)


@pytest.mark.parametrize(
    ("marker", "message"),
    [
        ("anp(sed=3)", "@pytest.mark.anp got unknown key 'sed'; known keys: seed, count, profile"),
        ("anp(count=-1)", "@pytest.mark.anp: count=-1 must be an integer >= 0"),
        ("anp(profile='nice')", "@pytest.mark.anp: profile='nice' is not one of realistic, edge, hostile"),
        ("anp(seed='x')", "@pytest.mark.anp: seed='x' must be an integer"),
        ("anp(3)", "@pytest.mark.anp takes keyword arguments only (seed, count, profile), got (3,)"),
    ],
)
def test_a_bad_marker_is_one_clear_error(pytester: pytest.Pytester, marker: str, message: str) -> None:
    pytester.makepyfile(
        f"""
        import pytest

        @pytest.mark.{marker}
        def test_bad(anp_articles):
            anp_articles()

        def test_good(anp_articles):
            assert anp_articles(1)
        """
    )
    result = pytester.runpytest()
    result.assert_outcomes(passed=1, errors=1)
    result.stdout.fnmatch_lines([f"*{message}*"])
    result.stdout.no_fnmatch_line("*Traceback*")


def test_bad_factory_arguments_name_the_value(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        """
        import pytest
        from anp_synth.errors import InvalidArgument

        def test_negative_count(anp_articles):
            with pytest.raises(InvalidArgument, match=r"anp_articles: count=-1 must be an integer >= 0"):
                anp_articles(-1)

        def test_unknown_profile(anp_articles):
            with pytest.raises(InvalidArgument, match=r"anp_articles: profile='calm' is not one of"):
                anp_articles(profile="calm")

        def test_window_past_the_last_seed(anp_articles):
            with pytest.raises(InvalidArgument, match=r"runs past the last seed"):
                anp_articles(5, seed=2**48 - 2)
        """
    )
    pytester.runpytest().assert_outcomes(passed=3)


@pytest.mark.parametrize("value", ["-1", "abc", str(2**48)])
def test_a_bad_anp_seed_is_a_usage_error(pytester: pytest.Pytester, value: str) -> None:
    pytester.makepyfile("def test_nothing(): pass")
    result = pytester.runpytest("--anp-seed", value)
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["*--anp-seed*"])


def test_a_failing_test_says_which_seed_reproduces_it(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        """
        def test_fails(anp_articles):
            assert anp_articles(2) == []
        """
    )
    result = pytester.runpytest("--anp-seed", "31")
    result.assert_outcomes(failed=1)
    # the records the test asked for (count=2), not the factory's default count
    result.stdout.fnmatch_lines(
        [
            "*anp-synth*",
            "anp_articles: seed 31, count 2, profile realistic",
            "rerun with --anp-seed 31 for the same data",
        ]
    )
    assert "count 10" not in result.stdout.str()


def test_a_bad_marker_key_is_said_once_without_a_chained_traceback(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        """
        import pytest

        @pytest.mark.anp(cuont=3)
        def test_typo(anp_articles):
            pass
        """
    )
    result = pytester.runpytest()
    result.assert_outcomes(errors=1)  # refused at setup, before the test runs
    out = result.stdout.str()
    # once in the report of the error (pytest's closing summary may repeat it: it does when CI is set)
    assert out.split("short test summary info")[0].count("got unknown key 'cuont'") == 1
    assert "During handling of the above exception" not in out


def test_the_plugin_module_alone_registers_its_options_and_fixtures(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    # without entry points, as in a project that loads plugins by name only
    monkeypatch.setenv("PYTEST_DISABLE_PLUGIN_AUTOLOAD", "1")
    pytester.makepyfile(
        """
        def test_records(anp_articles, anp_seed):
            assert anp_seed == 7
            assert [r["seed"] for r in anp_articles(count=2)] == [7, 8]
        """
    )
    result = pytester.runpytest_subprocess("-p", "anp_synth.pytest_plugin", "--anp-seed", "7")
    result.assert_outcomes(passed=1)
