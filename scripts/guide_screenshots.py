"""Re-take the screenshots of the editors' guide (docs/anh/) from the sample site.

Run from the repository: `.venv/bin/python scripts/guide_screenshots.py`.
Needs Debian's chromium (/usr/bin/chromium) and Playwright (requirements-dev).

The sample site is copied into a temporary folder as a ward would have it
(content/, pelicanconf.py, publishconf.py, a tasks.py), its live preview is
started with `invoke serve` as an editor starts it, and the pages are shot at
a phone's width:

- xem-truoc-bai-viet.png: a real sample article in the preview;
- xem-truoc-bao-loi.png: the same article after the editor typed an impossible
  date, with the preview's error panel.

Each PNG records, in a text chunk, the article it shows (`Source`) and the
change made (`Change`); tests/test_guide.py checks them.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from PIL import Image, PngImagePlugin

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = "content/2024/chinh-trang-vuon-hoa-kim-lien/index.md"
URL = "kinh-te-do-thi/chinh-trang-vuon-hoa-san-choi-trong-khu-tap-the-kim-lien/"
GOOD_DATE, BAD_DATE = "date: 2024-09-05 15:30", "date: 32/09/2024 15:30"
WIDTH, HEIGHT = 390, 844
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(url: str, seconds: float = 60) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        try:
            urllib.request.urlopen(url, timeout=2).read()
            return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"the preview did not answer at {url}")


def save(png: bytes, target: Path, change: str, source: str = ARTICLE) -> None:
    """Write the screenshot with the article (or sample path) and the change it shows."""
    info = PngImagePlugin.PngInfo()
    info.add_text("Source", source)
    info.add_text("Change", change)
    with tempfile.NamedTemporaryFile(suffix=".png") as raw:
        raw.write(png)
        raw.flush()
        with Image.open(raw.name) as image:
            image.save(target, pnginfo=info, optimize=True)


def main() -> int:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="guide-") as temp:
        site = Path(temp) / "trang-tin"
        shutil.copytree(ROOT / "content", site / "content")
        for name in ("pelicanconf.py", "publishconf.py"):
            shutil.copy2(ROOT / name, site / name)
        (site / "tasks.py").write_text("from trangtin.tasks import collection\n\nns = collection(__file__)\n",
                                       encoding="utf-8")
        port = free_port()
        invoke = [sys.executable, "-m", "invoke", "serve", "--port", str(port), "--no-open"]
        preview = subprocess.Popen(invoke, cwd=site, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                   env={**os.environ, "SOURCE_DATE_EPOCH": "1764000000"})
        try:
            page_url = f"http://127.0.0.1:{port}/{URL}"
            wait_for(page_url)
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
                page = browser.new_page(viewport={"width": WIDTH, "height": HEIGHT}, device_scale_factor=1)
                page.goto(page_url)
                page.wait_for_load_state("networkidle")
                save(page.screenshot(), ROOT / "docs/anh/xem-truoc-bai-viet.png", "")
                article = site / ARTICLE
                text = article.read_text(encoding="utf-8")
                assert GOOD_DATE in text, f"{ARTICLE} no longer has {GOOD_DATE!r}: update this script"
                article.write_text(text.replace(GOOD_DATE, BAD_DATE), encoding="utf-8")
                page.wait_for_selector("text=Có 1 lỗi", timeout=30_000)  # the live page reloads with the panel
                page.wait_for_load_state("networkidle")
                save(page.screenshot(), ROOT / "docs/anh/xem-truoc-bao-loi.png", f"{GOOD_DATE} -> {BAD_DATE}")
                browser.close()
        finally:
            preview.terminate()
            preview.wait(timeout=30)
    print("docs/anh/xem-truoc-bai-viet.png, docs/anh/xem-truoc-bao-loi.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
