"""Average linkage over compared pairs: order-free groups, incident signatures, bursts of coverage."""

from __future__ import annotations

import random

from storyline.link.story_clusters import LinkageRule, Period, Signature, average_linkage

RULE = LinkageRule(threshold=0.3, lead_threshold=0.4, missing_weight=1.0, max_gap=38, max_bound_gap=1000)


def test_story_clusters_groups_do_not_depend_on_the_order_given() -> None:
    nodes = [f"d{i}" for i in range(12)]
    rng = random.Random(3)
    scores = {(a, b): round(rng.random() ** 3, 3) for i, a in enumerate(nodes) for b in nodes[i + 1:]}
    first = average_linkage(nodes, scores, {}, RULE)
    for seed in range(5):
        order = list(nodes)
        pairs = list(scores.items())
        random.Random(seed).shuffle(order)
        random.Random(seed).shuffle(pairs)
        flipped = {((b, a) if i % 2 else (a, b)): s for i, ((a, b), s) in enumerate(pairs)}
        assert average_linkage(order, flipped, {}, RULE) == first


def test_story_clusters_mean_score_decides_and_pairs_never_compared_count_as_zero() -> None:
    # a and b are alike, c is alike to a only: mean of c with {a, b} is (0.9 + 0) / 2 = 0.45 >= 0.3
    assert average_linkage("abc", {("a", "b"): 0.9, ("a", "c"): 0.9}, {}, RULE) == [["a", "b", "c"]]
    # ... but with a lukewarm link the zero pulls it under the threshold
    assert average_linkage("abc", {("a", "b"): 0.9, ("a", "c"): 0.5}, {}, RULE) == [["a", "b"], ["c"]]


def test_story_clusters_groups_about_different_people_need_more() -> None:
    scores = {("a1", "a2"): 0.9, ("b1", "b2"): 0.9, ("a1", "b1"): 0.8, ("a2", "b2"): 0.8,
              ("a1", "b2"): 0.2, ("a2", "b1"): 0.2}  # mean between the pairs: 0.5
    same = {n: Signature("jackson") for n in ("a1", "a2", "b1", "b2")}
    other = {"a1": Signature("jackson"), "a2": Signature("jackson"), "b1": Signature("williams"),
             "b2": Signature("williams")}
    assert average_linkage(same, scores, same, RULE) == [["a1", "a2", "b1", "b2"]]
    assert average_linkage(other, scores, other, LinkageRule(0.3, 0.6, 1.0)) == [["a1", "a2"], ["b1", "b2"]]


def test_story_clusters_groups_in_places_with_nothing_in_common_need_more() -> None:
    scores = {("h1", "h2"): 0.95, ("s1", "s2"): 0.95, ("h1", "s1"): 0.9, ("h2", "s2"): 0.3,
              ("h1", "s2"): 0.3, ("h2", "s1"): 0.3}  # mean between: 0.45
    harwick, stanmoor = frozenset({"harwick", "northfield"}), frozenset({"stanmoor", "beacon"})
    signatures = {"h1": Signature(None, harwick), "h2": Signature(None, harwick),
                  "s1": Signature(None, stanmoor), "s2": Signature(None, stanmoor)}
    rule = LinkageRule(0.3, 0.6, 1.0)
    assert average_linkage(signatures, scores, signatures, rule) == [["h1", "h2"], ["s1", "s2"]]
    shared = {n: Signature(None, harwick | {"stanmoor"}) for n in signatures}
    assert average_linkage(signatures, scores, shared, rule) == [["h1", "h2", "s1", "s2"]]


def test_story_clusters_a_long_silence_starts_a_new_story_even_through_undated_documents() -> None:
    scores = {("march", "undated"): 0.9, ("undated", "june"): 0.9, ("march", "june"): 0.9}
    periods = {"march": Period(1000, 1000), "june": Period(1090, 1090)}
    groups = average_linkage(["march", "undated", "june"], scores, {}, RULE, periods)
    assert len(groups) == 2 and not any({"march", "june"} <= set(g) for g in groups)
    close = {"march": Period(1000, 1000), "june": Period(1030, 1030)}
    assert average_linkage(["march", "undated", "june"], scores, {}, RULE, close) == [["june", "march", "undated"]]


def test_story_clusters_text_dates_are_lower_bounds() -> None:
    scores = {("a", "b"): 0.9}
    # "written in 2009 or later" may be a report of a March 2006 story? No: it is later than the story's end
    assert average_linkage("ab", scores, {}, RULE, {"a": Period(1000, 1010), "b": Period(2100, None)}) == [["a"], ["b"]]
    # ... but "written in 2005 or later" may well be one of its reports
    assert average_linkage("ab", scores, {}, RULE, {"a": Period(1000, 1010), "b": Period(700, None)}) == [["a", "b"]]
    # two texts dated only from the years they name are kept apart only when those are years apart
    far = {"a": Period(1000, None, firm=True), "b": Period(2200, None, firm=True)}
    assert average_linkage("ab", scores, {}, RULE, far) == [["a"], ["b"]]
    bare = {"a": Period(1000, None), "b": Period(2200, None)}  # bare years ("in 1972") may be background
    assert average_linkage("ab", scores, {}, RULE, bare) == [["a", "b"]]


