"""Typed settings, one object per stage, with every default in one place."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal


@dataclass(frozen=True, kw_only=True)
class InputSettings:
    max_bytes: int = 20_000_000  # a larger file is refused before any parsing: bounded time and memory
    fetch_timeout_s: float = 10.0
    user_agent: str = "sourcebrief/0.1 (+offline news briefing tool)"
    allow_private_addresses: bool = False


@dataclass(frozen=True, kw_only=True)
class ExtractSettings:
    max_text_chars: int = 400_000  # ~60,000 words; spaCy's parser memory grows with text length
    min_text_chars: int = 80
    languages: tuple[str, ...] = ("en",)  # empty: any language
    # Said of a text in another language; None: that sourcebrief briefs English only, or "skipped".
    language_refused: str | None = None


@dataclass(frozen=True, kw_only=True)
class AttributeSettings:
    # "fast": rules over the parse; "accurate": the trained tagger finds the spans, the rules
    # resolve the sources; "auto": accurate when its model is installed, else fast. Fast is the
    # default: its who-said-what pairs score higher on PolNeAR dev (docs/benchmarks.md).
    mode: Literal["fast", "accurate", "auto"] = "fast"
    # The tagger's arithmetic: "auto" runs it in bfloat16 where the processor multiplies bfloat16
    # itself (AVX512-BF16 or AMX): the tagger about 1.6 times as fast, PolNeAR scores the same to a
    # thousandth; "float32" gives the same output on every machine.
    precision: Literal["auto", "float32"] = "auto"


@dataclass(frozen=True, kw_only=True)
class Settings:
    input: InputSettings = field(default_factory=InputSettings)
    extract: ExtractSettings = field(default_factory=ExtractSettings)
    attribute: AttributeSettings = field(default_factory=AttributeSettings)
