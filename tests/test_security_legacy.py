"""Hostile saved pages and old addresses (#21, cases 1 and 12): the importer reads
photos and documents only inside the SOURCE folders and writes only inside the
content folder; a legacy_url never names a folder or a map line it should not."""

from __future__ import annotations

import os
from pathlib import Path
from types import SimpleNamespace

import pytest
from conftest import article, make_photo
from test_legacy_import import LONG, body, do_import, front_matter, import_one, portal

MAP_LINE = '"Tin hoạt động": "Tin tức - Sự kiện"\n'
OUTSIDE = "nằm ngoài thư mục nguồn"
# Longer than a signature line, so the photos before it stay in the body, not a closing gallery.
LAST = "Đoạn kết của bài viết thử nghiệm, đủ dài để không bị coi là dòng ký tên của tác giả bài."


def files(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


def holds(folder: Path, data: bytes) -> bool:
    return any(p.read_bytes() == data for p in folder.rglob("*") if p.is_file())


def photo_page(*srcs: str) -> str:
    """A portal page with the photos `srcs`, each captioned "Ảnh số n", between paragraphs."""
    parts = [f"<p>{LONG}</p>"]
    for n, src in enumerate(srcs, 1):
        parts += [f'<p><img src="{src}"></p><p><em>Ảnh số {n} của bài</em></p>', f"<p>{LONG} {n}</p>"]
    return portal("".join(parts) + f"<p>{LAST}</p>")


# -- case 1: the importer reads only inside SOURCE ------------------------------------


def test_a_photo_named_outside_the_source_folder_is_noted_and_never_copied(tmp_path, cfg):
    secret = tmp_path / "nha" / "bi-mat.jpg"
    make_photo(secret, color=(1, 2, 3))
    make_photo(tmp_path / "nguon" / "bai_files" / "anh.jpg")
    climb = "../" * 30 + secret.as_posix().lstrip("/")  # the issue's ../../../../home/user/secret.jpg
    code, report, found = import_one(tmp_path, cfg, photo_page("bai_files/anh.jpg", climb, "../nha/bi-mat.jpg"))
    assert code == 0, report
    index = next(iter(found.values()))
    assert files(index.parent) == ["anh-so-1-cua-bai.jpg", "index.md"]
    assert not holds(tmp_path / "content", secret.read_bytes())
    # Treated like a photo missing from the saved copy: the caption stays in the article, the report says why.
    md = body(index)
    assert f"<!-- Ảnh thiếu khi nhập từ cổng cũ: {climb} — chú thích: Ảnh số 2 của bài -->" in md
    assert "<!-- Ảnh thiếu khi nhập từ cổng cũ: ../nha/bi-mat.jpg — chú thích: Ảnh số 3 của bài -->" in md
    assert "Ảnh đã chép: 1" in report
    assert "Ảnh thiếu (không có trong bản lưu; chú thích được giữ trong bài, điền ảnh sau bằng invoke fill-photos): 2" in report
    line = next(x for x in report.splitlines() if "../nha/bi-mat.jpg" in x)
    assert f'tệp "bi-mat.jpg" {OUTSIDE}' in line and "không được chép" in line, report
    assert "chép nó vào thư mục nguồn rồi nhập lại" in line


def test_links_inside_the_source_folder_leading_outside_are_refused(tmp_path, cfg):
    elsewhere = tmp_path / "nha"
    make_photo(elsewhere / "anh-ca-nhan.jpg", color=(1, 2, 3))
    make_photo(elsewhere / "thu-muc" / "anh.jpg", color=(4, 5, 6))
    make_photo(tmp_path / "nguon" / "bai_files" / "anh-that.jpg")
    os.symlink(elsewhere / "anh-ca-nhan.jpg", tmp_path / "nguon" / "bai_files" / "lien-ket.jpg")
    os.symlink(elsewhere / "thu-muc", tmp_path / "nguon" / "thu-muc_files")
    code, report, found = import_one(tmp_path, cfg, photo_page(
        "bai_files/anh-that.jpg", "bai_files/lien-ket.jpg", "thu-muc_files/anh.jpg"))
    assert code == 0, report
    assert files(next(iter(found.values())).parent) == ["anh-so-1-cua-bai.jpg", "index.md"]
    assert not holds(tmp_path / "content", (elsewhere / "anh-ca-nhan.jpg").read_bytes())
    assert "Ảnh thiếu (không có trong bản lưu; chú thích được giữ trong bài, điền ảnh sau bằng invoke fill-photos): 2" in report
    assert report.count(OUTSIDE) == 2, report


def test_a_document_outside_the_source_folder_stays_a_link_and_is_listed(tmp_path, cfg):
    secret = tmp_path / "nha" / "bao-cao.pdf"
    secret.parent.mkdir()
    secret.write_bytes(b"%PDF-1.4 thong tin noi bo")
    (tmp_path / "map.yml").write_text(MAP_LINE, encoding="utf-8")
    mirror = tmp_path / "ban-luu"
    (mirror / "dongda.hanoi.gov.vn" / "tin-tuc").mkdir(parents=True)
    link = "/%2e%2e/%2e%2e/nha/bao-cao.pdf"  # decoded, two folders above the mirror's root
    page = portal(f'<p>{LONG} Xem <a href="{link}">báo cáo</a>.</p><p>{LAST}</p>')
    (mirror / "dongda.hanoi.gov.vn" / "tin-tuc" / "bai.html").write_text(page, encoding="utf-8")
    content = tmp_path / "content"
    content.mkdir()
    code, report = do_import([mirror], content, cfg, category_map=str(tmp_path / "map.yml"))
    assert code == 0, report
    (index,) = content.rglob("index.md")
    assert files(index.parent) == ["index.md"]
    assert f"[báo cáo](<https://dongda.hanoi.gov.vn{link}>)" in body(index)
    assert "Tệp đính kèm không chép (ngoài thư mục nguồn, hoặc loại không được đăng; liên kết giữ nguyên): 1" in report
    assert f'{link} (tệp "bao-cao.pdf" {OUTSIDE}' in report


def test_a_video_the_build_would_refuse_is_not_copied_and_the_article_builds(tmp_path, cfg, build_site):
    (tmp_path / "map.yml").write_text(MAP_LINE, encoding="utf-8")
    root = tmp_path / "ban-luu" / "dongda.hanoi.gov.vn"
    (root / "Uploads").mkdir(parents=True)
    (root / "Uploads" / "clip.mp4").write_bytes(b"\x00\x00\x00\x18ftypmp42")
    (root / "tin-tuc").mkdir()
    page = portal(f'<p>{LONG} Xem <a href="/Uploads/clip.mp4">video</a>.</p><p>{LAST}</p>')
    (root / "tin-tuc" / "bai.html").write_text(page, encoding="utf-8")
    content = tmp_path / "content"
    content.mkdir()
    code, report = do_import([tmp_path / "ban-luu"], content, cfg, category_map=str(tmp_path / "map.yml"))
    assert code == 0 and "/Uploads/clip.mp4 (không chép: video có thể mang vị trí nơi quay (GPS)" in report, report
    (index,) = content.rglob("index.md")
    assert files(index.parent) == ["index.md"]
    site = build_site({}, content=content)
    assert site.result.errors == 0, site.result.messages


def test_every_source_given_may_hold_photos_and_nothing_else(tmp_path, cfg):
    (tmp_path / "map.yml").write_text(MAP_LINE, encoding="utf-8")
    pages, photos = tmp_path / "trang", tmp_path / "anh"
    pages.mkdir()
    (pages / "bai.html").write_text(photo_page("../anh/hoi-nghi.jpg"), encoding="utf-8")
    make_photo(photos / "hoi-nghi.jpg")
    alone, both = tmp_path / "mot", tmp_path / "hai"
    alone.mkdir(), both.mkdir()
    code, report = do_import([pages], alone, cfg, category_map=str(tmp_path / "map.yml"))
    assert code == 0 and OUTSIDE in report and "Ảnh đã chép: 0" in report, report
    code, report = do_import([pages, photos], both, cfg, category_map=str(tmp_path / "map.yml"))  # --more anh
    assert code == 0 and OUTSIDE not in report and "Ảnh đã chép: 1" in report, report


def test_a_single_page_of_a_mirror_reads_photos_in_the_mirror_only(tmp_path, cfg):
    (tmp_path / "map.yml").write_text(MAP_LINE, encoding="utf-8")
    root = tmp_path / "ban-luu" / "dongda.hanoi.gov.vn"
    make_photo(root / "Uploads" / "anh.jpg")
    make_photo(tmp_path / "ban-luu" / "ngoai.jpg", color=(1, 2, 3))
    (root / "tin-tuc").mkdir()
    canonical = '<link rel="canonical" href="https://dongda.hanoi.gov.vn/tin-tuc/bai.html">'
    (root / "tin-tuc" / "bai.html").write_text(canonical + photo_page("/Uploads/anh.jpg", "../../ngoai.jpg"),
                                               encoding="utf-8")
    content = tmp_path / "content"
    content.mkdir()
    code, report = do_import([root / "tin-tuc" / "bai.html"], content, cfg, category_map=str(tmp_path / "map.yml"))
    assert code == 0 and "Ảnh đã chép: 1" in report, report
    assert f'../../ngoai.jpg (tệp "ngoai.jpg" {OUTSIDE}' in report


def test_a_page_in_a_folder_merely_named_like_a_host_reads_its_own_folder_only(tmp_path, cfg):
    (tmp_path / "map.yml").write_text(MAP_LINE, encoding="utf-8")
    home = tmp_path / "john.doe"
    make_photo(home / "Documents" / "rieng-tu.jpg")
    (home / "Downloads").mkdir()
    (home / "Downloads" / "bai.html").write_text(photo_page("../Documents/rieng-tu.jpg"), encoding="utf-8")
    content = tmp_path / "content"
    content.mkdir()
    code, report = do_import([home / "Downloads" / "bai.html"], content, cfg, category_map=str(tmp_path / "map.yml"))
    assert "Ảnh đã chép: 0" in report and OUTSIDE in report, report
    assert not [p for p in content.rglob("*.jpg")]


def test_a_year_folder_linked_outside_the_content_folder_is_never_written(tmp_path, cfg):
    content, elsewhere = tmp_path / "content", tmp_path / "nha"
    content.mkdir()
    elsewhere.mkdir()
    os.symlink(elsewhere, content / "2024")
    code, report, _ = import_one(tmp_path, cfg, photo_page(), into=content)
    assert code == 1
    assert files(elsewhere) == []
    assert "dẫn ra ngoài thư mục nội dung" in report and "chưa ghi gì cho bài này" in report, report


# -- case 12: legacy_url never names a folder or a map line it should not ----------------------


BAD_URLS = [
    ("/tin-tuc/bai%0Aviet.html", "ký tự điều khiển %0A"),
    ("https://dongda.hanoi.gov.vn/tin%0D%0Atuc/", "ký tự điều khiển %0D"),
    ("/tin-tuc/a%00.html", "ký tự điều khiển %00"),
    ("/tin-tuc/a%7F.html", "ký tự điều khiển %7F"),
    ("/tin-tuc/bai%22viet.html", "dấu nháy kép (%22)"),
    ('/tin-tuc/bai"viet.html', "dấu nháy kép (%22)"),
    ("/tin-tuc/a%5Cb.html", "dấu gạch chéo ngược (%5C)"),
    ("/tin-tuc/%3Cscript%3E.html", "dấu < (%3C)"),
    ("/tin-tuc/%2e%2e/%2e%2e/robots.txt", 'đoạn ".." (%2e%2e: thư mục cha)'),
    ("/tin-tuc/%2E/bai.html", 'đoạn "." (%2e: thư mục hiện tại)'),
    ("/tin-tuc%2f..%2fbai.html", 'đoạn ".."'),
]
UNSAFE_NAMES = set('\n\r"<>\\\x00\x7f')


def test_the_front_matter_refuses_a_legacy_url_that_decodes_to_a_bad_path(build_site):
    files = {f"2024/b{n}/index.md": article(title=f"Bài có địa chỉ cũ hỏng số {n}", legacy_url=url)
             for n, (url, _) in enumerate(BAD_URLS)}
    files["2024/tot/index.md"] = article(title="Bài có địa chỉ cũ tốt", legacy_url="/tin-tuc/bài%20cũ.html")
    site = build_site(files)
    for n, (url, problem) in enumerate(BAD_URLS):
        assert any(f"2024/b{n}/index.md:5: legacy_url:" in m and problem in m and "Chép lại đúng địa chỉ cũ" in m
                   for m in site.result.messages), (url, site.result.messages)
    assert not [p for p in site.output.rglob("*") if UNSAFE_NAMES & set(p.name)]
    maps = (site.output / "_legacy_redirects.map").read_text(encoding="utf-8")
    assert maps == '"/tin-tuc/bài cũ.html" "/tin-tuc-su-kien/bai-co-dia-chi-cu-tot/";\n'
    assert (site.output / "tin-tuc" / "bài cũ.html").is_file()


def test_redirects_never_write_a_folder_or_map_line_from_a_bad_path(tmp_path):
    from news_publish import redirects

    def written(url, name):
        return SimpleNamespace(legacy_url=url, source_path=f"content/2024/{name}/index.md",
                               url=f"tin-tuc-su-kien/{name}/", title=name)

    articles = [written(url, f"hong-{n}") for n, (url, _) in enumerate(BAD_URLS)]
    articles.append(written("/tin-tuc/bai-cu.html", "tot"))
    planned, warnings = redirects.plan(articles, "")
    output = tmp_path / "output"
    output.mkdir()
    count, taken = redirects.write(str(output), planned, "default-src 'self'")
    assert count == 1 and taken == []
    assert files(output) == ["_legacy_redirects.map", "_redirects", "tin-tuc/bai-cu.html"]
    assert (output / "_legacy_redirects.map").read_text(encoding="utf-8") == (
        '"/tin-tuc/bai-cu.html" "/tin-tuc-su-kien/tot/";\n')
    for n, (url, problem) in enumerate(BAD_URLS):
        assert any(w.startswith(f"content/2024/hong-{n}/index.md: legacy_url: ") and problem in w
                   and "nên không tạo chuyển hướng" in w and "Chép lại đúng địa chỉ cũ" in w
                   for w in warnings), (url, warnings)
    assert not any("\n" in w for w in warnings)


SAVED_FROM = "<!-- saved from url=(0052)https://dongda.hanoi.gov.vn/tin-tuc/bai-viet-cu.html -->\n"


@pytest.mark.parametrize(("before", "expected"), [
    ("", None),
    (SAVED_FROM, "https://dongda.hanoi.gov.vn/tin-tuc/bai-viet-cu.html"),
])
def test_the_importer_never_writes_a_bad_legacy_url(tmp_path, cfg, build_site, before, expected):
    canonical = '<link rel="canonical" href="https://dongda.hanoi.gov.vn/tin-tuc/bai%0Aviet%22.html">'
    code, report, found = import_one(tmp_path, cfg, before + portal(f"<p>{LONG}</p><p>{LAST}</p>", head=canonical))
    assert code == 0, report
    index = next(iter(found.values()))
    assert front_matter(index).get("legacy_url") == expected
    assert "bỏ địa chỉ cũ" in report and "%0A" in report, report
    site = build_site({}, content=tmp_path / "content")
    assert (site.result.errors, site.result.warnings) == (0, 0), site.result.messages
    assert site.page("tin-tuc-su-kien/phuong-trung-liet-ra-quan-lam-sach-duong-pho").select_one("h1")
