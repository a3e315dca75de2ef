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


# Instead of a sleep before checking that something did NOT happen (a push, a request): a
# barrier that the page's own work reaches first. Intersection observers get their callbacks
# in the order they were made, so once this one has had its first, every observer the page
# made earlier (lazy slots) has had its own; two animation frames then let the scripts run
# that those callbacks queued. No clock is involved: a slow machine waits longer, never less.
SETTLE = """() => new Promise(resolve => {
  const done = () => requestAnimationFrame(() => requestAnimationFrame(() => resolve(true)));
  const targets = [...document.querySelectorAll('.ad-slot, body')];
  const seen = new Set();
  const observer = new IntersectionObserver(entries => {
    entries.forEach(entry => seen.add(entry.target));
    if (seen.size === targets.length) { observer.disconnect(); done(); }
  });
  targets.forEach(target => observer.observe(target));
})"""


def settle(page: Any) -> None:
    """Wait until what the page set going on its own has run (see SETTLE)."""
    page.evaluate(SETTLE)


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
    """``open_page(site_dir, url, height=900, base=None) -> (page, visit, base)`` in a fresh
    browser context; ``base``: the URL where ``site_dir`` is already served."""
    servers = ExitStack()
    contexts: list[Any] = []

    def opener(
        site_dir: Path, url: str, *, height: int = 900, base: str | None = None
    ) -> tuple[Any, Visit, str]:
        if base is None:
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
    settle(page)
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


# -- Material's instant navigation ---------------------------------------------------------------

INSTANT_THEME = {"name": "material", "features": ["navigation.instant"]}
COUNT_UNITS = """() => ({
    pushed: (window.adsbygoogle || []).length,
    marked: document.querySelectorAll('.ad-slot ins[data-frontmatter-blog-pushed]').length,
    live: document.querySelectorAll('.ad-slot ins.adsbygoogle').length,
    units: document.querySelectorAll('.ad-slot ins').length,
    templates: document.querySelectorAll('.ad-slot template[data-ad-consent]').length,
})"""


@pytest.fixture
def instant_site(tmp_path: Path, open_page: Any) -> Iterator[Any]:
    """``instant_site(url, ads, extra=None) -> (page, visit)``: the fixture site in Material
    with ``navigation.instant``, built and opened at ``url``, with instant navigation ready."""
    site_dir = tmp_path / "project" / "site"
    with serve(site_dir) as base:

        def opener(url: str, ads: dict[str, Any], **config: Any) -> tuple[Any, Visit]:
            # Material navigates instantly only to the pages of its sitemap, which has the
            # URLs of site_url: the served address, as under `mkdocs serve`.
            site = build_site(
                tmp_path,
                "ads-site",
                config={"theme": INSTANT_THEME, "site_url": base, **config},
                plugin={"ads": ads},
            )
            assert site.site_dir == site_dir
            page, visit, _ = open_page(site_dir, url, height=700, base=base)
            # Until the sitemap is in, a click is an ordinary (full) page load.
            page.wait_for_load_state("networkidle")
            page.evaluate("() => { window.__marker = 'still the first page view'; }")
            return page, visit

        yield opener


def loader_requests(visit: Visit) -> list[str]:
    return [url for url in visit.external if "adsbygoogle.js" in url]


def navigate_instantly(page: Any, link: str | None, post: str, slots: int) -> None:
    """Click the link ``link`` selects (``None``: none, e.g. after ``go_back``) and wait until
    Material swapped in ``post``, with its ``slots`` slots."""
    if link is not None:
        # A click dispatched on the link, as a reader's is: it bubbles up to <body>, where
        # Material intercepts it (a real click could hit Material's consent dialog instead).
        page.locator(link).first.dispatch_event("click")
    page.wait_for_function(
        """([post, slots]) => location.pathname.endsWith(post)
            && document.querySelectorAll('.ad-slot').length === slots""",
        arg=[post, slots],
    )
    # Set on the first page view: a full page load would have lost it.
    assert page.evaluate("() => window.__marker") == "still the first page view"


def scroll_through_slots(page: Any, *, pushed_before: int) -> None:
    """Scroll each slot into view in turn, as a reader reading down the post does, waiting for
    its unit to be pushed before going on (a jump to the end would pass them unseen)."""
    count = page.evaluate("() => document.querySelectorAll('.ad-slot').length")
    for number in range(count):
        page.evaluate(
            "(n) => document.querySelectorAll('.ad-slot')[n].scrollIntoView({block: 'center'})",
            number,
        )
        page.wait_for_function(
            "(n) => (window.adsbygoogle || []).length >= n", arg=pushed_before + number + 1
        )


