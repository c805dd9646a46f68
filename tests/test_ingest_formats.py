"""Every input format through the one loader interface, with samples (and broken ones) made here."""

import gzip
import io
import json
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from sourcebrief.ingest import RawDocument, read_inputs
from sourcebrief.model import Problem
from sourcebrief.settings import InputSettings

SETTINGS = InputSettings()
TEXT = "The city council voted on Tuesday to expand the bus network across the eastern suburbs. " * 3


def read(*paths: Path | str) -> list[RawDocument | Problem]:
    return list(read_inputs([str(p) for p in paths], SETTINGS))


def documents(items: list[RawDocument | Problem]) -> list[RawDocument]:
    return [i for i in items if isinstance(i, RawDocument)]


def problems(items: list[RawDocument | Problem]) -> list[Problem]:
    return [i for i in items if isinstance(i, Problem)]


def html_page(title: str, text: str = TEXT) -> bytes:
    return f"<html><head><title>{title}</title></head><body><article><p>{text}</p></article></body></html>".encode()


def write_warc(path: Path, pages: list[tuple[str, bytes, str]], *, gzipped: bool) -> list[int]:
    """A WARC of HTTP response records (url, body, content type); returns each record's offset."""
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gzipped)
    offsets = []
    for url, body, content_type in pages:
        offsets.append(out.tell())
        headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers))
    path.write_bytes(out.getvalue())
    return offsets


STORIES = [(f"https://example.org/story-{i}", html_page(f"Story {i}"), "text/html; charset=utf-8") for i in range(3)]


