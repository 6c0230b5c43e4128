"""Metadata that makes a storyline database readable in Datasette (https://datasette.io).

``datasette storyline.db --metadata metadata.json`` then shows each table described, rows that
point at a document, a person or a story labelled with its title or name, and facets ready on
the columns a reporter filters by: kind, speaker, story and date. The link index and the JSON
cache are hidden.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from storyline.store import schema

__all__ = ["datasette_metadata"]

TABLES: dict[str, dict[str, Any]] = {
    "documents": {"description": "Every ingested text with its metadata; facts point into its text by offsets.",
                  "label_column": "title", "facets": ["site", "format", {"date": "published"}],
                  "sort_desc": "published"},
    "entities": {"description": "People, organisations and places across the corpus (one identity each).",
                 "label_column": "name", "facets": ["type"], "sort_desc": "quote_count"},
    "quotes": {"description": "Reported speech: the words (start-end in the document's text) and who said them; "
                              "stance denies: the speaker denied it (never their own words).",
               "label_column": "text", "facets": ["kind", "speaker", "story", {"date": "published"}, "stance",
                                                  "cue_verb", "speaker_kind"],
               "sort": "date_sort"},
    "events": {"description": "Dated happenings: a sentence that carries a date (TIMEX3 value in date).",
               "label_column": "text", "facets": ["story", "precision", "date"], "sort": "date_sort"},
    "claims": {"description": "Claims, denials, admissions and promises, with who makes them and against whom.",
               "label_column": "kind", "facets": ["kind", "claimant", "target", "story", {"date": "published"}],
               "sort": "date_sort"},
    "roles": {"description": "Roles and affiliations read from the text (\"mayor\"), with their span and date.",
              "label_column": "role", "facets": ["role_key", "entity", "organisation"], "sort": "date_sort"},
    "stories": {"description": "Articles that are versions of one story.", "label_column": "title",
                "facets": ["storyline"], "sort_desc": "last_day"},
    "storylines": {"description": "Stories of one affair across months or years.", "label_column": "title"},
    "story_documents": {"description": "Which story each document belongs to.", "facets": ["story"]},
    "storyline_stories": {"description": "The stories of each storyline, in date order."},
    "reuse": {"description": "Copied passages: b[b_start:b_end] was copied from (or shares a source with) "
                             "a[a_start:a_end].", "facets": ["a", "b"], "sort_desc": "similarity"},
    "document_links": {"description": "Duplicates and versions.", "facets": ["kind"]},
    "discrepancies": {"description": "Where sources disagree: date, figure, speaker, claim-denial.",
                      "label_column": "description", "facets": ["kind", "story"]},
    "discrepancy_spans": {"description": "The spans on each side of a discrepancy.", "facets": ["discrepancy"]},
    "quote_groups": {"description": "The same quote found in several documents.", "label_column": "text",
                     "facets": ["speaker"], "sort_desc": "sources"},
    "quote_group_sources": {"description": "Where each quote group appears."},
    "timeline_entries": {"description": "Each story's merged timeline, in order: one entry per fact (disputed: its "
                                        "sources give different dates).", "label_column": "text",
                         "facets": ["story", "precision", "disputed"]},
    "timeline_sources": {"description": "Every report of a timeline entry, with the date that document gives.",
                         "facets": ["story", "inferred"]},
    "story_evidence": {"description": "Why a story's documents belong together: shared people, places, phrases, "
                                      "dates and figures (spans: where each document says it).",
                       "label_column": "value", "facets": ["kind", "story"]},
    "storyline_evidence": {"description": "Why a storyline's stories belong together.", "label_column": "value",
                           "facets": ["kind", "storyline"]},
    "mentions": {"description": "Each mention of a person, organisation or place.", "label_column": "text",
                 "facets": ["type", "kind", "entity"]},
    "document_entities": {"description": "Each document's own people, organisations and places, and their "
                                         "identity across the corpus.", "label_column": "name",
                          "facets": ["type", "entity"]},
    "event_actors": {"description": "Who acts in each event.", "facets": ["entity"]},
    "timexes": {"description": "Dates and times as written, with their TIMEX3 value.", "label_column": "text",
                "facets": ["type"]},
    "blocks": {"description": "Layout: headline, byline, paragraphs (numbered from 1) ...", "facets": ["kind"]},
    "ingest_errors": {"description": "Sources that failed to ingest, with the reason and what to do.",
                      "facets": ["reason", "resolved"]},
    "corrections": {"description": "The reporter's corrections (storyline fix): what, on which stable anchor "
                                   "(JSON), the value set, who, when, why; status applied, orphaned or undone.",
                    "facets": ["kind", "status", "who"], "sort_desc": "id"},
}
HIDDEN = ("annotations", "link_postings", "link_counts", "link_records", "state", "schema_migrations")
COLUMNS = {
    "document": "the document (its title shown)", "speaker": "who said it (an identity in entities)",
    "story": "the story its document belongs to", "start": "first character of the span in the document's text",
    "end": "character after the span", "date_sort": "sort key: orders mixed precision dates (2023, 2023-03, "
    "2023-03-14)", "speaker_local": "the speaker as the document knows it (document_entities.local_id)",
    "published": "publication date of the document", "entity": "the identity across the corpus",
    "claimant": "who claims, denies, admits or promises", "target": "who is accused, or whose claim is rejected",
}


def _table(name: str, spec: dict[str, Any]) -> dict[str, Any]:
    table = schema.metadata.tables[name]
    out: dict[str, Any] = {"description": spec["description"]}
    for key in ("label_column", "facets", "sort", "sort_desc"):
        if key in spec:
            out[key] = spec[key]
    out["columns"] = {c: text for c, text in COLUMNS.items() if c in table.c}
    return out


def datasette_metadata(db: str | None = None) -> dict[str, Any]:
    """Datasette metadata for a storyline database (``db``: its path; the database is named after its file)."""
    name = Path(db).stem if db and "://" not in db else "storyline"
    tables = {t: _table(t, spec) for t, spec in TABLES.items()}
    tables.update({t: {"hidden": True} for t in HIDDEN})
    return {
        "title": "storyline corpus",
        "description": "Verified story dossiers: documents, people, quotes, events, claims and stories as rows. "
                       "Every fact points at its source span (document, start, end).",
        "source": "storyline",
        "databases": {name: {"tables": tables}},
    }
