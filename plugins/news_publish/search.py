"""The search index, built with the site and kept up to date article by article.

Readers search in the browser (theme/static/js/search.js); no server, no
WebAssembly. The index holds only articles: their title, body and captions.

Terms are folded as readers type them: lower case, tone marks and đ → d
removed ("Đống Đa" → "dong da"), so a search without marks finds every
spelling. Each word is also kept as written ("=đống"), and a query typed
with the right marks ranks articles with those exact words first.

Pairs of neighbouring words are indexed too, folded and joined ("+dongda"
for "Đống Đa", never across a sentence): a query ranks the articles where its
words stand next to each other in the order typed first, a quoted phrase
requires it, and a word typed without its space ("dongda") finds the pair.

Files in tim-kiem/chi-muc/ (SEARCH_INDEX):
- meta.json: {version, docs, buckets, pairs, chunk, base, delta, terms}
- t-<n>.json: the terms whose FNV-1a hash falls in bucket n, each with its
  postings [doc, weight, doc, weight, …]; the weight is BM25's term part
  (title words count three times), times 100. A query fetches one small file
  a word, whatever the size of the archive. Beside "dong" the same file holds
  "=đống" (the word as written, where marks matter) and "^dong" (the
  articles with the word in their title).
- p-<n>.json: the same for word pairs ("+dongda", in the bucket of "dongda",
  out of `pairs` buckets); fetched for each pair of neighbouring words typed,
  and for a word the t- file does not know ("dongda").
- d-<n>.json: the documents, `chunk` a file: [url, title, date, category,
  summary, text]; a query fetches only the files of the results it shows.
- f.json: for the filters, each document's category (a number into `names`)
  and year: {names, category: [..], year: [..]}.
- x/<text>.json: one article's text as passages (paragraphs, captions, list
  items), named by a hash of what the result shows: the page fetches it only
  for a result it shows, and cuts the excerpt around the words found.
- delta.json: the articles added or changed since the last full index, with
  their own postings (words and pairs), and the numbers of the base documents
  they replace or that were removed (`hide`). A rebuild after an edit writes
  only this file, meta.json and the changed articles' x/ files; past
  max(50, 5 %) changed articles the index is rebuilt.

Document numbers follow the articles' dates, oldest first, so a new article
only adds to the end. A delta rebuild tokenizes only the articles whose
content hash changed; a full one streams the articles, so their terms never
all sit in memory. Files are written only when their bytes change.
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
from array import array
from collections import Counter

from news_core.files import write_atomic, write_if_changed
from news_core.slugs import unmark

INDEX = "tim-kiem/chi-muc"
VERSION = 2  # of the files the browser reads
STATE_VERSION = 6  # of the saved base state: a change in tokenizing means a full index
CHUNK = 25  # documents a d- file: a result page of ten fetches up to ten of them
PAIR_SHARE, PAIR_FILES = 4, 8192  # pairs outnumber words: four times the files, each as small
K1, B = 2.0, 0.3  # news articles run long; the district name repeats in every one
TITLE_WEIGHT = 3
EXCERPT_CHARS = 240
DELTA_MIN, DELTA_SHARE = 50, 20  # a full index again past max(50, 5 %) changed articles
_TAG = re.compile(r"<[^>]+>")  # our own sanitised article HTML: tags only ever wrap text
_BLOCK = re.compile(r"</(?:p|li|h[1-6]|figcaption|td|th|blockquote|div|figure|dd|dt)>|<br\s*/?>", re.I)
_SENTENCE = re.compile(r"[!?;…\n]+|[.:](?!\d)")  # no pair across sentences; "2.000" stays one number
_WORD = re.compile(r"[^\W_]+")
_FOLD_CACHE: dict[str, str] = {}


class SearchIndexError(RuntimeError):
    pass


def fold(word: str) -> str:
    """'Đống' -> 'dong': what a reader types without marks (fold() in search.js: NFD)."""
    found = _FOLD_CACHE.get(word)
    if found is None:
        found = _FOLD_CACHE[word] = unmark(word, "NFD").lower()
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


def passages(content: str) -> list[str]:
    """The article's text as readers see it, a passage a paragraph, caption or list item."""
    text = html.unescape(_TAG.sub(" ", _BLOCK.sub("\n", content)))
    return [line for line in (" ".join(part.split()) for part in text.split("\n")) if line]


