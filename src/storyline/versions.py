"""What changed in the facts between two versions of an article: quotes, people, organisations, dates, figures,
claims and the headline, each change with its spans in both documents.

Pure functions over :class:`DocumentFacts` (what one document's rows hold; :mod:`storyline.views.versions`
reads them). Precision first: facts are paired by their normalised words before anything is called a change,
so a rewrite that moves a quote, swaps curly for straight quotes or puts "said" before the name changes
nothing. A direct quote's words are compared exactly (after normalising case, punctuation and spacing);
reported speech is paraphrase by nature, so it is paired by its content words and never said to be "changed"
in wording. A speaker changes only when both versions name one and they differ.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any, TypeVar

from storyline import timex3

__all__ = ["DocumentFacts", "FactChange", "Span", "VersionDiff", "diff_documents"]

QUOTE_SAME = 0.6  # direct quotes: word overlap (of the shorter) at or above this are one quote, edited
REPORTED_SAME = 0.5  # reported speech, claims: content-word overlap (of the shorter) to be one
SAID_ANYWAY = 0.6  # reported speech, claims, dated facts whose content words the other document holds this much
# of were only said in other words there: neither added nor removed
DATE_CONTEXT_SAME = 0.5  # a dated sentence's words (the date left out) shared to be one event, re-dated
FIGURE_CONTEXT = 80  # characters either side of a figure compared to pair it
KINDS = ("headline", "quote", "person", "organisation", "date", "figure", "claim")
T = TypeVar("T")


@dataclass(frozen=True)
class Span:
    document: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class FactChange:
    """One change: ``kind`` of fact, ``change`` (added, removed, changed), ``what`` changed (text, speaker,
    date, value), the fact's span in the first document (``before``) and in the second (``after``)."""

    kind: str
    change: str
    description: str
    before: Span | None = None
    after: Span | None = None
    what: str = ""
    old: str | None = None
    new: str | None = None


@dataclass(frozen=True)
class VersionDiff:
    a: str  # the earlier document
    b: str
    link: str = ""  # "version" (same URL, new text), "duplicate" (a near-duplicate rewrite), "" (any two)
    similarity: float | None = None
    changes: list[FactChange] = field(default_factory=list)

    def of(self, kind: str) -> list[FactChange]:
        return [c for c in self.changes if c.kind == kind]

    @property
    def summary(self) -> str:
        """``"2 quotes added, 1 date changed"`` (or ``"no change in the facts"``)."""
        counts: dict[tuple[str, str], int] = {}
        for c in self.changes:
            counts[(c.kind, c.change)] = counts.get((c.kind, c.change), 0) + 1
        parts = [f"{n} {_plural(kind, n)} {change}" for (kind, change), n in counts.items()]
        return ", ".join(parts) or "no change in the facts"


def _plural(kind: str, n: int) -> str:
    if n == 1:
        return kind
    return {"person": "people", "headline": "headlines"}.get(kind, kind + "s")


@dataclass(frozen=True)
class Quote:
    id: str
    start: int
    end: int
    text: str
    kind: str  # direct, indirect, mixed
    speaker: str | None  # identity id (or None)
    speaker_name: str | None


@dataclass(frozen=True)
class Named:
    key: str  # identity id, else the normalised name
    name: str
    type: str
    start: int
    end: int


@dataclass(frozen=True)
class Dated:
    id: str
    start: int
    end: int
    date: str
    timex: tuple[int, int] | None


@dataclass(frozen=True)
class ClaimFact:
    id: str
    start: int
    end: int
    kind: str
    claimant: str | None


@dataclass(frozen=True)
class Figure:
    start: int
    end: int
    text: str
    unit: str
    measure: str
    value: float


@dataclass(frozen=True)
class DocumentFacts:
    """What one document says, as its rows hold it."""

    id: str
    text: str
    headline: tuple[int, int] | None
    quotes: list[Quote]
    names: list[Named]  # people and organisations, each once (its first mention)
    events: list[Dated]
    claims: list[ClaimFact]
    figures: list[Figure]

    def span(self, start: int, end: int) -> Span:
        return Span(self.id, start, end, self.text[start:end])


# --- words --------------------------------------------------------------------------------------------------

_WORD = re.compile(r"[^\W_]+(?:[.,][0-9]+)*", re.UNICODE)


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    text = resources.files("storyline.data").joinpath("link_stopwords.json").read_text("utf8")
    return frozenset(json.loads(text)["stopwords"])


def words(text: str) -> list[str]:
    """Lower-case words without accents or punctuation: quote marks, dashes and commas do not count."""
    folded = unicodedata.normalize("NFKD", text.replace("’", "'").replace("‘", "'"))
    folded = "".join(c for c in folded if not unicodedata.combining(c)).casefold()
    return _WORD.findall(folded.replace("'", ""))


def content_words(text: str) -> set[str]:
    stop = _stopwords()
    return {w for w in words(text) if w not in stop}


def overlap(a: set[str], b: set[str]) -> float:
    """Shared words over the smaller set (1.0: one contains the other)."""
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


