"""What a caller can choose: which rules run (select/ignore by code prefix), per-code
severity overrides and the minimum severity shown. Loaded from `[tool.checker]` in
pyproject.toml or from .checker.toml; unknown keys are an error that names the key."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .model import Severity
from .nesting import depth_message, too_deep


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


CONFIG_MAX_BYTES = 1024 * 1024


def _load(path: Path) -> dict[str, Any]:
    """A TOML file, refused with a ConfigError when it is over 1 MiB (or endless, like
    /dev/zero) or nested more than MAX_DEPTH levels, rather than read whole or parsed into
    a RecursionError."""
    try:
        with path.open("rb") as f:
            data = f.read(CONFIG_MAX_BYTES + 1)
        if len(data) > CONFIG_MAX_BYTES:
            raise ConfigError(f"{path}: larger than {CONFIG_MAX_BYTES} bytes; not a configuration file")
        table = tomllib.loads(data.decode("utf-8"))
    except RecursionError:
        raise ConfigError(f"{path}: {depth_message()}") from None
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: {exc}") from exc
    if too_deep(table):
        raise ConfigError(f"{path}: {depth_message()}")
    return table


def load_config(path: Path) -> dict[str, Any]:
    data = _load(path)
    if path.name == "pyproject.toml":
        return dict(data.get("tool", {}).get("checker", {}))
    return dict(data.get("tool", {}).get("checker", data))


# -- per-file settings -------------------------------------------------------------------

PER_FILE_KEYS = {"select", "ignore", "severity"}
FAIL_ON = ("error", "warning", "info", "never")


def _as_list(value: Any) -> list[Any]:
    if isinstance(value, str):
        return [v.strip() for v in value.split(",") if v.strip()]
    return list(value) if isinstance(value, list) else [value]


def _merge(base: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    """`select` replaces, `ignore` adds to and `severity` updates the base settings."""
    out = dict(base)
    if "select" in extra:
        out["select"] = extra["select"]
    if "ignore" in extra:
        out["ignore"] = _as_list(base.get("ignore", [])) + _as_list(extra["ignore"])
    if "severity" in extra:
        out["severity"] = {**dict(base.get("severity", {})), **dict(extra["severity"])}
    if "min_severity" in extra:
        out["min_severity"] = extra["min_severity"]
    return out


def glob_matches(pattern: str, path: str) -> bool:
    """fnmatch on the path relative to the configuration's folder (`*` also matches `/`);
    a pattern without `/` is matched against the file name, as in .gitignore."""
    from fnmatch import fnmatchcase
    from posixpath import basename

    return fnmatchcase(path, pattern) or ("/" not in pattern and fnmatchcase(basename(path), pattern))


@dataclass(frozen=True)
class Settings:
    """Options for each file: the base table, then every matching `per_file` table in file
    order, then the command line's overrides (select replaces, ignore adds)."""

    raw: dict[str, Any]
    per_file: tuple[tuple[str, dict[str, Any]], ...] = ()
    overrides: dict[str, Any] = field(default_factory=dict)
    root: Path | None = None
    where: str = "config"

    @property
    def fail_on(self) -> str | None:
        return self.raw.get("fail_on")

    @property
    def format(self) -> str | None:
        return self.raw.get("format")

    def relative(self, path: str) -> str:
        p = Path(path)
        if self.root is not None:
            try:
                return p.resolve().relative_to(self.root.resolve()).as_posix()
            except (ValueError, OSError):
                pass
        return p.as_posix()

    def options_for(self, path: str | None = None) -> Options:
        merged = {k: v for k, v in self.raw.items() if k not in ("fail_on", "format", "per_file")}
        if path is not None:
            rel = self.relative(path)
            for pattern, table in self.per_file:
                if glob_matches(pattern, rel):
                    merged = _merge(merged, table)
        return options_from(_merge(merged, self.overrides), self.where)


def settings_from(
    raw: dict[str, Any], where: str = "config", root: Path | None = None, overrides: dict[str, Any] | None = None
) -> Settings:
    """Validate a [tool.checker] table (per_file tables included) into Settings."""
    raw = dict(raw)
    fail_on = raw.get("fail_on")
    if fail_on is not None and fail_on not in FAIL_ON:
        raise ConfigError(f"{where}: fail_on: {fail_on!r} is not one of {', '.join(FAIL_ON)}")
    per_file_raw = raw.get("per_file", {})
    if not isinstance(per_file_raw, dict):
        raise ConfigError(f"{where}: per_file: expected tables keyed by glob pattern")
    per_file = []
    for pattern, table in per_file_raw.items():
        if not isinstance(table, dict):
            raise ConfigError(f"{where}: per_file.{pattern!r}: expected a table")
        unknown = sorted(set(table) - PER_FILE_KEYS)
        if unknown:
            raise ConfigError(
                f"{where}: per_file.{pattern!r}: unknown key {unknown[0]!r} (known: {', '.join(sorted(PER_FILE_KEYS))})"
            )
        per_file.append((str(pattern), dict(table)))
    settings = Settings(raw, tuple(per_file), dict(overrides or {}), root, where)
    settings.options_for()
    base = {k: v for k, v in raw.items() if k not in ("fail_on", "format", "per_file")}
    for pattern, table in per_file:
        options_from(_merge(base, table), f"{where}: per_file.{pattern!r}")
    return settings
