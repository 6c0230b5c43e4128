"""The Python API that the CLI mirrors: one function per command, I/O at this edge only."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import BinaryIO

from storyline.annotate.pipeline import make_pipeline
from storyline.export import timeline_event_record
from storyline.ingest import IngestOptions
from storyline.ingest.batch import IngestReport, IngestSettings, ProgressCallback, ingest_sources
from storyline.link.corpus import CorpusState, duplicate_targets, link_corpus
from storyline.model import CorpusLinks
from storyline.store import Store

STATE_KEY = "link_state"


@dataclass
class LinkSummary:
    documents: int
    new_documents: int
    stories: int
    storylines: int
    entities: int
    reuse: int
    discrepancies: int


def open_store(db: str | Store | None = None) -> Store:
    """A Store from a path, URL or an already open Store."""
    return db if isinstance(db, Store) else Store(db)


def ingest(
    sources: Iterable[str],
    db: str | Store | None = None,
    *,
    follow: bool = False,
    allow_private: bool = False,
    max_bytes: int | None = None,
    jobs: int = 1,
    model: str | None = None,
    link: bool = True,
    progress: ProgressCallback | None = None,
    stdin: BinaryIO | None = None,
) -> IngestReport:
    """Ingest files, directories, globs, URLs or '-' into the store, annotate, then link new documents."""
    store = open_store(db)
    options = IngestOptions(follow=follow, allow_private=allow_private)
    if max_bytes is not None:
        options = IngestOptions(follow=follow, allow_private=allow_private, max_bytes=max_bytes)
    settings = IngestSettings(options=options, jobs=max(1, jobs), model=model)
    report = ingest_sources(store, sources, settings, progress=progress, stdin=stdin)
    if link and report.added:
        link_store(store)
    return report


def annotate(
    db: str | Store | None = None,
    ids: Iterable[str] | None = None,
    model: str | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Re-annotate stored documents (all, or the given ids) with the current pipeline."""
    store = open_store(db)
    pipeline = make_pipeline(model)
    wanted = list(ids) if ids is not None else None
    total = len(wanted) if wanted is not None else store.count_documents()
    done = 0
    for doc in store.iter_documents(wanted):
        store.save_annotations(pipeline(doc))
        done += 1
        if progress:
            progress(done, total)
    return done


def link_store(db: str | Store | None = None, rebuild: bool = False) -> LinkSummary:
    """Refresh corpus links; only documents not linked before enter the document index."""
    store = open_store(db)
    state = CorpusState() if rebuild else CorpusState.from_json(store.get_state(STATE_KEY))
    items = list(store.iter_annotated())
    links, next_state = link_corpus(items, state)
    save_links(store, links, [doc.id for doc, _ in items])
    store.set_state(STATE_KEY, next_state.to_json())
    return LinkSummary(
        documents=len(items),
        new_documents=len(items) - len(state.linked or []),
        stories=len(links.stories),
        storylines=len(links.storylines),
        entities=len(links.entities),
        reuse=len(links.reuse),
        discrepancies=len(links.discrepancies),
    )


def save_links(store: Store, links: CorpusLinks, order: list[str]) -> None:
    """Write every kind of corpus link, replacing the previous ones."""
    store.replace_links("entity", ((e.id, _entity_payload(e), [r.document for r in e.roles] +
                                    [m[0] for m in e.members]) for e in links.entities))
    store.replace_links("story", ((s.id, s, s.documents) for s in links.stories))
    store.replace_links("storyline", ((s.id, s, []) for s in links.storylines))
    store.replace_links("reuse", ((f"{i:07d}", r, [r.a, r.b]) for i, r in enumerate(links.reuse)))
    store.replace_links("document_link", ((f"{i:07d}", d, [d.a, d.b]) for i, d in enumerate(links.document_links)))
    store.replace_links("quote_group", ((g.id, g, [s.document for s in g.sources]) for g in links.quote_groups))
    store.replace_links("discrepancy", ((d.id, d, [s.document for s in d.spans]) for d in links.discrepancies))
    store.replace_links(
        "timeline",
        (
            (story_id, {"story": story_id, "events": [timeline_event_record(ev, story_id) for ev in events]},
             [ev.id.split(":", 1)[0] for ev in events])
            for story_id, events in links.timelines.items()
        ),
    )
    store.set_state("entity_map", links.entity_map)
    store.set_document_links(duplicate_targets(links, order))


def _entity_payload(entity: object) -> dict[str, object]:
    from storyline.model import to_dict

    data = to_dict(entity)
    data["mentions"] = len(data.pop("members", []))
    return data
