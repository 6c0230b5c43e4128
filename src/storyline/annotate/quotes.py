"""Finding reported speech: direct quotes (in quotation marks), indirect and mixed speech.

Span conventions (the export contract):

* direct: ``start``/``end`` cover the words inside the quotation marks; a quote
  running over several paragraphs (a paragraph opens it without closing it, the
  next re-opens it) gives one quote per paragraph, as GGT annotates them: the later
  paragraphs share the speaker, ``speaker_mention`` and cue of the whole quote (taken
  from the first paragraph, else the last) with confidence 0.05 lower.
* indirect: the reported clause, including a leading "that", without the final full stop
  ("Smith said that the council had overspent." -> "that the council had overspent").
* mixed: indirect speech that carries a quoted fragment
  ("Smith said the plan was “a disgrace”.") is one quote of kind ``mixed`` covering the
  whole clause, marks included; the fragment is not reported separately.

Quotation marks are paired in ``quote_marks`` (curly/straight, double/single, British
style, apostrophes, recovery from an unmatched mark).  Short unattributed quotes (scare
quotes) and titles in quotation marks ("A Fresh Start For Northfield Homes") are dropped;
quotes in headlines are kept, and get a speaker only when a person's name opens the headline
("Danny Ridley calls time on 18-year career: 'I gave it everything'") or when the body repeats them
word for word (the body quote's speaker, with the mention that names them); a short quote on display
(a headline's, or a cross-heading's: ‘…’ alone in its paragraph) is kept only when repeated.

Every quote carries ``cue_verb`` (the lemma: "say", "deny", ":", "according to") and
``stance``: "denies" for "X denied that P" / "X rejected claims that P", "questions" for
"X asked whether P", else "asserts".  "X accused Y of Z" is X's quote (from "of"), never Y's.

Speakers, most certain first (confidence in brackets): a phrase bound to the cue in the
same sentence (``"…," said X`` / ``X said: "…"`` / ``According to X``: 0.85-0.9 for a
name, lower for a pronoun resolved by ``speakers``); a colon-ended previous paragraph
(``He told the meeting:`` then the quote: <= 0.8); a signed quote (``“…” — Jane Smith``: 0.8,
no cue); a verb-less colon after a named person (``Fenwick was blunt: “…”``: 0.65); "It went
on:" right after a body (not a person) spoke is that body; a quote with no cue of its own
continues the previous speaker (0.6) or, as a whole paragraph, goes to the one person the
previous paragraph opened with (0.55) -- then ``speaker_mention`` and ``cue`` stay
``None``, as GGT annotates such "floating" quotes.  Below 0.5 the speaker stays ``None``.
What a phrase stands for (a person, a body, a group with its members, a document named
after its publisher, or an unresolved description kept in ``speaker_description`` and
never in ``speaker_name``) is decided in ``speaker_resolve``; ``speaker_kind`` says which.
Indirect speech lives in ``quote_indirect``.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from itertools import islice

from storyline.annotate.quote_indirect import (
    BACK_RE,
    MANNER_RE,
    OBJECT_RE,
    PARTICIPLE_CUE_RE,
    Found,
    clean_speaker_span,
    find_indirect,
    reported_clause_start,
    speaker_span_of,
    who_speaker,
)
from storyline.annotate.quote_labels import find_label_quotes
from storyline.annotate.quote_marks import (
    BODY_KINDS,
    CLOSING_MARKS,
    SCARE_MAX_WORDS,
    WORD_RE,
    DirectSpan,
    find_direct_spans,
)
from storyline.annotate.speaker_resolve import attribute_speaker
from storyline.annotate.speaker_scene import Resolution, Scene
from storyline.annotate.speakers import (
    NAME,
    PARTY_TAG,
    PRONOUN,
    SpeakerSpan,
    lexicon,
    possessor,
    speaker_after,
    speaker_at_start,
    speaker_before,
    speaker_inverted,
    verbs_between,
)
from storyline.model import Block, Entity, Mention, Quote, Sentence, Stance

__all__ = ["DirectSpan", "find_direct_spans", "find_quotes", "reported_clause_start"]

SENTENCE_RE = re.compile(r"[^.!?\n]+(?:[.!?]+[”\"’']*|\n|$)")
SENTENCE_OPEN_RE = re.compile(r"(?:^|[.!?][\"”’']*\s+|\n\s*)[“\"'‘]{0,2}$")
PLACE_ADJUNCT_RE = re.compile(
    r"(?:\s+(?:outside|inside|at|in|on|during|after|before|from|to|with|via|through|near|following)\b"
    r"[^,:;“”\"]{0,50})?"
    r"(?:,?\s+when\s+(?:asked|pressed|questioned)\b[^:;“”\"]{0,120}?)?"  # 'said, when asked which candidate she backs:'
    r"\s*[:,]?\s*"
)
IT_REACH = 200  # characters: how far back "it" may take the last non-person speaker
INTRODUCER_REACH = 40  # characters: a paragraph whose subject (a person) is named this close to its start
DASH_ROLE_WORD = r"(?!(?:and|or|but|nor|with|by|from|of|to|for|in|on|at|as|the|a|an|including|like|said|says)\b)[a-z][\w\-]*"
DASH_SPEAKER_RE = re.compile(  # "— Tom Baker, the mayor", "– Ashby Parva resident Sue Baines"
    rf"[ \t]*[—–-]{{1,2}}[ \t]*(?P<subj>(?:{NAME}\s+)?(?:{DASH_ROLE_WORD}\s+){{1,3}}{NAME}|{NAME})[ \t]*(?:,[^.\n“”\"]{{1,80}})?\.?[ \t]*(?=\n|$)"
)
COLON_SUBJECT_RE = re.compile(rf"\s*(?P<subj>{NAME}|{PRONOUN})\s+[a-z]")
# a name as a label, with its party or ward: "Sarah Pemberton (Liberal Democrat): “…”"
LABEL_SUBJECT_RE = re.compile(rf"\s*(?P<subj>{NAME}){PARTY_TAG}\s*")
NOUN_BEFORE_RE = re.compile(r"\b(?:the|a|an|his|her|their|its|this|our)\s+$", re.IGNORECASE)
READ_COLON_RE = re.compile(r"\s(?P<verb>read|reads)\s*:$")
TITLE_CUE_RE = re.compile(r"\b(?:to|called|titled|entitled|named|song|album|book|film|show|play|anthem|hit|"
                          r"headline|slogan),?\s*[“\"‘']{1,2}\s*$", re.IGNORECASE)
TITLE_SMALL_WORDS = frozenset({"the", "and", "for", "but", "nor", "yet", "per", "via"})
TITLE_WORD_RE = re.compile(r"[A-Za-z][\w’'-]*")
SENTENCE_END_RE = re.compile(r"[.!?](?=\s)")
LOWER_CONTINUES_RE = re.compile(r"\s*,?\s*[a-z]")
CONJOINED_CUE_RE = re.compile(r"\s+(?:and|but)\s+(?:(?:[a-z]+ly|then|later|also|simply)\s+)*$")
THAT_REST_RE = re.compile(r",?\s+that\s*")
COMMA_ONLY_RE = re.compile(r"\s*,\s*")
PARAGRAPH_RE = re.compile(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*")
SENTENCE_STOP_RE = re.compile(r"[.!?](?:\s|$)|[“\"]")



# --- attribution of direct quotes ---------------------------------------------------


def _sentence_start(sentences: list[Sentence], pos: int) -> int:
    start = 0
    for s in sentences:
        if s.start <= pos:
            start = s.start
        else:
            break
    return start


def _attribute_after(text: str, span: DirectSpan, block_start: int, limit: int) -> Found | None:
    if span.close is None or span.close_end is None:
        return None
    content = text[span.content_start : span.content_end].rstrip()
    tail = text[span.close_end : limit]
    dash = DASH_SPEAKER_RE.match(text, span.close_end, limit)
    if dash is not None:  # "“We will rebuild.” — Tom Baker, the mayor": a signed quote, no verb
        return Found(span.content_start, span.content_end, "direct", speaker_span_of(dash, "subj"), None, 0.8)
    if content.endswith(".") and not LOWER_CONTINUES_RE.match(tail):
        return None  # the quote ended its sentence; what follows is a new one
    found = speaker_after(text, span.close_end, limit) or speaker_inverted(text, span.close_end, limit)
    if found is None:
        # a quote opening its sentence, not "billed as “…,” Clinton unveiled"
        opens = _opens_sentence(text, block_start, span.open + 1)
        acted = NAMED_ACT_AFTER_RE.match(text, span.close_end, limit) if opens else None
        if acted is None:
            return None  # ('“Go back to Univision,” Trump barked', '“…,” an angry Hollande retaliated': theirs)
        found = speaker_span_of(acted, "subj"), acted.span("verb")
    speaker, cue = found
    return Found(span.content_start, span.content_end, "direct", speaker, cue, 0.9)


def _cue_before(text: str, lo: int, end: int) -> tuple[tuple[int, int], str] | None:
    """The last reporting verb in text[lo:end] when only objects/adjuncts and [:,] or 'that' follow it."""
    lex = lexicon()
    last = None
    for match in verbs_between(text, lo, end):
        if not NOUN_BEFORE_RE.search(text, max(lo, match.start() - 6), match.start()):
            last = match  # "in response to the report:": a noun, not the cue
    if last is None or (lex.lemma(last.group(0)) == "want" and not text.startswith(" to know", last.end())):
        return None  # "her opponent, Donald Trump, wants to “take America backward”": her words for his aims
        # (but "he wanted to know, “How ...?”" asks)
    pos = last.end()
    if lex.lemma(last.group(0)) in lex.object_verbs:
        obj = OBJECT_RE.match(text, pos, end)
        pos = obj.end() if obj else pos
    manner = MANNER_RE.match(text, pos, end)  # "said quietly, “…”"
    pos = manner.end() if manner else pos
    back = BACK_RE.match(text, pos, end)  # "Mills then writes back, “…”", "she wrote back: “…”"
    pos = back.end() if back else pos
    adjunct = lex.adjunct_re.match(text, pos, end)
    pos = adjunct.end() if adjunct else pos
    rest = text[pos:end]
    if PLACE_ADJUNCT_RE.fullmatch(rest):
        return last.span(), "direct"
    if THAT_REST_RE.fullmatch(rest):
        return last.span(), "mixed"
    return None


def _is_person(span: SpeakerSpan, mentions: list[Mention]) -> bool:
    """The phrase is exactly (or inside) one person mention: "As Mitchell" is not "Mitchell"."""
    return any(m.type == "person" and m.start <= span.start and span.end <= m.end for m in mentions)


def _attribute_before(text: str, span: DirectSpan, lo: int, mentions: list[Mention]) -> Found | None:
    lex = lexicon()
    according = list(lex.according_re.finditer(text, lo, span.open))
    if according and COMMA_ONLY_RE.fullmatch(text[according[-1].end() : span.open]):
        m = according[-1]
        return Found(span.content_start, span.content_end, "direct", speaker_span_of(m, "subj"), m.span("verb"), 0.85)
    cue = _cue_before(text, lo, span.open)
    if cue is not None:
        (cue_start, cue_end), kind = cue
        if text[cue_start:cue_end].endswith("ing") and " " not in text[cue_start:cue_end]:  # "..., saying: “...”"
            speaker = speaker_at_start(text, lo, cue_start)
            speaker = speaker if speaker is not None and speaker.form in ("name", "pronoun") else None
        else:
            speaker = speaker_before(text, lo, cue_start) or who_speaker(text, lo, cue_start)
            conjoined = CONJOINED_CUE_RE.search(text, lo, cue_start) if speaker is None else None
            if conjoined is not None:  # "Holt shook her head and said: “…”": the sentence's subject
                speaker = speaker_at_start(text, lo, conjoined.start())
        if kind == "mixed":
            that = text.rindex("that", lo, span.open)
            return Found(that, span.content_end + 1, "mixed", speaker, (cue_start, cue_end), 0.85)
        return Found(span.content_start, span.content_end, "direct", speaker, (cue_start, cue_end), 0.85)
    prefix = text[lo : span.open].rstrip()
    read = READ_COLON_RE.search(prefix)
    if read is not None:  # "A post on the branch's Facebook page, shared 4,000 times, read: “…”"
        cue_start = lo + read.start("verb")
        speaker = speaker_before(text, lo, cue_start)
        return Found(span.content_start, span.content_end, "direct", speaker, (cue_start, lo + read.end("verb")), 0.8)
    if prefix.endswith(":"):
        colon = lo + len(prefix) - 1
        speaker = None
        comma = text.find(",", lo, colon)
        for start in [lo] + ([comma + 1] if comma >= 0 else []):  # "Outside court, Fenwick was blunt:"
            subject = COLON_SUBJECT_RE.match(text, start, colon) or LABEL_SUBJECT_RE.fullmatch(text, start, colon)
            candidate = speaker_span_of(subject, "subj") if subject else None
            if candidate is not None and _is_person(candidate, mentions):
                speaker = candidate
                break
        return Found(span.content_start, span.content_end, "direct", speaker, (colon, colon + 1), 0.65)
    return None



def _attribute_previous_paragraph(
    text: str, span: DirectSpan, blocks: list[Block], sentences: list[Sentence], mentions: list[Mention]
) -> Found | None:
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
) -> Found:
    span = spans[i]
    block = blocks[span.paragraph]
    if block.kind not in BODY_KINDS:
        return _headline_subject(text, span, block, mentions) or Found(span.content_start, span.content_end, "direct")
    end_block = blocks[_block_index(blocks, span.content_end)]
    next_open = spans[i + 1].open if i + 1 < len(spans) else end_block.end
    limit = min(end_block.end, next_open, (span.close or span.content_end) + 200)
    found = _attribute_after(text, span, block.start, limit)
    if found is None:
        previous_end = spans[i - 1].close_end if i > 0 else None
        lo = max(block.start, _sentence_start(sentences, span.open), previous_end or 0)
        found = _attribute_before(text, span, lo, mentions)
    if found is None:
        found = _attribute_previous_paragraph(text, span, blocks, sentences, mentions)
    if found is None:
        found = Found(span.content_start, span.content_end, "direct", inherit=True)
    return found


# "Danny Ridley calls time on 18-year career: 'I gave it everything'": a named subject, a verb ... a colon
HEADLINE_VERB_RE = re.compile(r"\s+[a-z][\w’'-]*s\b")


def _headline_subject(text: str, span: DirectSpan, block: Block, mentions: list[Mention]) -> Found | None:
    """The quote after the colon of a headline whose subject is a person named in it ("Danny Ridley calls time
    on 18-year career: 'I gave it everything'"), the person's; else None (a headline quote stays unattributed:
    "Calgary principal apologizes ...: 'It was wrong'" describes, and a description is no name)."""
    if block.kind != "headline":
        return None
    colon = text.rfind(":", block.start, span.open)
    if colon < 0 or text[colon + 1 : span.open].strip():
        return None
    opening = text[block.start : colon]
    lead = len(opening) - len(opening.lstrip())
    first = next((m for m in mentions if m.start == block.start + lead and m.end <= colon), None)
    if first is None or first.type != "person" or not (HEADLINE_VERB_RE.match(text, first.end, colon)
                                                        or not text[first.end : colon].strip()):
        return None  # "Ridley calls time on ...: '…'", "Jane Holt: '…'"
    return Found(span.content_start, span.content_end, "direct", SpeakerSpan(first.start, first.end, "name"),
                 (colon, colon + 1), 0.7)


def _block_index(blocks: list[Block], pos: int) -> int:
    index = bisect_left([b.end for b in blocks], pos)
    return min(index, len(blocks) - 1)


# --- putting it together ------------------------------------------------------------


def _fallback_blocks(text: str) -> list[Block]:
    """Paragraphs split at blank lines (or single newlines) when no segmentation was given."""
    parts = PARAGRAPH_RE.finditer(text)
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


def _merge(text: str, directs: list[Found], indirects: list[Found]) -> list[Found]:
    """Indirect clauses that carry quoted fragments become mixed quotes; ones inside direct quotes go."""
    # each quote with its marks (a quote left open at the end of the text has no closing one)
    regions = [(d.start - 1, d.end + 1 if text[d.end : d.end + 1] in CLOSING_MARKS else d.end) for d in directs]
    kept: list[Found] = []
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


def _long(text: str, found: Found) -> bool:
    return len(WORD_RE.findall(text, found.start, found.end)) > 8


def _link_paragraph_chains(spans: list[DirectSpan], directs: list[Found]) -> None:
    """A quote running over paragraphs: each paragraph takes the attribution of the first (else the last)."""
    i = 0
    while i < len(spans):
        j = i
        while j + 1 < len(spans) and spans[j + 1].continues:
            j += 1
        chain = directs[i : j + 1]
        head = next((f for f in (chain[0], chain[-1]) if f.speaker_span is not None), chain[0])
        for f in chain:
            if f is not head:
                f.speaker_span, f.cue, f.inherit, f.chain_head = None, None, False, head
        i = j + 1


def _title_case(text: str, found: Found) -> bool:
    """"A Fresh Start For Northfield Homes": a title in quotation marks, not words anyone said; with a full stop
    inside the marks only after a word that introduces a title ("took the stage to ''Eye of the Tiger.''")."""
    content = text[found.start : found.end].rstrip()
    if found.end - found.start > 100 or content[-1:] in "!?," or (
            content[-1:] == "." and not TITLE_CUE_RE.search(text, max(0, found.start - 24), found.start)):
        return False
    words = TITLE_WORD_RE.findall(text, found.start, found.end)
    long_words = [w for w in words if len(w) > 3 or (len(w) == 3 and w.lower() not in TITLE_SMALL_WORDS)]
    return len(words) <= 12 and len(long_words) >= 2 and all(w[:1].isupper() for w in long_words)


def _keep_direct(text: str, found: Found) -> bool:
    if found.chain_head is None and _title_case(text, found):
        return False
    # its words counted only as far as the tests below look (a long quote's were all counted, for nothing)
    words = sum(1 for _ in islice(WORD_RE.finditer(text, found.start, found.end), SCARE_MAX_WORDS + 1))
    if found.chain_head is not None and words > 0:
        return True
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
    for found in directs:  # one per span, in order (the paragraph chains below index them): none is dropped
        clean_speaker_span(text, found, keep_words=True)
    _link_paragraph_chains(spans, directs)
    shown = {s.content_start for s in spans if s.display}  # kept only when the text repeats them
    directs = [d for d in directs if (d.start not in shown and _keep_direct(text, d))
               or _repeated_display(text, d, blocks, spans)]
    for found in directs:
        if found.start in shown and blocks[_block_index(blocks, found.start)].kind in BODY_KINDS:
            found.speaker_span, found.cue, found.inherit = None, None, False  # a cross-heading: the repeat's speaker
    directs = sorted(directs + [f for f in find_label_quotes(text, blocks, mentions)
                                if not any(d.start < f.end and f.start < d.end for d in directs)],
                     key=lambda f: f.start)
    inside = [(s.open, s.close_end if s.close_end is not None else s.content_end + 1) for s in spans]
    indirects = find_indirect(text, blocks, sentences, inside)
    merged = _merge(text, directs, indirects)
    regions = [(f.start - 1, f.end + 1) for f in merged]
    quotes = _resolve_all(merged, Scene(text, blocks, mentions, entities, regions, source_kind))
    _display_repeats(text, quotes, blocks)
    return quotes


QUOTE_WORD_RE = re.compile(r"[^\W_]+(?:[’'][^\W_]+)*")
DISPLAY_REPEAT_WORDS = 3  # a quote on display this long, repeated word for word in the body, is a repeat


def _quote_words(text: str) -> str:
    return " ".join(w.lower().replace("’", "'") for w in QUOTE_WORD_RE.findall(text))


def _alone_in_block(text: str, start: int, end: int, block: Block) -> bool:
    """Whether a quote's content ``[start, end)`` with one mark each side is all its paragraph holds."""
    return not text[block.start : start - 1].strip() and not text[end + 1 : block.end].strip()


