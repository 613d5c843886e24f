"""What a caller can choose: which rules run (select/ignore by code prefix), per-code
severity overrides and the minimum severity shown. Loaded from `[tool.checker]` in
pyproject.toml or from .checker.toml; unknown keys are an error that names the key."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .model import Severity


class ConfigError(ValueError):
    """A configuration value is wrong; the message names the key."""


@dataclass(frozen=True)
class Options:
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: dict[str, Severity] = field(default_factory=dict)
    min_severity: Severity = Severity.INFO
    include_claims: bool = False
    house_spellings: dict[str, str] = field(default_factory=dict)

    def enabled(self, code: str) -> bool:
        if self.select and not any(code.startswith(p) for p in self.select):
            return False
        return not any(code.startswith(p) for p in self.ignore)

    def severity_for(self, code: str, default: Severity) -> Severity:
        best = ""
        chosen = default
        for prefix, sev in self.severity.items():
            if code.startswith(prefix) and len(prefix) > len(best):
                best, chosen = prefix, sev
        return chosen


KNOWN_KEYS = {"select", "ignore", "severity", "min_severity", "fail_on", "format", "house_spellings", "per_file"}


def _codes(value: Any, key: str) -> tuple[str, ...]:
    from .rules import all_rules

    if isinstance(value, str):
        value = [v.strip() for v in value.split(",") if v.strip()]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{key}: expected a list of rule codes or prefixes")
    codes = [r.code for r in all_rules()]
    for v in value:
        if not any(c.startswith(v.upper()) for c in codes):
            raise ConfigError(f"{key}: {v!r} matches no rule code")
    return tuple(v.upper() for v in value)


def options_from(raw: dict[str, Any], where: str = "config") -> Options:
    unknown = sorted(set(raw) - KNOWN_KEYS)
    if unknown:
        raise ConfigError(f"{where}: unknown key {unknown[0]!r} (known: {', '.join(sorted(KNOWN_KEYS))})")
    sev: dict[str, Severity] = {}
    for code, name in dict(raw.get("severity", {})).items():
        try:
            sev[_codes([code], f"{where}: severity")[0]] = Severity.parse(str(name))
        except ValueError as exc:
            raise ConfigError(f"{where}: severity.{code}: {exc}") from exc
    try:
        min_sev = Severity.parse(raw.get("min_severity", "info"))
    except ValueError as exc:
        raise ConfigError(f"{where}: min_severity: {exc}") from exc
    spellings = raw.get("house_spellings", {})
    if not isinstance(spellings, dict):
        raise ConfigError(f"{where}: house_spellings: expected a table of variant = preferred")
    return Options(
        select=_codes(raw.get("select", []), f"{where}: select"),
        ignore=_codes(raw.get("ignore", []), f"{where}: ignore"),
        severity=sev,
        min_severity=min_sev,
        house_spellings={str(k): str(v) for k, v in spellings.items()},
    )


def find_config(start: Path) -> tuple[Path, dict[str, Any]] | None:
    """The nearest .checker.toml, or pyproject.toml with [tool.checker], upwards."""
    for folder in [start, *start.parents]:
        dot = folder / ".checker.toml"
        if dot.is_file():
            return dot, _load(dot)
        py = folder / "pyproject.toml"
        if py.is_file():
            data = _load(py)
            section = data.get("tool", {}).get("checker")
            if section is not None:
                return py, {"tool": {"checker": section}}
    return None


def _load(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: {exc}") from exc


def load_config(path: Path) -> dict[str, Any]:
    data = _load(path)
    if path.name == "pyproject.toml":
        return dict(data.get("tool", {}).get("checker", {}))
    return dict(data.get("tool", {}).get("checker", data))
