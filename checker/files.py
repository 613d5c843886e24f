"""Which files `checker check` reads, and reading them safely.

A folder stands for its Markdown and text files. Walking it never leaves it: symlinked
folders are not entered, and a symlinked file is read only when its target is inside the
folder being walked (a path named on the command line is read as given). Each file is
read with a size cap, so `/dev/zero` or a stray database dump costs at most the cap.
A file that cannot be read becomes an `InputError` for that file alone.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

from .markdown import MARKDOWN_SUFFIXES

CHECKED_SUFFIXES = (*MARKDOWN_SUFFIXES, ".txt")
DEFAULT_MAX_BYTES = 1_048_576  # 1 MiB: a long feature is under 100 KB of text
SKIPPED_FOLDERS = ("node_modules",)


class InputError(Exception):
    """One input cannot be checked; the others still are."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path
        self.message = message


def _inside(path: Path, root: Path) -> bool:
    try:
        path.resolve().relative_to(root)
    except (ValueError, OSError, RuntimeError):  # outside, unreadable, or a symlink loop
        return False
    return True


def _walk(folder: str) -> Iterator[str]:
    root = Path(folder).resolve()
    # followlinks=False: a symlinked folder is listed among `dirs` but never entered.
    for here, dirs, files in os.walk(folder, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in SKIPPED_FOLDERS)
        for name in files:
            path = Path(here, name)
            if path.suffix.lower() not in CHECKED_SUFFIXES:
                continue
            if path.is_symlink() and not _inside(path, root):
                continue
            if path.is_file():
                yield os.path.normpath(path)


def expand(paths: Sequence[str]) -> tuple[list[str], list[InputError]]:
    """Files as given, folders as their Markdown and text files (hidden folders and
    node_modules left out); sorted, without repeats. A path that does not exist is an
    error for that path."""
    out: list[str] = []
    missing: list[InputError] = []
    for p in paths:
        if p == "-":
            out.append(p)
        elif Path(p).is_dir():
            out.extend(_walk(p))
        elif os.path.lexists(p):
            out.append(os.path.normpath(p))
        else:
            missing.append(InputError(os.path.normpath(p), "no such file or folder"))
    return sorted(dict.fromkeys(out)), missing


def read_text(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """The file (or standard input for `-`) as text: UTF-8, a leading BOM dropped, at most
    `max_bytes` bytes (more is an error rather than a truncated check)."""
    try:
        if path == "-":
            data = sys.stdin.buffer.read(max_bytes + 1)
        else:
            with open(path, "rb") as fh:
                data = fh.read(max_bytes + 1)
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except IsADirectoryError:
        raise InputError(path, "is a folder") from None
    except OSError as exc:
        raise InputError(path, f"cannot be read ({exc.strerror or exc})") from None
    if len(data) > max_bytes:
        raise InputError(path, f"larger than the limit of {max_bytes:,} bytes (--max-file-size)")
    try:
        return data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        raise InputError(path, f"not UTF-8 text ({exc.reason} at byte {exc.start})") from None
