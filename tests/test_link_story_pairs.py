"""Pair features and the pair model: alike words and names raise it, conflicting people and places lower it."""

from __future__ import annotations

import math
import random
from collections import Counter

from storyline.link.story_features import PAIR_FEATURES, DocumentFeatures, story_params
from storyline.link.story_pairs import (
    Idf,
    cosine,
    doc_vectors,
    feature_keys,
    fixed_parts,
    pair_features,
    pair_probability,
    period_gap,
    vectors_at,
)


def _doc(doc_id: str, words: str, names: dict[str, str], numbers: list[str] = (), years: list[str] = (),
         day: int | None = None, last: int | None = None, days: list[str] = (),
         weekdays: list[str] = ()) -> DocumentFeatures:
    terms = {w: 1.0 for w in words.split()}
    phrases = {f"{a} {b}": 1.0 for a, b in zip(words.split(), words.split()[1:])}
    return DocumentFeatures(doc_id, terms, names, day, None, doc_id, last_day=last if last is not None else day,
                            phrases=phrases, numbers=list(numbers), years=list(years), weekdays=list(weekdays),
                            days=list(days), months=sorted({d[:2] for d in days}))


def _features(a: DocumentFeatures, b: DocumentFeatures, *others: DocumentFeatures) -> dict[str, float]:
    corpus = [a, b, *others]
    idf = Idf(len(corpus), Counter(k for f in corpus for k in set(feature_keys(f))))
    return dict(zip(PAIR_FEATURES, pair_features(doc_vectors(a, idf), doc_vectors(b, idf))))


FILLER = [_doc(f"x{i}", "council meeting budget report", {"westfield": "place"}) for i in range(6)]


def test_story_pairs_conflicts_need_both_sides_to_name_someone() -> None:
    takeover = _doc("a", "minister intervention children services", {"harwick borough council": "organisation",
                                                                       "derek laidlaw": "person"}, years=["2006"])
    elsewhere = _doc("b", "minister intervention children services", {"stanmoor city council": "organisation",
                                                                        "colin pardew": "person"}, years=["2006"])
    silent = _doc("c", "minister intervention children services", {})
    found = _features(takeover, elsewhere, *FILLER)
    assert found["person_conflict"] == 1.0 and found["anchor_conflict"] == 1.0 and found["year_conflict"] == 0.0
    assert found["words"] > 0.99 and found["years"] == 1.0
    quiet = _features(takeover, silent, *FILLER)
    assert quiet["person_conflict"] == quiet["anchor_conflict"] == 0.0


def test_story_pairs_generic_words_of_names_are_not_anchors() -> None:
    a = _doc("a", "care homes", {"northfield care partnership": "organisation"})
    b = _doc("b", "care homes", {"beacon care partnership": "organisation", "labour": "organisation"})
    assert _features(a, b, *FILLER)["anchor_conflict"] == 1.0  # "care" and "partnership" do not count
    c = _doc("c", "care homes", {"northfield": "place"})
    assert _features(a, c, *FILLER)["anchor_conflict"] == 0.0


def test_story_pairs_probability_rises_with_shared_words_and_names() -> None:
    params = story_params()
    base = _doc("a", "jewellery heist paris armed robbers diamonds", {"harry winston": "organisation"}, ["137"])
    same = _doc("b", "jewellery heist paris armed robbers diamonds", {"harry winston": "organisation"}, ["137"])
    other = _doc("c", "museum paintings stolen paris night guards", {"louvre": "organisation"}, ["2"])
    alike = pair_probability(_features(base, same, other, *FILLER).values(), params)
    less = pair_probability(_features(base, other, same, *FILLER).values(), params)
    assert alike > 0.9 > params.threshold > less


def test_story_pairs_period_gap_reads_months_years_and_lower_bounds() -> None:
    day = _doc("a", "x", {}, day=1000)
    month = _doc("b", "x", {}, day=990, last=1020)
    later = _doc("c", "x", {}, day=1100)
    assert period_gap(day, month) == 0 and period_gap(day, later) == 100 and period_gap(month, later) == 80
    assert period_gap(day, _doc("d", "x", {})) is None


