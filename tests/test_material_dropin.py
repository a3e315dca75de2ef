"""Material's blog options, URLs, excerpts, read time, archives, authors' pages, pins, links
and page attributes, on sites built for the purpose (the same fixture built by Material's
blog and by ours is in test_material_parity.py)."""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mkdocs_blog_plugin.compat.material import NOT_HONOURED, PRESET, RENAMED
from mkdocs_blog_plugin.config import BlogConfig
from tests.sitebuild import Site, build_config_file, build_site, make_site, post

# Every option of Material's blog plugin (material/plugins/blog/config.py, 9.x).
MATERIAL_OPTIONS = [
    "blog_dir",
    "blog_toc",
    "post_dir",
    "post_date_format",
    "post_url_date_format",
    "post_url_format",
    "post_url_max_categories",
    "post_slugify",
    "post_slugify_separator",
    "post_excerpt",
    "post_excerpt_max_authors",
    "post_excerpt_max_categories",
    "post_excerpt_separator",
    "post_readtime",
    "post_readtime_words_per_minute",
    "archive",
    "archive_name",
    "archive_date_format",
    "archive_url_date_format",
    "archive_url_format",
    "archive_pagination",
    "archive_pagination_per_page",
    "archive_toc",
    "categories",
    "categories_name",
    "categories_url_format",
    "categories_slugify",
    "categories_slugify_separator",
    "categories_sort_by",
    "categories_sort_reverse",
    "categories_allowed",
    "categories_pagination",
    "categories_pagination_per_page",
    "categories_toc",
    "authors",
    "authors_file",
    "authors_profiles",
    "authors_profiles_name",
    "authors_profiles_url_format",
    "authors_profiles_pagination",
    "authors_profiles_pagination_per_page",
    "authors_profiles_toc",
    "pagination",
    "pagination_per_page",
    "pagination_url_format",
    "pagination_format",
    "pagination_if_single_page",
    "pagination_keep_content",
    "draft",
    "draft_on_serve",
    "draft_if_future_date",
]


def load(options: dict[str, Any]) -> tuple[BlogConfig, list[Any], list[tuple[str, str]]]:
    config = BlogConfig()
    config.load_dict(options)
    failed, warnings = config.validate()
    return config, failed, warnings


def test_every_material_option_name_is_an_option() -> None:
    known = dict(BlogConfig._schema)
    assert [name for name in MATERIAL_OPTIONS if name not in known] == []


@pytest.mark.parametrize(
    ("material", "value", "ours"),
    [
        ("pagination_per_page", 4, "posts_per_page"),
        ("draft_on_serve", False, "drafts_on_serve"),
        ("draft_if_future_date", True, "future_posts_as_drafts"),
        ("post_date_format", "medium", "date_format"),
        ("categories_name", "Topics", "categories_title"),
        ("archive_name", "By year", "archive_title"),
        ("authors_profiles_name", "Writers", "authors_title"),
    ],
)
def test_materials_name_sets_ours(material: str, value: object, ours: str) -> None:
    config, failed, warnings = load({material: value})
    assert (failed, warnings) == ([], [])
    assert config[ours] == value
    assert material in RENAMED


def test_materials_translation_keys_keep_our_titles() -> None:
    config, failed, warnings = load({"archive_name": "blog.archive"})
    assert (failed, warnings) == ([], [])
    assert config.archive_title is None  # ours: "Archive" in the site's language


def test_both_names_disagreeing_is_a_warning_naming_both() -> None:
    config, _, warnings = load({"pagination_per_page": 4, "posts_per_page": 6})
    assert config.posts_per_page == 6
    assert len(warnings) == 1 and "pagination_per_page" in warnings[0][1]
    assert "posts_per_page" in warnings[0][1]


@pytest.mark.parametrize("name", sorted(NOT_HONOURED))
def test_an_option_not_honoured_is_a_warning_naming_it(name: str) -> None:
    value, _ = NOT_HONOURED[name]
    _, failed, warnings = load({name: value})
    assert failed == []
    assert [option for option, _ in warnings] == [name]
    assert "not honoured" in warnings[0][1]


