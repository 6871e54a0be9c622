"""The article body as a list of blocks: paragraphs, headings, lists, tables, photos.

Markup of every era is read the same way: `<p>` paragraphs, `<br>` soup
(text split by line breaks in a table cell), layout tables, CKEditor's
image tables, HTML5 figures. Inline formatting (bold, italic, links) is
kept as Markdown; styles, fonts and spans are dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from bs4 import Comment, NavigableString, Tag

from .text import escape, escape_attr, escape_line_start, squash

FLOW = ("p", "div", "section", "article", "main", "center", "blockquote", "address", "header",
        "td", "th", "li", "dd", "dt", "dl", "pre", "caption", "tbody", "thead", "tr", "body", "figcaption")
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
CAPTION_CLASS = re.compile(r"caption|chu-?thich|chuthich|legend|image-?desc|img-?desc|photo-?desc", re.IGNORECASE)
_CENTER_STYLE = re.compile(r"text-align\s*:\s*center", re.IGNORECASE)
_YOUTUBE = re.compile(r"^(?:https?:)?//(?:www\.)?youtube(?:-nocookie)?\.com/embed/[\w-]+", re.IGNORECASE)


@dataclass
class Piece:
    md: str
    text: str
    bold: bool = False
    italic: bool = False


@dataclass
class Para:
    md: str
    text: str
    italic: bool = False  # every word in <i>/<em>
    bold: bool = False
    centered: bool = False
    caption_class: bool = False


@dataclass
class Heading:
    level: int
    md: str
    text: str


@dataclass
class Block:
    """Markdown written as is: a list, a table, an embed."""

    md: str
    text: str = ""
    kind: str = ""  # "list", "table", "embed", "separator"


@dataclass
class Photo:
    src: str
    alt: str = ""
    title: str = ""
    caption: str | None = None
    href: str = ""  # a link around the photo, often to the full-size file
    extra: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Style:
    bold: bool = False
    italic: bool = False
    centered: bool = False
    caption_class: bool = False


class Walker:
    def __init__(self, base_url: str | None, skip=()):
        self.base_url = base_url
        self.skip = {id(s) for s in skip}
        self.blocks: list = []
        self.pieces: list[Piece] = []
        self.para_style = Style()

    def run(self, node: Tag) -> list:
        self.walk(node, Style())
        self.flush()
        return self.blocks

    # -- flow ----------------------------------------------------------------

    def walk(self, node: Tag, style: Style) -> None:
        for child in list(node.children):
            if isinstance(child, Comment):
                continue
            if isinstance(child, NavigableString):
                if str(child).strip():
                    self.para_style = style if not self.pieces else self.para_style
                    self.pieces.append(Piece(escape(str(child)), str(child), style.bold, style.italic))
                elif self.pieces:
                    self.pieces.append(Piece(" ", " ", style.bold, style.italic))
                continue
            if not isinstance(child, Tag) or id(child) in self.skip:
                continue
            self.tag(child, style)

    def tag(self, el: Tag, style: Style) -> None:
        name = el.name
        if name == "br" or name == "hr":
            self.flush()
        elif name == "img":
            self.flush()
            self.photo(el)
        elif name == "figure":
            self.flush()
            self.figure(el, style)
        elif name == "table":
            self.flush()
            self.table(el, style)
        elif name in ("ul", "ol") and not el.find("img"):
            self.flush()
            if self.blocks and isinstance(self.blocks[-1], Block) and self.blocks[-1].kind == "list":
                self.add(Block("<!-- -->", kind="separator"))  # two lists in a row stay two lists
            self.add(Block(list_md(el, self.base_url), squash(el.get_text(" ")), kind="list"))
        elif name in HEADINGS and not el.find("img"):
            self.flush()
            md, text = inline(el, self.base_url)
            if text:
                self.add(Heading(max(2, min(int(name[1]), 4)), md, text))
        elif name == "iframe":
            self.flush()
            src = el.get("src") or ""
            if _YOUTUBE.match(src):
                title = escape_attr(squash(el.get("title", "")))
                self.add(Block(f'<iframe src="{escape_attr(src)}" title="{title}" allowfullscreen></iframe>',
                               kind="embed"))
        elif name in FLOW or name in ("ul", "ol", "li", *HEADINGS) or _holds_blocks(el):
            inner = _style(el, style)
            if name in FLOW:
                self.flush()
            if name == "a" and el.find("img"):
                for img in el.find_all("img"):
                    img["data-href"] = el.get("href") or ""
            self.walk(el, inner)
            if name in FLOW:
                self.flush()
        else:
            md, text = inline(el, self.base_url)
            if text:
                inner = _style(el, style)
                if not self.pieces:
                    self.para_style = style
                italic = inner.italic or _all_text_in(el, ("i", "em"))
                bold = inner.bold or _all_text_in(el, ("b", "strong"))
                self.pieces.append(Piece(md, text, bold, italic))

    def flush(self) -> None:
        pieces, self.pieces = self.pieces, []
        md = squash("".join(p.md for p in pieces))
        text = squash("".join(p.text for p in pieces))
        if not text:
            return
        words = [p for p in pieces if p.text.strip()]
        style = self.para_style
        para = Para(md, text, italic=all(p.italic for p in words), bold=all(p.bold for p in words),
                    centered=style.centered, caption_class=style.caption_class)
        if para.bold and not any("**" in p.md for p in words):
            para.md = f"**{md}**"
        if para.italic and not any("*" in p.md.replace("**", "") for p in words):
            para.md = f"*{para.md}*"
        self.add(para)

    def add(self, block) -> None:
        self.blocks.append(block)

    # -- photos and tables ---------------------------------------------------

    def photo(self, img: Tag, caption: str | None = None) -> None:
        src = (img.get("src") or img.get("data-src") or "").strip()
        if not src or _tracking(img) or src.lower().startswith("file:"):
            return  # file:///C:/… : a picture on the author's computer (a Word paste), never on the portal
        self.add(Photo(src, squash(img.get("alt", "")), squash(img.get("title", "")), caption,
                       img.get("data-href", "")))

    def figure(self, el: Tag, style: Style) -> None:
        caption_el = el.find("figcaption")
        caption = squash(caption_el.get_text(" ")) if caption_el else ""
        images = el.find_all("img")
        if len(images) == 1:
            self.photo(images[0], caption or None)
            return
        if caption_el:
            caption_el.extract()
        self.walk(el, style)

    def table(self, el: Tag, style: Style) -> None:
        rows = [r for r in el.find_all("tr") if r.find_parent("table") is el]
        images = el.find_all("img")
        if images and _photo_table(el, rows, images):
            for img in images:
                self.photo(img, _cell_caption(img, el) or None)
            return
        if images or _layout(el, rows):
            self.walk(el, style)
            return
        self.add(Block(table_md(rows, self.base_url), squash(el.get_text(" ")), kind="table"))


NOT_INLINE = frozenset(("img", "br", "table", "p", "div", "ul", "ol", "iframe", "figure", *HEADINGS))


def _holds_blocks(el: Tag) -> bool:
    """Whether an inline element (<b>, <span>, <a>) wraps photos, breaks or blocks."""
    return any(getattr(node, "name", None) in NOT_INLINE for node in el.descendants)


def _style(el: Tag, style: Style) -> Style:
    classes = " ".join([*(el.get("class") or []), el.get("id") or ""])
    centered = (
        el.name == "center" or (el.get("align") or "").lower() == "center"
        or bool(_CENTER_STYLE.search(el.get("style") or ""))
    )
    return Style(
        bold=style.bold or el.name in ("b", "strong"),
        italic=style.italic or el.name in ("i", "em"),
        centered=style.centered or centered,
        caption_class=style.caption_class or bool(CAPTION_CLASS.search(classes)) or el.name == "figcaption",
    )


def _all_text_in(el: Tag, names: tuple[str, ...]) -> bool:
    """Whether every word inside `el` is inside one of the tags `names`."""
    found = False
    for node in el.descendants:
        if type(node) is NavigableString and node.strip():
            found = True
            parent = node.parent
            while parent is not None and parent is not el and parent.name not in names:
                parent = parent.parent
            if parent is None or parent is el:
                return False
    return found


def _tracking(img: Tag) -> bool:
    """1×1 pixels, counters and beacons."""
    def tiny(value):
        digits = re.match(r"\s*(\d+)", str(value or ""))
        return digits is not None and int(digits.group(1)) <= 2
    src = (img.get("src") or "").lower()
    return tiny(img.get("width")) or tiny(img.get("height")) or bool(
        re.search(r"pixel|counter|tracking|analytics|beacon|facebook\.com/tr", src)
    )


def _photo_table(el: Tag, rows, images) -> bool:
    """CKEditor's captioned image: a small table of photos and short caption cells."""
    if len(rows) > 2 * len(images) + 1 or el.find("table") is not None:
        return False
    text = squash(el.get_text(" "))
    return len(text) <= 300 * len(images)


