"""Config tests of the ``ads`` option: good values load, bad ones name the option."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from mkdocs.config import base, load_config
from mkdocs.config import config_options as c
from mkdocs.exceptions import Abort, ConfigurationError

from mkdocs_blog_plugin.ads_config import AdsConfig, ads_txt_problem, html_problem

CLIENT = "ca-pub-1234567890123456"
ADS_TXT = "google.com, pub-1234567890123456, DIRECT, f08c47fec0942fa0"


class _Holder(base.Config):
    """Stands where ``BlogConfig`` puts ``AdsConfig``: an ``ads`` sub-option."""

    ads = c.SubConfig(AdsConfig)


def validate(ads: dict[str, Any]) -> tuple[base.ConfigErrors, base.ConfigWarnings, _Holder]:
    holder = _Holder()
    holder.load_dict({"ads": ads})
    failed, warnings = holder.validate()
    return failed, warnings, holder


def test_defaults() -> None:
    failed, warnings, holder = validate({})
    assert (failed, warnings) == ([], [])
    ads = holder.ads
    assert ads.default is False
    assert ads.snippet is None and ads.adsense.client is None and not ads.has_markup
    assert (ads.after_paragraph, ads.every, ads.max) == (3, 6, 3)
    assert (ads.min_words, ads.min_words_between) == (0, 0)
    assert ads.positions == ["in_content"]
    assert ads.min_height == "280px"
    assert ads.label is None  # "Advertisement" in the site's language
    assert (ads.lazy, ads.consent, ads.on_serve) == (False, False, False)
    assert ads.head is None and ads.ads_txt == []


def test_full_config_loads() -> None:
    failed, warnings, holder = validate(
        {
            "default": True,
            "adsense": {"client": CLIENT, "slot": "1234567890"},
            "label": "Sponsored",
            "after_paragraph": 2,
            "every": 4,
            "max": 5,
            "min_words": 300,
            "min_words_between": 150,
            "positions": ["before_content", "in_content", "after_content"],
            "min_height": "15.5rem",
            "lazy": True,
            "head": '<script src="https://cmp.example/cmp.js" async></script>',
            "ads_txt": [ADS_TXT, "contact=ads@example.com", "# managed by hand"],
        }
    )
    assert (failed, warnings) == ([], [])
    ads = holder.ads
    assert ads.has_markup
    assert ads.adsense.client == CLIENT and ads.adsense.slot == "1234567890"
    assert ads.adsense.layout == "in-article" and ads.adsense.format == "fluid"


def test_snippet_alone() -> None:
    failed, _, holder = validate({"snippet": '<ins class="adsbygoogle"></ins>'})
    assert failed == []
    assert holder.ads.has_markup


def test_adsense_client_with_snippet_needs_no_slot() -> None:
    failed, _, _ = validate({"adsense": {"client": CLIENT}, "snippet": "<div>ad</div>"})
    assert failed == []


# (config, words the error must contain: the option's name and the bad value or the reason)
BAD: list[tuple[str, dict[str, Any], list[str]]] = [
    ("every 0", {"every": 0}, ["'every'", "at least 1"]),
    ("every negative", {"every": -2}, ["'every'", "at least 1"]),
    ("every true", {"every": True}, ["'every'", "whole number"]),
    ("every text", {"every": "six"}, ["'every'"]),
    ("after_paragraph 0", {"after_paragraph": 0}, ["'after_paragraph'"]),
    ("max 0", {"max": 0}, ["'max'"]),
    ("min_words negative", {"min_words": -1}, ["'min_words'"]),
    ("min_words_between negative", {"min_words_between": -5}, ["'min_words_between'"]),
    ("client too short", {"adsense": {"client": "ca-pub-123", "slot": "1"}}, ["'client'", "16"]),
    (
        "client without ca-",
        {"adsense": {"client": "pub-1234567890123456", "slot": "1"}},
        ["'client'", "pub-1234567890123456"],
    ),
    (
        "client with letters",
        {"adsense": {"client": "ca-pub-12345678901234ab", "slot": "1"}},
        ["'client'"],
    ),
    ("slot not digits", {"adsense": {"client": CLIENT, "slot": "abc"}}, ["'slot'", "abc"]),
    ("slot without client", {"adsense": {"slot": "123"}}, ["'client'"]),
    ("client without slot", {"adsense": {"client": CLIENT}}, ["'adsense'", "'slot'"]),
    ("unknown adsense key", {"adsense": {"client": CLIENT, "slot": "1", "x": 1}}, []),
    ("unclosed snippet", {"snippet": '<ins class="adsbygoogle">'}, ["'snippet'", "<ins>"]),
    ("misnested snippet", {"snippet": "<div><span></div></span>"}, ["'snippet'", "</div>"]),
    ("self-closed ins", {"snippet": "<ins/>"}, ["'snippet'", "<ins/>"]),
    ("cut-off tag", {"snippet": '<div class="ad"'}, ["'snippet'", "unfinished"]),
    ("empty snippet", {"snippet": "  "}, ["'snippet'", "empty"]),
    ("snippet not text", {"snippet": 5}, ["'snippet'"]),
    ("bad head", {"head": "<script>"}, ["'head'", "<script>"]),
    ("min_height no unit", {"min_height": "280"}, ["'min_height'", "'280'"]),
    ("min_height injection", {"min_height": "1px; color: red"}, ["'min_height'"]),
    ("min_height percent", {"min_height": "50%"}, ["'min_height'"]),
    ("unknown position", {"positions": ["sidebar"]}, ["'positions'", "sidebar"]),
    ("no position", {"positions": []}, ["'positions'"]),
    ("ads.txt two fields", {"ads_txt": ["google.com, pub-1"]}, ["'ads_txt'", "google.com"]),
    ("ads.txt bad relation", {"ads_txt": ["google.com, pub-1, OWNER"]}, ["'ads_txt'", "OWNER"]),
    ("ads.txt line break", {"ads_txt": [ADS_TXT + "\n" + ADS_TXT]}, ["'ads_txt'", "line break"]),
    ("unknown key", {"evry": 3}, []),
]


@pytest.mark.parametrize(("ads", "words"), [b[1:] for b in BAD], ids=[b[0] for b in BAD])
def test_bad_config_names_the_option(ads: dict[str, Any], words: list[str]) -> None:
    failed, warnings, _ = validate(ads)
    if not failed:
        # Unknown keys are MkDocs warnings, which `--strict` turns into errors.
        assert warnings and "Unrecognised configuration name" in str(warnings)
        return
    [(key, error)] = failed
    assert key == "ads"
    message = str(error)
    for word in words:
        assert word in message, message


def test_ads_txt_without_adsense_publisher_warns() -> None:
    failed, warnings, _ = validate(
        {
            "adsense": {"client": CLIENT, "slot": "1"},
            "ads_txt": ["example.com, pub-999, DIRECT"],
        }
    )
    assert failed == []
    [(key, message)] = warnings
    assert key == "ads" and "'ads_txt'" in message and "pub-1234567890123456" in message


@pytest.mark.parametrize(
    ("html", "problem"),
    [
        ('<ins class="adsbygoogle" data-ad-slot="1"></ins>', None),
        ("<ins></ins><script>if (a < b && c > d) { x(); }</script>", None),
        ("<div><img src=a.png><br><p>text</p></div><!-- comment -->", None),
        ("plain text & more", None),
        ("<div>", "<div> is never closed"),
        ("<div></span>", "</span> found where </div> was expected"),
        ("</div>", "</div> closes nothing"),
        ("<br></br>", "</br> closes a void element, which has no end tag"),
        ("<ins/>", "<ins/> is not closed in HTML: write <ins></ins>"),
        ("<img/>", None),
        ("<div class='a'", "unfinished markup \"<div class='a'\""),
    ],
)
def test_html_problem(html: str, problem: str | None) -> None:
    assert html_problem(html) == problem


@pytest.mark.parametrize(
    ("line", "ok"),
    [
        (ADS_TXT, True),
        ("google.com, pub-1234567890123456, RESELLER", True),
        ("google.com,pub-1,direct # comment", True),
        ("# a comment", True),
        ("", True),
        ("contact=ads@example.com", True),
        ("OWNERDOMAIN=example.com", True),
        ("google.com pub-1 DIRECT", False),
        ("google.com, pub-1, DIRECT, cert, extra", False),
        ("google.com, , DIRECT", False),
        ("google.com, pub-1, SOMETIMES", False),
        ("madeup=value", False),
    ],
)
def test_ads_txt_problem(line: str, ok: bool) -> None:
    assert (ads_txt_problem(line) is None) is ok


# -- through MkDocs' own config loading, once the plugin is wired in ---------------------------


def _load(tmp_path: Path, ads: dict[str, Any]) -> Any:
    (tmp_path / "docs").mkdir(exist_ok=True)
    config_file = tmp_path / "mkdocs.yml"
    config_file.write_text("site_name: Ads config test\n", encoding="utf-8")
    return load_config(str(config_file), plugins=[{"frontmatter-blog": {"ads": ads}}], strict=True)


def test_load_config_accepts_ads(tmp_path: Path) -> None:
    config = _load(tmp_path, {"adsense": {"client": CLIENT, "slot": "1"}, "every": 2})
    ads = config.plugins["frontmatter-blog"].config.ads
    assert ads.every == 2 and ads.adsense.client == CLIENT


@pytest.mark.parametrize(
    ("ads", "words"),
    [
        ({"every": 0}, ["ads", "every"]),
        ({"snippet": "<div>"}, ["ads", "snippet"]),
        ({"adsense": {"client": "ca-pub-1", "slot": "1"}}, ["ads", "adsense", "client"]),
        ({"min_height": "tall"}, ["ads", "min_height"]),
    ],
)
def test_load_config_rejects_bad_ads(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, ads: dict[str, Any], words: list[str]
) -> None:
    with pytest.raises((Abort, ConfigurationError)):
        _load(tmp_path, ads)
    # MkDocs logs each error ("Config value 'plugins': Plugin … option 'ads': …") and aborts.
    message = "\n".join(record.getMessage() for record in caplog.records)
    for word in words:
        assert word in message, message
