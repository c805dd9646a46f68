"""Accurate mode: statements from the trained tagger's spans, ready for the rules to resolve."""

from __future__ import annotations

from spacy.tokens import Doc

from sourcebrief.attribute.corpus import Attribution
from sourcebrief.attribute.statements import REFUSAL, RawStatement
from sourcebrief.attribute.tokens import doc_text


def tagged_statements(doc: Doc, tagged: list[Attribution]) -> list[RawStatement]:
    """One raw statement per content fragment of each tagged attribution that has a source, a
    cue and a content, in text order (pronouns are resolved in reading order). The source
    span's syntactic head is the subject handed to the speaker resolver."""
    statements = []
    text = doc_text(doc)
    for attribution in tagged:
        if not (attribution.source and attribution.cue and attribution.content):
            continue
        source, cue = attribution.source[0], attribution.cue[0]
        span = doc.char_span(source.start, source.end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        for content in attribution.content:
            refusal = REFUSAL.search(text, cue.start, max(cue.end, content.end))
            statements.append(
                RawStatement(
                    subject=span.root,
                    cue=(cue.start, cue.end),
                    content=(content.start, content.end),
                    refusal=refusal is not None,
                    subject_is_source=True,
                )
            )
    return sorted(statements, key=lambda s: s.cue[0])
