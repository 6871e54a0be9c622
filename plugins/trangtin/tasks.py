"""The editor and CI commands of a site, as an invoke collection.

A site's tasks.py is two lines:

    from trangtin.tasks import collection
    ns = collection(__file__)

and `invoke --list` shows the commands. The `trangtin` command runs the same
ones from the site's folder, and `trangtin new-site` makes a new site.

Every build goes through news_build.runner, so development builds, production
builds and tests behave the same way.
"""

from __future__ import annotations

import os
import shutil
import sys

from invoke import Collection, task

PREVIEW = ".output-preview"  # what `invoke serve` builds and serves: drafts included, never published


def _site(c) -> dict:
    """The site's folders and settings files, from the collection's configuration."""
    return c.config.site


def _folder(value: str, default: str) -> str:
    return os.path.abspath(value) if value else default


def _build(c, settings: str, content: str, output: str, strict: bool, verbose: bool = False):
    from news_build.runner import build as run_build
    from news_build.runner import exit_now

    site = _site(c)
    content = _folder(content, site.content)
    output = _folder(output, site.output)
    os.chdir(site.root)
    result = run_build(settings, content, output, strict=strict, verbose=verbose)
    failed = result.crashed or (strict and not result.ok)
    if _last_task(c):  # nothing runs after this build: end the process at once (runner.exit_now)
        exit_now(1 if failed else 0)
    if failed:
        sys.exit(1)
    return result


def _last_task(c) -> bool:
    """Whether the task running now is the last one named on the command line
    (`invoke publish check` must still run `check` after `publish`)."""
    named = [arg for arg in sys.argv[1:] if arg in c.config.site.task_names]
    return len(named) == 1


@task(help={"content": "content folder (default content/)", "output": "output folder (default output/)"})
def build(c, content="", output="", verbose=False):
    """Dựng bản xem trước, gồm cả bản nháp (build the development site)."""
    _build(c, _site(c).settings_base, content, output, strict=False, verbose=verbose)


@task(help={"content": "content folder (default content/)", "output": "output folder (default output/)"})
def publish(c, content="", output="", verbose=False):
    """Dựng bản chính thức, dừng nếu có lỗi (strict production build)."""
    _build(c, _site(c).settings_publish, content, output, strict=True, verbose=verbose)


@task(help={
    "port": "port to serve on (default 8000; 0 picks a free one)",
    "content": "content folder (default content/)",
    "output": "the preview's own folder (default .output-preview/; never the one publish builds)",
    "open": "open the browser (default yes; --no-open to not)",
})
def serve(c, port=8000, content="", output="", open=True):
    """Xem trước trực tiếp: dựng, mở trình duyệt, tự dựng lại khi lưu bài (live preview)."""
    from news_preview.serve import supervise

    site = _site(c)
    # Its own folder: a publish into output/ while the preview runs never meets it (news_build.owner).
    # Relative folders are the editor's, from where they typed the command: resolved before chdir.
    content, output = _folder(content, site.content), _folder(output, site.preview)
    os.chdir(site.root)
    supervise(site.settings_base, content, output, port=port, open_browser=open, project=site.root)


@task
def clean(c):
    """Xóa thư mục output/ và bản xem trước .output-preview/ (delete the built sites)."""
    from news_build.owner import live_owner

    from news_core.output import ours

    site = _site(c)
    if os.path.isdir(site.output) and not ours(site.output):  # never a folder a build of ours did not make
        print(f'LỖI: thư mục "{site.output}" không do lệnh dựng trang tạo ra, nên không bị xóa.', file=sys.stderr)
        sys.exit(1)
    shutil.rmtree(site.output, ignore_errors=True)
    if live_owner(site.preview) is None:  # a running preview keeps its folder
        shutil.rmtree(site.preview, ignore_errors=True)


@task(auto_shortflags=False, help={
    "output": "built site to check (default output/)",
    "settings": "publish (SITEURL of publishconf.py, default) or dev (pelicanconf.py)",
    "html": "validate HTML with the Nu Html Checker (needs Java); --no-html skips it",
})
def check(c, output="", settings="publish", html=True):
    """Kiểm tra trang đã dựng: liên kết, HTML, XML, script, siêu dữ liệu ảnh (check the built site)."""
    from news_check.check import run as run_check

    site = _site(c)
    files = {"publish": site.settings_publish, "dev": site.settings_base}
    if settings not in files:
        print(f'LỖI: --settings "{settings}" không hợp lệ. Dùng publish hoặc dev.', file=sys.stderr)
        sys.exit(1)
    output = _folder(output, site.output)
    os.chdir(site.root)
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
    from news_editor.editor import EditorError, command, load_config, new_article, photos_command, shown

    site = _site(c)
    run = command()
    try:
        made = new_article(title, category, _folder(content, site.content), load_config(site.settings_base),
                           slug=slug, date=date, run=run)
    except EditorError as exc:
        print(f"LỖI: {exc}", file=sys.stderr)
        sys.exit(1)
    print(f"Đã tạo bài viết (bản nháp): {shown(made.path)}")
    print(f"Chuyên mục: {made.category}. Ngày đăng: {made.date:%d/%m/%Y %H:%M}.")
    print("Mở tệp để viết nội dung; chép ảnh vào thư mục của bài, hoặc chạy lệnh sau "
          "(thay THU-MUC-ANH bằng thư mục ảnh) để thêm thư viện ảnh:")
    print(f"  {photos_command(run, os.path.dirname(made.path))}")


