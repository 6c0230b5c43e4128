"""What every read command, web page and report shows of the demo corpus, as comparable facts.

``capture(db)`` reads a demo database through the views the CLI, the web app and the reports render
(``storyline.views``) and returns plain JSON facts (ids, names, dates, spans), not layout.
``tests/fixtures/demo_0.1.0_views_golden.json`` holds what the read side showed of the 0.1.0 demo before it
moved to SQL rows (issue 17: captured from the old ``build_export`` dict and its views): an upgraded 0.1.0
database must still show it. ``tests/fixtures/demo_views_golden.json`` is the same capture of the demo as the
current pipeline builds it (regenerated when issues 15, 16, 19 and 21 changed attribution, dates, stories and
the corpus); ``tests/test_views_golden.py`` compares the views with it.

Facts are kept in a canonical form where the new pages deliberately show them differently, so
the comparison is about facts, not layout:

- a story's quotes are listed once with every document carrying them: the facts compared are
  each source's span under its own speaker name;
- a role is listed once with its date range: compared as (role key, first date, last date,
  mentions) per person, and every role mention (role key, document, start, date);
- claims are listed oldest first, and a story's people most quoted first: compared as sets.

Regenerate after a deliberate pipeline change (annotators, linking) with::

    python -m tests.golden_views --write
"""

from __future__ import annotations

import argparse
import hashlib
import json
import tempfile
from pathlib import Path
from typing import Any

from storyline import views
from storyline.store import Store
from storyline.store.rows import role_key
from storyline.views.records import LISTS, records
from storyline.web.highlight import document_spans

GOLDEN = Path(__file__).resolve().parent / "fixtures" / "demo_views_golden.json"
# What the read side showed of the 0.1.0 demo (the pipeline of 0.1.0): an upgraded 0.1.0 database must show it.
GOLDEN_0_1_0 = Path(__file__).resolve().parent / "fixtures" / "demo_0.1.0_views_golden.json"
SEARCHES = ("council", "misled", "minister takeover", '"school bus"', "audit")
STORY_FILTERS = (("person", "Pryce"), ("organisation", "Brackendale"), ("source", "ledger"), ("date_from", "2025"),
                 ("date_to", "2023-06"))
ALL = 100_000
Record = dict[str, Any]


def _span(row: Any) -> list[Any]:
    return [row.document, row.start, row.end]


def _export(store: Store) -> Record:
    """The export without document text (a hash of it instead, so the file stays small) or folders in sources."""
    out: Record = {"export_version": 1}
    for name in LISTS:
        out[name] = list(records(store, name))
    out["documents"] = [{**d, "text": hashlib.sha1(d["text"].encode()).hexdigest(),
                         "source": d["source"].rsplit("/", 1)[-1]} for d in out["documents"]]
    return out


def _cli(store: Store) -> Record:
    return {
        "people": {kind: [[p.id, p.name, p.quotes, p.roles, p.aliases] for p in views.people(store, kind, ALL)]
                   for kind in ("person", "organisation", "place")},
        "quotes": [[q.id, q.speaker, q.speaker_name, q.published] for q in views.quotes(store, limit=ALL)],
        "quotes_by_speaker": {name: [q.id for q in views.quotes(store, name, ALL)] for name in ("Pryce", "Shah")},
        "timeline": [[e.id, e.date, e.inferred] for e in views.timeline(store, limit=ALL)],
        "claims": sorted([c.id, c.kind, c.claimant, c.claimant_name, c.target, c.target_name]
                         for c in views.claims(store, limit=ALL)),
        "stories": [[s.id, s.title, s.first_date, s.last_date, s.size, s.storyline]
                    for s in views.stories(store, ALL)],
    }


def _quote_spans(d: views.StoryDossier) -> Record:
    """Every source of every quote of a story, under its own speaker name."""
    spans: dict[str, list[list[Any]]] = {}
    for group in d.quotes:
        for quote in group.quotes:
            for source in quote.sources:
                spans.setdefault(source.speaker_name or "(unattributed)", []).append(_span(source))
    return {k: sorted(v) for k, v in spans.items()}


