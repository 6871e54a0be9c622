"""The Markdown reader: YAML front matter, validated fields, body with photos."""

from __future__ import annotations

import copy
import datetime as dt
import os
import re
import unicodedata
from dataclasses import dataclass, field, replace
from html import unescape
from urllib.parse import unquote

from markdown import Markdown
from news_core import controls, vi
from news_core.errors import ArticleRejected, Problems
from news_core.fields import Meta, validate
from news_core.frontmatter import SOURCE_EXTENSIONS, split
from news_core.guard import Refused, readable
from news_core.photos import MARKDOWN_ESCAPE, PhotoProblem, PhotoRef, is_photo, resolve
from news_core.slugs import slugify
from pelican.readers import MarkdownReader
from pelican.urlwrappers import Category, Tag

from news_core.cache import Entry, stamps

from .held import check_placeholders, held_back, says_draft, status_value


@dataclass
class BodyContext:
    """What Markdown extensions need to know about the file being converted.

    The reader hangs it on the Markdown instance as `md.news_context`.
    """

    display_path: str
    md_path: str
    content_root: str
    first_line: int
    problems: Problems
    photos: list[PhotoRef] = field(default_factory=list)
    files: list[PhotoRef] = field(default_factory=list)  # attached documents
    roles: dict[int, set] = field(default_factory=dict)  # photo index -> {"gallery", "cover"}
    inspect: object = None

    def photo(self, ref: str, line: int | None, field_name: str = "ảnh", role: str = "") -> int | None:
        """Resolve (and inspect) a photo reference; return its index in `photos`."""
        try:
            photo = resolve(ref, self.md_path, self.content_root)
            photo = replace(photo, article=self.display_path, line=line, ref=ref)
            if self.inspect:
                photo = self.inspect(photo)
        except PhotoProblem as exc:
            self.failed.add(ref)
            self.problems.error(line, field_name, f'{exc} ("{ref}")' if ref not in str(exc) else str(exc), exc.fix)
            return None
        if photo not in self.photos:
            self.photos.append(photo)
        index = self.photos.index(photo)
        if role:
            self.roles.setdefault(index, set()).add(role)
        return index

    def attachment(self, ref: str, line: int | None) -> int | None:
        """Resolve a link to a document beside the article; index in `files`."""
        try:
            item = resolve(ref, self.md_path, self.content_root, kind="tệp")
        except PhotoProblem as exc:
            self.failed.add(ref)
            self.problems.error(line, "liên kết", str(exc), exc.fix)
            return None
        if item not in self.files:
            self.files.append(item)
        return self.files.index(item)

    def link(self, ref: str, line: int | None) -> tuple[str, str] | None:
        """A link to a file beside the article, as the marker news_images rewrites. A
        photo goes through the photo pipeline: the link opens its largest derivative,
        metadata removed (the original, GPS and all, is never published); any other
        file is attached as it is."""
        if is_photo(ref):
            index = self.photo(ref, line, "liên kết")
            return None if index is None else ("data-news-photo", str(index))
        index = self.attachment(ref, line)
        return None if index is None else ("data-news-file", str(index))

    def find_line(self, ref: str) -> int | None:
        """The file line of the first body line that references `ref`."""
        for needle in (f"({ref}", f"(<{ref}>", ref, unquote(ref)):
            for offset, line in enumerate(self.body_lines):
                if needle in line or ("\\" in line and needle in MARKDOWN_ESCAPE.sub(r"\1", line)):
                    return self.first_line + offset
        return None

    body_lines: list[str] = field(default_factory=list)
    failed: set[str] = field(default_factory=set)  # references already reported as not found


@dataclass(frozen=True)
class NewsInfo:
    """Display-ready values for templates: no formatting logic in Jinja."""

    date_text: str
    time_text: str
    weekday: str
    long_date: str
    iso: str
    views: int
    views_text: str
    modified_iso: str | None
    draft: bool
    scheduled: bool
    source: str

    @property
    def updated_iso(self) -> str:
        """When the article last changed: `modified`, else its date (feeds, sitemaps, JSON-LD)."""
        return self.modified_iso or self.iso


