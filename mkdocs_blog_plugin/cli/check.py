"""``check``: read every post as ``mkdocs build`` does, and report, without building.

The posts are read by the plugin's own ``on_files`` step, :func:`collect_blog`, on the files
MkDocs' ``get_files`` finds: so every problem is reported in the words, and at the level, of
the build. Nothing else of a build runs: no Markdown conversion of post bodies (only a title
heading, for a post without ``title:``), no page rendering, no theme environment, no other
plugin's events.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass

from mkdocs.structure.files import File, get_files

from mkdocs_blog_plugin.cli.site import (
    Site,
    SiteError,
    captured,
    load_site,
    shown_path,
)
from mkdocs_blog_plugin.core.front_matter import FrontMatterError, split_front_matter
from mkdocs_blog_plugin.structure.blog import Blog, collect_blog, reserved_prefixes
from mkdocs_blog_plugin.structure.nav import warn_of_hidden_posts_in_nav
from mkdocs_blog_plugin.structure.sources import read_mdx_as_pages, sort_sources
from mkdocs_blog_plugin.structure.urls import post_folder


@dataclass(frozen=True)
class Summary:
    """What ``check`` found."""

    read: int
    """Posts under ``blog_dir``, each read once as the build reads it."""
    published: int
    drafts: int
    withheld: int
    """Neither published nor drafts: front matter that cannot be read, or a URL taken."""
    warnings: int

    def line(self, blog: str) -> str:
        parts = [f"{self.published} published", _count(self.drafts, "draft")]
        if self.withheld:
            parts.append(f"{self.withheld} not published for a problem above")
        if self.warnings:
            verdict = f"{_count(self.warnings, 'warning')}: mkdocs build --strict would fail."
        else:
            verdict = "no warnings."
        return f"{_count(self.read, 'post')} read in {blog}/: {', '.join(parts)}; {verdict}"


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def run(config_file: str | None, *, strict: bool) -> int:
    """Exit status: 0 no warning, 1 warnings (printed), 2 a config that does not load."""
    with captured() as messages:
        try:
            site = load_site(config_file, strict=strict)
        except SiteError as error:
            messages.print(sys.stderr)
            print(f"Error: {error}", file=sys.stderr)
            return 2
        if not site.options.enabled:
            messages.print()
            print(
                f"{shown_path(site.config_file)}: {site.plugin_name} has enabled: false; "
                "no post is read."
            )
            return 1 if messages.warnings else 0
        read, blog = _read_posts(site)
    messages.print()
    summary = _summarise(read, blog, warnings=messages.warnings)
    blog_dir = os.path.join(site.config.docs_dir, *site.options.blog_dir.split("/"))
    print(summary.line(shown_path(blog_dir)))
    return 1 if summary.warnings else 0


def _read_posts(site: Site) -> tuple[list[File], Blog]:
    """The posts, and the blog the build would make of them (its messages logged)."""
    config, options = site.config, site.options
    files = get_files(config)
    # collect_blog's own first step, done here to see which files it reads as posts. It is
    # idempotent: the .mdx pages it makes are pages already when collect_blog does it again.
    read_mdx_as_pages(files, options.blog_dir, enabled=options.mdx)
    posts = sort_sources(
        files, options.blog_dir, reserved_prefixes(options), post_folder(options)
    ).posts
    # As in a build, where on_files runs inside PluginCollection.run_event: the pages the
    # plugin generates (File.generated) are marked as the plugin's.
    config.plugins._current_plugin = site.plugin_name
    try:
        blog = collect_blog(
            files,
            config=config,
            options=options,
            serving=False,
            now=dt.datetime.now(dt.timezone.utc),
        )
    finally:
        config.plugins._current_plugin = None
    if config.nav:  # on_nav's check: a nav entry naming a post that is not published
        warn_of_hidden_posts_in_nav(config.nav, files, options.blog_dir)
    return posts, blog


def _summarise(posts: Sequence[File], blog: Blog, *, warnings: int) -> Summary:
    """Sort the posts the build leaves out into drafts and the others: a post whose front
    matter cannot be read, or whose URL another post has (the first by path keeps it)."""
    kept: dict[str, str] = {}
    for file in sorted(posts, key=lambda file: file.src_uri):
        kept.setdefault(file.dest_uri, file.src_uri)
    drafts = withheld = 0
    for file in posts:
        if file.src_uri in blog.by_src:
            continue
        if kept[file.dest_uri] != file.src_uri or not _readable(file):
            withheld += 1
        else:
            drafts += 1
    return Summary(
        read=len(posts),
        published=len(blog.posts),
        drafts=drafts,
        withheld=withheld,
        warnings=warnings,
    )


def _readable(file: File) -> bool:
    try:
        split_front_matter(file.src_uri, file.content_string)
    except (FrontMatterError, UnicodeDecodeError, OSError):
        return False
    return True
