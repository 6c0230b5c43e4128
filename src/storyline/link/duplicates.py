"""Exact and near-duplicate documents, and versions of one article.

A document gets a :class:`DuplicateProfile` (a MinHash signature of its word
5-shingles, a key of its normalised text, its canonical URL, site, title stem and
date); candidates come from ``dup`` postings in the link index (LSH bands, the
text key, the URL and the title stem), never from all pairs.  ``duplicate``: identical normalised text or estimated Jaccard >= 0.9.
``version``: the same (canonical) URL with changed text, or a rewrite on the same
site a few days apart that still shares much of its wording.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit

from storyline.link.fingerprint import (
    document_tokens,
    estimated_jaccard,
    lsh_band_keys,
    minhash_signature,
    normalised_text,
    text_key,
)
from storyline.link.index import LinkIndex
from storyline.link.story_features import day_number
from storyline.model import Document, DocumentLink

LSH_ROWS = 3  # 64 slots in 21 bands of 3: pairs with Jaccard 0.4 meet in a band 3 times in 4
DUPLICATE_JACCARD = 0.9
VERSION_SIMILARITY = 0.4
VERSION_MAX_DAYS = 14
MAX_BUCKET = 50  # documents compared per bucket: a bucket this full holds copies of one text
_TRACKING = re.compile(r"^(utm_\w+|fbclid|gclid|ref|cmpid|ito|at_\w+|ns_\w+|mc_\w+)$", re.IGNORECASE)
_TITLE_SUFFIX = re.compile(r"\s+[-|–—:]\s+[^-|–—:]{2,60}$")


@dataclass
class DuplicateProfile:
    """What duplicate and version detection keeps about one document."""

    id: str
    order: int
    key: str
    signature: list[int]
    size: int  # number of word shingles
    url: str | None = None
    site: str | None = None
    title_stem: str | None = None
    day: int | None = None
    version_of: str | None = None
    length: int = 0  # characters of text


def index_keys(profile: DuplicateProfile) -> list[str]:
    """Every bucket a profile lives in."""
    keys = ["lsh:" + k for k in lsh_band_keys(profile.signature, LSH_ROWS)]
    keys.append("text:" + profile.key)
    if profile.url:
        keys.append("url:" + profile.url)
    if profile.title_stem:
        keys.append("title:" + profile.title_stem)
    return keys


def canonical_url(url: str | None) -> str | None:
    """The URL without scheme, ``www.``, fragment, tracking parameters, ``/amp`` or trailing slash."""
    if not url:
        return None
    parts = urlsplit(url.strip())
    host = parts.netloc.lower().removeprefix("www.").removeprefix("amp.")
    path = re.sub(r"/(amp|index\.html?)?/?$", "", parts.path) or "/"
    query = urlencode(sorted((k, v) for k, v in parse_qsl(parts.query) if not _TRACKING.match(k)))
    return host + path + ("?" + query if query else "")


def site_of(doc: Document) -> str | None:
    """The publishing site: its name, else the URL's host."""
    if doc.site_name:
        return doc.site_name.strip().lower()
    if doc.url:
        return urlsplit(doc.url).netloc.lower().removeprefix("www.") or None
    return None


def title_stem(title: str | None) -> str | None:
    """A title's first eight words without a trailing `` - Site name``; None when too short to trust."""
    if not title:
        return None
    words = normalised_text(_TITLE_SUFFIX.sub("", title.strip())).split()
    return " ".join(words[:8]) if len(words) >= 4 else None


def profile_document(doc: Document, order: int) -> DuplicateProfile:
    """Fingerprint one document (pure, cheap)."""
    hashes = document_tokens(doc.id, doc.text).hashes
    return DuplicateProfile(
        id=doc.id,
        order=order,
        key=text_key(doc.text),
        signature=minhash_signature(hashes),
        size=max(1, len(hashes) - 4),
        url=canonical_url(doc.url),
        site=site_of(doc),
        title_stem=title_stem(doc.title),
        day=day_number(doc.published),
        version_of=doc.version_of,
        length=len(doc.text),
    )


def containment(jaccard: float, size_a: int, size_b: int) -> float:
    """Share of the smaller shingle set found in the larger one, from the Jaccard index and sizes."""
    if jaccard <= 0:
        return 0.0
    common = jaccard * (size_a + size_b) / (1 + jaccard)
    return min(1.0, common / min(size_a, size_b))


