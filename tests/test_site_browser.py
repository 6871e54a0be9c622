"""The sample site in real headless Chromium, at a phone and a desktop width.

For each main page: no console error, no failed or third-party request, no
sideways scroll (also with text at 200 %), axe-core clean, headings in order,
alt on every image; keyboard use of the skip link and the phone menu; the
Vietnamese font; print layout. Screenshots go to test-artifacts/screenshots/
(NEWS_TEST_ARTIFACTS to move them) for a person to look at.
"""

import functools
import http.server
import os
import threading
import time
from pathlib import Path

import pytest
from conftest import DEV, ROOT, needs_chromium

pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
pytestmark = needs_chromium

SEED = "quan-uy-hdnd-mttq-doan-the/quan-dong-da-to-chuc-hoi-nghi-bieu-duong-ket-qua-phong-trao-thi-dua-nam-2023/"
PAGES = {
    "home": "",
    "category": "quan-uy-hdnd-mttq-doan-the/",
    "article": SEED,
    "archive": "luu-tru/",
    "month": "luu-tru/2024/03/",
    "tag": "the/thi-dua-khen-thuong/",
    "search": "tim-kiem/",
    "contact": "gioi-thieu/",
    "english": "en/",
    "404": "khong-co/trang-nay/",
}
WIDTHS = [390, 1280]
AXE = ROOT / "tests" / "vendor" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
ARTIFACTS = Path(os.environ.get("NEWS_TEST_ARTIFACTS", ROOT / "test-artifacts")) / "screenshots"
VIETNAMESE = ("aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ"
              "AÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬEÈÉẺẼẸÊỀẾỂỄỆIÌÍỈĨỊOÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢUÙÚỦŨỤƯỪỨỬỮỰYỲÝỶỸỴĐ")


class Handler(http.server.SimpleHTTPRequestHandler):
    """A static host: a missing path gets the site's 404.html, as nginx or Pages serve it."""

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The sample content, built as the preview does, served on localhost."""
    from news_build.runner import build

    root = tmp_path_factory.mktemp("site")
    result = build(DEV, str(ROOT / "content"), str(root / "output"),
                   overrides={"NEWS_IMAGES_CACHE_PATH": str(root / "cache"), "NEWS_SHOW_DRAFTS": False})
    assert result.ok
    handler = functools.partial(Handler, directory=str(root / "output"))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


class Visit:
    """A page opened in a fresh context, recording what a reader would not see."""

    def __init__(self, browser, site, name, width, **options):
        self.context = browser.new_context(viewport={"width": width, "height": 900}, **options)
        self.page = self.context.new_page()
        self.errors, self.failed, self.foreign = [], [], []
        self.page.on("pageerror", lambda exc: self.errors.append(str(exc)))
        self.page.on("console", lambda msg: msg.type == "error" and self.errors.append(msg.text))
        self.page.on("requestfailed", lambda req: self.failed.append(req.url))
        self.page.on("request", lambda req: req.url.startswith(site) or self.foreign.append(req.url))
        self.response = self.page.goto(f"{site}/{PAGES[name]}")
        self.page.wait_for_load_state("networkidle")
        self.page.evaluate("document.fonts.ready")

    def close(self):
        self.context.close()


@pytest.fixture
def visit(browser, site):
    opened = []

    def _visit(name, width=390, **options):
        opened.append(Visit(browser, site, name, width, **options))
        return opened[-1]

    yield _visit
    for item in opened:
        item.close()


def until(page, expression: str, timeout: float = 15) -> None:
    """Poll a JavaScript expression until it is true. (wait_for_function evaluates
    strings in the page, which the site's Content-Security-Policy rightly forbids.)"""
    deadline = time.monotonic() + timeout
    while not page.evaluate(expression):
        assert time.monotonic() < deadline, f"timed out waiting for {expression}"
        page.wait_for_timeout(50)


def scroll_through(page) -> None:
    """Scroll down a screen at a time, as a reader does, so every lazy photo loads."""
    page.evaluate("""async () => { for (let y = 0; y < document.body.scrollHeight; y += innerHeight / 2) {
        scrollTo(0, y); await new Promise(r => setTimeout(r, 30)); } }""")
    until(page, "[...document.images].every(i => i.complete)")


def overflow(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", list(PAGES))
def test_page_is_clean_accessible_and_fits(visit, name, width):
    v = visit(name, width)
    page = v.page
    assert v.response.status == (404 if name == "404" else 200)
    if name == "404":  # the browser reports the 404 status of the page itself; nothing else may fail
        v.errors = [e for e in v.errors if "404" not in e]
    assert v.errors == [] and v.failed == [] and v.foreign == []
    assert overflow(page) <= 0
    scroll_through(page)  # so lazy photos load, then check them
    assert page.evaluate("[...document.images].filter(i => !i.hasAttribute('alt')).length") == 0
    assert page.evaluate("[...document.images].filter(i => i.naturalWidth === 0).length") == 0
    page.evaluate("window.scrollTo(0, 0)")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}-{width}.png"), full_page=True)
    assert axe(page) == []


def axe(page, tags=AXE_TAGS) -> list:
    # evaluated through DevTools: a <script> tag would (rightly) be refused by the site's CSP
    page.evaluate(AXE.read_text(encoding="utf-8") + "\n;0")
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", tags)
    return [(r["id"], [n["target"] for n in r["nodes"]][:3]) for r in result["violations"]]


@pytest.mark.parametrize("width", WIDTHS)
def test_open_lightbox_is_accessible(visit, width):
    page = visit("article", width).page
    page.locator(".news-gallery__link").first.focus()
    page.keyboard.press("Enter")
    until(page, "window.pswp?.opener?.isOpen === true")
    assert axe(page, ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]) == []
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"lightbox-{width}.png"))


