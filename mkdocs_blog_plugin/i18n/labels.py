"""Labels ("Older posts", "5 min read") in the site's language.

The catalogues are gettext ``.po`` files under ``locales/<language>/LC_MESSAGES/``, one per
shipped language, made from ``locales/frontmatter-blog.pot`` (``make messages`` extracts it from
the templates and this package). Babel reads them, plural forms included. A site may override
any label (``labels:`` in ``mkdocs.yml``); a label's placeholders (``{name}``, ``{count}``) are
filled with escaped values, and the label's own text is escaped too: a translation is text, not
HTML. Free of MkDocs, like ``core``.
"""

from __future__ import annotations

import functools
import io
import os
import re
import string
from collections.abc import Iterable, Mapping
from typing import Any

from babel import Locale, UnknownLocaleError
from babel.lists import format_list
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations
from markupsafe import Markup, escape

DOMAIN = "frontmatter-blog"
LOCALES_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "locales")
PLURAL_CATEGORIES = ("zero", "one", "two", "few", "many", "other")

Override = str | Mapping[str, str]
"""A label from ``mkdocs.yml``: one text, or one per CLDR plural category (``one``, ``other``)."""


class LabelError(ValueError):
    """A label override that cannot be used; the message names the label and the value."""


def shipped_languages() -> list[str]:
    """The languages with a catalogue (``fr``, ``pt_BR``, ``zh_Hant``), sorted."""
    return sorted(
        name
        for name in os.listdir(LOCALES_DIR)
        if os.path.isfile(os.path.join(LOCALES_DIR, name, "LC_MESSAGES", f"{DOMAIN}.po"))
    )


def _parse(tag: str) -> Locale | None:
    try:
        return Locale.parse(tag.replace("-", "_"))
    except (ValueError, TypeError, UnknownLocaleError):
        return None


def catalogue_for(tag: str) -> str | None:
    """The shipped catalogue for a language tag (``pt-BR``, ``zh_TW``, ``fr_CA``), or ``None``.

    The most specific one that matches: ``pt_BR`` for ``pt-BR``, ``pt`` for ``pt-PT``,
    ``zh_Hant`` for ``zh-TW`` (Babel knows Taiwan writes Traditional), ``zh_Hans`` for ``zh``.
    """
    shipped = set(shipped_languages())
    locale = _parse(tag)
    if locale is None:
        return None
    language, script, territory = locale.language, locale.script, locale.territory
    if language == "zh" and script is None:
        script = "Hans"
    candidates = [
        f"{language}_{script}_{territory}" if script and territory else None,
        f"{language}_{territory}" if territory else None,
        f"{language}_{script}" if script else None,
        language,
    ]
    return next((name for name in candidates if name is not None and name in shipped), None)


@functools.lru_cache(maxsize=32)
def _translations(name: str) -> Translations:
    """A shipped catalogue, compiled in memory: one ``.po`` file is the only source."""
    path = os.path.join(LOCALES_DIR, name, "LC_MESSAGES", f"{DOMAIN}.po")
    with open(path, "rb") as source:
        catalog = read_po(source, locale=name, domain=DOMAIN)
    compiled = io.BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    return Translations(compiled, domain=DOMAIN)


@functools.lru_cache(maxsize=1)
def known_labels() -> dict[str, str | None]:
    """Every label, by its English text, with its plural (``None`` for a label without a
    count): the template catalogue ``locales/frontmatter-blog.pot``."""
    with open(os.path.join(LOCALES_DIR, f"{DOMAIN}.pot"), "rb") as source:
        catalog = read_po(source, domain=DOMAIN)
    labels: dict[str, str | None] = {}
    for message in catalog:
        if not message.id:
            continue  # the header
        if isinstance(message.id, str):
            labels[message.id] = None
        else:  # (singular, plural)
            labels[message.id[0]] = message.id[1]
    return labels


def placeholders(text: str) -> set[str]:
    """The ``{name}`` placeholders of a label."""
    return {field for _, field, _, _ in string.Formatter().parse(text) if field}


_FIELD = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")


def _fill(text: str, values: Mapping[str, Any]) -> Markup:
    """``text`` (escaped) with its placeholders filled in (each escaped, unless it is
    :class:`Markup` already). A placeholder without a value stays as it is written."""

    def value(match: re.Match[str]) -> str:
        name = match.group(1)
        return str(escape(values[name])) if name in values else match.group(0)

    return Markup(_FIELD.sub(value, str(escape(text))))


