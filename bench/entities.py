"""Named people and organisations scored on MEANTIME English (120 Wikinews articles, CC BY 4.0).

    python bench/entities.py [--data DIR] [--model NAME] [--errors N]

Default data: ../shared/data/ner/meantime_en/intra-doc_annotation (or $STORYLINE_SHARED_DATA).  Each
document's text is rebuilt from its tokens (joined with spaces, one sentence per line); storyline's
``segment`` + ``find_entities`` run on it, and their person and organisation mentions (kinds name,
title, surname -- not role nouns) are scored against the gold *named* mentions (syntactic_type NAM,
ent_type PER / ORG).  MEANTIME annotates only the first sentences of each article (title and the
first four or five), so predictions are scored up to the last annotated sentence.  Two matches: exact span, and overlap (one-to-one, same type).  MEANTIME's gold
spans are whole noun phrases ("U.S. President Barack Obama", "the Swiss National Bank") while ours
are names, so the overlap figures are the meaningful ones; ``person_f1`` etc. in the JSON are overlap
figures, ``*_exact_f1`` exact ones.  SOURCE.md gives no published figure for this set; with
``--model`` the spaCy pipeline's own NER (PERSON / ORG) is scored too, for orientation.
Prints a table and, as its last line, one JSON object with the figures (percent, 2 decimals).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from storyline.annotate.entities import find_entities
from storyline.annotate.structure import segment

DEFAULT_DATA = "ner/meantime_en/intra-doc_annotation"
TYPES = {"PER": "person", "ORG": "organisation"}
Span = tuple[int, int, str]  # start, end, type


@dataclass
class GoldDocument:
    name: str
    text: str
    mentions: list[Span] = field(default_factory=list)
    annotated_end: int = 0  # MEANTIME annotates the first sentences only: score predictions before this offset


def shared_data() -> Path:
    """../shared/data beside the repository, or $STORYLINE_SHARED_DATA."""
    env = os.environ.get("STORYLINE_SHARED_DATA")
    return Path(env) if env else REPO.parent / "shared" / "data"


def _rebuild_text(root: ET.Element) -> tuple[str, dict[str, tuple[int, int]], dict[str, int]]:
    pieces: list[str] = []
    offsets: dict[str, tuple[int, int]] = {}
    sentences: dict[str, int] = {}
    position, sentence = 0, None
    for token in root.iter("token"):
        sentences[token.get("t_id", "")] = int(token.get("sentence", "0"))
        word = token.text or ""
        if sentence is not None:
            separator = "\n" if token.get("sentence") != sentence else " "
            pieces.append(separator)
            position += 1
        sentence = token.get("sentence")
        offsets[token.get("t_id", "")] = (position, position + len(word))
        pieces.append(word)
        position += len(word)
    return "".join(pieces), offsets, sentences


def _annotated_end(text: str, markables: Iterable[ET.Element], sentences: dict[str, int]) -> int:
    """End offset of the last sentence holding any markable (MEANTIME annotates the first few only)."""
    last = max((sentences.get(a.get("t_id", ""), 0) for el in markables for a in el.findall("token_anchor")), default=0)
    position = -1
    for _ in range(last + 1):
        position = text.find("\n", position + 1)
        if position < 0:
            return len(text)
    return position


def load_meantime(path: str | Path) -> GoldDocument:
    """One MEANTIME CAT XML file: rebuilt text and its named PER/ORG mentions as character spans."""
    root = ET.parse(path).getroot()
    text, offsets, sentence_of = _rebuild_text(root)
    markables = root.find("Markables")
    mentions: dict[str, tuple[str, dict[str, str], list[str]]] = {}
    for el in markables if markables is not None else []:
        anchors = [a.get("t_id", "") for a in el.findall("token_anchor")]
        mentions[el.get("m_id", "")] = (el.tag, dict(el.attrib), anchors)
    entities = {m["m_id"]: m for tag, m, _ in mentions.values() if tag == "ENTITY"}
    gold: set[Span] = set()
    relations = root.find("Relations")
    for rel in relations if relations is not None else []:
        if rel.tag != "REFERS_TO":
            continue
        for source in rel.findall("source"):
            for target in rel.findall("target"):
                gold.update(_gold_span(mentions.get(source.get("m_id", "")), entities.get(target.get("m_id", "")), offsets))
    end = _annotated_end(text, markables if markables is not None else [], sentence_of)
    return GoldDocument(Path(path).stem, text, sorted(gold), end)


def _gold_span(mention: Any, entity: Any, offsets: dict[str, tuple[int, int]]) -> list[Span]:
    if mention is None or entity is None or mention[0] != "ENTITY_MENTION":
        return []
    if mention[1].get("syntactic_type") != "NAM" or entity.get("ent_type") not in TYPES:
        return []
    spans = [offsets[t] for t in mention[2] if t in offsets]
    if not spans:
        return []
    return [(min(s for s, _ in spans), max(e for _, e in spans), TYPES[entity["ent_type"]])]


def load_folder(folder: str | Path) -> list[GoldDocument]:
    return [load_meantime(p) for p in sorted(Path(folder).rglob("*.xml"))]


def storyline_mentions(nlp: Any | None) -> Callable[[str], list[Span]]:
    def predict(text: str) -> list[Span]:
        blocks, sentences = segment(text)
        mentions, _ = find_entities(text, blocks, sentences, nlp=nlp)
        return [(m.start, m.end, m.type) for m in mentions if m.type in ("person", "organisation") and m.kind != "role"]
    return predict


def spacy_mentions(nlp: Any) -> Callable[[str], list[Span]]:
    labels = {"PERSON": "person", "ORG": "organisation"}

    def predict(text: str) -> list[Span]:
        return [(e.start_char, e.end_char, labels[e.label_]) for e in nlp(text).ents if e.label_ in labels]
    return predict


@dataclass
class Counts:
    gold: dict[str, int] = field(default_factory=lambda: {"person": 0, "organisation": 0})
    predicted: dict[str, int] = field(default_factory=lambda: {"person": 0, "organisation": 0})
    exact: dict[str, int] = field(default_factory=lambda: {"person": 0, "organisation": 0})
    overlap: dict[str, int] = field(default_factory=lambda: {"person": 0, "organisation": 0})


def _overlap_pairs(gold: list[Span], predicted: list[Span]) -> list[tuple[Span, Span]]:
    pairs, used = [], set()
    for g in gold:
        for i, p in enumerate(predicted):
            if i not in used and p[2] == g[2] and p[0] < g[1] and g[0] < p[1]:
                pairs.append((g, p))
                used.add(i)
                break
    return pairs


def score(docs: Iterable[GoldDocument], predict: Callable[[str], list[Span]],
          errors: list[str] | None = None) -> Counts:
    counts = Counts()
    for doc in docs:
        predicted = sorted(p for p in set(predict(doc.text)) if p[1] <= doc.annotated_end)
        for kind in ("person", "organisation"):
            gold_k = [g for g in doc.mentions if g[2] == kind]
            pred_k = [p for p in predicted if p[2] == kind]
            counts.gold[kind] += len(gold_k)
            counts.predicted[kind] += len(pred_k)
            counts.exact[kind] += len(set(gold_k) & set(pred_k))
            pairs = _overlap_pairs(gold_k, pred_k)
            counts.overlap[kind] += len(pairs)
            if errors is not None:
                matched = {p for _, p in pairs}
                errors.extend(f"FP {kind:12} {doc.text[p[0]:p[1]]!r}" for p in pred_k if p not in matched)
                found = {g for g, _ in pairs}
                errors.extend(f"FN {kind:12} {doc.text[g[0]:g[1]]!r}" for g in gold_k if g not in found)
    return counts


def _prf(hits: int, predicted: int, gold: int) -> tuple[float, float, float]:
    p = 100 * hits / predicted if predicted else 0.0
    r = 100 * hits / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return round(p, 2), round(r, 2), round(f, 2)


def figures(counts: Counts) -> dict[str, float]:
    out: dict[str, float] = {}
    for kind in ("person", "organisation"):
        p, r, f = _prf(counts.overlap[kind], counts.predicted[kind], counts.gold[kind])
        out.update({f"{kind}_p": p, f"{kind}_r": r, f"{kind}_f1": f})
        out[f"{kind}_exact_f1"] = _prf(counts.exact[kind], counts.predicted[kind], counts.gold[kind])[2]
    total = (sum(counts.overlap.values()), sum(counts.predicted.values()), sum(counts.gold.values()))
    out["micro_p"], out["micro_r"], out["micro_f1"] = _prf(*total)
    exact = (sum(counts.exact.values()), sum(counts.predicted.values()), sum(counts.gold.values()))
    out["micro_exact_f1"] = _prf(*exact)[2]
    return out


def print_table(rows: list[tuple[str, dict[str, float]]], docs: int, counts: Counts) -> None:
    print(f"MEANTIME English: {docs} documents, gold named mentions: "
          f"{counts.gold['person']} person, {counts.gold['organisation']} organisation")
    header = f"{'system':34} {'type':13} {'P':>6} {'R':>6} {'F1':>6} {'exact F1':>9}"
    print(header)
    print("-" * len(header))
    for name, figs in rows:
        for kind in ("person", "organisation", "micro"):
            print(f"{name:34} {kind:13} {figs[kind + '_p']:6.2f} {figs[kind + '_r']:6.2f} {figs[kind + '_f1']:6.2f} "
                  f"{figs[kind + '_exact_f1']:9.2f}")
    print(f"{'published':34} {'(all)':13} no published figure for MEANTIME NAM person/organisation mentions")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", default=None, help="folder of MEANTIME CAT XML files")
    parser.add_argument("--model", default=None, help="an installed spaCy pipeline to score as well")
    parser.add_argument("--errors", type=int, default=0, help="print this many false positives/negatives")
    args = parser.parse_args()
    folder = Path(args.data) if args.data else shared_data() / DEFAULT_DATA
    if not folder.is_dir():
        sys.exit(f"MEANTIME data not found at {folder}: pass --data DIR or set STORYLINE_SHARED_DATA")
    docs = load_folder(folder)
    errors: list[str] = []
    started = time.perf_counter()
    counts = score(docs, storyline_mentions(None), errors if args.errors else None)
    seconds = time.perf_counter() - started
    result = figures(counts)
    rows = [("storyline rules", result)]
    if args.model:
        from storyline.annotate.spacy_model import load_model

        nlp = load_model(args.model)
        with_model = figures(score(docs, storyline_mentions(nlp)))
        alone = figures(score(docs, spacy_mentions(nlp)))
        rows += [(f"storyline + {args.model}", with_model), (f"{args.model} NER alone", alone)]
        result.update({f"model_{k}": v for k, v in with_model.items() if k.endswith("f1")})
        result.update({f"spacy_{k}": v for k, v in alone.items() if k.endswith("f1")})
    print_table(rows, len(docs), counts)
    print(f"storyline rules: {seconds:.2f} s for {len(docs)} documents ({1000 * seconds / max(len(docs), 1):.2f} ms/doc)")
    for line in errors[: args.errors]:
        print(line)
    result["documents"] = len(docs)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