def test_story_pairs_another_day_and_other_figures_tell_a_look_alike_incident() -> None:
    words = "earthquake struck island southern iran villages damaged people injured hospital"
    told = "earthquake island iran killed homes destroyed tents rescue teams night"  # in other words
    names = {"qeshm": "place", "iran": "place"}
    first = _doc("a", words, names, ["5.6", "5"], days=["09-10"], weekdays=["3"])
    retold = _doc("b", told, names, ["5.6", "5"], days=["09-10"], weekdays=["3"])
    other = _doc("c", told, names, ["5.9", "10"], days=["11-27"], weekdays=["7"])
    same, looks_alike = _features(first, retold, *FILLER), _features(first, other, *FILLER)
    assert same["days"] == same["weekdays"] == 1.0 and same["day_conflict"] == same["number_conflict"] == 0.0
    assert looks_alike["day_conflict"] == looks_alike["weekday_conflict"] == looks_alike["month_conflict"] == 1.0
    assert looks_alike["number_conflict"] == 1.0
    params = story_params()
    assert pair_probability(same.values(), params) > params.threshold > pair_probability(looks_alike.values(), params)
    silent = _doc("d", words, names)  # names no day: no conflict
    assert _features(first, silent, *FILLER)["day_conflict"] == 0.0


def test_story_pairs_vectors_and_cosines_are_the_plain_formulas_to_the_last_bit() -> None:
    """Vectors and cosines computed in C give the very floats of the plain loops (stored pair scores depend
    on them): shared phrases only (df 2 or more), w * idf for each, and sums in the order of the smaller vector."""
    flood = _doc("a", "river flood barrier breached overnight flood warning homes evacuated", {"tewkesbury": "place"})
    follow = _doc("b", "flood barrier breached again homes evacuated river levels", {"tewkesbury": "place"})
    other = _doc("c", "council budget report flood warning", {"westfield": "place"})
    corpus = [flood, follow, other]
    idf = Idf(len(corpus), Counter(k for f in corpus for k in set(feature_keys(f))))
    a, b = doc_vectors(flood, idf), doc_vectors(follow, idf)
    plain_phrases = {p: w * idf.weights["~" + p] for p, w in flood.phrases.items() if idf.df.get("~" + p, 0) > 1}
    assert a.phrases == plain_phrases and list(a.phrases) == list(plain_phrases)
    assert set(a.phrases) == {"flood barrier", "barrier breached", "flood warning", "homes evacuated"}
    for mine, theirs, norm_a, norm_b in zip((a.words, a.phrases), (b.words, b.phrases), a.norms, b.norms):
        assert norm_a == math.sqrt(sum([v * v for v in mine.values()]))
        small, large = (mine, theirs) if len(mine) <= len(theirs) else (theirs, mine)
        dot = sum([v * large[k] for k, v in small.items() if k in large])
        assert cosine(mine, theirs) == dot / (norm_a * norm_b)


def test_story_pairs_vectors_from_counts_are_the_plain_products_in_feature_order() -> None:
    """``vectors_at`` (a document's df counts in the order of its keys, as the story book keeps them) gives
    the plain products: log tf times idf for words and shared phrases, salience times idf for names, places
    among the names; each vector in the order of the document's features."""
    flood = _doc("a", "river flood barrier breached overnight flood warning", {"tewkesbury": "place", "jo hale": "person"})
    flood.salience.update({"jo hale": 2.5})
    follow = _doc("b", "flood barrier breached again river levels", {"tewkesbury": "place"})
    corpus = [flood, follow, *FILLER]
    idf = Idf(len(corpus), Counter(k for f in corpus for k in set(feature_keys(f))))
    parts = fixed_parts(flood)
    got = vectors_at(parts, idf.documents, [idf.df[k] for k in parts.keys])
    assert got == doc_vectors(flood, idf)
    words = {t: w * idf(t) for t, w in flood.terms.items()}
    names = {n: flood.salience.get(n, 1.0) * idf("@" + n) for n in flood.names}
    assert list(got.words.items()) == list(words.items())
    assert list(got.names.items()) == list(names.items()) and names["jo hale"] == 2.5 * idf("@jo hale")
    assert got.places == {"tewkesbury": names["tewkesbury"]}
    assert list(got.phrases) == ["flood barrier", "barrier breached"]  # the phrases "follow" uses too
    assert got.norms == tuple(math.sqrt(sum([v * v for v in vector.values()]))
                              for vector in (got.words, got.phrases, got.names, got.places))


