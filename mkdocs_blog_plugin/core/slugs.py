"""Slugs for tags and categories: deterministic, Unicode-preserving, always a safe path segment."""

from __future__ import annotations

import hashlib
import re
import unicodedata

# Symbols that carry meaning in names ("C++", "C#", "R&D") are spelled out, so that
# "C++", "C#" and "C" get three different pages.
_SPELLED_OUT = {
    "+": " plus ",
    "#": " sharp ",
    "&": " and ",
    "@": " at ",
    "%": " percent ",
    "*": " star ",
}
_SPELL_RE = re.compile("|".join(re.escape(symbol) for symbol in _SPELLED_OUT))
_LEADING_DOT_RE = re.compile(r"(?:(?<=\s)|^)\.(?=\w)")  # ".NET" -> "dot NET"
_SEPARATORS_RE = re.compile(r"-{2,}")
# A file name may hold 255 bytes; the slug stays well below, with room for a suffix.
MAX_SLUG_BYTES = 120


def _is_word_char(char: str) -> bool:
    # Letters, digits and combining marks (so that Devanagari or Thai words stay whole).
    return unicodedata.category(char)[0] in "LNM"


def slugify(name: str) -> str:
    """Return the slug of a tag or category name.

    The slug keeps non-ASCII letters (``café`` stays ``café``), lowercases, spells out
    meaningful symbols and turns every other run of characters into one ``-``. It is never
    empty and never contains ``/``, ``\\`` or ``.``, so it cannot leave its folder.
    """
    text = unicodedata.normalize("NFKC", name).casefold()
    text = _LEADING_DOT_RE.sub("dot ", text)
    text = _SPELL_RE.sub(lambda match: _SPELLED_OUT[match.group(0)], text)
    slug = "".join(char if _is_word_char(char) else "-" for char in text)
    slug = _SEPARATORS_RE.sub("-", slug).strip("-")
    if not slug:
        # Names made only of punctuation or emoji still need a stable, distinct page; the
        # digest is of the name's identity, so spellings of one term share it.
        return "n-" + _digest(name_key(name))
    if len(slug.encode("utf-8")) > MAX_SLUG_BYTES:
        slug = _truncate_utf8(slug, MAX_SLUG_BYTES - 9).rstrip("-") + "-" + _digest(name_key(name))
    return slug


def _digest(name: str) -> str:
    return hashlib.sha1(name.encode("utf-8")).hexdigest()[:8]


def _truncate_utf8(text: str, max_bytes: int) -> str:
    return text.encode("utf-8")[:max_bytes].decode("utf-8", errors="ignore")


def is_valid_slug(slug: str) -> bool:
    """Whether ``slug`` is safe as one path segment (used to check slugs pinned in config)."""
    return (
        bool(slug)
        and slug == slug.strip()
        and not slug.startswith(".")
        and ".." not in slug
        and not any(char in slug for char in "/\\?#%")
        and not any(char.isspace() or unicodedata.category(char)[0] == "C" for char in slug)
        and len(slug.encode("utf-8")) <= 200
    )


def name_key(name: str) -> str:
    """Identity of a tag or category name: names that differ only by case or spacing are one."""
    return " ".join(unicodedata.normalize("NFKC", name).casefold().split())
