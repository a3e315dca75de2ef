"""When may a rendered listing entry be reused across pages? Only with the plugin's own
templates, which read nothing of the page but its depth; any override turns reuse off."""

from __future__ import annotations

from pathlib import Path

import jinja2
import jinja2.meta
import pytest
from jinja2 import nodes
from jinja2.filters import FILTERS
from jinja2.utils import _PassArg

from mkdocs_blog_plugin.renderer.render import OWN_TEMPLATES, TEMPLATE_FOLDER, own_templates
from tests.sitebuild import build_site

# What the renderer reuses (with what it includes).
REUSED = ("entry.html",)


def _theme_env(theme: str, custom_dir: Path | None = None) -> jinja2.Environment:
    if theme == "material":
        pytest.importorskip("material", reason="Material for MkDocs is not installed")
    from mkdocs.theme import Theme

    from mkdocs_blog_plugin.plugin import TEMPLATES_DIR

    options = {} if custom_dir is None else {"custom_dir": str(custom_dir)}
    theme_object = Theme(name=theme, **options)
    theme_object.dirs.append(TEMPLATES_DIR)
    return theme_object.get_env()


@pytest.mark.parametrize("theme", ["mkdocs", "readthedocs", "material"])
def test_the_shipped_templates_are_found_as_the_plugins_own(theme: str) -> None:
    assert own_templates(_theme_env(theme)) is True


@pytest.mark.parametrize("name", ["entry.html", "post-meta.html", "ad-slot.html"])
def test_any_override_turns_reuse_off(tmp_path: Path, name: str) -> None:
    # Even one that reads nothing of the page: the plugin does not try to tell.
    (tmp_path / TEMPLATE_FOLDER).mkdir()
    (tmp_path / TEMPLATE_FOLDER / name).write_text("{{ post.title }}\n", "utf-8")
    assert own_templates(_theme_env("mkdocs", tmp_path)) is False


def test_an_override_of_another_template_leaves_reuse_on(tmp_path: Path) -> None:
    (tmp_path / "main.html").write_text("{% extends 'base.html' %}\n", "utf-8")
    (tmp_path / TEMPLATE_FOLDER).mkdir()
    (tmp_path / TEMPLATE_FOLDER / "mine.html").write_text("{{ page.url }}\n", "utf-8")
    assert own_templates(_theme_env("mkdocs", tmp_path)) is True


def _included(name: str, env: jinja2.Environment, seen: set[str]) -> list[nodes.Template]:
    seen.add(name)
    tree = env.parse(env.loader.get_source(env, name)[0])  # type: ignore[union-attr]
    trees = [tree]
    for other in jinja2.meta.find_referenced_templates(tree):
        assert other is not None, f"{name} includes a template by a computed name"
        if other not in seen:
            trees += _included(other, env, seen)
    return trees


@pytest.mark.parametrize("name", REUSED)
def test_the_reused_templates_read_nothing_of_the_page(name: str) -> None:
    # What makes their reuse right: neither they nor what they include name `page`, or use a
    # filter that reads the context (MkDocs' `url`) or is not Jinja's own.
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(OWN_TEMPLATES.parent)))
    seen: set[str] = set()
    for tree in _included(f"{TEMPLATE_FOLDER}/{name}", env, seen):
        assert "page" not in jinja2.meta.find_undeclared_variables(tree), seen
        for node in tree.find_all(nodes.Filter):
            assert node.name in FILTERS, (seen, node.name)
            assert _PassArg.from_obj(FILTERS[node.name]) is not _PassArg.context, node.name
    assert seen <= {f"{TEMPLATE_FOLDER}/{path.name}" for path in OWN_TEMPLATES.glob("*.html")}


def test_an_overridden_include_that_reads_the_page_is_rendered_for_each_page(
    tmp_path: Path,
) -> None:
    # post-meta.html is included by every entry and header: an override that prints the page's
    # address shows each listing's own, on listings at one depth that share posts.
    files = {
        "../overrides/frontmatter-blog/post-meta.html": '<p class="probe">{{ page.url }}</p>\n'
    }
    site = build_site(
        tmp_path, files=files, config={"theme": {"name": "mkdocs", "custom_dir": "overrides"}}
    )
    shared = None
    for url in ["blog/tags/overwhelm/", "blog/categories/work/"]:
        soup = site.soup(url)
        probes = {probe.get_text() for probe in soup.select(".fmb-entry .probe")}
        assert probes == {url}, url
        titles = {title.get_text(strip=True) for title in soup.select(".fmb-entry-title")}
        shared = titles if shared is None else shared & titles
    assert shared, "the two listings share no post: the test shows nothing"
    # And each post's header, rendered for its post, sees its own page.
    assert {p.get_text() for p in site.soup("blog/2025/leverage/").select(".probe")} == {
        "blog/2025/leverage/"
    }