@pytest.mark.parametrize("name", list(PAGES))
def test_text_zoomed_to_200_percent_on_a_phone_needs_no_sideways_scroll(visit, name):
    page = visit(name, 390).page
    page.evaluate("document.documentElement.style.fontSize = '200%'")
    assert overflow(page) <= 0, page.evaluate(
        "[...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > 391)"
        ".slice(0, 5).map(e => e.tagName + '.' + e.className)")


@pytest.mark.parametrize("name", list(PAGES))
def test_landmarks_and_headings_in_order(visit, name):
    page = visit(name, 1280).page
    assert page.locator("main").count() == 1 and page.locator("header.site-header").count() == 1
    assert page.locator("footer.site-footer").count() == 1 and page.locator("nav").count() >= 1
    levels = page.evaluate("[...document.querySelectorAll('h1,h2,h3,h4,h5,h6')].map(h => +h.tagName[1])")
    assert levels.count(1) == 1 and levels[0] == 1
    assert all(b <= a + 1 for a, b in zip(levels, levels[1:])), levels


def test_skip_link_is_first_and_moves_focus_to_the_content(visit):
    page = visit("article", 390).page
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    assert page.evaluate("document.activeElement.getBoundingClientRect().top") >= 0
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "noi-dung"


def test_keyboard_focus_is_always_visible(visit):
    page = visit("article", 1280).page
    for _ in range(25):
        page.keyboard.press("Tab")
        style = page.evaluate("""() => { const s = getComputedStyle(document.activeElement);
            return [document.activeElement.tagName, s.outlineStyle, parseFloat(s.outlineWidth), s.boxShadow,
                    s.backgroundColor]; }""")
        tag, outline, width, shadow, background = style
        assert (outline != "none" and width >= 2) or shadow != "none", style


