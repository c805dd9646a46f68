"""`sourcebrief extract` end to end, in a subprocess, as a user runs it."""

import gzip
import json
import subprocess
import sys
from pathlib import Path

from .conftest import CASES
from .test_ingest_formats import RSS, STORIES, TEXT, write_warc

# `python -m sourcebrief extract`, with the command registered on the CLI group if it is not yet.
RUN_CLI = (
    "from sourcebrief.serve.cli import main; from sourcebrief.serve.extract_cmd import extract; "
    "main.commands.setdefault('extract', extract); main()"
)


def run(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-c", RUN_CLI, "extract", *map(str, args)]
    return subprocess.run(command, capture_output=True, text=True, cwd=cwd, timeout=120, check=False)


def test_extract_cmd_writes_one_record_a_line_with_common_field_names(tmp_path: Path) -> None:
    result = run(CASES / "harbor-report.html", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    [record] = [json.loads(line) for line in result.stdout.splitlines()]
    assert record["title"] == "Port authority said to delay harbor dredging contract"
    assert record["date"] == record["date_publish"] == "2026-03-03"
    assert record["author"] == "Jane Smith" and record["authors"] == ["Jane Smith"]
    assert record["hostname"] == record["source_domain"] == "harborgazette.example"
    assert record["sitename"] == "Harbor Gazette" and record["language"] == "en"
    assert record["text"].startswith("The Lakeside Port Authority has delayed")


def test_extract_cmd_reads_every_format_and_reports_bad_inputs(tmp_path: Path) -> None:
    write_warc(tmp_path / "crawl.warc.gz", STORIES, gzipped=True)
    (tmp_path / "city.rss").write_text(RSS.format(text=TEXT), encoding="utf-8")
    (tmp_path / "batch.jsonl").write_text(json.dumps({"url": "https://example.org/j", "text": TEXT}) + "\n")
    (tmp_path / "cut.html.gz").write_bytes(gzip.compress(b"<html><body><p>x</p></body></html>")[:25])
    (tmp_path / "noise.html").write_bytes(bytes(range(128, 256)) * 20)
    result = run(tmp_path, "-o", "out.jsonl", cwd=tmp_path)
    assert result.returncode == 1
    records = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text().splitlines()]
    origins = {r["origin"].replace(str(tmp_path) + "/", "") for r in records}
    assert {"crawl.warc.gz:0", "city.rss:entry 1", "city.rss:entry 3", "batch.jsonl:1"} <= origins
    warc = next(r for r in records if r["origin"].endswith("crawl.warc.gz:0"))
    assert warc["url"] == STORIES[0][0] and warc["provenance"]["warc_offset"] == "0"
    problems = result.stderr.splitlines()
    assert all(line.startswith("sourcebrief: ") for line in problems)
    assert any("cut.html.gz: gzip data is corrupt or truncated" in line for line in problems)
    assert any("noise.html: the bytes are not text in any encoding" in line for line in problems)
    assert any("city.rss:entry 4: entry has no content, summary or link" in line for line in problems)
    assert problems[-1].endswith(f"input(s) failed, {len(records)} extracted")


def test_extract_cmd_txt_with_metadata_header(tmp_path: Path) -> None:
    result = run(CASES / "harbor-report.txt", "--format", "txt", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("---\ntitle: Port authority said to delay harbor dredging contract\n")
    assert "Share this article" not in result.stdout


def test_extract_cmd_target_language_reports_other_languages(tmp_path: Path) -> None:
    (tmp_path / "de.txt").write_text(
        "Der Stadtrat hat am Dienstag beschlossen, das Busnetz auszubauen. Der Bürgermeister sagte, "
        "der Plan werde die Fahrzeiten verkürzen. Kritiker meinten, die Kosten seien zu hoch.",
        encoding="utf-8",
    )
    result = run(tmp_path / "de.txt", "--target-language", "en", "--format", "json", cwd=tmp_path)
    assert result.returncode == 1 and json.loads(result.stdout) == []
    assert "the text is in German (de), not English; skipped, as --target-language asks" in result.stderr


def test_extract_cmd_target_language_names_the_language_wanted(tmp_path: Path) -> None:
    result = run(CASES / "harbor-report.txt", "--target-language", "FR", cwd=tmp_path)
    assert result.returncode == 1
    assert "the text is in English (en), not French; skipped" in result.stderr


def test_extract_cmd_target_language_must_be_a_two_letter_code(tmp_path: Path) -> None:
    result = run(CASES / "harbor-report.txt", "--target-language", "english", cwd=tmp_path)
    assert result.returncode == 2
    assert "'english' is not a two-letter ISO 639-1 code" in result.stderr
