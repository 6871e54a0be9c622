"""IncrementalWriter: render a page only when what it shows changed; write a file
only when its bytes changed."""

from __future__ import annotations

import hashlib
import io
import json
import logging
import os

from news_core.build import cache_root, ensure
from news_core.files import write_atomic, write_if_changed
from news_core.output import OutputLog, clear
from pelican.writers import FileOverwriteFailedError, Writer

from .fingerprint import (
    PAGED,
    UNREAD,
    describe,
    digest,
    reset,
    site_wide,
    theme_and_code,
)

logger = logging.getLogger("news_incremental")
_MISSING = object()
# This plugin's own values in the settings, set by its signal handlers for the writer.
SHARED = "NEWS_INCREMENTAL_CONTEXT"  # the context every generator shares
PREVIOUS = "NEWS_INCREMENTAL_PREVIOUS"  # the last build's manifest, read when the build started


class IncrementalWriter(Writer, OutputLog):
    """Pelican's writer, and the build's Build.outputs: it knows every file the
    build places, pages or not, and what the last build placed."""

    def __init__(self, output_path, settings=None):
        super().__init__(output_path, settings=settings)
        build = ensure(settings)
        build.outputs = self
        self.incremental = build.incremental
        self.manifest_path = _manifest_path(settings, output_path)
        self.folder = _identity(output_path)
        self.prefix = self.output_path.rstrip(os.sep) + os.sep
        found = settings.get(PREVIOUS)  # read (and the folder emptied if need be) when the build started
        self.previous = dict(found) if found is not None else previous_build(settings, output_path)
        self.current: dict[str, str] = {}  # output file (relative) -> fingerprint
        self.base: dict[int, str] = {}  # id(shared context) -> its site-wide fingerprint
        self.code = theme_and_code(settings["THEME"], os.path.join(os.path.dirname(os.path.dirname(
            os.path.abspath(__file__)))))
        self.direct = {f"{name}.html" for name in settings.get("DIRECT_TEMPLATES", ())}
        self.rendered = self.skipped = self.written = self.removed = 0
        self.pages_changed = 0  # .html files whose bytes changed: the search index must follow
        reset()

    # -- pages -----------------------------------------------------------------

    def write_file(self, name, template, context, relative_urls=False, paginated=None, template_name=None,
                   override_output=False, url=None, **kwargs):
        if not name:
            return super().write_file(name, template, context, relative_urls, paginated, template_name,
                                      override_output, url, **kwargs)
        proxy = _Template(template, self, context)
        return super().write_file(name, proxy, context, relative_urls, paginated, template_name,
                                  override_output, url, **kwargs)

    def fingerprint(self, template, context: dict, localcontext: dict) -> str | None:
        """None for pages that are always rendered (the home page, archives, search…)."""
        if template.name in self.direct:
            return None
        shared = self.settings.get(SHARED, context)  # period archives pass a copy with `period` added
        base = self.base.get(id(shared))
        if base is None:
            base = self.base[id(shared)] = digest([self.code, site_wide(shared)])
        own = []
        # shared values (in `base`, or a whole-site list no paged template reads) are skipped
        # in one pass: a page's context holds every setting, a few hundred keys
        for key in sorted([k for k, v in localcontext.items() if shared.get(k, _MISSING) is not v]):
            value = localcontext[key]
            if key in UNREAD or (key in PAGED and PAGED[key] in localcontext):
                continue
            own.append((key, describe(value, deep=key in ("article", "page"))))
        return digest([base, template.name, own])

    def render(self, template, context: dict, localcontext: dict) -> str:
        name = localcontext["output_file"].replace(os.sep, "/")
        path = os.path.join(self.output_path, name)
        fingerprint = self.fingerprint(template, context, localcontext)
        if fingerprint is not None:
            self.current[name] = fingerprint
            if self.previous.get(name) == fingerprint and os.path.isfile(path):
                self.skipped += 1
                return UNCHANGED  # the file already holds these bytes: _LazyFile leaves it alone
        else:
            self.current[name] = ""
        self.rendered += 1
        return template.render(localcontext)

    # -- files -------------------------------------------------------------------

    def _open_w(self, filename, encoding, override=False):
        """Pelican's bookkeeping (never two writes to one file), then a file that
        reaches the disk on close, and only if its bytes changed."""
        if filename in self._overridden_files:
            if override:
                raise FileOverwriteFailedError(f'Failed to overwrite "{filename}" a second time')
            return open(os.devnull, "w", encoding=encoding)
        if filename in self._written_files and not override:
            raise FileOverwriteFailedError(f'Failed to overwrite "{filename}" as Pelican has already written to it')
        if override:
            self._overridden_files.add(filename)
        self._written_files.add(filename)
        return _LazyFile(filename, encoding, self)

    def produced(self, path: str, tag: str = "") -> None:
        prefix = self.prefix  # a photo's every derivative: no relpath each
        name = path[len(prefix):] if path.startswith(prefix) else os.path.relpath(path, self.output_path)
        name = name.replace(os.sep, "/")
        if tag or name not in self.current:
            self.current[name] = tag

    def placed_before(self, folder: str, names, tag: str) -> bool:
        prefix = folder.strip("/") + "/" if folder.strip("/") else ""
        keys = [prefix + name for name in names]
        if not tag or not keys or any(self.previous.get(key) != tag for key in keys):
            return False
        if not os.path.isdir(os.path.join(self.output_path, *prefix.split("/"))):
            return False
        for key in keys:
            self.current[key] = tag
        return True

    def remove_stale(self) -> None:
        """Remove the files only an earlier build made (its pages, photos, documents)."""
        for name in sorted(set(self.previous) - set(self.current)):
            path = os.path.join(self.output_path, *name.split("/"))
            if os.path.isfile(path) and path not in self._written_files:
                os.unlink(path)
                self.removed += 1
                _remove_empty_parents(os.path.dirname(path), self.output_path)
        self.previous = {}

    @property
    def unchanged(self) -> bool:
        """No page was written or removed by this build."""
        return self.pages_changed == 0 and self.removed == 0

    def finish(self) -> None:
        """Save this build's fingerprints for the next one (builds in place only), with the
        identity of the output folder: a publish swaps in another folder, and a later build
        in place must then not trust them. A build that stops half way saves nothing; the
        next one compares with the fingerprints before it, which still hold for every page
        it did not rewrite."""
        if self.incremental:
            _save(self.manifest_path, {"folder": self.folder, "files": self.current})
        logger.info("[news_incremental] %d trang dựng lại, %d trang giữ nguyên, %d tệp ghi, %d tệp cũ đã xóa",
                    self.rendered, self.skipped, self.written, self.removed)


