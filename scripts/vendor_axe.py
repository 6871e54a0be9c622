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

import argparse
import tempfile
from pathlib import Path

from npm_package import VERSION_RE, check_package, copy_files, extract, npm_pack, show

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
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--version",
        default=DEFAULT_VERSION,
        help=f"axe-core version on npm (default {DEFAULT_VERSION})",
    )
    parser.add_argument(
        "--dest",
        type=Path,
        default=DEST,
        help="target folder (default tests/vendor/axe-core/)",
    )
    args = parser.parse_args(argv)
    if not VERSION_RE.match(args.version):
        parser.error(f"not a plain version number: {args.version!r}")

    with tempfile.TemporaryDirectory(prefix="vendor-axe-") as tmp:
        workdir = Path(tmp)
        tarball = npm_pack(f"{PACKAGE}@{args.version}", workdir)
        package = extract(tarball, workdir)
        check_package(package, PACKAGE, args.version, {"MPL-2.0"})
        written = copy_files(package, FILES, args.dest, PACKAGE, args.version)

    for path in written:
        print(f"wrote {show(path, ROOT)} ({path.stat().st_size} bytes)")
    print(f"vendored {PACKAGE}@{args.version}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
