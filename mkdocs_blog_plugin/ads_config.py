"""Typed configuration of the ``ads`` option of ``frontmatter-blog``.

Everything here is checked while MkDocs loads ``mkdocs.yml``: a bad value stops the build with
MkDocs' normal error, which names the option (``ads.every``, ``ads.adsense.client`` …).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.base import ValidationError

from mkdocs_blog_plugin.core.html import VOID_ELEMENTS as _VOID_ELEMENTS
from mkdocs_blog_plugin.options import CountOption

_CLIENT_ID = re.compile(r"ca-pub-\d{16}")

# A CSS <length>: it goes into a `style` attribute, so nothing else may get through.
_CSS_LENGTH = re.compile(
    r"0|(?:\d+(?:\.\d+)?|\.\d+)"
    r"(?:px|em|rem|ex|ch|lh|rlh|vh|vw|vmin|vmax|svh|lvh|dvh|svw|lvw|dvw|cm|mm|q|in|pt|pc)",
    re.IGNORECASE,
)

# ads.txt (IAB Tech Lab 1.1): variables such as `contact=…` and records
# `<domain>, <publisher id>, DIRECT|RESELLER[, <certification authority id>]`.
_ADS_TXT_VARIABLE = re.compile(
    r"(?:contact|subdomain|inventorypartnerdomain|ownerdomain|managerdomain)=\S.*",
    re.IGNORECASE,
)


class _WellFormedChecker(HTMLParser):
    """Finds the first reason an HTML fragment is not well formed, or none."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open_tags: list[str] = []
        self.problem: str | None = None

    def _fail(self, problem: str) -> None:
        if self.problem is None:
            self.problem = problem

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in _VOID_ELEMENTS:
            self.open_tags.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in _VOID_ELEMENTS:
            # Browsers read `<ins/>` as an opening tag, so everything after it ends up inside.
            self._fail(f"<{tag}/> is not closed in HTML: write <{tag}></{tag}>")

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID_ELEMENTS:
            self._fail(f"</{tag}> closes a void element, which has no end tag")
        elif not self.open_tags:
            self._fail(f"</{tag}> closes nothing")
        elif self.open_tags[-1] != tag:
            self._fail(f"</{tag}> found where </{self.open_tags[-1]}> was expected")
        else:
            self.open_tags.pop()


def html_problem(html: str) -> str | None:
    """Why ``html`` is not a well-formed fragment (every tag closed, in order), or ``None``."""
    checker = _WellFormedChecker()
    checker.feed(html)
    # A tag cut off before its `>` stays in the parser's buffer instead of being reported.
    leftover = checker.rawdata[checker.rawdata.find("<") :] if "<" in checker.rawdata else ""
    checker.close()
    if checker.problem is not None:
        return checker.problem
    if leftover.strip():
        return f"unfinished markup {leftover.strip()[:40]!r}"
    if checker.open_tags:
        return f"<{checker.open_tags[-1]}> is never closed"
    return None


def ads_txt_problem(line: str) -> str | None:
    """Why ``line`` is not a line of an ads.txt file, or ``None``."""
    if "\n" in line or "\r" in line:
        return "one list item per line: it contains a line break"
    content = line.split("#", 1)[0].strip()
    if not content or _ADS_TXT_VARIABLE.fullmatch(content):
        return None
    fields = [field.strip() for field in content.split(",")]
    if len(fields) not in (3, 4) or not all(fields):
        return (
            "expected '<domain>, <publisher id>, DIRECT|RESELLER[, <certification id>]', "
            "e.g. 'google.com, pub-1234567890123456, DIRECT, f08c47fec0942fa0'"
        )
    if fields[2].upper() not in ("DIRECT", "RESELLER"):
        return f"the third field is {fields[2]!r}: it must be DIRECT or RESELLER"
    return None


class _HtmlOption(c.Type[str]):
    """HTML from ``mkdocs.yml``; rejected unless well formed, so it cannot swallow the page."""

    def __init__(self) -> None:
        super().__init__(str)

    def run_validation(self, value: object) -> str:
        html = super().run_validation(value)
        if not html.strip():
            raise ValidationError("is empty: leave the option out instead")
        problem = html_problem(html)
        if problem is not None:
            raise ValidationError(f"is not well-formed HTML: {problem}")
        return html


class _CssLengthOption(c.Type[str]):
    """A CSS length such as ``280px`` or ``15rem``."""

    def __init__(self, default: str) -> None:
        super().__init__(str, default=default)

    def run_validation(self, value: object) -> str:
        length = super().run_validation(value).strip()
        if not _CSS_LENGTH.fullmatch(length):
            raise ValidationError(
                f"{length!r} is not a CSS length: write a number and a unit, such as '280px'"
            )
        return length


class _AdsTxtLineOption(c.Type[str]):
    """One line of ``ads.txt``."""

    def __init__(self) -> None:
        super().__init__(str)

    def run_validation(self, value: object) -> str:
        line = super().run_validation(value)
        problem = ads_txt_problem(line)
        if problem is not None:
            raise ValidationError(f"{line!r} is not an ads.txt line: {problem}")
        return line.strip()