def _cell_caption(img: Tag, table: Tag) -> str:
    """The text in the photo's own cell, else in the cell below it."""
    cell = img.find_parent(["td", "th"])
    if cell is None:
        return ""
    own = squash(cell.get_text(" "))
    if own:
        return own
    row = cell.find_parent("tr")
    cells = [c for c in row.find_all(["td", "th"]) if c.find_parent("tr") is row]
    column = cells.index(cell) if cell in cells else 0
    below = row.find_next_sibling("tr")
    while below is not None:
        under = [c for c in below.find_all(["td", "th"]) if c.find_parent("tr") is below]
        target = under[column] if column < len(under) else (under[0] if len(under) == 1 else None)
        if target is not None and not target.find("img"):
            return squash(target.get_text(" "))
        below = below.find_next_sibling("tr")
    return ""


def _layout(el: Tag, rows) -> bool:
    """A table used for page layout: one cell, or cells holding paragraphs and blocks."""
    cells = [c for r in rows for c in r.find_all(["td", "th"]) if c.find_parent("tr") is r]
    if len(cells) <= 1:
        return True
    return any(c.find(["p", "div", "table", "ul", "ol", "br"]) and len(squash(c.get_text(" "))) > 200 for c in cells)


# -- inline Markdown -------------------------------------------------------------


