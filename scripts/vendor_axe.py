"""Vendor axe-core (MPL-2.0) into ``tests/vendor/axe-core/``.

The browser tests inject axe-core into Chromium to check the built pages for
accessibility problems (contrast, labels, landmarks, heading order...). The
tests must run offline and give the same answer every time, so the engine is
kept in the repository instead of being fetched from a CDN. This script fetches
the published npm package with ``npm pack`` (so the files are exactly those on
the registry, checked against the registry's integrity hash by npm), unpacks it
in a temporary folder, and copies:

* ``axe.min.js`` - the engine, injected into the page under test;
* ``LICENSE`` - the Mozilla Public License 2.0, which must travel with the code;

and writes ``VERSION`` with the version copied. Files already in the target
folder that are not in this list are left alone.

Usage (stdlib only, needs ``npm`` on PATH)::

    python scripts/vendor_axe.py                   # axe-core 4.14.1
    python scripts/vendor_axe.py --version 4.14.1
"""

from __future__ import annotations

from pathlib import Path

from npm_package import vendor_files

DEFAULT_VERSION = "4.14.1"
PACKAGE = "axe-core"
ROOT = Path(__file__).resolve().parent.parent
DEST = ROOT / "tests" / "vendor" / "axe-core"

# Path inside the npm tarball (below its "package/" folder) -> name in DEST.
FILES = {
    "axe.min.js": "axe.min.js",
    "LICENSE": "LICENSE",
}


def main(argv: list[str] | None = None) -> int:
    return vendor_files(argv, doc=__doc__, package=PACKAGE, default_version=DEFAULT_VERSION,
                        files=FILES, dest=DEST, licences={"MPL-2.0"}, root=ROOT)


if __name__ == "__main__":
    raise SystemExit(main())
