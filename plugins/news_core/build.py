"""The one object the plugins of a build share, and the folder of its caches.

Pelican hands every plugin the same settings dict; the first plugin to start
puts a Build in it (ensure), and each plugin reaches what another one made
through it (of): never through a module global, nor through settings of its
own making. Who sets what:

- config: news_meta's Config (categories, drafts, time zone, the build's "now").
- caching: False when NEWS_CONTENT_CACHE_PATH is False: no cache is kept
  between builds (news_meta's content cache, news_images' HTML memo,
  news_publish's search state).
- content_cache, rejected, markdown_files, known_keys: news_meta's reading.
- inspect_photo: set by news_images; news_meta's reader calls it for every
  photo (PhotoRef -> PhotoRef with size and digest, or raises PhotoProblem).
- site: set by news_site (its SiteConfig: agency, links, emblem, public_url);
  news_publish reads it.
- outputs: what the build places in the output besides pages (output.OutputLog).
  news_incremental's writer takes its place; news_images records what it places;
  news_publish asks whether any page changed.
- background: processes started for this build (news_publish's search index);
  wait() for one, and the runner reaps those a build that stopped left (reap).

The build runner (news_build) passes two settings to Pelican, read here:
NEWS_OUTPUT_TARGET, the folder the output ends up in when Pelican writes into
a work folder swapped in at the end (`target`), and NEWS_INCREMENTAL, whether
the build may reuse what the last build of that folder left (`incremental`:
only a build in place).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field

from .output import OutputLog
from .settings import Config, load

# The name predates news_core; news_incremental's page fingerprints skip it.
KEY = "NEWS_META_STATE"


@dataclass
class Build:
    config: Config
    caching: bool = True
    target: str | None = None  # NEWS_OUTPUT_TARGET
    incremental: bool = True  # NEWS_INCREMENTAL
    rejected: set[str] = field(default_factory=set)  # display paths of rejected files
    inspect_photo: Callable | None = None
    content_cache: object = None  # news_meta's ContentCache, or None when caching is off
    markdown_files: list[str] | None = None  # found by news_meta's scan when the build starts, for its prefill
    known_keys: dict[str, str] = field(default_factory=dict)  # path -> cache key, hashed by news_meta's prefill
    site: object = None
    outputs: OutputLog = field(default_factory=OutputLog)
    background: set[int] = field(default_factory=set)  # process ids
    # display path -> (why this build does not publish it, its problems): drafts
    # and future articles, reported as a notice at the end (news_meta.publish)
    held_back: dict = field(default_factory=dict)

    def wait(self, pid: int) -> bool:
        """Wait for a process this build started; whether it ended well (exit code 0)."""
        self.background.discard(pid)
        try:
            _, status = os.waitpid(pid, 0)
        except ChildProcessError:  # already reaped by someone else
            return False
        return os.waitstatus_to_exitcode(status) == 0

    def reap(self) -> None:
        """Wait for every process of this build nobody waited for (a build that
        stopped on an error), so that none writes into a folder being removed."""
        for pid in sorted(self.background):
            self.wait(pid)


def of(settings) -> Build:
    return settings[KEY]


def ensure(settings) -> Build:
    """The build's Build, created on first use by whichever plugin starts first."""
    if KEY not in settings:
        settings[KEY] = Build(
            load(settings),
            caching=settings.get("NEWS_CONTENT_CACHE_PATH") is not False,
            target=settings.get("NEWS_OUTPUT_TARGET"),
            incremental=settings.get("NEWS_INCREMENTAL", True),
        )
    return settings[KEY]


def reap(settings: dict | None) -> None:
    """Wait for the processes a build left, if it got as far as making its Build."""
    build = settings.get(KEY) if settings else None
    if build is not None:
        build.reap()


def cache_root(settings) -> str:
    """The folder that holds the build's caches: the one around NEWS_IMAGES_CACHE_PATH (cache/)."""
    images = settings.get("NEWS_IMAGES_CACHE_PATH") or os.path.join(settings.get("CACHE_PATH") or "cache", "images")
    return os.path.dirname(os.path.abspath(images))
