"""Check a built site before it goes live: links, HTML, XML, scripts, photo metadata.

`invoke check` calls run(); tests call check_site(). Each problem is one
Problem naming the file (relative to the output folder), the line when known,
what is wrong and the fix, in Vietnamese. The Nu Html Checker (vnu.jar, from
npm's vnu-jar, pinned in package.json) runs once over the whole folder: one JVM start.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from urllib.parse import unquote, urljoin, urlsplit

from bs4 import BeautifulSoup
from PIL import Image

ATOM = "{http://www.w3.org/2005/Atom}"
URLSET = "{http://www.sitemaps.org/schemas/sitemap/0.9}urlset"
SITEMAPS = ("sitemap.xml", "sitemap-news.xml")
KINDS = {"html": (".html",), "css": (".css",), "xml": (".xml",), "images": (".jpg", ".jpeg", ".png", ".webp")}
URL_ATTRIBUTES = ("href", "src", "poster", "action")
META_IMAGES = ("og:image", "twitter:image")
CSS_URL = re.compile(r"""url\(\s*(['"]?)(.*?)\1\s*\)|@import\s+(['"])(.*?)\3""")
SRCSET_URL = re.compile(r"[\s,]*(\S+)")
GPS_IFD = 0x8825
# The Nu Html Checker from npm's vnu-jar (package.json pins it; `npm ci` puts it in
# node_modules/), or wherever NEWS_VNU_JAR points.
VNU_VERSION = "26.9.27"
VNU_IN_NODE_MODULES = os.path.join("node_modules", "vnu-jar", "build", "dist", "vnu.jar")

REBUILD = "Sửa rồi dựng lại (invoke publish) và kiểm tra lại."
SAY = {
    "no_output": 'không có thư mục "{output}". Dựng trang trước: invoke publish --output {output}',
    "missing": "{where} trỏ tới “{url}” nhưng bản dựng không có tệp {target}. "
               "Sửa đường dẫn trong bài hoặc mẫu giao diện, hoặc thêm tệp còn thiếu. " + REBUILD,
    "javascript": "{where} dùng liên kết “javascript:”, bị cấm (chính sách bảo mật chặn nó, và nó không chạy "
                  "khi tắt JavaScript). Thay bằng một địa chỉ thật hoặc một nút. " + REBUILD,
    "no_java": "không tìm thấy Java (lệnh java) để chạy trình kiểm tra HTML (Nu Html Checker). Cài Java rồi "
               "chạy lại: trên Debian/Ubuntu `apt-get install -y default-jre-headless`; hoặc thêm --no-html "
               "để bỏ qua bước kiểm tra HTML.",
    "no_vnu": ("không tìm thấy trình kiểm tra HTML (vnu.jar của gói npm vnu-jar). Cài nó trong thư mục trang "
               f"(cần Node.js): npm install --no-save --ignore-scripts vnu-jar@{VNU_VERSION} (trong kho mã "
               "trangtin: npm ci --ignore-scripts, python3 bootstrap.py làm sẵn), hoặc đặt biến môi trường "
               "NEWS_VNU_JAR là đường dẫn tới vnu.jar; hoặc bỏ qua bước kiểm tra HTML bằng --no-html"),
    "vnu_failed": "trình kiểm tra HTML (vnu) không chạy được (mã {code}): {tail}",
    "html": "HTML không hợp lệ (Nu Html Checker): {message} Sửa mẫu giao diện (theme/templates/) "
            "hoặc đoạn HTML trong bài tạo ra chỗ này. " + REBUILD,
    "xml": "tệp XML không đọc được: {error}. Sửa phần tạo ra tệp này. " + REBUILD,
    "not_urlset": "phần tử gốc là <{tag}>, không phải <urlset> theo chuẩn sitemap "
                  "(http://www.sitemaps.org/schemas/sitemap/0.9). " + REBUILD,
    "not_atom": "không phải nguồn tin Atom: phần tử gốc là <{tag}>, phải là <feed> trong không gian tên "
                "http://www.w3.org/2005/Atom. " + REBUILD,
    "no_entry": "nguồn tin Atom không có bài nào (<entry>). Bỏ nguồn tin rỗng này hoặc thêm bài. " + REBUILD,
    "entry": "bài thứ {number} trong nguồn tin thiếu {fields} (Atom bắt buộc id, title, updated). " + REBUILD,
    "script": "có thẻ <script> trong {where}. Bài viết không được chứa mã chạy: xóa thẻ này khỏi tệp "
              "Markdown của bài (hoặc khỏi mẫu giao diện). " + REBUILD,
    "bad_image": "ảnh không mở được ({error}). Xóa tệp này và dựng lại. " + REBUILD,
    "metadata": "ảnh còn siêu dữ liệu {found} (ngày chụp, máy ảnh, có thể cả nơi chụp). Ảnh phải đi qua quy "
                "trình ảnh của bản dựng (news_images), không chép thẳng vào output. " + REBUILD,
}


@dataclass(frozen=True)
class Problem:
    path: str  # relative to the output folder, with /; "" for the check itself
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.path and self.line else self.path
        return f"LỖI: {where}: {self.message}" if where else f"LỖI: {self.message}"


@dataclass(frozen=True)
class Report:
    problems: tuple[Problem, ...]
    counts: dict  # files checked by kind: html, css, xml, images
    html_checked: bool
    seconds: float

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass(frozen=True)
class Base:
    """Where SITEURL puts the output folder: https://host/prefix/ is output/."""

    origin: str  # scheme and host; a made-up host when SITEURL is "" (preview)
    host: str
    prefix: str  # "" or "/sub-path"

    @classmethod
    def of(cls, siteurl: str) -> "Base":
        parts = urlsplit(siteurl or "")
        host = parts.netloc.lower() or "site.invalid"
        return cls(f"{parts.scheme or 'http'}://{host}", host, parts.path.rstrip("/"))


def check_site(output: str, siteurl: str = "", html: bool = True) -> Report:
    """Run every check over the built site in `output`."""
    started = time.perf_counter()
    if not os.path.isdir(output):
        return Report((Problem("", SAY["no_output"].format(output=output)),), {}, html, 0.0)
    files = list_files(output)
    kinds = {kind: sorted(f for f in files if f.lower().endswith(ends)) for kind, ends in KINDS.items()}
    kinds["images"] = [f for f in kinds["images"] if not f.startswith("theme/")]  # ours, not photos
    base, problems = Base.of(siteurl), []
    for page in kinds["html"]:
        soup = BeautifulSoup(read(output, page), "html.parser")
        problems += link_problems(page, page_urls(soup), base, files) + script_problems(page, soup)
    for sheet in kinds["css"]:
        problems += link_problems(sheet, css_urls(read(output, sheet)), base, files)
    for name in kinds["xml"]:
        problems += xml_problems(name, os.path.join(output, name))
    for name in kinds["images"]:
        problems += image_problems(name, os.path.join(output, name))
    if html:
        problems += vnu_problems(output)
    counts = {kind: len(names) for kind, names in kinds.items()}
    return Report(tuple(problems), counts, html, time.perf_counter() - started)


def list_files(output: str) -> set[str]:
    found = set()
    for folder, _, names in os.walk(output):
        relative = os.path.relpath(folder, output).replace(os.sep, "/")
        found.update(name if relative == "." else f"{relative}/{name}" for name in names)
    return found


def read(output: str, name: str) -> str:
    with open(os.path.join(output, name), encoding="utf-8", errors="replace") as handle:
        return handle.read()


# 1. Links ---------------------------------------------------------------------


def resolve(url: str, page: str, base: Base) -> str | None:
    """The output file `url` (written in `page`) must be, or None if it is not ours."""
    url = url.strip()
    if not url or url.startswith("#"):
        return None
    target = urlsplit(urljoin(f"{base.origin}{base.prefix}/{page}", url))
    if target.scheme not in ("http", "https") or target.netloc.lower() != base.host:
        return None  # mailto:, tel:, data:, another host
    path = unquote(target.path)
    if path != base.prefix and not path.startswith(base.prefix + "/"):
        return path  # outside the site: no file can answer it
    relative = path[len(base.prefix):].lstrip("/")
    return relative + "index.html" if relative == "" or relative.endswith("/") else relative


def is_javascript(url: str) -> bool:
    return re.sub(r"[\t\n\r]", "", url).lstrip("\x00 \x0c").lower().startswith("javascript:")


def srcset_urls(value: str) -> list[str]:
    """The URLs of a srcset, without their width or density descriptors."""
    urls, position = [], 0
    while match := SRCSET_URL.match(value, position):
        url, position = match.group(1), match.end()
        urls.append(url.rstrip(","))
        if url.endswith(","):
            continue  # no descriptor
        comma = value.find(",", position)
        if comma < 0:
            break
        position = comma + 1
    return [url for url in urls if url]


def page_urls(soup: BeautifulSoup):
    """(what, line, url) for every URL a page loads or links to."""
    for tag in soup.find_all(True):
        for attribute in URL_ATTRIBUTES:
            if tag.get(attribute) is not None:
                yield f"<{tag.name} {attribute}>", tag.sourceline, tag[attribute]
        for url in srcset_urls(tag.get("srcset") or ""):
            yield f"<{tag.name} srcset>", tag.sourceline, url
        kind = tag.get("property") or tag.get("name")
        if tag.name == "meta" and kind in META_IMAGES:
            yield f"<meta {kind}>", tag.sourceline, tag.get("content") or ""


def css_urls(text: str):
    for match in CSS_URL.finditer(text):
        url = match.group(2) if match.group(2) is not None else match.group(4)
        yield "url() trong CSS", text.count("\n", 0, match.start()) + 1, url


def link_problems(name: str, urls, base: Base, files: set[str]) -> list[Problem]:
    problems, seen = [], set()
    for where, line, url in urls:
        if url in seen:
            continue
        seen.add(url)
        if is_javascript(url):
            problems.append(Problem(name, SAY["javascript"].format(where=where), line))
            continue
        target = resolve(url, name, base)
        if target is not None and target not in files and f"{target}/index.html" not in files:
            problems.append(Problem(name, SAY["missing"].format(where=where, url=url, target=target), line))
    return problems


# 2. HTML (Nu Html Checker) ----------------------------------------------------


def vnu_jar() -> str | None:
    """NEWS_VNU_JAR, or the vnu-jar package installed by npm in the site's folder (the working directory)."""
    path = os.environ.get("NEWS_VNU_JAR") or os.path.abspath(VNU_IN_NODE_MODULES)
    return path if os.path.isfile(path) else None


def vnu_problems(output: str) -> list[Problem]:
    """Run vnu once over `output`; one Problem per error, with its file and line."""
    java, jar = shutil.which("java"), vnu_jar()
    if not java:
        return [Problem("", SAY["no_java"])]
    if not jar:
        return [Problem("", SAY["no_vnu"])]
    root = os.path.realpath(output)
    command = [java, "-jar", jar, "--errors-only", "--format", "json", "--skip-non-html", root]
    done = subprocess.run(command, capture_output=True, text=True, encoding="utf-8", errors="replace")
    messages = _report(done.stderr)  # vnu writes its JSON report to stderr, after any warning of Java's
    if messages is None:
        tail = (done.stderr or done.stdout).strip()[-500:]
        return [Problem("", SAY["vnu_failed"].format(code=done.returncode, tail=tail))]
    return [vnu_problem(root, m) for m in messages if m.get("type") != "info"]


def _report(text: str) -> list[dict] | None:
    """The messages of vnu's JSON report ({"version": …, "messages": [...]}), or None when there is none."""
    for start in (m.start() for m in re.finditer(r"^\{", text, re.M)):
        try:
            report, _ = json.JSONDecoder().raw_decode(text, start)
        except ValueError:
            continue
        if isinstance(report, dict) and isinstance(report.get("messages"), list):
            return report["messages"]
    return None


def vnu_problem(root: str, message: dict) -> Problem:
    url = message.get("url", "")
    path = unquote(urlsplit(url).path) if url.startswith("file:") else ""
    name = os.path.relpath(path, root).replace(os.sep, "/") if path else url
    line = message.get("firstLine") or message.get("lastLine")
    return Problem(name, SAY["html"].format(message=message.get("message", "").strip()), line)


# 3. XML: feeds and sitemaps -----------------------------------------------------


def xml_problems(name: str, path: str) -> list[Problem]:
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        return [Problem(name, SAY["xml"].format(error=exc), exc.position[0])]
    if name.startswith("feeds/"):
        return atom_problems(name, root)
    if name in SITEMAPS and root.tag != URLSET:
        return [Problem(name, SAY["not_urlset"].format(tag=root.tag))]
    return []


def atom_problems(name: str, root: ET.Element) -> list[Problem]:
    if root.tag != f"{ATOM}feed":
        return [Problem(name, SAY["not_atom"].format(tag=root.tag))]
    entries = root.findall(f"{ATOM}entry")
    if not entries:
        return [Problem(name, SAY["no_entry"])]
    problems = []
    for number, entry in enumerate(entries, 1):
        missing = [f for f in ("id", "title", "updated") if not (entry.findtext(ATOM + f) or "").strip()]
        if missing:
            problems.append(Problem(name, SAY["entry"].format(number=number, fields=", ".join(missing))))
    return problems


# 4. Scripts in articles ---------------------------------------------------------


def script_problems(page: str, soup: BeautifulSoup) -> list[Problem]:
    """Any <script> in an article body; in <main>, any but JSON-LD structured data."""
    problems = []
    for script in soup.select("main script, .article__body script"):
        in_body = script.find_parent(class_="article__body") is not None
        if not in_body and (script.get("type") or "").strip().lower() == "application/ld+json":
            continue
        where = "thân bài (.article__body)" if in_body else "phần nội dung chính (<main>)"
        problems.append(Problem(page, SAY["script"].format(where=where), script.sourceline))
    return problems


# 5. Photo metadata ----------------------------------------------------------------


def image_problems(name: str, path: str) -> list[Problem]:
    """EXIF (GPS lives inside it) or XMP left in a published photo. An ICC profile is allowed."""
    try:
        with Image.open(path) as image:
            exif = image.getexif()
            xmp = image.info.get("xmp") or image.info.get("XML:com.adobe.xmp")
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError) as exc:
        return [Problem(name, SAY["bad_image"].format(error=exc))]
    found = (["EXIF có vị trí GPS" if GPS_IFD in exif else "EXIF"] if exif else []) + (["XMP"] if xmp else [])
    return [Problem(name, SAY["metadata"].format(found=" và ".join(found)))] if found else []


# Command line ---------------------------------------------------------------------


def summary(report: Report, output: str) -> str:
    counts = report.counts
    checked = (f"{counts.get('html', 0)} trang HTML, {counts.get('css', 0)} tệp CSS, "
               f"{counts.get('xml', 0)} tệp XML, {counts.get('images', 0)} ảnh")
    skipped = "" if report.html_checked else " Chưa kiểm tra HTML với Nu Html Checker (--no-html)."
    if report.ok:
        return f"Kiểm tra {output}: {checked}; không có lỗi ({report.seconds:.1f} giây).{skipped}"
    return (f"Kiểm tra {output}: {checked}; có {len(report.problems)} lỗi ({report.seconds:.1f} giây). "
            f"Sửa các lỗi ở trên, dựng lại rồi chạy lại invoke check.{skipped}")


def run(output: str, settings_file: str, html: bool = True, out=None) -> int:
    """Check `output` with SITEURL from `settings_file`; print; return the exit code."""
    from pelican.settings import read_settings

    out = out or sys.stdout
    siteurl = read_settings(settings_file).get("SITEURL") or ""
    report = check_site(output, siteurl, html)
    for problem in sorted(report.problems, key=lambda p: (p.path, p.line or 0)):
        print(problem, file=out)
    print(summary(report, output), file=out)
    return 0 if report.ok else 1
