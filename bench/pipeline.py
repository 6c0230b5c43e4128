"""Speed of the default per-document pipeline on one core: documents/s, words/s, time per component.

    python bench/pipeline.py [--count 1000]

Prints a table and, as its last line, one JSON object with the figures.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import make_article

from storyline.annotate.pipeline import COMPONENTS, Pipeline
from storyline.ingest import make_document
from storyline.model import Annotations, Document

TARGET_DOCS_PER_S = 300


def documents(count: int) -> list[Document]:
    docs = []
    for i in range(count):
        a = make_article(i)
        doc = make_document(a.title + "\n\n" + a.body, source=f"gen-{i}", url=a.url, title=a.title,
                            published=a.published)
        assert isinstance(doc, Document)
        docs.append(doc)
    return docs


def time_components(pipeline: Pipeline, docs: list[Document]) -> dict[str, float]:
    """Seconds spent in each component over all documents."""
    spent = dict.fromkeys(pipeline.names, 0.0)
    for doc in docs:
        ann = Annotations(doc_id=doc.id)
        for name in pipeline.names:
            start = time.perf_counter()
            COMPONENTS[name].func(doc, ann, pipeline.context)
            spent[name] += time.perf_counter() - start
    return spent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=1000)
    args = parser.parse_args()
    docs = documents(args.count)
    words = sum(len(d.text.split()) for d in docs)
    pipeline = Pipeline()
    pipeline(docs[0])  # warm caches and word lists
    start = time.perf_counter()
    found = sum(len(pipeline(d).quotes) for d in docs)
    seconds = time.perf_counter() - start
    spent = time_components(pipeline, docs)
    figures = {
        "documents": len(docs),
        "words": words,
        "seconds": round(seconds, 3),
        "docs_per_s_per_core": round(len(docs) / seconds, 1),
        "words_per_s_per_core": round(words / seconds),
        "quotes_found": found,
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "ms_per_doc": {k: round(v / len(docs) * 1000, 3) for k, v in spent.items()},
    }
    print(f"default pipeline, one core, {len(docs)} generated articles ({words} words)")
    print(f"{'measure':<24}{'storyline':>14}{'target':>10}")
    print(f"{'documents/s':<24}{figures['docs_per_s_per_core']:>14}{TARGET_DOCS_PER_S:>10}")
    print(f"{'words/s':<24}{figures['words_per_s_per_core']:>14}{'—':>10}")
    print(f"{'peak memory (MB)':<24}{figures['peak_rss_mb']:>14}{'—':>10}")
    for name, ms in figures["ms_per_doc"].items():  # type: ignore[union-attr]
        print(f"  {name:<22}{ms:>12} ms/doc")
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
