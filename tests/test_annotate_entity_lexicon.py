"""Given names: one look-up gives what the three name sets, tried in turn, say."""

from __future__ import annotations

from storyline.annotate.entity_lexicon import _folded, lexicon


def plain_gender(word: str) -> str | None:
    lex = lexicon()
    for key in (word.lower(), _folded(word.lower())):
        if key in lex.unisex:
            return "unknown"
        if key in lex.female:
            return "female"
        if key in lex.male:
            return "male"
    return None


def test_entity_lexicon_first_name_gender_as_the_sets_tried_in_turn() -> None:
    lex = lexicon()
    words = [*lex.male, *lex.female, *lex.unisex, "Lucía", "Zoë", "Réjean", "RÉJEAN", "council", "Ørjan", "", "İlhan"]
    for word in words + [w.capitalize() for w in words]:
        assert lex.first_name_gender(word) == plain_gender(word), word
    assert lex.unisex & (lex.female | lex.male), "a name in two sets shows which one wins"
    assert lex.first_name_gender("Zoë") == lex.first_name_gender("zoe") is not None
    assert lex.first_name_gender("council") is None
