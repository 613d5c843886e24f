"""What every extractor sees: the document prepared once (segments, attributions, scope
expressions, number cores, found by one pass each over the whole text), and a view of
one sentence of it. Built by the engine; extractors only read it, except `state`, a
per-document scratch space for things like the last person named."""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from ..attribution import NONE, Attribution, Cues, attribute, attribute_span, speaker
from ..model import Document
from ..parse import Parse, ParsedSentence, parse
from ..scope import nearest, places_in, times_in
from ..segment import Segments, Sentence, segment
from .casescan import lowered
from .numbers import Core, cores

# Tabs and the Unicode spaces that reporters' tools insert (no-break, thin, narrow
# no-break): read as plain spaces, one character for one, so every offset stays an offset
# into the original (and the tokenizer makes no whitespace token of them).
_SPACES = re.compile("[\t\u00a0\u2002-\u200a\u202f\u205f\u3000]")


def _bucket(items: list[Any], starts: tuple[int, ...], key: Any) -> list[list[Any]]:
    out: list[list[Any]] = [[] for _ in starts]
    for it in items:
        i = bisect.bisect_right(starts, key(it)) - 1
        if i >= 0:
            out[i].append(it)
    return out


@dataclass(slots=True)
class DocumentContext:
    doc: Document  # text with odd spaces read as spaces; claims quote the original
    original: Document
    segments: Segments
    attributions: list[Attribution]
    times: list[list[tuple[int, int, str]]]
    places: list[list[tuple[int, int, str]]]
    cores: list[list[Core]]
    cues: Cues
    skipped: Counter[str]
    parse: Parse
    state: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def build(cls, doc: Document, skipped: Counter[str]) -> DocumentContext:
        view = Document(doc.id, _SPACES.sub(" ", doc.text), doc.published, doc.source)
        segs = segment(view.text)
        starts = tuple(s.start for s in segs.sentences)
        text = view.text
        low = lowered(text)
        cues = Cues(text)
        parsed = parse(text, segs)
        _drop_acts(cues, parsed, segs)
        return cls(
            doc=view,
            original=doc,
            segments=segs,
            attributions=attribute(segs, cues),
            times=_bucket(times_in(text, 0, len(text), low), starts, lambda t: t[0]),
            places=_bucket(places_in(text, 0, len(text)), starts, lambda t: t[0]),
            cores=_bucket(cores(text, 0, len(text), low), starts, lambda c: c.start),
            cues=cues,
            skipped=skipped,
            parse=parsed,
        )

    def sentences(self) -> list[SentenceContext]:
        return [SentenceContext(self, s) for s in self.segments.sentences]


@dataclass(slots=True)
class SentenceContext:
    document: DocumentContext
    sentence: Sentence

    @property
    def doc(self) -> Document:
        return self.document.doc

    @property
    def text(self) -> str:
        return self.document.doc.text

    @property
    def segments(self) -> Segments:
        return self.document.segments

    @property
    def parsed(self) -> ParsedSentence:
        """This sentence's tokens, tags, lemmas and dependency relations."""
        return self.document.parse.sentences[self.sentence.index]

    @property
    def attribution(self) -> Attribution:
        return self.document.attributions[self.sentence.index]

    @property
    def times(self) -> list[tuple[int, int, str]]:
        return self.document.times[self.sentence.index]

    @property
    def places(self) -> list[tuple[int, int, str]]:
        return self.document.places[self.sentence.index]

    @property
    def cores(self) -> list[Core]:
        return [c for c in self.document.cores[self.sentence.index] if c.end <= self.sentence.end]

    @property
    def state(self) -> dict[str, Any]:
        return self.document.state

    def attribution_at(self, pos: int) -> Attribution:
        """The attribution of the clause holding pos when a semicolon joins two voices
        ("Kyiv said it received 250; Russia said it handed over 212"), else the sentence's."""
        s = self.sentence
        if self._in_speaker(pos) or self._before_speech_conjunct(pos):
            # "Smith, who was jailed for five years, said ...", "The 300 protesters said":
            # the words naming the source are the reporter's, not the source's claim
            return NONE
        second = self._second_voice(pos)
        if second is not None:
            return second
        semi = self.text.find(";", s.start, s.end)
        if semi < 0:
            return self.attribution
        lo = self.text.rfind(";", s.start, pos) + 1 or s.start
        hi = self.text.find(";", pos, s.end)
        own = attribute_span(self.text, max(lo, s.start), hi if hi >= 0 else s.end, self.document.cues)
        return own if own.source is not None else self.attribution

    def _in_speaker(self, pos: int) -> bool:
        key = ("speaker_span", self.sentence.index)
        if key not in self.state:
            subj = speaker(self.parsed)
            self.state[key] = (self.parsed.start_of(subj.left_edge), self.parsed.end_of(subj.right_edge)) \
                if subj is not None else None
        span = self.state[key]
        return span is not None and span[0] <= pos < span[1]

    def _second_voice(self, pos: int) -> Attribution | None:
        """"Police said the gates were locked, but organisers said they were open": what a
        speech verb coordinated after another one carries is its own subject's."""
        for lo, hi, att in self._coordinated_voices()[1]:
            if lo <= pos < hi:
                return att
        return None

    def _before_speech_conjunct(self, pos: int) -> bool:
        """"The embargo was lifted last month, but the federation says orders have been
        slow": a clause coordinated before a speech verb's own clause is the reporter's,
        not what the speaker says. Read from the parse: the speech verb is a conjunct of
        a clause that is no speech verb, and pos lies in that clause before it."""
        return any(lo <= pos < hi for lo, hi in self._coordinated_voices()[0])

    def _coordinated_voices(self) -> tuple[list[tuple[int, int]], list[tuple[int, int, Attribution]]]:
        key = ("coordinated_voices", self.sentence.index)
        if key not in self.state:
            self.state[key] = _coordinated_voices(self.parsed)
        return self.state[key]

    def in_quote(self, start: int, end: int) -> bool:
        return self.segments.in_quote(start, end)

    def skip(self, reason: str) -> None:
        self.document.skipped[reason] += 1

    def place_near(self, start: int, end: int, c_lo: int, c_hi: int,
                   own: Callable[[tuple[int, int, str]], bool] | None = None) -> str | None:
        """A place in the figure's own clause; failing that, the sentence's only place.
        `own` rules out places the parse puts in another clause."""
        places = [p for p in self.places if own is None or own(p)]
        inside = [p for p in places if c_lo <= p[0] and p[1] <= c_hi]
        if inside:
            return nearest(inside, start, end)
        keys = {p[2] for p in places}
        return next(iter(keys)) if len(keys) == 1 else None


