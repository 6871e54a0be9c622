"""The browser editor (/quan-tri/, Sveltia CMS) in Debian's Chromium, as an editor uses it.

The editor works on the office's own folder through the browser's folder access
(File System Access API). A test cannot click through the operating system's
folder picker, so showDirectoryPicker() hands the editor a folder of the
browser's private file system instead (OPFS: the same kind of directory handle);
everything else is the real editor on the real page the build wrote. What the
editor saved is then read back from that folder and given to our strict build.

Every request the page makes is recorded: nothing may go to another host.
"""

import base64
import functools
import http.server
import os
import re
import threading
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from conftest import DEV, ROOT, needs_chromium, soup

pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
pytestmark = needs_chromium

SAMPLE = ROOT / "content" / "2025" / "lap-lai-trat-tu-via-he"
AXE = ROOT / "tests" / "vendor" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
ARTIFACTS = Path(os.environ.get("NEWS_TEST_ARTIFACTS", ROOT / "test-artifacts")) / "screenshots"
CAPTIONS = [
    "Đoàn viên thanh niên thu gom rác quanh hồ Xã Đàn",
    "Người dân khu dân cư số 3 cùng tham gia tổng vệ sinh",
    "Xe chuyên dụng của Công ty Môi trường đô thị thu gom rác thải",
]
TITLE = "Phường ra quân tổng vệ sinh môi trường cuối năm"

