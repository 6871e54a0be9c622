"""Front-matter rules, checked on built sites and on the log an editor reads."""

import unicodedata

import pytest
from conftest import article


def meta_line(site, url):
    return " ".join(site.page(url).select_one(".article-meta").get_text().split())


def test_article_page_shows_category_title_and_legacy_meta_line(build_site):
    site = build_site({"2024/a/index.md": article(title="Hội nghị thi đua", views=347)})
    page = site.page("tin-tuc-su-kien/hoi-nghi-thi-dua")
    assert page.html["lang"] == "vi"
    assert page.select_one(".article__category").get_text(strip=True) == "Tin tức - Sự kiện"
    assert page.h1.get_text(strip=True) == "Hội nghị thi đua"
    assert meta_line(site, "tin-tuc-su-kien/hoi-nghi-thi-dua") == "Ngày đăng 21/03/2024 | 10:31 | Lượt xem: 347"
    assert page.select_one(".article-meta time")["datetime"] == "2024-03-21T10:31:00+07:00"


@pytest.mark.parametrize("written, shown", [
    ("1.234", "1.234"), ('"1.234"', "1.234"), ("1.230", "1.230"), ("14995", "14.995"),
    ("0", "0"), ('"2.310"', "2.310"), ("1.234.567", "1.234.567"),
])
def test_views_accept_vietnamese_thousands(build_site, written, shown):
    site = build_site({"2024/a/index.md": article(views=written)})
    assert meta_line(site, "tin-tuc-su-kien/hoi-nghi-thi-dua").endswith(f"Lượt xem: {shown}")


def test_views_default_to_zero(build_site):
    site = build_site({"2024/a/index.md": article()})
    assert meta_line(site, "tin-tuc-su-kien/hoi-nghi-thi-dua").endswith("Lượt xem: 0")


@pytest.mark.parametrize("written, words", [
    ('"1,2k"', '"1,2k" không phải là số'), ("-5", "không thể là số âm"),
    ("1.23", '"1.23" không phải là số'), ("[1, 2]", "không phải là số"), ("nhiều", "không phải là số"),
])
def test_bad_views_are_errors_naming_file_line_and_fix(build_site, caplog, written, words):
    site = build_site({"2024/a/index.md": article(views=written)})
    assert "index.md:5: views: " in caplog.text and words in caplog.text
    assert "Viết một số nguyên không âm, ví dụ 1234 hoặc 1.234." in caplog.text
    assert not (site.output / "tin-tuc-su-kien/hoi-nghi-thi-dua").exists()


def test_date_is_read_day_first(build_site):
    site = build_site({"2024/a/index.md": article(date="03/04/2024")})
    page = site.page("tin-tuc-su-kien/hoi-nghi-thi-dua")
    assert page.select_one(".article-meta time")["datetime"] == "2024-04-03T00:00:00+07:00"
    assert meta_line(site, "tin-tuc-su-kien/hoi-nghi-thi-dua").startswith("Ngày đăng 03/04/2024 | 00:00")


def test_date_with_offset_is_kept(build_site):
    site = build_site({"2024/a/index.md": article(date="2024-03-21T10:31:00+09:00")})
    assert site.page("tin-tuc-su-kien/hoi-nghi-thi-dua").select_one("time")["datetime"] == "2024-03-21T10:31:00+09:00"


@pytest.mark.parametrize("date, words", [
    ("31/02/2024", "ngày 31/02/2024 không tồn tại"), ("ngày mai", "không phải là ngày tháng"),
    (None, "thiếu trường bắt buộc"),
])
def test_bad_or_missing_date_is_an_error(build_site, caplog, date, words):
    site = build_site({"2024/a/index.md": article(date=date)})
    assert "index.md:" in caplog.text and "date:" in caplog.text and words in caplog.text
    assert "Viết ngày trước, tháng sau" in caplog.text or "Thêm dòng date:" in caplog.text
    assert not (site.output / "tin-tuc-su-kien/hoi-nghi-thi-dua").exists()