class Labels:
    """The labels of one language, with the site's overrides; callable from templates as
    ``_("Older posts")``, ``gettext(...)`` and ``ngettext(singular, plural, n)``."""

    def __init__(self, tag: str = "en", overrides: Mapping[str, Override] | None = None) -> None:
        self.tag = tag
        self.catalogue = catalogue_for(tag)
        """The shipped catalogue in use, or ``None``: the labels' own English text."""
        self.locale = _parse(tag) or Locale("en")
        self._translations = _translations(self.catalogue) if self.catalogue else None
        self.overrides = dict(overrides or {})
        self.direction = "rtl" if self.locale.text_direction == "rtl" else "ltr"
        """``rtl`` for Arabic, Hebrew...: the blog's blocks then say ``dir="rtl"``."""

    def cache_fingerprint(self) -> tuple[str, str]:
        """What the labels depend on (the serve page cache compares pages by value)."""
        return (self.tag, repr(sorted(self.overrides.items())))

    def or_label(self, chosen: str | None, message: str) -> str:
        """A title from ``mkdocs.yml`` (``blog_title``...), else the label ``message``."""
        return chosen if chosen is not None else self.text(message)

    def text(self, message: str) -> str:
        """The label as plain text, placeholders unfilled (for titles made outside templates)."""
        override = self.overrides.get(message)
        if isinstance(override, str):
            return override
        if isinstance(override, Mapping):
            return override.get("other") or next(iter(override.values()))
        if self._translations is None:
            return message
        return self._translations.gettext(message)

    def gettext(self, message: str, /, **values: Any) -> Markup:
        """The label, escaped, its placeholders filled with escaped ``values``."""
        return _fill(self.text(message), values)

    __call__ = gettext

    def ngettext(self, singular: str, plural: str, count: int, /, **values: Any) -> Markup:
        """The label for ``count`` of something, in the language's plural form for it;
        ``{count}`` is the number, in the language's digits."""
        override = self.overrides.get(singular)
        if isinstance(override, str):
            text = override
        elif isinstance(override, Mapping):
            category = self.locale.plural_form(abs(count))
            text = override.get(category) or override.get("other") or singular
        elif self._translations is None:
            text = singular if count == 1 else plural
        else:
            text = self._translations.ngettext(singular, plural, count)
        return _fill(text, {"count": self.number(count), **values})

    def number(self, count: int) -> str:
        """A whole number as the language writes it (``1 234``, ``١٢``)."""
        from babel.numbers import format_decimal

        return format_decimal(count, locale=self.locale)

    def list_of(self, items: Iterable[Any]) -> Markup:
        """Items joined as the language lists them (``A, B et C``, ``A、B``); each escaped
        unless it is :class:`Markup` already."""
        escaped = [str(escape(item)) for item in items]
        if not escaped:
            return Markup("")
        # The pattern's own text ("et", "و") holds no markup characters in any CLDR locale, and
        # is escaped all the same.
        joined = format_list(escaped, locale=self.locale)
        return Markup(_keep_markup(joined, escaped))

    def context(self) -> dict[str, Any]:
        """What templates get: ``_``, ``gettext``, ``ngettext``, ``list_of``, ``text_direction``."""
        return {
            "_": self.gettext,
            "gettext": self.gettext,
            "ngettext": self.ngettext,
            "list_of": self.list_of,
            "text_direction": self.direction,
        }


def _keep_markup(joined: str, items: list[str]) -> str:
    """Escape what CLDR's list pattern put between the (already escaped) items."""
    out: list[str] = []
    at = 0
    for item in items:
        found = joined.find(item, at)
        if found < 0:  # cannot happen: format_list keeps each item whole
            return str(escape(joined))
        out.append(str(escape(joined[at:found])))
        out.append(item)
        at = found + len(item)
    out.append(str(escape(joined[at:])))
    return "".join(out)


def check_overrides(overrides: Mapping[str, Any], known: Mapping[str, str | None]) -> list[str]:
    """Problems with ``labels:`` from ``mkdocs.yml``, each naming the label and its value.

    ``known`` maps each label (its English text) to its plural, or ``None`` when it has none.
    An unknown label is a problem (a typo would silently do nothing), and so is a placeholder
    the label does not have; a plural label takes one text or one per CLDR category.
    """
    problems: list[str] = []
    for key, value in overrides.items():
        if key not in known:
            near = _nearest(str(key), known)
            hint = f"; did you mean {near!r}?" if near else ""
            problems.append(f"labels: {key!r} is not one of the blog's labels{hint}")
            continue
        allowed = (
            placeholders(key)
            | placeholders(known[key] or "")
            | ({"count"} if known[key] is not None else set())
        )
        texts: dict[str, object]
        if isinstance(value, str):
            texts = {"": value}
        elif isinstance(value, Mapping) and known[key] is not None and value:
            bad = [category for category in value if category not in PLURAL_CATEGORIES]
            if bad:
                problems.append(
                    f"labels: {key!r}: {bad[0]!r} is not a plural category "
                    f"({', '.join(PLURAL_CATEGORIES)})"
                )
                continue
            texts = {f" ({category})": text for category, text in value.items()}
        else:
            kind = "a text, or a text per plural category" if known[key] else "a text"
            problems.append(f"labels: {key!r} must be {kind}, not {value!r}")
            continue
        for where, text in texts.items():
            if not isinstance(text, str):
                problems.append(f"labels: {key!r}{where} must be a text, not {text!r}")
                continue
            try:
                used = placeholders(text)
            except ValueError as error:
                problems.append(f"labels: {key!r}{where}: {text!r} is not a label ({error})")
                continue
            extra = sorted(used - allowed)
            if extra:
                have = ", ".join(f"{{{name}}}" for name in sorted(allowed)) or "none"
                problems.append(
                    f"labels: {key!r}{where}: {text!r} uses {{{extra[0]}}}, which this label "
                    f"does not have (it has {have})"
                )
    return problems


def _nearest(key: str, known: Iterable[str]) -> str | None:
    import difflib

    found = difflib.get_close_matches(key, list(known), n=1, cutoff=0.6)
    return found[0] if found else None
