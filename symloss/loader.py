"""Loading the derivations a Python file defines (``symloss verify FILE.py``).

The file is the user's own program and runs as Python; only its top-level
:class:`~symloss.derivation.Derivation` values are collected, in order.
"""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

from symloss.derivation import Derivation
from symloss.errors import InputError


def derivations_in(module: ModuleType) -> list[Derivation]:
    """Every Derivation bound at the top level of a module, in definition order."""
    seen: list[Derivation] = []
    for value in vars(module).values():
        if isinstance(value, Derivation) and not any(value is d for d in seen):
            seen.append(value)
    return seen


def load_file(path: Path) -> list[Derivation]:
    """Run a Python file and return its top-level derivations.

    Raises:
        InputError: the file is missing, not UTF-8, fails to run, or defines none.
    """
    if not path.is_file():
        raise InputError(f"no such file: {path}")
    try:
        path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"{path} is not UTF-8 text (byte {exc.start})") from None
    name = f"symloss_user_{abs(hash(str(path.resolve())))}"
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise InputError(f"cannot load {path} as Python")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    try:
        spec.loader.exec_module(module)
    except SyntaxError as exc:
        raise InputError(f"{path}:{exc.lineno}: syntax error: {exc.msg}") from None
    except SystemExit as exc:
        raise InputError(f"{path} exited (SystemExit {exc.code!r}) while being loaded") from None
    except Exception as exc:
        message = " ".join(str(exc).split())
        raise InputError(f"{path}: {type(exc).__name__}: {message}") from None
    found = derivations_in(module)
    if not found:
        raise InputError(f"{path} defines no Derivation at its top level")
    return found
