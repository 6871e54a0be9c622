"""Issue 17: the preview and a production build never share a folder (case 2),
and a refused output folder still gets every content error reported (case 8)."""

import os
import re
import shutil
import subprocess
import sys
import tempfile

import pytest

from conftest import ROOT, article
from test_serve import INVOKE, URL, get, preview, status, until  # noqa: F401 - preview: the fixture

DRAFT = "tin-tuc-su-kien/ban-nhap-moi/"


def snapshot(folder) -> dict:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def invoke(*args, cwd=ROOT, root=None):
    """`invoke ARGS` from `cwd`, with the tasks.py of `root` (default: the one in `cwd` or above)."""
    search = ["--search-root", str(root)] if root else []
    return subprocess.run([sys.executable, "-m", "invoke", *search, *args], cwd=cwd, capture_output=True,
                          text=True, encoding="utf-8", env={**os.environ, "SOURCE_DATE_EPOCH": "1764000000"},
                          timeout=300)


def start_serve(*args, cwd=ROOT, root=None):
    """`invoke serve` on a free port: (process, its address or None, what it printed)."""
    search = ["--search-root", str(root)] if root else []
    process = subprocess.Popen([sys.executable, INVOKE, *search, "serve", "--port", "0", "--no-open", *args], cwd=cwd,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, encoding="utf-8")
    lines = []
    for line in process.stdout:
        lines.append(line)
        found = re.search(r"http://127\.0\.0\.1:\d+/", line)
        if found:
            return process, found.group(0), "".join(lines)
    process.wait(10)
    return process, None, "".join(lines)


def stop(process):
    if process.poll() is None:
        process.terminate()
        process.wait(10)


def make_site(tmp_path):
    """A ward's site: the repository's settings, its own tasks.py, one article and one draft."""
    site = tmp_path / "site"
    (site / "content" / "a").mkdir(parents=True)
    (site / "content" / "a" / "index.md").write_text(article(), encoding="utf-8")
    (site / "content" / "b").mkdir()
    (site / "content" / "b" / "index.md").write_text(
        article(title="Bản nháp mới", date="22/03/2024 09:00", status="draft"), encoding="utf-8")
    for name in ("pelicanconf.py", "publishconf.py"):
        shutil.copy(ROOT / name, site / name)
    (site / "tasks.py").write_text("from trangtin.tasks import collection\n\nns = collection(__file__)\n",
                                   encoding="utf-8")
    return site


# --- case 2: publish while the preview runs ------------------------------------------


def test_publish_while_the_preview_runs_leaves_both_alone(tmp_path):
    site = make_site(tmp_path)
    process, base, said = start_serve(cwd=site)
    try:
        assert base, said
        assert get(base + DRAFT)[0] == 200  # the preview shows drafts
        published = invoke("publish", cwd=site)
        assert published.returncode == 0, published.stderr
        built = snapshot(site / "output")
        assert f"{URL}index.html" in built and f"{DRAFT}index.html" not in built
        # the preview still serves its own development build
        code, page = get(base + DRAFT)
        assert code == 200 and "Bản nháp mới" in page
        first = status(base)["build"]
        draft = site / "content" / "b" / "index.md"
        draft.write_text(draft.read_text(encoding="utf-8").replace("Đoạn mở đầu", "Đoạn đã sửa"), encoding="utf-8")
        until(lambda: status(base)["build"] > first)
        assert status(base)["ok"] and "Đoạn đã sửa" in get(base + DRAFT)[1]
        assert snapshot(site / "output") == built  # the save wrote nothing into what publish made
    finally:
        stop(process)
    assert (site / ".output-preview" / DRAFT / "index.html").is_file()


def test_publish_into_the_folder_a_running_preview_uses_is_refused(preview, tmp_path):  # noqa: F811
    base, content = preview
    before = snapshot(tmp_path / "output")
    done = invoke("publish", "--content", str(content), "--output", str(tmp_path / "output"))
    assert done.returncode != 0
    lines = [line for line in done.stderr.splitlines() if "bản xem trước (invoke serve" in line]
    assert len(lines) == 1 and lines[0].startswith("LỖI: ") and str(tmp_path / "output") in lines[0], done.stderr
    assert "Dừng bản xem trước (nhấn Ctrl+C trong cửa sổ đang chạy invoke serve) rồi chạy lại lệnh" in lines[0]
    assert "chưa xuất bản gì" in done.stderr
    assert snapshot(tmp_path / "output") == before
    assert status(base)["ok"] and get(base + URL)[0] == 200


def test_the_preview_never_writes_into_a_production_build(tmp_path):
    content = tmp_path / "content"
    (content / "a").mkdir(parents=True)
    (content / "a" / "index.md").write_text(article(), encoding="utf-8")
    (content / "b").mkdir()
    (content / "b" / "index.md").write_text(article(title="Bản nháp mới", status="draft"), encoding="utf-8")
    output = tmp_path / "output"
    assert invoke("publish", "--content", str(content), "--output", str(output)).returncode == 0
    built = snapshot(output)
    process, base, said = start_serve("--content", str(content), "--output", str(output))
    try:
        assert base is None and process.returncode == 1, said
        assert "không phải do bản xem trước tạo ra" in said and "invoke serve không kèm --output" in said, said
    finally:
        stop(process)
    assert snapshot(output) == built


