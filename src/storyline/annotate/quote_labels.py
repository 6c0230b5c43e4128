"""Transcript lines: a speaker's name as a label before a colon, opening a paragraph.

    JAKE TAPPER: The mayor released a video on Friday. Take a listen.
    Alex Seitz-Wald: She is right on all these things if you dig down.
    Rep. Trey Gowdy (R-S.C.): Who told you that?

What follows the colon, to the end of the line, is the labelled person's words: a direct quote without
quotation marks (words in quotation marks after the label are left to the direct-quote finder). A label is a
name in capitals, as transcripts write them: two to four words that are no rubric ("STAT OF THE WEEK:",
"EDITOR'S NOTE:"), or one word that is the surname of a person named in the text ("TRUMP:" beside "Donald
Trump"). Or it is a person the entities stage found (after titles only, a party tag allowed) when what follows
sounds said: in the first person, or eight words or more ("Sanders: Win in a walk." is a goal in a preview,
"Marco Rubio: Retirement accounts" a section's name). Never "Q:"/"A:": who asks and who answers is not named.
"""

from __future__ import annotations

import re

from storyline.annotate.quote_indirect import Found
from storyline.annotate.quote_marks import BODY_KINDS, OPENING_MARKS
from storyline.annotate.speakers import PARTY_TAG, SpeakerSpan
from storyline.model import Block, Mention

LABEL_RE = re.compile(rf"(?P<label>[^\n:]{{1,60}}?)(?P<tag>{PARTY_TAG})?\s*:[^\S\n]+(?=\S)")
CAPITALS_WORD_RE = re.compile(r"[A-Z][A-Z’'.\-]*[A-Z]\.?|[A-Z]\.")
CONTENT_WORD_RE = re.compile(r"[A-Za-z][\w’'-]*")
TITLE_WORDS = frozenset({"Councillor", "Cllr", "Mayor", "Former", "former", "President", "Senator", "Representative",
                         "Governor", "Judge", "Sir", "Dame", "Lord", "Lady", "Chief", "Deputy", "Minister", "Premier",
                         "Secretary", "Professor", "Doctor", "Reverend", "Father", "Sister", "Inspector", "Sergeant",
                         "Constable", "Detective", "Superintendent", "Commissioner", "Chair", "Chairman", "Chairwoman",
                         "Speaker", "Leader", "MP", "MPP", "MLA", "MSP", "Coun", "Trustee", "Alderman", "Rabbi"})
FUNCTION_WORDS = frozenset({"OF", "THE", "A", "AN", "IS", "IN", "ON", "AT", "TO", "FOR", "AND", "OR", "BY", "WITH",
                            "WHAT", "WHY", "HOW", "WHO", "WHEN", "WHERE", "NOT", "NO", "IT", "THIS", "THAT", "OUR",
                            "YOUR", "MY", "WE", "ARE", "WAS", "BE", "UP", "OUT", "NEW", "WEEK", "DAY", "NEWS"})
FIRST_PERSON = frozenset({"i", "i'm", "i’m", "i've", "i’ve", "i'd", "i’d", "i'll", "i’ll", "me", "my", "we", "we're",
                          "we’re", "we've", "we’ve", "our", "us"})
RUBRICS = frozenset({
    "Q", "A", "NOTE", "UPDATE", "UPDATED", "EDITOR'S NOTE", "EDITOR’S NOTE", "CORRECTION", "CLARIFICATION", "WATCH",
    "VIDEO", "PHOTO", "PHOTOS", "RELATED", "READ MORE", "MORE", "BREAKING", "BREAKING NEWS", "EXCLUSIVE", "ANALYSIS",
    "OPINION", "POLL", "LISTEN", "SOURCE", "SOURCES", "DISCLOSURE", "FILE", "WARNING", "ALERT", "TRANSCRIPT",
    "CAPTION", "CREDIT", "PHOTO CREDIT", "LIVE", "LIVE UPDATES", "FACT CHECK", "THE LATEST", "WHAT'S NEXT",
    "WHAT’S NEXT", "BACKGROUND", "CONTEXT", "TIMELINE", "EDITORIAL", "LETTERS", "TOPICS", "TAGS", "SEE ALSO",
})


def find_label_quotes(text: str, blocks: list[Block], mentions: list[Mention]) -> list[Found]:
    """Each body paragraph opening with a speaker's label: its words after the colon (to the end of the line),
    the speaker's."""
    people: list[Mention] | None = None  # read only for a paragraph with a colon near its start
    surnames: set[str] = set()
    found: list[Found] = []
    for block in blocks:
        if block.kind not in BODY_KINDS and block.kind != "subheading":  # "KATE BOLDUAN: Why not?" is short
            continue
        start = block.start + len(text[block.start : block.end]) - len(text[block.start : block.end].lstrip())
        if text.find(":", start, min(block.end, start + 90)) == -1:
            continue  # no colon where a label could end (cheap: most paragraphs)
        match = LABEL_RE.match(text, start, block.end)
        if match is None or text[match.end() : match.end() + 1] in OPENING_MARKS:
            continue
        if people is None:
            people = [m for m in mentions if m.type == "person"]
            surnames = {m.text.split()[-1].upper() for m in people if m.text.split()}
        line_end = text.find("\n", match.end(), block.end)
        end = match.end() + len(text[match.end() : block.end if line_end == -1 else line_end].rstrip())
        words = CONTENT_WORD_RE.findall(text, match.end(), end)
        label_start, label_end = match.span("label")
        label = text[label_start:label_end]
        if len(words) < 2 or not (_capitals_label(label, surnames) or _person_label(
                label, label_start, label_end, people) and _sounds_spoken(words, label)):
            continue  # "Hillary Clinton: 1,769.", "Sanders: Win in a walk." (a goal), "Marco Rubio: Retirement accounts"
        colon = text.index(":", match.end("tag") if match.group("tag") else label_end)
        found.append(Found(match.end(), end, "direct", SpeakerSpan(label_start, label_end, "name"),
                           (colon, colon + 1), 0.7))
    return found


def _capitals_label(label: str, surnames: set[str]) -> bool:
    """"JAKE TAPPER", "KATE BOLDUAN", or "TRUMP" beside "Donald Trump"; not "STAT OF THE WEEK", "UPDATE"."""
    words = label.split()
    if not words or label.strip() in RUBRICS or not all(CAPITALS_WORD_RE.fullmatch(w) for w in words):
        return False
    if any(w in FUNCTION_WORDS for w in words):
        return False
    if len(words) == 1:
        return words[0].rstrip(".") in surnames and len(words[0]) > 2
    return len(words) <= 4


def _person_label(label: str, start: int, end: int, people: list[Mention]) -> bool:
    """A person the entities stage found, after titles only: "Alex Seitz-Wald", "Rep. Trey Gowdy" (never
    "Carly Fiorina Endorses Ted Cruz")."""
    return any(m.end == end and start <= m.start and all(w in TITLE_WORDS or w.endswith(".")
                                                          for w in label[: m.start - start].split())
               for m in people)


def _sounds_spoken(words: list[str], label: str) -> bool:
    """A person's label in mixed case is a speaker when what follows is said, not a goal or a section name: it
    speaks in the first person or runs to a sentence ("Lynch: No outside influence on FBI probe into ..."), and
    does not name the person again ("Marco Rubio: Retirement accounts Two years ago, Senator Marco Rubio ...")."""
    if label.split()[-1] in words:
        return False
    return len(words) >= 8 or any(w.lower() in FIRST_PERSON for w in words)
