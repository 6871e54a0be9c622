"""Which derivatives a photo gets: sizes, names, crops. No pixels here."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from .focus import VERSION as FOCUS_VERSION
from .settings import EXTENSIONS, Config


@dataclass(frozen=True)
class Derivative:
    role: str  # "full", "thumb" or "social"
    width: int
    height: int
    fmt: str  # "jpeg", "webp", "avif"
    name: str  # output file name, unique per source bytes, settings and crop
    focus: tuple[float, float] | None = None  # thumb, social: the editor's point (0..1), None: the photo's own


def full_widths(width: int, widths: tuple[int, ...]) -> list[int]:
    """Configured widths below the photo's own; never upscale, keep at least one."""
    chosen = [w for w in widths if w < width]
    if width <= widths[-1] and width not in chosen:
        chosen.append(width)  # the photo itself is the largest we can offer
    return sorted(set(chosen)) or [width]


def crop_tag(focus: tuple[float, float] | None) -> str:
    """What places the crops of a photo, in their names: "a1" for the attention
    analysis (focus.py, version 1), "x30y20" for an editor's `focus: 30% 20%`.
    Another point or another analysis gives other names, so no browser or CDN
    keeps an old crop; full-size derivatives are never cropped and keep theirs."""
    if focus is None:
        return f"a{FOCUS_VERSION}"
    return f"x{focus[0]:g}y{focus[1]:g}"


@functools.lru_cache(maxsize=1 << 16)  # asked for each photo by the markup and by the pipeline
def plan(stem: str, digest: str, width: int, height: int, cfg: Config, gallery: bool, cover: bool,
         focus: tuple[float, float] | None = None) -> tuple[Derivative, ...]:
    """Every derivative of one photo, for (width, height) after orientation;
    `focus`: the editor's (x %, y %) for its crops, None to find the subject."""
    tag = f"{stem}-{digest[:10]}"
    cropped = f"{tag}-{crop_tag(focus)}"
    point = None if focus is None else (focus[0] / 100, focus[1] / 100)
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
                out.append(Derivative("thumb", tw, th, fmt, f"{cropped}-t{tw}.{EXTENSIONS[fmt]}", point))
    if cover:
        sw, sh = cfg.social_size
        out.append(Derivative("social", sw, sh, "jpeg", f"{cropped}-og.jpg", point))
    return tuple(out)


def pick(derivatives, role: str, fmt: str) -> list[Derivative]:
    return sorted((d for d in derivatives if d.role == role and d.fmt == fmt), key=lambda d: d.width)
