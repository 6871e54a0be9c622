"""`invoke new` and `invoke photos`: what they write, what they refuse, and
that what they write builds."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, make_photo
from news_core.errors import Problems
from news_core.frontmatter import split, yaml_text
from news_editor.editor import (
    EditorError,
    add_photos,
    new_article,
)
from PIL import Image

NOW = dt.datetime(2024, 3, 21, 3, 31, tzinfo=dt.timezone.utc)  # 10:31 in Hà Nội
INVOKE = str(Path(sys.executable).with_name("invoke"))


def front_matter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---\n")[1])


def photo(path: Path, color=(200, 40, 40), taken: str | None = None, tag=36867) -> Path:
    """A small JPEG; `taken` goes into DateTimeOriginal (Exif IFD) or, with tag=306, DateTime."""
    path.parent.mkdir(parents=True, exist_ok=True)
    exif = Image.Exif()
    if taken and tag == 36867:
        exif.get_ifd(0x8769)[36867] = taken
    elif taken:
        exif[tag] = taken
    Image.new("RGB", (320, 240), color).save(path, "JPEG", exif=exif)
    return path


def gallery_lines(index: Path) -> list[str]:
    lines = index.read_text(encoding="utf-8").splitlines()
    start = max(i for i, line in enumerate(lines) if line.startswith("::: gallery"))
    return lines[start:]


def run_invoke(*args, cwd) -> subprocess.CompletedProcess:
    return subprocess.run([INVOKE, "-r", str(ROOT), *args], cwd=cwd, capture_output=True,
                          text=True, encoding="utf-8", timeout=120)


# -- invoke new ---------------------------------------------------------------


def test_new_creates_the_folder_with_its_front_matter(content, cfg):
    made = new_article("Hội nghị: tổng kết năm 2024", "van hoa - xa hoi", str(content), cfg, now=NOW)
    index = content / "2024" / "hoi-nghi-tong-ket-nam-2024" / "index.md"
    assert made.path == str(index)
    assert front_matter(index) == {
        "title": "Hội nghị: tổng kết năm 2024", "date": "21/03/2024 10:31", "views": 0,
        "category": "Văn hóa - Xã hội", "tags": [], "status": "draft",
    }
    text = index.read_text(encoding="utf-8")
    assert text.startswith('---\ntitle: "Hội nghị: tổng kết năm 2024"\ndate: 21/03/2024 10:31\n')
    assert "Viết đoạn mở đầu" in text and "invoke photos" in text and "![Chú thích ảnh]" in text


@pytest.mark.parametrize("written", [
    "ubnd-quan", "Hoạt động của UBND quận", "HOẠT ĐỘNG CỦA UBND QUẬN", "hoat dong cua ubnd quan",
    unicodedata.normalize("NFD", "hoạt động của ubnd quận"),
])
def test_category_is_a_name_or_slug_in_any_case_or_form(content, cfg, written):
    made = new_article("Tin A", written, str(content), cfg, now=NOW)
    assert front_matter(Path(made.path))["category"] == "Hoạt động của UBND quận"


@pytest.mark.parametrize("title", [
    "Hội nghị: kết quả", '"Ngày hội" đại đoàn kết', "2024", "yes", "#1 sự kiện", "Tin a #b",
    "- gạch đầu dòng", "[Thông báo] lịch tiếp dân", "* nổi bật", "Đường dẫn C:\\tin", "it's ok",
    "Kết thúc bằng:", "&nbsp tin", "Bình thường, không cần ngoặc",
])
def test_titles_read_back_exactly(title):
    written = yaml_text(title)
    problems = Problems("x")
    document = split(f"---\ntitle: {written}\n---\n", problems)
    assert not problems.items
    assert document.fields["title"].value == title
    if title == "Bình thường, không cần ngoặc":
        assert written == title


def test_new_never_overwrites(content, cfg):
    made = new_article("Hội nghị thi đua", "Tin tức - Sự kiện", str(content), cfg, now=NOW)
    index = Path(made.path)
    index.write_text(index.read_text(encoding="utf-8") + "Bài đã viết.\n", encoding="utf-8")
    before = index.read_bytes()
    with pytest.raises(EditorError) as error:
        new_article("Hội nghị thi đua", "Tin tức - Sự kiện", str(content), cfg, now=NOW)
    message = str(error.value)
    assert "hoi-nghi-thi-dua/index.md" in message and "không ghi đè" in message
    assert "--slug hoi-nghi-thi-dua-2" in message
    assert index.read_bytes() == before
    # An empty folder of that name is refused too; --slug makes another article.
    (content / "2024" / "hoi-nghi-lan-2").mkdir()
    with pytest.raises(EditorError, match="đã có thư mục"):
        new_article("Hội nghị lần 2", "Tin tức - Sự kiện", str(content), cfg, now=NOW)
    other = new_article("Hội nghị thi đua", "Tin tức - Sự kiện", str(content), cfg, slug="Hội nghị thi đua 2", now=NOW)
    assert other.path.endswith(os.path.join("2024", "hoi-nghi-thi-dua-2", "index.md"))
    assert front_matter(Path(other.path))["slug"] == "hoi-nghi-thi-dua-2"


def test_unknown_category_lists_the_known_ones_and_the_closest(content, cfg):
    with pytest.raises(EditorError) as error:
        new_article("Tin A", "Tin tuc", str(content), cfg, now=NOW)
    message = str(error.value)
    assert 'chuyên mục "Tin tuc" không có trong danh sách' in message
    assert 'Có phải ý bạn là "Tin tức - Sự kiện"?' in message
    for category in cfg.categories:
        assert category.name in message
    assert not any(content.iterdir())


def test_bad_date_and_empty_title_are_explained(content, cfg):
    with pytest.raises(EditorError, match="--date: ngày 31/02/2024 không tồn tại"):
        new_article("Tin A", "Tin tức - Sự kiện", str(content), cfg, date="31/02/2024")
    with pytest.raises(EditorError, match="chưa có tiêu đề"):
        new_article("  ", "Tin tức - Sự kiện", str(content), cfg, now=NOW)


def test_new_article_builds_cleanly_and_shows_as_a_draft(build_site, tmp_path, cfg):
    site_content = tmp_path / "site"
    site_content.mkdir()
    new_article("Ra quân tổng vệ sinh: đón Tết", "Kinh tế - Đô thị", str(site_content), cfg, now=NOW)
    site = build_site({}, content=site_content)
    # The preview shows it; the only warning is the lead left to replace (test_publish_mistakes)
    assert site.result.ok and (site.result.errors, site.result.warnings) == (0, 1)
    assert "index.md:10: còn câu mẫu" in site.result.messages[0]
    page = site.page("kinh-te-do-thi/ra-quan-tong-ve-sinh-don-tet")
    assert page.h1.get_text(strip=True) == "Ra quân tổng vệ sinh: đón Tết"
    assert page.select_one(".badge--draft").get_text(strip=True) == "Bản nháp"
    assert "HƯỚNG DẪN" not in str(page)  # the how-to stays in the source


def test_invoke_new_from_the_command_line(tmp_path):
    args = ["new", "Ngày hội đọc sách", "--category", "van-hoa-xa-hoi", "--content", "content",
            "--date", "21/04/2025 08:00"]
    (tmp_path / "content").mkdir()
    done = run_invoke(*args, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "content/2025/ngay-hoi-doc-sach/index.md" in done.stdout
    index = tmp_path / "content/2025/ngay-hoi-doc-sach/index.md"
    assert front_matter(index)["date"] == "21/04/2025 08:00"
    before = index.read_bytes()
    again = run_invoke(*args, cwd=tmp_path)
    assert again.returncode == 1 and "LỖI: đã có bài viết" in again.stderr
    assert index.read_bytes() == before
    wrong = run_invoke("new", "Tin B", "--category", "Thể thao", "--content", "content", cwd=tmp_path)
    assert wrong.returncode == 1 and '\n  - "Tin tức - Sự kiện" (--category tin-tuc-su-kien)\n' in wrong.stderr


# -- invoke photos ------------------------------------------------------------


@pytest.fixture
def draft(content, cfg):
    """A new article: content/2024/hoi-nghi-thi-dua/index.md."""
    return Path(new_article("Hội nghị thi đua", "Tin tức - Sự kiện", str(content), cfg, now=NOW).path)


def test_photos_are_ordered_by_exif_date_not_by_name(tmp_path, draft):
    src = tmp_path / "src"
    a = photo(src / "a.jpg", (255, 0, 0), "2024:03:21 10:05:00")
    b = photo(src / "b.jpg", (0, 255, 0), "2024:03:21 09:01:00")
    c = photo(src / "c.JPEG", (0, 0, 255), "2024:03:21 09:30:00", tag=306)  # DateTime only
    out = []
    result = add_photos(str(src), str(draft.parent), say=out.append)
    folder = draft.parent
    assert [p.target for p in result.copied] == ["hoi-nghi-thi-dua-01.jpg", "hoi-nghi-thi-dua-02.jpg", "hoi-nghi-thi-dua-03.jpg"]
    assert (folder / "hoi-nghi-thi-dua-01.jpg").read_bytes() == b.read_bytes()
    assert (folder / "hoi-nghi-thi-dua-02.jpg").read_bytes() == c.read_bytes()
    assert (folder / "hoi-nghi-thi-dua-03.jpg").read_bytes() == a.read_bytes()
    report = "\n".join(out)
    assert "Đã chép 3 ảnh" in report and "theo giờ chụp (EXIF)" in report
    assert "0 ảnh có chú thích từ captions.txt, 3 ảnh chưa có" in report


def test_photos_without_exif_follow_natural_name_order(tmp_path, draft):
    src = tmp_path / "src"
    ten, two, one = (photo(src / n, color) for n, color in
                     (("IMG 10.jpg", (1, 1, 1)), ("IMG 2.jpg", (2, 2, 2)), ("img 1.PNG", (3, 3, 3))))
    Image.open(one).convert("RGB").save(one, "PNG")
    result = add_photos(str(src), str(draft), say=lambda _: None)
    assert [(p.name, p.target) for p in result.copied] == [
        ("img 1.PNG", "hoi-nghi-thi-dua-01.png"), ("IMG 2.jpg", "hoi-nghi-thi-dua-02.jpg"),
        ("IMG 10.jpg", "hoi-nghi-thi-dua-03.jpg"),
    ]
    assert result.order.startswith("theo tên tệp")


def test_nfd_names_spaces_captions_and_other_files(tmp_path, draft):
    src = tmp_path / "src"
    nfd = unicodedata.normalize("NFD", "Ảnh đại biểu 1.jpg")
    photo(src / nfd, (10, 10, 10))
    photo(src / "Quang cảnh 2.jpg", (20, 20, 20))
    photo(src / "IMG 3.jpg", (30, 30, 30))
    (src / "ghi chú.docx").write_text("x", encoding="utf-8")
    (src / ".DS_Store").write_bytes(b"\0")
    (src / "captions.txt").write_text(
        "# Chú thích ảnh hội nghị\n\n"
        "Ảnh đại biểu 1.jpg: Các đại biểu tham dự Hội nghị\r\n"  # NFC name for an NFD file
        + unicodedata.normalize("NFD", "quang cảnh 2.JPG") + " :  Quang cảnh: hội trường [tầng 2]\n"
        "khong-co.jpg: không có ảnh này\n",
        encoding="utf-8",
    )
    out = []
    result = add_photos(str(src), str(draft.parent), say=out.append)
    assert [(p.name, p.target) for p in result.copied] == [  # no EXIF: by name, Ả among the a's
        ("Ảnh đại biểu 1.jpg", "hoi-nghi-thi-dua-01.jpg"), ("IMG 3.jpg", "hoi-nghi-thi-dua-02.jpg"),
        ("Quang cảnh 2.jpg", "hoi-nghi-thi-dua-03.jpg"),
    ]
    assert gallery_lines(draft) == [
        "::: gallery Một số hình ảnh Hội nghị thi đua",
        "![Các đại biểu tham dự Hội nghị](hoi-nghi-thi-dua-01.jpg)",
        "![](hoi-nghi-thi-dua-02.jpg)",
        '![](hoi-nghi-thi-dua-03.jpg "Quang cảnh: hội trường [tầng 2]")',
        ":::",
    ]
    report = "\n".join(out)
    assert 'bỏ qua "ghi chú.docx": không phải ảnh' in report
    assert "captions.txt dòng 5" in report and "khong-co.jpg" in report
    assert "2 ảnh có chú thích từ captions.txt, 1 ảnh chưa có" in report
    assert "CẦN LÀM: viết chú thích vào giữa hai dấu [ ] ở dòng" in report
    assert sorted(os.listdir(draft.parent)) == ["hoi-nghi-thi-dua-01.jpg", "hoi-nghi-thi-dua-02.jpg",
                                                "hoi-nghi-thi-dua-03.jpg", "index.md"]


@pytest.mark.parametrize("eol", ["\n", "\r\n"])
@pytest.mark.parametrize("ending", ["", "\n", "\n\n"])
def test_gallery_is_appended_without_changing_existing_bytes(tmp_path, eol, ending):
    folder = tmp_path / "content" / "2024" / "bai-cu"
    folder.mkdir(parents=True)
    text = "---\ntitle: Bài cũ\ndate: 21/03/2024\ncategory: Tin tức - Sự kiện\n---\n\nĐoạn một.\u00a0 \n\nĐoạn hai."
    original = (text + ending).replace("\n", eol).encode("utf-8")
    (folder / "index.md").write_bytes(original)
    src = tmp_path / "src"
    photo(src / "a.jpg")
    (src / "captions.txt").write_text("a.jpg: Ảnh A\n", encoding="utf-8")
    add_photos(str(src), str(folder / "index.md"), say=lambda _: None)
    data = (folder / "index.md").read_bytes()
    assert data.startswith(original)
    added = data[len(original):].decode("utf-8")
    separator = {"": eol * 2, "\n": eol, "\n\n": ""}[ending]
    assert added == separator + eol.join(["::: gallery Một số hình ảnh Bài cũ", "![Ảnh A](bai-cu-01.jpg)", ":::"]) + eol
    if eol == "\r\n":
        assert data.count(b"\n") == data.count(b"\r\n")


def test_numbering_continues_and_photos_already_there_are_skipped(tmp_path, draft):
    folder = draft.parent
    photo(folder / "hoi-nghi-thi-dua-01.jpg", (9, 9, 9))
    photo(folder / "hoi-nghi-thi-dua-02.jpg", (8, 8, 8))
    kept = {n: (folder / n).read_bytes() for n in os.listdir(folder)}
    src = tmp_path / "src"
    photo(src / "x.jpg", (7, 7, 7))
    photo(src / "y.jpg", (6, 6, 6))
    result = add_photos(str(src), str(folder), say=lambda _: None)
    assert [p.target for p in result.copied] == ["hoi-nghi-thi-dua-03.jpg", "hoi-nghi-thi-dua-04.jpg"]
    assert all((folder / n).read_bytes() == b for n, b in kept.items() if n != "index.md")
    # Running it again copies nothing and adds no second gallery.
    before = draft.read_bytes()
    out = []
    again = add_photos(str(src), str(folder), say=out.append)
    assert again.copied == [] and draft.read_bytes() == before
    assert "Không chép ảnh nào" in "\n".join(out) and "hoi-nghi-thi-dua-03.jpg" in "\n".join(out)


def test_heic_photos_are_accepted(tmp_path, draft):
    from pillow_heif import register_heif_opener

    register_heif_opener()
    src = tmp_path / "src"
    src.mkdir()
    exif = Image.Exif()
    exif.get_ifd(0x8769)[36867] = "2024:03:21 08:00:00"
    Image.new("RGB", (320, 240), (5, 90, 5)).save(src / "IMG_0001.HEIC", exif=exif)
    photo(src / "IMG_0000.jpg", taken="2024:03:21 09:00:00")
    result = add_photos(str(src), str(draft), say=lambda _: None)
    assert [p.target for p in result.copied] == ["hoi-nghi-thi-dua-01.heic", "hoi-nghi-thi-dua-02.jpg"]


def test_photos_errors_are_plain_vietnamese(tmp_path, draft):
    empty = tmp_path / "trong"
    empty.mkdir()
    (empty / "notes.txt").write_text("x", encoding="utf-8")
    with pytest.raises(EditorError, match='không tìm thấy thư mục ảnh ".*khong-co"'):
        add_photos(str(tmp_path / "khong-co"), str(draft), say=lambda _: None)
    with pytest.raises(EditorError, match="không có ảnh nào"):
        add_photos(str(empty), str(draft), say=lambda _: None)
    with pytest.raises(EditorError, match='không tìm thấy bài viết ".*khong-co-bai"'):
        add_photos(str(empty), str(tmp_path / "khong-co-bai"), say=lambda _: None)
    with pytest.raises(EditorError, match='thư mục ".*trong" không có tệp index.md'):
        add_photos(str(draft.parent), str(empty), say=lambda _: None)
    before = draft.read_bytes()
    (empty / "a.jpg").write_bytes(b"")
    make_photo(empty / "b.jpg")
    (empty / "captions.txt").write_bytes(unicodedata.normalize("NFD", "b.jpg: Ảnh\n").encode("cp1258"))
    with pytest.raises(EditorError, match="captions.txt.*UTF-8"):
        add_photos(str(empty), str(draft), say=lambda _: None)
    assert draft.read_bytes() == before and sorted(os.listdir(draft.parent)) == ["index.md"]


def test_article_with_photos_builds_with_the_gallery_and_captions(build_site, tmp_path, cfg):
    site_content = tmp_path / "site"
    site_content.mkdir()
    index = Path(new_article("Hội nghị thi đua", "Tin tức - Sự kiện", str(site_content), cfg, now=NOW).path)
    src = tmp_path / "src"
    photo(src / "DSC_0002.jpg", (200, 0, 0), "2024:03:21 10:00:00")
    photo(src / unicodedata.normalize("NFD", "Đại biểu 1.jpg"), (0, 200, 0), "2024:03:21 11:00:00")
    (src / "captions.txt").write_text("DSC_0002.jpg: Quang cảnh Hội nghị\nĐại biểu 1.jpg: Các đại biểu tham dự\n",
                                      encoding="utf-8")
    add_photos(str(src), str(index), say=lambda _: None)
    site = build_site({}, content=site_content)
    assert (site.result.errors, site.result.warnings) == (0, 1)  # the lead left to replace, nothing else
    assert "còn câu mẫu" in site.result.messages[0]
    gallery = site.page("tin-tuc-su-kien/hoi-nghi-thi-dua").select_one(".news-gallery")
    assert gallery.h2.get_text(strip=True) == "Một số hình ảnh Hội nghị thi đua"
    assert [f.get_text(strip=True) for f in gallery.select("figcaption")] == [
        "Quang cảnh Hội nghị", "Các đại biểu tham dự"]
    assert [img["alt"] for img in gallery.select("img")] == ["Quang cảnh Hội nghị", "Các đại biểu tham dự"]


def test_missing_caption_is_reported_by_the_build_with_its_line(build_site, tmp_path, cfg, caplog):
    site_content = tmp_path / "site"
    site_content.mkdir()
    index = Path(new_article("Hội nghị thi đua", "Tin tức - Sự kiện", str(site_content), cfg, now=NOW).path)
    src = tmp_path / "src"
    photo(src / "1.jpg")
    photo(src / "2.jpg", (0, 0, 0))
    (src / "captions.txt").write_text("1.jpg: Quang cảnh\n", encoding="utf-8")
    out = []
    add_photos(str(src), str(index), say=out.append)
    lines = index.read_text(encoding="utf-8").split("\n")
    line = lines.index("![](hoi-nghi-thi-dua-02.jpg)") + 1
    assert f"viết chú thích vào giữa hai dấu [ ] ở dòng {line} của" in "\n".join(out)
    site = build_site({}, content=site_content)
    assert site.result.errors == 1
    assert (f"2024/hoi-nghi-thi-dua/index.md:{line}: gallery: ảnh trong thư viện thiếu chú thích (caption)."
            in caplog.text)


def test_invoke_photos_from_the_command_line(tmp_path, draft):
    src = tmp_path / "Ảnh sự kiện"
    photo(src / "b.jpg", taken="2024:03:21 09:00:00")
    photo(src / "a.jpg", taken="2024:03:21 10:00:00")
    (src / "captions.txt").write_text("a.jpg: Ảnh A\nb.jpg: Ảnh B\n", encoding="utf-8")
    done = run_invoke("photos", str(src), str(draft.parent), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "Đã chép 2 ảnh" in done.stdout and "2 ảnh có chú thích từ captions.txt, 0 ảnh chưa có" in done.stdout
    assert gallery_lines(draft)[1:3] == ["![Ảnh B](hoi-nghi-thi-dua-01.jpg)", "![Ảnh A](hoi-nghi-thi-dua-02.jpg)"]
    missing = run_invoke("photos", "khong-co", str(draft.parent), cwd=tmp_path)
    assert missing.returncode == 1 and 'LỖI: không tìm thấy thư mục ảnh "khong-co"' in missing.stderr


# -- all or nothing, other drives, captions.txt.txt ---------------------------


def test_a_failed_copy_leaves_nothing_and_a_rerun_copies_every_photo(tmp_path, draft, monkeypatch):
    import errno

    from news_editor import editor

    src = tmp_path / "src"
    for number, color in ((1, (10, 0, 0)), (2, (0, 10, 0)), (3, (0, 0, 10))):
        photo(src / f"IMG {number}.jpg", color, f"2024:03:21 09:0{number}:00")
    folder = draft.parent
    before_files = sorted(os.listdir(folder))
    before = draft.read_bytes()
    real_copy, calls = editor._copy, []

    def disk_full_on_the_second(source, target):
        calls.append(target)
        if len(calls) == 2:
            with open(target, "xb") as handle:  # a truncated copy, as a full disk leaves it
                handle.write(b"\xff\xd8")
            raise OSError(errno.ENOSPC, "No space left on device", target)
        real_copy(source, target)

    monkeypatch.setattr(editor, "_copy", disk_full_on_the_second)
    with pytest.raises(EditorError) as failed:
        add_photos(str(src), str(folder), say=lambda _: None)
    message = str(failed.value)
    assert 'không chép được ảnh "IMG 2.jpg"' in message and "ổ đĩa đã hết chỗ trống" in message
    assert "Chưa chép ảnh nào vào bài và chưa sửa" in message
    assert all(os.path.dirname(c) == str(folder) for c in calls)  # temporary names in the article folder
    assert sorted(os.listdir(folder)) == before_files
    assert draft.read_bytes() == before

    monkeypatch.setattr(editor, "_copy", real_copy)
    result = add_photos(str(src), str(folder), say=lambda _: None)
    targets = ["hoi-nghi-thi-dua-01.jpg", "hoi-nghi-thi-dua-02.jpg", "hoi-nghi-thi-dua-03.jpg"]
    assert [p.target for p in result.copied] == targets
    assert sorted(os.listdir(folder)) == sorted(before_files + targets)
    assert gallery_lines(draft)[1:4] == [f"![]({t})" for t in targets]
    assert [(folder / t).read_bytes() for t in targets] == [(src / f"IMG {n}.jpg").read_bytes() for n in (1, 2, 3)]


def test_a_failed_append_removes_the_copied_photos(tmp_path, draft, monkeypatch):
    from news_editor import editor

    src = tmp_path / "src"
    photo(src / "a.jpg")
    photo(src / "b.jpg", (0, 0, 0))
    before = draft.read_bytes()

    def locked(index, data, *args):
        with open(index, "ab") as handle:
            handle.write(b"\n::: gallery")  # half written
        raise PermissionError(13, "Permission denied", index)

    monkeypatch.setattr(editor, "_append_gallery", locked)
    with pytest.raises(EditorError, match='không ghi được thư viện ảnh vào ".*index.md": không có quyền'):
        add_photos(str(src), str(draft), say=lambda _: None)
    assert draft.read_bytes() == before and sorted(os.listdir(draft.parent)) == ["index.md"]


def test_a_photo_in_the_folder_but_not_in_the_article_is_copied_and_listed(tmp_path, draft):
    """Only image lines of index.md make a photo "already in the article"."""
    src = tmp_path / "src"
    a = photo(src / "a.jpg", (1, 2, 3))
    b = photo(src / "b.jpg", (4, 5, 6))
    folder = draft.parent
    (folder / "hoi-nghi-thi-dua-01.jpg").write_bytes(a.read_bytes())  # lying there, not used
    (folder / "anh-b.jpg").write_bytes(b.read_bytes())
    with open(draft, "a", encoding="utf-8") as handle:
        handle.write("\n![Ảnh B](anh-b.jpg)\n")
    out = []
    result = add_photos(str(src), str(folder), say=out.append)
    assert [(p.name, p.target) for p in result.copied] == [("a.jpg", "hoi-nghi-thi-dua-02.jpg")]
    assert 'bỏ qua "b.jpg": ảnh này đã có trong bài với tên anh-b.jpg' in "\n".join(out)
    assert gallery_lines(draft)[1:] == ["![](hoi-nghi-thi-dua-02.jpg)", ":::"]


def test_paths_on_another_drive_are_shown_as_given(tmp_path, content, cfg, monkeypatch):
    """On Windows os.path.relpath raises ValueError for a path on another drive."""
    monkeypatch.chdir(tmp_path)

    def other_drive(path, start=None):
        raise ValueError("path is on mount 'D:', start on mount 'C:'")

    monkeypatch.setattr(os.path, "relpath", other_drive)
    made = new_article("Hội nghị thi đua", "Tin tức - Sự kiện", str(content), cfg, now=NOW)
    folder = Path(made.path).parent
    assert f"invoke photos THU-MUC-ANH {folder.as_posix()}" in Path(made.path).read_text(encoding="utf-8")
    with pytest.raises(EditorError, match=f'đã có bài viết "{Path(made.path).as_posix()}"'):
        new_article("Hội nghị thi đua", "Tin tức - Sự kiện", str(content), cfg, now=NOW)
    src = tmp_path / "src"
    photo(src / "a.jpg")
    out = []
    add_photos(str(src), str(folder), say=out.append)
    assert f"Đã chép 1 ảnh vào {folder.as_posix()}," in "\n".join(out)
    with pytest.raises(EditorError, match=f'không tìm thấy thư mục ảnh "{(tmp_path / "khong-co").as_posix()}"'):
        add_photos(str(tmp_path / "khong-co"), str(folder), say=lambda _: None)


@pytest.mark.parametrize("name", ["captions.txt.txt", "Captions.TXT", "CAPTIONS.TXT.txt"])
def test_captions_txt_txt_and_other_cases_are_read(tmp_path, draft, name):
    src = tmp_path / "src"
    photo(src / "a.jpg")
    (src / name).write_text("a.jpg: Ảnh A\n", encoding="utf-8")
    out = []
    add_photos(str(src), str(draft), say=out.append)
    report = "\n".join(out)
    assert gallery_lines(draft)[1] == "![Ảnh A](hoi-nghi-thi-dua-01.jpg)"
    assert f"1 ảnh có chú thích từ {name}, 0 ảnh chưa có" in report and "không phải ảnh" not in report


def test_captions_txt_wins_over_captions_txt_txt(tmp_path, draft):
    src = tmp_path / "src"
    photo(src / "a.jpg")
    (src / "captions.txt").write_text("a.jpg: Đúng\n", encoding="utf-8")
    (src / "captions.txt.txt").write_text("a.jpg: Sai\nkhong-co: x\n", encoding="utf-8")
    out = []
    add_photos(str(src), str(draft), say=out.append)
    assert gallery_lines(draft)[1] == "![Đúng](hoi-nghi-thi-dua-01.jpg)"
    assert 'bỏ qua "captions.txt.txt": đã dùng chú thích trong "captions.txt"' in "\n".join(out)
