"""Typed configuration of the ``ads`` option of ``frontmatter-blog``."""

from __future__ import annotations

import re

from mkdocs.config import base
from mkdocs.config import config_options as c

_CLIENT_ID = re.compile(r"ca-pub-\d{16}")


class AdSenseConfig(base.Config):
    """Google AdSense in-article unit, used instead of a raw ``snippet``."""

    client = c.Type(str)
    """Publisher id, ``ca-pub-`` followed by 16 digits."""
    slot = c.Type(str)
    """Ad unit id (digits) from the AdSense dashboard."""
    layout = c.Type(str, default="in-article")
    """``data-ad-layout`` of the unit."""
    format = c.Type(str, default="fluid")
    """``data-ad-format`` of the unit."""

    def validate(self) -> tuple[list[tuple[str, Exception]], list[tuple[str, Warning]]]:
        failed, warnings = super().validate()
        client = self.get("client")
        if not failed and client is not None and not _CLIENT_ID.fullmatch(client):
            failed.append(
                ("client", c.ValidationError(f"{client!r} is not 'ca-pub-' followed by 16 digits"))
            )
        slot = self.get("slot")
        if not failed and slot is not None and not slot.isdigit():
            failed.append(("slot", c.ValidationError(f"{slot!r} is not an ad unit id (digits)")))
        return failed, warnings


class AdsConfig(base.Config):
    """In-article ad slots for posts whose front matter says ``ads: true``."""

    default = c.Type(bool, default=False)
    """Whether a post without an ``ads`` key gets ads. ``ads: false`` always wins."""
    snippet = c.Optional(c.Type(str))
    """HTML placed inside every slot (any ad network). Comes only from ``mkdocs.yml``."""
    adsense = c.Optional(c.SubConfig(AdSenseConfig))
    """AdSense preset: ``{client: ca-pub-…, slot: "…"}``; adds the loader script."""
    label = c.Type(str, default="Advertisement")
    """Visible label above each slot; empty string for none."""
    after_paragraph = c.Type(int, default=3)
    """The first slot goes after this top-level paragraph."""
    every = c.Type(int, default=6)
    """Then one slot every this many paragraphs."""
    max = c.Type(int, default=3)
    """At most this many slots in one post."""
    min_words = c.Type(int, default=0)
    """Posts shorter than this many words get no ads."""
    min_words_between = c.Type(int, default=0)
    """At least this many words of text between two slots."""
    positions = c.ListOfItems(
        c.Choice(("before_content", "in_content", "after_content")), default=["in_content"]
    )
    """Where slots go: ``before_content``, ``in_content`` (between paragraphs), ``after_content``."""
    min_height = c.Type(str, default="280px")
    """Space each slot reserves before the ad loads, so the page does not shift."""
    lazy = c.Type(bool, default=False)
    """AdSense only: push each slot when it nears the viewport."""
    consent = c.Type(bool, default=False)
    """Load no ad script until the reader accepted Material's ``ads`` cookie."""
    head = c.Optional(c.Type(str))
    """HTML inserted in ``<head>`` before the loader, e.g. a consent platform."""
    on_serve = c.Type(bool, default=False)
    """Show ads under ``mkdocs serve`` too."""
    ads_txt = c.ListOfItems(c.Type(str), default=[])
    """Lines of ``site/ads.txt``; empty writes no file."""
