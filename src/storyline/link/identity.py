"""One identity per person, organisation and place across the corpus.

Precision comes first: a wrong merge can defame.  The rules:

* full person names merge on an exact normalised match (case, accents and
  honorifics ignored; middle names or initials must be compatible, so
  "Daniel J. Okafor" = "Daniel Okafor" but not "Daniel K. Okafor");
* a surname-only person ("Mr Okafor", no full name in that document) joins a
  full-name identity only when exactly one identity with that surname shares
  context with it (co-mentioned organisations, people, places, roles, or the
  same story when ``Document.meta["story"]`` says so) and
  nothing contradicts it (gender from "Mr"/"Ms"); otherwise it stays apart;
* organisations merge on their normalised name, on an acronym the text
  introduced ("Department for Education (DfE)"), or on a reduced name
  ("Harrowgate council" ~ "Harrowgate Borough Council") only with context
  evidence; places merge by name.

Work is blocked by a name key (surname, reduced organisation name), so the
cost grows with the corpus, never with the number of entity pairs.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from storyline.model import Annotations, CorpusEntity, CorpusRole, Document, Entity, EntityType

__all__ = ["identity_word_lists", "normalise_name", "person_name_parts", "resolve_identities"]

ID_PREFIX: dict[str, str] = {"person": "P", "organisation": "O", "place": "L"}
EVIDENCE_NEEDED = 1.0  # context score a partial name needs to join an identity
WEIGHTS = {"p": 1.0, "o": 1.0, "l": 0.5, "r": 0.5, "ro": 1.0, "s": 1.0}  # by context key kind


@lru_cache(maxsize=1)
def identity_word_lists() -> dict[str, Any]:
    """Honorifics, organisation designators and figure units (loaded once)."""
    text = resources.files("storyline.data").joinpath("link_identity_names.json").read_text("utf8")
    data: dict[str, Any] = json.loads(text)
    return data


@lru_cache(maxsize=1)
def _sets() -> dict[str, frozenset[str]]:
    lists = identity_word_lists()
    keys = ("honorifics", "name_suffixes", "female_honorifics", "male_honorifics", "org_designators",
            "org_legal_suffixes")
    return {k: frozenset(lists[k]) for k in keys}


_DOTTED = re.compile(r"\b([A-Za-z])\.(?=[A-Za-z]\b\.?)")
_POSSESSIVE = re.compile(r"['’`]s\b")
_APOSTROPHE = re.compile(r"['’`]")
_WORD = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def _tokens(name: str) -> list[str]:
    """Lower-case, accent-free word tokens of a name ("O'Neill" -> "oneill", "U.S." -> "us")."""
    return list(_cached_tokens(name))


@lru_cache(maxsize=262144)
def _cached_tokens(name: str) -> tuple[str, ...]:
    text = unicodedata.normalize("NFKD", name)
    if not text.isascii():
        text = "".join(c for c in text if not unicodedata.combining(c))
    text = _DOTTED.sub(r"\1", text).lower()
    text = _APOSTROPHE.sub("", _POSSESSIVE.sub("", text))
    return tuple(_WORD.findall(text))


def normalise_name(name: str) -> str:
    """A name as a comparison key: lower case, no accents, no punctuation, single spaces."""
    return " ".join(_tokens(name))


def person_name_parts(name: str) -> tuple[list[str], str | None]:
    """Split a person name into name tokens (honorifics and suffixes dropped) and the gender they imply."""
    sets = _sets()
    tokens = _tokens(name)
    gender = None
    while len(tokens) > 1 and tokens[0] in sets["honorifics"]:
        if tokens[0] in sets["female_honorifics"]:
            gender = "female"
        elif tokens[0] in sets["male_honorifics"]:
            gender = "male"
        tokens = tokens[1:]
    while len(tokens) > 1 and tokens[-1] in sets["name_suffixes"]:
        tokens = tokens[:-1]
    return tokens, gender


@dataclass
class NameRecord:
    """One document-local entity (or a carried-over identity) waiting to be resolved."""

    type: EntityType
    key: str  # blocking key: surname for persons, reduced name for organisations, name for places
    first: str  # first name ("" when unknown; one letter for an initial)
    middles: tuple[str, ...]
    full: bool  # a full name (or exact organisation/place name) that may merge on its own
    exact: str  # exact normalised key for full names
    names: list[str]
    members: list[tuple[str, str]]
    roles: list[CorpusRole] = field(default_factory=list)
    context: set[str] = field(default_factory=set)
    gender: str | None = None
    acronyms: set[str] = field(default_factory=set)
    previous_id: str | None = None
    own: str | None = None  # this entity's own context key ("p:priya shah"), which its peers may mention
    name_counts: Counter[str] | None = None  # a carried-over identity: how often each name was its fullest form
    mentions: int = 1  # a carried-over identity: how many mentions it has (its members are only the first)


def _org_exact(tokens: list[str]) -> list[str]:
    """An organisation name without its legal form or articles ("Apple Inc." -> "apple")."""
    legal = _sets()["org_legal_suffixes"]
    kept = [t for t in tokens if t != "the"]
    while len(kept) > 1 and kept[-1] in legal:
        kept = kept[:-1]
    return kept or tokens


def _org_reduced(tokens: list[str]) -> str:
    exact = _org_exact(tokens)
    kept = [t for t in exact if t not in _sets()["org_designators"]]
    return " ".join(kept or exact)


def _acronym_of(tokens: list[str]) -> str:
    return "".join(t[0] for t in tokens if t not in {"of", "the", "and", "for", "&"})


def _introduced_acronyms(entity: Entity) -> set[str]:
    """Acronyms among an organisation's aliases that spell its name ("DfE" for "Department for Education")."""
    tokens = _tokens(entity.name)
    bare = _org_exact(tokens)
    spelled = {_acronym_of(tokens), "".join(t[0] for t in tokens), _acronym_of(bare), "".join(t[0] for t in bare)}
    found = set()
    for alias in entity.aliases:
        compact = re.sub(r"[^A-Za-z]", "", alias)
        if 2 <= len(compact) <= 8 and sum(c.isupper() for c in compact) >= 2 and compact.lower() in spelled:
            found.add(compact.lower())
    return found


