"""``new``: write a new post, a draft, where and as the site's existing posts are written.

- **Where**: under ``docs_dir/blog_dir``, in the folder most existing posts live in, with
  their year (and month) folders taken for today's (``blog/2025/``, ``blog/posts/2025/``);
  at the top of ``blog_dir`` when there is no post yet.
- **Its name**: the slug of the title, made by the plugin's own slug function
  (:func:`~mkdocs_blog_plugin.core.slugs.slugify`), after Jekyll's ``2025-06-01-`` when most
  existing posts' names start with a date.
- **Its front matter**: YAML, with each field under the key that the ``keys`` option names
  first, else the key most existing posts use for it (``date`` rather than ``pubDate``...),
  else the plugin's own; ``pubDate`` is today in the ``timezone`` option; ``draft: true``
  unless the author says otherwise.

An existing file is never overwritten, nor a post written at the URL of another page.
"""

from __future__ import annotations

import datetime as dt
import os
import posixpath
import re
import sys
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

import yaml
from mkdocs.structure.files import File, Files, get_files

from mkdocs_blog_plugin.cli.site import (
    Site,
    SiteError,
    captured,
    load_site,
    shown_path,
)
from mkdocs_blog_plugin.config import BlogConfig
from mkdocs_blog_plugin.core.dates import zone
from mkdocs_blog_plugin.core.fields import FIELD_KEYS
from mkdocs_blog_plugin.core.front_matter import FrontMatterError, split_front_matter
from mkdocs_blog_plugin.core.slugs import is_valid_slug, name_key, slugify
from mkdocs_blog_plugin.core.urls import blog_prefix
from mkdocs_blog_plugin.structure.blog import reserved_prefixes
from mkdocs_blog_plugin.structure.sources import MdxFile, sort_sources
from mkdocs_blog_plugin.structure.urls import post_folder

_YEAR = re.compile(r"[0-9]{4}")
_MONTH = re.compile(r"[0-9]{2}")
_JEKYLL_NAME = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}-")
# Stand for today's year and month in a folder pattern (no folder name holds a NUL).
YEAR, MONTH = "\0year", "\0month"
# Names Windows keeps for devices, whatever the suffix: `con.md` cannot be checked out there.
_WINDOWS_DEVICES = frozenset(
    {"con", "prn", "aux", "nul"} | {f"{port}{n}" for port in ("com", "lpt") for n in range(1, 10)}
)


class Refused(Exception):
    """The post cannot be written where it would go (exit status 1)."""


@dataclass(frozen=True)
class Request:
    """What the author asked for on the command line."""

    title: str
    draft: bool = True
    tags: tuple[str, ...] = ()
    category: str | None = None
    slug: str | None = None


@dataclass(frozen=True)
class Conventions:
    """How the site's existing posts are written."""

    folder: tuple[str, ...] = ()
    """Folders under ``blog_dir``; :data:`YEAR` and :data:`MONTH` stand for today's."""
    dated_names: bool = False
    """Jekyll's ``2025-06-01-slug.md``."""
    keys: Mapping[str, str] | None = None
    """The key written for each field (``pubDate``, ``category``...)."""
    description: bool = True
    """Most posts have a description (or there is no post yet): write an empty one."""

    def key(self, field: str) -> str:
        return (self.keys or {}).get(field, FIELD_KEYS[field][0])


def clean_title(title: str) -> str:
    """The title on one line, its runs of spaces (and line breaks) made one space."""
    return " ".join(title.split())


def parse_tags(text: str | None) -> tuple[str, ...]:
    """``--tags "a, b,,c"``: each name once (as the plugin counts names: case and spacing
    aside), empty ones dropped."""
    names: dict[str, str] = {}
    for item in (text or "").split(","):
        if name := clean_title(item):
            names.setdefault(name_key(name), name)
    return tuple(names.values())


