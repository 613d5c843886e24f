"""Markdown and plain-text input: the prose to check plus a map back into the raw file.

`parse(raw, "md")` returns a `Prose`: `text` is what the engine checks (prose only, HTML
entities decoded) and, for every code point of `text`, the raw span it came from, so a
claim at `text[s:e]` is `raw[prose.raw_span(s, e)]`. What is left out of `text`:

* YAML front matter (its `date:` becomes the publication date; at most 64 KiB, no aliases,
  nesting capped: see _FrontMatterLoader), fenced and indented code,
  HTML blocks, inline code (one space stands in for it), inline HTML and comments,
  autolinks, link destinations and titles, images, bare URLs, link reference
  definitions, and the Markdown markup itself (`#`, `>`, list markers, `*`, `[`, `]`).
* Link text, list items, block quotes, headings and table cells are kept.

Every raw line break is kept as `\\n` (so paragraphs and sentences split where the file
does), and one extra `\\n` follows the end of every block, so a heading never runs into
the paragraph below it. Parsing uses markdown-it-py (CommonMark plus GFM tables and
strikethrough); its inline tokens carry no positions, so each one is found in its line's
source in order.

`parse(raw, "txt")` is the identity map, except that URLs and `checker:` directive comments are
left out of the text (see checker.suppress).
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import cache
from typing import Any

import yaml
from markdown_it import MarkdownIt
from markdown_it.token import Token

from .model import Claim, Conflict, Document, Span
from .nesting import MAX_DEPTH, depth_message
from .report import Report

MARKDOWN_SUFFIXES = (".md", ".markdown")

_NEWLINE = re.compile(r"\r\n?|\n")
_FRONT_OPEN = re.compile(r"---[ \t]*(?:\r\n?|\n)")
_FRONT_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.M)
_URL = re.compile(r"(?:https?://|ftp://|www\.)[^\s<>\"]+", re.I)
_URL_TRAILER = ".,;:!?)]}'\"’”"
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_DIRECTIVE_COMMENT = re.compile(r"<!--\s*checker:.*?-->", re.S | re.I)
# No-break spaces (often typed as &nbsp; between a number and its unit) are checked as
# spaces: the engine's patterns expect ASCII blanks there.
_SPACES = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2007": " "})
_BLANK_LINE = re.compile(r"(?:\r\n?|\n)[ \t]*(?:\r\n?|\n)")


class MarkdownError(ValueError):
    """The input cannot be read as Markdown (e.g. its front matter is not YAML)."""


@dataclass(frozen=True, slots=True)
class Prose:
    """The text to check and where each of its code points came from in `raw`."""

    raw: str
    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]
    published: str | None = None
    comments: tuple[tuple[int, int], ...] = ()  # raw spans of HTML comments outside code
    blocks: tuple[tuple[int, int], ...] = ()  # raw spans of blocks, outermost first at each start
    leaves: tuple[tuple[int, int], ...] = ()  # raw spans of leaf blocks (paragraphs, headings, ...)

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """The raw span of text[start:end] (end exclusive)."""
        if end <= start:
            pos = self.starts[start] if start < len(self.starts) else len(self.raw)
            return pos, pos
        return self.starts[start], self.ends[end - 1]


# -- building the map ----------------------------------------------------------------


class _Builder:
    """Pieces of checked text keyed by the raw offset they stand for."""

    def __init__(self, raw: str) -> None:
        self.raw = raw
        self.pieces: list[tuple[int, int, int, str]] = []  # raw start, order, raw end, text

    def add(self, start: int, end: int, text: str, order: int = 1) -> None:
        self.pieces.append((start, order, end, text))

    def keep(self, start: int, end: int) -> None:
        for i in range(start, end):
            self.add(i, i + 1, self.raw[i])

    def build(self, **extra: Any) -> Prose:
        chars: list[str] = []
        starts: list[int] = []
        ends: list[int] = []
        for start, _, end, text in sorted(self.pieces):
            for ch in text:
                chars.append(ch)
                starts.append(start)
                ends.append(end)
        text = "".join(chars).translate(_SPACES)
        return _drop_urls(Prose(self.raw, text, tuple(starts), tuple(ends), **extra))


def _drop_urls(p: Prose) -> Prose:
    cut: set[int] = set()
    for m in _URL.finditer(p.text):
        end = m.end()
        while end > m.start() and p.text[end - 1] in _URL_TRAILER:
            end -= 1
        cut.update(range(m.start(), end))
    if not cut:
        return p
    keep = [i for i in range(len(p.text)) if i not in cut]
    return replace(
        p,
        text="".join(p.text[i] for i in keep),
        starts=tuple(p.starts[i] for i in keep),
        ends=tuple(p.ends[i] for i in keep),
    )


def _lines(raw: str) -> list[tuple[int, int, int]]:
    """(start, end, end including the line break) of every raw line, as CommonMark counts them."""
    out: list[tuple[int, int, int]] = []
    pos = 0
    for m in _NEWLINE.finditer(raw):
        out.append((pos, m.start(), m.end()))
        pos = m.end()
    out.append((pos, len(raw), len(raw)))
    return out


# -- front matter ----------------------------------------------------------------------


FRONT_MATTER_MAX_CHARS = 64 * 1024


class _FrontMatterLoader(yaml.SafeLoader):
    """yaml.safe_load's loader, refusing aliases and deep nesting before anything is built.

    An alias makes YAML a graph: a few hundred bytes of nested aliases ("billion laughs")
    expand to gigabytes once constructed, and front matter never needs one. Composition
    recurses once per nesting level, so depth is capped here, before Python's stack is."""

    _depth = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise MarkdownError(f"line {event.start_mark.line + 2}: front matter uses the YAML alias "
                                f"*{event.anchor}; aliases are not allowed")
        if self._depth >= MAX_DEPTH:
            raise MarkdownError(f"line {self.peek_event().start_mark.line + 2}: front matter is {depth_message()}")
        self._depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


