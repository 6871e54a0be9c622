"""The installable package (issue 14): a ward's site outside this repository,
with only its content and a settings file, built from a wheel built here; plain
`pelican` on the sample site; the `trangtin new-site` scaffold."""

from __future__ import annotations

import filecmp
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, article, make_photo, soup

EPOCH = "1764000000"  # 2025-11-24
WARD = {"name": "Phường Văn Miếu - Quốc Tử Giám", "code": "00190", "domain": "vanmieuquoctugiam.hanoi.gov.vn"}
CONTACT = {"address": "Số 2 phố Quốc Tử Giám", "phone": "024 3823 4567",
           "email": "ubnd@vanmieuquoctugiam.hanoi.gov.vn", "responsible": "Chánh Văn phòng"}


def run(args: list[str], cwd: Path, path: Path | None = None) -> subprocess.CompletedProcess:
    """A command as a ward's IT officer runs it; with `path`, the package is
    imported from there only (never from this repository's plugins/)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env.update(SOURCE_DATE_EPOCH=EPOCH, PYTHONUTF8="1")
    if path:
        env["PYTHONPATH"] = str(path)
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, encoding="utf-8")


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """The package built into a wheel from a copy of its sources, then
    installed (without its dependencies, which the test environment has) into
    a folder of its own."""
    root = tmp_path_factory.mktemp("package")
    source = root / "source"
    source.mkdir()
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        shutil.copy2(ROOT / name, source / name)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info")
    shutil.copytree(ROOT / "plugins", source / "plugins", ignore=ignore)
    shutil.copytree(ROOT / "theme", source / "theme", ignore=ignore)
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "--no-input"]
    made = run([*pip, "wheel", "--no-deps", "--no-build-isolation", "-w", str(root / "dist"), str(source)], root)
    assert made.returncode == 0, made.stderr
    [wheel] = (root / "dist").glob("trangtin-*.whl")
    target = root / "site-packages"
    done = run([*pip, "install", "--no-deps", "--no-index", "--target", str(target), str(wheel)], root)
    assert done.returncode == 0, done.stderr
    return target


def test_wheel_holds_every_package_and_the_theme(installed):
    packages = sorted(p.name for p in (ROOT / "plugins").iterdir() if (p / "__init__.py").exists())
    assert packages and all((installed / name / "__init__.py").exists() for name in packages), packages
    theme = sorted(str(p.relative_to(ROOT / "theme")) for p in (ROOT / "theme").rglob("*")
                   if p.is_file() and "__pycache__" not in p.parts)
    assert all((installed / "news_theme" / name).is_file() for name in theme)
    live = sorted(p.name for p in ROOT.glob("plugins/*/live/*"))
    assert all(list(installed.glob(f"*/live/{name}")) for name in live)


@pytest.fixture(scope="module")
def ward(installed, tmp_path_factory) -> Path:
    """A new ward's site made by the installed `trangtin new-site`, with one
    article holding a photo, built by `trangtin publish` from the site's folder."""
    base = tmp_path_factory.mktemp("ward")
    made = run([sys.executable, "-m", "trangtin.cli", "new-site", "van-mieu",
                *[f"--{k}={v}" for k, v in {**WARD, **CONTACT}.items()]], base, installed)
    assert made.returncode == 0, made.stderr
    site = base / "van-mieu"
    folder = site / "content" / "2025" / "le-khai-giang"
    folder.mkdir(parents=True)
    (folder / "index.md").write_text(article(
        "Lễ khai giảng năm học mới", "05/09/2025 08:00", "Văn hóa - Xã hội", tags="[giáo dục]", slug="le-khai-giang",
        body="Các trường học trên địa bàn phường khai giảng năm học mới.\n\n![Học sinh dự lễ](khai-giang.jpg)",
    ), encoding="utf-8")
    make_photo(folder / "khai-giang.jpg", size=(1800, 1200))
    built = run([sys.executable, "-m", "trangtin.cli", "publish"], site, installed)
    assert built.returncode == 0, built.stdout + built.stderr
    return site


