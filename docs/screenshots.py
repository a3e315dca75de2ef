"""Screenshots of the example blog on every supported theme, for the docs' Themes page.

Usage, from the repository root (needs the dev venv, Debian's Chromium and a Japanese font, as
the example blog has a 日本語 tag: ``apt-get install chromium fonts-noto-cjk``):

    .venv/bin/python docs/screenshots.py

For each theme (``mkdocs``, ``readthedocs``, ``material``, and ``materialx`` when the
``mkdocs-materialx`` theme is installed; otherwise it is skipped with a note) this copies
``example-site/`` to a temporary folder, switches its ``theme``, builds it with
``mkdocs build --strict``, serves the build on 127.0.0.1 and opens three pages in headless
Chromium: the blog index, a post with a category and tags and no ad slots, and a tag page.
Each is saved as ``docs/pages/images/<theme>-<page>.png``; nothing else in the repository is
written.

Output is kept as repeatable as a browser allows: fixed viewport and device scale, light colour
scheme, fixed locale and time zone, reduced motion, transitions and animations switched off, web
fonts awaited, no text caret. Nothing is loaded from other hosts (the themes' CDN fonts and
highlight.js are switched off; any other request is refused and reported). A page that does not
answer 200, logs an error, or lacks the plugin's markup or stylesheet stops the script.
A PNG larger than ``MAX_BYTES`` is taken again with a smaller viewport.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml
from mkdocs.utils import get_theme_names

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "example-site"
IMAGES = ROOT / "docs" / "pages" / "images"

# The same browser, flags and loopback server as the browser tests.
sys.path.insert(0, str(ROOT))
from tests.browser import CHROMIUM, serve  # noqa: E402
from tests.browser import CHROMIUM_ARGS as _TEST_ARGS  # noqa: E402

CHROMIUM_ARGS = [*_TEST_ARGS, "--font-render-hinting=none"]

# Theme options beyond `name`: no web fonts or highlight.js from CDNs (the build must not need
# the internet, and screenshots must not depend on it).
THEMES: dict[str, dict[str, Any]] = {
    "mkdocs": {"highlightjs": False},
    "readthedocs": {"highlightjs": False},
    "material": {"font": False},
    "materialx": {"font": False},
}
# Themes that take Material's `features` list from the example's mkdocs.yml.
MATERIAL_LIKE = {"material", "materialx"}

# name -> (path under the site, CSS selector that must be on the page).
PAGES = {
    # The listing: intro text from blog/index.md, then the newest posts.
    "index": ("blog/", ".fmb-entry"),
    # Category "Engineering", tags C#, C++ and windows, `ads: false`.
    "post": ("blog/2024/windows-client-in-csharp/", ".fmb-post-header .fmb-tag"),
    # The C++ tag, at its pinned slug (slug_map).
    "tag": ("blog/tags/cpp/", ".fmb-entry"),
}

# Tried in order until the PNG is small enough.
VIEWPORTS = [(1280, 800), (1152, 720), (1024, 640)]
MAX_BYTES = 250_000

# Added to every page before the screenshot: nothing moves, nothing blinks.
STILL_CSS = """
*, *::before, *::after {
  transition: none !important;
  animation: none !important;
  caret-color: transparent !important;
  scroll-behavior: auto !important;
}
"""


def available_themes() -> list[str]:
    """The themes to photograph; a missing optional theme is skipped with a note.

    Looks at the themes MkDocs can load (its ``mkdocs.themes`` entry points), not at importable
    modules: ``import materialx`` also works with only mkdocs-material-extensions installed."""
    installed = set(get_theme_names())
    themes = []
    for name in THEMES:
        if name in installed:
            themes.append(name)
        elif name == "materialx":
            print("note: skipping materialx, not installed (pip install mkdocs-materialx)")
        else:
            sys.exit(f"error: the {name} theme is not installed in this environment")
    return themes


def build(theme: str, workdir: Path) -> Path:
    """Build a copy of the example site with ``theme``; returns its site folder."""
    project = workdir / "example-site"
    shutil.copytree(EXAMPLE, project, ignore=shutil.ignore_patterns("site", "__pycache__"))
    config_path = project / "mkdocs.yml"
    config = yaml.safe_load(config_path.read_text(encoding="utf-8"))
    old = config.get("theme", {})
    new: dict[str, Any] = {"name": theme, **THEMES[theme]}
    if "custom_dir" in old:
        new["custom_dir"] = old["custom_dir"]
    if theme in MATERIAL_LIKE and "features" in old:
        new["features"] = old["features"]
    config["theme"] = new
    config_path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    site = workdir / "site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet"]
    command += ["-f", str(config_path), "-d", str(site)]
    subprocess.run(command, check=True, cwd=project, env=env)
    return site


def shoot(browser: Any, url: str, selector: str, target: Path) -> tuple[int, int, int]:
    """Save a screenshot of ``url`` at ``target``; returns (width, height, bytes)."""
    for width, height in VIEWPORTS:
        context = browser.new_context(
            viewport={"width": width, "height": height},
            device_scale_factor=1,
            color_scheme="light",
            reduced_motion="reduce",
            locale="en-US",
            timezone_id="UTC",
        )
        problems: list[str] = []

        def route(route: Any, problems: list[str] = problems) -> None:
            if urlsplit(route.request.url).hostname == "127.0.0.1":
                route.continue_()
            else:
                problems.append(f"request to another host: {route.request.url}")
                route.abort()

        context.route("**/*", route)
        page = context.new_page()
        page.on(
            "console",
            lambda msg, problems=problems: (
                problems.append(f"console: {msg.text}") if msg.type == "error" else None
            ),
        )
        page.on("pageerror", lambda error, problems=problems: problems.append(f"error: {error}"))
        response = page.goto(url, wait_until="load")
        if response is None or response.status != 200:
            problems.append(f"HTTP {response.status if response else 'no response'}")
        page.wait_for_load_state("networkidle")
        page.add_style_tag(content=STILL_CSS)
        page.evaluate("document.fonts.ready.then(() => true)")
        if page.locator(selector).count() == 0:
            problems.append(f"no {selector!r} on the page")
        # The plugin's stylesheet applied: its tags are pills, not plain links.
        radius = page.evaluate(
            "() => { const tag = document.querySelector('.fmb-tag');"
            " return tag ? getComputedStyle(tag).borderTopLeftRadius : null; }"
        )
        if radius in (None, "0px"):
            problems.append("the plugin's stylesheet did not apply to .fmb-tag")
        page.evaluate("window.scrollTo(0, 0)")
        page.screenshot(path=str(target), full_page=False, animations="disabled", caret="hide")
        context.close()
        if problems:
            sys.exit(f"error: {url}:\n  " + "\n  ".join(problems))
        size = target.stat().st_size
        if size <= MAX_BYTES:
            return width, height, size
        print(f"  {target.name}: {size} bytes at {width}x{height}, trying a smaller viewport")
    sys.exit(f"error: {target} stays over {MAX_BYTES} bytes even at {width}x{height}")


def check_fonts() -> None:
    """Without a Japanese font the 日本語 tag would show as empty boxes."""
    if shutil.which("fc-list") is None:
        return
    listed = subprocess.run(["fc-list", ":lang=ja"], capture_output=True, text=True, check=False)
    if not listed.stdout.strip():
        sys.exit("error: no Japanese font installed (apt-get install fonts-noto-cjk)")


def main() -> None:
    if not Path(CHROMIUM).exists():
        sys.exit(f"error: {CHROMIUM} is missing (apt-get install chromium)")
    check_fonts()
    from playwright.sync_api import sync_playwright

    themes = available_themes()
    IMAGES.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            for theme in themes:
                with tempfile.TemporaryDirectory(prefix=f"fmb-shots-{theme}-") as tmp:
                    site = build(theme, Path(tmp))
                    with serve(site) as base:
                        for name, (path, selector) in PAGES.items():
                            target = IMAGES / f"{theme}-{name}.png"
                            width, height, size = shoot(browser, base + path, selector, target)
                            shown = target.relative_to(ROOT)
                            print(f"{shown}: {width}x{height}, {size / 1000:.0f} kB")
        finally:
            browser.close()


if __name__ == "__main__":
    main()
