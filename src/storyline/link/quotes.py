"""The same quote in several documents, merged into one group with every source.

Quotes are compared on normalised text (case, quote marks, whitespace and
punctuation ignored).  Near-identical quotes also merge: token Jaccard >= 0.8,
or one containing the other when the shorter has at least 8 words.  Quotes are
filed in the link index (``q`` postings) under their exact key, MinHash bands of
their word set (Jaccard) and winnowed 4-word runs (containment), so a new quote
is compared only with quotes sharing a key, and groups grow as documents arrive.
Of those, a quote whose word summary (kept in memory, :func:`storyline.same_words.word_summary`)
rules out a match is neither read nor compared.

When the sources give different speakers, the group keeps no speaker (a quote
given to the wrong person is worse than one left unattributed) and a
``Discrepancy(kind="speaker")`` names both attributions with their spans.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Any

from storyline.link.fingerprint import set_signature, shingle_hashes, winnow, word_hash
from storyline.link.index import LinkIndex, MemoryIndex
from storyline.model import Annotations, Discrepancy, Document, Quote, QuoteGroup, SpanRef
from storyline.same_words import (
    CONTAINMENT_MIN_WORDS,
    Words,
    may_be_near_identical,
    near_identical,
    quote_tokens,
    word_summary,
)

__all__ = [
    "QuoteSource",
    "discrepancy_id",
    "merge_quotes",
    "file_document_quotes",
    "file_new_quotes",
    "quote_group",
    "refresh_quote_groups",
    "quote_source",
    "quote_tokens",
    "speaker_discrepancy",
    "unify_speakers",
]

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

    @cached_property
    def summary(self) -> int | None:
        """Its :func:`~storyline.same_words.word_summary`."""
        return word_summary(self.tokens)

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


@lru_cache(maxsize=20_000)
def _words(joined: str) -> Words:
    """A filed quote's words (the same boilerplate quotes are compared again and again)."""
    return Words(joined.split())


_near_identical = near_identical


RUN_WORDS = 4  # winnowed runs of 4 words, window 5: quotes sharing 8 words in a row share one
RUN_WINDOW = 5
SIGNATURE_BANDS = 10  # MinHash bands of 3 slots over a quote's word set: Jaccard 0.8 meets in a band 999 in 1,000
SIGNATURE_ROWS = 3
MAX_POSTINGS = 200  # a key shared by more quotes is boilerplate and cannot single out near-identical ones
SUMMARY = "quote"  # LinkIndex.memo of filed quotes' word summaries, by quote key (rules out most candidates unread)


def quote_keys(tokens: Sequence[str]) -> tuple[str, list[str]]:
    """A quote's exact key and its near-identity keys (MinHash bands, winnowed word runs)."""
    exact = "x:" + hashlib.sha1(" ".join(tokens).encode("utf8")).hexdigest()[:16]
    signature = set_signature(tokens, SIGNATURE_BANDS * SIGNATURE_ROWS)
    keys = [f"b{i}:" + "-".join(map(str, signature[i * SIGNATURE_ROWS : (i + 1) * SIGNATURE_ROWS]))
            for i in range(SIGNATURE_BANDS)]
    if len(tokens) >= CONTAINMENT_MIN_WORDS:
        grams = shingle_hashes([word_hash(t) for t in tokens], RUN_WORDS)
        keys += sorted({f"w:{h:x}" for h, _ in winnow(grams, RUN_WINDOW)})
    return exact, keys


def _stored_source(key: str, data: Mapping[str, Any], entity_map: Mapping[str, str]) -> QuoteSource:
    quote = Quote(key.rsplit(":", 1)[1], data["start"], data["end"], data["text"], speaker=data.get("speaker"),
                  speaker_name=data.get("speaker_name"))
    speaker = _speaker_key(data["doc"], quote, entity_map)
    return QuoteSource(data["doc"], data["published"], quote, speaker, quote.speaker_name, data["words"].split())


def _quote_record(source: QuoteSource, group: str) -> dict[str, Any]:
    q = source.quote
    return {"doc": source.document, "published": source.published, "start": q.start, "end": q.end,
            "text": q.text, "speaker": q.speaker, "speaker_name": q.speaker_name, "group": group,
            "words": " ".join(source.tokens)}


def _matches(key: str, source: QuoteSource, index: LinkIndex,
             keys: tuple[str, list[str]] | None = None) -> tuple[set[str], list[str], list[str]]:
    """Groups of filed quotes near-identical to ``source``; also the keys to file it under, and to count
    (``keys``: its :func:`quote_keys`, when known).

    A quote whose very words are filed already joins that group and is filed under
    nothing new: whatever is near-identical to it is near-identical to its twin.
    """
    exact, others = keys if keys is not None else quote_keys(source.tokens)
    twin = index.postings("q", [exact]).get(exact, [])
    if twin:
        return {d["group"] for d in index.records("quote", twin[:1]).values()}, [], []
    sizes = index.counts("qn", others)
    usable = [k for k in others if sizes[k] < MAX_POSTINGS]
    found = index.postings("q", usable)
    summaries = index.memo(SUMMARY)
    candidates = _may_match(source, {c for ids in found.values() for c in ids} - {key}, summaries)
    groups: set[str] = set()
    for candidate, data in sorted(index.records("quote", candidates).items()):
        if data["group"] in groups:
            continue
        words = _words(data["words"])
        if candidate not in summaries:
            _remember(summaries, candidate, words.tokens)
        if _near_identical(source, words):
            groups.add(data["group"])
    return groups, [exact, *usable], others


