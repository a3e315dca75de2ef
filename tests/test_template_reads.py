"""When may a template's output be reused? ``template_reads`` must never say "no" wrongly."""

from __future__ import annotations

import jinja2
import pytest

from mkdocs_blog_plugin.i18n import Labels
from mkdocs_blog_plugin.renderer.render import template_reads


@jinja2.pass_context
def _url(context: jinja2.runtime.Context, value: str) -> str:
    # Like MkDocs' `url` filter: the result depends on the page in the context.
    return f"{context['page']}/{value}"


CASES = [
    ("{{ number }} {{ label }}", False),
    ("{{ label | upper | e }}{% if lazy is none %}x{% endif %}", False),
    ("{{ label.upper() }}", False),  # a method of a value passed in
    ("{% macro slot(n) %}{{ n }}{% endmacro %}{{ slot(number) }}", False),
    ("{% set page_size = 3 %}{{ page_size }}", False),  # a name like it is not it
    ("{{ page.title }}", True),
    ("{% if page %}x{% endif %}", True),
    ("{{ 'img/ad.png' | url }}", True),  # @pass_context filter: reads the page
    ("{{ [1, 2] | random }}", True),  # a different output each time
    ("{{ [number] | map('url') | list }}", True),
    ("{{ number | custom }}", True),  # not Jinja's own: may depend on anything
    ("{{ lipsum() }}", True),  # a global function
    ("{% include 'other.html' %}", True),  # the included template reads it
    ("{% extends 'other.html' %}", True),
    ("{% include 'plain.html' %}", False),  # it does not
    ("{% include 'loop.html' %}", False),  # templates that include each other: no endless walk
    ("{% include name %}", True),  # a computed name could be any template
    ("{% import 'macros.html' as m %}{{ m.link() }}", True),
    ("{% include 'gone.html' ignore missing %}{{ number }}", False),  # renders nothing
    ("{% include ['gone.html', 'plain.html'] %}", False),  # the fallback is looked at
    ("{% include ['gone.html', 'other.html'] %}", True),
    ("{% if false %}{% include 'broken.html' %}{% endif %}", True),  # cannot tell: assume so
    ("{{ 'x' | lower }}", True),  # `lower` rebound below to a filter that reads the page
    ("{% for n in range(number) %}{{ n }}{% endfor %}{{ dict(a=1) }}", False),
    ("{{ lipsum() }}{% macro lipsum() %}{% endmacro %}", True),  # the global, called first
    ("{{ (lipsum,)[0]() }}", True),
    ("{{ _('Advertisement') }}", True),  # a theme's global: could depend on anything
]


@pytest.mark.parametrize(("source", "reads_page"), CASES)
def test_template_reads_page(source: str, reads_page: bool) -> None:
    env = jinja2.Environment(
        loader=jinja2.DictLoader(
            {
                "slot.html": source,
                "other.html": "{{ page }}",
                "plain.html": "{{ number }}",
                "loop.html": "{% include 'slot.html' %}",
                "macros.html": "{% macro link() %}{{ 'a' | url }}{% endmacro %}",
                "broken.html": "{% if %}",
            }
        )
    )
    env.filters["url"] = _url
    env.filters["custom"] = str
    env.filters["lower"] = _url
    env.globals["_"] = str
    assert template_reads(env, "slot.html", "page") is reads_page


def test_a_missing_template_is_assumed_to_read_everything() -> None:
    env = jinja2.Environment(loader=jinja2.DictLoader({}))
    assert template_reads(env, "nowhere.html", "page") is True


@pytest.mark.parametrize("theme", ["mkdocs", "readthedocs", "material"])
def test_shipped_entry_and_slot_templates_are_reused(theme: str) -> None:
    # What keeps listings and ads cheap: a shipped template that reads the page (through the
    # `url` filter, `_()`, ...) would be rendered again for every page.
    from mkdocs.theme import Theme

    from mkdocs_blog_plugin.plugin import TEMPLATES_DIR

    theme_object = Theme(name=theme)
    theme_object.dirs.append(TEMPLATES_DIR)
    env = theme_object.get_env()
    # The renderer hands every template the labels' functions (`_`, `ngettext`...), which
    # hide the theme's own `_` (MkDocs' themes install Babel's translations).
    given = frozenset(Labels().context())
    assert not template_reads(env, "frontmatter-blog/entry.html", "page", provided=given)
    for variable in ("page", "base_url"):
        assert not template_reads(env, "frontmatter-blog/ad-slot.html", variable, provided=given)
