"""Regenerate the stand-in photos of the sample articles in ``content/``.

Every photo beside a sample article is derived, deterministically, from a real
photograph that ships inside a Python package, so no download is needed:

* scikit-image's bundled sample images (``skimage.data``), and
* matplotlib's bundled ``grace_hopper.jpg`` (``matplotlib.cbook.get_sample_data``).

Licences are summarised in ``content/README.md``.

Run it from anywhere, in a virtual environment that has scikit-image,
matplotlib and Pillow::

    python -m venv /tmp/photovenv
    /tmp/photovenv/bin/pip install scikit-image matplotlib pillow
    /tmp/photovenv/bin/python scripts/make_sample_photos.py

The table ``PHOTOS`` below is the whole recipe: article folder, file name,
source image and transform. There is no randomness, so re-running the script
with the same package versions rewrites byte-identical files (JPEG bytes can
differ between Pillow/libjpeg releases; the pixels stay the same to within
rounding). After writing, the script checks that each listed folder's
``index.md`` references exactly the photos made for it.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image, ImageEnhance, ImageFilter, ImageOps

CONTENT = Path(__file__).resolve().parent.parent / "content"

# Output sizes (width, height): about 2000 px on the long side.
L32 = (2000, 1333)  # landscape 3:2
L43 = (2000, 1500)  # landscape 4:3
P34 = (1500, 2000)  # portrait 3:4

JPEG_QUALITY = 82


@dataclass(frozen=True)
class Spec:
    """How one output photo is made from its source image.

    size:   output (width, height); the crop takes the same aspect ratio.
    centre: crop centre as fractions (x, y) of the source.
    zoom:   1.0 = the largest crop of that aspect that fits; 0.5 = half as wide.
    mirror: flip left-right.
    bright, contrast, colour: Pillow ImageEnhance factors (1.0 = unchanged).
    tint:   per-channel (r, g, b) multipliers applied last (warm/cool cast).
    """

    size: tuple[int, int] = L32
    centre: tuple[float, float] = (0.5, 0.5)
    zoom: float = 1.0
    mirror: bool = False
    bright: float = 1.0
    contrast: float = 1.0
    colour: float = 1.0
    tint: tuple[float, float, float] = (1.0, 1.0, 1.0)


S = Spec
WARM = (1.06, 1.0, 0.92)
COOL = (0.94, 1.0, 1.07)
SEPIA = (1.08, 1.0, 0.86)

# fmt: off
# (article folder under content/, output file, source image, transform)
PHOTOS: list[tuple[str, str, str, Spec]] = [
    # The real seed article (photos are stand-ins; captions are the real ones).
    ("2024/hoi-nghi-bieu-duong-thi-dua-2023", "quang-canh-hoi-nghi.jpg",        "camera",      S(L32, (0.50, 0.55), 1.00, tint=SEPIA)),
    ("2024/hoi-nghi-bieu-duong-thi-dua-2023", "chu-tich-phat-bieu.jpg",         "grace_hopper", S(L43, (0.50, 0.40), 0.95)),
    ("2024/hoi-nghi-bieu-duong-thi-dua-2023", "trao-danh-hieu-tap-the.jpg",     "astronaut",   S(L32, (0.50, 0.45), 1.00)),
    ("2024/hoi-nghi-bieu-duong-thi-dua-2023", "dai-bieu-tham-du.jpg",           "rocket",      S(L32, (0.50, 0.50), 1.00)),
    ("2024/hoi-nghi-bieu-duong-thi-dua-2023", "bi-thu-trao-bang-khen.jpg",      "coffee",      S(L32, (0.50, 0.50), 1.00)),
    ("2024/hoi-nghi-bieu-duong-thi-dua-2023", "trao-chien-si-thi-dua.jpg",      "astronaut",   S(L43, (0.62, 0.70), 0.65, mirror=True, bright=1.05)),
    ("2024/hoi-nghi-bieu-duong-thi-dua-2023", "pho-giam-doc-trao-bang-khen.jpg", "coins",      S(L43, (0.50, 0.50), 1.00, tint=WARM)),
    ("2024/hoi-nghi-bieu-duong-thi-dua-2023", "trao-bang-khen-ca-nhan.jpg",     "chelsea",     S(L32, (0.50, 0.50), 1.00)),

    # Fictional articles.
    ("2023/gap-mat-quoc-khanh-2-9", "quang-canh-gap-mat.jpg",           "hubble_deep_field", S(L32, (0.40, 0.45), 0.80, bright=1.10, contrast=1.05)),
    ("2023/gap-mat-quoc-khanh-2-9", "cuu-chien-binh-phat-bieu.jpg",     "grace_hopper",      S(P34, (0.50, 0.50), 1.00, bright=1.03, colour=0.95)),

    ("2025/tong-ve-sinh-don-tet-at-ty", "pho-chu-tich-phat-dong.jpg",   "camera",            S(L43, (0.40, 0.45), 0.85, mirror=True, tint=COOL)),
    ("2025/tong-ve-sinh-don-tet-at-ty", "don-dep-ngo-xom.jpg",          "retina",            S(L32, (0.45, 0.50), 0.70, bright=0.97, colour=0.90)),
    ("2025/tong-ve-sinh-don-tet-at-ty", "thao-do-quang-cao.jpg",        "rocket",            S(L32, (0.15, 0.45), 0.50, mirror=True, contrast=1.08)),
    ("2025/tong-ve-sinh-don-tet-at-ty", "khoi-thong-cong-ranh.jpg",     "immunohistochemistry", S(L32, (0.50, 0.50), 1.00)),

    ("2024/mttq-trao-qua-tet-giap-thin", "trao-qua-tet.jpg",            "coffee",            S(L32, (0.50, 0.50), 0.90, mirror=True, tint=WARM, colour=1.10)),

    ("2024/thanh-nien-tinh-nguyen-he-2024", "ra-quan-thanh-nien.jpg",   "chelsea",           S(L43, (0.55, 0.45), 0.80, bright=1.05)),
    ("2024/thanh-nien-tinh-nguyen-he-2024", "trao-co-doi-hinh.jpg",     "astronaut",         S(L32, (0.35, 0.60), 0.85, contrast=1.05, colour=1.08)),

    ("2024/doi-thoai-ho-kinh-doanh-thanh-toan-so", "quan-ca-phe-ma-qr.jpg", "coffee",        S(L43, (0.45, 0.30), 0.55, bright=1.04)),

    ("2025/trien-khai-cai-cach-hanh-chinh-2025", "quang-canh-hoi-nghi-cchc.jpg", "coins",    S(L32, (0.50, 0.50), 1.00, mirror=True, tint=SEPIA, contrast=1.05)),
    ("2025/trien-khai-cai-cach-hanh-chinh-2025", "bo-phan-mot-cua.jpg",          "camera",   S(L43, (0.80, 0.45), 0.45, bright=1.06)),

    ("2023/van-chuong-tuyen-pho-xanh", "doi-chai-nhua-lay-cay.jpg",     "immunohistochemistry", S(L43, (0.50, 0.50), 0.85, mirror=True, colour=0.85)),

    ("2024/lang-thuong-ngay-hoi-dai-doan-ket", "van-nghe-chao-mung.jpg", "hubble_deep_field", S(L32, (0.65, 0.60), 0.55, mirror=True, bright=1.08)),
    ("2024/lang-thuong-ngay-hoi-dai-doan-ket", "trao-giay-khen.jpg",     "grace_hopper",      S(L32, (0.50, 0.35), 1.00, mirror=True, tint=WARM)),
    ("2024/lang-thuong-ngay-hoi-dai-doan-ket", "thi-cam-hoa.jpg",        "chelsea",           S(L32, (0.50, 0.50), 1.00, mirror=True, colour=0.90, tint=COOL)),
    ("2024/lang-thuong-ngay-hoi-dai-doan-ket", "bong-chuyen-hoi.jpg",    "retina",            S(L32, (0.50, 0.50), 1.00, mirror=True)),

    ("2024/chinh-trang-vuon-hoa-kim-lien", "vuon-hoa-sau-cai-tao.jpg",  "retina",            S(L32, (0.30, 0.35), 0.45, bright=1.05, colour=0.92)),
    ("2024/chinh-trang-vuon-hoa-kim-lien", "thiet-bi-the-duc.jpg",      "immunohistochemistry", S(L32, (0.60, 0.35), 0.60, tint=WARM)),

    ("2025/lap-lai-trat-tu-via-he", "ra-quan-via-he.jpg",               "rocket",            S(L43, (0.60, 0.85), 0.45, bright=1.06, tint=WARM)),

    ("2023/hoi-khoe-phu-dong-2023", "le-khai-mac.jpg",                  "rocket",            S(L32, (0.45, 0.45), 0.90, tint=WARM, colour=1.05)),
    ("2023/hoi-khoe-phu-dong-2023", "thi-dien-kinh.jpg",                "astronaut",         S(L32, (0.45, 0.30), 0.70, mirror=True)),
    ("2023/hoi-khoe-phu-dong-2023", "thi-co-vua.jpg",                   "coins",             S(L32, (0.35, 0.40), 0.60, tint=COOL, contrast=1.08)),
    ("2023/hoi-khoe-phu-dong-2023", "thi-cau-long.jpg",                 "hubble_deep_field", S(L32, (0.50, 0.50), 1.00, mirror=True)),

    ("2025/ngay-hoi-doc-sach-thieu-nhi", "gian-sach-khoa-hoc.jpg",      "astronaut",         S(P34, (0.55, 0.50), 1.00, bright=1.04)),
    ("2025/ngay-hoi-doc-sach-thieu-nhi", "tranh-ve-khoa-hoc.jpg",       "hubble_deep_field", S(L43, (0.30, 0.70), 0.60, bright=1.10, colour=1.10)),
]
# fmt: on


def load_sources() -> dict[str, Image.Image]:
    """Load the bundled sample photographs as RGB Pillow images (no network)."""
    import matplotlib.cbook as cbook
    import skimage.data as data

    names = {name for _, _, name, _ in PHOTOS} - {"grace_hopper"}
    sources = {name: Image.fromarray(np.asarray(getattr(data, name)())).convert("RGB") for name in sorted(names)}
    with cbook.get_sample_data("grace_hopper.jpg") as f:
        # Rebuild from pixels so nothing of the source file's metadata survives.
        sources["grace_hopper"] = Image.fromarray(np.asarray(Image.open(f).convert("RGB")))
    return sources


def crop_box(src_size: tuple[int, int], spec: Spec) -> tuple[int, int, int, int]:
    """Largest box of the output's aspect ratio, scaled by zoom, centred and kept inside."""
    sw, sh = src_size
    ow, oh = spec.size
    w = min(sw, sh * ow / oh) * spec.zoom
    h = w * oh / ow
    x0 = min(max(spec.centre[0] * sw - w / 2, 0), sw - w)
    y0 = min(max(spec.centre[1] * sh - h / 2, 0), sh - h)
    return round(x0), round(y0), round(x0 + w), round(y0 + h)


