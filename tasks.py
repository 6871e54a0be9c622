"""Editor and CI tasks. Run `invoke --list` to see them.

Every build goes through plugins/news_build/runner.py, so development builds,
production builds and tests behave the same way.
"""

import os
import shutil
import sys

from invoke import task

ROOT = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(ROOT, "plugins"))

CONFIG = {
    "settings_base": os.path.join(ROOT, "pelicanconf.py"),
    "settings_publish": os.path.join(ROOT, "publishconf.py"),
    "content": os.path.join(ROOT, "content"),
    "output": os.path.join(ROOT, "output"),
    "port": 8000,
}


def _build(settings, content, output, strict, verbose=False):
    from news_build.runner import build as run_build
    from news_build.runner import exit_now

    content = os.path.abspath(content) if content else CONFIG["content"]
    output = os.path.abspath(output) if output else CONFIG["output"]
    os.chdir(ROOT)
    result = run_build(settings, content, output, strict=strict, verbose=verbose)
    failed = result.crashed or (strict and not result.ok)
    if _last_task():  # nothing runs after this build: end the process at once (runner.exit_now)
        exit_now(1 if failed else 0)
    if failed:
        sys.exit(1)
    return result


def _last_task() -> bool:
    """Whether the task running now is the last one named on the command line
    (`invoke publish check` must still run `check` after `publish`)."""
    from invoke import Task

    names = {name.replace("_", "-") for name, value in globals().items() if isinstance(value, Task)}
    named = [arg for arg in sys.argv[1:] if arg in names]
    return len(named) == 1


@task(help={"content": "content folder (default content/)", "output": "output folder (default output/)"})
def build(c, content="", output="", verbose=False):
    """Dựng bản xem trước, gồm cả bản nháp (build the development site)."""
    _build(CONFIG["settings_base"], content, output, strict=False, verbose=verbose)


@task(help={"content": "content folder (default content/)", "output": "output folder (default output/)"})
def publish(c, content="", output="", verbose=False):
    """Dựng bản chính thức, dừng nếu có lỗi (strict production build)."""
    _build(CONFIG["settings_publish"], content, output, strict=True, verbose=verbose)


@task(help={
    "port": "port to serve on (default 8000; 0 picks a free one)",
    "content": "content folder (default content/)",
    "output": "output folder (default output/)",
    "open": "open the browser (default yes; --no-open to not)",
})
def serve(c, port=8000, content="", output="", open=True):
    """Xem trước trực tiếp: dựng, mở trình duyệt, tự dựng lại khi lưu bài (live preview)."""
    from news_build.serve import supervise

    os.chdir(ROOT)
    supervise(CONFIG["settings_base"], os.path.abspath(content) if content else CONFIG["content"],
              os.path.abspath(output) if output else CONFIG["output"],
              port=port, open_browser=open, project=ROOT)


@task(help={"k": "only tests matching this expression"})
def test(c, k=""):
    """Chạy toàn bộ kiểm thử (run the whole test suite)."""
    select = f' -k "{k}"' if k else ""
    c.run(f'"{sys.executable}" -m pytest{select}', pty=False)


def _script(c, name, *args):
    c.run(" ".join([f'"{sys.executable}"', f'"{os.path.join(ROOT, "scripts", name)}"', *args]), pty=False)


@task(help={"version": "PhotoSwipe version from npm (default 5.4.4)"})
def vendor_photoswipe(c, version="5.4.4"):
    """Cập nhật thư viện xem ảnh PhotoSwipe từ npm (refresh the vendored lightbox)."""
    _script(c, "vendor_photoswipe.py", "--version", version)


@task(help={"version": "inter-ui version from npm (default 4.1.1)"})
def vendor_font(c, version="4.1.1"):
    """Cắt lại phông chữ Inter cho tiếng Việt (re-make the font subset; needs fonttools, brotli)."""
    _script(c, "vendor_font.py", "--version", version)


@task(help={"version": "axe-core version from npm (default 4.14.1)"})
def vendor_axe(c, version="4.14.1"):
    """Cập nhật axe-core dùng trong kiểm thử truy cập (refresh the accessibility checker for tests)."""
    _script(c, "vendor_axe.py", "--version", version)


@task
def clean(c):
    """Xóa thư mục output/ (delete the built site)."""
    shutil.rmtree(CONFIG["output"], ignore_errors=True)


