"""The corpus loads, meets its documented shape, and the engine does not score worse on
it than the committed baseline (corpus/baseline.json): a ratchet raised as rules improve."""

import json
from pathlib import Path

import pytest

from checker.corpus import CorpusError, load_case, load_corpus
from checker.evaluate import evaluate, evaluate_case, regressions

ROOT = Path(__file__).resolve().parent.parent / "corpus"


@pytest.fixture(scope="module")
def scored():
    return evaluate(ROOT)


def test_corpus_shape():
    cases = load_corpus(ROOT / "cases")
    assert len(cases) >= 230
    assert sum(1 for c in cases if c.is_trap) >= 70
    assert sum(1 for c in cases if len(c.documents) > 1) >= 35
    assert len({c.desk for c in cases}) >= 15


def test_no_regression_against_baseline(scored):
    current, _ = scored
    baseline = json.loads((ROOT / "baseline.json").read_text())
    assert regressions(current, baseline) == []


@pytest.mark.parametrize("name,size", [("holdout", 30), ("holdout2", 24)])
def test_holdout_loads_and_does_not_regress(name, size):
    """The held-out sets measure generalization: scored, never tuned against."""
    holdout = ROOT / name
    cases = load_corpus(holdout)
    assert len(cases) >= size
    current, _ = evaluate(holdout)
    baseline = json.loads((holdout / "baseline.json").read_text())
    assert regressions(current, baseline) == []


@pytest.mark.parametrize("name", sorted(p.name for p in ROOT.glob("blind-*")))
def test_blind_sets_are_read_without_failure(name):
    """The blind sets are scored, never tuned against or ratcheted here; but a document the
    engine fails on is a defect whatever the set, and it would score as a silent case."""
    results = [evaluate_case(c) for c in load_corpus(ROOT / name)]
    assert [f"{r.case.id}/{d}" for r in results for d in r.unchecked] == []


def test_loader_fails_loudly_on_missing_quote(tmp_path):
    bad = tmp_path / "conflict-bad.toml"
    bad.write_text(
        'id = "conflict-bad"\ndesk = "conflict"\n[[documents]]\nid = "main"\ntext = "One two."\n'
        '[[conflicts]]\nfamily = "quantity"\nkind = "inconsistent"\n'
        'a = { quote = "One" }\nb = { quote = "three" }\n'
    )
    with pytest.raises(CorpusError, match="not found"):
        load_case(bad)


def test_loader_fails_on_ambiguous_quote(tmp_path):
    bad = tmp_path / "conflict-bad.toml"
    bad.write_text(
        'id = "conflict-bad"\ndesk = "conflict"\n[[documents]]\nid = "main"\ntext = "two and two"\n'
        '[[conflicts]]\nfamily = "quantity"\nkind = "inconsistent"\n'
        'a = { quote = "two" }\nb = { quote = "and" }\n'
    )
    with pytest.raises(CorpusError, match="occurrence"):
        load_case(bad)


def _weekday_case(tmp_path, a: str, b: str):
    case = tmp_path / "courts-weekday.toml"
    case.write_text(
        'id = "courts-weekday"\ndesk = "courts"\n[[documents]]\nid = "main"\npublished = "2024-05-20"\n'
        'text = "He was sentenced on Tuesday. Her lawyer, who attended the hearing on Thursday 14 May, wept."\n'
        f'[[conflicts]]\nfamily = "weekday"\nkind = "inconsistent"\na = {{ quote = "{a}" }}\nb = {{ quote = "{b}" }}\n'
    )
    return evaluate_case(load_case(case))


def test_a_weekday_slip_inside_one_quote_is_found_whatever_it_is_set_against(tmp_path):
    # 14 May 2024 was a Tuesday: the writer set "Thursday 14 May" against "on Tuesday"
    result = _weekday_case(tmp_path, "Thursday 14 May", "on Tuesday")
    assert [hit is not None for _, hit, _ in result.found] == [True] and result.false_alarms == []
    # the usual annotation, the weekday against its own date, still matches
    result = _weekday_case(tmp_path, "Thursday", "14 May")
    assert [hit is not None for _, hit, _ in result.found] == [True] and result.false_alarms == []
    # a quote holding only the weekday is no quote holding both claims
    result = _weekday_case(tmp_path, "Thursday", "on Tuesday")
    assert [hit is not None for _, hit, _ in result.found] == [False]
