"""The Python API mirrors every CLI command, keeps its names callable, and stays cheap to import."""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
from pathlib import Path

import click
import pytest

import storyline
from storyline import views
from storyline.cli import main

from .builders import filled_store

# CLI command -> the function of the top-level API that does the same
MIRRORS = {
    "ingest": "ingest", "annotate": "annotate", "link": "link", "docs": "docs", "show": "show", "search": "search",
    "errors": "errors", "export": "export", "people": "people", "quotes": "quotes", "timeline": "timeline",
    "claims": "claims", "stories": "stories", "story": "story", "demo": "demo", "serve": "serve", "report": "report",
    "datasette-metadata": "datasette_metadata", "diff": "diff", "spark": "spark",
}
# `storyline fix ...` sub-commands -> their API functions
FIX_MIRRORS = {
    "merge": "fix_merge", "split": "fix_split", "rename": "fix_rename", "type": "fix_type", "reject": "fix_reject",
    "speaker": "fix_speaker", "date": "fix_date", "story": "fix_story", "storyline join": "fix_storyline_join",
    "storyline split": "fix_storyline_split", "log": "fix_log", "undo": "fix_undo",
}


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = str(tmp_path / "api.db")
    filled_store(path).close()
    return path


def test_api_mirrors_every_fix_command() -> None:
    fix = main.commands["fix"]
    assert isinstance(fix, click.Group)
    found = {f"{name} {sub}" if isinstance(c, click.Group) else name: c for name, c in fix.commands.items()
             for sub in (c.commands if isinstance(c, click.Group) else [""])}
    assert set(FIX_MIRRORS) == set(found)
    for command, function in FIX_MIRRORS.items():
        assert callable(getattr(storyline, function)) and function in storyline.__all__, command


def test_api_mirrors_every_cli_command() -> None:
    assert set(MIRRORS) | {"fix"} == set(main.commands), "a CLI command without a Python API function (or the reverse)"
    for command, function in MIRRORS.items():
        assert callable(getattr(storyline, function)), f"storyline.{function} (mirrors `storyline {command}`)"
        assert function in storyline.__all__
        options = {p.name for p in main.commands[command].params if isinstance(p, click.Option)} - {"help"}
        assert options, command


def test_api_read_functions_return_views(db: str) -> None:
    assert [p.name for p in storyline.people(db=db)] == ["Grace Hughes", "Priya Shah"]
    assert isinstance(storyline.person("P2", db=db), views.Person)
    assert [q.speaker_name for q in storyline.quotes(db=db, speaker="hughes")] == ["Grace Hughes"]
    assert [e.date for e in storyline.timeline(db=db)] == ["2023-03-14"]
    assert [e.date for e in storyline.timeline(db=db, story="S1")] == ["2023-03-14"]
    assert [c.kind for c in storyline.claims(db=db)] == ["claim"]
    assert [s.id for s in storyline.stories(db=db)] == ["S1"]
    dossier = storyline.story("S1", db=db)
    assert dossier.story.title == "Mayor rejects claim" and dossier.quote_count == 1
    assert [d.id for d in storyline.docs(db=db)] == ["d1", "d2"]
    assert storyline.show("d1", db=db).quotes[0].text == "That is simply untrue"
    assert {h.document.id for h in storyline.search("scrutiny", db=db).hits} == {"d1", "d2"}
    assert storyline.errors(db=db) == []
    assert storyline.overview(db=db).counts["quotes"] == 1


def test_api_missing_things_say_how_to_list_them(db: str) -> None:
    with pytest.raises(storyline.NotFound, match="storyline stories"):
        storyline.story("nope", db=db)
    with pytest.raises(storyline.NotFound, match="storyline docs"):
        storyline.show("zzzz", db=db)
    with pytest.raises(storyline.NotFound, match="storyline people"):
        storyline.person("nobody", db=db)


def test_api_export_and_report(db: str, tmp_path: Path) -> None:
    data = storyline.export(db=db)
    assert data is not None and data["quotes"][0]["speaker"] == "P2"
    target = tmp_path / "corpus.jsonl"
    assert storyline.export(db=db, format="jsonl", output=target) is None
    assert {json.loads(line)["type"] for line in target.read_text(encoding="utf-8").splitlines()} >= {"quotes"}
    html = storyline.report("S1", db=db, format="html", output=tmp_path / "s1.html")
    assert html.startswith(b"<!doctype html>") and (tmp_path / "s1.html").read_bytes() == html


