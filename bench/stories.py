"""Story benchmarks: grouping and article stance on Emergent, stance on FNC-1, grouping of the
demo corpus; our system beside TF-IDF baselines, in one run per data set.

    .venv/bin/python bench/stories.py {emergent,fnc-1,demo} [--train DIR] [--eval DIR] [--json]

Tunes or trains on --train (default: the shared data folder) and scores on --eval: by default a
claim-disjoint held-out part of the train data (no held-out claim, and no article related to
one, is seen in training); --eval may instead be a folder with the official test files
(url-versions-2015-06-14-clean-test.csv; competition_test_stances.csv + competition_test_bodies.csv).
Results go into docs/benchmarks.md with the command and the machine.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np
import torch
from sklearn.metrics import accuracy_score, f1_score
from threadpoolctl import threadpool_limits

from sourcebrief.stories.articlestance import ArticleStanceModel
from sourcebrief.stories.datasets import Pair, claim_disjoint_split, load_emergent, load_fnc
from sourcebrief.stories.embed import Embedder
from sourcebrief.stories.features import Text
from sourcebrief.stories.group import GroupingSettings, StoryGrouper
from sourcebrief.stories.reader import MODEL_PATH as READER_PATH
from sourcebrief.stories.reader import ClaimReader
from sourcebrief.stories.text import names
from sourcebrief.stories.train import TextCache, article_sentences, feature_matrix, fit
from stories_baselines import tfidf_clusters, tfidf_stance
from stories_data import SHARED_DATA, cached_embedder, save_cache
from stories_metrics import clustering_scores, fnc_score, pairwise

THROUGHPUT_SAMPLE = 400
LABELS = ["agree", "disagree", "discuss", "unrelated"]
THRESHOLDS = np.round(np.arange(0.30, 0.80, 0.025), 3)
NAME_WEIGHTS = (0.0, 0.2, 0.3, 0.4)


def _parts(args: argparse.Namespace, load: Any, folder_name: str) -> tuple[list[Pair], list[Pair], str]:
    train_dir = args.train or SHARED_DATA / folder_name
    pairs, _ = load(train_dir)
    if args.eval is None:
        train, held = claim_disjoint_split(pairs)
        return train, held, "claim-disjoint held-out 20 % of the train data"
    evaluation, official = load(args.eval)
    return pairs, evaluation, ("official test files" if official else "train-named files") + f" in {args.eval}"


def _grouper_assignments(
    vectors: np.ndarray, found_names: list[set[str]], days: list[float], settings: GroupingSettings
) -> list[int]:
    grouper = StoryGrouper(settings)
    for vector, article_names, day in zip(vectors, found_names, days, strict=True):
        grouper.add(vector, article_names, day)
    return grouper.assignments


def _day(pair: Pair) -> float:
    # Emergent article ids are version-1 UUIDs: 100-nanosecond ticks, i.e. 864e9 a day.
    return pair.order / 864e9


def _tune_grouping(articles: list[Pair], embed: Embedder, base: GroupingSettings) -> GroupingSettings:
    """The threshold and name weight with the best pair-F1 on the training claims (the rest of
    the settings as shipped)."""
    vectors = embed([a.headline for a in articles])
    found = [names(a.headline) for a in articles]
    days = [_day(a) for a in articles]
    gold = [a.group for a in articles]
    scored = [
        (pairwise(gold, _grouper_assignments(vectors, found, days, replace(base, threshold=t, name_weight=w)))[2], w, t)
        for w in NAME_WEIGHTS
        for t in THRESHOLDS
    ]
    _, weight, threshold = max(scored)
    return replace(base, threshold=float(threshold), name_weight=weight)


def _unique_articles(pairs: list[Pair]) -> list[Pair]:
    """Each Emergent article once, in time order (their ids are time-based UUIDs)."""
    seen: dict[str, Pair] = {}
    for pair in sorted(pairs, key=lambda p: (p.order, p.article)):
        seen.setdefault(pair.article, pair)
    return list(seen.values())


def emergent(args: argparse.Namespace) -> dict[str, Any]:
    train, held, evaluated_on = _parts(args, load_emergent, "emergent")
    cache = cached_embedder()
    results: dict[str, dict[str, float]] = {"sourcebrief": {}, "tfidf-baseline": {}}
    settings = _tune_grouping(_unique_articles(train), cache, GroupingSettings())
    model = fit(train, cache, trained_on="Emergent train part")
    save_cache(cache)

    # Cold run over the held-out articles: embedding, grouping and stance, as a user would meet it.
    articles = _unique_articles(held)
    started = time.perf_counter()
    fresh = Embedder()
    vectors = fresh([a.headline for a in articles])
    found = [names(a.headline) for a in articles]
    assignments = _grouper_assignments(vectors, found, [_day(a) for a in articles], settings)
    predicted = feature_matrix(model, held, TextCache(fresh))
    stances = model.classifier.predict(predicted)
    elapsed = time.perf_counter() - started
    gold_groups = [a.group for a in articles]
    gold_stances = [p.label for p in held]
    results["sourcebrief"] |= clustering_scores(gold_groups, assignments)
    results["sourcebrief"] |= stance_scores(gold_stances, list(stances), three_way=True)
    results["sourcebrief"]["articles_per_s"] = len(held) / elapsed

    train_articles = _unique_articles(train)
    baseline_groups = tfidf_clusters(
        [a.headline for a in train_articles], [a.group for a in train_articles], [a.headline for a in articles]
    )
    baseline_stances, seconds = tfidf_stance(train, held)
    results["tfidf-baseline"] |= clustering_scores(gold_groups, baseline_groups)
    results["tfidf-baseline"] |= stance_scores(gold_stances, baseline_stances, three_way=True)
    results["tfidf-baseline"]["articles_per_s"] = len(held) / seconds  # stance only
    notes = {
        "evaluated_on": evaluated_on,
        "train_pairs": len(train),
        "eval_pairs": len(held),
        "eval_claims": len(set(gold_groups)),
        "grouping": {"threshold": settings.threshold, "name_weight": settings.name_weight},
    }
    return {"dataset": "emergent", "systems": results, "notes": notes}


def stance_scores(gold: list[str], predicted: list[str], *, three_way: bool = False) -> dict[str, float]:
    labels = [label for label in LABELS if not three_way or label != "unrelated"]
    per_class = f1_score(gold, predicted, labels=labels, average=None, zero_division=0)
    scores = {
        "stance_accuracy": float(accuracy_score(gold, predicted)),
        "stance_macro_f1": float(np.mean(per_class)),
        "agree_f1": float(per_class[0]),
        "disagree_f1": float(per_class[1]),
        "discuss_f1": float(per_class[2]),
    }
    if not three_way:
        scores["unrelated_f1"] = float(per_class[3])
        scores["fnc_score"] = fnc_score(gold, predicted)
    return scores


def fnc(args: argparse.Namespace) -> dict[str, Any]:
    train, held, evaluated_on = _parts(args, load_fnc, "fnc-1")
    model, pairs = fitted_classifier(train, held)
    features_only = [str(x.stance) for x in model.classify(pairs)]
    model.reader = reader_not_trained_on(held, official=args.eval is not None)
    predicted = [str(x.stance) for x in model.classify(pairs)]
    elapsed = _cold_seconds_per_pair(model, held) * len(held)
    gold = [p.label for p in held]
    results = {"sourcebrief": stance_scores(gold, predicted) | {"articles_per_s": len(held) / elapsed}}
    if model.reader is not None:
        results["sourcebrief-features-only"] = stance_scores(gold, features_only)
    baseline, seconds = tfidf_stance(train, held)
    results["tfidf-baseline"] = stance_scores(gold, baseline) | {"articles_per_s": len(held) / seconds}
    notes = {
        "evaluated_on": evaluated_on,
        "train_pairs": len(train),
        "eval_pairs": len(held),
        "eval_claims": len({p.claim for p in held}),
        "eval_labels": {label: gold.count(label) for label in LABELS},
        "claim_reader": model.reader.header["trained_on"] if model.reader else "not installed: features only",
    }
    return {"dataset": "fnc-1", "systems": results, "notes": notes}


def fitted_classifier(train: list[Pair], held: list[Pair]) -> tuple[ArticleStanceModel, list[tuple[Text, Text]]]:
    """The feature classifier fitted on FNC-1's ``train`` pairs, and the ``held`` pairs as the
    (claim, article) texts it classifies; their sentence vectors are cached for the next run."""
    cache = cached_embedder()
    model = fit(train, cache, trained_on="FNC-1 train part")
    texts = TextCache(cache)
    pairs = [(texts((p.claim,)), texts(article_sentences(p))) for p in held]
    save_cache(cache)
    return model, pairs


def reader_not_trained_on(held: list[Pair], *, official: bool, path: Path = READER_PATH) -> ClaimReader | None:
    """The claim reader at ``path`` (the shipped one by default), after checking that it never saw
    the pairs scored here: it is trained on the train part of the same claim-disjoint split (or,
    for the official test files, on train data only)."""
    if not path.exists():
        return None
    reader = ClaimReader.load(path)
    unseen = set(reader.header["held_out_groups"])
    if not official and not {p.group for p in held} <= unseen:
        raise SystemExit(
            f"the claim reader {path} was trained on some of these held-out claims; retrain it with "
            "python -m sourcebrief.stories.reader_training on this split"
        )
    return reader


def _cold_seconds_per_pair(model: ArticleStanceModel, pairs: list[Pair]) -> float:
    """Seconds per pair from raw text to stance with nothing cached (embedding included), on an
    evenly spread sample of at most THROUGHPUT_SAMPLE pairs."""
    sample = pairs[:: max(1, len(pairs) // THROUGHPUT_SAMPLE)][:THROUGHPUT_SAMPLE]
    started = time.perf_counter()
    texts = TextCache(Embedder())
    model.classify([(texts((p.claim,)), texts(article_sentences(p))) for p in sample])
    return (time.perf_counter() - started) / len(sample)


def demo(args: argparse.Namespace) -> dict[str, Any]:
    from stories_demo import demo_grouping

    return demo_grouping(args.train or SHARED_DATA / "demo-wikinews")


def _machine() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as cpuinfo:
            cpu = next(line.split(":", 1)[1].strip() for line in cpuinfo if line.startswith("model name"))
    except (OSError, StopIteration):
        cpu = platform.processor() or "unknown CPU"
    return f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}, one thread"


def _print_table(result: dict[str, Any]) -> None:
    print(f"dataset: {result['dataset']}  ({_machine()})")
    for key, value in result.get("notes", {}).items():
        print(f"  {key}: {value}")
    metrics = sorted({m for scores in result["systems"].values() for m in scores})
    systems = list(result["systems"])
    widths = [max(12, len(s) + 2) for s in systems]
    print(f"{'metric':<22}" + "".join(f"{s:>{w}}" for s, w in zip(systems, widths, strict=True)))
    for metric in metrics:
        cells = [result["systems"][s].get(metric) for s in systems]
        print(
            f"{metric:<22}"
            + "".join(f"{c:>{w}.3f}" if c is not None else f"{'—':>{w}}" for c, w in zip(cells, widths, strict=True))
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dataset", choices=("emergent", "fnc-1", "demo"))
    parser.add_argument("--train", type=Path, help="folder to tune or train on (default: the shared data folder)")
    parser.add_argument("--eval", type=Path, help="folder to score on (default: claim-disjoint held-out part)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args()
    # One thread for numeric libraries and torch: comparable numbers on a shared laptop.
    threadpool_limits(1)
    torch.set_num_threads(1)
    result = {"emergent": emergent, "fnc-1": fnc, "demo": demo}[args.dataset](args)
    if args.json:
        json.dump(result, sys.stdout)
        print()
    else:
        _print_table(result)


if __name__ == "__main__":
    main()
