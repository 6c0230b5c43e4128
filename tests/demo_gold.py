"""Load the demo answer key (``tests/fixtures/demo_gold.json``) and match an export against it.

Used by ``tests/demo_gold_scores.py`` (the scorers), ``tests/test_demo_gold.py`` (floors) and
``bench/demo.py`` (table). :func:`resolve_run` maps every gold document to its exported record; the
helpers below match names and spans.

Matching rules (strict on purpose: a quote given to the wrong person is worse than none):

- Documents are matched by file name and record (``#line N`` / ``#entry N`` / ``#item N`` are 1-based,
  ``#row N`` counts the CSV header as row 1). A gold file that ingest folded into an identical document
  (same content hash) maps to that document.
- Names match when equal ignoring case, curly apostrophes, a leading "the" and honorifics; or when the
  prediction is a lone surname that the gold full name ends with and no other known person with that
  surname is named in the document; or when both are non-person sources (organisations, press releases,
  spokespeople: "institution"; letters, minutes, reports: "document") of the same kind and every content
  word of the prediction is in the gold name ("the council's press office" / "Castlewick Borough Council
  press office").
"""

from __future__ import annotations

import json
import os
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from storyline.demo.load import demo_corpus_path
from storyline.ingest import IngestOptions, Problem, SourceRef, read_source

GOLD_PATH = Path(__file__).resolve().parent / "fixtures" / "demo_gold.json"

DocKey = tuple[str, "int | None"]
Record = dict[str, Any]

HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "cllr", "sir", "dame", "mr.", "mrs.", "ms.", "dr."})
STOP_WORDS = frozenset({"the", "a", "an", "of", "for", "and", "at", "on", "in", "to", "s"})
INSTITUTION_WORDS = frozenset(
    {
        "council", "department", "ministry", "trust", "company", "office", "press", "release", "statement",
        "spokesperson", "spokesman", "spokeswoman", "committee", "solutions", "district", "government",
        "authority", "city", "hall", "party", "group", "transit", "union",
    }
)  # fmt: skip
DOCUMENT_SOURCE_WORDS = frozenset({"letter", "letters", "minutes", "report", "audit", "review", "memo"})
SOURCE_KIND_WORDS = frozenset({"press", "release", "statement", "spokesperson", "spokesman", "spokeswoman"})
PRONOUN_NAMES = frozenset(
    "i me he him his she her hers it its we us our they them their you your who this that".split()
)
CALENDAR_NAMES = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july "
    "august september october november december".split()
)
DEMO_PLACES = frozenset(
    {"castlewick", "brackendale", "port ellison", "millbrook", "ferndale", "harbor county"}
)
STORY_AFFAIRS = ("A", "B", "C")


# --- loading and mapping ---------------------------------------------------------------------------------


def load_gold(path: Path = GOLD_PATH) -> Record:
    """The answer key as a dict (see its ``_about`` for conventions)."""
    with path.open(encoding="utf-8") as handle:
        data: Record = json.load(handle)
    return data


def without_ocr_documents(gold: Record) -> Record:
    """The key without the documents read by OCR (and everything about them): for machines without Tesseract."""
    scanned = {d["file"] for d in gold["documents"] if d.get("ocr")}
    return {key: [r for r in value if r.get("file") not in scanned] if isinstance(value, list) else value
            for key, value in gold.items()}


def source_key(source: str) -> DocKey:
    """(file name, 0-based record or None) for an exported ``documents[].source``."""
    path, _, suffix = source.partition("#")
    name = os.path.basename(path)
    if not suffix:
        return (name, None)
    unit, _, number = suffix.strip().partition(" ")
    index = int(number)
    return (name, index - 2 if unit == "row" else index - 1)


def gold_key(record: Record, file_field: str = "file") -> DocKey:
    return (record[file_field], record.get("record"))


@lru_cache(maxsize=64)
def content_ids(file_name: str) -> tuple[str, ...]:
    """Document ids (content hashes) the ingest reader gives the records of one corpus file."""
    path = demo_corpus_path() / file_name
    ref = SourceRef(source=str(path), kind="file", path=str(path))
    return tuple(d.id for d in read_source(ref, IngestOptions()) if not isinstance(d, Problem))


@dataclass
class DemoRun:
    """An export of the demo corpus with each gold document resolved to its exported record."""

    export: Record
    documents: dict[DocKey, Record]
    folded: set[DocKey] = field(default_factory=set)  # gold files stored as an identical earlier document

    def doc(self, key: DocKey) -> Record | None:
        return self.documents.get(key)

    def doc_id(self, key: DocKey) -> str | None:
        record = self.documents.get(key)
        return None if record is None else str(record["id"])


def resolve_run(export: Record, gold: Record) -> DemoRun:
    """Map every gold document to an exported one, by source, else by identical content."""
    by_source = {source_key(d["source"]): d for d in export["documents"]}
    by_id = {d["id"]: d for d in export["documents"]}
    run = DemoRun(export=export, documents={})
    for g in gold["documents"]:
        key = gold_key(g)
        if key in by_source:
            run.documents[key] = by_source[key]
            continue
        ids = content_ids(key[0])
        index = key[1] or 0
        if index < len(ids) and ids[index] in by_id:
            run.documents[key] = by_id[ids[index]]
            run.folded.add(key)
    return run


