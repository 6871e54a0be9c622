"""One walk of the content folder: the articles, the files an editor meant as
articles that Pelican would silently skip, and the folder links that lead
outside the content folder or back into themselves."""

from __future__ import annotations

import logging
import os

from news_core.errors import ContentError
from news_core.guard import folder_link

logger = logging.getLogger("news_meta")
SKIPPED_SUFFIXES = (".md.txt", ".markdown.txt", ".md.docx", ".mkd", ".mdown")
LINK_FIX = "Xóa liên kết tắt (symlink) này và chép chính các tệp vào thư mục nội dung."


def content_files(content_root: str) -> tuple[list[str], list[str], list[tuple[str, str]]]:
    """(the Markdown files outside hidden folders, the files an editor meant as
    articles that Pelican would skip, (link, "outside" or "loop") for each folder
    link that must not be walked), in one walk of the content folder. Links are
    not followed here: each is looked at once."""
    markdown, skipped, links = [], [], []
    base = os.path.realpath(content_root)
    for folder, dirs, files in os.walk(content_root):
        dirs.sort()
        hidden = (os.sep + ".") in folder[len(content_root.rstrip(os.sep)):]  # os.walk joins onto the root
        for name in dirs:
            path = os.path.join(folder, name)
            why = folder_link(path, base) if os.path.islink(path) else None
            if why:
                links.append((path, why))
        for name in sorted(files):
            lower = name.lower()
            if lower.endswith((".md", ".markdown")) and name != "README.md" and not hidden:
                markdown.append(os.path.join(folder, name))
            elif lower.endswith(SKIPPED_SUFFIXES) or lower == "index.txt":
                skipped.append(os.path.join(folder, name))
    return markdown, skipped, links


def warn_skipped_articles(settings: dict) -> list[str]:
    """Warn about 'index.md.txt' (Notepad) and similar names next to photos;
    refuse folder links that lead outside the content folder or loop, and keep
    Pelican's walk (which follows links) out of them; return the Markdown files,
    found in the same walk."""
    from .reader import display_path

    content_root = settings["PATH"]
    markdown, skipped, links = content_files(content_root)
    for path in skipped:
        ContentError(
            display_path(path), None, None,
            "tệp này không được đọc như một bài viết",
            'Đổi tên tệp thành index.md (trong Windows, bật "File name extensions" '
            "để thấy đuôi .txt bị ẩn).",
            warning=True,
        ).log()
    for path, why in links:
        problem = ("thư mục này là liên kết tắt (symlink) trỏ ra ngoài thư mục nội dung, nên không được đọc"
                   if why == "outside" else
                   "thư mục này là liên kết tắt (symlink) trỏ về một thư mục chứa chính nó (vòng lặp), nên không được đọc")
        ContentError(display_path(path), None, None, problem, LINK_FIX).log()
    if links:
        relative = [os.path.relpath(path, content_root) for path, _ in links]
        for key in ("ARTICLE_EXCLUDES", "PAGE_EXCLUDES"):
            settings[key] = [*settings.get(key, []), *relative]
    return markdown
