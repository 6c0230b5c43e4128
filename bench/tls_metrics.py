"""Timeline summarisation metrics as tilse computes them (Martschat & Markert 2017, 2018), without tilse.

* Date-F1: F1 of the predicted date set against the gold date set.
* AR-1 / AR-2: tilse ``TimelineRougeEvaluator.evaluate_align_date_content_costs_many_to_one`` ("align+ m:1"):
  every predicted date is aligned to the gold date of least cost (and every gold date to the predicted
  date of least cost, for recall), cost = date distance factor x (1 - approximate ROUGE-1 of the two
  daily summaries); ROUGE counts of aligned summaries are weighted by 1 / (days apart + 1); unaligned
  dates count with empty counterparts. ROUGE counts as ROUGE-1.5.5 with ``-m -s`` (Porter stemming of
  tokens longer than 3 characters, SMART stop list removed, text lower-cased, non-alphanumerics as spaces).
* Averages as news-tls ``get_average_results``: precision and recall averaged over tasks, F from them.

Difference from tilse: ROUGE-1.5.5 also maps irregular forms through a WordNet exception list before
stemming ("went" -> "go"); this does not. Checked against tilse 0.2.1 (its bundled ROUGE-1.5.5) on all 13
T17 dev timelines, with predictions built from gold and article sentences: every AR-1 and AR-2 precision and
recall agrees to within 0.001 (equal to 4 decimals on 11 of 13).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from functools import cache
from pathlib import Path

Timeline = Mapping[date, Sequence[str]]  # date -> sentences

_NON_ALNUM = re.compile(r"[^a-z0-9]+")


@cache
def stopwords() -> frozenset[str]:
    path = Path(__file__).with_name("data") / "rouge_stopwords.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip() for w in lines if w.strip() and not w.startswith("#"))


# --- Porter (1980) stemmer, the original algorithm ---------------------------------------------

_VOWELS = "aeiou"


def _cons(w: str, i: int) -> bool:
    if w[i] in _VOWELS:
        return False
    if w[i] == "y":
        return i == 0 or not _cons(w, i - 1)
    return True


def _m(stem: str) -> int:
    """The number of VC sequences in ``stem``."""
    forms = "".join("c" if _cons(stem, i) else "v" for i in range(len(stem)))
    return len(re.findall(r"v+c+", forms))


def _has_vowel(stem: str) -> bool:
    return any(not _cons(stem, i) for i in range(len(stem)))


def _double_cons(w: str) -> bool:
    return len(w) >= 2 and w[-1] == w[-2] and _cons(w, len(w) - 1)


def _cvc(w: str) -> bool:
    return (len(w) >= 3 and _cons(w, len(w) - 3) and not _cons(w, len(w) - 2) and _cons(w, len(w) - 1)
            and w[-1] not in "wxy")


def _replace(w: str, rules: Iterable[tuple[str, str]], min_m: int) -> str:
    for suffix, repl in rules:
        if w.endswith(suffix):
            stem = w[: len(w) - len(suffix)]
            return stem + repl if _m(stem) > min_m else w
    return w


_STEP2 = (("ational", "ate"), ("tional", "tion"), ("enci", "ence"), ("anci", "ance"), ("izer", "ize"),
          ("abli", "able"), ("alli", "al"), ("entli", "ent"), ("eli", "e"), ("ousli", "ous"), ("ization", "ize"),
          ("ation", "ate"), ("ator", "ate"), ("alism", "al"), ("iveness", "ive"), ("fulness", "ful"),
          ("ousness", "ous"), ("aliti", "al"), ("iviti", "ive"), ("biliti", "ble"))
_STEP3 = (("icate", "ic"), ("ative", ""), ("alize", "al"), ("iciti", "ic"), ("ical", "ic"), ("ful", ""),
          ("ness", ""))
_STEP4 = ("al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ion", "ou", "ism",
          "ate", "iti", "ous", "ive", "ize")


def _step1(w: str) -> str:
    if w.endswith("sses"):
        w = w[:-2]
    elif w.endswith("ies"):
        w = w[:-2]
    elif w.endswith("s") and not w.endswith("ss"):
        w = w[:-1]
    if w.endswith("eed"):
        return w[:-1] if _m(w[:-3]) > 0 else w
    for suffix in ("ed", "ing"):
        if w.endswith(suffix) and _has_vowel(w[: -len(suffix)]):
            w = w[: -len(suffix)]
            if w.endswith(("at", "bl", "iz")):
                return w + "e"
            if _double_cons(w) and w[-1] not in "lsz":
                return w[:-1]
            if _m(w) == 1 and _cvc(w):
                return w + "e"
            return w
    return w


def _step4(w: str) -> str:
    for suffix in sorted(_STEP4, key=len, reverse=True):
        if w.endswith(suffix):
            stem = w[: -len(suffix)]
            if suffix == "ion" and not stem.endswith(("s", "t")):
                return w
            return stem if _m(stem) > 1 else w
    return w


def porter_stem(word: str) -> str:
    """The original Porter (1980) stemmer, as ROUGE-1.5.5 applies it."""
    if len(word) <= 2:
        return word
    w = _step1(word)
    if w.endswith("y") and _has_vowel(w[:-1]):
        w = w[:-1] + "i"
    w = _replace(w, _STEP2, 0)
    w = _replace(w, _STEP3, 0)
    w = _step4(w)
    if w.endswith("e"):
        stem = w[:-1]
        if _m(stem) > 1 or (_m(stem) == 1 and not _cvc(stem)):
            w = stem
    if _m(w) > 1 and _double_cons(w) and w.endswith("l"):
        w = w[:-1]
    return w


# --- ROUGE counts -------------------------------------------------------------------------------


def rouge_tokens(sentences: Iterable[str]) -> list[str]:
    """Tokens as ROUGE-1.5.5 -m -s counts them, over a whole summary."""
    out = []
    stop = stopwords()
    for sentence in sentences:
        for token in _NON_ALNUM.sub(" ", sentence.lower()).split():
            if token in stop:
                continue
            out.append(porter_stem(token) if len(token) > 3 else token)
    return out


def _ngrams(tokens: Sequence[str], n: int) -> Counter[tuple[str, ...]]:
    return Counter(tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1))


def rouge_counts(peer: Sequence[str], model: Sequence[str], n: int) -> tuple[int, int, int]:
    """(hits, peer n-grams, model n-grams) of a peer summary against one model summary."""
    p, m = _ngrams(rouge_tokens(peer), n), _ngrams(rouge_tokens(model), n)
    return sum((p & m).values()), sum(p.values()), sum(m.values())


def _approx_rouge1(pred: Sequence[str], gold: Sequence[str]) -> float:
    """tilse ``compute_rouge_approximation``: unigram F1 over whitespace tokens, nothing normalised."""
    p = Counter(t for s in pred for t in s.split())
    g = Counter(t for s in gold for t in s.split())
    match = sum(min(c, g[t]) for t, c in p.items())
    precision = match / sum(p.values()) if p else 0.0
    recall = match / sum(g.values()) if g else 0.0
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def _cost(a: date, b: date, pred: Sequence[str], gold: Sequence[str]) -> float:
    return (1 - 1 / (abs(a.toordinal() - b.toordinal()) + 1)) * (1 - _approx_rouge1(pred, gold))


def align_rouge(predicted: Timeline, gold: Timeline, n: int) -> tuple[float, float]:
    """(precision, recall) of ROUGE-n with tilse's many-to-one date-content alignment (one gold timeline)."""
    pred_dates, gold_dates = sorted(predicted), sorted(gold)
    p_num = p_den = r_num = r_den = 0.0
    for d in pred_dates:
        if gold_dates:
            g = min(gold_dates, key=lambda x: _cost(d, x, predicted[d], gold[x]))
            hits, peer, _ = rouge_counts(predicted[d], gold[g], n)
            p_num += hits / (abs(d.toordinal() - g.toordinal()) + 1)
        else:
            peer = rouge_counts(predicted[d], [], n)[1]
        p_den += peer
    for g in gold_dates:
        if pred_dates:
            d = min(pred_dates, key=lambda x: _cost(x, g, predicted[x], gold[g]))
            hits, _, model = rouge_counts(predicted[d], gold[g], n)
            r_num += hits / (abs(d.toordinal() - g.toordinal()) + 1)
        else:
            model = rouge_counts([], gold[g], n)[2]
        r_den += model
    return (p_num / p_den if p_den else 0.0), (r_num / r_den if r_den else 0.0)


def date_pr(predicted: Iterable[date], gold: Iterable[date]) -> tuple[float, float]:
    p, g = set(predicted), set(gold)
    shared = len(p & g)
    return (shared / len(p) if p else 0.0), (shared / len(g) if g else 0.0)


def f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def task_scores(predicted: Timeline, gold: Timeline) -> dict[str, tuple[float, float]]:
    """(precision, recall) of date selection, AR-1 and AR-2 for one task."""
    return {"date": date_pr(predicted, gold), "ar1": align_rouge(predicted, gold, 1),
            "ar2": align_rouge(predicted, gold, 2)}


def average(tasks: Sequence[dict[str, tuple[float, float]]]) -> dict[str, float]:
    """F of averaged precision and recall, per measure (news-tls ``get_average_results``)."""
    out: dict[str, float] = {}
    for measure in ("date", "ar1", "ar2"):
        precision = sum(t[measure][0] for t in tasks) / len(tasks) if tasks else 0.0
        recall = sum(t[measure][1] for t in tasks) / len(tasks) if tasks else 0.0
        out[f"{measure}_p"], out[f"{measure}_r"], out[f"{measure}_f1"] = precision, recall, f1(precision, recall)
    return out