class NewsReader(MarkdownReader):
    """Markdown with YAML front matter, validated against the site's rules."""

    def __init__(self, settings, state=None):
        super().__init__(settings)
        self.state = state
        self._markdown = None
        self._root = None  # the content folder, links resolved

    file_extensions = list(SOURCE_EXTENSIONS)

    def read(self, source_path):
        try:
            return self._read(source_path)
        except ArticleRejected:
            raise
        except RecursionError:  # Markdown and the HTML parsers recurse once per level of nesting
            problems = Problems(display_path(source_path))
            problems.error(
                _deepest_line(source_path), None,
                "nội dung lồng nhau quá sâu (danh sách trong danh sách, trích dẫn > trong >, "
                "hoặc thẻ HTML trong thẻ HTML, hàng trăm tầng), chương trình không đọc được",
                "Giảm số tầng lồng nhau quanh dòng này xuống dưới 20 tầng.",
            )
            self._reject(problems)
        except Exception as exc:  # a bug of ours must still name the file
            problems = Problems(display_path(source_path))
            problems.error(
                None, None,
                f"lỗi không lường trước khi đọc tệp (unexpected error: {type(exc).__name__}: {exc})",
                "Đây có thể là lỗi của chương trình: hãy gửi tệp này cho bộ phận IT.",
            )
            self._reject(problems)

    def _read(self, source_path):
        problems = Problems(display_path(source_path))
        try:  # a symlinked index.md, or a file reached through a linked folder, that leads outside
            if self._root is None:
                self._root = os.path.realpath(self.settings["PATH"])
            readable(source_path, self.settings["PATH"], "tệp bài viết", self._root)
        except Refused as exc:
            problems.error(None, None, str(exc), exc.fix)
            self._reject(problems)
        page = self._is_page(source_path)
        cache, key = self.state.content_cache, None
        known = self.state.known_keys.pop(source_path, None)  # hashed moments ago by prefill.py
        if cache is not None and known is not None:
            entry = cache.get(known)
            if entry is not None:
                return self._from_cache(entry, problems, page)
        data = _bytes(source_path)
        if cache is not None:  # the key of the bytes read now: what is cached is what was read
            key = cache.key(data, os.path.relpath(os.path.abspath(source_path), self.settings["PATH"]))
            entry = None if key == known else cache.get(key)
            if entry is not None:
                return self._from_cache(entry, problems, page)
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = exc.object[: exc.start].count(b"\n") + 1
            problems.error(line, None, "tệp không được lưu bằng mã UTF-8", "Mở tệp và lưu lại với mã hóa (encoding) UTF-8.")
            self._reject(problems)
        # One form for every Vietnamese letter (macOS and some keyboards write NFD):
        # what readers see, search and copy is then the same whatever the editor typed.
        text = unicodedata.normalize("NFC", text)
        for line, codes in controls.found(text):  # invisible, and fatal to XML: reported, then dropped
            problems.warn(line, None, controls.problem(codes), controls.FIX)
        document = split(controls.strip(text), problems)
        if document is None:
            self._reject(problems, held_back(None, self.state.config, draft=says_draft(text)))
        cfg = self.state.config
        meta = validate(document.fields, cfg, problems, page=page)
        check_placeholders(document, problems, strict=not cfg.show_drafts)
        status = document.fields.get("status")
        held = held_back(meta, cfg, draft=meta.draft and status_value(status) == "draft")
        context = BodyContext(
            problems.path, os.path.abspath(source_path), self.settings["PATH"],
            document.body_line, problems, inspect=self.state.inspect_photo,
        )
        html = drop_comments(self._convert(document.body, context))
        from .sanitize import sanitize  # only an article read afresh needs it

        html = sanitize(html, context, cfg.embed_hosts)  # raw HTML: allow-list, warnings with lines
        if not html.strip() and not page:
            problems.warn(document.body_line, None, "bài viết chưa có nội dung", "Viết nội dung bên dưới dòng --- thứ hai.")
        cover = self._cover(meta, context)
        if meta.summary is None:
            meta.summary = lead_paragraph(html)
        if problems.errors:
            self._reject(problems, held)
        entry = None
        if cache is not None:
            used = [p.source for p in context.photos + context.files]
            entry = Entry(copy.copy(meta), html, list(context.photos), list(context.files), dict(context.roles),
                          cover, list(problems.items), stamps(used))
        self._report(problems, held)  # warnings only by now
        if page:
            metadata = self._page_metadata(meta, context, cover)
        else:
            metadata = self._metadata(meta, context, cover)
            if entry is not None:
                entry.info = metadata["news"]
        if entry is not None:
            cache.put(key, entry)
        return html, metadata

    def _from_cache(self, entry: Entry, problems: Problems, page: bool):
        """An unchanged article: its warnings again, its metadata made afresh (drafts, dates)."""
        problems.items = list(entry.warnings)
        self._report(problems, held_back(entry.meta, self.state.config, draft=entry.meta.draft))
        learn = getattr(self.state.inspect_photo, "learn", None)
        if learn is not None:  # the read pool's workers found these; the photo cache keeps them
            for photo in entry.photos:
                learn(photo, entry.stamps.get(photo.source))
        meta = copy.copy(entry.meta)
        context = BodyContext(problems.path, "", "", 0, problems, photos=list(entry.photos),
                              files=list(entry.files), roles={i: set(r) for i, r in entry.roles.items()})
        if page:
            return entry.html, self._page_metadata(meta, context, entry.cover)
        return entry.html, self._metadata(meta, context, entry.cover, entry.info)

    def _reject(self, problems: Problems, held: str = ""):
        self.state.rejected.add(problems.path)
        self._report(problems, held)
        raise ArticleRejected(problems.path, problems.errors)  # pragma: no cover

    def _report(self, problems: Problems, held: str = ""):
        """Log the problems; those of an article this build does not publish (`held`,
        why) are kept for the notice news_meta prints at the end instead, so that an
        unfinished draft never stops the articles that are ready."""
        notices = self.state.held_back
        if not held or not problems.items:
            problems.report()
            return
        notices[problems.path] = (held, sorted(problems.items, key=lambda i: i.line or 0))

    def prepare(self) -> Markdown:
        """What reading an article afresh needs: the Markdown instance (one per reader:
        building it costs as much as a page) and the sanitizer module."""
        from . import sanitize  # noqa: F401

        if self._markdown is None:
            # Pelican adds the `meta` extension, which would eat a first paragraph
            # such as "Ghi chú: …" as metadata; the front matter is already parsed.
            options = dict(self.settings["MARKDOWN"])
            options["extensions"] = [e for e in options["extensions"] if e != "markdown.extensions.meta"]
            self._markdown = Markdown(**options)
        return self._markdown

    def _convert(self, body: str, context: BodyContext) -> str:
        context.body_lines = body.split("\n")
        md = self.prepare()
        md.reset()
        md.news_context = context
        md.news_gallery_count = 0  # galleries are numbered within one article (news_gallery)
        return md.convert(body)

    def _cover(self, meta: Meta, context: BodyContext) -> PhotoRef | None:
        if meta.cover:
            index = context.photo(meta.cover, meta.lines.get("cover"), "cover", role="cover")
            return None if index is None else context.photos[index]
        if not context.photos:
            return None
        context.roles.setdefault(0, set()).add("cover")
        return context.photos[0]

    def _is_page(self, source_path: str) -> bool:
        root = os.path.abspath(self.settings["PATH"])
        relative = os.path.relpath(os.path.abspath(source_path), root).replace(os.sep, "/")
        return any(relative.startswith(p.strip("/") + "/") for p in self.settings["PAGE_PATHS"] if p)

    def _page_metadata(self, meta: Meta, context: BodyContext, cover) -> dict:
        metadata = {
            "title": meta.title, "slug": meta.slug, "summary": meta.summary,
            "status": "draft" if meta.draft and not self.state.config.show_drafts else "published",
            **photo_metadata(context, cover, meta.focus),
        }
        if meta.date:
            metadata["date"] = meta.date
        return metadata

    def _metadata(self, meta: Meta, context: BodyContext, cover, info: NewsInfo | None = None) -> dict:
        cfg = self.state.config
        scheduled = meta.date > cfg.now
        if info is None or info.scheduled != scheduled or info.source != context.display_path:
            info = news_info(meta, scheduled, context.display_path)  # Babel's dates: worth keeping
        hidden = (meta.draft or scheduled) and not cfg.show_drafts
        category = Category(meta.category.name, self.settings)
        category.slug = meta.category.slug
        category.description = meta.category.description
        tags = []
        for name in meta.tags:
            tag = Tag(name, self.settings)
            tag.slug = slugify(name)
            tags.append(tag)
        metadata = {
            "title": meta.title,
            "date": meta.date,
            "category": category,
            "slug": meta.slug,
            "status": "draft" if hidden else "published",
            "summary": meta.summary,
            "views": meta.views,
            **photo_metadata(context, cover, meta.focus),
            "news": info,
        }
        if meta.modified:
            metadata["modified"] = meta.modified
        if meta.legacy_url:
            metadata["legacy_url"] = meta.legacy_url
        if tags:
            metadata["tags"] = tags
        return metadata


