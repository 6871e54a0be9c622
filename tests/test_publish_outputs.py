"""What CI publishes besides the pages: feeds, sitemaps, robots, metadata,
minified and pre-compressed files, the security policy. Parsed as the
consumers (feed readers, search engines, browsers, web servers) parse them."""

import gzip
import json
import xml.etree.ElementTree as ET

import brotli
import feedparser
import pytest
from conftest import article, soup

PUBLIC = "https://dongda.hanoi.gov.vn"
SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"
IMAGE = "{http://www.google.com/schemas/sitemap-image/1.1}"


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    """A production build of three articles in two categories, one with a photo,
    one published within the last two days of the build time (SOURCE_DATE_EPOCH)."""
    import os

    from conftest import PROD, Site, make_photo
    from news_build.runner import build

    root = tmp_path_factory.mktemp("published")
    files = {
        "a/index.md": article(title="Hội nghị thi đua", date="21/03/2024 10:31", views=347,
                              body="Mở đầu bài <b>một</b>.\n\n![Quang cảnh Hội nghị](anh.jpg)", tags="[thi đua]"),
        "b/index.md": article(title="Ngày hội đọc sách", date="20/04/2025 08:00", category="Văn hóa - Xã hội",
                              summary="Tóm tắt bài hai.", modified="22/04/2025 09:00"),
        "c/index.md": article(title="Tin mới trong hai ngày", date="23/11/2025 09:00"),
    }
    for name, text in files.items():
        path = root / "content" / name
        path.parent.mkdir(parents=True)
        path.write_text(text, encoding="utf-8")
    make_photo(root / "content/a/anh.jpg", size=(1600, 1000))
    old = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = "1764000000"  # 2025-11-24 16:00 UTC
    try:
        result = build(PROD, str(root / "content"), str(root / "output"), strict=True,
                       overrides={"NEWS_IMAGES_CACHE_PATH": str(root / "cache")})
    finally:
        if old is None:
            os.environ.pop("SOURCE_DATE_EPOCH")
        else:
            os.environ["SOURCE_DATE_EPOCH"] = old
    assert result.ok
    return Site(root / "content", root / "output", result)


def test_site_feed_parses_with_stable_ids_local_dates_summary_and_cover(published):
    feed = feedparser.parse((published.output / "feeds/atom.xml").read_bytes())
    assert not feed.bozo, feed.bozo_exception
    assert feed.feed.title == "Quận Đống Đa – Tin hoạt động" and feed.feed.language == "vi"
    titles = [e.title for e in feed.entries]
    assert titles == ["Tin mới trong hai ngày", "Ngày hội đọc sách", "Hội nghị thi đua"]  # newest first
    first = feed.entries[2]
    assert first.id == "tag:dongda.hanoi.gov.vn,2024-03-21:hoi-nghi-thi-dua"
    assert first.link == f"{PUBLIC}/tin-tuc-su-kien/hoi-nghi-thi-dua/"
    assert first.published == "2024-03-21T10:31:00+07:00"
    assert first.summary == "Mở đầu bài một."
    cover = [link.href for link in first.links if link.rel == "enclosure"]
    assert len(cover) == 1 and cover[0].startswith(f"{PUBLIC}/tin-tuc-su-kien/hoi-nghi-thi-dua/anh-")
    assert cover[0].endswith("-og.jpg")
    second = feed.entries[1]
    assert second.updated == "2025-04-22T09:00:00+07:00" and second.summary == "Tóm tắt bài hai."


def test_each_category_has_its_own_feed_linked_from_its_pages(published):
    feed = feedparser.parse((published.output / "feeds/van-hoa-xa-hoi.atom.xml").read_bytes())
    assert not feed.bozo and [e.title for e in feed.entries] == ["Ngày hội đọc sách"]
    link = published.page("van-hoa-xa-hoi").select_one("link[type='application/atom+xml'][title='Văn hóa - Xã hội']")
    assert link["href"] == f"{PUBLIC}/feeds/van-hoa-xa-hoi.atom.xml"
    ids_again = feedparser.parse((published.output / "feeds/atom.xml").read_bytes()).entries
    assert len({e.id for e in ids_again}) == 3


def test_sitemap_lists_every_page_with_content_dates_and_photos(published):
    root = ET.parse(published.output / "sitemap.xml").getroot()
    entries = {u.findtext(f"{SM}loc"): u for u in root.iter(f"{SM}url")}
    for path in ("", "tin-tuc-su-kien/", "van-hoa-xa-hoi/", "tin-tuc-su-kien/hoi-nghi-thi-dua/",
                 "van-hoa-xa-hoi/ngay-hoi-doc-sach/", "luu-tru/", "gioi-thieu/", "en/"):
        assert f"{PUBLIC}/{path}" in entries, path
    seed = entries[f"{PUBLIC}/tin-tuc-su-kien/hoi-nghi-thi-dua/"]
    assert seed.findtext(f"{SM}lastmod") == "2024-03-21T10:31:00+07:00"
    photos = [i.findtext(f"{IMAGE}loc") for i in seed.iter(f"{IMAGE}image")]
    assert len(photos) == 1 and photos[0].endswith("-1600.jpg")
    modified = entries[f"{PUBLIC}/van-hoa-xa-hoi/ngay-hoi-doc-sach/"].findtext(f"{SM}lastmod")
    assert modified == "2025-04-22T09:00:00+07:00"


