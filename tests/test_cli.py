"""The command line, `python -m mkdocs_blog_plugin check | new`, on real sites in tmp_path."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import logging
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from mkdocs_blog_plugin.cli import main
from mkdocs_blog_plugin.cli.new import clean_title
from mkdocs_blog_plugin.core.dates import zone
from mkdocs_blog_plugin.core.post import ReadOptions, read_post, split_front_matter
from mkdocs_blog_plugin.core.slugs import is_valid_slug, slugify
from tests.sitebuild import build_config_file, make_site, post

BAD_DATE = post({"title": "Bad date", "pubDate": "soonish"})
BAD_DRAFT = post({"title": "Bad draft", "pubDate": "2025-01-05", "draft": "maybe"})
BROKEN_YAML = "---\ntitle: [broken\npubDate: 2025-01-05\n---\n\nText.\n"
SUMMARY = re.compile(
    r"^(\d+) posts? read in .+: (\d+) published, (\d+) drafts?(?:, (\d+) not published for a "
    r"problem above)?; (?:no warnings\.|(\d+) warnings?: mkdocs build --strict would fail\.)$"
)


def cli(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str, str]:
    """Run the command line in-process: exit status, stdout, stderr."""
    code = main([str(arg) for arg in argv])
    out, err = capsys.readouterr()
    return code, out, err


def summary(out: str) -> tuple[int, ...]:
    """(read, published, drafts, withheld, warnings) from check's last line."""
    match = SUMMARY.match(out.splitlines()[-1])
    assert match is not None, out
    return tuple(int(group or 0) for group in match.groups())


def today(timezone: str = "UTC") -> dt.date:
    return dt.datetime.now(zone(timezone)).date()


def read_back(path: Path, timezone: str = "UTC", keys: Any = None) -> Any:
    """The written post, as the plugin reads it."""
    options = ReadOptions(
        timezone=zone(timezone), now=dt.datetime.now(dt.timezone.utc), keys=keys or {}
    )
    return read_post("blog/x.md", path.read_text("utf-8"), options).post


def front_matter(path: Path) -> dict[str, Any]:
    return split_front_matter(str(path), path.read_text("utf-8"))[0]


# --- check -------------------------------------------------------------------------------


