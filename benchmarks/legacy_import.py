#!/usr/bin/env python
"""Throughput of `invoke import-legacy` (plugins/news_legacy) on generated legacy pages.

    .venv/bin/python benchmarks/legacy_import.py [--pages 1000] [--profile]

1. corpus   --pages legacy article pages, seeded: the three fixture pages of
            tests/fixtures/legacy/ (the seed saved by a browser, an HTTrack page
            in Windows-1258 with a table layout and <br> soup, a wget page with
            HTML5 figures) used as templates, their chrome kept, title, meta
            line and body replaced by ~1,150 words of Vietnamese news prose
            drawn from content/**/index.md, 3 captioned photos each and a
            closing "Một số hình ảnh" gallery on every other page. No photo
            files: the target is "without photos"; each photo is reported
            missing, which exercises that path too. Written to /tmp/bench/legacy-<n>/.
2. floor    the least any importer pays: read the bytes, decode, parse with
            BeautifulSoup's html.parser and take the page's text.
3. ours     import_pages() into an empty content folder (extract, categories,
            Markdown, write), then again into the same folder (nothing changes).
4. table    pages per second for each, and ours as a ratio of the floor's time.
            Target: ≥ 100 pages/s on one core (the whole run is one process;
            issue #20 keeps it there while the importer learns new portals).

`--profile` runs the first import under cProfile and prints the top functions.
"""

from __future__ import annotations

import argparse
import cProfile
import glob
import io
import os
import pstats
import random
import re
import shutil
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, os.path.join(ROOT, "plugins"))
sys.path.insert(0, HERE)
FIXTURES = os.path.join(ROOT, "tests", "fixtures", "legacy")
SEED = 20250701
WORDS = 1150
TARGET = 100.0

TEMPLATES = {  # fixture page, selector of the body, of the title, of the meta line, charset
    "luu-trang": ("luu-trang/Quận Đống Đa tổ chức Hội nghị biểu dương kết quả phong trào thi đua năm 2023.html",
                  ".content-detail", "h1.title-detail", ".date-detail", "utf-8"),
    "httrack": ("httrack/dongda.hanoi.gov.vn/Portal/News/Detailcef1.html",
                "td.noidung", "td.tieude b", "td.ngaydang", "cp1258"),
    "wget": ("wget/dongda.hanoi.gov.vn/tin-tuc/chi-tiet.aspx@id=4127.html",
             ".article-body", "h1", "p.meta", "utf-8"),
}


def paragraphs() -> list[str]:
    """Every prose paragraph of the sample articles of 25 words or more."""
    from _articles import paragraphs as sample_paragraphs

    return sample_paragraphs(min_words=25)


def templates() -> dict[str, tuple[str, str]]:
    """Each fixture page as a format string with {title}, {meta} and {body}; and its charset."""
    from bs4 import BeautifulSoup

    from news_legacy.decode import decode

    made = {}
    for name, (path, body, title, meta, charset) in TEMPLATES.items():
        with open(os.path.join(FIXTURES, path), "rb") as handle:
            soup = BeautifulSoup(decode(handle.read()), "html.parser")
        soup.select_one(body).clear()
        soup.select_one(body).append("@@BODY@@")
        soup.select_one(title).string = "@@TITLE@@"
        soup.select_one(meta).string = "@@META@@"
        declared = "windows-1258" if charset == "cp1258" else charset
        text = soup.decode(eventual_encoding=declared).replace("{", "{{").replace("}", "}}")
        made[name] = (text.replace("@@BODY@@", "{body}").replace("@@TITLE@@", "{title}")
                      .replace("@@META@@", "{meta}"), charset)
    return made


def page(rng: random.Random, prose: list[str], number: int, style: str) -> tuple[str, str, str]:
    """(title, meta line, body HTML) of page `number` in the markup `style`."""
    words = rng.choice(prose).split()
    title = " ".join(words[: rng.randint(9, 16)]).rstrip(",.;:") + f" - tin số {number}"
    day = rng.randint(1, 28)
    month = rng.randint(1, 12)
    meta = (f"Ngày đăng {day:02d}/{month:02d}/{rng.randint(2009, 2025)} | {rng.randint(6, 21):02d}:{rng.randint(0, 59):02d}"
            f" | Lượt xem: {rng.randint(40, 25000):,}".replace(",", "."))
    chosen, count = [], 0
    while count < WORDS:
        para = rng.choice(prose)
        chosen.append(para)
        count += len(para.split())
    body = []
    photo_at = {3, 7, 11}
    for i, para in enumerate(chosen):
        body.append(f"<p>{para}</p>" if style != "httrack" else f"&nbsp;&nbsp;&nbsp;{para}<br>\n<br>")
        if i in photo_at:
            caption = " ".join(rng.choice(prose).split()[:rng.randint(6, 18)])
            body.append(photo(style, f"/Uploads/{number}/anh-{i}.jpg", caption))
    if number % 2:
        body.append(f"<p><strong>Một số hình ảnh: {title}</strong></p>")
        for j in range(4):
            caption = " ".join(rng.choice(prose).split()[:rng.randint(6, 18)])
            body.append(photo(style, f"/Uploads/{number}/album-{j}.jpg", caption))
    return title, meta, "\n".join(body)


