"""The synthetic corpus generator (bench/generate.py): determinism, gold labels, affair consistency, bursts."""

from __future__ import annotations

import json
import re
import sys
from collections import defaultdict
from datetime import date
from itertools import combinations
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))

import generate  # noqa: E402

COUNT, AFFAIRS = 400, 12
ARTICLES = [generate.make_article(i, AFFAIRS) for i in range(COUNT)]
INTRODUCED = re.compile(r"\b([A-Z][A-Za-z]+ [A-Z][A-Za-z]+), (?:the|a) ")  # "Ngozi Okafor, the mayor of ..."
FIRST_NAMES = set(generate.FEMALE_FIRST) | set(generate.MALE_FIRST)


def by_affair() -> dict[int, list[generate.Article]]:
    groups: dict[int, list[generate.Article]] = defaultdict(list)
    for article in ARTICLES:
        groups[article.affair].append(article)
    return groups


def introduced_people(article: generate.Article) -> set[str]:
    return {name for name in INTRODUCED.findall(article.body) if name.split()[0] in FIRST_NAMES}


def test_bench_generate_is_deterministic() -> None:
    assert generate.make_article(17, AFFAIRS) == ARTICLES[17]
    assert generate.make_article(17, AFFAIRS, seed=8) != ARTICLES[17]
    assert len({a.body for a in ARTICLES}) == COUNT


def test_bench_generate_affair_of_agrees_with_make_article() -> None:
    assert [generate.affair_of(i, AFFAIRS) for i in range(COUNT)] == [a.affair for a in ARTICLES]
    assert generate.affair_of(5, 300, seed=3) == generate.make_article(5, 300, seed=3).affair


def test_bench_generate_fills_every_slot() -> None:
    for article in ARTICLES:
        assert "{" not in article.title + article.body and "}" not in article.title + article.body
        assert 5 <= len(article.body.split("\n\n")) <= 9


def test_bench_generate_articles_of_an_affair_share_place_and_cast() -> None:
    for number, articles in by_affair().items():
        place = generate._affair(number, 7).council.place
        people: set[str] = set()
        for article in articles:
            assert place in article.title + article.body
            named = introduced_people(article)
            assert named, article.body
            people |= named
        cast = {p.full for p in generate._affair(number, 7).cast}
        assert people <= cast and 3 <= len(cast) <= 5


def test_bench_generate_different_affairs_differ_in_place_or_cast() -> None:
    profiles = []
    for number in range(200):
        affair = generate._affair(number, 7)
        profiles.append((affair.council.place, {p.full for p in affair.cast}, affair.topic.name))
    alike = sum(1 for (p1, c1, _), (p2, c2, _) in combinations(profiles, 2) if p1 == p2 and c1 & c2)
    assert alike / (200 * 199 / 2) < 0.01
    lookalikes = [(a, b) for a, b in combinations(profiles, 2) if a[2] == b[2] and a[0] != b[0] and not a[1] & b[1]]
    assert len(lookalikes) >= 100  # same topic, another council and cast: what clustering must keep apart


def test_bench_generate_coverage_is_bursty() -> None:
    early = late = 0
    for articles in by_affair().values():
        days = [date.fromisoformat(a.published) for a in articles]
        first = min(days)
        early += sum((d - first).days < 10 for d in days)
        late += sum((d - first).days >= 21 for d in days)
    assert early / COUNT >= 0.6
    assert late / COUNT >= 0.1  # follow-ups weeks later


def test_bench_generate_american_sites_use_american_style() -> None:
    american = [a for a in ARTICLES if a.site in ("courier.example", "dispatch.example")]
    british = [a for a in ARTICLES if a.site == "gazette.example"]
    assert american and british
    assert not any("per cent" in a.body or re.search(r"\b(Mr|Ms|Dr) [A-Z]", a.body) for a in american)
    assert not any("percent" in a.body or "Mr. " in a.body for a in british)


def test_bench_generate_write_corpus_splits_json_lines_below_the_file_cap(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(generate, "JSONL_RECORDS", 4)
    generate.write_corpus(tmp_path, 20, html_share=0.5, affairs=AFFAIRS)
    parts = sorted(tmp_path.glob("articles-*.jsonl"))
    assert [p.name for p in parts] == ["articles-000.jsonl", "articles-001.jsonl", "articles-002.jsonl"]
    urls = [json.loads(line)["url"] for p in parts for line in p.read_text(encoding="utf-8").splitlines()]
    assert [len(p.read_text(encoding="utf-8").splitlines()) for p in parts] == [4, 4, 2]
    assert urls == [a.url for a in ARTICLES[10:20]]


def test_bench_generate_write_corpus_and_gold_labels(tmp_path: Path) -> None:
    total = generate.write_corpus(tmp_path, 21, html_share=0.5, affairs=AFFAIRS)
    html_files = sorted(tmp_path.glob("article-*.html"))
    lines = (tmp_path / "articles-000.jsonl").read_text(encoding="utf-8").splitlines()
    assert [p.name for p in html_files] == [f"article-{i:06d}.html" for i in range(10)]
    assert len(lines) == 11
    assert total == sum(p.stat().st_size for p in tmp_path.iterdir())
    records = [json.loads(line) for line in lines]
    assert all(set(r) == {"title", "text", "published", "url", "source"} for r in records)
    urls = [re.search(r'rel="canonical" href="([^"]+)"', p.read_text(encoding="utf-8")).group(1)  # type: ignore[union-attr]
            for p in html_files] + [r["url"] for r in records]
    labels = generate.affair_by_url(21, AFFAIRS)
    assert sorted(labels) == sorted(urls)
    assert [labels[u] for u in urls] == [a.affair for a in ARTICLES[:21]]


def test_bench_generate_span_days_packs_the_same_affairs_into_fewer_days() -> None:
    spread = [generate.make_article(i, AFFAIRS) for i in range(COUNT)]
    packed = [generate.make_article(i, AFFAIRS, span_days=30) for i in range(COUNT)]
    assert [a.affair for a in packed] == [a.affair for a in spread]  # same affairs, same articles per affair
    days = sorted(date.fromisoformat(a.published) for a in packed)
    # affairs start within 30 days; their coverage runs on for at most a few months after the start
    assert (days[-1] - days[0]).days <= 30 + 200
    assert len({a.published[:4] for a in spread}) > len({a.published[:4] for a in packed})
