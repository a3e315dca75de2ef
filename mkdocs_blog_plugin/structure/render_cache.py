"""Posts' rendered Markdown, kept across ``mkdocs serve`` rebuilds.

Without ``--dirty``, every rebuild converts every post's Markdown again, the largest part of a
build, though one post changed. A post whose conversion would be the same takes last time's
result instead: the same source file, the same Markdown (after every plugin's
``on_page_markdown``), the same Markdown extensions and options, the same address for every
file of the site (links are resolved against them) and the same link ``validation`` settings.
What a conversion gives is what is kept: the HTML, the table of contents, the title of its
first heading, the anchors it has and the links to other pages' anchors it holds (MkDocs checks
them after every page is rendered).

Kept only when nothing can differ unseen:

- every Markdown extension is one known to read nothing but the page (Python-Markdown's,
  PyMdown's but ``snippets`` and ``b64``, which read other files; Material's; the plugin's),
  and so is every function their options name (a custom fence's formatter, a ``slugify``),
  in ``mdx_configs`` or in an extension object's own options: one of another package, or of
  the site's own code, may read anything;
- the conversion logged nothing (a broken link's warning must show on every rebuild).

A post with ad slots has the placement rules in its key, and keeps the HTML of each slot it
got: the kept conversion is taken only while the slot template still renders the same HTML for
each of them (for this page: a template of the user's own may read it), and the slot count
the conversion would have set is restored.
"""

from __future__ import annotations

import copy
import functools
import logging
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Protocol

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from mkdocs_blog_plugin.ads.treeprocessor import SlotRequest

_PURE_PREFIXES = ("markdown.extensions.", "pymdownx.", "material.extensions.")
_PURE_NAMES = frozenset(
    {
        "abbr",
        "admonition",
        "attr_list",
        "codehilite",
        "def_list",
        "extra",
        "fenced_code",
        "footnotes",
        "legacy_attrs",
        "legacy_em",
        "md_in_html",
        "meta",
        "nl2br",
        "sane_lists",
        "smarty",
        "tables",
        "toc",
        "wikilinks",
    }
)
_READ_OTHER_FILES = frozenset({"pymdownx.snippets", "pymdownx.b64"})


def pure_extensions(extensions: Iterable[object]) -> bool:
    """Whether every configured Markdown extension reads only the page it converts."""
    for extension in extensions:
        if isinstance(extension, str):
            extension = extension.partition(":")[0]  # Python-Markdown's "module:Class" too
            if extension in _READ_OTHER_FILES:
                return False
            if extension not in _PURE_NAMES and not extension.startswith(_PURE_PREFIXES):
                return False
        else:
            module = type(extension).__module__
            if module in _READ_OTHER_FILES:
                return False
            if not f"{module}.".startswith(("mkdocs_blog_plugin.", *_PURE_PREFIXES)):
                return False
    return True


def pure_options(options: object) -> bool:
    """Whether every function or class named in the extensions' options (``mdx_configs``,
    nested in lists and mappings) is of a package whose extensions are pure."""
    if isinstance(options, dict):
        return all(pure_options(value) for value in options.values())
    if isinstance(options, (list, tuple)):
        return all(pure_options(value) for value in options)
    if isinstance(options, functools.partial):  # !!python/object/apply:pymdownx.slugs.slugify
        return pure_options(options.func) and pure_options([*options.args, options.keywords])
    if callable(options):
        module = getattr(options, "__module__", None) or ""
        return f"{module}.".startswith(("mkdocs_blog_plugin.", "markdown.", *_PURE_PREFIXES))
    return True


def pure_markdown(extensions: Iterable[object], mdx_configs: object) -> bool:
    """Whether the Markdown configuration reads only the page it converts: every extension
    (:func:`pure_extensions`) and every function in their options (:func:`pure_options`), those
    in ``mdx_configs`` and those an extension given as an object (a plugin adds one) holds in
    its own options."""
    extensions = list(extensions)
    return (
        pure_extensions(extensions)
        and pure_options(mdx_configs)
        and pure_options([_options(ext) for ext in extensions if not isinstance(ext, str)])
    )


@dataclass(frozen=True)
class _Rendered:
    key: tuple[Any, ...]
    content: str
    toc: Any
    title: str | None
    present_anchor_ids: frozenset[str] | None
    links_to_anchors: dict[str, dict[str, str]] | None
    """By the ``src_uri`` of the page linked to: the ``File`` objects are the build's own."""
    slots: tuple[str, ...] | None = None
    """The HTML of each ad slot the conversion inserted; ``None``: it took no slot request."""
    manual: bool = False
    """Whether the post placed its slots with ``<!-- ad -->`` markers."""


class Slots(Protocol):
    """The ad slots of a page's conversion (:class:`mkdocs_blog_plugin.ads.AdsFeature`)."""

    def pending_request(self, page: Page) -> SlotRequest | None: ...

    def claim(self, page: Page, request: SlotRequest) -> None: ...


