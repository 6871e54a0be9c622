"""A seeded, cached corpus of camera-size photos for benchmarks/photos.py.

Every photo is derived from a real photograph: the stand-ins in
content/**/*.jpg, which scripts/make_sample_photos.py made from the sample
photos shipped in scikit-image and matplotlib (~2000 px). Each one is cropped,
maybe mirrored, scaled up to a camera size with LANCZOS, sharpened a little,
colour/white-balance/brightness/contrast shifted, and given per-pixel luma and
chroma noise (Pillow only: random bytes from a seeded `random.Random`, not
numpy, not `Image.effect_noise`, whose C `rand()` is not seedable). It is saved
as JPEG quality 90 with the EXIF a camera or phone writes: Make, Model,
DateTime, exposure, GPS.

Shapes, in every block of ten photos (shuffled, seeded):

  4 × 4000×3000 landscape (compact camera)
  2 × 3000×2000 landscape (DSLR, 3:2)
  2 × 4000×3000 stored, EXIF orientation 6 (phone held upright; shown 3000×4000),
      with an embedded sRGB ICC profile as many phones write
  1 × 3000×4000 truly portrait
  1 × 2000×3000 truly portrait

Photo i depends only on (SEED, i, the source files), so a larger --photos
reuses the photos already made. The corpus lives in /tmp/bench/corpus-<key>/.
"""

from __future__ import annotations

import glob
import hashlib
import os
import random

VERSION = "3"  # bump when generation changes pixels
SEED = 20240321
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SOURCES_GLOB = os.path.join(ROOT, "content", "**", "*.jpg")

#            kind        stored (w, h)   orientation  make, model
SHAPES = [
    ("camera43", (4000, 3000), 1, ("OLYMPUS CORPORATION", "E-M10MarkIII")),
    ("camera43", (4000, 3000), 1, ("Canon", "Canon PowerShot G7 X Mark II")),
    ("camera43", (4000, 3000), 1, ("OLYMPUS CORPORATION", "E-M10MarkIII")),
    ("camera43", (4000, 3000), 1, ("Panasonic", "DMC-GX85")),
    ("camera32", (3000, 2000), 1, ("NIKON CORPORATION", "NIKON D40")),
    ("camera32", (3000, 2000), 1, ("Canon", "Canon EOS 1100D")),
    ("phone-exif6", (4000, 3000), 6, ("samsung", "SM-A546E")),
    ("phone-exif6", (4000, 3000), 6, ("Xiaomi", "Redmi Note 12")),
    ("portrait34", (3000, 4000), 1, ("FUJIFILM", "X-T30")),
    ("portrait23", (2000, 3000), 1, ("NIKON CORPORATION", "NIKON D3200")),
]


def sources() -> list[str]:
    found = sorted(glob.glob(SOURCES_GLOB, recursive=True))
    if not found:
        raise SystemExit(f"no source photos found at {SOURCES_GLOB}")
    return found


def corpus_dir(base: str) -> str:
    """Folder for this generator version, seed and set of source photos."""
    h = hashlib.blake2b(digest_size=6)
    h.update(f"{VERSION}:{SEED}".encode())
    for path in sources():
        h.update(os.path.relpath(path, ROOT).encode())
        h.update(str(os.path.getsize(path)).encode())
    return os.path.join(base, f"corpus-{h.hexdigest()}")


def name(i: int) -> str:
    return f"anh-{i + 1:04d}.jpg"


def shape(i: int) -> tuple:
    """Deterministic shape of photo i: a seeded shuffle of SHAPES per block of ten."""
    block = list(range(len(SHAPES)))
    random.Random(f"{SEED}:block:{i // len(SHAPES)}").shuffle(block)
    return SHAPES[block[i % len(SHAPES)]]


def ensure(base: str, count: int, workers: int, log=print) -> list[dict]:
    """Make the photos that are missing; return one record per photo."""
    folder = corpus_dir(base)
    os.makedirs(folder, exist_ok=True)
    todo = [i for i in range(count) if not os.path.exists(os.path.join(folder, name(i)))]
    if todo:
        log(f"  generating {len(todo)} of {count} photos into {folder} (cached for reruns) …")
        srcs = sources()
        args = [(folder, i, srcs) for i in todo]
        if workers > 1 and len(todo) > 1:
            from multiprocessing import Pool

            with Pool(workers) as pool:
                for _ in pool.imap_unordered(_make_star, args, chunksize=1):
                    pass
        else:
            for a in args:
                _make_star(a)
    else:
        log(f"  corpus cached: {count} photos in {folder}")
    records = []
    for i in range(count):
        kind, (w, h), orientation, _ = shape(i)
        shown = (h, w) if orientation in (5, 6, 7, 8) else (w, h)
        path = os.path.join(folder, name(i))
        records.append({"index": i, "name": name(i), "path": path, "kind": kind, "stored": (w, h),
                        "shown": shown, "orientation": orientation, "bytes": os.path.getsize(path)})
    return records


