"""Tags and categories: posts grouped by name, with display names and unique slugs."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from mkdocs_blog_plugin.core.post import Post
from mkdocs_blog_plugin.core.slugs import is_valid_slug, name_key, slugify
from mkdocs_blog_plugin.core.slugs import slugify as default_slugify


@dataclass
class Term:
    """One tag or one category."""

    key: str
    """Identity: the name casefolded with spacing collapsed (``Work`` and ``work`` are one)."""
    name: str
    """Display name: the spelling most posts use."""
    slug: str
    posts: list[Post] = field(default_factory=list)
    """Newest first, in the order the posts were given."""


@dataclass
class Taxonomy:
    """All terms of one kind, sorted by name."""

    terms: list[Term]
    by_key: dict[str, Term]

    def term_of(self, name: str) -> Term:
        return self.by_key[name_key(name)]


def build_taxonomy(
    posts: Sequence[Post],
    names_of: Callable[[Post], Iterable[str]],
    *,
    kind: str,
    slug_map: Mapping[str, str],
    slugify: Callable[[str], str] = slugify,
) -> tuple[Taxonomy, list[str]]:
    """Group ``posts`` (already sorted) by the names ``names_of`` gives.

    Returns the taxonomy and warnings for names whose slugs collided.
    """
    spellings: dict[str, Counter[str]] = {}
    members: dict[str, list[Post]] = {}
    for post in posts:
        for name in names_of(post):
            key = name_key(name)
            spellings.setdefault(key, Counter())[name] += 1
            members.setdefault(key, []).append(post)

    pinned = {name_key(name): slug for name, slug in slug_map.items()}
    terms = [
        Term(
            key=key,
            # Most common spelling; ties go to the first in code-point order, for stable output.
            name=min(counts.items(), key=lambda item: (-item[1], item[0]))[0],
            slug="",
            posts=members[key],
        )
        for key, counts in spellings.items()
    ]
    warnings = _assign_slugs(terms, pinned, kind, slugify)
    terms.sort(key=lambda term: (term.name.casefold(), term.name))
    return Taxonomy(terms=terms, by_key={term.key: term for term in terms}), warnings


def _assign_slugs(
    terms: list[Term], pinned: Mapping[str, str], kind: str, slugify: Callable[[str], str]
) -> list[str]:
    """Give every term a distinct slug; pinned slugs first, then the term with most posts."""
    warnings: list[str] = []
    taken: dict[str, Term] = {}  # casefolded slug -> owner; some file systems ignore case
    order = sorted(terms, key=lambda term: (term.key not in pinned, -len(term.posts), term.key))
    for term in order:
        wanted = pinned.get(term.key) or safe_slug(slugify(term.name), term.name)
        slug, number = wanted, 1
        while slug.casefold() in taken:
            number += 1
            slug = f"{wanted}-{number}"
        if number > 1:
            owner = taken[wanted.casefold()]
            warnings.append(
                f"{kind} {term.name!r} and {kind} {owner.name!r} both make the slug {wanted!r}; "
                f"{term.name!r} gets {slug!r}. Pin one with the 'slug_map' option to choose."
            )
        term.slug = slug
        taken[slug.casefold()] = term
    return warnings


def paginate(items: Sequence[Post], per_page: int) -> list[Sequence[Post]]:
    """Split ``items`` into pages of ``per_page``; an empty listing still has one page."""
    return [items[start : start + per_page] for start in range(0, len(items), per_page)] or [[]]


def safe_slug(slug: str, name: str) -> str:
    """A slug a custom or Material-style function made, when it is one path segment; else
    the plugin's own (Material's makes ``""`` of a name of punctuation only)."""
    return slug if is_valid_slug(slug) else default_slugify(name)
