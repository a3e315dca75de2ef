"""Which Markdown extensions let a post's conversion be kept across serve rebuilds."""

from __future__ import annotations

import functools

import pytest
from markdown.extensions import Extension
from markdown.extensions.toc import TocExtension
from pymdownx.slugs import slugify
from pymdownx.snippets import SnippetExtension
from pymdownx.superfences import fence_code_format

from mkdocs_blog_plugin.ads.treeprocessor import AdSlotExtension
from mkdocs_blog_plugin.structure.render_cache import pure_extensions, pure_options


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


def _site_fence(source: str, language: str, css_class: str, options: object, md: object) -> str:
    """A custom fence's formatter of the site's own code: it may read any file."""
    return source


@pytest.mark.parametrize(
    ("options", "pure"),
    [
        ({}, True),
        ({"toc": {"permalink": True, "toc_depth": 3}}, True),
        # What mkdocs.yml's !!python/name: and !!python/object/apply: tags give, from a package
        # whose extensions are pure: PyMdown's fence formatter and slugify.
        (
            {
                "pymdownx.superfences": {
                    "custom_fences": [
                        {"name": "mermaid", "class": "mermaid", "format": fence_code_format}
                    ]
                },
                "toc": {"slugify": functools.partial(slugify, case="lower")},
            },
            True,
        ),
        # The site's own formatter or slugify, or a function of no known package: it may read
        # other files, so no conversion is kept.
        (
            {"pymdownx.superfences": {"custom_fences": [{"name": "x", "format": _site_fence}]}},
            False,
        ),
        ({"toc": {"slugify": functools.partial(_site_fence, "x")}}, False),
        ({"toc": {"slugify": str.lower}}, False),
    ],
)
def test_pure_options(options: dict[str, object], pure: bool) -> None:
    assert pure_options(options) is pure


def test_materials_emoji_options_are_pure() -> None:
    emoji = pytest.importorskip("material.extensions.emoji")
    options = {"pymdownx.emoji": {"emoji_index": emoji.twemoji, "emoji_generator": emoji.to_svg}}
    assert pure_options(options)


class Unknown(Extension):  # type: ignore[misc]
    """An extension of some other package."""