def test_ingest_warc_gz_gives_each_html_response_with_its_offset_and_length(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    image = ("https://example.org/logo.png", b"\x89PNG...", "image/png")
    offsets = write_warc(path, [STORIES[0], image, *STORIES[1:]], gzipped=True)
    docs = documents(read(path))
    assert [d.url for d in docs] == [url for url, _, _ in STORIES]
    assert [d.origin for d in docs] == [f"{path}:{offsets[0]}", f"{path}:{offsets[2]}", f"{path}:{offsets[3]}"]
    # The provenance finds the exact record again: one gzip member, holding that page.
    first = docs[0].provenance
    start, length = int(first["warc_offset"]), int(first["warc_length"])
    record = gzip.decompress(path.read_bytes()[start : start + length])
    assert record.startswith(b"WARC/1.") and b"Story 0" in record
    assert first["warc_file"] == str(path) and first["warc_record_id"].startswith("<urn:uuid:")


def test_ingest_warc_corrupt_record_is_a_problem_at_its_offset_and_the_rest_is_read(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    offsets = write_warc(path, STORIES, gzipped=True)
    data = bytearray(path.read_bytes())
    middle = (offsets[1] + offsets[2]) // 2
    data[middle : middle + 16] = bytes(16)  # damage the compressed second record
    path.write_bytes(bytes(data))
    items = read(path)
    assert [d.url for d in documents(items)] == [STORIES[0][0], STORIES[2][0]]
    [problem] = problems(items)
    assert problem.origin == f"{path}:{offsets[1]}" and "corrupt" in problem.message


def test_ingest_plain_warc_with_a_wrong_length_skips_only_that_record(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc"
    offsets = write_warc(path, STORIES, gzipped=False)
    data = path.read_bytes()
    bad = b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999999\r\n\r\nbroken"
    path.write_bytes(data[: offsets[1]] + bad + data[offsets[1] + len(bad) :])
    items = read(path)
    assert [d.url for d in documents(items)] == [STORIES[0][0], STORIES[2][0]]
    assert [p.origin for p in problems(items)] == [f"{path}:{offsets[1]}"]


def test_ingest_truncated_warc_gz_reports_the_last_record(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    offsets = write_warc(path, STORIES, gzipped=True)
    path.write_bytes(path.read_bytes()[:-40])
    items = read(path)
    assert len(documents(items)) == 2
    assert [p.origin for p in problems(items)] == [f"{path}:{offsets[2]}"]


def test_ingest_warc_keeps_the_http_charset(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc"
    write_warc(path, [("https://example.org/c", html_page("Café"), "text/html; charset=windows-1252")], gzipped=False)
    [doc] = documents(read(path))
    assert doc.charset == "windows-1252"


RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>City Paper</title><link>https://citypaper.example/</link>
<item><title>Full text entry</title><link>https://citypaper.example/full</link>
  <pubDate>Mon, 18 Nov 2019 09:30:00 -0500</pubDate><author>jane@citypaper.example (Jane Smith)</author>
  <content:encoded><![CDATA[<p>{text}</p>]]></content:encoded></item>
<item><title>Local page entry</title><link>pages/local.html</link><description>Short teaser.</description></item>
<item><title>Summary only</title><description>{text}</description></item>
<item><title>Broken entry</title></item>
</channel></rss>
"""


def test_ingest_feed_entries_are_articles_and_a_broken_entry_is_a_problem(tmp_path: Path) -> None:
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "local.html").write_bytes(html_page("Local page"))
    feed = tmp_path / "city.rss"
    feed.write_text(RSS.format(text=TEXT), encoding="utf-8")
    items = read(feed)
    docs = documents(items)
    assert [d.record["title"] for d in docs] == ["Full text entry", "Local page entry", "Summary only"]
    assert [d.origin for d in docs] == [f"{feed}:entry 1", f"{feed}:entry 2", f"{feed}:entry 3"]
    assert docs[0].is_html and TEXT.strip().encode() in docs[0].data
    assert docs[0].record["published"] == "2019-11-18" and docs[0].url == "https://citypaper.example/full"
    assert b"<title>Local page</title>" in docs[1].data
    assert docs[2].provenance == {"feed": str(feed), "entry": "3"}
    [problem] = problems(items)
    assert problem.origin == f"{feed}:entry 4" and "no content, summary or link" in problem.message


def test_ingest_atom_feed_is_sniffed_without_a_feed_suffix(tmp_path: Path) -> None:
    atom = (
        '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>'
        "<entry><title>One</title><link href='https://example.org/1'/><updated>2019-11-19T10:00:00Z</updated>"
        f"<author><name>Jane Smith</name></author><content type='html'>&lt;p&gt;{TEXT}&lt;/p&gt;</content></entry>"
        "</feed>"
    )
    path = tmp_path / "feed"
    path.write_text(atom, encoding="utf-8")
    [doc] = read(path)
    assert isinstance(doc, RawDocument) and doc.record["authors"] == "Jane Smith" and doc.is_html


def test_ingest_malformed_feed_keeps_what_it_read_and_says_so(tmp_path: Path) -> None:
    path = tmp_path / "cut.xml"
    cut = RSS.format(text=TEXT)
    path.write_text(cut[: cut.index("<item><title>Summary only")] + "<item><title>Cut <b>off", encoding="utf-8")
    items = read(path)
    assert len(documents(items)) >= 2
    assert any(p.origin == str(path) and "malformed" in p.message for p in problems(items))


def test_ingest_jsonl_records_keep_metadata_and_their_line(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl.gz"
    lines = [
        json.dumps({"url": "https://example.org/a", "html": "<p>A</p>", "authors": ["Jane Smith", "Li Wei"]}),
        json.dumps({"url": "https://example.org/b"}),
    ]
    path.write_bytes(gzip.compress("\n".join(lines).encode()))
    items = read(path)
    [doc] = documents(items)
    assert doc.record["authors"] == "Jane Smith; Li Wei" and doc.provenance == {"file": str(path), "line": "1"}
    assert [p.origin for p in problems(items)] == [f"{path}:2"]


def test_ingest_folder_mixes_formats_and_reports_each_bad_file(tmp_path: Path) -> None:
    write_warc(tmp_path / "a.warc.gz", STORIES[:1], gzipped=True)
    (tmp_path / "b.html").write_bytes(html_page("Page"))
    (tmp_path / "c.md").write_text("# Title\n\n" + TEXT, encoding="utf-8")
    (tmp_path / "d.html.gz").write_bytes(gzip.compress(html_page("Cut"))[:30])
    items = read(tmp_path)
    assert sorted(Path(d.origin.split(":")[0]).name for d in documents(items)) == ["a.warc.gz", "b.html", "c.md"]
    [problem] = problems(items)
    assert problem.origin == str(tmp_path / "d.html.gz") and "gzip" in problem.message