def inline(el: Tag, base_url: str | None) -> tuple[str, str]:
    """(Markdown, plain text) of an element holding only inline content."""
    parts_md, parts_text = [], []
    for child in el.children:
        if isinstance(child, Comment):
            continue
        if isinstance(child, NavigableString):
            parts_md.append(escape(str(child)))
            parts_text.append(str(child))
        elif isinstance(child, Tag) and child.name == "br":
            parts_md.append(" ")
            parts_text.append(" ")
        elif isinstance(child, Tag) and child.name in ("sup", "sub"):
            md, text = inline(child, base_url)
            if text.strip():
                parts_md.append(f"<{child.name}>{squash(md)}</{child.name}>")  # m², H₂O
                parts_text.append(text)
        elif isinstance(child, Tag) and child.name not in ("img", "iframe", "script", "style"):
            md, text = inline(child, base_url)
            block = child.name in ("p", "div", "li", "ul", "ol", "table", "tr", "td", "th", *HEADINGS)
            parts_md.append(f" {md} " if block else md)
            parts_text.append(f" {text} " if block else text)
    md, text = "".join(parts_md), "".join(parts_text)
    if not text.strip():
        return ("" if not text else " "), text
    lead = " " if md[:1].isspace() else ""
    trail = " " if md[-1:].isspace() else ""
    core = squash(md)
    name = el.name
    if name in ("b", "strong") and "**" not in core:
        return f"{lead}**{core}**{trail}", text
    if name in ("i", "em") and "*" not in core.replace("**", ""):
        return f"{lead}*{core}*{trail}", text
    if name == "a":
        href = link_target(el.get("href"), base_url)
        if href:
            href = href.replace("<", "%3C").replace(">", "%3E").replace(" ", "%20")
            return f"{lead}[{core}](<{href}>){trail}", text
    return md, text


def link_target(href: str | None, base_url: str | None) -> str | None:
    href = (href or "").strip()
    if not href or href.startswith(("#", "javascript:", "data:")):
        return None
    if href.startswith("mailto:"):
        return href
    absolute = urljoin(base_url or "", href)
    return absolute if urlsplit(absolute).scheme in ("http", "https") else None


def list_md(el: Tag, base_url: str | None, depth: int = 0) -> str:
    lines = []
    for number, item in enumerate(el.find_all("li", recursive=False), start=1):
        nested = item.find_all(["ul", "ol"], recursive=False)
        for sub in nested:
            sub.extract()
        md, text = inline(item, base_url)
        marker = f"{number}." if el.name == "ol" else "-"
        if text.strip():
            lines.append("    " * depth + f"{marker} {escape_line_start(squash(md))}")
        for sub in nested:
            lines.append(list_md(sub, base_url, depth + 1))
    return "\n".join(line for line in lines if line)


def table_md(rows, base_url: str | None) -> str:
    grid = []
    for row in rows:
        cells = []
        for cell in row.find_all(["td", "th"]):
            if cell.find_parent("tr") is not row:
                continue
            md, _ = inline(cell, base_url)
            cells.append(squash(md).replace("|", "\\|"))
            cells += [""] * (int(cell.get("colspan", 1) or 1) - 1 if str(cell.get("colspan", 1)).isdigit() else 0)
        if any(cells):
            grid.append(cells)
    if not grid:
        return ""
    width = max(len(r) for r in grid)
    grid = [r + [""] * (width - len(r)) for r in grid]
    lines = ["| " + " | ".join(grid[0]) + " |", "|" + "---|" * width]
    lines += ["| " + " | ".join(r) + " |" for r in grid[1:]]
    return "\n".join(lines)
