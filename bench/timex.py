"""Temporal expressions: detection and normalisation scored as TempEval-3 does, on TimeML files.

    python bench/timex.py [--data DIR] [--errors N]

Default data: ../shared/data/timex/tempeval3/TBAQ-cleaned (TimeBank + AQUAINT, TempEval-3
*training* data); ``--data`` takes any folder of ``.tml`` files (searched recursively), e.g.
``../shared/data/timex/wikiwars/testset/tml`` or ``../shared/data/timex/tweets/testset/tml``.
The document creation time (DCT) is the reference date for relative expressions.

Scores (TempEval-3, UzZaman et al. 2013): strict match = exact span, relaxed match = overlapping
span (one-to-one); value F1 counts a pair when spans overlap AND the values are equal, over the
gold and predicted counts (equals relaxed F1 x value accuracy); type accuracy over relaxed pairs.
Prints a table and, as its last line, one JSON object with the figures (percent, 2 decimals).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = "timex/tempeval3/TBAQ-cleaned"

# TE3-Platinum test set, UzZaman et al. 2013 (Table 3), as quoted in ../shared/data/timex/tempeval3/SOURCE.md
PUBLISHED = {
    "HeidelTime (TE3-Platinum)": {"strict_f1": 81.34, "relaxed_f1": 90.30, "value_f1": 77.61},
    "SUTime (TE3-Platinum)": {"value_f1": 67.38},
}

_TIMEX = re.compile(r"<TIMEX3([^>]*)>(.*?)</TIMEX3>", re.DOTALL)
_ATTR = re.compile(r'(\w+)="([^"]*)"')
_TAG = re.compile(r"<[^>]+>")


@dataclass
class GoldTimex:
    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass
class TimeMLDocument:
    name: str
    text: str
    dct: str | None
    timexes: list[GoldTimex] = field(default_factory=list)


def shared_data() -> Path:
    """../shared/data beside the repository, or $STORYLINE_SHARED_DATA."""
    env = os.environ.get("STORYLINE_SHARED_DATA")
    return Path(env) if env else REPO.parent / "shared" / "data"


def _unescape(text: str) -> str:
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&amp;", "&")


def load_timeml(path: str | Path) -> TimeMLDocument:
    """Read one TimeML file: plain text of <TEXT>, the DCT value and the gold TIMEX3 spans."""
    raw = Path(path).read_text(encoding="utf-8")
    dct_part = raw[raw.find("<DCT>"): raw.find("</DCT>")] if "<DCT>" in raw else ""
    dct_attrs = dict(_ATTR.findall(dct_part))
    body = raw[raw.index("<TEXT>") + 6: raw.index("</TEXT>")]
    text, timexes, pos = "", [], 0
    for m in _TIMEX.finditer(body):
        text += _unescape(_TAG.sub("", body[pos:m.start()]))
        start = len(text)
        inner = _unescape(_TAG.sub("", m.group(2)))
        text += inner
        attrs = dict(_ATTR.findall(m.group(1)))
        timexes.append(GoldTimex(start, len(text), inner, attrs.get("type", ""), attrs.get("value", "")))
        pos = m.end()
    text += _unescape(_TAG.sub("", body[pos:]))
    return TimeMLDocument(Path(path).name, text, dct_attrs.get("value"), timexes)


def load_folder(folder: str | Path) -> list[TimeMLDocument]:
    """Every .tml file under ``folder`` (recursive), sorted by path."""
    return [load_timeml(p) for p in sorted(Path(folder).rglob("*.tml"))]


@dataclass
class Counts:
    gold: int = 0
    predicted: int = 0
    strict: int = 0
    relaxed: int = 0
    value: int = 0
    type: int = 0


def _prf(hits: int, predicted: int, gold: int) -> tuple[float, float, float]:
    p = hits / predicted if predicted else 0.0
    r = hits / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def match_pairs(gold: list[GoldTimex], predicted: list) -> list[tuple[GoldTimex, object]]:
    """One-to-one relaxed pairs (overlapping spans), exact-span matches first."""
    used: set[int] = set()
    pairs: list[tuple[GoldTimex, object]] = []
    pending = []
    for g in gold:
        exact = next((i for i, p in enumerate(predicted) if i not in used
                      and (p.start, p.end) == (g.start, g.end)), None)
        if exact is None:
            pending.append(g)
            continue
        used.add(exact)
        pairs.append((g, predicted[exact]))
    for g in pending:
        i = next((i for i, p in enumerate(predicted) if i not in used
                  and p.start < g.end and g.start < p.end), None)
        if i is not None:
            used.add(i)
            pairs.append((g, predicted[i]))
    return pairs


def score_document(doc: TimeMLDocument, predicted: list, counts: Counts) -> list[tuple[GoldTimex, object]]:
    pairs = match_pairs(doc.timexes, predicted)
    counts.gold += len(doc.timexes)
    counts.predicted += len(predicted)
    counts.relaxed += len(pairs)
    counts.strict += sum((g.start, g.end) == (p.start, p.end) for g, p in pairs)  # type: ignore[attr-defined]
    counts.value += sum(g.value == p.value for g, p in pairs)  # type: ignore[attr-defined]
    counts.type += sum(g.type == p.type for g, p in pairs)  # type: ignore[attr-defined]
    return pairs


def figures(counts: Counts) -> dict[str, float]:
    """Percent figures (2 decimals) from the counts."""
    sp, sr, sf = _prf(counts.strict, counts.predicted, counts.gold)
    rp, rr, rf = _prf(counts.relaxed, counts.predicted, counts.gold)
    vp, vr, vf = _prf(counts.value, counts.predicted, counts.gold)
    out = {"strict_p": sp, "strict_r": sr, "strict_f1": sf, "relaxed_p": rp, "relaxed_r": rr, "relaxed_f1": rf,
           "value_p": vp, "value_r": vr, "value_f1": vf,
           "value_accuracy": counts.value / counts.relaxed if counts.relaxed else 0.0,
           "type_accuracy": counts.type / counts.relaxed if counts.relaxed else 0.0}
    return {k: round(100 * v, 2) for k, v in out.items()}


def score(docs: Iterable[TimeMLDocument], errors: list[str] | None = None) -> tuple[dict[str, float], Counts]:
    """Run ``find_timexes`` on every document (reference = DCT) and score it; collect errors if asked."""
    from storyline.annotate.timex import find_timexes

    counts = Counts()
    for doc in docs:
        predicted = find_timexes(doc.text, doc.dct)
        pairs = score_document(doc, predicted, counts)
        if errors is not None:
            errors.extend(describe_errors(doc, predicted, pairs))
    return figures(counts), counts


def describe_errors(doc: TimeMLDocument, predicted: list, pairs: list) -> list[str]:
    out = []
    matched_gold = {id(g) for g, _ in pairs}
    matched_pred = {id(p) for _, p in pairs}
    for g, p in pairs:
        if g.value != p.value or (g.start, g.end) != (p.start, p.end):
            out.append(f"{doc.name} dct={doc.dct} gold {g.text!r}={g.value} {g.type} | ours {p.text!r}={p.value} "
                       f"{p.type}  ..{_context(doc.text, g.start, g.end)}..")
    out += [f"{doc.name} dct={doc.dct} MISSED {g.text!r}={g.value} {g.type}  ..{_context(doc.text, g.start, g.end)}.."
            for g in doc.timexes if id(g) not in matched_gold]
    out += [f"{doc.name} dct={doc.dct} SPURIOUS {p.text!r}={p.value}  ..{_context(doc.text, p.start, p.end)}.."
            for p in predicted if id(p) not in matched_pred]
    return out


def _context(text: str, start: int, end: int) -> str:
    return " ".join((text[max(0, start - 50):start] + "[" + text[start:end] + "]" + text[end:end + 40]).split())


def print_table(name: str, figs: dict[str, float], counts: Counts, docs: int, seconds: float) -> None:
    print(f"Temporal expressions on {name}: {docs} documents, {counts.gold} gold, {counts.predicted} predicted, "
          f"{seconds:.2f} s CPU")
    print(f"{'system':34} {'strict P/R/F1':>22} {'relaxed P/R/F1':>22} {'value F1':>9} {'val acc':>8} {'type acc':>8}")
    print(f"{'storyline (this data)':34} {figs['strict_p']:6.2f} {figs['strict_r']:6.2f} {figs['strict_f1']:6.2f}  "
          f"{figs['relaxed_p']:6.2f} {figs['relaxed_r']:6.2f} {figs['relaxed_f1']:6.2f}  {figs['value_f1']:8.2f} "
          f"{figs['value_accuracy']:8.2f} {figs['type_accuracy']:8.2f}")
    for system, pub in PUBLISHED.items():
        strict = f"{pub['strict_f1']:6.2f}" if "strict_f1" in pub else "     -"
        relaxed = f"{pub['relaxed_f1']:6.2f}" if "relaxed_f1" in pub else "     -"
        print(f"{system:34} {'':6} {'':6} {strict}  {'':6} {'':6} {relaxed}  {pub['value_f1']:8.2f}")
    print("value F1 = TE3 attribute F1: a pair counts when spans overlap AND values are equal "
          "(= relaxed F1 x value accuracy).")
    print("Published figures are on the withheld TE3-Platinum test set (20 docs); ours are on the data above, "
          "so they are not directly comparable.")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", default=None, help="folder of .tml files (recursive)")
    parser.add_argument("--errors", type=int, default=0, help="print this many sample errors")
    args = parser.parse_args()
    folder = Path(args.data) if args.data else shared_data() / DEFAULT_DATA
    if not folder.is_dir():
        sys.exit(f"No TimeML folder at {folder}: pass --data DIR or set STORYLINE_SHARED_DATA.")
    docs = load_folder(folder)
    start = time.process_time()
    errors: list[str] | None = [] if args.errors else None
    figs, counts = score(docs, errors)
    seconds = time.process_time() - start
    chars = sum(len(d.text) for d in docs)
    print_table(str(folder), figs, counts, len(docs), seconds)
    if errors:
        print(f"\n{len(errors)} errors, showing {min(args.errors, len(errors))}:")
        for line in errors[: args.errors]:
            print(" ", line)
    result = {"dataset": str(folder), "documents": len(docs), "gold": counts.gold, "predicted": counts.predicted,
              "unit": "percent", **figs, "cpu_seconds": round(seconds, 3),
              "ms_per_1000_chars": round(1000 * seconds / max(chars, 1) * 1000, 3)}
    print(json.dumps(result))


if __name__ == "__main__":
    main()
