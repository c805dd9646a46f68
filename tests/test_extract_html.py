"""The HTML path of the extract stage: body rules and page metadata, on small pages made here."""

import json
from datetime import date

import pytest

from sourcebrief.errors import ExtractionError
from sourcebrief.extract import extract
from sourcebrief.extract.body import parse_html
from sourcebrief.extract.metadata import page_metadata
from sourcebrief.ingest import RawDocument
from sourcebrief.model import FlagKind
from sourcebrief.settings import ExtractSettings

SETTINGS = ExtractSettings()
BODY = [
    "The city council voted on Tuesday to expand the bus network to the eastern suburbs, a plan that "
    "had been debated for more than two years.",
    "The mayor said the expansion would cut commuting times for about 40,000 residents and ease "
    "congestion on the main roads into the city centre.",
    "Critics on the council said the cost, estimated at $120 million, was too high for a city of its "
    "size and would force cuts elsewhere in the budget.",
    "Construction is expected to begin next spring, and the first new routes should open by the end "
    "of the following year, officials said.",
]


def page(body: str, head: str = "") -> RawDocument:
    html = f"<html><head><title>Council expands bus network | City Paper</title>{head}</head><body>{body}</body></html>"
    return RawDocument(origin="page.html", data=html.encode(), is_html=True)


def paragraphs(texts: list[str]) -> str:
    return "".join(f"<p>{text}</p>" for text in texts)


def test_extract_html_drops_headline_and_standfirst_but_keeps_the_lead() -> None:
    description = '<meta name="description" content="A two-year debate ends with a vote.">'
    html = (
        "<article><h1>Council expands bus network</h1><h2>A two-year debate ends with a vote.</h2>"
        + paragraphs(BODY)
        + "</article>"
    )
    article = extract(page(html, description), SETTINGS)
    assert article.title == "Council expands bus network"
    assert article.description == "A two-year debate ends with a vote."
    assert article.text.split("\n\n") == BODY


def test_extract_html_removes_teaser_links_and_promotions_with_flags() -> None:
    teasers = (
        '<p>Read more: <a href="/a">Ten tips for a cheaper summer holiday at the coast</a></p>'
        '<ul><li><a href="/b">Why your cat ignores you when you call its name</a></li>'
        '<li><a href="/c">The best bakeries in the old town, ranked by readers</a></li></ul>'
    )
    promo = "<p>Get the day's top headlines delivered to your inbox every morning. Sign up for our newsletter.</p>"
    html = "<article>" + paragraphs(BODY[:2]) + teasers + paragraphs(BODY[2:]) + promo + "</article>"
    article = extract(page(html), SETTINGS)
    assert article.text.split("\n\n") == BODY
    removed = " ".join(f.text for f in article.flags if f.kind == FlagKind.FURNITURE)
    assert "Ten tips for a cheaper summer holiday" in removed
    assert "delivered to your inbox" in removed


def test_extract_html_keeps_an_embedded_tweet() -> None:
    tweet = (
        '<div class="social-media-embed"><blockquote class="twitter-tweet"><p>The new routes are a '
        "great start, but we need buses every ten minutes.</p>&mdash; Transit Riders (@riders) "
        "November 18, 2019</blockquote></div>"
    )
    html = "<article>" + paragraphs(BODY[:2]) + tweet + paragraphs(BODY[2:]) + "</article>"
    assert "we need buses every ten minutes" in extract(page(html), SETTINGS).text


def test_extract_html_metadata_from_json_ld_first() -> None:
    jsonld = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebSite", "name": "City Paper"},
            {
                "@type": "NewsArticle",
                "headline": "Council expands bus network",
                "datePublished": "2019-11-18T09:30:00-05:00",
                "dateModified": "2019-11-19T14:00:00-05:00",
                "author": [{"@type": "Person", "name": "Sarah E. Needleman"}, "By TOM KRISHER, AP Auto Writer"],
                "publisher": {"@type": "Organization", "name": "City Paper"},
                "description": "A two-year debate ends with a vote.",
            },
        ],
    }
    head = (
        f'<script type="application/ld+json">{json.dumps(jsonld)}</script>'
        '<meta property="article:published_time" content="2001-01-01">'
        '<link rel="canonical" href="https://citypaper.example/news/bus-network">'
    )
    article = extract(page("<article>" + paragraphs(BODY) + "</article>", head), SETTINGS)
    assert (article.published, article.updated) == ("2019-11-18", "2019-11-19")
    assert article.authors == ("Sarah E. Needleman", "Tom Krisher")
    assert article.site == "City Paper"
    assert article.url == "https://citypaper.example/news/bus-network"


@pytest.mark.parametrize(
    ("byline", "expected"),
    [
        ("By Jane Smith", ("Jane Smith",)),
        ("By MEG KINNARD and ERRIN HAINES, Associated Press", ("Meg Kinnard", "Errin Haines")),
        ("Jane Smith | 4 Minute Read", ("Jane Smith",)),
        ("Updated 5 min read", ()),
    ],
)
def test_extract_html_authors_without_junk(byline: str, expected: tuple[str, ...]) -> None:
    tree = parse_html(f'<html><head><meta name="author" content="{byline}"></head><body><p>x</p></body></html>')
    assert page_metadata(tree, None).authors == expected


def test_extract_html_dates_after_today_are_refused_and_same_day_updates_dropped() -> None:
    head = (
        '<meta property="article:published_time" content="2031-05-01T10:00:00Z">'
        '<meta property="article:modified_time" content="2031-05-01T12:00:00Z">'
    )
    tree = parse_html(f"<html><head>{head}</head><body><p>x</p></body></html>")
    metadata = page_metadata(tree, None, today=date(2026, 1, 1))
    assert metadata.published is None and metadata.updated is None


def test_extract_html_date_from_the_url_when_the_page_has_none() -> None:
    tree = parse_html("<html><body>" + paragraphs(BODY) + "</body></html>")
    assert page_metadata(tree, "https://citypaper.example/2019/11/18/bus-network/").published == "2019-11-18"


def test_extract_any_language_when_none_is_required() -> None:
    german = (
        "Der Stadtrat hat am Dienstag beschlossen, das Busnetz auszubauen. Der Bürgermeister sagte, der Plan "
        "werde die Fahrzeiten verkürzen. Kritiker meinten, die Kosten seien zu hoch für eine Stadt dieser Größe."
    )
    document = RawDocument(origin="de.txt", data=german.encode(), is_html=False)
    assert extract(document, ExtractSettings(languages=())).language == "de"
    with pytest.raises(ExtractionError, match="German"):
        extract(document, SETTINGS)


def test_extract_undecodable_page_is_an_error() -> None:
    document = RawDocument(origin="noise.html", data=bytes(range(128, 256)) * 20, is_html=True)
    with pytest.raises(ExtractionError, match="not text in any encoding"):
        extract(document, SETTINGS)


def test_extract_declared_http_charset_is_used() -> None:
    html = "<html><body>" + paragraphs(["Café owners said “prices will rise” this year.", *BODY]) + "</body></html>"
    document = RawDocument(origin="p.html", data=html.encode("cp1252"), is_html=True, charset="windows-1252")
    article = extract(document, SETTINGS)
    assert "Café owners said “prices will rise”" in article.text
    assert not [f for f in article.flags if f.kind == FlagKind.ENCODING_FALLBACK]
