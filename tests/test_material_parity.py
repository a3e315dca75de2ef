"""`preset: material` makes frontmatter-blog a drop-in for Material's own blog plugin: the same
fixture, built once with Material's `blog` and once with ours (mkdocs.material.yml and
mkdocs.ours.yml differ only in the plugin), gives the same pages, excerpts, read times, authors,
categories, archives and author profiles.

Each build is read into one `Scan` (`scan_material`, `scan_ours`: the same fields from each
plugin's markup), and the tests compare the scans field by field. Material's side is also
checked on its own (`test_material_builds_the_fixture`), so a change of the fixture that
Material reads differently shows there first.

Our side's markup, as this test reads it:
  listing entry   article.fmb-entry, in page order, pinned posts first
  title and link  h2.fmb-entry-title a[href]
  excerpt         div.fmb-excerpt (only the excerpt: no title, no "Continue reading")
  read time       .fmb-readtime on the post page, its text holding the minutes
  authors         .fmb-author on the post page, one per author, the name as its text
(on a post page, `.fmb-readtime` and `.fmb-author` inside an `article.fmb-entry`, such as a
list of related posts, are not the post's own and are ignored).
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

import pytest
import yaml
from bs4 import BeautifulSoup, Tag

from tests.sitebuild import FIXTURES, Site, build_config_file

SIDES = ("material", "ours")
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]")


@dataclass(frozen=True)
class Layout:
    """Where a fixture's blog and its views are, as Material writes them (URL regexes relative
    to the blog's URL, ``blog`` ending in ``/`` or empty for a blog at the site root)."""

    fixture: str
    blog: str
    categories: str = r"category/[^/]+/"
    archives: str = r"archive/\d{4}/"
    profiles: str = r"author/[^/]+/"
    pinned: str = ""  # the pinned post, first on the index
    whole: str = ""  # a post without `<!-- more -->`, and a phrase from after its first paragraph
    whole_tail: str = ""
    drafts: tuple[str, ...] = ()  # text only the draft posts hold


LAYOUTS = {
    "material-blog": Layout(
        "material-blog",
        blog="blog/",
        pinned="blog/2022/12/24/start-here-a-map-of-this-blog/",
        whole="blog/2023/04/04/notes-without-a-fold/",
        whole_tail="Material shows all of it.",
        drafts=("DRAFT-POST-BODY", "Unfinished thoughts", "Drafts Only", "drafts-only"),
    ),
    "material-root": Layout(
        "material-root",
        blog="",
        archives=r"\d{4}/",
        pinned="2023/10/27/fog-horns--the-5-second-rule/",
        drafts=("ROOT-DRAFT-BODY", "Not yet"),
    ),
}


@dataclass(frozen=True)
class Entry:
    """One post on a listing page."""

    url: str
    title: str
    excerpt: str
    # Material: whether the post has `<!-- more -->` (its excerpt ends with "Continue
    # reading"); None on our side, which this test does not read it from.
    more: bool | None = None


@dataclass
class Scan:
    """What a build produced, read the same way from either plugin's markup."""

    pages: set[str]  # URL of every index.html but search/ and assets/
    media: set[str]  # every other file under the blog: images, avatars (not feeds, sitemaps)
    index: list[list[Entry]]  # the blog index, page by page
    readtime: dict[str, int | None] = field(default_factory=dict)  # post URL -> minutes
    authors: dict[str, list[str]] = field(default_factory=dict)  # post URL -> author names
    categories: dict[str, list[str]] = field(default_factory=dict)  # view URL -> post URLs
    archives: dict[str, list[str]] = field(default_factory=dict)
    profiles: dict[str, list[str]] = field(default_factory=dict)
    drafts: list[str] = field(default_factory=list)  # files that hold a draft's text
    # The blog index's nav (the theme's, Material in both builds): each section's title and
    # the URLs of its pages, in no order (Material lists the archive in its posts' order).
    nav: dict[str, set[str]] = field(default_factory=dict)
    # Each post's related links (front matter `links`) in Material's post sidebar (both builds
    # use Material's post layout): (title, site path or URL).
    links: dict[str, list[tuple[str, str]]] = field(default_factory=dict)

    @property
    def posts(self) -> list[str]:
        return [entry.url for page in self.index for entry in page]

    @property
    def entries(self) -> dict[str, Entry]:
        return {entry.url: entry for page in self.index for entry in page}


