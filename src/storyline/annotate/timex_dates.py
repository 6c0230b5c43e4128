"""Calendar arithmetic for TIMEX3 values: a partial reference date, shifts, weeks, quarters, tense cues."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import MAXYEAR, MINYEAR, date, timedelta
from functools import cache

from storyline.annotate.timex_detect import lexicon
from storyline.annotate.word_alternation import alternation

_REFERENCE = re.compile(r"^\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")
_SENTENCE_EDGE = re.compile(r"[.!?;\n][”\"’')]?\s")  # (a quote or a bracket may close the sentence)
_WORD_END = re.compile(r"(?<![A-Za-z])[A-Za-z]+$")
# A full stop ends no sentence after a title, "vs." or a lone capital (an initial, the "S." of "U.S."), nor after a
# month's abbreviation when a number follows ("Dec. 21").
_TITLES = frozenset({"Mr", "Mrs", "Ms", "Dr", "St", "Gen", "Gov", "Sen", "Rep", "Lt", "Col", "Sgt", "Capt", "Prof",
                     "vs"})
_MONTHS = frozenset({"Jan", "Feb", "Mar", "Apr", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec"})


@dataclass(frozen=True)
class Reference:
    """The date relative expressions resolve against; month and day may be unknown."""

    year: int | None = None
    month: int | None = None
    day: int | None = None

    @property
    def date(self) -> date | None:
        if self.year is None or self.month is None or self.day is None:
            return None
        return date(self.year, self.month, self.day)


def parse_reference(reference: str | None) -> Reference:
    """Read an ISO date (``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``, time ignored); anything else -> unknown."""
    if not reference:
        return Reference()
    m = _REFERENCE.match(reference)
    if m is None:
        return Reference()
    year, month, day = int(m.group(1)), m.group(2), m.group(3)
    if month is None or not 1 <= int(month) <= 12:
        return Reference(year)
    if day is None or not 1 <= int(day) <= days_in_month(year, int(month)):
        return Reference(year, int(month))
    return Reference(year, int(month), int(day))


def days_in_month(year: int | None, month: int) -> int:
    return calendar.monthrange(year if year is not None else 2000, month)[1]


def valid_day(year: int | None, month: int, day: int) -> bool:
    """A day the calendar holds (``date`` refuses years 0 and 10000, which a reference in year 1 or 9999 gives)."""
    in_range = year is None or MINYEAR <= year <= MAXYEAR
    return in_range and 1 <= month <= 12 and 1 <= day <= days_in_month(year, month)


def format_day(d: date) -> str:
    return f"{d.year:04d}-{d.month:02d}-{d.day:02d}"


def format_week(d: date) -> str:
    iso = d.isocalendar()
    return f"{iso[0]:04d}-W{iso[1]:02d}"


def shift_month(year: int, month: int, by: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + by
    return index // 12, index % 12 + 1


def quarter_of(month: int) -> int:
    return (month - 1) // 3 + 1


def shift_quarter(year: int, quarter: int, by: int) -> tuple[int, int]:
    index = year * 4 + (quarter - 1) + by
    return index // 4, index % 4 + 1


def weekday_near(ref: date, weekday: int, direction: str) -> date:
    """The ``weekday`` (1 = Monday) on or before ``ref`` ("past"), on or after ("future"),
    strictly before ("last") or strictly after ("next")."""
    delta = weekday - ref.isoweekday()
    if direction == "past":
        return ref + timedelta(days=delta if delta <= 0 else delta - 7)
    if direction == "future":
        return ref + timedelta(days=delta if delta >= 0 else delta + 7)
    if direction == "last":
        return ref + timedelta(days=delta if delta < 0 else delta - 7)
    return ref + timedelta(days=delta if delta > 0 else delta + 7)


def week_day(ref: date, weekday: int) -> date:
    """That weekday in the ISO week of ``ref``."""
    return ref + timedelta(days=weekday - ref.isoweekday())


def nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The n-th ``weekday`` (1 = Monday) of a month, e.g. US Thanksgiving = 4th Thursday of November."""
    first = date(year, month, 1)
    offset = (weekday - first.isoweekday()) % 7
    return first + timedelta(days=offset + 7 * (n - 1))


