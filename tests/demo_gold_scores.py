"""Scorers for the demo corpus: one per part of the answer key, each returning figures and problem lines.

See :mod:`tests.demo_gold` for how documents and names are matched.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from .demo_gold import (
    DEMO_PLACES,
    CALENDAR_NAMES,
    PRONOUN_NAMES,
    STOP_WORDS,
    DemoRun,
    Record,
    by_document,
    describe,
    entity_names,
    gold_key,
    load_gold,
    name_context,
    name_words,
    names_match,
    occurrences,
    overlap,
    resolve_run,
    short,
)

# --- 1. documents -----------------------------------------------------------------------------------------


@dataclass
class DocumentScore:
    total: int = 0
    present: int = 0
    dates_equal: int = 0
    titles_checked: int = 0
    titles_equal: int = 0
    missing: list[str] = field(default_factory=list)
    date_mismatches: list[str] = field(default_factory=list)
    title_mismatches: list[str] = field(default_factory=list)
    duplicate_linked: bool = False
    version_linked: bool = False
    near_duplicate_linked: bool = False


def _linked(run: DemoRun, a: str | None, b: str | None, kinds: set[str], with_reuse: bool) -> bool:
    if a is None or b is None:
        return False
    if a == b:
        return "duplicate" in kinds
    pair = {a, b}
    docs = {d["id"]: d for d in run.export["documents"]}
    field_of = {"duplicate": "duplicate_of", "version": "version_of"}
    if any(docs[x].get(field_of[k]) == y for k in kinds for x, y in ((a, b), (b, a))):
        return True
    if any({link["a"], link["b"]} == pair and link["kind"] in kinds for link in run.export["document_links"]):
        return True
    return with_reuse and any({r["a"], r["b"]} == pair for r in run.export["reuse"])


def score_documents(run: DemoRun, gold: Record) -> DocumentScore:
    score = DocumentScore(total=len(gold["documents"]))
    for g in gold["documents"]:
        key, doc = gold_key(g), run.doc(gold_key(g))
        if doc is None:
            score.missing.append(describe(key))
            continue
        score.present += 1
        if doc["published"] == g["published"]:
            score.dates_equal += 1
        else:
            score.date_mismatches.append(
                f"{describe(key)}: published {doc['published']!r}, gold {g['published']!r}"
            )
        if g["title"] is not None:
            score.titles_checked += 1
            if doc["title"] == g["title"]:
                score.titles_equal += 1
            else:
                score.title_mismatches.append(f"{describe(key)}: title {doc['title']!r}, gold {g['title']!r}")
        link_to = g.get("duplicate_of") or g.get("version_of") or g.get("near_duplicate_of")
        if link_to:
            linked = _linked(run, run.doc_id(key), run.doc_id((link_to, None)), *_link_kinds(g))
            kind = (
                "duplicate"
                if g.get("duplicate_of")
                else "version"
                if g.get("version_of")
                else "near_duplicate"
            )
            setattr(score, f"{kind}_linked", linked)
    return score


def _link_kinds(g: Record) -> tuple[set[str], bool]:
    if g.get("duplicate_of"):
        return {"duplicate"}, False
    if g.get("version_of"):
        return {"version"}, False
    return {"duplicate", "version"}, True


# --- 2. quotes --------------------------------------------------------------------------------------------

QUOTE_PATTERNS = (
    "said-colon", "said-after", "pronoun", "previous-sentence", "letter", "press-release",
    "multi-paragraph", "nested", "indirect", "fragment",
)  # fmt: skip


@dataclass
class QuoteScore:
    total: int = 0
    found: int = 0
    with_speaker: int = 0
    correct: int = 0
    patterns: dict[str, Counter[str]] = field(default_factory=dict)
    not_in_text: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    wrong_speakers: list[str] = field(default_factory=list)
    no_speaker: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.found / self.total if self.total else 0.0

    @property
    def speaker_precision(self) -> float:
        return self.correct / self.with_speaker if self.with_speaker else 0.0

    @property
    def speaker_recall(self) -> float:
        return self.correct / self.total if self.total else 0.0


def best_quote(doc: Record, text: str, quotes: list[Record]) -> Record | None:
    """The exported quote overlapping the gold text most (any occurrence of it, first one first)."""
    best, best_size = None, 0
    for start in occurrences(doc["text"], text):
        for q in quotes:
            size = overlap(start, start + len(text), q["start"], q["end"])
            if size > best_size:
                best, best_size = q, size
        if best is not None:
            return best
    return best


def score_quotes(run: DemoRun, gold: Record) -> QuoteScore:
    score = QuoteScore(patterns={p: Counter() for p in QUOTE_PATTERNS})
    quotes = by_document(run.export["quotes"])
    for g in gold["quotes"]:
        score.total += 1
        tally = score.patterns.setdefault(g["pattern"], Counter())
        tally["total"] += 1
        key, doc = gold_key(g), run.doc(gold_key(g))
        where = f"{describe(key)} «{short(g['text'])}» ({g['pattern']}, gold {g['speaker']})"
        if doc is None or doc["text"].find(g["text"]) < 0:
            score.not_in_text.append(where)
            continue
        quote = best_quote(doc, g["text"], quotes.get(doc["id"], []))
        if quote is None:
            score.missed.append(where)
            continue
        score.found += 1
        tally["found"] += 1
        if not quote["speaker_name"]:
            score.no_speaker.append(where)
            continue
        score.with_speaker += 1
        tally["with_speaker"] += 1
        if names_match(quote["speaker_name"], g["speaker"], name_context(run, gold, doc)):
            score.correct += 1
            tally["correct"] += 1
        else:
            score.wrong_speakers.append(f"{where}: predicted {quote['speaker_name']!r}")
    return score


# --- 3. people --------------------------------------------------------------------------------------------


@dataclass
class PeopleScore:
    total: int = 0
    found: int = 0
    unsplit: int = 0
    with_role: int = 0
    missing: list[str] = field(default_factory=list)
    splits: list[str] = field(default_factory=list)
    role_misses: list[str] = field(default_factory=list)
    same_surname_distinct: bool = False
    junk: list[str] = field(default_factory=list)


def entities_for(person: str, entities: list[Record], shared_surnames: set[str]) -> list[Record]:
    """Person entities named (or aliased) by the full name, or by the surname when no one else has it."""
    full = name_words(person)
    found = []
    for entity in entities:
        names = entity_names(entity)
        if full in names or (full[-1] not in shared_surnames and [full[-1]] in names):
            found.append(entity)
    return found


def role_matches(gold_role: str, role: Record) -> bool:
    """Loose: every word of the gold role is in the exported role and its organisation, or every word of
    the exported role title is in the gold role ("City Auditor" for "City Auditor, Port Ellison")."""
    want = {w for w in name_words(gold_role) if w not in STOP_WORDS}
    title = {w for w in name_words(role.get("role") or "") if w not in STOP_WORDS}
    have = title | {w for w in name_words(role.get("organisation") or "") if w not in STOP_WORDS}
    return bool(want) and (want <= have or (bool(title) and title <= want))


def junk_entities(entities: list[Record], organisations: Iterable[str]) -> list[str]:
    """Entities named like a pronoun, a day or month, or (people and organisations) a place."""
    places = DEMO_PLACES | {" ".join(name_words(e["name"])) for e in entities if e["type"] == "place"}
    org_names = {" ".join(name_words(o)) for o in organisations}
    junk = []
    for entity in entities:
        name = " ".join(name_words(entity["name"]))
        if name in PRONOUN_NAMES or name in CALENDAR_NAMES:
            junk.append(f"{entity['type']} {entity['name']!r}")
        elif entity["type"] != "place" and name in places:
            junk.append(f"{entity['type']} {entity['name']!r} is a place name")
        elif entity["type"] == "person" and name in org_names:
            junk.append(f"person {entity['name']!r} is an organisation")
    return junk


def score_people(run: DemoRun, gold: Record) -> PeopleScore:
    people = [e for e in run.export["entities"] if e["type"] == "person"]
    surnames = Counter(name_words(p["name"])[-1] for p in gold["people"])
    shared = {s for s, n in surnames.items() if n > 1}
    score = PeopleScore(total=len(gold["people"]))
    for person in gold["people"]:
        found = entities_for(person["name"], people, shared)
        if not found:
            score.missing.append(person["name"])
            continue
        score.found += 1
        if len(found) == 1:
            score.unsplit += 1
        else:
            score.splits.append(f"{person['name']}: {[e['name'] for e in found]}")
        roles = [r for e in found for r in e["roles"]]
        if any(role_matches(g, r) for g in person["roles"] for r in roles):
            score.with_role += 1
        else:
            seen = sorted({f"{r.get('role')} / {r.get('organisation')}" for r in roles})
            score.role_misses.append(f"{person['name']}: gold {person['roles']}, exported {seen or 'none'}")
    pair = [entities_for(n, people, set()) for n in gold["same_surname"]]
    ids = [
        {e["id"] for e in found if name_words(e["name"]) == name_words(n)}
        for n, found in zip(gold["same_surname"], pair)
    ]
    score.same_surname_distinct = all(ids) and not set.intersection(*ids)
    score.junk = junk_entities(run.export["entities"], gold["organisations"])
    return score


# --- 4. events, 5. claims ---------------------------------------------------------------------------------


@dataclass
class FoundScore:
    """Share of gold items found, with what was missed."""

    total: int = 0
    found: int = 0
    missed: list[str] = field(default_factory=list)

    @property
    def share(self) -> float:
        return self.found / self.total if self.total else 0.0


def same_date(value: str, gold_value: str) -> bool:
    """Equal TIMEX3 values; a part of day on the right day counts ("2023-06-06TEV" for "2023-06-06")."""
    return value == gold_value or (value.partition("T")[0] == gold_value and "-" in gold_value)


def score_events(run: DemoRun, gold: Record) -> FoundScore:
    """Gold events found: same document, same date (:func:`same_date`), sentence overlapping the gold text."""
    events = by_document(run.export["events"])
    score = FoundScore()
    for g in gold["events"]:
        score.total += 1
        doc = run.doc(gold_key(g))
        spans = [] if doc is None else [(p, p + len(g["text"])) for p in occurrences(doc["text"], g["text"])]
        mine = [] if doc is None else events.get(doc["id"], [])
        if any(
            same_date(e["date"], g["date"]) and overlap(s, t, e["start"], e["end"])
            for e in mine
            for s, t in spans
        ):
            score.found += 1
            continue
        near = sorted({e["date"] for e in mine for s, t in spans if overlap(s, t, e["start"], e["end"])})
        note = "text not in document" if not spans else f"dates there: {near or 'none'}"
        score.missed.append(f"{describe(gold_key(g))} «{short(g['text'], 50)}» gold {g['date']}: {note}")
    return score


def score_claims(run: DemoRun, gold: Record) -> FoundScore:
    """Gold claims found: same document, equal kind, claimant name matching."""
    claims = by_document(run.export["claims"])
    score = FoundScore()
    for g in gold["claims"]:
        score.total += 1
        doc = run.doc(gold_key(g))
        mine = [] if doc is None else claims.get(doc["id"], [])
        context = name_context(run, gold, doc) if doc else None
        if context and any(
            c["kind"] == g["kind"] and names_match(c["claimant_name"], g["claimant"], context) for c in mine
        ):
            score.found += 1
            continue
        there = [f"{c['kind']}: {c['claimant_name']}" for c in mine]
        score.missed.append(
            f"{describe(gold_key(g))} {g['kind']} by {g['claimant']}; exported {there or 'none'}"
        )
    return score


# --- 6. reuse, 7. discrepancies ---------------------------------------------------------------------------


def covered(spans: list[tuple[int, int]], start: int, end: int) -> int:
    """Characters of [start, end) inside the union of ``spans``."""
    points = sorted((max(s, start), min(t, end)) for s, t in spans if overlap(s, t, start, end))
    total, reach = 0, start
    for s, t in points:
        total += max(0, t - max(s, reach))
        reach = max(reach, t)
    return total


def score_reuse(run: DemoRun, gold: Record, threshold: float = 0.8) -> FoundScore:
    """Gold copied passages covered (>= threshold of their characters in b) by exported reuse spans."""
    score = FoundScore()
    for g in gold["reuse"]:
        score.total += 1
        a, b = run.doc((g["a"], None)), run.doc((g["b"], None))
        where = f"{g['a']} -> {g['b']} «{short(g['passage'], 50)}»"
        if a is None or b is None or g["passage"] not in b["text"]:
            score.missed.append(f"{where}: document or passage not found")
            continue
        if a["id"] == b["id"]:  # identical files stored once: nothing left to copy
            score.found += 1
            continue
        start = b["text"].find(g["passage"])
        spans = [_b_side(r, b["id"]) for r in run.export["reuse"] if {r["a"], r["b"]} == {a["id"], b["id"]}]
        share = covered(spans, start, start + len(g["passage"])) / len(g["passage"])
        if share >= threshold:
            score.found += 1
        else:
            score.missed.append(f"{where}: {share:.0%} covered")
    return score


def _b_side(reuse: Record, b_id: str) -> tuple[int, int]:
    return (reuse["b_start"], reuse["b_end"]) if reuse["b"] == b_id else (reuse["a_start"], reuse["a_end"])


def score_discrepancies(run: DemoRun, gold: Record) -> FoundScore:
    """Gold discrepancies found: an exported one of the same kind with spans in every gold file."""
    score = FoundScore()
    for g in gold["discrepancies"]:
        score.total += 1
        wanted = {run.doc_id((f, None)) for f in g["files"]}
        if any(
            d["kind"] == g["kind"] and wanted <= {s["document"] for s in d["spans"]}
            for d in run.export["discrepancies"]
        ):
            score.found += 1
        else:
            score.missed.append(f"{g['kind']} between {g['files']}: {short(g['description'], 90)}")
    return score


# --- 8. stories and storylines ----------------------------------------------------------------------------


@dataclass
class StoryScore:
    precision: float = 0.0
    recall: float = 0.0
    f1: float = 0.0
    mixed_affairs: list[str] = field(default_factory=list)
    castlewick_storylines: set[str | None] = field(default_factory=set)
    storylines_mixing_a_b: list[str] = field(default_factory=list)
    story_titles: list[str] = field(default_factory=list)


def bcubed(gold: dict[str, str], predicted: dict[str, str]) -> tuple[float, float, float]:
    """BCubed precision, recall and F1 of a predicted clustering over the items of ``gold``."""
    items = list(gold)
    if not items:
        return 0.0, 0.0, 0.0

    def share(x: str, mine: dict[str, str], other: dict[str, str]) -> float:
        cluster = [y for y in items if mine[y] == mine[x]]
        return sum(other[y] == other[x] for y in cluster) / len(cluster)

    p = sum(share(x, predicted, gold) for x in items) / len(items)
    r = sum(share(x, gold, predicted) for x in items) / len(items)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score_stories(run: DemoRun, gold: Record) -> StoryScore:
    story_of = {d: s["id"] for s in run.export["stories"] for d in s["documents"]}
    storyline_of = {s["id"]: s["storyline"] for s in run.export["stories"]}
    gold_story: dict[str, str] = {}
    affair: dict[str, str] = {}
    for g in gold["documents"]:
        doc_id = run.doc_id(gold_key(g))
        if doc_id is not None:
            gold_story[doc_id], affair[doc_id] = g["story"], g["affair"]
    predicted = {d: story_of.get(d, f"alone:{d}") for d in gold_story}
    score = StoryScore()
    score.precision, score.recall, score.f1 = bcubed(gold_story, predicted)
    for story in run.export["stories"]:
        affairs = sorted({affair[d] for d in story["documents"] if d in affair})
        if len(affairs) > 1:
            score.mixed_affairs.append(f"{story['title']!r} mixes affairs {affairs}")
    castlewick = {
        "castlewick-direction",
        "castlewick-turnaround-claim",
        "castlewick-scrutiny",
        "castlewick-brightpath-ends",
    }
    score.castlewick_storylines = {
        storyline_of.get(predicted[d]) for d, s in gold_story.items() if s in castlewick
    }
    for line in run.export["storylines"]:
        joined = {
            affair[d]
            for s in run.export["stories"]
            if s["storyline"] == line["id"]
            for d in s["documents"]
            if d in affair
        }
        if {"A", "B"} <= joined:
            score.storylines_mixing_a_b.append(f"{line['title']!r} holds affairs A and B")
    score.story_titles = [s["title"] for s in run.export["stories"]]
    return score


# --- everything -------------------------------------------------------------------------------------------


@dataclass
class DemoScores:
    documents: DocumentScore
    quotes: QuoteScore
    people: PeopleScore
    events: FoundScore
    claims: FoundScore
    reuse: FoundScore
    discrepancies: FoundScore
    stories: StoryScore


def score_all(export: Record, gold: Record | None = None) -> DemoScores:
    """Every measurement of the demo export against the key."""
    gold = gold or load_gold()
    run = resolve_run(export, gold)
    return DemoScores(
        documents=score_documents(run, gold),
        quotes=score_quotes(run, gold),
        people=score_people(run, gold),
        events=score_events(run, gold),
        claims=score_claims(run, gold),
        reuse=score_reuse(run, gold),
        discrepancies=score_discrepancies(run, gold),
        stories=score_stories(run, gold),
    )


def figures(scores: DemoScores) -> dict[str, float]:
    """The headline figures (shares 0-1, 3 decimals) for tables and JSON."""
    q, p, s, d = scores.quotes, scores.people, scores.stories, scores.documents
    values = {
        "documents_present": d.present / d.total,
        "published_equal": d.dates_equal / d.total,
        "titles_equal": d.titles_equal / d.titles_checked if d.titles_checked else 0.0,
        "quote_recall": q.recall,
        "speaker_precision": q.speaker_precision,
        "speaker_recall": q.speaker_recall,
        "people_found": p.found / p.total,
        "people_unsplit": p.unsplit / p.total,
        "people_with_role": p.with_role / p.total,
        "events_found": scores.events.share,
        "claims_found": scores.claims.share,
        "reuse_found": scores.reuse.share,
        "discrepancies_found": scores.discrepancies.share,
        "stories_bcubed_p": s.precision,
        "stories_bcubed_r": s.recall,
        "stories_bcubed_f1": s.f1,
    }
    return {k: round(v, 3) for k, v in values.items()}
