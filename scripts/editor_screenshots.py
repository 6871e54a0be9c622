"""Re-take the screenshots of the browser editor's guide (docs/bien-tap-tren-trinh-duyet.md).

Run from the repository: `.venv/bin/python scripts/editor_screenshots.py`.
Needs Debian's chromium (/usr/bin/chromium) and Playwright (requirements-dev).

The sample site is built as `invoke build` builds it (the editor is written to
quan-tri/), served on localhost, and the real editor is opened in Chromium.
The editor asks for the site's folder through the browser's folder picker,
which a script cannot click through; the sample's articles are put in a folder
of the browser's private file system instead and handed to the editor (the
same kind of folder handle). Shots, at a desktop width (1280) and a phone's
(390):

- bien-tap-dang-nhap.png: the sign-in page;
- bien-tap-danh-sach.png: the list of the sample's articles;
- bien-tap-bai-viet.png and bien-tap-dien-thoai.png: the seed article being
  edited, at its photo gallery;
- bien-tap-bao-loi.png: a new article with an impossible date (31/02) and a
  photo without caption, after Lưu: both errors, nothing saved.

Each PNG records, in a text chunk, what it shows (`Source`, a path of the
sample) and what was typed (`Change`); tests/test_guide.py checks them.
"""

from __future__ import annotations

import base64
import functools
import http.server
import re
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from guide_screenshots import CHROMIUM_ARGS, save  # noqa: E402

SEED = "content/2024/hoi-nghi-bieu-duong-thi-dua-2023"
PHOTO = f"{SEED}/quang-canh-hoi-nghi.jpg"
DOCS = ROOT / "docs" / "anh"
PICKER = """
window.showDirectoryPicker = async () =>
  (await navigator.storage.getDirectory()).getDirectoryHandle('site', {create: true});
"""
WRITE = """async (files) => {
  const root = await (await navigator.storage.getDirectory()).getDirectoryHandle('site', {create: true});
  for (const [path, data] of Object.entries(files)) {
    const parts = path.split('/');
    let folder = root;
    for (const part of parts.slice(0, -1)) folder = await folder.getDirectoryHandle(part, {create: true});
    const writer = await (await folder.getFileHandle(parts.at(-1), {create: true})).createWritable();
    await writer.write(Uint8Array.from(atob(data), c => c.charCodeAt(0)));
    await writer.close();
  }
}"""


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def sample_files() -> dict[str, str]:
    """Every article of the sample, and the seed article's photos, as the editor's folder holds them."""
    files = {".git/HEAD": b"ref: refs/heads/main\n"}
    for path in sorted((ROOT / "content").rglob("*")):
        relative = path.relative_to(ROOT).as_posix()
        if path.is_file() and (path.name == "index.md" or relative.startswith(SEED + "/")):
            files[relative] = path.read_bytes()
    return {name: base64.b64encode(data).decode() for name, data in files.items()}


def open_editor(browser, url: str, width: int, height: int):
    context = browser.new_context(viewport={"width": width, "height": height}, locale="vi-VN")
    context.add_init_script(PICKER)
    page = context.new_page()
    page.goto(url)
    page.get_by_role("button", name="Làm việc với kho mã nguồn cục bộ").wait_for()
    return context, page


def sign_in(page) -> None:
    page.evaluate(WRITE, sample_files())
    page.get_by_role("button", name="Làm việc với kho mã nguồn cục bộ").click()
    page.get_by_role("treeitem", name=re.compile("Tin bài")).wait_for()


def settle(page) -> None:
    page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
    page.wait_for_timeout(400)


def open_seed(page) -> None:
    if not page.get_by_text("Quận Đống Đa tổ chức Hội nghị biểu dương").first.is_visible():
        page.get_by_role("treeitem", name=re.compile("Tin bài")).click()
    page.get_by_text("Quận Đống Đa tổ chức Hội nghị biểu dương").first.click()
    page.get_by_role("textbox", name="Tiêu đề thư viện ảnh").first.scroll_into_view_if_needed()
    settle(page)


def main() -> int:
    from news_build.runner import build
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="editor-shots-") as tmp:
        output = Path(tmp) / "output"
        result = build(str(ROOT / "pelicanconf.py"), str(ROOT / "content"), str(output),
                       overrides={"CACHE_PATH": str(Path(tmp) / "cache")})
        if result.crashed:
            raise SystemExit("the sample site did not build")
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(output)))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        url = f"http://localhost:{server.server_address[1]}/quan-tri/"
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            context, page = open_editor(browser, url, 1280, 800)
            settle(page)
            save(page.screenshot(), DOCS / "bien-tap-dang-nhap.png", "", source="content/")
            sign_in(page)
            settle(page)
            save(page.screenshot(), DOCS / "bien-tap-danh-sach.png", "", source="content/")
            open_seed(page)
            save(page.screenshot(), DOCS / "bien-tap-bai-viet.png", "", source=f"{SEED}/index.md")
            context.close()

            context, page = open_editor(browser, url, 390, 844)
            sign_in(page)
            open_seed(page)
            save(page.screenshot(), DOCS / "bien-tap-dien-thoai.png", "", source=f"{SEED}/index.md")
            context.close()

            context, page = open_editor(browser, url, 1280, 800)
            sign_in(page)
            page.get_by_role("button", name="Tạo bài viết mới").click()
            page.get_by_role("textbox", name="Tiêu đề", exact=True).fill("Hội nghị sơ kết công tác 6 tháng đầu năm")
            page.get_by_role("textbox", name="Ngày giờ đăng").fill("31/02/2025 08:30")
            page.get_by_role("combobox", name="Chuyên mục").click()
            page.get_by_role("option", name="Tin tức - Sự kiện").click()
            page.get_by_role("textbox", name="Nội dung").click()
            page.keyboard.type("Sáng nay, UBND phường tổ chức hội nghị sơ kết công tác 6 tháng đầu năm.")
            page.get_by_role("button", name=re.compile("^Chèn")).click()
            page.get_by_role("menuitem", name=re.compile("Thư viện ảnh")).click()
            page.get_by_role("button", name=re.compile("Thêm ⁨?Ảnh")).click()
            page.wait_for_function("() => document.querySelectorAll('input.sui.file-picker').length === 4")
            page.locator("input.sui.file-picker").nth(2).set_input_files(str(ROOT / PHOTO))
            page.get_by_text("quang-canh-hoi-nghi.webp", exact=True).wait_for()
            page.get_by_role("button", name="Lưu", exact=True).click()
            page.get_by_text("Ngày giờ sai dạng hoặc không có thật").wait_for()
            page.get_by_role("textbox", name="Ngày giờ đăng").scroll_into_view_if_needed()
            settle(page)
            save(page.screenshot(), DOCS / "bien-tap-bao-loi.png",
                 "date: 31/02/2025 08:30; ảnh không có chú thích", source=PHOTO)
            page.get_by_role("textbox", name="Chú thích").scroll_into_view_if_needed()
            settle(page)
            save(page.screenshot(), DOCS / "bien-tap-bao-loi-chu-thich.png",
                 "date: 31/02/2025 08:30; ảnh không có chú thích", source=PHOTO)
            context.close()
            browser.close()
        server.shutdown()
    print("docs/anh/bien-tap-*.png")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