def classify_pair(a: DuplicateProfile, b: DuplicateProfile) -> DocumentLink | None:
    """``duplicate``, ``version`` or nothing for two documents (``a`` the earlier)."""
    if a.key == b.key:
        return DocumentLink(a=a.id, b=b.id, kind="duplicate", similarity=1.0)
    jaccard = estimated_jaccard(a.signature, b.signature)
    if jaccard >= DUPLICATE_JACCARD:
        return DocumentLink(a=a.id, b=b.id, kind="duplicate", similarity=round(jaccard, 3))
    overlap = rewrite_similarity(a, b, jaccard)
    if _same_article(a, b) or (_could_be_rewrite(a, b) and overlap >= VERSION_SIMILARITY):
        return DocumentLink(a=a.id, b=b.id, kind="version", similarity=round(overlap, 3))
    return None


def _same_article(a: DuplicateProfile, b: DuplicateProfile) -> bool:
    return (a.url is not None and a.url == b.url) or b.version_of == a.id or a.version_of == b.id


def _could_be_rewrite(a: DuplicateProfile, b: DuplicateProfile) -> bool:
    if a.day is not None and b.day is not None and abs(a.day - b.day) > VERSION_MAX_DAYS:
        return False
    if a.site and b.site:
        return a.site == b.site
    if a.site or b.site:
        return False  # an outlet's article and a sourceless text (a press release): a copy, not a version
    return a.title_stem is not None and a.title_stem == b.title_stem


def rewrite_similarity(a: DuplicateProfile, b: DuplicateProfile, jaccard: float) -> float:
    """Similarity of two versions: the Jaccard index, or 0.8 x containment when one text grew around the other."""
    return max(jaccard, containment(jaccard, a.size, b.size) * 0.8)


def earlier_first(a: DuplicateProfile, b: DuplicateProfile) -> tuple[DuplicateProfile, DuplicateProfile]:
    """The pair ordered source-first: by date when both are known and differ, else by ingest order."""
    if a.day is not None and b.day is not None and a.day != b.day:
        return (a, b) if a.day < b.day else (b, a)
    return (a, b) if a.order <= b.order else (b, a)


def candidates(profile: DuplicateProfile, index: LinkIndex) -> list[str]:
    """Documents sharing a bucket with ``profile`` (at most ``MAX_BUCKET`` per bucket)."""
    found: dict[str, None] = {}
    for ids in index.postings("dup", index_keys(profile)).values():
        found.update((i, None) for i in ids[:MAX_BUCKET] if i != profile.id)
    return sorted(found)


def prefetch_buckets(new: Iterable[DuplicateProfile], index: LinkIndex) -> None:
    """Look up the buckets of new documents in a few statements, before they are filed one by one (a SQL index
    then answers each :func:`candidates` lookup from what it read, kept current as documents are filed: the
    same answers). Nearly every MinHash band of a new document is a bucket no earlier one is in: read one
    document at a time, they were a statement per document that found nothing."""
    index.postings("dup", list(dict.fromkeys(k for profile in new for k in index_keys(profile))))


def profiles(index: LinkIndex, ids: Iterable[str]) -> dict[str, DuplicateProfile]:
    """Stored profiles of the given documents."""
    return {i: profile_from_json(p) for i, p in index.records("dup", list(ids)).items()}


def link_new_document(profile: DuplicateProfile, index: LinkIndex) -> list[DocumentLink]:
    """Links between a new document and those already indexed (then files it)."""
    links = []
    for other in profiles(index, candidates(profile, index)).values():
        first, second = earlier_first(other, profile)
        link = classify_pair(first, second)
        if link is not None:
            links.append(link)
    index.add_postings("dup", profile.id, index_keys(profile))
    index.put_record("dup", profile.id, profile_to_json(profile))
    return links


def duplicate_target(links: Iterable[DocumentLink], doc_id: str) -> str | None:
    """The earlier document ``doc_id`` duplicates, if any."""
    return next((link.a for link in links if link.kind == "duplicate" and link.b == doc_id), None)


def profile_to_json(profile: DuplicateProfile) -> dict[str, Any]:
    return dict(profile.__dict__)


def profile_from_json(data: Mapping[str, Any]) -> DuplicateProfile:
    return DuplicateProfile(**{k: v for k, v in data.items() if k in DuplicateProfile.__dataclass_fields__})