def describe(key: DocKey) -> str:
    return key[0] if key[1] is None else f"{key[0]}[record {key[1]}]"


# --- names ------------------------------------------------------------------------------------------------


def name_words(name: str) -> list[str]:
    """Lower-case words of a name without possessives, honorifics or a leading article."""
    text = name.lower().replace("\u2019", "'").replace("'s ", " ").replace("'s", "")
    words = [w for w in re.split(r"[^\w.]+", text) if w]
    while words and (words[0] in HONORIFICS or words[0] in {"the", "a", "an"}):
        words = words[1:]
    return [w.rstrip(".") for w in words]


def source_kind(name: str, organisations: frozenset[str]) -> str | None:
    """``institution``, ``document`` or None (a person) for a speaker or claimant name."""
    words = set(name_words(name))
    if " ".join(name_words(name)) in organisations or words & INSTITUTION_WORDS:
        return "institution"
    if words & DOCUMENT_SOURCE_WORDS:
        return "document"
    return None


@dataclass(frozen=True)
class NameContext:
    """What name matching needs to know about one document."""

    text: str
    people: frozenset[str]  # full names of known people (gold and exported)
    organisations: frozenset[str]  # normalised organisation names


def _surname_unique(surname: str, gold: str, context: NameContext) -> bool:
    rivals = {p for p in context.people if name_words(p)[-1:] == [surname] and p in context.text}
    return rivals <= {gold}


def names_match(predicted: str | None, gold: str, context: NameContext) -> bool:
    """Whether a predicted speaker or claimant name names the gold one (see the module notes)."""
    if not predicted:
        return False
    pred, want = name_words(predicted), name_words(gold)
    if pred and pred == want:
        return True
    pred_kind, gold_kind = (
        source_kind(predicted, context.organisations),
        source_kind(gold, context.organisations),
    )
    if pred_kind is None and gold_kind is None:
        return len(pred) == 1 and want[-1:] == pred and _surname_unique(pred[0], gold, context)
    if pred_kind is None or pred_kind != gold_kind:
        return False
    content = {w for w in pred if w not in STOP_WORDS and w not in SOURCE_KIND_WORDS}
    return bool(content) and content <= set(want)


def entity_names(entity: Record) -> list[list[str]]:
    return [name_words(n) for n in [entity["name"], *entity.get("aliases", [])]]


def name_context(run: DemoRun, gold: Record, doc: Record) -> NameContext:
    people = {p["name"] for p in gold["people"]}
    people |= {e["name"] for e in run.export["entities"] if e["type"] == "person"}
    organisations = {" ".join(name_words(o)) for o in gold["organisations"]}
    organisations |= {
        " ".join(name_words(e["name"])) for e in run.export["entities"] if e["type"] == "organisation"
    }
    return NameContext(doc["text"], frozenset(people), frozenset(organisations))


# --- spans ------------------------------------------------------------------------------------------------


def overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    return max(0, min(a_end, b_end) - max(a_start, b_start))


def occurrences(text: str, needle: str) -> Iterator[int]:
    """Start offsets of every occurrence of ``needle`` (the first is ``text.find``)."""
    start = text.find(needle)
    while start >= 0:
        yield start
        start = text.find(needle, start + 1)


def by_document(records: Iterable[Record]) -> dict[str, list[Record]]:
    grouped: dict[str, list[Record]] = defaultdict(list)
    for record in records:
        grouped[record["document"]].append(record)
    return grouped


def short(text: str, size: int = 60) -> str:
    return text if len(text) <= size else text[: size - 1] + "…"


def doubtful_speaker_names(export: Record, gold: Record) -> list[str]:
    """Exported speaker names that name no known person or body: a lone unknown capitalised word
    ("Learning") or a lower-case clause ("the council would comply but"). For reading, not scored:
    the key lists ~110 quotes, not every quote in the corpus."""
    people = [p["name"] for p in gold["people"]] + [
        e["name"] for e in export["entities"] if e["type"] == "person"
    ]
    bodies = list(gold["organisations"]) + [e["name"] for e in export["entities"] if e["type"] != "person"]
    known = {" ".join(name_words(n)) for n in people + bodies}
    single = {name_words(n)[-1] for n in people if name_words(n)} | {
        name_words(n)[0] for n in bodies if name_words(n)
    }
    doubtful = set()
    for quote in export["quotes"]:
        name = quote["speaker_name"] or ""
        words = name_words(name)
        if not words or " ".join(words) in known:
            continue
        clause = len(words) >= 4 and name == name.lower() and "of" not in words
        proper = len(words) == 1 and name[:1].isupper() and words[0] not in single | INSTITUTION_WORDS
        if clause or proper:
            doubtful.add(name)
    return sorted(doubtful)