def test_pagination_format_other_than_a_window_is_a_warning() -> None:
    _, _, warnings = load({"pagination_format": "$link_previous ~2~ $link_next"})
    assert [option for option, _ in warnings] == ["pagination_format"]
    assert load({"pagination_format": "~3~"})[2] == []


def test_the_preset_sets_materials_defaults_and_yields_to_mkdocs_yml() -> None:
    config, failed, warnings = load({"preset": "material", "post_url_format": "{slug}"})
    assert (failed, warnings) == ([], [])
    assert config.post_url_format == "{slug}"
    for name, value in PRESET.items():
        if name != "post_url_format":
            assert config[name] == value, name
    plain, _, _ = load({})
    assert plain.post_url_format is None and plain.post_dir == "{blog}"


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"post_url_format": "{date}/{title}"}, "{title}"),
        ({"post_url_format": "../{slug}"}, "not a path in the blog"),
        ({"archive_url_format": "{slug}"}, "{slug}"),
        ({"post_url_date_format": "%Y/%m"}, None),
        ({"blog_dir": "../x"}, "relative folder"),
    ],
)
def test_url_formats_are_checked(options: dict[str, Any], message: str | None) -> None:
    _, failed, _ = load(options)
    if message is None:
        assert failed == []
    else:
        assert len(failed) == 1 and message in str(failed[0][1])


def site_with(
    tmp_path: Path, files: dict[str, str], *, binary: dict[str, bytes] | None = None, **plugin: Any
) -> Site:
    config_file = make_site(
        tmp_path,
        None,
        config={
            "site_url": "https://example.org/",
            "plugins": [{"frontmatter-blog": plugin}],
            "theme": {"name": "mkdocs", "highlightjs": False},
        },
        files={"index.md": "# Home\n", **files},
    )
    for name, data in (binary or {}).items():
        (config_file.parent / "docs" / name).write_bytes(data)
    return build_config_file(config_file, strict=False)


def warnings(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]


