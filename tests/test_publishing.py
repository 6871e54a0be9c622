"""What each build publishes: drafts, future articles, collisions, atomic swap."""

import hashlib
from pathlib import Path

from conftest import article


def tree(folder: Path) -> dict:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*")) if p.is_file()
    }


def mentions(site, text: str) -> list[str]:
    return [f for f in site.files() if text in (site.output / f).read_bytes().decode("utf-8", "replace")]


DRAFTS = {
    "a/index.md": article(title="Bài đã đăng"),
    "b/index.md": article(title="Bài nháp bí mật", status="draft", body="Nội dung nháp.\n\n![Ảnh nháp](nhap.jpg)"),
    "b/nhap.jpg": None,
    "c/index.md": article(title="Bài hẹn giờ đăng", date="01/01/2030 08:00"),
}


def test_production_writes_no_draft_and_no_future_article_anywhere(build_site):
    site = build_site(DRAFTS, strict=True)
    assert site.result.ok
    assert "tin-tuc-su-kien/bai-da-dang/index.html" in site.files()
    assert mentions(site, "Bài nháp bí mật") == []
    assert mentions(site, "Bài hẹn giờ đăng") == []
    assert not any(f.startswith("drafts/") or f.endswith("nhap.jpg") for f in site.files())


def test_development_shows_drafts_and_future_articles_marked(build_site):
    site = build_site(DRAFTS)
    draft = site.page("tin-tuc-su-kien/bai-nhap-bi-mat")
    assert draft.select_one(".badge--draft").get_text(strip=True) == "Bản nháp"
    future = site.page("tin-tuc-su-kien/bai-hen-gio-dang")
    assert future.select_one(".badge--scheduled").get_text(strip=True) == "Chưa đến giờ đăng"
    assert site.page("tin-tuc-su-kien/bai-da-dang").select_one(".badge") is None


def test_unknown_status_is_an_error(build_site, caplog):
    site = build_site({"a/index.md": article(status="nhap")})
    assert 'index.md:5: status: trạng thái "nhap" không hợp lệ' in caplog.text
    assert mentions(site, "Hội nghị thi đua") == []


def test_two_articles_with_one_url_are_an_error_naming_both(build_site, caplog):
    site = build_site({
        "2023/hoi-nghi/index.md": article(title="Hội nghị tổng kết"),
        "2024/hoi-nghi/index.md": article(title="Hội nghị tổng kết", date="01/02/2024"),
        "2024/khac/index.md": article(title="Bài khác"),
    })
    message = next(r.getMessage() for r in caplog.records if "trùng đường dẫn" in r.getMessage())
    assert "2023/hoi-nghi/index.md" in message and "2024/hoi-nghi/index.md" in message
    assert "/tin-tuc-su-kien/hoi-nghi-tong-ket/index.html" in message
    assert "tin-tuc-su-kien/hoi-nghi-tong-ket/index.html" not in site.files()
    assert "tin-tuc-su-kien/bai-khac/index.html" in site.files()
    assert site.result.errors == 1


def test_strict_build_fails_on_a_warning_and_keeps_previous_output(build_site, tmp_path):
    output = tmp_path / "public"
    good = build_site({"a/index.md": article(title="Bài một")}, strict=True, output=output)
    assert good.result.ok
    before = tree(output)
    bad = build_site({"a/index.md": article(title="Bài hai", catgory="x")}, strict=True, output=output)
    assert not bad.result.ok and bad.result.warnings == 1
    assert tree(output) == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".output-")]


def test_strict_build_fails_on_an_error_and_keeps_previous_output(build_site, tmp_path):
    output = tmp_path / "public"
    build_site({"a/index.md": article(title="Bài một")}, strict=True, output=output)
    before = tree(output)
    bad = build_site({"a/index.md": article(title="Bài một"), "b/index.md": article(title="Hỏng", date="x")},
                     strict=True, output=output)
    assert not bad.result.ok and bad.result.errors == 1
    assert tree(output) == before


def test_strict_build_replaces_output_on_success(build_site, tmp_path):
    output = tmp_path / "public"
    build_site({"a/index.md": article(title="Bài một")}, strict=True, output=output)
    build_site({"a/index.md": article(title="Bài hai")}, strict=True, output=output)
    files = [str(p.relative_to(output)) for p in output.rglob("index.html")]
    assert "tin-tuc-su-kien/bai-hai/index.html" in files
    assert "tin-tuc-su-kien/bai-mot/index.html" not in files


def test_output_that_would_delete_the_sources_is_refused(build_site, tmp_path, caplog):
    content = tmp_path / "content"
    site = build_site({"a/index.md": article()}, content=content, output=content)
    assert not site.result.ok
    assert "thư mục kết quả (output)" in caplog.text
    assert (content / "a/index.md").read_text(encoding="utf-8") == article()


