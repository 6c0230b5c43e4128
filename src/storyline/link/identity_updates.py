"""Identities kept up to date as documents arrive: new mentions resolved against the identities already known.

The rules are those of :mod:`storyline.link.identity`; this module applies them
incrementally through a :class:`~storyline.link.index.LinkIndex`.  Each identity
is filed under its blocking keys (surname, reduced organisation name, introduced
acronyms, place name); a batch of new documents looks up only the identities
sharing a key with one of its entities, turns each into a *seed* (its names with
how often each was used, its first mention and number of mentions, and the
context it was seen in: co-mentioned people, organisations, places and roles),
and resolves new records and seeds together.

A full person name can only join an identity with the same first name, or a
loose surname-only identity, so it looks those up (``pf:`` and ``pp:`` keys)
rather than everyone sharing the surname: a common surname holds ever more
people as a corpus grows.  Everyone with the surname (``p:``) is fetched only
where a partial name could be affected: a new surname-only mention, or a
loose one that the new evidence puts in context.  Then a partial name joins an
identity only if no other identity of that surname is in context too, exactly as
when the whole corpus is resolved at once.  An identity keeps its id; when new evidence makes
two identities one, the second is retired and its mentions re-pointed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from storyline.link.identity import (
    EVIDENCE_NEEDED,
    Cluster,
    NameRecord,
    canonical_names,
    document_records,
    name_record,
    mention_roles,
    previous_ids_by_votes,
    role_order,
    resolve_clusters,
    stable_id,
    to_entity,
)
from storyline.link.index import Item, LinkIndex
from storyline.model import CorpusEntity, CorpusRole, Document, Entity, from_dict

__all__ = ["entity_payload", "identities_of", "identity_roles", "resolve_new_identities"]

CONTEXT_KEPT = 400  # context keys kept per identity (the most frequent)
KEY_PREFIX = {"person": "p:", "organisation": "o:", "place": "l:"}


def filing_keys(cluster: Cluster) -> set[str]:
    """Keys an identity is filed under: its blocking key; for persons, their first names (``pf:``) or,
    for a loose surname-only identity, the surname's pool of loose names (``pp:``); for organisations,
    the acronyms it introduced."""
    keys: set[str] = set()
    loose = not any(r.full for r in cluster.records)
    for rec in cluster.records:
        keys.add(KEY_PREFIX[rec.type] + rec.key)
        keys |= {"a:" + a for a in rec.acronyms}
        if rec.type == "person" and rec.full:
            keys.add(f"pf:{rec.key}|{rec.first}")
        elif rec.type == "person" and loose:
            keys.add(f"pp:{rec.key}")
    return keys


def stored_filing_keys(data: Mapping[str, Any]) -> set[str]:
    """The keys a stored identity is filed under (to re-file identities linked by an older storyline)."""
    seed = seed_record(data)
    return filing_keys(Cluster(seed)) if seed is not None else set()


def lookup_keys(rec: NameRecord) -> set[str]:
    """Keys under which identities a new record might join are filed."""
    if rec.type == "person" and rec.full:
        return {f"pf:{rec.key}|{rec.first}", f"pp:{rec.key}"}
    keys = {KEY_PREFIX[rec.type] + rec.key}
    if rec.type == "organisation":
        keys |= {"o:" + a for a in rec.acronyms}  # the acronym used alone elsewhere ("DfE")
        keys.add("a:" + rec.exact.replace(" ", ""))  # this name is an acronym another name introduced
    return keys


def seed_record(data: Mapping[str, Any]) -> NameRecord | None:
    """A stored identity as a record that new mentions can join.

    It carries its first mention only (which fixes its place in every ordering and its
    id) and its number of mentions: reading one stays cheap however often it is named.
    """
    entity = data["entity"]
    first, mentions = _first_and_mentions(data)
    if first is None:
        return None
    stand_in = Entity("seed", entity["type"], entity["name"], list(entity["aliases"]))
    rec = name_record(Document(first[0], "", "previous"), stand_in, set())
    if rec is None:
        return None
    rec.names = [entity["name"], *entity["aliases"]]
    rec.name_counts = Counter(data.get("names") or {entity["name"]: 1})
    rec.members = [first]
    rec.mentions = mentions
    rec.context |= set(data.get("context") or {})
    genders = data.get("genders") or []
    rec.gender = genders[0] if len(genders) == 1 else None
    rec.acronyms = set(data.get("acronyms") or [])
    rec.previous_id = entity["id"]
    return rec


def _first_and_mentions(data: Mapping[str, Any]) -> tuple[tuple[str, str] | None, int]:
    if "first" in data:
        return (data["first"][0], data["first"][1]), data["mentions"]
    members = sorted((m[0], m[1]) for m in data["entity"].get("members", []))  # a record written before schema 4
    return (members[0] if members else None), len(members)


def _context_counts(cluster: Cluster, stored: Mapping[str, Mapping[str, Any]]) -> dict[str, int]:
    counts: Counter[str] = Counter()
    for rec in cluster.records:
        if rec.previous_id:
            counts.update(stored[rec.previous_id].get("context") or {})
        else:
            counts.update(rec.context | ({rec.own} if rec.own else set()))
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:CONTEXT_KEPT])


def _name_counts(cluster: Cluster) -> dict[str, int]:
    counts: Counter[str] = Counter()
    for rec in cluster.records:
        counts.update(rec.name_counts or {rec.names[0]: 1})
    return dict(counts)


def entity_payload(entity: CorpusEntity, mentions: int) -> dict[str, Any]:
    """An identity as the link output keeps it: names and number of mentions.

    Its roles are not kept here: they are the roles of its mentions, which the export
    reads from the documents (:func:`identity_roles`), so an identity named in ten
    thousand documents is not rewritten whole each time one more names it.
    """
    return {"id": entity.id, "type": entity.type, "name": entity.name, "aliases": list(entity.aliases),
            "mentions": mentions}


def _save(cluster: Cluster, entity: CorpusEntity, stored: Mapping[str, Mapping[str, Any]], index: LinkIndex) -> None:
    genders = sorted(g for g in cluster.genders if g)
    mentions = sum(r.mentions for r in cluster.records)
    index.put_record("entity", entity.id, {
        "entity": {"id": entity.id, "type": entity.type, "name": entity.name, "aliases": list(entity.aliases)},
        "first": list(entity.members[0]),
        "mentions": mentions,
        "names": _name_counts(cluster),
        "context": _context_counts(cluster, stored),
        "genders": genders,
        "acronyms": sorted(set().union(*(r.acronyms for r in cluster.records))),
    })
    index.add_postings("ent", entity.id, filing_keys(cluster))
    index.put_output("entity", entity.id, entity_payload(entity, mentions), [])


def _seeds(keys: Iterable[str], index: LinkIndex, stored: dict[str, Any]) -> list[NameRecord]:
    """Identities filed under ``keys`` and not read yet, as seeds (``stored`` gains their records)."""
    ids = sorted({i for found in index.postings("ent", sorted(set(keys))).values() for i in found} - set(stored))
    fetched = index.records("entity", ids)
    stored.update(fetched)
    return [s for s in (seed_record(fetched[i]) for i in sorted(fetched)) if s is not None]


def _surnames_in_doubt(clusters: Sequence[Cluster], seeds: Sequence[NameRecord], fetched: set[str]) -> set[str]:
    """Surnames whose every identity must be read: a loose surname-only identity is in context of an
    identity this batch formed or changed, so whether it may join depends on who else has the surname."""
    loose = [s for s in seeds if s.type == "person" and not s.full and s.key not in fetched]
    by_surname: dict[str, list[Cluster]] = {}
    for cluster in clusters:
        if cluster.lead.type == "person":
            by_surname.setdefault(cluster.lead.key, []).append(cluster)
    doubt: set[str] = set()
    for seed in loose:
        if any(not (len(c.records) == 1 and c.records[0] is seed) and c.evidence(seed) >= EVIDENCE_NEEDED
               for c in by_surname.get(seed.key, [])):
            doubt.add(seed.key)
    return doubt


def resolve_new_identities(items: Sequence[Item], index: LinkIndex) -> set[str]:
    """Resolve the entities of new documents; returns documents whose mentions moved to another identity."""
    records = [rec for doc, ann in items for rec in document_records(doc, ann)]
    stored: dict[str, Any] = {}
    seeds = _seeds((k for rec in records for k in lookup_keys(rec)), index, stored)
    clusters = resolve_clusters(records + seeds)
    fetched = {r.key for r in records if r.type == "person" and not r.full}  # looked up under "p:" already
    doubt = _surnames_in_doubt(clusters, seeds, fetched)
    if doubt:
        seeds += _seeds((KEY_PREFIX["person"] + key for key in doubt), index, stored)
        clusters = resolve_clusters(records + seeds)
    kept = previous_ids_by_votes(clusters, _votes)
    moved: set[str] = set()
    local_maps: dict[str, dict[str, str]] = {doc.id: {} for doc, _ in items}
    for i, cluster in enumerate(clusters):
        seeded = [r.previous_id for r in cluster.records if r.previous_id]
        if len(cluster.records) == 1 and seeded:
            continue  # an identity nothing new joined
        name = canonical_names(cluster, cluster.lead.type)[0]
        entity = to_entity(cluster, kept.get(i) or stable_id(cluster, cluster.lead.type, name))
        _save(cluster, entity, stored, index)
        for old in seeded:
            if old != entity.id:
                moved |= _retire(old, entity.id, index)
        for rec in cluster.records:
            if not rec.previous_id:
                for doc_id, local in rec.members:
                    local_maps[doc_id][local] = entity.id
    for doc_id, mapping in local_maps.items():
        index.set_entity_map(doc_id, mapping)
    return moved


def _votes(cluster: Cluster) -> Counter[str]:
    """Which stored identity a cluster continues: the one with the most mentions in it."""
    votes: Counter[str] = Counter()
    for rec in cluster.records:
        if rec.previous_id:
            votes[rec.previous_id] += rec.mentions + 1
    return votes


def _retire(old: str, new: str, index: LinkIndex) -> set[str]:
    """Point an identity's mentions at the one it merged into; returns its documents."""
    moved = index.remap_entity(old, new)
    index.delete_record("entity", old)
    index.delete_output("entity", old)
    return moved


