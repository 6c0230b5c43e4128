"""Quote attribution scored the Gender Gap Tracker (GGT) way, run end to end through the real CLI.

    python bench/ggt.py [--data DIR] [--keep] [--errors N] [--errors-split tune|heldout|all]

Default data: ``tests/fixtures/ggt_sample`` (our own GGT-style development set: original articles
annotated by the GGT guidelines, built from ``source/`` by ``make_sample.py``; ``docs.jsonl`` marks each
article ``split`` "tune" (rules may be tuned on it) or "heldout" (never looked at while tuning); figures
are printed for each split and for all; ``--errors`` lists the tune split's errors unless told otherwise). ``--data`` takes any folder in the same format as the withheld GGT copy
(``docs.jsonl``, ``text/<doc_id>.txt``, ``quotes.jsonl``; see ../shared/data/quotes/ggt/SOURCE.md).

What it does, exactly as an outside evaluation would:

1. copies the articles into a temporary folder as ``<doc_id>.txt`` and runs
   ``storyline ingest <folder> --db <db>``, ``storyline link --db <db>`` and
   ``storyline export --format json --db <db> -o export.json`` in subprocesses;
2. maps exported documents back to articles by ``documents[].source`` (file stem = doc_id); when ingest
   changed the text, predicted offsets are carried over by a character alignment (difflib) and the number
   of such documents is reported loudly;
3. scores with GGT's ``evaluate_quotes.py`` rules: gold quotes are taken in order and each is found by the
   unused predicted quote that covers the largest share (strictly more than T) of its characters
   (T = 0.3 and 0.8); P/R/F1 pooled over all articles. *Speaker match* (accuracy over found quotes): the
   predicted ``speaker_mention`` overlaps the gold speaker span by at least one character, or both are
   absent (GGT counts a gold quote without speaker as matched only when the system marked its quote as
   floating, i.e. gave no speaker span). *Speakers (indep)*: every (gold, predicted) pair of speaker spans
   overlapping by >= 2 characters counts, as in GGT's ``evaluate.py`` (so one shared mention can count
   more than once; a "distinct spans" row counts each span once, one-to-one). *Resolved speaker* (ours,
   no published figure): among found quotes (T = 0.3),
   precision = share of predicted ``speaker_name`` values that name the gold ``reference``; recall =
   correct / found gold quotes that have a reference. Names match case-insensitively when equal after
   normalisation (punctuation, possessive, leading "the", honorifics removed), when one is a trailing part
   of the other ("Okafor" / "Grace Okafor") or when one is the other's initials ("RCMP"). Wrong names are
   split into those naming another person or body (misattributions, the worst error) and unresolved
   descriptions ("the judge"). *Person-entity precision*: of the found quotes whose exported ``speaker`` is a
   person entity, the share naming the reference; *attribution precision*: the same over every non-empty
   ``speaker_name`` (a description there counts as wrong); *resolved-speaker recall*: right names over all
   gold quotes (found or not) -- the three figures an outside evaluation of issue 15 reads.

Prints a table beside GGT V7.0's published figures (on their 98 withheld articles, not on this data) and,
as its last line, one JSON object with the figures (percent, 2 decimals).
"""

from __future__ import annotations

import argparse
import difflib
import json
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO / "tests" / "fixtures" / "ggt_sample"
THRESHOLDS = (0.3, 0.8)
CLI_TIMEOUT = 3600

# GGT V7.0, nlp/english/evaluation/src/README.md (HEAD 5501de31), as quoted in ../shared/data/quotes/ggt/SOURCE.md
PUBLISHED = {
    "quotes_t03": (84.6, 82.7, 83.7),
    "quotes_t08": (77.0, 75.2, 76.1),
    "speaker_match_t03": 86.5,
    "speaker_match_t08": 87.4,
    "speakers_indep": (80.7, 97.6, 88.3),
}

HONORIFICS = frozenset((
    "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame", "rev", "reverend", "hon",
    "honourable", "honorable", "sgt", "cpl", "const", "cst", "insp", "supt", "chief", "capt", "lt", "col", "gen",
    "premier", "minister", "mayor", "councillor", "senator", "judge", "justice",
))
PRONOUNS = frozenset(("he", "she", "they", "it", "we", "i", "you", "his", "her", "their", "its", "our"))

