"""Corpus linking, incremental: new documents are filed in a link index, then changed stories are refreshed.

Two steps, each pure over a :class:`~storyline.link.index.LinkIndex`:

1. :func:`link_new` files documents not linked before, in publication order:
   duplicates and versions, copied passages, their story; then the identities
   of their people, organisations and places, and their quotes.  Stories that
   gained a document (or whose documents' identities moved) are marked *dirty*,
   and so are the quote groups that grew.
2. :func:`refresh` brings the outputs of dirty quote groups and stories up to
   date: merged quotes, storylines, the story rows, merged timelines and
   discrepancies; the evidence of the storylines they changed comes last, once
   per storyline however many calls changed its stories.

Work per call grows with the new documents and the stories they touch, never
with the whole corpus; ``storyline.api.link_store`` runs step 1 in batches, one
transaction each, so memory stays bounded too.  :func:`link_corpus` does both
steps over a :class:`~storyline.link.index.MemoryIndex` for a list of documents.
"""

from __future__ import annotations

from collections.abc import Sequence

from storyline.link.discrepancies import find_discrepancies
from storyline.link.fingerprint import MINHASH_SCHEME
from storyline.link.documents import link_document, publication_order
from storyline.link.duplicates import prefetch_buckets, profile_document
from storyline.link.identity_updates import identities_of, resolve_new_identities
from storyline.link.index import Item, LinkIndex, MemoryIndex
from storyline.link.reuse import prefetch_fingerprints
from storyline.link.quotes import document_quote_groups, file_new_quotes, refresh_quote_groups
from storyline.link.stories import WEEKS_COUNTED_KEY, StoryBook, StoryProfile
from storyline.link.story_regroup import PairScores, recluster
from storyline.link.story_evidence import Found, found_in_documents, story_evidence, storyline_evidence
from storyline.link.story_features import StoryParams, day_number
from storyline.link.storylines import DIRTY, update_storylines
from storyline.link.timeline import story_timeline
from storyline.model import CorpusLinks, GroupingEvidence, Story, Storyline, Timeline, from_dict, to_dict

__all__ = ["link_corpus", "link_new", "needs_relink", "refresh"]

LINKED_KEY = "linked"  # count of documents linked so far (their linking order)
STORY_MODEL_KEY = "stories-by-pairs-subgroups-lone-60d-lines-by-smaller-tallies"  # set once stories are made from
# compared document pairs, with the days their dates name, sub-groups of short pieces joined to their story, a 60-day burst
# horizon and storylines linked by the share of the smaller story's central names (this version: an index linked
# before grouped its stories or storylines by other rules, and is linked again; links kept from the earlier
# storyline rule would otherwise stay beside the new rule's; features stored before this one read no result or
# tally, "31-24", as a figure)
MINHASH_KEY = f"minhash-{MINHASH_SCHEME}"  # set once duplicate signatures use the pinned MinHash scheme
STORYLINE_SAMPLE = 3  # documents of each story read to explain a storyline (its earliest)
GROUPS_PER_STORY = 10  # quote groups refreshed per call for each story allowed (a group is a few quotes)
LINE_DIRTY = "ldirty"  # storylines written without their evidence (explained once no dirty story is left)
# record kinds of the outputs waiting for a refresh: an interrupted run leaves them for the next one
WAITING = ("qdirty", DIRTY, LINE_DIRTY)
REFRESH_DOCUMENTS = 3000  # documents regrouped per refresh call at most (then the next call goes on)