def test_the_site_uses_the_installed_package_not_this_repository(installed, ward):
    where = run([sys.executable, "-c", "import news_meta, news_theme, trangtin; "
                 "print(news_meta.__file__); print(news_theme.PATH); print(trangtin.__file__)"], ward, installed)
    assert where.returncode == 0, where.stderr
    assert all(Path(line).is_relative_to(installed) for line in where.stdout.split()), where.stdout
    assert sorted(p.name for p in ward.iterdir()) == [
        ".git", ".gitignore", ".gitlab-ci.yml", "README.md", "cache", "content", "output", "pelicanconf.py",
        "publishconf.py", "requirements.txt", "tasks.py"]  # .git: a repository, as the browser editor needs
    # on the branch the guide, the editor's settings and the CI name, whatever git's own default
    assert (ward / ".git" / "HEAD").read_text(encoding="utf-8").strip() == "ref: refs/heads/main"
    assert len((ward / "pelicanconf.py").read_text(encoding="utf-8").splitlines()) < 45


def test_the_ward_site_has_every_feature(ward):
    output = ward / "output"
    page = soup(output / "van-hoa-xa-hoi" / "le-khai-giang" / "index.html")
    assert page.h1.get_text(strip=True) == "Lễ khai giảng năm học mới"
    image = page.select_one("article img")
    assert image and image.get("srcset") and ".webp" in str(page.select_one("article picture"))
    assert [p for p in output.rglob("*.webp")]
    home = soup(output / "index.html")
    assert WARD["name"] in home.get_text() and CONTACT["phone"] in home.get_text()
    feed = (output / "feeds" / "atom.xml").read_text(encoding="utf-8")
    assert "Lễ khai giảng năm học mới" in feed and f"https://{WARD['domain']}/van-hoa-xa-hoi/le-khai-giang/" in feed
    meta = json.loads((output / "tim-kiem" / "chi-muc" / "meta.json").read_text(encoding="utf-8"))
    assert meta
    assert (output / "sitemap.xml").exists() and (output / "index.html.br").exists()


def test_plain_pelican_builds_the_ward_site_the_same(installed, ward, tmp_path):
    done = run([sys.executable, "-m", "pelican", "content", "-s", "publishconf.py", "-o", str(tmp_path / "out")],
               ward, installed)
    assert done.returncode == 0, done.stdout + done.stderr
    assert_same(ward / "output", tmp_path / "out")


def test_a_new_site_builds_at_once_and_publishing_waits_for_the_contact_details(installed, tmp_path):
    made = run([sys.executable, "-m", "trangtin.cli", "new-site", "xa-moi", "--name", "Xã Bát Tràng",
                "--code", "10183", "--domain", "battrang.hanoi.gov.vn"], tmp_path, installed)
    assert made.returncode == 0, made.stderr
    assert "trangtin build" in made.stdout
    site = tmp_path / "xa-moi"
    built = run([sys.executable, "-m", "trangtin.cli", "build"], site, installed)
    assert built.returncode == 0, built.stderr
    assert "Xã Bát Tràng" in soup(site / "output" / "index.html").get_text()
    assert (site / "output" / "tin-tuc-su-kien" / "ra-mat-trang-tin-hoat-dong-xa-bat-trang" / "index.html").exists()
    before = sorted(p.name for p in (site / "output").iterdir())
    published = run([sys.executable, "-m", "trangtin.cli", "publish"], site, installed)
    assert published.returncode == 1
    assert 'NEWS_AGENCY["phone"] vẫn là "CHƯA ĐIỀN"' in published.stderr + published.stdout
    assert sorted(p.name for p in (site / "output").iterdir()) == before  # nothing half published


@pytest.mark.parametrize("option, value, message", [
    ("--code", "190", "phải gồm đúng 5 chữ số"),
    ("--domain", "https://van mieu.vn/tin", "tên miền"),
    ("--name", "Văn Miếu", "Phường, Xã hoặc Đặc khu"),
])
def test_scaffold_refuses_bad_values_and_writes_nothing(tmp_path, option, value, message):
    from trangtin.scaffold import ScaffoldError, make_site

    values = {**WARD, option[2:]: value}
    with pytest.raises(ScaffoldError, match=message):
        make_site(str(tmp_path / "site"), **values)
    assert not (tmp_path / "site").exists()


def test_scaffold_never_writes_into_a_folder_that_has_files(tmp_path):
    from trangtin.scaffold import ScaffoldError, make_site

    (tmp_path / "notes.txt").write_text("giữ nguyên", encoding="utf-8")
    with pytest.raises(ScaffoldError, match="đã có tệp"):
        make_site(str(tmp_path), **WARD)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]


