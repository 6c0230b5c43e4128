"""Metadata read from values and text: dates normalised to ISO, inferred dates, fallback titles.

Dates are only ever read from evidence (a metadata value, a dateline, a
"Published: ..." line); nothing here guesses.  Ambiguous numeric dates such as
``03/04/2023`` are refused rather than read one way or the other.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import json
import re
import time
from functools import lru_cache
from importlib import resources
from typing import Any, NamedTuple

_ORDINAL = r"(?:st|nd|rd|th)?"


class DateWords(NamedTuple):
    months: dict[str, int]
    weekdays: list[str]
    labels_published: list[str]
    labels_updated: list[str]
    head_chars: int
    past_year_cues: list[str]
    future_cues: list[str]
    month_first_zones: list[str]


@lru_cache(maxsize=1)
def date_words() -> DateWords:
    """Month names, weekday names and date labels from ``data/ingest_dates.json``."""
    raw = json.loads(resources.files("storyline.data").joinpath("ingest_dates.json").read_text("utf-8"))
    return DateWords(
        raw["months"], raw["weekdays"], raw["labels_published"], raw["labels_updated"], raw["head_chars"],
        raw["past_year_cues"], raw["future_cues"], raw["month_first_zones"],
    )


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def _date_pattern() -> re.Pattern[str]:
    """One date expression: '14 March 2023', 'Oct. 3, 2024', '2023-03-14', 'Tuesday, 14 March 2023'."""
    words = date_words()
    month = _alternation(list(words.months))
    weekday = _alternation(words.weekdays)
    return re.compile(
        rf"(?:(?:{weekday})\.?,?\s+)?(?:"
        rf"(?P<d1>\d{{1,2}}){_ORDINAL}\s+(?:of\s+)?(?P<m1>{month})\.?,?\s+(?P<y1>\d{{4}})"
        rf"|(?P<m2>{month})\.?\s+(?P<d2>\d{{1,2}}){_ORDINAL},?\s+(?P<y2>\d{{4}})"
        rf"|(?P<y3>\d{{4}})-(?P<m3>\d{{2}})-(?P<d3>\d{{2}})"
        rf"|(?P<d4>\d{{1,2}})[/.](?P<m4>\d{{1,2}})[/.](?P<y4>\d{{4}})"
        rf"|(?P<m5>{month})\.?,?\s+(?P<y5>\d{{4}})"
        rf")(?![\w-])",
        re.IGNORECASE,
    )


def _iso(year: int, month: int | None = None, day: int | None = None) -> str | None:
    """ISO date at the precision given, or None when the parts are not a real date."""
    try:
        dt.date(year, month or 1, day or 1)
    except ValueError:
        return None
    if month is None:
        return f"{year:04d}"
    return f"{year:04d}-{month:02d}" if day is None else f"{year:04d}-{month:02d}-{day:02d}"


def _slash_date(first: int, second: int, year: int) -> str | None:
    """dd/mm/yyyy or mm/dd/yyyy only when one reading is impossible (or both read the same); otherwise None."""
    if first == second:
        return _iso(year, first, first)
    if first > 12 >= second:
        return _iso(year, second, first)
    if second > 12 >= first:
        return _iso(year, first, second)
    return None


def _match_to_iso(match: re.Match[str]) -> str | None:
    g = match.groupdict()
    months = date_words().months
    if g["y1"]:
        return _iso(int(g["y1"]), months[g["m1"].lower()], int(g["d1"]))
    if g["y2"]:
        return _iso(int(g["y2"]), months[g["m2"].lower()], int(g["d2"]))
    if g["y3"]:
        return _iso(int(g["y3"]), int(g["m3"]), int(g["d3"]))
    if g["y4"]:
        return _slash_date(int(g["d4"]), int(g["m4"]), int(g["y4"]))
    return _iso(int(g["y5"]), months[g["m5"].lower()])


_ISO_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ]\d{1,2}:\d{2}.*)?$")
_PDF_RE = re.compile(r"^D:(\d{4})(\d{2})?(\d{2})?")


def _string_to_iso(value: str) -> str | None:
    text = value.strip()
    for pattern in (_ISO_RE, _PDF_RE):
        found = pattern.match(text)
        if found:
            y, m, d = (int(part) if part else None for part in found.groups())
            return _iso(y or 0, m, d if m else None)
    rfc = email.utils.parsedate_tz(text) if re.search(r"\d{1,2}:\d{2}", text) else None
    if rfc:  # RFC 822 in feeds: keep the date as the publisher wrote it, in its own zone
        return _iso(rfc[0], rfc[1], rfc[2])
    found = _date_pattern().search(text)
    if found and len(text) - len(found.group(0)) <= 30:  # mostly a date, not a sentence with one
        return _match_to_iso(found)
    return None


def normalize_date(value: Any) -> str | None:
    """An ISO date (YYYY-MM-DD, YYYY-MM or YYYY) from a metadata value, or None.

    Accepts datetimes, ``time.struct_time``, ISO strings with times and zones,
    RFC 822 strings, PDF dates (``D:20230314...``), "14 March 2023", "Oct. 3, 2024",
    and Unix timestamps.  Dates keep the calendar day written in their own zone.
    """
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()[:10]
    if isinstance(value, time.struct_time):
        return _iso(value.tm_year, value.tm_mon, value.tm_mday)
    if isinstance(value, int | float):
        if 100_000_000_000 < value < 10_000_000_000_000:
            value = value / 1000  # milliseconds, as JavaScript and many exports write them
        if 100_000_000 < value < 10_000_000_000:
            return dt.datetime.fromtimestamp(value, tz=dt.timezone.utc).date().isoformat()
        return _iso(int(value)) if 1000 <= value <= 9999 else None
    if isinstance(value, str) and _TIMESTAMP.fullmatch(value.strip()):
        return normalize_date(int(value.strip()))  # "1473690780" in a JSON string
    compact = _COMPACT_DATE.fullmatch(value.strip()) if isinstance(value, str) else None
    if compact is not None:  # "20160912"
        return _iso(int(compact["y"]), int(compact["m"]), int(compact["d"]))
    if isinstance(value, str) and value.strip():
        return _string_to_iso(value)
    return None


_TIMESTAMP = re.compile(r"\d{10}|\d{13}")
_COMPACT_DATE = re.compile(r"(?P<y>(?:19|20)\d\d)(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12]\d|3[01])")


def _lines(text: str) -> list[tuple[int, str]]:
    """(offset, line) for each line of ``text``."""
    out, offset = [], 0
    for line in text.split("\n"):
        out.append((offset, line))
        offset += len(line) + 1
    return out


@lru_cache(maxsize=1)
def _evidence_patterns() -> tuple[tuple[re.Pattern[str], bool], ...]:
    """(line prefix that introduces a date, whether only a time may follow the date), best first.

    A label with a colon or dash ("Published: ...") may be followed by anything; a bare
    label ("Filed 3 May 2021, the lawsuit ...") only counts when the line holds just the date.
    """
    words = date_words()
    published, updated = _alternation(words.labels_published), _alternation(words.labels_updated)
    place = r"[A-Z][A-Z.'’\-]+(?:\s+[A-Z][A-Z.'’\-]+){0,3}"
    separator = r"\s*(?:on\s+)?[:\-–—|]\s*"
    return (
        (re.compile(rf"^\s*(?:{published}){separator}", re.IGNORECASE), False),
        (re.compile(rf"^\s*(?:{published})\s+(?:on\s+)?", re.IGNORECASE), True),
        (re.compile(rf"^\s*{place},\s*(?:[A-Z][a-z]{{1,5}}\.,?\s*)?(?:\([^)\n]{{1,60}}\)\s*)?[—–-]*\s*"), False),
        (re.compile(r"^\s*"), True),  # a line that is only a date (and perhaps a time)
        (re.compile(rf"^\s*(?i:(?:{published}|{updated})\s+(?:at\s+)?)?\d{{1,2}}[:.]\d{{2}}(?::\d{{2}})?\s*"
                    r"(?:[AaPp]\.?[Mm]\.?)?\s*(?:[A-Z]{2,4},?\s+)?"), True),  # "8:00 AM PDT 4/4/2012", "Updated 13:26 ..."
        (re.compile(r"^[^\n]{1,80}\s[·|–—-]\s+"), True),  # "Outlet · By A. Writer · June 3, 2025"
        (re.compile(rf"^\s*(?:{updated}){separator}", re.IGNORECASE), False),
        (re.compile(rf"^\s*(?:{updated})\s+(?:on\s+)?", re.IGNORECASE), True),
    )


_TIME = r"(?:at\s+)?\d{1,2}[.:]\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{2,4}){0,2}"


@lru_cache(maxsize=1)
def _date_only_rest() -> re.Pattern[str]:
    """What may follow a date on a line that holds only a date: a time, and after a bar a time perhaps
    labelled as an update ("Friday, Sep 10, 2010 | Updated 8:52 PM EDT", "Sunday, March 17, 2013 | 5:00 PM")."""
    updated = _alternation(date_words().labels_updated)
    return re.compile(rf"^[\s,@-]*(?:{_TIME})?\s*(?:\|\s*(?:(?:{updated}):?\s+)?{_TIME})?\s*\|?\s*$",
                      re.IGNORECASE)


@lru_cache(maxsize=1)
def _numeric_date() -> re.Pattern[str]:
    """A numeric stamp: "05/02/2013", "11/30/09", "08. 07. 2012", "Tue, 05/03/2013" (day and month either way)."""
    weekday = _alternation(date_words().weekdays)
    return re.compile(rf"(?:(?P<weekday>{weekday})\.?,?\s+)?(?P<a>\d{{1,2}})(?P<sep>/|-|\.\s?)(?P<b>\d{{1,2}})"
                      r"(?P=sep)(?P<y>\d{4}|\d{2})(?![\d/.:-]\d)", re.IGNORECASE)


def _date_after(prefix: re.Pattern[str], line: str, date_only: bool,
                text: str = "") -> tuple[str, tuple[int, int]] | None:
    head = prefix.match(line)
    if not head:
        return None
    found: re.Match[str] | None = _date_pattern().match(line, head.end())
    iso = _match_to_iso(found) if found else None
    if iso is None:
        found = _numeric_date().match(line, head.end())
        iso = settle_numeric_date(found, line, text) if found else None
    if found is None or iso is None or (date_only and not _date_only_rest().match(line[found.end():])):
        return None
    return iso, (found.start(), found.end())


def _full_year(digits: str) -> int | None:
    """The year of a stamp: four digits as written; two digits as this century's, unless that is in the future."""
    if len(digits) == 4:
        return int(digits)
    year = 2000 + int(digits)
    return year if year <= dt.date.today().year else None


