"""`trangtin`: the site commands from any folder of a site, and `trangtin new-site`.

`trangtin build` in a site's folder (or any folder below it) does what
`invoke build` does there; `trangtin --list` lists the commands.
"""

from __future__ import annotations

import os
import sys

from invoke import Program

from trangtin import __version__
from trangtin.tasks import collection


def site_folder(start: str) -> str:
    """The nearest folder from `start` up that holds a pelicanconf.py; else `start`."""
    folder = os.path.abspath(start)
    while True:
        if os.path.isfile(os.path.join(folder, "pelicanconf.py")):
            return folder
        parent = os.path.dirname(folder)
        if parent == folder:
            return os.path.abspath(start)
        folder = parent


OUTSIDE = ("new-site", "new_site", "--help", "-h", "--version", "-V", "--list", "-l")


def main(argv: list[str] | None = None) -> None:
    argv = list(argv if argv is not None else sys.argv)
    folder = site_folder(os.getcwd())
    # Outside a site only `new-site` makes sense: never build, serve or clean a folder that is no site.
    if not os.path.isfile(os.path.join(folder, "pelicanconf.py")) and not any(a in OUTSIDE for a in argv[1:]):
        print(f'LỖI: không thấy tệp pelicanconf.py trong "{folder}" hay các thư mục chứa nó, nên đây không '
              "phải thư mục của một trang tin. Chuyển vào thư mục trang tin (cd …) rồi chạy lại, hoặc tạo "
              'trang mới: trangtin new-site THU-MUC --name "Phường …" --code 00000 --domain ten-mien.gov.vn',
              file=sys.stderr)
        sys.exit(1)
    if len(argv) > 2 and argv[2] in ("--help", "-h"):  # `trangtin new-site --help`, as people type it
        argv = [argv[0], "--help", argv[1], *argv[3:]]
    program = Program(namespace=collection(folder), name="trangtin", binary="trangtin", version=__version__)
    program.run(argv)


if __name__ == "__main__":
    main()