def to_post(post: str) -> str:
    return f'.md-content a[href$="/{post}"]'


@pytest.mark.parametrize("lazy", [False, True], ids=["eager", "lazy"])
def test_instant_navigation_loads_and_pushes_slots(instant_site: Any, lazy: bool) -> None:
    page, visit = instant_site("blog/", {**ADSENSE, "lazy": lazy})
    assert loader_requests(visit) == []  # the blog index has no slot: no ad script
    assert page.evaluate(COUNT_UNITS)["pushed"] == 0

    navigate_instantly(page, to_post("blog/long-post/"), "blog/long-post/", 3)
    if lazy:
        scroll_through_slots(page, pushed_before=0)
    page.wait_for_function("() => (window.adsbygoogle || []).length === 3")
    assert page.evaluate(COUNT_UNITS) == {
        "pushed": 3,
        "marked": 3,
        "live": 3,
        "units": 3,
        "templates": 0,
    }
    assert len(loader_requests(visit)) == 1

    # Back to the index (popstate, also instant), then on to another post with slots.
    page.go_back()
    navigate_instantly(page, None, "blog/", 0)
    navigate_instantly(page, to_post("blog/short-post/"), "blog/short-post/", 1)
    if lazy:
        scroll_through_slots(page, pushed_before=3)
    page.wait_for_function("() => (window.adsbygoogle || []).length === 4")
    settle(page)
    state = page.evaluate(COUNT_UNITS)
    assert state == {"pushed": 4, "marked": 1, "live": 1, "units": 1, "templates": 0}
    assert len(loader_requests(visit)) == 1  # one loader for the whole page view
    assert visit.errors == []


def test_instant_navigation_from_post_to_post(instant_site: Any) -> None:
    # A full load of a post: the static loader in <head>, and the boot script pushes its units.
    page, visit = instant_site("blog/long-post/", ADSENSE)
    page.wait_for_function("() => (window.adsbygoogle || []).length === 3")
    assert len(loader_requests(visit)) == 1
    # Straight on to another post (posts do not link to each other: a link is added here).
    page.evaluate(
        """() => {
            const link = document.createElement('a');
            link.href = '../short-post/';
            link.id = 'next-post';
            link.textContent = 'Next post';
            document.querySelector('.md-content article').append(link);
        }"""
    )
    navigate_instantly(page, "#next-post", "blog/short-post/", 1)
    page.wait_for_function("() => (window.adsbygoogle || []).length === 4")
    # And through a tag page (no slots) back to the first post: its slots are new ones.
    navigate_instantly(page, ".md-content a.fmb-tag", "blog/tags/ads/", 0)
    navigate_instantly(page, to_post("blog/long-post/"), "blog/long-post/", 3)
    page.wait_for_function("() => (window.adsbygoogle || []).length === 7")
    settle(page)
    state = page.evaluate(COUNT_UNITS)
    assert state == {"pushed": 7, "marked": 3, "live": 3, "units": 3, "templates": 0}
    assert len(loader_requests(visit)) == 1  # the static one of the first page
    assert visit.errors == []


def test_instant_navigation_waits_for_consent(instant_site: Any) -> None:
    page, visit = instant_site("blog/", {**ADSENSE, "consent": True}, extra=CONSENT_EXTRA)
    navigate_instantly(page, to_post("blog/long-post/"), "blog/long-post/", 3)
    settle(page)
    # No consent yet: no ad script, and the slots' markup is still inert.
    assert not any("googlesyndication" in url for url in visit.external)
    assert page.evaluate(COUNT_UNITS) == {
        "pushed": 0,
        "marked": 0,
        "live": 0,
        "units": 0,
        "templates": 3,
    }
    # The reader accepts (stored as Material's consent form does, without its reload), then
    # moves on instantly to another post.
    page.evaluate('() => __md_set("__consent", {ads: true})')
    page.go_back()
    navigate_instantly(page, None, "blog/", 0)
    navigate_instantly(page, to_post("blog/short-post/"), "blog/short-post/", 1)
    page.wait_for_function("() => (window.adsbygoogle || []).length === 1")
    assert page.evaluate(COUNT_UNITS) == {
        "pushed": 1,
        "marked": 1,
        "live": 1,
        "units": 1,
        "templates": 0,
    }
    assert len(loader_requests(visit)) == 1
    assert visit.errors == []