def test_api_names_stay_callable_after_the_subpackages_load(tmp_path: Path) -> None:
    # Ingesting imports storyline.ingest.*, storyline.annotate.*, storyline.link.*: the commands of those
    # names must stay callable, and the sub-packages reachable through them.
    source = tmp_path / "note.txt"
    source.write_text("Council approves budget\n\nThe council approved its budget on 3 May 2024.", encoding="utf-8")
    db = str(tmp_path / "names.db")
    report = storyline.ingest([str(source)], db=db)
    assert len(report.added) == 1
    export_module = importlib.import_module("storyline.export")
    for name in ("storyline.link.corpus", "storyline.report.dossier"):
        importlib.import_module(name)
    summary = storyline.link(db=db)
    assert summary.documents == 1
    assert storyline.annotate(db=db) == 1
    assert storyline.link.corpus.refresh is not None and storyline.ingest.batch.IngestReport is not None
    assert callable(storyline.export) and export_module.FORMATS == ("json", "jsonl", "csv")
    assert storyline.export(db=db)["documents"][0]["title"] == "Council approves budget"  # type: ignore[index]
    assert storyline.report.dossier.render_report is not None
    importlib.import_module("storyline.spark.job")  # pyspark not needed to load the job's module
    assert callable(storyline.spark) and storyline.spark.job.run_spark is not None


@pytest.mark.parametrize("code", [
    "import storyline",
    "import storyline; storyline.people(db=DB); storyline.story('S1', db=DB); storyline.export(db=DB)",
])
def test_api_import_stays_cheap(db: str, code: str) -> None:
    """No readers, pipeline or web app until they are used: reading a corpus never loads them."""
    heavy = ("trafilatura", "storyline.ingest", "storyline.annotate", "storyline.link", "fastapi", "reportlab")
    script = f"DB = {db!r}\n{code}\nimport sys\nprint(sorted(m for m in sys.modules if m.startswith({heavy!r})))"
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def _failing_on(word: str) -> object:
    from storyline.annotate.pipeline import Pipeline

    class Failing(Pipeline):
        def __call__(self, doc: storyline.model.Document) -> storyline.model.Annotations:
            if word in doc.text:
                raise KeyError("a language rule's bug")
            return super().__call__(doc)

    return lambda model=None: Failing()


def test_api_annotate_goes_on_past_a_failing_document(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """One document the pipeline fails on stopped the whole re-annotation with a traceback; with a problems
    list it is reported, keeps its earlier annotations, and the others are annotated."""
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "a.txt").write_text("Councillor Ada Obi said the depot would close on 3 May 2024.", encoding="utf-8")
    (folder / "b.txt").write_text("The mayor, Tom Hale, said the budget was safe on 4 May 2024.", encoding="utf-8")
    db = str(tmp_path / "annotate.db")
    storyline.ingest([str(folder)], db=db, link=False)
    hale = next(d.id for d in storyline.docs(db=db).items if d.source.endswith("b.txt"))
    before = storyline.show(hale, db=db)
    assert before.quotes
    monkeypatch.setattr("storyline.annotate.pipeline.make_pipeline", _failing_on("Tom Hale"))
    with pytest.raises(KeyError):
        storyline.annotate(db=db)
    problems: list[storyline.ingest.problems.Problem] = []
    assert storyline.annotate(db=db, problems=problems) == 1
    assert [p.reason for p in problems] == ["annotation-failed"] and "b.txt" in problems[0].message
    assert "KeyError" in problems[0].message and "report" in problems[0].message
    assert storyline.show(hale, db=db).quotes == before.quotes


_COVERAGE = {
    "budget.json": {"title": "Harwick council sets a budget with a £3m gap", "date": "2024-02-20",
                    "text": "Harwick Borough Council set its budget on 19 February 2024 with a £3m gap, council leader "
                            "Tom Ellery said. \"We have had to make choices nobody wanted,\" said Tom Ellery."},
    "budget-reply.json": {"title": "Opposition attacks Harwick budget gap", "date": "2024-02-21",
                          "text": "Opposition leader Nadia Park said the £3m gap in the budget Harwick Borough Council "
                                  "set on 19 February 2024 was avoidable. \"The gap is a choice,\" said Nadia Park. "
                                  "Tom Ellery, the council leader, said the budget was balanced."},
}


def _write_coverage(folder: Path) -> str:
    folder.mkdir()
    for name, article in _COVERAGE.items():
        (folder / name).write_text(json.dumps(article), encoding="utf-8")
    return str(folder)


@pytest.mark.parametrize("stage", ["documents", "refresh"])
def test_api_ingest_again_finishes_the_linking_an_interrupted_ingest_left(tmp_path: Path, stage: str,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """Every document was stored when linking stopped (Ctrl-C, a killed process): running the same ingest again
    adds nothing, and linked nothing either, so the corpus stayed without stories."""
    import storyline.api
    import storyline.link.corpus

    folder = _write_coverage(tmp_path / "coverage")
    clean = str(tmp_path / "clean.db")
    storyline.ingest([folder], db=clean)
    expected = storyline.export(db=clean)

    def interrupted(*_args: object, **_kwargs: object) -> None:
        raise KeyboardInterrupt

    target = (storyline.api, "link_new") if stage == "documents" else (storyline.link.corpus, "refresh")
    with monkeypatch.context() as patch:
        patch.setattr(*target, interrupted)
        db = str(tmp_path / "interrupted.db")
        with pytest.raises(KeyboardInterrupt):
            storyline.ingest([folder], db=db)
    report = storyline.ingest([folder], db=db)
    assert not report.added and report.already_present == 2
    assert storyline.export(db=db) == expected and expected["stories"]