def _context_key(entity: Entity) -> str | None:
    if entity.type == "person":
        tokens, _ = person_name_parts(entity.name)
        return f"p:{tokens[0]} {tokens[-1]}" if len(tokens) > 1 else None
    if entity.type == "organisation":
        return f"o:{_org_reduced(_tokens(entity.name))}"
    tokens = _tokens(entity.name)
    return "l:" + " ".join(tokens[1:] if len(tokens) > 1 and tokens[0] == "the" else tokens)


def mention_roles(doc: Document, entity: Entity) -> list[CorpusRole]:
    """The roles one document gives an entity, with their source and the document's date."""
    return [CorpusRole(r.role, doc.id, r.start, r.end, r.organisation, doc.published) for r in entity.roles]


def role_order(role: CorpusRole) -> tuple[str, str, int]:
    return role.date or "", role.document, role.start


def name_record(doc: Document, entity: Entity, context: set[str]) -> NameRecord | None:
    roles = mention_roles(doc, entity)
    own = _context_key(entity)
    ctx = {k for k in context if k != own}
    ctx |= {f"r:{normalise_name(r.role)}" for r in entity.roles if r.role}
    ctx |= {f"ro:{_org_reduced(_tokens(r.organisation))}" for r in entity.roles if r.organisation}
    ctx |= {f"o:{_org_reduced(_tokens(r.organisation))}" for r in entity.roles if r.organisation}
    names = [entity.name]
    member = [(doc.id, entity.id)]
    if entity.type == "person":
        tokens, gender = person_name_parts(entity.name)
        if not tokens:
            return None
        first = tokens[0] if len(tokens) > 1 else ""
        full = len(tokens) > 1 and len(first) > 1
        return NameRecord("person", tokens[-1], first, tuple(tokens[1:-1]), full, " ".join(tokens), names,
                       member, roles, ctx, entity.gender or gender, own=own if full else None)
    tokens = _tokens(entity.name)
    if not tokens:
        return None
    if entity.type == "organisation":
        return NameRecord("organisation", _org_reduced(tokens), "", (), True, " ".join(_org_exact(tokens)),
                       names, member, roles, ctx, acronyms=_introduced_acronyms(entity))
    place = " ".join(tokens[1:] if len(tokens) > 1 and tokens[0] == "the" else tokens)
    return NameRecord("place", place, "", (), True, place, names, member, roles, ctx)


