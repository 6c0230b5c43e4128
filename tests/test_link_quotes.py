"""Merged quotes across documents and speaker discrepancies."""

from __future__ import annotations

from typing import Any

from storyline.link.index import MemoryIndex
from storyline.link.quotes import file_document_quotes, merge_quotes, quote_tokens
from storyline.model import Annotations, Document, Quote


def quoted(doc_id: str, text: str, published: str, quotes: list[tuple[str, str | None, str | None]]
           ) -> tuple[Document, Annotations]:
    """A document whose quotes are (quoted words, local speaker id, speaker name)."""
    found = []
    for n, (words, speaker, name) in enumerate(quotes, 1):
        start = text.index(words)
        found.append(Quote(f"q{n}", start, start + len(words), words, speaker=speaker, speaker_name=name))
    return Document(doc_id, text, f"{doc_id}.txt", published=published), Annotations(doc_id, quotes=found)


UK = ("“We will not be closing a single library this year,” said Daniel Okafor, the mayor. "
      "“Nobody asked me,” said a resident.")
US = ('"We will not be closing a single library this year," Mayor Daniel Okafor told reporters on Monday. '
      '"Let\'s see," said Grace Lund.')
WIRE = ("Okafor’s deputy, Amira Bello, said: “we will NOT be closing a single library this year”. "
        "She added that staffing was under review.")
OTHER = "“Libraries are the heart of our town,” said Amira Bello."

EMAP = {"uk:e1": "P-OKAFOR", "us:e1": "P-OKAFOR", "us:e2": "P-LUND", "wire:e2": "P-BELLO", "other:e2": "P-BELLO"}


def items() -> list[tuple[Document, Annotations]]:
    return [
        quoted("uk", UK, "2024-03-04", [("We will not be closing a single library this year", "e1", "Daniel Okafor"),
                                        ("Nobody asked me", None, None)]),
        quoted("us", US, "2024-03-05", [("We will not be closing a single library this year,", "e1", "Daniel Okafor"),
                                        ("Let's see", "e2", "Grace Lund")]),
        quoted("wire", WIRE, "2024-03-06", [("we will NOT be closing a single library this year", "e2", "Amira Bello")]),
        quoted("other", OTHER, "2024-03-07", [("Libraries are the heart of our town", "e2", "Amira Bello")]),
    ]


def test_quotes_merged_across_three_documents_with_one_speaker_discrepancy() -> None:
    groups, discrepancies = merge_quotes(items(), EMAP)
    assert len(groups) == 1
    group = groups[0]
    first = group.sources[0]
    assert (first.document, UK[first.start:first.end]) == ("uk", "We will not be closing a single library this year")
    assert {s.document for s in group.sources} == {"uk", "us", "wire"}
    assert group.speaker is None  # the sources disagree: leave it unattributed
    (disc,) = discrepancies
    assert disc.kind == "speaker"
    assert {(s.document, s.start) for s in disc.spans} == {(s.document, s.start) for s in group.sources}
    assert "Daniel Okafor" in disc.description and "Amira Bello" in disc.description
    wire = next(s for s in disc.spans if s.document == "wire")
    assert WIRE[wire.start:wire.end] == "we will NOT be closing a single library this year"


def test_quotes_agreeing_speakers_give_the_group_a_speaker() -> None:
    two = items()[:2]
    groups, discrepancies = merge_quotes(two, EMAP)
    assert discrepancies == []
    (group,) = groups
    assert group.speaker == "P-OKAFOR" and group.speaker_name == "Daniel Okafor"


def test_quotes_name_only_speaker_matches_identity_by_name() -> None:
    first, second = items()[:2]
    second[1].quotes[0].speaker = None  # only "Daniel Okafor" as a name
    groups, discrepancies = merge_quotes([first, second], EMAP)
    assert discrepancies == [] and groups[0].speaker == "P-OKAFOR"