def _looking_back(day: date, anchor: date) -> int:
    """Distance in days, a future date counting double: news mostly reports what has happened."""
    days = (day - anchor).days
    return 2 * days if days > 0 else -days


def nearest_year(ref: Reference, month: int, day: int, tense: str | None, ahead: int = 60,
                 behind: int = 0) -> int | None:
    """The year for a day and month written without one: in a past-tense sentence the latest
    candidate no more than ``ahead`` days after the reference (news looks back), in a future-tense
    one the first no more than ``behind`` days before it, and with no tense cue the nearest, looking back."""
    if ref.year is None:
        return None
    anchor = ref.date or date(ref.year, ref.month or 7, 15 if ref.month else 1)
    candidates = [y for y in (ref.year - 1, ref.year, ref.year + 1) if valid_day(y, month, day)]
    if not candidates:
        return None
    if tense == "future":
        later = [y for y in candidates if (date(y, month, day) - anchor).days >= -behind]
        return min(later) if later else max(candidates)
    if tense is None:
        return min(candidates, key=lambda y: (_looking_back(date(y, month, day), anchor), -y))
    earlier = [y for y in candidates if (date(y, month, day) - anchor).days <= ahead]
    return max(earlier) if earlier else min(candidates)


ANCHOR_GRACE_DAYS = 60  # "by 14 January" written on 15 January is the deadline just passed, not next year's
MONTHS_AHEAD = 2  # a month name alone may point this far past the reference ("in January", written in December)


def day_year(ref: Reference, month: int, day: int, direction: str | None) -> int | None:
    """The year of a day and month written without one, read the way :func:`direction_of` says."""
    if direction in ("since", "done"):
        return nearest_year(ref, month, day, "past", ahead=0)
    if direction == "ahead":
        return nearest_year(ref, month, day, "future", behind=ANCHOR_GRACE_DAYS)
    return nearest_year(ref, month, day, direction)


def month_year(ref_year: int, ref_month: int, month: int, direction: str | None) -> int:
    """The year of a month name written without one, read the way :func:`direction_of` says."""
    ahead = {y: (y - ref_year) * 12 + month - ref_month for y in (ref_year - 1, ref_year, ref_year + 1)}
    if direction in ("since", "done"):
        return max(y for y, d in ahead.items() if d <= 0)
    if direction == "ahead":
        return min(y for y, d in ahead.items() if d >= -MONTHS_AHEAD)
    if direction == "future":
        return min(y for y, d in ahead.items() if d >= 0)
    if direction == "past":
        return max(y for y, d in ahead.items() if d <= MONTHS_AHEAD)
    return min(ahead, key=lambda y: 2 * ahead[y] if ahead[y] > 0 else -ahead[y])


@cache
def _cue_pattern() -> re.Pattern[str]:
    """Future and past cues in one regex (groups ``future`` and ``past``; future wins a tie)."""
    lex = lexicon()
    future = alternation(lex["future_cues"], space=r"\ ", ignore_case=True)
    past = alternation(lex["past_cues"], space=r"\ ", ignore_case=True)
    return re.compile(r"(?P<future>(?:(?<=\w)|\b)(?:" + future + r")\b)|(?P<past>\b(?:" + past + r")\b"
                      r"|(?-i:\b[a-z]+ed\b))", re.IGNORECASE)


def sentence_window(text: str, start: int, end: int, reach: int = 160) -> tuple[str, str]:
    """The text of the sentence before and after a span (bounded by ``reach`` characters)."""
    before = text[max(0, start - reach):start]
    edge = next((e for e in reversed(list(_SENTENCE_EDGE.finditer(before))) if _ends_sentence(before, e)), None)
    if edge:
        before = before[edge.end():]
    after = text[end:end + reach]
    edge = next((e for e in _SENTENCE_EDGE.finditer(after) if _ends_sentence(after, e)), None)
    if edge:
        after = after[:edge.start() + 1]
    return before, after


