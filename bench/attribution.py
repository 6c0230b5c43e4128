"""Quote attribution on PolNeAR: source, cue and content spans, scored like CofeNet (COLING 2022).

    python bench/attribution.py [--data DIR] [--split dev|train] [--limit N] [--errors N]

DIR is any folder with ``<split>/text/*.txt`` and ``<split>/attributions/*.ann`` (brat), default
``../shared/data/quotes/polnear`` beside the repository (or $STORYLINE_SHARED_DATA/quotes/polnear).
Runs ``segment`` + ``find_entities`` + ``find_quotes`` and matches our spans to gold spans of the
same role: **exact** (identical spans) and **overlap** (any shared character); each gold span is
matched at most once.  Our quote gives content=(start, end), cue=cue, source=speaker_mention.

Bench mapping (not the export contract): PolNeAR content spans of direct quotes include the
quotation marks, so our direct quotes are widened by the marks around them before scoring.

Two exact-match scorings are printed.  **Chunks** (the one comparable with the published figures):
CofeNet's data (``res/polnear`` in cofe-ai/CofeNet) is one instance per paragraph with one BIO label
per token, and its exact match (``exe/eval``) compares the labelled runs of each instance; so a
discontinuous gold span (“A,” he said. “B.”) is two chunks, a span across paragraphs is one chunk per
paragraph, and the same chunk twice is one.  Ours are split the same way.  Where two attributions nest
(a content inside another's content), BIO keeps one label per token and some chunks of CofeNet's
data differ from ours; that is not modelled.  **Hulls** (stricter, our earlier figure): a
discontinuous gold span is scored as its hull (first start, last end), while we report two quotes.

Speaker precision (ours; no published figure) is measured for every quote we attribute (a speaker
name given), direct, indirect and mixed: the quote is paired with the gold attribution whose content
overlaps it most, and is right when our speaker mention overlaps the gold source span.  It is split by
how we named the speaker at the quote: a name, a pronoun, a description ("the mayor", "officials"),
or carried over from an earlier quote with no mention of its own (then our name's words must appear
in a named gold source; against a gold pronoun it cannot be checked and is left out).  A pronoun is
checked as a mention only: PolNeAR does not resolve it.  ``--errors N`` lists N wrong speakers.

The published figures are on the withheld test split; ours are on dev (or --split).
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import sys
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from storyline.annotate.quotes import find_quotes
from storyline.model import Entity, Mention, Quote

REPO = Path(__file__).resolve().parents[1]
PUBLISHED: dict[str, dict[str, float | None]] = {  # CofeNet supplementary Table 6, exact match F1 on the PolNeAR test split
    "BERT+CofeNet": {"source": 83.2, "cue": 75.3, "content": 72.9},
    "BERT+CRF": {"source": 82.2, "cue": 74.9, "content": 71.0},
    "BiLSTM+CRF": {"source": 69.6, "cue": 66.7, "content": 59.0},
    "rule baseline": {"source": 10.7, "cue": 22.8, "content": 5.6},
    "CoreNLP quote annotator": {"source": 13.9, "cue": None, "content": 17.5},
}
MARKS = "“”\"‘’'«»„"
Span = tuple[int, int]


def default_root() -> Path:
    env = os.environ.get("STORYLINE_SHARED_DATA")
    base = Path(env) if env else REPO.parent / "shared" / "data"
    return base / "quotes" / "polnear"


def _parse_ann(path: str) -> list[dict[str, Any]]:
    """One dict per attribution: ``role`` -> hull span, and ``role + "_pieces"`` -> its discontinuous pieces."""
    spans: dict[str, tuple[str, list[Span]]] = {}
    events: list[dict[str, str]] = []
    for line in Path(path).read_text(encoding="utf8").splitlines():
        fields = line.split("\t")
        if len(fields) < 2:
            continue  # continuation of a span text that held a newline
        if fields[0].startswith("T"):
            label, ranges = fields[1].split(" ", 1)
            spans[fields[0]] = (label, [(int(a), int(b)) for a, b in (r.split() for r in ranges.split(";"))])
        elif fields[0].startswith("E"):
            events.append(dict(kv.split(":") for kv in fields[1].split()))
    out = []
    for event in events:
        roles = {}
        for role, tid in event.items():
            if role != "Attribution" and tid in spans:
                pieces = spans[tid][1]
                roles[role.lower()] = (pieces[0][0], pieces[-1][1])
                roles[role.lower() + "_pieces"] = pieces
        out.append(roles)
    return out


def load_polnear(root: Path, split: str) -> dict[str, dict]:
    """Articles of one split with their attributions (first annotator of each article only)."""
    docs: dict[str, dict] = {}
    for ann in sorted(glob.glob(str(root / split / "attributions" / "*.ann"))):
        article = os.path.basename(ann)[:-4].rsplit("_", 1)[0]
        if article in docs:
            continue
        text = (root / split / "text" / f"{article}.txt").read_text(encoding="utf8")
        docs[article] = {"text": text, "attributions": _parse_ann(ann)}
    return docs


def annotate_quotes(text: str) -> list[Quote]:
    from storyline.annotate.structure import segment

    blocks, sentences = segment(text)
    mentions: list[Mention] = []
    entities: list[Entity] = []
    try:
        from storyline.annotate.entities import find_entities
    except ImportError:  # entities not built: speakers stay surface phrases
        pass
    else:
        mentions, entities = find_entities(text, blocks, sentences)
    return find_quotes(text, blocks, sentences, mentions, entities)


def content_span(text: str, quote: Quote) -> Span:
    start, end = quote.start, quote.end
    if quote.kind == "direct":
        for _ in range(2):  # '' (two straight apostrophes) is one mark in some outlets
            if start > 0 and text[start - 1] in MARKS:
                start -= 1
            if end < len(text) and text[end] in MARKS:
                end += 1
    return start, end


def paragraph_chunks(text: str, span: Span) -> list[Span]:
    """``span`` cut at line breaks (CofeNet's instances are paragraphs), each piece trimmed of spaces."""
    chunks: list[Span] = []
    start = span[0]
    for i in range(span[0], span[1] + 1):
        if i == span[1] or text[i] == "\n":
            a, b = start, i
            while a < b and text[a].isspace():
                a += 1
            while b > a and text[b - 1].isspace():
                b -= 1
            if b > a:
                chunks.append((a, b))
            start = i + 1
    return chunks


def chunk_set(text: str, spans: Iterable[Span]) -> set[Span]:
    """The distinct paragraph chunks of ``spans``, as CofeNet's BIO data holds them."""
    return {chunk for span in spans for chunk in paragraph_chunks(text, span)}


ASIDE_JOINTS = " ,\u2014\u2013-"


def content_pieces(text: str, quote: Quote) -> list[Span]:
    """Our content as PolNeAR cuts it: an aside holding the speaker and cue inside the content
    ("The bigger risk, he said, is a clash") leaves two pieces, without the aside and its commas."""
    start, end = content_span(text, quote)
    inside = [s for s in (quote.speaker_mention, quote.cue) if s is not None and start < s[0] and s[1] < end]
    if not inside:
        return [(start, end)]
    left_end = min(s[0] for s in inside)
    right_start = max(s[1] for s in inside)
    comma = text.find(",", right_start, end)
    if comma != -1 and "." not in text[right_start:comma]:
        right_start = comma + 1  # ", he said in an interview, is ..." ends at its closing comma
    while left_end > start and text[left_end - 1] in ASIDE_JOINTS:
        left_end -= 1
    while right_start < end and text[right_start] in ASIDE_JOINTS:
        right_start += 1
    return [piece for piece in ((start, left_end), (right_start, end)) if piece[1] > piece[0]]


def _match(pred: list[Span], gold: list[Span], exact: bool) -> int:
    used: set[int] = set()
    hits = 0
    for p in pred:
        for i, g in enumerate(gold):
            if i in used:
                continue
            if (p == g) if exact else (p[0] < g[1] and g[0] < p[1]):
                used.add(i)
                hits += 1
                break
    return hits


def _prf(hits: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = hits / n_pred if n_pred else 0.0
    r = hits / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return 100 * p, 100 * r, 100 * f


PRONOUNS = frozenset(("he", "she", "they", "it", "i", "we", "you", "his", "her", "their", "its", "our", "him", "them"))
DETERMINERS = frozenset(("the", "a", "an", "one", "some", "many", "several", "two", "three", "his", "her", "their",
                         "its", "our", "this", "that", "these", "those", "other", "another", "both", "most", "all"))
KINDS = ("name", "pronoun", "description", "carried")


def speaker_kind(text: str, quote: Quote) -> str:
    """How our speaker is named at the quote: a name, a pronoun, a description, or carried over (no mention)."""
    if quote.speaker_mention is None:
        return "carried"
    words = text[quote.speaker_mention[0] : quote.speaker_mention[1]].split()
    first = words[0].lower().strip(",.") if words else ""
    if first in PRONOUNS:
        return "pronoun"
    if first in DETERMINERS or not words or not words[0][:1].isupper():
        return "description"
    return "name"


def _best_gold(span: Span, attributions: list[dict[str, Span]]) -> dict[str, Span] | None:
    """The gold attribution whose content overlaps ``span`` most (None when none overlaps)."""
    best, best_overlap = None, 0
    for a in attributions:
        if "content" not in a:
            continue
        shared = min(span[1], a["content"][1]) - max(span[0], a["content"][0])
        if shared > best_overlap:
            best, best_overlap = a, shared
    return best


def _speaker_check(text: str, quote: Quote, attributions: list[dict[str, Span]]) -> bool | None:
    """None when unverifiable (no gold content overlaps, or a carried name against a gold pronoun);
    else whether our speaker agrees with the gold source. A gold attribution without a source counts
    our speaker as wrong (precision first: the text names nobody there)."""
    gold = _best_gold(content_span(text, quote), attributions)
    if gold is None:
        return None
    if "source" not in gold:
        return False
    source = gold["source"]
    if quote.speaker_mention is not None:
        return quote.speaker_mention[0] < source[1] and source[0] < quote.speaker_mention[1]
    words = [w.strip(",.()") for w in text[source[0] : source[1]].split()]
    if not words or words[0].lower() in PRONOUNS | {"said"}:
        return None  # a pronoun (or a stray cue) in the gold: the carried name cannot be checked here
    names = [w for w in (quote.speaker_name or "").split() if w[:1].isupper()]
    return any(w in words for w in names)


def _count_speakers(text: str, quotes: list[Quote], attributions: list[dict[str, Span]],
                    tally: dict[str, list[int]], errors: list[str] | None = None) -> None:
    """Add every attributed quote (a speaker name given) to ``tally``: kind -> [right, checked]."""
    for q in quotes:
        if q.speaker_name is None:
            continue
        verdict = _speaker_check(text, q, attributions)
        if verdict is None:
            continue
        if not verdict and errors is not None:
            errors.append(_error_line(text, q, attributions))
        for key in (speaker_kind(text, q), "all") + (("direct",) if q.kind == "direct" else ()):
            cell = tally.setdefault(key, [0, 0])
            cell[0] += int(verdict)
            cell[1] += 1


def _error_line(text: str, quote: Quote, attributions: list[dict[str, Span]]) -> str:
    gold = _best_gold(content_span(text, quote), attributions) or {}
    source = gold.get("source")
    mention = text[quote.speaker_mention[0] : quote.speaker_mention[1]] if quote.speaker_mention else None
    lo = max(0, min(quote.start, quote.speaker_mention[0] if quote.speaker_mention else quote.start) - 60)
    hi = min(len(text), max(quote.end, quote.speaker_mention[1] if quote.speaker_mention else quote.end) + 30)
    gold_text = text[source[0] : source[1]] if source else None
    return (f"ours {mention!r} -> {quote.speaker_name!r} ({quote.kind}); gold {gold_text!r}: "
            f"{text[lo:hi]!r}")


def evaluate(docs: dict[str, dict], errors: list[str] | None = None) -> dict[str, float]:
    counts = {role: [0, 0, 0, 0] for role in ("source", "cue", "content")}  # exact, overlap, pred, gold
    chunks = {role: [0, 0, 0] for role in ("source", "cue", "content")}  # exact, pred, gold
    speakers: dict[str, list[int]] = {}
    for doc in docs.values():
        text = doc["text"]
        quotes = annotate_quotes(text)
        pred: dict[str, list[Span]] = {
            "content": [content_span(text, q) for q in quotes],
            "cue": [(q.cue[0], q.cue[1]) for q in quotes if q.cue is not None],
            "source": [(m[0], m[1]) for m in (q.speaker_mention for q in quotes) if m is not None],
        }
        for role, c in counts.items():
            gold = [a[role] for a in doc["attributions"] if role in a]
            c[0] += _match(pred[role], gold, True)
            c[1] += _match(pred[role], gold, False)
            c[2] += len(pred[role])
            c[3] += len(gold)
            gold_chunks = chunk_set(text, (p for a in doc["attributions"] for p in a.get(role + "_pieces", ())))
            pred_chunks = chunk_set(text, (p for q in quotes for p in content_pieces(text, q))
                                    if role == "content" else pred[role])
            chunks[role][0] += len(gold_chunks & pred_chunks)
            chunks[role][1] += len(pred_chunks)
            chunks[role][2] += len(gold_chunks)
        _count_speakers(text, quotes, doc["attributions"], speakers, errors)
    result: dict[str, float] = {}
    for role, (exact, overlap, n_pred, n_gold) in counts.items():
        p, r, f = _prf(exact, n_pred, n_gold)
        po, ro, fo = _prf(overlap, n_pred, n_gold)
        result.update({f"{role}_p": p, f"{role}_r": r, f"{role}_f1": f,
                       f"{role}_p_overlap": po, f"{role}_r_overlap": ro, f"{role}_f1_overlap": fo})
        pc, rc, fc = _prf(*chunks[role])
        result.update({f"{role}_p_chunks": pc, f"{role}_r_chunks": rc, f"{role}_f1_chunks": fc})
    for key in ("direct", "all", *KINDS):
        right, checked = speakers.get(key, [0, 0])
        label = "direct" if key == "direct" else f"speaker_{key}"
        result[f"{label}_speaker_precision" if key == "direct" else f"{label}_precision"] = (
            100 * right / checked if checked else 0.0)
        result[f"{label}_speaker_checked" if key == "direct" else f"{label}_checked"] = checked
    return {k: round(v, 2) for k, v in result.items()}


def print_table(result: dict[str, float], split: str, n_docs: int, seconds: float) -> None:
    print(f"PolNeAR {split}: {n_docs} articles, {seconds:.1f} s ({n_docs / max(seconds, 1e-9):.0f} docs/s incl. entities)")
    print(f"{'system':28} {'source F1':>10} {'cue F1':>8} {'content F1':>11}   (exact match)")
    print(f"{'storyline (ours, ' + split + ')':28} {result['source_f1_chunks']:>10.1f} "
          f"{result['cue_f1_chunks']:>8.1f} {result['content_f1_chunks']:>11.1f}   CofeNet's chunks")
    print(f"{'  the same, hulls':28} {result['source_f1']:>10.1f} {result['cue_f1']:>8.1f} "
          f"{result['content_f1']:>11.1f}   a discontinuous gold span as one")
    for name, figures in PUBLISHED.items():
        cells = [f"{v:.1f}" if (v := figures[k]) is not None else "-" for k in ("source", "cue", "content")]
        print(f"{name + ' (test)':28} {cells[0]:>10} {cells[1]:>8} {cells[2]:>11}")
    print(f"\nours, overlap match F1: source {result['source_f1_overlap']:.1f}, cue {result['cue_f1_overlap']:.1f}, "
          f"content {result['content_f1_overlap']:.1f} (no published overlap figures)")
    for role in ("source", "cue", "content"):
        print(f"  {role:8} chunks P/R {result[role + '_p_chunks']:.1f}/{result[role + '_r_chunks']:.1f}   "
              f"hulls P/R {result[role + '_p']:.1f}/{result[role + '_r']:.1f}   "
              f"overlap P/R {result[role + '_p_overlap']:.1f}/{result[role + '_r_overlap']:.1f}")
    print(f"direct-quote speaker precision: {result['direct_speaker_precision']:.1f}% "
          f"of {int(result['direct_speaker_checked'])} attributed direct quotes that match a gold attribution")
    print("speaker precision, every attributed quote (direct, indirect, mixed) against the gold source span:")
    for key in ("all", *KINDS):
        print(f"  {key:12} {result[f'speaker_{key}_precision']:5.1f}%  of {int(result[f'speaker_{key}_checked'])}")
    print("  (name/pronoun/description: our speaker mention overlaps the gold source; carried: no mention, our\n"
          "   name's words appear in a named gold source; a gold attribution with no source counts as wrong)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=default_root(), help="PolNeAR folder (with <split>/text, attributions)")
    parser.add_argument("--split", default="dev", help="dev (default) or train")
    parser.add_argument("--limit", type=int, default=0, help="only the first N articles")
    parser.add_argument("--errors", type=int, default=0, metavar="N", help="print N wrong speakers")
    args = parser.parse_args(argv)
    root = args.data if (args.data / args.split).is_dir() else args.data.parent
    if not (root / args.split / "attributions").is_dir():
        print(f"PolNeAR {args.split} split not found under {args.data}; pass --data DIR", file=sys.stderr)
        return 2
    docs = load_polnear(root, args.split)
    if args.limit:
        docs = dict(list(docs.items())[: args.limit])
    began = time.perf_counter()
    errors: list[str] = []
    result = evaluate(docs, errors)
    print_table(result, args.split, len(docs), time.perf_counter() - began)
    for line in errors[: args.errors]:
        print("  wrong speaker: " + line)
    print(json.dumps({**result, "split": args.split, "articles": len(docs), "unit": "percent"}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