def pairs(text: str) -> Counter:
    """Neighbouring words of each sentence, folded and joined: 'Quận Đống Đa.' -> quandong, dongda."""
    found = Counter()
    for sentence in _SENTENCE.split(text):
        folded = [fold(w) for w in words(sentence)]
        found.update(a + b for a, b in zip(folded, folded[1:]))
    return found


def record(title: str, content: str, summary: str) -> tuple:
    """(folded term counts, counts of words whose marks matter, counts of word pairs,
    the title's folded words, length, summary excerpt, passages) of one article."""
    text = passages(content)
    body = "\n".join(text)
    tokens = words(title) * TITLE_WEIGHT + words(body)
    exact = Counter(tokens)
    folded = Counter()
    for word, count in exact.items():
        folded[fold(word)] += count
    joined = pairs(body)
    for pair, count in pairs(title).items():
        joined[pair] += count * TITLE_WEIGHT
    excerpt = " ".join(plain_text(summary).split()) if summary else (text[0] if text else "")
    if len(excerpt) > EXCERPT_CHARS:
        excerpt = excerpt[:EXCERPT_CHARS].rsplit(" ", 1)[0] + " …"
    titled = {fold(w): 1 for w in words(title)}
    return (dict(folded), {w: c for w, c in exact.items() if fold(w) != w}, dict(joined), titled, len(tokens),
            excerpt, text)


class Doc:
    """One article as the index sees it; its terms are read only when needed."""

    __slots__ = ("_record", "_text", "article", "category", "date", "excerpt", "key", "title", "url")

    def __init__(self, article):
        news = getattr(article, "news", None)
        self.url, self.title = "/" + article.url, article.title
        self.date, self.category = (news.date_text if news else ""), article.category.name
        self.article, self._record, self.excerpt, self._text = article, None, None, None
        summary = getattr(article, "summary", "") or ""
        shown = f"{article.title}\0{self.date}\0{self.category}\0{summary}\0{article.content}"
        self.key = hashlib.blake2b(shown.encode(), digest_size=16).hexdigest()  # all a result shows, and the terms

    @property
    def record(self) -> tuple:
        if self._record is None:
            a = self.article
            self._record = record(a.title, a.content, getattr(a, "summary", "") or "")
            self.excerpt = self._record[5]
            self._text = hashlib.blake2b(_json(self._record[6]), digest_size=8).hexdigest()
        return self._record

    @property
    def text(self) -> str:
        """The name of the article's x/ file: a hash of its bytes (the same in the
        preview and in production, whose links differ but whose text does not).
        Known once the index has read the article (record)."""
        if self._text is None:
            self.record
        return self._text

    @property
    def year(self) -> int:
        return self.article.date.year

    def shown(self) -> list:
        return [self.url, self.title, self.date, self.category, self.excerpt or self.record[5], self.text]


def _docs(articles) -> list[Doc]:
    return [Doc(a) for a in sorted(articles, key=lambda a: (a.date, a.url))]


def _add_counts(target, number: int, counts: tuple, buckets: int, where: dict, paired=None) -> None:
    """Postings [number, count, …] of one document's terms into target: a list of
    shards (where caches each term's shard; pairs go to the `paired` shards) or,
    with buckets 0, one dict."""
    folded, exact, joined, titled = counts
    for prefix, table in (("", folded), ("=", exact), ("+", joined), ("^", titled)):
        for word, count in table.items():
            term = prefix + word
            shard = where.get(term)
            if shard is None:  # "=đua" sits beside "dua": one file answers both
                if not buckets:
                    shard = target
                elif prefix == "+":
                    shard = paired[bucket(word, len(paired))]
                else:
                    shard = target[bucket(fold(word) if prefix == "=" else word, buckets)]
                where[term] = shard
            postings = shard.get(term)
            if postings is None:  # 4 bytes a number: Python ints in a list took ten times that
                postings = shard[term] = array("I")
            postings.append(number)
            postings.append(count)


def _norm(length: int, average: float) -> float:
    """BM25's length normalisation of a document: K1·(1 − B + B·length/average)."""
    return K1 * (1 - B + B * length / average)


