"""Offset-preserving segmentation: paragraphs, sentences and quotations.

Every boundary is an offset into the original text; nothing here rewrites the text.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from .lexicon import lexicon

# Sentence-final punctuation with any closing quotes or brackets after it. The class
# repetitions are bounded by what follows (whitespace or end), so there is no nested
# quantifier to backtrack over.
_END = re.compile(r"[.!?]+[\"”’)\]]*(?=\s|$)")
_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")
_INITIAL = re.compile(r"(?:^|[\s(“\"])(?:[A-Z]\.|(?:[A-Za-z]\.){2,})$")
_TERMINAL = ".!?\"”’:)"
_NEWLINE = re.compile(r"\n")
_NEXT_WORD = re.compile(r"[A-Za-z]+")
_QUOTE_CHARS = re.compile(r"[“”\"]")


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    paragraph: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Segments:
    text: str
    sentences: tuple[Sentence, ...]
    quotes: tuple[tuple[int, int], ...]
    _starts: tuple[int, ...]
    _line_starts: tuple[int, ...]

    def sentence_at(self, offset: int) -> Sentence:
        i = bisect.bisect_right(self._starts, offset) - 1
        return self.sentences[max(i, 0)]

    def line_at(self, offset: int) -> tuple[int, int]:
        """The start and end (before its newline) of the line holding offset: tables are
        read by lines, however the sentences run across them."""
        i = bisect.bisect_right(self._line_starts, offset) - 1
        end = self._line_starts[i + 1] - 1 if i + 1 < len(self._line_starts) else len(self.text)
        return self._line_starts[i], end

    def in_quote(self, start: int, end: int) -> bool:
        return any(qs <= start and end <= qe for qs, qe in self.quotes)


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Blank lines end a paragraph; so does a line break after sentence-final
    punctuation, since pasted copy often has one paragraph per line."""
    spans: list[tuple[int, int]] = []
    start = 0
    breaks = [m.start() for m in _BLANK_LINE.finditer(text)]
    for m in _NEWLINE.finditer(text):
        j = m.start() - 1
        while j >= 0 and text[j] in " \t\r":
            j -= 1
        if j >= 0 and text[j] in _TERMINAL:
            breaks.append(m.start())
    for b in sorted(set(breaks)):
        if b > start:
            spans.append((start, b))
        start = b + 1
    if start < len(text):
        spans.append((start, len(text)))
    return [(s, e) for s, e in (_trim(text, s, e) for s, e in spans) if e > s]


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def _is_boundary(text: str, stop: int, end: int) -> bool:
    """stop: offset of the first period/!/? of the match; end: offset after the match."""
    nxt = end
    while nxt < len(text) and text[nxt] in " \t":
        nxt += 1
    if nxt < len(text) and (text[nxt].islower() or text[nxt].isdigit()):
        return False
    if text[stop] != ".":
        return True
    word_start = max(text.rfind(" ", 0, stop), text.rfind("\n", 0, stop)) + 1
    word = text[word_start : stop + 1].lstrip("(“\"")
    lex = lexicon()
    if word in lex.abbreviations:
        if nxt < len(text) and text[nxt] == "\n":
            return True
        following = _NEXT_WORD.match(text, nxt)
        return word in lex.may_end and following is not None and following.group(0) in lex.starters
    return not _INITIAL.search(text[max(0, stop - 8) : stop + 1])


def sentences_in(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    s = start
    for m in _END.finditer(text, start, end):
        if _is_boundary(text, m.start(), m.end()):
            out.append(_trim(text, s, m.end()))
            s = m.end()
    if s < end:
        out.append(_trim(text, s, end))
    return [(a, b) for a, b in out if b > a]


def quotations(text: str) -> list[tuple[int, int]]:
    """Curly quotes pair by direction; straight double quotes pair in order within a
    paragraph. An unbalanced quote opens nothing."""
    spans: list[tuple[int, int]] = []
    for ps, pe in paragraphs(text):
        open_at: int | None = None
        straight: int | None = None
        for m in _QUOTE_CHARS.finditer(text, ps, pe):
            i, ch = m.start(), m.group(0)
            if ch == "“":
                open_at = i
            elif ch == "”" and open_at is not None:
                spans.append((open_at, i + 1))
                open_at = None
            elif ch == '"':
                if straight is None:
                    straight = i
                else:
                    spans.append((straight, i + 1))
                    straight = None
    return sorted(spans)


def segment(text: str) -> Segments:
    sents: list[Sentence] = []
    for p, (ps, pe) in enumerate(paragraphs(text)):
        for s, e in sentences_in(text, ps, pe):
            sents.append(Sentence(len(sents), p, s, e))
    if not sents:
        sents.append(Sentence(0, 0, 0, len(text)))
    lines = (0, *(m.end() for m in _NEWLINE.finditer(text)))
    return Segments(text, tuple(sents), tuple(quotations(text)), tuple(x.start for x in sents), lines)
