"""Plots: PNG files drawn from SymPy expressions; skipped with a message without matplotlib."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

from symloss.printing.plots import INSTALL_HINT, PLOTS, caption, plots_for_title, spec_of, write_plots


def test_every_plot_is_a_png(tmp_path):
    pytest.importorskip("matplotlib", reason="install the plots extra: pip install 'symloss[plots]'")
    written = write_plots(tmp_path / "plots", progress=lambda line: None)
    assert [p.name for p in written] == [f"{spec.name}.png" for spec in PLOTS]
    for path in written:
        data = path.read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 10_000


def test_without_matplotlib_plots_are_skipped_with_a_message(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "matplotlib", None)  # what `import matplotlib` sees when absent
    messages: list[str] = []
    assert write_plots(tmp_path, progress=messages.append) == []
    assert messages == [f"plots skipped: matplotlib is not installed; {INSTALL_HINT}"]
    assert not any(tmp_path.iterdir())


@pytest.mark.parametrize("title, expected", [
    ("Information content f(x) = -log2 x", ["information"]),
    ("Entropy as expected information", ["information", "entropy"]),
    ("KL divergence = cross-entropy - entropy", ["entropy"]),
    ("Bernoulli likelihood -> mean binary cross-entropy", ["losses", "gradients"]),
    ("Least squares: |x - y| is not differentiable", ["losses", "gradients"]),
    ("Gibbs' inequality", []),
])
def test_plots_go_with_the_derivations_they_illustrate(title, expected):
    paths = [Path(f"{spec.name}.png") for spec in PLOTS]
    assert [p.stem for p in plots_for_title(title, paths)] == expected


def test_captions_in_latex_and_plain_text():
    assert "$-\\log_2 p$" in caption(Path("information.png"))
    assert "\u2212log\u2082 p" in caption(Path("information.png"), plain=True)
    assert spec_of("unknown.png").caption == "unknown"
