"""Publish the documents (PDF, DOCX, …) that articles link to, cleaned as
documents.py says: no author, no photo position."""

from __future__ import annotations

import os

from news_core.output import OutputLog

from .documents import cleaned
from .pipeline import photo_folder


def publish_files(contents, output_path: str, outputs: OutputLog | None = None) -> int:
    """Write each attached file once, beside its article, recorded in `outputs`
    (the build's Build.outputs); return how many."""
    if outputs is None:
        outputs = OutputLog()
    written = set()
    for content in contents:
        for item in getattr(content, "files", None) or []:
            folder = photo_folder(content, item)
            target = os.path.join(output_path, *folder.split("/"), *item.name.split("/"))
            if target in written:
                continue
            os.makedirs(os.path.dirname(target), exist_ok=True)
            with open(item.source, "rb") as handle:
                data = cleaned(item.name, handle.read())
            with open(target, "wb") as handle:
                handle.write(data)
            outputs.produced(target)
            written.add(target)
    return len(written)
