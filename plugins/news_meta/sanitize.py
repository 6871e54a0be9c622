"""Raw HTML in an article: an nh3 allow-list, video embeds rebuilt, every removal reported.

Markdown passes raw HTML through, so whatever an editor pastes (a <script>, an
onclick, a javascript: link, a foreign <iframe>) would be published as is.
`sanitize` runs on the HTML that Markdown made:

1. each <iframe> is rebuilt by us when its host is in NEWS_EMBED_HOSTS (a
   YouTube video becomes a youtube-nocookie.com embed made from its id) or
   removed; the rebuilt markup never goes through the sanitiser's allow-list;
2. nh3 (ammonia, with a browser-grade HTML parser) keeps only the tags,
   attributes and URL schemes below;
3. every removal is a warning naming the file, the line of the Markdown
   source that holds the snippet (when it can be found) and the fix.

When nothing is removed the HTML is returned unchanged, byte for byte: an
article without raw HTML builds exactly as before.
"""

from __future__ import annotations

import re
import secrets
from collections import Counter
from collections.abc import Iterable
from html import escape, unescape
from urllib.parse import parse_qs, urlsplit, urlunsplit

import nh3

ALLOWED_TAGS = frozenset({
    "a", "abbr", "b", "bdi", "bdo", "blockquote", "br", "caption", "cite", "code", "col", "colgroup",
    "dd", "del", "details", "dfn", "div", "dl", "dt", "em", "figcaption", "figure",
    "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "mark", "ol", "p",
    "pre", "q", "s", "samp", "section", "small", "span", "strong", "sub", "summary", "sup",
    "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr", "u", "ul", "var", "wbr",
})
# Removed together with everything inside them (the rest keep their text).
DROP_WITH_CONTENT = frozenset({
    "script", "noscript", "template", "style", "object", "applet", "embed", "iframe", "frame",
    "frameset", "noembed", "noframes", "textarea", "select", "svg", "math", "title", "xmp",
})
GLOBAL_ATTRIBUTES = frozenset({
    "id", "title", "lang", "dir", "class", "role",
    "aria-label", "aria-labelledby", "aria-describedby", "aria-hidden",
})
ATTRIBUTES = {
    "a": {"href", "rel", "rev", "hreflang", "data-news-photo", "data-news-file"},
    "img": {"src", "alt", "width", "height", "data-news-photo"},
    "th": {"align", "colspan", "rowspan", "scope", "style"},
    "td": {"align", "colspan", "rowspan", "style"},
    "ol": {"start", "reversed", "type"},
    "li": {"value"},
    "blockquote": {"cite"},
    "q": {"cite"},
    "del": {"cite", "datetime"},
    "ins": {"cite", "datetime"},
    "time": {"datetime"},
    "col": {"span"},
    "colgroup": {"span"},
}
URL_ATTRIBUTES = frozenset({"href", "src", "cite"})
URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
# Classes our own pipeline writes: news_gallery, footnotes, fenced code.
CLASS_TOKEN = re.compile(r"news-[a-z0-9_-]+|footnote|footnote-ref|footnote-backref|language-[\w+#.-]+")
# The only style Markdown writes: table column alignment.
ALIGN_STYLE = re.compile(r"text-align:\s*(left|center|right);?")
SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.-]*):")
REMOTE = re.compile(r"(?i)(https?:)?//")
# Only decides whether the full pass must run; the full pass parses the HTML.
REMOTE_IMG = re.compile(r"(?i)<img\b[^>]*\bsrc=[\"']?\s*(https?:)?//")

CODE_TAGS = frozenset({"script", "noscript", "template"})
FORM_TAGS = frozenset({"form", "input", "button", "select", "textarea", "option", "optgroup",
                       "label", "fieldset", "legend", "output", "datalist"})
PAGE_TAGS = frozenset({"html", "head", "body", "base", "meta", "link", "title"})
EMBED_TAGS = frozenset({"object", "applet", "embed", "frame", "frameset", "noembed", "noframes",
                        "video", "audio", "source", "track", "canvas", "portal", "param"})

YOUTUBE_HOSTS = ("youtube.com", "youtube-nocookie.com", "youtu.be")
YOUTUBE_ID = re.compile(r"[A-Za-z0-9_-]{11}")
YOUTUBE_PATH = re.compile(r"/(?:embed|shorts|live|v)/([A-Za-z0-9_-]{11})(?:[/?#]|$)")
EMBED_ATTRIBUTES = (
    'width="560" height="315" loading="lazy" allowfullscreen '
    'referrerpolicy="strict-origin-when-cross-origin" '
    'allow="accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope; picture-in-picture"'
)
VIDEO_TITLE = "Video"


