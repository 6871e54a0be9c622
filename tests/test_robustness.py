"""Inputs editors and IT really produce, found by trying to break the build."""

import os
import re

import pytest
from conftest import article

URL = "tin-tuc-su-kien/hoi-nghi-thi-dua"


def test_output_folder_holding_other_files_is_never_deleted(build_site, tmp_path, caplog):
    other = tmp_path / "plugins-like"
    other.mkdir()
    (other / "important.py").write_text("x = 1\n", encoding="utf-8")
    for strict in (False, True):
        site = build_site({"a/index.md": article()}, output=other, strict=strict)
        assert not site.result.ok and site.result.crashed
        assert (other / "important.py").read_text(encoding="utf-8") == "x = 1\n"
    assert "không phải do lần dựng trước tạo ra" in caplog.text


def test_output_symlinked_to_the_content_is_refused(build_site, tmp_path):
    content = tmp_path / "c"
    link = tmp_path / "link"
    content.mkdir()
    link.symlink_to(content, target_is_directory=True)
    site = build_site({"a/index.md": article()}, content=content, output=link)
    assert site.result.crashed
    assert sorted(os.listdir(content)) == ["a"]


def test_missing_content_folder_is_an_error(build_site, tmp_path, caplog):
    from conftest import DEV
    from news_build.runner import build

    result = build(DEV, str(tmp_path / "khong-co"), str(tmp_path / "out"))
    assert result.crashed and "không tìm thấy thư mục nội dung (content)" in caplog.text


def test_publishing_an_empty_content_folder_fails_and_keeps_the_site(build_site, tmp_path, caplog):
    output = tmp_path / "public"
    build_site({"a/index.md": article()}, strict=True, output=output)
    empty = tmp_path / "empty"
    empty.mkdir()
    site = build_site({}, strict=True, output=output, content=empty)
    assert not site.result.ok and "không có bài viết nào để xuất bản" in caplog.text
    assert (output / URL / "index.html").exists()


def test_draft_page_is_not_published(build_site):
    site = build_site({"pages/nhap/index.md": "---\ntitle: Trang nháp\nstatus: draft\n---\n\nBí mật.\n",
                       "a/index.md": article()}, strict=True)
    assert site.result.ok
    assert not [f for f in site.files() if "nhap" in f]


@pytest.mark.parametrize("title, lost", [
    ("Phát động chiến dịch #DongDaXanh năm 2024", '"#DongDaXanh năm 2024" sau dấu #'),
    ("!!! Thông báo khẩn", 'bắt đầu bằng "!"'),
    ("&Nbsp Tin mới", 'bắt đầu bằng "&"'),
])
def test_yaml_never_cuts_a_title_silently(build_site, caplog, title, lost):
    site = build_site({"a/index.md": article(title=title, slug="bai")})
    assert "index.md:2: title:" in caplog.text and lost in caplog.text
    assert "thiếu trường bắt buộc" not in caplog.text
    assert not (site.output / "tin-tuc-su-kien/bai").exists()
    quoted = build_site({"a/index.md": article(title=f'"{title}"', slug="bai")})
    assert quoted.page("tin-tuc-su-kien/bai").h1.get_text() == title


def test_same_title_in_two_categories_is_fine(build_site):
    site = build_site({"a/index.md": article(title="Lịch tiếp công dân"),
                       "b/index.md": article(title="Lịch tiếp công dân", category="Văn hóa - Xã hội")}, strict=True)
    assert site.result.ok and site.result.warnings == 0


def test_page_named_like_a_category_is_an_error_not_a_crash(build_site, caplog):
    site = build_site({"pages/p/index.md": "---\ntitle: Tin tức - Sự kiện\n---\n\nTrang.\n", "a/index.md": article()})
    assert not site.result.crashed and site.result.errors == 1
    assert "trùng đường dẫn (URL) /tin-tuc-su-kien/index.html" in caplog.text
    assert site.page("tin-tuc-su-kien").h1.get_text() == "Tin tức - Sự kiện"
    assert (site.output / "theme/css/site.css").exists()


