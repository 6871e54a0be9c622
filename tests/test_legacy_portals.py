"""The importer on portal generations it was not written for (tests/fixtures/legacy-cong-khac/):
ASP.NET Web Forms, Liferay, a Windows-1258 table layout, a Word paste, a date only in
weekday form, a page saved without its photos. Each gives the right title, date,
views and category, a body without the portal's chrome, and every caption in order;
importing twice changes nothing; --dry-run writes nothing; fill-photos puts recovered
photos where the saved copy had none."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, make_photo
from news_legacy.command import run
from news_legacy.run import extract
from news_legacy.sources import find_pages

PORTALS = ROOT / "tests" / "fixtures" / "legacy-cong-khac"
EXPECTED = yaml.safe_load((PORTALS / "expected.yml").read_text(encoding="utf-8")) if PORTALS.is_dir() else {}
INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")


def do_import(sources, content, cfg, **options):
    lines = []
    code = run([str(s) for s in sources], str(content), cfg, say=lines.append, **options)
    return code, "\n".join(lines)


def category_map(tmp_path: Path) -> str:
    """Every old category of the fixtures -> one of the site's."""
    path = tmp_path / "chuyen-muc.yml"
    path.write_text("".join(f'"{e["category"]}": "Tin tức - Sự kiện"\n' for e in EXPECTED.values()), encoding="utf-8")
    return str(path)


def split(path: Path) -> tuple[dict, str]:
    _, head, body = path.read_text(encoding="utf-8").split("---\n", 2)
    return yaml.safe_load(head), body


def captions(body: str) -> list[str]:
    """Every caption a reader sees, in order: photos, gallery lines, and the "Ảnh: …" line
    kept for a photo the saved copy lacked."""
    found = []
    for line in body.splitlines():
        photo = re.match(r'^!\[(?P<alt>[^\]]*)\]\((?P<src>[^ )]+)(?: "(?P<title>[^"]*)")?\)$', line.strip())
        missing = re.match(r"^\*Ảnh: (?P<caption>.*)\*$", line.strip())
        if photo:
            found.append(photo["title"] or photo["alt"])
        elif missing:
            found.append(re.sub(r"\\(.)", r"\1", missing["caption"]))
    return found


def words(text: str) -> str:
    """Text as a reader reads it: Markdown escapes and emphasis gone, spaces single."""
    text = re.sub(r"\\(.)", r"\1", text).replace("**", "").replace("*", "")
    return " ".join(unicodedata.normalize("NFC", text).split())


@pytest.fixture(scope="module")
def imported(tmp_path_factory, cfg):
    tmp = tmp_path_factory.mktemp("portals")
    content = tmp / "content"
    content.mkdir()
    code, report = do_import([PORTALS], content, cfg, category_map=category_map(tmp))
    return tmp, content, code, report


@pytest.mark.skipif(not EXPECTED, reason="fixtures missing")
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_portal_page_gives_its_title_date_views_category_body_and_captions(name, cfg, imported):
    tmp, content, code, report = imported
    expected = EXPECTED[name]
    [page] = [p for p in find_pages([str(PORTALS / name)])[0]]
    found = extract(page)
    assert found.title == expected["title"]
    assert found.date.strftime("%d/%m/%Y %H:%M") == expected["date"]
    assert found.views == expected["views"]
    assert found.category == expected["category"]
    matches = [p for p in content.rglob("index.md") if split(p)[0]["title"] == expected["title"]]
    assert len(matches) == 1, report
    meta, body = split(matches[0])
    assert not INVISIBLE.search(meta["title"] + body)
    assert meta["date"] == expected["date"] and meta["views"] == expected["views"]
    assert captions(body) == expected["captions"]
    paragraphs = [b.strip() for b in body.split("\n\n") if b.strip() and not b.startswith(("![", ":::", "<!--", "*Ảnh: "))]
    assert words(paragraphs[0]).startswith(expected["first_words"]), paragraphs[0]
    # The last prose paragraph ends the article: after it only a byline or the gallery's bold title.
    [last] = [i for i, p in enumerate(paragraphs) if words(p).endswith(expected["last_words"])]
    assert all(p.startswith("**") and p.endswith("**") for p in paragraphs[last + 1:]), paragraphs[last + 1:]
    shown = words(body + " " + str(meta.get("summary", "")))
    for chrome in expected["chrome"]:
        assert chrome not in shown, chrome


@pytest.mark.skipif(not EXPECTED, reason="fixtures missing")
def test_every_new_portal_page_imports_and_again_changes_nothing(tmp_path, cfg, imported):
    _, content, code, report = imported
    assert code == 0, report
    assert len(list(content.rglob("index.md"))) == len(EXPECTED)
    before = {p: p.read_bytes() for p in content.rglob("*") if p.is_file()}
    code, again = do_import([PORTALS], content, cfg, category_map=category_map(tmp_path))
    assert code == 0 and f"Không thay đổi: {len(EXPECTED)} bài" in again, again
    assert {p: p.read_bytes() for p in content.rglob("*") if p.is_file()} == before


@pytest.mark.skipif(not EXPECTED, reason="fixtures missing")
def test_dry_run_reports_each_page_and_writes_nothing(tmp_path, cfg):
    content = tmp_path / "content"
    content.mkdir()
    code, report = do_import([PORTALS], content, cfg, category_map=category_map(tmp_path), dry_run=True)
    assert code == 0, report
    assert list(content.iterdir()) == []
    assert (f"Chạy thử (--dry-run), chưa ghi gì. {len(EXPECTED)} trang là bài viết: sẽ nhập mới {len(EXPECTED)}, "
            "cập nhật 0, không đổi 0, giữ nguyên vì đã sửa sau khi nhập 0:") in report
    for name, expected in EXPECTED.items():
        assert f"tiêu đề: {expected['title']}" in report
        assert f"ngày đăng: {expected['date']}; lượt xem: {expected['views']}; chuyên mục: {expected['category']}" in report
    assert "đã bỏ: " in report  # the chrome each page lost, named
    # once imported, a dry run says nothing would be imported again
    assert do_import([PORTALS], content, cfg, category_map=category_map(tmp_path))[0] == 0
    code, again = do_import([PORTALS], content, cfg, category_map=category_map(tmp_path), dry_run=True)
    assert f"sẽ nhập mới 0, cập nhật 0, không đổi {len(EXPECTED)}, giữ nguyên vì đã sửa sau khi nhập 0:" in again