# How each side reads its markup: the entries of a listing page; the read time and the authors of
# a post page.
EntryReader = Callable[[Site, str], list[Entry]]
PostReader = Callable[[BeautifulSoup], tuple[int | None, list[str]]]


# -- Reading a build ---------------------------------------------------------------------------


def text(element: Tag | None) -> str:
    """An element's text with whitespace collapsed and permalink signs dropped."""
    if element is None:
        return ""
    return " ".join(element.get_text(" ").replace("¶", " ").split())


def url_of(site: Site, page: str, href: object) -> str:
    return unquote(site.resolve(page, str(href)))


def page_urls(site: Site) -> set[str]:
    urls = set()
    for path in site.site_dir.rglob("index.html"):
        url = unquote(path.relative_to(site.site_dir).as_posix().removesuffix("index.html"))
        if not url.startswith(("search/", "assets/")):
            urls.add(url)
    return urls


def media_files(site: Site, layout: Layout) -> set[str]:
    """Every file but HTML under the blog, less the theme's assets, the search index, the
    sitemap and the feeds at the site root."""
    out = set()
    for path in site.files():
        rel = path.relative_to(site.site_dir).as_posix()
        top_level_data = "/" not in rel and rel.endswith((".xml", ".xml.gz", ".json"))
        if (
            path.suffix == ".html"
            or top_level_data
            or rel.startswith(("assets/", "search/"))
            or not rel.startswith(layout.blog)
        ):
            continue
        out.add(rel)
    return out


def paginated(site: Site, url: str) -> Iterator[str]:
    """A view's URL and those of its further pages (``page/2/``, ...), as far as they exist."""
    yield url
    number = 2
    while site.exists(f"{url}page/{number}/"):
        yield f"{url}page/{number}/"
        number += 1


def views(
    site: Site, pages: set[str], layout: Layout, pattern: str, entries: EntryReader
) -> dict[str, list[str]]:
    """Post URLs on each view (all its pages) whose URL matches ``pattern``."""
    regex = re.compile(re.escape(layout.blog) + pattern)
    return {
        url: [entry.url for page in paginated(site, url) for entry in entries(site, page)]
        for url in sorted(pages)
        if regex.fullmatch(url)
    }


def scan(site: Site, layout: Layout, entries: EntryReader, post: PostReader) -> Scan:
    pages = page_urls(site)
    result = Scan(
        pages=pages,
        media=media_files(site, layout),
        index=[entries(site, page) for page in paginated(site, layout.blog)],
        categories=views(site, pages, layout, layout.categories, entries),
        archives=views(site, pages, layout, layout.archives, entries),
        profiles=views(site, pages, layout, layout.profiles, entries),
        drafts=sorted({name for marker in layout.drafts for name in site.grep(marker)}),
    )
    for url in result.posts:
        if site.exists(url):
            soup = site.soup(url)
            result.readtime[url], result.authors[url] = post(soup)
            lists = soup.select(".md-sidebar--post ul.md-post__meta")
            if len(lists) > 1:
                result.links[url] = [
                    (text(a), url_of(site, url, a["href"]).rstrip("/"))
                    for a in lists[1].select("a[href]")
                ]
    result.nav = nav_sections(site, layout.blog)
    return result


def nav_sections(site: Site, page: str) -> dict[str, set[str]]:
    """Material's primary nav on ``page``: each nested section's title and its pages' URLs."""
    sections: dict[str, set[str]] = {}
    nav = site.soup(page).select_one(".md-sidebar--primary nav.md-nav--primary")
    assert nav is not None
    for item in nav.select("li.md-nav__item--nested"):
        title = text(item.select_one("label"))
        links = item.select("nav a.md-nav__link[href]")
        sections[title] = {url_of(site, page, a["href"]) for a in links}
    return sections


