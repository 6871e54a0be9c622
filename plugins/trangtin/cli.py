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


def main(argv: list[str] | None = None) -> None:
    program = Program(namespace=collection(site_folder(os.getcwd())), name="trangtin",
                      binary="trangtin", version=__version__)
    program.run(argv if argv is not None else sys.argv)


if __name__ == "__main__":
    main()