@pytest.mark.skipif(not EXPECTED, reason="fixtures missing")
def test_photos_missing_from_the_saved_copy_keep_their_captions_and_fill_photos_puts_them_back(tmp_path, cfg, build_site):
    from news_legacy.recover import fill, old_name

    content = tmp_path / "content"
    content.mkdir()
    page = PORTALS / "khong-anh.html"
    code, report = do_import([page], content, cfg, category_map=category_map(tmp_path))
    assert code == 0, report
    [index] = list(content.rglob("index.md"))
    _, body = split(index)
    expected = EXPECTED["khong-anh.html"]["captions"]
    assert captions(body) == expected  # visible as "Ảnh: …" lines
    olds = re.findall(r"<!-- Ảnh thiếu khi nhập từ cổng cũ: (\S+)", body)
    assert len(olds) == len(expected) and all(src in report for src in olds)  # each listed with its old address
    # The office finds two of the photos later, in a folder of its own.
    recovered = tmp_path / "anh-tim-lai"
    for src in olds[:2]:
        make_photo(recovered / "2022" / old_name(src).upper())  # case differs, as on a Windows backup
    lines = []
    assert fill(str(content), str(recovered), say=lines.append) == 0
    report = "\n".join(lines)
    assert "Đã điền 2 ảnh vào 1 bài" in report and olds[2] in report
    _, body = split(index)
    assert captions(body) == expected  # the same captions, two of them now under their photos
    assert len(re.findall(r"^!\[", body, re.MULTILINE)) == 2 and body.count("<!-- Ảnh thiếu") == 1
    assert len([p for p in index.parent.iterdir() if p.suffix.lower() == ".jpg"]) == 2
    again = []
    fill(str(content), str(recovered), say=again.append)
    assert "Đã điền 0 ảnh vào 0 bài (1 bài có ảnh thiếu khi nhập)" in "\n".join(again)  # nothing twice
    site = build_site({str(p.relative_to(content)): p.read_bytes() for p in content.rglob("*") if p.is_file()},
                      strict=True)
    assert site.result.ok, site.result


@pytest.mark.skipif(not EXPECTED, reason="fixtures missing")
def test_fill_photos_keeps_the_caption_as_the_editor_left_it(tmp_path, cfg):
    """The editor corrected a kept caption, and the browser editor saved the line again
    as _Ảnh: …_: the recovered photo gets the corrected words, and no caption twice."""
    from news_legacy.recover import fill, old_name

    content = tmp_path / "content"
    content.mkdir()
    code, report = do_import([PORTALS / "khong-anh.html"], content, cfg, category_map=category_map(tmp_path))
    assert code == 0, report
    [index] = list(content.rglob("index.md"))
    text = index.read_text(encoding="utf-8")
    first, second = EXPECTED["khong-anh.html"]["captions"][:2]
    corrected = first.rstrip(".") + " (ảnh tư liệu)."
    text, found = re.subn(r"\*Ảnh: .*\*", lambda m: f"*Ảnh: {corrected}*" if first[:12] in m.group(0) else
                          f"_{m.group(0)[1:-1]}_", text)
    assert found == len(EXPECTED["khong-anh.html"]["captions"])
    index.write_text(text, encoding="utf-8")
    recovered = tmp_path / "anh-tim-lai"
    olds = re.findall(r"<!-- Ảnh thiếu khi nhập từ cổng cũ: (\S+)", text)
    for src in olds[:2]:
        make_photo(recovered / old_name(src))
    assert fill(str(content), str(recovered), say=lambda line: None) == 0
    _, body = split(index)
    assert captions(body)[:2] == [corrected, second]
    assert body.count(corrected) == 1 and body.count(second) == 1  # the photo's caption only, no line left over
    assert "Ảnh: " + corrected not in body and "Ảnh: " + second not in body


@pytest.mark.parametrize("raw, shown", [
    ("Nhân\u00addân", "Nhândân"),                      # a soft hyphen is invisible: gone
    ("UBND\u00a0phường\u200b Thịnh\ufeffQuang", "UBND phường ThịnhQuang"),
    ("tổng thu 14.995\u00a0tỷ đồng, số\u00a03", "tổng thu 14.995\u00a0tỷ đồng, số\u00a03"),  # kept beside a number
    ("ho\u0300ng", "hòng"),                             # combining marks of Windows-1258: NFC
])
def test_text_is_normalised_as_readers_see_it(raw, shown):
    from news_legacy.text import squash

    assert squash(raw) == shown


@pytest.mark.parametrize("src, name", [
    ("/Uploads/2022/06/hien-mau-1.jpg", "hien-mau-1.jpg"),
    ("../../Upload/Image/Anh%201.JPG", "Anh 1.JPG"),
    ("/documents/20182/2547813/vuon-hoa-van-chuong-1.jpg/a3f1c2d4-8e5b-4c6d?t=1725524400000", "vuon-hoa-van-chuong-1.jpg"),
])
def test_fill_photos_knows_a_photo_by_the_file_name_of_its_old_address(src, name):
    from news_legacy.recover import old_name

    assert old_name(src) == name
