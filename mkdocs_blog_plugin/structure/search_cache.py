"""Search entries of unchanged pages, kept across ``mkdocs serve`` rebuilds.

Without ``--dirty``, every rebuild hands every page to the search plugin again, which parses
its HTML into sections (a third of a rebuild of a thousand posts under Material). What the
index makes of a page depends on nothing but the page: its HTML, table of contents, address,
title and the ``title``, ``tags`` and ``search`` of its front matter, and the index's own
settings. A page whose inputs are all the same as in the last build gets the same entries,
copied, in the same place of the index; any other is parsed anew.

Only the indexes whose code is known are wrapped: MkDocs' own (``search``, ProperDocs' copy of
it too) and Material's (``material/search``), of their exact classes (a subclass may index
differently).
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

_KNOWN = {
    # Index class (module, name) -> the attribute holding its list of entries.
    ("mkdocs.contrib.search.search_index", "SearchIndex"): "_entries",
    # ProperDocs' copy of it (``mkdocs.*`` imports answered by ``properdocs.*``).
    ("properdocs.contrib.search.search_index", "SearchIndex"): "_entries",
    ("material.plugins.search.plugin", "SearchIndex"): "entries",
}
_FRONT_MATTER = ("title", "tags", "search")
"""The keys of ``page.meta`` either index reads."""


def _toc_key(items: Any) -> tuple[Any, ...]:
    return tuple(
        (item.id, item.url, item.title, item.level, _toc_key(item.children)) for item in items
    )


class _Indexing:
    """``add_entry_from_context`` of one build's index, taking unchanged pages' entries from
    the last build."""

    def __init__(self, cache: SearchCache, index: Any, add: Callable[[Page], Any], entries: str):
        self.cache = cache
        self.index = index
        self.add = add
        self.entries = entries
        self.settings = (type(index).__module__, repr(sorted(index.config.items())))

    def __call__(self, page: Page) -> Any:
        entries: list[dict[str, Any]] | None = getattr(self.index, self.entries, None)
        if not isinstance(entries, list) or page.content is None:
            return self.add(page)
        key = (
            self.settings,
            page.url,
            page.title,
            page.content,
            _toc_key(page.toc),
            repr([page.meta.get(name) for name in _FRONT_MATTER]),
        )
        uri = page.file.src_uri
        kept = self.cache.kept.get(uri)
        if kept is not None and kept[0] == key:
            self.cache.hits += 1
            entries.extend(copy.deepcopy(kept[1]))
            return None
        start = len(entries)
        result = self.add(page)
        self.cache.kept[uri] = (key, copy.deepcopy(entries[start:]))
        return result


class SearchCache:
    """One ``mkdocs serve`` session's search entries, by source file."""

    def __init__(self) -> None:
        self.kept: dict[str, tuple[tuple[Any, ...], list[dict[str, Any]]]] = {}
        self.hits = 0
        """Pages whose entries came from an earlier build, in this session."""

    def attach(self, config: MkDocsConfig) -> None:
        """Wrap the index of every known search plugin of this build's ``config``. Called in
        ``on_env``: after every ``on_config`` and ``on_pre_build`` (where the indexes are
        made) and before any page is indexed."""
        for plugin in config.plugins.values():
            index = getattr(plugin, "search_index", None)
            entries = _KNOWN.get((type(index).__module__, type(index).__qualname__))
            add = getattr(index, "add_entry_from_context", None)
            if index is None or entries is None or not callable(add) or _wrapped(add):
                continue
            if not isinstance(getattr(index, "config", None), dict):
                continue
            index.add_entry_from_context = _Indexing(self, index, add, entries)


def _wrapped(add: Any) -> bool:
    # Another wrapper of ours (leaving listings out) may stand between.
    while add is not None:
        if isinstance(add, _Indexing):
            return True
        add = getattr(add, "add", None)
    return False
