import gzip
import json
from pathlib import Path

import pytest

from sourcebrief.ingest import RawDocument, read_inputs
from sourcebrief.ingest.document import too_large
from sourcebrief.model import Problem
from sourcebrief.settings import InputSettings

SETTINGS = InputSettings()


def read(*paths: Path | str, settings: InputSettings = SETTINGS) -> list[RawDocument | Problem]:
    return list(read_inputs([str(p) for p in paths], settings))


def only_problem(items: list[RawDocument | Problem]) -> str:
    assert len(items) == 1 and isinstance(items[0], Problem), items
    return items[0].message


def test_ingest_missing_file_is_a_problem(tmp_path: Path) -> None:
    assert "no such file" in only_problem(read(tmp_path / "nope.html"))


def test_ingest_empty_file_is_a_problem(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_text("  \n")
    assert "empty" in only_problem(read(path))


@pytest.mark.parametrize(
    ("content", "expected"),
    [(b"%PDF-1.7\n...", "PDF"), (b"PK\x03\x04rest", "ZIP"), (b"abc\x00\x01\x02def" * 10, "binary")],
)
def test_ingest_binary_file_is_named(tmp_path: Path, content: bytes, expected: str) -> None:
    path = tmp_path / "file.txt"
    path.write_bytes(content)
    assert expected in only_problem(read(path))


def test_ingest_large_file_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "big.html"
    path.write_bytes(b"<p>" + b"x" * 5000)
    message = only_problem(read(path, settings=InputSettings(max_bytes=1000)))
    assert "input is 0.005 MB, over the 0.001 MB limit" in message and "--max-input-mb" in message
    assert too_large(1_500_000_000, InputSettings(max_bytes=1_000_000_000)).startswith(
        "input is 1,500 MB, over the 1,000 MB limit"
    )


def test_ingest_truncated_gzip_is_a_problem(tmp_path: Path) -> None:
    path = tmp_path / "page.html.gz"
    path.write_bytes(gzip.compress(b"<html><body><p>hello</p></body></html>" * 50)[:40])
    assert "gzip" in only_problem(read(path))


def test_ingest_gzip_html_is_read(tmp_path: Path) -> None:
    path = tmp_path / "page.html.gz"
    path.write_bytes(gzip.compress(b"<html><body><p>hello</p></body></html>"))
    [doc] = read(path)
    assert isinstance(doc, RawDocument) and doc.is_html and b"hello" in doc.data


def test_ingest_jsonl_skips_bad_lines_and_keeps_the_rest(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    lines = [
        json.dumps({"id": "a", "text": "First."}),
        "{not json",
        json.dumps({"url": "u"}),
        json.dumps({"url": "https://example.org/b", "html": "<p>B</p>"}),
        "[1, 2]",
    ]
    path.write_text("\n".join(lines) + "\n")
    items = read(path)
    docs = [i for i in items if isinstance(i, RawDocument)]
    problems = [i for i in items if isinstance(i, Problem)]
    assert [d.record.get("id") for d in docs] == ["a", None]
    assert docs[1].is_html and docs[1].url == "https://example.org/b"
    assert [p.origin for p in problems] == [f"{path}:2", f"{path}:3", f"{path}:5"]
    assert problems[2].message == "a JSON array, not an object; each line must be one JSON object"


def test_ingest_folder_reads_supported_files_only(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Some text.")
    (tmp_path / "b.html").write_text("<html><p>x</p></html>")
    (tmp_path / "c.png").write_bytes(b"\x89PNG")
    docs = read(tmp_path)
    assert sorted(Path(d.origin).name for d in docs) == ["a.txt", "b.html"]


def test_ingest_html_is_sniffed_without_a_suffix(tmp_path: Path) -> None:
    path = tmp_path / "page"
    path.write_text("<!DOCTYPE html><html><body><p>x</p></body></html>")
    [doc] = read(path)
    assert isinstance(doc, RawDocument) and doc.is_html


def test_ingest_private_address_is_refused() -> None:
    assert "private address" in only_problem(read("http://127.0.0.1:9/article"))


def test_ingest_unreachable_url_says_fetching_failed() -> None:
    message = only_problem(read("https://unresolvable.invalid/article"))
    assert message.startswith("fetching failed")