def test_source_files_are_never_changed(build_site, tmp_path):
    content = tmp_path / "src"
    files = {"a/index.md": article(views="1.234", slug="Hội nghị"), "a/x.jpg": None}
    site = build_site(files, content=content)
    before = tree(content)
    build_site({}, content=content, output=site.output)
    assert tree(content) == before


def test_same_sources_give_byte_identical_output(build_site, tmp_path):
    files = {"a/index.md": article(body="Mở đầu.\n\n![Ảnh](x.jpg)"), "a/x.jpg": None,
             "b/index.md": article(title="Bài hai", tags="[a, b]")}
    one = build_site(files, strict=True)
    two = build_site(files, strict=True)
    assert tree(one.output) == tree(two.output) and len(tree(one.output)) > 5


def test_urls_are_the_same_in_development_and_production(build_site):
    files = {"a/index.md": article(body="![Ảnh](x.jpg)"), "a/x.jpg": None}
    dev = build_site(files)
    prod = build_site(files, strict=True)

    def pages(site):  # production adds .gz/.br copies; the editor (quan-tri/) is the preview's only
        return [f for f in site.files() if not f.endswith((".gz", ".br")) and not f.startswith("quan-tri/")]

    assert pages(dev) == pages(prod)
    img = prod.page("tin-tuc-su-kien/hoi-nghi-thi-dua").select_one("figure img")["src"]
    assert img.startswith("https://") and "/tin-tuc-su-kien/hoi-nghi-thi-dua/x-" in img
    dev_img = dev.page("tin-tuc-su-kien/hoi-nghi-thi-dua").select_one("figure img")["src"]
    assert dev_img == "/" + img.split("/", 3)[3]  # same path, host only in production


def test_category_pages_paginate_with_numbered_links(build_site):
    files = {f"a{i}/index.md": article(title=f"Bài số {i}", date=f"{i + 1:02d}/03/2024") for i in range(14)}
    site = build_site(files)
    first = site.page("tin-tuc-su-kien")
    assert len(first.select(".article-card")) == 12
    assert first.select_one(".article-card a").get_text() == "Bài số 13"  # newest first
    links = {a.get_text(): a["href"] for a in first.select(".pagination a")}
    assert links["Trang 2"] == "/tin-tuc-su-kien/trang/2/"
    second = site.page("tin-tuc-su-kien/trang/2")
    assert [a.get_text() for a in second.select(".article-card a")] == ["Bài số 1", "Bài số 0"]
    assert second.select_one('.pagination [aria-current="page"]').get_text() == "Trang 2"


def test_pages_need_only_a_title(build_site):
    site = build_site({"pages/quy-che/index.md": "---\ntitle: Quy chế hoạt động\n---\n\nQuy chế của trang.\n",
                       "a/index.md": article()}, strict=True)
    assert site.result.ok
    assert site.page("quy-che-hoat-dong").h1.get_text() == "Quy chế hoạt động"


def test_a_page_named_like_a_theme_page_is_an_error_naming_both(build_site, caplog):
    site = build_site({"pages/gioi-thieu/index.md": "---\ntitle: Giới thiệu\n---\n\nVề chúng tôi.\n",
                       "a/index.md": article()}, strict=True)
    assert not site.result.ok
    assert "gioi-thieu/index.html" in caplog.text and "trang about của giao diện" in caplog.text


def test_same_date_articles_are_ordered_by_source_path(build_site):
    one = build_site({name: article(title=f"Bài {name[0]}", date="01/03/2024") for name in ["b/index.md", "a/index.md", "c/index.md"]})
    titles = [a.get_text() for a in one.page("tin-tuc-su-kien").select(".article-card__title a")]
    assert titles == ["Bài a", "Bài b", "Bài c"]


def test_navigation_follows_configured_category_order_and_marks_current(build_site):
    site = build_site({"a/index.md": article(category="Văn hóa - Xã hội"), "b/index.md": article(title="Hai")})
    for menu in (".site-nav__bar a", ".menu__list a"):  # desktop bar, phone menu
        nav = site.page("van-hoa-xa-hoi").select(menu)
        names = [a.get_text() for a in nav if "Tin tức" in a.get_text() or "Văn hóa" in a.get_text()]
        assert names == ["Tin tức - Sự kiện", "Văn hóa - Xã hội"]
        assert [a.get_text() for a in nav if a.has_attr("aria-current")] == ["Văn hóa - Xã hội"]
        assert site.page("van-hoa-xa-hoi").select_one(f'{menu}[aria-current]')["aria-current"] == "page"
        in_article = site.page("van-hoa-xa-hoi/hoi-nghi-thi-dua").select(f'{menu}[aria-current]')
        assert [(a.get_text(), a["aria-current"]) for a in in_article] == [("Văn hóa - Xã hội", "true")]
