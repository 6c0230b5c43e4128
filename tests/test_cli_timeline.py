"""`storyline timeline`: key dates of the corpus, a story, a search or a window, as a table, JSON, CSV
or TimelineJS3, every sentence with its source span; without --dates, every dated event as before."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from click.testing import CliRunner

from storyline.cli import main
from storyline.store import Store

ARTICLES = [
    {"title": "Eastgate depot to close", "published": "2023-03-15", "site_name": "Harrowgate Herald",
     "url": "https://herald.example/depot",
     "text": "Harrowgate councillors voted to close the Eastgate depot on Tuesday, ending sixty years of "
             "collections from the site.\n\nThe council’s leader, Priya Shah, said the decision was “painful but "
             "unavoidable”. The depot has lost money since 2017."},
    {"title": "Depot closure approved", "published": "2023-03-16", "site_name": "Northern Wire",
     "text": "Councillors in Harrowgate voted on 14 March to close the Eastgate depot.\n\n"
             "Unions said bin crews would strike from 20 March."},
    {"title": "Bin strike begins", "published": "2023-03-21", "site_name": "Harrowgate Herald",
     "text": "Bin crews walked out across Harrowgate on Monday in protest at the closure of the Eastgate depot, "
             "which councillors approved on 14 March.\n\nThe strike is expected to last a week."},
    {"title": "Minister orders review", "published": "2023-04-03", "site_name": "BBC Yorkshire",
     "text": "The minister, Joan Pryce, ordered a review of the Eastgate depot deal on Sunday.\n\n"
             "Councillors had voted to close the depot on 14 March, and bin crews struck on 20 March."},
]


def _db(tmp_path: Path) -> str:
    source = tmp_path / "coverage.jsonl"
    source.write_text("\n".join(json.dumps(a, ensure_ascii=False) for a in ARTICLES) + "\n", encoding="utf-8")
    db = str(tmp_path / "timeline.db")
    result = CliRunner().invoke(main, ["ingest", str(source), "--db", db, "-q"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return db


def _run(*args: str) -> str:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def test_cli_timeline_key_dates_json_shape_order_and_spans(tmp_path: Path) -> None:
    db = _db(tmp_path)
    data = json.loads(_run("timeline", "--db", db, "--dates", "2", "--sentences", "2", "--format", "json"))
    dates = [entry["date"] for entry in data["timeline"]]
    assert dates == ["2023-03-14", "2023-03-20"]  # the vote and the strike, ascending
    texts = {d.id: d.text for d in Store(db).iter_documents()}
    for entry in data["timeline"]:
        assert entry["inferred"] is False and entry["sentences"]
        assert len(entry["sentences"]) <= 2
        for s in entry["sentences"]:
            assert " ".join(texts[s["document"]][s["start"]:s["end"]].split()) == s["text"]
    vote = data["timeline"][0]
    assert vote["words"] == "14 March 2023" and vote["documents"] == 4 and vote["sources"] == 3
    assert len({s["document"] for s in vote["sentences"]}) == 2


def test_cli_timeline_window_restricts_events_and_documents(tmp_path: Path) -> None:
    db = _db(tmp_path)
    data = json.loads(_run("timeline", "--db", db, "--dates", "5", "--from", "2023-03-17", "--to", "2023-04-30",
                           "--format", "json"))
    dates = [entry["date"] for entry in data["timeline"]]
    assert "2023-03-14" not in dates and "2023-03-20" in dates and "2023-04-02" in dates
    used = {s["document"] for entry in data["timeline"] for s in entry["sentences"]}
    published = {d.id: d.published for d in Store(db).iter_documents()}
    assert all("2023-03-17" <= (published[d] or "") <= "2023-04-30" for d in used)


def test_cli_timeline_every_event_without_dates_and_search_scope(tmp_path: Path) -> None:
    db = _db(tmp_path)
    every = json.loads(_run("timeline", "--db", db, "--format", "json"))["timeline"]
    assert {"2017", "2023-03-14", "2023-03-20", "2023-04-02"} <= {e["date"] for e in every}
    since = next(e for e in every if e["date"] == "2017")
    assert since["anchor"] == "since" and since["words"] == "since 2017"  # "has lost money since 2017"
    about = json.loads(_run("timeline", "--db", db, "--about", "minister review", "--format", "json"))["timeline"]
    assert {s["document"] for e in about for s in e["sentences"]} == {
        d.id for d in Store(db).iter_documents() if d.title == "Minister orders review"}
    assert "14 Mar 2023" in _run("timeline", "--db", db)  # the table of every event, as before


def test_cli_timeline_csv_and_timelinejs(tmp_path: Path) -> None:
    db = _db(tmp_path)
    rows = list(csv.DictReader(io.StringIO(_run("timeline", "--db", db, "--dates", "2", "--format", "csv"))))
    assert rows and set(rows[0]) == {"date", "words", "inferred", "document", "start", "end", "text"}
    out = tmp_path / "tl.json"
    _run("timeline", "--db", db, "--dates", "3", "--format", "timelinejs", "-o", str(out))
    slides = json.loads(out.read_text(encoding="utf-8"))
    assert slides["title"]["text"]["headline"] == "Key dates: the corpus"
    first = slides["events"][0]
    assert first["start_date"] == {"year": 2023, "month": 3, "day": 14, "display_date": "14 March 2023"}
    assert first["text"]["headline"] == "14 March 2023" and "<p>" in first["text"]["text"]
    assert any("media" in e and e["media"]["url"] == "https://herald.example/depot" for e in slides["events"])


def test_cli_timeline_table_and_a_clear_error_for_an_unknown_story(tmp_path: Path) -> None:
    db = _db(tmp_path)
    table = _run("timeline", "--db", db, "--dates", "2")
    assert "14 March 2023" in table and "20 March 2023" in table
    result = CliRunner().invoke(main, ["timeline", "--db", db, "--story", "NOPE", "--dates", "2"])
    assert result.exit_code == 2 and "storyline stories" in result.output


def test_cli_timeline_mirrors_the_python_api(tmp_path: Path) -> None:
    import storyline

    db = _db(tmp_path)
    picks = storyline.timeline(db=db, dates=2, sentences=1)
    data = json.loads(_run("timeline", "--db", db, "--dates", "2", "--sentences", "1", "--format", "json"))
    assert [k.date for k in picks] == [e["date"] for e in data["timeline"]]
    assert [s.document for k in picks for s in k.sentences] == [
        s["document"] for e in data["timeline"] for s in e["sentences"]]
