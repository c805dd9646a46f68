"""Attribution on PolNeAR: sources, cues and contents, ours against baselines, in one run.

    .venv/bin/python bench/attribution.py --data ../shared/data/polnear [--split dev] [--json]

Scores per role (source, cue, content), exact (same characters, ignoring surrounding whitespace and
punctuation) and partial (overlap), plus lenient pairs (source and content of one attribution both
overlap), and throughput in words/s on one process. Systems: sourcebrief-fast (rules),
sourcebrief-accurate (trained tagger, when its model is installed), textacy's direct_quotations
run per paragraph, and a plain speech-verb + subject rule.
"""

from __future__ import annotations

import argparse
import functools
import json
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Literal

from spacy.language import Language
from spacy.tokens import Doc, Token

from machine import pin_to_one_core
from sourcebrief.analyze import analyze, load_model
from sourcebrief.attribute import attribute
from sourcebrief.attribute.corpus import Attribution, Document, Scorer, Span, read_split
from sourcebrief.attribute.tagger import AttributionTagger
from sourcebrief.errors import ModelMissing
from sourcebrief.model import Article

System = Callable[[Document], list[Attribution]]

SPEECH_VERBS = frozenset("say tell claim state report announce add note argue explain write".split())
_PARAGRAPH = re.compile(r"[^\n]+")  # one paragraph a line, as PolNeAR's texts are written


def ours(nlp: Language, tagger: AttributionTagger | None = None) -> System:
    """sourcebrief's attribute stage as the pipeline runs it, each statement as an attribution. Joint
    speakers' statements with the same spans ("The committee and the FSB said", one mention for
    both) are one attribution, as PolNeAR annotates them."""

    def run(document: Document) -> list[Attribution]:
        analysis = analyze(Article(id=document.name, text=document.text), nlp)
        found = []
        for source in attribute(analysis, tagger).sources:
            for statement in source.statements:
                speaker = (Span(statement.speaker.start, statement.speaker.end),) if statement.speaker else ()
                cue = (Span(statement.cue.start, statement.cue.end),) if statement.cue else ()
                found.append(Attribution(speaker, cue, (Span(statement.content.start, statement.content.end),)))
        return list(dict.fromkeys(found))

    return run


def ours_fast(nlp: Language) -> System:
    return ours(nlp)


def ours_accurate(nlp: Language, precision: Literal["auto", "float32"] = "auto") -> System | None:
    try:
        return ours(nlp, AttributionTagger.load(precision=precision))
    except ModelMissing:
        return None


def _token_span(tokens: list[Token]) -> tuple[Span, ...]:
    if not tokens:
        return ()
    return (Span(min(t.idx for t in tokens), max(t.idx + len(t) for t in tokens)),)


def textacy_quotations(nlp: Language) -> System:
    from textacy.extract.triples import direct_quotations

    def run(document: Document) -> list[Attribution]:
        found = []
        for paragraph in _PARAGRAPH.finditer(document.text):
            offset = paragraph.start()
            try:  # textacy refuses paragraphs with an unclosed quotation mark: they yield nothing
                triples = list(direct_quotations(nlp(paragraph.group())))
            except ValueError:
                continue
            for triple in triples:
                shift = [
                    Span(s.start + offset, s.end + offset)
                    for s in (*_token_span(list(triple.speaker)), *_token_span(list(triple.cue)))
                ]
                content = Span(triple.content.start_char + offset, triple.content.end_char + offset)
                found.append(Attribution(tuple(shift[:1]), tuple(shift[1:2]), (content,)))
        return found

    return run


def verb_subject_rule(nlp: Language) -> System:
    """The plainest rule: a speech verb, its subject as source, its clausal complement as content."""

    def run(document: Document) -> list[Attribution]:
        doc: Doc = nlp(document.text)
        found = []
        for token in doc:
            if token.pos_ != "VERB" or token.lemma_ not in SPEECH_VERBS:
                continue
            subjects = [c for c in token.children if c.dep_ == "nsubj"]
            contents = [c for c in token.children if c.dep_ in ("ccomp", "parataxis")]
            if subjects and contents:
                found.append(
                    Attribution(
                        _token_span(list(subjects[0].subtree)),
                        _token_span([token]),
                        _token_span(list(contents[0].subtree)),
                    )
                )
        return found

    return run


def evaluate(system: System, documents: list[Document]) -> dict[str, object]:
    scorer = Scorer()
    words = sum(len(d.text.split()) for d in documents)
    started = time.perf_counter()
    for document in documents:
        scorer.add(document, system(document))
    elapsed = time.perf_counter() - started
    return {**scorer.report(), "words_per_s": round(words / elapsed)}


def main() -> None:
    pin_to_one_core()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="a folder in PolNeAR's layout")
    parser.add_argument("--split", default="dev")
    parser.add_argument("--limit", type=int, help="only the first N articles (a quick look)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--systems", help="comma-separated subset of systems to run")
    parser.add_argument(
        "--precision",
        choices=["auto", "float32"],
        default="auto",
        help="the accurate tagger's arithmetic (as in brief)",
    )
    args = parser.parse_args()

    documents = read_split(args.data, args.split)[: args.limit]
    nlp = load_model()
    factories: dict[str, Callable[[Language], System | None]] = {
        "sourcebrief-fast": ours_fast,
        "sourcebrief-accurate": functools.partial(ours_accurate, precision=args.precision),
        "textacy-direct-quotations": textacy_quotations,
        "verb-subject-rule": verb_subject_rule,
    }
    wanted = args.systems.split(",") if args.systems else list(factories)
    results = {}
    for name in wanted:
        system = factories[name](nlp)
        if system is None:
            print(f"{name}: no trained model installed; run 'sourcebrief train-attribution'", file=sys.stderr)
            continue
        results[name] = evaluate(system, documents)
    if args.json:
        report = {"split": args.split, "articles": len(documents), "precision": args.precision, "systems": results}
        print(json.dumps(report, indent=2))
        return
    print(f"PolNeAR {args.split}: {len(documents)} articles")
    print(
        "| system | source exact F1 | cue exact F1 | content exact F1 | source / cue / content partial F1 "
        "| pair lenient P / R / F1 | words/s |"
    )
    print("|---|---|---|---|---|---|---|")
    for name, scores in results.items():
        exact = [scores[r]["exact"]["f1"] for r in ("source", "cue", "content")]  # type: ignore[index]
        partial = [scores[r]["partial"]["f1"] for r in ("source", "cue", "content")]  # type: ignore[index]
        pair = scores["pair_lenient"]
        print(
            f"| {name} | {exact[0]:.3f} | {exact[1]:.3f} | {exact[2]:.3f} | "
            f"{partial[0]:.3f} / {partial[1]:.3f} / {partial[2]:.3f} | "
            f"{pair['p']:.3f} / {pair['r']:.3f} / {pair['f1']:.3f} | {scores['words_per_s']:,} |"
        )  # type: ignore[index]


if __name__ == "__main__":
    main()