def _display_block(text: str, start: int, end: int, blocks: list[Block]) -> bool:
    """A quote on display: in a headline, or alone in its paragraph (a cross-heading: "‘It came over the ridge’")."""
    block = blocks[_block_index(blocks, start)]
    return block.kind == "headline" or _alone_in_block(text, start, end, block)


def _repeated_display(text: str, found: Found, blocks: list[Block], spans: list[DirectSpan]) -> bool:
    """A short quote on display ("... apologizes for post: 'It was wrong'") that a quote elsewhere repeats word for
    word ("“It was wrong, and I am sorry,” he wrote."): a quote, whoever said it, not a scare-quoted phrase."""
    if not _display_block(text, found.start, found.end, blocks):  # (first: it is asked of every scare quote)
        return False
    words = _quote_words(text[found.start : found.end])
    if len(words.split()) < DISPLAY_REPEAT_WORDS:
        return False
    return any(span.content_start != found.start
               and f" {words} " in f" {_quote_words(text[span.content_start : span.content_end])} " for span in spans)


def _display_repeats(text: str, quotes: list[Quote], blocks: list[Block]) -> None:
    """A quote on display (a headline, a cross-heading) with no speaker that the body repeats word for word ("...
    calls for rumble strips: 'It didn't have to happen'", then "“It didn't have to happen,” said Jolene Vickers
    ..."): the body quote's speaker, with the body's mention as its provenance, a little less sure; none when two
    body quotes repeat it with different speakers."""
    for quote in quotes:
        if quote.speaker_name is not None or quote.speaker_description is not None or quote.kind != "direct" \
                or not _display_block(text, quote.start, quote.end, blocks):
            continue
        words = _quote_words(quote.text)
        if len(words.split()) < DISPLAY_REPEAT_WORDS:
            continue
        sources = [q for q in quotes if q is not quote and not _display_block(text, q.start, q.end, blocks)
                   and blocks[_block_index(blocks, q.start)].kind in BODY_KINDS
                   and q.speaker_name is not None and f" {words} " in f" {_quote_words(q.text)} "]
        if not sources or len({(q.speaker, q.speaker_name) for q in sources}) > 1:
            continue
        _copy_speaker(quote, sources[0])
        named = [q for q in quotes if q.start <= sources[0].start and q.speaker == sources[0].speaker
                 and q.speaker_name == sources[0].speaker_name and q.speaker_mention is not None]
        quote.speaker_mention = named[-1].speaker_mention if named else None  # (where an inherited speaker is named)
        quote.confidence = round(max(0.0, sources[0].confidence - 0.1), 2)
        if quote.confidence < 0.5:
            _copy_speaker(quote, Quote("", 0, 0, ""))
            quote.speaker_mention = None