def photo(style: str, src: str, caption: str) -> str:
    if style == "wget":
        return f'<figure class="image"><img src="{src}" alt=""><figcaption>{caption}</figcaption></figure>'
    if style == "httrack":
        return (f'<table class="image" align="center"><tr><td><img src="http://dongda.hanoi.gov.vn{src}"></td></tr>'
                f'<tr><td class="chuthich"><i>{caption}</i></td></tr></table><br>')
    return (f'<p style="text-align: center;"><img alt="" src="{src}"></p>'
            f'<p style="text-align: center;"><em>{caption}</em></p>')


def make_corpus(count: int) -> str:
    folder = f"/tmp/bench/legacy-{count}"
    if os.path.isdir(folder) and len(glob.glob(os.path.join(folder, "*", "*.html"))) == count:
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    rng, prose, made = random.Random(SEED), paragraphs(), templates()
    styles = list(TEMPLATES)
    for number in range(count):
        style = styles[number % len(styles)]
        text, charset = made[style]
        title, meta, body = page(rng, prose, number, style)
        html = text.format(title=title, meta=meta, body=body)
        if style == "wget":
            html = re.sub(r'href="https://dongda\.hanoi\.gov\.vn/tin-tuc/chi-tiet\.aspx\?id=4127"',
                          f'href="https://dongda.hanoi.gov.vn/tin-tuc/chi-tiet.aspx?id={10000 + number}"', html)
        elif style == "luu-trang":
            html = html.replace("-t8247.html", f"-t{20000 + number}.html")
        else:
            html = html.replace("id=2711", f"id={30000 + number}")
        os.makedirs(os.path.join(folder, style), exist_ok=True)
        with open(os.path.join(folder, style, f"trang-{number:05d}.html"), "wb") as handle:
            handle.write(encode(html, charset))
    return folder


def encode(text: str, charset: str) -> bytes:
    """Windows-1258 as Windows writes it: base letters with their shape, tones combining."""
    if charset != "cp1258":
        return text.encode(charset)
    import unicodedata

    out = []
    for ch in text:
        try:
            out.append(ch.encode("cp1258"))
            continue
        except UnicodeEncodeError:
            pass
        parts = unicodedata.normalize("NFD", ch)
        shape = "".join(m for m in parts[1:] if m in "\u0302\u0306\u031b")
        tones = "".join(m for m in parts[1:] if m not in shape)
        out.append((unicodedata.normalize("NFC", parts[0] + shape) + tones).encode("cp1258", "replace"))
    return b"".join(out)


def floor(folder: str) -> float:
    from bs4 import BeautifulSoup

    from news_legacy.decode import decode

    started = time.perf_counter()
    for path in sorted(glob.glob(os.path.join(folder, "*", "*.html"))):
        with open(path, "rb") as handle:
            BeautifulSoup(decode(handle.read()), "html.parser").get_text(" ")
    return time.perf_counter() - started


def ours(folder: str, into: str, cfg, profile: bool = False):
    from news_legacy.command import import_pages

    mapping = os.path.join(into, "..", "chuyen-muc.yml")
    with open(mapping, "w", encoding="utf-8") as handle:
        handle.write("Tin hoạt động: Tin tức - Sự kiện\nThể thao: Văn hóa - Xã hội\n")
    profiler = cProfile.Profile() if profile else None
    started = time.perf_counter()
    if profiler:
        profiler.enable()
    report = import_pages([folder], into, cfg, mapping, False)
    if profiler:
        profiler.disable()
    seconds = time.perf_counter() - started
    if profiler:
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(25)
        print(out.getvalue())
    return seconds, report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    from news_editor.editor import load_config

    cfg = load_config(os.path.join(ROOT, "pelicanconf.py"))
    started = time.perf_counter()
    folder = make_corpus(args.pages)
    size = sum(os.path.getsize(p) for p in glob.glob(os.path.join(folder, "*", "*.html")))
    print(f"corpus: {args.pages} pages, {size / args.pages / 1024:.1f} KB a page, "
          f"in {folder} ({time.perf_counter() - started:.1f} s to make or find)")
    base = floor(folder)
    work = f"/tmp/bench/legacy-import-{os.getpid()}"
    into = os.path.join(work, "content")
    os.makedirs(into)
    try:
        first, report = ours(folder, into, cfg, args.profile)
        again, second = ours(folder, into, cfg)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    assert len(report.new) == args.pages and not report.skipped, (len(report.new), report.skipped[:3])
    assert len(second.unchanged) == args.pages, len(second.unchanged)
    rate = args.pages / first
    rows = [
        ("floor: read, decode, parse, get text", args.pages / base, 1.0, ""),
        ("ours: first import (writes every article)", rate, first / base, "PASS" if rate >= TARGET else "FAIL"),
        ("ours: import again (nothing changes)", args.pages / again, again / base, ""),
    ]
    print(f"\n{'':44} {'pages/s':>9} {'time ÷ floor':>13}  target ≥ {TARGET:.0f} pages/s")
    for label, per_second, ratio, verdict in rows:
        print(f"{label:44} {per_second:9.1f} {ratio:12.2f}×  {verdict}")
    print(f"\nphotos reported missing: {len(report.photos_missing)} (no photo files, by design)")


if __name__ == "__main__":
    main()
