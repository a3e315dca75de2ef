"""The blog's labels and dates in the site's language: catalogues, overrides, built sites."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.plurals import get_plural
from babel.messages.pofile import read_po
from markupsafe import Markup

from mkdocs_blog_plugin.core.dates import format_date, strftime_as_cldr
from mkdocs_blog_plugin.i18n import Labels, catalogue_for, check_overrides, known_labels
from mkdocs_blog_plugin.i18n.labels import DOMAIN, LOCALES_DIR, placeholders, shipped_languages
from tests.sitebuild import build_site

REQUIRED = {
    "en", "fr", "de", "es", "it", "pt", "pt_BR", "nl", "pl", "ru", "uk", "tr",
    "zh_Hans", "zh_Hant", "ja", "ko", "ar", "he",
}  # fmt: skip
ROOT = Path(__file__).resolve().parent.parent


def catalogue(name: str) -> Any:
    path = os.path.join(LOCALES_DIR, name, "LC_MESSAGES", f"{DOMAIN}.po")
    with open(path, "rb") as source:
        return read_po(source, locale=name, domain=DOMAIN)


# -- the catalogues ----------------------------------------------------------------------------


def test_every_required_language_is_shipped() -> None:
    assert set(shipped_languages()) >= REQUIRED


def test_template_catalogue_is_up_to_date() -> None:
    # What `make messages` would extract from the templates and the code today.
    method_map = [
        ("mkdocs_blog_plugin/**.py", "python"),
        ("mkdocs_blog_plugin/templates/**.html", "jinja2"),
    ]
    keywords = {"_": None, "gettext": None, "ngettext": (1, 2), "or_label": (2,)}
    found: dict[str, str | None] = {}
    for _, _, message, _, _ in extract_from_dir(str(ROOT), method_map, keywords=keywords):
        if isinstance(message, tuple):
            found[message[0]] = message[1]
        else:
            found[message] = None
    assert found == known_labels(), "run `make messages`"


@pytest.mark.parametrize("name", sorted(REQUIRED))
def test_catalogue_is_complete(name: str) -> None:
    po = catalogue(name)
    labels = known_labels()
    # The language's plural rule is CLDR's, as Babel writes it.
    assert po.num_plurals == get_plural(name).num_plurals, name
    messages = {(m.id if isinstance(m.id, str) else m.id[0]): m for m in po if m.id}
    assert set(messages) == set(labels), f"{name}: run `make messages`"
    for key, message in messages.items():
        texts = [message.string] if isinstance(message.string, str) else list(message.string)
        assert all(texts), f"{name}: {key!r} is not translated"
        if labels[key] is not None:
            assert len(texts) == po.num_plurals, f"{name}: {key!r} lacks plural forms"
        wanted = placeholders(key) | placeholders(labels[key] or "")
        for text in texts:
            got = placeholders(text)
            # A plural form may say the number in words ("one minute"): {count} may go.
            assert got <= wanted and wanted - {"count"} <= got, (name, key, text)
            assert "<" not in text and ">" not in text, (name, key, text)
    assert list(po.check()) == [], name


def test_plural_forms_follow_the_language() -> None:
    assert Labels("en").ngettext("{count} post", "{count} posts", 1) == "1 post"
    assert Labels("en").ngettext("{count} post", "{count} posts", 3) == "3 posts"
    ru = Labels("ru")
    forms = {str(ru.ngettext("{count} min read", "{count} min read", n)) for n in (1, 3, 5)}
    assert len(forms) == 3, forms  # 1 минута, 3 минуты, 5 минут
    pl = Labels("pl")
    assert pl.ngettext("{count} post", "{count} posts", 2) != pl.ngettext(
        "{count} post", "{count} posts", 5
    )
    ar = Labels("ar")
    arabic = {str(ar.ngettext("{count} post", "{count} posts", n)) for n in (0, 1, 2, 3, 11, 100)}
    assert len(arabic) >= 4, arabic


@pytest.mark.parametrize(
    ("tag", "expected"),
    [
        ("fr", "fr"),
        ("fr-CA", "fr"),
        ("pt-BR", "pt_BR"),
        ("pt_PT", "pt"),
        ("pt", "pt"),
        ("zh", "zh_Hans"),
        ("zh-CN", "zh_Hans"),
        ("zh_TW", "zh_Hant"),
        ("zh-Hant", "zh_Hant"),
        ("zh-HK", "zh_Hant"),
        ("en_GB", "en"),
        ("he", "he"),
        ("sv", None),
        ("not a language", None),
    ],
)
def test_catalogue_for(tag: str, expected: str | None) -> None:
    assert catalogue_for(tag) == expected


def test_labels_escape_text_and_values() -> None:
    labels = Labels("en", {"Series: {name}": "<b>Series</b> {name}"})
    out = labels.gettext("Series: {name}", name="<i>x</i>")
    assert out == "&lt;b&gt;Series&lt;/b&gt; &lt;i&gt;x&lt;/i&gt;"
    kept = labels.gettext("Series: {name}", name=Markup('<a href="s/">x</a>'))
    assert kept.endswith('<a href="s/">x</a>')
    assert Labels("fr").list_of(["A", "<B>", Markup("<i>C</i>")]) == "A, &lt;B&gt; et <i>C</i>"


def test_overrides_win_with_plural_categories() -> None:
    labels = Labels(
        "pl",
        {
            "Older posts": "Starsze",
            "{count} min read": {
                "one": "{count} minuta",
                "few": "{count} minuty",
                "many": "{count} minut",
            },
        },
    )
    assert labels.gettext("Older posts") == "Starsze"
    counts = [str(labels.ngettext("{count} min read", "{count} min read", n)) for n in (1, 2, 5)]
    assert counts == ["1 minuta", "2 minuty", "5 minut"]
    assert labels.or_label(None, "Blog") == "Blog" and labels.or_label("News", "Blog") == "News"


@pytest.mark.parametrize(
    ("overrides", "needle"),
    [
        ({"Older post": "x"}, "did you mean 'Older posts'"),
        ({"Series: {name}": "Serie {title}"}, "{title}"),
        ({"{count} post": {"several": "x"}}, "'several' is not a plural category"),
        ({"Blog": {"one": "x"}}, "must be a text"),
        ({"Blog": 3}, "must be a text"),
        ({"Blog": "{"}, "is not a label"),
    ],
)
def test_bad_overrides_are_named(overrides: dict[str, Any], needle: str) -> None:
    problems = check_overrides(overrides, known_labels())
    assert len(problems) == 1 and needle in problems[0], problems
    assert repr(next(iter(overrides))) in problems[0]


def test_bad_override_fails_the_build(tmp_path: Path) -> None:
    from mkdocs.exceptions import Abort

    with pytest.raises(Abort):
        build_site(tmp_path, plugin={"labels": {"Older post": "Earlier"}})


# -- dates -------------------------------------------------------------------------------------

MOMENT = dt.datetime(2024, 6, 30, 9, 5, tzinfo=dt.timezone.utc)


@pytest.mark.parametrize(
    ("pattern", "locale", "expected"),
    [
        ("long", "en", "June 30, 2024"),
        ("long", "fr", "30 juin 2024"),
        ("long", "ja", "2024年6月30日"),
        ("long", "de", "30. Juni 2024"),
        ("d MMMM y", "es", "30 junio 2024"),
        ("%B %-d, %Y", "en", "June 30, 2024"),
        ("%-d %B %Y", "fr", "30 juin 2024"),
        ("%d/%m/%Y", "fr", "30/06/2024"),
        ("%A", "it", "domenica"),
        ("%U", "fr", "26"),  # no CLDR field: strftime
        ("%B %Y", "ru", "июнь 2024"),
        ("%-d %B %Y", "ru", "30 июня 2024"),
    ],
)
def test_dates_in_the_language(pattern: str, locale: str, expected: str) -> None:
    assert format_date(MOMENT, pattern, locale) == expected


@pytest.mark.parametrize(
    ("pattern", "cldr"),
    [
        ("%B %-d, %Y", "MMMM d, yyyy"),
        # A month without a day stands alone (Russian "январь 2025", not "января").
        ("%B %Y", "LLLL yyyy"),
        ("%b %Y", "LLL yyyy"),
        ("%d %b", "dd MMM"),
        ("%Y-%m-%d", "yyyy-MM-dd"),
        ("le %d", "'le '" + "dd"),
        ("l'%Y", "'l'''yyyy"),
        ("100%%", "100%"),
        ("%c", None),
        ("50%", None),
    ],
)
def test_strftime_as_cldr(pattern: str, cldr: str | None) -> None:
    assert strftime_as_cldr(pattern) == cldr


# -- built sites ---------------------------------------------------------------------------------

LEVERAGE = "blog/2025/leverage/"
BLOCKS = ".fmb-post-header, .fmb-post-footer, .fmb-listing, .fmb-terms-index, .fmb-pagination"


def english_left(site: Any, url: str, name: str) -> list[str]:
    """English labels (that the language says otherwise) in the blog's blocks of a page."""
    soup = site.soup(url)
    texts = []
    for block in soup.select(BLOCKS):
        texts.append(block.get_text(" "))
        texts.extend(str(tag.get("aria-label", "")) for tag in block.select("[aria-label]"))
        texts.extend(str(tag.get("title", "")) for tag in block.select("[title]"))
    text = " ".join(texts)
    translated = Labels(name)
    left = []
    for key in known_labels():
        english = key.split("{")[0].strip(" “:–")
        if len(english) < 3 or str(translated.text(key)).startswith(english):
            continue
        if english in text:
            left.append(english)
    return left


