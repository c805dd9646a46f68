"""The demo corpus groups into its hand-made stories (gold in ../shared, never input)."""

from __future__ import annotations

import json
from collections import Counter
from importlib import resources
from itertools import combinations

from sourcebrief import Pipeline
from sourcebrief.stories.build import build_stories

from .conftest import SHARED, needs_shared

GOLD = SHARED / "data" / "demo-wikinews" / "stories.json"


def _pairs(groups: dict[str, str]) -> set[tuple[str, str]]:
    return {(a, b) for a, b in combinations(sorted(groups), 2) if groups[a] == groups[b]}


@needs_shared(GOLD)
def test_stories_demo_corpus_groups_into_its_stories(pipeline: Pipeline) -> None:
    stories = json.loads(GOLD.read_text(encoding="utf-8"))["stories"]
    gold = {article: story["story_id"] for story in stories for article in story["article_ids"]}
    with resources.as_file(resources.files("sourcebrief.demo") / "wikinews.jsonl") as path:
        result = pipeline.run([str(path)])
    found = {a.id: s.id for s in build_stories(result.briefings) for a in s.articles}
    gold = {article: gold.get(article, article) for article in found}  # unlisted: a story of its own
    together, expected = _pairs(found), _pairs(gold)
    precision = len(together & expected) / len(together)
    recall = len(together & expected) / len(expected)
    assert 2 * precision * recall / (precision + recall) >= 0.9
    # Distractors (gold stories of one article) stay alone or nearly: no story swallows several.
    sizes = Counter(gold.values())
    singles = [a for a, story in gold.items() if sizes[story] == 1]
    assert len(singles) == 7
    assert max(Counter(found[a] for a in singles).values()) <= 2
