"""checker: a fact-consistency checker for news copy.

    >>> import checker
    >>> report = checker.check("Russia withdrew 1,500 troops. The 15,000 troops ...")
    >>> report.to_dict()["conflicts"][0]["rule"]
    'QTY001'

Exceptions: InputError (a document cannot be checked; names the field), ConfigError
(a configuration value is wrong; names the key), CorpusError (an annotation cannot be
loaded). All are ValueErrors.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = [
    "Claim",
    "ConfigError",
    "Conflict",
    "Document",
    "Engine",
    "InputError",
    "Options",
    "Report",
    "Severity",
    "__version__",
    "check",
    "default_engine",
]

if TYPE_CHECKING:
    from .engine import Engine


@cache
def default_engine() -> Engine:
    """The process-wide engine, built on first use."""
    from .engine import Engine

    return Engine()


def check(inputs: Any, options: Any = None) -> Any:
    """Check a string, a Document, a {"id", "text", "published"?} dict, or a list of them."""
    return default_engine().check(inputs, options)


def __getattr__(name: str) -> Any:
    # Lazy so that `import checker` stays cheap for tools that only need the corpus loader.
    # importlib, not `from . import`, which would re-enter this hook for a submodule
    # that is not loaded yet.
    import importlib

    table = {
        "Claim": "model",
        "Conflict": "model",
        "Document": "model",
        "Report": "report",
        "Severity": "model",
        "Engine": "engine",
        "InputError": "engine",
        "Options": "config",
        "ConfigError": "config",
    }
    if name in table:
        return getattr(importlib.import_module(f"{__name__}.{table[name]}"), name)
    raise AttributeError(name)
