"""What resolving a speaker phrase may consult: the document's layout, its people, and the quotes so far.

A :class:`Scene` is built once per document by ``quotes`` and grows as quotes are attributed (its
``history``), so that a pronoun can follow the speaker of the quote before it.  Only mentions in body
paragraphs count as candidates: a headline, a byline author, a photographer credit or a caption never
names the speaker of a quote in the body.  Everything here is pure and per document.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from storyline.annotate.entities import person_gender
from storyline.model import Block, Entity, Mention, Quote, SpeakerKind

__all__ = ["Resolution", "Scene", "source_words"]

BODY = "paragraph"
GENDER_PRONOUN_RE = re.compile(r"\b(?:(he|his|him|himself)|(she|her|hers|herself))\b", re.IGNORECASE)
# "the daughter of one resident", "the son of a victim": related to someone not named, so someone new
OF_SOMEONE_NEW_RE = re.compile(r"\sof\s+(?:a|an|one|another|some|two|three|four|five|several)\s+[a-z]")
ROLE_WORD_RE = re.compile(r"[\w-]+")
SENTENCE_STOP_RE = re.compile(r"[.!?](?:\s|$)|[“\"‘]")
CONJOINED_BEFORE_RE = re.compile(r"(?:\band|&)\s+(?:(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+)?$")
CONJOINED_AFTER_RE = re.compile(r"\s+(?:and|&)\s+(?:(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+)?[A-Z]")
# the first of two people joined by "and": "Mr." in "Mr. and Mrs. Khan", "Karen Hughes" in "Karen Hughes and ..."
FIRST_MEMBER_RE = re.compile(r"(?:(?:Mr|Mrs|Ms|Miss|Dr)\.?\s*)?(?:[A-Z][\w’'.-]*\s*){0,3}\s*$")
OBJECT_BEFORE_RE = re.compile(
    r"(?:\b(?:by|of|to|for|with|from|against|about|on|at|in|into|than|like|under|between|among|including|"
    r"alongside|without|unlike|represented|representing|met|told|"
    r"asked|thanked|accused|blamed|criticised|criticized|praised|replaced|succeeded|beat|defeated|joined|"
    r"interviewed|called|named|appointed|sued|charged|arrested|visited|helped|backed|urged|saw|see|sees|seen|knew|"
    r"knows|hired|fired|killed|shot|attacked|followed|watched|heard|married|phoned|emailed|contacted|endorsed|"
    r"supported|opposed|hugged|greeted|introduced|thanks|praises|blames)|[’']s)\s+"
    r"(?:(?:the|a|an|his|her|their|its)\s+)?(?:[a-z][\w-]*\s+){0,2}$"
)

PHRASE_START_RE = re.compile(r"\b(?:the|a|an|his|her|their|its|our|[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*['’]s)\s")
OBJECT_VERBS = frozenset({"mention", "mentions", "thank", "thanks", "blame", "blames", "praise", "praises", "meet",
                          "meets", "met", "see", "sees", "saw", "include", "includes", "including", "call", "calls",
                          "name", "names", "hire", "hires", "fire", "fires", "beat", "beats", "join", "joins"})


@dataclass(frozen=True)
class Resolution:
    """Who a speaker phrase stands for.

    ``speaker`` is an entity id (None when no entity stands for it), ``speaker_name`` a name or a
    non-person source fit to print ("press release", "residents"); an unresolved description ("the
    retired teacher") has no name, only ``description``.  ``members`` are the named people of a group.
    """

    speaker: str | None
    speaker_name: str | None
    confidence: float
    kind: SpeakerKind | None = None
    description: str | None = None
    members: tuple[str, ...] = ()


@lru_cache(maxsize=1)
def source_words() -> dict[str, Any]:
    """The word lists of ``data/quotes_sources.json``."""
    raw = resources.files("storyline.data").joinpath("quotes_sources.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(raw)
    return data


@dataclass
class Scene:
    """One document as speaker resolution sees it."""

    text: str
    blocks: list[Block]
    mentions: list[Mention]
    entities: list[Entity]
    regions: list[tuple[int, int]] = field(default_factory=list)  # quote spans: names inside are not candidates
    source_kind: str | None = None  # the document itself as a source ("press release", "letter")
    history: list[Quote] = field(default_factory=list)  # quotes attributed so far, in text order
    # while a quote running over paragraphs is attributed at its end ("…” she said."), where it opens: the
    # pronoun may reach back to the paragraph before the quote's first
    quote_opening: int | None = None

    def __post_init__(self) -> None:
        # computed once per document (plain attributes: cached_property takes a lock on every read)
        self.by_id: dict[str, Entity] = {e.id: e for e in self.entities}
        self._block_ends = [b.end for b in self.blocks]
        self._ordered_regions = sorted(self.regions)
        self._region_starts = [a for a, _ in self._ordered_regions]
        self._all = sorted(self.mentions, key=lambda m: m.start)
        self._all_starts = [m.start for m in self._all]
        self.body_mentions: list[Mention] = self._in_body_outside_quotes()
        self._mention_starts = [m.start for m in self.body_mentions]
        self._genders: dict[str, str | None] | None = None
        self.organisations: list[tuple[Entity, frozenset[str], int]] | None = None  # filled by speaker_sources

    def _in_body_outside_quotes(self) -> list[Mention]:
        """Mentions (not pronouns) in body paragraphs and outside quotes, in one pass over the sorted lists."""
        blocks = [(b.start, b.end) for b in self.blocks if b.kind == BODY] if self.blocks else [(0, len(self.text))]
        regions = self._ordered_regions
        out: list[Mention] = []
        b = r = 0
        for m in self._all:
            while b < len(blocks) and blocks[b][1] <= m.start:
                b += 1
            while r < len(regions) and regions[r][1] <= m.start:
                r += 1
            in_body = b < len(blocks) and blocks[b][0] <= m.start
            quoted = any(a <= m.start < e for a, e in regions[r : r + 2])
            if in_body and not quoted and m.kind != "pronoun":
                out.append(m)
        return out

    def mention_covering(self, start: int, end: int) -> Mention | None:
        """The longest mention that starts in the phrase ``[start - 1, end)`` and covers its last character."""
        last = end - 1
        best: Mention | None = None
        for m in self._all[bisect_left(self._all_starts, start - 1) : bisect_right(self._all_starts, last)]:
            if last < m.end and (best is None or m.end - m.start > best.end - best.start):
                best = m
        return best

    def block_index(self, pos: int) -> int:
        if not self.blocks:
            return 0
        return min(bisect_left(self._block_ends, pos + 1), len(self.blocks) - 1)

    def in_body(self, pos: int) -> bool:
        return not self.blocks or self.blocks[self.block_index(pos)].kind == BODY

    def quoted(self, pos: int) -> bool:
        index = bisect_right(self._region_starts, pos) - 1
        return index >= 0 and self._ordered_regions[index][0] <= pos < self._ordered_regions[index][1]

    def window_start(self, pos: int) -> int:
        """Start of the paragraph before the one holding ``pos`` (when it is a body paragraph), else of this one;
        from before the opening paragraph of a quote running over several (see ``quote_opening``)."""
        start = self._paragraph_window(pos)
        if self.quote_opening is not None and self.quote_opening < pos:
            start = min(start, self._paragraph_window(self.quote_opening))
        return start

    def _paragraph_window(self, pos: int) -> int:
        if not self.blocks:
            return max(0, pos - 600)
        index = self.block_index(pos)
        if index > 0 and self.blocks[index - 1].kind == BODY and self.blocks[index].kind == BODY:
            return self.blocks[index - 1].start
        return self.blocks[index].start

    def mentions_between(self, lo: int, hi: int) -> list[Mention]:
        starts = self._mention_starts
        return self.body_mentions[bisect_left(starts, lo) : bisect_left(starts, hi)]

    def gender(self, entity_id: str) -> str | None:
        """"female", "male" or None: honorifics, given names, gendered roles, then pronouns right after a mention."""
        if self._genders is None:
            self._genders = self._find_genders()
        return self._genders.get(entity_id)

    def learn_gender(self, entity_id: str, gender: str) -> None:
        """A pronoun of ``gender`` was given to a person whose gender nothing else told: later pronouns agree."""
        if self.gender(entity_id) is None:
            assert self._genders is not None
            self._genders[entity_id] = gender

    def _find_genders(self) -> dict[str, str | None]:
        nouns = source_words()["gendered_nouns"]
        out: dict[str, str | None] = {}
        for entity in self.entities:
            if entity.type != "person":
                continue
            gender = person_gender(entity) or _role_gender(entity, nouns)
            if gender is None:
                votes = [_local_gender(self.text, m) for m in self.mentions if m.entity == entity.id]
                found = {v for v in votes if v}
                gender = found.pop() if len(found) == 1 else None
            out[entity.id] = gender
        return out

    def subject_like(self, mention: Mention) -> bool:
        """Whether a mention can be the subject of its clause: not a possessive, not after a preposition or verb."""
        if self.text.startswith(("’s", "'s"), mention.end):
            return False
        lo = max(0, mention.start - 40)
        if OBJECT_BEFORE_RE.search(self.text, lo, mention.start) is not None:
            return False
        if CONJOINED_BEFORE_RE.search(self.text, lo, mention.start) or CONJOINED_AFTER_RE.match(self.text, mention.end):
            return False  # "Dean and Marcia Holloway said": two people, no "he" (see conjoined_subject)
        return not (self.text.endswith(", ", lo, mention.start) and self._apposed_to_object(mention.start - 2))

    def conjoined_subject(self, mention: Mention) -> bool:
        """Whether a mention is one of two people joined as a clause's subject ("Karen Hughes and Linda Reyes run
        the group"; not "jabs at Mr. and Mrs. Khan were ...", whose first member follows a preposition)."""
        if self.text.startswith(("’s", "'s"), mention.end):
            return False
        lo = max(0, mention.start - 40)
        joined = CONJOINED_BEFORE_RE.search(self.text, lo, mention.start)
        if joined is not None:
            first = FIRST_MEMBER_RE.search(self.text, max(0, joined.start() - 40), joined.start())
            start = first.start() if first is not None else joined.start()
        elif CONJOINED_AFTER_RE.match(self.text, mention.end):
            start = mention.start
        else:
            return False
        return OBJECT_BEFORE_RE.search(self.text, max(0, start - 40), start) is None

    def _apposed_to_object(self, comma: int) -> bool:
        """ "to mention the author of that boast, Muhammad Ali, who ...": the phrase before the comma is the object
        of a verb (not "Mr. Trump's campaign chairman, Paul Manafort, dismissed ...", which starts its clause)."""
        lo = max(0, comma - 80)
        start = max(self.text.rfind(",", lo, comma), self.text.rfind(". ", lo, comma), self.text.rfind("\n", lo, comma))
        stretch = self.text[max(lo, start + 1) : comma]
        phrase = PHRASE_START_RE.search(stretch)
        before = stretch[: phrase.start()].split() if phrase is not None else []
        return bool(before) and (before[-1].endswith("ed") or before[-1] in OBJECT_VERBS)

    def speaker_quotes(self, lo: int, hi: int) -> list[Quote]:
        """Attributed quotes (a person entity as speaker) that start in ``[lo, hi)``."""
        return [q for q in self.history if q.speaker is not None and lo <= q.start < hi
                and self.by_id.get(q.speaker) is not None and self.by_id[q.speaker].type == "person"]


def _role_gender(entity: Entity, nouns: dict[str, str]) -> str | None:
    found = {nouns[w] for r in entity.roles for w in ROLE_WORD_RE.findall(r.role.lower()) if w in nouns}
    return found.pop() if len(found) == 1 else None


def _local_gender(text: str, mention: Mention) -> str | None:
    """Gender from the first he/his/him or she/her right after a mention, in its own sentence, outside quotes."""
    tail = text[mention.end : mention.end + 120]
    stop = SENTENCE_STOP_RE.search(tail)
    match = GENDER_PRONOUN_RE.search(tail, 0, stop.start() if stop else len(tail))
    if match is None:
        return None
    return "male" if match.group(1) else "female"
