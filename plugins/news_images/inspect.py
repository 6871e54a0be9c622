"""The inspector news_meta's reader calls for every photo reference."""

from __future__ import annotations

import os
from dataclasses import replace

from .probe import DigestMemo, probe, register_heif
from .settings import Config


class Inspector:
    """PhotoRef -> PhotoRef with size and digest; raises PhotoProblem."""

    def __init__(self, cfg: Config):
        self.cfg = cfg
        self.digests = DigestMemo(os.path.join(cfg.cache_path, "digests.json"))
        self.heif = False

    def learn(self, photo, stamp) -> None:
        """A photo read in the pool (its hash and size), as the content cache recorded it."""
        self.digests.learn(photo.source, stamp, photo.digest, photo.width, photo.height)

    def __call__(self, photo):
        if not self.heif:  # on the first photo read afresh: a rebuild from the cache never needs it
            register_heif()
            self.heif = True
        found = probe(photo.source, self.cfg.max_pixels, self.digests)
        return replace(photo, width=found.width, height=found.height, digest=found.digest)
