"""The ad-slot treeprocessor on real Python-Markdown output, with the extensions blogs use."""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Any

import jinja2
import markdown
import pytest
from bs4 import BeautifulSoup, Tag
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup

import mkdocs_blog_plugin
from mkdocs_blog_plugin.ads import SLOT_TEMPLATE_PATH, AdSlotExtension, SlotRequest
from mkdocs_blog_plugin.ads.treeprocessor import classify
from mkdocs_blog_plugin.core.ads import BlockKind, PlacementRules
from mkdocs_blog_plugin.i18n import Labels

TEMPLATES = Path(mkdocs_blog_plugin.__file__).parent / "templates"
ENV = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True)
# What the plugin's renderer gives every template: the labels' functions, in English.
ENV.globals.update(Labels().context())

SNIPPET = '<ins class="test-ad" data-ad-slot="42"></ins>'
EXTENSIONS: list[Any] = [
    "admonition",
    "pymdownx.details",
    "pymdownx.superfences",
    "pymdownx.tabbed",
    "pymdownx.arithmatex",
    "pymdownx.highlight",
    "tables",
    "footnotes",
    "attr_list",
    "md_in_html",
    "def_list",
    "toc",
]
EXTENSION_CONFIGS = {"pymdownx.arithmatex": {"generic": True}, "pymdownx.tabbed": {}}
EVERYWHERE = PlacementRules(after_paragraph=1, every=1, max_slots=1000)


def slot_context(**overrides: Any) -> dict[str, Any]:
    context: dict[str, Any] = {
        "snippet": Markup(SNIPPET),
        "adsense": None,
        "label": "Advertisement",
        "min_height": "280px",
        "lazy": False,
        "consent": False,
        "page": None,
    }
    context.update(overrides)
    return context


def convert(
    text: str,
    rules: PlacementRules | None = EVERYWHERE,
    extension_configs: dict[str, dict[str, Any]] | None = None,
    **context: Any,
) -> tuple[BeautifulSoup, SlotRequest | None, str]:
    """Render ``text``; ``rules=None`` means the page wants no ads."""
    template = ENV.get_template(SLOT_TEMPLATE_PATH)
    request = (
        None
        if rules is None
        else SlotRequest(
            rules=rules,
            render_slot=lambda number: template.render(number=number, **slot_context(**context)),
        )
    )
    md = markdown.Markdown(
        extensions=[*EXTENSIONS, AdSlotExtension(lambda _md: request)],
        extension_configs=extension_configs or EXTENSION_CONFIGS,
    )
    html = md.convert(textwrap.dedent(text))
    return BeautifulSoup(html, "html.parser"), request, html


def top_level(soup: BeautifulSoup) -> list[Tag]:
    return [child for child in soup.children if isinstance(child, Tag)]


def slots(soup: BeautifulSoup) -> list[Tag]:
    return list(soup.select(".ad-slot"))


RICH_POST = """\
    # A rich post

    Opening paragraph with enough words to count as text.

    ## Code

    ```python
    def f():
        return "<!-- ad -->"
    ```

        indented code block

    Paragraph after code, with a footnote.[^1] And $x^2$ inline math.

    !!! note "An admonition"
        First paragraph inside the admonition.

        Second paragraph inside the admonition.

    ??? info "Details"
        Paragraph inside details.

        Another one.

    === "Tab one"
        Text in tab one.

        More text in tab one.

    === "Tab two"
        Text in tab two.

    | Column | Other |
    |--------|-------|
    | cell   | cell  |

    $$
    E = mc^2
    $$

    - list item one

        continued paragraph in the item

    - list item two

    1. ordered
    2. list

    > A quoted paragraph.
    >
    > Another quoted paragraph.

    Term
    :   Definition paragraph.

    <figure markdown>
      ![An image](image.png)
      <figcaption>Caption text</figcaption>
    </figure>

    <div class="raw">Raw <b>HTML</b> block.</div>

    ### A heading right before the last paragraph

    Closing paragraph of the post.

    [^1]: The footnote text, which is a paragraph too.
"""

FORBIDDEN = [
    "pre",
    "code",
    "table",
    "ul",
    "ol",
    "li",
    "blockquote",
    "details",
    "figure",
    "dl",
    ".admonition",
    ".tabbed-set",
    ".arithmatex",
    ".highlight",
    ".footnote",
    ".raw",
]