def document_records(doc: Document, ann: Annotations) -> list[NameRecord]:
    keys = {k for k in (_context_key(e) for e in ann.entities) if k}
    story = doc.meta.get("story") if isinstance(doc.meta, dict) else None
    if isinstance(story, str) and story:
        keys.add(f"s:{story}")  # documents known to belong to one story share its context
    return [r for r in (name_record(doc, e, keys) for e in ann.entities) if r is not None]


def _seed_record(entity: CorpusEntity, present: set[str]) -> NameRecord | None:
    """A previous identity whose documents are not in this call: kept so new documents can join it."""
    members = [m for m in entity.members if m[0] not in present]
    if not members:
        return None
    fake = Entity("seed", entity.type, entity.name, list(entity.aliases))
    rec = name_record(Document(members[0][0], "", "previous"), fake, set())
    if rec is None:
        return None
    rec.names = [entity.name, *entity.aliases]
    rec.members = list(members)
    rec.roles = [r for r in entity.roles if r.document not in present]
    rec.context |= {f"r:{normalise_name(r.role)}" for r in rec.roles}
    rec.previous_id = entity.id
    return rec


class Cluster:
    """Records that are one identity."""

    def __init__(self, first: NameRecord) -> None:
        self.records = [first]
        self.context = set(first.context) | ({first.own} if first.own else set())
        self.genders = {first.gender} - {None}

    @property
    def lead(self) -> NameRecord:
        return self.records[0]

    def add(self, rec: NameRecord) -> None:
        self.records.append(rec)
        self.context |= rec.context | ({rec.own} if rec.own else set())
        if rec.gender:
            self.genders.add(rec.gender)

    def evidence(self, rec: NameRecord) -> float:
        shared = self.context & rec.context
        return sum(WEIGHTS.get(k.split(":", 1)[0], 0.0) for k in shared)

    def accepts_gender(self, gender: str | None) -> bool:
        return gender is None or not self.genders or self.genders == {gender}


def _middles_compatible(a: Sequence[str], b: Sequence[str]) -> bool:
    """Middle names agree where both give one: equal, or an initial matching a name."""
    for x, y in zip(a, b):
        if x != y and not ((len(x) == 1 or len(y) == 1) and x[0] == y[0]):
            return False
    return True


def _cluster_full_persons(records: list[NameRecord]) -> list[Cluster]:
    by_name: dict[str, list[Cluster]] = defaultdict(list)
    for rec in sorted(records, key=lambda r: (-len(r.middles), r.exact, r.members)):
        options = by_name[rec.first]
        home = next((c for c in options if all(_middles_compatible(rec.middles, o.middles) for o in c.records)
                     and c.accepts_gender(rec.gender)), None)
        if home is None:
            options.append(Cluster(rec))
        else:
            home.add(rec)
    return [c for group in by_name.values() for c in group]


def _attach_partials(clusters: list[Cluster], partials: list[NameRecord]) -> list[Cluster]:
    """Each partial name joins the one in-context identity it fits, or stays (with its in-context peers) apart."""
    loose: list[Cluster] = []
    for rec in sorted(partials, key=lambda r: r.members):
        fits = [c for c in clusters if _partial_fits(c, rec) and c.evidence(rec) >= EVIDENCE_NEEDED]
        if len(fits) == 1:
            fits[0].add(rec)
            continue
        if fits:  # ambiguous: two identities in context, do not guess
            loose.append(Cluster(rec))
            continue
        peers = [c for c in loose if c.lead.first == rec.first and c.accepts_gender(rec.gender)
                 and c.evidence(rec) >= EVIDENCE_NEEDED and not _any_full_in_context(clusters, rec)]
        if len(peers) == 1:
            peers[0].add(rec)
        else:
            loose.append(Cluster(rec))
    return clusters + loose


