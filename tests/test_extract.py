from pathlib import Path

import pytest

from sourcebrief.errors import ExtractionError
from sourcebrief.extract import extract, split_paragraphs
from sourcebrief.extract.decode import decode
from sourcebrief.extract.furniture import remove_furniture
from sourcebrief.ingest import RawDocument
from sourcebrief.model import FlagKind
from sourcebrief.settings import ExtractSettings

from .conftest import CASES

SETTINGS = ExtractSettings()
ENGLISH = (
    "The city council voted on Tuesday to expand the bus network. The mayor said the plan would cut "
    "commuting times. Critics said the cost was too high for a city of its size."
)


def raw(data: bytes | str, *, is_html: bool = False, origin: str = "case.txt") -> RawDocument:
    return RawDocument(origin=origin, data=data.encode() if isinstance(data, str) else data, is_html=is_html)


def test_extract_html_keeps_body_and_metadata_without_furniture() -> None:
    article = extract(raw((CASES / "harbor-report.html").read_bytes(), is_html=True, origin="h.html"), SETTINGS)
    assert article.title == "Port authority said to delay harbor dredging contract"
    assert article.site == "Harbor Gazette"
    assert article.published == "2026-03-03"
    assert article.url == "https://harborgazette.example/news/dredging-delay"
    assert article.text.startswith("The Lakeside Port Authority has delayed")
    for furniture in ("cookies", "Share on", "Related Stories", "Copyright", "Home"):
        assert furniture not in article.text


def test_extract_text_takes_title_line_and_flags_furniture_and_leftovers() -> None:
    article = extract(raw((CASES / "harbor-report.txt").read_bytes()), SETTINGS)
    assert article.title == "Port authority said to delay harbor dredging contract"
    flags = {(f.kind, f.text.split("\n")[0]) for f in article.flags}
    assert (FlagKind.FURNITURE, "Share this article") in flags
    assert (FlagKind.FURNITURE, "Related Stories") in flags
    assert any(k == FlagKind.GENERATOR_LEFTOVER and t.startswith("This article provides") for k, t in flags)
    assert "Share this article" not in article.text
    assert "cheaper summer holiday" not in article.text
    assert "neutral tone" not in article.text
    assert article.text.endswith("financing.")


def test_extract_related_heading_near_the_top_is_kept() -> None:
    paragraphs = ["Related stories", "Body one.", "Body two.", "Body three."]
    assert remove_furniture(paragraphs).paragraphs == paragraphs


def test_extract_non_english_names_the_language() -> None:
    german = (
        "Der Stadtrat hat am Dienstag beschlossen, das Busnetz auszubauen. Der Bürgermeister sagte, "
        "der Plan werde die Fahrzeiten verkürzen. Kritiker meinten, die Kosten seien zu hoch."
    )
    with pytest.raises(ExtractionError, match=r"German \(de\)"):
        extract(raw(german), SETTINGS)


def test_extract_invalid_utf8_is_decoded_with_a_flag() -> None:
    text = "Café owners said “prices will rise” this year. " + ENGLISH
    article = extract(raw(text.encode("cp1252")), SETTINGS)
    assert "Café" in article.text and "“prices will rise”" in article.text
    assert [f.kind for f in article.flags] == [FlagKind.ENCODING_FALLBACK]


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("Señor Peña, the mayor of Española, said on Monday the town’s water was safe.", "cp1252"),
        ("Приветствуем вас в нашем городе, сказал мэр в понедельник.", "cp1251"),
    ],
)
def test_decode_prefers_windows_1252_for_latin_text_only(text: str, encoding: str) -> None:
    decoded, flags = decode(text.encode(encoding), is_html=False)
    assert decoded == text
    assert encoding in flags[0].text


def test_decode_reads_a_page_by_its_text_not_its_markup() -> None:
    script = "<script>" + "var x = function(a) { return a + 1; };" * 100 + "</script>"
    text = "Президент заявил в понедельник, что вода безопасна."
    page = f"<html><head>{script}</head><body><p>{text}</p></body></html>"
    decoded, flags = decode(page.encode("cp1251"), is_html=True)
    assert text in decoded and "cp1251" in flags[0].text


def test_extract_page_without_article_text_is_an_error() -> None:
    page = "<html><body><nav><a href='/'>Home</a></nav><footer>© 2026</footer></body></html>"
    with pytest.raises(ExtractionError, match="no article text"):
        extract(raw(page, is_html=True), SETTINGS)


def test_extract_text_over_the_limit_is_an_error() -> None:
    with pytest.raises(ExtractionError, match="over the"):
        extract(raw(ENGLISH * 20), ExtractSettings(max_text_chars=1000))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("One.\n\nTwo\nstill two.", ["One.", "Two still two."]),
        ("One.\nTwo.\n", ["One.", "Two."]),
        ("  spaced   out  \r\n\r\n next ", ["spaced out", "next"]),
        # A caption inside a block stands alone; it would run into the next line's name.
        (
            'Intro.\n\n"We saw no benefit at all in the program."\nDistrict Attorney Ken Lee\nLee said it would end.',
            [
                "Intro.",
                '"We saw no benefit at all in the program."',
                "District Attorney Ken Lee",
                "Lee said it would end.",
            ],
        ),
    ],
)
def test_extract_split_paragraphs(text: str, expected: list[str]) -> None:
    assert split_paragraphs(text) == expected


def test_extract_id_comes_from_the_file_name() -> None:
    article = extract(raw(ENGLISH, origin=str(Path("/x/my story.txt"))), SETTINGS)
    assert article.id == "my-story"
