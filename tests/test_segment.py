"""Sentence and quotation boundaries, offsets preserved."""

import pytest

from checker.segment import segment

CASES = [
    ("Gen. Smith met U.S. officials at 9 a.m. on Monday. No. 3 was there.", ["Gen. Smith met U.S. officials at 9 a.m. on Monday.", "No. 3 was there."]),
    ("The blast came at 11:30 p.m. Ten minutes later, police arrived.", ["The blast came at 11:30 p.m.", "Ten minutes later, police arrived."]),
    ("J. K. Rowling spoke. She left.", ["J. K. Rowling spoke.", "She left."]),
    ("“We left,” he said. “Then we ran.”", ["“We left,” he said.", "“Then we ran.”"]),
    ("Line one\nLine two continues.\n\nNew paragraph.", ["Line one\nLine two continues.", "New paragraph."]),
]


@pytest.mark.parametrize("text,expected", CASES)
def test_sentences(text, expected):
    segs = segment(text)
    assert [text[s.start : s.end] for s in segs.sentences] == expected


def test_quotations_pair_by_direction():
    text = "He said “a” and “b”. Then “unbalanced"
    assert [text[a:b] for a, b in segment(text).quotes] == ["“a”", "“b”"]


ATTRIBUTIONS = [
    ("Police said 40 people died.", "police"),
    ("“We left,” said John Smith.", "john smith"),
    ("Exports fell 3%, the ministry said in a statement on Wednesday.", "ministry"),
    ("The truce was announced on Monday, but shelling continued.", None),  # passive: no source
    ("Residents fled after reports that troops had crossed.", None),  # "reports" is a noun here
    ("According to the monitoring site DeepState, units advanced.", "monitoring site deepstate"),
    # an appositive describes the source; the source is the subject before it
    ("Organisers, a coalition of student groups and opposition parties, said 100,000 people took part.", "organisers"),
    ("The ministry, which runs the ports, said exports fell.", "ministry"),
    # a speech verb written with a capital inside a sentence is part of a name
    ("After six weeks under detention, the tanker sailed for Port Said on Tuesday.", None),
]


@pytest.mark.parametrize("text,source", ATTRIBUTIONS)
def test_attribution(text, source):
    from checker.attribution import attribute_span

    assert attribute_span(text, 0, len(text)).source == source


def test_a_statement_and_a_pronoun_speak_for_the_body_named_before():
    from checker.attribution import attribute

    text = ("The army said on Sunday that 21 soldiers were killed.\n\n"
            "The convoy was attacked on the road to Ansongo, the statement said. "
            "Among the dead were nine officers, it said.")
    assert [a.source for a in attribute(segment(text))] == ["army", "army", "army"]


def test_a_common_noun_body_after_a_name_of_another_kind_is_a_party_of_its_own():
    """"the company" after "Porsche AG" may be Porsche; "the ministry" after "the Social
    Alliance" (a name that says what kind of body it is) is not the alliance."""
    from checker.attribution import attribute

    text = ("The Social Alliance said Halvorsen signed the contract on 2 May. "
            "The ministry said Halvorsen had not signed the contract.")
    assert [a.source for a in attribute(segment(text))] == ["social alliance", "ministry"]
    text = "Porsche AG said sales rose. The company said sales fell."
    assert [a.source for a in attribute(segment(text))] == ["porsche ag", None]
