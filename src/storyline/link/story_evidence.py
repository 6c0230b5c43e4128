"""Why documents belong together: what a story's documents, or a storyline's stories, have in common.

Pure functions over annotated documents.  A grouping is explained by what its
members share, each item with the spans where the members say it, so that a
reporter can judge it in seconds and check it at the source:

* the people, organisations and places they name (one corpus identity, however
  each document spells it);
* distinctive phrases (content word pairs such as "intervention order");
* figures ("£4.7m", "26") and dates ("4 July 2024") they mention;
* for a document dated only from its text, the year it was read from, marked
  as inferred.

Items are ranked by how many members share them, then by rarity (``weight``,
an idf when the caller has one), and capped per kind.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from storyline.link.index import Item
from storyline.link.story_features import content_pairs, infer_year_from_body, mentioned_numbers
from storyline.model import Document, EvidenceKind, GroupingEvidence, SpanRef

__all__ = ["Found", "found_in_documents", "story_evidence", "storyline_evidence"]

KIND_LIMITS: dict[EvidenceKind, int] = {
    "person": 5, "organisation": 3, "place": 3, "phrase": 4, "figure": 3, "date": 3,
}
KIND_ORDER: tuple[EvidenceKind, ...] = ("person", "organisation", "place", "phrase", "date", "figure")
MAX_SPANS = 6  # spans kept per item: one per document, earliest documents first
MIN_FIGURE_DIGITS = 2  # "7" or "3" are too common to tell anything; "26", "4.7", "2,800" are figures
ABSOLUTE_DATE = re.compile(r"^\d{4}-\d{2}(?:-\d{2})?$")
Weights = Mapping[str, float]  # key -> rarity (idf); a key not in it weighs 0


Locator = Callable[[], Iterable[tuple[str, SpanRef]]]


@dataclass
class Found:
    """One candidate item: where each document says it.

    A phrase is located in its documents' texts only when it is needed (most phrases two documents share
    are never shown): until then ``locate`` finds its spans and ``most`` bounds how many documents say it.
    """

    kind: EvidenceKind
    key: str
    value: str
    spans: dict[str, SpanRef] = field(default_factory=dict)  # document -> first span (see located)
    most: int | None = None
    locate: Locator | None = field(default=None, repr=False, compare=False)

    def located(self) -> dict[str, SpanRef]:
        """The spans, document -> first span, found first if need be."""
        if self.locate is not None:
            locate, self.locate, self.most = self.locate, None, None
            for doc_id, span in locate():
                self.spans.setdefault(doc_id, span)
        return self.spans

    def at_most(self) -> int:
        """How many documents say it, at most (exactly, once located)."""
        return self.most if self.locate is not None and self.most is not None else len(self.spans)

    def evidence(self, shared_by: int, order: Mapping[str, int]) -> GroupingEvidence:
        spans = self.located()
        docs = sorted(spans, key=lambda d: (order.get(d, 0), d))[:MAX_SPANS]
        return GroupingEvidence(self.kind, self.value, shared_by, [spans[d] for d in docs])


def _name_items(items: Sequence[Item], entity_map: Mapping[str, str]) -> list[Found]:
    """People, organisations and places, one item per corpus identity (else per type and name)."""
    found: dict[str, Found] = {}
    for doc, ann in items:
        first: dict[str, tuple[int, int]] = {}
        for mention in sorted(ann.mentions, key=lambda m: m.start):
            if mention.kind in ("name", "surname") and mention.entity not in first:
                first[mention.entity] = (mention.start, mention.end)
        for entity in ann.entities:
            if entity.id not in first and (at := doc.text.find(entity.name.strip())) >= 0 and entity.name.strip():
                first[entity.id] = (at, at + len(entity.name.strip()))  # named, but no mention recorded
            if entity.id not in first or not entity.name.strip():
                continue
            key = entity_map.get(f"{doc.id}:{entity.id}") or f"{entity.type}:{entity.name.strip().lower()}"
            item = found.setdefault(key, Found(entity.type, "@" + entity.name.strip().lower(), entity.name.strip()))
            if len(entity.name) > len(item.value):
                item.value = entity.name.strip()
            start, end = first[entity.id]
            item.spans.setdefault(doc.id, SpanRef(doc.id, start, end))
    return list(found.values())


def phrases_in(text: str) -> set[str]:
    """The content word pairs of a text: the phrases :func:`storyline.link.story_features.content_phrases`
    counts, without their counts (evidence needs only which documents use a phrase)."""
    return set(content_pairs(text))


@lru_cache(maxsize=16_384)
def _phrase_pattern(phrase: str) -> re.Pattern[str]:
    """Where a content word pair is written (any case, hyphen or spaces between, either apostrophe); compiled
    once per phrase: stories of one affair share most of theirs."""
    words = [re.escape(w) for w in phrase.split()]
    return re.compile(r"(?<!\w)" + r"[\s\-]+".join(words).replace("'", "['’]") + r"(?!\w)", re.IGNORECASE)


def _phrase_locator(phrase: str, docs: Sequence[Document]) -> Locator:
    """Where each of ``docs`` (in order) writes ``phrase`` first, if it does (see :func:`_phrase_pattern`)."""
    def locate() -> Iterator[tuple[str, SpanRef]]:
        pattern = _phrase_pattern(phrase)
        for doc in docs:
            if match := pattern.search(doc.text):
                yield doc.id, SpanRef(doc.id, match.start(), match.end())
    return locate


def _phrase_items(items: Sequence[Item], names: Iterable[str]) -> list[Found]:
    """Content word pairs several documents use, names left out (they are items of their own); each is
    located in the documents that use it when needed."""
    name_words = {w for name in names for w in name.lower().split()}
    per_doc = {doc.id: (doc, phrases_in(doc.text)) for doc, _ in items}
    users: dict[str, list[Document]] = defaultdict(list)
    for doc, phrases in per_doc.values():
        for phrase in phrases:
            users[phrase].append(doc)
    return [Found("phrase", "~" + phrase, phrase, most=len(users[phrase]),
                  locate=_phrase_locator(phrase, users[phrase]))
            for phrase in sorted(p for p, docs in users.items() if len(docs) > 1 and not set(p.split()) & name_words)]


@lru_cache(maxsize=16_384)
def _figure_pattern(number: str) -> re.Pattern[str]:
    """Where a figure is written, thousands separators or not ("2800" finds "2,800"); compiled once per figure."""
    return re.compile(r"(?<![\w.,])" + r",?".join(re.escape(c) for c in number) + r"(?![\w])")


class _Spans:
    """Whether a position falls inside any of some (start, end) spans, by bisection (a long document may hold
    thousands of dates and thousands of figures: checking each figure against every date was quadratic)."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self.starts = [s for s, _ in ordered]
        self.reach: list[int] = []  # the furthest end of the spans up to each one (spans may overlap)
        for _, end in ordered:
            self.reach.append(max(end, self.reach[-1]) if self.reach else end)

    def holds(self, pos: int) -> bool:
        i = bisect.bisect_right(self.starts, pos)  # the spans starting at or before pos are [0, i)
        return i > 0 and pos < self.reach[i - 1]