def run(config_file: str | None, request: Request) -> int:
    """Exit status: 0 written, 1 refused (exists, URL taken, reserved name), 2 usage or config."""
    title = clean_title(request.title)
    problem = _title_problem(title)
    if problem is None and request.slug is not None and not is_valid_slug(request.slug):
        problem = (
            f"--slug {request.slug!r} is not a slug: one path segment, without '/', '\\', '..', "
            "'?', '#', '%', spaces or control characters, not starting with '.'"
        )
    if problem is not None:
        print(f"Error: {problem}", file=sys.stderr)
        return 2
    with captured() as messages:
        try:
            site = load_site(config_file)
        except SiteError as error:
            messages.print(sys.stderr)
            print(f"Error: {error}", file=sys.stderr)
            return 2
        files = get_files(site.config)
    messages.print(sys.stderr)  # the config's warnings: the build would print them too
    today = dt.datetime.now(zone(site.options.timezone)).date()
    try:
        path = write_post(site, files, replace(request, title=title), today)
    except Refused as refused:
        print(f"Error: {refused}", file=sys.stderr)
        return 1
    print(shown_path(path))
    if request.draft:
        note = (
            "It is a draft (draft: true): mkdocs build leaves it out, mkdocs serve shows it. "
            "Set draft: false to publish it."
        )
    else:
        note = "It is not a draft (draft: false): the next mkdocs build publishes it."
    print(note, file=sys.stderr)
    return 0


def _title_problem(title: str) -> str | None:
    if not title:
        return "the title is empty"
    try:
        title.encode("utf-8")
    except UnicodeEncodeError:
        return "the title is not text that can be written as UTF-8 (it holds a lone surrogate)"
    return None


def write_post(site: Site, files: Files, request: Request, today: dt.date) -> str:
    """Write the post; return its path. Raises :class:`Refused`."""
    config, options = site.config, site.options
    posts = existing_posts(files, options)
    conventions = read_conventions(posts, options)
    slug = request.slug or slugify(request.title)
    name = f"{today.isoformat()}-{slug}" if conventions.dated_names else slug
    folder = [
        f"{today.year:04d}" if part == YEAR else f"{today.month:02d}" if part == MONTH else part
        for part in conventions.folder
    ]
    src_uri = posixpath.join(post_folder(options), *folder, f"{name}.md")
    path = os.path.join(config.docs_dir, *src_uri.split("/"))
    _check_name(src_uri, name, options)
    if os.path.lexists(path):
        raise Refused(f"{shown_path(path)} already exists: it is not overwritten")
    new = File(src_uri, config.docs_dir, config.site_dir, config.use_directory_urls)
    for other in _pages(files):
        if other.dest_uri == new.dest_uri:
            raise Refused(
                f"{shown_path(path)} would be at {new.url}, the URL of "
                f"{shown_path(str(other.abs_src_path or other.src_uri))}: pass --slug to name "
                "the post otherwise"
            )
    text = front_matter_text(request, conventions, today)
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "x", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
    except FileExistsError:
        raise Refused(f"{shown_path(path)} already exists: it is not overwritten") from None
    except OSError as error:
        raise Refused(f"{shown_path(path)} cannot be written: {error.strerror or error}") from None
    return path


def _check_name(src_uri: str, name: str, options: BlogConfig) -> None:
    """A name the plugin would not read as a post, or that not every system can hold."""
    reason = None
    if name == "index":
        reason = "index.md is its folder's own page, not a post of its own"
    elif src_uri.startswith(reserved_prefixes(options)):
        reason = "the plugin generates the pages there (tags_dir, categories_dir, pagination_dir)"
    elif name.split(".", 1)[0] in _WINDOWS_DEVICES:
        reason = f"Windows keeps the name {name.split('.', 1)[0]!r} for a device"
    if reason is not None:
        raise Refused(f"{src_uri} cannot be the new post: {reason}; pass --slug to name it")


def _pages(files: Iterable[File]) -> Iterable[File]:
    """Every page of ``docs_dir`` (an ``.mdx`` file as the page the plugin reads it as)."""
    for file in files:
        if file.is_documentation_page():
            yield file
        elif file.src_uri.lower().endswith(".mdx") and file.src_dir is not None:
            yield MdxFile(file.src_path, file.src_dir, file.dest_dir, file.use_directory_urls)


