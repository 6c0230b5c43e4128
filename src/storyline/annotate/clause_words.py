"""Words and patterns that tell a clause, shared by the reported-clause finder (``quote_indirect``) and the
subjects found across relative clauses and asides (``relative_subjects``): auxiliaries, pasts, a dash aside, and a
speaker phrase's form from a match."""

from __future__ import annotations

import re

from storyline.annotate.quote_marks import WORD_RE
from storyline.annotate.speakers import SpeakerSpan, lexicon

__all__ = ["ARTICLE_RE", "AUXILIARIES", "AUXILIARY_RE", "CLAUSE_VERB_RE", "DASH_ASIDE_RE", "FULL_STOP_END_RE", "PAST_RE",
           "looks_like_clause", "speaker_span_of"]

AUXILIARIES = frozenset({"is", "was", "were", "are", "has", "had", "have", "will", "would", "could", "should", "can",
                         "may", "might", "must"})

# with the negative forms: "it cannot hope to repay", "they didn't", "it won’t"
AUXILIARY_RE = re.compile(rf"\b(?:{'|'.join(sorted(AUXILIARIES))}|cannot|did|does|(?:do|does|did|is|are|was|were|has|"
                          rf"have|had|wo|ca|could|would|should)n[’']t)\b")

CLAUSE_VERB_RE = re.compile(r"\b[a-z]{2,}(?:ed|es|s)\b(?<!\bnews)(?<!ss)")

PAST_RE = re.compile(r"\b[a-z]{2,}ed\b")

# an aside between dashes: "Jason Sims — a teacher from Mount Pleasant — says"
DASH_ASIDE_RE = re.compile(r"\s[-–—]{1,2}\s")

FULL_STOP_END_RE = re.compile(r"[a-z]\.$")

ARTICLE_RE = re.compile(r"(?:The|A|An)\s")


def speaker_span_of(match: re.Match[str], group: str) -> SpeakerSpan:
    start, end = match.span(group)
    surface = match.group(group)
    if FULL_STOP_END_RE.search(surface):  # ", said the leader of the opposition.": the full stop ends the sentence
        surface, end = surface[:-1], end - 1
    form = "pronoun" if surface.lower() in lexicon().pronouns else ("name" if surface[:1].isupper() else "np")
    if ARTICLE_RE.match(surface):
        form = "np"
    return SpeakerSpan(start, end, form)


def looks_like_clause(text: str, start: int, end: int, *, strict: bool = False) -> bool:
    """Whether ``text[start:end]`` reads as a clause: it has an auxiliary, a verb-like form ("-ed", "-s",
    an irregular past) or (unless ``strict``) eight words or more; "Her neighbour Ray Clegg, 79" does not."""
    if AUXILIARY_RE.search(text, start, end) or CLAUSE_VERB_RE.search(text, start, end):
        return True
    words = WORD_RE.findall(text, start, end)
    return (len(words) >= 8 and not strict) or any(w.lower() in lexicon().irregular_past for w in words)
