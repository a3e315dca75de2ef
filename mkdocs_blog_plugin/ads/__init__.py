"""The MkDocs side of ad slots: what ``plugin.py`` calls, and when.

Integration contract
====================

``plugin.py`` creates one feature per build and forwards four events to it::

    from mkdocs_blog_plugin.ads import AdsFeature

    # on_config(self, config), after self.config (BlogConfig) is validated and after
    # `templates/` was appended to config.theme.dirs:
    self.ads = AdsFeature(
        self.config.ads,                # AdsConfig, already validated
        serving=self.serving,           # True under `mkdocs serve` (set in on_startup)
        render=self._render,            # render("ad-slot.html", **context) -> str, autoescaped
    )
    self.ads.on_config(config)          # returns None; mutates config in place

    # on_page_markdown(self, markdown, page, config, files), for EVERY page, before it renders:
    self.ads.begin_page(page, wants_ads=<bool>)
    #   wants_ads: a published post whose front matter `ads` (else ads.default) is true; False
    #   for drafts, index/tag/category/archive pages and pages outside the blog. The feature
    #   itself also refuses under `mkdocs serve` unless ads.on_serve.

    # on_post_page(self, output, page, config):
    output = self.ads.on_post_page(output, page)

    # on_post_build(self, config):
    self.ads.on_post_build(config)

What each call does
-------------------
``AdsFeature(ads_config, *, serving: bool, render: Callable[..., str])``
    ``render("ad-slot.html", **context)`` must return the template ``frontmatter-blog/ad-slot.html``
    rendered as ``str`` with autoescape on, looking in ``theme.custom_dir`` first (as
    ``Renderer.render`` does). Context passed: ``number``
    (1-based slot number in the post), ``snippet`` (``markupsafe.Markup`` or ``None``),
    ``adsense`` (the ``AdSenseConfig`` or ``None``), ``label``, ``min_height``, ``lazy``,
    ``consent``, ``page`` (and ``base_url``, which the renderer adds from the page). Each slot
    is rendered for its post (33 µs a slot: reusing them did not pay).
``on_config(config) -> None``
    Appends a Python-Markdown extension *instance* to ``config.markdown_extensions`` and, when ads
    can have markup, ``assets/frontmatter-blog/ads.css`` to ``config.extra_css`` (the file lives in
    ``templates/assets/frontmatter-blog/`` and is copied by the theme). Raises ``PluginError`` when
    ``ads.consent`` is on without Material's ``extra.consent.cookies.ads``. Warns when
    ``ads.ads_txt`` is set and ``site_url`` has a path.
``begin_page(page, *, wants_ads: bool) -> None``
    Arms slot insertion for the next Markdown conversion *of that page's file* (matched through
    MkDocs' ``relpath`` treeprocessor, so other conversions, e.g. excerpts, never get slots).
    Logs once (info) if a post wants ads but no ``snippet``/``adsense``/slot template exists.
``on_post_page(output: str, page) -> str``
    Adds ``ads.head`` and the loader just before ``</head>``, once, only if the page got a slot.
    With Material's ``navigation.instant`` (in ``theme.features``), every page also gets
    ``ads.head`` and the boot script, which handles the slots of each page Material swaps in
    (through ``document$``); the loader itself is still fetched only when a page has slots.
``on_post_build(config) -> None``
    Writes ``site_dir/ads.txt`` from ``ads.ads_txt`` (after the lines of a ``docs/ads.txt``).
``slots_on(page) -> int``
    Slots inserted into ``page`` in this build (for tests or a listing badge).

How it works: a treeprocessor (priority 14, after inline processing) maps the top-level
elements of the rendered post to :class:`mkdocs_blog_plugin.core.ads.Block` s, asks
:func:`mkdocs_blog_plugin.core.ads.place_slots` for the gaps, and stores each slot's HTML in
``md.htmlStash``, so Python-Markdown pastes it in and nothing is parsed twice. The post header
is added after conversion, so it is never counted as a block.
"""

from __future__ import annotations

from mkdocs_blog_plugin.ads.feature import (
    SLOT_TEMPLATE,
    SLOT_TEMPLATE_PATH,
    STYLESHEET,
    AdsFeature,
    Render,
)
from mkdocs_blog_plugin.ads.treeprocessor import AdSlotExtension, SlotRequest

__all__ = [
    "SLOT_TEMPLATE",
    "SLOT_TEMPLATE_PATH",
    "STYLESHEET",
    "AdSlotExtension",
    "AdsFeature",
    "Render",
    "SlotRequest",
]
