#!/usr/bin/env python
"""Search relevance: the site's own search against Pagefind, same corpus, same run (issue #16).

    .venv/bin/python benchmarks/relevance.py [--verbose] [--articles 1000] [--no-plain]

1. corpus    benchmarks/_relevance_corpus.py: the 1,000 articles of
             benchmarks/_articles.py with seeded facts (people, places, events)
             and distractors; each query's relevant articles come from the
             generator (QUERIES there), never from a search.
2. ours      news_build.runner.build with pelicanconf.py (as `invoke build`),
             into /tmp/bench/relevance/out; queried in headless Chromium
             through the real search page, as a reader: /tim-kiem/?q=…, wait
             for the status line, read the ordered result links (and "Xem thêm"
             once, for the top 20).
3. Pagefind  pagefind[bin]==1.5.2 in benchmarks/.pagefind-venv (made here if
             missing). A copy of each article page with data-pagefind-body on
             its <article>, the parts our index leaves out (category line,
             date and views, tags, share buttons) marked data-pagefind-ignore,
             and a folded copy (fold() of search.py: lower case, no marks,
             đ → d) of the title (weight 7, as an h1) and of the body in a
             visually hidden block, so a query typed without marks can match.
             Queried in the same Chromium through its JS API, the query as
             typed. With --plain (default on) also Pagefind on the pages as
             they are (no folded copy), for information.
4. figures   precision@5, MRR (first relevant rank in the top 20, else 0),
             recall@20 (of min(relevant, 20)); overall and by query kind; ours
             as a ratio to Pagefind's; bytes a query downloaded (responses but
             the page's HTML, CSS, fonts and images; the first 10 results).
             Exit 0 (a benchmark); prints FAIL when ours is below Pagefind on
             P@5 or MRR.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import html
import http.server
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
PAGEFIND_VENV = os.path.join(HERE, ".pagefind-venv")
PAGEFIND_PINS = ("pagefind==1.5.2", "pagefind-bin==1.5.2")
CHROMIUM = "/usr/bin/chromium"
TOP = 20
SHOWN = 10  # results a first page shows: what the bytes figure covers
TIMEOUT = 20_000  # ms
BUILD = """\
import json, os, sys, time
sys.path.insert(0, {plugins!r})
os.chdir({root!r})
from news_build.runner import build, exit_now
started = time.perf_counter()
result = build({conf!r}, {content!r}, {output!r}, strict=False,
               overrides={{"NEWS_IMAGES_CACHE_PATH": {cache!r}, **{theme!r}}})
