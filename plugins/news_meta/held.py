"""What a production build holds back, and what the editor tools left to replace.

- held_back(): why an article is not published by this build (a draft, a future
  date): the reader keeps its problems out of the error count, for the notice
  publish.report_held_back() prints, so an unfinished draft never stops the
  articles that are ready.
- check_placeholders(): the texts of news_core.placeholders still in a field or
  in the body.
"""

from __future__ import annotations

import re

from news_core import placeholders, vi
from news_core.errors import Problems
from news_core.fields import Meta


def held_back(meta: Meta | None, cfg, draft: bool) -> str:
    """Why a production build does not publish this article ("" when it does).

    Only a status this build could read counts: a draft whose status line is
    `status: draft` exactly, or a valid date in the future. An article whose
    status is mistyped, or whose front matter cannot be read at all and has no
    `status: draft` line, may be one the editor means to publish: its errors
    stop the publish build as ever.
    """
    if cfg.show_drafts:
        return ""
    if draft:
        return "bản nháp"
    if meta is not None and meta.date and meta.date > cfg.now:
        return f"hẹn giờ đăng {vi.day(meta.date)} {vi.clock(meta.date)}"
    return ""


_STATUS_DRAFT = re.compile(r"""^status:[ \t]*(?:draft|'draft'|"draft")[ \t\r]*(?:#.*)?$""", re.M)
_STATUS_ANY = re.compile(r"^\s*status\s*:", re.M)


def says_draft(text: str) -> bool:
    """Front matter YAML cannot read: a draft only if its one status line says `status: draft`.
    A regular expression over the source's front-matter lines, as yaml-metadata's HEADER_RE."""
    lines = text.lstrip("\ufeff").split("\n")
    if not lines or lines[0].strip() != "---":
        return False
    end = next((i for i, line in enumerate(lines[1:], 1) if line.strip() in ("---", "...")), len(lines))
    head = "\n".join(lines[1:end])
    return len(_STATUS_ANY.findall(head)) == 1 and bool(_STATUS_DRAFT.search(head))


def status_value(f) -> str:
    return f.value.strip().lower() if f is not None and isinstance(f.value, str) else ""


def check_placeholders(document, problems: Problems, strict: bool) -> None:
    """The texts `invoke new` and `invoke photos` leave for the editor to replace: an
    error when publishing; a warning in the preview, which then still shows the article."""
    report = problems.error if strict else problems.warn
    for name, f in document.fields.items():
        values = f.value if isinstance(f.value, list) else [f.value]
        for value in values:
            found = placeholders.in_field(value) if isinstance(value, str) else None
            if found:
                report(f.line, name, placeholders.problem(found[0]), found[1])
                break
    for index, text, fix in placeholders.in_body(document.body.split("\n")):
        report(document.body_line + index, None, placeholders.problem(text), fix)