def settle_numeric_date(found: re.Match[str], line: str, text: str) -> str | None:
    """The one reading of a numeric stamp the text allows (ISO), or None while day-first and month-first remain.

    "05/02/2013" is 5 February or 2 May.  A reading is kept only when it is a real date and the text
    allows it; the stamp is read when one reading is left:
    - dotted stamps ("08. 07. 2012") are written day first wherever they are used;
    - a stamp with a US time zone ("05/03/2013 at 11:00 AM EDT", "8:13 AM PDT 8/2/2013") is written month first;
    - a weekday written with the stamp ("Tue, 05/03/2013") keeps the reading that falls on it;
    - a stamp is not earlier than a day the text reports as past ("on 3 May 2013 the court ...").
    An unknown date is better than a wrong one: with no such evidence the stamp is refused."""
    year = _full_year(found["y"])
    if year is None:
        return None
    a, b = int(found["a"]), int(found["b"])
    day_first, month_first = _iso(year, b, a), _iso(year, a, b)
    readings = {r for r in (day_first, month_first) if r is not None}
    if len(readings) > 1 and found["sep"].startswith("."):
        readings = {day_first} if day_first else readings
    if len(readings) > 1 and _us_time_zone().search(line):
        readings = {month_first} if month_first else readings
    if len(readings) > 1 and found["weekday"]:
        readings = {r for r in readings if _weekday_is(r, found["weekday"])} or readings
    if len(readings) > 1:
        latest = max(_past_days(text), default="")
        readings = {r for r in readings if r >= latest} or readings
    return readings.pop() if len(readings) == 1 else None


