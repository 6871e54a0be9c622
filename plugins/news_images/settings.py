"""Defaults for news_images and `load(settings) -> Config`."""

from __future__ import annotations

import functools
import hashlib
import importlib.metadata
import json
import os
from dataclasses import asdict, dataclass

from news_core.settings import SettingsError as CoreSettingsError

PIPELINE_VERSION = "2"  # bump when rendering changes pixels or bytes

NEWS_IMAGES_WIDTHS = (480, 960, 1600)
NEWS_IMAGES_FORMATS = ("webp", "jpeg")  # <source> formats first, the <img> fallback last
NEWS_IMAGES_QUALITY = {"jpeg": 82, "webp": 80, "avif": 55}
NEWS_IMAGES_THUMB_WIDTHS = (480, 960)
NEWS_IMAGES_THUMB_ASPECT = (3, 2)
NEWS_IMAGES_SOCIAL_SIZE = (1200, 630)
NEWS_IMAGES_MAX_PIXELS = 200_000_000  # a 108 MP phone photo passes; a bomb does not
NEWS_IMAGES_WORKERS = 0  # 0: one per core
NEWS_IMAGES_SIZES = "(min-width: 48em) 42rem, calc(100vw - 2rem)"
NEWS_IMAGES_THUMB_SIZES = "(min-width: 40em) 21rem, calc(100vw - 2rem)"

FORMATS = {"jpeg": "image/jpeg", "webp": "image/webp", "avif": "image/avif"}
EXTENSIONS = {"jpeg": "jpg", "webp": "webp", "avif": "avif"}


class SettingsError(CoreSettingsError):
    """pelicanconf.py holds a NEWS_IMAGES_* value that cannot be used."""


@dataclass(frozen=True)
class Config:
    widths: tuple[int, ...]
    formats: tuple[str, ...]
    quality: tuple[tuple[str, int], ...]
    thumb_widths: tuple[int, ...]
    thumb_aspect: tuple[int, int]
    social_size: tuple[int, int]
    max_pixels: int
    cache_path: str
    workers: int
    sizes: str
    thumb_sizes: str

    def quality_of(self, fmt: str) -> int:
        return dict(self.quality)[fmt]

    @functools.cached_property  # asked for every photo of every build; the Config never changes
    def pixel_key(self) -> str:
        """Hash of every setting that changes the bytes of a derivative."""
        pixels = asdict(self)
        for unrelated in ("cache_path", "workers", "sizes", "thumb_sizes", "max_pixels"):
            pixels.pop(unrelated)
        pixels["version"] = PIPELINE_VERSION
        # a new Pillow (or its HEIC and AVIF codecs) may encode other bytes
        pixels["libraries"] = [(name, _version(name)) for name in ("pillow", "pillow-heif")]
        blob = json.dumps(pixels, sort_keys=True).encode()
        return hashlib.blake2b(blob, digest_size=8).hexdigest()


def _version(name: str) -> str | None:
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return None


def load(settings: dict) -> Config:
    """Merge pelicanconf over the defaults, check them, return a frozen Config."""
    get = lambda name, default: settings.get(name, default)  # noqa: E731
    widths = tuple(sorted(_ints(get("NEWS_IMAGES_WIDTHS", NEWS_IMAGES_WIDTHS), "NEWS_IMAGES_WIDTHS")))
    thumbs = tuple(sorted(_ints(get("NEWS_IMAGES_THUMB_WIDTHS", NEWS_IMAGES_THUMB_WIDTHS), "NEWS_IMAGES_THUMB_WIDTHS")))
    formats = tuple(get("NEWS_IMAGES_FORMATS", NEWS_IMAGES_FORMATS))
    unknown = [f for f in formats if f not in FORMATS]
    if unknown or not formats or formats[-1] != "jpeg":
        raise SettingsError(f"NEWS_IMAGES_FORMATS={formats!r}: chỉ dùng webp, avif, jpeg, và jpeg đứng cuối")
    quality = {**NEWS_IMAGES_QUALITY, **get("NEWS_IMAGES_QUALITY", {})}
    aspect = tuple(_ints(get("NEWS_IMAGES_THUMB_ASPECT", NEWS_IMAGES_THUMB_ASPECT), "NEWS_IMAGES_THUMB_ASPECT"))
    social = tuple(_ints(get("NEWS_IMAGES_SOCIAL_SIZE", NEWS_IMAGES_SOCIAL_SIZE), "NEWS_IMAGES_SOCIAL_SIZE"))
    # By default cache/images in Pelican's CACHE_PATH, which Pelican resolves
    # from the settings file's folder: the same cache whatever the working folder.
    cache = get("NEWS_IMAGES_CACHE_PATH", None) or os.path.join(settings.get("CACHE_PATH") or "cache", "images")
    if not os.path.isabs(cache):
        cache = os.path.abspath(cache)
    workers = int(get("NEWS_IMAGES_WORKERS", NEWS_IMAGES_WORKERS)) or os.cpu_count() or 1
    return Config(
        widths=widths, formats=formats,
        quality=tuple(sorted((k, int(v)) for k, v in quality.items())),
        thumb_widths=thumbs, thumb_aspect=aspect[:2], social_size=social[:2],
        max_pixels=int(get("NEWS_IMAGES_MAX_PIXELS", NEWS_IMAGES_MAX_PIXELS)),
        cache_path=cache, workers=workers,
        sizes=get("NEWS_IMAGES_SIZES", NEWS_IMAGES_SIZES),
        thumb_sizes=get("NEWS_IMAGES_THUMB_SIZES", NEWS_IMAGES_THUMB_SIZES),
    )


def _ints(values, name) -> list[int]:
    try:
        numbers = [int(v) for v in values]
    except (TypeError, ValueError):
        raise SettingsError(f"{name} phải là danh sách số nguyên dương") from None
    if not numbers or any(n <= 0 for n in numbers):
        raise SettingsError(f"{name} phải là danh sách số nguyên dương")
    return numbers
