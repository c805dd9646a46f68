import json
from html.parser import HTMLParser

import pytest

from sourcebrief import Briefing, Pipeline
from sourcebrief.serve import html, render

from .helpers import article

HOSTILE = (
    'Mayor Ann Lee said the <script>alert("x")</script> plan was [approved](javascript:alert(1)) on time. '
    'The vote was held on Monday 🚀 in the town hall. "We did it right," Lee said.'
)


@pytest.fixture(scope="module")
def hostile_briefing(pipeline: Pipeline) -> Briefing:
    return pipeline.brief_article(article(HOSTILE, "hostile"))


def test_render_json_contract_fields(hostile_briefing: Briefing) -> None:
    data = json.loads(render.to_json([hostile_briefing]))
    assert set(data) >= {
        "title",
        "status",
        "claims",
        "sources",
        "reporting_chain",
        "unknowns",
        "flags",
        "briefing",
        "articles",
    }
    assert set(data["claims"][0]) >= {"id", "text", "status", "citations"}
    source = data["sources"][0]
    assert set(source) >= {"id", "name", "kind", "role", "affiliation", "conduit", "stance", "statements"}
    assert set(source["statements"][0]) >= {"text", "direct", "cue", "citations"}
    assert set(data["reporting_chain"][0]) >= {"outlet", "role", "citations"}
    assert set(data["articles"][0]) >= {"id", "title", "url", "published", "site", "text"}
    citation = data["briefing"][0]["citations"][0]
    assert set(citation) == {"article", "start", "end"}
    text = data["articles"][0]["text"]
    assert (
        data["claims"][0]["text"]
        == text[data["claims"][0]["citations"][0]["start"] : data["claims"][0]["citations"][0]["end"]]
    )


def test_render_json_statement_names_and_cites_its_addressee(pipeline: Pipeline) -> None:
    text = "Mayor Ann Lee told reporters on Monday that the harbor plan was approved."
    data = json.loads(render.to_json([pipeline.brief_article(article(text, "told"))]))
    [statement] = data["sources"][0]["statements"]
    assert (statement["cue"], statement["addressee"]) == ("told", "reporters")
    [cited] = statement["addressee_citations"]
    assert text[cited["start"] : cited["end"]] == "reporters"
    assert any("told reporters" in note["text"] for note in data["briefing"])


def test_render_jsonl_is_one_briefing_a_line(hostile_briefing: Briefing) -> None:
    lines = render.to_jsonl([hostile_briefing, hostile_briefing]).splitlines()
    assert [json.loads(line)["title"] for line in lines] == ["Test", "Test"]


def test_render_markdown_escapes_article_text(hostile_briefing: Briefing) -> None:
    markdown = render.to_markdown(hostile_briefing)
    assert "[approved](javascript" not in markdown
    assert "<script>" not in markdown


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.scripts: list[str] = []
        self.in_script = False
        self.cites: list[dict[str, str | None]] = []
        self.texts: dict[str, str] = {}
        self.current_text: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        self.in_script = tag == "script"
        if tag == "a" and found.get("class") == "cite":
            self.cites.append(found)
        if tag == "div" and found.get("class") == "text":
            self.current_text = str(found["id"])
            self.texts[self.current_text] = ""

    def handle_endtag(self, tag: str) -> None:
        self.in_script = False
        if tag == "div":
            self.current_text = None

    def handle_data(self, data: str) -> None:
        if self.in_script:
            self.scripts.append(data)
        elif self.current_text:
            self.texts[self.current_text] += data


def test_render_html_escapes_text_and_links_point_at_the_cited_span(hostile_briefing: Briefing) -> None:
    page = html.to_html([hostile_briefing])
    parser = _Collector()
    parser.feed(page)
    assert len(parser.scripts) == 1, "only our own script; article text never becomes a script"
    [(text_id, shown)] = parser.texts.items()
    assert shown == hostile_briefing.articles[0].text
    utf16 = shown.encode("utf-16-le")
    assert parser.cites
    for cite in parser.cites:
        start, end = int(str(cite["data-start"])), int(str(cite["data-end"]))
        cited = utf16[2 * start : 2 * end].decode("utf-16-le")
        assert cited == cite["title"], "the link's offsets (in UTF-16 units) select the cited text"
        assert cite["href"] == f"#{text_id}"


def test_render_html_utf16_offsets_count_astral_characters_twice() -> None:
    assert html.utf16_offset("a🚀b", 2) == 3


def test_render_a_source_known_by_role_is_not_given_its_name_again_as_its_role(pipeline: Pipeline) -> None:
    briefing = pipeline.brief_article(article("The president said the summit would go ahead.", "role"))
    [source] = briefing.sources
    assert (source.name, source.role) == ("The president", "The president")
    assert "| The president | person |  |" in render.to_markdown(briefing)
    assert "</a></td><td>person</td><td></td>" in html.to_html([briefing])
