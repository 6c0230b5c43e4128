"""Document-level corpus linking in one incremental call.

:func:`link_documents` takes new annotated documents and the state of earlier
calls, and returns the linking of the whole corpus seen so far (duplicates and
versions, copied passages, stories, storylines) plus the next state.  New
documents are processed in publication order (undated last, in ingest order);
earlier documents are never re-clustered, and every lookup goes through an index
(LSH bands, fingerprint postings, story term postings), so a call costs time in
proportion to the new documents, plus one linear pass to rebuild the LSH buckets.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from storyline.link import duplicates, reuse, stories, storylines
from storyline.link.duplicates import DuplicateIndex, DuplicateProfile
from storyline.link.reuse import PassageIndex, PassageProfile
from storyline.link.stories import StoryIndex, StoryParams
from storyline.link.storylines import StorylineLink
from storyline.model import Annotations, Document, DocumentLink, Reuse, Story, Storyline, from_dict, to_dict

__all__ = ["DocumentLinking", "LinkState", "link_documents"]

STATE_VERSION = 1
MAX_REUSE_CANDIDATES = 30


@dataclass
class LinkState:
    """Everything needed to continue linking incrementally; JSON-serialisable via :meth:`to_json`."""

    order: list[str] = field(default_factory=list)  # document ids in processing order
    fingerprints: dict[str, DuplicateProfile] = field(default_factory=dict)
    passages: dict[str, PassageProfile] = field(default_factory=dict)
    passage_index: PassageIndex = field(default_factory=PassageIndex)
    story_index: StoryIndex = field(default_factory=StoryIndex)
    storyline_links: list[StorylineLink] = field(default_factory=list)
    document_links: list[DocumentLink] = field(default_factory=list)
    reuse: list[Reuse] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "version": STATE_VERSION,
            "order": list(self.order),
            "fingerprints": [duplicates.profile_to_json(self.fingerprints[d]) for d in self.order],
            "passages": [reuse.profile_to_json(self.passages[d]) for d in self.order],
            "passage_postings": self.passage_index.postings,
            "stories": stories.index_to_json(self.story_index),
            "storyline_links": [[link.a, link.b, link.score] for link in self.storyline_links],
            "document_links": to_dict(self.document_links),
            "reuse": to_dict(self.reuse),
        }

    def copy(self) -> LinkState:
        """A copy that linking can extend without touching this one (profiles are shared: never mutated)."""
        return LinkState(
            order=list(self.order),
            fingerprints=dict(self.fingerprints),
            passages=dict(self.passages),
            passage_index=PassageIndex({k: list(v) for k, v in self.passage_index.postings.items()}),
            story_index=copy.deepcopy(self.story_index),
            storyline_links=list(self.storyline_links),
            document_links=list(self.document_links),
            reuse=list(self.reuse),
        )

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> LinkState:
        version = data.get("version")
        if version != STATE_VERSION:
            raise ValueError(
                f"link state has version {version!r}, this storyline reads version {STATE_VERSION}: "
                "relink the corpus from its documents to rebuild the state"
            )
        fingerprints = [duplicates.profile_from_json(p) for p in data["fingerprints"]]
        passages = [reuse.profile_from_json(p) for p in data["passages"]]
        return cls(
            order=list(data["order"]),
            fingerprints={p.id: p for p in fingerprints},
            passages={p.id: p for p in passages},
            passage_index=PassageIndex({k: list(v) for k, v in data["passage_postings"].items()}),
            story_index=stories.index_from_json(data["stories"]),
            storyline_links=[StorylineLink(a, b, float(s)) for a, b, s in data["storyline_links"]],
            document_links=[from_dict(DocumentLink, d) for d in data["document_links"]],
            reuse=[from_dict(Reuse, r) for r in data["reuse"]],
        )


@dataclass
class DocumentLinking:
    """Result of one incremental call, covering the whole corpus seen so far."""

    document_links: list[DocumentLink]
    reuse: list[Reuse]
    reuse_share: dict[str, float]
    stories: list[Story]
    storylines: list[Storyline]


def publication_order(items: Sequence[tuple[Document, Annotations]]) -> list[tuple[Document, Annotations]]:
    """Dated documents by date, then undated ones, each in ingest order."""
    keyed = [(stories.day_number(doc.published), i, (doc, ann)) for i, (doc, ann) in enumerate(items)]
    keyed.sort(key=lambda k: (k[0] is None, k[0] or 0, k[1]))
    return [item for _, _, item in keyed]


def _fresh(
    items: Sequence[tuple[Document, Annotations]], state: LinkState
) -> list[tuple[Document, Annotations]]:
    seen = set(state.order)
    fresh = []
    for doc, ann in items:
        if doc.id not in seen:
            seen.add(doc.id)
            fresh.append((doc, ann))
    return fresh


def _find_reuse(profile: PassageProfile, state: LinkState) -> list[Reuse]:
    found: list[Reuse] = []
    for other_id in state.passage_index.candidates(profile)[:MAX_REUSE_CANDIDATES]:
        first, second = duplicates.earlier_first(state.fingerprints[other_id], state.fingerprints[profile.id])
        src, dst = state.passages[first.id], state.passages[second.id]
        found.extend(reuse.align_passages(src.tokens(), dst.tokens(), src.id, dst.id))
    state.passage_index.add(profile)
    return found


def _forced_story(links: list[DocumentLink], doc_id: str, index: StoryIndex) -> str | None:
    """The story of an earlier document this one duplicates or rewrites."""
    for link in sorted(links, key=lambda k: -k.similarity):
        other = link.a if link.b == doc_id else link.b
        if other in index.assignment:
            return index.assignment[other]
    return None


def _add_document(
    doc: Document, ann: Annotations, state: LinkState, dup_index: DuplicateIndex, params: StoryParams
) -> str:
    """Link one new document into the state; returns its story id."""
    fingerprint = duplicates.profile_document(doc, len(state.order))
    state.fingerprints[doc.id] = fingerprint
    state.order.append(doc.id)
    links = duplicates.link_new_document(fingerprint, dup_index, state.fingerprints)
    state.document_links.extend(links)
    state.passages[doc.id] = reuse.profile_passages(doc)
    state.reuse.extend(_find_reuse(state.passages[doc.id], state))
    features = stories.document_features(doc, ann, params)
    return stories.add_document(
        features, state.story_index, params, _forced_story(links, doc.id, state.story_index)
    )


def link_documents(
    new: list[tuple[Document, Annotations]], state: LinkState | None = None
) -> tuple[DocumentLinking, LinkState]:
    """Link new documents into the corpus; returns the full current linking and the next state.

    The given ``state`` is not modified.
    """
    state = state.copy() if state is not None else LinkState()
    params = stories.story_params()
    dup_index = DuplicateIndex()
    for doc_id in state.order:
        dup_index.add(state.fingerprints[doc_id])
    touched = {
        _add_document(doc, ann, state, dup_index, params)
        for doc, ann in publication_order(_fresh(new, state))
    }
    state.storyline_links = storylines.update_links(state.storyline_links, touched, state.story_index)
    return current_linking(state), state


def current_linking(state: LinkState) -> DocumentLinking:
    """The linking of everything in ``state``."""
    lines = storylines.group_storylines(state.storyline_links, state.story_index)
    lengths = {doc_id: state.passages[doc_id].length for doc_id in state.order}
    return DocumentLinking(
        document_links=list(state.document_links),
        reuse=list(state.reuse),
        reuse_share=reuse.reuse_share(state.reuse, lengths),
        stories=stories.stories_of(state.story_index, storylines.storyline_of(lines)),
        storylines=lines,
    )
