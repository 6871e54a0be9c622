"""The preview's quick rebuild: one article saved with only its body changed.

While an editor writes, nearly every save changes an article's text and
nothing else. A full build then reads every article again and works out what
every page shows (about 0.7 s at 1,000 articles, 2 s at 3,000) only to render
that one page. This process already holds the last build's articles, lists
and templates, so a save whose front matter, photos, files and listed fields
(title, summary, address, category: what other pages show of the article)
are unchanged re-reads only the saved file, puts its new text into the article
object every list already holds, and renders the article's own page and the
search index's changed part, through the same writer as a full build, so the
bytes are the same. Anything else (a new, removed or renamed file, a changed
title or date, a photo added, a warning about the file, a template or theme
change, a first build) takes the full build, as does any doubt: `quick`
returns None and the caller builds in full.
"""

from __future__ import annotations

import os
import sys
import time
from dataclasses import dataclass

from news_build import log
from news_build.runner import Result
from news_incremental.writer import write_article
from news_publish import write_search_index
from pelican import signals

_captured: dict = {}


def _capture_generators(generators) -> None:
    _captured.clear()
    _captured["generators"] = list(generators)


def _capture_end(pelican) -> None:
    if "generators" in _captured:
        _captured["output"] = os.path.realpath(pelican.output_path)


def listen() -> None:
    """Keep each build's generators (this process's preview builds)."""
    signals.all_generators_finalized.connect(_capture_generators, weak=False)
    signals.finalized.connect(_capture_end, weak=False)


@dataclass
class State:
    """What the last full build left: its article generator and its outcome."""

    generator: object
    result: Result


class Warm:
    def __init__(self, output: str):
        self.output = os.path.realpath(output)
        self.state: State | None = None
        self.declined = ""  # why the last save took the full build (for the tests and --verbose readers)

    def forget(self) -> None:
        self.state = None
        _captured.clear()
        _forget_memoized()  # Pelican keeps each article's content and summary in class-wide memos

    def after_full_build(self, result: Result) -> None:
        """Keep the build just made when it is whole and clean enough to build on."""
        generators, output = _captured.get("generators"), _captured.get("output")
        _captured.clear()
        self.state = None
        if result.crashed or result.refused or result.errors or output != self.output or not generators:
            return
        from pelican.generators import ArticlesGenerator

        generator = next((g for g in generators if isinstance(g, ArticlesGenerator)), None)
        if generator is not None:
            self.state = State(generator, result)

    def quick(self, paths: list[str]) -> Result | None:
        """Rebuild after saving `paths` without reading anything else, or None (build in full)."""
        self.declined = ""
        if self.state is None or len(paths) != 1 or not paths[0].endswith(".md"):
            self.declined = "no build to build on" if self.state is None else "not one article file"
            return None
        started = time.perf_counter()
        path = os.path.realpath(paths[0])
        generator = self.state.generator
        old = next((a for a in generator.articles if os.path.realpath(a.source_path) == path), None)
        if old is None or not os.path.isfile(path) or _named(self.state.result, generator, old):
            self.declined = "not an article of the last build" if old is None else "named by the last build"
            return None
        counter, handlers = log.install()
        try:
            self.declined = self._body_only(generator, old, path)
        except Exception as exc:  # any doubt: the full build will say what is wrong
            self.declined = f"{type(exc).__name__}: {exc}"
        finally:
            log.uninstall(handlers)
        if self.declined or counter.errors or counter.warnings:
            self.declined = self.declined or "a warning or an error while reading"
            self.state = None  # the article object may be half updated: start again from a full build
            return None
        previous = self.state.result
        self.state.result = Result(True, False, 0, previous.warnings, time.perf_counter() - started,
                                   previous.messages)
        print(f"Đã cập nhật trang của bài vừa lưu ({self.state.result.seconds:.2f} giây).", file=sys.stderr)
        return self.state.result

    def _body_only(self, generator, old, path: str) -> str:
        """Re-read the saved article into `old` and render its page; "" or why it could not."""
        from pelican.contents import Article
        from pelican.readers import SkipStub

        new = generator.readers.read_file(
            base_path=generator.path, path=os.path.relpath(path, generator.path), content_class=Article,
            context=generator.context, preread_signal=signals.article_generator_preread,
            preread_sender=generator, context_signal=signals.article_generator_context,
            context_sender=generator)
        if isinstance(new, SkipStub) or not new.is_valid():
            return "not a valid article now"
        different = _different_outside(old, new)
        if different:
            return f"{different} changed"
        _forget_memoized(old)
        for name, value in vars(new).items():
            if name not in ("_context", "_news_relative_paths"):
                setattr(old, name, value)
        write_article(generator, old)
        if generator.settings.get("NEWS_SEARCH", True):
            write_search_index(generator.settings, generator.output_path)
        return ""


def _named(result: Result, generator, article) -> bool:
    """Whether the last build had something to say about this article's file."""
    shown = os.path.relpath(article.source_path, generator.path).replace(os.sep, "/")
    folder = shown.rsplit("/", 1)[0] + "/" if "/" in shown else shown
    return any(shown in message or folder in message for message in result.messages)


def _different_outside(old, new) -> str:
    """What other pages show of the article, or its photos and files, that changed ("" when none).
    What plugins add to an article after reading it (lists, related articles, news_page's
    JSON-LD) is made of these alone, so the old object's additions still hold."""
    from news_incremental.fingerprint import listed

    if old.metadata != new.metadata:
        keys = sorted(k for k in set(old.metadata) | set(new.metadata) if old.metadata.get(k) != new.metadata.get(k))
        return "front matter (" + ", ".join(keys) + ")"
    for name in ("status", "photos", "files", "social_image", "card_image", "news_photo_urls", "has_gallery"):
        if getattr(old, name, None) != getattr(new, name, None):
            return name
    return "" if listed(old) == listed(new) else "what lists show"


def _forget_memoized(article=None) -> None:
    from pelican.contents import Content

    for name in ("get_content", "get_summary"):
        cache = vars(Content)[name].cache
        if article is None:
            cache.clear()
        else:
            for key in [k for k in cache if k and k[0] is article]:
                del cache[key]
