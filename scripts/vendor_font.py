"""Vendor a Vietnamese subset of Inter (SIL OFL 1.1) into ``theme/static/fonts/inter/``.

The site is read in Vietnamese, whose letters stack up to two diacritics
(``Ệ``, ``Ậ``, ``Ữ``). System fonts render them unevenly, and web-font CDNs are
not an option for a government portal (privacy, availability), so the theme
self-hosts one font file. Inter is used because its variable build covers the
whole Vietnamese range with hand-placed mark anchors, and because it is
published on npm in full (not pre-split per unicode-range like the
``@fontsource`` packages, whose subset files cannot be merged back easily).

This script fetches the ``inter-ui`` package with ``npm pack`` (so the source
is exactly the one on the registry, checked against its integrity hash by npm),
unpacks it in a temporary folder and, with fontTools:

* subsets ``variable/InterVariable.woff2`` to the characters in ``RANGES``
  (Basic Latin, the Vietnamese letters and tone marks, typographic punctuation
  and the dong sign), keeping only the layout features Vietnamese needs
  (``ccmp``, ``locl``, ``mark``, ``mkmk``, ``kern``) and dropping hinting;
* pins the optical-size axis (``opsz``) at its text default, 14, and keeps the
  weight axis (``wght``, 400..700 by default: body text and bold; ``--wght 100:900`` keeps it all);
* keeps the font's own vertical metrics, so stacked marks are not clipped;
* checks that every kept character is in the result and that it is no larger
  than ``--max-bytes`` (60 KiB).

It writes into the target folder:

* ``InterVariable-vi.woff2`` - the font;
* ``LICENSE.txt`` - the SIL Open Font License, which must travel with it;
* ``README.txt`` - package and version, axis, size, kept ranges and the
  ``@font-face`` rule to use.

The output is deterministic: running the script twice gives byte-identical
files. Files already in the target folder that are not listed are left alone.
The npm download, safe unpacking and package checks are shared with the
other ``vendor_*.py`` scripts in ``scripts/npm_package.py``.

Usage (needs ``npm`` on PATH, and fontTools with brotli:
``pip install fonttools brotli``)::

    python scripts/vendor_font.py                    # inter-ui 4.1.1, wght 400..700
    python scripts/vendor_font.py --wght 100:900     # the whole weight axis
    python scripts/vendor_font.py --verify-only      # re-check the vendored file
"""

from __future__ import annotations

import argparse
import hashlib
import io
import re
import shutil
import sys
import tempfile
from pathlib import Path

from npm_package import VERSION_RE, check_package, extract, npm_pack, show

DEFAULT_VERSION = "4.1.1"
PACKAGE = "inter-ui"
FAMILY = "Inter"
CSS_FAMILY = "Inter VN"
ROOT = Path(__file__).resolve().parent.parent
DEST = ROOT / "theme" / "static" / "fonts" / "inter"

# Paths inside the npm tarball (below its "package/" folder).
SOURCE_FONT = "variable/InterVariable.woff2"
SOURCE_LICENSE = "LICENSE.txt"
# Names written in DEST.
FONT_NAME = "InterVariable-vi.woff2"
LICENSE_NAME = "LICENSE.txt"
README_NAME = "README.txt"

DEFAULT_MAX_BYTES = 61440  # 60 KiB
OPSZ = 14  # Inter's text optical size (its default)

