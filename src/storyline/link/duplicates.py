"""Exact and near-duplicate documents, and versions of one article.

A document gets a :class:`DuplicateProfile` (a MinHash signature of its word
5-shingles, a key of its normalised text, its canonical URL, site, title stem and
date); candidates come from LSH bands, the URL and the title stem, never from all
pairs.  ``duplicate``: identical normalised text or estimated Jaccard >= 0.9.
``version``: the same (canonical) URL with changed text, or a rewrite on the same
site a few days apart that still shares much of its wording.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit

from storyline.link.fingerprint import (
    estimated_jaccard,
    lsh_band_keys,
    minhash_signature,
    normalised_text,
    text_key,
    tokenize,
)
from storyline.link.stories import day_number
from storyline.model import Document, DocumentLink

LSH_ROWS = 3  # 64 slots in 21 bands of 3: pairs with Jaccard 0.4 meet in a band 3 times in 4
DUPLICATE_JACCARD = 0.9
VERSION_SIMILARITY = 0.4
VERSION_MAX_DAYS = 14
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


@dataclass
class DuplicateIndex:
    """Candidate lookup over profiles: LSH buckets, exact keys, URLs and title stems."""

    buckets: dict[str, list[str]] = field(default_factory=dict)
    keys: dict[str, list[str]] = field(default_factory=dict)

    def add(self, profile: DuplicateProfile) -> None:
        for key in index_keys(profile):
            self.buckets.setdefault(key, []).append(profile.id)

    def candidates(self, profile: DuplicateProfile) -> list[str]:
        seen: dict[str, None] = {}
        for key in index_keys(profile):
            for other in self.buckets.get(key, []):
                if other != profile.id:
                    seen[other] = None
        return list(seen)


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
    hashes = tokenize(doc.text).hashes
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


def link_new_document(
    profile: DuplicateProfile, index: DuplicateIndex, profiles: Mapping[str, DuplicateProfile]
) -> list[DocumentLink]:
    """Links between a new document and those already indexed (then indexes it)."""
    links = []
    for other_id in index.candidates(profile):
        first, second = earlier_first(profiles[other_id], profile)
        link = classify_pair(first, second)
        if link is not None:
            links.append(link)
    index.add(profile)
    return links


def duplicate_target(links: Iterable[DocumentLink], doc_id: str) -> str | None:
    """The earlier document ``doc_id`` duplicates, if any."""
    return next((link.a for link in links if link.kind == "duplicate" and link.b == doc_id), None)


def profile_to_json(profile: DuplicateProfile) -> dict[str, Any]:
    return dict(profile.__dict__)


def profile_from_json(data: Mapping[str, Any]) -> DuplicateProfile:
    return DuplicateProfile(**{k: v for k, v in data.items() if k in DuplicateProfile.__dataclass_fields__})