def _deepest_line(path: str) -> int | None:
    """The line that opens the most levels: quote marks, indentation, tags, brackets."""
    try:
        lines = _bytes(path).decode("utf-8", "replace").split("\n")
    except OSError:
        return None
    return max(range(len(lines)), key=lambda i: _levels(lines[i]), default=0) + 1


def _levels(line: str) -> int:
    lead = line[: len(line) - len(line.lstrip(" \t>"))]
    return 2 * lead.count(">") + lead.count(" ") + line.count("<") + line.count("[")


def _bytes(path: str) -> bytes:
    with open(path, "rb") as handle:
        return handle.read()


def photo_metadata(context: BodyContext, cover, focus=None) -> dict:
    """What news_images needs of an article's or a page's photos and files
    (`focus`: the front matter's, (x %, y %) for the cover's crops, or None)."""
    return {
        "photos": list(context.photos),
        "files": list(context.files),
        "photo_roles": {i: frozenset(r) for i, r in context.roles.items()},
        "has_gallery": any("gallery" in r for r in context.roles.values()),
        "cover": cover,
        "focus": focus,
    }


def news_info(meta: Meta, scheduled: bool, source: str) -> NewsInfo:
    date: dt.datetime = meta.date
    return NewsInfo(
        date_text=vi.day(date),
        time_text=vi.clock(date),
        weekday=vi.weekday(date),
        long_date=vi.long_date(date),
        iso=date.isoformat(),
        views=meta.views,
        views_text=vi.number(meta.views),
        modified_iso=meta.modified.isoformat() if meta.modified else None,
        draft=meta.draft,
        scheduled=scheduled,
        source=source,
    )


