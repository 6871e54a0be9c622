"""Draw the stand-in photos of the sample articles in ``content/``.

Every photo beside a sample article is a flat, stylised illustration drawn by
this script with Pillow alone: a meeting hall, an award ceremony, a street
clean-up, a book fair and so on, one scene per photo, chosen to fit the photo's
caption. The people in them are simple figures with blank faces; none depicts
a real person or a real event, whatever the caption says. The illustrations
were made for this project and are under the repository's licence (see
``LICENSE`` and ``content/README.md``).

Run it from the repository, with any Python that has Pillow (the project's
virtual environment has it)::

    .venv/bin/python scripts/make_sample_photos.py

The table ``PHOTOS`` below is the whole recipe: article folder, file name,
size, scene and the scene's options. Each photo draws from its own random
generator, seeded with its file name, so re-running the script rewrites
byte-identical files (JPEG bytes can differ between Pillow/libjpeg releases).
Scenes are drawn at ``SS`` times the output size and scaled down with a
Lanczos filter, which gives clean antialiased edges. Several scenes put their
subject off-centre on purpose (a speaker on the left third, a group near the
top), so the site's cropping of thumbnails has something to find.

After writing, the script checks that each listed folder's ``index.md``
references exactly the photos made for it and that no stray ``.jpg`` lies
beside it.
"""

from __future__ import annotations

import math
import random
import re
import sys
import zlib
from pathlib import Path
from typing import Callable

from PIL import Image, ImageDraw, ImageFilter

CONTENT = Path(__file__).resolve().parent.parent / "content"

# Output sizes (width, height): about 2000 px on the long side.
L32 = (2000, 1333)  # landscape 3:2
L43 = (2000, 1500)  # landscape 4:3
P34 = (1500, 2000)  # portrait 3:4

SS = 3  # supersampling factor
JPEG_QUALITY = 82

Colour = tuple[int, int, int]
Point = tuple[float, float]

# ---------------------------------------------------------------------------
# Palette: soft, slightly muted colours shared by every scene.

RED = (190, 48, 48)
GOLD = (236, 190, 96)
PALE_GOLD = (246, 222, 160)
CREAM = (247, 240, 226)
WHITE = (248, 247, 243)
INK = (44, 46, 56)
NAVY = (46, 60, 92)
STEEL = (150, 160, 174)
WOOD = (156, 104, 70)
DARK_WOOD = (110, 70, 48)
LEAF = [(70, 126, 82), (94, 150, 90), (124, 172, 100)]
GREEN_SHIRT = (76, 158, 98)
OLIVE = (112, 120, 78)
SKY = [(0.0, (168, 204, 228)), (0.7, (218, 230, 232)), (1.0, (240, 236, 222))]

SKINS = [(240, 198, 164), (228, 178, 140), (214, 162, 124), (236, 190, 154), (222, 170, 130)]
HAIRS = [(38, 32, 30), (54, 42, 36), (30, 28, 30), (72, 54, 44)]
GREYS = [(170, 168, 164), (196, 194, 188), (146, 144, 140)]
SHIRTS = [WHITE, (178, 204, 230), (230, 214, 186), (214, 228, 214), (236, 200, 196), (200, 200, 214)]
SUITS = [NAVY, (70, 74, 84), (96, 100, 110), (60, 72, 96)]
PANTS = [(52, 56, 68), (44, 44, 50), (78, 82, 94), (96, 86, 74)]
FACADES = [(236, 200, 120), (214, 226, 214), (238, 214, 190), (200, 218, 222), (244, 232, 204),
           (226, 190, 170), (232, 222, 160)]
FLOWERS = [(232, 70, 70), (246, 196, 70), (240, 150, 170), (248, 240, 236), (236, 120, 60)]


def mix(a: Colour, b: Colour, t: float) -> Colour:
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b))  # type: ignore[return-value]


def shade(c: Colour, f: float) -> Colour:
    """Darken (f < 1) towards black or lighten (f > 1) towards white."""
    return mix(c, (0, 0, 0), 1 - f) if f < 1 else mix(c, (255, 255, 255), f - 1)


def ramp(stops: list[tuple[float, Colour]], t: float) -> Colour:
    for (t0, c0), (t1, c1) in zip(stops, stops[1:]):
        if t <= t1:
            return mix(c0, c1, (t - t0) / (t1 - t0) if t1 > t0 else 0)
    return stops[-1][1]


# ---------------------------------------------------------------------------
# Canvas: draws in output-pixel coordinates on a supersampled image.


