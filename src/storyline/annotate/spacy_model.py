"""The optional trained-model path: load an installed spaCy pipeline and add the names its NER finds.

Nothing is ever downloaded: a missing pipeline is an error that says what to install.
"""

from __future__ import annotations

from typing import Any

from storyline.annotate.entity_lexicon import lexicon
from storyline.annotate.names import Candidate, bare
from storyline.model import EntityType, Sentence

__all__ = ["ModelUnavailable", "load_model", "merge_model_candidates", "model_candidates"]

_LABELS: dict[str, EntityType] = {"PERSON": "person", "PER": "person", "ORG": "organisation", "GPE": "place",
                                  "LOC": "place"}


class ModelUnavailable(RuntimeError):
    """The requested spaCy pipeline (or spaCy itself) is not installed."""


def load_model(name: str) -> Any:
    """``spacy.load(name)`` with a clear error when spaCy or the pipeline is absent; never downloads."""
    try:
        import spacy
    except ImportError as exc:
        raise ModelUnavailable(
            "spaCy is not installed: install it with pip install 'storyline[model]' and then the pipeline "
            f"(e.g. pip install {name})") from exc
    try:
        return spacy.load(name)
    except OSError as exc:
        raise ModelUnavailable(
            f"the spaCy pipeline {name!r} is not installed: install it with pip install {name} "
            "(storyline never downloads models at run time), or run without --model") from exc


def _sentence_of(position: int, sentences: list[Sentence]) -> tuple[int, int]:
    for sentence in sentences:
        if sentence.start <= position < sentence.end:
            return sentence.start, sentence.end
    return position, position


def _plausible_person(words: list[str]) -> bool:
    """A model PERSON span we trust: capitalised words, no ordinary, organisation or place words."""
    lex = lexicon()
    lowers = [bare(w) for w in words]
    if len(words) > 4 or any(not w[:1].isupper() for w in words if bare(w) not in lex.particles):
        return False
    if any(w in lex.never_names or w in lex.org_suffixes for w in lowers):
        return False
    phrase = " ".join(lowers)
    return phrase not in lex.places and phrase not in lex.org_known and phrase not in lex.parties


def model_candidates(text: str, nlp: Any, sentences: list[Sentence]) -> list[Candidate]:
    """People, organisations and places the pipeline's NER labels in ``text``."""
    lex = lexicon()
    found: list[Candidate] = []
    for ent in nlp(text).ents:
        entity_type = _LABELS.get(ent.label_)
        words = ent.text.split()
        while words and bare(words[0]) in ("the", *lex.honorifics, *lex.titles):
            words = words[1:]
        if entity_type is None or not words or not words[0][:1].isupper():
            continue
        if entity_type == "person" and not _plausible_person(words):
            continue
        start = ent.start_char + ent.text.index(words[0])
        end = start + len(" ".join(words)) if " ".join(words) in ent.text else ent.end_char
        name = text[start:end]
        found.append(Candidate(start, end, entity_type, name, words=tuple(name.split()), evidence="model",
                               sentence=_sentence_of(start, sentences)))
    return found


def merge_model_candidates(text: str, rules: list[Candidate], sentences: list[Sentence], nlp: Any) -> list[Candidate]:
    """Rule candidates, minus weakly evidenced ones the model reads as another type, plus the model's new names."""
    model = model_candidates(text, nlp, sentences)

    def overlapping(c: Candidate, pool: list[Candidate]) -> list[Candidate]:
        return [o for o in pool if o.start < c.end and c.start < o.end]

    kept = [c for c in rules
            if not (c.evidence in ("speech", "apposition", "context")
                    and any(o.type != c.type for o in overlapping(c, model)))]
    name_words = {bare(w) for c in kept if c.type == "person" for w in c.words}
    added = [m for m in model if not overlapping(m, kept)
             and not (m.type != "person" and bare(m.name) in name_words)]
    return sorted(kept + added, key=lambda c: c.start)
