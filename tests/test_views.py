"""Views over the export object: ordering by mixed-precision dates, filters, the story dossier."""

from __future__ import annotations

from storyline import views
from storyline.export import build_export

from .builders import filled_store


def test_views_date_sort_key_orders_mixed_precision() -> None:
    values = ["2023-03-14", "XXXX-10-19", "2023", "2022-11", "2023-03", None]
    ordered = sorted(values, key=views.date_sort_key)
    assert ordered[:4] == ["2022-11", "2023", "2023-03", "2023-03-14"]
    assert set(ordered[4:]) == {"XXXX-10-19", None}


def test_views_people_counts_quotes_and_roles() -> None:
    data = build_export(filled_store())
    rows = views.people(data)
    assert rows[0]["name"] == "Grace Hughes" and rows[0]["quotes"] == 1 and rows[0]["role_names"] == ["mayor"]


def test_views_quotes_filter_by_speaker() -> None:
    data = build_export(filled_store())
    assert len(views.quotes(data, "hughes")) == 1
    assert views.quotes(data, "Shah") == []


def test_views_dossier_gathers_the_story() -> None:
    data = build_export(filled_store())
    d = views.dossier(data, "S1")
    assert d is not None
    assert [doc["id"] for doc in d.documents] == ["d1", "d2"]
    assert {p["name"] for p in d.people} == {"Grace Hughes", "Priya Shah"}
    assert list(d.quotes_by_speaker) == ["Grace Hughes"]
    assert d.timeline[0]["date"] == "2023-03-14"
    assert d.storyline and d.storyline["id"] == "L1"
    assert d.discrepancies[0]["kind"] == "claim-denial" and len(d.reuse) == 1
    assert views.dossier(data, "nope") is None


def test_views_story_timeline_prefers_the_merged_one() -> None:
    data = build_export(filled_store())
    merged = {**data["events"][0], "id": "d1:v1", "date": "2023-03-14"}
    data["timelines"] = [{"story": "S1", "events": [merged]}]
    data["events"] = data["events"] * 2  # the same event reported twice
    assert [e["id"] for e in views.timeline(data, story="S1")] == ["d1:v1"]
    assert len(views.timeline(data)) == 2


def test_views_distinct_roles_merges_variants() -> None:
    roles = [{"role": r} for r in ["Mayor", "mayor", "council leader", "leader", "Children's Minister",
                                   "Children’s Minister", "MP"]]
    assert views.distinct_roles(roles) == ["Children's Minister", "council leader", "mayor", "MP"]
