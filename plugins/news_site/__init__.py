"""news_site: what a reader browses by, computed in Python so templates only loop.

Signals:
- initialized: load NEWS_AGENCY, NEWS_LINKS, NEWS_EMBLEM and the list sizes
  into settings["NEWS_SITE"] (templates read it as NEWS_SITE) and the build's
  Build.site (news_publish reads it); register the `page_window` filter for
  numbered pagination.
- all_generators_finalized (after news_meta has ordered the articles and
  dropped any that collide, so no list links to an unwritten page): on
  each article set news_related (same category, nearest in date),
  news_most_viewed, news_previous / news_next (in its category) and news_share;
  put the home page's lists in the context as news_home, the menu as news_nav, the archive tree as
  news_archive, the list pages' side column as NEWS_BROWSE (most viewed, years); write archives by year and month (luu-tru/2024/03/) in
  Vietnamese.

Settings (settings.py): NEWS_AGENCY (name, name_en, address, phone, email,
responsible, …), NEWS_LINKS [(name, url)], NEWS_EMBLEM, NEWS_SUBTITLE_EN (the
header's subtitle on /en/; chrome.py has the header and footer words of both
languages), NEWS_PUBLIC_URL (the
public address share links use when SITEURL is empty, as in a preview),
NEWS_RELATED_COUNT, NEWS_MOST_VIEWED_COUNT, NEWS_LATEST_COUNT, NEWS_BLOCK_COUNT.
"""

import logging

from pelican import signals

KEY = "NEWS_SITE"


def initialized(pelican):
    from news_core.build import ensure

    from .pagination import window
    from .settings import AGENCY_FIELDS, PLACEHOLDER, load, unfilled

    site = load(pelican.settings)
    pelican.settings[KEY] = site  # for the templates
    ensure(pelican.settings).site = site  # for the other plugins
    for field in unfilled(pelican.settings[KEY]):
        logging.getLogger(__name__).warning(
            'Tệp cấu hình: NEWS_AGENCY["%s"] vẫn là "%s". Điền %s của cơ quan vào pelicanconf.py '
            "(bản xem trước vẫn dựng; bản chính thức dừng lại cho đến khi điền xong)",
            field, PLACEHOLDER, AGENCY_FIELDS[field][1])
    filters = dict(pelican.settings.get("JINJA_FILTERS") or {})
    filters["page_window"] = window
    pelican.settings["JINJA_FILTERS"] = filters


def all_generators_finalized(generators):
    from news_core.build import of
    from pelican.generators import ArticlesGenerator

    from . import archives
    from .lists import annotate, browse, navigation

    generator = next((g for g in generators if isinstance(g, ArticlesGenerator)), None)
    if generator is None:
        return
    cfg = generator.settings[KEY]
    home = generator.context["news_home"] = annotate(generator.articles, generator.categories, cfg)
    generator.context["news_nav"] = navigation(generator.categories, of(generator.settings).config.categories)
    years = archives.build(generator.articles)
    generator.context["news_archive"] = years
    # upper case and a dataclass, so news_incremental fingerprints it with the settings
    generator.context["NEWS_BROWSE"] = browse(home, years)
    generator.period_archives = archives.pelican_shape(years)
    generator.context["period_archives"] = generator.period_archives


def register():
    signals.initialized.connect(initialized)
    signals.all_generators_finalized.connect(all_generators_finalized)
