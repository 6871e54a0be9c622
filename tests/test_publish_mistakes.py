"""Issue 17: an editor cannot publish by mistake, and an unfinished draft never
stops the articles that are ready.

Three small sites are built once for the module: a strict publish that must
succeed despite broken drafts (SITE_READY), a strict publish that must refuse
what the editor tools left to replace (SITE_MISTAKES), and the development
preview of the latter.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import DEV, PROD, ROOT, article, make_photo, soup
from news_core import placeholders
from news_editor import editor
from news_editor.editor import EditorError, find_category, new_article

NOW = dt.datetime(2025, 11, 20, 1, 0, tzinfo=dt.timezone.utc)  # before SOURCE_DATE_EPOCH 1764000000
HEAD = "2025/bai-san-sang/index.md"


def _build(tmp: Path, name: str, files: dict, strict: bool):
    from news_build.runner import build

    content, output = tmp / f"{name}-content", tmp / f"{name}-output"
    for path, text in files.items():
        target = content / path
        target.parent.mkdir(parents=True, exist_ok=True)
        if text is None:
            make_photo(target)
        else:
            target.write_text(text, encoding="utf-8")
    return build(PROD if strict else DEV, str(content), str(output), strict=strict,
                 overrides={"NEWS_IMAGES_CACHE_PATH": str(tmp / "cache")}), content, output


def _fresh_article(content: Path, cfg, title: str, published: bool) -> Path:
    """What `invoke new` writes, then the editor only changes the status."""
    made = Path(new_article(title, "cac phuong", str(content), cfg, now=NOW).path)
    if published:
        made.write_text(made.read_text(encoding="utf-8").replace("status: draft", "status: published"),
                        encoding="utf-8")
    return made


@pytest.fixture(scope="module")
def env(tmp_path_factory):
    old = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = "1764000000"  # 2025-11-24
    yield tmp_path_factory.mktemp("mistakes")
    if old is None:
        del os.environ["SOURCE_DATE_EPOCH"]
    else:
        os.environ["SOURCE_DATE_EPOCH"] = old


@pytest.fixture(scope="module")
def ready(env, cfg):
    """A strict publish: one ready article, and drafts and a future article with problems."""
    from io import StringIO

    files = {
        HEAD: article("Bài đã sẵn sàng", date="20/11/2025 08:00", body="Nội dung bài đã viết xong."),
        "2025/nhap-sai-ngay/index.md": article("Bản nháp", date="31/02/2026", status="draft"),
        "2025/nhap-hong/index.md": '---\ntitle: "Bản nháp chưa đóng ngoặc\nstatus: draft\n---\n\nNội dung.\n',
        "2025/hen-gio/index.md": article("Bài hẹn giờ", date="01/01/2026 08:00",
                                         body="Nội dung.\n\n![](anh.jpg)"),
        "2025/hen-gio/anh.jpg": None,
    }
    err, saved = StringIO(), sys.stderr
    sys.stderr = err
    try:
        result, content, output = _build(env, "ready", files, strict=True)
        first = err.getvalue()
        _fresh_article(content, cfg, "Bài mới chưa viết", published=False)  # for the next build
        again, _, _ = _build(env, "ready", {}, strict=True)  # hen-gio, warnings only, from the cache
    finally:
        sys.stderr = saved
    return result, again, output, err.getvalue()[len(first):]


@pytest.fixture(scope="module")
def mistakes(env, cfg):
    """What `invoke new` left, published; photos without captions; broken status."""
    files = {
        "2025/tom-tat/index.md": article("Tóm tắt mẫu", date="20/11/2025 08:00",
                                         summary=placeholders.LEAD, body="Nội dung thật."),
        "2025/mot-anh/index.md": article("Một ảnh", date="20/11/2025 08:00",
                                         body="Nội dung.\n\n![](anh.jpg)"),
        "2025/mot-anh/anh.jpg": None,
        "2025/bo-anh/index.md": article("Bộ ảnh", date="20/11/2025 08:00",
                                        body="Nội dung.\n\n::: gallery Ảnh\n![](a.jpg)\n:::"),
        "2025/bo-anh/a.jpg": None,
        "2025/sai-trang-thai/index.md": article("Sai trạng thái", date="31/02/2026", status="darft"),
        "2025/hong-khong-trang-thai/index.md": '---\ntitle: "Chưa đóng ngoặc\ndate: 20/11/2025\n---\n\nNội dung.\n',
    }
    strict, content, _ = _build(env, "mistakes", files, strict=True)
    made = _fresh_article(content, cfg, "Bài mới chỉ đổi trạng thái", published=True)
    strict, _, _ = _build(env, "mistakes", {}, strict=True)
    preview, _, output = _build(env, "mistakes-dev", {**files, **{
        str(made.relative_to(content)): made.read_text(encoding="utf-8")}}, strict=False)
    return strict, preview, output, made.relative_to(content).as_posix()


def _line(messages, needle: str) -> str:
    found = [m for m in messages if needle in m]
    assert len(found) == 1, messages
    return found[0]


# -- case 1: what the editor tools leave to replace is never published ------


def test_template_placeholder_stops_a_publish_naming_file_line_and_fix(mistakes):
    strict, _, _, path = mistakes
    assert not strict.ok
    lead = _line(strict.messages, path)
    assert lead.startswith("LỖI: ") and lead.endswith(
        f'{path}:10: còn câu mẫu "{placeholders.LEAD}" viết sẵn để bạn thay. '
        "Thay dòng này bằng đoạn mở đầu (sapo) của bài: một, hai câu tóm tắt sự việc.")


def test_placeholder_in_a_field_is_an_error_on_its_line(mistakes):
    strict = mistakes[0]
    assert _line(strict.messages, "tom-tat/index.md").endswith(
        f'tom-tat/index.md:5: summary: còn câu mẫu "{placeholders.LEAD}" viết sẵn để bạn thay. '
        "Thay dòng này bằng đoạn mở đầu (sapo) của bài: một, hai câu tóm tắt sự việc.")


def test_preview_shows_the_article_and_warns(mistakes):
    _, preview, output, path = mistakes
    warning = _line(preview.messages, path)
    assert warning.startswith("CẢNH BÁO: ") and f"{path}:10:" in warning
    page = soup(output / "cac-phuong" / "bai-moi-chi-doi-trang-thai" / "index.html")
    assert placeholders.LEAD in page.get_text()


def test_template_takes_its_texts_from_news_core(tmp_path, cfg):
    made = Path(new_article("Bài", "cac-phuong", str(tmp_path), cfg, now=NOW).path)
    text = made.read_text(encoding="utf-8")
    assert f"\n{placeholders.LEAD} " in text and f"![{placeholders.CAPTION}](ten-anh.jpg)" in text


@pytest.mark.parametrize("lines, found", [
    ([placeholders.LEAD], [0]),
    (["<!--", f"![{placeholders.CAPTION}](a.jpg)", "-->"], []),
    (["Đoạn thật.", f"<!-- x --> ![{placeholders.CAPTION}](a.jpg)"], [1]),
    (["Chú thích ảnh chụp hôm qua."], []),
])
def test_placeholders_in_body(lines, found):
    assert [index for index, _, _ in placeholders.in_body(lines)] == found


# -- case 3: unfinished drafts never block the articles that are ready --------


def test_broken_drafts_and_future_articles_do_not_stop_a_publish(ready):
    result, again, output, _ = ready
    assert result.ok and again.ok and result.errors == 0 and result.warnings == 0
    assert (output / "tin-tuc-su-kien" / "bai-da-san-sang" / "index.html").is_file()
    assert not (output / "tin-tuc-su-kien" / "hen-gio").exists()


def test_held_back_problems_are_listed_as_a_notice(ready):
    notice = ready[3]
    assert ("Bài chưa xuất bản (bản nháp) có lỗi, không chặn việc xuất bản: "
            f"{ready[2].parent}/ready-content/2025/nhap-sai-ngay/index.md:3: date: ngày 31/02/2026 "
            "không tồn tại.") in notice
    assert "Bài chưa xuất bản (bản nháp) có lỗi, không chặn việc xuất bản: " in notice
    assert "nhap-hong/index.md:2" in notice  # front matter YAML cannot read, but `status: draft`
    assert "Bài chưa xuất bản (hẹn giờ đăng 01/01/2026 08:00) có lỗi, không chặn việc xuất bản: " in notice
    assert "hen-gio/index.md:" in notice and "thiếu chú thích" in notice
    assert "bai-moi-chua-viet/index.md:" in notice  # invoke new's draft, placeholder and all


def test_unreadable_status_still_stops_a_publish(mistakes):
    """Conservative: a mistyped status, or broken front matter without `status: draft`,
    may be an article meant to be published; its error is counted."""
    strict = mistakes[0]
    assert any(m.startswith("LỖI: ") and 'sai-trang-thai/index.md:5: status: trạng thái "darft"' in m
               for m in strict.messages)
    assert any(m.startswith("LỖI: ") and "hong-khong-trang-thai/index.md" in m for m in strict.messages)


# -- case 4: a missing caption is an error, in a gallery and on one figure ---


def test_missing_caption_is_an_error_everywhere(mistakes):
    strict, preview = mistakes[0], mistakes[1]
    for result in (strict, preview):
        assert _line(result.messages, "mot-anh/index.md").startswith("LỖI: ")
        assert _line(result.messages, "bo-anh/index.md").startswith("LỖI: ")
        assert "thiếu chú thích" in _line(result.messages, "mot-anh/index.md")
    assert preview.ok is False and not preview.crashed  # the preview still built the other pages


# -- case 6: commands that paste as they are; tags; categories ---------------


@pytest.mark.parametrize("argv0, cwd, windows, expected", [
    ("/site/.venv/bin/invoke", "/site", False, ".venv/bin/invoke"),
    ("/other place/.venv/bin/invoke", "/site", False, '"/other place/.venv/bin/invoke"'),
    ("/site/My Site/.venv/bin/trangtin", "/site/My Site", False, ".venv/bin/trangtin"),
    (".venv\\Scripts\\invoke.exe", "/site", True, ".venv\\Scripts\\invoke"),
    ("/usr/lib/python3/pytest", "/site", False, ".venv/bin/invoke"),
])
def test_command_is_the_program_the_editor_ran(argv0, cwd, windows, expected, monkeypatch):
    monkeypatch.setattr("shutil.which", lambda name: None)
    assert editor.command(argv0, cwd, windows) == expected


def test_command_found_on_path_is_the_bare_name(monkeypatch):
    monkeypatch.setattr("shutil.which", lambda name: "/usr/local/bin/trangtin")
    assert editor.command("/usr/local/bin/trangtin", "/site", False) == "trangtin"


def test_new_writes_tags_and_a_photos_command_that_pastes(tmp_path, cfg):
    folder = tmp_path / "nội dung"
    folder.mkdir()
    made = Path(new_article("Bài có thẻ", "cac-phuong", str(folder), cfg, now=NOW, run=".venv/bin/invoke").path)
    text = made.read_text(encoding="utf-8")
    assert "\ntags: []\nstatus: draft\n" in text
    assert f'  .venv/bin/invoke photos THU-MUC-ANH "{made.parent}"\n' in text


def test_invoke_new_prints_the_command_as_run(tmp_path):
    invoke = Path(sys.executable).with_name("invoke")
    done = subprocess.run([str(invoke), "new", "Bài in lệnh", "--category", "cac phuong",
                           "--content", str(tmp_path), "--date", "20/11/2025 08:00"], cwd=ROOT, capture_output=True, text=True, check=True)
    shown = os.path.relpath(invoke, ROOT) if invoke.is_relative_to(ROOT) else str(invoke)
    assert f"  {shown} photos THU-MUC-ANH {tmp_path / '2025' / 'bai-in-lenh'}\n" \
        in done.stdout


def test_unknown_category_lists_every_category_with_its_slug(cfg):
    with pytest.raises(EditorError) as caught:
        find_category("xyz", cfg)
    for category in cfg.categories:
        assert f'"{category.name}" (--category {category.slug})' in str(caught.value)
    with pytest.raises(EditorError) as caught:
        find_category("", cfg)
    assert all(c.slug in str(caught.value) for c in cfg.categories)