def test_upper_case_extension_is_read_and_notepad_txt_is_flagged(build_site, caplog):
    site = build_site({"a/index.MD": article(), "b/index.md.txt": article(title="Bài hai")})
    assert f"{URL}/index.html" in site.files()
    assert "b/index.md.txt: tệp này không được đọc như một bài viết" in caplog.text


@pytest.mark.parametrize("date", ["01/01/0001", "21/03/1899", "21/03/2224"])
def test_implausible_years_are_errors(build_site, caplog, date):
    build_site({"a/index.md": article(date=date)})
    assert "index.md:3: date: năm" in caplog.text and "không hợp lý" in caplog.text


def test_line_numbers_survive_unicode_line_separators(build_site, caplog):
    body = "Đoạn có LS\u2028giữa và FF\x0cở đây.\n\n![Ảnh](khong-co.jpg)"
    build_site({"a/index.md": article(body=body)})
    assert 'index.md:9: ảnh: không tìm thấy ảnh "khong-co.jpg"' in caplog.text


def test_wrong_case_photo_name_suggests_the_real_one(build_site, caplog):
    site = build_site({"a/index.md": article(body="![Ảnh](Anh.JPG)"), "a/anh.jpg": None})
    assert 'không tìm thấy ảnh "Anh.JPG". Có phải ý bạn là "anh.jpg"?' in caplog.text
    assert site.result.errors == 1


def test_windows_backslash_photo_path_works(build_site):
    site = build_site({"a/index.md": article(body="![Ảnh hai](hinh\\hai.jpg)"), "a/hinh/hai.jpg": None})
    assert site.result.errors == 0
    src = site.page(URL).select_one("figure img")["src"]
    assert src.startswith(f"/{URL}/hai-") and (site.output / src.lstrip("/")).is_file()


def test_photo_names_become_ascii_urls_and_letters_stay_utf8(build_site):
    site = build_site({"a/index.md": article(body="Mở đầu.\n\n![Ảnh](<ảnh #1.jpg>)"), "a/ảnh #1.jpg": None})
    page = (site.output / URL / "index.html").read_text(encoding="utf-8")
    assert "Mở đầu." in page and "&" not in page.split("<main", 1)[1].split("</main>")[0]
    src = site.page(URL).select_one("figure img")["src"]
    assert re.fullmatch(rf"/{URL}/anh-1-[0-9a-f]{{10}}-640\.jpg", src)
    assert (site.output / src.lstrip("/")).is_file()


def test_footnotes_are_in_vietnamese(build_site):
    site = build_site({"a/index.md": article(body="Câu có chú thích.[^1]\n\n[^1]: Nguồn: UBND quận.")})
    backlink = site.page(URL).select_one(".footnote-backref")
    assert backlink["title"] == "Quay lại chỗ chú thích 1 trong bài"


def test_inline_image_without_alt_is_one_vietnamese_error(build_site, caplog):
    site = build_site({"a/index.md": article(body="Chữ ![](a.jpg) chữ."), "a/a.jpg": None})
    assert (site.result.errors, site.result.warnings) == (1, 0)
    assert "thiếu chú thích (caption)" in caplog.text and "Empty alt" not in caplog.text


def test_huge_views_is_an_error_not_a_crash(build_site, caplog):
    site = build_site({"a/index.md": article(views="99999999999999999999999999")})
    assert not site.result.crashed and 'index.md:5: views:' in caplog.text


def test_html_comments_never_reach_the_page(build_site):
    site = build_site({"a/index.md": article(body="Đoạn một.\n\n<!-- ghi chú nội bộ: 0912345678 -->\n\nĐoạn hai <!-- nữa -->.")})
    html = (site.output / URL / "index.html").read_text(encoding="utf-8")
    assert "0912345678" not in html and "nữa" not in html
    assert "Đoạn hai" in html


def test_empty_body_and_modified_before_date_are_warnings(build_site, caplog):
    site = build_site({"a/index.md": article(body="", modified="01/01/2024")})
    assert "index.md:7: bài viết chưa có nội dung" in caplog.text
    assert "index.md:5: modified: ngày sửa (modified) sớm hơn ngày đăng (date)" in caplog.text
    assert site.result.warnings == 2