# Characters kept, as (first, last) code points. The same list becomes the
# CSS unicode-range, so the browser only uses this file for these characters.
RANGES: list[tuple[int, int]] = [
    (0x0020, 0x007E),  # Basic Latin
    (0x00A0, 0x00A0),  # no-break space
    (0x00A9, 0x00A9),  # ©
    (0x00AB, 0x00AB),  # «
    (0x00B0, 0x00B0),  # °
    (0x00B7, 0x00B7),  # ·
    (0x00BB, 0x00BB),  # »
    (0x00C0, 0x00C3),  # À Á Â Ã
    (0x00C8, 0x00CA),  # È É Ê
    (0x00CC, 0x00CD),  # Ì Í
    (0x00D2, 0x00D5),  # Ò Ó Ô Õ
    (0x00D9, 0x00DA),  # Ù Ú
    (0x00DD, 0x00DD),  # Ý
    (0x00E0, 0x00E3),  # à á â ã
    (0x00E8, 0x00EA),  # è é ê
    (0x00EC, 0x00ED),  # ì í
    (0x00F2, 0x00F5),  # ò ó ô õ
    (0x00F9, 0x00FA),  # ù ú
    (0x00FD, 0x00FD),  # ý
    (0x0102, 0x0103),  # Ă ă
    (0x0110, 0x0111),  # Đ đ
    (0x0128, 0x0129),  # Ĩ ĩ
    (0x0168, 0x0169),  # Ũ ũ
    (0x01A0, 0x01A1),  # Ơ ơ
    (0x01AF, 0x01B0),  # Ư ư
    (0x0300, 0x0303),  # combining grave, acute, circumflex, tilde
    (0x0306, 0x0306),  # combining breve
    (0x0309, 0x0309),  # combining hook above
    (0x031B, 0x031B),  # combining horn
    (0x0323, 0x0323),  # combining dot below
    (0x1EA0, 0x1EF9),  # Latin Extended Additional: Ạ .. ỹ
    (0x2013, 0x2014),  # – —
    (0x2018, 0x2019),  # ‘ ’
    (0x201C, 0x201D),  # “ ”
    (0x2022, 0x2022),  # •
    (0x2026, 0x2026),  # …
    (0x2039, 0x203A),  # ‹ ›
    (0x20AB, 0x20AB),  # ₫
]

LAYOUT_FEATURES = ["ccmp", "locl", "mark", "mkmk", "kern"]
# Names kept: the usual family/style/version ones plus the licence pointers.
NAME_IDS = [0, 1, 2, 3, 4, 5, 6, 13, 14]

# Glyphs whose outline extremes tell how much line-height stacked marks need.
PROBES = [("\u1ec6", "yMax"), ("\u1eaa", "yMax"), ("\u1eb6", "yMin")]  # Ệ Ẫ Ặ

WGHT_RE = re.compile(r"^(\d{3}):(\d{3})$")


def require_fonttools():
    """Import fontTools (with brotli for WOFF2) or exit with how to install it."""
    try:
        import brotli  # noqa: F401  (fontTools needs it to read/write WOFF2)
        from fontTools import subset
        from fontTools.pens.boundsPen import BoundsPen
        from fontTools.ttLib import TTFont
        from fontTools.varLib import instancer
    except ImportError as exc:
        print(
            f"error: this script needs fontTools and brotli ({exc}).\n"
            "Install them, e.g. in a throwaway virtualenv:\n"
            "    python3 -m venv /tmp/fontvenv\n"
            "    /tmp/fontvenv/bin/pip install fonttools brotli\n"
            "    /tmp/fontvenv/bin/python scripts/vendor_font.py\n"
            "or simply: pip install fonttools brotli",
            file=sys.stderr,
        )
        raise SystemExit(1) from None
    return subset, BoundsPen, TTFont, instancer


def codepoints() -> list[int]:
    """Every code point in RANGES, sorted."""
    return sorted({cp for first, last in RANGES for cp in range(first, last + 1)})


def unicode_range() -> str:
    """RANGES as a CSS unicode-range value."""
    parts = []
    for first, last in sorted(RANGES):
        parts.append(f"U+{first:04X}" if first == last else f"U+{first:04X}-{last:04X}")
    return ", ".join(parts)


def css_rule(wght: tuple[int, int]) -> str:
    """The @font-face rule for the vendored file."""
    return (
        "@font-face {\n"
        f'  font-family: "{CSS_FAMILY}";\n'
        "  font-style: normal;\n"
        f"  font-weight: {wght[0]} {wght[1]};\n"
        "  font-display: swap;\n"
        f'  src: url("../fonts/inter/{FONT_NAME}") format("woff2");\n'
        f"  unicode-range: {unicode_range()};\n"
        "}\n"
    )


def check_sources(package: Path, version: str) -> None:
    """Make sure the package is the one expected and holds the font and its OFL licence."""
    check_package(package, PACKAGE, version, {"OFL-1.1"})
    missing = [p for p in (SOURCE_FONT, SOURCE_LICENSE) if not (package / p).is_file()]
    if missing:
        sys.exit(f"error: files missing from {PACKAGE}@{version}: {', '.join(missing)}")
    licence = (package / SOURCE_LICENSE).read_text(encoding="utf-8")
    if "SIL Open Font License, Version 1.1" not in licence:
        sys.exit(f"error: {SOURCE_LICENSE} is no longer the SIL OFL 1.1; review before vendoring")


