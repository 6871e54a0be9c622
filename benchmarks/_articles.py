"""A seeded corpus of Vietnamese news articles for benchmarks/scale.py.

Prose: every sentence of the sample articles in content/ (the real article
of 21/03/2024 and twelve written for the sample, all in Vietnamese with
diacritics), recombined: a paragraph is 2–5 sentences drawn in a seeded
order, an article about 1,150 words (as a district portal's news averages).
Titles are built from the same sentences' openings. Front matter carries a
date spread over fifteen years (2010–2025), views, one of the configured
categories, tags from a pool, and for every `--photos` a standalone photo
and every tenth article a closing `::: gallery` of three.

Each article is written twice from the same draw: for our site (our front
matter, `::: gallery`) and for stock Pelican with pelican-yaml-metadata
(ISO dates, `{static}` image links, the gallery as consecutive images).
"""

from __future__ import annotations

import glob
import os
import random
import re

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORDS = 1150
SEED = 20250701
GALLERY_EVERY = 10
GALLERY_SIZE = 3
TAGS = ["thi đua khen thưởng", "hội nghị", "cải cách hành chính", "an sinh xã hội", "môi trường",
        "trật tự đô thị", "văn hóa", "giáo dục", "y tế", "chuyển đổi số", "thanh niên", "mặt trận",
        "phụ nữ", "cựu chiến binh", "thể thao", "xây dựng Đảng", "an ninh trật tự", "kinh tế"]
_SENTENCE = re.compile(r"(?<=[.!?…])\s+(?=[A-ZĐÂĂÊÔƠƯÁÀẢÃẠ“\"])")


def paragraphs(min_words: int = 12) -> list[str]:
    """Every prose paragraph of the sample articles (no photos, galleries, comments, lists, tables)."""
    found = []
    for path in sorted(glob.glob(os.path.join(ROOT, "content", "**", "index.md"), recursive=True)):
        text = open(path, encoding="utf-8").read().split("---", 2)[2]
        text = re.sub(r"<!--.*?-->", "", text, flags=re.S)
        text = re.sub(r"^:::.*?^:::\s*$", "", text, flags=re.S | re.M)
        for block in text.split("\n\n"):
            block = " ".join(block.split())
            if len(block.split()) >= min_words and not block.startswith(("!", "#", "|", "-", "<", ">")):
                found.append(block)
    return found


def sentences() -> list[str]:
    return [s for block in paragraphs() for s in _SENTENCE.split(block) if len(s.split()) >= 6]


def categories() -> list[str]:
    from pelican.settings import get_settings_from_file

    return [c["name"] for c in get_settings_from_file(os.path.join(ROOT, "pelicanconf.py"))["NEWS_CATEGORIES"]]


class Article:
    def __init__(self, rng: random.Random, pool: list[str], cats: list[str], number: int, photos: bool):
        self.number = number
        opening = rng.choice(pool).rstrip(".…").split()
        title = " ".join(opening[: rng.randint(8, 15)]).rstrip(",;:") + f" (bài {number})"
        self.title = title.replace("\\", "").replace('"', "“")
        self.slug = f"bai-{number:05d}"
        self.year = rng.randint(2010, 2025)
        self.date = (self.year, rng.randint(1, 12), rng.randint(1, 28), rng.randint(6, 21), rng.randint(0, 59))
        self.views = int(rng.paretovariate(1.2) * 120)
        self.category = cats[rng.randrange(len(cats))]
        self.tags = rng.sample(TAGS, rng.randint(0, 3))
        paragraphs, words = [], 0
        while words < WORDS:
            para = " ".join(rng.choice(pool) for _ in range(rng.randint(2, 5)))
            paragraphs.append(para)
            words += len(para.split())
        self.paragraphs = paragraphs
        self.photos: list[tuple[str, str]] = []  # (file name, caption)
        if photos:
            count = 1 + (GALLERY_SIZE if number % GALLERY_EVERY == 0 else 0)
            for i in range(count):
                caption = " ".join(rng.choice(pool).split()[: rng.randint(6, 16)]).rstrip(",;:")
                self.photos.append((f"anh-{i + 1}.jpg", caption))

    def ours(self) -> str:
        y, m, d, hh, mm = self.date
        lines = ["---", f'title: "{self.title}"', f"date: {d:02d}/{m:02d}/{y} {hh:02d}:{mm:02d}",
                 f"views: {self.views}", f"category: {self.category}", f"slug: {self.slug}"]
        if self.tags:
            lines.append("tags: [" + ", ".join(self.tags) + "]")
        lines += ["---", ""]
        body = list(self.paragraphs)
        if self.photos:
            name, caption = self.photos[0]
            body.insert(2, f"![{caption}]({name})")
        if len(self.photos) > 1:
            items = "\n".join(f"![{c}]({n})" for n, c in self.photos[1:])
            body.append(f"::: gallery Một số hình ảnh\n{items}\n:::")
        return "\n".join(lines) + "\n" + "\n\n".join(body) + "\n"

    def stock(self) -> str:
        y, m, d, hh, mm = self.date
        lines = ["---", f'title: "{self.title}"', f"date: {y}-{m:02d}-{d:02d} {hh:02d}:{mm:02d}",
                 f"category: {self.category}", f"slug: {self.slug}"]
        if self.tags:
            lines.append("tags: [" + ", ".join(self.tags) + "]")
        lines += ["---", ""]
        body = list(self.paragraphs)
        if self.photos:
            name, caption = self.photos[0]
            body.insert(2, f"![{caption}]({{static}}{name})")
        for name, caption in self.photos[1:]:
            body.append(f"![{caption}]({{static}}{name})")
        return "\n".join(lines) + "\n" + "\n\n".join(body) + "\n"


def generate(count: int, photos: bool = True, seed: int = SEED):
    """Yield Article 0..count-1; article i depends only on (seed, i), so sizes nest."""
    pool, cats = sentences(), categories()
    for number in range(count):
        yield Article(random.Random(f"{seed}-{number}"), pool, cats, number, photos)