def test_story_clusters_a_sub_group_of_short_pieces_joins_the_story_it_repeats() -> None:
    # six reports alike; three briefs each repeat one of them and match the rest little (mean 0.29 < 0.4)
    reports = [f"a{i}" for i in range(1, 7)]
    briefs = ["s1", "s2", "s3"]
    scores = {(a, b): 0.95 for i, a in enumerate(reports) for b in reports[i + 1:]}
    scores |= {(a, b): 0.9 for i, a in enumerate(briefs) for b in briefs[i + 1:]}
    scores |= {(a, s): 0.1 for a in reports for s in briefs} | {("a1", "s1"): 0.95, ("a2", "s2"): 0.9, ("a3", "s3"): 0.9}
    scores |= {("a1", "s2"): 0.6, ("a2", "s1"): 0.6}
    nodes = reports + briefs
    rule = LinkageRule(threshold=0.4, lead_threshold=0.4, missing_weight=1.0, straggler_size=4)
    assert average_linkage(nodes, scores, {}, rule) == [sorted(nodes)]
    two = LinkageRule(threshold=0.4, lead_threshold=0.4, missing_weight=1.0, straggler_size=2)
    assert average_linkage(nodes, scores, {}, two) == [reports, briefs]


def test_story_clusters_a_brief_joins_a_small_story_and_a_small_story_a_larger_one() -> None:
    # a story of four reports is small enough to be a straggler itself, yet a brief repeating one of them joins it
    reports = ["a1", "a2", "a3", "a4"]
    scores = {(a, b): 0.95 for i, a in enumerate(reports) for b in reports[i + 1:]}
    brief = {("a1", "s"): 0.9, ("a2", "s"): 0.2, ("a3", "s"): 0.2, ("a4", "s"): 0.1}
    rule = LinkageRule(threshold=0.5, lead_threshold=0.5, missing_weight=1.0, straggler_size=4)
    assert average_linkage([*reports, "s"], scores | brief, {}, rule) == [[*reports, "s"]]
    # ... and when those four match a larger story as a straggler does, the brief follows them there
    big = [f"b{i}" for i in range(6)]
    scores |= {(a, b): 0.95 for i, a in enumerate(big) for b in big[i + 1:]}
    scores |= {(b, a): 0.2 for b in big for a in reports} | {("b0", "a1"): 0.9, ("b1", "a2"): 0.9, ("b2", "a3"): 0.9}
    nodes = [*reports, "s", *big]
    for seed in range(3):
        order = list(nodes)
        random.Random(seed).shuffle(order)
        assert average_linkage(order, scores | brief, {}, rule) == [sorted(nodes)]


def test_story_clusters_a_straggler_joins_the_group_it_matches_near_certainly() -> None:
    # four reports alike; a brief repeats report a1 (0.85) and matches the others little: mean 0.29 < 0.4
    reports = {(a, b): 0.95 for i, a in enumerate(("a1", "a2", "a3", "a4")) for b in ("a1", "a2", "a3", "a4")[i + 1:]}
    brief = {("a1", "s"): 0.85, ("a2", "s"): 0.1, ("a3", "s"): 0.1, ("a4", "s"): 0.1}
    rule = LinkageRule(threshold=0.4, lead_threshold=0.4, missing_weight=1.0, straggler_size=2)
    nodes = ["a1", "a2", "a3", "a4", "s"]
    assert average_linkage(nodes, reports | brief, {}, rule) == [nodes]
    strict = LinkageRule(threshold=0.4, lead_threshold=0.4, missing_weight=1.0)  # no stragglers: it stays alone
    assert average_linkage(nodes, reports | brief, {}, strict) == [nodes[:4], ["s"]]
    lukewarm = brief | {("a1", "s"): 0.7}  # mean 0.25, but no pair near-certain: it stays alone
    assert average_linkage(nodes, reports | lukewarm, {}, rule) == [nodes[:4], ["s"]]


def test_story_clusters_a_straggler_joins_neither_one_of_its_size_nor_a_group_far_off_in_time() -> None:
    scores = {("a1", "a2"): 0.9, ("a1", "s"): 0.95, ("a2", "s"): 0.0, ("s", "t"): 0.5}
    rule = LinkageRule(threshold=0.6, lead_threshold=0.6, missing_weight=1.0, straggler_size=1, max_gap=38)
    assert average_linkage(["a1", "a2", "s", "t"], scores, {}, rule) == [["a1", "a2", "s"], ["t"]]
    periods = {"a1": Period(1000, 1000), "a2": Period(1001, 1001), "s": Period(1400, 1400)}
    assert average_linkage(["a1", "a2", "s", "t"], scores, {}, rule, periods) == [["a1", "a2"], ["s"], ["t"]]


