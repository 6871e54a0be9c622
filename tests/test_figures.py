"""Standalone images become captioned figures; galleries become sections."""
import re

import pytest

from conftest import article

URL = "tin-tuc-su-kien/hoi-nghi-thi-dua"


def test_standalone_image_becomes_a_figure_captioned_by_alt(build_site):
    site = build_site({"a/index.md": article(body="Mở đầu.\n\n![Quang cảnh Hội nghị](quang-canh.jpg)\n\nTiếp."),
                       "a/quang-canh.jpg": None})
    figure = site.page(URL).select_one(".article__body figure")
    assert figure.figcaption.get_text() == "Quang cảnh Hội nghị"
    assert figure.img["alt"] == "Quang cảnh Hội nghị"
    assert re.fullmatch(rf"/{URL}/quang-canh-[0-9a-f]{{10}}-640\.jpg", figure.img["src"])
    assert (figure.img["width"], figure.img["height"]) == ("640", "480")
    assert (site.output / figure.img["src"].lstrip("/")).is_file()
    assert not (site.output / URL / "quang-canh.jpg").exists()  # originals are never published


def test_title_is_the_caption_when_given(build_site):
    site = build_site({"a/index.md": article(body='![Hai người bắt tay](a.jpg "Đồng chí A trao Bằng khen")'), "a/a.jpg": None})
    figure = site.page(URL).select_one("figure")
    assert figure.figcaption.get_text() == "Đồng chí A trao Bằng khen"
    assert figure.img["alt"] == "Hai người bắt tay"
    assert not figure.img.has_attr("title")


def test_inline_image_in_text_stays_inline(build_site):
    site = build_site({"a/index.md": article(body="Chữ ![biểu tượng](a.jpg) chữ."), "a/a.jpg": None})
    body = site.page(URL).select_one(".article__body")
    assert body.select("figure") == []
    assert body.select_one("p picture img")["src"].startswith(f"/{URL}/a-")


def test_image_without_caption_is_an_error_as_in_a_gallery(build_site, caplog):
    site = build_site({"a/index.md": article(body="Mở đầu.\n\n![](a.jpg)"), "a/a.jpg": None})
    assert 'LỖI: ' in site.result.messages[0]
    assert 'index.md:9: ảnh: ảnh "a.jpg" thiếu chú thích (caption)' in caplog.text
    assert not (site.output / URL / "index.html").exists()


GALLERY = """Mở đầu.

::: gallery Một số hình ảnh Hội nghị
![Các đại biểu tham dự Hội nghị](dai-bieu.jpg)

![Trao Bằng khen](trao.jpg "Đồng chí B trao Bằng khen cho các đơn vị")   
:::

Kết thúc."""


def test_gallery_becomes_a_titled_section_of_captioned_links(build_site):
    site = build_site({"a/index.md": article(body=GALLERY.replace("\n", "\r\n")), "a/dai-bieu.jpg": None, "a/trao.jpg": None})
    gallery = site.page(URL).select_one("section.news-gallery")
    assert gallery.h2.get_text() == "Một số hình ảnh Hội nghị"
    assert gallery["aria-labelledby"] == gallery.h2["id"]
    items = gallery.select("li figure")
    assert [f.figcaption.get_text() for f in items] == ["Các đại biểu tham dự Hội nghị", "Đồng chí B trao Bằng khen cho các đơn vị"]
    hrefs = [f.a["href"] for f in items]
    assert [h.rsplit("/", 1)[1].split("-")[0] for h in hrefs] == ["dai", "trao"]
    assert all((site.output / h.lstrip("/")).is_file() and h.endswith("-640.jpg") for h in hrefs)
    assert [(f.a["data-pswp-width"], f.a["data-pswp-height"]) for f in items] == [("640", "480")] * 2
    assert site.page(URL).select(".article__body > p")[-1].get_text() == "Kết thúc."


def test_gallery_problems_name_file_and_line(build_site, caplog):
    body = "::: gallery Ảnh\n![Có chú thích](a.jpg)\nđây không phải ảnh\n![](a.jpg)\n:::\n\n::: gallery Mở mà không đóng\n![x](a.jpg)"
    site = build_site({"a/index.md": article(body=body), "a/a.jpg": None})
    assert "index.md:9: gallery: dòng \"đây không phải ảnh\" không phải là một ảnh" in caplog.text
    assert "index.md:10: gallery: ảnh trong thư viện thiếu chú thích (caption)" in caplog.text
    assert "index.md:13: gallery: thư viện ảnh (gallery) mở ở đây nhưng không có dòng ::: đóng lại" in caplog.text
    assert site.result.errors == 3


