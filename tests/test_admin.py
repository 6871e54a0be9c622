"""The browser editor's configuration (news_admin), without a browser: generated
from the build's own rules, where the build puts it, and the settings that say
where the editor saves. tests/test_admin_browser.py drives the editor itself."""

import json
import re
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, article, soup

from news_core.dates import DateProblem, parse_date
from news_core.fields import views_count
from news_core.frontmatter import KNOWN_FIELDS
from news_core.schema import DATE_PATTERN, VIEWS_PATTERN, article_form, missing_fields

STATIC = ROOT / "plugins" / "news_admin" / "static"


def test_the_form_has_every_front_matter_field_in_file_order(cfg):
    assert missing_fields(cfg) == set()
    names = [f.name for f in article_form(cfg)]
    assert names[:4] == ["title", "date", "views", "category"] and set(names) == set(KNOWN_FIELDS) | {"body"}


def build_reads(text: str) -> bool:
    try:
        parse_date(text)
    except DateProblem:
        return False
    return True


def test_the_date_pattern_accepts_every_sample_date_and_every_form_the_build_reads():
    """The editor must save the sample's ISO dates (2025-01-15T09:30:00+07:00) as the build reads them."""
    import random

    pattern = re.compile(DATE_PATTERN)
    for source in (ROOT / "content").rglob("index.md"):
        date = re.search(r"^date: (.+)$", source.read_text(encoding="utf-8"), re.M)[1]
        assert pattern.match(date), (source, date)
    rng = random.Random(19)
    days, months = [str(i) for i in range(0, 33)] + ["01", "09", "00"], [str(i) for i in range(0, 14)] + ["02", "00"]
    years = ["1899", "1900", "1904", "2000", "2024", "2100", "2101", "1996"]
    clocks = ["", " 10:31", " 23:59", " 24:00", " 9:05", "T10:31", " 10:31:15", " 10h31", ", 10:31", " 10:61"]
    zones = ["", "Z", "+07:00", "+0700", " +07:00"]
    for _ in range(20000):
        d, m, y, sep = rng.choice(days), rng.choice(months), rng.choice(years), rng.choice("/-.")
        for text in (f"{d}{sep}{m}{sep}{y}{rng.choice(clocks)}", f"{y}-{m}-{d}{rng.choice(clocks)}{rng.choice(zones)}"):
            assert bool(pattern.match(text)) == build_reads(text), text


def test_the_date_pattern_accepts_exactly_the_day_first_dates_the_build_reads():
    pattern = re.compile(DATE_PATTERN)
    checked = 0
    for year in (1899, 1900, 1904, 1999, 2000, 2023, 2024, 2025, 2100, 2101):
        for month in range(0, 14):
            for day in range(0, 33):
                for text in (f"{day:02d}/{month:02d}/{year}", f"{day}/{month}/{year} 8:05",
                             f"{day:02d}/{month:02d}/{year} 23:59", f"{day}/{month}/{year} 24:00"):
                    assert bool(pattern.match(text)) == build_reads(text), text
                    checked += 1
    assert checked > 15000
    assert not pattern.match("31/02/2025 08:30") and pattern.match("29/02/2024 08:30")
    assert pattern.match("2025-03-21 10:31")  # an imported or older article's ISO date saves as it is


def test_the_views_pattern_is_the_builds():
    pattern = re.compile(VIEWS_PATTERN)
    for text in ("0", "7316", "7.316", "1.234.567", "1,234", "7.31", "-3", "1.2345", "abc"):
        assert bool(pattern.match(text)) == (views_count(text) is not None), text


def config(cfg, **admin):
    from news_admin.config import cms_config
    from news_admin.settings import load

    return cms_config(cfg, load(admin), "Phường Láng", "https://lang.hanoi.gov.vn", "phuong-lang")