def minutes(element: Tag | None) -> int | None:
    found = re.search(r"\d+", text(element))
    return int(found[0]) if found else None


# Material: partials/post.html for a listing's excerpts, blog-post.html for a post page.


def material_entries(site: Site, page: str) -> list[Entry]:
    out = []
    for article in site.soup(page).select("article.md-post--excerpt"):
        content = article.select_one(".md-post__content")
        assert content is not None, f"{page}: an excerpt without .md-post__content"
        # The excerpt always opens with the post's title, as an <h2> linking to the post (from
        # its `# heading`, or added from `title:`): the title and link of the entry.
        heading = content.find("h2")
        assert isinstance(heading, Tag), f"{page}: an excerpt without its title"
        link = heading.find("a", href=True)
        assert isinstance(link, Tag), f"{page}: an excerpt title without its link"
        url, title = url_of(site, page, link["href"]), text(heading)
        heading.decompose()
        action = content.select_one("nav.md-post__action")  # "Continue reading"
        more = action is not None
        for extra in content.select("nav.md-post__action, hr, a.headerlink"):
            extra.decompose()  # <hr> closes a pinned post's excerpt
        out.append(Entry(url=url, title=title, excerpt=text(content), more=more))
    return out


def material_post(soup: BeautifulSoup) -> tuple[int | None, list[str]]:
    sidebar = soup.select_one(".md-sidebar--post")
    assert sidebar is not None, "a post page without Material's post sidebar"
    readtime = None
    for item in sidebar.select(".md-post__meta .md-ellipsis"):
        if re.fullmatch(r"\d+ min read", text(item)):
            readtime = minutes(item)
    names = [
        text(name) for name in sidebar.select(".md-post__authors .md-profile__description strong")
    ]
    return readtime, names


def scan_material(site: Site, layout: Layout) -> Scan:
    return scan(site, layout, material_entries, material_post)


# Ours: the hooks in this module's docstring.


def our_entries(site: Site, page: str) -> list[Entry]:
    out = []
    for article in site.soup(page).select("article.fmb-entry"):
        link = article.select_one("h2.fmb-entry-title a[href]")
        assert link is not None, f"{page}: an article.fmb-entry without h2.fmb-entry-title a[href]"
        url = url_of(site, page, link["href"])
        out.append(
            Entry(url=url, title=text(link), excerpt=text(article.select_one("div.fmb-excerpt")))
        )
    return out


def own(soup: BeautifulSoup, selector: str) -> list[Tag]:
    """The post's own elements: not those of a listing entry on its page (related posts)."""
    return [
        tag
        for tag in soup.select(selector)
        if tag.find_parent("article", class_="fmb-entry") is None
    ]


def our_post(soup: BeautifulSoup) -> tuple[int | None, list[str]]:
    readtimes = own(soup, ".fmb-readtime")
    return minutes(readtimes[0] if readtimes else None), [
        text(tag) for tag in own(soup, ".fmb-author")
    ]


def scan_ours(site: Site, layout: Layout) -> Scan:
    return scan(site, layout, our_entries, our_post)


# -- Building ----------------------------------------------------------------------------------


def build_fixture(tmp_path: Path, fixture: str, side: str) -> Site:
    """The fixture copied into ``tmp_path`` with ``mkdocs.<side>.yml`` as its mkdocs.yml, built
    as `mkdocs build --strict`. Nothing depends on the build date: every post is dated, none in
    the future, and the sitemap (with its lastmod dates) is not compared."""
    root = tmp_path / "project"
    shutil.copytree(FIXTURES / fixture, root)
    config_file = root / "mkdocs.yml"
    shutil.copyfile(root / f"mkdocs.{side}.yml", config_file)
    return build_config_file(config_file, strict=True)


SCANNERS = {"material": scan_material, "ours": scan_ours}


