"""Random front matter, Markdown and file names thrown at the article reader.

A seeded generator (the same cases on every run, so a failure can be replayed
from its seed) writes hostile and careless articles into a content folder that
sits beside a folder of secrets, some reachable through ../ and symlinks. For a
fixed time budget each article is read as a build reads it. Any of these fails
the test, naming the seed and the file:

- a traceback: anything but an article read or rejected with explained errors;
- "unexpected error" in what the editor is told;
- one article taking more than PER_FILE seconds;
- a file opened inside the secrets folder, or outside the content folder
  (Python's own modules and the photo cache aside), seen by an audit hook.
"""

from __future__ import annotations

import logging
import os
import random
import signal
import sys
import time

import pytest
from conftest import DEV, make_photo

BUDGET = 6.0  # seconds of reading, whatever the machine
PER_FILE = 5.0

CATEGORIES = ["Tin tức - Sự kiện", "tin-tuc-su-kien", "Hoạt động của UBND quận", "Tin tuc", ""]
NASTY = [
    "", " ", "~", "null", "[]", "{}", "- a", "*a", "&a x", "!!python/object/apply:os.system [ls]",
    "!!binary aGVsbG8=", "'unterminated", '"\\a\\e\\x08\\u0000"', "a: b: c", "# comment", "%YAML 1.1",
    "\t tab", "[" * 60 + "]" * 60, "1.234.567", "99999999999999999999", "-5", "2024-02-30", "31/12/9999 25:61",
    "21/03/2024 10:31", "2024-03-21T10:31:00+07:00", "Đống Đa", "Đo\u0302\u0301ng Đa", "\u202e\u200b\u00ad",
    "<script>alert(1)</script>", "javascript:alert(1)", "../../etc/passwd", "\x00\x01\x1b[31m", "ＡＢＣ",
    "x" * 3000, "\ud7ff\ue000\uffff", "published", "draft", "yes", "0o777", ".inf", "|\n  block", ">-\n  folded",
]
FIELDS = ["title", "date", "views", "category", "summary", "cover", "tags", "slug", "status", "modified",
          "legacy_url", "catgory", "Title", "", "a b", "<<"]
REFS = ["anh.jpg", "anh\\_1.jpg", "ANH.JPG", "a%20b.jpg", "<anh hai.jpg>", "../secret/bi-mat.jpg",
        "../../secret/bi-mat.jpg", "/etc/passwd", "file:///etc/passwd", "C:\\Windows\\win.ini", "lien-ket/bi-mat.jpg",
        "tro-ra.jpg", "vong/vong/anh.jpg", "tai-lieu.pdf", "tro-ra.pdf", "khong-co.jpg", "anh.jpg?x=1#y",
        "", " ", "data:image/png;base64,AAAA", "//evil.example/x.jpg", "anh.jpg\" onerror=\"alert(1)", "\x00.jpg"]


def _front_matter(rng: random.Random) -> str:
    lines = []
    if rng.random() < 0.8:
        lines += [f"title: {rng.choice(NASTY) if rng.random() < 0.4 else 'Hội nghị thi đua'}",
                  f"date: {rng.choice(NASTY) if rng.random() < 0.4 else '21/03/2024 10:31'}",
                  f"category: {rng.choice(CATEGORIES)}"]
    for _ in range(rng.randrange(6)):
        lines.append(f"{rng.choice(FIELDS)}: {rng.choice(NASTY + REFS)}")
    if rng.random() < 0.1:
        lines.append("a: &a [x,x,x,x,x,x,x,x,x]\n" + "\n".join(
            f"b{i}: &b{i} [{','.join(['*a' if i == 0 else f'*b{i - 1}'] * 9)}]" for i in range(9)))
    if rng.random() < 0.1:
        lines.append("tags:\n" + "\n".join(" " * (2 * i) + "-" for i in range(rng.randrange(5, 400))) + " x")
    rng.shuffle(lines)
    opening = rng.choice(["---", "---", "---", "--- ", "\ufeff---", "+++", ""])
    closing = rng.choice(["---", "---", "...", "", "----"])
    return f"{opening}\n" + "\n".join(lines) + f"\n{closing}\n"


def _body(rng: random.Random) -> str:
    ref = lambda: rng.choice(REFS)  # noqa: E731
    parts = [
        lambda: "Đoạn mở đầu của bài viết.",
        lambda: f"![{rng.choice(['Quang cảnh', '', '*x*', ']'])}]({ref()})",
        lambda: f"[tải về]({ref()})",
        lambda: f'<img src="{ref()}" alt="x">',
        lambda: f'<a href="{ref()}">tệp</a>',
        lambda: f"::: gallery {rng.choice(NASTY)}\n" + "\n".join(f"![Ảnh {i}]({ref()})" for i in range(rng.randrange(4))) + "\n:::",
        lambda: ":::",
        lambda: "\n".join("  " * i + "- mục" for i in range(rng.randrange(1, 700))),
        lambda: ">" * rng.randrange(1, 300) + " trích dẫn",
        lambda: "<div>" * rng.randrange(1, 400) + "x",
        lambda: rng.choice(NASTY),
        lambda: "".join(chr(rng.randrange(0, 0x3000)) for _ in range(rng.randrange(200))),
        lambda: "```\n" + rng.choice(NASTY),
        lambda: '<iframe src="https://www.youtube.com/embed/aaaaaaaaaaa"></iframe>',
        lambda: "[^1]\n\n[^1]: chú thích",
        lambda: "| a | b |\n|---|---|\n| " + rng.choice(NASTY) + " | x |",
    ]
    return "\n\n".join(rng.choice(parts)() for _ in range(rng.randrange(1, 8)))