def test_check_passes_a_clean_site_with_its_summary(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = make_site(tmp_path)
    code, out, err = cli(capsys, "check", "-f", config)
    assert (code, err) == (0, "")
    # The fixture: five published posts, one of them Material-style, and one draft.
    assert summary(out) == (6, 5, 1, 0, 0)
    assert out.splitlines()[-1].startswith("6 posts read in ")
    assert "WARNING" not in out


@pytest.mark.parametrize(
    ("source", "expected", "counts"),
    [
        # A bad date leaves the post published, undated.
        (BAD_DATE, ["'pubDate'", "'soonish'", "not a date"], (7, 6, 1, 0, 1)),
        # A draft value that is not true or false makes a draft.
        (BAD_DRAFT, ["'draft'", "'maybe'", "expected true or false"], (7, 5, 2, 0, 1)),
        # Front matter that cannot be read: not published, and no draft either.
        (BROKEN_YAML, ["not valid YAML", "(line 3 of the file"], (7, 5, 1, 1, 1)),
    ],
    ids=["bad-date", "non-boolean-draft", "broken-yaml"],
)
def test_check_fails_on_a_bad_post_naming_file_key_and_value(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    source: str,
    expected: list[str],
    counts: tuple[int, ...],
) -> None:
    config = make_site(tmp_path, files={"blog/bad.md": source})
    code, out, err = cli(capsys, "check", "-f", config)
    assert (code, err) == (1, "")
    (warning,) = [line for line in out.splitlines() if line.startswith("WARNING -  ")]
    assert warning.startswith("WARNING -  mkdocs_blog_plugin: blog/bad.md: ")
    for fragment in expected:
        assert fragment in warning
    assert summary(out) == counts


def test_check_prints_the_builds_own_messages(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    """Word for word what `mkdocs build` logs about the posts, warnings and INFO lines."""
    config = make_site(
        tmp_path,
        files={
            "blog/bad-date.md": BAD_DATE,
            "blog/bad-draft.md": BAD_DRAFT,
            "blog/broken.md": BROKEN_YAML,
            "blog/undated.md": "# An undated *post*\n\nText.\n",
            "blog/a.md": post({"title": "A", "pubDate": "2025-01-01"}),
            "blog/a/index.md": post({"title": "A again", "pubDate": "2025-01-02"}),
        },
    )
    code, out, _ = cli(capsys, "check", "-f", config)
    assert code == 1
    printed = out.splitlines()[:-1]

    caplog.set_level(logging.INFO)
    build_config_file(config, strict=False)
    built = [
        f"{record.levelname:<8}-  {record.getMessage()}"
        for record in caplog.records
        if record.name.split(".")[2:3] == ["mkdocs_blog_plugin"]
        # Ad slots are placed while pages render: no post's front matter is at stake.
        and record.name.split(".")[3:4] != ["ads"]
        and record.levelno >= logging.INFO
    ]
    assert printed == built
    assert len([line for line in printed if line.startswith("WARNING")]) == 4
    assert any(line.startswith("INFO    -  ") and "blog/undated.md" in line for line in printed)
    # The URL taken by blog/a.md is a problem too: blog/a/index.md is not published.
    assert summary(out) == (12, 8, 2, 2, 4)


def test_check_warns_of_a_draft_listed_in_nav(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = make_site(
        tmp_path, config={"nav": ["index.md", {"Coming soon": "blog/secret-draft.md"}]}
    )
    code, out, _ = cli(capsys, "check", "-f", config)
    assert code == 1
    assert "nav in mkdocs.yml lists blog/secret-draft.md as 'Coming soon'" in out


def test_check_builds_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """No page is read or rendered, the theme's environment is never made, site_dir stays
    empty: only front matter (and title headings) are read."""
    from mkdocs.structure.pages import Page
    from mkdocs.theme import Theme

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("check must not build")

    monkeypatch.setattr(Page, "read_source", refuse)
    monkeypatch.setattr(Page, "render", refuse)
    monkeypatch.setattr(Theme, "get_env", refuse)
    config = make_site(tmp_path, files={"blog/untitled.md": "# From the heading\n\nText.\n"})
    code, out, _ = cli(capsys, "check", "-f", config)
    assert code == 0, out
    assert not (config.parent / "site").exists()


def test_check_missing_config_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = cli(capsys, "check", "-f", tmp_path / "nowhere.yml")
    assert (code, out) == (2, "")
    assert "nowhere.yml' does not exist" in err


def test_check_without_a_config_here(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, err = cli(capsys, "check")
    assert code == 2
    # properdocs.yml where ProperDocs stands in for MkDocs: the name it looks for first.
    assert re.search(r"Config file '(mkdocs|properdocs)\.yml' does not exist", err)


def test_check_config_error_names_the_option(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = make_site(tmp_path, plugin={"timezone": "Mars/Olympus"})
    code, out, err = cli(capsys, "check", "-f", config)
    assert (code, out) == (2, "")
    assert "option 'timezone': unknown time zone 'Mars/Olympus'" in err


def test_check_config_without_the_plugin(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = make_site(tmp_path, config={"plugins": ["search"]})
    code, _, err = cli(capsys, "check", "-f", config)
    assert code == 2
    assert "'frontmatter-blog' is not in its plugins" in err


def test_check_strict_stops_at_a_config_warning_as_mkdocs_does(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = make_site(tmp_path, config={"not_an_option": 1})
    code, out, _ = cli(capsys, "check", "-f", config)
    assert code == 1
    assert "Unrecognised configuration name: not_an_option" in out
    assert summary(out)[-1] == 1
    code, out, err = cli(capsys, "check", "--strict", "-f", config)
    assert (code, out) == (2, "")
    assert "configuration warnings in 'strict' mode" in err


def test_check_of_a_disabled_blog_reads_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = make_site(tmp_path, plugin={"enabled": False}, files={"blog/bad.md": BAD_DATE})
    code, out, _ = cli(capsys, "check", "-f", config)
    assert code == 0
    assert "enabled: false; no post is read" in out


def test_check_usage_errors(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(capsys, "chekc")[0] == 2
    assert cli(capsys, "check", "--no-such-option")[0] == 2
    assert cli(capsys)[0] == 2
    code, out, _ = cli(capsys, "--help")
    assert code == 0
    assert "check" in out and "new" in out


def test_check_as_a_subprocess(tmp_path: Path) -> None:
    config = make_site(tmp_path, files={"blog/bad.md": BAD_DRAFT})
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs_blog_plugin", "check", "-f", str(config)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert done.returncode == 1, done.stderr
    assert "blog/bad.md: front matter key 'draft' has value 'maybe'" in done.stdout
    assert summary(done.stdout) == (7, 5, 2, 0, 1)


# --- new ---------------------------------------------------------------------------------


def test_new_writes_a_draft_dated_today(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Fourteen hours ahead of UTC: today there is often not today in UTC.
    config = make_site(tmp_path, plugin={"timezone": "Pacific/Kiritimati"})
    before = today("Pacific/Kiritimati")
    code, out, err = cli(capsys, "new", "Hello, World: C++ & more", "-f", config)
    after = today("Pacific/Kiritimati")
    assert code == 0, err
    path = Path(out.strip())
    # Half the fixture's posts are in blog/2025/: not most, so the post goes at the top.
    assert path == config.parent / "docs" / "blog" / "hello-world-c-plus-plus-and-more.md"
    assert "draft: true" in err and "mkdocs build leaves it out" in err
    written = read_back(path, "Pacific/Kiritimati")
    assert written.title == "Hello, World: C++ & more"
    assert written.draft
    assert written.published is not None and written.published.date() in {before, after}
    # Most of the fixture's posts have a description: an empty one is there to fill in.
    assert front_matter(path)["description"] == ""
    assert list(front_matter(path)) == ["title", "description", "pubDate", "draft"]
    # And the site still checks: one more draft.
    code, out, _ = cli(capsys, "check", "-f", config)
    assert code == 0
    assert summary(out) == (7, 5, 2, 0, 0)


def test_new_with_tags_category_and_no_draft(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = make_site(tmp_path)
    code, out, err = cli(
        capsys,
        *("new", "Tagged", "-f", config, "--tags", "a, b,,A ", "--category", "Work"),
        "--no-draft",
    )
    assert code == 0, err
    path = Path(out.strip())
    assert front_matter(path) == {
        "title": "Tagged",
        "description": "",
        "pubDate": front_matter(path)["pubDate"],
        "category": "Work",
        "tags": ["a", "b"],
        "draft": False,
    }
    assert "tags: [a, b]" in path.read_text("utf-8")
    assert "draft: false" in err
    code, out, _ = cli(capsys, "check", "-f", config)
    assert code == 0
    assert summary(out) == (7, 6, 1, 0, 0)


def test_new_refuses_to_overwrite(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = make_site(tmp_path, files={"blog/mine.md": "MY OWN TEXT\n"})
    code, out, err = cli(capsys, "new", "Mine", "-f", config)
    assert (code, out) == (1, "")
    assert "blog/mine.md already exists" in err
    assert (config.parent / "docs/blog/mine.md").read_text("utf-8") == "MY OWN TEXT\n"
    # Writing the same title twice: the second time is refused too.
    assert cli(capsys, "new", "Twice", "-f", config)[0] == 0
    code, _, err = cli(capsys, "new", "Twice", "-f", config)
    assert code == 1 and "twice.md already exists" in err


def test_new_refuses_the_url_of_another_page(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = make_site(tmp_path, files={"blog/taken/index.md": post({"title": "Taken"})})
    code, _, err = cli(capsys, "new", "Taken", "-f", config)
    assert code == 1
    assert "the URL of" in err and "taken/index.md" in err
    assert not (config.parent / "docs/blog/taken.md").exists()
    code, out, _ = cli(capsys, "new", "Taken", "-f", config, "--slug", "taken-too")
    assert code == 0
    assert Path(out.strip()).name == "taken-too.md"


@pytest.mark.parametrize("title", ["Index", "Tags", "Categories", "page", "CON"])
def test_new_refuses_names_that_are_no_post(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], title: str
) -> None:
    config = make_site(tmp_path)
    code, out, err = cli(capsys, "new", title, "-f", config)
    assert (code, out) == (1, "")
    assert "cannot be the new post" in err and "--slug" in err


def test_new_usage_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = make_site(tmp_path)
    for argv in (["   "], ["\ud800 lone surrogate"], ["x", "--slug", "../up"]):
        code, out, err = cli(capsys, "new", *argv, "-f", config)
        assert (code, out) == (2, ""), argv
        assert err.startswith("Error: ")
    assert cli(capsys, "new")[0] == 2
    assert cli(capsys, "new", "-f", config, "-x")[0] == 2  # an option; `-- -x` is a title
    code, out, _ = cli(capsys, "new", "-f", config, "--", "-x")
    assert code == 0 and Path(out.strip()).name == "x.md"
    code, _, err = cli(capsys, "new", "Fine", "-f", tmp_path / "nowhere.yml")
    assert code == 2 and "does not exist" in err


def test_new_follows_the_keys_option(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    keys = {"pubDate": ["publishedAt"], "category": ["section"]}
    config = make_site(tmp_path, plugin={"keys": keys})
    before = today()
    code, out, _ = cli(capsys, "new", "Keyed", "-f", config, "--category", "News")
    after = today()
    assert code == 0
    path = Path(out.strip())
    assert list(front_matter(path)) == ["title", "description", "publishedAt", "section", "draft"]
    written = read_back(path, keys=keys)
    assert written.published is not None and written.published.date() in {before, after}
    assert written.categories == ("News",)


def test_new_follows_the_keys_most_posts_use(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Material's `date` and `categories`, and a description when most posts have one."""
    material = {
        f"blog/posts/{name}.md": post(
            {"date": f"2024-0{n}-01", "categories": ["Life"], "description": "Said."}
        )
        for n, name in enumerate(["one", "two", "three"], start=1)
    }
    material["blog/posts/odd.md"] = post({"pubDate": "2024-05-01"})
    config = make_site(tmp_path, fixture=None, files=material)
    code, out, _ = cli(capsys, "new", "Like the others", "-f", config, "--category", "Life")
    assert code == 0
    path = Path(out.strip())
    assert path.parent == config.parent / "docs" / "blog" / "posts"
    assert front_matter(path) == {
        "title": "Like the others",
        "description": "",
        "date": front_matter(path)["date"],
        "categories": ["Life"],
        "draft": True,
    }


def test_new_in_year_folders_like_most_posts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    files = {
        "blog/2023/old.md": post({"title": "Old", "pubDate": "2023-03-01"}),
        "blog/2024/new.md": post({"title": "New", "pubDate": "2024-03-01"}),
        "blog/2024/folder-post/index.md": post({"title": "Folder", "pubDate": "2024-04-01"}),
        "blog/loose.md": post({"title": "Loose", "pubDate": "2024-05-01"}),
    }
    config = make_site(tmp_path, fixture=None, files=files)
    before = today()
    code, out, _ = cli(capsys, "new", "This year", "-f", config)
    assert code == 0
    path = Path(out.strip())
    assert path.parent.name in {str(before.year), str(today().year)}
    assert path.parent.parent == config.parent / "docs" / "blog"
    assert path.name == "this-year.md"


def test_new_follows_jekylls_dated_names(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = make_site(tmp_path, "jekyll")
    before = today()
    code, out, err = cli(capsys, "new", "Market day in Paris", "-f", config, "--category", "x")
    after = today()
    assert code == 0, err
    path = Path(out.strip())
    assert path.parent == config.parent / "docs" / "blog"
    assert path.name in {f"{day.isoformat()}-market-day-in-paris.md" for day in (before, after)}
    meta = front_matter(path)
    # Jekyll's posts say `date` and `categories`.
    assert list(meta) == ["title", "date", "categories", "draft"]
    assert meta["date"] in {before, after}
    assert read_back(path).draft


def test_new_as_a_subprocess(tmp_path: Path) -> None:
    config = make_site(tmp_path)
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs_blog_plugin", "new", "Café au lait", "-f", str(config)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        cwd=config.parent,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == os.path.join("docs", "blog", "café-au-lait.md") + "\n"
    assert "draft: true" in done.stderr


# --- any title ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def shared_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_site(tmp_path_factory.mktemp("any-title"))


# Any text, and titles whose slug is no post's name or is taken (the fixture's quoted.md).
TITLES = st.one_of(
    st.text(max_size=300),
    st.sampled_from(["Index", "TAGS", "page", "Quoted", "con", " \n\t ", "C++ / C#"]),
)


@settings(max_examples=80)
@given(title=TITLES)
def test_new_any_title_makes_a_post_in_blog_dir_or_a_clear_error(
    shared_site: Path, title: str
) -> None:
    blog = (shared_site.parent / "docs" / "blog").resolve()
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        # After `--`, a title that starts with "-" is no option.
        code = main(["new", "-f", str(shared_site), "--", title])
    cleaned = clean_title(title)
    if not cleaned:
        assert code == 2 and err.getvalue() == "Error: the title is empty\n"
        return
    if code == 1:  # an existing post's name, or a name that is no post: said so
        assert re.search(r"already exists|cannot be the new post|the URL of", err.getvalue())
        return
    assert code == 0, err.getvalue()
    path = Path(out.getvalue().strip()).resolve()
    try:
        assert path.parent == blog
        assert path.name == f"{slugify(cleaned)}.md"
        assert is_valid_slug(path.stem)
        assert len(path.name.encode("utf-8")) < 255
        written = read_back(path)
        assert written.title == cleaned
        assert written.draft
        assert yaml.safe_load(path.read_text("utf-8").split("---\n")[1])["title"] == cleaned
    finally:
        path.unlink()
