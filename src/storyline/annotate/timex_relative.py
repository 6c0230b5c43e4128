"""Relative and quantity expressions: days, weekdays, times of day, "three years ago", "last week",
durations and sets, resolved against the reference date (or the last date the text named)."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta
from functools import cache

from storyline.annotate.timex_dates import (
    Reference,
    anchor_before,
    day_year,
    direction_of,
    format_day,
    format_week,
    parse_reference,
    quarter_of,
    shift_month,
    shift_quarter,
    tense_of,
    valid_day,
    week_day,
    weekday_near,
)
from storyline.annotate.timex_detect import lexicon, placeholders
from storyline.annotate.timex_normalize import (
    Context,
    format_number,
    make_timex,
    mod_of,
    narrative_year,
    story_day,
    number_value,
    preceding_word,
    words,
)
from storyline.model import Timex

# --- relative expressions ----------------------------------------------------------------------


def norm_dayword(m: re.Match[str], ctx: Context) -> Timex | None:
    word = m["word"].lower()
    if word in _CHAT_DAYWORDS and m["word"] != word:
        return None  # "TMR", "Tdy": a name or a code, not a chat spelling of "tomorrow", "today"
    offset = {"yesterday": -1, "today": 0, "tomorrow": 1, **_CHAT_DAYWORDS}[word]
    if m["tdb"]:
        offset += -1 if "before" in m["tdb"].lower() else 1
    mod = {"early": "START", "late": "END"}.get((m["mod"] or "").lower())
    ref = ctx.ref.date
    if ref is None:
        return make_timex(ctx, m, "DATE", "XXXX-XX-XX", mod=mod)
    return make_timex(ctx, m, "DATE", format_day(ref + timedelta(days=offset)), relative=True, mod=mod)


_CHAT_DAYWORDS = {"tdy": 0, "tmr": 1, "tmrw": 1}  # as chat and tweets write "today" and "tomorrow"


def norm_rel_day(m: re.Match[str], ctx: Context) -> Timex | None:
    rel = (m["rel"] or "same").lower()
    offset = 1 if rel in ("following", "next") else -1 if rel in ("previous", "preceding") else 0
    ref = story_day(ctx, m.start())
    if ref is None:
        return make_timex(ctx, m, "DATE", "XXXX-XX-XX")
    return make_timex(ctx, m, "DATE", format_day(ref + timedelta(days=offset)), relative=True)


def _weekday_number(token: str) -> int:
    return int(lexicon()["weekdays"][token.lower().rstrip(".")])


def norm_weekday(m: re.Match[str], ctx: Context) -> Timex | None:
    weekday = _weekday_number(m["wd"])
    rel = (m["rel"] or "").lower()
    if m["plural"]:
        return make_timex(ctx, m, "SET", f"XXXX-WXX-{weekday}") if not rel else None
    day = resolve_weekday(ctx, m, weekday, rel)
    mod = {"early": "START", "late": "END"}.get((m["mod"] or "").lower())
    if day is None:
        return make_timex(ctx, m, "DATE", f"XXXX-WXX-{weekday}", mod=mod)
    return make_timex(ctx, m, "DATE", format_day(day), relative=True, mod=mod)


_COORDINATED = re.compile(r"\s*(?:,|and|or|to|through|until|till|-|–|&)?\s*(?:on\s+)?$", re.IGNORECASE)


def resolve_weekday(ctx: Context, m: re.Match[str], weekday: int, rel: str) -> date | None:
    """The day a weekday name means: within a week of a known publication date (never a guessed one: the
    pipeline resolves nothing against an estimate), the day after the previous weekday when the two are
    coordinated ("on Thursday and Friday" are consecutive days, whatever the tense cues say)."""
    ref = ctx.ref.date
    if ref is None:
        return None
    day = _weekday_from_reference(ctx, m, weekday, rel, ref)
    if not rel:
        day = _dated_weekday(ctx, m.end(), weekday) or _coordinated_weekday(ctx, m, weekday, day)
    ctx.last_weekday = (day, m.end())
    return day


def _dated_weekday(ctx: Context, end: int, weekday: int) -> date | None:
    """ "on Thursday, Nov. 19", "on Thursday 19 November": the date written beside the weekday, in the year
    nearest the reference where that date falls on that weekday (None when no nearby year does)."""
    found = _dated_weekday_re().match(ctx.text, end)
    if found is None or ctx.ref.year is None:
        return None
    month = int(lexicon()["months"][(found["month"] or found["month2"]).lower().rstrip(".")])
    day = int(found["day"] or found["day2"])
    years = [y for y in (ctx.ref.year, ctx.ref.year + 1, ctx.ref.year - 1)
             if valid_day(y, month, day) and date(y, month, day).isoweekday() == weekday]
    return date(years[0], month, day) if years else None


@cache
def _dated_weekday_re() -> re.Pattern[str]:
    months = placeholders()["MONTH"]
    return re.compile(rf",?\s+(?:(?P<month>{months})\.?\s+(?P<day>\d{{1,2}})(?!\d)"
                      rf"|(?:the\s+)?(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month2>{months})\b)",
                      re.IGNORECASE)


def _coordinated_weekday(ctx: Context, m: re.Match[str], weekday: int, day: date) -> date:
    """A weekday coordinated with the previous one ("Thursday and Friday") that the tense cues put more
    than six days from it moves to its occurrence nearest that one."""
    last = ctx.last_weekday
    if last is None or not 0 <= m.start() - last[1] <= 12 or not _COORDINATED.match(ctx.text[last[1]:m.start()]):
        return day
    if abs((day - last[0]).days) <= 6:
        return day
    after, before = weekday_near(last[0], weekday, "next"), weekday_near(last[0], weekday, "last")
    return after if (after - last[0]).days <= (last[0] - before).days else before


def _weekday_from_reference(ctx: Context, m: re.Match[str], weekday: int, rel: str, ref: date) -> date:
    if rel in ("last", "past"):
        return weekday_near(ref, weekday, "last")
    if rel in ("next", "coming"):
        return weekday_near(ref, weekday, "next")
    if rel == "this":
        return week_day(ref, weekday)
    tense = direction_of(ctx.text, m.start(), m.end())
    return weekday_near(ref, weekday, "future" if tense in ("future", "ahead") else "past")


def norm_day_part(m: re.Match[str], ctx: Context) -> Timex | None:
    if m["tonight"]:
        part, rel = "NI", "this"
    else:
        part, rel = lexicon()["parts_of_day"][m["part"].lower()], words(m["rel"])
    ref = story_day(ctx, m.start()) if ctx.narrative and rel in ("that", "the previous", "the following") else ctx.ref.date
    offsets = {"this": 0, "that": 0, "yesterday": -1, "tomorrow": 1, "the previous": -1, "the following": 1,
               **_CHAT_DAYWORDS}
    if rel in _CHAT_DAYWORDS and m["rel"] != rel:
        return None
    if rel == "last":
        if part != "NI":
            return None
        offsets["last"] = -1
    if ref is None:
        return make_timex(ctx, m, "TIME", f"XXXX-XX-XXT{part}")
    if rel in offsets:
        day: date | None = ref + timedelta(days=offsets[rel])
    else:
        day = resolve_weekday(ctx, m, _weekday_number(rel), "")
    if day is None:
        return make_timex(ctx, m, "TIME", f"XXXX-WXX-{_weekday_number(rel)}T{part}")
    return make_timex(ctx, m, "TIME", f"{format_day(day)}T{part}", relative=True)


def _day_of_phrase(ctx: Context, m: re.Match[str], phrase: str | None) -> tuple[str, bool]:
    rel = ""
    if phrase is None and (before := _day_before_clock_re().search(ctx.text, max(0, m.start() - 32), m.start())):
        phrase, rel = before["word"], words(before["rel"])  # "tomorrow at 12pm", "this Sunday at 10 a.m."
    ref = ctx.ref.date
    if phrase is None and ctx.narrative:  # "At 11 a.m. on 11 November 1918": not the day a history was published
        ref = story_day(ctx, m.start())
    word = (phrase or "today").lower()
    if ref is None:
        return "XXXX-XX-XX", False
    offsets = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "tmr": 1, "tmrw": 1}
    if word in offsets:
        return format_day(ref + timedelta(days=offsets[word])), True
    day = resolve_weekday(ctx, m, _weekday_number(word), rel)
    return (format_day(day), True) if day else (f"XXXX-WXX-{_weekday_number(word)}", False)


@cache
def _day_before_clock_re() -> re.Pattern[str]:
    days = placeholders()["WEEKDAY_FULL"]
    return re.compile(rf"(?:\b(?P<rel>this|next|last|coming)\s+)?\b(?P<word>today|tonight|tomorrow|yesterday|{days})"
                      r"(?:\s*,|\s+at|\s+from)?\s+$", re.IGNORECASE)


def norm_clock(m: re.Match[str], ctx: Context) -> Timex | None:
    if m["oclock"]:
        hour, minute = int(lexicon()["clock_words"].get(m["oclock"].lower(), m["oclock"])), 0
    elif m["hour24"]:
        hour, minute = int(m["hour24"]), int(m["minute24"])
        if preceding_word(ctx.text, m.start()) in ("score", "won", "lost", "beat", "ratio"):
            return None
    else:
        hour, minute = int(m["hour"]), int(m["minute"] or 0)
        if hour > 12 or hour == 0:
            return None
        pm = m["ampm"].lower().startswith("p")
        hour = (hour % 12) + (12 if pm else 0)
    dated = _date_of_clock(ctx, m)
    if dated is None:
        if m["cmonth"]:
            return None
        dated = _day_of_phrase(ctx, m, m["day"] if not m["oclock"] and not m["hour24"] else None)
    day, relative = dated
    return make_timex(ctx, m, "TIME", f"{day}T{hour:02d}:{minute:02d}", relative=relative)


def _date_of_clock(ctx: Context, m: re.Match[str]) -> tuple[str, bool] | None:
    """ "5 p.m. EST Nov. 9", "5 p.m. EST, Nov. 6, 1989" (one expression), "11 a.m. on 11 November 1918" (two: the
    "on" parts them, as TimeBank and WikiWars do): the day written after the time (it had been the reference day),
    its year read as a date's alone would be (a history's own year, else by the sentence's direction); None when
    no valid day follows."""
    if m["cmonth"]:
        month_token, day_token, year_token = m["cmonth"], m["cday"], m["cyear"]
    elif (on := _on_date_re().match(ctx.text, m.end())) is not None:
        month_token, day_token, year_token = on["month"] or on["month2"], on["day"] or on["day2"], on["year"]
    else:
        return None
    month, day = int(lexicon()["months"][month_token.lower().rstrip(".")]), int(day_token.rstrip("stndrh"))
    year = int(year_token) if year_token else narrative_year(ctx, m) or day_year(
        ctx.ref, month, day, direction_of(ctx.text, m.start(), m.end()))
    if not valid_day(year, month, day):
        return None
    if year is None:
        return f"XXXX-{month:02d}-{day:02d}", False
    return f"{year:04d}-{month:02d}-{day:02d}", not year_token


@cache
def _on_date_re() -> re.Pattern[str]:
    months = placeholders()["MONTH"]
    return re.compile(rf"\s+on\s+(?:(?P<month>{months})\.?\s+(?P<day>\d{{1,2}})(?!\d)"
                      rf"|(?:the\s+)?(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month2>{months})\b)"
                      r"(?:,?\s+(?P<year>1[0-9]{3}|20[0-9]{2})(?!\d))?", re.IGNORECASE)


def norm_noon(m: re.Match[str], ctx: Context) -> Timex | None:
    clock = {"noon": "12:00", "midday": "12:00", "midnight": "24:00"}[m["word"].lower()]
    day, relative = _day_of_phrase(ctx, m, m["day"])
    return make_timex(ctx, m, "TIME", f"{day}T{clock}", relative=relative)


def norm_ref(m: re.Match[str], ctx: Context) -> Timex | None:
    word = words(m["word"])
    lex = lexicon()
    if word in (words(w) for w in lex["present_ref"]):
        value = "PRESENT_REF"
    elif word in (words(w) for w in lex["past_ref"]):
        value = "PAST_REF"
    else:
        value = "FUTURE_REF"
    if word == "now" and ctx.text[m.end():m.end() + 5].lower() in (" that", "that "):
        return None
    return make_timex(ctx, m, "DATE", value)


_DURATION_UNITS = {"TS": "T{n}S", "TM": "T{n}M", "TH": "T{n}H"}
_RATE_BEFORE = re.compile(r"(?:\d|%|million|billion|bn|\bm|\bk|pence|cents?|dollars|pounds|euros|times|once|twice)"
                          r"\s*$", re.IGNORECASE)
_SET_UNITS = {"day": "P1D", "night": "P1D", "week": "P1W", "month": "P1M", "year": "P1Y", "quarter": "P3M",
              "hour": "PT1H", "minute": "PT1M", "weekend": "XXXX-WXX-WE", "morning": "XXXX-XX-XXTMO",
              "evening": "XXXX-XX-XXTEV", "afternoon": "XXXX-XX-XXTAF"}


def _unit_code(token: str) -> str:
    return str(lexicon()["units"][token.lower()])


_HALF = re.compile(r"[\s-]and[\s-]+a[\s-]+half\b|\s1/2\b", re.IGNORECASE)
_SMALLER_UNIT = {"Y": (12, "M"), "D": (24, "TH"), "TH": (60, "TM"), "TM": (60, "TS")}
_YEARS_IN = {"DE": 10, "CE": 100, "ML": 1000}


def _split_fraction(amount: float, unit: str) -> str | None:
    """A fractional amount in whole units of the next smaller size, as TIMEX3 writes it: (2.5, "Y") -> P2Y6M,
    (5.5, "TH") -> PT5H30M, (1.5, "DE") -> P15Y; None when it does not come out whole."""
    if unit in _YEARS_IN and (amount * _YEARS_IN[unit]).is_integer():
        return f"P{int(amount * _YEARS_IN[unit])}Y"
    if unit not in _SMALLER_UNIT:
        return None
    factor, smaller = _SMALLER_UNIT[unit]
    whole, part = int(amount), (amount - int(amount)) * factor
    if not part.is_integer():
        return None
    parts = [(whole, unit), (int(part), smaller)]
    days = "".join(f"{n}{u}" for n, u in parts if n and not u.startswith("T"))
    times = "".join(f"{n}{u[1]}" for n, u in parts if n and u.startswith("T"))
    return "P" + days + ("T" + times if times else "")


def duration_value(amount: float | None, unit: str) -> str:
    """TIMEX3 duration: (3, "Y") -> P3Y, (5, "TH") -> PT5H, (None, "Y") -> PXY, (2.5, "Y") -> P2Y6M."""
    if amount is not None and amount != int(amount) and (split := _split_fraction(amount, unit)):
        return split
    n = "X" if amount is None else format_number(amount)
    if unit == "W2":
        unit, n = "W", ("X" if amount is None else format_number(amount * 2))
    if unit in _DURATION_UNITS:
        return "P" + _DURATION_UNITS[unit].format(n=n)
    if unit in ("Q", "DE") and amount is not None:
        return f"P{format_number(amount * (3 if unit == 'Q' else 10))}{'M' if unit == 'Q' else 'Y'}"
    if unit == "DE":
        return "PXY"
    return f"P{n}{unit}"


def norm_duration(m: re.Match[str], ctx: Context) -> Timex | None:
    unit = _unit_code(m["unit"])
    number_text = words(m["n"])
    amount = number_value(m["n"])
    if unit == "TS" and number_text in ("a", "an", "one"):
        return None  # "a second term", "one second"-as-ordinal: too ambiguous
    if m["old"] or (unit == "Q" and "-" in m.group(0)) or (amount is not None and amount >= 1000):
        return None  # ages ("a 6-year-old"), fractions ("three-quarters"), years ("the 1988 quarter")
    start = _duration_start(m)
    if amount is not None and _HALF.search(m.group(0)):
        amount += 0.5
    if number_text in ("a", "an", "per") and _RATE_BEFORE.search(ctx.text[max(0, m.start() - 20):m.start()]):
        return make_timex(ctx, m, "SET", duration_value(1, unit), start=start)
    if unit == "WE":
        return None
    return make_timex(ctx, m, "DURATION", duration_value(amount, unit), mod=mod_of(m["mod"]), start=start)


def _duration_start(m: re.Match[str]) -> int:
    """Spans leave out the vaguer quantity modifiers ("about two weeks" -> "two weeks") and a bare "the"
    ("the two days"), as TimeBank mostly does; "the past two years" and "the nine months" keep it, and so
    do the bounds TimeBank and WikiWars keep inside ("more than four hours", "at least 30 days", "nearly two
    years": ``quantity_mods_in_span`` in the lexicon)."""
    begin = m.start("n")
    if m["rel"]:
        begin = m.start("rel")
    elif m["mod"] and words(m["mod"]) in lexicon()["quantity_mods_in_span"]:
        return m.start("mod")
    text = m.string
    if text[max(m.start(), begin - 4):begin].lower() == "the " and (m["rel"] or m["unit"].lower() == "months"):
        begin -= 4
    return begin


def norm_vague_units(m: re.Match[str], ctx: Context) -> Timex | None:
    token = (m["unit"] or m["unit2"] or m["adjunit"]).lower()
    unit = _unit_code(token)  # "recent months", "the coming years", "several days": a vague duration
    return make_timex(ctx, m, "DURATION", duration_value(None, unit))


def norm_ago(m: re.Match[str], ctx: Context) -> Timex | None:
    unit = _unit_code(m["unit"])
    amount = number_value(m["n"])
    backward = words(m["dir"]) in ("ago", "earlier", "before")
    mod = mod_of(m["mod"])
    if amount is None:
        return make_timex(ctx, m, "DATE", "PAST_REF" if backward else "FUTURE_REF", mod=mod)
    if amount != int(amount):
        return None
    steps = int(amount) * (-1 if backward else 1)
    if unit == "Y" and abs(steps) <= 2 and ctx.last_quarter is not None and \
            m.start() - ctx.last_quarter[2] <= 400:
        year, quarter = ctx.last_quarter[0] + steps, ctx.last_quarter[1]
        return make_timex(ctx, m, "DATE", f"{year:04d}-Q{quarter}", relative=True, mod=mod)
    narrative = words(m["dir"]) in ("earlier", "later", "before", "after")
    if narrative and ctx.last_absolute:
        # from the date the text gave last, never from the document's: "a decade later" after "the mid-1990s"
        # is not ten years after publication
        value = shift_value(parse_reference(ctx.last_absolute), unit, steps)
    elif narrative and not backward:
        value = None  # "Three days later, police arrested a man" with nothing dated before: later than what?
    else:
        value = shift_value(ctx.ref, unit, steps)
    if value is None:
        return make_timex(ctx, m, "DATE", _unknown_at(unit), mod=mod)
    return make_timex(ctx, m, "DATE", value, relative=True, mod=mod)


def _unknown_at(unit: str) -> str:
    return {"Y": "XXXX", "DE": "XXX", "CE": "XX", "Q": "XXXX-QX", "M": "XXXX-XX", "W": "XXXX-WXX",
            "W2": "XXXX-WXX", "WE": "XXXX-WXX-WE"}.get(unit, "XXXX-XX-XX")




@cache
def _of_after_re() -> re.Pattern[str]:
    """ "of" and a time or a thing with a span of its own: "of August", "of the war", "of 1918", "of World War II"
    (not "the last week of trading", "the last decade of struggle": the last week, the last decade)."""
    return re.compile(rf"\s+of\s+(?:{placeholders()['MONTH_FULL']}|the|this|that|his|her|its|their|a|an)\b"
                      r"|\s+of\s+(?-i:[A-Z]|\d)", re.IGNORECASE)


_REL_SHIFT = {"last": -1, "past": -1, "previous": -1, "prior": -1, "preceding": -1, "next": 1, "coming": 1,
              "following": 1, "this": 0, "current": 0, "same": 0, "latest": 0, "that": 0}
_ADJ_SHIFT = {"year earlier": ("Y", -1), "year ago": ("Y", -1), "year before": ("Y", -1),
              "year end": ("YE", 0), "year's end": ("YE", 0), "year’s end": ("YE", 0), "month earlier": ("M", -1),
              "week earlier": ("W", -1)}


def norm_rel_unit(m: re.Match[str], ctx: Context) -> Timex | None:
    if m["adj"]:
        return _relative_adjective(m, ctx)
    if m["theweekend"]:
        return _the_weekend(m, ctx)
    unit = _unit_code(m["unit"])
    rel = m["rel"].lower()
    if rel == "last" and ctx.text[max(0, m.start("rel") - 4):m.start("rel")].lower() == "the " and \
            _of_after_re().match(ctx.text, m.end()):
        return None  # "the last week of August", "the last year of the war": not the one before the reference
    steps = _REL_SHIFT[rel]
    mod = mod_of(m["mod"])
    anchored = _anchored_year(m, ctx, unit, rel, steps)
    if anchored is not None:
        return anchored
    if unit == "DE":
        value = None if ctx.ref.year is None else f"{ctx.ref.year // 10 + steps:03d}"
    else:
        value = shift_value(ctx.ref, unit, steps)
    if value is None:
        return make_timex(ctx, m, "DATE", _unknown_at(unit), mod=mod)
    return make_timex(ctx, m, "DATE", value, relative=True, mod=mod)


def _anchored_year(m: re.Match[str], ctx: Context, unit: str, rel: str, steps: int) -> Timex | None:
    """"the following year", "that month", "the following week", "the previous year" count from the last date the
    text named (a history's "the next year" too); "that month", "the same year", "the following week" with no such
    date are of no year we know (they had been the reference's). None: the reference decides."""
    anchoring = rel in _ANCHORED_RELS or (rel == "next" and ctx.narrative)
    if unit not in _ANCHOR_LENGTH or not anchoring \
            or not m.group(0).lower().lstrip().startswith(("the", "that", "later", "earlier", "late", "early")):
        return None
    named, mod = ctx.last_absolute, mod_of(m["mod"])
    if named is None or len(named) < _ANCHOR_LENGTH[unit]:
        if rel in ("that", "same", "following") or ctx.narrative:
            return make_timex(ctx, m, "DATE", _unknown_at(unit), mod=mod)
        return None
    if unit == "W":
        day = date(int(named[:4]), int(named[5:7]), int(named[8:10])) + timedelta(days=7 * steps)
        return make_timex(ctx, m, "DATE", format_week(day), relative=True, mod=mod)
    if unit == "M":
        year, month = shift_month(int(named[:4]), int(named[5:7]), steps)
        return make_timex(ctx, m, "DATE", f"{year:04d}-{month:02d}", relative=True, mod=mod)
    return make_timex(ctx, m, "DATE", f"{int(named[:4]) + steps:04d}", relative=True, mod=mod)


_ANCHORED_RELS = frozenset({"following", "previous", "preceding", "that", "same", "prior"})
_ANCHOR_LENGTH = {"Y": 4, "M": 7, "W": 10}  # the precision a named date needs to anchor the unit


def _the_weekend(m: re.Match[str], ctx: Context) -> Timex | None:
    """"the weekend": the one just past (the coming one in a future-tense sentence)."""
    ref = ctx.ref.date
    if ref is None:
        return make_timex(ctx, m, "DATE", "XXXX-WXX-WE")
    if ref.isoweekday() < 6 and tense_of(ctx.text, m.start(), m.end()) != "future":
        ref -= timedelta(days=ref.isoweekday())
    return make_timex(ctx, m, "DATE", format_week(ref) + "-WE", relative=True)


def _relative_adjective(m: re.Match[str], ctx: Context) -> Timex | None:
    unit, steps = _ADJ_SHIFT[words(m["adj"])]
    if unit == "YE":  # the coming year-end; "since year-end": the one before the reference
        back = 1 if anchor_before(ctx.text, m.start()) == "since" else 0
        value = None if ctx.ref.year is None else f"{ctx.ref.year - back:04d}-12-31"
        return make_timex(ctx, m, "DATE", value or "XXXX-12-31", relative=value is not None)
    if unit == "Y" and ctx.last_quarter is not None and m.start() - ctx.last_quarter[2] <= 400:
        year, quarter = ctx.last_quarter[0] - 1, ctx.last_quarter[1]
        return make_timex(ctx, m, "DATE", f"{year:04d}-Q{quarter}", relative=True)
    value = shift_value(ctx.ref, unit, steps)
    return make_timex(ctx, m, "DATE", value or _unknown_at(unit), relative=value is not None)


def norm_set(m: re.Match[str], ctx: Context) -> Timex | None:
    if m["adverb"]:
        return make_timex(ctx, m, "SET", str(lexicon()["set_adverbs"][words(m["adverb"])]))
    unit = m["unit"].lower()
    weekdays, seasons = lexicon()["weekdays"], lexicon()["seasons"]
    if unit in weekdays:
        return make_timex(ctx, m, "SET", f"XXXX-WXX-{weekdays[unit]}")
    if unit in seasons:
        return make_timex(ctx, m, "SET", f"XXXX-{seasons[unit]}")
    if not m["n"]:
        return make_timex(ctx, m, "SET", _SET_UNITS[unit])
    amount = 2.0 if m["n"].lower() in ("other", "second") else number_value(m["n"])
    if amount is None or unit not in ("day", "week", "month", "year", "hour", "minute", "quarter"):
        return None
    return make_timex(ctx, m, "SET", duration_value(amount, _unit_code(unit)))


def shift_value(ref: Reference, unit: str, amount: int) -> str | None:
    """The reference moved by ``amount`` units, written at that unit's precision."""
    if ref.year is None:
        return None
    if unit in ("Y", "DE", "CE", "ML"):
        factor = {"Y": 1, "DE": 10, "CE": 100, "ML": 1000}[unit]
        return f"{ref.year + amount * factor:04d}"
    if ref.month is None:
        return None
    if unit == "Q":
        year, quarter = shift_quarter(ref.year, quarter_of(ref.month), amount)
        return f"{year:04d}-Q{quarter}"
    if unit == "M":
        year, month = shift_month(ref.year, ref.month, amount)
        return f"{year:04d}-{month:02d}"
    day = ref.date
    if day is None:
        return None
    if unit in _SECONDS_IN:
        return _clock_shift(day, amount * _SECONDS_IN[unit])
    if unit in ("W", "W2", "WE"):
        step = 14 if unit == "W2" else 7
        shifted = format_week(day + timedelta(days=step * amount))
        return shifted + ("-WE" if unit == "WE" else "")
    return format_day(day + timedelta(days=amount))


_SECONDS_IN = {"TH": 3600, "TM": 60, "TS": 1}


def _clock_shift(day: date, seconds: int) -> str | None:
    """ "three hours ago", "20 minutes later" from a reference with no time of day: under a day, the reference
    day itself (had been three days ago); whole days when it comes out whole ("48 hours ago"); else unknown."""
    if abs(seconds) < 86400:
        return format_day(day)
    if seconds % 86400 == 0:
        return format_day(day + timedelta(days=seconds // 86400))
    return None


RELATIVE_NORMALIZERS: dict[str, Callable[[re.Match[str], Context], Timex | None]] = {
    "dayword": norm_dayword, "rel_day": norm_rel_day, "weekday": norm_weekday, "day_part": norm_day_part,
    "clock": norm_clock, "noon": norm_noon, "ref": norm_ref, "duration": norm_duration,
    "vague_units": norm_vague_units, "ago": norm_ago, "rel_unit": norm_rel_unit, "set": norm_set,
}
