"""Plain-text helpers shared by grouping, copy detection and the article-stance features.

These work on raw strings (headlines, claims, article bodies) so that the same code serves the
pipeline's articles and the benchmark datasets, which come without a spaCy parse.
"""

from __future__ import annotations

import re

# Sentence ends: a stop followed by space and a capital or an opening quote, or a line break.
_SENTENCE_BREAK = re.compile(r"(?<=[.!?…])[\"”’)\]]?\s+(?=[\"“‘(\[]?[A-Z0-9])|\n+")
_WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")
_NAME = re.compile(r"\b(?:[A-Z][a-zA-Z'’.-]+|[A-Z]{2,}|[0-9][0-9,.]*)\b")
MAX_SENTENCES = 30
MIN_SENTENCE_CHARS = 20

# Words a writer uses to refute a claim, and to keep a distance from it (after Ferreira and
# Vlachos 2016 and the FNC-1 baseline, extended with their inflections).
REFUTING = frozenset(
    """fake fraud hoax hoaxes false deny denies denied denial not despite nope doubt doubts doubted bogus
    debunk debunks debunked debunking pranks prank retract retracts retracted refute refutes refuted
    rejects rejected dismissed misleading untrue myth satire satirical no never isn't wasn't aren't
    don't doesn't didn't nothing fabricated fabrication nonsense baseless unfounded erroneous incorrect
    wrong mistaken""".split()
)
HEDGING = frozenset(
    """alleged allegedly apparently appear appears claim claims claimed could evidently largely likely
    mainly may maybe might mostly perhaps presumably probably purported purportedly reported reportedly
    rumor rumors rumour rumours rumored rumoured says said seems seemingly somewhat supposedly unconfirmed
    unverified possibly speculation speculate speculates according""".split()
)
STOPWORDS = frozenset(
    """a an the of to in on for and or but that this these those it its with by from at as is are was were
    be been has have had will would could should may might he she they them his her their we our you your
    i me my also about after before over into than then there here which who whom whose what when where
    why how all any some more most other such only own same so very can just now up out new says said""".split()
)


def sentences(text: str, limit: int = MAX_SENTENCES) -> list[str]:
    """The first ``limit`` sentences of ``text`` that are long enough to carry a claim."""
    found = [s.strip() for s in _SENTENCE_BREAK.split(text)]
    kept = [s for s in found if len(s) >= MIN_SENTENCE_CHARS]
    return (kept or [text.strip()])[:limit]


def words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def content_words(text: str) -> set[str]:
    return {w for w in words(text) if w not in STOPWORDS and len(w) > 1}


def names(text: str) -> set[str]:
    """Capitalised words and numbers: the names, places and figures a story turns on."""
    return {n.lower().rstrip(".,") for n in _NAME.findall(text) if n.lower() not in STOPWORDS}


def count_in(tokens: list[str], lexicon: frozenset[str]) -> int:
    return sum(1 for t in tokens if t in lexicon)


def jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def shingles(text: str, size: int = 5) -> set[str]:
    """Word ``size``-grams: near-copies share most of them, rewrites few."""
    tokens = words(text)
    if len(tokens) < size:
        return {" ".join(tokens)} if tokens else set()
    return {" ".join(tokens[i : i + size]) for i in range(len(tokens) - size + 1)}
