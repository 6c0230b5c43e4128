"""Corrections survive re-annotation, `link --rebuild` and new documents about the same people, on SQLite
and PostgreSQL: every kind is made on a small corpus of British local news (tests/fixtures/corrections),
then checked through the views after each of the three."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from storyline import api, views
from storyline.store import Store

from .conftest import FIXTURES, drop_postgres_schema, postgres_schema_url

CORPUS = FIXTURES / "corrections"
FIRST = sorted(str(p) for p in CORPUS.glob("0[1-4]-*.json"))
LATER = str(CORPUS / "05-gazette-no-confidence.json")
TITLES = {"01": "Council leader defends care home closures", "02": "Care home families demand answers",
          "03": "Town striker Ellis signs new deal", "04": "Cabinet confirms care home closures",
          "05": "Okafor faces no-confidence vote over care homes"}


@pytest.fixture(params=["sqlite", "postgres"])
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield str(tmp_path / "corrections.db")
        return
    url = postgres_schema_url()
    yield url
    drop_postgres_schema(url)


def documents(store: Store) -> dict[str, str]:
    """Fixture number ("01") -> document id."""
    by_title = {d.title: d.id for d in views.documents(store, 100)}
    return {n: by_title[t] for n, t in TITLES.items() if t in by_title}


def named(store: Store, name: str, kind: str = "person") -> list[views.PersonSummary]:
    return [p for p in views.people(store, kind, 500) if p.name == name]


def one(store: Store, name: str, kind: str = "person") -> str:
    found = named(store, name, kind)
    assert len(found) == 1, f"{name}: {found}"
    return found[0].id


def quote(store: Store, doc: str, words: str) -> views.QuoteRow | None:
    return next((q for q in views.document(store, doc).quotes if words in q.text), None)  # type: ignore[union-attr]


def correct_everything(store: Store) -> dict[str, str]:
    """What a reporter fixes after reading the machine's dossier of the first four articles."""
    docs = documents(store)
    defended = quote(store, docs["01"], "straight answer")
    assert defended is not None and defended.speaker is None  # "he", among three men: Daniel Okafor, the reporter knows
    announcement = quote(store, docs["03"], "two-year contract extension")
    assert announcement is not None
    letter = next(e for e in views.document(store, docs["02"]).events if "delivered" in e.text)  # type: ignore[union-attr]
    assert letter.date == "2024-02-06"
    care = views.document(store, docs["01"]).summary.story  # type: ignore[union-attr]
    assert care and views.document(store, docs["04"]).summary.story == care  # type: ignore[union-attr]
    due = next(e for e in views.document(store, docs["01"]).events if "final decision is due" in e.text)  # type: ignore[union-attr]
    sound = next(c for c in views.document(store, docs["02"]).claims if "numbers were sound" in c.text)  # type: ignore[union-attr]
    made = [
        api.fix_merge(one(store, "Dan Okafor"), one(store, "Daniel Okafor"), store, note="same council leader"),
        api.fix_split(one(store, "Mark Ellis"), docs["03"], store, note="the striker, not the finance director"),
        api.fix_rename(one(store, "Sue Barrow"), "Susan Barrow", store),
        api.fix_type(one(store, "Whitehall", "organisation"), "place", store, note="the council offices"),
        api.fix_reject("entity", one(store, "Fernside Manor"), store, note="a care home, not a person"),
        api.fix_reject("quote", announcement.id, store, note="the club's announcement, not a quote"),
        api.fix_speaker(defended.id, one(store, "Daniel Okafor"), store, note="his words: on the recording"),
        api.fix_date(letter.id, "2024-01-30", store, note="delivered the Tuesday before"),
        api.fix_story(docs["04"], "new", store, note="the cabinet vote is news of its own"),
        api.fix_reject("event", due.id, store, note="a meeting planned, not something that happened"),
        api.fix_reject("claim", sound.id, store, note="his assurance, already listed as his words"),
    ]
    assert [c.status for c in made] == ["applied"] * len(made), [(c.description, c.detail) for c in made]
    return {**docs, "care": care}


