"""Cross-document coreference of named entities on MEANTIME English (Wikinews).

    python bench/coref.py [--data DIR] [--types PER,ORG,LOC]

Default data: ../shared/data/ner/meantime_en/intra_cross-doc_annotation (120 articles in 4
topic folders; ENTITY instances carry cross-document ``instance_id``s).  Each document's text is
rebuilt from its tokens (space-joined, one sentence per line).  Our side: the per-document
pipeline (structure + entities) and then ``storyline.link.identity.resolve_identities`` over the
whole corpus; a second row resolves the documents ten at a time against the identities already
known (``link.identity_updates``), as ``storyline link`` does when a corpus grows by small ingests.  Gold mentions: named (NAM) mentions of PER/ORG/LOC entities; each is given the
corpus identity of our mention that overlaps it most (no overlap: a singleton).  Score:
mention-level B-cubed precision/recall/F1 over the gold mentions (Bagga & Baldwin 1998).  The
same-name baseline clusters gold mentions by their lower-cased surface string.

Prints a table and, as its last line, one JSON object with the figures (percent, 2 decimals).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = "ner/meantime_en/intra_cross-doc_annotation"
GOLD_TYPES = ("PER", "ORG", "LOC")
INCREMENTAL_BATCH = 10  # documents per linking call in the incremental row
OUR_TYPES = {"PER": "person", "ORG": "organisation", "LOC": "place"}


@dataclass
class GoldMention:
    doc: str
    start: int
    end: int
    text: str
    type: str  # PER, ORG, LOC ...
    instance: str  # cross-document entity instance id


@dataclass
class MeantimeDocument:
    id: str
    text: str
    published: str | None
    mentions: list[GoldMention] = field(default_factory=list)


def shared_data() -> Path:
    """../shared/data beside the repository, or $STORYLINE_SHARED_DATA."""
    env = os.environ.get("STORYLINE_SHARED_DATA")
    return Path(env) if env else REPO.parent / "shared" / "data"


def _rebuild_text(root: ET.Element) -> tuple[str, dict[str, tuple[int, int]]]:
    """Tokens space-joined, a newline between sentences; the offsets of every token."""
    tokens = sorted(root.iter("token"), key=lambda t: int(t.get("t_id", "0")))
    parts: list[str] = []
    offsets: dict[str, tuple[int, int]] = {}
    pos, sentence = 0, None
    for tok in tokens:
        if parts:
            sep = "\n" if tok.get("sentence") != sentence else " "
            parts.append(sep)
            pos += 1
        word = tok.text or ""
        offsets[tok.get("t_id", "")] = (pos, pos + len(word))
        parts.append(word)
        pos += len(word)
        sentence = tok.get("sentence")
    return "".join(parts), offsets


def _gold_mentions(root: ET.Element, doc_id: str, text: str, offsets: Mapping[str, tuple[int, int]],
                   types: Iterable[str]) -> list[GoldMention]:
    markables = root.find("Markables")
    relations = root.find("Relations")
    if markables is None or relations is None:
        return []
    anchors = {m.get("m_id"): [a.get("t_id", "") for a in m.findall("token_anchor")]
               for m in markables if m.tag == "ENTITY_MENTION" and m.get("syntactic_type") == "NAM"}
    entities = {e.get("m_id"): e for e in markables if e.tag == "ENTITY" and e.get("instance_id")}
    wanted = set(types)
    out = []
    for rel in relations.iter("REFERS_TO"):
        target = next((entities.get(t.get("m_id")) for t in rel.findall("target")), None)
        if target is None or target.get("ent_type") not in wanted:
            continue
        for source in rel.findall("source"):
            ids = anchors.get(source.get("m_id"))
            if ids and all(i in offsets for i in ids):
                start, end = offsets[ids[0]][0], offsets[ids[-1]][1]
                out.append(GoldMention(doc_id, start, end, text[start:end], target.get("ent_type", ""),
                                       target.get("instance_id", "")))
    return out


def load_meantime(folder: Path, types: Iterable[str] = GOLD_TYPES) -> list[MeantimeDocument]:
    """Every MEANTIME CAT XML file under ``folder``: rebuilt text, creation date, gold named mentions."""
    docs = []
    for path in sorted(folder.glob("*/*.xml")) or sorted(folder.glob("*.xml")):
        root = ET.parse(path).getroot()
        doc_id = root.get("doc_id") or path.stem
        text, offsets = _rebuild_text(root)
        dct = next((t.get("value") for t in root.iter("TIMEX3") if t.get("functionInDocument") == "CREATION_TIME"),
                   None)
        docs.append(MeantimeDocument(doc_id, text, dct, _gold_mentions(root, doc_id, text, offsets, types)))
    return docs


def load_annotator() -> Callable[..., object]:
    """The per-document pipeline (structure + entities), or a clear error when it is not there yet."""
    try:
        from storyline.annotate.pipeline import Pipeline

        return Pipeline(names=("structure", "entities"))
    except ImportError:
        pass
    try:
        from storyline.annotate.entities import find_entities
        from storyline.annotate.structure import segment
        from storyline.model import Annotations, Document
    except ImportError as exc:
        raise SystemExit(f"the entity pipeline is not available ({exc}); nothing to benchmark yet") from exc

    def annotate(doc: Document) -> Annotations:
        blocks, sentences = segment(doc.text)
        mentions, entities = find_entities(doc.text, blocks, sentences)
        return Annotations(doc.id, blocks=blocks, sentences=sentences, mentions=mentions, entities=entities)

    return annotate


def _best_overlap(gold: GoldMention, mentions: Iterable[Any]) -> Any | None:
    """Our mention standing for a gold one: overlapping it, the same type if possible, then the most overlap."""
    best, best_key = None, (False, 0)
    for m in mentions:
        shared = min(m.end, gold.end) - max(m.start, gold.start)
        key = (m.type == OUR_TYPES.get(gold.type), shared)
        if shared > 0 and key > best_key:
            best, best_key = m, key
    return best


def annotate_corpus(docs: list[MeantimeDocument]) -> list[tuple[Any, Any]]:
    """Run the per-document pipeline over every document: (Document, Annotations) pairs."""
    from storyline.model import Annotations, Document

    annotate = load_annotator()
    items = []
    for d in docs:
        doc = Document(d.id, d.text, f"meantime/{d.id}", published=d.published)
        ann = annotate(doc)
        assert isinstance(ann, Annotations)
        items.append((doc, ann))
    return items


def predict_clusters(docs: list[MeantimeDocument], items: list[tuple[Any, Any]],
                     entity_map: Mapping[str, str] | None) -> dict[tuple[str, int, int], str]:
    """Our corpus identity for each gold mention (a unique singleton id when no mention of ours overlaps it).

    With ``entity_map=None`` each document's local entities are kept apart: what the
    per-document pipeline alone gives, to separate its errors from cross-document linking's.
    """
    predicted: dict[tuple[str, int, int], str] = {}
    for (doc, ann), d in zip(items, docs):
        for gold in d.mentions:
            best = _best_overlap(gold, ann.mentions)
            local = f"{doc.id}:{best.entity}" if best else None
            mapped = (local if entity_map is None else entity_map.get(local)) if local else None
            predicted[(gold.doc, gold.start, gold.end)] = mapped or f"single:{gold.doc}:{gold.start}"
    return predicted


def bcubed(gold: Mapping[tuple[str, int, int], str], predicted: Mapping[tuple[str, int, int], str]
           ) -> tuple[float, float, float]:
    """Mention-level B-cubed precision, recall, F1 over the gold mentions."""
    by_gold: dict[str, set[tuple[str, int, int]]] = defaultdict(set)
    by_pred: dict[str, set[tuple[str, int, int]]] = defaultdict(set)
    for m, g in gold.items():
        by_gold[g].add(m)
        by_pred[predicted[m]].add(m)
    if not gold:
        return 0.0, 0.0, 0.0
    p = r = 0.0
    for m in gold:
        both = len(by_gold[gold[m]] & by_pred[predicted[m]])
        p += both / len(by_pred[predicted[m]])
        r += both / len(by_gold[gold[m]])
    p, r = p / len(gold), r / len(gold)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _percent(prefix: str, figures: tuple[float, float, float]) -> dict[str, float]:
    return {f"{prefix}_{name}": round(100 * value, 2) for name, value in zip(("p", "r", "f1"), figures)}


def incremental_entity_map(items: list[tuple[Any, Any]], batch: int) -> dict[str, str]:
    """Identities as ``storyline link`` builds them when documents arrive ``batch`` at a time."""
    from storyline.link.identity_updates import resolve_new_identities
    from storyline.link.index import MemoryIndex

    index = MemoryIndex()
    for start in range(0, len(items), batch):
        resolve_new_identities(items[start : start + batch], index)
    return index.entity_map([doc.id for doc, _ in items])


def evaluate(docs: list[MeantimeDocument], batch: int = INCREMENTAL_BATCH) -> dict[str, float]:
    """Our B-cubed figures (all types and per type), the pipeline alone, and the same-name baseline, in percent."""
    from storyline.link.identity import resolve_identities

    items = annotate_corpus(docs)
    _, entity_map = resolve_identities(items)
    mentions = [m for d in docs for m in d.mentions]
    gold = {(m.doc, m.start, m.end): m.instance for m in mentions}
    ours = predict_clusters(docs, items, entity_map)
    figures: dict[str, float] = {}
    figures |= _percent("bcubed", bcubed(gold, ours))
    figures |= _percent("incremental", bcubed(gold, predict_clusters(docs, items, incremental_entity_map(items, batch))))
    figures |= _percent("local", bcubed(gold, predict_clusters(docs, items, None)))
    figures |= _percent("baseline", bcubed(gold, {(m.doc, m.start, m.end): m.text.lower() for m in mentions}))
    for kind in sorted({m.type for m in mentions}):
        keys = {(m.doc, m.start, m.end) for m in mentions if m.type == kind}
        subset = {k: v for k, v in gold.items() if k in keys}
        figures |= _percent(f"{kind.lower()}", bcubed(subset, ours))
    figures["gold_mentions"] = len(gold)
    figures["gold_entities"] = len(set(gold.values()))
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=shared_data() / DEFAULT_DATA,
                        help="folder of MEANTIME CAT XML files (topic sub-folders allowed)")
    parser.add_argument("--types", default=",".join(GOLD_TYPES), help="gold entity types to score (PER,ORG,LOC)")
    args = parser.parse_args(argv)
    if not args.data.is_dir():
        print(f"no data at {args.data}: pass --data or set STORYLINE_SHARED_DATA", file=sys.stderr)
        return 2
    began = time.perf_counter()
    docs = load_meantime(args.data, args.types.split(","))
    figures = evaluate(docs)
    seconds = time.perf_counter() - began
    print(f"MEANTIME English cross-document coreference, named {args.types} mentions "
          f"({len(docs)} documents, {figures['gold_mentions']} mentions, {figures['gold_entities']} entities)")
    print(f"{'system':<34}{'B3 P':>8}{'B3 R':>8}{'B3 F1':>8}")
    print(f"{'storyline (pipeline + identity)':<34}{figures['bcubed_p']:>8.2f}{figures['bcubed_r']:>8.2f}"
          f"{figures['bcubed_f1']:>8.2f}")
    print(f"{'storyline, ' + str(INCREMENTAL_BATCH) + ' documents at a time':<34}{figures['incremental_p']:>8.2f}"
          f"{figures['incremental_r']:>8.2f}{figures['incremental_f1']:>8.2f}")
    print(f"{'pipeline, no cross-doc linking':<34}{figures['local_p']:>8.2f}{figures['local_r']:>8.2f}"
          f"{figures['local_f1']:>8.2f}")
    for kind in args.types.split(","):
        if f"{kind.lower()}_p" in figures:
            label = f"  storyline, {kind} mentions only"
            print(f"{label:<34}{figures[kind.lower() + '_p']:>8.2f}{figures[kind.lower() + '_r']:>8.2f}"
                  f"{figures[kind.lower() + '_f1']:>8.2f}")
    print(f"{'same-name baseline (exact string)':<34}{figures['baseline_p']:>8.2f}{figures['baseline_r']:>8.2f}"
          f"{figures['baseline_f1']:>8.2f}")
    print("published: no published figure found (SOURCE.md lists none for this task on this data)")
    print("note: CoNLL-style coreference F1 averages MUC, B3 and CEAF-e; only mention-level B3 over gold "
          "named mentions is reported here, so figures are not comparable with CoNLL scores.")
    print(f"time: {seconds:.1f}s")
    print(json.dumps({k: figures[k] for k in ("bcubed_p", "bcubed_r", "bcubed_f1", "incremental_f1", "baseline_f1")}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