PICKER = """
window.showDirectoryPicker = async () => {
  const root = await navigator.storage.getDirectory();
  return root.getDirectoryHandle('site', {create: true});
};
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
READ = """async () => {
  const out = {};
  async function walk(folder, prefix) {
    for await (const [name, handle] of folder.entries()) {
      if (handle.kind === 'directory') { await walk(handle, prefix + name + '/'); continue; }
      const bytes = new Uint8Array(await (await handle.getFile()).arrayBuffer());
      let text = '';
      for (let i = 0; i < bytes.length; i += 8192) text += String.fromCharCode(...bytes.subarray(i, i + 8192));
      out[prefix + name] = btoa(text);
    }
  }
  await walk(await (await navigator.storage.getDirectory()).getDirectoryHandle('site', {create: true}), '');
  return out;
}"""


class Handler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def editor_url(tmp_path_factory):
    """A development build of a one-article site (it writes /quan-tri/), served on localhost."""
    from news_build.runner import build

    root = tmp_path_factory.mktemp("admin")
    content = root / "site" / "content"
    (content / "2025" / SAMPLE.name).mkdir(parents=True)
    for path in SAMPLE.iterdir():
        (content / "2025" / SAMPLE.name / path.name).write_bytes(path.read_bytes())
    output = root / "output"
    result = build(DEV, str(content), str(output), overrides={"CACHE_PATH": str(root / "cache")})
    assert not result.crashed and (output / "quan-tri" / "index.html").is_file()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(output)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://localhost:{server.server_address[1]}/quan-tri/"
    server.shutdown()


class Editor:
    """One browser window on the editor, with every request it made."""

    def __init__(self, browser, url, width):
        self.context = browser.new_context(viewport={"width": width, "height": 900}, locale="vi-VN")
        self.context.add_init_script(PICKER)
        self.origin = re.match(r"https?://[^/]+", url).group(0)
        self.foreign = []
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        # A request the page's security policy refuses never reaches route(): record attempts too.
        self.page.on("request", self._attempt)
        self.errors = []
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.goto(url)

    def _route(self, route):
        url = route.request.url
        if url.startswith(self.origin) or url.startswith(("blob:", "data:")):
            route.continue_()
        else:
            if url not in self.foreign:
                self.foreign.append(url)
            route.abort()

    def _attempt(self, request):
        if not request.url.startswith((self.origin, "blob:", "data:")) and request.url not in self.foreign:
            self.foreign.append(request.url)

    def open_site_folder(self, *more):
        """Put the sample article (and `more` article folders) and a .git folder where the
        editor will look, then sign in locally."""
        files = {".git/HEAD": b"ref: refs/heads/main\n"}
        for folder in (SAMPLE, *more):
            for path in folder.iterdir():
                files[f"content/{folder.parent.name}/{folder.name}/{path.name}"] = path.read_bytes()
        self.page.evaluate(WRITE, {k: base64.b64encode(v).decode() for k, v in files.items()})
        self.page.get_by_role("button", name="Làm việc với kho mã nguồn cục bộ").click()
        self.page.get_by_role("treeitem", name=re.compile("Tin bài")).wait_for()

    def new_article(self, title, date):
        page = self.page
        if not page.get_by_role("button", name="Tạo bài viết mới").is_visible():
            page.get_by_role("treeitem", name=re.compile("Tin bài")).click()  # the phone lists folders first
        page.get_by_role("button", name="Tạo bài viết mới").click()
        page.get_by_role("textbox", name="Tiêu đề").fill(title)
        page.get_by_role("textbox", name="Ngày giờ đăng").fill(date)
        page.get_by_role("combobox", name="Chuyên mục").click()
        page.get_by_role("option", name="Kinh tế - Đô thị").click()
        publish = page.get_by_role("radio", name="Đăng lên trang")
        for _ in range(5):  # a click while the category list is still closing can be lost: click until it holds
            if publish.get_attribute("aria-checked") == "true":
                break
            publish.click()
            page.wait_for_timeout(100)
        assert publish.get_attribute("aria-checked") == "true"
        page.get_by_role("textbox", name="Nội dung").click()
        page.keyboard.type("Sáng 21/11, phường tổ chức ra quân tổng vệ sinh môi trường trên các tuyến phố.")

    def add_gallery(self, photos, captions):
        page = self.page
        page.get_by_role("button", name=re.compile("^Chèn")).click()
        page.get_by_role("menuitem", name=re.compile("Thư viện ảnh")).click()
        add = page.get_by_role("button", name=re.compile("Thêm ⁨?Ảnh"))
        # Each photo field has two hidden file inputs; the cover photo's come first.
        pickers = page.locator("input.sui.file-picker")
        for number in range(1, len(photos) + 1):
            add.click()
            page.wait_for_function("n => document.querySelectorAll('input.sui.file-picker').length === n",
                                   arg=2 + 2 * number, timeout=5000)  # else the editor's photo fields changed
        captions_boxes = page.get_by_role("textbox", name="Chú thích")
        for index, (photo, caption) in enumerate(zip(photos, captions)):
            pickers.nth(2 * (index + 1)).set_input_files(str(photo))
            page.get_by_text(photo.stem + ".webp", exact=True).wait_for()  # resized and renamed in the browser
            if caption:
                captions_boxes.nth(index).fill(caption)

    def saved_files(self) -> dict[str, bytes]:
        return {k: base64.b64decode(v) for k, v in self.page.evaluate(READ).items()}

    def axe(self):
        # admin.js tidies Sveltia's landmarks on the frame after each redraw
        self.page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
        self.page.evaluate(AXE.read_text(encoding="utf-8") + "\n;0")
        result = self.page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS)
        return [(r["id"], [n["html"][:120] for n in r["nodes"]][:3]) for r in result["violations"]]

    def close(self):
        self.context.close()


SAMPLE_TITLE = "Quận Đống Đa ra quân lập lại trật tự vỉa hè"


@pytest.fixture
def photos(tmp_path):
    """Three camera-sized photos, each of one colour, as an editor picks them."""
    from PIL import Image

    paths = []
    for index, colour in enumerate([(200, 40, 40), (40, 160, 60), (40, 70, 200)], 1):
        path = tmp_path / f"anh-{index}.jpg"
        Image.new("RGB", (3000, 2000), colour).save(path, quality=90)
        paths.append(path)
    return paths


def test_an_article_written_in_the_editor_is_published_by_the_strict_build(browser, editor_url, photos, build_site):
    editor = Editor(browser, editor_url, 1280)
    try:
        editor.open_site_folder()
        editor.new_article(TITLE, "21/11/2025 08:30")
        editor.add_gallery(photos, CAPTIONS)
        editor.page.get_by_role("button", name="Lưu", exact=True).click()
        editor.page.get_by_text("Đã lưu bài viết.").wait_for()
        saved = editor.saved_files()
        assert editor.foreign == [] and editor.errors == []
    finally:
        editor.close()

    new = {path: data for path, data in saved.items()
           if path.startswith("content/") and SAMPLE.name not in path}
    [source] = [path for path in new if path.endswith("/index.md")]
    folder = source.rsplit("/", 1)[0]
    assert re.fullmatch(r"content/\d{4}/phuong-ra-quan-tong-ve-sinh-moi-truong-cuoi-nam", folder)
    text = new[source].decode("utf-8")
    assert "date: 21/11/2025 08:30" in text  # day first, as written
    assert "category: Kinh tế - Đô thị" in text and "status: published" in text
    # Photos were resized in the browser before upload: no side above 2560 pixels.
    from io import BytesIO

    from PIL import Image

    photo_files = sorted(path for path in new if not path.endswith(".md"))
    assert len(photo_files) == 3
    for path in photo_files:
        with Image.open(BytesIO(new[path])) as image:
            assert max(image.size) <= 2560

    # Our strict build (publish, CI) takes exactly what the editor saved, and publishes that article.
    site = build_site({path.removeprefix("content/"): data for path, data in new.items()}, strict=True)
    assert site.result.ok, site.result
    pages = [p for p in site.files() if p.endswith("/index.html") and "phuong-ra-quan-tong-ve-sinh" in p]
    assert len(pages) == 1
    page = soup(site.output / pages[0])
    assert page.find("h1").get_text(strip=True) == TITLE
    figures = page.select("section.news-gallery li figure")
    assert [f.figcaption.get_text(" ", strip=True) for f in figures] == CAPTIONS
    assert all((site.output / urlsplit(f.a["href"]).path.lstrip("/")).is_file() for f in figures)  # derived photos
    home = soup(site.output / "index.html")
    assert TITLE in home.get_text(" ", strip=True)


def test_a_missing_caption_and_an_impossible_date_are_shown_before_anything_is_saved(browser, editor_url, photos):
    from news_core.schema import CAPTION_MISSING, DATE_MESSAGE

    editor = Editor(browser, editor_url, 1280)
    try:
        editor.open_site_folder()
        before = editor.saved_files()
        editor.new_article(TITLE, "31/02/2025 08:30")
        editor.add_gallery(photos[:1], [""])
        editor.page.get_by_role("button", name="Lưu", exact=True).click()
        page = editor.page
        page.get_by_text(DATE_MESSAGE).wait_for()
        date = page.get_by_role("textbox", name="Ngày giờ đăng")
        caption = page.get_by_role("textbox", name="Chú thích")
        assert date.get_attribute("aria-invalid") == "true"
        assert caption.get_attribute("aria-invalid") == "true"
        assert page.locator(f"#{caption.get_attribute('aria-describedby')}").inner_text() == CAPTION_MISSING
        page.wait_for_timeout(500)
        assert editor.saved_files() == before  # nothing written
        assert page.get_by_text("Đã lưu bài viết.").count() == 0
        assert editor.foreign == [] and editor.errors == []
    finally:
        editor.close()


def test_a_photo_without_caption_stops_the_save_with_a_message_naming_its_line(browser, editor_url, photos):
    from news_core.schema import CAPTION_MISSING

    editor = Editor(browser, editor_url, 1280)
    try:
        editor.open_site_folder()
        before = editor.saved_files()
        editor.new_article(TITLE, "21/11/2025 08:30")  # a good date: only the caption is missing
        editor.add_gallery(photos[:2], [CAPTIONS[0], ""])
        page = editor.page
        page.get_by_role("button", name="Lưu", exact=True).click()
        dialog = page.get_by_role("alertdialog").or_(page.get_by_role("dialog"))
        dialog.get_by_text(re.compile(r"Chưa lưu: ảnh chưa có chú thích ở dòng \d+ của nội dung")).wait_for()
        caption = page.get_by_role("textbox", name="Chú thích").nth(1)
        assert caption.get_attribute("aria-invalid") == "true"
        assert page.locator(f"#{caption.get_attribute('aria-describedby')}").inner_text() == CAPTION_MISSING
        assert editor.saved_files() == before
        assert editor.foreign == [] and editor.errors == []
    finally:
        editor.close()


def front_matter_and_body(text):
    from news_core.errors import Problems
    from news_core.frontmatter import split

    document = split(text, Problems("index.md"))
    return {name: field.value for name, field in document.fields.items()}, document.body


@pytest.mark.parametrize("folder", [
    "2024/hoi-nghi-bieu-duong-thi-dua-2023",  # figures, a gallery, no-break spaces
    "2025/tong-ve-sinh-don-tet-at-ty",  # an ISO date with its offset: 2025-01-15T09:30:00+07:00
])
def test_an_archived_article_saved_from_the_editor_keeps_everything_but_the_change(browser, editor_url, folder):
    seed = ROOT / "content" / folder
    original = (seed / "index.md").read_text(encoding="utf-8")
    before, body = front_matter_and_body(original)
    editor = Editor(browser, editor_url, 1280)
    try:
        editor.open_site_folder(seed)
        editor.page.get_by_text(before["title"]).first.click()
        title = editor.page.get_by_role("textbox", name="Tiêu đề", exact=True)
        title.fill(before["title"] + " (cập nhật)")
        editor.page.get_by_role("button", name="Lưu", exact=True).click()
        editor.page.get_by_text("Đã lưu bài viết.").wait_for()
        saved = editor.saved_files()[f"content/{folder}/index.md"].decode("utf-8")
        assert editor.foreign == [] and editor.errors == []
    finally:
        editor.close()
    after, saved_body = front_matter_and_body(saved)
    assert after == {**before, "title": before["title"] + " (cập nhật)"}  # no status added: still published
    assert saved_body.strip("\n") == body.strip("\n")  # every caption and no-break space kept


@pytest.mark.parametrize("width", [390, 1280])
def test_the_editor_passes_axe_and_loads_nothing_from_another_host(browser, editor_url, photos, width):
    editor = Editor(browser, editor_url, width)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    try:
        page = editor.page
        page.get_by_role("button", name="Làm việc với kho mã nguồn cục bộ").wait_for()
        # No Git server configured: no button sends the editor to gitlab.com.
        assert page.get_by_role("button", name=re.compile("GitLab|mã truy cập")).count() == 0
        found = {"sign-in": editor.axe()}
        page.screenshot(path=str(ARTIFACTS / f"quan-tri-dang-nhap-{width}.png"))
        editor.open_site_folder()
        found["list"] = editor.axe()
        editor.new_article(TITLE, "21/11/2025 08:30")
        editor.add_gallery(photos[:1], CAPTIONS[:1])
        found["editor"] = editor.axe()
        if width > 390:  # the preview pane, beside the form on a wide screen: the site's own stylesheet
            [preview] = [f for f in page.frames if f.url.startswith("blob:")]
            title = preview.locator('section[data-key-path="title"] p')
            assert title.inner_text() == TITLE
            assert "Inter VN" in title.evaluate("e => getComputedStyle(e).fontFamily")
            assert title.evaluate("e => getComputedStyle(e).fontWeight") == "700"
            assert preview.locator('section[data-key-path="title"] h4').is_hidden()  # no form labels
            assert preview.locator("section.news-gallery figure figcaption").inner_text() == CAPTIONS[0]
        page.screenshot(path=str(ARTIFACTS / f"quan-tri-bai-viet-{width}.png"))
        assert {name: v for name, v in found.items() if v} == {}
        assert page.evaluate("document.documentElement.lang") == "vi"
        assert editor.foreign == [] and editor.errors == []
    finally:
        editor.close()
