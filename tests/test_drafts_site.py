"""Nothing marked as not public reaches site/, by any path: folder posts, the blog's own pages,
other generators' keys and folders, MDX and HTML sources, a draft's images."""

from __future__ import annotations

import json
import logging
import os
import time
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort

from tests.sitebuild import Site, build_config_file, build_site, make_site, post

THEMES = ["mkdocs", "readthedocs", "material"]
PNG = b"\x89PNG\r\n\x1a\n"

# Each hidden page: (path, front matter, a sentence found nowhere else).
HIDDEN = [
    ("blog/bundle-draft/index.md", {"title": "Bundle draft", "draft": True}, "BUNDLE-DRAFT-jq81"),
    ("blog/jekyll-off.md", {"title": "Jekyll off", "published": False}, "JEKYLL-OFF-k2m9"),
    ("blog/case-draft.md", {"title": "Case draft", "Draft": True}, "CASE-DRAFT-p0q3"),
    ("blog/hugo-never.md", {"title": "Never", "build": {"render": "never"}}, "HUGO-NEVER-z7x1"),
    ("blog/hugo-headless/index.md", {"title": "Headless", "headless": True}, "HEADLESS-v5b6"),
    ("blog/hugo-expired.md", {"title": "Gone", "expiryDate": "2001-01-01"}, "EXPIRED-n4c2"),
    ("blog/hugo-later.md", {"title": "Later", "publishDate": "2999-01-01"}, "LATER-h8g5"),
    ("blog/wp-private.md", {"title": "Private", "status": "private"}, "WP-PRIVATE-t3r4"),
    ("blog/_drafts/idea.md", {"title": "Jekyll idea"}, "JEKYLL-DRAFTS-w1e2"),
    # The blog's own pages: not posts, and not published when they say they are not public.
    ("blog/index.md", {"title": "Draft intro", "draft": True}, "INDEX-INTRO-u6y7"),
    ("blog/tags/index.md", {"title": "Tags intro", "published": False}, "TAGS-INTRO-i5o4"),
    ("blog/tags/focus.md", {"draft": True}, "FOCUS-INTRO-l3k2"),
]
RAW = {
    # Astro's MDX, and Jekyll's HTML posts: MkDocs would copy them as they are.
    "blog/astro-draft.mdx": post({"title": "MDX draft", "draft": True}, "MDX-DRAFT-a1s2\n"),
    "blog/jekyll-draft.html": post({"published": False}, "<p>HTML-DRAFT-f6g7</p>\n"),
}
SECRETS = [marker for *_, marker in HIDDEN] + [
    "MDX-DRAFT-a1s2",
    "HTML-DRAFT-f6g7",
    "Bundle draft",
    "Jekyll off",
]


def hidden_files() -> dict[str, str]:
    files = {path: post(meta, f"{marker}\n") for path, meta, marker in HIDDEN}
    files.update(RAW)
    files["blog/bundle-live/index.md"] = post(
        {"title": "Live bundle", "pubDate": "2025-06-01", "tags": ["bundles"]},
        "LIVE-BUNDLE-BODY\n\n![Cover](cover.png)\n",
    )
    return files


def write_images(root: Path) -> None:
    for folder, marker in [
        ("bundle-draft", b"DRAFT-IMAGE-m1n2"),
        ("hugo-headless", b"HEADLESS-IMAGE-b7v6"),
        ("_drafts", b"DRAFTS-IMAGE-c5x4"),
        ("bundle-live", b"LIVE-IMAGE-z3a2"),
    ]:
        path = root / "docs" / "blog" / folder / "cover.png"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(PNG + marker)


def build_hidden(tmp_path: Path, *, theme: str = "mkdocs", serve: bool = False) -> Site:
    config_file = make_site(tmp_path, config={"theme": theme}, files=hidden_files())
    write_images(config_file.parent)
    return build_config_file(config_file, serve=serve)


@pytest.fixture(scope="module", params=THEMES)
def hidden_site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Site:
    return build_hidden(tmp_path_factory.mktemp(request.param), theme=request.param)


