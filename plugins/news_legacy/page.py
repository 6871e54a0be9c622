"""Find the article in a portal page: title, meta line, category, tags, body.

Portals differ in markup, not in what they show: a section heading or a
breadcrumb, the title, a meta line (`Ngày đăng 21/03/2024 | 10:31 |
Lượt xem: 347`), then the body. The meta line is found by its words, the
title is the heading just before it, and the body is the block holding the
most paragraph text (a small readability score), so no per-portal selectors
are needed.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from itertools import pairwise

from bs4 import BeautifulSoup, Comment, NavigableString, Tag
from news_core.slugs import fold

from .text import squash

DROP_TAGS = ("script", "style", "noscript", "template", "link", "form", "input", "button",
             "select", "textarea", "svg", "object", "embed", "applet", "map", "canvas", "nav", "dialog")
# Class and id words (split at - and _) that mark navigation, sharing, related lists, ads.
JUNK_WORDS = frozenset("""
    share shares sharing social chiase print inbai tool tools toolbar related lienquan other others khac
    tinkhac cungchuyenmuc comment comments binhluan rating vote banner banners advert adverts advertising
    ads quangcao sidebar widget widgets menu navbar footer toplinks search timkiem pagination paging
    phantrang subscribe popup modal
""".split())
JUNK_PAIRS = frozenset({("chia", "se"), ("lien", "quan"), ("tin", "khac"), ("binh", "luan"), ("quang", "cao"),
                        ("tim", "kiem"), ("phan", "trang"), ("in", "bai"), ("top", "links"), ("cung", "chuyen")})
JUNK_TAGS = frozenset({"div", "section", "aside", "ul", "ol", "table", "nav", "footer", "header", "p", "dl", "form"})
_WORD_SPLIT = re.compile(r"[\s_-]+")
TITLE_CLASS = re.compile(r"title|tieu-?de|tieude|headline|heading", re.IGNORECASE)
CATEGORY_CLASS = re.compile(r"cate|chuyen-?muc|chuyenmuc|section|zone|title-?cat", re.IGNORECASE)
CRUMB_CLASS = re.compile(r"breadcrumb|crumb|\bpath\b|duong-?dan|duongdan|navigation|vi-?tri", re.IGNORECASE)
LEAD_CLASS = re.compile(r"sapo|lead|summary|tom-?tat|tomtat|chapeau|mo-?ta|intro|description|desc\b", re.IGNORECASE)
LISTING_DATES = 3
DATE_CLASS = re.compile(r"date|time|ngay|meta|publish|post-?info", re.IGNORECASE)
TAGS_CLASS = re.compile(r"\btags?\b|tu-?khoa|keyword", re.IGNORECASE)
META_WORDS = re.compile(
    r"ngày đăng|đăng ngày|ngày cập nhật|cập nhật|ngày xuất bản|thời gian đăng|lượt xem|lượt đọc|số lần xem",
    re.IGNORECASE,
)
DATE = re.compile(r"(?<!\d)(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?!\d)")
TIME = re.compile(r"(?<![\d/])(\d{1,2})[:hg](\d{2})(?::(\d{2}))?(?:\s*(SA|CH|AM|PM|sáng|chiều)\b)?", re.IGNORECASE)
VIEWS = re.compile(r"(?:lượt xem|lượt đọc|số lần xem|lượt truy cập bài)\s*:?\s*(\d{1,3}(?:[.,]\d{3})+|\d+)", re.IGNORECASE)
HOME = re.compile(r"^(trang chủ|trang chu|home|trang nhất)$", re.IGNORECASE)
BLOCKS = ("div", "td", "th", "article", "section", "main", "body", "center", "blockquote")
BLOCK_SET = frozenset(BLOCKS)
NOT_BODY_TEXT = frozenset(("a", "h1", "h2", "h3", "title", "head"))


class NotArticle(Exception):
    """The page is not an article (a listing, a home page) or lacks what one needs."""

    def __init__(self, reason: str, error: bool = False):
        super().__init__(reason)
        self.reason, self.error = reason, error


@dataclass
class Found:
    title: str
    date: dt.datetime  # naive, the portal's local time
    has_time: bool
    views: int
    category: str | None
    tags: list[str] = field(default_factory=list)
    canonical: str | None = None
    body: Tag | None = None
    lead: Tag | None = None  # a separate sapo element before the body
    skip: list[Tag] = field(default_factory=list)  # title and meta line, if inside the body


def read(text: str) -> tuple[BeautifulSoup, Found]:
    """Parse `text` and locate the article; NotArticle when there is none."""
    soup = BeautifulSoup(text, "html.parser")
    canonical = _canonical(soup)
    section = _meta_content(soup, "article:section")
    published = _meta_content(soup, "article:published_time")
    og_title = _meta_content(soup, "og:title")
    for node in soup.find_all(string=lambda s: isinstance(s, Comment)):
        node.extract()
    for tag in soup.find_all(DROP_TAGS):
        tag.decompose()
    meta_el = _meta_line(soup)
    if meta_el is None and not published:
        raise NotArticle("không thấy dòng ngày đăng (Ngày đăng …), nên không phải trang bài viết")
    meta_text = squash(meta_el.get_text(" ")) if meta_el else ""
    date, has_time = _date(meta_text, published)
    title_el = _title(meta_el, soup, og_title or _page_title(soup)) if meta_el else None
    title = squash(title_el.get_text(" ")) if title_el else (og_title or _page_title(soup))
    if not title:
        raise NotArticle("không tìm thấy tiêu đề bài viết", error=True)
    views = _views(meta_text) if VIEWS.search(meta_text) else _views(squash(soup.get_text(" ")))
    category = squash(section) if section else _category(soup, title_el or meta_el, title)
    tags = _tags(soup)
    for tag in soup.find_all(True):
        if tag.__dict__.get("_decomposed"):  # not tag.decomposed: bs4 would search for a child tag named so
            continue
        if _is_junk(tag) and not (meta_el and _contains(tag, meta_el)) and not (title_el and _contains(tag, title_el)):
            tag.decompose()
    body = _body(soup, {id(el) for el in (title_el, meta_el) if el is not None})
    if body is None:
        raise NotArticle("không tìm thấy nội dung bài viết (không có đoạn văn nào)", error=True)
    lead = _lead(soup, body)
    skip = [el for el in (title_el, meta_el) if el is not None and _contains(body, el)]
    return soup, Found(title, date, has_time, views, category, tags, canonical, body, lead, skip)


def _canonical(soup) -> str | None:
    link = soup.find("link", rel=lambda v: v and "canonical" in v)
    href = (link.get("href") or "").strip() if link else ""
    href = href or (_meta_content(soup, "og:url") or "")
    return href if href.lower().startswith(("http://", "https://")) else None


def _meta_content(soup, name: str) -> str | None:
    tag = soup.find("meta", attrs={"property": name}) or soup.find("meta", attrs={"name": name})
    value = (tag.get("content") or "").strip() if tag else ""
    return value or None


def _meta_line(soup) -> Tag | None:
    """The smallest element holding the meta line's words and a date; else a date-classed one."""
    for string in soup.find_all(string=META_WORDS):
        el = string.parent
        for _ in range(4):
            if el is None:
                break
            text = el.get_text(" ")
            if DATE.search(text) and len(text) < 400:
                return el
            el = el.parent
    dated = [
        el for el in soup.find_all(True)
        if (el.name == "time" or DATE_CLASS.search(_classes(el))) and not el.find_parent(["a", "li"])
        and DATE.search(el.get_text(" ")) and len(el.get_text(" ")) < 200
    ]
    dated = [el for el in dated if not any(_contains(other, el) for other in dated if other is not el)]
    return dated[0] if 1 <= len(dated) <= LISTING_DATES else None  # many dates: a listing page


