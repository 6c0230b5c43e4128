"""A hand-filled store for the web app, view and report tests (no language pipeline needed).

Two stories: the 2024 Brackendale overspend row (three documents, British and
American styles, curly and straight quotes, one quote carried by two of them) and an older
2023 takeover story. Roles are read from the text ("Councillor", "council leader") as the
annotator would; layout blocks come from the real block splitter.
``add_hostile`` adds an article whose every field is an attack.
"""

from __future__ import annotations

from storyline.annotate.structure import split_blocks
from storyline.model import (
    Annotations,
    Claim,
    CorpusEntity,
    Discrepancy,
    Document,
    DocumentLink,
    Entity,
    Event,
    Mention,
    Quote,
    QuoteGroup,
    Reuse,
    Role,
    SpanRef,
    GroupingEvidence,
    Story,
    Storyline,
    Timex,
)
from storyline.store import Store
from storyline.views.records import records

ECHO = (
    "Council leader denies misleading scrutiny panel\n\n"
    "By Hannah Reeve\n\n"
    "Councillor Priya Shah, who chairs the scrutiny committee, alleged on Thursday that councillors were misled "
    "about a £4.2m overspend on the Brackendale leisure centre.\n\n"
    "“We were told the budget was under control when it plainly was not,” Ms Shah said.\n\n"
    "The council leader, Grace Hughes, denied that the committee had been misled. "
    "“Every figure we gave was accurate at the time,” she said on 12 September 2024.\n\n"
    "The overspend was first reported to the cabinet in March 2024."
)
NORTHGATE = (
    "Brackendale leader rejects 'misled' claims\n\n"
    "Grace Hughes, the leader of Brackendale Borough Council, denied that the committee had been misled. "
    "\"Every figure we gave was accurate at the time,\" Hughes said.\n\n"
    "Priya Shah said the overspend had reached $4.5m by September 13, 2024."
)
OBSERVER = (
    "Leader promises to balance the books\n\n"
    "Grace Hughes promised to balance the books by 2025. "
    "\"We will publish every invoice,\" she said in October 2024."
)
GAZETTE = (
    "Letters reveal minister ordered takeover\n\n"
    "Letters released on 21 March 2023 show that the minister ordered the takeover of Castlewick council. "
    "Councillor Grace Hughes said: “This confirms what we suspected all along.”"
)

DOC_IDS = {"echo": "a1echo0000000001", "north": "b2north000000002", "obs": "c3obs00000000003", "gaz": "d4gaz00000000004"}
STORY_2024 = "S2024brackendale"
STORY_2023 = "S2023castlewick"