def _front_matter(raw: str) -> tuple[int, str | None]:
    """The length of the front matter block (0 if none) and its `date:` as an ISO string."""
    m = _FRONT_OPEN.match(raw)
    if not m:
        return 0, None
    close = _FRONT_CLOSE.search(raw, m.end())
    if not close:
        return 0, None
    body = raw[m.end() : close.start()]
    if len(body) > FRONT_MATTER_MAX_CHARS:
        raise MarkdownError(f"line 2: front matter is longer than {FRONT_MATTER_MAX_CHARS} characters")
    try:
        data = yaml.load(body, Loader=_FrontMatterLoader)  # a SafeLoader without aliases, see above
    except yaml.YAMLError as exc:
        line = getattr(getattr(exc, "problem_mark", None), "line", 0) + 2
        raise MarkdownError(f"line {line}: front matter is not valid YAML ({getattr(exc, 'problem', exc)})") from None
    published = None
    if isinstance(data, dict) and data.get("date") is not None:
        value = data["date"]
        if isinstance(value, dt.datetime):
            published = value.date().isoformat()
        elif isinstance(value, dt.date):
            published = value.isoformat()
        else:
            published = str(value).strip()
    return close.end(), published


# -- Markdown ---------------------------------------------------------------------------


@cache
def _md() -> MarkdownIt:
    # text_join would merge decoded entities into plain text and lose their source form.
    return MarkdownIt("commonmark").enable(["table", "strikethrough"]).disable("text_join")


_SKIPPED_BLOCKS = {"fence", "code_block", "html_block", "hr"}


