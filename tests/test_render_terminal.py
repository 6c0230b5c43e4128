"""Terminal summaries read as English: counts agree with their nouns."""

from __future__ import annotations

from storyline.ingest.batch import IngestReport
from storyline.render.terminal import ingest_summary, plural


def test_plural_agrees_with_the_count() -> None:
    assert plural(1, "story", "stories") == "1 story"
    assert plural(2, "story", "stories") == "2 stories"
    assert plural(0, "problem") == "0 problems"
    assert plural(1, "copied passage") == "1 copied passage"


def test_ingest_summary_counts_versions_and_problems_in_words() -> None:
    report = IngestReport(added=["a"], already_present=1, versions=1)
    assert ingest_summary(report).plain == (
        "added 1 document, 1 already present, 1 new version of earlier URLs, 0 problems"
    )
    report = IngestReport(added=["a", "b"], versions=2)
    assert ingest_summary(report).plain == "added 2 documents, 2 new versions of earlier URLs, 0 problems"