def _name(rng: random.Random) -> str:
    return rng.choice(["index.md", "index.md", "Bài viết.md", "INDEX.MD", "a b.markdown", "tin\u0301.md"])


class Hang(BaseException):
    """Raised by the alarm: not an Exception, so the reader's own net cannot catch it."""


@pytest.fixture
def world(tmp_path):
    """content/ with photos, links and a loop; secret/ beside it that must never be opened."""
    secret = tmp_path / "secret"
    make_photo(secret / "bi-mat.jpg")
    (secret / "bi-mat.md").write_text("---\ntitle: Bí mật\n---\nbí mật\n", "utf-8")
    (secret / "tai-lieu.pdf").write_bytes(b"%PDF-1.4 secret")
    content = tmp_path / "content"
    shared = content / "2024" / "chung"
    for name in ("anh.jpg", "anh_1.jpg", "a b.jpg", "anh hai.jpg"):
        make_photo(shared / name)
    (shared / "tai-lieu.pdf").write_bytes(b"%PDF-1.4 public")
    os.symlink(secret, shared / "lien-ket")
    os.symlink(secret / "bi-mat.jpg", shared / "tro-ra.jpg")
    os.symlink(secret / "tai-lieu.pdf", shared / "tro-ra.pdf")
    os.symlink(shared, shared / "vong")
    return tmp_path, content, shared, secret


def test_random_articles_never_crash_hang_or_read_outside_the_content_folder(world, caplog):
    from pelican.settings import read_settings

    from news_images.inspect import Inspector
    from news_images.settings import load
    from news_core.errors import ArticleRejected
    from news_meta.reader import NewsReader
    from news_core.build import ensure

    root, content, shared, secret = world
    cache = root / "cache" / "images"
    settings = read_settings(DEV, override={"PATH": str(content), "NEWS_CONTENT_CACHE_PATH": False,
                                           "NEWS_IMAGES_CACHE_PATH": str(cache)})
    state = ensure(settings)
    state.inspect_photo = Inspector(load(settings))
    reader = NewsReader(settings, state)
    reader.prepare()

    opened: list[str] = []
    watching = [False]

    def audit(event, args):
        if watching[0] and event == "open" and isinstance(args[0], (str, bytes)):
            opened.append(os.fsdecode(args[0]))

    sys.addaudithook(audit)  # cannot be removed: it does nothing once `watching` is off
    system = (sys.prefix, sys.base_prefix, "/usr/share/zoneinfo", "/dev", "/proc")  # modules, time zones
    allowed = [os.path.realpath(p) for p in (content, cache, *system)]

    def on_alarm(signum, frame):
        raise Hang()

    previous = signal.signal(signal.SIGALRM, on_alarm)
    started, seed = time.perf_counter(), 0
    caplog.set_level(logging.WARNING)
    try:
        while time.perf_counter() - started < BUDGET:
            rng = random.Random(seed)
            path = shared / _name(rng)
            path.write_bytes((_front_matter(rng) + _body(rng)).encode("utf-8", "surrogatepass"))
            del opened[:]
            caplog.clear()
            began = time.perf_counter()
            signal.setitimer(signal.ITIMER_REAL, PER_FILE)
            watching[0] = True
            try:
                reader.read(str(path))
            except ArticleRejected:
                pass
            except Hang:
                pytest.fail(f"seed {seed}: reading {path.name} took more than {PER_FILE} s")
            except Exception as exc:  # noqa: BLE001
                pytest.fail(f"seed {seed}: {path.name}: {type(exc).__name__}: {exc}")
            finally:
                watching[0] = False
                signal.setitimer(signal.ITIMER_REAL, 0)
            assert time.perf_counter() - began < PER_FILE, seed
            told = caplog.text
            assert "unexpected error" not in told and "Traceback" not in told, f"seed {seed}: {told}"
            for name in opened:
                real = os.path.realpath(name)
                assert not real.startswith(os.path.realpath(secret)), f"seed {seed}: opened {name}"
                assert any(real == a or real.startswith(a + os.sep) for a in allowed), f"seed {seed}: opened {name}"
            path.unlink()
            seed += 1
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    assert seed >= 50, f"only {seed} articles read in {BUDGET} s"
