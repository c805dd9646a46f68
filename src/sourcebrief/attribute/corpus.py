"""Read attribution corpora in PolNeAR's layout and score attribution spans against them.

PolNeAR (Newell et al., LREC 2018) annotates sources, cues and contents as brat standoff:
``DIR/data/<split>/text/<article>.txt`` and ``DIR/data/<split>/attributions/<article>_<annotator>.ann``.
A span may have several fragments ("start end;start end"); each fragment is scored as a span of
its own, as in a token-level BIO view where every token has at most one role.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from sourcebrief.errors import InputError

ROLES = ("source", "cue", "content")
_BRAT_ROLES = {"Source": "source", "Cue": "cue", "Content": "content"}
_EDGE = string.punctuation + "“”‘’—–" + string.whitespace


@dataclass(frozen=True)
class Span:
    start: int
    end: int


@dataclass(frozen=True)
class Attribution:
    """One attribution: each role's spans (fragments of one annotation, or none)."""

    source: tuple[Span, ...] = ()
    cue: tuple[Span, ...] = ()
    content: tuple[Span, ...] = ()

    def spans(self, role: str) -> tuple[Span, ...]:
        spans: tuple[Span, ...] = getattr(self, role)
        return spans


@dataclass(frozen=True)
class Document:
    name: str
    text: str
    attributions: tuple[Attribution, ...] = field(default=())


def read_split(root: Path, split: str) -> list[Document]:
    """Every article of ``split`` with one annotator's attributions (the alphabetically first)."""
    base = root / "data" / split
    texts, annotations = base / "text", base / "attributions"
    if not texts.is_dir() or not annotations.is_dir():
        raise InputError(f"{base} is not in PolNeAR's layout (expected text/ and attributions/ folders)")
    by_article: dict[str, Path] = {}
    for path in sorted(annotations.glob("*.ann")):
        by_article.setdefault(path.stem.rsplit("_", 1)[0], path)
    documents = []
    for text_path in sorted(texts.glob("*.txt")):
        text = text_path.read_text(encoding="utf-8")
        ann = by_article.get(text_path.stem)
        attributions = tuple(parse_brat(ann.read_text(encoding="utf-8"))) if ann else ()
        documents.append(Document(text_path.stem, text, attributions))
    return documents


def parse_brat(standoff: str) -> Iterator[Attribution]:
    """Attributions from brat standoff: text-bound roles (T lines) joined by events (E lines)."""
    spans: dict[str, tuple[str, tuple[Span, ...]]] = {}
    events: list[list[tuple[str, str]]] = []
    for line in standoff.splitlines():
        fields = line.split("\t")
        if line.startswith("T") and len(fields) >= 2:
            kind, _, offsets = fields[1].partition(" ")
            if kind in _BRAT_ROLES:
                spans[fields[0]] = (_BRAT_ROLES[kind], _fragments(offsets))
        elif line.startswith("E") and len(fields) >= 2:
            events.append([tuple(arg.split(":", 1)) for arg in fields[1].split() if ":" in arg])  # type: ignore[misc]
    for arguments in events:
        roles: dict[str, tuple[Span, ...]] = {}
        for _, ref in arguments:
            if ref in spans:
                role, fragments = spans[ref]
                roles[role] = roles.get(role, ()) + fragments
        if roles:
            yield Attribution(**roles)


def _fragments(offsets: str) -> tuple[Span, ...]:
    return tuple(Span(int(a), int(b)) for a, b in re.findall(r"(\d+) (\d+)", offsets))


def normalised(span: Span, text: str) -> Span | None:
    """The span without surrounding whitespace and punctuation; None if nothing is left."""
    start, end = span.start, span.end
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1] in _EDGE:
        end -= 1
    return Span(start, end) if start < end else None


@dataclass
class Counts:
    """Precision and recall counts; precision and recall can count matches differently (partial)."""

    matched_predicted: int = 0
    predicted: int = 0
    matched_gold: int = 0
    gold: int = 0

    def add(self, other: Counts) -> None:
        self.matched_predicted += other.matched_predicted
        self.predicted += other.predicted
        self.matched_gold += other.matched_gold
        self.gold += other.gold

    def scores(self) -> dict[str, float]:
        p = self.matched_predicted / self.predicted if self.predicted else 0.0
        r = self.matched_gold / self.gold if self.gold else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        return {"p": round(p, 4), "r": round(r, 4), "f1": round(f1, 4)}


def _overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def role_counts(gold: Iterable[Span], predicted: Iterable[Span], text: str, *, exact: bool) -> Counts:
    gold_spans = {s for s in (normalised(g, text) for g in gold) if s}
    pred_spans = {s for s in (normalised(p, text) for p in predicted) if s}
    if exact:
        matched = len(gold_spans & pred_spans)
        return Counts(matched, len(pred_spans), matched, len(gold_spans))
    return Counts(
        sum(any(_overlaps(p, g) for g in gold_spans) for p in pred_spans),
        len(pred_spans),
        sum(any(_overlaps(g, p) for p in pred_spans) for g in gold_spans),
        len(gold_spans),
    )


def pair_counts(gold: Iterable[Attribution], predicted: Iterable[Attribution]) -> Counts:
    """Attributions matched as source and content together, each overlapping (lenient pairs).
    Attributions without a source or content cannot match and count only as misses."""
    gold_list = [a for a in gold if a.source and a.content]
    pred_list = [a for a in predicted if a.source and a.content]

    def same(a: Attribution, b: Attribution) -> bool:
        return any(_overlaps(x, y) for x in a.source for y in b.source) and any(
            _overlaps(x, y) for x in a.content for y in b.content
        )

    return Counts(
        sum(any(same(p, g) for g in gold_list) for p in pred_list),
        len(pred_list),
        sum(any(same(g, p) for p in pred_list) for g in gold_list),
        len(gold_list),
    )


@dataclass
class Scorer:
    """Accumulates exact and partial per-role counts and lenient pair counts over documents."""

    exact: dict[str, Counts] = field(default_factory=lambda: {r: Counts() for r in ROLES})
    partial: dict[str, Counts] = field(default_factory=lambda: {r: Counts() for r in ROLES})
    pairs: Counts = field(default_factory=Counts)

    def add(self, document: Document, predicted: list[Attribution]) -> None:
        for role in ROLES:
            gold = [s for a in document.attributions for s in a.spans(role)]
            pred = [s for a in predicted for s in a.spans(role)]
            self.exact[role].add(role_counts(gold, pred, document.text, exact=True))
            self.partial[role].add(role_counts(gold, pred, document.text, exact=False))
        self.pairs.add(pair_counts(document.attributions, predicted))

    def report(self) -> dict[str, dict[str, object]]:
        result: dict[str, dict[str, object]] = {
            role: {"exact": self.exact[role].scores(), "partial": self.partial[role].scores()} for role in ROLES
        }
        result["pair_lenient"] = dict(self.pairs.scores())
        return result
