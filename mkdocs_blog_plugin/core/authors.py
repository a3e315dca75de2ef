"""Authors: the ``.authors.yml`` of Material's blog, and the names posts give.

A post names its authors in ``authors`` (ids of ``.authors.yml``, as Material's blog) or
``author`` (names, as Astro, Jekyll and Hugo write them; an id works there too). A name that is
not an id is shown as written. Links and avatars are used only when they are relative or
http(s).

```yaml
authors:
  jane:
    name: Jane Doe
    description: Writes about sync
    avatar: https://example.com/jane.png
    url: https://example.com/jane/
```
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import yaml

from mkdocs_blog_plugin.core.fields import is_safe_url
from mkdocs_blog_plugin.core.slugs import is_valid_slug


@dataclass(frozen=True)
class Author:
    key: str
    """The id in ``.authors.yml``, or the name a post gave."""
    name: str
    description: str | None = None
    avatar: str | None = None
    url: str | None = None
    slug: str | None = None
    """Where the author's page is (``author/{slug}``); by default their id."""


def read_authors(path: str, text: str) -> tuple[dict[str, Author], list[str]]:
    """The authors of an ``.authors.yml`` file by id, and what was wrong in it."""
    problems: list[str] = []
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        return {}, [f"{path}: not valid YAML ({str(error).splitlines()[0]}); no authors read"]
    entries = data.get("authors") if isinstance(data, Mapping) else None
    if not isinstance(entries, Mapping):
        return {}, [f"{path}: expected a mapping 'authors:' of ids to authors; no authors read"]
    authors: dict[str, Author] = {}
    for key, entry in entries.items():
        if not isinstance(entry, Mapping) or not _text(entry.get("name")):
            problems.append(f"{path}: author {key!r} has no 'name'; left out")
            continue
        authors[str(key)] = Author(
            key=str(key),
            name=_text(entry.get("name")) or str(key),
            description=_text(entry.get("description")),
            avatar=_url(path, key, "avatar", entry.get("avatar"), problems),
            url=_url(path, key, "url", entry.get("url"), problems),
            slug=_slug(path, key, entry.get("slug"), problems),
        )
    return authors, problems


def _text(value: object) -> str | None:
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return " ".join(str(value).split()) or None
    return None


def _slug(path: str, key: object, value: object, problems: list[str]) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, str) and is_valid_slug(value.strip()):
        return value.strip()
    problems.append(
        f"{path}: author {key!r} has slug {value!r}, which is not one path segment (no '/', "
        "'..', '?', '#' or spaces); their id is used"
    )
    return None


def _url(path: str, key: object, field: str, value: Any, problems: list[str]) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, str) and is_safe_url(value.strip()):
        return value.strip()
    problems.append(
        f"{path}: author {key!r} has {field} {value!r}: only a relative path or an http(s) URL; "
        "ignored"
    )
    return None


def resolve_authors(
    names: tuple[str, ...], registry: Mapping[str, Author], *, path: str, ids: object
) -> tuple[tuple[Author, ...], list[str]]:
    """The post's authors, and a problem for each value of ``ids`` (the post's ``authors``
    key, Material's list of ids) that is not an id of ``registry``."""
    listed = {str(item) for item in (ids if isinstance(ids, list) else [ids]) if item is not None}
    problems = [
        f"{path}: front matter key 'authors' names {name!r}, which is not an id of the authors "
        f"file ({', '.join(sorted(registry)) or 'it has none'}); shown as a name"
        for name in names
        if registry and name not in registry and name in listed
    ]
    return tuple(registry.get(name) or Author(key=name, name=name) for name in names), problems