def span(text: str, sub: str, nth: int = 0) -> tuple[int, int]:
    """Offsets of the ``nth`` occurrence of ``sub`` in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(sub, start + 1)
    return start, start + len(sub)


def _quote(text: str, qid: str, sub: str, speaker: str | None, name: str | None, mention: str) -> Quote:
    s, e = span(text, sub)
    return Quote(qid, s, e, sub, "direct", speaker, name, span(text, mention), None, 0.9 if speaker else 0.3)


def _event(text: str, eid: str, sentence: str, date: str, precision: str, timex: str, actors: list[str]) -> Event:
    s, e = span(text, sentence)
    return Event(eid, s, e, date, precision, sentence[:60], span(text, timex), False, actors)  # type: ignore[arg-type]


def _mentions(text: str, names: dict[str, tuple[str, str]]) -> list[Mention]:
    out = []
    for sub, (etype, local) in names.items():
        s, e = span(text, sub)
        out.append(Mention(s, e, sub, etype, local))  # type: ignore[arg-type]
    return out


def echo_doc() -> tuple[Document, Annotations]:
    t = ECHO
    doc = Document(DOC_IDS["echo"], t, "echo-overspend.txt", url="https://echo.example/news/overspend",
                   title="Council leader denies misleading scrutiny panel", published="2024-09-13",
                   author="Hannah Reeve", site_name="Brackendale Echo")
    shah = Entity("e1", "person", "Priya Shah", roles=[Role("councillor", *span(t, "Councillor")),
                                                       Role("chair of the scrutiny committee",
                                                            *span(t, "chairs the scrutiny committee"))])
    hughes = Entity("e2", "person", "Grace Hughes", roles=[Role("council leader", *span(t, "council leader"))])
    ann = Annotations(
        doc_id=doc.id,
        blocks=split_blocks(t),
        entities=[shah, hughes],
        mentions=_mentions(t, {"Priya Shah": ("person", "e1"), "Grace Hughes": ("person", "e2")}),
        timexes=[Timex(*span(t, "12 September 2024"), "12 September 2024", "DATE", "2024-09-12"),
                 Timex(*span(t, "March 2024"), "March 2024", "DATE", "2024-03")],
        quotes=[
            _quote(t, "q1", "We were told the budget was under control when it plainly was not", "e1", "Priya Shah",
                   "Ms Shah"),
            _quote(t, "q2", "Every figure we gave was accurate at the time", "e2", "Grace Hughes", "she"),
        ],
        events=[
            _event(t, "v1", "“Every figure we gave was accurate at the time,” she said on 12 September 2024.",
                   "2024-09-12", "day", "12 September 2024", ["e2"]),
            _event(t, "v2", "The overspend was first reported to the cabinet in March 2024.", "2024-03", "month",
                   "March 2024", []),
        ],
        claims=[
            Claim("c1", *span(t, "Councillor Priya Shah, who chairs the scrutiny committee, alleged on Thursday that "
                                 "councillors were misled about a £4.2m overspend"),
                  "claim", "e1", "Priya Shah", "e2", "Grace Hughes",
                  span(t, "councillors were misled about a £4.2m overspend"), span(t, "alleged")),
            Claim("c2", *span(t, "The council leader, Grace Hughes, denied that the committee had been misled."),
                  "denial", "e2", "Grace Hughes", "e1", "Priya Shah",
                  span(t, "the committee had been misled"), span(t, "denied")),
        ],
    )
    return doc, ann


def northgate_doc() -> tuple[Document, Annotations]:
    t = NORTHGATE
    doc = Document(DOC_IDS["north"], t, "northgate.json", url="https://northgate.example/2024/09/leader-rejects",
                   title="Brackendale leader rejects 'misled' claims", published="2024-09-14", author="Sam Ortiz",
                   site_name="Northgate News", format="json")
    hughes = Entity("e1", "person", "Grace Hughes", roles=[Role("leader", *span(t, "leader", 1),
                                                                "Brackendale Borough Council")])
    ann = Annotations(
        doc_id=doc.id,
        blocks=split_blocks(t),
        entities=[hughes, Entity("e2", "person", "Priya Shah"),
                  Entity("e3", "organisation", "Brackendale Borough Council")],
        mentions=_mentions(t, {"Grace Hughes": ("person", "e1"), "Priya Shah": ("person", "e2"),
                               "Brackendale Borough Council": ("organisation", "e3")}),
        timexes=[Timex(*span(t, "September 13, 2024"), "September 13, 2024", "DATE", "2024-09-13")],
        quotes=[_quote(t, "q1", "Every figure we gave was accurate at the time,", "e1", "Grace Hughes", "Hughes")],
        events=[_event(t, "v1", "Priya Shah said the overspend had reached $4.5m by September 13, 2024.",
                       "2024-09-13", "day", "September 13, 2024", ["e2"])],
        claims=[Claim("c1", *span(t, "Grace Hughes, the leader of Brackendale Borough Council, denied that the "
                                     "committee had been misled."),
                      "denial", "e1", "Grace Hughes", None, None, span(t, "the committee had been misled"),
                      span(t, "denied"))],
    )
    return doc, ann


def observer_doc() -> tuple[Document, Annotations]:
    t = OBSERVER
    doc = Document(DOC_IDS["obs"], t, "observer.txt", title="Leader promises to balance the books",
                   published="2024-10", site_name="Brackendale Observer")
    ann = Annotations(
        doc_id=doc.id,
        blocks=split_blocks(t),
        entities=[Entity("e1", "person", "Grace Hughes")],
        mentions=_mentions(t, {"Grace Hughes": ("person", "e1")}),
        quotes=[_quote(t, "q1", "We will publish every invoice,", "e1", "Grace Hughes", "she")],
        events=[
            _event(t, "v1", "Grace Hughes promised to balance the books by 2025.", "2025", "year", "2025", ["e1"]),
            _event(t, "v2", "\"We will publish every invoice,\" she said in October 2024.", "2024-10", "month",
                   "October 2024", ["e1"]),
        ],
        claims=[Claim("c1", *span(t, "Grace Hughes promised to balance the books by 2025."), "promise", "e1",
                      "Grace Hughes", content=span(t, "to balance the books by 2025"), cue=span(t, "promised"))],
    )
    return doc, ann


def gazette_doc() -> tuple[Document, Annotations]:
    t = GAZETTE
    doc = Document(DOC_IDS["gaz"], t, "gazette.html", url="https://gazette.example/letters-takeover",
                   title="Letters reveal minister ordered takeover", published="2023-03-21",
                   site_name="Castlewick Gazette", format="html")
    ann = Annotations(
        doc_id=doc.id,
        blocks=split_blocks(t),
        entities=[Entity("e1", "person", "Grace Hughes", roles=[Role("Councillor", *span(t, "Councillor"))])],
        mentions=_mentions(t, {"Grace Hughes": ("person", "e1")}),
        quotes=[_quote(t, "q1", "This confirms what we suspected all along.", "e1", "Grace Hughes", "Grace Hughes")],
        events=[_event(t, "v1", "Letters released on 21 March 2023 show that the minister ordered the takeover of "
                                "Castlewick council.", "2023-03-21", "day", "21 March 2023", [])],
    )
    return doc, ann


def _entities() -> list[tuple[str, CorpusEntity, list[str]]]:
    e, n, o, g = DOC_IDS["echo"], DOC_IDS["north"], DOC_IDS["obs"], DOC_IDS["gaz"]
    hughes = CorpusEntity("P-hughes", "person", "Grace Hughes", ["Hughes", "Ms Hughes"],
                          members=[(e, "e2"), (n, "e1"), (o, "e1"), (g, "e1")])
    shah = CorpusEntity("P-shah", "person", "Priya Shah", ["Ms Shah"], members=[(e, "e1"), (n, "e2")])
    council = CorpusEntity("O-council", "organisation", "Brackendale Borough Council", members=[(n, "e3")])
    return [(x.id, x, [m[0] for m in x.members]) for x in (hughes, shah, council)]


ENTITY_MAP = {
    f"{DOC_IDS['echo']}:e1": "P-shah", f"{DOC_IDS['echo']}:e2": "P-hughes",
    f"{DOC_IDS['north']}:e1": "P-hughes", f"{DOC_IDS['north']}:e2": "P-shah", f"{DOC_IDS['north']}:e3": "O-council",
    f"{DOC_IDS['obs']}:e1": "P-hughes", f"{DOC_IDS['gaz']}:e1": "P-hughes",
}


def _corpus_links(store: Store) -> None:
    e, n, o, g = DOC_IDS["echo"], DOC_IDS["north"], DOC_IDS["obs"], DOC_IDS["gaz"]
    store.replace_links("entity", _entities())
    store.set_entity_map(ENTITY_MAP)
    store.write_links({
        "storyline": [("L-brackendale", Storyline("L-brackendale", "Brackendale finances", [STORY_2024]), [])],
        "story": [
            (STORY_2024, Story(STORY_2024, "Brackendale overspend row", [e, n, o], "L-brackendale", "2024-09-13",
                               "2024-10", evidence=[GroupingEvidence("person", "Grace Hughes", 2, [
                                   SpanRef(e, *span(ECHO, "Grace Hughes")),
                                   SpanRef(n, *span(NORTHGATE, "Grace Hughes"))])]), [e, n, o]),
            (STORY_2023, Story(STORY_2023, "Castlewick takeover letters", [g], None, "2023-03-21", "2023-03-21"),
             [g]),
        ],
    })
    a0, a1 = span(ECHO, "denied that the committee had been misled.")
    b0, b1 = span(NORTHGATE, "denied that the committee had been misled.")
    store.replace_links("reuse", [("0000000", Reuse(e, n, a0, a1, b0, b1, 1.0), [e, n])])
    store.replace_links("discrepancy", [("X1", Discrepancy("X1", STORY_2024, "figure",
                                                           "The overspend is £4.2m in one source and $4.5m in another",
                                                           [SpanRef(e, *span(ECHO, "£4.2m")),
                                                            SpanRef(n, *span(NORTHGATE, "$4.5m"))]), [e, n])])
    q = "Every figure we gave was accurate at the time"
    store.replace_links("quote_group", [("G1", QuoteGroup("G1", q, "P-hughes", "Grace Hughes", [
        SpanRef(e, *span(ECHO, q)), SpanRef(n, *span(NORTHGATE, q + ","))]), [e, n])])
    store.replace_links("document_link", [("0000000", DocumentLink(e, n, "version", 0.4), [e, n])])


def corpus_store(db: str = ":memory:") -> Store:
    """The four-document corpus with corpus links, as the pipeline would leave it."""
    store = Store(db)
    for build in (echo_doc, northgate_doc, observer_doc, gazette_doc):
        store.add_document(*build())
    _corpus_links(store)
    store.record_error("broken-feed.xml", "malformed-xml", "broken-feed.xml: not well-formed XML; fix or re-export it")
    return store


HOSTILE_TEXT = (
    "<script>window.__pwned=1;alert(1)</script> Council statement\n\n"
    "Body <img src=x onerror=\"window.__pwned=1;alert(1)\"> and <a href=\"javascript:alert(1)\">click</a>.\n\n"
    "Mayor said “<b onmouseover=alert(1)>trust us</b>” on 1 May 2024."
)
HOSTILE_ID = "e5hostile0000005"


def add_hostile(store: Store) -> Document:
    """An article whose title, body, author, URL and source name all carry script payloads."""
    t = HOSTILE_TEXT
    doc = Document(HOSTILE_ID, t, "<script>alert('file')</script>.txt", url="javascript:alert(1)",
                   title="<script>window.__pwned=1;alert(1)</script>", published="2024-05-01",
                   author="\"><svg onload=alert(1)>", site_name="<img src=x onerror=alert(1)>")
    q = span(t, "<b onmouseover=alert(1)>trust us</b>")
    ann = Annotations(
        doc_id=doc.id,
        entities=[Entity("e1", "person", "<script>alert('name')</script>")],
        quotes=[Quote("q1", *q, t[q[0]:q[1]], "direct", "e1", "<script>alert('name')</script>", None, None, 0.8)],
        events=[Event("v1", *span(t, "Mayor said"), "2024-05-01", "day", "<svg onload=alert(1)>",
                      span(t, "1 May 2024"))],
    )
    store.add_document(doc, ann)
    return doc


def test_web_corpus_store_holds_the_corpus() -> None:
    store = corpus_store()
    documents = {d["id"]: d for d in records(store, "documents")}
    assert len(documents) == 4
    assert {s["id"] for s in records(store, "stories")} == {STORY_2024, STORY_2023}
    assert len([e for e in records(store, "events") if e["story"] == STORY_2024]) == 5
    for q in records(store, "quotes"):
        assert documents[q["document"]]["text"][q["start"]:q["end"]] == q["text"]
    grouped = [q for q in records(store, "quotes") if q["quote_group"] == "G1"]
    assert len(grouped) == 2  # the quote carried by the Echo and Northgate News