LONE = LinkageRule(threshold=0.5, lead_threshold=0.5, missing_weight=1.0, straggler_size=4, lone_size=1,
                   lone_pair=0.6, lone_margin=0.2, max_gap=60)
REPORTS = {(a, b): 0.95 for i, a in enumerate(("a1", "a2", "a3", "a4")) for b in ("a1", "a2", "a3", "a4")[i + 1:]}
OTHER = {("b1", "b2"): 0.9, ("b1", "b3"): 0.9, ("b2", "b3"): 0.9}


def test_story_clusters_a_lone_piece_joins_the_story_of_its_one_strong_pair() -> None:
    # an opinion piece quotes one report of the affair (0.7) and shares little with the rest: mean 0.2, far under
    # the straggler's 0.25 and its near-certain pair, yet no other story comes close (0.3 with one of them)
    piece = {("a1", "p"): 0.7, ("a2", "p"): 0.05, ("a3", "p"): 0.05, ("b1", "p"): 0.3}
    nodes = ["a1", "a2", "a3", "a4", "b1", "b2", "b3", "p"]
    assert average_linkage(nodes, REPORTS | OTHER | piece, {}, LONE) == [["a1", "a2", "a3", "a4", "p"],
                                                                         ["b1", "b2", "b3"]]
    without = LinkageRule(threshold=0.5, lead_threshold=0.5, missing_weight=1.0, straggler_size=4)
    assert ["p"] in average_linkage(nodes, REPORTS | OTHER | piece, {}, without)
    for seed in range(4):  # order-free: decided from pair scores only
        order = list(nodes)
        random.Random(seed).shuffle(order)
        flipped = {(b, a): s for (a, b), s in (REPORTS | OTHER | piece).items()}
        assert average_linkage(order, flipped, {}, LONE) == [["a1", "a2", "a3", "a4", "p"], ["b1", "b2", "b3"]]


def test_story_clusters_a_lone_piece_torn_between_two_stories_or_weakly_matched_stays_alone() -> None:
    nodes = ["a1", "a2", "a3", "a4", "b1", "b2", "b3", "p"]
    torn = {("a1", "p"): 0.8, ("b1", "p"): 0.65}  # a look-alike: its best pair beats the other story's by 0.15
    assert ["p"] in average_linkage(nodes, REPORTS | OTHER | torn, {}, LONE)
    weak = {("a1", "p"): 0.55}  # one lukewarm pair is no evidence
    assert ["p"] in average_linkage(nodes, REPORTS | OTHER | weak, {}, LONE)
    clear = {("a1", "p"): 0.8, ("b1", "p"): 0.45}  # a rival under the threshold does not count
    assert ["a1", "a2", "a3", "a4", "p"] in average_linkage(nodes, REPORTS | OTHER | clear, {}, LONE)


def test_story_clusters_a_lone_look_alike_from_another_council_stays_alone() -> None:
    # a road repairs row in Elmhaven written like one in Wexmere (0.93 with one report): another incident
    nodes = ["a1", "a2", "a3", "a4", "p"]
    piece = {("a1", "p"): 0.93}  # mean 0.23: no straggler
    wexmere = {n: Signature(None, frozenset({"wexmere"})) for n in nodes[:4]}
    elsewhere = wexmere | {"p": Signature(None, frozenset({"elmhaven"}))}
    assert ["p"] in average_linkage(nodes, REPORTS | piece, elsewhere, LONE)
    same_council = wexmere | {"p": Signature(None, frozenset({"wexmere", "highways"}))}
    assert average_linkage(nodes, REPORTS | piece, same_council, LONE) == [nodes]
    other_person = {n: Signature("reyes") for n in nodes[:4]} | {"p": Signature("okafor")}
    assert ["p"] in average_linkage(nodes, REPORTS | piece, other_person, LONE)


