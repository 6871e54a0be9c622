"""`invoke serve` as an editor uses it: save a file, the page changes; make a
typo, the page says what and where; code changes restart the preview."""

import json
import re
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest
from conftest import ROOT, article, needs_chromium

INVOKE = str(ROOT / ".venv" / "bin" / "invoke") if (ROOT / ".venv/bin/invoke").exists() else "invoke"
URL = "tin-tuc-su-kien/hoi-nghi-thi-dua/"


def get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


def status(base: str) -> dict:
    return json.loads(get(base + "__live/status.json")[1])


def until(check, timeout=10.0):
    deadline = time.monotonic() + timeout
    while True:
        value = check()
        if value:
            return value
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


@pytest.fixture
def preview(tmp_path):
    content = tmp_path / "content"
    (content / "a").mkdir(parents=True)
    (content / "a" / "index.md").write_text(article(), encoding="utf-8")
    (content / "b").mkdir()
    (content / "b" / "index.md").write_text(article(title="Bài thứ hai", date="22/03/2024 09:00"), encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, INVOKE, "serve", "--content", str(content), "--output", str(tmp_path / "output"),
         "--port", "0", "--no-open"],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, encoding="utf-8")
    lines = []
    for line in process.stdout:
        lines.append(line)
        found = re.search(r"http://127\.0\.0\.1:\d+/", line)
        if found:
            break
    assert found, "".join(lines)
    yield found.group(0), content
    process.terminate()
    process.wait(10)


def test_serve_rebuilds_after_a_save_and_the_page_changes(preview):
    base, content = preview
    code, page = get(base + URL)
    assert code == 200 and "Hội nghị thi đua" in page
    assert re.search(r'<script type="module" src="/__live/live\.js\?v=\w+-\d+">', page)  # only in the preview
    first = status(base)["build"]
    source = content / "a" / "index.md"
    started = time.monotonic()
    source.write_text(source.read_text(encoding="utf-8").replace("Hội nghị thi đua", "Hội nghị sơ kết"),
                      encoding="utf-8")
    until(lambda: status(base)["build"] > first)
    assert time.monotonic() - started < 2.0  # the limit for one article
    assert "Hội nghị sơ kết" in get(base + "tin-tuc-su-kien/hoi-nghi-so-ket/")[1]


def test_a_typo_is_shown_with_file_line_and_fix_then_cleared(preview):
    base, content = preview
    source = content / "a" / "index.md"
    good = source.read_text(encoding="utf-8")
    first = status(base)["build"]
    source.write_text(good.replace("date: 21/03/2024 10:31", "date: 32/03/2024 10:31"), encoding="utf-8")
    report = until(lambda: (s := status(base))["build"] > first and s)
    assert not report["ok"] and report["errors"] == 1
    [message] = report["messages"]
    assert re.search(r"a/index\.md:3: date: ngày 32/03/2024 không tồn tại\. Viết ngày trước", message)
    # the broken article is not served stale: its address now answers with the 404 page and the panel script
    code, page = get(base + URL)
    assert code == 404 and "/__live/live.js" in page
    source.write_text(good, encoding="utf-8")
    until(lambda: (s := status(base))["ok"] and s["build"] > report["build"])
    assert get(base + URL)[0] == 200


def test_events_announce_each_new_build(preview):
    base, content = preview
    with urllib.request.urlopen(base + "__live/events", timeout=10) as stream:
        assert stream.headers["Content-Type"] == "text/event-stream"
        current = stream.readline().decode().strip()
        stream.readline()
        (content / "b" / "index.md").write_text(article(title="Bài đã sửa", date="22/03/2024 09:00"),
                                                encoding="utf-8")
        line = stream.readline().decode().strip()
        while line.startswith(":") or not line:
            line = stream.readline().decode().strip()
        server, number = current[6:].rsplit("-", 1)
        assert line.startswith(f"data: {server}-") and int(line.rsplit("-", 1)[1]) > int(number)


def test_the_browser_editor_is_served_but_never_reloaded_by_the_preview(preview):
    base, content = preview
    code, page = get(base + "quan-tri/")
    assert code == 200 and "sveltia-cms/sveltia-cms.js" in page
    assert "/__live/" not in page  # a save from the editor rebuilds the site, not the editor's page
    assert get(base + "quan-tri/config.yml")[0] == 200


def test_live_files_are_never_published(preview, tmp_path):
    base, _ = preview
    assert get(base + "__live/live.js")[0] == 200
    assert not list((tmp_path / "output").rglob("live.js"))


@needs_chromium
def test_the_page_shows_the_problem_panel_in_the_browser(preview, browser, tmp_path):
    base, content = preview
    source = content / "a" / "index.md"
    first = status(base)["build"]
    source.write_text(source.read_text(encoding="utf-8").replace("category: Tin tức - Sự kiện", "category: Tin tuc"),
                      encoding="utf-8")
    until(lambda: status(base)["build"] > first)
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(base + "tin-tuc-su-kien/bai-thu-hai/")
    panel = page.locator(".live-problems")
    panel.wait_for()
    assert "lỗi trong nội dung" in panel.locator("h2").text_content()
    assert "a/index.md:4: category" in panel.locator("li").first.text_content()
    from conftest import ROOT as root

    shots = root / "test-artifacts" / "screenshots"
    shots.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(shots / "preview-error-390.png"))
    page.close()


def test_a_change_to_the_code_restarts_the_preview_on_the_same_port(tmp_path):
    """plugins/ or the settings changed: a fresh process takes over, same address."""
    import shutil

    project = tmp_path / "project"
    shutil.copytree(ROOT / "plugins", project / "plugins", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "theme", project / "theme")
    for name in ("pelicanconf.py", "publishconf.py"):
        shutil.copy(ROOT / name, project / name)
    (project / "content" / "a").mkdir(parents=True)
    (project / "content" / "a" / "index.md").write_text(article(), encoding="utf-8")
    code = ("import sys; sys.path.insert(0, {plugins!r}); from news_preview.serve import supervise; "
            "supervise({settings!r}, {content!r}, {output!r}, port=0, open_browser=False, project={project!r})")
    process = subprocess.Popen(
        [sys.executable, "-c", code.format(plugins=str(project / "plugins"), settings=str(project / "pelicanconf.py"),
                                           content=str(project / "content"), output=str(tmp_path / "output"),
                                           project=str(project))],
        cwd=project, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, encoding="utf-8")
    try:
        base = None
        for line in process.stdout:
            found = re.search(r"http://127\.0\.0\.1:\d+/", line)
            if found:
                base = found.group(0)
                break
        before = status(base)["version"]
        settings = project / "pelicanconf.py"
        settings.write_text(settings.read_text(encoding="utf-8").replace(
            'SITESUBTITLE = "Tin hoạt động"', 'SITESUBTITLE = "Tin hoạt động phường"'), encoding="utf-8")

        def restarted():
            try:
                return status(base)["version"].split("-")[0] != before.split("-")[0]
            except OSError:
                return False  # between the old process and the new one

        until(restarted, timeout=20)
        assert "Tin hoạt động phường" in get(base)[1]
    finally:
        process.terminate()
        process.wait(10)