@task(auto_shortflags=False, help={
    "output": "built site to check (default output/)",
    "settings": "publish (SITEURL of publishconf.py, default) or dev (pelicanconf.py)",
    "html": "validate HTML with the Nu Html Checker (needs Java); --no-html skips it",
})
def check(c, output="", settings="publish", html=True):
    """Kiểm tra trang đã dựng: liên kết, HTML, XML, script, siêu dữ liệu ảnh (check the built site)."""
    from news_build.check import run as run_check

    files = {"publish": CONFIG["settings_publish"], "dev": CONFIG["settings_base"]}
    if settings not in files:
        print(f'LỖI: --settings "{settings}" không hợp lệ. Dùng publish hoặc dev.', file=sys.stderr)
        sys.exit(1)
    output = os.path.abspath(output) if output else CONFIG["output"]
    os.chdir(ROOT)  # publishconf.py imports pelicanconf.py from the current folder
    sys.exit(run_check(output, files[settings], html=html))


@task(positional=["title"], auto_shortflags=False, help={
    "title": "the article's title, in quotes",
    "category": "a category name or slug from NEWS_CATEGORIES in pelicanconf.py",
    "slug": "folder and URL name instead of the one made from the title",
    "content": "content folder (default content/)",
    "date": "date instead of now, day first, e.g. 21/03/2024 10:31",
})
def new(c, title, category="", slug="", content="", date=""):
    """Tạo bài viết mới (bản nháp) với phần khai báo đã điền sẵn (create a draft article)."""
    from news_build.editor import EditorError, load_config, new_article, shown

    content = os.path.abspath(content) if content else CONFIG["content"]
    try:
        made = new_article(title, category, content, load_config(CONFIG["settings_base"]), slug=slug, date=date)
    except EditorError as exc:
        print(f"LỖI: {exc}", file=sys.stderr)
        sys.exit(1)
    print(f"Đã tạo bài viết (bản nháp): {shown(made.path)}")
    print(f"Chuyên mục: {made.category}. Ngày đăng: {made.date:%d/%m/%Y %H:%M}.")
    print("Mở tệp để viết nội dung; chép ảnh vào thư mục của bài, hoặc chạy invoke photos THU-MUC-ANH "
          f'"{shown(os.path.dirname(made.path))}" để thêm thư viện ảnh.')


@task(positional=["source", "article"], auto_shortflags=False, help={
    "source": "folder of the event's photos (with an optional captions.txt)",
    "article": "the article's folder or its index.md",
})
def photos(c, source, article):
    """Chép ảnh sự kiện vào bài, đặt tên theo thứ tự chụp, thêm thư viện ảnh (add a photo gallery)."""
    from news_build.editor import EditorError, add_photos

    try:
        add_photos(source, article)
    except EditorError as exc:
        print(f"LỖI: {exc}", file=sys.stderr)
        sys.exit(1)


@task(positional=["source"], iterable=["more"], auto_shortflags=False, help={
    "source": "a saved article page (.html with its _files folder), a folder of them, or a wget/HTTrack mirror",
    "more": "another page or folder to import in the same run; repeat for several",
    "into": "content folder to write the articles into (default content/)",
    "category-map": "YAML file mapping the old portal's section names to NEWS_CATEGORIES",
    "force": "also overwrite articles edited since they were imported",
})
def import_legacy(c, source, more=None, into="", category_map="", force=False):
    """Nhập bài từ cổng thông tin cũ (trang đã lưu, bản sao wget/HTTrack) (import legacy pages)."""
    from news_build.editor import load_config
    from news_legacy.command import run as run_import

    if not source:
        print("LỖI: chưa chỉ ra trang hoặc thư mục cần nhập. Ví dụ: invoke import-legacy ban-luu/dongda.hanoi.gov.vn "
              "--category-map chuyen-muc.yml", file=sys.stderr)
        sys.exit(1)
    into = os.path.abspath(into) if into else CONFIG["content"]
    sys.exit(run_import([source, *(more or [])], into, load_config(CONFIG["settings_base"]),
                        category_map=category_map or None, force=force))


@task(positional=["export"], auto_shortflags=False, help={
    "export": "CSV export of page views (Matomo Pages report or GA4 Pages and screens)",
    "content": "content folder (default content/)",
    "dry-run": "show what would change, write nothing",
    "path-column": "name of the column holding the page URL or path, if not recognised",
    "count-column": "name of the column holding the page views, if not recognised",
    "settings": "settings file giving ARTICLE_URL and the categories (default pelicanconf.py)",
})
def sync_views(c, export, content="", dry_run=False, path_column="", count_column="", settings=""):
    """Cập nhật lượt xem (views:) của các bài từ tệp thống kê CSV (update views from Matomo/GA4)."""
    from news_build.views import run as run_sync

    export = os.path.abspath(export)
    content = os.path.abspath(content) if content else CONFIG["content"]
    settings = os.path.abspath(settings) if settings else CONFIG["settings_base"]
    os.chdir(ROOT)  # publishconf.py imports pelicanconf.py from the current folder
    sys.exit(run_sync(export, content, settings, dry_run=dry_run,
                      path_column=path_column, count_column=count_column))
