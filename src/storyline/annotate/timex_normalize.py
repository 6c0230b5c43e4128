"""Turn a rule match into a TIMEX3 type and value: calendar expressions (dates, months, years,
decades, centuries, seasons, quarters, holidays, eras) and the shared :class:`Context`.

One normaliser per rule of ``data/timex_patterns.json`` (relative and quantity rules live in
``timex_relative``); each returns a :class:`Timex` or None to reject the match (a false positive
such as "may be" or "a march").  Precision is never invented: without a reference, "Oct. 19" stays
``XXXX-10-19``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import cache

from storyline.annotate.timex_dates import (
    Reference,
    day_year,
    direction_of,
    format_day,
    month_year,
    nearest_year,
    nth_weekday,
    quarter_of,
    sentence_window,
    shift_quarter,
    tense_of,
    valid_day,
)
from storyline.annotate.timex_detect import lexicon, placeholders
from storyline.model import Timex

_SPACE = re.compile(r"[\s-]+")
_NON_DIGITS = re.compile(r"\D")
_NEXT_WORD = re.compile(r"\s*([^\s.,;:!?)\]'\"’”]*)")
_YEAR = re.compile(r"(?<![\d,.$£€])\b(1[5-9]\d\d|20\d\d)\b(?![,.]?\d)")
_YEAR_DIGITS = re.compile(r"(?:1[5-9]|20)\d\d")  # opens with a digit: the search skips to one in C
_CODE_BEFORE = re.compile(r"(?:\b[A-Z]{2,}|\b[0-9]{1,3}|[0-9]{5,})[-/]$")
_CODE_AFTER = re.compile(r"[-/](?!1[0-9]{3}\b|20[0-9]{2}\b|[0-9]{2}\b)[0-9A-Za-z]")
_NUMBER = re.compile(r"^[0-9]+(?:[.,][0-9]+)?$")
_QORD = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
         "final": 4, "last": 4, "latter": 4}
_DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
                 "eighties": 8, "nineties": 9}
_AND_THEN_RE = re.compile(r"\s+and\s+(?:was\s+|were\s+)?[a-z]+ed(?:\s+[a-z]+){0,3}?\s+(?:in|on)\s+")
_LAST = {"last", "past", "previous", "prior", "preceding"}
_NEXT = {"next", "coming", "following"}
_OF_SOMETHING = re.compile(r"\s+of\s+(?:the|a|an|its|his|her|their|this|that|these|those|our|my)\b", re.IGNORECASE)
_TIME_OF_DAY = re.compile(r"[\dX]T")  # "2023-10-19T14:00", "XXXX-XX-XXTNI"; not the T of "PRESENT_REF"
_ANCHOR_REACH = 400  # characters within which "a year earlier" follows the quarter it compares with


@dataclass
class Context:
    """What a normaliser may consult: the text, the reference and what earlier timexes anchored."""

    text: str
    ref: Reference
    last_quarter: tuple[int, int, int] | None = None  # (year, quarter, position)
    last_absolute: str | None = None  # value of the latest absolute date or year seen
    last_absolute_end: int = -1  # where it ended in the text
    last_weekday: tuple[date, int] | None = None  # (day, end offset) of the latest weekday resolved
    _narrative: bool | None = None

    @property
    def narrative(self) -> bool:
        """True when most years the text names (ten at least) lie more than a year from the
        reference: a history, not news, so undated months follow the story's own dates."""
        if self._narrative is None:
            years = [int(y) for y in _years(self.text)]
            far = sum(self.ref.year is not None and abs(y - self.ref.year) > 1 for y in years)
            self._narrative = len(years) >= 10 and far > 0.6 * len(years)
        return self._narrative
    style: dict[str, int] = field(default_factory=lambda: {"dmy": 0, "mdy": 0})


def _years(text: str) -> list[str]:
    """``_YEAR.findall(text)``, faster: ``_YEAR`` is tried only where four digits that may be a year start (a
    year of ``_YEAR`` never starts inside such digits, which follow no digit)."""
    return [m.group(1) for c in _YEAR_DIGITS.finditer(text) if (m := _YEAR.match(text, c.start())) is not None]