def _resolve_all(found: list[Found], scene: Scene) -> list[Quote]:
    quotes: list[Quote] = []
    previous: Quote | None = None
    resolved: dict[int, Quote] = {}
    for number, f in enumerate(found, start=1):
        head = f.chain_head
        if head is None:
            quote = _resolve_one(f, f"q{number}", previous, scene)
        else:
            if id(head) not in resolved:  # the last paragraph carries the attribution
                scene.quote_opening = f.start  # the pronoun may reach back before the quote's first paragraph
                try:
                    resolved[id(head)] = _resolve_one(head, "", previous, scene)
                finally:
                    scene.quote_opening = None
            quote = _continue_quote(f, f"q{number}", resolved[id(head)], scene.text)
        quote.cue_verb, quote.stance = cue_stance(scene.text, quote.cue)
        resolved[id(f)] = quote
        quotes.append(quote)
        scene.history.append(quote)
        if quote.speaker_name is not None or quote.speaker_description is not None:
            previous = quote
    return quotes


def cue_stance(text: str, cue: tuple[int, int] | None) -> tuple[str | None, Stance]:
    """The cue's lemma ("say", "deny", ":", "according to") and what the speaker does with the content."""
    if cue is None:
        return None, "asserts"
    word = text[cue[0] : cue[1]]
    if word == ":":
        return ":", "asserts"
    if word.lower().startswith("according"):
        return "according to", "asserts"
    lemma = lexicon().lemma(word)
    return lemma, lexicon().stance(lemma)