class Locator:
    """Lines of the Markdown body holding a snippet: the n-th search for the
    same snippet gets its n-th occurrence (the last one once they run out)."""

    def __init__(self, lines: list[str], first_line: int):
        self.lines = [line.lower() for line in lines]
        # as a browser reads them: java&#x09;scr&#x69;pt: is found where it was written
        self.decoded = [unescape(line) if "&" in line else line for line in self.lines]
        self.first_line = first_line
        self.used: Counter = Counter()

    def line(self, *needles: str) -> int | None:
        for needle in needles:  # the most precise needle first, as written or as decoded
            for lines in (self.lines, self.decoded):
                needle = needle.lower()
                found = [self.first_line + n for n, text in enumerate(lines) for _ in range(text.count(needle))]
                if needle and found:
                    index = min(self.used[needle], len(found) - 1)
                    self.used[needle] += 1
                    return found[index]
        return None


class Sanitizer:
    def __init__(self, context, hosts: Iterable[str]):
        self.context = context
        self.hosts = tuple(hosts)
        self.locate = Locator(context.body_lines, context.first_line)

    # -- one verdict for nh3 and for the warnings, so they never disagree

    def keep_value(self, tag: str, attr: str, value: str) -> str | None:
        """The value nh3 may keep (None: drop the attribute)."""
        if attr in URL_ATTRIBUTES and not url_allowed(value):
            return None
        if attr == "class":
            kept = [token for token in value.split() if CLASS_TOKEN.fullmatch(token)]
            return " ".join(kept) or None
        if attr == "style":
            return None  # the site's CSP refuses inline styles; prepare() turned alignment into a class
        if attr == "data-news-photo":
            return value if _index(value, len(self.context.photos)) else None
        if attr == "data-news-file":
            return value if _index(value, len(self.context.files)) else None
        return value

    # -- the whole pass

    def clean(self, source: str) -> str:
        return nh3.clean(
            source,
            tags=set(ALLOWED_TAGS),
            clean_content_tags=set(DROP_WITH_CONTENT),
            attributes={"*": set(GLOBAL_ATTRIBUTES), **{t: set(a) for t, a in ATTRIBUTES.items()}},
            attribute_filter=self.keep_value,
            url_schemes=set(URL_SCHEMES),
            link_rel=None,
            strip_comments=True,
        )

    def run(self, html: str) -> str:
        # Fast path: most articles are plain Markdown, which nh3 leaves byte for byte
        # as it is. Then nothing was removed and there is nothing to report, unless
        # the page embeds a frame or a photo from another site, which prepare() and
        # embed() handle (nh3 alone would keep such a photo).
        if "<iframe" not in html and not REMOTE_IMG.search(html) and not unresolved_refs(html, self.context.failed):
            if self.clean(html).replace("&nbsp;", "\u00a0") == html:
                return html
        _load_bs4()
        soup = BeautifulSoup(html, "html.parser")
        nonce = secrets.token_hex(8)  # never in the output: the result stays deterministic
        changed = self.prepare(soup)
        embeds = {}
        for number, frame in enumerate(soup.find_all("iframe")):
            if frame.decomposed or frame.find_parent("iframe") is not None or _inside_dropped(frame):
                continue  # removed (and reported) with its container
            markup = self.embed(frame)
            if markup is None:
                frame.decompose()
            else:
                token = f"newsembed{nonce}x{number}"
                embeds[token] = markup
                frame.replace_with(NavigableString(token))
        expected = self.review(soup)
        source = str(soup) if embeds or changed else html  # nh3 drops any other <iframe> itself
        cleaned = self.clean(source)
        result = BeautifulSoup(cleaned, "html.parser")
        if not embeds and not changed and tree(result) == tree(BeautifulSoup(html, "html.parser")):
            return html  # nothing removed: not one byte changes
        self.unexplained(expected, result)
        # html5ever writes U+00A0 as &nbsp; (and a typed "&nbsp;" as &amp;nbsp;): keep UTF-8 like the rest
        cleaned = cleaned.replace("&nbsp;", "\u00a0")
        for token, markup in embeds.items():
            cleaned = cleaned.replace(token, markup)
        return cleaned

    def prepare(self, soup: BeautifulSoup) -> bool:
        """Before the allow-list: table alignment becomes a class (the site's CSP refuses
        style attributes), and photos from other sites, which the CSP would block, go
        with a warning. True when something changed."""
        changed = False
        for cell in soup.find_all(["td", "th"], style=True):
            match = ALIGN_STYLE.fullmatch(_text(cell["style"]).strip())
            if match:
                cell["class"] = [*cell.get("class", []), f"news-align-{match.group(1)}"]
                del cell["style"]
                changed = True
        for img in soup.find_all("img", src=True):
            src = _text(img["src"]).strip()
            if REMOTE.match(src):
                host = urlsplit("https:" + src if src.startswith("//") else src).hostname or src
                self.warn(
                    self.locate.line(src, "<img"),
                    f"đã bỏ ảnh lấy từ trang khác ({host}): trang tin chỉ hiện ảnh của chính mình",
                    "Tải ảnh về, đặt cạnh tệp index.md và viết ![Chú thích](ten-anh.jpg).",
                )
                img.decompose()
                changed = True
        return self.resolve_raw(soup) or changed

    def resolve_raw(self, soup: BeautifulSoup) -> bool:
        """Photos and files named in raw HTML (<img src="anh.jpg">, <a href="anh.jpg">)
        go through the same pipeline as Markdown's: resolved beside the article,
        published as derivatives without metadata, or reported. True when one was."""
        changed = False
        for element in soup.find_all(["img", "a"]):
            attr = "src" if element.name == "img" else "href"
            ref = _text(element.get(attr)).strip()
            if not _local_ref(element.name, ref) or ref in self.context.failed or _marked(element):
                continue
            if element.name == "a":  # the same rule as a Markdown link
                marker = self.context.link(ref, self.locate.line(ref, "<a"))
            else:
                index = self.context.photo(ref, self.locate.line(ref, "<img"))
                marker = None if index is None else ("data-news-photo", str(index))
            if marker:
                element[marker[0]] = marker[1]
            changed = True
        return changed

    # -- iframes

    def embed(self, frame: Tag) -> str | None:
        """Our own markup for an allowed video, or None after a warning."""
        src = _text(frame.get("src")).strip()
        line = self.locate.line("<iframe")
        url = urlsplit("https:" + src if src.startswith("//") else src)
        host = (url.hostname or "").lower() if url.scheme.lower() in ("http", "https") else ""
        allowed = ", ".join(self.hosts) or "(không có)"
        if not host:
            self.warn(line, "đã bỏ khung nhúng <iframe> khỏi bài: khung nhúng không có địa chỉ web (src) hợp lệ",
                      f"Chỉ nhúng được video từ: {allowed}; hoặc đặt một liên kết thường tới video.")
            return None
        if not _host_in(host, self.hosts):
            self.warn(line, f'đã bỏ khung nhúng <iframe> từ "{host}" khỏi bài: trang này không có trong danh sách '
                      f"được phép nhúng (NEWS_EMBED_HOSTS: {allowed})",
                      "Đặt một liên kết thường tới nội dung này, hoặc nhúng video từ trang được phép.")
            return None
        title = " ".join(_text(frame.get("title")).split())
        if not title:
            self.warn(line, "khung nhúng video <iframe> thiếu tiêu đề (title) cho người dùng trình đọc màn hình; "
                      f'tạm dùng "{VIDEO_TITLE}"', 'Thêm title="…" mô tả video vào thẻ <iframe>.')
            title = VIDEO_TITLE
        if _host_in(host, YOUTUBE_HOSTS):
            video = youtube_id(url, host)
            if video is None:
                self.warn(line, f'đã bỏ khung nhúng <iframe> khỏi bài: không tìm thấy mã video YouTube trong "{_short(src)}"',
                          "Dán lại mã nhúng từ nút Chia sẻ > Nhúng của YouTube, hoặc địa chỉ dạng "
                          "https://www.youtube.com/watch?v=….")
                return None
            src = f"https://www.youtube-nocookie.com/embed/{video}"
        else:
            src = urlunsplit(("https", host + _port(url), url.path, url.query, ""))  # no user:password@
        return f'<iframe src="{escape(src)}" title="{escape(title)}" {EMBED_ATTRIBUTES}></iframe>'

    # -- what the allow-list removes, reported before nh3 removes it

    def review(self, soup: BeautifulSoup) -> Counter:
        """Warn about every tag and attribute the allow-list drops; count what must survive."""
        expected: Counter = Counter()
        for element in soup.find_all(True):
            if _inside_dropped(element):
                continue
            name = element.name
            if name not in ALLOWED_TAGS:
                self.tag_removed(name)
                continue
            expected[name] += 1
            for attr, raw in element.attrs.items():
                value = _text(raw)
                if attr in GLOBAL_ATTRIBUTES or attr in ATTRIBUTES.get(name, ()):
                    kept = self.keep_value(name, attr, value)
                    if kept is not None:
                        expected[(name, attr)] += 1
                    if kept != value:
                        self.attribute_removed(name, attr, value, kept)
                else:
                    self.attribute_removed(name, attr, value, None)
        return expected

    def unexplained(self, expected: Counter, result: BeautifulSoup) -> None:
        """Anything the browser-grade parser dropped that review() thought would stay:
        misplaced markup such as a <td> outside a table."""
        found: Counter = Counter()
        for element in result.find_all(True):
            found[element.name] += 1
            found.update((element.name, attr) for attr in element.attrs)
        for key in sorted(expected, key=str):
            if found[key] >= expected[key]:
                continue
            if isinstance(key, tuple):
                tag, attr = key
                self.warn(self.locate.line(f"{attr}="), f"đã bỏ thuộc tính {attr} khỏi thẻ <{tag}>: giá trị không hợp lệ",
                          f"Kiểm tra lại {attr}=\"…\" trong thẻ này.")
            else:
                self.warn(self.locate.line(f"<{key}"), f"đã bỏ thẻ <{key}> khỏi bài: mã HTML không hợp lệ ở vị trí này",
                          "Kiểm tra lại đoạn mã HTML quanh thẻ này, hoặc viết bằng Markdown.")

    def tag_removed(self, name: str) -> None:
        line = self.locate.line(f"<{name}")
        if name in CODE_TAGS:
            problem, fix = "mã chạy trong trang không được phép", "Xóa đoạn mã này khỏi bài viết."
        elif name == "style":
            problem, fix = "định dạng riêng (CSS) trong bài không được phép", "Xóa thẻ này; giao diện bài viết do trang web quy định."
        elif name in FORM_TAGS or name == "form":
            problem, fix = ("biểu mẫu (form) không được phép trong bài viết",
                            "Xóa biểu mẫu này; nếu cần, đặt một liên kết tới trang biểu mẫu.")
        elif name in EMBED_TAGS:
            problem, fix = ("nội dung nhúng không được phép trong bài viết",
                            "Xóa thẻ này; video YouTube thì dán mã nhúng <iframe> của YouTube.")
        elif name in PAGE_TAGS:
            problem, fix = "thẻ này chỉ dùng cho cả trang web, không dùng trong bài viết", "Xóa thẻ này khỏi bài viết."
        elif name in DROP_WITH_CONTENT:
            problem, fix = "thẻ này không được phép trong bài viết", "Xóa thẻ này khỏi bài viết."
        else:
            problem, fix = ("thẻ này không được phép trong bài viết (chữ bên trong được giữ lại)",
                            "Xóa thẻ này, hoặc viết bằng Markdown.")
        self.warn(line, f"đã bỏ thẻ <{name}> khỏi bài: {problem}", fix)

    def attribute_removed(self, tag: str, attr: str, value: str, kept: str | None) -> None:
        if attr.startswith("on"):
            self.warn(self.locate.line(f"{attr}=", attr), f"đã bỏ thuộc tính {attr} khỏi thẻ <{tag}>: mã chạy trong trang không được phép",
                      f'Xóa {attr}="…" khỏi thẻ.')
        elif attr == "style":
            self.warn(self.locate.line("style=", "style"), f"đã bỏ thuộc tính style khỏi thẻ <{tag}>: định dạng riêng trong bài không được phép",
                      'Xóa style="…"; giao diện bài viết do trang web quy định.')
        elif attr in URL_ATTRIBUTES:
            scheme = SCHEME.match(_url_text(value))
            needles = [value[:40], f"{scheme.group(1)}:" if scheme else value]
            self.warn(self.locate.line(*needles),
                      f'đã bỏ địa chỉ "{_short(_url_text(value))}" ({attr}) khỏi thẻ <{tag}>: chỉ cho phép địa chỉ '
                      "http:, https:, mailto:, tel: hoặc đường dẫn trong trang",
                      "Thay bằng địa chỉ trang web (https://…) hoặc xóa liên kết này.")
        elif attr == "class":
            dropped = " ".join(t for t in value.split() if t not in (kept or "").split())
            first = dropped.split()[0] if dropped else ""
            self.warn(self.locate.line("class=", f".{first}"), f'đã bỏ lớp (class) "{_short(dropped)}" khỏi thẻ <{tag}>: '
                      "giao diện bài viết do trang web quy định", "Xóa thuộc tính class.")
        else:
            self.warn(self.locate.line(f"{attr}=", attr), f"đã bỏ thuộc tính {attr} khỏi thẻ <{tag}>: thuộc tính này "
                      "không được phép trong bài viết", f'Xóa {attr}="…" khỏi thẻ.')

    def warn(self, line, problem, fix):
        self.context.problems.warn(line, None, problem, fix)


