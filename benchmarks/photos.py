#!/usr/bin/env python
"""Benchmark of the photo pipeline (plugins/news_images) against a floor and a peer.

    .venv/bin/python benchmarks/photos.py [--photos 200] [--workers 2]

1. corpus   seeded camera-size photos (4000×3000, 3000×2000, portraits, EXIF
            orientation 6, GPS) derived from the real photos in content/ (see
            benchmarks/_corpus.py), cached in /tmp/bench/corpus-<key>/.
2. ours     our site (news_build.runner.build) on ~10 photos an article, half
            standalone figures, half in `::: gallery` blocks: a first build with
            an EMPTY cache, then no-change rebuilds (same cache, fresh output),
            each minus a pages-only build (the same articles, no photos).
3. floor    a plain Pillow loop (multiprocessing.Pool, --workers): open, DCT
            draft to ≥1601 px, exif_transpose, LANCZOS cascade 1600→960→480,
            WebP q80 method 4 + JPEG q82 optimize progressive for each width.
4. peer     pelican-image-process 3.4.0 in benchmarks/.peer-venv (made here if
            missing; never copied into the repo), a 480w/960w/1600w srcset for
            the same photos in its own Pelican build.
5. quality  PSNR of our 960 JPEG against a full decode (no draft) +
            exif_transpose + one LANCZOS resize, on a seeded sample.
6. table    every figure, its baseline, ratio, target, PASS/FAIL. Exit 0 even
            when a target fails: this is a benchmark, not a test.

`--profile` instead runs one first build of --profile-photos photos with one
worker (in process) under cProfile and prints where the time goes.

Top-level imports are stdlib only: the same file runs as a child in the
project venv (our builds) and in the peer venv (the peer's build).
"""

from __future__ import annotations

import argparse
import glob
import json
import math
import os
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
PLUGINS = os.path.join(ROOT, "plugins")
CONF = os.path.join(ROOT, "pelicanconf.py")
PEER_VENV = os.path.join(HERE, ".peer-venv")
PEER_PINS = ("pelican==4.12.0", "pelican-image-process==3.4.0")
VIPS_VENV = os.path.join(HERE, ".vips-venv")
VIPS_PINS = ("pyvips==3.2.0", "pyvips-binary==8.18.7")  # libvips 8.18 with its own libjpeg-turbo and libwebp
PEER_IMAGE_PROCESS = {
    "crisp": {
        "type": "responsive-image",
        "srcset": [
            ("480w", ["scale_in 480 10000 False"]),
            ("960w", ["scale_in 960 10000 False"]),
            ("1600w", ["scale_in 1600 10000 False"]),
        ],
        "default": "960w",
    }
}
CATEGORIES = [
    "Tin tức - Sự kiện",
    "Hoạt động của UBND quận",
    "Hoạt động của các phường",
    "Kinh tế - Đô thị",
    "Văn hóa - Xã hội",
]
PHOTOS_PER_ARTICLE = 10
SEED = 20240321

# Targets (from the issue).
TARGET_FLOOR_RATIO = 1.3  # our first-build s/photo ÷ floor s/photo ≤
TARGET_REBUILD_MS = 2.0  # no-change rebuild, ms a photo <
TARGET_PEER_SPEEDUP = 4.0  # peer s/derivative ÷ ours ≥
TARGET_PSNR = 35.0  # dB ≥
TARGET_VIPS_RATIO = 0.5  # issue #19: first-build photo part ÷ Pillow floor+ ≤ (the libvips floor+ shows the limit)


# --------------------------------------------------------------------------- helpers


def log(message: str = "") -> None:
    print(message, flush=True)


def cpu_seconds() -> float:
    """User+system CPU of this process and of its reaped children."""
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def live_children_cpu() -> float:
    """CPU of this process's live descendants, with what they reaped (/proc): the
    render pool's fork server outlives the build and has reaped its workers, so
    RUSAGE_CHILDREN never sees their time."""
    tick, children, seen, total = os.sysconf("SC_CLK_TCK"), {}, set(), 0.0
    for name in [n for n in os.listdir("/proc") if n.isdigit()] if os.path.isdir("/proc") else ():
        try:
            with open(f"/proc/{name}/stat") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        children.setdefault(int(fields[1]), []).append((int(name), sum(int(v) for v in fields[11:15]) / tick))
    todo = [os.getpid()]
    while todo:
        for pid, cpu in children.get(todo.pop(), []):
            if pid not in seen:
                seen.add(pid)
                total += cpu
                todo.append(pid)
    return total


def machine_busy() -> float:
    """CPU-seconds the whole machine has been busy (all processes, /proc/stat)."""
    try:
        with open("/proc/stat") as handle:
            fields = [int(v) for v in handle.readline().split()[1:]]
    except OSError:
        return float("nan")
    return (sum(fields[:8]) - fields[3] - fields[4]) / os.sysconf("SC_CLK_TCK")


class Interference:
    """CPU that processes other than ours used while a phase ran (others share this machine)."""

    def __init__(self):
        self.phases = []

    def measure(self, label, function, *args, **kwargs):
        busy, mine = machine_busy(), cpu_seconds()
        result = function(*args, **kwargs)
        used = cpu_seconds() - mine
        if isinstance(result, dict) and "cpu" in result:  # a child build counts its render pool, which we cannot
            used = max(used, result["cpu"])
        others = (machine_busy() - busy) - used
        self.phases.append((label, max(0.0, others)))
        return result

    def report(self) -> str:
        worst = max(self.phases, key=lambda p: p[1]) if self.phases else ("-", 0.0)
        total = sum(v for _, v in self.phases)
        return f"{total:.1f} CPU-s in all timed phases; worst {worst[1]:.1f} CPU-s during {worst[0]}"


def fresh(path: str) -> str:
    shutil.rmtree(path, ignore_errors=True)
    return path


def link_or_copy(source: str, target: str) -> None:
    os.makedirs(os.path.dirname(target), exist_ok=True)
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)


def run_child(python: str, kind: str, payload: dict) -> dict:
    """Run this file as a child (`--child KIND JSON`) and return its RESULT json."""
    command = [python, os.path.abspath(__file__), "--child", kind, json.dumps(payload)]
    done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT)
    lines = [line for line in done.stdout.splitlines() if line.startswith("RESULT ")]
    if done.returncode != 0 or not lines:
        sys.stderr.write(done.stdout[-3000:] + "\n" + done.stderr[-5000:] + "\n")
        raise SystemExit(f"child {kind} failed (exit {done.returncode})")
    result = json.loads(lines[-1][len("RESULT "):])
    result["stderr"] = done.stderr
    return result


def fmt_s(x: float) -> str:
    return f"{x:.3f}"


# --------------------------------------------------------------------------- site content

