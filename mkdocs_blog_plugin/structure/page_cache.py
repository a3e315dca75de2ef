"""The theme's render of unchanged pages, kept across ``mkdocs serve`` rebuilds.

Without ``--dirty``, every rebuild renders every page through the theme's templates again:
after the posts' conversions and search entries are kept (``render_cache``, ``search_cache``),
that is half of a rebuild of a thousand posts under Material. A page whose template render
would be the same takes the last build's HTML; ``on_post_page`` of every plugin still runs on
it, and it is written as usual.

The render is kept under a key of everything the templates can read:

- the page itself: every attribute, compared by value (its HTML, table of contents, front
  matter, title, addresses; the pages it links to, its parent and neighbours, by kind, title
  and address); a page with an attribute of a type not known here is not kept;
- the rest of the context: ``base_url``, ``extra_css``, ``extra_javascript``, ``mkdocs_version``
  and, when a template of the theme mentions it, ``build_date_utc`` (MkDocs' and
  Read the Docs' themes print it; set ``SOURCE_DATE_EPOCH`` to keep their pages);
- for the whole build, worked out once: the navigation (every section, page and link, with
  each page's title, address and front matter), the site's pages, ``mkdocs.yml`` (its text
  and the config after every plugin's ``on_config``), every file of the theme's folders
  outside installed packages (``custom_dir``), by size and time of change, and the templates'
  globals, filters and tests (a function by its name, a partial with its arguments: what a
  filter keeps in itself is not seen).

So a one-post body edit keeps every page but the post and the listings that show its
excerpt; an edit of a title, tags, a date or a draft flag changes the navigation or the front
matter every page may show, and every page renders anew.

Only a page MkDocs renders (``template.render(context)`` of its build, armed in
``on_page_context``) is kept, only when nothing was logged during its render, and another
plugin that replaces the context after ours (a new dict) turns it off for that page.
"""

from __future__ import annotations

import datetime
import enum
import os
import re
import sysconfig
from collections.abc import Mapping
from dataclasses import fields, is_dataclass
from pathlib import Path, PurePath
from typing import Any

import jinja2
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure import StructureItem
from mkdocs.structure.files import File
from mkdocs.structure.nav import Link, Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, TableOfContents

from mkdocs_blog_plugin.structure.render_cache import counting_records

