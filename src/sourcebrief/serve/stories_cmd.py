"""``sourcebrief stories``: group many articles into stories and brief each story.

A thin shell over the pipeline and :mod:`sourcebrief.stories`; bad inputs get one line on stderr
each and the exit code 1, the others are grouped.
"""

from __future__ import annotations

import json
from itertools import islice, zip_longest
from pathlib import Path

import click

from sourcebrief.errors import SourcebriefError
from sourcebrief.model import Briefing, Citation
from sourcebrief.pipeline import Pipeline
from sourcebrief.serve.batch import brief_all, exit_if_incomplete
from sourcebrief.serve.options import emit, format_option, max_input_option, output_option
from sourcebrief.serve.render import QUOTE_PREVIEW_CHARS, escape_markdown, to_dict
from sourcebrief.settings import InputSettings, Settings
from sourcebrief.stories.build import build_stories
from sourcebrief.stories.model import ChainEdge, EdgeKind, Story, TimelineEntry
from sourcebrief.stories.serialize import story_to_dict

FORMATS = ("md", "json", "jsonl")
TIMELINE_LINES = 20


class _Citations:
    """Numbers citations in order of first use, for [n] markers and the list at the end."""

    def __init__(self) -> None:
        self.numbers: dict[Citation, int] = {}

    def markers(self, citations: tuple[Citation, ...]) -> str:
        return "".join(f"[{self.numbers.setdefault(c, len(self.numbers) + 1)}]" for c in citations)