def _date(meta_text: str, published: str | None) -> tuple[dt.datetime, bool]:
    match = DATE.search(meta_text)
    if match:
        day, month, year = (int(g) for g in match.groups())
        rest = meta_text[match.end():] + " " + meta_text[: match.start()]
        clock = TIME.search(rest)
        hour = minute = second = 0
        if clock:
            hour, minute, second = int(clock[1]), int(clock[2]), int(clock[3] or 0)
            half = (clock[4] or "").lower()
            if half in ("ch", "pm", "chiều") and hour < 12:
                hour += 12
            elif half in ("sa", "am", "sáng") and hour == 12:
                hour = 0
        try:
            return dt.datetime(year, month, day, hour, minute, second), bool(clock)
        except ValueError:
            raise NotArticle(f'ngày đăng "{match.group(0)}" không hợp lệ', error=True) from None
    if published:
        try:
            when = dt.datetime.fromisoformat(published)
        except ValueError:
            raise NotArticle(f'ngày đăng "{published}" (article:published_time) không hợp lệ', error=True) from None
        return when, True
    raise NotArticle(f'dòng ngày đăng "{meta_text[:80]}" không có ngày dạng 21/03/2024', error=True)


def _views(text: str) -> int:
    match = VIEWS.search(text)
    return int(re.sub(r"[.,]", "", match.group(1))) if match else 0


