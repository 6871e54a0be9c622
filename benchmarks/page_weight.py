#!/usr/bin/env python
"""What a reader downloads: each main page's HTML, CSS and JavaScript, compressed.

    .venv/bin/python benchmarks/page_weight.py

Builds the sample content twice in one run: with our theme and production
settings (minified, as readers get it), and, as the baseline, with Pelican's
stock theme (notmyidea) over the same articles and plugins. For each page it follows what the page loads (stylesheets and their
@imports, scripts and their static ES module imports, modulepreloads) and sums
gzip -9 sizes (what pre-compressed .gz files weigh). Photos and fonts are
counted apart: photos depend on the article, the font is one 22 KB file a
reader's browser caches once for every page. The lightbox core, imported the
first time a reader opens a photo, is shown on its own line.

Target (issue #4): an article page's HTML, CSS and JavaScript ≤ 40 KB compressed.
"""

from __future__ import annotations

import gzip
import os
import re
import sys
import tempfile
from pathlib import Path

from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
BUDGET = 40 * 1024
SITEURL = "https://dongda.hanoi.gov.vn"
SEED = "quan-uy-hdnd-mttq-doan-the/quan-dong-da-to-chuc-hoi-nghi-bieu-duong-ket-qua-phong-trao-thi-dua-nam-2023"
PAGES = {  # name: (our page, the stock theme's page for the same content or None)
    "article with gallery": (f"{SEED}/index.html", f"{SEED}/index.html"),
    "home": ("index.html", "index.html"),
    "category": ("quan-uy-hdnd-mttq-doan-the/index.html", "quan-uy-hdnd-mttq-doan-the/index.html"),
    "tag": ("the/thi-dua-khen-thuong/index.html", "the/thi-dua-khen-thuong/index.html"),
    "archive by month": ("luu-tru/2024/03/index.html", None),
    "archive index": ("luu-tru/index.html", None),
    "search": ("tim-kiem/index.html", None),
    "contact": ("gioi-thieu/index.html", None),
    "English": ("en/index.html", None),
    "404": ("404.html", None),
}
STATIC_IMPORT = re.compile(r"""(?:^|[;\s])import\s*(?:[\w*{}\s,]+from\s*)?["']([^"']+)["']""")
DYNAMIC_IMPORT = re.compile(r"""import\(\s*["'`]([^"'`]+)["'`]\s*\)""")  # minified: `…`
CSS_IMPORT = re.compile(r"""@import\s+(?:url\()?["']?([^"')\s]+)""")


def gz(data: bytes) -> int:
    return len(gzip.compress(data, 9, mtime=0))


def local(output: Path, base: Path, ref: str, siteurl: str = "") -> Path | None:
    """The output file a root-relative or relative URL names; None for other hosts."""
    if siteurl and ref.startswith(siteurl + "/"):
        ref = ref[len(siteurl):]
    if re.match(r"^[a-z]+:", ref) or ref.startswith("//"):
        return None
    ref = ref.split("#")[0].split("?")[0]
    path = output / ref.lstrip("/") if ref.startswith("/") else base.parent / ref
    return path.resolve()


def assets(output: Path, page: Path, siteurl: str = "") -> tuple[set[Path], set[Path]]:
    """(loaded with the page, imported later on demand) CSS and JS files."""
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    links = soup.select("link[rel~=stylesheet], link[rel~=modulepreload]")
    todo = [local(output, page, n["href"], siteurl) for n in links]
    todo += [local(output, page, n["src"], siteurl) for n in soup.select("script[src]")]
    loaded, later, lazy = set(), set(), []
    while todo:
        path = todo.pop()
        if path is None or path in loaded or not path.is_file():
            continue
        loaded.add(path)
        text = path.read_text(encoding="utf-8", errors="replace")
        pattern = CSS_IMPORT if path.suffix == ".css" else STATIC_IMPORT
        todo += [local(output, path, ref) for ref in pattern.findall(text)]
        if path.suffix == ".js":
            lazy += [local(output, path, ref) for ref in DYNAMIC_IMPORT.findall(text)]
    later = {p for p in lazy if p and p.is_file() and p not in loaded}
    return loaded, later


def weigh(output: Path, page_path: str, siteurl: str = "") -> dict:
    """gzip -9 bytes of a page's HTML, CSS and JS; `later`: JS imported on demand."""
    page = output / page_path
    loaded, later = assets(output, page, siteurl)
    html = gz(page.read_bytes())
    css = sum(gz(p.read_bytes()) for p in loaded if p.suffix == ".css")
    js = sum(gz(p.read_bytes()) for p in loaded if p.suffix == ".js")
    return {"html": html, "css": css, "js": js, "total": html + css + js,
            "later": sum(gz(p.read_bytes()) for p in later)}


def build(output: Path, cache: Path, settings: str = "pelicanconf.py", **overrides) -> None:
    from news_build.runner import build as run

    result = run(str(ROOT / settings), str(ROOT / "content"), str(output),
                 overrides={"NEWS_IMAGES_CACHE_PATH": str(cache), "NEWS_SHOW_DRAFTS": False, **overrides})
    if not result.ok:
        sys.exit(f"build failed: {output}")


def main() -> int:
    sys.path[:0] = [str(ROOT / "plugins"), str(ROOT)]
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1764000000")
    with tempfile.TemporaryDirectory(prefix="page-weight-") as tmp:
        tmp = Path(tmp)
        ours, stock = tmp / "ours", tmp / "stock"
        build(ours, tmp / "cache", "publishconf.py", SITEURL=SITEURL)  # what readers get: minified
        build(stock, tmp / "cache", THEME="notmyidea", DIRECT_TEMPLATES=["index"],
              PAGINATED_TEMPLATES={"index": None, "category": None, "tag": None})
        kb = lambda n: f"{n / 1024:.1f}"  # noqa: E731
        print(f"{'page':22} {'HTML':>6} {'CSS':>6} {'JS':>6} {'total KB':>9} {'stock':>7} {'ratio':>6}  target")
        failed = False
        for name, (path, stock_path) in PAGES.items():
            w = weigh(ours, path, SITEURL)
            base = weigh(stock, stock_path)["total"] if stock_path else None
            ratio = f"{w['total'] / base:.2f}×" if base else "–"
            verdict = ("PASS" if w["total"] <= BUDGET else "FAIL") if name == "article with gallery" else ""
            failed |= verdict == "FAIL"
            print(f"{name:22} {kb(w['html']):>6} {kb(w['css']):>6} {kb(w['js']):>6} {kb(w['total']):>9} "
                  f"{kb(base) if base else '–':>7} {ratio:>6}  {verdict}")
            if w["later"]:
                print(f"{'  + lightbox on open':22} {'':>6} {'':>6} {kb(w['later']):>6} "
                      f"{kb(w['total'] + w['later']):>9}")
        font = ROOT / "theme/static/fonts/inter/InterVariable-vi.woff2"
        print(f"\nfont (woff2, cached once for the site): {kb(font.stat().st_size)} KB, target ≤ 60 KB")
        print(f"budget for an article page: {kb(BUDGET)} KB of HTML, CSS and JavaScript (gzip -9)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
