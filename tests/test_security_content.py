"""Hostile and careless content: nothing outside the content folder is read or
published, no input hangs or crashes the reader, every refusal names the fix."""

from __future__ import annotations

import logging
import os
import re
import time
from xml.etree import ElementTree

import pytest
from conftest import article
from PIL import Image


def published_text(site) -> str:
    return "\n".join(p.read_text("utf-8", "replace") for p in site.output.rglob("*")
                     if p.is_file() and p.suffix in (".html", ".xml", ".json", ".txt"))


def errors(caplog) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]


# -- case 2: symlinks that leave the content folder


def test_symlinked_article_and_folder_leading_outside_are_refused(build_site, tmp_path, caplog):
    secret = tmp_path / "private"
    (secret / "folder").mkdir(parents=True)
    (secret / "index.md").write_text(article("Tài liệu mật số một"), "utf-8")
    (secret / "folder" / "index.md").write_text(article("Tài liệu mật số hai"), "utf-8")
    content = tmp_path / "content"
    (content / "2024" / "a").mkdir(parents=True)
    (content / "2024" / "a" / "index.md").write_text(article("Bài thật"), "utf-8")
    (content / "2024" / "b").mkdir()
    os.symlink(secret / "index.md", content / "2024" / "b" / "index.md")
    os.symlink(secret / "folder", content / "2024" / "c")
    site = build_site({}, content=content)
    text = published_text(site)
    assert "Bài thật" in text
    assert "Tài liệu mật" not in text
    found = errors(caplog)
    assert any("2024/b/index.md" in m and "ngoài thư mục nội dung" in m for m in found), found
    assert any("2024/c" in m and "symlink" in m for m in found), found
    assert not site.result.crashed


def test_symlinked_folder_inside_the_content_folder_is_read(build_site, tmp_path):
    content = tmp_path / "content"
    (content / "shared" / "x").mkdir(parents=True)
    (content / "shared" / "x" / "index.md").write_text(article("Bài qua liên kết"), "utf-8")
    (content / "2024").mkdir()
    os.symlink(content / "shared" / "x", content / "2024" / "x")
    site = build_site({}, content=content, ARTICLE_EXCLUDES=["pages", "shared"])
    assert "Bài qua liên kết" in published_text(site)
    assert site.result.errors == 0


def test_symlink_loop_is_one_short_error_and_the_article_is_built_once(build_site, tmp_path, caplog):
    content = tmp_path / "content"
    (content / "2024" / "a").mkdir(parents=True)
    (content / "2024" / "a" / "index.md").write_text(article("Bài trong vòng lặp"), "utf-8")
    os.symlink("..", content / "2024" / "a" / "vong")
    site = build_site({}, content=content)
    found = errors(caplog)
    assert len(found) == 1 and len(found[0]) < 300, found
    assert "vòng lặp" in found[0] and "2024/a/vong" in found[0]
    assert list(site.output.rglob("bai-trong-vong-lap/index.html"))


# -- case 3: a link to a photo never publishes the original


def test_markdown_and_html_links_to_a_photo_open_a_copy_without_metadata(build_site, tmp_path):
    from test_photos import camera_photo

    camera_photo(tmp_path / "src.jpg", size=(1200, 800))
    body = ("Mở đầu.\n\n[tải ảnh gốc](anh.jpg)\n\n<p><a href=\"anh.jpg\">ảnh gốc (HTML)</a></p>\n\n"
            "[ảnh thứ hai](<anh hai.jpg>)")
    site = build_site({"a/index.md": article(body=body), "a/anh.jpg": (tmp_path / "src.jpg").read_bytes(),
                       "a/anh hai.jpg": (tmp_path / "src.jpg").read_bytes()}, strict=True)
    assert site.result.ok, site.result.messages
    page = site.page("tin-tuc-su-kien/hoi-nghi-thi-dua")
    links = [page.find("a", string=text)["href"] for text in ("tải ảnh gốc", "ảnh gốc (HTML)", "ảnh thứ hai")]
    for href in links:
        assert href.endswith(".jpg") and not href.endswith(("/anh.jpg", "anh%20hai.jpg")), href
        with Image.open(site.output / href.split("/", 3)[-1]) as image:  # absolute URL in production
            assert image.width == 1200 and not image.getexif()
    original = (tmp_path / "src.jpg").read_bytes()
    for path in site.output.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            assert b"Phone Maker" not in data and data != original, path


# -- case 7: raw <img> in Markdown