PARAGRAPHS = [
    "Sáng nay, Ủy ban nhân dân quận tổ chức hội nghị tổng kết công tác năm và triển khai nhiệm vụ trọng tâm "
    "của năm tới. Tham dự hội nghị có lãnh đạo các phòng, ban, ngành và đại diện Ủy ban nhân dân các phường.",
    "Báo cáo tại hội nghị cho biết, các chỉ tiêu kinh tế - xã hội cơ bản đều hoàn thành và vượt kế hoạch. "
    "Công tác cải cách hành chính, chuyển đổi số được đẩy mạnh, người dân hài lòng hơn khi đến làm thủ tục.",
    "Phát biểu chỉ đạo, đồng chí Chủ tịch Ủy ban nhân dân quận đề nghị các đơn vị tiếp tục rà soát, "
    "khắc phục hạn chế, tập trung giải quyết dứt điểm các kiến nghị của cử tri trên địa bàn.",
    "Dịp này, nhiều tập thể và cá nhân có thành tích xuất sắc được khen thưởng. Các đại biểu cũng tham quan "
    "khu trưng bày sản phẩm, mô hình tiêu biểu của các phường trong phong trào thi đua.",
    "Hoạt động diễn ra trong không khí vui tươi, phấn khởi, thu hút đông đảo cán bộ, hội viên và Nhân dân "
    "tham gia, góp phần xây dựng khu dân cư văn minh, sạch đẹp, an toàn.",
]
TOPICS = ["hội nghị", "ra quân", "trao quà", "ngày hội", "khen thưởng", "tuyên truyền", "tập huấn", "tọa đàm"]


def articles(photos: list[dict]) -> list[tuple[str, list[dict]]]:
    """(folder, photos) per article: PHOTOS_PER_ARTICLE photos each."""
    groups = [photos[i:i + PHOTOS_PER_ARTICLE] for i in range(0, len(photos), PHOTOS_PER_ARTICLE)]
    return [(f"bai-{k + 1:02d}", group) for k, group in enumerate(groups)]


def roles(photos: list[dict]) -> dict:
    """name -> (gallery, cover) as our site uses each photo."""
    found = {}
    for _, group in articles(photos):
        half = math.ceil(len(group) / 2)
        for n, photo in enumerate(group):
            found[photo["name"]] = (n >= half, n == 0)
    return found


def article_markdown(k: int, group: list[dict], with_photos: bool) -> str:
    rng = random.Random(f"{SEED}:article:{k}")
    month, day = 1 + k % 12, 1 + (k * 7) % 28
    lines = [
        "---",
        f"title: Bài số {k + 1} về {TOPICS[k % len(TOPICS)]} của quận",
        f"date: {day:02d}/{month:02d}/2024 {8 + k % 9:02d}:{(k * 13) % 60:02d}",
        f"category: {CATEGORIES[k % len(CATEGORIES)]}",
        "---",
        "",
        PARAGRAPHS[k % len(PARAGRAPHS)],
        "",
    ]
    half = math.ceil(len(group) / 2)
    standalone, gallery = group[:half], group[half:]
    for n, photo in enumerate(standalone):
        if with_photos:
            lines += [f"![Chú thích ảnh {n + 1}: quang cảnh {TOPICS[(k + n) % len(TOPICS)]}]({photo['name']})", ""]
        lines += [PARAGRAPHS[rng.randrange(len(PARAGRAPHS))], ""]
    if gallery and with_photos:
        blocks = [gallery[:3], gallery[3:]] if k % 5 == 4 and len(gallery) > 3 else [gallery]
        for b, block in enumerate(blocks):
            lines.append(f"::: gallery Một số hình ảnh bài số {k + 1}" + (f" (phần {b + 1})" if len(blocks) > 1 else ""))
            lines += [f"![Ảnh {m + 1} trong thư viện, bài số {k + 1}]({p['name']})" for m, p in enumerate(block)]
            lines += [":::", ""]
    lines += [PARAGRAPHS[(k + 2) % len(PARAGRAPHS)], ""]
    return "\n".join(lines)


def write_site(folder: str, photos: list[dict], with_photos: bool) -> dict:
    """Our content folder; return counts of expected derivatives."""
    fresh(folder)
    expected = {"photos": 0, "full": 0, "thumb": 0, "social": 0}
    for k, (name, group) in enumerate(articles(photos)):
        os.makedirs(os.path.join(folder, name))
        with open(os.path.join(folder, name, "index.md"), "w", encoding="utf-8") as handle:
            handle.write(article_markdown(k, group, with_photos))
        if not with_photos:
            continue
        half = math.ceil(len(group) / 2)
        for n, photo in enumerate(group):
            link_or_copy(photo["path"], os.path.join(folder, name, photo["name"]))
            expected["photos"] += 1
            expected["full"] += 2 * 3  # webp + jpeg × 480/960/1600 (all photos are ≥ 2000 px wide)
            if n >= half:
                expected["thumb"] += 2 * 2  # webp + jpeg × 480/960
        expected["social"] += 1  # the first photo is the cover
    return expected


def write_peer_site(folder: str, photos: list[dict], with_photos: bool) -> str:
    """The peer's content + pelicanconf; return the conf path."""
    fresh(folder)
    content, output = os.path.join(folder, "content"), os.path.join(folder, "output")
    os.makedirs(os.path.join(content, "articles"))
    os.makedirs(os.path.join(content, "images"))
    for k, (name, group) in enumerate(articles(photos)):
        body = [f"<p>{PARAGRAPHS[k % len(PARAGRAPHS)]}</p>"]
        for n, photo in enumerate(group):
            if with_photos:
                link_or_copy(photo["path"], os.path.join(content, "images", photo["name"]))
                body.append(f'<p><img class="image-process-crisp" src="{{static}}/images/{photo["name"]}" '
                            f'alt="Ảnh {n + 1}, bài số {k + 1}"></p>')
            body.append(f"<p>{PARAGRAPHS[(k + n) % len(PARAGRAPHS)]}</p>")
        html = (
            "<html><head>"
            f"<title>Bài số {k + 1}</title>"
            f'<meta name="date" content="2024-{1 + k % 12:02d}-{1 + (k * 7) % 28:02d} 08:00" />'
            '<meta name="category" content="tin-tuc" />'
            "</head><body>" + "\n".join(body) + "</body></html>"
        )
        with open(os.path.join(content, "articles", f"{name}.html"), "w", encoding="utf-8") as handle:
            handle.write(html)
    conf = os.path.join(folder, "pelicanconf.py")
    with open(conf, "w", encoding="utf-8") as handle:
        handle.write(
            f"AUTHOR = 'bench'\nSITENAME = 'peer'\nSITEURL = ''\n"
            f"PATH = {content!r}\nOUTPUT_PATH = {output!r}\n"
            "TIMEZONE = 'Asia/Ho_Chi_Minh'\nDEFAULT_LANG = 'vi'\n"
            "ARTICLE_PATHS = ['articles']\nSTATIC_PATHS = ['images']\n"
            "STATIC_CREATE_LINKS = True  # hard links: the originals' copy costs ~nothing\n"
            "PLUGINS = ['image_process']\n"
            f"IMAGE_PROCESS = {PEER_IMAGE_PROCESS!r}\n"
            "SUMMARY_MAX_LENGTH = 20\n"
            "FEED_ALL_ATOM = None\nCATEGORY_FEED_ATOM = None\nTRANSLATION_FEED_ATOM = None\n"
            "AUTHOR_FEED_ATOM = None\nAUTHOR_FEED_RSS = None\n"
            "CACHE_CONTENT = False\nLOAD_CONTENT_CACHE = False\nDELETE_OUTPUT_DIRECTORY = True\n"
        )
    return conf


