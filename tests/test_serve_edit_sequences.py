"""`mkdocs serve` rebuilds after random sequences of edits, of every kind a blog's author makes:
after each, the site the session made is byte for byte a clean build's. The serve caches
(conversions, search entries, theme renders) may keep only what a rebuild would make again
identically."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.sitebuild import ServeSession, make_site, post

_PARAGRAPHS = "".join(f"Paragraph {n} of the body, with some words in it.\n\n" for n in range(8))
_AUTHORS = {
    "authors": {
        "ada": {"name": "Ada", "description": "Writes", "avatar": "https://example.com/a.png"},
        "alan": {"name": "Alan", "description": "Reads", "avatar": "https://example.com/b.png"},
    }
}


def _post(number: int, **extra: object) -> str:
    front: dict[str, object] = {
        "title": f"Post {number}",
        "description": f"About post {number}.",
        "pubDate": f"2024-0{1 + number % 9}-1{number % 10}",
        "category": ["work", "life"][number % 2],
        "tags": ["shared", f"own-{number}"],
        "authors": [["ada"], ["alan"], ["ada", "alan"]][number % 3],
        "ads": number % 2 == 0,
        **extra,
    }
    if number % 3 == 0:
        front["series"] = "Guide"
    return post(front, f"First words of post {number}.\n\n<!-- more -->\n\n{_PARAGRAPHS}")


def _front(text: str) -> tuple[dict[str, object], str]:
    _, front, body = text.split("---\n", 2)
    return yaml.safe_load(front), body


def _with_front(text: str, change: Callable[[dict[str, object]], None]) -> str:
    front, body = _front(text)
    change(front)
    return post(front, body.lstrip("\n"))


# Each edit: (what it does, how it changes the chosen post's source; None removes the file).
_EDITS: dict[str, Callable[[str, int], str | None]] = {
    "body": lambda text, n: text + f"\nOne more paragraph ({n}).\n",
    "excerpt": lambda text, n: text.replace("First words", f"New first words {n}", 1),
    "title": lambda text, n: _with_front(text, lambda f: f.update(title=f"Retitled {n}")),
    "description": lambda text, n: _with_front(text, lambda f: f.update(description=f"New {n}")),
    "tag added": lambda text, n: _with_front(
        text,
        lambda f: f.update(tags=[*f.get("tags", []), f"new-{n % 3}"]),  # type: ignore[misc]
    ),
    "tags removed": lambda text, n: _with_front(text, lambda f: f.pop("tags", None)),
    "category": lambda text, n: _with_front(text, lambda f: f.update(category=f"topic-{n % 2}")),
    "date": lambda text, n: _with_front(text, lambda f: f.update(pubDate=f"20{18 + n % 8}-05-05")),
    "draft on": lambda text, n: _with_front(text, lambda f: f.update(draft=True)),
    "draft off": lambda text, n: _with_front(text, lambda f: f.pop("draft", None)),
    "ads flipped": lambda text, n: _with_front(text, lambda f: f.update(ads=not f.get("ads"))),
    "authors": lambda text, n: _with_front(text, lambda f: f.update(authors=["alan"])),
    "pinned": lambda text, n: _with_front(text, lambda f: f.update(pin=True)),
    "series left": lambda text, n: _with_front(text, lambda f: f.pop("series", None)),
    "removed": lambda text, n: None,
}
_SITE_EDITS = ("post added", "authors file", "blog intro")


def _site(root: Path) -> Path:
    files = {f"blog/post-{n}.md": _post(n) for n in range(1, 7)}
    files["blog/.authors.yml"] = yaml.safe_dump(_AUTHORS)
    files["blog/index.md"] = "# The blog\n\nAn intro.\n"
    return make_site(
        root,
        None,
        config={"theme": {"name": "material"}, "site_url": ServeSession.SERVE_URL},
        plugin={
            "posts_per_page": 2,
            "post_url_format": "{slug}",
            "authors_profiles": True,
            "ads": {"snippet": '<div class="ad">AD</div>', "on_serve": True},
        },
        files=files,
    )


@settings(max_examples=5)
@given(
    st.lists(
        st.tuples(st.sampled_from([*_EDITS, *_SITE_EDITS]), st.integers(0, 20)),
        min_size=2,
        max_size=5,
    )
)
def test_every_rebuild_of_a_sequence_of_edits_is_a_clean_build(
    edits: list[tuple[str, int]],
) -> None:
    with tempfile.TemporaryDirectory() as temporary:
        root = Path(temporary)
        config_file = _site(root)
        docs = config_file.parent / "docs" / "blog"
        session = ServeSession(config_file, root / "session")
        done: list[str] = []
        for number, (kind, choice) in enumerate(edits):
            posts = sorted(docs.glob("post-*.md"))
            if kind == "post added":
                (docs / f"post-new-{number}.md").write_text(_post(10 + choice), "utf-8")
            elif kind == "authors file":
                changed = yaml.safe_load((docs / ".authors.yml").read_text("utf-8"))
                changed["authors"]["ada"]["name"] = f"Ada {choice}"
                (docs / ".authors.yml").write_text(yaml.safe_dump(changed), "utf-8")
            elif kind == "blog intro":
                (docs / "index.md").write_text(f"# The blog\n\nIntro {choice}.\n", "utf-8")
            elif posts:
                source = posts[choice % len(posts)]
                changed_text = _EDITS[kind](source.read_text("utf-8"), choice)
                if changed_text is None:
                    source.unlink()
                else:
                    source.write_text(changed_text, "utf-8")
            done.append(f"{kind} ({choice})")
            kept = session.rebuild()
            made = session.clean_build(root / f"clean-{number}")
            assert sorted(kept) == sorted(made), done
            assert [name for name in kept if kept[name] != made[name]] == [], done
