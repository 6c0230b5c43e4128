"""Cross-document linking: duplicates and versions, copied passages, stories, storylines, identities.

The entry point for document-level links is :func:`storyline.link.documents.link_documents`.
"""
