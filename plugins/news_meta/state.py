"""The one state object of a build, kept in the Pelican settings."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from dataclasses import dataclass, field

from .settings import Config, load

KEY = "NEWS_META_STATE"


@dataclass
class State:
    config: Config
    rejected: set[str] = field(default_factory=set)  # display paths of rejected files
    # Set by news_images: PhotoRef -> PhotoRef with size and digest, or raises PhotoProblem.
    inspect_photo: Callable | None = None
    content_cache: object = None  # cache.ContentCache, or None when NEWS_CONTENT_CACHE_PATH is False
    markdown_files: list[str] | None = None  # found by scan.py when the build starts, for prefill.py
    known_keys: dict[str, str] = field(default_factory=dict)  # path -> cache key, hashed by prefill.py


def of(settings) -> State:
    return settings[KEY]


def ensure(settings) -> State:
    """The build's State, created on first use by whichever plugin starts first."""
    if KEY not in settings:
        settings[KEY] = State(load(settings), content_cache=_content_cache(settings))
    return settings[KEY]


def cache_root(settings) -> str:
    """The folder that holds the build's caches: the one around NEWS_IMAGES_CACHE_PATH (cache/)."""
    images = settings.get("NEWS_IMAGES_CACHE_PATH") or os.path.join(settings.get("CACHE_PATH") or "cache", "images")
    return os.path.dirname(os.path.abspath(images))


def _content_cache(settings):
    """NEWS_CONTENT_CACHE_PATH; by default cache/content beside the photo cache."""
    from .cache import ContentCache

    path = settings.get("NEWS_CONTENT_CACHE_PATH")
    if path is False:
        return None
    return ContentCache(path or os.path.join(cache_root(settings), "content"), settings)


class HideRejectedFilter(logging.Filter):
    """Drop Pelican's bare 'Could not process X' for files we already explained."""

    def __init__(self, state: State):
        super().__init__()
        self.state = state

    def filter(self, record: logging.LogRecord) -> bool:
        if str(record.msg).startswith("Empty alt attribute"):
            return False  # news_gallery warns in Vietnamese, with the line
        if record.msg != "Could not process %s" or not record.args:
            return True
        path = str(record.args[0]).replace("\\", "/")
        return not any(shown.endswith(path) for shown in self.state.rejected)


def install_filter(state: State) -> None:
    for name in ("pelican.generators", "pelican.readers"):
        target = logging.getLogger(name)
        for old in [f for f in target.filters if isinstance(f, HideRejectedFilter)]:
            target.removeFilter(old)
        target.addFilter(HideRejectedFilter(state))