def test_phone_menu_opens_moves_and_closes_by_keyboard(visit):
    page = visit("home", 390).page
    toggle = page.locator("summary.menu__toggle")
    for _ in range(4):  # skip link, the header's "English", the emblem and name, then the menu
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.tagName") == "SUMMARY":
            break
    assert page.evaluate("document.activeElement.textContent") == "Chuyên mục"
    assert not page.locator(".menu__list a").first.is_visible()
    page.keyboard.press("Enter")
    assert page.locator(".menu__list a").first.is_visible()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('.menu__list') !== null")
    page.keyboard.press("Escape")
    assert not page.locator(".menu__list a").first.is_visible()
    assert page.evaluate("document.activeElement.tagName") == "SUMMARY" and toggle.is_visible()


def test_without_javascript_the_menu_works_and_js_only_buttons_stay_hidden(visit):
    page = visit("article", 390, java_script_enabled=False).page
    page.locator("summary.menu__toggle").click()
    page.locator(".menu__list a", has_text="Văn hóa - Xã hội").click()
    page.wait_for_url("**/van-hoa-xa-hoi/")
    page.go_back()
    assert not page.locator("[data-copy]").is_visible() and not page.locator("[data-print]").is_visible()
    assert page.locator(".share a", has_text="Facebook").is_visible()


def test_copy_link_and_print_buttons_work_with_javascript(visit):
    v = visit("article", 1280)
    page = v.page
    v.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.locator("[data-copy]").click()
    until(page, "document.querySelector('.share__status').textContent.length > 0")
    assert page.locator(".share__status").text_content() == "Đã sao chép liên kết bài viết."
    assert page.evaluate("navigator.clipboard.readText()") == f"https://dongda.hanoi.gov.vn/{SEED}"
    page.evaluate("window.print = () => { window.printed = true; }")
    page.locator("[data-print]").click()
    assert page.evaluate("window.printed") is True


def platform_fonts(page, selector):
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument")["root"]["nodeId"]
    node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
    return cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]


@pytest.mark.parametrize("weight", ["400", "700"])
def test_every_vietnamese_letter_is_drawn_by_the_site_font(visit, weight):
    page = visit("article", 390).page
    page.evaluate("""([text, weight]) => { const p = document.createElement('p'); p.id = 'vn';
        p.style.fontWeight = weight; p.textContent = text; document.querySelector('main').append(p); }""",
                  [VIETNAMESE + " “Đống Đa” – 14.995 ₫…", weight])
    page.evaluate("document.fonts.ready")
    fonts = platform_fonts(page, "#vn")
    assert [f["isCustomFont"] for f in fonts] == [True], fonts  # one font, ours: no fallback glyph
    assert sum(f["glyphCount"] for f in fonts) >= len(VIETNAMESE)


def test_body_text_is_large_with_room_between_lines(visit):
    page = visit("article", 390).page
    size, height = page.evaluate("""() => { const s = getComputedStyle(document.querySelector('.article__body p'));
        return [parseFloat(s.fontSize), parseFloat(s.lineHeight)]; }""")
    assert size >= 17 and height / size >= 1.5


CLIP_CHECK = {
    "article": [".article__title", ".brand__agency", ".compact-list a", "figcaption", ".article__category a"],
    "category": [".article-card__title a", ".page-title"],
    "home": [".lead-story__title a", ".section-title a"],
}


UNCLIP = """on => { if (!on) { document.adoptedStyleSheets = []; return; }
    const sheet = new CSSStyleSheet();
    sheet.replaceSync('* { overflow: visible !important; -webkit-line-clamp: none !important; '
                      + 'clip-path: none !important; contain: none !important; }');
    document.adoptedStyleSheets = [sheet]; }"""


@pytest.mark.parametrize("name", list(CLIP_CHECK))
def test_stacked_diacritics_are_not_clipped(visit, name):
    """Each text box shows 'ẪẬỮ ỆỖ' the same whether or not overflow is clipped."""
    page = visit(name, 390).page
    for selector in CLIP_CHECK[name]:
        box = page.evaluate("""sel => { const e = document.querySelector(sel); e.textContent = 'ẪẬỮ ỆỖ Ặ';
            e.scrollIntoView({block: 'center'}); const r = e.getBoundingClientRect();
            return {x: Math.max(0, r.x - 8), y: Math.max(0, r.y - 12),
                    width: r.width + 16, height: r.height + 24}; }""",
                            selector)
        as_styled = page.screenshot(clip=box)
        page.evaluate(UNCLIP, True)  # a constructed stylesheet: the CSP refuses a <style> tag
        assert page.screenshot(clip=box) == as_styled, selector
        page.evaluate(UNCLIP, False)


