"""Article-body extraction: sourcebrief's extract stage against its peers, quality and speed.

Runs on a folder in the layout of ScrapingHub's article-extraction-benchmark
(``DIR/html/<id>.html.gz`` and ``DIR/ground-truth.json`` mapping id -> {"articleBody", "url"}):

    .venv/bin/python bench/extraction.py --data ../shared/data/article-extraction-benchmark [--json]

Every tool runs in this one process, pinned to one core, page by page in turn (the order rotates
per page), so that caches and machine load fall on all of them alike. The score is the
benchmark's own (its ``evaluate.py``): text -> ``\\w+`` tokens -> multiset of 4-token shingles;
per page precision and recall; P is the mean over pages with non-empty output, R the mean over all
pages, F1 the harmonic mean of the two means; accuracy the share of pages whose tokens equal the
ground truth's. Speed is pages and megabytes of (uncompressed) HTML per second of extraction
time, parsing included.

``--metadata`` adds date and author checks (see ``metadata_scores``). Peers are bench-only
dependencies pinned in requirements-bench.txt.
"""

from __future__ import annotations

import argparse
import gzip
import json
import platform
import re
import statistics
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import dateutil.parser

from machine import cpu_name, pin_to_one_core

Extractor = Callable[[str, str], str]  # (html, url) -> article body text

_TOKEN = re.compile(r"\w+")
SHINGLE = 4


@dataclass(frozen=True)
class Page:
    id: str
    url: str
    html: str
    size: int  # bytes of uncompressed HTML
    truth: str


@dataclass
class Score:
    precisions: list[float] = field(default_factory=list)
    recalls: list[float] = field(default_factory=list)
    exact: int = 0
    pages: int = 0
    seconds: float = 0.0
    megabytes: float = 0.0
    errors: int = 0


