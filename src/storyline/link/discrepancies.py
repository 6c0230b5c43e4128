"""Where the sources of one story disagree, each disagreement with both source spans.

Four kinds:

* ``date``: one happening given different full dates by different documents (the
  disputed entries of the story timeline, see ``link.timeline``);
* ``figure``: one amount (same currency or percentage, same measure noun:
  "£2.3m overspend", "an overspend of £3.2m") given different values by
  different documents, each of which states only one value for it;
* ``speaker``: one quote given to different speakers (see ``link.quotes``);
* ``claim-denial``: a claim or allegation and the denial that answers it, in
  the same document (the denial's ``answers``) or in another document of the
  story (the accused denies, or the denial rejects the claimant's claim, or the
  two say much the same thing).

Ids are a hash of the kind and the spans, so they are stable across runs.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

from storyline.link.identity import identity_word_lists
from storyline.link.quotes import (
    discrepancy_id,
    quote_source,
    quote_tokens,
    speaker_discrepancy,
    unify_speakers,
)
from storyline.link.timeline import MAX_EVENTS_PER_WORD, date_discrepancies, story_timeline
from storyline.model import Annotations, Claim, Discrepancy, Document, Event, QuoteGroup, SpanRef, Story

__all__ = ["Figure", "claim_denial_description", "find_discrepancies", "find_figures"]

Item = tuple[Document, Annotations]

CLAIM_SIMILARITY = 0.3
CLAIM_SIMILARITY_LOW = 0.15  # enough when at least CLAIM_SHARED_MIN content words are shared
CLAIM_SHARED_MIN = 2
STEM = 5  # claim words compare on their first letters: "misled" ~ "misleading", "council" ~ "councillors"

AMOUNT = re.compile(
    r"(?P<cur>US\$|[£$€])\s?(?P<num>\d[\d,]*(?:\.\d+)?)(?:\s?(?P<mult>bn|mn|tn|m|k|million|billion|thousand|trillion)\b)?"
    r"|(?P<pnum>\d[\d,]*(?:\.\d+)?)\s?(?P<pct>%|per\s?cent\b)",
    re.IGNORECASE,
)
AFTER_NOUN = re.compile(r"^[ \t]+(?P<w1>[a-z][a-z-]{2,})\b(?:[ \t]+(?P<w2>[a-z][a-z-]{2,})\b)?")
QUALIFIERS = (
    r"more\s+than|less\s+than|fewer\s+than|over|under|up\s+to|at\s+least|at\s+most|about|around|almost|nearly|"
    r"roughly|approximately|some|an\s+estimated|estimated|as\s+much\s+as|as\s+little\s+as|below|above|exceeding|"
    r"exceed|beyond"
)
QUALIFIER = re.compile(rf"\b(?:{QUALIFIERS})\s+$", re.IGNORECASE)
BEFORE_NOUN = re.compile(
    r"\b(?P<noun>[a-z][a-z-]{2,})\s+"
    r"(?:(?:was|is|were|are|has\s+been|had\s+been|will\s+be)\s+)?"
    r"(?:(?:confirmed|estimated|put|revised|forecast|projected|calculated|valued)\s+)?"
    r"(?:of|at|to|hits?|reached|reaches|totalled|totaled|totals|stands\s+at|stood\s+at|rose\s+to|grew\s+to"
    rf"|was|is)\s+(?:(?:{QUALIFIERS})\s+)?$"
)


@dataclass(frozen=True)
class Figure:
    """An amount read from a text: unit (GBP, USD, EUR, %), measure noun, value, span."""

    unit: str
    measure: str
    value: float
    start: int
    end: int
    text: str
    qualified: bool = False  # "more than £3m", "about 5%": a bound or estimate, never a conflict


@lru_cache(maxsize=1)
def _figure_words() -> tuple[dict[str, float], dict[str, str], frozenset[str]]:
    from storyline.link.story_features import word_lists

    lists = identity_word_lists()
    ignored = frozenset(word_lists()["stopwords"]) | frozenset(lists["month_words"])
    return lists["figure_multipliers"], lists["figure_currencies"], ignored


def _measure(text: str, start: int, end: int) -> str | None:
    """The noun an amount measures: the word after it ("£2.3m overspend") or before "of" ("overspend of £2.3m")."""
    _, _, ignored = _figure_words()
    after = AFTER_NOUN.match(text[end : end + 60])
    if after and after.group("w1") not in ignored:
        second = after.group("w2")
        noun = second if second and second not in ignored else after.group("w1")
        return noun.removesuffix("s")
    before = BEFORE_NOUN.search(text[max(0, start - 60) : start])
    if before and before.group("noun") not in ignored:
        return before.group("noun").removesuffix("s")
    return None


def find_figures(text: str) -> list[Figure]:
    """Money amounts and percentages with the noun they measure."""
    multipliers, currencies, _ = _figure_words()
    out = []
    for m in AMOUNT.finditer(text):
        number = m.group("num") or m.group("pnum")
        try:
            value = float(number.replace(",", ""))
        except ValueError:
            continue
        unit = "%" if m.group("pct") else currencies.get(m.group("cur").lower(), m.group("cur"))
        if m.group("mult"):
            value *= multipliers.get(m.group("mult").lower(), 1)
        measure = _measure(text, m.start(), m.end())
        if measure:
            qualified = bool(QUALIFIER.search(text[max(0, m.start() - 30) : m.start()]))
            out.append(Figure(unit, measure, value, m.start(), m.end(), m.group(0), qualified))
    return out


def _figure_discrepancies(story: Story, items: list[Item]) -> list[Discrepancy]:
    per_key: dict[tuple[str, str], list[tuple[Document, Figure]]] = defaultdict(list)
    for doc, _ in items:
        by_key: dict[tuple[str, str], list[Figure]] = defaultdict(list)
        for fig in find_figures(doc.text):
            if fig.qualified:
                continue
            by_key[(fig.unit, fig.measure)].append(fig)
        for key, figs in by_key.items():
            if len({f.value for f in figs}) == 1:  # a document giving two values is not a conflict
                per_key[key].append((doc, figs[0]))
    out = []
    for (_unit, measure), found in sorted(per_key.items()):
        if len({f.value for _, f in found}) < 2:
            continue
        spans = [SpanRef(doc.id, f.start, f.end) for doc, f in found]
        told = ", ".join(f"{f.text} ({doc.id})" for doc, f in found)
        out.append(Discrepancy(discrepancy_id("figure", spans), story.id, "figure",
                               f"Different figures for the {measure}: {told}.", spans))
    return out


def _speaker_discrepancies(story: Story, by_id: Mapping[str, Item], entity_map: Mapping[str, str],
                           groups: Iterable[QuoteGroup]) -> list[Discrepancy]:
    members = set(story.documents)
    out = []
    for group in groups:
        if group.speaker is not None:  # every source agreed on the speaker
            continue
        sources = []
        for ref in group.sources:
            if ref.document in members and ref.document in by_id:
                doc, ann = by_id[ref.document]
                quote = next((q for q in ann.quotes if q.start == ref.start and q.end == ref.end), None)
                source = quote_source(doc, quote, entity_map) if quote else None
                if source is not None:
                    sources.append(source)
        found = speaker_discrepancy(unify_speakers(sources), story.id) if len(sources) > 1 else None
        if found is not None:
            out.append(found)
    return out


def _party(doc_id: str, entity: str | None, name: str | None, entity_map: Mapping[str, str]) -> str | None:
    if entity and f"{doc_id}:{entity}" in entity_map:
        return entity_map[f"{doc_id}:{entity}"]
    words = quote_tokens(name or "")
    return f"name:{words[-1]}" if words else None


def _claim_words(doc: Document, claim: Claim) -> set[str]:
    start, end = claim.content or (claim.start, claim.end)
    _, _, ignored = _figure_words()
    return {w[:STEM] for w in quote_tokens(doc.text[start:end]) if w not in ignored and len(w) > 2}


@dataclass
class _ClaimSide:
    """A claim or denial with what pairing compares, computed once (not once per pair)."""

    doc: Document
    claim: Claim
    speaker: str | None  # claimant / denier as a party key
    target: str | None  # accused / rejected party
    words: set[str]


def _claim_side(doc: Document, c: Claim, entity_map: Mapping[str, str]) -> _ClaimSide:
    return _ClaimSide(doc, c, _party(doc.id, c.claimant, c.claimant_name, entity_map),
                      _party(doc.id, c.target, c.target_name, entity_map), _claim_words(doc, c))


def _pair_score(claim: _ClaimSide, denial: _ClaimSide) -> float:
    related = (claim.target is not None and claim.target == denial.speaker) or (
        claim.speaker is not None and claim.speaker == denial.target
    )
    a, b = claim.words, denial.words
    shared = len(a & b)
    similarity = shared / len(a | b) if a and b else 0.0
    similar = similarity >= CLAIM_SIMILARITY or (shared >= CLAIM_SHARED_MIN and similarity >= CLAIM_SIMILARITY_LOW)
    if not related and not similar:
        return 0.0
    return (1.0 if related else 0.0) + similarity


def _describe_pair(claim: tuple[Document, Claim], denial: tuple[Document, Claim]) -> str:
    (doc_c, c), (doc_d, d) = claim, denial
    return claim_denial_description((doc_c.id, c.claimant_name, doc_c.text[c.start : c.end]),
                                    (doc_d.id, d.claimant_name, doc_d.text[d.start : d.end]))


def claim_denial_description(claim: tuple[str, str | None, str], denial: tuple[str, str | None, str]) -> str:
    """``X claims (in d1): “...”; Y denies it (in d1): “...”.`` from each side's (document, name, words)."""
    (doc_c, who, said), (doc_d, denier, denied) = claim, denial
    where = f"in {doc_c}" if doc_c != doc_d else "in the same document"
    return (f"{who or 'A source'} claims (in {doc_c}): “{said.strip()}”; {denier or 'another source'} denies it "
            f"({where}): “{denied.strip()}”.")


