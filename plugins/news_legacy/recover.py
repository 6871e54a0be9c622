"""`invoke fill-photos THU-MUC-ANH`: put recovered photos where an import found none.

An imported article keeps, for each photo its saved copy lacked, a note with the
photo's old address and its caption as an italic "Ảnh: …" line (markdown.missing_photo).
When the office later finds those photos (an old backup, the photographer's
folder), this command takes that folder, and nothing from the network: each
photo whose file name is the old address's is copied beside its article and the
note becomes a captioned photo. Notes without a photo are listed and kept.
"""

from __future__ import annotations

import os
import re
import shutil
import unicodedata
from urllib.parse import unquote, urlsplit

from news_core import gallery
from news_core.files import write_atomic
from news_core.guard import Refused, readable
from news_core.paths import shown as shown_path
from news_core.photos import PHOTO_EXTENSIONS

from .markdown import MISSING_CAPTION, MISSING_MARK, photo_name
from .text import unescape

# The note, and the visible caption line below it as the import wrote it (*Ảnh: …*)
# or as the browser editor saves it again (_Ảnh: …_), with the editor's own words.
NOTE = re.compile(
    "^" + re.escape(MISSING_MARK) + r"(?P<src>.+?)(?: — chú thích: (?P<caption>.*?))? -->[ \t]*\n"
    r"(?:[ \t]*\n(?P<mark>[*_])" + re.escape(MISSING_CAPTION) + r"(?P<shown>.*)(?P=mark)[ \t]*(?:\n|$))?",
    re.MULTILINE,
)


def _key(name: str) -> str:
    return unicodedata.normalize("NFC", name).lower()


def photo_index(folder: str) -> dict[str, str]:
    """File name (case and Unicode form ignored) -> path, for every photo in `folder`."""
    found: dict[str, str] = {}
    for root, dirs, names in os.walk(folder):
        dirs.sort()
        for name in sorted(names):
            if name.lower().endswith(PHOTO_EXTENSIONS):
                found.setdefault(_key(name), os.path.join(root, name))
    return found


def old_name(src: str) -> str:
    """The file name of a photo's old address: /Uploads/2022/06/Anh%201.JPG -> Anh 1.JPG;
    Liferay's /documents/…/anh-1.jpg/<uuid>?t=… -> anh-1.jpg."""
    parts = [unquote(p) for p in urlsplit(src.strip()).path.split("/") if p]
    named = [p for p in parts if p.lower().endswith(PHOTO_EXTENSIONS)]
    return named[-1] if named else (parts[-1] if parts else "")


def fill(content: str, photos: str, dry_run: bool = False, say=print) -> int:
    if not os.path.isdir(photos):
        say(f'LỖI: không tìm thấy thư mục ảnh "{photos}". Kiểm tra đường dẫn.')
        return 1
    if not os.path.isdir(content):
        say(f'LỖI: không tìm thấy thư mục nội dung "{content}". Kiểm tra đường dẫn sau --content.')
        return 1
    index = photo_index(photos)
    filled, left, articles = [], [], 0
    for root, dirs, names in os.walk(content):
        dirs.sort()
        if "index.md" not in names:
            continue
        path = os.path.join(root, "index.md")
        try:
            path = readable(path, content, "tệp bài viết")
        except Refused as exc:
            say(f"  ! {shown_path(path)}: {exc}")
            continue
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
        if MISSING_MARK not in text:
            continue
        articles += 1
        taken = {name.lower() for name in os.listdir(root)}
        copies: list[tuple[str, str]] = []

        def replace(match: re.Match) -> str:
            src = match["src"]
            # the caption as the article shows it now: an editor may have corrected it since the import
            caption = unescape(match["shown"]).strip() if match["shown"] else (match["caption"] or "").strip()
            source = index.get(_key(old_name(src)))
            if source is None:
                left.append((shown_path(path), src))
                return match.group(0)
            name = photo_name(old_name(src), "", taken)
            copies.append((source, os.path.join(root, name)))
            filled.append((shown_path(path), src, name))
            return gallery.item_line(name, caption) + "\n"

        new_text = NOTE.sub(replace, text)
        if new_text != text and not dry_run:
            for source, target in copies:
                shutil.copyfile(source, target)
            write_atomic(path, new_text.encode("utf-8"))
    verb = "Sẽ điền" if dry_run else "Đã điền"
    into = len({article for article, _, _ in filled})
    say(f"{verb} {len(filled)} ảnh vào {into} bài ({articles} bài có ảnh thiếu khi nhập).")
    for article, src, name in filled:
        say(f"  + {article}: {src} -> {name}")
    if left:
        say(f"  Còn thiếu {len(left)} ảnh (không có tệp cùng tên trong {photos}; chú thích vẫn hiện trong bài):")
        for article, src in left:
            say(f"    ? {article}: {src}")
    return 0
