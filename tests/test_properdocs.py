"""The plugin under ProperDocs, the maintained MkDocs 1.x fork, run as its own command."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.sitebuild import make_site


def test_properdocs_builds_the_blog(tmp_path: Path) -> None:
    properdocs = Path(sys.executable).with_name("properdocs")
    if not properdocs.exists() and shutil.which("properdocs") is None:
        pytest.fail("properdocs is not installed: it is a dev dependency")
    config_file = make_site(tmp_path, config={"theme": "material"})
    result = subprocess.run(
        [str(properdocs), "build", "--strict", "-f", str(config_file)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    site = config_file.parent / "site"
    post = BeautifulSoup((site / "blog/2025/leverage/index.html").read_text(), "html.parser")
    assert [a.get_text() for a in post.select(".fmb-post-header .fmb-tag")] == [
        "overwhelm",
        "essentialism",
        "knowledge-worker",
    ]
    index = BeautifulSoup((site / "blog/index.html").read_text(), "html.parser")
    assert len(index.select(".fmb-entry")) == 5
    assert not (site / "blog/secret-draft").exists()
    assert (site / "blog/tags/café/index.html").exists()
