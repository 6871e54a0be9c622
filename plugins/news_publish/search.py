"""The search index, built with the site and kept up to date article by article.

Readers search in the browser (theme/static/js/search.js); no server, no
WebAssembly. The index holds only articles: their title, body and captions.

Terms are folded as readers type them: lower case, tone marks and đ → d
removed ("Đống Đa" → "dong da"), so a search without marks finds every
spelling. Each word is also kept as written ("=đống"), and a query typed
with the right marks ranks articles with those exact words first.

Files in tim-kiem/chi-muc/ (SEARCH_INDEX):
- meta.json: {version, docs, buckets, chunk}
- t-<n>.json: the terms whose FNV-1a hash falls in bucket n, each with its
  postings [doc, weight, doc, weight, …]; the weight is BM25's term part
  (title words count three times), times 100. A query fetches one small file
  a word, whatever the size of the archive.
- d-<n>.json: the documents, `chunk` a file: [url, title, date, category,
  excerpt]; a query fetches only the files of the results it shows.

Document numbers follow the articles' dates, oldest first, so a new article
only adds to the end. Each article's terms are cached by its content's hash:
a rebuild tokenizes only the articles that changed. Files are written only
when their bytes change.
"""

from __future__ import annotations

import hashlib
import html
import json
import math
import os
import pickle
import re
import unicodedata
from collections import Counter

INDEX = "tim-kiem/chi-muc"
VERSION = 1  # of the files the browser reads
TERMS_VERSION = 2  # of the cached term counts: a change in tokenizing re-reads every article
CHUNK = 100
K1, B = 2.0, 0.3  # news articles run long; the district name repeats in every one
TITLE_WEIGHT = 3
EXCERPT_CHARS = 240
_TAG = re.compile(r"<[^>]+>")  # our own sanitised article HTML: tags only ever wrap text
_WORD = re.compile(r"[^\W_]+")
_FOLD_CACHE: dict[str, str] = {}


class SearchIndexError(RuntimeError):
    pass


def fold(word: str) -> str:
    """'Đống' -> 'dong': what a reader types without marks."""
    found = _FOLD_CACHE.get(word)
    if found is None:
        decomposed = unicodedata.normalize("NFD", word.replace("đ", "d").replace("Đ", "d"))
        found = _FOLD_CACHE[word] = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    return found


def words(text: str) -> list[str]:
    return _WORD.findall(unicodedata.normalize("NFC", text).lower())


def bucket(term: str, buckets: int) -> int:
    """FNV-1a over the UTF-8 bytes; search.js computes the same."""
    value = 0x811C9DC5
    for byte in term.encode("utf-8"):
        value = ((value ^ byte) * 0x01000193) & 0xFFFFFFFF
    return value % buckets


def plain_text(content: str) -> str:
    return html.unescape(_TAG.sub(" ", content))


class TermCache:
    """Each article's term counts, by the hash of what is indexed."""

    def __init__(self, path: str | None):
        self.path = path
        self.entries: dict[str, tuple] = {}
        self.used: set[str] = set()
        if path:
            try:
                with open(path, "rb") as handle:
                    version, entries = pickle.load(handle)
                self.entries = entries if version == TERMS_VERSION else {}
            except (OSError, ValueError, TypeError, EOFError, pickle.PickleError, AttributeError):
                self.entries = {}

    def terms(self, title: str, content: str, summary: str) -> tuple:
        key = hashlib.blake2b("\0".join((title, content, summary)).encode("utf-8"), digest_size=16).hexdigest()
        self.used.add(key)
        found = self.entries.get(key)
        if found is None:
            body = plain_text(content)
            tokens = words(title) * TITLE_WEIGHT + words(body)
            exact = Counter(tokens)
            folded = Counter()
            for word, count in exact.items():
                folded[fold(word)] += count
            excerpt = " ".join(plain_text(summary or content).split())
            if len(excerpt) > EXCERPT_CHARS:
                excerpt = excerpt[:EXCERPT_CHARS].rsplit(" ", 1)[0] + " …"
            found = self.entries[key] = (dict(folded), {w: c for w, c in exact.items() if fold(w) != w},
                                         len(tokens), excerpt)
        return found

    def save(self) -> None:
        if not self.path:
            return
        kept = {k: v for k, v in self.entries.items() if k in self.used}
        try:
            os.makedirs(os.path.dirname(self.path), exist_ok=True)
            temporary = self.path + ".tmp"
            with open(temporary, "wb") as handle:
                pickle.dump((TERMS_VERSION, kept), handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, self.path)
        except OSError:
            pass


def build_files(articles, cache: TermCache) -> dict[str, bytes]:
    """Every file of the index, by its name in INDEX."""
    ordered = sorted(articles, key=lambda a: (a.date, a.url))
    records, lengths = [], []
    for article in ordered:
        record = cache.terms(article.title, article.content, getattr(article, "summary", "") or "")
        records.append(record)
        lengths.append(record[2])
    docs = len(records)
    average = (sum(lengths) / docs) if docs else 1.0
    buckets = 1 << max(4, min(12, math.ceil(math.log2(max(docs, 1) / 4 + 1))))
    shards: list[dict[str, list[int]]] = [{} for _ in range(buckets)]
    where: dict[str, dict] = {}  # term -> its shard, hashed once a build
    for number, (folded, exact, length, _) in enumerate(records):
        norm = K1 * (1 - B + B * length / average)
        for prefix, counts in (("", folded), ("=", exact)):
            for word, count in counts.items():
                term = prefix + word
                shard = where.get(term)
                if shard is None:  # "=đua" sits beside "dua": one file answers both
                    shard = where[term] = shards[bucket(fold(word) if prefix else word, buckets)]
                postings = shard.get(term)
                if postings is None:
                    postings = shard[term] = []
                postings += (number, max(1, round(100 * count * (K1 + 1) / (count + norm))))
    files = {"meta.json": _json({"version": VERSION, "docs": docs, "buckets": buckets, "chunk": CHUNK})}
    for number, shard in enumerate(shards):
        files[f"t-{number}.json"] = _json(shard)
    for start in range(0, docs, CHUNK):
        chunk = []
        for article, record in zip(ordered[start:start + CHUNK], records[start:start + CHUNK]):
            news = getattr(article, "news", None)
            chunk.append(["/" + article.url, article.title, news.date_text if news else "",
                          article.category.name, record[3]])
        files[f"d-{start // CHUNK}.json"] = _json(chunk)
    return files


def _json(value) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode("utf-8")


def write_index(output: str, articles, cache_path: str | None) -> int:
    """Write the index into output/INDEX (only files whose bytes changed); return the article count."""
    from news_incremental.writer import write_if_changed

    cache = TermCache(cache_path)
    files = build_files(articles, cache)
    folder = os.path.join(output, *INDEX.split("/"))
    os.makedirs(folder, exist_ok=True)
    for name, data in files.items():
        write_if_changed(os.path.join(folder, name), data)
    for name in os.listdir(folder):
        if name not in files and name.endswith(".json"):
            os.remove(os.path.join(folder, name))  # buckets or chunks an earlier, other-sized index had
    cache.save()
    return json.loads(files["meta.json"])["docs"]


def present(output: str) -> bool:
    """Whether an index of this version from an earlier build is in `output`."""
    try:
        with open(os.path.join(output, *INDEX.split("/"), "meta.json"), encoding="utf-8") as handle:
            return json.load(handle).get("version") == VERSION
    except (OSError, ValueError, AttributeError):
        return False