def test_rich_post_slots_only_between_top_level_paragraphs() -> None:
    soup, request, _ = convert(RICH_POST)
    assert request is not None
    found = slots(soup)
    # One slot after each of the three top-level paragraphs of the post's own text.
    assert len(found) == request.placed == 3
    for slot in found:
        assert slot.parent is soup, "a slot must be a top-level block"
        assert not any(slot.find_parent(selector) for selector in FORBIDDEN if selector[0] != ".")
        previous = slot.find_previous_sibling(True)
        assert isinstance(previous, Tag) and previous.name == "p", previous
    for selector in FORBIDDEN:
        for block in soup.select(selector):
            assert not block.select(".ad-slot"), f"slot inside {selector}"
    texts = [slot.find_previous_sibling("p").get_text(" ", strip=True) for slot in found]
    assert texts[0].startswith("Opening paragraph")
    assert texts[1].startswith("Paragraph after code")
    assert texts[2].startswith("Closing paragraph")


def test_never_right_after_a_heading() -> None:
    text = "\n\n".join(f"## Heading {n}\n\nParagraph {n} with words." for n in range(12))
    rules = PlacementRules(after_paragraph=1, every=1, max_slots=100, after_content=True)
    soup, _, _ = convert(text, rules)
    assert len(slots(soup)) == 12
    for slot in slots(soup):
        previous = slot.find_previous_sibling(True)
        assert previous is not None and previous.name == "p"


def test_default_rules_on_a_long_post() -> None:
    text = "\n\n".join(f"Paragraph number {n} of the post." for n in range(1, 41))
    soup, request, _ = convert(text, PlacementRules())
    assert request is not None and request.placed == 3
    after = [slot.find_previous_sibling("p").get_text() for slot in slots(soup)]
    assert after == [
        "Paragraph number 3 of the post.",
        "Paragraph number 9 of the post.",
        "Paragraph number 15 of the post.",
    ]
    numbers = [slot["data-slot-number"] for slot in slots(soup)]
    assert numbers == ["1", "2", "3"]


def test_only_code_gets_no_slot() -> None:
    soup, request, _ = convert("```\ncode\n```\n\n    more code\n", PlacementRules())
    assert request is not None and request.placed == 0 and not slots(soup)


def test_code_words_do_not_count_towards_min_words() -> None:
    code = "```text\n" + "word " * 500 + "\n```\n\nA short paragraph.\n"
    soup, _, _ = convert(code, PlacementRules(min_words=50))
    assert not slots(soup)
    soup, _, _ = convert(code + "\n" + "More words here. " * 20, PlacementRules(min_words=50))
    assert len(slots(soup)) == 1


def test_manual_marker_places_exactly_there_and_turns_automatic_off() -> None:
    text = """\
        First paragraph.

        Second paragraph.

        <!-- ad -->

        Third paragraph.

        !!! note
            <!-- ad -->

        - item <!-- ad -->

        Fourth paragraph.

        Fifth paragraph.
    """
    soup, request, html = convert(text, PlacementRules(after_paragraph=1, every=1))
    assert request is not None and request.manual and request.placed == 1
    [slot] = slots(soup)
    assert slot.parent is soup
    assert slot.find_previous_sibling("p").get_text() == "Second paragraph."
    assert slot.find_next_sibling("p").get_text() == "Third paragraph."
    # The top-level marker became the slot; markers elsewhere stay harmless comments.
    assert html.count("<!-- ad -->") == 2


def test_markers_without_ads_stay_comments() -> None:
    _, request, html = convert("Text.\n\n<!-- ad -->\n\nMore.\n", rules=None)
    assert request is None
    assert "<!-- ad -->" in html and "ad-slot" not in html


def test_no_request_changes_nothing() -> None:
    plain = markdown.Markdown(extensions=EXTENSIONS, extension_configs=EXTENSION_CONFIGS)
    expected = plain.convert(textwrap.dedent(RICH_POST))
    _, _, html = convert(RICH_POST, rules=None)
    assert html == expected


