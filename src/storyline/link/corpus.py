"""Corpus linking in one call: documents, identities, merged quotes, timelines, discrepancies.

Pure: takes annotated documents and the previous link state, returns
:class:`~storyline.model.CorpusLinks` and the next state. The store-facing
wrapper is :func:`storyline.api.link`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from storyline.link.discrepancies import find_discrepancies
from storyline.link.documents import LinkState, link_documents
from storyline.link.identity import resolve_identities
from storyline.link.quotes import merge_quotes
from storyline.link.timeline import story_timeline
from storyline.model import Annotations, CorpusEntity, CorpusLinks, Document, from_dict, to_dict

Item = tuple[Document, Annotations]


@dataclass
class CorpusState:
    """What linking keeps between runs."""

    documents: LinkState | None = None
    linked: list[str] | None = None  # ids already given to link_documents, in order
    entities: list[CorpusEntity] | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "documents": self.documents.to_json() if self.documents else None,
            "linked": self.linked or [],
            "entities": to_dict(self.entities or []),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any] | None) -> CorpusState:
        if not data:
            return cls()
        docs = data.get("documents")
        return cls(
            documents=LinkState.from_json(docs) if docs else None,
            linked=list(data.get("linked") or []),
            entities=[from_dict(CorpusEntity, e) for e in data.get("entities") or []],
        )


def link_corpus(items: Sequence[Item], state: CorpusState | None = None) -> tuple[CorpusLinks, CorpusState]:
    """Link every document in ``items``; only those not in ``state`` are added to the document index."""
    state = state or CorpusState()
    seen = set(state.linked or [])
    new = [item for item in items if item[0].id not in seen]
    doc_linking, doc_state = link_documents(new, state.documents)
    entities, entity_map = resolve_identities(items, state.entities)
    quote_groups, discrepancies = merge_quotes(items, entity_map)
    by_id = {doc.id: (doc, ann) for doc, ann in items}
    timelines = {}
    for story in doc_linking.stories:
        timelines[story.id] = story_timeline(story, by_id, entity_map)
        discrepancies.extend(find_discrepancies(story, by_id, entity_map, quote_groups))
    links = CorpusLinks(
        entities=entities,
        entity_map=entity_map,
        stories=doc_linking.stories,
        storylines=doc_linking.storylines,
        reuse=doc_linking.reuse,
        document_links=doc_linking.document_links,
        quote_groups=quote_groups,
        discrepancies=_unique(discrepancies),
        timelines=timelines,
    )
    next_state = CorpusState(
        documents=doc_state, linked=(state.linked or []) + [d.id for d, _ in new], entities=entities
    )
    return links, next_state


def _unique(discrepancies: list[Any]) -> list[Any]:
    seen: set[str] = set()
    out = []
    for d in discrepancies:
        if d.id not in seen:
            seen.add(d.id)
            out.append(d)
    return out


def duplicate_targets(links: CorpusLinks, order: Sequence[str]) -> dict[str, str | None]:
    """Each document's duplicate_of: the earliest-ingested document it duplicates."""
    rank = {doc_id: i for i, doc_id in enumerate(order)}
    targets: dict[str, str | None] = {doc_id: None for doc_id in order}
    for link in links.document_links:
        if link.kind != "duplicate":
            continue
        first, second = sorted((link.a, link.b), key=lambda d: rank.get(d, len(rank)))
        current = targets.get(second)
        if current is None or rank.get(first, 0) < rank.get(current, 0):
            targets[second] = first
    return targets
