"""Fetch and unpack one npm package for the ``vendor_*.py`` scripts (stdlib only).

The vendoring scripts copy files from published npm packages into the
repository. They all do it the same way, kept here:

* ``npm_pack`` runs ``npm pack name@version`` in a fresh folder, so the bytes
  are exactly the registry's, checked against its integrity hash by npm;
* ``extract`` unpacks the tarball with tarfile's "data" filter (no absolute
  paths, "..", links out of the folder or special files) and returns the
  ``package/`` folder;
* ``check_package`` makes sure that folder holds the name, version and licence
  asked for, and returns its ``package.json``;
* ``copy_files`` copies the listed files into the target folder and writes
  ``VERSION``.

Every failure ends the script with ``sys.exit("error: ...")``. The scripts are
run as ``python scripts/vendor_x.py``, so this folder is on ``sys.path`` and
they import it as ``from npm_package import ...``.
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

# Plain semver only: the value goes into an npm package spec.
VERSION_RE = re.compile(r"^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$")


def npm_pack(spec: str, workdir: Path) -> Path:
    """Download ``spec`` (``name@version``) as a tarball into ``workdir``; return its path.

    ``workdir`` must be a fresh, empty folder: the one ``.tgz`` in it afterwards
    is taken to be the package.
    """
    npm = shutil.which("npm")
    if npm is None:
        sys.exit("error: npm is not on PATH (Debian: apt-get install -y npm)")
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


def check_package(package_dir: Path, name: str, version: str, licences: set[str]) -> dict:
    """Make sure the package is ``name@version`` under one of ``licences``; return package.json."""
    meta = json.loads((package_dir / "package.json").read_text(encoding="utf-8"))
    if meta.get("name") != name or meta.get("version") != version:
        sys.exit(
            f"error: tarball holds {meta.get('name')}@{meta.get('version')}, "
            f"expected {name}@{version}"
        )
    if meta.get("license") not in licences:
        sys.exit(f"error: licence changed to {meta.get('license')!r}; review before vendoring")
    return meta


def copy_files(package_dir: Path, files: dict[str, str], dest: Path, name: str, version: str) -> list[Path]:
    """Copy ``files`` (path in the package -> name in ``dest``) and write VERSION; return the written paths."""
    missing = [src for src in files if not (package_dir / src).is_file()]
    if missing:
        sys.exit(f"error: files missing from {name}@{version}: {', '.join(missing)}")
    dest.mkdir(parents=True, exist_ok=True)
    written = []
    for src, target in files.items():
        shutil.copyfile(package_dir / src, dest / target)
        written.append(dest / target)
    (dest / "VERSION").write_text(f"{version}\n", encoding="utf-8")
    written.append(dest / "VERSION")
    return written


def show(path: Path, root: Path) -> str:
    """``path`` relative to ``root`` when it is inside it, else as given (for messages)."""
    try:
        return str(path.relative_to(root))
    except ValueError:
        return str(path)


def vendor_files(argv: list[str] | None, *, doc: str, package: str, default_version: str,
                 files: dict[str, str], dest: Path, licences: set[str], root: Path) -> int:
    """The whole command line of a script that copies a few files of one npm package."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("--version", default=default_version,
                        help=f"{package} version on npm (default {default_version})")
    parser.add_argument("--dest", type=Path, default=dest,
                        help=f"target folder (default {show(dest, root)}/)")
    args = parser.parse_args(argv)
    if not VERSION_RE.match(args.version):
        parser.error(f"not a plain version number: {args.version!r}")
    with tempfile.TemporaryDirectory(prefix=f"vendor-{package.replace('/', '-').lstrip('@')}-") as tmp:
        workdir = Path(tmp)
        unpacked = extract(npm_pack(f"{package}@{args.version}", workdir), workdir)
        check_package(unpacked, package, args.version, licences)
        written = copy_files(unpacked, files, args.dest, package, args.version)
    for path in written:
        print(f"wrote {show(path, root)} ({path.stat().st_size} bytes)")
    print(f"vendored {package}@{args.version}")
    return 0
