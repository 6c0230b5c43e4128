"""Full-text search with facets by site, year and story."""

from __future__ import annotations

from collections import Counter

from storyline.store import Store
from storyline.views import base
from storyline.views.model import Facet, SearchHit, SearchResults

__all__ = ["search"]

MAX_HITS = 200  # hits ranked (facets count over these)


def search(store: Store, query: str, limit: int = MAX_HITS, site: str = "", year: str = "",
           story: str = "") -> SearchResults:
    """Ranked hits with snippets (matches wrapped in \\x02 ... \\x03) and facet counts over them;
    ``site``, ``year`` ("undated" for documents without a date) and ``story`` narrow the hits shown."""
    if not query.strip():
        return SearchResults(query, [], 0, {"site": [], "year": [], "story": []})
    raw = store.search(query, limit=min(limit, MAX_HITS))
    with base.reading(store) as conn:
        docs = base.summaries(conn, [h.doc_id for h in raw])
    hits = [SearchHit(docs[h.doc_id], h.snippet, h.score) for h in raw if h.doc_id in docs]
    shown = [h for h in hits if (not site or h.document.site == site) and (not year or _year(h) == year)
             and (not story or h.document.story == story)]
    return SearchResults(query, shown, len(hits), _facets(hits))


def _year(hit: SearchHit) -> str:
    return (hit.document.published or "")[:4] or "undated"


def _facets(hits: list[SearchHit]) -> dict[str, list[Facet]]:
    sites = Counter(h.document.site for h in hits)
    years = Counter(_year(h) for h in hits)
    stories = Counter(h.document.story for h in hits if h.document.story)
    titles = {h.document.story: h.document.story_title or h.document.story for h in hits if h.document.story}
    return {
        "site": [Facet(k, k, n) for k, n in sorted(sites.items(), key=lambda kv: (-kv[1], kv[0]))],
        "year": [Facet(k, k, n) for k, n in sorted(years.items(), reverse=True)],
        "story": [Facet(k, titles[k] or k, n) for k, n in sorted(stories.items(), key=lambda kv: -kv[1])],
    }