def _title(meta_el: Tag, soup, declared: str) -> Tag | None:
    """The page's <h1> when it agrees with og:title or <title>; else the heading, or
    element styled as a title, closest before the meta line."""
    key = fold(declared or "")
    for h1 in soup.find_all("h1"):
        text = fold(squash(h1.get_text(" ")))
        if key and len(text) >= 10 and (text in key or key in text):
            return h1
    for index, el in enumerate(meta_el.find_all_previous(True)):
        if index > 400:
            break
        if el.name in ("h1", "h2", "h3") or (TITLE_CLASS.search(_classes(el)) and not CATEGORY_CLASS.search(_classes(el))):
            text = squash(el.get_text(" "))
            if len(text) >= 10 and not CATEGORY_CLASS.search(_classes(el.parent) if el.parent else ""):
                return el
    return None


def _page_title(soup) -> str:
    title = squash(soup.title.get_text(" ")) if soup.title else ""
    return re.split(r"\s+[|–—-]\s+(?=[^|–—-]*$)", title)[0] if title else ""


def _category(soup, anchor: Tag | None, title: str) -> str | None:
    """The section heading or the breadcrumb's last section, before the title."""
    candidates = anchor.find_all_previous(True) if anchor else soup.find_all(True)
    for el in candidates:
        classes = _classes(el)
        if CRUMB_CLASS.search(classes):
            items = [squash(a.get_text(" ")) for a in el.find_all(["a", "li", "span"]) if not a.find(["a", "li"])]
            items = [i for i in items if i and not HOME.match(i) and i != title and i not in ("»", ">", "/", "›")]
            if items:
                return items[-1]
            parts = [squash(p) for p in re.split(r"[»>›/|]", el.get_text(" "))]
            parts = [p for p in parts if p and not HOME.match(p) and p != title]
            if parts:
                return parts[-1]
        if CATEGORY_CLASS.search(classes) and not el.find(["ul", "li"]):
            text = squash(el.get_text(" "))
            if 2 <= len(text) <= 150:
                return text
    return None


def _tags(soup) -> list[str]:
    for el in soup.find_all(True):
        if TAGS_CLASS.search(_classes(el)):
            names = [squash(a.get_text(" ")) for a in el.find_all("a")]
            return [n for n in dict.fromkeys(names) if n and len(n) <= 60]
    return []


def _is_junk(tag: Tag) -> bool:
    if tag.name in ("aside", "footer", "iframe") and not _youtube(tag):
        return True
    if tag.name not in JUNK_TAGS:
        return False  # a <span class="khach-hang"> inside a paragraph is text, whatever its class
    for value in [*(tag.get("class") or []), tag.get("id") or ""]:
        words = [w for w in _WORD_SPLIT.split(value.lower()) if w]
        if JUNK_WORDS.intersection(words) or JUNK_PAIRS.intersection(pairwise(words)):
            return True
    return False


def _youtube(tag: Tag) -> bool:
    return tag.name == "iframe" and re.search(r"youtube(-nocookie)?\.com/embed/", tag.get("src") or "") is not None


def _body(soup, ignore: set[int] = frozenset()) -> Tag | None:
    """The block with the most paragraph text (text in links does not count).

    Parents are walked by hand: bs4's find_parent builds its matcher on every
    call, which was most of an import's time.
    """
    scores: dict[int, float] = {}
    nodes: dict[int, Tag] = {}
    for node in soup.descendants:
        if type(node) is not NavigableString:
            continue
        length = len(node.strip())
        if length < 20:
            continue
        chain, parent, skip = [], node.parent, False
        while parent is not None:
            if parent.name in NOT_BODY_TEXT or id(parent) in ignore:
                skip = True
                break
            if parent.name == "p" or parent.name in BLOCK_SET:
                chain.append(parent)
            parent = parent.parent
        if skip or not chain:
            continue
        blocks = [b for b in (chain[1:] if chain[0].name == "p" else chain) if b.name in BLOCK_SET][:2]
        for block, weight in zip(blocks, (1.0, 0.3)):
            scores[id(block)] = scores.get(id(block), 0) + length * weight
            nodes[id(block)] = block
    if not scores:
        return None
    best = max(scores, key=lambda key: scores[key])
    return nodes[best]


def _lead(soup, body: Tag) -> Tag | None:
    """A sapo kept apart from the body (class sapo, lead, …), if it precedes it."""
    for el in body.find_all_previous(True):
        if LEAD_CLASS.search(_classes(el)) and len(squash(el.get_text(" "))) >= 20 and not _contains(el, body):
            return el
    return None


def _classes(el) -> str:
    if not isinstance(el, Tag):
        return ""
    return " ".join([*(el.get("class") or []), el.get("id") or ""])


def _contains(outer: Tag, inner: Tag) -> bool:
    return outer is inner or any(parent is outer for parent in inner.parents)