def _any_full_in_context(clusters: list[Cluster], rec: NameRecord) -> bool:
    return any(c.evidence(rec) >= EVIDENCE_NEEDED for c in clusters)


def _partial_fits(cluster: Cluster, rec: NameRecord) -> bool:
    if not cluster.accepts_gender(rec.gender):
        return False
    if rec.type == "person" and rec.first:  # an initial: "D. Okafor"
        return cluster.lead.first.startswith(rec.first)
    return True


def _resolve_persons(records: list[NameRecord]) -> list[Cluster]:
    blocks: dict[str, list[NameRecord]] = defaultdict(list)
    for rec in records:
        blocks[rec.key].append(rec)
    out: list[Cluster] = []
    for key in sorted(blocks):
        block = blocks[key]
        full = _cluster_full_persons([r for r in block if r.full])
        out.extend(_attach_partials(full, [r for r in block if not r.full]))
    return out


def _by_exact_name(records: list[NameRecord]) -> dict[str, Cluster]:
    """One cluster per exact name (the records in name then members order, so the lead is the same in any order)."""
    clusters: dict[str, Cluster] = {}
    for rec in sorted(records, key=lambda r: (r.exact, r.members)):
        if rec.exact in clusters:
            clusters[rec.exact].add(rec)
        else:
            clusters[rec.exact] = Cluster(rec)
    return clusters


def _resolve_organisations(records: list[NameRecord]) -> list[Cluster]:
    exact = _by_exact_name(records)
    by_acronym: dict[str, list[Cluster]] = defaultdict(list)
    by_reduced: dict[str, list[Cluster]] = defaultdict(list)
    for cluster in exact.values():
        for acronym in set().union(*(r.acronyms for r in cluster.records)):
            by_acronym[acronym].append(cluster)
        by_reduced[cluster.lead.key].append(cluster)
    merged: dict[int, Cluster] = {}
    for name, cluster in sorted(exact.items()):
        target = _org_target(name, cluster, by_acronym, by_reduced)
        if target is not None and id(target) not in merged:
            for rec in cluster.records:
                target.add(rec)
            merged[id(cluster)] = target
    return [c for c in exact.values() if id(c) not in merged]


def _org_target(name: str, cluster: Cluster, by_acronym: dict[str, list[Cluster]],
                by_reduced: dict[str, list[Cluster]]) -> Cluster | None:
    """The one other organisation this name is an acronym or reduced form of, if unambiguous."""
    compact = name.replace(" ", "")
    spelled = [c for c in by_acronym.get(compact, []) if c is not cluster]
    if len(spelled) == 1 and not any(r.acronyms for r in cluster.records):
        return spelled[0]
    peers = [c for c in by_reduced.get(cluster.lead.key, []) if c is not cluster]
    longer = [c for c in peers if len(c.lead.exact) > len(name) and c.evidence(cluster.lead) >= EVIDENCE_NEEDED]
    if len(peers) == 1 and len(longer) == 1:
        return longer[0]
    return None


def _resolve_places(records: list[NameRecord]) -> list[Cluster]:
    return list(_by_exact_name(records).values())


def _name_weight(name: str, type_: str) -> int:
    tokens = person_name_parts(name)[0] if type_ == "person" else _tokens(name)
    return len(tokens)