def _plain_cosine(a: dict[str, float], b: dict[str, float]) -> float:
    """The cosine as dictionaries give it: products of the shared keys in the order of the smaller vector (the
    first on a tie), over the product of the norms (each the sum of squares in order)."""
    norm = math.sqrt(sum([v * v for v in a.values()])) * math.sqrt(sum([v * v for v in b.values()]))
    if not norm:
        return 0.0
    small, large = (b, a) if len(a) > len(b) else (a, b)
    return sum([v * large[k] for k, v in small.items() if k in large]) / norm


def _generated(doc_id: str, rng: random.Random) -> DocumentFeatures:
    """A document of random words, phrases and names from small pools (so pairs share some, sizes tie often)."""
    words = rng.sample([f"w{i}" for i in range(30)], rng.randint(0, 12))
    kinds = ("place", "person", "organisation")
    names = {f"n{i}": rng.choice(kinds) for i in rng.sample(range(12), rng.randint(0, 5))}
    phrases = rng.sample([f"w{i} w{j}" for i in range(8) for j in range(8)], rng.randint(0, 8))
    return DocumentFeatures(doc_id, {w: 1.0 + math.log(rng.randint(1, 5)) for w in words}, names, None, None, doc_id,
                            salience={n: 1.0 + rng.random() for n in names if rng.random() < 0.5},
                            phrases={p: 1.0 + math.log(rng.randint(1, 3)) for p in phrases},
                            numbers=rng.sample(["1", "2", "3"], rng.randint(0, 2)))


def test_story_pairs_vectors_are_weights_by_position_and_pair_features_the_plain_dictionary_floats() -> None:
    """A document's vectors hold its weights in one list in the order of its keys (no dictionary per candidate),
    and its cosines with another document, read through positions, are the very floats the dictionaries of
    weights give (stored pair scores depend on them): every ordered pair of 60 generated documents, where
    phrases used once are left out on one side only and vector sizes tie."""
    rng = random.Random(20)
    corpus = [_generated(f"d{i}", rng) for i in range(60)]
    idf = Idf(len(corpus) + 3, Counter(k for f in corpus for k in set(feature_keys(f))))
    vectors = {}
    for f in corpus:
        parts = fixed_parts(f)
        got = vectors_at(parts, idf.documents, [idf.df[k] for k in parts.keys])
        weights = [w * idf(k) for w, k in zip(parts.key_weights, parts.keys)]
        assert got.values == weights
        vectors[f.id] = got
    plain = {f.id: (
        {t: w * idf(t) for t, w in f.terms.items()},
        {p: w * idf("~" + p) for p, w in f.phrases.items() if idf.df["~" + p] > 1},
        {n: f.salience.get(n, 1.0) * idf("@" + n) for n in f.names},
        {n: f.salience.get(n, 1.0) * idf("@" + n) for n, kind in f.names.items() if kind == "place"},
    ) for f in corpus}
    ties = 0
    for a in corpus:
        for b in corpus:
            found = pair_features(vectors[a.id], vectors[b.id])
            expected = tuple(_plain_cosine(x, y) for x, y in zip(plain[a.id], plain[b.id]))
            assert found[:4] == expected, (a.id, b.id)
            ties += len(plain[a.id][1]) == len(plain[b.id][1]) and bool(plain[a.id][1])
    assert ties > 100
