"""sourcebrief: sourced briefings from news articles.

>>> from sourcebrief import Pipeline
>>> result = Pipeline().run(["article.html"])  # doctest: +SKIP
"""

from sourcebrief.errors import ExtractionError, InputError, ModelError, SourcebriefError
from sourcebrief.model import (
    Article,
    BatchResult,
    Briefing,
    ChainLink,
    ChainRole,
    Citation,
    Claim,
    ClaimStatus,
    Flag,
    FlagKind,
    Note,
    Problem,
    Source,
    SourceKind,
    Stance,
    Statement,
)
from sourcebrief.pipeline import Pipeline
from sourcebrief.settings import ExtractSettings, InputSettings, Settings

__version__ = "0.1.0"

__all__ = [
    "Article",
    "BatchResult",
    "Briefing",
    "ChainLink",
    "ChainRole",
    "Citation",
    "Claim",
    "ClaimStatus",
    "ExtractSettings",
    "ExtractionError",
    "Flag",
    "FlagKind",
    "InputError",
    "InputSettings",
    "ModelError",
    "Note",
    "Pipeline",
    "Problem",
    "Settings",
    "Source",
    "SourceKind",
    "SourcebriefError",
    "Stance",
    "Statement",
]
