"""MDX posts as Markdown: ESM blocks and comments go, the rest is kept and what is not Markdown
is named."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mkdocs_blog_plugin.core.mdx import mdx_to_markdown


@pytest.mark.parametrize(
    ("body", "markdown"),
    [
        ("import A from 'a'\n\nText.\n", "\nText.\n"),
        ("import {\n  A,\n  B,\n} from 'a'\nexport const x = 1;\n\nText.\n", "\nText.\n"),
        # Prose that starts with a keyword is prose: only a block at a block's start is ESM.
        (
            "import A from 'a'\n\n"
            "To move the site we\nexport the posts (all of them\nto a folder.\n",
            "\nTo move the site we\nexport the posts (all of them\nto a folder.\n",
        ),
        ("Important: exports are slow.\n", "Important: exports are slow.\n"),
        ("```js\nimport x from 'y'\n{/* kept in code */}\n```\n", None),
        ("Before {/* a private\nnote */} after.\n", "Before  after.\n"),
    ],
)
def test_esm_blocks_and_comments_go(body: str, markdown: str | None) -> None:
    assert mdx_to_markdown(body).markdown == (body if markdown is None else markdown)


def test_what_is_left_is_named() -> None:
    result = mdx_to_markdown(
        "# Hi\n\n<Chart data={points} />\n\nSee {frontmatter.title} and `{code}` {: .note }\n"
    )
    assert result.components == ["Chart"]
    assert result.expressions == ["{points}", "{frontmatter.title}"]  # not code, not attr_list


def test_an_unclosed_block_is_kept_and_reported() -> None:
    result = mdx_to_markdown("Intro.\n\nexport const broken = (\n\nAfter.\n")
    assert "export const broken = (" in result.markdown and "After." in result.markdown
    assert result.unclosed == [3]


@given(st.text(max_size=200))
def test_no_line_outside_esm_blocks_and_comments_is_lost(body: str) -> None:
    lines = body.splitlines()
    if "{/*" in body or any(line.startswith(("import", "export")) for line in lines):
        return  # what goes is tested above; here, text with neither keeps every line
    assert mdx_to_markdown(body).markdown.splitlines() == lines