class _Template:
    """The template Pelican renders, asking the writer first."""

    def __init__(self, template, writer: IncrementalWriter, context: dict):
        self.template, self.writer, self.context = template, writer, context
        self.name = template.name

    def render(self, localcontext):
        return self.writer.render(self.template, self.context, localcontext)


class _Unchanged(str):
    """What render() returns for a page whose file is already right."""


UNCHANGED = _Unchanged()


class _LazyFile(io.StringIO):
    def __init__(self, path: str, encoding: str, writer: IncrementalWriter):
        super().__init__()
        self.path, self.encoding_name, self.writer = path, encoding, writer
        self.unchanged = False

    def write(self, text):
        if text is UNCHANGED:
            self.unchanged = True
            return 0
        return super().write(text)

    def close(self):
        if not self.closed and not self.unchanged:
            data = self.getvalue().encode(self.encoding_name)
            if write_if_changed(self.path, data):
                self.writer.written += 1
                if self.path.endswith(".html"):
                    self.writer.pages_changed += 1
        super().close()


def _identity(folder: str) -> list[int]:
    """The output folder itself (device and inode), not its path: a swapped-in folder differs."""
    try:
        stat = os.stat(folder)
    except OSError:
        return []
    return [stat.st_dev, stat.st_ino]


def previous_build(settings, output_path: str) -> dict[str, str]:
    """What the last build in place wrote into `output_path` (file -> fingerprint, or
    the tag of a placed photo), or nothing: a build into a fresh folder, or into one the
    fingerprints do not describe (a publish was swapped in, `invoke clean`, an older
    version of the manifest), which is then emptied. Called when the build starts,
    before anything (the search index process among them) writes there."""
    if not ensure(settings).incremental:
        return {}
    manifest = _load(_manifest_path(settings, output_path))
    if manifest.get("folder") == _identity(output_path):
        return manifest.get("files", {})
    clear(output_path)  # but for the marker the runner just wrote: it only ever is one of our builds
    return {}


def _remove_empty_parents(folder: str, root: str) -> None:
    root = os.path.abspath(root)
    folder = os.path.abspath(folder)
    while folder.startswith(root + os.sep):
        try:
            os.rmdir(folder)
        except OSError:
            return
        folder = os.path.dirname(folder)


def _manifest_path(settings, output_path: str) -> str:
    target = ensure(settings).target or output_path
    key = hashlib.blake2b(os.path.realpath(target).encode("utf-8", "replace"), digest_size=8).hexdigest()
    return os.path.join(cache_root(settings), "pages", f"{key}.json")


def _load(path: str) -> dict[str, str]:
    try:
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
        return data if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}


def _save(path: str, data: dict[str, str]) -> None:
    try:
        write_atomic(path, json.dumps(data, sort_keys=True).encode("utf-8"))
    except OSError:
        pass  # only costs speed at the next build


def write_article(generator, article) -> None:
    """Render one article's page as ArticlesGenerator.generate_articles does, through
    this writer, and record its fingerprint in the manifest of the folder's last
    build (the live preview's quick rebuild, news_preview/warm.py): the next build
    then knows the page is already right, or renders it again when it is not."""
    import functools

    from pelican import signals

    writer = IncrementalWriter(generator.output_path, settings=generator.settings)
    manifest = _load(writer.manifest_path)
    writer.previous = dict(manifest.get("files", {}))
    write = functools.partial(writer.write_file, relative_urls=generator.settings["RELATIVE_URLS"])
    signals.article_generator_write_article.send(generator, content=article)
    write(article.save_as, generator.get_template(article.template), generator.context, article=article,
          category=getattr(article, "category", None), override_output=hasattr(article, "override_save_as"),
          url=article.url, blog=True)
    if manifest.get("folder") == writer.folder:
        _save(writer.manifest_path, {"folder": writer.folder, "files": {**writer.previous, **writer.current}})