def parse_markdown(raw: str) -> Prose:
    fm_end, published = _front_matter(raw)
    # Blank out the front matter so markdown-it's line numbers stay those of the raw file.
    masked = _NEWLINE.sub("\n", raw[:fm_end])
    masked = re.sub(r"[^\n]", " ", masked) + raw[fm_end:]
    lines = _lines(raw)
    b = _Builder(raw)
    for _, end, brk in lines:
        if brk > end:
            b.add(end, brk, "\n")
    blocks: list[tuple[int, int]] = []
    leaves: list[tuple[int, int]] = []
    comments: list[tuple[int, int]] = []
    cursors: dict[int, int] = {}
    for tok in _md().parse(masked):
        if tok.map is None or tok.nesting < 0:
            continue
        first, last = tok.map[0], max(tok.map[1] - 1, tok.map[0])
        span = (lines[first][0], lines[last][1])
        if tok.type == "inline":
            _inline(tok, lines, cursors, b, comments)
            continue
        blocks.append(span)
        if tok.type in _SKIPPED_BLOCKS or tok.type in ("paragraph_open", "heading_open", "tr_open"):
            leaves.append(span)
            # One extra line break after every block keeps blocks apart in the checked text.
            b.add(lines[last][2], lines[last][2], "\n", order=0)
        if tok.type == "html_block":
            comments.extend((span[0] + m.start(), span[0] + m.end()) for m in _COMMENT.finditer(raw[span[0] : span[1]]))
    blocks.sort(key=lambda s: (s[0], -s[1]))
    return b.build(
        published=published,
        comments=tuple(sorted(set(comments))),
        blocks=tuple(dict.fromkeys(blocks)),
        leaves=tuple(sorted(set(leaves))),
    )


def _content_positions(
    tok: Token, raw: str, lines: list[tuple[int, int, int]], cursors: dict[int, int]
) -> list[int] | None:
    """The raw offset of every character of an inline token's content, or None if a line
    cannot be found (the token is then left out rather than mis-positioned)."""
    assert tok.map is not None
    pos: list[int] = []
    parts = tok.content.split("\n")
    for k, part in enumerate(parts):
        n = tok.map[0] + k
        if n >= len(lines):
            return None
        start, end, _ = lines[n]
        cur = cursors.get(n, start)
        raw_line = raw[cur:end]
        i = raw_line.find(part)
        if i < 0:
            return None
        cursors[n] = cur + i + len(part)
        pos.extend(range(cur + i, cur + i + len(part)))
        if k < len(parts) - 1:
            pos.append(end)  # the line break
    return pos


def _inline(
    tok: Token,
    lines: list[tuple[int, int, int]],
    cursors: dict[int, int],
    b: _Builder,
    comments: list[tuple[int, int]],
) -> None:
    pos = _content_positions(tok, b.raw, lines, cursors)
    if pos is None:
        return
    src = tok.content
    if pos:  # a space before every inline run keeps table cells apart
        b.add(pos[0], pos[0], " ", order=0)
    cur = 0
    children = list(tok.children or [])
    i = 0
    while i < len(children):
        c = children[i]
        i += 1
        if c.type == "text":
            at = src.find(c.content, cur)
            if at < 0:
                return
            for j in range(at, at + len(c.content)):
                b.add(pos[j], pos[j] + 1, src[j])
            cur = at + len(c.content)
        elif c.type == "text_special":
            at = src.find(c.markup, cur)
            if at < 0:
                return
            cur = at + len(c.markup)
            b.add(pos[at], pos[cur - 1] + 1, c.content)
        elif c.type == "code_inline":
            at = src.find(c.markup, cur)
            m = re.compile(rf"(?<!`){re.escape(c.markup)}(?!`)").search(src, at + len(c.markup))
            if at < 0 or m is None:
                return
            b.add(pos[at], pos[at] + 1, " ")
            cur = m.end()
        elif c.type == "html_inline":
            at = src.find(c.content, cur)
            if at < 0:
                return
            cur = at + len(c.content)
            if c.content.startswith("<!--"):
                comments.append((pos[at], pos[cur - 1] + 1))
        elif c.type == "link_open" and c.markup == "autolink":
            at = src.find(">", src.find("<", cur))
            if at < 0:
                return
            cur = at + 1
            while i < len(children) and children[i].type != "link_close":
                i += 1
            i += 1
        elif c.type == "link_open":
            at = src.find("[", cur)
            cur = at + 1 if at >= 0 else cur
        elif c.type == "link_close":
            at = src.find("]", cur)
            if at < 0:
                return
            cur = _link_tail(src, at + 1)
        elif c.type == "image":
            at = src.find("![", cur)
            if at < 0:
                return
            cur = _link_tail(src, _close_bracket(src, at + 1) + 1)