def test_no_file_in_site_holds_anything_not_public(hidden_site: Site) -> None:
    # Strict mode passed: every page above is hidden with an info line, not a failure...
    for secret in [*SECRETS, "DRAFT-IMAGE-m1n2", "HEADLESS-IMAGE-b7v6", "DRAFTS-IMAGE-c5x4"]:
        # ...and none of them is in any page, the search index, the sitemap or the feed.
        assert hidden_site.grep(secret) == [], secret
    for url in [
        "blog/bundle-draft/",
        "blog/jekyll-off/",
        "blog/hugo-headless/",
        "blog/_drafts/idea/",
    ]:
        assert not hidden_site.exists(url), url
    assert not (hidden_site.site_dir / "blog" / "bundle-draft").exists()
    assert not (hidden_site.site_dir / "blog" / "_drafts").exists()


def test_no_post_source_is_copied_raw(hidden_site: Site) -> None:
    names = [path.name for path in hidden_site.files()]
    assert not [name for name in names if name.endswith(".mdx")]
    assert not hidden_site.exists("blog/jekyll-draft.html")
    assert hidden_site.grep("published: false") == []
    assert hidden_site.grep("draft: true") == []


def test_a_folder_post_is_a_post_at_its_folder_url(hidden_site: Site) -> None:
    site = hidden_site
    page = site.soup("blog/bundle-live/")
    assert page.select_one(".fmb-post-header") is not None
    assert "LIVE-BUNDLE-BODY" in page.get_text()
    # Its image is published with it, where the post's relative link points.
    image = page.select_one("img[alt=Cover]")
    assert site.page_path(site.resolve("blog/bundle-live/", str(image["src"]))).read_bytes() == (
        PNG + b"LIVE-IMAGE-z3a2"
    )
    entries = [a.get_text() for a in site.soup("blog/").select(".fmb-entry-title a")]
    assert "Live bundle" in entries
    assert ("Live bundle", "blog/bundle-live/") in site.links("blog/tags/bundles/", ".fmb-entry a")


def test_the_blog_pages_that_are_not_public_give_way_to_generated_ones(hidden_site: Site) -> None:
    site = hidden_site
    assert site.soup("blog/").select(".fmb-entry")  # the generated index
    assert site.soup("blog/tags/").select(".fmb-terms li")
    assert [a.get_text() for a in site.soup("blog/tags/focus/").select(".fmb-entry-title a")]
    index = json.loads((site.site_dir / "search" / "search_index.json").read_text("utf-8"))
    assert not [doc for doc in index["docs"] if "INTRO" in doc["text"]]