def _pair(left: Sequence[T], right: Sequence[T], score: Callable[[T, T], float], floor: float
          ) -> tuple[list[tuple[T, T]], list[T], list[T]]:
    """Best-first one-to-one pairing at or above ``floor``; returns pairs and the unpaired of each side."""
    scored = sorted(((score(x, y), i, j) for i, x in enumerate(left) for j, y in enumerate(right)),
                    key=lambda s: (-s[0], s[1], s[2]))
    used_l: set[int] = set()
    used_r: set[int] = set()
    pairs = []
    for value, i, j in scored:
        if value < floor:
            break
        if i not in used_l and j not in used_r:
            used_l.add(i)
            used_r.add(j)
            pairs.append((left[i], right[j]))
    return (pairs, [x for i, x in enumerate(left) if i not in used_l],
            [y for j, y in enumerate(right) if j not in used_r])


# --- each kind of fact --------------------------------------------------------------------------------------


def _headline(a: DocumentFacts, b: DocumentFacts) -> list[FactChange]:
    if a.headline is None or b.headline is None:
        return []
    old, new = a.span(*a.headline), b.span(*b.headline)
    if words(old.text) == words(new.text):
        return []
    return [FactChange("headline", "changed", f"headline: “{old.text}” → “{new.text}”", old, new, "text",
                       old.text, new.text)]


def _quote_score(x: Quote, y: Quote) -> float:
    if words(x.text) == words(y.text):
        return 2.0
    if x.kind == y.kind == "direct":
        return overlap(set(words(x.text)), set(words(y.text)))
    return overlap(content_words(x.text), content_words(y.text)) * (QUOTE_SAME / REPORTED_SAME)


def _who(q: Quote) -> str | None:
    return q.speaker or (" ".join(words(q.speaker_name)) if q.speaker_name else None)


def _quotes(a: DocumentFacts, b: DocumentFacts) -> list[FactChange]:
    pairs, removed, added = _pair(a.quotes, b.quotes, _quote_score, QUOTE_SAME)
    out = []
    for x, y in pairs:
        before, after = a.span(x.start, x.end), b.span(y.start, y.end)
        if x.kind == y.kind == "direct" and words(x.text) != words(y.text):
            out.append(FactChange("quote", "changed", f"quote of {y.speaker_name or x.speaker_name or 'nobody known'}"
                                  f" reworded: “{x.text}” → “{y.text}”", before, after, "text", x.text, y.text))
        if _who(x) and _who(y) and _who(x) != _who(y):
            out.append(FactChange("quote", "changed", f"speaker of “{y.text}”: {x.speaker_name} → {y.speaker_name}",
                                  before, after, "speaker", x.speaker_name, y.speaker_name))
    out += [FactChange("quote", "removed", f"quote removed: {x.speaker_name or 'nobody known'}: “{x.text}”",
                       a.span(x.start, x.end), None) for x in _not_in(removed, b)]
    out += [FactChange("quote", "added", f"quote added: {y.speaker_name or 'nobody known'}: “{y.text}”", None,
                       b.span(y.start, y.end)) for y in _not_in(added, a)]
    return out


def _not_in(quotes: list[Quote], other: DocumentFacts) -> list[Quote]:
    """Quotes the other document does not carry at all: a direct quote's words in a row, reported speech's
    content words (where they are, the machine just did not see a quote, or the reporter paraphrased)."""
    text = " ".join(words(other.text))
    return [q for q in quotes if " ".join(words(q.text)) not in text
            and (q.kind == "direct" or not said_in(q.text, other))]


def said_in(text: str, other: DocumentFacts) -> bool:
    """The other document holds most of these content words: what they say is there, in other words."""
    mine = content_words(text)
    return bool(mine) and len(mine & content_words(other.text)) / len(mine) >= SAID_ANYWAY


def _names(a: DocumentFacts, b: DocumentFacts) -> list[FactChange]:
    def key(n: Named) -> tuple[str, str]:
        return n.type, n.key

    mine, theirs = {key(n): n for n in a.names}, {key(n): n for n in b.names}
    by_name_a = {(n.type, " ".join(words(n.name))) for n in a.names}
    by_name_b = {(n.type, " ".join(words(n.name))) for n in b.names}
    out = []
    for k, n in mine.items():
        if k not in theirs and (n.type, " ".join(words(n.name))) not in by_name_b:
            out.append(FactChange(n.type, "removed", f"{n.type} removed: {n.name}", a.span(n.start, n.end), None))
    for k, n in theirs.items():
        if k not in mine and (n.type, " ".join(words(n.name))) not in by_name_a:
            out.append(FactChange(n.type, "added", f"{n.type} added: {n.name}", None, b.span(n.start, n.end)))
    return out


def _context(facts: DocumentFacts, ev: Dated) -> set[str]:
    """The words of a dated sentence without its date."""
    text = facts.text[ev.start : ev.end]
    if ev.timex:
        s, e = ev.timex[0] - ev.start, ev.timex[1] - ev.start
        text = text[:s] + " " + text[e:]
    return content_words(text)


