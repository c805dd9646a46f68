"""The rules' spans on a PolNeAR split: the attribution tagger's strongest input feature. Run at two
checkouts and compare, to see how many training articles a rule change alters (the shipped tagger
was trained on the spans of the code it was trained with).

    .venv/bin/python bench/rule_features.py --data ../shared/data/polnear --out NEW.json [--compare OLD.json]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from sourcebrief.analyze import analyze, load_model
from sourcebrief.attribute import attribute
from sourcebrief.attribute.corpus import read_split
from sourcebrief.attribute.tagger import rule_spans
from sourcebrief.model import Article

Spans = dict[str, dict[str, list[list[int]]]]


def spans_of(data: Path, split: str) -> Spans:
    nlp = load_model()
    found: Spans = {}
    for document in read_split(data, split):
        analysis = analyze(Article(id=document.name, text=document.text), nlp)
        spans = rule_spans(attribute(analysis).sources)
        found[document.name] = {role: sorted([s.start, s.end] for s in listed) for role, listed in spans.items()}
    return found


def changed_characters(old: dict[str, list[list[int]]], new: dict[str, list[list[int]]]) -> int:
    """Characters whose role differs between two articles' spans."""

    def covered(spans: dict[str, list[list[int]]], role: str) -> set[int]:
        return {char for start, end in spans.get(role, []) for char in range(start, end)}

    return sum(len(covered(old, role) ^ covered(new, role)) for role in ("source", "cue", "content"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="a folder in PolNeAR's layout")
    parser.add_argument("--split", default="train")
    parser.add_argument("--out", type=Path, required=True, help="where to write this checkout's spans (JSON)")
    parser.add_argument("--compare", type=Path, help="spans written at another checkout")
    args = parser.parse_args()

    new = spans_of(args.data, args.split)
    args.out.write_text(json.dumps(new))
    if args.compare:
        old: Spans = json.loads(args.compare.read_text())
        differ = [name for name in new if new[name] != old.get(name)]
        characters = sum(changed_characters(old.get(name, {}), new[name]) for name in differ)
        print(f"{len(differ)} of {len(new)} articles differ; {characters} characters change role")
        for name in differ:
            print(f"  {name}")


if __name__ == "__main__":
    main()
