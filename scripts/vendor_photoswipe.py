"""Vendor PhotoSwipe 5 (MIT) into ``theme/static/vendor/photoswipe/``.

The lightbox of photo galleries (``theme/static/js/gallery.js``) imports
PhotoSwipe's ES modules directly, without a bundler. This script fetches the
published npm package with ``npm pack`` (so the files are exactly those on the
registry, checked against the registry's integrity hash by npm), unpacks it in
a temporary folder, and copies the few files the site serves:

* ``dist/photoswipe-lightbox.esm.min.js`` - the small loader, loaded on every
  gallery page;
* ``dist/photoswipe.esm.min.js`` - the lightbox core, imported on first open;
* ``dist/photoswipe.css`` - the lightbox styles;
* ``LICENSE`` - the MIT licence, which must travel with the code;

and writes ``VERSION`` with the version copied. Files already in the target
folder that are not in this list are left alone.
The npm download, safe unpacking and package checks are shared with the
other ``vendor_*.py`` scripts in ``scripts/npm_package.py``.

Usage (stdlib only, needs ``npm`` on PATH)::

    python scripts/vendor_photoswipe.py                  # PhotoSwipe 5.4.4
    python scripts/vendor_photoswipe.py --version 5.4.4
"""

from __future__ import annotations

from pathlib import Path

from npm_package import vendor_files

DEFAULT_VERSION = "5.4.4"
PACKAGE = "photoswipe"
ROOT = Path(__file__).resolve().parent.parent
DEST = ROOT / "theme" / "static" / "vendor" / "photoswipe"

# Path inside the npm tarball (below its "package/" folder) -> name in DEST.
FILES = {
    "dist/photoswipe-lightbox.esm.min.js": "photoswipe-lightbox.esm.min.js",
    "dist/photoswipe.esm.min.js": "photoswipe.esm.min.js",
    "dist/photoswipe.css": "photoswipe.css",
    "LICENSE": "LICENSE",
}

def main(argv: list[str] | None = None) -> int:
    return vendor_files(argv, doc=__doc__, package=PACKAGE, default_version=DEFAULT_VERSION,
                        files=FILES, dest=DEST, licences={"MIT"}, root=ROOT)


if __name__ == "__main__":
    raise SystemExit(main())
