"""Token-list helpers shared by the attribution rules."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from sourcebrief.analyze import DOC_TEXT_KEY

_OPENING_QUOTES = '"“'
_CLOSING_QUOTES = '"”'
# Only these are trimmed: "%", "$" and closing brackets belong to the words they follow.
_TRIMMABLE = set(",.;:!?—–-\"“”'‘’")


def trim_punctuation(tokens: list[Token], *, keep_quotes: bool = False) -> list[Token]:
    """``tokens`` without punctuation and spaces at either end (quote marks kept if asked)."""

    def trimmable(token: Token, quotes: str) -> bool:
        edge_punctuation = token.is_space or (token.is_punct and set(token.text) <= _TRIMMABLE)
        return edge_punctuation and not (keep_quotes and token.text in quotes)

    start, end = 0, len(tokens)
    while end > start and trimmable(tokens[end - 1], _CLOSING_QUOTES):
        end -= 1
    while start < end and trimmable(tokens[start], _OPENING_QUOTES):
        start += 1
    return tokens[start:end]


def without_dateline(tokens: list[Token]) -> list[Token]:
    """ "BEIRUT — fighters seized ...", "Perth | A woman ...", "Tokyo: Kim ...": a paragraph's
    opening place (and date) up to a dash, bar or colon is the dateline, no part of the clause
    after it."""
    dash = next((i for i, t in enumerate(tokens) if t.text in ("—", "–", "--", "|") or _after_a_place(t)), None)
    if dash == 0:  # the parser ended a sentence at the place
        return tokens[1:]
    if dash is None or (tokens[0].i > 0 and "\n" not in tokens[0].nbor(-1).text_with_ws):
        return tokens
    if not all(t.pos_ in ("PROPN", "NUM", "PUNCT") or t.is_upper for t in tokens[:dash]):
        return tokens
    return tokens[dash + 1 :]


def _after_a_place(colon: Token) -> bool:
    """ "Tokyo: Kim Jong-un ...": a colon after a place alone ends a dateline."""
    return colon.text == ":" and colon.i > 0 and colon.nbor(-1).ent_type_ in ("GPE", "LOC")


def subtree_tokens(token: Token, *, skip_deps: frozenset[str] | set[str] = frozenset()) -> list[Token]:
    """The token's subtree without the children (and their subtrees) whose dep is in ``skip_deps``,
    trimmed of punctuation."""
    skipped = {t.i for child in token.children if child.dep_ in skip_deps for t in child.subtree}
    # A head that is itself punctuation-like (a stray quote mark parsed as a subject) stands alone.
    return trim_punctuation([t for t in token.subtree if t.i not in skipped]) or [token]


def span_of(tokens: list[Token]) -> tuple[int, int]:
    """Character offsets from the first token's start to the last token's end."""
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1])


def text_of(tokens: list[Token]) -> str:
    """The text from the first to the last token, as written (with what lies between)."""
    if not tokens:
        return ""
    start, end = span_of(tokens)
    return doc_text(tokens[0].doc)[start:end]


def doc_text(doc: Doc) -> str:
    """The document's text, built once: spaCy's ``Doc.text`` joins every token again on each
    call, which made attribution quadratic in the article's length."""
    text: str | None = doc.user_data.get(DOC_TEXT_KEY)
    if text is None:
        text = doc.user_data[DOC_TEXT_KEY] = doc.text
    return text