_ERA_AFTER = re.compile(r"\s+(?:of\s+)?\d{1,4}\s*(?:B\.C\.E\.|B\.C\.|BCE|BC)(?!\w)")
_ERA_YEAR = re.compile(r"\b\d{1,4}\s*(?:B\.C\.E\.|B\.C\.|BCE|BC)(?!\w)")
ANCIENT_YEARS = 5  # years BC a text names before it counts as a history of ancient times


def story_reference(text: str, ref: Reference) -> Reference:
    """The date relative expressions resolve against: the publication date, except in a history of ancient
    times (at least :data:`ANCIENT_YEARS` years BC, more than years of our era it names), where a page
    written in 2009 says nothing about "the following year", "in April" or "the winter": unknown."""
    if ref.year is None or ("BC" not in text and "B.C" not in text) or _ERA_YEAR.search(text) is None:
        return ref
    ancient = len(_ERA_YEAR.findall(text))
    return Reference() if ancient >= ANCIENT_YEARS and ancient > len(_years(text)) else ref


def words(phrase: str | None) -> str:
    """Lower-case, with runs of spaces and hyphens as one space."""
    return _SPACE.sub(" ", phrase.lower()).strip() if phrase else ""


def number_value(phrase: str) -> float | None:
    """3, "3", "three", "twenty-five", "a" -> a number; vague words ("several") -> None."""
    text = words(phrase)
    if _NUMBER.match(text):
        return float(text.replace(",", ""))
    numbers = lexicon()["numbers"]
    if text in numbers:
        return float(numbers[text])
    parts = text.split(" ")
    if len(parts) == 2 and parts[0] in numbers and parts[1] in numbers:
        return float(numbers[parts[0]] + numbers[parts[1]])
    return None


def mod_of(phrase: str | None) -> str | None:
    if not phrase:
        return None
    lex = lexicon()
    key = words(phrase)
    return lex["position_mods"].get(key) or lex["quantity_mods"].get(key) or lex["position_mods"].get(
        phrase.lower().strip())


def make_timex(ctx: Context, m: re.Match[str], kind: str, value: str, *, relative: bool = False,
           mod: str | None = None, start: int | None = None) -> Timex:
    begin = m.start() if start is None else start
    kind = "TIME" if kind == "DATE" and _TIME_OF_DAY.search(value) else kind
    return Timex(begin, m.end(), ctx.text[begin:m.end()], kind, value, relative, mod)  # type: ignore[arg-type]


def format_number(n: float) -> str:
    return str(int(n)) if n == int(n) else f"{n:g}"


def _month_number(token: str) -> int:
    return int(lexicon()["months"][token.lower().rstrip(".")])


def _day_number(token: str) -> int:
    return int(_NON_DIGITS.sub("", token))


def _year_of(token: str, ref: Reference) -> int:
    """A year written with four digits, or two: the one of the reference's century that is at most ten years after
    the reference, else a century earlier ("89" in 1989 -> 1989, "25" in 2023 -> 2025, "45" in 2023 -> 1945);
    with no reference, 00-30 are 20xx."""
    if len(token) == 4:
        return int(token)
    two = int(token)
    if ref.year is None:
        return 2000 + two if two <= 30 else 1900 + two
    year = ref.year // 100 * 100 + two
    return year if year <= ref.year + 10 else year - 100


# --- absolute dates ----------------------------------------------------------------------------


def norm_iso(m: re.Match[str], ctx: Context) -> Timex | None:
    year, month, day = int(m["year"]), int(m["month"]), int(m["day"])
    if not valid_day(year, month, day):
        return None
    value = f"{year:04d}-{month:02d}-{day:02d}"
    return make_timex(ctx, m, "DATE", value + (f"T{m['hour']}:{m['minute']}" if m["hour"] else ""))


def norm_numeric(m: re.Match[str], ctx: Context) -> Timex | None:
    a, b = int(m["a"]), int(m["b"])
    if m["sep"] == "." and len(m["year"]) != 4:
        return None
    order = "dmy" if a > 12 >= b else "mdy" if b > 12 >= a else None
    if order is None and a == b:
        order = "dmy"
    if order is None:
        order = _document_style(ctx)
    if order is None:
        return None
    day, month = (a, b) if order == "dmy" else (b, a)
    year = _year_of(m["year"], ctx.ref)
    if not valid_day(year, month, day):
        return None
    return make_timex(ctx, m, "DATE", f"{year:04d}-{month:02d}-{day:02d}")


