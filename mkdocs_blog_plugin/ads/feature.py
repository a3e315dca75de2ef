"""``AdsFeature``: the ad-slot feature as the plugin's events see it."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from markdown import Markdown  # type: ignore[import-untyped, unused-ignore]
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from mkdocs_blog_plugin.ads.head import (
    head_html,
    insert_into_head,
    instant_navigation,
    is_material,
)
from mkdocs_blog_plugin.ads.treeprocessor import AdSlotExtension, SlotRequest
from mkdocs_blog_plugin.ads_config import AdsConfig
from mkdocs_blog_plugin.core.ads import PlacementRules
from mkdocs_blog_plugin.i18n import Labels

log = get_plugin_logger(__name__)
# The slot's label when ads.label is unset (plain text: the slot template escapes it).
_ADVERTISEMENT = "Advertisement"

SLOT_TEMPLATE = "ad-slot.html"
"""Template of one slot, as ``render`` names it (inside the ``frontmatter-blog/`` folder)."""
SLOT_TEMPLATE_PATH = f"frontmatter-blog/{SLOT_TEMPLATE}"
"""A file at this path in ``theme.custom_dir`` overrides the shipped slot template."""
STYLESHEET = "assets/frontmatter-blog/ads.css"
"""Shipped stylesheet, copied from ``templates/`` by the theme."""
_SHIPPED_STYLESHEET = os.path.join(
    os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "templates", *STYLESHEET.split("/")
)

SNIPPET_MARKER = "<!-- frontmatter-blog:ad-snippet -->"
"""Stands for ``ads.snippet`` in ``page.content``; ``on_post_page`` puts the snippet there, so
ad code never reaches the search index, feeds or anything else built from ``page.content``."""

Render = Callable[..., str]
"""``render("ad-slot.html", **context) -> str``: the template of that name in the
``frontmatter-blog/`` folder (``custom_dir`` first), rendered with autoescape on."""


@dataclass
class _Pending:
    file: File
    request: SlotRequest


def rendered_file(md: Markdown) -> File | None:
    """The MkDocs file whose page ``md`` is converting, if this is a MkDocs page render.

    ``Page.render`` registers a ``relpath`` treeprocessor that knows the file; any other
    conversion (an excerpt, a description) has none and so never gets slots.
    """
    if "relpath" not in md.treeprocessors:
        return None
    file = getattr(md.treeprocessors["relpath"], "file", None)
    return file if isinstance(file, File) else None


class AdsFeature:
    """Ad slots in posts: placement, slot markup, loader in ``<head>``, ``ads.txt``."""

    def __init__(
        self,
        ads_config: AdsConfig,
        *,
        serving: bool,
        render: Render,
        labels: Labels | None = None,
    ) -> None:
        self.ads = ads_config
        self.labels = labels if labels is not None else Labels()
        self.serving = serving
        self.render = render
        self.rules = PlacementRules.from_positions(
            ads_config.positions,
            after_paragraph=ads_config.after_paragraph,
            every=ads_config.every,
            max_slots=ads_config.max,
            min_words=ads_config.min_words,
            min_words_between=ads_config.min_words_between,
        )
        self.extension = AdSlotExtension(self._request_for)
        self._has_markup = ads_config.has_markup
        self._pending: _Pending | None = None
        self._requests: dict[str, SlotRequest] = {}
        self._warned_no_markup = False
        self._head: dict[bool, str] = {True: "", False: ""}
        self.instant = False
        """Material's (or MaterialX's) instant navigation is on: every page gets ``ads.head``
        and the boot script (see :mod:`mkdocs_blog_plugin.ads.head`)."""

    # -- events -------------------------------------------------------------------------------

    def on_config(self, config: MkDocsConfig) -> None:
        """Register the Markdown extension and stylesheet; check consent and ``site_url``."""
        self._requests.clear()
        self._pending = None
        self._warned_no_markup = False
        self.instant = instant_navigation(config)
        # What goes before </head> depends on the config alone: worked out once per build,
        # for pages with slots and (instant navigation) pages without.
        self._head = {
            slots: head_html(self.ads, instant=self.instant, slots=slots) for slots in (True, False)
        }
        custom_dir = config.theme.custom_dir
        if custom_dir and os.path.isfile(os.path.join(custom_dir, SLOT_TEMPLATE_PATH)):
            self._has_markup = True  # The user's own slot template is the markup.
        # MkDocs types the list as names, but it takes Extension instances too.
        extensions: list[object] = list(config.markdown_extensions)
        if not any(ext is self.extension for ext in extensions):
            config.markdown_extensions.append(self.extension)  # type: ignore[arg-type, unused-ignore]
        if self._has_markup and STYLESHEET not in config.extra_css:
            config.extra_css.append(STYLESHEET)
        if self.ads.consent:
            self._check_consent(config)
        if self.ads.ads_txt and config.site_url:
            path = urlsplit(config.site_url).path
            if path not in ("", "/"):
                log.warning(
                    "ads.ads_txt: site_url %r has the path %r, but ads.txt only counts at the "
                    "root of the domain: the ads.txt written to this site will not be found. "
                    "Publish it at the domain root instead.",
                    config.site_url,
                    path,
                )

    @property
    def has_markup(self) -> bool:
        """Posts can get slots: there is a snippet, AdSense or a slot template."""
        return self._has_markup

    def on_files(self, files: Files, *, keep_stylesheet: bool = False) -> None:
        """Leave the shipped stylesheet out of ``site_dir`` when no page can have a slot: the
        theme copies every file of the plugin's templates folder. ``keep_stylesheet``: another
        blog of the site has slots."""
        if self._has_markup or keep_stylesheet:
            return
        stylesheet = files.get_file_from_path(STYLESHEET)
        # The shipped one only: a file of the user's own at that path (docs_dir) stays.
        if stylesheet is not None and stylesheet.abs_src_path == _SHIPPED_STYLESHEET:
            files.remove(stylesheet)

    def begin_page(self, page: Page, *, wants_ads: bool) -> None:
        """Arm slot insertion for ``page``, rendered next, when it should get ads."""
        self._pending = None
        self._requests.pop(page.file.src_uri, None)
        if not wants_ads or (self.serving and not self.ads.on_serve):
            return
        if not self._has_markup:
            if not self._warned_no_markup:
                self._warned_no_markup = True
                # Info, not a warning: `ads: true` in a post is normal before ads are set up,
                # and must not fail a strict build of a site that has no ads yet.
                log.info(
                    "%s asks for ads, but neither ads.snippet nor ads.adsense is set in "
                    "mkdocs.yml (and there is no %s in theme.custom_dir): no post gets ad slots.",
                    page.file.src_uri,
                    SLOT_TEMPLATE_PATH,
                )
            return
        request = SlotRequest(rules=self.rules, render_slot=self._slot_renderer(page))
        self._pending = _Pending(page.file, request)

    def on_post_page(self, output: str, page: Page, *, head_without_slots: bool = True) -> str:
        """Fill in the snippet, and add the head HTML (hook, loader) on a page with slots.

        With Material's instant navigation, every page gets the hook and the boot script (but
        not the loader), since Material does not run the ``<head>`` of pages it swaps in.
        ``head_without_slots``: add it to a page with none of this blog's slots (in a site of
        several blogs, one of them does).
        """
        slots = self.slots_on(page)
        if slots and self.ads.snippet is not None:
            output = output.replace(SNIPPET_MARKER, self.ads.snippet)
        if not slots and not (head_without_slots and self.head_on_every_page()):
            return output
        head = self._head[bool(slots)]
        if not head:
            return output
        with_head = insert_into_head(output, head)
        if with_head is None:
            if slots:
                log.warning(
                    "%s has ad slots, but its HTML has no </head>: the ad loader was not added.",
                    page.file.src_uri,
                )
            return output
        return with_head

    def on_post_build(
        self, config: MkDocsConfig, features: Sequence[AdsFeature] | None = None
    ) -> None:
        """Write ``ads.txt`` at the site root, with the lines of every blog's ``ads_txt``
        (``features``: the ads of each blog of the site; this one's alone by default)."""
        lines: list[str] = []
        for feature in features if features is not None else [self]:
            lines += [line for line in feature.ads.ads_txt if line not in lines]
        if not lines:
            return
        own = Path(config.docs_dir, "ads.txt")
        if own.is_file():
            existing = own.read_text(encoding="utf-8").splitlines()
            lines = existing + [line for line in lines if line not in existing]
            log.warning(
                "ads.ads_txt: %s also exists; site/ads.txt has its lines followed by those of "
                "ads.ads_txt. Keep only one of the two.",
                own,
            )
        Path(config.site_dir).mkdir(parents=True, exist_ok=True)
        Path(config.site_dir, "ads.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")

    # -- queries ------------------------------------------------------------------------------

    def slots_on(self, page: Page) -> int:
        """Slots inserted into ``page`` in this build (0 before it is rendered)."""
        request = self._requests.get(page.file.src_uri)
        return request.placed if request is not None else 0

    def slot_html(self, page: Page) -> tuple[str, ...]:
        """The HTML of each slot inserted into ``page`` in this build, in order."""
        request = self._requests.get(page.file.src_uri)
        return request.html if request is not None else ()

    def pending_request(self, page: Page) -> SlotRequest | None:
        """The slot request armed for ``page`` (by ``begin_page``) that its conversion has not
        taken yet, if any."""
        pending = self._pending
        return pending.request if pending is not None and pending.file is page.file else None

    def claim(self, page: Page, request: SlotRequest) -> None:
        """What the conversion of ``page`` does with its request, for a conversion taken from
        an earlier build (``structure/render_cache.py``), whose ``placed`` and ``manual``
        were restored."""
        self._pending = None
        self._requests[page.file.src_uri] = request

    # -- internals ----------------------------------------------------------------------------

    def head_on_every_page(self) -> bool:
        # Any page may be where a reader starts before navigating instantly to a post.
        return self.instant and self._has_markup and (self.ads.on_serve or not self.serving)

    def _request_for(self, md: Markdown) -> SlotRequest | None:
        pending = self._pending
        if pending is None or rendered_file(md) is not pending.file:
            return None
        self._pending = None
        self._requests[pending.file.src_uri] = pending.request
        return pending.request

    def _slot_renderer(self, page: Page) -> Callable[[int], str]:
        adsense = self.ads.adsense
        context: dict[str, Any] = {
            "snippet": Markup(SNIPPET_MARKER) if self.ads.snippet is not None else None,
            "adsense": adsense if adsense.client is not None else None,
            # A slot template of the user's own gets the label as text, as it always has.
            "label": (
                self.ads.label if self.ads.label is not None else self.labels.text(_ADVERTISEMENT)
            ),
            "min_height": self.ads.min_height,
            "lazy": self.ads.lazy,
            "consent": self.ads.consent,
            "page": page,
        }

        def render_slot(number: int) -> str:
            return self.render(SLOT_TEMPLATE, number=number, **context)

        return render_slot

    def _check_consent(self, config: MkDocsConfig) -> None:
        consent = config.extra.get("consent")
        cookies = consent.get("cookies") if isinstance(consent, dict) else None
        if not is_material(config) or not isinstance(cookies, dict) or "ads" not in cookies:
            raise PluginError(
                "ads.consent: true waits for the reader to accept the 'ads' cookie of Material's "
                "cookie consent, so it needs theme 'material' (or 'materialx') and "
                "extra.consent.cookies.ads (e.g. 'ads: Advertising') in mkdocs.yml. With another "
                "theme or consent platform, set ads.consent: false and put your platform's script "
                "in ads.head."
            )
