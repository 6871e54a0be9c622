"""Content problems that name the file, the line, the field and the fix."""

from __future__ import annotations

import logging
from dataclasses import dataclass

logger = logging.getLogger("news_meta")  # the reader's log, whichever package finds the problem


@dataclass(frozen=True)
class ContentError:
    """One problem in one source file; `fix` tells the editor what to write."""

    path: str
    line: int | None
    field: str | None
    problem: str
    fix: str = ""
    warning: bool = False

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        field = f" {self.field}:" if self.field else ""
        fix = f" {self.fix}" if self.fix else ""
        return f"{where}:{field} {self.problem}.{fix}"

    def log(self) -> None:
        # The path is a separate argument so Pelican's LimitFilter, which drops
        # repeated identical messages, never merges two files' problems.
        level = logging.WARNING if self.warning else logging.ERROR
        logger.log(level, "%s", self)


class ArticleRejected(Exception):
    """Raised by the reader after logging the errors that reject an article."""

    def __init__(self, path: str, errors: list[ContentError]):
        super().__init__(f"{path}: {len(errors)} lỗi")
        self.path = path
        self.errors = errors


class Problems:
    """Collects the problems found in one file, in the order they were found."""

    def __init__(self, path: str):
        self.path = path
        self.items: list[ContentError] = []
        self.reported_fields: set[str] = set()  # fields whose value was already rejected

    def error(self, line, field, problem, fix=""):
        self.items.append(ContentError(self.path, line, field, problem, fix))

    def warn(self, line, field, problem, fix=""):
        self.items.append(ContentError(self.path, line, field, problem, fix, True))

    @property
    def errors(self) -> list[ContentError]:
        return [item for item in self.items if not item.warning]

    def report(self) -> None:
        """Log every problem; raise if any of them is an error."""
        for item in sorted(self.items, key=lambda i: (i.line or 0)):
            item.log()
        if self.errors:
            raise ArticleRejected(self.path, self.errors)