_BRITISH = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
                      r"(?:\s+\d{4})", re.IGNORECASE)
_AMERICAN = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,"
                       r"\s+\d{4}", re.IGNORECASE)


def _document_style(ctx: Context) -> str | None:
    """"dmy" or "mdy" from how the document writes dates in words; None when it does not say."""
    british, american = len(_BRITISH.findall(ctx.text)), len(_AMERICAN.findall(ctx.text))
    if british > american:
        return "dmy"
    if american > british:
        return "mdy"
    return None


def narrative_year(ctx: Context, m: re.Match[str]) -> int | None:
    """The year of the last date the text named, when the text narrates another time (most years it
    names are far from the reference, see :attr:`Context.narrative`) and that year is more than a
    year away from the reference: "In June" after "May 1940", in an encyclopedia article of 2009. A
    sentence in the future tense speaks from the reference ("a summit set for April" in a news report
    that recalls 1949 and 1982)."""
    if ctx.last_absolute is None or ctx.ref.year is None or not ctx.narrative:
        return None
    year = int(ctx.last_absolute[:4])
    if abs(year - ctx.ref.year) <= 1 or _speaks_ahead(ctx.text, m.start(), m.end()):
        return None
    return year


_AHEAD = re.compile(r"\b(?:will|shall|set\s+for|(?:is|are)\s+(?:set\s+to|due|scheduled|expected\s+to))\b|'ll\b",
                    re.IGNORECASE)


def _speaks_ahead(text: str, start: int, end: int) -> bool:
    """The sentence looks ahead from the reference ("will", "is due", "set for"), not a history's "would"."""
    before, after = sentence_window(text, start, end)
    return _AHEAD.search(before) is not None or _AHEAD.search(after) is not None


def story_day(ctx: Context, position: int) -> date | None:
    """The day a "that morning", "the same day" or a bare clock time belongs to: the full date the text named
    last, failing one the reference date; in a narrative (:attr:`Context.narrative`) only a full date named
    within :data:`STORY_DAY_REACH` characters before ``position``, else None: the publication date of a history
    says nothing about the day ("At 11 a.m. on 11 November 1918"), nor does a date many events back."""
    named = ctx.last_absolute
    if named is not None and len(named) == 10 and (
            not ctx.narrative or position - ctx.last_absolute_end <= STORY_DAY_REACH):
        return date(int(named[:4]), int(named[5:7]), int(named[8:10]))
    return None if ctx.narrative else ctx.ref.date


STORY_DAY_REACH = 300  # a date further back is as often another day of the story as this one's


def _day_month(m: re.Match[str], ctx: Context) -> Timex | None:
    month, day = _month_number(m["month"]), _day_number(m["day"])
    if m["month"].lower() in ("may", "mar", "march") and not m["month"][0].isupper() and m["wd"] is None:
        return None
    if m["year"]:
        year = int(m["year"])
        if not valid_day(year, month, day):
            return None
        return make_timex(ctx, m, "DATE", f"{year:04d}-{month:02d}-{day:02d}")
    if not valid_day(None, month, day):
        return None
    year_guess = narrative_year(ctx, m) or _year_matching_weekday(ctx.ref, month, day, m["wd"])
    if year_guess is None and not m["wd"]:
        year_guess = _year_of_sentence(ctx, m, month)
    if year_guess is None:
        year_guess = day_year(ctx.ref, month, day, direction_of(ctx.text, m.start(), m.end()))
    if year_guess is None:
        return make_timex(ctx, m, "DATE", f"XXXX-{month:02d}-{day:02d}")
    return make_timex(ctx, m, "DATE", f"{year_guess:04d}-{month:02d}-{day:02d}", relative=True)


def _year_matching_weekday(ref: Reference, month: int, day: int, weekday: str | None) -> int | None:
    if ref.year is None or not weekday:
        return None
    number = lexicon()["weekdays"].get(weekday.lower().rstrip("."))
    hits = [y for y in (ref.year, ref.year - 1, ref.year + 1)
            if valid_day(y, month, day) and date(y, month, day).isoweekday() == number]
    return hits[0] if hits else None


