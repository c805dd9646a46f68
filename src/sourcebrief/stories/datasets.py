"""Readers for the stance and grouping data sets (Emergent, FNC-1) and a claim-disjoint split,
used by the training command and the benchmarks.

Data is read from where it lies and never copied into the package; only trained weights are shipped.
"""

from __future__ import annotations

import csv
import random
import uuid
from dataclasses import dataclass
from pathlib import Path

EMERGENT_TRAIN = "url-versions-2015-06-14-clean-train.csv"
EMERGENT_TEST = "url-versions-2015-06-14-clean-test.csv"
FNC_NAMINGS = (
    ("train_stances.csv", "train_bodies.csv"),
    ("competition_test_stances.csv", "competition_test_bodies.csv"),
)
EMERGENT_LABELS = {"for": "agree", "against": "disagree", "observing": "discuss"}
HELD_OUT_FRACTION = 0.2
SPLIT_SEED = 1489215  # the FNC-1 baseline's seed, reused for our claim-disjoint split


@dataclass(frozen=True)
class Pair:
    """One labelled (claim, article) pair; ``group`` is the claim it belongs to, for splitting."""

    claim: str
    headline: str
    body: str
    label: str  # agree / disagree / discuss / unrelated
    group: str
    article: str
    order: float = 0.0  # publication order where the data knows it
    article_group: str = ""  # the claim group the article's text belongs to ("" if none)


def _read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _uuid_time(text: str) -> float:
    # Emergent's article ids are version-1 UUIDs: their timestamp orders the articles in time.
    try:
        value = uuid.UUID(text)
    except ValueError:
        return 0.0
    return float(value.time) if value.version == 1 else 0.0


def load_emergent(folder: Path) -> tuple[list[Pair], bool]:
    """Emergent rows from ``folder`` as pairs (the article's headline is its only text); True when
    the folder held the official test file rather than the train file."""
    for name, official_test in ((EMERGENT_TEST, True), (EMERGENT_TRAIN, False)):
        if (folder / name).exists():
            rows = _read_csv(folder / name)
            pairs = [
                Pair(
                    claim=r["claimHeadline"],
                    headline=r["articleHeadline"],
                    body="",
                    label=EMERGENT_LABELS[r["articleHeadlineStance"]],
                    group=r["claimId"],
                    article=r["articleId"],
                    order=_uuid_time(r["articleId"]),
                    article_group=r["claimId"],
                )
                for r in rows
            ]
            return pairs, official_test
    raise SystemExit(f"{folder}: neither {EMERGENT_TEST} nor {EMERGENT_TRAIN} found")


def load_fnc(folder: Path) -> tuple[list[Pair], bool]:
    """FNC-1 pairs from ``folder`` (train or competition-test naming); True for the test naming.

    FNC-1 pairs a headline with a body; the headline is the claim. Claims are grouped into stories
    by the bodies they are related to, so that a split by group keeps a story's headlines and
    bodies on one side."""
    for (stances_name, bodies_name), official_test in zip(FNC_NAMINGS, (False, True), strict=True):
        if (folder / stances_name).exists() and (folder / bodies_name).exists():
            bodies = {r["Body ID"]: r["articleBody"] for r in _read_csv(folder / bodies_name)}
            rows = _read_csv(folder / stances_name)
            groups = _fnc_story_groups(rows)
            body_groups = {r["Body ID"]: groups[r["Headline"]] for r in rows if r["Stance"] != "unrelated"}
            pairs = [
                Pair(
                    claim=r["Headline"],
                    headline="",
                    body=bodies[r["Body ID"]],
                    label=r["Stance"],
                    group=groups[r["Headline"]],
                    article=r["Body ID"],
                    article_group=body_groups.get(r["Body ID"], ""),
                )
                for r in rows
            ]
            return pairs, official_test
    raise SystemExit(f"{folder}: no FNC-1 stances and bodies files ({FNC_NAMINGS})")


def _fnc_story_groups(rows: list[dict[str, str]]) -> dict[str, str]:
    """Headlines joined when they are related to a common body (union-find): one group a story."""
    parent: dict[str, str] = {}

    def find(node: str) -> str:
        while parent.setdefault(node, node) != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for row in rows:
        find("h:" + row["Headline"])
        if row["Stance"] != "unrelated":
            parent[find("h:" + row["Headline"])] = find("b:" + row["Body ID"])
    return {row["Headline"]: find("h:" + row["Headline"]) for row in rows}


def claim_disjoint_split(pairs: list[Pair], seed: int = SPLIT_SEED) -> tuple[list[Pair], list[Pair]]:
    """Train and held-out parts with no claim group in both: no held-out headline and no article
    related to a held-out claim is seen in training. Held-out claims keep their natural
    "unrelated" pairs (FNC-1 pairs each headline with bodies of other stories, some of them
    training stories), so the held-out part has the class mix of the official test."""
    groups = sorted({p.group for p in pairs})
    random.Random(seed).shuffle(groups)
    held = set(groups[: round(len(groups) * HELD_OUT_FRACTION)])
    train = [p for p in pairs if p.group not in held and p.article_group not in held]
    held_out = [p for p in pairs if p.group in held]
    return train, held_out
