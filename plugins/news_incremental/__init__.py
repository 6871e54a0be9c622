"""news_incremental: a rebuild renders and writes only the pages that changed.

Signals:
- get_writer: IncrementalWriter (writer.py). Before rendering a page it takes
  a fingerprint of everything the page shows (fingerprint.py): the article
  with its body, the lists on the page, the site-wide settings, menu, theme
  and plugin code. When the fingerprint is the one recorded for that file at
  the last build and the file is still there, the page is not rendered again.
  Every file, rendered or not, is written only when its bytes changed, through
  a temporary file and a rename, so a reader of output/ (the live preview)
  never meets a half-written page, and unchanged files keep their time.
- page_writer_finalized: remove the pages, photo derivatives and documents a
  previous build made and this one did not (a deleted or renamed article),
  before news_publish indexes the output. The writer is the build's
  Build.outputs (news_core.output.OutputLog): other plugins record there
  what they place, and ask whether any page changed.
- finalized: save the fingerprints, in a `pages` folder beside the photo cache
  (one file per output folder), never in output/.

The home page and the other pages made from the theme alone (DIRECT_TEMPLATES)
are always rendered: they show lists of the whole site.
"""

import os

from pelican import signals


def initialized(pelican):
    """Read the last build's manifest, and empty an output folder it does not
    describe, before any plugin writes there."""
    from .writer import PREVIOUS, previous_build

    pelican.settings[PREVIOUS] = previous_build(pelican.settings, pelican.output_path)


def get_writer(pelican):
    from .writer import IncrementalWriter

    return IncrementalWriter


def page_writer_finalized(generator, writer):
    # The last generator that writes through the writer (articles, direct templates,
    # pages) is done and news_images has placed its photos: drop what this build did
    # not make, before news_publish indexes the output for search.
    if hasattr(writer, "remove_stale"):
        writer.remove_stale()


def generator_init(generator):
    """Compiled templates kept between builds (Jinja checks each against its source)."""
    from jinja2 import FileSystemBytecodeCache
    from news_core.build import cache_root

    env = getattr(generator, "env", None)
    if env is not None and env.bytecode_cache is None:
        folder = os.path.join(cache_root(generator.settings), "templates")
        try:
            os.makedirs(folder, exist_ok=True)
        except OSError:
            return  # a read-only disk only costs speed
        env.bytecode_cache = FileSystemBytecodeCache(folder)


class _Members(list):
    """The articles of one tag or category, where `in` is a set lookup. Pelican 4.12
    asks `article in articles` of every article of the site for every tag and
    category page, a scan that grows with articles × tags. Nothing changes these
    lists once the generators are done."""

    def __contains__(self, item):
        ids = self.__dict__.get("ids")
        if ids is None:
            ids = self.__dict__["ids"] = {id(article) for article in self}
        return id(item) in ids


def _fast_membership(generator) -> None:
    tags = getattr(generator, "tags", None)
    if isinstance(tags, dict):
        for tag, articles in tags.items():
            tags[tag] = _Members(articles)
    categories = getattr(generator, "categories", None)
    if isinstance(categories, list):
        categories[:] = [(category, _Members(articles)) for category, articles in categories]


def all_generators_finalized(generators):
    from .writer import SHARED

    for generator in generators:
        _fast_membership(generator)
    if generators:  # the context every generator shares; pages' own values are what differs from it
        generators[0].settings[SHARED] = generators[0].context


def finalized(pelican):
    from news_core.build import ensure

    from .writer import IncrementalWriter

    writer = ensure(pelican.settings).outputs
    if isinstance(writer, IncrementalWriter):
        writer.finish()


def _memoize_source_paths() -> None:
    """Pelican works out an article's path relative to the content folder (two
    abspaths and a relpath) on every access to its url or save_as, a dozen times
    a page: the answer never changes for one object, so keep it on the object."""
    from pelican.contents import Content

    original = Content.get_relative_source_path
    if getattr(original, "news_memoized", False):
        return

    def get_relative_source_path(self, source_path=None):
        key = (source_path or self.source_path, self.settings["PATH"])
        memo = self.__dict__.setdefault("_news_relative_paths", {})
        if key not in memo:
            memo[key] = original(self, source_path)
        return memo[key]

    get_relative_source_path.news_memoized = True
    Content.get_relative_source_path = get_relative_source_path


def _skip_empty_reader_checks() -> None:
    """Pelican walks the content folder once more per generator to warn about files
    whose reader is disabled; with no reader disabled the walk can find nothing."""
    from pelican.generators import Generator

    original = Generator._check_disabled_readers
    if getattr(original, "news_skips_empty", False):
        return

    def _check_disabled_readers(self, paths, exclude):
        if self.readers.disabled_extensions:
            original(self, paths, exclude)

    _check_disabled_readers.news_skips_empty = True
    Generator._check_disabled_readers = _check_disabled_readers


def register():
    _memoize_source_paths()
    _skip_empty_reader_checks()
    signals.initialized.connect(initialized)
    signals.generator_init.connect(generator_init)
    signals.all_generators_finalized.connect(all_generators_finalized)
    signals.get_writer.connect(get_writer)
    signals.page_writer_finalized.connect(page_writer_finalized)
    signals.finalized.connect(finalized)
