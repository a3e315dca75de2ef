"""The HTML that goes into ``<head>``: user hook, then the loader, then the boot script.

Without Material's instant navigation it goes only into pages with ad slots. With it, Material
swaps the page content without running what a new page has in ``<head>``, so the hook and the
boot script go into every page (the static loader still only into pages with slots), and the
boot script handles the slots of each page Material swaps in.
"""

from __future__ import annotations

import json
import re

from mkdocs.config.defaults import MkDocsConfig

from mkdocs_blog_plugin.ads_config import AdsConfig

ADSENSE_LOADER = "https://pagead2.googlesyndication.com/pagead/js/adsbygoogle.js"

HEAD_MARKER = "data-frontmatter-blog-ads"
"""Attribute on every script the plugin adds to ``<head>``, so tests and users can find them."""

UNIT_ATTRIBUTE = "data-frontmatter-blog-unit"
"""Marks an AdSense unit of the preset, which the head script pushes (the slot has no script)."""

PUSHED_ATTRIBUTE = "data-frontmatter-blog-pushed"
"""Set by the boot script on a unit it pushed, so no unit is pushed twice."""

INSTANT_FEATURE = "navigation.instant"

MATERIAL_THEMES = frozenset({"material", "materialx"})
"""Material for MkDocs and MaterialX (``mkdocs-materialx``, a fork of Material that keeps its
templates and JavaScript): ``navigation.instant`` with ``document$``, and the cookie consent of
``extra.consent`` with ``__md_get``/``__md_set``."""

# Runs in <head>. With consent on, nothing happens until Material's cookie consent (stored by
# `__md_set("__consent", …)`, which reloads the page) has `ads: true`: only then is the loader
# added and each slot's <template> turned into live markup. Each AdSense unit of the preset is
# then pushed, at once or (lazy) when its slot nears the viewport; a lazy unit only gets the
# `adsbygoogle` class, the one the loader looks for, at that moment.
#
# With `instant`, the script is on every page and runs once per full load; Material's global
# `document$` emits on that load and after every instant navigation (the documented way to
# hook into it). On each emission with a slot in the page (and consent, if asked) the loader is
# added, once per full load (or found already in <head>), and the new units are pushed.
_BOOT_SCRIPT = """\
(function () {
  var options = %(options)s;
  var loaderAdded = false;
  var observer = null;
  function consented() {
    if (!options.consent) { return true; }
    var given = null;
    try { given = __md_get("__consent"); } catch (error) { given = null; }
    return Boolean(given && given.ads);
  }
  function addLoader() {
    if (loaderAdded || !options.loader) { return; }
    loaderAdded = true;
    var loader = document.createElement("script");
    loader.async = true;
    loader.src = options.loader;
    loader.crossOrigin = "anonymous";
    document.head.appendChild(loader);
  }
  function live(template) {
    var content = template.content.cloneNode(true);
    content.querySelectorAll("script").forEach(function (inert) {
      var script = document.createElement("script");
      Array.prototype.forEach.call(inert.attributes, function (attribute) {
        script.setAttribute(attribute.name, attribute.value);
      });
      script.text = inert.text;
      inert.replaceWith(script);
    });
    template.replaceWith(content);
  }
  function push(unit) {
    if (unit.hasAttribute("%(pushed)s")) { return; }
    unit.setAttribute("%(pushed)s", "");
    unit.classList.replace("adsbygoogle-lazy", "adsbygoogle");
    (window.adsbygoogle = window.adsbygoogle || []).push({});
  }
  function start() {
    document.querySelectorAll(".ad-slot template[data-ad-consent]").forEach(live);
    var units = document.querySelectorAll(".ad-slot ins[%(unit)s]:not([%(pushed)s])");
    if (observer) { observer.disconnect(); observer = null; }
    if (!options.lazy || !("IntersectionObserver" in window)) { units.forEach(push); return; }
    observer = new IntersectionObserver(function (entries, self) {
      entries.forEach(function (entry) {
        if (!entry.isIntersecting) { return; }
        self.unobserve(entry.target);
        entry.target.querySelectorAll("ins[%(unit)s]").forEach(push);
      });
    }, { rootMargin: "600px 0px" });
    units.forEach(function (unit) { observer.observe(unit.closest(".ad-slot")); });
  }
  function onDocument() {
    if (!consented() || !document.querySelector(".ad-slot")) { return; }
    addLoader();
    start();
  }
  function whenReady(callback) {
    if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", callback);
    } else {
      callback();
    }
  }
  if (options.instant) {
    // A static loader tag comes before this script in <head> of a page with slots.
    loaderAdded = document.querySelector("script[%(marker)s][src]") !== null;
    // Material's bundle, at the end of <body>, defines document$ before DOMContentLoaded.
    whenReady(function () {
      var documents = window.document$;
      if (documents && typeof documents.subscribe === "function") {
        documents.subscribe(onDocument);
      } else {
        onDocument();
      }
    });
    return;
  }
  if (!consented()) { return; }
  if (options.consent) { addLoader(); }
  whenReady(start);
})();"""


def is_material(config: MkDocsConfig) -> bool:
    """Whether the theme is Material or MaterialX (see :data:`MATERIAL_THEMES`)."""
    return config.theme.name in MATERIAL_THEMES


def instant_navigation(config: MkDocsConfig) -> bool:
    """Whether the site uses Material's (or MaterialX's) instant navigation
    (``theme.features``)."""
    if not is_material(config):
        return False
    features = config.theme.get("features") or []
    return isinstance(features, list) and INSTANT_FEATURE in features


def loader_url(ads: AdsConfig) -> str | None:
    """The provider's loader script, or ``None`` for a generic snippet."""
    if ads.adsense.client is None:
        return None
    return f"{ADSENSE_LOADER}?client={ads.adsense.client}"


def _script_json(value: object) -> str:
    # `</` inside a <script> would end it early; JSON allows `<\\/` as an escape of `</`.
    return json.dumps(value).replace("</", "<\\/")


def head_html(ads: AdsConfig, *, instant: bool = False, slots: bool = True) -> str:
    """Everything added before ``</head>`` ("" for nothing).

    ``slots``: whether this page has a slot. Without ``instant`` only such pages get anything;
    with it every page gets ``ads.head`` and the boot script, and only pages with slots the
    static loader tag (a page without slots fetches no ad script).
    """
    if not (slots or instant):
        return ""
    parts: list[str] = []
    if ads.head is not None:
        parts.append(ads.head.strip())
    loader = loader_url(ads)
    if loader is not None and not ads.consent and slots:
        # A static tag: what AdSense's site check looks for.
        parts.append(
            f'<script {HEAD_MARKER} async src="{loader}" crossorigin="anonymous"></script>'
        )
    if loader is not None or ads.consent:
        options = {"loader": loader, "consent": ads.consent, "lazy": ads.lazy, "instant": instant}
        script = _BOOT_SCRIPT % {
            "options": _script_json(options),
            "unit": UNIT_ATTRIBUTE,
            "pushed": PUSHED_ATTRIBUTE,
            "marker": HEAD_MARKER,
        }
        parts.append(f"<script {HEAD_MARKER}>\n{script}\n</script>")
    return "".join(part + "\n" for part in parts)


_HEAD_END = re.compile(r"</head\s*>", re.IGNORECASE)


def insert_into_head(output: str, html: str) -> str | None:
    """``output`` with ``html`` just before its ``</head>``; ``None`` if it has no ``</head>``."""
    match = _HEAD_END.search(output)
    if match is None:
        return None
    return output[: match.start()] + html + output[match.start() :]
