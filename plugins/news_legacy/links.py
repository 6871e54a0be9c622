"""Links in imported articles: to other imported articles, to documents, to the old site.

- a link to another article imported now or before becomes `{filename}/…/index.md`,
  which Pelican turns into that article's new address (and warns about if the
  folder is ever renamed);
- a link to a document (PDF, Word, Excel…) saved in the mirror is copied into
  the article folder and linked by its new name, as editors attach files
  (only from inside the SOURCE folders: one elsewhere stays a link, listed);
- any other link to the old portal's host is kept and listed in the report:
  it breaks once the domain serves the new site.
"""

from __future__ import annotations

import os
from urllib.parse import unquote, urlsplit

from news_core.guard import Refused
from news_core.photos import FILE_EXTENSIONS, REFUSED_FILES, REFUSED_FIX

from .sources import local_file


def link_key(url: str) -> str:
    """The same page whatever the scheme, www., case of the host, escaping or trailing slash."""
    parts = urlsplit(url.strip())
    host = parts.netloc.lower().removeprefix("www.")
    path = unquote(parts.path).rstrip("/") or "/"
    return f"{host}{path}?{parts.query}" if parts.query else f"{host}{path}"


class Links:
    def __init__(self, article, folder: str, targets: dict[str, str]):
        self.article, self.folder, self.targets = article, folder, targets
        self.host = urlsplit(article.url).netloc.lower().removeprefix("www.") if article.url else (
            article.page.host or "")
        self.dangling: set[str] = set()
        self.outside: list[str] = []  # documents outside the SOURCE folders, or refused kinds: link kept, not copied

    def resolve(self, url: str):
        """('article', '{filename}/…'), ('file', local path) or None to keep `url`."""
        folder = self.targets.get(link_key(url))
        if folder:  # relative to this article, so it holds wherever --into put them
            relative = os.path.relpath(os.path.join(folder, "index.md"), self.folder).replace(os.sep, "/")
            return "article", "{filename}" + relative
        path = urlsplit(url).path.lower()
        refused = REFUSED_FILES.get(os.path.splitext(path)[1])
        if refused:  # the build would refuse it: a video may carry where it was shot
            self.outside.append(f"{url} (không chép: {refused}. {REFUSED_FIX})")
        elif path.endswith(FILE_EXTENSIONS):
            try:
                local = local_file(url, self.article.page, self.article.url)
            except Refused as exc:
                local = None
                self.outside.append(f"{url} ({exc}. {exc.fix})")
            if local:
                return "file", local
        if self.host and urlsplit(url).netloc.lower().removeprefix("www.") == self.host:
            self.dangling.add(url)
        return None
