"""Average-linkage clustering of a sparse graph of documents: the order-free heart of story clustering.

Pure and deterministic: the same documents and pair scores give the same groups,
whatever order they came in.  Groups merge, best pair first, while the mean
score between them is at least the threshold.  Only pairs that were compared
have a score; a pair never compared counts as ``missing_weight`` of a zero (two
documents that share no rare word are never compared, and are not alike).

Two groups with different *incident signatures* merge only at the higher
``lead_threshold``.  A group's signature is its lead (the surname most of its
documents are about) and its anchors (the telling words of the places and
organisations most of its documents name); two signatures differ when both
leads are known and differ, or both groups have anchors and share none.  Two
drink-driving arrests of two players of one team share their whole vocabulary,
but not their protagonist; two councils put under the same minister's order
share the topic and the minister, but not the council or the contractor.  This
is how a story that holds two incident signatures is split, however its
documents arrived.

Average linkage is strict with a short piece: a brief that repeats one report of
a story, and says little else, matches that report and few of the others; and
three or four such briefs, alike among themselves, form a group of their own.
Once groups stop merging, a *straggler* (a group of at most ``straggler_size``
documents) joins the larger group it is most alike when one of its pairs with
that group is at least ``straggler_pair`` and their mean at least
``straggler_mean`` (and their dates are not too far apart).  Each straggler's
home is chosen among the groups larger than itself as linkage left them, and
homes are then followed to the end, so the result does not depend on the order
stragglers are looked at.

A *lone piece* (a group of at most ``lone_size`` documents that found no home as a
straggler: an opinion piece, a sports brief, a review that matches one report of its
story and shares little with the rest) joins the group of its best pair when that pair
is at least ``lone_pair`` and beats by ``lone_margin`` its best pair at the threshold
with any other story (a straggler that joins the same story is no rival), the dates
allow it, and the piece tells that story's incident: the person it is most about is
named, by full name, in the story (a brief on a receiver the game's report names), or
else its own lead and anchors do not tell another incident (a look-alike report on
another council shares a template, not the affair).  Its home is chosen once the
stragglers have theirs, from pair scores and the groups linkage left, so it is
order-free too.
"""

from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import NamedTuple

__all__ = ["LinkageRule", "Period", "Signature", "average_linkage"]

Pair = tuple[str, str]


class Signature(NamedTuple):
    """What tells one document's incident apart: who it is most about, and where and with whom."""

    lead: str | None = None  # surname of the person it is most about
    anchors: frozenset[str] = frozenset()  # telling words of its place and organisation names
    people: frozenset[str] = frozenset()  # the people it names (full names)
    person: str | None = None  # the full name of its lead


class Period(NamedTuple):
    """A document's dates: its first and last day, or only a first day ("written on or after")."""

    first: int
    last: int | None
    firm: bool = False  # an open period read from a full date in the text, not from a bare year


@dataclass(frozen=True)
class LinkageRule:
    """When two groups merge."""

    threshold: float
    lead_threshold: float
    missing_weight: float = 0.2
    lead_share: float = 0.5  # a group's lead (an anchor) leads (is named in) at least this share of its documents
    lead_min_size: int = 2  # a single document has no group signature
    max_gap: int | None = None  # days between two groups' dated documents beyond which they never merge
    max_open_gap: int | None = None  # ... between a group's "written on or after" and another's dates (max_gap if None)
    max_bound_gap: int | None = 1000  # ... and between groups dated only from full dates in their text
    straggler_size: int = 0  # groups of at most this many documents may join a larger group at last ...
    straggler_mean: float = 0.25  # ... when their mean score with it is at least this ...
    straggler_pair: float = 0.8  # ... and one of their pairs with it at least this
    lone_size: int = 0  # groups of at most this many documents (no straggler) may join the group of their best pair ...
    lone_pair: float = 1.01  # ... when that pair is at least this ...
    lone_margin: float = 0.2  # ... and beats their best pair at the threshold with any other group by this much


