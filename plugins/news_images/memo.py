"""Rewritten article HTML (and the photo URLs lists and cards show) kept between
builds, keyed by everything it is made from.

Turning photo markers into <picture>s parses the article with bs4: a few
milliseconds an article, on every build, for every article with a photo. The
result depends only on the article's HTML, the plugins' code, the site URL,
the photo settings and, for each photo and file, the folder it is published
in and what its derivatives are planned from (size, content hash, roles).
Their hash is the key; an entry is a pickle of (HTML, social image, card
image, photo URLs), one file each under cache/rewrite/<2 hex>/<key>. Entries unused for
30 days are removed, at most once a day; a process that builds again (the
live preview) keeps what it read in memory.
"""

from __future__ import annotations

import hashlib

from news_core.cache import PickleStore


class RewriteMemo(PickleStore):
    def key(self, html: str, urls) -> str:
        from news_core.cache import code_version

        content = urls.content
        made_from = [code_version(), urls.siteurl, repr(urls.cfg), repr(urls.focus)]
        for index, photo in enumerate(getattr(content, "photos", None) or []):
            # what its derivatives are planned from (plan.py, with the settings above)
            roles = sorted(urls.roles.get(index, ()))
            made_from.append(repr((urls.folder(photo), photo.name, photo.digest, photo.width, photo.height, roles)))
        made_from += [urls.file(index) for index in range(len(getattr(content, "files", None) or []))]
        digest = hashlib.blake2b("\0".join(made_from).encode("utf-8", "replace"), digest_size=20)
        digest.update(html.encode("utf-8", "replace"))
        return digest.hexdigest()

    def get(self, key: str) -> tuple | None:
        return self.load(key, lambda done: isinstance(done, tuple) and len(done) == 4)