def test_a_preview_whose_folder_was_replaced_stops_writing_there(preview, tmp_path):  # noqa: F811
    base, content = preview
    output = tmp_path / "output"
    output.rename(tmp_path / "old")  # what a publish swapped in looks like to the preview
    output.mkdir()
    (output / ".news-build").write_text("Built by news_build\n", encoding="utf-8")
    (output / "index.html").write_text("<p>bản chính thức</p>", encoding="utf-8")
    before = snapshot(output)
    first = status(base)["build"]
    (content / "b" / "index.md").write_text(article(title="Bài đã sửa", date="22/03/2024 09:00"), encoding="utf-8")
    report = until(lambda: (s := status(base))["build"] > first and s)
    assert not report["ok"]
    assert "LỖI: " + f'bản xem trước không ghi vào thư mục "{output}"' in report["messages"][-1], report
    assert "Dừng bản xem trước (Ctrl+C) nếu nó còn chạy" in report["messages"][-1]
    assert snapshot(output) == before


# --- case 8: a refused output folder, and content errors, in one run ------------------


def test_a_refused_output_folder_still_reports_every_content_error(build_site, tmp_path, caplog):
    foreign = tmp_path / "tai-lieu"
    foreign.mkdir()
    (foreign / "ghi-chu.txt").write_text("x\n", encoding="utf-8")
    before = sorted(os.listdir(tempfile.gettempdir()))
    site = build_site({"a/index.md": article(date="32/03/2024 10:31"),
                       "b/index.md": article(title="Bài hai", category="Tin tuc")}, strict=True, output=foreign)
    assert not site.result.ok and site.result.crashed
    messages = "\n".join(site.result.messages)
    assert re.search(r"a/index\.md:3: date: ngày 32/03/2024 không tồn tại", messages), messages
    assert re.search(r"b/index\.md:4: category", messages), messages
    assert "không phải do lần dựng trước tạo ra" in site.result.messages[-1]  # last, above the summary
    assert sorted(p.name for p in foreign.iterdir()) == ["ghi-chu.txt"]
    assert (foreign / "ghi-chu.txt").read_text(encoding="utf-8") == "x\n"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".output-")) == []
    assert not [n for n in os.listdir(tempfile.gettempdir()) if n.startswith(f"news-build-check-{os.getpid()}-")
                and n not in before]


def test_publish_says_both_problems_in_one_run(tmp_path):
    content = tmp_path / "content"
    (content / "a").mkdir(parents=True)
    (content / "a" / "index.md").write_text(article(date="32/03/2024 10:31"), encoding="utf-8")
    other = tmp_path / "tai-lieu"
    other.mkdir()
    (other / "ghi-chu.txt").write_text("x\n", encoding="utf-8")
    done = invoke("publish", "--content", str(content), "--output", "tai-lieu", cwd=tmp_path, root=ROOT)
    assert done.returncode != 0
    assert "a/index.md:3: date" in done.stderr and "không phải do lần dựng trước tạo ra" in done.stderr, done.stderr
    assert "chưa xuất bản gì" in done.stderr
    assert sorted(p.name for p in other.iterdir()) == ["ghi-chu.txt"]


def test_serve_takes_relative_folders_from_where_the_editor_is(tmp_path):
    site = make_site(tmp_path)
    here = site / "ban-sao"
    shutil.copytree(site / "content", here / "noi-dung")
    process, base, said = start_serve("--content", "noi-dung", "--output", "xem-truoc", cwd=here, root=site)
    try:
        assert base, said
    finally:
        stop(process)
    assert (here / "xem-truoc" / URL / "index.html").is_file()
    assert not (site / "xem-truoc").exists() and not (site / ".output-preview").exists()


def test_saving_with_a_temporary_file_names_only_the_article(preview):  # noqa: F811
    """Issue 17 case 6: "Đã lưu …" listed sed's temporary file (sedTQBzef)."""
    base, content = preview
    first = status(base)["build"]
    source = content / "a" / "index.md"
    temp = content / "a" / "sedTQBzef"  # what `sed -i` writes, then renames over the file
    temp.write_text(source.read_text(encoding="utf-8").replace("Hội nghị thi đua", "Hội nghị sơ kết"),
                    encoding="utf-8")
    os.replace(temp, source)
    until(lambda: status(base)["build"] > first)
    reason = status(base)["reason"]
    assert "index.md" in reason and "sed" not in reason, reason


@pytest.mark.parametrize("name, kind", [
    ("sedTQBzef", True), (".#index.md", True), ("index.md~", True), (".index.md.swp", True), ("4913", True),
    ("~$bai-viet.docx", True), (".~lock.bai-viet.docx#", True), (".index.md.3fa2c1.tmp", True),
    ("index.md", False), ("anh-1.jpg", False), ("sedan.jpg", False), ("captions.txt", False),
])
def test_temporary_file_names(name, kind):
    from news_preview.serve import temporary

    assert temporary(name) is kind
