"""Which Markdown extensions let a post's conversion be kept across serve rebuilds."""

from __future__ import annotations

import pytest
from markdown.extensions import Extension
from markdown.extensions.toc import TocExtension
from pymdownx.snippets import SnippetExtension

from mkdocs_blog_plugin.ads.treeprocessor import AdSlotExtension
from mkdocs_blog_plugin.structure.render_cache import pure_extensions


@pytest.mark.parametrize(
    ("extensions", "pure"),
    [
        ([], True),
        (["toc", "tables", "admonition", "footnotes", "attr_list", "md_in_html"], True),
        (["markdown.extensions.toc", "pymdownx.superfences", "pymdownx.tabbed"], True),
        (["material.extensions.emoji"], True),
        # They read other files: a change there would not be seen.
        (["toc", "pymdownx.snippets"], False),
        (["pymdownx.b64"], False),
        (["pymdownx.snippets:SnippetExtension"], False),
        # Unknown: it may read anything.
        (["markdown_include.include"], False),
        (["toc", "some_package.extension"], False),
    ],
)
def test_pure_extensions_by_name(extensions: list[str], pure: bool) -> None:
    assert pure_extensions(extensions) is pure


def test_pure_extensions_by_instance() -> None:
    assert pure_extensions([AdSlotExtension(lambda md: None), TocExtension()])
    # An instance of another package's extension is unknown; snippets reads other files.
    assert not pure_extensions([Unknown()])
    assert not pure_extensions([SnippetExtension()])


class Unknown(Extension):  # type: ignore[misc]
    """An extension of some other package."""
