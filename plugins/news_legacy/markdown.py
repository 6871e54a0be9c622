"""Blocks to the article's Markdown: captions attached, the closing gallery found."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field

from news_core import gallery
from news_core.slugs import fold, slugify

from .blocks import Block, Heading, Para, Photo
from .text import caption_text, escape, escape_attr, escape_line_start

CAPTION_MAX = 400
GALLERY_TITLE = re.compile(r"^(?:(?:một số|một vài|những|các|thêm)\s+(?:hình\s+)?ảnh|hình ảnh|album ảnh)\b")
_FILE_LIKE = re.compile(r"\.(jpe?g|png|gif|webp|bmp)$|^(img|dsc|image|z?\d)[\w-]*$", re.IGNORECASE)
NAME_LENGTH = 40


@dataclass
class PhotoFile:
    source: str  # the photo on disk
    name: str  # its new short ASCII name in the article folder


@dataclass
class Converted:
    markdown: str
    summary: str
    photos: list[PhotoFile] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # URLs as written in the page
    uncaptioned: int = 0


def attach_captions(blocks: list) -> list:
    """A caption paragraph (italic, centred or classed as one) right after a photo joins it."""
    out = []
    for block in blocks:
        previous = out[-1] if out else None
        if (isinstance(block, Para) and isinstance(previous, Photo) and previous.caption is None
                and _caption_like(block)):
            previous.caption = block.text
            continue
        out.append(block)
    return out


def _caption_like(para: Para) -> bool:
    if len(para.text) > CAPTION_MAX:
        return False
    return para.caption_class or para.italic or (para.centered and not para.bold)


def find_gallery(blocks: list) -> tuple[int, int, str] | None:
    """(start, end, title) of the closing photo series, if there is one.

    A paragraph "Một số hình ảnh …" followed only by photos (and at most a short
    signature) is one; so is a run of three or more photos ending the body.
    """
    for index, block in enumerate(blocks):
        if isinstance(block, (Para, Heading)) and len(block.text) <= 250 and GALLERY_TITLE.match(fold(block.text)):
            end = _photo_run(blocks, index + 1)
            if end - index - 1 >= 2 and _only_signature(blocks[end:]):
                return index, end, block.text
    end = len(blocks)
    while end and not isinstance(blocks[end - 1], Photo) and _only_signature(blocks[end - 1:]):
        end -= 1
    start = end
    while start and isinstance(blocks[start - 1], Photo):
        start -= 1
    if end - start >= 3:
        return start, end, ""
    return None


def _photo_run(blocks: list, start: int) -> int:
    end = start
    while end < len(blocks) and isinstance(blocks[end], Photo):
        end += 1
    return end


def _only_signature(blocks: list) -> bool:
    return len(blocks) <= 2 and all(isinstance(b, Para) and len(b.text) <= 80 for b in blocks)


_LINK = re.compile(r"\]\(<([^>]+)>\)")


def convert(blocks: list, title: str, locate, taken: set[str], link=None) -> Converted:
    """Markdown for `blocks`; `locate(src, href)` finds a photo on disk or None.

    `link(url)` may point a link elsewhere: ("article", "{filename}/…") or
    ("file", path of a document to copy beside the article).
    """
    blocks = attach_captions(blocks)
    series = find_gallery(blocks)  # the closing photos, written as a gallery
    result = Converted("", "")
    names: dict[str, str] = {}
    out: list[str] = []

    def image_line(photo: Photo) -> str | None:
        source, kind = locate(photo.src, photo.href)
        caption = caption_text(photo.caption or _meaningful(photo.title) or _meaningful(photo.alt) or "")
        if source is None:
            result.missing.append(f"{photo.src} ({kind})" if kind else photo.src)
            return missing_photo(photo.src, caption)
        if not caption:
            result.uncaptioned += 1
            caption = caption_text(f"Ảnh: {title}")
        if source not in names:
            caption_or_title = photo.caption or _meaningful(photo.title) or _meaningful(photo.alt)
            names[source] = photo_name(source, caption_or_title, taken, FORMAT_EXTENSIONS.get(kind))
            result.photos.append(PhotoFile(source, names[source]))
        return gallery.item_line(names[source], caption)  # caption_text: no brackets left

    index = 0
    while index < len(blocks):
        if series and index == series[0]:
            start, end, gallery_title = series
            first = start + 1 if gallery_title else start
            lines = [image_line(p) for p in blocks[first:end]]
            comments = [line for line in lines if line and line.startswith("<!--")]
            images = [line for line in lines if line and not line.startswith("<!--")]
            if not images and gallery_title:
                out.append(escape_line_start(blocks[start].md))
            out += comments
            if images:
                out.append("\n".join(gallery.block(gallery_title, images)))
            index = end
            continue
        block = blocks[index]
        index += 1
        if isinstance(block, Photo):
            line = image_line(block)
            if line:
                out.append(line)
        elif isinstance(block, Heading):
            out.append("#" * block.level + " " + block.md)
        elif isinstance(block, Para):
            out.append(escape_line_start(block.md))
            if not result.summary:
                result.summary = block.text
        elif isinstance(block, Block) and block.md:
            out.append(block.md.replace(' title=""', f' title="{escape_attr("Video: " + title)}"'))
    markdown = "\n\n".join(out) + "\n"
    if link is not None:
        markdown = _LINK.sub(lambda m: _relink(m, link, names, taken, result), markdown)
    result.markdown = markdown
    return result


MISSING_MARK = "<!-- Ảnh thiếu khi nhập từ cổng cũ: "
MISSING_CAPTION = "Ảnh: "


def missing_photo(src: str, caption: str) -> str:
    """A photo the saved copy lacks: a note the editor's fill-photos command finds
    (its old address), and its caption kept visible as an italic "Ảnh: …" line."""
    note = f"{MISSING_MARK}{src.replace('--', '-')}" + (
        f" — chú thích: {caption.replace('--', '-')}" if caption else "") + " -->"
    return note + (f"\n\n*{MISSING_CAPTION}{escape(caption)}*" if caption else "")


def _relink(match, link, names: dict[str, str], taken: set[str], result: Converted) -> str:
    found = link(match.group(1))
    if found is None:
        return match.group(0)
    kind, target = found
    if kind == "file":
        if target not in names:
            names[target] = photo_name(target, "", taken)
            result.photos.append(PhotoFile(target, names[target]))
        target = names[target]
    return f"]({target})"


def _meaningful(text: str) -> str:
    """An alt or title worth showing: words, not a file name."""
    text = (text or "").strip()
    if not text or _FILE_LIKE.search(text) or len(text.split()) < 2:
        return ""
    return text


FORMAT_EXTENSIONS = {"JPEG": ".jpg", "PNG": ".png", "GIF": ".gif", "WEBP": ".webp",
                     "BMP": ".png", "TIFF": ".png"}  # BMP, TIFF: converted on copy (write.copy_photo)


def photo_name(source: str, caption: str, taken: set[str], ext: str | None = None) -> str:
    """A short ASCII file name from the caption, else from the old name; never taken twice.

    A photo's extension comes from its format (a saved `GetImage.ashx@id=5` is a JPEG);
    a document keeps its own."""
    if ext is None:
        ext = os.path.splitext(source)[1].lower()
        ext = {".jpeg": ".jpg", ".jpe": ".jpg"}.get(ext, ext)
    stem = slugify(caption or "", NAME_LENGTH) or slugify(os.path.splitext(os.path.basename(source))[0], NAME_LENGTH) or "anh"
    name, number = stem + ext, 1
    while name.lower() in taken:
        number += 1
        name = f"{stem}-{number}{ext}"
    taken.add(name.lower())
    return name
