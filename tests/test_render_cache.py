"""Which Markdown extensions let a post's conversion be kept across serve rebuilds."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest
from markdown.extensions import Extension
from markdown.extensions.toc import TocExtension
from mkdocs.config import load_config
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from pymdownx.slugs import slugify
from pymdownx.snippets import SnippetExtension
from pymdownx.superfences import fence_code_format

from mkdocs_blog_plugin.ads.treeprocessor import AdSlotExtension
from mkdocs_blog_plugin.structure.render_cache import (
    RenderCache,
    pure_extensions,
    pure_markdown,
    pure_options,
)


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


@pytest.mark.parametrize(
    ("extensions", "mdx_configs", "pure"),
    [
        (["toc", "tables"], {"toc": {"permalink": True}}, True),
        # An extension object keeps its options in itself, not in mdx_configs: Python-Markdown's
        # own slugify is known, the site's own function is not.
        ([TocExtension(permalink=True)], {}, True),
        ([TocExtension(slugify=functools.partial(slugify, case="lower"))], {}, True),
        ([TocExtension(slugify=_site_fence)], {}, False),
        ([TocExtension(slugify=str.lower)], {}, False),
        ([AdSlotExtension(lambda md: None), TocExtension()], {}, True),
        # Either part impure makes the whole so.
        (["toc"], {"toc": {"slugify": _site_fence}}, False),
        (["toc", "pymdownx.snippets"], {}, False),
    ],
)
def test_pure_markdown(
    extensions: list[object], mdx_configs: dict[str, object], pure: bool
) -> None:
    assert pure_markdown(extensions, mdx_configs) is pure


class Unknown(Extension):  # type: ignore[misc]
    """An extension of some other package."""


def _site_slugify(value: str, separator: str) -> str:
    """A slugify of the site's own code: it may read any file."""
    return separator.join(value.lower().split())


@pytest.mark.parametrize(("slugify_function", "kept"), [(None, True), (_site_slugify, False)])
def test_a_conversion_is_kept_only_when_an_extension_objects_options_are_pure(
    tmp_path: Path, slugify_function: object, kept: bool
) -> None:
    """A plugin that adds an extension object to the site's Markdown: its options are read
    from the object (they are in no ``mdx_configs``)."""
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Home\n", "utf-8")
    (tmp_path / "mkdocs.yml").write_text("site_name: Test\n", "utf-8")
    config = load_config(config_file=str(tmp_path / "mkdocs.yml"))
    options = {"slugify": slugify_function} if slugify_function is not None else {}
    config.markdown_extensions.append(TocExtension(**options))  # type: ignore[arg-type]
    files = Files([File("index.md", config.docs_dir, config.site_dir, config.use_directory_urls)])
    cache = RenderCache()
    for _ in range(2):
        page = Page(None, files.documentation_pages()[0], config)
        page.read_source(config)
        cache.render(page, config, files, lambda page=page: Page.render(page, config, files))
        assert page.content is not None and "Home" in page.content
    assert cache.hits == (1 if kept else 0)
