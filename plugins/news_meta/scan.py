"""Files an editor meant as articles that Pelican would silently skip."""

from __future__ import annotations

import logging
import os

from .errors import ContentError

logger = logging.getLogger("news_meta")
SKIPPED_SUFFIXES = (".md.txt", ".markdown.txt", ".md.docx", ".mkd", ".mdown")


def warn_skipped_articles(content_root: str) -> None:
    """Warn about 'index.md.txt' (Notepad) and similar names next to photos."""
    from .reader import display_path

    for folder, dirs, files in os.walk(content_root):
        dirs.sort()
        for name in sorted(files):
            lower = name.lower()
            if lower.endswith(SKIPPED_SUFFIXES) or lower == "index.txt":
                ContentError(
                    display_path(os.path.join(folder, name)), None, None,
                    "tệp này không được đọc như một bài viết",
                    'Đổi tên tệp thành index.md (trong Windows, bật "File name extensions" '
                    "để thấy đuôi .txt bị ẩn).",
                    warning=True,
                ).log()