class CountRecords(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG + 1)
        self.records = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.records += 1


@contextmanager
def counting_records() -> Iterator[CountRecords]:
    """Count the records above DEBUG logged inside the ``with``: a conversion or render that
    logged must not be kept (its messages must show on every rebuild)."""
    count = CountRecords()
    # MkDocs' (or ProperDocs') logger may not pass its records on to the root's.
    loggers = [logging.getLogger(name) for name in (None, "mkdocs", "properdocs")]
    for logger in loggers:
        logger.addHandler(count)
    try:
        yield count
    finally:
        for logger in loggers:
            logger.removeHandler(count)


class RenderCache:
    """One ``mkdocs serve`` session's rendered posts, by source file."""

    def __init__(self) -> None:
        self._kept: dict[str, _Rendered] = {}
        self._build: tuple[Files, tuple[Any, ...] | None] | None = None
        self.hits = 0
        """Conversions taken from an earlier build, in this session."""

    def _build_key(self, config: MkDocsConfig, files: Files) -> tuple[Any, ...] | None:
        """What every post's conversion in this build depends on besides its own Markdown;
        ``None`` when an extension may read other files. Worked out once per build."""
        # The Files object itself, not its id: a freed one's id may come back.
        if self._build is not None and self._build[0] is files:
            return self._build[1]
        extensions = list(config["markdown_extensions"])
        key: tuple[Any, ...] | None = None
        if pure_markdown(extensions, config["mdx_configs"] or {}):
            # An extension given as an object: its class, and its options (not in mdx_configs).
            names = tuple(
                ext
                if isinstance(ext, str)
                else (type(ext).__module__, type(ext).__qualname__, repr(_options(ext)))
                for ext in extensions
            )
            addresses = tuple((file.src_uri, file.url, file.inclusion.name) for file in files)
            key = (
                names,
                repr(sorted((config["mdx_configs"] or {}).items())),
                config.use_directory_urls,
                # validation.links.absolute_links decides how "/x.md" links come out.
                repr(config.validation),
                config.docs_dir,
                hash(addresses),
            )
        self._build = (files, key)
        return key

    def render(
        self,
        page: Page,
        config: MkDocsConfig,
        files: Files,
        convert: Callable[[], None],
        slots: Slots | None = None,
    ) -> None:
        """``convert()`` the page (MkDocs' ``Page.render``), or take the last build's result
        when its conversion would be the same; keep the result for the next build.
        ``slots``: where the page's ad slot request is, if it may have one."""
        build_key = self._build_key(config, files)
        if build_key is None or page.markdown is None:
            convert()
            return
        request = slots.pending_request(page) if slots is not None else None
        rules = repr(request.rules) if request is not None else None
        key = (build_key, page.file.abs_src_path, page.markdown, rules)
        uri = page.file.src_uri
        kept = self._kept.get(uri)
        if (
            kept is not None
            and kept.key == key
            and (
                request is None
                or kept.slots is None
                or request.render_slots(len(kept.slots)) == kept.slots
            )
        ):
            self.hits += 1
            if slots is not None and request is not None and kept.slots is not None:
                request.placed = len(kept.slots)
                request.html = kept.slots
                request.manual = kept.manual
                slots.claim(page, request)
            page.content = kept.content
            # A copy: a plugin or hook may change the page's toc after the conversion.
            page.toc = copy.deepcopy(kept.toc)
            page._title_from_render = kept.title
            page.present_anchor_ids = (
                set(kept.present_anchor_ids) if kept.present_anchor_ids is not None else None
            )
            page.links_to_anchors = _files_of(kept.links_to_anchors, files)
            return
        self._kept.pop(uri, None)
        with counting_records() as count:
            convert()
        if count.records or page.content is None:
            return  # its messages must show again next time
        taken = request is not None and slots is not None and slots.pending_request(page) is None
        self._kept[uri] = _Rendered(
            key=key,
            content=page.content,
            toc=copy.deepcopy(page.toc),
            title=page._title_from_render,
            present_anchor_ids=(
                frozenset(page.present_anchor_ids) if page.present_anchor_ids is not None else None
            ),
            links_to_anchors=(
                {file.src_uri: dict(links) for file, links in page.links_to_anchors.items()}
                if page.links_to_anchors is not None
                else None
            ),
            slots=request.html if taken and request is not None else None,
            manual=request.manual if taken and request is not None else False,
        )


def _options(extension: object) -> list[tuple[str, Any]]:
    get = getattr(extension, "getConfigs", None)
    return sorted(get().items()) if callable(get) else []


def _files_of(
    links: dict[str, dict[str, str]] | None, files: Files
) -> dict[File, dict[str, str]] | None:
    if links is None:
        return None
    found: dict[File, dict[str, str]] = {}
    for uri, anchors in links.items():
        file = files.get_file_from_path(uri)
        if file is not None:
            found[file] = dict(anchors)
    return found
