"""What a page shows, as a stable string to hash: a changed string means render again.

Only values that templates can show are described, and each in a form that
is the same from one build to the next (never an object's address). Anything
unknown is described by its identity, which changes every build: the page is
then always rendered, which is slow but never stale. Every page also carries
what made it: the templates, our code and the libraries' versions
(theme_and_code), and every setting (site_wide, through news_core.cache's
settings_digest, which describes functions and sets too).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import glob
import hashlib
import json
import os

from news_core.cache import UNSHAPING, code_version, settings_digest
from pelican.contents import Content
from pelican.paginator import Page, Paginator
from pelican.urlwrappers import URLWrapper

BASIC = (str, int, float, bool, type(None))
# What an article shows on its own page, beyond what it shows in a list.
OWN = ("has_gallery", "news_page", "news_share", "social_image", "news_photo_urls", "tags")
LISTS = ("news_related", "news_most_viewed", "news_next", "news_previous")
SHOWN = ("url", "save_as", "title", "summary", "news", "card_image", "status", "lang", "slug")


# Keys Pelican passes to paged templates beside the page itself: our templates
# read only the page (articles_page, dates_page) and never all_articles.
UNREAD = {"all_articles"}
PAGED = {"articles": "articles_page", "dates": "dates_page"}
_MEMO: dict[tuple[int, bool], str] = {}


def reset() -> None:
    """Forget article descriptions (call once per build: objects are new each build)."""
    _MEMO.clear()


def describe(value, deep: bool = False, depth: int = 0):
    if isinstance(value, BASIC):
        return value
    if depth > 6:
        return f"<deep {type(value).__name__}>"
    if isinstance(value, Content):
        key = (id(value), deep)
        found = _MEMO.get(key)
        if found is None:  # Pelican works out url and save_as anew on every access: once a build here
            found = _MEMO[key] = digest(_content(value, deep, depth))
        return found
    if isinstance(value, URLWrapper):
        return ("url", value.name, value.slug, value.url)
    if isinstance(value, Paginator):
        return ("paginator", value.name, value.url, value.num_pages, value.count, value.per_page)
    if isinstance(value, Page):
        return ("page", value.number, value.paginator.num_pages, value.paginator.count,
                _many(value.object_list, depth),
                getattr(value, "base_url", None), getattr(value, "url", None))
    if isinstance(value, (dt.datetime, dt.date)):
        return value.isoformat()
    if isinstance(value, (dict, list, tuple)):
        try:  # plain data (a card's srcsets, a list of URLs): json, in C, says it all
            return json.dumps(value, sort_keys=True, ensure_ascii=False)
        except (TypeError, ValueError):
            pass
    if isinstance(value, dict):
        return sorted(((str(k), describe(v, False, depth + 1)) for k, v in value.items()), key=lambda kv: kv[0])
    if isinstance(value, (list, tuple)):
        return _many(value, depth)
    if isinstance(value, (set, frozenset)):
        return sorted(repr(describe(v, False, depth + 1)) for v in value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        key = (id(value), False)
        found = _MEMO.get(key)
        if found is None:  # described once a build; a cycle (a month's year's months) stops here
            _MEMO[key] = f"<cycle {type(value).__name__}>"
            found = _MEMO[key] = digest((type(value).__name__, [
                (f.name, describe(getattr(value, f.name), False, depth + 1)) for f in dataclasses.fields(value)]))
        return found
    if callable(value):
        return f"<callable {getattr(value, '__qualname__', type(value).__name__)}>"
    return f"<{type(value).__name__} {id(value)}>"  # unknown: never the same twice, always rendered


def _many(values, depth: int) -> list:
    """describe() of each value; articles in a list are nearly always described already
    (a page lists a dozen, and each appears on a score of pages): look them up first."""
    memo = _MEMO
    return [(memo.get((id(v), False)) if isinstance(v, Content) else None) or describe(v, False, depth + 1)
            for v in values]


def _content(item: Content, deep: bool, depth: int):
    if deep:  # what lists show of it (described once a build), and what its own page adds
        shown = [("listed", describe(item, False, depth)),
                 ("content", hashlib.blake2b(item.content.encode("utf-8"), digest_size=16).hexdigest())]
        shown += [(name, describe(getattr(item, name, None), False, depth + 1)) for name in OWN + LISTS]
        return ("page", shown)
    shown = [("source", item.source_path)]
    shown += [(name, describe(getattr(item, name, None), False, depth + 1)) for name in SHOWN]
    category = getattr(item, "category", None)
    shown.append(("category", describe(category, False, depth + 1) if category else None))
    return ("content", shown)


def listed(item: Content) -> str:
    """What lists, neighbours and related articles show of an article, as one hash
    (a fresh description, whatever this build has memoised)."""
    return digest(_content(item, False, 0))


def digest(value) -> str:
    return hashlib.blake2b(repr(value).encode("utf-8", "replace"), digest_size=16).hexdigest()


def theme_and_code(theme: str, plugins: str) -> str:
    """A hash of every template of the theme, and of our code and the libraries that
    run it (news_core.cache.code_version of the packages in `plugins`): a new release,
    or a new version of Jinja2 or Markdown, renders everything."""
    return digest([templates(os.path.join(theme, "templates")), code_version(plugins)])


def templates(*folders: str) -> str:
    """A hash of every file in `folders`, each named by its path inside its folder (the
    same wherever the site or the theme is installed). Read on every build: the live
    preview renders an edited template without restarting."""
    hasher = hashlib.blake2b(digest_size=16)
    for folder in folders:
        for path in sorted(glob.glob(os.path.join(folder, "**", "*"), recursive=True)):
            if os.path.isfile(path):
                with open(path, "rb") as handle:
                    data = handle.read()
                name = os.path.relpath(path, folder).replace(os.sep, "/")
                hasher.update(f"{name}\0{len(data)}\0".encode("utf-8", "replace") + data)
        hasher.update(b"\0folder\0")
    return hasher.hexdigest()


# Build state kept in the settings by our plugins (not shown by any page, and
# holding objects whose description would change every build), and where and
# how a build runs, never what a page shows.
STATE = UNSHAPING


def site_wide(context: dict) -> list:
    """The parts of the shared context every page may show: settings (ours
    included, such as NEWS_SITE) and the menu. Lists of articles are not here:
    the pages that show them carry them themselves. Every setting, plain or not
    (a filter function, a set), and the settings file's bytes when the build names
    it, are in settings_digest; the templates of THEME_TEMPLATES_OVERRIDES too."""
    overrides = [f for f in context.get("THEME_TEMPLATES_OVERRIDES") or () if isinstance(f, str)]
    shown = [("settings", settings_digest(context)), ("overrides", templates(*overrides) if overrides else None)]
    for key in sorted(context):
        value = context[key]
        if key in STATE:
            continue
        if key == "news_nav" or _plain(value) or (key.startswith("NEWS_") and dataclasses.is_dataclass(value)):
            shown.append((key, describe(value)))
    return shown


def _plain(value, depth: int = 0) -> bool:
    if isinstance(value, BASIC):
        return True
    if depth < 3 and isinstance(value, (list, tuple)):
        return all(_plain(v, depth + 1) for v in value)
    if depth < 3 and isinstance(value, dict):
        return all(isinstance(k, str) and _plain(v, depth + 1) for k, v in value.items())
    return False
