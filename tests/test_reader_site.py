"""What a reader finds on the built pages: lists, archives, share, contact, 404.

Parsed from the built HTML, as a reader (or a screen reader) meets it.
"""

import base64
import datetime as dt
import json
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import parse_qs, unquote, urlparse

import jinja2
import jinja2.nodes
import pytest
from conftest import ROOT, article
from news_site.lists import most_viewed, nearest
from news_site.pagination import page_window

TZ = dt.timezone(dt.timedelta(hours=7))


def titles(node, selector):
    return [a.get_text(" ", strip=True) for a in node.select(selector)]


@pytest.fixture(scope="module")
def news(tmp_path_factory):
    """Seven articles in two categories, with views and one photo-less newest article."""
    from news_build.runner import build

    root = tmp_path_factory.mktemp("news")
    specs = [  # folder, title, date, category, views, photo
        ("a", "Bài A", "05/01/2024 08:00", "Tin tức - Sự kiện", 10, True),
        ("b", "Bài B", "20/01/2024 08:00", "Tin tức - Sự kiện", 500, True),
        ("c", "Bài C", "02/02/2024 08:00", "Tin tức - Sự kiện", 30, True),
        ("d", "Bài D", "03/02/2024 08:00", "Tin tức - Sự kiện", 7, True),
        ("e", "Bài E", "01/03/2024 08:00", "Tin tức - Sự kiện", 90, True),
        ("f", "Bài F", "10/03/2024 08:00", "Văn hóa - Xã hội", 1000, True),
        ("g", "Bài G", "15/03/2024 08:00", "Văn hóa - Xã hội", 3, False),
    ]
    from conftest import make_photo

    for folder, title, date, category, views, photo in specs:
        body = f"Mở đầu {title}.\n\n![Ảnh {title}](anh.jpg)" if photo else f"Mở đầu {title}."
        path = root / "content" / folder / "index.md"
        path.parent.mkdir(parents=True)
        path.write_text(article(title=title, date=date, category=category, body=body, views=views,
                                tags="[thi đua]"), encoding="utf-8")
        if photo:
            make_photo(path.parent / "anh.jpg", size=(900, 600))
    result = build(str(ROOT / "pelicanconf.py"), str(root / "content"), str(root / "output"),
                   overrides={"NEWS_IMAGES_CACHE_PATH": str(root / "cache"), "NEWS_RELATED_COUNT": 3,
                              "NEWS_MOST_VIEWED_COUNT": 3, "DEFAULT_PAGINATION": 2})
    assert result.ok
    from conftest import Site

    return Site(root / "content", root / "output", result)


def test_article_lists_related_by_date_most_viewed_and_neighbours(news):
    page = news.page("tin-tuc-su-kien/bai-c")
    # nearest in date within the category, itself left out, newest first
    assert titles(page, "#tin-cung-chuyen-muc ~ .compact-list a") == ["Bài E", "Bài D", "Bài B"]
    # most viewed across the site, itself left out, with the count
    assert titles(page, "#tin-xem-nhieu ~ .compact-list a") == ["Bài F", "Bài B", "Bài E"]
    assert "1.000 lượt xem" in page.select_one("#tin-xem-nhieu ~ .compact-list li").get_text()
    previous, following = page.select_one(".neighbours__previous a"), page.select_one(".neighbours__next a")
    assert previous["href"] == "/tin-tuc-su-kien/bai-b/" and "Bài trước" in previous.get_text()
    assert following["href"] == "/tin-tuc-su-kien/bai-d/" and "Bài sau" in following.get_text()
    # the oldest of a category has no previous, and neighbours never cross categories
    first = news.page("tin-tuc-su-kien/bai-a")
    assert first.select_one(".neighbours__previous") is None
    assert news.page("van-hoa-xa-hoi/bai-f").select_one(".neighbours__previous") is None


def test_article_shows_tags_breadcrumb_and_meta(news):
    page = news.page("tin-tuc-su-kien/bai-c")
    assert titles(page, ".breadcrumbs li") == ["Trang chủ", "Tin tức - Sự kiện"]
    assert page.select_one(".breadcrumbs a[href='/tin-tuc-su-kien/']")
    assert page.select_one(".article-meta").get_text() == "Ngày đăng 02/02/2024 | 08:00 | Lượt xem: 30"
    assert titles(page, ".article__tags a") == ["thi đua"]


