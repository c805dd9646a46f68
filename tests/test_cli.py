"""The command line as a user meets it: real processes, stderr lines, exit codes."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import CASES

GERMAN = (
    "Der Stadtrat hat am Dienstag beschlossen, das Busnetz auszubauen. Der Bürgermeister sagte, der Plan "
    "werde die Fahrzeiten verkürzen. Kritiker meinten, die Kosten seien viel zu hoch für die Stadt."
)


def run(*args: str, cwd: Path | None = None, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "sourcebrief", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=300,
        check=False,
    )


@pytest.fixture(scope="module")
def bad_inputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path | str]:
    folder = tmp_path_factory.mktemp("bad")
    (folder / "empty.txt").write_text("")
    (folder / "binary.bin").write_bytes(b"\x00\x01\x02\x03" * 100)
    (folder / "nav-only.html").write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>")
    (folder / "german.txt").write_text(GERMAN)
    (folder / "huge.html").write_bytes(b"<html><body>" + b"<p>word word word</p>" * 2_500_000)
    return {
        "missing": folder / "missing.html",
        "empty": folder / "empty.txt",
        "binary": folder / "binary.bin",
        "no text": folder / "nav-only.html",
        "German": folder / "german.txt",
        "huge": folder / "huge.html",
        "offline URL": "https://unresolvable.invalid/story",
    }


EXPECTED = {
    "missing": "no such file",
    "empty": "empty",
    "binary": "binary",
    "no text": "no article text",
    "German": "German (de)",
    "huge": "over the 20 MB limit",
    "offline URL": "fetching failed",
}


def test_cli_bad_inputs_are_one_line_each_and_the_good_one_is_briefed(bad_inputs: dict[str, Path | str]) -> None:
    good = CASES / "harbor-report.txt"
    result = run("brief", *map(str, bad_inputs.values()), str(good), "--format", "json")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    for name, item in bad_inputs.items():
        [line] = [line for line in lines if f": {item}: " in line or line.startswith(f"sourcebrief: {item}: ")]
        assert EXPECTED[name] in line, line
    assert lines[-1] == f"sourcebrief: {len(bad_inputs)} input(s) failed, 1 briefed"
    # Several inputs give a list, however many of them were briefed.
    [briefed] = json.loads(result.stdout)
    assert briefed["title"] == "Port authority said to delay harbor dredging contract"


@pytest.mark.parametrize("command", ["brief", "stories", "extract"])
def test_cli_inputs_holding_no_article_exit_1_with_one_line(command: str, tmp_path: Path) -> None:
    blank = tmp_path / "blank.jsonl"
    blank.write_text("\n\n")
    result = run(command, str(blank))
    assert result.returncode == 1
    assert result.stderr.startswith("sourcebrief: no article found in the inputs; give HTML"), result.stderr


def test_cli_output_in_a_missing_folder_is_refused_before_any_work(tmp_path: Path) -> None:
    result = run("brief", str(CASES / "harbor-report.txt"), "-o", str(tmp_path / "missing" / "out.md"))
    assert result.returncode == 2
    assert "the folder" in result.stderr and "does not exist; create it or write elsewhere" in result.stderr


def test_cli_invalid_utf8_is_briefed_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    text = (CASES / "harbor-report.txt").read_text().replace("Okafor", "Okaförü")
    path.write_bytes(text.encode("cp1252"))
    result = run("brief", str(path), "--format", "json")
    assert result.returncode == 0, result.stderr
    assert "not valid UTF-8" in result.stderr
    assert "Okaförü" in json.loads(result.stdout)["articles"][0]["text"]


def test_cli_json_lines_are_written_for_each_good_input(tmp_path: Path) -> None:
    out = tmp_path / "briefs.jsonl"
    good = CASES / "harbor-report.txt"
    result = run("brief", str(good), str(tmp_path / "missing.txt"), str(good), "-f", "jsonl", "-o", str(out))
    assert result.returncode == 1
    assert result.stderr.strip().splitlines()[-1] == "sourcebrief: 1 input(s) failed, 2 briefed"
    titles = [json.loads(line)["title"] for line in out.read_text().splitlines()]
    assert titles == ["Port authority said to delay harbor dredging contract"] * 2


def test_cli_json_lines_output_is_kept_when_no_input_is_briefed(tmp_path: Path) -> None:
    out = tmp_path / "briefs.jsonl"
    out.write_text("kept\n")
    result = run("brief", str(tmp_path / "missing.txt"), "-f", "jsonl", "-o", str(out))
    assert result.returncode == 1 and "wrote" not in result.stderr
    assert out.read_text() == "kept\n"


def test_cli_reads_standard_input_for_a_dash() -> None:
    result = run("brief", "-", "--format", "json", stdin=(CASES / "harbor-report.html").read_text())
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["title"] == "Port authority said to delay harbor dredging contract"


def test_cli_feed_on_standard_input_opens_no_local_file(tmp_path: Path) -> None:
    (tmp_path / "secret.txt").write_text("The vault code is 1234, the guard said on Monday to the night staff.")
    feed = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>'
        "<item><title>Secret</title><link>secret.txt</link></item></channel></rss>"
    )
    result = run("brief", "-", "-f", "json", cwd=tmp_path, stdin=feed)
    assert result.returncode == 1
    assert "vault code" not in result.stdout
    assert "entry has no content, summary or link" in result.stderr


def test_cli_writes_html_to_a_file(tmp_path: Path) -> None:
    out = tmp_path / "brief.html"
    result = run("brief", str(CASES / "harbor-report.html"), "--format", "html", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert out.read_text().startswith("<!doctype html>")


def test_cli_markdown_is_the_default(tmp_path: Path) -> None:
    result = run("brief", str(CASES / "harbor-report.txt"))
    assert result.returncode == 0
    assert result.stdout.startswith("# Port authority said to delay harbor dredging contract")
    assert "**Claim status: contested**" in result.stdout


def test_cli_accurate_mode_in_float32_briefs_the_same_article() -> None:
    briefed = [
        run("brief", str(CASES / "harbor-report.txt"), "--mode", "accurate", "--precision", precision, "-f", "json")
        for precision in ("float32", "auto")
    ]
    assert all(result.returncode == 0 for result in briefed), briefed[0].stderr
    exact, default = (json.loads(result.stdout) for result in briefed)
    assert exact["sources"] and exact["status"] == default["status"]


def test_cli_usage_error_exits_2() -> None:
    result = run("brief", "x.txt", "--format", "pdf")
    assert result.returncode == 2
    assert "'pdf' is not one of" in result.stderr


def test_cli_demo_writes_a_briefing_per_article(tmp_path: Path) -> None:
    result = run("demo", "--out", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    pages = sorted((tmp_path / "out").glob("wn-*.html"))
    assert len(pages) == 48
    assert (tmp_path / "out" / "index.html").exists()
    assert f"48 briefings written to {tmp_path / 'out'}" in result.stdout
    assert "Wikinews" in pages[0].read_text()


@pytest.mark.parametrize("command", ["brief", "demo", "extract", "stories", "train-attribution"])
def test_cli_every_command_has_help_and_is_documented(command: str) -> None:
    result = run(command, "--help")
    assert result.returncode == 0 and "Usage:" in result.stdout
    readme = (Path(__file__).parents[1] / "README.md").read_text()
    assert f"sourcebrief {command}" in readme
