"""news_publish: what the public and search engines get besides the pages.

Signals:
- initialized: the `canonical` filter; NEWS_CSP (the <meta> policy, framing
  only the video hosts of NEWS_EMBED_HOSTS) for templates.
- all_generators_finalized (after news_site): on each article set news_page
  (canonical URL, absolute card image, JSON-LD NewsArticle + BreadcrumbList);
  remember the published articles, categories and pages for the end; on a
  first build, start writing the search index in a forked process.
- finalized: write the Atom feeds (feeds/atom.xml, feeds/<category>.atom.xml),
  sitemap.xml, sitemap-news.xml, robots.txt, _headers and _nginx.conf, and
  a redirect from each article's legacy_url (redirects.py); in
  production minify HTML, CSS and JS (NEWS_MINIFY); update the search index
  (search.py, NEWS_SEARCH), or wait for the process that wrote it; in
  production write .gz and .br beside every text file (NEWS_COMPRESS),
  minifying and compressing only bytes no earlier publish saw (cache/minify/,
  cache/compress/; compress.py).

The site's identity (agency, emblem, public address) is news_site's, read
from the build's Build.site; whether any page changed, from Build.outputs.

Settings: NEWS_MINIFY, NEWS_COMPRESS (False; publishconf.py turns them on),
NEWS_SEARCH (True), NEWS_SEARCH_BACKGROUND (True: a first build writes the
search index in a forked process while the pages render),
NEWS_PUBLICATION_NAME (the name registered with Google News; SITENAME by
default), NEWS_FOLDER_HEADERS (folder -> headers of its own, set by news_admin
when the editor is published).
"""

import logging
import os
import time

from pelican import signals

KEY = "NEWS_PUBLISH_STATE"
logger = logging.getLogger("news_publish")


def initialized(pelican):
    from news_core.build import ensure

    from .headers import REFERRER, csp
    from .meta import canonical

    build = ensure(pelican.settings)
    site = build.site
    if site is None:
        raise RuntimeError("PLUGINS must list news_site before news_publish (news_publish reads the site's identity)")
    filters = dict(pelican.settings.get("JINJA_FILTERS") or {})
    filters["canonical"] = lambda output_file: canonical(site.public_url, output_file)
    pelican.settings["JINJA_FILTERS"] = filters
    pelican.settings["NEWS_CSP"] = csp(build.config.embed_hosts)
    pelican.settings["NEWS_REFERRER"] = REFERRER
    pelican.settings[KEY] = {}


def all_generators_finalized(generators):
    from news_core.build import of
    from pelican.generators import ArticlesGenerator, PagesGenerator

    from .meta import article_meta

    for generator in generators:
        settings = generator.settings
        state = settings[KEY]
        site = of(settings).site
        if isinstance(generator, ArticlesGenerator):
            for article in generator.articles:
                article.news_page = article_meta(article, site)
            state["articles"] = list(generator.articles)
            state["categories"] = list(generator.categories)
        elif isinstance(generator, PagesGenerator):
            state["pages"] = list(generator.pages)
    if generators and generators[0].settings.get("NEWS_SEARCH", True) and \
            generators[0].settings.get("NEWS_SEARCH_BACKGROUND", True):
        from .search import start_in_background

        settings = generators[0].settings
        state, build = settings[KEY], of(settings)
        # A first build writes the whole index: on another core, while the pages render.
        pid = start_in_background(generators[0].output_path, state.get("articles", []), search_cache(settings),
                                  build.target, build.incremental)
        if pid:
            build.background.add(pid)  # waited for at the end, or by the runner if the build stops
        state["search_pid"] = pid