def test_share_links_carry_the_public_address(news):
    page = news.page("tin-tuc-su-kien/bai-c")
    public = "https://dongda.hanoi.gov.vn/tin-tuc-su-kien/bai-c/"
    links = {a.get_text(" ", strip=True).split(" (")[0]: a["href"] for a in page.select(".share a")}
    assert parse_qs(urlparse(links["Facebook"]).query)["u"] == [public]
    zalo = urlparse(links["Zalo"])
    assert zalo.netloc == "button-share.zalo.me"
    assert json.loads(base64.b64decode(unquote(parse_qs(zalo.query)["d"][0]))) == {"url": public}
    assert all(a["rel"] == ["noopener"] for a in page.select(".share a"))
    # copy and print need JavaScript: hidden until it runs
    assert page.select_one("[data-copy]")["data-copy"] == public
    assert page.select_one("[data-copy]").find_parent("li").has_attr("hidden")
    assert page.select_one("[data-print]").find_parent("li").has_attr("hidden")
    assert public in page.select_one(".print-only").get_text()


def test_home_has_lead_latest_category_blocks_and_most_viewed(news):
    home = news.page("")
    # the lead is the newest article that has a photo; G (newer) has none
    assert titles(home, ".lead-story__title a") == ["Bài F"]
    assert home.select_one(".lead-story img")["fetchpriority"] == "high"
    assert titles(home, ".home-latest .article-card__title a") == ["Bài G", "Bài E", "Bài D", "Bài C", "Bài B", "Bài A"]
    assert titles(home, ".category-block h2") == ["Tin tức - Sự kiện", "Văn hóa - Xã hội"]  # configured order
    assert titles(home, ".home-most-viewed a") == ["Bài F", "Bài B", "Bài E"]
    cards = home.select(".home-latest .article-card")
    assert cards[0].select_one("img") is None and cards[1].select_one("picture img")["alt"] == ""


def test_archives_by_year_and_month_in_vietnamese(news):
    index = news.page("luu-tru")
    assert titles(index, ".archive-year h2 a") == ["Năm 2024"]
    months = {a.get_text(): a["href"] for a in index.select(".archive-months__list a")}
    assert list(months) == ["Tháng 3/2024", "Tháng 2/2024", "Tháng 1/2024"]
    assert months["Tháng 2/2024"] == "/luu-tru/2024/02/"
    february = news.page("luu-tru/2024/02")
    assert february.h1.get_text() == "Tin bài tháng 2/2024"
    assert titles(february, ".article-card__title a") == ["Bài D", "Bài C"]
    assert titles(february, ".breadcrumbs li") == ["Trang chủ", "Lưu trữ", "Năm 2024", "Tháng 2/2024"]
    year = news.page("luu-tru/2024")
    assert "7 bài" in year.select_one(".page-lead").get_text()
    assert len(year.select(".article-card")) == 2  # paginated: DEFAULT_PAGINATION = 2
    assert news.page("luu-tru/2024/trang/4").select_one(".article-card__title a").get_text() == "Bài A"


def test_pagination_shows_ends_and_neighbours_with_gaps():
    assert page_window(1, 1) == [1]
    assert page_window(5, 20) == [1, 2, 3, 4, 5, 6, 7, None, 20]  # a one-page gap shows the page
    assert page_window(10, 20) == [1, None, 8, 9, 10, 11, 12, None, 20]
    assert page_window(1, 20) == [1, 2, 3, None, 20]
    assert page_window(4, 7) == [1, 2, 3, 4, 5, 6, 7]
    assert page_window(20, 20) == [1, None, 18, 19, 20]


def test_related_is_nearest_in_date_and_most_viewed_breaks_ties_by_date():
    def item(day, views=0, path=""):
        return SimpleNamespace(date=dt.datetime(2024, 1, day, tzinfo=TZ), news=SimpleNamespace(views=views),
                               source_path=path or str(day))
    ordered = [item(d) for d in (30, 20, 12, 10, 9, 1)]  # newest first
    assert [a.date.day for a in nearest(ordered, 3, 3)] == [12, 9, 1]  # 1 is 9 days away, 20 is 10
    assert [a.date.day for a in nearest(ordered, 0, 2)] == [20, 12]
    assert nearest(ordered[:1], 0, 5) == []
    tied = [item(1, 50), item(5, 50), item(3, 70)]
    assert [a.date.day for a in most_viewed(tied, 3)] == [3, 5, 1]


def test_about_page_and_english_page_come_from_settings(news):
    about = news.page("gioi-thieu")
    text = about.select_one("main").get_text(" ", strip=True)
    for value in ("Ủy ban nhân dân quận Đống Đa", "Số 99 phố Tôn Đức Thắng", "024 3851 3474",
                  "vanphong@dongda.hanoi.gov.vn", "Chịu trách nhiệm chính"):
        assert value in text
    assert about.select_one("main a[href^='tel:']")["href"] == "tel:+842438513474"
    assert about.select_one("link[hreflang='en']")["href"] == "/en/"
    english = news.page("en")
    assert english.select_one("html")["lang"] == "en"
    assert english.h1.get_text() == "About this site"
    assert "People's Committee of Dong Da District" in english.select_one("main").get_text()
    # every page's footer carries the contact details and the related agencies
    footer = news.page("tin-tuc-su-kien/bai-c").select_one("footer")
    assert "Chịu trách nhiệm chính" in footer.get_text() and footer.select_one("a[href='https://dichvucong.gov.vn']")


