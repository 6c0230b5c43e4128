"""Document-level linking of one new document: duplicates and versions, copied passages, its story.

:func:`link_document` files a document in the link index and writes what it
finds (document links, copied passages, reuse shares, duplicate targets) as
outputs; every lookup goes through the index (``dup`` buckets, ``pas``
fingerprints, active stories), so the cost of a document does not grow with the
corpus.  Documents are linked in publication order (undated last, in ingest
order); its story is provisional until the stories are refreshed
(:func:`storyline.link.story_regroup.recluster`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from storyline.link import duplicates, reuse, stories
from storyline.link.index import Item, LinkIndex
from storyline.link.stories import StoryBook
from storyline.link.story_features import day_number, document_features
from storyline.model import Annotations, Document, DocumentLink, Reuse

__all__ = ["link_document", "publication_order"]


def publication_order(items: Sequence[Item]) -> list[Item]:
    """Dated documents by date, then undated ones, each in ingest order."""
    keyed = [(day_number(doc.published), i, (doc, ann)) for i, (doc, ann) in enumerate(items)]
    keyed.sort(key=lambda k: (k[0] is None, k[0] or 0, k[1]))
    return [item for _, _, item in keyed]


def reuse_id(passage: Reuse) -> str:
    """A stable id for a copied passage."""
    seed = f"{passage.a}:{passage.a_start}:{passage.a_end}|{passage.b}:{passage.b_start}:{passage.b_end}"
    return "R" + hashlib.sha1(seed.encode("utf8")).hexdigest()[:15].upper()


def _record_links(doc_id: str, order: int, links: list[DocumentLink], index: LinkIndex) -> None:
    """Write document links, and point the new document at the earliest document it duplicates."""
    for link in links:
        index.put_output("document_link", f"{link.a}:{link.b}", link, [link.a, link.b])
    twins = [link.a if link.b == doc_id else link.b for link in links if link.kind == "duplicate"]
    if twins:
        known = duplicates.profiles(index, twins)
        earliest = min(twins, key=lambda d: (known[d].order if d in known else order, d))
        index.set_duplicate_of(doc_id, earliest)


def _record_reuse(passages: list[Reuse], index: LinkIndex) -> None:
    """Write copied passages and update the reuse share of each copying document."""
    spans: dict[str, list[list[int]]] = {}
    for passage in passages:
        index.put_output("reuse", reuse_id(passage), passage, [passage.a, passage.b])
        spans.setdefault(passage.b, []).append([passage.b_start, passage.b_end])
    if not spans:
        return
    stored = index.records("rspan", list(spans))
    lengths = duplicates.profiles(index, list(spans))
    for doc_id, new in spans.items():
        together = list(stored.get(doc_id, [])) + new
        index.put_record("rspan", doc_id, together)
        length = lengths[doc_id].length if doc_id in lengths else 0
        share = round(reuse.covered([(s, e) for s, e in together]) / length, 4) if length else 0.0
        index.set_reuse_share(doc_id, share)


def _twin(doc_id: str, links: list[DocumentLink], index: LinkIndex) -> str | None:
    """The earlier document this one duplicates or rewrites most closely (its story is this one's)."""
    ranked = sorted(links, key=lambda k: (-k.similarity, k.a, k.b))
    others = [link.a if link.b == doc_id else link.b for link in ranked]
    found = index.records("doc", others)
    return next((o for o in others if o in found), None)


def link_document(doc: Document, ann: Annotations, order: int, index: LinkIndex, book: StoryBook,
                  profile: duplicates.DuplicateProfile | None = None) -> str:
    """Link one new document (the ``order``-th linked; ``profile``: its duplicate profile, when made already);
    returns the id of the story it joined."""
    profile = profile if profile is not None else duplicates.profile_document(doc, order)
    links = duplicates.link_new_document(profile, index)
    _record_links(doc.id, order, links, index)
    features = document_features(doc, ann, book.params)
    story = stories.add_document(features, book, _twin(doc.id, links, index))
    _record_reuse(reuse.link_reuse(doc, index, book.get([story])[story].documents), index)  # the profile just saved
    quotes = [f"{doc.id}:{q.id}" for q in ann.quotes]
    index.put_record("doc", doc.id, {"order": order, "story": story, "quotes": quotes})
    return story
