"""The demo corpus grouped into stories by the whole pipeline (briefings, then stories), scored
against the hand grouping in ../shared/data/demo-wikinews/stories.json (gold only, never input),
beside a TF-IDF average-link baseline."""

from __future__ import annotations

import json
import time
from importlib import resources
from pathlib import Path
from typing import Any

from sourcebrief import Pipeline, Settings
from sourcebrief.stories.build import build_stories
from stories_baselines import tfidf_clusters
from stories_metrics import clustering_scores


def gold_grouping(folder: Path) -> dict[str, str]:
    """Article id -> story id; an article the file does not place is its own story."""
    stories = json.loads((folder / "stories.json").read_text(encoding="utf-8"))["stories"]
    return {article: story["story_id"] for story in stories for article in story["article_ids"]}


def demo_grouping(gold_folder: Path) -> dict[str, Any]:
    gold_of = gold_grouping(gold_folder)
    corpus = resources.files("sourcebrief.demo") / "wikinews.jsonl"
    pipeline = Pipeline(Settings())
    started = time.perf_counter()
    with resources.as_file(corpus) as path:
        result = pipeline.run([str(path)])
    briefed = time.perf_counter()
    stories = build_stories(result.briefings)
    grouped = time.perf_counter()
    story_of = {a.id: i for i, s in enumerate(stories) for a in s.articles}
    ids = sorted(story_of)
    gold = [gold_of.get(i, i) for i in ids]
    ours = clustering_scores(gold, [story_of[i] for i in ids])
    ours["articles_per_s"] = len(ids) / (grouped - started)
    ours["story_articles_per_s"] = len(ids) / (grouped - briefed)
    texts = {b.articles[0].id: f"{b.articles[0].title}\n{b.articles[0].text}" for b in result.briefings}
    started = time.perf_counter()
    # The baseline has no training stories here: its threshold is tuned on the demo itself (an upper bound).
    baseline = tfidf_clusters([texts[i] for i in ids], gold, [texts[i] for i in ids])
    scores = clustering_scores(gold, baseline) | {"articles_per_s": len(ids) / (time.perf_counter() - started)}
    notes = {
        "articles": len(ids),
        "gold_stories": len(set(gold)),
        "stories_found": len(stories),
        "republished": sum(1 for s in stories for a in s.articles if a.copy_of),
    }
    return {"dataset": "demo", "systems": {"sourcebrief": ours, "tfidf-baseline-tuned-on-demo": scores}, "notes": notes}