def render(src: Image.Image, spec: Spec) -> Image.Image:
    """Apply one Spec: crop, mirror, resize, colour tweaks, tint."""
    im = src.crop(crop_box(src.size, spec))
    if spec.mirror:
        im = ImageOps.mirror(im)
    im = im.resize(spec.size, Image.Resampling.LANCZOS)
    im = im.filter(ImageFilter.UnsharpMask(radius=2, percent=60, threshold=3))
    for enhancer, factor in (
        (ImageEnhance.Brightness, spec.bright),
        (ImageEnhance.Contrast, spec.contrast),
        (ImageEnhance.Color, spec.colour),
    ):
        if factor != 1.0:
            im = enhancer(im).enhance(factor)
    if spec.tint != (1.0, 1.0, 1.0):
        arr = np.asarray(im, dtype=np.float32) * np.array(spec.tint, dtype=np.float32)
        im = Image.fromarray(np.clip(np.rint(arr), 0, 255).astype(np.uint8))
    return im


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


def main() -> int:
    sources = load_sources()
    made: dict[str, set[str]] = {}
    for folder, name, source, spec in PHOTOS:
        out = CONTENT / folder / name
        out.parent.mkdir(parents=True, exist_ok=True)
        render(sources[source], spec).save(
            out, "JPEG", quality=JPEG_QUALITY, optimize=True, progressive=False
        )
        made.setdefault(folder, set()).add(name)
        print(f"{out.relative_to(CONTENT.parent)}  <- {source}")
    problems = check(made)
    for problem in problems:
        print(problem, file=sys.stderr)
    print(f"{len(PHOTOS)} photos in {len(made)} folders; {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
