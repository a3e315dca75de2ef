"""Front matter in every form a supported generator writes, split from the Markdown body.

- YAML between ``---`` lines (Astro, Jekyll, Material, Hugo);
- TOML between ``+++`` lines (Hugo's default);
- a JSON object at the very top (Hugo);
- MultiMarkdown's ``Key: value`` lines up to the first blank line, which MkDocs itself reads
  when there is no YAML block (keys in lower case, values as text).

Unlike MkDocs, which quietly keeps broken front matter as page text (where a draft's would be
published), broken front matter raises :class:`FrontMatterError`, naming the file and the line.
"""

from __future__ import annotations

import json
import re
import sys
from typing import Any

import yaml
from frontmatter.default_handlers import YAMLHandler

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

_YAML = YAMLHandler()
_TOML = re.compile(r"\A\+\+\+[ \t]*\r?\n(.*?)^\+\+\+[ \t]*(?:\r?\n|\Z)", re.DOTALL | re.MULTILINE)
# As MkDocs reads MultiMarkdown meta-data (mkdocs.utils.meta).
_META = re.compile(r"^[ ]{0,3}(?P<key>[A-Za-z0-9_-]+):\s*(?P<value>.*)")
_META_MORE = re.compile(r"^([ ]{4}|\t)(\s*)(?P<value>.*)")


class FrontMatterError(ValueError):
    """Front matter that cannot be read. The page must not be published."""


def split_front_matter(path: str, text: str) -> tuple[dict[str, Any], str]:
    """Return the front matter mapping and the Markdown body of ``text``."""
    text = text.removeprefix("\ufeff")
    if _YAML.detect(text):
        return _yaml(path, text)
    if text.startswith("+++"):
        return _toml(path, text)
    if text.startswith("{"):
        found = _json(text)
        if found is not None:
            return found
    return _multimarkdown(text)


def _yaml(path: str, text: str) -> tuple[dict[str, Any], str]:
    try:
        raw, body = _YAML.split(text)
    except ValueError:
        raise FrontMatterError(
            f"{path}: the front matter opened by '---' on line 1 is never closed"
        ) from None
    try:
        data = _YAML.load(raw)
    except yaml.YAMLError as error:
        raise FrontMatterError(
            f"{path}: front matter is not valid YAML: {_yaml_where(error)}"
        ) from None
    return _mapping(path, data), body


def _yaml_where(error: yaml.YAMLError) -> str:
    mark = getattr(error, "problem_mark", None)
    problem = getattr(error, "problem", None) or str(error).splitlines()[0]
    if mark is None:
        return str(problem)
    # The mark counts from 0 within the front matter, which keeps the newline of the '---'
    # line: its line number plus one is the file's line.
    return f"{problem} (line {mark.line + 1} of the file, column {mark.column + 1})"


def _toml(path: str, text: str) -> tuple[dict[str, Any], str]:
    match = _TOML.match(text)
    if match is None:
        raise FrontMatterError(
            f"{path}: the front matter opened by '+++' on line 1 is never closed"
        )
    try:
        data = tomllib.loads(match.group(1))
    except tomllib.TOMLDecodeError as error:
        raise FrontMatterError(f"{path}: front matter is not valid TOML: {error}") from None
    return data, text[match.end() :]


def _json(text: str) -> tuple[dict[str, Any], str] | None:
    """Hugo's JSON front matter: an object that ends a line. Anything else is body text."""
    try:
        data, end = json.JSONDecoder().raw_decode(text)
    except ValueError:
        return None
    rest = text[end:]
    if not isinstance(data, dict) or rest.split("\n", 1)[0].strip():
        return None
    return data, rest.split("\n", 1)[1] if "\n" in rest else ""


def _multimarkdown(text: str) -> tuple[dict[str, Any], str]:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    data: dict[str, Any] = {}
    key = None
    index = 0
    for index, line in enumerate(lines):
        if not line.strip():
            index += 1
            break
        if match := _META.match(line):
            key = match.group("key").lower().strip()
            value = match.group("value").strip()
            data[key] = f"{data[key]} {value}" if key in data else value
        elif (more := _META_MORE.match(line)) and key:
            data[key] += f" {more.group('value').strip()}"
        else:
            break
    else:
        index = len(lines)
    if not data:
        return {}, text
    return data, "\n".join(lines[index:]).lstrip("\n")


def _mapping(path: str, data: object) -> dict[str, Any]:
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise FrontMatterError(
            f"{path}: front matter must be a mapping of keys to values, got {type(data).__name__}"
        )
    return data
