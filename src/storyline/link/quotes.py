"""The same quote in several documents, merged into one group with every source.

Quotes are compared on normalised text (case, quote marks, whitespace and
punctuation ignored).  Near-identical quotes also merge: token Jaccard >= 0.8,
or one containing the other when the shorter has at least 8 words.  Candidate
pairs come from an inverted index over each quote's rarest tokens (prefix
filtering) and over 8-word runs (containment), so the work grows with the
corpus, not with all pairs.

When the sources give different speakers, the group keeps no speaker (a quote
given to the wrong person is worse than one left unattributed) and a
``Discrepancy(kind="speaker")`` names both attributions with their spans.
"""

from __future__ import annotations

import hashlib
import math
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from storyline.model import Annotations, Discrepancy, Document, Quote, QuoteGroup, SpanRef

__all__ = [
    "QuoteSource",
    "discrepancy_id",
    "merge_quotes",
    "quote_clusters",
    "quote_source",
    "quote_tokens",
    "speaker_discrepancy",
    "unify_speakers",
]

JACCARD_MIN = 0.8
CONTAINMENT_MIN_WORDS = 8


def quote_tokens(text: str) -> list[str]:
    """Words of a quote: lower case, no accents, no quote marks or punctuation."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"['’‘`]", "", text)
    return re.findall(r"[^\W_]+", text)


@dataclass
class QuoteSource:
    """One quote in one document, with its speaker mapped to a corpus identity."""

    document: str
    published: str
    quote: Quote
    speaker: str | None  # corpus entity id, or "name:<normalised>" when only a name is known
    speaker_name: str | None
    tokens: list[str]

    def __post_init__(self) -> None:
        self.token_set = frozenset(self.tokens)
        self.joined = f" {' '.join(self.tokens)} "

    @property
    def span(self) -> SpanRef:
        return SpanRef(self.document, self.quote.start, self.quote.end)


def _speaker_key(doc_id: str, quote: Quote, entity_map: Mapping[str, str]) -> str | None:
    if quote.speaker:
        mapped = entity_map.get(f"{doc_id}:{quote.speaker}")
        if mapped:
            return mapped
    if quote.speaker_name:
        return "name:" + " ".join(quote_tokens(quote.speaker_name))
    return None


def quote_source(doc: Document, quote: Quote, entity_map: Mapping[str, str]) -> QuoteSource | None:
    """A quote of ``doc`` as a source to compare (None when it has no words)."""
    tokens = quote_tokens(quote.text or doc.text[quote.start : quote.end])
    if not tokens:
        return None
    speaker = _speaker_key(doc.id, quote, entity_map)
    return QuoteSource(doc.id, doc.published or "", quote, speaker, quote.speaker_name, tokens)


def _sources(items: Iterable[tuple[Document, Annotations]], entity_map: Mapping[str, str]) -> list[QuoteSource]:
    found = (quote_source(doc, quote, entity_map) for doc, ann in items for quote in ann.quotes)
    return [s for s in found if s is not None]


def _near_identical(a: QuoteSource, b: QuoteSource) -> bool:
    """Same words, Jaccard >= 0.8 over word sets, or one containing the other (shorter >= 8 words)."""
    if a.tokens == b.tokens:
        return True
    sa, sb = a.token_set, b.token_set
    small, large = sorted((len(sa), len(sb)))
    if small >= JACCARD_MIN * large and len(sa & sb) >= JACCARD_MIN * len(sa | sb):
        return True
    short, long_ = (a, b) if len(a.tokens) <= len(b.tokens) else (b, a)
    if len(short.tokens) < CONTAINMENT_MIN_WORDS or not short.token_set <= long_.token_set:
        return False
    return short.joined in long_.joined


MAX_POSTINGS = 200


def _prefix(tokens: list[str], rarity: Counter[str]) -> list[str]:
    """The rarest tokens: two quotes with Jaccard >= 0.8 share a token of their prefixes (prefix filtering)."""
    unique = sorted(set(tokens), key=lambda t: (rarity[t], t))
    size = len(unique) - math.ceil(JACCARD_MIN * len(unique)) + 1
    return unique[: max(1, size)]


def _find(parent: list[int], i: int) -> int:
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


def _candidate_index(sources: Sequence[QuoteSource]) -> tuple[list[list[str]], dict[str, list[int]],
                                                           dict[tuple[str, ...], list[int]]]:
    """Each quote's rarest tokens, an index of those, and an index of every 8-word run (for containment)."""
    rarity: Counter[str] = Counter(t for s in sources for t in set(s.tokens))
    prefixes = [_prefix(s.tokens, rarity) for s in sources]
    by_prefix: dict[str, list[int]] = defaultdict(list)
    by_run: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i, s in enumerate(sources):
        for token in prefixes[i]:
            by_prefix[token].append(i)
        n = CONTAINMENT_MIN_WORDS
        for k in range(len(s.tokens) - n + 1):
            by_run[tuple(s.tokens[k : k + n])].append(i)
    return prefixes, by_prefix, by_run


