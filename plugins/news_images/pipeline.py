"""Turn the photos of written articles into cached derivatives in output/."""

from __future__ import annotations

import logging
import os
import posixpath
import shutil
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor

from news_core.errors import ContentError
from news_core.output import OutputLog

from .plan import plan
from .render import Job, missing, render
from .settings import Config

logger = logging.getLogger("news_images")


def photo_folder(content, photo, own: str | None = None) -> str:
    """Site-relative folder a photo's derivatives are published in (`own`: the
    content's own folder, when the caller has worked it out already)."""
    if photo.shared:
        return "anh"
    return posixpath.dirname(content.save_as) if own is None else own


def derivatives_of(photo, cfg: Config, roles, focus=None) -> tuple:
    """`focus`: the content's `focus:` (x %, y %), for its cover's crops only."""
    cover = "cover" in roles
    return plan(photo.stem, photo.digest, photo.width, photo.height, cfg,
                gallery="gallery" in roles, cover=cover, focus=focus if cover else None)


def publish(contents, output_path: str, cfg: Config, outputs: OutputLog | None = None) -> dict:
    """Render what the cache lacks (in parallel), then copy into the output,
    recording each file placed in `outputs` (the build's Build.outputs)."""
    if outputs is None:
        outputs = OutputLog()
    wanted = defaultdict(set)  # (source, digest) -> derivatives
    places = defaultdict(set)  # (source, digest) -> output folders
    photos = {}
    for content in contents:
        roles = getattr(content, "photo_roles", {}) or {}
        focus = getattr(content, "focus", None)
        own = None
        for index, photo in enumerate(getattr(content, "photos", None) or []):
            key = (photo.source, photo.digest)
            photos[key] = photo
            wanted[key].update(derivatives_of(photo, cfg, roles.get(index, ()), focus))
            own = own or posixpath.dirname(content.save_as)
            places[key].add(photo_folder(content, photo, own))
    jobs = [
        Job(source, os.path.join(cfg.cache_path, digest[:2], f"{digest}-{cfg.pixel_key}"),
            tuple(sorted(wanted[(source, digest)], key=lambda d: d.name)), cfg.quality, cfg.max_pixels)
        for source, digest in sorted(wanted)
    ]
    todo = [job for job in jobs if missing(job)]
    encoded = _run(todo, cfg.workers, photos)
    copied = 0
    for job, key in zip(jobs, sorted(wanted)):
        tag = os.path.basename(job.folder)  # the photo's hash and the settings that shape its pixels
        for folder in sorted(places[key]):
            if outputs.placed_before(folder, [item.name for item in job.derivatives], tag):
                continue  # linked by the last build into this same output folder, from the same pixels
            target = os.path.join(output_path, *folder.split("/"))
            if not os.path.isdir(target):
                os.makedirs(target, exist_ok=True)
            for item in job.derivatives:
                source = f"{job.folder}{os.sep}{item.name}"
                try:
                    found = os.stat(source)
                except OSError:
                    continue
                place(source, f"{target}{os.sep}{item.name}", found, tag, outputs)
                copied += 1
    stats = {"photos": len(jobs), "rendered": len(todo), "derivatives": encoded, "copied": copied}
    logger.info("[news_images] %(photos)d ảnh: %(rendered)d ảnh mã hóa mới, %(copied)d tệp chép vào output", stats)
    return stats


def place(source: str, target: str, found: os.stat_result | None = None, tag: str = "",
          outputs: OutputLog | None = None) -> None:
    """Hard-link a cached derivative into the output (fast, no extra disk);
    copy where links are impossible (another disk, Windows FAT, …). `found`:
    the source's stat, when the caller has it; `tag`: what it was made from,
    recorded in `outputs`."""
    if outputs is not None:
        outputs.produced(target, tag)
    try:
        there = os.stat(target)
    except OSError:
        there = None
    if there is not None:
        found = found or os.stat(source)
        if (there.st_dev, there.st_ino) == (found.st_dev, found.st_ino):
            return
        os.remove(target)
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)


def _run(todo: list[Job], workers: int, photos: dict) -> int:
    if not todo:
        return 0
    results = []
    if workers > 1 and len(todo) > 1:
        with ProcessPoolExecutor(max_workers=min(workers, len(todo)), mp_context=_context()) as pool:
            futures = [(job, pool.submit(render, job)) for job in todo]
            for job, future in futures:
                results.append(_result(job, future.result, photos))
    else:
        for job in todo:
            results.append(_result(job, lambda job=job: render(job), photos))
    return sum(results)


def _context():
    """Workers that start small: a forked worker would count the whole build's
    memory as its own (a copy of every article), and the photos it decodes on
    top. The fork server is a fresh Python that imports only what rendering needs;
    where there is none (Windows), a fresh process per worker."""
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    if "forkserver" in methods:
        context.set_forkserver_preload(["news_images.render"])
    return context


def _result(job: Job, get, photos: dict) -> int:
    try:
        return get()
    except Exception as exc:  # a photo that headers could not reveal as broken
        photo = next(p for (source, _), p in photos.items() if source == job.source)
        ContentError(
            photo.article, photo.line, "ảnh",
            f'không xử lý được ảnh "{photo.ref}" ({type(exc).__name__}: {exc})',
            "Chép lại ảnh gốc từ máy ảnh hoặc điện thoại.",
        ).log()
        return 0
