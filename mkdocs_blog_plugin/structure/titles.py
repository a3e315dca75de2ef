"""The text of a post's title heading as MkDocs shows it: its source rendered alone.

A post without ``title:`` takes the text of its first level-1 heading. The heading's Markdown
(`` # Using `git` for *faster* builds {: #fast } ``, or a setext ``Title`` over ``=====``) is
converted with the site's own Markdown extensions, and its text taken as MkDocs takes a page's
title from its heading: so listings, ``<title>``, search and the feed read what a reader sees,
and only the heading is rendered twice, not the post.
"""

from __future__ import annotations

import html
import xml.etree.ElementTree as etree

import markdown
from markdown.treeprocessors import Treeprocessor
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.utils.rendering import get_heading_text


class _FirstHeading(Treeprocessor):
    """Keeps the text of the document's first element when it is an ``<h1>``."""

    text: str | None = None

    def run(self, root: etree.Element) -> None:
        first = next(iter(root), None)
        self.text = (
            get_heading_text(first, self.md) if first is not None and first.tag == "h1" else None
        )


class HeadingTitles:
    """Turns a title heading's source into its text; one Markdown instance per build, made on
    first use (most posts have a ``title:``)."""

    def __init__(self, config: MkDocsConfig) -> None:
        self.config = config
        self._md: markdown.Markdown | None = None
        self._heading = _FirstHeading()

    def __call__(self, source: str) -> str | None:
        md = self._markdown()
        md.reset()
        self._heading.text = None
        md.convert(source)
        text = self._heading.text
        # MkDocs' heading text keeps HTML entities (&amp;); a post's title is plain text.
        return html.unescape(text).strip() or None if text else None

    def _markdown(self) -> markdown.Markdown:
        if self._md is None:
            md = markdown.Markdown(
                extensions=self.config.markdown_extensions,
                extension_configs=self.config.mdx_configs or {},
            )
            self._heading.md = md
            # Last but one, as MkDocs reads a page's title: after toc has added its permalink.
            md.treeprocessors.register(self._heading, "frontmatter_blog_title", priority=1)
            self._md = md
        return self._md
