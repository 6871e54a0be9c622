"""Which derivatives a photo gets: sizes, names, crops. No pixels here."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from .settings import EXTENSIONS, Config


@dataclass(frozen=True)
class Derivative:
    role: str  # "full", "thumb" or "social"
    width: int
    height: int
    fmt: str  # "jpeg", "webp", "avif"
    name: str  # output file name, unique per source bytes and settings


def full_widths(width: int, widths: tuple[int, ...]) -> list[int]:
    """Configured widths below the photo's own; never upscale, keep at least one."""
    chosen = [w for w in widths if w < width]
    if width <= widths[-1] and width not in chosen:
        chosen.append(width)  # the photo itself is the largest we can offer
    return sorted(set(chosen)) or [width]


@functools.lru_cache(maxsize=1 << 16)  # asked for each photo by the markup and by the pipeline
def plan(stem: str, digest: str, width: int, height: int, cfg: Config, gallery: bool, cover: bool) -> tuple[Derivative, ...]:
    """Every derivative of one photo, for (width, height) after orientation."""
    tag = f"{stem}-{digest[:10]}"
    out = []
    for w in full_widths(width, cfg.widths):
        h = max(1, round(height * w / width))
        for fmt in cfg.formats:
            out.append(Derivative("full", w, h, fmt, f"{tag}-{w}.{EXTENSIONS[fmt]}"))
    if gallery or cover:  # 3:2 thumbnails: gallery grid, and the cover's card in lists
        aw, ah = cfg.thumb_aspect
        for w in cfg.thumb_widths:
            if w > width and w != cfg.thumb_widths[0]:
                continue
            tw = min(w, width)
            th = max(1, round(tw * ah / aw))
            for fmt in cfg.formats:
                out.append(Derivative("thumb", tw, th, fmt, f"{tag}-t{tw}.{EXTENSIONS[fmt]}"))
    if cover:
        sw, sh = cfg.social_size
        out.append(Derivative("social", sw, sh, "jpeg", f"{tag}-og.jpg"))
    return tuple(out)


def pick(derivatives, role: str, fmt: str) -> list[Derivative]:
    return sorted((d for d in derivatives if d.role == role and d.fmt == fmt), key=lambda d: d.width)
