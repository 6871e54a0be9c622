"""`invoke sync-views`: page views from a Matomo or GA4 export into `views:`."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import DEV, ROOT, article, soup

from news_build.runner import build
from news_views import views

GA4_HEADER = (
    "# ----------------------------------------\n"
    "# Pages and screens: Page path and screen class\n"
    "# Account: Quan Dong Da\n"
    "# Property: dongda.hanoi.gov.vn - GA4\n"
    "# ----------------------------------------\n"
    "#\n"
    "# All Users\n"
    "# Start date: 20240101\n"
    "# End date: 20241231\n"
    "Page path and screen class,Views,Users,Views per user,Average engagement time,Event count\n"
)
HOI_NGHI = "/tin-tuc-su-kien/hoi-nghi-thi-dua/"
MTTQ = "/quan-uy-hdnd-mttq-doan-the/trao-qua-tet/"


@pytest.fixture
def site(tmp_path):
    """Three articles; returns (content folder, {name: path})."""
    content = tmp_path / "content"
    files = {
        "hoi-nghi": article(views=347),
        "trao-qua": article(
            "Trao quà Tết", "05/02/2024 08:00",
            "Hoạt động của Quận ủy - HĐND - Ủy ban MTTQ và các đoàn thể, CTXH", views="1.200",
        ),
        "khong-views": article("Ngày hội đọc sách", "01/06/2025 09:00", "Văn hóa - Xã hội"),
    }
    paths = {}
    for name, text in files.items():
        path = content / "2024" / name / "index.md"
        path.parent.mkdir(parents=True)
        path.write_bytes(text.encode("utf-8"))
        paths[name] = path
    return content, paths


def sync(content, export: Path, **options):
    return views.sync(str(export), str(content), DEV, **options)


def write_csv(tmp_path, text: str, encoding="utf-8", name="export.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def run(content, export, capsys, **options):
    code = views.run(str(export), str(content), DEV, **options)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def views_line(path: Path) -> str:
    return next(line for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("views"))


# --- reading exports --------------------------------------------------------------


def test_ga4_export_with_comment_lines_full_urls_and_query_strings_summed(site, tmp_path):
    content, paths = site
    export = write_csv(tmp_path, GA4_HEADER + (
        f'{HOI_NGHI},"1,000",800,1.25,45s,2000\n'
        f"https://dongda.hanoi.gov.vn{HOI_NGHI}?fbclid=abc#top,200,150,1.3,40s,400\n"
        f"{HOI_NGHI.rstrip('/')},34,30,1.1,10s,50\n"
        "/,5000,3000,1.6,20s,9000\n"
    ))
    read, _, outcome = sync(content, export)
    assert (read.path_column, read.count_column) == ("Page path and screen class", "Views")
    assert views_line(paths["hoi-nghi"]) == "views: 1234"
    assert outcome.changed == [(views._shown(str(paths["hoi-nghi"])), "347", "1234")]
    assert outcome.matched_rows == 3
    assert [(r.line, r.path, r.count) for r in outcome.unmatched] == [(14, "/", 5000)]


def test_matomo_utf16_tab_export_prefers_pageviews_and_reads_urls(site, tmp_path):
    content, paths = site
    rows = [
        "Label\tUnique Pageviews\tPageviews\tBounce Rate\tAvg. time on page\tExit rate\tURL",
        # the label is Matomo's folder path; the URL column is preferred
        f"/tin-tuc-su-kien/hoi-nghi-thi-dua/index\t90\t120\t10%\t00:01:02\t20%\thttps://dongda.hanoi.gov.vn{HOI_NGHI}",
        # legacy index.html and percent-encoding, no URL cell: the label is used
        "/tin%2Dtuc%2Dsu%2Dkien/hoi-nghi-thi-dua/index.html\t5\t1.000\t0%\t00:00:10\t0%\t",
        "/van-hoa-xa-hoi/ngay-hoi-doc-sach/\t3\t7\t0%\t00:00:10\t0%\thttps://dongda.hanoi.gov.vn/van-hoa-xa-hoi/ngay-hoi-doc-sach/",
    ]
    data = b"\xff\xfe" + ("\n".join(rows) + "\n").encode("utf-16-le")
    export = tmp_path / "matomo.csv"
    export.write_bytes(data)
    read, _, outcome = sync(content, export)
    assert (read.encoding, read.delimiter) == ("utf-16-le", "\t")
    assert (read.path_column, read.count_column) == ("URL", "Pageviews")
    assert views_line(paths["hoi-nghi"]) == "views: 1120"
    assert views_line(paths["khong-views"]) == "views: 7"
    assert not outcome.unmatched and not outcome.skipped


def test_utf8_bom_semicolon_export_and_named_columns(site, tmp_path):
    content, paths = site
    export = write_csv(tmp_path, "\ufeffTrang;Ghi chú;Tổng số\n" f"{HOI_NGHI};x;2.500\n", encoding="utf-8")
    with pytest.raises(views.UnusableInput):
        sync(content, export)
    _, _, outcome = sync(content, export, path_column="trang", count_column="TỔNG SỐ")
    assert views_line(paths["hoi-nghi"]) == "views: 2500"
    assert len(outcome.changed) == 1


def test_unknown_layout_lists_columns_and_options(site, tmp_path, capsys):
    content, paths = site
    before = paths["hoi-nghi"].read_bytes()
    export = write_csv(tmp_path, "Trang web,Số người\n/a/,3\n")
    code, out, err = run(content, export, capsys)
    assert code == 1 and out == ""
    assert '"Trang web", "Số người"' in err
    assert "--path-column" in err and "--count-column" in err and "export.csv" in err
    code, _, err = run(content, export, capsys, count_column="Views")
    assert code == 1 and 'không có cột "Views" (--count-column)' in err
    code, _, err = run(content, tmp_path / "khong-co.csv", capsys)
    assert code == 1 and "không tìm thấy tệp thống kê" in err
    assert paths["hoi-nghi"].read_bytes() == before


@pytest.mark.parametrize("text, value", [
    ("1234", 1234), ("1,234", 1234), ("1.234", 1234), ("1.234.567", 1234567),
    ("12 345", 12345), ("0", 0), ("1,2k", None), ("12.5", None), ("-3", None),
    ("", None), ("1,234.567", None), ("n/a", None),
])
def test_counts_with_thousands_separators(text, value):
    assert views.parse_count(text) == value


@pytest.mark.parametrize("value", [
    "/a/b/", "/a/b", "a/b", "https://dongda.hanoi.gov.vn/a/b/", "http://x.vn/a/b?x=1#f",
    "/a/b/index.html", "/a/b/index", "/%61/b/", "//x.vn/a/b/",
])
def test_url_forms(value):
    assert views.url_key(value) == "a/b"


def test_non_numeric_counts_are_reported_and_skipped(site, tmp_path, capsys):
    content, paths = site
    export = write_csv(tmp_path, GA4_HEADER + f"{HOI_NGHI},n/a,1,1,1,1\n{MTTQ},1.300,1,1,1,1\n,5,1,1,1,1\n")
    code, out, _ = run(content, export, capsys)
    assert code == 0
    assert views_line(paths["hoi-nghi"]) == "views: 347"
    assert 'dòng 11: /tin-tuc-su-kien/hoi-nghi-thi-dua/: số lượt xem "n/a"' in out
    assert "dòng 13: ô \"Page path and screen class\" để trống" in out
    assert views_line(paths["trao-qua"]) == "views: 1.300"


# --- editing articles ---------------------------------------------------------


def test_crlf_file_keeps_every_other_byte(tmp_path):
    content = tmp_path / "content"
    path = content / "2024" / "crlf" / "index.md"
    path.parent.mkdir(parents=True)
    source = article(views=347, tags="[hội nghị]", body="Dòng một.\n\nDòng hai.").replace("\n", "\r\n")
    source = "\ufeff" + source + "\r\n  \r\n"  # a BOM and trailing blank lines stay too
    path.write_bytes(source.encode("utf-8"))
    export = write_csv(tmp_path, f"URL,Pageviews\n{HOI_NGHI},1234\n")
    sync(content, export)
    assert path.read_bytes() == source.replace("views: 347\r\n", "views: 1234\r\n").encode("utf-8")


def test_quoted_value_and_trailing_comment_kept(tmp_path):
    content = tmp_path / "content"
    path = content / "a" / "index.md"
    path.parent.mkdir(parents=True)
    path.write_bytes(article(views='"1.000"   # từ trang cũ').encode("utf-8"))
    sync(content, write_csv(tmp_path, f"URL,Pageviews\n{HOI_NGHI},2345\n"))
    assert views_line(path) == 'views: "2.345"   # từ trang cũ'


def test_lower_count_never_lowers_and_is_reported(site, tmp_path, capsys):
    content, paths = site
    before = paths["trao-qua"].read_bytes()
    export = write_csv(tmp_path, f"URL,Pageviews\n{MTTQ},900\n{HOI_NGHI},347\n")
    code, out, _ = run(content, export, capsys)
    assert code == 0
    assert paths["trao-qua"].read_bytes() == before
    assert "đang là 1.200, tệp thống kê ghi 900" in out
    assert "1 bài không đổi, 1 bài giữ số cao hơn" in out


def test_dry_run_changes_nothing(site, tmp_path, capsys):
    content, paths = site
    stamp = 1_700_000_000
    for path in paths.values():
        os.utime(path, (stamp, stamp))
    before = {name: path.read_bytes() for name, path in paths.items()}
    listing = sorted(p.name for p in content.rglob("*"))
    export = write_csv(tmp_path, f"URL,Pageviews\n{HOI_NGHI},5000\n{MTTQ},9.999\n/van-hoa-xa-hoi/ngay-hoi-doc-sach/,12\n")
    code, out, _ = run(content, export, capsys, dry_run=True)
    assert code == 0
    assert "Sẽ cập nhật lượt xem của 3 bài" in out and "--dry-run" in out
    assert "347 → 5000" in out and "1.200 → 9.999" in out and "(chưa có) → 12" in out
    for name, path in paths.items():
        assert path.read_bytes() == before[name]
        assert path.stat().st_mtime == stamp
    assert sorted(p.name for p in content.rglob("*")) == listing  # no temp file left


def test_unmatched_rows_reported(site, tmp_path, capsys):
    content, _ = site
    export = write_csv(tmp_path, "URL,Pageviews\n/tin-tuc-su-kien/bai-da-xoa/,77\n/,5.000\n/the/hoi-nghi/,3\n")
    code, out, _ = run(content, export, capsys)
    assert code == 0
    section = out.split("Dòng không khớp bài viết nào (3 dòng", 1)[1]
    assert section.index("dòng 3: /  5.000 lượt xem") < section.index("dòng 2: /tin-tuc-su-kien/bai-da-xoa/  77 lượt xem")
    assert "3 dòng không khớp" in out


def test_views_inserted_after_date_with_the_files_line_ending(site, tmp_path):
    content, paths = site
    path = paths["khong-views"]
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    sync(content, write_csv(tmp_path, "URL,Pageviews\n/van-hoa-xa-hoi/ngay-hoi-doc-sach/,42\n"))
    lines = path.read_bytes().split(b"\r\n")
    assert lines[1:4] == [
        "title: Ngày hội đọc sách".encode(), b"date: 01/06/2025 09:00", b"views: 42",
    ]
    assert b"\n" not in path.read_bytes().replace(b"\r\n", b"")


def test_dot_thousands_style_kept_and_plain_digits_otherwise(site, tmp_path):
    content, paths = site
    sync(content, write_csv(tmp_path, f"URL,Pageviews\n{MTTQ},1234567\n{HOI_NGHI},\"12,345\"\n"))
    assert views_line(paths["trao-qua"]) == "views: 1.234.567"
    assert views_line(paths["hoi-nghi"]) == "views: 12345"


def test_invalid_current_value_is_reported_not_overwritten(tmp_path, capsys):
    content = tmp_path / "content"
    path = content / "a" / "index.md"
    path.parent.mkdir(parents=True)
    path.write_bytes(article(views="1,2k").encode("utf-8"))
    before = path.read_bytes()
    code, out, _ = run(content, write_csv(tmp_path, f"URL,Pageviews\n{HOI_NGHI},5\n"), capsys)
    assert code == 0 and path.read_bytes() == before
    assert 'views: "1,2k" hiện không phải là số lượt xem hợp lệ' in out


def test_updated_article_builds_and_shows_views(site, tmp_path, monkeypatch):
    content, paths = site
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764000000")
    sync(content, write_csv(tmp_path, f"URL,Pageviews\nhttps://dongda.hanoi.gov.vn{HOI_NGHI},\"1,234\"\n"))
    output = tmp_path / "output"
    result = build(DEV, str(content), str(output), overrides={"NEWS_IMAGES_CACHE_PATH": str(tmp_path / "cache")})
    assert result.ok and result.errors == 0
    meta = soup(output / HOI_NGHI.strip("/") / "index.html").select_one(".article-meta")
    assert "Lượt xem: 1.234" in meta.get_text()


def test_invoke_cli(site, tmp_path):
    content, paths = site
    export = write_csv(tmp_path, GA4_HEADER + f"{HOI_NGHI},2000,1,1,1,1\n/khong-co/,4,1,1,1,1\n")
    invoke = [sys.executable, "-m", "invoke", "--search-root", str(ROOT), "sync-views", str(export),
              "--content", str(content)]
    done = subprocess.run([*invoke, "--dry-run"], capture_output=True, text=True, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert views_line(paths["hoi-nghi"]) == "views: 347"
    done = subprocess.run(invoke, capture_output=True, text=True, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "347 → 2000" in done.stdout and "/khong-co/" in done.stdout
    assert views_line(paths["hoi-nghi"]) == "views: 2000"
    done = subprocess.run([*invoke, "--path-column", "Trang"],
                          capture_output=True, text=True, cwd=tmp_path)
    assert done.returncode == 1 and "LỖI:" in done.stderr and '"Page path and screen class"' in done.stderr


def test_shared_address_and_unreadable_articles_reported(tmp_path, capsys):
    content = tmp_path / "content"
    files = {
        "a/index.md": article(views=1),
        "b/index.md": article(views=2),  # same title and category: same address
        "c/index.md": "---\ntitle: Bài lỗi\ncategory: [a, b\n---\n\nNội dung.\n",
    }
    for name, text in files.items():
        (content / name).parent.mkdir(parents=True)
        (content / name).write_bytes(text.encode("utf-8"))
    before = {name: (content / name).read_bytes() for name in files}
    code, out, _ = run(content, write_csv(tmp_path, f"URL,Pageviews\n{HOI_NGHI},50\n"), capsys)
    assert code == 0
    assert "nhiều bài cùng địa chỉ này" in out and "a/index.md" in out and "b/index.md" in out
    assert "Bài viết không đọc được nên không khớp được (1 bài" in out and "c/index.md" in out
    assert {name: (content / name).read_bytes() for name in files} == before


def test_table_after_another_table_is_found(site, tmp_path):
    content, paths = site
    export = write_csv(tmp_path, GA4_HEADER.replace("Page path and screen class,", "Nth day,Views\n0000,5\n0001,7\n#\nPage path and screen class,") + f"{HOI_NGHI},400,1,1,1,1\n")
    read, _, outcome = sync(content, export)
    assert read.path_column == "Page path and screen class" and not outcome.skipped
    assert views_line(paths["hoi-nghi"]) == "views: 400"


def test_paths_on_another_drive_are_shown_as_given(site, tmp_path, capsys, monkeypatch):
    """On Windows os.path.relpath raises ValueError for a path on another drive:
    the command still runs and names files by their absolute paths."""
    content, paths = site
    export = write_csv(tmp_path, f"URL,Pageviews\n{HOI_NGHI},500\n")
    monkeypatch.chdir(tmp_path)

    def other_drive(path, start=None):
        raise ValueError("path is on mount 'D:', start on mount 'C:'")

    monkeypatch.setattr(os.path, "relpath", other_drive)
    code, out, err = run(content, export, capsys)
    assert code == 0, err
    assert f"Tệp thống kê {export.as_posix()} (UTF-8" in out
    assert f"  {paths['hoi-nghi'].as_posix()}  347 → 500" in out
    assert views_line(paths["hoi-nghi"]) == "views: 500"
    code, _, err = run(content, tmp_path / "khong-co.csv", capsys)
    assert code == 1 and f'không tìm thấy tệp thống kê "{(tmp_path / "khong-co.csv").as_posix()}"' in err
