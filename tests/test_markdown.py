"""Markdown input: prose only, and every position points into the raw file."""

from __future__ import annotations

import pytest

from checker.cli import check_sources
from checker.config import settings_from
from checker.markdown import MarkdownError, parse
from checker.model import Conflict
from checker.report import line_col

QTY = "Russia moved 1,500 troops to Kursk.\n\nThe 15,000 troops arrived in Kursk.\n"
ARI = "Nine people died, among them four police officers and six civilians.\n"


def conflicts(raw: str, kind: str = "md") -> list[Conflict]:
    (report,) = check_sources([("a.md", raw, kind)], settings_from({}))
    for c in report.conflicts:
        for claim in c.claims:
            assert raw[claim.start : claim.end] == claim.text
    return list(report.conflicts)


def positions(raw: str, kind: str = "md") -> list[tuple[str, int, int, str]]:
    return [(c.rule, *line_col(raw, x.start), x.text) for c in conflicts(raw, kind) for x in c.claims]


def test_plain_paragraphs_are_found_at_their_raw_positions() -> None:
    assert positions(QTY) == [("QTY001", 1, 14, "1,500 troops"), ("QTY001", 3, 5, "15,000 troops")]


def test_front_matter_is_skipped_but_counted_in_lines_and_gives_the_date() -> None:
    raw = "---\ntitle: 15,000 troops\ndate: 2024-08-14\n---\n" + QTY
    prose = parse(raw, "md")
    assert prose.published == "2024-08-14"
    assert "title" not in prose.text
    assert positions(raw) == [("QTY001", 5, 14, "1,500 troops"), ("QTY001", 7, 5, "15,000 troops")]


def test_front_matter_that_is_not_yaml_is_an_error() -> None:
    with pytest.raises(MarkdownError, match="front matter"):
        parse("---\ntitle: [unclosed\n---\nText.\n", "md")


def test_emoji_count_as_one_column() -> None:
    raw = "😀 Russia moved 1,500 troops to Kursk.\n\nThe 15,000 troops 🇺🇦 arrived in Kursk.\n"
    assert positions(raw)[0] == ("QTY001", 1, 16, "1,500 troops")


def test_crlf_line_endings() -> None:
    raw = QTY.replace("\n", "\r\n")
    assert positions(raw) == [("QTY001", 1, 14, "1,500 troops"), ("QTY001", 3, 5, "15,000 troops")]


def test_tabs_count_as_one_column() -> None:
    raw = "Russia\tmoved 1,500 troops to Kursk.\n\nThe\t15,000 troops arrived in Kursk.\n"
    assert positions(raw) == [("QTY001", 1, 14, "1,500 troops"), ("QTY001", 3, 5, "15,000 troops")]


def test_entities_are_decoded_for_checking_and_mapped_back_to_the_raw_entity() -> None:
    raw = "AT&amp;T said Russia moved 1,500&nbsp;troops to Kursk.\n\nThe 15,000 troops arrived in Kursk.\n"
    prose = parse(raw, "md")
    assert prose.text.startswith(" AT&T said")
    assert "1,500 troops" in prose.text  # a no-break space is checked as a space
    found = positions(raw)
    assert found[0] == ("QTY001", 1, 28, "1,500&nbsp;troops")


def test_lists_block_quotes_links_and_headings_are_checked() -> None:
    raw = (
        "# Russia moved 1,500 troops to Kursk\n\n"
        "> Later [the 15,000 troops](https://example.com/a_b) arrived in Kursk.\n\n"
        "- Nine people died, among them four police officers and six civilians.\n"
    )
    found = positions(raw)
    assert ("QTY001", 1, 16, "1,500 troops") in found
    assert ("QTY001", 3, 14, "15,000 troops") in found
    assert ("ARI001", 5, 3, "Nine people") in found


def test_heading_does_not_run_into_the_next_paragraph() -> None:
    prose = parse("# Title\nText here.\n", "md")
    assert "Title\n\n" in prose.text


@pytest.mark.parametrize(
    "raw",
    [
        "```\n" + QTY + "```\n",
        "~~~text\n" + ARI + "~~~\n",
        "    " + ARI,
        "Use `" + ARI.strip() + "` here.\n",
        "<div>\n" + ARI + "</div>\n",
        "<!--\n" + ARI + "-->\n",
        "See <https://example.com/nine-people-died-among-them-four-police-officers-and-six-civilians>.\n",
        "Russia moved 1,500 troops to Kursk.\n\n```\nThe 15,000 troops arrived in Kursk.\n```\n",
        "Russia moved 1,500 troops to Kursk.\n\n[link](https://e.com/?q=The+15,000+troops+arrived) arrived.\n",
    ],
)
def test_code_html_comments_and_urls_are_not_checked(raw: str) -> None:
    assert conflicts(raw) == []


def test_plain_text_keeps_everything() -> None:
    assert [c.rule for c in conflicts("```\n" + QTY + "```\n", "txt")] == ["QTY001"]


def test_every_checked_character_maps_to_its_raw_source() -> None:
    raw = "# T &amp; *e* \\* [l](u)\n\n> q 😀\n\n| a | b &lt; |\n|---|---|\n| 1 | 2 |\n"
    prose = parse(raw, "md")
    for i, ch in enumerate(prose.text):
        start, end = prose.raw_span(i, i + 1)
        source = raw[start:end]
        assert ch == source or ch in "\n " or source.startswith(("&", "\\")), (i, ch, source)
    assert "1 2" in prose.text.replace("  ", " ")