class _Groups:
    """Groups, the summed scores between them, their signatures and dates, as merging goes on."""

    def __init__(self, nodes: Collection[str], scores: Mapping[Pair, float], signatures: Mapping[str, Signature],
                 periods: Mapping[str, Period]):
        self.members = {n: [n] for n in sorted(nodes)}
        own = {n: signatures.get(n, Signature()) for n in self.members}
        self.leads = {n: Counter([own[n].lead]) if own[n].lead else Counter() for n in self.members}
        self.anchors = {n: Counter(own[n].anchors) for n in self.members}
        self.people = {n: Counter(own[n].people) for n in self.members}
        self.person = {n: own[n].person for n in self.members if own[n].person}  # of single documents
        self.span: dict[str, tuple[int, int] | None] = {}
        self.bounds: dict[str, tuple[int, int] | None] = {}  # earliest and latest "not before" of the group
        self.firm: dict[str, tuple[int, int] | None] = {}  # ... of those read from full dates
        for n in self.members:
            period = periods.get(n)
            self.span[n] = (period.first, period.last) if period and period.last is not None else None
            self.bounds[n] = (period.first, period.first) if period and period.last is None else None
            self.firm[n] = self.bounds[n] if period and period.firm else None
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

    def signature(self, group: str, rule: LinkageRule, min_size: int | None = None) -> Signature:
        """The group's lead and anchors: those of at least ``lead_share`` of its documents (none when it has
        fewer than ``min_size`` documents, ``rule.lead_min_size`` by default)."""
        size = len(self.members[group])
        if size < (rule.lead_min_size if min_size is None else min_size):
            return Signature()
        floor = rule.lead_share * size
        top = sorted(self.leads[group].items(), key=lambda kv: (-kv[1], kv[0]))[:1]
        lead = top[0][0] if top and top[0][1] >= floor else None
        return Signature(lead, frozenset(w for w, n in self.anchors[group].items() if n >= floor))

    def needed(self, a: str, b: str, rule: LinkageRule) -> float:
        """The mean score two groups need to merge (above 1 when they may not)."""
        if self.apart(a, b, rule):
            return 2.0
        return rule.lead_threshold if self.different(a, b, rule) else rule.threshold

    def different(self, a: str, b: str, rule: LinkageRule, min_size: int | None = None) -> bool:
        """Whether two groups hold different incidents: other leads, or anchors with nothing in common."""
        sig_a, sig_b = self.signature(a, rule, min_size), self.signature(b, rule, min_size)
        if sig_a.lead and sig_b.lead and sig_a.lead != sig_b.lead:
            return True
        return bool(sig_a.anchors and sig_b.anchors and not sig_a.anchors & sig_b.anchors)

    def piece_of(self, piece: str, group: str, rule: LinkageRule, named: Counter[str]) -> bool:
        """Whether a lone piece tells the group's incident: the person it is most about is named in the group's
        story (``named``, full names: a brief on the receiver a game's report names, or on the player the story
        is about whatever paper it cites), else its signature does not differ from the group's (a look-alike
        on another council shares a template, not the affair; another Lindqvist leads its opposition)."""
        person = self.person.get(piece)
        if person and named[person]:
            return True
        return not self.different(piece, group, rule, 1)

    def apart(self, a: str, b: str, rule: LinkageRule) -> bool:
        """Whether the dates of two groups are too far apart for one story."""
        if rule.max_gap is None:
            return False
        span_a, span_b = self.span[a], self.span[b]
        bounds_a, bounds_b = self.bounds[a], self.bounds[b]
        if span_a is not None and span_b is not None and _gap(span_a, span_b) > rule.max_gap:
            return True
        open_gap = rule.max_gap if rule.max_open_gap is None else rule.max_open_gap
        for bounds, span in ((bounds_a, span_b), (bounds_b, span_a)):
            if bounds is not None and span is not None and bounds[1] - span[1] > open_gap:
                return True
        firm_a, firm_b = self.firm[a], self.firm[b]
        if rule.max_bound_gap is None or firm_a is None or firm_b is None:
            return False
        return _gap(firm_a, firm_b) > rule.max_bound_gap

    def merge(self, a: str, b: str) -> str:
        """Fold the later-named group into the earlier; returns the survivor."""
        keep, gone = (a, b) if a < b else (b, a)
        self.members[keep] += self.members.pop(gone)
        self.leads[keep] += self.leads.pop(gone)
        self.anchors[keep] += self.anchors.pop(gone)
        self.people[keep] += self.people.pop(gone)
        self.span[keep] = _union(self.span[keep], self.span.pop(gone))
        self.bounds[keep] = _union(self.bounds[keep], self.bounds.pop(gone))
        self.firm[keep] = _union(self.firm[keep], self.firm.pop(gone))
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


