"""The API's nested objects as flat table rows, for the CSV and XLSX downloads.

The columns come from the dataset's schema, not from the data, so a file has the same
header whatever its rows hold (an empty list too) and in the schema's field order:

- a nested object becomes dotted columns (`organisation.name`), at any depth;
- a list of scalars becomes one column, its items joined with " | ";
- a list of objects (and a free-form mapping) becomes one column holding its JSON text,
  so nothing is lost: a reader parses it, or takes the JSON download for that dataset.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from ninja import Schema

SEPARATOR = " | "
JOIN = "join"  # a list of scalars
JSON = "json"  # a list of objects, a mapping, or a value of no fixed shape
SCALAR = "scalar"
_SCALAR_TYPES = {"string", "integer", "number", "boolean", "null"}


@dataclass(frozen=True)
class Column:
    path: tuple[str, ...]
    kind: str

    @property
    def header(self) -> str:
        return ".".join(self.path)


def columns(schema: type[Schema]) -> list[Column]:
    document = schema.model_json_schema(mode="serialization", by_alias=False)
    return list(_walk(document, document.get("$defs", {}), (), ()))


def _resolve(node: dict[str, Any], defs: dict[str, Any]) -> tuple[dict[str, Any], str]:
    """The node behind a $ref (and the ref's name, to stop at a recursive schema), with
    a nullable `X | None` read as X."""
    ref = ""
    for _ in range(10):
        if "$ref" in node:
            ref = node["$ref"].rsplit("/", 1)[-1]
            node = defs.get(ref, {})
            continue
        branches = [b for b in node.get("anyOf", []) if b.get("type") != "null"]
        if "anyOf" in node and len(branches) == 1:
            node = branches[0]
            continue
        break
    return node, ref


def _is_scalar(node: dict[str, Any], defs: dict[str, Any]) -> bool:
    node, _ref = _resolve(node, defs)
    if "enum" in node or "const" in node:
        return True
    if "anyOf" in node:
        return all(_is_scalar(branch, defs) for branch in node["anyOf"])
    kind = node.get("type")
    if isinstance(kind, list):
        return set(kind) <= _SCALAR_TYPES
    return kind in _SCALAR_TYPES


def _walk(
    node: dict[str, Any], defs: dict[str, Any], path: tuple[str, ...], seen: tuple[str, ...]
) -> Any:
    node, ref = _resolve(node, defs)
    if ref and ref in seen:  # a tree of itself: one JSON column from here on
        yield Column(path, JSON)
        return
    properties = node.get("properties")
    if properties and (node.get("type") in (None, "object")):
        for name, child in properties.items():
            yield from _walk(child, defs, (*path, name), (*seen, ref) if ref else seen)
        return
    if not path:
        raise ValueError("A dataset's schema must be an object with fields")
    if node.get("type") == "array":
        yield Column(path, JOIN if _is_scalar(node.get("items", {}), defs) else JSON)
    elif _is_scalar(node, defs):
        yield Column(path, SCALAR)
    else:
        yield Column(path, JSON)


def _at(obj: Any, path: tuple[str, ...]) -> Any:
    for key in path:
        if not isinstance(obj, dict):
            return None
        obj = obj.get(key)
    return obj


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def cell(obj: dict[str, Any], column: Column) -> Any:
    """The value of one column for one object (as the API gives it: JSON values). None
    stays None (an empty cell); numbers and booleans stay themselves."""
    value = _at(obj, column.path)
    if value is None:
        return None
    if column.kind == JOIN and isinstance(value, list):
        return SEPARATOR.join(_text(item) for item in value if item is not None)
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return value


def row(obj: dict[str, Any], cols: list[Column]) -> list[Any]:
    return [cell(obj, column) for column in cols]