def existing_posts(files: Files, options: BlogConfig) -> list[File]:
    """The site's posts, published or not, as the plugin finds them."""
    sources = sort_sources(
        files, options.blog_dir, reserved_prefixes(options), post_folder(options)
    )
    mdx = [
        file
        for file in sources.others
        if options.mdx and posixpath.splitext(file.src_uri)[1].lower() == ".mdx"
    ]
    return sources.posts + mdx


def read_conventions(posts: Sequence[File], options: BlogConfig) -> Conventions:
    """How most of ``posts`` are written: their folders, names and keys."""
    folders: Counter[tuple[str, ...]] = Counter()
    dated = 0
    keys: dict[str, Counter[str]] = {field: Counter() for field in FIELD_KEYS}
    tried = _keys_tried(options.keys_)
    for file in posts:
        folder, name = _place(file.src_uri, post_folder(options))
        folders[folder] += 1
        dated += _JEKYLL_NAME.match(name) is not None
        try:
            meta, _ = split_front_matter(file.src_uri, file.content_string)
        except (FrontMatterError, UnicodeDecodeError, OSError):
            continue
        for field, candidates in tried.items():
            if (key := _key_used(meta, candidates)) is not None:
                keys[field][key] += 1
    chosen: dict[str, str] = {}
    for field, counts in keys.items():
        own = options.keys_.get(field)
        if own:
            chosen[field] = own[0]
        elif counts:
            chosen[field] = counts.most_common(1)[0][0]
    return Conventions(
        folder=folders.most_common(1)[0][0] if folders else (),
        dated_names=dated * 2 > len(posts),
        keys=chosen,
        description=not posts or keys["description"].total() * 2 >= len(posts),
    )


def _keys_tried(own: Mapping[str, Sequence[str]]) -> dict[str, tuple[str, ...]]:
    """Each field's keys in the order the plugin tries them: the ``keys`` option's first."""
    return {
        field: tuple(dict.fromkeys([*own.get(field, ()), *defaults]))
        for field, defaults in FIELD_KEYS.items()
    }


def _key_used(meta: Mapping[str, Any], candidates: Sequence[str]) -> str | None:
    """The key that gives a post the field: the first one with a value, as the plugin reads."""
    for key in candidates:
        value = meta.get(key)
        if value is None or value == "" or value == [] or value == {}:
            continue
        if key == "published" and isinstance(value, bool):
            continue  # published: false makes a draft; it is no date
        return key
    return None


def _place(src_uri: str, posts_folder: str) -> tuple[tuple[str, ...], str]:
    """The folders a post lives in under ``posts_folder`` (year and month folders as
    :data:`YEAR` and :data:`MONTH`), and its name: a folder post's is its folder's."""
    parts = src_uri[len(blog_prefix(posts_folder)) :].split("/")
    name = posixpath.splitext(parts.pop())[0]
    if name == "index" and parts:
        name = parts.pop()
    folder: list[str] = []
    for part in parts:
        if _YEAR.fullmatch(part):
            part = YEAR
        elif _MONTH.fullmatch(part) and folder and folder[-1] == YEAR:
            part = MONTH
        folder.append(part)
    return tuple(folder), name


def front_matter_text(request: Request, conventions: Conventions, today: dt.date) -> str:
    """The new post's source: YAML front matter, and an empty body."""
    meta: dict[str, Any] = {"title": request.title}
    if conventions.description:
        meta[conventions.key("description")] = ""
    meta[conventions.key("pubDate")] = today
    if request.category:
        key = conventions.key("category")
        # Material's `categories` is a list; a list reads as well as one name everywhere.
        meta[key] = [request.category] if key == "categories" else request.category
    if request.tags:
        meta[conventions.key("tags")] = list(request.tags)
    meta["draft"] = request.draft
    text = yaml.dump(
        meta,
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=2**16,  # a long title on one line
    )
    return f"---\n{text}---\n\n"


class _Dumper(yaml.SafeDumper):
    """YAML as posts are written by hand: a mapping of keys, lists inline (``tags: [a, b]``)."""


def _inline_list(dumper: yaml.SafeDumper, data: list[Any]) -> yaml.Node:
    return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=True)


_Dumper.add_representer(list, _inline_list)
