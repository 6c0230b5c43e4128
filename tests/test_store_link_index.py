"""Incremental linking in the store: same links whether documents come at once, one by one, or after a crash."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import create_engine, text

from storyline import api
from storyline.link import documents as link_documents_module
from storyline.link.corpus import STORY_MODEL_KEY, link_corpus
from storyline.model import Annotations, Document
from storyline.store import Store
from storyline.store.link_index import key_hash
from storyline.views.records import records

from .conftest import postgres_schema_url
from .link_fixtures import intervention
from .test_link_stories import load_fixture

Item = tuple[Document, Annotations]


def fixtures() -> list[Item]:
    return load_fixture("councils") + load_fixture("versions") + load_fixture("press_release")


@pytest.fixture(params=["sqlite", "postgres"])
def empty_store(request: pytest.FixtureRequest, tmp_path: Any) -> Iterator[Store]:
    if request.param == "sqlite":
        store = Store(str(tmp_path / "links.db"))
    else:
        store = Store(postgres_schema_url())
    yield store
    store.close()


def add(store: Store, items: list[Item]) -> None:
    for doc, ann in items:
        store.add_document(doc, ann)


def snapshot(store: Store) -> dict[str, Any]:
    """What the export shows of the links, in comparable form."""
    def listed(name: str) -> list[dict[str, Any]]:
        return list(records(store, name))

    return {
        "stories": {frozenset(s["documents"]) for s in listed("stories")},
        "story_ids": sorted(s["id"] for s in listed("stories")),
        "storylines": sorted((line["id"], tuple(line["stories"])) for line in listed("storylines")),
        "reuse": sorted((r["a"], r["b"], r["a_start"], r["b_start"], r["b_end"]) for r in listed("reuse")),
        "document_links": sorted((d["a"], d["b"], d["kind"]) for d in listed("document_links")),
        "duplicate_of": sorted((d.id, d.duplicate_of) for d in store.list_documents()),
        "shares": {d["id"]: d["reuse_share"] for d in listed("documents")},
    }


def test_store_link_index_one_call_matches_the_memory_linker(empty_store: Store) -> None:
    items = fixtures()
    add(empty_store, items)
    summary = api.link_store(empty_store)
    links, _ = link_corpus(items)
    got = snapshot(empty_store)
    assert summary.new_documents == len(items) and summary.stories == len(links.stories)
    assert got["stories"] == {frozenset(s.documents) for s in links.stories}
    assert got["reuse"] == sorted((r.a, r.b, r.a_start, r.b_start, r.b_end) for r in links.reuse)
    assert got["storylines"] == sorted((line.id, tuple(line.stories)) for line in links.storylines)
    assert ("bridge-v1-copy", "bridge-v1") in got["duplicate_of"]


def test_store_link_index_documents_one_at_a_time_give_the_same_links(empty_store: Store, tmp_path: Any) -> None:
    items = fixtures()
    for item in items:
        add(empty_store, [item])
        assert api.link_store(empty_store).new_documents == 1
    at_once = Store(str(tmp_path / "once.db"))
    add(at_once, items)
    api.link_store(at_once)
    assert snapshot(empty_store) == snapshot(at_once)
    assert api.link_store(empty_store).new_documents == 0  # nothing new: nothing relinked


def test_store_link_index_crash_mid_batch_loses_nothing_and_duplicates_nothing(
    empty_store: Store, tmp_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    items = fixtures()
    add(empty_store, items)
    real = link_documents_module.link_document
    calls = {"n": 0}

    def crash_after_five(*args: Any) -> str:
        calls["n"] += 1
        if calls["n"] > 5:
            raise KeyboardInterrupt("killed")
        return real(*args)

    monkeypatch.setattr("storyline.link.corpus.link_document", crash_after_five)
    monkeypatch.setattr(api, "LINK_BATCH", 3)
    with pytest.raises(KeyboardInterrupt):
        api.link_store(empty_store)
    assert 0 < len(empty_store.unlinked_documents()) < len(items)  # the first whole batch was kept
    monkeypatch.setattr("storyline.link.corpus.link_document", real)
    api.link_store(empty_store)
    clean = Store(str(tmp_path / "clean.db"))
    add(clean, items)
    api.link_store(clean)
    assert snapshot(empty_store)["stories"] == snapshot(clean)["stories"]
    assert snapshot(empty_store)["reuse"] == snapshot(clean)["reuse"]


def test_store_link_index_rebuild_relinks_everything(empty_store: Store) -> None:
    add(empty_store, fixtures())
    api.link_store(empty_store)
    before = snapshot(empty_store)
    summary = api.link_store(empty_store, rebuild=True)
    assert summary.new_documents == len(fixtures())
    assert snapshot(empty_store) == before


def _evidence(store: Store) -> dict[str, Any]:
    """What each story and storyline is explained by (items shared by as many members are ranked by the
    rarity of the moment, so their order may differ)."""
    return {row["id"]: {(e["kind"], e["value"], e["documents"]) for e in row["evidence"]}
            for row in [*records(store, "stories"), *records(store, "storylines")]}


def test_store_link_index_added_one_by_one_in_any_order_agrees_with_rebuild(empty_store: Store) -> None:
    """Stories, storylines and what explains them: incremental linking as reports arrive (in a shuffled
    order) and ``storyline link --rebuild`` give the same."""
    items = intervention() + load_fixture("councils")
    for item in [items[i] for i in (5, 0, 9, 3, 7, 1, 11, 4, 2, 10, 6, 8, 12, 13, 14, 15)[: len(items)]]:
        add(empty_store, [item])
        api.link_store(empty_store)
    one_by_one = snapshot(empty_store), _evidence(empty_store)
    assert api.link_store(empty_store, rebuild=True).new_documents == len(items)
    assert (snapshot(empty_store), _evidence(empty_store)) == one_by_one
    assert any(e["kind"] == "organisation" for line in records(empty_store, "storylines") for e in line["evidence"])


def test_store_link_index_stories_of_an_earlier_version_are_relinked(empty_store: Store) -> None:
    """An index linked before stories were grouped from compared pairs cannot be extended: it is relinked."""
    add(empty_store, fixtures())
    api.link_store(empty_store)
    before = snapshot(empty_store)
    with empty_store.writer.begin() as conn:  # as an earlier version left it: no marker of the story model
        conn.execute(text("DELETE FROM link_counts WHERE kind = 'meta' AND key = :k"),
                     {"k": key_hash("meta", STORY_MODEL_KEY)})
    assert api.link_store(empty_store).new_documents == len(fixtures())
    assert snapshot(empty_store) == before


def test_store_link_index_entity_map_and_export_use_corpus_ids(empty_store: Store) -> None:
    add(empty_store, load_fixture("councils"))
    api.link_store(empty_store)
    mapping = empty_store.entity_map()
    assert mapping and all(v[0] in "POL" for v in mapping.values())
    entities = {e["id"] for e in records(empty_store, "entities")}
    assert set(mapping.values()) <= entities


def test_store_link_index_key_hash_is_stable_and_signed_64_bit() -> None:
    assert key_hash("df", "council") == key_hash("df", "council")
    assert key_hash("df", "council") != key_hash("st", "council")
    assert -(2**63) <= key_hash("pas", "x") < 2**63


def test_store_link_index_two_linkers_at_once_link_each_document_once(empty_store: Store, tmp_path: Any) -> None:
    items = fixtures()
    add(empty_store, items)
    twin = Store(empty_store.db)  # a second process's connection to the same database
    results: list[Any] = []

    def link(store: Store) -> None:
        try:
            results.append(api.link_store(store).new_documents)
        except Exception as exc:  # noqa: BLE001 - reported by the assertion below
            results.append(exc)

    threads = [threading.Thread(target=link, args=(store,)) for store in (empty_store, twin)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    twin.close()
    assert all(isinstance(r, int) for r in results), results
    assert sum(results) >= len(items)  # each saw every document pending; the lock made the later one skip them
    at_once = Store(str(tmp_path / "once.db"))
    add(at_once, items)
    api.link_store(at_once)
    assert snapshot(empty_store) == snapshot(at_once)
    with empty_store.reader.connect() as conn:
        linked = conn.execute(text("SELECT count(*) FROM link_records WHERE kind = 'doc'")).scalar()
        counted = conn.execute(text("SELECT n FROM link_counts WHERE kind = 'meta' AND key = :k"),
                               {"k": key_hash("meta", "linked")}).scalar()
    assert linked == counted == len(items)


def test_store_link_index_upgrade_files_person_identities_under_first_names(tmp_path: Any) -> None:
    from storyline.link.identity_updates import stored_filing_keys

    from .test_store_upgrade import unpack_old_database

    path = unpack_old_database(tmp_path)  # a real 0.1.0 database (schema 4)
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:  # as a database linked before schema 4 looked
        rows = conn.execute(text("SELECT id, data FROM link_records WHERE kind = 'entity'")).all()
        keys = {row.id: stored_filing_keys(json.loads(row.data)) for row in rows}
        new_keys = {k for ks in keys.values() for k in ks if k.startswith(("pf:", "pp:"))}
        assert new_keys
        for key in new_keys:
            conn.execute(text("DELETE FROM link_postings WHERE kind = 'ent' AND key = :k"), {"k": key_hash("ent", key)})
        conn.execute(text("DELETE FROM schema_migrations WHERE version >= 4"))  # 4 and every later one
    engine.dispose()
    upgraded = Store(path)
    with upgraded.reader.connect() as conn:
        filed = {(r.key, r.item) for r in conn.execute(text("SELECT key, item FROM link_postings WHERE kind = 'ent'"))}
    assert all((key_hash("ent", k), i) in filed for i, ks in keys.items() for k in ks)
    upgraded.close()


def test_store_link_index_export_gives_identities_every_role_of_their_mentions(empty_store: Store) -> None:
    from storyline.annotate.pipeline import annotate
    from storyline.export import build_export

    items = [(doc, annotate(doc)) for doc, _ in load_fixture("councils") + load_fixture("versions")]
    add(empty_store, items)
    api.link_store(empty_store)
    exported = {e["id"]: e for e in build_export(empty_store)["entities"]}
    links, _ = link_corpus(items)
    texts = {doc.id: doc.text for doc, _ in items}
    with_roles = [e for e in links.entities if e.roles]
    assert with_roles
    for entity in links.entities:
        got = exported[entity.id]
        assert got["mentions"] == len(entity.members)
        assert [(r["role"], r["document"], r["start"], r["end"]) for r in got["roles"]] == [
            (r.role, r.document, r.start, r.end) for r in entity.roles]
    for role in (r for e in with_roles for r in e.roles):
        assert role.role.split()[-1].lower() in texts[role.document][role.start : role.end].lower()


def test_store_link_index_linking_collects_garbage_less_often_then_restores(empty_store: Store,
                                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    import gc

    seen: list[tuple[int, int, int]] = []
    original = api.link_new

    def recording(*args: Any, **kwargs: Any) -> set[str]:
        seen.append(gc.get_threshold())
        return original(*args, **kwargs)

    monkeypatch.setattr(api, "link_new", recording)
    before = gc.get_threshold()
    add(empty_store, load_fixture("councils"))
    api.link_store(empty_store)
    assert seen and all(t == api.LINK_GC_THRESHOLDS for t in seen)
    assert gc.get_threshold() == before
