"""Finding reported speech: direct quotes (in quotation marks), indirect and mixed speech.

Span conventions (the export contract):

* direct: ``start``/``end`` cover the words inside the quotation marks; a quote
  running over several paragraphs (a paragraph opens it without closing it, the
  next re-opens it) is one quote from the first opening mark to the last closing mark.
* indirect: the reported clause, including a leading "that", without the final full stop
  ("Smith said that the council had overspent." -> "that the council had overspent").
* mixed: indirect speech that carries a quoted fragment
  ("Smith said the plan was “a disgrace”.") is one quote of kind ``mixed`` covering the
  whole clause, marks included; the fragment is not reported separately.

Quotation marks are paired in ``quote_marks`` (curly/straight, double/single, British
style, apostrophes, recovery from an unmatched mark).  Short unattributed quotes (scare
quotes, titles) are dropped; quotes in headlines are kept but never get a speaker.

Speakers, most certain first (confidence in brackets): a phrase bound to the cue in the
same sentence (``"…," said X`` / ``X said: "…"`` / ``According to X``: 0.85-0.9 for a
name, lower for a pronoun resolved by ``speakers``); a colon-ended previous paragraph
(``He told the meeting:`` then the quote: <= 0.8); a quote with no cue of its own
continues the previous speaker (0.6) -- then ``speaker_mention`` and ``cue`` stay
``None``, as GGT annotates such "floating" quotes.  Below 0.5 the speaker stays ``None``.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from storyline.annotate.quote_marks import BODY_KINDS, SCARE_MAX_WORDS, WORD_RE, DirectSpan, find_direct_spans
from storyline.annotate.speakers import (
    NAME,
    PRONOUN,
    Resolution,
    SpeakerSpan,
    attribute_speaker,
    lexicon,
    speaker_after,
    speaker_at_start,
    speaker_before,
    speaker_inverted,
)
from storyline.model import Block, Entity, Mention, Quote, Sentence

__all__ = ["DirectSpan", "find_direct_spans", "find_quotes", "reported_clause_start"]

SENTENCE_RE = re.compile(r"[^.!?\n]+(?:[.!?]+[”\"’']*|\n|$)")
FROM_THAT_RE = re.compile(r"\s+(?:(?:on|in|at|during|after|before|to|from|with|via|through|earlier|late|last|this)\b"
                          r"[^,;:“”\"]{0,60}?\s+)?(?=that\b)")
OBJECT_RE = re.compile(
    rf"\s+(?:reporters|journalists|him|her|them|us|me|you|{NAME}|the\s+{NAME}"
    r"|(?:the|a|an|his|her|their|its)\s+[a-z][\w-]*(?:\s+[a-z][\w-]*)?)(?=[\s,:])"
)
FIRST_WORD_RE = re.compile(r"\s*,?\s*(?P<w>[\w’'-]+|[“\"‘])")
CLAIM_NOUN_RE = re.compile(r"claims?|allegations?|accusations?|suggestions?|reports?|charges?|criticism|assertions?")
CONJOINED_RE = re.compile(r"(?:,\s*|\s+(?:and|but)\s+(?:(?:[a-z]+ly|has|have|had|also|then|later)\s+)*)$")
LATER_LINK_RE = re.compile(r"(?:,|;|\b(?:and|but|though|although|while|whereas|yet))\s*$")
TRAILING_LINK_RE = re.compile(r"(?:[,;]?\s*\b(?:and|but|though|although|while|whereas|yet)\b)?[\s,;]*$")
SPLIT_RE = re.compile(r",?\s+(?:but|and)\s+(?:also\s+)?(?P<that>that)\b")
SENTENCE_OPEN_RE = re.compile(r"(?:^|[.!?][\"”’']*\s+|\n\s*)[“\"'‘]{0,2}$")
OBJECT_THAT_RE = re.compile(r"\s+[^,;:.“”\"]{1,80}?\s(?=that\b)")
PLACE_ADJUNCT_RE = re.compile(
    r"(?:\s+(?:outside|inside|at|in|on|during|after|before|from|to|with|via|through|near|following)\b"
    r"[^,:;“”\"]{0,50})?\s*[:,]?\s*"
)
COLON_SUBJECT_RE = re.compile(rf"\s*(?P<subj>{NAME}|{PRONOUN})\s+[a-z]")


@dataclass
class _Found:
    start: int
    end: int
    kind: str
    speaker_span: SpeakerSpan | None = None
    cue: tuple[int, int] | None = None
    bound: float = 0.0  # how strongly the speaker phrase is bound to the cue
    inherit: bool = False
    absorbed: list[int] = field(default_factory=list)


# --- attribution of direct quotes ---------------------------------------------------


def _sentence_start(sentences: list[Sentence], pos: int) -> int:
    start = 0
    for s in sentences:
        if s.start <= pos:
            start = s.start
        else:
            break
    return start


def _attribute_after(text: str, span: DirectSpan, limit: int) -> _Found | None:
    if span.close is None or span.close_end is None:
        return None
    content = text[span.content_start : span.content_end].rstrip()
    tail = text[span.close_end : limit]
    if content.endswith(".") and not re.match(r"\s*,?\s*[a-z]", tail):
        return None  # the quote ended its sentence; what follows is a new one
    found = speaker_after(text, span.close_end, limit) or speaker_inverted(text, span.close_end, limit)
    if found is None:
        return None
    speaker, cue = found
    return _Found(span.content_start, span.content_end, "direct", speaker, cue, 0.9)


def _cue_before(text: str, lo: int, end: int) -> tuple[tuple[int, int], str] | None:
    """The last reporting verb in text[lo:end] when only objects/adjuncts and [:,] or 'that' follow it."""
    lex = lexicon()
    last = None
    for match in lex.verb_re.finditer(text, lo, end):
        last = match
    if last is None:
        return None
    pos = last.end()
    if lex.lemma(last.group(0)) in lex.object_verbs:
        obj = OBJECT_RE.match(text, pos, end)
        pos = obj.end() if obj else pos
    adjunct = lex.adjunct_re.match(text, pos, end)
    pos = adjunct.end() if adjunct else pos
    rest = text[pos:end]
    if PLACE_ADJUNCT_RE.fullmatch(rest):
        return last.span(), "direct"
    if re.fullmatch(r",?\s+that\s*", rest):
        return last.span(), "mixed"
    return None


def _is_person(span: SpeakerSpan, mentions: list[Mention]) -> bool:
    """The phrase is exactly (or inside) one person mention: "As Mitchell" is not "Mitchell"."""
    return any(m.type == "person" and m.start <= span.start and span.end <= m.end for m in mentions)


def _attribute_before(text: str, span: DirectSpan, lo: int, mentions: list[Mention]) -> _Found | None:
    lex = lexicon()
    according = list(lex.according_re.finditer(text, lo, span.open))
    if according and re.fullmatch(r"\s*,\s*", text[according[-1].end() : span.open]):
        m = according[-1]
        return _Found(span.content_start, span.content_end, "direct", _span(m, "subj"), m.span("verb"), 0.85)
    cue = _cue_before(text, lo, span.open)
    if cue is not None:
        (cue_start, cue_end), kind = cue
        if text[cue_start:cue_end].endswith("ing"):  # "..., saying: “...”": the subject of the sentence
            speaker = speaker_at_start(text, lo, cue_start)
            speaker = speaker if speaker is not None and speaker.form in ("name", "pronoun") else None
        else:
            speaker = speaker_before(text, lo, cue_start)
        if kind == "mixed":
            that = text.rindex("that", lo, span.open)
            return _Found(that, span.content_end + 1, "mixed", speaker, (cue_start, cue_end), 0.85)
        return _Found(span.content_start, span.content_end, "direct", speaker, (cue_start, cue_end), 0.85)
    prefix = text[lo : span.open].rstrip()
    if prefix.endswith(":"):
        colon = lo + len(prefix) - 1
        speaker = None
        comma = text.find(",", lo, colon)
        for start in [lo] + ([comma + 1] if comma >= 0 else []):  # "Outside court, Fenwick was blunt:"
            subject = COLON_SUBJECT_RE.match(text, start, colon)
            candidate = _span(subject, "subj") if subject else None
            if candidate is not None and _is_person(candidate, mentions):
                speaker = candidate
                break
        return _Found(span.content_start, span.content_end, "direct", speaker, (colon, colon + 1), 0.65)
    return None


def _span(match: re.Match[str], group: str) -> SpeakerSpan:
    start, end = match.span(group)
    surface = match.group(group)
    form = "pronoun" if surface.lower() in lexicon().pronouns else ("name" if surface[:1].isupper() else "np")
    if re.match(r"(?:The|A|An)\s", surface):
        form = "np"
    return SpeakerSpan(start, end, form)


def _attribute_previous_paragraph(
    text: str, span: DirectSpan, blocks: list[Block], sentences: list[Sentence], mentions: list[Mention]
) -> _Found | None:
    """A quote opening a paragraph right after one that ends with a colon ("He said:")."""
    block = blocks[span.paragraph]
    if text[block.start : span.open].strip() or span.paragraph == 0:
        return None
    previous = blocks[span.paragraph - 1]
    prefix = text[previous.start : previous.end].rstrip()
    if previous.kind not in BODY_KINDS or not prefix.endswith(":"):
        return None
    end = previous.start + len(prefix)
    lo = max(previous.start, _sentence_start(sentences, end - 1))
    probe = DirectSpan(end, span.content_start, span.content_end, span.close, span.paragraph, close_end=span.close_end)
    found = _attribute_before(text, probe, lo, mentions)
    if found is not None:
        found.bound = min(found.bound, 0.8)
    return found


def _attribute_direct(
    text: str, spans: list[DirectSpan], i: int, blocks: list[Block], sentences: list[Sentence],
    mentions: list[Mention],
) -> _Found:
    span = spans[i]
    block = blocks[span.paragraph]
    if block.kind not in BODY_KINDS:
        return _Found(span.content_start, span.content_end, "direct")  # headlines are never speakers
    end_block = blocks[_block_index(blocks, span.content_end)]
    next_open = spans[i + 1].open if i + 1 < len(spans) else end_block.end
    limit = min(end_block.end, next_open, (span.close or span.content_end) + 200)
    found = _attribute_after(text, span, limit)
    if found is None:
        previous_end = spans[i - 1].close_end if i > 0 else None
        lo = max(block.start, _sentence_start(sentences, span.open), previous_end or 0)
        found = _attribute_before(text, span, lo, mentions)
    if found is None:
        found = _attribute_previous_paragraph(text, span, blocks, sentences, mentions)
    if found is None:
        found = _Found(span.content_start, span.content_end, "direct", inherit=True)
    return found


def _block_index(blocks: list[Block], pos: int) -> int:
    index = bisect_left([b.end for b in blocks], pos)
    return min(index, len(blocks) - 1)


# --- indirect speech ----------------------------------------------------------------


def reported_clause_start(text: str, verb: re.Match[str], end: int) -> int | None:
    """Where the reported clause after a reporting verb starts, or None when there is none."""
    lex = lexicon()
    lemma = lex.lemma(verb.group(0))
    pos = verb.end()
    that = FROM_THAT_RE.match(text, pos, end)
    if that is not None and (lemma not in lex.object_verbs or that.end() - pos < 40):
        return that.end()
    if lemma in lex.object_verbs:
        that = OBJECT_THAT_RE.match(text, pos, end)  # "told a crowd in Miami on Tuesday that ..."
        if that is not None:
            return that.end()
        obj = OBJECT_RE.match(text, pos, end)
        pos = obj.end() if obj else pos
    adjunct = lex.adjunct_re.match(text, pos, end)
    pos = adjunct.end() if adjunct else pos
    first = FIRST_WORD_RE.match(text, pos, end)
    if first is None:
        return None
    word = first.group("w")
    if CLAIM_NOUN_RE.fullmatch(word):
        return None  # "rejected claims that ...": a denial of someone else's words (see claims.py)
    if word in ("to", "not") and lemma in lex.infinitive_verbs:
        return first.start("w")
    if lemma in lex.object_verbs:
        return None  # "told an audience in Brampton": a hearer, not what was said
    if word.lower() in lex.content_openers or (word[:1].isupper() and word != "I" and len(word) > 1):
        return first.start("w")
    if word[:1].islower() and word not in lex.not_content and not word.endswith("ly"):
        return first.start("w")
    return None


def _content_end(text: str, start: int, end: int) -> int:
    content = text[start:end].rstrip()
    if content.endswith((".", "!", "?")) and not content.endswith(("...", "…")):
        content = content[:-1]
    return start + len(content.rstrip(" ,;:"))


def _enough_words(text: str, start: int, end: int, minimum: int = 3) -> bool:
    return len(WORD_RE.findall(text, start, end)) >= minimum


def _indirect_in_sentence(
    text: str, sentence: Sentence, inside: list[tuple[int, int]], verbs: list[re.Match[str]]
) -> list[_Found]:
    s0, s1 = sentence.start, sentence.end
    found = None
    if verbs and verbs[-1].start() > text.rfind(",", s0, s1) > 0:
        found = _trailing(text, s0, s1)
    if found is None and verbs and "," in text[s0:s1]:
        found = _parenthetical(text, s0, s1)
    if found is None and "ccording to" in text[s0:s1]:
        found = _according(text, s0, s1)
    if found is not None:
        return [found]
    hits: list[_Found] = []
    for verb in verbs:
        if _inside(verb.start(), inside):
            continue
        hit = _reported_clause(text, s0, s1, verb, later=bool(hits))
        if hit is None:
            continue
        if hits:
            previous = hits[-1]
            if not (previous.start < hit[1] < previous.end):
                continue
            previous.end = _content_end(text, previous.start, hit[1])
            previous.end = previous.start + len(TRAILING_LINK_RE.sub("", text[previous.start : previous.end]))
        hits.append(hit[0])
    return [part for hit in hits if _enough_words(text, hit.start, hit.end) for part in _split_conjoined(text, hit)]


def _inside(pos: int, regions: list[tuple[int, int]]) -> bool:
    """Whether ``pos`` falls in one of the sorted, non-overlapping ``regions``."""
    index = bisect_left(regions, (pos + 1, -1)) - 1
    return index >= 0 and regions[index][0] <= pos < regions[index][1]


def _reported_clause(
    text: str, s0: int, s1: int, verb: re.Match[str], later: bool
) -> tuple[_Found, int] | None:
    """The reported clause after ``verb`` with its speaker, and where its own clause begins."""
    speaker, bound = speaker_before(text, s0, verb.start()), 0.85
    if speaker is None:
        who = lexicon().who_re.search(text, max(s0, verb.start() - 120), verb.start())
        speaker = _span(who, "subj") if who is not None else None
    clause_start = speaker.start if speaker is not None else verb.start()
    if speaker is not None and later and not LATER_LINK_RE.search(text, s0, speaker.start):
        return None  # "said that the mayor had promised ...": a report inside the report
    if speaker is None:
        participle = verb.group(0).endswith("ing") or not text[s0 : verb.start()].rstrip().endswith(",")
        link = CONJOINED_RE.search(text, s0, verb.start())
        if not (participle and link):
            return None
        speaker, bound, clause_start = speaker_at_start(text, s0, verb.start()), 0.75, link.start()
    if speaker is None:
        return None
    start = reported_clause_start(text, verb, s1)
    if start is None:
        return None
    end = _content_end(text, start, s1)
    return _Found(start, end, "indirect", speaker, verb.span(), bound), clause_start


def _split_conjoined(text: str, found: _Found) -> list[_Found]:
    """"said A, but that B": two reported clauses, as the GGT guidelines annotate them."""
    match = SPLIT_RE.search(text, found.start + 1, found.end)
    if match is None or not _enough_words(text, found.start, match.start()):
        return [found]
    first = _Found(found.start, match.start(), found.kind, found.speaker_span, found.cue, found.bound)
    second = _Found(match.start("that"), found.end, found.kind, found.speaker_span, found.cue, found.bound)
    return [first, second]


def _trailing(text: str, s0: int, s1: int) -> _Found | None:
    lex = lexicon()
    lo = max(s0, s1 - 220)
    for pattern in (lex.trailing_re, lex.trailing_inverted_re):
        match = pattern.search(text, lo, s1)
        if match is None:
            continue
        end = _content_end(text, s0, match.start())
        if text[s0:end].lstrip()[:1] in "“\"‘'" or not _enough_words(text, s0, end, 4):
            return None
        start = s0 + len(text[s0:end]) - len(text[s0:end].lstrip())
        return _Found(start, end, "indirect", _span(match, "subj"), match.span("verb"), 0.85)
    return None


def _parenthetical(text: str, s0: int, s1: int) -> _Found | None:
    """"Residents will have to boil water, town officials say, after a pump failed.": the part before."""
    match = lexicon().parenthetical_re.search(text, s0, s1)
    if match is None:
        return None
    end = _content_end(text, s0, match.start())
    if text[s0:end].lstrip()[:1] in "“\"‘'" or not _enough_words(text, s0, end, 5):
        return None
    start = s0 + len(text[s0:end]) - len(text[s0:end].lstrip())
    return _Found(start, end, "indirect", _span(match, "subj"), match.span("verb"), 0.8)


def _according(text: str, s0: int, s1: int) -> _Found | None:
    match = lexicon().according_re.search(text, s0, s1)
    if match is None:
        return None
    before = text[s0 : match.start()].strip()
    if not before:
        comma = text.find(",", match.end(), s1)
        if comma < 0 or text[match.end() : comma].strip():
            return None
        start = comma + 1 + len(text[comma + 1 : s1]) - len(text[comma + 1 : s1].lstrip())
        end = _content_end(text, start, s1)
    else:  # "..., according to the report." or "... by 271 delegates according to a count by AP, but ..."
        start = s0 + len(text[s0:s1]) - len(text[s0:s1].lstrip())
        end = s0 + len(text[s0 : match.start()].rstrip(" ,;—–"))
    if not _enough_words(text, start, end, 4):
        return None
    return _Found(start, end, "indirect", _span(match, "subj"), match.span("verb"), 0.8)


# --- putting it together ------------------------------------------------------------


def _fallback_blocks(text: str) -> list[Block]:
    """Paragraphs split at blank lines (or single newlines) when no segmentation was given."""
    parts = re.finditer(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*", text)
    return [Block("paragraph", m.start(), m.end()) for m in parts if m.group(0).strip()]


def _fallback_sentences(text: str, blocks: list[Block]) -> list[Sentence]:
    out = []
    for index, block in enumerate(blocks):
        for m in SENTENCE_RE.finditer(text, block.start, block.end):
            if m.group(0).strip():
                out.append(Sentence(m.start(), m.end(), index))
    return out


def _uncovered_words(text: str, start: int, end: int, regions: list[tuple[int, int]]) -> int:
    count = 0
    for m in WORD_RE.finditer(text, start, end):
        if not any(a <= m.start() < b for a, b in regions):
            count += 1
    return count


def _merge(text: str, directs: list[_Found], indirects: list[_Found]) -> list[_Found]:
    """Indirect clauses that carry quoted fragments become mixed quotes; ones inside direct quotes go."""
    regions = [(d.start - 1, d.end + 1) for d in directs]
    kept: list[_Found] = []
    absorbed: set[int] = set()
    for found in indirects:
        overlapping = [i for i, (a, b) in enumerate(regions) if a < found.end and found.start < b]
        if not overlapping:
            kept.append(found)
            continue
        inside_quote = any(a <= found.start < b for a, b in (regions[i] for i in overlapping))
        if inside_quote or _uncovered_words(text, found.start, found.end, [regions[i] for i in overlapping]) < 1:
            continue
        if any(directs[i].speaker_span is not None and directs[i].kind == "direct" and
               _long(text, directs[i]) for i in overlapping):
            continue  # a full quote with its own attribution is not a fragment
        found.kind = "mixed"
        found.end = max([found.end] + [regions[i][1] for i in overlapping])
        absorbed.update(overlapping)
        kept.append(found)
    merged = [d for i, d in enumerate(directs) if i not in absorbed] + kept
    return sorted(merged, key=lambda f: f.start)


def _long(text: str, found: _Found) -> bool:
    return len(WORD_RE.findall(text, found.start, found.end)) > 8


def _keep_direct(text: str, found: _Found) -> bool:
    words = len(WORD_RE.findall(text, found.start, found.end))
    if words > SCARE_MAX_WORDS:
        return True
    ends_utterance = text[found.start : found.end].rstrip()[-1:] in (",", ".", "!", "?", "…")
    if found.speaker_span is not None and found.kind == "direct" and ends_utterance:
        return True
    # a whole short sentence in quotes ("No. Never.") rather than a scare-quoted phrase
    opens_sentence = SENTENCE_OPEN_RE.search(text, max(0, found.start - 6), max(0, found.start - 2) + 1) is not None
    return found.inherit and opens_sentence and text[found.start : found.end].rstrip()[-1:] in (".", "!", "?")


def find_quotes(
    text: str,
    blocks: list[Block],
    sentences: list[Sentence],
    mentions: list[Mention],
    entities: list[Entity],
    *,
    source_kind: str | None = None,
) -> list[Quote]:
    """Direct, indirect and mixed quotes of one document, each with its speaker when sure.

    ``source_kind`` ("press release", "letter", "report"...) names the document itself
    as the source of quotes introduced by "It went on:" and the like.
    """
    blocks = blocks or _fallback_blocks(text)
    sentences = sentences or _fallback_sentences(text, blocks)
    spans = find_direct_spans(text, blocks)
    directs = [_attribute_direct(text, spans, i, blocks, sentences, mentions) for i in range(len(spans))]
    directs = [d for d in directs if _keep_direct(text, d)]
    inside = [(s.open, s.close_end if s.close_end is not None else s.content_end + 1) for s in spans]
    indirects = []
    verbs = list(lexicon().verb_re.finditer(text))
    verb_starts = [v.start() for v in verbs]
    for sentence in sentences:
        if blocks[min(sentence.block, len(blocks) - 1)].kind not in BODY_KINDS:
            continue
        here = verbs[bisect_left(verb_starts, sentence.start) : bisect_left(verb_starts, sentence.end)]
        if here or "ccording to" in text[sentence.start : sentence.end]:
            indirects.extend(_indirect_in_sentence(text, sentence, inside, here))
    merged = _merge(text, directs, indirects)
    regions = [(f.start - 1, f.end + 1) for f in merged]
    return _resolve_all(text, merged, blocks, mentions, entities, regions, source_kind)


def _resolve_all(
    text: str,
    found: list[_Found],
    blocks: list[Block],
    mentions: list[Mention],
    entities: list[Entity],
    regions: list[tuple[int, int]],
    source_kind: str | None,
) -> list[Quote]:
    quotes: list[Quote] = []
    previous: Quote | None = None
    for number, f in enumerate(found, start=1):
        quote = Quote(f"q{number}", f.start, f.end, text[f.start : f.end], kind=f.kind, cue=f.cue)  # type: ignore[arg-type]
        if f.speaker_span is not None:
            span = f.speaker_span
            resolution = attribute_speaker(
                text, span, mentions, entities, excluded=regions, source_kind=source_kind,
                previous_speaker=previous.speaker if previous else None,
            )
            _apply(quote, resolution, min(f.bound, resolution.confidence), (span.start, span.end))
        elif f.inherit:
            _inherit(text, quote, previous, blocks, mentions, entities, regions)
        quotes.append(quote)
        if quote.speaker_name is not None:
            previous = quote
    return quotes


def _apply(quote: Quote, resolution: Resolution, confidence: float, mention: tuple[int, int] | None) -> None:
    quote.speaker_mention = mention
    quote.confidence = round(confidence, 2)
    if confidence >= 0.5 and resolution.speaker_name is not None:
        quote.speaker = resolution.speaker
        quote.speaker_name = resolution.speaker_name


def _opens_sentence(text: str, block_start: int, quote_start: int) -> bool:
    before = text[block_start : max(block_start, quote_start - 1)].rstrip()
    return not before or before[-1] in ".!?”\"’'"


def _cue_follows(text: str, quote_end: int, block_end: int) -> bool:
    """A reporting verb right after the quote that we could not bind: someone else may be speaking."""
    tail = text[quote_end + 1 : min(block_end, quote_end + 120)]
    stop = re.search(r"[.!?](?:\s|$)|[“\"]", tail)
    tail = tail[: stop.start()] if stop else tail
    return lexicon().verb_re.search(tail) is not None


def _reporting_between(text: str, lo: int, hi: int, regions: list[tuple[int, int]]) -> bool:
    return any(
        not any(a <= m.start() < b for a, b in regions) for m in lexicon().verb_re.finditer(text, lo, hi)
    )


def _inherit(
    text: str,
    quote: Quote,
    previous: Quote | None,
    blocks: list[Block],
    mentions: list[Mention],
    entities: list[Entity],
    regions: list[tuple[int, int]],
) -> None:
    """A quote with no cue of its own: the last speaker, or the one person just introduced."""
    index = _block_index(blocks, quote.start)
    lo = blocks[index - 1].start if index > 0 else blocks[index].start
    if previous is not None:
        lo = max(lo, previous.end)
    people = {e.id: e for e in entities if e.type == "person"}
    between = {
        m.entity for m in mentions
        if lo <= m.start < quote.start and m.kind != "pronoun" and m.entity in people
        and not any(a <= m.start < b for a, b in regions)
    }
    block = blocks[index]
    if not _opens_sentence(text, block.start, quote.start) or _cue_follows(text, quote.end, block.end):
        return
    after_cue = max(lo, previous.cue[1]) if previous is not None and previous.cue else lo
    recent = previous is not None and previous.end >= lo and not _reporting_between(text, after_cue, quote.start, regions)
    if previous is not None and recent and previous.speaker_name and between <= {previous.speaker}:
        quote.speaker, quote.speaker_name, quote.confidence = previous.speaker, previous.speaker_name, 0.6
        return
    whole = not text[block.start : quote.start - 1].strip() and not text[quote.end + 1 : block.end].strip()
    if whole and previous is None and len(between) == 1:
        entity = people[next(iter(between))]
        quote.speaker, quote.speaker_name, quote.confidence = entity.id, entity.name, 0.55
