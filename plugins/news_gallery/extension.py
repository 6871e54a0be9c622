"""The Markdown extension: figures for standalone images, gallery sections."""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from html import escape

from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import ETX, STX
from news_core.gallery import find_galleries, squash
from news_core.photos import is_local_file

CAPTION_FIX = "Viết chú thích trong ngoặc vuông: ![Quang cảnh hội nghị](anh.jpg)."


class GalleryPreprocessor(Preprocessor):
    def run(self, lines):
        context = getattr(self.md, "news_context", None)
        galleries, problems = find_galleries(lines)
        if context:
            for problem in problems:
                context.problems.error(context.first_line + problem.line, "gallery", problem.problem, problem.fix)
        for gallery in reversed(galleries):
            html = self._html(gallery, context)
            placeholder = self.md.htmlStash.store(html)
            lines[gallery.start : gallery.end + 1] = ["", placeholder, ""]
        return lines

    def _html(self, gallery, context) -> str:
        self.md.news_gallery_count = getattr(self.md, "news_gallery_count", 0) + 1
        heading = f"thu-vien-anh-{self.md.news_gallery_count}"
        items = []
        for item in gallery.items:
            index = context.photo(item.src, context.first_line + item.line, role="gallery") if context else None
            marker = "" if index is None else f' data-news-photo="{index}"'
            src, alt, caption = escape(item.src), escape(item.alt), escape(item.caption)
            items.append(
                f'<li><figure class="news-gallery__item">'
                f'<a class="news-gallery__link" href="{src}"{marker}>'
                f'<img src="{src}" alt="{alt}"{marker}></a>'
                f"<figcaption>{caption}</figcaption></figure></li>"
            )
        return (
            f'<section class="news-gallery" aria-labelledby="{heading}">'
            f'<h2 class="news-gallery__title" id="{heading}">{escape(gallery.title)}</h2>'
            f'<ul class="news-gallery__grid">{"".join(items)}</ul></section>'
        )


class FigureTreeprocessor(Treeprocessor):
    def run(self, root):
        context = getattr(self.md, "news_context", None)
        for parent in list(root.iter()):
            for child in list(parent):
                if child.tag == "img" and context:
                    self._resolve(child, context)
                if child.tag == "a" and context and is_local_file(unescape_md(child.get("href", ""))):
                    link(child, context)
                if child.tag == "p" and _standalone_image(child) is not None:
                    self._figure(child, _standalone_image(child), context)
        return None

    def _resolve(self, img, context):
        src = unescape_md(img.get("src", ""))  # ![x](anh\_1.jpg) names anh_1.jpg
        img.set("src", src)
        index = context.photo(src, context.find_line(src))
        if index is not None:
            img.set("data-news-photo", str(index))
        if not img.get("alt", "").strip() and not img.get("title", "").strip():
            # The same rule as a photo of a gallery (news_core.gallery): an error, as the guide says.
            context.problems.error(context.find_line(src), "ảnh", f'ảnh "{src}" thiếu chú thích (caption), '
                                   "cũng là mô tả ảnh cho người khiếm thị", CAPTION_FIX)

    def _figure(self, paragraph, img, context):
        caption = (img.attrib.pop("title", None) or img.get("alt", "")).strip()
        paragraph.tag = "figure"
        paragraph.set("class", "news-figure")
        if caption:
            figcaption = etree.SubElement(paragraph, "figcaption")
            figcaption.text = squash(caption)


def link(anchor, context) -> None:
    """A link to a file beside the article: marked for news_images (BodyContext.link)."""
    href = unescape_md(anchor.get("href", ""))
    anchor.set("href", href)
    marker = context.link(href, context.find_line(href))
    if marker:
        anchor.set(*marker)


_STASHED = re.compile(f"{STX}(\\d+){ETX}")


def unescape_md(text: str) -> str:
    """Markdown's backslash escapes, which it keeps as placeholders until the very end."""
    return _STASHED.sub(lambda m: chr(int(m.group(1))), text) if STX in text else text


def _standalone_image(paragraph):
    children = list(paragraph)
    if len(children) != 1 or children[0].tag != "img":
        return None
    if (paragraph.text or "").strip() or (children[0].tail or "").strip():
        return None
    return children[0]


class NewsFigureExtension(Extension):
    def extendMarkdown(self, md):
        md.preprocessors.register(GalleryPreprocessor(md), "news_gallery", 25)
        md.treeprocessors.register(FigureTreeprocessor(md), "news_figures", 15)


def makeExtension(**kwargs):
    return NewsFigureExtension(**kwargs)