def load_pages(data: Path) -> list[Page]:
    truth = json.loads((data / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for path in sorted((data / "html").glob("*.html.gz")):
        raw = gzip.decompress(path.read_bytes())
        page_id = path.name.split(".")[0]
        item = truth[page_id]
        pages.append(Page(page_id, item.get("url", ""), raw.decode("utf-8"), len(raw), item["articleBody"]))
    return pages


# --- the benchmark's metric -------------------------------------------------------------------


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text or "")


def shingles(text: str) -> Counter[tuple[str, ...]]:
    words = tokens(text)
    return Counter(tuple(words[i : i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1)) if words[i:])


def shingle_match(truth: str, prediction: str) -> tuple[float, float, float]:
    """(tp, fp, fn) over shingles, normalised to sum to 1 so long pages weigh no more."""
    want, got = shingles(truth), shingles(prediction)
    tp = sum((want & got).values())
    fp = sum((got - want).values())
    fn = sum((want - got).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def add_page(score: Score, truth: str, prediction: str) -> None:
    tp, fp, fn = shingle_match(truth, prediction)
    if tp + fp > 0:
        score.precisions.append(1.0 if fp == fn == 0 else tp / (tp + fp))
    if tp + fn > 0:
        score.recalls.append(1.0 if fp == fn == 0 else tp / (tp + fn))
    score.exact += tokens(truth) == tokens(prediction)
    score.pages += 1


def summary(score: Score) -> dict[str, float]:
    p = statistics.mean(score.precisions) if score.precisions else 0.0
    r = statistics.mean(score.recalls) if score.recalls else 0.0
    return {
        "p": round(p, 4),
        "r": round(r, 4),
        "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
        "accuracy": round(score.exact / score.pages, 4) if score.pages else 0.0,
        "pages_per_s": round(score.pages / score.seconds, 1) if score.seconds else 0.0,
        "mb_per_s": round(score.megabytes / score.seconds, 2) if score.seconds else 0.0,
    }


# --- the tools ----------------------------------------------------------------------------------


def sourcebrief_tool() -> Extractor:
    from sourcebrief.errors import SourcebriefError
    from sourcebrief.extract import extract
    from sourcebrief.ingest import RawDocument
    from sourcebrief.settings import ExtractSettings

    # Every language: the benchmark has 20 non-English pages, and the English-only policy of the
    # briefing pipeline is not part of body extraction (the language is still detected and timed).
    settings = ExtractSettings(languages=())

    def run(html: str, url: str) -> str:
        # As a saved page is read: bytes, no URL (the peers below get none either, but newspaper4k).
        try:
            return extract(RawDocument(origin="page.html", data=html.encode("utf-8"), is_html=True), settings).text
        except SourcebriefError:
            return ""

    return run


def _trafilatura(**options: bool) -> Extractor:
    import trafilatura

    return lambda html, url: trafilatura.extract(html, include_comments=False, **options) or ""


def _readability() -> Extractor:
    import html_text
    from readability import Document

    return lambda html, url: html_text.extract_text(Document(html).summary(html_partial=True))


def _newspaper4k() -> Extractor:
    import newspaper

    # input_html: no download; fetch_images=False: no image requests (offline).
    return lambda html, url: str(newspaper.article(url, input_html=html, fetch_images=False).text)


def _goose3() -> Extractor:
    from goose3 import Goose

    goose = Goose()
    return lambda html, url: str(goose.extract(raw_html=html).cleaned_text)


def _boilerpy3() -> Extractor:
    from boilerpy3 import extractors

    return lambda html, url: str(extractors.ArticleExtractor().get_content(html))


def _justext() -> Extractor:
    import justext

    stoplist = justext.get_stoplist("English")

    def run(html: str, url: str) -> str:
        # The benchmark's parameters (extractors/run_justext.py).
        paragraphs = justext.justext(html, stoplist, 50, 200, 0.1, 0.2, 0.2, 200, True)
        return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)

    return run


def _resiliparse() -> Extractor:
    from resiliparse.extract.html2text import extract_plain_text

    return lambda html, url: str(extract_plain_text(html, main_content=True))


# Each peer as the benchmark's own extractors/run_*.py call it; imported only when chosen, so that
# `--only sourcebrief trafilatura` runs without the bench-only dependencies.
TOOLS: dict[str, Callable[[], Extractor]] = {
    "sourcebrief": lambda: sourcebrief_tool(),
    "trafilatura": lambda: _trafilatura(),
    "trafilatura-precision": lambda: _trafilatura(favor_precision=True),
    "readability-lxml": _readability,
    "newspaper4k": _newspaper4k,
    "goose3": _goose3,
    "boilerpy3": _boilerpy3,
    "jusText": _justext,
    "resiliparse": _resiliparse,
}


def run_all(pages: list[Page], tools: dict[str, Extractor]) -> dict[str, Score]:
    """Each page through every tool in turn, the order rotated per page; extraction time only."""
    scores = {name: Score() for name in tools}
    names = list(tools)
    for number, page in enumerate(pages):
        for name in names[number % len(names) :] + names[: number % len(names)]:
            started = time.perf_counter()
            try:
                text = tools[name](page.html, page.url)
            except Exception:  # a peer that crashes on a page scores an empty output there
                text = ""
                scores[name].errors += 1
            scores[name].seconds += time.perf_counter() - started
            scores[name].megabytes += page.size / 1e6
            add_page(scores[name], page.truth, text)
    return scores


# --- dates and authors --------------------------------------------------------------------------

_URL_DATE = re.compile(r"/(20\d\d)[/-]?(0[1-9]|1[0-2])[/-]?(0[1-9]|[12]\d|3[01])(?:/|[^\d])")


def url_date(url: str) -> str | None:
    """A date written into the article's URL (``/2019/11/20/``, ``/20191120``): set by the site."""
    match = _URL_DATE.search(url)
    return "-".join(match.groups()) if match else None


def metadata_scores(pages: list[Page]) -> dict[str, Any]:
    """Dates and authors against two references per page, where the page has them.

    - ``url``: the date written into the article's URL (``/2019/11/20/``), for published dates;
      set by the site, independent of the page's markup.
    - ``jsonld``: the page's own schema.org Article object (the first ``@type`` ending in Article or
      BlogPosting in its ``application/ld+json`` blocks): ``datePublished``, ``dateModified`` and
      ``author``. Read here with the standard library and dateutil; dates before 1995 (placeholders
      such as 0001-01-01) or after today are no reference. Our extractor reads JSON-LD first too,
      so this checks that it finds and prefers it, not an independent truth.

    A date is right when its day (YYYY-MM-DD) matches; ``within_a_day`` also accepts the day either
    side (a UTC timestamp against a local date in the URL). An updated date is expected only where
    ``dateModified`` falls on a later day than ``datePublished``; ``updated_spurious`` counts pages
    where we give one and the reference has none. Authors are right when we return at least one
    name, every name we return occurs in the JSON-LD author field, and every JSON-LD author entry
    contains one of ours (case and punctuation ignored).
    """
    from sourcebrief.extract.body import parse_html
    from sourcebrief.extract.metadata import jsonld_objects, page_metadata

    counts: Counter[str] = Counter()
    for page in pages:
        tree = parse_html(page.html)
        meta = page_metadata(tree, None)  # as a saved page: the URL is not given
        reference = _jsonld_reference(jsonld_objects(tree))
        _count_day(counts, "published_vs_url", meta.published, url_date(page.url))
        _count_day(counts, "published_vs_jsonld", meta.published, reference.get("published"))
        updated = reference.get("updated")
        if updated and reference.get("published") and updated > reference["published"]:
            _count_day(counts, "updated_vs_jsonld", meta.updated, updated)
        elif reference.get("published"):
            counts["updated_spurious"] += meta.updated is not None
        if reference.get("authors"):
            counts["authors_vs_jsonld_total"] += 1
            counts["authors_vs_jsonld_right"] += _authors_agree(meta.authors, reference["authors"])
        counts["pages"] += 1
        counts["with_published"] += bool(meta.published)
        counts["with_updated"] += bool(meta.updated)
        counts["with_authors"] += bool(meta.authors)
    return dict(sorted(counts.items()))


def _count_day(counts: Counter[str], name: str, got: str | None, expected: str | None) -> None:
    if not expected:
        return
    counts[f"{name}_total"] += 1
    counts[f"{name}_right"] += got == expected
    if got:
        gap = abs((date.fromisoformat(got) - date.fromisoformat(expected)).days)
        counts[f"{name}_within_a_day"] += gap <= 1


def _reference_day(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    try:
        day = dateutil.parser.parse(value).date()
    except (ValueError, OverflowError):
        return None
    return day.isoformat() if date(1995, 1, 1) <= day <= date.today() else None


def _jsonld_reference(objects: list[dict[str, Any]]) -> dict[str, Any]:
    for item in objects:
        kind = item.get("@type")
        kinds = kind if isinstance(kind, list) else [kind]
        if not any(isinstance(k, str) and k.endswith(("Article", "BlogPosting")) for k in kinds):
            continue
        authors = item.get("author")
        authors = authors if isinstance(authors, list) else [authors]
        names = [a.get("name") if isinstance(a, dict) else a for a in authors]
        return {
            "published": _reference_day(item.get("datePublished")),
            "updated": _reference_day(item.get("dateModified")),
            "authors": [n for n in names if isinstance(n, str) and n.strip()],
        }
    return {}


def _letters(text: str) -> str:
    return " ".join(_TOKEN.findall(text.casefold()))


def _authors_agree(ours: tuple[str, ...], reference: list[str]) -> bool:
    field = " | ".join(_letters(name) for name in reference)
    return (
        bool(ours)
        and all(_letters(name) in field for name in ours)
        and all(any(_letters(name) in _letters(entry) for name in ours) for entry in reference)
    )


# --- report -------------------------------------------------------------------------------------


def main() -> None:
    pin_to_one_core()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="folder with html/*.html.gz and ground-truth.json")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--only", nargs="+", choices=list(TOOLS), help="run only these tools")
    parser.add_argument("--metadata", action="store_true", help="also score dates and authors (see metadata_scores)")
    parser.add_argument("--limit", type=int, help="the first N pages only (a quick check)")
    args = parser.parse_args()

    pages = load_pages(args.data)[: args.limit]
    tools = {name: TOOLS[name]() for name in args.only or TOOLS}
    for tool in tools.values():  # warm-up: imports and first-call caches stay out of the timing
        tool(pages[0].html, pages[0].url)
    scores = run_all(pages, tools)
    results: dict[str, Any] = {"tools": {name: summary(score) for name, score in scores.items()}}
    if args.metadata:
        results["metadata"] = metadata_scores(pages)
    if args.json:
        print(json.dumps(results, indent=2))
        return
    print(f"{len(pages)} pages; {cpu_name()} ({platform.machine()}), 1 core, Python {platform.python_version()}")
    print("| tool | P | R | F1 | accuracy | pages/s | MB/s |\n|---|---|---|---|---|---|---|")
    for name, row in sorted(results["tools"].items(), key=lambda item: -item[1]["f1"]):
        errors = f" ({scores[name].errors} errors)" if scores[name].errors else ""
        print(
            f"| {name}{errors} | {row['p']:.3f} | {row['r']:.3f} | {row['f1']:.3f} | {row['accuracy']:.3f} "
            f"| {row['pages_per_s']:.1f} | {row['mb_per_s']:.2f} |"
        )
    if args.metadata:
        print("\n" + json.dumps(results["metadata"], indent=2))


if __name__ == "__main__":
    main()
