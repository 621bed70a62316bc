"""``write_documents``: every file of ``symloss doc``, with and without pdflatex."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from sympy import Symbol

from symloss.check.report import Report, StepResult
from symloss.check.verdict import Status, Verdict
from symloss.derivation import derive
from symloss.printing import FORMATS, export
from symloss.printing._examples import example_pairs, example_report
from symloss.printing.document import TEX_INSTALL, first_error, write_documents


@pytest.fixture()
def no_tex_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A PATH with only the Python interpreter on it, so pdflatex is not found."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "python").symlink_to(sys.executable)
    monkeypatch.setenv("PATH", str(bin_dir))


def test_without_pdflatex_everything_else_is_written_and_the_install_is_explained(tmp_path, no_tex_path):
    out = tmp_path / "doc"
    messages: list[str] = []
    written = write_documents(example_report(), out, progress=messages.append)
    names = {p.relative_to(out).as_posix() for p in written}
    assert {"index.html", "symloss.tex", "kl.html", "kl.md", "kl.tex", "bce.html", "bce.md",
            "bce.tex"} <= names
    assert "symloss.pdf" not in names and not (out / "symloss.pdf").exists()
    assert any(TEX_INSTALL in m and "pdflatex not found" in m for m in messages)
    assert 'href="symloss.pdf"' not in (out / "index.html").read_text(encoding="utf-8")
    assert all(p.exists() for p in written)


def test_plots_are_written_and_referenced(tmp_path, no_tex_path):
    pytest.importorskip("matplotlib", reason="install the plots extra: pip install 'symloss[plots]'")
    out = tmp_path / "doc"
    written = write_documents(example_report(), out, progress=lambda line: None)
    plots = sorted(p.name for p in written if p.suffix == ".png")
    assert plots == ["entropy.png", "gradients.png", "information.png", "losses.png"]
    tex = (out / "symloss.tex").read_text(encoding="utf-8")
    assert r"\includegraphics[width=1.00\linewidth]{plots/losses.png}" in tex
    assert "](plots/losses.png)" in (out / "bce.md").read_text(encoding="utf-8")
    assert "data:image/png;base64," in (out / "bce.html").read_text(encoding="utf-8")


def test_a_reserved_name_does_not_overwrite_the_index(tmp_path, no_tex_path):
    x = Symbol("x")
    d = derive("index", "Named index", assume={"x": "real"}, start=x + x).eq(2 * x, "collect")
    report = Report((StepResult(d, 0, Verdict(Status.PROVED, method="simplify")),))
    write_documents(report, tmp_path, progress=lambda line: None)
    assert (tmp_path / "derivation-index.html").exists()
    assert 'href="derivation-index.html"' in (tmp_path / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("fmt, start", [("latex", "% KL divergence"), ("markdown", "# KL divergence"),
                                        ("html", "<!DOCTYPE html>")])
def test_export_gives_each_format(fmt, start):
    d, results = example_pairs()[0]
    assert export(d, results, fmt).startswith(start)
    assert export(d, None, fmt).startswith(start)


def test_export_names_the_formats_it_accepts():
    d, results = example_pairs()[0]
    with pytest.raises(ValueError, match="use one of latex, markdown, html"):
        export(d, results, "pdf")
    assert FORMATS == ("latex", "markdown", "html")


def test_first_error_reads_a_latex_log():
    log = "This is pdfTeX\n! LaTeX Error: File `x.sty' not found.\n\nl.3 \\usepackage\n"
    assert first_error(log) == "LaTeX Error: File `x.sty' not found. (l.3 \\usepackage)"


def test_the_path_fixture_really_hides_pdflatex(no_tex_path):
    import shutil

    assert shutil.which("pdflatex") is None and os.environ["PATH"]