def test_raw_img_is_resolved_like_a_markdown_photo_or_reported(build_site, caplog):
    site = build_site({"a/index.md": article(body='Mở đầu.\n\n<div><img src="anh.jpg" alt="Quang cảnh"></div>'),
                       "a/anh.jpg": None})
    img = site.page("tin-tuc-su-kien/hoi-nghi-thi-dua").find("img", alt="Quang cảnh")
    assert img.parent.name == "picture" and (site.output / img["src"].lstrip("/")).is_file()
    build_site({"b/index.md": article("Bài hai", body='Mở đầu.\n\nẢnh:\n\n<img src="khong-co.jpg" alt="x">')})
    assert 'b/index.md:11: ảnh: không tìm thấy ảnh "khong-co.jpg"' in caplog.text


# -- case 8: Markdown escapes in photo references


def test_markdown_escapes_in_photo_names_find_the_file_and_errors_show_the_name(build_site, caplog):
    body = "Mở đầu.\n\n![Quang cảnh](anh\\_1.jpg)\n\n::: gallery\n![Đại biểu](anh\\_1.jpg)\n:::"
    site = build_site({"a/index.md": article(body=body), "a/anh_1.jpg": None})
    assert site.result.errors == 0, site.result.messages
    assert site.page("tin-tuc-su-kien/hoi-nghi-thi-dua").select_one("figure picture img")
    build_site({"b/index.md": article("Bài hai", body="Mở đầu.\n\n![Quang cảnh](sai\\_ten.jpg)")})
    assert 'b/index.md:9: ảnh: không tìm thấy ảnh "sai_ten.jpg"' in caplog.text
    assert "\x02" not in caplog.text


# -- cases 5, 9 and 13: YAML that hangs, recurses or smuggles a tag


def laughs(levels: int) -> str:
    lines = ['l0: &l0 ["ha","ha","ha","ha","ha","ha","ha","ha","ha"]']
    lines += [f"l{i}: &l{i} [{','.join([f'*l{i - 1}'] * 9)}]" for i in range(1, levels)]
    return "\n".join(lines)


def read(text: str):
    from news_core.errors import Problems
    from news_core.frontmatter import split

    problems = Problems("a/index.md")
    return split(text, problems), [str(p) for p in problems.items]


def test_yaml_aliases_are_refused_at_once_with_the_line():
    started = time.perf_counter()
    document, found = read(f"---\ntitle: Bài\n{laughs(10)}\n---\nThân bài.\n")
    assert time.perf_counter() - started < 0.5
    assert document is None
    assert found == [found[0]] and found[0].startswith('a/index.md:3: l0: giá trị bắt đầu bằng "&"')


def test_a_billion_laughs_article_does_not_hang_the_build(build_site, caplog):
    text = f"---\ntitle: Bài\ndate: 21/03/2024\ncategory: Tin tức - Sự kiện\n{laughs(10)}\n---\nThân bài.\n"
    started = time.perf_counter()
    site = build_site({"a/index.md": text, "b/index.md": article("Bài tốt")})
    assert time.perf_counter() - started < 10
    assert site.result.errors == 1 and "a/index.md:5: l0:" in caplog.text


@pytest.mark.parametrize("value", ['!!python/object/apply:os.system ["echo"]', "!!set {a, b}", "!x [a]"])
def test_yaml_tags_are_refused_on_tags(value):
    document, found = read(f"---\ntitle: Bài\ntags: {value}\n---\n")
    assert document is None and found[0].startswith('a/index.md:3: tags: giá trị bắt đầu bằng "!"'), found


@pytest.mark.parametrize("value", ["[" * 700 + "]" * 700, "\n" + "\n".join(" " * (2 * i) + "-" for i in range(200)) + " x"])
def test_deep_yaml_is_an_error_with_the_line_and_the_fix(value):
    document, found = read(f"---\ntitle: Bài\ntags: {value}\n---\n")
    assert document is None and len(found) == 1
    assert "lồng nhau quá sâu" in found[0] and "RecursionError" not in found[0]


@pytest.mark.parametrize("body", [
    "\n".join("  " * i + "- mục" for i in range(700)),
    "\n".join("    " * i + "- mục" for i in range(300)),
])
def test_deep_markdown_is_an_error_with_the_line_and_the_fix(build_site, caplog, body):
    site = build_site({"a/index.md": article(body="Mở đầu.\n\n" + body), "b/index.md": article("Bài tốt")})
    assert site.result.errors == 1 and not site.result.crashed
    message = errors(caplog)[0]
    assert "lồng nhau quá sâu" in message and "Giảm số tầng" in message, message
    assert re.search(r"a/index\.md:\d+:", message) and "RecursionError" not in message


# -- case 6 and 13: control characters


