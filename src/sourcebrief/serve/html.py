"""Briefings as one self-contained HTML page: citation links highlight the cited span.

All article text is escaped. Offsets are converted to UTF-16 code units, which is how the
browser's JavaScript counts, so spans after an emoji still land on the right characters.
"""

from __future__ import annotations

from html import escape

from sourcebrief.model import Article, Briefing, Citation
from sourcebrief.serve.render import source_details

_STYLE = """
body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
h1{font-size:1.5rem} h2{font-size:1.2rem;margin-top:2rem} .status{display:inline-block;padding:.1rem .5rem;
border-radius:.3rem;background:#eee;font-weight:600} .status.contested{background:#ffe1b3}
.status.denied{background:#ffc9c9} .status.confirmed{background:#c9f2cf} .status.reported{background:#d6e6ff}
a.cite{font-size:.8em;text-decoration:none;margin-left:.15em;color:#0645ad} table{border-collapse:collapse;width:100%}
td,th{border-bottom:1px solid #ddd;padding:.3rem .4rem;text-align:left;vertical-align:top;font-size:.95em}
.text{white-space:pre-wrap;border-left:3px solid #ccc;padding-left:1rem;font-family:Georgia,serif}
mark{background:#ffeb3b;padding:0} .credit{font-size:.85em;color:#555} section.briefing{margin-bottom:4rem}
"""

# Rebuilds the article text node around the cited span; text is inserted as text, never HTML.
_SCRIPT = """
document.querySelectorAll('.text').forEach(el => { el.dataset.original = el.textContent; });
document.addEventListener('click', event => {
  const link = event.target.closest('a.cite');
  if (!link) return;
  event.preventDefault();
  const el = document.getElementById('text-' + link.dataset.article);
  const text = el.dataset.original, start = +link.dataset.start, end = +link.dataset.end;
  const mark = document.createElement('mark');
  mark.textContent = text.slice(start, end);
  el.replaceChildren(document.createTextNode(text.slice(0, start)), mark,
                     document.createTextNode(text.slice(end)));
  mark.scrollIntoView({behavior: 'smooth', block: 'center'});
});
"""


def utf16_offset(text: str, index: int) -> int:
    return len(text[:index].encode("utf-16-le")) // 2


def _cite_links(citations: tuple[Citation, ...], articles: dict[str, Article], numbers: dict[Citation, int]) -> str:
    links = []
    for citation in citations:
        text = articles[citation.article].text
        number = numbers.setdefault(citation, len(numbers) + 1)
        links.append(
            f'<a class="cite" href="#text-{escape(citation.article)}" data-article="{escape(citation.article)}" '
            f'data-start="{utf16_offset(text, citation.start)}" data-end="{utf16_offset(text, citation.end)}" '
            f'title="{escape(articles[citation.article].quote(citation))}">[{number}]</a>'
        )
    return "".join(links)


def briefing_section(briefing: Briefing) -> str:
    articles = {a.id: a for a in briefing.articles}
    numbers: dict[Citation, int] = {}

    def cites(citations: tuple[Citation, ...]) -> str:
        return _cite_links(citations, articles, numbers)

    claim = briefing.claims[0]
    parts = [
        '<section class="briefing">',
        f"<h1>{escape(briefing.title)}</h1>",
        f'<p><span class="status {escape(str(briefing.status))}">{escape(str(briefing.status))}</span> '
        f"{escape(claim.text)}{cites(claim.citations)}</p>",
        "<h2>Briefing</h2><ul>",
        *[f"<li>{escape(n.text)}{cites(n.citations)}</li>" for n in briefing.sentences],
        "</ul><h2>Who said what</h2>",
        "<table><tr><th>Source</th><th>Kind</th><th>Role, affiliation</th><th>Stance</th><th>Statements</th></tr>",
    ]
    for source in briefing.sources:
        details = escape("; ".join(source_details(source)))
        statements = "".join(
            f"<li>{'“' if st.direct else ''}{escape(articles[st.content.article].quote(st.content))}"
            f"{'”' if st.direct else ''}{cites((st.content,))}</li>"
            for st in source.statements
        )
        parts.append(
            f"<tr><td>{escape(source.name)}{cites(source.mentions[:1])}</td><td>{escape(str(source.kind))}</td>"
            f"<td>{details}</td><td>{escape(str(briefing.stance_of(source.id)))}</td><td><ul>{statements}</ul></td></tr>"
        )
    parts.append("</table><h2>Reporting chain</h2><ul>")
    parts += [
        f"<li>{escape(link.outlet)}: {escape(str(link.role))}{cites(link.citations)}</li>" for link in briefing.chain
    ]
    parts.append("</ul>")
    if briefing.unknowns:
        parts.append("<h2>Still unknown</h2><ul>")
        parts += [f"<li>{escape(n.text)}{cites(n.citations)}</li>" for n in briefing.unknowns]
        parts.append("</ul>")
    if briefing.flags:
        parts.append("<h2>Flags</h2><ul>")
        parts += [
            f"<li><b>{escape(str(f.kind))}</b>: {escape(f.text)}{cites(f.citations)}</li>" for f in briefing.flags
        ]
        parts.append("</ul>")
    for article in briefing.articles:
        parts.append(_article_block(article))
    parts.append("</section>")
    return "\n".join(parts)


def _article_block(article: Article) -> str:
    is_web = bool(article.url and article.url.startswith(("http://", "https://")))
    link = f' — <a href="{escape(article.url or "")}">{escape(article.url or "")}</a>' if is_web else ""
    meta = " · ".join(escape(x) for x in (article.site, article.published) if x)
    credit = f'<p class="credit">{escape(article.credit)}</p>' if article.credit else ""
    return (
        f'<h2>Article: {escape(article.title)}</h2><p class="credit">{meta}{link}</p>{credit}'
        f'<div class="text" id="text-{escape(article.id)}">{escape(article.text)}</div>'
    )


def to_html(briefings: list[Briefing]) -> str:
    title = briefings[0].title if len(briefings) == 1 else f"{len(briefings)} briefings"
    body = "\n".join(briefing_section(b) for b in briefings)
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)} — sourcebrief</title><style>{_STYLE}</style></head>"
        f"<body>{body}<script>{_SCRIPT}</script></body></html>\n"
    )


def index_page(briefings: list[Briefing]) -> str:
    """A table of contents linking one briefing page per article (``<article id>.html``)."""
    rows = "".join(
        f'<tr><td><a href="{escape(b.articles[0].id)}.html">{escape(b.title)}</a></td>'
        f'<td><span class="status {escape(str(b.status))}">{escape(str(b.status))}</span></td>'
        f"<td>{len(b.sources)}</td><td>{sum(len(s.statements) for s in b.sources)}</td></tr>"
        for b in briefings
    )
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>sourcebrief demo</title>'
        f"<style>{_STYLE}</style></head><body><h1>sourcebrief demo: {len(briefings)} briefings</h1>"
        "<table><tr><th>Article</th><th>Claim status</th><th>Sources</th><th>Statements</th></tr>"
        f'{rows}</table><p class="credit">Article text from Wikinews (https://en.wikinews.org), licensed '
        "CC BY 2.5 (https://creativecommons.org/licenses/by/2.5/); see each article's URL. "
        "Whitespace normalised, datelines removed.</p></body></html>\n"
    )
