"""The built pages in real headless Chromium: the gallery lightbox and the phone layout.

Needs Debian's chromium (/usr/bin/chromium) and the playwright package; .ci/run
installs both. Skipped, with the reason, where they are missing.
"""

import functools
import http.server
import threading

import pytest
from conftest import article, needs_chromium
from PIL import Image, ImageDraw

pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
pytestmark = needs_chromium  # skipped without Chromium, except in CI (CI=true), where it must run

URL = "tin-tuc-su-kien/hoi-nghi-thi-dua"
CAPTIONS = ["Các đại biểu tham dự Hội nghị", "Đồng chí A trao Bằng khen cho các đơn vị", "Quang cảnh buổi lễ"]
CAPTION = ".pswp .pswp__custom-caption:not(.pswp__custom-caption--probe)"


def photo(colour):
    from io import BytesIO

    image = Image.new("RGB", (1800, 1200), colour)
    ImageDraw.Draw(image).ellipse([500, 300, 1300, 900], fill=(250, 250, 250))
    buffer = BytesIO()
    image.save(buffer, "JPEG")
    return buffer.getvalue()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    from conftest import DEV
    from news_build.runner import build

    root = tmp_path_factory.mktemp("browser")
    # a wide table too: it must narrow to a phone rather than scroll the page sideways
    table = ("\n\n| Đơn vị | Chỉ tiêu | Kết quả | Tỷ lệ | Xếp hạng | Ghi chú |\n|---|---|---|---|---|---|\n"
             "| Phường Láng Thượng | Thu ngân sách nhà nước | 14.995 tỷ đồng | 102,9% | 1/21 | "
             "Hoàn thành vượt mức kế hoạch được giao |\n")
    body = "Mở đầu bài viết." + table + "\n\n![Quang cảnh](dau.jpg)\n\n::: gallery Một số hình ảnh\n" + "\n".join(
        f"![{c}](anh-{i}.jpg)" for i, c in enumerate(CAPTIONS)) + "\n:::\n"
    files = {"a/index.md": article(body=body), "a/dau.jpg": photo((40, 90, 160))}
    files.update({f"a/anh-{i}.jpg": photo(c) for i, c in enumerate([(160, 40, 40), (40, 140, 60), (120, 80, 20)])})
    for name, data in files.items():
        path = root / "content" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    result = build(DEV, str(root / "content"), str(root / "output"),
                   overrides={"NEWS_IMAGES_CACHE_PATH": str(root / "cache")})
    assert result.ok
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(root / "output"))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def wait_open(page) -> None:
    """Until the opening animation has finished (PhotoSwipe ignores keys and swipes before)."""
    page.wait_for_selector(".pswp--open")
    page.wait_for_function("() => window.pswp?.opener?.isOpen === true")


def caption(page) -> str:
    return page.eval_on_selector(CAPTION, "el => el.hidden ? '' : el.textContent.trim()")


def test_lightbox_by_keyboard_shows_captions_and_returns_focus(server, browser):
    page = browser.new_page(bypass_csp=True, viewport={"width": 1280, "height": 800})
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(f"{server}/{URL}/")
    links = page.locator("a.news-gallery__link")
    links.nth(1).focus()
    page.keyboard.press("Enter")
    wait_open(page)
    page.wait_for_function(f"document.querySelector('{CAPTION}')?.textContent.trim().length > 0")
    assert caption(page) == CAPTIONS[1]
    assert page.get_attribute(".pswp__button--close", "title") == "Đóng (Esc)"
    page.keyboard.press("ArrowRight")
    page.wait_for_function(f"document.querySelector('{CAPTION}').textContent.trim() === {CAPTIONS[2]!r}")
    page.keyboard.press("Escape")
    page.wait_for_selector(".pswp", state="detached")
    focused = page.evaluate("document.activeElement.getAttribute('href')")
    assert focused == links.nth(1).get_attribute("href")
    assert errors == []


def test_lightbox_by_touch_swipes_to_the_next_photo(server, browser):
    context = browser.new_context(bypass_csp=True, viewport={"width": 390, "height": 844},
                                  has_touch=True, is_mobile=True)
    page = context.new_page()
    page.goto(f"{server}/{URL}/")
    page.locator("a.news-gallery__link").nth(0).tap()
    wait_open(page)
    page.wait_for_function(f"document.querySelector('{CAPTION}')?.textContent.trim() === {CAPTIONS[0]!r}")
    cdp = context.new_cdp_session(page)
    cdp.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [{"x": 330, "y": 420}]})
    for step in range(1, 9):
        cdp.send("Input.dispatchTouchEvent", {"type": "touchMove", "touchPoints": [{"x": 330 - 34 * step, "y": 420}]})
        page.wait_for_timeout(16)
    cdp.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
    page.wait_for_function(f"document.querySelector('{CAPTION}').textContent.trim() === {CAPTIONS[1]!r}")
    context.close()


def test_without_javascript_a_thumbnail_opens_the_large_photo(server, browser):
    context = browser.new_context(bypass_csp=True, viewport={"width": 390, "height": 844},
                                  java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{server}/{URL}/")
    href = page.locator("a.news-gallery__link").nth(2).get_attribute("href")
    page.locator("a.news-gallery__link").nth(2).click()
    page.wait_for_url(f"{server}{href}")
    assert href.endswith("-1600.jpg")
    context.close()


@pytest.mark.parametrize("width", [390, 1280])
def test_article_photos_load_and_fit_the_screen(server, browser, width):
    page = browser.new_page(bypass_csp=True, viewport={"width": width, "height": 900})
    page.goto(f"{server}/{URL}/")
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    page.wait_for_function("[...document.images].every(i => i.complete && i.naturalWidth > 0)")
    sizes = page.evaluate("[...document.querySelectorAll('.article__body img')]"
                          ".map(i => [i.getBoundingClientRect().right, i.currentSrc])")
    assert len(sizes) == 4
    assert all(right <= width for right, _ in sizes)
    assert all(src.endswith(".webp") for _, src in sizes)  # Chromium takes the modern format
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    page.close()