_SKIPPED = frozenset(
    {
        # What the conversion left for MkDocs' link checks, and the plugin's own bookkeeping:
        # no template reads them, and the content they come with is in the key.
        "markdown",
        "links_to_anchors",
        "present_anchor_ids",
        "render_cache",
        "slots",
        "_body",
        "source_key",
        "_Page__active",  # always true while the page renders
    }
)
_ADDRESS = re.compile(r" at 0x[0-9a-fA-F]+")
_INSTALLED = tuple(
    os.path.normcase(os.path.realpath(path))
    for path in {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
)


class Unknown(Exception):
    """A value of a type whose effect on the render cannot be told."""


def fingerprint(value: Any, *, lenient: bool = False) -> Any:
    """A comparable (and hashable) stand-in for ``value``, equal for values that render the
    same. Pages, sections and links are referred to by kind, title and address (the
    navigation is compared whole, once a build). ``lenient``: an object of an unknown type is
    taken by its ``repr`` (without memory addresses) instead of raising :class:`Unknown`."""
    if value is None or isinstance(value, (bool, int, float)):
        return value
    if isinstance(value, Markup):
        return ("markup", str(value))
    if isinstance(value, str):
        return value
    if isinstance(value, (datetime.date, datetime.time, datetime.timedelta)):
        return (type(value).__name__, repr(value))
    if isinstance(value, enum.Enum):
        return repr(value)
    if isinstance(value, PurePath):
        return ("path", str(value))
    if isinstance(value, StructureItem):
        return (type(value).__qualname__, value.title, getattr(value, "url", None))
    if isinstance(value, File):
        return ("file", value.src_uri, value.url)
    if isinstance(value, (TableOfContents, AnchorLink)):
        return _toc(value)
    own = getattr(value, "cache_fingerprint", None)
    if callable(own):
        return (type(value).__qualname__, own())
    if isinstance(value, Mapping):
        return (
            "map",
            tuple(
                (fingerprint(key, lenient=lenient), fingerprint(item, lenient=lenient))
                for key, item in value.items()
            ),
        )
    if isinstance(value, (list, tuple)):
        return (type(value).__name__, tuple(fingerprint(item, lenient=lenient) for item in value))
    if isinstance(value, (set, frozenset)):
        return ("set", tuple(sorted(repr(fingerprint(item, lenient=lenient)) for item in value)))
    if is_dataclass(value) and not isinstance(value, type):
        return (
            type(value).__qualname__,
            tuple(fingerprint(getattr(value, f.name), lenient=lenient) for f in fields(value)),
        )
    if lenient:
        return (type(value).__module__, type(value).__qualname__, _ADDRESS.sub("", repr(value)))
    raise Unknown(f"{type(value).__module__}.{type(value).__qualname__}")


def _toc(value: TableOfContents | AnchorLink) -> Any:
    if isinstance(value, TableOfContents):
        return ("toc", tuple(_toc(item) for item in value.items))
    return (value.title, value.id, value.level, tuple(_toc(item) for item in value.children))


def _page(page: Page) -> Any:
    return (
        type(page).__module__,
        type(page).__qualname__,
        tuple(
            (name, fingerprint(value)) for name, value in vars(page).items() if name not in _SKIPPED
        ),
    )


def _nav(items: list[Any]) -> Any:
    found: list[Any] = []
    for item in items:
        if isinstance(item, Section):
            found.append(("section", item.title, _nav(item.children)))
        elif isinstance(item, Page):
            found.append(("page", item.title, item.url, fingerprint(item.meta)))
        elif isinstance(item, Link):
            found.append(("link", item.title, item.url))
        else:
            raise Unknown(type(item).__qualname__)
    return tuple(found)


def _theme_files(dirs: list[str]) -> tuple[Any, ...]:
    """Every file of the theme's folders outside installed packages, by size and time."""
    found: list[Any] = []
    for folder in dirs:
        real = os.path.normcase(os.path.realpath(folder))
        if real.startswith(_INSTALLED):
            found.append(("installed", folder))
            continue
        for root, _dirs, names in os.walk(folder):
            _dirs.sort()
            for name in sorted(names):
                path = os.path.join(root, name)
                try:
                    stat = os.stat(path)
                except OSError:
                    continue
                found.append((path, stat.st_size, stat.st_mtime_ns))
    return tuple(found)


def _mentions(dirs: list[str], name: str, seen: dict[str, tuple[float, bool]]) -> bool:
    """Whether any template (``.html``, ``.xml``, ``.j2``) of the theme mentions ``name``."""
    for folder in dirs:
        for root, _dirs, names in os.walk(folder):
            _dirs[:] = [d for d in _dirs if d != ".icons"]
            for file_name in names:
                if not file_name.endswith((".html", ".xml", ".j2", ".jinja")):
                    continue
                path = os.path.join(root, file_name)
                try:
                    mtime = os.stat(path).st_mtime
                    known = seen.get(path)
                    if known is None or known[0] != mtime:
                        known = (mtime, name in Path(path).read_text("utf-8", "replace"))
                        seen[path] = known
                except OSError:
                    continue
                if known[1]:
                    return True
    return False


class PageCache:
    """One ``mkdocs serve`` session's theme renders of pages, by source file."""

    def __init__(self) -> None:
        self._kept: dict[tuple[str, str], tuple[Any, str]] = {}
        self._build: Any = None
        self._last_build_key: Any = None
        self._armed: tuple[Page, Any] | None = None
        self._config: MkDocsConfig | None = None
        self._env: jinja2.Environment | None = None
        self._dated = False
        self._mentions: dict[str, tuple[float, bool]] = {}
        self.hits = 0
        """Pages whose render came from an earlier build, in this session."""
        self.unknown: set[str] = set()
        """Types that kept a page from being cached, in this session (for the benchmark)."""

    def attach(self, env: jinja2.Environment, config: MkDocsConfig) -> None:
        """Render this build's templates through the cache. Called in ``on_env``, before any
        template of ``env`` is loaded."""
        cache = self

        class Template(env.template_class):  # type: ignore[name-defined, misc]
            def render(self, *args: Any, **kwargs: Any) -> str:
                armed = cache._armed
                if armed is None or kwargs or len(args) != 1 or args[0] is not armed[1]:
                    return str(super().render(*args, **kwargs))
                cache._armed = None
                return cache._render(self, armed[0], args[0], super().render)

        env.template_class = Template
        self._env = env
        self._build = None
        self._armed = None
        self._config = config
        self._dated = _mentions(config.theme.dirs, "build_date_utc", self._mentions)

    def arm(self, page: Page, context: Any) -> None:
        """The next render of ``context`` is ``page``'s by MkDocs (``on_page_context``)."""
        self._armed = (page, context) if self._config is not None else None

    def detach(self) -> None:
        """The build is over (``on_post_build``)."""
        self._armed = None
        self._config = None
        self._env = None
        self._build = None

    def _build_key(self, context: Mapping[str, Any]) -> Any:
        config = self._config
        assert config is not None
        nav, pages = context.get("nav"), context.get("pages")
        if self._build is not None and self._build[0] is nav:
            return self._build[1]
        key: Any = None
        try:
            if isinstance(nav, Navigation) and isinstance(pages, list):
                config_file = config.config_file_path
                key = (
                    Path(config_file).read_bytes() if config_file else None,
                    fingerprint(
                        {k: v for k, v in config.items() if k not in ("_current_page", "plugins")},
                        lenient=True,
                    ),
                    tuple(
                        (
                            name,
                            type(plugin).__qualname__,
                            fingerprint(getattr(plugin, "config", None), lenient=True),
                        )
                        for name, plugin in config.plugins.items()
                    ),
                    _theme_files(config.theme.dirs),
                    # What plugins put in the templates' globals, filters and tests
                    # (``on_env``): a function by its name, a partial with its arguments.
                    tuple(
                        fingerprint(dict(names), lenient=True)
                        for names in (self._env.globals, self._env.filters, self._env.tests)
                    )
                    if self._env
                    else None,
                    _nav(nav.items),
                    fingerprint(nav.homepage),
                    tuple(
                        (
                            file.src_uri,
                            file.url,
                            fingerprint(file.page),
                            fingerprint(file.page.meta) if file.page is not None else None,
                        )
                        for file in pages
                        if isinstance(file, File)
                    ),
                )
        except (Unknown, OSError) as error:
            self.unknown.add(str(error))
            key = None
        if key is not None and key == self._last_build_key:
            # The last build's own object: comparing each page's key then skips this part
            # (the whole site) by identity, instead of comparing it again for every page.
            key = self._last_build_key
        self._last_build_key = key
        self._build = (nav, key)
        return key

    def _render(self, template: jinja2.Template, page: Page, context: Any, render: Any) -> str:
        build_key = self._build_key(context)
        key: Any = None
        if build_key is not None:
            try:
                rest = tuple(
                    (name, fingerprint(value))
                    for name, value in context.items()
                    if name not in ("nav", "pages", "config", "page")
                    and (name != "build_date_utc" or self._dated)
                )
                key = (build_key, template.name, _page(page), rest)
            except Unknown as error:
                self.unknown.add(str(error))
        # By destination too: mkdocs-static-i18n builds a page of one source per language.
        uri = (page.file.src_uri, page.file.dest_uri)
        kept = self._kept.get(uri)
        if key is not None and kept is not None and kept[0] == key:
            self.hits += 1
            return kept[1]
        self._kept.pop(uri, None)
        with counting_records() as count:
            output = str(render(context))
        if key is not None and not count.records:
            self._kept[uri] = (key, output)
        return output
