"""The "Testing with anp-synth" page (docs/TESTING.md), run as written, so it cannot go stale.

Each fenced block is used the way a reader would use it, inside a throwaway project made by
pytester: ``anp-synth ...`` lines of ``sh`` blocks run through the CLI, and ``pytest ...``
lines run against the README's own test files (except the ones naming a PostgreSQL server
the reader would bring: tests/test_plugin_postgres.py covers that path); ``python`` blocks
defining tests are saved under the file name in their first comment and run by pytest, and
the other ``python`` blocks are executed as scripts.
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from click.testing import CliRunner
from hypothesis import settings

from anp_synth.cli import main

from .docs import section

pytest_plugins = ["pytester"]

SECTION = "testing-with-anp-synth"
PAGE = section(SECTION)[0].name


@dataclass(frozen=True)
class Block:
    language: str
    code: str
    line: int

    @property
    def test_file(self) -> str | None:
        """The file a block of tests is saved as: named by its first line, ``# test_x.py``."""
        if "\ndef test_" not in "\n" + self.code:
            return None
        first = self.code.splitlines()[0]
        match = re.fullmatch(r"# (test_\w+\.py)", first)
        assert match, f"{PAGE}:{self.line}: a block of tests must start with '# test_<name>.py'"
        return match.group(1)


def section_blocks() -> list[Block]:
    _, text, first_line = section(SECTION)
    return [
        Block(m.group(1), m.group(2), first_line + text[: m.start()].count("\n") + 1)
        for m in re.finditer(r"^```(\w+)\n(.*?)^```\s*$", text, re.MULTILINE | re.DOTALL)
    ]


def commands(program: str) -> Iterator[tuple[Block, list[str]]]:
    for block in section_blocks():
        if block.language != "sh":
            continue
        for raw in block.code.splitlines():
            words = shlex.split(raw, comments=True)
            if words and words[0] == program:
                yield block, words[1:]


@pytest.fixture(autouse=True)
def _isolated(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """No database from the environment; Hypothesis' profile restored after in-process runs."""
    monkeypatch.delenv("ANP_DB_URL", raising=False)
    profile = settings.get_current_profile_name()
    yield
    settings.load_profile(profile)


@pytest.fixture
def project(pytester: pytest.Pytester) -> pytest.Pytester:
    """A throwaway project holding the README's test files, after its CLI lines have run there."""
    for block, args in commands("anp-synth"):
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 0, f"{PAGE}:{block.line}: anp-synth {shlex.join(args)}\n{result.output}"
    for block in section_blocks():
        if block.language == "python" and block.test_file:
            pytester.makepyfile(**{block.test_file.removesuffix(".py"): block.code})
    return pytester


def test_the_section_shows_every_feature() -> None:
    code = "\n".join(block.code for block in section_blocks())
    for needle in (
        "anp_articles(",
        "anp_db(",
        "@pytest.mark.anp(",
        "--anp-seed",
        "--anp-db-url",
        "articles()",
        "article_batches(",
        "--hypothesis-profile=anp-ci",
        "anp-synth fixtures build tiny",
        "anp-synth fixtures verify",
        "verify_data_set(",
        "fake.anp_article()",
    ):
        assert needle in code, f"the README section lost its example of {needle}"


def test_the_readme_test_files_pass(project: pytest.Pytester) -> None:
    files = [block.test_file for block in section_blocks() if block.test_file]
    assert len(files) >= 3
    expected = sum(block.code.count("\ndef test_") for block in section_blocks() if block.test_file)
    project.runpytest("-p", "no:cacheprovider").assert_outcomes(passed=expected)


def test_the_readme_pytest_command_lines_work(project: pytest.Pytester) -> None:
    lines = [(block, args) for block, args in commands("pytest") if "postgresql" not in " ".join(args)]
    assert len(lines) >= 2
    for block, args in lines:
        result = project.runpytest("-p", "no:cacheprovider", *args)
        assert result.ret == 0, f"{PAGE}:{block.line}: pytest {shlex.join(args)}\n{result.stdout.str()}"


def test_the_readme_scripts_run(pytester: pytest.Pytester, capsys: pytest.CaptureFixture[str]) -> None:
    scripts = [block for block in section_blocks() if block.language == "python" and not block.test_file]
    assert scripts
    for block in scripts:
        exec(compile(block.code, f"{PAGE}:{block.line}", "exec"), {"__name__": "__readme__"})
    assert "anp-ref-" in capsys.readouterr().out