@lru_cache(maxsize=1)
def _us_time_zone() -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-])(?:{_alternation(date_words().month_first_zones)})(?![\w-])")


def _weekday_is(iso: str, name: str) -> bool:
    """Whether the day ``iso`` falls on the weekday ``name`` ("Tue", "Tuesday")."""
    return dt.date.fromisoformat(iso).strftime("%A").lower().startswith(name.lower()[:3])


@lru_cache(maxsize=1)
def _stamp_label() -> re.Pattern[str]:
    """A line opening with a published or updated label ("Updated: ...")."""
    words = date_words()
    return re.compile(rf"^\s*(?:{_alternation(words.labels_published + words.labels_updated)})\b", re.IGNORECASE)


def _past_days(text: str) -> list[str]:
    """Days (ISO) the text reports as past in its sentences, stamps ("Updated: ...") left out."""
    days = []
    for _, sentence in _sentences(text):
        if _stamp_label().match(sentence) or _cue_patterns()[1].search(sentence):
            continue
        for match in _date_pattern().finditer(sentence):
            iso = _match_to_iso(match)
            if iso and len(iso) == 10:
                days.append(iso)
    return days


def infer_published(text: str) -> tuple[str, tuple[int, int]] | None:
    """(ISO date, span of the date) from evidence near the top of ``text``, or None.

    Evidence is a "Published: ..."/"Date: ..." line, a dateline
    ("HARROWGATE, 14 March 2023 —", "SPRINGFIELD, Ill. (Continental Press) — Oct. 3, 2024"),
    a line holding only a date (and perhaps a time), or an "Updated ..." line, within the first
    ~600 characters.  A date deeper in the body is never taken.  A numeric stamp that reads two
    ways ("05/02/2013") is read only when the text settles it (:func:`settle_numeric_date`).
    """
    lines = _lines(text[: date_words().head_chars])
    for prefix, date_only in _evidence_patterns():
        for offset, line in lines:
            found = _date_after(prefix, line, date_only, text)
            if found:
                iso, (start, end) = found
                return iso, (offset + start, offset + end)
    return None


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")