def _remember(summaries: dict[str, int], key: str, tokens: Sequence[str]) -> None:
    summary = word_summary(tokens)
    if summary is not None:
        summaries[key] = summary


def _may_match(source: QuoteSource, candidates: Collection[str], summaries: dict[str, int]) -> list[str]:
    """The candidates whose :func:`~storyline.same_words.word_summary` (kept in ``summaries``) does not rule out a
    match with ``source`` (those with none yet too): the others need not be read or compared."""
    mine = source.summary
    if mine is None:
        return sorted(candidates)
    return sorted(c for c in candidates if (theirs := summaries.get(c)) is None or may_be_near_identical(mine, theirs))


def _members(group: str, index: LinkIndex) -> list[str]:
    """Keys of the quotes in a group (kept as ``qm`` postings, so a large group is never rewritten whole)."""
    return index.postings("qm", [group]).get(group, [])


def _join(key: str, groups: set[str], index: LinkIndex) -> str:
    """The group a new quote joins: a new one, or the largest of those it matches, the others merged in."""
    found = index.records("qgroup", sorted(groups))
    if not found:
        index.put_record("qgroup", key, {"size": 1, "documents": 1})
        index.add_postings("qm", key, [key])  # quote ``key`` filed under group ``key``
        return key
    target = max(found, key=lambda g: (found[g]["size"], g))
    size = found[target]["size"]
    for other in sorted(set(found) - {target}):
        moved = _members(other, index)
        for quote_key, data in index.records("quote", moved).items():
            index.put_record("quote", quote_key, {**data, "group": target})
            index.add_postings("qm", quote_key, [target])
        size += len(moved)
        _drop_group_output(found[other], index)
        index.delete_record("qgroup", other)
    index.add_postings("qm", key, [target])
    documents = _documents_after_join(key, target, len(found) > 1, found[target]["documents"], index)
    index.put_record("qgroup", target, {**found[target], "size": size + 1, "documents": documents})
    return target


def _documents_after_join(key: str, target: str, merged: bool, before: int, index: LinkIndex) -> int:
    """How many documents a group's quotes come from (2 once it is two or more: all it is read for). A group of one
    document that took in no other group only needs the new quote's document compared with its own (a long
    document repeating one quote thousands of times had its whole group's documents counted at each quote)."""
    if before >= 2:
        return 2
    members = _members(target, index)
    if not merged:
        own = next((k for k in members if k != key), key)
        return 1 if own.rsplit(":", 1)[0] == key.rsplit(":", 1)[0] else 2
    return len({k.rsplit(":", 1)[0] for k in members})


def file_quote(key: str, source: QuoteSource, index: LinkIndex, keys: tuple[str, list[str]] | None = None) -> str:
    """File one new quote under its keys (its :func:`quote_keys`, when known) and in its group; returns the
    group id."""
    groups, filed, counted = _matches(key, source, index, keys)
    group = _join(key, groups, index)
    index.put_record("quote", key, _quote_record(source, group))
    if source.summary is not None:
        index.memo(SUMMARY)[key] = source.summary
    index.add_postings("q", key, filed)
    index.add_counts("qn", counted)
    return group


FiledQuote = tuple[str, QuoteSource, tuple[str, list[str]]]  # its key, its words, its quote_keys


def quotes_to_file(doc: Document, ann: Annotations) -> list[FiledQuote]:
    """The quotes of a new document that have words, with their keys."""
    found = []
    for quote in ann.quotes:
        source = quote_source(doc, quote, {})
        if source is not None:
            found.append((f"{doc.id}:{quote.id}", source, quote_keys(source.tokens)))
    return found


def file_document_quotes(doc: Document, ann: Annotations, index: LinkIndex) -> tuple[list[str], set[str]]:
    """File every quote of a new document; returns its quote keys and the groups they joined."""
    filed = quotes_to_file(doc, ann)
    return [key for key, _, _ in filed], {file_quote(key, source, index, keys) for key, source, keys in filed}


def file_new_quotes(items: Sequence[tuple[Document, Annotations]], index: LinkIndex) -> set[str]:
    """File every quote of new documents, in order; returns the groups they joined.

    The keys of all their quotes are looked up first, in a few statements (a SQL index then answers
    each quote's lookups from what it read, kept current as quotes are filed: the same answers); postings
    only under keys that are not boilerplate yet (those are all :func:`_matches` reads).
    """
    filed = [found for doc, ann in items for found in quotes_to_file(doc, ann)]
    sizes = index.counts("qn", list(dict.fromkeys(k for _, _, (_, others) in filed for k in others)))
    usable = (k for _, _, (exact, others) in filed for k in (exact, *others) if sizes.get(k, 0) < MAX_POSTINGS)
    index.postings("q", list(dict.fromkeys(usable)))  # counts only grow: _matches reads no other key's postings
    return {file_quote(key, source, index, keys) for key, source, keys in filed}


