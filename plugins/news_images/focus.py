"""Where a photo's subject is, and the crop window that keeps it.

`attention(image)` looks at a small copy of the photo (at most ANALYSIS_SIDE px
on its long side) the way libvips' `smartcrop attention` does: fine detail
(edges of the luma), skin tones (a Cb/Cr window, away from the darkest pixels)
and saturated, bright colour, added with those weights, weighted mildly towards
the middle, then blurred so that a region wins over a single sharp pixel. The
focus is the centre of the strongest blurred region, as fractions of the width
and height from the top-left. Pillow only (point tables, filters, ImageChops):
a few milliseconds on a photo the renderer has decoded anyway.

`window(...)` places a crop of a given aspect so that the focus is as near its
middle as the photo's edges allow (clamped), never a blind centre crop.

VERSION is part of the names of every cropped derivative (plan.py): bump it
when `attention` may choose another point or `window` place another crop.
"""

from __future__ import annotations

import functools

from PIL import Image, ImageChops, ImageFilter, ImageOps

VERSION = "1"
ANALYSIS_SIDE = 128  # px; a face in a group photo still covers a few pixels
CENTRE = (0.5, 0.5)


def _ramp(low: int, high: int, top: int = 255) -> list[int]:
    """0 below `low`, rising linearly to `top` at `high` and above."""
    return [0 if v <= low else top if v >= high else round(top * (v - low) / (high - low)) for v in range(256)]


def _hat(centre: int, half: int) -> list[int]:
    """255 at `centre`, falling linearly to 0 at `half` either side."""
    return [max(0, round(255 * (1 - abs(v - centre) / half))) for v in range(256)]


def _scaled(weight: float) -> list[int]:
    return [round(v * weight) for v in range(256)]


EDGE = [min(255, max(0, (v - 10) * 2)) for v in range(256)]  # JPEG noise and soft gradients: nothing
SKIN_CB, SKIN_CR = _hat(106, 26), _hat(152, 24)  # light to dark skin; red banners (Cr > 200) stay out
SKIN_Y = _ramp(45, 90)  # not in deep shadow
SATURATED, BRIGHT = _ramp(90, 200), _ramp(60, 140)
WEIGHT_EDGE, WEIGHT_SKIN, WEIGHT_SATURATED = _scaled(0.35), _scaled(0.5), _scaled(0.15)


def attention(image: Image.Image) -> tuple[float, float]:
    """The focus of `image` (any mode, any size): (x, y) in 0..1 from the top-left."""
    small = _small(image)
    score = _score(small)
    blurred = score.filter(ImageFilter.GaussianBlur(max(1.0, max(small.size) / 14)))
    peak = blurred.getextrema()[1]
    if peak == 0:  # a blank photo: nothing to aim at
        return CENTRE
    box = blurred.point([255 if v >= peak else 0 for v in range(256)]).getbbox()
    width, height = small.size
    return (round((box[0] + box[2]) / 2 / width, 4), round((box[1] + box[3]) / 2 / height, 4))


def _small(image: Image.Image) -> Image.Image:
    """An RGB copy at most ANALYSIS_SIDE px on its long side (box filter: cheap, no ringing)."""
    scale = ANALYSIS_SIDE / max(image.size)
    if image.mode != "RGB":
        image = image.convert("RGB")
    if scale >= 1:
        return image
    size = (max(1, round(image.width * scale)), max(1, round(image.height * scale)))
    return image.resize(size, Image.BOX, reducing_gap=2.0)


def _score(rgb: Image.Image) -> Image.Image:
    """Attention of each pixel, 0..255 ("L")."""
    width, height = rgb.size
    edges = rgb.convert("L").filter(ImageFilter.FIND_EDGES)
    if width > 2 and height > 2:  # the filter copies the border pixels as they are: not edges
        edges = ImageOps.expand(edges.crop((1, 1, width - 1, height - 1)), 1, 0)
    luma, cb, cr = rgb.convert("YCbCr").split()
    skin = ImageChops.multiply(ImageChops.multiply(cb.point(SKIN_CB), cr.point(SKIN_CR)), luma.point(SKIN_Y))
    _, saturation, value = rgb.convert("HSV").split()
    colour = ImageChops.multiply(saturation.point(SATURATED), value.point(BRIGHT))
    total = ImageChops.add(edges.point(EDGE).point(WEIGHT_EDGE), skin.point(WEIGHT_SKIN))
    total = ImageChops.add(total, colour.point(WEIGHT_SATURATED))
    return ImageChops.multiply(total, _prior(rgb.size))


@functools.lru_cache(maxsize=8)
def _prior(size: tuple[int, int]) -> Image.Image:
    """A mild preference for the middle: 255 there, about 60 % of it in the corners."""
    gradient = Image.radial_gradient("L").resize(size, Image.BILINEAR)  # 0 in the middle
    return gradient.point([255 - v * 102 // 255 for v in range(256)])  # edges' middles: 72 %


def window(width: float, height: float, aspect: tuple[int, int], focus: tuple[float, float]) -> tuple[float, float, float, float]:
    """The largest box of `aspect` (w, h) inside width×height, centred on `focus`
    (fractions from the top-left) as far as the edges allow: (left, top, right, bottom)."""
    crop_w, crop_h = width, height
    if width * aspect[1] > height * aspect[0]:  # wider than wanted: crop the sides
        crop_w = height * aspect[0] / aspect[1]
    else:  # taller (or equal): crop top and bottom
        crop_h = width * aspect[1] / aspect[0]
    left = min(max(focus[0] * width - crop_w / 2, 0.0), width - crop_w)
    top = min(max(focus[1] * height - crop_h / 2, 0.0), height - crop_h)
    return (left, top, left + crop_w, top + crop_h)


def crop(image: Image.Image, size: tuple[int, int], focus: tuple[float, float]) -> Image.Image:
    """`image` cropped around `focus` to the aspect of `size`, resized to `size` (Lanczos)."""
    box = window(image.width, image.height, size, focus)
    return image.resize(size, Image.LANCZOS, box=box)
