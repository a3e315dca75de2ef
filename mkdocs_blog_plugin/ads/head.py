"""The HTML that goes into ``<head>`` of a page with ad slots: user hook, then the loader."""

from __future__ import annotations

import json
import re

from mkdocs_blog_plugin.ads_config import AdsConfig

ADSENSE_LOADER = "https://pagead2.googlesyndication.com/pagead/js/adsbygoogle.js"

HEAD_MARKER = "data-frontmatter-blog-ads"
"""Attribute on every script the plugin adds to ``<head>``, so tests and users can find them."""

UNIT_ATTRIBUTE = "data-frontmatter-blog-unit"
"""Marks an AdSense unit of the preset, which the head script pushes (the slot has no script)."""

# Runs in <head>. With consent on, nothing happens until Material's cookie consent (stored by
# `__md_set("__consent", …)`, which reloads the page) has `ads: true`: only then is the loader
# added and each slot's <template> turned into live markup. Each AdSense unit of the preset is
# then pushed, at once or (lazy) when its slot nears the viewport; a lazy unit only gets the
# `adsbygoogle` class, the one the loader looks for, at that moment.
_BOOT_SCRIPT = """\
(function () {
  var options = %(options)s;
  if (options.consent) {
    var given = null;
    try { given = __md_get("__consent"); } catch (error) { given = null; }
    if (!(given && given.ads)) { return; }
    if (options.loader) {
      var loader = document.createElement("script");
      loader.async = true;
      loader.src = options.loader;
      loader.crossOrigin = "anonymous";
      document.head.appendChild(loader);
    }
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
    unit.classList.replace("adsbygoogle-lazy", "adsbygoogle");
    (window.adsbygoogle = window.adsbygoogle || []).push({});
  }
  function start() {
    document.querySelectorAll(".ad-slot template[data-ad-consent]").forEach(live);
    var units = document.querySelectorAll(".ad-slot ins[%(unit)s]");
    if (!options.lazy || !("IntersectionObserver" in window)) { units.forEach(push); return; }
    var observer = new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        if (!entry.isIntersecting) { return; }
        observer.unobserve(entry.target);
        entry.target.querySelectorAll("ins[%(unit)s]").forEach(push);
      });
    }, { rootMargin: "600px 0px" });
    units.forEach(function (unit) { observer.observe(unit.closest(".ad-slot")); });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();"""


def loader_url(ads: AdsConfig) -> str | None:
    """The provider's loader script, or ``None`` for a generic snippet."""
    if ads.adsense.client is None:
        return None
    return f"{ADSENSE_LOADER}?client={ads.adsense.client}"


def _script_json(value: object) -> str:
    # `</` inside a <script> would end it early; JSON allows `<\\/` as an escape of `</`.
    return json.dumps(value).replace("</", "<\\/")


def head_html(ads: AdsConfig) -> str:
    """Everything added before ``</head>`` on a page with at least one slot ("" for nothing)."""
    parts: list[str] = []
    if ads.head is not None:
        parts.append(ads.head.strip())
    loader = loader_url(ads)
    if loader is not None and not ads.consent:
        # A static tag: what AdSense's site check looks for.
        parts.append(
            f'<script {HEAD_MARKER} async src="{loader}" crossorigin="anonymous"></script>'
        )
    if loader is not None or ads.consent:
        options = {"loader": loader, "consent": ads.consent, "lazy": ads.lazy}
        script = _BOOT_SCRIPT % {"options": _script_json(options), "unit": UNIT_ATTRIBUTE}
        parts.append(f"<script {HEAD_MARKER}>\n{script}\n</script>")
    return "".join(part + "\n" for part in parts)


_HEAD_END = re.compile(r"</head\s*>", re.IGNORECASE)


def insert_into_head(output: str, html: str) -> str | None:
    """``output`` with ``html`` just before its ``</head>``; ``None`` if it has no ``</head>``."""
    match = _HEAD_END.search(output)
    if match is None:
        return None
    return output[: match.start()] + html + output[match.start() :]