# --- plain Pelican on the sample site ---------------------------------------------


@pytest.fixture(scope="module")
def sample_outputs(tmp_path_factory):
    """The sample site built by `pelican content -s publishconf.py` and by `invoke publish`."""
    from news_build.runner import build

    root = tmp_path_factory.mktemp("plain")
    done = run([sys.executable, "-m", "pelican", "content", "-s", "publishconf.py", "-o", str(root / "pelican")], ROOT)
    assert done.returncode == 0, done.stdout + done.stderr
    os.environ["SOURCE_DATE_EPOCH"] = EPOCH
    try:
        result = build(str(ROOT / "publishconf.py"), str(ROOT / "content"), str(root / "invoke"), strict=True)
    finally:
        del os.environ["SOURCE_DATE_EPOCH"]
    assert result.ok
    return root / "pelican", root / "invoke"


def assert_same(a: Path, b: Path) -> None:
    names = lambda root: sorted(str(p.relative_to(root)) for p in root.rglob("*")  # noqa: E731
                                if p.is_file() and p.name != ".news-build")
    assert names(a) == names(b)
    _, mismatch, errors = filecmp.cmpfiles(a, b, names(a), shallow=False)
    assert not mismatch and not errors, mismatch[:10]


def test_plain_pelican_publishes_the_sample_site_like_invoke(sample_outputs):
    plain, ours = sample_outputs
    assert (plain / "tim-kiem" / "chi-muc" / "meta.json").exists()
    assert (plain / "feeds" / "atom.xml").exists() and list(plain.rglob("*.webp"))
    assert_same(plain, ours)


def test_plain_pelican_builds_the_development_site(tmp_path):
    done = run([sys.executable, "-m", "pelican", "content", "-s", "pelicanconf.py", "-o", str(tmp_path)], ROOT)
    assert done.returncode == 0, done.stdout + done.stderr
    assert (tmp_path / "index.html").exists() and (tmp_path / "feeds" / "atom.xml").exists()
    assert list(tmp_path.rglob("*.webp")) and (tmp_path / "tim-kiem" / "chi-muc" / "meta.json").exists()


def test_outside_a_site_only_new_site_runs_and_nothing_is_deleted(installed, tmp_path):
    (tmp_path / "output").mkdir()
    (tmp_path / "output" / "luan-van.txt").write_text("giữ nguyên", encoding="utf-8")
    for command in ("clean", "build", "publish", "serve"):
        done = run([sys.executable, "-m", "trangtin.cli", command], tmp_path, installed)
        assert done.returncode == 1 and "không thấy tệp pelicanconf.py" in done.stderr, (command, done.stderr)
        assert "Traceback" not in done.stderr
    assert (tmp_path / "output" / "luan-van.txt").exists()
    helped = run([sys.executable, "-m", "trangtin.cli", "new-site", "--help"], tmp_path, installed)
    assert helped.returncode == 0 and "--code" in helped.stdout


def test_a_typo_in_the_settings_file_is_named_not_a_crash(installed, tmp_path):
    made = run([sys.executable, "-m", "trangtin.cli", "new-site", "s", *[f"--{k}={v}" for k, v in WARD.items()]],
               tmp_path, installed)
    assert made.returncode == 0, made.stderr
    settings = tmp_path / "s" / "pelicanconf.py"
    settings.write_text(settings.read_text(encoding="utf-8").replace('"Tin hoạt động"', '"Tin hoạt động'),
                        encoding="utf-8")
    for command in ("build", "publish"):
        done = run([sys.executable, "-m", "trangtin.cli", command], tmp_path / "s", installed)
        assert done.returncode == 1, done.stderr
        assert "tệp cấu hình pelicanconf.py, dòng 9, có lỗi" in done.stderr and "Traceback" not in done.stderr, done.stderr
        assert "None" not in done.stderr and "không lường trước" not in done.stderr, done.stderr