def _ends_sentence(window: str, edge: re.Match[str]) -> bool:
    """A full stop after a title, "vs." or a lone capital ends no sentence, nor one after a month's abbreviation
    before a number ("Dec. 21")."""
    if window[edge.start()] != ".":
        return True
    word = _WORD_END.search(window, max(0, edge.start() - 6), edge.start())
    if word is None:
        return True
    found = word.group()
    if found in _TITLES or (len(found) == 1 and found.isupper()):
        return False
    return not (found in _MONTHS and window[edge.end():edge.end() + 1].isdigit())


def tense_of(text: str, start: int, end: int, ignore: frozenset[str] = frozenset()) -> str | None:
    """"future" or "past" from the cue nearest the span in its sentence (future: will, next, is
    due ...; past: said, was, -ed ...), one with no comma between it and the span first; None when the
    sentence has neither. Cues in ``ignore`` (lower case) do not count, nor a participle after "be"."""
    before, after = sentence_window(text, start, end)
    before = _CLOSED_CLAUSE.sub("", before)
    pattern = _cue_pattern()
    options: list[tuple[bool, int, str]] = []
    last = next((c for c in reversed(list(pattern.finditer(before))) if _counts(before, c, ignore)), None)
    if last is not None:
        options.append(("," in before[last.end():], len(before) - last.end(), str(last.lastgroup)))
    first = next((c for c in pattern.finditer(after) if _counts(after, c, ignore)), None)
    if first is not None:
        options.append(("," in after[: first.start()], first.start(), str(first.lastgroup)))
    # a cue in the date's own clause first ("Mr Shah, who will leave in the summer, confirmed": will)
    return min(options)[2] if options else None


# A relative clause closed before the date tells of something else: "The sale, which had been expected, is part of a
# plan to pay down the loan by February".
_CLOSED_CLAUSE = re.compile(r",\s+(?:which|who|whom|whose)\b[^,]*,", re.IGNORECASE)
_CALLED_OFF = frozenset({"had been due", "had been scheduled", "had been expected", "had been set", "had been planned"})
_BE_BEFORE = re.compile(r"\b(?:be|been|being)\s+$", re.IGNORECASE)


def _counts(window: str, cue: re.Match[str], ignore: frozenset[str]) -> bool:
    """A cue tells the tense unless ``ignore`` names it, it is an -ed word that is no verb ("hundred", "need", an
    adjective in un- such as "unspecified", "untouched": :func:`_un_adjective`), a participle after "be", the
    "next" of "next to" (a place: "next to the embassy"), or a plan called off ("had been due to", "had been
    scheduled to": the lexicon lists them as past cues so that their "due to" and "scheduled" tell nothing)."""
    word = cue.group().lower()
    if (word == "next" and window.startswith(" to ", cue.end())) or word in _CALLED_OFF:
        return False  # "had been due to meet on Monday": a plan called off, whichever way its date lies
    return word not in ignore and word not in _not_past() and not _un_adjective(word) and \
        not _participle_after_be(window, cue)


def _un_adjective(word: str) -> bool:
    """ "unspecified", "undisclosed", "untouched": an -ed word in un- is an adjective, but for the few verbs in un-
    ("unveiled", "uncovered") and the under- verbs ("underscored")."""
    return word.startswith("un") and word.endswith("ed") and not word.startswith("under") and \
        word not in _un_verbs()


@cache
def _un_verbs() -> frozenset[str]:
    return frozenset(lexicon()["un_verbs_past"])


@cache
def _not_past() -> frozenset[str]:
    return frozenset(lexicon()["ed_words_not_past"])


def _participle_after_be(window: str, cue: re.Match[str]) -> bool:
    """"would be used", "has been closed", "will be held": the participle tells no tense (the auxiliary before
    it does)."""
    return cue.lastgroup == "past" and " " not in cue.group() and \
        _BE_BEFORE.search(window, max(0, cue.start() - 8), cue.start()) is not None