def sanitize(html: str, context, hosts: Iterable[str]) -> str:
    """`html` with only allow-listed markup; warnings go to `context.problems`."""
    return Sanitizer(context, hosts).run(html)


def youtube_id(url, host: str) -> str | None:
    """The 11-character id of youtu.be/ID, /embed/ID, /shorts/ID, /live/ID, /v/ID, /watch?v=ID."""
    if host == "youtu.be" or host.endswith(".youtu.be"):
        candidate = url.path.strip("/").split("/")[0]
        return candidate if YOUTUBE_ID.fullmatch(candidate) else None
    match = YOUTUBE_PATH.match(url.path)
    if match:
        return match.group(1)
    if url.path.rstrip("/") == "/watch":
        candidate = (parse_qs(url.query).get("v") or [""])[0]
        return candidate if YOUTUBE_ID.fullmatch(candidate) else None
    return None


def url_allowed(value: str) -> bool:
    """http, https, mailto, tel or a relative URL (the check browsers would make)."""
    scheme = SCHEME.match(_url_text(value))
    return scheme is None or scheme.group(1).lower() in URL_SCHEMES


_OPENING = re.compile(r"""<(img|a)\b((?:[^>"']|"[^"]*"|'[^']*')*)>""", re.I)
_REF = re.compile(r"""\b(?:src|href)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)


def unresolved_refs(html: str, failed: set[str]) -> bool:
    """Whether raw HTML names a local photo or file that Markdown did not resolve."""
    for match in _OPENING.finditer(html):
        attrs = match.group(2)
        found = None if "data-news-" in attrs else _REF.search(attrs)
        if found:
            ref = unescape(next(g for g in found.groups() if g is not None)).strip()
            if ref not in failed and _local_ref(match.group(1).lower(), ref):
                return True
    return False


def _local_ref(tag: str, ref: str) -> bool:
    from news_core.photos import is_local_file

    if tag == "a":
        return is_local_file(ref)
    return bool(ref) and not REMOTE.match(ref) and not SCHEME.match(_url_text(ref)) and not ref.startswith("#")


def _marked(element) -> bool:
    return element.has_attr("data-news-photo") or element.has_attr("data-news-file")


def _load_bs4() -> None:
    """bs4 (and soupsieve, whose import compiles its patterns) for the slow path only:
    a rebuild after a plain edit never needs them."""
    global BeautifulSoup, NavigableString, Tag
    from bs4 import BeautifulSoup, NavigableString, Tag


def tree(soup: BeautifulSoup) -> list:
    """A comparable form of a parsed fragment: elements, sorted attributes, merged text."""
    events = []
    for node in soup.descendants:
        if isinstance(node, Tag):
            events.append(("tag", node.name, tuple(sorted((k, _text(v)) for k, v in node.attrs.items()))))
        elif type(node) is NavigableString and events and events[-1][0] == "text":
            events[-1] = ("text", events[-1][1] + str(node))
        else:
            events.append(("text" if type(node) is NavigableString else type(node).__name__, str(node)))
    return events


def _url_text(value: str) -> str:
    # Browsers ignore tabs and newlines anywhere in a URL and spaces around it.
    return re.sub(r"[\t\n\r]", "", value).strip("\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f"
                                              "\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f ")


def _host_in(host: str, hosts: Iterable[str]) -> bool:
    return any(host == h or host.endswith("." + h) for h in hosts)


def _port(url) -> str:
    try:
        return f":{url.port}" if url.port else ""
    except ValueError:
        return ""


def _index(value: str, count: int) -> bool:
    return value.isascii() and value.isdigit() and int(value) < count


def _text(value) -> str:
    if value is None:
        return ""
    return " ".join(value) if isinstance(value, list) else str(value)


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _inside_dropped(element: Tag) -> bool:
    return any(parent.name in DROP_WITH_CONTENT for parent in element.parents)