def test_search_and_not_found_pages(news):
    search = news.page("tim-kiem")
    form = search.select_one("main form[role=search]")
    assert form["action"] == "/tim-kiem/" and form["method"] == "get"
    assert form.select_one("input[name=q]")["id"] == form.select_one("label")["for"]
    from conftest import soup

    missing = soup(news.output / "404.html")
    assert missing.h1.get_text() == "Không tìm thấy trang"
    # served at any path, so every link and asset is root-relative
    for attr in ("href", "src"):
        for node in missing.select(f"[{attr}]"):
            value = node[attr]
            assert value.startswith(("/", "https://", "mailto:", "tel:", "#")), value


def test_header_has_emblem_search_and_menu_that_works_without_javascript(news):
    page = news.page("")
    assert page.select_one("header .brand img")["alt"] == ""  # the name beside it is the link text
    assert page.select_one("header .brand").get_text(" ", strip=True).startswith("Ủy ban nhân dân quận Đống Đa")
    assert page.select_one("header form[role=search] input[name=q]")
    menu = page.select_one("nav details.menu")
    assert menu.summary.get_text() == "Chuyên mục" and len(menu.select("a")) == 3  # two categories and archives


def test_bad_agency_settings_stop_the_build_with_the_missing_field(build_site, caplog):
    site = build_site({"a/index.md": article()}, NEWS_AGENCY={"name": "UBND phường", "name_en": "Ward"})
    assert not site.result.ok
    assert "NEWS_AGENCY thiếu address" in caplog.text and "phone" in caplog.text and "responsible" in caplog.text


def test_production_links_are_absolute_on_every_page(build_site):
    """SITEURL reaches every link, macros included, so a site can live under a sub-path."""
    from conftest import soup

    site = build_site({"a/index.md": article(), "b/index.md": article(title="Hai", date="22/03/2024 08:00")},
                      strict=True, SITEURL="https://example.gov.vn/tin-tuc")
    assert site.result.ok
    pages = [p for p in site.output.rglob("*.html")]
    assert len(pages) > 10
    for path in pages:
        for node in soup(path).select("a[href], link[href], img[src], script[src]"):
            value = node.get("href") or node.get("src")
            assert value.startswith(("https://", "mailto:", "tel:", "#")), f"{path.name}: {value}"
            if value.startswith("https://example.gov.vn"):
                assert value.startswith("https://example.gov.vn/tin-tuc/"), value


def test_share_links_need_a_public_address(build_site, caplog):
    site = build_site({"a/index.md": article()}, NEWS_PUBLIC_URL="")
    assert not site.result.ok and "NEWS_PUBLIC_URL phải là địa chỉ công khai của trang" in caplog.text


ALLOWED_FILTERS = {"safe", "lower", "page_window", "canonical"}


def test_templates_hold_no_logic_beyond_loops_and_conditionals():
    """Lists and values come from plugins; templates loop, test and print."""
    env = jinja2.Environment()
    for path in sorted((ROOT / "theme" / "templates").rglob("*.html")):
        tree = env.parse(path.read_text(encoding="utf-8"))
        filters = {node.name for node in tree.find_all(jinja2.nodes.Filter)}
        assert filters <= ALLOWED_FILTERS, f"{path.name} uses {filters - ALLOWED_FILTERS}"
        for node in tree.find_all(jinja2.nodes.Assign):  # {% set x = a.b %}: a plain alias only
            assert isinstance(node.node, (jinja2.nodes.Getattr, jinja2.nodes.Name)), path.name
        assert not list(tree.find_all(jinja2.nodes.Slice)), path.name
        arithmetic = (jinja2.nodes.Add, jinja2.nodes.Sub, jinja2.nodes.Mul, jinja2.nodes.Div)
        assert not [n for n in tree.find_all(jinja2.nodes.BinExpr) if isinstance(n, arithmetic)], path.name


def test_theme_requests_nothing_from_another_host():
    for path in (ROOT / "theme").rglob("*"):
        if path.suffix in {".html", ".css", ".js"} and "vendor" not in path.parts:
            text = path.read_text(encoding="utf-8")
            for needle in ("fonts.googleapis", "cdn.", "googletagmanager", "@import url(\"http", "//unpkg"):
                assert needle not in text, f"{path}: {needle}"
    css = Path(ROOT / "theme/static/css/site.css").read_text(encoding="utf-8")
    assert "url(\"../fonts/inter/InterVariable-vi.woff2\")" in css