def _resolve_one(f: Found, quote_id: str, previous: Quote | None, scene: Scene) -> Quote:
    text = scene.text
    quote = Quote(quote_id, f.start, f.end, text[f.start : f.end], kind=f.kind, cue=f.cue)  # type: ignore[arg-type]
    if f.speaker_span is not None and _it_continues(text, f.speaker_span, previous, scene.entities):
        assert previous is not None
        _copy_speaker(quote, previous)
        quote.speaker_mention = (f.speaker_span.start, f.speaker_span.end)
        quote.confidence = round(min(f.bound, previous.confidence, 0.75), 2)
    elif f.speaker_span is not None:
        span = possessor(text, f.speaker_span)
        resolution = attribute_speaker(text, span, scene.mentions, scene.entities, scene=scene)
        _apply(quote, resolution, min(f.bound, resolution.confidence), (span.start, span.end))
    elif f.inherit:
        _inherit(text, quote, previous, scene)
    return quote


def _it_continues(text: str, span: SpeakerSpan, previous: Quote | None, entities: list[Entity]) -> bool:
    """"the council said ... It went on: “…”": "it" right after a body (not a person) spoke is that body."""
    if previous is None or text[span.start : span.end].lower() != "it" or span.start - previous.end > IT_REACH:
        return False
    person = previous.speaker_kind == "person" or (
        previous.speaker is not None and any(e.id == previous.speaker and e.type == "person" for e in entities))
    return not person and (previous.speaker_name is not None or previous.speaker_description is not None)