def _cluster_sources(sources: Sequence[QuoteSource]) -> list[list[QuoteSource]]:
    """Union near-identical quotes; candidates share a rare token (Jaccard) or an 8-word run (containment)."""
    prefixes, by_prefix, by_run = _candidate_index(sources)
    parent = list(range(len(sources)))
    first_of: dict[str, int] = {}
    for i, s in enumerate(sources):  # the same words: one group, found by hashing, whatever the corpus size
        j = first_of.setdefault(s.joined, i)
        if j != i:
            parent[_find(parent, i)] = _find(parent, j)
    for i, s in enumerate(sources):
        # A token or run shared by very many quotes is boilerplate: it cannot single out near-identical
        # quotes, and following it would compare every pair of them.
        candidates = {j for t in prefixes[i] if len(by_prefix[t]) <= MAX_POSTINGS for j in by_prefix[t]}
        run = by_run.get(tuple(s.tokens[:CONTAINMENT_MIN_WORDS]), [])
        if len(s.tokens) >= CONTAINMENT_MIN_WORDS and len(run) <= MAX_POSTINGS:
            candidates.update(run)
        candidates.discard(i)
        for j in sorted(candidates):
            if _find(parent, i) != _find(parent, j) and _near_identical(s, sources[j]):
                parent[_find(parent, j)] = _find(parent, i)
    groups: dict[int, list[QuoteSource]] = defaultdict(list)
    for i, s in enumerate(sources):
        groups[_find(parent, i)].append(s)
    return list(groups.values())


def discrepancy_id(kind: str, spans: Iterable[SpanRef]) -> str:
    """A stable id: a hash of the kind and the sorted spans."""
    keys = sorted(f"{s.document}:{s.start}:{s.end}" for s in spans)
    return "X" + hashlib.sha1("|".join([kind, *keys]).encode("utf8")).hexdigest()[:12].upper()


def _speaker_label(source: QuoteSource) -> str:
    return source.speaker_name or (source.speaker or "unknown").removeprefix("name:")


def speaker_discrepancy(sources: Sequence[QuoteSource], story: str | None = None) -> Discrepancy | None:
    """A Discrepancy when the sources of one quote name different speakers, else None."""
    attributed = [s for s in sources if s.speaker]
    speakers = {s.speaker for s in attributed}
    if len(speakers) < 2:
        return None
    by_speaker: dict[str, list[str]] = defaultdict(list)
    for s in attributed:
        label = _speaker_label(s)
        if s.document not in by_speaker[label]:
            by_speaker[label].append(s.document)
    parts = [f"{label} ({', '.join(docs)})" for label, docs in sorted(by_speaker.items())]
    text = " ".join(attributed[0].tokens[:12])
    description = f"The quote “{text}…” is attributed to " + " and to ".join(parts) + "."
    spans = [s.span for s in sorted(attributed, key=lambda s: (s.published, s.document, s.quote.start))]
    return Discrepancy(discrepancy_id("speaker", spans), story, "speaker", description, spans)


def _group(sources: list[QuoteSource]) -> QuoteGroup:
    ordered = sorted(sources, key=lambda s: (s.published, s.document, s.quote.start))
    longest = max(ordered, key=lambda s: (len(s.tokens), " ".join(s.tokens)))
    speakers = {s.speaker for s in ordered if s.speaker}
    speaker = next(iter(speakers)) if len(speakers) == 1 else None
    name = next((s.speaker_name for s in ordered if s.speaker == speaker and s.speaker_name), None)
    digest = hashlib.sha1(" ".join(longest.tokens).encode("utf8")).hexdigest()[:12].upper()
    corpus_speaker = speaker if speaker and not speaker.startswith("name:") else None
    if speaker and name is None:
        name = speaker.removeprefix("name:") if speaker.startswith("name:") else None
    return QuoteGroup("Q" + digest, longest.quote.text, corpus_speaker, name if speaker else None,
                      [s.span for s in ordered])


def quote_clusters(
    items: Iterable[tuple[Document, Annotations]], entity_map: Mapping[str, str]
) -> list[list[QuoteSource]]:
    """Sources of every quote found in at least two documents, grouped."""
    clusters = _cluster_sources(_sources(items, entity_map))
    return [unify_speakers(c) for c in clusters if len({s.document for s in c}) >= 2]


def unify_speakers(sources: list[QuoteSource]) -> list[QuoteSource]:
    """A source naming its speaker only by name joins the identity another source gives that name (or surname)."""
    known: dict[str, set[str]] = defaultdict(set)
    for s in sources:
        if s.speaker and not s.speaker.startswith("name:") and s.speaker_name:
            words = quote_tokens(s.speaker_name)
            known[" ".join(words)].add(s.speaker)
            if words:
                known[words[-1]].add(s.speaker)
    for s in sources:
        if s.speaker and s.speaker.startswith("name:"):
            words = s.speaker.removeprefix("name:").split()
            options = known.get(" ".join(words)) or (known.get(words[-1]) if words else None)
            if options and len(options) == 1:
                s.speaker = next(iter(options))
    return sources


def merge_quotes(
    items: Iterable[tuple[Document, Annotations]], entity_map: dict[str, str]
) -> tuple[list[QuoteGroup], list[Discrepancy]]:
    """Group the quotes repeated across documents; report groups whose sources disagree on the speaker.

    Only quotes found in two or more documents form a group.  A group's text is
    its fullest version; its speaker is the one all attributed sources agree on,
    else None (with a ``speaker`` discrepancy).
    """
    groups: list[QuoteGroup] = []
    discrepancies: list[Discrepancy] = []
    for cluster in quote_clusters(items, entity_map):
        groups.append(_group(cluster))
        found = speaker_discrepancy(cluster)
        if found is not None:
            discrepancies.append(found)
    groups.sort(key=lambda g: g.id)
    discrepancies.sort(key=lambda d: d.id)
    return groups, discrepancies