def test_print_shows_the_article_with_photos_captions_address_and_date(visit):
    page = visit("article", 1280).page
    scroll_through(page)
    page.emulate_media(media="print")
    hidden = [".site-nav", ".site-search", ".breadcrumbs", ".site-footer", ".article-aside", ".share", ".neighbours"]
    for selector in hidden:
        assert not page.locator(selector).first.is_visible(), selector
    assert page.locator(".article__title").is_visible() and page.locator(".article-meta").is_visible()
    assert "21/03/2024" in page.locator(".article-meta").text_content()
    source = page.locator(".print-only")
    assert source.is_visible() and f"https://dongda.hanoi.gov.vn/{SEED}" in source.text_content()
    assert page.locator(".news-figure img").first.is_visible() and page.locator("figcaption").first.is_visible()
    assert page.locator(".news-gallery__link img").nth(4).is_visible()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "article-print.png"), full_page=True)
    page.pdf(path=str(ARTIFACTS / "article-print.pdf"), format="A4")


def run_search(page, base, query) -> list[str]:
    """Type a query on the search page as a reader does; the result titles, best first."""
    page.goto(f"{base}/tim-kiem/")
    page.fill("#tu-khoa", query)
    page.keyboard.press("Enter")
    until(page, "(t => t && !t.startsWith('Đang'))(document.getElementById('trang-thai-tim-kiem').textContent)")
    return page.locator(".search-result__title").all_text_contents()


SEED_TITLE = "Quận Đống Đa tổ chức Hội nghị biểu dương kết quả phong trào thi đua năm 2023"


@pytest.mark.parametrize("query", ["thi dua", "thi đua", "THI ĐUA", "DONG DA bieu duong", "đống đa biểu dương"])
def test_search_finds_the_seed_article_first_with_or_without_diacritics(visit, site, query):
    v = visit("search", 390)
    titles = run_search(v.page, site, query)
    assert titles and titles[0] == SEED_TITLE, titles[:3]
    assert v.errors == [] and v.foreign == []  # nothing but the site's own files


def test_a_word_typed_without_marks_or_with_d_finds_the_same_articles(visit, site):
    page = visit("search", 390).page
    # The district's name is in nearly every article: all of them, whatever the spelling.
    found = [sorted(run_search(page, site, q)) for q in ("dong da", "Đống Đa", "ĐỐNG ĐA", "Dong Da")]
    assert found[0] == found[1] == found[2] == found[3] and SEED_TITLE in found[0] and len(found[0]) >= 10


def test_search_result_shows_date_category_and_highlighted_excerpt(visit, site):
    page = visit("search", 1280).page
    run_search(page, site, "doc sach")
    first = page.locator(".search-result").first
    assert first.locator("a").get_attribute("href").endswith("/ngay-hoi-doc-sach-thieu-nhi-quan-dong-da-thu-hut-hon-2-000-luot-hoc-sinh/")
    meta = first.locator(".search-result__meta").text_content()
    assert meta == "21/04/2025 · Văn hóa - Xã hội"
    marks = first.locator(".search-result__excerpt mark").all_text_contents()
    assert any(m.lower().startswith(("đọc", "sách")) for m in marks), marks
    assert "Tìm thấy" in page.locator("#trang-thai-tim-kiem").text_content()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "search-results-1280.png"), full_page=True)


