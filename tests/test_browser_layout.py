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
