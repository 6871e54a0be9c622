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

from bs4 import BeautifulSoup, Comment, Declaration, NavigableString, ProcessingInstruction, Tag
from news_core.slugs import fold

from .text import squash

DROP_TAGS = ("script", "style", "noscript", "template", "link", "input", "button",
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
CATEGORY_CLASS = re.compile(r"cate|\bcat(?:-?name)?\b|chuyen-?muc|chuyenmuc|section|zone|title-?cat", re.IGNORECASE)
CRUMB_CLASS = re.compile(r"breadcrumb|crumb|\bpath\b|sitemappath|duong-?dan|duongdan|navigation|vi-?tri", re.IGNORECASE)
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
VIEWS = re.compile(
    r"(?:lượt xem|lượt đọc|số lần xem|lượt truy cập bài|lượt truy cập)\s*:?\s*(\d{1,3}(?:[.,]\d{3})+|\d+)"
    r"|(\d{1,3}(?:[.,]\d{3})+|\d+)\s*(?:lượt xem|lượt đọc|lần xem)", re.IGNORECASE)
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
    notes: list[str] = field(default_factory=list)  # how the date was found, when not by its label
    dropped: list[str] = field(default_factory=list)  # page chrome removed by its words (for --dry-run)


def read(text: str) -> tuple[BeautifulSoup, Found]:
    """Parse `text` and locate the article; NotArticle when there is none."""
    soup = BeautifulSoup(text, "html.parser")
    canonical = _canonical(soup)
    section = _meta_content(soup, "article:section")
    published = _meta_content(soup, "article:published_time")
    og_title = _meta_content(soup, "og:title")
    # Comments go, and Word's <![if !supportLists]> … <![endif]> (html.parser keeps them as
    # text); a comment holding a photo is put back in the page (_uncomment_photos).
    hidden = [node for node in soup.descendants if isinstance(node, (Comment, Declaration, ProcessingInstruction))]
    for node in hidden:
        if not _uncomment_photo(node):
            node.extract()
    for tag in soup.find_all(DROP_TAGS):
        tag.decompose()
    for form in soup.find_all("form"):  # ASP.NET wraps the whole page in one <form>: keep its content
        if not form.__dict__.get("_decomposed"):
            form.unwrap() if len(form.get_text(" ")) > 300 else form.decompose()
    notes = []
    meta_el, note = _meta_line(soup)
    if note:
        notes.append(note)
    if meta_el is None:
        meta_el = _date_after_title(soup, og_title or _page_title(soup))
        if meta_el is not None:
            notes.append(f'ngày đăng lấy từ dòng "{squash(meta_el.get_text(" "))[:60]}" ngay sau tiêu đề '
                         f"({_describe(meta_el)}), vì trang không ghi chữ “Ngày đăng”")
    if meta_el is None and not published:
        raise NotArticle("không thấy ngày đăng: không có dòng “Ngày đăng …”, cũng không có ngày dạng 21/03/2024 "
                         "ngay sau tiêu đề, nên không phải trang bài viết")
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
    dropped = _strip_chrome(soup, [el for el in (title_el, meta_el) if el is not None])
    body = _body(soup, {id(el) for el in (title_el, meta_el) if el is not None})
    if body is None:
        raise NotArticle("không tìm thấy nội dung bài viết (không có đoạn văn nào)", error=True)
    lead = _lead(soup, body, [el for el in (title_el, meta_el) if el is not None])
    skip = [el for el in (title_el, meta_el) if el is not None and _contains(body, el)]
    return soup, Found(title, date, has_time, views, category, tags, canonical, body, lead, skip, notes, dropped)


def _canonical(soup) -> str | None:
    link = soup.find("link", rel=lambda v: v and "canonical" in v)
    href = (link.get("href") or "").strip() if link else ""
    href = href or (_meta_content(soup, "og:url") or "")
    return href if href.lower().startswith(("http://", "https://")) else None


def _meta_content(soup, name: str) -> str | None:
    tag = soup.find("meta", attrs={"property": name}) or soup.find("meta", attrs={"name": name})
    value = (tag.get("content") or "").strip() if tag else ""
    return value or None


def _meta_line(soup) -> tuple[Tag | None, str]:
    """The smallest element holding the meta line's words and a date; else a date-classed one."""
    labelled = [node for node in soup.descendants if type(node) is NavigableString and META_WORDS.search(node)]
    for string in labelled:  # not find_all(string=…): bs4's filter costs more than the walk
        el = string.parent
        for _ in range(4):
            if el is None:
                break
            text = el.get_text(" ")
            if DATE.search(text) and len(text) < 400:
                return el, ""
            el = el.parent
    dated = [
        el for el in soup.find_all(True)
        if (el.name == "time" or DATE_CLASS.search(_classes(el))) and not el.find_parent(["a", "li"])
        and DATE.search(el.get_text(" ")) and len(el.get_text(" ")) < 200
    ]
    dated = [el for el in dated if not any(_contains(other, el) for other in dated if other is not el)]
    if not 1 <= len(dated) <= LISTING_DATES:
        return None, ""  # none, or many dates: a listing page
    if len(dated) > 1:  # the first in the page; the report says which, and what else there was
        others = ", ".join(f'"{squash(el.get_text(" "))[:40]}"' for el in dated[1:])
        return dated[0], (
            f'trang có {len(dated)} ngày trong các thẻ ngày tháng: lấy ngày đầu tiên '
            f'"{squash(dated[0].get_text(" "))[:40]}" ({_describe(dated[0])}), bỏ qua {others}')
    return dated[0], ""


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


# Portal chrome found by what it says, whatever its markup: print, e-mail and share
# links, "back to top", and the headings of related lists (with the list after them).
CHROME_TEXT = frozenset(fold(t) for t in (
    "In bài", "In trang", "In bài viết", "Bản in", "Gửi email", "Gửi mail", "Gửi e-mail", "Gửi bài",
    "Gửi cho bạn bè", "Gửi bạn bè", "Chia sẻ", "Chia sẻ bài viết", "Về đầu trang", "Lên đầu trang",
    "Đầu trang", "Quay lại", "Trở về", "Trở lại", "Đóng cửa sổ", "Đóng", "Facebook", "Zalo", "Twitter",
    "Tweet", "Email", "E-mail", "Print", "Lưu bài", "Lưu bài viết", "Phản hồi", "Góp ý", "Bình luận",
    "Ý kiến bạn đọc", "Tải về", "Cỡ chữ", "A+", "A-", "Thích", "Like", "Share",
))
RELATED_TEXT = frozenset(fold(t) for t in (
    "Tin liên quan", "Các tin liên quan", "Các tin khác", "Tin khác", "Xem thêm", "Tin cùng chuyên mục",
    "Bài viết liên quan", "Các bài viết khác", "Bài viết khác", "Tin đã đưa", "Các tin đã đưa",
    "Tin bài khác", "Các tin bài khác", "Tin mới hơn", "Tin cũ hơn", "Tin mới", "Đọc thêm",
))
CHROME_TAGS = ("a", "span", "div", "p", "li", "td", "h2", "h3", "h4", "h5", "h6", "b", "strong", "font", "label", "em")


def _strip_chrome(soup, keep: list[Tag]) -> list[str]:
    """Remove print/e-mail/share links and related lists, by their words; what was removed.

    Walks the page's strings, not its elements (an element's text is costly to build):
    a string that is all chrome takes with it the outermost element saying only that."""
    dropped = []
    strings = [node for node in soup.descendants if type(node) is NavigableString and _CHROME_STRING(node)]
    for string in strings:
        el = string.__dict__.get("parent")  # None once an earlier removal took the string with it
        if el is None or el.__dict__.get("_decomposed") or any(_contains(el, k) or _contains(k, el) for k in keep):
            continue
        words = _chrome_words(string)
        if _chrome_words(el.get_text(" ")) != words:
            continue  # the words are part of a longer text ("Xem thêm: <a>…</a>" in a paragraph)
        while el.parent is not None and el.parent.name in CHROME_TAGS and _chrome_words(el.parent.get_text(" ")) == words:
            el = el.parent
        if el.name not in CHROME_TAGS:
            continue
        if words in CHROME_TEXT:
            dropped.append(squash(el.get_text(" ")))
            el.decompose()
            continue
        if el.name not in ("div", "p", "li", "td", "h2", "h3", "h4", "h5", "h6"):
            continue  # "Xem thêm:" inside a paragraph introduces a link of the article itself
        listing = el.find_next_sibling(["ul", "ol", "table", "div", "dl"])
        if listing is None and el.parent is not None and el.parent.name not in ("body", "html"):
            listing = el.parent.find_next_sibling(["ul", "ol", "table", "div", "dl"])
        if listing is not None and len(listing.find_all("a")) >= 2 and not any(_contains(listing, k) for k in keep):
            dropped.append(f"{squash(el.get_text(' '))} ({len(listing.find_all('a'))} liên kết)")
            listing.decompose()
        else:
            dropped.append(squash(el.get_text(" ")))
        el.decompose()
    return list(dict.fromkeys(dropped))


def _chrome_words(text: str) -> str:
    return fold(squash(text)).strip(" :|»>-")


def _CHROME_STRING(text) -> bool:  # noqa: N802 - a bs4 string filter
    if len(text) > 60 or not text.strip():
        return False
    words = _chrome_words(text)
    return bool(words) and (words in CHROME_TEXT or words in RELATED_TEXT)


def _uncomment_photo(node) -> bool:
    """A page saved "HTML only" by some tools keeps its figures inside <!-- -->: a
    commented photo (an <img>, with its caption) goes back in the page, so its caption
    is kept. Whether `node` was one."""
    text = str(node)
    if type(node) is not Comment or "<img" not in text.lower() or text.lstrip().startswith("[if"):
        return False
    fragment = BeautifulSoup(text, "html.parser")
    if not fragment.contents:
        return False
    node.replace_with(*fragment.contents)
    return True


def _date_after_title(soup, declared: str) -> Tag | None:
    """A page with no dated meta line: the first short element holding a date after the
    title (found by agreeing with og:title or <title>), never one in a link, a list
    item or a sidebar; none when the page holds many such dates (a listing)."""
    key = fold(declared or "")
    if len(key) < 10:
        return None
    title_el = None
    for el in soup.find_all(True):
        if el.name in ("title", "meta", "head", "html", "body") or el.find_parent(["a", "li", "title"]):
            continue
        text = fold(squash(el.get_text(" ")))
        if len(text) >= 10 and (text == key or (len(text) < 2 * len(key) and key in text)):
            title_el = el  # the outermost element agreeing with the title; its smallest is not needed
            break
    if title_el is None:
        return None
    dated = [el for el in soup.find_all(True) if _short_date(el)]
    dated = [el for el in dated if not any(_contains(el, other) for other in dated if other is not el)]
    if len(dated) > LISTING_DATES + 1:
        return None
    for index, el in enumerate(title_el.find_all_next(True)):
        if index > 120:
            break
        if _short_date(el) and not _contains(title_el, el):
            return el.parent if el.parent is not None and _short_date(el.parent, 200) else el
    return None


def _short_date(el: Tag, limit: int = 160) -> bool:
    if el.name in ("a", "li", "html", "body", "head", "title", "option") or el.find_parent(["a", "li", "title"]):
        return False
    if any(_is_junk(parent) for parent in el.parents if isinstance(parent, Tag)):
        return False
    text = el.get_text(" ")
    return len(text) < limit and DATE.search(text) is not None and not el.find(["p", "table", "ul"])


def _describe(el: Tag) -> str:
    ident = el.get("id") or " ".join(el.get("class") or [])
    return f"thẻ {el.name}" + (f" “{ident}”" if ident else "")


VIEWS_LABEL_FIRST = re.compile(VIEWS.pattern.split("|(")[0], re.IGNORECASE)


def _views(text: str) -> int:
    """The count after its label ("Lượt xem: 347"), else before it ("1.024 lượt xem"):
    in "02/10/2024 Lượt đọc: 2.310" the year is not the count."""
    match = VIEWS_LABEL_FIRST.search(text) or VIEWS.search(text)
    return int(re.sub(r"[.,]", "", match.group(1) or match.group(2))) if match else 0


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
            if _contains(el, meta_el):
                continue  # a container (class "show-asset-title") holding the date line and the article
            text = squash(el.get_text(" "))
            if 10 <= len(text) <= 400 and not CATEGORY_CLASS.search(_classes(el.parent) if el.parent else ""):
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


def _lead(soup, body: Tag, stops=()) -> Tag | None:
    """A sapo kept apart from the body (class sapo, lead, …), between the title (or
    the date line) and the body: never the site's description in the header."""
    for el in body.find_all_previous(True):
        if any(el is stop for stop in stops):
            return None
        if LEAD_CLASS.search(_classes(el)) and len(squash(el.get_text(" "))) >= 20 and not _contains(el, body):
            return el
    return None


def _classes(el) -> str:
    if not isinstance(el, Tag):
        return ""
    return " ".join([*(el.get("class") or []), el.get("id") or ""])


def _contains(outer: Tag, inner: Tag) -> bool:
    return outer is inner or any(parent is outer for parent in inner.parents)