def _weighted(terms: dict[str, array], norm) -> bytes:
    """The JSON of {term: [doc, weight, …]} from postings of counts: BM25's term part,
    times 100, with norm(doc) from _norm."""
    parts = []
    for term, postings in sorted(terms.items()):
        values = []
        pairs = iter(postings)
        for number, count in zip(pairs, pairs):
            values.append(number)
            values.append(max(1, round(100 * count * (K1 + 1) / (count + norm(number)))))
        parts.append(f"{json.dumps(term, ensure_ascii=False)}:[{','.join(map(str, values))}]")
    return ("{" + ",".join(parts) + "}").encode("utf-8")


def full_files(docs: list[Doc]) -> tuple[dict[str, bytes], dict]:
    """Every file of a fresh index, and the state a later delta starts from.

    One pass reads each article's terms into postings of counts and forgets them
    (an archive's terms never all sit in memory at once); the weights, which need
    the average length, are worked out as each term file is written."""
    count = len(docs)
    buckets = 1 << max(4, min(12, math.ceil(math.log2(max(count, 1) / 4 + 1))))
    shards: list[dict[str, array] | None] = [{} for _ in range(buckets)]
    paired: list[dict[str, array] | None] = [{} for _ in range(min(PAIR_FILES, buckets * PAIR_SHARE))]
    lengths = array("I")
    where: dict[str, dict] = {}  # term -> its shard, hashed once a build
    for number, doc in enumerate(docs):
        folded, exact, joined, titled, length, _, _ = doc.record
        _add_counts(shards, number, (folded, exact, joined, titled), buckets, where, paired)
        lengths.append(length)
        doc._record = None
    del where
    average = (sum(lengths) / count) if count else 1.0
    norms = [_norm(length, average) for length in lengths]
    files: dict[str, bytes] = {}
    for start in range(0, count, CHUNK):
        files[f"d-{start // CHUNK}.json"] = _json([d.shown() for d in docs[start:start + CHUNK]])
    names = sorted({d.category for d in docs})
    files["f.json"] = _json({"names": names, "category": [names.index(d.category) for d in docs],
                             "year": [d.year for d in docs]})
    token = hashlib.blake2b("".join(d.url + d.key for d in docs).encode("utf-8"), digest_size=8).hexdigest()
    meta = {"version": VERSION, "docs": count, "buckets": buckets, "pairs": len(paired), "chunk": CHUNK, "base": token,
            "terms": STATE_VERSION}  # how the terms were made: a change there means a full index
    files["meta.json"] = _json(meta)
    for number, shard in enumerate(shards):
        files[f"t-{number}.json"] = _weighted(shard, norms.__getitem__)
        shards[number] = None
    for number, shard in enumerate(paired):
        files[f"p-{number}.json"] = _weighted(shard, norms.__getitem__)
        paired[number] = None
    state = {"token": token, "average": average, "meta": meta, "docs": {d.url: [n, d.key] for n, d in enumerate(docs)}}
    return files, state


