"""The readers' layout: the side column of the list pages, the home blocks' lead
photo, the English page's English chrome, the header's date, headline links.

The sample content is built once for the module; the HTML is read parsed, then
the same site is opened in headless Chromium at a phone and a desktop width.
"""

import functools
import http.server
import re
import threading

import pytest
from conftest import DEV, ROOT, needs_chromium, soup

CATEGORY = "quan-uy-hdnd-mttq-doan-the/"
TAG = "the/thi-dua-khen-thuong/"
VIETNAMESE_MARKS = re.compile("[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]", re.I)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    from news_build.runner import build

    root = tmp_path_factory.mktemp("layout")
    result = build(DEV, str(ROOT / "content"), str(root / "output"),
                   # the repository's photo cache: the quick start's build has made every derivative already
                   overrides={"NEWS_IMAGES_CACHE_PATH": str(ROOT / "cache" / "images"), "NEWS_SHOW_DRAFTS": False})
    assert result.ok
    return root / "output"


def page(output, url):
    return soup(output / url / "index.html") if url else soup(output / "index.html")


def without_vietnamese_parts(node):
    """The node's text, less what is marked lang="vi" (names of Vietnamese pages and agencies)."""
    for part in node.select("[lang=vi]"):
        part.decompose()
    return node.get_text(" ", strip=True)


# --- the built HTML ---------------------------------------------------------------

@pytest.mark.parametrize("url", [CATEGORY, TAG, "luu-tru/2024/"])
def test_list_pages_have_a_side_column_after_the_list(built, url):
    html = page(built, url)
    layout = html.select_one("main .list-layout")
    main, aside = layout.select_one(".list-layout__main"), layout.select_one("aside.list-aside")
    assert main.select(".article-card") and main.find_next_sibling("aside") is aside  # list first, for phones
    headings = [h.get_text(strip=True) for h in aside.select("h2")]
    assert headings == ["Tin xem nhiều", "Chuyên mục", "Lưu trữ"]
    assert len(aside.select("ol.compact-list li")) == 5 and "lượt xem" in aside.select_one("ol").get_text()
    assert aside.select_one(".side-links a[href='/van-hoa-xa-hoi/']")
    assert [a.get_text() for a in aside.select(".side-links--years a")][:2] == ["Năm 2025", "Năm 2024"]


def test_the_category_shown_is_marked_current_in_the_side_column(built):
    aside = page(built, CATEGORY).select_one("aside.list-aside")
    current = aside.select(".side-links [aria-current=page]")
    assert [a["href"] for a in current] == ["/" + CATEGORY]


def test_each_home_block_leads_with_its_first_article_that_has_a_photo(built):
    blocks = page(built, "").select(".category-block")
    assert len(blocks) == 6
    for block in blocks:
        lead = block.select_one(".block-lead")
        assert lead is not None, block.h2.get_text()
        img = lead.select_one("picture.block-lead__photo img")
        assert img["alt"] == "" and img["loading"] == "lazy" and int(img["width"]) * 2 == int(img["height"]) * 3
        listed = [a["href"] for a in block.select(".block-lead__title a, .compact-list a")]
        assert len(listed) == len(set(listed)) >= 2  # the lead is not listed again


def test_english_page_has_english_chrome(built):
    html = page(built, "en")
    assert html.select_one("html")["lang"] == "en"
    assert html.title.get_text().startswith("About")
    assert html.select_one(".skip-link").get_text() == "Skip to main content"
    assert html.select_one("meta[property='og:locale']")["content"].startswith("en")
    for selector in ("header", "footer", "nav.site-nav"):
        text = without_vietnamese_parts(page(built, "en").select_one(selector))
        assert not VIETNAMESE_MARKS.search(text), (selector, VIETNAMESE_MARKS.findall(text), text)
    header = html.select_one("header")
    assert "People's Committee of Dong Da District" in header.get_text()
    nav = html.select_one("nav.site-nav .site-nav__bar")
    assert nav.select_one("a[aria-current=page]")["href"] == "/en/"
    assert nav.select("a[hreflang=vi]")  # the Vietnamese site, said so
    switch = header.select_one(".site-topbar__lang")
    assert switch.get_text() == "Tiếng Việt" and switch["lang"] == "vi" and switch["hreflang"] == "vi"
    assert html.select_one(".menu__toggle").get_text() == "Menu"


def test_vietnamese_pages_link_to_english_and_keep_vietnamese_chrome(built):
    html = page(built, CATEGORY)
    assert html.select_one("html")["lang"] == "vi"
    switch = html.select_one(".site-topbar__lang")
    assert switch["href"] == "/en/" and switch["lang"] == "en" and switch.get_text() == "English"
    assert html.select_one(".skip-link").get_text() == "Bỏ qua, đến nội dung chính"


