"""Corpus linking, incremental: new documents are filed in a link index, then changed stories are refreshed.

Two steps, each pure over a :class:`~storyline.link.index.LinkIndex`:

1. :func:`link_new` files documents not linked before, in publication order:
   duplicates and versions, copied passages, their story; then the identities
   of their people, organisations and places, and their quotes.  Stories that
   gained a document (or whose documents' identities moved) are marked *dirty*,
   and so are the quote groups that grew.
2. :func:`refresh` brings the outputs of dirty quote groups and stories up to
   date: merged quotes, storylines, the story rows, merged timelines and
   discrepancies.

Work per call grows with the new documents and the stories they touch, never
with the whole corpus; ``storyline.api.link_store`` runs step 1 in batches, one
transaction each, so memory stays bounded too.  :func:`link_corpus` does both
steps over a :class:`~storyline.link.index.MemoryIndex` for a list of documents.
"""

from __future__ import annotations

from collections.abc import Sequence

from storyline.link.discrepancies import find_discrepancies
from storyline.link.documents import link_document, publication_order
from storyline.link.identity_updates import identities_of, resolve_new_identities
from storyline.link.index import Item, LinkIndex, MemoryIndex
from storyline.link.quotes import document_quote_groups, file_document_quotes, refresh_quote_groups
from storyline.link.stories import StoryBook, StoryProfile, stories_of
from storyline.link.story_features import StoryParams
from storyline.link.storylines import update_storylines
from storyline.link.timeline import story_timeline
from storyline.model import CorpusLinks, Timeline

__all__ = ["link_corpus", "link_new", "refresh"]

LINKED_KEY = "linked"  # count of documents linked so far (their linking order)


def link_new(items: Sequence[Item], index: LinkIndex, params: StoryParams | None = None) -> set[str]:
    """File the documents of ``items`` not linked before; returns the stories marked dirty."""
    known = index.records("doc", [doc.id for doc, _ in items])
    fresh = [(doc, ann) for doc, ann in publication_order(items) if doc.id not in known]
    fresh = list({doc.id: (doc, ann) for doc, ann in fresh}.values())
    if not fresh:
        return set()
    book = StoryBook(index, params)
    order = index.counts("meta", [LINKED_KEY])[LINKED_KEY]
    dirty = {link_document(doc, ann, order + i, book.index, book) for i, (doc, ann) in enumerate(fresh)}
    index.add_counts("meta", [LINKED_KEY], len(fresh))
    moved = resolve_new_identities(fresh, index)
    groups: set[str] = set()
    for doc, ann in fresh:
        groups |= file_document_quotes(doc, ann, index)[1]
    if moved:
        moved_docs = index.records("doc", sorted(moved))
        dirty |= {d["story"] for d in moved_docs.values()}
        groups |= _groups_of([k for d in moved_docs.values() for k in d.get("quotes", [])], index)
    for group in groups:
        index.put_record("qdirty", group, True)
    for story_id in dirty:
        index.put_record("dirty", story_id, True)
    return dirty


def _groups_of(quote_keys: Sequence[str], index: LinkIndex) -> set[str]:
    return {q["group"] for q in index.records("quote", list(quote_keys)).values()}


def refresh(index: LinkIndex, params: StoryParams | None = None, limit: int | None = None) -> int:
    """Bring outputs up to date: changed quote groups first, then dirty stories; returns how many were done.

    At most ``limit`` groups or stories per call, so a caller can spread the work over transactions.
    A group or story is refreshed once per linking run, however many batches touched it.
    """
    groups = index.record_ids("qdirty")[:limit]
    if groups:
        refresh_quote_groups(groups, index)
        for group in groups:
            index.delete_record("qdirty", group)
        return len(groups)
    dirty = index.record_ids("dirty")[:limit]
    if not dirty:
        return 0
    book = StoryBook(index, params)
    change = update_storylines(dirty, book)
    for old in change.retired:
        index.delete_output("storyline", old)
    for line in change.storylines:
        index.put_output("storyline", line.id, line, [])
    line_of = {story: line.id for line in change.storylines for story in line.stories}
    for story_id in sorted(change.stories | set(dirty)):
        profile = book.get([story_id])[story_id]
        if profile.storyline != line_of.get(story_id):
            profile.storyline = line_of.get(story_id)
            book.save(profile)
        index.put_output("story", story_id, profile.as_story(), profile.documents)
    for story_id in dirty:
        refresh_story_facts(book.get([story_id])[story_id], index)
        index.delete_record("dirty", story_id)
    return len(dirty)


def refresh_story_facts(profile: StoryProfile, index: LinkIndex) -> None:
    """A story's merged timeline and its discrepancies, replacing the previous ones."""
    story = profile.as_story()
    items = index.annotated(story.documents)
    entity_map = index.entity_map(story.documents)
    events = story_timeline(story, items, entity_map)
    index.put_output("timeline", story.id, Timeline(story.id, events), story.documents)
    found = find_discrepancies(story, items, entity_map, document_quote_groups(story.documents, index), events)
    previous = index.records("sdisc", [story.id]).get(story.id, [])
    for old in set(previous) - {d.id for d in found}:
        index.delete_output("discrepancy", old)
    for disc in found:
        index.put_output("discrepancy", disc.id, disc, [s.document for s in disc.spans])
    index.put_record("sdisc", story.id, sorted({d.id for d in found}))


def link_corpus(items: Sequence[Item], index: MemoryIndex | None = None,
                params: StoryParams | None = None) -> tuple[CorpusLinks, MemoryIndex]:
    """Link ``items`` (those not in ``index`` yet) and refresh; returns every link and the index to continue with."""
    index = index.copy() if index is not None else MemoryIndex()
    index.remember(items)
    link_new(items, index, params)
    while refresh(index, params):
        pass
    return collect_links(index), index


def collect_links(index: MemoryIndex) -> CorpusLinks:
    """Everything a memory index holds, as model objects (its outputs are the objects linking wrote)."""
    stories = stories_of(StoryProfile.from_json(d) for d in index.records_["story"].values())
    timelines: list[Timeline] = index.output_payloads("timeline")
    entity_map = index.entity_map(list(index.entity_map_))
    return CorpusLinks(
        entities=identities_of(index.records_["entity"].values(), entity_map, index.items_.values()),
        entity_map=entity_map,
        stories=stories,
        storylines=index.output_payloads("storyline"),
        reuse=index.output_payloads("reuse"),
        document_links=index.output_payloads("document_link"),
        quote_groups=index.output_payloads("quote_group"),
        discrepancies=sorted(index.output_payloads("discrepancy"), key=lambda d: (d.kind, d.id)),
        timelines={t.story: t.events for t in timelines},
        reuse_share={d: index.reuse_shares.get(d, 0.0) for d in index.linked_ids()},
    )