def _dossier(store: Store, d: views.StoryDossier) -> Record:
    everyone = {p.id: views.person(store, p.id) for p in d.people}
    return {
        "documents": [doc.id for doc in d.documents],
        "people": sorted([p.id, everyone[p.id].summary.roles] for p in d.people if everyone[p.id]),  # type: ignore[union-attr]
        "organisations": sorted(o.id for o in d.organisations),
        "timeline": [[e.id, e.date, e.inferred] for e in d.timeline],
        "quotes_by_speaker": _quote_spans(d),
        "claims": sorted(s.id for c in d.claims for s in c.sources),  # every version's claim, each group once
        "reuse": sorted([p.original.document, p.original.start, p.original.end, p.copy.document, p.copy.start,
                         p.copy.end] for group in d.copied for p in group.passages),
        "discrepancies": sorted(x.id for x in d.discrepancies),
        "storyline": d.story.storyline,
    }


def _report(d: views.StoryDossier) -> Record:
    """What the report shows (copied passages: those between the story's own sources, as reports showed)."""
    from storyline.render.timeline_svg import numbered

    sources = {doc.id for doc in d.documents}
    return {
        "title": d.story.title,
        "sources": [doc.id for doc in d.documents],
        "events": [[e.id, e.date, n] for n, e in numbered(d.timeline)],
        "people": sorted([p.id, sorted({role_key(r.role) for r in p.roles})] for p in d.people + d.organisations),
        "quotes_by_speaker": _quote_spans(d),
        "claims": sorted(s.id for c in d.claims if c.kind in ("claim", "promise") for s in c.sources),
        "denials": sorted(s.id for c in d.claims if c.kind not in ("claim", "promise") for s in c.sources),
        "discrepancies": sorted(x.id for x in d.discrepancies),
        "reuse": sorted([p.original.document, p.original.start, p.original.end, p.copy.document, p.copy.start,
                         p.copy.end] for group in d.copied for p in group.passages
                        if {p.original.document, p.copy.document} <= sources),
    }


def _person(store: Store, entity_id: str) -> Record:
    p = views.person(store, entity_id)
    assert p is not None
    return {
        "roles": sorted([role_key(r.role), s.document, s.start, s.date] for r in p.roles for s in r.sources),
        "periods": sorted([role_key(r.role), r.first, r.last, r.mentions] for r in p.roles),
        "quotes": [q.id for q in views.quotes(store, limit=ALL) if q.speaker == entity_id],
        "claims": sorted(c.id for c in p.claims),
        "stories": [s.id for s in p.stories],
        "documents": sorted(d.id for d in p.documents),
    }


def _document_page(store: Store, doc_id: str) -> Record:
    v = views.document(store, doc_id)
    assert v is not None
    spans = document_spans(v)
    return {
        "story": v.summary.story,
        "quotes": [q.id for q in v.quotes],
        "events": [e.id for e in v.events],
        "claims": [c.id for c in v.claims],
        "marks": sorted({(s.start, s.end, " ".join(s.classes), s.href or "") for s in spans}),
    }


def _web(store: Store) -> Record:
    front = views.overview(store)
    entities = [p.id for kind in ("person", "organisation") for p in views.people(store, kind, ALL)]
    docs = views.documents(store, ALL, newest_first=True).items
    searches = {}
    for query in SEARCHES:
        found = views.search(store, query)
        searches[query] = {"hits": [h.document.id for h in found.hits],
                           "facets": {k: [[f.value, f.count] for f in v] for k, v in found.facets.items()}}
    filters = {f"{key}={value}": [s.id for s in views.stories(store, ALL, filters=views.StoryFilters(**{key: value}),
                                                               newest_first=True)]
               for key, value in STORY_FILTERS}
    return {
        "overview": {"counts": front.counts, "latest": [s.id for s in front.latest_stories],
                     "recent": [d.id for d in front.recent_documents]},
        "stories": [s.id for s in views.stories(store, ALL, newest_first=True)],
        "story_filters": filters,
        "documents": [d.id for d in docs],
        "persons": {entity_id: _person(store, entity_id) for entity_id in sorted(entities)},
        "document_pages": {d.id: _document_page(store, d.id) for d in docs},
        "searches": searches,
    }