@task(positional=["source", "article"], auto_shortflags=False, help={
    "source": "folder of the event's photos (with an optional captions.txt)",
    "article": "the article's folder or its index.md",
})
def photos(c, source, article):
    """Chép ảnh sự kiện vào bài, đặt tên theo thứ tự chụp, thêm thư viện ảnh (add a photo gallery)."""
    from news_editor.editor import EditorError, add_photos

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
    "dry-run": "show, page by page, what would be imported (title, date, views, category, photos, "
               "captions, what was left out); write nothing",
})
def import_legacy(c, source, more=None, into="", category_map="", force=False, dry_run=False):
    """Nhập bài từ cổng thông tin cũ (trang đã lưu, bản sao wget/HTTrack) (import legacy pages)."""
    from news_editor.editor import load_config
    from news_legacy.command import run as run_import

    site = _site(c)
    if not source:
        print("LỖI: chưa chỉ ra trang hoặc thư mục cần nhập. Ví dụ: invoke import-legacy ban-luu/dongda.hanoi.gov.vn "
              "--category-map chuyen-muc.yml", file=sys.stderr)
        sys.exit(1)
    sys.exit(run_import([source, *(more or [])], _folder(into, site.content), load_config(site.settings_base),
                        category_map=category_map or None, force=force, dry_run=dry_run))


@task(positional=["folder"], auto_shortflags=False, help={
    "folder": "a folder of photos recovered after an import (an old backup, the photographer's files)",
    "content": "content folder (default content/)",
    "dry-run": "show which photos would be filled in, write nothing",
})
def fill_photos(c, folder, content="", dry_run=False):
    """Điền ảnh tìm lại được vào các bài nhập thiếu ảnh (fill photos an import lacked from a folder)."""
    from news_legacy.recover import fill

    site = _site(c)
    sys.exit(fill(_folder(content, site.content), folder, dry_run=dry_run))


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
    from news_views.views import run as run_sync

    site = _site(c)
    export = os.path.abspath(export)
    content = _folder(content, site.content)
    settings = _folder(settings, site.settings_base)
    os.chdir(site.root)
    sys.exit(run_sync(export, content, settings, dry_run=dry_run,
                      path_column=path_column, count_column=count_column))


@task(positional=["folder"], auto_shortflags=False, help={
    "folder": "the new site's folder (must not exist, or be empty)",
    "name": 'the office, e.g. "Phường Văn Miếu - Quốc Tử Giám"',
    "code": "the official 5-digit commune code (mã đơn vị hành chính cấp xã), e.g. 00190",
    "domain": "the site's domain, e.g. vanmieuquoctugiam.hanoi.gov.vn",
    "province": 'the province or city, e.g. "Hà Nội" (default Hà Nội)',
    "address": "the office's address (else filled in later in pelicanconf.py)",
    "phone": "the office's phone number",
    "email": "the office's email address",
    "responsible": "the person responsible for the content (name or title)",
})
def new_site(c, folder, name="", code="", domain="", province="Hà Nội",
             address="", phone="", email="", responsible=""):
    """Tạo trang tin mới cho một phường, xã (make a new ward or commune site that builds at once)."""
    from trangtin.scaffold import ScaffoldError, make_site

    try:
        made = make_site(folder, name=name, code=code, domain=domain, province=province,
                         address=address, phone=phone, email=email, responsible=responsible)
    except ScaffoldError as exc:
        print(f"LỖI: {exc}", file=sys.stderr)
        sys.exit(1)
    print(made.summary())


SITE_TASKS = (build, publish, serve, clean, check, new, photos, import_legacy, fill_photos, sync_views, new_site)


def collection(site_file: str, *extra) -> Collection:
    """The commands of the site in the folder of `site_file` (its tasks.py, or
    the folder itself), plus any `extra` tasks (the repository's own)."""
    root = os.path.abspath(site_file if os.path.isdir(site_file) else os.path.dirname(site_file))
    tasks = (*SITE_TASKS, *extra)
    ns = Collection(*tasks)
    ns.configure({"site": {
        "root": root,
        "settings_base": os.path.join(root, "pelicanconf.py"),
        "settings_publish": os.path.join(root, "publishconf.py"),
        "content": os.path.join(root, "content"),
        "output": os.path.join(root, "output"),
        "preview": os.path.join(root, PREVIEW),
        "task_names": sorted({t.name.replace("_", "-") for t in tasks}),
    }})
    return ns
