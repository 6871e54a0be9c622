"""Security issue #21, the build side: where a build may write (case 4), the
system locale (10), who may talk to the preview (11), what an interrupted
build leaves behind (13a), and a CSV count too large to be true (13b)."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import PROD, ROOT, article
from test_serve import preview  # noqa: F401 - the fixture: `invoke serve` on a free port
from test_sync_views import GA4_HEADER, HOI_NGHI, MTTQ, run, views_line, write_csv
from test_sync_views import site as views_site  # noqa: F401 - the fixture: three articles

from news_build import runner

URL = "tin-tuc-su-kien/hoi-nghi-thi-dua"


def invoke(*args: str, cwd: Path, **env: str) -> subprocess.CompletedProcess:
    """`invoke ARGS` as an editor runs it from `cwd`."""
    return subprocess.run(
        [sys.executable, "-m", "invoke", "--search-root", str(ROOT), *args],
        cwd=cwd, capture_output=True, text=True, encoding="utf-8",
        env={**os.environ, "SOURCE_DATE_EPOCH": "1764000000", **env},
    )


@pytest.fixture
def content(tmp_path) -> Path:
    folder = tmp_path / "content"
    (folder / "a").mkdir(parents=True)
    (folder / "a" / "index.md").write_text(article(), encoding="utf-8")
    return folder


def hidden_work_folders(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith((".output-new-", ".output-old-")))


# --- case 4: --output naming a file or a link ---------------------------------------


@pytest.mark.parametrize("command", ["build", "publish"])
def test_output_naming_an_existing_file_is_refused_and_the_file_kept(tmp_path, content, command):
    report = tmp_path / "bao-cao.docx"
    report.write_bytes(b"PK\x03\x04 the user's report")
    done = invoke(command, "--content", str(content), "--output", "bao-cao.docx", cwd=tmp_path)
    assert done.returncode != 0
    assert report.read_bytes() == b"PK\x03\x04 the user's report"
    assert hidden_work_folders(tmp_path) == []
    said = done.stderr
    assert "bao-cao.docx" in said and "là một tệp đã có" in said and "Chọn một thư mục" in said, said
    assert "Traceback" not in said and "FileExistsError" not in said and "unexpected error" not in said
    assert "Đã tạo trang web" not in said


@pytest.mark.parametrize("command", ["build", "publish"])
def test_output_that_is_a_link_is_refused_and_its_folder_untouched(tmp_path, content, command):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    link = tmp_path / "site"
    link.symlink_to(elsewhere, target_is_directory=True)
    done = invoke(command, "--content", str(content), "--output", "site", cwd=tmp_path)
    assert done.returncode != 0
    assert link.is_symlink() and os.readlink(link) == str(elsewhere)
    assert list(elsewhere.iterdir()) == []
    assert hidden_work_folders(tmp_path) == []
    assert "site" in done.stderr and "liên kết tắt (symlink)" in done.stderr, done.stderr


def test_output_holding_other_files_is_still_refused(tmp_path, content):
    other = tmp_path / "tai-lieu"
    other.mkdir()
    (other / "ghi-chu.txt").write_text("x\n", encoding="utf-8")
    done = invoke("publish", "--content", str(content), "--output", "tai-lieu", cwd=tmp_path)
    assert done.returncode != 0 and "không phải do lần dựng trước tạo ra" in done.stderr
    assert sorted(p.name for p in other.iterdir()) == ["ghi-chu.txt"]


@pytest.mark.parametrize("inside", [True, False])  # content/site, or the folder holding content/
def test_output_overlapping_the_sources_is_still_refused(build_site, tmp_path, caplog, inside):
    content = tmp_path / "content"
    site = build_site({"a/index.md": article()}, content=content, output=content / "site" if inside else tmp_path)
    assert site.result.crashed and 'nằm trong hoặc chứa thư mục "' in caplog.text
    assert sorted(p.name for p in content.iterdir()) == ["a"]


def test_output_holding_the_project_is_still_refused(content):
    with pytest.raises(runner.UnsafeOutput, match="chứa thư mục dự án"):  # checked only: never built there
        runner.check_paths(str(content), str(ROOT.parent), str(ROOT))


# --- case 10: the system locale -----------------------------------------------------


@pytest.mark.parametrize("name", ["vi_VN.UTF-8", "xx_XX.UTF-8"])  # the second exists nowhere
def test_publish_never_depends_on_the_system_locale(tmp_path, content, name):
    done = invoke("publish", "--content", str(content), "--output", "public", cwd=tmp_path,
                  LC_ALL=name, LANG=name)
    assert done.returncode == 0, done.stderr
    assert "Locale" not in done.stderr and "CẢNH BÁO" not in done.stderr
    assert (tmp_path / "public" / URL / "index.html").is_file()


# --- case 11: the preview answers only to localhost ----------------------------------


def raw_get(base: str, host: str | None, path: str = "/__live/status.json") -> tuple[int, str]:
    port = int(re.search(r":(\d+)/", base).group(1))
    head = f"GET {path} HTTP/1.1\r\n" + (f"Host: {host}\r\n" if host is not None else "") + "Connection: close\r\n\r\n"
    with socket.create_connection(("127.0.0.1", port), timeout=5) as connection:
        connection.sendall(head.encode("latin-1"))
        answer = b""
        while chunk := connection.recv(65536):
            answer += chunk
    header, _, body = answer.partition(b"\r\n\r\n")
    return int(header.split()[1]), body.decode("utf-8")


def test_preview_refuses_requests_for_another_host(preview):  # noqa: F811
    base, _ = preview
    for host in ("evil.example", "evil.example:80", "127.0.0.1.evil.example", "localhost.evil.example", None):
        code, body = raw_get(base, host)
        assert code in (403, 421), host
        assert '"messages"' not in body and "localhost" in body and "không" in body, body
    code, body = raw_get(base, "evil.example", "/" + URL + "/")
    assert code in (403, 421) and "Hội nghị thi đua" not in body


def test_preview_answers_localhost_names_with_any_port_and_case(preview):  # noqa: F811
    base, _ = preview
    port = re.search(r":(\d+)/", base).group(1)
    for host in (f"localhost:{port}", "LocalHost", f"127.0.0.1:{port}", "[::1]", f"[::1]:{port}"):
        code, body = raw_get(base, host)
        assert code == 200 and '"messages"' in body, host
    code, body = raw_get(base, f"localhost:{port}", "/" + URL + "/")
    assert code == 200 and "Hội nghị thi đua" in body


# --- case 13a: interrupted builds ----------------------------------------------------


def test_interrupted_publish_removes_its_work_folder_and_says_nothing_changed(
        build_site, tmp_path, monkeypatch, capsys):
    output = tmp_path / "site" / "public"
    build_site({"a/index.md": article()}, strict=True, output=output)
    before = (output / URL / "index.html").read_bytes()
    capsys.readouterr()

    def interrupted(self):  # Ctrl+C halfway through writing the new site
        Path(self.settings["OUTPUT_PATH"], "half.html").write_text("…", encoding="utf-8")
        raise KeyboardInterrupt

    monkeypatch.setattr("pelican.Pelican.run", interrupted)
    with pytest.raises(KeyboardInterrupt):
        build_site({"a/index.md": article(title="Bài mới")}, strict=True, output=output)
    said = capsys.readouterr().err
    assert "chưa xuất bản gì" in said and str(output) in said and "giữ nguyên" in said, said
    assert hidden_work_folders(output.parent) == []
    assert (output / URL / "index.html").read_bytes() == before
    assert not (output / "half.html").exists()


def test_next_build_removes_leftovers_of_a_killed_build_and_says_so(build_site, tmp_path, capsys):
    parent = tmp_path / "site"
    for name in (".output-new-99999999-k1l2", ".output-old-a1b2"):  # 99999999: no such process
        (parent / name / URL).mkdir(parents=True)
        (parent / name / runner.MARKER).write_text("Built by news_build\n", encoding="utf-8")
        (parent / name / URL / "index.html").write_text("<p>old</p>", encoding="utf-8")
    (parent / ".output-new-notours").mkdir()  # no marker: not ours, never deleted
    (parent / ".output-new-notours" / "keep.txt").write_text("x", encoding="utf-8")
    site = build_site({"a/index.md": article()}, output=parent / "output")
    assert site.result.ok
    assert hidden_work_folders(parent) == [".output-new-notours"]
    assert (parent / ".output-new-notours" / "keep.txt").exists()
    lines = [line for line in capsys.readouterr().err.splitlines() if ".output-" in line]
    assert len(lines) == 1 and "2" in lines[0] and "xóa" in lines[0], lines


def test_a_running_builds_work_folder_is_left_alone(build_site, tmp_path):
    parent = tmp_path / "site"
    running = parent / f".output-new-{os.getppid()}-abcd"  # a live process: pytest's parent
    running.mkdir(parents=True)
    (running / runner.MARKER).write_text("Built by news_build\n", encoding="utf-8")
    assert build_site({"a/index.md": article()}, output=parent / "output").result.ok
    assert running.is_dir()


# --- case 13b: a count too large in the CSV ------------------------------------------


def test_huge_count_in_the_csv_names_the_csv_row_and_column_not_the_article(views_site, tmp_path, capsys):  # noqa: F811
    content, paths = views_site
    export = write_csv(tmp_path, GA4_HEADER + f"{HOI_NGHI},12345678901234567,1,1,1,1\n{MTTQ},1.300,1,1,1,1\n",
                       name="thong-ke.csv")
    code, out, err = run(content, export, capsys)
    assert code == 0, err
    lines = out.splitlines()
    [at] = [i for i, line in enumerate(lines) if "12345678901234567" in line]
    assert "dòng 11" in lines[at] and '"Views"' in lines[at] and "quá lớn" in lines[at], out
    assert "index.md" not in lines[at]
    heading = next(line for line in reversed(lines[:at]) if not line.startswith(" "))
    assert "thong-ke.csv" in heading, out
    assert "Không sửa được" not in out
    assert views_line(paths["hoi-nghi"]) == "views: 347"
    assert views_line(paths["trao-qua"]) == "views: 1.300"


def test_counts_summing_past_the_largest_are_skipped_not_written(views_site, tmp_path, capsys):  # noqa: F811
    content, paths = views_site
    half = "600000000000"
    export = write_csv(tmp_path, GA4_HEADER + f"{HOI_NGHI},{half},1,1,1,1\n{HOI_NGHI}?a=1,{half},1,1,1,1\n")
    code, out, err = run(content, export, capsys)
    assert code == 0, err
    assert "dòng 12" in out and "vượt quá 999.999.999.999" in out and "Không sửa được" not in out, out
    assert views_line(paths["hoi-nghi"]) == "views: 600000000000"


def test_sync_views_never_edits_or_replaces_an_article_linked_from_outside(views_site, tmp_path, capsys):  # noqa: F811
    content, paths = views_site
    outside = tmp_path / "elsewhere" / "index.md"
    outside.parent.mkdir()
    outside.write_bytes(paths["hoi-nghi"].read_bytes())
    paths["hoi-nghi"].unlink()
    paths["hoi-nghi"].symlink_to(outside)
    before = outside.read_bytes()
    code, out, err = run(content, write_csv(tmp_path, GA4_HEADER + f"{HOI_NGHI},5000,1,1,1,1\n"), capsys)
    assert code == 0, err
    assert "trỏ ra ngoài thư mục nội dung" in out and "hoi-nghi/index.md" in out, out
    assert outside.read_bytes() == before
    assert paths["hoi-nghi"].is_symlink()