def _close_bracket(src: str, i: int) -> int:
    """The index of the `]` matching the `[` at i (or the end)."""
    depth = 0
    while i < len(src):
        ch = src[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":
            depth += 1
        elif ch == "]":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    return len(src) - 1


def _link_tail(src: str, i: int) -> int:
    """Skip a link's `(destination "title")` or `[label]` starting at i."""
    if i < len(src) and src[i] == "[":
        end = src.find("]", i)
        return end + 1 if end >= 0 else i
    if i >= len(src) or src[i] != "(":
        return i
    depth, j, angle = 0, i, False
    while j < len(src):
        ch = src[j]
        if ch == "\\":
            j += 2
            continue
        if ch == "<":
            angle = True
        elif ch == ">":
            angle = False
        elif ch == '"' and not angle:
            close = src.find('"', j + 1)
            j = close if close >= 0 else j
        elif ch == "(" and not angle:
            depth += 1
        elif ch == ")" and not angle:
            depth -= 1
            if depth == 0:
                return j + 1
        j += 1
    return i


# -- plain text --------------------------------------------------------------------------


def parse_plain(raw: str) -> Prose:
    b = _Builder(raw)
    comments = [(m.start(), m.end()) for m in _DIRECTIVE_COMMENT.finditer(raw)]
    pos = 0
    for start, end in comments:
        b.keep(pos, start)  # the comment itself is left out of the text
        pos = end
    b.keep(pos, len(raw))
    paras: list[tuple[int, int]] = []
    pos = 0
    for m in _BLANK_LINE.finditer(raw):
        if raw[pos : m.start()].strip():
            paras.append((pos, m.start()))
        pos = m.end()
    if raw[pos:].strip():
        paras.append((pos, len(raw)))
    return b.build(comments=tuple(comments), blocks=tuple(paras), leaves=tuple(paras))


def parse(raw: str, kind: str) -> Prose:
    """kind: "md" for Markdown, anything else for plain text."""
    return parse_markdown(raw) if kind == "md" else parse_plain(raw)


def kind_of(path: str, default: str = "txt") -> str:
    return "md" if path.lower().endswith(MARKDOWN_SUFFIXES) else default


# -- back to the raw file -----------------------------------------------------------------


def _claim(c: Claim, prose: Prose) -> Claim:
    start, end = prose.raw_span(c.start, c.end)
    return replace(c, span=Span(c.document, start, end, prose.raw[start:end]))


def _claims(claims: Iterable[Claim], proses: dict[str, Prose]) -> Iterator[Claim]:
    for c in claims:
        yield _claim(c, proses[c.document]) if c.document in proses else c


def to_raw(report: Report, proses: dict[str, Prose]) -> Report:
    """The report with every claim's offsets and text in its raw file, and the raw texts
    as the documents' texts (so line and column are computed on the raw file)."""
    docs = tuple(
        Document(d.id, proses[d.id].raw, d.published, d.source) if d.id in proses else d for d in report.documents
    )
    conflicts = tuple(replace(c, claims=tuple(_claims(c.claims, proses))) for c in report.conflicts)
    claims = tuple(_claims(report.claims, proses))
    return replace(report, documents=docs, conflicts=tuple(sorted(conflicts, key=Conflict.sort_key)), claims=claims)


def line_of(raw: str, offset: int) -> int:
    """1-based line of a raw offset (line breaks as CommonMark counts them)."""
    starts = [0, *(m.end() for m in _NEWLINE.finditer(raw))]
    return bisect.bisect_right(starts, offset)