def test_the_editor_configuration_comes_from_the_schema_and_the_sites_categories(cfg):
    from news_admin.config import config_yaml

    made = config(cfg)
    assert yaml.safe_load(config_yaml(made)) == made  # the file the editor reads says the same
    [collection] = made["collections"]
    fields = {f["name"]: f for f in collection["fields"]}
    assert list(fields) == [f.name for f in article_form(cfg)]
    assert [o["value"] for o in fields["category"]["options"]] == [c.name for c in cfg.categories]
    assert fields["date"]["pattern"][0] == DATE_PATTERN and fields["date"]["required"] is True
    assert "default" not in fields["status"] and not fields["status"]["required"]  # no status: published
    assert {fields[n]["widget"] for n in ("slug", "modified", "legacy_url", "legacy_hash")} == {"hidden"}
    assert fields["body"]["editor_components"] == ["anh", "thu-vien-anh"]
    # One folder per article, photos beside index.md, named as the build expects.
    assert (collection["folder"], collection["path"], collection["media_folder"]) == ("content", "{{year}}/{{slug}}/index", "")
    assert made["slug"] == {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"}
    assert made["media_libraries"]["stock_assets"] is False  # no photo from another host
    raster = made["media_libraries"]["default"]["config"]["transformations"]["raster_image"]
    assert raster["width"] == raster["height"] == 2560  # resized in the browser before upload
    # Without a server the office works in its own folder, which the editor asks for by name.
    assert made["backend"] == {"name": "gitlab", "repo": "van-phong/phuong-lang", "branch": "main"}
    assert "publish_mode" not in made


def test_a_gitlab_backend_reviews_every_article_as_a_merge_request(cfg):
    made = config(cfg, backend="gitlab", repo="ubnd-lang/trang-tin", url="https://git.lang.gov.vn", app_id="abc123")
    assert made["backend"] == {
        "name": "gitlab", "repo": "ubnd-lang/trang-tin", "branch": "main", "base_url": "https://git.lang.gov.vn",
        "api_root": "https://git.lang.gov.vn/api/v4", "auth_type": "pkce", "app_id": "abc123"}
    assert made["publish_mode"] == "editorial_workflow"
    assert "publish_mode" not in config(cfg, backend="gitlab", repo="a/b", app_id="x", review=False)
    gitea = config(cfg, backend="gitea", repo="ubnd/trang-tin", url="https://git.lang.gov.vn", app_id="x")
    assert gitea["backend"]["api_root"] == "https://git.lang.gov.vn/api/v1" and "publish_mode" not in gitea
    # the name as an office writes it
    assert config(cfg, backend="GitLab", repo="a/b", app_id="x")["backend"]["name"] == "gitlab"


@pytest.mark.parametrize("value, says", [
    ("gitlab", "phải là một dict"),
    ({"backend": "svn"}, "không được hỗ trợ"),
    ({"backnd": "gitlab"}, "khóa không dùng được: 'backnd'"),
    ({"repo": "trang tin"}, "không phải tên kho"),
    ({"repo": "a/b", "url": "http://git.lang.gov.vn", "app_id": "x"}, "phải là địa chỉ https"),
    ({"repo": "a/b"}, "app_id"),
    ({"branch": "../main"}, "không phải tên nhánh"),
    ({"review": "có"}, "True hoặc False"),
    ({"backend": "gitea", "repo": "a/b", "app_id": "x", "review": True}, 'Đặt "review": False'),
])
def test_a_mistake_in_news_admin_is_named_with_its_fix(value, says):
    from news_admin.settings import AdminSettingsError, load

    with pytest.raises(AdminSettingsError, match=re.escape(says)):
        load(value)


def test_a_build_with_a_news_admin_mistake_stops_with_a_settings_message(build_site, capsys):
    site = build_site({"2024/a/index.md": article()}, NEWS_ADMIN={"backend": "svn"})
    assert site.result.crashed and not (site.output / "quan-tri").exists()
    assert "NEWS_ADMIN" in capsys.readouterr().err


def test_the_preview_has_the_editor_and_publish_leaves_it_out_unless_the_site_enables_it(build_site):
    files = {"2024/a/index.md": article(), "2024/a/anh.jpg": None}
    dev = build_site(files)
    admin = dev.output / "quan-tri"
    page = soup(admin / "index.html")
    assert page.html["lang"] == "vi" and page.find("meta", attrs={"name": "robots"})["content"] == "noindex, nofollow"
    csp = page.find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]
    assert "script-src 'self';" in csp and "connect-src 'self' blob: data:;" in csp and "https:" not in csp
    assert [s["src"] for s in page.find_all("script")] == ["admin-pre.js", "sveltia-cms/sveltia-cms.js", "admin.js"]
    assert yaml.safe_load((admin / "config.yml").read_text(encoding="utf-8"))["collections"][0]["name"] == "tin-bai"
    components = json.loads((admin / "thanh-phan.json").read_text(encoding="utf-8"))
    assert re.compile(components["image_line"].replace("(?<", "(?P<")).match("![Chú thích](anh.jpg)")
    for path in STATIC.rglob("*"):
        if path.is_file():
            assert (admin / path.relative_to(STATIC)).read_bytes() == path.read_bytes()

    published = build_site(files, strict=True)
    assert published.result.ok and not (published.output / "quan-tri").exists()
    assert not any("quan-tri" in name for name in published.files())
    enabled = build_site(files, strict=True, NEWS_ADMIN_PUBLISH=True,
                         NEWS_ADMIN={"repo": "ubnd/trang-tin", "url": "https://git.lang.gov.vn", "app_id": "x"})
    assert enabled.result.ok
    csp = soup(enabled.output / "quan-tri" / "index.html").find("meta", attrs={"http-equiv": "Content-Security-Policy"})
    assert "connect-src 'self' blob: data: https://git.lang.gov.vn;" in csp["content"]
    nginx = (enabled.output / "_nginx.conf").read_text(encoding="utf-8")
    assert "location /quan-tri/" in nginx and "https://git.lang.gov.vn" in nginx


