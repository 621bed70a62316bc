"""The note's derivations, one module each (see ../shared/seed-note.txt).

``builtin_derivations()`` imports the modules listed in ``MODULES`` and
returns their top-level derivations in that order.
"""
from __future__ import annotations

import importlib

MODULES: tuple[str, ...] = (
    "two_losses",
    "least_squares",
    "coin_mle",
    "bernoulli_bce",
    "information",
    "entropy",
    "kl_cross_entropy",
    "gibbs",
    "min_cross_entropy",
    "event_counts",
    "two_event_cross_entropy",
    "two_routes",
    "errata",
)


def builtin_derivations() -> list:
    """Every built-in derivation, in the order of the note."""
    from symloss.loader import derivations_in

    found = []
    for name in MODULES:
        found.extend(derivations_in(importlib.import_module(f"derivations.{name}")))
    return found
