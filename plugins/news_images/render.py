"""Decode once, orient, convert to sRGB, resize in cascade, crop thumbnails and the
social card around the subject (focus.py), encode; no metadata."""

from __future__ import annotations

import functools
import io
import os
from dataclasses import dataclass

from news_core.files import replacing
from PIL import Image, ImageCms, ImageOps

from .focus import attention, crop
from .plan import Derivative

SRGB = ImageCms.createProfile("sRGB")


@dataclass(frozen=True)
class Job:
    source: str
    folder: str  # cache folder for this photo's derivatives
    derivatives: tuple[Derivative, ...]
    quality: tuple[tuple[str, int], ...]
    max_pixels: int


def missing(job: Job) -> tuple[Derivative, ...]:
    try:
        present = set(os.listdir(job.folder))  # one look at the folder, not one per derivative
    except OSError:
        return job.derivatives
    return tuple(d for d in job.derivatives if d.name not in present)


def render(job: Job) -> int:
    """Write every missing derivative of `job` into its cache folder; return how many.

    The cascade always starts from the same decode of the same size, whatever
    is missing, so a derivative's bytes never depend on what the cache held.
    """
    todo = missing(job)
    if not todo:
        return 0
    Image.MAX_IMAGE_PIXELS = job.max_pixels
    from .probe import register_heif

    register_heif()
    sizes = sorted({(d.width, d.height) for d in job.derivatives if d.role == "full"}, reverse=True)
    image, profile = load(job.source, sizes[0][0])
    full, current = {}, image
    for index, size in enumerate(sizes):  # 1600 from the decoded photo, 960 from 1600, …
        current = current if current.size == size else current.resize(size, Image.LANCZOS)
        if index == 0:
            current = to_srgb(current, profile)  # colour work on 1600 px, not on 48 MP
        full[size[0]] = current
    os.makedirs(job.folder, exist_ok=True)
    quality = dict(job.quality)
    found = None  # the subject, looked for once, on the largest size, when a crop needs it
    for item in todo:
        if item.role == "full":
            picture = full[item.width]
        else:
            point = item.focus  # the editor's, else the photo's own
            if point is None:
                if found is None:
                    found = attention(full[max(full)])
                point = found
            picture = crop(_base_for(full, item.width), (item.width, item.height), point)
        _save(picture, os.path.join(job.folder, item.name), item.fmt, quality[item.fmt])
    return len(todo)


def _base_for(full: dict, width: int) -> Image.Image:
    """The smallest full size at least as wide as `width`, else the largest."""
    wide_enough = [w for w in sorted(full) if w >= width]
    return full[wide_enough[0] if wide_enough else max(full)]


def load(path: str, need: int) -> tuple[Image.Image, bytes | None]:
    """Open, decode with JPEG DCT scaling down to about `need` px wide, orient,
    normalise the mode; return the image and its ICC profile (not yet applied)."""
    with Image.open(path) as image:
        if image.format == "JPEG":
            swap = image.getexif().get(0x0112, 1) in (5, 6, 7, 8)
            ratio = need / (image.height if swap else image.width)
            if ratio < 1:
                image.draft("RGB", (int(image.width * ratio) + 1, int(image.height * ratio) + 1))
        image.load()
        profile = image.info.get("icc_profile")
        ImageOps.exif_transpose(image, in_place=True)
        return normalise(image), profile


def normalise(image: Image.Image) -> Image.Image:
    """A mode Lanczos can resize: 16-bit scaled to 8 (not clipped), palette
    expanded, transparency flattened on white. CMYK and L stay for to_srgb."""
    if image.mode in ("I;16", "I;16B", "I;16L", "I"):
        image = image.convert("I").point(lambda v: v * (1 / 256)).convert("L")
    if image.mode in ("P", "PA", "1"):
        image = image.convert("RGBA")
    if image.mode in ("LA", "RGBA", "La", "RGBa"):
        background = Image.new("RGBA", image.size, (255, 255, 255, 255))
        background.alpha_composite(image.convert("RGBA"))
        image = background.convert("RGB")
    if image.mode not in ("RGB", "L", "CMYK"):
        image = image.convert("RGB")
    return image


def to_srgb(image: Image.Image, profile: bytes | None) -> Image.Image:
    """8-bit RGB in sRGB, with no metadata left on the image."""
    if profile and not is_srgb(profile):
        try:
            source = ImageCms.ImageCmsProfile(io.BytesIO(profile))
            image = ImageCms.profileToProfile(image, source, SRGB, outputMode="RGB")
        except (ImageCms.PyCMSError, OSError, ValueError):
            pass  # a broken profile: fall back to a plain conversion
    if image.mode != "RGB":
        image = image.convert("RGB")
    image.info.clear()
    return image


@functools.lru_cache(maxsize=32)
def is_srgb(profile: bytes) -> bool:
    try:
        description = ImageCms.getProfileDescription(ImageCms.ImageCmsProfile(io.BytesIO(profile)))
    except (ImageCms.PyCMSError, OSError, ValueError):
        return False
    return "srgb" in description.lower().replace(" ", "")


def _save(image: Image.Image, path: str, fmt: str, quality: int) -> None:
    with replacing(path) as temporary:
        if fmt == "jpeg":
            # 4:4:4: red banners and flags, everywhere in these photos, stay sharp
            image.save(temporary, "JPEG", quality=quality, optimize=True, progressive=True, subsampling=0)
        elif fmt == "webp":
            image.save(temporary, "WEBP", quality=quality, method=4)
        else:
            image.save(temporary, "AVIF", quality=quality, speed=8)
