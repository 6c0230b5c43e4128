"""Claims paired with their denials say who claimed and who denied by the identity's own name after a merge or
a rename, as quote groups and speaker discrepancies do (:mod:`storyline.corrections.quote_groups`).

A claim-denial discrepancy's two spans are its claim and its denial (in that order); its description is made
again from those claim rows (whose names the correction set) and their documents' words, by the wording
linking uses (:func:`storyline.link.discrepancies.claim_denial_description`).
"""

from __future__ import annotations

from sqlalchemy import Connection, and_, or_, select, update

from storyline.link.discrepancies import claim_denial_description
from storyline.store import schema

__all__ = ["name_claim_denials"]

c_, x, sp, d = schema.claims, schema.discrepancies, schema.discrepancy_spans, schema.documents


def name_claim_denials(conn: Connection, identity: str) -> None:
    """Describe again every claim-denial discrepancy a claim or denial of ``identity`` takes part in."""
    spans = conn.execute(select(c_.c.document, c_.c.start, c_.c.end).where(c_.c.claimant == identity)).all()
    if not spans:
        return
    at = or_(*(and_(sp.c.document == s.document, sp.c.start == s.start, sp.c.end == s.end) for s in spans))
    ids = conn.execute(select(sp.c.discrepancy).join(x, x.c.id == sp.c.discrepancy)
                       .where(x.c.kind == "claim-denial", at).distinct()).scalars().all()
    for found in ids:
        sides = [_side(conn, s.document, s.start, s.end) for s in conn.execute(
            select(sp.c.document, sp.c.start, sp.c.end).where(sp.c.discrepancy == found).order_by(sp.c.position))]
        if len(sides) == 2:
            described = claim_denial_description(sides[0], sides[1])
            conn.execute(update(x).where(x.c.id == found, x.c.description != described).values(description=described))


def _side(conn: Connection, document: str, start: int, end: int) -> tuple[str, str | None, str]:
    """(document, claimant's name, words) of the claim row at a span."""
    name = conn.execute(select(c_.c.claimant_name).where(c_.c.document == document, c_.c.start == start,
                                                         c_.c.end == end)).scalar()
    text = conn.execute(select(d.c.text).where(d.c.id == document)).scalar()
    return document, name, (text or "")[start:end]
