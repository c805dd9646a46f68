"""Speed and memory of the briefing pipeline on one CPU core.

Measures model load time, time and peak memory to brief one ~1,000-word article (from raw text to
briefing, extraction included), and the whole demo corpus shipped in the package.

    .venv/bin/python bench/speed.py [--repeat 20] [--json]

Results go into docs/benchmarks.md with the command and the machine.
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import statistics
import time
from importlib import resources

from machine import cpu_name, pin_to_one_core


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB


def main() -> None:
    pin_to_one_core()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20, help="timed runs of the one-article brief")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--article", help="time this file instead of the longest demo article")
    parser.add_argument("--mode", choices=["fast", "accurate"], default="accurate", help="attribution mode")
    parser.add_argument(
        "--precision", choices=["auto", "float32"], default="auto", help="the accurate tagger's arithmetic"
    )
    args = parser.parse_args()

    rss_start = peak_rss_mb()
    started = time.perf_counter()
    from sourcebrief import Pipeline, Settings
    from sourcebrief.extract import extract
    from sourcebrief.ingest import read_inputs, read_jsonl
    from sourcebrief.settings import AttributeSettings

    pipeline = Pipeline(Settings(attribute=AttributeSettings(mode=args.mode, precision=args.precision)))
    load_s = time.perf_counter() - started
    rss_loaded = peak_rss_mb()

    corpus = (resources.files("sourcebrief.demo") / "wikinews.jsonl").read_bytes()
    documents = list(read_jsonl(corpus, "demo"))
    if args.article:
        [longest] = list(read_inputs([args.article], pipeline.settings.input))
    else:
        longest = max(documents, key=lambda d: len(d.data.split()))  # type: ignore[union-attr]
    words = len(extract(longest, pipeline.settings.extract).text.split())  # type: ignore[arg-type]

    def brief_one() -> None:
        pipeline.brief_article(extract(longest, pipeline.settings.extract))  # type: ignore[arg-type]

    brief_one()  # warm-up: first-call caches in spaCy and trafilatura
    timings = []
    for _ in range(args.repeat):
        started = time.perf_counter()
        brief_one()
        timings.append(time.perf_counter() - started)
    rss_one = peak_rss_mb()

    started = time.perf_counter()
    corpus_words = sources = statements = 0
    for document in documents:
        article = extract(document, pipeline.settings.extract)  # type: ignore[arg-type]
        corpus_words += len(article.text.split())
        briefing = pipeline.brief_article(article)
        sources += len(briefing.sources)
        statements += sum(len(source.statements) for source in briefing.sources)
    corpus_s = time.perf_counter() - started

    results = {
        "machine": f"{cpu_name()} ({platform.machine()}), pinned to 1 core, Python {platform.python_version()}",
        "mode": args.mode,
        "precision": args.precision,
        "model_load_s": round(load_s, 3),
        "one_article_words": words,
        "one_article_median_s": round(statistics.median(timings), 4),
        "one_article_p90_s": round(sorted(timings)[int(0.9 * (len(timings) - 1))], 4),
        "corpus_articles": len(documents),
        "corpus_words": corpus_words,
        "corpus_s": round(corpus_s, 3),
        "corpus_articles_per_s": round(len(documents) / corpus_s, 1),
        "corpus_words_per_s": round(corpus_words / corpus_s),
        # What the mode finds, not only how fast: the briefings' sources and statements.
        "sources_per_article": round(sources / len(documents), 2),
        "statements_per_article": round(statements / len(documents), 2),
        "peak_rss_mb_start": round(rss_start, 1),
        "peak_rss_mb_after_load": round(rss_loaded, 1),
        "peak_rss_mb_after_briefing": round(max(rss_one, peak_rss_mb()), 1),
    }
    if args.json:
        print(json.dumps(results, indent=2))
        return
    print(f"machine: {results['machine']}; attribution mode: {args.mode}")
    print("| measure | value |\n|---|---|")
    print(f"| model load (import, spaCy model{', tagger' if args.mode == 'accurate' else ''}) | {load_s:.2f} s |")
    print(
        f"| brief one {words}-word article, median of {args.repeat} (p90) | "
        f"{results['one_article_median_s']:.3f} s ({results['one_article_p90_s']:.3f} s) |"
    )
    print(
        f"| brief the demo corpus ({len(documents)} articles, {corpus_words:,} words) | {corpus_s:.2f} s "
        f"({results['corpus_articles_per_s']} articles/s, {results['corpus_words_per_s']:,} words/s) |"
    )
    print(
        f"| sources / statements per demo article | {results['sources_per_article']} / "
        f"{results['statements_per_article']} |"
    )
    print(
        f"| peak memory (RSS): after load / after briefing | {rss_loaded:.0f} MB / "
        f"{results['peak_rss_mb_after_briefing']:.0f} MB |"
    )


if __name__ == "__main__":
    main()
