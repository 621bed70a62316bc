"""Plots of the note's functions, as PNG files for the HTML and PDF documents.

matplotlib is optional (``pip install 'symloss[plots]'``): it is imported only
when plots are drawn, with the non-interactive Agg canvas (no pyplot, no
global state). The curves are SymPy expressions turned into NumPy functions,
and the gradients are SymPy derivatives through the sigmoid.

>>> [spec.name for spec in PLOTS]
['information', 'entropy', 'losses', 'gradients']
>>> plots_for_title("Binary cross-entropy", [Path("losses.png"), Path("entropy.png")])
[PosixPath('losses.png')]
>>> plots_for_title("Entropy is expected information", [Path("entropy.png")])
[PosixPath('entropy.png')]
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Sequence

import sympy

INSTALL_HINT = "pip install 'symloss[plots]'  (matplotlib and numpy)"


@dataclass(frozen=True)
class PlotSpec:
    """One figure: file stem, caption, the derivation titles it illustrates, its width in the PDF."""

    name: str
    caption: str
    pattern: str  # a regular expression matched against derivation titles
    width: float = 1.0  # fraction of the text width in the PDF
    text: str = ""  # the caption as plain text (HTML, Markdown)


_LOSS_TITLES = r"binary cross|\bbce\b|squared error|least squares|two[- ]events?"

PLOTS: tuple[PlotSpec, ...] = (
    PlotSpec("information", "Information content $-\\log_2 p$ in bits: an event of probability "
             "1/8 carries 3 bits, a sure event none.", r"\binformation\b", 0.65,
             "Information content −log₂ p in bits: an event of probability 1/8 carries "
             "3 bits, a sure event none."),
    PlotSpec("entropy", "Entropy of a coin, $H(p) = -p\\log_2 p - (1-p)\\log_2(1-p)$: "
             "largest (1 bit) for a fair coin.", r"(?<!cross-)(?<!cross )\bentropy\b", 0.65,
             "Entropy of a coin, H(p) = −p log₂ p − (1−p) log₂(1−p): "
             "largest (1 bit) for a fair coin."),
    PlotSpec("losses", "Binary cross-entropy and squared error as functions of the prediction "
             "$\\hat{y}$, for the labels $y = 1$ and $y = 0$.",
             _LOSS_TITLES, 1.0, "Binary cross-entropy and squared error as functions of the "
             "prediction ŷ, for the labels y = 1 and y = 0."),
    PlotSpec("gradients", "Gradients with respect to the logit $z$, where $\\hat{y} = \\sigma(z)$: "
             "the squared error's gradient vanishes when the model is confidently wrong, "
             "the cross-entropy's does not.", _LOSS_TITLES, 1.0,
             "Gradients with respect to the logit z, where ŷ = σ(z): the squared "
             "error's gradient vanishes when the model is confidently wrong, the "
             "cross-entropy's does not."),
)


def spec_of(path: Path | str) -> PlotSpec:
    """The :class:`PlotSpec` of a plot file (a plain one for an unknown file)."""
    stem = Path(path).stem
    return next((spec for spec in PLOTS if spec.name == stem), PlotSpec(stem, stem, r"(?!)"))


def caption(path: Path | str, plain: bool = False) -> str:
    """The caption of a plot file: with ``$…$`` LaTeX math, or as plain text."""
    spec = spec_of(path)
    return (spec.text or spec.caption) if plain else spec.caption


def plots_for_title(title: str, paths: Sequence[Path]) -> list[Path]:
    """The plots whose pattern matches ``title`` (case-insensitive)."""
    wanted = {spec.name for spec in PLOTS if re.search(spec.pattern, title, re.IGNORECASE)}
    return [path for path in paths if Path(path).stem in wanted]


def _curves() -> dict[str, Callable[..., Any]]:
    """NumPy functions made from SymPy expressions."""
    p, z, y = sympy.symbols("p z y", real=True)
    yhat = 1 / (1 + sympy.exp(-z))
    bce = -(y * sympy.log(yhat) + (1 - y) * sympy.log(1 - yhat))
    squared = (yhat - y) ** 2 / 2
    q = sympy.Symbol("q", positive=True)
    exprs = {
        "information": (p, -sympy.log(p, 2)),
        "entropy": (p, -p * sympy.log(p, 2) - (1 - p) * sympy.log(1 - p, 2)),
        "bce": ((q, y), -(y * sympy.log(q) + (1 - y) * sympy.log(1 - q))),
        "squared": ((q, y), (q - y) ** 2 / 2),
        "sigmoid": (z, yhat),
        "bce_grad": ((z, y), sympy.simplify(sympy.diff(bce, z))),
        "squared_grad": ((z, y), sympy.simplify(sympy.diff(squared, z))),
    }
    return {name: sympy.lambdify(args, expr, "numpy") for name, (args, expr) in exprs.items()}


def _figure(width: float = 6.4, height: float = 3.8, columns: int = 1) -> tuple[Any, Any]:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=(width, height), layout="constrained")
    FigureCanvasAgg(figure)
    axes = figure.subplots(1, columns)
    for ax in (axes if columns > 1 else [axes]):
        ax.grid(True, alpha=0.3)
    return figure, axes


def _draw(name: str, f: dict[str, Callable[..., Any]]) -> Any:
    import numpy as np

    p = np.linspace(1e-4, 1 - 1e-4, 800)
    if name == "information":
        figure, ax = _figure()
        ax.plot(p, f["information"](p), color="C0", label=r"$-\log_2 p$")
        for x, label, dx in ((1 / 8, "1/8: 3 bits", 8), (1 / 2, "1/2: 1 bit", 8),
                             (1.0, "1: 0 bits", -62)):
            ax.plot([x], [-np.log2(x)], "o", color="C3")
            ax.annotate(label, (x, -np.log2(x)), textcoords="offset points", xytext=(dx, 6))
        ax.set(xlabel="probability $p$", ylabel="information (bits)", ylim=(0, 8), xlim=(0, 1.05))
    elif name == "entropy":
        figure, ax = _figure()
        ax.plot(p, f["entropy"](p), color="C2", label="$H(p)$")
        ax.set(xlabel="probability of heads $p$", ylabel="entropy (bits)", ylim=(0, 1.1))
    elif name == "losses":
        figure, axes = _figure(9, 3.6, 2)
        for ax, label in zip(axes, (1, 0)):
            ax.plot(p, f["bce"](p, label), label="cross-entropy", color="C0")
            ax.plot(p, f["squared"](p, label), label=r"squared error $\frac{1}{2}(\hat y - y)^2$",
                    color="C1")
            ax.set(title=f"label $y = {label}$", xlabel=r"prediction $\hat{y}$", ylabel="loss",
                   ylim=(0, 4))
    else:
        figure, axes = _figure(9, 3.6, 2)
        z = np.linspace(-8, 8, 800)
        for ax, label in zip(axes, (1, 0)):
            ax.plot(z, f["bce_grad"](z, label), label="cross-entropy", color="C0")
            ax.plot(z, f["squared_grad"](z, label), label="squared error", color="C1")
            ax.axhline(0, color="black", linewidth=0.6)
            wrong = -6 if label == 1 else 6
            ax.annotate("confidently wrong:\nsquared error's gradient ~ 0",
                        xy=(wrong, 0), xytext=(-7.6 if label == 1 else 0.4, 0.45 if label else -0.55),
                        fontsize="small", arrowprops={"arrowstyle": "->", "color": "gray"})
            ax.set(title=f"label $y = {label}$", xlabel=r"logit $z$  ($\hat y = \sigma(z)$)",
                   ylabel=r"$\partial\,\mathrm{loss} / \partial z$", ylim=(-1.1, 1.1))
    for ax in figure.axes:
        ax.legend(loc="best", fontsize="small")
    return figure


def write_plots(outdir: Path, progress: Callable[[str], None] = print) -> list[Path]:
    """Draw every plot of :data:`PLOTS` into ``outdir`` as PNG; the written paths.

    Without matplotlib (or NumPy) it reports how to install them and returns ``[]``.
    """
    try:
        import matplotlib  # noqa: F401
        import numpy  # noqa: F401
    except ImportError:
        progress(f"plots skipped: matplotlib is not installed; {INSTALL_HINT}")
        return []
    outdir = Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    functions = _curves()
    written = []
    for spec in PLOTS:
        path = outdir / f"{spec.name}.png"
        _draw(spec.name, functions).savefig(path, dpi=130)
        written.append(path)
    return written