def _copy_speaker(quote: Quote, source: Quote) -> None:
    quote.speaker, quote.speaker_name, quote.speaker_kind = source.speaker, source.speaker_name, source.speaker_kind
    quote.speaker_description, quote.speaker_members = source.speaker_description, list(source.speaker_members)


def _continue_quote(f: Found, quote_id: str, head: Quote, text: str) -> Quote:
    """One paragraph of a quote running over several: the speaker of the whole quote, a little less sure."""
    quote = Quote(quote_id, f.start, f.end, text[f.start : f.end], kind=f.kind, cue=head.cue)  # type: ignore[arg-type]
    _copy_speaker(quote, head)
    quote.speaker_mention = head.speaker_mention
    quote.confidence = round(max(0.0, head.confidence - 0.05), 2)
    if quote.confidence < 0.5:
        _copy_speaker(quote, Quote("", 0, 0, ""))
    return quote


def _apply(quote: Quote, resolution: Resolution, confidence: float, mention: tuple[int, int] | None) -> None:
    quote.speaker_mention = mention
    quote.confidence = round(confidence, 2)
    if confidence < 0.5:
        return
    if resolution.speaker_name is not None:
        quote.speaker = resolution.speaker
        quote.speaker_name = resolution.speaker_name
        quote.speaker_kind = resolution.kind
        quote.speaker_members = list(resolution.members)
    elif resolution.description is not None:
        quote.speaker_kind = "description"
        quote.speaker_description = resolution.description


