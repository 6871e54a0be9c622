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

import glob
import hashlib
import os
import pickle
import secrets
import time

PRUNE_AFTER = 30 * 24 * 3600
PRUNE_EVERY = 24 * 3600
_WARM: dict[tuple[str, str], tuple] = {}


class RewriteMemo:
    def __init__(self, folder: str):
        self.folder = folder
        self.used: set[str] = set()
        self.hits = self.misses = 0

    def key(self, html: str, urls) -> str:
        from news_meta.cache import code_version

        content = urls.content
        made_from = [code_version(), urls.siteurl, repr(urls.cfg)]
        for index, photo in enumerate(getattr(content, "photos", None) or []):
            # what its derivatives are planned from (plan.py, with the settings above)
            roles = sorted(urls.roles.get(index, ()))
            made_from.append(repr((urls.folder(photo), photo.name, photo.digest, photo.width, photo.height, roles)))
        made_from += [urls.file(index) for index in range(len(getattr(content, "files", None) or []))]
        digest = hashlib.blake2b("\0".join(made_from).encode("utf-8", "replace"), digest_size=20)
        digest.update(html.encode("utf-8", "replace"))
        return digest.hexdigest()

    def _file(self, key: str) -> str:
        return os.path.join(self.folder, key[:2], key)

    def get(self, key: str) -> tuple | None:
        self.used.add(key)
        found = _WARM.get((self.folder, key))
        if found is None:
            try:
                with open(self._file(key), "rb") as handle:
                    found = pickle.loads(handle.read())
            except (OSError, ValueError, EOFError, pickle.PickleError, AttributeError, ImportError):
                found = None
            if not isinstance(found, tuple) or len(found) != 4:
                self.misses += 1
                return None
            _WARM[(self.folder, key)] = found
        self.hits += 1
        return found

    def put(self, key: str, done: tuple) -> None:
        self.used.add(key)
        target = self._file(key)
        temporary = f"{target}.{secrets.token_hex(4)}.tmp"
        try:
            os.makedirs(os.path.dirname(target), exist_ok=True)
            with open(temporary, "wb") as handle:
                handle.write(pickle.dumps(done, protocol=pickle.HIGHEST_PROTOCOL))
            os.replace(temporary, target)
        except OSError:  # a read-only or full disk only costs speed
            try:
                os.unlink(temporary)
            except OSError:
                pass

    def prune(self) -> int:
        """Forget the warm entries this build did not use; once a day, remove the
        files nobody used or wrote for PRUNE_AFTER."""
        for warm in [w for w in _WARM if w[0] == self.folder and w[1] not in self.used]:
            del _WARM[warm]
        stamp = os.path.join(self.folder, "pruned")
        try:
            if time.time() - os.stat(stamp).st_mtime < PRUNE_EVERY:
                return 0
        except OSError:
            pass
        try:
            os.makedirs(self.folder, exist_ok=True)
            with open(stamp, "w", encoding="utf-8"):
                pass
        except OSError:
            return 0
        removed, limit = 0, time.time() - PRUNE_AFTER
        for path in glob.glob(os.path.join(self.folder, "??", "*")):
            try:
                if os.path.basename(path) not in self.used and os.stat(path).st_mtime < limit:
                    os.unlink(path)
                    removed += 1
            except OSError:
                continue
        return removed
