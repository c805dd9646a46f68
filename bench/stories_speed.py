"""Time to brief a story of 10 articles on one CPU core, after the models are loaded.

The story: the six demo articles on the 2019 Hong Kong protests plus four copies of them on
other sites (what a wire story looks like across outlets). Timed from clean article text to the
story ledger, briefing and JSON: the per-article pipeline, grouping, copy and rewrite checks,
source merge, article stance and the story briefing.

    .venv/bin/python bench/stories_speed.py [--repeat 5] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import time
from dataclasses import replace
from importlib import resources

for variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(variable, "1")
if hasattr(os, "sched_setaffinity"):
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})

STORY_PREFIX = "hong-kong"
COPIES = 4


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    import torch

    torch.set_num_threads(1)
    from sourcebrief import Pipeline, Settings
    from sourcebrief.extract import extract
    from sourcebrief.ingest import read_jsonl
    from sourcebrief.stories.articlestance import shipped_model
    from sourcebrief.stories.build import StoryBuilder
    from sourcebrief.stories.embed import Embedder
    from sourcebrief.stories.serialize import story_to_dict

    started = time.perf_counter()
    pipeline = Pipeline(Settings())
    shipped_model()
    Embedder()(["warm-up"])
    load_s = time.perf_counter() - started

    corpus = (resources.files("sourcebrief.demo") / "wikinews.jsonl").read_bytes()
    articles = [extract(d, Settings().extract) for d in read_jsonl(corpus, "demo")]
    story = [a for a in articles if STORY_PREFIX in a.id]
    story += [
        replace(a, id=f"{a.id}-copy", url=f"https://copy.example/{i}", site="Copy Site")
        for i, a in enumerate(story[:COPIES])
    ]
    assert len(story) == 10, len(story)

    times = []
    for _ in range(args.repeat):
        started = time.perf_counter()
        builder = StoryBuilder(embedder=Embedder())  # a fresh embedding memo: nothing carried over
        for article in story:
            builder.add(pipeline.brief_article(article))
        stories = builder.stories()
        json.dumps([story_to_dict(s) for s in stories])
        times.append(time.perf_counter() - started)
    result = {
        "articles": len(story),
        "stories": len(stories),
        "load_s": round(load_s, 2),
        "story_brief_s_median": round(statistics.median(times), 2),
        "story_brief_s_max": round(max(times), 2),
        "repeat": args.repeat,
    }
    print(json.dumps(result) if args.json else "\n".join(f"{k}: {v}" for k, v in result.items()))


if __name__ == "__main__":
    main()