class AdSenseConfig(base.Config):
    """Google AdSense in-article unit, used instead of a raw ``snippet``."""

    client = c.Optional(c.Type(str))
    """Publisher id, ``ca-pub-`` followed by 16 digits. Setting it turns the preset on."""
    slot = c.Optional(c.Type(str))
    """Ad unit id (digits) from the AdSense dashboard. Not needed when ``ads.snippet`` is set."""
    layout = c.Type(str, default="in-article")
    """``data-ad-layout`` of the unit."""
    format = c.Type(str, default="fluid")
    """``data-ad-format`` of the unit."""

    def validate(self) -> tuple[base.ConfigErrors, base.ConfigWarnings]:
        failed, warnings = super().validate()
        if failed:
            return failed, warnings
        client, slot = self.client, self.slot
        if client is not None and not _CLIENT_ID.fullmatch(client):
            failed.append(
                ("client", ValidationError(f"{client!r} is not 'ca-pub-' followed by 16 digits"))
            )
        if slot is not None and not (slot.isascii() and slot.isdigit()):
            failed.append(("slot", ValidationError(f"{slot!r} is not an ad unit id (digits)")))
        if client is None and slot is not None:
            failed.append(("client", ValidationError("is required when 'slot' is set")))
        return failed, warnings


class AdsConfig(base.Config):
    """In-article ad slots for posts whose front matter says ``ads: true``."""

    default = c.Type(bool, default=False)
    """Whether a post without an ``ads`` key gets ads. ``ads: false`` always wins."""
    snippet = c.Optional(_HtmlOption())
    """HTML placed inside every slot (any ad network). Comes only from ``mkdocs.yml``.
    Must be well-formed HTML (every tag closed)."""
    adsense = c.SubConfig(AdSenseConfig)
    """AdSense preset: ``{client: ca-pub-…, slot: "…"}``; adds the loader script.
    With ``snippet`` set too, the snippet is the slot markup and the preset adds only the loader."""
    label = c.Optional(c.Type(str))
    """Visible label above each slot; empty string for none. Also the slot's ``aria-label``.
    Unset: "Advertisement" in the site's language."""
    after_paragraph = CountOption(default=3, minimum=1)
    """The first slot goes after this top-level paragraph (or after the last paragraph of a
    shorter post)."""
    every = CountOption(default=6, minimum=1)
    """Then one slot every this many paragraphs."""
    max = CountOption(default=3, minimum=1)
    """At most this many slots in one post, counting ``before_content`` and ``after_content``."""
    min_words = CountOption(default=0, minimum=0)
    """Posts shorter than this many words get no ads (not even at a manual ``<!-- ad -->``)."""
    min_words_between = CountOption(default=0, minimum=0)
    """At least this many words of text between two automatic slots; a slot that would come
    sooner moves down to the next paragraph that satisfies it."""
    positions = c.ListOfItems(
        c.Choice(("before_content", "in_content", "after_content")), default=["in_content"]
    )
    """Where slots go: ``before_content``, ``in_content`` (between paragraphs) and/or
    ``after_content``."""
    min_height = _CssLengthOption(default="280px")
    """Space each slot reserves before the ad loads, so the page does not shift. A CSS length."""
    lazy = c.Type(bool, default=False)
    """AdSense only: push each slot when it nears the viewport."""
    consent = c.Type(bool, default=False)
    """Load no ad script until the reader accepted Material's ``ads`` cookie
    (``extra.consent.cookies.ads``); needs the ``material`` theme."""
    head = c.Optional(_HtmlOption())
    """HTML inserted in ``<head>`` before the loader, e.g. a consent platform. Well-formed HTML."""
    on_serve = c.Type(bool, default=False)
    """Show ads under ``mkdocs serve`` too."""
    ads_txt = c.ListOfItems(_AdsTxtLineOption(), default=[])
    """Lines of ``site/ads.txt``; empty writes no file."""

    def validate(self) -> tuple[base.ConfigErrors, base.ConfigWarnings]:
        failed, warnings = super().validate()
        if failed:
            return failed, warnings
        if self.adsense.client is not None and self.adsense.slot is None and self.snippet is None:
            failed.append(
                (
                    "adsense",
                    ValidationError(
                        "'slot' is required (the ad unit id), unless 'snippet' gives the markup"
                    ),
                )
            )
        if not self.positions:
            failed.append(
                ("positions", ValidationError("is empty: set 'max' or leave 'ads' out instead"))
            )
        if self.adsense.client is not None and self.ads_txt:
            publisher = self.adsense.client.removeprefix("ca-")
            if not any(publisher in line for line in self.ads_txt):
                warnings.append(
                    (
                        "ads_txt",
                        f"has no line for {publisher}, the publisher id of 'adsense.client': "
                        f"AdSense expects 'google.com, {publisher}, DIRECT, f08c47fec0942fa0'",
                    )
                )
        return failed, warnings

    @property
    def has_markup(self) -> bool:
        """Whether ``mkdocs.yml`` says what goes into a slot (a snippet or the AdSense preset)."""
        return self.snippet is not None or self.adsense.client is not None
