"""news_meta's part of a build: its content cache, and Pelican's logs kept quiet
about the files news_meta has already explained.

The object the plugins share is news_core.build.Build (`ensure`, `of`)."""

from __future__ import annotations

import logging
import os

from news_core.build import Build, cache_root


def content_cache(settings):
    """NEWS_CONTENT_CACHE_PATH (cache/content beside the photo cache by default), or None when it is False."""
    from news_core.cache import ContentCache

    path = settings.get("NEWS_CONTENT_CACHE_PATH")
    if path is False:
        return None
    return ContentCache(path or os.path.join(cache_root(settings), "content"), settings)


class HideRejectedFilter(logging.Filter):
    """Drop Pelican's bare 'Could not process X' for files we already explained."""

    def __init__(self, state: Build):
        super().__init__()
        self.state = state

    def filter(self, record: logging.LogRecord) -> bool:
        if str(record.msg).startswith("Empty alt attribute"):
            return False  # news_gallery warns in Vietnamese, with the line
        if record.msg != "Could not process %s" or not record.args:
            return True
        path = str(record.args[0]).replace("\\", "/")
        return not any(shown.endswith(path) for shown in self.state.rejected)


def install_filter(state: Build) -> None:
    for name in ("pelican.generators", "pelican.readers"):
        target = logging.getLogger(name)
        for old in [f for f in target.filters if isinstance(f, HideRejectedFilter)]:
            target.removeFilter(old)
        target.addFilter(HideRejectedFilter(state))