@lru_cache(maxsize=1)
def _cue_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(a year after a past cue, "In 2007"; a word that puts a sentence in the future, "will", "by")."""
    words = date_words()
    past = re.compile(rf"\b(?:{_alternation(words.past_year_cues)})\s+((?:19|20)\d\d)\b(?![-/]\d)", re.IGNORECASE)
    future = re.compile(rf"(?<![\w'])(?:{_alternation(words.future_cues)})(?!\w)", re.IGNORECASE)
    return past, future


def _sentences(text: str) -> list[tuple[int, str]]:
    """(offset, sentence) for each sentence of ``text`` (cut at end punctuation and line breaks)."""
    out, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        out.append((start, text[start:match.start()]))
        start = match.end()
    out.append((start, text[start:]))
    return [(offset, sentence) for offset, sentence in out if sentence.strip()]


class TextYear(NamedTuple):
    """A year read from a text: the latest it reports as past, where, and whether named in a full date."""

    year: str
    span: tuple[int, int]
    dated: bool  # "on 3 May 2007" or "in March 2007", not only "in 2007"


def _past_years(offset: int, sentence: str) -> list[TextYear]:
    """Years a sentence reports as past, with their spans: "In 2007 ...", "on 3 May 2007", "in March 2007"."""
    past, future = _cue_patterns()
    if future.search(sentence):
        return []
    found = [TextYear(m.group(1), (offset + m.start(1), offset + m.end(1)), False) for m in past.finditer(sentence)]
    for match in _date_pattern().finditer(sentence):
        iso = _match_to_iso(match)
        if iso and not _NOT_AN_EVENT_BEFORE.search(sentence, 0, match.start()) \
                and not _SCHEDULED_AFTER.match(sentence, match.end()):
            found.append(TextYear(iso[:4], (offset + match.start(), offset + match.end()), len(iso) > 4))
    return found


# dates that report no past event: when a page was saved ("[downloaded on 2 October 2013]", "retrieved",
# "accessed": later than it was written), and a release still to come ("has a release date of 22 November 2013",
# "a November 2013 release")
_NOT_AN_EVENT_BEFORE = re.compile(r"(?:\b(?:downloaded|retrieved|accessed|archived|saved|captured)\s+(?:on\s+)?"
                                  r"|\brelease\s+date\s+(?:of\s+|for\s+|is\s+|on\s+|set\s+for\s+)?)$",
                                  re.IGNORECASE)
_SCHEDULED_AFTER = re.compile(r"\s+(?:release|premiere|opening)\b", re.IGNORECASE)


def infer_year_from_body(text: str) -> TextYear | None:
    """The latest year ``text`` reports as past, with the span of its mention, or None.

    A report is written on or after the latest past event it names, and mostly soon after: "In 2007 the
    council ...", "on 3 May 2007", "in March 2007".  Sentences about the future ("will", "by 2026",
    "until", "next") are skipped, so a deadline or a forecast is never taken for the date of writing.
    The headline is skipped too ("Ellen DeGeneres to host Oscars in 2014").  The year is a lower
    bound, to be shown as inferred; it is not a publication date (see :func:`infer_published` for
    evidence of that).
    """
    best: TextYear | None = None
    headline = fallback_title(text)
    for offset, sentence in _sentences(text):
        if headline is not None and sentence.strip() == headline:
            continue
        for found in _past_years(offset, sentence):
            if best is None or (found.year, found.dated) > (best.year, best.dated):
                best = found
    return best


_BYLINE_RE = re.compile(r"^(?:by|from)\s+\S", re.IGNORECASE)
_MAX_TITLE_CHARS = 150
_MAX_TITLE_WORDS = 25
_MAX_SENTENCE_TITLE_WORDS = 10


def _is_metadata_line(line: str) -> bool:
    if _BYLINE_RE.match(line):
        return True
    return any(_date_after(prefix, line, date_only) for prefix, date_only in _evidence_patterns())


def fallback_title(text: str) -> str | None:
    """The first short non-empty line (a headline), skipping date and byline lines.

    None when the text opens with a long paragraph: then there is no headline.
    """
    for _, raw in _lines(text[:2000])[:12]:
        line = raw.strip().lstrip("#").strip()
        if not line or _is_metadata_line(line):
            continue
        if line.endswith((",", ":")):
            return None  # a salutation ("Sir,") or a lead-in, not a headline
        words = len(line.split())
        if line.endswith(".") and words > _MAX_SENTENCE_TITLE_WORDS:
            return None  # a sentence opening the text, not a headline
        if len(line) <= _MAX_TITLE_CHARS and words <= _MAX_TITLE_WORDS:
            return line
        return None
    return None