def test_the_vendored_editor_loads_nothing_from_another_host():
    script = (STATIC / "sveltia-cms" / "sveltia-cms.js").read_text(encoding="utf-8")
    assert "cdn.jsdelivr.net" not in script
    assert re.findall(r"https://unpkg\.com[^`]*`", script) == ["https://unpkg.com/@sveltia/cms`"]  # locales: admin-pre.js
    for font in re.findall(r"url\((sveltia-cms/fonts/[^)]+)\)", script):
        assert (STATIC / font).is_file()
    vendored = STATIC / "sveltia-cms"
    assert (vendored / "VERSION").read_text().strip() in (ROOT / "scripts" / "vendor_sveltia.py").read_text()
    assert all((vendored / name).is_file() for name in ("LICENSE.txt", "modules/immutable@5.1.9/LICENSE"))
    assert len(list((vendored / "fonts").glob("LICENSE-*.txt"))) == 3


def test_the_editor_files_are_written_once_and_the_same_every_time(build_site, tmp_path):
    files = {"2024/a/index.md": article()}
    first = build_site(files, output=tmp_path / "out")
    written = {p: p.stat().st_mtime_ns for p in (first.output / "quan-tri").rglob("*") if p.is_file()}
    again = build_site(files, output=tmp_path / "out", content=first.content)
    assert {p: p.stat().st_mtime_ns for p in (again.output / "quan-tri").rglob("*") if p.is_file()} == written
    other = build_site(files)
    assert all(p.read_bytes() == (other.output / p.relative_to(first.output)).read_bytes() for p in written)


class Notes(__import__("http.server").server.BaseHTTPRequestHandler):
    """A GitLab API stand-in on localhost that keeps the merge-request notes it is sent."""

    posted: list = []

    def do_POST(self):
        from urllib.parse import parse_qs

        body = self.rfile.read(int(self.headers["Content-Length"])).decode("utf-8")
        Notes.posted.append((self.path, self.headers["PRIVATE-TOKEN"], parse_qs(body)["body"][0]))
        self.send_response(201)
        self.end_headers()
        self.wfile.write(b"{}")

    def log_message(self, *args):
        pass