def test_hidden_pages_are_named_in_the_log(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    build_hidden(tmp_path)
    text = caplog.text
    assert "blog/index.md is not public (draft: true)" in text
    assert "blog/tags/index.md is not public (published: false)" in text
    assert (
        "blog/jekyll-draft.html: a file with front matter (a post of another generator), "
        "not public (published: false): not published." in text
    )
    assert "blog/bundle-draft/cover.png" in text and "blog/_drafts/cover.png" in text


def test_a_value_that_cannot_be_read_hides_the_post_and_fails_strict(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    files = {"blog/odd.md": post({"title": "Odd", "published": "maybe"}, "ODD-VALUE-s9d8\n")}
    with pytest.raises(Abort):
        build_site(tmp_path / "strict", files=files)
    assert "blog/odd.md: front matter key 'published' has value 'maybe'" in caplog.text
    site = build_site(tmp_path / "lenient", files=files, strict=False)
    assert site.grep("ODD-VALUE-s9d8") == [] and not site.exists("blog/odd/")


def test_mdx_false_leaves_mdx_files_out_and_never_copies_them(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    files = {"blog/launch.mdx": post({"title": "Launch"}, "import X from './x'\n\nMDX-BODY\n")}
    site = build_site(tmp_path, files=files, plugin={"mdx": False})
    assert site.grep("MDX-BODY") == [] and not site.exists("blog/launch/")
    assert not [path for path in site.files() if path.suffix == ".mdx"]
    assert "mdx: false leaves out 1 .mdx file(s) under blog/: blog/launch.mdx" in caplog.text


def test_a_markdoc_post_is_not_lost_silently(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    files = {"blog/launch.mdoc": post({"title": "Launch"}, "MARKDOC-BODY\n")}
    with pytest.raises(Abort):
        build_site(tmp_path / "strict", files=files)
    assert "blog/launch.mdoc: a .mdoc post, which this plugin cannot read" in caplog.text
    site = build_site(tmp_path / "lenient", files=files, strict=False)
    assert site.grep("MARKDOC-BODY") == []


def test_serve_shows_hidden_posts_as_drafts_with_one_marker(tmp_path: Path) -> None:
    site = build_hidden(tmp_path, serve=True)
    page = site.soup("blog/bundle-draft/")
    banner = page.select_one(".fmb-draft-banner")
    assert banner is not None and "draft: true" in banner.get_text()
    # MkDocs' own unstyled "DRAFT" box is not shown beside ours.
    assert page.select(".mkdocs-draft-marker, .properdocs-draft-marker") == []
    assert "DRAFT</div>" not in site.page_path("blog/bundle-draft/").read_text("utf-8")
    # The draft's image previews with it; raw sources are never copied, not even here.
    assert (site.site_dir / "blog" / "bundle-draft" / "cover.png").exists()
    assert site.grep("HTML-DRAFT-f6g7") == []
    assert not [path for path in site.files() if path.suffix == ".mdx"]
    # An MDX draft is a draft like any other.
    assert site.soup("blog/astro-draft/").select_one(".fmb-draft-banner") is not None
    reason = site.soup("blog/jekyll-off/").select_one(".fmb-draft-banner").get_text()
    assert "published: false" in reason


def test_draft_docs_pages_of_the_blog_are_drafts_too(tmp_path: Path) -> None:
    files = {
        "blog/index.md": "# Blog intro DRAFT-DOCS-INDEX\n",
        "blog/wip.md": post({"title": "Work in progress"}, "DRAFT-DOCS-POST\n"),
    }
    config = {"draft_docs": "blog/index.md\nblog/wip.md\n"}
    site = build_site(tmp_path / "build", files=files, config=config)
    assert site.grep("DRAFT-DOCS-INDEX") == [] and site.grep("DRAFT-DOCS-POST") == []
    assert site.soup("blog/").select(".fmb-entry")  # the generated index took its place
    served = build_site(tmp_path / "serve", files=files, config=config, serve=True)
    banner = served.soup("blog/wip/").select_one(".fmb-draft-banner")
    assert banner is not None and "draft_docs" in banner.get_text()


def test_a_dirty_build_removes_the_images_of_a_folder_post_now_a_draft(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    live = {"title": "Soon hidden", "pubDate": "2025-05-01"}
    config_file = make_site(tmp_path, files={"blog/soon/index.md": post(live, "![x](cover.png)")})
    image = config_file.parent / "docs" / "blog" / "soon" / "cover.png"
    image.write_bytes(PNG + b"SOON-IMAGE")
    first = build_config_file(config_file)
    assert (first.site_dir / "blog" / "soon" / "cover.png").exists()

    source = config_file.parent / "docs" / "blog" / "soon" / "index.md"
    source.write_text(post({**live, "draft": True}, "![x](cover.png)"), "utf-8")
    later = time.time() + 5  # newer than every built file, whatever the clock resolution
    os.utime(source, (later, later))
    second = build_config_file(config_file, dirty=True, strict=False)
    assert second.grep("SOON-IMAGE") == []
    assert not (second.site_dir / "blog" / "soon").exists()
    assert "blog/soon/cover.png is not published in this build" in caplog.text


# Other shapes a "not public" page takes: TOML, JSON and MultiMarkdown front matter, a folder's
# .meta.yml, files MkDocs would copy as they are.
MORE_HIDDEN = {
    "blog/hugo-toml.md": "+++\ntitle = 'TOML draft'\ndraft = true\n+++\n\nTOML-DRAFT-x1\n",
    "blog/hugo-json.md": '{\n  "title": "JSON draft",\n  "draft": true\n}\n\nJSON-DRAFT-x2\n',
    "blog/mmd.md": "Title: MultiMarkdown\nDraft: true\n\nMMD-DRAFT-x3\n",
    "blog/wip/.meta.yml": "draft: true\n",
    "blog/wip/idea.md": post({"title": "Folder draft"}, "META-DRAFT-x4\n"),
    "blog/upper.MD": post({"title": "Upper"}, "UPPER-MD-x5\n"),
    "blog/notes.adoc": "= Notes\n\nADOC-x6\n",
    "blog/old.txt": "--- \ntitle: old\n---\nTXT-FENCE-x7\n",
    "blog/bom.html": "\ufeff---\npublished: false\n---\n<p>BOM-HTML-x8</p>\n",
}


def test_every_other_shape_of_not_public_stays_off_the_site(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    site = build_site(tmp_path, files=MORE_HIDDEN, strict=False)
    secrets = ["TOML-DRAFT-x1", "JSON-DRAFT-x2", "MMD-DRAFT-x3", "META-DRAFT-x4", "UPPER-MD-x5"]
    for secret in [*secrets, "ADOC-x6", "TXT-FENCE-x7", "BOM-HTML-x8", "Folder draft"]:
        assert site.grep(secret) == [], secret
    for name in ["upper.MD", "notes.adoc", "old.txt", "bom.html"]:
        assert not (site.site_dir / "blog" / name).exists(), name
    assert not site.exists("blog/wip/idea/")
    # Each file MkDocs would have copied is named: none is lost in silence.
    for name in ["upper.MD", "notes.adoc"]:
        assert f"blog/{name}: " in caplog.text and "which this plugin cannot read" in caplog.text
    # The MultiMarkdown draft's value is text ("true"), which is not a YAML boolean: not
    # published, and a warning says so.
    assert "blog/mmd.md: front matter key 'draft' has value 'true'" in caplog.text


def test_a_public_toml_post_reads_its_front_matter(tmp_path: Path) -> None:
    source = "+++\ntitle = 'TOML post'\ndate = 2024-03-01\ntags = ['toml']\n+++\n\nTOML-BODY\n"
    site = build_site(tmp_path, files={"blog/toml.md": source})
    page = site.soup("blog/toml/")
    assert page.select_one(".fmb-post-header h1").get_text() == "TOML post"
    assert "+++" not in page.get_text() and "TOML-BODY" in page.get_text()
    assert [a.get_text() for a in page.select(".fmb-tag")] == ["toml"]


def test_a_published_page_in_a_subfolder_does_not_publish_a_drafts_images(
    tmp_path: Path,
) -> None:
    config_file = make_site(
        tmp_path,
        files={
            "blog/secret/index.md": post({"title": "Secret", "draft": True}, "![x](photo.png)"),
            "blog/secret/public/index.md": post({"title": "Public"}, "![y](own.png)"),
        },
    )
    docs = config_file.parent / "docs" / "blog" / "secret"
    (docs / "photo.png").write_bytes(PNG + b"SECRET-PHOTO")
    (docs / "public" / "own.png").write_bytes(PNG + b"PUBLIC-PHOTO")
    site = build_config_file(config_file)
    assert site.grep("SECRET-PHOTO") == []
    assert site.grep("PUBLIC-PHOTO") == ["blog/secret/public/own.png"]


def test_two_posts_at_one_url_warn_and_one_is_kept(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    files = {
        "blog/same.md": post({"title": "File"}, "FILE-BODY"),
        "blog/same/index.md": post({"title": "Folder"}, "FOLDER-BODY"),
    }
    with pytest.raises(Abort):
        build_site(tmp_path / "strict", files=files)
    assert "blog/same/index.md and blog/same.md would both be at blog/same/" in caplog.text
    site = build_site(tmp_path / "lenient", files=files, strict=False)
    assert "FILE-BODY" in site.soup("blog/same/").get_text()
    assert site.grep("FOLDER-BODY") == []
    titles = [a.get_text() for a in site.soup("blog/").select(".fmb-entry-title a")]
    assert titles.count("File") == 1 and "Folder" not in titles


def test_folder_posts_are_named_after_their_folder_and_hugo_sections_are_not_posts(
    tmp_path: Path,
) -> None:
    files = {
        "blog/road-trip/index.md": "Text of the trip.\n",
        "blog/2025/_index.md": post({"title": "Posts of 2025"}, "SECTION-INTRO\n"),
    }
    site = build_site(tmp_path, files=files)
    titles = [a.get_text() for a in site.soup("blog/").select(".fmb-entry-title a")]
    assert "Road trip" in titles and "Posts of 2025" not in titles


def test_a_nav_entry_for_a_draft_warns(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    nav = [{"Home": "index.md"}, {"Coming soon": "blog/secret-draft.md"}, "blog/2025/leverage.md"]
    with pytest.raises(Abort):
        build_site(tmp_path, config={"nav": nav})
    assert (
        "nav in mkdocs.yml lists blog/secret-draft.md as 'Coming soon', which is not published"
        in caplog.text
    )


def test_a_drafts_images_stay_back_whatever_holds_them(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    files = {
        # A single-file draft's hero image, beside the published posts.
        "blog/launch.md": post({"title": "Launch", "draft": True, "heroImage": "secret.png"}),
        # A shared image: a published post shows it too, so it is published.
        "blog/teaser.md": post({"title": "Teaser", "draft": True, "heroImage": "shared.png"}),
        "blog/public.md": post({"title": "Public", "heroImage": "shared.png"}),
        # A folder that a .meta.yml makes drafts.
        "blog/wip/.meta.yml": "draft: true\n",
        "blog/wip/one.md": post({"title": "WIP"}, "![p](pic.png)"),
        # The post that loses a URL collision keeps its folder's files back.
        "blog/coll.md": post({"title": "Coll"}),
        "blog/coll/index.md": post({"title": "Coll folder"}, "![s](secret2.png)"),
        # A published post whose hero image is one of those: no broken image.
        "blog/borrower.md": post({"title": "Borrower", "heroImage": "wip/pic.png"}),
    }
    config_file = make_site(tmp_path, files=files)
    blog = config_file.parent / "docs" / "blog"
    for name in ["secret.png", "shared.png", "wip/pic.png", "coll/secret2.png"]:
        (blog / name).write_bytes(PNG + name.encode())
    site = build_config_file(config_file, strict=False)
    for name in ["secret.png", "wip/pic.png", "coll/secret2.png"]:
        assert site.grep(name) == [], name
        assert not (site.site_dir / "blog" / name).exists(), name
    assert (site.site_dir / "blog" / "shared.png").exists()
    assert site.soup("blog/borrower/").select(".fmb-hero") == []
    assert "blog/borrower.md: image 'wip/pic.png' is not published" in caplog.text


def test_toml_and_json_front_matter_on_the_blogs_own_pages_is_read_not_shown(
    tmp_path: Path,
) -> None:
    files = {
        "blog/index.md": "+++\ntitle = 'Our posts'\n+++\n\nINTRO-TEXT\n",
        "blog/2025/_index.md": '{\n  "title": "Section 2025"\n}\n\nSECTION-TEXT\n',
    }
    site = build_site(tmp_path, files=files)
    index = site.soup("blog/")
    assert "INTRO-TEXT" in index.get_text() and "+++" not in index.get_text()
    assert "Our posts" in index.title.get_text()
    section = site.soup("blog/2025/_index/")
    assert "SECTION-TEXT" in section.get_text() and '"title"' not in section.get_text()


def test_data_files_that_start_a_yaml_document_are_copied_as_they_are(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    files = {
        "blog/data.yml": "---\nkey: value\n",
        "blog/notes.txt": "---\nnot front matter, never closed\n",
        "blog/links.md": post({"title": "Links"}, "[data](data.yml) [notes](notes.txt)"),
    }
    site = build_site(tmp_path, files=files)  # strict: no warning
    assert (site.site_dir / "blog" / "data.yml").exists()
    assert (site.site_dir / "blog" / "notes.txt").exists()


def test_a_dirty_build_removes_a_feed_that_would_list_a_post_now_a_draft(
    tmp_path: Path,
) -> None:
    only = {"title": "Only post", "pubDate": "2025-05-01"}
    config_file = make_site(tmp_path, None, files={"blog/only.md": post(only, "ONLY")})
    config_file.write_text(
        "site_name: T\nsite_url: https://example.com/\nplugins: [frontmatter-blog]\n"
    )
    first = build_config_file(config_file)
    assert "Only post" in (first.site_dir / "feed.xml").read_text("utf-8")
    source = config_file.parent / "docs" / "blog" / "only.md"
    source.write_text(post({**only, "draft": True}, "ONLY"), "utf-8")
    later = time.time() + 5  # newer than every built file, whatever the clock resolution
    os.utime(source, (later, later))
    second = build_config_file(config_file, dirty=True, strict=False)
    assert second.grep("Only post") == []
    assert not (second.site_dir / "feed.xml").exists()
