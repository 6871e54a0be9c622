"""The `::: gallery Title` block: read from Markdown source lines, and written.

    ::: gallery Một số hình ảnh hội nghị
    ![Quang cảnh hội nghị](quang-canh.jpg)
    ![](trao-thuong.jpg "Trao thưởng [tập thể]")
    :::

find_galleries() reads the blocks of an article (news_gallery turns them into
HTML); opening(), item_line() and CLOSING write them (the photo command of
news_editor, the importer news_legacy), so what is written reads back as
written."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .photos import MARKDOWN_ESCAPE

OPEN = re.compile(r"^ {0,3}:{3,}\s*gallery\b[ \t]*(?P<title>.*?)\s*$", re.IGNORECASE)
CLOSE = re.compile(r"^ {0,3}:{3,}\s*$")
COLONS = re.compile(r"^\s*(?:>\s*)*:{3,}")  # any line that looks like a ::: fence
FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
OPEN_FIX = "Mở thư viện ảnh bằng dòng ::: gallery Tiêu đề và đóng bằng dòng :::."
IMAGE = re.compile(
    r'^\s*!\[(?P<alt>[^\]]*)\]\(\s*(?P<src><[^>]+>|[^\s)]+)'
    r'(?:\s+"(?P<title>[^"]*)")?\s*\)\s*$'
)
_SPACES = re.compile(r"[ \t\r\n]+")
DEFAULT_TITLE = "Một số hình ảnh"
LINE_FIX = "Mỗi dòng trong thư viện ảnh là một ảnh: ![Chú thích ảnh](ten-anh.jpg)."


@dataclass(frozen=True)
class Item:
    src: str
    alt: str
    caption: str
    line: int  # index in the source lines


@dataclass(frozen=True)
class Gallery:
    title: str
    items: tuple[Item, ...]
    start: int  # index of the opening line
    end: int  # index of the closing line


@dataclass(frozen=True)
class Problem:
    line: int
    problem: str
    fix: str


def find_galleries(lines: list[str]) -> tuple[list[Gallery], list[Problem]]:
    """Every gallery block in `lines`, and the problems found in them."""
    galleries, problems, index, fence = [], [], 0, None
    while index < len(lines):
        line = lines[index]
        marker = FENCE.match(line)
        if marker and (fence is None or marker[1].startswith(fence)):
            fence = marker[1][:3] if fence is None else None
        opened = None if fence else OPEN.match(line)
        if not opened:
            if not fence and COLONS.match(line):
                problems.append(Problem(index, f'dòng "{line.strip()[:40]}" không mở thư viện ảnh nào', OPEN_FIX))
            index += 1
            continue
        end = next((j for j in range(index + 1, len(lines)) if CLOSE.match(lines[j])), None)
        if end is None:
            problems.append(Problem(index, "thư viện ảnh (gallery) mở ở đây nhưng không có dòng ::: đóng lại", "Thêm một dòng chỉ có ::: sau ảnh cuối cùng."))
            break
        items = []
        for j in range(index + 1, end):
            item = _item(lines[j], j, problems)
            if item:
                items.append(item)
        if not items and not any(p.line in range(index, end) for p in problems):
            problems.append(Problem(index, "thư viện ảnh không có ảnh nào", LINE_FIX))
        galleries.append(Gallery(opened["title"] or DEFAULT_TITLE, tuple(items), index, end))
        index = end + 1
    return galleries, problems


def _item(line: str, index: int, problems: list[Problem]) -> Item | None:
    if not line.strip():
        return None
    match = IMAGE.match(line)
    if not match:
        problems.append(Problem(index, f'dòng "{line.strip()[:60]}" không phải là một ảnh', LINE_FIX))
        return None
    alt = squash(match["alt"])
    caption = squash(match["title"] or "") or alt
    if not caption:
        problems.append(Problem(index, "ảnh trong thư viện thiếu chú thích (caption)", "Viết chú thích trong ngoặc vuông: ![Chú thích ảnh](ten-anh.jpg)."))
        return None
    return Item(MARKDOWN_ESCAPE.sub(r"\1", match["src"].strip("<>")), alt or caption, caption, index)


def squash(text: str) -> str:
    """Collapse runs of ASCII whitespace, keeping the editor's no-break spaces."""
    return _SPACES.sub(" ", text).strip()


# -- writing ------------------------------------------------------------------

CLOSING = ":::"


def opening(title: str = "") -> str:
    """The line that opens a gallery; without a title the page shows DEFAULT_TITLE."""
    return f"::: gallery {title}".rstrip()


def item_line(src: str, caption: str) -> str:
    """One photo: `![caption](src)`. A caption holding "]" (and no '"') goes in the
    title, `![](src "caption")`, which reads back the same; otherwise its brackets
    become parentheses. An empty caption `![](src)` is left for the editor to fill in,
    and the build reports that line until it is."""
    if "]" in caption and '"' not in caption:
        return f'![]({src} "{caption}")'
    caption = caption.replace("[", "(").replace("]", ")")
    return f"![{caption}]({src})"


def block(title: str, items: list[str]) -> list[str]:
    """The lines of a whole gallery: the opening line, `items` (from item_line), the closing one."""
    return [opening(title), *items, CLOSING]