def _dates(a: DocumentFacts, b: DocumentFacts, added_quotes: list[FactChange]) -> list[FactChange]:
    same, left, right = _pair(a.events, b.events, lambda x, y: 2.0 if x.date == y.date and overlap(
        _context(a, x), _context(b, y)) >= DATE_CONTEXT_SAME else 0.0, 1.0)
    moved, removed, added = _pair(left, right, lambda x, y: overlap(_context(a, x), _context(b, y)), DATE_CONTEXT_SAME)
    out = []
    for x, y in moved:
        old, new = (a.span(*x.timex) if x.timex else a.span(x.start, x.end)), \
            (b.span(*y.timex) if y.timex else b.span(y.start, y.end))
        said = (old.text, new.text) if old.text != new.text else (  # "Tuesday" in two documents of other days
            f"{old.text} ({timex3.words(x.date)})", f"{new.text} ({timex3.words(y.date)})")
        out.append(FactChange("date", "changed", f"date changed: {said[0]} → {said[1]} in “{b.text[y.start:y.end]}”",
                              old, new, "date", x.date, y.date))
    quoted = [(c.after.start, c.after.end) for c in added_quotes if c.after]
    dates_a, dates_b = {x.date for x in a.events}, {y.date for y in b.events}
    for y in added:
        if any(s < y.end and y.start < e for s, e in quoted):
            continue  # a date inside a quote added: the quote is the change
        if y.date in dates_a and said_in(b.text[y.start : y.end], a):
            continue
        out.append(FactChange("date", "added", f"dated fact added ({y.date}): “{b.text[y.start:y.end]}”", None,
                              b.span(y.start, y.end), "date", None, y.date))
    out += [FactChange("date", "removed", f"dated fact removed ({x.date}): “{a.text[x.start:x.end]}”",
                       a.span(x.start, x.end), None, "date", x.date, None) for x in removed
            if not (x.date in dates_b and said_in(a.text[x.start : x.end], b))]
    return out


def _figure_context(facts: DocumentFacts, f: Figure) -> set[str]:
    return content_words(facts.text[max(0, f.start - FIGURE_CONTEXT) : f.start] + " "
                         + facts.text[f.end : f.end + FIGURE_CONTEXT])


def _figures(a: DocumentFacts, b: DocumentFacts) -> list[FactChange]:
    """An amount of the same thing (unit and measure) in the same words around it, with another value."""
    def score(x: Figure, y: Figure) -> float:
        if (x.unit, x.measure) != (y.unit, y.measure):
            return 0.0
        return 2.0 if x.value == y.value else overlap(_figure_context(a, x), _figure_context(b, y))

    pairs, _, _ = _pair(a.figures, b.figures, score, REPORTED_SAME)
    return [FactChange("figure", "changed", f"{x.measure}: {x.text} → {y.text}", a.span(x.start, x.end),
                       b.span(y.start, y.end), "value", x.text, y.text) for x, y in pairs if x.value != y.value]


def _claims(a: DocumentFacts, b: DocumentFacts) -> list[FactChange]:
    def score(x: ClaimFact, y: ClaimFact) -> float:
        if x.kind != y.kind:
            return 0.0
        return overlap(content_words(a.text[x.start : x.end]), content_words(b.text[y.start : y.end]))

    _, removed, added = _pair(a.claims, b.claims, score, REPORTED_SAME)
    return ([FactChange("claim", "removed", f"{x.kind} removed: “{a.text[x.start:x.end]}”", a.span(x.start, x.end))
             for x in removed if not said_in(a.text[x.start : x.end], b)]
            + [FactChange("claim", "added", f"{y.kind} added: “{b.text[y.start:y.end]}”", None, b.span(y.start, y.end))
               for y in added if not said_in(b.text[y.start : y.end], a)])


def diff_documents(a: DocumentFacts, b: DocumentFacts, link: str = "", similarity: float | None = None
                   ) -> VersionDiff:
    """Every change in the facts from ``a`` to ``b``, in the order headline, quotes, people, organisations,
    dates, figures, claims."""
    quotes = _quotes(a, b)
    names = _names(a, b)
    changes = (_headline(a, b) + quotes + [c for c in names if c.kind == "person"]
               + [c for c in names if c.kind == "organisation"]
               + _dates(a, b, [c for c in quotes if c.change == "added"]) + _figures(a, b) + _claims(a, b))
    return VersionDiff(a.id, b.id, link, similarity, changes)


def change_record(c: FactChange) -> dict[str, Any]:
    """A change as the JSON of ``storyline diff --format json`` and the export's ``versions``."""
    def span(s: Span | None) -> dict[str, Any] | None:
        return {"document": s.document, "start": s.start, "end": s.end, "text": s.text} if s else None

    return {"kind": c.kind, "change": c.change, "what": c.what or None, "description": c.description,
            "before": span(c.before), "after": span(c.after), "old": c.old, "new": c.new}


def diff_record(d: VersionDiff) -> dict[str, Any]:
    return {"a": d.a, "b": d.b, "link": d.link or None, "similarity": d.similarity, "summary": d.summary,
            "changes": [change_record(c) for c in d.changes]}
