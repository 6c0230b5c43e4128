"""Storylines: the same affair years later joins; a look-alike affair elsewhere does not."""

from __future__ import annotations

import pytest

from storyline.link.corpus import link_corpus
from storyline.link.stories import Idf, StoryProfile
from storyline.link.storylines import storyline_score
from tests.link_fixtures import expected, intervention
from tests.test_link_stories import load_fixture, story_of


def test_storylines_follow_up_joins_the_original_affair() -> None:
    linking, _ = link_corpus(load_fixture("councils"))
    original, follow_up = story_of(linking.stories, "cb-1"), story_of(linking.stories, "cb-f1")
    assert len(linking.storylines) == 1
    line = linking.storylines[0]
    assert line.stories == [original.id, follow_up.id]  # ordered by first date
    assert original.storyline == follow_up.storyline == line.id
    assert line.title == original.title


def test_storylines_look_alike_affair_elsewhere_is_not_joined() -> None:
    linking, _ = link_corpus(load_fixture("councils"))
    wexley = story_of(linking.stories, "wx-1")
    assert wexley.storyline is None
    assert all(wexley.id not in line.stories for line in linking.storylines)


def test_storylines_unrelated_stories_have_none() -> None:
    linking, _ = link_corpus(load_fixture("versions") + load_fixture("press_release"))
    assert linking.storylines == []
    assert all(s.storyline is None for s in linking.stories)


def test_storylines_built_incrementally_match_batch() -> None:
    items = load_fixture("councils")
    batch, _ = link_corpus(items)
    early, state = link_corpus(items[:5])
    assert early.storylines == []  # the follow-up has not arrived yet
    later, _ = link_corpus(items[5:], state)
    assert later.storylines == batch.storylines


def _story(story_id: str, names: dict[str, str], terms: dict[str, float]) -> StoryProfile:
    """A story of four documents, each naming every one of ``names`` (name -> type)."""
    return StoryProfile(id=story_id, title=story_id, documents=[f"{story_id}-{i}" for i in range(4)], terms=terms,
                        names=dict.fromkeys(names, 4), name_types=dict(names))


COUNCIL = {"harrowby district council": "organisation", "alan washington": "person", "labour": "organisation"}
PARKING = {"parking": 3.0, "fines": 2.0, "meters": 2.0, "council": 2.0, "contract": 1.0}


def test_storylines_names_in_every_story_count_for_little() -> None:
    # same council, leader and party, and the same kind of issue; a different contractor and cabinet member
    council = COUNCIL
    first = _story("s1", {**council, "patel parking group": "organisation", "tom mensah": "person",
                          "derek ionescu": "person"}, PARKING)
    second = _story("s2", {**council, "obi parking ltd": "organisation", "grace reid": "person",
                           "owen kral": "person"}, PARKING)
    keys = {"@" + n for s in (first, second) for n in s.names} | set(first.terms) | set(second.terms)
    # a corpus of 1,000 documents in which the party is everywhere and the council in a few dozen
    df = {key: 3 for key in keys} | {"@labour": 600, "@harrowby district council": 40, "@alan washington": 40}
    assert storyline_score(first, second, Idf(1000, df)) == 0.0
    # the same stories where every name is as rare as the next would be linked on three shared names of nine
    flat = {key: 3 for key in keys}
    assert storyline_score(first, second, Idf(1000, flat)) > 0.0


def test_storylines_same_people_on_another_issue_are_not_one_storyline() -> None:
    """Two affairs of one council share its leader and cabinet, but not their issue."""
    cast = {**COUNCIL, "tom mensah": "person", "derek ionescu": "person"}
    parking = _story("s1", cast, PARKING)
    care = _story("s2", cast, {"care": 3.0, "homes": 2.0, "placements": 2.0, "council": 2.0, "contract": 1.0})
    keys = {"@" + n for n in cast} | set(parking.terms) | set(care.terms)
    idf = Idf(1000, dict.fromkeys(keys, 3))
    assert storyline_score(parking, care, idf) == 0.0
    assert storyline_score(parking, _story("s3", cast, PARKING), idf) > 0.0


TAKEOVER = {"care": 3.0, "placements": 2.0, "intervention": 2.0, "trust": 2.0, "contract": 1.0}


def test_storylines_follow_up_stays_linked_as_the_affair_gains_names() -> None:
    """The takeover's coverage names more people month after month (an inspector, a campaigner, another
    councillor); its follow-up years later, four of whose nine central names are the takeover's, stays in its
    storyline."""
    core = {"castlewick borough council": "organisation", "brightpath children's trust": "organisation",
            "gordon pryce": "person", "rosalind ferrier": "person"}
    follow_up = _story("s2", {**core, **_people("neil foster", "ruth bannister", "amir haddad", "lucy obi",
                                                "tom reeve")}, TAKEOVER)
    takeover = {**core, **_people("margaret ellery", "owen maddox", "carol whitcombe", "janet lyle", "sam kerr")}
    grown = {**takeover, **_people("dev patel", "iris moss", "paul crane")}  # twelve central names
    early, later = _story("s1", takeover, TAKEOVER), _story("s1", grown, TAKEOVER)
    keys = {"@" + n for n in {**follow_up.name_types, **grown}} | set(TAKEOVER)
    idf = Idf(1000, dict.fromkeys(keys, 3))
    assert storyline_score(early, follow_up, idf) > 0.0
    # four of the follow-up's nine names whatever the takeover gained (a Jaccard fell from 4 of 14 to 4 of 17)
    assert storyline_score(later, follow_up, idf) == storyline_score(early, follow_up, idf)


def _people(*names: str) -> dict[str, str]:
    return dict.fromkeys(names, "person")


@pytest.mark.parametrize("undated", [False, True], ids=["dated", "undated"])
def test_storylines_follow_up_three_years_later_joins_the_takeover_and_the_look_alike_does_not(undated: bool) -> None:
    """The end of the contract, three years on, in other words and partly with other people, joins the takeover;
    the same minister's takeover of another council stays out."""
    links, _ = link_corpus(intervention(undated))
    docs = {s.id: s.documents for s in links.stories}
    lines = {frozenset(d for story in line.stories for d in docs[story]) for line in links.storylines}
    assert lines == {group for group in expected("storyline") if any(d.startswith("h-") for d in group)}
    harwick = links.storylines[0]
    assert [docs[s][0] for s in harwick.stories] == ["h-courier", "h-followup"]  # in date order


def test_storylines_undated_stories_show_where_their_years_were_read() -> None:
    links, _ = link_corpus(intervention(undated=True))
    texts = {doc.id: doc.text for doc, _ in intervention(undated=True)}
    years = {e.value: texts[e.spans[0].document][e.spans[0].start:e.spans[0].end]
             for line in links.storylines for e in line.evidence if e.kind == "date" and e.inferred}
    assert years == {"2006": "13 March 2006", "2009": "30 March 2009"}
