"""Words are counted one way: ``rules.word_count`` is ``len(text.split())``, and its shortcuts agree.

``word_count`` counts ASCII text without building the list of words, and the generator
counts single-spaced text by its spaces; these properties keep both equal to ``str.split``.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from anp_synth import rules

WHITESPACE = "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u2028\u3000"


@given(text=st.text(alphabet=st.sampled_from(WHITESPACE) | st.characters(), max_size=60))
def test_word_count_shortcut_is_str_split(text: str) -> None:
    assert rules.word_count(text) == len(text.split())


@given(text=st.text(alphabet=st.sampled_from(WHITESPACE + "ab-'\x00\x7f"), max_size=60))
def test_word_count_shortcut_is_str_split_on_ascii_whitespace_soup(text: str) -> None:
    assert rules.word_count(text) == len(text.split())


NOT_SPACE = st.characters(blacklist_categories=("Zs", "Zl", "Zp", "Cc"))  # every str.isspace() is one of these


@given(words=st.lists(st.text(NOT_SPACE, min_size=1), min_size=1))
def test_a_single_spaced_text_has_as_many_words_as_spaces_plus_one(words: list[str]) -> None:
    text = " ".join(words)  # words without whitespace, one space apart: single-spaced
    assert text == " ".join(text.split())
    assert rules.word_count_single_spaced(text) == rules.word_count(text) == len(words)


@pytest.mark.parametrize(("words", "minutes"), [(0, 1), (1, 1), (200, 1), (201, 2), (400, 2), (401, 3)])
def test_reading_time_is_words_over_200_rounded_up_and_at_least_one(words: int, minutes: int) -> None:
    assert rules.reading_time(words) == minutes


@pytest.mark.parametrize("text", ["one", "two words", "a b c d e"])
def test_a_single_spaced_text_has_its_spaces_plus_one_words(text: str) -> None:
    assert rules.word_count_single_spaced(text) == len(text.split())
