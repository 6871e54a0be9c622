"""The live preview's quick rebuild (news_preview/warm.py): a save that changed
only an article's text renders that page from the objects the last build left,
and the site is then byte for byte what a full build makes; any other save
takes the full build. Driven as `invoke serve`'s watcher drives it, in process."""

import os
import shutil

import pytest
from conftest import DEV, ROOT, soup
from news_build.runner import build
from news_preview.serve import Preview

SEED = "2023/gap-mat-quoc-khanh-2-9"
SEED_URL = "tin-tuc-su-kien/quan-dong-da-gap-mat-ky-niem-78-nam-cach-mang-thang-tam-va-quoc-khanh-2-9"
SENTENCE = "Bà Lê Thị Quýt phát biểu cảm tưởng trước khi buổi gặp mặt kết thúc."


@pytest.fixture(scope="module")
def preview(tmp_path_factory):
    """The sample site in a live preview, as `invoke serve` starts it."""
    root = tmp_path_factory.mktemp("warm")
    content, output = root / "content", root / "output"
    # Another copy of the same articles built first, into the same caches (as in CI, where the
    # repository's own build comes first): its entries must not stand in for this folder's.
    shutil.copytree(ROOT / "content", root / "other")
    assert build(DEV, str(root / "other"), str(root / "other-output")).ok
    shutil.copytree(ROOT / "content", content)
    preview = Preview(DEV, str(content), str(output))
    preview.rebuild()
    assert preview.status["ok"] and not preview.status["quick"]
    return preview, content, output


def save(preview, path, text):
    path.write_text(text, encoding="utf-8")
    preview.rebuild(f"Đã lưu {path.name}", [str(path)])
    return preview.status


def indexed(output, term):
    return any(f'"{term}"' in p.read_text(encoding="utf-8") for p in output.rglob("*.json"))


def html_files(folder):
    return {os.path.relpath(os.path.join(d, f), folder): os.path.join(d, f)
            for d, _, names in os.walk(folder) for f in names if f.endswith(".html")}


def test_a_text_only_save_renders_the_page_quickly_and_as_a_full_build_would(preview, tmp_path):
    preview, content, output = preview
    source = content / SEED / "index.md"
    original = source.read_text(encoding="utf-8")
    assert not indexed(output, "quyt")
    try:
        status = save(preview, source, original.rstrip("\n") + f"\n\n{SENTENCE}\n")
        assert status["ok"] and status["quick"], status["declined"] or status
        assert SENTENCE in soup(output / SEED_URL / "index.html").select_one(".article__body").get_text()
        # every page is what a build from scratch makes of the same sources
        clean = tmp_path / "clean"
        assert build(DEV, str(content), str(clean)).ok
        ours, theirs = html_files(output), html_files(clean)
        assert ours.keys() == theirs.keys()
        different = [name for name in ours if open(ours[name], "rb").read() != open(theirs[name], "rb").read()]
        assert different == []
        assert indexed(output, "quyt")  # the search index knows the new name
    finally:
        status = save(preview, source, original)
    # undone: quick again, and the page shows the text it had (no stale fingerprint)
    assert status["quick"] and SENTENCE not in (output / SEED_URL / "index.html").read_text(encoding="utf-8")
    preview.rebuild("kiểm tra")  # a full build after quick ones finds every page already right
    assert preview.status["ok"] and not preview.status["quick"]


@pytest.mark.parametrize("change", ["title", "photo", "warning", "new file"])
def test_any_other_save_takes_the_full_build(preview, change):
    preview, content, output = preview
    source = content / SEED / "index.md"
    original = source.read_text(encoding="utf-8")
    extra = None
    try:
        if change == "title":  # shown on the home page and in lists
            text = original.replace("title: Quận Đống Đa gặp mặt", "title: Quận Đống Đa tổ chức gặp mặt")
        elif change == "photo":  # a new photo needs its derivatives
            extra = content / SEED / "anh-luu-niem.jpg"
            shutil.copy(content / "2023/hoi-khoe-phu-dong-2023/le-khai-mac.jpg", extra)
            text = original + "\n![Các đại biểu chụp ảnh lưu niệm](anh-luu-niem.jpg)\n"
        elif change == "warning":  # a photo without a caption: the panel must say so, file and line
            text = original + "\n![](cuu-chien-binh-phat-bieu.jpg)\n"
        else:
            source = content / "2023/bai-moi/index.md"
            source.parent.mkdir()
            extra = source.parent
            text = "---\ntitle: Bài mới\ndate: 01/09/2023 08:00\ncategory: Tin tức - Sự kiện\n---\n\nNội dung.\n"
        status = save(preview, source, text)
        assert not status["quick"], status
        if change == "title":
            assert "Quận Đống Đa tổ chức gặp mặt" in (output / "index.html").read_text(encoding="utf-8")
        elif change == "photo":
            page = soup(output / SEED_URL / "index.html")
            assert any("anh-luu-niem" in (img.get("src") or "") for img in page.select(".article__body img"))
        elif change == "warning":
            assert status["warnings"] + status["errors"] >= 1
            assert any(f"{SEED}/index.md:" in m for m in status["messages"]), status["messages"]
        else:
            assert (output / "tin-tuc-su-kien/bai-moi/index.html").exists()
    finally:
        if change == "new file":
            shutil.rmtree(extra)
        else:
            source.write_text(original, encoding="utf-8")
            if extra:
                extra.unlink()
        preview.rebuild("hoàn tác")
    assert preview.status["ok"]
