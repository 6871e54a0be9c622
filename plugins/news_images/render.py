"""Decode once, orient, convert to sRGB, resize in cascade, encode; no metadata."""

from __future__ import annotations

import io
import os
from dataclasses import dataclass

from PIL import Image, ImageCms, ImageOps

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
    return tuple(d for d in job.derivatives if not os.path.exists(os.path.join(job.folder, d.name)))


def render(job: Job) -> int:
    """Write every missing derivative of `job` into its cache folder; return how many."""
    todo = missing(job)
    if not todo:
        return 0
    Image.MAX_IMAGE_PIXELS = job.max_pixels
    from .probe import register_heif

    register_heif()
    largest = max(d.width for d in todo if d.role != "social") if any(d.role != "social" for d in todo) else 0
    image = load(job.source, max(largest, 1200))
    os.makedirs(job.folder, exist_ok=True)
    quality = dict(job.quality)
    full = {}
    current = image
    sizes = sorted({(d.width, d.height) for d in job.derivatives if d.role == "full"}, reverse=True)
    for size in sizes:  # cascade: 1600 from the decoded photo, 960 from 1600, …
        current = current if current.size == size else current.resize(size, Image.LANCZOS)
        full[size[0]] = current
    for item in todo:
        if item.role == "full":
            picture = full[item.width]
        else:
            picture = ImageOps.fit(_base_for(full, image, item.width), (item.width, item.height), Image.LANCZOS)
        _save(picture, os.path.join(job.folder, item.name), item.fmt, quality[item.fmt])
    return len(todo)


def _base_for(full: dict, image: Image.Image, width: int) -> Image.Image:
    """The smallest already-made size that is still at least twice `width`, else the original."""
    bigger = [w for w in sorted(full) if w >= 2 * width]
    return full[bigger[0]] if bigger else image


def load(path: str, need: int) -> Image.Image:
    """Open, decode with JPEG DCT scaling down to about `need` px wide, orient, sRGB."""
    with Image.open(path) as image:
        if image.format == "JPEG":
            exif = image.getexif()
            swap = exif.get(0x0112, 1) in (5, 6, 7, 8)
            ratio = need / (image.height if swap else image.width)
            if ratio < 1:
                image.draft("RGB", (int(image.width * ratio) + 1, int(image.height * ratio) + 1))
        image.load()
        oriented = ImageOps.exif_transpose(image)
        return to_srgb(oriented if oriented is not None else image)


def to_srgb(image: Image.Image) -> Image.Image:
    """8-bit RGB in sRGB: ICC converted, CMYK and palette handled, alpha on white,
    16-bit scaled (not clipped)."""
    profile = image.info.get("icc_profile")
    if image.mode in ("I;16", "I;16B", "I;16L", "I"):
        image = image.convert("I").point(lambda v: v * (1 / 256)).convert("L")
    if image.mode in ("P", "PA"):
        image = image.convert("RGBA")
    if image.mode in ("LA", "RGBA", "La", "RGBa"):
        background = Image.new("RGBA", image.size, (255, 255, 255, 255))
        background.alpha_composite(image.convert("RGBA"))
        image = background
    if profile:
        try:
            source = ImageCms.ImageCmsProfile(io.BytesIO(profile))
            mode = "RGB" if image.mode != "CMYK" else "CMYK"
            image = ImageCms.profileToProfile(image.convert(mode) if image.mode not in ("RGB", "CMYK") else image,
                                              source, SRGB, outputMode="RGB")
        except (ImageCms.PyCMSError, OSError, ValueError):
            pass  # a broken profile: fall back to a plain conversion
    if image.mode != "RGB":
        image = image.convert("RGB")
    image.info.clear()
    return image


def _save(image: Image.Image, path: str, fmt: str, quality: int) -> None:
    temporary = f"{path}.{os.getpid()}.tmp"
    if fmt == "jpeg":
        image.save(temporary, "JPEG", quality=quality, optimize=True, progressive=True)
    elif fmt == "webp":
        image.save(temporary, "WEBP", quality=quality, method=4)
    else:
        image.save(temporary, "AVIF", quality=quality, speed=8)
    os.replace(temporary, path)