def link_new(items: Sequence[Item], index: LinkIndex, params: StoryParams | None = None) -> set[str]:
    """File the documents of ``items`` not linked before; returns the stories marked dirty."""
    known = index.records("doc", [doc.id for doc, _ in items])
    fresh = [(doc, ann) for doc, ann in publication_order(items) if doc.id not in known]
    fresh = list({doc.id: (doc, ann) for doc, ann in fresh}.values())
    if not fresh:
        return set()
    order = index.counts("meta", [LINKED_KEY])[LINKED_KEY]
    if order == 0:
        index.add_counts("meta", [STORY_MODEL_KEY, MINHASH_KEY, WEEKS_COUNTED_KEY])
    book = StoryBook(index, params)
    prefetch_fingerprints([doc for doc, _ in fresh], index)
    profiles = [profile_document(doc, order + i) for i, (doc, _) in enumerate(fresh)]
    prefetch_buckets(profiles, index)
    dirty = {link_document(doc, ann, order + i, book.index, book, profile)
             for i, ((doc, ann), profile) in enumerate(zip(fresh, profiles))}
    index.add_counts("meta", [LINKED_KEY], len(fresh))
    moved = resolve_new_identities(fresh, index)
    groups = file_new_quotes(fresh, index)
    if moved:
        moved_docs = index.records("doc", sorted(moved))
        dirty |= {d["story"] for d in moved_docs.values()}
        groups |= _groups_of([k for d in moved_docs.values() for k in d.get("quotes", [])], index)
    for group in groups:
        index.put_record("qdirty", group, True)
    for story_id in dirty:
        index.put_record(DIRTY, story_id, True)
    return dirty


def needs_relink(index: LinkIndex) -> bool:
    """Whether the index holds stories linked by an earlier version (before stories were grouped from
    compared document pairs with the days their dates name, or before the MinHash scheme was pinned: datasketch 2.0's default signatures
    cannot be compared with pinned ones): they cannot be extended, and the corpus must be linked again."""
    found = index.counts("meta", [LINKED_KEY, STORY_MODEL_KEY, MINHASH_KEY])
    return found[LINKED_KEY] > 0 and (found[STORY_MODEL_KEY] == 0 or found[MINHASH_KEY] == 0)


def _groups_of(quote_keys: Sequence[str], index: LinkIndex) -> set[str]:
    return {q["group"] for q in index.records("quote", list(quote_keys)).values()}


def refresh(index: LinkIndex, params: StoryParams | None = None, limit: int | None = None,
            scored: PairScores | None = None) -> int:
    """Bring outputs up to date: changed quote groups first, then dirty stories, then the evidence of the
    storylines they changed; returns how many were done (0: all up to date).

    At most ``limit`` stories (or ``GROUPS_PER_STORY`` times as many quote groups) per call, and stories
    whose neighbourhoods hold at most ``REFRESH_DOCUMENTS`` documents, so a caller can spread the work over
    transactions.
    A group or story is refreshed once per linking run, however many batches touched it. A caller
    refreshing in several calls passes the same ``scored`` to each, so that no pair is scored twice.
    """
    groups = index.record_ids("qdirty")[: limit * GROUPS_PER_STORY if limit is not None else None]
    if groups:
        refresh_quote_groups(groups, index)
        for group in groups:
            index.delete_record("qdirty", group)
        return len(groups)
    dirty = index.record_ids(DIRTY)[:limit]
    if dirty:
        return _refresh_stories(dirty, StoryBook(index, params), scored)
    return _explain_storylines(index.record_ids(LINE_DIRTY)[:limit], StoryBook(index, params))


def _refresh_stories(dirty: Sequence[str], book: StoryBook, scored: PairScores | None) -> int:
    """Regroup the dirty stories' neighbourhoods, refresh the facts of the stories that changed and the
    storylines they are in (explained later: see :func:`_explain_storylines`); returns how many were done."""
    index = book.index
    change = recluster(dirty, book, REFRESH_DOCUMENTS, scored)
    for story_id in sorted(change.touched | change.done):
        index.delete_record(DIRTY, story_id)
    for story_id in sorted(change.retired):
        retire_story_outputs(story_id, index)
    for profile in book.get(sorted((change.changed | change.done) - change.retired)).values():
        refresh_story_facts(profile, book)
    lines = update_storylines(change.touched, book)
    for old in sorted((lines.retired | change.storylines) - {line.id for line in lines.storylines}):
        index.delete_output("storyline", old)
        index.delete_record(LINE_DIRTY, old)
    for line in lines.storylines:
        index.put_output("storyline", line.id, line, [])  # explained once no dirty story is left
        index.put_record(LINE_DIRTY, line.id, to_dict(line))
    line_of = {story: line.id for line in lines.storylines for story in line.stories}
    rewritten = book.get(sorted((lines.stories | change.changed | change.done) - change.retired))
    evidence = index.records("sevid", list(rewritten))
    for profile in rewritten.values():
        if profile.storyline != line_of.get(profile.id):
            profile.storyline = line_of.get(profile.id)
            book.save(profile)
        story = profile.as_story()
        story.evidence = [from_dict(GroupingEvidence, e) for e in evidence.get(profile.id, [])]
        index.put_output("story", profile.id, story, profile.documents)
    return len(change.done)