@pytest.fixture(scope="module")
def scans(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str, str], Scan]:
    """Each fixture built and scanned once per side; a build that fails fails every test that
    asks for it (our side, until `preset: material` is implemented), with its error."""
    done: dict[tuple[str, str], Scan | BaseException] = {}

    def get(fixture: str, side: str) -> Scan:
        key = (fixture, side)
        if key not in done:
            try:
                site = build_fixture(tmp_path_factory.mktemp(f"{fixture}-{side}"), fixture, side)
                done[key] = SCANNERS[side](site, LAYOUTS[fixture])
            except Exception as error:  # re-raised in each test that asks
                done[key] = error
        result = done[key]
        if isinstance(result, BaseException):
            raise result
        return result

    return get


FIXTURE_IDS = list(LAYOUTS)


def both(scans: Callable[[str, str], Scan], fixture: str) -> tuple[Scan, Scan]:
    return scans(fixture, "material"), scans(fixture, "ours")


def lines(items: object) -> str:
    return "\n  ".join(str(item) for item in items) or "(none)"


# -- Material's side on its own ----------------------------------------------------------------


@pytest.mark.parametrize("fixture", FIXTURE_IDS)
def test_material_builds_the_fixture(scans: Callable[[str, str], Scan], fixture: str) -> None:
    """The fixture means what it says under Material (built strict, so no warning either): the
    index paginates with the pinned post first, drafts are nowhere, every post has a read time,
    every view lists posts."""
    layout, material = LAYOUTS[fixture], scans(fixture, "material")
    assert len(material.index) >= 2, "the fixture's index should paginate"
    assert material.index[0][0].url == layout.pinned
    assert material.drafts == []
    assert len(material.posts) == len(set(material.posts)) and set(material.posts) <= material.pages
    assert all(isinstance(minutes, int) for minutes in material.readtime.values())
    assert set(material.readtime) == set(material.posts)
    for kind in ("categories", "archives", "profiles"):
        found = getattr(material, kind)
        assert found and all(found.values()), f"{kind}: {found}"
    # Without `<!-- more -->` Material's excerpt is the whole post, with no "Continue reading".
    if layout.whole:
        entry = material.entries[layout.whole]
        assert not entry.more and layout.whole_tail in entry.excerpt, entry
    assert [url for url, e in material.entries.items() if not e.more] == (
        [layout.whole] if layout.whole else []
    )
    assert any(name.endswith(".png") for name in material.media)


# -- Material against ours ---------------------------------------------------------------------


@pytest.mark.parametrize("fixture", FIXTURE_IDS)
def test_pages_and_media(scans: Callable[[str, str], Scan], fixture: str) -> None:
    """Every page Material writes, ours writes at the same URL (ours may add pages: tag pages,
    a categories index, an archive index); every image Material writes under the blog (a post's
    own, a relative avatar), ours writes at the same path; no draft shows in either."""
    material, ours = both(scans, fixture)
    missing = sorted(material.pages - ours.pages)
    assert not missing, (
        f"pages Material writes and ours does not:\n  {lines(missing)}\n"
        f"pages only ours writes:\n  {lines(sorted(ours.pages - material.pages))}"
    )
    missing_media = sorted(material.media - ours.media)
    assert not missing_media, f"files Material writes and ours does not:\n  {lines(missing_media)}"
    assert ours.drafts == [], f"draft text in our build:\n  {lines(ours.drafts)}"


@pytest.mark.parametrize("fixture", FIXTURE_IDS)
def test_index_pages_and_excerpts(scans: Callable[[str, str], Scan], fixture: str) -> None:
    """The same posts, in the same order (pinned first), on each page of the blog index; and
    the same excerpt for each post with `<!-- more -->`. A post without the marker is shown
    whole by Material, while ours shows its front-matter `description:` instead: its excerpt is
    not compared."""
    material, ours = both(scans, fixture)
    wanted = [[(e.url, e.title) for e in page] for page in material.index]
    found = [[(e.url, e.title) for e in page] for page in ours.index]
    assert found == wanted, (
        "index pages differ (url, title), page by page:\n"
        f"Material:\n  {lines(wanted)}\nours:\n  {lines(found)}"
    )
    for entry in material.entries.values():
        if not entry.more:
            continue  # shown whole by Material; ours shows the description
        found_entry = ours.entries.get(entry.url)
        assert (found_entry and found_entry.excerpt) == entry.excerpt, f"excerpt of {entry.url}"


