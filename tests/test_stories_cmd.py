"""``sourcebrief stories`` as a user runs it: stories out, bad inputs one line each, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from sourcebrief.model import Citation
from sourcebrief.serve.cli import main
from sourcebrief.serve.stories_cmd import stories, timeline_shown
from sourcebrief.stories.model import TimelineEntry

from .test_stories import HERALD, LEDGER, MATCH


def _write(folder: Path) -> list[str]:
    texts = {
        "ledger.txt": "Lakeview to close central library\n\n" + LEDGER,
        "herald.txt": "Council shuts Lakeview library\n\n" + HERALD,
        "match.txt": "Riverside United go top\n\n" + MATCH,
    }
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    return [str(folder / name) for name in texts]


def test_stories_cmd_json_groups_inputs(tmp_path: Path) -> None:
    result = CliRunner().invoke(stories, [*_write(tmp_path), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert sorted(len(s["articles"]) for s in data["stories"]) == [1, 2]


def test_stories_cmd_markdown_and_bad_input(tmp_path: Path) -> None:
    missing = str(tmp_path / "missing.txt")
    result = CliRunner().invoke(stories, [*_write(tmp_path), missing])
    assert result.exit_code == 1
    assert "# Story: Lakeview to close central library" in result.stdout
    problem_lines = [line for line in result.stderr.splitlines() if "missing.txt" in line]
    assert len(problem_lines) == 1


def test_brief_with_stories_keeps_single_article_briefings(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["brief", *_write(tmp_path), "--stories", "--format", "json"])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert [b["title"] for b in data["briefings"]] == [
        "Lakeview to close central library",
        "Council shuts Lakeview library",
        "Riverside United go top",
    ]
    assert {"status", "claims", "sources", "reporting_chain", "briefing", "articles"} <= set(data["briefings"][0])
    [library] = [s for s in data["stories"] if len(s["articles"]) == 2]
    assert {"claims", "sources", "reporting_chain", "timeline", "briefing"} <= set(library)
    assert sum(len(s["articles"]) for s in data["stories"]) == 3


def test_brief_with_stories_in_markdown_adds_the_story(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["brief", *_write(tmp_path), "--stories"])
    assert result.exit_code == 0, result.stderr
    assert "# Story: Lakeview to close central library" in result.stdout


def test_brief_with_stories_refuses_a_format_without_stories(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["brief", *_write(tmp_path), "--stories", "--format", "html"])
    assert result.exit_code == 2
    assert "--stories works with --format md or json" in result.stderr


def test_stories_cmd_timeline_shows_every_article_and_says_what_it_left_out() -> None:
    citation = Citation("a", 0, 1)
    timeline = tuple(
        TimelineEntry(None, article, "s1", f"{article} {n}", (citation,)) for article in "ab" for n in range(5)
    )
    shown = timeline_shown(timeline, 4)
    assert [e.text for e in shown] == ["a 0", "a 1", "b 0", "b 1"]


def test_stories_cmd_markdown_escapes_a_records_date(tmp_path: Path) -> None:
    record = {
        "id": "x",
        "title": "Lakeview to close central library",
        "text": LEDGER,
        "date": "[x](https://evil.example)",
    }
    (tmp_path / "in.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    result = CliRunner().invoke(stories, [str(tmp_path / "in.jsonl")])
    assert result.exit_code == 0, result.stderr
    assert "[x](https://evil.example)" not in result.stdout and "\\[x\\](https://evil.example)" in result.stdout
