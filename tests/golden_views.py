"""What every read command, web page and report shows of the demo corpus, as comparable facts.

``capture(db)`` reads a demo database the way the CLI, the web app and the reports do and returns
plain JSON facts (ids, names, dates, spans), not layout. ``tests/fixtures/demo_views_golden.json`` holds
what the read side showed before it moved to SQL rows (issue 17); ``tests/test_views_golden.py`` compares
the current views with it.

Regenerate after a deliberate pipeline change (annotators, linking) with::

    python -m tests.golden_views --write
"""

from __future__ import annotations

import argparse
import json
import tempfile
from pathlib import Path
from typing import Any

from storyline import views
from storyline.export import build_export
from storyline.report.dossier import build_report_model
from storyline.store import Store
from storyline.web.corpus_index import (
    StoryFilters,
    build_index,
    enrich_hits,
    filter_stories,
    newest_first,
    overview,
    person_profile,
    search_facets,
)
from storyline.web.highlight import document_spans

GOLDEN = Path(__file__).resolve().parent / "fixtures" / "demo_views_golden.json"
SEARCHES = ("council", "misled", "minister takeover", '"school bus"', "audit")
STORY_FILTERS = (("person", "Pryce"), ("organisation", "Brackendale"), ("source", "ledger"), ("date_from", "2025"),
                 ("date_to", "2023-06"))
Record = dict[str, Any]


def _span(record: Record) -> list[Any]:
    return [record["document"], record["start"], record["end"]]


def _export_facts(data: Record) -> Record:
    """The export without document text (a hash of it instead, so the file stays small) or folders in sources."""
    import hashlib

    docs = [{**d, "text": hashlib.sha1(d["text"].encode()).hexdigest(), "source": d["source"].rsplit("/", 1)[-1]}
            for d in data["documents"]]
    return {**data, "documents": docs}


def _cli(data: Record) -> Record:
    return {
        "people": {kind: [[p["id"], p["name"], p["quotes"], p["role_names"], p.get("aliases", [])]
                          for p in views.people(data, kind)] for kind in ("person", "organisation", "place")},
        "quotes": [[q["id"], q.get("speaker"), q.get("speaker_name"), q.get("published")] for q in views.quotes(data)],
        "quotes_by_speaker": {name: [q["id"] for q in views.quotes(data, name)] for name in ("Pryce", "Shah")},
        "timeline": [[e["id"], e["date"], e.get("inferred", False)] for e in views.timeline(data)],
        "claims": [[c["id"], c["kind"], c.get("claimant"), c.get("claimant_name"), c.get("target"),
                    c.get("target_name")] for c in views.claims(data)],
        "stories": [[s["id"], s["title"], s.get("first_date"), s.get("last_date"), s["size"], s.get("storyline")]
                    for s in views.stories(data)],
    }


def _dossier(data: Record, story_id: str) -> Record:
    d = views.dossier(data, story_id)
    assert d is not None
    return {
        "documents": [doc["id"] for doc in d.documents],
        "people": [[p["id"], views.distinct_roles(p.get("roles", []))] for p in d.people],
        "organisations": [o["id"] for o in d.organisations],
        "timeline": [[e["id"], e["date"], e.get("inferred", False)] for e in d.timeline],
        "quotes_by_speaker": {k: [_span(q) for q in v] for k, v in d.quotes_by_speaker.items()},
        "claims": [c["id"] for c in d.claims],
        "reuse": [[r["a"], r["a_start"], r["a_end"], r["b"], r["b_start"], r["b_end"]] for r in d.reuse],
        "discrepancies": [x["id"] for x in d.discrepancies],
        "storyline": d.storyline["id"] if d.storyline else None,
    }


def _report(data: Record, story_id: str) -> Record:
    m = build_report_model(data, story_id)
    return {
        "title": m.title,
        "sources": [s["id"] for s in m.sources],
        "events": [[e["id"], e["date"], e["mark"]] for e in m.events],
        "people": [[p["id"], [[r["role"], r["document"], r["start"]] for r in p["role_list"]]]
                   for p in m.people + m.organisations],
        "quotes_by_speaker": {k: [_span(q) for q in v] for k, v in m.quotes_by_speaker.items()},
        "claims": [c["id"] for c in m.claims],
        "denials": [c["id"] for c in m.denials],
        "discrepancies": [x["id"] for x in m.discrepancies],
        "reuse": [[a.ref, b.ref] for a, b, _ in m.reuse],
    }


def _web(store: Store, data: Record) -> Record:
    index = build_index(data, store.entity_map())
    front = overview(data)
    people = [e["id"] for e in data["entities"] if e["type"] in ("person", "organisation")]
    persons = {}
    for entity_id in people:
        p = person_profile(data, index, entity_id)
        assert p is not None
        persons[entity_id] = {
            "roles": [[r["role"], r["document"], r["start"], r.get("date")] for r in p["roles"]],
            "periods": [[x["role"], x.get("organisation"), x["first"], x["last"], len(x["sources"])]
                        for x in p["periods"]],
            "quotes": [q["id"] for q in p["quotes"]],
            "claims": [c["id"] for c in p["claims"]],
            "stories": [s["id"] for s in p["stories"]],
            "documents": [d["id"] for d in p["documents"]],
        }
    documents = {}
    for doc in data["documents"]:
        spans = document_spans(doc, data, store.get_annotations(doc["id"]), store.entity_map([doc["id"]]))
        documents[doc["id"]] = {
            "story": index.story_of.get(doc["id"]),
            "quotes": [q["id"] for q in data["quotes"] if q["document"] == doc["id"]],
            "events": [e["id"] for e in views.timeline(data, document=doc["id"])],
            "claims": [c["id"] for c in data["claims"] if c["document"] == doc["id"]],
            "marks": sorted({(s.start, s.end, " ".join(s.classes), s.href or "") for s in spans}),
        }
    searches = {}
    for query in SEARCHES:
        hits = enrich_hits(store.search(query, limit=200), index)
        facets = search_facets(hits, index)
        searches[query] = {"hits": [h["doc_id"] for h in hits],
                           "facets": {k: [[v, n] for v, _, n in values] for k, values in facets.items()}}
    filters = {f"{key}={value}": [s["id"] for s in filter_stories(data, index, StoryFilters(**{key: value}))]
               for key, value in STORY_FILTERS}
    return {
        "overview": {"counts": front["counts"], "latest": [s["id"] for s in front["latest"]],
                     "recent": [d["id"] for d in newest_first(data["documents"], "published")[:8]]},
        "stories": [s["id"] for s in filter_stories(data, index, StoryFilters())],
        "story_filters": filters,
        "documents": [d["id"] for d in newest_first(data["documents"], "published")],
        "persons": persons,
        "document_pages": documents,
        "searches": searches,
    }


def capture(db: str) -> Record:
    """Every fact the read side shows of the database ``db``."""
    store = Store(db)
    try:
        data = build_export(store)
        stories = [s["id"] for s in views.stories(data)]
        return {
            "cli": _cli(data),
            "dossiers": {s: _dossier(data, s) for s in stories},
            "reports": {s: _report(data, s) for s in stories},
            "web": _web(store, data),
            "export": _export_facts(data),
        }
    finally:
        store.close()


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
