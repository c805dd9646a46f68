"""The attribution tagger alone on PolNeAR: its exact scores, where its content spans miss, and
what run-time variants (window overlap, dynamic int8 quantization) do to scores and time.

    .venv/bin/python bench/tagger_alone.py --data ../shared/data/polnear [--split dev]
        [--stride 128] [--dynamic-int8 per-channel per-tensor] [--precision float32]

Each variant tags the same parsed articles with the same rule features, and its spans are grouped
as the pipeline groups them. "time" is tagging and grouping only, one core. The stage times are
parse, rules and tagger (with the shipped settings) summed over the split.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from machine import describe, pin_to_one_core
from sourcebrief.analyze import analyze, load_model
from sourcebrief.attribute import attribute
from sourcebrief.attribute import tagger as tagging
from sourcebrief.attribute.corpus import Document, Scorer, Span, normalised, read_split
from sourcebrief.model import Article

Prepared = tuple[Document, Any, dict[str, list[Span]]]


def prepare(documents: list[Document], tagger: tagging.AttributionTagger) -> tuple[list[Prepared], dict[str, float]]:
    """Every article parsed and its rule features found once; with the seconds of each stage."""
    nlp = load_model()
    seconds = {"parse": 0.0, "rules": 0.0, "tagger": 0.0}
    prepared = []
    for document in documents:
        started = time.perf_counter()
        analysis = analyze(Article(id=document.name, text=document.text), nlp)
        parsed = time.perf_counter()
        features = tagging.rule_spans(attribute(analysis).sources)
        ruled = time.perf_counter()
        tagger.tag(analysis.doc, features)
        seconds["parse"] += parsed - started
        seconds["rules"] += ruled - parsed
        seconds["tagger"] += time.perf_counter() - ruled
        prepared.append((document, analysis.doc, features))
    return prepared, {k: round(v, 2) for k, v in seconds.items()}


def score(tagger: tagging.AttributionTagger, prepared: list[Prepared]) -> dict[str, Any]:
    scorer = Scorer()
    started = time.perf_counter()
    for document, doc, features in prepared:
        scorer.add(document, tagging.group(tagger.tag(doc, features), doc))
    elapsed = time.perf_counter() - started
    report = scorer.report()
    exact = {role: report[role]["exact"]["f1"] for role in ("source", "cue", "content")}  # type: ignore[index]
    return {"exact_f1": exact, "pair_f1": report["pair_lenient"]["f1"], "time_s": round(elapsed, 1)}


def content_misses(tagger: tagging.AttributionTagger, prepared: list[Prepared]) -> dict[str, int]:
    """Gold contents matched exactly, not overlapped at all, or overlapped with other boundaries
    (counted by how many words the boundaries differ: one, or more)."""
    counts = {"gold": 0, "exact": 0, "not_overlapped": 0, "boundary_one_word": 0, "boundary_more_words": 0}
    for document, doc, features in prepared:
        text = document.text
        gold = {s for s in (normalised(c, text) for a in document.attributions for c in a.content) if s}
        found = {s for s in (normalised(c, text) for c in tagger.tag(doc, features)["content"]) if s}
        for span in gold:
            counts["gold"] += 1
            overlapping = [f for f in found if f.start < span.end and span.start < f.end]
            if span in found:
                counts["exact"] += 1
            elif not overlapping:
                counts["not_overlapped"] += 1
            else:
                nearest = max(overlapping, key=lambda f: min(f.end, span.end) - max(f.start, span.start))
                differing = text[min(nearest.start, span.start) : max(nearest.start, span.start)]
                differing += " " + text[min(nearest.end, span.end) : max(nearest.end, span.end)]
                one = len(differing.split()) <= 1
                counts["boundary_one_word" if one else "boundary_more_words"] += 1
    return counts


def _quantized(tagger: tagging.AttributionTagger, scales: str) -> tagging.AttributionTagger:
    import torch
    from torch.ao.quantization import default_dynamic_qconfig, per_channel_dynamic_qconfig

    qconfig = per_channel_dynamic_qconfig if scales == "per-channel" else default_dynamic_qconfig
    network = torch.ao.quantization.quantize_dynamic(tagger.network, {torch.nn.Linear: qconfig}, dtype=torch.qint8)
    return tagging.AttributionTagger(network, tagger.tokenizer)


def _with_stride(stride: int, run: Callable[[], dict[str, Any]]) -> dict[str, Any]:
    shipped = tagging.STRIDE
    tagging.STRIDE = stride
    try:
        return run()
    finally:
        tagging.STRIDE = shipped


def main() -> None:
    pin_to_one_core()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="a folder in PolNeAR's layout")
    parser.add_argument("--split", default="dev")
    parser.add_argument("--stride", type=int, nargs="*", default=[], help="window strides to try besides the shipped")
    parser.add_argument("--dynamic-int8", nargs="*", default=[], choices=["per-channel", "per-tensor"])
    parser.add_argument("--precision", choices=["auto", "float32"], default="auto", help="the tagger's arithmetic")
    args = parser.parse_args()

    tagger = tagging.AttributionTagger.load(precision=args.precision)
    prepared, stages = prepare(read_split(args.data, args.split), tagger)
    results: dict[str, Any] = {"machine": describe(), "precision": args.precision, "stage_seconds": stages}
    results["shipped"] = score(tagger, prepared)
    results["content_misses"] = content_misses(tagger, prepared)
    for stride in args.stride:
        results[f"stride {stride}"] = _with_stride(stride, lambda: score(tagger, prepared))
    for scales in args.dynamic_int8:
        results[f"dynamic int8, {scales}"] = score(_quantized(tagger, scales), prepared)
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