def _merged_issues(store: Store, d: views.StoryDossier) -> Record:
    """What the merged issues added to a story's views: why it holds together (19), its unanswered claims and
    how its quotes are worded (15), its key dates (16), pages and OCR (21)."""
    key = views.key_dates(store, views.TimelineScope(story=d.story.id), 8, 1)
    return {
        "why": [[e.kind, e.value, e.documents, [_span(s) for s in e.spans]] for e in d.evidence],
        "storyline_why": [[e.kind, e.value, e.documents] for e in d.storyline_evidence],
        "unanswered": [[s.id for s in c.sources] for c in d.unanswered],
        "lines": sorted(q.line for group in d.quotes for q in group.quotes if q.act),
        "key_dates": [[k.date, k.inferred, [[s.document, s.start, s.end] for s in k.sentences]] for k in key],
        "places": sorted({d.place(s.document, s.start) for g in d.quotes for q in g.quotes for s in q.sources
                          if "page" in d.place(s.document, s.start)}),
        "machine_read": sorted(q.first.id for g in d.quotes for q in g.quotes if q.ocr),
    }


def capture(db: str) -> Record:
    """Every fact the read side shows of the database ``db``."""
    store = Store(db)
    try:
        stories = [s.id for s in views.stories(store, ALL)]
        dossiers = {s: views.story_dossier(store, s) for s in stories}
        return {
            "cli": _cli(store),
            "dossiers": {s: _dossier(store, d) for s, d in dossiers.items() if d},
            "reports": {s: _report(d) for s, d in dossiers.items() if d},
            "web": _web(store),
            "export": _export(store),
            "issues": {s: _merged_issues(store, d) for s, d in dossiers.items() if d},
        }
    finally:
        store.close()


def projected(new: Any, old: Any) -> Any:
    """``new`` with only the fields ``old`` has, at every level (the export contract allows new fields)."""
    if isinstance(old, dict) and isinstance(new, dict):
        return {k: projected(new.get(k), v) for k, v in old.items()}
    if isinstance(old, list) and isinstance(new, list) and len(old) == len(new):
        return [projected(n, o) for n, o in zip(new, old)]
    return new


def normalise(value: Any) -> Any:
    """Tuples as lists, as JSON keeps them."""
    return json.loads(json.dumps(value, ensure_ascii=False))


def dumps(value: Any, depth: int = 0) -> str:
    """JSON with one key per line and each list on one line: small, and a diff shows which fact moved."""
    if isinstance(value, dict) and value:
        pad = " " * (depth + 1)
        items = (f"{pad}{json.dumps(k, ensure_ascii=False)}: {dumps(v, depth + 1)}" for k, v in sorted(value.items()))
        return "{\n" + ",\n".join(items) + "\n" + " " * depth + "}"
    if isinstance(value, list) and value and isinstance(value[0], dict):
        pad = " " * (depth + 1)
        return "[\n" + ",\n".join(pad + json.dumps(v, ensure_ascii=False, sort_keys=True) for v in value) + "\n" + " " * depth + "]"
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="write tests/fixtures/demo_views_golden.json")
    args = parser.parse_args()
    from storyline.demo.load import load_demo

    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "demo.db")
        load_demo(db)[1].close()
        facts = normalise(capture(db))
    text = dumps(facts) + "\n"
    if args.write:
        GOLDEN.write_text(text, encoding="utf-8")
        print(f"wrote {GOLDEN}")
    else:
        print(text)


if __name__ == "__main__":
    main()