def test_story_clusters_a_lone_piece_about_the_story_lead_joins_whatever_paper_it_quotes() -> None:
    # a sports brief on the running back the story is about, citing the Biloxi Sun Herald: its only place
    # names are the paper's, which the story's reports never name; the same lead says it is the same affair
    nodes = ["a1", "a2", "a3", "a4", "p"]
    piece = {("a1", "p"): 0.69, ("a2", "p"): 0.41}
    bush = frozenset({"reggie bush"})
    story = {n: Signature("bush", frozenset({"orleans"}), bush, "reggie bush") for n in nodes[:4]}
    same_lead = story | {"p": Signature("bush", frozenset({"biloxi", "sun"}), bush, "reggie bush")}
    assert average_linkage(nodes, REPORTS | piece, same_lead, LONE) == [nodes]
    no_lead = story | {"p": Signature(None, frozenset({"biloxi", "sun"}))}
    assert ["p"] in average_linkage(nodes, REPORTS | piece, no_lead, LONE)
    namesake = story | {"p": Signature("bush", frozenset({"biloxi"}), frozenset({"kevin bush"}), "kevin bush")}
    assert ["p"] in average_linkage(nodes, REPORTS | piece, namesake, LONE)  # another Bush is another story


def test_story_clusters_a_lone_piece_about_someone_its_story_names_joins_it() -> None:
    # a brief on a receiver who missed the game (0.68 with one report, 0.5 with the one that names him, which
    # reached the story as a straggler): the game's story is about the quarterback, but it names the receiver
    nodes = ["a1", "a2", "a3", "a4", "s1", "s2", "p"]
    straggler = {("s1", "s2"): 0.9, ("a1", "s1"): 0.85, ("a2", "s1"): 0.5, ("a1", "s2"): 0.5, ("a3", "s2"): 0.3}
    piece = {("a1", "p"): 0.68, ("s1", "p"): 0.5}
    game = {n: Signature("garrard", person="david garrard") for n in nodes[:4]}
    names_him = game | {"s1": Signature("garrard", people=frozenset({"marvin harrison", "david garrard"})),
                        "s2": Signature("garrard"),
                        "p": Signature("harrison", people=frozenset({"marvin harrison"}), person="marvin harrison")}
    assert average_linkage(nodes, REPORTS | straggler | piece, names_him, LONE) == [nodes[:4] + ["p", "s1", "s2"]]
    for seed in range(4):  # decided once stragglers have their homes, from pair scores only: order-free
        order = list(nodes)
        random.Random(seed).shuffle(order)
        flipped = {(b, a): s for (a, b), s in (REPORTS | straggler | piece).items()}
        assert average_linkage(order, flipped, names_him, LONE) == [nodes[:4] + ["p", "s1", "s2"]]
    nobody = names_him | {"s1": Signature("garrard")}
    assert ["p"] in average_linkage(nodes, REPORTS | straggler | piece, nobody, LONE)


def test_story_clusters_a_lone_piece_does_not_cross_the_burst_horizon_nor_pull_in_a_pair() -> None:
    nodes = ["a1", "a2", "a3", "a4", "p"]
    piece = {("a1", "p"): 0.9}
    periods = {"a1": Period(1000, 1000), "a2": Period(1002, 1002), "p": Period(1200, 1200)}
    assert average_linkage(nodes, REPORTS | piece, {}, LONE, periods) == [nodes[:4], ["p"]]
    pair = {("a1", "p"): 0.9, ("p", "q"): 0.9}  # a pair of its own is no lone piece (lone_size 1)
    found = average_linkage([*nodes, "q"], REPORTS | pair, {}, LONE)
    assert ["p", "q"] in found


def test_story_clusters_shipped_horizon_keeps_weeks_together_and_years_apart() -> None:
    """The shipped horizon: a hearing four weeks after the shooting is the same story; the trial three years later
    is a new one (its storyline joins them), whether its date is known or only read from its text."""
    from storyline.link.stories import linkage_rule
    from storyline.link.story_features import story_params

    rule = linkage_rule(story_params())
    scores = {("shooting", "hearing"): 0.9, ("shooting", "trial"): 0.9, ("hearing", "trial"): 0.9}
    periods = {"shooting": Period(733_000, 733_000), "hearing": Period(733_028, 733_028),
               "trial": Period(733_000 + 3 * 365, 733_000 + 3 * 365)}
    assert average_linkage(list(periods), scores, {}, rule, periods) == [["hearing", "shooting"], ["trial"]]
    written_after = {**periods, "trial": Period(733_000 + 3 * 365, None)}  # "on 2 May ... the jury" read from it
    assert average_linkage(list(periods), scores, {}, rule, written_after) == [["hearing", "shooting"], ["trial"]]


def test_story_clusters_horizon_for_a_date_read_from_the_text_is_its_own() -> None:
    scores = {("dated", "read"): 0.9}
    periods = {"dated": Period(1000, 1000), "read": Period(1060, None)}  # written 60 days after, or later
    narrow = LinkageRule(0.3, 0.4, 1.0, max_gap=90, max_open_gap=38)
    assert average_linkage(list(periods), scores, {}, narrow, periods) == [["dated"], ["read"]]
    assert average_linkage(list(periods), scores, {}, LinkageRule(0.3, 0.4, 1.0, max_gap=90), periods) == [
        ["dated", "read"]]
