"""Split a Markdown file into YAML front matter fields (with lines) and body,
naming the line the editor got wrong when the YAML does not parse;
write a value back as a YAML scalar that reads back the same (yaml_text)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

import yaml

from . import controls, yaml_mistakes
from .errors import Problems

# The file extensions of articles and pages: Markdown with front matter.
KNOWN_FIELDS = (
    "title", "date", "views", "category", "summary", "cover", "focus", "tags", "slug",
    "status", "modified", "legacy_url", "legacy_hash",
)
SOURCE_EXTENSIONS = ("md", "markdown", "MD", "Md", "MARKDOWN")
_NULL = "tag:yaml.org,2002:null"
YAML_FIX = (
    'Nếu giá trị có dấu hai chấm (:), dấu # hoặc bắt đầu bằng [ { & * " thì hãy '
    'đặt cả giá trị trong dấu ngoặc kép, ví dụ title: "Hội nghị: kết quả năm 2023". '
    "Thụt lề bằng dấu cách, không dùng phím Tab."
)


@dataclass(frozen=True)
class Field:
    key: str  # as written
    value: str | list[str] | None
    line: int  # 1-based line of the key in the file


@dataclass(frozen=True)
class Document:
    fields: dict[str, Field]  # by lower-cased key
    body: str
    body_line: int  # 1-based file line of the body's first line


def split(text: str, problems: Problems) -> Document | None:
    """Return the document, or None after recording why it cannot be read."""
    # Only \n, \r\n and \r end a line, as in Markdown; str.splitlines() would
    # also split on U+2028 or form feeds pasted from Word and shift every line.
    lines = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if not lines or lines[0].strip() != "---":
        problems.error(
            1, None, "tệp không bắt đầu bằng phần khai báo (front matter)",
            "Dòng đầu tiên phải là ---, tiếp theo là các trường title, date, "
            "category, rồi một dòng --- nữa.",
        )
        return None
    close = next(
        (i for i, line in enumerate(lines[1:], 1) if line.rstrip() in ("---", "...")),
        None,
    )
    if close is None:
        problems.error(
            1, None, "phần khai báo (front matter) mở bằng --- nhưng không có dòng --- đóng lại",
            "Thêm một dòng chỉ có --- sau trường cuối cùng.",
        )
        return None
    fields = _parse_yaml("\n".join(lines[1:close]), problems)
    if fields is None:
        return None
    return Document(fields, "\n".join(lines[close + 1 :]), close + 2)


FAST_LOADER = getattr(yaml, "CSafeLoader", None)  # libyaml: the same nodes, ten times faster


def _parse_yaml(source: str, problems: Problems) -> dict[str, Field] | None:
    if not _plain_yaml(source, problems):
        return None
    try:
        # Errors are always worded by the pure-Python loader, whose messages _explain knows.
        root = _compose_fast(source) if FAST_LOADER else yaml.compose(source, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        if _report_mistake(source, mark.line if mark else None, problems):
            return None
        line = mark.line + 2 if mark else 1
        key = _key_at(source, mark.line) if mark else None
        problems.error(line, key, f"{_explain(exc.problem)} (invalid YAML: {exc.problem})", YAML_FIX)
        return None
    except yaml.YAMLError as exc:
        problems.error(1, None, f"khai báo YAML không hợp lệ (invalid YAML: {exc})", YAML_FIX)
        return None
    if root is None:
        return {}
    if not isinstance(root, yaml.MappingNode):
        if _report_mistake(source, None, problems):  # one line such as title:Phường
            return None
        problems.error(2, None, "phần khai báo phải là các dòng dạng trường: giá trị", YAML_FIX)
        return None
    fields: dict[str, Field] = {}
    for key_node, value_node in root.value:
        line = key_node.start_mark.line + 2
        key = str(key_node.value).strip()
        name = key.lower()
        if ":" in key and _report_mistake(source, key_node.start_mark.line, problems, only_last=True):
            return None  # title:Hội nghị: kết quả reads as the key "title:Hội nghị"
        if name in fields:
            problems.error(
                line, key, f"trường này đã được khai báo ở dòng {fields[name].line}",
                "Xóa một trong hai dòng.",
            )
            continue
        lost = _lost_text(source, value_node)
        value = _value(value_node)
        if lost:
            problems.error(line, key, lost, YAML_FIX)
            value = INVALID
        elif value is _NESTED:
            problems.error(line, key, "giá trị không được là một nhóm trường lồng nhau", YAML_FIX)
            value = INVALID
        elif _has_controls(value):  # a YAML escape such as "\\a" or "\\x08" in quotes
            problems.warn(line, key, controls.problem(controls.codes(" ".join(_strings(value)))), controls.FIX)
            value = [controls.strip(v) for v in value] if isinstance(value, list) else controls.strip(value)
        fields[name] = Field(key, value, line)
    return fields


MAX_DEPTH = 3  # the fields, a field's list, a list inside it (reported as nested below)


def _plain_yaml(source: str, problems: Problems) -> bool:
    """Refuse what front matter never needs and an attacker or a paste could use:
    aliases (*a expands "billion laughs" to gigabytes), anchors (&a), tags
    (!!python/…) and nesting deeper than MAX_DEPTH (a 700-level list exhausts the
    recursion). Looked at as parser events, before any node is built: the first
    one found is reported with its line. Syntax errors are left to the composer."""
    depth = 0
    try:
        for event in yaml.parse(source, Loader=FAST_LOADER or yaml.SafeLoader):
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                depth += 1
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                depth -= 1
            problem = _unsupported(event, depth, source)
            if problem:
                line = event.start_mark.line
                problems.error(line + 2, _key_at(source, line), problem, YAML_FIX)
                return False
    except yaml.YAMLError:
        return True  # _parse_yaml words it
    except RecursionError:  # pragma: no cover - the parsers are iterative
        problems.error(1, None, "khai báo YAML lồng nhau quá sâu", YAML_FIX)
        return False
    return True


def _unsupported(event, depth: int, source: str) -> str | None:
    tagged = getattr(event, "tag", None) not in (None, "!")
    if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) or tagged:
        first = source[event.start_mark.index : event.start_mark.index + 1]
        return f'giá trị bắt đầu bằng "{first}" sẽ bị YAML hiểu sai và cắt mất chữ'
    if depth > MAX_DEPTH:
        return "giá trị lồng nhau quá sâu (danh sách trong danh sách, nhiều tầng)"
    return None


def _compose_fast(source: str):
    try:
        return yaml.compose(source, Loader=FAST_LOADER)
    except yaml.YAMLError:
        return yaml.compose(source, Loader=yaml.SafeLoader)


INVALID = object()  # a field whose problem is already reported


def _lost_text(source: str, node: yaml.Node) -> str | None:
    """Text YAML would silently drop: ' #…' read as a comment, a leading ! or &
    read as a tag or anchor. Return the explanation, or None."""
    if not isinstance(node, yaml.ScalarNode) or node.style:
        return None  # quoted values keep every character
    start, end = node.start_mark.index, node.end_mark.index
    if source[start : start + 1] in ("!", "&", "*"):
        return f'giá trị bắt đầu bằng "{source[start]}" sẽ bị YAML hiểu sai và cắt mất chữ'
    rest = source[end:].split("\n", 1)[0]
    if "#" in rest:
        return f'phần "{rest.strip()}" sau dấu # bị YAML coi là ghi chú (comment) và bỏ mất'
    return None


def _key_at(source: str, line_index: int) -> str | None:
    lines = source.split("\n")
    if 0 <= line_index < len(lines) and ":" in lines[line_index]:
        key = lines[line_index].split(":", 1)[0].strip()
        return key if key.replace("_", "").replace("-", "").isalnum() else None
    return None


_EXPLAIN = {
    "mapping values are not allowed here": "giá trị có dấu hai chấm (:) mà không nằm trong ngoặc kép",
    "found character '\\t' that cannot start any token": "có ký tự Tab",
    "found character '\t' that cannot start any token": "có ký tự Tab",
    "could not find expected ':'": "thiếu dấu hai chấm (:) sau tên trường",
    "found unexpected end of stream": "thiếu dấu ngoặc kép đóng",
    "found undefined alias": "giá trị bắt đầu bằng dấu *",
}


def _explain(problem: str | None) -> str:
    for english, vietnamese in _EXPLAIN.items():
        if problem and problem.startswith(english):
            return f"khai báo YAML không hợp lệ: {vietnamese}"
    return "khai báo YAML không hợp lệ"


def _report_mistake(source: str, last: int | None, problems: Problems, only_last=False) -> bool:
    """The editor's mistake behind a YAML error (yaml_mistakes), looked for only once parsing failed."""
    return yaml_mistakes.report(source, last, problems, KNOWN_FIELDS, only_last)


_NESTED = object()


def _strings(value) -> list[str]:
    return [v for v in (value if isinstance(value, list) else [value]) if isinstance(v, str)]


def _has_controls(value) -> bool:
    return any(controls.CONTROLS.search(v) for v in _strings(value))


def _value(node: yaml.Node):
    if isinstance(node, yaml.ScalarNode):
        return None if node.tag == _NULL else node.value
    if isinstance(node, yaml.SequenceNode):
        items = [_value(item) for item in node.value]
        if any(not isinstance(item, str) for item in items if item is not None):
            return _NESTED
        return [item for item in items if item is not None]
    return _NESTED


_PLAIN_SAFE = re.compile(r"[^\s!&*\"'\[\]{}|>%@`#,?:-]")


def yaml_text(text: str) -> str:
    """`text` as a YAML scalar that reads back exactly: plain when safe, else quoted."""
    text = "".join(ch for ch in text if ch == "\t" or unicodedata.category(ch) != "Cc")
    plain = _PLAIN_SAFE.match(text) and ": " not in text and " #" not in text and not text.endswith(":")
    if plain:
        try:
            if yaml.safe_load(f"k: {text}") == {"k": text}:
                return text
        except yaml.YAMLError:
            pass
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