def _claim_denials(story: Story, items: list[Item], entity_map: Mapping[str, str]) -> list[Discrepancy]:
    """Each denial paired with the claim it answers: in its own document (``Claim.answers``) and the best
    match among the claims of the story's other documents."""
    claims = [_claim_side(doc, c, entity_map) for doc, ann in items for c in ann.claims if c.kind == "claim"]
    denials = [_claim_side(doc, c, entity_map) for doc, ann in items for c in ann.claims if c.kind == "denial"]
    own = {(side.doc.id, side.claim.id): side for side in claims}
    index: dict[str, list[int]] = defaultdict(list)  # word or party -> claims; only these are compared
    for i, side in enumerate(claims):
        for key in side.words | {f"party:{p}" for p in (side.speaker, side.target) if p}:
            index[key].append(i)
    out: dict[str, Discrepancy] = {}
    for denial in denials:
        answered = own.get((denial.doc.id, denial.claim.answers or ""))
        paired = [answered] if answered is not None else []
        keys = {w for w in denial.words if len(index.get(w, ())) <= MAX_EVENTS_PER_WORD}
        keys |= {f"party:{p}" for p in (denial.speaker, denial.target) if p}
        candidates = sorted({i for k in keys for i in index.get(k, ())})
        scored = [(_pair_score(claims[i], denial), i) for i in candidates if claims[i].doc.id != denial.doc.id]
        best = max(scored, default=(0.0, -1))
        if best[0] > 0:
            paired.append(claims[best[1]])
        for claim in paired:
            spans = [SpanRef(claim.doc.id, claim.claim.start, claim.claim.end),
                     SpanRef(denial.doc.id, denial.claim.start, denial.claim.end)]
            found = Discrepancy(discrepancy_id("claim-denial", spans), story.id, "claim-denial",
                                _describe_pair((claim.doc, claim.claim), (denial.doc, denial.claim)), spans)
            out[found.id] = found
    return list(out.values())


def find_discrepancies(story: Story, items_by_id: Mapping[str, Item], entity_map: dict[str, str],
                       quote_groups: list[QuoteGroup], timeline: list[Event] | None = None) -> list[Discrepancy]:
    """Conflicting dates, figures and speakers, and claims paired with their denials, within ``story``.

    Date discrepancies are the disputed entries of the story's timeline (``timeline``, built here
    when not given): one happening that its reports date differently.
    """
    items = [items_by_id[d] for d in dict.fromkeys(story.documents) if d in items_by_id]
    items.sort(key=lambda it: (it[0].published or "9999", story.documents.index(it[0].id)))
    if timeline is None:
        timeline = story_timeline(story, items_by_id, entity_map)
    found = (
        date_discrepancies(story, timeline)
        + _figure_discrepancies(story, items)
        + _speaker_discrepancies(story, items_by_id, entity_map, quote_groups)
        + _claim_denials(story, items, entity_map)
    )
    return sorted(found, key=lambda d: (d.kind, d.id))