def _figure_items(items: Sequence[Item]) -> list[Found]:
    """Figures several documents mention (a sum, a toll, a count), not the days of dates."""
    found: dict[str, Found] = {}
    for doc, ann in items:
        in_dates = _Spans([(t.start, t.end) for t in ann.timexes])
        for number in mentioned_numbers(doc.text):
            if len(re.sub(r"\D", "", number)) < MIN_FIGURE_DIGITS:
                continue
            pattern = _figure_pattern(number)
            match = next((m for m in pattern.finditer(doc.text) if not in_dates.holds(m.start())), None)
            if match:
                end = match.end()
                while end < len(doc.text) and doc.text[end] in "%mbk" and not doc.text[end + 1:end + 2].isalpha():
                    end += 1
                start = match.start() - 1 if match.start() and doc.text[match.start() - 1] in "£$€" else match.start()
                item = found.setdefault(number, Found("figure", "#" + number, doc.text[start:end]))
                item.spans.setdefault(doc.id, SpanRef(doc.id, start, end))
    return list(found.values())


def _date_items(items: Sequence[Item]) -> list[Found]:
    """Absolute dates (a day or a month) several documents mention."""
    found: dict[str, Found] = {}
    for doc, ann in items:
        for timex in sorted(ann.timexes, key=lambda t: t.start):
            value = timex.value[:10]
            if timex.type == "DATE" and ABSOLUTE_DATE.match(value):
                item = found.setdefault(value, Found("date", "date:" + value, value))
                item.spans.setdefault(doc.id, SpanRef(doc.id, timex.start, timex.end))
    return list(found.values())


