"""Absolute links for HTML that leaves its page: a feed reader has no base URL to resolve a
post's relative links against."""

from __future__ import annotations

import html as html_module
from urllib.parse import urljoin

from mkdocs_blog_plugin.core.html import HTML_SPACE, SCHEME, rewrite_urls

_URL_ATTRIBUTES = frozenset({"href", "src", "poster"})


def absolute_links(html: str, base_url: str) -> str:
    """``html``, rendered for the page at the absolute URL ``base_url``, with its relative
    links resolved against that URL (:func:`urllib.parse.urljoin`).

    Resolved: the URLs in ``href``, ``src``, ``srcset`` (each candidate) and ``poster``
    attributes of start tags: ``../x``, ``/x``, ``//host/x``, ``?q``, and ``#frag``, which
    becomes ``base_url#frag``. Left alone: URLs with a scheme (``https:``, ``mailto:``,
    ``data:``..., also when written with character references, as Python-Markdown hides an
    e-mail address), an empty value, and everything outside start tags, in comments and inside
    ``script``, ``style`` and ``textarea``. Tags and attributes are found as
    :func:`~mkdocs_blog_plugin.core.html.rewrite_urls` finds them, for excerpts too.
    """
    return rewrite_urls(html, lambda value: _url(value, base_url), _URL_ATTRIBUTES)


def _url(value: str, base_url: str) -> str:
    link = value.strip(HTML_SPACE)
    if not link or SCHEME.match(html_module.unescape(link)):
        return value
    start = value.find(link)
    return value[:start] + urljoin(base_url, link) + value[start + len(link) :]
