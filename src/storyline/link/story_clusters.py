"""Average-linkage clustering of a sparse graph of documents: the order-free heart of story clustering.

Pure and deterministic: the same documents and pair scores give the same groups,
whatever order they came in.  Groups merge, best pair first, while the mean
score between them is at least the threshold.  Only pairs that were compared
have a score; a pair never compared counts as ``missing_weight`` of a zero (two
documents that share no rare word are never compared, and are not alike).

Two groups *about different people* (each has a lead, the surname most of its
documents are about, and the leads differ) merge only at the higher
``lead_threshold``: two drink-driving arrests of two players of one team share
their whole vocabulary, but not their protagonist.  This is how a story that
holds two incident signatures is split, however its documents arrived.
"""

from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Collection, Mapping
from dataclasses import dataclass

__all__ = ["LinkageRule", "average_linkage"]

Pair = tuple[str, str]
Period = tuple[int, int | None]  # first and last day; no last day: "on or after the first"


@dataclass(frozen=True)
class LinkageRule:
    """When two groups merge."""

    threshold: float
    lead_threshold: float
    missing_weight: float = 0.2
    lead_share: float = 0.5  # a group's lead leads at least this share of its documents
    lead_min_size: int = 2  # a single document has no group lead
    max_gap: int | None = None  # days between two groups' dated documents beyond which they never merge


class _Groups:
    """Groups, the summed scores between them, and their leads, as merging goes on."""

    def __init__(self, nodes: Collection[str], scores: Mapping[Pair, float], leads: Mapping[str, str | None],
                 periods: Mapping[str, Period]):
        self.members = {n: [n] for n in sorted(nodes)}
        self.leads = {n: Counter([lead]) if (lead := leads.get(n)) else Counter() for n in self.members}
        self.span: dict[str, tuple[int, int] | None] = {}
        self.not_before: dict[str, int | None] = {}
        for n in self.members:
            first, last = periods.get(n, (None, None))
            self.span[n] = (first, last) if first is not None and last is not None else None
            self.not_before[n] = first if first is not None and last is None else None
        self.links: dict[str, dict[str, list[float]]] = {n: {} for n in self.members}
        for (a, b), score in scores.items():
            if a != b and a in self.members and b in self.members:
                entry = self.links[a].get(b) or [0.0, 0.0]
                entry[0], entry[1] = max(entry[0], score), 1.0  # a pair scored twice keeps its best score
                self.links[a][b] = self.links[b][a] = entry

    def mean(self, a: str, b: str, rule: LinkageRule) -> float:
        total, compared = self.links[a][b]
        pairs = len(self.members[a]) * len(self.members[b])
        return total / (compared + rule.missing_weight * (pairs - compared))

    def lead(self, group: str, rule: LinkageRule) -> str | None:
        size = len(self.members[group])
        if size < rule.lead_min_size or not self.leads[group]:
            return None
        top = sorted(self.leads[group].items(), key=lambda kv: (-kv[1], kv[0]))[0]
        return top[0] if top[1] >= rule.lead_share * size else None

    def needed(self, a: str, b: str, rule: LinkageRule) -> float:
        """The mean score two groups need to merge (above 1 when they may not)."""
        if self.apart(a, b, rule):
            return 2.0
        lead_a, lead_b = self.lead(a, rule), self.lead(b, rule)
        return rule.lead_threshold if lead_a and lead_b and lead_a != lead_b else rule.threshold

    def apart(self, a: str, b: str, rule: LinkageRule) -> bool:
        """Whether the dates of two groups are too far apart for one story."""
        if rule.max_gap is None:
            return False
        span_a, span_b = self.span[a], self.span[b]
        gaps = []
        if span_a is not None and span_b is not None:
            gaps.append(max(span_b[0] - span_a[1], span_a[0] - span_b[1]))
        for bound, span in ((self.not_before[a], span_b), (self.not_before[b], span_a)):
            if bound is not None and span is not None:
                gaps.append(bound - span[1])
        return any(gap > rule.max_gap for gap in gaps)

    def merge(self, a: str, b: str) -> str:
        """Fold the later-named group into the earlier; returns the survivor."""
        keep, gone = (a, b) if a < b else (b, a)
        self.members[keep] += self.members.pop(gone)
        self.leads[keep] += self.leads.pop(gone)
        spans = [s for s in (self.span[keep], self.span.pop(gone)) if s is not None]
        self.span[keep] = (min(s[0] for s in spans), max(s[1] for s in spans)) if spans else None
        bounds = [b for b in (self.not_before[keep], self.not_before.pop(gone)) if b is not None]
        self.not_before[keep] = max(bounds) if bounds else None
        for other, (total, compared) in self.links.pop(gone).items():
            del self.links[other][gone]
            if other == keep:
                continue
            entry = self.links[keep].get(other)
            if entry is None:
                self.links[keep][other] = self.links[other][keep] = [total, compared]
            else:
                entry[0] += total
                entry[1] += compared
        return keep


def average_linkage(nodes: Collection[str], scores: Mapping[Pair, float], leads: Mapping[str, str | None],
                    rule: LinkageRule, periods: Mapping[str, Period] | None = None) -> list[list[str]]:
    """Groups of ``nodes``, each sorted, in order of their first member (``periods``: dated nodes' dates)."""
    groups = _Groups(nodes, scores, leads, periods or {})
    heap = [(-groups.mean(a, b, rule), a, b) for a in groups.links for b in groups.links[a]
            if a < b and groups.links[a][b][0] >= rule.threshold]
    heapq.heapify(heap)
    while heap:
        negative, a, b = heapq.heappop(heap)
        if a not in groups.members or b not in groups.links[a]:
            continue
        mean = groups.mean(a, b, rule)
        if abs(mean + negative) > 1e-12 or mean < groups.needed(a, b, rule):
            continue
        keep = groups.merge(a, b)
        for other in groups.links[keep]:
            value = groups.mean(keep, other, rule)
            if value >= rule.threshold:
                heapq.heappush(heap, (-value, min(keep, other), max(keep, other)))
    return sorted(sorted(m) for m in groups.members.values())
