"""The Python API of ``storyline fix``: one function per sub-command, each logging one correction and
applying it at once (see :mod:`storyline.corrections`).

Every function takes ``db`` (a path, a URL, an open Store, or None for ./storyline.db), an optional
``note`` (why) and ``who`` (default $STORYLINE_USER or the login name), and returns the
:class:`~storyline.corrections.Correction` as the log shows it: ``status`` says whether it applied.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from storyline.corrections import Correction
from storyline.store import Store, opened

__all__ = [
    "fix_date", "fix_log", "fix_merge", "fix_reject", "fix_rename", "fix_speaker", "fix_split", "fix_story",
    "fix_storyline_join", "fix_storyline_split", "fix_type", "fix_undo",
]

NEW = "new"


def _build() -> Any:
    """The correction builders (imported when first used: they load the linking code)."""
    from storyline.corrections import log

    return log  # ``fix story DOC new``: a story of its own




def _fix(db: str | Store | None, kind: str, builder: Callable[[Any], Any], note: str | None,
         who: str | None) -> Correction:
    from storyline.corrections.log import add_correction

    with opened(db) as store:
        return add_correction(store, kind, builder, who, note)


def fix_merge(a: str, b: str, db: str | Store | None = None, note: str | None = None, who: str | None = None
              ) -> Correction:
    """Identity ``a`` is identity ``b`` (ids, id prefixes or exact names): ``a``'s mentions join ``b``."""
    return _fix(db, "merge", _build().build_merge(a, b), note, who)


def fix_split(entity: str, document: str, db: str | Store | None = None, mention: tuple[int, int] | None = None,
              into: str | None = None, note: str | None = None, who: str | None = None) -> Correction:
    """The mentions of ``entity`` in ``document`` (or one ``mention`` span) are someone else: an identity of
    their own, or ``into`` another one (a split-off mention without ``into`` is left unlinked)."""
    return _fix(db, "split", _build().build_split(entity, document, mention, into), note, who)


def fix_rename(entity: str, name: str, db: str | Store | None = None, note: str | None = None,
               who: str | None = None) -> Correction:
    """Show an identity under another name (the old one is kept as an alias)."""
    return _fix(db, "rename", _build().build_rename(entity, name), note, who)


def fix_type(entity: str, type: str, db: str | Store | None = None, note: str | None = None,
             who: str | None = None) -> Correction:
    """An identity is a person, an organisation or a place."""
    return _fix(db, "type", _build().build_type(entity, type), note, who)


def fix_reject(kind: str, ref: str, db: str | Store | None = None, note: str | None = None,
               who: str | None = None) -> Correction:
    """Remove what the machine got wrong: an ``entity`` (every identity of its type and name, now and in
    documents to come), a ``quote``, a ``claim`` or an ``event`` (``<document>:q3``)."""
    return _fix(db, "reject", _build().build_reject(kind, ref), note, who)


def fix_speaker(quote: str, speaker: str | None, db: str | Store | None = None, note: str | None = None,
                who: str | None = None) -> Correction:
    """Who said a quote (an identity), or None: nobody known."""
    return _fix(db, "speaker", _build().build_speaker(quote, speaker), note, who)


def fix_date(event: str, value: str, db: str | Store | None = None, precision: str | None = None,
             note: str | None = None, who: str | None = None) -> Correction:
    """An event's date as a TIMEX3 value (2023-03-14, 2023-03, 2023, XXXX-03-14); precision from the value
    unless given."""
    return _fix(db, "date", _build().build_date(event, value, precision), note, who)


def fix_story(document: str, story: str, db: str | Store | None = None, note: str | None = None,
              who: str | None = None) -> Correction:
    """Move a document to another story (id or prefix), or to a new story of its own with ``"new"``."""
    return _fix(db, "story", _build().build_story(document, None if story == NEW else story), note, who)


def fix_storyline_join(a: str, b: str, db: str | Store | None = None, note: str | None = None,
                       who: str | None = None) -> Correction:
    """Two stories (and the storylines they are in) are one storyline."""
    return _fix(db, "storyline-join", _build().build_storyline_join(a, b), note, who)


def fix_storyline_split(story: str, db: str | Store | None = None, note: str | None = None,
                        who: str | None = None) -> Correction:
    """Take a story out of its storyline."""
    return _fix(db, "storyline-split", _build().build_storyline_split(story), note, who)


def fix_log(db: str | Store | None = None) -> list[Correction]:
    """Every correction, oldest first: what it does, who made it and when, and whether it still applies
    (``applied``), lost its anchor (``orphaned``) or was undone."""
    from storyline.corrections.log import correction_log

    with opened(db) as store:
        return correction_log(store)


def fix_undo(number: int, db: str | Store | None = None) -> Correction:
    """Undo correction ``number``: a fact gets back what its document's annotations say; identities and
    stories are relinked: the whole corpus, as ``link --rebuild`` (the rows hold the corrected grouping, not the
    machine's, so only linking every document again finds it; the returned correction's ``is_identity`` or
    ``is_story`` says it happened)."""
    from storyline.api import link_store
    from storyline.corrections.log import undo_correction

    with opened(db) as store:
        undone, relink = undo_correction(store, number)
        if relink:
            link_store(store, rebuild=True)
    return undone


def diff(a: str, b: str, db: str | Store | None = None) -> Any:
    """What changed in the facts from document ``a`` to document ``b`` (ids or prefixes): quotes, people,
    organisations, dates, figures, claims, headline, each with its spans in both (a
    :class:`storyline.versions.VersionDiff`)."""
    from storyline.api import NotFound
    from storyline.views.base import no_document
    from storyline.views.versions import document_diff

    with opened(db) as store:
        for ref in (a, b):
            if store.get_document(ref) is None:
                raise NotFound(no_document(ref))
        found = document_diff(store, a, b)
    if found is None:
        raise NotFound(f"no document {a!r} or {b!r}: list ids with `storyline docs`")
    return found