# --------------------------------------------------------------------------- our build (child)

DERIVATIVE = re.compile(r"-[0-9a-f]{10}(?:-(?:a\d+|x[\d.]+y[\d.]+))?-(?:(?P<thumb>t)?(?P<width>\d+)|(?P<social>og))\.(?P<ext>webp|jpg|avif)$")


def count_outputs(output: str) -> dict:
    counts = {"full": 0, "thumb": 0, "social": 0, "bytes": 0}
    for folder, _, files in os.walk(output):
        for name in files:
            match = DERIVATIVE.search(name)
            if not match:
                continue
            role = "social" if match["social"] else "thumb" if match["thumb"] else "full"
            counts[role] += 1
            counts["bytes"] += os.path.getsize(os.path.join(folder, name))
    return counts


def child_build(payload: dict) -> dict:
    import logging

    sys.path.insert(0, PLUGINS)
    from news_build.runner import build

    records = []

    class Grab(logging.Handler):
        def emit(self, record):
            if record.getMessage().startswith("[news_images]") and isinstance(record.args, dict):
                records.append(dict(record.args))

    logger = logging.getLogger("news_images")
    logger.setLevel(logging.INFO)
    logger.addHandler(Grab())
    inside = _instrument() if payload.get("instrument") else {}
    if payload.get("shims"):
        _install_shims()
    overrides = {"NEWS_IMAGES_CACHE_PATH": payload["cache"], "NEWS_IMAGES_WORKERS": payload["workers"]}

    def site_build():
        return build(CONF, payload["content"], payload["output"], strict=False, overrides=overrides)

    wall, cpu = time.perf_counter(), cpu_seconds()
    if payload.get("profile"):
        import cProfile

        profiler = cProfile.Profile()
        result = profiler.runcall(site_build)
        profiler.dump_stats(payload["profile"])
    else:
        result = site_build()
    wall, cpu = time.perf_counter() - wall, cpu_seconds() - cpu + live_children_cpu()
    stats = {}
    for record in records:
        for key, value in record.items():
            stats[key] = stats.get(key, 0) + value
    return {"ok": result.ok, "errors": result.errors, "warnings": result.warnings, "seconds": wall,
            "cpu": cpu, "stats": stats, "inside": inside, "outputs": count_outputs(payload["output"])}


def _instrument() -> dict:
    """Wall time spent inside news_images' entry points (photo headers+hashes,
    HTML rewrite, render+copy), accumulated into the returned dict."""
    import news_images.html as H
    import news_images.inspect as I
    import news_images.pipeline as P

    spent = {"inspect": 0.0, "rewrite": 0.0, "publish": 0.0}

    def timed(key, function):
        def wrapper(*args, **kwargs):
            start = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                spent[key] += time.perf_counter() - start
        return wrapper

    I.Inspector.__call__ = timed("inspect", I.Inspector.__call__)
    H.rewrite = timed("rewrite", H.rewrite)
    H.social_image = timed("rewrite", H.social_image)
    P.publish = timed("publish", P.publish)
    return spent


# Named shims: cProfile shows each as its own function, so the profile can
# split encoding by role and format without touching the pipeline.
def encode_full_webp(save, *args): return save(*args)  # noqa: E704
def encode_full_jpeg(save, *args): return save(*args)  # noqa: E704
def encode_thumb_webp(save, *args): return save(*args)  # noqa: E704
def encode_thumb_jpeg(save, *args): return save(*args)  # noqa: E704
def encode_social_jpeg(save, *args): return save(*args)  # noqa: E704
def encode_other(save, *args): return save(*args)  # noqa: E704


def crop_thumb(image, size, *args, **kwargs):
    from PIL import ImageOps
    return ImageOps.fit(image, size, *args, **kwargs)


def crop_social(image, size, *args, **kwargs):
    from PIL import ImageOps
    return ImageOps.fit(image, size, *args, **kwargs)


def orient_exif_transpose(image, *args, **kwargs):
    from PIL import ImageOps
    return ImageOps.exif_transpose(image, *args, **kwargs)


def convert_to_srgb(real, image):
    return real(image)


def _install_shims() -> None:
    import types

    import news_images.render as R
    from news_images.settings import NEWS_IMAGES_SOCIAL_SIZE

    real_save, real_srgb = R._save, R.to_srgb
    shims = {("full", "webp"): encode_full_webp, ("full", "jpeg"): encode_full_jpeg,
             ("thumb", "webp"): encode_thumb_webp, ("thumb", "jpeg"): encode_thumb_jpeg,
             ("social", "jpeg"): encode_social_jpeg}

    def save(image, path, fmt, quality):
        base = os.path.basename(path)
        role = "social" if base.endswith("-og.jpg") else "thumb" if re.search(r"-t\d+\.\w+$", base) else "full"
        return shims.get((role, fmt), encode_other)(real_save, image, path, fmt, quality)

    def fit(image, size, *args, **kwargs):
        shim = crop_social if tuple(size) == tuple(NEWS_IMAGES_SOCIAL_SIZE) else crop_thumb
        return shim(image, size, *args, **kwargs)

    R._save = save
    R.to_srgb = lambda image: convert_to_srgb(real_srgb, image)
    R.ImageOps = types.SimpleNamespace(fit=fit, exif_transpose=orient_exif_transpose)


def child_peer(payload: dict) -> dict:
    from pelican import Pelican
    from pelican.settings import read_settings

    settings = read_settings(payload["conf"])
    wall, cpu = time.perf_counter(), cpu_seconds()
    Pelican(settings).run()
    wall, cpu = time.perf_counter() - wall, cpu_seconds() - cpu
    derivatives = glob.glob(os.path.join(settings["OUTPUT_PATH"], "images", "derivatives", "crisp", "*", "*"))
    return {"seconds": wall, "cpu": cpu, "derivatives": len(derivatives),
            "bytes": sum(os.path.getsize(p) for p in derivatives)}


# --------------------------------------------------------------------------- floor


def pipeline_settings() -> dict:
    """Widths, formats and qualities our pipeline uses, read from its defaults."""
    sys.path.insert(0, PLUGINS)
    from news_images import settings as S

    return {"widths": tuple(sorted(S.NEWS_IMAGES_WIDTHS)), "formats": tuple(S.NEWS_IMAGES_FORMATS),
            "quality": dict(S.NEWS_IMAGES_QUALITY), "thumb_widths": tuple(sorted(S.NEWS_IMAGES_THUMB_WIDTHS)),
            "thumb_aspect": tuple(S.NEWS_IMAGES_THUMB_ASPECT), "social_size": tuple(S.NEWS_IMAGES_SOCIAL_SIZE)}


def extra_jobs(extras, width: int, formats) -> list[tuple[str, tuple[int, int], tuple[str, ...]]]:
    """floor+'s thumbnails and social card: (name tag, size, formats)."""
    gallery, cover, thumb_widths, (aw, ah), social = extras
    jobs = []
    if gallery:
        for w in thumb_widths:
            tw = min(w, width)
            jobs += [(f"t{tw}", (tw, max(1, round(tw * ah / aw))), tuple(formats))]
    if cover:
        jobs += [("og", tuple(social), ("jpeg",))]
    return jobs