def _drop_acts(cues: Cues, parsed: Parse, segs: Segments) -> None:
    """Drop the speech cues the parse reads as acts on a thing, not reports: a verb with a
    nominal object and no clause of its own ("U.S. employers added 180,000 jobs", "the
    fire claimed 20 lives"), so that the sentence's source is the voice that reports it
    ("..., the Labor Department said"). A verb by which a voice gives a count ("police
    counted 3,000 marchers") keeps its subject as the count's source."""
    from ..lexicon import lexicon
    from ..syntax import child, lemma

    words = lexicon().words["attribution"]
    giving = set(words["count_giving_verbs"]) | set(words["reporting_with_object"])
    keep = []
    for m in cues.verbs.matches:
        i = segs.sentence_at(m.start()).index
        tok = parsed.sentences[i].token_at(m.start()) if i < len(parsed.sentences) else None
        obj = child(tok, "obj") if tok is not None and tok.pos_ == "VERB" else None
        if (obj is not None and obj.pos_ in ("NOUN", "NUM", "PROPN") and lemma(tok) not in giving
                and child(tok, "ccomp") is None
                # "Police said about 4,000 supporters joined the march", parsed with the
                # supporters as the object and "joined" a clause on them: a finite verb on
                # the object is the lost clause the voice reports
                and not any(c.dep_.startswith("acl") and c.tag_ in ("VBD", "VBZ", "VBP", "MD") for c in obj.children)):
            continue
        if (tok is not None and tok.tag_ == "VBN"
                and child(tok, "nsubj", "nsubj:pass", "aux", "aux:pass", "obl:agent") is None
                and not any(c.dep_ == "obl" and c.i > tok.i and any(g.lower_ == "by" for g in c.children)
                            for c in tok.children)):
            # "from the 275,000 first reported": a participle that qualifies a noun, with
            # no one named who reported it, names no source
            continue
        keep.append(m)
    if len(keep) != len(cues.verbs.matches):
        cues.verbs = type(cues.verbs)(keep)


@cache
def _speech_lemmas() -> frozenset[str]:
    from ..lexicon import lexicon

    return frozenset(lexicon().words["attribution"]["speech_lemmas"])


def _coordinated_voices(parsed: ParsedSentence) -> tuple[list[tuple[int, int]], list[tuple[int, int, Attribution]]]:
    """One pass over a sentence's speech verbs coordinated after another clause: the
    character spans of clauses a speech verb follows that are no speech of their own (the
    reporter's), and the complements of speech verbs coordinated after another speech verb,
    each with its own subject as the source."""
    from ..attribution import source_key
    from ..syntax import SUBJECTS, child, lemma

    speech = _speech_lemmas()
    reporters: list[tuple[int, int]] = []
    voices: list[tuple[int, int, Attribution]] = []
    for v in parsed:
        head = v.head
        if v.pos_ != "VERB" or v.dep_ != "conj" or lemma(v) not in speech:
            continue
        if lemma(head) not in speech:
            if head.i < v.i and child(v, *SUBJECTS) is not None:
                reporters.append((parsed.start_of(head.left_edge), parsed.start_of(v.left_edge)))
            continue
        subject, said = child(v, "nsubj"), child(v, "ccomp")
        if subject is None or said is None or subject.pos_ == "PRON":
            continue
        source = source_key(" ".join(t.text for t in subject.subtree))
        if source:
            voices.append((parsed.start_of(said.left_edge), parsed.end_of(said.right_edge),
                           Attribution(source, v.lower_, False)))
    return reporters, voices
