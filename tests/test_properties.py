"""Properties of the engine that must hold for any input."""

import orjson
from hypothesis import given
from hypothesis import strategies as st

import checker
from checker.units import from_base, lookup, to_base

weird_text = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=400
) | st.lists(
    st.sampled_from(["1,500", " troops", "\r\n", "\x00", "😀", "é", "\u200f", "more than ", "$", "3.2bn", "%", ". ", "“", "about", "1" * 30]),
    max_size=40,
).map("".join)


@given(weird_text)
def test_never_raises_and_offsets_are_exact(text):
    report = checker.check([{"id": "d", "text": text}])
    for c in report.claims:
        assert text[c.start : c.end] == c.text
    for conflict in report.conflicts:
        assert len(conflict.claims) >= 2


@given(weird_text)
def test_deterministic(text):
    a = orjson.dumps(checker.check(text).to_dict(include_claims=True), option=orjson.OPT_SORT_KEYS)
    b = orjson.dumps(checker.check(text).to_dict(include_claims=True), option=orjson.OPT_SORT_KEYS)
    assert a == b


LENGTHS = ["km", "mi", "metres", "feet", "yards", "nautical miles"]


@given(st.integers(min_value=20, max_value=900), st.sampled_from(LENGTHS), st.sampled_from(LENGTHS))
def test_restated_in_other_unit_about_never_conflicts(value, u1, u2):
    base = to_base(value, lookup(u1, False))
    other = from_base(base, lookup(u2, False))
    rounded = float(f"{other:.3g}")
    text = f"The brigade holds a {value}-{u1} front. Along the front of about {rounded:,g} {u2}, the brigade holds the front."
    assert [c for c in checker.check(text).conflicts if c.rule == "QTY001"] == []


@given(st.integers(min_value=100, max_value=90_000), st.sampled_from([10, 100, 0.1]))
def test_scaled_restatement_conflicts(value, factor):
    # A slipped scale keeps the digits (1,500 -> 15,000 or 150); the engine relies on that.
    value = value * 10 if factor < 1 else value
    changed = value * factor if factor > 1 else value // 10
    text = f"Russia moved {value:,} troops to the border on Monday. The {changed:,} troops arrived on Monday."
    found = [c for c in checker.check(text).conflicts if c.rule == "QTY001"]
    assert found, text


def _findings(docs):
    return {(c.rule, tuple(sorted((x.document, x.text) for x in c.claims))) for c in checker.check(docs).conflicts}


@given(st.permutations(["Russia moved 1,500 troops to Kursk.", "Russia moved 15,000 troops to Kursk.", "Rain fell in Kyiv."]))
def test_document_order_does_not_change_findings(texts):
    docs = [{"id": t, "text": t} for t in texts]
    assert _findings(docs) == _findings(sorted(docs, key=lambda d: d["id"]))
    assert len(_findings(docs)) == 1


@given(st.sampled_from(["Rain fell in Kyiv.", "The mayor opened a school.", "Markets were calm."]), st.booleans())
def test_unrelated_sentence_changes_nothing(extra, before):
    base = ["Russia moved 1,500 troops to Kursk.", "Russia moved 15,000 troops to Kursk."]
    with_extra = [extra, *base] if before else [base[0], extra, base[1]]
    a = [(c.rule, [x.text for x in c.claims]) for c in checker.check(" ".join(base)).conflicts]
    b = [(c.rule, [x.text for x in c.claims]) for c in checker.check(" ".join(with_extra)).conflicts]
    assert a == b and a