def test_the_wards_ci_stops_a_merge_request_and_posts_the_builds_errors_on_it(tmp_path):
    """The .gitlab-ci.yml a new site gets, run as GitLab runs its script, with the real
    trangtin (the strict build) and a stand-in for GitLab's notes API."""
    import http.server
    import shutil
    import subprocess
    import sys
    import threading

    from trangtin.scaffold import GITLAB_CI, make_site

    site = tmp_path / "phuong"
    make_site(str(site), name="Phường Văn Miếu - Quốc Tử Giám", code="00190", domain="vanmieuquoctugiam.hanoi.gov.vn",
              address="Số 2 phố Quốc Tử Giám", phone="024 3823 4567", email="ubnd@vanmieuquoctugiam.hanoi.gov.vn",
              responsible="Chánh Văn phòng")
    assert yaml.safe_load((site / ".gitlab-ci.yml").read_text(encoding="utf-8")) == yaml.safe_load(GITLAB_CI)
    bad = site / "content" / "2025" / "bai-gui-duyet" / "index.md"
    bad.parent.mkdir(parents=True)
    bad.write_text(article(title="Bài gửi duyệt", date="31/02/2025 08:30"), encoding="utf-8")
    installed = Path(sys.executable).parent / "trangtin"
    if not installed.exists():
        pytest.skip("trangtin is not installed in this environment (python3 bootstrap.py installs it)")
    (site / ".venv" / "bin").mkdir(parents=True)
    (site / ".venv" / "bin" / "trangtin").symlink_to(installed)
    script = yaml.safe_load(GITLAB_CI)["kiem-tra"]["script"][-1]  # after the venv and pip steps
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Notes)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    env = {**__import__("os").environ, "CI_API_V4_URL": f"http://127.0.0.1:{server.server_address[1]}/api/v4",
           "CI_PROJECT_ID": "7", "CI_MERGE_REQUEST_IID": "3", "TRANGTIN_BOT_TOKEN": "bi-mat"}
    Notes.posted.clear()
    try:
        done = subprocess.run([shutil.which("bash"), "-c", script], cwd=site, env=env, capture_output=True,
                              text=True, encoding="utf-8", timeout=300)
    finally:
        server.shutdown()
    assert done.returncode == 1, done.stdout + done.stderr
    assert not (site / "public" / "index.html").exists()  # nothing published
    [(path, token, note)] = Notes.posted
    assert (path, token) == ("/api/v4/projects/7/merge_requests/3/notes", "bi-mat")
    assert "content/2025/bai-gui-duyet/index.md:3: date: ngày 31/02/2025 không tồn tại" in note


def test_the_wards_ci_keeps_the_build_caches_between_pipelines(tmp_path):
    """Photos are encoded and pages compressed once, not in every merge request's pipeline."""
    from news_core.build import cache_root
    from pelican.settings import read_settings
    from trangtin.scaffold import GITLAB_CI, make_site

    site = tmp_path / "xa"
    make_site(str(site), name="Xã Bát Tràng", code="10126", domain="battrang.hanoi.gov.vn")
    job = yaml.safe_load((site / ".gitlab-ci.yml").read_text(encoding="utf-8"))["kiem-tra"]
    assert job["cache"]["paths"] == ["cache/"] and job["cache"]["key"]
    settings = read_settings(str(site / "publishconf.py"))
    assert Path(cache_root(settings)) == site / "cache"  # where the images, minify and compress caches live


def test_a_published_editor_passes_the_sites_own_check(build_site):
    """An office that sets NEWS_ADMIN_PUBLISH still gets a clean `invoke check`: the
    editor's page is valid HTML, and every file it names is in the output."""
    import shutil

    from news_check.check import check_site, vnu_jar

    html = bool(vnu_jar() and shutil.which("java"))
    site = build_site({"2024/a/index.md": article(), "2024/a/anh.jpg": None}, strict=True, NEWS_ADMIN_PUBLISH=True)
    assert site.result.ok and (site.output / "quan-tri" / "index.html").is_file()
    report = check_site(str(site.output), "https://dongda.hanoi.gov.vn", html=html)
    assert [p for p in report.problems if "quan-tri" in p.path] == []