def test_missing_photo_suggests_the_file_that_exists(build_site, caplog):
    site = build_site({"a/index.md": article(body="![Ảnh](Quang-Canh.JPG)"), "a/quang-canh.jpg": None})
    assert 'index.md:7: ảnh: không tìm thấy ảnh "Quang-Canh.JPG"' in caplog.text
    assert 'Có phải ý bạn là "quang-canh.jpg"?' in caplog.text
    assert site.result.errors == 1


def test_photo_outside_the_content_folder_is_an_error(build_site, caplog, tmp_path):
    (tmp_path / "bi-mat.jpg").write_bytes(b"x")
    site = build_site({"a/index.md": article(body="![Ảnh](../../bi-mat.jpg)\n\n![Ảnh web](https://example.com/a.jpg)")})
    assert 'ảnh "../../bi-mat.jpg" nằm ngoài thư mục nội dung (content)' in caplog.text
    assert 'ảnh "https://example.com/a.jpg" không nằm trong thư mục bài viết' in caplog.text
    assert not any(f.endswith("bi-mat.jpg") for f in site.files())


def test_cover_must_exist_and_defaults_to_first_photo(build_site, caplog):
    site = build_site({"a/index.md": article(cover="khong-co.jpg", body="![Ảnh](a.jpg)"), "a/a.jpg": None})
    assert 'index.md:5: cover: không tìm thấy ảnh "khong-co.jpg"' in caplog.text
    assert site.result.errors == 1


def test_photo_named_in_nfc_finds_a_file_saved_in_nfd(build_site):
    import unicodedata
    name = unicodedata.normalize("NFD", "quang-cảnh.jpg")
    site = build_site({"a/index.md": article(body="![Quang cảnh](quang-cảnh.jpg)"), f"a/{name}": None})
    assert site.result.errors == 0
    assert site.page(URL).select_one("figure img") is not None


@pytest.mark.parametrize("opener", [":::galery Ảnh", "::: thư viện ảnh", "> ::: gallery Ảnh"])
def test_mistyped_gallery_opener_is_an_error(build_site, caplog, opener):
    body = f"Mở đầu.\n\n{opener}\n![Một](a.jpg)\n:::\n"
    site = build_site({"a/index.md": article(body=body), "a/a.jpg": None})
    assert "index.md:9: gallery: dòng" in caplog.text and "không mở thư viện ảnh nào" in caplog.text
    assert site.result.errors >= 1


def test_gallery_syntax_inside_a_code_block_is_left_alone(build_site):
    body = "Cách viết:\n\n```\n::: gallery Tiêu đề\n![Chú thích](anh.jpg)\n:::\n```\n"
    site = build_site({"a/index.md": article(body=body)})
    assert site.result.errors == 0
    assert "::: gallery Tiêu đề" in site.page(URL).select_one("pre code").get_text()


def test_attached_documents_are_published_beside_the_article(build_site, caplog):
    files = {"a/index.md": article(body="[Tải Quyết định số 12](quyet-dinh-12.pdf) và [trang khác](https://hanoi.gov.vn/a.pdf)"),
             "a/quyet-dinh-12.pdf": b"%PDF-1.4 test"}
    site = build_site(files)
    links = site.page(URL).select(".article__body a")
    assert links[0]["href"] == f"/{URL}/quyet-dinh-12.pdf"
    assert (site.output / URL / "quyet-dinh-12.pdf").read_bytes() == b"%PDF-1.4 test"
    assert links[1]["href"] == "https://hanoi.gov.vn/a.pdf"
    broken = build_site({"a/index.md": article(body="Xem [văn bản](van-ban.pdf).")})
    assert 'index.md:7: liên kết: không tìm thấy tệp "van-ban.pdf"' in caplog.text
    assert broken.result.errors == 1


def test_photo_symlinked_out_of_the_content_folder_is_refused(build_site, tmp_path, caplog):
    secret = tmp_path / "secret.jpg"
    secret.write_bytes(b"x")
    content = tmp_path / "c"
    (content / "a").mkdir(parents=True)
    (content / "a/anh.jpg").symlink_to(secret)
    site = build_site({"a/index.md": article(body="![Ảnh](anh.jpg)")}, content=content)
    assert 'ảnh "anh.jpg" nằm ngoài thư mục nội dung (content)' in caplog.text
    assert not any(f.endswith("anh.jpg") for f in site.files())