def test_news_sitemap_holds_the_last_two_days_in_vietnamese(published):
    root = ET.parse(published.output / "sitemap-news.xml").getroot()
    urls = list(root.iter(f"{SM}url"))
    assert [u.findtext(f"{SM}loc") for u in urls] == [f"{PUBLIC}/tin-tuc-su-kien/tin-moi-trong-hai-ngay/"]
    news = urls[0].find(f"{NEWS}news")
    assert news.findtext(f"{NEWS}publication/{NEWS}language") == "vi"
    assert news.findtext(f"{NEWS}publication/{NEWS}name") == "Quận Đống Đa"
    assert news.findtext(f"{NEWS}publication_date") == "2025-11-23T09:00:00+07:00"
    robots = (published.output / "robots.txt").read_text()
    assert f"Sitemap: {PUBLIC}/sitemap.xml" in robots and f"Sitemap: {PUBLIC}/sitemap-news.xml" in robots


def test_article_head_has_canonical_opengraph_and_valid_json_ld(published):
    page = published.page("tin-tuc-su-kien/hoi-nghi-thi-dua")
    url = f"{PUBLIC}/tin-tuc-su-kien/hoi-nghi-thi-dua/"
    assert page.select_one("link[rel=canonical]")["href"] == url
    og = {m["property"]: m["content"] for m in page.select("meta[property]")}
    assert og["og:url"] == url and og["og:title"] == "Hội nghị thi đua" and og["og:type"] == "article"
    assert og["og:image"].startswith(PUBLIC) and og["og:image"].endswith("-og.jpg")
    assert (og["og:image:width"], og["og:image:height"]) == ("1200", "630")
    assert page.select_one("meta[name='twitter:card']")["content"] == "summary_large_image"
    news, crumbs = json.loads(page.select_one("script[type='application/ld+json']").string)
    assert news["@type"] == "NewsArticle" and news["headline"] == "Hội nghị thi đua"
    assert news["datePublished"] == "2024-03-21T10:31:00+07:00" and news["dateModified"].endswith("+07:00")
    assert news["image"] == [og["og:image"]] and news["articleSection"] == "Tin tức - Sự kiện"
    assert news["publisher"]["name"] == "Ủy ban nhân dân quận Đống Đa" and news["publisher"]["logo"]["url"]
    assert [i["name"] for i in crumbs["itemListElement"]] == ["Trang chủ", "Tin tức - Sự kiện", "Hội nghị thi đua"]
    home = published.page("")
    assert home.select_one("link[rel=canonical]")["href"] == f"{PUBLIC}/"
    assert soup(published.output / "404.html").select_one("link[rel=canonical]") is None


def test_json_ld_cannot_break_out_of_its_script(build_site):
    site = build_site({"a/index.md": article(title="Tiêu đề có </script><script>alert(1)</script>")})
    script = site.page("tin-tuc-su-kien/tieu-de-co-script-script-alert-1-script").select_one(
        "script[type='application/ld+json']")
    assert "</script" not in script.string and json.loads(script.string)[0]["headline"].endswith("</script>")


def test_every_page_carries_a_strict_content_security_policy(published):
    for path in published.output.rglob("*.html"):
        page = soup(path)
        policy = page.select_one("meta[http-equiv='Content-Security-Policy']")["content"]
        assert "unsafe-inline" not in policy and "script-src 'self'" in policy, path
        assert page.select_one("meta[name=referrer]")["content"] == "strict-origin-when-cross-origin"
        for script in page.select("script"):
            assert script.get("src") or script.get("type") == "application/ld+json", path
        assert not page.select("[style]") and not page.select("style"), path
    headers = (published.output / "_headers").read_text()
    assert "Content-Security-Policy: default-src 'self'" in headers and "frame-ancestors 'self'" in headers
    assert "Referrer-Policy: strict-origin-when-cross-origin" in headers
    nginx = (published.output / "_nginx.conf").read_text()
    assert 'add_header Content-Security-Policy "default-src' in nginx and "gzip_static on;" in nginx


def test_production_files_are_minified_and_precompressed(published):
    html = (published.output / "index.html").read_text(encoding="utf-8")
    assert "\n\n" not in html and "  " not in html and "\n " not in html
    css = (published.output / "theme/css/site.css").read_text(encoding="utf-8")
    assert "/*" not in css and len(css.splitlines()) < 5
    assert "Đống Đa" in html  # UTF-8 text survives
    for name in ("index.html", "theme/css/site.css", "theme/js/site.js", "sitemap.xml", "feeds/atom.xml"):
        original = (published.output / name).read_bytes()
        assert gzip.decompress((published.output / f"{name}.gz").read_bytes()) == original
        assert brotli.decompress((published.output / f"{name}.br").read_bytes()) == original
    assert not list(published.output.rglob("*.jpg.gz")) and not list(published.output.rglob("*.webp.br"))


