"""Shared fixtures: the spaCy model and pipeline load once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

from sourcebrief import Pipeline, Settings
from sourcebrief.analyze import load_model
from sourcebrief.settings import AttributeSettings

CASES = Path(__file__).parent / "cases"
GOLDEN = Path(__file__).parent / "golden"
SHARED = Path(__file__).resolve().parents[2] / "shared"
EXAMPLE = SHARED / "examples" / "cyber-pause-content-farm.txt"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="rewrite golden files from the current output")


@pytest.fixture(scope="session")
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    return load_model()


@pytest.fixture(scope="session")
def pipeline(nlp) -> Pipeline:  # type: ignore[no-untyped-def]
    """The pipeline as users get it: accurate attribution, the model being shipped."""
    return Pipeline(Settings(), nlp=nlp)


@pytest.fixture(scope="session")
def fast_pipeline(nlp) -> Pipeline:  # type: ignore[no-untyped-def]
    return Pipeline(Settings(attribute=AttributeSettings(mode="fast")), nlp=nlp)


def needs_shared(path: Path) -> pytest.MarkDecorator:
    return pytest.mark.skipif(not path.exists(), reason=f"{path} is absent (../shared not beside the checkout)")