def norm_month_year(m: re.Match[str], ctx: Context) -> Timex | None:
    month, year = _month_number(m["month"]), int(m["year"])
    if m["month"].lower() in ("may", "mar") and not m["month"][0].isupper():
        return None
    return make_timex(ctx, m, "DATE", f"{year:04d}-{month:02d}", mod=mod_of(m["mod"]))


def norm_fiscal(m: re.Match[str], ctx: Context) -> Timex | None:
    year = _year_of(m["year"], ctx.ref)
    if m["ord"]:
        quarter = _QORD[m["ord"].lower()]
        ctx.last_quarter = (year, quarter, m.start())
        return make_timex(ctx, m, "DATE", f"{year:04d}-Q{quarter}")
    return make_timex(ctx, m, "DATE", f"{year:04d}")


def norm_quarter(m: re.Match[str], ctx: Context) -> Timex | None:
    if m["q"]:
        unit, number = ("half" if m["q"][0] in "Hh" else "quarter"), int(m["q"][1])
    else:
        unit, number = m["unit"].lower(), _QORD[m["ord"].lower()]
    if unit == "half" and m["ord"] and m["ord"].lower() in ("final", "last", "latter"):
        number = 2  # "the last half of 1989", "the latter half of 2008"
    if (unit == "half" and number > 2) or (unit == "quarter" and m["ord"] and m["ord"].lower() == "latter"):
        return None
    if not (m["year1"] or m["year"] or m["ryear"]) and _OF_SOMETHING.match(ctx.text, m.end()):
        return None  # "the second half of the match", "the last half of the '80s": not of this year
    year, relative = _quarter_year(m, ctx, number if unit == "quarter" else number * 2)
    start = m.start()
    if ctx.text[start:start + 4].lower() == "the " and "-" in m.group(0):
        start += 4
    letter = "Q" if unit == "quarter" else "H"
    if year is None:
        return make_timex(ctx, m, "DATE", f"XXXX-{letter}{number}", start=start)
    if unit == "quarter":
        ctx.last_quarter = (year, number, m.start())
    return make_timex(ctx, m, "DATE", f"{year:04d}-{letter}{number}", relative=relative, start=start)


def _quarter_year(m: re.Match[str], ctx: Context, quarter: int) -> tuple[int | None, bool]:
    explicit = m["year1"] or m["year"]
    if explicit and explicit[:1].isdigit():
        return int(explicit[:4]), False
    phrase = words(m["ryear"] or explicit)
    if ctx.ref.year is None:
        return None, False
    if phrase:
        shift = -1 if phrase.startswith("last") else 1 if phrase.startswith("next") else 0
        return ctx.ref.year + shift, True
    later_than_reference = ctx.ref.month is not None and quarter > quarter_of(ctx.ref.month)
    if later_than_reference and tense_of(ctx.text, m.start(), m.end()) != "future":
        return ctx.ref.year - 1, True
    return ctx.ref.year, True


def norm_quarter_rel(m: re.Match[str], ctx: Context) -> Timex | None:
    if m["year"]:
        return _quarter_of_year(m, ctx)
    rel = words(m["rel"])
    unit = (m["unit"] or "quarter").lower()
    if m["ord"] and rel in ("year ago", "year earlier", "year before", "prior year"):
        # "the year-earlier third quarter": that quarter of the year before the one being reported
        anchor = _recent_quarter(ctx, m.start())
        if anchor is None:
            return None
        return make_timex(ctx, m, "DATE", f"{anchor[0] - 1:04d}-Q{_QORD[m['ord'].lower()]}", relative=True)
    if unit == "period" and rel not in ("latest", "year ago", "year earlier", "comparable", "corresponding",
                                        "recent", "same", "prior year", "year before"):
        return None
    if rel in ("year ago", "year earlier", "year before", "prior year", "comparable", "corresponding", "same"):
        anchor = _recent_quarter(ctx, m.start())
        if anchor is None:
            return None
        shift = 0 if rel == "same" else -4
        year, quarter = shift_quarter(anchor[0], anchor[1], shift)
        return make_timex(ctx, m, "DATE", f"{year:04d}-Q{quarter}", relative=True)
    if not rel:
        anchor = _recent_quarter(ctx, m.start())
        if anchor is not None:  # "the quarter": the one being reported, which stays the anchor from here on
            ctx.last_quarter = (anchor[0], anchor[1], m.start())
            return make_timex(ctx, m, "DATE", f"{anchor[0]:04d}-Q{anchor[1]}", relative=True)
    if ctx.ref.year is None or ctx.ref.month is None:
        return make_timex(ctx, m, "DATE", "XXXX-QX")
    shift = 0 if rel in ("current", "this") else 1 if rel in _NEXT else -1
    year, quarter = shift_quarter(ctx.ref.year, quarter_of(ctx.ref.month), shift)
    ctx.last_quarter = (year, quarter, m.start())
    return make_timex(ctx, m, "DATE", f"{year:04d}-Q{quarter}", relative=True)


