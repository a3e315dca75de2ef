"""Front matter for a whole folder: the ``.meta.yml`` files of Material's meta plugin.

A ``.meta.yml`` in a folder gives its keys to every page below it, as if each had written them
(``draft: true`` for a folder of work in progress, a common ``tags`` list). Deeper files come
after shallower ones and a page's own front matter last: a later scalar replaces an earlier
one, lists are joined, mappings merged (Material's "typesafe additive" merge).
"""

from __future__ import annotations

import posixpath
from collections.abc import Mapping
from typing import Any

META_FILE = ".meta.yml"


def folder_meta(path: str, meta_files: Mapping[str, Mapping[str, Any]]) -> dict[str, Any]:
    """The keys that the ``.meta.yml`` files above ``path`` give it, merged in level order.

    ``meta_files`` maps each meta file's folder (``""`` for ``docs_dir``) to its data.
    """
    merged: dict[str, Any] = {}
    folder = posixpath.dirname(path)
    chain = []
    while True:
        if folder in meta_files:
            chain.append(meta_files[folder])
        if not folder:
            break
        folder = posixpath.dirname(folder)
    for data in reversed(chain):
        merged = merge(merged, data)
    return merged


def merge(base: Mapping[str, Any], top: Mapping[str, Any]) -> dict[str, Any]:
    """``top`` over ``base``: lists joined, mappings merged, anything else replaced."""
    result = dict(base)
    for key, value in top.items():
        before = result.get(key)
        if isinstance(before, list) and isinstance(value, list):
            result[key] = [*before, *(item for item in value if item not in before)]
        elif isinstance(before, Mapping) and isinstance(value, Mapping):
            result[key] = merge(before, value)
        else:
            result[key] = value
    return result
