"""Files an editor meant as articles that Pelican would silently skip."""

from __future__ import annotations

import logging
import os

from .errors import ContentError

logger = logging.getLogger("news_meta")
SKIPPED_SUFFIXES = (".md.txt", ".markdown.txt", ".md.docx", ".mkd", ".mdown")


def content_files(content_root: str) -> tuple[list[str], list[str]]:
    """(the Markdown files outside hidden folders, the files an editor meant as
    articles that Pelican would skip), in one walk of the content folder."""
    markdown, skipped = [], []
    for folder, dirs, files in os.walk(content_root):
        dirs.sort()
        hidden = (os.sep + ".") in folder[len(content_root.rstrip(os.sep)):]  # os.walk joins onto the root
        for name in sorted(files):
            lower = name.lower()
            if lower.endswith((".md", ".markdown")) and name != "README.md" and not hidden:
                markdown.append(os.path.join(folder, name))
            elif lower.endswith(SKIPPED_SUFFIXES) or lower == "index.txt":
                skipped.append(os.path.join(folder, name))
    return markdown, skipped


def warn_skipped_articles(content_root: str) -> list[str]:
    """Warn about 'index.md.txt' (Notepad) and similar names next to photos;
    return the Markdown files, found in the same walk."""
    from .reader import display_path

    markdown, skipped = content_files(content_root)
    for path in skipped:
        ContentError(
            display_path(path), None, None,
            "tệp này không được đọc như một bài viết",
            'Đổi tên tệp thành index.md (trong Windows, bật "File name extensions" '
            "để thấy đuôi .txt bị ẩn).",
            warning=True,
        ).log()
    return markdown
