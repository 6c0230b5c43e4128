"""Who makes a claim: the verb's subject resolved like a quote speaker, precision first.

The subject goes through :func:`storyline.annotate.speaker_resolve.attribute_speaker` (the function
that resolves quote speakers).  When that names no entity, a role description is matched against
the roles the document records ("the leader of Brackendale Borough Council" -> the one person
recorded as leader of that council; "the head of the company" -> the one chief executive with an
organisation), and "Ms Ellery's reply" is Ms Ellery's.  Anything else that is not a proper name
or a known kind of source (a fragment such as "many of the", a bare "officers") gives no claimant.
"""

from __future__ import annotations

import re

from storyline.annotate.claim_markers import markers
from storyline.annotate.speaker_resolve import attribute_speaker
from storyline.annotate.speakers import NAME, SpeakerSpan, lexicon, possessor
from storyline.model import Entity, Mention

__all__ = ["resolve_claimant", "entity_by_role_description"]

DESCRIPTION_RE = re.compile(
    r"(?:the|a|an)\s+(?:(?P<owner>[\w’' -]+?)[’']s\s+)?(?P<mods>(?:[\w-]+\s+){0,3}?)(?P<head>[a-z]+)"
    r"(?:\s+(?:of|at|for)\s+(?P<org>.+?))?(?:\s+(?:that|which|who)\b.*)?",
    re.IGNORECASE | re.DOTALL,
)
PLACE_WORDS = frozenset({"town", "city", "borough", "county", "district", "state", "country", "region", "area"})
ANY_ORG_WORDS = frozenset({"company", "firm", "business", "contractor", "operator", "provider", "organisation",
                           "organization", "charity", "trust"})
UNDER_ROLE_WORDS = frozenset({"deputy", "vice", "assistant", "former", "shadow", "associate", "junior"})  # not "the mayor"
SKIP_WORDS = frozenset({"the", "a", "an", "of", "for", "and", "at", "in", "s"})
JUNK_END_WORDS = frozenset({"the", "a", "an", "of", "to", "and", "or", "in", "on", "at", "for", "by", "with", "that",
                            "many", "some", "most", "all"})


def _words(phrase: str | None) -> set[str]:
    return {w.lower() for w in re.findall(r"[\w-]+", phrase or "")} - SKIP_WORDS


def _org_fits(wanted: set[str], role_text: str, has_org: bool) -> bool:
    specific = wanted - PLACE_WORDS - ANY_ORG_WORDS
    if specific:
        return bool(specific & _words(role_text))
    return has_org or not (wanted & ANY_ORG_WORDS)


def entity_by_role_description(surface: str, entities: list[Entity]) -> Entity | None:
    """The one person whose recorded role fits a description such as "the council's leader"."""
    match = DESCRIPTION_RE.fullmatch(surface.strip(" ,."))
    if match is None:
        return None
    head = match.group("head").lower()
    roles = markers().role_heads.get(head)
    if roles is None:
        return None
    wanted = _words(match.group("owner")) | _words(match.group("org"))
    mods = _words(match.group("mods"))
    found = []
    for entity in entities:
        if entity.type != "person":
            continue
        for role in entity.roles:
            role_text = " ".join(filter(None, [role.role, role.organisation, role.place]))
            under = _words(role.role) & UNDER_ROLE_WORDS - mods
            if (any(re.search(rf"\b{r}\b", role.role.lower()) for r in roles) and mods <= _words(role_text)
                    and not under and _org_fits(wanted, role_text, role.organisation is not None)):
                found.append(entity)
                break
    return found[0] if len(found) == 1 else None


def _named_possessor(text: str, span: SpeakerSpan) -> SpeakerSpan:
    """"Ms Ellery's reply confirms ...": the words are Ms Ellery's."""
    match = re.fullmatch(rf"({NAME})[’']s\s+([a-z]+)", text[span.start : span.end])
    if match and match.group(2) in lexicon().possessed_sources | {"reply", "response", "office", "statement"}:
        return SpeakerSpan(span.start, span.start + match.end(1), "name")
    return possessor(text, span)


def resolve_claimant(
    text: str, span: SpeakerSpan, mentions: list[Mention], entities: list[Entity], excluded: list[tuple[int, int]]
) -> tuple[str | None, str | None]:
    """(entity id, name) of the claimant phrase at ``span``; (None, None) when unsure or not a claimant."""
    span = _named_possessor(text, span)
    surface = text[span.start : span.end]
    if surface.split()[-1].lower() in JUNK_END_WORDS:
        return None, None
    resolution = attribute_speaker(text, span, mentions, entities, excluded=excluded)
    if resolution.confidence < 0.5:
        return None, None
    if resolution.speaker is not None:
        return resolution.speaker, resolution.speaker_name
    return unnamed_claimant(surface, resolution.speaker_name, entities)


def unnamed_claimant(surface: str, name: str | None, entities: list[Entity]) -> tuple[str | None, str | None]:
    """A claimant no entity stands for: a role description, a proper name or a source; else nobody."""
    entity = entity_by_role_description(surface, entities)
    if entity is not None:
        return entity.id, entity.name
    if name is not None and _is_source_or_name(name):
        return None, name
    return None, None


def _is_source_or_name(name: str) -> bool:
    if name[:1].isupper() and not re.match(r"(?:The|A|An)\s", name):
        return True
    match = lexicon().source_re.search(name.lower())
    return match is not None and (match.end() == len(name) or "spokes" in name.lower())
