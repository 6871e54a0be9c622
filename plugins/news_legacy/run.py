"""`invoke import-legacy`: read every page, check categories, write, report.

Nothing is written until every page has been read and every category
mapped: an unmapped category stops the run with the mapping to add.
"""

from __future__ import annotations

import datetime as dt
import difflib
import os
import re
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from news_core.fields import legacy_url_problem
from news_core.frontmatter import yaml_text
from news_core.guard import Refused
from news_core.settings import CategoryDef, Config
from news_core.slugs import fold

from .blocks import Para, Walker
from .decode import decode
from .page import NotArticle, read
from .sources import Page, declared_url, local_file

IMAGE_EXTENSIONS = (".jpg", ".jpeg", ".png", ".gif", ".webp", ".bmp", ".tif", ".tiff")


class ImportProblem(Exception):
    """Stops the whole run before anything is written; str() is Vietnamese."""


@dataclass
class Extracted:
    page: Page
    title: str
    date: dt.datetime
    has_time: bool
    views: int
    category: str | None
    tags: list[str]
    url: str | None
    blocks: list
    notice: str = ""
    dropped: list[str] = field(default_factory=list)  # page chrome left out (shown by --dry-run)


@dataclass
class Report:
    read: int = 0
    new: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str, bool]] = field(default_factory=list)  # (page, reason, is_error)
    photos_copied: int = 0
    documents_copied: int = 0
    photos_missing: list[tuple[str, str]] = field(default_factory=list)  # (article, src)
    files_outside: list[tuple[str, str]] = field(default_factory=list)  # (article, link and why)
    uncaptioned: list[tuple[str, int]] = field(default_factory=list)
    no_url: list[str] = field(default_factory=list)
    old_links: list[tuple[str, list[str]]] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    planned: list[list[str]] = field(default_factory=list)  # --dry-run: what each page would give
    planned_states: list[str] = field(default_factory=list)  # --dry-run: new, changed, unchanged, edited (kept), forced

    @property
    def failed(self) -> bool:
        return any(error for _, _, error in self.skipped)


def extract(page: Page) -> Extracted:
    """The article in one page file; NotArticle when it has none."""
    with open(page.path, "rb") as handle:
        text = decode(handle.read())
    if _cut_short(text):
        raise NotArticle("tệp trang bị cắt cụt (có <html> ở đầu nhưng không có </html> ở cuối: trình duyệt lưu dở, "
                         "hoặc chép thiếu), nên không nhập, và bài đã nhập trước đó từ trang này giữ nguyên. Lưu lại "
                         "trang từ cổng cũ (Ctrl+S, “Trang web, hoàn chỉnh”) rồi nhập lại", error=True)
    declared = declared_url(text)
    soup, found = read(text)
    url, dropped_url = _choose_url(found.canonical, declared, page.mirror_url())
    blocks = []
    if found.lead is not None:
        blocks += Walker(url).run(found.lead)
    blocks += Walker(url, skip=found.skip).run(found.body)
    dropped = list(found.dropped)
    blocks = _without_page_labels(blocks, found.title, found.category, dropped)
    first = next((b for b in blocks if isinstance(b, Para)), None)
    if first is not None and first.bold:  # a lead set in bold by the old template
        first.md, first.bold = first.md.replace("**", ""), False
    if not any(isinstance(b, Para) for b in blocks):
        raise NotArticle("bài không có đoạn văn nào sau khi bỏ phần thừa của trang", error=True)
    soup.decompose()
    notice = "; ".join(n for n in (text.notice, dropped_url, *found.notes) if n)
    return Extracted(page, found.title, found.date, found.has_time, found.views, found.category,
                     found.tags, url, blocks, notice, dropped)


_HTML_START = re.compile(r"<html[\s>]", re.IGNORECASE)
_HTML_END = re.compile(r"</html\s*>", re.IGNORECASE)


def _cut_short(text: str) -> bool:
    """A whole page (it opens <html>) whose end is missing: saved or copied half way."""
    return bool(_HTML_START.search(text[:8192])) and not _HTML_END.search(text[-8192:])


_CRUMB = re.compile(r"^(trang chu|trang chinh|home)\b.*[»>›/|]", re.IGNORECASE)


def _without_page_labels(blocks: list, title: str, category: str | None, dropped: list[str]) -> list:
    """The body without what the page showed around it: a breadcrumb, the section label
    or the title repeated in the first paragraphs (they would become the summary)."""
    labels = {fold(title)} | ({fold(category)} if category else set())
    kept, leading = [], True
    for block in blocks:
        if leading and isinstance(block, Para):
            text = fold(block.text).strip(" :|»>-")
            if text in labels or _CRUMB.match(text) or (category and text.endswith(fold(category)) and len(text) < 200
                                                        and any(sep in block.text for sep in "»>›")):
                dropped.append(block.text)
                continue
            leading = False
        kept.append(block)
    return kept


def _choose_url(canonical, declared, mirror) -> tuple[str | None, str]:
    """The page's old address, and why an address it gave was left out ("" if none was).

    Only an address the legacy_url field accepts is kept: one holding %0A, %22 or
    %2e%2e would fail the build or write redirects where they do not belong."""
    from urllib.parse import urlsplit

    # A canonical pointing at the home page is a template bug, not the address: tried last.
    first = [canonical] if canonical and urlsplit(canonical).path.strip("/") else []
    chosen, dropped = None, ""
    for url in dict.fromkeys(u for u in (*first, declared, mirror, canonical) if u):
        problem = legacy_url_problem(url)
        if problem is None:
            chosen = url
            break
        dropped = dropped or f"bỏ địa chỉ cũ: {problem[0]}"
    return chosen, dropped