def delta_files(docs: list[tuple], state: dict) -> dict[str, bytes] | None:
    """Only what changed since the last full index, in delta.json; None when a full one is due."""
    base = state["docs"]
    current = {d.url for d in docs}
    changed = [d for d in docs if base.get(d.url, [None, None])[1] != d.key]
    hidden = sorted({base[d.url][0] for d in changed if d.url in base} |
                    {number for url, (number, _) in base.items() if url not in current})
    if len(changed) + len(hidden) > max(DELTA_MIN, len(base) // DELTA_SHARE):
        return None
    meta = dict(state["meta"])
    first = meta["docs"]  # delta documents are numbered after the base's
    terms: dict[str, array] = {}
    norms = {}
    for n, d in enumerate(changed):
        folded, exact, joined, titled, length, _, _ = d.record
        _add_counts(terms, first + n, (folded, exact, joined, titled), 0, {})
        norms[first + n] = _norm(length, state["average"])
    docs_json = _json({"docs": [d.shown() for d in changed], "hide": hidden,
                       "year": [d.year for d in changed]})
    data = docs_json[:-1] + b',"terms":' + _weighted(terms, norms.__getitem__) + b"}"  # keys stay sorted
    meta["delta"] = hashlib.blake2b(data, digest_size=8).hexdigest() if changed or hidden else ""
    return {"meta.json": _json(meta), "delta.json": data}


def _json(value) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode("utf-8")


def write_index(output: str, articles, cache_path: str | None, target: str | None = None,
                keep_state: bool = True) -> int:
    """Update output/INDEX (only files whose bytes changed); return the article count.

    The first build, and any after many changes, writes a full index; between
    them a rebuild writes delta.json with the articles changed since, which the
    search page merges in: one edit rewrites two small files, not the index."""
    docs = _docs(articles)
    folder = os.path.join(output, *INDEX.split("/"))
    state_path = _state_path(cache_path, target or output)
    state = _load_state(state_path)
    files = None
    if state and _base_token(folder) == state["token"]:
        files = delta_files(docs, state)
    if files is None:
        files, state = full_files(docs)
        files["delta.json"] = _json({"docs": [], "hide": [], "terms": {}, "year": []})
        if keep_state:  # never for a build into a temporary folder that may not be published
            _save_state(state_path, state)
    os.makedirs(os.path.join(folder, "x"), exist_ok=True)
    texts = _write_texts(os.path.join(folder, "x"), docs)
    for name, data in files.items():
        write_if_changed(os.path.join(folder, name), data)
    if "t-0.json" in files:
        for name in os.listdir(folder):
            if name not in files and name.endswith((".json", ".tmp")):
                os.remove(os.path.join(folder, name))  # buckets or chunks an earlier, other-sized index had,
                # or the half-written file of an index process that was stopped
        for name in os.listdir(os.path.join(folder, "x")):
            if name not in texts:
                os.remove(os.path.join(folder, "x", name))  # texts of articles changed or gone since
    return len(docs)


def _write_texts(folder: str, docs: list[Doc]) -> set[str]:
    """The passages of each article this index read (all of them for a full index,
    the changed ones for a delta: the others' files are there) in x/<text>.json,
    written only when missing (the name is a hash of the text); their names."""
    names = set()
    for doc in docs:
        if doc._text is None:
            continue  # unchanged since the base: not read again
        name = doc.text + ".json"
        names.add(name)
        path = os.path.join(folder, name)
        if not os.path.exists(path):
            write_atomic(path, _json(passages(doc.article.content)))
    return names


def start_in_background(output: str, articles, cache_path: str | None, target: str | None,
                        keep_state: bool) -> int | None:
    """A full index (a first build: none in `output` yet) written by a forked process
    while this one renders the pages; its pid, or None where forking is unsafe
    (Windows, or threads such as the live preview's server). The caller waits for
    it (news_core.build.Build.background, Build.wait)."""
    import sys
    import threading

    if not hasattr(os, "fork") or threading.active_count() > 1 or present(output):
        return None
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:  # the child: write the index, report by exit code only, leave at once
        code = 1
        try:
            write_index(output, articles, cache_path, target, keep_state)
            code = 0
        finally:
            os._exit(code)
    return pid


def _base_token(folder: str) -> str | None:
    try:
        with open(os.path.join(folder, "meta.json"), encoding="utf-8") as handle:
            meta = json.load(handle)
        return meta.get("base") if meta.get("version") == VERSION and meta.get("terms") == STATE_VERSION else None
    except (OSError, ValueError, AttributeError):
        return None


def _state_path(folder: str | None, target: str) -> str | None:
    """One base state per output folder, in `folder` (cache/search/)."""
    if not folder:
        return None
    key = hashlib.blake2b(os.path.realpath(target).encode("utf-8", "replace"), digest_size=8).hexdigest()
    return os.path.join(folder, f"{key}.pickle")


def _load_state(path: str | None) -> dict | None:
    if not path:
        return None
    try:
        with open(path, "rb") as handle:
            version, state = pickle.load(handle)
        return state if version == STATE_VERSION else None
    except (OSError, ValueError, TypeError, EOFError, pickle.PickleError, AttributeError):
        return None


def _save_state(path: str | None, state: dict) -> None:
    if not path:
        return
    try:
        write_atomic(path, pickle.dumps((STATE_VERSION, state), protocol=pickle.HIGHEST_PROTOCOL))
    except OSError:
        pass


def present(output: str) -> bool:
    """Whether an index of this version from an earlier build is in `output`."""
    try:
        with open(os.path.join(output, *INDEX.split("/"), "meta.json"), encoding="utf-8") as handle:
            meta = json.load(handle)
        return meta.get("version") == VERSION and meta.get("terms") == STATE_VERSION
    except (OSError, ValueError, AttributeError):
        return False