def group_sources(group: str, index: LinkIndex, documents: Collection[str] | None = None) -> list[QuoteSource]:
    """The quotes of one group (or of those among ``documents``), speakers mapped to corpus identities."""
    keys = _members(group, index)
    if documents is not None:
        keys = [k for k in keys if k.rsplit(":", 1)[0] in documents]
    stored = {k: d for k, d in index.records("quote", keys).items() if d["group"] == group}
    entity_map = index.entity_map(sorted({d["doc"] for d in stored.values()}))
    return [_stored_source(k, stored[k], entity_map) for k in sorted(stored)]


def merged_quote(sources: list[QuoteSource]) -> QuoteGroup | None:
    """One quote from its sources when they span two or more documents, else None."""
    if len({s.document for s in sources}) < 2:
        return None
    return _group(unify_speakers(sources))


def quote_group(group: str, index: LinkIndex) -> QuoteGroup | None:
    """The merged quote of a group found in two or more documents (None for a quote found once)."""
    record = index.records("qgroup", [group]).get(group)
    if record is None or record["documents"] < 2:
        return None
    return merged_quote(group_sources(group, index))


def document_quote_groups(doc_ids: Collection[str], index: LinkIndex) -> list[QuoteGroup]:
    """The quotes repeated among the given documents (a story), each with only those documents' sources."""
    docs = index.records("doc", list(doc_ids))
    stored = index.records("quote", [k for d in docs.values() for k in d.get("quotes", [])])
    by_group: dict[str, list[str]] = defaultdict(list)
    for key, data in stored.items():
        by_group[data["group"]].append(key)
    entity_map = index.entity_map(sorted(docs))
    found = []
    for _, keys in sorted(by_group.items()):
        if len({stored[k]["doc"] for k in keys}) >= 2:
            merged = merged_quote([_stored_source(k, stored[k], entity_map) for k in sorted(keys)])
            if merged is not None:
                found.append(merged)
    return found


def _drop_group_output(record: Mapping[str, Any], index: LinkIndex) -> None:
    if record.get("out"):
        index.delete_output("quote_group", record["out"])


def _read_groups(groups: Sequence[str], index: LinkIndex) -> None:
    """Read what merging these groups needs in a few lookups (records, members, their documents' identities),
    so that merging each group finds it read (a store's index reads each key once per session)."""
    found = index.records("qgroup", groups)
    shared = [g for g, record in found.items() if record["documents"] >= 2]
    keys = [k for members in index.postings("qm", shared).values() for k in members]
    index.entity_map(sorted({data["doc"] for data in index.records("quote", keys).values()}))


def refresh_quote_groups(groups: Iterable[str], index: LinkIndex) -> None:
    """Write the merged quote of every changed group (and drop outputs that changed id or vanished)."""
    _read_groups(sorted(set(groups)), index)
    for group in sorted(set(groups)):
        found = index.records("qgroup", [group])
        if group not in found:
            continue
        merged = quote_group(group, index)
        record = found[group]
        if record.get("out") and (merged is None or merged.id != record["out"]):
            _drop_group_output(record, index)
        if merged is not None:
            index.put_output("quote_group", merged.id, merged, [s.document for s in merged.sources])
        if (merged.id if merged else None) != record.get("out"):
            index.put_record("qgroup", group, {**record, "out": merged.id if merged else None})


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
    items: Iterable[tuple[Document, Annotations]], entity_map: Mapping[str, str]
) -> tuple[list[QuoteGroup], list[Discrepancy]]:
    """Group the quotes repeated across documents; report groups whose sources disagree on the speaker.

    Only quotes found in two or more documents form a group.  A group's text is
    its fullest version; its speaker is the one all attributed sources agree on,
    else None (with a ``speaker`` discrepancy).  The one-shot form of what
    corpus linking does incrementally with :func:`file_document_quotes`.
    """
    index = MemoryIndex()
    per_doc: dict[str, dict[str, str]] = defaultdict(dict)
    for key, entity in entity_map.items():
        doc_id, local = key.rsplit(":", 1)
        per_doc[doc_id][local] = entity
    touched: set[str] = set()
    for doc, ann in items:
        index.set_entity_map(doc.id, per_doc.get(doc.id, {}))
        touched |= file_document_quotes(doc, ann, index)[1]
    groups, discrepancies = [], []
    for group in sorted(touched):
        sources = unify_speakers(group_sources(group, index))
        if len({s.document for s in sources}) >= 2:
            groups.append(_group(sources))
            found = speaker_discrepancy(sources)
            if found is not None:
                discrepancies.append(found)
    return sorted(groups, key=lambda g: g.id), sorted(discrepancies, key=lambda d: d.id)