def load_mapping(path: str | None, cfg: Config) -> dict[str, CategoryDef]:
    """The --category-map file: old name -> configured category (name or slug)."""
    if not path:
        return {}
    import yaml

    shown = os.path.relpath(path) if not os.path.isabs(path) or path.startswith(os.getcwd()) else path
    try:
        with open(path, encoding="utf-8-sig") as handle:
            source = handle.read()
    except FileNotFoundError:
        raise ImportProblem(f'không tìm thấy tệp chuyên mục "{shown}". Kiểm tra đường dẫn sau --category-map.') from None
    except UnicodeDecodeError:
        raise ImportProblem(f'tệp "{shown}" không được lưu bằng mã UTF-8. Mở tệp, lưu lại với mã UTF-8.') from None
    try:
        data = yaml.safe_load(source) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f":{mark.line + 1}" if mark else ""
        raise ImportProblem(
            f'{shown}{where}: tệp chuyên mục viết sai cú pháp. Mỗi dòng một cặp "Tên cũ": "Tên mới", '
            'ví dụ "Tin hoạt động": "Tin tức - Sự kiện".'
        ) from None
    if not isinstance(data, dict):
        raise ImportProblem(f'{shown}: tệp chuyên mục phải gồm các dòng "Tên cũ": "Tên mới".')
    mapping, seen = {}, {}
    lines = source.splitlines()
    for old, new in data.items():
        line = next((i + 1 for i, text in enumerate(lines)
                     if text.lstrip().lstrip("\"'").startswith(str(old))), None)
        if fold(str(old)) in seen:
            raise ImportProblem(
                f'{shown}:{line or "?"}: "{old}" đã có ở dòng {seen[fold(str(old))]} (chữ hoa, chữ thường không '
                "phân biệt). Mỗi tên cũ chỉ viết một lần; xóa một trong hai dòng."
            )
        seen[fold(str(old))] = line or "?"
        found = cfg.find_category(str(new or ""))
        if found is None:
            close = difflib.get_close_matches(str(new or ""), [c.name for c in cfg.categories], n=1, cutoff=0.5)
            hint = f' Có phải ý bạn là "{close[0]}"?' if close else ""
            raise ImportProblem(
                f'{shown}:{line or "?"}: "{new}" không phải chuyên mục trong NEWS_CATEGORIES (pelicanconf.py).{hint} '
                "Các chuyên mục hiện có: " + "; ".join(c.name for c in cfg.categories) + "."
            )
        mapping[fold(str(old))] = found
    return mapping


def category_of(name: str | None, mapping, cfg: Config) -> CategoryDef | None:
    if not name:
        return mapping.get(fold("")) or None
    return mapping.get(fold(name)) or cfg.find_category(name)


def unmapped_message(unmapped: dict[str, list[str]], cfg: Config) -> str:
    names = [c.name for c in cfg.categories]
    intro = (
        f"{len(unmapped)} chuyên mục của cổng cũ chưa ứng với chuyên mục nào trong NEWS_CATEGORIES; "
        "chưa ghi bài nào. Lưu các dòng dưới đây vào một tệp (ví dụ chuyen-muc.yml), sửa vế phải "
        "nếu gợi ý chưa đúng, rồi chạy lại với --category-map chuyen-muc.yml:"
    )
    lines = [intro, ""]
    for old, pages in sorted(unmapped.items()):
        label = old or "(không rõ chuyên mục)"
        close = difflib.get_close_matches(fold(label), [fold(n) for n in names], n=1, cutoff=0.0)
        guess = next(n for n in names if fold(n) == close[0]) if close else names[0]
        lines.append(f'"{label}": "{guess}"   # {len(pages)} bài, ví dụ {pages[0]}')
    return "\n".join(lines)


def front_matter(e: Extracted, category: CategoryDef, summary: str, slug: str | None, zone: str) -> str:
    when = e.date.astimezone(ZoneInfo(zone)) if e.date.tzinfo else e.date
    date = when.strftime("%d/%m/%Y %H:%M" if e.has_time else "%d/%m/%Y")
    lines = ["---", f"title: {yaml_text(e.title)}", f"date: {date}", f"views: {e.views}",
             f"category: {yaml_text(category.name)}"]
    if summary:
        lines.append(f"summary: {yaml_text(summary)}")
    if e.tags:
        lines.append("tags: [" + ", ".join(yaml_text(t) for t in e.tags) + "]")
    if slug:
        lines.append(f"slug: {slug}")
    if e.url:
        lines.append(f"legacy_url: {yaml_text(e.url)}")
    lines += ["legacy_hash: -", "---", ""]
    return "\n".join(lines)


def locator(e: Extracted):
    """locate(src, href) -> (path, image format) of a saved photo, or (None, why not)."""
    def locate(src: str, href: str):
        refused = ""
        if href and href.lower().split("?")[0].endswith(IMAGE_EXTENSIONS):
            try:
                full = local_file(href, e.page, e.url)
            except Refused as exc:
                full, refused = None, f"{exc}. {exc.fix}"
            if full and image_format(full):
                return os.path.normpath(full), image_format(full)
        try:
            found = local_file(src, e.page, e.url)
        except Refused as exc:
            return None, f"{exc}. {exc.fix}"  # never copied: listed like a photo missing from the saved copy
        if not found:
            return None, refused
        kind = image_format(found)
        return (os.path.normpath(found), kind) if kind else (None, "không phải tệp ảnh")
    return locate


def image_format(path: str) -> str | None:
    """JPEG, PNG, GIF, WEBP, BMP or TIFF when Pillow recognises the file; else None."""
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(path) as image:
            return image.format if image.format in ("JPEG", "PNG", "GIF", "WEBP", "BMP", "TIFF") else None
    except (OSError, UnidentifiedImageError, ValueError):
        return None