def test_search_reads_captions_but_not_navigation(visit, site):
    page = visit("search", 390).page
    # the office's phone number is in every page's footer, never in an article
    assert run_search(page, site, "3851") == []
    assert "Không tìm thấy" in page.locator("#trang-thai-tim-kiem").text_content()
    # a gallery caption of the seed article
    assert SEED_TITLE in run_search(page, site, "trao Bằng khen")


def test_header_search_box_leads_to_results(visit, site):
    page = visit("home", 1280).page
    page.fill("#tim-kiem-dau-trang", "thi dua")
    page.keyboard.press("Enter")
    page.wait_for_url("**/tim-kiem/?q=thi+dua")
    until(page, "document.querySelectorAll('.search-result').length > 0")
    assert page.locator(".search-result__title").first.text_content() == SEED_TITLE
    assert page.locator("#tu-khoa").input_value() == "thi dua"


@pytest.fixture(scope="module")
def twins(tmp_path_factory):
    """Two articles that differ only in tone marks: 'thi đua' and 'thị đùa'."""
    from conftest import article
    from news_build.runner import build

    root = tmp_path_factory.mktemp("twins")
    for folder, title, body in (("a", "Tin một", "Phong trào thi đua của quận."),
                                ("b", "Tin hai", "Chuyện thị đùa trong xóm.")):
        path = root / "content" / folder / "index.md"
        path.parent.mkdir(parents=True)
        path.write_text(article(title=title, body=body), encoding="utf-8")
    assert build(DEV, str(root / "content"), str(root / "output"),
                 overrides={"NEWS_IMAGES_CACHE_PATH": str(root / "cache")}).ok
    handler = functools.partial(Handler, directory=str(root / "output"))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def test_right_diacritics_rank_the_exact_match_first(browser, twins):
    context = browser.new_context(viewport={"width": 390, "height": 900})
    page = context.new_page()
    assert run_search(page, twins, "thi đua") == ["Tin một", "Tin hai"]
    assert run_search(page, twins, "thị đùa") == ["Tin hai", "Tin một"]
    assert sorted(run_search(page, twins, "thi dua")) == ["Tin hai", "Tin một"]  # without marks: both
    context.close()


def test_search_follows_edits_between_full_indexes(browser, tmp_path):
    """A rebuild after an edit writes only delta.json: the page must merge it in."""
    from conftest import article
    from news_build.runner import build

    content, output = tmp_path / "content", tmp_path / "output"
    texts = {"a": ("Tin một", "Phong trào thi đua của quận."), "b": ("Tin hai", "Hội thao của phường.")}
    for folder, (title, body) in texts.items():
        (content / folder).mkdir(parents=True)
        (content / folder / "index.md").write_text(article(title=title, body=body), encoding="utf-8")
    overrides = {"NEWS_IMAGES_CACHE_PATH": str(tmp_path / "cache")}
    assert build(DEV, str(content), str(output), overrides=overrides).ok
    index = output / "tim-kiem" / "chi-muc"
    shards = {p.name: p.stat().st_mtime_ns for p in index.glob("t-*.json")}
    (content / "b" / "index.md").write_text(article(title="Tin hai", body="Giải bóng chuyền hơi của phường."),
                                           encoding="utf-8")
    (content / "c").mkdir()
    (content / "c" / "index.md").write_text(article(title="Tin ba", body="Bóng chuyền cho thiếu nhi."),
                                           encoding="utf-8")
    assert build(DEV, str(content), str(output), overrides=overrides).ok
    assert {p.name: p.stat().st_mtime_ns for p in index.glob("t-*.json")} == shards  # the base is untouched
    handler = functools.partial(Handler, directory=str(output))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        page = browser.new_context(viewport={"width": 390, "height": 900}).new_page()
        base = f"http://127.0.0.1:{httpd.server_address[1]}"
        assert sorted(run_search(page, base, "bong chuyen")) == ["Tin ba", "Tin hai"]
        assert run_search(page, base, "hội thao") == []  # the old text of the edited article is gone
        assert run_search(page, base, "thi dua") == ["Tin một"]
    finally:
        httpd.shutdown()