def test_the_header_date_is_left_to_the_browser(built):
    """Output must not change with the day: the date's slot is empty in the built page."""
    for url in ("", CATEGORY, "en"):
        slot = page(built, url).select_one("header p.site-topbar__date[data-today]")
        assert slot is not None and slot.get_text() == "" and not slot.find()


def test_header_shows_the_emblem(built):
    emblem = page(built, "").select_one("header .brand img.brand__emblem")
    assert emblem["alt"] == "" and emblem["src"].endswith(".svg")


# --- in the browser ------------------------------------------------------------

class Handler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def site(built):
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(built)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.fixture
def open_page(browser, site):
    contexts = []

    def _open(url, width=1280, **options):
        context = browser.new_context(viewport={"width": width, "height": 900}, **options)
        contexts.append(context)
        tab = context.new_page()
        tab.goto(f"{site}/{url}")
        tab.wait_for_load_state("networkidle")
        return tab

    yield _open
    for context in contexts:
        context.close()


def box(tab, selector):
    return tab.locator(selector).first.bounding_box()


@needs_chromium
@pytest.mark.parametrize("url", [CATEGORY, TAG])
def test_side_column_is_beside_the_list_on_a_desktop_and_below_it_on_a_phone(open_page, url):
    wide = open_page(url, 1280)
    main, aside = box(wide, ".list-layout__main"), box(wide, ".list-aside")
    assert aside["x"] >= main["x"] + main["width"] and abs(aside["y"] - main["y"]) < 40
    assert aside["x"] + aside["width"] > 1280 * 0.8  # the right of the screen is used
    phone = open_page(url, 390)
    main, aside = box(phone, ".list-layout__main"), box(phone, ".list-aside")
    assert aside["y"] >= main["y"] + main["height"] and aside["width"] > 300
    assert phone.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0


@needs_chromium
def test_home_block_thumbnail_is_shown_at_3_by_2(open_page):
    tab = open_page("", 1280)
    img = tab.locator(".category-block .block-lead__photo img").first
    img.scroll_into_view_if_needed()
    for _ in range(100):  # lazy: loads once scrolled to
        if img.evaluate("img => img.complete && img.naturalWidth > 0"):
            break
        tab.wait_for_timeout(50)
    assert img.evaluate("img => img.complete && img.naturalWidth > 0")
    size = img.bounding_box()
    assert size["width"] > 200 and abs(size["width"] / size["height"] - 1.5) < 0.02


@needs_chromium
@pytest.mark.parametrize("url, pattern", [
    ("", r"^(Chủ Nhật|Thứ (Hai|Ba|Tư|Năm|Sáu|Bảy)), \d\d/\d\d/\d{4}$"),
    ("en/", r"^(Sun|Mon|Tues|Wednes|Thurs|Fri|Satur)day, \d{1,2} [A-Z][a-z]+ \d{4}$"),
])
def test_header_date_appears_with_javascript_without_moving_the_page(open_page, url, pattern):
    tab = open_page(url, 390)
    text = tab.locator("header [data-today] time").text_content()
    assert re.match(pattern, text), text
    assert re.match(r"^\d{4}-\d\d-\d\d$", tab.locator("header [data-today] time").get_attribute("datetime"))
    still = open_page(url, 390, java_script_enabled=False)
    assert still.locator("header [data-today]").text_content() == ""
    for selector in (".site-topbar", ".masthead", "main"):  # the date takes no room it did not have
        assert box(still, selector) == box(tab, selector), selector


@needs_chromium
@pytest.mark.parametrize("selector", [".article-card__title a", ".compact-list a", ".lead-story__title a",
                                      ".block-lead__title a"])
def test_headlines_are_underlined_on_hover_and_focus_is_visible(open_page, selector):
    url = CATEGORY if selector == ".article-card__title a" else ""
    tab = open_page(url, 1280)
    link = tab.locator(selector).first
    line = "el => getComputedStyle(el).textDecorationLine"
    assert link.evaluate(line) == "none"
    link.hover()
    assert link.evaluate(line) == "underline"
    tab.mouse.move(0, 0)
    link.focus()
    tab.keyboard.press("Shift+Tab")  # focus by keyboard, so :focus-visible applies
    tab.keyboard.press("Tab")
    assert link.evaluate("el => el === document.activeElement")
    style = link.evaluate("""el => { const s = getComputedStyle(el);
        return [s.backgroundColor, s.boxShadow, s.outlineStyle]; }""")
    assert style[0] == "rgb(255, 191, 71)" and style[1] != "none", style  # the yellow block, black bar
