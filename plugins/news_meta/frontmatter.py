"""Split a Markdown file into YAML front matter fields (with lines) and body."""

from __future__ import annotations

from dataclasses import dataclass

import yaml

from .errors import Problems

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
    lines = text.lstrip("\ufeff").splitlines()
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


def _parse_yaml(source: str, problems: Problems) -> dict[str, Field] | None:
    try:
        root = yaml.compose(source, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 2 if mark else 1
        problems.error(line, None, f"khai báo YAML không hợp lệ (invalid YAML: {exc.problem})", YAML_FIX)
        return None
    except yaml.YAMLError as exc:
        problems.error(1, None, f"khai báo YAML không hợp lệ (invalid YAML: {exc})", YAML_FIX)
        return None
    if root is None:
        return {}
    if not isinstance(root, yaml.MappingNode):
        problems.error(2, None, "phần khai báo phải là các dòng dạng trường: giá trị", YAML_FIX)
        return None
    fields: dict[str, Field] = {}
    for key_node, value_node in root.value:
        line = key_node.start_mark.line + 2
        key = str(key_node.value).strip()
        name = key.lower()
        if name in fields:
            problems.error(
                line, key, f"trường này đã được khai báo ở dòng {fields[name].line}",
                "Xóa một trong hai dòng.",
            )
            continue
        value = _value(value_node)
        if value is _NESTED:
            problems.error(line, key, "giá trị không được là một nhóm trường lồng nhau", YAML_FIX)
            continue
        fields[name] = Field(key, value, line)
    return fields


_NESTED = object()


def _value(node: yaml.Node):
    if isinstance(node, yaml.ScalarNode):
        return None if node.tag == _NULL else node.value
    if isinstance(node, yaml.SequenceNode):
        items = [_value(item) for item in node.value]
        if any(not isinstance(item, str) for item in items if item is not None):
            return _NESTED
        return [item for item in items if item is not None]
    return _NESTED