def build_font(source: Path, wght: tuple[int, int]) -> bytes:
    """Subset and instance the variable font; return the WOFF2 bytes."""
    subset, _, TTFont, instancer = require_fonttools()
    # recalcTimestamp=False keeps head.modified from the source: deterministic output.
    font = TTFont(source, recalcTimestamp=False)
    axes = {a.axisTag: (a.minValue, a.maxValue) for a in font["fvar"].axes}
    if "wght" not in axes:
        sys.exit(f"error: {SOURCE_FONT} has no wght axis")
    lo, hi = axes["wght"]
    if not (lo <= wght[0] < wght[1] <= hi):
        sys.exit(f"error: --wght {wght[0]}:{wght[1]} is outside the font's axis {lo:g}..{hi:g}")

    options = subset.Options()
    options.layout_features = list(LAYOUT_FEATURES)
    options.hinting = False
    options.name_IDs = list(NAME_IDS)
    options.name_languages = [0x409]  # English (US) names only
    options.notdef_outline = True
    options.glyph_names = False
    options.recalc_timestamp = False
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=codepoints())
    subsetter.subset(font)

    limits: dict[str, object] = {"wght": wght if (wght[0], wght[1]) != (lo, hi) else None}
    if "opsz" in axes:
        limits["opsz"] = OPSZ
    limits = {tag: value for tag, value in limits.items() if value is not None}
    if limits:
        font = instancer.instantiateVariableFont(font, limits)
    font.recalcTimestamp = False
    font.flavor = "woff2"
    buffer = io.BytesIO()
    font.save(buffer)
    return buffer.getvalue()


def inspect(font_bytes: bytes) -> dict:
    """Check coverage and read the facts the theme needs; exit 1 on missing characters."""
    _, BoundsPen, TTFont, _ = require_fonttools()
    font = TTFont(io.BytesIO(font_bytes), recalcTimestamp=False)
    cmap = font.getBestCmap()
    missing = [cp for cp in codepoints() if cp not in cmap]
    if missing:
        for cp in missing:
            print(f"missing: U+{cp:04X} {chr(cp)!r}", file=sys.stderr)
        sys.exit(f"error: {len(missing)} characters are not in the font")
    axes = {a.axisTag: (a.minValue, a.defaultValue, a.maxValue) for a in font["fvar"].axes} if "fvar" in font else {}
    hhea, os2, head = font["hhea"], font["OS/2"], font["head"]
    facts = {
        "family": font["name"].getDebugName(1),
        "version": font["name"].getDebugName(5),
        "axes": axes,
        "glyphs": len(font.getGlyphOrder()),
        "codepoints": len(codepoints()),
        "size": len(font_bytes),
        "sha256": hashlib.sha256(font_bytes).hexdigest(),
        "metrics": {
            "unitsPerEm": head.unitsPerEm,
            "hhea.ascender": hhea.ascent,
            "hhea.descender": hhea.descent,
            "hhea.lineGap": hhea.lineGap,
            "OS/2.sTypoAscender": os2.sTypoAscender,
            "OS/2.sTypoDescender": os2.sTypoDescender,
            "OS/2.sTypoLineGap": os2.sTypoLineGap,
            "OS/2.usWinAscent": os2.usWinAscent,
            "OS/2.usWinDescent": os2.usWinDescent,
            "OS/2.fsSelection.USE_TYPO_METRICS": bool(os2.fsSelection & (1 << 7)),
        },
        "probes": [],
    }
    weights = sorted({axes["wght"][0], axes["wght"][2]} | {400, 700}) if "wght" in axes else [None]
    weights = [w for w in weights if w is None or axes["wght"][0] <= w <= axes["wght"][2]]
    for char, extreme in PROBES:
        name = cmap[ord(char)]
        values = {}
        for w in weights:
            glyphset = font.getGlyphSet(location={"wght": w} if w is not None else None)
            pen = BoundsPen(glyphset)
            glyphset[name].draw(pen)
            values[w] = pen.bounds[3] if extreme == "yMax" else pen.bounds[1]
        facts["probes"].append((char, f"U+{ord(char):04X}", extreme, values))
    return facts