def _inferred_dates(items: Sequence[Item]) -> list[GroupingEvidence]:
    """Years read from the text of documents that carry no date (written in that year or later), by year."""
    found: dict[str, list[SpanRef]] = defaultdict(list)
    for doc, _ in items:
        if doc.published is None and (year := infer_year_from_body(doc.text)):
            found[year.year].append(SpanRef(doc.id, *year.span))
    return [GroupingEvidence("date", value, len(spans), spans[:MAX_SPANS], inferred=True)
            for value, spans in sorted(found.items())]


Rank = tuple[tuple[int, float, str], int]  # (most shared, rarest, value), then the item's place


def _ranked(found: Iterable[Found], shared_by: Callable[[Found], int], minimum: int, weights: Weights | None,
            order: Mapping[str, int], at_most: Callable[[Found], int] | None = None) -> list[GroupingEvidence]:
    """The items shared by at least ``minimum`` members, the most shared (then the rarest) of each kind.

    ``at_most`` bounds ``shared_by`` without locating an item: items are counted exactly in order of their
    bound until no other can rank among the best (the same items, in the same order, as counting all)."""
    bound = at_most or shared_by
    by_kind: dict[str, list[Found]] = defaultdict(list)
    for item in found:
        if bound(item) >= minimum:
            by_kind[item.kind].append(item)

    def rank(item: Found, shared: int, place: int) -> Rank:
        return ((-shared, -(weights or {}).get(item.key, 0.0), item.value.lower()), place)

    out = []
    for kind in KIND_ORDER:
        items, limit = by_kind[kind], KIND_LIMITS[kind]
        best: list[Rank] = []
        for hope in sorted(rank(item, bound(item), i) for i, item in enumerate(items)):
            if len(best) >= limit and hope > best[limit - 1]:
                break  # its bound ranks below the best found: so does its count, and every later one's
            item = items[hope[1]]
            if (shared := shared_by(item)) >= minimum:
                bisect.insort(best, rank(item, shared, hope[1]))
        out += [items[i].evidence(shared_by(items[i]), order) for _, i in best[:limit]]
    return out


def found_in_documents(items: Sequence[Item], entity_map: Mapping[str, str]) -> list[Found]:
    """Every candidate item of a set of documents (names, phrases, figures, dates), with its spans."""
    names = _name_items(items, entity_map)
    return names + _phrase_items(items, [n.value for n in names]) + _figure_items(items) + _date_items(items)


def story_evidence(items: Sequence[Item], found: Sequence[Found],
                   weights: Weights | None = None) -> list[GroupingEvidence]:
    """Why the documents of one story belong together: what two or more of them share.

    ``items`` in story order (earliest first: their spans come first), ``found`` what
    :func:`found_in_documents` found in them; ``weights`` rank items shared by as many documents
    (keys are ``@name``, ``~phrase``, ``#figure``, ``date:value``).  A story of one document is
    explained by its own names, phrases and dates.
    """
    order = {doc.id: i for i, (doc, _) in enumerate(items)}
    minimum = 2 if len(items) > 1 else 1
    return _ranked(found, lambda item: len(item.located()), minimum, weights, order,
                   Found.at_most) + _inferred_dates(items)


def _merged(parts: Sequence[Found]) -> Locator:
    """The spans of one item found in several stories: each story's, in story order."""
    return lambda: ((doc_id, span) for part in parts for doc_id, span in part.located().items())


def storyline_evidence(stories: Sequence[tuple[str, Sequence[Item], Sequence[Found]]],
                       weights: Weights | None = None) -> list[GroupingEvidence]:
    """Why stories belong to one storyline: what documents of two or more of them share.

    ``stories`` are (story id, some of its documents, what was found in them) in date order;
    ``documents`` of each item counts the stories that share it.  Dates read from the text are
    listed, marked inferred.
    """
    merged: dict[str, Found] = {}
    parts: dict[str, list[Found]] = defaultdict(list)
    stories_of: dict[str, set[str]] = defaultdict(set)
    for story_id, _, found in stories:
        for item in found:
            into = merged.setdefault(item.key, Found(item.kind, item.key, item.value, locate=_merged(parts[item.key])))
            if len(item.value) > len(into.value) and item.kind != "figure":
                into.value = item.value
            parts[item.key].append(item)
            stories_of[item.key].add(story_id)
    # spans: the first document of each story, then the second of each, ...
    order = {doc.id: rank * len(stories) + i for i, (_, items, _) in enumerate(stories)
             for rank, (doc, _) in enumerate(items)}
    out = _ranked(merged.values(), lambda item: len(stories_of[item.key]), 2, weights, order)
    return out + _inferred_dates([item for _, items, _ in stories for item in items])