DESCRIPTION_WORDS = frozenset(("the", "a", "an", "one", "some", "his", "her", "their", "its", "our", "this", "that"))

Span = tuple[int, int]


@dataclass(frozen=True)
class GoldQuote:
    doc_id: str
    span: Span
    quote: str
    speaker_span: Span | None
    speaker: str
    reference: str


@dataclass(frozen=True)
class PredQuote:
    span: Span
    text: str
    speaker_span: Span | None
    speaker_name: str | None
    kind: str = ""
    speaker_type: str | None = None  # entity type of the exported ``speaker`` (person, organisation...), if any


@dataclass
class Article:
    doc_id: str
    text: str
    gold: list[GoldQuote]
    pred: list[PredQuote] = field(default_factory=list)
    aligned: bool = False  # the exported text differed and offsets were mapped
    split: str = ""  # our sample: "tune" (rules may be tuned on it) or "heldout" (never looked at while tuning)


# ---------------------------------------------------------------- loading


def _span_or_none(value: Any) -> Span | None:
    return (int(value[0]), int(value[1])) if value else None


def load_gold(root: Path) -> dict[str, Article]:
    """Read a GGT-format folder: docs.jsonl, text/<doc_id>.txt and quotes.jsonl (in file order)."""
    if not (root / "docs.jsonl").is_file():
        raise SystemExit(f"{root} has no docs.jsonl: pass --data a folder in the GGT format (see SOURCE.md)")
    articles: dict[str, Article] = {}
    for line in (root / "docs.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            doc = json.loads(line)
            text = (root / doc["text_file"]).read_text(encoding="utf-8")
            articles[doc["doc_id"]] = Article(doc["doc_id"], text, [], split=str(doc.get("split") or ""))
    for line in (root / "quotes.jsonl").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        q = json.loads(line)
        articles[q["doc_id"]].gold.append(GoldQuote(
            q["doc_id"], _span_or_none(q["quote_span"]) or (0, 0), q.get("quote") or "",
            _span_or_none(q.get("speaker_span")), q.get("speaker") or "", q.get("reference") or ""))
    return articles


def _pred_quote(record: dict[str, Any], types: dict[str, str]) -> PredQuote:
    mention = record.get("speaker_mention")
    return PredQuote((int(record["start"]), int(record["end"])), record.get("text") or "",
                     (int(mention["start"]), int(mention["end"])) if mention else None,
                     record.get("speaker_name"), record.get("kind") or "",
                     types.get(record.get("speaker") or ""))


def attach_predictions(articles: dict[str, Article], export: dict[str, Any]) -> list[str]:
    """Fill each article's predictions from an export object; returns problems (unmatched documents)."""
    problems: list[str] = []
    by_doc: dict[str, list[PredQuote]] = {}
    types = {str(e["id"]): str(e.get("type")) for e in export.get("entities", [])}
    for record in export.get("quotes", []):
        by_doc.setdefault(record["document"], []).append(_pred_quote(record, types))
    for doc in export.get("documents", []):
        stem = Path(str(doc.get("source") or "").split("#")[0]).stem
        article = articles.get(stem)
        if article is None:
            problems.append(f"exported document {doc.get('id')} ({doc.get('source')}) matches no article")
            continue
        preds = by_doc.get(doc["id"], [])
        if not same_offsets(doc.get("text") or "", article.text):
            mapping = alignment_map(doc.get("text") or "", article.text)
            preds = [map_quote(q, mapping) for q in preds]
            article.aligned = True
        article.pred.extend(preds)
    return problems


# ---------------------------------------------------------------- alignment


def same_offsets(exported: str, original: str) -> bool:
    """True when offsets need no mapping: equal texts, or only trailing whitespace trimmed."""
    return exported == original or (original.startswith(exported) and not original[len(exported):].strip())


def alignment_map(source: str, target: str) -> list[int]:
    """For every offset 0..len(source) in ``source``, the corresponding offset in ``target``."""
    mapping = [0] * (len(source) + 1)
    matcher = difflib.SequenceMatcher(None, source, target, autojunk=False)
    for _tag, i1, i2, j1, j2 in matcher.get_opcodes():
        for k in range(i1, i2):
            mapping[k] = j1 + ((k - i1) * (j2 - j1)) // max(1, i2 - i1)
    mapping[len(source)] = len(target)
    return mapping


def map_span(span: Span | None, mapping: Sequence[int]) -> Span | None:
    if span is None:
        return None
    last = len(mapping) - 1
    start, end = mapping[min(span[0], last)], mapping[min(span[1], last)]
    return (start, max(start, end))


def map_quote(quote: PredQuote, mapping: Sequence[int]) -> PredQuote:
    span = map_span(quote.span, mapping) or quote.span
    return PredQuote(span, quote.text, map_span(quote.speaker_span, mapping), quote.speaker_name, quote.kind,
                     quote.speaker_type)


# ---------------------------------------------------------------- GGT metric


def overlap(a: Span, b: Span) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def coverage(gold: Span, pred: Span) -> float:
    """Share of the gold span's characters that the predicted span covers (GGT's asymmetric score)."""
    length = gold[1] - gold[0]
    return overlap(gold, pred) / length if length > 0 and pred[1] > pred[0] else 0.0


def match_quotes(gold: Sequence[Span], pred: Sequence[Span], threshold: float) -> dict[int, int]:
    """GGT matching: gold quotes in order, each takes the unused prediction with the best coverage > T."""
    remaining = list(range(len(pred)))
    pairs: dict[int, int] = {}
    for g, gold_span in enumerate(gold):
        best, best_score = None, 0.0
        for p in remaining:
            score = coverage(gold_span, pred[p])
            if score > threshold and score > best_score:
                best, best_score = p, score
        if best is not None:
            pairs[g] = best
            remaining.remove(best)
    return pairs


def speaker_matches(gold: GoldQuote, pred: PredQuote) -> bool:
    """GGT speaker match: spans overlap, or the gold quote has no speaker and the prediction gives none."""
    if gold.speaker_span is None:
        return pred.speaker_span is None
    return pred.speaker_span is not None and overlap(gold.speaker_span, pred.speaker_span) > 0


def independent_speakers(gold: Iterable[GoldQuote], pred: Sequence[PredQuote]) -> tuple[int, int, int]:
    """GGT 'speakers (indep)': (pairs overlapping >= 2 characters, gold speaker spans, predicted ones)."""
    gold_spans = [g.speaker_span for g in gold if g.speaker_span]
    pred_spans = [p.speaker_span for p in pred if p.speaker_span]
    hits = sum(1 for g in gold_spans for p in pred_spans if overlap(g, p) >= 2)
    return hits, len(gold_spans), len(pred_spans)


def unique_speakers(gold: Iterable[GoldQuote], pred: Sequence[PredQuote]) -> tuple[int, int, int]:
    """Like :func:`independent_speakers` over distinct spans, one-to-one, so it cannot pass 100 %."""
    gold_spans = sorted({g.speaker_span for g in gold if g.speaker_span})
    pred_spans = sorted({p.speaker_span for p in pred if p.speaker_span})
    used: set[Span] = set()
    for g in gold_spans:
        hit = next((p for p in pred_spans if p not in used and overlap(g, p) >= 2), None)
        if hit is not None:
            used.add(hit)
    return len(used), len(gold_spans), len(pred_spans)


# ---------------------------------------------------------------- names


def name_tokens(name: str) -> list[str]:
    """Lower-case word tokens without possessive, leading article or honorifics."""
    cleaned = re.sub(r"[’']s\b", "", name.lower())
    tokens = re.sub(r"[^\w]+", " ", cleaned).split()
    while tokens and (tokens[0] in HONORIFICS or tokens[0] == "the"):
        tokens = tokens[1:]
    return tokens


def is_description(name: str) -> bool:
    """'the judge', 'a spokesperson', 'his team': a description rather than a proper name."""
    words = name.split()
    return not words or words[0].lower() in DESCRIPTION_WORDS or not words[0][:1].isupper()


def _initials(tokens: Sequence[str]) -> str:
    return "".join(t[0] for t in tokens if t not in {"of", "and", "for", "the", "de", "du"})


def names_match(predicted: str | None, reference: str | None) -> bool:
    """Equal after normalisation, one the trailing part (surname) of the other, or one the other's initials."""
    a, b = name_tokens(predicted or ""), name_tokens(reference or "")
    if not a or not b:
        return False
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    if long[len(long) - len(short):] == short:
        return True
    return len(short) == 1 and len(long) > 1 and short[0] == _initials(long)


# ---------------------------------------------------------------- scoring


@dataclass
class Counts:
    tp: int = 0
    fn: int = 0
    fp: int = 0
    speaker_match: int = 0


@dataclass
class Scores:
    quotes: dict[float, Counts] = field(default_factory=dict)
    indep: list[int] = field(default_factory=lambda: [0, 0, 0])  # hits, gold, predicted
    unique: list[int] = field(default_factory=lambda: [0, 0, 0])  # the same over distinct spans
    # correct, attributed, found with reference, wrong and naming someone else (not a description)
    resolved: list[int] = field(default_factory=lambda: [0, 0, 0, 0])
    person: list[int] = field(default_factory=lambda: [0, 0])  # right, found quotes given to a person entity
    documents: int = 0
    gold_quotes: int = 0
    aligned_documents: int = 0
    recall_by_type: dict[str, list[int]] = field(default_factory=dict)  # type -> [found, gold]


def _count_resolved(scores: Scores, gold: GoldQuote, pred: PredQuote) -> None:
    if gold.reference:
        scores.resolved[2] += 1
    if pred.speaker_name:
        scores.resolved[1] += 1
        right = names_match(pred.speaker_name, gold.reference)
        scores.resolved[0] += int(right)
        scores.resolved[3] += int(not right and not is_description(pred.speaker_name))
        if pred.speaker_type == "person":
            scores.person[0] += int(right)
            scores.person[1] += 1


def score_article(article: Article, scores: Scores) -> None:
    """Add one article's counts to ``scores``."""
    gold_spans, pred_spans = [g.span for g in article.gold], [p.span for p in article.pred]
    for threshold in THRESHOLDS:
        counts = scores.quotes.setdefault(threshold, Counts())
        pairs = match_quotes(gold_spans, pred_spans, threshold)
        counts.tp += len(pairs)
        counts.fn += len(gold_spans) - len(pairs)
        counts.fp += len(pred_spans) - len(pairs)
        counts.speaker_match += sum(speaker_matches(article.gold[g], article.pred[p]) for g, p in pairs.items())
        if threshold == THRESHOLDS[0]:
            for g, gold in enumerate(article.gold):
                cell = scores.recall_by_type.setdefault(quote_type(gold, article.text), [0, 0])
                cell[0] += int(g in pairs)
                cell[1] += 1
                if g in pairs:
                    _count_resolved(scores, gold, article.pred[pairs[g]])
    for i, value in enumerate(independent_speakers(article.gold, article.pred)):
        scores.indep[i] += value
    for i, value in enumerate(unique_speakers(article.gold, article.pred)):
        scores.unique[i] += value
    scores.documents += 1
    scores.gold_quotes += len(article.gold)
    scores.aligned_documents += int(article.aligned)


def score_corpus(articles: Iterable[Article]) -> Scores:
    scores = Scores()
    for article in articles:
        score_article(article, scores)
    return scores


def quote_type(gold: GoldQuote, text: str) -> str:
    """'direct'/'mixed'/'indirect' by quotation marks, and the speaker form: name, pronoun, noun phrase, none."""
    content = text[gold.span[0]:gold.span[1]].strip()
    marks = sum(content.count(m) for m in "\"“”«»")
    opens = content[:1] in "\"“«‘'"
    kind = "direct" if opens and marks <= 2 else ("mixed" if marks or "‘" in content else "indirect")
    if gold.speaker_span is None:
        form = "no speaker"
    elif gold.speaker.lower() in PRONOUNS:
        form = "pronoun"
    elif gold.speaker[:1].isupper() and not gold.speaker.lower().startswith(("the ", "a ", "an ")):
        form = "name"
    else:
        form = "noun phrase"
    return f"{kind} / {form}"


def ratio(num: float, den: float) -> float:
    return round(100.0 * num / den, 2) if den else 0.0


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p, r = ratio(tp, n_pred), ratio(tp, n_gold)
    return p, r, round(2 * p * r / (p + r), 2) if p + r else 0.0


def figures(scores: Scores) -> dict[str, Any]:
    """The headline figures, as printed in the final JSON line."""
    out: dict[str, Any] = {}
    for threshold, c in scores.quotes.items():
        key = f"t{str(threshold).replace('.', '')}"
        p, r, f = prf(c.tp, c.tp + c.fp, c.tp + c.fn)
        out.update({f"quotes_p_{key}": p, f"quotes_r_{key}": r, f"quotes_f1_{key}": f,
                    f"speaker_match_{key}": ratio(c.speaker_match, c.tp)})
    hits, n_gold, n_pred = scores.indep
    out["speakers_indep_p"], out["speakers_indep_r"], out["speakers_indep_f1"] = prf(hits, n_pred, n_gold)
    hits, n_gold, n_pred = scores.unique
    out["speakers_unique_p"], out["speakers_unique_r"], out["speakers_unique_f1"] = prf(hits, n_pred, n_gold)
    correct, attributed, with_ref, other = scores.resolved
    out["resolved_speaker_precision"] = ratio(correct, attributed)
    out["resolved_speaker_recall"] = ratio(correct, with_ref)
    out["resolved_speaker_other_name"] = other
    out["person_entity_precision"] = ratio(*scores.person)
    out["attribution_precision"] = out["resolved_speaker_precision"]
    out["resolved_speaker_recall_all"] = ratio(correct, scores.gold_quotes)
    out.update({"documents": scores.documents, "gold_quotes": scores.gold_quotes,
                "aligned_documents": scores.aligned_documents, "unit": "percent"})
    return out


# ---------------------------------------------------------------- running the CLI


def run_cli(args: Sequence[str], cwd: Path, ok: Sequence[int] = (0,)) -> subprocess.CompletedProcess[str]:
    """Run ``python -m storyline <args>``; stop with its stderr when the exit status is not acceptable."""
    command = [sys.executable, "-m", "storyline", *args]
    done = subprocess.run(command, check=False, cwd=cwd, capture_output=True, text=True, timeout=CLI_TIMEOUT)
    if done.returncode not in ok:
        raise SystemExit(f"`storyline {' '.join(args)}` failed with status {done.returncode}:\n{done.stderr}")
    return done


def export_corpus(articles: dict[str, Article], work: Path) -> dict[str, Any]:
    """Write the articles as <doc_id>.txt, ingest, link and export them; returns the export object."""
    folder = work / "articles"
    folder.mkdir(parents=True, exist_ok=True)
    for article in articles.values():
        (folder / f"{article.doc_id}.txt").write_text(article.text, encoding="utf-8")
    db, out = work / "ggt.db", work / "export.json"
    ingest = run_cli(["ingest", str(folder), "--db", str(db)], work, ok=(0, 1))
    if "Traceback (most recent call last)" in ingest.stderr:
        raise SystemExit(f"`storyline ingest` crashed (status {ingest.returncode}):\n{ingest.stderr}")
    if ingest.returncode or ingest.stderr.strip():
        print(f"ingest exit status {ingest.returncode}; stderr:\n{ingest.stderr.strip()}", file=sys.stderr)
    run_cli(["link", "--db", str(db)], work)
    run_cli(["export", "--format", "json", "--db", str(db), "-o", str(out)], work)
    return dict(json.loads(out.read_text(encoding="utf-8")))


# ---------------------------------------------------------------- printing


def _cell(value: float | None) -> str:
    return "" if value is None else f"{value:.1f}"


def print_table(fig: dict[str, Any]) -> None:
    rows: list[tuple[str, tuple[float | None, ...], tuple[float | None, ...]]] = []
    for key, label in (("t03", "quotes, T = 0.3"), ("t08", "quotes, T = 0.8")):
        pub = PUBLISHED[f"quotes_{key}"]
        assert isinstance(pub, tuple)
        rows.append((label, (fig[f"quotes_p_{key}"], fig[f"quotes_r_{key}"], fig[f"quotes_f1_{key}"], None),
                     (*pub, None)))
        rows.append((f"speaker match, T = {label[-3:]}", (None, None, None, fig[f"speaker_match_{key}"]),
                     (None, None, None, float(PUBLISHED[f"speaker_match_{key}"]))))  # type: ignore[arg-type]
    pub_indep = PUBLISHED["speakers_indep"]
    assert isinstance(pub_indep, tuple)
    rows.append(("speakers (indep)", (fig["speakers_indep_p"], fig["speakers_indep_r"], fig["speakers_indep_f1"],
                                      None), (*pub_indep, None)))
    rows.append(("speakers (distinct spans)", (fig["speakers_unique_p"], fig["speakers_unique_r"],
                                               fig["speakers_unique_f1"], None), (None,) * 4))
    print(f"{'':28}{'ours: P':>9}{'R':>7}{'F1':>7}{'acc':>7}   {'GGT V7.0: P':>12}{'R':>7}{'F1':>7}{'acc':>7}")
    for label, ours, theirs in rows:
        print(f"{label:28}" + "".join(f"{_cell(v):>7}" for v in ours).rjust(28)
              + "   " + "".join(f"{_cell(v):>7}" for v in theirs).rjust(31))
    print("(GGT figures: their rule-based system on the 98 withheld GGT articles, not on this data.\n"
          " 'speakers (indep)' counts every overlapping (gold, predicted) pair as GGT's evaluate.py does, so a\n"
          " mention shared by several quotes counts several times and can pass 100 %; 'distinct spans' does not.)")


def print_report(scores: Scores, data: Path) -> None:
    fig = figures(scores)
    print(f"GGT-style quote evaluation: {scores.documents} articles, {scores.gold_quotes} gold quotes ({data})")
    if scores.aligned_documents:
        print(f"!!! WARNING: ingest changed the text of {scores.aligned_documents} document(s); predicted "
              "offsets were mapped by character alignment. Storyline should keep plain text as given. !!!")
    print_table(fig)
    correct, attributed, with_ref, other = scores.resolved
    print(f"\n>>> RESOLVED SPEAKER PRECISION: {fig['resolved_speaker_precision']:.1f}%  "
          f"({correct} of {attributed} named speakers right)   recall {fig['resolved_speaker_recall']:.1f}% "
          f"(of {with_ref} found quotes with a reference)  [ours; no published figure]")
    print(f"    of the {attributed - correct} wrong names, {other} name another person or body (wrong attribution), "
          f"{attributed - correct - other} are unresolved descriptions ('the judge')")
    print(f">>> PERSON-ENTITY PRECISION: {fig['person_entity_precision']:.1f}% ({scores.person[0]} of "
          f"{scores.person[1]} found quotes given to a person entity name the right person)")
    print(f">>> ATTRIBUTION PRECISION: {fig['attribution_precision']:.1f}% (every non-empty speaker_name; a "
          f"description counts as wrong)   RESOLVED-SPEAKER RECALL: {fig['resolved_speaker_recall_all']:.1f}% "
          f"({correct} of all {scores.gold_quotes} gold quotes)")
    print("\nrecall by gold quote type (T = 0.3):")
    for kind, (found, total) in sorted(scores.recall_by_type.items()):
        print(f"  {kind:28}{found:>4} / {total:<4}{ratio(found, total):>7.1f}%")


SPLIT_KEYS = ("quotes_f1_t03", "person_entity_precision", "attribution_precision", "resolved_speaker_recall_all")


def print_splits(articles: Sequence[Article]) -> dict[str, dict[str, Any]]:
    """Headline figures for each split of the sample (tune / heldout) and for all articles together."""
    splits = sorted({a.split for a in articles if a.split})
    out: dict[str, dict[str, Any]] = {}
    if not splits:
        return out
    print(f"\n{'split':10}{'articles':>9}{'quotes':>8}{'quote F1':>10}{'person P':>10}{'attrib P':>10}"
          f"{'resolved R':>12}")
    for name in (*splits, "all"):
        chosen = [a for a in articles if name in ("all", a.split)]
        fig = figures(score_corpus(chosen))
        out[name] = {k: fig[k] for k in SPLIT_KEYS}
        print(f"{name:10}{len(chosen):>9}{fig['gold_quotes']:>8}" + "".join(f"{fig[k]:>10.1f}" for k in SPLIT_KEYS[:3])
              + f"{fig['resolved_speaker_recall_all']:>12.1f}")
    print("(person P: precision of speakers that are person entities; attrib P: of every speaker_name given;\n"
          " resolved R: quotes whose speaker_name names the gold reference, over all gold quotes.  'heldout'\n"
          " articles are never used to tune rules: report them as the honest figure.)")
    return out


def _context(text: str, span: Span, width: int = 70) -> str:
    start, end = span
    before, inside, after = text[max(0, start - width):start], text[start:end], text[end:end + width]
    return f"…{before}⟦{inside}⟧{after}…".replace("\n", " ⏎ ")


def error_lines(article: Article) -> dict[str, list[str]]:
    """Developer view of one article's misses, false quotes and wrong speakers (at T = 0.3)."""
    out: dict[str, list[str]] = {"missed": [], "false": [], "wrong speaker": []}
    pairs = match_quotes([g.span for g in article.gold], [p.span for p in article.pred], THRESHOLDS[0])
    for g, gold in enumerate(article.gold):
        if g not in pairs:
            out["missed"].append(f"[{article.doc_id}] ({quote_type(gold, article.text)}; by {gold.reference!r}) "
                                 f"{_context(article.text, gold.span)}")
            continue
        pred = article.pred[pairs[g]]
        name_ok = pred.speaker_name is None or names_match(pred.speaker_name, gold.reference)
        if not name_ok or not speaker_matches(gold, pred):
            mention = article.text[pred.speaker_span[0]:pred.speaker_span[1]] if pred.speaker_span else None
            out["wrong speaker"].append(
                f"[{article.doc_id}] gold {gold.speaker!r} -> {gold.reference!r}; predicted mention {mention!r} "
                f"-> {pred.speaker_name!r}: {_context(article.text, gold.span, 40)}")
    used = set(pairs.values())
    for p, pred in enumerate(article.pred):
        if p not in used:
            out["false"].append(f"[{article.doc_id}] ({pred.kind}; {pred.speaker_name!r}) "
                                f"{_context(article.text, pred.span, 40)}")
    return out


def print_errors(articles: Iterable[Article], limit: int) -> None:
    """Misses, false quotes and wrong speakers (only of the articles given: by default the tune split)."""
    collected: dict[str, list[str]] = {"missed": [], "false": [], "wrong speaker": []}
    for article in articles:
        for kind, lines in error_lines(article).items():
            collected[kind].extend(lines)
    for kind, lines in collected.items():
        print(f"\n--- {kind} quotes: {len(lines)} (showing {min(limit, len(lines))})")
        for line in lines[:limit]:
            print("  " + line)


# ---------------------------------------------------------------- main


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="GGT-format folder (default: our sample)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder (db, export) and print it")
    parser.add_argument("--errors", type=int, default=0, metavar="N", help="print N errors of each kind")
    parser.add_argument("--errors-split", default="tune", metavar="SPLIT",
                        help="whose errors --errors prints: tune (default), heldout or all")
    args = parser.parse_args(argv)
    articles = load_gold(args.data)
    work = Path(tempfile.mkdtemp(prefix="storyline-ggt-"))
    try:
        export = export_corpus(articles, work)
    finally:
        if args.keep:
            print(f"kept {work}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)
    for problem in attach_predictions(articles, export):
        print(f"warning: {problem}", file=sys.stderr)
    scores = score_corpus(articles.values())
    print_report(scores, args.data)
    by_split = print_splits(list(articles.values()))
    if args.errors:
        print_errors([a for a in articles.values() if args.errors_split in ("all", a.split)
                      or not a.split], args.errors)
    fig = figures(scores)
    keys = ("quotes_f1_t03", "quotes_f1_t08", "speaker_match_t03", "resolved_speaker_precision",
            "resolved_speaker_recall", "person_entity_precision", "attribution_precision",
            "resolved_speaker_recall_all", "documents", "gold_quotes")
    print(json.dumps({**{k: fig[k] for k in keys}, "aligned_documents": fig["aligned_documents"],
                      "speakers_indep_f1": fig["speakers_indep_f1"], "splits": by_split, "unit": "percent"}))


if __name__ == "__main__":
    main()