def drop_comments(html: str) -> str:
    """Editors' <!-- notes --> stay in the source, never in the published page."""
    if "<!--" not in html:
        return html
    from bs4 import BeautifulSoup, Comment

    soup = BeautifulSoup(html, "html.parser")
    for comment in soup.find_all(string=lambda s: isinstance(s, Comment)):
        comment.extract()
    return str(soup)


_FIGURE = re.compile(r"<figure\b.*?</figure\s*>", re.S | re.I)
_ATTRIBUTES = r"""(?:[^>"']|"[^"]*"|'[^']*')*"""  # a quoted attribute may hold ">"
_PARAGRAPH = re.compile(rf"<p\b{_ATTRIBUTES}>(.*?)</p\s*>", re.S | re.I)
_TAG = re.compile(rf"<{_ATTRIBUTES}>")


def lead_paragraph(html: str) -> str:
    """The text of the first paragraph that has any, outside photos' figures, for the
    default summary. The HTML is our own (Markdown, sanitised, comments dropped): a
    paragraph holds no other, and a figure no other figure, so patterns find them."""
    for paragraph in _PARAGRAPH.finditer(_FIGURE.sub(" ", html)):
        text = " ".join(unescape(_TAG.sub("", paragraph.group(1))).split())
        if text:
            return text
    return ""


def display_path(path: str) -> str:
    """The path as an editor would type it: relative to the current folder."""
    try:
        relative = os.path.relpath(os.path.abspath(path))
    except ValueError:  # Windows: content on another drive than the current folder
        relative = ".."
    shown = path if relative.startswith("..") else relative
    return shown.replace(os.sep, "/")