print(json.dumps({{"ok": result.ok, "seconds": time.perf_counter() - started}}))
exit_now(0 if result.ok else 1)
"""
SLUG = re.compile(r"bai-(\d{5})")
HARNESS = """<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Pagefind</title></head>
<body><p>Pagefind harness (benchmarks/relevance.py)</p></body></html>"""
# the parts of an article page our index leaves out (it holds title, body, captions)
IGNORED = ('class="article__category"', 'class="article-meta"', 'class="print-only"', 'class="article__tags"',
           'class="share"', 'class="badge')


def log(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


# --------------------------------------------------------------------------- corpus and builds


def write_corpus(work: str, count: int):
    import _relevance_corpus

    corpus = _relevance_corpus.Corpus(count)
    corpus.check()
    content = os.path.join(work, "content")
    stamp = os.path.join(work, "CORPUS")
    key = corpus.key()
    if not (os.path.exists(stamp) and open(stamp).read() == key):
        shutil.rmtree(content, ignore_errors=True)
        for article in corpus.articles:
            folder = os.path.join(content, str(article.year), article.slug)
            os.makedirs(folder, exist_ok=True)
            with open(os.path.join(folder, "index.md"), "w", encoding="utf-8") as handle:
                handle.write(article.ours())
        with open(stamp, "w") as handle:
            handle.write(key)
    return corpus, content


def head_tree(work: str) -> str:
    """The last commit's files (git archive HEAD), to build with instead of the working tree."""
    tree = os.path.join(work, "head")
    shutil.rmtree(tree, ignore_errors=True)
    os.makedirs(tree)
    archive = subprocess.run(["git", "-C", ROOT, "archive", "HEAD"], capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", tree], input=archive, check=True)
    return tree


def build_ours(work: str, content: str, tree: str = ROOT, timeout: float = 600) -> tuple[str, float]:
    output = os.path.join(work, "out")
    shutil.rmtree(output, ignore_errors=True)  # a clean build: the search code may have changed since
    script = BUILD.format(plugins=os.path.join(tree, "plugins"), root=tree, conf=os.path.join(tree, "pelicanconf.py"),
                          content=content, output=output, cache=os.path.join(work, "cache", "photos"),
                          # the editable install maps news_theme to this checkout's theme/
                          theme={} if tree == ROOT else {"THEME": os.path.join(tree, "theme")})
    started = time.perf_counter()
    try:
        done = subprocess.run([os.path.join(ROOT, ".venv", "bin", "python"), "-c", script],
                              capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        raise SystemExit(f"our build took more than {timeout:.0f} s: given up (try --head)") from None
    if done.returncode:
        raise SystemExit(f"our build failed:\n{done.stdout[-2000:]}\n{done.stderr[-3000:]}")
    return output, time.perf_counter() - started


def ensure_venv(folder: str, pins: tuple[str, ...]) -> str:
    """A venv of this folder's own with exactly `pins` (made or remade here); its python."""
    python = os.path.join(folder, "bin", "python")
    names = ", ".join(repr(p.split("==")[0]) for p in pins)
    probe = [python, "-c", f"import importlib.metadata as m; print(*(m.version(n) for n in ({names},)))"]
    if os.path.exists(python):
        found = subprocess.run(probe, capture_output=True, text=True)
        if found.returncode == 0 and found.stdout.split() == [p.split("==")[1] for p in pins]:
            return python
    log(f"  creating {os.path.relpath(folder, ROOT)} with {' '.join(pins)}…")
    subprocess.run([sys.executable, "-m", "venv", folder], check=True)
    subprocess.run([python, "-m", "pip", "install", "-q", *pins], check=True)
    return python


def article_pages(output: str):
    """(relative path, html) of every article page of a build."""
    for folder, _, files in os.walk(output):
        if "index.html" in files and SLUG.fullmatch(os.path.basename(folder)):
            path = os.path.join(folder, "index.html")
            with open(path, encoding="utf-8") as handle:
                yield os.path.relpath(path, output), handle.read()


def pagefind_page(page: str, folded: bool) -> str:
    """An article page as Pagefind indexes it: <article> is the body, what our index
    leaves out is ignored, and (folded) a folded copy of title and body is added."""
    from news_publish.search import fold, passages, words

    start = page.index('<article class="article"')
    end = page.index("</article>", start)
    article = page[start:end]
    for marker in IGNORED:
        article = article.replace(marker, marker + " data-pagefind-ignore", 1)
    article = article.replace('<article class="article"', '<article class="article" data-pagefind-body', 1)
    if folded:
        title = re.search(r'<h1 class="article__title">(.*?)</h1>', article, re.S).group(1)
        body = re.search(r'<div class="article__body">(.*)</div>', article, re.S).group(1)

        def folded_text(text: str) -> str:
            return " ".join(fold(w) for w in words(html.unescape(re.sub(r"<[^>]+>", " ", text))))

        extra = ['<div class="visually-hidden">',
                 f'<p data-pagefind-weight="7">{html.escape(folded_text(title))}</p>']
        extra += [f"<p>{html.escape(' '.join(fold(w) for w in words(p)))}</p>" for p in passages(body)]
        article += "\n".join(extra) + "</div>\n"
    return page[:start] + article + page[end:]


def build_pagefind(work: str, output: str, folded: bool) -> tuple[str, float]:
    """A copy of the article pages, indexed by Pagefind; (site folder, seconds of the index)."""
    sys.path.insert(0, os.path.join(ROOT, "plugins"))
    site = os.path.join(work, "pagefind-folded" if folded else "pagefind-plain")
    shutil.rmtree(site, ignore_errors=True)
    for relative, page in article_pages(output):
        target = os.path.join(site, relative)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "w", encoding="utf-8") as handle:
            handle.write(pagefind_page(page, folded))
    python = ensure_venv(PAGEFIND_VENV, PAGEFIND_PINS)
    started = time.perf_counter()
    done = subprocess.run([python, "-m", "pagefind", "--site", site], capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if done.returncode:
        raise SystemExit(f"pagefind failed:\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}")
    with open(os.path.join(site, "pf.html"), "w", encoding="utf-8") as handle:
        handle.write(HARNESS)
    return site, seconds


def serve(folder: str) -> tuple[http.server.ThreadingHTTPServer, str]:
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=folder))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    FOLDERS[base] = folder
    return server, base


