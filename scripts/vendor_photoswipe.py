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

Usage (stdlib only, needs ``npm`` on PATH)::

    python scripts/vendor_photoswipe.py                  # PhotoSwipe 5.4.4
    python scripts/vendor_photoswipe.py --version 5.4.4
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

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

# Plain semver only: the value goes into an npm package spec.
VERSION_RE = re.compile(r"^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$")


def npm_pack(version: str, workdir: Path) -> Path:
    """Download ``photoswipe@version`` as a tarball into ``workdir``; return its path."""
    npm = shutil.which("npm")
    if npm is None:
        sys.exit("error: npm is not on PATH (Debian: apt-get install -y npm)")
    spec = f"{PACKAGE}@{version}"
    result = subprocess.run(
        [npm, "pack", spec, "--loglevel=error", "--pack-destination", str(workdir)],
        cwd=workdir,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        sys.exit(f"error: `npm pack {spec}` failed:\n{result.stderr.strip()}")
    # The work folder is fresh, so the one .tgz in it is the package.
    tarballs = sorted(workdir.glob("*.tgz"))
    if len(tarballs) != 1:
        sys.exit(f"error: could not find the tarball made by `npm pack {spec}`")
    return tarballs[0]


def extract(tarball: Path, workdir: Path) -> Path:
    """Unpack the tarball safely into ``workdir/unpacked``; return its package folder."""
    target = workdir / "unpacked"
    target.mkdir()
    with tarfile.open(tarball, "r:gz") as tar:
        # The "data" filter refuses absolute paths, "..", links out of the
        # folder and special files (Python 3.11.4+ / 3.12).
        if hasattr(tarfile, "data_filter"):
            tar.extractall(target, filter="data")
        else:  # pragma: no cover - older 3.11 patch releases
            for member in tar.getmembers():
                path = (target / member.name).resolve()
                if not path.is_relative_to(target.resolve()) or not (member.isfile() or member.isdir()):
                    sys.exit(f"error: refusing unsafe tar member {member.name!r}")
            tar.extractall(target)
    package = target / "package"
    if not package.is_dir():
        sys.exit("error: unexpected tarball layout (no package/ folder)")
    return package


def check_version(package: Path, version: str) -> None:
    """Make sure the tarball holds the package and version that were asked for."""
    meta = json.loads((package / "package.json").read_text(encoding="utf-8"))
    if meta.get("name") != PACKAGE or meta.get("version") != version:
        sys.exit(
            f"error: tarball holds {meta.get('name')}@{meta.get('version')}, "
            f"expected {PACKAGE}@{version}"
        )
    if meta.get("license") != "MIT":
        sys.exit(f"error: licence changed to {meta.get('license')!r}; review before vendoring")


def copy_files(package: Path, dest: Path, version: str) -> list[Path]:
    """Copy the listed files into ``dest`` and write VERSION; return the written paths."""
    missing = [src for src in FILES if not (package / src).is_file()]
    if missing:
        sys.exit(f"error: files missing from {PACKAGE}@{version}: {', '.join(missing)}")
    dest.mkdir(parents=True, exist_ok=True)
    written = []
    for src, name in FILES.items():
        shutil.copyfile(package / src, dest / name)
        written.append(dest / name)
    (dest / "VERSION").write_text(f"{version}\n", encoding="utf-8")
    written.append(dest / "VERSION")
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--version",
        default=DEFAULT_VERSION,
        help=f"PhotoSwipe version on npm (default {DEFAULT_VERSION})",
    )
    parser.add_argument(
        "--dest",
        type=Path,
        default=DEST,
        help="target folder (default theme/static/vendor/photoswipe/)",
    )
    args = parser.parse_args(argv)
    if not VERSION_RE.match(args.version):
        parser.error(f"not a plain version number: {args.version!r}")

    with tempfile.TemporaryDirectory(prefix="vendor-photoswipe-") as tmp:
        workdir = Path(tmp)
        tarball = npm_pack(args.version, workdir)
        package = extract(tarball, workdir)
        check_version(package, args.version)
        written = copy_files(package, args.dest, args.version)

    for path in written:
        try:
            shown = path.relative_to(ROOT)
        except ValueError:
            shown = path
        print(f"wrote {shown} ({path.stat().st_size} bytes)")
    print(f"vendored {PACKAGE}@{args.version}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
