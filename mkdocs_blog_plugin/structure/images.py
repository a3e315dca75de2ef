"""A post's hero image, found among MkDocs' files as MkDocs resolves an image link.

``heroImage: cover.png`` and ``./cover.png`` are relative to the post's folder, as a Markdown
image in the post would be; ``/images/cover.png`` is relative to ``docs_dir``; an http(s) URL
is kept as it is. A local image that is not in ``docs_dir`` (Astro's ``../../assets/x.jpg``
points into ``src/``, which is not copied) warns, naming the post and the path, and nothing
broken is shown. The width and height of a local image are read from its file, so the page
does not shift when it loads.
"""

from __future__ import annotations

import contextlib
import posixpath
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

import imagesize
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files, InclusionLevel

from mkdocs_blog_plugin.core.post import Post

log = get_plugin_logger(__name__)


@dataclass(frozen=True)
class HeroImage:
    """Where a post's image is, and what a page needs to show it."""

    url: str
    """An absolute http(s) URL, or the image's URL relative to the site root."""
    absolute: bool
    alt: str
    width: int | None = None
    height: int | None = None


def local_target(post: Post) -> str | None:
    """The ``src_uri`` a post's local hero image points to (``../`` when outside
    ``docs_dir``), or ``None`` for no image or an http(s) one."""
    image = post.image
    if image is None:
        return None
    parts = urlsplit(image.src)
    if parts.scheme:
        return None
    path = unquote(parts.path)
    if path.startswith("/"):
        return posixpath.normpath(path.lstrip("/"))
    return posixpath.normpath(posixpath.join(posixpath.dirname(post.path), path))


def resolve_image(post: Post, files: Files) -> HeroImage | None:
    """The post's hero image, or ``None`` (with a warning when it cannot be found)."""
    image = post.image
    if image is None:
        return None
    alt = image.alt or post.title
    parts = urlsplit(image.src)
    if parts.scheme:  # http(s): checked when the front matter was read
        return HeroImage(url=image.src, absolute=True, alt=alt)
    target = local_target(post)
    assert target is not None
    file = files.get_file_from_path(target) if not target.startswith("../") else None
    if file is not None and file.inclusion is InclusionLevel.EXCLUDED:
        log.warning(
            f"{post.path}: image {image.src!r} is not published (it belongs to a draft, or is "
            "excluded from the site); no image is shown."
        )
        return None
    if file is None or file.is_documentation_page():
        where = "outside docs_dir" if target.startswith("..") else "not found in docs_dir"
        log.warning(
            f"{post.path}: image {image.src!r} is {where} (as {target!r}); no image is shown. "
            "Put the image in docs_dir, with a path relative to the post or to docs_dir."
        )
        return None
    width = height = None
    if file.abs_src_path is not None:
        with contextlib.suppress(OSError, ValueError):  # not an image it knows: no size
            width, height = imagesize.get(file.abs_src_path)
    known = width is not None and height is not None and width > 0 and height > 0
    return HeroImage(
        url=file.url
        + (f"?{parts.query}" if parts.query else "")
        + (f"#{parts.fragment}" if parts.fragment else ""),
        absolute=False,
        alt=alt,
        width=width if known else None,
        height=height if known else None,
    )
