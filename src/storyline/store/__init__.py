"""All SQL lives here: schema, migrations, the store and full-text search."""

from storyline.store.search import SearchHit
from storyline.store.engine import StoreError
from storyline.store.store import DocumentSummary, ErrorRecord, Store, opened

__all__ = ["DocumentSummary", "ErrorRecord", "SearchHit", "Store", "StoreError", "opened"]
