"""Editor and CI tasks of the sample site, plus the repository's own. Run
`invoke --list` to see them.

The site's commands come from the installed package (trangtin.tasks), as in
any ward's site; the tests and the vendoring scripts belong to this repository.
"""

import os
import shutil
import sys

from invoke import task

from trangtin.tasks import collection

ROOT = os.path.dirname(os.path.abspath(__file__))


@task(help={"k": "only tests matching this expression",
            "workers": "test processes (default: one per core; 1 runs the suite in this process)"})
def test(c, k="", workers=""):
    """Chạy toàn bộ kiểm thử (run the whole test suite)."""
    select = f' -k "{k}"' if k else ""
    # pytest-xdist: each module goes whole to one worker (loadfile), so the site a
    # module builds once for its tests is built once, and the slowest are listed.
    spread = "" if str(workers) == "1" else f" -n {workers or 'auto'} --dist loadfile"
    c.run(f'"{sys.executable}" -m pytest{spread}{select} --durations=20', pty=False)


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
def dist(c):
    """Đóng gói trangtin thành tệp .whl trong dist/ để cài cho các trang khác (build the wheel)."""
    stale = [os.path.join(ROOT, "build"), os.path.join(ROOT, "plugins", "trangtin.egg-info")]
    for folder in stale:  # setuptools would pack a module deleted since the last wheel
        shutil.rmtree(folder, ignore_errors=True)
    c.run(f'"{sys.executable}" -m pip wheel --no-deps --no-build-isolation --disable-pip-version-check '
          f'-w "{os.path.join(ROOT, "dist")}" "{ROOT}"', pty=False)
    for folder in stale:
        shutil.rmtree(folder, ignore_errors=True)


@task(help={"version": "@sveltia/cms version from npm (default 0.221.1)"})
def vendor_sveltia(c, version="0.221.1"):
    """Cập nhật trình biên tập Sveltia CMS từ npm (refresh the browser editor at /quan-tri/)."""
    _script(c, "vendor_sveltia.py", "--version", version)


ns = collection(__file__, test, vendor_photoswipe, vendor_font, vendor_axe, vendor_sveltia, dist)