def identities_of(index_records: Iterable[Mapping[str, Any]], entity_map: Mapping[str, str],
                  items: Iterable[Item]) -> list[CorpusEntity]:
    """Corpus entities, by id, from stored identity records with their mentions and roles
    (from the entity map and the documents' annotations)."""
    entities = {r["entity"]["id"]: from_dict(CorpusEntity, r["entity"]) for r in index_records}
    for key, entity_id in entity_map.items():
        if entity_id in entities:
            doc_id, local = key.rsplit(":", 1)
            entities[entity_id].members.append((doc_id, local))
    for entity_id, roles in identity_roles(items, entity_map).items():
        if entity_id in entities:
            entities[entity_id].roles = roles
    for entity in entities.values():
        entity.members.sort()
    return [entities[i] for i in sorted(entities)]


def identity_roles(items: Iterable[Item], entity_map: Mapping[str, str]) -> dict[str, list[CorpusRole]]:
    """The roles of each corpus identity: those of its mentions, ordered by date, document and place."""
    roles: dict[str, list[CorpusRole]] = {}
    for doc, ann in items:
        for entity in ann.entities:
            corpus_id = entity_map.get(f"{doc.id}:{entity.id}")
            if corpus_id is not None and entity.roles:
                roles.setdefault(corpus_id, []).extend(mention_roles(doc, entity))
    for found in roles.values():
        found.sort(key=role_order)
    return roles