def _opens_sentence(text: str, block_start: int, quote_start: int) -> bool:
    before = text[block_start : max(block_start, quote_start - 1)].rstrip()
    return not before or before[-1] in ".!?”\"’'"


def _cue_follows(text: str, quote_end: int, block_end: int) -> bool:
    """A reporting verb right after the quote that we could not bind: someone else may be speaking.  Not after
    a quote that ends its sentence ("… That is leadership.” The council's press office said ...": a new sentence
    with its own speaker, as in :func:`_attribute_after`)."""
    tail = text[quote_end + 1 : min(block_end, quote_end + 120)]
    if text[:quote_end].rstrip().endswith(".") and not LOWER_CONTINUES_RE.match(tail):
        return False
    stop = SENTENCE_STOP_RE.search(tail)
    tail = tail[: stop.start()] if stop else tail
    return lexicon().verb_re.search(tail) is not None or NAMED_ACT_AFTER_RE.match(tail) is not None


# a name and a verb right after a quote, whatever the verb: '“…,” an angry Hollande retaliated'; the name speaks
NAMED_ACT_AFTER_RE = re.compile(r"\s*,?\s*(?:(?:an?|the)\s+(?:[a-z]+\s+){0,2})?(?P<subj>[A-Z][a-z][\w’'-]*"
                                r"(?:\s+[A-Z][\w’'-]+){0,2})\s+(?P<verb>[a-z]{3,}ed|shot back|hit back|fired back|"
                                r"snapped|quipped|wrote|spat|struck)\b")