FOLDERS: dict[str, str] = {}  # base URL -> the folder it serves, for Bytes' compressed sizes


# --------------------------------------------------------------------------- querying


class Bytes:
    """Sum of the response sizes a page downloaded, but its HTML, CSS, fonts and
    images: as served here (no compression) and gzipped at level 6, as a web
    server compresses them on the way (Pagefind's index files are gzip already,
    ours are JSON that a publish also stores as .br and .gz)."""

    SKIPPED = {"document", "stylesheet", "font", "image"}
    _GZIPPED: dict[str, int] = {}

    def __init__(self, page):
        self.total = 0
        self.gzipped = 0
        self.files = 0
        page.on("response", self.seen)

    def seen(self, response) -> None:
        if response.request.resource_type in self.SKIPPED:
            return
        length = response.headers.get("content-length")
        self.total += int(length) if length else 0
        self.gzipped += self.compressed(response.url)
        self.files += 1

    @classmethod
    def compressed(cls, url: str) -> int:
        if url not in cls._GZIPPED:
            parts = urllib.parse.urlsplit(url)
            folder = FOLDERS.get(f"{parts.scheme}://{parts.netloc}")
            path = os.path.join(folder or "", urllib.parse.unquote(parts.path).lstrip("/"))
            try:
                with open(path, "rb") as handle:
                    cls._GZIPPED[url] = len(gzip.compress(handle.read(), 6, mtime=0))
            except OSError:
                cls._GZIPPED[url] = 0
        return cls._GZIPPED[url]


def numbers(urls) -> list[int]:
    found = []
    for url in urls:
        match = SLUG.search(url or "")
        if match and int(match.group(1)) not in found:
            found.append(int(match.group(1)))
    return found


def query_ours(browser, base: str, query: str) -> dict:
    context = browser.new_context()
    page = context.new_page()
    counter = Bytes(page)
    started = time.perf_counter()
    page.goto(f"{base}/tim-kiem/?q={urllib.parse.quote(query)}")
    status = "#trang-thai-tim-kiem"
    error = ""
    try:
        page.wait_for_function(
            "s => { const e = document.querySelector(s); const t = e && e.textContent.trim();"
            " return !!t && !t.startsWith('Đang tìm'); }", arg=status, timeout=TIMEOUT)
    except Exception as exc:  # the page never answered: no results
        error = f"no answer: {type(exc).__name__}"
    seconds = time.perf_counter() - started
    page.wait_for_timeout(50)
    links = page.eval_on_selector_all("#ket-qua-tim-kiem li", "items => items.map(li => li.querySelector('a')?.href)")
    shown_bytes, files, gzipped = counter.total, counter.files, counter.gzipped
    more = page.query_selector("#xem-them-ket-qua")
    if len(links) < TOP and more and more.is_visible():
        before = len(links)
        more.click()
        try:
            page.wait_for_function(f"n => document.querySelectorAll('#ket-qua-tim-kiem li').length > n",
                                   arg=before, timeout=TIMEOUT)
        except Exception:
            pass
        page.wait_for_timeout(50)
        links = page.eval_on_selector_all("#ket-qua-tim-kiem li",
                                          "items => items.map(li => li.querySelector('a')?.href)")
    text = page.text_content(status) or ""
    context.close()
    return {"ranked": numbers(links)[:TOP], "bytes": shown_bytes, "gzipped": gzipped, "files": files, "seconds": seconds,
            "status": text.strip(), "error": error}


PAGEFIND_JS = """async ([query, from, to]) => {
  if (!window.pf) { window.pf = await import('/pagefind/pagefind.js'); await window.pf.init(); }
  if (!window.found || window.found.query !== query) {
    window.found = { query, response: await window.pf.search(query) };
  }
  const results = window.found.response.results.slice(from, to);
  const data = await Promise.all(results.map(r => r.data()));
  return { count: window.found.response.results.length, urls: data.map(d => d.url) };
}"""