def test_control_characters_never_reach_a_feed_and_are_reported_at_their_line(build_site, caplog):
    text = ('---\ntitle: "Hội nghị\\a thi đua\\e"\ndate: 21/03/2024 10:31\ncategory: Tin tức - Sự kiện\n---\n\n'
            "Đoạn mở\x08 đầu của bài.\n\nĐoạn hai có NUL\x00 ở giữa.\n")
    site = build_site({"a/index.md": text})
    assert site.result.errors == 0 and not site.result.crashed
    for feed in site.output.glob("feeds/*.xml"):
        ElementTree.parse(feed)  # malformed XML raises
    text = published_text(site)
    assert "Hội nghị thi đua" in text and "Đoạn mở đầu của bài." in text
    assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f]", text)
    assert "a/index.md:2: title: có ký tự điều khiển ẩn (U+0007, U+001B) đã bị bỏ" in caplog.text
    assert "a/index.md:7: có ký tự điều khiển ẩn (U+0008) đã bị bỏ" in caplog.text
    assert "a/index.md:9: có ký tự điều khiển ẩn (U+0000) đã bị bỏ" in caplog.text


# -- case 13: a javascript: link written with character references


def test_entity_encoded_script_url_is_reported_at_its_own_line(build_site, caplog):
    body = ("Mở đầu nói về javascript: trong trình duyệt.\n\n"
            'Xem <a href="java&#x09;scr&#x69;pt:alert(1)">Bấm</a> nhé.')
    build_site({"a/index.md": article(body=body)})
    removed = [m for m in caplog.messages if "đã bỏ địa chỉ" in m]
    assert len(removed) == 1 and "index.md:9:" in removed[0], removed


# -- every file linked from an article: cleaned like a photo, or refused with the reason


def office_file(path, photo: bytes, signed=False) -> bytes:
    import zipfile

    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as docx:
        docx.writestr("[Content_Types].xml", "<Types/>")
        docx.writestr("docProps/core.xml", "<cp:coreProperties><dc:title>Báo cáo</dc:title><dc:creator>Nguyễn Văn A"
                      "</dc:creator><cp:lastModifiedBy>Trần Thị B</cp:lastModifiedBy></cp:coreProperties>")
        docx.writestr("word/document.xml", "<w:document>Nội dung</w:document>")
        docx.writestr("word/media/image1.jpeg", photo)
        if signed:
            docx.writestr("_xmlsignatures/sig1.xml", "<Signature/>")
    return path.read_bytes()


def test_linked_documents_lose_their_author_and_photo_positions_or_are_refused(build_site, tmp_path, caplog):
    import io
    import zipfile

    from test_photos import camera_photo

    camera_photo(tmp_path / "gps.jpg", size=(300, 200))
    photo = (tmp_path / "gps.jpg").read_bytes()
    docx = office_file(tmp_path / "bao-cao.docx", photo)
    signed = office_file(tmp_path / "ky-so.docx", photo, signed=True)
    pdf = b"%PDF-1.4\n/Author (Nguyen Van A)\n%%EOF\n"
    body = "Mở đầu.\n\n[Báo cáo](bao-cao.docx), [văn bản ký số](ky-so.docx), [quyết định](quyet-dinh.pdf)."
    site = build_site({"a/index.md": article(body=body), "a/bao-cao.docx": docx, "a/ky-so.docx": signed,
                       "a/quyet-dinh.pdf": pdf}, strict=True)
    assert site.result.ok, site.result.messages
    folder = site.output / "tin-tuc-su-kien" / "hoi-nghi-thi-dua"
    published = (folder / "bao-cao.docx").read_bytes()
    with zipfile.ZipFile(io.BytesIO(published)) as archive:
        core = archive.read("docProps/core.xml").decode()
        assert "Nguyễn Văn A" not in core and "Trần Thị B" not in core and "<dc:title>Báo cáo</dc:title>" in core
        image = archive.read("word/media/image1.jpeg")
        assert b"Phone Maker" not in image
        with Image.open(io.BytesIO(image)) as shown, Image.open(io.BytesIO(photo)) as original:
            assert not shown.getexif() and shown.tobytes() == original.tobytes()  # same pixels
        assert archive.read("word/document.xml").decode() == "<w:document>Nội dung</w:document>"
    assert (folder / "ky-so.docx").read_bytes() == signed  # a signature would break
    assert (folder / "quyet-dinh.pdf").read_bytes() == pdf
    caplog.clear()
    refused = build_site({"b/index.md": article("Bài hai", body="Mở đầu.\n\n[Video](clip.mp4)"),
                          "b/clip.mp4": b"\x00\x00\x00\x18ftypmp42"}, strict=True)
    assert not refused.result.ok
    assert 'b/index.md:9: liên kết: không đăng tệp "clip.mp4": video có thể mang vị trí nơi quay (GPS)' in caplog.text
    assert "YouTube" in caplog.text
