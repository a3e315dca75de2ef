"""What a reader sees: post header and listings rendered in headless Chromium."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.browser import chromium, serve
from tests.sitebuild import build_site

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium() as instance:
        yield instance


def open_page(browser: Any, url: str, errors: list[str]) -> Any:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    # Nothing leaves this machine: fonts or scripts from other hosts are refused.
    page.route(
        "**/*",
        lambda route: route.continue_() if "127.0.0.1" in route.request.url else route.abort(),
    )
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(url, wait_until="load")
    return page


@pytest.mark.parametrize("theme", ["mkdocs", "readthedocs", "material"])
def test_post_header_and_listing_look_right(browser: Any, tmp_path: Path, theme: str) -> None:
    # No fonts or scripts from CDNs: the machine is offline, and so may be a reader's preview.
    options = {"font": False} if theme == "material" else {"highlightjs": False}
    site = build_site(tmp_path, config={"theme": {"name": theme, **options}})
    with serve(site.site_dir) as base:
        errors: list[str] = []
        page = open_page(browser, base + "blog/2025/leverage/", errors)
        title = page.locator(".fmb-post-header h1")
        assert title.is_visible() and title.inner_text() == "Career Growth Is Mostly About Leverage"
        tags = page.locator(".fmb-post-header .fmb-tag")
        assert tags.count() == 3
        boxes = [tags.nth(i).bounding_box() for i in range(3)]
        # Our CSS loaded: tags are pills on one line, not a bulleted list.
        assert len({round(box["y"]) for box in boxes}) == 1, boxes
        assert boxes[0]["x"] < boxes[1]["x"] < boxes[2]["x"]
        style = page.eval_on_selector(".fmb-tag", "e => getComputedStyle(e).borderTopLeftRadius")
        assert style != "0px"
        header_box = page.locator(".fmb-post-header").bounding_box()
        body_box = page.locator("text=LEVERAGE-BODY-TEXT").first.bounding_box()
        assert header_box["y"] + header_box["height"] <= body_box["y"] + 1
        page.screenshot(path=str(tmp_path / f"post-{theme}.png"), full_page=False)
        page.close()

        listing = open_page(browser, base + "blog/", errors)
        entries = listing.locator(".fmb-entry")
        assert entries.count() == 5
        first, second = entries.nth(0).bounding_box(), entries.nth(1).bounding_box()
        assert first["y"] + first["height"] <= second["y"]
        assert listing.locator(".fmb-entry-title a").first.is_visible()
        listing.screenshot(path=str(tmp_path / f"listing-{theme}.png"), full_page=False)
        listing.close()
        assert errors == []


def test_right_to_left_layout(browser: Any, tmp_path: Path) -> None:
    # An Arabic site: the post header, the listing's pagination and an ad slot read from the
    # right, as the blocks say dir="rtl" (the mkdocs theme itself does not).
    site = build_site(
        tmp_path,
        config={"theme": {"name": "mkdocs", "highlightjs": False}},
        plugin={
            "locale": "ar",
            "posts_per_page": 2,
            "ads": {"snippet": '<div class="test-ad">AD</div>'},
        },
    )
    with serve(site.site_dir) as base:
        errors: list[str] = []
        page = open_page(browser, base + "blog/2025/leverage/", errors)
        header = page.locator(".fmb-post-header")
        assert header.evaluate("e => getComputedStyle(e).direction") == "rtl"
        meta = page.locator(".fmb-post-header .fmb-meta")
        date = meta.locator(".fmb-date").bounding_box()
        tags = meta.locator(".fmb-tag")
        first, last = tags.first.bounding_box(), tags.last.bounding_box()
        box = meta.bounding_box()
        # The date starts the line at the right; tags run leftwards.
        assert date["x"] + date["width"] > box["x"] + box["width"] - 40, (date, box)
        assert first["x"] > last["x"], (first, last)
        slot = page.locator(".ad-slot").first
        assert slot.evaluate("e => getComputedStyle(e).direction") == "rtl"
        assert slot.get_attribute("aria-label") not in (None, "", "Advertisement")
        page.screenshot(path=str(tmp_path / "post-rtl.png"), full_page=True)
        page.close()

        listing = open_page(browser, base + "blog/", errors)
        older = listing.locator(".fmb-pagination .fmb-older").bounding_box()
        numbers = listing.locator(".fmb-pagination .fmb-pages li")
        one, two = numbers.first.bounding_box(), numbers.nth(1).bounding_box()
        # Page 1 at the right of page 2, and "older" at the far left.
        assert one["x"] > two["x"], (one, two)
        assert older["x"] < two["x"], (older, two)
        arrow = listing.locator(".fmb-pagination .fmb-older .fmb-arrow")
        assert "matrix(-1" in arrow.evaluate("e => getComputedStyle(e).transform")
        listing.screenshot(path=str(tmp_path / "listing-rtl.png"), full_page=True)
        listing.close()
        assert errors == []