def query_pagefind(browser, base: str, query: str) -> dict:
    context = browser.new_context()
    page = context.new_page()
    counter = Bytes(page)
    page.goto(f"{base}/pf.html")
    started = time.perf_counter()
    error = ""
    try:
        first = page.evaluate(PAGEFIND_JS, [query, 0, SHOWN])
        seconds = time.perf_counter() - started
        shown_bytes, files, gzipped = counter.total, counter.files, counter.gzipped
        rest = page.evaluate(PAGEFIND_JS, [query, SHOWN, TOP])
        urls, count = first["urls"] + rest["urls"], first["count"]
    except Exception as exc:
        seconds, shown_bytes, files, urls, count = time.perf_counter() - started, counter.total, counter.files, [], 0
        gzipped = counter.gzipped
        error = f"{type(exc).__name__}: {str(exc)[:200]}"
    context.close()
    return {"ranked": numbers(urls)[:TOP], "bytes": shown_bytes, "gzipped": gzipped, "files": files, "seconds": seconds,
            "status": f"{count} results", "error": error}


# --------------------------------------------------------------------------- figures


def scores(ranked: list[int], relevant: set[int]) -> dict:
    first = next((i for i, n in enumerate(ranked[:TOP]) if n in relevant), None)
    return {"p5": sum(1 for n in ranked[:5] if n in relevant) / 5,
            "mrr": 0.0 if first is None else 1 / (first + 1),
            "r20": sum(1 for n in ranked[:TOP] if n in relevant) / min(len(relevant), TOP)}


def ratio(mine: float, theirs: float) -> str:
    if theirs == 0:
        return "   ∞" if mine else "   -"
    return f"{mine / theirs:5.2f}"


def table(rows: list[dict], engines: list[str]) -> list[str]:
    import _relevance_corpus

    failures = []
    groups = [("all", rows)] + [(kind, [r for r in rows if kind in r["kinds"]]) for kind in _relevance_corpus.KINDS]
    header = f"{'queries':14} {'n':>3} | {'P@5 ours':>8} {'pagefind':>8} {'ratio':>5} | {'MRR ours':>8} {'pagefind':>8} " \
             f"{'ratio':>5} | {'R@20 ours':>9} {'pagefind':>8}"
    if "plain" in engines:
        header += f" | {'plain P@5':>9} {'MRR':>5}"
    print("\n" + header)
    print("-" * len(header))
    for label, group in groups:
        if not group:
            continue
        mean = {e: {m: statistics.mean(r[e]["score"][m] for r in group) for m in ("p5", "mrr", "r20")} for e in engines}
        line = (f"{label:14} {len(group):3} | {mean['ours']['p5']:8.3f} {mean['pagefind']['p5']:8.3f} "
                f"{ratio(mean['ours']['p5'], mean['pagefind']['p5'])} | {mean['ours']['mrr']:8.3f} "
                f"{mean['pagefind']['mrr']:8.3f} {ratio(mean['ours']['mrr'], mean['pagefind']['mrr'])} | "
                f"{mean['ours']['r20']:9.3f} {mean['pagefind']['r20']:8.3f}")
        if "plain" in engines:
            line += f" | {mean['plain']['p5']:9.3f} {mean['plain']['mrr']:5.3f}"
        below = [m for m in ("p5", "mrr") if mean["ours"][m] < mean["pagefind"][m] - 1e-9]
        if below:
            line += "  below: " + ", ".join({"p5": "P@5", "mrr": "MRR"}[m] for m in below)
            if label == "all":
                failures = below
        print(line)
    print()
    for engine in engines:
        shown = [r[engine]["bytes"] for r in rows]
        gzipped = [r[engine]["gzipped"] for r in rows]
        seconds = [r[engine]["seconds"] for r in rows]
        files = [r[engine]["files"] for r in rows]
        print(f"bytes a query, {engine:8}: median {statistics.median(shown) / 1024:7.1f} KiB, "
              f"max {max(shown) / 1024:7.1f} KiB; gzipped median {statistics.median(gzipped) / 1024:6.1f} KiB, "
              f"max {max(gzipped) / 1024:6.1f} KiB; median {statistics.median(files):.0f} files "
              f"(cold cache, first {SHOWN} results; HTML, CSS, fonts, images left out); "
              f"median {statistics.median(seconds) * 1000:.0f} ms to the first results")
    return failures


