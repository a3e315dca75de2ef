"""The serve page cache's fingerprints, and what keeps a page's render from being kept."""

from __future__ import annotations

import datetime
from pathlib import Path, PurePosixPath
from typing import Any

import pytest
from markupsafe import Markup

from mkdocs_blog_plugin.structure.page_cache import Unknown, fingerprint
from tests.sitebuild import make_site


@pytest.mark.parametrize(
    ("one", "other", "same"),
    [
        ("a", "a", True),
        ("a", Markup("a"), False),  # escaped differently by templates
        (1, 1.0, True),
        ([1, 2], [1, 2], True),
        ([1, 2], (1, 2), False),
        ({"a": 1, "b": 2}, {"b": 2, "a": 1}, False),  # templates loop in order
        ({"a": [1, {"b": None}]}, {"a": [1, {"b": None}]}, True),
        ({1, 2}, {2, 1}, True),
        (datetime.date(2025, 1, 1), datetime.date(2025, 1, 1), True),
        (datetime.date(2025, 1, 1), datetime.datetime(2025, 1, 1), False),
        (PurePosixPath("a/b"), PurePosixPath("a/b"), True),
        (PurePosixPath("a/b"), "a/b", False),
    ],
)
def test_fingerprints_equal_for_values_that_render_the_same(
    one: Any, other: Any, same: bool
) -> None:
    assert (fingerprint(one) == fingerprint(other)) is same
    hash(fingerprint(one))


def test_an_unknown_object_has_no_fingerprint_but_a_lenient_one() -> None:
    class Thing:
        pass

    with pytest.raises(Unknown, match="Thing"):
        fingerprint({"a": [Thing()]})
    # In the config: two instances print the same, whatever their address.
    assert fingerprint(Thing(), lenient=True) == fingerprint(Thing(), lenient=True)


def _serve_twice(config_file: Path) -> Any:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    site_dir = config_file.parent / "session"

    def load() -> Any:
        config = load_config(config_file=str(config_file), site_dir=str(site_dir))
        config.site_url = "http://127.0.0.1:8000/"
        return config

    config = load()
    config.plugins.on_startup(command="serve", dirty=False)
    build(config, serve_url="http://127.0.0.1:8000/")
    build(load(), serve_url="http://127.0.0.1:8000/")
    return config.plugins["frontmatter-blog"]


@pytest.mark.parametrize(
    ("hook", "reason"),
    [
        # An attribute of a type the cache cannot compare: the page renders anew.
        (
            "def on_page_context(context, page, config, nav):\n    page.thing = Thing()\n",
            "hooks.py.Thing",
        ),
        # A plugin after ours that hands MkDocs a new context.
        (
            "from mkdocs.plugins import event_priority\n\n"
            "@event_priority(-200)\n"
            "def on_page_context(context, page, config, nav):\n"
            "    return dict(context)\n",
            None,
        ),
    ],
)
def test_pages_the_cache_cannot_vouch_for_render_anew(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hook: str, reason: str | None
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    config_file = make_site(tmp_path, config={"hooks": ["hooks.py"]})
    (config_file.parent / "hooks.py").write_text(f"class Thing:\n    pass\n\n\n{hook}", "utf-8")
    plugin = _serve_twice(config_file)
    assert plugin.page_cache.hits == 0
    assert plugin.page_cache.unknown == ({reason} if reason else set())


def test_unchanged_pages_are_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    plugin = _serve_twice(make_site(tmp_path))
    assert plugin.page_cache.hits > 5 and plugin.page_cache.unknown == set()


def test_a_new_filter_argument_renders_every_page_anew(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A hook gives the templates a filter made anew each build from a file outside the
    theme's folders: when that changes, so does every page, and none is kept."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    config_file = make_site(
        tmp_path,
        config={"hooks": ["hooks.py"], "theme": {"name": "mkdocs", "custom_dir": "overrides"}},
    )
    root = config_file.parent
    (root / "banner.txt").write_text("first banner", "utf-8")
    (root / "hooks.py").write_text(
        "import functools\nfrom pathlib import Path\n\n\n"
        "def banner(text, value):\n    return f'{text}: {value}'\n\n\n"
        "def on_env(env, config, files):\n"
        "    text = (Path(config.config_file_path).parent / 'banner.txt').read_text('utf-8')\n"
        "    env.filters['banner'] = functools.partial(banner, text)\n"
        "    return env\n",
        "utf-8",
    )
    (root / "overrides").mkdir()
    (root / "overrides" / "main.html").write_text(
        '{% extends "base.html" %}\n'
        '{% block content %}<p class="banner">{{ "now" | banner }}</p>{{ super() }}'
        "{% endblock %}\n",
        "utf-8",
    )
    site_dir = root / "session"

    def serve_build() -> Any:
        config = load_config(config_file=str(config_file), site_dir=str(site_dir))
        config.site_url = "http://127.0.0.1:8000/"
        build(config, serve_url="http://127.0.0.1:8000/")
        return config

    first = load_config(config_file=str(config_file), site_dir=str(site_dir))
    first.plugins.on_startup(command="serve", dirty=False)
    serve_build()
    plugin = first.plugins["frontmatter-blog"]
    serve_build()
    kept = plugin.page_cache.hits
    assert kept > 5  # nothing changed: every page is kept
    (root / "banner.txt").write_text("second banner", "utf-8")
    serve_build()
    assert plugin.page_cache.hits == kept
    pages = list(site_dir.rglob("index.html"))
    assert len(pages) > 5
    for page in pages:
        assert "second banner: now" in page.read_text("utf-8"), page