def test_slot_html_is_not_parsed_as_markdown() -> None:
    snippet = Markup("<div class='ad'>*not emphasis* <!-- ad --> [not](a-link)</div>")
    soup, request, html = convert("One.\n\nTwo.\n", snippet=snippet)
    assert request is not None and request.placed == 2
    assert html.count("*not emphasis* <!-- ad --> [not](a-link)") == 2
    assert not soup.select(".ad-slot em") and not soup.select(".ad-slot a")


def test_slot_markup() -> None:
    soup, _, html = convert("Only paragraph.\n", label='Ad <script>alert("x")</script>')
    [slot] = slots(soup)
    assert slot.name == "aside"
    assert slot["aria-label"] == slot["data-label"] == 'Ad <script>alert("x")</script>'
    assert "<script>alert" not in html
    [unit] = slot.select(".ad-slot__unit")
    assert unit["style"] == "min-height: 280px"
    assert str(unit.contents[0]) == SNIPPET
    assert html.lstrip().startswith("<p>Only paragraph.</p>\n<aside")


def test_slot_without_label() -> None:
    soup, _, _ = convert("Only paragraph.\n", label="")
    [slot] = slots(soup)
    assert slot["aria-label"] == "Advertisement" and not slot.has_attr("data-label")


ADSENSE = {
    "client": "ca-pub-1234567890123456",
    "slot": "987",
    "layout": "in-article",
    "format": "fluid",
}


def test_adsense_preset_markup() -> None:
    soup, _, _ = convert("Paragraph.\n", snippet=None, adsense=ADSENSE)
    [ins] = soup.select(".ad-slot ins")
    assert ins["class"] == ["adsbygoogle"]
    assert ins["data-ad-client"] == ADSENSE["client"] and ins["data-ad-slot"] == "987"
    assert ins["data-ad-layout"] == "in-article" and ins["data-ad-format"] == "fluid"
    # No inline script (it would land in the search index): the head script pushes the unit.
    assert ins.has_attr("data-frontmatter-blog-unit")
    assert not soup.select(".ad-slot script")


def test_adsense_lazy_markup_waits_for_the_viewport() -> None:
    soup, _, _ = convert("Paragraph.\n", snippet=None, adsense=ADSENSE, lazy=True)
    [ins] = soup.select(".ad-slot ins")
    assert ins["class"] == ["adsbygoogle-lazy"]
    assert not soup.select(".ad-slot script")


def test_consent_keeps_markup_inert() -> None:
    _, _, html = convert("Paragraph.\n", snippet=None, adsense=ADSENSE, consent=True)
    soup = BeautifulSoup(html, "html.parser")
    [template] = soup.select(".ad-slot template[data-ad-consent]")
    assert "adsbygoogle" in template.decode_contents()


def test_non_generic_math_and_highlighted_code() -> None:
    text = """\
        Intro paragraph.

        $$
        a^2 + b^2 = c^2
        $$

            indented code, highlighted

        ```js
        let a = 1;
        ```

        Outro paragraph.
    """
    soup, _, _ = convert(text, extension_configs={"pymdownx.arithmatex": {"generic": False}})
    assert len(slots(soup)) == 2
    for slot in slots(soup):
        assert slot.find_previous_sibling(True).name == "p"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Some words.", BlockKind.PARAGRAPH),
        ("![only an image](a.png)", BlockKind.OTHER),
        ("<!-- ad -->", BlockKind.MARKER),
        ("<!--ad-->", BlockKind.MARKER),
        ("<!-- AD -->", BlockKind.MARKER),
        ("<!-- adsense -->", BlockKind.OTHER),
        ("<div>raw</div>", BlockKind.OTHER),
        ("```\ncode\n```", BlockKind.OTHER),
        ("## Heading", BlockKind.HEADING),
        ("- list", BlockKind.OTHER),
    ],
)
def test_classify(text: str, kind: BlockKind) -> None:
    seen: list[BlockKind] = []

    class Spy(Treeprocessor):  # type: ignore[misc]
        def run(self, root: Any) -> None:
            seen.extend(classify(self.md, child).kind for child in root)

    md = markdown.Markdown(extensions=["pymdownx.superfences"])
    md.treeprocessors.register(Spy(md), "spy", 14)
    md.convert(text)
    assert seen == [kind]