def test_a_bad_settings_value_is_named_as_a_settings_mistake(installed, tmp_path):
    made = run([sys.executable, "-m", "trangtin.cli", "new-site", "s", *[f"--{k}={v}" for k, v in WARD.items()]],
               tmp_path, installed)
    assert made.returncode == 0, made.stderr
    settings = tmp_path / "s" / "pelicanconf.py"
    settings.write_text(settings.read_text(encoding="utf-8") + 'NEWS_LINKS = [("Chính phủ", "chinhphu.vn")]\n',
                        encoding="utf-8")
    done = run([sys.executable, "-m", "trangtin.cli", "build"], tmp_path / "s", installed)
    assert done.returncode == 1 or "LỖI" in done.stderr
    assert "tệp cấu hình pelicanconf.py có giá trị không dùng được" in done.stderr, done.stderr
    assert "cần địa chỉ đầy đủ bắt đầu bằng https://" in done.stderr, done.stderr
    assert "không lường trước" not in done.stderr


def test_clean_never_deletes_a_folder_no_build_made(installed, tmp_path):
    made = run([sys.executable, "-m", "trangtin.cli", "new-site", "s", *[f"--{k}={v}" for k, v in WARD.items()]],
               tmp_path, installed)
    assert made.returncode == 0, made.stderr
    (tmp_path / "s" / "output").mkdir()
    (tmp_path / "s" / "output" / "bao-cao.docx").write_bytes(b"x")
    done = run([sys.executable, "-m", "trangtin.cli", "clean"], tmp_path / "s", installed)
    assert done.returncode == 1 and (tmp_path / "s" / "output" / "bao-cao.docx").exists()


@pytest.mark.parametrize("given, about", [
    ("Thành phố Hồ Chí Minh", "thành phố Hồ Chí Minh"), ("TP. Hồ Chí Minh", "thành phố Hồ Chí Minh"),
    ("Tỉnh Quảng Ninh", "tỉnh Quảng Ninh"), ("hà nội", "thành phố Hà Nội"), ("Thanh Hoá", "tỉnh Thanh Hóa"),
])
def test_the_province_is_written_as_vietnamese_official_names(tmp_path, given, about):
    from trangtin.scaffold import make_site

    make_site(str(tmp_path / "s"), **{**WARD, "name": "Xã A"}, province=given)
    assert f"Ủy ban nhân dân xã A, {about}." in (tmp_path / "s" / "pelicanconf.py").read_text(encoding="utf-8")


def test_a_province_abolished_in_2025_or_a_wide_digit_code_is_refused(tmp_path):
    from trangtin.scaffold import ScaffoldError, make_site

    with pytest.raises(ScaffoldError, match="34 đơn vị cấp tỉnh"):
        make_site(str(tmp_path / "s"), **WARD, province="Bình Dương")
    with pytest.raises(ScaffoldError, match="5 chữ số"):
        make_site(str(tmp_path / "s"), **{**WARD, "code": "００１９０"})
    assert not (tmp_path / "s").exists()


def test_the_wards_own_emblem_is_published_or_its_mistake_named(installed, tmp_path):
    made = run([sys.executable, "-m", "trangtin.cli", "new-site", "s", *[f"--{k}={v}" for k, v in WARD.items()]],
               tmp_path, installed)
    assert made.returncode == 0, made.stderr
    site = tmp_path / "s"
    make_photo(site / "content" / "img" / "bieu-trung.png", size=(112, 112))
    settings = site / "pelicanconf.py"
    base = settings.read_text(encoding="utf-8")
    for wrong, says in [('NEWS_EMBLEM = "/img/bieu-trung.png"\nSTATIC_PATHS = ["img"]', 'không có "/"'),
                        ('NEWS_EMBLEM = "img/bieu-trung.png"', "thêm thư mục của tệp vào STATIC_PATHS"),
                        ('NEWS_EMBLEM = "img/quoc-huy.png"\nSTATIC_PATHS = ["img"]', "không có tệp này")]:
        settings.write_text(base + wrong + "\n", encoding="utf-8")
        done = run([sys.executable, "-m", "trangtin.cli", "build"], site, installed)
        assert done.returncode == 1 and says in done.stderr, (wrong, done.stderr)
    settings.write_text(base + 'STATIC_PATHS = ["img"]\nNEWS_EMBLEM = "img/bieu-trung.png"\n', encoding="utf-8")
    done = run([sys.executable, "-m", "trangtin.cli", "build"], site, installed)
    assert done.returncode == 0, done.stderr
    home = soup(site / "output" / "index.html")
    assert home.select_one("img.brand__emblem")["src"] == "/img/bieu-trung.png"
    assert home.select_one('link[rel="icon"]')["type"] == "image/png"
    assert (site / "output" / "img" / "bieu-trung.png").exists()
