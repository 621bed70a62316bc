"""HTML pages: structure, well-formed MathML, and rendering in a real headless Chromium."""
from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
from html.entities import html5
from html.parser import HTMLParser
from pathlib import Path
from xml.dom.minidom import parseString

import pytest

from symloss.printing._examples import example_pairs, example_report
from symloss.printing.document import write_documents
from symloss.printing.html import derivation_html, index_html, page_stem, report_html

CHROMIUM = next((found for name in ("chromium", "chromium-browser", "google-chrome")
                 if (found := shutil.which(name))), None)
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None, reason="Chromium is not installed; install it with: apt-get install chromium")

_VOID = {"meta", "img", "br", "hr", "link", "input", "mspace"}


class _Balance(HTMLParser):
    """Checks that every element is closed in order (void elements excepted)."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.errors: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag not in _VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        pass

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
        else:
            self.stack.pop()


def _balanced(page: str) -> None:
    checker = _Balance()
    checker.feed(page)
    assert checker.errors == [] and checker.stack == []


def _math_elements(page: str) -> list[str]:
    return re.findall(r"<math[ >].*?</math>", page, flags=re.S)


def _as_xml(markup: str) -> str:
    """Named HTML entities (``&dd;``) as characters, so that an XML parser reads the MathML."""
    return re.sub(r"&([A-Za-z]+);", lambda m: m.group(0) if m.group(1) in ("lt", "gt", "amp")
                  else html5.get(m.group(1) + ";", m.group(0)), markup)


@pytest.mark.parametrize("derivation, results", example_pairs())
def test_a_derivation_page_is_self_contained_and_balanced(derivation, results):
    page = derivation_html(derivation, results)
    assert page.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in page
    assert "<script" not in page and "<link" not in page and "http" not in page
    _balanced(page)


@pytest.mark.parametrize("derivation, results", example_pairs())
def test_every_math_element_is_well_formed_mathml(derivation, results):
    maths = _math_elements(derivation_html(derivation, results))
    assert len(maths) > 5
    for markup in maths:
        assert parseString(_as_xml(markup)).documentElement.tagName == "math"


def test_steps_are_block_math_with_reasons_marks_and_domains():
    derivation, results = example_pairs()[1]
    page = derivation_html(derivation, results)
    assert page.count('<math display="block">') >= 2 * len(derivation.steps) + 2
    assert "negative log-likelihood: log is increasing" in page
    assert '<span class="proved" title="proved (lemma:argmax_neg_log)">✓</span>' in page
    assert '<tr class="step refuted-step">' in page and "<mo>≠</mo>" in page
    assert "counterexample: <math>" in page and "left side <math>" in page
    assert '<p class="domains">where <math>' in page
    assert "Binary cross-entropy (errata: 100% of the _minus_ &amp; {sign})" in page


def test_the_index_links_every_derivation_and_embeds_plots(tmp_path):
    pairs = example_pairs()
    plot = tmp_path / "entropy.png"
    plot.write_bytes(b"\x89PNG\r\n\x1a\n" + b"0" * 16)
    page = index_html(pairs, [plot], pdf="symloss.pdf")
    for d, _ in pairs:
        assert f'href="{page_stem(d.name)}.html"' in page
    assert 'src="data:image/png;base64,' in page and 'href="symloss.pdf"' in page
    _balanced(page)


def test_the_report_fragment_is_what_jupyter_shows():
    report = example_report()
    fragment = report_html(report)
    assert fragment.startswith('<div class="symloss"><style>') and fragment.endswith("</div>")
    assert report._repr_html_() == fragment
    _balanced(fragment)


_PROBE = """<script>
(function () {
  function box(e) { return e.getBoundingClientRect(); }
  var maths = Array.prototype.slice.call(document.querySelectorAll("math"));
  var fractions = Array.prototype.slice.call(document.querySelectorAll("mfrac"));
  var report = {
    native: typeof MathMLElement !== "undefined" && maths.length > 0 && maths[0] instanceof MathMLElement,
    sizes: maths.map(function (m) { var r = box(m); return [r.width, r.height]; }),
    merror: document.querySelectorAll("merror").length,
    stacked: fractions.map(function (f) {
      return box(f.children[0]).bottom <= box(f.children[1]).top + 1; })
  };
  var pre = document.createElement("pre");
  pre.id = "symloss-probe";
  pre.textContent = JSON.stringify(report);
  document.body.appendChild(pre);
})();
</script>"""


def _chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    command = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
               "--no-first-run", "--disable-background-networking", "--disable-component-update",
               "--disable-sync", f"--user-data-dir={tmp_path / 'profile'}", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=120)


def _probe(page: Path, tmp_path: Path) -> dict:
    """Open a test-only copy of ``page`` with a script that measures every ``<math>``."""
    copy = tmp_path / f"probe-{page.name}"
    copy.write_text(page.read_text(encoding="utf-8").replace("</body>", _PROBE + "</body>"),
                    encoding="utf-8")
    done = _chromium(tmp_path, "--dump-dom", copy.as_uri())
    found = re.search(r'<pre id="symloss-probe">(.*?)</pre>', done.stdout, flags=re.S)
    assert found, f"the probe did not run: {done.stderr[-2000:]}"
    return json.loads(html.unescape(found.group(1)))


@pytest.fixture(scope="module")
def documents(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("html")
    write_documents(example_report(), out, progress=lambda line: None)
    return out


@needs_chromium
@pytest.mark.parametrize("page", ["index.html", "bce.html", "kl.html"])
def test_chromium_renders_every_math_element(documents, tmp_path, page):
    report = _probe(documents / page, tmp_path)
    assert report["native"], "Chromium did not parse <math> as MathML"
    assert report["merror"] == 0
    assert all(width > 0 and height > 0 for width, height in report["sizes"])
    assert all(report["stacked"]), "a fraction's numerator is not above its denominator"
    if page != "index.html":
        assert len(report["sizes"]) > 10


@needs_chromium
@pytest.mark.parametrize("page", ["index.html", "bce.html"])
def test_chromium_takes_a_screenshot(documents, tmp_path, page):
    shot = tmp_path / f"{page}.png"
    _chromium(tmp_path, f"--screenshot={shot}", "--window-size=1200,2000", (documents / page).as_uri())
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20_000
