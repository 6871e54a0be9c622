"""The lists readers browse by, computed once so templates only loop.

- related: the same category, nearest in date, newest first;
- most viewed: the whole site by `views`, ties to the newer article;
- neighbours: the previous (older) and next (newer) article of the category;
- home: the lead story (newest with a photo), the latest, a block per category.

Each is linear in the number of articles (a district archive holds tens of
thousands), with ties broken by date then source path so output is stable.
"""

from __future__ import annotations

import base64
import json
from collections import defaultdict
from dataclasses import dataclass
from urllib.parse import quote

from .settings import SiteConfig


@dataclass(frozen=True)
class Block:
    """A home page block: its lead (the first article with a photo) shown with
    the photo, the rest as a list in their order."""

    category: object
    articles: list

    @property
    def lead(self):
        return next((a for a in self.articles if getattr(a, "card_image", None)), None)

    @property
    def rest(self) -> list:
        lead = self.lead
        return [a for a in self.articles if a is not lead]


@dataclass(frozen=True)
class Home:
    lead: object | None
    latest: list
    blocks: list
    most_viewed: list


@dataclass(frozen=True)
class YearLink:
    label: str
    url: str


@dataclass(frozen=True)
class Stamp:
    iso: str
    date_text: str
    views_text: str


@dataclass(frozen=True)
class Listed:
    """What a compact list shows of an article, as plain data: the side column is
    fingerprinted with the settings, and an Article object would take its whole
    content (and every article it links to) into that hash."""

    url: str
    title: str
    news: Stamp


@dataclass(frozen=True)
class Browse:
    """The side column of the list pages (category, tag, archive): most viewed and
    the archive's years. No counts: a new article must not change every page."""

    most_viewed: tuple[Listed, ...]
    years: tuple[YearLink, ...]


@dataclass(frozen=True)
class NavItem:
    """A category in the menu: its short name, and the Pelican category to mark current."""

    name: str
    category: object


@dataclass(frozen=True)
class Share:
    url: str
    facebook: str
    zalo: str


def _newest_first(article) -> tuple:
    return (-article.date.timestamp(), article.source_path)


def most_viewed(articles, count: int) -> list:
    return sorted(articles, key=lambda a: (-a.news.views, *_newest_first(a)))[:count]


def nearest(ordered: list, index: int, count: int) -> list:
    """Up to `count` articles of `ordered` (newest first) nearest in date to ordered[index]."""
    here = ordered[index].date
    lo, hi, chosen = index - 1, index + 1, []
    while len(chosen) < count and (lo >= 0 or hi < len(ordered)):
        newer = ordered[lo] if lo >= 0 else None
        older = ordered[hi] if hi < len(ordered) else None
        if older is None or (newer is not None and newer.date - here <= here - older.date):
            chosen.append(newer)
            lo -= 1
        else:
            chosen.append(older)
            hi += 1
    return sorted(chosen, key=_newest_first)


def share(article, public_url: str) -> Share:
    url = f"{public_url}/{article.url}"
    payload = base64.b64encode(json.dumps({"url": url}).encode()).decode()
    return Share(
        url=url,
        facebook="https://www.facebook.com/sharer/sharer.php?u=" + quote(url, safe=""),
        zalo="https://button-share.zalo.me/share_external?d=" + quote(payload, safe=""),
    )


def annotate(articles: list, categories: list, cfg: SiteConfig) -> Home:
    """Set news_related, news_most_viewed, news_previous, news_next and news_share
    on every article (newest first); return what the home page shows."""
    by_category = defaultdict(list)
    for article in articles:
        by_category[article.category].append(article)
    top = most_viewed(articles, cfg.most_viewed_count + 1)
    for ordered in by_category.values():
        for index, article in enumerate(ordered):
            article.news_related = nearest(ordered, index, cfg.related_count)
            article.news_next = ordered[index - 1] if index > 0 else None
            article.news_previous = ordered[index + 1] if index + 1 < len(ordered) else None
    for article in articles:
        article.news_most_viewed = [a for a in top if a is not article][:cfg.most_viewed_count]
        article.news_share = share(article, cfg.public_url)
    lead = next((a for a in articles if getattr(a, "card_image", None)), articles[0] if articles else None)
    latest = [a for a in articles if a is not lead][:cfg.latest_count]
    blocks = [Block(category, by_category[category][:cfg.block_count])
              for category, _ in categories if by_category.get(category)]
    return Home(lead, latest, blocks, top[:cfg.most_viewed_count])


def browse(home: Home, years: list) -> Browse:
    listed = tuple(Listed(a.url, a.title, Stamp(a.news.iso, a.news.date_text, a.news.views_text))
                   for a in home.most_viewed)
    return Browse(listed, tuple(YearLink(y.label, y.url) for y in years))


def navigation(categories: list, defs) -> list[NavItem]:
    """Menu entries in the configured order, only for categories that have a page."""
    short = {d.slug: d.short or d.name for d in defs}
    return [NavItem(short.get(category.slug, category.name), category) for category, _ in categories]