def _explain_storylines(line_ids: Sequence[str], book: StoryBook) -> int:
    """Write why the stories of each storyline belong together, once none of its stories is dirty: a storyline
    whose stories changed in several refresh calls is explained once (from its stories as they end up)."""
    for line_id, data in sorted(book.index.records(LINE_DIRTY, line_ids).items()):
        line = from_dict(Storyline, data)
        line.evidence = explain_storyline(line, book)
        book.index.put_output("storyline", line.id, line, [])
        book.index.delete_record(LINE_DIRTY, line_id)
    return len(line_ids)


def retire_story_outputs(story_id: str, index: LinkIndex) -> None:
    """Delete a retired story's row, timeline, discrepancies and evidence."""
    index.delete_output("story", story_id)
    index.delete_output("timeline", story_id)
    for old in index.records("sdisc", [story_id]).get(story_id, []):
        index.delete_output("discrepancy", old)
    index.delete_record("sdisc", story_id)
    index.delete_record("sevid", story_id)


def refresh_story_facts(profile: StoryProfile, book: StoryBook) -> None:
    """A story's merged timeline, its discrepancies and why its documents belong together (``sevid``)."""
    index = book.index
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
    ordered = [items[d] for d in story.documents if d in items]
    shared = found_in_documents(ordered, entity_map)
    index.put_record("sevid", story.id, to_dict(story_evidence(ordered, shared, rarity(shared, book))))


def rarity(found: Sequence[Found], book: StoryBook) -> dict[str, float]:
    """The idf of the names and phrases among ``found`` (what ranks evidence shared by as many members)."""
    return dict(book.idf({f.key for f in found if f.key[0] in "@~"}).weights)


def explain_storyline(line: Storyline, book: StoryBook) -> list[GroupingEvidence]:
    """Why a storyline's stories belong together, read from the first documents of each."""
    profiles = book.get(line.stories)
    picked = {s: profiles[s].documents[:STORYLINE_SAMPLE] for s in line.stories if s in profiles}
    docs = [d for ids in picked.values() for d in ids]
    items, entity_map = book.index.annotated(docs), book.index.entity_map(docs)
    stories = []
    for story_id, ids in picked.items():
        chosen = [items[d] for d in ids if d in items]
        stories.append((story_id, chosen, found_in_documents(chosen, entity_map)))
    return storyline_evidence(stories, rarity([f for _, _, found in stories for f in found], book))


def link_corpus(items: Sequence[Item], index: MemoryIndex | None = None,
                params: StoryParams | None = None) -> tuple[CorpusLinks, MemoryIndex]:
    """Link ``items`` (those not in ``index`` yet) and refresh; returns every link and the index to continue with."""
    index = index.copy() if index is not None else MemoryIndex()
    index.remember(items)
    link_new(items, index, params)
    scored = PairScores()
    while refresh(index, params, scored=scored):
        pass
    return collect_links(index), index


def in_date_order(stories: list[Story]) -> list[Story]:
    """Stories in order of first date (undated last), then id."""
    return sorted(stories, key=lambda s: (day_number(s.first_date) is None, day_number(s.first_date) or 0, s.id))


def collect_links(index: MemoryIndex) -> CorpusLinks:
    """Everything a memory index holds, as model objects (its outputs are the objects linking wrote)."""
    stories = in_date_order(index.output_payloads("story"))
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