def _done_before(text: str, start: int) -> bool:
    """ "closed in", "met on", "was arrested on", "said on": a past verb of its own right before the date (at most
    three words between, none an infinitive's "to"; not a participle after "is" or "be": "is expected in", "will be
    sentenced on"; nothing in the future before it in the sentence: "will redeem preferred shares on")."""
    found = _done_pattern().search(text, max(0, start - 80), start)
    if found is None or _PRESENT_OR_FUTURE_BEFORE.search(text, max(0, found.start("verb") - 10), found.start("verb")):
        return False  # "is expected in December", "will be sentenced on"
    before, _ = sentence_window(text, start, start)
    return not any(cue.lastgroup == "future" for cue in _cue_pattern().finditer(before))  # "will redeem ... on"


@cache
def _done_pattern() -> re.Pattern[str]:
    irregular = [w for w in lexicon()["past_cues"] if " " not in w and w not in _NOT_DONE]
    passive = r"(?:was|were)\s+(?!due\b|expected\b|scheduled\b|set\b|planned\b|supposed\b|going\b|about\b)[a-z]+"
    plan = r"(?!(?:expected|scheduled|planned|slated|supposed|intended|hoped|aimed|projected|predicted)\b)"
    return re.compile(rf"\b(?P<verb>{passive}|{plan}[a-z]+ed|{'|'.join(irregular)})"
                      r"(?:\s+(?!to\b|will\b|would\b)[\w'’-]+){0,3}?\s+(?:in|on)\s+$")


_PRESENT_OR_FUTURE_BEFORE = re.compile(r"\b(?:is|are|am|be|been|being|will|would|'s)\s+$", re.IGNORECASE)
_NOT_DONE = frozenset({"was", "were", "had", "did", "ago", "last", "earlier"})
_DEFERRED = re.compile(r"\b(?:postponed|delayed|deferred|adjourned|extended|put\s+off|pushed\s+back)"
                       r"(?:\s+[\w'’-]+){0,4}?\s+(?:until|till|til|through|to|by)\s+$", re.IGNORECASE)
_RANGE_END = re.compile(r"\s*(?:to|until|till|through|-|–)\s", re.IGNORECASE)
_WORD_BEFORE = re.compile(r"([A-Za-z]+)[\s,]*$")


def anchor_before(text: str, start: int) -> str | None:
    """The anchor word just before a date ("since", "from", "until", "by", "before", "after"), or None.

    A date after such a word bounds a range or anchors a state ("services had deteriorated since 2017",
    "the road stays shut until April"): it is not when the happening took place.
    """
    found = _WORD_BEFORE.search(text, max(0, start - 16), start)
    if found is None:
        return None
    anchors: dict[str, str] = lexicon()["anchor_words"]
    return anchors.get(found.group(1).lower())


def direction_of(text: str, start: int, end: int) -> str | None:
    """Which way a date without its year (or week) resolves: "since" (on or before the reference), "done" (the
    date of something a past verb says happened: on or before the reference too), "ahead" (forward, or a
    little back: a deadline just passed), "future" or "past"; None when nothing says.

    "since April" looks back; "from April", "until April" and "by April" look ahead unless the sentence
    is in the past tense ("the road was shut from April"; a reporting verb such as "said" does not make
    it past); "the plant closed in January", "the council met on 28 December" happened (a "past" sentence
    may report a plan: "said it would close in January"); otherwise the sentence's tense decides.
    """
    anchor = anchor_before(text, start)
    if anchor == "since":
        return "since"
    if anchor is None and _done_before(text, start):
        return "done"
    if anchor == "from" and _RANGE_END.match(text, end):
        return tense_of(text, start, end)  # "from 26 August to 20 October": the range's own tense decides
    if anchor in ("until", "by") and _DEFERRED.search(text, max(0, start - 80), start):
        return "ahead"  # "postponed until Tuesday", "extended its deadline until 9 a.m. Tuesday": a new date ahead
    if anchor in ("from", "until", "by"):
        reporting = frozenset(lexicon()["reporting_cues"])
        return "past" if tense_of(text, start, end, reporting) == "past" else "ahead"
    return tense_of(text, start, end)
