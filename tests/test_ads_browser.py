"""Ad slots in a real browser: headless Chromium on a locally served, freshly built site.

No real ad script is ever fetched: every request to another host is answered locally with an
empty body (so the page sees no network errors), and recorded.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from tests.browser import CHROMIUM, CHROMIUM_ARGS, require_chromium, serve
from tests.sitebuild import build_site

pytestmark = pytest.mark.browser
playwright_sync = pytest.importorskip("playwright.sync_api")

CLIENT = "ca-pub-1234567890123456"
ADSENSE = {"adsense": {"client": CLIENT, "slot": "1234567890"}}
CONSENT_EXTRA = {
    "consent": {
        "title": "Cookies",
        "description": "We use cookies for ads.",
        "cookies": {"ads": "Advertising"},
    }
}


def theme_config(name: str) -> dict[str, Any]:
    # The mkdocs and readthedocs themes load highlight.js from a CDN; answered with an empty
    # script here, their inline `hljs.initHighlightingOnLoad()` would be a console error.
    return {"name": name} if name == "material" else {"name": name, "highlightjs": False}


@dataclass
class Visit:
    """What one page load did."""

    errors: list[str] = field(default_factory=list)
    external: list[str] = field(default_factory=list)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    require_chromium()
    with playwright_sync.sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def open_page(browser: Any) -> Iterator[Any]:
    """``open_page(site_dir, url, before=None) -> (page, visit)`` in a fresh browser context."""
    servers = ExitStack()
    contexts: list[Any] = []

    def opener(site_dir: Path, url: str, *, height: int = 900) -> tuple[Any, Visit, str]:
        base = servers.enter_context(serve(site_dir))
        context = browser.new_context(viewport={"width": 1200, "height": height})
        contexts.append(context)
        visit = Visit()

        def route(route: Any) -> None:
            request_url = route.request.url
            if urlsplit(request_url).hostname == "127.0.0.1":
                route.continue_()
                return
            visit.external.append(request_url)
            kind = route.request.resource_type
            content_type = {"script": "text/javascript", "stylesheet": "text/css"}.get(
                kind, "text/plain"
            )
            route.fulfill(status=200, body="", content_type=content_type)

        context.route("**/*", route)
        page = context.new_page()
        page.on("console", lambda m: visit.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda error: visit.errors.append(str(error)))
        page.goto(base + url, wait_until="load")
        return page, visit, base

    yield opener
    for context in contexts:
        context.close()
    servers.close()


@pytest.mark.parametrize("theme", ["mkdocs", "readthedocs", "material"])
def test_slot_reserves_its_height_before_any_ad_script(
    tmp_path: Path, open_page: Any, theme: str
) -> None:
    site = build_site(
        tmp_path, "ads-site", config={"theme": theme_config(theme)}, plugin={"ads": ADSENSE}
    )
    page, visit, _ = open_page(site.site_dir, "blog/long-post/")
    # The loader was requested (and answered with an empty script): no real ad code ran.
    assert any("adsbygoogle.js" in url for url in visit.external)
    state = page.evaluate(
        """() => ({
            pushed: Array.isArray(window.adsbygoogle) ? window.adsbygoogle.length : -1,
            heights: [...document.querySelectorAll('.ad-slot__unit')].map(
                (unit) => unit.getBoundingClientRect().height),
            label: getComputedStyle(document.querySelector('.ad-slot'), '::before').content,
        })"""
    )
    # Still a plain array: the real library would have replaced push; every unit was queued.
    assert state["pushed"] == 3
    assert len(state["heights"]) == 3
    assert all(height >= 280 for height in state["heights"]), state
    assert state["label"] == '"Advertisement"'
    assert visit.errors == []


def test_unfilled_slot_is_hidden(tmp_path: Path, open_page: Any) -> None:
    site = build_site(
        tmp_path, "ads-site", config={"theme": theme_config("mkdocs")}, plugin={"ads": ADSENSE}
    )
    page, visit, _ = open_page(site.site_dir, "blog/long-post/")
    heights = page.evaluate(
        """() => {
            const units = document.querySelectorAll('.ad-slot ins');
            units[0].setAttribute('data-ad-status', 'unfilled');
            units[1].setAttribute('data-ad-status', 'filled');
            return [...document.querySelectorAll('.ad-slot')].map(
                (slot) => slot.getBoundingClientRect().height);
        }"""
    )
    assert heights[0] == 0 and heights[1] >= 280 and heights[2] >= 280
    assert visit.errors == []


def test_lazy_units_are_pushed_near_the_viewport(tmp_path: Path, open_page: Any) -> None:
    site = build_site(
        tmp_path,
        "ads-site",
        config={"theme": theme_config("mkdocs")},
        plugin={"ads": {**ADSENSE, "lazy": True}},
    )
    page, visit, _ = open_page(site.site_dir, "blog/long-post/", height=700)
    page.wait_for_timeout(200)
    count = """() => ({
        pushed: (window.adsbygoogle || []).length,
        waiting: document.querySelectorAll('.ad-slot ins.adsbygoogle-lazy').length,
    })"""
    before = page.evaluate(count)
    assert before["pushed"] < 3 and before["pushed"] + before["waiting"] == 3
    page.evaluate("() => window.scrollTo(0, document.body.scrollHeight)")
    page.wait_for_function("() => (window.adsbygoogle || []).length === 3")
    assert page.evaluate(count) == {"pushed": 3, "waiting": 0}
    assert visit.errors == []


def test_consent_loads_nothing_until_accepted(tmp_path: Path, open_page: Any) -> None:
    site = build_site(
        tmp_path,
        "ads-site",
        config={"theme": "material", "extra": CONSENT_EXTRA},
        plugin={"ads": {**ADSENSE, "consent": True}},
    )
    page, visit, _ = open_page(site.site_dir, "blog/long-post/")
    assert not any("googlesyndication" in url for url in visit.external)
    assert page.evaluate("() => document.querySelectorAll('.ad-slot ins').length") == 0
    heights = page.evaluate(
        "() => [...document.querySelectorAll('.ad-slot__unit')].map(u => u.offsetHeight)"
    )
    assert len(heights) == 3 and all(height >= 280 for height in heights)
    # Accept as Material's consent form does (it stores the choice, then reloads).
    page.evaluate('() => __md_set("__consent", {ads: true})')
    page.reload(wait_until="load")
    assert any("adsbygoogle.js" in url for url in visit.external)
    assert page.evaluate("() => document.querySelectorAll('.ad-slot ins.adsbygoogle').length") == 3
    assert page.evaluate("() => window.adsbygoogle.length") == 3
    assert visit.errors == []