def canonical_names(cluster: Cluster, type_: str) -> tuple[str, list[str]]:
    """The most frequent of the fullest forms, and every other form as an alias."""
    counts: Counter[str] = Counter()
    for rec in cluster.records:
        counts.update(rec.name_counts or {rec.names[0]: 1})
    every = [n for rec in cluster.records for n in rec.names]
    top = max(_name_weight(n, type_) for n in counts)
    best = min((n for n in counts if _name_weight(n, type_) == top), key=lambda n: (-counts[n], n))
    aliases: list[str] = []
    for name in every:
        if name != best and name not in aliases:
            aliases.append(name)
    return best, aliases


def stable_id(cluster: Cluster, type_: str, name: str) -> str:
    members = sorted(m for rec in cluster.records for m in rec.members)
    seed = f"{type_}|{normalise_name(name)}|{members[0][0]}:{members[0][1]}"
    return ID_PREFIX[type_] + hashlib.sha1(seed.encode("utf8")).hexdigest()[:10].upper()


def previous_ids(clusters: list[Cluster], previous: Iterable[CorpusEntity]) -> dict[int, str]:
    """Give each cluster the id of the previous identity it shares most members with (each id used once)."""
    owner = {m: e.id for e in previous for m in e.members}

    def votes(cluster: Cluster) -> Counter[str]:
        found = Counter(owner[m] for rec in cluster.records for m in rec.members if m in owner)
        found.update(rec.previous_id for rec in cluster.records if rec.previous_id)
        return found

    return previous_ids_by_votes(clusters, votes)


def previous_ids_by_votes(clusters: list[Cluster], votes: Callable[[Cluster], Counter[str]]) -> dict[int, str]:
    """Give each cluster the previous identity with the most votes in it (each id used once)."""
    claims: list[tuple[int, str, int]] = []
    for i, cluster in enumerate(clusters):
        claims.extend((-n, pid, i) for pid, n in votes(cluster).items())
    taken: dict[int, str] = {}
    used: set[str] = set()
    for _, pid, i in sorted(claims):
        if i not in taken and pid not in used:
            taken[i] = pid
            used.add(pid)
    return taken


def to_entity(cluster: Cluster, entity_id: str) -> CorpusEntity:
    type_ = cluster.lead.type
    name, aliases = canonical_names(cluster, type_)
    roles = [role for rec in cluster.records for role in rec.roles]
    roles.sort(key=role_order)
    members = sorted(m for rec in cluster.records for m in rec.members)
    return CorpusEntity(entity_id, type_, name, aliases, roles, members)


def resolve_clusters(records: list[NameRecord]) -> list[Cluster]:
    """Group name records into identities, block by block (persons, organisations, places)."""
    return (
        _resolve_persons([r for r in records if r.type == "person"])
        + _resolve_organisations([r for r in records if r.type == "organisation"])
        + _resolve_places([r for r in records if r.type == "place"])
    )


def resolve_identities(
    items: Sequence[tuple[Document, Annotations]], previous: list[CorpusEntity] | None = None
) -> tuple[list[CorpusEntity], dict[str, str]]:
    """Resolve every document-local entity to a corpus identity.

    Returns the corpus entities and a map ``"docid:e3" -> corpus entity id``.  Ids
    are a hash of the canonical name and first member, so a run over the same
    documents gives the same ids; with ``previous`` (the last run's entities) an
    identity keeps its id when documents are added.  Previous identities whose
    documents are not in ``items`` are carried over so new documents can join them.
    """
    present = {doc.id for doc, _ in items}
    records = [rec for doc, ann in items for rec in document_records(doc, ann)]
    records += [r for r in (_seed_record(e, present) for e in previous or []) if r is not None]
    clusters = resolve_clusters(records)
    kept = previous_ids(clusters, previous or [])
    entities: list[CorpusEntity] = []
    entity_map: dict[str, str] = {}
    for i, cluster in enumerate(clusters):
        name = canonical_names(cluster, cluster.lead.type)[0]
        entity = to_entity(cluster, kept.get(i) or stable_id(cluster, cluster.lead.type, name))
        entities.append(entity)
        for doc_id, local in entity.members:
            if doc_id in present:
                entity_map[f"{doc_id}:{local}"] = entity.id
    entities.sort(key=lambda e: e.id)
    return entities, entity_map
