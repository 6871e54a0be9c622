"""Defaults for news_meta and `load(settings) -> Config`."""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass

from .slugs import fold, slugify

NEWS_CATEGORIES: tuple = ()
NEWS_SHOW_DRAFTS = True
NEWS_SLUG_MAX_LENGTH = 80
NEWS_TIMEZONE = "Asia/Ho_Chi_Minh"
# Hosts whose <iframe> an article may embed (subdomains included); others are
# removed with a warning. YouTube videos are rebuilt as youtube-nocookie.com embeds.
NEWS_EMBED_HOSTS = ("youtube.com", "youtube-nocookie.com", "youtu.be")

HOST = re.compile(r"[a-z0-9-]+(\.[a-z0-9-]+)+")


class SettingsError(ValueError):
    """pelicanconf.py holds a value a plugin cannot use (news_site and news_images
    raise subclasses); the build reports it as a settings mistake, not a crash."""


@dataclass(frozen=True)
class CategoryDef:
    name: str
    slug: str
    description: str = ""
    short: str = ""  # a shorter name for the menu; the name when empty


@dataclass(frozen=True)
class Config:
    categories: tuple[CategoryDef, ...]
    show_drafts: bool
    slug_max_length: int
    timezone: str
    now: dt.datetime
    embed_hosts: tuple[str, ...] = NEWS_EMBED_HOSTS

    def find_category(self, text: str) -> CategoryDef | None:
        key, as_slug = fold(text), slugify(text)
        for cat in self.categories:
            if key in (fold(cat.name), cat.slug) or as_slug == cat.slug:
                return cat
        return None


def load(settings: dict) -> Config:
    """Merge pelicanconf over the defaults, check them, return a frozen Config."""
    raw = settings.get("NEWS_CATEGORIES", NEWS_CATEGORIES)
    categories = tuple(_category(entry) for entry in raw)
    if not categories:
        raise SettingsError("NEWS_CATEGORIES trống: khai báo ít nhất một chuyên mục")
    slugs = [c.slug for c in categories]
    if len(set(slugs)) != len(slugs):
        raise SettingsError(f"NEWS_CATEGORIES có hai chuyên mục cùng slug (phần địa chỉ): {slugs}. Đặt slug khác nhau")
    max_length = settings.get("NEWS_SLUG_MAX_LENGTH", NEWS_SLUG_MAX_LENGTH)
    if not isinstance(max_length, int) or max_length < 20:
        raise SettingsError("NEWS_SLUG_MAX_LENGTH phải là một số nguyên từ 20 trở lên")
    return Config(
        categories=categories,
        show_drafts=bool(settings.get("NEWS_SHOW_DRAFTS", NEWS_SHOW_DRAFTS)),
        slug_max_length=max_length,
        timezone=settings.get("TIMEZONE") or NEWS_TIMEZONE,
        now=build_time(),
        embed_hosts=_embed_hosts(settings.get("NEWS_EMBED_HOSTS", NEWS_EMBED_HOSTS)),
    )


def _embed_hosts(value) -> tuple[str, ...]:
    if not isinstance(value, (list, tuple)) or not all(isinstance(h, str) and HOST.fullmatch(h) for h in value):
        raise SettingsError(
            f"NEWS_EMBED_HOSTS phải là danh sách tên miền viết thường, như 'youtube.com', không phải {value!r}"
        )
    return tuple(value)


def build_time() -> dt.datetime:
    """The build's 'now': SOURCE_DATE_EPOCH when set, so builds are reproducible."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        try:
            return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc)
        except ValueError:
            raise SettingsError(f"biến môi trường SOURCE_DATE_EPOCH={epoch!r} không phải số nguyên") from None
    return dt.datetime.now(dt.timezone.utc)


def _category(entry) -> CategoryDef:
    if isinstance(entry, str):
        return CategoryDef(entry, slugify(entry))
    if isinstance(entry, dict) and entry.get("name"):
        unknown = set(entry) - {"name", "slug", "description", "short"}
        if unknown:
            raise SettingsError(f"một chuyên mục trong NEWS_CATEGORIES có khóa lạ {sorted(unknown)}; chỉ dùng name, slug, description, short")
        slug = entry.get("slug") or slugify(entry["name"])
        if slug != slugify(slug):
            raise SettingsError(f"slug chuyên mục {slug!r} chỉ được gồm chữ thường không dấu, chữ số và dấu gạch ngang, ví dụ {slugify(slug)!r}")
        return CategoryDef(entry["name"], slug, entry.get("description", ""), entry.get("short", ""))
    raise SettingsError(f"mỗi chuyên mục trong NEWS_CATEGORIES cần ít nhất 'name' (tên chuyên mục), không phải {entry!r}")