def cascade_base(sizes: dict, width: int):
    """The smallest cascade size at least as wide as the target, else the largest."""
    wide = [w for w in sorted(sizes) if w >= width]
    return sizes[wide[0] if wide else max(sizes)]


def floor_one(task) -> int:
    """Plain Pillow: the full-size derivatives of one photo, as our pipeline encodes them."""
    from PIL import Image, ImageOps

    source, out, widths, formats, quality, extras = task
    stem = os.path.splitext(os.path.basename(source))[0]
    with Image.open(source) as image:
        swap = image.getexif().get(0x0112, 1) in (5, 6, 7, 8)
        width, height = image.size
        ratio = widths[-1] / (height if swap else width)
        if ratio < 1:  # DCT scaling: decode at the smallest 1/8 step still ≥ 1601 px wide
            image.draft("RGB", (int(width * ratio) + 1, int(height * ratio) + 1))
        image.load()
        image = ImageOps.exif_transpose(image)
    if image.mode != "RGB":
        image = image.convert("RGB")
    W, H = image.size
    made, current, sizes = 0, image, {}
    for w in sorted((w for w in widths if w < W), reverse=True) or [W]:  # never upscale
        current = current.resize((w, max(1, round(H * w / W))), Image.LANCZOS)  # cascade
        for fmt in formats:
            if fmt == "webp":
                current.save(os.path.join(out, f"{stem}-{w}.webp"), "WEBP", quality=quality["webp"], method=4)
            elif fmt == "jpeg":
                current.save(os.path.join(out, f"{stem}-{w}.jpg"), "JPEG", quality=quality["jpeg"],
                             optimize=True, progressive=True, subsampling=0)
            else:
                raise SystemExit(f"floor: format {fmt} not handled")
            made += 1
        sizes[w] = current
    if extras:  # "floor+": also the thumbnails and social card our site makes, from the cascade
        from PIL import ImageOps as Ops

        for tag, size, fmts in extra_jobs(extras, W, formats):
            picture = Ops.fit(cascade_base(sizes, size[0]), size, Image.LANCZOS)
            for fmt in fmts:
                if fmt == "webp":
                    picture.save(os.path.join(out, f"{stem}-{tag}.webp"), "WEBP", quality=quality["webp"], method=4)
                else:
                    picture.save(os.path.join(out, f"{stem}-{tag}.jpg"), "JPEG", quality=quality["jpeg"],
                                 optimize=True, progressive=True, subsampling=0)
                made += 1
    return made


def run_floor(photos: list[dict], out: str, workers: int, extras: bool = False) -> dict:
    from multiprocessing import get_context

    s = pipeline_settings()
    os.makedirs(fresh(out))
    use = roles(photos)
    tasks = [(p["path"], out, s["widths"], s["formats"], s["quality"],
              (*use[p["name"]], s["thumb_widths"], s["thumb_aspect"], s["social_size"]) if extras else None)
             for p in photos]
    wall, cpu = time.perf_counter(), cpu_seconds()
    if workers > 1:
        pool = get_context("fork").Pool(workers)
        made = sum(pool.imap_unordered(floor_one, tasks, chunksize=1))
        pool.close()
        pool.join()
    else:
        made = sum(map(floor_one, tasks))
    wall, cpu = time.perf_counter() - wall, cpu_seconds() - cpu
    size = sum(os.path.getsize(os.path.join(out, f)) for f in os.listdir(out))
    return {"seconds": wall, "cpu": cpu, "derivatives": made, "bytes": size}


