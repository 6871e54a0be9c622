"""ASCII slugs and tone-mark folding of Vietnamese text, identical for NFC and NFD input."""

import re
import unicodedata

MAX_LENGTH = 80

_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def unmark(text: str, form: str = "NFKD") -> str:
    """Tone marks and other diacritics removed, đ and Đ as d and D: 'Đống Đa' -> 'Dong Da'.

    `form` decomposes first: NFKD also unfolds compatibility characters ('ﬁ' -> 'fi');
    NFD does not, as the search page's fold() in search.js does not."""
    decomposed = unicodedata.normalize(form, text.replace("Đ", "D").replace("đ", "d"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def to_ascii(text: str) -> str:
    """Drop Vietnamese diacritics: 'Đống Đa' -> 'Dong Da'."""
    return unmark(text).encode("ascii", "ignore").decode("ascii")


def slugify(text: str, max_length: int = MAX_LENGTH) -> str:
    """Lower-case ASCII words joined by hyphens, cut on a word boundary.

    >>> slugify("Quận Đống Đa")
    'quan-dong-da'
    """
    slug = _NON_ALNUM.sub("-", to_ascii(text).lower()).strip("-")
    if len(slug) <= max_length:
        return slug
    cut = slug[: max_length + 1]
    if cut.endswith("-"):
        return cut.rstrip("-")
    head = cut.rsplit("-", 1)[0]
    # A single word longer than the cap is cut mid-word rather than lost.
    return head if "-" in cut else slug[:max_length]


def fold(text: str) -> str:
    """A key for loose matching: NFC, case-folded, single spaces."""
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def heading_key(text: str) -> str:
    """A key that ignores case, marks and spacing: 'Số lượt xem trang ' -> 'so luot xem trang'."""
    return " ".join(unmark(text).casefold().split())