def test_post_url_format_without_the_preset(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    site = site_with(
        tmp_path,
        {
            "blog/a.md": post(
                {"title": "Hello, World!", "date": "2024-01-31", "categories": ["Go Lang"]}
            ),
            "blog/b.md": post({"title": "Mine", "date": "2024-02-01", "slug": "my-own"}),
            "blog/c.md": post({"title": "Bad", "date": "2024-02-02", "slug": "../../etc"}),
            "blog/d.md": post({"title": "No date"}),
        },
        post_url_format="{categories}/{date}/{slug}",
        post_url_date_format="yyyy/MM",
    )
    assert site.exists("blog/go-lang/2024/01/hello-world/")
    assert site.exists("blog/2024/02/my-own/")
    assert site.exists("blog/2024/02/bad/")
    assert site.exists("blog/d/")  # {date} without a date: the file's URL
    assert not site.exists("blog/a/")
    problems = warnings(caplog)
    assert any("blog/c.md" in w and "'slug'" in w and "../../etc" in w for w in problems)
    assert any("blog/d.md" in w and "needs one" in w for w in problems)
    # Links between posts follow them to their new address.
    listing = dict(site.links("blog/", ".fmb-entry-title a"))
    assert listing["Hello, World!"] == "blog/go-lang/2024/01/hello-world/"


def test_two_posts_at_one_url_keep_one_loudly(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    site = site_with(
        tmp_path,
        {
            "blog/one.md": post({"title": "Same", "date": "2024-01-31"}, "FIRST-BODY"),
            "blog/two.md": post({"title": "Same", "date": "2024-01-31"}, "SECOND-BODY"),
        },
        post_url_format="{date}/{slug}",
    )
    text = site.page_path("blog/2024/01/31/same/").read_text("utf-8")
    assert "FIRST-BODY" in text and site.grep("SECOND-BODY") == []
    assert any(
        "blog/two.md" in w and "blog/one.md" in w and "not published" in w for w in warnings(caplog)
    )


def test_aliases_and_old_file_urls_redirect(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    site = site_with(
        tmp_path,
        {
            "blog/moved.md": post(
                {
                    "title": "Moved",
                    "date": "2024-03-01",
                    "aliases": ["/old/moved-post/", "../escape"],
                }
            ),
        },
        post_url_format="{date}/{slug}",
        keep_file_urls=True,
    )
    for old in ("old/moved-post/", "blog/moved/"):
        soup = site.soup(old)
        refresh = soup.select_one('meta[http-equiv="refresh"]')
        assert refresh is not None
        target = refresh["content"].split("url=", 1)[1]
        assert site.resolve(old, target) == "blog/2024/03/01/moved/"
        assert soup.select_one('link[rel="canonical"]')["href"] == (
            "https://example.org/blog/2024/03/01/moved/"
        )
    sitemap = site.page_path("sitemap.xml").read_text("utf-8")
    assert "old/moved-post" not in sitemap and "blog/moved/" not in sitemap
    assert "old/moved-post" not in site.page_path("blog/").read_text("utf-8")
    assert any("'aliases'" in w and "../escape" in w for w in warnings(caplog))


def test_whole_site_blog(tmp_path: Path) -> None:
    site = build_site(
        tmp_path,
        None,
        config={"plugins": [{"frontmatter-blog": {"blog_dir": "."}}]},
        files={
            "first.md": post({"title": "First", "date": "2024-01-02", "tags": ["x"]}),
            "second.md": post({"title": "Second", "date": "2024-02-02"}),
        },
    )
    assert [title for title, _ in site.links("", ".fmb-entry-title a")] == ["Second", "First"]
    assert site.exists("tags/x/") and site.exists("archive/2024/")


def test_categories_allowed(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    site = site_with(
        tmp_path,
        {"blog/a.md": post({"title": "A", "date": "2024-01-02", "categories": ["Ok", "Nope"]})},
        categories_allowed=["Ok"],
    )
    assert site.exists("blog/categories/ok/") and not site.exists("blog/categories/nope/")
    assert any("blog/a.md" in w and "'Nope'" in w for w in warnings(caplog))


EXCERPT_POST = """\
First paragraph with a [link](other.md) and ![pic](pic.png).

<!-- more -->

AFTER-THE-FOLD text.
"""


def test_excerpts_read_times_pins_and_archives(tmp_path: Path) -> None:
    png = Path(__file__).parent / "fixtures/material-blog/docs/blog/posts/pipeline-diagram.png"
    site = site_with(
        tmp_path,
        {
            "blog/cut.md": post(
                {"title": "Cut", "date": "2024-05-01", "readtime": 7}, EXCERPT_POST
            ),
            "blog/other.md": post({"title": "Other", "date": "2023-01-01", "pin": True}),
            "blog/plain.md": post(
                {"title": "Plain", "date": "2024-06-01", "description": "DESC"}, "Body."
            ),
        },
        binary={"blog/pic.png": png.read_bytes()},
        post_url_format="{date}/{slug}",
        posts_per_page=2,
    )
    soup = site.soup("blog/")
    entries = soup.select(".fmb-entry")
    titles = [e.select_one(".fmb-entry-title a").get_text() for e in entries]
    assert titles == ["Other", "Plain"]  # pinned first, then newest
    assert "fmb-entry--pinned" in entries[0]["class"]
    page2 = site.soup("blog/page/2/")
    (cut,) = page2.select(".fmb-entry")
    excerpt = cut.select_one(".fmb-excerpt")
    assert "First paragraph" in excerpt.get_text() and "AFTER-THE-FOLD" not in str(page2)
    assert cut.select_one(".fmb-more a")["href"]
    # Links and images in the excerpt work from the listing's own URL.
    assert site.resolve("blog/page/2/", excerpt.select_one("a")["href"]) == "blog/2023/01/01/other/"
    assert site.resolve("blog/page/2/", excerpt.select_one("img")["src"]) == "blog/pic.png"
    assert "7 min read" in cut.select_one(".fmb-readtime").get_text()
    assert entries[1].select_one(".fmb-description").get_text() == "DESC"
    assert site.soup("blog/2024/05/01/cut/").select_one(".fmb-readtime").get_text().startswith("7")
    years = [a.get_text() for a in site.soup("blog/archive/").select(".fmb-terms a")]
    assert years == ["2024", "2023"]
    assert [t for t, _ in site.links("blog/archive/2024/", ".fmb-entry-title a")] == [
        "Plain",
        "Cut",
    ]


def test_post_excerpt_required_names_each_post(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    site_with(
        tmp_path,
        {"blog/a.md": post({"title": "A", "date": "2024-01-02"}, "No fold.")},
        post_excerpt="required",
    )
    assert any("blog/a.md" in w and "<!-- more -->" in w for w in warnings(caplog))


def test_no_ad_slot_in_an_excerpt(tmp_path: Path) -> None:
    body = "\n\n".join(f"Paragraph {n} " + "word " * 60 for n in range(6))
    body = body.replace("Paragraph 4", "<!-- more -->\n\nParagraph 4")
    site = build_site(
        tmp_path,
        None,
        config={
            "plugins": [
                {
                    "frontmatter-blog": {
                        "ads": {
                            "enabled": True,
                            "default": True,
                            "every": 1,
                            "snippet": "<ins>AD</ins>",
                        }
                    }
                }
            ]
        },
        files={"blog/a.md": post({"title": "A", "date": "2024-01-02"}, body)},
        strict=False,
    )
    assert site.soup("blog/a/").select(".ad-slot")  # the post has its slots
    excerpt = site.soup("blog/").select_one(".fmb-excerpt")
    assert excerpt is not None and "Paragraph 3" in excerpt.get_text()
    assert excerpt.select(".ad-slot") == []


HOOK = """\
import json, os

seen = {}

def on_page_context(context, page, config, nav):
    if getattr(page, "authors", None) is not None:
        seen[page.url] = {
            "authors": [str(a.name) for a in page.authors],
            "categories": [[str(c.title), c.url] for c in page.categories],
            "created": page.config.date.created.isoformat(),
            "updated": page.config.date.updated and page.config.date.updated.isoformat(),
            "readtime": page.config.readtime,
            "pin": page.config.pin,
        }

def on_post_build(config):
    with open(os.path.join(os.path.dirname(config.config_file_path), "seen.json"), "w") as f:
        json.dump(seen, f)
"""


def test_material_page_attributes_for_hooks(tmp_path: Path) -> None:
    (tmp_path / "project").mkdir()
    (tmp_path / "project" / "hook.py").write_text(HOOK)
    site = build_site(
        tmp_path,
        None,
        config={
            "hooks": ["hook.py"],
            "plugins": [{"frontmatter-blog": {"preset": "material"}}],
        },
        files={
            "blog/.authors.yml": "authors:\n  ann:\n    name: Ann\n    avatar: https://e.org/a.png\n",
            "blog/posts/p.md": post(
                {
                    "date": {"created": "2024-01-02", "updated": "2024-02-03"},
                    "title": "P",
                    "authors": ["ann"],
                    "categories": ["Tips & Tricks"],
                    "pin": True,
                }
            ),
        },
    )
    import json

    seen = json.loads((site.root / "seen.json").read_text())
    (only,) = seen.values()
    assert only["authors"] == ["Ann"]
    assert only["categories"] == [["Tips &amp; Tricks", "blog/category/tips--tricks/"]]
    assert only["created"].startswith("2024-01-02") and only["updated"].startswith("2024-02-03")
    assert only["readtime"] == 1 and only["pin"] is True
    assert site.exists("blog/2024/01/02/p/")


@pytest.mark.parametrize("theme", ["mkdocs", "readthedocs", "material"])
def test_the_blog_is_where_the_reader_is(tmp_path: Path, theme: str) -> None:
    options: dict[str, Any] = {"font": False} if theme == "material" else {}
    site = build_site(
        tmp_path,
        None,
        config={
            "theme": {"name": theme, **options},
            "nav": ["index.md", {"Blog": "blog/index.md"}, "about.md"],
            "plugins": [{"frontmatter-blog": {}}],
        },
        files={
            "index.md": "# Home\n",
            "about.md": "# About\n",
            "blog/index.md": "# Blog\n",
            "blog/a.md": post({"title": "A", "date": "2024-01-02"}),
        },
    )
    html = site.page_path("blog/a/").read_text("utf-8")
    soup = site.soup("blog/a/")
    active = {
        "mkdocs": "li.active a, a.active",
        "readthedocs": "li.current > a, a.current",
        "material": ".md-nav__link--active, .md-tabs__link--active, .md-nav__item--active > a",
    }[theme]
    texts = [" ".join(a.get_text().split()) for a in soup.select(active)]
    assert any("Blog" in text for text in texts), (theme, texts)
    back = ".md-sidebar--post .md-post__back a" if theme == "material" else ".fmb-back a"
    links = soup.select(f"{back}, .fmb-back a")
    assert len(links) == 1  # one way back to the blog
    assert site.resolve("blog/a/", links[0]["href"]) == "blog/"
    if theme == "material":
        # Material's post layout: its sidebar (instead of the site's nav), as its blog has.
        assert re.search(r"1 min read", html)
        assert all(s.has_attr("hidden") for s in soup.select(".md-sidebar--primary"))


def test_features_turn_off(tmp_path: Path) -> None:
    site = build_site(
        tmp_path,
        None,
        config={
            "plugins": [
                {
                    "frontmatter-blog": {
                        "categories": False,
                        "authors": False,
                        "post_readtime": False,
                        "archive": False,
                        "pagination": False,
                        "posts_per_page": 1,
                    }
                }
            ]
        },
        files={
            "blog/.authors.yml": "authors:\n  ann:\n    name: Ann Author\n",
            **{
                f"blog/p{n}.md": post(
                    {
                        "title": f"P{n}",
                        "date": f"2024-01-0{n}",
                        "categories": ["Work"],
                        "authors": ["ann"],
                    }
                )
                for n in range(1, 4)
            },
        },
    )
    assert len(site.soup("blog/").select(".fmb-entry")) == 3  # one page: no pagination
    assert not site.exists("blog/page/2/")
    assert not site.exists("blog/categories/work/") and not site.exists("blog/archive/2024/")
    page = site.soup("blog/p1/")
    assert page.select(".fmb-readtime") == [] and page.select(".fmb-author") == []
    # The category is still named, as text.
    assert "Work" in page.select_one(".fmb-category").get_text()
    assert page.select_one(".fmb-category a") is None


def test_authors_pages_and_category_order_without_the_preset(tmp_path: Path) -> None:
    site = build_site(
        tmp_path,
        None,
        config={
            "nav": ["index.md", {"Blog": "blog/index.md"}],
            "plugins": [
                {
                    "frontmatter-blog": {
                        "authors_profiles": True,
                        "nav_sections": True,
                        "categories_sort_reverse": True,
                    }
                }
            ],
        },
        files={
            "index.md": "# Home\n",
            "blog/index.md": "# Blog\n",
            "blog/.authors.yml": (
                "authors:\n  ann:\n    name: Ann <b>Author</b>\n    slug: ann-a\n"
                "  bob:\n    name: Bob\n"
            ),
            "blog/a.md": post(
                {"title": "A", "date": "2024-01-01", "authors": ["ann"], "categories": ["Alpha"]}
            ),
            "blog/b.md": post(
                {
                    "title": "B",
                    "date": "2024-02-01",
                    "authors": ["ann", "bob"],
                    "categories": ["Beta"],
                }
            ),
        },
    )
    assert [t for t, _ in site.links("blog/author/ann-a/", ".fmb-entry-title a")] == ["B", "A"]
    assert [t for t, _ in site.links("blog/author/bob/", ".fmb-entry-title a")] == ["B"]
    # Author names link to their pages; a name is text.
    author = site.soup("blog/a/").select_one(".fmb-post-header .fmb-author a")
    assert site.resolve("blog/a/", author["href"]) == "blog/author/ann-a/"
    assert author.get_text() == "Ann <b>Author</b>"
    # The nav's sections, the categories in the index's order (reversed).
    nav = site.soup("blog/")
    labels = [" ".join(a.get_text().split()) for a in nav.select(".navbar-nav a, nav a")]
    named = [name for label in labels for name in ("Alpha", "Beta") if name in label]
    assert named == ["Beta", "Alpha"]
    assert [a.get_text() for a in site.soup("blog/categories/").select(".fmb-terms a")] == [
        "Beta",
        "Alpha",
    ]


def test_new_post_goes_into_post_dir(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from mkdocs_blog_plugin.cli import main

    config = make_site(
        tmp_path,
        None,
        config={"plugins": [{"frontmatter-blog": {"preset": "material"}}]},
        files={"blog/posts/old.md": post({"title": "Old", "date": "2024-01-01"})},
    )
    assert main(["new", "Fresh start", "-f", str(config)]) == 0
    out, _ = capsys.readouterr()
    assert Path(out.strip()) == config.parent / "docs" / "blog" / "posts" / "fresh-start.md"


def test_a_whole_site_blog_keeps_other_files_in_a_dirty_build(tmp_path: Path) -> None:
    config = make_site(
        tmp_path,
        None,
        config={"plugins": [{"frontmatter-blog": {"blog_dir": "."}}]},
        files={"first.md": post({"title": "First", "date": "2024-01-02"})},
    )
    site = build_config_file(config)
    foreign = site.site_dir / "api" / "index.html"
    foreign.parent.mkdir()
    foreign.write_text("<p>built by another tool</p>")
    build_config_file(config, dirty=True, strict=False)
    assert foreign.exists() and (site.site_dir / "404.html").exists()


HOSTILE = st.lists(
    st.sampled_from([*"ab <>&\"'/.\\#?%é日", "<script>", "..", "\u202e", "\x00"]),
    min_size=1,
    max_size=12,
).map("".join)


@settings(max_examples=12, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(title=HOSTILE, category=HOSTILE, author=HOSTILE, slug=HOSTILE)
def test_hostile_text_under_the_preset(
    tmp_path_factory: pytest.TempPathFactory, title: str, category: str, author: str, slug: str
) -> None:
    tmp_path = tmp_path_factory.mktemp("hostile")
    marker = "<script>alert(1)</script>"
    meta = {
        "title": title + marker,
        "date": "2024-01-02",
        "categories": [category + marker],
        "authors": ["x"],
        "slug": slug,
    }
    authors = yaml.safe_dump({"authors": {"x": {"name": author + marker, "description": marker}}})
    site = build_site(
        tmp_path,
        None,
        config={
            "plugins": [{"frontmatter-blog": {"preset": "material", "authors_profiles": True}}]
        },
        files={
            "blog/.authors.yml": authors,
            # The body is the author's own Markdown, raw HTML included: front matter is text.
            "blog/posts/p.md": post(meta, "Intro.\n\n<!-- more -->\n\nRest.\n"),
        },
        strict=False,
    )
    project = site.root
    written = [p for p in project.rglob("*") if p.is_file()]
    assert all(
        site.site_dir in p.parents or project / "docs" in p.parents or p.parent == project
        for p in written
    )
    for path in site.files():
        if path.suffix == ".html":
            assert "<script>alert(1)" not in path.read_text("utf-8"), path
    (entry,) = site.soup("blog/").select(".fmb-entry")
    url = site.resolve("blog/", entry.select_one(".fmb-entry-title a")["href"])
    assert url.startswith("blog/") and site.exists(url)


def test_tables_of_contents_and_kept_content(tmp_path: Path) -> None:
    site = build_site(
        tmp_path,
        None,
        config={
            "plugins": [
                {
                    "frontmatter-blog": {
                        "blog_toc": True,
                        "categories_toc": False,
                        "posts_per_page": 2,
                        "pagination_keep_content": True,
                    }
                }
            ]
        },
        files={
            "blog/index.md": "# News\n\nINTRO-TEXT\n",
            **{
                f"blog/p{n}.md": post(
                    {"title": f"Post <{n}>", "date": f"2024-01-0{n}", "categories": ["C"]}
                )
                for n in range(1, 4)
            },
        },
    )
    index = site.soup("blog/")
    toc = {a.get_text(): a["href"] for a in index.select("#toc-collapse a")}
    assert list(toc) == ["News", "Post <3>", "Post <2>"]
    # Each links to its post's entry.
    entry = index.select_one(str(toc["Post <2>"]))
    assert entry is not None and entry.select_one(".fmb-entry-title").get_text() == "Post <2>"
    page2 = site.soup("blog/page/2/")
    assert "INTRO-TEXT" in page2.get_text()
    assert len(page2.select("h1")) == 1
    category = site.soup("blog/categories/c/")
    assert not [a for a in category.select("a[href^='#post-']")]


def test_no_redirect_and_no_link_to_a_draft(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    site = build_site(
        tmp_path,
        None,
        config={
            "draft_docs": "blog/drafts/\n",
            "plugins": [
                {"frontmatter-blog": {"post_url_format": "{slug}", "keep_file_urls": True}}
            ],
        },
        files={
            "blog/drafts/secret.md": post(
                {"title": "Top secret", "date": "2024-02-01", "aliases": ["old/secret-path"]}
            ),
            "blog/hidden.md": post({"title": "Hidden too", "date": "2024-02-02", "draft": True}),
            "blog/open.md": post(
                {
                    "title": "Open",
                    "date": "2024-02-03",
                    "links": ["blog/drafts/secret.md", "blog/hidden.md"],
                }
            ),
        },
        strict=False,
    )
    assert not site.exists("old/secret-path/") and not site.exists("blog/drafts/secret/")
    assert site.grep("Top secret") == [] and site.grep("top-secret") == []
    assert site.grep("Hidden too") == [] and site.grep("hidden-too") == []
    found = warnings(caplog)
    assert any(
        "blog/open.md" in w and "blog/hidden.md" in w and "not published" in w for w in found
    )


def test_a_post_where_a_listing_would_be_is_kept_loudly(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    site = build_site(
        tmp_path,
        None,
        files={
            "blog/archive/2024.md": post({"title": "My 2024", "date": "2024-05-01"}, "MINE"),
            "blog/tags.md": post({"title": "Tags", "date": "2024-05-02", "tags": ["t"]}),
        },
        strict=False,
    )
    assert "MINE" in site.page_path("blog/archive/2024/").read_text("utf-8")
    assert any(
        "blog/archive/2024.md" in w and "archive page '2024'" in w and "kept" in w
        for w in warnings(caplog)
    )


def test_pagination_format_and_single_page_bar(tmp_path: Path) -> None:
    files = {
        f"blog/p{n:02}.md": post({"title": f"P{n}", "date": f"2024-01-{n:02}"})
        for n in range(1, 31)
    }
    site = build_site(
        tmp_path,
        None,
        files={
            **files,
            "blog/solo.md": post({"title": "Solo", "date": "2023-01-01", "tags": ["one"]}),
        },
        plugin={"posts_per_page": 2, "pagination_format": "~1~", "pagination_if_single_page": True},
    )
    numbers = [li.get_text() for li in site.soup("blog/page/8/").select(".fmb-pages li")]
    assert numbers == ["1", "…", "7", "8", "9", "…", "16"]
    assert site.soup("blog/tags/one/").select(".fmb-pagination")  # one page, its bar shown


def test_readtime_zero_is_counted_as_material_does(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    site = build_site(
        tmp_path,
        None,
        files={"blog/a.md": post({"title": "A", "date": "2024-01-01", "readtime": 0})},
    )
    assert site.soup("blog/a/").select_one(".fmb-readtime").get_text() == "1 min read"


def test_tags_without_pages(tmp_path: Path) -> None:
    site = build_site(
        tmp_path,
        None,
        files={"blog/a.md": post({"title": "A", "date": "2024-01-01", "tags": ["x"]})},
        plugin={"tags": False},
    )
    assert not site.exists("blog/tags/") and not site.exists("blog/tags/x/")
    tag = site.soup("blog/a/").select_one(".fmb-tag")
    assert tag is not None and tag.name == "span" and tag.get_text() == "x"
