"""The read side: typed views over the store's rows, each a bounded query with paging.

Every reader renders from these functions and nothing else: the CLI, the web app, the reports, the
Python API and the export (:mod:`storyline.views.records`). None of them rebuilds the corpus; each
reads what one page needs (a page of people, one story's documents, one document's facts)::

    from storyline.store import Store
    from storyline import views

    store = Store("corpus.db")
    for person in views.people(store, limit=10):
        print(person.name, person.roles, person.quotes)
    dossier = views.story_dossier(store, "story-11f7")
"""

from __future__ import annotations

from storyline.views.claims import claims
from storyline.views.documents import document, documents
from storyline.views.model import (
    ClaimRow,
    CopiedFrom,
    CopiedPassage,
    DiscrepancyRow,
    DocumentSummary,
    DocumentView,
    EntityRef,
    EventRow,
    EventSourceRow,
    EvidenceItem,
    EvidenceSpan,
    Excerpt,
    Facet,
    Mark,
    Overview,
    Page,
    Person,
    PersonSummary,
    QuoteRow,
    RolePeriod,
    RoleSource,
    SearchHit,
    SearchResults,
    Side,
    SpeakerQuotes,
    StoryDossier,
    StoryPerson,
    StoryQuote,
    StorySummary,
)
from storyline.views.overview import overview
from storyline.views.people import distinct_roles, people, person
from storyline.views.quotes import quotes
from storyline.views.search import search
from storyline.views.stories import FULL, PAGE_LIMITS, DossierLimits, StoryFilters, find_story, stories, story_dossier
from storyline.views.timeline import TimelineScope, dated_sentences, key_dates, scope_documents, timeline

__all__ = [
    "FULL", "PAGE_LIMITS", "ClaimRow", "CopiedFrom", "DossierLimits", "CopiedPassage", "DiscrepancyRow", "DocumentSummary", "DocumentView", "EntityRef",
    "EventRow", "EventSourceRow", "EvidenceItem", "EvidenceSpan", "Excerpt", "Facet", "Mark", "Overview", "Page", "Person", "PersonSummary", "QuoteRow", "RolePeriod",
    "RoleSource", "SearchHit", "SearchResults", "Side", "SpeakerQuotes", "StoryDossier", "StoryFilters",
    "StoryPerson", "StoryQuote", "StorySummary", "TimelineScope", "claims", "dated_sentences", "distinct_roles", "document", "documents", "find_story", "key_dates",
    "overview", "people", "person", "quotes", "scope_documents", "search", "stories", "story_dossier", "timeline",
]