def finalized(pelican):
    from news_core.build import cache_root, of

    from . import compress, feeds, headers, redirects, search, sitemaps

    settings, output = pelican.settings, pelican.output_path
    build = of(settings)
    state, site = settings[KEY], build.site
    articles, categories = state.get("articles", []), state.get("categories", [])
    started = time.perf_counter()
    indexed = False
    if state.get("search_pid"):  # before anything walks the output (minify, compress)
        indexed = build.wait(state.pop("search_pid")) and search.present(output)
        logger.info("[news_publish] chỉ mục tìm kiếm: %d bài, dựng song song với các trang (chờ %.2f giây)%s",
                    len(articles), time.perf_counter() - started, "" if indexed else ": lỗi, dựng lại")
        started = time.perf_counter()
    feeds.write_feeds(output, articles, categories, site, settings["SITENAME"], settings.get("SITESUBTITLE", ""))
    extra = [settings[f"{name}_URL"] for name in ("ARCHIVES", "ABOUT", "ABOUT_EN") if settings.get(f"{name}_URL")]
    recent = sitemaps.recent(articles, build.config.now)
    files = {"sitemap.xml": sitemaps.sitemap(site.public_url, articles, categories, state.get("pages", []), extra)}
    if recent:  # a news sitemap needs at least one article; none is written on a quiet week
        name = settings.get("NEWS_PUBLICATION_NAME") or settings["SITENAME"]
        files["sitemap-news.xml"] = sitemaps.news_sitemap(site.public_url, recent, name)
    files["robots.txt"] = sitemaps.robots(site.public_url, news=bool(recent))
    sitemaps.write_sitemaps(output, files)
    headers.write_headers(output, build.config.embed_hosts, settings.get("NEWS_FOLDER_HEADERS"))
    planned, problems = redirects.plan(articles, settings.get("SITEURL", ""))
    written, taken = redirects.write(output, planned, settings["NEWS_CSP"])
    for problem in problems + taken:
        logger.warning("%s", problem)
    if planned:
        logger.info("[news_publish] chuyển hướng từ cổng cũ: %d địa chỉ, %d trang HTML", len(planned), written)
    logger.info("[news_publish] nguồn tin Atom, sơ đồ trang, robots.txt, _headers: %.2f giây",
                time.perf_counter() - started)
    if settings.get("NEWS_MINIFY"):
        started = time.perf_counter()
        count = compress.minify_tree(output, os.path.join(cache_root(settings), "minify") if build.caching else None)
        logger.info("[news_publish] rút gọn %d tệp HTML, CSS, JS trong %.2f giây", count, time.perf_counter() - started)
    if settings.get("NEWS_SEARCH", True) and not indexed:
        if build.outputs.unchanged and search.present(output):
            logger.info("[news_publish] chỉ mục tìm kiếm: không trang nào đổi, giữ nguyên")
        else:
            started = time.perf_counter()
            count = write_search_index(settings, output)
            logger.info("[news_publish] chỉ mục tìm kiếm: %d bài, %.2f giây", count, time.perf_counter() - started)
    if settings.get("NEWS_COMPRESS"):
        started = time.perf_counter()
        done = compress.compress_tree(output, os.path.join(cache_root(settings), "compress") if build.caching else None,
                                      fast=(search.INDEX,))
        logger.info("[news_publish] %d tệp nén .gz và .br (%d nén mới, %d lấy lại từ lần xuất bản trước) "
                    "trong %.2f giây", done.files, done.made, done.files - done.made, time.perf_counter() - started)


def write_search_index(settings, output: str) -> int:
    """Update the search index of the articles the build of `settings` publishes (its end,
    and the live preview's quick rebuild after it changed one article); the article count."""
    from news_core.build import of

    from . import search

    build = of(settings)
    return search.write_index(output, settings[KEY].get("articles", []), search_cache(settings), build.target,
                              keep_state=build.incremental)


def search_cache(settings) -> str | None:
    """Where the index's base state is kept (cache/search/), or nowhere when caching is off."""
    from news_core.build import cache_root, of

    return os.path.join(cache_root(settings), "search") if of(settings).caching else None


def register():
    signals.initialized.connect(initialized)
    signals.all_generators_finalized.connect(all_generators_finalized)
    signals.finalized.connect(finalized)
