"""Redirect pages at a post's old addresses (``aliases:`` in front matter, ``keep_file_urls``).

Each is a small HTML file with a meta refresh and a canonical link to the post, and a plain
link for readers whose browser does not follow it: no theme, no nav, no sitemap entry.
"""

from __future__ import annotations

import html
import posixpath
from urllib.parse import quote, urlsplit

from mkdocs.utils import get_relative_url

from mkdocs_blog_plugin.core.post import Post


def aliases(post: Post) -> list[tuple[str, str]]:
    """The post's ``aliases`` (Hugo's key; Jekyll's jekyll-redirect-from says
    ``redirect_from``): one path or a list of them, each with the key it came from."""
    found: list[tuple[str, str]] = []
    for key in ("aliases", "redirect_from"):
        value = post.meta.get(key)
        items = value if isinstance(value, list) else [value] if value is not None else []
        found += [(key, str(item).strip()) for item in items if str(item).strip()]
    return found


def alias_dest(alias: str, use_directory_urls: bool) -> str | None:
    """The file a redirect at ``alias`` is written to (``old/path/index.html``), or ``None``
    when the alias is not a path in the site: a scheme, ``..``, a query or a fragment."""
    parts = urlsplit(alias)
    if parts.scheme or parts.netloc or parts.query or parts.fragment or "\\" in alias:
        return None
    path = parts.path.strip("/")
    segments = path.split("/")
    if not path or any(segment in ("", ".", "..") for segment in segments):
        return None
    if any(ord(char) < 32 for char in path):
        return None
    if path.endswith((".html", ".htm")):
        return path
    return posixpath.join(path, "index.html") if use_directory_urls else path + ".html"


def redirect_html(dest: str, target_url: str, site_url: str | None) -> str:
    """A page at ``dest`` (a site path) sending readers to the page at ``target_url``."""
    folder = posixpath.dirname(dest)
    relative = get_relative_url(target_url, folder + "/" if folder else ".")
    canonical = (site_url.rstrip("/") + "/" + target_url.lstrip("/")) if site_url else relative
    href = html.escape(quote(relative, safe="/#%?=&:.-_~"), quote=True)
    canonical_href = html.escape(canonical, quote=True)
    return (
        "<!doctype html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        "<title>Redirecting</title>\n"
        f'<link rel="canonical" href="{canonical_href}">\n'
        '<meta name="robots" content="noindex">\n'
        f'<meta http-equiv="refresh" content="0; url={href}">\n'
        "</head>\n<body>\n"
        f'<p>This post has moved to <a href="{href}">{href}</a>.</p>\n'
        "</body>\n</html>\n"
    )