@pytest.mark.parametrize("title, words", [(None, "thiếu trường bắt buộc"), ('""', "không được để trống"), ("", "không được để trống")])
def test_title_is_required_and_not_empty(build_site, caplog, title, words):
    site = build_site({"2024/a/index.md": article(title=title, slug="bai-viet")})
    assert "title:" in caplog.text and words in caplog.text
    assert not (site.output / "tin-tuc-su-kien/bai-viet").exists()


@pytest.mark.parametrize("written", [
    "Hoạt động của UBND quận", "hoạt động của ubnd quận", "HOẠT ĐỘNG CỦA UBND QUẬN", "ubnd-quan",
    unicodedata.normalize("NFD", "Hoạt động của UBND quận"), '"  Hoạt động   của UBND quận "',
])
def test_category_matches_name_or_slug_ignoring_case_and_normalisation(build_site, written):
    site = build_site({"2024/a/index.md": article(category=written)})
    page = site.page("ubnd-quan/hoi-nghi-thi-dua")
    assert page.select_one(".article__category").get_text(strip=True) == "Hoạt động của UBND quận"
    assert (site.output / "ubnd-quan/index.html").exists()


def test_unknown_category_lists_known_ones_and_suggests_closest(build_site, caplog):
    site = build_site({"2024/a/index.md": article(category="Hoạt động UBND quận")})
    assert 'index.md:4: category: chuyên mục "Hoạt động UBND quận" không có trong danh sách' in caplog.text
    assert 'Có phải ý bạn là "Hoạt động của UBND quận"?' in caplog.text
    assert "Tin tức - Sự kiện; Hoạt động của Quận ủy" in caplog.text
    assert site.files() == [] or not any("hoi-nghi" in f for f in site.files())


def test_slug_is_ascii_and_same_for_nfc_and_nfd(build_site):
    title = "Đống Đa ra quân Tháng Thanh niên"
    nfc = build_site({"a/index.md": article(title=unicodedata.normalize("NFC", title))})
    nfd = build_site({"a/index.md": article(title=unicodedata.normalize("NFD", title))})
    assert "tin-tuc-su-kien/dong-da-ra-quan-thang-thanh-nien/index.html" in nfc.files()
    assert nfc.files() == nfd.files()
    shown = nfd.page("tin-tuc-su-kien/dong-da-ra-quan-thang-thanh-nien").h1.get_text()
    assert shown == unicodedata.normalize("NFC", title)  # what readers see and search is NFC


def test_given_slug_wins_and_is_made_ascii_with_a_warning(build_site, caplog):
    site = build_site({"a/index.md": article(slug="Hội nghị 2024")})
    assert "tin-tuc-su-kien/hoi-nghi-2024/index.html" in site.files()
    assert 'index.md:5: slug: "Hội nghị 2024" đã được đổi thành "hoi-nghi-2024"' in caplog.text


def test_unknown_field_is_a_warning_suggesting_the_known_one(build_site, caplog):
    site = build_site({"a/index.md": article(catgory="x")})
    assert "CẢNH BÁO" not in caplog.text  # the plain printer is not what caplog sees
    record = next(r for r in caplog.records if "catgory" in r.getMessage())
    assert record.levelname == "WARNING"
    assert 'index.md:5: catgory: trường (field) không được hỗ trợ' in record.getMessage()
    assert 'Có phải ý bạn là "category"?' in record.getMessage()
    assert "tin-tuc-su-kien/hoi-nghi-thi-dua/index.html" in site.files()


def test_invalid_yaml_names_the_line_and_explains_quoting(build_site, caplog):
    text = "---\ntitle: Hội nghị: kết quả năm 2023\ndate: 21/03/2024\ncategory: Tin tức - Sự kiện\n---\nBài.\n"
    site = build_site({"a/index.md": text})
    assert "index.md:2: title: khai báo YAML không hợp lệ: giá trị có dấu hai chấm (:) mà không nằm trong ngoặc kép" in caplog.text
    assert "dấu ngoặc kép" in caplog.text
    assert site.result.errors == 1