def _reporting_between(text: str, lo: int, hi: int, regions: list[tuple[int, int]]) -> bool:
    """A reporting verb outside quotes in ``[lo, hi)``, not one of the last speaker's own relative clause ("said
    Pierre de Vos, a professor, who likened the campaign to a car crash. “…”": still his)."""
    return any(
        not any(a <= m.start() < b for a, b in regions) and not text.endswith(", who ", lo, m.start())
        for m in verbs_between(text, lo, hi)
    )


def _inherit(text: str, quote: Quote, previous: Quote | None, scene: Scene) -> None:
    """A quote with no cue of its own: the last speaker, or the one person just introduced."""
    blocks, regions = scene.blocks, scene.regions
    index = _block_index(blocks, quote.start)
    lo = blocks[index - 1].start if index > 0 else blocks[index].start
    if previous is not None:
        lo = max(lo, previous.end)
    after_cue = max(lo, previous.cue[1]) if previous is not None and previous.cue else lo
    # "“…,” Mr Hedge said, referring to the two Trump resorts. “…”": what the participle names is no new speaker
    aside = _participle_aside(text, after_cue, quote.start) if previous is not None else (quote.start, quote.start)
    between = {
        m.entity for m in scene.body_mentions
        if lo <= m.start < quote.start and not aside[0] <= m.start < aside[1]
        and m.entity in scene.by_id and scene.by_id[m.entity].type == "person"
    }
    block = blocks[index]
    if not _opens_sentence(text, block.start, quote.start) or _cue_follows(text, quote.end, block.end):
        return
    recent = previous is not None and previous.end >= lo and not _reporting_between(text, after_cue, aside[0], regions) \
        and not _reporting_between(text, aside[1], quote.start, regions)
    if previous is not None and recent and between <= ({previous.speaker} - {None}):
        _copy_speaker(quote, previous)
        quote.confidence = 0.6
        return
    if _alone_in_block(text, quote.start, quote.end, block) and len(between) == 1 and _opens_previous_block(blocks, index, scene.mentions, between):
        # (not the one person a paragraph names anywhere: "the DNC issued a statement apologizing to Sanders ...",
        # then the statement: never Sanders's words)
        entity = scene.by_id[next(iter(between))]
        quote.speaker, quote.speaker_name, quote.speaker_kind, quote.confidence = entity.id, entity.name, "person", 0.55