def assert_corrected(store: Store, docs: dict[str, str]) -> None:
    later = "05" in docs
    okafor = named(store, "Daniel Okafor")
    assert len(okafor) == 1 and "Dan Okafor" in okafor[0].aliases and not named(store, "Dan Okafor"), "merge"
    okafor_docs = {d.id for d in api.person(okafor[0].id, store).documents}
    said = api.quotes(store, limit=500).items
    assert {x.speaker_name for x in said if x.speaker == okafor[0].id} == {"Daniel Okafor"}, "merge: quotes' speaker"
    assert any(x.speaker == okafor[0].id and "Dan Okafor" in views.document(store, x.document).text  # type: ignore[union-attr]
               for x in said), "merge: the documents keep their own wording"
    claims = api.claims(store, limit=500).items
    assert {c.claimant_name for c in claims if c.claimant == okafor[0].id} <= {"Daniel Okafor"}, "merge: claims"
    story = api.story(docs["care"], store, full=True)
    assert [g.name for g in story.quotes if g.speaker == okafor[0].id] == ["Daniel Okafor"], "merge: one speaker"
    assert okafor_docs >= {docs[n] for n in ("01", "02", "04", "05") if n in docs}, "merge: every document"
    ellis = {p.id: {d.id for d in api.person(p.id, store).documents} for p in named(store, "Mark Ellis")}
    assert sorted(ellis.values(), key=len) == [{docs["03"]}, {docs[n] for n in ("01", "02", "04", "05")
                                                              if n in docs}], "split"
    assert named(store, "Susan Barrow") and not named(store, "Sue Barrow"), "rename"
    assert quote(store, docs["03"], "best news").speaker_name == "Susan Barrow", "rename: quotes"  # type: ignore[union-attr]
    assert named(store, "Whitehall", "place") and not named(store, "Whitehall", "organisation"), "type"
    assert not named(store, "Fernside Manor"), "reject entity"
    for n in ("02", "05") if later else ("02",):
        local = views.document(store, docs[n]).entities  # type: ignore[union-attr]
        assert "Fernside Manor" not in {e.name for e in local}, f"reject entity in {n}"
    assert quote(store, docs["03"], "two-year contract") is None, "reject quote"
    defended = quote(store, docs["01"], "straight answer")
    assert defended is not None and (defended.speaker, defended.speaker_name) == (okafor[0].id, "Daniel Okafor"), \
        "speaker"
    letter = next(e for e in views.document(store, docs["02"]).events if "delivered" in e.text)  # type: ignore[union-attr]
    assert (letter.date, letter.precision, letter.inferred) == ("2024-01-30", "day", False), "date"
    timeline = {e.id: e.date for e in views.timeline(store, story=docs["care"], limit=500)}
    assert timeline.get(letter.id) == "2024-01-30", "date in the story's timeline"
    vote = views.document(store, docs["04"]).summary.story  # type: ignore[union-attr]
    assert vote == "story-x" + docs["04"][:16] and vote != docs["care"], "story"
    assert [d.id for d in api.story(vote, store).documents] == [docs["04"]], "story: on its own"
    assert docs["04"] not in {d.id for d in api.story(docs["care"], store).documents}, "story: gone from the other"
    events = views.document(store, docs["01"]).events  # type: ignore[union-attr]
    assert not [e for e in events if "final decision is due" in e.text], "reject event"
    assert not [e for e in views.timeline(store, story=docs["care"], limit=500) if "final decision is due" in e.text]
    claims = views.document(store, docs["02"]).claims  # type: ignore[union-attr]
    assert not [c for c in claims if "numbers were sound" in c.text], "reject claim"
    log = api.fix_log(store)
    assert [c.status for c in log] == ["applied"] * 11, [(c.description, c.detail) for c in log if c.status != "applied"]
    assert len(api.export(store)["corrections"]) == 11  # type: ignore[index]


@pytest.mark.parametrize("rerun", ["annotate", "link --rebuild", "ingest a new document"])
def test_corrections_survive(db: str, rerun: str) -> None:
    store = Store(db)
    try:
        api.ingest(FIRST, store)
        docs = correct_everything(store)
        assert_corrected(store, docs)
        if rerun == "annotate":
            api.annotate(store)
            assert_corrected(store, docs)
            api.link_store(store, rebuild=True)  # `storyline annotate` relinks afterwards
        elif rerun == "link --rebuild":
            api.link_store(store, rebuild=True)
        else:
            api.ingest([LATER], store)
            docs = {**docs, **documents(store)}
            assert "05" in docs
        assert_corrected(store, docs)
    finally:
        store.close()
