"""Plain, countable logging for editors: one line a problem, no traceback."""

from __future__ import annotations

import logging

LABELS = {logging.ERROR: "LỖI", logging.WARNING: "CẢNH BÁO", logging.CRITICAL: "LỖI"}


class Counter(logging.Handler):
    """Counts warnings and errors from every logger during one build."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.errors = 0
        self.warnings = 0
        self.messages: list[str] = []  # "LỖI: file:line: problem. Fix." as printed

    def emit(self, record: logging.LogRecord) -> None:
        if record.levelno >= logging.ERROR:
            self.errors += 1
        elif record.levelno >= logging.WARNING:
            self.warnings += 1
        self.messages.append(PlainFormatter().format(record))


class PlainFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        label = LABELS.get(record.levelno)
        message = record.getMessage()
        return f"{label}: {message}" if label else message


def install(verbose: bool = False) -> tuple[Counter, list[logging.Handler]]:
    """Attach a counter and a plain stderr handler to the root logger."""
    from pelican.log import LimitFilter

    # Pelican drops a message it has already logged in this process. Each build
    # reports its own problems: `invoke serve` rebuilds in one process, and an
    # unchanged article's warning must show after every save, not only the first.
    LimitFilter._raised_messages.clear()
    LimitFilter._group_count.clear()
    root = logging.getLogger()
    counter = Counter()
    printer = logging.StreamHandler()
    printer.setFormatter(PlainFormatter())
    printer.setLevel(logging.INFO if verbose else logging.WARNING)
    root.addHandler(counter)
    root.addHandler(printer)
    if root.level > logging.WARNING or root.level == logging.NOTSET:
        root.setLevel(logging.WARNING)
    logging.getLogger("pelican").setLevel(logging.INFO if verbose else logging.WARNING)
    if verbose:  # what each step of ours did and took
        for name in ("news_images", "news_publish", "news_meta", "news_incremental"):
            logging.getLogger(name).setLevel(logging.INFO)
    return counter, [counter, printer]


def uninstall(handlers: list[logging.Handler]) -> None:
    for handler in handlers:
        logging.getLogger().removeHandler(handler)