def test_quotes_near_identical_and_contained_versions_merge() -> None:
    long_text = "“The budget is balanced, the reserves are intact and the services are safe,” said Bello."
    short_text = "Bello said “the reserves are intact and the services are safe”."
    different = "“The reserves are gone and the services are not safe,” said Lund."
    groups, _ = merge_quotes([
        quoted("a", long_text, "2024-01-01", [("The budget is balanced, the reserves are intact and the services are safe",
                                               None, "Amira Bello")]),
        quoted("b", short_text, "2024-01-02", [("the reserves are intact and the services are safe", None, "Bello")]),
        quoted("c", different, "2024-01-03", [("The reserves are gone and the services are not safe", None, "Lund")]),
    ], {})
    (group,) = groups
    assert {s.document for s in group.sources} == {"a", "b"}
    assert group.text.startswith("The budget is balanced")


def test_quotes_short_quotes_need_exact_match_and_ids_are_stable() -> None:
    a = quoted("a", "“No comment,” she said.", "2024-01-01", [("No comment", None, None)])
    b = quoted("b", "‘No comment’, he said.", "2024-01-02", [("No comment", None, None)])
    c = quoted("c", "“No further comment,” he said.", "2024-01-02", [("No further comment", None, None)])
    groups, _ = merge_quotes([a, b, c], {})
    assert len(groups) == 1 and len(groups[0].sources) == 2
    again, _ = merge_quotes([c, b, a], {})
    assert again[0].id == groups[0].id


def test_quotes_tokens_ignore_marks_case_and_accents() -> None:
    assert quote_tokens("“It’s NOT my café,” — she said.") == ["its", "not", "my", "cafe", "she", "said"]


BRANCH = ("“We will not be closing a single library branch in the north of the county, whatever the budget "
          "says,” said Daniel Okafor.")


def filed_reading(index: Any, doc: tuple[Document, Annotations]) -> tuple[set[str], list[str]]:
    """File one document's quotes; the groups they joined, and the quote records read to compare them."""
    asked: list[str] = []
    read = index.records
    index.records = lambda kind, ids: (asked.extend(ids) if kind == "quote" else None) or read(kind, ids)
    try:
        return file_document_quotes(*doc, index)[1], asked
    finally:
        del index.records


def test_quotes_candidates_whose_word_summaries_rule_out_a_match_are_not_read() -> None:
    """The branch quote shares 8 words in a row with the library one (a winnowed run: a candidate), but is
    neither near-identical nor contained: the summary kept when the library quote was filed rules it out."""
    library = items()[0]
    branch = quoted("branch", BRANCH, "2024-03-05", [(BRANCH[1:BRANCH.index("”")], "e1", "Daniel Okafor")])
    index = MemoryIndex()
    assert "uk:q1" in filed_reading(index, library)[0]  # a group is named after its first quote
    joined, read = filed_reading(index, branch)
    assert joined == {"branch:q1"} and "uk:q1" not in read
    unknown = MemoryIndex()  # summaries are kept in memory only: without them, the candidate is read and compared
    filed_reading(unknown, library)
    unknown.memo_.clear()
    joined_unknown, read = filed_reading(unknown, branch)
    assert "uk:q1" in read and joined_unknown == joined
    later = "“We will not be closing a single library this year, or next,” he said."
    near = quoted("near", later, "2024-03-06", [(later[1:later.index("”")], None, None)])
    assert filed_reading(index, near) == ({"uk:q1"}, ["uk:q1"])  # it contains the library quote: read, joined


def test_quotes_group_documents_counted_as_a_scan_of_its_members_would() -> None:
    """One document repeating a quote keeps its group at one document however often it repeats it (counted from
    the new quote's document alone); the first quote of another document makes it two."""
    line = "“We will not be closing a single library this year,” said Daniel Okafor. "
    index = MemoryIndex()
    many = quoted("many", line * 6, "2024-03-04", [])
    many[1].quotes = [Quote(f"q{n}", n * len(line) + 1, n * len(line) + 51, line[1:51], speaker="e1",
                            speaker_name="Daniel Okafor") for n in range(6)]
    _, groups = file_document_quotes(*many, index)
    assert len(groups) == 1
    group = next(iter(groups))
    assert index.records("qgroup", [group])[group]["documents"] == 1
    _, again = file_document_quotes(*items()[0], index)
    assert group in again and index.records("qgroup", [group])[group]["documents"] == 2
