"""Per-document language work: pure functions over one document, no database."""