def verbose(row: dict, engines: list[str], titles: dict[int, str]) -> None:
    print(f"\n{row['query']!r}  [{' '.join(row['kinds'])}]  {len(row['relevant'])} relevant")
    for engine in engines:
        result = row[engine]
        s = result["score"]
        note = f"  ({result['error']})" if result["error"] else ""
        print(f"  {engine:8} P@5 {s['p5']:.2f} MRR {s['mrr']:.2f} R@20 {s['r20']:.2f}  {result['status'][:70]}{note}")
        for rank, number in enumerate(result["ranked"][:5], 1):
            mark = "+" if number in row["relevant"] else "-"
            print(f"      {rank}. {mark} {titles.get(number, number)}"[:140])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--work", default="/tmp/bench/relevance")
    parser.add_argument("--verbose", action="store_true", help="each query's top 5 of each engine, + relevant")
    parser.add_argument("--no-plain", dest="plain", action="store_false",
                        help="leave out Pagefind on the pages as they are (no folded copy)")
    parser.add_argument("--head", action="store_true",
                        help="build the last commit (git archive HEAD) rather than the working tree")
    parser.add_argument("--build-timeout", type=float, default=600, help="seconds before our build is given up")
    parser.add_argument("--only", help="only the queries containing this text")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    import _relevance_corpus

    started = time.perf_counter()
    os.makedirs(args.work, exist_ok=True)
    corpus, content = write_corpus(args.work, args.articles)
    tree = head_tree(args.work) if args.head else ROOT
    output, built = build_ours(args.work, content, tree, args.build_timeout)
    log(f"[our build{' of HEAD' if args.head else ''}: {built:.1f} s]")
    sites = {"pagefind": build_pagefind(args.work, output, folded=True)}
    if args.plain:
        sites["plain"] = build_pagefind(args.work, output, folded=False)
    for name, (_, seconds) in sites.items():
        log(f"[pagefind index ({name}): {seconds:.1f} s]")
    servers = {"ours": serve(output)}
    servers.update({name: serve(site) for name, (site, _) in sites.items()})
    engines = list(servers)
    titles = {a.number: a.title for a in corpus.articles}
    queries = [q for q in _relevance_corpus.QUERIES if not args.only or args.only in q[0]]
    rows = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True,
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        for text, intent, kinds in queries:
            relevant = corpus.relevant(intent)
            row = {"query": text, "kinds": kinds, "relevant": relevant}
            for engine in engines:
                ask = query_ours if engine == "ours" else query_pagefind
                result = ask(browser, servers[engine][1], text)
                result["score"] = scores(result["ranked"], relevant)
                row[engine] = result
            rows.append(row)
            if args.verbose:
                verbose(row, engines, titles)
        browser.close()
    for server, _ in servers.values():
        server.shutdown()
    errors = [(r["query"], e, r[e]["error"]) for r in rows for e in engines if r[e]["error"]]
    for query, engine, error in errors:
        print(f"note: {engine} gave no answer for {query!r}: {error}")
    print(f"\n{len(rows)} queries over {args.articles} articles; ours against Pagefind 1.5.2 with a folded copy "
          f"(the baseline){'; plain = Pagefind without it (information)' if args.plain else ''}")
    failures = table(rows, engines)
    print(f"\n[relevance benchmark: {time.perf_counter() - started:.0f} s]")
    if failures:
        print("FAIL: ours is below Pagefind on " + " and ".join({"p5": "P@5", "mrr": "MRR"}[m] for m in failures))
    else:
        print("PASS: ours is at or above Pagefind on P@5 and MRR")
    with open(os.path.join(args.work, "results.json"), "w", encoding="utf-8") as handle:
        json.dump([{**{k: v for k, v in r.items() if k != "relevant"}, "relevant": sorted(r["relevant"])}
                   for r in rows], handle, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