def index_files(output) -> dict:
    folder = output / "tim-kiem" / "chi-muc"
    return {p.name: json.loads(p.read_text(encoding="utf-8")) for p in folder.glob("*.json")}


def test_search_index_covers_articles_only(published):
    files = index_files(published.output)
    meta = files["meta.json"]
    assert meta["docs"] == 3 and meta["version"] == 2  # the three articles, nothing else
    docs = [doc for name in sorted(files) if name.startswith("d-") for doc in files[name]]
    assert sorted(d[0] for d in docs) == ["/tin-tuc-su-kien/hoi-nghi-thi-dua/", "/tin-tuc-su-kien/tin-moi-trong-hai-ngay/",
                                          "/van-hoa-xa-hoi/ngay-hoi-doc-sach/"]
    seed = next(d for d in docs if d[0] == "/tin-tuc-su-kien/hoi-nghi-thi-dua/")
    assert seed[1:4] == ["Hội nghị thi đua", "21/03/2024", "Tin tức - Sự kiện"]
    assert not list((published.output).rglob("pagefind*"))


def test_index_holds_titles_bodies_and_captions_not_navigation(published):
    from news_publish.search import bucket, fold

    files = index_files(published.output)
    buckets = files["meta.json"]["buckets"]
    terms = {term for name, shard in files.items() if name.startswith("t-") for term in shard}
    for name, shard in files.items():
        if name.startswith("t-"):  # every term sits in the bucket the browser will look in
            assert all(bucket(fold(t[1:]) if t[0] == "=" else t.lstrip("^"), buckets) == int(name[2:-5]) for t in shard)
    for word in ("hội", "nghị", "thi", "đua", "quang", "cảnh"):  # title, body, a caption
        assert fold(word) in terms
    for word in ("đua", "hội", "cảnh"):  # the words as written, for exact-match ranking
        assert "=" + word in terms
    for chrome in ("chuyên", "mục", "chịu", "trách", "nhiệm", "chia", "sẻ", "đăng", "lượt", "xem"):
        assert fold(chrome) not in terms, chrome


def test_policy_frames_only_the_configured_video_hosts(build_site):
    site = build_site({"a/index.md": article()}, NEWS_EMBED_HOSTS=("youtube.com", "vtv.vn"))
    policy = site.page("").select_one("meta[http-equiv='Content-Security-Policy']")["content"]
    frames = next(part for part in policy.split("; ") if part.startswith("frame-src"))
    assert frames == "frame-src https://www.youtube-nocookie.com https://vtv.vn https://*.vtv.vn"
    assert frames in (site.output / "_headers").read_text()


def test_a_quiet_week_writes_no_empty_news_sitemap(build_site):
    site = build_site({"a/index.md": article(date="01/03/2024 08:00")}, strict=True)
    assert site.result.ok
    assert not (site.output / "sitemap-news.xml").exists()
    assert "sitemap-news" not in (site.output / "robots.txt").read_text()


def test_html_loses_indentation_but_never_a_space_readers_see():
    from news_publish.compress import collapse_whitespace

    html = '<div>\n    <strong>Nguồn:</strong> <a href="#">Báo</a>\n\n    <pre>  một\n      hai</pre>\n</div>'
    expected = '<div>\n<strong>Nguồn:</strong> <a href="#">Báo</a>\n<pre>  một\n      hai</pre>\n</div>'
    assert collapse_whitespace(html) == expected


def test_two_publish_runs_in_other_processes_time_zones_and_file_orders_are_identical(tmp_path):
    """What CI publishes depends on the sources only: not the clock's zone, hash seeds or disk order."""
    import os
    import subprocess
    import sys

    from conftest import ROOT, make_photo

    sources = {
        "a/index.md": article(body="Mở đầu.\n\n![Quang cảnh](x.jpg)", tags="[thi đua]"),
        "b/index.md": article(title="Bài hai", date="22/03/2024 09:00", category="Văn hóa - Xã hội"),
        "c/index.md": article(title="Bài ba", date="23/03/2024 09:00"),
    }
    outputs = []
    runs = [("UTC", "1", sorted), ("Asia/Tokyo", "4242", lambda names: sorted(names)[::-1])]
    for run, (zone, seed, order) in enumerate(runs):
        content = tmp_path / f"content{run}"
        for name in order(sources):
            path = content / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(sources[name], encoding="utf-8")
        make_photo(content / "a" / "x.jpg")
        output = tmp_path / f"output{run}"
        env = {**os.environ, "TZ": zone, "PYTHONHASHSEED": seed, "SOURCE_DATE_EPOCH": "1764000000"}
        done = subprocess.run([sys.executable, "-m", "invoke", "publish", "--content", str(content),
                               "--output", str(output)], cwd=ROOT, env=env, capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        outputs.append(output)
    files = [sorted(p.relative_to(o) for p in o.rglob("*") if p.is_file()) for o in outputs]
    assert files[0] == files[1] and len(files[0]) > 50
    for name in files[0]:
        assert (outputs[0] / name).read_bytes() == (outputs[1] / name).read_bytes(), name