def _union(a: tuple[int, int] | None, b: tuple[int, int] | None) -> tuple[int, int] | None:
    """The smallest period holding both (either may be unknown)."""
    if a is None or b is None:
        return a or b
    return min(a[0], b[0]), max(a[1], b[1])


def _gap(a: tuple[int, int], b: tuple[int, int]) -> int:
    """Days between two periods (negative when they overlap)."""
    return max(b[0] - a[1], a[0] - b[1])


def average_linkage(nodes: Collection[str], scores: Mapping[Pair, float], signatures: Mapping[str, Signature],
                    rule: LinkageRule, periods: Mapping[str, Period] | None = None) -> list[list[str]]:
    """Groups of ``nodes``, each sorted, in order of their first member (``periods``: dated nodes' dates)."""
    groups = _Groups(nodes, scores, signatures, periods or {})
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
    return sorted(sorted(m) for m in _attach_stragglers(groups, scores, rule))


def _attach_stragglers(groups: _Groups, scores: Mapping[Pair, float], rule: LinkageRule) -> list[list[str]]:
    """The groups once each straggler has joined the larger group it is most alike, if alike enough.

    Every straggler's home is chosen among the groups linkage left that are larger than it (a brief may join
    a story of four that itself joins a larger one), then homes are followed to the end: sizes only grow
    along the way, so there is no cycle, and nothing depends on the order stragglers are looked at.  Lone
    pieces are looked at once every straggler has its home, so that a piece sees whom its home's story names."""
    home: dict[str, str] = {}
    small = sorted(g for g, m in groups.members.items() if len(m) <= max(rule.straggler_size, rule.lone_size))
    for group in small:
        if len(groups.members[group]) <= rule.straggler_size and (found := _straggler_home(group, groups, scores,
                                                                                          rule)):
            home[group] = found
    lone = {}
    for group in small:
        if group not in home and len(groups.members[group]) <= rule.lone_size:
            if (found := _lone_home(group, groups, scores, rule, home)) is not None:
                lone[group] = found
    home.update(lone)
    out: dict[str, list[str]] = {}
    for group in sorted(groups.members):
        out.setdefault(_root(group, home), []).extend(groups.members[group])
    return list(out.values())


def _root(group: str, home: Mapping[str, str]) -> str:
    while group in home:
        group = home[group]
    return group


def _straggler_home(group: str, groups: _Groups, scores: Mapping[Pair, float], rule: LinkageRule) -> str | None:
    """The larger group a straggler joins: the one it is most alike on average, if alike enough."""
    best: tuple[float, str] | None = None
    size = len(groups.members[group])
    for other in sorted(groups.links[group]):
        if len(groups.members[other]) <= size or groups.apart(group, other, rule):
            continue
        mean = groups.mean(group, other, rule)
        if mean < rule.straggler_mean or (best is not None and mean <= best[0]):
            continue
        top = max(max(scores.get((a, b), 0.0), scores.get((b, a), 0.0))
                  for a in groups.members[group] for b in groups.members[other])
        if top >= rule.straggler_pair:
            best = (mean, other)
    return best[1] if best else None


def _lone_home(group: str, groups: _Groups, scores: Mapping[Pair, float], rule: LinkageRule,
               home: Mapping[str, str]) -> str | None:
    """The larger group a lone piece joins: the group of its best pair, when that pair is strong and clearly
    better than its best pair (at the threshold) with any other story (stragglers with their ``home``), and
    the piece tells that story's incident (:meth:`_Groups.piece_of`)."""
    best: dict[str, tuple[float, str]] = {}  # by story: the best pair and the group it is with
    size = len(groups.members[group])
    for other in sorted(groups.links[group]):
        top = max(max(scores.get((a, b), 0.0), scores.get((b, a), 0.0))
                  for a in groups.members[group] for b in groups.members[other])
        story = _root(other, home)
        best[story] = max(best.get(story, (top, other)), (top, other))
    ranked = sorted(best.items(), key=lambda kv: (-kv[1][0], kv[0]))
    if not ranked:
        return None
    story, (top, found) = ranked[0]
    rival = next((s for _, (s, _) in ranked[1:] if s >= rule.threshold), 0.0)
    if top < rule.lone_pair or top - rival < rule.lone_margin or len(groups.members[found]) <= size:
        return None
    named = Counter[str]()
    for other in groups.members:
        if _root(other, home) == story:
            named.update(groups.people[other])
    if groups.apart(group, found, rule) or not groups.piece_of(group, found, rule, named):
        return None
    return found