@pytest.mark.parametrize("fixture", FIXTURE_IDS)
def test_read_times(scans: Callable[[str, str], Scan], fixture: str) -> None:
    """Every post's read time, in minutes, as Material computes it: the fixture keeps each
    post's word count well inside its minute, so a word or two of difference in counting does
    not matter. Posts in Chinese or Japanese are the exception: Material counts a run of CJK
    characters as one word, ours counts the characters, so ours only has to show one."""
    material, ours = both(scans, fixture)
    cjk = {url for url, entry in material.entries.items() if CJK.search(entry.title)}
    wanted = {url: t for url, t in material.readtime.items() if url not in cjk}
    found = {url: ours.readtime.get(url) for url in wanted}
    assert found == wanted, f"read times, Material: {wanted}\nours: {found}"
    for url in sorted(cjk):
        assert (ours.readtime.get(url) or 0) >= 1, f"{url}: no read time in ours"


@pytest.mark.parametrize("fixture", FIXTURE_IDS)
def test_post_authors(scans: Callable[[str, str], Scan], fixture: str) -> None:
    """Each post page names its authors, by their names from .authors.yml, in order."""
    material, ours = both(scans, fixture)
    found = {url: ours.authors.get(url) for url in material.authors}
    assert found == material.authors, f"authors, Material: {material.authors}\nours: {found}"


@pytest.mark.parametrize("kind", ["categories", "archives", "profiles"])
@pytest.mark.parametrize("fixture", FIXTURE_IDS)
def test_views(scans: Callable[[str, str], Scan], fixture: str, kind: str) -> None:
    """The same category, archive and author-profile pages, each listing the same posts in the
    same order over all its pages."""
    material, ours = both(scans, fixture)
    wanted, found = getattr(material, kind), getattr(ours, kind)
    assert sorted(found) == sorted(wanted), (
        f"{kind} pages, only Material's:\n  {lines(sorted(set(wanted) - set(found)))}\n"
        f"only ours:\n  {lines(sorted(set(found) - set(wanted)))}"
    )
    for url, posts in wanted.items():
        assert found[url] == posts, f"posts on {url} (all its pages)"


@pytest.mark.parametrize("fixture", FIXTURE_IDS)
def test_nav_sections(scans: Callable[[str, str], Scan], fixture: str) -> None:
    """The sections Material's blog adds to the nav (archive, categories, authors) are there,
    with the same pages."""
    material, ours = both(scans, fixture)
    assert material.nav, "Material's build has sections in its nav"
    assert ours.nav == material.nav


@pytest.mark.parametrize("fixture", FIXTURE_IDS)
def test_related_links_in_the_sidebar(scans: Callable[[str, str], Scan], fixture: str) -> None:
    """`links:` in Material's post sidebar: the same titles, sections and targets."""
    material, ours = both(scans, fixture)
    assert ours.links == material.links


@pytest.mark.parametrize("fixture", FIXTURE_IDS)
def test_the_same_files_without_directory_urls(tmp_path: Path, fixture: str) -> None:
    """With `use_directory_urls: false`, every file Material's blog writes (its pages are
    `blog/category/x.html`, `blog/category/x/page/2.html`, `blog/archive/2024.html`) is
    written by ours at the same path."""
    written: dict[str, set[str]] = {}
    for side in ("material", "ours"):
        root = tmp_path / side / "project"
        shutil.copytree(FIXTURES / fixture, root)
        config = yaml.safe_load((root / f"mkdocs.{side}.yml").read_text("utf-8"))
        config["use_directory_urls"] = False
        (root / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), "utf-8")
        site = build_config_file(root / "mkdocs.yml", strict=True)
        written[side] = {
            path.relative_to(site.site_dir).as_posix()
            for path in site.files()
            if not path.relative_to(site.site_dir).as_posix().startswith(("assets/", "search/"))
        }
    missing = written["material"] - written["ours"]
    assert not missing, "\n  ".join(["Material writes, ours does not:", *sorted(missing)])