def report(facts: dict) -> str:
    """Facts as readable lines (printed, and kept in README.txt)."""
    lines = [f"family name: {facts['family']} ({facts['version']})"]
    for tag, (lo, default, hi) in facts["axes"].items():
        lines.append(f"axis {tag}: {lo:g}..{hi:g} (default {default:g})")
    lines.append(f"glyphs: {facts['glyphs']}, characters kept: {facts['codepoints']} (all present)")
    lines.append(f"size: {facts['size']} bytes, sha256 {facts['sha256']}")
    lines.append("vertical metrics (font units):")
    for key, value in facts["metrics"].items():
        lines.append(f"  {key}: {value}")
    upm = facts["metrics"]["unitsPerEm"]
    lines.append("outline extremes of stacked-mark letters (font units; em fraction):")
    for char, code, extreme, values in facts["probes"]:
        shown = ", ".join(
            f"{'wght ' + format(w, 'g') if w is not None else 'default'} {v:g} ({v / upm:.3f} em)"
            for w, v in values.items()
        )
        lines.append(f"  {char} {code} {extreme}: {shown}")
    return "\n".join(lines)


def readme(version: str, wght: tuple[int, int], facts: dict) -> str:
    """The README.txt written beside the font."""
    return (
        f"{FAMILY} (variable), Vietnamese subset\n"
        f"{'=' * (len(FAMILY) + 31)}\n\n"
        f"Font file: {FONT_NAME}\n"
        f"Source: npm package {PACKAGE}@{version}, file {SOURCE_FONT}\n"
        "Licence: SIL Open Font License 1.1, see LICENSE.txt (copied from the package)\n"
        f"Made by: scripts/vendor_font.py --version {version} --wght {wght[0]}:{wght[1]}\n"
        f"Changes: subset to the ranges below, opsz pinned at {OPSZ}, wght kept {wght[0]}..{wght[1]},\n"
        f"  layout features kept: {', '.join(LAYOUT_FEATURES)}; no hinting.\n\n"
        f"Unicode ranges kept:\n  {unicode_range()}\n\n"
        f"{report(facts)}\n\n"
        f"CSS:\n{css_rule(wght)}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--version",
        default=DEFAULT_VERSION,
        help=f"{PACKAGE} version on npm (default {DEFAULT_VERSION})",
    )
    parser.add_argument(
        "--wght",
        default="400:700",
        help="weight axis range to keep, MIN:MAX (default 400:700; 100:900 is the full axis)",
    )
    parser.add_argument(
        "--max-bytes",
        type=int,
        default=DEFAULT_MAX_BYTES,
        help=f"fail if the WOFF2 is larger than this (default {DEFAULT_MAX_BYTES})",
    )
    parser.add_argument(
        "--dest",
        type=Path,
        default=DEST,
        help="target folder (default theme/static/fonts/inter/)",
    )
    parser.add_argument(
        "--verify-only",
        action="store_true",
        help="do not download: check coverage of the vendored font and print its metrics",
    )
    args = parser.parse_args(argv)
    if not VERSION_RE.match(args.version):
        parser.error(f"not a plain version number: {args.version!r}")
    match = WGHT_RE.match(args.wght)
    if not match or int(match[1]) >= int(match[2]):
        parser.error(f"--wght must be MIN:MAX with MIN < MAX, e.g. 400:700, not {args.wght!r}")
    wght = (int(match[1]), int(match[2]))
    require_fonttools()

    font_path = args.dest / FONT_NAME
    if args.verify_only:
        if not font_path.is_file():
            sys.exit(f"error: {show(font_path, ROOT)} does not exist; run without --verify-only")
        data = font_path.read_bytes()
        print(report(inspect(data)))
        if len(data) > args.max_bytes:
            sys.exit(f"error: {len(data)} bytes is over the limit of {args.max_bytes}")
        return 0

    with tempfile.TemporaryDirectory(prefix="vendor-font-") as tmp:
        workdir = Path(tmp)
        tarball = npm_pack(f"{PACKAGE}@{args.version}", workdir)
        package = extract(tarball, workdir)
        check_sources(package, args.version)
        data = build_font(package / SOURCE_FONT, wght)
        facts = inspect(data)
        if len(data) > args.max_bytes:
            sys.exit(
                f"error: the font is {len(data)} bytes, over the limit of {args.max_bytes}; "
                "try a narrower --wght (e.g. 400:700)"
            )
        args.dest.mkdir(parents=True, exist_ok=True)
        font_path.write_bytes(data)
        shutil.copyfile(package / SOURCE_LICENSE, args.dest / LICENSE_NAME)
        (args.dest / README_NAME).write_text(readme(args.version, wght, facts), encoding="utf-8")

    print(report(facts))
    for name in (FONT_NAME, LICENSE_NAME, README_NAME):
        path = args.dest / name
        print(f"wrote {show(path, ROOT)} ({path.stat().st_size} bytes)")
    print(f"vendored {PACKAGE}@{args.version} ({FAMILY}, wght {wght[0]}..{wght[1]})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
