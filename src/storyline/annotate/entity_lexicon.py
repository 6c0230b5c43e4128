"""Word lists for finding people, organisations and places, loaded once from ``data/entities_*.json``."""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from typing import Any

__all__ = ["Lexicon", "lexicon"]


@dataclass(frozen=True)
class Lexicon:
    """Lower-case word sets and maps; build it with :func:`lexicon`."""

    honorifics: dict[str, str | None]  # "mr" -> "male"
    titles: dict[str, str]  # "cllr" -> "councillor", "deputy mayor" -> "deputy mayor"
    role_nouns: frozenset[str]
    role_qualifiers: frozenset[str]
    resolvable_roles: frozenset[str]
    postnominals: dict[str, str | None]
    org_suffixes: frozenset[str]
    org_prefix_heads: frozenset[str]  # "department of", "bank of"
    org_known: frozenset[str]
    org_descriptors: frozenset[str]  # "developer" in "Developer Ashcroft Homes": a kind of body, not its name
    corporate_forms: frozenset[str]  # "Solutions", "Ltd": "Lakeshore Transit" is "Lakeshore Transit Solutions"
    org_kinds_before: frozenset[str]  # "group" in "campaign group Save Millfield": the name is a body's
    parties: dict[str, str]
    party_tags: tuple[str, ...]  # "Lab" in "(Lab, Stanmore)", as written
    party_adjectives: frozenset[str]
    acronym_stop: frozenset[str]
    places: frozenset[str]
    state_abbreviations: dict[str, str]  # "ill." -> "illinois"
    street_words: frozenset[str]
    place_heads: frozenset[str]
    place_prepositions: frozenset[str]
    never_names: frozenset[str]
    may_start_names: frozenset[str]
    may_end_names: frozenset[str]  # "French" in "Brad French": a never-name that is a surname after a given name
    particles: frozenset[str]
    speech_verbs: frozenset[str]
    kin_nouns: frozenset[str]  # "son", "husband": relatives, who share a surname with the one they are named by
    female: frozenset[str]
    male: frozenset[str]
    unisex: frozenset[str]
    # every given name with what first_name_gender says of it (one look-up instead of three sets tried in turn)
    _given_names: dict[str, str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        genders = {**dict.fromkeys(self.male, "male"), **dict.fromkeys(self.female, "female"),
                   **dict.fromkeys(self.unisex, "unknown")}  # later wins: unisex over female over male
        object.__setattr__(self, "_given_names", genders)

    def first_name_gender(self, word: str) -> str | None:
        """"female", "male", "unknown" (a given name of either) or None (not a known given name).

        Accents are folded: "Lucía", "Zoë" and "Réjean" are found as "lucia", "zoe", "rejean".
        """
        lower = word.lower()
        found = self._given_names.get(lower)
        if found is None and not lower.isascii():  # (an ASCII word folds to itself)
            found = self._given_names.get(_folded(lower))
        return found


@lru_cache(maxsize=1 << 14)
def _folded(word: str) -> str:
    """``word`` without combining accents ("josé" -> "jose"); letters such as "ø" stay as they are."""
    if word.isascii():
        return word
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def _read(name: str) -> dict[str, Any]:
    text = resources.files("storyline.data").joinpath(name).read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


@cache
def lexicon() -> Lexicon:
    """All entity word lists, read once per process."""
    titles, orgs = _read("entities_titles.json"), _read("entities_organisations.json")
    places, stops = _read("entities_places.json"), _read("entities_stopwords.json")
    names = _read("entities_first_names.json")
    states: dict[str, list[str]] = {**places["us_states"], **places.get("ca_provinces", {})}
    abbreviations = {abbr: state for state, abbrs in states.items() for abbr in abbrs}
    gazetteer = set(places["countries"]) | set(places["cities"]) | set(states) | set(places["uk_regions"])
    gazetteer |= {place.rstrip(".") for place in gazetteer}
    return Lexicon(
        honorifics=dict(titles["honorifics"]),
        titles=dict(titles["titles"]),
        role_nouns=frozenset(titles["role_nouns"]),
        role_qualifiers=frozenset(titles["role_qualifiers"]),
        resolvable_roles=frozenset(titles["resolvable_role_nouns"]),
        postnominals=dict(titles["postnominals"]),
        org_suffixes=frozenset(orgs["suffixes"]),
        org_prefix_heads=frozenset(" ".join(p.split()[-2:]) for p in orgs["prefixes"]),
        org_known=frozenset(orgs["known"]),
        org_descriptors=frozenset(orgs["descriptors"]),
        corporate_forms=frozenset(orgs["corporate_forms"]),
        org_kinds_before=frozenset(orgs["kinds_before_names"]) | frozenset(orgs["descriptors"]),
        parties=dict(orgs["parties"]),
        party_tags=tuple(orgs["party_tags"]),
        party_adjectives=frozenset(orgs["party_adjective_only"]),
        acronym_stop=frozenset(orgs["acronym_stop"]),
        places=frozenset(gazetteer),
        state_abbreviations=abbreviations,
        street_words=frozenset(places["street_words"]),
        place_heads=frozenset(places["place_heads"]),
        place_prepositions=frozenset(places["place_prepositions"]),
        never_names=frozenset(stops["never_names"]),
        may_start_names=frozenset(stops["may_start_names"]),
        may_end_names=frozenset(stops["may_end_names"]),
        particles=frozenset(stops["lowercase_name_particles"]),
        speech_verbs=frozenset(stops["speech_verbs"]),
        kin_nouns=frozenset(titles["kin_nouns"]),
        female=frozenset(names["female"]),
        male=frozenset(names["male"]),
        unisex=frozenset(names["unisex"]),
    )