def _quarter_of_year(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "the 1988 quarter", "the 1988 period": the quarter being reported, in that year; a period with no quarter
    reported just before is left to the year rule, a quarter stays of an unknown number."""
    anchor = _recent_quarter(ctx, m.start())
    if anchor is None:
        return None if m["yunit"].lower() == "period" else make_timex(ctx, m, "DATE", f"{m['year']}-QX")
    return make_timex(ctx, m, "DATE", f"{m['year']}-Q{anchor[1]}", relative=True)


def _recent_quarter(ctx: Context, position: int) -> tuple[int, int] | None:
    if ctx.last_quarter is None or position - ctx.last_quarter[2] > _ANCHOR_REACH:
        return None
    return ctx.last_quarter[0], ctx.last_quarter[1]


def norm_decade(m: re.Match[str], ctx: Context) -> Timex | None:
    if m["cent"]:
        value = m["cent"] + m["dec"]
    elif m["yy"]:
        digit = int(m["yy"])
        recent = ctx.ref.year is not None and ctx.ref.year >= 2000 and digit <= (ctx.ref.year % 100) // 10
        value = ("20" if recent else "19") + m["yy"]
    else:
        if not m.group(0).lower().startswith("the"):
            return None
        value = "19" + str(_DECADE_WORDS[m["word"].lower()])
    return make_timex(ctx, m, "DATE", value, mod=mod_of(m["mod"]))


def year_from_words(phrase: str) -> int:
    """ "nineteen ninety-six" -> 1996, "nineteen oh five" -> 1905, "two thousand and one" -> 2001."""
    parts = words(phrase).split(" ")
    numbers = lexicon()["numbers"]
    base = 2000 if parts[0] == "two" else 1900
    rest = [p for p in parts[2 if parts[0] == "two" else 1:] if p not in ("hundred", "and", "oh")]
    return base + sum(int(numbers[p]) for p in rest)


def norm_year_words(m: re.Match[str], ctx: Context) -> Timex | None:
    """A year in words ("in nineteen ninety-six", "January nineteen ninety-seven", "the winter of nineteen
    ninety-four"); "two thousand" is a year only as "the year two thousand". The month or season before it
    is taken in here (the month and season rules leave it)."""
    year = year_from_words(m["yw"])
    before = _before_year_words_re().search(ctx.text, max(0, m.start() - 30), m.start())
    if m["yw"].lower().startswith("two") and (before is None or not before["theyear"]):
        return None
    if before is None:
        return make_timex(ctx, m, "DATE", f"{year:04d}")
    if before["month"] and (before["month"][0].isupper() or ctx.text.islower()):
        return make_timex(ctx, m, "DATE", f"{year:04d}-{_month_number(before['month']):02d}", start=before.start())
    if before["season"]:
        value = f"{year:04d}-{lexicon()['seasons'][before['season'].lower()]}"
        return make_timex(ctx, m, "DATE", value, start=before.start())
    return make_timex(ctx, m, "DATE", f"{year:04d}", start=before.start() if before["theyear"] else None)


@cache
def _before_year_words_re() -> re.Pattern[str]:
    fragments = placeholders()
    return re.compile(rf"(?:\b(?P<theyear>the\s+year)|\b(?:the\s+)?(?P<season>{fragments['SEASON']})\s+of"
                      rf"|\b(?P<month>{fragments['MONTH_FULL']}))\s+$", re.IGNORECASE)


_YEAR_WORDS_AFTER = re.compile(r"\s+(?:of\s+)?(?:nineteen|two\s+thousand)\b", re.IGNORECASE)


def norm_century(m: re.Match[str], ctx: Context) -> Timex | None:
    if m["num"]:
        number = int(m["num"])
    elif m["ord"]:
        number = int(lexicon()["ordinals"][words(m["ord"]).replace(" ", "-")])
    else:
        if ctx.ref.year is None:
            return make_timex(ctx, m, "DATE", "XX")
        shift = 0 if m["rel"].lower() == "this" else -1
        return make_timex(ctx, m, "DATE", f"{ctx.ref.year // 100 + shift:02d}", relative=True, mod=mod_of(m["mod"]))
    if not 1 <= number <= 21:
        return None
    era = "BC" if m["bc"] and m["bc"].isupper() else ""  # "the 4th century BC" -> BC03
    return make_timex(ctx, m, "DATE", f"{era}{number - 1:02d}", mod=mod_of(m["mod"]))


def norm_holiday(m: re.Match[str], ctx: Context) -> Timex | None:
    name = words(m["name"])
    rel = (m["rel"] or "").lower()
    year, relative = (int(m["year"]), False) if m["year"] else (ctx.ref.year, True)
    if year is None:
        if name.startswith("thanksgiving"):
            return make_timex(ctx, m, "DATE", "XXXX-11-XX")
        return make_timex(ctx, m, "DATE", "XXXX-" + _holiday_day(name))
    if relative:
        year = _holiday_year(ctx, m, name, rel)
    if name.startswith("thanksgiving"):
        return make_timex(ctx, m, "DATE", format_day(nth_weekday(year, 11, 4, 4)), relative=relative)
    return make_timex(ctx, m, "DATE", f"{year:04d}-" + _holiday_day(name), relative=relative)


def _holiday_year(ctx: Context, m: re.Match[str], name: str, rel: str) -> int:
    month, day = (11, 25) if name.startswith("thanksgiving") else map(int, _holiday_day(name).split("-"))
    deadline = preceding_word(ctx.text, m.start()) in ("by", "before", "until", "till")
    tense = "future" if rel == "next" or deadline else tense_of(ctx.text, m.start(), m.end())
    done = not rel and not deadline and direction_of(ctx.text, m.start(), m.end()) == "done"  # "was shut on Boxing Day"
    year = nearest_year(ctx.ref, month, day, "past" if done else tense, ahead=0 if rel == "last" or done else 60)
    return year if year is not None else ctx.ref.year or 0


def _holiday_day(name: str) -> str:
    return str(_holidays().get(name, "XX-XX"))


@cache
def _holidays() -> dict[str, str]:
    return {words(k): v for k, v in lexicon()["holidays"].items()}


# --- seasons, months and years -----------------------------------------------------------------


def preceding_word(text: str, start: int) -> str:
    before = text[max(0, start - 20):start].split()
    return before[-1].lower().rstrip(",") if before else ""


def norm_season(m: re.Match[str], ctx: Context) -> Timex | None:
    rel = (m["rel"] or "").lower()
    if era_follows(ctx.text, m.end()) or _YEAR_WORDS_AFTER.match(ctx.text, m.end()):
        return None  # "the spring of 480 BC", "the winter of nineteen ninety-four": the era and year-words rules
    code = lexicon()["seasons"][m["season"].lower()]
    start = m.start()
    context_words = lexicon()["season_context_words"]
    anchored = m["year"] or m["mod"] or (rel and rel != "the")
    in_context = preceding_word(ctx.text, start) in context_words and ctx.text[m.end():m.end() + 4] != " of "
    if not anchored and not in_context:
        return None
    if m["year"]:
        return make_timex(ctx, m, "DATE", f"{int(m['year']):04d}-{code}", mod=mod_of(m["mod"]))
    if rel == "that":  # "That summer": of the year the text named last, else of no year we know
        return _of_year_named(ctx, m, code, mod_of(m["mod"]))
    if ctx.ref.year is None:
        return make_timex(ctx, m, "DATE", f"XXXX-{code}", mod=mod_of(m["mod"]))
    first, last = lexicon()["season_months"][code]
    month = ctx.ref.month or 7
    narrative = narrative_year(ctx, m) if rel in ("", "the") else None
    year = narrative or ctx.ref.year
    if rel in ("", "the") and narrative is None and ctx.ref.month and code != "WI":
        # "He was appointed in the spring" in January: the spring before; "will report by the autumn" in
        # November: the next one (winter spans two years and is left to the reference year)
        direction = direction_of(ctx.text, m.start(), m.end())
        if direction in ("past", "since", "done") and first > month:
            year -= 1
        elif direction in ("future", "ahead") and last < month:
            year += 1
    if rel in _LAST:
        year = year if month > last and code != "WI" else year - 1
    elif rel in _NEXT:
        year = year if month < first else year + 1
    return make_timex(ctx, m, "DATE", f"{year:04d}-{code}", relative=True, mod=mod_of(m["mod"]))


def norm_month(m: re.Match[str], ctx: Context) -> Timex | None:
    token = m["month"]
    rel = (m["rel"] or "").lower()
    if not token[0].isupper() and not ctx.text.islower():
        return None
    if era_follows(ctx.text, m.end()) or _YEAR_WORDS_AFTER.match(ctx.text, m.end()):
        return None  # "April 480 BC", "January nineteen ninety-seven": the era and year-words rules take the month
    if token.lower() in ("may", "march") and not (rel or m["mod"]):
        allowed = lexicon()["context_words_for_ambiguous_months"]
        if preceding_word(ctx.text, m.start()) not in allowed:
            return None
    month = _month_number(token)
    mod = mod_of(m["mod"])
    if m["yrel"] and ctx.ref.year is not None:
        shift = {"this": 0, "last": -1, "next": 1}[m["yrel"].lower()]
        return make_timex(ctx, m, "DATE", f"{ctx.ref.year + shift:04d}-{month:02d}", relative=True, mod=mod)
    if rel == "that" or m["ofthat"]:  # "reopened that September", "in August of that year": the year named last
        return _of_year_named(ctx, m, f"{month:02d}", mod)
    narrative = narrative_year(ctx, m) if not rel else None
    if narrative is None and not rel:
        narrative = _year_of_sentence(ctx, m, month)
    if narrative is not None:
        return make_timex(ctx, m, "DATE", f"{narrative:04d}-{month:02d}", relative=True, mod=mod)
    if ctx.ref.year is None or ctx.ref.month is None:
        return make_timex(ctx, m, "DATE", f"XXXX-{month:02d}" if rel != "this" or not ctx.ref.year
                      else f"{ctx.ref.year:04d}-{month:02d}", mod=mod)
    year = _month_year(ctx, m, month, rel)
    return make_timex(ctx, m, "DATE", f"{year:04d}-{month:02d}", relative=True, mod=mod)


def _year_of_sentence(ctx: Context, m: re.Match[str], month: int) -> int | None:
    """"The school closed in 2020 and reopened in September", "arrested in 2019 and charged on 3 March": a month
    or day right after "and" + a past verb that follows "in <year>" is of that year. Nothing looser: on real news
    a year just before a month is as often another event's ("began in 2008 ... and the earthquake in Haiti in
    January"), a clock time ("at 1930 CDT on 1 June") or a dateline ("15 June 2010 ... before the 20 April
    explosion")."""
    named = ctx.last_absolute
    if named is None or len(named) != 4 or ctx.last_absolute_end < 0:
        return None
    if not ctx.text.endswith("in ", 0, ctx.last_absolute_end - 4):
        return None
    if _AND_THEN_RE.fullmatch(ctx.text, ctx.last_absolute_end, m.start()) is None:
        return None
    return int(named)


def _of_year_named(ctx: Context, m: re.Match[str], part: str, mod: str | None) -> Timex:
    """A month or season of "that" year: the year of the last date the text named, else an unknown year (never
    the reference's: "closed in the summer of 2020 and reopened that September" is September 2020)."""
    if ctx.last_absolute is None:
        return make_timex(ctx, m, "DATE", f"XXXX-{part}", mod=mod)
    return make_timex(ctx, m, "DATE", f"{ctx.last_absolute[:4]}-{part}", relative=True, mod=mod)


def _month_year(ctx: Context, m: re.Match[str], month: int, rel: str) -> int:
    ref_year, ref_month = ctx.ref.year or 0, ctx.ref.month or 1
    if rel == "this":
        return ref_year
    if rel in _LAST:
        return ref_year if month < ref_month else ref_year - 1
    if rel in _NEXT:
        return ref_year if month > ref_month else ref_year + 1
    return month_year(ref_year, ref_month, month, direction_of(ctx.text, m.start(), m.end()))


def norm_era(m: re.Match[str], ctx: Context) -> Timex | None:
    """"241 BC" -> BC0241, "AD 43" / "43 AD" -> 0043 (upper-case era marks only)."""
    era, number = (m["era"], m["n"]) if m["era"] else (m["era2"], m["n2"])
    if not era.isupper() or int(number) == 0:
        return None
    value = ("BC" if era.startswith("B") else "") + f"{int(number):04d}"
    if not m["era"]:
        return make_timex(ctx, m, "DATE", value)
    begin = m.start()
    part = _era_part_re().search(ctx.text, max(0, begin - 30), begin)
    if part is not None and (part["season"] or part["month"][0].isupper()):
        if part["month"]:  # "April 480 BC" (the month rule leaves a month before an era year to this one)
            value += f"-{_month_number(part['month']):02d}"
        else:  # "the spring of 480 BC"
            value += "-" + lexicon()["seasons"][part["season"].lower()]
        begin = part.start()
    mod = _era_mod_re().search(ctx.text, max(0, begin - 25), begin)  # "Early 480 BC", "late autumn of 481 BC"
    return make_timex(ctx, m, "DATE", value, mod=mod_of(mod["mod"]) if mod else None,
                      start=mod.start() if mod else begin)


@cache
def _era_part_re() -> re.Pattern[str]:
    """A month or season right before an era year: "April ", "the spring of "."""
    fragments = placeholders()
    return re.compile(rf"(?:\b(?:the\s+)?(?P<season>{fragments['SEASON']})\s+of|\b(?P<month>{fragments['MONTH_FULL']}))"
                      r"\s+$", re.IGNORECASE)


@cache
def _era_mod_re() -> re.Pattern[str]:
    return re.compile(rf"\b(?P<mod>{placeholders()['POSMOD']})[\s-]+$", re.IGNORECASE)


def era_follows(text: str, end: int) -> bool:
    """ "April 480 BC", "the spring of 480 BC": an era year follows the month or season ending at ``end``."""
    return _ERA_AFTER.match(text, end) is not None


def norm_year(m: re.Match[str], ctx: Context) -> Timex | None:
    year = int(m["year"])
    start = m.start("mod") if m["mod"] else m.start("year")
    has_context = bool(m["mod"]) or preceding_word(ctx.text, m.start("year")) in lexicon()["year_context_before"]
    if _blocked_year(ctx.text, m.start("year"), m.end(), has_context, year):
        return None
    return make_timex(ctx, m, "DATE", f"{year:04d}", mod=mod_of(m["mod"]), start=start)


def _blocked_year(text: str, start: int, end: int, has_context: bool, year: int) -> bool:
    lex = lexicon()
    before = text[max(0, start - 12):start]
    if before.endswith(tuple(c for c in lex["year_blockers_before"] if len(c) == 1)):
        return True
    if _CODE_BEFORE.search(before) or _CODE_AFTER.match(text, end):
        return True  # part of a reference number: "FOI-2023-0417"
    if preceding_word(text, start) in lex["year_blockers_before"] and not has_context:
        return True
    after = _NEXT_WORD.match(text, end)
    following = after.group(1) if after else ""
    if following.lower() in lex["year_blockers_after"]:
        return True
    if year < 1900 or year > 2100:
        return not has_context and not (following == "" or not following[:1].isalpha() or following[0].isupper())
    return False


NORMALIZERS: dict[str, Callable[[re.Match[str], Context], Timex | None]] = {
    "iso": norm_iso, "numeric": norm_numeric, "dmy": _day_month, "mdy": _day_month,
    "month_year": norm_month_year, "fiscal": norm_fiscal, "quarter": norm_quarter,
    "quarter_rel": norm_quarter_rel, "decade": norm_decade, "year_words": norm_year_words, "century": norm_century, "season": norm_season,
    "holiday": norm_holiday, "era": norm_era, "year": norm_year,
    "month": norm_month, }