@pytest.mark.parametrize(
    ("config", "plugin", "name", "date"),
    [
        ({"theme": {"name": "mkdocs", "locale": "fr"}}, {}, "fr", "1 février 2025"),
        (
            {"theme": {"name": "material", "language": "ja", "font": False}},
            {"post_sidebar": False},
            "ja",
            "2025年2月1日",
        ),
        ({"theme": {"name": "readthedocs"}}, {"locale": "ar"}, "ar", "فبراير"),
    ],
)
def test_site_in_another_language(
    tmp_path: Path, config: dict[str, Any], plugin: dict[str, Any], name: str, date: str
) -> None:
    site = build_site(tmp_path, config=config, plugin={"posts_per_page": 2, **plugin})
    for url in [LEVERAGE, "blog/", "blog/page/2/", "blog/tags/", "blog/tags/overwhelm/"]:
        assert english_left(site, url, name) == [], url
    post = site.soup(LEVERAGE)
    assert date in post.select_one(".fmb-post-header .fmb-date").get_text()
    readtime = post.select_one(".fmb-readtime").get_text()
    labels = Labels(name)
    forms = {str(labels.ngettext("{count} min read", "{count} min read", n)) for n in range(1, 60)}
    assert readtime.strip() in forms and "min read" not in readtime
    tag_page = site.soup("blog/tags/overwhelm/")
    assert "Posts tagged" not in tag_page.title.get_text()
    if name == "ar":
        assert post.select_one(".fmb-post-header")["dir"] == "rtl"
        assert site.soup("blog/").select_one(".fmb-pagination")["dir"] == "rtl"
    else:
        assert not post.select(".fmb-post-header[dir]")


def test_label_overrides_in_a_site(tmp_path: Path) -> None:
    site = build_site(
        tmp_path,
        plugin={
            "posts_per_page": 2,
            "labels": {"Older posts": "Earlier writing", "Posts tagged “{name}”": "On {name}"},
        },
    )
    assert "Earlier writing" in site.soup("blog/").select_one(".fmb-older").get_text()
    assert (
        site.soup("blog/tags/overwhelm/").select_one("h1").get_text() == "On Overwhelm"
    )  # the tag as the post spells it


def test_titles_set_in_mkdocs_yml_win_over_labels(tmp_path: Path) -> None:
    site = build_site(tmp_path, plugin={"locale": "de", "tags_title": "Stichwörter"})
    assert site.soup("blog/tags/").select_one("h1").get_text() == "Stichwörter"
    assert site.soup("blog/categories/").select_one("h1").get_text() == Labels("de").text(
        "Categories"
    )
