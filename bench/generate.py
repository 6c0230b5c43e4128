"""Generate realistic-looking synthetic news articles for speed and scale benchmarks.

Deterministic (seeded). Articles mix British and American conventions, quotes with
speakers, dates, organisations, and belong to a configurable number of affairs so
that linking has stories to find.
"""

from __future__ import annotations

import html
import json
import random
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

FIRST = ["Daniel", "Priya", "Tom", "Maria", "Helen", "James", "Aisha", "Robert", "Grace", "Samuel", "Fiona",
         "Kwame", "Laura", "Owen", "Nadia", "Peter", "Rachel", "Imran", "Claire", "Victor"]
LAST = ["Okafor", "Shah", "Baird", "Lopez", "Whitfield", "Carter", "Mensah", "Hughes", "Novak", "Reid",
        "Fletcher", "Osei", "Brennan", "Kaur", "Dalton", "Moreau", "Turner", "Iqbal", "Sutton", "Harlow"]
PLACES = ["Harrowgate", "Kingsmere", "Eastbridge", "Millford", "Larchfield", "Redwater", "Ashby Vale",
          "Portlow", "Stanmore Heath", "Brockley Cross"]
TOPICS = [("children's services", "an intervention order", "the children's services trust"),
          ("bin collections", "a new waste contract", "the recycling contractor"),
          ("school transport", "an audit of bus routes", "the transport operator"),
          ("housing repairs", "a damp and mould inquiry", "the repairs contractor"),
          ("library closures", "a consultation on opening hours", "the library trust")]
ROLES = ["the mayor", "the council leader", "the cabinet member for finance", "the interim chief executive",
         "a councillor", "the opposition leader"]
VERBS = ["said", "told reporters", "added", "insisted", "claimed"]


@dataclass(frozen=True)
class Article:
    title: str
    body: str
    published: str
    url: str
    site: str


def _person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


NOUNS = ["budget", "report", "review", "contract", "inspection", "audit", "plan", "consultation", "deadline",
         "overspend", "backlog", "complaint", "petition", "meeting", "vote", "inquiry", "deal", "survey"]
ADJS = ["independent", "delayed", "revised", "critical", "annual", "interim", "leaked", "draft", "final", "urgent"]
VERBS_PAST = ["criticised", "defended", "questioned", "welcomed", "rejected", "postponed", "approved", "published",
              "challenged", "dismissed", "praised", "examined"]
GROUPS = ["residents", "parents", "unions", "opposition councillors", "campaigners", "social workers", "officers",
          "headteachers", "tenants", "business owners"]


def _sentence(rng: random.Random, place: str, topic: tuple[str, str, str], day: date) -> str:
    """One sentence from a template whose fixed words are short, so unrelated articles rarely share 7 words."""
    who, role = _person(rng), rng.choice(ROLES)
    when = (day - timedelta(days=rng.randint(1, 200))).strftime("%-d %B %Y")
    noun, noun2, adj, verb, group = (rng.choice(NOUNS), rng.choice(NOUNS), rng.choice(ADJS),
                                     rng.choice(VERBS_PAST), rng.choice(GROUPS))
    amount = f"\u00a3{rng.randint(2, 40)}.{rng.randint(1, 9)}m"
    templates = [
        f"{who}, {role} of {place} Council, said: \u201cThe {adj} {noun} on {topic[0]} shows {group} were right.\u201d",
        f"\"We {verb} the {noun} because {group} asked us to,\" said {who}, {role}.",
        f"{who} told the {place} Gazette that {topic[2]} had {verb} the {adj} {noun2} on {when}.",
        f"The {adj} {noun} into {topic[0]} will go to the {noun2} committee in {rng.choice(MONTHS)}, officials said.",
        f"{group.capitalize()} claimed the {noun} had cost {amount}, a figure {who} {verb}.",
        f"In a letter dated {when}, {who} wrote that {topic[1]} was \u201c{adj} but necessary\u201d.",
        f"{rng.randint(3, 90)} {group} attended the {noun} in {place} on {when}, according to {who}.",
        f"{who} {verb} the {noun2} and said {group} would be consulted before {rng.choice(MONTHS)}.",
    ]
    return rng.choice(templates)


def _paragraph(rng: random.Random, place: str, topic: tuple[str, str, str], day: date) -> str:
    return " ".join(_sentence(rng, place, topic, day) for _ in range(3))


MONTHS = ["January", "March", "April", "June", "July", "September", "October", "November"]


def make_article(i: int, affairs: int = 200, seed: int = 7) -> Article:
    """Article number ``i`` (deterministic)."""
    rng = random.Random(seed * 1_000_003 + i)
    affair = rng.randrange(affairs)
    arng = random.Random(affair)
    place, topic = arng.choice(PLACES), arng.choice(TOPICS)
    day = date(2021, 1, 1) + timedelta(days=arng.randint(0, 1500) + rng.randint(0, 20))
    title = f"{place} council under fire over {topic[0]}"
    body = "\n\n".join(_paragraph(rng, place, topic, day) for _ in range(rng.randint(5, 9)))
    site = rng.choice(["gazette.example", "courier.example", "broadcast.example"])
    return Article(title, body, day.isoformat(), f"https://{site}/news/{i}", site)


def to_html(a: Article) -> str:
    paras = "".join(f"<p>{html.escape(p)}</p>" for p in a.body.split("\n\n"))
    return (
        f"<!doctype html><html><head><title>{html.escape(a.title)}</title>"
        f'<meta property="og:title" content="{html.escape(a.title)}">'
        f'<meta property="article:published_time" content="{a.published}">'
        f'<link rel="canonical" href="{a.url}"></head><body><nav>Home | News | Sport</nav>'
        f"<article><h1>{html.escape(a.title)}</h1>{paras}</article><footer>(c) {a.site}</footer></body></html>"
    )


def to_record(a: Article) -> dict[str, str]:
    return {"title": a.title, "text": a.body, "published": a.published, "url": a.url, "source": a.site}


def write_corpus(folder: Path, count: int, html_share: float = 0.5, affairs: int = 200) -> int:
    """Write ``count`` articles: a share as .html files, the rest in one .jsonl; return total bytes."""
    folder.mkdir(parents=True, exist_ok=True)
    n_html = int(count * html_share)
    total = 0
    for i in range(n_html):
        data = to_html(make_article(i, affairs)).encode("utf-8")
        (folder / f"article-{i:06d}.html").write_bytes(data)
        total += len(data)
    with open(folder / "articles.jsonl", "w", encoding="utf-8") as out:
        for i in range(n_html, count):
            line = json.dumps(to_record(make_article(i, affairs)), ensure_ascii=False) + "\n"
            out.write(line)
            total += len(line.encode("utf-8"))
    return total