def vips_floor_one(task) -> tuple[int, float]:
    """floor_one with libvips: shrink-on-load and orientation in one call, a Lanczos
    cascade, the same widths, crops, formats, qualities and encoder settings (WebP
    effort 4 = Pillow's method 4; JPEG optimised, progressive, 4:4:4, no metadata).
    Returns (derivatives made, CPU seconds spent in the encoders)."""
    import pyvips

    source, out, widths, formats, quality, extras = task
    stem = os.path.splitext(os.path.basename(source))[0]
    image = pyvips.Image.thumbnail(source, widths[-1], height=10_000_000, size="down").copy_memory()
    if image.hasalpha():
        image = image.flatten(background=[255, 255, 255])
    if image.interpretation != "srgb":
        image = image.colourspace("srgb")
    encode = 0.0

    def save(picture, path, fmt):
        nonlocal encode
        started = time.process_time()
        if fmt == "webp":
            picture.webpsave(path, Q=quality["webp"], effort=4, keep="none")
        else:
            picture.jpegsave(path, Q=quality["jpeg"], optimize_coding=True, interlace=True,
                             subsample_mode="off", keep="none")
        encode += time.process_time() - started

    header = pyvips.Image.new_from_file(source)  # the photo's own size, orientation applied
    swap = header.get_typeof("orientation") and header.get("orientation") in (5, 6, 7, 8)
    W = header.height if swap else header.width
    H = round(W * image.height / image.width)
    made, current, sizes = 0, image, {}
    for w in sorted((w for w in widths if w < W), reverse=True) or [W]:
        if current.width != w:
            current = current.resize(w / current.width, vscale=max(1, round(H * w / W)) / current.height,
                                     kernel="lanczos3").copy_memory()
        for fmt in formats:
            save(current, os.path.join(out, f"{stem}-{w}.{'jpg' if fmt == 'jpeg' else fmt}"), fmt)
            made += 1
        sizes[w] = current
    if extras:
        for tag, (tw, th), fmts in extra_jobs(extras, W, formats):  # as ImageOps.fit: centred crop, resize
            source_image = cascade_base(sizes, tw)
            scale = max(tw / source_image.width, th / source_image.height)
            cw, ch = min(source_image.width, round(tw / scale)), min(source_image.height, round(th / scale))
            crop = source_image.crop((source_image.width - cw) // 2, (source_image.height - ch) // 2, cw, ch)
            picture = crop.resize(tw / cw, vscale=th / ch, kernel="lanczos3")
            for fmt in fmts:
                save(picture, os.path.join(out, f"{stem}-{tag}.{'jpg' if fmt == 'jpeg' else fmt}"), fmt)
                made += 1
    return made, encode


def child_vips_floor(payload: dict) -> dict:
    """The libvips floor+ in the .vips-venv: a Pool over the photos, as run_floor does."""
    from multiprocessing import get_context

    import pyvips

    pyvips.concurrency_set(1)  # one thread a worker, as the Pillow floor: --workers processes share the cores
    pyvips.cache_set_max(0)
    tasks = [tuple(t) for t in payload["tasks"]]
    out = payload["out"]
    wall, cpu = time.perf_counter(), cpu_seconds()
    pool = get_context("fork").Pool(payload["workers"])
    results = list(pool.imap_unordered(vips_floor_one, tasks, chunksize=1))
    pool.close()
    pool.join()
    wall, cpu = time.perf_counter() - wall, cpu_seconds() - cpu
    return {"seconds": wall, "cpu": cpu, "derivatives": sum(r[0] for r in results),
            "encode_cpu": sum(r[1] for r in results), "version": pyvips.__version__,
            "libvips": ".".join(str(pyvips.version(i)) for i in range(3)),
            "bytes": sum(os.path.getsize(os.path.join(out, f)) for f in os.listdir(out))}


def run_vips_floor(python: str, photos: list[dict], out: str, workers: int) -> dict:
    s = pipeline_settings()
    os.makedirs(fresh(out))
    use = roles(photos)
    tasks = [(p["path"], out, s["widths"], s["formats"], s["quality"],
              (*use[p["name"]], s["thumb_widths"], s["thumb_aspect"], s["social_size"])) for p in photos]
    return run_child(python, "vipsfloor", {"tasks": tasks, "out": out, "workers": workers})


def ensure_vips() -> str:
    return ensure_venv(VIPS_VENV, VIPS_PINS)


# --------------------------------------------------------------------------- peer


def ensure_peer() -> str:
    return ensure_venv(PEER_VENV, PEER_PINS, "(AGPL; stays out of the repo)")


def ensure_venv(folder: str, pins: tuple[str, ...], note: str = "") -> str:
    """A venv of this folder's own with exactly `pins` (made or remade here); its python."""
    python = os.path.join(folder, "bin", "python")
    names = ", ".join(repr(p.split("==")[0]) for p in pins)
    probe = [python, "-c", f"import importlib.metadata as m; print(*(m.version(n) for n in ({names},)))"]
    wanted = " ".join(p.split("==")[1] for p in pins)
    if os.path.exists(python):
        found = subprocess.run(probe, capture_output=True, text=True)
        if found.returncode == 0 and found.stdout.strip() == wanted:
            return python
    log(f"  creating {os.path.relpath(folder, ROOT)} with {' '.join(pins)} {note}…")
    subprocess.run([sys.executable, "-m", "venv", folder], check=True)
    subprocess.run([python, "-m", "pip", "install", "-q", *pins], check=True)
    return python


# --------------------------------------------------------------------------- quality


def psnr(a, b) -> float:
    from PIL import ImageChops, ImageStat

    if a.size != b.size:
        raise ValueError(f"sizes differ: {a.size} vs {b.size}")
    rms = ImageStat.Stat(ImageChops.difference(a.convert("RGB"), b.convert("RGB"))).rms
    mse = sum(r * r for r in rms) / len(rms)
    return float("inf") if mse == 0 else 10 * math.log10(255 * 255 / mse)


def _jpeg_roundtrip(image, **options):
    import io

    from PIL import Image

    buffer = io.BytesIO()
    image.save(buffer, "JPEG", **options)
    buffer.seek(0)
    with Image.open(buffer) as decoded:
        decoded.load()
        return decoded


def quality(photos: list[dict], ours: str, floor: str, sample: int) -> list[dict]:
    """PSNR of our 960 JPEG, and of its two causes apart: our decode (draft) +
    cascade before encoding, and the JPEG encoding of the reference itself."""
    from PIL import Image, ImageOps

    sys.path.insert(0, PLUGINS)
    from news_images.render import load as pipeline_load, to_srgb as pipeline_srgb

    q = pipeline_settings()["quality"]["jpeg"]

    rng = random.Random(f"{SEED}:quality")
    chosen = sorted(rng.sample(range(len(photos)), min(sample, len(photos))))
    rows = []
    for i in chosen:
        photo = photos[i]
        stem = os.path.splitext(photo["name"])[0]
        found = glob.glob(os.path.join(ours, "**", f"{stem}-" + "[0-9a-f]" * 10 + "-960.jpg"), recursive=True)
        if not found:
            raise SystemExit(f"quality: no 960 JPEG of {photo['name']} in {ours}")
        with Image.open(found[0]) as derivative:
            derivative.load()
        with Image.open(photo["path"]) as source:
            source.load()  # full decode, no draft
            reference = ImageOps.exif_transpose(source).convert("RGB").resize(derivative.size, Image.LANCZOS)
        row = {"name": photo["name"], "kind": photo["kind"], "size": derivative.size, "ours": psnr(derivative, reference)}
        decoded, profile = pipeline_load(photo["path"], 1600)  # as render.render: draft, orient, then the cascade
        cascade = pipeline_srgb(decoded.resize((1600, round(decoded.height * 1600 / decoded.width)), Image.LANCZOS), profile)
        row["resample"] = psnr(cascade.resize(derivative.size, Image.LANCZOS), reference)
        row["encode"] = psnr(_jpeg_roundtrip(reference, quality=q, optimize=True, progressive=True), reference)
        row["encode444"] = psnr(_jpeg_roundtrip(reference, quality=q, subsampling=0, optimize=True, progressive=True), reference)
        floor_file = os.path.join(floor, f"{stem}-960.jpg")
        if os.path.exists(floor_file):
            with Image.open(floor_file) as other:
                row["floor"] = psnr(other, reference) if other.size == derivative.size else float("nan")
        rows.append(row)
    return rows


# --------------------------------------------------------------------------- profile


def profile(args) -> None:
    import pstats

    sys.path.insert(0, HERE)
    import _corpus

    work = os.path.join(args.work, "profile")
    log(f"Profile: first build of {args.profile_photos} photos, 1 worker (in process), cProfile")
    photos = _corpus.ensure(args.work, args.profile_photos, args.workers, log)
    content, output, cache = (os.path.join(work, n) for n in ("content", "output", "cache"))
    write_site(content, photos, with_photos=True)
    fresh(output), fresh(cache)
    stats_file = os.path.join(work, "build.prof")
    result = run_child(sys.executable, "build", {"content": content, "output": output, "cache": cache,
                                                 "workers": 1, "profile": stats_file, "shims": True})
    st = pstats.Stats(stats_file)

    def find(funcname: str, filename_end: str):
        keys = [k for k in st.stats if k[2] == funcname and k[0].replace(os.sep, "/").endswith(filename_end)]
        return keys[0] if keys else None

    def cum(funcname: str, filename_end: str) -> float:
        key = find(funcname, filename_end)
        return st.stats[key][3] if key else 0.0

    def cum_from(funcname: str, filename_end: str, caller_name: str, caller_file: str) -> float:
        key, caller = find(funcname, filename_end), find(caller_name, caller_file)
        if not key or not caller:
            return 0.0
        return st.stats[key][4].get(caller, (0, 0, 0, 0.0))[3]

    me = "benchmarks/photos.py"
    total = cum("site_build", me)
    orient = cum("orient_exif_transpose", me)
    srgb = cum("convert_to_srgb", me)
    parts = [
        ("decode (open, EXIF, draft, JPEG decode)", cum("load", "news_images/render.py") - orient - srgb),
        ("orient (exif_transpose)", orient),
        ("sRGB / ICC conversion", srgb),
        ("resize cascade 1600→960→480", cum_from("resize", "PIL/Image.py", "render", "news_images/render.py")),
        ("encode full WebP", cum("encode_full_webp", me)),
        ("encode full JPEG", cum("encode_full_jpeg", me)),
        ("thumbnails: crop+resize (ImageOps.fit)", cum("crop_thumb", me)),
        ("thumbnails: encode WebP+JPEG", cum("encode_thumb_webp", me) + cum("encode_thumb_jpeg", me)),
        ("social card: crop+resize", cum("crop_social", me)),
        ("social card: encode JPEG", cum("encode_social_jpeg", me)),
        ("hashing sources (blake2b)", cum("digest", "news_images/probe.py")),
        ("probing headers", cum("probe", "news_images/probe.py") - cum("digest", "news_images/probe.py")),
        ("cache lookups (render.missing)", cum("missing", "news_images/render.py")),
        ("placing derivatives in output (link or copy)", cum("publish", "news_images/pipeline.py")
         - cum("_run", "news_images/pipeline.py")
         - cum_from("missing", "news_images/render.py", "publish", "news_images/pipeline.py")),
        ("HTML rewrite to <picture>", cum("rewrite", "news_images/html.py") + cum("social_image", "news_images/html.py")),
    ]
    render_total = cum("render", "news_images/render.py")
    in_render = sum(v for label, v in parts[:10])
    parts.append(("render: other (makedirs, bookkeeping)", max(0.0, render_total - in_render)))
    photo_work = sum(v for _, v in parts)
    parts.append(("rest of the build (Pelican, Markdown, templates)", total - photo_work))
    n = len(photos)
    log(f"  build: {total:.2f} s under cProfile ({result['seconds']:.2f} s wall in child), {n} photos, "
        f"{result['stats'].get('derivatives', 0)} derivatives; photo work {photo_work:.2f} s = {photo_work / n:.3f} s/photo")
    log(f"  {'where':<50} {'s':>7} {'% photo':>8} {'% build':>8}")
    for label, value in parts:
        share = "       -" if label.startswith("rest") else f"{100 * value / photo_work:7.1f}%"
        log(f"  {label:<50} {value:7.2f} {share} {100 * value / total:7.1f}%")
    top = os.path.join(work, "top.txt")
    with open(top, "w") as handle:
        pstats.Stats(stats_file, stream=handle).sort_stats("tottime").print_stats(40)
    log(f"  top functions by own time: {top}")


# --------------------------------------------------------------------------- main


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--photos", type=int, default=200, help="photos in the corpus (default 200)")
    parser.add_argument("--workers", type=int, default=2, help="processes for ours and the floor (default 2)")
    parser.add_argument("--work", default="/tmp/bench", help="work folder (default /tmp/bench)")
    parser.add_argument("--sample", type=int, default=20, help="photos in the PSNR sample (default 20)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of the cheap builds; the median counts (default 3)")
    parser.add_argument("--rounds", type=int, default=2,
                        help="rounds of (first build, floor); the fastest of each counts (default 2)")
    parser.add_argument("--no-floor-plus", dest="floor_plus", action="store_false",
                        help="skip floor+ (the floor also making our thumbnails and social cards)")
    parser.add_argument("--skip-peer", action="store_true", help="do not build the peer")
    parser.add_argument("--skip-vips", action="store_true", help="do not run the libvips floor+")
    parser.add_argument("--profile", action="store_true", help="only profile a first build (cProfile, 1 worker)")
    parser.add_argument("--profile-photos", type=int, default=30, help="photos for --profile (default 30)")
    args = parser.parse_args()
    if args.profile:
        profile(args)
        return 0

    sys.path.insert(0, HERE)
    import _corpus

    other = Interference()
    run = os.path.join(args.work, "run")
    os.makedirs(run, exist_ok=True)
    log(f"Photo pipeline benchmark: {args.photos} photos, {args.workers} workers, {os.cpu_count()} cores, work in {run}")

    log("\n[1] corpus")
    t = time.perf_counter()
    photos = _corpus.ensure(args.work, args.photos, args.workers, log)
    kinds = {}
    for p in photos:
        kinds[p["kind"]] = kinds.get(p["kind"], 0) + 1
    total_mb = sum(p["bytes"] for p in photos) / 1e6
    log(f"  {len(photos)} photos, {total_mb:.0f} MB ({total_mb / len(photos):.1f} MB each), "
        + ", ".join(f"{v} {k}" for k, v in sorted(kinds.items())) + f"  [{time.perf_counter() - t:.1f} s]")

    log("\n[2] ours: news_build.runner.build with news_images")
    content, pages = os.path.join(run, "content"), os.path.join(run, "content-pages-only")
    expected = write_site(content, photos, with_photos=True)
    write_site(pages, photos, with_photos=False)
    n_articles = len(articles(photos))
    log(f"  {n_articles} articles; expected derivatives: {expected['full']} full + {expected['thumb']} thumbnails "
        f"+ {expected['social']} social cards")
    cache = fresh(os.path.join(run, "cache"))

    def ours(content_dir, cache_dir, tag):
        return run_child(sys.executable, "build", {
            "content": content_dir, "output": fresh(os.path.join(run, f"out-{tag}")),
            "cache": cache_dir, "workers": args.workers, "instrument": True})

    ours(pages, fresh(os.path.join(run, "cache-pages")), "pages")  # warm-up (disk, imports), not counted
    floor_dir = os.path.join(run, "floor")
    firsts, floors, floor_pluses, vips_floors = [], [], [], []
    vips_python = None if args.skip_vips or not args.floor_plus else ensure_vips()
    for r in range(args.rounds):  # first build and floor alternate; the fastest round of each counts
        firsts.append(other.measure(f"first build {r + 1}", ours, content, fresh(cache), "first"))
        log(f"  round {r + 1}: first build {firsts[-1]['seconds']:.2f} s wall, {firsts[-1]['cpu']:.1f} s CPU "
            f"(other processes: {other.phases[-1][1]:.1f} CPU-s)")
        floors.append(other.measure(f"floor {r + 1}", run_floor, photos, floor_dir, args.workers))
        log(f"  round {r + 1}: floor       {floors[-1]['seconds']:.2f} s wall, {floors[-1]['cpu']:.1f} s CPU "
            f"(other processes: {other.phases[-1][1]:.1f} CPU-s)")
        if args.floor_plus:
            floor_pluses.append(other.measure(f"floor+ {r + 1}", run_floor, photos, floor_dir + "-plus", args.workers, True))
            log(f"  round {r + 1}: floor+      {floor_pluses[-1]['seconds']:.2f} s wall, {floor_pluses[-1]['cpu']:.1f} s CPU "
                f"(other processes: {other.phases[-1][1]:.1f} CPU-s)")
        if vips_python:
            vips_floors.append(other.measure(f"libvips floor+ {r + 1}", run_vips_floor, vips_python, photos,
                                             floor_dir + "-vips", args.workers))
            log(f"  round {r + 1}: libvips floor+ {vips_floors[-1]['seconds']:.2f} s wall, "
                f"{vips_floors[-1]['cpu']:.1f} s CPU, {vips_floors[-1]['encode_cpu']:.1f} s of it encoding "
                f"(other processes: {other.phases[-1][1]:.1f} CPU-s)")
    first = min(firsts, key=lambda r: r["seconds"])
    floor = min(floors, key=lambda r: r["seconds"])
    floor_plus = min(floor_pluses, key=lambda r: r["seconds"]) if floor_pluses else None
    vips_floor = min(vips_floors, key=lambda r: r["seconds"]) if vips_floors else None
    made = first["outputs"]
    ours_derivatives = made["full"] + made["thumb"] + made["social"]
    log(f"  first build (empty cache): {first['seconds']:.2f} s wall, {first['cpu']:.1f} s CPU; ok={first['ok']} "
        f"errors={first['errors']} warnings={first['warnings']}; stats {first['stats']}")
    log(f"    published {made['full']} full + {made['thumb']} thumbnails + {made['social']} social = "
        f"{ours_derivatives} derivatives, {made['bytes'] / 1e6:.1f} MB")
    log(f"    inside news_images: " + ", ".join(f"{k} {v:.2f} s" for k, v in first["inside"].items()))
    if not first["ok"] or first["stats"].get("photos") != len(photos):
        log("  !! the first build did not succeed or did not see every photo:\n" + first["stderr"][-3000:])
    if (made["full"], made["thumb"], made["social"]) != (expected["full"], expected["thumb"], expected["social"]):
        log(f"  !! derivative counts differ from the plan: expected {expected}")

    pages_runs, rebuild_runs = [], []
    for _ in range(args.repeat):  # interleaved, so drift hits both alike
        pages_runs.append(other.measure("pages-only", ours, pages, fresh(os.path.join(run, "cache-pages")), "pages"))
        rebuild_runs.append(other.measure("rebuild", ours, content, cache, "rebuild"))
    pages_s = statistics.median(r["seconds"] for r in pages_runs)
    log(f"  pages-only build (same articles, no photos): median {pages_s:.2f} s of "
        + ", ".join(f"{r['seconds']:.2f}" for r in pages_runs))
    rebuild_s = statistics.median(r["seconds"] for r in rebuild_runs)
    rb = rebuild_runs[0]
    log(f"  no-change rebuild (same cache, fresh output): median {rebuild_s:.2f} s of "
        + ", ".join(f"{r['seconds']:.2f}" for r in rebuild_runs) + f"; stats {rb['stats']}")
    inside_rb = {k: statistics.median(r["inside"][k] for r in rebuild_runs) for k in rb["inside"]}
    log(f"    inside news_images (median): " + ", ".join(f"{k} {v * 1000:.0f} ms" for k, v in inside_rb.items()))

    n = len(photos)
    first_photo_s = (first["seconds"] - pages_s) / n
    first_whole_s = first["seconds"] / n
    ours_per_deriv = (first["seconds"] - pages_s) / ours_derivatives
    pages_cpu = statistics.median(r["cpu"] for r in pages_runs)
    ours_cpu_per_deriv = (first["cpu"] - pages_cpu) / ours_derivatives
    ours_cpu_photo_s = (first["cpu"] - pages_cpu) / n
    floor_cpu_photo_s = floor["cpu"] / n
    rebuild_photo_ms = (rebuild_s - pages_s) / n * 1000
    rebuild_whole_ms = rebuild_s / n * 1000
    rebuild_inside_ms = sum(inside_rb.values()) / n * 1000

    log("\n[3] floor: plain Pillow, multiprocessing.Pool (timed in [2], alternating with the first build)")
    floor_photo_s = floor["seconds"] / n
    floor_per_deriv = floor["seconds"] / floor["derivatives"]
    log(f"  {floor['seconds']:.2f} s wall, {floor['cpu']:.1f} s CPU, {floor['derivatives']} derivatives "
        f"(full sizes only: 480/960/1600 × WebP+JPEG), {floor['bytes'] / 1e6:.1f} MB")
    log(f"  floor {floor_photo_s:.3f} s/photo, {floor_per_deriv * 1000:.1f} ms/derivative; "
        f"ours {first_photo_s:.3f} s/photo, {ours_per_deriv * 1000:.1f} ms/derivative "
        f"(ours makes {ours_derivatives - made['full']} more: {made['thumb']} thumbnails, {made['social']} social cards)")
    if floor_plus:
        floor_plus_photo_s = floor_plus["seconds"] / n
        log(f"  floor+ (the floor also making the same thumbnails and social cards, from its cascade): "
            f"{floor_plus['seconds']:.2f} s wall, {floor_plus['cpu']:.1f} s CPU, {floor_plus['derivatives']} derivatives, "
            f"{floor_plus_photo_s:.3f} s/photo")

    peer = None
    if not args.skip_peer:
        log("\n[4] peer: pelican-image-process 3.4.0, its own Pelican build (single process; it has no workers)")
        python = ensure_peer()
        conf_pages = write_peer_site(os.path.join(run, "peer-pages"), photos, False)
        conf_full = write_peer_site(os.path.join(run, "peer"), photos, True)
        peer_pages = other.measure("peer pages-only", run_child, python, "peer", {"conf": conf_pages})
        peer_full = other.measure("peer build", run_child, python, "peer", {"conf": conf_full})
        peer = {
            "seconds": peer_full["seconds"], "pages": peer_pages["seconds"], "derivatives": peer_full["derivatives"],
            "photo_s": peer_full["seconds"] - peer_pages["seconds"], "cpu": peer_full["cpu"] - peer_pages["cpu"],
        }
        peer["per_photo"] = peer["photo_s"] / n
        peer["per_deriv"] = peer["photo_s"] / max(1, peer["derivatives"])
        peer["cpu_per_deriv"] = peer["cpu"] / max(1, peer["derivatives"])
        log(f"  build {peer_full['seconds']:.2f} s, pages-only {peer_pages['seconds']:.2f} s, "
            f"{peer_full['derivatives']} derivatives (480w/960w/1600w JPEG, Pillow's default quality 75, "
            f"full decode for each), {peer_full['bytes'] / 1e6:.1f} MB")
        log(f"  peer {peer['per_photo']:.3f} s/photo, {peer['per_deriv'] * 1000:.1f} ms/derivative "
            f"({peer['cpu_per_deriv'] * 1000:.1f} ms CPU); ours {ours_per_deriv * 1000:.1f} ms/derivative "
            f"({ours_cpu_per_deriv * 1000:.1f} ms CPU)")
        if peer_full["derivatives"] != 3 * n:
            log(f"  !! the peer made {peer_full['derivatives']} derivatives, expected {3 * n}:\n{peer_full['stderr'][-2000:]}")

    log(f"\n[5] quality: PSNR of the 960 JPEG vs full decode + exif_transpose + LANCZOS, {args.sample} photos")
    rows = quality(photos, os.path.join(run, "out-first"), floor_dir, args.sample)
    for row in rows:
        log(f"  {row['name']} {row['kind']:<12} {row['size'][0]}×{row['size'][1]}  ours {row['ours']:.2f} dB"
            f"  floor {row.get('floor', float('nan')):.2f} dB  | resample only {row['resample']:.2f} dB,"
            f" JPEG q82 of the reference {row['encode']:.2f} dB (4:4:4: {row['encode444']:.2f} dB)")
    q_ours = [r["ours"] for r in rows]
    q_floor = [r["floor"] for r in rows if "floor" in r]
    log(f"  min/mean: ours {min(q_ours):.2f}/{statistics.mean(q_ours):.2f} dB; resample only "
        f"{min(r['resample'] for r in rows):.2f}/{statistics.mean(r['resample'] for r in rows):.2f} dB; "
        f"JPEG q82 4:2:0 of the reference {min(r['encode'] for r in rows):.2f}/{statistics.mean(r['encode'] for r in rows):.2f} dB; "
        f"4:4:4 {min(r['encode444'] for r in rows):.2f}/{statistics.mean(r['encode444'] for r in rows):.2f} dB")

    # ------------------------------------------------------------------ table
    def verdict(ok: bool | None) -> str:
        return "info" if ok is None else ("PASS" if ok else "FAIL")

    # The floor is "the same derivatives made by a plain Pillow loop": floor+
    # makes exactly ours (full sizes, thumbnails, social cards), so the target is on it.
    table = [
        *([("First build, photo part, s/photo vs floor+ (same derivatives)", fmt_s(first_photo_s),
            f"floor+ {fmt_s(floor_plus_photo_s)}", f"{first_photo_s / floor_plus_photo_s:.2f}",
            f"≤ {TARGET_FLOOR_RATIO}", verdict(first_photo_s / floor_plus_photo_s <= TARGET_FLOOR_RATIO))]
          if floor_plus else []),
        *([("First build, photo part, s/photo vs floor+ (issue #19 goal)", fmt_s(first_photo_s),
            f"floor+ {fmt_s(floor_plus_photo_s)}", f"{first_photo_s / floor_plus_photo_s:.2f}",
            f"≤ {TARGET_VIPS_RATIO}", verdict(first_photo_s / floor_plus_photo_s <= TARGET_VIPS_RATIO))]
          if floor_plus else []),
        *([(f"libvips {vips_floor['libvips']} floor+, s/photo vs Pillow floor+", fmt_s(vips_floor["seconds"] / n),
            f"floor+ {fmt_s(floor_plus_photo_s)}", f"{vips_floor['seconds'] / n / floor_plus_photo_s:.2f}",
            f"≤ {TARGET_VIPS_RATIO}", verdict(None)),
           ("  same, CPU s/photo", fmt_s(vips_floor["cpu"] / n), f"floor+ {fmt_s(floor_plus['cpu'] / n)}",
            f"{vips_floor['cpu'] / floor_plus['cpu']:.2f}", "-", verdict(None)),
           ("  of it in the encoders (same libjpeg-turbo, libwebp)", fmt_s(vips_floor["encode_cpu"] / n),
            f"{vips_floor['encode_cpu'] / vips_floor['cpu'] * 100:.0f} %", "-", "-", verdict(None))]
          if vips_floor and floor_plus else []),
        ("First build, photo part, s/photo vs floor (full sizes only)", fmt_s(first_photo_s), f"floor {fmt_s(floor_photo_s)}",
         f"{first_photo_s / floor_photo_s:.2f}", "-" if floor_plus else f"≤ {TARGET_FLOOR_RATIO}",
         verdict(None if floor_plus else first_photo_s / floor_photo_s <= TARGET_FLOOR_RATIO)),
        ("First build, photo part, ms/derivative", f"{ours_per_deriv * 1000:.1f}", f"floor {floor_per_deriv * 1000:.1f}",
         f"{ours_per_deriv / floor_per_deriv:.2f}", "-", verdict(None)),
        ("First build, photo part, CPU s/photo (all processes)", fmt_s(ours_cpu_photo_s), f"floor {fmt_s(floor_cpu_photo_s)}",
         f"{ours_cpu_photo_s / floor_cpu_photo_s:.2f}", "-", verdict(None)),
        ("First build, whole build, s/photo", fmt_s(first_whole_s), f"floor {fmt_s(floor_photo_s)}",
         f"{first_whole_s / floor_photo_s:.2f}", "-", verdict(None)),
        ("No-change rebuild, photo part, ms/photo", f"{rebuild_photo_ms:.2f}", f"pages-only {pages_s:.2f} s",
         "-", f"< {TARGET_REBUILD_MS}", verdict(rebuild_photo_ms < TARGET_REBUILD_MS)),
        ("No-change rebuild, inside news_images, ms/photo", f"{rebuild_inside_ms:.2f}", "-", "-", "-", verdict(None)),
        ("No-change rebuild, whole build, ms/photo", f"{rebuild_whole_ms:.2f}", "-", "-", "-", verdict(None)),
    ]
    if peer:
        speedup = peer["per_deriv"] / ours_per_deriv
        table += [
            ("Speed-up vs pelican-image-process, per derivative", f"{ours_per_deriv * 1000:.1f} ms",
             f"peer {peer['per_deriv'] * 1000:.1f} ms", f"{speedup:.2f}×", f"≥ {TARGET_PEER_SPEEDUP}×",
             verdict(speedup >= TARGET_PEER_SPEEDUP)),
            ("  same, CPU time per derivative (peer: 1 process)", f"{ours_cpu_per_deriv * 1000:.1f} ms",
             f"peer {peer['cpu_per_deriv'] * 1000:.1f} ms", f"{peer['cpu_per_deriv'] / ours_cpu_per_deriv:.2f}×", "-", verdict(None)),
            ("  per photo (peer makes 3, ours ~8)", fmt_s(first_photo_s) + " s", f"peer {fmt_s(peer['per_photo'])} s",
             f"{peer['per_photo'] / first_photo_s:.2f}×", "-", verdict(None)),
        ]
    table += [
        ("PSNR 960 JPEG, min over sample (dB)", f"{min(q_ours):.2f}", f"floor {min(q_floor):.2f}" if q_floor else "-",
         "-", f"≥ {TARGET_PSNR}", verdict(min(q_ours) >= TARGET_PSNR)),
        ("PSNR 960 JPEG, mean over sample (dB)", f"{statistics.mean(q_ours):.2f}",
         f"floor {statistics.mean(q_floor):.2f}" if q_floor else "-", "-", f"≥ {TARGET_PSNR}",
         verdict(statistics.mean(q_ours) >= TARGET_PSNR)),
    ]
    head = ("figure", "ours", "baseline", "ratio", "target", "result")
    widths = [max(len(str(row[i])) for row in [head, *table]) for i in range(len(head))]
    line = "  ".join("-" * w for w in widths)
    log(f"\n[6] results: {n} photos ({ours_derivatives} derivatives ours, {floor['derivatives']} floor"
        + (f", {peer['derivatives']} peer" if peer else "") + f"), {args.workers} workers, {os.cpu_count()} cores")
    log(line)
    log("  ".join(str(h).ljust(w) for h, w in zip(head, widths)))
    log(line)
    for row in table:
        log("  ".join(str(c).ljust(w) for c, w in zip(row, widths)))
    log(line)
    failed = [row[0] for row in table if row[-1] == "FAIL"]
    log(f"Other processes on this machine used {other.report()} "
        "(0 means the figures were measured on a quiet machine).")
    log("ALL TARGETS PASS" if not failed else f"FAIL: {len(failed)} target(s) missed: " + "; ".join(failed))
    return 0


if __name__ == "__main__":
    if len(sys.argv) > 3 and sys.argv[1] == "--child":
        kind, payload = sys.argv[2], json.loads(sys.argv[3])
        result = {"build": child_build, "peer": child_peer, "vipsfloor": child_vips_floor}[kind](payload)
        print("RESULT " + json.dumps(result), flush=True)
        sys.exit(0)
    sys.exit(main())
