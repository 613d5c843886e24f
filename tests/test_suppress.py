"""Inline directives and baselines."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.cli import UsageError, check_sources
from checker.config import settings_from
from checker.report import Report
from checker.suppress import DirectiveError, apply_baseline, load_baseline, write_baseline

QTY = "Russia moved 1,500 troops to Kursk. The 15,000 troops arrived in Kursk."
ARI = "Nine people died, among them four police officers and six civilians."
TANKS = "Russia moved 2,500 tanks to Kursk. The 25,000 tanks arrived in Kursk."
PARAGRAPHS = [QTY, ARI, TANKS, "Roads were closed.", "Seven soldiers were wounded, among them five officers and four medics."]


def run(raw: str, kind: str = "md", path: str = "a.md") -> Report:
    (report,) = check_sources([(path, raw, kind)], settings_from({}))
    return report


def rules(raw: str, kind: str = "md") -> list[str]:
    return [c.rule for c in run(raw, kind).conflicts]


def test_ignore_covers_the_next_block_only() -> None:
    raw = f"<!-- checker: ignore QTY001 -->\n{QTY}\n\n{TANKS}\n"
    found = run(raw).conflicts
    assert [c.claims[0].text for c in found] == ["2,500 tanks"]
    assert run(raw).stats["suppressed"] == 1


def test_ignore_without_codes_covers_every_code_and_a_whole_list() -> None:
    raw = f"<!-- checker: ignore -->\n- {QTY}\n- {ARI}\n\n{TANKS}\n"
    assert [c.claims[0].text for c in run(raw).conflicts] == ["2,500 tanks"]


def test_ignore_for_another_code_changes_nothing() -> None:
    assert rules(f"<!-- checker: ignore ARI -->\n{QTY}\n") == ["QTY001"]


def test_off_and_on_make_a_region() -> None:
    raw = f"<!-- checker: off -->\n\n{QTY}\n\n{ARI}\n\n<!-- checker: on -->\n\n{TANKS}\n"
    assert [c.claims[0].text for c in run(raw).conflicts] == ["2,500 tanks"]


def test_off_without_on_runs_to_the_end() -> None:
    assert rules(f"{ARI}\n\n<!-- checker: off QTY -->\n\n{QTY}\n\n{TANKS}\n") == ["ARI001"]


def test_per_claim_form_names_the_quoted_text() -> None:
    assert rules(f'<!-- checker: ignore QTY001 "15,000 troops" -->\n{QTY}\n') == []
    assert rules(f'<!-- checker: ignore QTY001 "2,500 tanks" -->\n{QTY}\n') == ["QTY001"]
    assert rules(f'{QTY} <!-- checker: ignore QTY001 "1,500 troops" -->\n') == []


def test_a_directive_shown_in_code_takes_no_effect() -> None:
    assert rules(f"```\n<!-- checker: off -->\n```\n\n{QTY}\n") == ["QTY001"]


def test_directives_in_plain_text() -> None:
    assert rules(f"<!-- checker: ignore QTY001 -->\n{QTY}\n\n{TANKS}\n", "txt") == ["QTY001"]
    assert len(run(f"<!-- checker: ignore QTY001 -->\n{QTY}\n\n{TANKS}\n", "txt").conflicts) == 1


@pytest.mark.parametrize(
    ("comment", "message"),
    [
        ("<!-- checker: ignroe QTY001 -->", "unknown directive"),
        ("<!-- checker: ignore XYZ001 -->", "matches no rule code"),
        ('<!-- checker: off "15,000" -->', "only goes with `ignore`"),
    ],
)
def test_bad_directives_are_errors_that_name_the_line(comment: str, message: str) -> None:
    with pytest.raises(UsageError, match=f"a.md: line 3: .*{message}"):
        run(f"Intro.\n\n{comment}\n{QTY}\n")


def test_directive_error_is_a_value_error() -> None:
    assert issubclass(DirectiveError, ValueError)


def test_baseline_survives_inserting_lines_above_a_finding(tmp_path: Path) -> None:
    before = f"# Draft\n\n{QTY}\n\n{ARI}\n"
    base = tmp_path / "baseline.json"
    assert write_baseline(base, [run(before)]) == 2
    after = f"# Draft\n\nA new first paragraph.\n\nAnd another\nover two lines.\n\n{QTY}\n\n{ARI}\n\n{TANKS}\n"
    left = apply_baseline([run(after)], load_baseline(base))
    assert [c.claims[0].text for c in left[0].conflicts] == ["2,500 tanks"]
    assert left[0].stats["baselined"] == 2


def test_baseline_counts_repeated_findings(tmp_path: Path) -> None:
    base = tmp_path / "baseline.json"
    write_baseline(base, [run(f"{QTY}\n")])
    left = apply_baseline([run(f"{QTY}\n\n{QTY}\n")], load_baseline(base))
    assert len(left[0].conflicts) == len(run(f"{QTY}\n\n{QTY}\n").conflicts) - 1


def test_baseline_is_per_file(tmp_path: Path) -> None:
    base = tmp_path / "baseline.json"
    write_baseline(base, [run(f"{QTY}\n", path="a.md")])
    assert len(apply_baseline([run(f"{QTY}\n", path="b.md")], load_baseline(base))[0].conflicts) == 1


@pytest.mark.parametrize("body", ["not json", '{"findings": []}', '{"checker_baseline": 1, "findings": [1]}'])
def test_a_bad_baseline_is_an_error(tmp_path: Path, body: str) -> None:
    base = tmp_path / "baseline.json"
    base.write_text(body, encoding="utf-8")
    with pytest.raises(DirectiveError):
        load_baseline(base)


def fingerprints(report: Report) -> Counter[str]:
    return Counter(c.fingerprint for c in report.conflicts)


DIRECTIVES = st.sampled_from(
    [
        "<!-- checker: ignore -->",
        "<!-- checker: ignore QTY001 -->",
        "<!-- checker: ignore ARI -->",
        '<!-- checker: ignore QTY001 "15,000 troops" -->',
        '<!-- checker: ignore "Nine people" -->',
        "<!-- checker: off -->",
        "<!-- checker: off QTY -->",
        "<!-- checker: on -->",
    ]
)


@settings(max_examples=40)
@given(
    paras=st.lists(st.sampled_from(PARAGRAPHS), min_size=1, max_size=5),
    inserts=st.lists(st.tuples(st.integers(0, 5), DIRECTIVES, st.booleans()), min_size=1, max_size=3),
)
def test_suppressing_a_finding_never_adds_another(
    paras: list[str], inserts: list[tuple[int, str, bool]]
) -> None:
    blocks = list(paras)
    for where, directive, inline in inserts:
        i = min(where, len(blocks))
        if inline and i < len(blocks):
            blocks[i] = f"{blocks[i]} {directive}"
        else:
            blocks.insert(i, directive)
    before = fingerprints(run("\n\n".join(paras) + "\n"))
    after = fingerprints(run("\n\n".join(blocks) + "\n"))
    assert after <= before
