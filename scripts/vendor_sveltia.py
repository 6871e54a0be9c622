"""Vendor Sveltia CMS (MIT) and its three fonts (OFL-1.1) into
``plugins/news_admin/static/sveltia-cms/``.

The browser editor at ``/quan-tri/`` is Sveltia CMS, served from the site
itself, never from a CDN. This script fetches the published npm packages with
``npm pack`` (so the files are exactly those on the registry, checked against
the registry's integrity hash by npm), unpacks them in a temporary folder, and
copies:

* ``sveltia-cms.js`` - the whole editor, one script, with two changes, so
  that it loads nothing from another host:

  - its stylesheet loads its fonts (Source Sans 3, Noto Mono, Material Symbols
    Outlined) from cdn.jsdelivr.net; each address is replaced by the same
    file, copied from the font's own npm package (@fontsource) into ``fonts/``;
  - it imports a few libraries on demand from unpkg.com; that base is replaced
    by ``./modules/`` (beside the script). The one library our editor needs,
    Immutable.js (the event hooks admin.js uses to check captions before a
    save), is copied there from its npm package at the version the bundle
    names; the others (maps, code highlighting, SVG optimisation, Safari's
    WebP encoder) are features we do not configure and stay absent.

  The script stops if an address is not found exactly where expected, or if
  any cdn.jsdelivr.net or on-demand unpkg.com address is left;
* ``vi.json`` and ``en-US.json`` - its interface strings, which the script
  fetches from unpkg.com (``news_admin/static/admin-pre.js`` answers those
  requests from this folder);
* ``LICENSE.txt`` and ``fonts/LICENSE-*.txt`` - the licences, which must
  travel with the code;

and writes ``VERSION`` with the version copied. Bump ``DEFAULT_VERSION``
and run the browser tests (tests/test_admin_browser.py) after a refresh.

Usage (stdlib only, needs ``npm`` on PATH)::

    python scripts/vendor_sveltia.py                    # @sveltia/cms 0.221.1
    python scripts/vendor_sveltia.py --version 0.221.1
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
import tempfile
from pathlib import Path

from npm_package import VERSION_RE, check_package, copy_files, extract, npm_pack, show

DEFAULT_VERSION = "0.221.1"
PACKAGE = "@sveltia/cms"
ROOT = Path(__file__).resolve().parent.parent
DEST = ROOT / "plugins" / "news_admin" / "static" / "sveltia-cms"

# Path inside the npm tarball (below its "package/" folder) -> name in DEST.
FILES = {
    "dist/sveltia-cms.js": "sveltia-cms.js",
    "locales/vi.json": "vi.json",
    "locales/en-US.json": "en-US.json",
    "LICENSE.txt": "LICENSE.txt",
}
MODULE_BASES = ("`https://unpkg.com/${", "`https://unpkg.com/@shikijs`", "`https://unpkg.com/@sveltia/ui`")
MODULES = {"immutable": "dist/immutable.es.js"}  # npm package -> file the bundle imports
FONT_URL = re.compile(
    r"https://cdn\.jsdelivr\.net/fontsource/fonts/(?P<name>[a-z0-9-]+)(?P<variable>:vf)?@(?P<version>[0-9.]+)/(?P<file>[a-z0-9-]+\.woff2)"
)


def vendor_font(match: re.Match, workdir: Path, dest: Path) -> str:
    """Copy the font file an address names from its npm package; return its new, relative address."""
    name, version = match["name"], match["version"]
    package = f"@fontsource{'-variable' if match['variable'] else ''}/{name}"
    folder = workdir / f"font-{name}"
    folder.mkdir()
    unpacked = extract(npm_pack(f"{package}@{version}", folder), folder)
    check_package(unpacked, package, version, {"OFL-1.1"})
    source = unpacked / "files" / f"{name}-{match['file']}"
    if not source.is_file():
        sys.exit(f"error: {package}@{version} has no {source.name}")
    fonts = dest / "fonts"
    fonts.mkdir(exist_ok=True)
    shutil.copyfile(source, fonts / source.name)
    shutil.copyfile(unpacked / "LICENSE", fonts / f"LICENSE-{name}.txt")
    print(f"wrote {show(fonts / source.name, ROOT)} ({package}@{version})")
    return f"sveltia-cms/fonts/{source.name}"  # resolved against /quan-tri/, the page's folder


def vendor_module(name: str, path: str, text: str, workdir: Path, dest: Path) -> None:
    """Copy the file the bundle imports from `name` at the version its package.json pins."""
    found = re.search(rf'(?:"{re.escape(name)}"|\b{re.escape(name)}):`\^?([0-9.]+)`', text)
    if not found:
        sys.exit(f"error: sveltia-cms.js no longer names a version of {name}: review the bundle")
    version = found.group(1)
    folder = workdir / f"module-{name}"
    folder.mkdir()
    unpacked = extract(npm_pack(f"{name}@{version}", folder), folder)
    check_package(unpacked, name, version, {"MIT"})
    target = dest / "modules" / f"{name}@{version}" / path
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(unpacked / path, target)
    shutil.copyfile(unpacked / "LICENSE", target.parent.parent / "LICENSE")
    print(f"wrote {show(target, ROOT)} ({name}@{version})")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--version", default=DEFAULT_VERSION, help=f"{PACKAGE} version on npm (default {DEFAULT_VERSION})")
    args = parser.parse_args(argv)
    if not VERSION_RE.match(args.version):
        parser.error(f"not a plain version number: {args.version!r}")
    with tempfile.TemporaryDirectory(prefix="vendor-sveltia-") as tmp:
        workdir = Path(tmp)
        unpacked = extract(npm_pack(f"{PACKAGE}@{args.version}", workdir), workdir)
        check_package(unpacked, PACKAGE, args.version, {"MIT"})
        for folder in ("fonts", "modules"):
            if (DEST / folder).is_dir():
                shutil.rmtree(DEST / folder)
        written = copy_files(unpacked, FILES, DEST, PACKAGE, args.version)
        script = DEST / "sveltia-cms.js"
        text = script.read_text(encoding="utf-8")
        urls = sorted(set(m.group(0) for m in FONT_URL.finditer(text)))
        if len(urls) != 3:
            sys.exit(f"error: expected the 3 font addresses of Sveltia's stylesheet, found {len(urls)}: review the bundle")
        for url in urls:
            text = text.replace(url, vendor_font(FONT_URL.fullmatch(url), workdir, DEST))
        if "cdn.jsdelivr.net" in text:
            sys.exit("error: sveltia-cms.js still names cdn.jsdelivr.net: review the bundle")
        for base in MODULE_BASES:
            if text.count(base) != 1:
                sys.exit(f"error: expected {base} once in sveltia-cms.js, found {text.count(base)}: review the bundle")
            text = text.replace(base, base.replace("https://unpkg.com/", "./modules/"))
        for name, path in MODULES.items():
            vendor_module(name, path, text, workdir, DEST)
        script.write_text(text, encoding="utf-8", newline="")
    for path in written:
        print(f"wrote {show(path, ROOT)} ({path.stat().st_size} bytes)")
    print(f"vendored {PACKAGE}@{args.version}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
