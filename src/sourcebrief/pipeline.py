"""Runs the stages in order over a batch of inputs; a bad input becomes a recorded problem."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from spacy.language import Language

from sourcebrief import brief, claim, stance
from sourcebrief.analyze import analyze, load_model
from sourcebrief.attribute import attribute
from sourcebrief.attribute.tagger import AttributionTagger
from sourcebrief.errors import ModelMissing
from sourcebrief.extract import extract_all
from sourcebrief.ingest import read_inputs
from sourcebrief.model import Article, BatchResult, Briefing, Problem
from sourcebrief.settings import AttributeSettings, Settings


class Pipeline:
    """The briefing pipeline with its model loaded once; reuse it for many articles."""

    def __init__(self, settings: Settings | None = None, *, nlp: Language | None = None):
        self.settings = settings or Settings()
        self.nlp = nlp or load_model()
        self.tagger = _load_tagger(self.settings.attribute)

    @property
    def mode(self) -> str:
        return "accurate" if self.tagger is not None else "fast"

    def brief_article(self, article: Article) -> Briefing:
        analysis = analyze(article, self.nlp)
        attribution = attribute(analysis, self.tagger)
        claim_span = claim.central_claim_span(analysis)
        terms = stance.terms_of_claim(analysis, claim_span)
        stances = stance.stances(attribution.sources, analysis, terms)
        central = claim.build_claim(analysis, attribution.sources, stances)
        unknowns = claim.unknowns(analysis)
        flags = article.flags + claim.speculation_flags(analysis, claim.attributed_spans(attribution.sources))
        sentences = brief.compose(article, central, attribution.sources, stances, attribution.chain, unknowns, flags)
        return Briefing(
            title=article.title,
            status=central.status,
            claims=(central,),
            sources=attribution.sources,
            stances=stances,
            chain=attribution.chain,
            unknowns=unknowns,
            flags=flags,
            sentences=sentences,
            articles=(article,),
        )

    def run(
        self,
        inputs: list[str],
        *,
        on_article: Callable[[Article | Problem], None] | None = None,
    ) -> BatchResult:
        """Brief every article in ``inputs``; problems are collected, never raised."""
        result = BatchResult()
        for item in self.stream(inputs):
            if isinstance(item, Problem):
                result.problems.append(item)
            else:
                result.briefings.append(item)
            if on_article:
                on_article(item if isinstance(item, Problem) else item.articles[0])
        return result

    def stream(self, inputs: list[str]) -> Iterator[Briefing | Problem]:
        """Each article's briefing as soon as it is made, or a problem for each bad input or
        record, in the inputs' order: a long batch can be written out as it goes."""
        for item in extract_all(read_inputs(inputs, self.settings.input), self.settings.extract):
            yield self._brief_or_problem(item) if isinstance(item, Article) else item

    def _brief_or_problem(self, article: Article) -> Briefing | Problem:
        try:
            return self.brief_article(article)
        except Exception as error:
            return Problem(
                article.origin or article.id,
                f"internal error while briefing ({type(error).__name__}: {error}); please report it with this input",
            )


def _load_tagger(settings: AttributeSettings) -> AttributionTagger | None:
    if settings.mode == "fast":
        return None
    try:
        return AttributionTagger.load(precision=settings.precision)
    except ModelMissing:
        if settings.mode == "accurate":
            raise
        return None