def _preview(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= QUOTE_PREVIEW_CHARS else text[: QUOTE_PREVIEW_CHARS - 1] + "…"


def _edge_end(story: Story, edge: ChainEdge, end: str) -> str:
    """What an end of a chain edge names, for a reader: a source by name (who spoke to an outlet),
    an article by title and site (a copy has its original's title), an outlet as it is."""
    if edge.kind == EdgeKind.SPOKE_TO and end == edge.source:
        return next(s.name for s in story.sources if s.id == end)
    article = next((a.article for a in story.articles if a.id == end), None)
    if article is None:
        return end
    return f"“{article.title or article.id}”" + (f" ({article.site})" if article.site else "")


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" + ("" if number == 1 else "s")


def story_markdown(story: Story) -> str:
    index = _Citations()
    central = story.claims[0]
    republished = sum(1 for a in story.articles if a.copy_of)
    lines = [f"# Story: {escape_markdown(story.title)}", ""]
    lines += [
        f"**Claim status: {central.status}** — {escape_markdown(central.text)} {index.markers(central.citations)}"
    ]
    lines += [
        "",
        f"{_count(len(story.articles), 'article')} ({republished} republished); independent confirmations of the "
        f"claim: {central.independent_confirmations}.",
        "",
        "## Briefing",
        "",
    ]
    lines += [f"- {escape_markdown(n.text)} {index.markers(n.citations)}" for n in story.sentences]
    lines += ["", "## Articles", "", "| Article | Published | Role | Stance toward the claim |", "|---|---|---|---|"]
    stance_of = {s.article: s for s in central.article_stances}
    for story_article in story.articles:
        article = story_article.article
        role = str(story_article.role) + (f" of {story_article.copy_of}" if story_article.copy_of else "")
        stance = stance_of[story_article.id]
        lines.append(
            f"| {escape_markdown(article.title or article.id)} | {escape_markdown(article.published or '')} "
            f"| {escape_markdown(role)} "
            f"| {stance.stance} {index.markers(stance.citations)} |"
        )
    lines += [
        "",
        "## Sources across articles",
        "",
        "| Source | Kind | Also named | Stance per claim | Statements |",
        "|---|---|---|---|---|",
    ]
    for source in story.sources:
        held = "; ".join(f"{s.claim}: {s.stance}" for s in source.stances) or "—"
        others = "; ".join(n for n in source.names if n != source.name)
        lines.append(
            f"| {escape_markdown(source.name)} | {source.kind} | {escape_markdown(others)} | {held} "
            f"| {len(source.statements)} |"
        )
    if story.chain:
        lines += ["", "## Reporting chain", ""]
        lines += [
            f"- {escape_markdown(_edge_end(story, e, e.source))} → {escape_markdown(_edge_end(story, e, e.target))}: "
            f"{e.kind} {index.markers(e.citations)}"
            for e in story.chain
        ]
    if story.timeline:
        shown = timeline_shown(story.timeline, TIMELINE_LINES)
        lines += ["", "## Timeline", "", "Each statement is dated by the article that reports it.", ""]
        lines += [
            f"- {escape_markdown(t.date or 'undated')} — {escape_markdown(t.text)} {index.markers(t.citations)}"
            for t in shown
        ]
        if len(shown) < len(story.timeline):
            hidden = _count(len(story.timeline) - len(shown), "more statement")
            lines.append(f"- … and {hidden} (`--format json` has all)")
    lines += ["", "## Citations", ""]
    for citation, number in index.numbers.items():
        quoted = _preview(story.article(citation.article).quote(citation))
        lines.append(f"{number}. {citation.article} {citation.start}–{citation.end}: “{escape_markdown(quoted)}”")
    credits = dict.fromkeys(a.article.credit for a in story.articles if a.article.credit)
    lines += [f"\n_{escape_markdown(credit)}_" for credit in credits if credit]
    return "\n".join(lines) + "\n"


def timeline_shown(timeline: tuple[TimelineEntry, ...], most: int) -> list[TimelineEntry]:
    """At most ``most`` entries, in order, taken from every article in turn (its earliest first),
    so that a long story's latest articles are not cut off by its first ones."""
    by_article: dict[str, list[int]] = {}
    for number, entry in enumerate(timeline):
        by_article.setdefault(entry.article, []).append(number)
    rounds = zip_longest(*by_article.values())
    taken = islice((number for round_ in rounds for number in round_ if number is not None), most)
    return [timeline[number] for number in sorted(taken)]


def stories_json(briefings: list[Briefing], found: list[Story]) -> str:
    """``{"briefings": [...], "stories": [...]}``: each briefing in the single-article contract,
    and the stories they group into (for ``sourcebrief brief --stories --format json``)."""
    data = {"briefings": [to_dict(b) for b in briefings], "stories": [story_to_dict(s) for s in found]}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _render(stories: list[Story], output_format: str) -> str:
    if output_format == "json":
        return json.dumps({"stories": [story_to_dict(s) for s in stories]}, ensure_ascii=False, indent=2) + "\n"
    if output_format == "jsonl":
        return "".join(json.dumps(story_to_dict(s), ensure_ascii=False) + "\n" for s in stories)
    return "\n---\n\n".join(story_markdown(s) for s in stories)


@click.command()
@click.argument("inputs", nargs=-1, required=True, metavar="FILE_OR_URL...")
@format_option(FORMATS, 'md: Markdown; json: {"stories": [...]}; jsonl: one story a line.')
@output_option
@max_input_option
def stories(inputs: tuple[str, ...], output_format: str, output: Path | None, max_input_mb: float) -> None:
    """Group the articles in FILE_OR_URL... into stories and brief each story: copies and rewrites
    linked to their originals, sources merged across articles, each claim's status with its
    independent confirmations, the reporting chain and a timeline.

    Articles are taken in order of publication. Bad inputs are reported on stderr and skipped;
    the exit code is 1 if any input failed.
    """
    settings = Settings(input=InputSettings(max_bytes=int(max_input_mb * 1_000_000)))
    try:
        result = brief_all(Pipeline(settings), list(inputs))
        found = build_stories(result.briefings) if result.briefings else []
    except SourcebriefError as error:
        raise click.ClickException(str(error)) from None
    if found:
        emit(_render(found, output_format), output)
    exit_if_incomplete(len(result.briefings), len(result.problems), "briefed")