WHEN_ASKED_RE = re.compile(r"(?:\s+(?:(?:to|on)\s+)?(?:the\s+)?[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*(?:\s+in\s+an?\s+[a-z]+)?)?"
                           r",?\s+when\s+(?:asked|pressed|questioned)\b")  # (after "told CNN in an interview")


def _participle_aside(text: str, after_cue: int, hi: int) -> tuple[int, int]:
    """The participle phrase right after a cue, to the end of its sentence (", referring to the two Trump
    resorts.", " when asked about Trump's temperament."), or an empty span at ``hi``."""
    participle = PARTICIPLE_CUE_RE.match(text, after_cue, hi) or WHEN_ASKED_RE.match(text, after_cue, hi)
    if participle is None:
        return hi, hi
    stop = SENTENCE_END_RE.search(text, participle.end(), hi)
    return participle.start(), stop.end() if stop else hi


def _opens_previous_block(blocks: list[Block], index: int, mentions: list[Mention], people: set[str]) -> bool:
    """"Councilmember Jerome Tate ... read from an email." then a quote paragraph: the person just introduced."""
    if index == 0 or blocks[index - 1].kind not in BODY_KINDS:
        return False
    start = blocks[index - 1].start
    return any(m.entity in people and start <= m.start < start + INTRODUCER_REACH for m in mentions)
