"""A title is looked up only where a title's last word stands: the same title starts as looking up every phrase."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.annotate.entity_lexicon import Lexicon, lexicon
from storyline.annotate.names import _Sentence, _title_key, _title_last_words, bare, tokenize

LEX = lexicon()
PHRASES = sorted({*LEX.titles, *LEX.honorifics})
TITLE_WORDS = sorted({w for phrase in PHRASES for w in phrase.split(" ")})
WORDS = (st.sampled_from(PHRASES) | st.sampled_from(TITLE_WORDS)
         | st.sampled_from(["Smith", "of", "the", ",", "Okafor", "Council", "'s"]))
CASED = st.tuples(WORDS, st.sampled_from([str, str.capitalize, str.upper]), st.sampled_from(["", "."])).map(
    lambda parts: parts[1](parts[0]) + parts[2])


def plain_title_key(s: _Sentence, k: int, pos: int, lex: Lexicon) -> int | None:
    """``_title_key`` as written before the last-word check: every phrase of one to three words ending at ``k``."""
    for width in (3, 2, 1):
        j = k - width + 1
        if j < pos:
            continue
        phrase = " ".join(bare(t.text) for t in s.tokens[j : k + 1])
        if phrase in lex.titles or phrase in lex.honorifics:
            return j
    return None


def sentence(text: str) -> _Sentence:
    return _Sentence(text, tokenize(text), 0, len(text), "paragraph")


@settings(max_examples=300, deadline=None)
@given(st.lists(CASED, min_size=1, max_size=8))
def test_title_key_same_as_every_phrase_looked_up(words: list[str]) -> None:
    s = sentence(" ".join(words))
    for k in range(len(s.tokens)):
        for pos in range(k + 1):
            assert _title_key(s, k, pos, LEX) == plain_title_key(s, k, pos, LEX)


def test_title_key_finds_multi_word_titles_and_skips_other_words() -> None:
    s = sentence("Attorney General Smith met Deputy Chief Constable Okafor, head teacher Jones and Cllr Day")
    words = [t.text for t in s.tokens]
    assert "general" in _title_last_words() and "smith" not in _title_last_words()
    for title, start in (("General", "Attorney"), ("teacher", "head"), ("Cllr", "Cllr")):
        assert _title_key(s, words.index(title), 0, LEX) == plain_title_key(s, words.index(title), 0, LEX)
        assert _title_key(s, words.index(title), 0, LEX) == words.index(start)
    assert _title_key(s, words.index("Constable"), 0, LEX) == plain_title_key(s, words.index("Constable"), 0, LEX)
    assert _title_key(s, words.index("Smith"), 0, LEX) is None