def _make_star(args) -> None:
    folder, i, srcs = args
    make(folder, i, srcs)


def _dms(value: float) -> tuple:
    degrees = int(value)
    minutes_f = (value - degrees) * 60
    minutes = int(minutes_f)
    seconds = round((minutes_f - minutes) * 60, 2)
    return (float(degrees), float(minutes), seconds)


def make(folder: str, i: int, srcs: list[str]) -> str:
    from PIL import Image, ImageChops, ImageCms, ImageEnhance, ImageFilter, ImageOps
    from PIL.TiffImagePlugin import IFDRational

    rng = random.Random(f"{SEED}:photo:{i}")
    kind, stored, orientation, (make_, model) = shape(i)
    upright = (stored[1], stored[0]) if orientation in (5, 6, 7, 8) else stored
    W, H = upright

    with Image.open(srcs[rng.randrange(len(srcs))]) as src:
        src = ImageOps.exif_transpose(src).convert("RGB")
    if rng.random() < 0.5:
        src = src.transpose(Image.Transpose.FLIP_LEFT_RIGHT)
    # Crop a region of the target aspect: 60–100 % of the largest that fits.
    aspect = W / H
    cw, ch = (src.width, src.width / aspect) if src.width / src.height < aspect else (src.height * aspect, src.height)
    s = rng.uniform(0.6, 1.0)
    cw, ch = cw * s, ch * s
    x0 = rng.uniform(0, src.width - cw)
    y0 = rng.uniform(0, src.height - ch)
    image = src.resize((W, H), Image.LANCZOS, box=(x0, y0, x0 + cw, y0 + ch))
    # Cameras sharpen; an upscale is soft.
    image = image.filter(ImageFilter.UnsharpMask(radius=2.0, percent=rng.randint(60, 110), threshold=2))
    # Colour: saturation, then one LUT for white balance × brightness and contrast.
    image = ImageEnhance.Color(image).enhance(rng.uniform(0.85, 1.2))
    brightness = rng.uniform(0.85, 1.15)
    contrast = rng.uniform(0.9, 1.12)
    gains = (rng.uniform(0.93, 1.07), 1.0, rng.uniform(0.93, 1.07))
    lut = []
    for gain in gains:
        lut.extend(max(0, min(255, round(((v * gain * brightness) - 128) * contrast + 128))) for v in range(256))
    image = image.point(lut)
    # Sensor noise: zero-mean, uniform, per pixel; luma on all bands, chroma per band.
    luma_k = rng.randint(5, 12)
    chroma_k = rng.randint(3, 6)
    luma = Image.frombytes("L", (W, H), rng.randbytes(W * H)).point(lambda v, k=luma_k: v * 2 * k // 255)
    image = ImageChops.add(image, Image.merge("RGB", (luma, luma, luma)), 1.0, -luma_k)
    chroma = Image.frombytes("RGB", (W, H), rng.randbytes(W * H * 3)).point(lambda v, k=chroma_k: v * 2 * k // 255)
    image = ImageChops.add(image, chroma, 1.0, -chroma_k)

    extra = {}
    if orientation == 6:
        # A phone stores the sensor's landscape pixels and says "rotate 90° clockwise".
        image = image.transpose(Image.Transpose.ROTATE_90)
        extra["icc_profile"] = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    assert image.size == stored, (image.size, stored)

    when = f"2024:{rng.randint(1, 12):02d}:{rng.randint(1, 28):02d} {rng.randint(7, 18):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}"
    exif = Image.Exif()
    exif[0x010F] = make_  # Make
    exif[0x0110] = model  # Model
    exif[0x0112] = orientation  # Orientation
    exif[0x0131] = "bench corpus v" + VERSION  # Software
    exif[0x0132] = when  # DateTime
    exif[0x8769] = {  # Exif IFD
        0x829A: IFDRational(1, rng.choice([60, 125, 250, 500])),  # ExposureTime
        0x829D: IFDRational(rng.choice([28, 40, 56, 80]), 10),  # FNumber
        0x8827: rng.choice([100, 200, 400, 800, 1600]),  # ISOSpeedRatings
        0x9003: when,  # DateTimeOriginal
        0x920A: IFDRational(rng.randint(40, 500), 10),  # FocalLength
    }
    lat = 21.0 + rng.uniform(0.005, 0.03)  # Đống Đa, Hà Nội
    lon = 105.8 + rng.uniform(0.01, 0.04)
    exif[0x8825] = {1: "N", 2: _dms(lat), 3: "E", 4: _dms(lon), 5: b"\x00", 6: IFDRational(rng.randint(50, 300), 10)}
    path = os.path.join(folder, name(i))
    temporary = f"{path}.{os.getpid()}.tmp"
    image.save(temporary, "JPEG", quality=90, exif=exif.tobytes(), **extra)
    os.replace(temporary, path)
    return path