def test_missing_front_matter_and_unclosed_front_matter(build_site, caplog):
    build_site({"a/index.md": "title: x\n\nBài.\n", "b/index.md": "---\ntitle: x\ndate: 21/03/2024\n"})
    assert "a/index.md:1: tệp không bắt đầu bằng phần khai báo" in caplog.text
    assert "b/index.md:1: phần khai báo (front matter) mở bằng --- nhưng không có dòng --- đóng lại" in caplog.text


def test_duplicate_field_is_an_error(build_site, caplog):
    build_site({"a/index.md": article(body="x").replace("date:", "title: Hai\ndate:", 1)})
    assert "index.md:3: title: trường này đã được khai báo ở dòng 2" in caplog.text


def test_crlf_bom_and_tags_are_read(build_site):
    text = "\ufeff" + article(tags="[thi đua, Khen thưởng, thi đua]").replace("\n", "\r\n")
    site = build_site({"a/index.md": text})
    tags = [a.get_text() for a in site.page("tin-tuc-su-kien/hoi-nghi-thi-dua").select(".article__tags a")]
    assert tags == ["thi đua", "Khen thưởng"]
    assert "the/khen-thuong/index.html" in site.files()


def test_non_utf8_file_is_an_error_not_a_crash(build_site, caplog, capsys):
    site = build_site({"a/index.md": article().encode("cp1258", errors="replace")})
    assert "a/index.md:2: tệp không được lưu bằng mã UTF-8" in caplog.text
    assert "Traceback" not in capsys.readouterr().err
    assert site.result.errors == 1


def test_every_error_in_every_file_is_reported_in_one_run(build_site, caplog):
    site = build_site({
        "a/index.md": article(title="Bài A", date="31/02/2024", views="nhiều"),
        "b/index.md": article(title="Bài B", category="Không có"),
        "c/index.md": article(title="Bài C tốt"),
    })
    assert "a/index.md:3: date:" in caplog.text
    assert "a/index.md:5: views:" in caplog.text
    assert "b/index.md:4: category:" in caplog.text
    assert site.result.errors == 3
    assert "Could not process" not in caplog.text
    assert [f for f in site.files() if f.startswith("tin-tuc-su-kien/")] == [
        "tin-tuc-su-kien/bai-c-tot/index.html", "tin-tuc-su-kien/index.html"]


def test_summary_defaults_to_the_lead_paragraph(build_site):
    site = build_site({"a/index.md": article(body="Đoạn mở đầu có **chữ đậm**.\n\nĐoạn hai.")})
    listing = site.page("tin-tuc-su-kien")
    assert listing.select_one(".article-card__summary").get_text() == "Đoạn mở đầu có chữ đậm."
    assert site.page("").select_one(".lead-story__summary").get_text() == "Đoạn mở đầu có chữ đậm."
    assert site.page("tin-tuc-su-kien/hoi-nghi-thi-dua").find("meta", attrs={"name": "description"})["content"] == "Đoạn mở đầu có chữ đậm."


def test_the_default_summary_reads_past_a_quoted_angle_bracket(build_site):
    body = 'UBND <abbr title="Ủy ban > nhân dân">quận</abbr> họp <em>định kỳ</em>.\n\nĐoạn hai.'
    site = build_site({"a/index.md": article(body=body)})
    meta = site.page("tin-tuc-su-kien/hoi-nghi-thi-dua").find("meta", attrs={"name": "description"})
    assert meta["content"] == "UBND quận họp định kỳ."


def test_body_starting_like_a_field_is_kept_as_text(build_site):
    site = build_site({"a/index.md": article(body="Ghi chú: buổi lễ bắt đầu lúc 8 giờ.\n\nĐoạn hai.")})
    first = site.page("tin-tuc-su-kien/hoi-nghi-thi-dua").select_one(".article__body p")
    assert first.get_text() == "Ghi chú: buổi lễ bắt đầu lúc 8 giờ."


def test_lists_show_the_vietnamese_weekday(build_site):
    site = build_site({"a/index.md": article(date="21/03/2024 10:31")})
    assert site.page("tin-tuc-su-kien").select_one(".article-card time").get_text() == "Thứ Năm, 21/03/2024"