class Canvas:
    def __init__(self, size: tuple[int, int], bg: Colour = CREAM):
        self.w, self.h = size
        self.im = Image.new("RGB", (self.w * SS, self.h * SS), bg)
        self.d = ImageDraw.Draw(self.im)

    @staticmethod
    def _s(*v: float) -> list[int]:
        return [round(x * SS) for x in v]

    def rect(self, x0, y0, x1, y1, fill, r: float = 0, outline=None, width: float = 0):
        x0, x1 = sorted((x0, x1))
        y0, y1 = sorted((y0, y1))
        box = self._s(x0, y0, x1, y1)
        if r > 0:
            r = min(r, (x1 - x0) / 2, (y1 - y0) / 2)
            self.d.rounded_rectangle(box, round(r * SS), fill=fill, outline=outline, width=round(width * SS))
        else:
            self.d.rectangle(box, fill=fill, outline=outline, width=round(width * SS))

    def ellipse(self, cx, cy, rx, ry, fill, outline=None, width: float = 0):
        self.d.ellipse(self._s(cx - rx, cy - ry, cx + rx, cy + ry), fill=fill, outline=outline,
                       width=round(width * SS))

    def circle(self, cx, cy, r, fill):
        self.ellipse(cx, cy, r, r, fill)

    def chord(self, cx, cy, rx, ry, start, end, fill):
        self.d.chord(self._s(cx - rx, cy - ry, cx + rx, cy + ry), start, end, fill=fill)

    def poly(self, pts: list[Point], fill):
        self.d.polygon([(round(x * SS), round(y * SS)) for x, y in pts], fill=fill)

    def line(self, pts: list[Point], w: float, fill, caps: bool = True):
        self.d.line([(round(x * SS), round(y * SS)) for x, y in pts], fill=fill, width=max(1, round(w * SS)),
                    joint="curve")
        if caps:
            for x, y in pts:
                self.circle(x, y, w / 2, fill)

    def vgrad(self, x0, y0, x1, y1, stops: list[tuple[float, Colour]]):
        X0, Y0, X1, Y1 = self._s(x0, y0, x1, y1)
        n = max(1, Y1 - Y0)
        col = Image.new("RGB", (1, n))
        col.putdata([ramp(stops, (i + 0.5) / n) for i in range(n)])
        self.im.paste(col.resize((max(1, X1 - X0), n), Image.Resampling.NEAREST), (X0, Y0))

    def translucent(self, draw: Callable[[ImageDraw.ImageDraw, Callable], None], box, fill: Colour, alpha: float):
        """Blend a shape drawn by draw(mask_draw, to_px) into box with the given opacity."""
        X0, Y0, X1, Y1 = self._s(*box)
        X0, Y0 = max(X0, 0), max(Y0, 0)
        X1, Y1 = min(X1, self.w * SS), min(Y1, self.h * SS)
        if X1 <= X0 or Y1 <= Y0:
            return
        mask = Image.new("L", (X1 - X0, Y1 - Y0), 0)

        def to_px(x: float, y: float) -> tuple[int, int]:
            return round(x * SS) - X0, round(y * SS) - Y0

        draw(ImageDraw.Draw(mask), to_px)
        mask = mask.point(lambda v: round(v * alpha))
        self.im.paste(fill, (X0, Y0, X1, Y1), mask)

    def glow(self, cx, cy, rx, ry, fill: Colour, alpha: float):
        """A soft radial light (or shade) centred on (cx, cy)."""
        X0, Y0, X1, Y1 = self._s(cx - rx, cy - ry, cx + rx, cy + ry)
        g = Image.radial_gradient("L").resize((X1 - X0, Y1 - Y0), Image.Resampling.BILINEAR)
        # radial_gradient is 0 at the centre and 181 on the inscribed circle: fade to 0 there.
        g = g.point(lambda v: round(255 * alpha * max(0.0, 1 - v / 181) ** 2))
        full = Image.new("L", self.im.size, 0)
        full.paste(g, (X0, Y0))
        self.im.paste(fill, (0, 0), full)

    def shadows(self, ellipses: list[tuple[float, float, float, float]], alpha: float = 0.28,
                fill: Colour = (40, 36, 40), blur: float = 6):
        """Soft contact shadows: ellipses (cx, cy, rx, ry), blurred at low resolution."""
        if not ellipses:
            return
        k = 4  # work at a quarter of the output size
        mask = Image.new("L", (self.w // k + 1, self.h // k + 1), 0)
        md = ImageDraw.Draw(mask)
        for cx, cy, rx, ry in ellipses:
            md.ellipse([(cx - rx) / k, (cy - ry) / k, (cx + rx) / k, (cy + ry) / k], fill=255)
        mask = mask.filter(ImageFilter.GaussianBlur(blur / k))
        mask = mask.resize((mask.width * k * SS, mask.height * k * SS), Image.Resampling.BILINEAR)
        mask = mask.crop((0, 0) + self.im.size).point(lambda v: round(v * alpha))
        self.im.paste(fill, (0, 0), mask)

    def finish(self) -> Image.Image:
        return self.im.resize((self.w, self.h), Image.Resampling.LANCZOS)


def star(cx: float, cy: float, r: float, rot: float = -90) -> list[Point]:
    pts = []
    for i in range(10):
        rr = r if i % 2 == 0 else r * 0.382
        a = math.radians(rot + i * 36)
        pts.append((cx + rr * math.cos(a), cy + rr * math.sin(a)))
    return pts


# ---------------------------------------------------------------------------
# People: simple figures with round heads and blank faces.


class Look:
    """Colours and hair of one figure."""

    def __init__(self, rng: random.Random, shirt=None, pants=None, hair=None, style=None, skin=None,
                 old: bool = False, child: bool = False, female: bool | None = None):
        self.female = rng.random() < 0.45 if female is None else female
        self.skin = skin or rng.choice(SKINS)
        self.hair = hair or (rng.choice(GREYS) if old else rng.choice(HAIRS))
        self.style = style or (rng.choice(["long", "bun", "bob"]) if self.female else "short")
        self.shirt = shirt or rng.choice(SHIRTS)
        self.pants = pants or rng.choice(PANTS)
        self.child = child
        self.part = rng.choice((-1, 1))  # which way the hair falls


ArmSpec = list[Point] | None
HAND = 0.03  # hand radius, as a fraction of height


def draw_head(c: Canvas, hx: float, hy: float, r: float, look: Look, back: bool = False):
    """A round head: hair cap with a curved hairline and a blank face (or the back of the head)."""
    if back:
        c.circle(hx, hy + r * 0.15, r * 0.9, shade(look.skin, 0.9))  # nape
        c.circle(hx, hy - r * 0.04, r * 1.04, look.hair)
        if look.style == "bun":
            c.circle(hx, hy - r * 0.2, r * 0.5, shade(look.hair, 0.88))
        return
    if look.style == "bun":
        c.circle(hx, hy - r * 1.05, r * 0.48, look.hair)
    c.circle(hx, hy - r * 0.06, r * 1.04, look.hair)
    side = look.part
    c.ellipse(hx + side * r * 0.06, hy + r * 0.2, r * 0.9, r * 0.8, look.skin)
    c.ellipse(hx - side * r * 0.93, hy + r * 0.18, r * 0.16, r * 0.22, shade(look.skin, 0.95))  # ear


def person(c: Canvas, x: float, y: float, h: float, look: Look, *, back: bool = False,
           arms: tuple[ArmSpec, ArmSpec] = (None, None), legs=None, collar: Colour | None = None,
           dress: Colour | None = None, sleeve: Colour | None = None, width: float = 1.0,
           hold: Callable[[Canvas, list[Point]], None] | None = None, hat: str | None = None,
           hold_behind: Callable[[Canvas, list[Point]], None] | None = None) -> list[Point]:
    """Draw a standing figure whose feet are at (x, y) and who is h tall.

    arms: for the viewer's left and right arm, None (hanging down) or a list of
    points (elbow, hand) or (hand,) as (dx, dy) fractions of h from the feet.
    Returns the hand positions.
    """
    u = h
    if look.child:
        width *= 0.92

    def P(dx: float, dy: float) -> Point:
        return x + dx * u, y + dy * u

    head = P(0, -0.925)
    r = 0.074 * u * (1.12 if look.child else 1.0)
    if look.child:
        head = P(0, -0.915)
    shoulders = [P(-0.098 * width, -0.80), P(0.098 * width, -0.80)]
    # Hair behind the head.
    if look.style in ("long", "bob") and not back:
        low = 1.9 if look.style == "long" else 1.1
        c.rect(head[0] - r * 1.12, head[1] - r * 0.6, head[0] + r * 1.12, head[1] + r * low, look.hair, r=r * 0.8)
    if hold_behind:
        hold_behind(c, [])
    # Legs.
    leg_w = 0.078 * u * width
    if legs is None:
        legs = [[(-0.05, -0.24), (-0.05, -0.015)], [(0.05, -0.24), (0.05, -0.015)]]
    for i, leg in enumerate(legs):
        hip = P((-0.05 if i == 0 else 0.05) * width, -0.47)
        pts = [hip] + [P(*p) for p in leg]
        c.line(pts, leg_w, look.pants)
        fx, fy = pts[-1]
        c.ellipse(fx, fy + 0.004 * u, 0.045 * u, 0.022 * u, INK)
    # Torso or long tunic.
    if dress:
        c.poly([P(-0.1 * width, -0.83), P(0.1 * width, -0.83), P(0.085, -0.56), P(0.15, -0.14),
                P(-0.15, -0.14), P(-0.085, -0.56)], dress)
        c.rect(*P(-0.11 * width, -0.85), *P(0.11 * width, -0.62), dress, r=0.05 * u)
    else:
        c.rect(*P(-0.118 * width, -0.845), *P(0.118 * width, -0.44), look.shirt, r=0.055 * u)
    # Neck and head.
    c.rect(*P(-0.024, -0.88), *P(0.024, -0.82), shade(look.skin, 0.93))
    if collar and not back:
        c.poly([P(-0.05, -0.845), P(0.05, -0.845), P(0, -0.74)], collar)
    draw_head(c, head[0], head[1], r, look, back)
    if hat == "cap":
        hx, hy = head
        c.chord(hx, hy - r * 0.25, r * 1.1, r * 1.0, 180, 360, OLIVE)
        c.ellipse(hx, hy - r * 0.3, r * 1.25, r * 0.22, shade(OLIVE, 0.8))
        c.circle(hx, hy - r * 0.75, r * 0.18, (220, 60, 50))
    elif hat == "conical":
        hx, hy = head
        c.poly([(hx - r * 2.0, hy - r * 0.35), (hx + r * 2.0, hy - r * 0.35), (hx, hy - r * 1.9)], (226, 206, 150))
        c.poly([(hx - r * 2.0, hy - r * 0.35), (hx + r * 2.0, hy - r * 0.35), (hx, hy - r * 0.55)],
               (206, 184, 126))
    # Arms.
    sleeve = sleeve or (shade(dress, 0.92) if dress else shade(look.shirt, 0.93))
    defaults = [[(-0.15, -0.63), (-0.155, -0.48)], [(0.15, -0.63), (0.155, -0.48)]]
    hands = []
    arm_w = 0.058 * u * width
    for i, (spec, sh) in enumerate(zip(arms, shoulders)):
        pts = [sh] + [P(*p) for p in (spec if spec is not None else defaults[i])]
        c.line(pts, arm_w, sleeve)
        hands.append(pts[-1])
    if hold:
        hold(c, hands)
    for hx, hy in hands:
        c.circle(hx, hy, HAND * u, look.skin)
    return hands


def bust(c: Canvas, x: float, y: float, h: float, look: Look, *, back: bool = False,
         collar: Colour | None = None, arms_on_table: bool = False):
    """Upper body of a seated figure; y is the shoulder line, h the figure's full height."""
    u = h
    r = 0.074 * u
    hx, hy = x, y - 0.13 * u
    if look.style in ("long", "bob") and not back:
        c.rect(hx - r * 1.12, hy - r * 0.6, hx + r * 1.12, hy + r * (1.8 if look.style == "long" else 1.1),
               look.hair, r=r * 0.8)
    c.rect(x - 0.135 * u, y - 0.045 * u, x + 0.135 * u, y + 0.32 * u, look.shirt, r=0.06 * u)
    c.rect(x - 0.024 * u, y - 0.08 * u, x + 0.024 * u, y, shade(look.skin, 0.93))
    if collar and not back:
        c.poly([(x - 0.05 * u, y - 0.045 * u), (x + 0.05 * u, y - 0.045 * u), (x, y + 0.06 * u)], collar)
    draw_head(c, hx, hy, r, look, back)
    if back:
        return
    if arms_on_table:
        for s in (-1, 1):
            c.line([(x + s * 0.11 * u, y + 0.02 * u), (x + s * 0.14 * u, y + 0.2 * u), (x + s * 0.05 * u, y + 0.26 * u)],
                   0.06 * u, shade(look.shirt, 0.93))


# Arm poses, as (elbow, hand) fractions of height from the feet.
HOLD_FRONT = ([(-0.16, -0.64), (-0.085, -0.62)], [(0.16, -0.64), (0.085, -0.62)])
HAND_RIGHT = [(0.2, -0.7), (0.3, -0.68)]
HAND_LEFT = [(-0.2, -0.7), (-0.3, -0.68)]
RAISE_RIGHT = [(0.19, -0.92), (0.2, -1.08)]
RAISE_LEFT = [(-0.19, -0.92), (-0.2, -1.08)]


def cert(colour: Colour = RED) -> Callable[[Canvas, list[Point]], None]:
    """A framed certificate held in front of the chest with both hands."""

    def draw(c: Canvas, hands: list[Point]):
        (lx, ly), (rx, ry) = hands
        cw = max(abs(rx - lx) * 1.55, 10)
        cy = (ly + ry) / 2
        ch = cw * 0.72
        x0 = (lx + rx) / 2 - cw / 2
        c.rect(x0, cy - ch * 0.55, x0 + cw, cy + ch * 0.45, colour, r=cw * 0.02)
        c.rect(x0 + cw * 0.07, cy - ch * 0.45, x0 + cw * 0.93, cy + ch * 0.35, CREAM)
        c.rect(x0 + cw * 0.3, cy - ch * 0.32, x0 + cw * 0.7, cy - ch * 0.24, shade(colour, 1.1))
        for i in range(3):
            yy = cy - ch * 0.12 + i * ch * 0.12
            c.rect(x0 + cw * 0.2, yy, x0 + cw * (0.8 if i < 2 else 0.55), yy + ch * 0.04, (214, 200, 180))
        c.circle(x0 + cw * 0.72, cy + ch * 0.2, ch * 0.08, (214, 70, 60))

    return draw


def bouquet(c: Canvas, x: float, y: float, s: float, rng: random.Random):
    """Flowers wrapped in a cone; (x, y) is where the hand holds it, s its size."""
    c.poly([(x - s * 0.45, y - s * 0.5), (x + s * 0.45, y - s * 0.5), (x, y + s * 0.45)], (236, 230, 214))
    for _ in range(9):
        fx = x + rng.uniform(-0.42, 0.42) * s
        fy = y - s * 0.55 + rng.uniform(-0.35, 0.15) * s
        c.circle(fx, fy, s * 0.16, rng.choice(LEAF))
    for _ in range(7):
        fx = x + rng.uniform(-0.36, 0.36) * s
        fy = y - s * 0.62 + rng.uniform(-0.3, 0.15) * s
        col = rng.choice(FLOWERS)
        c.circle(fx, fy, s * 0.14, col)
        c.circle(fx, fy, s * 0.05, shade(col, 0.85))


def flag(c: Canvas, x: float, top: float, bottom: float, w: float, kind: str = "vn", wave: bool = True):
    """A flag on a pole; kind is 'vn' (red, gold star) or 'union' (red with a blue disc)."""
    c.line([(x, top), (x, bottom)], max(2.0, w * 0.05), (200, 196, 188))
    c.circle(x, top, w * 0.05, GOLD)
    h = w * 0.66
    x0, y0 = x, top + w * 0.04
    if wave:
        pts_top = [(x0 + w * t, y0 + math.sin(t * 3.1) * h * 0.08) for t in [i / 12 for i in range(13)]]
        pts_bot = [(px, py + h) for px, py in reversed(pts_top)]
        c.poly(pts_top + pts_bot, (214, 44, 44))
    else:
        c.rect(x0, y0, x0 + w, y0 + h, (214, 44, 44))
    cx, cy = x0 + w * 0.5, y0 + h * 0.5 + (math.sin(1.55) * h * 0.08 if wave else 0)
    if kind == "vn":
        c.poly(star(cx, cy, h * 0.3), (250, 214, 64))
    else:
        c.circle(cx, cy, h * 0.26, (60, 110, 190))
        c.circle(cx, cy, h * 0.12, (250, 214, 64))


def broom(c: Canvas, hx: float, hy: float, fx: float, fy: float, s: float):
    c.line([(hx, hy), (fx, fy)], s * 0.02, (170, 128, 84))
    c.poly([(fx - s * 0.1, fy + s * 0.02), (fx + s * 0.1, fy + s * 0.02), (fx + s * 0.03, fy - s * 0.08),
            (fx - s * 0.03, fy - s * 0.08)], (214, 184, 110))


# ---------------------------------------------------------------------------
# Settings: halls, stages, streets, trees.


def backdrop(c: Canvas, x0, y0, x1, y1, rng: random.Random, base: Colour = RED, emblem: bool = True,
             lines: int = 3, text_scale: float = 1.0):
    """A stage backdrop: gradient panel with a banner of plain shapes (no readable text)."""
    w, h = x1 - x0, y1 - y0
    c.vgrad(x0, y0, x1, y1, [(0, shade(base, 1.08)), (0.6, base), (1, shade(base, 0.78))])
    c.glow((x0 + x1) / 2, y0 + h * 0.42, w * 0.45, h * 0.6, shade(base, 1.25), 0.35)
    c.rect(x0, y0 + h * 0.06, x1, y0 + h * 0.075, PALE_GOLD)
    c.rect(x0, y1 - h * 0.075, x1, y1 - h * 0.06, PALE_GOLD)
    cx = (x0 + x1) / 2
    top = y0 + h * 0.16
    if emblem:
        er = h * 0.09 * text_scale
        c.circle(cx, top + er, er, GOLD)
        c.circle(cx, top + er, er * 0.78, shade(base, 0.92))
        c.poly(star(cx, top + er, er * 0.55), GOLD)
        top += er * 2 + h * 0.06
    bar = h * 0.055 * text_scale
    for i in range(lines):
        lw = w * (0.62 if i == 1 else rng.uniform(0.32, 0.5)) * text_scale
        lw = min(lw, w * 0.86)
        hb = bar * (1.45 if i == 1 else 1.0)
        col = WHITE if i != 1 else PALE_GOLD
        c.rect(cx - lw / 2, top, cx + lw / 2, top + hb, col, r=hb * 0.3)
        top += hb + bar * 0.75


def curtains(c: Canvas, x0, y0, x1, y1, colour: Colour):
    """Pleated side curtains and a scalloped valance over a stage opening."""
    w = x1 - x0
    for side in (0, 1):
        cx0 = x0 if side == 0 else x1 - w * 0.08
        for i in range(5):
            px = cx0 + i * w * 0.016
            c.vgrad(px, y0, px + w * 0.016, y1, [(0, shade(colour, 0.75 + 0.1 * (i % 2))),
                                                  (1, shade(colour, 0.6 + 0.1 * (i % 2)))])
    n = 14
    for i in range(n):
        c.chord(x0 + (i + 0.5) * w / n, y0 + w * 0.01, w / n * 0.55, w * 0.03, 0, 180, shade(colour, 0.8))
    c.rect(x0, y0 - w * 0.02, x1, y0 + w * 0.012, shade(colour, 0.8))
    c.rect(x0, y0 + w * 0.01, x1, y0 + w * 0.014, GOLD)


def flower_bank(c: Canvas, x0, x1, y, s, rng: random.Random, colours=None):
    """A low bank of potted flowers along the front of a stage."""
    colours = colours or FLOWERS
    n = max(3, int((x1 - x0) / (s * 0.9)))
    for i in range(n):
        fx = x0 + (i + 0.5) * (x1 - x0) / n
        c.ellipse(fx, y, s * 0.55, s * 0.45, rng.choice(LEAF[:2]))
    for i in range(n * 3):
        fx = x0 + rng.uniform(0, 1) * (x1 - x0)
        fy = y - s * rng.uniform(0.1, 0.45)
        c.circle(fx, fy, s * rng.uniform(0.1, 0.16), rng.choice(colours))


def podium(c: Canvas, x: float, y: float, w: float, h: float, colour: Colour = WOOD, rng=None):
    """A lectern whose base is at (x, y)."""
    c.poly([(x - w * 0.5, y - h), (x + w * 0.5, y - h), (x + w * 0.42, y), (x - w * 0.42, y)], colour)
    c.rect(x - w * 0.56, y - h - h * 0.06, x + w * 0.56, y - h + h * 0.02, shade(colour, 0.8), r=h * 0.02)
    c.circle(x, y - h * 0.62, w * 0.15, GOLD)
    c.poly(star(x, y - h * 0.62, w * 0.09), (200, 60, 50))
    if rng:
        flower_bank(c, x - w * 0.4, x + w * 0.4, y - h * 0.12, w * 0.2, rng)


def mic(c: Canvas, x: float, y: float, s: float):
    c.line([(x, y), (x - s * 0.3, y - s)], s * 0.06, INK, caps=False)
    c.ellipse(x - s * 0.3, y - s, s * 0.09, s * 0.12, INK)


def table(c: Canvas, x0, x1, y, h, cloth: Colour = WHITE, skirt: Colour = (60, 90, 150)):
    """A long table seen from the front; y is its top edge."""
    c.rect(x0, y, x1, y + h * 0.12, cloth)
    c.rect(x0 + h * 0.03, y + h * 0.12, x1 - h * 0.03, y + h, skirt)
    for i in range(int((x1 - x0) / (h * 0.45))):
        px = x0 + h * 0.03 + (i + 0.5) * h * 0.45
        if px < x1 - h * 0.06:
            c.line([(px, y + h * 0.16), (px, y + h * 0.95)], h * 0.012, shade(skirt, 0.88), caps=False)


def tree(c: Canvas, x: float, ground: float, h: float, rng: random.Random, greens=None, trunk=(120, 92, 70)):
    greens = greens or LEAF
    c.poly([(x - h * 0.03, ground), (x + h * 0.03, ground), (x + h * 0.018, ground - h * 0.55),
            (x - h * 0.018, ground - h * 0.55)], trunk)
    cy = ground - h * 0.68
    blobs = [(rng.uniform(-0.24, 0.24) * h, rng.uniform(-0.22, 0.18) * h, rng.uniform(0.14, 0.22) * h)
             for _ in range(9)]
    for dx, dy, r in blobs:
        c.circle(x + dx, cy + dy + r * 0.1, r, shade(greens[0], 0.9))
    for i, (dx, dy, r) in enumerate(blobs):
        c.circle(x + dx, cy + dy, r * 0.92, greens[i % len(greens)])
    for dx, dy, r in blobs[:4]:
        c.circle(x + dx - r * 0.25, cy + dy - r * 0.3, r * 0.45, shade(greens[-1], 1.08))


def shophouses(c: Canvas, x0, x1, ground, hmin, hmax, rng: random.Random, storey: float, goods: bool = False):
    """A row of narrow tube houses, each with its own colour, windows and balconies."""
    x = x0
    while x < x1:
        w = storey * rng.uniform(1.35, 1.9)
        h = max(hmin, min(hmax, storey * rng.randint(3, 5) + storey * 0.4))
        col = rng.choice(FACADES)
        top = ground - h
        c.rect(x, top, x + w, ground, col)
        c.rect(x + w - storey * 0.04, top, x + w, ground, shade(col, 0.9))
        c.rect(x - storey * 0.03, top - storey * 0.12, x + w + storey * 0.03, top + storey * 0.04, shade(col, 0.86))
        shutter = rng.choice([(78, 120, 96), (120, 84, 60), (90, 110, 140), WHITE])
        floors = int((h - storey * 0.4) / storey)
        for f in range(1, floors):
            fy = ground - storey * (f + 1) + storey * 0.22
            if rng.random() < 0.5:
                c.rect(x + w * 0.18, fy, x + w * 0.82, fy + storey * 0.6, shade(col, 0.55), r=storey * 0.04)
                c.rect(x + w * 0.18, fy, x + w * 0.34, fy + storey * 0.6, shutter)
                c.rect(x + w * 0.66, fy, x + w * 0.82, fy + storey * 0.6, shutter)
            else:
                for k in (0.16, 0.56):
                    c.rect(x + w * k, fy, x + w * (k + 0.28), fy + storey * 0.55, shade(col, 0.6), r=storey * 0.2)
            by = fy + storey * 0.6
            c.rect(x + w * 0.08, by, x + w * 0.92, by + storey * 0.06, shade(col, 0.8))
            c.rect(x + w * 0.1, by - storey * 0.2, x + w * 0.9, by - storey * 0.17, shade(col, 0.6))
            if rng.random() < 0.35:
                for k in range(3):
                    c.circle(x + w * (0.2 + 0.3 * k), by - storey * 0.03, storey * 0.07, rng.choice(LEAF))
        # Ground floor: shop opening, signboard.
        c.rect(x + w * 0.08, ground - storey * 0.78, x + w * 0.92, ground, shade(col, 0.42))
        c.rect(x + w * 0.08, ground - storey * 0.78, x + w * 0.92, ground - storey * 0.55, shade(col, 0.7))
        sign = rng.choice([(190, 56, 50), (60, 110, 170), (236, 196, 80), (70, 140, 100)])
        c.rect(x + w * 0.04, ground - storey * 1.02, x + w * 0.96, ground - storey * 0.8, sign)
        c.rect(x + w * 0.2, ground - storey * 0.94, x + w * 0.8, ground - storey * 0.89, shade(sign, 1.5))
        if goods:
            for k in range(rng.randint(1, 3)):
                gx = x + w * rng.uniform(0.15, 0.85)
                gc = rng.choice([(80, 140, 200), (220, 90, 70), (240, 200, 90), (120, 170, 110)])
                c.rect(gx - storey * 0.09, ground - storey * 0.18, gx + storey * 0.09, ground, gc, r=storey * 0.02)
        x += w


def wires(c: Canvas, x0, x1, y, sag, n: int = 3):
    """Overhead cables between two poles."""
    for i in range(n):
        pts = [(x0 + (x1 - x0) * t / 20, y + i * sag * 0.35 + sag * math.sin(math.pi * t / 20)) for t in range(21)]
        c.line(pts, 2.2, (70, 72, 80), caps=False)


def bunting(c: Canvas, x0, x1, y, sag, size):
    n = int((x1 - x0) / (size * 1.3))
    pts = [(x0 + (x1 - x0) * t / n, y + sag * math.sin(math.pi * t / n)) for t in range(n + 1)]
    c.line(pts, 2.0, (120, 110, 100), caps=False)
    for i, (px, py) in enumerate(pts[:-1]):
        col = [(214, 44, 44), (250, 210, 70)][i % 2]
        nx, ny = pts[i + 1]
        mx = (px + nx) / 2
        c.poly([(mx - size * 0.45, (py + ny) / 2), (mx + size * 0.45, (py + ny) / 2), (mx, (py + ny) / 2 + size)], col)


def lantern(c: Canvas, x, y, s):
    c.line([(x, y - s * 1.2), (x, y - s * 0.6)], s * 0.05, GOLD, caps=False)
    c.ellipse(x, y, s * 0.55, s * 0.62, (214, 44, 44))
    c.rect(x - s * 0.3, y - s * 0.7, x + s * 0.3, y - s * 0.55, GOLD)
    c.rect(x - s * 0.3, y + s * 0.55, x + s * 0.3, y + s * 0.7, GOLD)
    for k in range(5):
        c.line([(x - s * 0.16 + k * s * 0.08, y + s * 0.7), (x - s * 0.16 + k * s * 0.08, y + s * 1.2)],
               s * 0.03, GOLD, caps=False)


def blossom_branch(c: Canvas, x, y, s, rng: random.Random, colour=(242, 160, 180)):
    """A branch of peach (or apricot) blossom for Tet."""
    pts = [(x, y)]
    for i in range(5):
        x += s * rng.uniform(0.12, 0.22)
        y += s * rng.uniform(-0.1, 0.12)
        pts.append((x, y))
    c.line(pts, s * 0.025, (100, 70, 58))
    for px, py in pts[1:]:
        twig = (px + s * rng.uniform(-0.1, 0.1), py - s * rng.uniform(0.08, 0.16))
        c.line([(px, py), twig], s * 0.012, (100, 70, 58))
        for _ in range(4):
            bx, by = twig[0] + s * rng.uniform(-0.07, 0.07), twig[1] + s * rng.uniform(-0.05, 0.1)
            c.circle(bx, by, s * 0.03, colour)
            c.circle(bx, by, s * 0.01, shade(colour, 0.75))


def gift_box(c: Canvas, x, y, s, colour=(200, 40, 44)):
    """A wrapped Tet gift box; (x, y) is the bottom centre, s its width."""
    c.rect(x - s / 2, y - s * 0.8, x + s / 2, y, colour, r=s * 0.03)
    c.rect(x - s * 0.55, y - s * 0.9, x + s * 0.55, y - s * 0.72, shade(colour, 0.85), r=s * 0.03)
    c.rect(x - s * 0.06, y - s * 0.9, x + s * 0.06, y, GOLD)
    c.ellipse(x - s * 0.13, y - s * 0.96, s * 0.14, s * 0.08, GOLD)
    c.ellipse(x + s * 0.13, y - s * 0.96, s * 0.14, s * 0.08, GOLD)


def scooter(c: Canvas, x, y, s, colour):
    """A parked motorbike seen from the side; (x, y) is between the wheels on the ground."""
    for dx in (-0.38, 0.38):
        c.circle(x + dx * s, y - s * 0.16, s * 0.16, INK)
        c.circle(x + dx * s, y - s * 0.16, s * 0.07, STEEL)
    c.poly([(x - s * 0.5, y - s * 0.3), (x + s * 0.05, y - s * 0.34), (x + s * 0.2, y - s * 0.2),
            (x - s * 0.2, y - s * 0.14)], colour)
    c.rect(x - s * 0.45, y - s * 0.42, x - s * 0.02, y - s * 0.33, INK, r=s * 0.04)
    c.poly([(x + s * 0.2, y - s * 0.2), (x + s * 0.32, y - s * 0.62), (x + s * 0.4, y - s * 0.6),
            (x + s * 0.32, y - s * 0.2)], colour)
    c.line([(x + s * 0.26, y - s * 0.66), (x + s * 0.44, y - s * 0.7)], s * 0.04, INK)


def hall_walls(c: Canvas, top: Colour = (226, 218, 204), bottom: Colour = (206, 196, 180)):
    c.vgrad(0, 0, c.w, c.h, [(0, shade(top, 0.88)), (0.35, top), (1, bottom)])


def lay_people(c: Canvas, items: list[tuple], shadow_alpha: float = 0.25):
    """Draw people back to front, after their soft contact shadows.

    items: (x, y, h, look, kwargs) tuples.
    """
    c.shadows([(x, y, h * 0.16, h * 0.028) for x, y, h, *_ in items], alpha=shadow_alpha, blur=max(4, items[0][2] * 0.02))
    hands = {}
    for i, (x, y, h, look, kw) in sorted(enumerate(items), key=lambda t: t[1][1]):
        hands[i] = person(c, x, y, h, look, **kw)
    return hands


# ---------------------------------------------------------------------------
# Scenes. Each draws one photo: scene(canvas, rng, **options).


def scene_hall(c: Canvas, rng: random.Random, base: Colour = RED, flags: bool = False, rows: int = 4,
               skirt: Colour = (60, 90, 150), wall: Colour = (228, 220, 206)):
    """A meeting hall seen from the back: stage, backdrop, presidium, rows of delegates."""
    W, H = c.w, c.h
    hall_walls(c, wall, shade(wall, 0.9))
    stage_y = H * 0.56
    # Side wall panels.
    for k in range(6):
        px = W * (0.02 + k * 0.022) if k < 3 else W * (0.92 + (k - 3) * 0.022)
        c.rect(px, H * 0.06, px + W * 0.012, stage_y, shade(wall, 0.93))
    backdrop(c, W * 0.14, H * 0.05, W * 0.86, H * 0.43, rng, base, lines=3)
    curtains(c, W * 0.1, H * 0.03, W * 0.9, stage_y, shade(base, 0.9))
    if flags:
        for fx in (W * 0.155, W * 0.845 - W * 0.07):
            flag(c, fx, H * 0.1, stage_y - H * 0.03, W * 0.07, wave=False)
    # Stage floor.
    c.vgrad(W * 0.1, H * 0.43, W * 0.9, stage_y, [(0, (150, 104, 78)), (1, (120, 80, 60))])
    c.rect(W * 0.08, stage_y, W * 0.92, stage_y + H * 0.025, (96, 64, 50))
    # Presidium behind a long table.
    n = 7
    for i in range(n):
        x = W * (0.3 + 0.4 * i / (n - 1))
        look = Look(rng, shirt=rng.choice(SUITS), old=rng.random() < 0.2)
        bust(c, x, H * 0.47, H * 0.26, look, collar=WHITE)
    table(c, W * 0.26, W * 0.74, H * 0.49, H * 0.06, WHITE, skirt)
    for i in range(n):
        x = W * (0.3 + 0.4 * i / (n - 1))
        c.rect(x - W * 0.012, H * 0.475, x + W * 0.012, H * 0.49, WHITE)
    podium(c, W * 0.2, stage_y - H * 0.005, W * 0.05, H * 0.12, WOOD)
    flower_bank(c, W * 0.11, W * 0.89, stage_y + H * 0.01, H * 0.045, rng)
    # Floor and the audience from behind, in rows.
    c.vgrad(0, stage_y + H * 0.025, W, H, [(0, (150, 70, 70)), (1, (112, 46, 50))])
    for r in range(rows):
        t = r / max(1, rows - 1)
        y = H * (0.69 + 0.27 * t)
        s = H * (0.3 + 0.3 * t)
        step = s * 0.36
        x = -step * rng.uniform(0, 0.6)
        while x < W + step:
            if abs(x - W * 0.5) > W * 0.06 + s * 0.05:
                look = Look(rng, shirt=rng.choice(SHIRTS + SUITS), old=rng.random() < 0.15)
                bust(c, x + rng.uniform(-0.04, 0.04) * s, y + rng.uniform(-0.01, 0.01) * s, s, look, back=True)
            x += step
        c.rect(0, y + s * 0.22, W, y + s * 0.3, (110, 56, 56))


def scene_delegates(c: Canvas, rng: random.Random, base: Colour = RED):
    """Delegates at long tables, seen from the front and slightly to the side."""
    W, H = c.w, c.h
    hall_walls(c, (230, 222, 210), (214, 204, 190))
    # Tall windows with curtains on the back wall.
    for k in range(4):
        x = W * (0.08 + 0.24 * k)
        c.rect(x, H * 0.06, x + W * 0.12, H * 0.36, (214, 228, 236))
        c.rect(x - W * 0.015, H * 0.04, x + W * 0.03, H * 0.4, shade(base, 0.85))
        c.rect(x + W * 0.09, H * 0.04, x + W * 0.135, H * 0.4, shade(base, 0.85))
    c.rect(0, H * 0.4, W, H, (186, 120, 110))
    c.vgrad(0, H * 0.4, W, H, [(0, (170, 104, 96)), (1, (130, 64, 62))])
    # Three rows of tables rising to the back, figures behind each.
    for r, (y, s, x0) in enumerate([(H * 0.47, H * 0.3, W * 0.1), (H * 0.64, H * 0.42, W * 0.02),
                                    (H * 0.86, H * 0.6, -W * 0.05)]):
        step = s * 0.42
        x = x0 + step * 0.6
        k = 0
        while x < W - step * 0.3:
            look = Look(rng, shirt=rng.choice(SUITS + SHIRTS[:2]), old=rng.random() < 0.2)
            bust(c, x, y - s * 0.22, s, look, collar=WHITE if look.shirt in SUITS else None, arms_on_table=True)
            x += step
            k += 1
        c.rect(x0 - W * 0.05, y, W + W * 0.05, y + s * 0.05, WHITE)
        c.rect(x0 - W * 0.05, y + s * 0.05, W + W * 0.05, y + s * 0.2, (60, 86, 140))
        x = x0 + step * 0.6
        while x < W - step * 0.3:
            c.rect(x - s * 0.07, y - s * 0.05, x + s * 0.07, y + s * 0.005, WHITE)
            c.rect(x - s * 0.05, y - s * 0.035, x + s * 0.05, y - s * 0.015, (190, 70, 60))
            bx = x + step * 0.35
            c.rect(bx - s * 0.015, y - s * 0.1, bx + s * 0.015, y, (190, 214, 230), r=s * 0.008)
            c.rect(bx - s * 0.012, y - s * 0.115, bx + s * 0.012, y - s * 0.1, (60, 120, 200))
            x += step


def scene_speaker(c: Canvas, rng: random.Random, base: Colour = RED, at: float = 0.3, outdoor: bool = False):
    """A speaker at a lectern on the left third, a calm backdrop behind."""
    W, H = c.w, c.h
    if outdoor:
        c.vgrad(0, 0, W, H, SKY)
        for k in range(5):
            tree(c, W * (0.05 + 0.22 * k), H * 0.6, H * rng.uniform(0.5, 0.65), rng)
        backdrop(c, W * 0.12, H * 0.12, W * 1.1, H * 0.7, rng, base, emblem=True, lines=3, text_scale=1.0)
        c.vgrad(0, H * 0.7, W, H, [(0, (200, 196, 186)), (1, (172, 168, 160))])
    else:
        backdrop(c, -W * 0.35, -H * 0.05, W * 1.35, H * 0.78, rng, base, emblem=False, lines=3, text_scale=0.7)
        c.rect(0, H * 0.78, W, H, (128, 86, 64))
        c.vgrad(0, H * 0.78, W, H, [(0, (140, 96, 72)), (1, (108, 72, 56))])
        flag(c, W * 0.82, H * 0.08, H * 0.8, W * 0.12, wave=False)
    x = W * at
    s = H * 0.9
    y = H * 1.08
    look = Look(rng, shirt=NAVY, female=False, old=False)
    person(c, x, y, s, look, collar=WHITE,
           arms=([(-0.14, -0.62), (-0.08, -0.56)], [(0.14, -0.62), (0.1, -0.57)]))
    mic(c, x + s * 0.08, y - s * 0.52, s * 0.16)
    podium(c, x, H * 1.02, s * 0.42, s * 0.46, WOOD, rng)


def scene_veteran(c: Canvas, rng: random.Random):
    """A portrait: an older speaker holding a microphone, head near the top."""
    W, H = c.w, c.h
    backdrop(c, -W * 0.6, -H * 0.02, W * 1.6, H * 0.78, rng, RED, emblem=False, lines=3, text_scale=0.5)
    c.vgrad(0, H * 0.78, W, H, [(0, (150, 100, 78)), (1, (116, 76, 60))])
    flag(c, W * 0.08, H * 0.2, H * 0.9, W * 0.3, wave=False)
    look = Look(rng, shirt=OLIVE, pants=shade(OLIVE, 0.8), old=True, female=True, style="bun")
    x = W * 0.6
    s = H * 1.45
    y = H * 1.6
    hands = person(c, x, y, s, look, collar=shade(OLIVE, 1.25),
                   arms=([(-0.13, -0.62), (-0.04, -0.74)], [(0.15, -0.62), (0.16, -0.5)]))
    hx, hy = hands[0]
    c.line([(hx, hy + s * 0.02), (hx + s * 0.02, hy - s * 0.07)], s * 0.025, INK)
    c.ellipse(hx + s * 0.022, hy - s * 0.085, s * 0.02, s * 0.026, (60, 62, 70))
    for k in range(3):  # medal ribbons
        mx = x + s * (0.035 + 0.03 * k)
        c.rect(mx, y - s * 0.74, mx + s * 0.024, y - s * 0.72, [(214, 60, 60), (246, 200, 70), (70, 130, 200)][k])
        c.circle(mx + s * 0.012, y - s * 0.7, s * 0.01, GOLD)


def scene_awards(c: Canvas, rng: random.Random, n: int = 6, base: Colour = RED, presenter: str = "left",
                 scale: float = 0.62, top: float = 0.9, spread: float = 0.8, cx: float = 0.5,
                 cert_colour: Colour = RED, presenters: int = 1, flowers: bool = True):
    """A row of people holding certificates (and flowers) on a stage; presenters at one side."""
    W, H = c.w, c.h
    backdrop(c, -W * 0.1, -H * 0.02, W * 1.1, H * (top - 0.22), rng, base, lines=3, text_scale=0.9)
    c.vgrad(0, H * (top - 0.22), W, H, [(0, (156, 110, 84)), (1, (118, 80, 60))])
    c.rect(0, H * (top - 0.22), W, H * (top - 0.21), (120, 82, 62))
    s = H * scale
    y = H * top
    items = []
    xs = [W * (cx - spread / 2 + spread * (i + 0.5) / n) for i in range(n)]
    for i, x in enumerate(xs):
        look = Look(rng, shirt=rng.choice(SUITS + SHIRTS[:3]))
        kw = dict(arms=HOLD_FRONT, hold=cert(cert_colour),
                  collar=WHITE if look.shirt in SUITS else None)
        items.append((x + rng.uniform(-0.01, 0.01) * W, y + rng.uniform(-0.005, 0.01) * H, s * rng.uniform(0.96, 1.03),
                      look, kw))
    step = W * spread / n
    for p in range(presenters):
        if presenter == "left":
            px = xs[0] - step * (1 + p * 0.95)
        else:
            px = xs[-1] + step * (1 + p * 0.95)
        look = Look(rng, shirt=NAVY, female=p == 1)
        arm = HAND_RIGHT if presenter == "left" else HAND_LEFT
        items.append((px, y, s * 1.02, look, dict(collar=WHITE,
                                                  arms=(None, arm) if presenter == "left" else (arm, None))))
    lay_people(c, items)
    if flowers:
        for x, yy, ss, look, kw in items[:n]:
            bouquet(c, x + ss * 0.15, yy - ss * 0.5, ss * 0.13, rng)
    if top < 0.75:  # the stage's front edge, flowers, and a darker hall floor below
        c.rect(0, y + H * 0.06, W, y + H * 0.08, (96, 64, 50))
        flower_bank(c, 0, W, y + H * 0.06, H * 0.05, rng)
        c.vgrad(0, y + H * 0.08, W, H, [(0, (132, 62, 62)), (1, (104, 44, 48))])


def scene_handover(c: Canvas, rng: random.Random, base: Colour = RED):
    """Close-up: a presenter on the left third hands a certificate to a recipient; heads near the top."""
    W, H = c.w, c.h
    backdrop(c, -W * 0.3, -H * 0.1, W * 1.3, H * 0.62, rng, base, emblem=False, lines=3, text_scale=0.8)
    c.vgrad(0, H * 0.62, W, H, [(0, (150, 104, 80)), (1, (112, 76, 58))])
    s = H * 1.2
    y = H * 1.36
    a = Look(rng, shirt=NAVY, female=False)
    b = Look(rng, shirt=(96, 100, 110), female=False, old=True)
    hands = person(c, W * 0.33, y, s, a, collar=WHITE, arms=(None, [(0.17, -0.66), (0.25, -0.64)]))
    hands_b = person(c, W * 0.64, y, s, b, collar=WHITE, arms=([(-0.17, -0.66), (-0.24, -0.64)], None))
    hx, hy = hands[1]
    bx, by = hands_b[0]
    cw, ch = s * 0.17, s * 0.12
    mx = (hx + bx) / 2
    c.rect(mx - cw / 2, hy - ch * 0.6, mx + cw / 2, hy + ch * 0.4, RED)
    c.rect(mx - cw * 0.42, hy - ch * 0.5, mx + cw * 0.42, hy + ch * 0.3, CREAM)
    c.rect(mx - cw * 0.25, hy - ch * 0.35, mx + cw * 0.25, hy - ch * 0.28, shade(RED, 1.1))
    for i in range(3):
        c.rect(mx - cw * 0.3, hy - ch * 0.15 + i * ch * 0.12, mx + cw * (0.3 if i < 2 else 0.05),
               hy - ch * 0.11 + i * ch * 0.12, (214, 200, 180))
    c.circle(hx, hy, s * HAND, a.skin)
    c.circle(bx, by, s * HAND, b.skin)
    bouquet(c, W * 0.64 + s * 0.14, y - s * 0.52, s * 0.13, rng)


def scene_street(c: Canvas, rng: random.Random, job: str = "sweep", shirt: Colour = GREEN_SHIRT):
    """A street of shophouses with people at work on the pavement."""
    W, H = c.w, c.h
    ground = H * 0.62
    c.vgrad(0, 0, W, ground, SKY)
    storey = H * 0.13
    shophouses(c, -W * 0.02, W * 1.02, ground, storey * 3, storey * 5.4, rng, storey, goods=job == "pavement")
    wires(c, -W * 0.05, W * 1.05, H * 0.16, H * 0.04)
    c.vgrad(0, ground, W, H * 0.82, [(0, (206, 200, 190)), (1, (190, 184, 174))])
    for k in range(int(W / (H * 0.08)) + 1):  # pavement tiles
        c.line([(k * H * 0.08, ground), (k * H * 0.08 - H * 0.05, H * 0.82)], 1.5, (180, 174, 164), caps=False)
    c.rect(0, H * 0.82, W, H * 0.84, (160, 156, 150))
    c.vgrad(0, H * 0.84, W, H, [(0, (120, 124, 132)), (1, (100, 104, 112))])
    for k in range(4):
        c.rect(W * (0.05 + k * 0.3), H * 0.93, W * (0.05 + k * 0.3) + W * 0.12, H * 0.945, (220, 218, 210))
    for tx in (W * 0.06, W * 0.94):
        tree(c, tx, H * 0.78, H * 0.78, rng)
    s = H * 0.42
    items = []
    if job == "sweep":
        xs = [0.18, 0.3, 0.45, 0.62, 0.77]
        for i, fx in enumerate(xs):
            look = Look(rng, shirt=shirt, pants=rng.choice(PANTS[:3]))
            yy = H * (0.72 + 0.07 * (i % 2))
            if i % 2 == 0:
                items.append((W * fx, yy, s, look, dict(arms=(None, [(0.16, -0.64), (0.2, -0.52)]))))
            else:
                items.append((W * fx, yy, s, look, dict(arms=(None, [(0.17, -0.6), (0.24, -0.52)]))))
        hands = lay_people(c, items)
        for i, (x, yy, ss, look, kw) in enumerate(items):
            hx, hy = hands[i][1]
            if i % 2 == 0:
                broom(c, hx, hy - ss * 0.12, hx + ss * 0.2, yy - ss * 0.02, ss)
                c.circle(hx, hy, HAND * ss, look.skin)
            else:
                c.poly([(hx - ss * 0.07, hy + ss * 0.03), (hx + ss * 0.07, hy + ss * 0.03), (hx + ss * 0.09, hy + ss * 0.19),
                        (hx - ss * 0.09, hy + ss * 0.19)], (64, 68, 74))
                c.circle(hx, hy, HAND * ss, look.skin)
        for k in range(3):
            c.ellipse(W * (0.865 + 0.025 * k), H * 0.785, H * 0.022, H * 0.026, (74, 78, 86))
        c.rect(W * 0.85, H * 0.62, W * 0.93, H * 0.74, (64, 150, 96), r=H * 0.01)
        c.circle(W * 0.86, H * 0.745, H * 0.015, INK)
        c.circle(W * 0.92, H * 0.745, H * 0.015, INK)
    elif job == "drain":
        # A row of drain covers along the kerb; people with shovels and buckets.
        for k in range(3):
            gx = W * (0.22 + 0.3 * k)
            c.rect(gx, H * 0.8, gx + W * 0.1, H * 0.83, (70, 72, 78))
            for j in range(6):
                c.rect(gx + W * (0.008 + 0.016 * j), H * 0.805, gx + W * (0.014 + 0.016 * j), H * 0.825, (40, 40, 44))
        c.ellipse(W * 0.56, H * 0.8, W * 0.06, H * 0.025, (110, 92, 70))
        looks = [Look(rng, shirt=rng.choice(SHIRTS), pants=rng.choice(PANTS)) for _ in range(4)]
        poses = [([(-0.1, -0.55), (0.02, -0.45)], [(0.12, -0.58), (0.16, -0.4)]),
                 (None, [(0.17, -0.62), (0.2, -0.48)]),
                 ([(-0.12, -0.6), (0.0, -0.5)], [(0.12, -0.6), (0.12, -0.42)]),
                 (None, None)]
        for i, fx in enumerate([0.28, 0.45, 0.66, 0.84]):
            items.append((W * fx, H * (0.74 + 0.05 * (i % 2)), s, looks[i],
                          dict(arms=poses[i], hat="conical" if i == 3 else None)))
        hands = lay_people(c, items)
        for i in (0, 2):
            x, yy, ss, look, kw = items[i]
            hx, hy = hands[i][1]
            c.line([(hands[i][0][0], hands[i][0][1] - ss * 0.05), (hx + ss * 0.12, yy)], ss * 0.018, (150, 110, 76))
            c.poly([(hx + ss * 0.08, yy), (hx + ss * 0.18, yy), (hx + ss * 0.16, yy - ss * 0.06),
                    (hx + ss * 0.1, yy - ss * 0.06)], STEEL)
        x, yy, ss, look, kw = items[1]
        hx, hy = hands[1][1]
        c.line([(hx - ss * 0.05, hy - ss * 0.03), (hx, hy), (hx + ss * 0.05, hy - ss * 0.03)], 3, INK, caps=False)
        c.poly([(hx - ss * 0.06, hy), (hx + ss * 0.06, hy), (hx + ss * 0.05, hy + ss * 0.12),
                (hx - ss * 0.05, hy + ss * 0.12)], (60, 120, 190))
    elif job == "posters":
        # An electricity pole covered in small notices; one worker on a ladder, one below.
        px = W * 0.62
        c.rect(px - W * 0.018, H * 0.02, px + W * 0.018, H * 0.8, (170, 166, 158))
        for k in range(14):
            ny = H * rng.uniform(0.3, 0.62)
            nx = px + W * rng.uniform(-0.03, 0.01)
            c.rect(nx, ny, nx + W * 0.024, ny + H * 0.04, rng.choice([WHITE, (250, 236, 150), (250, 200, 200)]))
        lx = px - W * 0.1
        c.line([(lx, H * 0.8), (px - W * 0.03, H * 0.3)], W * 0.007, (200, 170, 80))
        c.line([(lx + W * 0.045, H * 0.8), (px - W * 0.005, H * 0.32)], W * 0.007, (200, 170, 80))
        for k in range(7):
            t = (k + 0.5) / 7
            y0 = H * 0.8 - t * H * 0.5
            c.line([(lx + t * W * 0.07, y0), (lx + W * 0.045 + t * W * 0.065, y0)], W * 0.005, (200, 170, 80))
        uni = (96, 120, 170)
        workers = [(px - W * 0.05, H * 0.58, s * 0.95, Look(rng, shirt=uni, female=False),
                    dict(arms=(None, RAISE_RIGHT), hat="cap")),
                   (W * 0.42, H * 0.8, s, Look(rng, shirt=uni, female=False),
                    dict(arms=(None, [(0.15, -0.62), (0.16, -0.5)]), hat="cap")),
                   (W * 0.24, H * 0.74, s * 0.95, Look(rng, shirt=uni, female=True),
                    dict(arms=HOLD_FRONT, hat="cap"))]
        hands = lay_people(c, workers)
        hx, hy = hands[1][1]
        c.rect(hx - s * 0.07, hy, hx + s * 0.07, hy + s * 0.18, (56, 60, 66), r=s * 0.03)
        hx, hy = hands[2][0]
        c.rect(hx - s * 0.01, hy - s * 0.1, hands[2][1][0] + s * 0.01, hy + s * 0.03, (240, 236, 226))
    elif job == "pavement":
        for k in range(5):  # plastic stools and crates left on the pavement
            gx = W * rng.uniform(0.5, 0.95)
            c.rect(gx, H * 0.7, gx + W * 0.03, H * 0.74, rng.choice([(220, 70, 60), (70, 130, 200)]), r=3)
        scooter(c, W * 0.86, H * 0.8, H * 0.3, (200, 60, 54))
        uni = (150, 156, 104)
        items = [(W * 0.16, H * 0.83, s * 1.05, Look(rng, shirt=uni, pants=OLIVE, female=False),
                  dict(arms=(None, [(0.17, -0.64), (0.24, -0.7)]), hat="cap")),
                 (W * 0.28, H * 0.79, s, Look(rng, shirt=uni, pants=OLIVE, female=False),
                  dict(arms=HOLD_FRONT, hat="cap")),
                 (W * 0.42, H * 0.81, s * 0.98, Look(rng, shirt=(236, 150, 140), female=True),
                  dict(arms=([(-0.15, -0.6), (-0.08, -0.5)], None), hat="conical"))]
        hands = lay_people(c, items)
        (lx, ly), (rx, ry) = hands[1]
        c.rect(lx - s * 0.015, ly - s * 0.1, rx + s * 0.015, ly + s * 0.02, (250, 250, 246))


def scene_rally(c: Canvas, rng: random.Random):
    """Young volunteers in green shirts raise flags before an outdoor stage."""
    W, H = c.w, c.h
    c.vgrad(0, 0, W, H, SKY)
    for k in range(6):
        tree(c, W * (0.02 + 0.19 * k), H * 0.45, H * rng.uniform(0.45, 0.6), rng)
    backdrop(c, W * 0.18, H * 0.06, W * 0.82, H * 0.42, rng, RED, lines=3)
    c.rect(W * 0.16, H * 0.42, W * 0.84, H * 0.46, (120, 80, 60))
    c.vgrad(0, H * 0.46, W, H, [(0, (200, 196, 186)), (1, (170, 166, 156))])
    items = []
    for r, (yy, ss, n) in enumerate([(0.6, 0.3, 11), (0.7, 0.36, 9)]):
        for i in range(n):
            x = W * ((i + 0.25 + 0.5 * (r % 2)) / n) + rng.uniform(-0.015, 0.015) * W
            look = Look(rng, shirt=GREEN_SHIRT, pants=rng.choice(PANTS[:3]))
            arms = (None, RAISE_RIGHT) if (i + r) % 3 == 0 else (None, None)
            items.append((x, H * yy, H * ss, look, dict(back=True, arms=arms)))
    hands = lay_people(c, items, shadow_alpha=0.18)
    for i, (x, yy, ss, look, kw) in enumerate(items):
        if kw["arms"] == (None, RAISE_RIGHT):
            hx, hy = hands[i][1]
            flag(c, hx, hy - ss * 0.35, hy + ss * 0.05, ss * 0.22, "union")
            c.circle(hx, hy, HAND * ss, look.skin)
    front = []
    for r, (yy, ss, n) in enumerate([(0.98, 0.48, 8), (1.16, 0.6, 7)]):
        for i in range(n):
            x = W * ((i + 0.5 * (r % 2)) / (n - 1)) + rng.uniform(-0.02, 0.02) * W
            front.append((x, H * yy, H * ss, Look(rng, shirt=GREEN_SHIRT, pants=rng.choice(PANTS[:3])), dict(back=True)))
    lay_people(c, front, shadow_alpha=0.18)


def scene_flag_handover(c: Canvas, rng: random.Random):
    """A presenter on the left hands a flag to a line of young volunteers; trees behind."""
    W, H = c.w, c.h
    c.vgrad(0, 0, W, H * 0.6, SKY)
    for k in range(6):
        tree(c, W * (0.0 + 0.2 * k), H * 0.6, H * rng.uniform(0.55, 0.75), rng)
    c.vgrad(0, H * 0.6, W, H, [(0, (204, 198, 188)), (1, (178, 172, 162))])
    s = H * 0.6
    items = [(W * 0.22, H * 0.9, s, Look(rng, shirt=WHITE, female=False), dict(arms=(None, HAND_RIGHT), collar=None))]
    for i in range(5):
        look = Look(rng, shirt=GREEN_SHIRT, pants=rng.choice(PANTS[:3]))
        arms = ([(-0.17, -0.7), (-0.26, -0.7)], None) if i == 0 else (None, None)
        items.append((W * (0.42 + 0.12 * i), H * (0.88 - 0.02 * i), s * (1 - 0.03 * i), look, dict(arms=arms)))
    hands = lay_people(c, items)
    hx, hy = hands[0][1]
    flag(c, hx + s * 0.05, hy - s * 0.45, hy + s * 0.25, s * 0.28, "union")
    c.circle(hx, hy, HAND * s, items[0][3].skin)


def scene_gifts(c: Canvas, rng: random.Random):
    """Tet gift-giving: stacked gift boxes, peach blossom, lanterns; two figures on the left."""
    W, H = c.w, c.h
    hall_walls(c, (240, 228, 210), (226, 210, 190))
    c.rect(0, H * 0.7, W, H, (176, 120, 96))
    c.vgrad(0, H * 0.7, W, H, [(0, (170, 116, 92)), (1, (140, 92, 74))])
    backdrop(c, W * 0.45, H * 0.04, W * 1.05, H * 0.5, rng, RED, lines=3)
    for k, lx in enumerate([0.07, 0.17]):
        lantern(c, W * lx, H * (0.14 + 0.05 * k), H * 0.06)
    blossom_branch(c, W * 0.5, H * 0.6, H * 0.5, rng)
    # A table stacked with gift boxes on the right.
    table(c, W * 0.56, W * 1.02, H * 0.64, H * 0.12, (200, 40, 44), (170, 34, 40))
    for k in range(6):
        gift_box(c, W * (0.62 + 0.07 * k), H * 0.64, H * 0.09, rng.choice([(200, 40, 44), (214, 60, 50), (190, 40, 60)]))
    for k in range(4):
        gift_box(c, W * (0.655 + 0.07 * k), H * 0.57, H * 0.08)
    s = H * 0.78
    items = [(W * 0.2, H * 0.98, s, Look(rng, shirt=NAVY, female=True, style="bob"),
              dict(collar=WHITE, arms=(None, [(0.17, -0.66), (0.24, -0.66)]))),
             (W * 0.43, H * 0.96, s * 0.95, Look(rng, shirt=(180, 150, 120), old=True, female=False),
              dict(arms=([(-0.17, -0.66), (-0.22, -0.66)], None)))]
    hands = lay_people(c, items)
    hx, hy = hands[0][1]
    gift_box(c, (hx + hands[1][0][0]) / 2, hy + s * 0.05, s * 0.16)
    for i, side in ((0, 1), (1, 0)):
        c.circle(*hands[i][side], HAND * s, items[i][3].skin)


def scene_parade(c: Canvas, rng: random.Random):
    """An opening parade: a team in uniform marches behind a flag across a sports ground."""
    W, H = c.w, c.h
    c.vgrad(0, 0, W, H * 0.3, SKY)
    # The stand with spectators as soft dots.
    c.rect(0, H * 0.18, W, H * 0.42, (190, 186, 180))
    for r in range(4):
        for k in range(60):
            x = (k + 0.5 * (r % 2)) * W / 58
            c.circle(x, H * (0.22 + 0.05 * r), H * 0.014, rng.choice([(230, 226, 220), (120, 160, 210), (236, 120, 110),
                                                                      (250, 220, 120), (90, 90, 100)]))
        c.rect(0, H * (0.235 + 0.05 * r), W, H * (0.245 + 0.05 * r), (170, 166, 160))
    bunting(c, 0, W, H * 0.17, H * 0.03, H * 0.04)
    c.vgrad(0, H * 0.42, W, H, [(0, (176, 88, 70)), (1, (150, 70, 58))])
    for k in range(5):
        c.line([(0, H * (0.5 + k * 0.11)), (W, H * (0.46 + k * 0.12))], 3, (236, 226, 214), caps=False)
    s = H * 0.42
    items = []
    for r in range(3):
        for i in range(5):
            x = W * (0.3 + 0.12 * i + 0.04 * r)
            y = H * (0.64 + 0.11 * r) - i * H * 0.012
            look = Look(rng, shirt=(60, 120, 196), pants=WHITE, child=True)
            step = i % 2
            legs = [[(-0.06, -0.25), (-0.1 if step else -0.02, -0.015)], [(0.06, -0.25), (0.1 if step else 0.02, -0.015)]]
            items.append((x, y, s * (0.9 + 0.08 * r), look,
                          dict(legs=legs, arms=([(-0.16, -0.64), (-0.2, -0.5)], [(0.16, -0.64), (0.2, -0.5)]))))
    lead = Look(rng, shirt=(60, 120, 196), pants=WHITE, child=True, female=True)
    items.append((W * 0.16, H * 0.78, s, lead, dict(arms=(None, RAISE_RIGHT))))
    hands = lay_people(c, items)
    hx, hy = hands[len(items) - 1][1]
    flag(c, hx, hy - s * 0.4, hy + s * 0.05, s * 0.3)


def scene_race(c: Canvas, rng: random.Random):
    """Children running on a track; spectators behind a rail, trees."""
    W, H = c.w, c.h
    c.vgrad(0, 0, W, H * 0.4, SKY)
    for k in range(7):
        tree(c, W * (0.0 + 0.17 * k), H * 0.4, H * rng.uniform(0.35, 0.45), rng)
    c.rect(0, H * 0.38, W, H * 0.46, (110, 160, 96))
    c.vgrad(0, H * 0.46, W, H, [(0, (204, 98, 78)), (1, (182, 82, 66))])
    for k in range(6):
        y = H * (0.46 + k * 0.1 + k * k * 0.006)
        c.line([(0, y), (W, y)], 3.5, (246, 240, 232), caps=False)
    c.rect(W * 0.8, H * 0.46, W * 0.81, H, (246, 240, 232))
    s = H * 0.5
    items = []
    for i, (x, y) in enumerate([(0.34, 0.6), (0.46, 0.7), (0.58, 0.82), (0.3, 0.93)]):
        look = Look(rng, shirt=[(240, 200, 70), (80, 150, 210), WHITE, (230, 110, 100)][i], pants=NAVY, child=True)
        flip = -1 if i % 2 else 1
        legs = [[(0.09 * flip, -0.3), (0.05 * flip, -0.12)], [(-0.05 * flip, -0.22), (-0.2 * flip, -0.06)]]
        arms = ([(-0.16, -0.62), (-0.08 * flip - 0.1, -0.55)], [(0.16, -0.66), (0.18 * flip, -0.74)])
        items.append((W * x, H * y, s * (0.8 + 0.2 * y), look, dict(legs=legs, arms=arms)))
    lay_people(c, items)
    c.rect(W * 0.82, H * 0.3, W * 0.83, H * 0.5, WHITE)
    c.rect(W * 0.82, H * 0.28, W * 0.92, H * 0.32, (214, 60, 56))


def scene_chess(c: Canvas, rng: random.Random):
    """Young chess players face each other across a long table with boards on it."""
    W, H = c.w, c.h
    hall_walls(c, (226, 232, 236), (208, 214, 220))
    for k in range(5):  # windows
        x = W * (0.04 + 0.2 * k)
        c.rect(x, H * 0.1, x + W * 0.12, H * 0.36, (206, 224, 236), r=H * 0.01)
        c.rect(x + W * 0.058, H * 0.1, x + W * 0.062, H * 0.36, (190, 200, 210))
    c.rect(W * 0.3, H * 0.02, W * 0.7, H * 0.08, RED, r=H * 0.008)
    c.rect(W * 0.36, H * 0.04, W * 0.64, H * 0.06, PALE_GOLD, r=H * 0.008)
    c.vgrad(0, H * 0.5, W, H, [(0, (200, 180, 152)), (1, (170, 150, 126))])
    s = H * 0.62
    xs = [W * (0.2 + 0.3 * k) for k in range(3)]
    shirts = [(230, 110, 100), (110, 160, 210), (240, 200, 80)]
    for k, x in enumerate(xs):  # far players, facing us
        bust(c, x, H * 0.47, s * 0.8, Look(rng, shirt=shirts[(k + 1) % 3], child=True), arms_on_table=True)
    # The table top in perspective, then its front edge.
    c.poly([(-W * 0.05, H * 0.6), (W * 1.05, H * 0.6), (W * 1.1, H * 0.8), (-W * 0.1, H * 0.8)], (226, 206, 170))
    c.rect(-W * 0.1, H * 0.8, W * 1.1, H * 0.83, (170, 130, 96))
    for k, x in enumerate(xs):
        top, bot = H * 0.61, H * 0.77
        half_t, half_b = W * 0.1, W * 0.125

        def at(u: float, t: float, x=x, top=top, bot=bot, half_t=half_t, half_b=half_b) -> Point:
            half = half_t + (half_b - half_t) * t
            return x - half + 2 * half * u, top + (bot - top) * t

        c.poly([at(0, 0), at(1, 0), at(1, 1), at(0, 1)], (244, 228, 196))
        for i in range(8):
            for j in range(8):
                if (i + j) % 2:
                    c.poly([at(i / 8, j / 8), at((i + 1) / 8, j / 8), at((i + 1) / 8, (j + 1) / 8), at(i / 8, (j + 1) / 8)],
                           (150, 104, 70))
        for i in range(8):
            for j, col in ((0, INK), (1, INK), (6, WHITE), (7, WHITE)):
                if rng.random() < 0.55:
                    px, py = at((i + 0.5) / 8, (j + 0.5) / 8)
                    ph = H * 0.022
                    c.ellipse(px, py, W * 0.006, H * 0.004, shade(col, 0.85) if col == WHITE else col)
                    c.poly([(px - W * 0.005, py), (px + W * 0.005, py), (px + W * 0.002, py - ph), (px - W * 0.002, py - ph)], col)
                    c.circle(px, py - ph, W * 0.004, col)
        c.rect(x + W * 0.14, H * 0.66, x + W * 0.17, H * 0.7, INK, r=H * 0.005)  # chess clock
        c.rect(x + W * 0.145, H * 0.667, x + W * 0.165, H * 0.685, (236, 236, 226))
    for k, x in enumerate(xs):  # near players, seen from behind
        bust(c, x + W * 0.02, H * 0.9, s * 1.05, Look(rng, shirt=shirts[k], child=True), back=True)


def scene_badminton(c: Canvas, rng: random.Random):
    """An indoor badminton court: a doubles match, the net across the middle."""
    W, H = c.w, c.h
    hall_walls(c, (224, 228, 230), (206, 212, 216))
    for k in range(6):
        c.rect(W * (0.04 + k * 0.16), H * 0.06, W * (0.12 + k * 0.16), H * 0.2, (200, 222, 236))
    c.vgrad(0, H * 0.32, W, H, [(0, (88, 146, 110)), (1, (62, 120, 88))])
    for y in (0.4, 0.58, 0.98):
        c.line([(W * 0.1 - (y - 0.4) * W * 0.3, H * y), (W * 0.9 + (y - 0.4) * W * 0.3, H * y)], 4, WHITE, caps=False)
    c.line([(W * 0.1, H * 0.4), (W * -0.08, H)], 4, WHITE, caps=False)
    c.line([(W * 0.9, H * 0.4), (W * 1.08, H)], 4, WHITE, caps=False)
    c.line([(W * 0.5, H * 0.4), (W * 0.5, H)], 4, WHITE, caps=False)
    s = H * 0.36
    far = [(W * 0.38, H * 0.5, s * 0.85), (W * 0.64, H * 0.45, s * 0.8)]
    items = [(x, y, h, Look(rng, shirt=(230, 110, 100), pants=INK, child=True),
              dict(arms=(None, RAISE_RIGHT))) for x, y, h in far]
    near = [(W * 0.3, H * 0.92, s * 1.45), (W * 0.68, H * 0.86, s * 1.35)]
    items += [(x, y, h, Look(rng, shirt=(80, 130, 200), pants=INK, child=True),
               dict(back=True, arms=(None, [(0.2, -0.8), (0.28, -0.95)]))) for x, y, h in near]
    lay_people(c, items[:2])
    # The net.
    c.line([(W * 0.08, H * 0.38), (W * 0.08, H * 0.66)], 5, INK, caps=False)
    c.line([(W * 0.92, H * 0.38), (W * 0.92, H * 0.66)], 5, INK, caps=False)
    c.translucent(lambda d, p: d.rectangle([p(W * 0.08, H * 0.4), p(W * 0.92, H * 0.5)], fill=255),
                  (0, 0, W, H), (30, 34, 40), 0.35)
    c.rect(W * 0.08, H * 0.395, W * 0.92, H * 0.405, WHITE)
    hands = lay_people(c, items)
    for i, (x, y, h, look, kw) in enumerate(items):
        hx, hy = hands[i][1]
        c.line([(hx, hy), (hx + h * 0.08, hy - h * 0.14)], h * 0.014, INK)
        c.ellipse(hx + h * 0.1, hy - h * 0.19, h * 0.05, h * 0.065, WHITE, outline=INK, width=h * 0.008)
    c.circle(W * 0.5, H * 0.2, H * 0.012, WHITE)
    c.poly([(W * 0.5 - H * 0.012, H * 0.2), (W * 0.5 + H * 0.012, H * 0.2), (W * 0.5, H * 0.24)], (236, 236, 230))


def scene_volleyball(c: Canvas, rng: random.Random):
    """Neighbourhood air-volleyball at dusk: a net across a yard, a big soft ball in the air."""
    W, H = c.w, c.h
    c.vgrad(0, 0, W, H * 0.55, [(0, (150, 170, 210)), (0.7, (240, 200, 180)), (1, (248, 220, 190))])
    storey = H * 0.1
    shophouses(c, -W * 0.02, W * 1.02, H * 0.55, storey * 3, storey * 4.4, rng, storey)
    c.vgrad(0, H * 0.55, W, H, [(0, (200, 194, 184)), (1, (176, 170, 160))])
    for tx in (W * 0.04, W * 0.96):
        tree(c, tx, H * 0.62, H * 0.6, rng)
    c.line([(W * 0.1, H * 0.3), (W * 0.1, H * 0.8)], 6, (80, 80, 88), caps=False)
    c.line([(W * 0.9, H * 0.3), (W * 0.9, H * 0.8)], 6, (80, 80, 88), caps=False)
    s = H * 0.4
    far = [(W * (0.22 + 0.18 * i), H * 0.58, s * 0.85) for i in range(4)]
    near = [(W * (0.2 + 0.22 * i), H * 0.92, s * 1.1) for i in range(3)]
    items_far = [(x, y, h, Look(rng, shirt=(240, 200, 80)), dict(arms=(RAISE_LEFT, RAISE_RIGHT) if i == 1 else (None, None)))
                 for i, (x, y, h) in enumerate(far)]
    lay_people(c, items_far)
    c.translucent(lambda d, p: d.rectangle([p(W * 0.1, H * 0.32), p(W * 0.9, H * 0.42)], fill=255),
                  (0, 0, W, H), (250, 250, 250), 0.45)
    c.rect(W * 0.1, H * 0.315, W * 0.9, H * 0.325, WHITE)
    items_near = [(x, y, h, Look(rng, shirt=(90, 140, 206)), dict(back=True, arms=(None, [(0.2, -0.85), (0.22, -1.0)])))
                  for x, y, h in near]
    lay_people(c, items_near)
    bx, by, br = W * 0.56, H * 0.16, H * 0.07
    c.circle(bx, by, br, (250, 210, 80))
    c.chord(bx, by, br, br, 200, 320, (80, 150, 220))
    c.chord(bx, by, br, br, 20, 140, (230, 90, 80))


def scene_garden(c: Canvas, rng: random.Random):
    """A renovated garden between old five-storey blocks: lawns, flower beds, benches."""
    W, H = c.w, c.h
    c.vgrad(0, 0, W, H * 0.5, SKY)
    for bx0, bx1, col in ((-0.05, 0.3, (232, 214, 170)), (0.68, 1.05, (226, 206, 176))):
        c.rect(W * bx0, H * 0.1, W * bx1, H * 0.5, col)
        c.rect(W * bx0, H * 0.08, W * bx1, H * 0.11, shade(col, 0.85))
        for f in range(5):
            for k in range(int((bx1 - bx0) * 20)):
                x = W * (bx0 + 0.02 + k * 0.05)
                y = H * (0.14 + f * 0.07)
                c.rect(x, y, x + W * 0.025, y + H * 0.04, shade(col, 0.6))
                c.rect(x - W * 0.004, y + H * 0.04, x + W * 0.029, y + H * 0.047, shade(col, 0.82))
    for k in range(4):
        tree(c, W * (0.33 + 0.1 * k), H * 0.5, H * rng.uniform(0.42, 0.52), rng)
    c.vgrad(0, H * 0.48, W, H, [(0, (150, 196, 118)), (1, (118, 170, 96))])
    # A curving paved path.
    pts_l = [(W * (0.45 - 0.25 * t * t) - W * 0.04 * (1 + 3 * t), H * (0.48 + 0.52 * t)) for t in [i / 20 for i in range(21)]]
    pts_r = [(W * (0.45 - 0.25 * t * t) + W * 0.04 * (1 + 3 * t), H * (0.48 + 0.52 * t)) for t in [i / 20 for i in range(21)]]
    c.poly(pts_l + list(reversed(pts_r)), (226, 214, 196))
    # Flower beds.
    for cx, cy, rx, ry in ((0.7, 0.7, 0.18, 0.08), (0.78, 0.9, 0.16, 0.07), (0.12, 0.62, 0.1, 0.05)):
        c.ellipse(W * cx, H * cy, W * rx, H * ry, (96, 150, 84))
        cols = rng.sample(FLOWERS, 3)
        for i in range(40):
            a = rng.uniform(0, 2 * math.pi)
            rr = math.sqrt(rng.random()) * 0.85
            fx = W * cx + math.cos(a) * W * rx * rr
            fy = H * cy + math.sin(a) * H * ry * rr
            c.circle(fx, fy - H * 0.01, H * 0.011, cols[int(rr * 3) % 3])
    for bx in (0.08, 0.58):
        by = H * (0.8 if bx < 0.3 else 0.56)
        c.rect(W * bx, by - H * 0.04, W * bx + W * 0.1, by - H * 0.025, (150, 104, 70))
        c.rect(W * bx, by - H * 0.015, W * bx + W * 0.1, by, (150, 104, 70))
        c.rect(W * bx + W * 0.01, by, W * bx + W * 0.015, by + H * 0.03, INK)
        c.rect(W * bx + W * 0.085, by, W * bx + W * 0.09, by + H * 0.03, INK)
    for lx in (0.32, 0.56):
        c.line([(W * lx, H * 0.5), (W * lx, H * 0.3)], W * 0.004, INK, caps=False)
        c.circle(W * lx, H * 0.3, W * 0.008, (246, 236, 200))
    tree(c, W * 0.95, H * 1.05, H * 0.9, rng)


def scene_fitness(c: Canvas, rng: random.Random):
    """Older residents exercise on new outdoor equipment in the morning."""
    W, H = c.w, c.h
    c.vgrad(0, 0, W, H * 0.55, [(0, (184, 212, 230)), (1, (246, 232, 206))])
    for k in range(6):
        tree(c, W * (0.02 + 0.2 * k), H * 0.55, H * rng.uniform(0.5, 0.62), rng)
    c.vgrad(0, H * 0.55, W, H, [(0, (206, 198, 186)), (1, (182, 174, 162))])
    c.glow(W * 0.85, H * 0.05, W * 0.4, H * 0.4, (255, 246, 220), 0.5)
    s = H * 0.5
    yel, blu = (242, 196, 70), (70, 130, 200)
    # Three machines: a walker, a twister, a pull-down.
    for mx, col in ((0.2, yel), (0.5, blu), (0.78, yel)):
        x = W * mx
        c.line([(x - s * 0.2, H * 0.86), (x - s * 0.2, H * 0.86 - s * 0.95), (x + s * 0.2, H * 0.86 - s * 0.95),
                (x + s * 0.2, H * 0.86)], s * 0.04, col, caps=True)
    items = [(W * 0.2, H * 0.84, s, Look(rng, shirt=(220, 120, 110), pants=NAVY, old=True, female=True, style="bun"),
              dict(arms=(RAISE_LEFT, RAISE_RIGHT), legs=[[(-0.08, -0.25), (-0.14, -0.02)], [(0.08, -0.25), (0.12, -0.02)]])),
             (W * 0.5, H * 0.86, s * 1.02, Look(rng, shirt=WHITE, pants=NAVY, old=True, female=False),
              dict(arms=([(-0.18, -0.72), (-0.2, -0.92)], [(0.18, -0.72), (0.2, -0.92)]))),
             (W * 0.78, H * 0.85, s, Look(rng, shirt=(130, 170, 220), pants=(70, 70, 80), old=True, female=True,
                                          style="short"),
              dict(arms=(RAISE_LEFT, RAISE_RIGHT)))]
    lay_people(c, items)


def scene_cafe(c: Canvas, rng: random.Random):
    """A coffee counter with a QR payment stand at the left, a barista on the right."""
    W, H = c.w, c.h
    hall_walls(c, (238, 226, 208), (226, 210, 190))
    for k in range(6):  # wall boards
        c.rect(W * k / 6, 0, W * k / 6 + 3, H * 0.62, (222, 206, 186))
    c.rect(W * 0.55, H * 0.08, W * 0.92, H * 0.32, (56, 62, 58), r=H * 0.01)
    for i in range(5):
        c.rect(W * 0.58, H * (0.12 + 0.04 * i), W * rng.uniform(0.72, 0.8), H * (0.135 + 0.04 * i), (220, 216, 200))
        c.rect(W * 0.85, H * (0.12 + 0.04 * i), W * 0.89, H * (0.135 + 0.04 * i), (240, 200, 120))
    for lx in (0.3, 0.5, 0.7):
        c.line([(W * lx, 0), (W * lx, H * 0.1)], 3, INK, caps=False)
        c.chord(W * lx, H * 0.12, W * 0.035, H * 0.04, 180, 360, (60, 90, 80))
        c.glow(W * lx, H * 0.14, W * 0.06, H * 0.06, (255, 240, 200), 0.5)
    for px in (0.08, 0.42):  # plants on a shelf
        c.rect(W * px, H * 0.34, W * px + W * 0.05, H * 0.4, (200, 120, 90), r=4)
        for k in range(6):
            c.circle(W * px + W * rng.uniform(0, 0.05), H * rng.uniform(0.28, 0.34), H * 0.025, rng.choice(LEAF))
    c.rect(0, H * 0.4, W * 0.5, H * 0.41, DARK_WOOD)
    barista = Look(rng, shirt=(230, 224, 210), female=True, style="bun")
    person(c, W * 0.72, H * 1.1, H * 0.95, barista, arms=HOLD_FRONT)
    c.rect(W * 0.72 - H * 0.11, H * 1.1 - H * 0.95 * 0.8, W * 0.72 + H * 0.11, H * 1.1 - H * 0.95 * 0.44, (120, 84, 60),
           r=H * 0.02)
    # Counter.
    c.vgrad(0, H * 0.64, W, H, [(0, (150, 100, 66)), (1, (120, 80, 54))])
    c.rect(0, H * 0.6, W, H * 0.65, (204, 170, 130))
    # The QR stand: a card on an easel with a plain header and a QR pattern.
    x0, y0, w, h = W * 0.14, H * 0.24, W * 0.2, H * 0.36
    c.shadows([(x0 + w / 2, y0 + h, w * 0.6, H * 0.02)], alpha=0.3)
    c.rect(x0, y0, x0 + w, y0 + h, WHITE, r=W * 0.008)
    c.rect(x0, y0, x0 + w, y0 + h * 0.16, (30, 100, 170), r=W * 0.008)
    c.rect(x0, y0 + h * 0.08, x0 + w, y0 + h * 0.16, (30, 100, 170))
    c.rect(x0 + w * 0.25, y0 + h * 0.06, x0 + w * 0.75, y0 + h * 0.1, (230, 240, 250))
    q, n = w * 0.7, 25
    qx, qy = x0 + w * 0.15, y0 + h * 0.22
    cell = q / n
    for i in range(n):
        for j in range(n):
            finder = any(i0 <= i < i0 + 7 and j0 <= j < j0 + 7 for i0, j0 in ((0, 0), (0, n - 7), (n - 7, 0)))
            if finder:
                di = min(i % 18 if i < 7 else (i - (n - 7)), 6)
                dj = min(j if j < 7 else j - (n - 7), 6)
                on = di in (0, 6) or dj in (0, 6) or (2 <= di <= 4 and 2 <= dj <= 4)
            else:
                on = rng.random() < 0.5
            if on:
                c.rect(qx + i * cell, qy + j * cell, qx + (i + 1) * cell, qy + (j + 1) * cell, INK)
    c.rect(x0 + w * 0.2, y0 + h * 0.9, x0 + w * 0.8, y0 + h * 0.93, (180, 190, 200))
    # Cups on the counter.
    for k, cx in enumerate((0.46, 0.56, 0.9)):
        c.rect(W * cx - H * 0.03, H * 0.53, W * cx + H * 0.03, H * 0.61, WHITE, r=H * 0.01)
        c.rect(W * cx - H * 0.03, H * 0.56, W * cx + H * 0.03, H * 0.58, (150, 100, 66))
        c.ellipse(W * cx, H * 0.53, H * 0.03, H * 0.008, (110, 70, 48))
    # A customer's hand with a phone, entering from the bottom left.
    skin = SKINS[1]
    c.line([(W * -0.02, H * 1.02), (W * 0.12, H * 0.8)], H * 0.08, (120, 160, 200))
    c.rect(W * 0.1, H * 0.66, W * 0.16, H * 0.8, INK, r=H * 0.012)
    c.rect(W * 0.105, H * 0.675, W * 0.155, H * 0.785, (170, 210, 236), r=H * 0.006)
    c.circle(W * 0.125, H * 0.78, H * 0.035, skin)


def scene_one_stop(c: Canvas, rng: random.Random):
    """The one-stop service counter: staff behind glass, citizens waiting in the foreground."""
    W, H = c.w, c.h
    hall_walls(c, (214, 228, 238), (198, 214, 226))
    c.rect(W * 0.05, H * 0.06, W * 0.42, H * 0.14, (40, 96, 160), r=H * 0.01)
    c.rect(W * 0.1, H * 0.085, W * 0.37, H * 0.115, (220, 232, 244), r=H * 0.01)
    c.rect(W * 0.7, H * 0.05, W * 0.92, H * 0.2, INK, r=H * 0.01)
    for i in range(3):
        for k in range(2):
            c.rect(W * (0.72 + 0.1 * k), H * (0.07 + 0.04 * i), W * (0.79 + 0.1 * k), H * (0.095 + 0.04 * i),
                   (236, 80, 60) if k == 0 else (250, 210, 90))
    s = H * 0.7
    for k in range(4):  # staff behind the counter
        x = W * (0.14 + 0.24 * k)
        bust(c, x, H * 0.45, s, Look(rng, shirt=(120, 160, 210)), collar=WHITE)
        c.rect(x + W * 0.04, H * 0.36, x + W * 0.11, H * 0.45, INK, r=4)
        c.rect(x + W * 0.045, H * 0.365, x + W * 0.105, H * 0.44, (150, 190, 220), r=3)
    c.rect(0, H * 0.5, W, H * 0.53, (236, 232, 226))
    c.rect(0, H * 0.53, W, H * 0.72, (190, 170, 140))
    for k in range(5):
        c.rect(W * (0.02 + 0.24 * k), H * 0.24, W * (0.025 + 0.24 * k), H * 0.5, (200, 210, 220))
    c.translucent(lambda d, p: d.rectangle([p(0, H * 0.24), p(W, H * 0.5)], fill=255), (0, 0, W, H), (230, 242, 250), 0.25)
    c.vgrad(0, H * 0.72, W, H, [(0, (200, 196, 190)), (1, (176, 172, 166))])
    for k in range(4):  # citizens on a bench, seen from behind
        x = W * (0.2 + 0.17 * k)
        bust(c, x, H * 0.86, s * 1.1, Look(rng), back=True)
    c.rect(W * 0.08, H * 0.96, W * 0.82, H, (70, 110, 160))


def scene_swap(c: Canvas, rng: random.Random):
    """Swapping plastic bottles for plants under a canopy; a table of seedlings."""
    W, H = c.w, c.h
    c.vgrad(0, 0, W, H * 0.55, SKY)
    storey = H * 0.1
    shophouses(c, -W * 0.02, W * 1.02, H * 0.55, storey * 3, storey * 4.4, rng, storey)
    c.vgrad(0, H * 0.55, W, H, [(0, (204, 198, 188)), (1, (180, 174, 164))])
    # A canopy.
    c.poly([(W * 0.25, H * 0.12), (W * 0.95, H * 0.12), (W * 1.0, H * 0.22), (W * 0.2, H * 0.22)], (60, 130, 190))
    for k in range(8):
        x = W * (0.2 + 0.1 * k)
        c.chord(x + W * 0.05, H * 0.22, W * 0.05, H * 0.03, 0, 180, (60, 130, 190) if k % 2 else WHITE)
    for x in (0.22, 0.98):
        c.line([(W * x, H * 0.22), (W * x, H * 0.8)], 6, STEEL, caps=False)
    s = H * 0.6
    items = [(W * 0.38, H * 0.68, s * 0.9, Look(rng, shirt=GREEN_SHIRT), dict(arms=HOLD_FRONT)),
             (W * 0.62, H * 0.66, s * 0.88, Look(rng, shirt=GREEN_SHIRT), dict(arms=HOLD_FRONT)),
             (W * 0.16, H * 0.95, s * 1.05, Look(rng, shirt=(230, 170, 150), old=True),
              dict(arms=(None, [(0.17, -0.66), (0.25, -0.6)])))]
    hands = lay_people(c, items[:2])
    table(c, W * 0.26, W * 0.9, H * 0.62, H * 0.2, WHITE, (80, 150, 100))
    for k in range(9):  # seedlings in pots
        x = W * (0.3 + 0.065 * k)
        c.rect(x - W * 0.015, H * 0.585, x + W * 0.015, H * 0.62, (190, 110, 80), r=3)
        for j in range(4):
            c.circle(x + W * rng.uniform(-0.02, 0.02), H * rng.uniform(0.55, 0.575), H * 0.018, rng.choice(LEAF))
    hands2 = lay_people(c, items[2:])
    hx, hy = hands2[0][1]
    c.rect(hx - s * 0.02, hy, hx + s * 0.16, hy + s * 0.16, (236, 236, 232), r=s * 0.03)
    for k in range(4):
        c.rect(hx + s * (0.0 + 0.035 * k), hy + s * 0.02, hx + s * (0.028 + 0.035 * k), hy + s * 0.14,
               (150, 200, 230), r=s * 0.01)
    c.circle(hx, hy, HAND * s, items[2][3].skin)


def scene_books(c: Canvas, rng: random.Random):
    """A science book stall (portrait): shelves of books, a spacecraft model, children looking."""
    W, H = c.w, c.h
    hall_walls(c, (226, 232, 240), (210, 218, 228))
    c.rect(W * 0.05, H * 0.04, W * 0.95, H * 0.12, (40, 80, 150), r=H * 0.01)
    c.rect(W * 0.25, H * 0.065, W * 0.75, H * 0.095, (236, 240, 248), r=H * 0.01)
    for r in range(4):  # bookshelves
        y = H * (0.16 + 0.11 * r)
        c.rect(W * 0.05, y + H * 0.09, W * 0.95, y + H * 0.1, DARK_WOOD)
        x = W * 0.07
        while x < W * 0.92:
            bw = W * rng.uniform(0.018, 0.035)
            bh = H * rng.uniform(0.06, 0.085)
            if rng.random() < 0.18:
                c.rect(x, y + H * 0.09 - bh * 0.9, x + W * 0.08, y + H * 0.09, rng.choice(FACADES))
                x += W * 0.09
                continue
            c.rect(x, y + H * 0.09 - bh, x + bw, y + H * 0.09, rng.choice(
                [(210, 80, 70), (70, 120, 190), (240, 200, 80), (90, 160, 110), (236, 236, 230), (150, 110, 180)]))
            x += bw + 1
    c.vgrad(0, H * 0.6, W, H, [(0, (196, 184, 168)), (1, (170, 158, 144))])
    # A table with the spacecraft model.
    table(c, W * 0.1, W * 0.9, H * 0.64, H * 0.14, WHITE, (40, 80, 150))
    rx, ry = W * 0.62, H * 0.64
    c.rect(rx - W * 0.12, ry - H * 0.02, rx + W * 0.12, ry, (120, 124, 136))
    c.rect(rx - W * 0.05, ry - H * 0.3, rx + W * 0.05, ry - H * 0.05, WHITE, r=W * 0.03)
    c.poly([(rx - W * 0.05, ry - H * 0.29), (rx + W * 0.05, ry - H * 0.29), (rx, ry - H * 0.4)], (214, 70, 60))
    c.poly([(rx - W * 0.05, ry - H * 0.12), (rx - W * 0.11, ry - H * 0.04), (rx - W * 0.05, ry - H * 0.06)], (214, 70, 60))
    c.poly([(rx + W * 0.05, ry - H * 0.12), (rx + W * 0.11, ry - H * 0.04), (rx + W * 0.05, ry - H * 0.06)], (214, 70, 60))
    c.circle(rx, ry - H * 0.2, W * 0.025, (120, 180, 230))
    c.rect(rx - W * 0.05, ry - H * 0.16, rx + W * 0.05, ry - H * 0.15, (60, 110, 190))
    c.poly([(rx - W * 0.03, ry - H * 0.05), (rx + W * 0.03, ry - H * 0.05), (rx, ry - H * 0.02)], (250, 190, 80))
    for k in range(3):  # books laid flat
        c.rect(W * (0.16 + 0.1 * k), H * 0.62, W * (0.24 + 0.1 * k), H * 0.64, [(70, 120, 190), (240, 200, 80), (210, 80, 70)][k])
    s = H * 0.42
    items = [(W * (0.22 + 0.22 * i), H * (0.98 + 0.01 * (i % 2)), s * (1.0 - 0.04 * i),
              Look(rng, shirt=[(240, 200, 80), (120, 170, 220), (230, 120, 110)][i], child=True),
              dict(back=True, arms=(None, [(0.18, -0.8), (0.24, -0.95)]) if i == 1 else (None, None)))
             for i in range(3)]
    lay_people(c, items)


def scene_drawings(c: Canvas, rng: random.Random):
    """Children's science drawings pinned on display boards; two children looking."""
    W, H = c.w, c.h
    hall_walls(c, (236, 232, 222), (222, 216, 204))
    for b in range(2):
        bx0 = W * (0.06 + 0.47 * b)
        c.rect(bx0, H * 0.08, bx0 + W * 0.42, H * 0.66, (60, 110, 160), r=H * 0.01)
        for i in range(3):
            for j in range(3):
                x = bx0 + W * (0.02 + 0.135 * i)
                y = H * (0.11 + 0.18 * j)
                paper = rng.choice([(250, 248, 240), (250, 240, 210), (230, 240, 250)])
                c.rect(x, y, x + W * 0.12, y + H * 0.15, paper)
                kind = rng.randrange(4)
                px, py = x + W * 0.06, y + H * 0.075
                if kind == 0:  # planet with a ring
                    c.circle(px, py, H * 0.04, rng.choice([(240, 170, 80), (120, 170, 230), (200, 110, 160)]))
                    c.ellipse(px, py, H * 0.065, H * 0.012, (200, 80, 70))
                elif kind == 1:  # a rocket
                    c.rect(px - W * 0.012, py - H * 0.04, px + W * 0.012, py + H * 0.04, (230, 90, 80), r=W * 0.01)
                    c.poly([(px - W * 0.012, py + H * 0.04), (px + W * 0.012, py + H * 0.04), (px, py + H * 0.065)], (250, 200, 80))
                    c.circle(px, py - H * 0.01, W * 0.006, (120, 180, 230))
                elif kind == 2:  # sun and stars
                    c.circle(px - W * 0.02, py - H * 0.02, H * 0.03, (250, 200, 70))
                    for k in range(3):
                        c.poly(star(px + W * 0.03, py + H * (0.03 * k - 0.03), H * 0.012), (90, 120, 200))
                else:  # a robot
                    c.rect(px - W * 0.02, py - H * 0.02, px + W * 0.02, py + H * 0.045, (140, 160, 180), r=4)
                    c.rect(px - W * 0.015, py - H * 0.05, px + W * 0.015, py - H * 0.02, (170, 190, 210), r=4)
                c.circle(x + W * 0.06, y + H * 0.005, H * 0.006, (214, 60, 50))
    c.vgrad(0, H * 0.7, W, H, [(0, (196, 184, 168)), (1, (172, 160, 146))])
    c.rect(0, H * 0.66, W, H * 0.7, (206, 196, 180))
    s = H * 0.5
    items = [(W * 0.34, H * 0.98, s, Look(rng, shirt=(240, 200, 80), child=True, female=True), dict(back=True)),
             (W * 0.47, H * 0.96, s * 0.95, Look(rng, shirt=(120, 170, 220), child=True),
              dict(back=True, arms=(None, [(0.18, -0.85), (0.26, -1.02)])))]
    lay_people(c, items)


def scene_dance(c: Canvas, rng: random.Random):
    """An evening performance: dancers in long tunics with fans under stage lights."""
    W, H = c.w, c.h
    c.vgrad(0, 0, W, H, [(0, (40, 38, 70)), (1, (70, 50, 80))])
    backdrop(c, W * 0.06, H * 0.05, W * 0.94, H * 0.56, rng, (150, 40, 70), lines=3)
    curtains(c, W * 0.02, H * 0.03, W * 0.98, H * 0.8, (120, 30, 50))
    for lx in (0.25, 0.5, 0.75):
        c.translucent(lambda d, p, lx=lx: d.polygon([p(W * lx - W * 0.02, 0), p(W * lx + W * 0.02, 0),
                                                     p(W * lx + W * 0.14, H * 0.82), p(W * lx - W * 0.14, H * 0.82)],
                                                    fill=255), (0, 0, W, H), (255, 240, 210), 0.12)
    c.vgrad(0, H * 0.56, W, H, [(0, (120, 84, 70)), (1, (80, 56, 52))])
    for lx in (0.25, 0.5, 0.75):
        c.glow(W * lx, H * 0.82, W * 0.16, H * 0.06, (255, 230, 190), 0.45)
    s = H * 0.46
    items = []
    for i in range(6):
        x = W * (0.14 + 0.144 * i)
        y = H * (0.84 + 0.03 * (i % 2))
        look = Look(rng, female=True, style="bun", pants=WHITE)
        up = i % 2 == 0
        arms = ([(-0.18, -0.9), (-0.24, -1.04)], [(0.18, -0.7), (0.28, -0.66)]) if up else \
            ([(-0.18, -0.7), (-0.28, -0.66)], [(0.18, -0.9), (0.24, -1.04)])
        items.append((x, y, s, look, dict(dress=[(220, 60, 60), (246, 200, 80)][i % 2], arms=arms)))
    hands = lay_people(c, items, shadow_alpha=0.4)
    for i, (x, y, h, look, kw) in enumerate(items):
        for hx, hy in hands[i]:
            c.chord(hx, hy, h * 0.09, h * 0.09, 180, 360, (250, 226, 120) if i % 2 else (230, 70, 70))
            c.circle(hx, hy, HAND * h, look.skin)
    flower_bank(c, 0, W, H * 0.99, H * 0.05, rng)


def scene_flower_contest(c: Canvas, rng: random.Random):
    """Women arranging flowers at a long table in a community hall."""
    W, H = c.w, c.h
    hall_walls(c, (240, 230, 214), (226, 212, 194))
    bunting(c, -W * 0.02, W * 0.5, H * 0.05, H * 0.08, H * 0.045)
    bunting(c, W * 0.5, W * 1.02, H * 0.05, H * 0.08, H * 0.045)
    c.rect(W * 0.3, H * 0.16, W * 0.7, H * 0.28, RED, r=H * 0.01)
    c.rect(W * 0.36, H * 0.2, W * 0.64, H * 0.24, PALE_GOLD, r=H * 0.01)
    c.vgrad(0, H * 0.62, W, H, [(0, (190, 170, 146)), (1, (160, 140, 120))])
    s = H * 0.7
    for i in range(4):
        x = W * (0.17 + 0.22 * i)
        look = Look(rng, female=True, shirt=[(230, 120, 130), (120, 160, 210), (236, 200, 90), (160, 200, 150)][i])
        person(c, x, H * 0.98, s, look, dress=look.shirt if i % 2 == 0 else None,
               arms=([(-0.15, -0.62), (-0.1, -0.56)], [(0.15, -0.62), (0.12, -0.55)]))
    table(c, W * 0.02, W * 0.98, H * 0.6, H * 0.4, WHITE, (90, 140, 110))
    for i in range(4):  # vases with arrangements
        x = W * (0.17 + 0.22 * i) + W * 0.03
        c.rect(x - W * 0.025, H * 0.5, x + W * 0.025, H * 0.6, [(236, 236, 230), (90, 130, 190), (200, 120, 90)][i % 3],
               r=W * 0.02)
        for k in range(10):
            c.circle(x + W * rng.uniform(-0.06, 0.06), H * rng.uniform(0.38, 0.5), H * 0.025, rng.choice(LEAF))
        for k in range(10):
            col = rng.choice(FLOWERS)
            fx, fy = x + W * rng.uniform(-0.055, 0.055), H * rng.uniform(0.36, 0.48)
            c.circle(fx, fy, H * 0.02, col)
            c.circle(fx, fy, H * 0.008, shade(col, 0.8))
    c.rect(W * 0.02, H * 0.6, W * 0.98, H * 0.63, (246, 244, 238))


SCENES: dict[str, Callable[..., None]] = {
    name[len("scene_"):]: fn for name, fn in globals().items() if name.startswith("scene_")
}

BLUE = (40, 92, 160)

# fmt: off
# (article folder under content/, output file, size, scene, scene options)
PHOTOS: list[tuple[str, str, tuple[int, int], str, dict]] = [
    # The real seed article (the photos are stand-ins; the captions are the real ones).
    ("2024/hoi-nghi-bieu-duong-thi-dua-2023", "quang-canh-hoi-nghi.jpg",         L32, "hall", {}),
    ("2024/hoi-nghi-bieu-duong-thi-dua-2023", "chu-tich-phat-bieu.jpg",          L43, "speaker", {"at": 0.3}),
    ("2024/hoi-nghi-bieu-duong-thi-dua-2023", "trao-danh-hieu-tap-the.jpg",      L32, "awards", {"n": 7, "scale": 0.54, "top": 0.84, "spread": 0.8, "cx": 0.56}),
    ("2024/hoi-nghi-bieu-duong-thi-dua-2023", "dai-bieu-tham-du.jpg",            L32, "delegates", {}),
    ("2024/hoi-nghi-bieu-duong-thi-dua-2023", "bi-thu-trao-bang-khen.jpg",       L32, "awards", {"n": 5, "presenter": "left", "scale": 0.68, "top": 0.96, "spread": 0.64, "cx": 0.63}),
    ("2024/hoi-nghi-bieu-duong-thi-dua-2023", "trao-chien-si-thi-dua.jpg",       L43, "handover", {}),
    ("2024/hoi-nghi-bieu-duong-thi-dua-2023", "pho-giam-doc-trao-bang-khen.jpg", L43, "awards", {"n": 6, "presenter": "right", "scale": 0.45, "top": 0.56, "spread": 0.72, "cx": 0.45}),
    ("2024/hoi-nghi-bieu-duong-thi-dua-2023", "trao-bang-khen-ca-nhan.jpg",      L32, "awards", {"n": 8, "presenters": 2, "scale": 0.56, "top": 0.84, "spread": 0.74, "cx": 0.6, "flowers": False}),

    # Fictional articles.
    ("2023/gap-mat-quoc-khanh-2-9", "quang-canh-gap-mat.jpg",           L32, "hall", {"flags": True, "rows": 3, "skirt": (180, 40, 44)}),
    ("2023/gap-mat-quoc-khanh-2-9", "cuu-chien-binh-phat-bieu.jpg",     P34, "veteran", {}),

    ("2025/tong-ve-sinh-don-tet-at-ty", "pho-chu-tich-phat-dong.jpg",   L43, "speaker", {"at": 0.28, "outdoor": True}),
    ("2025/tong-ve-sinh-don-tet-at-ty", "don-dep-ngo-xom.jpg",          L32, "street", {"job": "sweep"}),
    ("2025/tong-ve-sinh-don-tet-at-ty", "thao-do-quang-cao.jpg",        L32, "street", {"job": "posters"}),
    ("2025/tong-ve-sinh-don-tet-at-ty", "khoi-thong-cong-ranh.jpg",     L32, "street", {"job": "drain"}),

    ("2024/mttq-trao-qua-tet-giap-thin", "trao-qua-tet.jpg",            L32, "gifts", {}),

    ("2024/thanh-nien-tinh-nguyen-he-2024", "ra-quan-thanh-nien.jpg",   L43, "rally", {}),
    ("2024/thanh-nien-tinh-nguyen-he-2024", "trao-co-doi-hinh.jpg",     L32, "flag_handover", {}),

    ("2024/doi-thoai-ho-kinh-doanh-thanh-toan-so", "quan-ca-phe-ma-qr.jpg", L43, "cafe", {}),

    ("2025/trien-khai-cai-cach-hanh-chinh-2025", "quang-canh-hoi-nghi-cchc.jpg", L32, "hall", {"base": BLUE, "rows": 3, "skirt": (40, 70, 120), "wall": (222, 226, 230)}),
    ("2025/trien-khai-cai-cach-hanh-chinh-2025", "bo-phan-mot-cua.jpg",          L43, "one_stop", {}),

    ("2023/van-chuong-tuyen-pho-xanh", "doi-chai-nhua-lay-cay.jpg",     L43, "swap", {}),

    ("2024/lang-thuong-ngay-hoi-dai-doan-ket", "van-nghe-chao-mung.jpg", L32, "dance", {}),
    ("2024/lang-thuong-ngay-hoi-dai-doan-ket", "trao-giay-khen.jpg",     L32, "awards", {"n": 5, "base": BLUE, "presenter": "left", "scale": 0.66, "top": 0.92, "spread": 0.6, "cx": 0.6, "cert_colour": (40, 92, 160), "flowers": False}),
    ("2024/lang-thuong-ngay-hoi-dai-doan-ket", "thi-cam-hoa.jpg",        L32, "flower_contest", {}),
    ("2024/lang-thuong-ngay-hoi-dai-doan-ket", "bong-chuyen-hoi.jpg",    L32, "volleyball", {}),

    ("2024/chinh-trang-vuon-hoa-kim-lien", "vuon-hoa-sau-cai-tao.jpg",  L32, "garden", {}),
    ("2024/chinh-trang-vuon-hoa-kim-lien", "thiet-bi-the-duc.jpg",      L32, "fitness", {}),

    ("2025/lap-lai-trat-tu-via-he", "ra-quan-via-he.jpg",               L43, "street", {"job": "pavement"}),

    ("2023/hoi-khoe-phu-dong-2023", "le-khai-mac.jpg",                  L32, "parade", {}),
    ("2023/hoi-khoe-phu-dong-2023", "thi-dien-kinh.jpg",                L32, "race", {}),
    ("2023/hoi-khoe-phu-dong-2023", "thi-co-vua.jpg",                   L32, "chess", {}),
    ("2023/hoi-khoe-phu-dong-2023", "thi-cau-long.jpg",                 L32, "badminton", {}),

    ("2025/ngay-hoi-doc-sach-thieu-nhi", "gian-sach-khoa-hoc.jpg",      P34, "books", {}),
    ("2025/ngay-hoi-doc-sach-thieu-nhi", "tranh-ve-khoa-hoc.jpg",       L43, "drawings", {}),
]
# fmt: on


def render(name: str, size: tuple[int, int], scene: str, options: dict) -> Image.Image:
    """Draw one photo; its random generator is seeded with its file name."""
    rng = random.Random(zlib.crc32(name.encode("utf-8")))
    c = Canvas(size)
    SCENES[scene](c, rng, **options)
    return c.finish()


def referenced_photos(index_md: Path) -> set[str]:
    """Photo files an article's Markdown source names (images and the cover field)."""
    text = index_md.read_text(encoding="utf-8")
    names = set(re.findall(r"!\[[^\]]*\]\(([^)\s]+)", text))
    names.update(re.findall(r"(?m)^cover:\s*(\S+)\s*$", text))
    return names


def check(made: dict[str, set[str]]) -> list[str]:
    """Compare, per folder, the photos made with the photos referenced and present."""
    problems = []
    folders = set(made) | {p.parent.relative_to(CONTENT).as_posix() for p in CONTENT.rglob("index.md")}
    for folder in sorted(folders):
        files = made.get(folder, set())
        index_md = CONTENT / folder / "index.md"
        if not index_md.exists():
            problems.append(f"{index_md}: missing")
            continue
        refs = referenced_photos(index_md)
        on_disk = {p.name for p in (CONTENT / folder).glob("*.jpg")}
        for name in sorted(refs - files):
            problems.append(f"{index_md}: references {name}, which this script does not make")
        for name in sorted(files - refs):
            problems.append(f"{index_md}: does not reference {name}")
        for name in sorted(on_disk - files):
            problems.append(f"{CONTENT / folder}: stray photo {name}")
    return problems


def main(argv: list[str]) -> int:
    only = set(argv)  # optional file names, to redraw just those while working on a scene
    made: dict[str, set[str]] = {}
    for folder, name, size, scene, options in PHOTOS:
        made.setdefault(folder, set()).add(name)
        if only and name not in only:
            continue
        out = CONTENT / folder / name
        out.parent.mkdir(parents=True, exist_ok=True)
        render(name, size, scene, options).save(out, "JPEG", quality=JPEG_QUALITY, optimize=True, progressive=False)
        print(f"{out.relative_to(CONTENT.parent)}  <- {scene}")
    problems = check(made)
    for problem in problems:
        print(problem, file=sys.stderr)
    print(f"{len(PHOTOS)} photos in {len(made)} folders; {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
